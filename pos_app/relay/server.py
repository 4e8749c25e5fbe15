"""uvicorn as the relay runs it, on the internet or behind a proxy: slow and idle clients cut off.

uvicorn times out an idle kept-alive connection, but not a client that opens a connection and
sends its request head slowly or never (slowloris), and it takes request heads of any size. The
relay's protocol adds both limits, and says what was wrong in JSON like every other refusal.
The body has its own time limit in the app (:func:`pos_app.relay.request_input.read_body`).
"""

import asyncio
import gc
import json
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from pos_app.relay.app import RelayApp

MAX_HEAD_BYTES = 16 * 1024
"""The request line and headers together; the relay's own clients send well under 1 KiB."""
GRACEFUL_SHUTDOWN_SECONDS = 10
YOUNG_COLLECTION_EVERY = 20_000
"""Objects allocated between two collections of CPython's youngest generation (its default is
700). A notification allocates hundreds, nearly all freed at once by reference counting, so at
700 the collector ran every few requests over objects about to go anyway: about 8 % of the
relay's CPU per notification (``make bench``, relay_ingest, measured on SQLite)."""


class HeadTooLarge(Exception):
    """Raised from a parser callback; httptools turns it into a parser error."""


def _json_answer(status: int, reason: bytes, message: str) -> bytes:
    body = json.dumps({"error": message}).encode("ascii")
    return (
        b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\n"
        b"connection: close\r\n\r\n" % (status, reason, len(body))
    ) + body


class RelayHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline and a size limit on every request head."""

    head_timeout = 10.0
    max_head_bytes = MAX_HEAD_BYTES

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_deadline: asyncio.TimerHandle | None = None
        self._head_begun = False
        self._head_bytes = 0
        self._head_too_large = False

    # uvicorn's own protocols narrow BaseTransport to Transport the same way (and ignore it too).
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_arrived()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        self._head_begun = True
        self._head_bytes = 0
        super().on_message_begin()

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._head_begun = False
        self._head_arrived()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        pipelined = bool(self.pipeline)  # the next request's head is here already
        super().on_response_complete()
        if not pipelined and not self.transport.is_closing():
            self._await_head()

    def send_400_response(self, msg: str) -> None:
        if self._head_too_large:
            answer = _json_answer(
                431,
                b"Request Header Fields Too Large",
                f"the request line and headers are larger than {self.max_head_bytes} bytes",
            )
        else:
            answer = _json_answer(400, b"Bad Request", "this is not a valid HTTP/1.1 request")
        self.transport.write(answer)
        self.transport.close()

    def _count(self, size: int) -> None:
        self._head_bytes += size
        if self._head_bytes > self.max_head_bytes:
            self._head_too_large = True
            raise HeadTooLarge

    def _await_head(self) -> None:
        self._head_arrived()
        self._head_deadline = self.loop.call_later(self.head_timeout, self._head_late)

    def _head_arrived(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_late(self) -> None:
        """No complete request head in time: say so if one was begun, then hang up."""
        self._head_deadline = None
        if self.transport.is_closing():
            return
        if self._head_begun:
            self.transport.write(
                _json_answer(
                    408,
                    b"Request Timeout",
                    f"the request head did not arrive within {self.head_timeout:g} s",
                )
            )
        self.transport.close()


def uvicorn_config(
    relay: RelayApp, *, host: str, port: int, log_level: str = "warning"
) -> uvicorn.Config:
    """The uvicorn settings the relay runs with, from ``relay serve`` and embedded alike."""
    timeout = relay.config.client_timeout_seconds
    protocol = type(
        "RelayHttpProtocol", (RelayHttpProtocol,), {"head_timeout": timeout}
    )  # one class per relay: the deadline is its setting
    return uvicorn.Config(
        relay.asgi,
        host=host,
        port=port,
        http=protocol,
        log_level=log_level,
        access_log=False,
        lifespan="on",
        # uvicorn annotates int but only hands it to loop.call_later, which takes float seconds.
        timeout_keep_alive=timeout,  # type: ignore[arg-type]
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )


def collect_less_often() -> None:
    """For a process that serves the relay alone (``relay serve``; the embedded relay shares the
    terminal's process and leaves its collector as it is)."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, older, oldest)
