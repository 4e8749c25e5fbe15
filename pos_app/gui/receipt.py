"""Receipts: what was sold and how it was paid, as HTML in a QTextDocument; print or save as PDF.

:class:`ReceiptData` is Qt-free and may move to the core once the store builds receipts itself.
"""

import html
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.basket import LineItem
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah

ROLL_WIDTH_MM = 80.0
"""The common thermal receipt roll; a saved PDF is one page of this width."""
MARGIN_MM = 4.0
MIN_HEIGHT_MM = 60.0
MM_PER_INCH = 25.4
UNITS_PER_INCH = 96
"""The receipt document's layout unit is a CSS pixel."""
DEFAULT_TIME_ZONE = "Asia/Jakarta"


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """One completed sale as the customer's receipt shows it. ``paid_at`` is aware (UTC inside)."""

    shop_name: str
    shop_address: str
    lines: tuple[LineItem, ...]
    total: int
    tender: str
    paid_at: datetime
    invoice_number: str | None = None
    provider_reference: str | None = None
    received: int | None = None
    change: int | None = None
    time_zone: str = DEFAULT_TIME_ZONE

    def __post_init__(self) -> None:
        if self.paid_at.tzinfo is None:
            raise ValidationError("receipt paid_at must carry a time zone (UTC inside Kasir)")

    @property
    def local_time(self) -> datetime:
        return self.paid_at.astimezone(ZoneInfo(self.time_zone))


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
        for line in data.lines
    )
    payment = [
        row(_tr("TOTAL"), format_rupiah(data.total), strong=True),
        row(_tr("Paid by"), data.tender),
    ]
    if data.received is not None:
        payment.append(row(_tr("Received"), format_rupiah(data.received)))
    if data.change is not None:
        payment.append(row(_tr("Change"), format_rupiah(data.change)))
    facts = [row(_tr("Time"), data.local_time.strftime("%d/%m/%Y %H:%M"))]
    if data.invoice_number:
        facts.append(row(_tr("Invoice"), data.invoice_number))
    if data.provider_reference:
        facts.append(row(_tr("Reference"), data.provider_reference))
    address = "<br>".join(e(part) for part in data.shop_address.splitlines())
    table = "<table width='100%' cellspacing='0' cellpadding='1'>{}</table>"
    return (
        "<html><body>"
        f"<p align='center'><b style='font-size: large'>{e(data.shop_name)}</b><br>{address}</p>"
        "<hr>"
        + table.format(items)
        + "<hr>"
        + table.format("".join(payment))
        + "<hr>"
        + table.format("".join(facts))
        + f"<p align='center'>{e(_tr('Terima kasih / Thank you'))}</p>"
        "</body></html>"
    )


def receipt_document(data: ReceiptData) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(receipt_html(data))
    return document


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    """Print at natural size on the printer's page, a roll or a sheet, paginating if need be."""
    area = printer.pageLayout().paintRect(QPageLayout.Unit.Inch)
    laid_out = document.clone()
    laid_out.setPageSize(QSizeF(area.width() * UNITS_PER_INCH, area.height() * UNITS_PER_INCH))
    laid_out.print_(printer)


def save_pdf(document: QTextDocument, path: Path | str) -> None:
    """Write the receipt as one PDF page as wide as a receipt roll and as long as it needs."""
    text_width = (ROLL_WIDTH_MM - 2 * MARGIN_MM) / MM_PER_INCH * UNITS_PER_INCH
    measured = document.clone()
    measured.setTextWidth(text_width)
    text_height_mm = measured.size().height() / UNITS_PER_INCH * MM_PER_INCH
    height_mm = max(MIN_HEIGHT_MM, text_height_mm + 2 * MARGIN_MM + 1)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    page = QPageSize(QSizeF(ROLL_WIDTH_MM, height_mm), QPageSize.Unit.Millimeter, "receipt")
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    printer.setPageLayout(
        QPageLayout(page, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)
    )
    print_document(document, printer)
    if printer.printerState() == QPrinter.PrinterState.Error or not Path(path).is_file():
        raise OSError(f"could not write the receipt PDF to {path}")


class ReceiptDialog(QDialog):
    """Shows a receipt with Print and Save as PDF; reopen it with the same data to reprint."""

    def __init__(self, data: ReceiptData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Receipt"))
        self.data = data
        self.document = receipt_document(data)
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        """Outlives the print dialog, which only points at it, and keeps its settings."""
        self._print_dialog: QPrintDialog | None = None
        self.preview = QTextBrowser()
        self.preview.setDocument(self.document)
        self.preview.setMinimumSize(360, 480)
        self.print_button = QPushButton(self.tr("Print (Ctrl+P)"))
        self.print_button.setShortcut("Ctrl+P")
        self.pdf_button = QPushButton(self.tr("Save as PDF"))
        close = QPushButton(self.tr("Close (Esc)"))
        for button in (self.print_button, self.pdf_button, close):
            button.setMinimumHeight(48)
            button.setAutoDefault(False)
        self.status = QLabel()
        self.status.setObjectName("receiptStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self._print)
        self.pdf_button.clicked.connect(self._ask_pdf_path)
        close.clicked.connect(self.reject)

    def _print(self) -> None:
        if self._print_dialog is None:
            self._print_dialog = QPrintDialog(self._printer, self)
            self._print_dialog.accepted.connect(
                lambda: print_document(self.document, self._printer)
            )
        _open_window_modal(self._print_dialog)

    def _ask_pdf_path(self) -> None:
        stamp = self.data.invoice_number or f"{self.data.local_time:%Y%m%d-%H%M%S}"
        dialog = QFileDialog(
            self, self.tr("Save receipt as PDF"), f"receipt-{stamp}.pdf", self.tr("PDF (*.pdf)")
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.save_to)
        _open_window_modal(dialog)

    def save_to(self, path: str) -> None:
        try:
            save_pdf(self.document, path)
        except OSError as exc:
            self.status.setText(self.tr("Could not save the PDF: {error}").format(error=exc))
        else:
            self.status.setText(self.tr("Saved to {path}").format(path=path))


def _open_window_modal(dialog: QDialog) -> None:
    """``QDialog.open()``, which PySide hides behind the (receiver, member) overload of these."""
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
