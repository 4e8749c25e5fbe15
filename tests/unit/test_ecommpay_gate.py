"""ecommpay Gate client and provider against a fake Gate that checks signatures like the real one.

The fake (an ``httpx.MockTransport``) verifies every request with Kasir's verifier and with the
official SDK's ``SignatureHandler``, and refuses a bad signature the way ecommpay does.
"""

import copy
import json
import socket
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from payment_page_sdk.signature_handler import SignatureHandler

from pos_app.domain.errors import ValidationError
from pos_app.payments.ecommpay.gate import (
    PAYOUT_PATH,
    SALE_PATH,
    STATUS_PATH,
    EcommpayGateProvider,
    GateAck,
    GateClient,
    PaymentNotFound,
)
from pos_app.payments.ecommpay.signing import ecommpay_signature, verify_ecommpay_signature
from pos_app.payments.errors import (
    ProviderProtocolError,
    ProviderRejected,
    ProviderUnreachable,
    SignatureMismatch,
)
from pos_app.payments.model import PaymentOrder, PaymentStatus, ProviderName

SECRET = "gate-secret-kunci-rahasia"
PROJECT = 238
BASE = "https://gate.test"
CALLBACK = "https://relay.example/ecommpay/callbacks"
Handler = Callable[[httpx.Request], httpx.Response]


def json_response(status: int, payload: Any) -> httpx.Response:
    return httpx.Response(status, json=payload)


