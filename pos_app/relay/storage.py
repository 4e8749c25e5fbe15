"""The relay's own database: notifications, terminals, registered payments, deliveries.

SQLite by default, PostgreSQL when a URL is configured: one set of SQL and migrations for both,
behind :mod:`pos_app.relay.engines`.

Durability: SQLite in WAL with ``synchronous=FULL``, PostgreSQL with its default synchronous
commit, so a commit is on disk when it returns. Throughput:
every write goes through one writer that takes whatever requests are queued, runs them in one
transaction and commits once (group commit), and only then resolves their futures, so a request
answers 2xx only after its notification is on disk.

Cursors: each delivery of an event to a terminal gets a row in ``deliveries`` whose id is the
cursor. It is global and monotonic, so a terminal's cursor never skips or repeats, and an orphan
that a terminal adopts later (by registering its invoice) gets a fresh, larger cursor the terminal
will still see.

Epochs: cursors are only comparable within one database, and a database restored from a backup
(or made anew) would hand out again cursors that terminals have passed already. So each database
has an ``epoch``, a random id drawn when it is created, and drawn again by ``pos-app relay
restore`` and in every copy ``pos-app relay backup`` makes; a terminal that saved another epoch
is answered from the first cursor (and skips what it has applied). As a second guard, for a
backup put back by hand, a new cursor is never below the clock in microseconds: with a clock that
does not go back, a restored database's new cursors still pass every one handed out before.
"""

import asyncio
import contextlib
import itertools
import json
import logging
import secrets
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.relay.engines import (
    ERRORS,
    NOTIFY_CHANNEL,
    Connection,
    PostgresConnection,
    SqliteConnection,
    open_connection,
)

log = logging.getLogger(__name__)

RUPIAH = "IDR"

T = TypeVar("T")
MAX_BATCH = 1024
READS_APART = 2
"""Large reads (:meth:`RelayStorage.read_apart`, a shop's day of files, megabytes each) at once:
more would only share the same cores and hold more in memory."""
SCHEMA_VERSION = 4
"""1: the tables; 2: the database's ``epoch`` in ``meta``; 3: each terminal's till id, each
event's currency and the reason an event is kept apart; 4: each terminal's shop and the tills'
uploaded business days (:mod:`pos_app.relay.till_days`)."""
DEFAULT_SHOP = "default"
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
}
"""The statements that bring a database of the version before the key up to the key."""
INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_invoice ON events(invoice_number, family)",
    "CREATE INDEX IF NOT EXISTS deliveries_terminal ON deliveries(terminal_id, cursor)",
    # One active terminal per till id; a revoked one keeps its id for the record.
    "CREATE UNIQUE INDEX IF NOT EXISTS terminals_till_id ON terminals(till_id)"
    " WHERE revoked_at IS NULL",
)

STATUS_RANK: dict[str, int] = {
    PaymentStatus.PENDING: 0,
    PaymentStatus.DECLINED: 1,
    PaymentStatus.EXPIRED: 1,
    PaymentStatus.FAILED: 1,
    PaymentStatus.PAID: 2,
    PaymentStatus.REFUNDED: 3,
}
"""A later event never moves a payment back (a stale ``pending`` after ``paid``); a payment after
a decline still counts, as the terminal's lifecycle allows (a late payment)."""


def family(provider: str) -> str:
    """DOKU and ecommpay keep separate invoice spaces; both ecommpay products share one."""
    return "doku" if provider == ProviderName.DOKU else "ecommpay"


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def connect(database: Path | str) -> Connection:
    """Open the SQLite file (creating it if needed) or the PostgreSQL database.

    A database created, or one of an older schema, is brought to this relay's schema (and given
    its epoch) in one transaction.
    """
    conn = open_connection(database)
    try:
        if _schema_version(conn, database) < SCHEMA_VERSION:
            _upgrade(conn, database)
    except BaseException:
        conn.close()
        raise
    return conn


def _schema_version(conn: Connection, database: Path | str) -> int:
    version = conn.schema_version()
    if version > SCHEMA_VERSION:
        raise RuntimeError(f"{database} was written by a newer relay (schema {version})")
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


def clock_cursor() -> int:
    """The lowest cursor a delivery made now may get: the clock in microseconds."""
    return time.time_ns() // 1000


