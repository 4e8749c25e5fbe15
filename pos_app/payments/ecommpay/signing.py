"""ecommpay request and callback signatures (HMAC-SHA512 over a flattened parameter tree).

Every leaf becomes ``path:value``: the path joins nested keys with ``:`` (a ``:`` inside a key is
doubled, list items are keyed by their index); booleans are ``1``/``0``, null is empty, numbers
are their text; empty containers contribute nothing. ``frame_mode`` and ``signature`` are left out
wherever they appear. The items are sorted by path (list indices as numbers), joined with ``;``
and signed; the result is standard base64.

The official SDKs disagree outside a common domain (docs/ecommpay-signature.md);
:func:`check_portable` refuses anything Kasir would send outside it, including a ``;`` in a key
or value (the separator of the signed items, which ecommpay's own signer refuses).

Since empty containers and the ignored keys contribute nothing, bodies that differ only in them
carry the same signature. :func:`signed_fields` is what a signature covers, and nothing else:
callbacks are read, stored and deduplicated on it.
"""

import base64
import hashlib
import hmac
import math
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote_plus, urlencode

from pos_app.domain.errors import ValidationError

PAYMENT_PAGE_BASE_URL = "https://paymentpage.ecommpay.com"
IGNORED_KEYS = frozenset({"frame_mode", "signature"})
SEPARATOR = ";"
"""Joins the signed items; a key or value containing it would make two trees sign alike."""
PORTABLE_LIST_LENGTH = 10
"""Up to ten items every SDK orders the same; from index 10 on they sort differently."""

_INDEX_WIDTH = 20


def _join(path: str, segment: str) -> str:
    return f"{path}:{segment}" if path else segment


def _leaves(node: Any, path: str, order: str) -> Iterator[tuple[str, str, str]]:
    """``(sort key, path, text)`` per leaf; the sort key pads list indices to sort as numbers."""
    if isinstance(node, Mapping):
        for key, child in node.items():
            if key in IGNORED_KEYS:
                continue
            segment = str(key).replace(":", "::")
            yield from _leaves(child, _join(path, segment), _join(order, segment))
    elif isinstance(node, list | tuple):
        for index, child in enumerate(node):
            yield from _leaves(
                child, _join(path, str(index)), _join(order, f"{index:0{_INDEX_WIDTH}d}")
            )
    else:
        yield order, path, _text(node, path)


