"""``pos-app``: the shop terminal by default, and the service and maintenance commands.

Each subcommand lives in its own module with a ``main(argv) -> int``; this table only routes to it,
so starting one command never imports the others (the relay server does not load Qt).
"""

import importlib
import sys

from pos_app import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "sandbox": ("pos_app.commands.sandbox_service", "Run the local DOKU and ecommpay simulator."),
    "relay": ("pos_app.commands.relay_service", "Run or administer the notification relay."),
    "export": ("pos_app.commands.export", "Write the daily sales CSV of a day or a range."),
    "products": ("pos_app.commands.products", "Import or export the product list as CSV."),
    "demo-data": ("pos_app.commands.demo_data", "Fill a demo database with realistic sales."),
    "printer": ("pos_app.commands.printer", "Print the test page on a receipt printer."),
}
INTERNAL: dict[str, str] = {"demo-services": "pos_app.demo.services_child"}
"""Commands the terminal starts itself (demo mode's sandbox and relay); not listed in the usage."""
TERMINAL = "pos_app.gui.terminal_cli"
"""Without a subcommand: the terminal itself (``--demo`` for the embedded sandbox and relay)."""


def usage() -> str:
    rows = "\n".join(f"  {name:<12} {summary}" for name, (_, summary) in COMMANDS.items())
    return (
        "usage: pos-app [--demo] [--db PATH] [--config PATH] [--no-customer-display]\n"
        "               [--no-wizard] [--self-test]\n"
        "       pos-app COMMAND [options]\n\n"
        f"commands:\n{rows}\n\n"
        "Run 'pos-app COMMAND --help' for a command's options."
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] in (["--version"], ["-V"]):
        print(f"pos-app {__version__}")
        return 0
    if args[:1] in (["--help"], ["-h"], ["help"]):
        print(usage())
        return 0
    if args and args[0] in COMMANDS:
        module_name, args = COMMANDS[args[0]][0], args[1:]
    elif args and args[0] in INTERNAL:
        module_name, args = INTERNAL[args[0]], args[1:]
    elif args and not args[0].startswith("-"):
        print(f"pos-app: unknown command {args[0]!r}\n\n{usage()}", file=sys.stderr)
        return 2
    else:
        module_name = TERMINAL
    return int(importlib.import_module(module_name).main(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
