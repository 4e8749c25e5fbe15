"""The bytes on the wire: requests read defensively (capped bodies, strict JSON, typed fields),
JSON answers serialised once so that what is signed is exactly what is sent.

Every problem with a request becomes an :class:`InboundError` that names the field and the rule;
each provider turns it into its own error shape, so bad input gets a 4xx and never a 5xx.
"""

import json
import secrets
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal, NoReturn, overload
from urllib.parse import parse_qsl

from starlette.requests import Request

from pos_app.domain.digits import is_digits
from pos_app.domain.errors import ValidationError
from pos_app.domain.web_address import required_http_url


class InboundError(Exception):
    """A request the sandbox refuses: HTTP status, a machine code and a readable message."""

    def __init__(self, message: str, *, status_code: int = 400, code: str = "invalid_parameter"):
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.code = code


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it grows past ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if is_digits(declared) and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> InboundError:
    return InboundError(
        f"request body is larger than {limit} bytes", status_code=413, code="request_too_large"
    )


def parse_json_object(body: bytes) -> dict[str, Any]:
    """A JSON object from UTF-8 bytes; no NaN/Infinity, no pathological nesting."""
    try:
        data = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise InboundError("request body is not UTF-8", code="invalid_json") from None
    except (ValueError, RecursionError) as exc:
        raise InboundError(f"request body is not valid JSON: {exc}", code="invalid_json") from None
    if not isinstance(data, dict):
        raise InboundError("request body must be a JSON object", code="invalid_json")
    try:
        json_bytes(data)
    except UnicodeEncodeError:
        raise InboundError(
            "request body has a \\u escape that is not a whole character", code="invalid_json"
        ) from None
    return data


def json_bytes(data: Any) -> bytes:
    """Compact UTF-8 JSON: the exact bytes to sign and to send.

    A :class:`~decimal.Decimal` is written as the JSON number it spells, digits kept
    (``Decimal("6000.00")`` → ``6000.00``), as DOKU writes some amounts.
    """
    decimals: list[str] = []
    token = secrets.token_hex(8)

    def swap(node: Any) -> Any:
        if isinstance(node, Decimal):
            decimals.append(str(node))
            return f"{token}:{len(decimals) - 1}"
        if isinstance(node, dict):
            return {key: swap(value) for key, value in node.items()}
        if isinstance(node, list):
            return [swap(value) for value in node]
        return node

    text = json.dumps(swap(data), ensure_ascii=False, separators=(",", ":"))
    for index, number in enumerate(decimals):
        text = text.replace(f'"{token}:{index}"', number, 1)
    return text.encode("utf-8")


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON number")


def parse_query(raw: bytes, *, what: str = "query") -> dict[str, str]:
    """A query string or ``x-www-form-urlencoded`` body; a repeated parameter is an error."""
    try:
        pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        raise InboundError(f"the {what} is not UTF-8 form encoding") from None
    values: dict[str, str] = {}
    for key, value in pairs:
        if key in values:
            raise InboundError(f"{what} parameter {key} is given more than once")
        values[key] = value
    return values


def field(data: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted ``path`` (list items by index), or ``None`` if any part is missing."""
    value: Any = data
    for part in path.split("."):
        if isinstance(value, Mapping):
            value = value.get(part)
        elif isinstance(value, list) and is_digits(part) and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


@overload
def require_object(
    data: Mapping[str, Any], path: str, *, optional: Literal[False] = False
) -> dict[str, Any]: ...
@overload
def require_object(
    data: Mapping[str, Any], path: str, *, optional: bool
) -> dict[str, Any] | None: ...
def require_object(
    data: Mapping[str, Any], path: str, *, optional: bool = False
) -> dict[str, Any] | None:
    value = field(data, path)
    if value is None and optional:
        return None
    if not isinstance(value, dict):
        _wrong(path, "an object", value)
    return value


@overload
def require_str(
    data: Mapping[str, Any],
    path: str,
    *,
    max_length: int = 255,
    optional: Literal[False] = False,
) -> str: ...
@overload
def require_str(
    data: Mapping[str, Any], path: str, *, max_length: int = 255, optional: bool
) -> str | None: ...
def require_str(
    data: Mapping[str, Any], path: str, *, max_length: int = 255, optional: bool = False
) -> str | None:
    value = field(data, path)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        _wrong(path, "a non-empty string", value)
    if len(value) > max_length:
        raise InboundError(f"{path} must be at most {max_length} characters, got {len(value)}")
    return value


@overload
def require_int(
    data: Mapping[str, Any], path: str, *, low: int, high: int, optional: Literal[False] = False
) -> int: ...
@overload
def require_int(
    data: Mapping[str, Any], path: str, *, low: int, high: int, optional: bool
) -> int | None: ...
def require_int(
    data: Mapping[str, Any], path: str, *, low: int, high: int, optional: bool = False
) -> int | None:
    """A JSON integer (not a bool, not ``1.0``) between ``low`` and ``high``."""
    value = field(data, path)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        _wrong(path, "an integer", value)
    return check_range(value, path, low=low, high=high)


def check_range(value: int, path: str, *, low: int, high: int) -> int:
    if not low <= value <= high:
        raise InboundError(f"{path} must be between {low} and {high}, got {value}")
    return value


def require_bool(data: Mapping[str, Any], path: str) -> bool:
    value = field(data, path)
    if not isinstance(value, bool):
        _wrong(path, "true or false", value)
    return value


@overload
def require_url(data: Mapping[str, Any], path: str, *, optional: Literal[False] = False) -> str: ...
@overload
def require_url(data: Mapping[str, Any], path: str, *, optional: bool) -> str | None: ...
def require_url(data: Mapping[str, Any], path: str, *, optional: bool = False) -> str | None:
    value = require_str(data, path, max_length=2048, optional=optional)
    if value is None:
        return None
    try:
        return required_http_url(value, path)
    except ValidationError as exc:
        raise InboundError(str(exc)) from None


def _wrong(path: str, expected: str, value: Any) -> NoReturn:
    if value is None:
        raise InboundError(f"{path} is required")
    shown = json.dumps(value)[:60] if _jsonable(value) else repr(value)[:60]
    raise InboundError(f"{path} must be {expected}, got {shown}")


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError, RecursionError):
        return False
    return True
