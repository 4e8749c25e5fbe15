"""The Z report of a shop day: what the manager signs off when closing it (``till/day_close.py``).

Takings are counted exactly as the daily sales CSV counts them (completed sales of the business
date, less paid refunds of completed sales paid that day and the returns counted that day, plus
what the provider's reversals of their payouts brought back that day), so the
report's net total equals the CSV's sum rupiah for rupiah. Around them the report shows what the
manager settles at the close: cancelled sales and payment attempts, payments still open, late
payments (money that arrived on an attempt given up on, not part of takings until the manager
settles it), and the cash drawer: expected cash (opening float plus cash sales, plus cash put in
less cash taken out, less cash given back for returns) against the counted notes and coins.

The drawer is counted when a shift closes, so the drawer counts each shift whole on the day its
shift was opened (the day ``Shifts.for_day`` lists it under, whose close it keeps open): a shift
open across the cut-off (18:00 to 01:00 with a midnight cut-off) brings its cash sales and cash
returns after the cut-off into the drawer of the day it opened, although their takings count on
the next business day, and that next day's drawer leaves them out. Cash that no shift took (a
sale with no shift open for its cashier on its till) counts on its own business day, and the
report shows it apart (:attr:`ZReport.cash_without_shift`): no cashier's count answers for it. So
every rupiah through the drawer counts on exactly one day, by the same rule as its float and its
cash in and out, and a shift whose drawer is counted right leaves no difference on either day.
Takings keep the business day: only the drawer's reconciliation follows the shift.

A till restored from an older backup lacks the sales and returns it made since, which the relay's
copy of the day holds (``store/given_back.py``): the cash they took is in the drawer and the cash
they gave back left it, so the drawer counts them as it counts the day's own
(:attr:`ZReport.cash_sales_before_restore`, :attr:`ZReport.cash_returns_before_restore`), while
the takings stay those of the till's own files, which that copy completes in the shop's file.
Only a shift of their own business day takes them (``store/shifts.py``); the rest are the day's
cash that no shift took.

A till's drawer runs on through the day: a shift that opens after the one before it on that till
closed takes over that drawer, so its float is no new cash (the day's opening float is what the
first shifts on each till opened with, :attr:`ZReport.opening_float_of_shifts`), and what its
float differs from the count the shift before left was put in (or taken out of) the drawer
between the shifts. The first shift on a till counts a drawer that holds the cash the till took
that day before it with no shift open, which the day's cash sales count already.

Closing a day (``till/day_close.py``) builds this report under the write lock and stores it whole.
:func:`render_html` (print preview, PDF) draws :func:`report_sections`, the rows any view shows.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay, zone
from pos_app.domain.cash_count import CashCount, CountedDrawer
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.money import format_rupiah
from pos_app.domain.pricing import RateTotal
from pos_app.domain.texts import N_, say
from pos_app.payments.model import LATE_PAYMENT_FROM, OPEN_STATES, ProviderName
from pos_app.reports.discount_rows import discount_rows
from pos_app.reports.sections import Section, sections_html
from pos_app.reports.snapshot import read_snapshot
from pos_app.store.counted_returns import COUNTED_ON, RETURN_JOINS, RETURNED_LINES, SETTLED
from pos_app.store.database import optional_utc, parse_utc, utc_text
from pos_app.store.given_back import cash_back, sold_for_cash
from pos_app.store.open_day import OpenDays, on_days
from pos_app.store.payment_records import RECEIVED_SQL
from pos_app.store.refunds import NOT_A_RETURN, REDUCES_TAKINGS, REFUND_JOINS, REVERSAL_JOINS
from pos_app.store.sale_totals import DiscountsAndTax, discounts_and_tax
from pos_app.store.sales import Tender
from pos_app.store.shifts import Shift, Shifts, in_a_shift, shift_spans


@dataclass(frozen=True, slots=True)
class TenderTotal:
    tender: Tender
    provider: ProviderName | None
    """The QR provider; ``None`` for cash."""
    count: int
    total: int

    def to_json(self) -> dict[str, Any]:
        """As ``day_closes.detail`` has always held it: the provider empty for cash."""
        provider = "" if self.provider is None else self.provider.value
        return {
            "tender": self.tender.value,
            "provider": provider,
            "count": self.count,
            "total": self.total,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "TenderTotal":
        provider = ProviderName(data["provider"]) if data["provider"] else None
        return cls(Tender(data["tender"]), provider, data["count"], data["total"])


@dataclass(frozen=True, slots=True)
class ShiftLine:
    """One cashier's shift of the day, as the Z report lists it."""

    id: int
    cashier: str
    terminal_id: str
    opened_at: datetime
    closed_at: datetime | None
    opening_float: int
    expected_cash: int
    counted_cash: int | None
    cash_moved: int = 0
    """Cash put in less cash taken out of the drawer during the shift (0 in closes before it)."""

    @classmethod
    def of(cls, shift: Shift) -> "ShiftLine":
        return cls(
            shift.id,
            shift.cashier,
            shift.terminal_id,
            shift.opened_at,
            shift.closed_at,
            shift.opening_float,
            shift.expected_cash,
            shift.counted_cash,
            shift.cash_in - shift.cash_out,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "cashier": self.cashier,
            "terminal_id": self.terminal_id,
            "opened_at": utc_text(self.opened_at),
            "closed_at": None if self.closed_at is None else utc_text(self.closed_at),
            "opening_float": self.opening_float,
            "expected_cash": self.expected_cash,
            "counted_cash": self.counted_cash,
            "cash_moved": self.cash_moved,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ShiftLine":
        return cls(
            **{
                **data,
                "opened_at": parse_utc(data["opened_at"]),
                "closed_at": optional_utc(data["closed_at"]),
            }
        )


@dataclass(frozen=True, slots=True)
class LatePayment:
    invoice_number: str
    sale_id: int
    provider: ProviderName
    amount: int
    paid_at: datetime


@dataclass(frozen=True, slots=True)
class ZReport(CountedDrawer):
    business_date: date
    starts_at: datetime
    ends_at: datetime
    generated_at: datetime
    time_zone: str
    sales_count: int
    items_sold: int
    tenders: tuple[TenderTotal, ...]
    refunds_count: int
    refunds_total: int
    """Paid refunds of completed sales (not of late payments), paid this day: they reduce the
    takings."""
    cancelled_sales: int
    cancelled_attempts: int
    """QR attempts cancelled this day (by when, as late payments), whatever their sale became."""
    open_attempts: int
    late_payments: tuple[LatePayment, ...]
    late_refunds_count: int
    late_refunds_total: int
    """Paid refunds of late payments, paid this day: money back that never was takings."""
    opening_float: int = 0
    counted: CashCount | None = None
    shifts: tuple[ShiftLine, ...] = ()
    """The cashiers' shifts opened on this business day, on every till."""
    discounts: DiscountsAndTax = field(default_factory=DiscountsAndTax)
    """The completed sales' discounts and PPN per rate, tax class and basis (none in closes
    before them; per rate alone in closes before the split)."""
    returns_count: int = 0
    returns_total: int = 0
    """Money given back for returned items this day, however it went back: it reduces the
    takings (0 in closes before returns)."""
    cash_returns: int = 0
    """The part of ``returns_total`` given back from the drawer."""
    reversals_count: int = 0
    reversals_total: int = 0
    """What the provider's reversals brought back this day of payouts that reduced the takings
    (refunds and returns): it counts back in them (0 in closes before it)."""
    cash_sales_across_days: int = 0
    """Cash sales of this day's shifts that the takings count on another business day, less cash
    sales of this day's takings taken in another day's shift (a shift open across the cut-off):
    what the drawer's cash sales differ from the takings' (0 in closes before it)."""
    cash_returns_across_days: int = 0
    """The same for cash given back for returns."""
    moved_between_shifts: int = 0
    """Cash put in the drawer less cash taken out between shifts on a till: the float of each shift
    that took over the drawer less the count the shift before it left and the cash the till took
    meanwhile with no shift open (0 in closes before it)."""
    opening_float_of_shifts: int = 0
    """The day's opening float as its shifts say it (:func:`drawer_handovers`): what the day
    close offers the manager to start from."""
    cash_without_shift: int = 0
    """The day's cash sales less cash returns that no shift took: in the expected cash, but in no
    cashier's count (0 in closes before it)."""
    cash_returns_before_restore: int = 0
    """Cash given back from the drawer this day for returns that only the relay's copy holds (the
    till was restored from an older backup since): not in ``returns_total``, as the till's own
    files lack them (0 in closes before it)."""
    cash_sales_before_restore: int = 0
    """The same for cash sales: in the drawer, not in the takings (0 in closes before it)."""

    @property
    def sales_total(self) -> int:
        return sum(tender.total for tender in self.tenders)

    @property
    def net_total(self) -> int:
        """Sales less refunds and returns: the CSV's sum of ``line_total`` and of ``total``."""
        return self.sales_total - self.refunds_total - self.returns_total + self.reversals_total

    def tender_total(self, tender: Tender) -> int:
        return sum(entry.total for entry in self.tenders if entry.tender == tender)

    @property
    def late_payments_total(self) -> int:
        return sum(payment.amount for payment in self.late_payments)

    @property
    def cash_moved(self) -> int:
        """Cash the shifts put in less what they took out (petty cash, pick-ups)."""
        return sum(shift.cash_moved for shift in self.shifts)

    @property
    def drawer_cash_sales(self) -> int:
        """The cash sales the day's drawer took: its shifts' whole, and its takings' no shift
        took."""
        return (
            self.tender_total(Tender.CASH)
            + self.cash_sales_before_restore
            + self.cash_sales_across_days
        )

    @property
    def drawer_cash_returns(self) -> int:
        """Cash given back from the day's drawer, counted as :attr:`drawer_cash_sales` is."""
        return self.cash_returns + self.cash_returns_before_restore + self.cash_returns_across_days

    @property
    def expected_cash(self) -> int:
        """Wallet refunds do not come out of the drawer: cash sales, the shifts' cash in and out,
        cash moved between shifts and cash given back for returns move it."""
        return (
            self.opening_float
            + self.drawer_cash_sales
            + self.cash_moved
            + self.moved_between_shifts
            - self.drawer_cash_returns
        )

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values, for ``day_closes.detail``; :meth:`from_json` reads it back."""
        return {
            "business_date": self.business_date.isoformat(),
            "starts_at": utc_text(self.starts_at),
            "ends_at": utc_text(self.ends_at),
            "generated_at": utc_text(self.generated_at),
            "time_zone": self.time_zone,
            "sales_count": self.sales_count,
            "items_sold": self.items_sold,
            "tenders": [tender.to_json() for tender in self.tenders],
            "sales_total": self.sales_total,
            "refunds_count": self.refunds_count,
            "refunds_total": self.refunds_total,
            "returns_count": self.returns_count,
            "returns_total": self.returns_total,
            "cash_returns": self.cash_returns,
            "reversals_count": self.reversals_count,
            "reversals_total": self.reversals_total,
            "cash_sales_across_days": self.cash_sales_across_days,
            "cash_returns_across_days": self.cash_returns_across_days,
            "moved_between_shifts": self.moved_between_shifts,
            "opening_float_of_shifts": self.opening_float_of_shifts,
            "cash_without_shift": self.cash_without_shift,
            "cash_returns_before_restore": self.cash_returns_before_restore,
            "cash_sales_before_restore": self.cash_sales_before_restore,
            "net_total": self.net_total,
            "cancelled_sales": self.cancelled_sales,
            "cancelled_attempts": self.cancelled_attempts,
            "open_attempts": self.open_attempts,
            "late_payments": [
                {
                    "invoice_number": p.invoice_number,
                    "sale_id": p.sale_id,
                    "provider": p.provider.value,
                    "amount": p.amount,
                    "paid_at": utc_text(p.paid_at),
                }
                for p in self.late_payments
            ],
            "late_refunds_count": self.late_refunds_count,
            "late_refunds_total": self.late_refunds_total,
            "opening_float": self.opening_float,
            "expected_cash": self.expected_cash,
            "counted": None if self.counted is None else self.counted.to_json(),
            "counted_cash": self.counted_cash,
            "difference": self.difference,
            "shifts": [shift.to_json() for shift in self.shifts],
            "discount_total": self.discounts.discount,
            "tax_rates": [rate.to_json() for rate in self.discounts.rates],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ZReport":
        """A report as :meth:`to_json` wrote it; days closed before sales could no longer be
        voided also hold ``voided_sales``, always 0, which is not read."""
        counted = data.get("counted")
        shifts = tuple(ShiftLine.from_json(entry) for entry in data.get("shifts", ()))
        return cls(
            business_date=date.fromisoformat(data["business_date"]),
            starts_at=parse_utc(data["starts_at"]),
            ends_at=parse_utc(data["ends_at"]),
            generated_at=parse_utc(data["generated_at"]),
            time_zone=data["time_zone"],
            sales_count=data["sales_count"],
            items_sold=data["items_sold"],
            tenders=tuple(TenderTotal.from_json(entry) for entry in data["tenders"]),
            refunds_count=data["refunds_count"],
            refunds_total=data["refunds_total"],
            returns_count=data.get("returns_count", 0),
            returns_total=data.get("returns_total", 0),
            cash_returns=data.get("cash_returns", 0),
            reversals_count=data.get("reversals_count", 0),
            reversals_total=data.get("reversals_total", 0),
            cash_sales_across_days=data.get("cash_sales_across_days", 0),
            cash_returns_across_days=data.get("cash_returns_across_days", 0),
            moved_between_shifts=data.get("moved_between_shifts", 0),
            opening_float_of_shifts=data.get(
                "opening_float_of_shifts", drawer_handovers(shifts)[0]
            ),
            cash_without_shift=data.get("cash_without_shift", 0),
            cash_returns_before_restore=data.get("cash_returns_before_restore", 0),
            cash_sales_before_restore=data.get("cash_sales_before_restore", 0),
            cancelled_sales=data["cancelled_sales"],
            cancelled_attempts=data["cancelled_attempts"],
            open_attempts=data["open_attempts"],
            late_payments=tuple(
                LatePayment(
                    **{
                        **entry,
                        "provider": ProviderName(entry["provider"]),
                        "paid_at": parse_utc(entry["paid_at"]),
                    }
                )
                for entry in data["late_payments"]
            ),
            late_refunds_count=data["late_refunds_count"],
            late_refunds_total=data["late_refunds_total"],
            opening_float=data["opening_float"],
            counted=None if counted is None else CashCount.from_json(counted),
            shifts=shifts,
            discounts=DiscountsAndTax(
                data.get("discount_total", 0),
                tuple(RateTotal.from_json(entry) for entry in data.get("tax_rates", ())),
            ),
        )


def drawer_handovers(
    shifts: Iterable[ShiftLine],
    taken_between: Callable[[str, datetime | None, datetime], int] = lambda *_: 0,
) -> tuple[int, int]:
    """The floats a day's shifts brought into its drawers, and the cash put in less taken out
    between its shifts.

    A till's drawer runs on through the day: a shift that opens on a till after a shift there
    closed takes over that drawer (the one closed last, if several; each drawer once), so its
    float is no new cash, and its float less the count left in that drawer was put in between the
    shifts (taken out, to the safe, when negative). A shift with no closed drawer on its till
    to take over (the first there; or, in days kept from before one drawer held one open shift,
    one opened beside a shift still open) brings its float in.
    Counting a handed-over float again would expect the first shift's cash twice.

    ``taken_between(till, closed, opened)`` is the cash the till took for the day's takings with
    no shift open between a close (``None``: the start) and the next opening there (cash sales
    less cash returns): the day's cash sales count it already, so it is not cash put in as well,
    nor, in the float of the first shift there, which counted it in the drawer, float again. A
    first float below that cash counts as nothing brought in, and the rest as taken out.
    """
    left: dict[str, list[ShiftLine]] = {}
    floats = between = 0
    for shift in sorted(shifts, key=lambda line: (line.opened_at, line.id)):
        drawers = left.setdefault(shift.terminal_id, [])
        closed = [
            (before.closed_at, before.counted_cash, before)
            for before in drawers
            if before.closed_at is not None
            and before.counted_cash is not None
            and before.closed_at <= shift.opened_at
        ]
        if closed:
            closed_at, count, before = max(closed, key=lambda found: (found[0], found[2].id))
            drawers.remove(before)
            taken = taken_between(shift.terminal_id, closed_at, shift.opened_at)
            between += shift.opening_float - count - taken
        elif not drawers:
            brought = shift.opening_float - taken_between(shift.terminal_id, None, shift.opened_at)
            floats += max(brought, 0)
            between += min(brought, 0)
        else:
            floats += shift.opening_float
        drawers.append(shift)
    return floats, between


_FIRST_CASH_SALE = (
    "(SELECT min(m) FROM (SELECT min(completed_at) AS m FROM sales "
    "WHERE business_date = ?2 AND status = 'completed' AND tender = 'cash' "
    f"UNION ALL {sold_for_cash('g.business_date = ?2', 'min(g.created_at)')}))"
)
"""The first moment the drawer took cash for a sale of the day ``?2``, before the restore too."""
_FIRST_CASH_RETURN = (
    f"(SELECT min(m) FROM (SELECT min(t.created_at) AS m FROM {RETURN_JOINS} "
    f"WHERE t.method = 'cash' AND {SETTLED} AND {COUNTED_ON} = ?2 "
    f"UNION ALL SELECT {cash_back('g.business_date = ?2', 'min(g.created_at)')}))"
)
"""The first moment cash went back for a return of the day ``?2``, before the restore too."""
_KEPT_IN_A_SHIFT = in_a_shift("g.cashier", "g.terminal_id", "g.created_at", "g.business_date")
"""SQL: a row ``g`` kept of the relay's copy (``store/given_back.py``) fell in a shift, of its
own business day (``store/shifts.py``)."""
_KEPT_IN_SHIFTS = f"g.business_date = ?2 AND {_KEPT_IN_A_SHIFT}"
_KEPT_BETWEEN = (
    "g.business_date = ?3 AND g.terminal_id = ?4 AND g.created_at >= ?2 AND g.created_at < ?5 "
    f"AND NOT {_KEPT_IN_A_SHIFT}"
)


def _in_shifts(db: Database, key: str, now: datetime) -> tuple[int, int]:
    """The cash sales and the cash returns (before the restore too) of business day ``key`` that
    some shift took (that shift's day counts them in its drawer)."""
    moment = utc_text(now)
    sales = db.execute(
        f"WITH spans AS MATERIALIZED ({shift_spans(_FIRST_CASH_SALE)}) "
        "SELECT coalesce(sum(total), 0) FROM (SELECT s.total FROM sales s "
        "WHERE s.business_date = ?2 AND s.status = 'completed' AND s.tender = 'cash' "
        f"AND {in_a_shift('s.cashier', 's.terminal_id', 's.completed_at')} "
        f"UNION ALL {sold_for_cash(_KEPT_IN_SHIFTS)})",
        [moment, key],
    ).fetchone()[0]
    returns = db.execute(
        f"WITH spans AS MATERIALIZED ({shift_spans(_FIRST_CASH_RETURN)}) "
        f"SELECT (SELECT coalesce(sum(t.amount), 0) FROM {RETURN_JOINS} WHERE t.method = 'cash' "
        f"AND {SETTLED} AND {COUNTED_ON} = ?2 "
        f"AND {in_a_shift('t.cashier', 't.terminal_id', 't.created_at')}) + "
        + cash_back(_KEPT_IN_SHIFTS),
        [moment, key],
    ).fetchone()[0]
    return int(sales), int(returns)


def _taken_between(
    db: Database, key: str, now: datetime
) -> Callable[[str, datetime | None, datetime], int]:
    """:func:`drawer_handovers`' ``taken_between`` for business day ``key``: the till's cash
    sales less cash returns of that day from ``closed`` (or the first) until ``opened`` that no
    shift took."""
    moment = utc_text(now)

    def taken(terminal_id: str, closed: datetime | None, opened: datetime) -> int:
        since = "" if closed is None else utc_text(closed)  # "" sorts before every moment
        window = [moment, since, key, terminal_id, utc_text(opened)]
        sales = db.execute(
            f"WITH spans AS MATERIALIZED ({shift_spans('?2')}) "
            "SELECT coalesce(sum(total), 0) FROM (SELECT s.total FROM sales s "
            "WHERE s.business_date = ?3 AND s.status = 'completed' AND s.tender = 'cash' "
            "AND s.terminal_id = ?4 AND s.completed_at >= ?2 AND s.completed_at < ?5 "
            f"AND NOT {in_a_shift('s.cashier', 's.terminal_id', 's.completed_at')} "
            f"UNION ALL {sold_for_cash(_KEPT_BETWEEN)})",
            window,
        ).fetchone()[0]
        returns = db.execute(
            f"WITH spans AS MATERIALIZED ({shift_spans('?2')}) "
            f"SELECT (SELECT coalesce(sum(t.amount), 0) FROM {RETURN_JOINS} "
            f"WHERE t.method = 'cash' AND {SETTLED} AND {COUNTED_ON} = ?3 "
            "AND t.terminal_id = ?4 AND t.created_at >= ?2 AND t.created_at < ?5 "
            f"AND NOT {in_a_shift('t.cashier', 't.terminal_id', 't.created_at')}) + "
            + cash_back(_KEPT_BETWEEN),
            window,
        ).fetchone()[0]
        return int(sales) - int(returns)

    return taken


_GIVEN_UP = ", ".join(f"'{state.value}'" for state in sorted(LATE_PAYMENT_FROM))
_LATE_PAYMENTS = f"""
SELECT invoice_number, sale_id, provider, received, paid FROM (
    SELECT a.id, a.invoice_number, a.sale_id, a.provider, {RECEIVED_SQL} AS received,
        e.created_at AS paid, e.business_date AS day
    FROM payment_attempts a JOIN payment_events e ON e.id = (
        SELECT f.id FROM payment_events f
        WHERE f.attempt_id = a.id AND f.state = 'paid' AND f.outcome = 'applied'
        ORDER BY f.created_at, f.id LIMIT 1)
    WHERE a.id IN (
        SELECT id FROM payment_attempts WHERE late = 1
        UNION ALL
        SELECT t.id FROM sales s JOIN payment_attempts t ON t.invoice_number = s.invoice_number
        WHERE s.business_date > ?3 AND s.status = 'completed' AND EXISTS (
            SELECT 1 FROM payment_events g WHERE g.attempt_id = t.id AND g.outcome = 'applied'
            AND g.state IN ({_GIVEN_UP})))
)
WHERE {on_days("day", "paid")} ORDER BY paid, id
"""
"""The late payments that arrived on a day (?3, ?1 to ?2 its moments: ``on_days``) and are not
its takings: a late payment still, or one given up on before it was paid that a manager attached
to a sale of a later day since (attaching clears ``late``, and the sale's day is the day of
attaching), so a day lists what it listed when it was closed. Read through indexes, from the few
late payments and the sales of later days, not from every payment event."""


def _cancelled_on(db: Database, key: str) -> int:
    """Sales cancelled on this business day, also those a late payment completed later (on
    another day): a closed day's count never changes."""
    return int(
        db.execute(
            "SELECT count(DISTINCT h.sale_id) FROM sale_history h JOIN sales s ON s.id = h.sale_id "
            "WHERE h.after = 'cancelled' AND coalesce(h.business_date, s.business_date) = ?",
            [key],
        ).fetchone()[0]
    )


def build_z_report(
    db: Database,
    business_date: date,
    *,
    day: BusinessDay,
    opening_float: int = 0,
    counted: CashCount | None = None,
    now: datetime | None = None,
) -> ZReport:
    """The report of ``business_date`` as the store holds it now."""
    if isinstance(opening_float, bool) or not isinstance(opening_float, int) or opening_float < 0:
        raise ValidationError(
            f"opening float must be a whole number of rupiah, 0 or more, got {opening_float!r}"
        )
    with read_snapshot(db):
        return _build(db, business_date, day, opening_float, counted, now or datetime.now(UTC))


def _build(
    db: Database,
    business_date: date,
    day: BusinessDay,
    opening_float: int,
    counted: CashCount | None,
    now: datetime,
) -> ZReport:
    key = business_date.isoformat()
    starts_at, ends_at = day.bounds(business_date)
    by_status = {
        SaleStatus(status): count
        for status, count in db.execute(
            "SELECT status, count(*) FROM sales WHERE business_date = ? GROUP BY status", [key]
        )
    }
    tenders = tuple(
        TenderTotal(Tender(tender), ProviderName(provider) if provider else None, count, total)
        for tender, provider, count, total in db.execute(
            "SELECT tender, coalesce(provider, ''), count(*), sum(total) FROM sales "
            "WHERE business_date = ? AND status = 'completed' "
            "GROUP BY tender, coalesce(provider, '') ORDER BY tender, coalesce(provider, '')",
            [key],
        )
    )
    items_sold = db.execute(
        "SELECT coalesce(sum(l.quantity), 0) FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "WHERE s.business_date = ? AND s.status = 'completed'",
        [key],
    ).fetchone()[0]
    refunds = dict(
        (counted_sale, (count, total))
        for counted_sale, count, total in db.execute(
            f"SELECT {REDUCES_TAKINGS}, count(*), sum(r.amount) FROM {REFUND_JOINS} "
            f"WHERE r.business_date = ? AND r.status = 'paid' AND {NOT_A_RETURN} GROUP BY 1",
            [key],
        )
    )
    on_day = [*(utc_text(moment) for moment in _late_window(db, day, business_date)), key, key]
    cancelled_attempts = db.execute(
        "SELECT count(DISTINCT attempt_id) FROM payment_events WHERE attempt_id IS NOT NULL "
        "AND state = 'cancelled' AND outcome = 'applied' "
        f"AND {on_days('business_date', 'created_at')}",
        on_day,
    ).fetchone()[0]
    open_states = sorted(state.value for state in OPEN_STATES)
    open_attempts = db.execute(
        "SELECT count(*) FROM sales s JOIN payment_attempts a ON a.sale_id = s.id "
        f"WHERE s.business_date = ? AND a.state IN ({', '.join('?' * len(open_states))})",
        [key, *open_states],
    ).fetchone()[0]
    late_payments = tuple(
        LatePayment(invoice, sale_id, ProviderName(provider), amount, parse_utc(paid_at))
        for invoice, sale_id, provider, amount, paid_at in db.execute(_LATE_PAYMENTS, on_day)
    )
    returns_count, returns_total, cash_returns = db.execute(
        "SELECT count(*), coalesce(sum(t.amount), 0), "
        "coalesce(sum(CASE WHEN t.method = 'cash' THEN t.amount END), 0) "
        f"FROM {RETURN_JOINS} WHERE {SETTLED} AND {COUNTED_ON} = ?",
        [key],
    ).fetchone()
    reversals_count, reversals_total = db.execute(
        f"SELECT count(*), coalesce(sum(b.amount), 0) FROM {REVERSAL_JOINS} "
        f"WHERE b.business_date = ? AND {REDUCES_TAKINGS}",
        [key],
    ).fetchone()
    before_restore, sold_before = db.execute(
        f"SELECT {cash_back('g.business_date = ?1')}, (SELECT coalesce(sum(amount), 0) FROM "
        f"({sold_for_cash('g.business_date = ?1')}))",
        [key],
    ).fetchone()
    drawer_returns = cash_returns + before_restore
    refunds_count, refunds_total = refunds.get(1, (0, 0))
    late_refunds_count, late_refunds_total = refunds.get(0, (0, 0))
    shifts = Shifts(db).for_day(business_date, until=now)
    lines = tuple(ShiftLine.of(shift) for shift in shifts)
    in_shifts_sales, in_shifts_returns = _in_shifts(db, key, now)
    floats, between = drawer_handovers(lines, _taken_between(db, key, now))
    cash_sales = sum(entry.total for entry in tenders if entry.tender is Tender.CASH)
    return ZReport(
        business_date=business_date,
        starts_at=starts_at,
        ends_at=ends_at,
        generated_at=now,
        time_zone=day.tz.key,
        sales_count=by_status.get(SaleStatus.COMPLETED, 0),
        items_sold=items_sold,
        tenders=tenders,
        refunds_count=refunds_count,
        refunds_total=refunds_total,
        cancelled_sales=_cancelled_on(db, key),
        cancelled_attempts=cancelled_attempts,
        open_attempts=open_attempts,
        late_payments=late_payments,
        late_refunds_count=late_refunds_count,
        late_refunds_total=late_refunds_total,
        opening_float=opening_float,
        counted=counted,
        shifts=lines,
        discounts=discounts_and_tax(
            db,
            "s.business_date = ? AND s.status = 'completed'",
            [key],
            f"{RETURNED_LINES} AND {COUNTED_ON} = ?",
            [key],
        ),
        returns_count=returns_count,
        returns_total=returns_total,
        cash_returns=cash_returns,
        reversals_count=reversals_count,
        reversals_total=reversals_total,
        cash_sales_across_days=sum(shift.cash_sales for shift in shifts) - in_shifts_sales,
        cash_returns_across_days=sum(shift.cash_returns for shift in shifts) - in_shifts_returns,
        moved_between_shifts=between,
        opening_float_of_shifts=floats,
        cash_without_shift=(
            cash_sales + sold_before - in_shifts_sales - (drawer_returns - in_shifts_returns)
        ),
        cash_returns_before_restore=before_restore,
        cash_sales_before_restore=sold_before,
    )


def _late_window(db: Database, day: BusinessDay, business_date: date) -> tuple[datetime, datetime]:
    """When the late payments listed under this day arrived and its QR attempts were cancelled,
    of those recorded before events kept their business day (``on_days``): the moments the shared
    rule of ``store/open_day.py`` places on it, as the payments file does. Within its bounds, but
    from the previous day's close if that came before these bounds began, and until this day's own
    close, so a payment that arrives after an early close is listed under the next day, not the
    closed one."""
    return OpenDays.read(db, day).window(business_date, business_date)


_BEFORE_RESTORE = N_("of which only in the relay's copy (till restored from a backup)")
"""Under the drawer's cash sales and returns: those not in the takings (:class:`ZReport`)."""


def report_sections(report: ZReport) -> list[Section]:
    """The report as titled sections of (label, value) rows, for any renderer, in the language
    the GUI chose (English without one)."""
    shop_zone = zone(report.time_zone)

    def local(moment: datetime, form: str = "%d/%m/%Y %H:%M") -> str:
        return moment.astimezone(shop_zone).strftime(form)

    takings = [
        (say(N_("Sales")), str(report.sales_count)),
        (say(N_("Items sold")), str(report.items_sold)),
    ]
    for entry in report.tenders:
        if entry.provider is None:
            label = say(N_("Cash ({count})"), count=entry.count)
        else:
            label = say(N_("QR {provider} ({count})"), provider=entry.provider, count=entry.count)
        takings.append((label, format_rupiah(entry.total)))
    takings += [
        (say(N_("Gross sales")), format_rupiah(report.sales_total)),
        (
            say(N_("Refunds ({count})"), count=report.refunds_count),
            format_rupiah(-report.refunds_total),
        ),
        (
            say(N_("Returns ({count})"), count=report.returns_count),
            format_rupiah(-report.returns_total),
        ),
        *(
            [
                (
                    say(N_("Payouts reversed ({count})"), count=report.reversals_count),
                    format_rupiah(report.reversals_total),
                )
            ]
            if report.reversals_count
            else []
        ),
        (say(N_("NET TOTAL")), format_rupiah(report.net_total)),
    ]
    problems = [
        (say(N_("Cancelled sales")), str(report.cancelled_sales)),
        (say(N_("Cancelled QR attempts")), str(report.cancelled_attempts)),
        (say(N_("QR payments still open")), str(report.open_attempts)),
        (
            say(N_("Late payments ({count})"), count=len(report.late_payments)),
            format_rupiah(report.late_payments_total),
        ),
    ]
    problems += [
        (
            f"  {payment.invoice_number} {local(payment.paid_at, '%d/%m %H:%M')}",
            format_rupiah(payment.amount),
        )
        for payment in report.late_payments
    ]
    problems.append(
        (
            say(N_("Late payments refunded ({count})"), count=report.late_refunds_count),
            format_rupiah(-report.late_refunds_total),
        )
    )
    cash = [
        (say(N_("Opening float")), format_rupiah(report.opening_float)),
        (say(N_("Cash sales")), format_rupiah(report.drawer_cash_sales)),
    ]
    if report.cash_without_shift:  # in the cash sales, though no cashier's count answers for it
        without = say(N_("of which taken with no shift open"))
        cash.append((f"  {without}", format_rupiah(report.cash_without_shift)))
    if report.cash_sales_before_restore:  # not in the takings' sales: its files lack them
        before = say(_BEFORE_RESTORE)
        cash.append((f"  {before}", format_rupiah(report.cash_sales_before_restore)))
    moved = report.cash_moved + report.moved_between_shifts
    if moved:  # cash moved between shifts went in or out of the drawer as well
        cash.append((say(N_("Cash in less cash out")), format_rupiah(moved)))
    if report.drawer_cash_returns:
        cash.append((say(N_("Cash returns")), format_rupiah(-report.drawer_cash_returns)))
    if report.cash_returns_before_restore:  # not in the takings' returns: its files lack them
        before = say(_BEFORE_RESTORE)
        cash.append((f"  {before}", format_rupiah(-report.cash_returns_before_restore)))
    cash.append((say(N_("Expected cash")), format_rupiah(report.expected_cash)))
    if report.counted is not None:
        cash += [
            (f"  {value} x {pieces}", format_rupiah(value * pieces))
            for value, pieces in report.counted.pieces()
            if pieces
        ]
        cash += [
            (say(N_("Counted cash")), format_rupiah(report.counted.total)),
            (say(N_("Difference")), format_rupiah(report.difference or 0)),
        ]
    heading = [
        (say(N_("Business day")), report.business_date.isoformat()),
        (say(N_("From")), local(report.starts_at)),
        (say(N_("To")), local(report.ends_at)),
        (say(N_("Printed")), local(report.generated_at)),
    ]
    sales = discount_rows(report.discounts)
    return [
        (say(N_("Z REPORT")), heading),
        (say(N_("Takings")), takings),
        *([(say(N_("Discounts and PPN")), sales)] if sales else []),
        (say(N_("Exceptions")), problems),
        (say(N_("Cash drawer")), cash),
        (say(N_("Shifts")), _shift_rows(report, local)),
    ]


def _shift_rows(report: ZReport, local: Callable[..., str]) -> list[tuple[str, str]]:
    """Each shift: who, when, and its drawer (expected, counted, difference; or still open)."""
    rows: list[tuple[str, str]] = []
    for shift in report.shifts:
        until = "…" if shift.closed_at is None else local(shift.closed_at, "%H:%M")
        rows.append(
            (
                f"{shift.cashier} ({shift.terminal_id}) {local(shift.opened_at, '%H:%M')}-{until}",
                format_rupiah(shift.opening_float),
            )
        )
        rows.append(("  " + say(N_("Expected cash")), format_rupiah(shift.expected_cash)))
        if shift.counted_cash is None:
            rows.append(("  " + say(N_("Still open")), ""))
        else:
            rows += [
                ("  " + say(N_("Counted cash")), format_rupiah(shift.counted_cash)),
                (
                    "  " + say(N_("Difference")),
                    format_rupiah(shift.counted_cash - shift.expected_cash),
                ),
            ]
    return rows


def render_html(report: ZReport, *, shop_name: str = "") -> str:
    """HTML for print preview and PDF (Qt rich text understands it)."""
    return sections_html(report_sections(report), shop_name=shop_name)
