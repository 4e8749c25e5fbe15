import pytest

from pos_app.domain.basket import MAX_QUANTITY, Basket, added_since, scanned_since
from pos_app.domain.catalog import Product
from pos_app.domain.discounts import Discount, DiscountKind
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import MAX_AMOUNT

TEH = Product(sku="TEH-01", name="Teh Botol 450ml", price=5500, barcode="8991002101203")
ROTI = Product(sku="ROTI-01", name="Roti Tawar", price=15000)
GULA = Product(sku="GULA-01", name="Gula Pasir 1kg", price=17500)


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


def basket_of(*items: tuple[Product, int]) -> Basket:
    basket = Basket()
    for product, quantity in items:
        basket.add(product, quantity)
    return basket


def test_added_since_names_only_what_was_scanned_after_the_paid_basket() -> None:
    paid = basket_of((TEH, 1), (ROTI, 2))
    now = basket_of((TEH, 3), (ROTI, 2), (GULA, 1))
    added = added_since(paid, now)
    assert added is not None
    assert [(line.sku, line.quantity) for line in added] == [("TEH-01", 2), ("GULA-01", 1)]
    assert added_since(paid, basket_of((TEH, 1), (ROTI, 2))) == []


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b.remove("ROTI-01"),
        lambda b: b.set_quantity("ROTI-01", 1),
        lambda b: b.set_discount("ROTI-01", Discount(DiscountKind.PERCENT, 1000)),
        lambda b: setattr(b, "discount", Discount(DiscountKind.AMOUNT, 1000)),
    ],
    ids=["line gone", "fewer", "line discount", "basket discount"],
)
def test_added_since_is_none_when_the_paid_basket_itself_changed(change) -> None:
    paid = basket_of((TEH, 1), (ROTI, 2))
    now = basket_of((TEH, 1), (ROTI, 2), (GULA, 1))
    change(now)
    assert added_since(paid, now) is None


def test_a_discount_in_rupiah_or_on_the_basket_is_not_split_over_added_items() -> None:
    paid = basket_of((ROTI, 2))
    paid.set_discount("ROTI-01", Discount(DiscountKind.AMOUNT, 1000))
    more = basket_of((ROTI, 3))
    more.set_discount("ROTI-01", Discount(DiscountKind.AMOUNT, 1000))
    assert added_since(paid, more) is None

    percent = Discount(DiscountKind.PERCENT, 1000)
    paid, now = basket_of((ROTI, 2)), basket_of((ROTI, 2), (TEH, 1))
    paid.discount = now.discount = percent
    assert added_since(paid, now) is None
    assert added_since(paid, basket_of((ROTI, 2))) is None, "the basket discount went"


def test_scanned_since_names_added_items_at_full_price_where_a_discount_is_in_the_way() -> None:
    """What is left to pay once the paid basket is paid, though a discount keeps it from being
    split off exactly; still None when the paid basket itself lost something."""
    paid = basket_of((ROTI, 2))
    paid.set_discount("ROTI-01", Discount(DiscountKind.AMOUNT, 1000))
    now = basket_of((ROTI, 3), (TEH, 1))
    now.set_discount("ROTI-01", Discount(DiscountKind.AMOUNT, 1000))
    now.discount = Discount(DiscountKind.PERCENT, 500)

    left = scanned_since(paid, now)
    assert left is not None
    assert [(line.sku, line.quantity, line.discount) for line in left] == [
        ("ROTI-01", 1, None),
        ("TEH-01", 1, None),
    ]
    assert scanned_since(paid, basket_of((ROTI, 1), (TEH, 1))) is None


def test_added_since_matches_labelled_lines_one_by_one() -> None:
    paid = Basket()
    paid.add(ROTI, labelled=True)
    now = Basket()
    now.add(ROTI, labelled=True)
    now.add(ROTI, labelled=True)
    added = added_since(paid, now)
    assert added is not None and [(line.sku, line.labelled) for line in added] == [
        ("ROTI-01", True)
    ]
    assert added_since(now, paid) is None
