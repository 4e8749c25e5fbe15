"""The stored sale of the basket on screen, and what the screen holds beyond it.

A tender stores the basket on screen as a sale; a payment of that sale paid for the lines it
held then, not for items scanned since. :class:`OpenSale` keeps both, so the counter (and the
held baskets, which park a basket with its sale) can tell what a payment of it pays for.
"""

from collections.abc import Sequence

from pos_app.domain.basket import (
    Basket,
    LineItem,
    added_since,
    discounted_since,
    scanned_since,
)
from pos_app.domain.discounts import Discount
from pos_app.gui.basket_model import BasketModel


class OpenSale:
    """The basket on screen's stored sale (``sale_id``, None: none yet) and what it holds."""

    def __init__(self, basket_model: BasketModel) -> None:
        self._basket_model = basket_model
        self.sale_id: int | None = None
        """The stored sale of the basket on screen, once a tender has started on it."""
        self.paid_for: Basket | None = None
        """What that stored sale holds: a payment of it paid for these lines, not for items
        scanned since."""

    def keep(
        self,
        sale_id: int | None,
        lines: list[LineItem] | tuple[LineItem, ...] = (),
        discount: Discount | None = None,
    ) -> None:
        """The stored sale of the basket on screen (None: none yet) and the lines it holds."""
        self.sale_id = sale_id
        self.paid_for = None if sale_id is None else Basket.of(lines, discount)

    def added_exactly(self) -> Basket | None:
        """What the basket on screen holds beyond its stored sale, at exactly what it adds to
        the total on screen; None without a stored sale, or when it cannot be split off so (see
        :func:`~pos_app.domain.basket.added_since`)."""
        if self.paid_for is None:
            return None
        return added_since(self.paid_for, self._basket_model.basket, self._total)

    def added_since_paid(self) -> Basket | None:
        """What the basket on screen holds beyond its stored sale, at what it adds to the total
        on screen, or at full price where a discount keeps it from being split off exactly;
        None when it is not that sale plus items (see
        :func:`~pos_app.domain.basket.scanned_since`)."""
        if self.paid_for is None:
            return None
        exact = self.added_exactly()
        if exact is not None:
            return exact
        scanned = scanned_since(self.paid_for, self._basket_model.basket)
        return None if scanned is None else Basket.of(scanned)

    def discounted_since_paid(self) -> bool:
        """Whether a discount on screen takes off the items the basket holds beyond its stored
        sale: put on screen at full price, they lose it (see
        :func:`~pos_app.domain.basket.discounted_since`)."""
        basket = self._basket_model.basket
        return self.paid_for is not None and discounted_since(self.paid_for, basket)

    def unchanged_since(self, charged: Basket) -> bool:
        """Whether the basket on screen is ``charged``, nothing added or taken away."""
        added = added_since(charged, self._basket_model.basket, self._total)
        return added is not None and not len(added)

    def _total(self, lines: Sequence[LineItem], discount: Discount | None) -> int:
        """What the screen would ask for these lines: how :func:`added_since` prices them."""
        return self._basket_model.price_of(lines, discount).total
