"""The cashier screen as it looks: its widgets with their names and styles, its keys and the
touch-sized buttons that show them, and what it tells the cashier (the status bar, the notice,
the change due, the held baskets' count, the late payments' line).

What the keys do is :class:`~pos_app.gui.main_window.MainWindow`'s, which builds on this class:
the keys are made here, so every button shows its key, and connected there. Messages go to a
notice that wraps, so a long one is read whole (a status bar cuts it); a cash sale's change stays
large under the total until the next scan.
"""

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_rupiah
from pos_app.gui.basket_model import BasketModel
from pos_app.gui.basket_view import basket_table
from pos_app.gui.product_panel import TOUCH_TARGET, ProductPanel
from pos_app.gui.services import Catalog

MESSAGE_MS = 8000
"""How long a transient notice stays."""
FAILURE_CHARS = 80
"""A relay failure's cause in the status bar is cut here; its tooltip holds all of it."""


def _tr(text: str) -> str:
    """A text of the cashier screen, in the context its translations have (``MainWindow``)."""
    return QCoreApplication.translate("MainWindow", text)


class CounterLayout(QMainWindow):
    """The cashier screen's widgets and keys, without what the keys do. ``demo``: the demo mark
    and title show."""

    def __init__(self, catalog: Catalog, *, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Kasir — DEMO") if demo else _tr("Kasir"))
        self.setMinimumSize(1024, 640)

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
        self.basket_view.selectionModel().currentRowChanged.connect(self._update_line_actions)

    def selected_row(self) -> int | None:
        index = self.basket_view.currentIndex()
        return index.row() if index.isValid() else None

    def refuse(self, text: str) -> None:
        """Why what the cashier asked for was not done, under the input line; the next scan
        lands in it."""
        self.panel.show_message(text)
        self.panel.focus_input()

    def require_items(self) -> bool:
        """Whether the basket has items; an empty one is refused in words."""
        if self.basket_model.rowCount():
            return True
        self.refuse(_tr("The basket is empty."))
        return False

    def select_row(self, row: int) -> None:
        self.basket_view.selectRow(row)
        self.basket_view.scrollTo(self.basket_model.index(row, 0))

    def open_dialog(self, dialog: QDialog) -> None:
        """Open one of the window's own dialogs, deleted once closed; then the next scan lands
        in the input line again (a deleted dialog may leave no window active)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._back_to_input)
        dialog.open()

    def show_change(self, change: int) -> None:
        """The change due after a cash sale, large, until the next scan."""
        self.change_label.setText(_tr("Change {amount}").format(amount=format_rupiah(change)))
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

    def set_held_count(self, count: int) -> None:
        self.held_label.setText(_tr("Held baskets: {count}").format(count=count))
        self.held_label.setVisible(count > 0)

    def set_cashier(self, cashier: str) -> None:
        self.cashier_label.setText(_tr("Cashier: {name}").format(name=cashier))

    def set_business_day(self, business_date: date) -> None:
        """Shown when the store answers which day sales go to (a closed day is skipped)."""
        self.date_label.setText(
            _tr("Business day {date}").format(date=business_date.strftime("%d/%m/%Y"))
        )

    def set_provider(self, name: str, *, sandbox: bool) -> None:
        text = _tr("{provider} SANDBOX") if sandbox else "{provider}"
        self.provider_label.setText(text.format(provider=name))
        self.provider_label.setStyleSheet("color: #e65100; font-weight: bold;" if sandbox else "")

    def set_relay_state(
        self, connected: bool, detail: str = "", *, refused: bool = False, failure: str = ""
    ) -> None:
        """``refused``: the relay turned this terminal's token away (an operator must act);
        ``failure``: why its payment events could not be applied here."""
        if connected:
            text = _tr("Relay: connected")
        elif failure:
            short = failure if len(failure) <= FAILURE_CHARS else failure[: FAILURE_CHARS - 1] + "…"
            text = _tr("Relay: payments could not be applied: {cause}").format(cause=short)
        elif refused:
            text = _tr("Relay: token refused")
        else:
            text = _tr("Relay: not connected")
        self.relay_label.setText(text)
        self.relay_label.setToolTip(detail)
        self.relay_label.setStyleSheet("" if connected else "color: #8a1c14;")

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

    def _action(self, text: str, key: Qt.Key | None = None) -> QAction:
        """An action of the whole window: its key works wherever the focus is."""
        made = QAction(text, self)
        if key is not None:
            made.setShortcut(QKeySequence(key))
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(made)
        return made

    def _create_actions(self) -> None:
        """Every key the cashier has, made before any button so each button shows its key."""
        self.focus_search_action = self._action(_tr("Search"), Qt.Key.Key_F2)
        self.quantity_action = self._action(_tr("Quantity"), Qt.Key.Key_F4)
        self.discount_action = self._action("%")
        self.discount_action.setShortcut(QKeySequence("Ctrl+D"))
        self.discount_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.remove_action = self._action(_tr("Remove"), Qt.Key.Key_Delete)
        self.hold_action = self._action(_tr("Hold / Recall"), Qt.Key.Key_F6)
        self.cash_action = self._action(_tr("Cash"), Qt.Key.Key_F9)
        self.qr_action = self._action(_tr("QR payment"), Qt.Key.Key_F12)
        self.back_office_action = self._action(_tr("Back office"), Qt.Key.Key_F10)
        self.reprint_action = self._action(_tr("Last receipt"), Qt.Key.Key_F8)
        self.sign_out_action = self._action(_tr("Sign out"), Qt.Key.Key_F7)
        self.shift_action = self._action(_tr("Shift"), Qt.Key.Key_F5)
        self.return_action = self._action(_tr("Return"), Qt.Key.Key_F3)
        self.complete_paid_action = self._action(_tr("Complete sale"), Qt.Key.Key_F11)
        self.complete_paid_action.setEnabled(False)
        self.plus_action = self._action("+1")
        self.minus_action = self._action("−1")
        self.clear_action = self._action(_tr("Clear basket"))

    def _top_bar(self, demo: bool) -> QHBoxLayout:
        """The demo mark and the held baskets' count, then the keys away from the sale."""
        self.demo_mark = QLabel(_tr("DEMO"))
        self.demo_mark.setObjectName("demoMark")
        self.demo_mark.setStyleSheet(
            "QLabel { background: #e65100; color: white; font-weight: bold; font-size: 14pt;"
            " padding: 4px 14px; border-radius: 4px; }"
        )
        self.demo_mark.setToolTip(_tr("Demo mode: payments go to the local sandbox"))
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
        discount_button.setToolTip(_tr("Discount on the line or the whole basket"))
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

    def _back_to_input(self) -> None:
        if self.isVisible() and QApplication.activeModalWidget() is None:
            self.activateWindow()
            self.panel.focus_input()

    def _update_line_actions(self) -> None:
        """The keys on the selected line work only while a line is selected."""
        selected = self.selected_row() is not None
        for line_action in (
            self.plus_action,
            self.minus_action,
            self.quantity_action,
            self.remove_action,
        ):
            line_action.setEnabled(selected)
