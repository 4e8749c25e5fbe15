"""Provider notifications into a real relay on loopback: what is refused, stored, and delivered."""

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.commands import relay_service
from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.money import to_minor_units
from pos_app.payments.doku.client import DokuClient
from pos_app.payments.doku.provider import DokuWalletProvider
from pos_app.payments.ecommpay.signing import ecommpay_signature
from pos_app.payments.model import AttemptState, PaymentStatus, ProviderName, RelayPosition
from pos_app.sandbox import SandboxConfig
from pos_app.sandbox.shapes import DOKU_AMOUNT_FORMS, Shapes
from pos_app.store.payment_records import EventSource
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from tests.harness.relay_process import (
    DOKU_CLIENT_ID,
    DOKU_SECRET_KEY,
    ECOMMPAY_PROJECT_ID,
    ECOMMPAY_SECRET_KEY,
    database_option,
    relay_config,
    signed_doku_notification,
    signed_ecommpay_callback,
    wait_until,
)
from tests.harness.relay_process import signed_doku_body as signed_doku
from tests.harness.sandbox_process import running_sandbox

DOKU = "/doku/notifications"
ECOMMPAY = "/ecommpay/callbacks"


@pytest.fixture
def relay(relay_database: Path | str) -> Iterator[EmbeddedRelay]:
    with start_relay(relay_config(relay_database)) as running:
        yield running


@pytest.fixture
def till(relay: EmbeddedRelay) -> Iterator[RelayClient]:
    with RelayClient(relay.url, relay.add_terminal("T1")) as client:
        yield client


def post(relay: EmbeddedRelay, path: str, body: bytes, headers: dict[str, str] | None = None):
    return httpx.post(relay.url + path, content=body, headers=headers or {})


def delivered(client: RelayClient) -> list[tuple[str, str]]:
    events, _ = client.fetch(RelayPosition())
    return [(event.invoice_number, event.status) for event in events]


