"""ecommpay signatures: known answers, the official SDK cross-check, and every SDK divergence.

Known answer from openssl:

printf "a:1;b:x" | openssl dgst -sha512 -hmac secret -binary | base64

The divergence table was measured with ecommpay-sdk 1.0.6 (PyPI, ``payment_page_sdk``) and npm
``ecommpay`` 0.1.7 (its ``src/converter.js``); docs/ecommpay-signature.md explains each choice.
"""

import base64
import copy
import hashlib
import hmac
import json
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from payment_page_sdk.callback import Callback
from payment_page_sdk.signature_handler import SignatureHandler

from pos_app.domain.errors import ValidationError
from pos_app.payments.ecommpay.signing import (
    check_portable,
    ecommpay_signature,
    payment_page_url,
    signing_string,
    verify_ecommpay_signature,
)

KNOWN = "Fyx0++lMscLjWYA4kgsZOD+AMUMiWXPfdW3fO4vlT5qi5tCUpcfttXZTDjmT/RhFIg4V22WvIG1BbdNKJxS+wg=="
SECRET = "project-secret"
CROSS_CHECK = settings(
    max_examples=500,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Keys every SDK orders alike: characters after ':' in the BMP (letters, '_', a few symbols,
# non-ASCII letters), never a digit, space, '-', '.' or ':'. Prefixes of each other on purpose.
PORTABLE_KEYS = [
    *"abcxyzABZ_~@|[]éßΔж中",
    *("pay", "payment", "payment_id", "payment_", "paymentZ", "a_b", "ab", "aé", "Δж", "中語"),
    *("general", "customer", "sum", "amount", "status", "redirect_data", "body", "url", "id"),
]
portable_keys = st.sampled_from(PORTABLE_KEYS)
# ';' separates the signed items; ecommpay's signer refuses it, so Kasir never sends it.
portable_text = st.text(max_size=8).map(lambda text: text.replace(";", ","))
scalars = st.one_of(portable_text, st.integers(-(10**15), 10**15), st.booleans())


def trees(keys: st.SearchStrategy[str], leaves: st.SearchStrategy[Any]) -> st.SearchStrategy:
    nodes = st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=10), st.dictionaries(keys, children, max_size=4)
        ),
        max_leaves=12,
    )
    return st.dictionaries(keys, nodes, max_size=5)


portable_trees = trees(portable_keys, scalars)
# Kasir's two deliberate differences from the Python SDK: null is empty, ':' in a key is doubled.
colon_keys = st.one_of(portable_keys, st.builds("{}:{}".format, portable_keys, portable_keys))
extended_trees = trees(colon_keys, st.one_of(scalars, st.none()))


def python_sdk_signature(params: Any) -> str:
    return SignatureHandler(SECRET).sign(copy.deepcopy(params))


def hmac_of(text: str, secret: str = SECRET) -> str:
    digest = hmac.new(secret.encode(), text.encode(), hashlib.sha512).digest()
    return base64.b64encode(digest).decode()


def as_the_python_sdk_reads_kasir(node: Any) -> Any:
    """The tree on which the Python SDK signs what Kasir signs: nulls empty, key colons doubled."""
    if isinstance(node, dict):
        return {key.replace(":", "::"): as_the_python_sdk_reads_kasir(v) for key, v in node.items()}
    if isinstance(node, list):
        return [as_the_python_sdk_reads_kasir(child) for child in node]
    return "" if node is None else node


def test_known_answer() -> None:
    assert ecommpay_signature({"b": "x", "a": 1}, "secret") == KNOWN


def test_signing_string_flattens_sorts_and_skips() -> None:
    params = {
        "general": {"project_id": 238, "payment_id": "ID_1", "signature": "old"},
        "flags": [True, False, None],
        "empty": {},
        "nothing": [],
        "nested": {"frame_mode": "iframe", "x": "ü;y"},
        "frame_mode": "popup",
        "signature": "top",
    }
    assert signing_string(params) == (
        "flags:0:1;flags:1:0;flags:2:;general:payment_id:ID_1;general:project_id:238;nested:x:ü;y"
    )


@CROSS_CHECK
@given(portable_trees)
def test_kasir_signs_portable_trees_exactly_like_the_official_sdk(params: dict) -> None:
    check_portable(params)
    assert ecommpay_signature(params, SECRET) == python_sdk_signature(params)


@CROSS_CHECK
@given(extended_trees)
def test_nulls_and_colon_keys_differ_from_the_python_sdk_only_as_documented(params: dict) -> None:
    expected = python_sdk_signature(as_the_python_sdk_reads_kasir(params))
    assert ecommpay_signature(params, SECRET) == expected


