"""ecommpay's words for money that moved in part: ``partially paid`` (a purchase) and
``partially paid out`` (a payout), from its WooCommerce plugin's status list
(ITECOMMPAY/woocommerce-ecommpay, ``common/helpers/EcpGatewayPaymentStatus.php``). Read as
pending, they left the part that moved in no place the shop sees: the payout pending for good,
the purchase expired and forgotten. Signed callbacks go through the real relay."""

import json
from collections.abc import Iterator
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.money import to_minor_units
from pos_app.payments.ecommpay.signing import ecommpay_signature
from pos_app.payments.model import AttemptState, PaymentRequest, ProviderName, RelayPosition
from pos_app.payments.registry import read_payout_report
from pos_app.store.payments import EventSource
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.problem_payments import ProblemKind, list_problems
from pos_app.till.refund_payouts import settle_from_report
from tests.harness.relay_process import ECOMMPAY_PROJECT_ID, ECOMMPAY_SECRET_KEY, relay_config

DAY = BusinessDay(ZoneInfo("Asia/Jakarta"), time(4, 0))
LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000
CALLBACKS = "/ecommpay/callbacks"
NOW = datetime(2026, 11, 21, 4, 0, tzinfo=UTC)


@pytest.fixture
def relay(relay_database: Path | str) -> Iterator[EmbeddedRelay]:
    with start_relay(relay_config(relay_database)) as running:
        yield running


@pytest.fixture
def till(relay: EmbeddedRelay) -> Iterator[RelayClient]:
    with RelayClient(relay.url, relay.add_terminal("T1")) as client:
        yield client


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TerminalStore]:
    store = TerminalStore(tmp_path / "kasir.db", DAY)
    yield store
    store.close()


def callback(payment_id: str, kind: str, status: str, rupiah: int) -> bytes:
    """A signed callback in ecommpay's full format (paymentpage-sdk-php
    ``tests/data/callbackFormats.php``), ``payment.sum`` the part that moved."""
    minor = to_minor_units(rupiah)
    payload: dict[str, Any] = {
        "project_id": ECOMMPAY_PROJECT_ID,
        "payment": {
            "id": payment_id,
            "type": kind,
            "status": status,
            "date": "2026-11-21T04:05:00+0000",
            "method": "Doku",
            "sum": {"amount": minor, "currency": "IDR"},
        },
        "operation": {
            "id": 6085000009001,
            "type": "payout" if kind == "payout" else "sale",
            "status": "success",
            "date": "2026-11-21T04:05:00+0000",
            "request_id": "req-1",
            "sum_initial": {"amount": minor, "currency": "IDR"},
            "code": "0",
            "message": "Success",
        },
    }
    payload["signature"] = ecommpay_signature(payload, ECOMMPAY_SECRET_KEY)
    return json.dumps(payload).encode("utf-8")


def delivered(relay: EmbeddedRelay, till: RelayClient, body: bytes) -> list[Any]:
    answer = httpx.post(relay.url + CALLBACKS, content=body)
    assert answer.status_code == 200, answer.text
    events, _ = till.fetch(RelayPosition())
    return events


def test_a_payout_paid_out_in_part_is_settled_for_that_part_and_listed(
    relay: EmbeddedRelay, till: RelayClient, store: TerminalStore
) -> None:
    payout = "RFD-T1-0123456789abcdef0123"
    sale_id = store.sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=NOW)
    store.sales.complete_cash(sale_id, TOTAL, NOW)
    store.refunds.create(
        sale_id,
        payout,
        10_000,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Bu Rina",
        now=NOW,
    )
    till.register_payment(payout, ProviderName.ECOMMPAY_GATE, 10_000)

    (event,) = delivered(relay, till, callback(payout, "payout", "partially paid out", 6_000))
    settle_from_report(store.refunds, read_payout_report(event), now=NOW)

    refund = store.refunds.get(payout)
    assert (refund.status, refund.paid_amount) == (RefundStatus.PAID, 6_000)
    assert [(p.invoice_number, p.kind) for p in list_problems(store.repositories().db)] == [
        (payout, ProblemKind.PAYOUT_DIFFERS)
    ]


def test_a_purchase_paid_in_part_never_completes_its_sale_and_is_listed(
    relay: EmbeddedRelay, till: RelayClient, store: TerminalStore
) -> None:
    sale_id = store.sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=NOW)
    invoice = store.payments.next_invoice_number("T1", NOW)
    store.payments.create_attempt(sale_id, ProviderName.ECOMMPAY_PAGE, TOTAL, invoice, NOW)
    store.payments.record_request(
        PaymentRequest(ProviderName.ECOMMPAY_PAGE, invoice, TOTAL, "https://pay.example/x"),
        now=NOW,
    )
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, TOTAL)

    for event in delivered(relay, till, callback(invoice, "purchase", "partially paid", 6_000)):
        store.payments.record_relay_event(event, now=NOW)
    attempt = store.payments.get_attempt(invoice)
    assert attempt.state is not AttemptState.PAID or attempt.received == 6_000
    assert store.sales.get(sale_id).status == "open"
    if attempt.state in (AttemptState.CREATED, AttemptState.PENDING):
        store.payments.transition(invoice, AttemptState.EXPIRED, source=EventSource.SYSTEM, now=NOW)
    store.sales.complete_cash(sale_id, TOTAL, NOW)  # the customer paid in cash instead

    problems = {p.invoice_number: p for p in list_problems(store.repositories().db)}
    assert invoice in problems, f"attempt {store.payments.get_attempt(invoice).state}"