class FakeGate:
    """Just enough of Gate: signed requests only, acknowledgements, signed status answers."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.payments: dict[str, dict[str, Any]] = {}
        self.status_answer: Callable[[dict[str, Any]], dict[str, Any]] = self.signed
        self.override: Handler | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.override is not None:
            return self.override(request)
        assert request.method == "POST"
        assert request.headers["content-type"] == "application/json"
        body = json.loads(request.content)
        self.requests.append((request.url.path, body))
        signature = body["general"].get("signature", "")
        unsigned = copy.deepcopy(body)
        del unsigned["general"]["signature"]
        sdk_agrees = SignatureHandler(SECRET).sign(unsigned) == signature
        if not (verify_ecommpay_signature(body, SECRET) and sdk_agrees):
            return json_response(
                401,
                {"status": "error", "code": "invalid_signature", "message": "bad signature"},
            )
        payment_id = body["general"]["payment_id"]
        if request.url.path == STATUS_PATH:
            if payment_id not in self.payments:
                return json_response(
                    404, {"status": "error", "code": "3061", "message": "Payment not found"}
                )
            return json_response(200, self.status_answer(self.payments[payment_id]))
        if payment_id in self.payments:
            return json_response(
                400, {"status": "error", "code": "payment_exists", "message": "already used"}
            )
        kind = "payout" if request.url.path == PAYOUT_PATH else "purchase"
        self.payments[payment_id] = {
            "id": payment_id,
            "type": kind,
            "status": "processing" if kind == "payout" else "awaiting redirect result",
            "sum": {"amount": body["payment"]["amount"], "currency": "IDR"},
        }
        return json_response(
            200,
            {
                "status": "success",
                "request_id": f"req-{payment_id}",
                "project_id": PROJECT,
                "payment_id": payment_id,
            },
        )

    @staticmethod
    def signed(payment: dict[str, Any]) -> dict[str, Any]:
        answer = {
            "project_id": PROJECT,
            "payment": payment,
            "operations": [
                {"id": 1, "type": "sale", "status": "processing", "request_id": "first"},
                {
                    "id": 2,
                    "type": "sale",
                    "status": payment["status"],
                    "request_id": "req-2",
                    "provider": {"id": 1162, "payment_id": "DK-77"},
                },
            ],
        }
        return {**answer, "signature": ecommpay_signature(answer, SECRET)}


@pytest.fixture
def fake() -> FakeGate:
    return FakeGate()


@pytest.fixture
def gate(fake: FakeGate) -> Iterator[GateClient]:
    with GateClient(
        base_url=BASE, project_id=PROJECT, secret_key=SECRET, transport=httpx.MockTransport(fake)
    ) as client:
        yield client


def sale(
    gate: GateClient, payment_id: str = "INV-1", amount: int = 12_500, **extra: Any
) -> GateAck:
    return gate.sale(
        payment_id=payment_id,
        amount=amount,
        customer_id="walk-in",
        customer_ip="114.124.147.207",
        first_name="Riza",
        email="riza@mail.com",
        callback_url=CALLBACK,
        **extra,
    )


def test_sale_body_is_signed_into_general_and_counts_minor_units(
    gate: GateClient, fake: FakeGate
) -> None:
    ack = sale(gate)
    assert ack == GateAck("INV-1", "req-INV-1", ack.raw)
    ((path, body),) = fake.requests
    assert path == SALE_PATH
    signature = body["general"].pop("signature")
    assert body == {
        "general": {
            "project_id": PROJECT,
            "payment_id": "INV-1",
            "merchant_callback_url": CALLBACK,
        },
        "customer": {
            "id": "walk-in",
            "ip_address": "114.124.147.207",
            "first_name": "Riza",
            "email": "riza@mail.com",
        },
        "payment": {"amount": 1_250_000, "currency": "IDR"},
    }
    assert signature == ecommpay_signature(body, SECRET)


def test_sale_leaves_out_absent_customer_details(gate: GateClient, fake: FakeGate) -> None:
    gate.sale(
        payment_id="INV-2",
        amount=1,
        customer_id="c",
        customer_ip="::1",
        first_name=None,
        email=None,
        callback_url=CALLBACK,
    )
    ((_, body),) = fake.requests
    assert body["customer"] == {"id": "c", "ip_address": "::1"}
    assert body["payment"]["amount"] == 100


def test_payout_body(gate: GateClient, fake: FakeGate) -> None:
    ack = gate.payout(
        payment_id="PO-1",
        amount=10_000_000,
        account_number="654654654",
        customer_name="John Doe",
        customer_id="payoutTest",
        customer_ip="114.124.147.206",
        callback_url=CALLBACK,
    )
    assert ack.request_id == "req-PO-1"
    ((path, body),) = fake.requests
    assert path == PAYOUT_PATH
    assert body["account"] == {"number": "654654654", "customer_name": "John Doe"}
    assert body["payment"] == {"amount": 1_000_000_000, "currency": "IDR"}
    assert body["customer"] == {"id": "payoutTest", "ip_address": "114.124.147.206"}
    assert verify_ecommpay_signature(body, SECRET)


@pytest.mark.parametrize("amount", [0, -5, 10_000_001])
def test_payout_limit(gate: GateClient, fake: FakeGate, amount: int) -> None:
    with pytest.raises(
        ValidationError, match=r"payout amount must be between Rp 1 and Rp 10\.000\.000"
    ):
        gate.payout(
            payment_id="PO-2",
            amount=amount,
            account_number="1",
            customer_name="A",
            customer_id="c",
            customer_ip="10.0.0.1",
            callback_url=CALLBACK,
        )
    assert fake.requests == []


def test_purchase_limits_default_and_after_kyc(gate: GateClient, fake: FakeGate) -> None:
    with pytest.raises(ValidationError, match=r"Rp 2\.000\.000 \(up to Rp 10\.000\.000 once"):
        sale(gate, amount=2_000_001)
    with pytest.raises(ValidationError, match="between Rp 1"):
        sale(gate, amount=0)
    with pytest.raises(ValidationError, match="whole rupiah"):
        sale(gate, amount=1.5)  # type: ignore[arg-type]
    assert fake.requests == []
    sale(gate, "A", 2_000_000)
    sale(gate, "B", 10_000_000, purchase_limit=10_000_000)
    with pytest.raises(ValidationError, match=r"Rp 10\.000\.000, got Rp 10\.000\.001"):
        sale(gate, "C", 10_000_001, purchase_limit=10_000_000)
    with pytest.raises(ValidationError, match="limit after KYC"):
        sale(gate, "D", 5, purchase_limit=10_000_001)
    assert [body["payment"]["amount"] for _, body in fake.requests] == [200_000_000, 1_000_000_000]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"payment_id": ""}, "general.payment_id"),
        ({"payment_id": "x" * 256}, "general.payment_id"),
        ({"customer_ip": "999.1.1.1"}, "customer.ip_address"),
        ({"customer_id": " "}, "customer.id"),
        ({"callback_url": "relay.example/cb"}, "merchant_callback_url"),
    ],
)
def test_bad_request_fields_are_named_before_sending(
    gate: GateClient, fake: FakeGate, change: dict[str, Any], named: str
) -> None:
    arguments = {
        "payment_id": "INV-9",
        "amount": 1000,
        "customer_id": "c",
        "customer_ip": "10.0.0.1",
        "first_name": None,
        "email": None,
        "callback_url": CALLBACK,
    } | change
    with pytest.raises(ValidationError, match=named):
        gate.sale(**arguments)
    assert fake.requests == []


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("success", PaymentStatus.PAID),
        ("decline", PaymentStatus.DECLINED),
        ("awaiting redirect result", PaymentStatus.PENDING),
        ("processing", PaymentStatus.PENDING),
        ("error", PaymentStatus.FAILED),
        ("refunded", PaymentStatus.REFUNDED),
        ("reversed", PaymentStatus.REFUNDED),
    ],
)
def test_status_maps_words_and_reads_the_latest_operation(
    gate: GateClient, fake: FakeGate, word: str, status: PaymentStatus
) -> None:
    sale(gate, amount=12_500)
    fake.payments["INV-1"]["status"] = word
    result = gate.status("INV-1")
    assert (result.provider, result.invoice_number) == (ProviderName.ECOMMPAY_GATE, "INV-1")
    assert (result.status, result.amount, result.reference) == (status, 12_500, "DK-77")
    assert result.raw["payment"]["status"] == word
    path, body = fake.requests[-1]
    assert path == STATUS_PATH
    assert set(body) == {"general"}
    assert set(body["general"]) == {"project_id", "payment_id", "signature"}


def test_a_status_word_kasir_does_not_know_is_pending_not_refused(
    gate: GateClient, fake: FakeGate
) -> None:
    sale(gate)
    fake.payments["INV-1"]["status"] = "teleported"
    result = gate.status("INV-1")
    assert result.status is PaymentStatus.PENDING
    assert result.raw["payment"]["status"] == "teleported"


def test_status_answer_with_a_bad_signature_is_refused(gate: GateClient, fake: FakeGate) -> None:
    sale(gate)

    def forged(payment: dict[str, Any]) -> dict[str, Any]:
        answer = FakeGate.signed({**payment, "status": "decline"})
        answer["payment"] = {**answer["payment"], "status": "success"}
        return answer

    fake.status_answer = forged
    with pytest.raises(SignatureMismatch) as caught:
        gate.status("INV-1")
    assert SECRET not in str(caught.value)


def test_unsigned_status_answer_is_read(gate: GateClient, fake: FakeGate) -> None:
    sale(gate)
    fake.status_answer = lambda payment: {"payment": {**payment, "status": "success"}}
    assert gate.status("INV-1").status is PaymentStatus.PAID


def test_status_about_another_payment_is_a_protocol_error(gate: GateClient, fake: FakeGate) -> None:
    sale(gate)
    fake.status_answer = lambda payment: FakeGate.signed({**payment, "id": "INV-OTHER"})
    with pytest.raises(ProviderProtocolError, match="INV-OTHER"):
        gate.status("INV-1")


def test_unknown_payment_is_payment_not_found(gate: GateClient) -> None:
    with pytest.raises(PaymentNotFound) as caught:
        gate.status("NEVER")
    assert (caught.value.status_code, caught.value.code) == (404, "3061")
    assert "Payment not found" in str(caught.value)


def test_repeated_payment_id_is_rejected_with_ecommpays_words(gate: GateClient) -> None:
    sale(gate)
    with pytest.raises(ProviderRejected) as caught:
        sale(gate)
    assert (caught.value.status_code, caught.value.code) == (400, "payment_exists")
    assert str(caught.value) == (
        f"ecommpay refused {SALE_PATH} (HTTP 400, payment_exists): already used"
    )


def test_a_wrong_key_is_refused_by_the_fake_and_reported_without_any_key(fake: FakeGate) -> None:
    wrong = "not-the-project-key"
    with GateClient(
        base_url=BASE, project_id=PROJECT, secret_key=wrong, transport=httpx.MockTransport(fake)
    ) as client:
        with pytest.raises(ProviderRejected) as caught:
            sale(client)
        assert repr(client) == f"GateClient(base_url={BASE!r}, project_id={PROJECT})"
    assert caught.value.code == "invalid_signature"
    assert wrong not in str(caught.value) and SECRET not in str(caught.value)
    assert fake.payments == {}


def client_answering(handler: Handler) -> GateClient:
    return GateClient(
        base_url=BASE, project_id=PROJECT, secret_key=SECRET, transport=httpx.MockTransport(handler)
    )


@pytest.mark.parametrize(
    ("response", "error", "words"),
    [
        (httpx.Response(200, text="<html>hi</html>"), ProviderProtocolError, "no JSON object"),
        (httpx.Response(400, text="Bad Request"), ProviderProtocolError, "HTTP 400"),
        (httpx.Response(200, json=[1, 2]), ProviderProtocolError, "no JSON object"),
        (httpx.Response(200, json={"status": "success"}), ProviderProtocolError, "request_id"),
        (
            httpx.Response(200, json={"status": "error", "code": "7", "message": "nope"}),
            ProviderRejected,
            "HTTP 200, 7): nope",
        ),
        (httpx.Response(422, json={"message": "amount"}), ProviderRejected, "HTTP 422"),
        (httpx.Response(502, text="gateway"), ProviderUnreachable, "HTTP 502"),
        (httpx.Response(500, json={"status": "error"}), ProviderUnreachable, "unknown"),
        (
            httpx.Response(429, json={"status": "error", "message": "slow down"}),
            ProviderUnreachable,
            "HTTP 429",
        ),
    ],
)
def test_answers_become_typed_errors(
    response: httpx.Response, error: type[Exception], words: str
) -> None:
    with client_answering(lambda request: response) as client, pytest.raises(error) as caught:
        sale(client)
    assert words in str(caught.value)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("x")],
)
def test_transport_failures_are_unreachable(failure: Exception) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise failure

    with client_answering(handler) as client, pytest.raises(ProviderUnreachable) as caught:
        client.status("INV-1")
    assert type(failure).__name__ in str(caught.value)


def test_a_silent_server_times_out_as_unreachable() -> None:
    """A real loopback socket that accepts connections but never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        client = GateClient(
            base_url=f"http://127.0.0.1:{port}", project_id=PROJECT, secret_key=SECRET, timeout=0.2
        )
        with client, pytest.raises(ProviderUnreachable, match="Timeout"):
            client.status("INV-1")


