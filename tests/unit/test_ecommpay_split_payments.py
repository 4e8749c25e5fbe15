"""How much moved when ecommpay says a payment was paid (or paid out) only in part.

ecommpay splits a payment its provider cannot take whole into several operations, one callback
each; the payment ends ``partially paid`` (a purchase) or ``partially paid out`` (a payout) when
some of them failed, ``payment.sum`` still naming the whole amount asked
(developers.ecommpay.com ``en_Gate_split_payment.html``, ``en_PP_split_payment.html``; "any
further attempts to make the payout, including cases when the payout amount is split, result in
multiple operations generated within a single payment", ``en_gate_payout_model.html``). What
moved is the successful operations of the payment's own kind, never a declined one, and never
the whole sum asked. ecommpay's platform documentation also spells the payout word
``partially_paid_out`` (developers.rocketpay.kz ``en_gate_payout_statuses.html``, the same
platform's pages).
"""

from collections.abc import Callable
from typing import Any

import pytest

from pos_app.payments.ecommpay.callback import read_payment, verify_callback
from pos_app.payments.ecommpay.gate import GateClient
from pos_app.payments.ecommpay.payouts import EcommpayPayouts
from pos_app.payments.ecommpay.signing import ecommpay_signature
from pos_app.payments.ecommpay.statuses import is_known_status, is_paid_in_part, payment_status
from pos_app.payments.model import NO_CURRENCY, PaymentStatus, PayoutOutcome
from tests.unit.test_ecommpay_gate import (  # noqa: F401
    CALLBACK,
    PROJECT,
    SECRET,
    FakeGate,
    fake,
    gate,
)
from tests.unit.test_provider_shapes_ecommpay import as_bytes


def operation(number: int, kind: str, status: str, rupiah: int) -> dict[str, Any]:
    """One operation of a split payment, ``sum_initial`` its part in minor units."""
    money = {"amount": rupiah * 100, "currency": "IDR"}
    return {
        "id": 6085000009000 + number,
        "type": kind,
        "status": status,
        "request_id": f"req-{number}",
        "sum_initial": money,
        "sum_converted": money,
        "provider": {"id": 1162, "payment_id": f"DK-{number}"},
    }


def signed(payload: dict[str, Any]) -> dict[str, Any]:
    return {**payload, "signature": ecommpay_signature(payload, SECRET)}


def answer_with(
    parts: list[tuple[str, int]], kind: str
) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A signed status answer naming ``parts`` (status, rupiah) as the payment's operations,
    oldest first."""
    own = "payout" if kind == "payout" else "sale"

    def answer(payment: dict[str, Any]) -> dict[str, Any]:
        operations = [
            operation(number, own, word, rupiah)
            for number, (word, rupiah) in enumerate(parts, start=1)
        ]
        return signed({"project_id": PROJECT, "payment": payment, "operations": operations})

    return answer


def test_a_payout_status_answer_paid_out_in_part_names_the_part_not_the_sum_asked(
    gate: GateClient,  # noqa: F811
    fake: FakeGate,  # noqa: F811
) -> None:
    """Read with no operation of its own (only ``sale`` was looked for), the answer was paid
    for the whole 15,000 asked: the refund settled paid in full, the customer 5,000 short."""
    payouts = EcommpayPayouts(gate, callback_url=CALLBACK, customer_ip="10.0.0.5")
    payouts.gate.payout(
        payment_id="RFD-1",
        amount=15_000,
        account_number="081234567890",
        customer_name="Ani",
        customer_id="walk-in",
        customer_ip="10.0.0.5",
        callback_url=CALLBACK,
    )
    fake.payments["RFD-1"]["status"] = "partially paid out"
    fake.status_answer = answer_with([("success", 10_000), ("decline", 5_000)], "payout")

    report = payouts.check_payout("RFD-1")

    assert (report.outcome, report.amount, report.currency) == (PayoutOutcome.PAID, 10_000, "IDR")


def test_a_purchase_status_answer_paid_in_part_adds_up_its_successful_sales(
    gate: GateClient,  # noqa: F811
    fake: FakeGate,  # noqa: F811
) -> None:
    """Only the latest ``sale`` was read: the declined 4,000 was taken as what came in."""
    gate.sale(
        payment_id="INV-1",
        amount=14_000,
        customer_id="walk-in",
        customer_ip="10.0.0.5",
        first_name=None,
        email=None,
        callback_url=CALLBACK,
    )
    fake.payments["INV-1"]["status"] = "partially paid"
    parts = [("success", 6_000), ("success", 4_000), ("decline", 4_000)]
    fake.status_answer = answer_with(parts, "purchase")

    result = gate.status("INV-1")

    assert (result.status, result.amount, result.currency) == (PaymentStatus.PAID, 10_000, "IDR")


def callback(word: str, kind: str, last: tuple[str, int], asked: int) -> bytes:
    """The final callback of a split payment: ``payment.sum`` the sum asked, the operation the
    last one processed."""
    own = "payout" if kind == "payout" else "sale"
    payload = {
        "project_id": PROJECT,
        "payment": {
            "id": "PAY-1",
            "type": kind,
            "status": word,
            "sum": {"amount": asked * 100, "currency": "IDR"},
        },
        "operation": operation(2, own, *last),
    }
    return as_bytes(signed(payload))


@pytest.mark.parametrize(
    ("word", "kind"), [("partially paid out", "payout"), ("partially paid", "purchase")]
)
def test_a_callback_about_the_declined_part_does_not_say_what_moved(word: str, kind: str) -> None:
    """The declined 5,000 was read as the part that moved (the least of it and the 15,000
    asked): a payout that paid 10,000 recorded as paying 5,000, or a purchase kept for 5,000.
    Such a callback is news without money; the status answer lists every operation."""
    event = verify_callback(callback(word, kind, ("decline", 5_000), 15_000), SECRET)

    assert (event.status, event.amount, event.currency) == (
        PaymentStatus.PENDING,
        0,
        NO_CURRENCY,
    )


def test_a_callback_about_a_successful_part_still_names_that_part() -> None:
    event = verify_callback(
        callback("partially paid out", "payout", ("success", 6_000), 15_000), SECRET
    )
    assert (event.status, event.amount, event.currency) == (PaymentStatus.PAID, 6_000, "IDR")


@pytest.mark.parametrize("word", ["partially_paid_out", "Partially_Paid", "awaiting_retry"])
def test_ecommpays_underscored_words_are_its_spaced_words(word: str) -> None:
    """``partially_paid_out`` was an unknown word, so pending: a payout that moved money in
    part stayed pending for good, the part in no place the shop sees."""
    spaced = word.replace("_", " ")
    assert is_known_status(word)
    assert payment_status(word) is payment_status(spaced)
    assert is_paid_in_part(word) is is_paid_in_part(spaced)


def test_an_underscored_payout_word_settles_the_part_that_moved() -> None:
    payload = {
        "project_id": PROJECT,
        "payment": {
            "id": "RFD-2",
            "type": "payout",
            "status": "partially_paid_out",
            "sum": {"amount": 1_500_000, "currency": "IDR"},
        },
        "operations": [
            operation(1, "payout", "success", 6_000),
            operation(2, "payout", "decline", 9_000),
        ],
    }
    report = read_payment(payload, payload["operations"][-1])
    assert (report.status, report.amount) == (PaymentStatus.PAID, 6_000)
