"""Sales and their lines: created open, then completed (cash or a paid QR attempt) or cancelled.
A manager may still complete an open or cancelled sale with a late payment.

Every change of a sale's status goes through :func:`pos_app.store.history.move`, which checks it
against :data:`~pos_app.domain.lifecycles.SALE_LIFECYCLE` and writes it to ``sale_history``.

A sale's business date is set when it is created and again when it completes: a sale belongs to
the shop day its money was taken on (for a late payment: the day it was attached), and never to a
day already closed (``store/open_day.py``); a sale of a closed day cancelled later moves on too.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from sqlite3 import Connection
from typing import Any

from sqlite_utils import Database

from pos_app.domain.basket import MAX_QUANTITY, LineItem, check_gross
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.discounts import Discount, stored_discount
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import ChangeSource, SaleStatus
from pos_app.domain.money import check_amount, format_rupiah
from pos_app.domain.pricing import PricedLine, PricedSale, price_sale
from pos_app.domain.tax import NO_TAX, TaxClass, TaxPolicy
from pos_app.domain.texts import N_, Text
from pos_app.payments.model import OPEN_STATES, AttemptState, ProviderName
from pos_app.store.database import optional_utc, parse_utc, transaction, utc_text
from pos_app.store.errors import NotFound, SalePaidAlready, StoreError
from pos_app.store.history import SALES, StatusChange, history, move
from pos_app.store.open_day import after_day_closed, first_open_day, open_business_date
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.payments import Payments
from pos_app.store.receipt_numbers import held_number, next_receipt_number
from pos_app.store.shifts import after_shift_closed


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
    receipt_number: str | None = None
    """Given when the sale completes (``store/receipt_numbers.py``); a cancelled sale has none."""
    discount: Discount | None = None
    """The basket's discount as the cashier gave it."""
    line_prices: tuple[PricedLine, ...] = ()
    """Each line's discounts, DPP, PPN and amount as computed when the sale was made."""
    discount_approved_by: str | None = None
    """The manager who approved a discount above the shop's limit."""
    tax_included: bool = True
    """Whether the prices were entered with PPN in them."""

    @property
    def priced(self) -> PricedSale:
        """The sale's discounts and PPN; a sale built without them (a test's) has neither."""
        lines = self.line_prices or tuple(
            PricedLine(line, 0, 0, None, None, 0, line.line_total) for line in self.lines
        )
        return PricedSale(lines, self.discount, self.tax_included)


