"""The QR payment dialog: a view of one payment attempt, whichever provider created it.

It shows the request and the state it is told; the checkout flow listens to its signals and decides.
"""

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.clock import Clock, utc_now
from pos_app.domain.money import format_rupiah
from pos_app.domain.scan_input import is_scanned_code
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.formatting import format_countdown
from pos_app.gui.keys import is_typing
from pos_app.gui.qr_widget import QRCodeWidget
from pos_app.payments.model import OPEN_STATES, AttemptState, PaymentRequest

QR_SIDE = 360
"""Large enough for a phone held at arm's length over the counter."""

_STYLE = {
    "waiting": "background: #e3eefc; color: #123a6b;",
    "trouble": "background: #fff1cc; color: #6b4a00;",
    "paid": "background: #2e7d32; color: white;",
    "failed": "background: #fde2e1; color: #8a1c14;",
}


def _restyle(label: QLabel, sheet: str) -> None:
    """Set a style sheet only when it changes: each setting re-polishes the label, milliseconds
    of the GUI thread on the way from F12 to the QR, and most state changes keep the style."""
    if label.styleSheet() != sheet:
        label.setStyleSheet(sheet)


class PaymentDialog(QDialog):
    """Esc or Cancel on an open attempt asks first, then emits ``cancel_confirmed`` and closes."""

    check_requested = Signal()
    cancel_confirmed = Signal()
    retry_requested = Signal()
    other_tender_requested = Signal()

    def __init__(
        self, request: PaymentRequest, parent: QWidget | None = None, *, clock: Clock = utc_now
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("QR payment"))
        self.setModal(True)
        self.setMinimumSize(820, 480)
        self._clock = clock
        self._request = request
        self._state = AttemptState.CREATED
        self._typed = ""
        """Characters typed since the last other key: a scanner's, if Enter or Tab follows a whole
        code (with the AIM identifier it may send in front)."""

        self.qr = QRCodeWidget(min_side=QR_SIDE)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outcome.setWordWrap(True)
        self.picture = QStackedWidget()
        self.picture.setFixedSize(QR_SIDE, QR_SIDE)
        self.picture.addWidget(self.qr)
        self.picture.addWidget(self.outcome)

        self.prompt = QLabel(self.tr("Scan the QR code with DOKU Wallet to pay"))
        self.prompt.setWordWrap(True)
        self.amount = QLabel()
        self.amount.setObjectName("amount")
        self.amount.setStyleSheet("font-size: 26pt; font-weight: bold;")
        self.invoice = QLabel()
        self.invoice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.banner = QLabel()
        self.banner.setObjectName("stateBanner")
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_line = QLabel()
        self.status_line.setObjectName("statusLine")
        self.status_line.setWordWrap(True)

        self.copy_button = QPushButton(self.tr("Copy link"))
        self.open_button = QPushButton(self.tr("Open link"))
        self.check_button = QPushButton(self.tr("Check status"))
        self.retry_button = QPushButton(self.tr("Try again"))
        self.other_button = QPushButton(self.tr("Other tender"))
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.done_button = QPushButton(self.tr("Done (Enter)"))
        for button in self._buttons():
            button.setMinimumHeight(48)
            button.setAutoDefault(False)

        details = QVBoxLayout()
        details.addWidget(self.prompt)
        details.addWidget(self.amount)
        details.addWidget(self.invoice)
        details.addWidget(self.countdown)
        details.addSpacing(8)
        details.addWidget(self.banner)
        details.addWidget(self.status_line)
        details.addStretch(1)
        links = QHBoxLayout()
        links.addWidget(self.copy_button)
        links.addWidget(self.open_button)
        details.addLayout(links)

        details_box = QWidget()
        details_box.setLayout(details)
        details_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(details_box, 1)
        actions = QHBoxLayout()
        for button in (self.check_button, self.retry_button, self.other_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.cancel_button, self.close_button, self.done_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(actions)

        self.copy_button.clicked.connect(self._copy_link)
        self.open_button.clicked.connect(self._open_link)
        self.check_button.clicked.connect(self._check)
        self.retry_button.clicked.connect(self.retry_requested)
        self.other_button.clicked.connect(self._other_tender)
        self.cancel_button.clicked.connect(self._ask_cancel)
        self.close_button.clicked.connect(self.reject)
        self.done_button.clicked.connect(self.accept)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.set_request(request)

    @property
    def request(self) -> PaymentRequest:
        return self._request

    @property
    def state(self) -> AttemptState:
        return self._state

    def set_request(self, request: PaymentRequest) -> None:
        """Show a new attempt (after "Try again") in this dialog, waiting for payment."""
        self._request = request
        self.qr.set_data(request.payment_url)
        self.amount.setText(format_rupiah(request.amount))
        self.invoice.setText(self.tr("Invoice {number}").format(number=request.invoice_number))
        self.invoice.setVisible(bool(request.invoice_number))
        self.set_state(AttemptState.PENDING)

    def set_state(self, state: AttemptState, message: str = "", late: bool = False) -> None:
        """Show ``state``; ``message`` goes on the status line, ``late`` flags a late payment."""
        self._state = state
        is_open = state in OPEN_STATES
        paid = state == AttemptState.PAID
        scannable = state in (AttemptState.PENDING, AttemptState.UNKNOWN) and bool(
            self._request.payment_url
        )
        title, style = self._describe(state)
        self.banner.setText(title)
        _restyle(self.banner, f"QLabel {{ {style} font-size: 16pt; padding: 10px; }}")
        self.banner.setVisible(is_open)
        if not scannable:  # the QR hides the outcome: restyling it then only costs time
            self._show_outcome(title, style, paid=paid, late=late)
        self.picture.setCurrentWidget(self.qr if scannable else self.outcome)
        self.prompt.setVisible(scannable)
        self.status_line.setText(message)
        self.check_button.setVisible(is_open)
        self.copy_button.setVisible(scannable)
        self.open_button.setVisible(scannable)
        self.cancel_button.setVisible(is_open)
        retryable = state in (AttemptState.DECLINED, AttemptState.EXPIRED, AttemptState.FAILED)
        self.retry_button.setVisible(retryable)
        self.other_button.setVisible(retryable or state == AttemptState.UNKNOWN)
        self.close_button.setVisible(not is_open and not paid)
        self.done_button.setVisible(paid)
        self.done_button.setDefault(paid)
        if is_open and self._request.expires_at is not None:
            self._tick()
            self._timer.start()
        else:
            self._timer.stop()
            self.countdown.setVisible(False)

    def prepare_to_show(self) -> None:
        """Do ahead what showing does the first time: the native window, the style of every
        child, the layout. Showing holds the GIL, so those milliseconds on F12's path also
        stalled the worker storing the sale."""
        self.set_state(AttemptState.CREATED)
        self.create()
        self.ensurePolished()
        layout = self.layout()
        assert layout is not None
        layout.activate()

    def _show_outcome(self, title: str, style: str, *, paid: bool, late: bool) -> None:
        if paid:
            title = self.tr("Paid\n{amount}").format(amount=format_rupiah(self._request.amount))
            if late:
                title += "\n" + self.tr("(late payment: recorded for the manager)")
        self.outcome.setText(title)
        size = 16 if self._state == AttemptState.CREATED else 28
        _restyle(
            self.outcome,
            f"QLabel {{ {style} font-size: {size}pt; font-weight: bold; border-radius: 8px; }}",
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A barcode scanned while the QR is up (the customer hands over one more item) is
        named on the status line: typed into the dialog it was lost without a word, and the
        cashier, who heard the beep, handed over an item the QR does not pay for."""
        if is_typing(event):
            self._typed += event.text()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._named_scan():
            return
        self._typed = ""
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab after a scan is the scanner's, set to end its codes so: the scan is named as
        after Enter, and the focus stays (the key never reaches :meth:`keyPressEvent`)."""
        if next and self._named_scan():
            return True
        self._typed = ""
        return super().focusNextPrevChild(next)

    def _named_scan(self) -> bool:
        """Whether what was typed since the last other key is a scan, then named; it is taken
        either way."""
        typed, self._typed = self._typed, ""
        if not is_scanned_code(typed):
            return False
        self.status_line.setText(
            self.tr(
                "{code} was not added: this QR pays for the basket as it was. Finish or "
                "cancel the payment, then scan it again."
            ).format(code=typed)
        )
        return True

    def reject(self) -> None:
        """Esc and the window's close button: an open attempt is cancelled only after asking."""
        if self._state in OPEN_STATES:
            self._ask_cancel()
        elif self._state == AttemptState.PAID:
            self.accept()
        else:
            super().reject()

    def _describe(self, state: AttemptState) -> tuple[str, str]:
        if state == AttemptState.CREATED:
            return self.tr("Creating the payment…"), _STYLE["waiting"]
        if state == AttemptState.PENDING:
            return self.tr("Waiting for the customer to pay…"), _STYLE["waiting"]
        if state == AttemptState.UNKNOWN:
            return (
                self.tr("Payment service unreachable\nStill trying — the payment stays open."),
                _STYLE["trouble"],
            )
        if state == AttemptState.PAID:
            return self.tr("Payment received"), _STYLE["paid"]
        if state == AttemptState.DECLINED:
            return self.tr("Payment declined"), _STYLE["failed"]
        if state == AttemptState.EXPIRED:
            return self.tr("The QR code expired"), _STYLE["failed"]
        if state == AttemptState.CANCELLED:
            return self.tr("Payment cancelled"), _STYLE["failed"]
        if state == AttemptState.REFUNDED:
            return self.tr("Payment refunded"), _STYLE["failed"]
        return self.tr("Payment failed"), _STYLE["failed"]

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.copy_button,
            self.open_button,
            self.check_button,
            self.retry_button,
            self.other_button,
            self.cancel_button,
            self.close_button,
            self.done_button,
        )

    def _tick(self) -> None:
        expires_at = self._request.expires_at
        if expires_at is None:
            return
        left = int((expires_at - self._clock()).total_seconds())
        self.countdown.setVisible(True)
        if left > 0:
            self.countdown.setText(self.tr("Expires in {time}").format(time=format_countdown(left)))
        else:
            self.countdown.setText(self.tr("Expiry time reached"))

    def _check(self) -> None:
        self.status_line.setText(self.tr("Asking the payment service…"))
        self.check_requested.emit()

    def _ask_cancel(self) -> None:
        ask_confirmation(
            self,
            self.tr("Cancel payment"),
            self.tr(
                "Cancel this QR payment? If the customer still pays, "
                "it is recorded as a late payment."
            ),
            self._cancel,
        )

    def _cancel(self) -> None:
        self._timer.stop()
        self.cancel_confirmed.emit()
        self.done(QDialog.DialogCode.Rejected)

    def _other_tender(self) -> None:
        self.other_tender_requested.emit()
        self.done(QDialog.DialogCode.Rejected)

    def _copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self._request.payment_url)
        self.status_line.setText(self.tr("Payment link copied."))

    def _open_link(self) -> None:
        if not QDesktopServices.openUrl(QUrl(self._request.payment_url)):
            self.status_line.setText(self.tr("Could not open the link in a browser."))
