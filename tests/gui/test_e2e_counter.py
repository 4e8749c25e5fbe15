"""The counter end to end: sign-in, cash with change, hold and recall, receipts, back office."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.gui.back_office import ManagerSignIn
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.receipt import ReceiptDialog
from pos_app.payments.model import AttemptState
from pos_app.settings.terminal_config import Settings
from pos_app.store.sales import SaleStatus, Tender
from pos_app.till.terminal import open_terminal
from tests.gui.e2e import (
    GORENG,
    TEH,
    open_payment,
    press,
    ring_up_three,
    sandbox,
    scan,
    sign_in,
    wait_state,
)
from tests.gui.helpers import wait_for_modal


def test_wrong_pin_is_refused_and_the_demo_pins_are_shown(qtbot, start_app):
    app = start_app()
    hint = app.sign_in.hint.text()
    assert "Demo Kasir PIN 1111" in hint and "Demo Manajer PIN 9999" in hint
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.shell)
    press(qtbot, Qt.Key.Key_F12)
    assert app.window.panel.message.text() == "", "the cashier screen's keys are asleep"
    qtbot.keyClicks(app.sign_in.pin, "4321")
    qtbot.keyClick(app.sign_in.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in app.sign_in.error.text())
    assert app.shell.currentWidget() is not app.window and app.sign_in.isVisible()
    assert app.shell.demo_mark.isVisible(), "DEMO shows from the first screen"

    sign_in(qtbot, app, "9999")
    assert app.window.cashier_label.text() == "Cashier: Demo Manajer"
    assert app.window.provider_label.text() == "DOKU Wallet SANDBOX"
    assert app.window.demo_mark.isVisible()
    qtbot.waitUntil(lambda: app.window.relay_label.text() == "Relay: connected")


def test_cash_sale_with_change_and_a_reprinted_receipt(qtbot, start_app, demo_terminal):
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    qtbot.keyClicks(cash.received_input, "50.000")
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)

    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert (receipt.data.tender, receipt.data.received, receipt.data.change) == (
        "Cash",
        50_000,
        50_000 - total,
    )
    assert "Rp 34.200" in receipt.preview.toPlainText()
    assert len(app.window.basket_model.basket) == 0
    assert app.display.pages.currentWidget() is app.display.thanks
    sale = demo_terminal.store.sales.get(1)  # the fresh database's first sale
    assert (sale.status, sale.tender, sale.total) == (SaleStatus.COMPLETED, Tender.CASH, total)
    assert (sale.cash_received, sale.change_due) == (50_000, 50_000 - total)
    assert sale.cashier == "Demo Kasir" and len(sale.lines) == 3
    receipt.reject()
    qtbot.waitUntil(lambda: app.window.panel.input.hasFocus())

    press(qtbot, Qt.Key.Key_F8)
    again = wait_for_modal(qtbot, ReceiptDialog)
    assert again is not receipt and again.data == receipt.data
    again.reject()


def test_declined_qr_then_cash_completes_the_same_sale(qtbot, start_app, demo_terminal):
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    attempt = payment.attempt
    sandbox(demo_terminal, "decline", attempt.invoice_number)
    wait_state(qtbot, payment, AttemptState.DECLINED)

    payment.dialog.other_button.click()
    cash = wait_for_modal(qtbot, CashDialog)
    assert cash.total == total
    cash.quick_buttons[0].click()
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert receipt.data.change == 0
    sale = demo_terminal.store.sales.get(attempt.sale_id)
    assert sale.status is SaleStatus.COMPLETED and sale.tender is Tender.CASH
    assert sale.cash_received == total
    receipt.reject()


def test_hold_then_serve_another_customer_then_recall(qtbot, start_app, demo_terminal):
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    press(qtbot, Qt.Key.Key_F6)
    assert len(app.window.basket_model.basket) == 0
    qtbot.waitUntil(lambda: "Basket held" in app.window.statusBar().currentMessage())
    held = demo_terminal.store.held.list_held()
    assert [(line.sku, line.quantity) for line in held[0].lines] == [
        ("MIE-001", 2),
        ("MIE-002", 1),
        ("MIN-001", 1),
    ]
    assert held[0].cashier == "Demo Kasir"

    scan(qtbot, app, TEH)
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.quick_buttons[0].click()
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    qtbot.waitUntil(lambda: app.window.panel.input.hasFocus())

    press(qtbot, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: len(app.window.basket_model.basket) == 3)
    assert [(line.sku, line.quantity) for line in app.window.basket_model.basket] == [
        ("MIE-001", 2),
        ("MIE-002", 1),
        ("MIN-001", 1),
    ]
    assert demo_terminal.store.held.list_held() == []
    scan(qtbot, app, GORENG)
    assert app.window.basket_model.basket.line("MIE-001").quantity == 3


def test_f6_pressed_twice_recalls_one_basket(qtbot, start_app, demo_terminal):
    app = start_app()
    sign_in(qtbot, app)
    for code in (GORENG, TEH):
        scan(qtbot, app, code)
        press(qtbot, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: "Basket held" in app.window.statusBar().currentMessage())
        app.window.statusBar().clearMessage()
    assert len(demo_terminal.store.held.list_held()) == 2

    line = QApplication.focusWidget()
    qtbot.keyClick(line, Qt.Key.Key_F6)
    qtbot.keyClick(line, Qt.Key.Key_F6)  # before the first recall is back
    qtbot.waitUntil(lambda: "Basket recalled" in app.window.statusBar().currentMessage())
    qtbot.waitUntil(lambda: app.runner.pending == 0)
    assert [line.sku for line in app.window.basket_model.basket] == ["MIE-001"]
    assert [held.lines[0].sku for held in demo_terminal.store.held.list_held()] == ["MIN-001"]


def test_f10_asks_for_a_manager_pin(qtbot, start_app):
    app = start_app()
    sign_in(qtbot, app)
    press(qtbot, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ManagerSignIn))
    QApplication.activeModalWidget().reject()


def test_a_terminal_without_users_says_so_on_the_sign_in_page(qtbot, start_app, tmp_path):
    bare = open_terminal(Settings(), tmp_path / "kasir.db")
    try:
        app = start_app(bare)
        qtbot.waitUntil(lambda: "add users" in app.sign_in.error.text())
        assert app.shell.demo_mark.isHidden() and app.sign_in.hint.text() == ""
        app.close()
    finally:
        bare.close()
