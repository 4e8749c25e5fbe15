"""DOKU as it really answers (issue 10 §1): amount forms, extra objects, padding, odd dates,
hostile bodies, both "not found" shapes, and a 409 replay that does not verify.

The client tests drive :class:`DokuClient` against the fake DOKU of test_doku_client, which
verifies every request signature and signs its answers with the real signing code.
"""

import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from pos_app.payments.doku.client import CREATE_PATH, DokuClient, OrderNotFound, order_request_id
from pos_app.payments.doku.notification import (
    event_from_payload,
    parse_notification,
    rupiah_amount,
    verify_notification,
)
from pos_app.payments.doku.signing import signed_headers
from pos_app.payments.errors import (
    ProviderProtocolError,
    ProviderRejected,
    ProviderUnreachable,
    SignatureMismatch,
    read_provider_json,
)
from pos_app.payments.model import PaymentStatus
from tests.unit.test_doku_client import (
    CLIENT_ID,
    INVOICE,
    NOTIFY_URL,
    ORDER,
    SECRET,
    FakeDoku,
    make_client,
)

TARGET = "/doku/notifications"
AMOUNT = b"@AMOUNT@"


def body_with(amount: bytes = b"6000", **extra: Any) -> bytes:
    """A DOKU Wallet notification whose ``order.amount`` is exactly the JSON text given."""
    payload: dict[str, Any] = {
        "service": {"id": "EMONEY"},
        "acquirer": {"id": "DOKU"},
        "channel": {"id": "EMONEY_DOKU"},
        "order": {"invoice_number": "INV-1", "amount": "@AMOUNT@"},
        "transaction": {
            "status": "SUCCESS",
            "date": "2026-01-01T03:24:23Z",
            "original_request_id": "baec7d95-f30a-4b78-b711-6ebe0ccdf50b",
        },
        **extra,
    }
    return json.dumps(payload).encode().replace(b'"' + AMOUNT + b'"', amount)


@pytest.mark.parametrize(
    "amount",
    [b"6000", b"6000.00", b"6000.0", b'"6000.00"', b'"6000"', b'" 6000.00 "', b"6E3", b"6.000e3"],
)
def test_every_form_doku_sends_for_a_whole_amount_is_read_exactly(amount: bytes) -> None:
    assert parse_notification(body_with(amount)).amount == 6000


@pytest.mark.parametrize(
    "amount", [b"6000.50", b'"6000.50"', b"6000.0000000000001", b'"6000.0000000000001"']
)
def test_a_fraction_of_a_rupiah_is_refused_naming_the_field(amount: bytes) -> None:
    # 6000.0000000000001 is 6000.0 as a float: only exact decimals see the fraction.
    with pytest.raises(ProviderProtocolError, match=r"order\.amount .*fraction"):
        parse_notification(body_with(amount))


@pytest.mark.parametrize(
    "amount",
    [
        b"1" + b"0" * 40,
        b"1e40",
        b"1e400",
        b"-1e400",
        b'"1e400"',
        b"NaN",
        b"Infinity",
        b"-Infinity",
        b'"NaN"',
        b'"6,000"',
        b'"+6000"',
        b"-6000",
        b'"' + b"9" * 5000 + b'"',
        b"9" * 5000,
        b"true",
        b"null",
        b"[6000]",
    ],
)
def test_absurd_amounts_are_protocol_errors_never_crashes(amount: bytes) -> None:
    with pytest.raises(ProviderProtocolError) as caught:
        parse_notification(body_with(amount))
    assert len(str(caught.value)) < 300


def test_rupiah_amount_accepts_decoded_values_and_names_the_given_field() -> None:
    assert rupiah_amount(6000.0) == 6000
    with pytest.raises(ProviderProtocolError, match=r"transaction\.amount"):
        rupiah_amount(float("nan"), field="transaction.amount")


