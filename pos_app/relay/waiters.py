"""Long-poll bookkeeping on the event loop: who waits for which terminal, and how many.

A waiter subscribes a future for its terminal; a commit that delivers to that terminal resolves
every subscribed future at once (no polling). The caps keep one terminal (a restart loop, a bug)
or a crowd from holding every connection.
"""

import asyncio


class Waiters:
    """Not thread-safe: used only from the event loop's thread."""

    def __init__(self, per_terminal: int, total: int) -> None:
        self.per_terminal = per_terminal
        self.total = total
        self.active = 0
        self.closed = False
        self._counts: dict[int, int] = {}
        self._futures: dict[int, set[asyncio.Future[None]]] = {}

    def enter(self, terminal_id: int) -> str | None:
        """Take a waiting slot, or say (for a 429) why not."""
        count = self._counts.get(terminal_id, 0)
        if count >= self.per_terminal:
            return (
                f"this terminal already has {count} long-polls waiting "
                f"(limit {self.per_terminal}); retry later"
            )
        if self.active >= self.total:
            return f"the relay is serving its limit of {self.total} long-polls; retry later"
        self._counts[terminal_id] = count + 1
        self.active += 1
        return None

    def leave(self, terminal_id: int) -> None:
        count = self._counts.pop(terminal_id) - 1
        if count:
            self._counts[terminal_id] = count
        self.active -= 1

    def subscribe(self, terminal_id: int) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self.closed:
            future.set_result(None)
        else:
            self._futures.setdefault(terminal_id, set()).add(future)
        return future

    def unsubscribe(self, terminal_id: int, future: asyncio.Future[None]) -> None:
        futures = self._futures.get(terminal_id)
        if futures is not None:
            futures.discard(future)
            if not futures:
                del self._futures[terminal_id]

    def notify(self, terminal_id: int) -> None:
        """Wake everyone waiting for this terminal: it has a new event."""
        for future in self._futures.pop(terminal_id, ()):
            if not future.done():
                future.set_result(None)

    def wake_all(self) -> None:
        """Wake every waiter to look again (a wake-up from another process may have been
        missed)."""
        for terminal_id in list(self._futures):
            self.notify(terminal_id)

    def close(self) -> None:
        """Wake every waiter and let no one wait again (shutting down)."""
        self.closed = True
        self.wake_all()
