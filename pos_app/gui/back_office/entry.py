"""The way into the back office: a manager picks their name and enters their PIN.

The PIN pad is the till's (:mod:`pos_app.gui.manager_pin`); a cashier's own PIN (good at the
till) counts as a wrong guess here. A good PIN opens the back-office window; its opening is
audited.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QWidget,
)

from pos_app.gui.back_office.window import BackOfficeWindow
from pos_app.gui.manager_pin import ManagerPin
from pos_app.gui.tasks import TaskRunner
from pos_app.store.users import User
from pos_app.till.back_office import BackOffice
from pos_app.till.terminal import Terminal


class ManagerSignIn(ManagerPin):
    """Emits ``signed_in(BackOffice)`` for a manager's right PIN, then closes."""

    signed_in = Signal(object)

    def __init__(self, terminal: Terminal, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(terminal, tasks, parent)
        self.setWindowTitle(self.tr("Back office — manager sign-in"))
        self.verified.connect(self._open_office)

    def _open_office(self, user: User) -> None:
        office = BackOffice(self.terminal, user)
        self.tasks.run(office.record_sign_in)
        self.signed_in.emit(office)


class BackOfficeEntry(QObject):
    """The back office of one terminal window: the sign-in, then the window (``window``)."""

    opened = Signal(object)

    def __init__(self, parent: QWidget, terminal: Terminal, tasks: TaskRunner) -> None:
        super().__init__(parent)
        self.setObjectName("backOfficeEntry")
        self.host = parent
        self.terminal = terminal
        self.tasks = tasks
        self.window: BackOfficeWindow | None = None
        self.sign_in = ManagerSignIn(terminal, tasks, parent)
        self.sign_in.signed_in.connect(self._open)
        self.sign_in.rejected.connect(self._leave)
        self.sign_in.show()

    def raise_(self) -> None:
        """F10 again: bring forward what is already open."""
        shown = self.window if self.window is not None else self.sign_in
        shown.raise_()
        shown.activateWindow()

    def _open(self, office: BackOffice) -> None:
        self.window = BackOfficeWindow(office, self.tasks, self.host)
        self.window.destroyed.connect(self._leave)
        self.window.resize(1180, 760)
        self.window.show()
        self.window.activateWindow()
        self.opened.emit(self.window)

    def _leave(self) -> None:
        """The sign-in was refused or the window is gone (each deletes itself on closing); this
        entry follows at the next turn of the event loop, and until then F10 must not find it
        (it would raise a deleted window)."""
        self.setObjectName("")
        self.deleteLater()


def open_back_office(parent: QWidget, terminal: Terminal, tasks: TaskRunner) -> BackOfficeEntry:
    """Ask for a manager PIN over ``parent``, then open the back office; at most one at a time."""
    existing = parent.findChild(BackOfficeEntry, "backOfficeEntry")
    if existing is not None:
        existing.raise_()
        return existing
    return BackOfficeEntry(parent, terminal, tasks)
