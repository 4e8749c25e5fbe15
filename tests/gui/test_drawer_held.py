"""One till, one drawer, one open shift, at the counter of a demo terminal: a cashier who signs in
while another cashier's shift holds the till's drawer (left open, maybe since yesterday) signs
out for its cashier to close it, or a manager counts and closes it there before their own shift
opens; the Z report then expects one float."""

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.domain.basket import LineItem
from pos_app.gui.app import TerminalApp
from pos_app.gui.manager_pin import ManagerPin
from pos_app.gui.shift_dialogs import (
    DrawerHeldDialog,
    OpenShiftDialog,
    ShiftDialog,
    ShiftReportDialog,
)
from pos_app.payments.model import OPEN_STATES
from pos_app.reports.z_report import build_z_report
from pos_app.store.shifts import Shift
from pos_app.till.terminal import Terminal
from tests.gui.back_office_helpers import MANAGER_PIN
from tests.gui.e2e import WAIT_MS, open_payment, ring_up_three, shown_payment, sign_in
from tests.gui.helpers import wait_for_modal

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000
SARI_PIN, BUDI_PIN = "3333", "2222"


def cashiers(terminal: Terminal) -> None:
    """Sari and Budi, cashiers of the demo shop."""
    for name, pin in (("Sari", SARI_PIN), ("Budi", BUDI_PIN)):
        terminal.store.users.add_user(name, "cashier", pin)


def sari_left_her_shift_open(terminal: Terminal, days_ago: int = 0) -> Shift:
    """Sari opened her shift on T1 with Rp 100.000 ``days_ago`` days back, sold for cash once
    (today) and left it open."""
    cashiers(terminal)
    opened = terminal.checkout.clock() - timedelta(days=days_ago)
    shift = terminal.store.shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=opened
    )
    if not days_ago:
        sale_id = terminal.checkout.open_sale(LINES, cashier="Sari")
        terminal.checkout.pay_cash(sale_id, TOTAL)
    return shift


def since(app: TerminalApp, shift: Shift) -> str:
    return shift.opened_at.astimezone(app.terminal.store.day.tz).strftime("%d/%m/%Y %H:%M")


def test_a_manager_counts_the_drawer_left_open_and_the_next_cashier_opens_theirs(
    qtbot, start_app, demo_terminal
) -> None:
    """Budi signed in on Sari's till: he was asked for a float and opened a second shift on her
    drawer, the day expected both floats (Rp 214.000 for Rp 114.000 of floats and sales in the
    drawer: short by a float), and his count held her cash. Now the counter says whose shift
    holds the drawer; the manager counts and closes it there, then Budi opens his."""
    sari = sari_left_her_shift_open(demo_terminal)
    app = start_app(ask_for_shift=True)
    sign_in(qtbot, app, BUDI_PIN)

    held = wait_for_modal(qtbot, DrawerHeldDialog)
    assert f"held by the shift of Sari, open since {since(app, sari)}" in held.message.text()
    qtbot.keyClick(held, Qt.Key.Key_Escape)
    assert QApplication.activeModalWidget() is held and held.isVisible()
    assert demo_terminal.store.shifts.current("T1", "Budi") is None

    qtbot.mouseClick(held.count_button, Qt.MouseButton.LeftButton)
    pin = wait_for_modal(qtbot, ManagerPin)
    qtbot.waitUntil(pin.pad.pin.isEnabled, timeout=WAIT_MS)
    qtbot.keyClicks(pin.pad.pin, MANAGER_PIN)
    qtbot.keyClick(pin.pad.pin, Qt.Key.Key_Return)
    panel = wait_for_modal(qtbot, ShiftDialog)
    assert panel.shift.id == sari.id and panel.desk.actor == "Demo Manajer"
    qtbot.waitUntil(panel.close_button.isEnabled, timeout=WAIT_MS)  # its figures are in
    for value, pieces in ((100_000, 1), (10_000, 1), (2_000, 2)):
        panel.count.pieces[value].setValue(pieces)
    assert (panel.expected.text(), panel.difference.text()) == ("Rp 114.000", "Rp 0")
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    report = wait_for_modal(qtbot, ShiftReportDialog)
    assert report.shift.cashier == "Sari" and "Demo Manajer" in report.preview.toPlainText()
    report.close()

    opening = wait_for_modal(qtbot, OpenShiftDialog)
    assert opening.desk.cashier == "Budi"
    opening.opening_float.setText("114.000")  # the drawer as Sari's count left it
    qtbot.mouseClick(opening.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.shifts.shift is not None, timeout=WAIT_MS)
    budi = app.shifts.shift
    assert budi is not None and (budi.cashier, budi.opening_float) == ("Budi", 114_000)
    closed = demo_terminal.store.shifts.get(sari.id)
    assert (closed.closed_by, closed.counted_cash, closed.difference) == (
        "Demo Manajer",
        114_000,
        0,
    )

    sale_id = demo_terminal.checkout.open_sale(LINES, cashier="Budi")
    demo_terminal.checkout.pay_cash(sale_id, TOTAL)
    store = demo_terminal.store
    db, day = store.repositories().db, store.day.date_of(demo_terminal.checkout.clock())
    shown = build_z_report(db, day, day=store.day)
    assert (shown.opening_float_of_shifts, shown.moved_between_shifts) == (100_000, 0)
    report_now = build_z_report(db, day, day=store.day, opening_float=shown.opening_float_of_shifts)
    assert report_now.expected_cash == 100_000 + 2 * TOTAL == 128_000


