"""A relay in this process on a free loopback port: for demo mode and tests.

It runs under the same uvicorn settings as ``pos-app relay serve`` (:mod:`pos_app.relay.server`),
time limits included, in a background thread.
"""

import threading
import time
from types import TracebackType
from typing import Self

import uvicorn

from pos_app.relay import auth
from pos_app.relay.app import RelayApp
from pos_app.relay.config import RelayConfig
from pos_app.relay.server import uvicorn_config
from pos_app.relay.writer import RelayStorage

STARTUP_TIMEOUT = 10.0


class EmbeddedRelay:
    """A running relay: ``url`` to reach it, ``add_terminal`` to mint tokens, ``stop`` to end."""

    def __init__(self, config: RelayConfig) -> None:
        self.storage = RelayStorage(config.database)
        self.app = RelayApp(config, self.storage)
        self.server = uvicorn.Server(uvicorn_config(self.app, host=config.host, port=config.port))
        self._thread = threading.Thread(target=self.server.run, name="relay", daemon=True)
        self._host = config.host

    @property
    def port(self) -> int:
        return int(self.server.servers[0].sockets[0].getsockname()[1])

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self.port}"

    def start(self) -> Self:
        self._thread.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT
        pause = threading.Event()
        while not self.server.started and self._thread.is_alive() and time.monotonic() < deadline:
            pause.wait(0.01)
        if not self.server.started:
            self.stop()
            raise RuntimeError(f"the relay on {self._host} did not start")
        return self

    def add_terminal(self, name: str) -> str:
        """A new terminal's bearer token (written through the relay's own writer). A name that
        is a terminal id is the terminal's till id; another is learned from its first invoice."""
        return self.storage.write_from_thread(lambda conn: auth.create_terminal(conn, name)[1])

    def stop(self) -> None:
        """Answer open long-polls, stop serving (which drains the writer), close the database."""
        self.app.begin_shutdown()
        self.server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(STARTUP_TIMEOUT)
        self.storage.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def start_relay(config: RelayConfig) -> EmbeddedRelay:
    """Start a relay on ``config.host``/``config.port`` (port 0: any free one) and return it."""
    return EmbeddedRelay(config).start()
