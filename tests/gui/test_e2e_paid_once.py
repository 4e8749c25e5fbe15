"""The counter cannot charge twice: a payment that comes for the basket on screen after its QR
attempt was given up on is announced at once, blocks every other tender, and F11 completes the sale
with it. The real window, store, sandbox and relay, driven by keys."""

import threading
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel

from pos_app.demo.server_thread import ServerThread
from pos_app.domain.catalog import Product
from pos_app.domain.discounts import Discount
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.money import format_rupiah
from pos_app.domain.tax import TaxClass
from pos_app.domain.texts import N_
from pos_app.gui.app import TerminalApp
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.qr_payment import QrPayment
from pos_app.gui.receipt import ReceiptDialog
from pos_app.payments.model import OPEN_STATES, AttemptState
from pos_app.sandbox.app import create_sandbox_app
from pos_app.store.errors import SalePaidAlready, StoreError
from pos_app.store.held import HeldBasket, HeldBaskets
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.sales import Tender
from pos_app.till.problem_payments import attach
from pos_app.till.terminal import Terminal
from tests.gui.e2e import (
    GORENG,
    TEH,
    WAIT_MS,
    open_payment,
    own_sandbox,
    pay_cash_on_screen,
    pay_other_amount,
    press,
    ring_up_three,
    sandbox,
    scan,
    sign_in,
    wait_state,
)
from tests.gui.helpers import answer_confirmation, ean13, wait_for_modal
from tests.gui.test_e2e_counter import hold, recall


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


def completes_with_f11(qtbot, app: TerminalApp, terminal: Terminal, invoice: str) -> None:
    """The paid banner offers the payment, cash is refused, and F11 completes the basket's own
    sale with it: no second sale, no cash."""
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    refused_with_f11(qtbot, app, Qt.Key.Key_F9)
    press(qtbot, Qt.Key.Key_F11)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert receipt.data.invoice_number == invoice
    receipt.reject()
    assert sales(terminal) == [("completed", "qr", invoice, None)]


def held_after_cancel(qtbot, app: TerminalApp, terminal: Terminal) -> str:
    """Three items, their QR given up on, the basket held as "Bu Sari" (she goes to fetch her
    other wallet); the QR's invoice."""
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    invoice = cancel_qr(qtbot, app, terminal)
    hold(qtbot, app, "Bu Sari")
    return invoice


def paid_while_held(qtbot, app: TerminalApp, terminal: Terminal, invoice: str) -> None:
    """Her phone pays the old QR while the basket is held: kept for the manager meanwhile."""
    sandbox(terminal, "pay", invoice)
    qtbot.waitUntil(lambda: invoice in app.window.late_label.text(), timeout=WAIT_MS)


def test_a_basket_held_after_its_qr_was_given_up_on_is_paid_by_it_once_recalled(
    qtbot, start_app, demo_terminal
):
    app = start_app()
    invoice = held_after_cancel(qtbot, app, demo_terminal)
    assert sales(demo_terminal) == [("open", None, None, None)], "the sale waits with the basket"
    recall(qtbot, "Bu Sari")
    qtbot.waitUntil(lambda: len(app.window.basket_model.basket) == 3, timeout=WAIT_MS)

    sandbox(demo_terminal, "pay", invoice)  # her phone finished paying the old QR after all
    completes_with_f11(qtbot, app, demo_terminal, invoice)


def test_a_payment_made_while_its_basket_was_held_is_on_the_banner_when_recalled(
    qtbot, start_app, demo_terminal
):
    app = start_app()
    invoice = held_after_cancel(qtbot, app, demo_terminal)
    paid_while_held(qtbot, app, demo_terminal, invoice)

    recall(qtbot, "Bu Sari")
    completes_with_f11(qtbot, app, demo_terminal, invoice)


def test_items_scanned_after_a_qr_was_given_up_on_and_held_are_not_paid_by_that_qr(
    qtbot, start_app, demo_terminal
):
    """A second tea is scanned after the QR was given up on, and the basket held: the old QR,
    paid meanwhile, pays the three items it was shown for, and the tea stays to be paid."""
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    invoice = cancel_qr(qtbot, app, demo_terminal)
    scan(qtbot, app, TEH)
    hold(qtbot, app, "Bu Sari")
    paid_while_held(qtbot, app, demo_terminal, invoice)

    recall(qtbot, "Bu Sari")
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_F11)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert (receipt.data.invoice_number, receipt.data.total) == (invoice, total)
    receipt.reject()
    basket = app.window.basket_model.basket
    assert [(line.sku, line.quantity) for line in basket] == [("MIN-001", 1)]
    assert sales(demo_terminal) == [("completed", "qr", invoice, None)]


