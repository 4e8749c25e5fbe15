"""A payout ecommpay paid and then reversed, when its payment ends ``decline``.

"If a payment system or a provider assigns the payout the success status but for some reason the
customer's account cannot be credited, a reversal of the payout is initiated ... by initiating
the payout reversal operation" (developers.ecommpay.com ``en_gate_payout_model.html``). The
platform's payout statuses are ``error``, ``processing``, ``awaiting clarification``, ``awaiting
retry``, ``partially_paid_out``, ``decline`` and ``success`` (developers.rocketpay.kz
``en_gate_payout_statuses.html``, the same platform's pages): no ``reversed``, so a reversed
payout can end ``decline``, its latest operation the successful ``reversal``. Read by its word
alone it was a decline after a success: a contradiction the till logs and ignores, the refund
left paid while the money was back with the shop and the customer still owed it.
"""

import pytest

from pos_app.payments.ecommpay.callback import verify_callback
from pos_app.payments.ecommpay.gate import GateClient
from pos_app.payments.ecommpay.payouts import EcommpayPayouts, payout_report
from pos_app.payments.model import PaymentStatus, PayoutOutcome
from tests.unit.test_ecommpay_gate import CALLBACK, PROJECT, SECRET, FakeGate
from tests.unit.test_ecommpay_split_payments import (  # noqa: F401
    fake,
    gate,
    operation,
    signed,
)
from tests.unit.test_provider_shapes_ecommpay import as_bytes


def payout_callback(word: str, last: tuple[str, str]) -> bytes:
    """A payout's callback: ``word`` for the payment, ``last`` (type, status) its operation."""
    kind, status = last
    payload = {
        "project_id": PROJECT,
        "payment": {
            "id": "RFD-1",
            "type": "payout",
            "status": word,
            "sum": {"amount": 500000, "currency": "IDR"},
        },
        "operation": operation(2, kind, status, 5_000),
    }
    return as_bytes(signed(payload))


@pytest.mark.parametrize("word", ["decline", "error", "external error", "internal error"])
def test_a_payout_ending_unpaid_after_its_successful_reversal_is_reversed(word: str) -> None:
    event = verify_callback(payout_callback(word, ("reversal", "success")), SECRET)

    assert event.status is PaymentStatus.REFUNDED
    report = payout_report("RFD-1", event.status, event.raw, amount=event.amount)
    assert (report.outcome, report.left) == (PayoutOutcome.REVERSED, None)


@pytest.mark.parametrize(
    "last", [("payout", "decline"), ("reversal", "decline"), ("reversal", "processing")]
)
def test_a_payout_declined_without_a_reversal_that_succeeded_stays_declined(
    last: tuple[str, str],
) -> None:
    event = verify_callback(payout_callback("decline", last), SECRET)
    assert event.status is PaymentStatus.DECLINED


def test_the_status_answer_of_a_reversed_payout_ending_in_decline_is_reversed(
    gate: GateClient,  # noqa: F811
    fake: FakeGate,  # noqa: F811
) -> None:
    payouts = EcommpayPayouts(gate, callback_url=CALLBACK, customer_ip="10.0.0.5")
    gate.payout(
        payment_id="RFD-1",
        amount=5_000,
        account_number="081234567890",
        customer_name="Ani",
        customer_id="walk-in",
        customer_ip="10.0.0.5",
        callback_url=CALLBACK,
    )
    fake.payments["RFD-1"]["status"] = "decline"
    fake.status_answer = lambda payment: signed(
        {
            "project_id": PROJECT,
            "payment": payment,
            "operations": [
                operation(1, "payout", "success", 5_000),
                operation(2, "reversal", "success", 5_000),
            ],
        }
    )

    assert payouts.check_payout("RFD-1").outcome is PayoutOutcome.REVERSED
