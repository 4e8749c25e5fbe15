"""``pos-app printer test``: print the test page on a receipt printer from a shell, to set one up
or to check it without starting the till.

    pos-app printer test --printer tcp://192.168.1.50:9100 --width 58

Without ``--printer`` or ``--width``, the ``[printer]`` settings say which printer and roll.
Exit status 0 when the printer took the page, 1 (with the reason) when it did not.
"""

import argparse
from datetime import UTC, datetime

from pos_app.commands.common import add_config_option, run, settings
from pos_app.domain.errors import ValidationError
from pos_app.domain.printer_address import PAPER_WIDTHS, PrinterAddress, parse_printer
from pos_app.settings.printer_settings import PrinterSettings
from pos_app.till.receipt_printer import print_test_page_now

PROG = "pos-app printer"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Work with the receipt printer.")
    commands = parser.add_subparsers(dest="command", required=True)
    test = commands.add_parser("test", help="print the test page")
    test.add_argument(
        "--printer",
        type=_address,
        help="tcp://HOST[:PORT], usb://VENDOR:PRODUCT or serial:DEVICE (default: the settings')",
    )
    test.add_argument(
        "--width", type=int, choices=PAPER_WIDTHS, help="the roll in mm (default: the settings')"
    )
    add_config_option(test, "the printer and the shop's name")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)

    def test_page() -> int:
        shop = settings(args)
        printer = PrinterSettings(
            args.printer or shop.printer.address, args.width or shop.printer.width
        )
        print_test_page_now(printer, shop.shop.name, datetime.now(UTC).astimezone(shop.timezone))
        print(f"test page sent to {printer.address} ({printer.width} mm)")
        return 0

    return run(PROG, test_page)


def _address(text: str) -> PrinterAddress:
    try:
        return parse_printer(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
