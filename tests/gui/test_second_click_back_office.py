"""A back-office button stays off from its click until its call has answered: choosing another
row, typing, or the list read again meanwhile turned it back on, so a second click sent the same
request again. Each call is held on a gate the test opens, wrapped around the real call of this
back office only; then the answer comes as it would."""

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from pos_app.gui.back_office.widgets import set_date
from pos_app.gui.back_office.window import BackOfficeWindow
from pos_app.till.back_office import BackOffice
from tests.gui.back_office_helpers import show_tab, signed_in
from tests.gui.e2e import WAIT_MS
from tests.gui.helpers import answer_confirmation
from tests.gui.test_back_office_payments import late_payment, open_attach, pending_qr
from tests.gui.test_day_close import cash_sale, close_day, today


class Gate:
    """Holds the calls it wraps on a worker until :meth:`open`; they then run for real."""

    def __init__(self) -> None:
        self._open = threading.Event()
        self.calls = 0

    def hold(self, monkeypatch: pytest.MonkeyPatch, office: BackOffice, name: str) -> None:
        real: Callable[..., Any] = getattr(office, name)

        def held(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            self._open.wait(WAIT_MS / 1000)
            return real(*args, **kwargs)

        monkeypatch.setattr(office, name, held)

    def open(self) -> None:
        self._open.set()


@pytest.fixture
def gate() -> Iterator[Gate]:
    held = Gate()
    yield held
    held.open()  # a test that failed leaves no worker waiting


def only_the_held_call_runs(qtbot, window: BackOfficeWindow) -> None:
    qtbot.waitUntil(lambda: window.tasks.pending == 1, timeout=WAIT_MS)


def test_check_status_stays_off_while_the_provider_is_asked(
    qtbot, start_app, monkeypatch, gate: Gate
) -> None:
    app = start_app()
    _, first = pending_qr(app)
    _, second = pending_qr(app)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    gate.hold(monkeypatch, tab.office, "check_status")
    tab.select(first)
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    assert not tab.check_button.isEnabled()

    tab.select(second)
    tab.select(first)
    qtbot.keyClicks(tab.reason, "asked the customer")
    tab.refresh()
    only_the_held_call_runs(qtbot, window)
    assert not tab.check_button.isEnabled()
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)

    gate.open()
    qtbot.waitUntil(lambda: tab.status.text() == f"{first} is pending now.", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=WAIT_MS)
    assert tab.check_button.isEnabled()
    assert gate.calls == 1


def test_mark_resolved_stays_off_while_the_reason_is_edited(
    qtbot, start_app, monkeypatch, gate: Gate
) -> None:
    app = start_app()
    _, invoice = pending_qr(app)
    _, other = pending_qr(app)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    gate.hold(monkeypatch, tab.office, "resolve")
    tab.select(invoice)
    qtbot.keyClicks(tab.reason, "customer paid cash")
    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)

    qtbot.keyClicks(tab.reason, " at the other till")
    tab.select(other)
    tab.select(invoice)
    assert not tab.resolve_button.isEnabled()

    gate.open()
    qtbot.waitUntil(lambda: invoice not in tab.invoices(), timeout=WAIT_MS)
    assert gate.calls == 1 and other in tab.invoices()


def test_close_day_stays_off_while_the_day_is_read_again(
    qtbot, start_app, monkeypatch, gate: Gate
) -> None:
    app = start_app()
    cash_sale(app)
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)
    gate.hold(monkeypatch, tab.office, "close_day")
    close_day(qtbot, tab)

    set_date(tab.day, today(app) - timedelta(days=1))  # the manager looks at yesterday, and back
    set_date(tab.day, today(app))
    only_the_held_call_runs(qtbot, window)
    assert tab.base is not None and tab.base.business_date == today(app)
    assert not tab.close_button.isEnabled()

    gate.open()
    qtbot.waitUntil(lambda: tab.closed_by == "Demo Manajer", timeout=WAIT_MS)
    assert not tab.close_button.isEnabled() and gate.calls == 1


def test_attach_stays_off_while_another_sale_is_chosen(
    qtbot, start_app, monkeypatch, gate: Gate
) -> None:
    app = start_app()
    sale_id, invoice = late_payment(qtbot, app)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    dialog = open_attach(qtbot, tab, invoice)
    gate.hold(monkeypatch, dialog.office, "attach")
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)

    dialog.view.clearSelection()
    dialog.select(sale_id)
    assert not dialog.attach_button.isEnabled()

    gate.open()
    qtbot.waitUntil(lambda: invoice not in tab.invoices(), timeout=WAIT_MS)
    assert gate.calls == 1
