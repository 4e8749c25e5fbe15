"""Returning items at the counter through the real windows of a demo terminal: F3, the receipt
number typed like a scan, the quantities, a manager's PIN at the till (a wrong one refused), the
return receipt, the cash out of the cashier's drawer, and the return in the sale's detail."""

import sqlite3
from pathlib import Path

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.clients.relay_client import RelayClient
from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.gui.return_dialog import ReturnDialog, ReturnReceiptDialog
from pos_app.gui.shift_dialogs import ShiftDialog, ShiftReportDialog
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.payments.registry import build_payouts
from pos_app.store.payment_records import EventSource
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.till.refund_payouts import Payouts
from pos_app.till.returns import ReturnDesk, ReturnOutcome
from pos_app.till.terminal import Terminal
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
    assert not dialog.receipt.isReadOnly(), "another receipt can be looked up after a refusal"

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
    sale = store.sales.get(qr_sale(app.terminal))
    assert sale.invoice_number is not None and sale.receipt_number is not None
    store.payments.record_status(
        sale.invoice_number, PaymentStatus.REFUNDED, source=EventSource.RELAY, now=now
    )
    number = sale.receipt_number

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


def test_a_wallet_return_not_paid_is_made_again_at_the_counter(qtbot, start_app) -> None:
    """The customer comes back: F3 and the receipt offer the failed return, its items fixed;
    paid back in cash, the new return names it and the manager has nothing left to resolve."""
    app = start_app()
    sign_in(qtbot, app)
    terminal = app.terminal
    assert terminal.payouts is not None
    terminal.payouts.relay = RelayClient("http://127.0.0.1:9", "token", timeout=1)
    sale_id = qr_sale(terminal)
    failed = returned(terminal, sale_id, ReturnMethod.WALLET)
    assert failed.payout_failed
    number = terminal.store.sales.get(sale_id).receipt_number
    assert number is not None

    press(qtbot, Qt.Key.Key_F3)
    dialog = wait_for_modal(qtbot, ReturnDialog)
    qtbot.keyClicks(dialog.receipt, number)
    qtbot.keyClick(dialog.receipt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.lines.rowCount() == 1, timeout=WAIT_MS)
    spin = dialog.lines.cellWidget(0, 3)
    assert dialog.again.isVisible() and dialog.again.currentData() == failed.returned.id
    assert (spin.value(), spin.isEnabled()) == (2, False)
    assert "a wallet return of Rp 7.000 was not paid back" in dialog.status.text()
    dialog.again.setCurrentIndex(0)  # other items: the cashier counts them
    assert (spin.value(), spin.isEnabled()) == (0, True)
    assert spin.maximum() == 0, "both Indomie came back with the failed return"
    dialog.again.setCurrentIndex(1)
    assert (spin.value(), dialog.total.text()) == (2, "Money back: Rp 7.000")
    dialog.method.setCurrentIndex(dialog.method.findData(ReturnMethod.CASH.value))
    qtbot.waitUntil(lambda: dialog.manager.count() > 0, timeout=WAIT_MS)
    dialog.manager.setCurrentText("Demo Manajer")
    qtbot.keyClicks(dialog.pin, "9999")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    receipt = wait_for_modal(qtbot, ReturnReceiptDialog)
    assert f"Pays back unpaid return\n{failed.returned.number}" in receipt.preview.toPlainText()
    assert receipt.status.text() == "Give Rp 7.000 back from the drawer."
    again = terminal.store.returns.for_sale(sale_id)[-1]
    assert (again.method, again.amount, again.redo_of) == (
        ReturnMethod.CASH,
        7000,
        failed.returned.id,
    )
    assert list_problems(terminal.store.repositories().db) == []
    qtbot.keyClick(receipt.preview, Qt.Key.Key_Escape)


def qr_sale(terminal: Terminal) -> int:
    """Indomie Goreng × 2, Rp 7.000, paid by DOKU Wallet and completed."""
    store, now = terminal.store, terminal.checkout.clock()
    sale_id = store.sales.create_sale(
        (LineItem("MIE-001", "Indomie Goreng", 3500, 2),),
        cashier="Demo Kasir",
        terminal_id="T1",
        now=now,
    )
    invoice = store.payments.next_invoice_number("T1", now)
    store.payments.create_attempt(sale_id, ProviderName.DOKU, 7000, invoice, now)
    store.payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=now)
    store.sales.complete_with_payment(sale_id, invoice, now)
    return sale_id


