"""A completed sale as its receipt shows it: one Qt-free model for every way a receipt is printed.

The HTML receipt (print dialog, PDF; :func:`receipt_html`) and the thermal ESC/POS receipt are
both rendered from :class:`ReceiptData`, so a field added here reaches each of them. Every receipt
names the sale's receipt number, cashier, terminal, business day and time (shop time zone), so a
customer's receipt leads back to its sale; one printed again says COPY, so it cannot pass for a
second purchase.
:class:`PrintedReceipts` is the one record of which receipts (sales' and returns') went out.
"""

import html
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby
from zoneinfo import ZoneInfo

from pos_app.domain.basket import LineItem
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah
from pos_app.domain.pricing import PricedLine, PricedSale, RateTotal
from pos_app.domain.texts import N_, Text, say
from pos_app.reports.discount_rows import basis_note
from pos_app.reports.sections import copy_mark_html, indented_label
from pos_app.settings.terminal_config import Settings
from pos_app.store.returns import Return
from pos_app.store.sales import Sale, Tender

DEFAULT_TIME_ZONE = "Asia/Jakarta"


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """One completed sale as the customer's receipt shows it. ``paid_at`` is aware (UTC inside).

    ``wallet`` names what a QR sale was paid with ("DOKU Wallet"); each renderer names cash and a
    QR payment of unknown provider in its own language.
    """

    shop_name: str
    shop_address: str
    lines: tuple[LineItem, ...]
    total: int
    tender: Tender
    paid_at: datetime
    wallet: str | None = None
    invoice_number: str | None = None
    provider_reference: str | None = None
    received: int | None = None
    change: int | None = None
    time_zone: str = DEFAULT_TIME_ZONE
    receipt_number: str | None = None
    cashier: str = ""
    terminal_id: str = ""
    business_date: date | None = None
    copy: bool = False
    """Printed again, not the customer's first receipt."""
    priced: PricedSale | None = None
    """The discounts and PPN of the sale (``None``: a receipt with neither)."""

    def __post_init__(self) -> None:
        if self.paid_at.tzinfo is None:
            raise ValidationError("receipt paid_at must carry a time zone (UTC inside Kasir)")

    @property
    def local_time(self) -> datetime:
        return self.paid_at.astimezone(ZoneInfo(self.time_zone))


def receipt_data(sale: Sale, settings: Settings, *, copy: bool = False) -> ReceiptData:
    """The receipt of a completed sale, with the shop's name, address and time zone."""
    cash = sale.tender is Tender.CASH
    wallet = None
    if not cash and sale.provider is not None:
        wallet = sale.provider.wallet_label
    return ReceiptData(
        shop_name=settings.shop.name,
        shop_address=settings.shop.address,
        lines=sale.lines,
        total=sale.total,
        tender=Tender.CASH if cash else Tender.QR,
        paid_at=sale.completed_at or sale.created_at,
        wallet=wallet,
        invoice_number=sale.invoice_number,
        provider_reference=sale.payment_reference,
        received=sale.cash_received,
        change=sale.change_due,
        time_zone=settings.timezone.key,
        receipt_number=sale.receipt_number,
        cashier=sale.cashier,
        terminal_id=sale.terminal_id,
        business_date=sale.business_date,
        copy=copy,
        priced=sale.priced,
    )


def sale_key(data: ReceiptData) -> str:
    """A sale's receipt in :class:`PrintedReceipts`: by its number."""
    return f"sale {data.receipt_number or data.invoice_number or ''}"


def return_key(returned: Return) -> str:
    """A return's receipt in :class:`PrintedReceipts`."""
    return f"return {returned.id}"


