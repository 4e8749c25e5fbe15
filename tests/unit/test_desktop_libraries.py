"""The check before Qt's xcb plugin loads: when it runs, and what it tells the person."""

import shutil
import subprocess
from pathlib import Path

import pytest

from pos_app.gui import terminal_cli
from pos_app.gui.desktop_libraries import (
    XCB_LIBRARIES,
    install_advice,
    missing_libraries,
    uses_xcb,
)


def test_the_advice_names_the_packages_of_the_missing_libraries() -> None:
    advice = install_advice(["libxcb-keysyms.so.1", "libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in advice
    assert "libxcb-keysyms.so.1, libxcb-cursor.so.0, libxcb-icccm.so.4" in advice
    assert "could not load" not in advice


def test_a_package_is_named_once_however_many_of_its_libraries_are_missing() -> None:
    advice = install_advice(list(XCB_LIBRARIES))
    line = next(text for text in advice.splitlines() if "apt-get install" in text)
    packages = line.split("install ")[1].split()
    assert sorted(packages) == sorted(set(XCB_LIBRARIES.values()))


def test_missing_libraries_are_those_the_loader_cannot_load() -> None:
    absent = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}
    assert missing_libraries(lambda library: library not in absent) == [
        "libxcb-cursor.so.0",
        "libxkbcommon-x11.so.0",
    ]
    assert missing_libraries(lambda library: True) == []


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        (
            {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"},
            "linux",
            True,
        ),
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "win32", False),
    ],
)
def test_only_an_x11_start_is_checked(env: dict[str, str], platform: str, expected: bool) -> None:
    assert uses_xcb(env, platform) is expected


class NoApplicationYet:
    """What ``pos-app`` sees at its start: no QApplication (a test run may hold one)."""

    @staticmethod
    def instance() -> None:
        return None


def test_pos_app_names_the_packages_instead_of_starting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        terminal_cli, "xcb_problem", lambda env: install_advice(["libxcb-cursor.so.0"])
    )
    monkeypatch.setattr(terminal_cli, "QApplication", NoApplicationYet)
    args = terminal_cli.parser().parse_args(["--demo"])
    assert terminal_cli.run(args) == terminal_cli.LIBRARIES_EXIT
    assert "sudo apt-get install libxcb-cursor0" in capsys.readouterr().err


def test_the_table_covers_the_libraries_pyside6s_xcb_plugin_links() -> None:
    """A newer PySide6 that links another X11 library must have it in the table."""
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists() or shutil.which("ldd") is None:
        pytest.skip("no xcb plugin or no ldd on this system")
    linked = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    names = {line.split()[0] for line in linked.splitlines() if line.strip()}
    x11 = {name for name in names if name.startswith(("libxcb", "libX11", "libxkbcommon"))}
    assert x11 <= set(XCB_LIBRARIES)
