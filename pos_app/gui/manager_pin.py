"""The manager's PIN pad: a manager picks their name and enters their PIN, checked by name
(scrypt, on a worker), so wrong guesses lock that manager out; the lock-out counts down on the
pad. It approves what needs a manager at the till (a large discount, counting and closing the
shift of another cashier that holds the drawer) and opens the back office
(:mod:`pos_app.gui.back_office.entry`)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.gui.sign_in import SignInPage
from pos_app.gui.tasks import TaskRunner, run_for
from pos_app.store.errors import SignInLocked
from pos_app.store.users import Role, User
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
            self.pad.lock_until(error.until, self.terminal.checkout.clock())
            return
        self.pad.set_error(self.tr("Could not check the PIN: {error}").format(error=error))
