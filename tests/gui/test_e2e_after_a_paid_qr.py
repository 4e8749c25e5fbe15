"""What the counter says and keeps once a QR is paid for part of the basket on screen, when cash
is refused after its cashier signed out, and when the customer paid another amount: the real
window, store, sandbox and relay, driven by keys."""

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from pos_app.domain.catalog import Product
from pos_app.domain.discounts import Approval, Discount
from pos_app.domain.tax import TaxPolicy
from pos_app.domain.texts import N_
from pos_app.gui.app import TerminalApp
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.receipt import ReceiptDialog
from pos_app.payments.model import AttemptState
from pos_app.settings.terminal_config import Settings
from pos_app.store.errors import StoreError
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.sales import Sale, Tender
from pos_app.till.terminal import Terminal, open_terminal
from tests.gui.e2e import (
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
)
from tests.gui.helpers import ean13, wait_for_modal
from tests.gui.test_e2e_at_the_counter import back_to_front
from tests.gui.test_e2e_paid_once import cancel_qr, rupiah, sales

KOPI = Product("KOPI-01", "Kopi Susu Botol", 4_750, ean13("899200000002"), "Minuman")
"""With PPN added on top, one costs Rp 5.273 and two Rp 10.545: the second adds Rp 5.272, and
no line of one, discounted or not, costs that (see ``tests/unit/test_basket.py``)."""


def paid_then_scanned_again(qtbot, app: TerminalApp, terminal: Terminal, code: str) -> int:
    """The basket's QR is given up on, ``code`` is scanned again, then the old QR is paid and F11
    completes its sale: what the screen asked for everything before F11."""
    invoice = cancel_qr(qtbot, app, terminal)
    scan(qtbot, app, code)
    everything = app.window.basket_model.total
    sandbox(terminal, "pay", invoice)
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_F11)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    return everything


def test_a_rupiah_of_ppn_rounding_is_told_as_such_not_as_a_discount_to_give_again(
    qtbot, start_app_on, tmp_path: Path
):
    """No discount anywhere: the second coffee stays on screen at its price, and the cashier is
    told what it costs on its own against what was left of the total, not to give a discount."""
    terminal = open_terminal(
        Settings(tax=TaxPolicy(enabled=True, prices_include_tax=False)),
        tmp_path / "ppn.db",
        demo=True,
    )
    try:
        terminal.store.products.upsert_many([KOPI])
        app = start_app_on(terminal)
        sign_in(qtbot, app)
        scan(qtbot, app, KOPI.barcode)
        paid = app.window.basket_model.total
        everything = paid_then_scanned_again(qtbot, app, terminal, KOPI.barcode)

        basket = app.window.basket_model.basket
        assert [(line.sku, line.quantity, line.discount) for line in basket] == [
            ("KOPI-01", 1, None)
        ]
        left = app.window.basket_model.total
        assert (paid, everything, left) == (5_273, 10_545, 5_273)
        notice = app.window.notice.text()
        assert "discount" not in notice, notice
        assert notice == (
            "Sale 1 is paid. The items scanned since are on screen at Rp 5.273, not the "
            "Rp 5.272 left of the total: PPN is rounded on each sale."
        )
        app.close()
    finally:
        terminal.close()


def test_the_leftover_keeps_the_managers_approval_of_the_discount_it_keeps(
    qtbot, start_app, demo_terminal
):
    """The tea's 20% (above the cashier's 10%) was approved by the manager; a second tea joins
    its line after the QR was given up on, and the old QR is paid: the second tea stays on
    screen with its 20%, and its cash is taken without the manager's PIN again."""
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    model = app.window.basket_model
    twenty = Discount.percent(2000)
    model.set_line_discount(model.row_of("MIN-001"), twenty)
    model.basket.approval = Approval("Demo Manajer", twenty.value)  # as the manager's PIN gives
    paid_then_scanned_again(qtbot, app, demo_terminal, TEH)
    assert [(line.sku, line.quantity, line.discount) for line in model.basket] == [
        ("MIN-001", 1, twenty)
    ]

    pay_cash_on_screen(qtbot, app, 5_000)
    assert app.window.change_label.text() == "Change Rp 600"
    sale = demo_terminal.store.sales.get(2)
    assert (sale.tender, sale.total, sale.discount_approved_by) == (
        Tender.CASH,
        4_400,
        "Demo Manajer",
    )


def cash_held_in_store(
    qtbot,
    monkeypatch,
    app: TerminalApp,
    terminal: Terminal,
    *,
    received: int = 20_000,
    fails: bool = False,
) -> tuple[threading.Event, list[Sale]]:
    """F9 and ``received`` in cash for the basket on screen, whose cash then waits in the store
    until the event is set (``fails``: then the disk is full); the list gets the sale if the
    cash is recorded. Cash of another amount (another basket's) is not held back here."""
    release = threading.Event()
    recorded: list[Sale] = []
    pay_cash = terminal.checkout.pay_cash

    def slow_pay_cash(sale_id: int, cash: int, *, cashier: str | None = None) -> Sale:
        if cash != received:
            return pay_cash(sale_id, cash, cashier=cashier)
        assert release.wait(WAIT_MS / 1000), "never released"
        if fails:
            raise StoreError(N_("database or disk is full"))
        sale = pay_cash(sale_id, cash, cashier=cashier)
        recorded.append(sale)
        return sale

    monkeypatch.setattr(terminal.checkout, "pay_cash", slow_pay_cash)
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.set_received(received)
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(app.window.basket_model.basket) == 0)
    back_to_front(qtbot, app)
    return release, recorded


