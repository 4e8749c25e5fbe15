"""Notifications and callbacks, sent in the background on the providers' retry schedules.

Every send is an asyncio task in the server's own loop, so a slow or unreachable receiver never
holds up an API answer. Each attempt is recorded with the receiver's answer (or the error).
"""

import asyncio
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from pos_app.sandbox.state import Attempt, SandboxState

DOKU_RETRY_OFFSETS: tuple[float, ...] = (0.0, 30 * 60.0, 6 * 3600.0, 12 * 3600.0)
"""DOKU: the original, then 30 min, 6 h and 12 h after it (docs/architecture.md, Provider facts)."""

ECOMMPAY_QUICK_RETRIES = 6
ECOMMPAY_QUICK_INTERVAL = 10.0
ECOMMPAY_FIRST_SLOW_INTERVAL = 60.0
ECOMMPAY_MAX_INTERVAL = 4 * 3600.0
ECOMMPAY_GIVE_UP_AFTER = 11 * 24 * 3600.0
ECOMMPAY_MAX_ATTEMPTS = 120


def ecommpay_retry_offsets() -> tuple[float, ...]:
    """ecommpay: the original, 6 retries 10 s apart, then intervals doubling from 1 min up to
    4 h, for at most 120 attempts within 11 days (the seed says "up to 120 times over 11 days";
    the growth between is the sandbox's choice).
    """
    offsets = [0.0]
    offsets += [ECOMMPAY_QUICK_INTERVAL * (n + 1) for n in range(ECOMMPAY_QUICK_RETRIES)]
    interval = ECOMMPAY_FIRST_SLOW_INTERVAL
    while len(offsets) < ECOMMPAY_MAX_ATTEMPTS:
        following = offsets[-1] + interval
        if following > ECOMMPAY_GIVE_UP_AFTER:
            break
        offsets.append(following)
        interval = min(interval * 2, ECOMMPAY_MAX_INTERVAL)
    return tuple(offsets)


ECOMMPAY_RETRY_OFFSETS = ecommpay_retry_offsets()


@dataclass(frozen=True, slots=True)
class Delivery:
    """One notification or callback: where it goes, when to retry, what counts as received.

    ``build`` makes the body and headers of each attempt, so a signature can carry a fresh
    timestamp every time.
    """

    kind: str
    order_id: str
    event: str
    url: str
    offsets: tuple[float, ...]
    build: Callable[[], tuple[bytes, dict[str, str]]]
    acknowledges: Callable[[int], bool]


class Background:
    """The sandbox's own tasks (deliveries, expiry, auto-pay), cancelled when the server stops."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        """Start ``coroutine`` in the running loop; must be called from inside it."""
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def later(self, delay: float, action: Callable[[], None]) -> None:
        """Run ``action`` after ``delay`` seconds unless the server stops first."""

        async def wait_then_act() -> None:
            await asyncio.sleep(delay)
            action()

        self.spawn(wait_then_act())

    async def close(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


class Deliverer:
    """Sends deliveries with retries and records every attempt in the state."""

    def __init__(
        self,
        state: SandboxState,
        background: Background,
        *,
        retry_scale: float,
        timeout: float,
        clock: Callable[[], datetime],
    ) -> None:
        self._state = state
        self._background = background
        self._retry_scale = retry_scale
        self._timeout = timeout
        self._clock = clock
        self._client: httpx.AsyncClient | None = None

    def send(self, delivery: Delivery, *, then: Delivery | None = None) -> None:
        """Deliver in the background; ``then`` starts once the first attempt of ``delivery``
        was answered (or failed), so a receiver sees them in that order unless a retry of the
        first is needed (as with the real providers, a retry may then arrive after ``then``)."""
        self._background.spawn(self._run(delivery, uuid.uuid4().hex[:12], then))

    def record_undeliverable(self, kind: str, order_id: str, event: str, reason: str) -> None:
        """A notification that has nowhere to go is listed too, so a demo shows why."""
        nowhere = Delivery(kind, order_id, event, "", (), _nothing_to_send, lambda _: False)
        self._record(nowhere, uuid.uuid4().hex[:12], 1, None, reason)

    async def _run(
        self, delivery: Delivery, delivery_id: str, then: Delivery | None = None
    ) -> None:
        loop = asyncio.get_running_loop()
        started = loop.time()
        for number, offset in enumerate(delivery.offsets, start=1):
            delay = started + offset * self._retry_scale - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            body, headers = delivery.build()
            acknowledged = False
            try:
                answer = await self._http().post(delivery.url, content=body, headers=headers)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                error = f"{type(exc).__name__}: {exc}".rstrip(": ")
                self._record(delivery, delivery_id, number, None, error)
            else:
                self._record(delivery, delivery_id, number, answer.status_code, None)
                acknowledged = delivery.acknowledges(answer.status_code)
            if then is not None:
                self.send(then)
                then = None
            if acknowledged:
                return

    def _record(
        self,
        delivery: Delivery,
        delivery_id: str,
        number: int,
        status_code: int | None,
        error: str | None,
    ) -> None:
        self._state.record_attempt(
            Attempt(
                delivery_id=delivery_id,
                kind=delivery.kind,
                order_id=delivery.order_id,
                url=delivery.url,
                attempt=number,
                at=self._clock(),
                status_code=status_code,
                error=error,
                acknowledged=status_code is not None and delivery.acknowledges(status_code),
                event=delivery.event,
            )
        )

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self._timeout, follow_redirects=False)
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None


def _nothing_to_send() -> tuple[bytes, dict[str, str]]:
    return b"", {}