def test_the_extra_objects_doku_sends_are_ignored_and_kept_raw() -> None:
    body = body_with(
        b"6000.00",
        customer={"name": "Budi", "email": "budi@example.com"},
        emoney_payment={"account_id": "8100012345", "approval_code": "A1B2C3"},
        merchant={"terminal_id": "A01       "},
        issuer={"id": "DOKU", "name": "DOKU Wallet"},
        tips=0.00,
        additional_info={"override_notification_url": "https://relay.example" + TARGET},
    )
    event = parse_notification(body)
    assert (event.invoice_number, event.amount, event.status) == ("INV-1", 6000, PaymentStatus.PAID)
    assert event.currency == "IDR"
    assert event.raw["merchant"] == {"terminal_id": "A01       "}
    assert event.raw["order"]["amount"] == 6000.0
    assert json.loads(json.dumps(event.raw)) == event.raw  # plain JSON: the relay stores it


def test_padded_invoice_number_and_status_word_are_trimmed() -> None:
    payload = json.loads(body_with())
    payload["order"]["invoice_number"] = "  INV-1 "
    payload["transaction"]["status"] = " SUCCESS  "
    event = parse_notification(json.dumps(payload).encode())
    assert (event.invoice_number, event.status) == ("INV-1", PaymentStatus.PAID)


@pytest.mark.parametrize(
    "date",
    [
        "10000-01-01T00:00:00Z",
        "99999-12-31T23:59:59",
        "9999-12-31T23:59:59-05:00",
        "0001-01-01T00:00:00+05:00",
        "2026-13-45T99:99:99",
        "garbage: yes",
        "2026-01-01",
        20260101,
        None,
        "2026-01-01T00:00:00" + " " * 1000,
    ],
)
def test_a_transaction_date_kasir_cannot_read_is_simply_unknown(date: Any) -> None:
    payload = json.loads(body_with())
    payload["transaction"]["date"] = date
    event = parse_notification(json.dumps(payload).encode())
    assert event.occurred_at is None
    assert event.amount == 6000


def test_a_readable_date_is_still_read() -> None:
    event = parse_notification(body_with())
    assert event.occurred_at == datetime(2026, 1, 1, 3, 24, 23, tzinfo=UTC)


@pytest.mark.parametrize(
    "body",
    [
        b"{",
        b'{"order": }',
        b"\xff\xfe{}",
        b"[" * 1000 + b"]" * 1000,
        b'{"x":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"x":' + b"[" * 40 + b"]" * 40 + b"}",
        b'{"order": {"invoice_number": "\\ud800", "amount": 1}}',
        b'{"\\udfff": 1, "order": {"invoice_number": "INV-1", "amount": 1}}',
    ],
    ids=["cut", "broken", "not-utf8", "deep-1000", "deep-100k", "deep-40", "lone-surrogate", "key"],
)
def test_hostile_bodies_are_protocol_errors_not_recursion_or_unicode_errors(body: bytes) -> None:
    with pytest.raises(ProviderProtocolError):
        parse_notification(body)


def test_a_validly_signed_hostile_body_is_still_only_a_protocol_error() -> None:
    body = b'{"order":' + b"[" * 1000 + b"]" * 1000 + b"}"
    headers = signed_headers(
        client_id=CLIENT_ID, secret_key=SECRET, request_target=TARGET, body=body
    )
    with pytest.raises(ProviderProtocolError) as caught:
        verify_notification(
            headers, body, client_id=CLIENT_ID, secret_key=SECRET, request_target=TARGET
        )
    assert not isinstance(caught.value, SignatureMismatch)


def test_one_read_gives_the_exact_amount_and_a_raw_that_stores_as_plain_json() -> None:
    payload = read_provider_json(body_with(b"6000.00"), what="test")
    event = event_from_payload(payload)
    assert event.raw is payload and event.amount == 6000
    assert json.loads(json.dumps(event.raw))["order"]["amount"] == 6000.0


# --- the client: status answers -----------------------------------------------------------


