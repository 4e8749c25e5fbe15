"""A cashier's shift as a report: who and when, then the drawer from the opening float to the count.

Shown on screen when the shift closes, printed, or saved as PDF, in the language the GUI chose.
"""

from datetime import datetime

from pos_app.domain.business_day import zone
from pos_app.domain.money import format_rupiah
from pos_app.domain.texts import N_, say
from pos_app.reports.discount_rows import discount_rows
from pos_app.reports.sections import Section, sections_html
from pos_app.store.shifts import Shift


def shift_sections(shift: Shift, *, time_zone: str) -> list[Section]:
    """The shift as titled sections of (label, value) rows, times in the shop's zone."""
    shop_zone = zone(time_zone)

    def local(moment: datetime, form: str = "%d/%m/%Y %H:%M") -> str:
        return moment.astimezone(shop_zone).strftime(form)

    heading = [
        (say(N_("Cashier")), shift.cashier),
        (say(N_("Till")), shift.terminal_id),
        (say(N_("Business day")), shift.business_date.isoformat()),
        (say(N_("Opened")), local(shift.opened_at)),
        (
            say(N_("Closed")),
            say(N_("still open")) if shift.closed_at is None else local(shift.closed_at),
        ),
    ]
    if shift.closed_by is not None and shift.closed_by != shift.cashier:
        heading.append((say(N_("Counted by")), shift.closed_by))
    drawer = [
        (say(N_("Opening float")), format_rupiah(shift.opening_float)),
        (
            say(N_("Cash sales ({count})"), count=shift.cash_sales_count),
            format_rupiah(shift.cash_sales),
        ),
        (say(N_("Cash in")), format_rupiah(shift.cash_in)),
    ]
    drawer += [
        (f"  {local(move.at, '%H:%M')} {move.reason}", format_rupiah(move.amount))
        for move in shift.moves
        if move.amount > 0
    ]
    drawer.append((say(N_("Cash out")), format_rupiah(-shift.cash_out)))
    drawer += [
        (f"  {local(move.at, '%H:%M')} {move.reason}", format_rupiah(move.amount))
        for move in shift.moves
        if move.amount < 0
    ]
    if shift.cash_returns:
        drawer.append((say(N_("Cash returns")), format_rupiah(-shift.cash_returns)))
    drawer.append((say(N_("Expected cash")), format_rupiah(shift.expected_cash)))
    if shift.counted is not None:
        drawer += [
            (f"  {value} x {pieces}", format_rupiah(value * pieces))
            for value, pieces in shift.counted.pieces()
            if pieces
        ]
        drawer += [
            (say(N_("Counted cash")), format_rupiah(shift.counted.total)),
            (say(N_("Difference")), format_rupiah(shift.difference or 0)),
        ]
    sections = [(say(N_("SHIFT REPORT")), heading), (say(N_("Cash drawer")), drawer)]
    sales = discount_rows(shift.discounts)
    if sales:
        sections.append((say(N_("Discounts and PPN")), sales))
    return sections


def render_shift_html(shift: Shift, *, time_zone: str, shop_name: str = "") -> str:
    """HTML for the screen, print preview and PDF."""
    return sections_html(shift_sections(shift, time_zone=time_zone), shop_name=shop_name)