def returned(
    terminal: Terminal, sale_id: int, method: ReturnMethod, *, redo_of: int | None = None
) -> ReturnOutcome:
    """Both Indomie back, approved by the demo manager (``redo_of``: making that return
    again)."""
    return ReturnDesk(terminal, "Demo Kasir").make_return(
        sale_id,
        {1: 2},
        method=method,
        manager="Demo Manajer",
        pin="9999",
        account_number="081234567890",
        customer_name="Budi",
        redo_of=redo_of,
    )


def test_a_wallet_return_whose_payout_answer_is_lost_gives_no_cash_too(
    qtbot, demo_terminal: Terminal
) -> None:
    """ecommpay takes the payout but its answer comes after the till stopped waiting: the
    money is on its way, so the receipt must not send the cashier to the drawer as well (the
    customer would be paid twice and the drawer short), nor say it was paid back."""
    embedded, payouts = demo_terminal.embedded, demo_terminal.payouts
    assert embedded is not None and payouts is not None
    demo_terminal.payouts = Payouts(
        demo_terminal.store,
        build_payouts(demo_terminal.settings, embedded.relay.url, timeout=0.5),
        relay=payouts.relay,
        terminal_id=payouts.terminal_id,
    )
    delay = {"path": "/v2/payment/wallet/doku/payout", "seconds": 2, "count": 1}
    httpx.post(f"{embedded.sandbox.url}/_sandbox/delay", json=delay).raise_for_status()
    sale_id = qr_sale(demo_terminal)

    outcome = returned(demo_terminal, sale_id, ReturnMethod.WALLET)

    assert outcome.payout_unknown and not outcome.payout_failed
    receipt = ReturnReceiptDialog(ReturnDesk(demo_terminal, "Demo Kasir"), outcome, None)
    qtbot.addWidget(receipt)
    text = receipt.status.text()
    assert "Give nothing back meanwhile" in text and "cash" not in text.lower(), text
    shown = receipt.preview.toPlainText()
    assert "TO BE PAID BACK" in shown and "Paid back" not in shown, "ecommpay has not paid it"
    receipt.show()
    qtbot.waitExposed(receipt)
    below = receipt.status.geometry().top() > receipt.preview.geometry().bottom()
    assert below, "the wrapped status is not drawn over the receipt"
    refunds = demo_terminal.store.refunds
    assert outcome.refund is not None
    payout_id = outcome.refund.payout_id
    relay = demo_terminal.relay
    assert relay is not None

    def paid_by_the_callback() -> bool:
        relay.poll(demo_terminal.checkout, wait=1)
        return refunds.get(payout_id).status is RefundStatus.PAID

    qtbot.waitUntil(paid_by_the_callback, timeout=WAIT_MS)
    assert [r.method for r in demo_terminal.store.returns.for_sale(sale_id)] == [
        ReturnMethod.WALLET
    ]


def test_a_wallet_return_whose_payout_did_not_go_out_is_made_again_in_cash(
    qtbot, demo_terminal: Terminal
) -> None:
    payouts = demo_terminal.payouts
    assert payouts is not None
    payouts.relay = RelayClient("http://127.0.0.1:9", "token", timeout=1)
    sale_id = qr_sale(demo_terminal)

    outcome = returned(demo_terminal, sale_id, ReturnMethod.WALLET)

    assert outcome.payout_failed
    receipt = ReturnReceiptDialog(ReturnDesk(demo_terminal, "Demo Kasir"), outcome, None)
    qtbot.addWidget(receipt)
    assert receipt.status.text().endswith(
        "Nothing is paid back yet: make the return again, in cash, so the drawer records the money."
    )
    db = demo_terminal.store.repositories().db
    assert outcome.refund is not None
    assert [(p.kind, p.invoice_number) for p in list_problems(db)] == [
        (ProblemKind.RETURN_NOT_PAID, outcome.refund.payout_id)
    ]
    again = returned(demo_terminal, sale_id, ReturnMethod.CASH, redo_of=outcome.returned.id)
    assert (again.returned.method, again.returned.amount) == (ReturnMethod.CASH, 7000)
    assert list_problems(db) == []


