"""DOKU notification parsing and verification, with notifications signed by the real signer."""

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from pos_app.payments.doku.notification import (
    doku_status,
    event_from_payload,
    is_known_status,
    parse_notification,
    verify_notification,
)
from pos_app.payments.doku.signing import signed_headers as doku_signed_headers
from pos_app.payments.errors import ProviderProtocolError, SignatureMismatch
from pos_app.payments.model import NO_CURRENCY, PaymentStatus, ProviderName

CLIENT_ID = "MCH-0001-10791114622547"
SECRET = "SK-hCJ42G28TA0MKG9LE2E_1"
TARGET = "/doku/notifications"


def notification(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "service": {"id": "EMONEY"},
        "acquirer": {"id": "DOKU"},
        "channel": {"id": "EMONEY_DOKU"},
        "order": {"invoice_number": "INV-20260101-0001", "amount": 9000},
        "transaction": {
            "status": "SUCCESS",
            "date": "2026-01-01T03:24:23Z",
            "original_request_id": "baec7d95-f30a-4b78-b711-6ebe0ccdf50b",
        },
        "additional_info": {},
    }
    payload.update(changes)
    return payload


def encode(payload: Any) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode()


def signed_headers(body: bytes, *, secret: str = SECRET, target: str = TARGET) -> dict[str, str]:
    headers = doku_signed_headers(
        client_id=CLIENT_ID,
        secret_key=secret,
        request_target=target,
        body=body,
        request_id="c0ffee00-0000-4000-8000-000000000001",
        timestamp="2026-01-01T03:24:24Z",
    )
    del headers["Content-Type"]
    return headers


def verify(headers: dict[str, str], body: bytes, *, target: str = TARGET):
    return verify_notification(
        headers, body, client_id=CLIENT_ID, secret_key=SECRET, request_target=target
    )


def test_parses_the_fields_kasir_relies_on() -> None:
    event = parse_notification(encode(notification()))
    assert event.provider is ProviderName.DOKU
    assert event.invoice_number == "INV-20260101-0001"
    assert event.amount == 9000
    assert event.status is PaymentStatus.PAID
    assert event.reference == "baec7d95-f30a-4b78-b711-6ebe0ccdf50b"
    assert event.occurred_at == datetime(2026, 1, 1, 3, 24, 23, tzinfo=UTC)
    assert event.raw["channel"] == {"id": "EMONEY_DOKU"}


def test_unknown_fields_are_ignored_and_kept_raw() -> None:
    payload = notification(
        brand_new={"x": [1, 2]},
        order={"invoice_number": "INV-1", "amount": 500, "currency": "IDR", "session_id": "s"},
    )
    payload["transaction"]["something_new"] = True
    event = parse_notification(encode(payload))
    assert (event.invoice_number, event.amount) == ("INV-1", 500)
    assert event.raw["brand_new"] == {"x": [1, 2]}


def test_optional_fields_may_be_missing_or_odd() -> None:
    payload = notification(transaction={"status": "FAILED", "date": "yesterday"})
    del payload["service"], payload["additional_info"]
    event = parse_notification(encode(payload))
    assert event.status is PaymentStatus.DECLINED
    assert event.reference is None
    assert event.occurred_at is None


def test_zone_less_date_is_taken_as_utc_and_offsets_are_converted() -> None:
    naive = notification(transaction={"status": "SUCCESS", "date": "2026-01-01T10:00:00"})
    wib = notification(transaction={"status": "SUCCESS", "date": "2026-01-01T17:00:00+07:00"})
    expected = datetime(2026, 1, 1, 10, tzinfo=UTC)
    assert parse_notification(encode(naive)).occurred_at == expected
    assert parse_notification(encode(wib)).occurred_at == expected


@pytest.mark.parametrize("written", ['"10.000"', "10.000", '"10000.000"'])
def test_an_amount_with_three_decimals_is_refused_not_read_as_ten(written: str) -> None:
    """DOKU writes 10000 or 10000.00; "10.000" is ten thousand rupiah the Indonesian way, which
    was read as Rp 10: a payment kept as one of another amount, the manager told Rp 10."""
    body = encode(notification(order={"invoice_number": "INV-1", "amount": 1}))
    body = body.replace(b'"amount":1', b'"amount":' + written.encode())
    with pytest.raises(ProviderProtocolError, match="more than two decimals"):
        parse_notification(body)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(9000, 9000), (9000.0, 9000), ("9000", 9000), ("9000.00", 9000), (" 9000.00 ", 9000)],
)
def test_whole_rupiah_amount_forms(raw: Any, expected: int) -> None:
    payload = notification(order={"invoice_number": "INV-1", "amount": raw})
    assert parse_notification(encode(payload)).amount == expected


