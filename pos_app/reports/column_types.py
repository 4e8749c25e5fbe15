"""What each column of the accountant's files holds, by its (stable, English) name.

The CSV files are the one source of every row: the workbook and the CSV for Excel in an
Indonesian locale are made from them, cell by cell, and this table says how each cell is read
back (text, a whole number, a decimal, a date, a time of day). A column not listed is text, which
is never wrong, only less handy: name it here when it is added to a file.
"""

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


def column_types(names: tuple[str, ...] | list[str]) -> list[ColumnType]:
    """The type of each named column, in order; text for a name not known."""
    return [COLUMN_TYPES.get(name, ColumnType.TEXT) for name in names]