@CROSS_CHECK
@given(portable_trees, st.booleans())
def test_callbacks_verify_both_ways_with_the_official_sdk(params: dict, in_general: bool) -> None:
    body = {key: value for key, value in params.items() if key != "general"}
    kasir = ecommpay_signature(body, SECRET)
    sdk = python_sdk_signature(body)
    for signature in (kasir, sdk):
        signed = copy.deepcopy(body)
        if in_general:
            signed["general"] = {"signature": signature}
        else:
            signed["signature"] = signature
        assert verify_ecommpay_signature(signed, SECRET)
        Callback(json.dumps(signed), SignatureHandler(SECRET))
        assert not verify_ecommpay_signature(signed, SECRET + "x")


# name, tree, Kasir's signing string, the Python SDK's, npm ecommpay's
DIVERGENCES: list[tuple[str, dict, str, str, str]] = [
    ("null", {"a": None, "b": 1}, "a:;b:1", "a:None;b:1", "a:;b:1"),
    (
        "colon in key",
        {"a:b": 1, "c": {"d:e": 2}},
        "a::b:1;c:d::e:2",
        "a:b:1;c:d:e:2",
        "a:b:1;c:d:e:2",
    ),
    (
        "eleven list items",
        {"l": [{"x": n} for n in range(11)]},
        ";".join(f"l:{n}:x:{n}" for n in range(11)),
        "l:0:x:0;l:10:x:10;" + ";".join(f"l:{n}:x:{n}" for n in range(1, 10)),
        ";".join(f"l:{n}:x:{n}" for n in range(11)),
    ),
    (
        "eleven scalar items",
        {"l": list(range(11))},
        ";".join(f"l:{n}:{n}" for n in range(11)),
        "l:0:0;l:1:1;l:10:10;" + ";".join(f"l:{n}:{n}" for n in range(2, 10)),
        ";".join(f"l:{n}:{n}" for n in range(11)),
    ),
    (
        "prefix sibling of an object",
        {"a": {"x": 1}, "a-b": 2},
        "a-b:2;a:x:1",
        "a-b:2;a:x:1",
        "a:x:1;a-b:2",
    ),
    (
        "integer-like keys",
        {"10": 1, "9": 2, "b": 3},
        "10:1;9:2;b:3",
        "10:1;9:2;b:3",
        "9:2;10:1;b:3",
    ),
    ("float", {"f": 1.0, "g": 1.5}, "f:1;g:1.5", "f:1.0;g:1.5", "f:1;g:1.5"),
    (
        "key beyond the BMP",
        {"\ufffd": 1, "\U0001f600": 2},
        "\ufffd:1;\U0001f600:2",
        "\ufffd:1;\U0001f600:2",
        "\U0001f600:2;\ufffd:1",
    ),
    ("frame_mode", {"frame_mode": "popup", "a": 1}, "a:1", "a:1", "a:1;frame_mode:popup"),
    (
        "nested frame_mode",
        {"o": {"frame_mode": "x", "y": 1}},
        "o:y:1",
        "o:y:1",
        "o:frame_mode:x;o:y:1",
    ),
]


@pytest.mark.parametrize(("name", "tree", "kasir", "python_sdk", "js_sdk"), DIVERGENCES)
def test_divergence_is_signed_as_documented_and_never_sent(
    name: str, tree: dict, kasir: str, python_sdk: str, js_sdk: str
) -> None:
    assert signing_string(tree) == kasir
    assert ecommpay_signature(tree, SECRET) == hmac_of(kasir)
    assert python_sdk_signature(tree) == hmac_of(python_sdk)
    assert kasir in (python_sdk, js_sdk) or name == "colon in key"  # ':' doubling is PHP's
    with pytest.raises(ValidationError, match="ecommpay parameter"):
        check_portable(tree)


def test_digit_runs_in_keys_are_not_portable() -> None:
    """PHP's SDK sorts naturally (item2 before item10); Python and JS sort by code point."""
    tree = {"item2": 1, "item10": 2}
    assert signing_string(tree) == "item10:2;item2:1"
    with pytest.raises(ValidationError, match="item2"):
        check_portable(tree)


def test_nested_signature_keys_are_left_out_as_the_sdk_callback_does() -> None:
    body = {"payment": {"id": "P", "signature": "provider's own"}, "x": 1}
    sdk_view = {"payment": {"id": "P"}, "x": 1}
    signed = {**body, "signature": python_sdk_signature(sdk_view)}
    assert verify_ecommpay_signature(signed, SECRET)
    Callback(json.dumps(signed), SignatureHandler(SECRET))


