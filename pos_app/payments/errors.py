"""Typed provider errors: the caller must know whether an order may exist at the provider.

:func:`read_provider_json` is the one door through which a provider's body becomes data: whatever
cannot be read (not UTF-8, not JSON, absurdly nested, lone surrogates) becomes a
:class:`ProviderProtocolError`, never a ``RecursionError`` or ``UnicodeError`` that would crash
the relay instead of answering 400.
"""

import json
import re
from typing import TYPE_CHECKING, Any

from pos_app.domain.errors import KasirError

if TYPE_CHECKING:
    from pos_app.payments.model import ProviderEvent

MAX_JSON_DEPTH = 32
"""Real notification, callback and status bodies are 3 to 5 levels deep; far deeper is abuse."""


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
"""A ``\\u`` escape of a UTF-16 surrogate: the only way a lone surrogate gets into decoded JSON
(UTF-8 text cannot carry one)."""


class JsonNumber(float):
    """A JSON decimal as read: a float, as every JSON tool reads it (so it stores and signs as
    before), that keeps the ``text`` it was written as, so money is read exactly from it."""

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str) -> "JsonNumber":
        number = super().__new__(cls, text)
        number.text = text
        return number


_DECODER = json.JSONDecoder(parse_float=JsonNumber)
"""One decoder for every provider body (``json.loads`` with options builds one per call)."""


def answered_nothing(status: int) -> bool:
    """An HTTP status that says the provider did not get to the request (busy, overloaded,
    timed out, down), whatever its body says: the outcome is unknown, never a refusal, so a
    payment it concerns stays open (and a status check decides), not expired or failed."""
    return status >= 500 or status in (408, 429)


def body_snippet(content: bytes, limit: int = 120) -> str:
    """The start of an answer's body, for an error that says what came instead of JSON."""
    text = content[:limit].decode("utf-8", "replace")
    return repr(text + ("…" if len(content) > limit else ""))


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


class PaymentUnknown(ProviderRejected):
    """The provider has no payment (or payout) with this id: nothing was started there. Each
    provider says so in its own shape; its client raises a subclass of this one."""


class ProviderProtocolError(ProviderError):
    """The provider answered something Kasir cannot read: not JSON, or missing what we rely on."""


class SignatureMismatch(ProviderProtocolError):
    """An answer or notification whose signature does not verify; its content is not trusted."""


class SignedButUnreadable(ProviderProtocolError):
    """A notification or callback whose signature verifies but whose fields Kasir cannot read
    (a shape its parser does not know). Refused, the provider would send it again and then
    never (ecommpay for 11 days, DOKU three times): the relay stores ``event``, the report as it
    came, apart from every till, and acknowledges it; the operator sees it among the orphans."""

    def __init__(self, message: str, event: "ProviderEvent") -> None:
        super().__init__(message)
        self.event = event


def read_provider_json(body: bytes, *, what: str) -> Any:
    """``body`` decoded as JSON, or a :class:`ProviderProtocolError` that says why not.

    JSON decimals become :class:`JsonNumber` (``6000.00`` keeps its text for reading money
    exactly). The result is at most :data:`MAX_JSON_DEPTH` levels deep and holds only text that
    can be written back as UTF-8.
    """
    try:
        text = body.decode("utf-8")
        data = _DECODER.decode(text)
    except UnicodeDecodeError:
        raise ProviderProtocolError(f"{what} is not UTF-8 text") from None
    except RecursionError:
        raise ProviderProtocolError(f"{what} is nested too deeply to be read") from None
    except ValueError as exc:  # JSONDecodeError, and integers longer than Python reads
        raise ProviderProtocolError(f"{what} is not JSON: {exc}") from None
    if text.count("{") + text.count("[") > MAX_JSON_DEPTH:  # fewer cannot nest deeper
        _check_depth(data, what)
    if _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ProviderProtocolError(
                f"{what} has a \\u escape that is not a whole character (a lone surrogate)"
            ) from None
    return data


def _check_depth(data: Any, what: str) -> None:
    """Refuse more than :data:`MAX_JSON_DEPTH` levels, level by level (no recursion to exhaust,
    and only containers are visited)."""
    level = [data] if isinstance(data, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_JSON_DEPTH:
            raise ProviderProtocolError(f"{what} is nested more than {MAX_JSON_DEPTH} levels deep")
        below: list[Any] = []
        for node in level:
            children = node.values() if isinstance(node, dict) else node
            below.extend(child for child in children if isinstance(child, dict | list))
        level = below
