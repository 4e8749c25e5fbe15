"""The back office opens only for a manager's PIN, checked off the GUI thread, with lock-out."""

from pos_app.gui.back_office import open_back_office
from pos_app.store.users import LOCK_AFTER
from tests.gui.back_office_helpers import (
    CASHIER_PIN,
    MANAGER_PIN,
    enter_pin,
    open_entry,
    signed_in,
)
from tests.gui.e2e import WAIT_MS


def test_a_cashier_pin_is_refused_and_a_manager_pin_opens_the_back_office(qtbot, start_app) -> None:
    app = start_app()
    entry = open_entry(qtbot, app)
    dialog = entry.sign_in
    assert dialog.manager.currentText() == "Demo Manajer"

    enter_pin(qtbot, dialog, CASHIER_PIN)
    qtbot.waitUntil(lambda: dialog.pad.error.text() == "Wrong PIN for Demo Manajer.")
    assert entry.window is None

    enter_pin(qtbot, dialog, MANAGER_PIN)
    qtbot.waitUntil(lambda: entry.window is not None and entry.window.isVisible(), timeout=WAIT_MS)
    assert entry.window is not None
    assert "Demo Manajer" in entry.window.windowTitle()
    qtbot.waitUntil(lambda: app.runner.pending == 0)
    opened = [e for e in app.terminal.store.audit.recent() if e.action == "back_office.open"]
    assert [e.actor for e in opened] == ["Demo Manajer"]


def test_wrong_pins_lock_the_manager_out_with_a_countdown(qtbot, start_app) -> None:
    app = start_app()
    dialog = open_entry(qtbot, app).sign_in
    for attempt in range(1, LOCK_AFTER + 1):
        enter_pin(qtbot, dialog, "0000")
        qtbot.waitUntil(lambda: not dialog._verifying)
        assert dialog.pad.error.text() == "Wrong PIN for Demo Manajer.", attempt

    enter_pin(qtbot, dialog, MANAGER_PIN)  # the right PIN, too late: not even checked

    qtbot.waitUntil(lambda: dialog.pad.locked, timeout=WAIT_MS)
    assert dialog.pad.error.text() == "Too many wrong PINs. Try again in 0:30."
    assert not dialog.pad.pin.isEnabled()


def test_f10_again_brings_the_open_back_office_forward(qtbot, start_app) -> None:
    app = start_app()
    window = signed_in(qtbot, app)
    entry = open_back_office(app.shell, app.terminal, app.runner)
    assert entry.window is window

    window.close()
    qtbot.waitUntil(lambda: open_back_office(app.shell, app.terminal, app.runner).window is None)