@pytest.mark.parametrize(
    ("tree", "named"),
    [
        ({"ok": {"list": list(range(11))}}, "ok:list"),
        ({"ok": {"n": None}}, "ok:n"),
        ({"ok": [1.5]}, "ok:0"),
        ({"": 1}, "''"),
        ({"signature": "x"}, "signature"),
        ({"ok": {"when": object()}}, "ok:when"),
    ],
)
def test_check_portable_names_the_path(tree: dict, named: str) -> None:
    with pytest.raises(ValidationError, match=named):
        check_portable(tree)


def test_unsignable_values_are_a_clear_error_and_never_verify() -> None:
    with pytest.raises(ValidationError, match="payment:when"):
        ecommpay_signature({"payment": {"when": object()}}, SECRET)
    assert not verify_ecommpay_signature({"x": float("nan"), "signature": "abc"}, SECRET)


def test_callback_signature_in_either_place_verifies() -> None:
    body = {"project_id": 238, "payment": {"id": "P1", "status": "success"}}
    top = body | {"signature": ecommpay_signature(body, "k")}
    assert verify_ecommpay_signature(top, "k")
    assert not verify_ecommpay_signature(top, "other")
    assert not verify_ecommpay_signature(body, "k")
    assert not verify_ecommpay_signature(body | {"signature": ""}, "k")
    assert not verify_ecommpay_signature(body | {"signature": 17}, "k")
    nested = {"general": {"project_id": 1, "payment_id": "P"}, "payment": {"amount": 100}}
    signed = {
        **nested,
        "general": {**nested["general"], "signature": ecommpay_signature(nested, "k")},
    }
    assert verify_ecommpay_signature(signed, "k")
    tampered = {**signed, "payment": {"amount": 101}}
    assert not verify_ecommpay_signature(tampered, "k")


PAGE_PARAMS = {
    "project_id": 238,
    "payment_id": "INV 1/ü",
    "payment_amount": 100000,
    "payment_currency": "IDR",
    "customer_id": "walk-in",
    "customer_first_name": "Budi",
    "customer_email": "budi+kasir@example.co.id",
    "force_payment_method": "doku",
    "merchant_callback_url": "https://relay.example/ecommpay/callbacks?x=1&y=2",
    "best_before": "2025-01-01T10:00:00+00:00",
}


def _query(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True, strict_parsing=True))


def test_payment_page_url_signs_every_query_parameter() -> None:
    url = payment_page_url(PAGE_PARAMS, "k", base_url="http://127.0.0.1:9/")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("http", "127.0.0.1:9", "/payment")
    query = _query(url)
    signature = query.pop("signature")
    assert query == {key: str(value) for key, value in PAGE_PARAMS.items()}
    assert signature == ecommpay_signature(query, "k")
    assert verify_ecommpay_signature({**query, "signature": signature}, "k")


def test_payment_page_url_matches_the_official_sdk_signature() -> None:
    url = payment_page_url(PAGE_PARAMS, SECRET)
    assert url.startswith("https://paymentpage.ecommpay.com/payment?")
    assert _query(url)["signature"] == python_sdk_signature(PAGE_PARAMS)


@pytest.mark.parametrize("name", sorted(PAGE_PARAMS))
def test_altering_any_query_parameter_breaks_verification(name: str) -> None:
    url = payment_page_url(PAGE_PARAMS, "k")
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    altered = [(key, value + "0" if key == name else value) for key, value in pairs]
    query = "&".join(f"{quote(key)}={quote(value, safe='')}" for key, value in altered)
    tampered = _query(urlunsplit(parts._replace(query=query)))
    assert tampered[name] != str(PAGE_PARAMS[name])
    assert not verify_ecommpay_signature(tampered, "k")
    untouched = _query(url)
    assert verify_ecommpay_signature(untouched, "k")


def test_dropping_or_adding_a_query_parameter_breaks_verification() -> None:
    query = _query(payment_page_url(PAGE_PARAMS, "k"))
    assert not verify_ecommpay_signature(
        {k: v for k, v in query.items() if k != "customer_id"}, "k"
    )
    assert not verify_ecommpay_signature({**query, "payment_description": "x"}, "k")


@pytest.mark.parametrize(
    "params",
    [
        {"payment_id": "P", "customer": {"id": "c"}},
        {"payment_id": "P", "lines": ["a"]},
        {"payment_id": "P", "payment_amount": 1.5},
        {"payment_id": "P", "customer_email": None},
        {"payment_id": "P", "frame_mode": "popup"},
    ],
)
def test_payment_page_refuses_parameters_it_cannot_sign_portably(params: dict) -> None:
    with pytest.raises(ValidationError):
        payment_page_url(params, "k")
