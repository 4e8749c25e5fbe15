"""The project's own provider clients against the sandbox, end to end over loopback HTTP."""

import logging
import re
import uuid
from collections.abc import Iterator

import httpx
import pytest

from pos_app.domain.basket import LineItem
from pos_app.payments.doku.client import DokuClient, OrderNotFound
from pos_app.payments.doku.notification import verify_notification
from pos_app.payments.doku.provider import DokuWalletProvider
from pos_app.payments.ecommpay.callback import redirect_data, verify_callback
from pos_app.payments.ecommpay.gate import EcommpayGateProvider, GateClient, PaymentNotFound
from pos_app.payments.ecommpay.payment_page import EcommpayPageProvider
from pos_app.payments.errors import ProviderRejected
from pos_app.payments.model import PaymentOrder, PaymentStatus, ProviderName
from pos_app.sandbox import SandboxConfig
from tests.harness.sandbox_process import (
    Receiver,
    final_callback,
    running_receiver,
    running_sandbox,
)

CONFIG = SandboxConfig(retry_scale=0.0005)
LINES = (LineItem("8991002101234", "Teh Botol", 4000, 2), LineItem("8990001", "Roti", 4500, 1))


@pytest.fixture(scope="module")
def sandbox() -> Iterator[str]:
    with running_sandbox(CONFIG) as (url, _):
        yield url


@pytest.fixture(scope="module")
def receiver() -> Iterator[tuple[str, Receiver]]:
    with running_receiver() as pair:
        yield pair


def doku(sandbox: str, timeout: float = 5.0, secret: str | None = None) -> DokuClient:
    return DokuClient(
        base_url=sandbox,
        client_id=CONFIG.doku_client_id,
        secret_key=secret or CONFIG.doku_secret_key,
        timeout=timeout,
    )


def gate(sandbox: str) -> GateClient:
    return GateClient(
        base_url=sandbox,
        project_id=CONFIG.ecommpay_project_id,
        secret_key=CONFIG.ecommpay_secret_key,
    )


def invoice() -> str:
    return f"KSR-{uuid.uuid4().hex[:12]}"


def orders_for(sandbox: str, order_id: str) -> list[dict]:
    orders = httpx.get(sandbox + "/_sandbox/orders").json()["orders"]
    return [order for order in orders if order["id"] == order_id]


