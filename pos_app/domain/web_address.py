"""What a phone, a provider or a client can open: an absolute http(s) URL with a host."""

import re
from typing import TypeGuard
from urllib.parse import SplitResult, urlsplit

from pos_app.domain.errors import ValidationError

_PAST_HOST = re.compile(r"[/?#\\]")
"""Where a URL's host and port end (``\\`` too, which browsers and httpx read as ``/``)."""


def is_http_url(value: object) -> TypeGuard[str]:
    """Whether ``value`` is an absolute ``http``/``https`` URL naming a host; text that is no
    URL at all (``http://[x``, which ``urlsplit`` refuses) is not one either."""
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def required_http_url(value: object, name: str) -> str:
    """``value`` if :func:`is_http_url`, else a :class:`ValidationError` naming ``name``."""
    if not is_http_url(value):
        raise ValidationError(f"{name} must be an absolute http(s) URL, got {value!r}")
    return value


def port_fits(parts: SplitResult) -> bool:
    """A port from 1 to 65535, or none (the scheme's own): ``urlsplit`` lets 0 through, and
    raises for a port out of range or no number only when it is asked for."""
    try:
        return parts.port != 0
    except ValueError:
        return False


def address_only(text: str) -> str:
    """``text`` up to its host and port, all a message about it may quote: a path (a provider's
    notification path, pasted whole), a query, a fragment or a user name may hold a secret, and
    such messages go to logs and support bundles. Text with no ``://`` is cut the same way, as
    the host it would have been (``relay.example.id/kasir`` → ``relay.example.id``); text with an
    ``@`` anywhere keeps no host at all, as where a password ends is then a guess."""
    scheme, sep, rest = text.partition("://")
    if not sep:
        scheme, rest = "", text
    host = "" if "@" in rest else _PAST_HOST.split(rest, maxsplit=1)[0]
    return f"{scheme}{sep}{host}"