@pytest.mark.parametrize(
    ("order", "transaction", "field"),
    [
        ({"amount": 9000}, {"status": "SUCCESS"}, "order.invoice_number"),
        ({"invoice_number": "", "amount": 9000}, {"status": "SUCCESS"}, "order.invoice_number"),
        ({"invoice_number": 17, "amount": 9000}, {"status": "SUCCESS"}, "order.invoice_number"),
        ({"invoice_number": "X" * 65, "amount": 1}, {"status": "SUCCESS"}, "order.invoice_number"),
        ({"invoice_number": "I"}, {"status": "SUCCESS"}, "order.amount"),
        ({"invoice_number": "I", "amount": 9000.5}, {"status": "SUCCESS"}, "order.amount"),
        ({"invoice_number": "I", "amount": "9000.50"}, {"status": "SUCCESS"}, "order.amount"),
        ({"invoice_number": "I", "amount": "10.000"}, {"status": "SUCCESS"}, "order.amount"),
        ({"invoice_number": "I", "amount": "-5"}, {"status": "SUCCESS"}, "order.amount"),
        ({"invoice_number": "I", "amount": -5}, {"status": "SUCCESS"}, "order.amount"),
        ({"invoice_number": "I", "amount": True}, {"status": "SUCCESS"}, "order.amount"),
        ({"invoice_number": "I", "amount": 10**12}, {"status": "SUCCESS"}, "order.amount"),
        ({"invoice_number": "I", "amount": 1}, {}, "transaction.status"),
        ({"invoice_number": "I", "amount": 1}, {"status": 1}, "transaction.status"),
        ({"invoice_number": "I", "amount": 1}, {"status": "  "}, "transaction.status"),
        ({"invoice_number": "I", "amount": 1}, None, "transaction"),
        (["I", 1], {"status": "SUCCESS"}, "order"),
    ],
)
def test_missing_or_wrong_typed_fields_are_named(order: Any, transaction: Any, field: str) -> None:
    payload = notification(order=order, transaction=transaction)
    with pytest.raises(ProviderProtocolError, match=field.replace(".", r"\.")):
        parse_notification(encode(payload))


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("FAILED", PaymentStatus.DECLINED),
        ("PENDING", PaymentStatus.PENDING),
        ("TIMEOUT", PaymentStatus.PENDING),
    ],
)
def test_a_word_that_moves_no_money_is_read_without_an_amount(
    word: str, status: PaymentStatus
) -> None:
    """DOKU's check-status page: "some parameters might not be presented in certain status
    cases". Refused, the cashier's Check status and the countdown's last check failed."""
    payload = notification(order={"invoice_number": "I"}, transaction={"status": word})
    event = parse_notification(encode(payload))
    assert (event.status, event.amount, event.currency) == (status, 0, NO_CURRENCY)


def test_a_success_still_needs_its_amount() -> None:
    """A REFUNDED need not name one: test_doku_refund_reports.py."""
    payload = notification(order={"invoice_number": "I"}, transaction={"status": "SUCCESS"})
    with pytest.raises(ProviderProtocolError, match=r"order\.amount"):
        parse_notification(encode(payload))


@pytest.mark.parametrize("body", [b"", b"not json", b"\xff\xfe", b"[1,2]", b"null"])
def test_non_object_bodies_are_protocol_errors(body: bytes) -> None:
    with pytest.raises(ProviderProtocolError, match="DOKU"):
        parse_notification(body)


def test_event_from_payload_refuses_non_objects() -> None:
    with pytest.raises(ProviderProtocolError, match="JSON object"):
        event_from_payload("order")


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("SUCCESS", PaymentStatus.PAID),
        ("FAILED", PaymentStatus.DECLINED),
        ("PENDING", PaymentStatus.PENDING),
        ("EXPIRED", PaymentStatus.EXPIRED),
        ("REFUNDED", PaymentStatus.REFUNDED),
        ("TIMEOUT", PaymentStatus.PENDING),
        ("REDIRECT", PaymentStatus.PENDING),
        (" SUCCESS ", PaymentStatus.PAID),
        ("Success", PaymentStatus.PAID),
        ("failed\t", PaymentStatus.DECLINED),
    ],
)
def test_doku_status_words(word: str, status: PaymentStatus) -> None:
    assert doku_status(word) is status
    assert is_known_status(word)