def three_items_with_five_percent_off(qtbot, start_app) -> tuple[TerminalApp, int]:
    """Signed in, three items rung up with 5% off the basket: the app and the total asked."""
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    app.window.basket_model.set_basket_discount(Discount.percent(500))
    return app, app.window.basket_model.total


def test_an_item_that_lands_behind_the_qr_of_a_discounted_basket_stays_to_be_paid(
    qtbot, start_app, demo_terminal
):
    """F12 comes before the catalogue's answer to a scan: the QR is for the basket without
    the new tea, which lands behind the dialog. With a basket discount the tea cannot be split
    off exactly: once the QR is paid it stays on screen at full price, and the cashier is told
    to give its discount again."""
    app, asked = three_items_with_five_percent_off(qtbot, start_app)
    model = app.window.basket_model
    target = app.window.panel.input
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target)
    qtbot.keyClicks(target, TEH)
    qtbot.keyClick(target, Qt.Key.Key_Return)  # looked up on a worker...
    qtbot.keyClick(target, Qt.Key.Key_F12)  # ...and F12 comes before its answer
    qtbot.waitUntil(
        lambda: app.controller.payment is not None and app.controller.payment.attempt is not None,
        timeout=WAIT_MS,
    )
    payment = app.controller.payment
    assert payment.attempt.amount == asked
    qtbot.waitUntil(lambda: model.basket.line("MIN-001").quantity == 2, timeout=WAIT_MS)

    sandbox(demo_terminal, "pay", payment.invoice_number)
    wait_state(qtbot, payment, AttemptState.PAID)
    qtbot.keyClick(payment.dialog, Qt.Key.Key_Return)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert receipt.data.total == asked
    receipt.reject()
    assert [(line.sku, line.quantity, line.discount) for line in model.basket] == [
        ("MIN-001", 1, None)
    ]
    assert model.basket.discount is None
    assert "full price" in app.window.notice.text()


def test_a_held_basket_the_manager_completed_with_its_payment_is_not_sold_again(
    qtbot, start_app, demo_terminal
):
    app = start_app()
    invoice = held_after_cancel(qtbot, app, demo_terminal)
    sale_id = demo_terminal.store.payments.get_attempt(invoice).sale_id
    paid_while_held(qtbot, app, demo_terminal, invoice)
    store = demo_terminal.store  # the manager attaches it to its sale in the back office
    now = demo_terminal.checkout.clock()
    attach(store.repositories().db, invoice, sale_id, manager="Bu Rina", day=store.day, now=now)

    recall(qtbot, "Bu Sari")
    qtbot.waitUntil(lambda: "paid meanwhile" in app.window.notice.text(), timeout=WAIT_MS)
    assert len(app.window.basket_model.basket) == 0
    assert demo_terminal.store.held.list_held() == []
    assert sales(demo_terminal) == [("completed", "qr", invoice, None)]


def test_a_basket_paid_while_held_is_not_merged_into_the_basket_scanned_meanwhile(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """Bu Sari's phone paid while her basket was held. The cashier recalls it and, while it
    comes, scans the next customer's tea: merged, the next charge would take Bu Sari's total a
    second time. Her basket stays held, the tea is sold on its own, and once recalled onto an
    empty screen her basket completes with her payment."""
    app = start_app()
    invoice = held_after_cancel(qtbot, app, demo_terminal)
    paid_while_held(qtbot, app, demo_terminal, invoice)
    recalled_while_the_tea_is_scanned(qtbot, app, demo_terminal, monkeypatch)
    assert app.window.notice.text() == (
        "Bu Sari was paid meanwhile (Rp 15.800) and stays held: finish this basket, then recall it."
    )
    sold_apart_then_completed_once_recalled(qtbot, app, demo_terminal, invoice)


def recalled_while_the_tea_is_scanned(
    qtbot, app: TerminalApp, terminal: Terminal, monkeypatch
) -> None:
    """Bu Sari's basket is recalled and, while it comes, the next customer's tea is scanned:
    her basket stays held (the notice says why), the tea alone on screen."""
    recall_during_a_scan(qtbot, app, monkeypatch)
    qtbot.waitUntil(lambda: "stays held" in app.window.notice.text(), timeout=WAIT_MS)
    assert [line.sku for line in app.window.basket_model.basket] == ["MIN-001"]
    qtbot.waitUntil(lambda: app.window.held_label.text() == "Held baskets: 1", timeout=WAIT_MS)
    [again] = terminal.store.held.list_held()
    assert again.name == "Bu Sari" and again.sale_id is not None


def recall_during_a_scan(qtbot, app: TerminalApp, monkeypatch) -> None:
    """Bu Sari's basket is recalled and, while the store takes it out, the tea is scanned."""
    arrives = threading.Event()
    recall_from_store = HeldBaskets.recall

    def slow_recall(self: HeldBaskets, held_id: int) -> HeldBasket:
        assert arrives.wait(WAIT_MS / 1000), "the tea was never scanned"
        return recall_from_store(self, held_id)

    monkeypatch.setattr(HeldBaskets, "recall", slow_recall)
    recall(qtbot, "Bu Sari")
    scan(qtbot, app, TEH)
    arrives.set()
    monkeypatch.setattr(HeldBaskets, "recall", recall_from_store)  # for the next recall


def sold_apart_then_completed_once_recalled(
    qtbot, app: TerminalApp, terminal: Terminal, invoice: str
) -> None:
    """The tea is sold in cash; Bu Sari's basket, recalled onto the empty screen, completes
    with her payment: each paid once."""
    pay_cash_on_screen(qtbot, app, 10_000)
    recall(qtbot, "Bu Sari")
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_F11)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    assert sorted(sales(terminal)) == [
        ("completed", "cash", None, 10_000),
        ("completed", "qr", invoice, None),
    ]
    attempt = terminal.store.payments.get_attempt(invoice)
    assert attempt.state is AttemptState.PAID and not attempt.late


