"""The sign-in page: a PIN pad for the touch screen that also takes the keyboard's digits."""

import math
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.gui.formatting import format_countdown

PAD_KEY = 72
"""Side of a PIN pad key in pixels: comfortably above the 48 px touch minimum."""


class SignInPage(QWidget):
    """Emits ``pin_entered(pin)`` on Enter and clears itself; the caller says what went wrong."""

    pin_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Enter your PIN"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setMaxLength(12)
        self.pin.setMinimumHeight(56)
        self.pin.setFixedWidth(3 * PAD_KEY + 2 * 8)
        font = self.pin.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        self.pin.setFont(font)
        self.error = QLabel()
        self.error.setObjectName("signInError")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setStyleSheet("color: #8a1c14; font-weight: bold; font-size: 13pt;")
        self.hint = QLabel()
        self.hint.setObjectName("signInHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("font-size: 12pt;")

        pad = QGridLayout()
        pad.setSpacing(8)
        self.keys: dict[str, QPushButton] = {}
        labels = [*"123456789", "⌫", "0", "↵"]
        for position, label in enumerate(labels):
            button = QPushButton(label)
            button.setFixedSize(PAD_KEY, PAD_KEY)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("font-size: 18pt;")
            pad.addWidget(button, *divmod(position, 3))
            self.keys[label] = button
        self.keys["⌫"].setToolTip(self.tr("Delete the last digit"))
        self.keys["↵"].setToolTip(self.tr("Sign in (Enter)"))
        for digit in "0123456789":
            self.keys[digit].clicked.connect(lambda _=False, d=digit: self.pin.insert(d))
        self.keys["⌫"].clicked.connect(self.pin.backspace)
        self.keys["↵"].clicked.connect(self._submit)
        self.pin.returnPressed.connect(self._submit)
        self.pin.textEdited.connect(lambda _text: self.error.clear())

        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(self.pin, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.error)
        column.addLayout(pad)
        column.addWidget(self.hint)
        column.addStretch(1)
        outer = QGridLayout(self)
        outer.addLayout(column, 0, 1)
        outer.setColumnStretch(0, 1)
        outer.setColumnStretch(2, 1)
        self.setFocusProxy(self.pin)

        self._locked_for = 0
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._count_down)

    def set_hint(self, text: str) -> None:
        """A line under the pad, e.g. the demo PINs in demo mode."""
        self.hint.setText(text)

    def set_error(self, text: str) -> None:
        self.error.setText(text)

    def lock(self, seconds: int) -> None:
        """Refuse PINs for ``seconds`` after too many wrong ones, counting down on screen."""
        self._locked_for = seconds
        self._set_locked(seconds > 0)
        self._count_down_text()
        if seconds > 0:
            self._lock_timer.start()

    def lock_until(self, until: datetime, now: datetime) -> None:
        """:meth:`lock` until the store's lock ends (a whole second at least)."""
        self.lock(max(1, math.ceil((until - now).total_seconds())))

    @property
    def locked(self) -> bool:
        return self._locked_for > 0

    def _count_down(self) -> None:
        self._locked_for -= 1
        if self._locked_for <= 0:
            self._locked_for = 0
            self._lock_timer.stop()
            self._set_locked(False)
            self.error.clear()
            return
        self._count_down_text()

    def _count_down_text(self) -> None:
        if self._locked_for > 0:
            self.error.setText(
                self.tr("Too many wrong PINs. Try again in {time}.").format(
                    time=format_countdown(self._locked_for)
                )
            )

    def _set_locked(self, locked: bool) -> None:
        self.pin.clear()
        self.pin.setEnabled(not locked)
        for button in self.keys.values():
            button.setEnabled(not locked)
        if not locked:
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        if pin:
            self.pin_entered.emit(pin)
