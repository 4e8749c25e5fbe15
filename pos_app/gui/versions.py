"""The GUI's own libraries, for the log and the support bundle (the core cannot ask Qt)."""

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion


def qt_versions() -> dict[str, str]:
    return {"PySide6": pyside_version, "Qt": qVersion()}
