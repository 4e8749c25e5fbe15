"""Kasir's ecommpay providers against the real local sandbox on loopback, end to end.

The sandbox checks signatures and limits the way ecommpay does and sends signed callbacks to a
real receiver; Kasir's ``verify_callback`` reads them.
"""

import re
import uuid
from collections.abc import Iterator

import httpx
import pytest

from pos_app.payments.ecommpay.callback import (
    PaymentType,
    payment_type,
    redirect_data,
    verify_callback,
)
from pos_app.payments.ecommpay.gate import EcommpayGateProvider, GateClient
from pos_app.payments.ecommpay.payment_page import EcommpayPageProvider
from pos_app.payments.errors import ProviderRejected
from pos_app.payments.model import PaymentOrder, PaymentStatus, ProviderEvent, ProviderName
from pos_app.sandbox.config import SandboxConfig
from pos_app.sandbox.shapes import ECOMMPAY_REDIRECT_FORMS, Shapes
from tests.harness.sandbox_process import Receiver, running_receiver, running_sandbox

CONFIG = SandboxConfig(retry_scale=0.0005)
SECRET = CONFIG.ecommpay_secret_key
SHAPES = Shapes(CONFIG.shape_seed)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[str]:
    with running_sandbox(CONFIG) as (url, _):
        yield url


@pytest.fixture(scope="module")
def receiver() -> Iterator[tuple[str, Receiver]]:
    with running_receiver() as pair:
        yield pair


@pytest.fixture
def gate(sandbox: str) -> Iterator[GateClient]:
    with GateClient(
        base_url=sandbox, project_id=CONFIG.ecommpay_project_id, secret_key=SECRET, timeout=5.0
    ) as client:
        yield client


def invoice() -> str:
    return f"INV-{uuid.uuid4().hex[:12]}"


def callback_url(receiver: tuple[str, Receiver]) -> tuple[str, str]:
    path = f"/ecommpay/callbacks/{uuid.uuid4().hex[:8]}"
    return receiver[0] + path, path


def callbacks(receiver: tuple[str, Receiver], path: str, count: int) -> list[ProviderEvent]:
    return [verify_callback(r.body, SECRET) for r in receiver[1].wait_for(path, count)]


def settled_callbacks(
    receiver: tuple[str, Receiver], path: str, payment_id: str, before: int = 0
) -> ProviderEvent:
    """The final callback of a purchase, after the intermediate one the sandbox may send for
    this payment id (checked to be pending, with its word)."""
    interim = SHAPES.ecommpay_intermediate(payment_id)
    events = callbacks(receiver, path, before + 1 + (interim is not None))[before:]
    if interim is not None:
        assert events[0].status is PaymentStatus.PENDING
        assert events[0].raw["payment"]["status"] == interim
    return events[-1]


def press(sandbox: str, page: str, choice: str) -> httpx.Response:
    action = re.search(r'action="([^"]+)"', page)
    assert action is not None, page
    return httpx.post(sandbox + action.group(1), data={"choice": choice})


def test_payment_page_url_opens_pays_and_calls_back(
    sandbox: str, gate: GateClient, receiver: tuple[str, Receiver]
) -> None:
    url, path = callback_url(receiver)
    provider = EcommpayPageProvider(
        gate, callback_url=url, customer_email="kasir@toko.example", page_base_url=sandbox
    )
    number = invoice()
    assert provider.check_status(number).status is PaymentStatus.PENDING
    request = provider.create_payment(PaymentOrder(number, 12_500))
    page = httpx.get(request.payment_url)
    assert page.status_code == 200 and "Rp 12.500" in page.text
    assert press(sandbox, page.text, "pay").status_code == 200

    event = settled_callbacks(receiver, path, number)
    assert (event.invoice_number, event.status, event.amount) == (
        number,
        PaymentStatus.PAID,
        12_500,
    )
    status = provider.check_status(number)
    assert (status.provider, status.status, status.amount) == (
        ProviderName.ECOMMPAY_PAGE,
        PaymentStatus.PAID,
        12_500,
    )
    tampered = request.payment_url.replace("payment_amount=1250000", "payment_amount=1250")
    assert httpx.get(tampered).status_code == 401


@pytest.mark.parametrize("form", ECOMMPAY_REDIRECT_FORMS)
@pytest.mark.parametrize(
    ("amount", "outcome"),
    [(40_000, PaymentStatus.PAID), (400, PaymentStatus.DECLINED)],  # 40000 minor units declines
)
def test_gate_sale_redirects_through_doku_and_settles(
    sandbox: str,
    gate: GateClient,
    receiver: tuple[str, Receiver],
    amount: int,
    outcome: PaymentStatus,
    form: str,
) -> None:
    url, path = callback_url(receiver)
    provider = EcommpayGateProvider(
        gate, callback_url=url, customer_ip="203.0.113.7", customer_email="kasir@toko.example"
    )
    number = SHAPES.pick(invoice() + "-", lambda i: SHAPES.ecommpay_redirect_form(i) == form)
    order = PaymentOrder(number, amount, redirect_url="https://relay.example/r/token")
    assert provider.create_payment(order).payment_url == "https://relay.example/r/token"

    (first,) = callbacks(receiver, path, 1)
    assert first.status is PaymentStatus.PENDING
    if form == "full":
        assert payment_type(first.raw) is PaymentType.PURCHASE
    elif form == "bare":
        assert first.raw["payment"] == {"id": number}, "the payment id and the redirect only"
    else:
        assert first.raw["general"]["payment_id"] == number and "sum" not in first.raw["payment"]
        assert first.raw["sum_request"] == {"amount": amount * 100, "currency": "IDR"}
    redirect = redirect_data(first.raw)
    assert redirect is not None and redirect.method == "POST"
    wallet = httpx.post(redirect.url, data=dict(redirect.body))
    assert wallet.status_code == 200
    press(sandbox, wallet.text, "pay")

    settled = settled_callbacks(receiver, path, number, before=1)
    assert (settled.status, settled.amount) == (outcome, amount)
    assert provider.check_status(number).status is outcome
    with pytest.raises(ProviderRejected, match="already used"):
        provider.create_payment(order)


def test_gate_payout_calls_back_as_a_payout(
    gate: GateClient, receiver: tuple[str, Receiver]
) -> None:
    url, path = callback_url(receiver)
    number = invoice()
    gate.payout(
        payment_id=number,
        amount=250_000,
        account_number="654654654",
        customer_name="John Doe",
        customer_id="supplier-1",
        customer_ip="114.124.147.206",
        callback_url=url,
    )
    (event,) = callbacks(receiver, path, 1)
    assert payment_type(event.raw) is PaymentType.PAYOUT
    assert (event.invoice_number, event.status, event.amount) == (
        number,
        PaymentStatus.PAID,
        250_000,
    )
    assert gate.status(number).status is PaymentStatus.PAID


def test_the_sandbox_refuses_a_wrong_key(sandbox: str) -> None:
    bad = GateClient(base_url=sandbox, project_id=CONFIG.ecommpay_project_id, secret_key="x")
    with bad, pytest.raises(ProviderRejected) as caught:
        bad.status(invoice())
    assert caught.value.status_code == 401 and caught.value.code == "invalid_signature"