def next_cursor(conn: Connection) -> int:
    """Above every cursor this database handed out, and not below the clock."""
    return max(conn.highest_cursor() + 1, clock_cursor())


# --- records -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Terminal:
    id: int
    name: str
    created_at: str
    revoked_at: str | None
    till_id: str | None = None
    """The till's ``terminal_id``, which its invoice numbers carry; ``None`` for a terminal added
    before till ids, until its first invoice or the operator says it."""
    shop: str = DEFAULT_SHOP
    """The shop the till is in: a terminal sees the uploaded days of its own shop only."""


@dataclass(frozen=True, slots=True)
class NewEvent:
    """A verified notification about to be stored; ``dedupe_key`` identifies redeliveries."""

    dedupe_key: str
    provider: ProviderName
    invoice_number: str
    status: PaymentStatus
    amount: int | None
    payload: str
    request_id: str | None = None
    redirect_data: str | None = None
    currency: str | None = None
    kept_apart: str | None = None
    """Why no terminal may have this event (another merchant account); ``None``: deliverable."""


@dataclass(frozen=True, slots=True)
class Ingested:
    event_id: int
    duplicate: bool
    terminal_id: int | None
    """The terminal it was delivered to; ``None`` for an orphan."""


@dataclass(frozen=True, slots=True)
class Registration:
    invoice_number: str
    provider: str
    amount: int
    redirect_token: str | None
    adopted: int
    """How many orphan events were handed to the terminal by this registration."""
    learned_till_id: bool = False
    """The terminal had no till id and took the one this invoice carries."""


class PaymentConflict(Exception):
    """The invoice is registered already, by another terminal or with other details."""


class NotYours(Exception):
    """The invoice does not carry the registering terminal's till id (answered 403)."""


class NameTaken(Exception):
    """A terminal of that name exists (revoked names are not reused, to keep logs unambiguous)."""


class TillIdTaken(Exception):
    """Another active terminal has that till id."""


# --- writes (each runs inside the writer's batch transaction) ------------------------------


_INSERT_EVENT = (
    "INSERT INTO events (dedupe_key, family, provider, invoice_number, status, amount,"
    " request_id, received_at, payload, redirect_data, currency, kept_apart)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(dedupe_key) DO NOTHING RETURNING id"
)
_STORED_EVENT = (
    "SELECT e.id, d.terminal_id FROM events e"
    " LEFT JOIN deliveries d ON d.event_id = e.id WHERE e.dedupe_key = ?"
)
_INGEST_IN_ONE_STATEMENT = (
    f"WITH new AS ({_INSERT_EVENT}),"
    " owner AS (SELECT terminal_id FROM payments WHERE invoice_number = ? AND family = ?"
    " AND CAST(? AS TEXT) IS NULL),"
    " delivered AS (INSERT INTO deliveries (cursor, terminal_id, event_id)"
    " SELECT GREATEST((SELECT COALESCE(MAX(cursor), 0) FROM deliveries) + 1, ?),"
    " owner.terminal_id, new.id FROM new, owner RETURNING terminal_id),"
    " announced AS (SELECT pg_notify(?, CAST(terminal_id AS TEXT)) FROM delivered)"
    " SELECT new.id, FALSE, (SELECT terminal_id FROM delivered),"
    " (SELECT COUNT(*) FROM announced) FROM new"
    f" UNION ALL SELECT stored.id, TRUE, stored.terminal_id, 0 FROM ({_STORED_EVENT}) stored"
    " WHERE NOT EXISTS (SELECT 1 FROM new)"
)
""":func:`insert_event` as one round trip on PostgreSQL (its ``WITH`` takes INSERTs): each
statement costs a round trip there, and the writers of every process take turns, so the
statements per notification bound the whole relay's ingest rate. The duplicate branch reads the
statement's snapshot, which holds every row committed or written before in this transaction."""


def _columns(event: NewEvent) -> tuple[Any, ...]:
    """The parameters of :data:`_INSERT_EVENT`."""
    return (
        event.dedupe_key,
        family(event.provider),
        event.provider.value,
        event.invoice_number,
        event.status.value,
        event.amount,
        event.request_id,
        iso(utc_now()),
        event.payload,
        event.redirect_data,
        event.currency,
        event.kept_apart,
    )


