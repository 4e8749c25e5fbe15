from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pos_app.domain.barcodes import gs1_check_digit
from pos_app.domain.basket import Basket, LineItem
from pos_app.domain.discounts import Discount
from pos_app.domain.errors import KasirError
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.held_picker import HeldPicker
from pos_app.gui.main_window import MainWindow
from pos_app.gui.quantity_dialog import QuantityDialog
from pos_app.store.held import HeldBasket
from tests.gui.helpers import answer_confirmation, product, show, wait_for_modal

HELD_AT = datetime(2026, 12, 4, 7, 5, tzinfo=UTC)


class RecordingActions:
    """Stands in for the lead's checkout flow: records what the screen asked for."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.held: list[tuple[str, Basket]] = []
        self.fail_with: Exception | None = None
        self.window: MainWindow | None = None
        """Where hold and recall answer, as the controller does once the store has."""
        self.hold_refused_with = ""
        self.recall_held_back = False
        """Keep the recall's answer until the test calls ``answer_recall``."""
        self.answer_recall: Callable[[], None] | None = None

    def _record(self, name: str, value: object) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.calls.append((name, value))

    def pay_by_qr(self, basket: Basket) -> None:
        self._record("qr", [(line.sku, line.quantity) for line in basket])

    def pay_cash(self, basket: Basket, received: int, asked: int) -> None:
        self._record("cash", (basket.total, received))

    def hold(self, basket: Basket, name: str) -> None:
        self._record("hold", (len(basket), name))
        assert self.window is not None
        if self.hold_refused_with:
            QTimer.singleShot(0, lambda: self.window.hold_failed(basket, self.hold_refused_with))
            return
        self.held.append((name, basket))
        QTimer.singleShot(0, self.window.basket_held)

    def recall(self) -> None:
        self._record("recall", None)
        assert self.window is not None
        listed = [
            HeldBasket(number, "Siti", HELD_AT, tuple(basket.lines), name)
            for number, (name, basket) in enumerate(self.held)
        ]
        QTimer.singleShot(0, lambda: self.window.choose_held(listed))

    def recall_held(self, held_id: int) -> None:
        self._record("recall_held", held_id)
        assert self.window is not None
        basket = self.held.pop(held_id)[1]
        self.answer_recall = lambda: self.window.show_recalled(basket)
        if not self.recall_held_back:
            QTimer.singleShot(0, self.answer_recall)


@pytest.fixture
def actions() -> RecordingActions:
    return RecordingActions()


@pytest.fixture
def window(qtbot, catalog, actions):
    made = MainWindow(catalog, actions, demo=True)
    actions.window = made
    made.resize(1280, 800)
    show(qtbot, made)
    qtbot.waitUntil(lambda: made.panel.settled)
    return made


def scan(qtbot, window: MainWindow, code: str) -> None:
    qtbot.keyClicks(window.panel.input, code)
    qtbot.keyClick(window.panel.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.panel.settled)


def lines(window: MainWindow) -> list[tuple[str, int]]:
    return [(line.sku, line.quantity) for line in window.basket_model.basket]


def ring_up(qtbot, window: MainWindow) -> None:
    scan(qtbot, window, product("IDM-GRG").barcode)
    scan(qtbot, window, "2*" + product("AQUA-600").barcode)
    scan(qtbot, window, product("TEH-BTL").barcode)


def press(qtbot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key)


def button(window: MainWindow, starts: str) -> QPushButton:
    return next(b for b in window.findChildren(QPushButton) if b.text().startswith(starts))


def answered(qtbot, window: MainWindow, dialog: QDialog, answer: Callable[[], None]) -> None:
    """Answer the window's dialog; once the dialog is gone, the window is active again (the
    offscreen platform leaves no window active when a closed dialog is deleted)."""
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    answer()
    qtbot.waitUntil(lambda: bool(gone))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def hold(qtbot, window: MainWindow, name: str | None = None) -> None:
    """F6 on a basket with items, and the name asked for (its default when ``name`` is None)."""
    press(qtbot, window, Qt.Key.Key_F6)
    dialog = wait_for_modal(qtbot, QInputDialog)
    if name is not None:
        dialog.setTextValue(name)
    answered(qtbot, window, dialog, dialog.accept)


