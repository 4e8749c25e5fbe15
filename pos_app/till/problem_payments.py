"""The manager's actions on a payment that needs one, as :mod:`pos_app.store.problem_payments`
lists it: resolve it with a reason, attach a late payment to a sale, take a contradicted payout as
reversed, enter what DOKU refunded.

A manager settles one with a reason. That is written where the payment's history is, as an event
from the terminal's side (source ``cashier``, the payload naming the manager and the reason), and
in the audit log, in one transaction. An open attempt is cancelled by it (a payment that still
comes is then a late payment); any other keeps its state. A payment that changes state after being
resolved (a late payment landing on a resolved decline) is listed again.

A refund paid after failing is resolved the same way, once the manager has seen whether the
customer got the money twice; as a refund has no payment events, only the audit log
(``refund.resolve``) records it. A reversed payout is resolved once the customer has the money
again (refunded again, as its money is refundable again): its reversal records who resolved it
and why, and the audit log has
``refund.resolve_reversal``. A contradicted payout is resolved once the manager has checked
ecommpay's dashboard (and, if the money came back, paid the customer again): the audit log has
``refund.resolve_contradicted``, after the provider's report it resolves (or, the money back,
it is taken as reversed and listed so: ``refund.take_reversed``). A wallet return not
paid back is settled by making it again at the counter, or resolved by a manager
(``return.resolve_unpaid``). Returns recorded as refunded outside Kasir beyond what the provider
refunded are resolved with the audit log only too (``payment.resolve_returned``, naming the
difference resolved): the payment itself is as the provider reports it.

A late payment may instead be attached to a sale that was not paid (its own, or another of the
same total that no late payment of its own pays: that one is the sale's): the sale completes
with it, the attempt's event says ``attached`` and names the sale, and the audit log has
``payment.attach``, all in one transaction. One attached before this database was restored from an
older backup is attached again as the relay's copy has it (:func:`attach_as_before_restore`).

A contradicted payout whose money the manager saw back in ecommpay's balance is taken as
reversed. Kasir never does so on its own, as a stray decline must not make the customer owed
twice; yet when a reversal's own report was lost, a sale refunded in full could not be refunded
again. It is recorded as a reversal ecommpay reported is
(:meth:`~pos_app.store.refunds.Refunds.record_reversal`): the customer owed it, its money (of one
reversed in part before, the rest still paid out) counted back on the day taken.

DOKU's REFUNDED names no amount, so Kasir takes it as the whole payment until the manager enters
what DOKU's back office shows (``payment.refunded_amount``), recorded as ecommpay's "partially
refunded" is (:meth:`~pos_app.store.payments.Payments.record_refunded_amount`). Both are written
with their audit entry in one transaction, for the row as the manager saw it.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import ChangeSource
from pos_app.domain.texts import N_
from pos_app.payments.model import LATE_PAYMENT_FROM, OPEN_STATES, AttemptState, PaymentStatus
from pos_app.store.audit import AuditLog
from pos_app.store.database import transaction, utc_text
from pos_app.store.errors import StoreError
from pos_app.store.payment_records import RESOLUTION, EventSource, PaymentAttempt
from pos_app.store.payments import Payments
from pos_app.store.problem_payments import (
    REFUND_KINDS,
    RESOLVED_AS,
    RETURNED_RESOLVED,
    ProblemKind,
    ProblemPayment,
    listed_as_seen,
    listed_now,
    no_longer_listed,
)
from pos_app.store.receipt_numbers import held_number
from pos_app.store.refunds import TAKEN_BACK, Refund, Refunds
from pos_app.store.sales import Sale, Sales

log = logging.getLogger(__name__)

ATTACHED = "attached"
"""The resolution of a late payment attached to a sale."""
BEFORE_RESTORE = "before restore"
"""Who attached a late payment the relay's copy shows attached (:func:`attach_as_before_restore`):
that copy does not say which manager did."""
MAX_REASON_LENGTH = 500
TAKEN_AS_REVERSED = "refund.take_reversed"
"""The audit action of a manager taking a contradicted payout as reversed."""
REFUNDED_AMOUNT = "payment.refunded_amount"
"""The audit action of a manager's figure of what DOKU refunded."""
OWED = frozenset(
    {
        ProblemKind.PAYOUT_REVERSED,
        ProblemKind.PAYOUT_CONTRADICTED,
        ProblemKind.RETURN_NOT_PAID,
        ProblemKind.REFUND_NOT_PAID,
    }
)
"""The refund problems whose customer is (or may be) owed money: not resolved while a refund of
the sale, which may be paying it, is on its way."""


