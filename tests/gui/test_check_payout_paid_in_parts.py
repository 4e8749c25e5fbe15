"""Check status now on a payout settled paid for one part: ecommpay's callback about the last
part of a payout it split names that part only. The sandbox splits a payout of Rp 4.040 into
Rp 3.000 paid out and Rp 1.040 declined, its last callback about the declined part; ecommpay's
callback about a successful last part (of Rp 2.000 and Rp 1.000 paid out, Rp 1.040 declined) is
made up here, as the till reads it. The status answer (the sandbox's) lists the parts: Rp 3.000
paid out in all; for a payout the sandbox pays whole, the whole. No relay brings callbacks to
this app, and its follow-up has asked what it would before the payout is made."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from pos_app.clients.relay_client import RelayClient
from pos_app.domain.basket import LineItem
from pos_app.gui.app import TerminalApp
from pos_app.gui.back_office.problems_tab import ProblemsTab
from pos_app.payments.model import PayoutOutcome, PayoutReport
from pos_app.sandbox.ecommpay import (
    RETRIED_PAYOUT_AMOUNTS,
    SPLIT_PAYOUT_AMOUNTS,
    SPLIT_PAYOUT_PART,
)
from pos_app.store.problem_payments import ProblemKind
from pos_app.till.refund_payouts import settle_from_report
from pos_app.till.terminal import Terminal
from tests.gui.back_office_helpers import show_tab, signed_in
from tests.gui.e2e import WAIT_MS, dead_port

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000
ASKED = 4_040
LAST_PART = 1_000
PAID_OUT = SPLIT_PAYOUT_PART // 100


def settled_for_its_last_part(terminal: Terminal, asked: int = ASKED) -> str:
    """A payout of ``asked`` of a cash sale, settled paid from a callback about its last part,
    a successful one of Rp 1.000. Its payout id."""
    payouts = terminal.payouts
    assert payouts is not None
    sale_id = terminal.checkout.open_sale(LINES, cashier="Demo Kasir")
    terminal.checkout.pay_cash(sale_id, TOTAL)
    payout_id = payouts.send(
        sale_id,
        asked,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Demo Manajer",
    ).payout_id
    part = {"amount": LAST_PART * 100, "currency": "IDR"}
    last = {
        "payment": {
            "id": payout_id,
            "type": "payout",
            "status": "partially paid out",
            "sum": {"amount": asked * 100, "currency": "IDR"},
        },
        "operation": {"id": 3, "type": "payout", "status": "success", "sum_initial": part},
    }
    report = PayoutReport(payout_id, PayoutOutcome.PAID, amount=LAST_PART, currency="IDR", raw=last)
    settle_from_report(payouts.refunds(), report, now=payouts.clock())
    return payout_id


@pytest.fixture
def app(qtbot, start_app) -> Iterator[TerminalApp]:
    """The demo terminal's app, no relay bringing it callbacks."""
    with RelayClient(f"http://127.0.0.1:{dead_port()}", "no-relay-here") as dead:
        yield start_app(relay=dead)


def checked_now(qtbot, app: TerminalApp, asked: int) -> tuple[ProblemsTab, str]:
    """The back office's Problem payments, Check status now clicked on the payout of ``asked``
    listed as paying Rp 1.000; the tab, and the payout id."""
    qtbot.waitUntil(lambda: app.runner.pending == 0, timeout=WAIT_MS)  # the start's follow-up
    payout_id = settled_for_its_last_part(app.terminal, asked)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    differs = (ProblemKind.PAYOUT_DIFFERS, payout_id)
    assert list(tab.shown) == [differs]
    assert tab.shown[differs].amount == LAST_PART
    tab.select(payout_id)
    assert tab.check_button.isEnabled()
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    return tab, payout_id


def test_check_status_now_settles_a_payout_at_what_all_its_parts_paid(
    qtbot, app: TerminalApp
) -> None:
    assert ASKED * 100 in SPLIT_PAYOUT_AMOUNTS
    tab, payout_id = checked_now(qtbot, app, ASKED)
    differs = (ProblemKind.PAYOUT_DIFFERS, payout_id)

    qtbot.waitUntil(
        lambda: differs in tab.shown and tab.shown[differs].amount == PAID_OUT, timeout=WAIT_MS
    )
    assert tab.status.text() == (
        f"ecommpay reports payout {payout_id} paid Rp 3.000 in all, not the Rp 4.040 asked: what "
        "it did not pay counts back, and the sale may be refunded again by as much; it stays "
        "listed until you mark it resolved."
    )
    refund = tab.office.store.refunds.get(payout_id)
    assert (refund.paid_amount, refund.paid_currency) == (PAID_OUT, "IDR")


def test_check_status_now_unlists_a_payout_all_its_parts_paid_in_full(
    qtbot, app: TerminalApp
) -> None:
    """The sandbox pays a payout of Rp 5.000 whole: its status answer says so."""
    tab, payout_id = checked_now(qtbot, app, 5_000)

    qtbot.waitUntil(lambda: tab.status.text().startswith("ecommpay reports"), timeout=WAIT_MS)
    assert tab.status.text() == (
        f"ecommpay reports payout {payout_id} paid in full (Rp 5.000): it is no longer listed "
        "as paying another amount."
    )
    qtbot.waitUntil(lambda: list(tab.shown) == [], timeout=WAIT_MS)


def test_check_status_now_brings_nothing_back_while_ecommpay_is_still_paying(
    qtbot, app: TerminalApp
) -> None:
    """The sandbox keeps a payout of Rp 4.004 awaiting ecommpay's retry of a declined attempt:
    its status answer is no final word, so nothing of the Rp 3.004 the last part's callback
    falls short counts back, and the tab does not say it does."""
    assert 4_004 * 100 in RETRIED_PAYOUT_AMOUNTS
    tab, payout_id = checked_now(qtbot, app, 4_004)

    qtbot.waitUntil(lambda: tab.status.text().startswith("ecommpay reports"), timeout=WAIT_MS)
    assert tab.status.text() == (
        f"ecommpay reports payout {payout_id} paid Rp 1.000 in all, not the Rp 4.004 asked: it "
        "stays listed; settle the difference with the customer."
    )
    refund = tab.office.store.refunds.get(payout_id)
    assert (refund.paid_amount, refund.brought_back) == (LAST_PART, 0)
    assert tab.office.store.refunds.refundable(refund.sale_id) == TOTAL - 4_004
