"""The rows the Z report and the shift report both show for discounts and PPN."""

from pos_app.domain.money import format_rupiah
from pos_app.domain.pricing import RateTotal
from pos_app.domain.tax import PpnBasis, TaxClass
from pos_app.domain.texts import N_, Text, say
from pos_app.store.sale_totals import DiscountsAndTax


def discount_rows(totals: DiscountsAndTax) -> list[tuple[str, str]]:
    """The discounts given (when any), then per PPN rate, tax class and basis the sales at it,
    their DPP and PPN."""
    rows = []
    if totals.discount:
        rows.append((say(N_("Discounts")), format_rupiah(-totals.discount)))
    for rate in totals.rates:
        rows += [
            (_sales_label(rate), format_rupiah(rate.amount)),
            ("  " + say(N_("DPP")), format_rupiah(rate.dpp)),
            ("  " + say(N_("PPN")), format_rupiah(rate.ppn)),
        ]
    return rows


def _sales_label(rate: RateTotal) -> str:
    """``Sales at PPN 12% (DPP nilai lain)``, ``Sales at PPN 12% (other rate)``, ``Sales exempt
    from PPN``: the PPN return reports sales on a DPP nilai lain apart from those on the whole
    price (luxury goods at 12 %, the class at the other rate). A close kept before rates were split
    by class: ``Sales at PPN 12%``, as it printed then."""
    if rate.tax_class is TaxClass.EXEMPT:
        return say(N_("Sales exempt from PPN"))
    note = basis_note(rate)
    if note is None:
        return say(N_("Sales at PPN {rate}"), rate=rate.label())
    return say(N_("Sales at PPN {rate} ({note})"), rate=rate.label(), note=Text(note))


def basis_note(rate: RateTotal) -> str | None:
    """What sets a rate's goods of one tax class and basis apart from the others at that rate,
    marked for translation (``DPP nilai lain``, ``other rate``, ``other rate, DPP nilai lain``);
    None for the standard class on the whole price, and where not split, which the rate names
    alone. The reports' rows and the receipts' say the same."""
    nilai_lain = rate.basis is PpnBasis.NILAI_LAIN
    if rate.tax_class is TaxClass.OTHER:
        return N_("other rate, DPP nilai lain") if nilai_lain else N_("other rate")
    return N_("DPP nilai lain") if nilai_lain else None
