"""DokuClient against a fake DOKU host (httpx.MockTransport) that uses the real signing code.

The fake verifies every request signature over the exact bytes it received, keeps orders by
invoice, answers a repeated Request-Id with the same body by the first response and HTTP 409,
and signs its answers as DOKU does. Faults are queued per HTTP method.
"""

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from pos_app.domain.basket import LineItem
from pos_app.domain.errors import KasirError, ValidationError
from pos_app.payments.doku.client import (
    CREATE_PATH,
    DokuClient,
    OrderNotFound,
    order_body,
    order_request_id,
)
from pos_app.payments.doku.provider import DokuWalletProvider
from pos_app.payments.doku.signing import (
    RESPONSE_TIMESTAMP,
    doku_signature,
    utc_timestamp,
    verify_doku_signature,
)
from pos_app.payments.errors import (
    ProviderProtocolError,
    ProviderRejected,
    ProviderUnreachable,
    SignatureMismatch,
)
from pos_app.payments.model import (
    PaymentOrder,
    PaymentProvider,
    PaymentStatus,
    ProviderName,
)

BASE_URL = "https://api-sandbox.doku.test"
CLIENT_ID = "MCH-0001-10791114622547"
SECRET = "SK-hCJ42G28TA0MKG9LE2E_1-do-not-leak"
NOTIFY_URL = "https://relay.example/doku/notifications"
INVOICE = "INV-20260101-0001"
LINES = (LineItem("A1", "Teh Botol", 3000, 2), LineItem("B2", "Roti Tawar", 3000, 1))
ORDER = PaymentOrder(invoice_number=INVOICE, amount=9000, lines=LINES)


def error_body(code: str, message: str, kind: str = "invalid_request_error") -> bytes:
    return json.dumps({"error": {"code": code, "message": message, "type": kind}}).encode()


