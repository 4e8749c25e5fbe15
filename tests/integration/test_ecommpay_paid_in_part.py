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
from pos_app.store.payment_records import EventSource
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.terminal_store import TerminalStore
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


def callback(
    payment_id: str,
    kind: str,
    status: str,
    rupiah: int,
    operation: int = 1,
    *,
    sum_asked: int | None = None,
) -> bytes:
    """A signed callback in ecommpay's full format (paymentpage-sdk-php
    ``tests/data/callbackFormats.php``), the operation's ``sum_initial`` the part that moved;
    ``payment.sum`` too, or ``sum_asked`` (the sum asked, as ecommpay's plugin reads it)."""
    minor = to_minor_units(rupiah)
    asked = minor if sum_asked is None else to_minor_units(sum_asked)
    payload: dict[str, Any] = {
        "project_id": ECOMMPAY_PROJECT_ID,
        "payment": {
            "id": payment_id,
            "type": kind,
            "status": status,
            "date": "2026-11-21T04:05:00+0000",
            "method": "Doku",
            "sum": {"amount": asked, "currency": "IDR"},
        },
        "operation": {
            "id": 6085000009000 + operation,
            "type": "payout" if kind == "payout" else "sale",
            "status": "success",
            "date": "2026-11-21T04:05:00+0000",
            "request_id": f"req-{operation}",
            "sum_initial": {"amount": minor, "currency": "IDR"},
            "code": "0",
            "message": "Success",
        },
    }
    payload["signature"] = ecommpay_signature(payload, ECOMMPAY_SECRET_KEY)
    return json.dumps(payload).encode("utf-8")


def delivered(relay: EmbeddedRelay, till: RelayClient, body: bytes) -> list[Any]:
    """The events the relay hands the till after ``body``, oldest first (those before too)."""
    answer = httpx.post(relay.url + CALLBACKS, content=body)
    assert answer.status_code == 200, answer.text
    events, _ = till.fetch(RelayPosition())
    return events


def purchase(store: TerminalStore, till: RelayClient) -> tuple[int, str]:
    """A sale with a Payment Page attempt, registered at the relay."""
    sale_id = store.sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=NOW)
    invoice = store.payments.next_invoice_number("T1", NOW)
    store.payments.create_attempt(sale_id, ProviderName.ECOMMPAY_PAGE, TOTAL, invoice, NOW)
    store.payments.record_request(
        PaymentRequest(ProviderName.ECOMMPAY_PAGE, invoice, TOTAL, "https://pay.example/x"),
        now=NOW,
    )
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, TOTAL)
    return sale_id, invoice


def paid_in(relay: EmbeddedRelay, till: RelayClient, store: TerminalStore, invoice: str,
            *words: tuple[str, int]) -> None:  # fmt: skip
    """Each (status word, rupiah) as a callback, in order, recorded by the till as it comes."""
    seen = 0
    for operation, (word, rupiah) in enumerate(words, start=1):
        events = delivered(relay, till, callback(invoice, "purchase", word, rupiah, operation))
        for event in events[seen:]:
            store.payments.record_relay_event(event, now=NOW)
        seen = len(events)


def pending_payout(store: TerminalStore, till: RelayClient, payout: str) -> None:
    """A cash sale and a payout of Rp 10.000 of it on its way, registered at the relay."""
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


PART_NAMED = pytest.mark.parametrize(
    "sum_asked", [None, TOTAL], ids=["payment-sum-the-part", "payment-sum-the-amount-asked"]
)
"""Where the part that moved is named: ``payment.sum`` and the operation, or the operation
alone (``payment.sum`` then names what was asked, as ecommpay's plugin also reads it): the
amount asked completed the sale, or settled the payout as paid in full, and nothing was listed."""


@PART_NAMED
def test_a_payout_paid_out_in_part_is_settled_for_that_part_and_listed(
    relay: EmbeddedRelay, till: RelayClient, store: TerminalStore, sum_asked: int | None
) -> None:
    payout = "RFD-T1-0123456789abcdef0123"
    pending_payout(store, till, payout)
    asked = None if sum_asked is None else 10_000

    words = callback(payout, "payout", "partially paid out", 6_000, sum_asked=asked)
    (event,) = delivered(relay, till, words)
    settle_from_report(store.refunds, read_payout_report(event), now=NOW)

    refund = store.refunds.get(payout)
    assert (refund.status, refund.paid_amount) == (RefundStatus.PAID, 6_000)
    assert [(p.invoice_number, p.kind) for p in list_problems(store.repositories().db)] == [
        (payout, ProblemKind.PAYOUT_DIFFERS)
    ]


