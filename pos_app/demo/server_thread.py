"""Run an ASGI app with uvicorn in a background thread on a free loopback port.

Demo mode's child process (:mod:`~pos_app.demo.services_child`) runs the sandbox and the relay
this way, and tests start the real services with it.
"""

import threading
from types import TracebackType
from typing import Any, Self

import uvicorn

STARTUP_TIMEOUT = 10.0


class ServerThread:
    """A uvicorn server in a daemon thread; ``url`` is known once :meth:`start` returns."""

    def __init__(self, config: uvicorn.Config, *, name: str = "uvicorn") -> None:
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name=name, daemon=True)
        self._host = config.host

    @classmethod
    def of(cls, app: Any, *, host: str = "127.0.0.1", port: int = 0) -> Self:
        """``app`` with uvicorn's defaults, quiet but for warnings."""
        return cls(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="auto"))

    @property
    def port(self) -> int:
        return int(self._server.servers[0].sockets[0].getsockname()[1])

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self.port}"

    def start(self) -> Self:
        self._thread.start()
        started = threading.Event()

        def watch() -> None:
            while self._thread.is_alive() and not self._server.started:
                self._thread.join(0.01)
            started.set()

        threading.Thread(target=watch, daemon=True).start()
        if not started.wait(STARTUP_TIMEOUT) or not self._server.started:
            self.stop()
            raise RuntimeError(f"server on {self._host} did not start")
        return self

    def ask_to_stop(self) -> None:
        """Begin winding down without waiting: servers asked together stop in the time of one
        (uvicorn takes 0.1–0.2 s each to notice and close)."""
        self._server.should_exit = True

    def stop(self) -> None:
        self.ask_to_stop()
        if self._thread.is_alive():
            self._thread.join(STARTUP_TIMEOUT)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
