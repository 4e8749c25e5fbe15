"""Receipts as HTML in a QTextDocument, shown in a :class:`DocumentPreview` for the system's
print dialog, a PDF or the receipt printer.

The receipt's model, :class:`~pos_app.till.receipts.ReceiptData`, lives in the core, which renders
the thermal printer's receipt from it too. A receipt printed again (F8 at the counter, Reprint in
the back office) says COPY, so it cannot pass for a second purchase, as does every output after
the first of a receipt shown as the original (:class:`~pos_app.till.receipts.PrintedReceipts`).
"""

import html
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from pos_app.domain.money import format_rupiah
from pos_app.gui.document_preview import DocumentPreview
from pos_app.reports.sections import indented_label
from pos_app.till.receipt_printer import ReceiptPrinter
from pos_app.till.receipts import (
    PrintedReceipts,
    ReceiptData,
    fact_rows,
    line_discount_row,
    payment_rows,
    sale_key,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Receipt", text)


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
    one (``printer``); reopen it with the same data to reprint. ``printed`` is the till's record
    of the receipts output (the printer's when there is one): once this receipt went out, by any
    of them, the preview and every later output say COPY."""

    def __init__(
        self,
        data: ReceiptData,
        parent: QWidget | None = None,
        *,
        printer: ReceiptPrinter | None = None,
        printed: PrintedReceipts | None = None,
    ) -> None:
        if printed is None:
            printed = PrintedReceipts() if printer is None else printer.printed
        shown = _next_output(data, printed)
        super().__init__(
            receipt_html(shown),
            title=(
                QCoreApplication.translate("ReceiptDialog", "Receipt (copy)")
                if data.copy
                else QCoreApplication.translate("ReceiptDialog", "Receipt")
            ),
            name="receiptText",
            pdf_name=_pdf_name(shown),
            parent=parent,
            to_receipt_printer=None if printer is None else partial(printer.print_receipt, data),
        )
        self.data = data
        self.printed = printed
        self.status.setObjectName("receiptStatus")

    def went_out(self) -> None:
        """What went out was the original, if none had: the preview, which is what Print… and
        the PDF give, is the COPY from now."""
        self.printed.add(sale_key(self.data))
        shown = _next_output(self.data, self.printed)
        self.preview.setHtml(receipt_html(shown))
        self.pdf_name = _pdf_name(shown)


def _next_output(data: ReceiptData, printed: PrintedReceipts) -> ReceiptData:
    """The receipt as it goes out next: a COPY once it went out."""
    return replace(data, copy=data.copy or sale_key(data) in printed)


def _pdf_name(data: ReceiptData) -> str:
    stamp = data.receipt_number or data.invoice_number or f"{data.local_time:%Y%m%d-%H%M%S}"
    return f"receipt-{stamp}{'-copy' if data.copy else ''}.pdf"
