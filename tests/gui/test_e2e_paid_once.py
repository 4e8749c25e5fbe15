"""The counter cannot charge twice: a payment that comes for the basket on screen after its QR
attempt was given up on is announced at once, blocks every other tender, and F11 completes the sale
with it. The real window, store, sandbox and relay, driven by keys."""

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from pos_app.domain.money import format_rupiah
from pos_app.gui.app import TerminalApp
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.receipt import ReceiptDialog
from pos_app.payments.model import AttemptState
from pos_app.store.errors import SalePaidAlready
from pos_app.store.payments import PaymentAttempt
from pos_app.store.sales import SaleStatus, Tender
from pos_app.till.problem_payments import ProblemKind, list_problems
from pos_app.till.terminal import Terminal
from tests.gui.e2e import (
    WAIT_MS,
    open_payment,
    own_sandbox,
    pay_other_amount,
    press,
    ring_up_three,
    sandbox,
    sign_in,
)
from tests.gui.helpers import answer_confirmation, wait_for_modal


def rupiah(amount: int) -> str:
    """An amount as the banners write it: never broken between "Rp" and its digits."""
    return format_rupiah(amount).replace(" ", "\N{NO-BREAK SPACE}")


def cancel_qr(qtbot, app: TerminalApp, terminal: Terminal) -> str:
    """F12, then Esc and yes: the cashier gives up on the QR payment; its invoice."""
    payment = open_payment(qtbot, app)
    invoice = payment.invoice_number
    press(qtbot, Qt.Key.Key_Escape)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: app.controller.payment is None)
    payments = terminal.store.payments
    qtbot.waitUntil(lambda: payments.get_attempt(invoice).state is AttemptState.CANCELLED)
    return invoice


def sales(terminal: Terminal) -> list[tuple[str, str | None, str | None, int | None]]:
    """Every stored sale: status, tender, invoice, cash received."""
    rows = terminal.store.repositories().db.execute(
        "SELECT status, tender, invoice_number, cash_received FROM sales ORDER BY id"
    )
    return [tuple(row) for row in rows]


def fully_shown(label: QLabel) -> None:
    """Visible, not clipped by its window, and tall and wide enough for its whole text."""
    assert label.isVisible()
    assert label.visibleRegion().boundingRect() == label.rect(), "clipped by the window"
    assert label.height() >= label.heightForWidth(label.width()), "text cut off at the bottom"
    assert label.width() >= label.minimumSizeHint().width(), "text cut off at the side"


def refused_with_f11(qtbot, app: TerminalApp, key: Qt.Key) -> None:
    """``key`` does nothing to the paid basket but point at F11."""
    app.window.panel.show_message("")
    press(qtbot, key)
    message = app.window.panel.message.text()
    assert "paid this basket by DOKU Wallet: press F11" in message, message
    assert QApplication.activeModalWidget() is None, "no tender dialog opened"
    assert app.controller.payment is None and len(app.window.basket_model.basket) == 3


def test_paid_after_cancel_is_announced_refuses_cash_and_f11_completes_it(
    qtbot, start_app, demo_terminal
):
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    invoice = cancel_qr(qtbot, app, demo_terminal)
    assert len(app.window.basket_model.basket) == 3 and app.window.paid_banner.isHidden()

    sandbox(demo_terminal, "pay", invoice)
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    window = app.window
    assert window.paid_title.text() == f"Customer paid {rupiah(total)} by DOKU Wallet"
    assert window.paid_detail.text().startswith("Press F11 to complete the sale")
    assert window.complete_paid_button.isVisible() and window.complete_paid_button.isEnabled()
    assert "[F11]" in window.complete_paid_button.text()
    fully_shown(window.paid_title)
    fully_shown(window.paid_detail)
    assert window.late_label.isHidden(), "the sale on screen is not someone else's late payment"
    assert app.display.pages.currentWidget() is app.display.received
    assert app.display.received.text() == f"Payment received\n{format_rupiah(total)}"

    refused_with_f11(qtbot, app, Qt.Key.Key_F9)
    refused_with_f11(qtbot, app, Qt.Key.Key_F12)
    refused_with_f11(qtbot, app, Qt.Key.Key_F6)
    assert demo_terminal.store.held.list_held() == []

    press(qtbot, Qt.Key.Key_F11)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert (receipt.data.invoice_number, receipt.data.total) == (invoice, total)
    assert receipt.data.wallet == "DOKU Wallet" and receipt.data.received is None
    assert app.display.pages.currentWidget() is app.display.thanks
    assert len(window.basket_model.basket) == 0 and window.paid_banner.isHidden()
    assert not window.complete_paid_action.isEnabled()

    assert sales(demo_terminal) == [("completed", "qr", invoice, None)]
    attempt = demo_terminal.store.payments.get_attempt(invoice)
    assert attempt.state is AttemptState.PAID and not attempt.late
    assert list_problems(demo_terminal.store.repositories().db) == []
    [audit] = [e for e in demo_terminal.store.audit.recent() if e.action == "payment.attach"]
    assert audit.actor == "Demo Kasir" and audit.detail["invoice_number"] == invoice
    receipt.reject()
    qtbot.waitUntil(lambda: window.panel.input.hasFocus())