def test_a_basket_whose_qr_was_shown_is_not_merged_so_a_payment_after_counts_once(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """Bu Sari's basket, its QR given up on, is recalled while the next customer's tea is
    scanned. Merged, its sale was cancelled: her phone paying the old QR then was only a line
    kept for the manager, and the cash for the merged basket took her goods a second time.
    Her basket stays held, its sale open; her payment, kept meanwhile, completes it once it is
    recalled onto the empty screen."""
    app = start_app()
    invoice = held_after_cancel(qtbot, app, demo_terminal)
    recalled_while_the_tea_is_scanned(qtbot, app, demo_terminal, monkeypatch)
    assert app.window.notice.text() == (
        "Bu Sari stays held: its customer may still pay the QR code it was shown. Finish this "
        "basket, then recall it."
    )
    sale_id = demo_terminal.store.payments.get_attempt(invoice).sale_id
    assert demo_terminal.store.sales.get(sale_id).status is SaleStatus.OPEN

    paid_while_held(qtbot, app, demo_terminal, invoice)
    assert app.window.paid_banner.isHidden(), "the tea on screen is not what she paid"
    sold_apart_then_completed_once_recalled(qtbot, app, demo_terminal, invoice)


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


def test_items_scanned_after_the_cancel_stay_on_screen_when_f11_completes_the_paid_sale(
    qtbot, start_app, demo_terminal
):
    """The customer paid the old QR while the cashier added a Teh Botol: F11 completes the sale
    the customer paid for, and the Teh is still to pay, not given away."""
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    invoice = cancel_qr(qtbot, app, demo_terminal)
    scan(qtbot, app, TEH)
    window = app.window
    assert window.basket_model.total == total + 5_500

    sandbox(demo_terminal, "pay", invoice)
    qtbot.waitUntil(lambda: window.paid_banner.isVisible(), timeout=WAIT_MS)
    assert window.paid_title.text() == f"Customer paid {rupiah(total)} by DOKU Wallet"
    assert window.paid_detail.text().startswith("It paid for the basket as it was before")
    assert window.complete_paid_button.isEnabled()

    press(qtbot, Qt.Key.Key_F11)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert (receipt.data.invoice_number, receipt.data.total) == (invoice, total)
    receipt.reject()
    assert [(line.sku, line.quantity) for line in window.basket_model.basket] == [("MIN-001", 1)]
    assert (
        window.paid_banner.isHidden()
        and app.display.pages.currentWidget() is app.display.basket_page
    )

    pay_cash_on_screen(qtbot, app, 10_000)
    assert sales(demo_terminal) == [
        ("completed", "qr", invoice, None),
        ("completed", "cash", None, 10_000),
    ]
    totals = demo_terminal.store.repositories().db.execute("SELECT total FROM sales ORDER BY id")
    assert [row[0] for row in totals] == [total, 5_500]


def test_a_payment_for_the_basket_before_an_item_came_off_is_kept_for_the_manager(
    qtbot, start_app, demo_terminal
):
    """The customer paid the old QR, but the cashier had taken the Teh off: the payment cannot
    complete the basket on screen, so its sale is kept, paid, for the manager to attach or refund,
    and the basket on screen is sold anew."""
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    invoice = cancel_qr(qtbot, app, demo_terminal)
    window = app.window
    window.basket_view.selectRow(2)
    press(qtbot, Qt.Key.Key_Delete)
    assert window.basket_model.total == total - 5_500

    sandbox(demo_terminal, "pay", invoice)
    qtbot.waitUntil(lambda: window.paid_banner.isVisible(), timeout=WAIT_MS)
    assert window.paid_title.text().startswith(f"Customer paid {rupiah(total)} by DOKU Wallet")
    assert window.paid_title.text().endswith("before it changed: kept for the manager")
    assert not window.complete_paid_button.isVisible()
    assert not window.complete_paid_action.isEnabled()
    assert window.late_label.isVisible() and invoice in window.late_label.text()

    pay_cash_on_screen(qtbot, app, 20_000)
    assert sales(demo_terminal) == [
        ("open", None, None, None),
        ("completed", "cash", None, 20_000),
    ]
    problems = list_problems(demo_terminal.store.repositories().db)
    assert [(p.kind, p.invoice_number, p.amount) for p in problems] == [
        (ProblemKind.LATE, invoice, total)
    ]


def test_other_tender_gives_up_a_payment_whose_answer_was_lost(qtbot, start_app, demo_terminal):
    """ "Other tender" on a payment in doubt cancels it: if the customer's wallet pays it after
    all, that is a late payment for the banner, never a second tender behind the cash."""
    embedded = demo_terminal.embedded
    assert embedded is not None
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    embedded.sandbox.stop()
    payment = open_payment(qtbot, app)
    wait_state(qtbot, payment, AttemptState.UNKNOWN)
    invoice = payment.invoice_number

    qtbot.mouseClick(payment.dialog.other_button, Qt.MouseButton.LeftButton)
    cash = wait_for_modal(qtbot, CashDialog)
    payments = demo_terminal.store.payments
    qtbot.waitUntil(
        lambda: payments.get_attempt(invoice).state is AttemptState.CANCELLED, timeout=WAIT_MS
    )
    cash.set_received(total)
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    assert sales(demo_terminal) == [("completed", "cash", None, total)]


def test_a_cash_dialog_the_basket_outgrew_closes_before_its_change_is_given(
    qtbot, start_app, demo_terminal
):
    """F9 while the last scan is still being looked up: the Teh arrives under the open cash
    dialog, whose total (Rp 3.500) and change are no longer the basket's (Rp 9.000). Taken as
    it was, Rp 10.000 would have shown Rp 6.500 change for a sale that records Rp 1.000."""
    app = start_app()
    sign_in(qtbot, app)
    scan(qtbot, app, GORENG)
    pay_cash_on_screen(qtbot, app, 5_000)  # the sale emptying the basket is no change under it
    assert app.window.notice.isHidden(), app.window.notice.text()
    scan(qtbot, app, GORENG)
    press(qtbot, Qt.Key.Key_F9)
    stale = wait_for_modal(qtbot, CashDialog)
    teh = demo_terminal.store.products.find_by_code(TEH)
    assert teh is not None

    app.window.add_product(teh)  # what the scan's lookup does when it answers

    qtbot.waitUntil(lambda: not stale.isVisible())
    assert app.window.notice.text() == (
        "The basket changed while the cash was counted: the total is Rp 9.000. "
        "Press F9 to take the cash again."
    )
    pay_cash_on_screen(qtbot, app, 10_000)
    assert app.window.change_label.text() == "Change Rp 1.000"
    assert [(status, tender, received) for status, tender, _, received in sales(demo_terminal)] == [
        ("completed", "cash", 5_000),
        ("completed", "cash", 10_000),
    ]


def test_a_qr_paid_after_cancel_completes_a_discounted_basket_and_leaves_the_new_item(
    qtbot, start_app, demo_terminal
):
    """The QR of a basket with a 5% discount is given up on, a tea is scanned, then the old QR
    is paid: F11 completes the sale it was shown for, and the tea stays on screen at full price
    (the discount cannot be split off exactly), rather than keep the payment for the manager
    and ask the customer to pay everything again."""
    app, asked = three_items_with_five_percent_off(qtbot, start_app)
    model = app.window.basket_model
    invoice = cancel_qr(qtbot, app, demo_terminal)
    scan(qtbot, app, TEH)

    sandbox(demo_terminal, "pay", invoice)
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_F11)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert (receipt.data.invoice_number, receipt.data.total) == (invoice, asked)
    receipt.reject()
    assert [(line.sku, line.quantity, line.discount) for line in model.basket] == [
        ("MIN-001", 1, None)
    ]
    assert "full price" in app.window.notice.text()