def found_return(qtbot, app, number: str) -> ReturnDialog:
    press(qtbot, Qt.Key.Key_F3)
    dialog = wait_for_modal(qtbot, ReturnDialog)
    qtbot.keyClicks(dialog.receipt, number)
    qtbot.keyClick(dialog.receipt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.lines.rowCount() >= 1 and not dialog._busy, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.manager.count() > 0, timeout=WAIT_MS)
    dialog.manager.setCurrentText("Demo Manajer")
    return dialog


def receipts_shown() -> list[ReturnReceiptDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ReturnReceiptDialog) and w.isVisible()
    ]


def test_the_return_dialog_waits_for_the_return_it_makes_before_it_closes(
    qtbot, start_app, demo_terminal, tmp_path: Path
) -> None:
    """Another writer holds the store a moment (an upload, the relay's events): the cashier,
    seeing "Making the return…", presses Esc. The dialog stays until the return is made, and
    its receipt says to give Rp 7.000 back from the drawer (closed, the return would have been
    made with nobody told to give the money back)."""
    app = start_app(ask_for_shift=True)
    open_shift(qtbot, app, "100.000")
    sale_id = cash_sale(app, TOTAL)
    number = app.terminal.store.sales.get(sale_id).receipt_number
    assert number is not None
    dialog = found_return(qtbot, app, number)
    dialog.lines.cellWidget(0, 3).setValue(2)

    other = sqlite3.connect(tmp_path / "demo.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        qtbot.keyClicks(dialog.pin, "9999")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
        assert dialog.status.text() == "Making the return…"
        qtbot.keyClicks(dialog.receipt, "9")  # the return is of the sale shown: the field waits
        assert dialog.receipt.text() == number and dialog.lines.rowCount() == 1
        qtbot.keyClick(dialog.receipt, Qt.Key.Key_Escape)
        dialog.close()
        assert dialog.isVisible()
    finally:
        other.execute("COMMIT")
        other.close()

    qtbot.waitUntil(lambda: len(receipts_shown()) == 1, timeout=WAIT_MS)
    assert receipts_shown()[0].status.text() == "Give Rp 7.000 back from the drawer."


def test_a_cash_return_after_the_shift_closed_waits_for_a_new_shift(qtbot, start_app) -> None:
    """The cashier opens a shift with an empty drawer and closes it (F5, counted Rp 0), still
    signed in. A customer brings back a QR sale of Rp 7.000 and wants cash: refused with the
    shift open (the drawer should hold Rp 0), and refused with it closed too, rather than give
    Rp 7.000 from a drawer counted and handed over (the day would expect -Rp 7.000)."""
    app = start_app(ask_for_shift=True)
    open_shift(qtbot, app, "0")
    sale_id = qr_sale(app.terminal)
    number = app.terminal.store.sales.get(sale_id).receipt_number
    assert number is not None

    dialog = found_return(qtbot, app, number)  # with the shift open: refused
    dialog.method.setCurrentIndex(dialog.method.findData("cash"))
    dialog.lines.cellWidget(0, 3).setValue(2)
    qtbot.keyClicks(dialog.pin, "9999")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "the drawer should hold only" in dialog.status.text(), timeout=WAIT_MS)
    qtbot.keyClick(dialog.receipt, Qt.Key.Key_Escape)

    press(qtbot, Qt.Key.Key_F5)  # the shift closes with its (empty) drawer counted
    panel = wait_for_modal(qtbot, ShiftDialog)
    qtbot.waitUntil(panel.close_button.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    report = wait_for_modal(qtbot, ShiftReportDialog)
    report.close()
    qtbot.waitUntil(lambda: app.shifts.shift is None, timeout=WAIT_MS)

    dialog = found_return(qtbot, app, number)  # the same return, no shift open
    dialog.method.setCurrentIndex(dialog.method.findData("cash"))
    dialog.lines.cellWidget(0, 3).setValue(2)
    qtbot.keyClicks(dialog.pin, "9999")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "open your shift first" in dialog.status.text(), timeout=WAIT_MS)
    assert receipts_shown() == []
    assert app.terminal.store.returns.for_sale(sale_id) == []


