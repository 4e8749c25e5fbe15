"""The Sales tab finds a sale by receipt number, invoice number, amount or time; its detail shows
the lines, the tender, the payment attempts with their events, the history and the refunds; and
Reprint prints its receipt again marked COPY. On a demo terminal with its real sandbox and relay."""

from PySide6.QtCore import QDateTime, Qt

from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import RefundStatus, SaleStatus
from pos_app.gui.app import TerminalApp
from pos_app.gui.back_office.sales_tab import SalesTab
from pos_app.gui.receipt import ReceiptDialog
from pos_app.store.sales import Sale
from tests.gui.back_office_helpers import idle, signed_in
from tests.gui.e2e import WAIT_MS, sandbox
from tests.gui.helpers import wait_for_modal

QR_LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
CASH_LINES = (LineItem("MIN-001", "Teh Botol Sosro 450ml", 5500, 1),)


def cash_sale(app: TerminalApp) -> Sale:
    checkout = app.terminal.checkout
    return checkout.pay_cash(checkout.open_sale(CASH_LINES, cashier="Demo Kasir"), 10_000)


def qr_sale(qtbot, app: TerminalApp) -> Sale:
    """Paid by the customer through the sandbox; completed by the relay's event."""
    checkout = app.terminal.checkout
    sale_id = checkout.open_sale(QR_LINES, cashier="Demo Kasir")
    sandbox(app.terminal, "pay", checkout.start_qr_payment(sale_id).invoice_number)
    sales = app.terminal.store.sales
    qtbot.waitUntil(lambda: sales.get(sale_id).status is SaleStatus.COMPLETED, timeout=WAIT_MS)
    return sales.get(sale_id)


def refund_part(qtbot, app: TerminalApp, sale: Sale, amount: int) -> None:
    payouts = app.terminal.payouts
    assert payouts is not None
    payouts.send(
        sale.id,
        amount,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Demo Manajer",
        reason="one pack was torn",
    )
    refunds = app.terminal.store.refunds
    qtbot.waitUntil(
        lambda: refunds.for_sale(sale.id)[-1].status is RefundStatus.PAID, timeout=WAIT_MS
    )


def found(qtbot, tab: SalesTab, *, number: str = "", amount: str = "") -> list[int]:
    tab.find_number.setText(number)
    tab.find_amount.setText(amount)
    before = tab.found
    qtbot.mouseClick(tab.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.found is not None and tab.found is not before, timeout=WAIT_MS)
    assert tab.found is not None
    listed = [int(tab.sales.data(tab.sales.index(row, 1))) for row in range(tab.sales.rowCount())]
    assert listed == [sale.sale_id for sale in tab.found]
    assert tab.found_label.text().startswith(f"{len(listed)} sales found.")
    return listed


def test_a_sale_is_found_by_receipt_invoice_amount_or_time(qtbot, start_app) -> None:
    app = start_app()
    by_cash = cash_sale(app)
    by_qr = qr_sale(qtbot, app)
    window = signed_in(qtbot, app)
    tab = window.sales
    qtbot.waitUntil(lambda: tab.shown is not None, timeout=WAIT_MS)
    receipts = {tab.sales.data(tab.sales.index(row, 2)) for row in range(tab.sales.rowCount())}
    assert receipts == {by_cash.receipt_number, by_qr.receipt_number}, "the day lists them"
    assert by_qr.receipt_number is not None and by_qr.invoice_number is not None

    assert found(qtbot, tab, number=by_qr.receipt_number) == [by_qr.id]
    row = [tab.sales.data(tab.sales.index(0, column)) for column in range(tab.sales.columnCount())]
    assert row[2:] == [
        by_qr.receipt_number, "completed", "QR", "DOKU Wallet", "paid", by_qr.invoice_number,
        "Demo Kasir", "Rp 14.000",
    ]  # fmt: skip
    assert row[0].startswith(f"{by_qr.business_date:%Y-%m-%d} "), "a lookup spans days"
    assert found(qtbot, tab, number=by_qr.receipt_number[-4:]) == [by_qr.id]
    assert found(qtbot, tab, number=by_qr.invoice_number.lower()) == [by_qr.id]
    assert found(qtbot, tab, amount="Rp 5.500") == [by_cash.id]
    assert found(qtbot, tab, amount="14000") == [by_qr.id]

    tab.find_between.setChecked(True)  # the chosen business day, in shop time
    assert found(qtbot, tab) == [by_qr.id, by_cash.id]
    later = tab.find_from.dateTime().addDays(1)
    tab.find_from.setDateTime(later)
    tab.find_to.setDateTime(QDateTime(later).addSecs(3600))
    assert found(qtbot, tab) == []
    tab.find_between.setChecked(False)

    tab.find_amount.setText("lima ribu")
    qtbot.mouseClick(tab.find_button, Qt.MouseButton.LeftButton)
    assert "whole number of rupiah" in tab.status.text()
    tab.find_amount.clear()
    tab.find_number.clear()
    qtbot.mouseClick(tab.find_button, Qt.MouseButton.LeftButton)
    assert "receipt or invoice number" in tab.status.text()

    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.found is None and tab.sales.rowCount() == 2, timeout=WAIT_MS)
    assert tab.found_label.text() == ""


