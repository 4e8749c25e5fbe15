"""The README's screenshots, taken from the real demo terminal under a real X server.

A developer's tool, not part of the product or of the tests. It starts the demo terminal over a
temporary folder at 1366×768, once per language, and drives it with key presses and clicks as a
cashier and a manager would: sign-in, the opening float, a basket, a cash sale with change, a QR
sale paid with the sandbox's Pay button, the shift counted to close (F5), the back office's
detail of the QR sale (F10), and its product editor with a new product's barcode scanned in. Each
window is grabbed to ``docs/screenshots/<name>.png`` (English) and ``<name>-id.png`` (Indonesian).

Qt's offscreen platform draws with other fonts and metrics than a desktop does, so the pictures
are taken through Qt's xcb platform on Xvfb::

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python \\
        packaging/screenshots.py

``--language en`` or ``--language id`` takes one language only (each language runs in a process
of its own: texts are translated when a widget is built); ``--only NAME …`` writes only those
pictures (the whole tour still runs, as each stop needs the ones before it).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import httpx
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QSpinBox, QWidget

from pos_app.gui.app import TerminalApp, application
from pos_app.gui.back_office.entry import ManagerSignIn
from pos_app.gui.back_office.sale_detail import SaleDetailDialog
from pos_app.gui.back_office.window import BackOfficeWindow
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.i18n import use_language
from pos_app.gui.receipt import ReceiptDialog
from pos_app.gui.shift_dialogs import OpenShiftDialog, ShiftDialog
from pos_app.payments.model import AttemptState
from pos_app.settings.languages import LANGUAGES
from pos_app.settings.terminal_config import Settings
from pos_app.till.terminal import open_terminal

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
WIDTH, HEIGHT = 1366, 768
TIMEOUT = 15.0
SETTLE_MS = 300
"""Time for a window just shown to be laid out and painted before it is grabbed."""
CASHIER_PIN, MANAGER_PIN = "1111", "9999"
BASKET = ("2*8991000079191", "8991000158384", "8991000554339")
"""Indomie Goreng ×2, Indomie Soto Mie, Teh Botol Sosro: Rp 15.800."""
QR_BASKET = ("3*8991000079191", "8991000554339")
"""Indomie Goreng ×3, Teh Botol Sosro: Rp 16.000."""
RECEIVED = "50.000"
OPENING_FLOAT = "200.000"
DRAWER = {100_000: 2, 10_000: 1, 5_000: 1, 500: 1}
"""Rp 215.500 counted against the Rp 215.800 expected (float and the cash sale): Rp 300 short."""
PAYMENTS_TAB = 2
"""The sale detail's tab with the QR payment and its events from the terminal and the relay."""
NEW_PRODUCT = ("04252614", "Soda Kaleng 330ml", "Minuman", "8.000")
"""A can's UPC-E scanned into the editor's barcode field, then its name, category and price."""
NAMES = (
    "sign-in",
    "cashier",
    "customer-display-change",
    "payment-qr",
    "customer-display",
    "shift-close",
    "sale-detail",
    "product-editor",
)

W = TypeVar("W", bound=QWidget)


def wait(condition: Callable[[], bool], what: str) -> None:
    """Run the event loop until ``condition`` holds; a tick wakes it to check the deadline."""
    deadline = time.monotonic() + TIMEOUT
    tick = QTimer()
    tick.start(50)
    try:
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what} did not happen within {TIMEOUT:g} s")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        tick.stop()


def settle() -> None:
    """Let layouts, posted events and the first paints of what was just shown go through."""
    deadline = time.monotonic() + SETTLE_MS / 1000
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def modal(kind: type[W]) -> W:
    """The window-modal dialog of ``kind`` the app opened, once it is the active one."""
    wait(lambda: isinstance(QApplication.activeModalWidget(), kind), f"a {kind.__name__}")
    widget = QApplication.activeModalWidget()
    assert isinstance(widget, kind)
    return widget


def top_level(kind: type[W]) -> W:
    """The visible top-level window of ``kind``."""

    def shown() -> W | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                return widget
        return None

    wait(lambda: shown() is not None, f"a {kind.__name__}")
    widget = shown()
    assert widget is not None
    return widget


