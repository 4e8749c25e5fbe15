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
from pos_app.till.receipt_printer import ReceiptPrinter
from pos_app.till.receipts import ReceiptData, fact_rows, line_discount_row, payment_rows


def _tr(text: str) -> str:
    return QCoreApplication.translate("Receipt", text)


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
    payment = [row(label, value, strong=strong) for label, value, strong in payment_rows(data)]
    facts = [row(label, value) for label, value in fact_rows(data)]
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