def pick(qtbot, window: MainWindow, picker: HeldPicker, row: int) -> None:
    picker.table.selectRow(row)
    answered(qtbot, window, picker, lambda: qtbot.keyClick(picker.table, Qt.Key.Key_Return))


def recall(qtbot, window: MainWindow, row: int) -> None:
    """F6 on an empty basket, and the held basket in ``row`` of the list picked."""
    press(qtbot, window, Qt.Key.Key_F6)
    pick(qtbot, window, wait_for_modal(qtbot, HeldPicker), row)


def test_scans_fill_the_basket_and_the_big_total(qtbot, window):
    ring_up(qtbot, window)
    assert lines(window) == [("IDM-GRG", 1), ("AQUA-600", 2), ("TEH-BTL", 1)]
    assert window.total_label.text() == "Rp 18.000"
    assert window.selected_row() == 2, "the last scanned line is selected"
    scan(qtbot, window, product("IDM-GRG").barcode)
    assert lines(window)[0] == ("IDM-GRG", 2) and window.selected_row() == 0


def test_unknown_barcode_is_a_message_not_a_dialog(qtbot, window):
    scan(qtbot, window, "8990000000000")
    assert QApplication.activeModalWidget() is None
    assert window.panel.message.isVisible()
    assert window.panel.input.hasFocus()
    assert lines(window) == []


def test_plus_minus_and_remove_act_on_the_selected_line(qtbot, window):
    ring_up(qtbot, window)
    window.basket_view.selectRow(1)
    qtbot.mouseClick(button(window, "+1"), Qt.MouseButton.LeftButton)
    assert lines(window)[1] == ("AQUA-600", 3)
    for _ in range(3):
        qtbot.mouseClick(button(window, "−1"), Qt.MouseButton.LeftButton)
    assert lines(window) == [("IDM-GRG", 1), ("TEH-BTL", 1)], "minus on one item removes it"
    window.basket_view.selectRow(0)
    qtbot.mouseClick(button(window, "Remove"), Qt.MouseButton.LeftButton)
    assert lines(window) == [("TEH-BTL", 1)]
    assert window.selected_row() == 0


def test_delete_removes_the_selected_line_but_edits_a_typed_search(qtbot, window):
    ring_up(qtbot, window)
    window.panel.focus_input()
    press(qtbot, window, Qt.Key.Key_Delete)
    assert lines(window) == [("IDM-GRG", 1), ("AQUA-600", 2)]
    qtbot.keyClicks(window.panel.input, "aqua")
    window.panel.input.setCursorPosition(0)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert window.panel.input.text() == "qua"
    assert len(lines(window)) == 2


def test_clear_basket_asks_first(qtbot, window):
    ring_up(qtbot, window)
    qtbot.mouseClick(button(window, "Clear basket"), Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=False)
    assert len(lines(window)) == 3
    qtbot.mouseClick(button(window, "Clear basket"), Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)
    assert lines(window) == [] and window.total_label.text() == "Rp 0"


def test_f2_focuses_the_input_line(qtbot, window):
    window.basket_view.setFocus()
    press(qtbot, window, Qt.Key.Key_F2)
    assert window.panel.input.hasFocus()


def test_typing_on_the_basket_goes_to_the_input_line(qtbot, window):
    ring_up(qtbot, window)
    window.basket_view.setFocus()
    qtbot.keyClicks(window.basket_view, product("SABUN-LX").barcode)
    qtbot.keyClick(window.panel.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lines(window)[-1] == ("SABUN-LX", 1))


