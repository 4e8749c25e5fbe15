"""Realistic demo sales: for demos, training screenshots and the export benchmark.

Each day's sales are first *planned* (:func:`plan_day`: a :class:`SaleStory` per sale, drawn from a
seeded random generator) and then *written* in bulk (:func:`write_day`, one transaction per day,
``executemany`` per table). The bulk writer skips the repositories' per-call checks but writes
exactly the rows they would write for the same story, replayed call by call (``create_sale``,
``next_invoice_number``, ``create_attempt``, ``record_request``, ``record_status`` /
``transition``, ``complete_cash`` / ``complete_with_payment`` / ``cancel``, each sale's status
history with them); a test replays stories through the repositories and compares every row.

The mix: cash (change from a round amount) and QR payments paid through the relay, some QR
attempts cancelled (then cash), declined (then a second QR) or expired, a few cancelled sales, and a
few late payments on cancelled attempts; now and then an item comes back later that day (a return,
through the store's returns, approved by the demo manager). Sales are spread over shop hours
(07:00-22:00 local, busy at breakfast, lunch and after work) in the shop's time zone.

Relay events are written without a relay cursor, and the saved cursor is left alone: the demo
database is also the one ``pos-app --demo`` polls its embedded relay with, and a cursor from made-up
events would make it skip that relay's real ones.
"""

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from pos_app.demo.seed import DEMO_USERS
from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.catalog import Product
from pos_app.domain.discounts import Discount
from pos_app.domain.lifecycles import ChangeSource, SaleStatus
from pos_app.domain.pricing import PricedSale, price_sale
from pos_app.domain.returns import ReturnMethod
from pos_app.domain.tax import NO_TAX, TaxClass, TaxPolicy
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.store.database import parse_utc, read_meta, to_json, transaction, utc_text, write_meta
from pos_app.store.errors import StoreError
from pos_app.store.invoice_numbers import INVOICE_PREFIX, INVOICE_SEQUENCE
from pos_app.store.payment_records import EventSource
from pos_app.store.payments import Payments
from pos_app.store.receipt_numbers import last_sequence, receipt_number
from pos_app.store.returns import Returns
from pos_app.store.sales import INSERT_SALE_LINE, sale_line_rows

DEMO_MARK = "demo_data"
"""Meta key set on a database that holds generated sales; only such a one takes more."""
MAX_DAYS = 3660
"""About ten years back from yesterday: more is no demo, and far more is before the year 1."""
MAX_SALES_PER_DAY = 100_000
"""A day's sales are planned in memory before they are written."""
OPENING_HOUR = 7
HOUR_WEIGHTS = (4, 6, 5, 4, 6, 8, 6, 4, 4, 5, 7, 8, 8, 6, 4)
"""Relative number of sales in each hour from 07:00 to 21:59."""
LINE_COUNT_WEIGHTS = (30, 25, 18, 12, 8, 5, 2)
"""How often a basket has 1, 2, ... 7 different products."""
QUANTITY_WEIGHTS = (70, 20, 6, 3, 1)
LINE_DISCOUNTS = (Discount.percent(1000), Discount.percent(500), Discount.rupiah(500))
"""A line now and then sells off: 10 %, 5 % or Rp 500 off."""
BASKET_DISCOUNTS = (Discount.percent(500), Discount.rupiah(2000))
"""A basket now and then gets a member's 5 % or Rp 2.000 off."""
MEMBER_MINIMUM = 10_000
"""A member's discount is for a basket of at least this much (before any discount): then even
Rp 2.000 off leaves something to pay, as line discounts take at most half of a line."""
CASH_NOTES = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)
PAYMENT_PAGE = "https://demo.kasir.invalid/pay/"
QR_EXPIRY = timedelta(minutes=15)
CANCEL_REASON = "customer left"
RETURN_SHARE = 0.02
"""About one completed sale in fifty has an item brought back (at least one sale a day)."""
RETURN_AFTER = timedelta(minutes=40)
RETURN_APPROVER = "Demo Manajer"
RETURN_REASON = "customer brought it back"


class Outcome(StrEnum):
    """How one QR attempt ends in a story."""

    PAID = "paid"
    CANCELLED = "cancelled"
    """The cashier stops waiting; the sale stays open."""
    DECLINED = "declined"
    EXPIRED = "expired"
    ABANDONED = "abandoned"
    """Still open when the sale is cancelled: the sale's cancel cancels it."""


