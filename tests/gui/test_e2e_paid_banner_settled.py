"""The paid banner ("Customer paid, press F11") offers a payment no longer than the payment may
pay the basket: once the manager refunds it or resolves it in the back office, the banner goes and
the basket is paid another way, and a discount chosen while the payment came in changes nothing.
The real window, back office, store, sandbox and relay."""

from PySide6.QtCore import Qt

from pos_app.domain.lifecycles import RefundStatus, SaleStatus
from pos_app.gui.app import TerminalApp
from pos_app.gui.discount_dialog import DiscountDialog
from pos_app.store.sales import Tender
from pos_app.till.terminal import Terminal
from tests.gui.back_office_helpers import show_tab, signed_in
from tests.gui.e2e import WAIT_MS, pay_cash_on_screen, press, ring_up_three, sandbox, sign_in
from tests.gui.helpers import wait_for_modal
from tests.gui.test_back_office_payments import send
from tests.gui.test_e2e_at_the_counter import back_to_front
from tests.gui.test_e2e_paid_once import cancel_qr


def paid_after_cancel(qtbot, app: TerminalApp, terminal: Terminal) -> tuple[int, str]:
    """Three items, the QR given up on, and the customer paying it anyway: the total and the
    invoice on the banner."""
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    invoice = cancel_qr(qtbot, app, terminal)
    sandbox(terminal, "pay", invoice)
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    assert app.window.complete_paid_action.isEnabled()
    return total, invoice


def cash_is_taken(qtbot, app: TerminalApp, terminal: Terminal, total: int) -> None:
    """The banner is gone and F9 sells the basket on screen for cash."""
    qtbot.waitUntil(lambda: not app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    assert "no longer pays this basket" in app.window.panel.message.text()
    sale_id = app.controller.open_sale_id
    assert sale_id is not None
    pay_cash_on_screen(qtbot, app, total)
    sale = terminal.store.sales.get(sale_id)
    assert (sale.status, sale.tender) == (SaleStatus.COMPLETED, Tender.CASH)


def test_a_payment_the_manager_refunded_leaves_the_banner(qtbot, start_app, demo_terminal):
    app = start_app()
    total, invoice = paid_after_cancel(qtbot, app, demo_terminal)

    office = signed_in(qtbot, app)
    show_tab(qtbot, office, office.problems)
    office.problems.select(invoice)
    qtbot.mouseClick(office.problems.refund_button, Qt.MouseButton.LeftButton)
    dialog = office.refund_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.left == total, timeout=WAIT_MS)
    dialog.reason.setText("customer wants the money back")
    assert send(qtbot, dialog, total) is RefundStatus.PAID
    dialog.reject()
    office.close()
    back_to_front(qtbot, app)

    cash_is_taken(qtbot, app, demo_terminal, total)


def test_a_payment_the_manager_resolved_completes_no_sale(qtbot, start_app, demo_terminal):
    app = start_app()
    total, invoice = paid_after_cancel(qtbot, app, demo_terminal)
    sale_id = app.controller.open_sale_id
    assert sale_id is not None

    office = signed_in(qtbot, app)
    tab = office.problems
    show_tab(qtbot, office, tab)
    tab.select(invoice)
    tab.reason.setText("refunded by hand in DOKU's back office")
    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: invoice not in tab.invoices(), timeout=WAIT_MS)
    office.close()
    back_to_front(qtbot, app)

    press(qtbot, Qt.Key.Key_F11)  # whether before or after the banner went, it takes nothing
    cash_is_taken(qtbot, app, demo_terminal, total)
    assert demo_terminal.store.sales.get(sale_id).invoice_number is None


def test_a_discount_chosen_while_the_customer_paid_is_refused(qtbot, start_app, demo_terminal):
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    invoice = cancel_qr(qtbot, app, demo_terminal)
    sale_id = app.controller.open_sale_id
    window = app.window

    window.discount_action.trigger()
    dialog = wait_for_modal(qtbot, DiscountDialog)
    sandbox(demo_terminal, "pay", invoice)  # the old QR is paid while the discount is typed
    qtbot.waitUntil(lambda: window.paid_banner.isVisible(), timeout=WAIT_MS)
    dialog.input.setText("5%")
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.basket_model.total == total
    assert "press F11" in window.panel.message.text()

    press(qtbot, Qt.Key.Key_F11)
    sales = demo_terminal.store.sales
    qtbot.waitUntil(lambda: sales.get(sale_id).status is SaleStatus.COMPLETED, timeout=WAIT_MS)
    assert sales.get(sale_id).invoice_number == invoice