def _ingest_parameters(event: NewEvent) -> tuple[Any, ...]:
    """The parameters of :data:`_INGEST_IN_ONE_STATEMENT`."""
    fam = family(event.provider)
    return (
        *_columns(event),
        event.invoice_number,
        fam,
        event.kept_apart,
        clock_cursor(),
        NOTIFY_CHANNEL,
        event.dedupe_key,
    )


def insert_events(conn: Connection, events: list[NewEvent]) -> list[Ingested]:
    """:func:`insert_event` for each, in order; on PostgreSQL all in one pipelined round trip
    (each statement still sees what those before it wrote)."""
    if not conn.writable_ctes:
        return [insert_event(conn, event) for event in events]
    return _ingested(
        conn.execute_each(_INGEST_IN_ONE_STATEMENT, [_ingest_parameters(e) for e in events])
    )


def commit_events(conn: PostgresConnection, events: list[NewEvent]) -> list[Ingested]:
    """:func:`insert_events` in a transaction of its own, committed: the begin, the writer lock,
    every notification and the commit in one round trip."""
    return _ingested(
        conn.commit_each(_INGEST_IN_ONE_STATEMENT, [_ingest_parameters(e) for e in events])
    )


def _ingested(rows: list[Any]) -> list[Ingested]:
    """What each notification became, from the rows of :data:`_INGEST_IN_ONE_STATEMENT`."""
    return [Ingested(row[0], row[1], row[2]) for row in rows]


@dataclass(frozen=True, slots=True)
class Ingest:
    """The write that stores a notification: the writer runs consecutive ones together."""

    event: NewEvent

    def __call__(self, conn: Connection) -> Ingested:
        return insert_event(conn, self.event)


def insert_event(conn: Connection, event: NewEvent) -> Ingested:
    """Store a notification once; deliver it to the terminal that registered its invoice, unless
    it is kept apart."""
    if conn.writable_ctes:
        row = conn.execute(_INGEST_IN_ONE_STATEMENT, _ingest_parameters(event)).fetchone()
        return Ingested(row[0], row[1], row[2])
    fam = family(event.provider)
    columns = _columns(event)
    row = conn.execute(_INSERT_EVENT, columns).fetchone()
    if row is None:
        existing = conn.execute(_STORED_EVENT, (event.dedupe_key,)).fetchone()
        return Ingested(existing[0], True, existing[1])
    event_id = row[0]
    owner = conn.execute(
        "SELECT terminal_id FROM payments WHERE invoice_number = ? AND family = ?",
        (event.invoice_number, fam),
    ).fetchone()
    if owner is None or event.kept_apart is not None:
        return Ingested(event_id, False, None)
    conn.execute(
        "INSERT INTO deliveries (cursor, terminal_id, event_id) VALUES (?, ?, ?)",
        (next_cursor(conn), owner[0], event_id),
    )
    conn.announce(owner[0])
    return Ingested(event_id, False, owner[0])


def claim_till_id(conn: Connection, terminal_id: int, till_id: str) -> bool:
    """Check that the terminal's till id is ``till_id``; a terminal without one takes it if no
    other active terminal has it. Whether it took it now; raises :class:`NotYours`."""
    current = conn.execute("SELECT till_id FROM terminals WHERE id = ?", (terminal_id,)).fetchone()
    if current is not None and current[0] == till_id:
        return False
    if current is None or current[0] is not None or _till_id_holder(conn, till_id) is not None:
        raise NotYours(till_id)
    conn.execute("UPDATE terminals SET till_id = ? WHERE id = ?", (till_id, terminal_id))
    return True