def test_a_part_paid_reported_after_the_whole_is_no_refund_at_the_provider(
    relay: EmbeddedRelay, till: RelayClient, store: TerminalStore
) -> None:
    """Retried callbacks out of order: the 'success' for the whole first, the earlier 'partially
    paid' after it. Any lower paid sum was read as the balance after a refund at the provider:
    8,000 recorded as gone back, which never went."""
    _, invoice = purchase(store, till)
    paid_in(relay, till, store, invoice, ("success", TOTAL), ("partially paid", 6_000))

    attempt = store.payments.get_attempt(invoice)
    assert (attempt.state, attempt.received, attempt.provider_refunded) == (
        AttemptState.PAID,
        TOTAL,
        0,
    )


def test_the_rest_of_a_purchase_paid_in_part_is_received_too(
    relay: EmbeddedRelay, till: RelayClient, store: TerminalStore
) -> None:
    """'partially paid' 6,000, then 'success' for the whole: the attempt kept 6,000 received
    for good, and the 8,000 that came in after was in no place the shop sees."""
    sale_id, invoice = purchase(store, till)
    paid_in(relay, till, store, invoice, ("partially paid", 6_000), ("success", TOTAL))

    attempt = store.payments.get_attempt(invoice)
    assert (attempt.state, attempt.received) == (AttemptState.PAID, TOTAL)
    assert store.sales.get(sale_id).status == "open", "paid in part first: the manager's"
    assert [p.kind for p in list_problems(store.repositories().db)] == [ProblemKind.LATE]


def test_a_payout_paid_out_in_full_after_in_part_is_not_listed_as_paying_less(
    relay: EmbeddedRelay, till: RelayClient, store: TerminalStore
) -> None:
    payout = "RFD-T1-0123456789abcdef0124"
    pending_payout(store, till, payout)
    delivered(relay, till, callback(payout, "payout", "partially paid out", 6_000, 1))
    events = delivered(relay, till, callback(payout, "payout", "success", 10_000, 2))
    for event in events:
        settle_from_report(store.refunds, read_payout_report(event), now=NOW)

    assert store.refunds.get(payout).paid_amount == 10_000
    assert list_problems(store.repositories().db) == []


@PART_NAMED
def test_a_purchase_paid_in_part_never_completes_its_sale_and_is_listed(
    relay: EmbeddedRelay, till: RelayClient, store: TerminalStore, sum_asked: int | None
) -> None:
    sale_id = store.sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=NOW)
    invoice = store.payments.next_invoice_number("T1", NOW)
    store.payments.create_attempt(sale_id, ProviderName.ECOMMPAY_PAGE, TOTAL, invoice, NOW)
    store.payments.record_request(
        PaymentRequest(ProviderName.ECOMMPAY_PAGE, invoice, TOTAL, "https://pay.example/x"),
        now=NOW,
    )
    till.register_payment(invoice, ProviderName.ECOMMPAY_PAGE, TOTAL)

    words = callback(invoice, "purchase", "partially paid", 6_000, sum_asked=sum_asked)
    for event in delivered(relay, till, words):
        store.payments.record_relay_event(event, now=NOW)
    attempt = store.payments.get_attempt(invoice)
    assert attempt.state is not AttemptState.PAID or attempt.received == 6_000
    assert store.sales.get(sale_id).status == "open"
    if attempt.state in (AttemptState.CREATED, AttemptState.PENDING):
        store.payments.transition(invoice, AttemptState.EXPIRED, source=EventSource.SYSTEM, now=NOW)
    store.sales.complete_cash(sale_id, TOTAL, NOW)  # the customer paid in cash instead

    problems = {p.invoice_number: p for p in list_problems(store.repositories().db)}
    assert invoice in problems, f"attempt {store.payments.get_attempt(invoice).state}"
