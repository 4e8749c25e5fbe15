"""The relay database's tables and their migrations, and its epoch; SQLite or PostgreSQL
alike, through :mod:`pos_app.relay.engines`.

Epochs: cursors are only comparable within one database, and a database restored from a backup
(or made anew) would hand out again cursors that terminals have passed already. So each database
has an ``epoch``, a random id drawn when it is created, and drawn again by ``pos-app relay
restore`` and in every copy ``pos-app relay backup`` makes; a terminal that saved another epoch
is answered from the first cursor (and skips what it has applied). As a second guard, for a
backup put back by hand, a new cursor is never below the clock in microseconds
(:func:`pos_app.relay.storage.next_cursor`): with a clock that does not go back, a restored
database's new cursors still pass every one handed out before.
"""

import contextlib
import secrets
from collections.abc import Iterator
from pathlib import Path

from pos_app.relay.engines import ERRORS, Connection, describe, open_connection

SCHEMA_VERSION = 8
"""1: the tables; 2: the database's ``epoch`` in ``meta``; 3: each terminal's till id, each
event's currency and the reason an event is kept apart; 4: each terminal's shop and the tills'
uploaded business days (:mod:`pos_app.relay.till_days`); 5: the till ids terminals had before
(their earlier receipts and invoices carry them); 6: the part of a day a till restored from a
backup no longer has, and the payments by terminal (its last invoice number); 7: the day uploads
the relay refused, until it takes one of that day from the terminal; 8: the last return slip
number each till gave on each day, whatever became of the return's money."""
TABLES = (
    """CREATE TABLE IF NOT EXISTS terminals (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    till_id TEXT,
    shop TEXT NOT NULL DEFAULT 'default'
)""",
    """CREATE TABLE IF NOT EXISTS payments (
    invoice_number TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    family TEXT NOT NULL,
    terminal_id INTEGER NOT NULL REFERENCES terminals(id),
    amount INTEGER NOT NULL,
    redirect_token TEXT UNIQUE,
    redirect_expires_at TEXT,
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    dedupe_key TEXT NOT NULL UNIQUE,
    family TEXT NOT NULL,
    provider TEXT NOT NULL,
    invoice_number TEXT NOT NULL,
    status TEXT NOT NULL,
    amount INTEGER,
    request_id TEXT,
    received_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    redirect_data TEXT,
    currency TEXT,
    kept_apart TEXT
)""",
    """CREATE TABLE IF NOT EXISTS deliveries (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    terminal_id INTEGER NOT NULL REFERENCES terminals(id),
    event_id INTEGER NOT NULL UNIQUE REFERENCES events(id)
)""",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS till_days (
    shop TEXT NOT NULL,
    till_id TEXT NOT NULL,
    business_date TEXT NOT NULL,
    terminal_id INTEGER NOT NULL REFERENCES terminals(id),
    revision INTEGER NOT NULL,
    uploaded_at TEXT NOT NULL,
    day_closed INTEGER NOT NULL,
    shifts INTEGER NOT NULL,
    lines_csv TEXT NOT NULL,
    sales_csv TEXT NOT NULL,
    payments_csv TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    PRIMARY KEY (shop, till_id, business_date)
)""",
    """CREATE TABLE IF NOT EXISTS earlier_days (
    shop TEXT NOT NULL,
    till_id TEXT NOT NULL,
    business_date TEXT NOT NULL,
    lines_csv TEXT NOT NULL,
    sales_csv TEXT NOT NULL,
    payments_csv TEXT NOT NULL,
    last_receipt INTEGER NOT NULL,
    PRIMARY KEY (shop, till_id, business_date)
)""",
    """CREATE TABLE IF NOT EXISTS return_numbers (
    shop TEXT NOT NULL,
    till_id TEXT NOT NULL,
    business_date TEXT NOT NULL,
    last_return INTEGER NOT NULL,
    PRIMARY KEY (shop, till_id, business_date)
)""",
    """CREATE TABLE IF NOT EXISTS former_till_ids (
    till_id TEXT PRIMARY KEY,
    terminal_id INTEGER NOT NULL REFERENCES terminals(id),
    until TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS refused_days (
    terminal_id INTEGER NOT NULL REFERENCES terminals(id),
    business_date TEXT NOT NULL,
    refused_at TEXT NOT NULL,
    status INTEGER NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (terminal_id, business_date)
)""",
)
UPGRADES: dict[int, tuple[str, ...]] = {
    3: (
        # Terminals added before till ids learn theirs from their first invoice (or the operator
        # sets it); every event stored before was in rupiah (the parsers refused anything else).
        "ALTER TABLE terminals ADD COLUMN till_id TEXT",
        "ALTER TABLE events ADD COLUMN currency TEXT",
        "ALTER TABLE events ADD COLUMN kept_apart TEXT",
        "UPDATE events SET currency = 'IDR'",
    ),
    # Every terminal added before shops is in the one shop; till_days is made by TABLES.
    4: ("ALTER TABLE terminals ADD COLUMN shop TEXT NOT NULL DEFAULT 'default'",),
    # 5: former_till_ids is made by TABLES; no terminal had another till id before.
    # 6: earlier_days is made by TABLES, the payments index by INDEXES.
    # 7: refused_days is made by TABLES; no refusal was kept before.
    # 8: return_numbers is made by TABLES; tills tell their last return with their next upload.
}
"""The statements that bring a database of the version before the key up to the key."""
INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_invoice ON events(invoice_number, family)",
    "CREATE INDEX IF NOT EXISTS deliveries_terminal ON deliveries(terminal_id, cursor)",
    "CREATE INDEX IF NOT EXISTS payments_terminal ON payments(terminal_id, created_at)",
    # One active terminal per till id (storage refuses a revoked one's id to any other too:
    # its payments are delivered to it; the index keeps databases where one was given it).
    "CREATE UNIQUE INDEX IF NOT EXISTS terminals_till_id ON terminals(till_id)"
    " WHERE revoked_at IS NULL",
)


class SchemaTooNew(Exception):
    """The database was written by a newer relay (a package rolled back, or an older process
    beside a newer one): this one would misread it, so it refuses it. The message names the
    database as :func:`~pos_app.relay.engines.describe` does, never with its password."""

    def __init__(self, database: Path | str, version: int) -> None:
        super().__init__(
            f"the database {describe(database)} was written by a newer relay (schema {version}; "
            f"this relay reads up to schema {SCHEMA_VERSION}): run the newer relay on it"
        )


def connect(database: Path | str) -> Connection:
    """Open the SQLite file (creating it if needed) or the PostgreSQL database.

    A database created, or one of an older schema, is brought to this relay's schema (and given
    its epoch) in one transaction; one of a newer schema raises :class:`SchemaTooNew`.
    """
    conn = open_connection(database)
    try:
        if _schema_version(conn, database) < SCHEMA_VERSION:
            _upgrade(conn, database)
    except BaseException:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def opened(database: Path | str) -> Iterator[Connection]:
    """A connection to ``database`` as :func:`connect` opens it, closed when the block ends."""
    with contextlib.closing(connect(database)) as conn:
        yield conn


@contextlib.contextmanager
def writing(database: Path | str) -> Iterator[Connection]:
    """A connection to ``database`` in a write transaction, committed when the block ends and
    rolled back when it raises (the block's error goes on, even if the rollback fails too)."""
    with opened(database) as conn:
        conn.begin()
        try:
            yield conn
        except BaseException:
            with contextlib.suppress(*ERRORS.database):
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _schema_version(conn: Connection, database: Path | str) -> int:
    version = conn.schema_version()
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(database, version)
    return version


def _upgrade(conn: Connection, database: Path | str) -> None:
    conn.begin()
    try:
        version = _schema_version(conn, database)  # again: another process may have upgraded it
        for statement in TABLES:
            conn.execute(conn.ddl(statement))
        if version:
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in UPGRADES.get(step, ()):
                    conn.execute(conn.ddl(statement))
        for statement in INDEXES:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('epoch', ?) ON CONFLICT(key) DO NOTHING",
            (new_epoch(),),
        )
        conn.set_schema_version(SCHEMA_VERSION)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def new_epoch() -> str:
    return secrets.token_hex(16)


def read_epoch(conn: Connection) -> str:
    return str(conn.execute("SELECT value FROM meta WHERE key = 'epoch'").fetchone()[0])


def replace_epoch(conn: Connection) -> str:
    """Give the database a new epoch (a restored copy): every terminal's cursor is void."""
    epoch = new_epoch()
    conn.execute("UPDATE meta SET value = ? WHERE key = 'epoch'", (epoch,))
    return epoch
