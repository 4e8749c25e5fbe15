"""The receipt printer's answers at the counter: a notice when a job did not print, and a status
bar button that prints the kept receipts again once the printer is back.

The print queue answers on its own thread; the answers come to the GUI thread through a queued
signal, so the counter never waits for the printer and never touches a widget off its thread.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QPushButton

from pos_app.printing.print_queue import PrintResult
from pos_app.till.receipt_printer import ReceiptPrinter


class PrinterStatus(QObject):
    """``notice`` carries each failure in words; :attr:`button` shows while receipts are kept."""

    notice = Signal(str)
    _result = Signal(object)

    def __init__(self, printer: ReceiptPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self.button = QPushButton()
        self.button.setObjectName("printKept")
        self.button.setStyleSheet("QPushButton { background: #fff3cd; color: #5c4400; }")
        self.button.hide()
        self.button.clicked.connect(self.print_kept)
        self._result.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = printer.subscribe(self._result.emit)

    def print_kept(self) -> None:
        """Queue the kept receipts again (memory only: the printing is the queue's)."""
        self.printer.print_kept()
        self.button.hide()

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    @Slot(object)
    def _show(self, result: PrintResult) -> None:
        kept = len(self.printer.queue.kept)
        self.button.setText(self.tr("Print kept receipts ({count})").format(count=kept))
        self.button.setVisible(kept > 0)
        if result.error is None:
            return
        if result.job.paper:
            text = self.tr(
                'Not printed ({what}): {error}. The receipt is kept: press "Print kept '
                'receipts" once the printer is ready.'
            )
        else:
            text = self.tr("The cash drawer did not open: {error}.")
        self.notice.emit(text.format(what=result.job.what, error=result.error))
