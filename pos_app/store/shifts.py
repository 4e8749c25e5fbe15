"""Cashiers' shifts at one till: the opening float, cash put in or taken out, and the count at the
close against what the drawer should hold.

A shift belongs to one cashier on one terminal; a terminal has one cash drawer, so one shift is
open on it at a time (of any day: a drawer left open overnight is still held). Another cashier's
shift opens once that one is counted and closed, by its cashier or by a manager; the next shift
then takes the drawer over (``reports/z_report.py``), so its float is no new cash.
The drawer's expected cash is the opening float, plus the cash sales this cashier completed on this
terminal while the shift was open (each sale's total: the change went back out of the drawer),
plus cash put in, less cash taken out, less the cash this cashier gave back for returns on this
terminal while it was open (``store/returns.py``); sales and returns alike with those made before
the till was restored from an older backup, which only the relay's copy holds
(``store/given_back.py``), of the shift's own business day: that copy does not say when a shift
the backup holds open closed. Refunds are wallet payouts, never paid from the drawer, so they do
not move it. Each change is audited in its own transaction.

A shift keeps the figures its report showed at the close (``figures``), as a day close keeps its
Z report: a payout paid after the close must not change the paper printed again. Shifts closed
before Kasir kept them are read from the sales and returns as they stand.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from sqlite3 import Connection
from typing import Any
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount, CountedDrawer
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import check_amount, format_rupiah
from pos_app.domain.pricing import RateTotal
from pos_app.domain.texts import N_, Text
from pos_app.store.audit import AuditLog
from pos_app.store.counted_returns import RETURNED_LINES
from pos_app.store.database import TICK, optional_utc, parse_utc, to_json, transaction, utc_text
from pos_app.store.errors import NotFound, StoreError
from pos_app.store.given_back import cash_back, sold_for_cash
from pos_app.store.open_day import open_business_date
from pos_app.store.sale_totals import DiscountsAndTax, discounts_and_tax


@dataclass(frozen=True, slots=True)
class CashMove:
    at: datetime
    amount: int
    """Positive: put in the drawer; negative: taken out."""
    reason: str
    actor: str


@dataclass(frozen=True, slots=True)
class Shift(CountedDrawer):
    id: int
    terminal_id: str
    cashier: str
    business_date: date
    opened_at: datetime
    opening_float: int
    cash_sales_count: int
    cash_sales: int
    moves: tuple[CashMove, ...]
    closed_at: datetime | None = None
    closed_by: str | None = None
    counted: CashCount | None = None
    discounts: DiscountsAndTax = field(default_factory=DiscountsAndTax)
    """The discounts and PPN per rate of every sale its cashier completed on its till while it
    was open, cash or QR."""
    cash_returns: int = 0
    """Cash given back from the drawer for returned items while it was open."""

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def cash_in(self) -> int:
        return sum(move.amount for move in self.moves if move.amount > 0)

    @property
    def cash_out(self) -> int:
        """Taken out of the drawer, as a positive amount."""
        return -sum(move.amount for move in self.moves if move.amount < 0)

    @property
    def expected_cash(self) -> int:
        return (
            self.opening_float + self.cash_sales + self.cash_in - self.cash_out - self.cash_returns
        )


_COLUMNS = (
    "id, terminal_id, cashier, business_date, opened_at, opening_float, closed_at, closed_by, "
    "counted, figures"
)
_OF_SHIFT = (
    "s.status = 'completed' AND s.cashier = ? AND s.terminal_id = ? "
    "AND s.completed_at >= ? AND (? IS NULL OR s.completed_at < ?)"
)
"""The sales of a shift: its cashier's, on its till, completed while it was open."""
_KEPT_OF_SHIFT = (
    "g.cashier = ? AND g.terminal_id = ? AND g.created_at >= ? AND (? IS NULL OR g.created_at < ?) "
    "AND g.business_date = ?"
)
"""The rows kept of the relay's copy (``store/given_back.py``) that a shift took, as it takes
its own sales and returns (its parameters, then its business day): the till was restored from
an older backup that lacks them. Those of its own business day only, as :func:`in_a_shift` has
them: the copy does not say when a shift the backup holds open closed, and the lost database
may have counted it that evening and opened others on later days, whose cash they banked."""
_CASH_SALES = (
    "SELECT count(*), coalesce(sum(total), 0) FROM (SELECT s.total FROM sales s "
    f"WHERE s.tender = 'cash' AND {_OF_SHIFT} UNION ALL {sold_for_cash(_KEPT_OF_SHIFT)})"
)
"""Cash sales during a shift, also before the till was restored (see :meth:`Shifts._figures`)."""
_RETURNS_OF_SHIFT = (
    "t.cashier = ? AND t.terminal_id = ? AND t.created_at >= ? AND (? IS NULL OR t.created_at < ?)"
)
"""The returns of a shift: taken by its cashier, on its till, while it was open."""
_CASH_RETURNS = (
    "SELECT (SELECT coalesce(sum(t.amount), 0) FROM returns t WHERE t.method = 'cash' "
    f"AND {_RETURNS_OF_SHIFT}) + " + cash_back(_KEPT_OF_SHIFT)
)
"""Cash given back for returns during a shift, also before the till was restored (as
:data:`_CASH_SALES`)."""
_LAST_OF_SHIFT = (
    f"SELECT max(m) FROM (SELECT max(s.completed_at) AS m FROM sales s WHERE {_OF_SHIFT} "
    f"UNION ALL SELECT max(t.created_at) FROM returns t WHERE {_RETURNS_OF_SHIFT} "
    f"UNION ALL {sold_for_cash(_KEPT_OF_SHIFT, 'max(g.created_at)')} "
    f"UNION ALL SELECT {cash_back(_KEPT_OF_SHIFT, 'max(g.created_at)')})"
)
"""When a shift last took a sale or gave back a return, also before the till was restored: the
parameters of its sales, of its returns, then of the kept rows twice (its end NULL)."""


