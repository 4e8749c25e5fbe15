"""pytest-qt setup for the views: offscreen platform, a sound Qt binding, an in-memory catalog."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from pos_app.gui.app import TerminalApp
from pos_app.gui.i18n import remove_translation
from pos_app.settings.terminal_config import Settings
from pos_app.store.given_back import relay_copy_read
from pos_app.till.terminal import Terminal, open_terminal
from pos_app.till.uploads import reconcile
from tests.gui.e2e import FAST, RELAY_WAIT, WAIT_MS
from tests.gui.helpers import PRODUCTS, MemoryCatalog


class _Probe(QObject):
    ping = Signal()


@pytest.fixture(autouse=True, scope="session")
def _signal_emit_keeps_references() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to True at every ``Signal.emit()``; a few
    hundred emits later the interpreter aborts. Fail the views' tests clearly instead."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(5):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost:
        pytest.fail(
            f"PySide6 {pyside_version} loses a reference to True at each Signal.emit() "
            f"({lost} in 5 emits): the app would abort after a few hundred signals. "
            "Use a PySide6 release without this bug (6.11.3 is sound).",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _english_after_each_test(qapp) -> Iterator[None]:
    """A test that starts the app in-process installs the system language's translator; take it
    away again, so a developer's ``LANG=id_ID`` cannot turn later tests Indonesian."""
    yield
    remove_translation(qapp)


@pytest.fixture
def catalog() -> MemoryCatalog:
    return MemoryCatalog(PRODUCTS)


@pytest.fixture
def demo_terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A whole demo terminal: store, embedded sandbox and relay on loopback."""
    terminal = open_terminal(Settings(), tmp_path / "demo.db", demo=True)
    yield terminal
    terminal.close()


def _app_starter(qtbot, default: Callable[[], Terminal]) -> Iterator[Callable[..., TerminalApp]]:
    started: list[TerminalApp] = []

    def start(terminal: Terminal | None = None, **options: Any) -> TerminalApp:
        options.setdefault("timing", FAST)
        options.setdefault("relay_wait", RELAY_WAIT)
        options.setdefault("ask_for_shift", False)
        app = TerminalApp(terminal or default(), **options)
        started.append(app)
        app.shell.resize(1280, 800)
        app.start()
        terminal = app.terminal
        if app.uploader is not None and terminal.relay is not None:
            # A till gives no money back until it has read the relay's copy of its days, which
            # its relay watch does first: wait for that (a read later would set a day refused
            # meanwhile going again), or read it through the demo relay for an app given another.
            if "relay" in options:
                reconcile(terminal.store, terminal.relay, terminal.settings.terminal_id)
            else:
                db = terminal.store.repositories().db
                qtbot.waitUntil(lambda: relay_copy_read(db), timeout=WAIT_MS)
        return app

    yield start
    for app in started:
        app.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def start_app(qtbot, demo_terminal: Terminal) -> Iterator[Callable[..., TerminalApp]]:
    """Start a :class:`TerminalApp` (on the demo terminal unless given another); closed after."""
    yield from _app_starter(qtbot, lambda: demo_terminal)


@pytest.fixture
def start_app_on(qtbot) -> Iterator[Callable[..., TerminalApp]]:
    """Start a :class:`TerminalApp` on a terminal the test opened itself; closed after. No demo
    terminal is opened beside it (its services' child would cost a second or more)."""

    def no_default() -> Terminal:
        raise AssertionError("start_app_on starts the app on the test's own terminal: pass it")

    yield from _app_starter(qtbot, no_default)