def check_reason(
    reason: str, missing: str = N_("say why the payment is resolved (a reason is required)")
) -> str:
    """A manager's reason, stripped; none (``missing`` says so), or a very long one, is a
    ValidationError."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(missing)
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(N_("a reason is at most {most} characters"), most=MAX_REASON_LENGTH)
    return reason


def resolve(
    db: Database,
    invoice_number: str,
    *,
    reason: str,
    manager: str,
    now: datetime,
    kind: ProblemKind | None = None,
    seen: ProblemPayment | None = None,
    day: BusinessDay | None = None,
) -> None:
    """Record the manager's resolution of one problem payment (``invoice_number``: its invoice,
    or a refund's payout id), and audit it. ``kind``, the problem the manager saw: one that has
    become another meanwhile (a decline paid late, a payout paid after failing then reversed)
    is not resolved unseen but raises NotFound. ``seen``, that problem as the manager saw it
    (its kind taken as ``kind``): one that changed in any way since (a payout reversed further,
    a refund of it paid) raises NotFound too, as the reason was written for what it was.
    ``day``, the shop's day rule: an attempt's event is stamped no earlier than the close of the
    shop day it falls in (:class:`Payments`)."""
    reason = check_reason(reason)
    payload = {RESOLUTION: reason, "resolved_by": manager}
    payments = Payments(db, day)
    kind = seen.kind if seen is not None else kind
    with transaction(db):
        listed = listed_now(db, invoice_number, kind)
        if (kind is not None and listed is None) or seen not in (None, listed):
            raise no_longer_listed(invoice_number)
        if listed is not None and listed.kind in REFUND_KINDS:
            _resolve_refund(db, listed, reason=reason, manager=manager, now=now)
            return
        if listed is not None and listed.kind is ProblemKind.RETURNED_NOT_REFUNDED:
            AuditLog(db).record(manager, RETURNED_RESOLVED, _detail(listed, reason), now=now)
            return
        attempt = payments.find_attempt(invoice_number)
        if attempt is None or (listed is not None and listed.kind is ProblemKind.ORPHAN):
            # reports kept apart, also those of a known invoice that contradict its attempt
            state = payments.resolve_reports(invoice_number, payload=payload, now=now)
        else:
            _refuse_while_refunding(db, invoice_number)
            state = AttemptState.CANCELLED if attempt.state in OPEN_STATES else attempt.state
            payments.transition(
                invoice_number, state, source=EventSource.CASHIER, payload=payload, now=now
            )
        AuditLog(db).record(
            manager,
            "payment.resolve",
            {"invoice_number": invoice_number, "reason": reason, "state": str(state)},
            now=now,
        )


def _refuse_while_refunding(db: Database, invoice_number: str) -> None:
    """A payment with a refund naming it on its way is not settled another way meanwhile:
    should the refund pay, the customer would have the money twice; should it fail, the
    resolution would leave the money nowhere."""
    pending = db.execute(
        "SELECT payout_id FROM refunds WHERE invoice_number = ? AND status = 'pending'",
        [invoice_number],
    ).fetchone()
    if pending is not None:
        raise StoreError(
            N_(
                "refund {payout} of payment {invoice} is on its way: wait for its answer "
                "(Check status), then resolve what is left"
            ),
            payout=pending[0],
            invoice=invoice_number,
        )


def _refuse_while_repaying(db: Database, refund: ProblemPayment) -> None:
    """The customer of a reversed payout, of a return or a refund not paid back is owed its
    money (maybe, of a contradicted payout), which a refund of the sale on its way may be paying
    again: resolved meanwhile, should that payout fail, nothing would say the customer is owed
    it still."""
    pending = db.execute(
        "SELECT payout_id FROM refunds WHERE sale_id = ? AND status = 'pending' ORDER BY id",
        [refund.sale_id],
    ).fetchone()
    if pending is not None:
        raise StoreError(
            N_(
                "refund {payout} of sale {sale} is on its way: wait for its answer (Check "
                "status), then resolve {problem}"
            ),
            payout=pending[0],
            sale=refund.sale_id,
            problem=refund.invoice_number,
        )


def _resolve_refund(
    db: Database, refund: ProblemPayment, *, reason: str, manager: str, now: datetime
) -> None:
    if refund.kind in OWED:
        _refuse_while_repaying(db, refund)
    if refund.kind is ProblemKind.PAYOUT_REVERSED:
        db.execute(
            "UPDATE payout_reversals SET resolved_at = ?, resolved_by = ?, resolution = ? "
            "WHERE refund_id = (SELECT id FROM refunds WHERE payout_id = ?)",
            [utc_text(now), manager, reason, refund.invoice_number],
        )
    AuditLog(db).record(manager, RESOLVED_AS[refund.kind], _detail(refund, reason), now=now)


def attach(
    db: Database,
    invoice_number: str,
    sale_id: int,
    *,
    manager: str,
    day: BusinessDay,
    now: datetime,
    source: ChangeSource = ChangeSource.MANAGER,
) -> Sale:
    """Complete ``sale_id`` with the late payment ``invoice_number``, and audit it.

    ``manager`` names who did it; ``source`` says in which role (the cashier's F11 on their own
    sale, or a manager in the back office), for the sale's history. The store checks it all in
    the writing transaction (:meth:`Sales.attach_late_payment`): a cashier takes only the
    payment's own sale, and no sale is paid twice.
    """
    payload = {RESOLUTION: ATTACHED, "sale_id": sale_id, "resolved_by": manager}
    with transaction(db):
        sale = Sales(db, day).attach_late_payment(
            sale_id, invoice_number, payload=payload, now=now, actor=manager, source=source
        )
        AuditLog(db).record(
            manager,
            "payment.attach",
            {
                "invoice_number": invoice_number,
                "sale_id": sale_id,
                "amount": sale.total,
                "business_date": sale.business_date.isoformat(),
            },
            now=now,
        )
    return sale


@dataclass(frozen=True, slots=True)
class CopiedPayment:
    """A QR payment as the relay's copy of this till's days holds it (its payments file)."""

    paid_at: datetime
    """When the till first recorded it paid."""
    paid_amount: int
    currency: str
    reference: str | None


@dataclass(frozen=True, slots=True)
class CopiedSale:
    """A QR sale as the relay's copy of one of this till's days holds it."""

    invoice_number: str
    receipt_number: str
    sale_id: int
    """Its id in the database that uploaded the copy."""
    completed_at: datetime
    paid: CopiedPayment | None = None
    """The payment that completed it, if the copy of the day it was paid was read."""


def attach_as_before_restore(
    db: Database, terminal_id: str, sales: Iterable[CopiedSale], *, day: BusinessDay
) -> None:
    """In the caller's transaction, attach again each late payment that completed one of
    ``sales`` in the relay's copy: a manager attached it after the backup this database was
    restored from. Listed as late it would be refunded, and the customer, gone with the goods,
    would have them for nothing.

    Attached to its own sale, which this database holds, the sale completes again as the copy
    has it: at the moment it did, under the receipt number and on the day the copy gives it
    (:func:`~pos_app.store.receipt_numbers.held_number`), so the customer's receipt finds it
    for a return or a refund, and the takings of that day count it as the shop's file does
    (which holds it once: the relay tells the rows apart by invoice). Attached to another sale
    (whose id this database may have given another since), or when that number or day can no
    longer be given, the payment is taken without completing a sale: late no more, so neither
    refunded nor attached again, and the sale it paid is in the relay's copy only, like the
    sales made since the backup.

    A payment that came after the backup is recorded paid first, as the copy has it (when,
    how much, the provider's reference): the relay hands it again only after this read, and
    landing then on its given-up attempt it would be late again."""
    payments = Payments(db, day)
    for sale in sales:
        attempt = payments.find_attempt(sale.invoice_number)
        if attempt is not None and sale.paid is not None and attempt.state in LATE_PAYMENT_FROM:
            payments.record_status(
                sale.invoice_number,
                PaymentStatus.PAID,
                source=EventSource.SYSTEM,
                payload={"paid_before_restore": sale.receipt_number},
                now=sale.paid.paid_at,
                reference=sale.paid.reference,
                amount=sale.paid.paid_amount,
                currency=sale.paid.currency,
            )
            attempt = payments.find_attempt(sale.invoice_number)
        if attempt is None or not attempt.late or attempt.state is not AttemptState.PAID:
            continue
        held = held_number(db.conn, terminal_id, sale.invoice_number)
        if sale.sale_id == attempt.sale_id and held is not None and held[1] == sale.receipt_number:
            try:
                attach(
                    db,
                    sale.invoice_number,
                    sale.sale_id,
                    manager=BEFORE_RESTORE,
                    day=day,
                    now=sale.completed_at,
                    source=ChangeSource.SYSTEM,
                )
                continue
            except StoreError as exc:
                log.warning(
                    "late payment %s attached again to no sale: %s", sale.invoice_number, exc
                )
        payload = {
            RESOLUTION: ATTACHED,
            "receipt_number": sale.receipt_number,
            "resolved_by": BEFORE_RESTORE,
        }
        try:
            payments.take_late_payment(sale.invoice_number, payload=payload, now=sale.completed_at)
        except StoreError as exc:
            log.warning(
                "late payment %s, attached to %s before the restore, is left to the manager: %s",
                sale.invoice_number,
                sale.receipt_number,
                exc,
            )


def take_as_reversed(
    db: Database,
    seen: ProblemPayment,
    *,
    reason: str,
    manager: str,
    day: BusinessDay,
    now: datetime,
) -> Refund:
    """Record a whole reversal of the contradicted payout ``seen`` lists, and audit it with
    ``manager``'s name, ``reason`` (required) and the amount it counted back, what the row says
    is still paid out (nothing of one reversed before reversals brought money back: a manager
    settled that one another way, :data:`TAKEN_BACK`). Any other problem
    is a ValidationError; a payout that changed since the manager saw it (reversed, further too,
    resolved, contradicted again) raises NotFound, and nothing is written."""
    if seen.kind is not ProblemKind.PAYOUT_CONTRADICTED:
        raise ValidationError(N_("only a contradicted payout is taken as reversed"))
    reason = check_reason(
        reason, N_("say why the payout is taken as reversed (a reason is required)")
    )
    with transaction(db):
        listed_as_seen(db, seen)
        refund = Refunds(db, day).record_reversal(
            seen.invoice_number,
            report={"taken_as_reversed_by": manager, "reason": reason},
            now=now,
        )
        counted_back = _taken_back(db, refund.id) - seen.brought_back
        AuditLog(db).record(
            manager, TAKEN_AS_REVERSED, _detail(seen, reason, amount=counted_back), now=now
        )
    return refund


def _taken_back(db: Database, refund_id: int) -> int:
    """What of the payout no longer counts as paid out (:data:`TAKEN_BACK`), as the row says."""
    row = db.execute(f"SELECT {TAKEN_BACK} FROM refunds r WHERE r.id = ?", [refund_id]).fetchone()
    return int(row[0])


def record_refunded_amount(
    db: Database,
    seen: ProblemPayment,
    refunded: int,
    *,
    manager: str,
    day: BusinessDay,
    now: datetime,
) -> PaymentAttempt:
    """Record that DOKU refunded ``refunded`` rupiah of the payment ``seen`` lists (a DOKU
    payment refunded at the provider, or one whose figure is less than its returns recorded
    outside Kasir: :attr:`ProblemPayment.refund_figure`), and audit it with ``manager``'s name.
    Any other problem is a ValidationError; one that changed since the manager saw it raises
    NotFound; an amount of 0 or more than was paid is a ValidationError, and nothing is
    written."""
    before = seen.refund_figure
    if before is None:
        raise ValidationError(
            N_("only a payment DOKU reports refunded takes the amount DOKU refunded")
        )
    with transaction(db):
        listed_as_seen(db, seen)
        attempt = Payments(db, day).record_refunded_amount(
            seen.invoice_number,
            refunded,
            payload={"refunded_amount": refunded, "entered_by": manager},
            now=now,
        )
        AuditLog(db).record(
            manager,
            REFUNDED_AMOUNT,
            {
                "invoice_number": seen.invoice_number,
                "sale_id": seen.sale_id,
                "refunded": refunded,
                "before": before,
                "paid": attempt.received,
            },
            now=now,
        )
    return attempt


def _detail(
    problem: ProblemPayment, reason: str, *, amount: int | None = None
) -> dict[str, object]:
    """The audit detail of a manager's action on ``problem``, named by payout id if it is a
    refund's (as the listing reads it back), else by invoice; ``amount``, if not the row's."""
    number = "payout_id" if problem.kind in REFUND_KINDS else "invoice_number"
    return {
        number: problem.invoice_number,
        "sale_id": problem.sale_id,
        "amount": problem.amount if amount is None else amount,
        "reason": reason,
    }
