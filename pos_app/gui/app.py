"""The terminal application: sign-in, the cashier screen, the customer display and the relay watch.

:class:`TerminalApp` wires a ready :class:`~pos_app.till.terminal.Terminal` to the views. The PIN is
checked on a worker (scrypt takes tens of milliseconds per user), the relay is long-polled on
its own thread, and the sale flow lives in :class:`~pos_app.gui.controller.CashierController`.
"""

import logging
import signal
import sys
from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QVBoxLayout, QWidget

from pos_app.clients.relay_client import DEFAULT_WAIT, ConnectionState, RelayClient
from pos_app.gui.back_office import open_back_office
from pos_app.gui.controller import CashierController
from pos_app.gui.main_window import MainWindow
from pos_app.gui.qr_payment import PaymentTiming
from pos_app.gui.relay_watch import RelayWatch
from pos_app.gui.return_dialog import ReturnDialog
from pos_app.gui.shift_flow import ShiftFlow
from pos_app.gui.sign_in import SignInPage
from pos_app.gui.tasks import TaskRunner
from pos_app.store.errors import SignInLocked
from pos_app.store.receipt_numbers import looks_like_receipt_number
from pos_app.store.users import User
from pos_app.till.returns import ReturnDesk
from pos_app.till.terminal import Terminal
from pos_app.till.uploads import Uploader

log = logging.getLogger(__name__)

DATE_REFRESH_MS = 60_000
"""The business date in the status bar follows the shop's cut-off within a minute."""
SIGNAL_CHECK_MS = 200
SHUTDOWN_WAIT_MS = 3_000
"""How long closing waits for checkout work in progress (bounded by its HTTP timeouts)."""


