"""A return as its receipt shows it: marked RETURN, with the returned sale's receipt number, the
items that came back and the money that went back, with the DPP and PPN in it per rate (what a
PKP shop's books and its customer's take back), so the slip leads back to both.

Rows under titles, like the reports (``reports/sections.py`` lays them out as HTML for the print
dialog and PDF), in the language the GUI chose.
"""

from datetime import datetime

from pos_app.domain.business_day import zone
from pos_app.domain.money import format_rupiah
from pos_app.domain.returns import ReturnMethod
from pos_app.domain.texts import N_, say
from pos_app.reports.sections import Section, sections_html
from pos_app.store.returns import Return

METHOD_NAMES = {
    ReturnMethod.CASH: N_("Cash"),
    ReturnMethod.WALLET: N_("DOKU Wallet (payout)"),
    ReturnMethod.OUTSIDE: N_("Refunded outside Kasir"),
}


def return_sections(returned: Return, *, time_zone: str, paid_back: bool = True) -> list[Section]:
    """The receipt's sections. Not ``paid_back`` (its wallet payout did not go out), the money
    shows as NOT PAID BACK, with no total, tax or way it went back: the screen or a PDF must not
    pass for proof of money the customer never got."""

    def local(moment: datetime) -> str:
        return moment.astimezone(zone(time_zone)).strftime("%d/%m/%Y %H:%M")

    heading = [
        (say(N_("Return")), f"#{returned.id}"),
        (say(N_("Original receipt")), returned.receipt_number),
        (say(N_("Business day")), returned.business_date.isoformat()),
        (say(N_("Time")), local(returned.created_at)),
        (say(N_("Till")), returned.terminal_id),
        (say(N_("Cashier")), returned.cashier),
        (say(N_("Approved by")), returned.approved_by),
    ]
    items = [
        (f"{line.quantity} × {line.name}", format_rupiah(-line.amount)) for line in returned.lines
    ]
    if paid_back:
        money = [(say(N_("TOTAL RETURNED")), format_rupiah(-returned.amount))]
        for rate in returned.rates():
            money.append((say(N_("DPP {rate}"), rate=rate.label()), format_rupiah(-rate.dpp)))
            money.append((say(N_("PPN {rate}"), rate=rate.label()), format_rupiah(-rate.ppn)))
        money.append((say(N_("Paid back")), say(METHOD_NAMES[returned.method])))
    else:
        money = [(say(N_("NOT PAID BACK")), format_rupiah(returned.amount))]
    if returned.payout_id is not None:
        money.append((say(N_("Payout")), returned.payout_id))
    if returned.redo_of is not None:
        money.append((say(N_("Pays back unpaid return")), f"#{returned.redo_of}"))
    if returned.reason:
        money.append((say(N_("Reason")), returned.reason))
    return [
        (say(N_("RETURN")), heading),
        (say(N_("Items returned")), items),
        (say(N_("Money back")), money),
    ]


def return_receipt_html(
    returned: Return, *, time_zone: str, shop_name: str = "", paid_back: bool = True
) -> str:
    """HTML for the screen, the print dialog and PDF."""
    sections = return_sections(returned, time_zone=time_zone, paid_back=paid_back)
    return sections_html(sections, shop_name=shop_name)
