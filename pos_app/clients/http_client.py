"""The base of Kasir's HTTP clients (DOKU, ecommpay Gate, relay): one connection pool per client.

Each client keeps its pool for its whole life, so requests reuse connections, and closes it with
itself (``close()`` or ``with``). Credentials never go into ``repr``: subclasses show only what
identifies them.
"""

from types import TracebackType
from typing import Self

import httpx


class HttpClient:
    def __init__(
        self,
        base_url: str,
        *,
        timeout: float,
        transport: httpx.BaseTransport | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout),
            transport=transport,
            headers=headers,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