def test_client_refuses_bad_configuration() -> None:
    with pytest.raises(ValidationError, match="project_id"):
        GateClient(base_url=BASE, project_id=0, secret_key=SECRET)
    with pytest.raises(ValidationError, match="secret key"):
        GateClient(base_url=BASE, project_id=PROJECT, secret_key="")


def provider(gate: GateClient, **extra: Any) -> EcommpayGateProvider:
    settings = {
        "callback_url": CALLBACK,
        "customer_ip": "203.0.113.7",
        "customer_email": "kasir@toko.example",
    }
    return EcommpayGateProvider(gate, **(settings | extra))


def test_gate_provider_shows_the_relay_redirect_page(gate: GateClient, fake: FakeGate) -> None:
    order = PaymentOrder("INV-7", 25_000, customer_id="c-9", redirect_url="https://relay/r/tok")
    request = provider(gate).create_payment(order)
    assert (request.provider, request.invoice_number, request.amount) == (
        ProviderName.ECOMMPAY_GATE,
        "INV-7",
        25_000,
    )
    assert (request.payment_url, request.reference) == ("https://relay/r/tok", "req-INV-7")
    ((_, body),) = fake.requests
    assert body["customer"] == {
        "id": "c-9",
        "ip_address": "203.0.113.7",
        "first_name": "Pelanggan",
        "email": "kasir@toko.example",
    }
    assert body["payment"]["amount"] == 2_500_000
    assert provider(gate).check_status("INV-7").status is PaymentStatus.PENDING


def test_gate_provider_needs_a_redirect_url_and_respects_its_limit(
    gate: GateClient, fake: FakeGate
) -> None:
    with pytest.raises(ValidationError, match="redirect_url"):
        provider(gate).create_payment(PaymentOrder("INV-8", 1000))
    with pytest.raises(ValidationError, match=r"Rp 500\.000"):
        provider(gate, purchase_limit=500_000).create_payment(
            PaymentOrder("INV-8", 500_001, redirect_url="https://relay/r/t")
        )
    assert fake.requests == []
    with pytest.raises(ValidationError, match="ip_address"):
        provider(gate, customer_ip="shop")
