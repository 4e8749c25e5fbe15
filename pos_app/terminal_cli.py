"""The shop terminal's entry point (``pos-app`` without a subcommand)."""

import argparse

from pos_app import __version__


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="pos-app", description="Kasir shop terminal")
    parser.add_argument("--demo", action="store_true", help="embedded sandbox and relay")
    parser.parse_args(argv)
    print(f"Kasir {__version__}: the terminal window arrives with the cashier issue.")
    return 0
