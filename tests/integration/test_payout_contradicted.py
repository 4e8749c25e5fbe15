"""A decline after a paid payout, with no reversal said, through a demo terminal's real relay.

The sandbox cannot send one: it declines only a pending payout, and its reversal (callback,
status answer, and every callback it sends again) carries the successful ``reversal``
operation, read as reversed. So ecommpay's callback is made up here as ecommpay signs it, with
the sandbox's key, and posted to the relay like the sandbox's own: a payout whose reversal
callback was lost, or a stray decline. The refund stays paid; the payout is listed for the
manager, whose "Check status now" asks ecommpay's status API: its answer for a payout reversed
meanwhile, whose reversal callback never reached the till, settles it as reversed.
"""

import json

import httpx
import pytest

from pos_app.demo.embedded_services import EmbeddedServices
from pos_app.domain.lifecycles import RefundStatus
from pos_app.payments.ecommpay.signing import ecommpay_signature
from pos_app.payments.registry import ECOMMPAY_CALLBACK_PATH
from pos_app.store.errors import NotFound
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.till.back_office import BackOffice
from pos_app.till.terminal import Terminal
from tests.harness.relay_process import signed_ecommpay_callback
from tests.integration.test_refunds import TOTAL, cash_sale, send, terminal  # noqa: F401
from tests.integration.test_reversed_payouts import POLLS, polled_until

AMOUNT = 5_000


def post_decline(services: EmbeddedServices, payout_id: str) -> None:
    """ecommpay's callback declining the payout, signed as ecommpay signs it, posted to the
    relay."""
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


def listed_once_polled(terminal: Terminal) -> list[tuple[str, ProblemKind]]:  # noqa: F811
    """The problem payments, once the relay's long-poll has brought one (bounded)."""
    assert terminal.relay is not None
    db = terminal.store.repositories().db
    for _ in range(POLLS):
        listed = [(p.invoice_number, p.kind) for p in list_problems(db)]
        if listed:
            return listed
        terminal.relay.poll(terminal.checkout, wait=5)
    return []


def paid_and_contradicted(terminal: Terminal) -> tuple[int, str]:  # noqa: F811
    """A cash sale and its payout, paid by the sandbox, then declined by a callback of its own:
    listed as contradicted. Its sale and payout id."""
    payouts, services = terminal.payouts, terminal.embedded
    assert payouts is not None and services is not None
    sale_id = cash_sale(terminal)
    payout_id = send(payouts, sale_id, AMOUNT).payout_id
    polled_until(terminal, payout_id, lambda r: r.status is RefundStatus.PAID)
    post_decline(services, payout_id)
    assert listed_once_polled(terminal) == [(payout_id, ProblemKind.PAYOUT_CONTRADICTED)]
    return sale_id, payout_id


def test_a_decline_after_a_paid_payout_is_listed_for_the_manager(
    terminal: Terminal,  # noqa: F811
) -> None:
    payouts = terminal.payouts
    assert payouts is not None

    sale_id, payout_id = paid_and_contradicted(terminal)

    assert payouts.refunds().get(payout_id).status is RefundStatus.PAID
    assert payouts.refunds().refundable(sale_id) == TOTAL - AMOUNT, "nobody is owed it twice"


def test_check_status_now_finds_the_reversal_whose_callback_never_came(
    terminal: Terminal,  # noqa: F811
) -> None:
    """The decline came, the reversal's callback did not (the relay is not polled after it):
    only ecommpay's status answer, naming the successful reversal, tells the till."""
    assert terminal.embedded is not None
    manager = next(u for u in terminal.store.users.list_users() if u.name == "Demo Manajer")
    office = BackOffice(terminal, manager)
    sale_id, payout_id = paid_and_contradicted(terminal)
    db = terminal.store.repositories().db

    assert office.check_listed_payout(payout_id).reversed_at is None
    assert [(p.invoice_number, p.kind) for p in list_problems(db)] == [
        (payout_id, ProblemKind.PAYOUT_CONTRADICTED)
    ], "ecommpay still says it paid, and names no reversal: it stays listed"

    reverse = f"{terminal.embedded.sandbox.url}/_sandbox/reverse/{payout_id}"
    httpx.post(reverse, timeout=5).raise_for_status()
    checked = office.check_listed_payout(payout_id)

    assert checked.reversed_at is not None
    assert [(p.invoice_number, p.kind) for p in list_problems(db)] == [
        (payout_id, ProblemKind.PAYOUT_REVERSED)
    ]
    assert terminal.store.refunds.refundable(sale_id) == TOTAL, "the customer is owed it again"
    asked = [e.detail for e in terminal.store.audit.recent() if e.action == "refund.check_listed"]
    assert asked == [
        {"payout_id": payout_id, "reversed": r, "paid_amount": AMOUNT} for r in (True, False)
    ]
    with pytest.raises(NotFound, match="no longer listed"):
        office.check_listed_payout(payout_id)


def test_a_paid_payout_nothing_contradicts_is_not_asked_about(
    terminal: Terminal,  # noqa: F811
) -> None:
    payouts = terminal.payouts
    assert payouts is not None
    payout_id = send(payouts, cash_sale(terminal), AMOUNT).payout_id
    polled_until(terminal, payout_id, lambda r: r.status is RefundStatus.PAID)

    with pytest.raises(NotFound, match="no longer listed"):
        payouts.check_listed(payout_id)
