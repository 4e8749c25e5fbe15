"""Returning items at the counter through the real windows of a demo terminal: F3, the receipt
number typed like a scan, the quantities, a manager's PIN at the till (a wrong one refused), the
return receipt, the cash out of the cashier's drawer, and the return in the sale's detail."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.domain.basket import LineItem
from pos_app.gui.return_dialog import ReturnDialog, ReturnReceiptDialog
from pos_app.gui.shift_dialogs import ShiftDialog
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.store.payments import EventSource
from tests.gui.back_office_helpers import signed_in
from tests.gui.e2e import GORENG, WAIT_MS, press, scan, sign_in
from tests.gui.helpers import wait_for_modal
from tests.gui.test_back_office_sale_lookup import found
from tests.gui.test_shifts import TOTAL, cash_sale, open_shift


def test_a_cash_return_at_the_counter(qtbot, start_app) -> None:
    app = start_app(ask_for_shift=True)
    open_shift(qtbot, app, "100.000")
    sale_id = cash_sale(app, TOTAL)  # Indomie Goreng × 4
    number = app.terminal.store.sales.get(sale_id).receipt_number
    assert number is not None

    press(qtbot, Qt.Key.Key_F3)
    dialog = wait_for_modal(qtbot, ReturnDialog)
    qtbot.keyClicks(dialog.receipt, number.lower())
    qtbot.keyClick(dialog.receipt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.lines.rowCount() == 1, timeout=WAIT_MS)
    assert [dialog.method.itemData(i) for i in range(dialog.method.count())] == ["cash"]
    assert dialog.wallet.isHidden()
    spin = dialog.lines.cellWidget(0, 3)
    spin.setValue(5)  # more than were sold: the box stops at 4
    assert spin.value() == 4
    spin.setValue(2)
    assert dialog.total.text() == "Money back: Rp 7.000"
    qtbot.waitUntil(lambda: dialog.manager.count() > 0, timeout=WAIT_MS)
    dialog.manager.setCurrentText("Demo Manajer")

    qtbot.keyClicks(dialog.pin, "1234")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "wrong PIN" in dialog.status.text(), timeout=WAIT_MS)
    assert app.terminal.store.returns.for_sale(sale_id) == []
    assert dialog.pin.text() == ""

    qtbot.keyClicks(dialog.pin, "9999")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    receipt = wait_for_modal(qtbot, ReturnReceiptDialog)
    text = receipt.preview.toPlainText()
    for expected in ("RETURN", number, "2 × Indomie Goreng 85g", "-Rp 7.000", "Demo Manajer"):
        assert expected in text, expected
    assert receipt.status.text() == "Give Rp 7.000 back from the drawer."
    [returned] = app.terminal.store.returns.for_sale(sale_id)
    assert (returned.cashier, returned.approved_by, returned.amount) == (
        "Demo Kasir",
        "Demo Manajer",
        7000,
    )
    qtbot.keyClick(receipt.preview, Qt.Key.Key_Escape)

    press(qtbot, Qt.Key.Key_F5)
    panel = wait_for_modal(qtbot, ShiftDialog)
    qtbot.waitUntil(lambda: panel.shift.cash_returns == 7000, timeout=WAIT_MS)
    assert panel.expected.text() == "Rp 107.000"  # float + the sale − the return
    qtbot.keyClick(panel, Qt.Key.Key_Escape)

    window = signed_in(qtbot, app)  # the manager sees the return with the sale
    tab = window.sales
    qtbot.waitUntil(lambda: tab.shown is not None, timeout=WAIT_MS)
    assert found(qtbot, tab, number=number) == [sale_id]
    qtbot.waitUntil(tab.open_button.isEnabled)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    detail = tab.detail
    assert detail is not None
    qtbot.waitUntil(lambda: detail.returns.rowCount() == 1, timeout=WAIT_MS)
    shown = [detail.returns.data(detail.returns.index(0, column)) for column in range(1, 6)]
    assert shown == ["2 × Indomie Goreng 85g", "Rp 7.000", "Cash", "Demo Kasir", "Demo Manajer"]


def test_a_receipt_scanned_at_the_counter_opens_its_return(qtbot, start_app) -> None:
    app = start_app()
    sign_in(qtbot, app)
    sale_id = cash_sale(app, TOTAL)
    number = app.terminal.store.sales.get(sale_id).receipt_number
    assert number is not None
    scan(qtbot, app, number)
    dialog = wait_for_modal(qtbot, ReturnDialog)
    assert dialog.receipt.text() == number
    qtbot.waitUntil(lambda: dialog.lines.rowCount() == 1, timeout=WAIT_MS)
    assert dialog.sale is not None and dialog.sale.sale_id == sale_id
    qtbot.keyClick(dialog.receipt, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is app.window.panel.input)
    scan(qtbot, app, GORENG)  # the till has its keys back: a product scan adds it
    assert [line.sku for line in app.window.basket_model.basket] == ["MIE-001"]


def test_a_sale_whose_payment_the_provider_refunded_offers_no_cash(qtbot, start_app) -> None:
    app = start_app()
    sign_in(qtbot, app)
    store, now = app.terminal.store, app.terminal.checkout.clock()
    sale_id = store.sales.create_sale(
        (LineItem("MIE-001", "Indomie Goreng", 3500, 2),),
        cashier="Demo Kasir",
        terminal_id="T1",
        now=now,
    )
    invoice = store.payments.next_invoice_number("T1", now)
    store.payments.create_attempt(sale_id, ProviderName.DOKU, 7000, invoice, now)
    store.payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=now)
    number = store.sales.complete_with_payment(sale_id, invoice, now).receipt_number
    store.payments.record_status(invoice, PaymentStatus.REFUNDED, source=EventSource.RELAY, now=now)
    assert number is not None

    press(qtbot, Qt.Key.Key_F3)
    dialog = wait_for_modal(qtbot, ReturnDialog)
    qtbot.keyClicks(dialog.receipt, number)
    qtbot.keyClick(dialog.receipt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.lines.rowCount() == 1, timeout=WAIT_MS)

    assert [dialog.method.itemData(i) for i in range(dialog.method.count())] == ["outside"]
    assert dialog.status.text() == (
        f"Receipt {number}: the provider reports its payment refunded already. "
        "Give no cash back; record the items that come back."
    )
    qtbot.keyClick(dialog.receipt, Qt.Key.Key_Escape)
