"""The counter's receipts: each completed sale's to the printer and on screen, F8 for a copy.

A QR sale's receipt waits for its payment dialog to go, so the two are never on screen
together; a cash sale's shows at once. The last one is kept for the dialog that closes after
it; F8 reads the last completed sale from the store, so a restart does not forget it.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt

from pos_app.gui.main_window import MainWindow
from pos_app.gui.receipt import ReceiptDialog
from pos_app.gui.tasks import TaskRunner
from pos_app.store.sales import Sale
from pos_app.till.receipts import PrintedReceipts, ReceiptData, receipt_data
from pos_app.till.terminal import Terminal


def _tr(text: str) -> str:
    """A text of this module (pylupdate reads a translating function only where it is defined)."""
    return QCoreApplication.translate("Receipts", text)


class Receipts:
    """Receipts over ``window``; ``back_to_scanning()`` once one is closed, and
    ``payment_shown()`` says whether a QR payment dialog is still up."""

    def __init__(
        self,
        terminal: Terminal,
        runner: TaskRunner,
        window: MainWindow,
        *,
        back_to_scanning: Callable[[], None],
        payment_shown: Callable[[], bool],
    ) -> None:
        self._terminal = terminal
        self._runner = runner
        self._window = window
        self._back_to_scanning = back_to_scanning
        self._payment_shown = payment_shown
        self._last: tuple[int, ReceiptData] | None = None
        """The last completed sale's id and receipt."""
        self._due: int | None = None
        """The QR sale whose receipt shows once its payment dialog is gone."""
        printer = terminal.printer
        self._printed = PrintedReceipts() if printer is None else printer.printed
        """The receipts output: the printer's record when the till has one, so its prints and
        the dialog's are one record."""

    def reprint_last(self) -> None:
        """F8: the last sale this terminal completed, read from the store (so a restart does not
        forget it), printed again as a COPY."""
        store, terminal_id = self._terminal.store, self._terminal.checkout.terminal_id
        self._runner.run(lambda: store.sales.last_completed(terminal_id), self._reprint)

    def completed(self, sale: Sale) -> ReceiptData:
        """A completed sale's receipt: to the printer, and kept as the last."""
        data = receipt_data(sale, self._terminal.settings)
        self._to_printer(data)
        self._last = (sale.id, data)
        return data

    def show(self, data: ReceiptData) -> None:
        dialog = ReceiptDialog(
            data, self._window, printer=self._terminal.printer, printed=self._printed
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._window.panel.forward_typing(dialog.preview)
        dialog.finished.connect(lambda _result: self._back_to_scanning())
        dialog.open()

    def paid_by_qr(self, sale_id: int) -> None:
        """A QR sale is paid: its receipt is read from the store, and shown once its payment
        dialog is gone (:meth:`payment_closed`)."""
        self._due = sale_id
        store = self._terminal.store
        self._runner.run(lambda: store.sales.get(sale_id), self._ready)

    def payment_closed(self) -> None:
        """The paid QR's dialog went: the receipt shows if it is here already."""
        if self._last and self._due == self._last[0]:
            self._due = None
            self.show(self._last[1])

    def _reprint(self, sale: Sale | None) -> None:
        if sale is None:
            self._window.show_message(_tr("No receipt to reprint yet."))
            return
        self.show(receipt_data(sale, self._terminal.settings, copy=True))

    def _ready(self, sale: Sale) -> None:
        data = self.completed(sale)
        if self._due == sale.id and not self._payment_shown():
            self._due = None
            self.show(data)

    def _to_printer(self, data: ReceiptData) -> None:
        """The receipt printer's part of a completed sale: the drawer opens for cash, the receipt
        prints if the shop wants; queued, so nothing here waits for the printer."""
        if self._terminal.printer is not None:
            self._terminal.printer.sale_completed(data)
