"""The way into the back office: a manager picks their name and enters their PIN.

The PIN is checked by name (scrypt, on a worker), so wrong guesses lock that manager out, and a
cashier's own PIN (good at the till) counts as a wrong guess here. The lock-out counts down on the
PIN pad. A good PIN opens the back-office window; its opening is audited. The same PIN pad
(:class:`ManagerPin`) approves what needs a manager at the till, such as a large discount.
"""

import math

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.gui.back_office.window import BackOfficeWindow
from pos_app.gui.sign_in import SignInPage
from pos_app.gui.tasks import TaskRunner, run_for
from pos_app.store.errors import SignInLocked
from pos_app.store.users import Role, User
from pos_app.till.back_office import BackOffice
from pos_app.till.terminal import Terminal


class ManagerPin(QDialog):
    """Emits ``verified(User)`` for a manager's right PIN, then closes."""

    verified = Signal(object)

    def __init__(self, terminal: Terminal, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.tasks = tasks
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(380)
        self.manager = QComboBox()
        self.manager.setObjectName("managerName")
        self.manager.setMinimumHeight(40)
        self.pad = SignInPage()
        self.pad.pin.setEnabled(False)
        managers = [
            f"{name} PIN {pin}" for name, role, pin in terminal.demo_users if role == "manager"
        ]
        if managers:
            self.pad.set_hint(self.tr("Demo: {managers}").format(managers=" · ".join(managers)))
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        who = QHBoxLayout()
        who.addWidget(QLabel(self.tr("Manager")))
        who.addWidget(self.manager, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(who)
        layout.addWidget(self.pad, 1)
        layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignRight)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter belongs to the PIN, never to a button
        self.pad.pin_entered.connect(self._verify)
        self._verifying = False
        store = terminal.store  # its users on the worker's own connection
        run_for(self, tasks, lambda: store.users.list_users(), self._users_known, self._failed)

    def _users_known(self, users: list[User]) -> None:
        names = [user.name for user in users if user.active and user.role is Role.MANAGER]
        self.manager.addItems(names)
        if not names:
            self.pad.set_error(self.tr("No manager is set up on this terminal."))
            return
        self.pad.pin.setEnabled(True)
        self.pad.setFocus()

    def _verify(self, pin: str) -> None:
        name = self.manager.currentText()
        if self._verifying or not name:
            return
        self._verifying = True
        store = self.terminal.store
        run_for(
            self,
            self.tasks,
            lambda: store.users.verify_pin(pin, name=name),
            self._verified,
            self._failed,
        )

    def _verified(self, user: User | None) -> None:
        self._verifying = False
        if user is None or user.role is not Role.MANAGER:
            self.pad.set_error(
                self.tr("Wrong PIN for {name}.").format(name=self.manager.currentText())
            )
            return
        self.verified.emit(user)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._verifying = False
        if isinstance(error, SignInLocked):
            left = (error.until - self.terminal.checkout.clock()).total_seconds()
            self.pad.lock(max(1, math.ceil(left)))
            return
        self.pad.set_error(self.tr("Could not check the PIN: {error}").format(error=error))


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