def cash_held_as_its_qr_is_paid(
    qtbot, monkeypatch, app: TerminalApp, terminal: Terminal
) -> tuple[str, threading.Event, list[Sale]]:
    """Signed in, three items, their QR given up on; their cash waits in the store (as
    :func:`cash_held_in_store`) while the customer pays the old QR: its invoice, and the cash's
    release and record."""
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    invoice = cancel_qr(qtbot, app, terminal)
    release, recorded = cash_held_in_store(qtbot, monkeypatch, app, terminal)
    paid_in_store(terminal, invoice)
    return invoice, release, recorded


def paid_in_store(terminal: Terminal, invoice: str) -> None:
    """The customer pays ``invoice``; back once the store has it (the GUI may not yet)."""
    landed = threading.Event()

    def listen(attempt: PaymentAttempt) -> None:
        if attempt.invoice_number == invoice and attempt.state is AttemptState.PAID:
            landed.set()

    unsubscribe = terminal.checkout.subscribe(listen)
    try:
        sandbox(terminal, "pay", invoice)
        assert landed.wait(WAIT_MS / 1000)
    finally:
        unsubscribe()


def test_cash_refused_after_its_cashier_signed_out_is_told_to_the_next_one_as_theirs(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """Demo Kasir takes cash for a basket whose QR was given up on and signs out while the
    store records it; the customer paid the old QR meanwhile, so the cash is refused once Demo
    Manajer has signed in. The basket comes back with its payment, and the banner says whose
    cash it was: not Demo Manajer's to give back."""
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    invoice = cancel_qr(qtbot, app, demo_terminal)
    release, recorded = cash_held_in_store(qtbot, monkeypatch, app, demo_terminal)
    paid_in_store(demo_terminal, invoice)

    press(qtbot, Qt.Key.Key_F7)  # the screen is empty: signed out at once
    qtbot.waitUntil(lambda: app.shell.currentWidget() is not app.window, timeout=WAIT_MS)
    sign_in(qtbot, app, "9999")
    release.set()

    window = app.window
    qtbot.waitUntil(lambda: window.paid_banner.isVisible(), timeout=WAIT_MS)
    assert recorded == [] and len(window.basket_model.basket) == 3
    assert window.paid_title.text() == f"Customer paid {rupiah(total)} by DOKU Wallet"
    detail = window.paid_detail.text()
    assert "give it back to the customer" not in detail, detail
    assert detail.startswith(
        "The cash Demo Kasir took for this basket was not recorded: Demo Kasir gives it back "
        "to the customer. Press F11"
    ), detail
    press(qtbot, Qt.Key.Key_F11)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    assert sales(demo_terminal) == [("completed", "qr", invoice, None)]


def test_cash_not_recorded_after_its_cashier_signed_out_names_who_took_it(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """Back on the next cashier's screen, the basket would be paid again in cash: the notice
    says whose cash it already was."""
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    release, _ = cash_held_in_store(qtbot, monkeypatch, app, demo_terminal, fails=True)
    press(qtbot, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: app.shell.currentWidget() is not app.window, timeout=WAIT_MS)
    sign_in(qtbot, app, "9999")
    release.set()

    message = app.window.panel.message
    qtbot.waitUntil(lambda: "Could not record" in message.text(), timeout=WAIT_MS)
    assert message.text() == "Could not record the cash Demo Kasir took: database or disk is full"
    assert len(app.window.basket_model.basket) == 3


def test_cash_refused_while_its_cashier_is_still_signed_in_is_theirs_to_give_back(
    qtbot, start_app, demo_terminal, monkeypatch
):
    app = start_app()
    _, release, _ = cash_held_as_its_qr_is_paid(qtbot, monkeypatch, app, demo_terminal)
    release.set()
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    assert app.window.paid_detail.text().startswith(
        "The cash was not recorded: give it back to the customer. Press F11"
    )


def test_a_payment_of_another_amount_stays_listed_for_the_manager_after_the_sale(
    qtbot, start_app, demo_terminal
):
    """The customer's wallet paid Rp 1 for the QR: the banner says so, the sale is not paid,
    cash takes the total, and the payment stays on the counter's line for the manager once the
    next sale starts."""
    customer = own_sandbox(demo_terminal)
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    invoice = payment.invoice_number

    pay_other_amount(demo_terminal, customer, invoice, 1)
    window = app.window
    qtbot.waitUntil(lambda: window.paid_banner.isVisible(), timeout=WAIT_MS)
    assert window.paid_title.text() == (
        f"Customer paid {rupiah(1)} by DOKU Wallet, not {rupiah(total)}: kept for the manager"
    )
    assert len(window.basket_model.basket) == 3 and window.cash_action.isEnabled()
    pay_cash_on_screen(qtbot, app, total)
    assert window.paid_banner.isHidden()
    assert window.late_label.isVisible()
    assert window.late_label.text() == (
        f"Payment {invoice} of {rupiah(1)} is kept for the manager: no sale took it"
    )
