"""What a basket costs: discounts, then DPP and PPN, line by line. The one computation the screen,
the store (which keeps its result with the sale), the payment's line items, the receipt and the
reports all rely on; docs/tax.md gives the rules.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pos_app.domain.basket import LineItem
from pos_app.domain.discounts import Discount, percent_text, spread
from pos_app.domain.tax import PpnBasis, TaxClass, TaxPolicy, line_tax, ppn_basis


@dataclass(frozen=True, slots=True)
class PricedLine:
    item: LineItem
    line_discount: int
    """Taken off by the line's own discount."""
    basket_discount: int
    """This line's share of the basket's discount."""
    tax_rate: int | None
    """Basis points of the PPN rate; None when the shop charges no PPN (0: exempt)."""
    dpp: int | None
    ppn: int
    amount: int
    """What the customer pays for the line."""

    @property
    def discount(self) -> int:
        return self.line_discount + self.basket_discount

    @property
    def net(self) -> int:
        """The line's price after its discounts, as entered (with or without PPN)."""
        return self.item.line_total - self.discount


@dataclass(frozen=True, slots=True)
class RateTotal:
    """The lines of one PPN rate: what they cost, their DPP and their PPN. A report splits a rate
    by tax class and basis too (the accountant reports the DPP nilai lain apart), and so does a
    receipt whose goods of one rate were taxed on more than one (:func:`basis_totals`)."""

    tax_rate: int
    amount: int
    dpp: int
    ppn: int
    tax_class: TaxClass | None = None
    """The products' tax class; None where not split by class (per rate alone, a close before)."""
    basis: PpnBasis | None = None
    """What the PPN was figured on (:func:`~pos_app.domain.tax.ppn_basis`); None where not split,
    or where the lines hold no DPP to tell by."""

    def label(self) -> str:
        return f"{percent_text(self.tax_rate)}%"

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values, as a closed day and a closed shift keep their figures."""
        return {
            "tax_rate": self.tax_rate,
            "amount": self.amount,
            "dpp": self.dpp,
            "ppn": self.ppn,
            "tax_class": None if self.tax_class is None else self.tax_class.value,
            "basis": None if self.basis is None else self.basis.value,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "RateTotal":
        """As :meth:`to_json` wrote it; one kept before rates were split has no class or basis."""
        tax_class, basis = data.get("tax_class"), data.get("basis")
        return cls(
            data["tax_rate"],
            data["amount"],
            data["dpp"],
            data["ppn"],
            None if tax_class is None else TaxClass(tax_class),
            None if basis is None else PpnBasis(basis),
        )


@dataclass(frozen=True, slots=True)
class PricedSale:
    lines: tuple[PricedLine, ...]
    discount: Discount | None = None
    """The basket's discount as given."""
    tax_included: bool = True
    """Whether the prices were entered with PPN in them."""

    @property
    def gross(self) -> int:
        return sum(line.item.line_total for line in self.lines)

    @property
    def line_discounts(self) -> int:
        return sum(line.line_discount for line in self.lines)

    @property
    def basket_discount(self) -> int:
        return sum(line.basket_discount for line in self.lines)

    @property
    def discount_total(self) -> int:
        return self.line_discounts + self.basket_discount

    @property
    def ppn(self) -> int:
        return sum(line.ppn for line in self.lines)

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    def rates(self, *, by_basis: bool = False) -> list[RateTotal]:
        """Per PPN rate, highest first; empty when the shop charges no PPN. ``by_basis``: per
        tax class and basis too, as the reports split them (:func:`basis_totals`)."""
        if by_basis:
            return basis_totals(
                (line.tax_rate, line.amount, line.dpp or 0, line.ppn, line.item.tax_class)
                for line in self.lines
                if line.tax_rate is not None
            )
        return rate_totals(
            (line.tax_rate, line.amount, line.dpp or 0, line.ppn)
            for line in self.lines
            if line.tax_rate is not None
        )


def rate_totals(rows: Iterable[tuple[int, int, int, int]]) -> list[RateTotal]:
    """Add up (rate, amount, dpp, ppn) rows per rate, highest rate first."""
    return _added(RateTotal(*row) for row in rows)


def basis_totals(rows: Iterable[tuple[int, int, int, int, TaxClass]]) -> list[RateTotal]:
    """Add up (rate, amount, dpp, ppn, tax class) rows per rate, class and basis, each row's basis
    read from its own figures (:func:`~pos_app.domain.tax.ppn_basis`): as the Z report splits
    them (``store/sale_totals.py``), in its order."""
    return _added(
        RateTotal(rate, amount, dpp, ppn, tax_class, ppn_basis(rate, amount, dpp, ppn))
        for rate, amount, dpp, ppn, tax_class in rows
    )


def _added(lines: Iterable[RateTotal]) -> list[RateTotal]:
    """``lines`` of one rate, class and basis added up: highest rate first, then class and basis
    as the reports order them (descending, none last)."""
    totals: dict[tuple[int, TaxClass | None, PpnBasis | None], tuple[int, int, int]] = {}
    for line in lines:
        key = (line.tax_rate, line.tax_class, line.basis)
        amount, dpp, ppn = totals.get(key, (0, 0, 0))
        totals[key] = (amount + line.amount, dpp + line.dpp, ppn + line.ppn)
    order = sorted(totals, key=lambda key: (key[0], key[1] or "", key[2] or ""), reverse=True)
    return [RateTotal(rate, *totals[rate, kind, basis], kind, basis) for rate, kind, basis in order]


def price_sale(
    items: Sequence[LineItem],
    *,
    discount: Discount | None = None,
    tax: TaxPolicy,
    day: date,
) -> PricedSale:
    """Each line's own discount first; then the basket's, taken off what the lines come to after
    theirs and spread over them in proportion (:func:`spread`, so the shares add up exactly);
    then each line's DPP and PPN at its tax class's rate on ``day``."""
    line_discounts = [item.discount.off(item.line_total) if item.discount else 0 for item in items]
    nets = [item.line_total - off for item, off in zip(items, line_discounts, strict=True)]
    basket_off = discount.off(sum(nets)) if discount else 0
    shares = spread(basket_off, nets)
    lines = []
    for item, line_off, share, net in zip(items, line_discounts, shares, nets, strict=True):
        rate = tax.rate(item.tax_class, day)
        if rate is None:
            lines.append(PricedLine(item, line_off, share, None, None, 0, net - share))
            continue
        taxed = line_tax(net - share, rate, included=tax.prices_include_tax)
        lines.append(
            PricedLine(item, line_off, share, rate.basis_points, taxed.dpp, taxed.ppn, taxed.amount)
        )
    return PricedSale(tuple(lines), discount, tax.prices_include_tax)


def payment_lines(sale: PricedSale) -> tuple[LineItem, ...]:
    """Line items for a provider that wants Σ price x quantity to equal the amount (DOKU): a line
    whose amount its quantity does not divide becomes two items of the same name, one priced a
    rupiah above the other, so unit prices differ by at most a rupiah and the sum is exact.
    Items that come to Rp 0 (a line given away, or worth less than a rupiah an item) are left
    out: an order line of Rp 0 is no payment, and the sum stays exact without it."""
    out: list[LineItem] = []
    for line in sale.lines:
        item = line.item
        price, rest = divmod(line.amount, item.quantity)
        if price and item.quantity - rest:
            out.append(LineItem(item.sku, item.name, price, item.quantity - rest))
        if rest:
            out.append(LineItem(item.sku, item.name, price + 1, rest))
    return tuple(out)
