"""The basket a cashier rings up: lines of products with quantities, no I/O."""

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from pos_app.domain.catalog import Product
from pos_app.domain.discounts import Approval, Discount, DiscountKind
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import MAX_AMOUNT, format_rupiah
from pos_app.domain.tax import TaxClass
from pos_app.domain.texts import N_

MIN_QUANTITY = 1
MAX_QUANTITY = 9999
"""DOKU allows at most four digits for a line item's quantity."""


def quantity_in_range(quantity: int) -> bool:
    """The one range of a line's quantity, wherever a cashier enters one."""
    return MIN_QUANTITY <= quantity <= MAX_QUANTITY


@dataclass(frozen=True, slots=True)
class LineItem:
    sku: str
    name: str
    unit_price: int
    quantity: int
    tax_class: TaxClass = TaxClass.STANDARD
    discount: Discount | None = None
    """The line's own discount; the basket's is :attr:`Basket.discount`."""
    labelled: bool = False
    """Priced by a scale's label (``domain/scale_labels.py``): a line of its own, quantity 1."""

    @property
    def line_total(self) -> int:
        """Before any discount."""
        return self.unit_price * self.quantity


class Basket:
    """Ordered lines keyed by SKU; adding a product already in the basket raises its quantity.

    A labelled line (a scale's label) has a key of its own instead, so two labels of one product
    stay two lines.
    """

    @classmethod
    def of(
        cls,
        lines: Iterable[LineItem],
        discount: Discount | None = None,
        approval: Approval | None = None,
    ) -> "Basket":
        """A basket of stored lines, at the prices, tax classes and discounts they were rung up
        with; ``discount`` is the basket's, and ``approval`` the manager's over its discounts."""
        basket = cls()
        for line in lines:
            basket.add_line(line)
        basket.discount = discount
        basket.approval = approval
        return basket

    def __init__(self) -> None:
        self._lines: dict[str, LineItem] = {}
        self._labels = 0
        self.discount: Discount | None = None
        """Off the whole basket, after the lines' own discounts."""
        self.approval: Approval | None = None
        """A manager's approval of discounts above the shop's limit on this basket."""

    def add_line(self, line: LineItem) -> None:
        """A line rung up before, added as it was: its price, tax class and discount."""
        product = Product(line.sku, line.name, line.unit_price, tax_class=line.tax_class)
        added = self.add(product, line.quantity, labelled=line.labelled)
        if line.discount is not None:
            self.set_discount(self.keys[-1] if line.labelled else added.sku, line.discount)

    def __iter__(self) -> Iterator[LineItem]:
        return iter(self._lines.values())

    def __len__(self) -> int:
        return len(self._lines)

    @property
    def lines(self) -> list[LineItem]:
        return list(self._lines.values())

    @property
    def keys(self) -> list[str]:
        """Each line's key, in the lines' order: the SKU, or a labelled line's own key."""
        return list(self._lines)

    @property
    def total(self) -> int:
        return sum(line.line_total for line in self._lines.values())

    def line(self, sku: str) -> LineItem:
        try:
            return self._lines[sku]
        except KeyError:
            raise ValidationError(N_("{sku} is not in the basket"), sku=sku) from None

    def add(self, product: Product, quantity: int = 1, *, labelled: bool = False) -> LineItem:
        """``labelled``: ``product`` is as a scale's label sells it, added as a line of its own."""
        if not product.active:
            raise ValidationError(N_("{name} is no longer sold"), name=product.name)
        key = self._label_key(product.sku) if labelled else product.sku
        current = self._lines.get(key)
        new_quantity = quantity + (current.quantity if current else 0)
        line = LineItem(
            product.sku,
            product.name,
            product.price,
            new_quantity,
            product.tax_class,
            current.discount if current else None,
            labelled,
        )
        self._check(line, replacing=current)
        self._lines[key] = line
        return line

    def set_quantity(self, sku: str, quantity: int) -> LineItem | None:
        """Quantity 0 removes the line (and returns None), as a cashier expects of "minus" on 1."""
        current = self.line(sku)
        if quantity == 0:
            del self._lines[sku]
            return None
        line = replace(current, quantity=quantity)
        self._check(line, replacing=current)
        self._lines[sku] = line
        return line

    def set_discount(self, sku: str, discount: Discount | None) -> LineItem:
        """Give a line its own discount (None takes it away); one it cannot bear is refused."""
        line = replace(self.line(sku), discount=discount)
        if discount is not None:
            discount.off(line.line_total)
        self._lines[sku] = line
        return line

    def remove(self, sku: str) -> None:
        self.line(sku)
        del self._lines[sku]

    def clear(self) -> None:
        self._lines.clear()
        self.discount = None
        self.approval = None

    def _label_key(self, sku: str) -> str:
        self._labels += 1
        return f"{sku}\N{INFORMATION SEPARATOR ONE}{self._labels}"

    def _check(self, line: LineItem, *, replacing: LineItem | None) -> None:
        if isinstance(line.quantity, bool) or not isinstance(line.quantity, int):
            raise ValidationError(N_("{name}: quantity must be a whole number"), name=line.name)
        if line.labelled and line.quantity != 1:
            raise ValidationError(
                N_("{name} is priced by its label: scan each label instead of a quantity"),
                name=line.name,
            )
        if not quantity_in_range(line.quantity):
            raise ValidationError(
                N_("{name}: quantity must be between 1 and {most}, got {quantity}"),
                name=line.name,
                most=MAX_QUANTITY,
                quantity=line.quantity,
            )
        if line.discount is not None:
            line.discount.off(line.line_total)  # a discount in rupiah may outgrow a smaller line
        check_gross(self.total - (replacing.line_total if replacing else 0) + line.line_total)