def test_the_detail_shows_lines_payments_and_refunds_and_reprints_a_copy(qtbot, start_app) -> None:
    app = start_app()
    sale = qr_sale(qtbot, app)
    refund_part(qtbot, app, sale, 3500)
    refund_part(qtbot, app, sale, 1000)
    taken_back = app.terminal.store.refunds.for_sale(sale.id)[-1]
    sandbox(app.terminal, "reverse", taken_back.payout_id)  # the wallet could not take it
    refunds = app.terminal.store.refunds
    qtbot.waitUntil(
        lambda: refunds.get(taken_back.payout_id).reversed_at is not None, timeout=WAIT_MS
    )
    window = signed_in(qtbot, app)
    tab = window.sales
    qtbot.waitUntil(lambda: tab.shown is not None, timeout=WAIT_MS)
    assert sale.receipt_number is not None and sale.invoice_number is not None
    assert found(qtbot, tab, number=sale.receipt_number) == [sale.id]
    qtbot.waitUntil(tab.open_button.isEnabled)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    dialog = tab.detail
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=WAIT_MS)

    def rows(model) -> list[list[str]]:
        return [
            [model.data(model.index(row, column)) for column in range(model.columnCount())]
            for row in range(model.rowCount())
        ]

    summary = dialog.summary.text()
    for shown in (sale.receipt_number, "Demo Kasir", "Terminal: T1", "Rp 14.000", "completed"):
        assert shown in summary, shown
    assert rows(dialog.lines) == [["Indomie Goreng 85g", "MIE-001", "4", "Rp 3.500", "Rp 14.000"]]
    assert rows(dialog.tenders) == [
        ["DOKU Wallet", sale.invoice_number, sale.payment_reference or "", "Rp 14.000", "", ""]
    ]
    assert [row[0] for row in rows(dialog.attempts)] == [sale.invoice_number]
    events = rows(dialog.events)
    assert [(row[2], row[3]) for row in events][-1] == ("relay", "paid")
    assert all(row[1] == sale.invoice_number for row in events)
    assert [(row[1], row[2]) for row in rows(dialog.history)] == [
        ("", "open"),
        ("open", "completed"),
    ]
    assert [(row[2], row[3], row[4], row[5]) for row in rows(dialog.refunds)] == [
        ("Rp 3.500", "paid", "Demo Manajer", "one pack was torn"),
        ("Rp 1.000", "paid, then reversed", "Demo Manajer", "one pack was torn"),
    ]

    qtbot.waitUntil(dialog.reprint_button.isEnabled)
    qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert receipt.data.copy and receipt.data.receipt_number == sale.receipt_number
    text = receipt.preview.toPlainText()
    assert text.startswith("COPY") and sale.receipt_number in text and "Demo Kasir" in text
    assert "printed again as a COPY" in dialog.status.text()
    receipt.reject()
    idle(qtbot, window)
    reprints = [e for e in app.terminal.store.audit.recent() if e.action == "sale.reprint"]
    assert [(e.actor, e.detail) for e in reprints] == [
        ("Demo Manajer", {"sale": sale.id, "receipt_number": sale.receipt_number})
    ]


def test_a_cancelled_sale_opens_without_a_receipt_to_reprint(qtbot, start_app) -> None:
    app = start_app()
    checkout = app.terminal.checkout
    sale_id = checkout.open_sale(QR_LINES, cashier="Demo Kasir")
    attempt = checkout.start_qr_payment(sale_id)
    checkout.abandon_sale(sale_id, "customer left")
    window = signed_in(qtbot, app)
    tab = window.sales
    qtbot.waitUntil(lambda: tab.shown is not None, timeout=WAIT_MS)
    assert found(qtbot, tab, number=attempt.invoice_number) == [sale_id]
    assert not tab.refund_button.isEnabled()
    tab.sales_view.doubleClicked.emit(tab.sales.index(0, 0))
    dialog = tab.detail
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=WAIT_MS)
    assert "Receipt no. —" in dialog.summary.text() and "cancelled" in dialog.summary.text()
    assert dialog.tenders.rowCount() == 0 and not dialog.reprint_button.isEnabled()
    states = [
        dialog.events.data(dialog.events.index(r, 3)) for r in range(dialog.events.rowCount())
    ]
    assert states[-1] == "cancelled"
