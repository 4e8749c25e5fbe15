"""What the till prints on its receipt printer, and when: the receipt after a sale when the shop
wants it, a copy on request, a return's receipt, the cash drawer's pulse on cash (never on a QR
payment), a test page.

Every job goes through a :class:`~pos_app.printing.print_queue.PrintQueue`, so none of this waits
for the printer; the drawer's pulse is a job of its own, ahead of the receipt, so a drawer opens
even with the paper out, and a receipt printed later never opens it again.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial

from pos_app.domain.errors import ValidationError
from pos_app.domain.returns import ReturnMethod
from pos_app.domain.texts import N_, Text
from pos_app.printing.device import send
from pos_app.printing.print_queue import Listener, PrintJob, PrintQueue
from pos_app.printing.ticket import escpos_bytes
from pos_app.settings.terminal_config import PrinterSettings, ShopSettings
from pos_app.store.returns import Return
from pos_app.store.sales import Tender
from pos_app.till.receipts import PrintedReceipts, ReceiptData, return_key, sale_key
from pos_app.till.return_receipts import Payback
from pos_app.till.thermal_receipt import (
    drawer_pulse,
    printer_test_page,
    receipt_ticket,
    return_ticket,
)


class ReceiptPrinter:
    def __init__(self, settings: PrinterSettings, queue: PrintQueue) -> None:
        self.settings = settings
        self.queue = queue
        self.printed = PrintedReceipts()
        """The till's record of the receipts output, queued here or printed from their dialog:
        one asked for again prints as a COPY."""

    def sale_completed(self, data: ReceiptData) -> None:
        """A sale was paid: the drawer opens for cash, the receipt prints if the shop wants."""
        if data.tender is Tender.CASH:
            self.cash_moved()
        if self.settings.auto_print:
            self.print_receipt(data)

    def print_receipt(self, data: ReceiptData) -> None:
        """The receipt, never with the drawer's pulse; a COPY if ``data`` says so or if it went
        out before (printed by itself after the sale, "Receipt printer" pressed before, printed
        or saved from its dialog), so a second original cannot pass for a second purchase."""
        number = data.receipt_number or data.invoice_number or ""
        if not self.printed.first(sale_key(data)):
            data = replace(data, copy=True)
        what = Text(N_("receipt {number}"), number=number)
        self.queue.submit(PrintJob(what, receipt_ticket(data, self.settings.width)))

    def return_made(
        self, returned: Return, shop: ShopSettings, *, time_zone: str, payback: Payback
    ) -> None:
        """A return was written: the drawer opens for a cash refund, and its receipt prints if
        the shop wants receipts printed by themselves, as after a sale, saying where its money
        stands then (``payback``: a wallet payout just sent is pending)."""
        if returned.method is ReturnMethod.CASH:
            self.cash_moved()
        if self.settings.auto_print:
            self.print_return(returned, shop, time_zone=time_zone, payback=payback)

    def print_return(
        self, returned: Return, shop: ShopSettings, *, time_zone: str, payback: Payback
    ) -> None:
        """The return's receipt, never with the drawer's pulse; a COPY once it went out, as a
        sale's receipt."""
        what = Text(N_("return receipt {number}"), number=returned.number)
        copy = not self.printed.first(return_key(returned))
        ticket = return_ticket(
            returned, shop, self.settings.width, time_zone=time_zone, payback=payback, copy=copy
        )
        self.queue.submit(PrintJob(what, ticket))

    def cash_moved(self) -> None:
        """Cash went into or out of the drawer (a cash sale, a cash refund): open it, if the shop
        has one on the printer."""
        if self.settings.drawer:
            self.open_drawer()

    def open_drawer(self) -> None:
        """The pulse alone ("Open drawer": the caller audits who asked)."""
        pulse = drawer_pulse(self.settings.width)
        self.queue.submit(PrintJob(Text(N_("cash drawer")), pulse, paper=False))

    def print_kept(self) -> int:
        return self.queue.print_kept()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        return self.queue.subscribe(listener)

    def close(self, timeout: float | None = None) -> bool:
        return self.queue.close(timeout)


def print_test_page_now(settings: PrinterSettings, shop_name: str, now: datetime) -> None:
    """The test page straight to the printer, not through a queue: the settings screens (on a
    worker thread) and ``pos-app printer test`` wait for the printer's answer to show it."""
    if settings.address is None:
        raise ValidationError(N_("no receipt printer is set up: give its address"))
    send(settings.address, escpos_bytes(printer_test_page(shop_name, settings.width, now)))


def open_receipt_printer(settings: PrinterSettings) -> ReceiptPrinter | None:
    """The shop's receipt printer, with its queue running; None without one set."""
    if settings.address is None:
        return None
    return ReceiptPrinter(settings, PrintQueue(partial(send, settings.address)))
