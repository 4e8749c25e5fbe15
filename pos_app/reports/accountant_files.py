"""The files for the accountant, in the form asked: one CSV file of a kind (as written by
:mod:`~pos_app.reports.sales_csv` and :mod:`~pos_app.reports.payments_csv`), the same for Excel in
an Indonesian locale, or one workbook with a sheet per kind.

The CSV writers are the one source of rows: the other forms are made from their files, so a column
or a row added to a CSV file is in every form. Those CSV files go to a temporary folder first and
are deleted after; every kind is read from one snapshot of the database, so the sheets of a
workbook agree with each other. The target appears only when complete.
"""

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_
from pos_app.reports.excel_csv import write_excel_id_csv
from pos_app.reports.export_progress import RowCounter
from pos_app.reports.payments_csv import PaymentsSummary, count_payments, export_payments
from pos_app.reports.sales_csv import ExportKind, ExportSummary, count_rows, export_sales
from pos_app.reports.snapshot import read_snapshot
from pos_app.reports.workbook import write_workbook


class FileKind(StrEnum):
    LINES = "lines"
    """One row per sale line (and refund)."""
    SALES = "sales"
    """One row per sale (and refund)."""
    PAYMENTS = "payments"
    """One row per provider payment and payout."""


class FileFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


Part = ExportSummary | PaymentsSummary


@dataclass(frozen=True, slots=True)
class AccountantFile:
    path: Path
    file_format: FileFormat
    excel_id: bool
    parts: tuple[Part, ...]
    """What each kind holds, in the order of the sheets."""

    @property
    def rows(self) -> int:
        return sum(part.rows for part in self.parts)


@dataclass(frozen=True, slots=True)
class FileRequest:
    """What to write: the kinds (one for a CSV file; a workbook has a sheet for each), the form,
    and the business days."""

    kinds: tuple[FileKind, ...]
    first_day: date
    last_day: date | None = None
    file_format: FileFormat = FileFormat.CSV
    excel_id: bool = False
    """A CSV file for Excel in an Indonesian locale (BOM, ``;``, decimal comma)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", tuple(FileKind(kind) for kind in self.kinds))
        object.__setattr__(self, "file_format", FileFormat(self.file_format))
        if not self.kinds or len(set(self.kinds)) != len(self.kinds):
            raise ValidationError(N_("choose the kinds of rows to export, each once"))
        if self.file_format is FileFormat.CSV and len(self.kinds) != 1:
            raise ValidationError(
                N_("a CSV file holds one kind of rows: sale lines, sales or payments")
            )
        if self.file_format is FileFormat.XLSX and self.excel_id:
            raise ValidationError(N_("the Excel workbook needs no CSV option"))

    @property
    def passes(self) -> int:
        """How often each row is handled: once for a plain CSV, twice when converted."""
        return 1 if self.file_format is FileFormat.CSV and not self.excel_id else 2


def count_work(db: Database, request: FileRequest, day: BusinessDay) -> int:
    """The steps :func:`write_files` reports progress in: the rows, times the passes."""
    rows = 0
    for kind in request.kinds:
        if kind is FileKind.PAYMENTS:
            rows += count_payments(db, request.first_day, request.last_day, day)
        else:
            rows += count_rows(db, request.first_day, request.last_day, ExportKind(kind))
    return rows * request.passes


def write_files(
    db: Database,
    path: Path,
    request: FileRequest,
    *,
    day: BusinessDay,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AccountantFile:
    """Write ``request`` to ``path``; ``progress`` gets the steps done (see :func:`count_work`),
    ``cancelled`` returning True stops with ``ExportCancelled`` and leaves no file."""
    target = Path(path)
    with read_snapshot(db):
        if request.passes == 1:
            part = _write_csv(db, request, request.kinds[0], target, day, 0, progress, cancelled)
            return AccountantFile(target, request.file_format, request.excel_id, (part,))
        with tempfile.TemporaryDirectory(prefix="kasir-export-") as folder:
            sources = [(kind.value, Path(folder) / f"{kind.value}.csv") for kind in request.kinds]
            parts: list[Part] = []
            for kind, (_, source) in zip(request.kinds, sources, strict=True):
                done = sum(part.rows for part in parts)
                parts.append(_write_csv(db, request, kind, source, day, done, progress, cancelled))
            counter = RowCounter(progress, cancelled, start=sum(part.rows for part in parts))
            if request.file_format is FileFormat.XLSX:
                write_workbook(target, sources, counter)
            else:
                write_excel_id_csv(sources[0][1], target, counter)
    return AccountantFile(
        target,
        request.file_format,
        request.excel_id,
        tuple(replace(part, path=target) for part in parts),
    )


def _write_csv(
    db: Database,
    request: FileRequest,
    kind: FileKind,
    path: Path,
    day: BusinessDay,
    done: int,
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Part:
    """One kind as a Kasir CSV file for the accountant (the lines with their ``ppn_basis``);
    progress counts on from ``done``."""
    moved = None if progress is None else (lambda rows: progress(done + rows))
    if kind is FileKind.PAYMENTS:
        return export_payments(
            db,
            path,
            first_day=request.first_day,
            last_day=request.last_day,
            day=day,
            progress=moved,
            cancelled=cancelled,
        )
    return export_sales(
        db,
        path,
        first_day=request.first_day,
        last_day=request.last_day,
        kind=ExportKind(kind),
        tz=day.tz,
        progress=moved,
        cancelled=cancelled,
        ppn_basis=True,
    )
