"""The amount DOKU refunded of a payment, as the manager read it from DOKU's back office.

DOKU refunds a non-card payment in full or in part, but its REFUNDED names no amount refunded
(``pos_app/payments/doku/notification.py``), so Kasir takes it as the whole payment and lists it
(:attr:`~pos_app.till.problem_payments.ProblemKind.REFUNDED`). The manager enters what DOKU's
back office shows; Kasir then records it as it records ecommpay's "partially refunded"
(:meth:`~pos_app.store.payments.Payments.record_refunded_amount`), and the row shows that
amount, settled as before: the items' return recorded as refunded outside Kasir, or a
resolution. Written with its audit entry in one transaction, for the row as the manager saw it.
"""

from datetime import datetime

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_
from pos_app.store.audit import AuditLog
from pos_app.store.database import transaction
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.payments import Payments
from pos_app.till.problem_payments import ProblemPayment, listed_as_seen

REFUNDED_AMOUNT = "payment.refunded_amount"
"""The audit action of a manager's figure of what DOKU refunded."""


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
