"""What a phone, a provider or a client can open: an absolute http(s) URL with a host."""

from typing import TypeGuard
from urllib.parse import urlsplit

from pos_app.domain.errors import ValidationError


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
