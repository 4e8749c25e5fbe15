"""The rows the Z report and the shift report both show for discounts and PPN."""

from pos_app.domain.money import format_rupiah
from pos_app.domain.texts import N_, say
from pos_app.store.sale_totals import DiscountsAndTax


def discount_rows(totals: DiscountsAndTax) -> list[tuple[str, str]]:
    """The discounts given (when any), then per PPN rate the sales at it, their DPP and PPN."""
    rows = []
    if totals.discount:
        rows.append((say(N_("Discounts")), format_rupiah(-totals.discount)))
    for rate in totals.rates:
        rows += [
            (say(N_("Sales at PPN {rate}"), rate=rate.label()), format_rupiah(rate.amount)),
            ("  " + say(N_("DPP")), format_rupiah(rate.dpp)),
            ("  " + say(N_("PPN")), format_rupiah(rate.ppn)),
        ]
    return rows