def register_payment(
    conn: Connection,
    *,
    terminal_id: int,
    till_id: str,
    invoice_number: str,
    provider: ProviderName,
    amount: int,
    redirect_token: str | None,
    redirect_ttl: timedelta,
) -> Registration:
    """Record who expects this invoice; a repeat of the same registration answers the same.

    ``till_id`` is the till id the invoice carries: it must be the terminal's own (see
    :func:`claim_till_id`). Events that arrived before the registration (orphans) are
    delivered now, in their order, except those kept apart.
    """
    learned = claim_till_id(conn, terminal_id, till_id)
    existing = conn.execute(
        "SELECT terminal_id, provider, amount, redirect_token FROM payments"
        " WHERE invoice_number = ?",
        (invoice_number,),
    ).fetchone()
    if existing is not None:
        same = (existing[0], existing[1], existing[2]) == (terminal_id, provider.value, amount)
        if not same:
            who = "this terminal" if existing[0] == terminal_id else "another terminal"
            raise PaymentConflict(
                f"invoice {invoice_number!r} is already registered by {who}"
                + (" with another provider or amount" if existing[0] == terminal_id else "")
            )
        return Registration(invoice_number, provider.value, amount, existing[3], 0, learned)
    now = utc_now()
    fam = family(provider)
    conn.execute(
        "INSERT INTO payments (invoice_number, provider, family, terminal_id, amount,"
        " redirect_token, redirect_expires_at, created_at) VALUES (?,?,?,?,?,?,?,?)",
        (
            invoice_number,
            provider.value,
            fam,
            terminal_id,
            amount,
            redirect_token,
            iso(now + redirect_ttl) if redirect_token else None,
            iso(now),
        ),
    )
    adopted = conn.execute(
        "INSERT INTO deliveries (cursor, terminal_id, event_id)"
        " SELECT ? + row_number() OVER (ORDER BY e.id) - 1, ?, e.id FROM events e"
        " WHERE e.invoice_number = ? AND e.family = ? AND e.kept_apart IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id) ORDER BY e.id",
        (next_cursor(conn), terminal_id, invoice_number, fam),
    ).rowcount
    if adopted:
        conn.announce(terminal_id)
    return Registration(invoice_number, provider.value, amount, redirect_token, adopted, learned)


def touch(conn: Connection) -> None:
    """A real write, so ``/healthz`` proves the database still takes commits."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('health_checked_at', ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (iso(utc_now()),),
    )


def add_terminal_row(
    conn: Connection, name: str, token_hash: str, till_id: str | None, shop: str = DEFAULT_SHOP
) -> Terminal:
    if till_id is not None:
        _refuse_taken_till_id(conn, till_id, name)
    created = iso(utc_now())
    try:
        row = conn.execute(
            "INSERT INTO terminals (name, token_hash, created_at, till_id, shop)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id",
            (name, token_hash, created, till_id, shop),
        ).fetchone()
    except ERRORS.integrity:
        raise NameTaken(f"a terminal named {name!r} exists already") from None
    return Terminal(int(row[0]), name, created, None, till_id, shop)


def replace_token(conn: Connection, name: str, token_hash: str) -> Terminal | None:
    """Give the terminal a new token hash (its old token is refused from now on) and make it
    active again if it was revoked; ``None`` when no terminal has that name."""
    row = conn.execute("SELECT till_id FROM terminals WHERE name = ?", (name,)).fetchone()
    if row is None:
        return None
    if row[0] is not None:
        _refuse_taken_till_id(conn, row[0], name)
    conn.execute(
        "UPDATE terminals SET token_hash = ?, revoked_at = NULL WHERE name = ?", (token_hash, name)
    )
    return terminal_by_name(conn, name)


def set_till_id(conn: Connection, name: str, till_id: str) -> bool:
    """Give an active terminal its till id; ``False`` when no active terminal has that name."""
    _refuse_taken_till_id(conn, till_id, name)
    changed = conn.execute(
        "UPDATE terminals SET till_id = ? WHERE name = ? AND revoked_at IS NULL", (till_id, name)
    ).rowcount
    return changed == 1


def _till_id_holder(conn: Connection, till_id: str) -> str | None:
    row = conn.execute(
        "SELECT name FROM terminals WHERE till_id = ? AND revoked_at IS NULL", (till_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def _refuse_taken_till_id(conn: Connection, till_id: str, name: str) -> None:
    holder = _till_id_holder(conn, till_id)
    if holder is not None and holder != name:
        raise TillIdTaken(f"terminal {holder!r} has the terminal id {till_id!r} already")


def revoke_terminal(conn: Connection, name: str) -> bool:
    """Revoke the terminal's token; ``False`` when no active terminal has that name."""
    changed = conn.execute(
        "UPDATE terminals SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
        (iso(utc_now()), name),
    ).rowcount
    return changed == 1


