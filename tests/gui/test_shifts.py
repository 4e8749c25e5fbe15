"""The cashier's shift on a demo terminal, driven through its windows: the float asked after
sign-in, cash in and out with a reason, the drawer counted note by note at the close, and the
shift report on screen and as PDF; the store and the audit log checked behind them."""

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from pos_app.domain.basket import LineItem
from pos_app.gui.app import TerminalApp
from pos_app.gui.shift_dialogs import (
    CashMoveDialog,
    OpenShiftDialog,
    ShiftDialog,
    ShiftReportDialog,
)
from pos_app.store.shifts import Shift
from tests.gui.back_office_helpers import show_tab, signed_in
from tests.gui.e2e import WAIT_MS, press, sign_in
from tests.gui.helpers import answer_confirmation, wait_for_modal

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000
UPC_A = "036000291452"
"""An imported item's UPC-A code, with its check digit: what a scanner types."""
NOT_AN_AMOUNT = (
    f"{UPC_A} is a barcode, not an amount. Type the amount in whole rupiah, like 50.000."
)


def open_shift(qtbot, app: TerminalApp, opening_float: str) -> Shift:
    """Sign in as the demo cashier and answer the open-shift dialog."""
    sign_in(qtbot, app)
    dialog = wait_for_modal(qtbot, OpenShiftDialog)
    dialog.opening_float.setText(opening_float)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.shifts.shift is not None, timeout=WAIT_MS)
    assert app.shifts.shift is not None
    return app.shifts.shift


def cash_sale(app: TerminalApp, received: int) -> int:
    checkout = app.terminal.checkout
    sale_id = checkout.open_sale(LINES, cashier="Demo Kasir")
    checkout.pay_cash(sale_id, received)
    return sale_id


def move_cash(qtbot, panel: ShiftDialog, button, amount: str, reason: str) -> CashMoveDialog:
    qtbot.waitUntil(button.isEnabled, timeout=WAIT_MS)  # not while the panel fetches figures
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = wait_for_modal(qtbot, CashMoveDialog)
    qtbot.keyClicks(dialog.amount, amount)
    qtbot.keyClicks(dialog.reason, reason)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog


def test_esc_does_not_skip_the_opening_float(qtbot, start_app) -> None:
    app = start_app(ask_for_shift=True)
    sign_in(qtbot, app)
    dialog = wait_for_modal(qtbot, OpenShiftDialog)
    qtbot.keyClick(dialog.opening_float, Qt.Key.Key_Escape)
    assert QApplication.activeModalWidget() is dialog and dialog.isVisible()
    dialog.opening_float.setText("-5000")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() != "" and dialog.isVisible()
    assert app.terminal.store.shifts.current("T1", "Demo Kasir") is None


def test_a_barcode_scanned_into_an_amount_is_refused_not_taken_as_rupiah(qtbot, start_app):
    """A customer is waiting and the cashier scans the first item while the float is asked for
    (its "0" selected): the shift opened with Rp 36.000.291.452 in the drawer. The cash in and
    out amount took a code the same way. Both now refuse it as the cash dialog does."""
    app = start_app(ask_for_shift=True)
    sign_in(qtbot, app)
    dialog = wait_for_modal(qtbot, OpenShiftDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.opening_float)
    qtbot.waitUntil(lambda: app.runner.pending == 0)  # sign-in's own work done: none is ours
    qtbot.keyClicks(dialog.opening_float, UPC_A)
    qtbot.keyClick(dialog.opening_float, Qt.Key.Key_Return)
    assert dialog.status.text() == NOT_AN_AMOUNT and dialog.isVisible()
    assert app.runner.pending == 0 and app.shifts.shift is None
    assert app.terminal.store.shifts.current("T1", "Demo Kasir") is None

    dialog.opening_float.setText("100.000")
    qtbot.keyClick(dialog.opening_float, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.shifts.shift is not None, timeout=WAIT_MS)
    assert app.shifts.shift.opening_float == 100_000  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_F5)
    panel = wait_for_modal(qtbot, ShiftDialog)
    refused = move_cash(qtbot, panel, panel.cash_in_button, UPC_A, "change from the bank")
    assert refused.status.text() == NOT_AN_AMOUNT and refused.isVisible()
    assert app.runner.pending == 0 and panel.shift.cash_in == 0


