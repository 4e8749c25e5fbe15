"""F6's dialogs: on a basket with items, the name it is held under; on an empty basket, the held
baskets listed, so the cashier recalls the customer at the counter rather than whoever has
waited longest.

A code typed on the list (the next customer's first item, scanned while it was up) recalls
nothing: the list closes and the code goes to the cashier's input line, as if typed there. A
code scanned into the name is refused in words: the basket is not held under it.
"""

import string
from collections.abc import Callable, Sequence
from datetime import tzinfo

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_rupiah
from pos_app.domain.scan_input import is_scanned_code
from pos_app.gui.formatting import CLOCK_TIME
from pos_app.gui.keys import ENTER_KEYS, SCAN_ENDS, is_typing
from pos_app.store.held import HeldBasket

_SCAN_STARTS = frozenset(string.digits + "]")
"""What a scan begins with: a digit, or the ``]`` of an AIM symbology identifier."""


class HoldName(QInputDialog):
    """The name a basket is held under, ``default`` until the cashier types another. A barcode
    is no name: the customer's next item, scanned while the dialog had the focus, held the
    basket under its code and was rung up nowhere, without a word."""

    def __init__(self, default: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._default = default
        self.setTextValue(default)

    def accept(self) -> None:
        code = self.textValue().strip()
        if not is_scanned_code(code):
            super().accept()
            return
        self.setLabelText(
            self.tr(
                "{code} is a barcode, not a name: its item was not added. Press Esc and scan "
                "it again, or Enter to hold the basket without it."
            ).format(code=code)
        )
        self.setTextValue(self._default)


class HeldPicker(QDialog):
    """Emits ``picked(held_id)`` for the row chosen (a plain Enter, double-click or Recall)."""

    picked = Signal(int)

    def __init__(
        self,
        held: Sequence[HeldBasket],
        time_zone: tzinfo | None,
        total: Callable[[HeldBasket], int],
        parent: QWidget,
    ) -> None:
        """``total``: what a basket costs recalled, priced as the screen prices it (its
        discount, and PPN added on top where the shop's prices exclude it); ``parent``: the
        window whose input line a code typed on the list goes to."""
        super().__init__(parent)
        self._window = parent
        self.setWindowTitle(self.tr("Recall a held basket"))
        self.setMinimumSize(640, 360)
        self._ids = [basket.id for basket in held]
        self._typed = ""
        """Digits typed on the list since the last other key: a code on its way, not a pick."""
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
                (basket.created_at.astimezone(time_zone).strftime(CLOCK_TIME), None),
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
        self.table.installEventFilter(self)
        self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Digits typed on the list (or the AIM identifier a scanner sends in front, and what
        follows) are kept, not searched for in it, and the Enter or Tab that ends the scan hands
        them over instead of recalling the highlighted basket (another customer's).
        Every code counts, not only those :func:`~pos_app.domain.scan_input.is_scanned_code`
        tells from an amount: a scale's label is a scan too, and nothing typed here is an amount."""
        if watched is not self.table or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if event.type() != QEvent.Type.KeyPress:
            return False
        if is_typing(event) and (self._typed or event.text() in _SCAN_STARTS):
            self._typed += event.text()
            return True
        typed, self._typed = self._typed, ""
        if typed and event.key() in SCAN_ENDS:
            self._hand_over(typed)
            return True
        return False

    def _hand_over(self, code: str) -> None:
        """Close, and type ``code`` and its Enter where the window behind has the focus: the
        input line, or a widget that passes typing on to it (so it is asked again every key)."""
        self.reject()
        keys = [(Qt.Key(ord(char.upper())), char) for char in code] + [(ENTER_KEYS[0], "\r")]
        for key, text in keys:
            target = self._window.focusWidget() or self._window
            press = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
            QApplication.sendEvent(target, press)

    def accept(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.picked.emit(self._ids[row])
        super().accept()
