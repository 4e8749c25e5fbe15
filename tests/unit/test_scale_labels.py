"""A scale's label in the basket: the weight's price by the documented rounding, a line of its own
per label, quantity 1 for good, and so it stays when the basket is held and recalled."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos_app.domain.barcodes import MeasuredScan, MeasureKind, gs1_check_digit
from pos_app.domain.basket import Basket
from pos_app.domain.catalog import MAX_NAME_LENGTH, Product
from pos_app.domain.errors import ValidationError
from pos_app.domain.scale_labels import label_product
from pos_app.store.database import open_database
from pos_app.store.held import HeldBaskets

ITEM = "251234500000"
PISANG = Product("BUAH-PSG", "Pisang Cavendish", 25_000, ITEM + gs1_check_digit(ITEM))


def weighed(grams: int, product: Product = PISANG) -> Product:
    return label_product(product, MeasuredScan(product.barcode, MeasureKind.WEIGHT, grams))


def test_a_weight_label_costs_the_kilogram_price_times_the_weight_and_names_both() -> None:
    sold = weighed(733)
    assert (sold.sku, sold.price) == ("BUAH-PSG", 18_325)
    assert sold.name == "Pisang Cavendish 0,733 kg × Rp 25.000/kg"


def test_a_price_label_keeps_the_name_and_takes_the_labels_price() -> None:
    sold = label_product(PISANG, MeasuredScan(PISANG.barcode, MeasureKind.PRICE, 12_900))
    assert (sold.name, sold.price) == ("Pisang Cavendish", 12_900)


def test_a_long_name_is_shortened_so_the_weight_still_fits() -> None:
    long = Product("X", "Keju " * 51, 100_000, PISANG.barcode)
    sold = weighed(1_000, long)
    assert len(sold.name) <= MAX_NAME_LENGTH
    assert sold.name.endswith("1,000 kg × Rp 100.000/kg")


def test_a_label_worth_nothing_is_refused() -> None:
    with pytest.raises(ValidationError, match="worth Rp 0"):
        weighed(0)
    with pytest.raises(ValidationError, match="worth Rp 0"):
        weighed(1, Product("Y", "Kerupuk", 400, PISANG.barcode))  # 0.4 rupiah


def test_each_label_is_a_line_of_its_own_with_quantity_one() -> None:
    basket = Basket()
    basket.add(weighed(734), labelled=True)
    basket.add(weighed(1_250), labelled=True)
    basket.add(Product("TEH", "Teh", 5_000))
    assert [(line.unit_price, line.quantity, line.labelled) for line in basket] == [
        (18_350, 1, True),
        (31_250, 1, True),
        (5_000, 1, False),
    ]
    first, second, teh = basket.keys
    assert teh == "TEH" and len({first, second, teh}) == 3
    with pytest.raises(ValidationError, match="priced by its label"):
        basket.set_quantity(first, 2)
    with pytest.raises(ValidationError, match="priced by its label"):
        basket.add(weighed(500), 2, labelled=True)
    assert basket.set_quantity(first, 0) is None
    assert basket.total == 31_250 + 5_000


def test_labelled_lines_stay_apart_when_held_and_recalled(tmp_path: Path) -> None:
    basket = Basket()
    basket.add(weighed(734), labelled=True)
    basket.add(weighed(734), labelled=True)
    held = HeldBaskets(open_database(tmp_path / "kasir.db"))
    number = held.hold(basket.lines, "Siti", datetime(2026, 12, 4, tzinfo=UTC))
    lines = list(held.recall(number).lines)
    assert [line.labelled for line in lines] == [True, True]
    again = Basket()
    for line in lines:
        again.add(
            Product(line.sku, line.name, line.unit_price), line.quantity, labelled=line.labelled
        )
    assert len(again) == 2 and again.total == 2 * 18_350
