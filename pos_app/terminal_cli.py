"""The shop terminal's entry point (``pos-app`` without a subcommand).

Settings problems and an unusable database are reported in plain words with exit status 2. With
embedded services (demo mode) their addresses are printed before the window opens.
"""

import argparse
import sys
from pathlib import Path

from pos_app.config import ConfigError, load_settings
from pos_app.gui.app import application, quit_on_signals, run_terminal
from pos_app.paths import demo_database_path
from pos_app.store.database import default_database_path
from pos_app.store.errors import StoreError
from pos_app.terminal import open_terminal

CONFIG_EXIT = 2


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
    return made


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        settings = load_settings(args.config)
    except ConfigError as error:
        print(f"pos-app: the settings cannot be used: {error}", file=sys.stderr)
        return CONFIG_EXIT
    db = args.db or (demo_database_path() if args.demo else default_database_path())
    quit_on_signals(application())
    try:
        terminal = open_terminal(settings, db, demo=args.demo)
    except ConfigError as error:
        print(
            f"pos-app: not set up for payments yet: {error}\n"
            "Set these in the settings file or the environment (KASIR_...), "
            "or try Kasir with 'pos-app --demo'.",
            file=sys.stderr,
        )
        return CONFIG_EXIT
    except StoreError as error:
        print(f"pos-app: cannot open the database {db}: {error}", file=sys.stderr)
        return CONFIG_EXIT
    try:
        if terminal.embedded is not None:
            print(f"sandbox: {terminal.embedded.sandbox.url}", flush=True)
            print(f"relay: {terminal.embedded.relay.url}", flush=True)
        return run_terminal(terminal, customer_display=args.customer_display)
    finally:
        terminal.close()
