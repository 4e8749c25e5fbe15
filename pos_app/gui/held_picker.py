"""F6 on an empty basket: the held baskets listed, so the cashier recalls the customer at the
counter rather than whoever has waited longest."""

from collections.abc import Callable, Sequence
from datetime import tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_rupiah
from pos_app.store.held import HeldBasket

TIME_FORMAT = "%H:%M"


class HeldPicker(QDialog):
    """Emits ``picked(held_id)`` for the row chosen (Enter, double-click or Recall)."""

    picked = Signal(int)

    def __init__(
        self,
        held: Sequence[HeldBasket],
        time_zone: tzinfo | None,
        total: Callable[[HeldBasket], int],
        parent: QWidget | None = None,
    ) -> None:
        """``total``: what a basket costs recalled, priced as the screen prices it (its
        discount, and PPN added on top where the shop's prices exclude it)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recall a held basket"))
        self.setMinimumSize(640, 360)
        self._ids = [basket.id for basket in held]
        self.table = QTableWidget(len(held), 5)
        self.table.setObjectName("heldBaskets")
        headers = (self.tr("Name"), self.tr("Cashier"), self.tr("Time"), self.tr("Items"))
        self.table.setHorizontalHeaderLabels([*headers, self.tr("Total")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, basket in enumerate(held):
            cells = (
                (basket.name or self.tr("(no name)"), None),
                (basket.cashier, None),
                (basket.created_at.astimezone(time_zone).strftime(TIME_FORMAT), None),
                (str(sum(line.quantity for line in basket.lines)), right),
                (format_rupiah(total(basket)), right),
            )
            for column, (text, alignment) in enumerate(cells):
                item = QTableWidgetItem(text)
                if alignment is not None:
                    item.setTextAlignment(alignment)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectRow(0)
        self.table.activated.connect(lambda _index: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        recall = buttons.addButton(self.tr("Recall"), QDialogButtonBox.ButtonRole.AcceptRole)
        recall.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus()

    def accept(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.picked.emit(self._ids[row])
        super().accept()
