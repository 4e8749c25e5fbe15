"""Helpers for tests and demos that drive the sandbox over real HTTP.

:class:`Receiver` is a merchant endpoint that records every notification or callback and
answers as told (e.g. 500 twice, then 200); :func:`doku_headers` and :func:`gate_request` sign
requests the way the providers expect, using the project's signing contracts.
"""

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from pos_app.demo.server_thread import ServerThread
from pos_app.payments.doku.signing import signed_headers
from pos_app.payments.ecommpay.signing import ecommpay_signature
from pos_app.sandbox.app import create_sandbox_app
from pos_app.sandbox.config import SandboxConfig
from pos_app.sandbox.core import Sandbox
from pos_app.sandbox.shapes import Shapes

DEFAULT_WAIT = 5.0


@dataclass(frozen=True, slots=True)
class Received:
    """One request as the receiver got it; header names are lower case."""

    path: str
    headers: dict[str, str]
    body: bytes
    answered: int


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    delay: float


class Receiver:
    """A merchant endpoint on any path: records requests, answers 200 unless told otherwise."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._received: list[Received] = []
        self._plans: dict[str, list[_Answer]] = {}
        self.app = Starlette(routes=[Route("/{path:path}", self._receive, methods=["POST"])])

    def answer(self, path: str, *statuses: int, delay: float = 0.0) -> None:
        """The next requests to ``path`` get ``statuses`` in turn (each ``delay`` s late)."""
        with self._changed:
            self._plans.setdefault(path, []).extend(_Answer(s, delay) for s in statuses)

    def received(self, path: str | None = None) -> list[Received]:
        with self._changed:
            return [r for r in self._received if path is None or r.path == path]

    def wait_for(self, path: str, count: int = 1, timeout: float = DEFAULT_WAIT) -> list[Received]:
        """Block until ``path`` got ``count`` requests; fail after ``timeout`` seconds."""
        with self._changed:
            done = self._changed.wait_for(
                lambda: sum(r.path == path for r in self._received) >= count, timeout
            )
            got = [r for r in self._received if r.path == path]
        if not done:
            raise AssertionError(f"{path} got {len(got)} of {count} requests in {timeout} s")
        return got

    async def _receive(self, request: Request) -> PlainTextResponse:
        path = request.url.path
        body = await request.body()
        with self._changed:
            plan = self._plans.get(path)
            answer = plan.pop(0) if plan else _Answer(200, 0.0)
        if answer.delay:
            await asyncio.sleep(answer.delay)
        with self._changed:
            headers = {key.lower(): value for key, value in request.headers.items()}
            self._received.append(Received(path, headers, body, answer.status))
            self._changed.notify_all()
        return PlainTextResponse("ok" if answer.status == 200 else "no", answer.status)


@contextmanager
def running_sandbox(config: SandboxConfig | None = None) -> Iterator[tuple[str, Sandbox]]:
    """A sandbox on a free loopback port: its URL and the object behind it."""
    app = create_sandbox_app(config)
    with ServerThread.of(app) as server:
        yield server.url, app.state.sandbox


@contextmanager
def running_receiver() -> Iterator[tuple[str, Receiver]]:
    receiver = Receiver()
    with ServerThread.of(receiver.app) as server:
        yield server.url, receiver


def final_callback(
    receiver: Receiver,
    path: str,
    payment_id: str,
    *,
    before: int = 0,
    shapes: Shapes | None = None,
    timeout: float = DEFAULT_WAIT,
) -> Received:
    """The final callback of an ecommpay purchase at ``path``, after the ``before`` callbacks
    already expected and the intermediate one the sandbox sends for some payment ids."""
    shapes = shapes or Shapes()
    extra = shapes.ecommpay_intermediate(payment_id) is not None
    return receiver.wait_for(path, before + 1 + extra, timeout)[-1]


def wait_until(
    condition: Callable[[], Any], timeout: float = DEFAULT_WAIT, what: str = "condition"
) -> Any:
    """Poll ``condition`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        pause.wait(0.02)


def doku_headers(
    config: SandboxConfig,
    path: str,
    body: bytes | None,
    *,
    request_id: str | None = None,
    timestamp: str | None = None,
) -> dict[str, str]:
    """Signed DOKU request headers for ``path``; ``body=None`` for a GET (no Digest line)."""
    return signed_headers(
        client_id=config.doku_client_id,
        secret_key=config.doku_secret_key,
        request_target=path,
        body=body,
        request_id=request_id,
        timestamp=timestamp,
    )


def gate_request(config: SandboxConfig, payload: dict[str, Any]) -> dict[str, Any]:
    """``payload`` with ``general.project_id`` and ``general.signature`` filled in."""
    general = {**payload.get("general", {}), "project_id": config.ecommpay_project_id}
    unsigned = {**payload, "general": general}
    signature = ecommpay_signature(unsigned, config.ecommpay_secret_key)
    return {**unsigned, "general": {**general, "signature": signature}}
