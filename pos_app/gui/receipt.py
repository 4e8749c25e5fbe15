"""Receipts as HTML in a QTextDocument, shown in a :class:`DocumentPreview` for the system's
print dialog, a PDF or the receipt printer.

The receipt's model, :class:`~pos_app.till.receipts.ReceiptData`, lives in the core, which renders
the thermal printer's receipt from it too. A receipt printed again (F8 at the counter, Reprint in
the back office) says COPY, so it cannot pass for a second purchase.
"""

import html
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from pos_app.domain.money import format_rupiah
from pos_app.gui.document_preview import DocumentPreview
from pos_app.store.sales import Tender
from pos_app.till.receipt_printer import ReceiptPrinter
from pos_app.till.receipts import ReceiptData, line_discount_row, subtotal_rows, tax_rows


def _tr(text: str) -> str:
    return QCoreApplication.translate("Receipt", text)


def tender_name(data: ReceiptData) -> str:
    """What the sale was paid with, in the receipt's words."""
    if data.tender is Tender.CASH:
        return _tr("Cash")
    return data.wallet or _tr("QR")


def receipt_html(data: ReceiptData) -> str:
    """The receipt as Qt rich text: one column, amounts right-aligned."""
    e = html.escape

    def row(label: str, value: str, *, strong: bool = False) -> str:
        cells = f"<td>{e(label)}</td><td align='right'>{e(value)}</td>"
        return f"<tr style='font-weight: bold'>{cells}</tr>" if strong else f"<tr>{cells}</tr>"

    items = "".join(
        f"<tr><td colspan='2'>{e(line.name)}</td></tr>"
        + row(f"{line.quantity} × {format_rupiah(line.unit_price)}", format_rupiah(line.line_total))
        + "".join(row(*found) for found in [line_discount_row(data, index)] if found)
        for index, line in enumerate(data.lines)
    )
    payment = [
        *(row(*found) for found in subtotal_rows(data)),
        row(_tr("TOTAL"), format_rupiah(data.total), strong=True),
        *(row(*found) for found in tax_rows(data)),
        row(_tr("Paid by"), tender_name(data)),
    ]
    if data.received is not None:
        payment.append(row(_tr("Received"), format_rupiah(data.received)))
    if data.change is not None:
        payment.append(row(_tr("Change"), format_rupiah(data.change)))
    facts = []
    if data.receipt_number:
        facts.append(row(_tr("Receipt no."), data.receipt_number))
    if data.cashier:
        facts.append(row(_tr("Cashier"), data.cashier))
    if data.terminal_id:
        facts.append(row(_tr("Terminal"), data.terminal_id))
    if data.business_date is not None:
        facts.append(row(_tr("Business day"), data.business_date.strftime("%d/%m/%Y")))
    facts.append(row(_tr("Time"), data.local_time.strftime("%d/%m/%Y %H:%M")))
    if data.invoice_number:
        facts.append(row(_tr("Invoice"), data.invoice_number))
    if data.provider_reference:
        facts.append(row(_tr("Reference"), data.provider_reference))
    address = "<br>".join(e(part) for part in data.shop_address.splitlines())
    table = "<table width='100%' cellspacing='0' cellpadding='1'>{}</table>"
    copy = f"<p align='center'><b style='font-size: x-large'>{e(_tr('COPY'))}</b></p>"
    return (
        "<html><body>"
        + (copy if data.copy else "")
        + f"<p align='center'><b style='font-size: large'>{e(data.shop_name)}</b><br>{address}</p>"
        "<hr>"
        + table.format(items)
        + "<hr>"
        + table.format("".join(payment))
        + "<hr>"
        + table.format("".join(facts))
        + f"<p align='center'>{e(_tr('Terima kasih / Thank you'))}</p>"
        + (copy if data.copy else "")
        + "</body></html>"
    )


def receipt_document(data: ReceiptData) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(receipt_html(data))
    return document


class ReceiptDialog(DocumentPreview):
    """Shows a receipt with Print and Save as PDF, and with the shop's receipt printer if it has
    one (``printer``); reopen it with the same data to reprint."""

    def __init__(
        self,
        data: ReceiptData,
        parent: QWidget | None = None,
        *,
        printer: ReceiptPrinter | None = None,
    ) -> None:
        stamp = data.receipt_number or data.invoice_number or f"{data.local_time:%Y%m%d-%H%M%S}"
        super().__init__(
            receipt_html(data),
            title=(
                QCoreApplication.translate("ReceiptDialog", "Receipt (copy)")
                if data.copy
                else QCoreApplication.translate("ReceiptDialog", "Receipt")
            ),
            name="receiptText",
            pdf_name=f"receipt-{stamp}{'-copy' if data.copy else ''}.pdf",
            parent=parent,
            to_receipt_printer=None if printer is None else partial(printer.print_receipt, data),
        )
        self.data = data
        self.status.setObjectName("receiptStatus")
