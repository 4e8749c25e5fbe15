"""The back-office window: one tab per job, for the manager who signed in.

It is window-modal over the cashier screen, so nobody rings up a sale while a manager works here,
and it is deleted when closed: the next F10 asks for a manager PIN again.
"""

from typing import Generic, TypeVar

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

TabKind = TypeVar("TabKind", bound=Tab)


class _Slot(QWidget):
    """A tab's page, empty until the tab is first shown or reached: with all seven tabs made and
    shown at once, opening the window held the GUI thread for 43-53 ms, with Sales alone 19-22 ms
    (benchmarks/back_office_tabs.py)."""

    def __init__(self, kind: type[Tab]) -> None:
        super().__init__()
        self.kind = kind
        self.tab: Tab | None = None
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)


class _Made(Generic[TabKind]):
    """A tab as the window's attribute (``window.sales``), made when first reached."""

    def __init__(self, kind: type[TabKind]) -> None:
        self._kind = kind

    def __get__(self, window: "BackOfficeWindow", owner: type | None = None) -> TabKind:
        return window.tab(self._kind)


class BackOfficeWindow(QWidget):
    """``products_changed``: the catalogue changed here, and the cashier's tiles should follow.

    Each tab is made the first time it is shown or reached, the Sales tab (shown first) with the
    window."""

    products_changed = Signal()
    sales = _Made(SalesTab)
    export = _Made(ExportTab)
    day_close = _Made(DayCloseTab)
    problems = _Made(ProblemsTab)
    products = _Made(ProductsTab)
    users = _Made(UsersTab)
    settings = _Made(SettingsTab)

    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.office = office
        self.tasks = tasks
        self.setObjectName("backOffice")
        self.setWindowTitle(self.tr("Kasir — Back office ({name})").format(name=office.name))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(960, 640)

        self.tabs = QTabWidget()
        for kind, title in (
            (SalesTab, self.tr("Sales")),
            (ExportTab, self.tr("Export")),
            (DayCloseTab, self.tr("Day close")),
            (ProblemsTab, self.tr("Problem payments")),
            (ProductsTab, self.tr("Products")),
            (UsersTab, self.tr("Users")),
            (SettingsTab, self.tr("Settings")),
        ):
            self.tabs.addTab(_Slot(kind), title)
        self._made(self.tabs.currentIndex())
        self.tabs.currentChanged.connect(self._tab_shown)

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
        slot = tab.parentWidget()
        assert isinstance(slot, _Slot)
        self.tabs.setCurrentWidget(slot)

    def tab(self, kind: type[TabKind]) -> TabKind:
        """The tab of ``kind``, made now if it has not been yet."""
        tab = self._made(self.index_of(kind))
        assert isinstance(tab, kind)
        return tab

    def index_of(self, kind: type[Tab]) -> int:
        """Where the tab of ``kind`` is, made or not."""
        for index in range(self.tabs.count()):
            if self._slot(index).kind is kind:
                return index
        raise LookupError(kind)

    def open_refund(self, sale_id: int, invoice_number: str | None = None) -> RefundDialog:
        dialog = RefundDialog(
            self.office, self.tasks, sale_id, invoice_number=invoice_number, parent=self
        )
        dialog.settled.connect(lambda _refund: self._refund_settled())
        self.refund_dialog = dialog
        dialog.show()
        return dialog

    def _refund_settled(self) -> None:
        for tab in self._made_tabs():
            if isinstance(tab, SalesTab | ProblemsTab | DayCloseTab) and tab.loaded:
                tab.refresh()

    def _tab_shown(self, index: int) -> None:
        """Make and load a tab when first shown; the Day close tab each time, as days go by."""
        if not isinstance(self.tabs.widget(index), _Slot):  # none left as the window goes
            return
        tab = self._made(index)
        if not tab.loaded or isinstance(tab, DayCloseTab):
            tab.refresh()

    def _slot(self, index: int) -> _Slot:
        slot = self.tabs.widget(index)
        assert isinstance(slot, _Slot)
        return slot

    def _made(self, index: int) -> Tab:
        """The tab at ``index``, made (and wired to the window) if it has not been yet."""
        slot = self._slot(index)
        if slot.tab is None:
            tab = slot.tab = slot.kind(self.office, self.tasks)
            if isinstance(tab, SalesTab):
                tab.refund_requested.connect(lambda sale_id: self.open_refund(sale_id))
            elif isinstance(tab, ProblemsTab):
                tab.refund_requested.connect(self.open_refund)
            elif isinstance(tab, ProductsTab):
                tab.products_changed.connect(self.products_changed)
            slot.box.addWidget(tab)
        return slot.tab

    def _made_tabs(self) -> list[Tab]:
        """The tabs made so far: those never shown or reached have nothing to refresh or stop."""
        slots = (self._slot(index) for index in range(self.tabs.count()))
        return [slot.tab for slot in slots if slot.tab is not None]

    def closeEvent(self, event: QCloseEvent) -> None:
        for tab in self._made_tabs():
            if isinstance(tab, ExportTab) and tab.running:
                tab.cancel()
        super().closeEvent(event)
