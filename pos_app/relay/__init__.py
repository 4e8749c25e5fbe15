"""The notification relay: an internet-facing service that stores the providers' notifications
durably and hands them to the shop terminals by long-poll (docs/architecture.md, Shape).

Modules, from the request in to the disk:

- ``server`` (uvicorn with time and size limits), ``app`` (the ASGI routes: notifications in,
  long-polls out), ``uploads`` (the tills' days and the shop's view of them), ``pages`` (the
  Gate redirect page a phone sees), ``request_input`` (reading a request within its limits);
- ``auth`` (terminal tokens, which invoices a terminal may claim), ``waiters`` (long-poll
  wake-ups in this process), ``wakeups`` (from other processes, PostgreSQL's LISTEN/NOTIFY);
- ``writer`` (the one way into the database: reads, and writes committed in groups),
  ``storage`` (the SQL of notifications, terminals and payments), ``till_days`` (the SQL of
  uploaded days), ``schema`` (tables, migrations, the epoch), ``engines`` (SQLite and
  PostgreSQL behind one seam);
- for the operator: ``config`` (settings), ``backup`` (backup and restore, each with a new
  epoch), ``to_postgres`` (moving from SQLite), ``sole_server`` (one process per SQLite file).

The command line is :mod:`pos_app.commands.relay_service`; demo mode runs a relay
(:mod:`pos_app.demo.embedded_relay`) in a child process of the terminal
(:mod:`pos_app.demo.services_child`); the terminal's side is :mod:`pos_app.clients.relay_client`.
"""
