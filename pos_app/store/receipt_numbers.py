"""Receipt numbers: ``T1-20261204-0007``, the terminal, the sale's business day, and its place
among the sales that terminal completed that day.

A cashier reads it aloud as "T1, the fourth of December, number seven"; the terminal's id
(unique among a shop's tills, as the relay requires) keeps two tills' numbers apart, and the day
restarts the count, so the number stays short. It is drawn in the transaction that completes the
sale, after the day's last one, so the numbers of a terminal's day have no gaps (a cancelled sale
never takes one). A day with more than 9999 sales goes on with five digits. A database restored
from an older backup goes on after the last number the relay had of the day (:func:`raise_floor`),
rather than give a second sale a number the shop's files already hold.
"""

import re
from datetime import date
from sqlite3 import Connection

from pos_app.store.database import write_meta

SEQUENCE_DIGITS = 4
_SHAPE = re.compile(r"^[A-Za-z0-9-]{1,16}-\d{8}-\d{4,}$")


def looks_like_receipt_number(text: str) -> bool:
    """Whether ``text`` (typed or scanned) has the shape of a receipt number, ``T1-20261204-0007``,
    rather than of a product's code."""
    return bool(_SHAPE.match(text.strip()))


def receipt_number(terminal_id: str, business_date: date, sequence: int) -> str:
    return f"{terminal_id}-{business_date:%Y%m%d}-{sequence:0{SEQUENCE_DIGITS}d}"


def last_sequence(conn: Connection, terminal_id: str, business_date: date) -> int:
    """The sequence of the day's last receipt number at this terminal; 0 before the first."""
    prefix = receipt_number(terminal_id, business_date, 0)[:-SEQUENCE_DIGITS]
    found = conn.execute(
        "SELECT max(coalesce((SELECT max(CAST(substr(receipt_number, ?) AS INTEGER)) FROM sales "
        "WHERE business_date = ? AND terminal_id = ? AND receipt_number IS NOT NULL), 0), "
        "coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?), 0))",
        [
            len(prefix) + 1,
            business_date.isoformat(),
            terminal_id,
            _floor(terminal_id, business_date),
        ],
    ).fetchone()[0]
    return int(found)


def raise_floor(conn: Connection, terminal_id: str, business_date: date, sequence: int) -> None:
    """Draw the day's next numbers after ``sequence``, which another copy of this database used
    (kept in ``meta``: a database is restored seldom, and then for a day or two)."""
    if sequence > last_sequence(conn, terminal_id, business_date):
        write_meta(conn, _floor(terminal_id, business_date), str(sequence))


def _floor(terminal_id: str, business_date: date) -> str:
    return f"receipt_floor {terminal_id} {business_date.isoformat()}"


def next_receipt_number(conn: Connection, terminal_id: str, business_date: date) -> str:
    """Inside the completing transaction: the number the sale completing now takes."""
    return receipt_number(
        terminal_id, business_date, last_sequence(conn, terminal_id, business_date) + 1
    )
