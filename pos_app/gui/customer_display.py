"""The customer-facing window: the basket as it grows, the QR code to pay, then a thank-you.

The line just added (or changed) shows large above the basket with the running total below. A
payment that came after its QR code was given up on shows as received (no dead QR code) until the
cashier completes the sale. A QR declined, expired, failed or cancelled goes away at once (and its
code with it): the basket and its total come back. After a cash sale the change due is shown
large, then "Terima kasih" until the next sale's first item.

It views the cashier's :class:`BasketModel`, so it follows every change without being told.
"""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_rupiah
from pos_app.gui.basket_model import BasketModel
from pos_app.gui.basket_view import basket_table, fit_columns
from pos_app.gui.qr_widget import QRCodeWidget
from pos_app.payments.model import PaymentRequest


def _big_label(point_size: int, *, bold: bool = True) -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    weight = "bold" if bold else "normal"
    label.setStyleSheet(f"font-size: {point_size}pt; font-weight: {weight};")
    return label


CHANGE_SHOWN_MS = 20_000
"""How long the change due stays before the thanks alone: long enough to count it back."""


class CustomerDisplay(QWidget):
    """A top-level window; :meth:`open_on_best_screen` puts it full screen on a second screen."""

    def __init__(
        self,
        model: BasketModel,
        *,
        shop_name: str = "",
        change_shown_ms: int = CHANGE_SHOWN_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Kasir — customer display"))
        self._model = model
        self._change_timer = QTimer(self)
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(change_shown_ms)
        self._change_timer.timeout.connect(self.show_thank_you)

        self.shop = _big_label(20)
        self.shop.setText(shop_name)
        self.shop.setVisible(bool(shop_name))

        self.lines = basket_table(model, selectable=False)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = self.lines.font()
        font.setPointSize(16)
        self.lines.setFont(font)
        self.lines.horizontalHeader().setFont(font)
        fit_columns(self.lines)
        self.last_line = _big_label(26)
        self.last_line.setObjectName("lastLine")
        self.total = _big_label(36)
        self.total.setObjectName("customerTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary = _big_label(18, bold=False)
        self.summary.setObjectName("customerSummary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary.hide()
        basket_page = QWidget()
        basket_layout = QVBoxLayout(basket_page)
        basket_layout.addWidget(self.last_line)
        basket_layout.addWidget(self.lines, 1)
        basket_layout.addWidget(self.summary)
        basket_layout.addWidget(self.total)

        self.qr = QRCodeWidget(min_side=360)
        self.pay_prompt = _big_label(22)
        self.pay_prompt.setText(self.tr("Scan to pay with DOKU Wallet"))
        self.pay_amount = _big_label(36)
        self.pay_amount.setObjectName("payAmount")
        payment_page = QWidget()
        payment_layout = QVBoxLayout(payment_page)
        payment_layout.addWidget(self.pay_prompt)
        payment_layout.addWidget(self.qr, 1, Qt.AlignmentFlag.AlignHCenter)
        payment_layout.addWidget(self.pay_amount)

        self.received = _big_label(36)
        self.received.setObjectName("received")

        self.thanks = _big_label(40)
        self.thanks.setObjectName("thanks")
        self.thanks.setText(self.tr("Terima kasih\nThank you"))
        self.change = _big_label(40)
        self.change.setObjectName("change")

        self.pages = QStackedWidget()
        self.pages.addWidget(basket_page)
        self.pages.addWidget(payment_page)
        self.pages.addWidget(self.received)
        self.pages.addWidget(self.thanks)
        self.pages.addWidget(self.change)
        self.basket_page = basket_page
        self.payment_page = payment_page
        layout = QVBoxLayout(self)
        layout.addWidget(self.shop)
        layout.addWidget(self.pages, 1)

        model.changed.connect(self._basket_changed)
        model.rowsInserted.connect(lambda _parent, _first, last: self._show_line(last))
        model.dataChanged.connect(lambda first, _last, _roles: self._show_line(first.row()))
        model.rowsRemoved.connect(lambda *_: self.last_line.clear())
        model.modelReset.connect(self.last_line.clear)
        self._basket_changed()

    def show_basket(self) -> None:
        """Back to the basket; a QR code given up on is forgotten, so it cannot come back."""
        self._change_timer.stop()
        self.qr.set_data("")
        self.pages.setCurrentWidget(self.basket_page)

    def show_payment(self, request: PaymentRequest) -> None:
        self._change_timer.stop()
        self.qr.set_data(request.payment_url)
        self.pay_amount.setText(format_rupiah(request.amount))
        self.pages.setCurrentWidget(self.payment_page)

    def show_received(self, amount: int) -> None:
        """The customer's payment is in; the cashier is completing the sale."""
        self.received.setText(
            self.tr("Payment received\n{amount}").format(amount=format_rupiah(amount))
        )
        self.pages.setCurrentWidget(self.received)

    def show_thank_you(self) -> None:
        """Stays until the next sale's first item."""
        self._change_timer.stop()
        self.qr.set_data("")
        self.pages.setCurrentWidget(self.thanks)

    def show_change(self, change: int) -> None:
        """After a cash sale: the change due, large, with the thanks, then (after
        ``change_shown_ms``, or at the next item) the thanks alone."""
        if not change:
            self.show_thank_you()
            return
        self.change.setText(
            self.tr("Change\n{amount}\n\nThank you").format(amount=format_rupiah(change))
        )
        self.pages.setCurrentWidget(self.change)
        self._change_timer.start()

    def open_on_best_screen(self) -> None:
        """Full screen on a screen other than the cashier's when there is one, else a window."""
        primary = QGuiApplication.primaryScreen()
        others = [screen for screen in QGuiApplication.screens() if screen is not primary]
        if others:
            screen = others[0]
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.resize(800, 600)
            self.showNormal()

    def _basket_changed(self) -> None:
        total = format_rupiah(self._model.total)
        self.total.setText(self.tr("Total {amount}").format(amount=total))
        summary = self._model.summary()  # the discounts and the PPN, as the cashier sees them
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        done = self.pages.currentWidget() in (self.thanks, self.change)
        if done and len(self._model.basket):
            self.show_basket()

    def _show_line(self, row: int) -> None:
        """The line just added or changed, large: what the customer checks against the goods."""
        line = self._model.line_at(row)
        self.last_line.setText(
            self.tr("{name}\n{quantity} × {price} = {total}").format(
                name=line.name,
                quantity=line.quantity,
                price=format_rupiah(line.unit_price),
                total=format_rupiah(line.line_total),
            )
        )
        self.lines.scrollTo(self._model.index(row, 0))
