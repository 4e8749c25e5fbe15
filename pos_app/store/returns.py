"""Returns: items of a completed sale brought back, and their money given back, manager-approved.

A return is written whole in one transaction with its lines, its audit entry and (paid back to the
wallet) its refund, which the payout then settles like any other (``till/refund_payouts.py``). The
transaction reads what the sale's lines have left before it writes, under the write lock, so two
returns racing for the same items cannot both take them: never more items than were sold, never
more rupiah than were paid per line (``domain/returns.py``) nor than the sale has left to refund.

A return in cash or made outside Kasir counts at once, on the open shop day it was made; a wallet
return counts once its payout is paid, on the day it was paid, like a refund. A wallet return whose
payout is declined or fails gives nothing back, and its items can be returned again: made again, the
same items by any method, the new return names it (``redo_of``), which settles it and takes its
items: should the first payout be paid after all, it counts for its money only while the new one
holds (``store/counted_returns.py``).

Each return takes a number of its till's day in the same transaction, ``T1-20261121-R0001``
(``store/receipt_numbers.py``), which its slip prints and the files show; never its id, which a
database restored from a backup draws again.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah
from pos_app.domain.pricing import RateTotal, basis_totals
from pos_app.domain.returns import ReturnableLine, ReturnMethod, return_methods
from pos_app.domain.tax import TaxClass
from pos_app.domain.texts import N_
from pos_app.payments.model import ProviderName
from pos_app.store.audit import AuditLog
from pos_app.store.counted_returns import HOLDS, RETURN_JOINS
from pos_app.store.database import parse_utc, transaction, utc_text
from pos_app.store.errors import NotFound
from pos_app.store.given_back import LINES_BACK, made_again, refuse_before_relay_read
from pos_app.store.open_day import after_day_closed, open_business_date
from pos_app.store.receipt_numbers import RETURNS, next_receipt_number
from pos_app.store.refunds import Refunds
from pos_app.store.shifts import Shifts, after_shift_closed

UNPAID_RESOLVED = "return.resolve_unpaid"
"""The audit action of a manager settling a wallet return that was not paid back."""
NOT_PAID_BACK = f"""(p.status IN ('failed', 'declined')
    AND NOT EXISTS (SELECT 1 FROM returns n WHERE n.redo_of = t.id) AND NOT {made_again("t")}
    AND NOT EXISTS (
        SELECT 1 FROM audit_log l WHERE l.action = '{UNPAID_RESOLVED}'
        AND json_extract(l.detail, '$.payout_id') = p.payout_id)
    AND NOT EXISTS (
        WITH RECURSIVE earlier (id) AS (
            SELECT t.redo_of
            UNION SELECT r.redo_of FROM returns r JOIN earlier ON r.id = earlier.id)
        SELECT 1 FROM earlier JOIN returns e ON e.id = earlier.id
        JOIN refunds f ON f.payout_id = e.payout_id WHERE f.status = 'paid'))"""
"""SQL over :data:`~pos_app.store.counted_returns.RETURN_JOINS`: a wallet return whose payout
failed or was declined, neither made again (a later return names it, ``redo_of``; or returns
made before this database was restored from an older backup may have:
:func:`~pos_app.store.given_back.made_again`) nor resolved by a manager, nor the making again of a
return whose payout was paid after all (ecommpay paid it after failing: the customer has the
money): the goods are back and the money is not."""


@dataclass(frozen=True, slots=True)
class WalletPayout:
    """Where a wallet return's money goes: a payout id and the customer's DOKU Wallet."""

    payout_id: str
    provider: ProviderName
    account_number: str
    customer_name: str


@dataclass(frozen=True, slots=True)
class ReturnableSale:
    """A completed sale as a return sees it: its lines and what each has left."""

    sale_id: int
    receipt_number: str
    tender: str
    provider: ProviderName | None
    total: int
    lines: tuple[ReturnableLine, ...]
    refundable: int
    """What the sale has left to give back, refunds and returns counted."""
    refunded_at_provider: bool = False
    """The provider reports the payment that paid the sale refunded."""
    partly_refunded_at_provider: bool = False
    """The provider reports part of that payment refunded; the rest stays paid."""
    not_paid_back: tuple["Return", ...] = ()
    """Its wallet returns whose payout failed, not made again nor resolved, whose items can all
    still come back for no more than the sale has left to refund: each can be made again as it
    was (:meth:`Returns.record`, ``redo_of``)."""
    unpaid: tuple["Return", ...] = ()
    """All its wallet returns whose payout failed, not made again nor resolved: those of
    :attr:`not_paid_back`, and those whose items or money went back another way since."""

    @property
    def methods(self) -> tuple[ReturnMethod, ...]:
        return return_methods(
            self.tender,
            self.provider,
            refunded_at_provider=self.refunded_at_provider,
            partly_refunded_at_provider=self.partly_refunded_at_provider,
        )

    @property
    def fully_returned(self) -> bool:
        return all(line.left == 0 for line in self.lines)

    def free(self, line: ReturnableLine, redo_of: int | None = None) -> int:
        """The items of ``line`` a return may take: those left, less those that came back with
        its :attr:`unpaid` wallet returns (but ``redo_of``, the one it makes again). Those
        items are back already: another return taking them would give their money twice, once
        more should that payout be paid after all, and count the goods back twice with it."""
        waiting = sum(
            unpaid.quantities.get(line.line_no, 0) for unpaid in self.unpaid if unpaid.id != redo_of
        )
        return max(line.left - waiting, 0)


@dataclass(frozen=True, slots=True)
class ReturnedLine:
    line_no: int
    sku: str
    name: str
    quantity: int
    amount: int
    dpp: int | None = None
    """The tax base given back with ``amount``; ``None`` where the sale charged no PPN."""
    ppn: int = 0
    tax_rate: int | None = None
    """The sale line's PPN rate, in basis points."""
    tax_class: TaxClass = TaxClass.STANDARD
    """The sale line's tax class, which its return takes, as in the reports."""


