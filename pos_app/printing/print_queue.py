"""Printing never holds up the counter: jobs wait in a queue that one thread of its own prints.

:meth:`PrintQueue.submit` returns at once; the printer's answer reaches the listeners (the GUI
hands it on to its own thread). A receipt the printer could not print (off, out of paper,
unreachable) is kept, to print later with :meth:`PrintQueue.print_kept`; a drawer pulse is not,
since a drawer that flew open minutes after its sale would be worse than one that stayed shut.
"""

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from pos_app.domain.texts import Text
from pos_app.printing.device import PrinterError
from pos_app.printing.ticket import Ticket, escpos_bytes

log = logging.getLogger(__name__)

Sender = Callable[[bytes, bool], None]
"""Prints ESC/POS bytes (checking the paper first when told) or raises
:class:`~pos_app.printing.device.PrinterError`."""


@dataclass(frozen=True, slots=True)
class PrintJob:
    what: Text
    """The job in words, for the cashier: "receipt T1-20261121-0007"."""
    ticket: Ticket
    """Turned into ESC/POS on the queue's thread, where python-escpos is loaded."""
    paper: bool = True
    """Prints on paper: the printer must have some, and a job it fails is kept to print later.
    False for a drawer pulse, which needs no paper and is never repeated late."""


@dataclass(frozen=True, slots=True)
class PrintResult:
    job: PrintJob
    error: PrinterError | None
    """None: printed."""
    kept: int
    """Jobs waiting to be printed later, after this one."""


Listener = Callable[[PrintResult], object]


class PrintQueue:
    """Prints jobs in the order submitted, on a daemon thread started with the queue."""

    def __init__(self, send: Sender) -> None:
        self._send = send
        self._waiting: deque[PrintJob] = deque()
        self._kept: list[PrintJob] = []
        self._listeners: list[Listener] = []
        self._busy = False
        self._closed = False
        self._changed = threading.Condition()
        threading.Thread(target=self._serve, name="print-queue", daemon=True).start()

    def submit(self, job: PrintJob) -> None:
        with self._changed:
            if self._closed:
                raise RuntimeError("the print queue is closed")
            self._waiting.append(job)
            self._changed.notify_all()

    def print_kept(self) -> int:
        """Queue the kept jobs again, oldest first; how many."""
        with self._changed:
            kept, self._kept = self._kept, []
            self._waiting.extend(kept)
            self._changed.notify_all()
            return len(kept)

    @property
    def kept(self) -> tuple[PrintJob, ...]:
        with self._changed:
            return tuple(self._kept)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` (on the queue's thread) with each job's result; returns the undo."""
        with self._changed:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._changed:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def wait_until_idle(self, timeout: float | None = None) -> bool:
        """Wait until every submitted job has had its turn; False if ``timeout`` came first."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._waiting and not self._busy, timeout)

    def close(self, timeout: float | None = None) -> bool:
        """Print what is queued (within ``timeout``), then stop; False if jobs were left."""
        done = self.wait_until_idle(timeout)
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        return done

    def _serve(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._waiting or self._closed)
                if not self._waiting:
                    return
                job = self._waiting.popleft()
                self._busy = True
            error = self._print(job)
            with self._changed:
                if error is not None and job.paper:
                    self._kept.append(job)
                result = PrintResult(job, error, len(self._kept))
                listeners = list(self._listeners)
            for listener in listeners:
                try:
                    listener(result)
                except Exception:
                    log.exception("a print result listener failed")
            with self._changed:
                self._busy = False
                self._changed.notify_all()

    def _print(self, job: PrintJob) -> PrinterError | None:
        try:
            self._send(escpos_bytes(job.ticket), job.paper)
        except PrinterError as error:
            log.warning("%s not printed: %s", job.what.english(), error.text.english())
            return error
        except Exception as error:
            log.exception("%s not printed", job.what.english())
            return PrinterError(str(error))
        log.info("%s printed", job.what.english())
        return None