def test_a_payment_landing_while_the_cash_dialog_is_open_stops_the_cash(
    qtbot, start_app, demo_terminal, monkeypatch
):
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    invoice = cancel_qr(qtbot, app, demo_terminal)
    checkout = demo_terminal.checkout
    refusals: list[SalePaidAlready] = []
    takers: list[str | None] = []
    pay_cash = checkout.pay_cash

    def recorded_pay_cash(sale_id: int, received: int, *, cashier: str | None = None):
        takers.append(cashier)
        try:
            return pay_cash(sale_id, received, cashier=cashier)
        except SalePaidAlready as refusal:
            refusals.append(refusal)
            raise

    monkeypatch.setattr(checkout, "pay_cash", recorded_pay_cash)
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.set_received(50_000)

    landed = threading.Event()

    def listen(attempt: PaymentAttempt) -> None:
        if attempt.invoice_number == invoice and attempt.state is AttemptState.PAID:
            landed.set()

    unsubscribe = checkout.subscribe(listen)
    sandbox(demo_terminal, "pay", invoice)
    # Stored by the relay's thread; the GUI thread, held here, has not heard of it yet.
    assert landed.wait(WAIT_MS / 1000)
    unsubscribe()
    assert app.window.paid_banner.isHidden()
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    assert [refusal.invoice_number for refusal in refusals] == [invoice], "the store said no"
    assert takers == ["Demo Kasir"], "the cash is the signed-in cashier's, for their shift"
    assert app.window.paid_title.text() == f"Customer paid {rupiah(total)} by DOKU Wallet"
    assert app.window.paid_detail.text().startswith(
        "The cash was not recorded: give it back to the customer. Press F11"
    )
    assert len(app.window.basket_model.basket) == 3, "the paid basket is back on screen"
    assert app.window.late_label.isHidden()
    assert sales(demo_terminal) == [("open", None, None, None)]

    press(qtbot, Qt.Key.Key_F11)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert receipt.data.invoice_number == invoice and receipt.data.change is None
    assert sales(demo_terminal) == [("completed", "qr", invoice, None)]
    assert list_problems(demo_terminal.store.repositories().db) == []
    receipt.reject()


def test_a_payment_of_another_amount_is_kept_for_the_manager_and_cash_still_works(
    qtbot, start_app, demo_terminal
):
    customer = own_sandbox(demo_terminal)
    # The sandbox's notification brings the amount paid through the relay.
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    invoice = payment.invoice_number

    pay_other_amount(demo_terminal, customer, invoice, 1)
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    window = app.window
    assert window.paid_title.text() == (
        f"Customer paid {rupiah(1)} by DOKU Wallet, not {rupiah(total)}: kept for the manager"
    )
    fully_shown(window.paid_title)
    assert window.complete_paid_button.isHidden() and not window.complete_paid_action.isEnabled()
    assert app.controller.payment is None, "the QR dialog of the paid attempt went away"
    basket_page = app.display.lines.parentWidget()
    assert app.display.pages.currentWidget() is basket_page, "no dead QR code for the customer"

    press(qtbot, Qt.Key.Key_F11)
    assert window.paid_banner.isVisible() and sales(demo_terminal)[0][0] == "open"
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.set_received(total)
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert receipt.data.tender is Tender.CASH and receipt.data.change == 0
    assert window.paid_banner.isHidden()

    assert sales(demo_terminal) == [("completed", "cash", None, total)]
    attempt = demo_terminal.store.payments.get_attempt(invoice)
    assert attempt.late and attempt.amount_differs and attempt.paid_amount == 1
    [problem] = list_problems(demo_terminal.store.repositories().db)
    assert (problem.kind, problem.invoice_number, problem.amount) == (
        ProblemKind.DIFFERS,
        invoice,
        1,
    )
    receipt.reject()


def test_a_payment_for_a_basket_gone_from_screen_is_announced_in_full(
    qtbot, start_app, demo_terminal
):
    app = start_app()
    app.shell.resize(app.shell.minimumSize())
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    invoice = cancel_qr(qtbot, app, demo_terminal)
    app.window.ask_clear()
    answer_confirmation(qtbot, yes=True)
    payments = demo_terminal.store.payments
    sale_id = payments.get_attempt(invoice).sale_id
    qtbot.waitUntil(lambda: demo_terminal.store.sales.get(sale_id).status is SaleStatus.CANCELLED)

    sandbox(demo_terminal, "pay", invoice)
    qtbot.waitUntil(lambda: app.window.late_label.isVisible(), timeout=WAIT_MS)
    assert app.window.late_label.text() == (
        f"Payment {invoice} of {rupiah(total)} is kept for the manager: no sale took it"
    )
    fully_shown(app.window.late_label)
    assert app.window.paid_banner.isHidden(), "nothing on screen to complete"
    assert payments.get_attempt(invoice).late
    assert demo_terminal.store.sales.get(sale_id).tender is not Tender.QR
