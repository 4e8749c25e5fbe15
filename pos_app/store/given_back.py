"""Money given back that this database lacks: a till restored from an older backup.

Between the backup and the loss the till may have taken items back and paid money back (returns
in cash, to the wallet or outside Kasir, refund payouts), which the restored database never had
and the relay's copy of those days has. The restore reads that copy
(:func:`pos_app.till.uploads.reconcile`) and keeps what it gave back on each sale here, by the
sale's receipt number (a restored database draws sale ids again, never the numbers the relay
holds), or by the late payment a payout paid back; what can still be returned and refunded counts
it (``store/returns.py``, ``store/refunds.py``), so the customer is not paid twice. Cash given
back for a return came out of the drawer: the shift that ran then (``store/shifts.py``) and its
day's Z report expect it gone (:func:`cash_back`), though the till's own files, and so its
takings, do not count it (the relay's copy does, and the shop's file holds that copy). So with
the sales paid in cash since the backup, whose money is in the drawer (:func:`sold_for_cash`):
kept but for those this database holds (completed before the backup), told apart by receipt
number, total and moment (:func:`keep_sold_for_cash`); a sale it completes again takes a new
number, and only a QR sale takes the one the copy gives it. The copy does not say which shift
took a row, nor when a shift the backup holds open closed: a shift takes the rows of its own
business day only (``store/shifts.py``).

The till cannot tell it was restored until it reads the relay: from the start of a run that
uploads until that read, it gives no money back (:func:`refuse_before_relay_read`).
"""

import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_
from pos_app.store.database import read_meta, transaction, utc_text, write_meta

_TABLE = "given_back_before_restore"
_SOLD = "cash_sold_before_restore"
_SECOND = timedelta(seconds=1)
"""What the files' moments are given to (``local_time``)."""


def _of_sale(sale: str) -> str:
    """SQL: the rows ``g`` kept of the sale ``s`` whose id is ``sale`` (an SQL expression)."""
    return (
        f"FROM {_TABLE} g JOIN sales s ON s.receipt_number = g.receipt_number WHERE s.id = {sale}"
    )


_OF_SALE = _of_sale("?1")
_OWN_MONEY = "(g.refund_of IS NULL OR g.refund_of = s.invoice_number)"
"""SQL: row ``g`` gave back the sale's own money, not a late payment's."""
MONEY_BACK = f"(SELECT coalesce(sum(g.amount), 0) {_OF_SALE} AND {_OWN_MONEY})"
"""SQL: the rupiah of sale ``?1``'s own money (not a late payment's) given back before the
restore, less what reversals brought back of it."""
OUTSIDE_BACK = f"(SELECT coalesce(sum(g.amount), 0) {_OF_SALE} AND g.tender = 'outside')"
"""SQL: the rupiah of :data:`MONEY_BACK` recorded as refunded outside Kasir."""
LINES_BACK = (
    f"SELECT g.line_no, g.items, g.amount, g.dpp, g.ppn {_OF_SALE} AND g.line_no IS NOT NULL"
)
"""SQL: sale ``?1``'s lines returned before the restore, as ``return_lines`` keeps them."""


def late_money_back(invoice: str) -> str:
    """SQL: the rupiah paid back before the restore of the late payment ``invoice`` (an SQL
    expression), less what reversals brought back of it."""
    return f"(SELECT coalesce(sum(g.amount), 0) FROM {_TABLE} g WHERE g.refund_of = {invoice})"


LATE_MONEY_BACK = f"SELECT {late_money_back('?')}"
"""SQL: the rupiah paid back of late payment ``?`` before the restore."""


def cash_back(condition: str, value: str = "coalesce(sum(g.amount), 0)") -> str:
    """SQL: ``value`` (by default the rupiah) of the rows ``g`` given back in cash for returns
    before the restore that meet ``condition`` (over ``g.business_date``, ``g.cashier``,
    ``g.terminal_id`` and ``g.created_at``, the moment it was given back: NULL in rows kept
    before Kasir kept it, which no shift took)."""
    return (
        f"(SELECT {value} FROM {_TABLE} g WHERE g.tender = 'cash' "
        f"AND g.line_no IS NOT NULL AND {condition})"
    )


def sold_for_cash(condition: str, value: str = "g.amount") -> str:
    """SQL: a ``SELECT`` of ``value`` of each sale paid in cash before the restore that this
    database lacks, of the rows ``g`` that meet ``condition`` (over ``g.business_date``,
    ``g.cashier``, ``g.terminal_id`` and ``g.created_at``, as :func:`cash_back`; ``g.amount`` is
    the sale's total, the change having gone back out), to add to this database's own sales."""
    return f"SELECT {value} FROM {_SOLD} g WHERE {condition}"


def made_again(ret: str) -> str:
    """SQL: before the restore, returns of the sale of ``ret`` (an alias of ``returns``, a wallet
    return whose payout failed) took at least as many items as it took of each of its lines.
    One of them may have made it again (no file says which return made which again), and only
    one that did could take its items: it is taken as made again, rather than paid twice."""
    return (
        f"NOT EXISTS (SELECT 1 FROM return_lines rl WHERE rl.return_id = {ret}.id "
        f"AND rl.quantity > (SELECT coalesce(sum(g.items), 0) {_of_sale(f'{ret}.sale_id')} "
        "AND g.line_no = rl.line_no))"
    )


