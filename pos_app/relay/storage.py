"""What the relay keeps and how: the SQL for notifications, terminals, registered payments,
deliveries, and the views the routes answer with; SQLite or PostgreSQL alike, through
:mod:`pos_app.relay.engines`. The tables are :mod:`pos_app.relay.schema`; every write runs
through :class:`pos_app.relay.writer.RelayStorage`, which commits it before the 200 leaves.

Cursors: each delivery of an event to a terminal gets a row in ``deliveries`` whose id is the
cursor. It is global and monotonic, so a terminal's cursor never skips or repeats, and an orphan
that a terminal adopts later (by registering its invoice) gets a fresh, larger cursor the terminal
will still see. A new cursor is never below the clock in microseconds either (see the epochs in
:mod:`pos_app.relay.schema`).
"""

import json
import logging
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pos_app.domain.clock import utc_now
from pos_app.domain.money import CURRENCY
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.relay.engines import ERRORS, NOTIFY_CHANNEL, Connection, PostgresConnection

log = logging.getLogger(__name__)


DEFAULT_SHOP = "default"

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


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


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
    """Why this event is not applied to a payment: no terminal may have it (another merchant
    account, no payment), or Kasir cannot read it (:data:`UNREADABLE`, which its till still
    gets, to list for the manager); ``None``: deliverable as it is."""

    @property
    def withheld(self) -> bool:
        """No terminal may have it: kept apart for another reason than being unreadable."""
        return self.kept_apart is not None and not self.kept_apart.startswith(UNREADABLE)


UNREADABLE = "signed, but Kasir cannot read it"
"""How the reason of an event kept apart because Kasir cannot read it starts. Its till gets it
all the same (:func:`events_after` names the reason): a payment report about its invoice that
it cannot apply is listed for the manager, who may find the customer paid, rather than only in
the operator's log while the cashier takes the sale's money another way."""


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
        event.kept_apart if event.withheld else None,
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
    if owner is None or event.withheld:
        return Ingested(event_id, False, None)
    conn.execute(
        "INSERT INTO deliveries (cursor, terminal_id, event_id) VALUES (?, ?, ?)",
        (next_cursor(conn), owner[0], event_id),
    )
    conn.announce(owner[0])
    return Ingested(event_id, False, owner[0])


