"""What each column of the accountant's files holds, by its (stable, English) name.

The CSV files are the one source of every row: the workbook and the CSV for Excel in an
Indonesian locale are made from them, cell by cell, and this table says how each cell is read
back (text, a whole number, a decimal, a date, a time of day). A column not listed is text, which
is never wrong, only less handy: name it here when it is added to a file.
"""

import re
from datetime import date, time
from enum import StrEnum


class ColumnType(StrEnum):
    TEXT = "text"
    WHOLE = "whole"
    """A count or a number (a sale id): a whole number, shown without a thousands separator."""
    RUPIAH = "rupiah"
    """Whole rupiah: a number, shown with the locale's thousands separator in a workbook."""
    DECIMAL = "decimal"
    """A number that may have a decimal point in the CSV (a tax rate in percent: ``1.1``)."""
    DATE = "date"
    """``YYYY-MM-DD``, a shop-local date."""
    TIME = "time"
    """``HH:MM:SS``, a shop-local time of day."""


_TYPES = {
    ColumnType.WHOLE: ("sale_id", "line_no", "quantity", "lines", "items"),
    ColumnType.RUPIAH: (
        "unit_price",
        "line_total",
        "total",
        "cash_received",
        "change_due",
        "discount",
        "dpp",
        "ppn",
        "amount",
        "paid_amount",
        "refunded",
        "refund_pending",
    ),
    ColumnType.DECIMAL: ("tax_rate",),
    ColumnType.DATE: ("business_date", "local_date", "created_date"),
    ColumnType.TIME: ("local_time", "created_time"),
}
COLUMN_TYPES: dict[str, ColumnType] = {
    name: kind for kind, names in _TYPES.items() for name in names
}

_WHOLE = re.compile(r"-?[0-9]{1,18}")
_FORMS = {
    ColumnType.WHOLE: _WHOLE,
    ColumnType.RUPIAH: _WHOLE,
    ColumnType.DECIMAL: re.compile(r"-?[0-9]{1,18}(?:\.[0-9]{1,18})?"),
    ColumnType.DATE: re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    ColumnType.TIME: re.compile(r"[0-9]{2}:[0-9]{2}:[0-9]{2}"),
}
"""The text Kasir writes for each type but text: plain notation, 18 digits at most (a 64-bit
integer), no exponent, ``nan`` or ``inf``; dates and times without a time zone or fraction."""


def column_types(names: tuple[str, ...] | list[str]) -> list[ColumnType]:
    """The type of each named column, in order; text for a name not known."""
    return [COLUMN_TYPES.get(name, ColumnType.TEXT) for name in names]


def fits(kind: ColumnType, text: str) -> bool:
    """Whether ``text`` is a cell of ``kind`` as Kasir writes it, so that a file made from it (the
    shop's, from what its tills uploaded) can take it as that type; an empty cell (none) fits
    every column, any text a text column."""
    form = _FORMS.get(kind)
    if not text or form is None:
        return True
    if not form.fullmatch(text):
        return False
    try:  # 2026-02-30 and 24:00:00 have the form, but are no day or time
        if kind is ColumnType.DATE:
            date.fromisoformat(text)
        elif kind is ColumnType.TIME:
            time.fromisoformat(text)
    except ValueError:
        return False
    return True
