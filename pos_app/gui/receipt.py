"""Receipts as HTML in a QTextDocument, shown in a :class:`DocumentPreview` for the system's
print dialog, a PDF or the receipt printer.

The receipt's model, :class:`~pos_app.till.receipts.ReceiptData`, and its HTML
(:func:`~pos_app.till.receipts.receipt_html`) live in the core, which renders the thermal printer's
receipt from it too. A receipt printed again (F8 at the counter, Reprint in
the back office) says COPY, so it cannot pass for a second purchase, as does every output after
the first of a receipt shown as the original (:class:`~pos_app.till.receipts.PrintedReceipts`).
"""

from dataclasses import replace
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from pos_app.gui.document_preview import DocumentPreview
from pos_app.till.receipt_printer import ReceiptPrinter
from pos_app.till.receipts import PrintedReceipts, ReceiptData, receipt_html, sale_key


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
