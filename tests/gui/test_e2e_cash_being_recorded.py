"""Cash the store is still recording (a slow disk) while the counter moves on: another basket's
cash is taken, or its cashier signs out. Each sale is recorded once, and its receipt and change
are shown for it alone, never for the sale or cashier at the counter by then. The real window,
store, sandbox and relay, driven by keys."""

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.gui.app import TerminalApp
from pos_app.gui.receipt import ReceiptDialog
from pos_app.store.sales import Sale
from pos_app.till.terminal import Terminal
from tests.gui.e2e import TEH, WAIT_MS, pay_cash_on_screen, press, ring_up_three, scan, sign_in
from tests.gui.helpers import wait_for_modal
from tests.gui.test_e2e_after_a_paid_qr import cash_held_as_its_qr_is_paid, cash_held_in_store
from tests.gui.test_e2e_counter import recall
from tests.gui.test_e2e_paid_once import sales


def receipts_shown() -> list[ReceiptDialog]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, ReceiptDialog) and widget.isVisible()
    ]


def change_on_display(app: TerminalApp) -> str:
    """What the customer display says of change ("" when it shows none)."""
    display = app.display
    assert display is not None
    return display.change.text() if display.pages.currentWidget() is display.change else ""


def reprinted_with_f8(qtbot, app: TerminalApp, total: int) -> None:
    """F8 prints the last sale again: the one of ``total``, as a COPY."""
    press(qtbot, Qt.Key.Key_F8)
    copy = wait_for_modal(qtbot, ReceiptDialog)
    assert (copy.data.total, copy.data.copy) == (total, True)
    copy.reject()


def the_teas_cash_recorded(
    qtbot, app: TerminalApp, terminal: Terminal, monkeypatch
) -> tuple[threading.Event, list[Sale]]:
    """The basket on screen's cash (Rp 20.000) waits in the store; the next customer's tea is
    scanned and paid with Rp 10.000, which the store records first: its receipt and change
    are shown. The first basket's cash as :func:`cash_held_in_store` gives it."""
    first = cash_held_in_store(qtbot, monkeypatch, app, terminal)
    scan(qtbot, app, TEH)
    second, _ = cash_held_in_store(qtbot, monkeypatch, app, terminal, received=10_000)
    assert app.window.change_label.text() == "Change Rp 4.500"
    second.set()
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert (receipt.data.total, receipt.data.change) == (5_500, 4_500)
    assert change_on_display(app) == "Change\nRp 4.500\n\nThank you"
    return first


