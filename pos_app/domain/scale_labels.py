"""A scale's variable-measure label as what the basket sells: the product at the label's price.

The basket adds it as a line of its own (``labelled``), quantity 1, never merged with another
label of the same product; so the receipt, the sale's lines and DOKU's ``line_items`` need nothing
special for it. A weight label's line names the weight and the kilogram price.
"""

from dataclasses import replace

from pos_app.domain.barcodes import MeasuredScan, MeasureKind, format_weight, weighed_price
from pos_app.domain.catalog import MAX_NAME_LENGTH, Product
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah
from pos_app.domain.texts import N_


def label_product(product: Product, scan: MeasuredScan) -> Product:
    """``product`` as ``scan`` sells it; ValidationError for a label worth nothing."""
    if scan.kind is MeasureKind.PRICE:
        price, name = scan.value, product.name
    else:
        price = weighed_price(product.price, scan.value)
        detail = f" {format_weight(scan.value)} × {format_rupiah(product.price)}/kg"
        name = product.name[: MAX_NAME_LENGTH - len(detail)].rstrip() + detail
    if price <= 0:
        raise ValidationError(
            N_("{name}: the label is worth Rp 0; weigh or price it again"), name=product.name
        )
    return replace(product, name=name, price=price)
