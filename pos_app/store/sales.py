"""Sales and their lines: created open, then completed (cash or a paid QR attempt) or cancelled.
A manager may still complete an open or cancelled sale with a late payment.

Every change of a sale's status goes through :func:`pos_app.store.history.move`, which checks it
against :data:`~pos_app.domain.lifecycles.SALE_LIFECYCLE` and writes it to ``sale_history``.

A sale's business date is set when it is created and again when it completes: a sale belongs to
the shop day its money was taken on (for a late payment: the day a manager attached it).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from sqlite3 import Connection
from typing import Any

from sqlite_utils import Database

from pos_app.domain.basket import MAX_QUANTITY, LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import ChangeSource
from pos_app.domain.lifecycles import SaleStatus as SaleStatus
from pos_app.domain.money import check_amount, format_rupiah
from pos_app.payments.model import OPEN_STATES, AttemptState, ProviderName
from pos_app.store.database import optional_utc, parse_utc, transaction, utc_text
from pos_app.store.errors import NotFound, SalePaidAlready, StoreError
from pos_app.store.history import SALES, StatusChange, history, move
from pos_app.store.payments import PaymentAttempt, Payments


class Tender(StrEnum):
    CASH = "cash"
    QR = "qr"


@dataclass(frozen=True, slots=True)
class Sale:
    id: int
    created_at: datetime
    business_date: date
    status: SaleStatus
    cashier: str
    terminal_id: str
    total: int
    lines: tuple[LineItem, ...]
    completed_at: datetime | None = None
    tender: Tender | None = None
    provider: ProviderName | None = None
    cash_received: int | None = None
    change_due: int | None = None
    payment_reference: str | None = None
    invoice_number: str | None = None


class Sales:
    def __init__(self, db: Database, day: BusinessDay | None = None) -> None:
        self._db = db
        self._day = day or BusinessDay()

    def create_sale(
        self, lines: Sequence[LineItem], *, cashier: str, terminal_id: str, now: datetime
    ) -> int:
        """Write an open sale and its lines together; the total is computed here, from the lines."""
        if not lines:
            raise ValidationError("a sale needs at least one line")
        for line in lines:
            _check_line(line)
        total = check_amount(sum(line.line_total for line in lines), field="sale total")
        if not cashier.strip():
            raise ValidationError("a sale needs the cashier's name")
        stamp = utc_text(now)
        with transaction(self._db) as conn:
            sale_id = conn.execute(
                "INSERT INTO sales (created_at, business_date, status, cashier, terminal_id, total)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [stamp, self._date(now), SaleStatus.OPEN.value, cashier, terminal_id, total],
            ).lastrowid
            assert sale_id is not None
            move(
                conn,
                SALES,
                sale_id,
                None,
                SaleStatus.OPEN,
                source=ChangeSource.CASHIER,
                actor=cashier,
                now=now,
            )
            conn.executemany(
                "INSERT INTO sale_lines (sale_id, line_no, sku, name, unit_price, quantity, "
                "line_total) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        sale_id,
                        no,
                        line.sku,
                        line.name,
                        line.unit_price,
                        line.quantity,
                        line.line_total,
                    )
                    for no, line in enumerate(lines, start=1)
                ],
            )
        return sale_id

    def complete_cash(self, sale_id: int, received: int, now: datetime) -> Sale:
        """Cash in hand: at least the total; the change is recorded with the sale.

        Refused, in the transaction that would complete the sale, while a payment pays it
        already: the customer would pay twice.
        """
        with transaction(self._db) as conn:
            sale = self._open_sale(sale_id)
            self._refuse_if_paid(sale)
            check_amount(received, field="cash received")
            if received < sale.total:
                raise ValidationError(
                    f"cash received {format_rupiah(received)} is less than the total "
                    f"{format_rupiah(sale.total)}"
                )
            move(
                conn,
                SALES,
                sale_id,
                sale.status,
                SaleStatus.COMPLETED,
                source=ChangeSource.CASHIER,
                now=now,
                columns={
                    "completed_at": utc_text(now),
                    "business_date": self._date(now),
                    "tender": Tender.CASH.value,
                    "cash_received": received,
                    "change_due": received - sale.total,
                },
            )
        return self.get(sale_id)

    def complete_with_payment(self, sale_id: int, invoice_number: str, now: datetime) -> Sale:
        """Complete by the paid attempt ``invoice_number``: this sale's, for the sale's total."""
        with transaction(self._db) as conn:
            sale = self._open_sale(sale_id)
            attempt = Payments(self._db).get_attempt(invoice_number)
            if attempt.sale_id != sale_id:
                raise StoreError(f"payment {invoice_number} belongs to sale {attempt.sale_id}")
            if attempt.state is not AttemptState.PAID:
                raise StoreError(f"payment {invoice_number} is {attempt.state}, not paid")
            if attempt.late:
                raise StoreError(
                    f"payment {invoice_number} is kept apart for the manager (late, or for "
                    "another amount): it completes no sale by itself"
                )
            if attempt.amount != sale.total:
                raise StoreError(
                    f"payment {invoice_number} is for {format_rupiah(attempt.amount)}, the sale "
                    f"total is {format_rupiah(sale.total)}"
                )
            self._complete_by_qr(conn, sale, attempt, now, source=ChangeSource.PROVIDER)
        return self.get(sale_id)

    def attach_late_payment(
        self,
        sale_id: int,
        invoice_number: str,
        *,
        payload: Mapping[str, Any],
        now: datetime,
        actor: str,
        source: ChangeSource = ChangeSource.MANAGER,
    ) -> Sale:
        """Complete an unpaid sale with a late payment, the payment's event (``payload``) with it.

        The sale is open or cancelled (typically the payment's own: the goods went with the
        customer), its total is the payment's amount, and nothing else pays it or is waited on;
        a paid sale cannot take it (that would be a double payment: refund it instead). The
        sale completes now, on today's business day, as a QR sale with the payment's provider,
        invoice and reference; the payment is late no more, so it is neither attached nor
        refunded a second time.
        """
        payments = Payments(self._db)
        with transaction(self._db) as conn:
            attempt = payments.late_payment(invoice_number)
            sale = self.get(sale_id)
            refusal = self._attach_refusal(sale, attempt)
            if refusal is not None:
                raise StoreError(refusal)
            payments.take_late_payment(invoice_number, payload=payload, now=now)
            self._complete_by_qr(conn, sale, attempt, now, source=source, actor=actor)
        return self.get(sale_id)

    def attach_candidates(self, invoice_number: str, *, since: date, limit: int) -> list[Sale]:
        """The sales that could take this late payment: its own sale (whatever its age) first,
        then open or cancelled sales of ``since`` or later with exactly its amount, newest
        first."""
        attempt = Payments(self._db).late_payment(invoice_number)
        rows = self._db.execute(
            "SELECT id FROM sales WHERE status IN ('open', 'cancelled') AND total = ? "
            "AND (business_date >= ? OR id = ?) ORDER BY id = ? DESC, id DESC",
            [attempt.amount, since.isoformat(), attempt.sale_id, attempt.sale_id],
        )
        found: list[Sale] = []
        for (sale_id,) in rows:
            sale = self.get(sale_id)
            if self._attach_refusal(sale, attempt) is None:
                found.append(sale)
                if len(found) == limit:
                    break
        return found

    def _attach_refusal(self, sale: Sale, attempt: PaymentAttempt) -> str | None:
        """Why ``sale`` cannot take the late payment ``attempt``; None if it can."""
        invoice = attempt.invoice_number
        if sale.status not in (SaleStatus.OPEN, SaleStatus.CANCELLED):
            return (
                f"sale {sale.id} is {sale.status}: it was paid already, and payment {invoice} "
                "would pay it twice; refund the payment instead"
            )
        if attempt.amount != sale.total:
            return (
                f"payment {invoice} is for {format_rupiah(attempt.amount)} and sale {sale.id} "
                f"totals {format_rupiah(sale.total)}: only a sale of exactly that total can "
                "take it"
            )
        if sale.id != attempt.sale_id and self.get(attempt.sale_id).status is SaleStatus.OPEN:
            return (
                f"payment {invoice} was made for sale {attempt.sale_id}, which is still open: "
                "attach the payment to that sale"
            )
        for other in Payments(self._db).attempts_for_sale(sale.id):
            if other.state in OPEN_STATES:
                return (
                    f"sale {sale.id} still waits for payment {other.invoice_number} "
                    f"({other.state}); check its status or resolve it first"
                )
            if other.state is AttemptState.PAID and not other.late:
                return f"sale {sale.id} is paid by payment {other.invoice_number} already"
        refund = self._db.execute(
            "SELECT payout_id, invoice_number, sale_id FROM refunds "
            "WHERE status IN ('pending', 'paid') "
            "AND (invoice_number = ? OR (invoice_number IS NULL AND sale_id IN (?, ?))) "
            "ORDER BY id LIMIT 1",
            [invoice, attempt.sale_id, sale.id],
        ).fetchone()
        if refund is not None and refund[1] == invoice:
            return f"payment {invoice} is refunded, or being refunded, by payout {refund[0]}"
        if refund is not None:
            return (
                f"payout {refund[0]} refunds money of sale {refund[2]} without naming a payment; "
                f"attaching {invoice} would change what it paid back"
            )
        return None

    def _refuse_if_paid(self, sale: Sale) -> None:
        paying = Payments(self._db).paying_attempt(sale.id)
        if paying is not None:
            raise SalePaidAlready(
                f"sale {sale.id} is paid already: the customer paid "
                f"{format_rupiah(paying.received)} by QR (payment {paying.invoice_number}); "
                "complete the sale with that payment",
                invoice_number=paying.invoice_number,
            )

    def _complete_by_qr(
        self,
        conn: Connection,
        sale: Sale,
        attempt: PaymentAttempt,
        now: datetime,
        *,
        source: ChangeSource,
        actor: str = "",
    ) -> None:
        move(
            conn,
            SALES,
            sale.id,
            sale.status,
            SaleStatus.COMPLETED,
            source=source,
            actor=actor,
            now=now,
            columns={
                "completed_at": utc_text(now),
                "business_date": self._date(now),
                "tender": Tender.QR.value,
                "provider": attempt.provider.value,
                "payment_reference": attempt.reference,
                "invoice_number": attempt.invoice_number,
            },
        )

    def cancel(self, sale_id: int, *, now: datetime, reason: str = "") -> Sale:
        """Cancel an open sale and, with it, its open payment attempts (source ``cashier``).

        A sale whose payment already arrived cannot be cancelled: the money is in; complete it.
        A payment that arrives after this is recorded as a late payment on its attempt.
        """
        payments = Payments(self._db)
        with transaction(self._db) as conn:
            sale = self._open_sale(sale_id)
            paying = payments.paying_attempt(sale_id)
            if paying is not None:
                raise StoreError(
                    f"sale {sale_id} has a paid payment {paying.invoice_number}; "
                    "complete the sale instead of cancelling it"
                )
            for attempt in payments.attempts_for_sale(sale_id):
                if attempt.state in OPEN_STATES:
                    payments.transition(
                        attempt.invoice_number,
                        AttemptState.CANCELLED,
                        source="cashier",
                        payload={"reason": reason} if reason else {},
                        now=now,
                    )
            move(
                conn,
                SALES,
                sale_id,
                sale.status,
                SaleStatus.CANCELLED,
                source=ChangeSource.CASHIER,
                now=now,
            )
        return self.get(sale_id)

    def history(self, sale_id: int) -> list[StatusChange[SaleStatus]]:
        """Every change of the sale's status, oldest first (from its creation)."""
        return history(self._db, SALES, sale_id)

    def get(self, sale_id: int) -> Sale:
        row = self._db.execute(
            "SELECT id, created_at, business_date, status, cashier, terminal_id, total, "
            "completed_at, tender, provider, cash_received, change_due, payment_reference, "
            "invoice_number FROM sales WHERE id = ?",
            [sale_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"sale {sale_id} does not exist")
        lines = self._db.execute(
            "SELECT sku, name, unit_price, quantity FROM sale_lines WHERE sale_id = ? "
            "ORDER BY line_no",
            [sale_id],
        ).fetchall()
        return Sale(
            id=row[0],
            created_at=parse_utc(row[1]),
            business_date=date.fromisoformat(row[2]),
            status=SaleStatus(row[3]),
            cashier=row[4],
            terminal_id=row[5],
            total=row[6],
            lines=tuple(LineItem(*line) for line in lines),
            completed_at=optional_utc(row[7]),
            tender=Tender(row[8]) if row[8] else None,
            provider=ProviderName(row[9]) if row[9] else None,
            cash_received=row[10],
            change_due=row[11],
            payment_reference=row[12],
            invoice_number=row[13],
        )

    def _open_sale(self, sale_id: int) -> Sale:
        sale = self.get(sale_id)
        if sale.status is not SaleStatus.OPEN:
            raise StoreError(f"sale {sale_id} is {sale.status}, not open")
        return sale

    def _date(self, now: datetime) -> str:
        return self._day.date_of(now).isoformat()


def _check_line(line: LineItem) -> None:
    for name, value in (("unit price", line.unit_price), ("quantity", line.quantity)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"{line.sku}: {name} must be a whole number, got {value!r}")
    if not 1 <= line.quantity <= MAX_QUANTITY:
        raise ValidationError(
            f"{line.sku}: quantity must be between 1 and {MAX_QUANTITY}, got {line.quantity}"
        )
    check_amount(line.unit_price, field=f"{line.sku}: unit price")
