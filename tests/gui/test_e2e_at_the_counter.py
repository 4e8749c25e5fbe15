"""The counter end to end, as issue 12 asked: switching cashier, the customer display after a
declined QR, Check status's answer, and the late-payment banner after the manager's refund; the
real window, store, sandbox and relay."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.domain.lifecycles import RefundStatus
from pos_app.gui.app import TerminalApp
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.held_picker import HeldPicker
from pos_app.gui.receipt import ReceiptDialog
from pos_app.payments.model import AttemptState
from tests.gui.back_office_helpers import show_tab, signed_in
from tests.gui.e2e import (
    TEH,
    WAIT_MS,
    open_payment,
    press,
    ring_up_three,
    sandbox,
    scan,
    sign_in,
    wait_state,
)
from tests.gui.helpers import answer_confirmation, wait_for_modal
from tests.gui.test_back_office_payments import TOTAL, late_payment, send


def back_to_front(qtbot, app: TerminalApp) -> None:
    """What the desktop does when a window over the terminal's closes: the terminal's window is
    active again (the offscreen platform leaves no window active instead)."""
    app.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.shell)


def test_f7_holds_the_basket_and_the_next_cashier_signs_in(qtbot, start_app, demo_terminal):
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    press(qtbot, Qt.Key.Key_F7)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: app.shell.currentWidget() is not app.window, timeout=WAIT_MS)
    back_to_front(qtbot, app)
    assert app.sign_in.isVisible() and app.user is None
    press(qtbot, Qt.Key.Key_F9)
    assert QApplication.activeModalWidget() is None, "the cashier screen's keys are asleep"
    qtbot.waitUntil(lambda: len(demo_terminal.store.held.list_held()) == 1, timeout=WAIT_MS)
    [held] = demo_terminal.store.held.list_held()
    assert held.cashier == "Demo Kasir"
    assert sum(line.line_total for line in held.lines) == 15_800

    sign_in(qtbot, app, "9999")
    qtbot.waitUntil(lambda: app.window.cashier_label.text() == "Cashier: Demo Manajer")
    qtbot.waitUntil(lambda: app.window.held_label.text() == "Held baskets: 1", timeout=WAIT_MS)
    assert len(app.window.basket_model.basket) == 0
    scan(qtbot, app, TEH)
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.quick_buttons[0].click()
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    assert demo_terminal.store.sales.get(1).cashier == "Demo Manajer", "the sale is the new one's"
    press(qtbot, Qt.Key.Key_F6)
    picker = wait_for_modal(qtbot, HeldPicker)
    assert picker.table.item(0, 1).text() == "Demo Kasir", "the list says whose basket it is"


def test_a_declined_qr_leaves_the_customer_display(qtbot, start_app, demo_terminal):
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    assert app.display.pages.currentWidget() is app.display.payment_page

    sandbox(demo_terminal, "decline", payment.invoice_number)
    wait_state(qtbot, payment, AttemptState.DECLINED)
    qtbot.waitUntil(lambda: app.display.pages.currentWidget() is app.display.basket_page)
    assert app.display.total.text() == "Total Rp 15.800"

    payment.dialog.retry_button.click()
    wait_state(qtbot, payment, AttemptState.PENDING)
    qtbot.waitUntil(lambda: app.display.pages.currentWidget() is app.display.payment_page)
    assert app.display.qr.text == payment.attempt.payment_url


def test_check_status_says_what_it_found(qtbot, start_app, demo_terminal):
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    status = payment.dialog.status_line

    payment.dialog.check_button.click()
    assert status.text() == "Asking the payment service…"
    qtbot.waitUntil(lambda: status.text().startswith("Not paid yet"), timeout=WAIT_MS)
    assert payment.dialog.state is AttemptState.PENDING


def test_the_late_payment_banner_goes_once_the_manager_refunded_it(qtbot, start_app):
    app = start_app()
    sign_in(qtbot, app)
    _, invoice = late_payment(qtbot, app)
    qtbot.waitUntil(lambda: invoice in app.window.late_label.text(), timeout=WAIT_MS)
    assert app.window.late_label.isVisible()

    office = signed_in(qtbot, app)
    tab = office.problems
    show_tab(qtbot, office, tab)
    tab.select(invoice)
    qtbot.mouseClick(tab.refund_button, Qt.MouseButton.LeftButton)
    dialog = office.refund_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.left == TOTAL, timeout=WAIT_MS)
    dialog.reason.setText("customer left")
    assert send(qtbot, dialog, 5_000) is RefundStatus.PAID
    qtbot.waitUntil(lambda: dialog.left == TOTAL - 5_000, timeout=WAIT_MS)
    assert (dialog.wallet.text(), dialog.customer.text(), dialog.reason.text()) == ("", "", "")
    assert dialog.amount.text() == str(TOTAL - 5_000), "what is left, not the amount just paid"
    dialog.send_button.click()
    assert QApplication.activeModalWidget() is dialog, "nothing asks to confirm a payout"
    assert "wallet number" in dialog.state.text(), "no second payout without a new wallet"
    assert app.window.late_label.isVisible(), "part of the money is still the manager's"

    assert send(qtbot, dialog, TOTAL - 5_000) is RefundStatus.PAID
    dialog.reject()
    office.close()
    back_to_front(qtbot, app)
    qtbot.waitUntil(lambda: app.window.late_label.isHidden(), timeout=WAIT_MS)


def test_the_next_customers_scan_closes_the_receipt_and_rings_up(qtbot, start_app, demo_terminal):
    """The receipt opens by itself after a sale; the scanner's keys, each sent wherever the
    focus is at that moment, ring up the next customer's item instead of vanishing on it."""
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.set_received(total)
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is receipt)

    for key in [*TEH, Qt.Key.Key_Return]:
        # The focus widget of the active window; between the receipt closing and the desktop
        # activating the terminal's window, that of the terminal's window, which gets the keys.
        target = QApplication.focusWidget() or app.shell.focusWidget()
        assert target is not None
        qtbot.keyClick(target, key)
    qtbot.waitUntil(lambda: len(app.window.basket_model.basket) == 1, timeout=WAIT_MS)
    assert [(line.sku, line.quantity) for line in app.window.basket_model.basket] == [
        ("MIN-001", 1)
    ]
    assert QApplication.activeModalWidget() is None
