"""The sandbox's DOKU direct API over real HTTP: orders, pages, notifications, status, rules."""

import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from pos_app.payments.doku.notification import parse_notification
from pos_app.payments.doku.signing import (
    RESPONSE_TIMESTAMP,
    utc_timestamp,
    verify_doku_signature,
)
from pos_app.payments.model import PaymentStatus
from pos_app.sandbox import SandboxConfig
from pos_app.sandbox.shapes import Shapes
from tests.harness.sandbox_process import (
    Receiver,
    doku_headers,
    running_receiver,
    running_sandbox,
    wait_until,
)

CREATE = "/dokuwallet-emoney/v1/payment"
CONFIG = SandboxConfig(retry_scale=0.00002, delivery_timeout=0.5)
"""DOKU's retries (30 min, 6 h, 12 h after the first try) come 0.04 s, 0.4 s and 0.9 s after it."""
SHAPES = Shapes(CONFIG.shape_seed)
AMOUNT_TEXT = {
    "integer": b'"amount":9000',
    "decimal": b'"amount":9000.00',
    "string": b'"amount":"9000.00"',
}
"""How the sandbox writes ``order.amount`` 9000, per :meth:`Shapes.doku_amount_form`."""


@pytest.fixture(scope="module")
def sandbox() -> Iterator[str]:
    with running_sandbox(CONFIG) as (url, _):
        yield url


@pytest.fixture(scope="module")
def receiver() -> Iterator[tuple[str, Receiver]]:
    with running_receiver() as pair:
        yield pair


def order_body(invoice: str, notify_url: str, **order: Any) -> dict[str, Any]:
    base = {
        "invoice_number": invoice,
        "amount": 9000,
        "line_items": [
            {"name": "Teh Botol", "price": 3000, "quantity": 2},
            {"name": "Roti Bakar", "price": 3000, "quantity": 1},
        ],
        "notify_url": notify_url,
        "auto_redirect": False,
    }
    return {"order": {**base, **order}}


def create(
    base_url: str,
    body: dict[str, Any] | bytes,
    *,
    config: SandboxConfig = CONFIG,
    request_id: str | None = None,
    timeout: float = 5.0,
) -> httpx.Response:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = doku_headers(config, CREATE, raw, request_id=request_id)
    return httpx.post(base_url + CREATE, content=raw, headers=headers, timeout=timeout)


def status(base_url: str, invoice: str, config: SandboxConfig = CONFIG) -> httpx.Response:
    path = f"/orders/v1/status/{invoice}"
    return httpx.get(base_url + path, headers=doku_headers(config, path, None))


def new_invoice() -> str:
    return f"INV-{uuid.uuid4().hex[:12]}"


def invoice_where(wanted: Any) -> str:
    """A fresh invoice number whose shapes satisfy ``wanted``."""
    return SHAPES.pick(f"INV-{uuid.uuid4().hex[:8]}-", wanted)


def assert_real_shape(body: bytes, invoice: str) -> None:
    """What DOKU really sends: the invoice's amount form and the extra objects."""
    assert AMOUNT_TEXT[SHAPES.doku_amount_form(invoice)] in body
    payload = json.loads(body)
    assert payload["merchant"]["terminal_id"] == "A01       "
    assert set(payload["emoney_payment"]) == {"account_id", "approval_code"}
    assert {"customer", "issuer"} <= set(payload)
    assert b'"tips":0.00' in body


def notify_path() -> str:
    return f"/doku/notifications/{uuid.uuid4().hex[:8]}"


def assert_signed_answer(answer: httpx.Response, path: str, config: SandboxConfig = CONFIG) -> None:
    assert verify_doku_signature(
        signature=answer.headers["Signature"],
        client_id=answer.headers["Client-Id"],
        request_id=answer.headers["Request-Id"],
        timestamp=answer.headers["Response-Timestamp"],
        request_target=path,
        secret_key=config.doku_secret_key,
        body=answer.content if digested(answer) else None,
        timestamp_header=RESPONSE_TIMESTAMP,
    )


def digested(answer: httpx.Response) -> bool:
    """Whether the answer's signature has a Digest line: a POST's always; the status of an
    order the sandbox has (GET) as the invoice's shape says (DOKU's pages disagree)."""
    if answer.request.method == "POST":
        return True
    found = answer.status_code == 200 and b'"transaction"' in answer.content
    return found and SHAPES.doku_status_digest(answer.request.url.path.rsplit("/", 1)[1])