def check_gross(total: int) -> None:
    """Refuse lines that come to more than a provider takes before their discounts: the one
    limit of a basket and of a stored sale, which keeps the day's sums of prices and discounts
    well inside SQLite's integer."""
    if total > MAX_AMOUNT:
        raise ValidationError(
            N_("the basket total would be {total}, above the limit of {limit}"),
            total=format_rupiah(total),
            limit=format_rupiah(MAX_AMOUNT),
        )


def largest_discount_share(lines: Iterable[LineItem], discount: Discount | None) -> int:
    """The largest part, in basis points, a discount of the basket takes of what it is given
    on: a line's own of the line, the basket's of the lines after theirs. What the manager's
    approval limit is compared with when a discount is given, and again at payment: a rupiah
    discount grows as its line is made smaller."""
    shares, after = [], 0
    for line in lines:
        gross = line.line_total
        if line.discount is not None:
            shares.append(line.discount.share(gross))
            gross -= line.discount.off(gross)
        after += gross
    if discount is not None:
        shares.append(discount.share(after))
    return max(shares, default=0)


def stored_approval(
    manager: str | None, lines: Iterable[LineItem], discount: Discount | None
) -> Approval | None:
    """The approval a sale was stored with: the checkout let it through only if it covered the
    sale's discounts, so it covers them still (and no more)."""
    if manager is None:
        return None
    return Approval(manager, largest_discount_share(lines, discount))


BasketTotal = Callable[[Sequence[LineItem], Discount | None], int]
"""What lines with a basket discount cost, PPN and all: the screen's pricing, which the store
prices the sale by (``pricing.price_sale`` imports this module, so it comes as an argument)."""


def added_since(before: Basket, now: Basket, total: BasketTotal) -> Basket | None:
    """What ``now`` holds beyond ``before`` (empty: the same basket), priced by ``total`` at
    exactly what ``now`` costs beyond ``before``; None when ``now`` is not ``before`` plus
    items (a line gone, fewer of it, another price or discount) or when no such basket exists.

    A payment made for ``before`` can then complete that sale and leave the added items to be
    paid on their own, the two adding up to the total on screen. Each line is rounded on its
    own, so the items added to a line with a percentage, or with PPN on top, may cost a rupiah
    more or less alone than they add to their line: that rupiah becomes a discount in rupiah,
    on the line (only when it takes no larger share than the line's own, so it needs no
    manager the basket did not) or on the basket. Items added to a line with a discount in
    rupiah, or to a basket with a discount of its own, cannot be split off without changing
    what the discount takes: None.

    The manager's approval of ``now`` comes along, narrowed to the discounts kept: paying the
    added items does not ask again for a PIN given for them.
    """
    pairs = _additions(before, now)
    if pairs is None or (pairs and now.discount is not None):
        return None
    if any(
        was is not None and line.discount is not None and line.discount.kind is DiscountKind.AMOUNT
        for was, line in pairs
    ):
        return None
    lines = [_rest(was, line, total) for was, line in pairs]
    owed = total(now.lines, now.discount) - total(before.lines, before.discount)
    over = total(lines, None) - owed
    if not 0 <= over <= 2 * len(lines):  # each line rounds at most twice: its discount, its PPN
        return None
    for off in range(over + 1):
        discount = Discount.rupiah(off) if off else None
        if total(lines, discount) == owed:
            return Basket.of(lines, discount, _carried(now.approval, lines, discount))
    return None


