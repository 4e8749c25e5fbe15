"""Ctrl+D's discount: on the selected line or on the whole basket, a percentage or rupiah.

What is typed is read by the domain (``parse_discount``) and tried on the basket before the dialog
closes, so a discount the line or the basket cannot bear keeps the dialog open with the reason.
"""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.discounts import Discount, parse_discount
from pos_app.domain.errors import KasirError
from pos_app.gui.quantity_dialog import WARNING_STYLE


class DiscountDialog(QDialog):
    """Emits ``chosen(on_line, discount)`` (``None`` takes the discount away) and closes.

    ``check(on_line, discount)`` raises when the discount cannot be given; the dialog then stays.
    """

    chosen = Signal(bool, object)

    def __init__(
        self,
        line_name: str | None,
        check: Callable[[bool, Discount], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discount"))
        self._check = check
        self.on_line = QRadioButton(
            self.tr("Line: {name}").format(name=line_name) if line_name else self.tr("Line")
        )
        self.on_line.setObjectName("discountOnLine")
        self.on_line.setEnabled(line_name is not None)
        self.on_basket = QRadioButton(self.tr("Whole basket"))
        self.on_basket.setObjectName("discountOnBasket")
        (self.on_line if line_name is not None else self.on_basket).setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.on_line)
        scope.addButton(self.on_basket)
        self.input = QLineEdit()
        self.input.setObjectName("discountInput")
        self.input.setPlaceholderText(self.tr("10% or 5.000"))
        self.warning = QLabel()
        self.warning.setObjectName("discountWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.remove = QPushButton(self.tr("No discount"))
        self.remove.setObjectName("discountRemove")
        buttons.addButton(self.remove, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.remove.clicked.connect(self._remove)
        layout = QVBoxLayout(self)
        layout.addWidget(self.on_line)
        layout.addWidget(self.on_basket)
        layout.addWidget(QLabel(self.tr("Percentage (10%) or rupiah (5.000)")))
        layout.addWidget(self.input)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.input.textEdited.connect(lambda _text: self.warning.hide())
        self.input.setFocus()

    def accept(self) -> None:
        on_line = self.on_line.isChecked()
        try:
            discount = parse_discount(self.input.text())
            self._check(on_line, discount)
        except KasirError as error:
            self.warning.setText(str(error))
            self.warning.show()
            self.input.selectAll()
            self.input.setFocus()
            return
        self.chosen.emit(on_line, discount)
        super().accept()

    def _remove(self) -> None:
        self.chosen.emit(self.on_line.isChecked(), None)
        super().accept()
