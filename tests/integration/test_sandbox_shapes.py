"""Kasir's own clients and parsers against the sandbox's real-world shapes, over loopback HTTP.

Each test picks invoice numbers (:meth:`Shapes.pick`) that get the shape it is about, so every
shape is exercised on every run, reproducibly.
"""

import json
import re
import uuid
from collections.abc import Callable, Iterator

import httpx
import pytest

from pos_app.domain.basket import LineItem
from pos_app.payments.doku.client import DokuClient, OrderNotFound
from pos_app.payments.doku.notification import is_known_status as doku_known
from pos_app.payments.doku.notification import verify_notification
from pos_app.payments.doku.provider import DokuWalletProvider
from pos_app.payments.ecommpay.callback import redirect_data, verify_callback
from pos_app.payments.ecommpay.gate import EcommpayGateProvider, GateClient, PaymentNotFound
from pos_app.payments.ecommpay.payment_page import EcommpayPageProvider
from pos_app.payments.ecommpay.signing import signed_fields
from pos_app.payments.ecommpay.statuses import is_known_status as ecommpay_known
from pos_app.payments.model import PaymentOrder, PaymentStatus, ProviderEvent
from pos_app.sandbox import SandboxConfig
from pos_app.sandbox.shapes import Shapes
from tests.harness.sandbox_process import Receiver, running_receiver, running_sandbox, wait_until

CONFIG = SandboxConfig(retry_scale=0.0005, shape_seed="issue-10")
SHAPES = Shapes(CONFIG.shape_seed)
LINES = (LineItem("8991002101234", "Teh Botol", 4000, 2), LineItem("8990001", "Roti", 4500, 1))
SECRET = CONFIG.ecommpay_secret_key


@pytest.fixture(scope="module")
def sandbox() -> Iterator[str]:
    with running_sandbox(CONFIG) as (url, _):
        yield url


@pytest.fixture(scope="module")
def receiver() -> Iterator[tuple[str, Receiver]]:
    with running_receiver() as pair:
        yield pair


def doku(sandbox: str, transport: httpx.BaseTransport | None = None) -> DokuClient:
    return DokuClient(
        base_url=sandbox,
        client_id=CONFIG.doku_client_id,
        secret_key=CONFIG.doku_secret_key,
        timeout=5.0,
        transport=transport,
    )


def gate(sandbox: str) -> GateClient:
    return GateClient(
        base_url=sandbox, project_id=CONFIG.ecommpay_project_id, secret_key=SECRET, timeout=5.0
    )


def pick(wanted: Callable[[str], bool]) -> str:
    return SHAPES.pick(f"KSR-{uuid.uuid4().hex[:8]}-", wanted)


def path() -> str:
    return f"/hooks/{uuid.uuid4().hex[:8]}"