def test_a_drawer_left_open_overnight_sends_the_next_cashier_back_to_sign_in(
    qtbot, start_app, demo_terminal
) -> None:
    """Sari's shift of yesterday still holds the drawer in the morning: Budi signs out from the
    dialog, no shift of his is opened, and Sari, signing in, finds hers to close with F5."""
    sari = sari_left_her_shift_open(demo_terminal, days_ago=1)
    app = start_app(ask_for_shift=True)
    sign_in(qtbot, app, BUDI_PIN)

    held = wait_for_modal(qtbot, DrawerHeldDialog)
    assert f"open since {since(app, sari)}" in held.message.text()
    qtbot.mouseClick(held.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.shell.currentWidget() is not app.window, timeout=WAIT_MS)
    assert app.user is None and app.shifts.dialog is None
    assert demo_terminal.store.shifts.current("T1", "Budi") is None

    sign_in(qtbot, app, SARI_PIN)
    qtbot.waitUntil(lambda: app.shifts.shift is not None, timeout=WAIT_MS)
    assert app.shifts.shift.id == sari.id  # type: ignore[union-attr]
    assert app.shifts.dialog is None


def test_a_qr_left_open_comes_back_once_the_shift_is_settled_not_under_the_drawer_dialog(
    qtbot, start_app, demo_terminal
) -> None:
    """The till restarted with a basket's QR open, and Sari's shift of yesterday holds the
    drawer. The QR came back on screen as Budi signed in, under the dialog that sends him
    back: signing out there held the basket with its QR still payable, and left the QR up over
    the sign-in page. It now waits for a cashier at the till: Sari, whose shift it is."""
    sari_left_her_shift_open(demo_terminal, days_ago=1)
    first = start_app()
    sign_in(qtbot, first)
    ring_up_three(qtbot, first)
    invoice = open_payment(qtbot, first).invoice_number
    first.close()

    app = start_app(ask_for_shift=True)
    sign_in(qtbot, app, BUDI_PIN)
    held = wait_for_modal(qtbot, DrawerHeldDialog)
    qtbot.waitUntil(lambda: app.controller._runner.pending == 0, timeout=WAIT_MS)
    assert app.controller.payment is None and len(app.window.basket_model.basket) == 0
    qtbot.mouseClick(held.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.shell.currentWidget() is not app.window, timeout=WAIT_MS)
    assert app.user is None and app.controller.payment is None
    assert demo_terminal.store.held.list_held() == []
    assert demo_terminal.store.payments.get_attempt(invoice).state in OPEN_STATES

    sign_in(qtbot, app, SARI_PIN)
    assert shown_payment(qtbot, app).invoice_number == invoice
    assert len(app.window.basket_model.basket) == 3 and app.shifts.dialog is None


def test_a_shift_opened_on_the_till_while_the_float_is_typed_turns_the_dialog(
    qtbot, start_app, demo_terminal
) -> None:
    """The drawer was free when Budi signed in, but Sari's shift opened on T1 before his float
    went in (another Kasir given the same till's id): the store refuses his shift, and the
    counter turns to the dialog that names hers, not an open-shift dialog that can only fail
    and cannot be dismissed."""
    cashiers(demo_terminal)
    app = start_app(ask_for_shift=True)
    sign_in(qtbot, app, BUDI_PIN)
    opening = wait_for_modal(qtbot, OpenShiftDialog)
    sari = demo_terminal.store.shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=0, now=demo_terminal.checkout.clock()
    )

    qtbot.mouseClick(opening.open_button, Qt.MouseButton.LeftButton)

    held = wait_for_modal(qtbot, DrawerHeldDialog)
    assert held.held.id == sari.id and app.shifts.dialog is held
    assert demo_terminal.store.shifts.current("T1", "Budi") is None