def test_the_shift_buttons_wait_while_its_figures_are_fetched(qtbot, start_app) -> None:
    """A press while the dialog works was dropped without a word; now the buttons show it."""
    app = start_app(ask_for_shift=True)
    open_shift(qtbot, app, "0")
    press(qtbot, Qt.Key.Key_F5)
    panel = wait_for_modal(qtbot, ShiftDialog)
    buttons = (panel.close_button, panel.cash_in_button, panel.cash_out_button)
    qtbot.waitUntil(lambda: all(button.isEnabled() for button in buttons), timeout=WAIT_MS)
    gate = threading.Event()
    panel.work(lambda: gate.wait(WAIT_MS / 1000), lambda _: None)
    assert not any(button.isEnabled() for button in buttons)
    gate.set()
    qtbot.waitUntil(lambda: all(button.isEnabled() for button in buttons), timeout=WAIT_MS)


def test_open_move_cash_count_and_close_a_shift(qtbot, start_app, tmp_path: Path) -> None:
    app = start_app(ask_for_shift=True)
    shift = open_shift(qtbot, app, "200.000")
    assert (shift.cashier, shift.terminal_id, shift.opening_float) == ("Demo Kasir", "T1", 200_000)
    cash_sale(app, 20_000)  # Rp 14.000 taken, Rp 6.000 change given back from the drawer
    cash_sale(app, TOTAL)

    press(qtbot, Qt.Key.Key_F5)
    panel = wait_for_modal(qtbot, ShiftDialog)
    qtbot.waitUntil(lambda: panel.shift.cash_sales_count == 2, timeout=WAIT_MS)
    assert panel.expected.text() == "Rp 228.000"

    move_cash(qtbot, panel, panel.cash_in_button, "50000", "change from the bank")
    qtbot.waitUntil(lambda: panel.shift.cash_in == 50_000, timeout=WAIT_MS)
    refused = move_cash(qtbot, panel, panel.cash_out_button, "500000", "pick-up to the safe")
    qtbot.waitUntil(lambda: refused.status.text() != "", timeout=WAIT_MS)
    assert refused.status.text() == (
        "cannot take out Rp 500.000: the drawer should hold only Rp 278.000"
    )
    refused.reason.setText("pick-up to the safe")
    refused.amount.setText("100.000")
    qtbot.mouseClick(refused.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.shift.cash_out == 100_000, timeout=WAIT_MS)
    assert panel.expected.text() == "Rp 178.000"

    for value, pieces in ((100_000, 1), (50_000, 1), (20_000, 1), (5_000, 1), (1_000, 1)):
        panel.count.pieces[value].setValue(pieces)
    assert (panel.counted.text(), panel.difference.text()) == ("Rp 176.000", "-Rp 2.000")
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    report = wait_for_modal(qtbot, ShiftReportDialog)

    text = report.preview.toPlainText()
    for expected in (
        "SHIFT REPORT",
        "Demo Kasir",
        "Cash sales (2)",
        "change from the bank",
        "pick-up to the safe",
        "-Rp 100.000",
        "Rp 178.000",
        "Rp 176.000",
        "-Rp 2.000",
    ):
        assert expected in text, expected
    report.save_to(str(tmp_path / "shift.pdf"))
    assert (tmp_path / "shift.pdf").read_bytes().startswith(b"%PDF")

    closed = app.terminal.store.shifts.get(shift.id)
    assert closed.counted is not None and not closed.is_open
    assert (closed.expected_cash, closed.counted_cash, closed.difference) == (
        178_000,
        176_000,
        -2_000,
    )
    assert [(m.amount, m.reason) for m in closed.moves] == [
        (50_000, "change from the bank"),
        (-100_000, "pick-up to the safe"),
    ]
    assert app.shifts.shift is None
    cash_sale(app, TOTAL)  # after the close: not this shift's money
    assert app.terminal.store.shifts.get(shift.id).cash_sales_count == 2
    audit = [e for e in app.terminal.store.audit.recent() if e.action.startswith("shift.")]
    assert [e.action for e in reversed(audit)] == [
        "shift.open",
        "shift.cash_in",
        "shift.cash_out",
        "shift.close",
    ]
    assert audit[0].actor == "Demo Kasir" and audit[0].detail["difference"] == -2_000


def test_an_open_shift_is_found_again_after_a_restart(qtbot, start_app, demo_terminal) -> None:
    demo_terminal.store.shifts.open(
        terminal_id="T1",
        cashier="Demo Kasir",
        opening_float=100_000,
        now=demo_terminal.checkout.clock(),
    )
    app = start_app(ask_for_shift=True)
    sign_in(qtbot, app)
    qtbot.waitUntil(lambda: app.shifts.shift is not None, timeout=WAIT_MS)
    assert app.shifts.shift.opening_float == 100_000  # type: ignore[union-attr]
    assert not isinstance(QApplication.activeModalWidget(), OpenShiftDialog)


