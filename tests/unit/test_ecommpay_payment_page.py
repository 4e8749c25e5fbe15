"""ecommpay Payment Page provider: the signed URL the QR shows, its limits, its status."""

from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import pytest
from payment_page_sdk.signature_handler import SignatureHandler

from pos_app.domain.errors import ValidationError
from pos_app.payments.ecommpay.gate import GateClient
from pos_app.payments.ecommpay.payment_page import EcommpayPageProvider
from pos_app.payments.ecommpay.signing import verify_ecommpay_signature
from pos_app.payments.model import PaymentOrder, PaymentStatus, ProviderName
from tests.unit.test_ecommpay_gate import BASE, CALLBACK, PROJECT, SECRET, FakeGate

NOW = datetime(2025, 3, 1, 9, 30, 15, 123456, tzinfo=timezone(timedelta(hours=7)))
PAGE = "http://127.0.0.1:8765/"


def no_network(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"Payment Page creation must not call {request.url}")


def page_provider(handler: Any = no_network, **extra: Any) -> EcommpayPageProvider:
    gate = GateClient(
        base_url=BASE, project_id=PROJECT, secret_key=SECRET, transport=httpx.MockTransport(handler)
    )
    settings = {
        "callback_url": CALLBACK,
        "customer_email": "kasir@toko.example",
        "page_base_url": PAGE,
        "clock": lambda: NOW,
    }
    return EcommpayPageProvider(gate, **(settings | extra))


def query(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True, strict_parsing=True))


def test_payment_url_carries_every_parameter_signed() -> None:
    order = PaymentOrder("INV-20250301-0001", 12_500, customer_id="member-42")
    request = page_provider().create_payment(order)
    parts = urlsplit(request.payment_url)
    assert (parts.scheme, parts.netloc, parts.path) == ("http", "127.0.0.1:8765", "/payment")
    params = query(request.payment_url)
    signature = params.pop("signature")
    assert params == {
        "project_id": str(PROJECT),
        "payment_id": "INV-20250301-0001",
        "payment_amount": "1250000",
        "payment_currency": "IDR",
        "customer_id": "member-42",
        "customer_first_name": "Pelanggan",
        "customer_email": "kasir@toko.example",
        "force_payment_method": "doku",
        "merchant_callback_url": CALLBACK,
        "best_before": "2025-03-01T02:45:15+00:00",
    }
    assert signature == SignatureHandler(SECRET).sign(params)
    assert verify_ecommpay_signature({**params, "signature": signature}, SECRET)
    assert (request.provider, request.invoice_number, request.amount) == (
        ProviderName.ECOMMPAY_PAGE,
        "INV-20250301-0001",
        12_500,
    )
    assert request.expires_at == datetime(2025, 3, 1, 2, 45, 15, tzinfo=UTC)
    assert datetime.fromisoformat(params["best_before"]) == request.expires_at


def test_expiry_is_configurable() -> None:
    request = page_provider(expiry=timedelta(minutes=2)).create_payment(PaymentOrder("I", 1))
    assert query(request.payment_url)["best_before"] == "2025-03-01T02:32:15+00:00"
    assert query(request.payment_url)["payment_amount"] == "100"
    with pytest.raises(ValidationError, match="expiry"):
        page_provider(expiry=timedelta(0))


@pytest.mark.parametrize("name", ["payment_id", "payment_amount", "customer_id", "best_before"])
def test_a_tampered_url_no_longer_verifies(name: str) -> None:
    url = page_provider().create_payment(PaymentOrder("INV-1", 12_500)).payment_url
    params = query(url)
    params[name] += "0"
    parts = urlsplit(url)
    tampered = urlunsplit(parts._replace(query=urlencode(params)))
    assert query(tampered)[name] != query(url)[name]
    assert not verify_ecommpay_signature(query(tampered), SECRET)
    assert verify_ecommpay_signature(query(url), SECRET)


@pytest.mark.parametrize("amount", [0, -1, 2_000_001])
def test_purchase_limit_by_default(amount: int) -> None:
    with pytest.raises(ValidationError, match=r"between Rp 1 and Rp 2\.000\.000 \(up to Rp 10"):
        page_provider().create_payment(PaymentOrder("INV-1", amount))


def test_purchase_limit_after_kyc() -> None:
    provider = page_provider(purchase_limit=10_000_000)
    url = provider.create_payment(PaymentOrder("INV-1", 10_000_000)).payment_url
    assert query(url)["payment_amount"] == "1000000000"
    with pytest.raises(ValidationError, match=r"Rp 10\.000\.000, got Rp 10\.000\.001"):
        provider.create_payment(PaymentOrder("INV-2", 10_000_001))
    with pytest.raises(ValidationError, match="after KYC"):
        page_provider(purchase_limit=20_000_000)


def test_bad_settings_and_orders_are_named() -> None:
    with pytest.raises(ValidationError, match="callback_url"):
        page_provider(callback_url="not a url")
    with pytest.raises(ValidationError, match="e-mail"):
        page_provider(customer_email="")
    with pytest.raises(ValidationError, match="payment_id"):
        page_provider().create_payment(PaymentOrder("", 1000))
    with pytest.raises(ValidationError, match="customer_id"):
        page_provider().create_payment(PaymentOrder("INV-1", 1000, customer_id=None))  # type: ignore[arg-type]


def test_status_before_the_customer_confirms_is_pending() -> None:
    provider = page_provider(FakeGate())
    result = provider.check_status("INV-1")
    assert (result.provider, result.status, result.amount) == (
        ProviderName.ECOMMPAY_PAGE,
        PaymentStatus.PENDING,
        None,
    )


def test_status_after_payment_comes_from_the_gate_status_api() -> None:
    fake = FakeGate()
    fake.payments["INV-1"] = {
        "id": "INV-1",
        "type": "purchase",
        "status": "success",
        "sum": {"amount": 1_250_000, "currency": "IDR"},
    }
    result = page_provider(fake).check_status("INV-1")
    assert (result.provider, result.status, result.amount, result.reference) == (
        ProviderName.ECOMMPAY_PAGE,
        PaymentStatus.PAID,
        12_500,
        "DK-77",
    )


def test_repr_keeps_the_key_out() -> None:
    assert SECRET not in repr(page_provider())
    assert "page_base_url" in repr(page_provider())