class TerminalWindow(QStackedWidget):
    """The terminal's main window: the sign-in page, then the cashier screen.

    The cashier screen's shortcuts work only while it is the page shown (hidden widgets take no
    shortcuts), so F9 or F12 cannot reach the checkout before someone has signed in.
    """

    def __init__(self, sign_in: SignInPage, cashier: MainWindow) -> None:
        super().__init__()
        self.sign_in = sign_in
        self.cashier = cashier
        self.demo_mark = QLabel(cashier.demo_mark.text())
        self.demo_mark.setStyleSheet(cashier.demo_mark.styleSheet())
        self.demo_mark.setToolTip(cashier.demo_mark.toolTip())
        self.demo_mark.setVisible(not cashier.demo_mark.isHidden())
        self._sign_in_page = QWidget()
        layout = QVBoxLayout(self._sign_in_page)
        layout.addWidget(self.demo_mark, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(sign_in, 1)
        self.addWidget(self._sign_in_page)
        self.addWidget(cashier)
        self.setWindowTitle(cashier.windowTitle())
        self.setMinimumSize(cashier.minimumSize())

    def show_sign_in(self) -> None:
        self.setCurrentWidget(self._sign_in_page)
        self.sign_in.setFocus()

    def show_cashier(self) -> None:
        self.setCurrentWidget(self.cashier)
        self.cashier.panel.focus_input()


class TerminalApp(QObject):
    """Everything on screen for one terminal; ``user`` is who signed in.

    ``relay`` replaces the terminal's relay client for the long-poll (tests point it at a dead
    port); ``relay_wait`` and ``timing`` shorten the waits for tests and benchmarks;
    ``ask_for_shift`` False leaves the open-shift dialog to F5 (tests that are about other things).
    """

    def __init__(
        self,
        terminal: Terminal,
        *,
        customer_display: bool = True,
        relay: RelayClient | None = None,
        relay_wait: float = DEFAULT_WAIT,
        timing: PaymentTiming | None = None,
        ask_for_shift: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.runner = TaskRunner(self, max_threads=4)
        self.controller = CashierController(
            terminal, self.runner, timing=timing, customer_display=customer_display, parent=self
        )
        self.window = self.controller.window
        self.display = self.controller.display
        self.sign_in = SignInPage()
        if terminal.demo_users:
            self.sign_in.set_hint(
                self.tr("Demo: {users}").format(
                    users=" · ".join(
                        self.tr("{name} PIN {pin}").format(name=name, pin=pin)
                        for name, _role, pin in terminal.demo_users
                    )
                )
            )
        self.shell = TerminalWindow(self.sign_in, self.window)
        self.user: User | None = None
        self._verifying = False
        self._closed = False

        relay = relay or terminal.relay
        self.relay_watch: RelayWatch | None = None
        self.uploader: Uploader | None = None
        """The day files to the relay for the whole-shop file (``till/uploads.py``)."""
        if relay is not None:
            self.uploader = Uploader(terminal.store, relay, terminal.settings.terminal_id)
            self.relay_watch = RelayWatch(
                relay, terminal.checkout, wait=relay_wait, first=self.uploader.look, parent=self
            )
            self.relay_watch.state_changed.connect(self._relay_state)
            self.relay_watch.not_applied.connect(self._relay_not_applied)
            self._relay_url = relay.base_url
        self.window.set_provider(terminal.provider_label, sandbox=terminal.sandbox)
        self.window.set_relay_state(False, self.tr("Connecting…"))
        self.window.back_office_requested.connect(self._back_office)
        self.window.sign_out_requested.connect(self._sign_out)
        self.shifts = ShiftFlow(
            terminal, self.runner, self.shell, ask_on_sign_in=ask_for_shift, parent=self
        )
        self.window.shift_requested.connect(self.shifts.show)
        self.shifts.sign_out_requested.connect(self.window.sign_out)
        self.shifts.at_till.connect(self.controller.at_till)
        if self.uploader is not None:
            self.shifts.changed.connect(lambda _shift: self._nudge_uploads())
        self.window.return_requested.connect(self._return_items)
        self.window.panel.unknown_code.connect(self._maybe_receipt)
        self._shown_day: date | None = None
        self.sign_in.pin_entered.connect(self._verify)
        self._date_timer = QTimer(self)
        self._date_timer.setInterval(DATE_REFRESH_MS)
        self._date_timer.timeout.connect(self._show_session)

    def start(self, *, maximized: bool = False) -> None:
        """Show the sign-in page, start the relay watch and look for payments left open."""
        if self.display is not None:
            self.display.open_on_best_screen()
        if maximized:
            self.shell.showMaximized()
        else:
            self.shell.show()
        self.shell.activateWindow()
        self.shell.show_sign_in()
        if self.relay_watch is not None:
            self.relay_watch.start()
        if self.uploader is not None:
            self.uploader.start()
        self.controller.resume()
        store = self.terminal.store
        self.runner.run(lambda: store.users.list_users(), self._users_known)

    def close(self) -> None:
        """Stop the relay watch and the timers, wait briefly for checkout work, close windows.

        The windows and this object are then deleted on the GUI thread (``deleteLater``): left
        to Python's garbage collector, a QObject may be deleted by whichever thread happens to
        collect, and a timer of it then fires on freed memory.
        """
        if self._closed:
            return
        self._closed = True
        self._date_timer.stop()
        if self.relay_watch is not None:
            self.relay_watch.stop()
        if self.uploader is not None:
            self.uploader.stop()
        self.controller.close()
        if not self.runner.close(SHUTDOWN_WAIT_MS):
            log.warning("checkout work still running at shutdown; it finishes on its own")
        self.shell.close()
        self.shell.deleteLater()
        self.deleteLater()

    def _users_known(self, users: list[User]) -> None:
        if not any(user.active for user in users):
            self.sign_in.set_error(
                self.tr("No one can sign in yet: a manager must first add users to this terminal.")
            )

    def _verify(self, pin: str) -> None:
        if self._verifying:
            return
        self._verifying = True
        store = self.terminal.store
        self.runner.run(lambda: store.users.verify_pin(pin), self._verified, self._refused)

    def _verified(self, user: User | None) -> None:
        self._verifying = False
        if user is None:
            self.sign_in.set_error(self.tr("Wrong PIN. Try again."))
            return
        self.user = user
        log.info("%s signed in (%s)", user.name, user.role)
        self.window.set_cashier(user.name)
        self._show_session()
        self._date_timer.start()
        self.shell.show_cashier()
        self.controller.start_session(user.name)
        self.shifts.start(user.name)

    def _sign_out(self) -> None:
        """F7 on the cashier screen (its basket held already): back to the sign-in page."""
        if self.user is not None:
            log.info("%s signed out", self.user.name)
        self.user = None
        self._date_timer.stop()
        self.controller.end_session()
        self.shell.show_sign_in()

    def _refused(self, error: Exception) -> None:
        self._verifying = False
        if isinstance(error, SignInLocked):
            self.sign_in.lock_until(error.until, self.terminal.checkout.clock())
            return
        log.error("PIN check failed: %s", error)
        self.sign_in.set_error(self.tr("Could not check the PIN: {error}").format(error=error))

    def _show_session(self) -> None:
        """The business day sales go to now, asked of the store: a closed day is skipped."""
        if self.user is not None and not self._closed:
            store, now = self.terminal.store, self.terminal.checkout.clock()
            self.runner.run(lambda: store.business_date(now), self._session_day)

    def _session_day(self, business_date: date) -> None:
        if self.user is None:
            return
        self.window.set_business_day(business_date)
        self.window.basket_model.set_business_date(business_date)
        earlier, self._shown_day = self._shown_day, business_date
        by_clock = self.terminal.store.day.date_of(self.terminal.checkout.clock())
        if earlier is not None and earlier < business_date and by_clock < business_date:
            self.window.show_message(
                self.tr(
                    "Business day {closed} is closed: sales now go to business day {day}."
                ).format(
                    closed=earlier.strftime("%d/%m/%Y"), day=business_date.strftime("%d/%m/%Y")
                )
            )

    def _relay_state(self, state: ConnectionState) -> None:
        log.info("relay %s: %s", self._relay_url, state.value)
        connected = state is ConnectionState.CONNECTED
        detail = {
            ConnectionState.CONNECTED: self.tr("Payment notifications arrive through {url}"),
            ConnectionState.UNREACHABLE: self.tr(
                "{url} cannot be reached; the payment service is asked directly meanwhile"
            ),
            ConnectionState.UNAUTHORIZED: self.tr(
                "{url} refused this terminal's token; the relay operator must issue a new one"
            ),
        }[state].format(url=self._relay_url)
        self.window.set_relay_state(
            connected, detail, refused=state is ConnectionState.UNAUTHORIZED
        )
        self.controller.set_relay_connected(connected)

    def _relay_not_applied(self, cause: str) -> None:
        """The relay answers but its events could not be applied here (the store failed): said
        until a batch goes in, meanwhile payments are asked of the provider as if unreachable."""
        detail = self.tr(
            "{url} answers, but its payment events could not be applied on this terminal: "
            "{cause}. They are fetched again until they apply; meanwhile the payment service is "
            "asked directly."
        ).format(url=self._relay_url, cause=cause)
        self.window.set_relay_state(False, detail, failure=cause)
        self.controller.set_relay_connected(False)

    def _maybe_receipt(self, code: str) -> None:
        """A receipt's number scanned or typed at the input line: the customer brings it back."""
        if looks_like_receipt_number(code):
            self._return_items(code)

    def _return_items(self, number: str = "") -> None:
        """F3: items of an earlier sale come back, a manager approving at the till; the cash goes
        out of this cashier's drawer."""
        if self.user is not None:
            desk = ReturnDesk(self.terminal, self.user.name)
            dialog = ReturnDialog(desk, self.runner, self.shell, number=number)
            dialog.rejected.connect(self.shell.activateWindow)  # the till gets the keys back
            dialog.show()

    def _nudge_uploads(self) -> None:
        """A shift or the back office changed a day's files: the uploader looks now, not in
        up to five seconds."""
        if self.uploader is not None:
            self.uploader.nudge()

    def _back_office(self) -> None:
        """F10: the manager's side, behind a manager PIN; it covers the cashier screen meanwhile."""
        entry = open_back_office(self.shell, self.terminal, self.runner)
        entry.destroyed.connect(self._show_session)  # a day close moves the till on
        entry.destroyed.connect(self._nudge_uploads)  # a day closed, a refund: upload now
        entry.opened.connect(
            lambda window: window.products_changed.connect(self.window.panel.reload)
        )


def application() -> QApplication:
    """The running QApplication, or a new one named and styled for Kasir."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Kasir")
    app.setApplicationDisplayName("Kasir")
    app.setStyle("Fusion")
    return app


def quit_on_signals(app: QApplication) -> QTimer:
    """Ctrl+C or a service manager's SIGTERM closes the terminal cleanly, even one that arrives
    before the event loop runs (the quit waits in the event queue).

    Python runs signal handlers only between bytecodes, never while Qt's event loop waits in
    C++, so a timer lets it look in regularly.
    """
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda _signum, _frame: QTimer.singleShot(0, app.quit))
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(SIGNAL_CHECK_MS)
    return timer


def run_terminal(terminal: Terminal, *, customer_display: bool = True) -> int:
    """Show the terminal until its window is closed; the exit code of the event loop."""
    app = application()
    terminal_app = TerminalApp(terminal, customer_display=customer_display)
    terminal_app.start(maximized=True)
    try:
        return app.exec()
    finally:
        terminal_app.close()