def test_f4_sets_the_quantity_of_the_selected_line(qtbot, window):
    ring_up(qtbot, window)
    window.basket_view.selectRow(0)
    press(qtbot, window, Qt.Key.Key_F4)
    dialog = wait_for_modal(qtbot, QuantityDialog)
    assert dialog.input.text() == "1"
    qtbot.keyClicks(dialog.input, "12")
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert lines(window)[0] == ("IDM-GRG", 12)
    assert window.total_label.text() == "Rp 56.500"


def test_f4_refuses_a_quantity_out_of_range_aloud_instead_of_capping_it(qtbot, window):
    ring_up(qtbot, window)
    window.basket_view.selectRow(1)
    press(qtbot, window, Qt.Key.Key_F4)
    dialog = wait_for_modal(qtbot, QuantityDialog)
    qtbot.keyClicks(dialog.input, "10000")
    assert dialog.input.text() == "10000", "nothing is cut off while typing"
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.warning.isVisible()
    assert dialog.warning.text() == "The quantity must be from 1 to 9999."
    assert lines(window)[1] == ("AQUA-600", 2), "the line keeps its quantity"
    dialog.input.selectAll()
    qtbot.keyClicks(dialog.input, "9999")
    assert dialog.warning.isHidden(), "the warning goes once the cashier types again"
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert lines(window)[1] == ("AQUA-600", 9999)

    window.basket_view.selectRow(1)
    qtbot.mouseClick(button(window, "+1"), Qt.MouseButton.LeftButton)
    assert lines(window)[1] == ("AQUA-600", 9999)
    assert window.panel.message.text() == "The quantity must be from 1 to 9999."
    assert window.panel.input.hasFocus()


def test_f4_refuses_a_scan_instead_of_taking_its_first_digits_as_the_quantity(qtbot, window):
    """The customer's next item scanned while F4 is up: a UPC sent as EAN-13, whose first six
    digits (all the field kept) made 4.900 Indomie, Rp 17 million on the line."""
    upc_as_ean13 = "004900002891" + gs1_check_digit("004900002891")
    ring_up(qtbot, window)
    window.basket_view.selectRow(0)
    press(qtbot, window, Qt.Key.Key_F4)
    dialog = wait_for_modal(qtbot, QuantityDialog)
    qtbot.keyClicks(dialog.input, upc_as_ean13)
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.warning.isVisible()
    assert dialog.warning.text() == (
        f"{upc_as_ean13} is a barcode, not a quantity: its item was not added. Press Esc, then "
        "scan it again."
    )
    assert lines(window)[0] == ("IDM-GRG", 1) and window.total_label.text() == "Rp 18.000"

    qtbot.keyClicks(dialog.input, "4900002891123")  # thirteen digits, no code: out of range
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert dialog.warning.text() == "The quantity must be from 1 to 9999."
    qtbot.keyClicks(dialog.input, "00003")
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert lines(window)[0] == ("IDM-GRG", 3)


def test_f6_holds_a_named_basket_and_recalls_the_one_picked(qtbot, window, actions):
    ring_up(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F6)
    asked = wait_for_modal(qtbot, QInputDialog)
    assert asked.textValue().endswith("· Rp 18.000"), "the default names the time and the total"
    asked.setTextValue("Ibu Ani")
    answered(qtbot, window, asked, asked.accept)
    assert actions.calls == [("hold", (3, "Ibu Ani"))]
    assert lines(window) == [], "the held basket leaves the screen at once"
    qtbot.waitUntil(lambda: "Basket held" in window.notice.text())
    window.set_held_count(1)
    assert window.held_label.isVisible() and window.held_label.text() == "Held baskets: 1"

    scan(qtbot, window, product("SABUN-LX").barcode)
    hold(qtbot, window)
    assert actions.calls[-1][1][1].endswith("· Rp 5.200")
    window.set_held_count(2)
    assert window.held_label.text() == "Held baskets: 2"

    press(qtbot, window, Qt.Key.Key_F6)
    picker = wait_for_modal(qtbot, HeldPicker)
    assert actions.calls[-1] == ("recall", None)
    table = picker.table
    rows = [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]
    assert [row[0] for row in rows] == ["Ibu Ani", actions.held[1][0]]
    assert rows[0][1:] == ["Siti", HELD_AT.astimezone().strftime("%H:%M"), "4", "Rp 18.000"]
    assert rows[1][3:] == ["1", "Rp 5.200"]
    pick(qtbot, window, picker, 1)
    assert actions.calls[-1] == ("recall_held", 1), "the one picked, not the oldest"
    qtbot.waitUntil(lambda: lines(window) == [("SABUN-LX", 1)])

    window.start_new_sale()
    recall(qtbot, window, 0)
    qtbot.waitUntil(lambda: lines(window) == [("IDM-GRG", 1), ("AQUA-600", 2), ("TEH-BTL", 1)])
    window.start_new_sale()
    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: "No held basket" in window.notice.text())
    assert QApplication.activeModalWidget() is None and window.held_label.isHidden()
    assert lines(window) == []


