"""The daily sales CSV for the accountant: one row per sale line, or one row per sale.

What is in it (docs/csv.md says the same for the accountant):

- every **completed** sale whose business date is in the range, and
- every **paid refund** of a completed sale (not of a late payment) paid on a business date in the
  range, as a ``refund`` row with a negative amount (but a return's payout, which its return rows
  show), and
- every **reversal** the provider made of such a payout or of a return's, on the business date
  Kasir recorded it, as a ``reversal`` row with a positive amount (the money came back; the
  customer is still owed it, so the sale may be refunded again), and
- every **return** counted on a business date in the range (``store/returns.py``): in the lines
  file a ``return`` row per returned line, its quantity and amount negative; in the sales file one
  ``return`` row per return; each with the return's number (:data:`RETURN_NUMBER`). A return made
  again whose payout was paid after all keeps its money but gives back no items, DPP or PPN
  (``store/counted_returns.py``).

Open and cancelled sales, failed or declined payments and late payments that no sale took are
not takings and are not in either file; the Z report counts them. So for any range the sum of
``line_total`` in the lines file (each line's amount after its discounts, PPN included), the sum
of ``total`` in the sales file and the Z report's net total are the same number; so are the sums
of ``discount``, ``dpp`` and ``ppn`` in both files and the Z report's (refund and reversal rows
leave these four empty; return rows give back their DPP and PPN, negative, as kept with the
return).

Rows are streamed from SQLite one business day at a time, in sale order, so memory stays flat
however long the range, all from one snapshot of the database, so sales completed meanwhile are
either wholly in or wholly out. The file is written through :func:`atomic_text`: a failure or a
cancel leaves no file behind (and an older file of that name untouched).
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from pos_app.domain.business_day import DEFAULT_TIMEZONE
from pos_app.domain.csv_cells import LINE_END, CsvCells
from pos_app.domain.discounts import percent_text
from pos_app.domain.errors import KasirError
from pos_app.domain.tax import ppn_basis
from pos_app.domain.texts import N_
from pos_app.reports.date_range import business_days
from pos_app.reports.output_files import atomic_text
from pos_app.reports.snapshot import read_snapshot
from pos_app.store.counted_returns import COUNTED_ON, MADE_AGAIN, RETURN_JOINS, SETTLED
from pos_app.store.errors import StoreError
from pos_app.store.refunds import (
    NOT_A_RETURN,
    REDUCES_TAKINGS,
    REFUND_JOINS,
    REVERSAL_JOINS,
)

SHARED_COLUMNS = (
    "business_date",
    "record_type",
    "sale_id",
    "receipt_number",
    "invoice_number",
    "local_date",
    "local_time",
    "terminal",
    "cashier",
    "tender",
    "provider",
    "payment_status",
    "provider_reference",
)
TAX_COLUMNS = ("discount", "dpp", "ppn", "tax_rate")
"""Rupiah taken off by discounts, then the PPN's base, the PPN and its rate in percent
(docs/tax.md); the last three empty where no PPN was charged."""
RETURN_NUMBER = "return_number"
"""A return row's own number, as its slip prints it; empty on other rows and on a return made
before returns had numbers. Last, so a sheet reading the columns before it by place still does."""
LINE_COLUMNS = (
    *SHARED_COLUMNS,
    "line_no",
    "sku",
    "name",
    "quantity",
    "unit_price",
    "line_total",
    *TAX_COLUMNS,
    RETURN_NUMBER,
)
SALE_COLUMNS = (
    *SHARED_COLUMNS,
    "lines",
    "items",
    "total",
    "cash_received",
    "change_due",
    *TAX_COLUMNS,
    RETURN_NUMBER,
)
PPN_BASIS = "ppn_basis"
"""In the accountant's lines file, what each line's PPN was figured on (``full``, ``nilai_lain``,
``exempt``: :func:`~pos_app.domain.tax.ppn_basis`), so the DPP nilai lain can be filtered apart.
Derived from the row's own cells, after every other column: a till's day file for the relay
(:data:`LINE_COLUMNS`, whose columns a relay of another version refuses) has none, and the shop's
file made from those adds it the same way (``reports/shop_files.py``)."""

REFUND_TENDER = "payout"
REFUND_NAME = "Refund"
REVERSAL_NAME = "Refund reversed"
PROGRESS_EVERY = 2000
"""Rows between two progress reports (and cancel checks)."""
TEXT_CACHE = 100_000
"""Encoded repeating cells (products, cashiers) kept while exporting: a catalogue's worth, bounded
however long the range."""


class ExportKind(StrEnum):
    LINES = "lines"
    SALES = "sales"


class ExportCancelled(KasirError):
    """The export was cancelled; no file was written."""


@dataclass(frozen=True, slots=True)
class ExportSummary:
    path: Path
    kind: ExportKind
    rows: int
    """Data rows, the header not counted."""
    sales: int
    refunds: int
    total: int
    """Net rupiah: the sum of ``line_total`` (lines) or ``total`` (sales)."""
    returns: int = 0
    reversals: int = 0


def columns(kind: ExportKind, *, ppn_basis: bool = False) -> tuple[str, ...]:
    """The header of ``kind``: as a till uploads it, or with :data:`PPN_BASIS` (lines only)."""
    if ExportKind(kind) is not ExportKind.LINES:
        return SALE_COLUMNS
    return (*LINE_COLUMNS, PPN_BASIS) if ppn_basis else LINE_COLUMNS


def export_sales(
    db: Database,
    path: Path,
    *,
    first_day: date,
    last_day: date | None = None,
    kind: ExportKind = ExportKind.LINES,
    tz: ZoneInfo | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    ppn_basis: bool = False,
) -> ExportSummary:
    """Write the sales of business days ``first_day`` to ``last_day`` (inclusive) to ``path``.

    ``tz`` is the shop's time zone for ``local_date``/``local_time``. ``progress`` gets the number
    of rows written so far; ``cancelled`` returning True stops with :class:`ExportCancelled`. Both
    are called on the exporting thread. ``ppn_basis`` adds :data:`PPN_BASIS` to a lines file, as
    the accountant gets it; without it the file is the till's day file for the relay.
    """
    kind = ExportKind(kind)
    days = business_days(first_day, last_day)
    with read_snapshot(db), atomic_text(path) as handle:
        out = _Writer(handle, tz or ZoneInfo(DEFAULT_TIMEZONE), progress, cancelled, ppn_basis)
        out.header(columns(kind, ppn_basis=ppn_basis))
        for day in days:
            key = [day.isoformat()]
            if kind is ExportKind.LINES:
                out.sale_lines(db.execute(_SHARED_OF_DAY, key), db.execute(_LINES_OF_DAY, key))
            else:
                out.sales(db.execute(_SALES_OF_DAY, key))
            out.refunds(db.execute(_REFUNDS_OF_DAY, key), kind)
            out.reversals(db.execute(_REVERSALS_OF_DAY, key), kind)
            if kind is ExportKind.LINES:
                out.return_lines(db.execute(_RETURN_LINES_OF_DAY, key))
            else:
                out.returns(db.execute(_RETURNS_OF_DAY, key))
        out.finish()
    return ExportSummary(
        Path(path),
        kind,
        out.rows,
        out.sale_count,
        out.refund_count,
        out.total,
        out.return_count,
        out.reversal_count,
    )


def count_rows(
    db: Database, first_day: date, last_day: date | None = None, kind: ExportKind = ExportKind.LINES
) -> int:
    """How many data rows :func:`export_sales` will write: the maximum of a progress bar."""
    days = business_days(first_day, last_day)
    bounds = [days[0].isoformat(), days[-1].isoformat()]
    lines = ExportKind(kind) is ExportKind.LINES
    per_sale = "JOIN sale_lines l ON l.sale_id = s.id" if lines else ""
    per_return = "JOIN return_lines rl ON rl.return_id = t.id" if lines else ""
    counted = db.execute(
        f"SELECT (SELECT count(*) FROM sales s {per_sale} "
        "WHERE s.business_date BETWEEN ?1 AND ?2 AND s.status = 'completed') + "
        f"(SELECT count(*) FROM {_COUNTED_REFUNDS} AND r.business_date BETWEEN ?1 AND ?2) + "
        f"(SELECT count(*) FROM {REVERSAL_JOINS} WHERE {REDUCES_TAKINGS} "
        "AND b.business_date BETWEEN ?1 AND ?2) + "
        f"(SELECT count(*) FROM {RETURN_JOINS} {per_return} "
        f"WHERE {SETTLED} AND {COUNTED_ON} BETWEEN ?1 AND ?2)",
        bounds,
    ).fetchone()[0]
    return int(counted)


_COUNTED_REFUNDS = (
    f"{REFUND_JOINS} WHERE r.status = 'paid' AND {REDUCES_TAKINGS} AND {NOT_A_RETURN}"
)
"""Refunds that count against takings: paid, of money that was counted, for no return."""

_SALE_FIELDS = (
    "s.id, s.business_date, s.receipt_number, s.invoice_number, s.completed_at, s.terminal_id, "
    "s.cashier, s.tender, s.provider, CASE WHEN s.tender = 'cash' THEN 'paid' ELSE a.state END, "
    "s.payment_reference"
)
_SALE_FROM = (
    "FROM sales s LEFT JOIN payment_attempts a ON a.invoice_number = s.invoice_number "
    "WHERE s.business_date = ? AND s.status = 'completed' ORDER BY s.id"
)
_OF_SALE = "FROM sale_lines l WHERE l.sale_id = s.id"
_SALES_OF_DAY = (
    f"SELECT {_SALE_FIELDS}, "
    f"(SELECT count(*) {_OF_SALE}), "
    f"CAST((SELECT sum(quantity) {_OF_SALE}) AS INTEGER), "
    "CAST(s.total AS INTEGER), CAST(s.cash_received AS INTEGER), "
    "CAST(s.change_due AS INTEGER), "
    f"CAST((SELECT sum(discount) {_OF_SALE}) AS INTEGER), "
    f"CAST((SELECT sum(dpp) {_OF_SALE}) AS INTEGER), "
    f"CAST((SELECT sum(ppn) {_OF_SALE} AND l.tax_rate IS NOT NULL) AS INTEGER), "
    f"(SELECT CASE WHEN count(DISTINCT tax_rate) = 1 THEN CAST(min(tax_rate) AS INTEGER) END "
    f"{_OF_SALE}) {_SALE_FROM}"
)
_SHARED_OF_DAY = f"SELECT {_SALE_FIELDS} {_SALE_FROM}"
_LINES_OF_DAY = (
    "SELECT l.sale_id, CAST(l.line_no AS INTEGER), l.sku, l.name, CAST(l.quantity AS INTEGER), "
    "CAST(l.unit_price AS INTEGER), CAST(l.amount AS INTEGER), CAST(l.discount AS INTEGER), "
    "CAST(l.dpp AS INTEGER), CASE WHEN l.tax_rate IS NOT NULL THEN CAST(l.ppn AS INTEGER) END, "
    "CAST(l.tax_rate AS INTEGER) "
    "FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
    "WHERE s.business_date = ? AND s.status = 'completed' ORDER BY s.id, l.line_no"
)
"""Only each line's own columns: the sale's come once per sale from ``_SHARED_OF_DAY``, in the
same order, so a million lines do not fetch their sale's text a million times."""
_REFUNDS_OF_DAY = (
    "SELECT r.sale_id, r.business_date, s.receipt_number, r.payout_id, r.completed_at, "
    "s.terminal_id, "
    f"r.approved_by, '{REFUND_TENDER}', r.provider, r.status, r.reference, "
    "CAST(r.amount AS INTEGER) "
    f"FROM {_COUNTED_REFUNDS} AND r.business_date = ? ORDER BY r.id"
)
_REVERSALS_OF_DAY = (
    "SELECT r.sale_id, b.business_date, s.receipt_number, r.payout_id, b.recorded_at, "
    "s.terminal_id, "
    f"r.approved_by, '{REFUND_TENDER}', r.provider, 'reversed', r.reference, "
    "CAST(b.amount AS INTEGER) "
    f"FROM {REVERSAL_JOINS} WHERE {REDUCES_TAKINGS} AND b.business_date = ? ORDER BY b.id"
)
"""What reversals brought back of payouts that reduced takings (refunds and returns)."""
_RETURN_FIELDS = (
    f"t.sale_id, {COUNTED_ON}, s.receipt_number, t.payout_id, "
    "coalesce(p.completed_at, t.created_at), t.terminal_id, t.cashier, "
    f"CASE t.method WHEN 'wallet' THEN '{REFUND_TENDER}' ELSE t.method END, "
    "CASE t.method WHEN 'wallet' THEN p.provider WHEN 'outside' THEN s.provider END, "
    "coalesce(p.status, 'paid'), p.reference"
)
"""A return's shared columns: the returned sale's receipt number, the payout id as its invoice,
``cash``, ``payout`` or ``outside`` as its tender."""
_RETURNS_OF = f"FROM {RETURN_JOINS} JOIN sales s ON s.id = t.sale_id"
_RETURNS_ON_DAY = f"WHERE {SETTLED} AND {COUNTED_ON} = ?"