def test_a_shift_the_manager_closed_in_the_back_office_is_closed_at_the_till_too(
    qtbot, start_app
) -> None:
    """The cashier steps away; the manager opens the back office on the same till, counts and
    closes the cashier's shift (Day close, "Count and close this shift"). Back at the till, F5
    offers a new shift, not the closed one (whose buttons could only fail, and under which no
    cash sale or return would belong to any shift)."""

    app = start_app(ask_for_shift=True)
    shift = open_shift(qtbot, app, "50.000")
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)
    tab.shifts_view.selectRow(0)
    qtbot.mouseClick(tab.count_shift_button, Qt.MouseButton.LeftButton)
    panel = wait_for_modal(qtbot, ShiftDialog)
    panel.count.pieces[50_000].setValue(1)
    qtbot.waitUntil(panel.close_button.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    wait_for_modal(qtbot, ShiftReportDialog).close()
    assert not app.terminal.store.shifts.get(shift.id).is_open
    window.close()
    app.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.shell, timeout=WAIT_MS)

    press(qtbot, Qt.Key.Key_F5)  # the cashier is back
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=WAIT_MS)
    assert isinstance(QApplication.activeModalWidget(), OpenShiftDialog)
    assert app.shifts.shift is None


def test_esc_while_the_shift_closes_waits_for_the_close_and_shows_its_report(
    qtbot, start_app, demo_terminal
) -> None:
    """Esc pressed after Close shift, before the store answered (another writer held the
    database): the dialog was deleted, its answer then touched deleted buttons, the shift
    report never showed and the till still held the closed shift. Esc now waits for the job."""
    app = start_app(ask_for_shift=True)
    shift = open_shift(qtbot, app, "50.000")
    press(qtbot, Qt.Key.Key_F5)
    panel = wait_for_modal(qtbot, ShiftDialog)
    qtbot.waitUntil(panel.close_button.isEnabled, timeout=WAIT_MS)
    panel.count.pieces[50_000].setValue(1)

    db = demo_terminal.store.repositories().db
    db_path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    # The till's own background work (its relay poll) may be writing: wait for it, then hold
    # the lock through the close.
    busy = sqlite3.connect(db_path, timeout=WAIT_MS / 1000, isolation_level=None)
    busy.execute("BEGIN IMMEDIATE")
    try:
        qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(panel, Qt.Key.Key_Escape)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        busy.execute("COMMIT")
        busy.close()
    qtbot.waitUntil(lambda: app.runner.pending == 0, timeout=WAIT_MS)
    assert not demo_terminal.store.shifts.get(shift.id).is_open
    assert app.shifts.shift is None, "the till still holds the closed shift"
    assert isinstance(QApplication.activeModalWidget(), ShiftReportDialog)


def test_a_count_far_from_the_expected_cash_is_confirmed_before_the_shift_closes(
    qtbot, start_app
) -> None:
    """The next customer's item scanned into a count box made it Rp 36.000.000.000 in notes of
    Rp 100.000, and the shift closed with it in one click: a close is final, and the next
    shift's handover would take the miscount out of the day's expected cash. A count a whole
    Rp 100.000 or more off the expected cash is now asked about; No keeps the shift open."""
    app = start_app(ask_for_shift=True)
    shift = open_shift(qtbot, app, "50.000")
    press(qtbot, Qt.Key.Key_F5)
    panel = wait_for_modal(qtbot, ShiftDialog)
    qtbot.waitUntil(panel.close_button.isEnabled, timeout=WAIT_MS)
    box = panel.count.pieces[100_000]
    box.setFocus()
    qtbot.keyClicks(box, UPC_A)
    assert panel.counted.text() == "Rp 36.000.000.000"

    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=False)
    assert app.runner.pending == 0 and panel.isVisible()
    assert app.terminal.store.shifts.get(shift.id).is_open

    box.setValue(0)
    panel.count.pieces[50_000].setValue(1)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)  # counted right: no question
    wait_for_modal(qtbot, ShiftReportDialog)
    assert app.terminal.store.shifts.get(shift.id).counted_cash == 50_000


def test_a_short_drawer_closes_once_confirmed(qtbot, start_app) -> None:
    app = start_app(ask_for_shift=True)
    shift = open_shift(qtbot, app, "250.000")
    press(qtbot, Qt.Key.Key_F5)
    panel = wait_for_modal(qtbot, ShiftDialog)
    qtbot.waitUntil(panel.close_button.isEnabled, timeout=WAIT_MS)
    panel.count.pieces[100_000].setValue(1)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    box = wait_for_modal(qtbot, QMessageBox)
    assert "-Rp 150.000" in box.text()
    answer_confirmation(qtbot, yes=True)
    wait_for_modal(qtbot, ShiftReportDialog)
    assert app.terminal.store.shifts.get(shift.id).difference == -150_000