def test_a_return_slip_saved_as_pdf_then_printed_says_copy(qtbot, demo_terminal, tmp_path):
    """A shop without a receipt printer saves the cash return's slip as a PDF for the customer,
    then prints it too: the second output says COPY, or the customer holds two slips that each
    read as money given back."""
    outcome = returned(demo_terminal, qr_sale(demo_terminal), ReturnMethod.CASH)
    receipt = ReturnReceiptDialog(ReturnDesk(demo_terminal, "Demo Kasir"), outcome, None)
    qtbot.addWidget(receipt)
    assert "COPY" not in receipt.preview.toPlainText(), "the first output is the original"

    receipt.save_to(str(tmp_path / "return.pdf"))

    qtbot.waitUntil((tmp_path / "return.pdf").exists)
    shown = receipt.preview.toPlainText().splitlines()
    assert shown[0] == "COPY" and shown[-1] == "COPY", "what Print… gives now"


def test_a_second_receipt_typed_without_enter_returns_nothing_from_the_first(
    qtbot, start_app
) -> None:
    """The cashier looks up receipt A, then types receipt B over it and, without Enter, sets
    the PIN: the table showed A's lines beside B's number, and Give back returned Rp 7.000 of
    A's items. Typing clears A's lines and Give back until B is looked up; B's return is B's."""
    app = start_app(ask_for_shift=True)
    open_shift(qtbot, app, "100.000")
    first, second = cash_sale(app, TOTAL), cash_sale(app, TOTAL)
    sales = app.terminal.store.sales
    number = sales.get(second).receipt_number
    assert number is not None and number != sales.get(first).receipt_number
    dialog = found_return(qtbot, app, sales.get(first).receipt_number or "")
    dialog.lines.cellWidget(0, 3).setValue(2)

    dialog.receipt.selectAll()
    qtbot.keyClicks(dialog.receipt, number)
    qtbot.keyClicks(dialog.pin, "9999")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=WAIT_MS)
    assert [r.amount for r in app.terminal.store.returns.for_sale(first)] == []
    assert receipts_shown() == []
    assert dialog.lines.rowCount() == 0 and not dialog.confirm.isEnabled()
    assert dialog.status.text() == f"Press Enter to find receipt {number}."
    qtbot.keyClicks(dialog.receipt, " ")  # the PIN given for A goes too
    assert dialog.pin.text() == ""

    qtbot.keyClick(dialog.receipt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.sale is not None and not dialog._busy, timeout=WAIT_MS)
    assert dialog.sale is not None and dialog.sale.sale_id == second
    dialog.lines.cellWidget(0, 3).setValue(2)
    qtbot.keyClicks(dialog.pin, "9999")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(receipts_shown()) == 1, timeout=WAIT_MS)
    assert app.terminal.store.returns.for_sale(first) == []
    assert [r.amount for r in app.terminal.store.returns.for_sale(second)] == [7000]


def test_the_answer_for_a_receipt_typed_over_is_not_shown(qtbot, start_app) -> None:
    """Receipt A looked up, and B typed over it before A's answer came: A's lines showed
    beside B's number, to be given back as B's."""
    app = start_app()
    sign_in(qtbot, app)
    first, second = cash_sale(app, TOTAL), cash_sale(app, TOTAL)
    sales = app.terminal.store.sales
    press(qtbot, Qt.Key.Key_F3)
    dialog = wait_for_modal(qtbot, ReturnDialog)
    qtbot.keyClicks(dialog.receipt, sales.get(first).receipt_number or "")
    qtbot.keyClick(dialog.receipt, Qt.Key.Key_Return)
    assert dialog._busy, "A's answer is still to come"
    number = sales.get(second).receipt_number or ""
    dialog.receipt.selectAll()
    qtbot.keyClicks(dialog.receipt, number)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=WAIT_MS)
    assert dialog.sale is None and dialog.lines.rowCount() == 0
    assert not dialog.confirm.isEnabled()
    assert dialog.status.text() == f"Press Enter to find receipt {number}."
    qtbot.keyClick(dialog.receipt, Qt.Key.Key_Escape)