class Finish(StrEnum):
    CASH = "cash"
    QR = "qr"
    CANCEL = "cancel"


@dataclass(frozen=True, slots=True)
class AttemptStory:
    outcome: Outcome
    created_at: datetime
    requested_at: datetime
    settled_at: datetime
    """When it was paid, declined, expired or cancelled (abandoned: with its sale)."""
    reference: str
    late_paid_at: datetime | None = None
    """A payment arriving after the attempt was given up on."""


@dataclass(frozen=True, slots=True)
class SaleStory:
    started_at: datetime
    lines: tuple[LineItem, ...]
    cashier: str
    finish: Finish
    finished_at: datetime
    attempts: tuple[AttemptStory, ...] = ()
    cash_received: int | None = None
    discount: Discount | None = None
    """The basket's discount."""
    priced: PricedSale = field(default_factory=lambda: PricedSale(()))
    """The lines priced as ``create_sale`` prices them (``price_sale``)."""

    @property
    def total(self) -> int:
        return self.priced.total


@dataclass(slots=True)
class DemoSummary:
    days: int = 0
    sales: int = 0
    completed: int = 0
    lines: int = 0
    """Lines of completed sales: the rows of the lines CSV."""
    late_payments: int = 0
    returns: int = 0
    first_day: date | None = None
    last_day: date | None = None


@dataclass(frozen=True, slots=True)
class DemoShop:
    """What the stories are drawn from."""

    products: Sequence[Product]
    cashiers: Sequence[str]
    terminal_id: str = "T1"
    provider: ProviderName = ProviderName.DOKU
    day: BusinessDay = field(default_factory=BusinessDay)
    tax: TaxPolicy = NO_TAX


def shop_from_database(
    db: Database,
    day: BusinessDay,
    *,
    terminal_id: str = "T1",
    provider: ProviderName = ProviderName.DOKU,
    tax: TaxPolicy = NO_TAX,
) -> DemoShop:
    """The active products and users of ``db`` (seed them first: ``demo.seed.seed_demo``)."""
    products = [
        Product(sku=sku, name=name, price=price, tax_class=TaxClass(tax_class))
        for sku, name, price, tax_class in db.execute(
            "SELECT sku, name, price, tax_class FROM products WHERE active = 1 ORDER BY sku"
        )
    ]
    cashiers = [row[0] for row in db.execute("SELECT name FROM users WHERE active = 1 ORDER BY id")]
    if not products or not cashiers:
        raise StoreError("demo data needs products and users in the database; seed them first")
    return DemoShop(products, cashiers, terminal_id, provider, day, tax)


def refuse_real_database(db: Database) -> None:
    """Generated sales go only into an empty database or one that already holds demo sales."""
    has_sales = db.execute("SELECT 1 FROM sales LIMIT 1").fetchone() is not None
    if has_sales and read_meta(db, DEMO_MARK) != "1":
        raise StoreError(
            "this database holds real sales; demo data goes only into an empty or demo database"
        )


def refuse_shop_database(db: Database) -> None:
    """Before seeding: demo data goes only into an empty database, one that holds demo data
    already, or one demo mode seeded (its users are the demo users). A till that is set up (its
    users, its catalogue) but not selling yet holds no sales, yet is the shop's real books."""
    refuse_real_database(db)
    if read_meta(db, DEMO_MARK) == "1":
        return
    users = {row[0] for row in db.execute("SELECT name FROM users")}
    if users == {name for name, _, _ in DEMO_USERS}:
        return
    if users or db.execute("SELECT 1 FROM products LIMIT 1").fetchone() is not None:
        raise StoreError(
            "this database holds the shop's own users or products; "
            "demo data goes only into an empty or demo database"
        )


