"""The back-office window: one tab per job, for the manager who signed in.

It is window-modal over the cashier screen, so nobody rings up a sale while a manager works here,
and it is deleted when closed: the next F10 asks for a manager PIN again.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.gui.back_office.day_close_tab import DayCloseTab
from pos_app.gui.back_office.export_tab import ExportTab
from pos_app.gui.back_office.problems_tab import ProblemsTab
from pos_app.gui.back_office.products_tab import ProductsTab
from pos_app.gui.back_office.refund_dialog import RefundDialog
from pos_app.gui.back_office.sales_tab import SalesTab
from pos_app.gui.back_office.settings_tab import SettingsTab
from pos_app.gui.back_office.users_tab import UsersTab
from pos_app.gui.back_office.widgets import Tab
from pos_app.gui.tasks import TaskRunner
from pos_app.till.back_office import BackOffice


class BackOfficeWindow(QWidget):
    """``products_changed``: the catalogue changed here, and the cashier's tiles should follow."""

    products_changed = Signal()

    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.office = office
        self.tasks = tasks
        self.setObjectName("backOffice")
        self.setWindowTitle(self.tr("Kasir — Back office ({name})").format(name=office.name))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(960, 640)

        self.sales = SalesTab(office, tasks)
        self.export = ExportTab(office, tasks)
        self.day_close = DayCloseTab(office, tasks)
        self.products = ProductsTab(office, tasks)
        self.users = UsersTab(office, tasks)
        self.settings = SettingsTab(office, tasks)
        self.problems = ProblemsTab(office, tasks)
        self.tabs = QTabWidget()
        for tab, title in (
            (self.sales, self.tr("Sales")),
            (self.export, self.tr("Export")),
            (self.day_close, self.tr("Day close")),
            (self.problems, self.tr("Problem payments")),
            (self.products, self.tr("Products")),
            (self.users, self.tr("Users")),
            (self.settings, self.tr("Settings")),
        ):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.sales.refund_requested.connect(lambda sale_id: self.open_refund(sale_id))
        self.problems.refund_requested.connect(self.open_refund)
        self.products.products_changed.connect(self.products_changed)

        who = QLabel(
            self.tr(
                "Signed in as {name} (manager). Every change is recorded in the audit log."
            ).format(name=office.name)
        )
        who.setObjectName("signedInAs")
        close = QPushButton(self.tr("Close back office"))
        close.setObjectName("closeBackOffice")
        close.clicked.connect(self.close)
        printer = office.terminal.printer
        self.drawer_button = QPushButton(self.tr("Open drawer"))
        self.drawer_button.setObjectName("openDrawer")
        self.drawer_button.setVisible(printer is not None and printer.settings.drawer)
        self.drawer_button.clicked.connect(self.open_drawer)
        self.drawer_status = QLabel()
        header = QHBoxLayout()
        header.addWidget(who, 1)
        header.addWidget(self.drawer_status)
        header.addWidget(self.drawer_button)
        header.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self.refund_dialog: RefundDialog | None = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tab_shown(self.tabs.currentIndex())

    def open_drawer(self) -> None:
        """Audited off the GUI thread, then the pulse is queued for the printer."""
        self.drawer_button.setEnabled(False)

        def done(_: None) -> None:
            self.drawer_button.setEnabled(True)
            self.drawer_status.setText(self.tr("Drawer opening (in the audit log)."))

        def failed(error: Exception) -> None:
            self.drawer_button.setEnabled(True)
            self.drawer_status.setText(str(error))

        self.tasks.run(self.office.open_drawer, done, failed)

    def show_tab(self, tab: Tab) -> None:
        self.tabs.setCurrentWidget(tab)

    def open_refund(self, sale_id: int, invoice_number: str | None = None) -> RefundDialog:
        dialog = RefundDialog(
            self.office, self.tasks, sale_id, invoice_number=invoice_number, parent=self
        )
        dialog.settled.connect(lambda _refund: self._refund_settled())
        self.refund_dialog = dialog
        dialog.show()
        return dialog

    def _refund_settled(self) -> None:
        for tab in (self.sales, self.problems, self.day_close):
            if tab.loaded:
                tab.refresh()

    def _tab_shown(self, index: int) -> None:
        """Load a tab when first shown; the Day close tab each time, as the day moves on."""
        tab = self.tabs.widget(index)
        if isinstance(tab, Tab) and (not tab.loaded or tab is self.day_close):
            tab.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.export.running:
            self.export.cancel()
        super().closeEvent(event)
