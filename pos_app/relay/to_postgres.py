"""Moving a relay from its SQLite file to PostgreSQL: ``pos-app relay copy-to URL``.

An operator who started on the embedded SQLite file and now serves more shops, or wants a second
relay host, copies the stopped relay's database into an empty PostgreSQL database and points
``database_url`` at it. Everything is copied as it is, cursors and epoch included, so the
terminals carry on where they were (their cursors are this database's), with their tokens,
payments, notifications, orphans, uploaded days and kept parts. The copy is one transaction: an
interrupted one leaves the PostgreSQL database as empty as it was.
"""

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from pos_app.relay import engines, schema, storage

TABLES = (
    "terminals",
    "former_till_ids",
    "payments",
    "events",
    "deliveries",
    "till_days",
    "earlier_days",
    "refused_days",
    "return_numbers",
    "meta",
)
"""Every table of the relay, each after those it refers to."""
IDENTITIES = ("terminals", "events")
"""Tables whose ``id`` PostgreSQL draws (an identity column): drawn on after the copied ones."""
HOLDS_DATA = ("terminals", "payments", "events", "till_days")
BATCH = 5_000
"""Rows read and sent at a time: memory stays flat for a relay with millions of notifications."""


class CopyError(Exception):
    """The copy was refused or failed; the message says why, and nothing was changed."""


def copy_to_postgres(source: Path, url: str) -> dict[str, int]:
    """Copy the relay's SQLite database ``source`` (the relay stopped) into the empty
    PostgreSQL database ``url``; what it holds (:func:`~pos_app.relay.storage.counts`)."""
    if not source.is_file():
        raise CopyError(f"there is no relay database at {source}")
    schema.connect(source).close()  # an older relay's file is brought to this schema first
    target = schema.connect(url)
    assert isinstance(target, engines.PostgresConnection)
    try:
        with _stopped(source) as reader:
            target.begin()
            held = [table for table in HOLDS_DATA if _has_rows(target, table)]
            if held:
                raise CopyError(
                    f"the PostgreSQL database ({engines.describe(url)}) holds relay data already "
                    f"({', '.join(held)}): copy into an empty database"
                )
            target.execute("DELETE FROM meta WHERE key <> 'schema_version'")
            for table in TABLES:
                _copy_table(reader, target, table)
            for table in IDENTITIES:
                target.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id))"
                    f" FROM {table} HAVING max(id) IS NOT NULL"
                )
            counts = storage.counts(target)
            target.execute("COMMIT")
        return counts
    finally:
        if target.in_transaction:
            target.execute("ROLLBACK")
        target.close()


@contextlib.contextmanager
def _stopped(db: Path) -> Iterator[sqlite3.Connection]:
    """A connection reading ``db`` in a transaction that keeps every other writer out, refused
    while anything has it open (a relay still serving would go on storing notifications that
    the copy would not have)."""
    conn = sqlite3.connect(db, isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as exc:
        conn.close()
        if exc.sqlite_errorname in ("SQLITE_BUSY", "SQLITE_LOCKED"):
            raise CopyError(
                f"{db} is in use: stop the relay first (systemctl stop kasir-relay)"
            ) from None
        raise
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def _has_rows(conn: engines.Connection, table: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None


def _copy_table(reader: sqlite3.Connection, target: engines.PostgresConnection, table: str) -> None:
    columns = [row[1] for row in reader.execute(f"PRAGMA table_info({table})")]
    names = ", ".join(columns)
    insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
    rows = reader.execute(f"SELECT {names} FROM {table}")
    with target.raw.cursor() as cursor:
        while batch := rows.fetchmany(BATCH):
            cursor.executemany(insert, batch)