def test_a_percent_line_discount_of_an_item_scanned_after_the_qr_is_kept(
    qtbot, start_app, demo_terminal
):
    """The tea's line has 10% off; its QR is given up on, a second tea joins that line, and the
    old QR is paid: the second tea splits off exactly, with its 10% (at full price only where
    it cannot be split off exactly)."""
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    model = app.window.basket_model
    model.set_line_discount(model.row_of("MIN-001"), Discount.percent(1000))
    invoice = cancel_qr(qtbot, app, demo_terminal)
    scan(qtbot, app, TEH)

    sandbox(demo_terminal, "pay", invoice)
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_F11)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    assert [(line.sku, line.quantity, line.discount) for line in model.basket] == [
        ("MIN-001", 1, Discount.percent(1000))
    ]
    assert "full price" not in app.window.notice.text()


def test_an_item_scanned_after_a_qr_was_given_up_on_is_not_given_away_when_the_cash_fails(
    qtbot, start_app, demo_terminal
):
    """When cash for a basket that grew after its QR was given up on cannot be recorded, the
    controller takes the basket tendered, not its stored sale, as what the old QR pays for
    (CashSales._done -> OpenSale.keep(sale_id, basket.lines)); so the old QR's
    payment lands as paying the whole basket, F11 completes the old sale and clears the screen,
    and the item scanned after the QR leaves the shop unpaid."""
    luxury = Product(
        "LUX-001",
        "Parfum Import 50ml",
        250_000,
        ean13("899200000001"),
        "Lain",
        tax_class=TaxClass.OTHER,
    )  # "PPN at the other rate", which has no rate set
    demo_terminal.store.products.upsert_many([luxury])
    app = start_app()
    sign_in(qtbot, app)
    scan(qtbot, app, GORENG)
    invoice = cancel_qr(qtbot, app, demo_terminal)
    scan(qtbot, app, luxury.barcode)  # after the QR was given up on
    window = app.window
    assert [line.sku for line in window.basket_model.basket] == ["MIE-001", "LUX-001"]

    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.quick_buttons[0].click()
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: "Could not record the cash sale" in window.panel.message.text(), timeout=WAIT_MS
    )
    assert [line.sku for line in window.basket_model.basket] == ["MIE-001", "LUX-001"]

    sandbox(demo_terminal, "pay", invoice)  # the customer paid the old QR (Rp 3.500) after all
    qtbot.waitUntil(lambda: window.paid_banner.isVisible(), timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_F11)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert (receipt.data.invoice_number, receipt.data.total) == (invoice, 3_500)
    receipt.reject()
    assert [line.sku for line in window.basket_model.basket] == ["LUX-001"], (
        "the Rp 250.000 item scanned after the QR is gone from the screen, paid by nobody"
    )