def _text(value: Any, path: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, str | int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        # JavaScript and PHP print 1.0 as "1"; both agree with repr() for other ordinary floats.
        return str(int(value)) if value.is_integer() else repr(value)
    raise ValidationError(
        f"ecommpay signature: {path or 'value'} is {value!r}; only text, whole numbers, "
        "finite decimals, booleans and null can be signed"
    )


def signing_string(params: Mapping[str, Any]) -> str:
    """The text that is signed; exposed for diagnosing a mismatch with the provider."""
    items = sorted(_leaves(params, "", ""))
    return ";".join(f"{path}:{text}" for _, path, text in items)


def ecommpay_signature(params: Mapping[str, Any], secret_key: str) -> str:
    """base64(HMAC-SHA512(secret key, signing string))."""
    mac = hmac.new(
        secret_key.encode("utf-8"), signing_string(params).encode("utf-8"), hashlib.sha512
    )
    return base64.b64encode(mac.digest()).decode("ascii")


def verify_ecommpay_signature(payload: Mapping[str, Any], secret_key: str) -> bool:
    """Check a signed payload whose signature sits in ``signature`` or ``general.signature``.

    Signing leaves every ``signature`` key out, so the payload is signed as the provider signed it,
    without its own signature. Anything unsignable (a non-JSON value) simply does not verify.
    """
    signature = payload.get("signature")
    general = payload.get("general")
    if signature is None and isinstance(general, Mapping):
        signature = general.get("signature")
    if not isinstance(signature, str) or not signature:
        return False
    try:
        expected = ecommpay_signature(payload, secret_key)
    except ValidationError:
        return False
    return hmac.compare_digest(expected.encode("ascii"), signature.encode("utf-8", "replace"))


class _Hidden:
    """Marks a subtree the signature cannot see."""


_HIDDEN = _Hidden()


def signed_fields(payload: Mapping[str, Any]) -> dict[str, Any]:
    """``payload`` without what its signature cannot see, so two bodies with one signature
    give one result.

    Left out, at every depth, exactly what :func:`signing_string` leaves out: ``signature``
    (the top-level one and ``general.signature`` included) and ``frame_mode`` keys, empty
    objects and lists, and containers holding nothing else (``general`` once its signature is
    gone). Inside a list, an invisible item keeps its index as ``{}`` (the indices are signed);
    invisible items at the end are dropped. Null values stay: they sign as ``key:``, visibly.
    Leaf values are kept as they are, so ``signing_string(signed_fields(p))`` always equals
    ``signing_string(p)``.
    """
    visible = _visible(payload)
    return visible if isinstance(visible, dict) else {}


def _visible(node: Any) -> Any:
    if isinstance(node, Mapping):
        kept = {}
        for key, child in node.items():
            if key in IGNORED_KEYS:
                continue
            value = _visible(child)
            if value is not _HIDDEN:
                kept[key] = value
        return kept or _HIDDEN
    if isinstance(node, list | tuple):
        items = [_visible(child) for child in node]
        while items and items[-1] is _HIDDEN:
            items.pop()
        return [{} if item is _HIDDEN else item for item in items] or _HIDDEN
    return node


def check_portable(params: Mapping[str, Any]) -> None:
    """Refuse a tree on which the official SDKs (and so possibly ecommpay) sign differently.

    Kasir only sends trees every SDK signs alike: keys made of letters, ``_`` and other characters
    that sort after ``:`` (no digits, spaces, ``-`` or ``.``), no ``frame_mode`` or ``signature``
    key, at most ten list items, and leaves that are text, integers or booleans (no null, no
    float). No key or text may contain ``;``: ecommpay's signer refuses it (a customer name,
    e-mail or URL with one must be corrected before anything is sent). The message names the
    first offending path.
    """
    _check_node(params, "")


def _check_node(node: Any, path: str) -> None:
    where = path or "the parameters"
    if isinstance(node, Mapping):
        for key, child in node.items():
            child_path = _join(path, str(key))
            if not isinstance(key, str) or not key or not all(":" < ch < "\ud800" for ch in key):
                raise ValidationError(
                    f"ecommpay parameter {child_path!r}: keys must be letters or '_' "
                    "(no digits, spaces, punctuation before ':', or ':' itself)"
                )
            if SEPARATOR in key:
                raise ValidationError(
                    f"ecommpay parameter {child_path!r}: a key may not contain {SEPARATOR!r}"
                )
            if key in IGNORED_KEYS:
                raise ValidationError(
                    f"ecommpay parameter {child_path!r}: {key} is never signed, so never sent"
                )
            _check_node(child, child_path)
    elif isinstance(node, list | tuple):
        if len(node) > PORTABLE_LIST_LENGTH:
            raise ValidationError(
                f"ecommpay parameter {where!r}: at most {PORTABLE_LIST_LENGTH} list items, "
                f"got {len(node)}"
            )
        for index, child in enumerate(node):
            _check_node(child, _join(path, str(index)))
    elif node is None or isinstance(node, float) or not isinstance(node, str | int):
        raise ValidationError(
            f"ecommpay parameter {where!r} is {type(node).__name__}; send text, integers or "
            "booleans (leave an absent value out instead of null)"
        )
    elif isinstance(node, str) and SEPARATOR in node:
        raise ValidationError(  # the value is left out: a wallet number, a customer's name
            f"ecommpay parameter {where!r} contains {SEPARATOR!r}, which ecommpay's signer "
            "refuses (it separates the signed items)"
        )


def payment_page_url(
    params: Mapping[str, Any], secret_key: str, base_url: str = PAYMENT_PAGE_BASE_URL
) -> str:
    """The signed Payment Page URL: every query parameter is signed, the signature appended.

    The parameters must be flat and portable: the page reads each as text, so the text sent is
    exactly the text signed.
    """
    check_portable(params)
    for key, value in params.items():
        if isinstance(value, Mapping | list | tuple):
            raise ValidationError(f"Payment Page parameter {key!r} must be a single value")
    query = urlencode({key: _text(value, key) for key, value in params.items()})
    signature = quote_plus(ecommpay_signature(params, secret_key))
    return f"{base_url.rstrip('/')}/payment?{query}&signature={signature}"
