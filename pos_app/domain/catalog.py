"""Products as the shop sells them."""

from dataclasses import dataclass

from pos_app.domain.errors import ValidationError
from pos_app.domain.money import check_amount

MAX_NAME_LENGTH = 255
"""DOKU's limit on a line item's name."""


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    name: str
    price: int
    barcode: str = ""
    category: str = ""
    active: bool = True

    def __post_init__(self) -> None:
        if not self.sku.strip():
            raise ValidationError("sku must not be empty")
        if not self.name.strip():
            raise ValidationError(f"product {self.sku}: name must not be empty")
        if len(self.name) > MAX_NAME_LENGTH:
            raise ValidationError(
                f"product {self.sku}: name is {len(self.name)} characters, "
                f"at most {MAX_NAME_LENGTH} allowed"
            )
        if self.barcode and not is_valid_ean13(self.barcode):
            raise ValidationError(
                f"product {self.sku}: barcode {self.barcode!r} is not a valid EAN-13"
            )
        check_amount(self.price, field=f"product {self.sku}: price")


def ean13_check_digit(first12: str) -> str:
    """The GS1 check digit for the first twelve digits of an EAN-13."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def is_valid_ean13(code: str) -> bool:
    return len(code) == 13 and code.isdigit() and ean13_check_digit(code[:12]) == code[12]
