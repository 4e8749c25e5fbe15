"""Driving a whole demo terminal in tests: sign in, scan, tender, and the sandbox's buttons."""

import socket

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.demo.server_thread import ServerThread
from pos_app.gui.app import TerminalApp
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.qr_payment import PaymentTiming, QrPayment
from pos_app.gui.receipt import ReceiptDialog
from pos_app.payments.model import AttemptState
from pos_app.sandbox.app import create_sandbox_app
from pos_app.sandbox.core import Sandbox
from pos_app.till.terminal import Terminal
from tests.gui.helpers import wait_for_modal

FAST = PaymentTiming(
    status_check_wait=30, trouble_check_interval=0.2, expiry_grace=0.2, paid_close_delay=0
)
"""Status checks rare while the relay is up (so tests see the relay path), quick when it is not;
the "Paid" confirmation stays until Done."""
RELAY_WAIT = 25.0
WAIT_MS = 10_000
"""Bound for anything that crosses the sandbox, the relay and the GUI thread."""

GORENG = "8991000079191"  # Indomie Goreng 85g, Rp 3.500
SOTO = "8991000158384"  # Indomie Soto Mie 70g, Rp 3.300
TEH = "8991000554339"  # Teh Botol Sosro 450ml, Rp 5.500


def sign_in(qtbot, app: TerminalApp, pin: str = "1111") -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.shell)
    qtbot.keyClicks(app.sign_in.pin, pin)
    qtbot.keyClick(app.sign_in.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.shell.currentWidget() is app.window, timeout=WAIT_MS)


def scan(qtbot, app: TerminalApp, code: str) -> None:
    """What a barcode scanner does: type the code into the focused line, then Enter; then wait
    for the catalog's answer (read off the GUI thread). The focus comes back to the input line
    when the main window is active again, which after a dialog closes is asynchronous."""
    target = app.window.panel.input

    def focused() -> None:
        focus = QApplication.focusWidget()
        assert focus is target, f"scans must land in the input line, not {focus}"

    qtbot.waitUntil(focused)
    qtbot.keyClicks(target, code)
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.window.panel.settled, timeout=WAIT_MS)


def ring_up_three(qtbot, app: TerminalApp) -> int:
    """Goreng ×2, Soto, Teh Botol by barcode; the total."""
    for code in ("2*" + GORENG, SOTO, TEH):
        scan(qtbot, app, code)
    assert [(line.sku, line.quantity) for line in app.window.basket_model.basket] == [
        ("MIE-001", 2),
        ("MIE-002", 1),
        ("MIN-001", 1),
    ]
    return 2 * 3_500 + 3_300 + 5_500


def press(qtbot, key: Qt.Key) -> None:
    """A key on whatever has the focus, once the window that should have it is active (window
    activation after a dialog opens or closes is asynchronous)."""

    def settled() -> None:
        active, modal = QApplication.activeWindow(), QApplication.activeModalWidget()
        assert active is not None and modal in (None, active), (active, modal)

    qtbot.waitUntil(settled)
    qtbot.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), key)


def open_payment(qtbot, app: TerminalApp) -> QrPayment:
    """F12, and the payment dialog once it shows the attempt."""
    press(qtbot, Qt.Key.Key_F12)
    return shown_payment(qtbot, app)


def shown_payment(qtbot, app: TerminalApp) -> QrPayment:
    """The payment dialog once it shows a stored attempt (it opens before the order exists)."""

    def showing() -> None:
        payment = app.controller.payment
        assert payment is not None and payment.dialog.isVisible()
        assert payment.attempt is not None

    qtbot.waitUntil(showing, timeout=WAIT_MS)
    payment = app.controller.payment
    assert payment is not None
    return payment


def pay_cash_on_screen(qtbot, app: TerminalApp, received: int) -> None:
    """F9, the amount, Enter: the basket on screen sold for cash."""
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    cash.set_received(received)
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    receipt.reject()


def wait_state(qtbot, payment: QrPayment, state: AttemptState) -> None:
    def reached() -> None:
        assert payment.dialog.state is state, payment.dialog.state

    qtbot.waitUntil(reached, timeout=WAIT_MS)


def sandbox(terminal: Terminal, action: str, invoice: str) -> None:
    """The customer's button on the sandbox payment page, ``pay`` or ``decline``; or
    ``reverse``, ecommpay taking back a paid payout."""
    assert terminal.embedded is not None
    url = f"{terminal.embedded.sandbox.url}/_sandbox/{action}/{invoice}"
    httpx.post(url, timeout=5).raise_for_status()


def own_sandbox(terminal: Terminal) -> Sandbox:
    """Put a sandbox whose memory the test holds in the place of the demo terminal's (same port,
    same credentials; the terminal stops it when it closes), for what no customer's button does."""
    embedded = terminal.embedded
    assert embedded is not None
    port = embedded.sandbox.port
    embedded.sandbox.stop()
    app = create_sandbox_app(embedded.config)
    embedded.sandbox = ServerThread.of(app, port=port).start()
    return app.state.sandbox


def pay_other_amount(terminal: Terminal, customer: Sandbox, invoice: str, rupiah: int) -> None:
    """The customer's wallet pays ``rupiah`` for the DOKU order ``invoice``, whatever it asked:
    the notification and the status answer then both report that amount."""
    [order] = customer.state.find(invoice)
    order.amount = rupiah
    sandbox(terminal, "pay", invoice)


def dead_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
