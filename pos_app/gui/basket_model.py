"""The basket as a Qt table: the cashier's table and the customer display both view this model."""

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from pos_app.domain.basket import MAX_QUANTITY, Basket, LineItem
from pos_app.domain.catalog import Product
from pos_app.domain.money import format_rupiah

ModelIndex = QModelIndex | QPersistentModelIndex
MAX_PRICE_SHOWN = 9_999_999
"""Price columns are sized for this without eliding; dearer items still show, elided."""


class BasketModel(QAbstractTableModel):
    """Changes go through this model so every view hears about them; ``changed`` follows each one.

    Mutators raise :class:`pos_app.domain.errors.ValidationError` (from the basket) and leave it
    unchanged.
    """

    NAME, QUANTITY, PRICE, LINE_TOTAL = range(4)
    _NUMERIC = frozenset({QUANTITY, PRICE, LINE_TOTAL})

    changed = Signal()

    def __init__(self, basket: Basket | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._basket = basket if basket is not None else Basket()
        self._skus: list[str] = [line.sku for line in self._basket]

    @property
    def basket(self) -> Basket:
        return self._basket

    @property
    def total(self) -> int:
        return self._basket.total

    def line_at(self, row: int) -> LineItem:
        return self._basket.line(self._skus[row])

    def row_of(self, sku: str) -> int:
        return self._skus.index(sku)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._skus)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Total"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(section)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        line = self.line_at(index.row())
        if column == self.NAME:
            return line.name
        if column == self.QUANTITY:
            return str(line.quantity)
        return format_rupiah(line.unit_price if column == self.PRICE else line.line_total)

    def add(self, product: Product, quantity: int = 1) -> int:
        """Add ``quantity`` of ``product`` (raising an existing line); returns the line's row."""
        if product.sku in self._skus:
            self._basket.add(product, quantity)
            row = self.row_of(product.sku)
            self._row_changed(row)
        else:
            row = len(self._skus)
            self._basket.add(product, quantity)
            self.beginInsertRows(QModelIndex(), row, row)
            self._skus.append(product.sku)
            self.endInsertRows()
        self.changed.emit()
        return row

    def set_quantity(self, row: int, quantity: int) -> None:
        """Quantity 0 removes the line, as the basket does."""
        sku = self._skus[row]
        if quantity == 0:
            self.remove(row)
            return
        self._basket.set_quantity(sku, quantity)
        self._row_changed(row)
        self.changed.emit()

    def remove(self, row: int) -> None:
        sku = self._skus[row]
        self.beginRemoveRows(QModelIndex(), row, row)
        self._basket.remove(sku)
        del self._skus[row]
        self.endRemoveRows()
        self.changed.emit()

    def clear(self) -> None:
        self.replace(Basket())

    def replace(self, basket: Basket) -> None:
        """Show another basket (a new sale, a recalled one)."""
        self.beginResetModel()
        self._basket = basket
        self._skus = [line.sku for line in basket]
        self.endResetModel()
        self.changed.emit()

    def widest_texts(self) -> dict[int, str]:
        """The longest text each numeric column can hold, so views can size it once."""
        return {
            self.QUANTITY: str(MAX_QUANTITY),
            self.PRICE: format_rupiah(MAX_PRICE_SHOWN),
            self.LINE_TOTAL: format_rupiah(MAX_PRICE_SHOWN * 10),
        }

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        horizontal = (
            Qt.AlignmentFlag.AlignRight if column in self._NUMERIC else Qt.AlignmentFlag.AlignLeft
        )
        return horizontal | Qt.AlignmentFlag.AlignVCenter
