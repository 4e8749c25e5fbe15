"""The sandbox's ecommpay over real HTTP, checked against the official SDK (payment_page_sdk)."""

import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from payment_page_sdk.callback import Callback
from payment_page_sdk.payment import Payment
from payment_page_sdk.payment_page import PaymentPage
from payment_page_sdk.process_exception import ProcessException
from payment_page_sdk.signature_handler import SignatureHandler

from pos_app.payments.ecommpay.callback import redirect_data, verify_callback
from pos_app.payments.ecommpay.signing import payment_page_url
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.sandbox import SandboxConfig
from pos_app.sandbox.shapes import Shapes
from tests.harness.sandbox_process import (
    Received,
    Receiver,
    gate_request,
    running_receiver,
    running_sandbox,
    wait_until,
)

CONFIG = SandboxConfig(retry_scale=0.0005)
"""ecommpay's 10 s retry interval becomes 5 ms."""
SECRET = CONFIG.ecommpay_secret_key
SALE = "/v2/payment/wallet/doku/sale"
PAYOUT = "/v2/payment/wallet/doku/payout"
STATUS = "/v2/payment/status"
SHAPES = Shapes(CONFIG.shape_seed)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[str]:
    with running_sandbox(CONFIG) as (url, _):
        yield url


@pytest.fixture(scope="module")
def receiver() -> Iterator[tuple[str, Receiver]]:
    with running_receiver() as pair:
        yield pair


def new_id() -> str:
    return f"ECT-{uuid.uuid4().hex[:12]}"


def callback_path() -> str:
    return f"/ecommpay/callbacks/{uuid.uuid4().hex[:8]}"


def sdk_callback(received: Received) -> Callback:
    """The official SDK raises ProcessException unless the signature verifies."""
    return Callback(received.body.decode(), SignatureHandler(SECRET))


def final_callback(inbox: Receiver, path: str, payment_id: str, before: int = 0) -> Received:
    """A purchase's final callback, after the intermediate one the sandbox sends for some
    payment ids, which is checked: signed, pending, with its word."""
    interim = SHAPES.ecommpay_intermediate(payment_id)
    received = inbox.wait_for(path, count=before + 1 + (interim is not None))
    if interim is not None:
        first = sdk_callback(received[before])
        assert first.get_payment_status() == interim
        assert verify_callback(received[before].body, SECRET).status is PaymentStatus.PENDING
        # Only a failed Payment Page attempt the customer may retry names its decline.
        retry = first.get_value("payment.is_new_attempts_available") is True
        assert (first.get_value("operation.code") is None) is not retry
    return received[-1]


def sdk_page_url(sandbox: str, payment_id: str, amount: int, callback_url: str) -> str:
    payment = Payment(str(CONFIG.ecommpay_project_id), payment_id)
    payment.payment_amount = amount
    payment.payment_currency = "IDR"
    payment.customer_id = "walk-in"
    payment.customer_first_name = "Hasan"
    payment.customer_email = "hasan@example.com"
    payment.force_payment_method = "doku"
    payment.merchant_callback_url = callback_url
    payment.best_before = datetime.now(UTC) + timedelta(minutes=15)
    return PaymentPage(SignatureHandler(SECRET), sandbox + "/payment").get_url(payment)


def sale(sandbox: str, payment_id: str, amount: int, callback_url: str) -> httpx.Response:
    body = gate_request(
        CONFIG,
        {
            "general": {"payment_id": payment_id, "merchant_callback_url": callback_url},
            "customer": {
                "id": "walk-in",
                "ip_address": "114.124.147.207",
                "first_name": "Riza",
                "email": "riza@example.com",
            },
            "payment": {"amount": amount, "currency": "IDR"},
        },
    )
    return httpx.post(sandbox + SALE, json=body)


def payout(sandbox: str, payment_id: str, amount: int, callback_url: str) -> httpx.Response:
    body = gate_request(
        CONFIG,
        {
            "general": {"payment_id": payment_id, "merchant_callback_url": callback_url},
            "customer": {"id": "payoutTest", "ip_address": "114.124.147.206"},
            "account": {"number": "654654654", "customer_name": "John Doe"},
            "payment": {"amount": amount, "currency": "IDR"},
        },
    )
    return httpx.post(sandbox + PAYOUT, json=body)