@dataclass(frozen=True, slots=True)
class Return:
    id: int
    sale_id: int
    receipt_number: str
    """The returned sale's receipt number."""
    method: ReturnMethod
    amount: int
    lines: tuple[ReturnedLine, ...]
    terminal_id: str
    cashier: str
    approved_by: str
    created_at: datetime
    business_date: date
    reason: str = ""
    payout_id: str | None = None
    redo_of: int | None = None
    """The wallet return, not paid back, that this one made again."""
    return_number: str | None = None
    """Its number, ``T1-20261121-R0001``; ``None`` for a return made before returns had one."""
    redo_of_number: str | None = None
    """The return number of :attr:`redo_of`."""

    @property
    def number(self) -> str:
        """What its slip calls it: see :func:`slip_number`."""
        return slip_number(self.return_number, self.id)

    @property
    def quantities(self) -> dict[int, int]:
        """Line number → items returned."""
        return {line.line_no: line.quantity for line in self.lines}

    def rates(self) -> list[RateTotal]:
        """The DPP and PPN given back per PPN rate charged, tax class and basis, highest rate
        first, as the Z report takes them off and the receipt shows them; exempt lines (0 %)
        give none back."""
        given = basis_totals(
            (line.tax_rate, line.amount, line.dpp or 0, line.ppn, line.tax_class)
            for line in self.lines
            if line.tax_rate is not None
        )
        return [rate for rate in given if rate.tax_rate]


def slip_number(return_number: str | None, return_id: int) -> str:
    """A return as its slip names it: its return number, or ``#id`` for one made before returns
    had numbers, as its slip was printed then."""
    return return_number or f"#{return_id}"


def _refuse_outside_beyond_refund(sale: ReturnableSale, amount: int, unmatched: int) -> None:
    """Outside Kasir, a sale not paid by DOKU direct goes back only through its provider's
    refunds, ``unmatched`` rupiah of which no return accounts for yet: a return recorded as
    refunded there may pass that money only by less than the sale's cheapest item still to
    return (items rarely cost what was refunded), or the takings would lose money that never
    went back."""
    cheapest = min((line.refund_for(1) for line in sale.lines if line.left), default=0)
    if amount - unmatched >= max(cheapest, 1):
        raise ValidationError(
            N_(
                "receipt {receipt}: its provider refunded {refunded} that no return accounts "
                "for; a return recorded as refunded outside Kasir takes no more items than that"
            ),
            receipt=sale.receipt_number,
            refunded=format_rupiah(unmatched),
        )


