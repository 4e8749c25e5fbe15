"""Whether the system libraries Qt's X11 (xcb) platform plugin loads are installed.

Without them Qt only says it "could not load the Qt platform plugin "xcb"" and aborts; a fresh
Debian or Ubuntu desktop often lacks ``libxcb-cursor0`` and its siblings. Checked before the
QApplication exists (so this module imports no Qt), by loading each library as the plugin would.
"""

import ctypes
import sys
from collections.abc import Callable, Mapping, Sequence

XCB_LIBRARIES: Mapping[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
}
"""What PySide6's ``libqxcb.so`` links (``ldd``), and the Debian/Ubuntu package of each."""


def uses_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Qt will load its xcb plugin: on Linux with an X display, the platform unset (and no
    Wayland session, where Qt takes its Wayland plugin first) or set to ``xcb``."""
    if not platform.startswith("linux") or not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    return chosen == "xcb" or (not chosen and not env.get("WAYLAND_DISPLAY"))


def loadable(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def missing_libraries(load: Callable[[str], bool] = loadable) -> list[str]:
    """The libraries of :data:`XCB_LIBRARIES` that the dynamic loader cannot find."""
    return [library for library in XCB_LIBRARIES if not load(library)]


def install_advice(missing: Sequence[str]) -> str:
    """What to tell the person at the till, naming the packages that bring ``missing``."""
    packages = sorted({XCB_LIBRARIES[library] for library in missing})
    return (
        "Kasir's window cannot open: Qt's X11 platform plugin (xcb) needs system libraries "
        f"that are not installed ({', '.join(missing)}).\n"
        "On Debian or Ubuntu, install them with:\n"
        f"    sudo apt-get install {' '.join(packages)}\n"
        "then start Kasir again."
    )


def xcb_problem(env: Mapping[str, str]) -> str | None:
    """The advice when Qt would load its xcb plugin and some of its libraries are missing."""
    if not uses_xcb(env):
        return None
    missing = missing_libraries()
    return install_advice(missing) if missing else None