def test_a_scan_into_the_hold_name_is_refused_not_made_the_baskets_name(qtbot, window, actions):
    """The customer hands over one more item while F6 asks for the name: the scanner's digits
    replaced the name and its Enter held the basket under the barcode, the item rung up
    nowhere. The dialog says so and stays; Enter then holds the basket under its default."""
    tea = product("TEH-BTL").barcode
    ring_up(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F6)
    asked = wait_for_modal(qtbot, QInputDialog)
    default = asked.textValue()
    name = asked.findChild(QLineEdit)
    assert name is not None and name.hasSelectedText()
    qtbot.keyClicks(name, tea)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert QApplication.activeModalWidget() is asked and actions.calls == []
    assert asked.labelText() == (
        f"{tea} is a barcode, not a name: its item was not added. Press Esc and scan it again, "
        "or Enter to hold the basket without it."
    )
    assert asked.textValue() == default
    answered(qtbot, window, asked, lambda: qtbot.keyClick(name, Qt.Key.Key_Return))
    assert actions.calls == [("hold", (3, default))]


def test_a_failing_hold_keeps_the_basket_and_says_why(qtbot, window, actions):
    ring_up(qtbot, window)
    actions.fail_with = KasirError("database is locked")
    hold(qtbot, window)
    assert len(lines(window)) == 3
    assert "database is locked" in window.panel.message.text()


def test_a_hold_the_store_refuses_brings_the_basket_back(qtbot, window, actions):
    ring_up(qtbot, window)
    actions.hold_refused_with = "disk full"
    hold(qtbot, window)
    qtbot.waitUntil(lambda: "disk full" in window.panel.message.text())
    assert lines(window) == [("IDM-GRG", 1), ("AQUA-600", 2), ("TEH-BTL", 1)]


def test_a_recalled_basket_keeps_what_was_scanned_while_it_came(qtbot, window, actions):
    ring_up(qtbot, window)
    hold(qtbot, window)
    actions.recall_held_back = True
    recall(qtbot, window, 0)
    scan(qtbot, window, product("SABUN-LX").barcode)
    assert lines(window) == [("SABUN-LX", 1)] and actions.answer_recall is not None
    actions.answer_recall()
    assert lines(window) == [("IDM-GRG", 1), ("AQUA-600", 2), ("TEH-BTL", 1), ("SABUN-LX", 1)]


def test_f9_takes_cash_and_starts_a_new_sale(qtbot, window, actions):
    ring_up(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F9)
    dialog = wait_for_modal(qtbot, CashDialog)
    assert dialog.total == 18_000
    qtbot.keyClicks(dialog.received_input, "20.000")
    qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)
    assert actions.calls == [("cash", (18_000, 20_000))]
    assert lines(window) == []
    assert window.change_label.isVisible() and window.change_label.text() == "Change Rp 2.000"
    assert window.change_label.font().pointSize() >= window.total_label.font().pointSize() - 4
    scan(qtbot, window, product("TEH-BTL").barcode)
    assert window.change_label.isHidden(), "the change stays until the next scan"


