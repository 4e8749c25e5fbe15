"""Refund payouts against the real sandbox (ecommpay Gate) and relay of a demo terminal."""

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import ChangeSource, RefundStatus
from pos_app.payments.model import PaymentStatus, ProviderName, RelayEvent, RelayPosition
from pos_app.settings.terminal_config import Settings
from pos_app.store.refunds import Refund
from pos_app.till.refund_payouts import Payouts, RefundNotSent
from pos_app.till.terminal import Terminal, open_terminal

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000
POLLS = 20


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = open_terminal(Settings(), tmp_path / "demo.db", demo=True)
    yield terminal
    terminal.close()


def cash_sale(terminal: Terminal) -> int:
    sale_id = terminal.checkout.open_sale(LINES, cashier="Demo Kasir")
    terminal.checkout.pay_cash(sale_id, TOTAL)
    return sale_id


def send(payouts: Payouts, sale_id: int, amount: int) -> Refund:
    return payouts.send(
        sale_id,
        amount,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Demo Manajer",
        reason="customer returned the goods",
    )


def settled_by_relay(terminal: Terminal, payout_id: str) -> Refund:
    """Long-poll the relay into the checkout until the payout's callback has settled it."""
    assert terminal.relay is not None and terminal.payouts is not None
    for _ in range(POLLS):
        refund = terminal.payouts.refunds().get(payout_id)
        if refund.status is not RefundStatus.PENDING:
            return refund
        terminal.relay.poll(terminal.checkout, wait=5)
    raise AssertionError(f"payout {payout_id} was not settled through the relay")


@pytest.mark.parametrize("declined", [400, 404])
def test_a_declined_payout_is_settled_by_its_callback_and_frees_the_amount(
    terminal: Terminal, declined: int
) -> None:
    payouts = terminal.payouts
    assert payouts is not None
    sale_id = cash_sale(terminal)

    refund = send(payouts, sale_id, declined)  # 40000 / 40400 minor units: the test decline
    assert refund.status is RefundStatus.PENDING
    assert payouts.refunds().refundable(sale_id) == TOTAL - declined

    refund = settled_by_relay(terminal, refund.payout_id)
    assert refund.status is RefundStatus.DECLINED
    assert refund.result["payment"]["status"] == "decline"
    assert refund.business_date is not None
    assert payouts.refunds().refundable(sale_id) == TOTAL
    assert terminal.store.payments.orphan_events() == []


def test_a_paid_payout_is_settled_by_its_callback_and_reduces_what_is_left(
    terminal: Terminal,
) -> None:
    payouts = terminal.payouts
    assert payouts is not None
    sale_id = cash_sale(terminal)

    refund = settled_by_relay(terminal, send(payouts, sale_id, 5_000).payout_id)

    assert refund.status is RefundStatus.PAID
    assert refund.reference  # ecommpay's provider payment id, for the CSV
    assert payouts.refunds().refundable(sale_id) == TOTAL - 5_000
    entries = [e for e in terminal.store.audit.recent() if e.action == "refund.approve"]
    assert entries[0].actor == "Demo Manajer"
    assert entries[0].detail["payout_id"] == refund.payout_id


def test_the_status_api_settles_a_payout_whose_callback_has_not_come(terminal: Terminal) -> None:
    payouts = terminal.payouts
    assert payouts is not None
    sale_id = cash_sale(terminal)
    refund = send(payouts, sale_id, 2_000)

    checked = payouts.check(refund.payout_id)

    assert checked.status is RefundStatus.PAID
    assert checked.result["payment"]["id"] == refund.payout_id
    assert payouts.check(refund.payout_id) == checked  # a second check changes nothing


def test_a_relay_event_for_a_payout_never_touches_payments(terminal: Terminal) -> None:
    payouts = terminal.payouts
    assert payouts is not None
    sale_id = cash_sale(terminal)
    refund = send(payouts, sale_id, 1_000)
    position = RelayPosition("live", terminal.checkout.relay_position().cursor + 1000)
    event = RelayEvent(
        position.cursor, refund.payout_id, ProviderName.ECOMMPAY_GATE, PaymentStatus.PAID, "now", {}
    )

    assert terminal.checkout.apply_relay_events([event], position) == [event]
    assert terminal.checkout.apply_relay_events([event], position) == []  # a repeated batch
    settled = payouts.refunds().get(refund.payout_id)
    # A restored relay hands the callback over again, under another epoch and cursor.
    again = replace(event, cursor=1)
    assert terminal.checkout.apply_relay_events([again], RelayPosition("restored", 1)) == []

    assert settled.status is RefundStatus.PAID
    assert payouts.refunds().get(refund.payout_id) == settled
    assert payouts.refunds().refundable(sale_id) == TOTAL - 1_000
    assert terminal.checkout.relay_position() == RelayPosition("restored", 1)
    assert terminal.store.payments.orphan_events() == []


def test_a_payout_the_relay_cannot_route_is_not_sent(terminal: Terminal) -> None:
    payouts = terminal.payouts
    assert payouts is not None
    sale_id = cash_sale(terminal)
    payouts.relay = RelayClient("http://127.0.0.1:9", "token", timeout=1)

    with pytest.raises(RefundNotSent, match="the relay did not take the payout") as caught:
        send(payouts, sale_id, 3_000)

    assert caught.value.refund.status is RefundStatus.FAILED
    assert payouts.refunds().refundable(sale_id) == TOTAL
    history = payouts.refunds().history(caught.value.refund.payout_id)
    assert [(change.after, change.source) for change in history] == [
        (RefundStatus.PENDING, ChangeSource.MANAGER),
        (RefundStatus.FAILED, ChangeSource.SYSTEM),  # the terminal's word, not ecommpay's
    ]
