"""The relay long-poll on its own thread, reporting its connection state to the GUI thread.

The poll runs in a daemon Python thread rather than a ``QThread``: a 25-second long-poll cannot
be interrupted (closing an httpx client does not wake a blocked read), and a QThread may not be
destroyed while it runs, so closing the window would wait for the relay.
A daemon thread is simply left to finish its last poll. :meth:`RelayClient.run` does the looping,
the reconnection backoff and the state changes; events go straight into the checkout (its sink).
When the checkout cannot take them (its store fails), the cause is reported until they go in.
"""

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from pos_app.clients.relay_client import (
    DEFAULT_WAIT,
    MAX_BACKOFF,
    ConnectionState,
    RelayClient,
    backoff_delay,
)
from pos_app.payments.model import EventSink


class RelayWatch(QObject):
    """Emits ``state_changed(ConnectionState)`` on the GUI thread when the connection changes,
    and ``not_applied(cause)`` instead when the relay's events could not be applied here; the
    next ``state_changed`` says they apply again."""

    state_changed = Signal(object)
    not_applied = Signal(str)
    _reported = Signal(object, str)

    def __init__(
        self,
        relay: RelayClient,
        sink: EventSink,
        *,
        wait: float = DEFAULT_WAIT,
        max_backoff: float = MAX_BACKOFF,
        first: Callable[[], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``first`` runs on the poll's thread before the first poll, again after a back-off
        until it says it learned what the till must know from the relay before it applies any
        event (a restored till's receipt numbers)."""
        super().__init__(parent)
        self._relay = relay
        self._first = first
        self._sink = sink
        self._wait = wait
        self._max_backoff = max_backoff
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._state: ConnectionState | None = None
        self._cause = ""
        self._reported.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def state(self) -> ConnectionState | None:
        """The last state reported; None until the first poll has answered or failed."""
        return self._state

    @property
    def connected(self) -> bool:
        return self._state is ConnectionState.CONNECTED

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the relay watch has already been started")
        self._thread = threading.Thread(target=self._run, name="relay-long-poll", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 0.0) -> bool:
        """Stop after the poll in progress; True if the thread has ended within ``timeout`` s."""
        self._stop.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        failures = 0
        while self._first is not None and not self._first():
            failures += 1
            if self._stop.wait(backoff_delay(failures, self._max_backoff)):
                return
        self._relay.run(
            self._sink,
            self._stop,
            self._on_state,
            on_not_applied=self._on_not_applied,
            wait=self._wait,
            max_backoff=self._max_backoff,
        )

    def _on_not_applied(self, error: Exception) -> None:
        """On the poll's thread, just before the state ``NOT_APPLIED`` is reported."""
        self._cause = str(error) or type(error).__name__

    def _on_state(self, state: ConnectionState) -> None:
        if not self._stop.is_set():
            self._reported.emit(state, self._cause)

    @Slot(object, str)
    def _deliver(self, state: ConnectionState, cause: str) -> None:
        if self._stop.is_set():
            return
        self._state = state
        if state is ConnectionState.NOT_APPLIED:
            self.not_applied.emit(cause)
        else:
            self.state_changed.emit(state)
