"""Generated baskets for the tests of discounts and PPN: lines with their own discounts, a
basket discount, and a tax policy that has a rate for every line's class."""

from datetime import date

from hypothesis import strategies as st

from pos_app.domain.basket import LineItem
from pos_app.domain.discounts import Discount
from pos_app.domain.tax import NO_TAX, TaxClass, TaxPolicy, TaxRate

ON = TaxPolicy(enabled=True)
EXCLUSIVE = TaxPolicy(enabled=True, prices_include_tax=False)

discounts = st.one_of(
    st.none(),
    st.integers(1, 10_000).map(Discount.percent),
    st.integers(1, 5_000).map(Discount.rupiah),
)


policies = st.sampled_from(
    [
        NO_TAX,
        ON,
        EXCLUSIVE,
        TaxPolicy(
            enabled=True,
            rates={**ON.rates, TaxClass.OTHER: (TaxRate(date(2020, 1, 1), 1200),)},
        ),
    ]
)


@st.composite
def baskets(
    draw: st.DrawFn, *, lowest_price: int = 0, most_lines: int = 8
) -> tuple[list[LineItem], Discount | None, TaxPolicy]:
    """Lines with their own discounts (or none), the basket's discount, and a tax policy with a
    rate for each line's class."""
    tax = draw(policies)
    classes = [c for c in TaxClass if c in tax.rates]
    count = draw(st.integers(1, most_lines))
    items = []
    for index in range(count):
        price = draw(st.integers(lowest_price, 2_000_000))
        quantity = draw(st.integers(1, 9999))
        own = draw(discounts)
        if own is not None and own.value > price * quantity and own.kind == "amount":
            own = None
        items.append(
            LineItem(
                f"SKU-{index}",
                f"Item {index}",
                price,
                quantity,
                draw(st.sampled_from(classes)),
                own,
            )
        )
    basket = draw(discounts)
    after_lines = sum(
        item.line_total - (item.discount.off(item.line_total) if item.discount else 0)
        for item in items
    )
    if basket is not None and basket.kind == "amount" and basket.value > after_lines:
        basket = None
    return items, basket, tax
