"""A payout or purchase ecommpay split into parts, settled from the callback about its last part,
which was a successful one: that callback names its own part only, though parts before it paid
too. Settled so, the payout stayed paid for that part and the purchase kept it received, both
listed as paying another amount, and nobody asked ecommpay again. The till's follow-up now asks
its status API, whose answer lists every part (developers.ecommpay.com
``en_Gate_split_payment.html``), once. Callbacks go through the real relay; the status answers
come from a fake Gate, as the sandbox's split ends with its declined part."""

import logging
from datetime import datetime

import httpx

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay
from pos_app.domain.lifecycles import RefundStatus
from pos_app.payments.ecommpay.gate import STATUS_PATH, GateClient
from pos_app.payments.ecommpay.payment_page import EcommpayPageProvider
from pos_app.payments.ecommpay.payouts import EcommpayPayouts
from pos_app.payments.registry import read_payout_report
from pos_app.settings.terminal_config import Settings
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.refunds import ANSWERED
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from pos_app.till.refund_payouts import Payouts, settle_from_report
from pos_app.till.terminal import Terminal
from tests.integration.test_ecommpay_paid_in_part import (  # noqa: F401
    NOW,
    TOTAL,
    callback,
    delivered,
    pending_payout,
    purchase,
    relay,
    store,
    till,
)
from tests.unit.test_ecommpay_gate import CALLBACK, FakeGate, fake, gate  # noqa: F401
from tests.unit.test_ecommpay_split_payments import answer_with

PAYOUT = "RFD-T1-0123456789abcdef0125"
ASKED = 10_000
"""The payout :func:`pending_payout` sends."""
PAYOUT_PARTS = [("success", 6_000), ("success", 3_000), ("decline", 1_000)]
"""ecommpay's operations for the payout, oldest first: Rp 9.000 paid out in all."""


def clock() -> datetime:
    return NOW


def on_fake_gate(store: TerminalStore, gate: GateClient) -> Terminal:  # noqa: F811
    """Till T1 with no relay to poll: its purchases and payouts asked at the fake Gate."""
    page = EcommpayPageProvider(gate, callback_url=CALLBACK, customer_email="kasir@example.com")
    payouts = Payouts(
        store,
        EcommpayPayouts(gate, callback_url=CALLBACK, customer_ip="10.0.0.5"),
        relay=None,
        terminal_id="T1",
        clock=clock,
    )
    checkout = Checkout(store, page, terminal_id="T1", clock=clock)
    return Terminal(Settings(), store, checkout, None, payouts=payouts)


def paid_out_in_part(
    relay: EmbeddedRelay,  # noqa: F811
    till: RelayClient,  # noqa: F811
    store: TerminalStore,  # noqa: F811
    fake: FakeGate,  # noqa: F811
    last_part: int,
) -> None:
    """Payout :data:`PAYOUT` settled from ecommpay's final callback, about a successful part of
    ``last_part`` rupiah; the fake Gate knows the payout ended paid out in part."""
    pending_payout(store, till, PAYOUT)
    words = callback(PAYOUT, "payout", "partially paid out", last_part, 3, sum_asked=ASKED)
    (event,) = delivered(relay, till, words)
    settle_from_report(store.refunds, read_payout_report(event), now=NOW)
    fake.payments[PAYOUT] = {
        "id": PAYOUT,
        "type": "payout",
        "status": "partially paid out",
        "sum": {"amount": ASKED * 100, "currency": "IDR"},
    }


def listed(store: TerminalStore) -> list[tuple[str, ProblemKind, int | None]]:  # noqa: F811
    return [
        (problem.invoice_number, problem.kind, problem.amount)
        for problem in list_problems(store.repositories().db)
    ]


def status_asked(fake: FakeGate) -> int:  # noqa: F811
    return sum(path == STATUS_PATH for path, _ in fake.requests)


