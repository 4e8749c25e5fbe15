"""The terminal's local SQLite store: one database, repositories named for what they hold.

Open it with :func:`~pos_app.store.database.open_database`; give each repository the returned
``Database``. Every method that writes does so in one transaction, so nothing is ever
half-written. Import each repository from its own module: importing the package loads none of
them (the relay reads a few of the store's rules without the terminal's whole database layer).
"""