class ShapedDoku(FakeDoku):
    """The fake DOKU, answering status with a chosen amount text, word and extra objects, and
    optionally with the 2xx "not found" shape or an unverifiable 409 replay."""

    def __init__(self) -> None:
        super().__init__()
        self.amount_text: bytes | None = None
        self.extra: dict[str, Any] = {}
        self.empty_not_found = False
        self.unsigned_replay = False

    def status(self, request: httpx.Request, invoice: str) -> httpx.Response:
        if invoice not in self.orders and self.empty_not_found:
            empty = b'{"order":{"invoice_number":"' + invoice.encode() + b'"}}'
            return self.signed(200, empty, request)
        answer = super().status(request, invoice)
        if invoice not in self.orders:
            return answer
        payload = {**json.loads(answer.content), **self.extra}
        content = json.dumps(payload).encode()
        if self.amount_text is not None:
            payload["order"]["amount"] = "@AMOUNT@"
            content = json.dumps(payload).encode().replace(b'"' + AMOUNT + b'"', self.amount_text)
        return self.signed(200, content, request)

    def signed(self, status: int, body: bytes, request: httpx.Request) -> httpx.Response:
        if status == 409 and self.unsigned_replay:
            return httpx.Response(409, content=body)
        return super().signed(status, body, request)


@pytest.fixture
def shaped() -> ShapedDoku:
    return ShapedDoku()


@pytest.fixture
def client(shaped: ShapedDoku):  # type: ignore[no-untyped-def]
    with make_client(shaped) as client:
        yield client


@pytest.mark.parametrize("amount", [b"9000", b"9000.00", b'"9000.00"', b'"9000"'])
def test_status_answer_amount_forms_and_extra_objects(
    client: DokuClient, shaped: ShapedDoku, amount: bytes
) -> None:
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    shaped.amount_text = amount
    shaped.extra = {"merchant": {"terminal_id": " T1   "}, "tips": 0.0, "customer": {"name": "B"}}
    result = client.check_status(INVOICE)
    assert (result.amount, result.currency, result.status) == (9000, "IDR", PaymentStatus.PENDING)
    assert json.loads(json.dumps(result.raw)) == result.raw


def test_status_answer_with_a_fractional_amount_is_refused(
    client: DokuClient, shaped: ShapedDoku
) -> None:
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    shaped.amount_text = b'"9000.50"'
    with pytest.raises(ProviderProtocolError, match=r"order\.amount"):
        client.check_status(INVOICE)


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("PENDING", PaymentStatus.PENDING),
        ("TIMEOUT", PaymentStatus.PENDING),
        ("REDIRECT", PaymentStatus.PENDING),
        ("SUCCESS", PaymentStatus.PAID),
        ("FAILED", PaymentStatus.DECLINED),
        ("EXPIRED", PaymentStatus.EXPIRED),
        ("REFUNDED", PaymentStatus.REFUNDED),
    ],
)
def test_every_check_status_word(
    client: DokuClient, shaped: ShapedDoku, word: str, status: PaymentStatus
) -> None:
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    shaped.orders[INVOICE]["status"] = word
    assert client.check_status(INVOICE).status is status


def test_a_signed_2xx_with_neither_error_nor_transaction_is_not_found(
    client: DokuClient, shaped: ShapedDoku
) -> None:
    shaped.empty_not_found = True
    with pytest.raises(OrderNotFound) as caught:
        client.check_status("INV-NEVER-SENT")
    assert (caught.value.status_code, caught.value.code) == (200, "no_transaction")


def test_an_unsigned_2xx_without_transaction_is_not_taken_as_not_found(shaped: ShapedDoku) -> None:
    shaped.empty_not_found = True
    shaped.unsigned = True
    with make_client(shaped) as client, pytest.raises(SignatureMismatch):
        client.check_status("INV-NEVER-SENT")


@pytest.mark.parametrize("empty", [True, False], ids=["2xx-empty", "404"])
def test_a_lost_create_answer_is_resolved_by_either_not_found_shape(
    client: DokuClient, shaped: ShapedDoku, empty: bool
) -> None:
    shaped.empty_not_found = empty
    shaped.faults["POST"].append("refuse")  # the request never reached DOKU
    request = client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert request.payment_url.startswith("https://pay.doku.test/")
    assert [r.method for r in shaped.requests] == ["POST", "GET", "POST"]
    assert {r.headers["Request-Id"] for r in shaped.creates()} == {request.reference}
    assert len(shaped.orders) == 1


