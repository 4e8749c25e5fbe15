"""Known answers come from openssl, an implementation independent of ours:

printf '%s' "$BODY" | openssl dgst -sha256 -binary | base64
printf 'Client-Id:…\\nRequest-Id:…\\n…' | openssl dgst -sha256 -hmac "$KEY" -binary | base64
"""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from pos_app.payments.doku.signing import (
    RESPONSE_TIMESTAMP,
    body_digest,
    doku_signature,
    new_request_id,
    parse_timestamp,
    signed_headers,
    utc_timestamp,
    verify_doku_signature,
)

CLIENT_ID = "MCH-0001-10791114622547"
SECRET = "SK-hCJ42G28TA0MKG9LE2E_1"
BODY = b'{"order":{"invoice_number":"INV-20260101-0001","amount":9000}}'
PAYMENT = {
    "client_id": CLIENT_ID,
    "request_id": "baec7d95-f30a-4b78-b711-6ebe0ccdf50b",
    "timestamp": "2021-07-07T08:45:42Z",
    "request_target": "/dokuwallet-emoney/v1/payment",
}
PAYMENT_SIGNATURE = "HMACSHA256=AXggGXSvgOZitBaW/FXSZ8yw589alTHMa2E2GQ/Qr/E="
STATUS = {
    "client_id": CLIENT_ID,
    "request_id": "5b8b3f3e-6a4c-4b8e-9d61-2f1f0c2b7a10",
    "timestamp": "2026-11-21T06:00:00Z",
    "request_target": "/orders/v1/status/INV-20260101-0001",
}
STATUS_SIGNATURE = "HMACSHA256=lwkFa5Rz6uKtBZYA4LJ4Lja/aIZdtyNQdAj+hTPKaNA="
RESPONSE_SIGNATURE = "HMACSHA256=yCH5hvO+B4dq2t7vZZXhTu3pcyua/LcOiSiRPxjv69g="


def test_digest_known_values() -> None:
    assert body_digest(b"{}") == "RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o="
    assert body_digest(BODY) == "9gz0+8NPvN/E2TXgP5PCQw7KwBbn3LBVx2CoLK+8Rdw="


def test_request_signature_with_digest_matches_openssl() -> None:
    assert doku_signature(**PAYMENT, secret_key=SECRET, body=BODY) == PAYMENT_SIGNATURE


def test_get_signature_has_no_digest_line() -> None:
    assert doku_signature(**STATUS, secret_key=SECRET) == STATUS_SIGNATURE
    assert doku_signature(**STATUS, secret_key=SECRET, body=b"") != STATUS_SIGNATURE


def test_response_signature_uses_response_timestamp() -> None:
    response = PAYMENT | {"timestamp": "2021-07-07T08:45:43Z"}
    assert (
        doku_signature(
            **response, secret_key=SECRET, body=BODY, timestamp_header=RESPONSE_TIMESTAMP
        )
        == RESPONSE_SIGNATURE
    )
    assert verify_doku_signature(
        signature=RESPONSE_SIGNATURE,
        **response,
        secret_key=SECRET,
        body=BODY,
        timestamp_header=RESPONSE_TIMESTAMP,
    )
    assert not verify_doku_signature(
        signature=RESPONSE_SIGNATURE, **response, secret_key=SECRET, body=BODY
    )


def test_verify_accepts_the_genuine_signature() -> None:
    assert verify_doku_signature(
        signature=PAYMENT_SIGNATURE, **PAYMENT, secret_key=SECRET, body=BODY
    )


@pytest.mark.parametrize(
    "change",
    [
        {"secret_key": "SK-wrong"},
        {"body": BODY.replace(b"9000", b"9001")},
        {"body": BODY + b" "},
        {"body": None},
        {"client_id": "MCH-0001-0000"},
        {"request_id": "another"},
        {"timestamp": "2021-07-07T08:45:41Z"},
        {"request_target": "/dokuwallet-emoney/v1/payment/"},
        {"request_target": "/doku/notifications"},
        {"client_id": ""},
        {"signature": ""},
        {"signature": PAYMENT_SIGNATURE.removeprefix("HMACSHA256=")},
        {"signature": PAYMENT_SIGNATURE + "\u00e9"},
    ],
)
def test_verify_rejects_any_alteration(change: dict) -> None:
    args = PAYMENT | {"signature": PAYMENT_SIGNATURE, "secret_key": SECRET, "body": BODY} | change
    assert not verify_doku_signature(**args)


def test_every_body_byte_counts() -> None:
    for index in range(len(BODY)):
        altered = bytearray(BODY)
        altered[index] ^= 0x01
        assert not verify_doku_signature(
            signature=PAYMENT_SIGNATURE, **PAYMENT, secret_key=SECRET, body=bytes(altered)
        )


def test_request_id_is_unique_and_within_limit() -> None:
    ids = {new_request_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) <= 128 for i in ids)


def test_timestamp_is_utc_without_fractions() -> None:
    wib = timezone(timedelta(hours=7))
    moment = datetime(2020, 9, 22, 8, 51, 0, 123456, tzinfo=wib)
    assert utc_timestamp(moment) == "2020-09-22T01:51:00Z"
    assert parse_timestamp("2020-09-22T01:51:00Z") == datetime(2020, 9, 22, 1, 51, tzinfo=UTC)
    assert utc_timestamp().endswith("Z")
    for bad in ("2020-09-22T01:51:00.123Z", "2020-09-22T01:51:00+00:00", "2020-09-22 01:51:00"):
        with pytest.raises(ValueError):
            parse_timestamp(bad)


def test_signed_headers_carry_a_verifiable_signature() -> None:
    headers = signed_headers(
        client_id=CLIENT_ID, secret_key=SECRET, request_target=PAYMENT["request_target"], body=BODY
    )
    assert headers["Content-Type"] == "application/json"
    assert verify_doku_signature(
        signature=headers["Signature"],
        client_id=headers["Client-Id"],
        request_id=headers["Request-Id"],
        timestamp=headers["Request-Timestamp"],
        request_target=PAYMENT["request_target"],
        secret_key=SECRET,
        body=BODY,
    )
    fixed = signed_headers(
        client_id=CLIENT_ID,
        secret_key=SECRET,
        request_target=PAYMENT["request_target"],
        body=BODY,
        request_id=PAYMENT["request_id"],
        timestamp=PAYMENT["timestamp"],
    )
    assert fixed["Signature"] == PAYMENT_SIGNATURE
    get = signed_headers(
        client_id=CLIENT_ID, secret_key=SECRET, request_target=STATUS["request_target"], body=None
    )
    assert "Content-Type" not in get
