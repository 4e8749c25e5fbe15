"""The receipt printer's fields in the setup wizard and the back office: where the printer is
(its kind, then its address), and "Print test page", which prints on the printer the fields
describe before they are saved."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from pos_app.domain.errors import KasirError
from pos_app.domain.printer_address import PrinterAddress, PrinterKind
from pos_app.gui.tasks import TaskRunner
from pos_app.settings.printer_settings import PrinterSettings
from pos_app.till.receipt_printer import print_test_page_now

NO_PRINTER = ""
PREFIXES = {PrinterKind.NETWORK: "tcp://", PrinterKind.USB: "usb://", PrinterKind.SERIAL: "serial:"}
"""What the settings file writes before the address typed for each kind."""


class PrinterAddressEdit(QWidget):
    """A kind (none, network, USB, serial) and the address in that kind's form."""

    def __init__(self, address: PrinterAddress | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setObjectName("printerKind")
        for kind in (NO_PRINTER, *PREFIXES):
            self.kind.addItem("", kind)
        self.where = QLineEdit()
        self.where.setObjectName("printerWhere")
        self.set_address(address)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.where, 1)
        self.kind.currentIndexChanged.connect(self.retranslate)

    def set_address(self, address: PrinterAddress | None) -> None:
        if address is not None:
            self.kind.setCurrentIndex(self.kind.findData(address.kind))
            self.where.setText(str(address).removeprefix(PREFIXES[address.kind]))

    def address(self) -> str:
        """The ``printer.address`` setting; empty for no printer."""
        kind, typed = self.kind.currentData(), self.where.text().strip()
        return PREFIXES[kind] + typed if kind and typed else ""

    def retranslate(self) -> None:
        names = {
            NO_PRINTER: self.tr("None: the print dialog and PDF only"),
            PrinterKind.NETWORK: self.tr("Network (TCP 9100)"),
            PrinterKind.USB: self.tr("USB"),
            PrinterKind.SERIAL: self.tr("Serial port"),
        }
        for index in range(self.kind.count()):
            self.kind.setItemText(index, names[self.kind.itemData(index)])
        hints = {
            NO_PRINTER: "",
            PrinterKind.NETWORK: self.tr("address[:port], e.g. 192.168.1.50:9100"),
            PrinterKind.USB: self.tr("vendor:product ids from lsusb, e.g. 04b8:0202"),
            PrinterKind.SERIAL: self.tr("device, e.g. /dev/ttyUSB0 or COM3"),
        }
        self.where.setPlaceholderText(hints[self.kind.currentData()])
        self.where.setEnabled(bool(self.kind.currentData()))


class PrintTestPage(QWidget):
    """Prints the test page on the printer ``printer()`` describes (a worker waits for the
    printer's answer), and says what came of it."""

    def __init__(
        self,
        printer: Callable[[], PrinterSettings],
        shop_name: Callable[[], str],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._printer = printer
        self._shop_name = shop_name
        self._runner = runner
        self.button = QPushButton()
        self.button.setObjectName("printTestPage")
        self.result = QLabel()
        self.result.setObjectName("testPageResult")
        self.result.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.result, 1)
        self.button.clicked.connect(self.print_test_page)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Print test page"))

    def print_test_page(self) -> None:
        try:
            printer = self._printer()
        except KasirError as error:
            self.result.setText(str(error))
            return
        shop_name, now = self._shop_name(), datetime.now().astimezone()
        self.button.setEnabled(False)
        self.result.setText(self.tr("Printing…"))
        self._runner.run(
            lambda: print_test_page_now(printer, shop_name, now), self._printed, self._failed
        )

    def _printed(self, _: None) -> None:
        self.button.setEnabled(True)
        self.result.setText(self.tr("The printer took the test page."))

    def _failed(self, error: Exception) -> None:
        self.button.setEnabled(True)
        self.result.setText(str(error))
