"""ecommpay's word on a payout becomes a provider-neutral report, read inside ``payments/`` only:
from a payout callback the relay brings, and from the status API's answer."""

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pos_app.payments.ecommpay.gate import GateClient
from pos_app.payments.ecommpay.payouts import EcommpayPayouts
from pos_app.payments.ecommpay.statuses import payment_status
from pos_app.payments.errors import PaymentUnknown
from pos_app.payments.model import PayoutOrder, PayoutOutcome, ProviderName, RelayEvent
from pos_app.payments.registry import UnknownProvider, read_payout_report

PAYOUT_ID = "RFD-T1-0123456789abcdef0123"

STATUS_WORDS = [
    ("success", PayoutOutcome.PAID),
    ("decline", PayoutOutcome.DECLINED),
    ("cancelled", PayoutOutcome.DECLINED),
    ("error", PayoutOutcome.FAILED),
    ("internal error", PayoutOutcome.FAILED),
    ("external error", PayoutOutcome.FAILED),
    ("expired", PayoutOutcome.FAILED),
    ("processing", PayoutOutcome.PENDING),
    ("external processing", PayoutOutcome.PENDING),
    ("awaiting clarification", PayoutOutcome.PENDING),
    ("a word ecommpay adds next year", PayoutOutcome.PENDING),
    ("reversed", PayoutOutcome.REVERSED),
    ("refunded", PayoutOutcome.REVERSED),
]


def payout_payload(word: str, **operation: Any) -> dict[str, Any]:
    """A payout callback's signed fields, as the relay stores them."""
    return {
        "project_id": 238,
        "payment": {
            "id": PAYOUT_ID,
            "type": "payout",
            "status": word,
            "sum": {"amount": 500000, "currency": "IDR"},
        },
        "operation": {"type": "payout", "status": word, "request_id": "req-1", **operation},
    }


def relay_event(word: str, payload: dict[str, Any] | None = None) -> RelayEvent:
    """The event as the relay hands it to the terminal: its status read by the relay."""
    return RelayEvent(
        cursor=7,
        invoice_number=PAYOUT_ID,
        provider=ProviderName.ECOMMPAY_GATE,
        status=payment_status(word),
        received_at="2026-12-04T03:00:00Z",
        payload=payout_payload(word) if payload is None else payload,
        amount=5000,
        currency="IDR",
    )


@pytest.mark.parametrize(("word", "outcome"), STATUS_WORDS)
def test_each_payout_status_of_a_callback_maps_to_its_outcome(
    word: str, outcome: PayoutOutcome
) -> None:
    report = read_payout_report(relay_event(word))
    assert (report.payout_id, report.outcome) == (PAYOUT_ID, outcome)
    assert (report.amount, report.currency, report.reference) == (5000, "IDR", "req-1")
    assert report.raw == payout_payload(word)


def test_a_callback_names_the_providers_reference_and_a_declines_reason() -> None:
    payload = payout_payload(
        "decline", provider={"payment_id": "doku-991"}, code="20105", message="Account not found"
    )
    report = read_payout_report(relay_event("decline", payload))
    assert report.outcome is PayoutOutcome.DECLINED
    assert report.reference == "doku-991"
    assert report.reason == "Account not found (20105)"


def test_a_paid_payout_has_no_reason_even_when_ecommpay_says_success() -> None:
    payload = payout_payload("success", code="0", message="Success")
    assert read_payout_report(relay_event("success", payload)).reason == ""


def test_an_unreadable_callback_still_reports_the_relays_status_without_a_reference() -> None:
    report = read_payout_report(relay_event("success", {"operation": "not an object"}))
    assert (report.outcome, report.reference) == (PayoutOutcome.PAID, None)


def test_a_payment_providers_event_is_no_payout_report() -> None:
    event = RelayEvent(
        cursor=1,
        invoice_number="INV-1",
        provider=ProviderName.DOKU,
        status=payment_status("success"),
        received_at="2026-12-04T03:00:00Z",
    )
    with pytest.raises(UnknownProvider, match="makes no payouts"):
        read_payout_report(event)


class StatusAnswers:
    """Gate's status API for one payout (unsigned answers, which Gate's client reads too)."""

    def __init__(self) -> None:
        self.word: str | None = None
        self.sent: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/payout"):
            self.sent.append(json.loads(request.content))
            return httpx.Response(200, json={"status": "success", "request_id": "req-1"})
        if self.word is None:
            return httpx.Response(404, json={"status": "error", "message": "Payment not found"})
        payload = payout_payload(self.word, message="Insufficient funds", code="3028")
        del payload["operation"]
        payload["operations"] = [
            {"type": "payout", "status": "processing", "request_id": "req-0"},
            {
                "type": "payout",
                "status": self.word,
                "request_id": "req-1",
                "code": "3028",
                "message": "Insufficient funds",
            },
        ]
        return httpx.Response(200, json=payload)


@pytest.fixture
def answers() -> StatusAnswers:
    return StatusAnswers()


@pytest.fixture
def payouts(answers: StatusAnswers) -> Iterator[EcommpayPayouts]:
    gate = GateClient(
        base_url="https://gate.test",
        project_id=238,
        secret_key="gate-secret",
        transport=httpx.MockTransport(answers),
    )
    gateway = EcommpayPayouts(
        gate, callback_url="https://relay.test/ecommpay/callbacks", customer_ip="203.0.113.10"
    )
    yield gateway
    gateway.close()


@pytest.mark.parametrize(("word", "outcome"), STATUS_WORDS)
def test_each_payout_status_of_a_status_answer_maps_to_its_outcome(
    payouts: EcommpayPayouts, answers: StatusAnswers, word: str, outcome: PayoutOutcome
) -> None:
    answers.word = word
    report = payouts.check_payout(PAYOUT_ID)
    assert (report.payout_id, report.outcome, report.reference) == (PAYOUT_ID, outcome, "req-1")
    assert (report.amount, report.currency) == (5000, "IDR")
    failed = outcome not in (PayoutOutcome.PAID, PayoutOutcome.PENDING)
    assert report.reason == ("Insufficient funds (3028)" if failed else "")


def test_a_payout_ecommpay_never_received_is_unknown(payouts: EcommpayPayouts) -> None:
    with pytest.raises(PaymentUnknown):
        payouts.check_payout(PAYOUT_ID)


def test_a_payout_order_goes_out_with_the_gateways_callback_and_address(
    payouts: EcommpayPayouts, answers: StatusAnswers
) -> None:
    order = PayoutOrder(PAYOUT_ID, 5000, "081234567890", "Siti", "sale-3")
    assert payouts.send_payout(order) == "req-1"
    (body,) = answers.sent
    assert body["general"]["merchant_callback_url"] == "https://relay.test/ecommpay/callbacks"
    assert body["customer"] == {"id": "sale-3", "ip_address": "203.0.113.10"}
    assert body["account"] == {"number": "081234567890", "customer_name": "Siti"}
    assert body["payment"] == {"amount": 500000, "currency": "IDR"}