def assert_verified_notification(received: Any, path: str) -> dict[str, Any]:
    headers = received.headers
    assert verify_doku_signature(
        signature=headers["signature"],
        client_id=headers["client-id"],
        request_id=headers["request-id"],
        timestamp=headers["request-timestamp"],
        request_target=path,
        secret_key=CONFIG.doku_secret_key,
        body=received.body,
    )
    return json.loads(received.body)


def test_create_then_pay_on_the_page_sends_a_verified_notification(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    invoice, path = new_invoice(), notify_path()
    answer = create(sandbox, order_body(invoice, receiver_url + path))

    assert answer.status_code == 200
    assert_signed_answer(answer, CREATE)
    assert answer.headers["Client-Id"] == CONFIG.doku_client_id
    created = answer.json()
    assert created["order"]["invoice_number"] == invoice
    assert len(created["order"]["line_items"]) == 2
    page_url = created["doku_wallet_payment_page"]["url"]
    assert page_url.startswith(sandbox + "/")
    pending = status(sandbox, invoice).json()["transaction"]["status"]
    assert pending == SHAPES.doku_pending_word(invoice)

    page = httpx.get(page_url)
    assert page.status_code == 200
    assert "Rp 9.000" in page.text and "Teh Botol" in page.text and "Decline" in page.text
    action = re.search(r'action="([^"]+)"', page.text).group(1)
    result = httpx.post(sandbox + action, data={"choice": "pay"})
    assert result.status_code == 200 and "Payment successful" in result.text

    (received,) = inbox.wait_for(path)
    notification = assert_verified_notification(received, path)
    assert notification["order"]["invoice_number"] == invoice
    assert_real_shape(received.body, invoice)
    assert parse_notification(received.body).amount == 9000
    assert notification["transaction"]["status"] == "SUCCESS"
    assert notification["transaction"]["original_request_id"] == answer.headers["Request-Id"]
    assert notification["service"]["id"] == "EMONEY"
    assert notification["channel"]["id"] == "EMONEY_DOKU"

    checked = status(sandbox, invoice)
    assert checked.status_code == 200
    assert_signed_answer(checked, f"/orders/v1/status/{invoice}")
    assert checked.json()["transaction"]["status"] == "SUCCESS"
    assert_real_shape(checked.content, invoice)


@pytest.mark.parametrize("form", ["integer", "decimal", "string"])
def test_notifications_and_status_answers_write_the_amount_in_each_of_dokus_forms(
    sandbox: str, receiver: tuple[str, Receiver], form: str
) -> None:
    receiver_url, inbox = receiver
    invoice = invoice_where(lambda i: SHAPES.doku_amount_form(i) == form)
    path = notify_path()
    assert create(sandbox, order_body(invoice, receiver_url + path)).status_code == 200
    httpx.post(f"{sandbox}/_sandbox/pay/{invoice}")
    (received,) = inbox.wait_for(path)
    assert_verified_notification(received, path)
    assert AMOUNT_TEXT[form] in received.body
    assert AMOUNT_TEXT[form] in status(sandbox, invoice).content
    event = parse_notification(received.body)
    assert (event.amount, event.status) == (9000, PaymentStatus.PAID)


def test_decline_by_control_route_notifies_failed_and_a_second_try_notifies_success(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    """DOKU's FAILED is not final for e-money: the customer may pay the same order again."""
    receiver_url, inbox = receiver
    invoice, path = new_invoice(), notify_path()
    assert create(sandbox, order_body(invoice, receiver_url + path)).status_code == 200

    declined = httpx.post(f"{sandbox}/_sandbox/decline/{invoice}")
    assert declined.status_code == 200 and declined.json()["order"]["state"] == "declined"

    (received,) = inbox.wait_for(path)
    assert assert_verified_notification(received, path)["transaction"]["status"] == "FAILED"
    assert status(sandbox, invoice).json()["transaction"]["status"] == "FAILED"
    again = httpx.post(f"{sandbox}/_sandbox/decline/{invoice}")
    assert again.status_code == 409 and again.json()["order"]["state"] == "declined"

    paid = httpx.post(f"{sandbox}/_sandbox/pay/{invoice}")
    assert paid.status_code == 200 and paid.json()["order"]["state"] == "paid"
    (_, second) = inbox.wait_for(path, count=2)
    assert assert_verified_notification(second, path)["transaction"]["status"] == "SUCCESS"
    assert status(sandbox, invoice).json()["transaction"]["status"] == "SUCCESS"
    assert httpx.post(f"{sandbox}/_sandbox/pay/{invoice}").status_code == 409


def test_a_notification_acknowledged_already_can_be_sent_again_as_the_back_office_does(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    """DOKU's Back Office "Manual Retry Notification" (developers.doku.com, Retry
    Notification) sends a notification again after it was acknowledged: the same body under a
    new Request-Id, so a receiver meets a repeat no retry schedule explains."""
    receiver_url, inbox = receiver
    invoice, path = new_invoice(), notify_path()
    assert create(sandbox, order_body(invoice, receiver_url + path)).status_code == 200
    assert httpx.post(f"{sandbox}/_sandbox/resend/{invoice}").status_code == 409

    httpx.post(f"{sandbox}/_sandbox/pay/{invoice}").raise_for_status()
    (first,) = inbox.wait_for(path)
    resent = httpx.post(f"{sandbox}/_sandbox/resend/{invoice}")
    assert resent.status_code == 200 and resent.json()["order"]["state"] == "paid"

    (_, second) = inbox.wait_for(path, count=2)
    assert assert_verified_notification(second, path)["transaction"]["status"] == "SUCCESS"
    assert second.body == first.body
    assert second.headers["request-id"] != first.headers["request-id"]


def test_override_notification_url_receives_the_notification_signed_for_its_path(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    invoice, path = new_invoice(), notify_path()
    override = receiver_url + path
    body = order_body(invoice, "https://shop.example" + path)
    body["additional_info"] = {"override_notification_url": override}
    answer = create(sandbox, body)
    assert answer.status_code == 200
    assert answer.json()["additional_info"] == {"override_notification_url": override}

    httpx.post(f"{sandbox}/_sandbox/pay/{invoice}")
    (received,) = inbox.wait_for(path)
    notification = assert_verified_notification(received, path)
    assert notification["additional_info"]["override_notification_url"] == override


def test_override_notification_url_with_another_path_is_refused(sandbox: str) -> None:
    body = order_body(new_invoice(), "https://shop.example/doku/notifications")
    body["additional_info"] = {"override_notification_url": "https://relay.example/other"}
    answer = create(sandbox, body)
    assert answer.status_code == 400
    assert "override_notification_url" in answer.json()["error"]["message"]


def test_a_receiver_that_fails_twice_gets_the_notification_on_the_third_try(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    invoice, path = new_invoice(), notify_path()
    inbox.answer(path, 500, 500)
    assert create(sandbox, order_body(invoice, receiver_url + path)).status_code == 200
    httpx.post(f"{sandbox}/_sandbox/pay/{invoice}")

    tries = inbox.wait_for(path, count=3)
    assert [t.answered for t in tries] == [500, 500, 200]
    assert len({t.headers["request-id"] for t in tries}) == 1
    for attempt in tries:
        assert_verified_notification(attempt, path)

    def listed() -> list[dict[str, Any]]:
        deliveries = httpx.get(f"{sandbox}/_sandbox/deliveries").json()["deliveries"]
        mine = [d for d in deliveries if d["order_id"] == invoice]
        return mine if len(mine) == 3 else []

    attempts = wait_until(listed, what="three listed attempts")
    assert [(a["attempt"], a["status_code"], a["acknowledged"]) for a in attempts] == [
        (1, 500, False),
        (2, 500, False),
        (3, 200, True),
    ]


def test_a_hanging_receiver_does_not_hold_up_the_api(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, inbox = receiver
    invoice, path = new_invoice(), notify_path()
    inbox.answer(path, 200, delay=1.0)
    assert create(sandbox, order_body(invoice, receiver_url + path)).status_code == 200

    paid = httpx.post(f"{sandbox}/_sandbox/pay/{invoice}", timeout=0.4)
    assert paid.status_code == 200
    assert status(sandbox, invoice).json()["transaction"]["status"] == "SUCCESS"

    def timed_out() -> bool:
        deliveries = httpx.get(f"{sandbox}/_sandbox/deliveries").json()["deliveries"]
        return any(d["order_id"] == invoice and "Timeout" in (d["error"] or "") for d in deliveries)

    wait_until(timed_out, what="a timed-out attempt")
    retried = inbox.wait_for(path, count=2)
    assert retried[-1].answered == 200


@pytest.mark.parametrize("signed", [True, False])
def test_same_request_id_and_body_get_the_first_answer_with_409(sandbox: str, signed: bool) -> None:
    invoice = invoice_where(lambda i: SHAPES.doku_replay_signed(i) == signed)
    body = json.dumps(order_body(invoice, "https://shop.example/notify")).encode()
    request_id = str(uuid.uuid4())
    first = create(sandbox, body, request_id=request_id)
    again = create(sandbox, body, request_id=request_id)

    assert first.status_code == 200
    assert again.status_code == 409
    assert again.content == first.content
    if signed:
        assert_signed_answer(again, CREATE)
    else:  # DOKU does not say whether a replay is signed: clients must cope with both
        assert "Signature" not in again.headers

    other = json.dumps(order_body(new_invoice(), "https://shop.example/notify")).encode()
    reused = create(sandbox, other, request_id=request_id)
    assert reused.status_code == 400
    assert reused.json()["error"]["code"] == "invalid_request_id"


def test_a_second_order_with_the_same_invoice_is_refused(sandbox: str) -> None:
    invoice = new_invoice()
    assert create(sandbox, order_body(invoice, "https://shop.example/notify")).status_code == 200
    duplicate = create(sandbox, order_body(invoice, "https://shop.example/notify"))

    assert duplicate.status_code == 400
    error = duplicate.json()["error"]
    assert error["code"] == "duplicate_invoice_number"
    assert invoice in error["message"]
    assert_signed_answer(duplicate, CREATE)


def test_line_items_that_do_not_add_up_to_the_amount_are_refused(sandbox: str) -> None:
    answer = create(sandbox, order_body(new_invoice(), "https://shop.example/n", amount=9001))
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error == {
        "code": "invalid_parameter",
        "message": "order.line_items add up to 9000 (price × quantity) but order.amount is 9001",
        "type": "invalid_request_error",
    }


def test_an_order_without_line_items_is_accepted(sandbox: str) -> None:
    body = order_body(new_invoice(), "https://shop.example/n")
    del body["order"]["line_items"]
    answer = create(sandbox, body)
    assert answer.status_code == 200
    assert "line_items" not in answer.json()["order"]


def test_a_bad_signature_is_refused_with_401(sandbox: str) -> None:
    raw = json.dumps(order_body(new_invoice(), "https://shop.example/n")).encode()
    headers = doku_headers(CONFIG, CREATE, raw)
    tampered = raw.replace(b"9000", b"9100", 1)
    answer = httpx.post(sandbox + CREATE, content=tampered, headers=headers)
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "invalid_signature"
    assert "Request-Target /dokuwallet-emoney/v1/payment" in answer.json()["error"]["message"]

    wrong_key = SandboxConfig(doku_secret_key="not-the-secret")
    assert create(sandbox, raw, config=wrong_key).status_code == 401
    wrong_target = doku_headers(CONFIG, "/dokuwallet-emoney/v1/payment/", raw)
    assert httpx.post(sandbox + CREATE, content=raw, headers=wrong_target).status_code == 401


def test_an_unknown_client_id_is_refused(sandbox: str) -> None:
    stranger = SandboxConfig(doku_client_id="MCH-STRANGER-0001")
    answer = create(sandbox, order_body(new_invoice(), "https://shop.example/n"), config=stranger)
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "invalid_client_id"
    assert "Signature" not in answer.headers


def test_a_request_timestamp_outside_the_allowed_skew_is_refused(sandbox: str) -> None:
    raw = json.dumps(order_body(new_invoice(), "https://shop.example/n")).encode()
    stale = utc_timestamp(datetime.now(UTC) - timedelta(minutes=10))
    headers = doku_headers(CONFIG, CREATE, raw, timestamp=stale)
    answer = httpx.post(sandbox + CREATE, content=raw, headers=headers)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "invalid_timestamp"


@pytest.mark.parametrize("form", ["404", "empty"])
def test_status_of_an_unknown_invoice_comes_in_both_not_found_forms(
    sandbox: str, form: str
) -> None:
    invoice = SHAPES.pick("INV-never-created-", lambda i: SHAPES.doku_not_found_form(i) == form)
    answer = status(sandbox, invoice)
    if form == "404":
        assert answer.status_code == 404
        assert answer.json() == {
            "error": {
                "code": "invoice_not_found",
                "message": f"invoice {invoice} not found",
                "type": "invalid_request_error",
            }
        }
    else:  # neither error nor transaction
        assert answer.status_code == 200
        assert answer.json() == {"order": {"invoice_number": invoice}}
    assert_signed_answer(answer, f"/orders/v1/status/{invoice}")


def test_status_signed_with_a_digest_line_is_refused(sandbox: str) -> None:
    invoice = new_invoice()
    create(sandbox, order_body(invoice, "https://shop.example/n"))
    path = f"/orders/v1/status/{invoice}"
    answer = httpx.get(sandbox + path, headers=doku_headers(CONFIG, path, b""))
    assert answer.status_code == 401


def test_an_answer_lost_to_a_timeout_is_recovered_by_status_and_replay(sandbox: str) -> None:
    delay = httpx.post(f"{sandbox}/_sandbox/delay", json={"path": CREATE, "seconds": 1.0})
    assert delay.status_code == 200
    invoice = new_invoice()
    raw = json.dumps(order_body(invoice, "https://shop.example/n")).encode()
    request_id = str(uuid.uuid4())
    with pytest.raises(httpx.ReadTimeout):
        create(sandbox, raw, request_id=request_id, timeout=0.3)

    pending = status(sandbox, invoice).json()["transaction"]["status"]
    assert pending == SHAPES.doku_pending_word(invoice)
    replay = create(sandbox, raw, request_id=request_id)
    assert replay.status_code == 409
    assert replay.json()["order"]["invoice_number"] == invoice


def test_auto_redirect_sends_the_customer_to_the_success_url(sandbox: str) -> None:
    invoice = new_invoice()
    body = order_body(
        invoice,
        "https://shop.example/n",
        auto_redirect=True,
        success_url="https://shop.example/thanks",
        failed_url="https://shop.example/sorry",
    )
    page_url = create(sandbox, body).json()["doku_wallet_payment_page"]["url"]
    httpx.post(f"{sandbox}/_sandbox/pay/{invoice}")

    page = httpx.get(page_url)
    assert "Payment successful" in page.text
    assert 'content="2;url=https://shop.example/thanks"' in page.text


def test_an_unknown_payment_page_is_404(sandbox: str) -> None:
    answer = httpx.get(sandbox + "/wallauth/jokultransaction?sessionId=nope")
    assert answer.status_code == 404
    assert "not valid" in answer.text


@pytest.mark.parametrize(("pending", "expired"), [("PENDING", "TIMEOUT"), ("TIMEOUT", "FAILED")])
def test_unpaid_orders_expire_and_can_no_longer_be_paid(pending: str, expired: str) -> None:
    config = SandboxConfig(order_expiry=0.3)
    with running_sandbox(config) as (url, _):
        invoice = invoice_where(
            lambda i: (
                (SHAPES.doku_pending_word(i), SHAPES.doku_expired_word(i)) == (pending, expired)
            )
        )
        created = create(url, order_body(invoice, "https://shop.example/n"), config=config)
        page_url = created.json()["doku_wallet_payment_page"]["url"]
        assert status(url, invoice, config).json()["transaction"]["status"] == pending

        # An unpaid DOKU Wallet order ends TIMEOUT or FAILED: e-money has no EXPIRED.
        wait_until(
            lambda: status(url, invoice, config).json()["transaction"]["status"] == expired,
            what="expiry",
        )
        assert httpx.get(f"{url}/_sandbox/orders").json()["orders"][0]["state"] == "expired"
        assert "Payment expired" in httpx.get(page_url).text
        assert httpx.post(f"{url}/_sandbox/pay/{invoice}").status_code == 409


def test_auto_pay_pays_an_order_by_itself() -> None:
    config = SandboxConfig(auto_pay=0.05, retry_scale=0.00005)
    with running_sandbox(config) as (url, _), running_receiver() as (receiver_url, inbox):
        invoice, path = new_invoice(), notify_path()
        create(url, order_body(invoice, receiver_url + path), config=config)
        (received,) = inbox.wait_for(path)
        assert json.loads(received.body)["transaction"]["status"] == "SUCCESS"