def generate(
    db: Database,
    shop: DemoShop,
    *,
    days: int,
    sales_per_day: int,
    last_day: date,
    seed: int = 1,
    progress: Callable[[date], None] | None = None,
) -> DemoSummary:
    """Write ``sales_per_day`` sales on each of the ``days`` business days ending ``last_day``."""
    if not (1 <= days <= MAX_DAYS and 1 <= sales_per_day <= MAX_SALES_PER_DAY):
        raise StoreError(
            f"demo data needs 1 to {MAX_DAYS} days and 1 to {MAX_SALES_PER_DAY} sales per day"
        )
    refuse_real_database(db)
    rng = random.Random(seed)
    summary = DemoSummary(days=days)
    for offset in range(days - 1, -1, -1):
        business_date = last_day - timedelta(days=offset)
        stories = plan_day(rng, shop, business_date, sales_per_day)
        write_day(db, shop, stories)
        summary.returns += bring_back(db, shop, rng, business_date)
        summary.first_day = summary.first_day or business_date
        summary.last_day = business_date
        summary.sales += len(stories)
        for story in stories:
            if story.finish is not Finish.CANCEL:
                summary.completed += 1
                summary.lines += len(story.lines)
            summary.late_payments += sum(1 for a in story.attempts if a.late_paid_at)
        if progress is not None:
            progress(business_date)
    return summary


def bring_back(db: Database, shop: DemoShop, rng: random.Random, business_date: date) -> int:
    """Some of the day's completed sales have one item brought back a little later, as the counter
    returns it: in cash, or a DOKU-direct QR sale's now and then refunded outside Kasir."""
    completed = db.execute(
        "SELECT id, completed_at, tender, cashier, invoice_number FROM sales "
        "WHERE business_date = ? AND status = 'completed' AND terminal_id = ? ORDER BY id",
        [business_date.isoformat(), shop.terminal_id],
    ).fetchall()
    if not completed:
        return 0
    returns, payments = Returns(db, shop.day), Payments(db, shop.day)
    chosen = rng.sample(completed, max(1, round(len(completed) * RETURN_SHARE)))
    for sale_id, completed_at, tender, cashier, invoice in sorted(chosen):
        line = rng.choice(returns.returnable(sale_id).lines)
        outside = tender == "qr" and shop.provider is ProviderName.DOKU and rng.random() < 0.5
        now = parse_utc(completed_at) + RETURN_AFTER
        returned = returns.record(
            sale_id,
            {line.line_no: 1},
            method=ReturnMethod.OUTSIDE if outside else ReturnMethod.CASH,
            terminal_id=shop.terminal_id,
            cashier=cashier,
            approved_by=RETURN_APPROVER,
            now=now,
            reason=RETURN_REASON,
        )
        if outside:
            _refunded_at_doku(payments, invoice, returned.amount, now)
    return len(chosen)


def _refunded_at_doku(payments: Payments, invoice: str, amount: int, now: datetime) -> None:
    """What follows a return refunded in DOKU's back office: DOKU's REFUNDED (no amount, so the
    whole payment), then the manager's figure of what it refunded; else the sale would be a
    problem payment, its returns outside Kasir beyond what DOKU reported refunded."""
    payments.record_status(invoice, PaymentStatus.REFUNDED, source=EventSource.STATUS, now=now)
    payments.record_refunded_amount(
        invoice, amount, payload={"refunded_amount": amount, "entered_by": RETURN_APPROVER}, now=now
    )


def plan_day(
    rng: random.Random, shop: DemoShop, business_date: date, count: int
) -> list[SaleStory]:
    """``count`` sale stories on ``business_date``, in the order they started."""
    opening = datetime.combine(business_date, time(OPENING_HOUR), tzinfo=shop.day.tz)
    hours = rng.choices(range(len(HOUR_WEIGHTS)), weights=HOUR_WEIGHTS, k=count)
    starts = sorted(
        opening + timedelta(hours=hour, seconds=rng.randrange(3600 - 300)) for hour in hours
    )
    return [_story(rng, shop, start) for start in starts]


