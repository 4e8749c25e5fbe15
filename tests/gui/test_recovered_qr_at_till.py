"""A QR left open at the last run comes back once the cashier's shift is settled: not after the
cashier signed out before the store said which shift is theirs, and not never when it could not
say."""

import threading

import pytest
from PySide6.QtCore import Qt

from pos_app.demo.seed import DEMO_USERS
from pos_app.till import shifts as till_shifts
from tests.gui.e2e import WAIT_MS, open_payment, press, ring_up_three, sign_in


def left_open(qtbot, start_app) -> str:
    """A QR payment on screen when the till closed; its invoice."""
    first = start_app()
    sign_in(qtbot, first)
    ring_up_three(qtbot, first)
    invoice = open_payment(qtbot, first).invoice_number
    first.close()
    return invoice


def test_a_shift_found_after_its_cashier_signed_out_brings_no_qr_over_the_sign_in_page(
    qtbot, start_app, demo_terminal, monkeypatch
):
    left_open(qtbot, start_app)
    cashier = next(name for name, _role, pin in DEMO_USERS if pin == "1111")
    demo_terminal.store.shifts.open(
        terminal_id=demo_terminal.settings.terminal_id,
        cashier=cashier,
        opening_float=0,
        now=demo_terminal.checkout.clock(),
    )
    release, asked = threading.Event(), threading.Event()
    standing = till_shifts.ShiftDesk.standing

    def slow_standing(desk):
        asked.set()
        assert release.wait(WAIT_MS / 1000)
        return standing(desk)

    monkeypatch.setattr(till_shifts.ShiftDesk, "standing", slow_standing)
    app = start_app(ask_for_shift=True)
    sign_in(qtbot, app)
    qtbot.waitUntil(asked.is_set, timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_F7)  # an empty basket: signed out at once
    qtbot.waitUntil(lambda: app.user is None, timeout=WAIT_MS)
    release.set()
    qtbot.waitUntil(lambda: app.runner.pending == 0, timeout=WAIT_MS)

    with pytest.raises(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: app.controller.payment is not None, timeout=1000)


def test_a_shift_the_store_could_not_read_still_brings_the_qr_back(
    qtbot, start_app, demo_terminal, monkeypatch
):
    invoice = left_open(qtbot, start_app)
    standing = till_shifts.ShiftDesk.standing
    calls = []

    def failing_once(desk):
        calls.append(desk)
        if len(calls) == 1:
            raise RuntimeError("database is locked")
        return standing(desk)

    monkeypatch.setattr(till_shifts.ShiftDesk, "standing", failing_once)
    app = start_app(ask_for_shift=True)
    sign_in(qtbot, app)

    qtbot.waitUntil(lambda: app.controller.payment is not None, timeout=WAIT_MS)
    assert app.controller.payment.invoice_number == invoice
