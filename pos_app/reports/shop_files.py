"""One business day's accountant file for a whole shop, from the files its tills uploaded.

Each till uploads its own CSV files of the day (as :mod:`~pos_app.reports.accountant_files` writes
them); the shop's file is those files one after another, in till id order, under one header. So
the shop's totals are the sum of the tills' to the rupiah by construction, and the CSV, the CSV
for Excel in an Indonesian locale and the workbook are made exactly as a till's own are.

A header that differs between tills (a till on another Kasir version) is refused rather than
guessed at, but for a day some tills uploaded before an upgrade added columns: the file then has
this version's columns, those their rows lack empty (:func:`_shop_columns`). The payments file
of a till has no ``terminal`` column (a till's payments are all its own); the shop's file
appends one, so every row says which till it came from. A till uploads its lines without the
``ppn_basis`` column of its own lines file for the accountant (which would change the columns a
relay of another version refuses); the shop's file derives it from each row's own figures, as
the till's file does, so the two say the same.

Every cell is written neutralised against formulas (:mod:`pos_app.domain.csv_cells`) unless it
is what its column's type says (a refund's ``-2000`` stays a number), so the shop's file is safe
to open whatever a till sent. A till's own file is neutralised already, and neutralising it again
changes nothing.
"""

import csv
import hashlib
import io
import json
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pos_app.domain.csv_cells import LINE_END, neutralise, restore
from pos_app.domain.digits import whole_number
from pos_app.domain.errors import ValidationError
from pos_app.domain.tax import percent_points
from pos_app.domain.texts import N_
from pos_app.reports.accountant_files import (
    AccountantFile,
    FileFormat,
    FileKind,
    FileRequest,
    Part,
)
from pos_app.reports.column_types import ColumnType, column_types, fits
from pos_app.reports.excel_csv import write_excel_id_csv
from pos_app.reports.export_progress import RowCounter
from pos_app.reports.output_files import atomic_text
from pos_app.reports.payments_csv import (
    PAYMENT,
    PAYMENT_COLUMNS,
    PAYOUT_REVERSAL,
    PROVIDER_REFUND,
    PaymentsSummary,
)
from pos_app.reports.sales_csv import (
    LINE_COLUMNS,
    PPN_BASIS,
    RETURN_NUMBER,
    SALE_COLUMNS,
    SHARED_COLUMNS,
    ExportKind,
    ExportSummary,
    ReturnCounter,
    ppn_basis_cell,
)
from pos_app.reports.workbook import write_workbook
from pos_app.store.payment_records import received_rupiah

TERMINAL = "terminal"
"""The column that names the till a row came from."""
TILL_COLUMNS: Mapping[FileKind, tuple[str, ...]] = {
    FileKind.LINES: LINE_COLUMNS,
    FileKind.SALES: SALE_COLUMNS,
    FileKind.PAYMENTS: PAYMENT_COLUMNS,
}
"""The header of each kind of a till's file, as this Kasir version writes it for the relay (the
accountant's lines file adds ``ppn_basis``, which the shop's file adds the same way)."""


@dataclass(frozen=True, slots=True)
class TillDayFiles:
    """One till's files of one business day: the CSV text of each kind."""

    till_id: str
    files: Mapping[FileKind, str]


def missing_tills(
    uploaded: Sequence[tuple[str, str]], known: Iterable[tuple[str | None, str]]
) -> tuple[str, ...]:
    """Of the shop's ``known`` tills (till id or ``None`` while the relay does not know it, and
    terminal name), those not among the ``uploaded`` ones (till id, name) of a day, by till id
    or name, sorted: a terminal whose id changed since it uploaded the day holds it under its
    former id, and its name says it is the same till."""
    ids = {till_id for till_id, _ in uploaded}
    names = {name for _, name in uploaded}
    return tuple(
        sorted(
            {till_id or name for till_id, name in known if till_id not in ids and name not in names}
        )
    )