def test_f9_on_a_basket_discounted_to_nothing_says_why_no_cash_is_taken(qtbot, window, actions):
    """A manager approved 100 % off the basket: its total is Rp 0, which the store keeps no sale
    of. F9 raised from the cash dialog inside the key's handler, and the cashier saw nothing."""
    ring_up(qtbot, window)
    window.basket_model.set_basket_discount(Discount.percent(10_000))
    assert window.basket_model.total == 0
    press(qtbot, window, Qt.Key.Key_F9)
    assert window.panel.message.text() == (
        "The total is Rp 0, and a sale of Rp 0 cannot be recorded: make the discount smaller, "
        "so the customer pays at least Rp 1."
    )
    assert QApplication.activeModalWidget() is None and not window.findChildren(CashDialog)
    assert actions.calls == [] and len(lines(window)) == 3


def test_taking_items_from_under_a_basket_discount_is_refused_aloud(qtbot, window, actions):
    """Rp 12.000 off a basket of Rp 18.000; the customer then drops the two Aqua. The line
    went and the screen showed Rp 10.000, the discount silently left out, for the cash dialog
    to count change from, while the store refused the sale for the discount it kept. Now the
    line stays and the cashier is told to change the discount first; without it, it goes."""
    ring_up(qtbot, window)  # Indomie Rp 3.500, Aqua × 2 Rp 8.000, Teh Botol Rp 6.500
    window.basket_model.set_basket_discount(Discount.rupiah(12_000))
    assert window.total_label.text() == "Rp 6.000"
    refused = (
        "Not changed: the basket discount would no longer fit (a discount of Rp 12.000 is more "
        "than the Rp 10.000 it is given on). Remove or change it first (Ctrl+D)."
    )
    window.basket_view.selectRow(1)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert window.total_label.text() == "Rp 6.000"
    assert window.panel.message.text() == refused
    assert lines(window) == [("IDM-GRG", 1), ("AQUA-600", 2), ("TEH-BTL", 1)]

    window.panel.show_message("")
    window.basket_view.selectRow(1)
    qtbot.mouseClick(button(window, "−1"), Qt.MouseButton.LeftButton)  # Rp 14.000 bear it
    assert window.total_label.text() == "Rp 2.000" and window.panel.message.text() == ""
    qtbot.mouseClick(button(window, "−1"), Qt.MouseButton.LeftButton)
    assert window.total_label.text() == "Rp 2.000"
    assert window.panel.message.text() == refused
    assert lines(window)[1] == ("AQUA-600", 1)

    window.basket_model.set_basket_discount(None)
    window.basket_view.selectRow(1)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert lines(window) == [("IDM-GRG", 1), ("TEH-BTL", 1)]
    assert window.total_label.text() == "Rp 10.000"


def test_f12_hands_the_basket_to_the_qr_payment(qtbot, window, actions):
    ring_up(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F12)
    assert actions.calls == [("qr", [("IDM-GRG", 1), ("AQUA-600", 2), ("TEH-BTL", 1)])]
    assert len(lines(window)) == 3, "the basket stays until the payment is done"


def test_tenders_are_disabled_on_an_empty_basket(qtbot, window, actions):
    tenders = [button(window, "Cash"), button(window, "QR payment")]
    assert not any(tender.isEnabled() for tender in tenders)
    press(qtbot, window, Qt.Key.Key_F12)
    press(qtbot, window, Qt.Key.Key_F9)
    assert actions.calls == []
    assert QApplication.activeModalWidget() is None
    scan(qtbot, window, product("TEH-BTL").barcode)
    assert all(tender.isEnabled() for tender in tenders)
    window.basket_view.selectRow(0)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert not any(tender.isEnabled() for tender in tenders)
    assert button(window, "Hold / Recall").isEnabled(), "F6 recalls on an empty basket"


