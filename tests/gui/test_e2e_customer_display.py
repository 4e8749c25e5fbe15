"""The customer display through a whole sale at the real terminal: the line just scanned and the
running total, the change after cash, then the thanks; a QR cancelled at the till leaves no code
on the customer's screen."""

from PySide6.QtCore import Qt

from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.receipt import ReceiptDialog
from tests.gui.e2e import GORENG, TEH, press, scan, sign_in
from tests.gui.helpers import answer_confirmation, wait_for_modal


def test_scans_then_cash_change_then_thanks(qtbot, start_app):
    app = start_app()
    sign_in(qtbot, app)
    display = app.display
    scan(qtbot, app, "2*" + GORENG)
    assert display.pages.currentWidget() is display.basket_page
    assert display.last_line.text() == "Indomie Goreng 85g\n2 × Rp 3.500 = Rp 7.000"
    scan(qtbot, app, TEH)
    assert display.last_line.text().startswith("Teh Botol Sosro")
    assert display.total.text() == "Total Rp 12.500"

    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    qtbot.keyClicks(cash.received_input, "20000")
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    qtbot.waitUntil(lambda: display.pages.currentWidget() is display.change)
    assert "Rp 7.500" in display.change.text()
    display.show_thank_you()  # what the change's timer does (tested on its own)
    qtbot.waitUntil(lambda: app.window.panel.input.hasFocus())
    scan(qtbot, app, TEH)
    assert display.pages.currentWidget() is display.basket_page, "the next customer's first item"


def test_a_qr_cancelled_at_the_till_leaves_the_customers_screen(qtbot, start_app):
    app = start_app()
    sign_in(qtbot, app)
    scan(qtbot, app, TEH)
    press(qtbot, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: app.display.pages.currentWidget() is app.display.payment_page)
    qtbot.waitUntil(lambda: app.display.qr.text != "")
    press(qtbot, Qt.Key.Key_Escape)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: app.controller.payment is None)
    qtbot.waitUntil(lambda: app.display.pages.currentWidget() is app.display.basket_page)
    assert app.display.qr.text == "", "no dead QR code left behind"
    assert app.display.total.text() == "Total Rp 5.500"