def paid_again(refund: str) -> str:
    """SQL: before the restore, a payout of the sale of ``refund`` (an alias of ``refunds``, one
    that failed) paid at least its amount: it made that refund again, as a later refund of as
    much does in this database."""
    return (
        f"EXISTS (SELECT 1 {_of_sale(f'{refund}.sale_id')} AND {_OWN_MONEY} "
        f"AND g.line_no IS NULL AND g.amount >= {refund}.amount)"
    )


_UNREAD = "relay_copy_unread"
"""``meta``: the run (:data:`_THIS_RUN`) that has not read the relay's copy of its days yet."""
_THIS_RUN = uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class GivenBack:
    """What one row of the relay's copy of a day gave back: a return's line (its items, and
    their money), or a payout's money (a reversal's negative)."""

    business_date: date
    """The day of the copy it was read from."""
    receipt_number: str | None
    """The sale's; ``None`` for a payout of a late payment whose sale never completed."""
    given_by: str
    """The return's number, or the payout's id."""
    tender: str
    amount: int
    line_no: int | None = None
    items: int = 0
    dpp: int | None = None
    ppn: int = 0
    refund_of: str | None = None
    """The payment a payout paid back (its invoice); ``None`` for a return's line."""
    cashier: str | None = None
    terminal_id: str | None = None
    created_at: datetime | None = None
    """When a return's line was given back (its payout paid, for a wallet return)."""


def keep_given_back(
    conn: sqlite3.Connection, days: Iterable[date], rows: Iterable[GivenBack]
) -> None:
    """In the caller's transaction, keep ``rows``, read from the relay's copy of ``days``, that
    this database lacks (its own returns and payouts it counts already), in place of those kept
    of the same days before: each restore reads a day whole."""
    conn.executemany(
        f"DELETE FROM {_TABLE} WHERE business_date = ?", [(day.isoformat(),) for day in days]
    )
    conn.executemany(
        f"INSERT INTO {_TABLE} (business_date, receipt_number, refund_of, given_by, tender, "
        "line_no, items, amount, dpp, ppn, cashier, terminal_id, created_at) "
        "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13 "
        "WHERE NOT EXISTS (SELECT 1 FROM returns WHERE return_number = ?4) "
        "AND NOT EXISTS (SELECT 1 FROM refunds WHERE payout_id = ?4)",
        [
            (
                row.business_date.isoformat(),
                row.receipt_number,
                row.refund_of,
                row.given_by,
                row.tender,
                row.line_no,
                row.items,
                row.amount,
                row.dpp,
                row.ppn,
                row.cashier,
                row.terminal_id,
                None if row.created_at is None else utc_text(row.created_at),
            )
            for row in rows
        ],
    )


@dataclass(frozen=True, slots=True)
class SoldForCash:
    """A sale paid in cash, as the relay's copy of the day holds it."""

    business_date: date
    receipt_number: str
    total: int
    cashier: str
    terminal_id: str
    completed_at: datetime
    """To the second, as the files give it."""


def keep_sold_for_cash(
    conn: sqlite3.Connection, days: Iterable[date], sales: Iterable[SoldForCash]
) -> None:
    """In the caller's transaction, keep ``sales``, read from the relay's copy of ``days``, that
    this database lacks (it counts its own), in place of those kept of the same days before.

    One it holds has the copy's receipt number, total and moment (to the second, as the files
    give it), as the relay tells cash rows apart (``relay/till_days.py``): a receipt number is
    not enough, as a till restored before it reads the relay sells under the numbers its lost
    database gave, which the copy holds."""
    conn.executemany(
        f"DELETE FROM {_SOLD} WHERE business_date = ?", [(day.isoformat(),) for day in days]
    )
    conn.executemany(
        f"INSERT INTO {_SOLD} (business_date, receipt_number, amount, cashier, terminal_id, "
        "created_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6 "
        "WHERE NOT EXISTS (SELECT 1 FROM sales WHERE receipt_number = ?2 AND total = ?3 "
        "AND completed_at >= ?6 AND completed_at < ?7)",
        [
            (
                sale.business_date.isoformat(),
                sale.receipt_number,
                sale.total,
                sale.cashier,
                sale.terminal_id,
                utc_text(sale.completed_at),
                utc_text(sale.completed_at + _SECOND),
            )
            for sale in sales
        ],
    )


def await_relay_read(db: Database) -> None:
    """This run gives no money back until it has read the relay's copy of its days
    (:func:`relay_read`): its database may have been restored from an older backup, which only
    that copy tells."""
    with transaction(db) as conn:
        write_meta(conn, _UNREAD, _THIS_RUN)


def relay_read(conn: sqlite3.Connection) -> None:
    """In the caller's transaction: the relay's copy was read (or the relay cannot give one)."""
    conn.execute("DELETE FROM meta WHERE key = ?", [_UNREAD])


def relay_copy_read(db: Database) -> bool:
    """Whether this run may give money back: it has read the relay's copy of its days, or it
    does not upload."""
    return read_meta(db, _UNREAD) != _THIS_RUN


def refuse_before_relay_read(db: Database) -> None:
    """Refuse a return or a refund while this run has not read the relay's copy of its days."""
    if not relay_copy_read(db):
        raise ValidationError(
            N_(
                "no money goes back until this till has read the relay's copy of its days "
                "(restored from a backup, it may lack returns and refunds made since): "
                "connect to the relay and try again"
            )
        )
