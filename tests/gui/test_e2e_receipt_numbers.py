"""Every sale numbered at the counter, and F8 reprinting the last one as a COPY, after a restart
too (a new app over the same database)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QLineEdit

from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.receipt import ReceiptDialog
from pos_app.payments.model import AttemptState
from pos_app.settings.terminal_config import Settings
from pos_app.till.terminal import open_terminal
from tests.gui.e2e import (
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


def pay_cash(qtbot, app) -> ReceiptDialog:
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.quick_buttons[0].click()
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    return wait_for_modal(qtbot, ReceiptDialog)


def test_qr_and_cash_sales_are_numbered_in_turn_and_f8_after_a_restart_prints_a_copy(
    qtbot, start_app_on, tmp_path: Path
):
    path = tmp_path / "shop.db"
    before = open_terminal(Settings(), path, demo=True)
    try:
        app = start_app_on(before)
        sign_in(qtbot, app)
        ring_up_three(qtbot, app)
        payment = open_payment(qtbot, app)
        sandbox(before, "pay", payment.invoice_number)
        wait_state(qtbot, payment, AttemptState.PAID)
        qtbot.keyClick(payment.dialog, Qt.Key.Key_Return)
        by_qr = wait_for_modal(qtbot, ReceiptDialog)
        qr_number, qr_text = by_qr.data.receipt_number, by_qr.preview.toPlainText()
        by_qr.reject()
        qtbot.waitUntil(lambda: app.window.panel.input.hasFocus())
        scan(qtbot, app, TEH)
        by_cash = pay_cash(qtbot, app)
        cash_data, cash_text = by_cash.data, by_cash.preview.toPlainText()
        by_cash.reject()
        qtbot.waitUntil(lambda: app.window.panel.input.hasFocus())
        sale = before.store.sales.last_completed("T1")
        assert sale is not None
        app.close()
    finally:
        before.close()

    day = f"{sale.business_date:%Y%m%d}"
    assert (qr_number, cash_data.receipt_number) == (f"T1-{day}-0001", f"T1-{day}-0002")
    assert sale.receipt_number == cash_data.receipt_number
    for text, number in ((qr_text, qr_number), (cash_text, cash_data.receipt_number)):
        for shown in (number, "Demo Kasir", "T1", f"{sale.business_date:%d/%m/%Y}"):
            assert shown in text, shown
        assert "COPY" not in text

    after = open_terminal(Settings(), path, demo=True)
    try:
        again = start_app_on(after)
        sign_in(qtbot, again)
        press(qtbot, Qt.Key.Key_F8)
        copy = wait_for_modal(qtbot, ReceiptDialog)
        assert copy.data.copy and copy.data.receipt_number == cash_data.receipt_number
        assert (copy.data.total, copy.data.change) == (cash_data.total, cash_data.change)
        assert "COPY" in copy.preview.toPlainText()
        copy.reject()
        again.close()
    finally:
        after.close()


def test_f8_before_any_sale_says_there_is_nothing_to_reprint(qtbot, start_app):
    app = start_app()
    sign_in(qtbot, app)
    press(qtbot, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: app.window.notice.text() == "No receipt to reprint yet.")


def test_a_receipt_printed_again_through_the_print_dialog_says_copy(
    qtbot, start_app, tmp_path: Path
):
    """A shop without a receipt printer prints the cash sale's receipt on its office printer,
    then presses Print… again (the customer asks for one more, or a cashier wants one): the
    second sheet must say COPY, as a second thermal print does, or it passes for a second
    purchase."""
    app = start_app()
    sign_in(qtbot, app)
    scan(qtbot, app, TEH)
    receipt = pay_cash(qtbot, app)
    assert "COPY" not in receipt.document.toPlainText(), "the first print is the original"
    receipt.print_button.click()
    printing = wait_for_modal(qtbot, QPrintDialog)
    # no printer on the test machine: the dialog prints to a file, named in its own field
    printing.findChild(QLineEdit, "filename").setText(str(tmp_path / "first.pdf"))
    printing.accept()
    qtbot.waitUntil((tmp_path / "first.pdf").exists)
    assert "COPY" in receipt.document.toPlainText(), "what Print… prints now"
