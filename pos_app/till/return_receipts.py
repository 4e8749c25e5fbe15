"""A return as its receipt shows it: marked RETURN, with its own number (which its rows in the
files carry) and the returned sale's receipt number, the items that came back and the money that
went back, with the DPP and PPN in it per rate, and per basis where a rate mixes them, as the
sale's receipt shows them (what a PKP shop's books and its customer's take back), so the slip
leads back to both. Money paid back by a wallet payout ecommpay has not yet confirmed paid is
shown as on its way, not as given back.

Rows under titles, like the reports (``reports/sections.py`` lays them out as HTML for the print
dialog and PDF), in the language the GUI chose.
"""

from datetime import datetime
from enum import Enum, auto

from pos_app.domain.business_day import zone
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.money import format_rupiah
from pos_app.domain.returns import ReturnMethod
from pos_app.domain.texts import N_, say
from pos_app.reports.sections import Section, sections_html
from pos_app.store.refunds import Refund
from pos_app.store.returns import Return, slip_number
from pos_app.till.receipts import ppn_rows

METHOD_NAMES = {
    ReturnMethod.CASH: N_("Cash"),
    ReturnMethod.WALLET: N_("DOKU Wallet (payout)"),
    ReturnMethod.OUTSIDE: N_("Refunded outside Kasir"),
}


class Payback(Enum):
    """Where a return's money stands when its receipt is made. A wallet return's payout taken by
    ecommpay is only asked for: its callback may still decline it, so a slip printed then must
    not say the customer was paid."""

    PAID = auto()
    """Given back: in cash, outside Kasir, or by a payout ecommpay paid."""
    PENDING = auto()
    """On its way: a payout ecommpay took (or whose answer was lost), not yet confirmed paid."""
    NOT_PAID = auto()
    """Not given back: the payout did not go out, or was declined."""

    @classmethod
    def of(cls, refund: Refund | None) -> "Payback":
        """As the return's refund stands now; no refund (cash, outside Kasir): paid at once."""
        if refund is None or refund.status is RefundStatus.PAID:
            return cls.PAID
        if refund.status is RefundStatus.PENDING:
            return cls.PENDING
        return cls.NOT_PAID


def return_sections(returned: Return, *, time_zone: str, payback: Payback) -> list[Section]:
    """The receipt's sections. A payout still ``PENDING`` shows what is TO BE PAID BACK and says
    it waits for ecommpay; one ``NOT_PAID`` shows the money as NOT PAID BACK, with no total, tax
    or way it went back: neither the slip, the screen nor a PDF may pass for proof of money the
    customer has not got."""

    def local(moment: datetime) -> str:
        return moment.astimezone(zone(time_zone)).strftime("%d/%m/%Y %H:%M")

    heading = [
        (say(N_("Return")), returned.number),
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
    method = say(METHOD_NAMES[returned.method])
    if payback is Payback.NOT_PAID:
        money = [(say(N_("NOT PAID BACK")), format_rupiah(returned.amount))]
    else:
        paid = payback is Payback.PAID
        total = N_("TOTAL RETURNED") if paid else N_("TO BE PAID BACK")
        money = [(say(total), format_rupiah(-returned.amount))]
        money += ppn_rows(returned.rates(), sign=-1)
        if paid:
            money.append((say(N_("Paid back")), method))
        else:
            pending = say(N_("{method}, pending ecommpay's confirmation"), method=method)
            money.append((say(N_("Paying back")), pending))
    if returned.payout_id is not None:
        money.append((say(N_("Payout")), returned.payout_id))
    if returned.redo_of is not None:
        redone = slip_number(returned.redo_of_number, returned.redo_of)
        money.append((say(N_("Pays back unpaid return")), redone))
    if returned.reason:
        money.append((say(N_("Reason")), returned.reason))
    return [
        (say(N_("RETURN")), heading),
        (say(N_("Items returned")), items),
        (say(N_("Money back")), money),
    ]


def return_receipt_html(
    returned: Return, *, time_zone: str, payback: Payback, shop_name: str = "", copy: bool = False
) -> str:
    """HTML for the screen, the print dialog and PDF; ``copy``: it went out once already."""
    sections = return_sections(returned, time_zone=time_zone, payback=payback)
    return sections_html(sections, shop_name=shop_name, mark=say(N_("COPY")) if copy else "")
