"""Where the receipt printer is: one text setting that names the connection and its address.

``tcp://HOST[:PORT]`` is a network printer (port 9100 unless given), ``usb://VENDOR:PRODUCT`` a
USB printer by its hexadecimal ids (``lsusb`` shows them), ``serial:DEVICE[?baudrate=N]`` a
serial one (``serial:/dev/ttyUSB0``, ``serial:COM3``; 9600 baud unless given).
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.digits import whole_number
from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_

NETWORK_PORT = 9100
"""The raw printing port of network receipt printers (JetDirect)."""
SERIAL_BAUDRATE = 9600
PAPER_WIDTHS = (58, 80)
"""Receipt rolls, in millimetres."""
COLUMNS = {58: 32, 80: 48}
"""Characters per line of font A on each roll."""

_HOST = re.compile(r"^[A-Za-z0-9.-]{1,253}$")
_USB = re.compile(r"^([0-9A-Fa-f]{4}):([0-9A-Fa-f]{4})$")
_BAUDRATE = re.compile(r"^baudrate=(\d{3,7})$")


class PrinterKind(StrEnum):
    NETWORK = "tcp"
    USB = "usb"
    SERIAL = "serial"


@dataclass(frozen=True, slots=True)
class PrinterAddress:
    kind: PrinterKind
    host: str = ""
    port: int = NETWORK_PORT
    vendor_id: int = 0
    product_id: int = 0
    device: str = ""
    baudrate: int = SERIAL_BAUDRATE

    def __str__(self) -> str:
        if self.kind is PrinterKind.NETWORK:
            return f"tcp://{self.host}:{self.port}"
        if self.kind is PrinterKind.USB:
            return f"usb://{self.vendor_id:04x}:{self.product_id:04x}"
        return f"serial:{self.device}?baudrate={self.baudrate}"


def parse_printer(text: str) -> PrinterAddress:
    """The address ``text`` names; a :class:`ValidationError` says which form it expects."""
    scheme, colon, rest = text.strip().partition(":")
    kind = PrinterKind(scheme.lower()) if colon and scheme.lower() in set(PrinterKind) else None
    address = None
    if kind is PrinterKind.NETWORK:
        address = _network(rest)
    elif kind is PrinterKind.USB:
        match = _USB.match(rest.removeprefix("//"))
        if match:
            address = PrinterAddress(
                kind, vendor_id=int(match[1], 16), product_id=int(match[2], 16)
            )
    elif kind is PrinterKind.SERIAL:
        address = _serial(rest)
    if address is None:
        raise ValidationError(
            N_(
                "expected a printer as tcp://HOST:PORT, usb://VENDOR:PRODUCT (hexadecimal ids) "
                "or serial:DEVICE, got {value}"
            ),
            value=repr(text),
        )
    return address


def _network(rest: str) -> PrinterAddress | None:
    if not rest.startswith("//"):
        return None
    host, colon, port = rest[2:].rstrip("/").partition(":")
    number = whole_number(port, 5) if colon else NETWORK_PORT
    if not _HOST.match(host) or number is None or not 0 < number < 65536:
        return None
    return PrinterAddress(PrinterKind.NETWORK, host=host, port=number)


def _serial(rest: str) -> PrinterAddress | None:
    device, _, options = rest.removeprefix("//").partition("?")
    baudrate = SERIAL_BAUDRATE
    if options:
        match = _BAUDRATE.match(options)
        if not match:
            return None
        baudrate = int(match[1])
    # a NUL would reach the serial port's open() as a ValueError, not a named setting
    if not device.strip() or any(char.isspace() or not char.isprintable() for char in device):
        return None
    return PrinterAddress(PrinterKind.SERIAL, device=device, baudrate=baudrate)
