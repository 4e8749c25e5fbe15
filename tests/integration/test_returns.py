"""Returns on a whole demo terminal: a QR sale paid through the real sandbox, its items returned to
the customer's DOKU Wallet by a payout the sandbox settles through the relay; the manager's PIN
checked and audited."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pos_app.domain.basket import LineItem
from pos_app.domain.cash_count import CashCount
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.domain.tax import TaxPolicy
from pos_app.payments.model import AttemptState, PayoutOrder
from pos_app.reports.shift_report import shift_sections
from pos_app.reports.z_report import build_z_report
from pos_app.settings.terminal_config import Settings
from pos_app.store.problem_payments import list_problems
from pos_app.store.refunds import Refund
from pos_app.till.returns import ApprovalRefused, ReturnDesk, ReturnOutcome
from pos_app.till.terminal import Terminal, open_terminal

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4), LineItem("TEH-1", "Teh", 5000, 1))
POLLS = 20


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = open_terminal(Settings(), tmp_path / "demo.db", demo=True)
    yield terminal
    terminal.close()


@pytest.fixture
def taxed(tmp_path: Path) -> Iterator[Terminal]:
    """A demo terminal of a PKP: prices include PPN."""
    terminal = open_terminal(
        Settings(tax=TaxPolicy(enabled=True)), tmp_path / "taxed.db", demo=True
    )
    yield terminal
    terminal.close()


def qr_sale(terminal: Terminal, lines: tuple[LineItem, ...] = LINES) -> str:
    """A sale paid by the sandbox's Pay button; its receipt number."""
    checkout = terminal.checkout
    sale_id = checkout.open_sale(lines, cashier="Demo Kasir")
    attempt = checkout.start_qr_payment(sale_id)
    assert terminal.embedded is not None
    url = f"{terminal.embedded.sandbox.url}/_sandbox/pay/{attempt.invoice_number}"
    httpx.post(url, timeout=5).raise_for_status()
    assert checkout.check_status(attempt.invoice_number).state is AttemptState.PAID
    number = terminal.store.sales.get(sale_id).receipt_number
    assert number is not None
    return number


def wallet_return(desk: ReturnDesk, sale_id: int, items: int = 2) -> ReturnOutcome:
    """``items`` of line 1 back to Ani's DOKU Wallet, approved by the demo manager."""
    return desk.make_return(
        sale_id,
        {1: items},
        method=ReturnMethod.WALLET,
        manager="Demo Manajer",
        pin="9999",
        account_number="081234567890",
        customer_name="Ani",
    )


def settled(terminal: Terminal, payout_id: str) -> Refund:
    """The refund once the sandbox's callback has come through the relay (or as it stands
    after :data:`POLLS` long-polls)."""
    refunds, relay = terminal.store.refunds, terminal.relay
    assert relay is not None
    for _ in range(POLLS):
        if refunds.get(payout_id).status is not RefundStatus.PENDING:
            break
        relay.poll(terminal.checkout, wait=5)
    return refunds.get(payout_id)


def test_a_wallet_return_is_paid_out_through_the_sandbox_and_counted(terminal: Terminal) -> None:
    desk = ReturnDesk(terminal, "Demo Kasir")
    sale = desk.find(qr_sale(terminal))
    assert ReturnMethod.WALLET in desk.methods(sale)
    outcome = wallet_return(desk, sale.sale_id)
    assert outcome.problem == "" and outcome.refund is not None
    assert outcome.returned.amount == 7000
    refund = settled(terminal, outcome.refund.payout_id)
    assert refund.status is RefundStatus.PAID and refund.reference  # the sandbox's answer
    day = terminal.store.business_date(terminal.checkout.clock())
    report = build_z_report(terminal.store.repositories().db, day, day=terminal.store.day)
    assert (report.returns_count, report.returns_total, report.cash_returns) == (1, 7000, 0)
    assert report.refunds_total == 0  # the payout is counted once, as the return
    assert desk.find(sale.receipt_number).lines[0].left == 2


