"""Discounts at the counter, end to end on the demo terminal (a PKP: prices include PPN): Ctrl+D on
a line, a basket discount above the limit that only a manager's PIN lets through (audited), the
screen's total and summary, the stored sale and the receipt, all the same figures."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.discount_dialog import DiscountDialog
from pos_app.gui.held_picker import HeldPicker
from pos_app.gui.manager_pin import ManagerPin
from pos_app.gui.quantity_dialog import QuantityDialog
from pos_app.gui.receipt import ReceiptDialog
from tests.gui.e2e import GORENG, TEH, WAIT_MS, press, ring_up_three, scan, sign_in
from tests.gui.helpers import wait_for_modal
from tests.gui.test_e2e_at_the_counter import back_to_front
from tests.gui.test_e2e_counter import hold, recall


def give_discount(qtbot, text: str, *, on_basket: bool = False) -> DiscountDialog:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_for_modal(qtbot, DiscountDialog)
    if on_basket:
        dialog.on_basket.setChecked(True)
    qtbot.keyClicks(dialog.input, text)
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    return dialog


def test_a_line_and_a_basket_discount_reach_the_sale_and_its_receipt(
    qtbot, start_app, demo_terminal
):
    app = start_app()
    sign_in(qtbot, app)
    assert ring_up_three(qtbot, app) == 15_800
    model = app.window.basket_model
    app.window.basket_view.selectRow(0)  # Indomie Goreng x 2, Rp 7.000

    give_discount(qtbot, "10%")  # at the limit: no manager needed
    qtbot.waitUntil(lambda: model.total == 15_100)
    assert model.data(model.index(0, model.NAME)) == "Indomie Goreng 85g (discount 10%)"
    assert model.data(model.index(0, model.LINE_TOTAL)) == "Rp 6.300"

    give_discount(qtbot, "20%", on_basket=True)  # above the limit
    pin = wait_for_modal(qtbot, ManagerPin)
    qtbot.waitUntil(lambda: pin.pad.pin.isEnabled())
    assert model.total == 15_100, "nothing is given before the manager says yes"
    qtbot.keyClicks(pin.pad.pin, "9999")
    qtbot.keyClick(pin.pad.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.total == 12_080, timeout=WAIT_MS)  # 15.100 less 3.020
    back_to_front(qtbot, app)
    screen = model.priced
    assert screen.ppn > 0
    summary = app.window.summary_label.text()
    assert (
        "Discount -Rp 3.720" in summary
        and f"incl. PPN Rp {screen.ppn:,}".replace(",", ".") in summary
    )
    assert app.window.total_label.text() == "Rp 12.080"

    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.quick_buttons[0].click()
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    text = receipt.document.toPlainText()
    receipt.reject()

    sale = demo_terminal.store.sales.get(1)
    assert sale.total == 12_080
    assert sale.priced == screen
    assert sale.discount_approved_by == "Demo Manajer"
    (approval,) = [e for e in demo_terminal.store.audit.recent() if e.action == "discount.approved"]
    assert approval.actor == "Demo Manajer"
    assert approval.detail["on"] == "basket" and approval.detail["off"] == 3_020
    for expected in ("Discount 10%", "-Rp 700", "Basket discount 20%", "-Rp 3.020", "Rp 12.080"):
        assert expected in text, expected
    assert "Harga sudah termasuk PPN" in text
    assert f"Rp {screen.ppn:,}".replace(",", ".") in text


def test_a_manager_who_says_no_leaves_the_basket_as_it_was(qtbot, start_app):
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    give_discount(qtbot, "5.000", on_basket=True)  # 5.000 of 15.800: above 10 %
    pin = wait_for_modal(qtbot, ManagerPin)
    pin.reject()
    assert app.window.basket_model.total == 15_800
    assert app.window.basket_model.basket.discount is None


def test_a_discount_larger_than_its_line_keeps_the_dialog_open(qtbot, start_app):
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    app.window.basket_view.selectRow(2)  # Teh Botol, Rp 5.500
    dialog = give_discount(qtbot, "6.000")
    assert dialog.isVisible()
    assert "more than the Rp 5.500" in dialog.warning.text()
    dialog.reject()
    assert app.window.basket_model.total == 15_800


def test_a_held_basket_comes_back_with_its_approved_discount(qtbot, start_app, demo_terminal):
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    give_discount(qtbot, "20%", on_basket=True)  # above the limit
    pin = wait_for_modal(qtbot, ManagerPin)
    qtbot.waitUntil(lambda: pin.pad.pin.isEnabled())
    qtbot.keyClicks(pin.pad.pin, "9999")
    qtbot.keyClick(pin.pad.pin, Qt.Key.Key_Return)
    model = app.window.basket_model
    qtbot.waitUntil(lambda: model.total == 12_640, timeout=WAIT_MS)  # 15.800 less 3.160
    back_to_front(qtbot, app)
    hold(qtbot, app, "Ibu Ani")
    assert model.total == 0

    press(qtbot, Qt.Key.Key_F6)
    picker = wait_for_modal(qtbot, HeldPicker)
    assert picker.table.item(0, 4).text() == "Rp 12.640", "listed at what it costs recalled"
    picker.reject()
    recall(qtbot, "Ibu Ani")
    qtbot.waitUntil(lambda: len(model.basket) == 3, timeout=WAIT_MS)
    assert model.total == 12_640, "the basket discount is held with the lines"
    assert QApplication.activeModalWidget() is None, "no second PIN for the approved discount"
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.quick_buttons[0].click()
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    sale = demo_terminal.store.sales.get(1)
    assert (sale.total, sale.discount_approved_by) == (12_640, "Demo Manajer")


def test_an_approval_of_one_discount_does_not_let_another_grow_past_the_limit(
    qtbot, start_app, demo_terminal
):
    """Rp 5.000 off ten teas (9 %: the cashier's to give), a manager's 20 % off the noodles,
    then two teas, not ten: the Rp 5.000 takes 45 %, which nobody approved."""
    app = start_app()
    sign_in(qtbot, app)
    scan(qtbot, app, "10*" + TEH)
    scan(qtbot, app, GORENG)
    model = app.window.basket_model
    app.window.basket_view.selectRow(0)
    give_discount(qtbot, "5.000")
    qtbot.waitUntil(lambda: model.basket.line("MIN-001").discount is not None)
    app.window.basket_view.selectRow(1)
    give_discount(qtbot, "20%")
    pin = wait_for_modal(qtbot, ManagerPin)
    qtbot.waitUntil(lambda: pin.pad.pin.isEnabled())
    qtbot.keyClicks(pin.pad.pin, "9999")
    qtbot.keyClick(pin.pad.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.basket.line("MIE-001").discount is not None, timeout=WAIT_MS)
    back_to_front(qtbot, app)
    app.window.basket_view.selectRow(0)
    press(qtbot, Qt.Key.Key_F4)
    quantity = wait_for_modal(qtbot, QuantityDialog)
    quantity.input.setText("2")
    qtbot.keyClick(quantity.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.basket.line("MIN-001").quantity == 2)

    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.quick_buttons[0].click()
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: "more than a manager approved" in app.window.panel.message.text(), timeout=WAIT_MS
    )
    assert [(line.sku, line.quantity) for line in model.basket] == [("MIN-001", 2), ("MIE-001", 1)]
    completed = demo_terminal.store.repositories().db.execute(
        "SELECT count(*) FROM sales WHERE status = 'completed'"
    )
    assert completed.fetchone()[0] == 0
