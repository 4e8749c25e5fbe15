"""F4's quantity: typed freely, checked against the domain's one range, refused aloud.

A spin box clamps what is typed (10000 became 1000 without a word), so the quantity is a plain
line of digits and a value outside the range keeps the dialog open with the warning.
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
        self.input.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self.input)
        )
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
        text = self.input.text()
        quantity = int(text) if text else -1
        if quantity != 0 and not quantity_in_range(quantity):
            self.warning.setText(quantity_warning())
            self.warning.show()
            self.input.selectAll()
            self.input.setFocus()
            return
        self.chosen.emit(quantity)
        super().accept()