def claim_till_id(conn: Connection, terminal_id: int, till_id: str) -> bool:
    """Check that ``till_id`` is the terminal's till id, now or before (its earlier invoices
    carry that one); a terminal without one takes it if no other terminal has or had it.
    Whether it took it now; raises :class:`NotYours`."""
    current = conn.execute("SELECT till_id FROM terminals WHERE id = ?", (terminal_id,)).fetchone()
    if current is not None and till_id in (current[0], *former_till_ids(conn, terminal_id)):
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
    page_at_least: datetime | None = None,
) -> Registration:
    """Record who expects this invoice; a repeat of the same registration answers the same.

    A redirect page lives ``redirect_ttl``, or until ``page_at_least`` if later (the till's QR
    counts down longer), at most :data:`MAX_PAGE_LIFE`: the till ends it itself when it gives
    the payment up (:func:`end_page`).

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
            iso(_page_end(now, redirect_ttl, page_at_least)) if redirect_token else None,
            iso(now),
        ),
    )
    adopted = conn.execute(
        "INSERT INTO deliveries (cursor, terminal_id, event_id)"
        " SELECT ? + row_number() OVER (ORDER BY e.id) - 1, ?, e.id FROM events e"
        " WHERE e.invoice_number = ? AND e.family = ?"
        " AND (e.kept_apart IS NULL OR e.kept_apart LIKE ?)"
        " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id) ORDER BY e.id",
        (next_cursor(conn), terminal_id, invoice_number, fam, f"{UNREADABLE}%"),
    ).rowcount
    if adopted:
        conn.announce(terminal_id)
    return Registration(invoice_number, provider.value, amount, redirect_token, adopted, learned)


RECENT_INVOICES = 50
"""Registrations looked at for a terminal's last invoice counter: a till registers in the
background, so the last one registered may be a few numbers below the last one drawn."""


def invoice_counter(conn: Connection, till_id: str | None) -> int:
    """The highest counter of the till's invoice numbers (``KSR-T1-20261121-000042``: 42) among
    the latest registrations of every terminal that had its id (a till replaced keeps its id),
    and the latest notifications naming one (an orphan: registered where the relay never
    heard, then paid); 0 if it has none. A till restored from an older backup goes on after it
    rather than send the providers an invoice number they have seen, whose old payment the
    relay would hand over for a new sale."""
    if till_id is None:
        return 0
    prefix = f"KSR-{till_id}-"
    registered = conn.execute(
        "SELECT invoice_number FROM payments WHERE terminal_id IN (SELECT id FROM terminals"
        " WHERE till_id = ? UNION SELECT terminal_id FROM former_till_ids WHERE till_id = ?)"
        " AND invoice_number LIKE ? ORDER BY created_at DESC LIMIT ?",
        (till_id, till_id, f"{prefix}%", RECENT_INVOICES),
    )
    # a range, not LIKE, so the index on invoice_number serves it; compared byte by byte, as
    # a PostgreSQL database's collation may pass over the '-' and '.' the range turns on
    binary = ' COLLATE "C"' if isinstance(conn, PostgresConnection) else ""
    reported = conn.execute(
        f"SELECT invoice_number FROM events WHERE invoice_number{binary} >= ?"
        f" AND invoice_number{binary} < ? ORDER BY id DESC LIMIT ?",
        (prefix, f"KSR-{till_id}.", RECENT_INVOICES),
    )
    numbers = [number for (number,) in registered] + [number for (number,) in reported]
    invoice = re.compile(re.escape(prefix) + "[0-9]{8}-([0-9]{1,12})")
    return max(
        (int(found[1]) for number in numbers if (found := invoice.fullmatch(number))),
        default=0,
    )


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
    """Give an active terminal its till id; ``False`` when no active terminal has that name.
    The one it had stays its own (:func:`former_till_ids`): its earlier receipts, invoices and
    uploaded days carry it, and no other terminal may take it."""
    _refuse_taken_till_id(conn, till_id, name)
    row = conn.execute(
        "SELECT id, till_id FROM terminals WHERE name = ? AND revoked_at IS NULL", (name,)
    ).fetchone()
    if row is None:
        return False
    terminal_id, before = row
    if before is not None and before != till_id:
        conn.execute(
            "INSERT INTO former_till_ids (till_id, terminal_id, until) VALUES (?, ?, ?)"
            " ON CONFLICT(till_id) DO NOTHING",
            (before, terminal_id, iso(utc_now())),
        )
    conn.execute("DELETE FROM former_till_ids WHERE till_id = ?", (till_id,))
    conn.execute("UPDATE terminals SET till_id = ? WHERE id = ?", (till_id, terminal_id))
    return True


def former_till_ids(conn: Connection, terminal_id: int) -> frozenset[str]:
    """The till ids the terminal had before its present one."""
    rows = conn.execute(
        "SELECT till_id FROM former_till_ids WHERE terminal_id = ?", (terminal_id,)
    ).fetchall()
    return frozenset(str(row[0]) for row in rows)


def _till_id_holder(conn: Connection, till_id: str) -> tuple[str, str] | None:
    """The terminal that has ``till_id``, an active one first, revoked or not (the payments it
    registered are delivered to it, so another may not take them over), or the terminal that
    had it before; failing those, one that has or had an id differing from it only in case:
    the name and that id. Such ids are one till's to people and spreadsheets (the shop's
    files, a lookup by receipt number), so no two terminals have them."""
    row = conn.execute(
        "SELECT name, till_id, till_id <> ? AS other_case, 0 AS former,"
        " revoked_at IS NOT NULL AS revoked, id FROM terminals WHERE lower(till_id) = lower(?)"
        " UNION ALL SELECT t.name, f.till_id, f.till_id <> ?, 1, false, t.id"
        " FROM former_till_ids f JOIN terminals t ON t.id = f.terminal_id"
        " WHERE lower(f.till_id) = lower(?) ORDER BY other_case, former, revoked, id LIMIT 1",
        (till_id, till_id, till_id, till_id),
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def _refuse_taken_till_id(conn: Connection, till_id: str, name: str) -> None:
    own = conn.execute(
        "SELECT 1 FROM terminals WHERE name = ? AND till_id = ? AND revoked_at IS NULL",
        (name, till_id),
    ).fetchone()
    if own is not None:  # an active one that took a revoked one's id before ids were kept
        return
    holder = _till_id_holder(conn, till_id)
    if holder is None or holder[0] == name:
        return
    holder_name, held = holder
    if held != till_id:
        raise TillIdTaken(
            f"terminal {holder_name!r} has or had the terminal id {held!r}, which {till_id!r}"
            " differs from only in case: the shop's files and a till's receipt lookup take"
            " them for one till, so give this terminal another id"
        )
    raise TillIdTaken(
        f"terminal {holder_name!r} has or had the terminal id {till_id!r} already (a till "
        f"replaced or revoked gets a new token for it: rotate-token {holder_name})"
    )


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
    " e.currency, e.kept_apart"
)


def _event_json(row: Any) -> dict[str, Any]:
    """One event as a terminal reads it; ``unreadable`` (only when Kasir cannot read the
    report: :data:`UNREADABLE`) says why it is not to be applied."""
    event = {
        "cursor": row[0],
        "invoice_number": row[1],
        "provider": row[2],
        "status": row[3],
        "amount": row[4],
        "currency": row[7],
        "received_at": row[5],
        "payload": json.loads(row[6]),
    }
    return event if row[8] is None else event | {"unreadable": row[8]}


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
            (event["amount"], event["currency"] or CURRENCY) != (payment[1], CURRENCY)
            for event in paid
        ),
        "events": events,
    }


@dataclass(frozen=True, slots=True)
class RedirectView:
    invoice_number: str
    status: str
    redirect_data: dict[str, Any] | None


MAX_PAGE_LIFE = timedelta(days=7)
"""The longest a redirect page lives, whatever a till asks."""


def _page_end(now: datetime, ttl: timedelta, at_least: datetime | None) -> datetime:
    end = now + ttl if at_least is None else max(now + ttl, at_least)
    return min(end, now + MAX_PAGE_LIFE)


def end_page(conn: Connection, terminal_id: int, invoice_number: str, now: datetime) -> bool:
    """The Gate page of a payment this terminal registered ends now (the till cancelled or
    expired it): a phone still on it is no longer sent to the wallet. False if the terminal has
    no such page, or it ended already."""
    ended = conn.execute(
        "UPDATE payments SET redirect_expires_at = ? WHERE invoice_number = ?"
        " AND terminal_id = ? AND redirect_expires_at > ?",
        (iso(now), invoice_number, terminal_id, iso(now)),
    )
    return bool(ended.rowcount)


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


_UNREAD_FROM = (
    "events e LEFT JOIN deliveries d ON d.event_id = e.id"
    " LEFT JOIN terminals t ON t.id = d.terminal_id"
)
_UNREAD = "(d.event_id IS NULL OR e.received_at >= t.revoked_at)"
"""The events of :data:`_UNREAD_FROM` no active terminal can read: never delivered (no terminal
registered the invoice, or kept apart), or delivered to a terminal after it was revoked. Such a
one stays delivered to it, so ``rotate-token`` brings the terminal back with it; until then no
till reads it, and the operator is shown it beside the orphans."""


def orphans(conn: Connection) -> list[dict[str, Any]]:
    """Stored notifications no active terminal has: the customer may have paid. With the amount
    and currency reported, the amount registered (if a terminal registered the invoice), for
    an event kept apart why, and the revoked terminal one arrived for after its revocation."""
    rows = conn.execute(
        "SELECT e.id, e.received_at, e.provider, e.invoice_number, e.status, e.amount,"
        f" e.currency, p.amount, e.kept_apart, t.name FROM {_UNREAD_FROM}"
        " LEFT JOIN payments p ON p.invoice_number = e.invoice_number AND p.family = e.family"
        f" WHERE {_UNREAD} ORDER BY e.id"
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
        "revoked_terminal",
    )
    return [dict(zip(keys, row, strict=True)) for row in rows]


def counts(conn: Connection) -> dict[str, int]:
    one = "SELECT COUNT(*) FROM "
    return {
        "terminals": conn.execute(one + "terminals WHERE revoked_at IS NULL").fetchone()[0],
        "payments": conn.execute(one + "payments").fetchone()[0],
        "events": conn.execute(one + "events").fetchone()[0],
        "orphans": conn.execute(f"{one}{_UNREAD_FROM} WHERE {_UNREAD}").fetchone()[0],
        "kept_apart": conn.execute(one + "events WHERE kept_apart IS NOT NULL").fetchone()[0],
        "for_revoked": conn.execute(
            f"{one}{_UNREAD_FROM} WHERE e.received_at >= t.revoked_at"
        ).fetchone()[0],
        "amount_differs": conn.execute(
            one + "payments p WHERE EXISTS (SELECT 1 FROM events e WHERE"
            " e.invoice_number = p.invoice_number AND e.family = p.family AND e.status = 'paid'"
            " AND e.kept_apart IS NULL AND (e.amount IS DISTINCT FROM p.amount"
            " OR COALESCE(e.currency, 'IDR') != 'IDR'))"
        ).fetchone()[0],
    }