class Returns:
    def __init__(self, db: Database, day: BusinessDay | None = None) -> None:
        self._db = db
        self._day = day or BusinessDay()

    def find_sale(self, receipt_number: str) -> int:
        """The id of the completed sale with this receipt number, or that a return with this
        return number took back (its slip in hand), as typed or scanned (in any case: a cashier
        types ``t1-…``; the exact number first, through the indexes)."""
        number = receipt_number.strip()
        for match in ("{} = ?", "upper({}) = upper(?)"):
            row = self._db.execute(
                f"SELECT id FROM sales WHERE {match.format('receipt_number')} "
                "AND status = 'completed' "
                f"UNION ALL SELECT sale_id FROM returns WHERE {match.format('return_number')}",
                [number, number],
            ).fetchone()
            if row is not None:
                return int(row[0])
        raise NotFound(N_("no completed sale has receipt number {number}"), number=number)

    def returnable(self, sale_id: int) -> ReturnableSale:
        """The sale's lines with what each has left to return, those returned before this
        database was restored from an older backup counted (``store/given_back.py``)."""
        row = self._db.execute(
            "SELECT s.status, s.receipt_number, s.tender, s.provider, s.total, EXISTS ("
            "SELECT 1 FROM payment_attempts a WHERE a.invoice_number = s.invoice_number "
            "AND a.state = 'refunded'), EXISTS (SELECT 1 FROM payment_attempts a "
            "WHERE a.invoice_number = s.invoice_number AND a.state = 'paid' "
            "AND a.provider_refunded > 0) FROM sales s WHERE s.id = ?",
            [sale_id],
        ).fetchone()
        if row is None:
            raise NotFound(N_("sale {sale} does not exist"), sale=sale_id)
        if row[0] != "completed":
            raise ValidationError(
                N_("sale {sale} is {status}: only a completed sale takes returns"),
                sale=sale_id,
                status=row[0],
            )
        lines = tuple(
            ReturnableLine(*row)
            for row in self._db.execute(
                "SELECT l.line_no, l.sku, l.name, l.quantity, l.amount, "
                "coalesce(h.items, 0), coalesce(h.amount, 0), l.dpp, l.ppn, "
                "coalesce(h.dpp, 0), coalesce(h.ppn, 0), l.tax_rate FROM sale_lines l LEFT JOIN ("
                "SELECT line_no, sum(quantity) AS items, sum(amount) AS amount, "
                "sum(dpp) AS dpp, sum(ppn) AS ppn FROM ("
                "SELECT rl.line_no, rl.quantity, rl.amount, rl.dpp, rl.ppn "
                f"FROM {RETURN_JOINS} JOIN return_lines rl ON rl.return_id = t.id "
                f"WHERE t.sale_id = ?1 AND {HOLDS} UNION ALL {LINES_BACK}) GROUP BY line_no"
                ") h ON h.line_no = l.line_no WHERE l.sale_id = ?1 ORDER BY l.line_no",
                [sale_id],
            )
        )
        refundable = Refunds(self._db, self._day).refundable(sale_id)
        unpaid = tuple(
            self._returns(
                f"t.id IN (SELECT t.id FROM {RETURN_JOINS} "
                f"WHERE t.sale_id = ? AND {NOT_PAID_BACK})",
                sale_id,
            )
        )
        return ReturnableSale(
            sale_id=sale_id,
            receipt_number=row[1],
            tender=row[2],
            provider=ProviderName(row[3]) if row[3] else None,
            total=row[4],
            lines=lines,
            refundable=refundable,
            refunded_at_provider=bool(row[5]),
            partly_refunded_at_provider=bool(row[6]),
            not_paid_back=tuple(one for one in unpaid if _fits(lines, one.quantities, refundable)),
            unpaid=unpaid,
        )

    def record(
        self,
        sale_id: int,
        quantities: Mapping[int, int],
        *,
        method: ReturnMethod,
        terminal_id: str,
        cashier: str,
        approved_by: str,
        now: datetime,
        reason: str = "",
        payout: WalletPayout | None = None,
        redo_of: int | None = None,
    ) -> Return:
        """Take back ``quantities`` (line number → items) of a completed sale, paid back by
        ``method``; a wallet return names its ``payout`` and records its refund ``pending``.
        ``redo_of``: the sale's wallet return not paid back that this one makes again, with
        exactly its items."""
        method = ReturnMethod(method)
        if not approved_by.strip():
            raise ValidationError(N_("a return needs the approving manager"))
        if (payout is not None) != (method is ReturnMethod.WALLET):
            raise ValidationError(N_("a wallet return, and only one, names the wallet to pay"))
        wanted = {line_no: count for line_no, count in quantities.items() if count}
        if not wanted:
            raise ValidationError(N_("a return needs at least one item"))
        with transaction(self._db) as conn:
            refuse_before_relay_read(self._db)
            sale = self.returnable(sale_id)
            if method not in sale.methods:
                raise ValidationError(
                    N_("receipt {receipt}: its money cannot go back as {method}"),
                    receipt=sale.receipt_number,
                    method=method,
                )
            if redo_of is not None:
                _check_made_again(sale, redo_of, wanted)
            lines = {line.line_no: line for line in sale.lines}
            unknown = sorted(set(wanted) - set(lines))
            if unknown:
                raise ValidationError(
                    N_("receipt {receipt} has no line {line}"),
                    receipt=sale.receipt_number,
                    line=unknown[0],
                )
            _refuse_unpaid_items(sale, wanted, redo_of)
            amounts = {number: lines[number].refund_for(count) for number, count in wanted.items()}
            amount = sum(amounts.values())
            left = sale.refundable
            if method is ReturnMethod.OUTSIDE:  # it records money the provider refunded
                unmatched = Refunds(self._db, self._day).refunded_at_provider(sale_id)
                left += unmatched
                if sale.provider is not ProviderName.DOKU:
                    _refuse_outside_beyond_refund(sale, amount, unmatched)
            if amount > left:
                raise ValidationError(
                    N_("return {amount} is more than sale {sale} has left to refund ({left})"),
                    amount=format_rupiah(amount),
                    sale=sale_id,
                    left=format_rupiah(max(left, 0)),
                )
            if method is ReturnMethod.CASH:
                self._refuse_more_than_drawer(terminal_id, cashier, amount, now)
                now = after_shift_closed(conn, cashier, terminal_id, now)
            now = after_day_closed(self._db, self._day, now)
            if payout is not None:
                Refunds(self._db, self._day).create(
                    sale_id,
                    payout.payout_id,
                    amount,
                    provider=payout.provider,
                    account_number=payout.account_number,
                    customer_name=payout.customer_name,
                    approved_by=approved_by,
                    now=now,
                    reason=reason or "return",
                )
            business_date = open_business_date(self._db, self._day, now)
            number = next_receipt_number(conn, terminal_id, business_date, RETURNS)
            return_id = conn.execute(
                "INSERT INTO returns (sale_id, method, payout_id, amount, terminal_id, cashier, "
                "approved_by, reason, created_at, business_date, redo_of, return_number) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    sale_id,
                    method.value,
                    None if payout is None else payout.payout_id,
                    amount,
                    terminal_id,
                    cashier,
                    approved_by,
                    reason.strip(),
                    utc_text(now),
                    business_date.isoformat(),
                    redo_of,
                    number,
                ],
            ).lastrowid
            assert return_id is not None
            conn.executemany(
                "INSERT INTO return_lines (return_id, line_no, quantity, amount, dpp, ppn, "
                "tax_rate) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        return_id,
                        line_no,
                        count,
                        amounts[line_no],
                        *lines[line_no].tax_for(count, amounts[line_no]),
                        lines[line_no].tax_rate,
                    )
                    for line_no, count in sorted(wanted.items())
                ],
            )
            AuditLog(self._db).record(
                approved_by,
                "return.approve",
                {
                    "return": return_id,
                    "return_number": number,
                    "sale_id": sale_id,
                    "receipt_number": sale.receipt_number,
                    "method": method.value,
                    "amount": amount,
                    "cashier": cashier,
                    "lines": {str(line_no): count for line_no, count in sorted(wanted.items())},
                    "reason": reason.strip(),
                    **({} if redo_of is None else {"redo_of": redo_of}),
                },
                now=now,
            )
        return self.get(return_id)

    def get(self, return_id: int) -> Return:
        found = self._returns("t.id = ?", return_id)
        if not found:
            raise NotFound(N_("return {number} does not exist"), number=return_id)
        return found[0]

    def for_sale(self, sale_id: int) -> list[Return]:
        return self._returns("t.sale_id = ?", sale_id)

    def _refuse_more_than_drawer(
        self, terminal_id: str, cashier: str, amount: int, now: datetime
    ) -> None:
        """Cash goes back from the cashier's open shift: never more than its drawer should hold.
        On a till that counts its drawer by shifts today, not without one (the shift closed and
        counted, the drawer's cash is no longer anyone's to give): a shift of today's, or one
        that ran into it (18:00 to 01:00 with a midnight cut-off); a till that keeps no shifts
        has only the day's count."""
        shift = Shifts(self._db, self._day).current(terminal_id, cashier)
        if shift is None:
            day = open_business_date(self._db, self._day, now)
            if self._db.execute(
                "SELECT 1 FROM shifts WHERE terminal_id = ? "
                "AND (business_date = ? OR closed_at >= ?) LIMIT 1",
                [terminal_id, day.isoformat(), utc_text(self._day.bounds(day)[0])],
            ).fetchone():
                raise ValidationError(
                    N_("open your shift first (F5): cash goes back from an open shift's drawer")
                )
            return
        held = shift.expected_cash
        if amount > held:
            raise ValidationError(
                N_("cannot give back {amount} in cash: the drawer should hold only {expected}"),
                amount=format_rupiah(amount),
                expected=format_rupiah(held),
            )

    def _returns(self, where: str, *params: object) -> list[Return]:
        rows = self._db.execute(
            "SELECT t.id, t.sale_id, s.receipt_number, t.method, t.amount, t.terminal_id, "
            "t.cashier, t.approved_by, t.created_at, t.business_date, t.reason, t.payout_id, "
            "t.redo_of, t.return_number, redone.return_number "
            "FROM returns t JOIN sales s ON s.id = t.sale_id "
            f"LEFT JOIN returns redone ON redone.id = t.redo_of WHERE {where} ORDER BY t.id",
            list(params),
        ).fetchall()
        return [
            Return(
                id=row[0],
                sale_id=row[1],
                receipt_number=row[2],
                method=ReturnMethod(row[3]),
                amount=row[4],
                lines=tuple(
                    _returned_line(*line)
                    for line in self._db.execute(
                        "SELECT rl.line_no, l.sku, l.name, rl.quantity, rl.amount, rl.dpp, "
                        "rl.ppn, rl.tax_rate, l.tax_class "
                        "FROM return_lines rl JOIN sale_lines l "
                        "ON l.sale_id = ? AND l.line_no = rl.line_no "
                        "WHERE rl.return_id = ? ORDER BY rl.line_no",
                        [row[1], row[0]],
                    )
                ),
                terminal_id=row[5],
                cashier=row[6],
                approved_by=row[7],
                created_at=parse_utc(row[8]),
                business_date=date.fromisoformat(row[9]),
                reason=row[10],
                payout_id=row[11],
                redo_of=row[12],
                return_number=row[13],
                redo_of_number=row[14],
            )
            for row in rows
        ]