class FakeDoku:
    """DOKU's API as the client sees it over HTTP."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.faults: dict[str, list[str]] = {"POST": [], "GET": []}
        self.orders: dict[str, dict[str, Any]] = {}
        self.answer_secret = SECRET
        self.answer_target: str | None = None
        self.answer_request_id: str | None = None
        self.unsigned = False
        self.status_invoice: str | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        queue = self.faults[request.method]
        fault = queue.pop(0) if queue else None
        if fault == "refuse":
            raise httpx.ConnectError("connection refused", request=request)
        response = self.handle(request)
        if fault == "lose":
            raise httpx.ReadTimeout("timed out after the order was taken", request=request)
        if fault == "drop":
            raise httpx.RemoteProtocolError("server disconnected", request=request)
        return response

    def creates(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == "POST"]

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode()
        body = request.content if request.method == "POST" else None
        if not (
            request.headers.get("Client-Id") == CLIENT_ID
            and verify_doku_signature(
                signature=request.headers.get("Signature", ""),
                client_id=CLIENT_ID,
                request_id=request.headers.get("Request-Id", ""),
                timestamp=request.headers.get("Request-Timestamp", ""),
                request_target=path,
                secret_key=SECRET,
                body=body,
            )
        ):
            return httpx.Response(401, content=error_body("invalid_signature", "Bad signature"))
        if request.method == "POST" and path == CREATE_PATH:
            return self.create(request)
        if request.method == "GET" and path.startswith("/orders/v1/status/"):
            return self.status(request, request.url.path.removeprefix("/orders/v1/status/"))
        return httpx.Response(404, content=b"<html>no such route</html>")

    def create(self, request: httpx.Request) -> httpx.Response:
        assert request.headers["Content-Type"] == "application/json"
        payload = json.loads(request.content)
        invoice = payload["order"]["invoice_number"]
        request_id = request.headers["Request-Id"]
        known = self.orders.get(invoice)
        if known is not None:
            if known["request_id"] == request_id and known["body"] == request.content:
                return self.signed(409, known["answer"], request)
            return httpx.Response(
                409, content=error_body("duplicate_request", "Request-Id reused, other body")
            )
        answer = json.dumps(
            {
                "order": {"invoice_number": invoice, "line_items": payload["order"]["line_items"]},
                "doku_wallet_payment_page": {
                    "url": f"https://pay.doku.test/wallauth?sessionId={len(self.orders) + 1}"
                },
            }
        ).encode()
        self.orders[invoice] = {
            "request_id": request_id,
            "body": request.content,
            "answer": answer,
            "amount": payload["order"]["amount"],
            "status": "PENDING",
        }
        return self.signed(200, answer, request)

    def status(self, request: httpx.Request, invoice: str) -> httpx.Response:
        known = self.orders.get(invoice)
        if known is None:
            return httpx.Response(
                404, content=error_body("invoice_not_found", f"Invoice {invoice} not found")
            )
        answer = {
            "service": {"id": "EMONEY"},
            "acquirer": {"id": "DOKU"},
            "channel": {"id": "EMONEY_DOKU"},
            "order": {"invoice_number": self.status_invoice or invoice, "amount": known["amount"]},
            "transaction": {
                "status": known["status"],
                "date": "2026-01-01T03:24:23Z",
                "original_request_id": known["request_id"],
            },
        }
        return self.signed(200, json.dumps(answer).encode(), request)

    def signed(self, status: int, body: bytes, request: httpx.Request) -> httpx.Response:
        if self.unsigned:
            return httpx.Response(status, content=body)
        request_id = self.answer_request_id or request.headers["Request-Id"]
        timestamp = utc_timestamp()
        signature = doku_signature(
            client_id=CLIENT_ID,
            request_id=request_id,
            timestamp=timestamp,
            request_target=self.answer_target or request.url.raw_path.decode(),
            secret_key=self.answer_secret,
            body=body if request.method == "POST" else None,  # Digest: POST only
            timestamp_header=RESPONSE_TIMESTAMP,
        )
        headers = {
            "Client-Id": CLIENT_ID,
            "Request-Id": request_id,
            "Response-Timestamp": timestamp,
            "Signature": signature,
        }
        return httpx.Response(status, content=body, headers=headers)


@pytest.fixture
def doku() -> FakeDoku:
    return FakeDoku()


def make_client(
    handler: Callable[[httpx.Request], httpx.Response], *, secret: str = SECRET, **kwargs: Any
) -> DokuClient:
    return DokuClient(
        base_url=BASE_URL,
        client_id=CLIENT_ID,
        secret_key=secret,
        transport=httpx.MockTransport(handler),
        **kwargs,
    )


@pytest.fixture
def client(doku: FakeDoku) -> Iterator[DokuClient]:
    with make_client(doku) as client:
        yield client


def test_create_order_sends_a_signed_request_and_returns_the_page(
    client: DokuClient, doku: FakeDoku
) -> None:
    request = client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert request.provider is ProviderName.DOKU
    assert (request.invoice_number, request.amount) == (INVOICE, 9000)
    assert request.payment_url == "https://pay.doku.test/wallauth?sessionId=1"
    assert request.reference == order_request_id(CLIENT_ID, INVOICE)
    assert request.expires_at is None
    (sent,) = doku.creates()
    assert sent.url == httpx.URL(BASE_URL + CREATE_PATH)
    assert sent.headers["Request-Id"] == order_request_id(CLIENT_ID, INVOICE)
    assert datetime.strptime(sent.headers["Request-Timestamp"], "%Y-%m-%dT%H:%M:%SZ")
    # The fake verified the signature over what it received; those are the bytes we digested.
    assert sent.content == order_body(ORDER, notify_url=NOTIFY_URL)
    assert verify_doku_signature(
        signature=sent.headers["Signature"],
        client_id=CLIENT_ID,
        request_id=sent.headers["Request-Id"],
        timestamp=sent.headers["Request-Timestamp"],
        request_target=CREATE_PATH,
        secret_key=SECRET,
        body=sent.content,
    )


def test_order_body_is_compact_deterministic_and_complete() -> None:
    body = order_body(
        ORDER,
        notify_url=NOTIFY_URL,
        success_url="https://shop.example/ok",
        failed_url="https://shop.example/failed",
        auto_redirect=True,
        override_notification_url="https://relay2.example/doku/notifications",
    )
    payload = json.loads(body)
    assert body == json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    assert payload["order"] == {
        "invoice_number": INVOICE,
        "amount": 9000,
        "line_items": [
            {"name": "Teh Botol", "price": 3000, "quantity": 2},
            {"name": "Roti Tawar", "price": 3000, "quantity": 1},
        ],
        "notify_url": NOTIFY_URL,
        "success_url": "https://shop.example/ok",
        "failed_url": "https://shop.example/failed",
        "auto_redirect": True,
    }
    assert payload["additional_info"] == {
        "override_notification_url": "https://relay2.example/doku/notifications"
    }
    assert order_body(ORDER, notify_url=NOTIFY_URL) == order_body(ORDER, notify_url=NOTIFY_URL)


def test_order_without_lines_sends_no_line_items_and_keeps_unicode_unescaped() -> None:
    order = PaymentOrder(invoice_number="INV-é", amount=500)
    body = order_body(order, notify_url=NOTIFY_URL)
    assert "line_items" not in json.loads(body)["order"]
    assert "INV-é".encode() in body


@pytest.mark.parametrize(
    ("order", "field"),
    [
        (PaymentOrder(INVOICE, 9001, LINES), "line items add up to 9000"),
        (PaymentOrder(INVOICE, 9000, (LineItem("A", "", 9000, 1),)), "name"),
        (PaymentOrder(INVOICE, 9000, (LineItem("A", "x" * 256, 9000, 1),)), "name"),
        (PaymentOrder(INVOICE, 9000, (LineItem("A", "Teh", 0, 10000),)), "quantity"),
        (PaymentOrder(INVOICE, 9000, (LineItem("A", "Teh", -1, 1),)), "price"),
        (PaymentOrder(INVOICE, 0), "order.amount"),
        (PaymentOrder(INVOICE, 10**12), "order.amount"),
        (PaymentOrder("", 9000), "order.invoice_number"),
        (PaymentOrder("I" * 65, 9000), "order.invoice_number"),
    ],
)
def test_invalid_orders_are_refused_before_any_request(
    client: DokuClient, doku: FakeDoku, order: PaymentOrder, field: str
) -> None:
    with pytest.raises(ValidationError, match=field.replace(".", r"\.")):
        client.create_order(order, notify_url=NOTIFY_URL)
    assert doku.requests == []


def test_explicit_timeout_reaches_every_request(doku: FakeDoku) -> None:
    with make_client(doku, timeout=2.5) as client:
        client.create_order(ORDER, notify_url=NOTIFY_URL)
        client.check_status(INVOICE)
    for request in doku.requests:
        assert request.extensions["timeout"] == dict.fromkeys(
            ("connect", "read", "write", "pool"), 2.5
        )


@pytest.mark.parametrize(
    ("tamper", "match"),
    [
        ({"answer_secret": "SK-forged"}, "does not verify"),
        ({"answer_target": "/dokuwallet-emoney/v1/payment/other"}, "does not verify"),
        ({"answer_request_id": "another-request"}, "Request-Id"),
        ({"unsigned": True}, "lacks header"),
    ],
)
def test_an_answer_that_is_not_signed_for_this_request_gives_no_url(
    client: DokuClient, doku: FakeDoku, tamper: dict[str, Any], match: str
) -> None:
    for name, value in tamper.items():
        setattr(doku, name, value)
    with pytest.raises(SignatureMismatch, match=match) as caught:
        client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert "pay.doku.test" not in str(caught.value)


def test_an_altered_answer_body_is_refused(doku: FakeDoku) -> None:
    def altered(request: httpx.Request) -> httpx.Response:
        genuine = doku(request)
        body = genuine.content.replace(b"pay.doku.test", b"evil.example!")
        return httpx.Response(genuine.status_code, content=body, headers=genuine.headers)

    with make_client(altered) as client, pytest.raises(SignatureMismatch):
        client.create_order(ORDER, notify_url=NOTIFY_URL)


def test_a_doku_error_becomes_provider_rejected(doku: FakeDoku) -> None:
    with (
        make_client(doku, secret="SK-not-the-right-one") as client,
        pytest.raises(ProviderRejected) as caught,
    ):
        client.create_order(ORDER, notify_url=NOTIFY_URL)
    error = caught.value
    assert not isinstance(error, OrderNotFound)
    assert (error.status_code, error.code, error.kind) == (
        401,
        "invalid_signature",
        "invalid_request_error",
    )
    assert "Bad signature" in str(error) and "401" in str(error)
    assert "SK-not-the-right-one" not in str(error)


def test_a_409_error_for_a_reused_request_id_is_a_rejection(
    client: DokuClient, doku: FakeDoku
) -> None:
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    with pytest.raises(ProviderRejected) as caught:
        client.create_order(ORDER, notify_url="https://elsewhere.example/notify")
    assert (caught.value.status_code, caught.value.code) == (409, "duplicate_request")


def test_repeating_a_created_order_returns_the_first_page(
    client: DokuClient, doku: FakeDoku
) -> None:
    first = client.create_order(ORDER, notify_url=NOTIFY_URL)
    again = client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert again == first
    assert len(doku.orders) == 1


@pytest.mark.parametrize(
    ("status", "content", "match"),
    [
        (200, b"not json", "HTTP 200.*no JSON object"),
        (200, b"[]", "HTTP 200.*no JSON object"),
        (200, b'{"order":{}}', "doku_wallet_payment_page.url"),
        (200, b'{"doku_wallet_payment_page":{"url":""}}', "doku_wallet_payment_page.url"),
        (404, b'{"message":"no"}', "HTTP 404 .*without a DOKU error"),
    ],
)
def test_unreadable_answers_are_protocol_errors(status: int, content: bytes, match: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return FakeDoku().signed(status, content, request)

    with make_client(answer) as client, pytest.raises(ProviderProtocolError, match=match) as caught:
        client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert not isinstance(caught.value, SignatureMismatch)


@pytest.mark.parametrize(
    ("status", "content"),
    [
        (502, b"<html><body>Bad Gateway</body></html>"),
        (503, error_body("service_unavailable", "please try again later", "api_error")),
        (429, error_body("too_many_requests", "please try again later", "rate_limit_error")),
        (408, b""),
    ],
)
def test_a_busy_or_broken_doku_is_no_refusal(status: int, content: bytes) -> None:
    """Whatever its body says, such an answer says DOKU did not get to the request: the order
    may exist, and a payment it asks about may be paid (never failed or expired for it)."""

    def answer(request: httpx.Request) -> httpx.Response:
        return FakeDoku().signed(status, content, request)

    with make_client(answer) as client:
        with pytest.raises(ProviderUnreachable, match=f"HTTP {status}"):
            client.create_order(ORDER, notify_url=NOTIFY_URL)
        with pytest.raises(ProviderUnreachable, match=f"HTTP {status}"):
            client.check_status(INVOICE)


def test_an_unsigned_error_is_read_but_an_unsigned_success_is_not() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, content=error_body("invalid_parameter", "amount too big"))

    with make_client(answer) as client, pytest.raises(ProviderRejected, match="amount too big"):
        client.create_order(ORDER, notify_url=NOTIFY_URL)


@pytest.mark.parametrize("fault", ["lose", "drop"])
def test_lost_answer_then_pending_status_retransmits_the_same_request(
    client: DokuClient, doku: FakeDoku, fault: str
) -> None:
    doku.faults["POST"].append(fault)
    request = client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert request.payment_url == "https://pay.doku.test/wallauth?sessionId=1"
    first, second = doku.creates()
    assert first.headers["Request-Id"] == second.headers["Request-Id"] == request.reference
    assert first.content == second.content
    assert [r.method for r in doku.requests] == ["POST", "GET", "POST"]
    status_check = doku.requests[1]
    assert status_check.url.path == f"/orders/v1/status/{INVOICE}"
    assert status_check.headers["Request-Id"] != request.reference
    assert len(doku.orders) == 1


def test_lost_request_then_not_found_retransmits_and_gets_a_fresh_200(
    client: DokuClient, doku: FakeDoku
) -> None:
    doku.faults["POST"].append("refuse")
    request = client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert request.payment_url.startswith("https://pay.doku.test/")
    assert {r.headers["Request-Id"] for r in doku.creates()} == {request.reference}
    assert len(doku.creates()) == 2


def test_lost_answer_and_status_unreachable_keeps_one_request_id_across_calls(
    client: DokuClient, doku: FakeDoku
) -> None:
    doku.faults["POST"].append("lose")
    doku.faults["GET"].append("refuse")
    with pytest.raises(ProviderUnreachable, match="no answer"):
        client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert len(doku.creates()) == 1
    # Later, even from a new client (an app restart), the same request is simply sent again.
    with make_client(doku) as restarted:
        request = restarted.create_order(ORDER, notify_url=NOTIFY_URL)
    assert request.payment_url == "https://pay.doku.test/wallauth?sessionId=1"
    assert {r.headers["Request-Id"] for r in doku.creates()} == {
        order_request_id(CLIENT_ID, INVOICE)
    }
    assert len({r.content for r in doku.creates()}) == 1
    assert len(doku.orders) == 1


def test_lost_answer_and_a_failing_status_check_is_still_unknown(doku: FakeDoku) -> None:
    def status_broken(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(500, content=error_body("internal", "try later", "api_error"))
        return doku(request)

    doku.faults["POST"].append("lose")
    with (
        make_client(status_broken) as client,
        pytest.raises(ProviderUnreachable, match="try later"),
    ):
        client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert len(doku.creates()) == 1


def test_lost_answer_twice_is_unreachable(client: DokuClient, doku: FakeDoku) -> None:
    doku.faults["POST"] += ["lose", "lose"]
    with pytest.raises(ProviderUnreachable):
        client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert {r.headers["Request-Id"] for r in doku.creates()} == {
        order_request_id(CLIENT_ID, INVOICE)
    }


def test_request_ids_differ_per_invoice_and_per_merchant() -> None:
    ids = {
        order_request_id(CLIENT_ID, INVOICE),
        order_request_id(CLIENT_ID, "INV-20260101-0002"),
        order_request_id("MCH-0002", INVOICE),
    }
    assert len(ids) == 3
    assert all(len(i) <= 128 for i in ids)


def test_check_status_reads_the_signed_answer(client: DokuClient, doku: FakeDoku) -> None:
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    doku.orders[INVOICE]["status"] = "SUCCESS"
    result = client.check_status(INVOICE)
    assert result.provider is ProviderName.DOKU
    assert (result.invoice_number, result.status, result.amount) == (
        INVOICE,
        PaymentStatus.PAID,
        9000,
    )
    assert result.reference == order_request_id(CLIENT_ID, INVOICE)
    assert result.raw["channel"] == {"id": "EMONEY_DOKU"}
    status_request = doku.requests[-1]
    assert status_request.content == b""
    assert "Content-Type" not in status_request.headers


@pytest.mark.parametrize("word", ["PENDING", "TIMEOUT"])
def test_check_status_pending_words(client: DokuClient, doku: FakeDoku, word: str) -> None:
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    doku.orders[INVOICE]["status"] = word
    assert client.check_status(INVOICE).status is PaymentStatus.PENDING


def test_check_status_of_an_unknown_invoice_is_order_not_found(client: DokuClient) -> None:
    with pytest.raises(OrderNotFound) as caught:
        client.check_status("INV-NEVER-SENT")
    assert caught.value.status_code == 404
    assert caught.value.code == "invoice_not_found"
    assert isinstance(caught.value, ProviderRejected)


def test_check_status_signs_the_percent_encoded_path(client: DokuClient, doku: FakeDoku) -> None:
    with pytest.raises(OrderNotFound):
        client.check_status("INV/2026 01#1")
    assert doku.requests[-1].url.raw_path == b"/orders/v1/status/INV%2F2026%2001%231"


def test_check_status_refuses_a_forged_or_mismatched_answer(
    client: DokuClient, doku: FakeDoku
) -> None:
    client.create_order(ORDER, notify_url=NOTIFY_URL)
    doku.answer_secret = "SK-forged"
    with pytest.raises(SignatureMismatch):
        client.check_status(INVOICE)
    doku.answer_secret = SECRET
    doku.status_invoice = "INV-SOMEONE-ELSE"
    with pytest.raises(ProviderProtocolError, match="INV-SOMEONE-ELSE"):
        client.check_status(INVOICE)


def test_check_status_when_unreachable(client: DokuClient, doku: FakeDoku) -> None:
    doku.faults["GET"].append("refuse")
    with pytest.raises(ProviderUnreachable, match="GET /orders/v1/status/"):
        client.check_status(INVOICE)


def test_provider_wraps_the_client_with_the_shop_urls(doku: FakeDoku) -> None:
    with make_client(doku) as client:
        provider: PaymentProvider = DokuWalletProvider(
            client, notify_url=NOTIFY_URL, success_url="https://shop.example/ok"
        )
        assert provider.name is ProviderName.DOKU
        request = provider.create_payment(ORDER)
        assert provider.check_status(INVOICE).status is PaymentStatus.PENDING
    sent = json.loads(doku.creates()[0].content)["order"]
    assert (sent["notify_url"], sent["success_url"]) == (NOTIFY_URL, "https://shop.example/ok")
    assert request.payment_url.startswith("https://pay.doku.test/")


def test_expiry_is_read_when_doku_gives_one() -> None:
    body = b'{"doku_wallet_payment_page":{"url":"https://p","expired_date":"2026-01-01T04:00:00Z"}}'

    def answer(request: httpx.Request) -> httpx.Response:
        return FakeDoku().signed(200, body, request)

    with make_client(answer) as client:
        request = client.create_order(ORDER, notify_url=NOTIFY_URL)
    assert request.expires_at == datetime(2026, 1, 1, 4, tzinfo=UTC)


def test_the_secret_never_appears_in_repr_or_errors(doku: FakeDoku) -> None:
    errors: list[KasirError] = []

    def collect(call: Callable[[], object]) -> None:
        with pytest.raises(KasirError) as caught:
            call()
        errors.append(caught.value)

    with make_client(doku) as client:
        provider = DokuWalletProvider(client, notify_url=NOTIFY_URL)
        for text in (str(client), repr(client), repr(provider)):
            assert SECRET not in text
        doku.answer_secret = "SK-forged"
        collect(lambda: client.create_order(ORDER, notify_url=NOTIFY_URL))
        doku.faults["POST"].append("lose")
        doku.faults["GET"].append("refuse")
        collect(lambda: client.create_order(ORDER, notify_url=NOTIFY_URL))
        collect(lambda: client.check_status("INV-UNKNOWN"))
        collect(lambda: client.create_order(PaymentOrder(INVOICE, 1, LINES), notify_url="x"))
    with make_client(doku, secret=SECRET[::-1]) as wrong:
        collect(lambda: wrong.create_order(ORDER, notify_url=NOTIFY_URL))
    with pytest.raises(ValidationError):
        DokuClient(base_url=BASE_URL, client_id=CLIENT_ID, secret_key="")
    for error in errors:
        for text in (str(error), repr(error)):
            assert SECRET not in text and SECRET[::-1] not in text