def _goods_given_back(*values: str, money_only: str = "0 * ({})") -> str:
    """SQL: a return's items, DPP, PPN or rate ``values`` as its rows give them back; from a return
    :data:`~pos_app.store.counted_returns.MADE_AGAIN`, whose rows keep only its money (the return
    that made it again gave the goods back), ``money_only`` of each: no items, DPP or PPN (empty
    stays empty), and no rate, as the Z report counts them: money paid twice for goods that came
    back once is no sale at a rate, like a refund, so no ``ppn_basis`` row holds it."""
    return ", ".join(
        f"CASE WHEN {MADE_AGAIN} THEN {money_only.format(value)} ELSE {value} END"
        for value in values
    )


_RETURN_LINES_OF_DAY = (
    f"SELECT {_RETURN_FIELDS}, CAST(rl.line_no AS INTEGER), l.sku, l.name, "
    f"{_goods_given_back('CAST(rl.quantity AS INTEGER)')}, CAST(l.unit_price AS INTEGER), "
    "CAST(rl.amount AS INTEGER), "
    + _goods_given_back(
        "CAST(rl.dpp AS INTEGER)",
        "CASE WHEN rl.tax_rate IS NOT NULL THEN CAST(rl.ppn AS INTEGER) END",
    )
    + f", {_goods_given_back('CAST(rl.tax_rate AS INTEGER)', money_only='NULL')}, "
    "t.return_number "
    f"{_RETURNS_OF} JOIN return_lines rl ON rl.return_id = t.id "
    f"JOIN sale_lines l ON l.sale_id = t.sale_id AND l.line_no = rl.line_no {_RETURNS_ON_DAY} "
    "ORDER BY t.id, rl.line_no"
)
_OF_RETURN = "FROM return_lines rl WHERE rl.return_id = t.id"
_RETURNS_OF_DAY = (
    f"SELECT {_RETURN_FIELDS}, "
    f"(SELECT count(*) {_OF_RETURN}), "
    f"{_goods_given_back(f'CAST((SELECT sum(quantity) {_OF_RETURN}) AS INTEGER)')}, "
    "CAST(t.amount AS INTEGER), "
    + _goods_given_back(
        f"CAST((SELECT sum(dpp) {_OF_RETURN}) AS INTEGER)",
        f"CAST((SELECT sum(ppn) {_OF_RETURN} AND rl.tax_rate IS NOT NULL) AS INTEGER)",
    )
    + ", "
    + _goods_given_back(
        "(SELECT CASE WHEN count(DISTINCT tax_rate) = 1 THEN CAST(min(tax_rate) AS INTEGER) END "
        f"{_OF_RETURN})",
        money_only="NULL",
    )
    + f", t.return_number {_RETURNS_OF} {_RETURNS_ON_DAY} ORDER BY t.id"
)

