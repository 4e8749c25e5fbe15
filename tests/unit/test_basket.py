from collections.abc import Sequence
from datetime import date

import pytest

from pos_app.domain.basket import (
    MAX_QUANTITY,
    Basket,
    BasketTotal,
    LineItem,
    added_since,
    discounted_since,
    scanned_since,
)
from pos_app.domain.catalog import Product
from pos_app.domain.discounts import Approval, Discount, DiscountKind
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import MAX_AMOUNT
from pos_app.domain.pricing import price_sale
from pos_app.domain.tax import NO_TAX, TaxPolicy

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


def priced_by(tax: TaxPolicy) -> BasketTotal:
    """The screen's pricing of lines with a basket discount, with ``tax``, on a day of 2025."""

    def total(lines: Sequence[LineItem], discount: Discount | None) -> int:
        return price_sale(lines, discount=discount, tax=tax, day=date(2025, 6, 2)).total

    return total


UNTAXED = priced_by(NO_TAX)
PPN_INCLUDED = priced_by(TaxPolicy(enabled=True))
PPN_ON_TOP = priced_by(TaxPolicy(enabled=True, prices_include_tax=False))


def test_added_since_names_only_what_was_scanned_after_the_paid_basket() -> None:
    paid = basket_of((TEH, 1), (ROTI, 2))
    now = basket_of((TEH, 3), (ROTI, 2), (GULA, 1))
    added = added_since(paid, now, UNTAXED)
    assert added is not None
    assert [(line.sku, line.quantity) for line in added] == [("TEH-01", 2), ("GULA-01", 1)]
    same = added_since(paid, basket_of((TEH, 1), (ROTI, 2)), UNTAXED)
    assert same is not None and same.lines == [] and same.discount is None


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
    assert added_since(paid, now, UNTAXED) is None


def test_a_discount_in_rupiah_or_on_the_basket_is_not_split_over_added_items() -> None:
    paid = basket_of((ROTI, 2))
    paid.set_discount("ROTI-01", Discount(DiscountKind.AMOUNT, 1000))
    more = basket_of((ROTI, 3))
    more.set_discount("ROTI-01", Discount(DiscountKind.AMOUNT, 1000))
    assert added_since(paid, more, UNTAXED) is None

    percent = Discount(DiscountKind.PERCENT, 1000)
    paid, now = basket_of((ROTI, 2)), basket_of((ROTI, 2), (TEH, 1))
    paid.discount = now.discount = percent
    assert added_since(paid, now, UNTAXED) is None
    assert added_since(paid, basket_of((ROTI, 2)), UNTAXED) is None, "the basket discount went"


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


def test_discounted_since_says_whether_the_added_items_lose_a_discount_at_full_price() -> None:
    """Only a discount on the added items' line, or the basket's, is left off by
    :func:`scanned_since`; one on a line nothing was added to is not."""
    paid = basket_of((ROTI, 2), (TEH, 1))
    paid.set_discount("ROTI-01", Discount.percent(1000))
    now = basket_of((ROTI, 2), (TEH, 2))
    now.set_discount("ROTI-01", Discount.percent(1000))
    assert not discounted_since(paid, now)
    now.set_discount("TEH-01", Discount.rupiah(500))
    assert discounted_since(paid, now)
    now.set_discount("TEH-01", None)
    now.discount = Discount.percent(500)
    assert discounted_since(paid, now)
    assert not discounted_since(paid, paid), "nothing added"
    assert not discounted_since(paid, basket_of((TEH, 2))), "not the paid basket plus items"


def test_a_discount_the_charged_basket_had_and_the_screen_dropped_bears_on_the_added_items() -> (
    None
):
    """Charged with a basket discount (or one on the line that grew), the basket on screen
    without it: the difference is that discount, not PPN's rounding."""
    paid = basket_of((ROTI, 1), (TEH, 1))
    paid.discount = Discount.percent(1000)
    assert discounted_since(paid, basket_of((ROTI, 1), (TEH, 2)))
    line_paid = basket_of((ROTI, 1), (TEH, 1))
    line_paid.set_discount("TEH-01", Discount.percent(1000))
    assert discounted_since(line_paid, basket_of((ROTI, 1), (TEH, 2)))
    other_line = basket_of((ROTI, 1), (TEH, 1))
    other_line.set_discount("ROTI-01", Discount.percent(1000))
    now = basket_of((ROTI, 1), (TEH, 2))
    now.set_discount("ROTI-01", Discount.percent(1000))
    assert not discounted_since(other_line, now), "the discounted line did not grow"


def test_the_split_off_items_keep_the_managers_approval_of_the_discount_they_keep() -> None:
    """Narrowed to the share they take; none when they keep no discount."""
    twenty = Discount.percent(2000)
    paid, now = basket_of((TEH, 1), (ROTI, 1)), basket_of((TEH, 2), (ROTI, 1), (GULA, 1))
    paid.set_discount("TEH-01", twenty)
    now.set_discount("TEH-01", twenty)
    paid.set_discount("ROTI-01", Discount.percent(3000))
    now.set_discount("ROTI-01", Discount.percent(3000))
    now.approval = Approval("Bu Rina", 3000)
    left = added_since(paid, now, UNTAXED)
    assert left is not None and [line.discount for line in left] == [twenty, None]
    assert left.approval == Approval("Bu Rina", 2000)

    now.set_discount("TEH-01", None)
    paid.set_discount("TEH-01", None)
    left = added_since(paid, now, UNTAXED)
    assert left is not None and left.approval is None