def press(key: Qt.Key) -> None:
    """A key on whatever has the focus, as a keyboard sends it, once a window has the keyboard
    (activating a window after a dialog opens or closes is asynchronous)."""

    def settled() -> bool:
        active, shown = QApplication.activeWindow(), QApplication.activeModalWidget()
        return active is not None and shown in (None, active)

    wait(settled, "a window with the keyboard")
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    QTest.keyClick(target, key)


def type_into(widget: QWidget, text: str, *, enter: bool = False) -> None:
    QTest.keyClicks(widget, text)
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)


class Tour:
    """One language's walk through a demo terminal, a screenshot at each stop."""

    def __init__(self, language: str, app: TerminalApp, wanted: frozenset[str]) -> None:
        self.language = language
        self.app = app
        self.wanted = wanted
        assert app.display is not None
        self.display = app.display
        self.qr_sale_id: int | None = None

    def grab(self, widget: QWidget, name: str) -> None:
        if name not in self.wanted:
            return
        settle()
        suffix = "" if self.language == "en" else f"-{self.language}"
        path = SCREENSHOTS / f"{name}{suffix}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        print(f"{path.relative_to(SCREENSHOTS.parent.parent)}: {widget.width()}×{widget.height()}")

    def scan(self, code: str) -> None:
        """What a barcode scanner does: the code typed into the scan line, then Enter."""
        panel = self.app.window.panel
        wait(panel.input.hasFocus, "the scan line ready")
        type_into(panel.input, code, enter=True)
        wait(lambda: panel.settled, f"{code} in the basket")

    def sign_in(self) -> None:
        """The sign-in page; the cashier's PIN, then the opening float asked after it."""
        app = self.app
        wait(lambda: QApplication.activeWindow() is app.shell, "the terminal's window active")
        self.grab(app.shell, "sign-in")
        type_into(app.sign_in.pin, CASHIER_PIN, enter=True)
        opening = modal(OpenShiftDialog)
        opening.opening_float.selectAll()
        type_into(opening.opening_float, OPENING_FLOAT, enter=True)
        wait(lambda: app.shifts.shift is not None, "the shift open")
        wait(lambda: QApplication.activeModalWidget() is None, "the float asked")

    def cash_sale(self) -> None:
        """A basket on the cashier screen, paid in cash: the change on the customer display."""
        for code in BASKET:
            self.scan(code)
        self.grab(self.app.shell, "cashier")
        press(Qt.Key.Key_F9)
        cash = modal(CashDialog)
        type_into(cash.received_input, RECEIVED, enter=True)
        receipt = modal(ReceiptDialog)
        display = self.display
        wait(lambda: display.pages.currentWidget() is display.change, "the change shown")
        self.grab(display, "customer-display-change")
        press(Qt.Key.Key_Escape)
        wait(lambda: not receipt.isVisible(), "the receipt closed")

    def qr_sale(self) -> None:
        """F12, the QR on both screens, then the sandbox page's Pay button."""
        for code in QR_BASKET:
            self.scan(code)
        press(Qt.Key.Key_F12)
        controller = self.app.controller
        wait(
            lambda: (
                controller.payment is not None
                and controller.payment.attempt is not None
                and controller.payment.dialog.isVisible()
            ),
            "the QR shown",
        )
        payment = controller.payment
        assert payment is not None and payment.attempt is not None
        self.qr_sale_id = payment.attempt.sale_id
        self.grab(payment.dialog, "payment-qr")
        self.grab(self.display, "customer-display")
        embedded = self.app.terminal.embedded
        assert embedded is not None
        pay = f"{embedded.sandbox.url}/_sandbox/pay/{payment.attempt.invoice_number}"
        httpx.post(pay, timeout=5).raise_for_status()
        wait(lambda: payment.dialog.state is AttemptState.PAID, "the QR paid")
        press(Qt.Key.Key_Return)
        receipt = modal(ReceiptDialog)
        press(Qt.Key.Key_Escape)
        wait(lambda: not receipt.isVisible(), "the receipt closed")

    def shift_count(self) -> None:
        """F5: the drawer counted note by note, Rp 300 short of what it should hold."""
        press(Qt.Key.Key_F5)
        shift = modal(ShiftDialog)
        wait(lambda: shift.shift.cash_sales_count == 1 and not shift.busy, "the shift's figures")
        for value, pieces in DRAWER.items():
            count: QSpinBox = shift.count.pieces[value]
            count.setFocus()
            count.selectAll()
            type_into(count, str(pieces))
        self.grab(shift, "shift-close")
        press(Qt.Key.Key_Escape)
        wait(lambda: not shift.isVisible(), "the shift dialog closed")

    def sale_detail(self) -> None:
        """F10 with the manager's PIN; the QR sale opened from the Sales tab, at its payments."""
        press(Qt.Key.Key_F10)
        sign_in = modal(ManagerSignIn)
        wait(sign_in.pad.pin.isEnabled, "the managers listed")
        type_into(sign_in.pad.pin, MANAGER_PIN, enter=True)
        office = top_level(BackOfficeWindow)
        sales = office.sales
        office.show_tab(sales)
        rows = sales.sales
        wait(lambda: sales.loaded and rows.rowCount() == 2, "the day's two sales")
        [qr_row] = [
            row
            for row in range(rows.rowCount())
            if int(rows.data(rows.index(row, 1))) == self.qr_sale_id
        ]
        view = sales.sales_view
        row_rect = view.visualRect(rows.index(qr_row, 2))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
        wait(sales.open_button.isEnabled, "a sale chosen")
        QTest.mouseClick(sales.open_button, Qt.MouseButton.LeftButton)
        detail = modal(SaleDetailDialog)
        wait(lambda: detail.detail is not None, "the sale's detail")
        tabs = detail.tabs.tabBar()
        QTest.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(PAYMENTS_TAB).center())
        wait(lambda: detail.tabs.currentIndex() == PAYMENTS_TAB, "the sale's payments")
        self.grab(detail, "sale-detail")
        press(Qt.Key.Key_Escape)
        wait(lambda: not detail.isVisible(), "the sale's detail closed")

    def product_editor(self) -> None:
        """The back office's Products tab: a new product, its barcode scanned into the field."""
        office = top_level(BackOfficeWindow)
        products = office.products
        office.show_tab(products)
        wait(lambda: products.loaded and products.products.rowCount() > 0, "the products listed")
        new = products.findChild(QPushButton, "newProduct")
        QTest.mouseClick(new, Qt.MouseButton.LeftButton)
        barcode, name, category, price = NEW_PRODUCT
        type_into(products.barcode, barcode, enter=True)
        type_into(products.name, name)
        products.sku.setText("SODA-330")
        products.category.setCurrentText(category)
        type_into(products.price, price)
        self.grab(office, "product-editor")


