"""A relay in this process on a free loopback port: for demo mode and tests.

It runs under the same uvicorn settings as ``pos-app relay serve`` (:mod:`pos_app.relay.server`),
time limits included, in a background thread.
"""

from types import TracebackType
from typing import Self

from pos_app.demo.server_thread import ServerThread
from pos_app.relay import auth
from pos_app.relay.app import RelayApp
from pos_app.relay.config import RelayConfig
from pos_app.relay.server import uvicorn_config
from pos_app.relay.writer import RelayStorage


class EmbeddedRelay:
    """A running relay: ``url`` to reach it, ``add_terminal`` to mint tokens, ``stop`` to end."""

    def __init__(self, config: RelayConfig) -> None:
        self.storage = RelayStorage(config.database)
        self.app = RelayApp(config, self.storage)
        self._serving = ServerThread(
            uvicorn_config(self.app, host=config.host, port=config.port), name="relay"
        )

    @property
    def port(self) -> int:
        return self._serving.port

    @property
    def url(self) -> str:
        return self._serving.url

    def start(self) -> Self:
        try:
            self._serving.start()
        except RuntimeError:
            self.storage.close()
            raise
        return self

    def add_terminal(self, name: str) -> str:
        """A new terminal's bearer token (written through the relay's own writer). A name that
        is a terminal id is the terminal's till id; another is learned from its first invoice."""
        return self.storage.write_from_thread(lambda conn: auth.create_terminal(conn, name)[1])

    def ask_to_stop(self) -> None:
        """Answer open long-polls and begin winding down, without waiting."""
        self.app.begin_shutdown()
        self._serving.ask_to_stop()

    def stop(self) -> None:
        """Answer open long-polls, stop serving (which drains the writer), close the database."""
        self.ask_to_stop()
        self._serving.stop()
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