INSERT_SALE_LINE = (
    "INSERT INTO sale_lines (sale_id, line_no, sku, name, unit_price, quantity, line_total, "
    "discount_rule, discount, basket_discount, tax_class, tax_rate, dpp, ppn, ppn_included, "
    "labelled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def sale_line_rows(sale_id: int, priced: PricedSale) -> list[tuple[object, ...]]:
    """The ``sale_lines`` rows of a priced sale, for :data:`INSERT_SALE_LINE` (also demo data's
    bulk writer, so its rows stay the repository's)."""
    return [
        (
            sale_id,
            no,
            line.item.sku,
            line.item.name,
            line.item.unit_price,
            line.item.quantity,
            line.item.line_total,
            line.item.discount.stored() if line.item.discount else "",
            line.discount,
            line.basket_discount,
            line.item.tax_class.value,
            line.tax_rate,
            line.dpp,
            line.ppn,
            int(priced.tax_included),
            int(line.item.labelled),
        )
        for no, line in enumerate(priced.lines, start=1)
    ]


class Sales:
    def __init__(self, db: Database, day: BusinessDay | None = None) -> None:
        self._db = db
        self._day = day or BusinessDay()

    def create_sale(
        self,
        lines: Sequence[LineItem],
        *,
        cashier: str,
        terminal_id: str,
        now: datetime,
        discount: Discount | None = None,
        tax: TaxPolicy = NO_TAX,
        approved_by: str | None = None,
    ) -> int:
        """Write an open sale and its lines together; the total is computed here, from the lines,
        their discounts and ``discount`` (the basket's), with PPN as ``tax`` says on the sale's
        business day (domain/pricing.py); each line keeps its figures."""
        if not lines:
            raise ValidationError(N_("a sale needs at least one line"))
        for line in lines:
            _check_line(line)
        check_gross(sum(line.line_total for line in lines))
        if not cashier.strip():
            raise ValidationError(N_("a sale needs the cashier's name"))
        stamp = utc_text(now)
        with transaction(self._db) as conn:
            day = self._date(now)
            priced = price_sale(lines, discount=discount, tax=tax, day=date.fromisoformat(day))
            total = check_amount(priced.total, field=Text(N_("sale total")))
            sale_id = conn.execute(
                "INSERT INTO sales (created_at, business_date, status, cashier, terminal_id, total,"
                " discount_rule, discount_approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    stamp,
                    day,
                    SaleStatus.OPEN.value,
                    cashier,
                    terminal_id,
                    total,
                    discount.stored() if discount else "",
                    approved_by,
                ],
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
            conn.executemany(INSERT_SALE_LINE, sale_line_rows(sale_id, priced))
        return sale_id

    def complete_cash(
        self, sale_id: int, received: int, now: datetime, *, cashier: str | None = None
    ) -> Sale:
        """Cash in hand: at least the total; the change is recorded with the sale.

        ``cashier`` took the money (None: who rang the sale up): the sale becomes theirs, so the
        cash counts in their shift, whose drawer holds it, and their name is on the receipt.

        Refused, in the transaction that would complete the sale, while a payment pays it
        already: the customer would pay twice. A sale whose moment came before its cashier's
        shift closed, but which is written after the close, is moved to the close
        (:func:`after_shift_closed`); so is one before a day's close (:func:`after_day_closed`).
        """
        with transaction(self._db) as conn:
            sale = self._open_sale(sale_id)
            self._refuse_if_paid(sale)
            now = after_day_closed(
                self._db,
                self._day,
                after_shift_closed(conn, cashier or sale.cashier, sale.terminal_id, now),
            )
            check_amount(received, field=Text(N_("cash received")))
            if received < sale.total:
                raise ValidationError(
                    N_("cash received {received} is less than the total {total}"),
                    received=format_rupiah(received),
                    total=format_rupiah(sale.total),
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
                    **self._numbered_day(conn, sale, now),
                    "tender": Tender.CASH.value,
                    "cash_received": received,
                    "change_due": received - sale.total,
                    "cashier": cashier or sale.cashier,
                },
            )
        return self.get(sale_id)

    def complete_with_payment(self, sale_id: int, invoice_number: str, now: datetime) -> Sale:
        """Complete by the paid attempt ``invoice_number``: this sale's, for the sale's total."""
        with transaction(self._db) as conn:
            sale = self._open_sale(sale_id)
            attempt = self._own_attempt(sale_id, invoice_number)
            if attempt.state is not AttemptState.PAID:
                raise StoreError(
                    N_("payment {invoice} is {state}, not paid"),
                    invoice=invoice_number,
                    state=attempt.state,
                )
            if attempt.late:
                raise StoreError(
                    N_(
                        "payment {invoice} is kept apart for the manager (late, or for another "
                        "amount): it completes no sale by itself"
                    ),
                    invoice=invoice_number,
                )
            if attempt.amount != sale.total:
                raise StoreError(
                    N_("payment {invoice} is for {amount}, the sale total is {total}"),
                    invoice=invoice_number,
                    amount=format_rupiah(attempt.amount),
                    total=format_rupiah(sale.total),
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
        customer), its total is the payment's amount, and nothing else pays it or is waited on
        (:meth:`_attach_refusal`); a paid sale cannot take it (that would be a double payment:
        refund it instead). A cashier (``source`` ``cashier``: the counter's one key) completes
        only the payment's own sale; moving a payment to another sale is a manager's decision.
        The sale completes now, on today's business day, as a QR sale with the payment's
        provider, invoice and reference; the payment is late no more, so it is neither attached
        nor refunded a second time. A refund of the payment that failed or was declined goes
        with it to this sale: paid after failing, it gives back this sale's money.
        """
        payments = Payments(self._db, self._day)
        with transaction(self._db) as conn:
            if source is ChangeSource.CASHIER:
                self._own_attempt(sale_id, invoice_number)
            attempt = payments.late_payment(invoice_number)
            sale = self.get(sale_id)
            refusal = self._attach_refusal(sale, attempt)
            if refusal is not None:
                raise StoreError(refusal)
            payments.take_late_payment(invoice_number, payload=payload, now=now)
            self._complete_by_qr(conn, sale, attempt, now, source=source, actor=actor)
            conn.execute(  # late_payment refused the payment while one is pending or paid
                "UPDATE refunds SET sale_id = ? WHERE invoice_number = ? AND sale_id <> ?",
                [sale_id, invoice_number, sale_id],
            )
        return self.get(sale_id)

    def attach_candidates(self, invoice_number: str, *, since: date, limit: int) -> list[Sale]:
        """The sales that could take this late payment: its own sale (whatever its age) first,
        then open or cancelled sales of ``since`` or later with exactly its amount, newest
        first, each as :meth:`attach_late_payment` would take it."""
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

    def _attach_refusal(self, sale: Sale, attempt: PaymentAttempt) -> Text | None:
        """Why ``sale`` cannot take the late payment ``attempt``; None if it can.

        A payment of another sale is taken only when cash could be (no payment of its own pays
        the sale, :meth:`Payments.paying_attempt`): a customer who paid late for this sale has
        the sale, the other payment goes back or to its own sale. Of two late payments of the
        sale itself either may complete it; the other stays listed, to refund."""
        invoice = attempt.invoice_number
        if sale.status not in (SaleStatus.OPEN, SaleStatus.CANCELLED):
            return Text(
                N_(
                    "sale {sale} is {status}: it was paid already, and payment {invoice} would "
                    "pay it twice; refund the payment instead"
                ),
                sale=sale.id,
                status=sale.status,
                invoice=invoice,
            )
        if attempt.amount != sale.total:
            return Text(
                N_(
                    "payment {invoice} is for {amount} and sale {sale} totals {total}: only a "
                    "sale of exactly that total can take it"
                ),
                invoice=invoice,
                amount=format_rupiah(attempt.amount),
                sale=sale.id,
                total=format_rupiah(sale.total),
            )
        if sale.id != attempt.sale_id and self.get(attempt.sale_id).status is SaleStatus.OPEN:
            return Text(
                N_(
                    "payment {invoice} was made for sale {sale}, which is still open: attach "
                    "the payment to that sale"
                ),
                invoice=invoice,
                sale=attempt.sale_id,
            )
        for other in Payments(self._db).attempts_for_sale(sale.id):
            if other.state in OPEN_STATES:
                return Text(
                    N_(
                        "sale {sale} still waits for payment {invoice} ({state}); check its "
                        "status or resolve it first"
                    ),
                    sale=sale.id,
                    invoice=other.invoice_number,
                    state=other.state,
                )
            if other.state is AttemptState.PAID and not other.late:
                return Text(
                    N_("sale {sale} is paid by payment {invoice} already"),
                    sale=sale.id,
                    invoice=other.invoice_number,
                )
        own = Payments(self._db).paying_attempt(sale.id) if sale.id != attempt.sale_id else None
        if own is not None:
            return Text(
                N_(
                    "sale {sale} has its own late payment {own} waiting: attach that one to it; "
                    "payment {invoice} would pay the sale twice"
                ),
                sale=sale.id,
                own=own.invoice_number,
                invoice=invoice,
            )
        refund = self._db.execute(
            "SELECT payout_id, sale_id FROM refunds WHERE status IN ('pending', 'paid') "
            "AND invoice_number IS NULL AND sale_id IN (?, ?) ORDER BY id LIMIT 1",
            [attempt.sale_id, sale.id],
        ).fetchone()
        if refund is not None:
            return Text(
                N_(
                    "payout {payout} refunds money of sale {sale} without naming a payment; "
                    "attaching {invoice} would change what it paid back"
                ),
                payout=refund[0],
                sale=refund[1],
                invoice=invoice,
            )
        return None

    def _refuse_if_paid(self, sale: Sale) -> None:
        paying = Payments(self._db).paying_attempt(sale.id)
        if paying is not None:
            raise SalePaidAlready(
                N_(
                    "sale {sale} is paid already: the customer paid {amount} by QR (payment "
                    "{invoice_number}); complete the sale with that payment"
                ),
                sale=sale.id,
                amount=format_rupiah(paying.received),
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
        """Complete ``sale`` by its paid ``attempt``, at ``now`` or after a day close it falls
        before (:func:`after_day_closed`), as its payment's events are."""
        now = after_day_closed(self._db, self._day, now)
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
                **self._numbered_day(conn, sale, now, paid_by=attempt),
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
        payments = Payments(self._db, self._day)
        with transaction(self._db) as conn:
            sale = self._open_sale(sale_id)
            paying = payments.paying_attempt(sale_id)
            if paying is not None:
                raise StoreError(
                    N_(
                        "sale {sale} has a paid payment {invoice}; complete the sale instead of "
                        "cancelling it"
                    ),
                    sale=sale_id,
                    invoice=paying.invoice_number,
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
                columns={"business_date": first_open_day(self._db, sale.business_date).isoformat()},
            )
        return self.get(sale_id)

    def last_completed(self, terminal_id: str) -> Sale | None:
        """The sale this terminal completed last: the receipt F8 prints again, after a restart
        too."""
        row = self._db.execute(
            "SELECT id FROM sales WHERE terminal_id = ? AND status = 'completed' "
            "ORDER BY completed_at DESC, id DESC LIMIT 1",
            [terminal_id],
        ).fetchone()
        return None if row is None else self.get(row[0])

    def history(self, sale_id: int) -> list[StatusChange[SaleStatus]]:
        """Every change of the sale's status, oldest first (from its creation)."""
        return history(self._db, SALES, sale_id)

    def get(self, sale_id: int) -> Sale:
        row = self._db.execute(
            "SELECT id, created_at, business_date, status, cashier, terminal_id, total, "
            "completed_at, tender, provider, cash_received, change_due, payment_reference, "
            "invoice_number, receipt_number, discount_rule, discount_approved_by FROM sales "
            "WHERE id = ?",
            [sale_id],
        ).fetchone()
        if row is None:
            raise NotFound(N_("sale {sale} does not exist"), sale=sale_id)
        line_rows = self._db.execute(
            "SELECT sku, name, unit_price, quantity, tax_class, discount_rule, discount, "
            "basket_discount, tax_rate, dpp, ppn, amount, ppn_included, labelled FROM sale_lines "
            "WHERE sale_id = ? ORDER BY line_no",
            [sale_id],
        ).fetchall()
        line_prices = tuple(
            PricedLine(
                LineItem(
                    sku,
                    name,
                    price,
                    quantity,
                    TaxClass(tax_class or TaxClass.STANDARD),
                    stored_discount(rule),
                    bool(labelled),
                ),
                discount - basket_discount,
                basket_discount,
                rate,
                dpp,
                ppn,
                amount,
            )
            for (
                sku,
                name,
                price,
                quantity,
                tax_class,
                rule,
                discount,
                basket_discount,
                rate,
                dpp,
                ppn,
                amount,
                _,
                labelled,
            ) in line_rows
        )
        return Sale(
            id=row[0],
            created_at=parse_utc(row[1]),
            business_date=date.fromisoformat(row[2]),
            status=SaleStatus(row[3]),
            cashier=row[4],
            terminal_id=row[5],
            total=row[6],
            lines=tuple(line.item for line in line_prices),
            completed_at=optional_utc(row[7]),
            tender=Tender(row[8]) if row[8] else None,
            provider=ProviderName(row[9]) if row[9] else None,
            cash_received=row[10],
            change_due=row[11],
            payment_reference=row[12],
            invoice_number=row[13],
            receipt_number=row[14],
            discount=stored_discount(row[15]),
            line_prices=line_prices,
            discount_approved_by=row[16],
            tax_included=not line_rows or bool(line_rows[0][12]),
        )

    def _own_attempt(self, sale_id: int, invoice_number: str) -> PaymentAttempt:
        """The attempt ``invoice_number``, refused unless it was made for ``sale_id``: the
        counter completes a sale with its own payment only, never with another customer's."""
        attempt = Payments(self._db).get_attempt(invoice_number)
        if attempt.sale_id != sale_id:
            raise StoreError(
                N_("payment {invoice} belongs to sale {sale}"),
                invoice=invoice_number,
                sale=attempt.sale_id,
            )
        return attempt

    def _open_sale(self, sale_id: int) -> Sale:
        sale = self.get(sale_id)
        if sale.status is not SaleStatus.OPEN:
            raise StoreError(
                N_("sale {sale} is {status}, not open"), sale=sale_id, status=sale.status
            )
        return sale

    def _numbered_day(
        self, conn: Connection, sale: Sale, now: datetime, paid_by: PaymentAttempt | None = None
    ) -> dict[str, str]:
        """The business day a sale completing now goes to, and its receipt number there. A
        sale's own payment ``paid_by`` may have completed it before this database was restored
        from a backup: then it takes the day and number the relay's files give it
        (:func:`held_number`), which the customer's receipt shows."""
        held = (
            held_number(conn, sale.terminal_id, paid_by.invoice_number)
            if paid_by is not None and paid_by.sale_id == sale.id
            else None
        )
        if held is None:
            day = open_business_date(self._db, self._day, now)
            held = day, next_receipt_number(conn, sale.terminal_id, day)
        return {"business_date": held[0].isoformat(), "receipt_number": held[1]}

    def _date(self, now: datetime) -> str:
        return open_business_date(self._db, self._day, now).isoformat()


def _check_line(line: LineItem) -> None:
    for name, value in (("unit price", line.unit_price), ("quantity", line.quantity)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(
                N_("{sku}: {name} must be a whole number, got {value}"),
                sku=line.sku,
                name=name,
                value=repr(value),
            )
    if not 1 <= line.quantity <= MAX_QUANTITY:
        raise ValidationError(
            N_("{sku}: quantity must be between 1 and {most}, got {quantity}"),
            sku=line.sku,
            most=MAX_QUANTITY,
            quantity=line.quantity,
        )
    check_amount(line.unit_price, field=Text(N_("{sku}: unit price"), sku=line.sku))