# --- reads ---------------------------------------------------------------------------------

_TERMINAL_COLUMNS = "id, name, created_at, revoked_at, till_id, shop"


def terminal_by_hash(conn: Connection, token_hash: str) -> tuple[Terminal, str] | None:
    row = conn.execute(
        f"SELECT {_TERMINAL_COLUMNS}, token_hash FROM terminals WHERE token_hash = ?",
        (token_hash,),
    ).fetchone()
    if row is None:
        return None
    return Terminal(*row[:6]), row[6]


def terminal_by_name(conn: Connection, name: str) -> Terminal | None:
    row = conn.execute(
        f"SELECT {_TERMINAL_COLUMNS} FROM terminals WHERE name = ?", (name,)
    ).fetchone()
    return None if row is None else Terminal(*row)


def list_terminals(conn: Connection) -> list[Terminal]:
    rows = conn.execute(f"SELECT {_TERMINAL_COLUMNS} FROM terminals ORDER BY name")
    return [Terminal(*row) for row in rows]


_EVENT_COLUMNS = (
    "d.cursor, e.invoice_number, p.provider, e.status, e.amount, e.received_at, e.payload,"
    " e.currency"
)


def _event_json(row: Any) -> dict[str, Any]:
    return {
        "cursor": row[0],
        "invoice_number": row[1],
        "provider": row[2],
        "status": row[3],
        "amount": row[4],
        "currency": row[7],
        "received_at": row[5],
        "payload": json.loads(row[6]),
    }


def events_after(
    conn: Connection, terminal_id: int, after: int, limit: int
) -> list[dict[str, Any]]:
    """This terminal's events with a cursor above ``after``, oldest first (the API's shape)."""
    rows = conn.execute(
        f"SELECT {_EVENT_COLUMNS} FROM deliveries d JOIN events e ON e.id = d.event_id"
        " JOIN payments p ON p.invoice_number = e.invoice_number"
        " WHERE d.terminal_id = ? AND d.cursor > ? ORDER BY d.cursor LIMIT ?",
        (terminal_id, after, limit),
    )
    return [_event_json(row) for row in rows]


def fold_status(statuses: list[str]) -> str:
    """The payment's status after these events in arrival order (see :data:`STATUS_RANK`)."""
    current = PaymentStatus.PENDING.value
    for status in statuses:
        if STATUS_RANK.get(status, 0) >= STATUS_RANK.get(current, 0):
            current = status
    return current


def payment_view(conn: Connection, terminal_id: int, invoice_number: str) -> dict[str, Any] | None:
    """``GET /v1/payments/{invoice}``: ``None`` unless this terminal registered it.

    Beside the registered ``amount``, each event's reported amount and currency, and what the
    latest ``paid`` event reported (``paid_amount``, ``paid_currency``); ``amount_differs`` when
    any paid event names another amount or a currency other than rupiah.
    """
    payment = conn.execute(
        "SELECT provider, amount, redirect_token, created_at FROM payments"
        " WHERE invoice_number = ? AND terminal_id = ?",
        (invoice_number, terminal_id),
    ).fetchone()
    if payment is None:
        return None
    rows = conn.execute(
        f"SELECT {_EVENT_COLUMNS} FROM deliveries d JOIN events e ON e.id = d.event_id"
        " JOIN payments p ON p.invoice_number = e.invoice_number"
        " WHERE e.invoice_number = ? AND d.terminal_id = ? ORDER BY d.cursor",
        (invoice_number, terminal_id),
    ).fetchall()
    events = [_event_json(row) for row in rows]
    paid = [event for event in events if event["status"] == PaymentStatus.PAID]
    return {
        "invoice_number": invoice_number,
        "provider": payment[0],
        "amount": payment[1],
        "redirect_token": payment[2],
        "registered_at": payment[3],
        "status": fold_status([event["status"] for event in events]),
        "paid_amount": paid[-1]["amount"] if paid else None,
        "paid_currency": paid[-1]["currency"] if paid else None,
        "amount_differs": any(
            (event["amount"], event["currency"] or RUPIAH) != (payment[1], RUPIAH) for event in paid
        ),
        "events": events,
    }


