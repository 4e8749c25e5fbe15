"""Deliveries other relay processes commit wake this process's long-polls (PostgreSQL only).

Each write that delivers an event to a terminal sends ``NOTIFY`` with the terminal's id in its
transaction (:meth:`pos_app.relay.engines.PostgresConnection.announce`), so PostgreSQL hands it
to every listening process once it commits, never before. This process listens on its own
connection and wakes its waiters for that terminal. While the connection is down it reconnects;
on each (re)connect every waiter is woken once, since a notification sent meanwhile is lost.
"""

import asyncio
import contextlib
import logging
from collections.abc import Callable

from pos_app.domain.digits import is_digits
from pos_app.relay.engines import NOTIFY_CHANNEL, SERVING_NAME, load_psycopg

log = logging.getLogger(__name__)

RECONNECT_PAUSE = 1.0


class DeliveryListener:
    """``LISTEN`` on the loop; ``wake(terminal_id)`` per notification, ``wake_all()`` after a
    (re)connect."""

    def __init__(self, url: str, wake: Callable[[int], None], wake_all: Callable[[], None]) -> None:
        self.url = url
        self._wake = wake
        self._wake_all = wake_all
        self._task: asyncio.Task[None] | None = None
        self.listening = asyncio.Event()
        """Set while the ``LISTEN`` is in place (tests wait for it before notifying)."""

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="relay-listener")
        async with asyncio.timeout(10):
            await self.listening.wait()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        psycopg = load_psycopg()
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    self.url, autocommit=True, application_name=SERVING_NAME
                ) as conn:
                    await conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.listening.set()
                    self._wake_all()
                    async for notice in conn.notifies():
                        if is_digits(notice.payload):
                            self._wake(int(notice.payload))
            except psycopg.Error as exc:
                log.warning("relay: listening for other processes' deliveries failed: %s", exc)
            self.listening.clear()
            await asyncio.sleep(RECONNECT_PAUSE)
