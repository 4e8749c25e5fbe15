"""Opening the terminal's SQLite database: pragmas, schema migrations, transactions, time codec.

Pragmas, and why:

- ``journal_mode=WAL``: the GUI reads while a worker writes (relay events, status checks).
- ``synchronous=FULL``: every commit is on disk before it returns. A shop loses power more often
  than an office; with NORMAL a committed "paid" or a just-created payment attempt could vanish in
  a power cut. FULL costs one fsync per commit, and a till commits a handful of times per sale.
- ``foreign_keys=ON``: sale lines, attempts and events always point at rows that exist.
- ``busy_timeout=5000``: a second connection (another thread, ``pos-app export``) waits for a
  writer instead of failing at once.

A sqlite3 connection belongs to the thread that opened it: each thread that touches the store
opens its own :func:`open_database` on the same path. :func:`transaction` starts with ``BEGIN
IMMEDIATE``, so read-then-write steps never fail half-way on a lock upgrade.
"""

import itertools
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from pos_app.domain.errors import ValidationError
from pos_app.store.errors import SchemaVersionError, StoreError
from pos_app.store.migrations import MIGRATIONS, Migration

BUSY_TIMEOUT_MS = 5000
_savepoints = itertools.count(1)


def open_database(path: Path) -> Database:
    """Open (creating if needed) and migrate the database at ``path``."""
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the database {path}: {exc}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn, execute_plugins=False)
        migrate(db)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"cannot open the database {path}: {exc}") from None
    except BaseException:
        conn.close()
        raise
    return db


def schema_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database up to ``len(migrations)`` in one transaction; return the version."""
    target = len(migrations)
    _refuse_newer(db, target)
    with transaction(db) as conn:
        current = schema_version(db)  # again, under the write lock: another process may have won
        _refuse_newer(db, target)
        for step in migrations[current:]:
            if callable(step):
                step(conn)
            else:
                for statement in _statements(step):
                    conn.execute(statement)
        if current < target:
            conn.execute(f"PRAGMA user_version = {target}")
    return target


@contextmanager
def transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """All or nothing: commit at the end, roll back on any exception; nests as a savepoint."""
    conn = db.conn
    if conn.in_transaction:
        name = f"kasir_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def read_meta(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else row[0]


def write_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


TICK = timedelta(milliseconds=1)
"""The smallest step between two stored moments (:func:`utc_text` keeps milliseconds): what
comes just after a moment."""


def utc_text(moment: datetime) -> str:
    """The one stored form of an instant: ``2026-11-21T03:04:05.123Z``."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError(f"time {moment.isoformat()} has no time zone; pass an aware datetime")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text)


def optional_utc(text: str | None) -> datetime | None:
    return None if text is None else parse_utc(text)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _refuse_newer(db: Database, known: int) -> None:
    found = schema_version(db)
    if found > known:
        raise SchemaVersionError(
            f"the database is at schema version {found}, written by a newer Kasir; this Kasir "
            f"knows versions up to {known}. Install the newer Kasir again, or open another "
            "database."
        )


def _statements(script: str) -> Iterator[str]:
    """Split a script into complete statements (trigger bodies included) to run in a transaction.

    ``sqlite3.executescript`` would commit first, breaking the one-transaction upgrade.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        yield pending.strip()