@dataclass(frozen=True, slots=True)
class RedirectView:
    invoice_number: str
    status: str
    redirect_data: dict[str, Any] | None


def redirect_view(conn: Connection, token: str, now: datetime) -> RedirectView | None:
    """What the ``/r/{token}`` page shows; ``None`` for an unknown or expired token. Events kept
    apart (another merchant account) never steer the customer's phone."""
    payment = conn.execute(
        "SELECT invoice_number, redirect_expires_at FROM payments WHERE redirect_token = ?",
        (token,),
    ).fetchone()
    if payment is None or payment[1] is None or payment[1] < iso(now):
        return None
    rows = conn.execute(
        "SELECT status, redirect_data FROM events WHERE invoice_number = ? AND family = ?"
        " AND kept_apart IS NULL ORDER BY id",
        (payment[0], "ecommpay"),
    ).fetchall()
    redirect = next((json.loads(row[1]) for row in reversed(rows) if row[1]), None)
    return RedirectView(payment[0], fold_status([row[0] for row in rows]), redirect)


def orphans(conn: Connection) -> list[dict[str, Any]]:
    """Stored notifications no terminal has (yet): the customer may have paid. With the amount
    and currency reported, the amount registered (if a terminal registered the invoice), and for
    an event kept apart, why."""
    rows = conn.execute(
        "SELECT e.id, e.received_at, e.provider, e.invoice_number, e.status, e.amount,"
        " e.currency, p.amount, e.kept_apart FROM events e"
        " LEFT JOIN payments p ON p.invoice_number = e.invoice_number AND p.family = e.family"
        " WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id) ORDER BY e.id"
    )
    keys = (
        "id",
        "received_at",
        "provider",
        "invoice_number",
        "status",
        "amount",
        "currency",
        "registered_amount",
        "kept_apart",
    )
    return [dict(zip(keys, row, strict=True)) for row in rows]


def counts(conn: Connection) -> dict[str, int]:
    one = "SELECT COUNT(*) FROM "
    undelivered = "events e WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id)"
    return {
        "terminals": conn.execute(one + "terminals WHERE revoked_at IS NULL").fetchone()[0],
        "payments": conn.execute(one + "payments").fetchone()[0],
        "events": conn.execute(one + "events").fetchone()[0],
        "orphans": conn.execute(one + undelivered).fetchone()[0],
        "kept_apart": conn.execute(one + "events WHERE kept_apart IS NOT NULL").fetchone()[0],
        "amount_differs": conn.execute(
            one + "payments p WHERE EXISTS (SELECT 1 FROM events e WHERE"
            " e.invoice_number = p.invoice_number AND e.family = p.family AND e.status = 'paid'"
            " AND e.kept_apart IS NULL AND (e.amount IS DISTINCT FROM p.amount"
            " OR COALESCE(e.currency, 'IDR') != 'IDR'))"
        ).fetchone()[0],
    }


# --- the writer ----------------------------------------------------------------------------


def _run_together(conn: Connection, writes: list[Callable[[Connection], Any]]) -> list[Any]:
    """Each write's result, in order; consecutive notifications in one :func:`insert_events`."""
    results: list[Any] = []
    for ingests, run in itertools.groupby(writes, key=lambda fn: isinstance(fn, Ingest)):
        if ingests:
            results.extend(insert_events(conn, [fn.event for fn in run]))  # type: ignore[attr-defined]
        else:
            results.extend(fn(conn) for fn in run)
    return results


class StorageClosed(RuntimeError):
    """The writer is not running (not started yet, or stopped): nothing more is accepted."""


class StorageFailed(RuntimeError):
    """The database did not take a commit or answer a read (disk full, read-only, I/O error):
    nothing of the batch was stored. The next write or read opens the database anew, so the
    relay recovers by itself once the cause is fixed."""


