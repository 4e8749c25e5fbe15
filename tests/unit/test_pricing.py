"""Discounts, DPP and PPN of a basket (domain/pricing.py) and the line items a provider gets."""

from collections.abc import Callable
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.domain.basket import LineItem
from pos_app.domain.discounts import Discount, parse_discount, spread
from pos_app.domain.errors import ValidationError
from pos_app.domain.pricing import payment_lines, price_sale
from pos_app.domain.tax import NO_TAX, TaxClass, TaxPolicy, TaxRate, line_tax, parse_rate
from tests.harness.priced_baskets import EXCLUSIVE, ON, baskets

Y2024, Y2025 = date(2024, 6, 1), date(2025, 6, 1)


@settings(max_examples=300, deadline=None)
@given(baskets(), st.sampled_from([Y2024, Y2025]))
def test_payment_line_items_always_add_up_to_the_amount(
    basket: tuple[list[LineItem], Discount | None, TaxPolicy], day: date
) -> None:
    items, discount, tax = basket
    sale = price_sale(items, discount=discount, tax=tax, day=day)

    lines = payment_lines(sale)
    assert sum(line.unit_price * line.quantity for line in lines) == sale.total
    assert all(1 <= line.quantity <= 9999 and line.unit_price >= 1 for line in lines)
    assert len(lines) <= 2 * len(items)
    for line in sale.lines:  # a line's items differ by at most a rupiah a unit
        prices = {item.unit_price for item in lines if item.sku == line.item.sku}
        assert not prices or max(prices) - min(prices) <= 1


@settings(max_examples=300, deadline=None)
@given(baskets(), st.sampled_from([Y2024, Y2025]))
def test_discounts_and_tax_add_up_line_by_line(
    basket: tuple[list[LineItem], Discount | None, TaxPolicy], day: date
) -> None:
    items, discount, tax = basket
    sale = price_sale(items, discount=discount, tax=tax, day=day)

    after_lines = sale.gross - sale.line_discounts
    assert sale.basket_discount == (discount.off(after_lines) if discount else 0)
    for line in sale.lines:
        assert 0 <= line.net <= line.item.line_total
        rate = tax.rate(line.item.tax_class, day)
        if rate is None:
            assert (line.tax_rate, line.dpp, line.ppn, line.amount) == (None, None, 0, line.net)
            continue
        share = Fraction(rate.basis_points * rate.dpp_numerator, 10_000 * rate.dpp_denominator)
        exact = line.net * share / (1 + share) if tax.prices_include_tax else line.net * share
        assert abs(line.ppn - exact) <= Fraction(1, 2)
        assert line.amount == line.net + (0 if tax.prices_include_tax else line.ppn)
        assert line.dpp is not None
        price = line.amount - line.ppn
        assert abs(line.dpp - price * Fraction(rate.dpp_numerator, rate.dpp_denominator)) <= 0.5
    assert sale.total == sale.gross - sale.discount_total + (
        0 if tax.prices_include_tax else sale.ppn
    )
    assert sum(rate.ppn for rate in sale.rates()) == sale.ppn


def test_ppn_in_2024_and_2025_on_a_price_with_ppn_in_it() -> None:
    """11 % until 2024; 12 % on a DPP of 11/12 from 2025 (PMK 131/2024): the same PPN."""
    item = LineItem("A", "Barang", 111_000, 1)
    before = price_sale([item], tax=ON, day=Y2024).lines[0]
    after = price_sale([item], tax=ON, day=Y2025).lines[0]
    assert (before.tax_rate, before.dpp, before.ppn, before.amount) == (
        1100,
        100_000,
        11_000,
        111_000,
    )
    assert (after.tax_rate, after.dpp, after.ppn, after.amount) == (1200, 91_667, 11_000, 111_000)
    exempt = price_sale([LineItem("B", "Beras", 78_000, 1, TaxClass.EXEMPT)], tax=ON, day=Y2025)
    assert (exempt.lines[0].tax_rate, exempt.lines[0].dpp, exempt.ppn) == (0, 78_000, 0)


def test_prices_without_ppn_get_it_added() -> None:
    sale = price_sale([LineItem("A", "Barang", 10_000, 3)], tax=EXCLUSIVE, day=Y2024)
    assert (sale.ppn, sale.total) == (3_300, 33_300)