def day_content_hash(day_closed: bool, shifts: int, files: Mapping[FileKind, str]) -> str:
    """What tells one upload of a till's day from another, whatever its revision: the till
    keeps it of each upload whose answer it lost, and the relay of the copy it holds."""
    content = {
        "day_closed": day_closed,
        "shifts": shifts,
        "files": {kind.value: text for kind, text in sorted(files.items())},
    }
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def read_rows(text: str) -> tuple[list[str], list[list[str]]]:
    """The header and the data rows of a Kasir CSV text; an empty text has neither."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return (rows[0], rows[1:]) if rows else ([], [])


def shop_header(header: Sequence[str]) -> list[str]:
    """A till's header as the shop's file has it: with a ``terminal`` column."""
    return list(header) if TERMINAL in header else [*header, TERMINAL]


def write_shop_file(
    tills: Sequence[TillDayFiles],
    path: Path,
    kinds: Sequence[FileKind],
    file_format: FileFormat = FileFormat.CSV,
    excel_id: bool = False,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AccountantFile:
    """Write the tills' files of ``kinds`` as one shop file at ``path`` (a CSV file holds one
    kind, a workbook a sheet per kind); ``progress`` and ``cancelled`` as for
    :func:`~pos_app.reports.accountant_files.write_files`. The file appears only when complete."""
    # the request's own checks of kinds and form; its day is not used
    request = FileRequest(tuple(kinds), date.min, file_format=file_format, excel_id=excel_id)
    ordered = sorted(tills, key=lambda till: till.till_id)
    target = Path(path)
    counter = RowCounter(progress, cancelled)
    if request.passes == 1:
        kind = request.kinds[0]
        with atomic_text(target) as handle:
            part = _write_kind(ordered, kind, handle, target, counter)
        return AccountantFile(target, request.file_format, request.excel_id, (part,))
    with tempfile.TemporaryDirectory(prefix="kasir-shop-export-") as folder:
        sources = [(kind.value, Path(folder) / f"{kind.value}.csv") for kind in request.kinds]
        parts: list[Part] = []
        for kind, (_, source) in zip(request.kinds, sources, strict=True):
            with source.open("w", encoding="utf-8", newline="") as handle:
                parts.append(_write_kind(ordered, kind, handle, target, counter))
        if request.file_format is FileFormat.XLSX:
            write_workbook(target, sources, counter)
        else:
            write_excel_id_csv(sources[0][1], target, counter)
    return AccountantFile(target, request.file_format, request.excel_id, tuple(parts))


def _write_kind(
    tills: Sequence[TillDayFiles],
    kind: FileKind,
    handle: io.TextIOBase,
    target: Path,
    counter: RowCounter,
) -> Part:
    """Write every till's rows of ``kind`` under one header; what they hold, summed."""
    out = csv.writer(handle, lineterminator=LINE_END)
    texts: list[tuple[str, str]] = []
    for till in tills:
        text = till.files.get(kind)
        if text is None:
            raise ValidationError(
                N_("till {till} uploaded no {kind} file"), till=till.till_id, kind=kind.value
            )
        texts.append((till.till_id, text))
    header = _shop_columns(kind, texts)
    derived = kind is FileKind.LINES and PPN_BASIS not in header
    out.writerow(shop_header([*header, PPN_BASIS] if derived else header))
    appended = TERMINAL not in header
    types = column_types(header)
    tally = _Tally(kind)
    for till_id, text in texts:
        own, rows = read_rows(text)
        for row in rows:
            if len(row) != len(own):
                raise ValidationError(
                    N_("the {kind} file of till {till} has a row of {cells} cells, not {columns}"),
                    kind=kind.value,
                    till=till_id,
                    cells=len(row),
                    columns=len(own),
                )
            if own != header:
                found = dict(zip(own, row, strict=True))
                row = [found.get(name, "") for name in header]
            tally.add(header, row, till_id)
            cells = [_safe(type_, text) for type_, text in zip(types, row, strict=True)]
            if derived:
                cells.append(_ppn_basis(dict(zip(header, row, strict=True))))
            out.writerow([*cells, till_id] if appended else cells)
            counter.count()
    return tally.part(target)


def _shop_columns(kind: FileKind, texts: Sequence[tuple[str, str]]) -> list[str]:
    """The columns of the shop's file of ``kind`` from the tills' files (till id, text): theirs
    if they agree, else this version's if each till's are those of an earlier version (this
    version's in order, less some added since: a day some tills uploaded before the upgrade),
    and none of these if no till uploaded the day. Any other difference is refused."""
    current = list(TILL_COLUMNS[kind])
    headers = [
        (till_id, next(csv.reader(io.StringIO(text, newline="")), [])) for till_id, text in texts
    ]
    if not headers:
        return current
    if all(own == headers[0][1] for _, own in headers):
        return headers[0][1]
    for till_id, own in headers:
        if [name for name in current if name in own] != own:
            raise ValidationError(
                N_(
                    "the {kind} file of till {till} has other columns than the other tills' "
                    "(a till on another Kasir version?); update the tills to the same version"
                ),
                kind=kind.value,
                till=till_id,
            )
    return current


