"""A refund payout ecommpay retries, against the real sandbox and relay of a demo terminal.

ecommpay retries a payout declined for a reason it may retry (a provider's limit or outage),
the payout ``awaiting retry`` meanwhile, an intermediate status (developers.rocketpay.kz
``en_gate_payout_statuses.html``; developers.ecommpay.com ``en_gate_payout_retry.html``): its
callback names the declined attempt (``operation.status`` ``decline``, the decline in
``errors[]``), and the retry that pays is an operation of its own in the same payment. Read as
failed or declined, the refund's amount would be freed and it listed as not paid, though the
customer gets the money. The sandbox does so for a payout of Rp 4.004
(``RETRIED_PAYOUT_AMOUNTS``); its retry pays on ``/_sandbox/pay``.
"""

import httpx
import pytest

from pos_app.domain.lifecycles import RefundStatus
from pos_app.payments.model import RelayEvent, RelayPosition
from pos_app.sandbox.ecommpay import PAYOUT_RETRY_WORD, RETRIED_PAYOUT_AMOUNTS
from pos_app.store.problem_payments import list_problems
from pos_app.till.terminal import Terminal
from tests.harness.relay_process import wait_until
from tests.integration.test_refunds import TOTAL, cash_sale, send, terminal  # noqa: F401
from tests.integration.test_reversed_payouts import polled_until

ASKED = 4_004


def listed(till: Terminal, payout_id: str) -> list[str]:
    """The kinds of problem payments the payout is listed as (none for a payout on its way)."""
    problems = list_problems(till.store.repositories().db)
    return [problem.kind for problem in problems if problem.invoice_number == payout_id]


@pytest.mark.parametrize("settled_by", ["callback", "status check"])
def test_a_payout_awaiting_retry_stays_pending_until_its_retry_pays_it(
    terminal: Terminal,  # noqa: F811
    settled_by: str,
) -> None:
    assert ASKED * 100 in RETRIED_PAYOUT_AMOUNTS
    payouts, relay, embedded = terminal.payouts, terminal.relay, terminal.embedded
    assert payouts is not None and relay is not None and embedded is not None
    sale_id = cash_sale(terminal)
    refund = send(payouts, sale_id, ASKED)

    def stored() -> list[RelayEvent]:
        events, _ = relay.fetch(RelayPosition(), wait=1)
        return [event for event in events if event.invoice_number == refund.payout_id]

    wait_until(lambda: bool(stored()), timeout=20, what="the awaiting retry callback")
    [waiting] = stored()
    assert waiting.payload["payment"]["status"] == PAYOUT_RETRY_WORD
    assert waiting.payload["operation"]["status"] == "decline"
    relay.poll(terminal.checkout, wait=0)
    asked = payouts.check(refund.payout_id)  # the status API says "awaiting retry" too

    for held in (payouts.refunds().get(refund.payout_id), asked):
        assert held.status is RefundStatus.PENDING
    assert payouts.refunds().refundable(sale_id) == TOTAL - ASKED, "its amount stays held"
    assert listed(terminal, refund.payout_id) == []

    retry = f"{embedded.sandbox.url}/_sandbox/pay/{refund.payout_id}"
    assert httpx.post(retry, timeout=5).json()["order"]["provider_status"] == "success"
    if settled_by == "callback":
        paid = polled_until(terminal, refund.payout_id, lambda r: r.status is RefundStatus.PAID)
    else:
        paid = payouts.check(refund.payout_id)

    assert (paid.status, paid.paid_amount, paid.paid_currency) == (RefundStatus.PAID, ASKED, "IDR")
    assert paid.reference  # the retry's provider payment id, not the declined attempt's none
    assert payouts.refunds().refundable(sale_id) == TOTAL - ASKED
    assert listed(terminal, refund.payout_id) == []
