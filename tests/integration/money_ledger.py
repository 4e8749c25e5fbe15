"""The terminal database read whole, from outside the store, for tests that account for money.

Why outside: the money tests compare what a provider says it charged with where the terminal put
that money. Reading the rows with a connection of our own (read-only) keeps the store's own
queries and views out of the accounting; only the schema is shared.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

IDR = "IDR"
SNAPSHOT_TABLES = (
    "sales",
    "sale_lines",
    "payment_attempts",
    "payment_events",
    "refunds",
    "refund_history",
    "payout_reversals",
    "payout_reversal_parts",
    "returns",
    "return_lines",
    "audit_log",
    "meta",
)
"""The tables a refused action must leave as they were (meta less the invoice counter)."""
INVOICE_COUNTER = "invoice_sequence"
"""The meta key that only ever counts up: a refused QR attempt may have used a number."""


@dataclass(frozen=True, slots=True)
class SaleRow:
    id: int
    status: str
    total: int
    tender: str | None
    invoice_number: str | None
    cash_received: int | None
    change_due: int | None
    completed_at: str | None


@dataclass(frozen=True, slots=True)
class AttemptRow:
    invoice_number: str
    sale_id: int
    amount: int
    state: str
    late: bool
    paid_amount: int | None
    paid_currency: str | None
    provider_refunded: int = 0
    """What the provider reports it refunded of a payment still ``paid`` (in part)."""
    gone_back: int = 0
    """What its provider refund rows (the payments file's money out) say the provider gave
    back of it."""

    @property
    def received(self) -> int:
        """What the attempt says came in: the amount reported, else the amount asked."""
        return self.amount if self.paid_amount is None else self.paid_amount

    @property
    def received_currency(self) -> str:
        return self.paid_currency or IDR


@dataclass(frozen=True, slots=True)
class RefundRow:
    payout_id: str
    sale_id: int
    invoice_number: str | None
    amount: int
    status: str
    reversed: bool = False
    """The provider reported the payout reversed (kept beside the refund, whose status stays)."""
    reversal_resolved: bool = False
    paid_after_failing: bool = False
    """Settled ``failed`` or ``declined`` first, then ``paid``: its amount was free meanwhile."""
    brought_back: int = 0
    """What reversals brought back of it: the customer's still, refundable again."""

    @property
    def used(self) -> int:
        """What it takes of the sale's money: its amount, less what came back."""
        return self.amount - self.brought_back


@dataclass(frozen=True, slots=True)
class ReturnRow:
    """One return: which sale, how its money went back, and how much (a wallet return also
    its payout, whose refund is its money)."""

    sale_id: int
    method: str
    amount: int
    payout_id: str | None = None


@dataclass(frozen=True, slots=True)
class ReturnedLineRow:
    """One sale line and what its returns that hold took back: items and rupiah (a wallet
    return holds while its payout is pending or paid; one failed or declined gave its items
    back, and so did one made again by a return that holds, which took them: these tests make
    returns again in cash only, so one look at the return that names it is enough)."""

    sale_id: int
    line_no: int
    sold: int
    paid: int
    returned: int
    given_back: int


@dataclass(frozen=True, slots=True)
class Ledger:
    """Every sale, attempt, refund and return of one terminal database at one moment."""

    sales: dict[int, SaleRow]
    attempts: dict[str, AttemptRow]
    refunds: tuple[RefundRow, ...]
    returned_lines: tuple[ReturnedLineRow, ...] = ()
    """Every sale line that has returns that hold (not a wallet return whose payout failed or
    was declined, nor one made again by a return that holds: those gave their items back)."""
    returns: tuple[ReturnRow, ...] = ()

    def holders(self, invoice_number: str) -> list[SaleRow]:
        """The completed QR sales that name this payment (their takings hold its money unless
        the provider reports it refunded)."""
        return [
            sale
            for sale in self.sales.values()
            if sale.status == "completed"
            and sale.tender == "qr"
            and sale.invoice_number == invoice_number
        ]

    def refunded(self, invoice_number: str) -> int:
        """Rupiah paid back (refunds settled ``paid``, less what reversals brought back) naming
        this payment."""
        return sum(
            refund.used
            for refund in self.refunds
            if refund.invoice_number == invoice_number and refund.status == "paid"
        )

    def refunded_at_provider(self, invoice_number: str) -> bool:
        """The provider reports this payment refunded (from its back office, or reversed): its
        money went back to the customer there, so it is no longer in the takings of the sale
        that still names it, nor anywhere else on the terminal."""
        attempt = self.attempts.get(invoice_number)
        return attempt is not None and attempt.state == "refunded"

    def returned_outside(self, sale_id: int) -> int:
        """Rupiah of this sale's returns recorded as refunded outside Kasir: what accounts, on
        the terminal, for a refund the provider made."""
        return sum(
            item.amount
            for item in self.returns
            if item.sale_id == sale_id and item.method == "outside"
        )

    def refunding(self, invoice_number: str) -> bool:
        """A refund naming this payment is paid or still under way, and no reversal brought all
        of it back: its money is the customer's again."""
        return any(
            refund.invoice_number == invoice_number
            and refund.status in ("pending", "paid")
            and refund.used > 0
            for refund in self.refunds
        )

    def attempts_of(self, sale_id: int) -> list[AttemptRow]:
        return [attempt for attempt in self.attempts.values() if attempt.sale_id == sale_id]

    def gone_at_provider(self, sale_id: int) -> int:
        """What the provider gave back itself of the payment that paid this sale, beyond the
        returns recorded as refunded outside Kasir: money no return accounts for yet."""
        sale = self.sales[sale_id]
        refunded = sum(
            attempt.received if attempt.state == "refunded" else attempt.provider_refunded
            for attempt in self.attempts.values()
            if attempt.invoice_number == sale.invoice_number
            and not attempt.late
            and attempt.state in ("paid", "refunded")
        )
        return max(refunded - self.returned_outside(sale_id), 0)

    def sale_refunds(self, sale_id: int) -> list[RefundRow]:
        """Refunds of the sale's own money (those naming a late payment pay back that payment,
        which was never takings)."""
        return [
            refund
            for refund in self.refunds
            if refund.sale_id == sale_id
            and not (
                refund.invoice_number is not None
                and (late := self.attempts.get(refund.invoice_number)) is not None
                and late.late
            )
        ]

    def refundable(self, sale_id: int) -> int:
        """What the sale has left to pay back, from its rows: what it took (its total, once
        completed), less its refunds paid or under way (but what reversals brought back), its
        returns paid back in cash or outside Kasir (a wallet return's money is its refund,
        counted once, with the refunds), and what the provider gave back itself that no return
        accounts for. Below zero: the customer got more back than the sale took."""
        sale = self.sales[sale_id]
        if sale.status != "completed":
            return 0
        used = sum(
            refund.used
            for refund in self.sale_refunds(sale_id)
            if refund.status in ("pending", "paid")
        )
        returned = sum(
            item.amount
            for item in self.returns
            if item.sale_id == sale_id and item.payout_id is None
        )
        return sale.total - used - returned - self.gone_at_provider(sale_id)


Snapshot = dict[str, frozenset[tuple[object, ...]]]


class LedgerReader:
    """A read-only connection of our own to the terminal database, kept open between reads
    (each read is its own transaction, so it sees every commit made before it)."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self._conn.execute("PRAGMA busy_timeout = 5000")

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN")
        try:
            yield self._conn
        finally:
            self._conn.execute("COMMIT")

    def ledger(self) -> Ledger:
        """All sales, attempts, refunds, returns and returned lines, read in one transaction (a
        consistent picture)."""
        with self._transaction() as conn:
            sales = {
                row[0]: SaleRow(*row)
                for row in conn.execute(
                    "SELECT id, status, total, tender, invoice_number, cash_received, "
                    "change_due, completed_at FROM sales"
                )
            }
            attempts = {
                row[0]: AttemptRow(
                    row[0], row[1], row[2], row[3], bool(row[4]), row[5], row[6], row[7], row[8]
                )
                for row in conn.execute(
                    "SELECT a.invoice_number, a.sale_id, a.amount, a.state, a.late, "
                    "a.paid_amount, a.paid_currency, a.provider_refunded, (SELECT "
                    "coalesce(sum(p.amount), 0) FROM provider_refunds p WHERE p.attempt_id = a.id) "
                    "FROM payment_attempts a"
                )
            }
            refunds = tuple(
                RefundRow(*row[:5], bool(row[5]), bool(row[6]), bool(row[7]), row[8])
                for row in conn.execute(
                    "SELECT r.payout_id, r.sale_id, r.invoice_number, r.amount, r.status, "
                    "v.refund_id IS NOT NULL, v.resolved_at IS NOT NULL, EXISTS (SELECT 1 "
                    "FROM refund_history h WHERE h.refund_id = r.id AND h.after = 'paid' "
                    "AND h.before IN ('failed', 'declined')), (SELECT coalesce(sum(b.amount), 0) "
                    "FROM payout_reversal_parts b WHERE b.refund_id = r.id) FROM refunds r "
                    "LEFT JOIN payout_reversals v ON v.refund_id = r.id ORDER BY r.id"
                )
            )
            returned = tuple(
                ReturnedLineRow(*row)
                for row in conn.execute(
                    "SELECT l.sale_id, l.line_no, l.quantity, l.amount, sum(rl.quantity), "
                    "sum(rl.amount) FROM returns t JOIN return_lines rl ON rl.return_id = t.id "
                    "JOIN sale_lines l ON l.sale_id = t.sale_id AND l.line_no = rl.line_no "
                    "LEFT JOIN refunds p ON p.payout_id = t.payout_id "
                    "WHERE (t.payout_id IS NULL OR p.status IN ('pending', 'paid')) "
                    "AND NOT EXISTS (SELECT 1 FROM returns n "
                    "LEFT JOIN refunds q ON q.payout_id = n.payout_id WHERE n.redo_of = t.id "
                    "AND (n.payout_id IS NULL OR q.status IN ('pending', 'paid'))) "
                    "GROUP BY l.sale_id, l.line_no"
                )
            )
            returns = tuple(
                ReturnRow(*row)
                for row in conn.execute(
                    "SELECT sale_id, method, amount, payout_id FROM returns ORDER BY id"
                )
            )
        return Ledger(sales, attempts, refunds, returned, returns)

    def snapshot(self) -> Snapshot:
        """Every row of the tables money lives in, to show that a refused action wrote
        nothing."""
        with self._transaction() as conn:
            found = {
                table: frozenset(tuple(row) for row in conn.execute(f"SELECT * FROM {table}"))
                for table in SNAPSHOT_TABLES
            }
        found["meta"] = frozenset(row for row in found["meta"] if row[0] != INVOICE_COUNTER)
        return found

    def columns(self, table: str) -> list[str]:
        """The column names of ``table``, in table order (to read snapshot rows)."""
        return [row[1] for row in self._conn.execute(f"PRAGMA table_info({table})")]


def read_ledger(path: Path) -> Ledger:
    """The ledger of the database at ``path``, read once."""
    with closing(LedgerReader(path)) as reader:
        return reader.ledger()
