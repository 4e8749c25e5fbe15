"""The receipt as a thermal printer's ticket, laid out for a 58 mm (32 columns) or 80 mm
(48 columns) roll from the same :class:`~pos_app.till.receipts.ReceiptData` as the HTML receipt;
a return's receipt from the same sections as its HTML; and the test page that shows a printer is
set up right."""

from datetime import datetime

from pos_app.domain.money import format_rupiah
from pos_app.domain.printer_address import COLUMNS
from pos_app.domain.texts import N_, say
from pos_app.printing.ticket import Align, Ticket, TicketLine, pair, rule
from pos_app.settings.terminal_config import ShopSettings
from pos_app.store.returns import Return
from pos_app.till.receipts import ReceiptData, fact_rows, line_discount_row, payment_rows
from pos_app.till.return_receipts import Payback, return_sections


def receipt_ticket(data: ReceiptData, width_mm: int, *, drawer: bool = False) -> Ticket:
    """The customer's receipt; ``drawer`` opens the cash drawer as it starts printing."""
    columns = COLUMNS[width_mm]

    def row(label: str, value: str, *, bold: bool = False, tall: bool = False) -> TicketLine:
        return TicketLine(_pair(label, value, columns), bold=bold, tall=tall)

    copy = _copy_mark(data.copy)
    lines = [
        *copy,
        TicketLine(data.shop_name, Align.CENTER, bold=True, tall=True),
        *(TicketLine(part, Align.CENTER) for part in data.shop_address.splitlines()),
        rule(columns),
    ]
    for index, item in enumerate(data.lines):
        quantity = f"  {item.quantity} × {format_rupiah(item.unit_price)}"
        lines += [TicketLine(item.name), row(quantity, format_rupiah(item.line_total))]
        lines += [row(*found) for found in [line_discount_row(data, index)] if found]
    lines.append(rule(columns))
    total = say(N_("TOTAL"))
    for label, value, strong in payment_rows(data):
        lines.append(row(label, value, bold=strong, tall=label == total))
    lines.append(rule(columns))
    lines += [row(label, value) for label, value in fact_rows(data)]
    lines += [TicketLine(), TicketLine(say(N_("Terima kasih / Thank you")), Align.CENTER), *copy]
    return Ticket(columns, tuple(lines), drawer=drawer)


def _pair(label: str, value: str, columns: int) -> str:
    """A row's label and its value at the right edge; a title (no value: the PPN of one basis
    above its DPP and PPN) alone, not padded to the edge."""
    return pair(label, value, columns) if value else label


def _copy_mark(copy: bool) -> list[TicketLine]:
    """COPY in large letters, at the top and the foot of a receipt printed again."""
    return [TicketLine(say(N_("COPY")), Align.CENTER, bold=True, tall=True)] if copy else []


def return_ticket(
    returned: Return,
    shop: ShopSettings,
    width_mm: int,
    *,
    time_zone: str,
    payback: Payback,
    copy: bool = False,
) -> Ticket:
    """A return's receipt: RETURN above and below in large letters (the first section's title),
    so the slip cannot pass for a sale's receipt; between them the return's sections: the original
    receipt number and who approved it, the items returned, how much money went back and how (or,
    a payout ecommpay has not confirmed, that it is on its way). ``copy``: printed again, COPY
    above and below that."""
    columns = COLUMNS[width_mm]
    (title, heading), *sections = return_sections(returned, time_zone=time_zone, payback=payback)
    marked = TicketLine(title, Align.CENTER, bold=True, tall=True)
    lines = [
        *_copy_mark(copy),
        marked,
        TicketLine(shop.name, Align.CENTER, bold=True, tall=True),
        *(TicketLine(part, Align.CENTER) for part in shop.address.splitlines()),
        rule(columns),
        *(TicketLine(pair(label, value, columns)) for label, value in heading),
    ]
    for title, rows in sections:
        lines += [rule(columns), TicketLine(title, bold=True)]
        lines += [TicketLine(_pair(label, value, columns)) for label, value in rows]
    lines += [rule(columns), marked, *_copy_mark(copy)]
    return Ticket(columns, tuple(lines))


def printer_test_page(shop_name: str, width_mm: int, now: datetime) -> Ticket:
    """A page that shows the roll's width (a ruler as wide as a row), the code page's letters
    and the shop's name, so whoever sets the printer up sees at once what is wrong."""
    columns = COLUMNS[width_mm]
    ruler = "".join(str(index % 10) for index in range(1, columns + 1))
    return Ticket(
        columns,
        (
            TicketLine(say(N_("Kasir printer test")), Align.CENTER, bold=True, tall=True),
            TicketLine(shop_name, Align.CENTER),
            TicketLine(ruler),
            TicketLine(
                say(
                    N_("{width} mm roll, {columns} characters a line"),
                    width=width_mm,
                    columns=columns,
                )
            ),
            TicketLine(pair("2 × " + format_rupiah(12_500), format_rupiah(25_000), columns)),
            TicketLine("àáâäçèéêëìíîïñòóôöùúûü ÀÉÑÖÜ"),
            TicketLine(now.strftime("%d/%m/%Y %H:%M")),
            TicketLine(ruler),
        ),
    )


def drawer_pulse(width_mm: int) -> Ticket:
    """Opens the cash drawer and prints nothing."""
    return Ticket(COLUMNS[width_mm], drawer=True, cut=False)
