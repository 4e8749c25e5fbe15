"""A status check that ecommpay answers "not found" while the payout may still be on its way,
ecommpay's later word that the payout was paid, and its reversal of a paid payout, on a demo
terminal: the real sandbox (ecommpay
Gate) and relay on loopback, time given to the payouts as their clock.

A payout whose answer was lost is, in the store, a refund recorded ``pending`` before its
request left; here it is recorded so (:meth:`Refunds.create`, as :meth:`Payouts.send` does) and
reaches the sandbox only when the test dispatches it: until then ecommpay does not know it.
"""

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from pos_app.domain.basket import LineItem
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import ChangeSource, RefundStatus
from pos_app.payments.model import PaymentStatus
from pos_app.settings.terminal_config import Settings
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.refunds import Refund
from pos_app.till.refund_payouts import (
    UNREGISTERED_AFTER,
    PayoutNotRegisteredYet,
    Payouts,
    new_payout_id,
)
from pos_app.till.terminal import Terminal, open_terminal

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000
POLLS = 20
LOGGER = "pos_app.till.refund_payouts"


class Clock:
    """The payouts' time, moved by the test (started in the past, so a check hours after a
    payout was sent still comes before the relay's callbacks, which carry the real time)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = open_terminal(Settings(), tmp_path / "demo.db", demo=True)
    yield terminal
    terminal.close()


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime.now(UTC).replace(microsecond=0) - 3 * UNREGISTERED_AFTER)


@pytest.fixture
def payouts(terminal: Terminal, clock: Clock) -> Payouts:
    """The terminal's payouts (its sandbox gateway and relay), on the test's clock."""
    own = terminal.payouts
    assert own is not None
    return Payouts(
        terminal.store, own.gateway, relay=own.relay, terminal_id=own.terminal_id, clock=clock
    )


def cash_sale(terminal: Terminal) -> int:
    sale_id = terminal.checkout.open_sale(LINES, cashier="Demo Kasir")
    terminal.checkout.pay_cash(sale_id, TOTAL)
    return sale_id


def recorded(payouts: Payouts, sale_id: int, amount: int) -> Refund:
    """A refund approved and recorded ``pending``; its payout request has not reached ecommpay."""
    return payouts.refunds().create(
        sale_id,
        new_payout_id(payouts.terminal_id),
        amount,
        provider=payouts.gateway.name,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Demo Manajer",
        now=payouts.clock(),
    )


def send(payouts: Payouts, sale_id: int, amount: int) -> Refund:
    return payouts.send(
        sale_id, amount, account_number="081234567890", customer_name="Ani", approved_by="Bu Rina"
    )


def callback_applied(
    terminal: Terminal, payout_id: str, status: PaymentStatus = PaymentStatus.PAID
) -> Refund:
    """Long-poll the relay into the checkout until ecommpay's callback saying ``status`` for
    ``payout_id`` has reached the relay and every event the relay holds is handed to the
    checkout."""
    assert terminal.relay is not None
    for _ in range(POLLS):
        if terminal.relay.payment_status(payout_id).status is status:
            break
        terminal.relay.poll(terminal.checkout, wait=1)
    else:
        raise AssertionError(f"ecommpay's callback for payout {payout_id} did not reach the relay")
    while terminal.relay.poll(terminal.checkout, wait=0):
        pass
    return terminal.store.refunds.get(payout_id)


def test_a_check_before_ecommpay_knows_the_payout_keeps_it_pending_and_its_amount_taken(
    terminal: Terminal, payouts: Payouts, clock: Clock
) -> None:
    sale_id = cash_sale(terminal)
    refund = recorded(payouts, sale_id, TOTAL)

    clock.now += timedelta(seconds=12)  # the manager presses "Check status"
    with pytest.raises(PayoutNotRegisteredYet, match="stays pending") as caught:
        payouts.check(refund.payout_id)

    assert caught.value.refund.status is RefundStatus.PENDING
    assert f"does not know payout {refund.payout_id} yet, 12 s after it was sent" in str(
        caught.value
    )
    assert payouts.refunds().get(refund.payout_id).status is RefundStatus.PENDING
    assert payouts.refunds().refundable(sale_id) == 0
    with pytest.raises(ValidationError, match="more than sale"):
        send(payouts, sale_id, TOTAL)  # no second payout of the same money
    assert [each.payout_id for each in payouts.refunds().for_sale(sale_id)] == [refund.payout_id]

    payouts.dispatch(refund)  # the payout reaches ecommpay, which pays it
    paid = callback_applied(terminal, refund.payout_id)

    assert paid.status is RefundStatus.PAID
    assert payouts.refunds().refundable(sale_id) == 0
    assert [
        (change.after, change.source) for change in payouts.refunds().history(paid.payout_id)
    ] == [
        (RefundStatus.PENDING, ChangeSource.MANAGER),
        (RefundStatus.PAID, ChangeSource.PROVIDER),
    ]


def test_a_payout_ecommpay_still_does_not_know_long_after_it_was_sent_is_failed(
    terminal: Terminal, payouts: Payouts, clock: Clock
) -> None:
    sale_id = cash_sale(terminal)
    refund = recorded(payouts, sale_id, 5_000)

    clock.now = refund.created_at + UNREGISTERED_AFTER - timedelta(seconds=1)
    with pytest.raises(PayoutNotRegisteredYet):
        payouts.check(refund.payout_id)
    assert payouts.refunds().refundable(sale_id) == TOTAL - 5_000

    clock.now = refund.created_at + UNREGISTERED_AFTER
    failed = payouts.check(refund.payout_id)

    assert failed.status is RefundStatus.FAILED
    assert failed.result["kind"] == "not_found"
    assert failed.result["unknown_after_seconds"] == UNREGISTERED_AFTER.total_seconds()
    assert failed.completed_at == clock.now
    assert payouts.refunds().refundable(sale_id) == TOTAL
    assert payouts.check(refund.payout_id) == failed  # settled: ecommpay is not asked again


def test_a_paid_callback_after_the_payout_was_failed_is_recorded_paid_and_the_overrefund_shows(
    terminal: Terminal, payouts: Payouts, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    sale_id = cash_sale(terminal)
    first = recorded(payouts, sale_id, TOTAL)
    clock.now = first.created_at + UNREGISTERED_AFTER + timedelta(minutes=5)
    assert payouts.check(first.payout_id).status is RefundStatus.FAILED
    second = send(payouts, sale_id, TOTAL)  # the amount was free again: approved and paid
    assert callback_applied(terminal, second.payout_id).status is RefundStatus.PAID

    payouts.dispatch(first)  # ecommpay gets the first payout after all, and pays it too
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        paid = callback_applied(terminal, first.payout_id)

    assert paid.status is RefundStatus.PAID
    assert paid.result["payment"]["id"] == first.payout_id  # ecommpay's record replaces Kasir's
    assert paid.reference
    assert [
        (change.after, change.source) for change in payouts.refunds().history(first.payout_id)
    ] == [
        (RefundStatus.PENDING, ChangeSource.MANAGER),
        (RefundStatus.FAILED, ChangeSource.PROVIDER),
        (RefundStatus.PAID, ChangeSource.PROVIDER),
    ]
    assert payouts.refunds().refundable(sale_id) == -TOTAL  # paid back twice: nothing hides it
    warnings = [record.getMessage() for record in caplog.records if record.name == LOGGER]
    assert any(
        first.payout_id in message and "paid after Kasir had settled it failed" in message
        for message in warnings
    ), warnings
    assert any(
        f"sale {sale_id} is refunded {TOTAL} rupiah more than it took" in message
        and second.payout_id in message
        for message in warnings
    ), warnings
    [problem] = list_problems(terminal.store.repositories().db)  # the manager's to settle
    assert (problem.kind, problem.invoice_number, problem.amount, problem.sale_id) == (
        ProblemKind.PAID_AFTER_FAILING,
        first.payout_id,
        TOTAL,
        sale_id,
    )


def test_a_payout_ecommpay_reverses_after_paying_it_is_listed_for_the_manager(
    terminal: Terminal, payouts: Payouts, caplog: pytest.LogCaptureFixture
) -> None:
    """ecommpay reverses a paid payout when the customer's account cannot be credited after all
    (en_gate_payout_model.html): the money is back with the shop and the customer still owed
    it. The refund stays paid (the money did go out, and the day counted it); the reversal is
    kept with ecommpay's callback, brings the money back (the sale may be refunded again: it
    was not, and the customer could not be paid through Kasir) and is listed until the manager
    resolves it."""
    sale_id = cash_sale(terminal)
    refund = send(payouts, sale_id, 5_000)
    assert callback_applied(terminal, refund.payout_id).status is RefundStatus.PAID
    assert terminal.embedded is not None
    reverse = f"{terminal.embedded.sandbox.url}/_sandbox/reverse/{refund.payout_id}"
    httpx.post(reverse, timeout=5).raise_for_status()

    with caplog.at_level(logging.WARNING, logger=LOGGER):
        reversed_ = callback_applied(terminal, refund.payout_id, PaymentStatus.REFUNDED)

    assert reversed_.status is RefundStatus.PAID and reversed_.reversed_at is not None
    left = payouts.refunds().refundable(sale_id)
    assert left == TOTAL, "the reversed money cannot be refunded again"
    [problem] = list_problems(terminal.store.repositories().db)
    assert (problem.kind, problem.invoice_number, problem.amount, problem.sale_id) == (
        ProblemKind.PAYOUT_REVERSED,
        refund.payout_id,
        5_000,
        sale_id,
    )
    [(report,)] = (
        terminal.store.repositories().db.execute("SELECT report FROM payout_reversals").fetchall()
    )
    assert json.loads(report)["operation"]["type"] == "reversal"
    assert any(
        refund.payout_id in record.getMessage() and "reversed" in record.getMessage()
        for record in caplog.records
        if record.name == LOGGER
    )
    again = f"{terminal.embedded.sandbox.url}/_sandbox/reverse/{refund.payout_id}"
    assert httpx.post(again, timeout=5).status_code == 409, "reversed once"


def test_every_pending_payout_is_asked_about_again_and_one_never_sent_fails_in_time(
    terminal: Terminal, payouts: Payouts, clock: Clock
) -> None:
    """The follow-up pass asks about each payout still pending: one ecommpay paid (its
    callback not come yet) is settled paid, and one that never reached ecommpay (the till
    stopped before sending it) stays pending until ecommpay still does not know it an hour
    after, then fails, its amount free again."""
    sale_id = cash_sale(terminal)
    never_sent = recorded(payouts, sale_id, 3_000)
    sent = send(payouts, sale_id, 4_000)
    assert payouts.refunds().get(sent.payout_id).status is RefundStatus.PENDING
    clock.now += timedelta(minutes=15)

    assert [r.payout_id for r in payouts.check_pending()] == [sent.payout_id]
    assert payouts.refunds().get(sent.payout_id).status is RefundStatus.PAID
    assert payouts.refunds().get(never_sent.payout_id).status is RefundStatus.PENDING

    clock.now += UNREGISTERED_AFTER
    [failed] = payouts.check_pending()
    assert (failed.payout_id, failed.status) == (never_sent.payout_id, RefundStatus.FAILED)
    assert payouts.refunds().refundable(sale_id) == TOTAL - 4_000
    assert payouts.check_pending() == []
