"""A relay in this process on a free loopback port: for demo mode and tests."""

from types import TracebackType
from typing import Self

from pos_app.relay import auth
from pos_app.relay.app import RelayApp
from pos_app.relay.config import RelayConfig
from pos_app.relay.storage import RelayStorage
from pos_app.serving import ServerThread


class EmbeddedRelay:
    """A running relay: ``url`` to reach it, ``add_terminal`` to mint tokens, ``stop`` to end."""

    def __init__(self, config: RelayConfig) -> None:
        self.storage = RelayStorage(config.db)
        self.app = RelayApp(config, self.storage)
        self.server = ServerThread(self.app.asgi, host=config.host, port=config.port)

    @property
    def url(self) -> str:
        return self.server.url

    def start(self) -> Self:
        try:
            self.server.start()
        except BaseException:
            self.storage.close()
            raise
        return self

    def add_terminal(self, name: str) -> str:
        """A new terminal's bearer token (written through the relay's own writer)."""
        return self.storage.write_from_thread(lambda conn: auth.create_terminal(conn, name)[1])

    def stop(self) -> None:
        """Answer open long-polls, stop serving (which drains the writer), close the database."""
        self.app.begin_shutdown()
        self.server.stop()
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
