"""The cashier's shift around the cashier screen: asked for after sign-in, shown on F5, and its
report when it closes.

After sign-in the store is asked (on a worker) for the cashier's open shift on this till; without
one, :class:`~pos_app.gui.shift_dialogs.OpenShiftDialog` asks for the float before the first sale.
While another cashier's shift holds the till's one drawer (left open, maybe since an earlier
day), :class:`~pos_app.gui.shift_dialogs.DrawerHeldDialog` comes instead: the cashier signs out,
or a manager counts and closes that shift, and then the float is asked for.
"""

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from pos_app.gui.shift_dialogs import (
    DrawerHeldDialog,
    OpenShiftDialog,
    ShiftDialog,
    ShiftReportDialog,
)
from pos_app.gui.tasks import TaskRunner
from pos_app.store.shifts import Shift
from pos_app.till.shifts import ShiftDesk
from pos_app.till.terminal import Terminal

log = logging.getLogger(__name__)

ShiftWindow = OpenShiftDialog | DrawerHeldDialog | ShiftDialog | ShiftReportDialog


class ShiftFlow(QObject):
    """``changed`` carries the cashier's shift (None once closed) whenever it changes;
    ``sign_out_requested``: the cashier chose to sign out, another cashier's shift holding the
    drawer; ``at_till``: the signed-in cashier's shift is open (found, or opened in its dialog),
    or left to F5 (``ask_on_sign_in`` False), so the counter is theirs."""

    changed = Signal(object)
    sign_out_requested = Signal()
    at_till = Signal()

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
        self.dialog: ShiftWindow | None = None

    def start(self, cashier: str) -> None:
        """``cashier`` signed in: find their open shift, or ask them to open one."""
        desk = ShiftDesk(self.terminal, cashier)
        self.desk, self.shift = desk, None
        self.runner.run(
            desk.standing,
            lambda standing: self._found(desk, *standing),
            lambda error: self._unread(desk, error),
        )
        if not self.ask_on_sign_in:
            self.at_till.emit()

    def show(self) -> None:
        """F5: the cashier's shift as the store has it now, or the dialog that opens one. Read
        again each time: a manager may have closed it in the back office meanwhile, and a
        closed shift shown as open would take no cash move, no close, and no new shift."""
        desk = self.desk
        if desk is None or self.dialog is not None:
            return
        self.runner.run(desk.standing, lambda standing: self._shown(desk, *standing))

    def _shown(self, desk: ShiftDesk, shift: Shift | None, held: Shift | None) -> None:
        if desk is not self.desk or self.dialog is not None:
            return  # someone else signed in, or F5 was pressed twice
        self._set(shift)
        if shift is None:
            self._ask_to_open(desk, held)
            return
        dialog = ShiftDialog(desk, shift, self.runner, self.window)
        dialog.closed.connect(self._closed)
        self._open(dialog)

    def _found(self, desk: ShiftDesk, shift: Shift | None, held: Shift | None) -> None:
        if desk is not self.desk:
            return  # someone else signed in meanwhile
        self._set(shift)
        if shift is None and self.ask_on_sign_in and self.dialog is None:  # F5 opened one first
            self._ask_to_open(desk, held)

    def _unread(self, desk: ShiftDesk, error: Exception) -> None:
        """The store could not say the cashier's shift: the counter is theirs all the same (a
        payment left open comes back on screen), and F5 asks the store again."""
        log.warning("the shift of %s could not be read: %s", desk.cashier, error)
        if desk is self.desk and self.ask_on_sign_in:
            self.at_till.emit()

    def _ask_to_open(self, desk: ShiftDesk, held: Shift | None) -> None:
        """The float for a new shift; while ``held`` holds the drawer, what to do about it."""
        if held is not None:
            self._drawer_held(desk, held)
            return
        dialog = OpenShiftDialog(desk, self.runner, self.window)
        dialog.opened.connect(self._set)
        dialog.held.connect(lambda shift: self._drawer_held(desk, shift))
        self._open(dialog)

    def _drawer_held(self, desk: ShiftDesk, held: Shift) -> None:
        dialog = DrawerHeldDialog(desk, held, self.runner, self.window)
        dialog.sign_out.connect(self.sign_out_requested)
        dialog.released.connect(self._released)
        self._open(dialog)

    def _released(self, shift: Shift) -> None:
        """A manager closed the shift that held the drawer: its report, then the float of the
        signed-in cashier's shift (asked again of the store: another may still hold it)."""
        report = self._report(shift)
        report.finished.connect(lambda _result: self.show())

    def _closed(self, shift: Shift) -> None:
        self._set(None)
        self._report(shift)

    def _report(self, shift: Shift) -> ShiftReportDialog:
        report = ShiftReportDialog(shift, self.terminal, self.window)
        self._open(report)
        return report

    def _set(self, shift: Shift | None) -> None:
        self.shift = shift
        self.changed.emit(shift)
        if shift is not None:
            self.at_till.emit()

    def _open(self, dialog: ShiftWindow) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._back_to_till(dialog))
        dialog.show()

    def _back_to_till(self, dialog: QWidget) -> None:
        """The till gets the keys back, unless this dialog opened another one (the report)."""
        if self.dialog is dialog:
            self.dialog = None
            self.window.activateWindow()
