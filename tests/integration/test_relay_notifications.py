"""Provider notifications into a real relay on loopback: what is refused, stored, and delivered."""

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pos_app.payments.doku.signing import doku_signature
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.relay import cli
from pos_app.relay.client import RelayClient
from pos_app.relay.embedded import EmbeddedRelay, start_relay
from pos_app.relay.testing import (
    DOKU_SECRET_KEY,
    ECOMMPAY_SECRET_KEY,
    relay_config,
    signed_doku_notification,
    signed_ecommpay_callback,
)

DOKU = "/doku/notifications"
ECOMMPAY = "/ecommpay/callbacks"


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[EmbeddedRelay]:
    with start_relay(relay_config(tmp_path / "relay.db")) as running:
        yield running


@pytest.fixture
def till(relay: EmbeddedRelay) -> Iterator[RelayClient]:
    with RelayClient(relay.url, relay.add_terminal("till-1")) as client:
        yield client


def post(relay: EmbeddedRelay, path: str, body: bytes, headers: dict[str, str] | None = None):
    return httpx.post(relay.url + path, content=body, headers=headers or {})


def delivered(client: RelayClient) -> list[tuple[str, str]]:
    events, _ = client.fetch_events(0)
    return [(event.invoice_number, event.status) for event in events]


def test_a_signed_notification_is_acknowledged_and_reaches_the_registering_terminal(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    till.register_payment("INV-1", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(invoice_number="INV-1", amount=15_000)

    answer = post(relay, DOKU, body, headers)

    assert answer.status_code == 200
    assert answer.json()["duplicate"] is False
    events, cursor = till.fetch_events(0)
    assert [(e.invoice_number, e.status, e.cursor) for e in events] == [
        ("INV-1", PaymentStatus.PAID, cursor)
    ]
    assert events[0].payload["order"]["amount"] == 15_000


def test_a_forged_notification_is_refused_logged_without_secrets_and_never_delivered(
    relay: EmbeddedRelay, till: RelayClient, caplog: pytest.LogCaptureFixture
) -> None:
    till.register_payment("INV-1", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(
        invoice_number="INV-1", amount=15_000, secret_key="not-the-shop-key"
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
    till.register_payment("INV-1", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(invoice_number="INV-1", amount=15_000)
    del headers["Signature"]

    answer = post(relay, DOKU, body, headers)

    assert answer.status_code == 401
    assert "Signature" in answer.json()["error"]
    assert delivered(till) == []


def test_a_body_altered_after_signing_is_refused(relay: EmbeddedRelay, till: RelayClient) -> None:
    till.register_payment("INV-1", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(invoice_number="INV-1", amount=15_000, status="FAILED")

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
            invoice_number="INV-1", amount=1_000, request_target=public
        )
        signed_for_local = signed_doku_notification(
            invoice_number="INV-2", amount=1_000, request_target=DOKU
        )
        # A reverse proxy forwards the public path to the relay's own route...
        assert post(relay, DOKU, signed_for_public[1], signed_for_public[0]).status_code == 200
        assert post(relay, DOKU, signed_for_local[1], signed_for_local[0]).status_code == 401
        # ...or DOKU reaches the relay directly on the public path.
        again = signed_doku_notification(
            invoice_number="INV-3", amount=1_000, request_target=public
        )
        assert post(relay, public, again[1], again[0]).status_code == 200


def test_a_redelivered_notification_is_stored_once_and_acknowledged_again(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    till.register_payment("INV-1", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(invoice_number="INV-1", amount=15_000)
    # DOKU's retry may carry a new Request-Id and timestamp over the same body.
    retry_headers, retry_body = signed_doku_notification(invoice_number="INV-1", amount=15_000)
    assert retry_body == body and retry_headers["Request-Id"] != headers["Request-Id"]

    first = post(relay, DOKU, body, headers)
    second = post(relay, DOKU, body, headers)
    third = post(relay, DOKU, retry_body, retry_headers)

    assert [a.status_code for a in (first, second, third)] == [200, 200, 200]
    assert [a.json()["duplicate"] for a in (first, second, third)] == [False, True, True]
    assert delivered(till) == [("INV-1", "paid")]


def test_events_of_one_payment_keep_their_order_and_a_stale_one_does_not_undo_paid(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    till.register_payment("INV-1", ProviderName.DOKU, 15_000)
    for status, date in (("SUCCESS", "2024-05-01T08:05:00Z"), ("PENDING", "2024-05-01T08:00:00Z")):
        headers, body = signed_doku_notification(
            invoice_number="INV-1", amount=15_000, status=status, date=date
        )
        assert post(relay, DOKU, body, headers).status_code == 200

    events, _ = till.fetch_events(0)

    assert [e.status for e in events] == [PaymentStatus.PAID, PaymentStatus.PENDING]
    assert events[0].cursor < events[1].cursor
    assert till.payment_status("INV-1").status is PaymentStatus.PAID


def test_an_oversized_notification_is_refused_whether_announced_or_streamed(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    till.register_payment("INV-1", ProviderName.DOKU, 15_000)
    headers, body = signed_doku_notification(invoice_number="INV-1", amount=15_000)
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


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"[1, 2]", b'{"order": {"amount": 1000}, "transaction": {"status": "SUCCESS"}}'],
    ids=["not-json", "not-an-object", "no-invoice"],
)
def test_a_malformed_but_signed_notification_gets_400(relay: EmbeddedRelay, body: bytes) -> None:
    headers, _ = signed_doku_notification(invoice_number="X", amount=1)
    headers["Signature"] = doku_signature(
        client_id=headers["Client-Id"],
        request_id=headers["Request-Id"],
        timestamp=headers["Request-Timestamp"],
        request_target=DOKU,
        secret_key=DOKU_SECRET_KEY,
        body=body,
    )

    answer = post(relay, DOKU, body, headers)

    assert answer.status_code == 400
    assert answer.json()["error"]


def test_ecommpay_callbacks_are_verified_and_delivered_under_the_registered_product(
    relay: EmbeddedRelay, till: RelayClient
) -> None:
    till.register_payment("EP-1", ProviderName.ECOMMPAY_PAGE, 1_000)
    body = signed_ecommpay_callback(payment_id="EP-1", amount=1_000)
    forged = signed_ecommpay_callback(payment_id="EP-1", amount=1_000, secret_key="wrong")

    assert post(relay, ECOMMPAY, forged).status_code in (400, 401)
    assert post(relay, ECOMMPAY, b"{nope").status_code == 400
    assert post(relay, ECOMMPAY, body).status_code == 200
    assert post(relay, ECOMMPAY, body).json()["duplicate"] is True

    events, _ = till.fetch_events(0)
    assert [(e.invoice_number, e.provider, e.status) for e in events] == [
        ("EP-1", ProviderName.ECOMMPAY_PAGE, PaymentStatus.PAID)
    ]
    assert ECOMMPAY_SECRET_KEY not in json.dumps(dict(events[0].payload))


def test_an_orphan_is_acknowledged_listed_and_handed_over_when_its_invoice_is_registered(
    relay: EmbeddedRelay, till: RelayClient, capsys: pytest.CaptureFixture[str]
) -> None:
    till.register_payment("INV-OLD", ProviderName.DOKU, 2_000)
    old_headers, old_body = signed_doku_notification(invoice_number="INV-OLD", amount=2_000)
    assert post(relay, DOKU, old_body, old_headers).status_code == 200
    _, cursor = till.fetch_events(0)
    headers, body = signed_doku_notification(invoice_number="INV-LATE", amount=9_000)

    assert post(relay, DOKU, body, headers).status_code == 200
    assert cli.main(["orphans", "--db", str(relay.storage.path)]) == 0
    listing = capsys.readouterr().out
    assert "INV-LATE" in listing and "paid" in listing and "INV-OLD" not in listing

    till.register_payment("INV-LATE", ProviderName.DOKU, 9_000)
    events, _ = till.fetch_events(cursor)
    assert [(e.invoice_number, e.status) for e in events] == [("INV-LATE", "paid")]
    assert events[0].cursor > cursor
    assert cli.main(["orphans", "--db", str(relay.storage.path)]) == 0
    assert "No orphan notifications" in capsys.readouterr().out


def test_a_provider_that_is_not_configured_is_not_accepted(tmp_path: Path) -> None:
    config = relay_config(tmp_path / "relay.db", ecommpay_project_id=None, ecommpay_secret_key="")
    with start_relay(config) as relay:
        answer = post(relay, ECOMMPAY, signed_ecommpay_callback(payment_id="EP-1", amount=1_000))
    assert answer.status_code == 404
    assert "not configured" in answer.json()["error"]
