"""Sending a ticket's bytes to the receipt printer over the network, USB or a serial port.

Each job opens the connection, asks the printer whether it has paper, sends, and closes: a printer
switched off between two sales is found at the next one, and nothing is held open meanwhile. A
printer that does not answer the paper question within :data:`STATUS_WAIT` seconds (some cheap
ones never do) is taken to have paper.
"""

import socket
from typing import Any

from pos_app.domain.errors import KasirError
from pos_app.domain.printer_address import PrinterAddress, PrinterKind
from pos_app.domain.texts import N_
from pos_app.printing import library

SEND_TIMEOUT = 5.0
"""Seconds to connect and to send a ticket before the printer counts as unreachable."""
STATUS_WAIT = 0.5
"""Seconds to wait for the printer's paper status."""
STATUS_FIXED_MASK, STATUS_FIXED_BITS = 0x93, 0x12
"""The bits every real answer to DLE EOT 4 has (Epson: 1 and 4 set, 0 and 7 clear); an answer
without them is not a printer's (some other service on the port) and says nothing of paper."""
PAPER_END = 0x60
"""The roll-end sensor's bits in that answer."""


class PrinterError(KasirError):
    """The printer could not print this job; the message says why, for the cashier."""


def send(
    address: PrinterAddress, data: bytes, paper: bool = True, *, timeout: float = SEND_TIMEOUT
) -> None:
    """Send ``data`` (ESC/POS) to the printer at ``address``, after making sure it has paper if
    ``paper`` (a drawer pulse needs none); :class:`PrinterError` if it cannot."""
    library.prepare()
    printer = _printer(address, timeout)
    try:
        printer.open()
    except Exception as error:  # not found, refused, no USB library: python-escpos varies
        raise PrinterError(
            N_("The receipt printer {address} cannot be reached (is it on and connected?): {why}"),
            address=str(address),
            why=_reason(error),
        ) from None
    try:
        if paper and _out_of_paper(printer, address, timeout):
            raise PrinterError(
                N_("The receipt printer {address} is out of paper"), address=str(address)
            )
        printer._raw(data)
    except OSError as error:
        raise PrinterError(
            N_("The receipt printer {address} stopped answering: {why}"),
            address=str(address),
            why=_reason(error),
        ) from None
    finally:
        printer.close()


def _printer(address: PrinterAddress, timeout: float) -> Any:
    """A python-escpos printer (its classes are imported now, see :mod:`.library`)."""
    from escpos.printer import Network, Serial, Usb

    if address.kind is PrinterKind.NETWORK:
        return Network(address.host, address.port, timeout=timeout)
    if address.kind is PrinterKind.USB:
        return Usb(address.vendor_id, address.product_id, timeout=round(timeout * 1000))
    return Serial(address.device, address.baudrate, timeout=timeout)


def _out_of_paper(printer: Any, address: PrinterAddress, timeout: float) -> bool:
    """Asks the printer (DLE EOT 4) with a short wait; no answer counts as paper. On the network
    the job would be lost, so it fails, when the printer has closed the connection (a reset, an
    empty read, or an answer and then the close) or its answer is no printer's (another service
    on the port). A USB or serial printer is the device asked for: an odd answer counts as paper,
    and a serial port reads nothing on a timeout too."""
    from escpos.constants import RT_STATUS_PAPER

    network = address.kind is PrinterKind.NETWORK
    _wait(printer, address.kind, STATUS_WAIT)
    try:
        answer = bytes(printer.query_status(RT_STATUS_PAPER))
        if network and (not answer or _hung_up(printer.device)):
            raise PrinterError(
                N_("The receipt printer {address} stopped answering: it closed the connection"),
                address=str(address),
            )
    except ConnectionError:
        raise
    except (OSError, NotImplementedError):
        return False
    finally:
        _wait(printer, address.kind, timeout)
    if not answer:
        return False
    status = answer[-1]
    if status & STATUS_FIXED_MASK != STATUS_FIXED_BITS:
        if network:
            raise PrinterError(
                N_(
                    "What answers at {address} is not a receipt printer: check the printer's "
                    "address in the settings"
                ),
                address=str(address),
            )
        return False
    return bool(status & PAPER_END)


def _hung_up(connection: socket.socket) -> bool:
    """Whether the far end has closed ``connection``: a peek that does not wait reads its end
    (nothing) or its reset at once, and finds nothing yet on a connection still open."""
    connection.setblocking(False)
    try:
        return connection.recv(1, socket.MSG_PEEK) == b""
    except BlockingIOError:
        return False
    except ConnectionError:
        return True


def _wait(printer: Any, kind: PrinterKind, seconds: float) -> None:
    """How long the open connection waits to read or write."""
    if kind is PrinterKind.NETWORK:
        printer.device.settimeout(seconds)
    elif kind is PrinterKind.USB:
        printer.timeout = round(seconds * 1000)
    else:
        printer.device.timeout = seconds


def _reason(error: Exception) -> str:
    """What went wrong underneath python-escpos's wrapping, in a few words."""
    root = error.__cause__ or error.__context__ or error
    if isinstance(root, TimeoutError):
        return "timed out"
    if isinstance(root, OSError) and root.strerror:
        return root.strerror
    text = str(root).strip()
    return text.splitlines()[-1] if text else type(root).__name__
