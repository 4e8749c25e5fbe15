"""A decline after a paid payout, with no reversal said, through a demo terminal's real relay.

The sandbox cannot send one: it declines only a pending payout, and its reversal (callback,
status answer, and every callback it sends again) carries the successful ``reversal``
operation, read as reversed. So ecommpay's callback is made up here as ecommpay signs it, with
the sandbox's key, and posted to the relay like the sandbox's own: a payout whose reversal
callback was lost, or a stray decline. The refund stays paid; the payout is listed for the
manager.
"""

import json

import httpx

from pos_app.domain.lifecycles import RefundStatus
from pos_app.payments.ecommpay.signing import ecommpay_signature
from pos_app.payments.registry import ECOMMPAY_CALLBACK_PATH
from pos_app.till.problem_payments import ProblemKind, list_problems
from pos_app.till.terminal import Terminal
from tests.harness.relay_process import signed_ecommpay_callback
from tests.integration.test_refunds import TOTAL, cash_sale, send, terminal  # noqa: F401
from tests.integration.test_reversed_payouts import POLLS, polled_until

AMOUNT = 5_000


def test_a_decline_after_a_paid_payout_is_listed_for_the_manager(
    terminal: Terminal,  # noqa: F811
) -> None:
    payouts, relay, services = terminal.payouts, terminal.relay, terminal.embedded
    assert payouts is not None and relay is not None and services is not None
    sale_id = cash_sale(terminal)
    payout_id = send(payouts, sale_id, AMOUNT).payout_id
    polled_until(terminal, payout_id, lambda r: r.status is RefundStatus.PAID)

    decline = json.loads(
        signed_ecommpay_callback(
            payment_id=payout_id,
            amount=AMOUNT,
            project_id=services.config.ecommpay_project_id,
            secret_key=services.config.ecommpay_secret_key,
            status="decline",
        )
    )
    del decline["signature"]
    decline["payment"]["type"] = decline["operation"]["type"] = "payout"
    decline["signature"] = ecommpay_signature(decline, services.config.ecommpay_secret_key)
    answer = httpx.post(
        services.relay.url + ECOMMPAY_CALLBACK_PATH,
        content=json.dumps(decline).encode(),
        headers={"Content-Type": "application/json"},
        timeout=5,
    )
    assert answer.status_code == 200

    db = terminal.store.repositories().db
    for _ in range(POLLS):
        listed = [(p.invoice_number, p.kind) for p in list_problems(db)]
        if listed:
            break
        relay.poll(terminal.checkout, wait=5)
    assert listed == [(payout_id, ProblemKind.PAYOUT_CONTRADICTED)]
    assert payouts.refunds().get(payout_id).status is RefundStatus.PAID
    assert payouts.refunds().refundable(sale_id) == TOTAL - AMOUNT, "nobody is owed it twice"