def test_added_since_matches_labelled_lines_one_by_one() -> None:
    paid = Basket()
    paid.add(ROTI, labelled=True)
    now = Basket()
    now.add(ROTI, labelled=True)
    now.add(ROTI, labelled=True)
    added = added_since(paid, now, UNTAXED)
    assert added is not None and [(line.sku, line.labelled) for line in added] == [
        ("ROTI-01", True)
    ]
    assert added_since(now, paid, UNTAXED) is None


def split_owed(
    price: int, paid_quantity: int, quantity: int, discount: Discount | None, total: BasketTotal
) -> tuple[int, int, int]:
    """A line of ``price`` paid at ``paid_quantity``, then raised to ``quantity`` (with
    ``discount`` on the line, and another item beside it): what was paid, what is left
    according to :func:`added_since`, and the basket's total now."""
    item = Product(sku="KOPI-01", name="Kopi Susu", price=price)
    paid, now = Basket(), Basket()
    paid.add(item, paid_quantity)
    now.add(item, quantity)
    now.add(TEH)
    if discount is not None:
        paid.set_discount(item.sku, discount)
        now.set_discount(item.sku, discount)
    left = added_since(paid, now, total)
    assert left is not None
    assert [(line.sku, line.quantity) for line in left] == [
        ("KOPI-01", quantity - paid_quantity),
        ("TEH-01", 1),
    ]
    return (
        total(paid.lines, paid.discount),
        total(left.lines, left.discount),
        total(now.lines, now.discount),
    )


@pytest.mark.parametrize(
    ("price", "paid_quantity", "quantity", "percent"),
    [
        (4_750, 1, 3, 1250),
        (4_750, 2, 3, 1250),
        (4_755, 1, 2, 1000),
        (4_755, 1, 2, 1250),
        (1_995, 1, 2, 1000),
        (3_333, 1, 2, 1000),
        (3_333, 3, 7, 1250),
        (12_345, 1, 2, 1000),
    ],
)
@pytest.mark.parametrize("total", [UNTAXED, PPN_INCLUDED], ids=["no PPN", "PPN included"])
def test_what_is_left_after_a_percentage_adds_up_to_the_total_on_screen(
    price: int, paid_quantity: int, quantity: int, percent: int, total: BasketTotal
) -> None:
    """The items added to a line with a percentage cost, alone, a rupiah more or less than
    they add to the line (its discount is rounded once, on the whole line): what is left is
    what the line added, to the rupiah."""
    paid, left, now = split_owed(price, paid_quantity, quantity, Discount.percent(percent), total)
    assert paid + left == now


@pytest.mark.parametrize(
    ("price", "paid_quantity", "quantity", "percent"),
    [
        (3_333, 1, 2, None),
        (1_250, 1, 2, None),
        (4_550, 1, 2, None),
        (4_750, 1, 2, 1000),
        (4_750, 3, 7, 1250),
        (4_755, 1, 2, 1250),
        (1_995, 1, 2, 1000),
        (1_995, 1, 2, 1250),
        (3_333, 1, 3, 1250),
        (3_333, 3, 7, 1250),
        (12_345, 1, 2, 1000),
    ],
)
def test_what_is_left_with_ppn_added_on_top_adds_up_to_the_total_on_screen(
    price: int, paid_quantity: int, quantity: int, percent: int | None
) -> None:
    """PPN added on top is rounded per line: the items added to a line, alone, bear a rupiah
    more or less of it than they add to the line's."""
    discount = None if percent is None else Discount.percent(percent)
    paid, left, now = split_owed(price, paid_quantity, quantity, discount, PPN_ON_TOP)
    assert paid + left == now


def test_the_rupiah_a_percentage_rounds_away_is_a_discount_the_cashier_may_give() -> None:
    """Made exact, what is left takes no larger share than the line's own discount (on the
    line), or a rupiah off the basket: it needs no manager's PIN the basket did not."""
    kopi = Product(sku="KOPI-01", name="Kopi Susu", price=4_755)
    ten = Discount.percent(1000)
    for paid_quantity, quantity in ((1, 2), (2, 3), (1, 4)):
        paid, now = Basket(), Basket()
        paid.add(kopi, paid_quantity)
        now.add(kopi, quantity)
        paid.set_discount(kopi.sku, ten)
        now.set_discount(kopi.sku, ten)
        left = added_since(paid, now, UNTAXED)
        assert left is not None
        [line] = left.lines
        assert line.discount is not None
        assert line.discount.share(line.line_total) <= ten.value
        assert left.discount is None or left.discount == Discount.rupiah(1)


@pytest.mark.parametrize(
    ("price", "alone", "two"),
    [(4_750, 5_273, 10_545), (1_995, 2_214, 4_429)],
    ids=["a rupiah too dear", "a rupiah too cheap"],
)
def test_items_no_basket_of_their_own_can_price_exactly_are_not_split_off(
    price: int, alone: int, two: int
) -> None:
    """With PPN on top, one item costs ``alone`` and two of them ``two``: no line of one such
    item, discounted or not, costs the ``two - alone`` the second adds (PPN on a line of N
    rupiah skips some totals), so :func:`added_since` says None rather than a rupiah off."""
    kopi = Product(sku="KOPI-01", name="Kopi Susu", price=price)
    one = LineItem(kopi.sku, kopi.name, price, 1)
    assert PPN_ON_TOP([one], None) == alone
    assert PPN_ON_TOP([LineItem(kopi.sku, kopi.name, price, 2)], None) == two
    assert not any(
        PPN_ON_TOP([one], Discount.rupiah(off) if off else None) == two - alone
        for off in range(price + 1)
    )
    assert added_since(basket_of((kopi, 1)), basket_of((kopi, 2)), PPN_ON_TOP) is None
    left = scanned_since(basket_of((kopi, 1)), basket_of((kopi, 2)))
    assert left is not None and [(line.sku, line.quantity) for line in left] == [("KOPI-01", 1)]
