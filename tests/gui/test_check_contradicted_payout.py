"""Check status now on a payout ecommpay declined after paying it, with no reversal said: the
back office asks ecommpay's status API, whose answer names the reversal that the till never
heard of (no relay brings callbacks to this app), and the problem is settled as reversed."""

from PySide6.QtCore import Qt

from pos_app.clients.relay_client import RelayClient
from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import RefundStatus
from pos_app.payments.model import PayoutOutcome, PayoutReport
from pos_app.store.problem_payments import ProblemKind
from pos_app.till.refund_payouts import settle_from_report
from pos_app.till.terminal import Terminal
from tests.gui.back_office_helpers import show_tab, signed_in
from tests.gui.e2e import WAIT_MS, dead_port, sandbox

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000
AMOUNT = 5_000


def contradicted_payout(terminal: Terminal) -> str:
    """A payout of a cash sale, paid (the status API says so), then declined by a report kept
    as contradicting it; ecommpay then reverses it. Its payout id."""
    payouts = terminal.payouts
    assert payouts is not None
    sale_id = terminal.checkout.open_sale(LINES, cashier="Demo Kasir")
    terminal.checkout.pay_cash(sale_id, TOTAL)
    payout_id = payouts.send(
        sale_id,
        AMOUNT,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Demo Manajer",
    ).payout_id
    assert payouts.check(payout_id).status is RefundStatus.PAID
    decline = {"payment": {"id": payout_id, "type": "payout", "status": "decline"}}
    report = PayoutReport(payout_id, PayoutOutcome.DECLINED, reason="Declined", raw=decline)
    settle_from_report(payouts.refunds(), report, now=payouts.clock())
    sandbox(terminal, "reverse", payout_id)
    return payout_id


def test_check_status_now_settles_a_contradicted_payout_as_reversed(qtbot, start_app) -> None:
    dead = RelayClient(f"http://127.0.0.1:{dead_port()}", "no-relay-here")
    app = start_app(relay=dead)
    payout_id = contradicted_payout(app.terminal)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    assert list(tab.shown) == [(ProblemKind.PAYOUT_CONTRADICTED, payout_id)]
    tab.select(payout_id)
    assert tab.check_button.isEnabled()

    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: list(tab.shown) == [(ProblemKind.PAYOUT_REVERSED, payout_id)], timeout=WAIT_MS
    )
    assert tab.status.text() == (
        f"ecommpay reports payout {payout_id} reversed: the customer is owed the money again; "
        "it is listed as reversed."
    )
    tab.select(payout_id)
    assert not tab.check_button.isEnabled(), "a reversed payout's answer is final"
    assert app.terminal.store.refunds.get(payout_id).reversed_at is not None
    dead.close()