class PrintedReceipts:
    """The receipts this till has output, on its receipt printer, through the print dialog or
    as a PDF: the first output of each is its original, every later one says COPY, so neither a
    customer nor a tax inspector can hold two originals of one sale or return.

    In memory, as nothing but the process that completed a sale or made a return outputs its
    original (the receipt printed by itself then, the receipt shown then); after a restart every
    way to a receipt asks for a COPY (F8, Reprint in the back office), and a return's receipt
    is not shown again. Locked: a return's receipt prints from a worker thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._keys: set[str] = set()

    def __contains__(self, key: str) -> bool:
        with self._lock:
            return key in self._keys

    def add(self, key: str) -> None:
        """``key``'s receipt went out."""
        with self._lock:
            self._keys.add(key)

    def first(self, key: str) -> bool:
        """``key``'s receipt goes out now: whether it is the first time (the original)."""
        with self._lock:
            new = key not in self._keys
            self._keys.add(key)
            return new


Row = tuple[str, str]
"""A label and its amount, in the language the GUI chose; each renderer lays them out."""


def line_discount_row(data: ReceiptData, index: int) -> Row | None:
    """Under line ``index``: its own discount, if it has one."""
    if data.priced is None:
        return None
    line: PricedLine = data.priced.lines[index]
    if line.item.discount is None or not line.line_discount:
        return None
    label = say(N_("Discount {discount}"), discount=line.item.discount.label())
    return f"  {label}", format_rupiah(-line.line_discount)


def subtotal_rows(data: ReceiptData) -> list[Row]:
    """Between the lines and the TOTAL: the basket's discount off the subtotal, and the PPN
    added to prices entered without it."""
    priced = data.priced
    if priced is None:
        return []
    added = [rate for rate in priced.rates() if rate.ppn] if not priced.tax_included else []
    rows: list[Row] = []
    if priced.basket_discount or added:
        rows.append((say(N_("Subtotal")), format_rupiah(priced.gross - priced.line_discounts)))
    if priced.discount is not None and priced.basket_discount:
        label = say(N_("Basket discount {discount}"), discount=priced.discount.label())
        rows.append((label, format_rupiah(-priced.basket_discount)))
    rows += [(say(N_("PPN {rate}"), rate=rate.label()), format_rupiah(rate.ppn)) for rate in added]
    return rows


def tax_rows(data: ReceiptData) -> list[Row]:
    """Under the TOTAL when PPN was charged: that prices include it (and how much), then each
    rate's DPP and its PPN (:func:`ppn_rows`); exempt lines (0 %) add nothing here."""
    priced = data.priced
    if priced is None or not any(rate.tax_rate for rate in priced.rates()):
        return []
    rows: list[Row] = []
    if priced.tax_included:
        rows.append((say(N_("Harga sudah termasuk PPN")), format_rupiah(priced.ppn)))
    return rows + ppn_rows(priced.rates(by_basis=True), ppn_above=not priced.tax_included)


def ppn_rows(rates: Iterable[RateTotal], *, sign: int = 1, ppn_above: bool = False) -> list[Row]:
    """Each PPN rate's DPP and its PPN, times ``sign`` (-1: what a return gives back); exempt
    lines (0 %) add nothing. ``rates`` are split by tax class and basis, highest rate first (a
    sale's :meth:`~pos_app.domain.pricing.PricedSale.rates` by basis, a return's).

    A rate whose goods were all taxed one way shows ``DPP 12%`` and ``PPN 12%`` (not the PPN when
    ``ppn_above``: added to prices without it, it is above the TOTAL), as receipts always did. One
    that mixes ways (ordinary goods on a DPP nilai lain of 11/12, luxury goods on the whole price)
    shows each way as the Z report names it, a title and under it that way's DPP and PPN, so no
    row holds both a long name and an amount: a 58 mm roll's 32 characters fit them."""
    rows: list[Row] = []
    for _rate, same_rate in groupby(
        (rate for rate in rates if rate.tax_rate), key=lambda rate: rate.tax_rate
    ):
        parts = list(same_rate)
        ways = [part for part in parts if part.amount or part.dpp or part.ppn]
        if len(ways) > 1:
            for way in ways:
                rows += [
                    (_way_title(way), ""),
                    ("  " + say(N_("DPP")), format_rupiah(sign * way.dpp)),
                    ("  " + say(N_("PPN")), format_rupiah(sign * way.ppn)),
                ]
            continue
        label = parts[0].label()
        dpp, ppn = sum(part.dpp for part in parts), sum(part.ppn for part in parts)
        rows.append((say(N_("DPP {rate}"), rate=label), format_rupiah(sign * dpp)))
        if not ppn_above:
            rows.append((say(N_("PPN {rate}"), rate=label), format_rupiah(sign * ppn)))
    return rows


