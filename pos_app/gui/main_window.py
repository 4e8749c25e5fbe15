"""The cashier screen: products on the left, the basket and the tenders on the right.

Every action is a ``QAction`` with its shortcut, shown on its button. The window holds no checkout
logic: it hands the basket to :class:`pos_app.gui.services.SaleActions` and reports what it says.
When the customer has paid the basket on screen by QR after all (its payment came late), the paid
banner says so across the window and the basket takes no other tender and no change until the
cashier completes the sale with that payment (F11): the customer must not pay twice.

Messages go to a notice that wraps, so a long one is read whole (a status bar cuts it); a cash
sale's change stays large under the total until the next scan.
"""

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, tzinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.barcodes import MeasuredScan
from pos_app.domain.basket import Basket, quantity_in_range
from pos_app.domain.catalog import Product
from pos_app.domain.discounts import Approval, Discount
from pos_app.domain.errors import KasirError
from pos_app.domain.money import format_rupiah
from pos_app.domain.scale_labels import label_product
from pos_app.gui.basket_model import BasketModel
from pos_app.gui.basket_view import basket_table
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.discount_dialog import DiscountDialog
from pos_app.gui.formatting import CLOCK_TIME
from pos_app.gui.held_picker import HeldPicker
from pos_app.gui.product_panel import TOUCH_TARGET, ProductPanel
from pos_app.gui.quantity_dialog import QuantityDialog, quantity_warning
from pos_app.gui.services import Catalog, SaleActions
from pos_app.gui.steady_look import keep_look_when_inactive
from pos_app.store.held import HeldBasket

log = logging.getLogger(__name__)

MESSAGE_MS = 8000
"""How long a transient notice stays."""
FAILURE_CHARS = 80
"""A relay failure's cause in the status bar is cut here; its tooltip holds all of it."""
PAID_STYLE = "background: #1b5e20; color: white;"
"""The paid banner when the payment pays the basket: money in, one key to finish."""
KEPT_STYLE = "background: #fff1cc; color: #6b4a00;"
"""The paid banner when the payment cannot pay the basket (another amount): kept apart."""


