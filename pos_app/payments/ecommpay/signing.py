"""ecommpay request and callback signatures (HMAC-SHA512 over a flattened parameter tree).

Every leaf becomes ``path:value`` where the path joins nested keys with ``:`` (list items are keyed
by their index); booleans are ``1``/``0``, null is empty, numbers are their text; empty containers
contribute nothing. ``frame_mode`` and ``signature`` are left out. The items are sorted by path,
joined with ``;`` and signed; the result is standard base64.
"""

import base64
import hashlib
import hmac
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote_plus, urlencode

PAYMENT_PAGE_BASE_URL = "https://paymentpage.ecommpay.com"
IGNORED_KEYS = frozenset({"frame_mode", "signature"})


def _leaves(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, Mapping):
        for key, child in value.items():
            yield from _leaves(child, f"{path}:{_escape(key)}" if path else _escape(key))
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield from _leaves(child, f"{path}:{index}")
    else:
        yield path, _scalar(value)


def _escape(key: object) -> str:
    return str(key).replace(":", "::")


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def signing_string(params: Mapping) -> str:
    """The text that is signed; exposed for diagnosing a mismatch with the provider."""
    top = {key: value for key, value in params.items() if key not in IGNORED_KEYS}
    items = sorted(_leaves(top, ""))
    return ";".join(f"{path}:{value}" for path, value in items)


def ecommpay_signature(params: Mapping, secret_key: str) -> str:
    """base64(HMAC-SHA512(secret key, signing string))."""
    mac = hmac.new(
        secret_key.encode("utf-8"), signing_string(params).encode("utf-8"), hashlib.sha512
    )
    return base64.b64encode(mac.digest()).decode("ascii")


def verify_ecommpay_signature(payload: Mapping, secret_key: str) -> bool:
    """Check a signed payload whose signature sits in ``signature`` or ``general.signature``.

    The signature is removed before signing, as the provider computed it without itself.
    """
    unsigned = dict(payload)
    signature = unsigned.pop("signature", None)
    general = unsigned.get("general")
    if signature is None and isinstance(general, Mapping):
        general = dict(general)
        signature = general.pop("signature", None)
        unsigned["general"] = general
    if not isinstance(signature, str) or not signature:
        return False
    expected = ecommpay_signature(unsigned, secret_key)
    return hmac.compare_digest(expected.encode("ascii"), signature.encode("utf-8", "replace"))


def payment_page_url(
    params: Mapping, secret_key: str, base_url: str = PAYMENT_PAGE_BASE_URL
) -> str:
    """The signed Payment Page URL: every query parameter is signed, the signature appended."""
    query = urlencode({key: _scalar(value) for key, value in params.items()})
    signature = quote_plus(ecommpay_signature(params, secret_key))
    return f"{base_url.rstrip('/')}/payment?{query}&signature={signature}"
