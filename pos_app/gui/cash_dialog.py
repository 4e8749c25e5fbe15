"""Cash tender: what the customer hands over, the change due, and no completing with too little
(nor, without a second Enter, with change of a whole largest note or more)."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.cash_count import LARGEST_NOTE, change_to_check, quick_amounts
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import MAX_AMOUNT, format_rupiah, parse_rupiah
from pos_app.domain.scan_input import is_scanned_code


def barcode_not_amount(code: str) -> str:
    """Said by every amount field that refuses a scanned code (:func:`~pos_app.domain.
    scan_input.is_scanned_code`), so it is translated once; each field adds what to do
    instead."""
    return QCoreApplication.translate("CashDialog", "{code} is a barcode, not an amount.").format(
        code=code.strip()
    )


class CashDialog(QDialog):
    """Accepts, then emits ``tendered(received, change)``; Complete stays disabled until it may."""

    tendered = Signal(object, object)
    """Python ints: a Qt ``int`` is 32 bits, and rupiah pass Rp 2.147.483.647."""

    def __init__(self, total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if total < 1:
            raise ValidationError(f"a cash sale needs a total of at least Rp 1, got {total}")
        self.setWindowTitle(self.tr("Cash payment"))
        self.setMinimumWidth(440)
        self._total = total
        self._received: int | None = None
        self._change_checked = False
        """Enter was pressed once on this amount, whose change is :func:`change_to_check`."""

        total_label = QLabel(format_rupiah(total))
        total_label.setObjectName("total")
        total_label.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.received_input = QLineEdit()
        self.received_input.setObjectName("received")
        self.received_input.setPlaceholderText(self.tr("e.g. 50.000"))
        self.received_input.setMinimumHeight(48)
        font = self.received_input.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.received_input.setFont(font)
        self.change_label = QLabel()
        self.change_label.setObjectName("change")
        self.change_label.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #8a1c14;")
        self.problem.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Total"), total_label)
        form.addRow(self.tr("Received"), self.received_input)
        form.addRow(self.tr("Change"), self.change_label)

        self.quick_buttons: list[QPushButton] = []
        quick = QGridLayout()
        for position, amount in enumerate(quick_amounts(total)):
            text = self.tr("Exact {amount}") if amount == total else "{amount}"
            button = QPushButton(text.format(amount=format_rupiah(amount)))
            button.setMinimumHeight(48)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, amount=amount: self.set_received(amount))
            self.quick_buttons.append(button)
            quick.addWidget(button, *divmod(position, 3))

        self.complete_button = QPushButton()  # its text follows the amount: _update
        self.complete_button.setMinimumHeight(48)
        self.complete_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setMinimumHeight(48)
        cancel.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.complete_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(quick)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self.received_input.textChanged.connect(self._update)
        self.complete_button.clicked.connect(self._complete)
        cancel.clicked.connect(self.reject)
        self._update("")

    @property
    def total(self) -> int:
        return self._total

    @property
    def received(self) -> int | None:
        """The amount typed, or None while it is empty or unreadable."""
        return self._received

    @property
    def change(self) -> int | None:
        return None if self._received is None else self._received - self._total

    def set_received(self, amount: int) -> None:
        self.received_input.setText(format_rupiah(amount))

    def _update(self, text: str) -> None:
        self._received = None
        self._change_checked = False
        self.complete_button.setText(self.tr("Complete (Enter)"))
        problem = ""
        if is_scanned_code(text):
            advice = self.tr(
                "Press Esc, scan the item, then F9 again. Type the amount received like 50.000."
            )
            problem = f"{barcode_not_amount(text)} {advice}"
        elif text.strip():
            try:
                self._received = parse_rupiah(text)
            except ValidationError:
                problem = self.tr("Type the amount received in whole rupiah, like 50.000.")
        if self._received is not None and self._received > MAX_AMOUNT:
            self._received = None
            problem = self.tr("The amount received can be at most {amount}.").format(
                amount=format_rupiah(MAX_AMOUNT)
            )
        change = self.change
        if change is not None and change < 0:
            problem = self.tr("{amount} short: the customer must pay at least the total.").format(
                amount=format_rupiah(-change)
            )
        self.problem.setText(problem)
        enough = change is not None and change >= 0
        self.change_label.setText(format_rupiah(change) if enough and change is not None else "—")
        self.complete_button.setEnabled(enough)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter held down repeats itself: its repeats are no second Enter, or a mistyped amount
        whose change :func:`change_to_check` holds back would pay out at once."""
        if event.isAutoRepeat() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _complete(self) -> None:
        change = self.change
        if self._received is None or change is None or change < 0:
            return
        if change_to_check(change) and not self._change_checked:
            self._change_checked = True
            self.problem.setText(
                self.tr(
                    "The change, {change}, is a {note} note or more: check the amount received "
                    "({received}), then press Enter again to complete."
                ).format(
                    change=format_rupiah(change),
                    note=format_rupiah(LARGEST_NOTE),
                    received=format_rupiah(self._received),
                )
            )
            self.complete_button.setText(self.tr("Give the change (Enter)"))
            return
        self.accept()  # closed first: what the tender does to the basket is not under it
        self.tendered.emit(self._received, change)
