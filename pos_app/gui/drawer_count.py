"""Counting the cash drawer on screen: one spin box per rupiah note and coin.

The cashier's shift close and the manager's day close count the same way.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSpinBox, QWidget

from pos_app.domain.cash_count import DENOMINATIONS, MAX_PIECES, CashCount
from pos_app.domain.money import format_rupiah


class DrawerCount(QGroupBox):
    """One spin box per rupiah note and coin; ``changed`` whenever a count changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Cash in the drawer"))
        self.pieces: dict[int, QSpinBox] = {}
        grid = QGridLayout(self)
        for row, value in enumerate(DENOMINATIONS):
            spin = QSpinBox()
            spin.setObjectName(f"pieces{value}")
            spin.setRange(0, MAX_PIECES)
            spin.valueChanged.connect(lambda _value: self.changed.emit())
            self.pieces[value] = spin
            column = 2 * (row // 5)
            grid.addWidget(QLabel(f"{format_rupiah(value)} ×"), row % 5, column)
            grid.addWidget(spin, row % 5, column + 1)

    def count(self) -> CashCount:
        return CashCount({value: spin.value() for value, spin in self.pieces.items()})

    def show_count(self, count: CashCount | None) -> None:
        """Show a count already made, without announcing it as an edit."""
        counts = dict(count.pieces()) if count else {}
        for value, spin in self.pieces.items():
            spin.blockSignals(True)
            spin.setValue(counts.get(value, 0))
            spin.blockSignals(False)
