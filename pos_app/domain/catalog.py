"""Products as the shop sells them."""

import unicodedata
from dataclasses import dataclass

from pos_app.domain.barcodes import stored_form
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import check_amount
from pos_app.domain.tax import TaxClass
from pos_app.domain.texts import N_, Text

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
    tax_class: TaxClass = TaxClass.STANDARD
    """Which PPN rate applies when the shop charges PPN."""

    def __post_init__(self) -> None:
        if not self.sku.strip():
            raise ValidationError(N_("sku must not be empty"))
        if not self.name.strip():
            raise ValidationError(N_("product {sku}: name must not be empty"), sku=self.sku)
        if len(self.name) > MAX_NAME_LENGTH:
            raise ValidationError(
                N_("product {sku}: name is {length} characters, at most {most} allowed"),
                sku=self.sku,
                length=len(self.name),
                most=MAX_NAME_LENGTH,
            )
        if self.barcode:
            try:
                object.__setattr__(self, "barcode", stored_form(self.barcode))
            except ValidationError as error:
                raise ValidationError(
                    N_("product {sku}: {problem}"), sku=self.sku, problem=error.text
                ) from None
        check_amount(self.price, field=Text(N_("product {sku}: price"), sku=self.sku))


def check_printable(product: Product) -> None:
    """Refuse a product whose SKU, name or category holds a control character (a tab, a line
    break, an ESC pasted or imported): on a receipt it would be a printer command, on screen a
    broken row. Checked where products are entered (the import, the back office), not when
    stored ones are read, so a catalogue kept from before still opens."""
    for field, value in (
        ("sku", product.sku),
        ("name", product.name),
        ("category", product.category),
    ):
        if any(is_control(char) for char in value):
            raise ValidationError(
                N_("product {sku}: the {field} holds a control character (a tab, a line break…)"),
                sku=product.sku.encode("unicode_escape").decode("ascii"),
                field=field,
            )


def is_control(char: str) -> bool:
    """A control character (Unicode's Cc: tab, line break, ESC, NUL…), or a line or paragraph
    separator; a no-break or thin space, a soft hyphen or an emoji joiner is text."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")
