"""One consistent view of the store for a report made of several queries.

In WAL mode each statement outside a transaction reads the database as it is when the statement
starts, so a sale completed while an export runs could be in one query and not the next. A read
transaction pins one snapshot for all of them without blocking the terminal's writers.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database


@contextmanager
def read_snapshot(db: Database) -> Iterator[None]:
    """Every query in the block sees the same database; inside a transaction, that one's."""
    conn = db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")  # nothing was written: only the snapshot is let go