def press(sandbox: str, page_html: str, choice: str) -> httpx.Response:
    action = re.search(r'action="([^"]+)"', page_html).group(1)
    return httpx.post(sandbox + action, data={"choice": choice})


def test_a_payment_page_url_built_by_the_official_sdk_is_accepted_and_paid(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    payment_id, path = new_id(), callback_path()
    page = httpx.get(sdk_page_url(sandbox, payment_id, 1_250_000, receiver_url + path))

    assert page.status_code == 200
    assert "Rp 12.500" in page.text and "Pay with DOKU Wallet" in page.text
    assert "Payment successful" in press(sandbox, page.text, "pay").text

    received = final_callback(inbox, path, payment_id)
    callback = sdk_callback(received)
    assert callback.get_payment_id() == payment_id
    assert callback.get_payment_status() == Callback.SUCCESS_STATUS
    assert callback.get_value("payment.sum.amount") == 1_250_000
    assert callback.get_value("operation.code") == "0"
    event = verify_callback(received.body, SECRET)
    assert (event.invoice_number, event.status, event.amount) == (
        payment_id,
        PaymentStatus.PAID,
        12_500,
    )


def test_a_tampered_payment_page_url_is_rejected(sandbox: str) -> None:
    url = sdk_page_url(sandbox, new_id(), 1_250_000, "https://shop.example/cb")
    tampered = url.replace("payment_amount=1250000", "payment_amount=1250")
    assert tampered != url

    answer = httpx.get(tampered)
    assert answer.status_code == 401
    assert "signature does not match" in answer.text
    unsigned = httpx.get(url.split("&signature=")[0])
    assert unsigned.status_code == 400


def test_the_projects_own_payment_page_url_is_accepted_and_reopens_the_same_payment(
    sandbox: str,
) -> None:
    payment_id = new_id()
    params = {
        "project_id": CONFIG.ecommpay_project_id,
        "payment_id": payment_id,
        "payment_amount": 500_000,
        "payment_currency": "IDR",
        "customer_id": "walk-in",
        "force_payment_method": "doku",
    }
    url = payment_page_url(params, SECRET, base_url=sandbox)
    assert httpx.get(url).status_code == 200
    assert httpx.get(url).status_code == 200
    orders = httpx.get(sandbox + "/_sandbox/orders").json()["orders"]
    assert [o["kind"] for o in orders if o["id"] == payment_id] == ["page"]

    other = payment_page_url({**params, "payment_amount": 600_000}, SECRET, base_url=sandbox)
    reused = httpx.get(other)
    assert reused.status_code == 400 and "already used" in reused.text


def test_a_payment_page_past_best_before_is_refused(sandbox: str) -> None:
    params = {
        "project_id": CONFIG.ecommpay_project_id,
        "payment_id": new_id(),
        "payment_amount": 500_000,
        "payment_currency": "IDR",
        "customer_id": "walk-in",
        "best_before": (datetime.now(UTC) - timedelta(minutes=1)).isoformat(),
    }
    answer = httpx.get(payment_page_url(params, SECRET, base_url=sandbox))
    assert answer.status_code == 410


def test_a_test_amount_on_the_payment_page_declines_even_when_paid(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    payment_id, path = new_id(), callback_path()
    page = httpx.get(sdk_page_url(sandbox, payment_id, 40000, receiver_url + path))
    result = press(sandbox, page.text, "pay")
    assert "Payment declined" in result.text
    assert "Decline due to amount or frequency limit" in result.text

    callback = sdk_callback(final_callback(inbox, path, payment_id))
    assert callback.get_payment_status() == Callback.DECLINE_STATUS
    assert callback.get_value("operation.code") == "20101"
    assert callback.get_value("operation.message") == "Decline due to amount or frequency limit"


def test_the_customer_declining_on_the_page_sends_a_decline(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    payment_id, path = new_id(), callback_path()
    page = httpx.get(sdk_page_url(sandbox, payment_id, 1_000_000, receiver_url + path))
    assert "Payment declined" in press(sandbox, page.text, "decline").text
    callback = sdk_callback(final_callback(inbox, path, payment_id))
    assert callback.get_payment_status() == Callback.DECLINE_STATUS
    assert callback.get_value("operation.code") == "20000"


def test_gate_sale_sends_redirect_data_then_the_result_after_paying(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    full = SHAPES.pick(new_id() + "-", lambda i: SHAPES.ecommpay_redirect_form(i) == "full")
    payment_id, path = full, callback_path()
    ack = sale(sandbox, payment_id, 1_000_000, receiver_url + path)
    assert ack.status_code == 200
    assert ack.json()["status"] == "success"
    assert ack.json()["payment_id"] == payment_id
    assert ack.json()["request_id"]

    (first,) = inbox.wait_for(path)
    redirect = sdk_callback(first)
    assert redirect.get_payment_status() == Callback.AW_RED_STATUS
    data = redirect.get_value("redirect_data")
    assert data["method"] == "POST"
    assert data["url"] == sandbox + "/ecommpay/doku/wallet"
    assert data["body"]["AMOUNT"] == "10000.00"
    event = verify_callback(first.body, SECRET, provider=ProviderName.ECOMMPAY_GATE)
    assert event.status is PaymentStatus.PENDING

    wallet = httpx.post(data["url"], data={k: str(v) for k, v in data["body"].items()})
    assert wallet.status_code == 200 and "Rp 10.000" in wallet.text
    forged = httpx.post(data["url"], data={**data["body"], "WORDS": "0" * 40})
    assert forged.status_code == 400

    paid = httpx.post(f"{sandbox}/_sandbox/pay/{payment_id}")
    assert paid.status_code == 200
    final = sdk_callback(final_callback(inbox, path, payment_id, before=1))
    assert final.get_payment_status() == Callback.SUCCESS_STATUS
    assert final.get_value("redirect_data") is None
    assert final.get_value("operation.request_id") == ack.json()["request_id"]


def test_gate_sale_bare_redirect_callback_spells_it_redirect_data_as_ecommpays_sdks(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    """The bare form (only the payment id and the redirect) as paymentpage-sdk-php's callback
    formats have it: ``redirectData``; Kasir reads the form the phone must post from it."""
    receiver_url, inbox = receiver
    payment_id = SHAPES.pick(new_id() + "-", lambda i: SHAPES.ecommpay_redirect_form(i) == "bare")
    path = callback_path()
    assert sale(sandbox, payment_id, 1_000_000, receiver_url + path).status_code == 200

    (first,) = inbox.wait_for(path)
    body = json.loads(first.body)
    assert sorted(body) == ["general", "payment", "redirectData"]
    sdk_callback(first)  # the SDK checks its signature
    redirect = redirect_data(body)
    assert redirect is not None
    assert (redirect.method, redirect.url) == ("POST", sandbox + "/ecommpay/doku/wallet")
    assert redirect.body["AMOUNT"] == "10000.00"


def test_gate_sale_paid_from_the_wallet_page_with_a_test_amount_declines(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    payment_id, path = new_id(), callback_path()
    assert sale(sandbox, payment_id, 40000, receiver_url + path).status_code == 200
    first = inbox.wait_for(path)[0]
    sdk_callback(first)
    redirect = redirect_data(json.loads(first.body))  # either form of the redirect callback
    assert redirect is not None
    wallet = httpx.post(redirect.url, data=dict(redirect.body))
    assert "Payment declined" in press(sandbox, wallet.text, "pay").text

    final = sdk_callback(final_callback(inbox, path, payment_id, before=1))
    assert final.get_payment_status() == Callback.DECLINE_STATUS
    assert final.get_value("operation.code") == "20101"
    assert final.get_value("errors") == [
        {"code": 20101, "message": "Decline due to amount or frequency limit"}
    ]


def test_gate_status_reports_the_payment_signed(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, _ = receiver
    payment_id, path = new_id(), callback_path()
    sale(sandbox, payment_id, 1_000_000, receiver_url + path)
    httpx.post(f"{sandbox}/_sandbox/decline/{payment_id}")

    answer = httpx.post(
        sandbox + STATUS, json=gate_request(CONFIG, {"general": {"payment_id": payment_id}})
    )
    assert answer.status_code == 200
    status = Callback(answer.text, SignatureHandler(SECRET))
    assert status.get_payment_status() == Callback.DECLINE_STATUS

    assert status.get_value("operations")[-1]["status"] == "decline"
    assert status.get_value("operation") is None
    assert status.get_value("errors")[0]["code"] == 20000


@pytest.mark.parametrize("form", ["404", "errors"])
def test_gate_status_of_an_unknown_payment_comes_in_both_not_found_forms(
    sandbox: str, form: str
) -> None:
    payment_id = SHAPES.pick("ECT-NONE-", lambda i: SHAPES.ecommpay_not_found_form(i) == form)
    unknown = httpx.post(
        sandbox + STATUS, json=gate_request(CONFIG, {"general": {"payment_id": payment_id}})
    )
    if form == "404":
        assert unknown.status_code == 404
        assert unknown.json()["status"] == "error"
    else:
        assert unknown.status_code == 200
        answer = Callback(unknown.text, SignatureHandler(SECRET))
        assert answer.get_value("errors") == [
            {"field": "general.payment_id", "message": "Payment not found"}
        ]
        assert answer.get_value("payment") is None


def test_payouts_succeed_or_decline_by_amount(sandbox: str, receiver: tuple[str, Receiver]) -> None:
    receiver_url, inbox = receiver
    ok_id, no_id, path = new_id(), new_id(), callback_path()
    assert payout(sandbox, ok_id, 10000, receiver_url + path).json()["status"] == "success"
    assert payout(sandbox, no_id, 40400, receiver_url + path).json()["status"] == "success"

    callbacks = {c.get_payment_id(): c for c in map(sdk_callback, inbox.wait_for(path, 2))}
    assert callbacks[ok_id].get_payment_status() == Callback.SUCCESS_STATUS
    assert callbacks[ok_id].get_value("payment.type") == "payout"
    assert callbacks[ok_id].get_value("account.number") == "654654654"
    assert callbacks[no_id].get_payment_status() == Callback.DECLINE_STATUS
    assert callbacks[no_id].get_value("operation.code") == "20101"
    assert httpx.post(f"{sandbox}/_sandbox/pay/{ok_id}").status_code == 409


@pytest.mark.parametrize(("word", "left"), [("reversed", 0), ("decline", 10000)])
def test_a_paid_payout_is_reversed_with_a_signed_callback_and_nothing_else_is(
    sandbox: str, receiver: tuple[str, Receiver], word: str, left: int
) -> None:
    """ecommpay reverses a paid payout the customer's account cannot take after all
    (en_gate_payout_model.html) and calls back as for every operation, the payment then
    ``reversed`` or ``decline`` (per payment id); the official SDK reads the callback and its
    signature, and Kasir reads both as refunded."""
    receiver_url, inbox = receiver
    paid_id = SHAPES.pick(new_id() + "-", lambda i: SHAPES.ecommpay_reversed_word(i) == word)
    declined_id, sale_id, path = new_id(), new_id(), callback_path()
    payout(sandbox, paid_id, 10000, receiver_url + path)
    payout(sandbox, declined_id, 40400, receiver_url + path)
    sale(sandbox, sale_id, 10000, receiver_url + path)
    inbox.wait_for(path, 3)

    reversed_ = httpx.post(f"{sandbox}/_sandbox/reverse/{paid_id}")

    assert reversed_.json()["order"]["provider_status"] == word
    [received] = [
        r for r in inbox.wait_for(path, 4) if sdk_callback(r).get_payment_id() == paid_id
    ][1:]
    callback = sdk_callback(received)
    assert callback.get_payment_status() == word
    assert verify_callback(received.body, SECRET).status is PaymentStatus.REFUNDED
    assert callback.get_value("payment.sum.amount") == left
    assert callback.get_value("operation.type") == "reversal"
    assert callback.get_value("operation.status") == "success"
    assert callback.get_value("operation.sum_initial.amount") == 10000
    for refused in (paid_id, declined_id, sale_id):  # reversed once; never paid; not a payout
        assert httpx.post(f"{sandbox}/_sandbox/reverse/{refused}").status_code == 409


def test_gate_refuses_bad_signatures_unknown_projects_and_missing_fields(sandbox: str) -> None:
    good = gate_request(
        CONFIG,
        {
            "general": {"payment_id": new_id()},
            "customer": {"id": "walk-in", "ip_address": "114.124.147.207"},
            "payment": {"amount": 100000, "currency": "IDR"},
        },
    )
    tampered = {**good, "payment": {"amount": 1, "currency": "IDR"}}
    answer = httpx.post(sandbox + SALE, json=tampered)
    assert answer.status_code == 401
    assert answer.json()["status"] == "error" and answer.json()["code"] == "invalid_signature"

    stranger = SandboxConfig(ecommpay_project_id=9999)
    foreign = gate_request(stranger, {k: v for k, v in good.items() if k != "general"})
    assert httpx.post(sandbox + SALE, json=foreign).status_code == 401

    missing = gate_request(CONFIG, {**good, "customer": {"id": "walk-in"}})
    answer = httpx.post(sandbox + SALE, json=missing)
    assert answer.status_code == 400
    assert answer.json()["message"] == "customer.ip_address is required"

    assert httpx.post(sandbox + SALE, json=good).status_code == 200
    again = httpx.post(sandbox + SALE, json=good)
    assert again.status_code == 400 and again.json()["code"] == "payment_exists"


def test_a_gate_request_signed_by_the_official_sdk_is_accepted(sandbox: str) -> None:
    body: dict[str, Any] = {
        "general": {"project_id": CONFIG.ecommpay_project_id, "payment_id": new_id()},
        "customer": {"id": "walk-in", "ip_address": "114.124.147.207"},
        "payment": {"amount": 100000, "currency": "IDR"},
    }
    body["general"]["signature"] = SignatureHandler(SECRET).sign(json.loads(json.dumps(body)))
    assert httpx.post(sandbox + SALE, json=body).status_code == 200


def test_only_http_200_acknowledges_a_callback(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    payment_id, path = new_id(), callback_path()
    inbox.answer(path, 201, 500)
    payout(sandbox, payment_id, 10000, receiver_url + path)

    tries = inbox.wait_for(path, count=3)
    assert [t.answered for t in tries] == [201, 500, 200]
    assert {t.body for t in tries} == {tries[0].body}
    with pytest.raises(ProcessException):
        Callback(tries[0].body.decode().replace("10000", "10001"), SignatureHandler(SECRET))


def test_a_payment_without_any_callback_url_is_listed_as_undeliverable(sandbox: str) -> None:
    payment_id = new_id()
    body = gate_request(
        CONFIG,
        {
            "general": {"payment_id": payment_id},
            "customer": {"id": "x", "ip_address": "10.0.0.1"},
            "account": {"number": "1", "customer_name": "A"},
            "payment": {"amount": 10000, "currency": "IDR"},
        },
    )
    assert httpx.post(sandbox + PAYOUT, json=body).status_code == 200

    def listed() -> list[dict[str, Any]]:
        deliveries = httpx.get(sandbox + "/_sandbox/deliveries").json()["deliveries"]
        return [d for d in deliveries if d["order_id"] == payment_id]

    (attempt,) = wait_until(listed, what="an undeliverable callback listed")
    assert "no merchant_callback_url" in attempt["error"]


@pytest.mark.parametrize(
    ("word", "status"), [("decline", PaymentStatus.DECLINED), ("expired", PaymentStatus.EXPIRED)]
)
def test_an_unpaid_gate_sale_expires_into_a_decline_or_expired_callback(
    word: str, status: PaymentStatus
) -> None:
    config = SandboxConfig(order_expiry=0.2, retry_scale=0.0005)
    payment_id = SHAPES.pick("ECT-EXP-", lambda i: SHAPES.ecommpay_expired_word(i) == word)
    with running_sandbox(config) as (url, _), running_receiver() as (receiver_url, inbox):
        path = callback_path()
        sale(url, payment_id, 1_000_000, receiver_url + path)
        received = final_callback(inbox, path, payment_id, before=1)
        final = sdk_callback(received)
        assert final.get_payment_status() == word
        assert final.get_value("operation.message") == "Payment time expired"
        assert verify_callback(received.body, SECRET).status is status


@pytest.mark.parametrize("kind", ["refund", "reversal"])
def test_a_paid_purchase_is_refunded_in_parts_with_signed_callbacks_naming_the_balance(
    sandbox: str, receiver: tuple[str, Receiver], kind: str
) -> None:
    """ecommpay refunds DOKU Wallet purchases through its support (pm_doku.html); each refund is
    an operation with its callback: the refund in ``operation.sum_initial``, the balance in
    ``payment.sum`` (woocommerce-ecommpay ``EcpModuleRefund.php``), the word ``partially
    refunded``/``refunded`` or, for a reversal, ``partially reversed``/``reversed``
    (``EcpGatewayPaymentStatus.php``; en_Gate_Refund.html). The official SDK verifies them."""
    receiver_url, inbox = receiver
    path = callback_path()
    payment_id = SHAPES.pick(f"ECR-{kind}-", lambda i: SHAPES.ecommpay_refund_kind(i) == kind)
    page = httpx.get(sdk_page_url(sandbox, payment_id, 1_400_000, receiver_url + path))
    assert httpx.post(f"{sandbox}/_sandbox/refund/{payment_id}").status_code == 409  # unpaid
    press(sandbox, page.text, "pay")
    paid = len(inbox.wait_for(path, 1 + (SHAPES.ecommpay_intermediate(payment_id) is not None)))

    partly, wholly = {"refund": ("partially refunded", "refunded"),
                      "reversal": ("partially reversed", "reversed")}[kind]  # fmt: skip
    for amount, balance, word in ((400_000, 1_000_000, partly), (None, 0, wholly)):
        params = {} if amount is None else {"amount": amount}
        assert httpx.post(f"{sandbox}/_sandbox/refund/{payment_id}", params=params).is_success
        paid += 1
        callback = sdk_callback(inbox.wait_for(path, paid)[-1])
        assert callback.get_payment_status() == word
        assert callback.get_value("payment.sum") == {"amount": balance, "currency": "IDR"}
        assert callback.get_value("operation.type") == kind
        assert callback.get_value("operation.status") == "success"
        assert callback.get_value("operation.sum_initial.amount") == (amount or 1_000_000)
        assert verify_callback(inbox.received(path)[-1].body, SECRET).amount == balance // 100

    status = httpx.post(
        sandbox + STATUS, json=gate_request(CONFIG, {"general": {"payment_id": payment_id}})
    ).json()
    assert status["payment"]["status"] == wholly
    retried = SHAPES.ecommpay_intermediate(payment_id) == "awaiting customer"
    sales = ["sale", "sale"] if retried else ["sale"]  # a failed attempt is an operation too
    assert [op["type"] for op in status["operations"]] == [*sales, kind, kind]
    # The payment's own callback again, as a late retry of it would come: as it was then.
    assert httpx.post(f"{sandbox}/_sandbox/resend/{payment_id}?operation=1").is_success
    late = sdk_callback(inbox.wait_for(path, paid + 1)[-1])
    assert late.get_payment_status() == "success"
    assert late.get_value("payment.sum.amount") == 1_400_000
    refused = ["refund/" + payment_id, "resend/" + payment_id + "?operation=4"]
    assert [httpx.post(f"{sandbox}/_sandbox/{r}").status_code for r in refused] == [409, 409]
    answer = httpx.post(f"{sandbox}/_sandbox/refund/{payment_id}?amount=1.5")
    assert answer.status_code == 400


def test_only_a_paid_purchase_is_refunded_and_by_no_more_than_is_left(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, _ = receiver
    paid_out, purchase, path = new_id(), new_id(), callback_path()
    payout(sandbox, paid_out, 10000, receiver_url + path)
    sale(sandbox, purchase, 10000, receiver_url + path)
    httpx.post(f"{sandbox}/_sandbox/pay/{purchase}").raise_for_status()
    for refused in (f"{paid_out}", f"{purchase}?amount=10001", f"{purchase}?amount=0"):
        answer = httpx.post(f"{sandbox}/_sandbox/refund/{refused}")
        assert answer.status_code == 409, answer.text


def test_a_split_payout_is_called_back_per_operation_and_ends_paid_out_in_part(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    """ecommpay splits a payout its provider cannot take whole (en_Gate_split_payment.html),
    one callback per operation; the sandbox does so for its test amount: 300000 paid out, the
    104000 left declined, ``payment.sum`` still the whole sum asked. Its parts are sent again
    one by one; a payout paid out in part is not reversed."""
    receiver_url, inbox = receiver
    payment_id, path = new_id(), callback_path()
    payout(sandbox, payment_id, 404000, receiver_url + path)

    first, last = map(sdk_callback, inbox.wait_for(path, 2))
    assert [c.get_payment_status() for c in (first, last)] == ["processing", "partially paid out"]
    assert [c.get_value("payment.sum.amount") for c in (first, last)] == [404000, 404000]
    assert [c.get_value("operation.status") for c in (first, last)] == ["success", "decline"]
    assert [c.get_value("operation.sum_initial.amount") for c in (first, last)] == [300000, 104000]
    assert first.get_value("operation.id") != last.get_value("operation.id")

    answer = httpx.post(
        sandbox + STATUS, json=gate_request(CONFIG, {"general": {"payment_id": payment_id}})
    )
    status = Callback(answer.text, SignatureHandler(SECRET))
    assert [
        (o["type"], o["status"], o["sum_initial"]["amount"]) for o in status.get_value("operations")
    ] == [("payout", "success", 300000), ("payout", "decline", 104000)]

    for operation, word in ((1, "processing"), (2, "partially paid out")):
        url = f"{sandbox}/_sandbox/resend/{payment_id}?operation={operation}"
        httpx.post(url).raise_for_status()
        again = sdk_callback(inbox.wait_for(path, 2 + operation)[-1])
        assert again.get_payment_status() == word
    assert httpx.post(f"{sandbox}/_sandbox/resend/{payment_id}?operation=3").status_code == 409
    assert httpx.post(f"{sandbox}/_sandbox/reverse/{payment_id}").status_code == 409


def test_a_retried_payout_is_called_back_awaiting_retry_then_paid_by_its_retry(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    """ecommpay retries a payout declined for a reason it retries, the payment ``awaiting
    retry`` meanwhile (developers.rocketpay.kz en_gate_payout_statuses.html,
    developers.ecommpay.com en_gate_payout_retry.html); the sandbox does so for its test amount:
    a callback naming the declined attempt, the same word in the status answer, until the
    retry, an operation of its own, pays it. Kasir reads the word as pending; one whose retries
    run out ends declined."""
    receiver_url, inbox = receiver
    retried, given_up, path = new_id(), new_id(), callback_path()
    payout(sandbox, retried, 400400, receiver_url + path)
    payout(sandbox, given_up, 400400, receiver_url + path)

    waiting = {c.get_payment_id(): c for c in map(sdk_callback, inbox.wait_for(path, 2))}[retried]
    assert waiting.get_payment_status() == "awaiting retry"
    assert waiting.get_value("payment.sum.amount") == 400400
    assert waiting.get_value("operation.type") == "payout"
    assert waiting.get_value("operation.status") == "decline"
    assert waiting.get_value("operation.code") == "20101"
    assert waiting.get_value("errors") == [
        {"code": 20101, "message": "Decline due to amount or frequency limit"}
    ]
    [received] = [r for r in inbox.wait_for(path, 2) if sdk_callback(r).get_payment_id() == retried]
    assert verify_callback(received.body, SECRET).status is PaymentStatus.PENDING

    def status_answer() -> Callback:
        body = gate_request(CONFIG, {"general": {"payment_id": retried}})
        return Callback(httpx.post(sandbox + STATUS, json=body).text, SignatureHandler(SECRET))

    assert status_answer().get_payment_status() == "awaiting retry"
    assert [o["status"] for o in status_answer().get_value("operations")] == ["decline"]

    httpx.post(f"{sandbox}/_sandbox/pay/{retried}").raise_for_status()
    httpx.post(f"{sandbox}/_sandbox/decline/{given_up}").raise_for_status()

    finals = {c.get_payment_id(): c for c in map(sdk_callback, inbox.wait_for(path, 4)[2:])}
    paid, declined = finals[retried], finals[given_up]
    assert (paid.get_payment_status(), paid.get_value("operation.status")) == ("success", "success")
    assert paid.get_value("operation.id") != waiting.get_value("operation.id")
    assert paid.get_value("errors") == []
    assert declined.get_payment_status() == "decline"
    assert declined.get_value("operation.code") == "20101"
    answer = status_answer()
    assert answer.get_payment_status() == "success"
    assert [(o["status"], o["code"]) for o in answer.get_value("operations")] == [
        ("decline", "20101"),
        ("success", "0"),
    ]
