"""A document made for people (a receipt, a shift report, a return receipt) on screen, with
Print…, Save as PDF… and, when the till has one, its receipt printer: one dialog, so every such
document prints and saves the same way."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pos_app.gui.document_output import DocumentOutput


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentPreview", text)


class DocumentPreview(QDialog):
    """``html`` shown in ``preview`` (named ``name``); ``pdf_name`` is the file name offered;
    ``to_receipt_printer`` queues the document's ticket on the thermal printer (its answer comes
    as the counter's notice, not here). A subclass whose document goes out once as an original
    hears each output in :meth:`went_out`."""

    def __init__(
        self,
        html: str,
        *,
        title: str,
        name: str,
        pdf_name: str,
        parent: QWidget | None = None,
        to_receipt_printer: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.pdf_name = pdf_name
        self.preview = QTextBrowser()
        self.preview.setObjectName(name)
        self.preview.setHtml(html)
        self.preview.setMinimumSize(360, 480)
        self.document = self.preview.document()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.output = DocumentOutput(self, self._going_out, self._said)
        self.to_receipt_printer = to_receipt_printer
        self.print_button = QPushButton(_tr("Print… (Ctrl+P)"))
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(self.output.print)
        self.thermal_button = QPushButton(_tr("Receipt printer"))
        self.thermal_button.setVisible(to_receipt_printer is not None)
        self.thermal_button.clicked.connect(self.print_on_receipt_printer)
        self.pdf_button = QPushButton(_tr("Save as PDF…"))
        self.pdf_button.clicked.connect(
            lambda: self.output.ask_pdf(_tr("Save as PDF"), self.pdf_name)
        )
        close = QPushButton(_tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.thermal_button, self.pdf_button, close):
            button.setMinimumHeight(48)
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.insertStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._room_for_status()

    def _room_for_status(self) -> None:
        """Tall enough for the status's wrapped lines beside the preview's minimum: a top-level
        window takes its height from size hints, which count one line of a wrapping label."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    def print_on_receipt_printer(self) -> None:
        assert self.to_receipt_printer is not None
        self.to_receipt_printer()
        self.went_out()
        self._said(_tr("Sent to the receipt printer."), False)

    def went_out(self) -> None:
        """The document was printed, saved or sent to the receipt printer: a document that
        may go out once as an original (a receipt) shows what goes out next."""

    def _going_out(self) -> QTextDocument:
        """The document as it is printed or saved now; the next output may differ."""
        document = self.document.clone()
        self.went_out()
        return document

    def save_to(self, path: str) -> None:
        self.output.save_pdf(path)

    def _said(self, text: str, _error: bool) -> None:
        self.status.setText(text)
        self._room_for_status()