def test_a_basket_discount_is_spread_over_the_lines_in_proportion() -> None:
    items = [
        LineItem("A", "A", 1000, 1),
        LineItem("B", "B", 2000, 1, discount=Discount.rupiah(500)),
    ]
    sale = price_sale(items, discount=Discount.rupiah(1000), tax=NO_TAX, day=Y2024)
    assert [line.line_discount for line in sale.lines] == [0, 500]
    assert [line.basket_discount for line in sale.lines] == [400, 600]  # 1000 : 1500
    assert [line.amount for line in sale.lines] == [600, 900]
    assert spread(10, [1, 1, 1]) == [4, 3, 3]


def test_a_line_item_whose_amount_its_quantity_does_not_divide_is_split() -> None:
    sale = price_sale(
        [LineItem("A", "Kopi", 3500, 3, discount=Discount.rupiah(100))], tax=NO_TAX, day=Y2024
    )
    assert [(line.unit_price, line.quantity) for line in payment_lines(sale)] == [
        (3466, 1),
        (3467, 2),
    ]  # 3500 x 3 - 100 = 10.400


def test_items_given_away_are_no_order_lines_of_rp_0() -> None:
    """Kopi free (100 % off) beside Teh, and five sweets of Rp 1 at 40 % off (Rp 3): DOKU was
    sent Kopi at Rp 0 x 3 and two sweets at Rp 0, lines of no payment in the order."""
    sale = price_sale(
        [
            LineItem("K", "Kopi", 5000, 3, discount=Discount.percent(10_000)),
            LineItem("T", "Teh", 4000, 2),
            LineItem("P", "Permen", 1, 5, discount=Discount.percent(4_000)),
        ],
        tax=NO_TAX,
        day=Y2024,
    )
    assert [(line.name, line.unit_price, line.quantity) for line in payment_lines(sale)] == [
        ("Teh", 4000, 2),
        ("Permen", 1, 3),
    ]


def test_discounts_and_rates_outside_their_limits_are_refused() -> None:
    with pytest.raises(ValidationError, match="more than the"):
        Discount.rupiah(5000).off(4000)
    with pytest.raises(ValidationError, match="at most"):
        Discount.percent(10_001)
    with pytest.raises(ValidationError, match="no PPN rate"):
        ON.rate(TaxClass.OTHER, Y2025)
    with pytest.raises(ValidationError, match="like 2025-01-01 12 11/12"):
        parse_rate("12%")
    assert parse_rate("2025-01-01 12 11/12") == TaxRate(date(2025, 1, 1), 1200, 11, 12)
    assert line_tax(0, TaxRate(Y2024, 1100), included=True).ppn == 0


def test_a_discount_in_thousands_with_a_comma_is_refused_not_read_as_rupiah() -> None:
    """``5,000`` was a discount of Rp 5."""
    with pytest.raises(ValidationError, match=r"like 5\.000;"):
        parse_discount("5,000")
    assert parse_discount("5.000") == Discount.rupiah(5000)
    assert parse_discount("12,5 %") == Discount.percent(1250)


def test_a_percentage_of_thousands_of_digits_is_refused_as_over_100() -> None:
    """Pasted into the discount field: Python's int() refuses more than 4,300 digits with a
    bare ValueError, which the dialog would not show."""
    with pytest.raises(ValidationError, match="a percentage is at most 100%"):
        parse_discount("1" * 5000 + "%")
    assert parse_discount("0100%") == Discount.percent(10_000)


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda: Discount.percent(15_000), "at most 100%, got 150%"),
        (lambda: Discount.percent(0), "at most 100%, got 0%"),
        (lambda: Discount.rupiah(10**16), r"at most Rp 999\.999\.999\.999, got Rp 10\.000"),
        (lambda: Discount.rupiah(-5), r", got -Rp 5$"),
    ],
)
def test_a_discount_out_of_range_is_told_as_the_cashier_types_it(
    make: Callable[[], Discount], said: str
) -> None:
    """Not in basis points (``15000``) or bare digits (``9999999999999``)."""
    with pytest.raises(ValidationError, match=said):
        make()
