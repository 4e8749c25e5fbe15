"""The discounts and the PPN per rate, tax class and basis of a set of sales, as their lines keep
them: what the Z report and the shift report total."""

from dataclasses import dataclass

from sqlite_utils import Database

from pos_app.domain.pricing import RateTotal
from pos_app.domain.tax import PpnBasis, TaxClass


@dataclass(frozen=True, slots=True)
class DiscountsAndTax:
    discount: int = 0
    rates: tuple[RateTotal, ...] = ()
    """Per PPN rate (highest first), tax class and basis; none when no PPN was charged."""

    @property
    def ppn(self) -> int:
        return sum(rate.ppn for rate in self.rates)


def _basis(line: str) -> str:
    """SQL: :func:`~pos_app.domain.tax.ppn_basis` of the sale or return line ``line``, from the
    same figures, so the reports split the PPN as the files' ``ppn_basis`` column does."""
    return (
        f"CASE WHEN {line}.tax_rate = 0 THEN '{PpnBasis.EXEMPT}' "
        f"WHEN coalesce({line}.dpp, 0) = 0 THEN NULL "
        f"WHEN {line}.dpp < {line}.amount - {line}.ppn THEN '{PpnBasis.NILAI_LAIN}' "
        f"ELSE '{PpnBasis.FULL}' END"
    )


def _class(line: str, tax_class: str) -> str:
    """SQL: the tax class ``tax_class`` of the sale line ``line`` (an alias of ``sale_lines`` or
    ``return_lines``) sold; a line sold before tax classes is exempt at 0 %, else standard, so it
    shares its row with the lines sold since."""
    return (
        f"coalesce({tax_class}, CASE WHEN {line}.tax_rate = 0 THEN '{TaxClass.EXEMPT}' "
        f"ELSE '{TaxClass.STANDARD}' END)"
    )


def discounts_and_tax(
    db: Database,
    where: str,
    params: list[object],
    returned: str | None = None,
    returned_params: list[object] | None = None,
) -> DiscountsAndTax:
    """Over the lines of the sales ``s`` that ``where`` (an SQL condition on ``s``) selects, less
    per rate, class and basis what the return lines ``rl`` of ``returned`` (an SQL ``FROM …
    WHERE …`` over the returns ``t``) gave back: returns take their PPN off on the day they
    count, as they take their money off, from the class of the line they bring back."""
    lines = f"FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE {where}"
    discount = db.execute(f"SELECT coalesce(sum(l.discount), 0) {lines}", params).fetchone()[0]
    query = (
        f"SELECT l.tax_rate AS tax_rate, {_class('l', 'l.tax_class')} AS tax_class, "
        f"{_basis('l')} AS basis, sum(l.amount) AS amount, coalesce(sum(l.dpp), 0) AS dpp, "
        f"sum(l.ppn) AS ppn {lines} AND l.tax_rate IS NOT NULL GROUP BY 1, 2, 3"
    )
    if returned is not None:
        sold_as = _class(
            "rl",
            "(SELECT sl.tax_class FROM sale_lines sl "
            "WHERE sl.sale_id = t.sale_id AND sl.line_no = rl.line_no)",
        )
        query = (
            "SELECT tax_rate, tax_class, basis, sum(amount), sum(dpp), sum(ppn) FROM ("
            f"{query} UNION ALL SELECT rl.tax_rate, {sold_as}, {_basis('rl')}, "
            f"-sum(rl.amount), -coalesce(sum(rl.dpp), 0), -sum(rl.ppn) {returned} "
            "AND rl.tax_rate IS NOT NULL GROUP BY 1, 2, 3"
            ") GROUP BY 1, 2, 3"
        )
        params = [*params, *(returned_params or [])]
    rates = tuple(
        RateTotal(
            rate,
            amount,
            dpp,
            ppn,
            None if tax_class is None else TaxClass(tax_class),
            None if basis is None else PpnBasis(basis),
        )
        for rate, tax_class, basis, amount, dpp, ppn in db.execute(
            f"{query} ORDER BY 1 DESC, 2 DESC, 3 DESC", params
        )
        if amount or dpp or ppn
    )
    return DiscountsAndTax(discount, rates)