def test_doku_provider_creates_pays_and_the_notification_verifies(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    path = f"/doku/notifications/{uuid.uuid4().hex[:8]}"
    number = invoice()
    with doku(sandbox) as client:
        provider = DokuWalletProvider(client, notify_url=receiver_url + path)
        request = provider.create_payment(PaymentOrder(number, 12500, LINES))
        assert request.payment_url.startswith(sandbox + "/wallauth/")
        assert provider.check_status(number).status is PaymentStatus.PENDING

        httpx.post(f"{sandbox}/_sandbox/pay/{number}")
        (received,) = inbox.wait_for(path)
        event = verify_notification(
            received.headers,
            received.body,
            client_id=CONFIG.doku_client_id,
            secret_key=CONFIG.doku_secret_key,
            request_target=path,
        )
        assert (event.invoice_number, event.status, event.amount) == (
            number,
            PaymentStatus.PAID,
            12500,
        )
        assert provider.check_status(number).status is PaymentStatus.PAID


def test_doku_client_recovers_a_lost_create_answer_without_a_second_order(
    sandbox: str, caplog: pytest.LogCaptureFixture
) -> None:
    number = invoice()
    delay = {"path": "/dokuwallet-emoney/v1/payment", "seconds": 1.5, "count": 1}
    assert httpx.post(sandbox + "/_sandbox/delay", json=delay).status_code == 200
    with doku(sandbox, timeout=0.5) as client, caplog.at_level(logging.INFO):
        request = client.create_order(
            PaymentOrder(number, 12500, LINES), notify_url="https://relay.example/doku/n"
        )
    assert f"DOKU create for {number} got no answer" in caplog.text
    (order,) = orders_for(sandbox, number)
    assert request.payment_url.endswith(order["session_id"])
    assert order["state"] == "pending"


def test_doku_client_reports_unknown_invoices_and_refused_signatures(sandbox: str) -> None:
    with doku(sandbox) as client, pytest.raises(OrderNotFound):
        client.check_status("KSR/never-created")
    with doku(sandbox, secret="wrong-key") as client, pytest.raises(ProviderRejected) as refused:
        client.create_order(PaymentOrder(invoice(), 1000), notify_url="https://relay.example/n")
    assert (refused.value.status_code, refused.value.code) == (401, "invalid_signature")


def test_doku_client_reads_statuses_of_invoices_with_slashes(sandbox: str) -> None:
    number = f"KSR/{uuid.uuid4().hex[:8]}/1"
    with doku(sandbox) as client:
        client.create_order(PaymentOrder(number, 1000), notify_url="https://relay.example/n")
        httpx.post(f"{sandbox}/_sandbox/decline/{number}")
        assert client.check_status(number).status is PaymentStatus.DECLINED


def test_gate_provider_sale_redirect_callback_then_paid(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    path = f"/ecommpay/callbacks/{uuid.uuid4().hex[:8]}"
    number = invoice()
    with gate(sandbox) as client:
        provider = EcommpayGateProvider(
            client,
            callback_url=receiver_url + path,
            customer_ip="114.124.147.207",
            customer_email="kasir@example.com",
        )
        order = PaymentOrder(number, 25000, redirect_url="https://relay.example/r/tok")
        assert provider.create_payment(order).payment_url == "https://relay.example/r/tok"

        (first,) = inbox.wait_for(path)
        pending = verify_callback(first.body, CONFIG.ecommpay_secret_key)
        assert pending.status is PaymentStatus.PENDING
        redirect = redirect_data(pending.raw)
        assert redirect.url == sandbox + "/ecommpay/doku/wallet"
        page = httpx.post(redirect.url, data=dict(redirect.body))
        action = re.search(r'action="([^"]+)"', page.text).group(1)
        assert "Payment successful" in httpx.post(sandbox + action, data={"choice": "pay"}).text

        received = final_callback(inbox, path, number, before=1)
        final = verify_callback(received.body, CONFIG.ecommpay_secret_key)
        assert (final.status, final.amount) == (PaymentStatus.PAID, 25000)
        status = provider.check_status(number)
        assert (status.provider, status.status) == (ProviderName.ECOMMPAY_GATE, PaymentStatus.PAID)
        with pytest.raises(ProviderRejected) as again:
            provider.create_payment(order)
        assert again.value.code == "payment_exists"


def test_gate_payout_of_a_test_amount_declines(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    path = f"/ecommpay/callbacks/{uuid.uuid4().hex[:8]}"
    number = invoice()
    with gate(sandbox) as client:
        ack = client.payout(
            payment_id=number,
            amount=404,
            account_number="1579000479",
            customer_name="Budi",
            customer_id="c-1",
            customer_ip="10.1.2.3",
            callback_url=receiver_url + path,
        )
        assert ack.request_id
        event = verify_callback(inbox.wait_for(path)[0].body, CONFIG.ecommpay_secret_key)
        assert event.status is PaymentStatus.DECLINED
        assert event.raw["operation"]["code"] == "20101"
        assert client.status(number).status is PaymentStatus.DECLINED
        with pytest.raises(PaymentNotFound):
            client.status("KSR-never-sent")


def test_payment_page_provider_url_opens_and_pays_on_the_sandbox(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    path = f"/ecommpay/callbacks/{uuid.uuid4().hex[:8]}"
    number = invoice()
    with gate(sandbox) as client:
        provider = EcommpayPageProvider(
            client,
            callback_url=receiver_url + path,
            customer_email="kasir@example.com",
            page_base_url=sandbox,
        )
        request = provider.create_payment(PaymentOrder(number, 12500, LINES))
        assert provider.check_status(number).status is PaymentStatus.PENDING

        page = httpx.get(request.payment_url)
        assert page.status_code == 200 and "Rp 12.500" in page.text
        action = re.search(r'action="([^"]+)"', page.text).group(1)
        httpx.post(sandbox + action, data={"choice": "pay"})

        received = final_callback(inbox, path, number)
        event = verify_callback(received.body, CONFIG.ecommpay_secret_key)
        assert (event.invoice_number, event.status, event.amount) == (
            number,
            PaymentStatus.PAID,
            12500,
        )
        assert provider.check_status(number).status is PaymentStatus.PAID
