"""The basket a cashier rings up: lines of products with quantities, no I/O."""

from collections.abc import Iterator
from dataclasses import dataclass

from pos_app.domain.catalog import Product
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import MAX_AMOUNT, format_rupiah

MAX_QUANTITY = 9999
"""DOKU allows at most four digits for a line item's quantity."""


@dataclass(frozen=True, slots=True)
class LineItem:
    sku: str
    name: str
    unit_price: int
    quantity: int

    @property
    def line_total(self) -> int:
        return self.unit_price * self.quantity


class Basket:
    """Ordered lines keyed by SKU; adding a product already in the basket raises its quantity."""

    def __init__(self) -> None:
        self._lines: dict[str, LineItem] = {}

    def __iter__(self) -> Iterator[LineItem]:
        return iter(self._lines.values())

    def __len__(self) -> int:
        return len(self._lines)

    @property
    def lines(self) -> list[LineItem]:
        return list(self._lines.values())

    @property
    def total(self) -> int:
        return sum(line.line_total for line in self._lines.values())

    def line(self, sku: str) -> LineItem:
        try:
            return self._lines[sku]
        except KeyError:
            raise ValidationError(f"{sku} is not in the basket") from None

    def add(self, product: Product, quantity: int = 1) -> LineItem:
        if not product.active:
            raise ValidationError(f"{product.name} is no longer sold")
        current = self._lines.get(product.sku)
        new_quantity = quantity + (current.quantity if current else 0)
        line = LineItem(product.sku, product.name, product.price, new_quantity)
        self._check(line, replacing=current)
        self._lines[product.sku] = line
        return line

    def set_quantity(self, sku: str, quantity: int) -> LineItem | None:
        """Quantity 0 removes the line (and returns None), as a cashier expects of "minus" on 1."""
        current = self.line(sku)
        if quantity == 0:
            del self._lines[sku]
            return None
        line = LineItem(current.sku, current.name, current.unit_price, quantity)
        self._check(line, replacing=current)
        self._lines[sku] = line
        return line

    def remove(self, sku: str) -> None:
        self.line(sku)
        del self._lines[sku]

    def clear(self) -> None:
        self._lines.clear()

    def _check(self, line: LineItem, *, replacing: LineItem | None) -> None:
        if isinstance(line.quantity, bool) or not isinstance(line.quantity, int):
            raise ValidationError(f"{line.name}: quantity must be a whole number")
        if not 1 <= line.quantity <= MAX_QUANTITY:
            raise ValidationError(
                f"{line.name}: quantity must be between 1 and {MAX_QUANTITY}, got {line.quantity}"
            )
        total = self.total - (replacing.line_total if replacing else 0) + line.line_total
        if total > MAX_AMOUNT:
            raise ValidationError(
                f"the basket total would be {total}, above the limit of {format_rupiah(MAX_AMOUNT)}"
            )
