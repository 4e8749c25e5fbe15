"""Known answer from openssl:

printf "a:1;b:x" | openssl dgst -sha512 -hmac secret -binary | base64
"""

from urllib.parse import parse_qsl, urlsplit

from pos_app.payments.ecommpay.signing import (
    ecommpay_signature,
    payment_page_url,
    signing_string,
    verify_ecommpay_signature,
)

KNOWN = "Fyx0++lMscLjWYA4kgsZOD+AMUMiWXPfdW3fO4vlT5qi5tCUpcfttXZTDjmT/RhFIg4V22WvIG1BbdNKJxS+wg=="


def test_known_answer() -> None:
    assert ecommpay_signature({"b": "x", "a": 1}, "secret") == KNOWN


def test_signing_string_flattens_sorts_and_skips() -> None:
    params = {
        "general": {"project_id": 238, "payment_id": "ID_1", "signature": "old"},
        "flags": [True, False, None],
        "empty": {},
        "nothing": [],
        "frame_mode": "popup",
        "signature": "top",
    }
    assert signing_string(params) == (
        "flags:0:1;flags:1:0;flags:2:;general:payment_id:ID_1;general:project_id:238;"
        "general:signature:old"
    )


def test_callback_signature_in_either_place_verifies() -> None:
    body = {"project_id": 238, "payment": {"id": "P1", "status": "success"}}
    top = body | {"signature": ecommpay_signature(body, "k")}
    assert verify_ecommpay_signature(top, "k")
    assert not verify_ecommpay_signature(top, "other")
    assert not verify_ecommpay_signature(body, "k")
    nested = {"general": {"project_id": 1, "payment_id": "P"}, "payment": {"amount": 100}}
    signed = {
        **nested,
        "general": {**nested["general"], "signature": ecommpay_signature(nested, "k")},
    }
    assert verify_ecommpay_signature(signed, "k")
    tampered = {**signed, "payment": {"amount": 101}}
    assert not verify_ecommpay_signature(tampered, "k")


def test_payment_page_url_signs_every_query_parameter() -> None:
    params = {
        "project_id": 238,
        "payment_id": "INV 1",
        "payment_amount": 100000,
        "payment_currency": "IDR",
        "force_payment_method": "doku",
    }
    url = payment_page_url(params, "k", base_url="http://127.0.0.1:9/")
    parts = urlsplit(url)
    assert parts.path == "/payment"
    query = dict(parse_qsl(parts.query))
    signature = query.pop("signature")
    assert query == {key: str(value) for key, value in params.items()}
    assert signature == ecommpay_signature(query, "k")
