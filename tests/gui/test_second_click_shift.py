"""A cashier's shift closed from another window while the till's shift dialog still shows it open:
the store refuses what the dialog then asks ("closed already"); the dialog now ends with the
shift's final figures, and the till no longer counts on the shift."""

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from pos_app.domain.cash_count import CashCount
from pos_app.gui.app import TerminalApp
from pos_app.gui.shift_dialogs import CashMoveDialog, ShiftDialog, ShiftReportDialog
from pos_app.store.shifts import Shift
from pos_app.till.shifts import ShiftDesk
from tests.gui.back_office_helpers import idle, show_tab, signed_in
from tests.gui.e2e import WAIT_MS, press
from tests.gui.helpers import wait_for_modal
from tests.gui.test_shifts import open_shift


def shown_then_closed_elsewhere(qtbot, app: TerminalApp) -> tuple[ShiftDialog, Shift]:
    """F5's dialog on the cashier's open shift, which the manager then counts and closes
    through the back office's desk (Day close, "Count and close this shift")."""
    shift = open_shift(qtbot, app, "50.000")
    press(qtbot, Qt.Key.Key_F5)
    panel = wait_for_modal(qtbot, ShiftDialog)
    qtbot.waitUntil(panel.close_button.isEnabled, timeout=WAIT_MS)
    manager = ShiftDesk(app.terminal, shift.cashier, actor="Demo Manajer")
    closed = manager.close(shift.id, CashCount({50_000: 1}))
    assert not closed.is_open
    return panel, closed


def gone(dialog: QWidget) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def assert_ended_with_final_figures(qtbot, app: TerminalApp, panel: ShiftDialog) -> None:
    report = wait_for_modal(qtbot, ShiftReportDialog)
    assert gone(panel)
    assert report.shift.closed_by == "Demo Manajer" and report.shift.counted_cash == 50_000
    assert "Demo Manajer" in report.preview.toPlainText()
    assert app.shifts.shift is None, "the till still counts on the closed shift"


def test_a_close_refused_as_closed_already_ends_the_dialog_with_the_final_figures(
    qtbot, start_app
) -> None:
    """Before, the dialog stayed on the old figures with "closed already" under them, its
    buttons inviting more refused work, and the till kept the closed shift."""
    app = start_app(ask_for_shift=True)
    panel, closed = shown_then_closed_elsewhere(qtbot, app)
    panel.count.pieces[20_000].setValue(2)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)

    assert_ended_with_final_figures(qtbot, app, panel)
    assert app.terminal.store.shifts.get(closed.id) == closed  # the first close stands


def test_a_cash_in_refused_as_closed_already_ends_both_dialogs(qtbot, start_app) -> None:
    app = start_app(ask_for_shift=True)
    panel, closed = shown_then_closed_elsewhere(qtbot, app)
    qtbot.mouseClick(panel.cash_in_button, Qt.MouseButton.LeftButton)
    move = wait_for_modal(qtbot, CashMoveDialog)
    qtbot.keyClicks(move.amount, "20000")
    qtbot.keyClicks(move.reason, "change from the bank")
    qtbot.mouseClick(move.ok_button, Qt.MouseButton.LeftButton)

    assert_ended_with_final_figures(qtbot, app, panel)
    assert gone(move)
    assert app.terminal.store.shifts.get(closed.id).moves == ()


def test_a_shift_listed_open_but_closed_since_is_not_offered_for_counting(qtbot, start_app) -> None:
    """The Day close tab lists the shift open; its cashier then closes it at the till. "Count
    and close this shift" opened the dialog on it anyway, offering a count the store refuses;
    it now shows the shift as it closed."""
    app = start_app(ask_for_shift=True)
    shift = open_shift(qtbot, app, "50.000")
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)
    tab.shifts_view.selectRow(0)
    ShiftDesk(app.terminal, shift.cashier).close(shift.id, CashCount({50_000: 1}))
    qtbot.mouseClick(tab.count_shift_button, Qt.MouseButton.LeftButton)

    report = wait_for_modal(qtbot, ShiftReportDialog)
    assert report.shift.closed_by == "Demo Kasir" and report.shift.counted_cash == 50_000
    assert not isinstance(tab.shift_dialog, ShiftDialog)
    idle(qtbot, window)
    assert not tab.count_shift_button.isEnabled()  # the list read again: the shift is closed
