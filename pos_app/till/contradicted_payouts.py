"""A contradicted payout the manager takes as reversed, having seen its money back in ecommpay.

ecommpay reported a paid payout declined or failed later, with no reversal said
(:attr:`~pos_app.till.problem_payments.ProblemKind.PAYOUT_CONTRADICTED`). Kasir never takes that
as reversed on its own: a stray decline must not make the customer owed twice. Yet when the
reversal's own report was lost, the money is back in the shop's balance while Kasir counts the
customer paid, and a sale refunded in full cannot be refunded again. Once the manager has seen
in ecommpay's dashboard that the payout returned to the balance, Kasir records a whole reversal
of it, as a reversal ecommpay reported is recorded
(:meth:`~pos_app.store.refunds.Refunds.record_reversal`): listed as reversed with the customer
still owed it, its money counted back on the day taken: of a payout reversed in part before,
the rest still paid out (:attr:`ProblemPayment.still_paid_out`), as what came back before is
counted, and owed, already. Written with its audit entry, naming the manager, why and what it
counted back, in one transaction, for the row as the manager saw it.
"""

from datetime import datetime

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_
from pos_app.store.audit import AuditLog
from pos_app.store.database import transaction
from pos_app.store.payments import BROUGHT_BACK
from pos_app.store.refunds import Refund, Refunds
from pos_app.till.problem_payments import (
    ProblemKind,
    ProblemPayment,
    check_reason,
    listed_as_seen,
)

TAKEN_AS_REVERSED = "refund.take_reversed"
"""The audit action of a manager taking a contradicted payout as reversed."""


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
    ``manager``'s name, ``reason`` (required) and the amount it counted back. Any other problem
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
        AuditLog(db).record(
            manager,
            TAKEN_AS_REVERSED,
            {
                "payout_id": seen.invoice_number,
                "sale_id": seen.sale_id,
                "amount": _brought_back(db, refund.id) - seen.brought_back,
                "reason": reason,
            },
            now=now,
        )
    return refund


def _brought_back(db: Database, refund_id: int) -> int:
    """What reversals brought back of the payout so far."""
    row = db.execute(f"SELECT {BROUGHT_BACK} FROM refunds r WHERE r.id = ?", [refund_id]).fetchone()
    return int(row[0])
