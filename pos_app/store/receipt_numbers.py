"""Receipt numbers: ``T1-20261204-0007``, the terminal, the sale's business day, and its place
among the sales that terminal completed that day.

A cashier reads it aloud as "T1, the fourth of December, number seven"; the terminal's id
(unique among a shop's tills, as the relay requires) keeps two tills' numbers apart, and the day
restarts the count, so the number stays short. It is drawn in the transaction that completes the
sale, after the day's last one, so the numbers of a terminal's day have no gaps (a cancelled sale
never takes one). A day with more than 9999 sales goes on with five digits. A database restored
from an older backup goes on after the last number the relay had of the day (:func:`raise_floor`),
rather than give a second sale a number the shop's files already hold; and a QR sale whose
payment the relay hands it again takes the number the relay's files give that payment's sale
(:func:`keep_held_numbers`), the one on the customer's receipt, rather than a new one.

A return's slip is numbered the same way in a series of its own, ``T1-20261204-R0002``
(:data:`RETURNS`): the ``R`` tells it from a sale's receipt at a glance, and keeps it from being
scanned as one; its own count keeps the sales' numbers without gaps.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from sqlite3 import Connection

from pos_app.store.database import write_meta

SEQUENCE_DIGITS = 4
_SHAPE = re.compile(r"^[A-Za-z0-9-]{1,16}-\d{8}-\d{4,}$")


@dataclass(frozen=True, slots=True)
class Series:
    """What a till numbers per day, each counted on its own: where the numbers are kept, the mark
    before the sequence, and the ``meta`` key of the floor a restored database goes on after."""

    table: str
    column: str
    mark: str
    floor: str


SALES = Series("sales", "receipt_number", "", "receipt_floor")
RETURNS = Series("returns", "return_number", "R", "return_floor")


def looks_like_receipt_number(text: str) -> bool:
    """Whether ``text`` (typed or scanned) has the shape of a receipt number, ``T1-20261204-0007``,
    rather than of a product's code."""
    return bool(_SHAPE.match(text.strip()))


def receipt_number(
    terminal_id: str, business_date: date, sequence: int, series: Series = SALES
) -> str:
    return f"{terminal_id}-{business_date:%Y%m%d}-{series.mark}{sequence:0{SEQUENCE_DIGITS}d}"


def last_sequence(
    conn: Connection, terminal_id: str, business_date: date, series: Series = SALES
) -> int:
    """The sequence of the day's last number of ``series`` at this terminal; 0 before the first."""
    prefix = receipt_number(terminal_id, business_date, 0, series)[:-SEQUENCE_DIGITS]
    column = series.column
    found = conn.execute(
        f"SELECT max(coalesce((SELECT max(CAST(substr({column}, ?) AS INTEGER)) "
        f"FROM {series.table} WHERE business_date = ? AND terminal_id = ? "
        f"AND {column} IS NOT NULL), 0), "
        "coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?), 0))",
        [
            len(prefix) + 1,
            business_date.isoformat(),
            terminal_id,
            _floor(terminal_id, business_date, series),
        ],
    ).fetchone()[0]
    return int(found)


def raise_floor(
    conn: Connection, terminal_id: str, business_date: date, sequence: int, series: Series = SALES
) -> None:
    """Draw the day's next numbers of ``series`` after ``sequence``, which another copy of this
    database used (kept in ``meta``: a database is restored seldom, and then for a day or two)."""
    if sequence > last_sequence(conn, terminal_id, business_date, series):
        write_meta(conn, _floor(terminal_id, business_date, series), str(sequence))


def _floor(terminal_id: str, business_date: date, series: Series) -> str:
    return f"{series.floor} {terminal_id} {business_date.isoformat()}"


def keep_held_numbers(conn: Connection, terminal_id: str, numbers: Mapping[str, str]) -> None:
    """Keep the receipt number the relay's files give each QR sale (``numbers``, by invoice)
    that this database has not numbered: it was restored from a backup taken while the payment
    was awaited, so the payment, handed again, completes the sale once more. Kept in ``meta``,
    as the floor is: few, and only after a restore."""
    for invoice, number in numbers.items():
        waiting = conn.execute(
            "SELECT 1 FROM payment_attempts a JOIN sales s ON s.id = a.sale_id "
            "WHERE a.invoice_number = ? AND s.receipt_number IS NULL",
            [invoice],
        ).fetchone()
        if waiting is not None and _day_of(terminal_id, number) is not None:
            write_meta(conn, _held(invoice), number)


def held_number(conn: Connection, terminal_id: str, invoice_number: str) -> tuple[date, str] | None:
    """The business day and receipt number the relay's files give the sale ``invoice_number``
    paid (:func:`keep_held_numbers`), if this database may give them still: the number is
    free and its day not closed. ``None`` otherwise: the sale draws a new one."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [_held(invoice_number)]).fetchone()
    business_date = None if row is None else _day_of(terminal_id, row[0])
    if business_date is None:
        return None
    taken = conn.execute(
        "SELECT 1 FROM sales WHERE receipt_number = ? "
        "UNION ALL SELECT 1 FROM day_closes WHERE business_date = ?",
        [row[0], business_date.isoformat()],
    ).fetchone()
    return None if taken is not None else (business_date, row[0])


def _held(invoice_number: str) -> str:
    return f"receipt_held {invoice_number}"


def sequence_of(terminal_id: str, number: str, series: Series = SALES) -> tuple[date, int] | None:
    """The business day and sequence of ``number`` if it is one of this terminal's numbers of
    ``series``."""
    prefix = f"{terminal_id}-"
    shape = rf"([0-9]{{8}})-{series.mark}([0-9]{{{SEQUENCE_DIGITS},}})"
    match = re.fullmatch(shape, number[len(prefix) :]) if number.startswith(prefix) else None
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1)), int(match.group(2))
    except ValueError:
        return None


def _day_of(terminal_id: str, number: str) -> date | None:
    """The business day of ``number`` if it is one of this terminal's receipt numbers."""
    found = sequence_of(terminal_id, number)
    return None if found is None else found[0]


def next_receipt_number(
    conn: Connection, terminal_id: str, business_date: date, series: Series = SALES
) -> str:
    """Inside the writing transaction: the number the sale completing (or the return made) now
    takes."""
    sequence = last_sequence(conn, terminal_id, business_date, series) + 1
    return receipt_number(terminal_id, business_date, sequence, series)
