"""The cashier's shift around the cashier screen: asked for after sign-in, shown on F5, and its
report when it closes.

After sign-in the store is asked (on a worker) for the cashier's open shift on this till; without
one, :class:`~pos_app.gui.shift_dialogs.OpenShiftDialog` asks for the float before the first sale.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from pos_app.gui.shift_dialogs import OpenShiftDialog, ShiftDialog, ShiftReportDialog
from pos_app.gui.tasks import TaskRunner
from pos_app.store.shifts import Shift
from pos_app.till.shifts import ShiftDesk
from pos_app.till.terminal import Terminal


class ShiftFlow(QObject):
    """``changed`` carries the cashier's shift (None once closed) whenever it changes."""

    changed = Signal(object)

    def __init__(
        self,
        terminal: Terminal,
        runner: TaskRunner,
        window: QWidget,
        *,
        ask_on_sign_in: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.runner = runner
        self.window = window
        self.ask_on_sign_in = ask_on_sign_in
        self.desk: ShiftDesk | None = None
        self.shift: Shift | None = None
        self.dialog: OpenShiftDialog | ShiftDialog | ShiftReportDialog | None = None

    def start(self, cashier: str) -> None:
        """``cashier`` signed in: find their open shift, or ask them to open one."""
        desk = ShiftDesk(self.terminal, cashier)
        self.desk, self.shift = desk, None
        self.runner.run(desk.current, lambda shift: self._found(desk, shift))

    def show(self) -> None:
        """F5: the cashier's shift as the store has it now, or the dialog that opens one. Read
        again each time: a manager may have closed it in the back office meanwhile, and a
        closed shift shown as open would take no cash move, no close, and no new shift."""
        desk = self.desk
        if desk is None or self.dialog is not None:
            return
        self.runner.run(desk.current, lambda shift: self._shown(desk, shift))

    def _shown(self, desk: ShiftDesk, shift: Shift | None) -> None:
        if desk is not self.desk or self.dialog is not None:
            return  # someone else signed in, or F5 was pressed twice
        self._set(shift)
        if shift is None:
            self._ask_to_open(desk)
            return
        dialog = ShiftDialog(desk, shift, self.runner, self.window)
        dialog.closed.connect(self._closed)
        self._open(dialog)

    def _found(self, desk: ShiftDesk, shift: Shift | None) -> None:
        if desk is not self.desk:
            return  # someone else signed in meanwhile
        self._set(shift)
        if shift is None and self.ask_on_sign_in and self.dialog is None:  # F5 opened one first
            self._ask_to_open(desk)

    def _ask_to_open(self, desk: ShiftDesk) -> None:
        dialog = OpenShiftDialog(desk, self.runner, self.window)
        dialog.opened.connect(self._set)
        self._open(dialog)

    def _closed(self, shift: Shift) -> None:
        self._set(None)
        settings = self.terminal.settings
        self._open(
            ShiftReportDialog(
                shift,
                time_zone=self.terminal.store.day.tz.key,
                shop_name=settings.shop.name,
                parent=self.window,
            )
        )

    def _set(self, shift: Shift | None) -> None:
        self.shift = shift
        self.changed.emit(shift)

    def _open(self, dialog: OpenShiftDialog | ShiftDialog | ShiftReportDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._back_to_till(dialog))
        dialog.show()

    def _back_to_till(self, dialog: QWidget) -> None:
        """The till gets the keys back, unless this dialog opened another one (the report)."""
        if self.dialog is dialog:
            self.dialog = None
            self.window.activateWindow()