def _story(rng: random.Random, shop: DemoShop, started: datetime) -> SaleStory:
    chosen = rng.sample(
        shop.products, k=min(len(shop.products), _weighted(rng, LINE_COUNT_WEIGHTS))
    )
    lines = tuple(
        LineItem(
            p.sku,
            p.name,
            p.price,
            _weighted(rng, QUANTITY_WEIGHTS),
            p.tax_class,
            rng.choice(LINE_DISCOUNTS) if rng.random() < 0.08 and p.price > 1000 else None,
        )
        for p in chosen
    )
    member = sum(line.line_total for line in lines) >= MEMBER_MINIMUM
    discount = rng.choice(BASKET_DISCOUNTS) if member and rng.random() < 0.05 else None
    priced = price_sale(lines, discount=discount, tax=shop.tax, day=shop.day.date_of(started))
    cashier = rng.choice(shop.cashiers)
    clock = _Clock(rng, started + timedelta(seconds=rng.randrange(20, 90)))
    roll = rng.random()
    attempts: list[AttemptStory] = []
    if roll < 0.55:
        finish = Finish.CASH
    elif roll < 0.95:
        attempts.append(_attempt(rng, clock, Outcome.PAID))
        finish = Finish.QR
    elif roll < 0.97:  # gave up on the QR code, paid cash; now and then the payment lands later
        attempts.append(_attempt(rng, clock, Outcome.CANCELLED, late=rng.random() < 0.3))
        finish = Finish.CASH
    elif roll < 0.98:  # declined, then a second QR code
        attempts.append(_attempt(rng, clock, Outcome.DECLINED))
        attempts.append(_attempt(rng, clock, Outcome.PAID))
        finish = Finish.QR
    elif roll < 0.985:
        attempts.append(_attempt(rng, clock, Outcome.EXPIRED, wait=QR_EXPIRY))
        finish = Finish.CASH
    elif roll < 0.993:  # the customer walks away while the QR code is still up
        attempts.append(_attempt(rng, clock, Outcome.ABANDONED, late=rng.random() < 0.2))
        finish = Finish.CANCEL
    else:
        finish = Finish.CANCEL
    abandoned = bool(attempts) and attempts[-1].outcome is Outcome.ABANDONED
    finished = attempts[-1].settled_at if abandoned else clock.tick(2, 40)
    total = priced.total
    return SaleStory(
        started_at=started,
        lines=lines,
        cashier=cashier,
        finish=finish,
        finished_at=finished,
        attempts=tuple(attempts),
        cash_received=_cash_received(rng, total) if finish is Finish.CASH else None,
        discount=discount,
        priced=priced,
    )


class _Clock:
    """Moves a story's time forward by random steps."""

    def __init__(self, rng: random.Random, start: datetime) -> None:
        self.rng = rng
        self.now = start

    def tick(self, low: int, high: int) -> datetime:
        self.now += timedelta(
            seconds=self.rng.randrange(low, high), milliseconds=self.rng.randrange(1000)
        )
        return self.now


def _attempt(
    rng: random.Random,
    clock: _Clock,
    outcome: Outcome,
    *,
    late: bool = False,
    wait: timedelta | None = None,
) -> AttemptStory:
    created = clock.tick(1, 10)
    requested = clock.tick(1, 3)
    settled = requested + wait if wait else clock.tick(10, 120)
    clock.now = max(clock.now, settled)
    return AttemptStory(
        outcome=outcome,
        created_at=created,
        requested_at=requested,
        settled_at=settled,
        reference=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        late_paid_at=settled + timedelta(minutes=rng.randrange(3, 40)) if late else None,
    )


def _weighted(rng: random.Random, weights: Sequence[int]) -> int:
    return rng.choices(range(1, len(weights) + 1), weights=weights)[0]


