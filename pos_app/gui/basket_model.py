"""The basket as a Qt table: the cashier's table and the customer display both view this model."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from pos_app.domain.basket import MAX_QUANTITY, Basket, LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.catalog import Product
from pos_app.domain.clock import Clock, utc_now
from pos_app.domain.discounts import Discount
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah
from pos_app.domain.pricing import PricedSale, price_sale
from pos_app.domain.tax import NO_TAX, TaxPolicy

ModelIndex = QModelIndex | QPersistentModelIndex
MAX_PRICE_SHOWN = 9_999_999
"""Price columns are sized for this without eliding; dearer items still show, elided."""


class BasketModel(QAbstractTableModel):
    """Changes go through this model so every view hears about them; ``changed`` follows each one.

    Mutators raise :class:`pos_app.domain.errors.ValidationError` (from the basket) and leave it
    unchanged; so does a change of the lines that leaves the basket's discount in rupiah more
    than they come to (:meth:`_keeps_discount`).
    """

    NAME, QUANTITY, PRICE, LINE_TOTAL = range(4)
    _NUMERIC = frozenset({QUANTITY, PRICE, LINE_TOTAL})

    changed = Signal()

    def __init__(self, basket: Basket | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._basket = basket if basket is not None else Basket()
        self._keys = self._basket.keys
        self._tax = NO_TAX
        self._day = BusinessDay()
        self._clock: Clock = utc_now
        self._open_day: date | None = None
        self._priced = self._price()

    @property
    def basket(self) -> Basket:
        return self._basket

    @property
    def priced(self) -> PricedSale:
        """The basket's discounts, PPN and total, as the store will price the sale."""
        return self._priced

    @property
    def total(self) -> int:
        return self._priced.total

    def summary(self) -> str:
        """The discounts and the PPN under the total, for the cashier and the customer alike."""
        priced = self._priced
        misfit = self.discount_misfit()
        parts = [] if misfit is None else [misfit]
        if priced.discount_total:
            parts.append(
                self.tr("Discount {amount}").format(amount=format_rupiah(-priced.discount_total))
            )
        if priced.ppn and priced.tax_included:
            parts.append(self.tr("incl. PPN {amount}").format(amount=format_rupiah(priced.ppn)))
        elif priced.ppn:
            parts.append(self.tr("PPN {amount} added").format(amount=format_rupiah(priced.ppn)))
        return " · ".join(parts)

    def discount_misfit(self) -> str | None:
        """Why the basket's discount no longer fits its lines, in the cashier's words; ``None``
        when it fits. Only a basket held before the counter refused such a change (``price_of``)
        has one, and the store refuses its sale until the discount is changed."""
        dropped = self._basket.discount is not None and self._priced.discount is None
        misfit = self._discount_misfit(self._basket.lines) if dropped else None
        if misfit is None:
            return None
        return self.tr(
            "The basket discount no longer fits: {problem}. Remove or change it (Ctrl+D)."
        ).format(problem=misfit)

    def set_tax(self, tax: TaxPolicy, day: BusinessDay, clock: Clock = utc_now) -> None:
        """The shop's PPN and business day, which the prices shown follow, on the checkout's
        ``clock`` (the store prices the sale by it)."""
        self._tax, self._day, self._clock = tax, day, clock
        self._repriced()

    def set_business_date(self, business_date: date) -> None:
        """The day the store books sales to now (after an early day close, the next): the
        store prices the sale with that day's PPN rates, so the screen does too."""
        if business_date != self._open_day:
            self._open_day = business_date
            self._repriced()

    def set_line_discount(self, row: int, discount: Discount | None) -> None:
        key = self._keys[row]
        was = self._basket.line(key).discount
        self._basket.set_discount(key, discount)
        try:
            self._keeps_discount(self._basket.lines)
        except ValidationError:
            self._basket.set_discount(key, was)
            raise
        self._repriced()

    def set_basket_discount(self, discount: Discount | None) -> None:
        if discount is not None:
            discount.off(self._priced.gross - self._priced.line_discounts)
        self._basket.discount = discount
        self._repriced()

    def line_at(self, row: int) -> LineItem:
        return self._basket.line(self._keys[row])

    def key_at(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, key: str) -> int:
        """The row of the line with ``key``: its SKU, unless it is labelled."""
        return self._keys.index(key)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

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
            if line.discount is None:
                return line.name
            return self.tr("{name} (discount {discount})").format(
                name=line.name, discount=line.discount.label()
            )
        if column == self.QUANTITY:
            return str(line.quantity)
        if column == self.PRICE:
            return format_rupiah(line.unit_price)
        return format_rupiah(line.line_total - self._priced.lines[index.row()].line_discount)

    def add(self, product: Product, quantity: int = 1, *, labelled: bool = False) -> int:
        """Add ``quantity`` of ``product`` (raising an existing line; a ``labelled`` one, a
        scale's label, is always a line of its own); returns the line's row."""
        if not labelled and product.sku in self._keys:
            self._basket.add(product, quantity)
            row = self.row_of(product.sku)
            self._row_changed(row)
        else:
            row = len(self._keys)
            self._basket.add(product, quantity, labelled=labelled)
            self._priced = self._price()
            self.beginInsertRows(QModelIndex(), row, row)
            self._keys.append(self._basket.keys[-1])
            self.endInsertRows()
        self.changed.emit()
        return row

    def set_quantity(self, row: int, quantity: int) -> None:
        """Quantity 0 removes the line, as the basket does."""
        if quantity == 0:
            self.remove(row)
            return
        key = self._keys[row]
        line = self._basket.line(key)
        self._basket.set_quantity(key, quantity)
        try:
            self._keeps_discount(self._basket.lines)
        except ValidationError:
            self._basket.set_quantity(key, line.quantity)
            raise
        self._row_changed(row)
        self.changed.emit()

    def remove(self, row: int) -> None:
        key = self._keys[row]
        self._keeps_discount([self._basket.line(other) for other in self._keys if other != key])
        self.beginRemoveRows(QModelIndex(), row, row)
        self._basket.remove(key)
        del self._keys[row]
        self._priced = self._price()
        self.endRemoveRows()
        self.changed.emit()

    def clear(self) -> None:
        self.replace(Basket())

    def replace(self, basket: Basket) -> None:
        """Show another basket (a new sale, a recalled one)."""
        self.beginResetModel()
        self._basket = basket
        self._keys = basket.keys
        self._priced = self._price()
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
        self._priced = self._price()
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _repriced(self) -> None:
        self._priced = self._price()
        if self._keys:
            last = self.index(len(self._keys) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.changed.emit()

    def _price(self) -> PricedSale:
        return self.price_of(self._basket.lines, self._basket.discount)

    def price_of(self, lines: Sequence[LineItem], discount: Discount | None) -> PricedSale:
        """``lines`` with ``discount`` priced as the basket on screen is (a held basket's total),
        with the shop's PPN. A tax class without a rate is left out of what is shown: the store
        refuses such a sale and says why. So is a basket discount in rupiah the lines do not
        bear, in a basket held before the counter refused to leave one so
        (:meth:`_keeps_discount`); :meth:`summary` says so, and the PPN stays."""
        day = self._pricing_day()
        for given, tax in ((discount, self._tax), (discount, NO_TAX), (None, self._tax)):
            try:
                return price_sale(lines, discount=given, tax=tax, day=day)
            except ValidationError:
                continue
        return price_sale(lines, discount=None, tax=NO_TAX, day=day)

    def _pricing_day(self) -> date:
        day = self._day.date_of(self._clock())
        if self._open_day is not None:
            day = max(day, self._open_day)  # a closed day books no more sales
        return day

    def _keeps_discount(self, lines: Sequence[LineItem]) -> None:
        """Refuse to leave ``lines`` under a basket discount in rupiah above what they come to:
        the store refuses such a sale, and the total shown without the discount (and the change
        counted from it) is not one the customer can pay. The cashier changes the discount
        first."""
        misfit = self._discount_misfit(lines)
        if misfit is not None:
            raise ValidationError(
                self.tr(
                    "Not changed: the basket discount would no longer fit ({problem}). Remove or "
                    "change it first (Ctrl+D)."
                ).format(problem=misfit)
            )

    def _discount_misfit(self, lines: Sequence[LineItem]) -> str | None:
        """Why the basket's discount does not fit ``lines``, by the store's own pricing rule."""
        try:
            price_sale(lines, discount=self._basket.discount, tax=NO_TAX, day=self._pricing_day())
        except ValidationError as error:
            return str(error)
        return None

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        horizontal = (
            Qt.AlignmentFlag.AlignRight if column in self._NUMERIC else Qt.AlignmentFlag.AlignLeft
        )
        return horizontal | Qt.AlignmentFlag.AlignVCenter