def completed_totals(terminal) -> list[tuple[str, str | None, int]]:
    rows = terminal.store.repositories().db.execute(
        "SELECT status, tender, total FROM sales WHERE status = 'completed' ORDER BY id"
    )
    return [tuple(row) for row in rows]


def hold_failing_under_the_next_qr(
    qtbot, app: TerminalApp, terminal: Terminal, monkeypatch, *, again: bool
) -> QrPayment:
    """The first basket's QR was given up on and the basket held as "Ibu Ani"; the store fails
    the hold (``again``: and every hold after) only once the next customer's Indomie is up in
    its own QR, which is returned. The Indomie's basket and sale are the screen's still."""
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    cancel_qr(qtbot, app, terminal)
    release = threading.Event()
    store_hold = HeldBaskets.hold
    failed: list[bool] = []

    def fails_once_released(held: HeldBaskets, *args: object, **kwargs: object) -> int:
        if failed and not again:
            return store_hold(held, *args, **kwargs)  # type: ignore[arg-type]
        assert release.wait(WAIT_MS / 1000), "never released"
        failed.append(True)
        raise StoreError(N_("disk I/O error"))

    monkeypatch.setattr(HeldBaskets, "hold", fails_once_released)
    press(qtbot, Qt.Key.Key_F6)
    asked = wait_for_modal(qtbot, QInputDialog)
    asked.setTextValue("Ibu Ani")
    asked.accept()
    qtbot.waitUntil(lambda: len(app.window.basket_model.basket) == 0)
    scan(qtbot, app, GORENG)
    second = open_payment(qtbot, app)
    release.set()
    qtbot.waitUntil(lambda: len(failed) == 1 + again, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: app.controller._runner.pending == 0, timeout=WAIT_MS)
    assert [(line.sku, line.quantity) for line in app.window.basket_model.basket] == [
        ("MIE-001", 1)
    ]
    assert app.controller.open_sale_id == second.sale_id
    return second


