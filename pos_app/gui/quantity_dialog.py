"""F4's quantity: typed freely, checked against the domain's one range, refused aloud.

A spin box clamps what is typed (10000 became 1000 without a word), so the quantity is a plain
line of digits, never cut off, and a value outside the range keeps the dialog open with the
warning. So does a barcode: the customer's next item, scanned while the dialog had the focus, cut
to its first six digits was a quantity in range (a UPC sent as EAN-13 made a line of 4.900).
"""

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.basket import MAX_QUANTITY, MIN_QUANTITY, quantity_in_range
from pos_app.domain.scan_input import is_scanned_code

WARNING_STYLE = "QLabel { color: #8a1c14; font-weight: bold; }"


def quantity_warning() -> str:
    """The one warning for a quantity outside the range, wherever it was entered."""
    return QCoreApplication.translate(
        "Quantity", "The quantity must be from {least} to {most}."
    ).format(least=MIN_QUANTITY, most=MAX_QUANTITY)


class QuantityDialog(QDialog):
    """Emits ``chosen(quantity)`` (0 removes the line) and closes; out of range it stays."""

    chosen = Signal(int)

    def __init__(self, name: str, quantity: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quantity"))
        self.input = QLineEdit(str(quantity))
        self.input.setObjectName("quantityInput")
        self.input.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), self.input))
        self.input.selectAll()
        self.warning = QLabel()
        self.warning.setObjectName("quantityWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Quantity of {name} (0 removes it)").format(name=name)))
        layout.addWidget(self.input)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.input.textEdited.connect(lambda _text: self.warning.hide())

    def accept(self) -> None:
        """More digits than the largest quantity has (leading zeros aside) are out of range,
        unread: ``int`` refuses thousands of digits with a ValueError."""
        text = self.input.text()
        digits = text.lstrip("0")
        quantity = int(digits or "0") if text and len(digits) <= len(str(MAX_QUANTITY)) else -1
        if is_scanned_code(text):
            self._warn(
                self.tr(
                    "{code} is a barcode, not a quantity: its item was not added. Press Esc, "
                    "then scan it again."
                ).format(code=text)
            )
        elif quantity != 0 and not quantity_in_range(quantity):
            self._warn(quantity_warning())
        else:
            self.chosen.emit(quantity)
            super().accept()

    def _warn(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.show()
        self.input.selectAll()
        self.input.setFocus()
