"""The notification relay: an internet-facing service that stores the providers' notifications
durably and hands them to the shop terminals by long-poll (docs/architecture.md, Shape).

Modules: ``config`` (settings), ``storage`` (SQLite, group commit), ``auth`` (terminal tokens,
which invoices a terminal may claim), ``waiters`` (long-poll wake-ups), ``app`` (the ASGI routes),
``server`` (uvicorn with time and size limits), ``pages`` (the Gate redirect page), ``embedded``
(a relay inside this process, for demo mode), ``client`` (the terminal side), ``cli``
(``pos-app relay …``), ``backup`` (backup and restore, each with a new epoch); ``testing``,
``loadgen`` and ``fuzz`` serve the tests and benchmarks.
"""