def test_the_follow_up_takes_what_all_the_parts_of_a_payout_paid_out(
    relay: EmbeddedRelay,  # noqa: F811
    till: RelayClient,  # noqa: F811
    store: TerminalStore,  # noqa: F811
    gate: GateClient,  # noqa: F811
    fake: FakeGate,  # noqa: F811
) -> None:
    """Kasir held Rp 3.000 paid out of the Rp 9.000 that went out, for good."""
    paid_out_in_part(relay, till, store, fake, 3_000)
    assert listed(store) == [(PAYOUT, ProblemKind.PAYOUT_DIFFERS, 3_000)]
    fake.status_answer = answer_with(PAYOUT_PARTS, "payout")
    terminal = on_fake_gate(store, gate)

    terminal.follow_up()

    refund = store.refunds.get(PAYOUT)
    assert (refund.status, refund.paid_amount, refund.paid_currency) == (
        RefundStatus.PAID,
        9_000,
        "IDR",
    )
    assert listed(store) == [(PAYOUT, ProblemKind.PAYOUT_DIFFERS, 9_000)]
    assert status_asked(fake) == 1
    terminal.follow_up()
    assert status_asked(fake) == 1, "the status answer told the whole: not asked again"


def test_a_status_call_that_fails_is_made_again_at_the_next_follow_up(
    relay: EmbeddedRelay,  # noqa: F811
    till: RelayClient,  # noqa: F811
    store: TerminalStore,  # noqa: F811
    gate: GateClient,  # noqa: F811
    fake: FakeGate,  # noqa: F811
) -> None:
    paid_out_in_part(relay, till, store, fake, 3_000)
    fake.status_answer = answer_with(PAYOUT_PARTS, "payout")
    terminal = on_fake_gate(store, gate)
    fake.override = lambda request: httpx.Response(503, text="busy")

    terminal.follow_up()
    assert store.refunds.get(PAYOUT).paid_amount == 3_000
    fake.override = None
    terminal.follow_up()

    assert store.refunds.get(PAYOUT).paid_amount == 9_000


def test_a_status_answer_naming_less_than_a_callback_said_is_kept_not_taken(
    relay: EmbeddedRelay,  # noqa: F811
    till: RelayClient,  # noqa: F811
    store: TerminalStore,  # noqa: F811
    gate: GateClient,  # noqa: F811
    fake: FakeGate,  # noqa: F811
    caplog,
) -> None:
    """A signed callback said Rp 6.000 went out; an answer listing Rp 2.000 paid would have it
    vanish from the books. The callback's figure stands, the answer is kept for the manager,
    and the payout is not asked about again."""
    paid_out_in_part(relay, till, store, fake, 6_000)
    fake.status_answer = answer_with([("success", 2_000), ("decline", 8_000)], "payout")
    terminal = on_fake_gate(store, gate)

    with caplog.at_level(logging.WARNING, logger="pos_app.till.refund_payouts"):
        terminal.follow_up()
        terminal.follow_up()

    assert store.refunds.get(PAYOUT).paid_amount == 6_000
    assert listed(store) == [(PAYOUT, ProblemKind.PAYOUT_DIFFERS, 6_000)]
    assert status_asked(fake) == 1
    kept = [entry.detail for entry in store.audit.recent() if entry.action == ANSWERED]
    assert [(d["payout_id"], d["paid_amount"]) for d in kept] == [(PAYOUT, 6_000)]
    assert "less than the Rp 6.000 its callback said" in caplog.text


def test_the_follow_up_takes_what_all_the_parts_of_a_purchase_paid(
    relay: EmbeddedRelay,  # noqa: F811
    till: RelayClient,  # noqa: F811
    store: TerminalStore,  # noqa: F811
    gate: GateClient,  # noqa: F811
    fake: FakeGate,  # noqa: F811
) -> None:
    """The purchase side had the same gap: Rp 4.000 received of the Rp 10.000 that came in."""
    _, invoice = purchase(store, till)
    words = callback(invoice, "purchase", "partially paid", 4_000, 2, sum_asked=TOTAL)
    for event in delivered(relay, till, words):
        store.payments.record_relay_event(event, now=NOW)
    assert listed(store) == [(invoice, ProblemKind.DIFFERS, 4_000)]
    fake.payments[invoice] = {
        "id": invoice,
        "type": "purchase",
        "status": "partially paid",
        "sum": {"amount": TOTAL * 100, "currency": "IDR"},
    }
    parts = [("success", 6_000), ("success", 4_000), ("decline", 4_000)]
    fake.status_answer = answer_with(parts, "purchase")
    terminal = on_fake_gate(store, gate)

    terminal.follow_up()
    terminal.follow_up()

    assert store.payments.get_attempt(invoice).received == 10_000
    assert listed(store) == [(invoice, ProblemKind.DIFFERS, 10_000)]
    assert status_asked(fake) == 1
