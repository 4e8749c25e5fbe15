"""Products as the shop sells them."""

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
