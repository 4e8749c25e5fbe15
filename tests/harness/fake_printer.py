"""A network receipt printer on loopback for the tests: a real TCP server on a free port that
records the bytes of each connection (one job each, in the order the connections were
accepted, whichever finishes first) and answers the paper status query
(DLE EOT 4) as a printer with paper, or without when told."""

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from escpos.constants import CD_KICK_2

from pos_app.domain.printer_address import PrinterAddress, parse_printer

PAPER_STATUS_QUERY = b"\x10\x04\x04"
PAPER_OK = b"\x12"
PAPER_OUT = b"\x72"
"""Epson's answers: fixed bits only; fixed bits and the roll-end sensor's."""
DRAWER_PULSE = b"\x1bp\x00"
"""ESC p on pin 2, python-escpos's CD_KICK_2 without its two timing bytes."""
CUT = b"\x1dV"


class FakePrinter:
    def __init__(self, port: int = 0) -> None:
        self.paper = True
        self._received: list[bytes | None] = []
        self._changed = threading.Condition()
        self._server = socket.create_server(("127.0.0.1", port))
        self.port = self._server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def address(self) -> PrinterAddress:
        return parse_printer(f"tcp://127.0.0.1:{self.port}")

    @property
    def jobs(self) -> list[bytes]:
        """The jobs printed so far, in order, up to the first whose connection is still open."""
        with self._changed:
            done: list[bytes] = []
            for job in self._received:
                if job is None:
                    break
                done.append(job)
            return done

    def wait_for_jobs(self, count: int, timeout: float = 10.0) -> list[bytes]:
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.jobs) >= count, timeout):
                raise AssertionError(f"{len(self.jobs)} jobs printed, expected {count}")
            return self.jobs

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._server.accept()
            except OSError:
                return
            with self._changed:
                slot = len(self._received)
                self._received.append(None)
            threading.Thread(target=self._receive, args=(connection, slot), daemon=True).start()

    def _receive(self, connection: socket.socket, slot: int) -> None:
        received = b""
        with connection:
            while chunk := connection.recv(65536):
                if PAPER_STATUS_QUERY in chunk:
                    connection.sendall(PAPER_OK if self.paper else PAPER_OUT)
                received += chunk
        with self._changed:
            self._received[slot] = received
            self._changed.notify_all()


@contextmanager
def fake_printer(port: int = 0) -> Iterator[FakePrinter]:
    printer = FakePrinter(port)
    try:
        yield printer
    finally:
        printer.close()


def printed_rows(job: bytes) -> list[str]:
    """The text rows of a job, its ESC/POS commands taken out (python-escpos's style commands
    are ESC ! n, ESC E n, ESC a n, ESC t n; ESC @ has no argument)."""
    text = job.replace(b"\x1b@", b"").replace(CD_KICK_2, b"")
    for command in (b"\x1b!", b"\x1bE", b"\x1ba", b"\x1bt"):
        while (start := text.find(command)) >= 0:
            text = text[:start] + text[start + 3 :]
    text = text.replace(PAPER_STATUS_QUERY, b"")
    body = text.split(b"\x1bd")[0]  # the feed before the cut
    return body.decode("cp850").split("\n")[:-1]