def test_a_signed_notification_is_acknowledged_and_reaches_the_registering_terminal(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(invoice_number="KSR-T1-20240501-000001", amount=15_000)

    answer = post(relay, DOKU, body, headers)

    assert answer.status_code == 200
    assert answer.json()["duplicate"] is False
    events, position = till.fetch(RelayPosition())
    assert [(e.invoice_number, e.status, e.cursor) for e in events] == [
        ("KSR-T1-20240501-000001", PaymentStatus.PAID, position.cursor)
    ]
    assert events[0].payload["order"]["amount"] == 15_000


def test_a_forged_notification_is_refused_logged_without_secrets_and_never_delivered(
    relay: EmbeddedRelay, till: RelayClient, caplog: pytest.LogCaptureFixture
) -> None:
    till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(
        invoice_number="KSR-T1-20240501-000001", amount=15_000, secret_key="not-the-shop-key"
    )

    with caplog.at_level(logging.WARNING, logger="pos_app.relay"):
        answer = post(relay, DOKU, body, headers)

    assert answer.status_code == 401
    assert delivered(till) == []
    assert "refused (401)" in caplog.text
    assert DOKU_SECRET_KEY not in caplog.text
    assert headers["Signature"] not in caplog.text
    assert DOKU_SECRET_KEY not in answer.text


def test_an_unsigned_notification_is_refused(relay: EmbeddedRelay, till: RelayClient) -> None:
    till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(invoice_number="KSR-T1-20240501-000001", amount=15_000)
    del headers["Signature"]

    answer = post(relay, DOKU, body, headers)

    assert answer.status_code == 401
    assert "Signature" in answer.json()["error"]
    assert delivered(till) == []


def test_a_body_altered_after_signing_is_refused(relay: EmbeddedRelay, till: RelayClient) -> None:
    till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(
        invoice_number="KSR-T1-20240501-000001", amount=15_000, status="FAILED"
    )

    answer = post(relay, DOKU, body.replace(b"FAILED", b"SUCCESS"), headers)

    assert answer.status_code == 401
    assert delivered(till) == []


def test_the_signature_is_checked_against_the_public_path_not_the_local_route(
    tmp_path: Path,
) -> None:
    public = "/shop/kasir/doku/notifications"
    config = relay_config(tmp_path / "relay.db", doku_notification_path=public)
    with start_relay(config) as relay:
        signed_for_public = signed_doku_notification(
            invoice_number="KSR-T1-20240501-000001", amount=1_000, request_target=public
        )
        signed_for_local = signed_doku_notification(
            invoice_number="KSR-T1-20240501-000002", amount=1_000, request_target=DOKU
        )
        # A reverse proxy forwards the public path to the relay's own route...
        assert post(relay, DOKU, signed_for_public[1], signed_for_public[0]).status_code == 200
        assert post(relay, DOKU, signed_for_local[1], signed_for_local[0]).status_code == 401
        # ...or DOKU reaches the relay directly on the public path.
        again = signed_doku_notification(
            invoice_number="KSR-T1-20240501-000003", amount=1_000, request_target=public
        )
        assert post(relay, public, again[1], again[0]).status_code == 200


def test_a_redelivered_notification_is_stored_once_and_acknowledged_again(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(invoice_number="KSR-T1-20240501-000001", amount=15_000)
    # DOKU's retry may carry a new Request-Id and timestamp over the same body.
    retry_headers, retry_body = signed_doku_notification(
        invoice_number="KSR-T1-20240501-000001", amount=15_000
    )
    assert retry_body == body and retry_headers["Request-Id"] != headers["Request-Id"]

    first = post(relay, DOKU, body, headers)
    second = post(relay, DOKU, body, headers)
    third = post(relay, DOKU, retry_body, retry_headers)

    assert [a.status_code for a in (first, second, third)] == [200, 200, 200]
    assert [a.json()["duplicate"] for a in (first, second, third)] == [False, True, True]
    assert delivered(till) == [("KSR-T1-20240501-000001", "paid")]


def test_events_of_one_payment_keep_their_order_and_a_stale_one_does_not_undo_paid(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 15_000)
    for status, date in (("SUCCESS", "2024-05-01T08:05:00Z"), ("PENDING", "2024-05-01T08:00:00Z")):
        headers, body = signed_doku_notification(
            invoice_number="KSR-T1-20240501-000001", amount=15_000, status=status, date=date
        )
        assert post(relay, DOKU, body, headers).status_code == 200

    events, _ = till.fetch(RelayPosition())

    assert [e.status for e in events] == [PaymentStatus.PAID, PaymentStatus.PENDING]
    assert events[0].cursor < events[1].cursor
    assert till.payment_status("KSR-T1-20240501-000001").status is PaymentStatus.PAID


def test_an_oversized_notification_is_refused_whether_announced_or_streamed(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(invoice_number="KSR-T1-20240501-000001", amount=15_000)
    huge = body[:-1] + b',"padding":"' + b"x" * 70_000 + b'"}'

    announced = post(relay, DOKU, huge, headers)
    streamed = httpx.post(
        relay.url + DOKU,
        content=(huge[i : i + 8192] for i in range(0, len(huge), 8192)),
        headers=headers,
    )

    assert announced.status_code == 413
    assert streamed.status_code == 413
    assert delivered(till) == []


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]"], ids=["not-json", "not-an-object"])
def test_a_signed_body_that_is_no_notification_gets_400(relay: EmbeddedRelay, body: bytes) -> None:
    answer = post(relay, DOKU, body, signed_doku(body))

    assert answer.status_code == 400
    assert answer.json()["error"]


def test_a_signed_notification_kasir_cannot_read_is_stored_apart_and_acknowledged(
    relay: EmbeddedRelay, till: RelayClient, capsys: pytest.CaptureFixture[str]
) -> None:
    """Refused, DOKU would send it three times and then never: it is kept, applied to no
    payment (its money cannot be read), and a repeat is the same one. Its invoice's till gets it
    with why, to list for the manager (the customer may have paid); one naming no invoice is the
    operator's."""
    invoice = "KSR-T1-20240501-000040"
    till.register_payment(invoice, ProviderName.DOKU, 1_000)
    unreadable = {
        "order": {"invoice_number": invoice, "amount": "seribu"},
        "transaction": {"status": "SUCCESS"},
    }
    no_invoice = {"order": {"amount": 1000}, "transaction": {"status": "SUCCESS"}}
    answers = [
        post(relay, DOKU, body, signed_doku(body))
        for body in (json.dumps(unreadable).encode(), json.dumps(no_invoice).encode())
        for _ in range(2)
    ]

    assert [(a.status_code, a.json()["duplicate"]) for a in answers] == [
        (200, False),
        (200, True),
        (200, False),
        (200, True),
    ]
    [event] = till.fetch(RelayPosition())[0]
    assert (event.invoice_number, event.status) == (invoice, PaymentStatus.PENDING)
    assert event.unreadable is not None and "order.amount" in event.unreadable
    assert relay_service.main(["orphans", *database_option(relay.storage.database)]) == 0
    listing = capsys.readouterr().out
    assert listing.count("kept apart: signed, but Kasir cannot read it: DOKU ") == 1
    assert invoice not in listing


def test_a_signed_callback_kasir_cannot_read_is_stored_apart_and_acknowledged(
    relay: EmbeddedRelay, till: RelayClient, capsys: pytest.CaptureFixture[str]
) -> None:
    """An amount in a shape ecommpay's SDKs never show (a decimal string): refused, ecommpay
    would retry it for 11 days and then drop it."""
    invoice = "KSR-T1-20240501-000041"
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, 6_000)
    payload = json.loads(signed_ecommpay_callback(payment_id=invoice, amount=6_000))
    del payload["signature"]
    payload["payment"]["sum"]["amount"] = "600000.00"
    payload["signature"] = ecommpay_signature(payload, ECOMMPAY_SECRET_KEY)

    answer = post(relay, ECOMMPAY, json.dumps(payload).encode())

    assert (answer.status_code, answer.json()["duplicate"]) == (200, False)
    [event] = till.fetch(RelayPosition())[0]
    assert event.invoice_number == invoice
    assert event.unreadable is not None
    assert "payment.sum.amount must be a whole number" in event.unreadable
    assert relay_service.main(["orphans", *database_option(relay.storage.database)]) == 0
    assert invoice not in capsys.readouterr().out


def test_a_callback_whose_redirect_cannot_be_used_still_brings_its_payment(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    invoice = "KSR-T1-20240501-000042"
    till.register_payment(invoice, ProviderName.ECOMMPAY_GATE, 6_000)
    body = signed_ecommpay_callback(
        payment_id=invoice, amount=6_000, redirect_data={"method": "PUT", "url": "ftp://x"}
    )

    assert post(relay, ECOMMPAY, body).status_code == 200
    assert delivered(till) == [(invoice, PaymentStatus.PAID)]


def test_a_signed_invoice_number_with_a_nul_character_gets_400_and_the_relay_serves_on(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    """PostgreSQL's text cannot hold NUL: refused before the database, on either engine."""
    headers, body = signed_doku_notification(invoice_number="KSR-T1-\x00", amount=1_000)

    answer = post(relay, DOKU, body, headers)

    assert answer.status_code == 400
    assert "NUL" in answer.json()["error"]
    till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 1_000)
    headers, body = signed_doku_notification(invoice_number="KSR-T1-20240501-000001", amount=1_000)
    assert post(relay, DOKU, body, headers).status_code == 200
    assert delivered(till) == [("KSR-T1-20240501-000001", PaymentStatus.PAID)]


def test_ecommpay_callbacks_are_verified_and_delivered_under_the_registered_product(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    till.register_payment("KSR-T1-20240501-000020", ProviderName.ECOMMPAY_PAGE, 1_000)
    body = signed_ecommpay_callback(payment_id="KSR-T1-20240501-000020", amount=1_000)
    forged = signed_ecommpay_callback(
        payment_id="KSR-T1-20240501-000020", amount=1_000, secret_key="wrong"
    )

    assert post(relay, ECOMMPAY, forged).status_code in (400, 401)
    assert post(relay, ECOMMPAY, b"{nope").status_code == 400
    assert post(relay, ECOMMPAY, body).status_code == 200
    assert post(relay, ECOMMPAY, body).json()["duplicate"] is True

    events, _ = till.fetch(RelayPosition())
    assert [(e.invoice_number, e.provider, e.status) for e in events] == [
        ("KSR-T1-20240501-000020", ProviderName.ECOMMPAY_PAGE, PaymentStatus.PAID)
    ]
    assert ECOMMPAY_SECRET_KEY not in json.dumps(dict(events[0].payload))


def test_an_orphan_is_acknowledged_listed_and_handed_over_when_its_invoice_is_registered(
    relay: EmbeddedRelay, till: RelayClient, capsys: pytest.CaptureFixture[str]
) -> None:
    till.register_payment("KSR-T1-20240501-000010", ProviderName.DOKU, 2_000)
    old_headers, old_body = signed_doku_notification(
        invoice_number="KSR-T1-20240501-000010", amount=2_000
    )
    assert post(relay, DOKU, old_body, old_headers).status_code == 200
    _, position = till.fetch(RelayPosition())
    headers, body = signed_doku_notification(invoice_number="KSR-T1-20240501-000011", amount=9_000)

    assert post(relay, DOKU, body, headers).status_code == 200
    assert relay_service.main(["orphans", *database_option(relay.storage.database)]) == 0
    listing = capsys.readouterr().out
    assert "KSR-T1-20240501-000011  paid  Rp 9.000" in listing
    assert "KSR-T1-20240501-000010" not in listing

    till.register_payment("KSR-T1-20240501-000011", ProviderName.DOKU, 9_000)
    events, _ = till.fetch(position)
    assert [(e.invoice_number, e.status) for e in events] == [("KSR-T1-20240501-000011", "paid")]
    assert events[0].cursor > position.cursor
    assert relay_service.main(["orphans", *database_option(relay.storage.database)]) == 0
    assert "No orphan notifications" in capsys.readouterr().out


def test_a_provider_that_is_not_configured_is_not_accepted(tmp_path: Path) -> None:
    config = relay_config(tmp_path / "relay.db", ecommpay_project_id=None, ecommpay_secret_key="")
    with start_relay(config) as relay:
        answer = post(
            relay,
            ECOMMPAY,
            signed_ecommpay_callback(payment_id="KSR-T1-20240501-000020", amount=1_000),
        )
    assert answer.status_code == 404
    assert "not configured" in answer.json()["error"]


def test_a_callback_resent_with_what_the_signature_cannot_see_is_the_same_event(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    invoice = "KSR-T1-20240501-000030"
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, 1_000)
    body = signed_ecommpay_callback(payment_id=invoice, amount=1_000)
    padded = json.loads(body)
    padded["x"] = {}
    padded["payment"]["extra"] = []  # invisible to the signature, like "x"
    padded["project_id"] = str(padded["project_id"])  # signed as the same text

    first = post(relay, ECOMMPAY, body)
    again = post(relay, ECOMMPAY, json.dumps(padded).encode())

    assert first.status_code == again.status_code == 200
    assert (first.json()["duplicate"], again.json()["duplicate"]) == (False, True)
    events, _ = till.fetch(RelayPosition())
    assert len(events) == 1
    payload = dict(events[0].payload)
    assert "signature" not in payload and "x" not in payload  # only what is signed is stored
    assert payload["payment"]["id"] == invoice


def test_the_gate_form_carries_only_signed_fields(relay: EmbeddedRelay, till: RelayClient) -> None:
    invoice = "KSR-T1-20240501-000031"
    page_url = till.register_payment(invoice, ProviderName.ECOMMPAY_GATE, 1_000)
    assert page_url is not None
    redirect = {"method": "POST", "url": "https://pay.test/form", "body": {"A": "1", "B": {}}}
    body = signed_ecommpay_callback(
        payment_id=invoice, amount=1_000, status="awaiting redirect result", redirect_data=redirect
    )

    assert post(relay, ECOMMPAY, body).status_code == 200

    page = httpx.get(page_url).text
    assert 'name="A" value="1"' in page and 'name="B"' not in page


def test_amounts_and_currencies_are_handed_out_beside_the_registered_amount(
    relay: EmbeddedRelay, till: RelayClient, capsys: pytest.CaptureFixture[str]
) -> None:
    right, short, dollars = (f"KSR-T1-20240501-00004{n}" for n in range(3))
    for invoice in (right, short, dollars):
        till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, 75_000)
    for invoice, amount, currency in (
        (right, 75_000, "IDR"),
        (short, 1, "IDR"),
        (dollars, 75_000, "USD"),
    ):
        body = signed_ecommpay_callback(payment_id=invoice, amount=amount, currency=currency)
        assert post(relay, ECOMMPAY, body).status_code == 200

    events, _ = till.fetch(RelayPosition())
    views = {invoice: till.payment_status(invoice) for invoice in (right, short, dollars)}

    assert [(e.invoice_number, e.amount, e.currency) for e in events] == [
        (right, 75_000, "IDR"),
        (short, 1, "IDR"),
        (dollars, 7_500_000, "USD/minor"),  # minor units, and said so: never a sale's
    ]
    assert (views[right].amount, views[right].paid_amount, views[right].amount_differs) == (
        75_000,
        75_000,
        False,
    )
    assert (views[short].amount, views[short].paid_amount, views[short].amount_differs) == (
        75_000,
        1,
        True,
    )
    assert views[dollars].paid_currency == "USD/minor" and views[dollars].amount_differs
    assert relay_service.main(["status", *database_option(relay.storage.database)]) == 0
    assert "2 of them paid with another amount or currency" in capsys.readouterr().out


def test_a_callback_for_another_ecommpay_project_is_stored_acknowledged_and_kept_apart(
    relay: EmbeddedRelay,
    till: RelayClient,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    registered, later = "KSR-T1-20240501-000050", "KSR-T1-20240501-000051"
    till.register_payment(registered, ProviderName.ECOMMPAY_PAGE, 5_000)
    with caplog.at_level(logging.WARNING, logger="pos_app.relay"):
        for invoice in (registered, later):
            body = signed_ecommpay_callback(payment_id=invoice, amount=5_000, project_id=999)
            assert post(relay, ECOMMPAY, body).status_code == 200
    till.register_payment(later, ProviderName.ECOMMPAY_PAGE, 5_000)  # nothing to adopt

    assert till.fetch(RelayPosition())[0] == []
    assert till.payment_status(registered).status is PaymentStatus.PENDING
    assert relay_service.main(["orphans", *database_option(relay.storage.database)]) == 0
    listing = capsys.readouterr().out
    assert f"{registered}  paid  Rp 5.000 (registered Rp 5.000)" in listing
    assert "kept apart: for ecommpay project 999, not this relay's 238" in listing
    assert listing.count("kept apart") == 2
    assert "kept apart" in caplog.text


def test_a_callback_for_a_project_id_with_a_nul_is_stored_and_kept_apart_on_either_engine(
    relay: EmbeddedRelay, till: RelayClient, capsys: pytest.CaptureFixture[str]
) -> None:
    """The project id is quoted in why the event is kept apart: with its NUL as sent,
    PostgreSQL refused the write and ecommpay's retries got 503 for days."""
    invoice = "KSR-T1-20240501-000052"
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, 5_000)
    body = signed_ecommpay_callback(payment_id=invoice, amount=5_000, project_id="238\x00")  # type: ignore[arg-type]

    assert post(relay, ECOMMPAY, body).status_code == 200

    assert till.fetch(RelayPosition())[0] == []
    assert relay_service.main(["orphans", *database_option(relay.storage.database)]) == 0
    assert (
        "kept apart: for ecommpay project '238\\x00', not this relay's 238"
        in capsys.readouterr().out
    )


def test_a_path_holding_a_nul_is_not_found_on_either_engine(
    relay: EmbeddedRelay, caplog: pytest.LogCaptureFixture
) -> None:
    """PostgreSQL's text cannot hold NUL: asked with one, the database failed and the relay
    answered 503 to anyone, its public page too."""
    invoice, token = "KSR-T2-20240501-000053", relay.add_terminal("T2")
    with RelayClient(relay.url, token) as till:
        till.register_payment(invoice, ProviderName.DOKU, 5_000)
    with caplog.at_level(logging.WARNING, logger="pos_app.relay"):
        page = httpx.get(relay.url + "/r/abc%00def")
        status = httpx.get(
            f"{relay.url}/v1/payments/{invoice}%00", headers={"Authorization": f"Bearer {token}"}
        )

    assert (page.status_code, status.status_code) == (404, 404), (page.text, status.text)
    assert caplog.text == ""


def test_an_unknown_ecommpay_status_is_stored_acknowledged_pending_and_logged(
    relay: EmbeddedRelay, till: RelayClient, caplog: pytest.LogCaptureFixture
) -> None:
    invoice = "KSR-T1-20240501-000060"
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, 5_000)
    body = signed_ecommpay_callback(payment_id=invoice, amount=5_000, status="quantum settled")

    with caplog.at_level(logging.WARNING, logger="pos_app.relay"):
        answer = post(relay, ECOMMPAY, body)

    assert answer.status_code == 200
    assert delivered(till) == [(invoice, "pending")]
    assert "'quantum settled', which Kasir does not know" in caplog.text


def test_a_partial_refund_callback_reaches_the_till_as_a_balance(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    """The till must tell ecommpay's balance after a partial refund from a payment of another
    amount: the first is money that went back, the second money no sale took."""
    invoice = "KSR-T1-20240501-000021"
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, 10_000)
    for status, amount, operation in (("partially refunded", 7_000, 1), ("success", 10_000, 2)):
        body = signed_ecommpay_callback(
            payment_id=invoice, amount=amount, status=status, operation_id=operation
        )
        assert post(relay, ECOMMPAY, body).status_code == 200

    events, _ = till.fetch(RelayPosition())

    assert [(e.status, e.amount, e.balance) for e in events] == [
        (PaymentStatus.PAID, 7_000, True),
        (PaymentStatus.PAID, 10_000, False),
    ]


def test_a_signed_callback_about_no_payment_is_stored_acknowledged_and_kept_apart(
    relay: EmbeddedRelay,
    till: RelayClient,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The SDKs' other callback formats (paymentpage-sdk-php, tests/data/callbackFormats.php):
    a token request's result names no payment. Refused, ecommpay would send it for 11 days."""
    general = {"project_id": ECOMMPAY_PROJECT_ID}
    unsigned = {
        "general": general,
        "request": {"action": "tokenize", "id": "req-77", "status": "success"},
        "customer": {"id": "walk-in"},
        "token_status": "active",
        "token": "tok-1",
    }
    signature = ecommpay_signature(unsigned, ECOMMPAY_SECRET_KEY)
    body = json.dumps({**unsigned, "general": {**general, "signature": signature}}).encode()

    with caplog.at_level(logging.WARNING, logger="pos_app.relay"):
        first, again = post(relay, ECOMMPAY, body), post(relay, ECOMMPAY, body)

    assert (first.status_code, first.json()) == (200, {"status": "OK", "duplicate": False})
    assert again.json()["duplicate"] is True
    assert delivered(till) == []
    assert relay_service.main(["orphans", *database_option(relay.storage.database)]) == 0
    listing = capsys.readouterr().out
    assert "kept apart: names no payment (a token, recurring or request callback)" in listing
    assert "kept apart" in caplog.text and "does not know" not in caplog.text


def full_payment(invoice: str, rupiah: int, status: str = "success") -> dict[str, Any]:
    minor = to_minor_units(rupiah)
    return {
        "payment": {
            "id": invoice,
            "type": "purchase",
            "status": status,
            "date": "2024-05-01T08:00:00+0000",
            "method": "Doku",
            "sum": {"amount": minor, "currency": "IDR"},
            "description": "",
        },
        "operation": {
            "id": 6085000002263,
            "type": "sale",
            "status": status,
            "date": "2024-05-01T08:00:00+0000",
            "request_id": "r-1",
            "sum_initial": {"amount": minor, "currency": "IDR"},
            "code": "0",
            "message": "Success",
        },
    }


def test_full_callback_signed_in_general_with_a_text_project_id_completes(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    """paymentpage-sdk-php tests/data/callbackFormats.php, formats 1 and 6: the whole payment
    callback signed in ``general.signature``, ``project_id`` as text (the sandbox signs full
    callbacks in the top-level ``signature`` only)."""
    invoice = "KSR-T1-20240501-000101"
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, 15_000)
    payload = {"project_id": str(ECOMMPAY_PROJECT_ID), **full_payment(invoice, 15_000)}
    payload = {
        "general": {"signature": ecommpay_signature(payload, ECOMMPAY_SECRET_KEY)},
        **payload,
    }

    answer = httpx.post(relay.url + ECOMMPAY, content=json.dumps(payload).encode())

    assert answer.status_code == 200, answer.text
    events, _ = till.fetch(RelayPosition())
    assert [(e.status, e.amount, e.currency) for e in events] == [
        (PaymentStatus.PAID, 15_000, "IDR")
    ]


def test_callback_with_null_leaves_signed_as_empty_text_completes(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    """ecommpay's PHP signer turns null into "" ((string)null); the sandbox never sends a null
    (docs/sandbox.md: "no nulls, no floats")."""
    invoice = "KSR-T1-20240501-000102"
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, 15_000)
    payload = {"project_id": ECOMMPAY_PROJECT_ID, **full_payment(invoice, 15_000)}
    payload["payment"]["description"] = None
    payload["operation"]["provider"] = {"id": 1162, "payment_id": None, "auth_code": None}
    payload["account"] = {"number": "1189632633", "token": None}
    payload["signature"] = ecommpay_signature(payload, ECOMMPAY_SECRET_KEY)

    answer = httpx.post(relay.url + ECOMMPAY, content=json.dumps(payload).encode())

    assert answer.status_code == 200, answer.text
    events, _ = till.fetch(RelayPosition())
    assert [(e.status, e.amount) for e in events] == [(PaymentStatus.PAID, 15_000)]


def test_minimal_success_callback_without_sum_is_pending_news_not_paid(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    """paymentpage-sdk-php tests/data/callback.php: ``{"payment": {"id", "status":
    "success"}, "signature"}``, no sum. It must never complete a sale by itself."""
    invoice = "KSR-T1-20240501-000103"
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, 15_000)
    payload: dict[str, Any] = {"payment": {"id": invoice, "status": "success"}}
    payload["signature"] = ecommpay_signature(payload, ECOMMPAY_SECRET_KEY)

    answer = httpx.post(relay.url + ECOMMPAY, content=json.dumps(payload).encode())

    assert answer.status_code == 200, answer.text
    events, _ = till.fetch(RelayPosition())
    assert [e.status for e in events] == [PaymentStatus.PENDING]


def test_a_stale_awaiting_customer_after_success_does_not_undo_paid(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    """Retries of an earlier callback may arrive after the final one (ecommpay retries for 11
    days); the sandbox only reorders when the receiver refused the first, which the relay never
    does."""
    invoice = "KSR-T1-20240501-000104"
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, 15_000)
    for status in ("success", "awaiting customer"):
        payload = {"project_id": ECOMMPAY_PROJECT_ID, **full_payment(invoice, 15_000, status)}
        payload["signature"] = ecommpay_signature(payload, ECOMMPAY_SECRET_KEY)
        assert (
            httpx.post(relay.url + ECOMMPAY, content=json.dumps(payload).encode()).status_code
            == 200
        )

    assert till.payment_status(invoice).status is PaymentStatus.PAID


@pytest.mark.parametrize("form", DOKU_AMOUNT_FORMS)
def test_the_sandboxs_doku_notifications_pay_the_sale_once_however_often_doku_sends_them(
    relay: EmbeddedRelay, tmp_path: Path, form: str
) -> None:
    """DOKU's own notification (each form of ``order.amount``) reaches the till through the
    relay and completes the sale; the Back Office's "Manual Retry Notification" of it later
    (same body, new Request-Id) is acknowledged and changes nothing: paid once, one sale."""
    config = SandboxConfig(
        retry_scale=0.0001, doku_client_id=DOKU_CLIENT_ID, doku_secret_key=DOKU_SECRET_KEY
    )
    shapes, store = Shapes(config.shape_seed), TerminalStore(tmp_path / "kasir.db")
    lines = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 2),)
    with (
        running_sandbox(config) as (sandbox, _),
        RelayClient(relay.url, relay.add_terminal("T1")) as till,
    ):
        client = DokuClient(base_url=sandbox, client_id=DOKU_CLIENT_ID, secret_key=DOKU_SECRET_KEY)
        provider = DokuWalletProvider(client, notify_url=relay.url + DOKU)
        checkout = Checkout(store, provider, terminal_id="T1", relay=till)
        while True:  # invoice numbers are drawn in turn: take the first one with this form
            sale_id = checkout.open_sale(lines, cashier="Sari")
            invoice = checkout.start_qr_payment(sale_id).invoice_number
            if shapes.doku_amount_form(invoice) == form:
                break
            checkout.cancel_payment(invoice)

        httpx.post(f"{sandbox}/_sandbox/pay/{invoice}").raise_for_status()
        wait_until(lambda: till.poll(checkout, wait=0.5) > 0, what="the SUCCESS notification")
        httpx.post(f"{sandbox}/_sandbox/resend/{invoice}").raise_for_status()
        wait_until(
            lambda: len(httpx.get(f"{sandbox}/_sandbox/deliveries").json()["deliveries"]) >= 2,
            what="the resent notification",
        )
        assert till.poll(checkout, wait=0.5) == 0

    attempt = store.payments.get_attempt(invoice)
    assert (attempt.state, attempt.late, attempt.received) == (AttemptState.PAID, False, 7000)
    assert [e.source for e in attempt.events].count(EventSource.RELAY) == 1
    assert store.sales.get(sale_id).status is SaleStatus.COMPLETED
