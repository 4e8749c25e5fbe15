"""The ``[printer]`` settings: the receipt printer, its roll, printing by itself, the drawer.

    [printer]
    address = "tcp://192.168.1.50:9100"   # or usb://04b8:0202, serial:/dev/ttyUSB0; unset: none
    width = 80                            # the roll in mm: 58 (32 characters) or 80 (48)
    auto_print = true                     # print the receipt after every sale
    drawer = true                         # a cash drawer hangs off the printer: open it on cash

``KASIR_PRINTER_ADDRESS``, ``KASIR_PRINTER_WIDTH``, ``KASIR_PRINTER_AUTO_PRINT`` and
``KASIR_PRINTER_DRAWER`` override them.
"""

from dataclasses import dataclass

from pos_app.domain.digits import whole_number
from pos_app.domain.errors import ValidationError
from pos_app.domain.printer_address import PAPER_WIDTHS, PrinterAddress, parse_printer
from pos_app.domain.texts import N_

KEYS = frozenset({"address", "width", "auto_print", "drawer"})


@dataclass(frozen=True, slots=True)
class PrinterSettings:
    address: PrinterAddress | None = None
    """None: no receipt printer; receipts go through the system's print dialog or to PDF."""
    width: int = 80
    auto_print: bool = True
    drawer: bool = False


def printer_address(raw: object) -> PrinterAddress | None:
    """An address, or None for an empty text (no printer)."""
    if not isinstance(raw, str):
        raise ValidationError(N_("expected a text, got {kind}"), kind=type(raw).__name__)
    return parse_printer(raw) if raw.strip() else None


def paper_width(raw: object) -> int:
    if isinstance(raw, str) and (number := whole_number(raw.strip(), 3)) is not None:
        raw = number
    if type(raw) is not int or raw not in PAPER_WIDTHS:  # not True, nor 80.0 (== 80)
        raise ValidationError(
            N_("expected the roll's width in mm, 58 or 80, got {value}"), value=repr(raw)
        )
    return raw