class MainWindow(QMainWindow):
    """The cashier screen. F10 emits ``back_office_requested``, F8 ``reprint_requested``, F11
    (while the paid banner offers it) ``complete_paid_requested``, F7 ``sign_out_requested``
    (once the basket on screen, if any, is held). ``time_zone``: the shop's, for held baskets'
    times (None: the machine's)."""

    back_office_requested = Signal()
    reprint_requested = Signal()
    complete_paid_requested = Signal()
    sign_out_requested = Signal()
    shift_requested = Signal()
    """F5: the cashier's shift (float, cash in and out, count and close)."""
    return_requested = Signal()
    """F3: items of an earlier sale come back (a manager approves at the till)."""

    def __init__(
        self,
        catalog: Catalog,
        actions: SaleActions,
        *,
        demo: bool = False,
        time_zone: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kasir — DEMO") if demo else self.tr("Kasir"))
        self.setMinimumSize(1024, 640)
        self._actions = actions
        self._time_zone = time_zone
        self._paid = False
        """The banner offers to complete the sale: the basket takes nothing else meanwhile."""

        self.panel = ProductPanel(catalog)
        self.basket_model = BasketModel(parent=self)
        self.basket_view = basket_table(self.basket_model, selectable=True)
        self.basket_view.setObjectName("basket")
        self.panel.forward_typing(self.basket_view)

        self._create_actions()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.addLayout(self._top_bar(demo))
        central_layout.addWidget(self._paid_banner())
        central_layout.addWidget(self._late_payments_label())
        central_layout.addWidget(self._notice_label())
        central_layout.addWidget(self._sale_area(), 1)
        self.setCentralWidget(central)
        self._fill_status_bar()

        self.panel.product_chosen.connect(self.add_product)
        self.panel.label_scanned.connect(self.add_label)
        self.basket_model.changed.connect(self._basket_changed)
        self.basket_view.selectionModel().currentRowChanged.connect(self._update_line_actions)
        self._basket_changed()
        self.panel.focus_input()
        keep_look_when_inactive(self)

    def selected_row(self) -> int | None:
        index = self.basket_view.currentIndex()
        return index.row() if index.isValid() else None

    def add_product(self, product: Product, quantity: int = 1, *, labelled: bool = False) -> None:
        """``labelled``: ``product`` as a scale's label sells it, a line of its own."""
        if self._paid_refused():
            return
        try:
            row = self.basket_model.add(product, quantity, labelled=labelled)
        except KasirError as exc:
            self._refuse(str(exc))
            return
        self._select(row)

    def add_label(self, product: Product, scan: MeasuredScan) -> None:
        """A scale's label: the product at the label's price, or its kilogram price times the
        label's weight (``domain/scale_labels.py``)."""
        try:
            labelled = label_product(product, scan)
        except KasirError as exc:
            self._refuse(str(exc))
            return
        self.add_product(labelled, labelled=True)

    def change_quantity(self, delta: int) -> None:
        """``+1``/``−1`` on the selected line; −1 on a single item removes the line."""
        row = self.selected_row()
        if row is None:
            return
        self._set_quantity(row, self.basket_model.line_at(row).quantity + delta)

    def ask_quantity(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        line = self.basket_model.line_at(row)
        dialog = QuantityDialog(line.name, line.quantity, self)
        key = self.basket_model.key_at(row)
        dialog.chosen.connect(
            lambda quantity: self._set_quantity(self.basket_model.row_of(key), quantity)
        )
        self._open_dialog(dialog)

    def ask_discount(self) -> None:
        """Ctrl+D: a discount on the selected line, or on the whole basket when none is selected
        (the dialog can switch); above the shop's limit a manager's PIN approves it first."""
        if not self._require_items() or self._paid_refused():
            return
        row = self.selected_row()
        key = None if row is None else self.basket_model.key_at(row)
        name = None if row is None else self.basket_model.line_at(row).name

        def check(on_line: bool, discount: Discount) -> None:
            discount.off(self._discount_base(key if on_line else None))

        dialog = DiscountDialog(name, check, self)
        dialog.chosen.connect(
            lambda on_line, discount: self._discount_chosen(key if on_line else None, discount)
        )
        self._open_dialog(dialog)

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None or self._paid_refused():
            return
        self.basket_model.remove(row)
        if self.basket_model.rowCount():
            self._select(min(row, self.basket_model.rowCount() - 1))

    def ask_clear(self) -> None:
        if not self.basket_model.rowCount() or self._paid_refused():
            return
        ask_confirmation(
            self,
            self.tr("Clear basket"),
            self.tr("Remove every item from the basket?"),
            self._clear_confirmed,
        )

    def hold_or_recall(self) -> None:
        """F6 parks a basket with items under a name the cashier may change, and on an empty
        screen lists the parked ones to recall one.

        Both are store work done off the GUI thread: a held basket leaves the screen at once
        (:meth:`basket_held` or :meth:`hold_failed` follows); the list comes with
        :meth:`choose_held`, the basket picked from it with :meth:`show_recalled`.
        """
        if len(self.basket_model.basket):
            if self._paid_refused():
                return
            dialog = QInputDialog(self)
            dialog.setWindowTitle(self.tr("Hold basket"))
            dialog.setLabelText(self.tr("Name this basket (for example the customer's name):"))
            dialog.setTextValue(self.default_hold_name())
            dialog.textValueSelected.connect(self._hold)
            self._open_dialog(dialog)
            return
        self._call(self.tr("Could not recall a basket"), self._actions.recall)

    def default_hold_name(self) -> str:
        """The time and the total: enough to tell two waiting customers apart."""
        now = datetime.now(UTC).astimezone(self._time_zone)
        return f"{now.strftime(CLOCK_TIME)} · {format_rupiah(self.basket_model.total)}"

    def sign_out(self) -> None:
        """F7: the next cashier signs in; a basket on screen is held first, once confirmed."""
        if self._paid_refused():
            return
        if not len(self.basket_model.basket):
            self.sign_out_requested.emit()
            return
        name = self.default_hold_name()
        ask_confirmation(
            self,
            self.tr("Sign out"),
            self.tr("The basket on screen is held as “{name}”. Sign out?").format(name=name),
            lambda: self._hold_and_sign_out(name),
        )

    def set_held_count(self, count: int) -> None:
        self.held_label.setText(self.tr("Held baskets: {count}").format(count=count))
        self.held_label.setVisible(count > 0)

    def choose_held(self, held: Sequence[HeldBasket]) -> None:
        """The held baskets, listed for the cashier to pick the one to recall."""
        self.set_held_count(len(held))
        if not held:
            self.show_message(self.tr("No held basket to recall."))
            return
        model = self.basket_model
        picker = HeldPicker(
            held, self._time_zone, lambda one: model.price_of(one.lines, one.discount).total, self
        )
        picker.picked.connect(
            lambda held_id: self._call(
                self.tr("Could not recall a basket"), self._actions.recall_held, held_id
            )
        )
        self._open_dialog(picker)

    def basket_held(self) -> None:
        self.show_message(self.tr("Basket held. F6 on an empty basket recalls it."))

    def hold_failed(self, basket: Basket, error: str) -> None:
        """The held basket was not stored: it comes back on screen."""
        self._bring_back(basket)
        self._refuse(f"{self.tr('Could not hold the basket')}: {error}")

    def show_recalled(self, basket: Basket | None) -> None:
        if basket is None:
            self.show_message(self.tr("No held basket to recall."))
            return
        self._bring_back(basket)
        self.panel.show_message("")
        self.show_message(self.tr("Basket recalled."))

    def recall_failed(self, error: str) -> None:
        self._refuse(f"{self.tr('Could not recall a basket')}: {error}")

    def pay_cash(self) -> None:
        """A basket discounted to Rp 0 is refused in words: the store keeps no sale of Rp 0."""
        if self._paid_refused() or not self._require_items():
            return
        if self.basket_model.total < 1:
            self._refuse(
                self.tr(
                    "The total is Rp 0, and a sale of Rp 0 cannot be recorded: make the discount "
                    "smaller, so the customer pays at least Rp 1."
                )
            )
            return
        dialog = CashDialog(self.basket_model.total, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.tendered.connect(self._cash_tendered)
        dialog.open()

    def pay_by_qr(self) -> None:
        if not self._paid_refused() and self._require_items():
            self._call(
                self.tr("Could not start the QR payment"),
                self._actions.pay_by_qr,
                self.basket_model.basket,
            )

    def start_new_sale(self) -> None:
        self.hide_paid_banner()
        self.change_label.hide()
        self.basket_model.clear()
        self.panel.show_message("")
        self.panel.focus_input()

    def show_change(self, change: int) -> None:
        """The change due after a cash sale, large, until the next scan."""
        self.change_label.setText(self.tr("Change {amount}").format(amount=format_rupiah(change)))
        self.change_label.show()

    def show_message(self, text: str) -> None:
        """A notice for a while, wrapped so the whole of it can be read."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self._notice_timer.start()

    def clear_message(self) -> None:
        self._notice_timer.stop()
        self.notice.clear()
        self.notice.hide()

    def set_cashier(self, cashier: str) -> None:
        self.cashier_label.setText(self.tr("Cashier: {name}").format(name=cashier))

    def set_business_day(self, business_date: date) -> None:
        """Shown when the store answers which day sales go to (a closed day is skipped)."""
        self.date_label.setText(
            self.tr("Business day {date}").format(date=business_date.strftime("%d/%m/%Y"))
        )

    def set_provider(self, name: str, *, sandbox: bool) -> None:
        text = self.tr("{provider} SANDBOX") if sandbox else "{provider}"
        self.provider_label.setText(text.format(provider=name))
        self.provider_label.setStyleSheet("color: #e65100; font-weight: bold;" if sandbox else "")

    def set_relay_state(
        self, connected: bool, detail: str = "", *, refused: bool = False, failure: str = ""
    ) -> None:
        """``refused``: the relay turned this terminal's token away (an operator must act);
        ``failure``: why its payment events could not be applied here."""
        if connected:
            text = self.tr("Relay: connected")
        elif failure:
            short = failure if len(failure) <= FAILURE_CHARS else failure[: FAILURE_CHARS - 1] + "…"
            text = self.tr("Relay: payments could not be applied: {cause}").format(cause=short)
        elif refused:
            text = self.tr("Relay: token refused")
        else:
            text = self.tr("Relay: not connected")
        self.relay_label.setText(text)
        self.relay_label.setToolTip(detail)
        self.relay_label.setStyleSheet("" if connected else "color: #8a1c14;")

    def show_paid_banner(self, title: str, detail: str, *, completable: bool) -> None:
        """Say across the window that the customer has paid the basket on screen.

        ``completable``: the payment pays it, F11 and the banner's button complete the sale,
        and until then the basket takes no other tender and no change (an open cash dialog
        closes: its cash must not be taken). Otherwise the payment is only reported (it is kept
        apart for the manager) and the basket goes on as before.
        """
        self._paid = completable
        self.paid_title.setText(title)
        self.paid_detail.setText(detail)
        style = PAID_STYLE if completable else KEPT_STYLE
        self.paid_banner.setStyleSheet(
            f"QFrame#paidBanner {{ {style} border-radius: 8px; }} QLabel {{ {style} }}"
        )
        self.complete_paid_action.setEnabled(completable)
        self.complete_paid_button.setVisible(completable)
        self.paid_banner.show()
        if completable:
            self.close_cash_dialogs()

    def close_cash_dialogs(self) -> None:
        """The basket is paid another way: cash being counted for it must not be taken."""
        for dialog in self.findChildren(CashDialog):
            if dialog.isVisible():
                dialog.reject()

    def hide_paid_banner(self) -> None:
        self._paid = False
        self.complete_paid_action.setEnabled(False)
        self.paid_banner.hide()

    def complete_paid_key(self) -> str:
        """The key that completes the paid sale, as the cashier's keyboard names it."""
        return self.complete_paid_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def announce_late_payment(self, text: str) -> None:
        """Keep a late payment visible for the manager until :meth:`clear_late_payments`."""
        self.late_label.setText(text)
        self.late_label.show()

    def clear_late_payments(self) -> None:
        self.late_label.clear()
        self.late_label.hide()

    def show_open_payments(self, text: str) -> None:
        """QR payments still open but not on screen (after a restart); empty hides the note.
        The status bar may cut a long list short: its tooltip holds all of it."""
        self.open_payments_label.setText(text)
        self.open_payments_label.setToolTip(text)
        self.open_payments_label.setVisible(bool(text))

    def _action(self, text: str, slot: Callable[[], None], key: Qt.Key | None = None) -> QAction:
        """An action of the whole window: its key works wherever the focus is."""
        made = QAction(text, self)
        if key is not None:
            made.setShortcut(QKeySequence(key))
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        made.triggered.connect(slot)
        self.addAction(made)
        return made

    def _create_actions(self) -> None:
        """Every key the cashier has, made before any button so each button shows its key."""
        self.focus_search_action = self._action(
            self.tr("Search"), self.panel.focus_input, Qt.Key.Key_F2
        )
        self.quantity_action = self._action(self.tr("Quantity"), self.ask_quantity, Qt.Key.Key_F4)
        self.discount_action = self._action("%", self.ask_discount)
        self.discount_action.setShortcut(QKeySequence("Ctrl+D"))
        self.discount_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.remove_action = self._action(
            self.tr("Remove"), self.remove_selected, Qt.Key.Key_Delete
        )
        self.hold_action = self._action(
            self.tr("Hold / Recall"), self.hold_or_recall, Qt.Key.Key_F6
        )
        self.cash_action = self._action(self.tr("Cash"), self.pay_cash, Qt.Key.Key_F9)
        self.qr_action = self._action(self.tr("QR payment"), self.pay_by_qr, Qt.Key.Key_F12)
        self.back_office_action = self._action(
            self.tr("Back office"), self.back_office_requested.emit, Qt.Key.Key_F10
        )
        self.reprint_action = self._action(
            self.tr("Last receipt"), self.reprint_requested.emit, Qt.Key.Key_F8
        )
        self.sign_out_action = self._action(self.tr("Sign out"), self.sign_out, Qt.Key.Key_F7)
        self.shift_action = self._action(self.tr("Shift"), self.shift_requested.emit, Qt.Key.Key_F5)
        self.return_action = self._action(
            self.tr("Return"), self.return_requested.emit, Qt.Key.Key_F3
        )
        self.complete_paid_action = self._action(
            self.tr("Complete sale"),
            self.complete_paid_requested.emit,
            Qt.Key.Key_F11,
        )
        self.complete_paid_action.setEnabled(False)
        self.plus_action = self._action("+1", lambda: self.change_quantity(1))
        self.minus_action = self._action("−1", lambda: self.change_quantity(-1))
        self.clear_action = self._action(self.tr("Clear basket"), self.ask_clear)

    def _top_bar(self, demo: bool) -> QHBoxLayout:
        """The demo mark and the held baskets' count, then the keys away from the sale."""
        self.demo_mark = QLabel(self.tr("DEMO"))
        self.demo_mark.setObjectName("demoMark")
        self.demo_mark.setStyleSheet(
            "QLabel { background: #e65100; color: white; font-weight: bold; font-size: 14pt;"
            " padding: 4px 14px; border-radius: 4px; }"
        )
        self.demo_mark.setToolTip(self.tr("Demo mode: payments go to the local sandbox"))
        self.demo_mark.setVisible(demo)

        self.held_label = QLabel()
        self.held_label.setObjectName("heldCount")
        self.held_label.setStyleSheet(
            "QLabel { background: #e3eefc; color: #123a6b; font-weight: bold; padding: 4px 10px;"
            " border-radius: 4px; }"
        )
        self.held_label.hide()

        top = QHBoxLayout()
        top.addWidget(self.demo_mark)
        top.addWidget(self.held_label)
        top.addStretch(1)
        top.addWidget(self._button(self.focus_search_action))
        top.addWidget(self._button(self.reprint_action))
        top.addWidget(self._button(self.return_action))
        top.addWidget(self._button(self.shift_action))
        top.addWidget(self._button(self.back_office_action))
        top.addWidget(self._button(self.sign_out_action))
        return top

    def _paid_banner(self) -> QFrame:
        """The banner across the window once the customer has paid by QR; hidden until then."""
        self.paid_title = QLabel()
        self.paid_title.setObjectName("paidTitle")
        self.paid_title.setWordWrap(True)
        self.paid_title.setStyleSheet("font-size: 26pt; font-weight: bold;")
        self.paid_detail = QLabel()
        self.paid_detail.setObjectName("paidDetail")
        self.paid_detail.setWordWrap(True)
        self.paid_detail.setStyleSheet("font-size: 14pt;")
        self.complete_paid_button = self._button(self.complete_paid_action, emphasis=True)
        self.complete_paid_button.setObjectName("completePaid")
        paid_texts = QVBoxLayout()
        paid_texts.addWidget(self.paid_title)
        paid_texts.addWidget(self.paid_detail)
        self.paid_banner = QFrame()
        self.paid_banner.setObjectName("paidBanner")
        paid_layout = QHBoxLayout(self.paid_banner)
        paid_layout.setContentsMargins(16, 12, 16, 12)
        paid_layout.addLayout(paid_texts, 1)
        paid_layout.addWidget(self.complete_paid_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.paid_banner.hide()
        return self.paid_banner

    def _late_payments_label(self) -> QLabel:
        """Late QR payments, kept in sight for the manager until cleared."""
        self.late_label = QLabel()
        self.late_label.setObjectName("latePayments")
        self.late_label.setWordWrap(True)
        self.late_label.setStyleSheet(
            "QLabel { background: #fff1cc; color: #6b4a00; font-weight: bold; font-size: 12pt;"
            " padding: 6px 10px; }"
        )
        self.late_label.hide()
        return self.late_label

    def _notice_label(self) -> QLabel:
        """The transient notice, wrapped so a long one is read whole; it hides after a while."""
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "QLabel { background: #e3eefc; color: #123a6b; font-size: 12pt; padding: 6px 10px; }"
        )
        self.notice.hide()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(MESSAGE_MS)
        self._notice_timer.timeout.connect(self.clear_message)
        return self.notice

    def _sale_area(self) -> QSplitter:
        """The product panel beside the basket, its line keys, its total and change, its tenders."""
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.total_label.setStyleSheet("font-size: 32pt; font-weight: bold;")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("basketSummary")
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary_label.hide()
        self.change_label = QLabel()
        self.change_label.setObjectName("changeDue")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.change_label.setStyleSheet(
            "QLabel { background: #1b5e20; color: white; font-size: 28pt; font-weight: bold;"
            " padding: 6px 12px; border-radius: 6px; }"
        )
        self.change_label.hide()

        line_buttons = QHBoxLayout()
        for line_action in (
            self.plus_action,
            self.minus_action,
            self.quantity_action,
            self.remove_action,
            self.clear_action,
        ):
            line_buttons.addWidget(self._button(line_action))
        tenders = QHBoxLayout()
        tenders.addWidget(self._button(self.hold_action), 1)
        discount_button = self._button(self.discount_action)
        discount_button.setToolTip(self.tr("Discount on the line or the whole basket"))
        tenders.addWidget(discount_button, 1)
        tenders.addWidget(self._button(self.cash_action, emphasis=True), 2)
        tenders.addWidget(self._button(self.qr_action, emphasis=True), 2)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.basket_view, 1)
        right_layout.addLayout(line_buttons)
        right_layout.addWidget(self.summary_label)
        right_layout.addWidget(self.total_label)
        right_layout.addWidget(self.change_label)
        right_layout.addLayout(tenders)
        splitter = QSplitter()
        splitter.addWidget(self.panel)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _fill_status_bar(self) -> None:
        """Who sells, on which day, through which provider and relay; QR payments still open."""
        self.cashier_label = QLabel()
        self.date_label = QLabel()
        self.provider_label = QLabel()
        self.relay_label = QLabel()
        self.open_payments_label = QLabel()
        self.open_payments_label.setObjectName("openPayments")
        self.open_payments_label.setStyleSheet(
            "QLabel { background: #e3eefc; color: #123a6b; padding: 2px 8px; }"
        )
        self.open_payments_label.hide()
        status = self.statusBar()
        for label in (
            self.open_payments_label,
            self.cashier_label,
            self.date_label,
            self.provider_label,
            self.relay_label,
        ):
            status.addPermanentWidget(label)
        self.set_relay_state(False)

    def _button(self, action: QAction, *, emphasis: bool = False) -> QPushButton:
        """A touch-sized button for ``action`` that shows its shortcut, and follows its state."""
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        label = f"{action.text()}  [{shortcut}]" if shortcut else action.text()
        button = QPushButton(label)
        button.setMinimumHeight(TOUCH_TARGET + (16 if emphasis else 0))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if emphasis:
            button.setStyleSheet("font-size: 14pt; font-weight: bold;")
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        button.setEnabled(action.isEnabled())
        return button

    def _open_dialog(self, dialog: QDialog) -> None:
        """Open one of the window's own dialogs, deleted once closed; then the next scan lands
        in the input line again (a deleted dialog may leave no window active)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._back_to_input)
        dialog.open()

    def _back_to_input(self) -> None:
        if self.isVisible() and QApplication.activeModalWidget() is None:
            self.activateWindow()
            self.panel.focus_input()

    def _set_quantity(self, row: int, quantity: int) -> None:
        if self._paid_refused():
            return
        if quantity and not quantity_in_range(quantity):
            self._refuse(quantity_warning())
            return
        try:
            self.basket_model.set_quantity(row, quantity)
        except KasirError as exc:
            self._refuse(str(exc))
            return
        if row < self.basket_model.rowCount():
            self._select(row)

    def _select(self, row: int) -> None:
        self.basket_view.selectRow(row)
        self.basket_view.scrollTo(self.basket_model.index(row, 0))

    def _cash_tendered(self, received: int, change: int) -> None:
        """Refused while a scan is still being looked up: its item would land on the next
        customer's basket, unpaid by this one, and hide the change due."""
        if not self.panel.settled:
            self._refuse(
                self.tr(
                    "An item scanned is still being looked up, so the cash sale was not recorded: "
                    "press F9 again once the item is in the basket."
                )
            )
            self._back_to_input()  # the cash dialog has closed: the keys come back here
            return
        recorded, _ = self._call(
            self.tr("Could not record the cash sale"),
            self._actions.pay_cash,
            self.basket_model.basket,
            received,
            self.basket_model.total,
        )
        if recorded:
            self.start_new_sale()
            self.show_change(change)

    def _bring_back(self, basket: Basket) -> None:
        """Put ``basket`` on screen; what was scanned while it was away stays, after it."""
        for line in self.basket_model.basket:
            try:
                basket.add_line(line)
            except KasirError as exc:
                self._refuse(str(exc))
        self.basket_model.replace(basket)
        if self.basket_model.rowCount():
            self._select(self.basket_model.rowCount() - 1)

    def _paid_refused(self) -> bool:
        """While the banner offers to complete the paid sale, refuse anything else with it."""
        if self._paid:
            self._refuse(
                self.tr(
                    "The customer has paid this basket by DOKU Wallet: press {key} to complete "
                    "the sale with that payment."
                ).format(key=self.complete_paid_key())
            )
        return self._paid

    def _clear_confirmed(self) -> None:
        if not self._paid_refused():
            self.start_new_sale()

    def _hold(self, name: str) -> None:
        """Hand the basket on screen to the store under ``name``; the screen starts anew."""
        if not len(self.basket_model.basket) or self._paid_refused():
            return
        held, _ = self._call(
            self.tr("Could not hold the basket"),
            self._actions.hold,
            self.basket_model.basket,
            name,
        )
        if held:
            self.start_new_sale()

    def _hold_and_sign_out(self, name: str) -> None:
        self._hold(name)
        if not len(self.basket_model.basket):
            self.sign_out_requested.emit()

    def _discount_base(self, key: str | None) -> int:
        """What a discount is given on: the line ``key`` before discounts, or the basket after its
        lines' own discounts."""
        if key is not None:
            return self.basket_model.line_at(self.basket_model.row_of(key)).line_total
        priced = self.basket_model.priced
        return priced.gross - priced.line_discounts

    def _discount_chosen(self, key: str | None, discount: Discount | None) -> None:
        if discount is None:
            self._give_discount(key, None, None, 0)
            return
        share = discount.share(self._discount_base(key))
        if not self._actions.discount_needs_approval(share):
            self._give_discount(key, discount, None, share)
            return
        line = None if key is None else self.basket_model.line_at(self.basket_model.row_of(key))
        detail: dict[str, object] = {
            "on": "basket" if line is None else "line",
            "sku": None if line is None else line.sku,
            "discount": discount.label(),
            "given_on": self._discount_base(key),
            "off": discount.off(self._discount_base(key)),
        }
        self._actions.approve_discount(
            detail, lambda manager: self._give_discount(key, discount, manager, share)
        )

    def _give_discount(
        self, key: str | None, discount: Discount | None, manager: str | None, share: int
    ) -> None:
        """``manager`` approved ``discount`` taking ``share`` of what it is given on: the
        basket's approval covers that share from now on."""
        if self._paid_refused():  # the customer paid while the discount was being chosen
            return
        try:
            if key is None:
                self.basket_model.set_basket_discount(discount)
            else:
                self.basket_model.set_line_discount(self.basket_model.row_of(key), discount)
        except (KasirError, ValueError) as error:  # the line went meanwhile, or outgrew it
            self._refuse(str(error))
            return
        if manager is not None:
            basket = self.basket_model.basket
            approval = basket.approval
            basket.approval = (
                Approval(manager, share) if approval is None else approval.widened(manager, share)
            )
        self.panel.focus_input()

    def _require_items(self) -> bool:
        if self.basket_model.rowCount():
            return True
        self._refuse(self.tr("The basket is empty."))
        return False

    def _call(
        self, failure: str, function: Callable[..., object], *args: object
    ) -> tuple[bool, object]:
        """Call a sale action; a failure is shown on screen instead of being lost in a slot."""
        try:
            return True, function(*args)
        except Exception as exc:
            log.exception("%s", failure)
            self._refuse(f"{failure}: {exc}")
            return False, None

    def _refuse(self, text: str) -> None:
        self.panel.show_message(text)
        self.panel.focus_input()

    def _basket_changed(self) -> None:
        self.total_label.setText(format_rupiah(self.basket_model.total))
        summary = self.basket_model.summary()
        self.summary_label.setText(summary)
        self.summary_label.setVisible(bool(summary))
        filled = self.basket_model.rowCount() > 0
        self.discount_action.setEnabled(filled)
        self.clear_action.setEnabled(filled)
        self.cash_action.setEnabled(filled)
        self.qr_action.setEnabled(filled)
        if filled:
            self.change_label.hide()
        self._update_line_actions()
        self._close_stale_cash_dialogs()

    def _close_stale_cash_dialogs(self) -> None:
        """A scan looked up, or a basket brought back, after F9: the cash dialog's total and
        change are no longer the basket's, so it closes and the cashier takes the cash again."""
        stale = [
            dialog
            for dialog in self.findChildren(CashDialog)
            if dialog.isVisible() and dialog.total != self.basket_model.total
        ]
        for dialog in stale:
            dialog.reject()
        if stale:
            self.show_message(
                self.tr(
                    "The basket changed while the cash was counted: the total is {total}. "
                    "Press F9 to take the cash again."
                ).format(total=format_rupiah(self.basket_model.total))
            )

    def _update_line_actions(self) -> None:
        selected = self.selected_row() is not None
        for line_action in (
            self.plus_action,
            self.minus_action,
            self.quantity_action,
            self.remove_action,
        ):
            line_action.setEnabled(selected)