def _returned_line(
    line_no: int,
    sku: str,
    name: str,
    quantity: int,
    amount: int,
    dpp: int | None,
    ppn: int,
    tax_rate: int | None,
    tax_class: str | None,
) -> ReturnedLine:
    """A return line as read with its sale line's; a line sold before tax classes is exempt at
    0 %, else standard (as the reports take it: ``store/sale_totals.py``)."""
    kind = TaxClass(tax_class or (TaxClass.EXEMPT if tax_rate == 0 else TaxClass.STANDARD))
    return ReturnedLine(line_no, sku, name, quantity, amount, dpp, ppn, tax_rate, kind)


def _fits(lines: tuple[ReturnableLine, ...], quantities: Mapping[int, int], left: int) -> bool:
    """Whether ``quantities`` can still come back from ``lines`` for at most ``left`` rupiah."""
    by_number = {line.line_no: line for line in lines}
    if any(count > by_number[number].left for number, count in quantities.items()):
        return False
    return sum(by_number[number].refund_for(count) for number, count in quantities.items()) <= left


def _check_made_again(sale: ReturnableSale, redo_of: int, wanted: Mapping[int, int]) -> None:
    """``redo_of`` is one of ``sale``'s returns not paid back, and ``wanted`` its very items."""
    unpaid = {unpaid.id: unpaid for unpaid in sale.not_paid_back}.get(redo_of)
    if unpaid is None:
        raise ValidationError(
            N_(
                "return {number} of receipt {receipt} is not a wallet return left unpaid: it was "
                "paid, made again or resolved already, or its items or money have gone back since"
            ),
            number=redo_of,
            receipt=sale.receipt_number,
        )
    if dict(wanted) != unpaid.quantities:
        raise ValidationError(
            N_("return {number} is made again with the same items, no more and no fewer"),
            number=redo_of,
        )


def _refuse_unpaid_items(
    sale: ReturnableSale, wanted: Mapping[int, int], redo_of: int | None
) -> None:
    """Items that came back with a wallet return not paid back are back already: only making
    that return again (``redo_of``) gives their money, which clears it, or a manager resolves
    it. Another return of them would pay the customer while the return stays listed as owed,
    and twice over should its payout be paid after all, counting the goods back twice."""
    for line in sale.lines:
        count, free = wanted.get(line.line_no, 0), sale.free(line, redo_of)
        if free < count <= line.left:
            waiting = next(
                unpaid
                for unpaid in sale.unpaid
                if unpaid.id != redo_of and line.line_no in unpaid.quantities
            )
            raise ValidationError(
                N_(
                    "{name}: {wanted} to return, but only {free} can be: the others came back "
                    "with return {number}, whose wallet payout failed; make that return again, "
                    "or have a manager resolve it first"
                ),
                name=line.name,
                wanted=count,
                free=free,
                number=waiting.number,
            )
