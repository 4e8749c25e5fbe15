"""Print… and Save as PDF… of a document made for people (a receipt, a shift or Z report, a return
receipt): one way for every window that shows one, so they all print and save alike.

A saved PDF is one page as wide as a receipt roll and as long as the document needs; printing uses
the page the print dialog chose, a roll or a sheet.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from pos_app.gui.dialogs import choose_file

ROLL_WIDTH_MM = 80.0
"""The common thermal receipt roll; a saved PDF is one page of this width."""
MARGIN_MM = 4.0
MIN_HEIGHT_MM = 60.0
MM_PER_INCH = 25.4
UNITS_PER_INCH = 96
"""A document's layout unit is a CSS pixel."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentPreview", text)


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    """Print at natural size on the printer's page, a roll or a sheet, paginating if need be."""
    area = printer.pageLayout().paintRect(QPageLayout.Unit.Inch)
    laid_out = document.clone()
    laid_out.setPageSize(QSizeF(area.width() * UNITS_PER_INCH, area.height() * UNITS_PER_INCH))
    laid_out.print_(printer)


def save_pdf(document: QTextDocument, path: Path | str) -> None:
    """Write the document as one PDF page as wide as a receipt roll and as long as it needs."""
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
        raise OSError(f"could not write the PDF to {path}")


class DocumentOutput:
    """Prints ``document()`` through the system's print dialog or saves it as a PDF, from
    ``window``; ``say(text, error)`` shows how saving went. The dialogs are window-modal (no
    nested event loop), and the printer outlives them so its settings are kept for the next print.
    """

    def __init__(
        self,
        window: QWidget,
        document: Callable[[], QTextDocument],
        say: Callable[[str, bool], None],
    ) -> None:
        self.window = window
        self.document = document
        self.say = say
        self._printer: QPrinter | None = None

    def print(self) -> None:
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer = self._printer
        dialog = QPrintDialog(printer, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: print_document(self.document(), printer))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def ask_pdf(self, title: str, file_name: str) -> None:
        pdf = _tr("PDF (*.pdf)")
        choose_file(self.window, title, file_name, pdf, self.save_pdf, save=True, suffix="pdf")

    def save_pdf(self, path: str) -> None:
        try:
            save_pdf(self.document(), path)
        except OSError as error:
            self.say(_tr("Could not save the PDF: {error}").format(error=error), True)
        else:
            self.say(_tr("Saved to {path}").format(path=path), False)
