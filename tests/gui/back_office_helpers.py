"""Driving the back office of a demo terminal in tests: sign in as a manager, reach a tab."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.gui.app import TerminalApp
from pos_app.gui.back_office import BackOfficeEntry, ManagerSignIn, open_back_office
from pos_app.gui.back_office.widgets import Tab
from pos_app.gui.back_office.window import BackOfficeWindow
from tests.gui.e2e import WAIT_MS

MANAGER_PIN = "9999"
CASHIER_PIN = "1111"


def open_entry(qtbot, app: TerminalApp) -> BackOfficeEntry:
    """F10's call, once the terminal's window is up; the sign-in dialog once it lists managers.
    The terminal's window is made active first, as the desktop does when a window over it
    closes: the offscreen platform at times leaves no window active instead."""
    app.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.shell, timeout=WAIT_MS)
    entry = open_back_office(app.shell, app.terminal, app.runner)
    qtbot.waitUntil(lambda: entry.sign_in.pad.pin.isEnabled())
    return entry


def enter_pin(qtbot, dialog: ManagerSignIn, pin: str) -> None:
    qtbot.keyClicks(dialog.pad.pin, pin)
    qtbot.keyClick(dialog.pad.pin, Qt.Key.Key_Return)


def signed_in(qtbot, app: TerminalApp) -> BackOfficeWindow:
    entry = open_entry(qtbot, app)
    enter_pin(qtbot, entry.sign_in, MANAGER_PIN)
    qtbot.waitUntil(lambda: entry.window is not None and entry.window.isVisible(), timeout=WAIT_MS)
    assert entry.window is not None
    return entry.window


def show_tab(qtbot, window: BackOfficeWindow, tab: Tab) -> None:
    """Bring ``tab`` forward and wait for its first load (its status line clear of work)."""
    window.show_tab(tab)
    qtbot.waitUntil(lambda: tab.loaded and window.tasks.pending == 0, timeout=WAIT_MS)


def idle(qtbot, window: BackOfficeWindow) -> None:
    """Every call the back office started has answered."""
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=WAIT_MS)