def test_the_empty_basket_message_goes_when_a_basket_is_recalled(qtbot, window, actions):
    ring_up(qtbot, window)
    hold(qtbot, window)
    window.pay_cash()  # a QR dialog's "Other tender" asks for cash on whatever is on screen
    assert window.panel.message.text() == "The basket is empty."
    recall(qtbot, window, 0)
    qtbot.waitUntil(lambda: len(lines(window)) == 3)
    assert window.panel.message.isHidden()


def test_a_long_message_is_shown_whole(qtbot, window):
    text = (
        "Payment T1-20261204-000123 of Rp 1.234.500 received; its sale is complete. "
        "The late payment was recorded for the manager, who refunds or attaches it."
    )
    window.resize(1024, 768)
    window.show_message(text)
    assert window.notice.isVisible() and window.notice.text() == text
    assert window.notice.wordWrap()
    assert window.notice.width() <= window.width()
    needed = window.notice.fontMetrics().horizontalAdvance(text)
    assert needed > window.notice.width(), "the text is longer than one line here"
    assert window.notice.height() >= window.notice.heightForWidth(window.notice.width())
    window.clear_message()
    assert window.notice.isHidden()
    listed = "Open QR payments, still checked: T1-20261204-000001, T1-20261204-000002 and 4 more"
    window.show_open_payments(listed)
    assert window.open_payments_label.toolTip() == listed, "the status bar may cut it short"


def test_f7_signs_out_at_once_on_an_empty_basket(qtbot, window, actions):
    with qtbot.waitSignal(window.sign_out_requested, timeout=1000):
        press(qtbot, window, Qt.Key.Key_F7)
    assert "F7" in button(window, "Sign out").text()


def test_signing_out_with_a_basket_holds_it_once_confirmed(qtbot, window, actions):
    ring_up(qtbot, window)
    with qtbot.assertNotEmitted(window.sign_out_requested):
        press(qtbot, window, Qt.Key.Key_F7)
        answer_confirmation(qtbot, yes=False)
    assert len(lines(window)) == 3 and actions.calls == []
    with qtbot.waitSignal(window.sign_out_requested, timeout=1000):
        press(qtbot, window, Qt.Key.Key_F7)
        answer_confirmation(qtbot, yes=True)
    assert actions.calls[0][0] == "hold" and actions.calls[0][1][0] == 3
    assert actions.calls[0][1][1].endswith("· Rp 18.000")
    assert lines(window) == []


def test_f10_asks_for_the_back_office(qtbot, window):
    with qtbot.waitSignal(window.back_office_requested):
        press(qtbot, window, Qt.Key.Key_F10)


def test_buttons_show_their_shortcuts(window):
    for start, key in [
        ("Search", "F2"),
        ("Quantity", "F4"),
        ("Remove", "Del"),
        ("Hold / Recall", "F6"),
        ("Cash", "F9"),
        ("QR payment", "F12"),
        ("Back office", "F10"),
    ]:
        assert key in button(window, start).text()


def test_status_bar_shows_session_provider_relay_and_late_payments(qtbot, window):
    window.set_cashier("Siti")
    window.set_business_day(date(2025, 1, 31))
    window.set_provider("DOKU", sandbox=True)
    window.set_relay_state(True)
    assert window.cashier_label.text() == "Cashier: Siti"
    assert "31/01/2025" in window.date_label.text()
    assert window.provider_label.text() == "DOKU SANDBOX"
    assert window.relay_label.text() == "Relay: connected"
    window.set_relay_state(False, "connection refused")
    assert window.relay_label.text() == "Relay: not connected"
    window.announce_late_payment("Late payment INV-7: Rp 18.000")
    window.show_message("something else")
    assert window.late_label.isVisible() and "INV-7" in window.late_label.text()
    window.clear_late_payments()
    assert window.late_label.isHidden()


def test_demo_mark_only_in_demo_mode(qtbot, catalog, actions, window):
    assert window.demo_mark.isVisible()
    plain = MainWindow(catalog, actions)
    show(qtbot, plain)
    assert plain.demo_mark.isHidden()