def test_two_cash_sales_recorded_at_once_each_keep_their_own_receipt_and_change(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """The first basket's cash is recorded last, while the tea's receipt is on screen: no
    receipt of it comes over the tea's, and the customer display keeps the tea's change; the
    cashier is told the first sale is in, and its receipt stays to be printed again."""
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    first, recorded = the_teas_cash_recorded(qtbot, app, demo_terminal, monkeypatch)

    first.set()
    notice = app.window.notice
    qtbot.waitUntil(lambda: "is recorded" in notice.text(), timeout=WAIT_MS)
    [sale] = recorded
    assert notice.text() == (
        f"Cash sale {sale.id} of Rp 15.800 is recorded; its receipt can be reprinted in the "
        "back office."
    )
    [receipt] = receipts_shown()
    assert receipt.data.total == 5_500
    assert change_on_display(app) == "Change\nRp 4.500\n\nThank you"
    assert app.window.change_label.text() == "Change Rp 4.500"
    assert sorted(sales(demo_terminal)) == [
        ("completed", "cash", None, 10_000),
        ("completed", "cash", None, 20_000),
    ]
    receipt.reject()
    reprinted_with_f8(qtbot, app, total)


def test_a_payment_while_two_cash_sales_are_recorded_waits_for_its_own_sales_answer(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """The first basket's QR was given up on; its customer pays it while the basket's cash and
    then the tea's are being recorded. The payment waits for its own sale's answer, not the
    tea's: the cash is refused, and the payment is on the banner for F11, never also on the
    line of payments kept for the manager."""
    app = start_app()
    invoice, first, recorded = cash_held_as_its_qr_is_paid(qtbot, monkeypatch, app, demo_terminal)
    scan(qtbot, app, TEH)
    second, _ = cash_held_in_store(qtbot, monkeypatch, app, demo_terminal, received=10_000)
    second.set()
    wait_for_modal(qtbot, ReceiptDialog).reject()

    first.set()
    window = app.window
    qtbot.waitUntil(lambda: window.paid_banner.isVisible(), timeout=WAIT_MS)
    assert recorded == [] and len(window.basket_model.basket) == 3
    assert window.paid_detail.text().startswith("The cash was not recorded: give it back")
    assert window.late_label.isHidden(), window.late_label.text()
    press(qtbot, Qt.Key.Key_F11)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    assert sales(demo_terminal) == [
        ("completed", "qr", invoice, None),
        ("completed", "cash", None, 10_000),
    ]
    assert window.late_label.isHidden(), window.late_label.text()


def test_a_cash_sale_recorded_after_its_cashier_signed_out_is_shown_to_nobody(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """Demo Kasir gave the change (on screen at once) and signed out while the store recorded
    the cash. Its receipt and change do not pop up over the sign-in page, nor for Demo
    Manajer, who is told whose sale it was; F8 prints its receipt again."""
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    release, recorded = cash_held_in_store(qtbot, monkeypatch, app, demo_terminal)
    assert app.window.change_label.text() == "Change Rp 4.200"
    press(qtbot, Qt.Key.Key_F7)  # the screen is empty: signed out at once
    qtbot.waitUntil(lambda: app.shell.currentWidget() is not app.window, timeout=WAIT_MS)

    release.set()
    notice = app.window.notice
    qtbot.waitUntil(lambda: "is recorded" in notice.text(), timeout=WAIT_MS)
    [sale] = recorded
    assert receipts_shown() == [] and QApplication.activeModalWidget() is None
    assert change_on_display(app) == ""

    sign_in(qtbot, app, "9999")
    assert app.window.change_label.isHidden(), "Demo Kasir's change is not Demo Manajer's"
    assert notice.text() == (
        f"The cash sale {sale.id} of Rp 15.800 that Demo Kasir took is recorded; its receipt "
        "can be reprinted in the back office."
    )
    assert receipts_shown() == [] and change_on_display(app) == ""
    reprinted_with_f8(qtbot, app, total)


ASIDE = (
    'Its basket is held as "Cash not recorded, Rp\N{NO-BREAK SPACE}15.800": recall it with F6 '
    "once this basket is done."
)
"""The notice; the held basket's name has a plain space, the notice's amount never breaks."""


def refused_behind_the_tea(qtbot, app: TerminalApp, release: threading.Event) -> None:
    """The next customer's tea is on screen when the store's refusal of the first basket's cash
    comes: the tea stays, and the first basket is held for later."""
    scan(qtbot, app, TEH)
    release.set()
    message = app.window.panel.message
    qtbot.waitUntil(lambda: "Could not record" in message.text(), timeout=WAIT_MS)
    assert [line.sku for line in app.window.basket_model.basket] == ["MIN-001"]
    qtbot.waitUntil(lambda: app.window.held_label.text() == "Held baskets: 1", timeout=WAIT_MS)


def test_cash_refused_behind_the_next_basket_is_held_to_be_paid_again(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """The disk refused the first basket's cash once the tea was on screen. Its basket is not
    lost from the counter: it is held, named for its amount, and recalled after the tea its
    cash is taken again, on its own stored sale."""
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    release, _ = cash_held_in_store(qtbot, monkeypatch, app, demo_terminal, fails=True)
    refused_behind_the_tea(qtbot, app, release)
    assert app.window.panel.message.text() == (
        f"Could not record the cash sale: database or disk is full. {ASIDE}"
    )
    [held] = demo_terminal.store.held.list_held()
    assert held.sale_id is not None and sales(demo_terminal) == [("open", None, None, None)]

    pay_cash_on_screen(qtbot, app, 10_000)
    recall(qtbot, "Cash not recorded, Rp 15.800")
    qtbot.waitUntil(lambda: len(app.window.basket_model.basket) == 3, timeout=WAIT_MS)
    pay_cash_on_screen(qtbot, app, 50_000)
    assert sales(demo_terminal) == [
        ("completed", "cash", None, 50_000),
        ("completed", "cash", None, 10_000),
    ]


def test_cash_refused_for_a_qr_paid_meanwhile_behind_the_next_basket_is_completed_by_it(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """The first basket's customer paid its old QR while its cash was recorded, and the tea is
    on screen by the refusal: the cashier is told to give the cash back, and the held basket,
    recalled after the tea, completes with the payment (F11), charged once."""
    app = start_app()
    invoice, release, _ = cash_held_as_its_qr_is_paid(qtbot, monkeypatch, app, demo_terminal)
    refused_behind_the_tea(qtbot, app, release)
    text = app.window.panel.message.text()
    assert text.startswith("Could not record the cash sale: sale ") and text.endswith(ASIDE)
    assert "is paid already" in text

    pay_cash_on_screen(qtbot, app, 10_000)
    recall(qtbot, "Cash not recorded, Rp 15.800")
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_F11)
    wait_for_modal(qtbot, ReceiptDialog).reject()
    assert sales(demo_terminal) == [
        ("completed", "qr", invoice, None),
        ("completed", "cash", None, 10_000),
    ]