@pytest.mark.parametrize("word", ["PAID", "CANCELLED", "ORDER_GENERATED"])
def test_a_status_word_doku_adds_later_is_pending_and_reported_unknown(word: str) -> None:
    assert doku_status(word) is PaymentStatus.PENDING
    assert not is_known_status(word)


@pytest.mark.parametrize("word", ["", "   ", None, 1, ["SUCCESS"]])
def test_a_status_that_is_no_word_is_a_protocol_error(word: Any) -> None:
    with pytest.raises(ProviderProtocolError, match=r"transaction\.status"):
        doku_status(word)
    assert not is_known_status(word)


def test_verify_accepts_a_genuine_notification() -> None:
    body = encode(notification())
    event = verify(signed_headers(body), body)
    assert event.invoice_number == "INV-20260101-0001"
    assert event.status is PaymentStatus.PAID


def test_verify_accepts_lowercase_and_mixed_case_header_names() -> None:
    body = encode(notification())
    headers = signed_headers(body)
    lower = {name.lower(): value for name, value in headers.items()}
    upper = {name.upper(): value for name, value in headers.items()}
    assert verify(lower, body).amount == 9000
    assert verify(upper, body).amount == 9000


def test_verify_rejects_a_wrong_secret() -> None:
    body = encode(notification())
    with pytest.raises(SignatureMismatch, match="does not verify"):
        verify(signed_headers(body, secret="SK-someone-else"), body)


def test_verify_rejects_any_altered_body_byte() -> None:
    body = encode(notification())
    headers = signed_headers(body)
    for index in range(len(body)):
        altered = bytearray(body)
        altered[index] ^= 0x01
        with pytest.raises(SignatureMismatch):
            verify(headers, bytes(altered))


def test_verify_rejects_another_request_target() -> None:
    body = encode(notification())
    with pytest.raises(SignatureMismatch, match="/relay/doku/notifications"):
        verify(signed_headers(body), body, target="/relay/doku/notifications")
    with pytest.raises(SignatureMismatch):
        verify(signed_headers(body, target="/other"), body)


@pytest.mark.parametrize("header", ["Client-Id", "Request-Id", "Request-Timestamp", "Signature"])
def test_verify_rejects_a_missing_header_and_names_it(header: str) -> None:
    body = encode(notification())
    headers = signed_headers(body)
    del headers[header]
    with pytest.raises(SignatureMismatch, match=header):
        verify(headers, body)
    headers[header] = ""
    with pytest.raises(SignatureMismatch, match=header):
        verify(headers, body)


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Request-Id", "c0ffee00-0000-4000-8000-000000000002"),
        ("Request-Timestamp", "2026-01-01T03:24:25Z"),
        ("Signature", "HMACSHA256=AAAA"),
    ],
)
def test_verify_rejects_an_altered_header(header: str, value: str) -> None:
    body = encode(notification())
    headers = signed_headers(body) | {header: value}
    with pytest.raises(SignatureMismatch, match="does not verify"):
        verify(headers, body)


def test_verify_rejects_another_client_id_even_when_signed_with_our_key() -> None:
    body = encode(notification())
    headers = signed_headers(body) | {"Client-Id": "MCH-0001-OTHER"}
    with pytest.raises(SignatureMismatch, match="Client-Id") as refused:
        verify(headers, body)
    assert CLIENT_ID not in str(refused.value), "the refusal goes back to the sender: not ours"


def test_signature_is_checked_before_the_body_is_read() -> None:
    body = b"not json at all"
    with pytest.raises(SignatureMismatch):
        verify(signed_headers(b"{}"), body)
    with pytest.raises(ProviderProtocolError, match="not JSON"):
        verify(signed_headers(body), body)


def test_the_secret_never_appears_in_an_error() -> None:
    body = encode(notification())
    cases = [
        signed_headers(body, secret="SK-wrong"),
        signed_headers(body) | {"Client-Id": "X"},
        {"Client-Id": CLIENT_ID},
    ]
    for headers in cases:
        with pytest.raises(SignatureMismatch) as caught:
            verify(headers, body)
        assert SECRET not in str(caught.value)
        assert SECRET not in repr(caught.value)