def test_a_hold_failing_under_the_next_customers_qr_is_held_again_not_merged_into_it(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """Brought back, the failed basket merged under the Indomie's QR and made its old sale the
    screen's: the Indomie's payment then completed nothing on screen, and stayed there to be
    charged again. It is held again, and recalled after the Indomie it comes back with its own
    sale."""
    app = start_app()
    second = hold_failing_under_the_next_qr(qtbot, app, demo_terminal, monkeypatch, again=False)
    assert app.window.panel.message.text() == (
        'Could not hold "Ibu Ani": disk I/O error. A payment has started for the basket on '
        'screen, so "Ibu Ani" is held again instead of coming back: recall it with F6 once this '
        "basket is done."
    )
    qtbot.waitUntil(lambda: app.window.held_label.text() == "Held baskets: 1", timeout=WAIT_MS)
    [held] = demo_terminal.store.held.list_held()
    first_sale = held.sale_id
    assert first_sale is not None and first_sale != second.sale_id

    sandbox(demo_terminal, "pay", second.invoice_number)
    wait_state(qtbot, second, AttemptState.PAID)
    press(qtbot, Qt.Key.Key_Return)  # Done
    assert wait_for_modal(qtbot, ReceiptDialog).data.total == 3_500
    QApplication.activeModalWidget().reject()
    assert len(app.window.basket_model.basket) == 0

    recall(qtbot, "Ibu Ani")
    qtbot.waitUntil(lambda: len(app.window.basket_model.basket) == 3, timeout=WAIT_MS)
    assert app.controller.open_sale_id == first_sale
    assert demo_terminal.store.sales.get(first_sale).status is SaleStatus.OPEN


def test_a_hold_failing_twice_under_the_next_customers_qr_names_the_items_held_nowhere(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """The store refuses the second hold too: the basket is on no list and on no screen, and
    the cashier was told "Could not recall a basket", of a recall nobody asked for."""
    app = start_app()
    hold_failing_under_the_next_qr(qtbot, app, demo_terminal, monkeypatch, again=True)
    assert app.window.panel.message.text() == (
        'Could not hold "Ibu Ani" either: disk I/O error. It is held nowhere: ring up its items '
        "again once this basket is done (2 × Indomie Goreng 85g, 1 × Indomie Soto Mie 70g, "
        "1 × Teh Botol Sosro 450ml)."
    )


def cash_taken_as_its_qr_completes(
    qtbot, app: TerminalApp, terminal: Terminal, monkeypatch, received: int
) -> int:
    """The customer pays the QR in the very second the cashier presses Esc and Yes: the cancel
    is on its way (the till's workers busy), so the payment is on time and completes the sale;
    the cashier, told nothing yet, has pressed F9 and presses Enter on ``received`` in cash.
    The basket's total."""
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    invoice, sale_id = payment.invoice_number, payment.sale_id
    checkout = terminal.checkout

    release = threading.Event()
    cancel_payment = checkout.cancel_payment

    def busy_worker_cancel(invoice_number: str) -> PaymentAttempt:
        assert release.wait(WAIT_MS / 1000), "never released"
        return cancel_payment(invoice_number)

    monkeypatch.setattr(checkout, "cancel_payment", busy_worker_cancel)
    press(qtbot, Qt.Key.Key_Escape)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: app.controller.payment is None)
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.set_received(received)

    landed = threading.Event()

    def listen(attempt: PaymentAttempt) -> None:
        if attempt.invoice_number == invoice and attempt.state is AttemptState.PAID:
            landed.set()

    unsubscribe = checkout.subscribe(listen)
    sandbox(terminal, "pay", invoice)
    # Stored by the relay's thread; the GUI thread, held here, has not heard of it yet.
    assert landed.wait(WAIT_MS / 1000)
    unsubscribe()
    release.set()
    assert terminal.store.sales.get(sale_id).status is SaleStatus.COMPLETED
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    return total


def test_the_qr_paid_the_moment_the_cashier_gave_it_up_is_not_charged_again_in_cash(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """The till made a new sale of the same basket for the cash: paid twice, nothing kept for
    the manager."""
    app = start_app()
    total = cash_taken_as_its_qr_completes(qtbot, app, demo_terminal, monkeypatch, 50_000)

    def answered() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, ReceiptDialog) or app.window.panel.message.text()

    qtbot.waitUntil(answered, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: app.controller._runner.pending == 0, timeout=WAIT_MS)
    assert completed_totals(demo_terminal) == [("completed", "qr", total)], (
        "one basket sold twice: by its DOKU Wallet payment and again for cash"
    )


def test_cash_refused_for_the_qr_that_paid_first_is_said_to_give_back_after_the_sale_ends(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """The cashier took Rp 50.000 and was shown the change at once; the store refused the cash,
    as the QR had completed the sale. Its refusal went with the QR sale's end, which clears the
    screen in the same moment: nobody said the cash goes back. The banner says it, with the
    amounts, and stays past the receipt until the next sale ends."""
    app = start_app()
    total = cash_taken_as_its_qr_completes(qtbot, app, demo_terminal, monkeypatch, 50_000)
    window = app.window
    assert window.change_label.text() == f"Change {format_rupiah(50_000 - total)}"
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert receipt.data.total == total == 15_800
    qtbot.waitUntil(lambda: app.controller._runner.pending == 0, timeout=WAIT_MS)
    assert window.paid_banner.isVisible() and not window.complete_paid_button.isVisible()
    assert window.paid_title.text() == f"Customer paid {rupiah(total)} by DOKU Wallet"
    assert window.paid_detail.text() == (
        f"The cash was not recorded: give the customer back the {rupiah(total)} paid in cash "
        f"({rupiah(50_000)} received, less the change)."
    )
    assert window.change_label.isHidden() and len(window.basket_model.basket) == 0
    assert completed_totals(demo_terminal) == [("completed", "qr", total)]
    receipt.reject()

    scan(qtbot, app, TEH)
    assert window.paid_banner.isVisible(), "still said while the next basket is rung up"
    pay_cash_on_screen(qtbot, app, 10_000)
    assert window.paid_banner.isHidden()


def paid_attempts(terminal, sale_id: int) -> list[str]:
    return [
        a.invoice_number
        for a in terminal.store.payments.attempts_for_sale(sale_id)
        if a.state is AttemptState.PAID
    ]


def test_a_second_qr_dismissed_by_the_paid_banner_is_not_shown_again_to_be_paid_after_a_restart(
    qtbot, start_app, demo_terminal
):
    """The cashier gave up on the first QR and pressed F12 again for the same basket; then the
    first QR's payment came: the paid banner went up and the second QR's dialog went away, but
    its attempt stayed open. Restarted before F11, the till put that QR back on screen for the
    basket already paid, and the customer paid it a second time."""
    first = start_app()
    sign_in(qtbot, first)
    ring_up_three(qtbot, first)
    invoice1 = cancel_qr(qtbot, first, demo_terminal)
    second_qr = open_payment(qtbot, first)
    invoice2, sale_id = second_qr.invoice_number, second_qr.sale_id
    assert demo_terminal.store.payments.get_attempt(invoice1).sale_id == sale_id

    sandbox(demo_terminal, "pay", invoice1)
    qtbot.waitUntil(lambda: first.window.paid_banner.isVisible(), timeout=WAIT_MS)
    assert first.controller.payment is None, "the second QR's dialog went away"
    first.close()

    again = start_app()
    sign_in(qtbot, again)
    payments = demo_terminal.store.payments

    def settled() -> None:
        shown = again.controller.payment
        assert (shown is not None and shown.attempt is not None) or (
            payments.get_attempt(invoice2).state not in OPEN_STATES
        )

    qtbot.waitUntil(settled, timeout=WAIT_MS)
    shown = again.controller.payment
    if shown is not None and shown.attempt is not None and shown.attempt.state in OPEN_STATES:
        # The counter shows a live QR, waiting: the customer is asked to pay, and does.
        sandbox(demo_terminal, "pay", shown.invoice_number)
        wait_state(qtbot, shown, AttemptState.PAID)
    assert paid_attempts(demo_terminal, sale_id) == [invoice1], (
        "one basket, paid twice by DOKU Wallet: the till put a paid basket's second QR back up"
    )


def test_a_payment_on_the_paid_banner_is_still_announced_after_a_restart(
    qtbot, start_app, demo_terminal
):
    """The paid banner said "Customer paid, press F11"; the till restarted before F11. After
    the restart nothing at the counter named the payment: the cashier, told nothing, would
    ring the basket up again and take the money a second time."""
    first = start_app()
    sign_in(qtbot, first)
    ring_up_three(qtbot, first)
    invoice = cancel_qr(qtbot, first, demo_terminal)
    sandbox(demo_terminal, "pay", invoice)
    qtbot.waitUntil(lambda: first.window.paid_banner.isVisible(), timeout=WAIT_MS)
    first.close()

    again = start_app()
    sign_in(qtbot, again)
    window = again.window

    def told() -> None:
        assert (window.paid_banner.isVisible() and window.complete_paid_action.isEnabled()) or (
            window.late_label.isVisible() and invoice in window.late_label.text()
        ), "nothing at the counter names the customer's payment"

    qtbot.waitUntil(told, timeout=WAIT_MS)


def test_a_second_qr_paid_beside_the_one_on_the_banner_is_kept_for_the_manager(
    qtbot, start_app, demo_terminal
):
    """The customer paid the QR given up on, and then the second QR too (scanned before the
    banner took it off the screen): the second payment took the first's place on the banner,
    F11 completed the sale with it, and the first payment was named nowhere at the counter."""
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    invoice1 = cancel_qr(qtbot, app, demo_terminal)
    invoice2 = open_payment(qtbot, app).invoice_number
    sandbox(demo_terminal, "pay", invoice1)
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    payments = demo_terminal.store.payments
    qtbot.waitUntil(lambda: payments.get_attempt(invoice2).state is AttemptState.CANCELLED)

    sandbox(demo_terminal, "pay", invoice2)
    late = app.window.late_label
    qtbot.waitUntil(lambda: invoice2 in late.text() and late.isVisible(), timeout=WAIT_MS)
    assert app.window.paid_title.text() == f"Customer paid {rupiah(total)} by DOKU Wallet"
    press(qtbot, Qt.Key.Key_F11)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert receipt.data.invoice_number == invoice1
    receipt.reject()
    assert sales(demo_terminal) == [("completed", "qr", invoice1, None)]
    assert invoice2 in late.text() and late.isVisible()
    kept = list_problems(demo_terminal.store.repositories().db)
    assert [(p.invoice_number, p.kind) for p in kept] == [(invoice2, ProblemKind.LATE)]


def test_cash_tendered_before_a_scan_is_looked_up_is_not_taken_without_it(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """The tea is scanned, then F9 and Enter come before the catalogue's answer: the cash was
    taken for the noodles alone, and the tea landed on the next customer's empty basket,
    hiding the change due, while the customer left with it unpaid."""
    app = start_app()
    sign_in(qtbot, app)
    scan(qtbot, app, GORENG)
    catalog = app.window.panel._catalog
    release = threading.Event()
    find_by_code = catalog.find_by_code

    def slow_for_the_tea(code: str) -> Product | None:
        if code == TEH:
            assert release.wait(WAIT_MS / 1000), "never released"
        return find_by_code(code)

    monkeypatch.setattr(catalog, "find_by_code", slow_for_the_tea)
    target = app.window.panel.input
    qtbot.keyClicks(target, TEH)
    qtbot.keyClick(target, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.set_received(5_000)
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    assert "still being looked up" in app.window.panel.message.text()
    release.set()
    model = app.window.basket_model
    qtbot.waitUntil(lambda: len(model.basket) == 2 and app.window.panel.settled, timeout=WAIT_MS)
    assert sales(demo_terminal) == []

    pay_cash_on_screen(qtbot, app, 10_000)
    assert app.window.change_label.text() == "Change Rp 1.000"
    assert sales(demo_terminal) == [("completed", "cash", None, 10_000)]


def test_a_basket_whose_only_order_the_provider_refused_is_merged(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """DOKU refused the order of Bu Sari's basket: no QR was shown, so nobody can pay it. Her
    basket, recalled while the next customer's tea is scanned, is merged with the tea and its
    sale cancelled; it is not kept held as if a QR could still be paid."""
    embedded = demo_terminal.embedded
    port = embedded.sandbox.port
    embedded.sandbox.stop()  # a sandbox that knows another secret refuses the till's orders
    refusing = create_sandbox_app(replace(embedded.config, doku_secret_key="another-secret"))
    embedded.sandbox = ServerThread.of(refusing, port=port).start()
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    invoice = payment.invoice_number
    wait_state(qtbot, payment, AttemptState.FAILED)
    attempt = demo_terminal.store.payments.get_attempt(invoice)
    assert attempt.payment_url is None, "no QR was shown"
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: app.controller.payment is None, timeout=WAIT_MS)
    hold(qtbot, app, "Bu Sari")
    recall_during_a_scan(qtbot, app, monkeypatch)

    qtbot.waitUntil(
        lambda: app.window.basket_model.basket.line("MIN-001").quantity == 2, timeout=WAIT_MS
    )
    assert "stays held" not in app.window.notice.text()
    assert demo_terminal.store.held.list_held() == []
    qtbot.waitUntil(lambda: sales(demo_terminal) == [("cancelled", None, None, None)])
