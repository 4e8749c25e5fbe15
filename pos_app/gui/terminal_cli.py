"""The shop terminal's entry point (``pos-app`` without a subcommand).

A terminal that is not set up yet (no settings file and no provider in the environment, or a
provider whose credentials are missing) opens the setup wizard, which writes the settings file or
turns into demo mode. Where no one can answer a window (``--no-wizard``, CI, Qt's offscreen
platform, no display), settings problems and an unusable database are reported in plain words
with exit status 2; a desktop without the system libraries Qt's X11 plugin needs is told which
packages to install, with exit status 3. With embedded services (demo mode) their addresses are
printed before the window opens. ``--self-test`` runs one QR sale end to end in demo mode,
unattended.

Everything from the first line of ``main`` to the last is logged (:mod:`pos_app.settings.log_file`):
into ``kasir.log``, or ``kasir-demo.log`` for demo mode and the self-test.
"""

import argparse
import logging
import os
import platform
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from pos_app import __version__
from pos_app.gui.app import application, quit_on_signals, run_terminal
from pos_app.gui.desktop_libraries import xcb_problem
from pos_app.gui.i18n import system_language, use_language
from pos_app.gui.self_test import run_self_test
from pos_app.gui.setup_wizard import SetupOutcome, run_setup_wizard
from pos_app.gui.versions import qt_versions
from pos_app.settings import paths
from pos_app.settings.log_file import (
    LOG_DIR_ENV,
    hide,
    hide_secrets,
    log_dir,
    start_logging,
    stop_logging,
)
from pos_app.settings.paths import resources_dir
from pos_app.settings.terminal_config import (
    ConfigError,
    Settings,
    load_settings,
)
from pos_app.store.errors import StoreError
from pos_app.till.terminal import open_terminal

CONFIG_EXIT = 2
LIBRARIES_EXIT = 3
"""Qt's platform plugin would not load: system packages to install are named."""
HEADLESS_PLATFORMS = ("offscreen", "minimal")
ICON = Path("icons") / "kasir.png"

log = logging.getLogger(__name__)


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(prog="pos-app", description="Kasir shop terminal")
    made.add_argument(
        "--demo",
        action="store_true",
        help="embedded sandbox and relay, demo catalogue and users (PIN 1111 and 9999)",
    )
    made.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="terminal database (default: kasir.db, or demo.db with --demo, in the data dir)",
    )
    made.add_argument(
        "--config", type=Path, metavar="PATH", help="settings file (default: kasir.toml)"
    )
    made.add_argument(
        "--no-customer-display",
        dest="customer_display",
        action="store_false",
        help="do not open the customer-facing window",
    )
    made.add_argument(
        "--no-wizard",
        dest="wizard",
        action="store_false",
        help="never open the setup wizard: a terminal not set up exits with status 2",
    )
    made.add_argument(
        "--self-test",
        action="store_true",
        help="run one QR sale in demo mode on a temporary database (offscreen), exit 0 if it works",
    )
    return made


class NotSetUp(Exception):
    """The terminal cannot start; the message says why and what to do (exit status 2)."""


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        path = start_logging(demo=args.demo or args.self_test)
    except OSError as error:
        print(
            f"pos-app: cannot keep the log in {log_dir()} ({error.strerror}); "
            f"set {LOG_DIR_ENV} to a folder Kasir may write",
            file=sys.stderr,
        )
        return CONFIG_EXIT
    versions = ", ".join(f"{name} {version}" for name, version in qt_versions().items())
    log.info(
        "Kasir %s starting%s: Python %s, %s, %s; logging to %s",
        __version__,
        " (demo)" if args.demo else " (self-test)" if args.self_test else "",
        platform.python_version(),
        versions,
        platform.platform(),
        path,
    )
    try:
        return self_test() if args.self_test else run(args)
    except Exception:
        log.critical("Kasir stopped on an error", exc_info=True)
        raise
    finally:
        log.info("Kasir stopped")
        stop_logging()