class DrawerHeld(StoreError):
    """Another cashier's shift is open on the till: a shift opened beside it would put a second
    float in the one drawer (the day would expect both) and each count would hold the other's
    cash. ``shift`` is the shift holding the drawer, to be counted and closed first."""

    def __init__(self, shift: Shift, tz: ZoneInfo) -> None:
        super().__init__(
            N_(
                "the shift of {cashier}, open on this till since {since}, holds its drawer: it "
                "must be counted and closed before another shift opens"
            ),
            cashier=shift.cashier,
            since=shift.opened_at.astimezone(tz).strftime("%d/%m/%Y %H:%M"),
        )
        self.shift = shift


def _figures_json(shift: Shift) -> dict[str, Any]:
    """The figures of ``shift`` read from other rows, which later changes (a payout settled, a
    return made again) would move: kept at the close as its report showed them."""
    return {
        "cash_sales_count": shift.cash_sales_count,
        "cash_sales": shift.cash_sales,
        "cash_returns": shift.cash_returns,
        "discount": shift.discounts.discount,
        "tax_rates": [rate.to_json() for rate in shift.discounts.rates],
    }


def _figures_from_json(data: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`_figures_json`'s figures as :class:`Shift` fields."""
    return {
        "cash_sales_count": data["cash_sales_count"],
        "cash_sales": data["cash_sales"],
        "cash_returns": data["cash_returns"],
        "discounts": DiscountsAndTax(
            data["discount"], tuple(RateTotal.from_json(rate) for rate in data["tax_rates"])
        ),
    }


def shift_spans(since: str) -> str:
    """SQL: when each shift ran, as ``cashier, terminal_id, business_date, opened_at, until``,
    for the shifts that ran on after ``since`` (an SQL expression); one still open runs until
    the ``?`` parameter, the moment the figures are read. For a ``WITH spans AS MATERIALIZED
    (…)`` that :func:`in_a_shift` looks in: read once, not once per row."""
    return (
        "SELECT cashier, terminal_id, business_date, opened_at, coalesce(closed_at, ?) AS until "
        f"FROM shifts WHERE until > {since}"
    )


def in_a_shift(cashier: str, terminal: str, moment: str, day: str | None = None) -> str:
    """SQL: the row whose ``cashier``, ``terminal`` and ``moment`` (SQL expressions) are given
    falls in one of the shifts of ``spans`` (:func:`shift_spans`), the way a shift takes its sales
    (:data:`_OF_SHIFT`) and returns (:data:`_RETURNS_OF_SHIFT`): its cashier's, on its till,
    from its opening until its close; and, given its business ``day``, a shift of that day, the
    way a shift takes the rows kept of the relay's copy (:data:`_KEPT_OF_SHIFT`). A cashier has
    one shift open per till at most, so a row falls in one shift at most."""
    of_day = "" if day is None else f" AND h.business_date = {day}"
    return (
        f"EXISTS (SELECT 1 FROM spans h WHERE h.cashier = {cashier} "
        f"AND h.terminal_id = {terminal} AND {moment} >= h.opened_at AND {moment} < h.until"
        f"{of_day})"
    )


class Shifts:
    def __init__(self, db: Database, day: BusinessDay | None = None) -> None:
        self._db = db
        self._day = day or BusinessDay()

    def open(self, *, terminal_id: str, cashier: str, opening_float: int, now: datetime) -> Shift:
        """Start ``cashier``'s shift with ``opening_float`` in the drawer, on the open day.

        Refused (:class:`DrawerHeld`) while another cashier's shift is open on the till; checked
        under the write lock, so two openings at once cannot both find the drawer free."""
        check_amount(opening_float, field=Text(N_("opening float")), allow_zero=True)
        if not cashier.strip():
            raise ValidationError(N_("a shift needs the cashier's name"))
        with transaction(self._db) as conn:
            if self.current(terminal_id, cashier) is not None:
                raise StoreError(
                    N_("{cashier} has a shift open on this till already"), cashier=cashier
                )
            held = self.holding_drawer(terminal_id, cashier)
            if held is not None:
                raise DrawerHeld(held, self._day.tz)
            opened_at = self._open_moment(terminal_id, now)
            business_date = open_business_date(self._db, self._day, opened_at)
            shift_id = conn.execute(
                "INSERT INTO shifts (terminal_id, cashier, business_date, opened_at, "
                "opening_float) VALUES (?, ?, ?, ?, ?)",
                [
                    terminal_id,
                    cashier,
                    business_date.isoformat(),
                    utc_text(opened_at),
                    opening_float,
                ],
            ).lastrowid
            assert shift_id is not None
            AuditLog(self._db).record(
                cashier,
                "shift.open",
                {"shift": shift_id, "terminal": terminal_id, "opening_float": opening_float},
                now=now,
            )
        return self.get(shift_id)

    def move_cash(
        self, shift_id: int, amount: int, *, reason: str, actor: str, now: datetime
    ) -> Shift:
        """Put cash in (``amount`` > 0) or take it out (< 0) of an open shift's drawer, with why.

        Taking out more than the drawer should hold is refused: the count could never match.
        """
        if isinstance(amount, bool) or not isinstance(amount, int) or amount == 0:
            raise ValidationError(N_("a cash movement needs an amount other than 0"))
        check_amount(abs(amount), field=Text(N_("cash movement")))
        if not reason.strip():
            raise ValidationError(N_("a cash movement needs a reason"))
        with transaction(self._db) as conn:
            shift = self._open_shift(shift_id)
            if amount < 0 and -amount > shift.expected_cash:
                raise ValidationError(
                    N_("cannot take out {amount}: the drawer should hold only {expected}"),
                    amount=format_rupiah(-amount),
                    expected=format_rupiah(shift.expected_cash),
                )
            conn.execute(
                "INSERT INTO shift_cash_moves (shift_id, at, amount, reason, actor) "
                "VALUES (?, ?, ?, ?, ?)",
                [shift_id, utc_text(now), amount, reason.strip(), actor],
            )
            AuditLog(self._db).record(
                actor,
                "shift.cash_in" if amount > 0 else "shift.cash_out",
                {"shift": shift_id, "amount": abs(amount), "reason": reason.strip()},
                now=now,
            )
        return self.get(shift_id)

    def close(self, shift_id: int, counted: CashCount, *, closed_by: str, now: datetime) -> Shift:
        """End the shift with the drawer's count; expected and counted cash are kept with it."""
        if not closed_by.strip():
            raise ValidationError(N_("closing a shift needs the name of who counted"))
        with transaction(self._db) as conn:
            shift = self._open_shift(shift_id)
            closed_at = self._close_moment(shift, now)
            closing = self._read(shift_id, until=closed_at)
            expected = closing.expected_cash
            conn.execute(
                "UPDATE shifts SET closed_at = ?, closed_by = ?, counted = ?, expected_cash = ?, "
                "counted_cash = ?, figures = ? WHERE id = ?",
                [
                    utc_text(closed_at),
                    closed_by,
                    to_json(counted.to_json()),
                    expected,
                    counted.total,
                    to_json(_figures_json(closing)),
                    shift_id,
                ],
            )
            AuditLog(self._db).record(
                closed_by,
                "shift.close",
                {
                    "shift": shift_id,
                    "cashier": shift.cashier,
                    "expected_cash": expected,
                    "counted_cash": counted.total,
                    "difference": counted.total - expected,
                    "closed_at": utc_text(closed_at),
                },
                now=now,
            )
        return self.get(shift_id)

    def _open_moment(self, terminal_id: str, now: datetime) -> datetime:
        """``now``, or the last close on this till if the clock reads earlier
        (:meth:`_close_moment`): the spans of a till's shifts never overlap, so no sale or return
        counts in two of them, and the next shift takes over the drawer the last one left."""
        last = self._db.execute(
            "SELECT max(closed_at) FROM shifts WHERE terminal_id = ?", [terminal_id]
        ).fetchone()[0]
        return now if last is None else max(now, parse_utc(last))

    def _close_moment(self, shift: Shift, now: datetime) -> datetime:
        """``now``, or just after the last sale or return the open shift took if the clock reads
        earlier (it went back, or another thread read it later but wrote first): the drawer holds
        that cash, so the figures kept at the close must count it, and the span the Z report
        reads (:func:`in_a_shift`) must hold it too, or the rupiah would be no shift's."""
        of_shift = [shift.cashier, shift.terminal_id, utc_text(shift.opened_at), None, None]
        kept = [*of_shift, shift.business_date.isoformat()]
        last = self._db.execute(_LAST_OF_SHIFT, of_shift + of_shift + kept + kept).fetchone()[0]
        latest = shift.opened_at if last is None else parse_utc(last) + TICK
        return max(now, latest)

    def current(self, terminal_id: str, cashier: str) -> Shift | None:
        """``cashier``'s open shift on this terminal, if any."""
        row = self._db.execute(
            "SELECT id FROM shifts WHERE terminal_id = ? AND cashier = ? AND closed_at IS NULL",
            [terminal_id, cashier],
        ).fetchone()
        return None if row is None else self.get(row[0])

    def holding_drawer(self, terminal_id: str, cashier: str) -> Shift | None:
        """Another cashier's open shift on this terminal, of any day (the oldest, should there
        be several from before one shift per drawer): ``cashier`` opens none until it closes."""
        row = self._db.execute(
            "SELECT id FROM shifts WHERE terminal_id = ? AND cashier <> ? AND closed_at IS NULL "
            "ORDER BY opened_at, id LIMIT 1",
            [terminal_id, cashier],
        ).fetchone()
        return None if row is None else self.get(row[0])

    def for_day(self, business_date: date, *, until: datetime | None = None) -> list[Shift]:
        """Every shift opened on ``business_date``, on any terminal of this store, in order; an
        open one with its cash sales up to ``until`` (all of them without it)."""
        rows = self._db.execute(
            "SELECT id FROM shifts WHERE business_date = ? ORDER BY id",
            [business_date.isoformat()],
        ).fetchall()
        return [self._read(shift_id, until=until) for (shift_id,) in rows]

    def open_before(self, business_date: date) -> list[Shift]:
        """Shifts of earlier days still open, oldest first: their drawers take today's cash."""
        rows = self._db.execute(
            "SELECT id FROM shifts WHERE business_date < ? AND closed_at IS NULL ORDER BY id",
            [business_date.isoformat()],
        ).fetchall()
        return [self._read(shift_id) for (shift_id,) in rows]

    def get(self, shift_id: int) -> Shift:
        return self._read(shift_id)

    def _open_shift(self, shift_id: int) -> Shift:
        shift = self.get(shift_id)
        if not shift.is_open:
            raise StoreError(N_("the shift of {cashier} is closed already"), cashier=shift.cashier)
        return shift

    def _read(self, shift_id: int, *, until: datetime | None = None) -> Shift:
        """The shift with its cash sales up to its close (or ``until``, for an open one); a
        closed one with the figures it closed with, where it kept them."""
        row = self._db.execute(f"SELECT {_COLUMNS} FROM shifts WHERE id = ?", [shift_id]).fetchone()
        if row is None:
            raise NotFound(N_("shift {shift} does not exist"), shift=shift_id)
        if row[9] is not None:
            figures = _figures_from_json(json.loads(row[9]))
        else:
            end = row[6] if row[6] is not None else (None if until is None else utc_text(until))
            figures = self._figures(
                end, cashier=row[2], terminal_id=row[1], opened_at=row[4], business_date=row[3]
            )
        moves = tuple(
            CashMove(parse_utc(at), amount, reason, actor)
            for at, amount, reason, actor in self._db.execute(
                "SELECT at, amount, reason, actor FROM shift_cash_moves WHERE shift_id = ? "
                "ORDER BY id",
                [shift_id],
            )
        )
        return Shift(
            id=row[0],
            terminal_id=row[1],
            cashier=row[2],
            business_date=date.fromisoformat(row[3]),
            opened_at=parse_utc(row[4]),
            opening_float=row[5],
            moves=moves,
            closed_at=optional_utc(row[6]),
            closed_by=row[7],
            counted=None if row[8] is None else CashCount.from_json(json.loads(row[8])),
            **figures,
        )

    def _figures(
        self, end: str | None, *, cashier: str, terminal_id: str, opened_at: str, business_date: str
    ) -> dict[str, Any]:
        """A shift's sales and returns up to ``end`` (all of them without it), as they stand."""
        of_shift: list[object] = [cashier, terminal_id, opened_at, end, end]
        kept = [*of_shift, business_date]
        count, cash_sales = self._db.execute(_CASH_SALES, of_shift + kept).fetchone()
        return {
            "cash_sales_count": count,
            "cash_sales": cash_sales,
            "cash_returns": self._db.execute(_CASH_RETURNS, of_shift + kept).fetchone()[0],
            "discounts": discounts_and_tax(
                self._db, _OF_SHIFT, of_shift, f"{RETURNED_LINES} AND {_RETURNS_OF_SHIFT}", of_shift
            ),
        }


def after_shift_closed(conn: Connection, cashier: str, terminal_id: str, now: datetime) -> datetime:
    """``now``, or the close of the cashier's shift on the till if that shift ran at ``now``
    but closed before this sale or return was written (or the clock went back): its count and
    the figures it kept leave it out, so in its span the cash would count in no drawer. From
    the close on it is the next shift's, or cash no shift took, which the day's drawer expects
    (and the Z report shows apart)."""
    moment = utc_text(now)
    closed = conn.execute(
        "SELECT max(closed_at) FROM shifts WHERE cashier = ? AND terminal_id = ? "
        "AND opened_at <= ? AND closed_at > ?",
        [cashier, terminal_id, moment, moment],
    ).fetchone()[0]
    return now if closed is None else parse_utc(closed)
