"""A sender's request as the relay reads it: the body within its limits and time, JSON, and the
4xx that refuses what cannot be read, with a JSON ``{"error": …}`` saying why (shared by the
notification, terminal and upload routes)."""

import asyncio
import json
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from pos_app.domain.digits import is_digits


class HTTPProblem(Exception):
    """Ends a request with ``status`` and a JSON ``{"error": message}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def problem(status: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    # A message may quote what a sender sent: lone surrogates must not break the answer itself.
    text = message.encode("utf-8", "backslashreplace").decode("utf-8")
    return JSONResponse({"error": text}, status_code=status, headers=headers)


def shown(value: str, limit: int = 40) -> str:
    """A sender's value quoted in an error message, cut short."""
    return repr(value[:limit]) + ("…" if len(value) > limit else "")


async def read_body(request: Request, limit: int, timeout: float) -> bytes:
    """The body, refusing more than ``limit`` bytes whether announced or streamed, and a body
    still arriving after ``timeout`` seconds (a slow client holding a connection)."""
    length = request.headers.get("content-length")
    if length is not None:
        if not is_digits(length):
            raise HTTPProblem(400, "Content-Length is not a number")
        if len(length) > 18 or int(length) > limit:
            raise HTTPProblem(413, f"body is larger than {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise HTTPProblem(413, f"body is larger than {limit} bytes")
                chunks.append(chunk)
    except TimeoutError:
        raise HTTPProblem(408, f"the body did not arrive within {timeout:g} s") from None
    return b"".join(chunks)


def json_body(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):  # not UTF-8, not JSON, numbers beyond Python's limit
        raise HTTPProblem(400, "the body must be a JSON object") from None


def require_json(request: Request) -> None:
    """A terminal's body is JSON; one labelled as something else is refused (415)."""
    declared = request.headers.get("content-type")
    if declared is None:
        return
    media = declared.partition(";")[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        raise HTTPProblem(415, f"the body must be application/json, not {shown(media)}")