def _cash_received(rng: random.Random, total: int) -> int:
    """Exact money now and then; otherwise the next round amount of a note the customer has."""
    if rng.random() < 0.2:
        return total
    note = rng.choice([note for note in CASH_NOTES if note >= min(total, CASH_NOTES[-1]) / 5])
    return -(-total // note) * note


def relay_payload(
    provider: ProviderName, invoice: str, amount: int, *, paid: bool, at: datetime, reference: str
) -> dict[str, Any]:
    """What :meth:`Payments.record_relay_event` stores for a relay event of ``provider``."""
    stamp = utc_text(at)
    if provider is ProviderName.DOKU:
        body: dict[str, Any] = {
            "order": {"invoice_number": invoice, "amount": amount},
            "transaction": {
                "status": "SUCCESS" if paid else "FAILED",
                "date": stamp,
                "original_request_id": reference,
            },
            "service": {"id": "EMONEY"},
            "channel": {"id": "EMONEY_DOKU"},
        }
    else:
        body = {
            "payment": {"id": invoice, "status": "success" if paid else "decline"},
            "operation": {"sum_initial": {"amount": amount * 100, "currency": "IDR"}},
        }
    return {"provider": provider.value, "received_at": stamp, "payload": body}


def write_day(db: Database, shop: DemoShop, stories: Sequence[SaleStory]) -> None:
    """Write ``stories`` in one transaction, as the repositories would, call by call."""
    with transaction(db) as conn:
        rows = _DayRows(db, shop)
        for story in stories:
            rows.add(story)
        conn.executemany(
            "INSERT INTO sales (id, created_at, completed_at, business_date, status, cashier, "
            "terminal_id, total, tender, provider, cash_received, change_due, payment_reference, "
            "receipt_number, discount_rule, invoice_number) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            [row[:-1] for row in rows.sales],
        )
        conn.executemany(INSERT_SALE_LINE, rows.lines)
        conn.executemany(
            "INSERT INTO payment_attempts (id, invoice_number, sale_id, provider, amount, state, "
            "late, payment_url, expires_at, reference, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.attempts,
        )
        # as complete_with_payment does: the sale names its attempt once the attempt exists
        conn.executemany(
            "UPDATE sales SET invoice_number = ? WHERE id = ?",
            [(row[-1], row[0]) for row in rows.sales if row[-1] is not None],
        )
        conn.executemany(
            "INSERT INTO payment_events (id, attempt_id, invoice_number, source, status, state, "
            "outcome, payload, relay_cursor, created_at, business_date) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.events,
        )
        conn.executemany(
            "INSERT INTO sale_history (id, sale_id, before, after, at, source, actor, "
            "business_date) VALUES (?, ?, ?, ?, ?, ?, ?, "
            "(SELECT business_date FROM sales WHERE id = ?))",
            [(*row, row[1]) for row in rows.history],
        )
        write_meta(conn, INVOICE_SEQUENCE, str(rows.sequence))
        write_meta(conn, DEMO_MARK, "1")


class _DayRows:
    """The rows of a day's stories, with ids given in the order the repositories would give them."""

    def __init__(self, db: Database, shop: DemoShop) -> None:
        self.shop = shop
        self.sale_id, self.attempt_id, self.event_id, self.history_id = (
            db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
            for table in ("sales", "payment_attempts", "payment_events", "sale_history")
        )
        self.sequence = int(read_meta(db, INVOICE_SEQUENCE) or 0)
        self.sales: list[tuple[object, ...]] = []
        self.lines: list[tuple[object, ...]] = []
        self.attempts: list[tuple[object, ...]] = []
        self.events: list[tuple[object, ...]] = []
        self.history: list[tuple[object, ...]] = []
        self._receipts: dict[date, int] = {}
        """The last receipt sequence of each business day at the shop's terminal."""
        self._db = db

    def add(self, story: SaleStory) -> None:
        self.sale_id += 1
        total = story.total
        self._change(None, SaleStatus.OPEN, story.started_at, ChangeSource.CASHIER, story.cashier)
        self.lines += sale_line_rows(self.sale_id, story.priced)
        opened = [(attempt, *self._attempt(attempt, total)) for attempt in story.attempts]
        paid = [(invoice, a.reference) for a, _, invoice in opened if a.outcome is Outcome.PAID]
        for attempt, attempt_id, invoice in opened:  # Sales.cancel cancels what is still open
            if attempt.outcome is Outcome.ABANDONED:
                reason = to_json({"reason": CANCEL_REASON})
                self._event(
                    attempt_id, invoice, "cashier", None, "cancelled", reason, attempt.settled_at
                )
        for attempt, attempt_id, invoice in opened:  # then late payments arrive
            if attempt.late_paid_at is not None:
                payload = self._relay(invoice, total, True, attempt.late_paid_at, attempt.reference)
                self._event(
                    attempt_id, invoice, "relay", "paid", "paid", payload, attempt.late_paid_at
                )
        if story.finish is Finish.CANCEL:
            self._change(SaleStatus.OPEN, SaleStatus.CANCELLED, story.finished_at)
        else:
            source = ChangeSource.CASHIER if story.finish is Finish.CASH else ChangeSource.PROVIDER
            self._change(SaleStatus.OPEN, SaleStatus.COMPLETED, story.finished_at, source)
        receipt = None if story.finish is Finish.CANCEL else self._receipt(story.finished_at)
        payment = paid[-1] if paid else (None, None)
        row = _sale_row(self.sale_id, story, self.shop, total, receipt, *payment)
        rule = story.discount.stored() if story.discount else ""
        self.sales.append((*row[:-1], rule, row[-1]))

    def _receipt(self, completed_at: datetime) -> str:
        """The receipt number ``Sales`` gives a sale completing at ``completed_at``."""
        day = self.shop.day.date_of(completed_at)
        if day not in self._receipts:
            self._receipts[day] = last_sequence(self._db.conn, self.shop.terminal_id, day)
        self._receipts[day] += 1
        return receipt_number(self.shop.terminal_id, day, self._receipts[day])

    def _change(
        self,
        before: SaleStatus | None,
        after: SaleStatus,
        at: datetime,
        source: ChangeSource = ChangeSource.CASHIER,
        actor: str = "",
    ) -> None:
        """The sale's status history line, as :func:`pos_app.store.history.move` writes it."""
        self.history_id += 1
        self.history.append(
            (self.history_id, self.sale_id, before, after, utc_text(at), source.value, actor)
        )

    def _attempt(self, attempt: AttemptStory, total: int) -> tuple[int, str]:
        """``create_attempt``, ``record_request`` and the attempt's own end; its final row."""
        self.attempt_id += 1
        self.sequence += 1
        attempt_id = self.attempt_id
        day = self.shop.day.date_of(attempt.created_at)
        invoice = f"{INVOICE_PREFIX}-{self.shop.terminal_id}-{day:%Y%m%d}-{self.sequence:06d}"
        url = PAYMENT_PAGE + invoice
        self._event(attempt_id, invoice, "system", None, "created", "{}", attempt.created_at)
        request = to_json({"payment_url": url, "reference": attempt.reference})
        self._event(attempt_id, invoice, "system", None, "pending", request, attempt.requested_at)
        outcome = attempt.outcome
        if outcome in (Outcome.PAID, Outcome.DECLINED):
            payload = self._relay(
                invoice, total, outcome is Outcome.PAID, attempt.settled_at, attempt.reference
            )
            self._event(
                attempt_id,
                invoice,
                "relay",
                outcome.value,
                outcome.value,
                payload,
                attempt.settled_at,
            )
        elif outcome is Outcome.CANCELLED:
            self._event(attempt_id, invoice, "cashier", None, "cancelled", "{}", attempt.settled_at)
        elif outcome is Outcome.EXPIRED:
            self._event(attempt_id, invoice, "system", None, "expired", "{}", attempt.settled_at)
        state = "cancelled" if outcome is Outcome.ABANDONED else outcome.value
        updated = attempt.settled_at
        if attempt.late_paid_at is not None:
            state, updated = "paid", attempt.late_paid_at
        self.attempts.append(
            (
                attempt_id, invoice, self.sale_id, self.shop.provider.value, total, state,
                int(attempt.late_paid_at is not None), url,
                utc_text(attempt.requested_at + QR_EXPIRY), attempt.reference,
                utc_text(attempt.created_at), utc_text(updated),
            )
        )  # fmt: skip
        return attempt_id, invoice

    def _event(
        self,
        attempt_id: int,
        invoice: str,
        source: str,
        status: str | None,
        state: str,
        payload: str,
        at: datetime,
    ) -> None:
        self.event_id += 1
        self.events.append(
            (self.event_id, attempt_id, invoice, source, status, state, "applied", payload, None,
             utc_text(at), self.shop.day.date_of(at).isoformat())
        )  # fmt: skip

    def _relay(self, invoice: str, amount: int, paid: bool, at: datetime, reference: str) -> str:
        return to_json(
            relay_payload(
                self.shop.provider, invoice, amount, paid=paid, at=at, reference=reference
            )
        )


def _sale_row(
    sale_id: int,
    story: SaleStory,
    shop: DemoShop,
    total: int,
    receipt: str | None,
    invoice: str | None,
    reference: str | None,
) -> tuple[object, ...]:
    """The sale as ``create_sale`` and then ``complete_*`` or ``cancel`` leave it."""
    date_of = shop.day.date_of
    started = utc_text(story.started_at)
    if story.finish is Finish.CANCEL:
        return (
            sale_id, started, None, date_of(story.started_at).isoformat(), "cancelled",
            story.cashier, shop.terminal_id, total, None, None, None, None, None, None, None,
        )  # fmt: skip
    done, day = utc_text(story.finished_at), date_of(story.finished_at).isoformat()
    if story.finish is Finish.CASH:
        received = story.cash_received
        assert received is not None
        return (
            sale_id, started, done, day, "completed", story.cashier, shop.terminal_id, total,
            "cash", None, received, received - total, None, receipt, None,
        )  # fmt: skip
    return (
        sale_id, started, done, day, "completed", story.cashier, shop.terminal_id, total, "qr",
        shop.provider.value, None, None, reference, receipt, invoice,
    )  # fmt: skip