def _way_title(way: RateTotal) -> str:
    """``PPN 12% (DPP nilai lain)``, ``PPN 12% (other rate)``: in the words of the Z report's rows
    (:func:`~pos_app.reports.discount_rows.basis_note`)."""
    note = basis_note(way)
    if note is None:
        return say(N_("PPN {rate}"), rate=way.label())
    return say(N_("PPN {rate} ({note})"), rate=way.label(), note=Text(note))


def payment_rows(data: ReceiptData) -> list[tuple[str, str, bool]]:
    """Under the items, with whether the row stands out: the discounts and PPN above the TOTAL,
    the TOTAL, the PPN it includes, how it was paid, the cash received and the change."""
    rows = [(label, value, False) for label, value in subtotal_rows(data)]
    rows.append((say(N_("TOTAL")), format_rupiah(data.total), True))
    rows += [(label, value, False) for label, value in tax_rows(data)]
    rows.append((say(N_("Paid by")), tender_text(data), False))
    if data.received is not None:
        rows.append((say(N_("Received")), format_rupiah(data.received), False))
    if data.change is not None:
        rows.append((say(N_("Change")), format_rupiah(data.change), True))
    return rows


def fact_rows(data: ReceiptData) -> list[Row]:
    """At the foot: which receipt, who, where and when, and the payment's invoice and
    reference; what the sale has not is left out."""
    facts = [
        (N_("Receipt no."), data.receipt_number),
        (N_("Cashier"), data.cashier),
        (N_("Terminal"), data.terminal_id),
        (N_("Business day"), data.business_date and data.business_date.strftime("%d/%m/%Y")),
        (N_("Time"), data.local_time.strftime("%d/%m/%Y %H:%M")),
        (N_("Invoice"), data.invoice_number),
        (N_("Reference"), data.provider_reference),
    ]
    return [(say(label), value) for label, value in facts if value]


def tender_text(data: ReceiptData) -> str:
    """What the sale was paid with, in the receipt's words."""
    if data.tender is Tender.CASH:
        return say(N_("Cash"))
    return data.wallet or say(N_("QR"))


def receipt_html(data: ReceiptData) -> str:
    """The receipt as Qt rich text: one column, amounts right-aligned."""
    e = html.escape

    def row(label: str, value: str, *, strong: bool = False) -> str:
        cells = f"<td>{indented_label(label)}</td><td align='right'>{e(value)}</td>"
        return f"<tr style='font-weight: bold'>{cells}</tr>" if strong else f"<tr>{cells}</tr>"

    items = "".join(
        f"<tr><td colspan='2'>{e(line.name)}</td></tr>"
        + row(f"{line.quantity} × {format_rupiah(line.unit_price)}", format_rupiah(line.line_total))
        + "".join(row(*found) for found in [line_discount_row(data, index)] if found)
        for index, line in enumerate(data.lines)
    )
    payment = [row(label, value, strong=strong) for label, value, strong in payment_rows(data)]
    facts = [row(label, value) for label, value in fact_rows(data)]
    address = "<br>".join(e(part) for part in data.shop_address.splitlines())
    table = "<table width='100%' cellspacing='0' cellpadding='1'>{}</table>"
    copy = copy_mark_html(say(N_("COPY"))) if data.copy else ""
    return (
        "<html><body>"
        + copy
        + f"<p align='center'><b style='font-size: large'>{e(data.shop_name)}</b><br>{address}</p>"
        "<hr>"
        + table.format(items)
        + "<hr>"
        + table.format("".join(payment))
        + "<hr>"
        + table.format("".join(facts))
        + f"<p align='center'>{e(say(N_('Terima kasih / Thank you')))}</p>"
        + copy
        + "</body></html>"
    )
