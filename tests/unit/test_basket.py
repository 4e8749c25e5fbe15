import pytest

from pos_app.domain.basket import MAX_QUANTITY, Basket
from pos_app.domain.catalog import Product
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import MAX_AMOUNT

TEH = Product(sku="TEH-01", name="Teh Botol 450ml", price=5500, barcode="8991002101203")
ROTI = Product(sku="ROTI-01", name="Roti Tawar", price=15000)


def test_adding_the_same_product_merges_lines() -> None:
    basket = Basket()
    basket.add(TEH)
    basket.add(ROTI, 2)
    basket.add(TEH, 3)
    assert [(line.sku, line.quantity) for line in basket] == [("TEH-01", 4), ("ROTI-01", 2)]
    assert basket.total == 4 * 5500 + 2 * 15000
    assert basket.line("TEH-01").line_total == 22000


def test_change_quantity_and_remove() -> None:
    basket = Basket()
    basket.add(TEH)
    basket.add(ROTI)
    assert basket.set_quantity("TEH-01", 7).quantity == 7
    assert basket.set_quantity("TEH-01", 0) is None
    assert [line.sku for line in basket] == ["ROTI-01"]
    basket.remove("ROTI-01")
    assert len(basket) == 0
    assert basket.total == 0
    with pytest.raises(ValidationError, match="not in the basket"):
        basket.remove("ROTI-01")


def test_quantity_limit_mirrors_doku_and_leaves_basket_unchanged() -> None:
    basket = Basket()
    basket.add(TEH, MAX_QUANTITY)
    with pytest.raises(ValidationError, match="quantity must be between 1 and 9999"):
        basket.add(TEH)
    with pytest.raises(ValidationError):
        basket.set_quantity("TEH-01", -1)
    assert basket.line("TEH-01").quantity == MAX_QUANTITY


def test_total_limit_mirrors_doku() -> None:
    expensive = Product(sku="GOLD", name="Emas 1kg", price=MAX_AMOUNT // 2 + 1)
    basket = Basket()
    basket.add(expensive)
    with pytest.raises(ValidationError, match="above the limit"):
        basket.add(expensive)
    assert basket.total == expensive.price


def test_inactive_products_cannot_be_sold() -> None:
    retired = Product(sku="OLD", name="Kopi lama", price=1000, active=False)
    with pytest.raises(ValidationError, match="no longer sold"):
        Basket().add(retired)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "x" * 256}, "at most 255"),
        ({"name": " "}, "name must not be empty"),
        ({"price": 0}, "price must be between"),
        ({"price": 1.5}, "integer"),
        ({"barcode": "8991002101204"}, "not a valid EAN-13"),
    ],
)
def test_product_validation_names_the_rule(kwargs: dict, message: str) -> None:
    fields = {"sku": "X", "name": "Barang", "price": 1000} | kwargs
    with pytest.raises(ValidationError, match=message):
        Product(**fields)