_MOMENT = ("sale_id", "receipt_number", "local_date", "local_time")
"""What tells a sale's rows from another's in a till's file."""
_LINE_NO_DIGITS = 9
"""The most digits of a return row's ``line_no`` read as a number; more is no line of a sale."""


class _Tally:
    """What a kind's rows hold (rows, sales, refunds, returns, rupiah), counted as the till's
    own export counts them, so a shop's summary is the sum of its tills'."""

    def __init__(self, kind: FileKind) -> None:
        self.kind = kind
        self.rows = 0
        self.total = 0
        self.refunds = 0
        self.sales: set[tuple[str, ...]] = set()
        """Sales, a row per line in a lines file: told apart by till, sale, receipt and moment
        (a till restored from a backup draws again the sale ids of the sales it lost)."""
        self.returns = ReturnCounter()
        """Returns in a lines file, a row per returned line: told apart as the till's own export
        tells them."""
        self.return_rows = 0
        """Returns in a sales file, a row each."""
        self.payments = self.payouts = self.provider_refunds = self.received = self.paid_out = 0
        self.payout_reversals = self.reversals = 0

    def add(self, header: Sequence[str], row: Sequence[str], till_id: str) -> None:
        cell = dict(zip(header, row, strict=True))
        record = cell.get("record_type", "")
        self.rows += 1
        if self.kind is FileKind.PAYMENTS:
            paid = _rupiah(cell, "paid_amount")
            if record == PAYMENT:
                self.payments += 1
                self.received += received_rupiah(paid, cell.get("currency"))
                return
            if record == PROVIDER_REFUND:
                self.provider_refunds += 1
            elif record == PAYOUT_REVERSAL:
                self.payout_reversals += 1
            else:
                self.payouts += 1
            self.paid_out -= paid
            return
        self.total += _rupiah(cell, "line_total" if self.kind is FileKind.LINES else "total")
        if record == "return" and self.kind is FileKind.LINES:
            shared = (
                till_id,
                *(cell.get(name, "") for name in SHARED_COLUMNS),
                cell.get(RETURN_NUMBER, ""),
            )
            self.returns.line(shared, whole_number(cell.get("line_no", ""), _LINE_NO_DIGITS))
            return
        self.returns.other_row()
        if record == "sale":
            self.sales.add((till_id, *(cell.get(name, "") for name in _MOMENT)))
        elif record == "refund":
            self.refunds += 1
        elif record == "reversal":
            self.reversals += 1
        elif record == "return":
            self.return_rows += 1

    def part(self, path: Path) -> Part:
        if self.kind is FileKind.PAYMENTS:
            return PaymentsSummary(
                path,
                self.rows,
                self.payments,
                self.payouts,
                self.received,
                self.paid_out,
                self.provider_refunds,
                self.payout_reversals,
            )
        return ExportSummary(
            path,
            ExportKind(self.kind),
            self.rows,
            len(self.sales),
            self.refunds,
            self.total,
            self.return_rows if self.kind is FileKind.SALES else self.returns.count,
            self.reversals,
        )


def _safe(type_: ColumnType, text: str) -> str:
    """``text`` as the shop's file writes it: a number, date or time as it is, anything else
    neutralised once, as a till's own file has it (a till's text comes neutralised already)."""
    if type_ is not ColumnType.TEXT and fits(type_, text):
        return text
    return neutralise(restore(text))


def _ppn_basis(cell: Mapping[str, str]) -> str:
    """A lines row's ``ppn_basis``, from its cells as the till's own file has it from the same
    figures (:func:`~pos_app.reports.sales_csv.ppn_basis_cell`)."""
    text = cell.get("tax_rate", "")
    try:
        rate = percent_points(text) if text else None
    except ValueError:
        raise ValidationError(
            N_("{column} holds {text!r}, not a rate in percent"), column="tax_rate", text=text
        ) from None
    money = (_rupiah(cell, column) for column in ("line_total", "dpp", "ppn"))
    return ppn_basis_cell(rate, *money)


def _rupiah(cell: Mapping[str, str], column: str) -> int:
    """The whole rupiah in ``column`` (empty is none); other text is refused, never guessed."""
    text = cell.get(column) or "0"
    try:
        return int(text)
    except ValueError:
        raise ValidationError(
            N_("{column} holds {text!r}, not whole rupiah"), column=column, text=text
        ) from None