def take(language: str, folder: Path, wanted: frozenset[str]) -> None:
    """The ``wanted`` screenshots in ``language``, from a fresh demo terminal in ``folder``."""
    use_language(application(), language)
    terminal = open_terminal(Settings(language=language), folder / "demo.db", demo=True)
    app = TerminalApp(terminal)
    try:
        app.shell.resize(WIDTH, HEIGHT)
        app.start()
        app.shell.move(0, 0)
        tour = Tour(language, app, wanted)
        tour.sign_in()
        tour.cash_sale()
        tour.qr_sale()
        tour.shift_count()
        tour.sale_detail()
        tour.product_editor()
    finally:
        app.close()
        terminal.close()
        settle()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--language", choices=LANGUAGES, help="one language only")
    parser.add_argument("--only", nargs="+", choices=NAMES, help="write these pictures only")
    args = parser.parse_args()
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        parser.error("the screenshots are taken through Qt's xcb platform: QT_QPA_PLATFORM=xcb")
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    if args.language is None:
        for language in ("en", "id"):
            command = [sys.executable, __file__, "--language", language]
            command += ["--only", *args.only] if args.only else []
            if subprocess.run(command, check=False).returncode:
                return 1
        return 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kasir-screenshots-") as folder:
        take(args.language, Path(folder), frozenset(args.only or NAMES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
