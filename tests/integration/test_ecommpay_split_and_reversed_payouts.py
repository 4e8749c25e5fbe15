"""Refund payouts ecommpay pays in part, or reverses into ``decline``, against the real sandbox
and relay of a demo terminal.

ecommpay splits a payout its provider cannot take whole into operations, one callback each, and
ends it ``partially paid out`` when one failed, ``payment.sum`` still the whole amount asked
(developers.ecommpay.com ``en_gate_payout_model.html``, ``en_Gate_split_payment.html``). The
sandbox does so for a payout of Rp 4.040: Rp 3.000 paid out, the Rp 1.040 left declined
(``SPLIT_PAYOUT_AMOUNTS``). The final callback is about the declined part; it was read as the
part paid out (Rp 1.040), and the status answer, read without the payout's own operations, as
the whole Rp 4.040: either way the refund's books and the customer's wallet disagreed.

A payout paid and then reversed may end ``decline`` (the platform's payout statuses have no
``reversed``: developers.rocketpay.kz ``en_gate_payout_statuses.html``), its latest operation
the successful ``reversal``. Read as a decline after a success, the till ignored it: the refund
stayed paid and the money back with the shop was in no place the manager sees.
"""

import httpx

from pos_app.domain.lifecycles import RefundStatus
from pos_app.payments.model import RelayPosition
from pos_app.sandbox.ecommpay import SPLIT_PAYOUT_AMOUNTS, SPLIT_PAYOUT_PART
from pos_app.sandbox.shapes import Shapes
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.till.terminal import Terminal
from tests.harness.relay_process import wait_until
from tests.integration.test_refunds import TOTAL, cash_sale, send, terminal  # noqa: F401
from tests.integration.test_reversed_payouts import polled_until

ASKED = 4_040
PAID_OUT = SPLIT_PAYOUT_PART // 100


def test_a_payout_paid_out_in_part_is_settled_for_the_part_that_moved(
    terminal: Terminal,  # noqa: F811
) -> None:
    assert ASKED * 100 in SPLIT_PAYOUT_AMOUNTS
    payouts, relay = terminal.payouts, terminal.relay
    assert payouts is not None and relay is not None
    sale_id = cash_sale(terminal)
    refund = send(payouts, sale_id, ASKED)

    def both_callbacks_stored() -> bool:
        events, _ = relay.fetch(RelayPosition(), wait=1)
        return sum(event.invoice_number == refund.payout_id for event in events) >= 2

    wait_until(both_callbacks_stored, timeout=20, what="the two parts' callbacks")
    relay.poll(terminal.checkout, wait=0)

    waiting = payouts.refunds().get(refund.payout_id)
    assert waiting.status is RefundStatus.PENDING, "the declined part says nothing of the other"
    assert payouts.refunds().refundable(sale_id) == TOTAL - ASKED
    checked = payouts.check(refund.payout_id)
    assert (checked.status, checked.paid_amount, checked.paid_currency) == (
        RefundStatus.PAID,
        PAID_OUT,
        "IDR",
    )
    assert [
        (problem.invoice_number, problem.kind)
        for problem in list_problems(terminal.store.repositories().db)
    ] == [(refund.payout_id, ProblemKind.PAYOUT_DIFFERS)]
    # its status answer told every part: the Rp 1.040 not paid out is the customer's again
    assert payouts.refunds().refundable(sale_id) == TOTAL - PAID_OUT


def test_a_payout_reversed_into_a_decline_brings_its_money_back_for_the_manager(
    terminal: Terminal,  # noqa: F811
) -> None:
    payouts = terminal.payouts
    assert payouts is not None and terminal.embedded is not None
    sale_id = cash_sale(terminal)
    shapes = Shapes()  # the demo sandbox's default seed
    payout_id = shapes.pick(
        f"RFD-{payouts.terminal_id}-rev", lambda i: shapes.ecommpay_reversed_word(i) == "decline"
    )
    refund = payouts.refunds().create(
        sale_id,
        payout_id,
        5_000,
        provider=payouts.gateway.name,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Demo Manajer",
        now=payouts.clock(),
    )
    payouts.dispatch(refund)
    polled_until(terminal, payout_id, lambda r: r.status is RefundStatus.PAID)
    reverse = f"{terminal.embedded.sandbox.url}/_sandbox/reverse/{payout_id}"
    assert httpx.post(reverse, timeout=5).json()["order"]["provider_status"] == "decline"

    reversed_ = polled_until(terminal, payout_id, lambda r: r.reversed_at is not None)

    assert reversed_.status is RefundStatus.PAID
    assert payouts.refunds().refundable(sale_id) == TOTAL, "the money is back to refund again"
    assert (payout_id, ProblemKind.PAYOUT_REVERSED) in [
        (problem.invoice_number, problem.kind)
        for problem in list_problems(terminal.store.repositories().db)
    ]