def test_the_paid_banner_takes_over_the_basket_until_f11(qtbot, window, actions):
    ring_up(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    window.show_paid_banner("Customer paid Rp 18.000 by DOKU Wallet", "Press F11", completable=True)
    assert cash.isHidden(), "its cash must not be taken"
    show(qtbot, window)
    assert window.paid_banner.isVisible() and window.complete_paid_button.isVisible()

    for key in (Qt.Key.Key_F9, Qt.Key.Key_F12, Qt.Key.Key_F6, Qt.Key.Key_Delete):
        window.panel.show_message("")
        press(qtbot, window, key)
        assert "press F11 to complete the sale" in window.panel.message.text(), key
        assert QApplication.activeModalWidget() is None
    scan(qtbot, window, product("SABUN-LX").barcode)
    window.ask_clear()
    assert QApplication.activeModalWidget() is None
    assert lines(window) == [("IDM-GRG", 1), ("AQUA-600", 2), ("TEH-BTL", 1)]
    assert actions.calls == []

    with qtbot.waitSignal(window.complete_paid_requested, timeout=1000):
        press(qtbot, window, Qt.Key.Key_F11)
    window.start_new_sale()
    assert window.paid_banner.isHidden() and not window.complete_paid_action.isEnabled()


def test_a_payment_kept_for_the_manager_leaves_the_tenders_alone(qtbot, window, actions):
    ring_up(qtbot, window)
    window.show_paid_banner(
        "Customer paid Rp 1 by DOKU Wallet, not Rp 18.000", "", completable=False
    )
    assert window.paid_banner.isVisible() and window.complete_paid_button.isHidden()
    with qtbot.assertNotEmitted(window.complete_paid_requested):
        press(qtbot, window, Qt.Key.Key_F11)
    press(qtbot, window, Qt.Key.Key_F12)
    assert actions.calls == [("qr", [("IDM-GRG", 1), ("AQUA-600", 2), ("TEH-BTL", 1)])]


class PaintCounter(QObject):
    """Counts the paints each watched widget receives."""

    def __init__(self, *watched: QWidget) -> None:
        super().__init__()
        self.paints = {widget: 0 for widget in watched}
        for widget in watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self.paints:
            self.paints[watched] += 1  # type: ignore[index]
        return False


def test_a_dialog_over_the_window_repaints_neither_basket_nor_tiles(qtbot, window):
    """Opening the QR dialog deactivates the cashier window; repainting its basket and tiles for
    that took milliseconds between the provider's answer and the QR on screen."""
    ring_up(qtbot, window)
    views = (window.basket_view.viewport(), window.panel.tiles.viewport())
    marker = window.total_label
    counter = PaintCounter(*views, marker)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QApplication.processEvents()
    counter.paints = dict.fromkeys(counter.paints, 0)
    dialog = QDialog(window)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    marker.update()  # painted in the same pass as anything the deactivation left to repaint
    qtbot.waitUntil(lambda: counter.paints[marker] > 0)
    assert [counter.paints[view] for view in views] == [0, 0]
    assert window.palette().color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight) == (
        window.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    )
    dialog.reject()


def test_a_recalled_basket_whose_discount_no_longer_fits_takes_no_tender(qtbot, window, actions):
    """A basket held before the counter refused such a change, Rp 5.000 off an Aqua of
    Rp 4.000: its total leaves the discount out, so cash or QR asked for it was a sale the store
    refuses. Both are refused in words until the discount is changed."""
    aqua = product("AQUA-600")
    window.show_recalled(
        Basket.of([LineItem(aqua.sku, aqua.name, aqua.price, 1)], Discount.rupiah(5_000))
    )
    for key in (Qt.Key.Key_F9, Qt.Key.Key_F12):
        press(qtbot, window, key)
        assert window.panel.message.text().startswith("The basket discount no longer fits:")
        assert QApplication.activeModalWidget() is None and actions.calls == []

    window.basket_model.set_basket_discount(None)
    press(qtbot, window, Qt.Key.Key_F12)
    assert actions.calls == [("qr", [(aqua.sku, 1)])]