class RelayStorage:
    """One database: a reader connection and a group-committing writer, both for one event loop.

    ``await write(fn)`` queues ``fn(conn)``. The writer task takes every write queued so far,
    runs them on the loop's thread inside one transaction (run again, each in a savepoint, if
    one raised, so one failing write does not undo the others), then commits in a helper thread,
    so the fsync neither blocks the loop nor makes the loop and a writer thread fight over the
    GIL for every statement. The transaction begins on the loop too, unless another writer
    holds the file (then in the helper thread, which may wait): each hand-over to the thread
    waits for the busy loop to let go of the GIL. On PostgreSQL, where each statement is a
    round trip to the server, the whole batch runs in the helper thread instead, so the loop
    serves requests while it waits, and a batch of notifications alone is one round trip.
    Writes queued during a commit form the next batch. ``stop()`` drains the queue.

    A database error fails the write (or the batch) with :class:`StorageFailed` and marks the
    connection to be opened again before the next batch: a connection opened while the file was
    read-only stays read-only, so only a new one sees the cause fixed.
    """

    def __init__(self, database: Path | str) -> None:
        self.database = database
        self.reader = connect(database)
        self._conn = connect(database)
        self._conn_broken = False
        self.epoch = read_epoch(self.reader)
        """Fixed while the relay runs: only ``pos-app relay restore`` draws a new one, stopped."""
        self._pending: list[tuple[Callable[[Connection], Any], asyncio.Future[Any]]] = []
        self._wake: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = False
        self._committer = ThreadPoolExecutor(1, thread_name_prefix="relay-commit")
        self._apart = ThreadPoolExecutor(READS_APART, thread_name_prefix="relay-read-apart")
        self.commits = 0
        """Batches committed so far (each one fsync): how well writes are grouped."""
        self.retried_batches = 0
        """Batches run again write by write, each in its savepoint, because one write raised."""

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done() and not self._stopping

    async def start(self) -> None:
        """Start the writer on the running loop (the one that serves the relay)."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._stopping = False
        self._task = asyncio.create_task(self._run(), name="relay-writer")

    async def stop(self) -> None:
        """Commit everything queued, then stop the writer; later writes raise StorageClosed."""
        if self._task is None or self._wake is None:
            return
        self._stopping = True
        self._wake.set()
        await self._task
        self._task = None

    def close(self) -> None:
        """Close the connections (after :meth:`stop`, or when the writer never started)."""
        self._committer.shutdown(wait=True)
        self._apart.shutdown(wait=True)
        self.reader.close()
        self._conn.close()

    def read(self, fn: Callable[[Connection], T]) -> T:
        """``fn(reader)``; a database error is :class:`StorageFailed`, and the reader is opened
        anew for the next read."""
        try:
            return fn(self.reader)
        except ERRORS.database as exc:
            log.error("relay storage: a read failed: %s", exc)
            with contextlib.suppress(*ERRORS.database, OSError, RuntimeError):
                fresh = connect(self.database)
                self.reader, stale = fresh, self.reader
                stale.close()
            raise StorageFailed(f"the database could not be read: {exc}") from None

    async def read_apart(self, fn: Callable[[Connection], T]) -> T:
        """``fn(conn)`` on a connection of its own, in a thread: for a read so large (a shop's
        day of files) that on the reader it would hold up every notification meanwhile. At most
        :data:`READS_APART` run at once, on threads of their own (the loop's default pool parses
        uploads); more wait their turn. A database error is :class:`StorageFailed`."""

        def run() -> T:
            try:
                with contextlib.closing(open_connection(self.database)) as conn:
                    return fn(conn)
            except ERRORS.database as exc:
                log.error("relay storage: a read failed: %s", exc)
                raise StorageFailed(f"the database could not be read: {exc}") from None

        return await asyncio.get_running_loop().run_in_executor(self._apart, run)

    async def write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn(conn)`` in the next batch; returns its result once the batch is on disk."""
        if not self.running or self._wake is None or self._loop is None:
            raise StorageClosed("the relay storage is not accepting writes")
        future: asyncio.Future[T] = self._loop.create_future()
        self._pending.append((fn, future))
        self._wake.set()
        return await future

    def write_from_thread(self, fn: Callable[[Connection], T], timeout: float = 30) -> T:
        """:meth:`write` for another thread than the loop's (demo mode, tests)."""
        if self._loop is None:
            raise StorageClosed("the relay storage has not started")
        return asyncio.run_coroutine_threadsafe(self.write(fn), self._loop).result(timeout)

    async def _run(self) -> None:
        assert self._wake is not None and self._loop is not None
        while True:
            if not self._pending:
                if self._stopping:
                    return
                self._wake.clear()
                await self._wake.wait()
                continue
            batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
            await self._commit_batch(batch)

    async def _reopen(self) -> None:
        """Replace the writer's connection after a failure (in the helper thread: it may wait)."""
        assert self._loop is not None
        fresh = await self._loop.run_in_executor(self._committer, connect, self.database)
        self._conn, stale = fresh, self._conn
        self._conn_broken = False
        stale.close()

    def _apply(
        self, conn: Connection, batch: list[tuple[Callable[[Connection], Any], Any]]
    ) -> list[tuple[Any, BaseException | None]]:
        """The batch's writes inside the open transaction: first all together, as nearly every
        batch succeeds whole; if one raises, the transaction starts over and each write runs
        in its savepoint, so the one that fails fails alone (a savepoint costs two round trips
        on PostgreSQL, where the writes of every process take turns)."""
        try:
            return [(result, None) for result in _run_together(conn, [fn for fn, _ in batch])]
        except Exception:  # each write's own error is found again below
            self._start_over(conn)
        return self._apply_each(conn, batch)

    def _start_over(self, conn: Connection) -> None:
        """Undo the writes a batch ran together, and begin again for them one by one."""
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.begin()
        self.retried_batches += 1

    def _apply_each(
        self, conn: Connection, batch: list[tuple[Callable[[Connection], Any], Any]]
    ) -> list[tuple[Any, BaseException | None]]:
        """Each write of the batch in its savepoint, inside the open transaction."""
        outcomes: list[tuple[Any, BaseException | None]] = []
        for fn, _ in batch:
            conn.execute("SAVEPOINT op")
            try:
                outcomes.append((fn(conn), None))
            except ERRORS.database as exc:
                conn.execute("ROLLBACK TO op")
                self._conn_broken = True
                log.error("relay storage: a write failed: %s", exc)
                outcomes.append((None, StorageFailed(f"the database refused a write: {exc}")))
            except Exception as exc:
                conn.execute("ROLLBACK TO op")
                outcomes.append((None, exc))
            conn.execute("RELEASE op")
        return outcomes

    def _run_batch(
        self, conn: PostgresConnection, batch: list[tuple[Callable[[Connection], Any], Any]]
    ) -> list[tuple[Any, BaseException | None]]:
        """The whole batch in the writer's thread. A batch of notifications alone (nearly every
        one) begins, stores and commits in one round trip; should one of them fail, nothing of
        it was committed, and it runs again write by write."""
        if all(isinstance(fn, Ingest) for fn, _ in batch):
            events = [fn.event for fn, _ in batch]  # type: ignore[attr-defined]
            try:
                return [(ingested, None) for ingested in commit_events(conn, events)]
            except Exception:  # each write's own error is found again below
                self._start_over(conn)
                outcomes = self._apply_each(conn, batch)
        else:
            conn.begin()
            outcomes = self._apply(conn, batch)
        conn.execute("COMMIT")
        return outcomes

    async def _commit_batch(
        self, batch: list[tuple[Callable[[Connection], Any], asyncio.Future[Any]]]
    ) -> None:
        assert self._loop is not None
        outcomes: list[tuple[Any, BaseException | None]] = []
        try:
            if self._conn_broken:
                await self._reopen()
            conn = self._conn
            if isinstance(conn, SqliteConnection):
                if not conn.begin_at_once():
                    await self._loop.run_in_executor(self._committer, conn.begin)
                outcomes = self._apply(conn, batch)
                await self._loop.run_in_executor(self._committer, conn.execute, "COMMIT")
            else:
                assert isinstance(conn, PostgresConnection)
                outcomes = await self._loop.run_in_executor(
                    self._committer, self._run_batch, conn, batch
                )
            self.commits += 1
        except Exception as exc:  # whatever it was, every write waiting on the batch is answered
            log.error("relay storage: a batch of %d writes failed: %s", len(batch), exc)
            self._conn_broken = True
            with contextlib.suppress(*ERRORS.database):
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
            failure = StorageFailed(f"the database did not take the write: {exc}")
            outcomes = [(None, failure)] * len(batch)
        for (_, future), (result, error) in zip(batch, outcomes, strict=True):
            if future.done():
                continue
            if error is None:
                future.set_result(result)
            else:
                future.set_exception(error)