def run(args: argparse.Namespace) -> int:
    """Settings, database, window: each problem in plain words on stderr and in the log."""
    missing = xcb_problem(os.environ) if QApplication.instance() is None else None
    if missing:  # once an application runs, its platform plugin is loaded already
        log.error("not started: %s", missing)
        print(f"pos-app: {missing}", file=sys.stderr)
        return LIBRARIES_EXIT
    try:
        settings, demo = settings_to_run(args)
    except NotSetUp as stop:
        log.error("not started: %s", stop)
        print(f"pos-app: {stop}", file=sys.stderr)
        return CONFIG_EXIT
    if demo and not args.demo:
        start_logging(demo=True)  # the wizard chose demo mode: its own file from here on
    db = args.db or (paths.demo_database_path() if demo else paths.database_path())
    try:
        terminal = open_terminal(settings, db, demo=demo)
    except ConfigError as error:
        log.error("not set up for payments yet: %s", error)
        print(
            f"pos-app: not set up for payments yet: {error}\n"
            "Set these in the settings file or the environment (KASIR_...), "
            "or try Kasir with 'pos-app --demo'.",
            file=sys.stderr,
        )
        return CONFIG_EXIT
    except StoreError as error:
        log.error("cannot open the database %s: %s", db, error)
        print(f"pos-app: cannot open the database {db}: {error}", file=sys.stderr)
        return CONFIG_EXIT
    hide_secrets(terminal.settings)
    if terminal.embedded is not None:
        hide([terminal.embedded.relay_token])
    log.info(
        "terminal %s open: provider %s, database %s",
        terminal.settings.terminal_id,
        terminal.settings.provider,
        db,
    )
    try:
        if terminal.embedded is not None:
            print(f"sandbox: {terminal.embedded.sandbox.url}", flush=True)
            print(f"relay: {terminal.embedded.relay.url}", flush=True)
        return run_terminal(terminal, customer_display=args.customer_display)
    finally:
        terminal.close()


def settings_to_run(args: argparse.Namespace) -> tuple[Settings, bool]:
    """The settings and whether to run in demo mode, once the application runs in the right
    language; first the setup wizard where Kasir is not set up and someone can answer it."""
    ask = args.wizard and can_show_windows(os.environ)
    path = settings_path(args.config, os.environ)
    settings: Settings | None = None
    try:
        settings = load_settings(args.config)
        hide_secrets(settings)
    except ConfigError as error:
        if args.demo or path.exists() or not ask:
            raise NotSetUp(f"the settings cannot be used: {error}") from None
    language = settings.language if settings else None
    app = started_application(language)
    if settings is not None and (args.demo or not needs_setup(settings, os.environ)):
        return settings, args.demo
    if not ask:
        if settings is None or first_run(settings, os.environ):
            raise NotSetUp(
                f"Kasir is not set up yet: there is no settings file at {path}.\n"
                "Run pos-app at the till's screen to set it up, write the file "
                "(README: Configuration), or try Kasir with 'pos-app --demo'."
            )
        return settings, False  # open_terminal names what is missing
    outcome = setup(app, path, language)
    if outcome is SetupOutcome.CANCELLED:
        raise NotSetUp(
            "setup cancelled, nothing was written. Run pos-app again to set up Kasir, "
            "or try it with 'pos-app --demo'."
        )
    if outcome is SetupOutcome.DEMO:
        return settings or Settings(), True
    try:
        settings = load_settings(args.config)
    except ConfigError as error:
        raise NotSetUp(f"the settings cannot be used: {error}") from None
    hide_secrets(settings)
    return settings, False


def self_test() -> int:
    """Offscreen unless a platform is named: the test needs no one at the screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started_application(None)
    return run_self_test()


def started_application(language: str | None) -> QApplication:
    """The application, quitting on Ctrl+C/SIGTERM, in the chosen language, with Kasir's icon."""
    app = application()
    quit_on_signals(app)
    use_language(app, system_language(language))
    app.setWindowIcon(QIcon(str(resources_dir() / ICON)))
    return app


def setup(app: QApplication, path: Path, language: str | None) -> SetupOutcome:
    """The wizard, before the terminal's event loop: closing it must not end the application."""
    quits = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        return run_setup_wizard(path, system_language(language)).outcome
    finally:
        app.setQuitOnLastWindowClosed(quits)


def settings_path(explicit: Path | None, env: Mapping[str, str]) -> Path:
    """The settings file :func:`load_settings` reads: ``--config``, ``KASIR_CONFIG``, default."""
    if explicit is not None:
        return explicit
    return Path(env["KASIR_CONFIG"]) if env.get("KASIR_CONFIG") else paths.config_path()


def first_run(settings: Settings, env: Mapping[str, str]) -> bool:
    """No settings file, and no provider named in the environment either."""
    return settings.source is None and not env.get("KASIR_PROVIDER")


def needs_setup(settings: Settings, env: Mapping[str, str]) -> bool:
    """First run, or the chosen provider's credentials are missing."""
    return first_run(settings, env) or bool(settings.missing_for_provider())


def can_show_windows(env: Mapping[str, str]) -> bool:
    """Someone may be at a screen to answer the wizard: not CI, not a headless Qt platform, and
    on X11/Wayland systems a display to show it on."""
    if env.get("CI") or env.get("QT_QPA_PLATFORM", "").split(":")[0] in HEADLESS_PLATFORMS:
        return False
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
