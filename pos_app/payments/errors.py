"""Typed provider errors: the caller must know whether an order may exist at the provider.

:func:`read_provider_json` is the one door through which a provider's body becomes data: whatever
cannot be read (not UTF-8, not JSON, absurdly nested, lone surrogates) becomes a
:class:`ProviderProtocolError`, never a ``RecursionError`` or ``UnicodeError`` that would crash
the relay instead of answering 400.
"""

import json
from decimal import Decimal
from typing import Any

from pos_app.errors import KasirError

MAX_JSON_DEPTH = 32
"""Real notification, callback and status bodies are 3 to 5 levels deep; far deeper is abuse."""


class ProviderError(KasirError):
    """Something went wrong talking to a payment provider."""


class ProviderUnreachable(ProviderError):
    """No answer (timeout, refused, dropped): the request may or may not have taken effect."""


class ProviderRejected(ProviderError):
    """The provider answered with an error of its own shape; the request did not take effect."""

    def __init__(self, message: str, *, status_code: int, code: str = "", kind: str = "") -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.kind = kind


class ProviderProtocolError(ProviderError):
    """The provider answered something Kasir cannot read: not JSON, or missing what we rely on."""


class SignatureMismatch(ProviderProtocolError):
    """An answer or notification whose signature does not verify; its content is not trusted."""


def read_provider_json(body: bytes, *, what: str, exact: bool = False) -> Any:
    """``body`` decoded as JSON, or a :class:`ProviderProtocolError` that says why not.

    With ``exact`` JSON decimals become :class:`~decimal.Decimal` (``6000.00`` stays exactly
    that), for reading money; without it they are floats, as every JSON tool reads them, for
    storing and signing. Either way the result is at most :data:`MAX_JSON_DEPTH` levels deep
    and holds only text that can be written back as UTF-8.
    """
    try:
        text = body.decode("utf-8")
        data = json.loads(text, parse_float=Decimal) if exact else json.loads(text)
    except UnicodeDecodeError:
        raise ProviderProtocolError(f"{what} is not UTF-8 text") from None
    except RecursionError:
        raise ProviderProtocolError(f"{what} is nested too deeply to be read") from None
    except ValueError as exc:  # JSONDecodeError, and integers longer than Python reads
        raise ProviderProtocolError(f"{what} is not JSON: {exc}") from None
    _check_depth(data, what)
    try:
        json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
    except UnicodeEncodeError:
        raise ProviderProtocolError(
            f"{what} has a \\u escape that is not a whole character (a lone surrogate)"
        ) from None
    return data


def _check_depth(data: Any, what: str) -> None:
    """Refuse more than :data:`MAX_JSON_DEPTH` levels, iteratively (no recursion to exhaust)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > MAX_JSON_DEPTH:
                raise ProviderProtocolError(
                    f"{what} is nested more than {MAX_JSON_DEPTH} levels deep"
                )
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