Row = Sequence[Any]


class ReturnCounter:
    """The returns of a lines file, counted from its rows alone, so a till's own export and the
    shop's file of its rows say the same. A return's lines are written one after another, in
    rising line order: a return's row begins another return unless the row before it is a line of
    the same return (the same shared columns: sale, receipt, payout, local moment to the second,
    cashier..., and return number) with a lower line number. So two returns of a sale within one
    clock second are two when their return numbers differ, or the second brings back a line the
    first did, or an earlier one; when its lines all come after the first's and neither has a
    number (made before returns had them), the lines file cannot tell them from one (the sales
    file, a row per return, can)."""

    def __init__(self) -> None:
        self.count = 0
        self._last: tuple[object, int | None] | None = None

    def line(self, shared: object, line_no: int | None) -> None:
        """A return's row; ``line_no`` ``None`` if the cell holds no number (a return apart)."""
        previous, previous_no = self._last or (None, None)
        if previous != shared or previous_no is None or line_no is None or previous_no >= line_no:
            self.count += 1
        self._last = (shared, line_no)

    def other_row(self) -> None:
        """A row of no return: the next return's row begins a return."""
        self._last = None


class _Writer:
    """Writes rows as text, in batches, and keeps the tally; calls ``progress`` and ``cancelled``
    every so many rows.

    Rows are put together as strings rather than passed to ``csv.writer`` cell by cell: for a
    million lines that is most of the time. Text cells go through :class:`CsvCells`
    (neutralised, quoted like the csv module); every number is ``CAST(... AS INTEGER)`` in the
    query, so a number column never holds text a spreadsheet could run.
    """

    def __init__(
        self,
        handle: TextIO,
        tz: ZoneInfo,
        progress: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
        ppn_basis: bool = False,
    ) -> None:
        self._handle = handle
        self._tz = tz
        self._progress = progress
        self._cancelled = cancelled
        self._ppn_basis = ppn_basis
        self._cells = CsvCells(TEXT_CACHE)
        self._parts: list[str] = []
        self.rows = self.sale_count = self.refund_count = self.return_count = self.total = 0
        self.reversal_count = 0

    def header(self, names: Sequence[str]) -> None:
        self._handle.write(self._cells.many(*names) + LINE_END)

    def sale_lines(self, sales: Iterable[Row], lines: Iterable[Row]) -> None:
        """The hot loop of a long export: a sale's columns encoded once for all its lines, a
        product's once a day, counters kept in locals."""
        sales = iter(sales)
        append = self._parts.append
        products: dict[tuple[str, str], str] = {}
        rows, total = self.rows, self.total
        current = None
        shared = ""
        basis = self._basis
        for sale_id, line_no, sku, name, quantity, unit_price, line_total, *taxes in lines:
            discount, dpp, ppn, rate = taxes
            if sale_id != current:
                sale = next(sales)
                while sale[0] != sale_id:  # a sale without lines has no rows here
                    sale = next(sales)
                shared = self._shared(sale, "sale")
                current = sale_id
                self.sale_count += 1
            product = products.get((sku, name))
            if product is None:
                product = products[sku, name] = self._cells.many(sku, name)
            append(
                f"{shared}{line_no},{product},{quantity},{unit_price},{line_total},"
                f"{_taxes(discount, dpp, ppn, rate)},{basis(line_total, dpp, ppn, rate)}{LINE_END}"
            )
            total += line_total
            rows += 1
            if not rows % PROGRESS_EVERY:
                self.rows, self.total = rows, total
                self._flush()
        self.rows, self.total = rows, total

    def sales(self, sales: Iterable[Row]) -> None:
        for sale in sales:
            lines, items, total, received, change = sale[11:16]
            self._row(
                f"{self._shared(sale, 'sale')}{lines},{items},{total},"
                f"{_number(received)},{_number(change)},{_taxes(*sale[16:])},{LINE_END}",
                total,
            )
            self.sale_count += 1

    def refunds(self, refunds: Iterable[Row], kind: ExportKind) -> None:
        for refund in refunds:
            self._money_row(refund, "refund", REFUND_NAME, -refund[11], kind)
            self.refund_count += 1

    def reversals(self, reversals: Iterable[Row], kind: ExportKind) -> None:
        for reversal in reversals:
            self._money_row(reversal, "reversal", REVERSAL_NAME, reversal[11], kind)
            self.reversal_count += 1

    def _money_row(
        self, row: Row, record_type: str, name: str, amount: int, kind: ExportKind
    ) -> None:
        """A row of money and no items: a refund paid out, or a reversal bringing it back."""
        shared = self._shared(row, record_type)
        if kind is ExportKind.LINES:
            tail = f",{self._cells.many('', name)},1,{amount},{amount},,,,,{self._basis(amount)}"
        else:
            tail = f",,{amount},,,,,,,"
        self._row(f"{shared}{tail}{LINE_END}", amount)

    def return_lines(self, lines: Iterable[Row]) -> None:
        """A row per returned line: the items and the money going back, negative."""
        returns = ReturnCounter()
        for line in lines:
            line_no, sku, name, quantity, unit_price, amount = line[11:17]
            dpp, ppn, rate, number = line[17:]
            shared = self._shared(line, "return")
            self._row(
                f"{shared}{line_no},{self._cells.many(sku, name)},{-quantity},{unit_price},"
                f"{-amount},{_given_back(dpp, ppn, rate)},{self._cells.one(number or '')}"
                f"{self._basis(amount, dpp, ppn, rate)}{LINE_END}",
                -amount,
            )
            returns.line((shared, number or ""), line_no)
        self.return_count += returns.count

    def returns(self, returns: Iterable[Row]) -> None:
        for entry in returns:
            lines, items, amount = entry[11:14]
            dpp, ppn, rate, number = entry[14:]
            self._row(
                f"{self._shared(entry, 'return')}{lines},{-items},{-amount},,,"
                f"{_given_back(dpp, ppn, rate)},{self._cells.one(number or '')}{LINE_END}",
                -amount,
            )
            self.return_count += 1

    def finish(self) -> None:
        self._flush()

    def _basis(
        self, amount: int, dpp: int | None = None, ppn: int | None = None, rate: int | None = None
    ) -> str:
        """A lines row's :data:`PPN_BASIS` cell and the comma before it; nothing without it."""
        if not self._ppn_basis:
            return ""
        return f",{ppn_basis_cell(rate, amount, dpp, ppn)}"

    def _shared(self, row: Row, record_type: str) -> str:
        """The shared columns, from the first eleven fields of a sale or refund row, and a comma."""
        sale_id, business_date, receipt, invoice, done_at, terminal, cashier, tender = row[:8]
        provider, status, reference = row[8:11]
        try:
            moment = datetime.fromisoformat(done_at).astimezone(self._tz).replace(tzinfo=None)
        except (TypeError, ValueError):
            raise StoreError(
                f"{record_type} of sale {sale_id}: completion time {done_at!r} is not a time"
            ) from None
        local = moment.isoformat(",", "seconds")  # local_date,local_time
        cells = self._cells
        return (
            f"{cells.many(business_date, record_type)},{sale_id},"
            f"{cells.many(receipt or '', invoice or '')},"
            f"{local},{cells.many(terminal, cashier, tender or '', provider or '', status or '')},"
            f"{cells.one(reference or '')},"
        )

    def _row(self, text: str, amount: int) -> None:
        self._parts.append(text)
        self.total += amount
        self.rows += 1
        if not self.rows % PROGRESS_EVERY:
            self._flush()

    def _flush(self) -> None:
        """Write the batch, then report progress and look for a cancel."""
        self._handle.write("".join(self._parts))
        self._parts.clear()
        self._check_cancelled()
        if self._progress is not None:
            self._progress(self.rows)

    def _check_cancelled(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled(N_("export cancelled; no file was written"))


def ppn_basis_cell(rate: int | None, amount: int, dpp: int | None, ppn: int | None) -> str:
    """The :data:`PPN_BASIS` cell of a row with these figures (a return's as written, negative):
    the same whichever side writes the file."""
    basis = ppn_basis(rate, amount, dpp, ppn)
    return "" if basis is None else basis.value


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _taxes(discount: int | str, dpp: int | None, ppn: int | None, rate: int | None) -> str:
    """The discount, DPP, PPN and rate cells (the rate in percent: ``12``, ``1.1``)."""
    shown_rate = "" if rate is None else percent_text(rate)
    return f"{discount},{_number(dpp)},{_number(ppn)},{shown_rate}"


def _given_back(dpp: int | None, ppn: int | None, rate: int | None) -> str:
    """A return's discount (empty), DPP, PPN and rate cells: the tax it gives back, negative."""
    return _taxes("", None if dpp is None else -dpp, None if ppn is None else -ppn, rate)