def _carried(
    approval: Approval | None, lines: Iterable[LineItem], discount: Discount | None
) -> Approval | None:
    """``approval`` of a basket, over the discounts of ``lines`` split off it: narrowed to what
    they take, as :func:`stored_approval` is (None: they take nothing, or more than it covers)."""
    share = largest_discount_share(lines, discount)
    if approval is None or not share or not approval.covers(share):
        return None
    return Approval(approval.manager, share)


def scanned_since(before: Basket, now: Basket) -> list[LineItem] | None:
    """The items ``now`` holds beyond ``before``, at full price, even where a discount keeps
    them from being split off exactly (:func:`added_since`); None when ``now`` is not
    ``before`` plus items (a line gone, fewer of it, another price). What still needs paying
    once ``before`` is paid; its discount is for the cashier to give again."""
    pairs = _additions(before, now, discounts=False)
    if pairs is None:
        return None
    return [_added_part(was, _full_price(line)) for was, line in pairs]


def discounted_since(before: Basket, now: Basket) -> bool:
    """Whether a discount, on ``now`` or as ``before`` was charged (the basket's, or that of a
    line that grew), bears on the items ``now`` holds beyond ``before``: what
    :func:`scanned_since` leaves off them. Without one, items that cannot be split off exactly
    are off by PPN's rounding alone, and have no discount to give again."""
    pairs = _additions(before, now, discounts=False)
    if not pairs:
        return False
    grown = {line.sku for _, line in pairs}
    charged = [line for line in before if line.sku in grown]
    return (
        before.discount is not None
        or now.discount is not None
        or any(line.discount is not None for line in (*charged, *(line for _, line in pairs)))
    )


def _additions(
    before: Basket, now: Basket, *, discounts: bool = True
) -> list[tuple[LineItem | None, LineItem]] | None:
    """Each line of ``now`` with more in it than in ``before``, beside its line in ``before``
    (None: a line of its own); None when ``now`` is not ``before`` plus items. ``discounts``
    False: the lines are matched at full price, whatever discounts either basket has."""
    if discounts and before.discount != now.discount:
        return None
    same = _as_is if discounts else _full_price
    paid = {line.sku: same(line) for line in before if not line.labelled}
    labels = Counter(same(line) for line in before if line.labelled)
    added: list[tuple[LineItem | None, LineItem]] = []
    for line in now:
        if line.labelled:
            if labels[same(line)]:
                labels[same(line)] -= 1
            else:
                added.append((None, line))
            continue
        was = paid.pop(line.sku, None)
        if was is None:
            added.append((None, line))
        elif replace(was, quantity=line.quantity) != same(line) or line.quantity < was.quantity:
            return None
        elif line.quantity > was.quantity:
            added.append((was, line))
    if paid or any(labels.values()):
        return None
    return added


def _added_part(was: LineItem | None, line: LineItem) -> LineItem:
    return line if was is None else replace(line, quantity=line.quantity - was.quantity)


def _rest(was: LineItem | None, line: LineItem, total: BasketTotal) -> LineItem:
    """The items added to ``was`` (making ``line``), with the line's percentage taken as the
    rupiah it adds to the line's discount where that makes them cost, alone, what they add to
    the line: a rupiah either side of what the percentage would take. Else as they are."""
    rest = _added_part(was, line)
    if was is None or line.discount is None:
        return rest
    owed = total([line], None) - total([was], None)
    if total([rest], None) == owed:
        return rest
    gross, most = rest.line_total, line.discount.share(line.line_total)
    exact = line.discount.off(line.line_total) - line.discount.off(was.line_total)
    for off in (exact - 1, exact, exact + 1):
        if not 0 <= off <= gross:
            continue
        discount = Discount.rupiah(off) if off else None
        if discount is not None and discount.share(gross) > most:
            continue
        candidate = replace(rest, discount=discount)
        if total([candidate], None) == owed:
            return candidate
    return rest


def _as_is(line: LineItem) -> LineItem:
    return line


def _full_price(line: LineItem) -> LineItem:
    return replace(line, discount=None)
