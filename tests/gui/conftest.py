"""pytest-qt setup for the views: offscreen platform, a sound Qt binding, an in-memory catalog."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Signal

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


@pytest.fixture
def catalog() -> MemoryCatalog:
    return MemoryCatalog(PRODUCTS)