# --- the client: a 409 replay that does not verify ----------------------------------------


def test_an_unverified_409_replay_of_a_known_order_is_resolved_by_a_status_check(
    client: DokuClient, shaped: ShapedDoku
) -> None:
    first = client.create_order(ORDER, notify_url=NOTIFY_URL)
    shaped.unsigned_replay = True
    again = client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert again == first
    assert [r.method for r in shaped.requests] == ["POST", "POST", "GET"]
    assert len(shaped.orders) == 1


def test_an_unverified_409_replay_after_a_lost_answer_still_gives_the_page(
    client: DokuClient, shaped: ShapedDoku
) -> None:
    shaped.unsigned_replay = True
    shaped.faults["POST"].append("lose")
    request = client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert request.payment_url == "https://pay.doku.test/wallauth?sessionId=1"
    assert request.reference == order_request_id(CLIENT_ID, INVOICE)
    assert [r.method for r in shaped.requests] == ["POST", "GET", "POST", "GET"]


def test_an_unverified_409_for_an_order_doku_does_not_know_creates_it_afresh(
    shaped: ShapedDoku,
) -> None:
    def replay_of_nothing(request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and not shaped.creates():
            shaped.requests.append(request)
            return httpx.Response(409, content=b'{"doku_wallet_payment_page":{"url":"https://x"}}')
        return shaped(request)

    with make_client(replay_of_nothing) as client:
        request = client.create_order(ORDER, notify_url=NOTIFY_URL)
    first, second = shaped.creates()
    assert first.headers["Request-Id"] == order_request_id(CLIENT_ID, INVOICE)
    assert second.headers["Request-Id"] == request.reference != first.headers["Request-Id"]
    assert second.content == first.content
    assert request.payment_url == "https://pay.doku.test/wallauth?sessionId=1"


def test_an_unverified_409_for_another_amount_is_refused(
    client: DokuClient, shaped: ShapedDoku
) -> None:
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    shaped.orders[INVOICE]["amount"] = 1
    shaped.unsigned_replay = True
    with pytest.raises(ProviderProtocolError, match="1 rupiah, not 9000"):
        client.create_order(ORDER, notify_url=NOTIFY_URL)


def test_an_unverified_409_replay_of_an_order_in_another_currency_is_refused(
    client: DokuClient, shaped: ShapedDoku
) -> None:
    """DOKU names its currency (test_doku_currency.py): only rupiah is our order."""
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    shaped.extra = {"order": {"invoice_number": INVOICE, "amount": 9000, "currency": "USD"}}
    shaped.unsigned_replay = True
    with pytest.raises(ProviderProtocolError, match="9000 USD, not 9000 rupiah"):
        client.create_order(ORDER, notify_url=NOTIFY_URL)


def test_an_unverified_409_without_a_page_is_a_rejection_the_checkout_resolves(
    client: DokuClient, shaped: ShapedDoku
) -> None:
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    shaped.orders[INVOICE]["answer"] = b'{"order":{"invoice_number":"' + INVOICE.encode() + b'"}}'
    shaped.unsigned_replay = True
    with pytest.raises(ProviderRejected) as caught:
        client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert (caught.value.status_code, caught.value.code) == (409, "replay_without_page")


def test_an_unverified_409_with_a_failing_status_check_stays_unknown(
    client: DokuClient, shaped: ShapedDoku
) -> None:
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    shaped.unsigned_replay = True
    shaped.faults["GET"].append("refuse")
    with pytest.raises(ProviderUnreachable):
        client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert len(shaped.creates()) == 2


def test_a_signed_409_is_used_as_is_without_a_status_check(
    client: DokuClient, shaped: ShapedDoku
) -> None:
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert [r.method for r in shaped.requests] == ["POST", "POST"]
    assert all(r.url.path == CREATE_PATH for r in shaped.requests)