class DropFirstCreate(httpx.BaseTransport):
    """Loses the first create request before it leaves (a refused connection), then passes
    everything to a real transport: the sandbox never sees that first request."""

    def __init__(self) -> None:
        self.real = httpx.HTTPTransport()
        self.dropped = 0
        self.sent: list[tuple[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and not self.dropped:
            self.dropped += 1
            raise httpx.ConnectError("refused", request=request)
        self.sent.append((request.method, request.url.path))
        return self.real.handle_request(request)

    def close(self) -> None:
        self.real.close()


# --- DOKU ----------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["integer", "decimal", "string"])
def test_doku_notification_and_status_in_every_amount_form_read_as_whole_rupiah(
    sandbox: str, receiver: tuple[str, Receiver], form: str
) -> None:
    receiver_url, inbox = receiver
    number = pick(lambda i: SHAPES.doku_amount_form(i) == form)
    hook = path()
    with doku(sandbox) as client:
        provider = DokuWalletProvider(client, notify_url=receiver_url + hook)
        provider.create_payment(PaymentOrder(number, 12500, LINES))
        pending = provider.check_status(number)
        assert (pending.status, pending.amount, pending.currency) == (
            PaymentStatus.PENDING,
            12500,
            "IDR",
        )
        assert doku_known(pending.raw["transaction"]["status"])
        httpx.post(f"{sandbox}/_sandbox/pay/{number}").raise_for_status()
        (received,) = inbox.wait_for(hook)
        event = verify_notification(
            received.headers,
            received.body,
            client_id=CONFIG.doku_client_id,
            secret_key=CONFIG.doku_secret_key,
            request_target=hook,
        )
        assert (event.invoice_number, event.status, event.amount) == (
            number,
            PaymentStatus.PAID,
            12500,
        )
        assert event.raw["merchant"]["terminal_id"].strip() == "A01"
        assert {"customer", "emoney_payment", "issuer", "tips"} <= set(event.raw)
        paid = provider.check_status(number)
        assert (paid.status, paid.amount) == (PaymentStatus.PAID, 12500)


@pytest.mark.parametrize("form", ["404", "empty"])
def test_doku_unknown_invoices_are_not_found_in_both_forms(sandbox: str, form: str) -> None:
    number = pick(lambda i: SHAPES.doku_not_found_form(i) == form)
    with doku(sandbox) as client, pytest.raises(OrderNotFound) as caught:
        client.check_status(number)
    assert caught.value.status_code == (404 if form == "404" else 200)


@pytest.mark.parametrize("form", ["404", "empty"])
def test_doku_create_lost_before_reaching_doku_is_resolved_by_either_not_found(
    sandbox: str, form: str
) -> None:
    number = pick(lambda i: SHAPES.doku_not_found_form(i) == form)
    transport = DropFirstCreate()
    with doku(sandbox, transport) as client:
        request = client.create_order(
            PaymentOrder(number, 12500, LINES), notify_url="https://relay.example/doku/n"
        )
        assert client.check_status(number).status is PaymentStatus.PENDING
    assert transport.sent[:2] == [
        ("GET", f"/orders/v1/status/{number}"),
        ("POST", "/dokuwallet-emoney/v1/payment"),
    ]
    orders = httpx.get(sandbox + "/_sandbox/orders").json()["orders"]
    (order,) = [o for o in orders if o["id"] == number]
    assert request.payment_url.endswith(order["session_id"])


@pytest.mark.parametrize("signed", [True, False])
def test_doku_lost_create_answer_is_recovered_whether_the_409_replay_is_signed_or_not(
    sandbox: str, signed: bool
) -> None:
    number = pick(lambda i: SHAPES.doku_replay_signed(i) == signed)
    delay = {"path": "/dokuwallet-emoney/v1/payment", "seconds": 1.0, "count": 1}
    assert httpx.post(sandbox + "/_sandbox/delay", json=delay).status_code == 200
    client = DokuClient(
        base_url=sandbox,
        client_id=CONFIG.doku_client_id,
        secret_key=CONFIG.doku_secret_key,
        timeout=0.4,
    )
    with client:
        request = client.create_order(
            PaymentOrder(number, 12500, LINES), notify_url="https://relay.example/doku/n"
        )
    orders = httpx.get(sandbox + "/_sandbox/orders").json()["orders"]
    (order,) = [o for o in orders if o["id"] == number]
    assert request.payment_url.endswith(order["session_id"])
    assert order["state"] == "pending"


@pytest.mark.parametrize("digest", [True, False])
def test_doku_status_answer_is_read_whether_signed_with_a_digest_line_or_not(
    sandbox: str, digest: bool
) -> None:
    """DOKU's pages disagree on whether a GET's answer is signed with its body's Digest: the
    status check, the relay's fallback, takes either (both need the secret key)."""
    number = pick(lambda i: SHAPES.doku_status_digest(i) == digest)
    with doku(sandbox) as client:
        client.create_order(PaymentOrder(number, 12500, LINES), notify_url="https://r.example/n")
        assert httpx.post(f"{sandbox}/_sandbox/pay/{number}").status_code == 200
        assert client.check_status(number).status is PaymentStatus.PAID


@pytest.mark.parametrize(
    ("word", "status"), [("TIMEOUT", PaymentStatus.PENDING), ("FAILED", PaymentStatus.DECLINED)]
)
def test_doku_unpaid_wallet_order_ends_timeout_or_failed(word: str, status: PaymentStatus) -> None:
    config = SandboxConfig(order_expiry=0.3, shape_seed=CONFIG.shape_seed)
    number = pick(lambda i: SHAPES.doku_expired_word(i) == word)
    with running_sandbox(config) as (url, _), doku(url) as client:
        client.create_order(PaymentOrder(number, 12500, LINES), notify_url="https://r.example/n")
        wait_until(
            lambda: client.check_status(number).raw["transaction"]["status"] == word,
            what=f"the unpaid order to end {word}",
        )
        assert client.check_status(number).status is status


# --- ecommpay ------------------------------------------------------------------------------


def events_at(inbox: Receiver, hook: str, count: int) -> list[ProviderEvent]:
    return [verify_callback(r.body, SECRET) for r in inbox.wait_for(hook, count)]


def paid_on_page(
    sandbox: str, client: GateClient, callback_url: str, number: str
) -> EcommpayPageProvider:
    """A Payment Page payment of Rp 12.500 for ``number``, paid by pressing Pay."""
    provider = EcommpayPageProvider(
        client, callback_url=callback_url, customer_email="kasir@example.com", page_base_url=sandbox
    )
    request = provider.create_payment(PaymentOrder(number, 12500, LINES))
    page = httpx.get(request.payment_url)
    action = re.search(r'action="([^"]+)"', page.text)
    assert action, page.text
    httpx.post(sandbox + action.group(1), data={"choice": "pay"})
    return provider


@pytest.mark.parametrize("interim", [None, "external processing", "awaiting customer"])
def test_ecommpay_page_payment_callbacks_with_an_intermediate_status_and_invisible_fields(
    sandbox: str, receiver: tuple[str, Receiver], interim: str | None
) -> None:
    receiver_url, inbox = receiver
    number = pick(lambda i: SHAPES.ecommpay_intermediate(i) == interim)
    hook = path()
    with gate(sandbox) as client:
        provider = paid_on_page(sandbox, client, receiver_url + hook, number)

        events = events_at(inbox, hook, 2 if interim else 1)
        if interim:
            first = events[0]
            assert first.status is PaymentStatus.PENDING
            assert first.raw["payment"]["status"] == interim
            assert ecommpay_known(interim)
        final = events[-1]
        assert (final.status, final.amount, final.currency) == (PaymentStatus.PAID, 12500, "IDR")
        assert final.account == str(CONFIG.ecommpay_project_id)
        body = json.loads(inbox.received(hook)[-1].body)
        assert body["errors"] == [] and body["provider_extra_fields"] == {}
        assert "errors" not in final.raw and "provider_extra_fields" not in final.raw
        assert final.raw == signed_fields(body)

        status = provider.check_status(number)
        assert (status.status, status.amount) == (PaymentStatus.PAID, 12500)
        assert status.raw["operations"][-1]["status"] == "success"


def test_a_failed_page_attempt_with_retries_left_is_pending_and_the_retry_that_pays_counts(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    """developers.ecommpay.com/en/en_PP_Try_Again.html: after a failed attempt the payment is
    ``awaiting customer`` (its operation declined, ``is_new_attempts_available`` true) until an
    attempt in the same payment id pays; ecommpay's WooCommerce plugin declines its order on
    that word (``EcpCallbacksHandler::process``), which for Kasir would end a sale the customer
    then pays."""
    receiver_url, inbox = receiver
    number = pick(lambda i: SHAPES.ecommpay_intermediate(i) == "awaiting customer")
    hook = path()
    with gate(sandbox) as client:
        provider = paid_on_page(sandbox, client, receiver_url + hook, number)
        attempt, final = events_at(inbox, hook, 2)
        status = provider.check_status(number)

    assert attempt.raw["operation"]["status"] == "decline" and attempt.raw["errors"]
    assert attempt.raw["payment"]["is_new_attempts_available"] is True
    assert attempt.raw["payment"]["attempts_timeout"] > 0
    assert (attempt.status, attempt.amount, attempt.currency) == (
        PaymentStatus.PENDING,
        12500,
        "IDR",
    )
    assert final.raw["payment"]["is_new_attempts_available"] is False
    assert final.raw["operation"]["id"] != attempt.raw["operation"]["id"]
    assert (final.status, final.amount) == (PaymentStatus.PAID, 12500)
    declined, paid = status.raw["operations"]
    assert (declined["status"], paid["status"]) == ("decline", "success")
    assert (status.status, status.amount, status.reference) == (
        PaymentStatus.PAID,
        12500,
        final.reference,
    )


def test_ecommpay_callbacks_differing_only_in_invisible_fields_are_one_event(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    number, hook = pick(lambda i: SHAPES.ecommpay_intermediate(i) is None), path()
    with gate(sandbox) as client:
        client.payout(
            payment_id=number,
            amount=1000,
            account_number="8100012345",
            customer_name="Budi",
            customer_id="c-1",
            customer_ip="10.1.2.3",
            callback_url=receiver_url + hook,
        )
    (received,) = inbox.wait_for(hook)
    body = json.loads(received.body)
    decorated = {**body, "recurring": {}, "acs": {"x": []}, "errors": [{}, []]}
    first = verify_callback(received.body, SECRET)
    again = verify_callback(json.dumps(decorated).encode(), SECRET)
    assert again.raw == first.raw
    assert (first.status, first.amount) == (PaymentStatus.PAID, 1000)


@pytest.mark.parametrize("form", ["404", "errors"])
def test_ecommpay_unknown_payment_is_not_found_in_both_forms(sandbox: str, form: str) -> None:
    number = pick(lambda i: SHAPES.ecommpay_not_found_form(i) == form)
    with gate(sandbox) as client:
        with pytest.raises(PaymentNotFound) as caught:
            client.status(number)
        assert caught.value.status_code == (404 if form == "404" else 200)
        page = EcommpayPageProvider(
            client, callback_url="https://relay.example/cb", customer_email="a@b.example"
        )
        assert page.check_status(number).status is PaymentStatus.PENDING


@pytest.mark.parametrize(
    ("word", "status"), [("decline", PaymentStatus.DECLINED), ("expired", PaymentStatus.EXPIRED)]
)
def test_ecommpay_unpaid_gate_sale_expires_as_decline_or_expired(
    word: str, status: PaymentStatus
) -> None:
    config = SandboxConfig(order_expiry=0.3, retry_scale=0.0005, shape_seed=CONFIG.shape_seed)
    number = pick(lambda i: SHAPES.ecommpay_expired_word(i) == word)
    interim = SHAPES.ecommpay_intermediate(number)
    hook = path()
    with (
        running_sandbox(config) as (url, _),
        running_receiver() as (receiver_url, inbox),
        gate(url) as client,
    ):
        provider = EcommpayGateProvider(
            client,
            callback_url=receiver_url + hook,
            customer_ip="114.124.147.207",
            customer_email="kasir@example.com",
        )
        provider.create_payment(PaymentOrder(number, 12500, redirect_url="https://r.example/r/t"))
        events = events_at(inbox, hook, 2 + (interim is not None))
        assert redirect_data(events[0].raw) is not None
        assert all(event.status is PaymentStatus.PENDING for event in events[:-1])
        assert events[-1].status is status
        assert events[-1].raw["payment"]["status"] == word
        assert provider.check_status(number).status is status


@pytest.mark.parametrize("word", ["error", "internal error", "external error"])
def test_ecommpay_payment_the_provider_fails_ends_in_one_of_its_error_words(
    sandbox: str, receiver: tuple[str, Receiver], word: str
) -> None:
    """ecommpay's own plugins end an order on each of these words as on a decline
    (woocommerce-ecommpay ``EcpCallbacksHandler.php``, ecommpay-magento2
    ``Controller/EndPayment/Index.php``): the callback and the status answer both say failed."""
    receiver_url, inbox = receiver
    number = pick(
        lambda i: SHAPES.ecommpay_error_word(i) == word and SHAPES.ecommpay_intermediate(i) is None
    )
    hook = path()
    with gate(sandbox) as client:
        provider = EcommpayPageProvider(
            client,
            callback_url=receiver_url + hook,
            customer_email="kasir@example.com",
            page_base_url=sandbox,
        )
        httpx.get(provider.create_payment(PaymentOrder(number, 12500, LINES)).payment_url)
        httpx.post(f"{sandbox}/_sandbox/fail/{number}").raise_for_status()
        [event] = events_at(inbox, hook, 1)
        assert (event.status, event.raw["payment"]["status"]) == (PaymentStatus.FAILED, word)
        assert event.raw["operation"]["status"] == word
        status = provider.check_status(number)
        assert (status.status, status.raw["operations"][-1]["status"]) == (
            PaymentStatus.FAILED,
            word,
        )
        again = httpx.post(f"{sandbox}/_sandbox/pay/{number}")
        assert again.status_code == 409  # final: the same payment is never paid after it
