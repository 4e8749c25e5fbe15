"""Kasir CSV files as one Excel workbook: a sheet per file, with real numbers, dates and times.

Each sheet is made from a CSV file Kasir wrote, row for row, so the workbook always has exactly
the CSV's columns and rows; :mod:`pos_app.reports.column_types` says how each cell is read back.
Amounts are numbers (shown with the locale's thousands separator), dates and times are Excel dates
and times in the shop's time zone (Excel has no time zones), text stays text: a text cell is a
string cell, never a formula, so a product named ``=1+1`` is shown as that text, without the
apostrophe the CSV needs. The header row is frozen and filtered, the columns sized to what they
hold. A cell Excel cannot hold (a number that is not one, ``nan``; a time with a time zone) is
refused, naming its sheet, row and column, rather than written as something else.

XlsxWriter writes it, in its constant-memory mode: each row goes to disk as it is written, so
memory stays flat however long the range (openpyxl, which reads workbooks too, builds a whole
sheet in memory unless in a write-only mode that is several times slower). The workbook appears
at its path only when complete (:func:`atomic_bytes`).
"""

import csv
from collections.abc import Callable, Sequence
from datetime import datetime, time
from pathlib import Path
from typing import Any

import xlsxwriter

from pos_app.domain.csv_cells import restore
from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_
from pos_app.reports.column_types import ColumnType, column_types
from pos_app.reports.export_progress import RowCounter
from pos_app.reports.output_files import OutputError, atomic_bytes

MAX_ROWS = 1_048_576
"""Rows of an Excel sheet, the header included."""
WIDEST = 60
"""Characters: a longer cell (a long product name) does not widen its column further."""
_NUMBER_FORMATS = {
    ColumnType.RUPIAH: "#,##0",
    ColumnType.DATE: "yyyy-mm-dd",
    ColumnType.TIME: "hh:mm:ss",
}


def write_workbook(target: Path, sheets: Sequence[tuple[str, Path]], counter: RowCounter) -> None:
    """Write each ``(sheet name, CSV file)`` as a sheet of the workbook ``target``."""
    with atomic_bytes(target) as handle:
        book = xlsxwriter.Workbook(handle, {"constant_memory": True, "strings_to_formulas": False})
        formats = {
            kind: book.add_format({"num_format": form}) for kind, form in _NUMBER_FORMATS.items()
        }
        header = book.add_format({"bold": True})
        for name, source in sheets:
            with source.open(encoding="utf-8", newline="") as rows:
                sheet = book.add_worksheet(name)
                _write_sheet(target, sheet, csv.reader(rows), formats, header, counter)
        book.close()


def _write_sheet(
    target: Path,
    sheet: Any,
    rows: Any,
    formats: dict[ColumnType, Any],
    header_format: Any,
    counter: RowCounter,
) -> None:
    header = next(rows)
    writers = [_cell_writer(sheet, kind, formats) for kind in column_types(header)]
    widths = [len(name) for name in header]
    sheet.write_row(0, 0, header, header_format)
    sheet.freeze_panes(1, 0)
    row_number = 0
    for row_number, row in enumerate(rows, start=1):
        if row_number == MAX_ROWS:
            raise ValidationError(
                N_(
                    "{sheet}: more than {most} rows do not fit in an Excel sheet; export fewer "
                    "days, or a CSV file"
                ),
                sheet=sheet.name,
                most=MAX_ROWS - 1,
            )
        for column, (write, text) in enumerate(zip(writers, row, strict=True)):
            if text:
                try:
                    write(row_number, column, text)
                except ValueError:  # text its column's type does not fit (never written by Kasir)
                    sheet.write_string(row_number, column, text)
                except (TypeError, OverflowError):  # read as its type, but not one Excel holds
                    raise OutputError(
                        N_("cannot write {target}: {why}"),
                        target=target,
                        why=f"{header[column]} {text[:40]!r} in row {row_number + 1} of sheet "
                        f"{sheet.name} is not a value Excel can hold",
                    ) from None
                widths[column] = max(widths[column], len(text))
        counter.count()
    for column, width in enumerate(widths):
        sheet.set_column(column, column, min(width, WIDEST) + 2)
    sheet.autofilter(0, 0, row_number, len(header) - 1)


def _cell_writer(
    sheet: Any, kind: ColumnType, formats: dict[ColumnType, Any]
) -> Callable[[int, int, str], None]:
    """How a column's CSV text becomes its cell, chosen once per column rather than per cell."""
    form = formats.get(kind)
    if kind in (ColumnType.WHOLE, ColumnType.RUPIAH):
        return lambda row, column, text: sheet.write_number(row, column, int(text), form)
    if kind is ColumnType.DECIMAL:
        return lambda row, column, text: sheet.write_number(row, column, float(text))
    if kind is ColumnType.DATE:
        return lambda row, column, text: sheet.write_datetime(
            row, column, datetime.fromisoformat(text), form
        )
    if kind is ColumnType.TIME:
        return lambda row, column, text: sheet.write_datetime(
            row, column, time.fromisoformat(text), form
        )
    return lambda row, column, text: sheet.write_string(row, column, restore(text))
