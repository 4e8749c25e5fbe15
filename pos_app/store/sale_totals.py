"""The discounts and the PPN per rate of a set of sales, as their lines keep them: what the Z
report and the shift report total."""

from dataclasses import dataclass

from sqlite_utils import Database

from pos_app.domain.pricing import RateTotal


@dataclass(frozen=True, slots=True)
class DiscountsAndTax:
    discount: int = 0
    rates: tuple[RateTotal, ...] = ()
    """Per PPN rate, highest first; none when no PPN was charged."""

    @property
    def ppn(self) -> int:
        return sum(rate.ppn for rate in self.rates)


def discounts_and_tax(
    db: Database,
    where: str,
    params: list[object],
    returned: str | None = None,
    returned_params: list[object] | None = None,
) -> DiscountsAndTax:
    """Over the lines of the sales ``s`` that ``where`` (an SQL condition on ``s``) selects, less
    per rate what the return lines ``rl`` of ``returned`` (an SQL ``FROM … WHERE …``) gave back:
    returns take their PPN off on the day they count, as they take their money off."""
    lines = f"FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE {where}"
    discount = db.execute(f"SELECT coalesce(sum(l.discount), 0) {lines}", params).fetchone()[0]
    query = (
        "SELECT l.tax_rate AS tax_rate, sum(l.amount) AS amount, coalesce(sum(l.dpp), 0) AS dpp, "
        f"sum(l.ppn) AS ppn {lines} "
        "AND l.tax_rate IS NOT NULL GROUP BY l.tax_rate"
    )
    if returned is not None:
        query = (
            "SELECT tax_rate, sum(amount), sum(dpp), sum(ppn) FROM ("
            f"{query} UNION ALL SELECT rl.tax_rate, -sum(rl.amount), -coalesce(sum(rl.dpp), 0), "
            f"-sum(rl.ppn) {returned} AND rl.tax_rate IS NOT NULL GROUP BY rl.tax_rate"
            ") GROUP BY tax_rate"
        )
        params = [*params, *(returned_params or [])]
    rates = tuple(
        RateTotal(*row)
        for row in db.execute(f"{query} ORDER BY tax_rate DESC", params)
        if any(row[1:])
    )
    return DiscountsAndTax(discount, rates)
