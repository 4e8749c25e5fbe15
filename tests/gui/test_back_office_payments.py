"""Problem payments and refunds to a wallet, on a demo terminal with its real sandbox and relay:
the payout's result comes back in ecommpay's callback, through the relay's long-poll."""

from PySide6.QtCore import Qt

from pos_app.basket import LineItem
from pos_app.gui.app import TerminalApp
from pos_app.gui.back_office.refund_dialog import RefundDialog
from pos_app.payments.model import AttemptState
from pos_app.problem_payments import RESOLUTION
from pos_app.store.payments import EventSource
from pos_app.store.refunds import RefundStatus
from tests.gui.back_office_helpers import idle, show_tab, signed_in
from tests.gui.e2e import WAIT_MS, sandbox
from tests.gui.helpers import answer_confirmation

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000


def pending_qr(app: TerminalApp) -> tuple[int, str]:
    checkout = app.terminal.checkout
    sale_id = checkout.open_sale(LINES, cashier="Demo Kasir")
    return sale_id, checkout.start_qr_payment(sale_id).invoice_number


def late_payment(qtbot, app: TerminalApp) -> tuple[int, str]:
    """The cashier gave up on a QR payment; then the customer paid it anyway."""
    sale_id, invoice = pending_qr(app)
    app.terminal.checkout.abandon_sale(sale_id, "customer left")
    sandbox(app.terminal, "pay", invoice)
    payments = app.terminal.store.payments
    qtbot.waitUntil(lambda: payments.get_attempt(invoice).late, timeout=WAIT_MS)
    return sale_id, invoice


def test_check_status_and_mark_resolved(qtbot, start_app) -> None:
    app = start_app()
    _, invoice = pending_qr(app)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    assert invoice in tab.shown
    tab.select(invoice)

    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status.text() == f"{invoice} is pending now.", timeout=WAIT_MS)
    events = app.terminal.store.payments.get_attempt(invoice).events
    assert events[-1].source is EventSource.STATUS

    idle(qtbot, window)
    tab.select(invoice)
    qtbot.keyClicks(tab.reason, "customer paid cash at the other till")
    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: invoice not in tab.shown, timeout=WAIT_MS)

    attempt = app.terminal.store.payments.get_attempt(invoice)
    assert attempt.state is AttemptState.CANCELLED
    last = attempt.events[-1]
    assert last.source is EventSource.CASHIER
    assert last.payload == {
        RESOLUTION: "customer paid cash at the other till",
        "resolved_by": "Demo Manajer",
    }
    idle(qtbot, window)
    audit = {e.action: e for e in app.terminal.store.audit.recent()}
    assert audit["payment.resolve"].actor == "Demo Manajer"
    assert audit["payment.check_status"].detail == {"invoice_number": invoice, "state": "pending"}


def send(qtbot, dialog: RefundDialog, amount: int) -> RefundStatus:
    """Fill in the form, approve, and wait for ecommpay's callback to settle the payout."""
    before = dialog.refund
    qtbot.waitUntil(lambda: dialog.send_button.isEnabled(), timeout=WAIT_MS)
    dialog.wallet.setText("081234567890")
    dialog.customer.setText("Ani")
    dialog.amount.setText(str(amount))
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)

    def settled() -> None:
        refund = dialog.refund
        assert refund is not None and refund is not before
        assert refund.status is not RefundStatus.PENDING

    qtbot.waitUntil(settled, timeout=WAIT_MS)
    assert dialog.refund is not None
    return dialog.refund.status


def test_a_late_payment_is_refunded_after_two_declined_payouts(qtbot, start_app) -> None:
    app = start_app()
    sale_id, invoice = late_payment(qtbot, app)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    tab.select(invoice)
    qtbot.mouseClick(tab.refund_button, Qt.MouseButton.LeftButton)
    dialog = window.refund_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.left == TOTAL, timeout=WAIT_MS)

    assert send(qtbot, dialog, 400) is RefundStatus.DECLINED  # 40000 minor units
    assert "declined" in dialog.state.text()
    assert send(qtbot, dialog, 404) is RefundStatus.DECLINED  # 40400 minor units
    qtbot.waitUntil(lambda: dialog.left == TOTAL, timeout=WAIT_MS)
    assert send(qtbot, dialog, TOTAL) is RefundStatus.PAID
    assert dialog.state.text().startswith("Paid: Rp 14.000 sent to DOKU Wallet 081234567890.")

    refunds = app.terminal.payouts.refunds().for_sale(sale_id)  # type: ignore[union-attr]
    assert [(r.amount, r.status) for r in refunds] == [
        (400, RefundStatus.DECLINED),
        (404, RefundStatus.DECLINED),
        (TOTAL, RefundStatus.PAID),
    ]
    assert all(r.invoice_number == invoice and r.approved_by == "Demo Manajer" for r in refunds)
    assert refunds[-1].result["payment"]["type"] == "payout"  # the callback body, via the relay
    audit = [e for e in app.terminal.store.audit.recent() if e.action == "refund.approve"]
    assert len(audit) == 3 and audit[0].actor == "Demo Manajer"
    assert not [e for e in app.terminal.store.audit.recent() if e.action == "refund.check_status"]
    qtbot.waitUntil(lambda: dialog.left == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: invoice not in tab.shown, timeout=WAIT_MS)  # wholly paid back


def test_without_ecommpay_settings_the_refund_dialog_names_what_is_missing(
    qtbot, start_app
) -> None:
    app = start_app()
    sale_id = app.terminal.checkout.open_sale(LINES, cashier="Demo Kasir")
    app.terminal.checkout.pay_cash(sale_id, TOTAL)
    payouts, app.terminal.payouts = app.terminal.payouts, None
    try:
        window = signed_in(qtbot, app)
        dialog = window.open_refund(sale_id)
        assert dialog.state.text() == (
            "Refunds to a wallet go out as ecommpay payouts and need the ecommpay settings: "
            "ecommpay.project_id, ecommpay.secret_key, ecommpay.customer_ip."
        )
        assert not dialog.send_button.isEnabled()
    finally:
        app.terminal.payouts = payouts