def test_items_of_a_declined_wallet_return_come_back_only_by_making_it_again(
    terminal: Terminal,
) -> None:
    """ecommpay declines the payout of one Permen (Rp 400: a sandbox decline): the Permen is
    back, its money is not, and the return is listed as owed. Taken back again by a return that
    does not name it, that Permen's money went out while the first stayed listed as owed (and
    twice over, its goods counted back twice, should ecommpay pay that payout after all): 4 of
    3 Permen returned. The desk takes back only the other Permen so; making the return again
    clears it."""
    desk = ReturnDesk(terminal, "Demo Kasir")
    sale = desk.find(qr_sale(terminal, (LineItem("PERMEN-1", "Permen", 400, 3),)))
    declined = wallet_return(desk, sale.sale_id, 1)
    assert declined.refund is not None
    assert settled(terminal, declined.refund.payout_id).status is RefundStatus.DECLINED

    def in_cash(items: int, redo_of: int | None = None) -> ReturnOutcome:
        return desk.make_return(
            sale.sale_id,
            {1: items},
            method=ReturnMethod.CASH,
            manager="Demo Manajer",
            pin="9999",
            redo_of=redo_of,
        )

    with pytest.raises(ValidationError, match="3 to return, but only 2 can be"):
        in_cash(3)
    assert in_cash(2).returned.amount == 800
    assert in_cash(1, redo_of=declined.returned.id).returned.amount == 400
    [line] = desk.find(sale.receipt_number).lines
    assert (line.returned, line.refunded) == (3, 1200)
    assert list_problems(terminal.store.repositories().db) == []


def test_a_wrong_pin_or_a_cashiers_pin_makes_no_return(terminal: Terminal) -> None:
    desk = ReturnDesk(terminal, "Demo Kasir")
    sale = desk.find(qr_sale(terminal))
    for manager, pin in (("Demo Manajer", "1234"), ("Demo Kasir", "1111")):
        with pytest.raises(ApprovalRefused):
            desk.make_return(
                sale.sale_id, {2: 1}, method=ReturnMethod.CASH, manager=manager, pin=pin
            )
    assert terminal.store.returns.for_sale(sale.sale_id) == []
    outcome = desk.make_return(
        sale.sale_id, {2: 1}, method=ReturnMethod.OUTSIDE, manager="Demo Manajer", pin="9999"
    )
    assert (outcome.returned.approved_by, outcome.returned.cashier) == (
        "Demo Manajer",
        "Demo Kasir",
    )
    assert outcome.refund is None and outcome.returned.amount == 5000
    audit = terminal.store.audit.recent(5)
    assert any(entry.action == "return.approve" for entry in audit)


def test_a_closed_shifts_report_printed_again_shows_the_figures_it_closed_with(
    taxed: Terminal,
) -> None:
    """A wallet return taken during a shift whose payout the sandbox pays after the shift closed:
    the shift report printed at the close and the one printed again (Day close, Shift report…)
    must be the same paper. The second took the return's PPN off the shift's sales at PPN (Rp
    19.000 → 12.000), as the store read a closed shift's figures again, not those it closed
    with."""
    shifts, clock = taxed.store.shifts, taxed.checkout.clock
    shift = shifts.open(terminal_id="T1", cashier="Demo Kasir", opening_float=0, now=clock())
    desk = ReturnDesk(taxed, "Demo Kasir")
    sale = desk.find(qr_sale(taxed))
    outcome = wallet_return(desk, sale.sale_id)
    assert outcome.refund is not None
    closed = shifts.close(shift.id, CashCount(), closed_by="Demo Kasir", now=clock())
    printed = shift_sections(closed, time_zone="Asia/Jakarta")

    assert settled(taxed, outcome.refund.payout_id).status is RefundStatus.PAID

    assert shift_sections(shifts.get(shift.id), time_zone="Asia/Jakarta") == printed


def test_a_decline_heard_before_ecommpays_answer_says_why_the_payout_did_not_go_out(
    terminal: Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ecommpay's callback declining the payout came through the relay before its answer to the
    request: the return says the payout did not go out and why, not "did not go out: ."."""
    payouts = terminal.payouts
    assert payouts is not None
    send = payouts.gateway.send_payout

    def answer_after_the_callback(order: PayoutOrder) -> str:
        request_id = send(order)
        assert settled(terminal, order.payout_id).status is RefundStatus.DECLINED
        return request_id

    monkeypatch.setattr(payouts.gateway, "send_payout", answer_after_the_callback)
    desk = ReturnDesk(terminal, "Demo Kasir")
    sale = desk.find(qr_sale(terminal, (LineItem("PERMEN-1", "Permen", 400, 1),)))
    outcome = wallet_return(desk, sale.sale_id, 1)
    assert outcome.payout_failed
    assert outcome.problem == "ecommpay's answer: declined"
