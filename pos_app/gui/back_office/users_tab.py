"""The Users tab: cashiers and managers; add one with a role and a PIN, deactivate, reset a PIN.
PINs are typed masked and never shown or logged; the audit log names only the user."""

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.gui.back_office.labels import label
from pos_app.gui.back_office.widgets import RowsModel, Tab, selected_key, table_view
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.tasks import TaskRunner
from pos_app.store.users import Role, User
from pos_app.till.back_office import BackOffice


def pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}"), field))
    return field


class UsersTab(Tab):
    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(office, tasks, parent)
        self.users = RowsModel([self.tr("Name"), self.tr("Role"), self.tr("Active")], parent=self)
        self.view = table_view(self.users, "usersTable")
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())

        self.new_name = QLineEdit()
        self.new_name.setObjectName("newUserName")
        self.new_role = QComboBox()
        self.new_role.setObjectName("newUserRole")
        for role in Role:
            self.new_role.addItem(label(role), role.value)
        self.new_pin = pin_field("newUserPin")
        add_button = QPushButton(self.tr("Add user"))
        add_button.setObjectName("addUser")
        add_button.clicked.connect(self.add)
        adding = QGroupBox(self.tr("New user"))
        add_form = QFormLayout(adding)
        add_form.addRow(self.tr("Name"), self.new_name)
        add_form.addRow(self.tr("Role"), self.new_role)
        add_form.addRow(self.tr("PIN (4 to 8 digits)"), self.new_pin)
        add_form.addRow(add_button)

        self.reset_pin_field = pin_field("resetPin")
        self.reset_button = QPushButton(self.tr("Reset PIN"))
        self.reset_button.setObjectName("resetPinButton")
        self.reset_button.clicked.connect(self.reset_pin)
        self.deactivate_button = QPushButton(self.tr("Deactivate…"))
        self.deactivate_button.setObjectName("deactivateUser")
        self.deactivate_button.clicked.connect(self._ask_deactivate)
        chosen = QGroupBox(self.tr("Selected user"))
        chosen_form = QFormLayout(chosen)
        chosen_form.addRow(self.tr("New PIN"), self.reset_pin_field)
        chosen_buttons = QHBoxLayout()
        chosen_buttons.addWidget(self.reset_button)
        chosen_buttons.addWidget(self.deactivate_button)
        chosen_form.addRow(chosen_buttons)

        side = QVBoxLayout()
        side.addWidget(adding)
        side.addWidget(chosen)
        side.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self.view, 1)
        columns.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.status)
        self.shown: dict[int, User] = {}
        self._selected()

    def refresh(self) -> None:
        super().refresh()
        self.run(self.office.users, self._show)

    def _show(self, users: list[User]) -> None:
        self.shown = {user.id: user for user in users}
        self.users.set_rows(
            [
                [user.name, label(user.role), self.tr("yes") if user.active else self.tr("no")]
                for user in users
            ],
            [user.id for user in users],
        )
        self._selected()

    def select(self, name: str) -> None:
        row = next(row for row, user in enumerate(self.shown.values()) if user.name == name)
        self.view.selectRow(row)

    def chosen(self) -> User | None:
        user_id = selected_key(self.view)
        return self.shown.get(user_id) if user_id is not None else None

    def _selected(self) -> None:
        user = self.chosen()
        active = user is not None and user.active
        for widget in (self.reset_pin_field, self.reset_button, self.deactivate_button):
            widget.setEnabled(active)

    def add(self) -> None:
        name, role, pin = self.new_name.text(), self.new_role.currentData(), self.new_pin.text()
        self.new_pin.clear()
        self.run(lambda: self.office.add_user(name, role, pin), self._added)

    def _added(self, user: User) -> None:
        self.new_name.clear()
        self.say(
            self.tr("{name} can now sign in as {role}.").format(
                name=user.name, role=label(user.role)
            )
        )
        self.refresh()

    def reset_pin(self) -> None:
        user, pin = self.chosen(), self.reset_pin_field.text()
        self.reset_pin_field.clear()
        if user is None:
            return
        self.run(
            lambda: self.office.reset_pin(user.id, pin),
            lambda _none: self.say(self.tr("{name} has a new PIN.").format(name=user.name)),
        )

    def _ask_deactivate(self) -> None:
        user = self.chosen()
        if user is None:
            return
        ask_confirmation(
            self,
            self.tr("Deactivate user"),
            self.tr("Deactivate {name}? They can no longer sign in; their sales stay.").format(
                name=user.name
            ),
            lambda: self.run(
                lambda: self.office.deactivate_user(user.id),
                lambda _none: self._deactivated(user),
            ),
        )

    def _deactivated(self, user: User) -> None:
        self.say(self.tr("{name} can no longer sign in.").format(name=user.name))
        self.refresh()
