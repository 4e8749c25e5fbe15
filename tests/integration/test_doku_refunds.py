"""A DOKU Wallet payment DOKU refunds, over real HTTP: the sandbox, the relay and a till.

DOKU refunds a non-card payment on the merchant's request, "full or partial" (docs.doku.com,
Manage Finances, Refund); its Check Status Non-SNAP then says ``REFUNDED`` (EMONEY, final),
the one word it has, and DOKU notifies every status change. A REFUNDED may leave out
``order.amount`` ("some parameters might not be presented in certain status cases"): the till
must hear of the refund all the same, or its takings keep money the customer has back.
"""

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pos_app.domain.returns import ReturnMethod
from pos_app.payments.doku.notification import parse_notification
from pos_app.payments.doku.signing import signed_headers
from pos_app.payments.model import AttemptState, PaymentStatus
from pos_app.reports.payments_csv import export_payments
from pos_app.reports.z_report import build_z_report
from pos_app.sandbox import SandboxConfig
from pos_app.sandbox.shapes import Shapes
from pos_app.store.payment_records import EventSource, Outcome
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.till.problem_payments import record_refunded_amount
from tests.harness.relay_process import DOKU_CLIENT_ID, DOKU_SECRET_KEY
from tests.harness.sandbox_process import Receiver, running_receiver, running_sandbox
from tests.integration.test_doku_conflicting_reports import DOKU, TOTAL, Till, running_till
from tests.integration.test_sandbox_doku import (
    assert_verified_notification,
    create,
    order_body,
    status,
)

PACKET = TOTAL // 2
"""One of the sale's two packets of noodles."""
CONFIG = SandboxConfig(retry_scale=0.00002, delivery_timeout=0.5)
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
def till(tmp_path: Path) -> Iterator[Till]:
    with running_till(tmp_path) as running:
        yield running


def paid_order(sandbox: str, receiver_url: str, shown: bool) -> tuple[str, str]:
    """An order paid at the sandbox whose REFUNDED names its amount or not; its notify path."""
    invoice = SHAPES.pick(
        f"INV-{uuid.uuid4().hex[:8]}-", lambda i: SHAPES.doku_refund_amount_shown(i) is shown
    )
    path = f"/doku/notifications/{uuid.uuid4().hex[:8]}"
    assert create(sandbox, order_body(invoice, receiver_url + path)).status_code == 200
    httpx.post(f"{sandbox}/_sandbox/pay/{invoice}").raise_for_status()
    return invoice, path


@pytest.mark.parametrize("shown", [True, False])
def test_a_refund_at_doku_is_notified_and_checked_as_refunded(
    sandbox: str, receiver: tuple[str, Receiver], shown: bool
) -> None:
    receiver_url, inbox = receiver
    invoice, path = paid_order(sandbox, receiver_url, shown)
    inbox.wait_for(path)

    refunded = httpx.post(f"{sandbox}/_sandbox/refund/{invoice}", params={"amount": 2000})
    assert refunded.status_code == 200, refunded.text

    (_, received) = inbox.wait_for(path, count=2)
    payload = assert_verified_notification(received, path)
    assert payload["transaction"]["status"] == "REFUNDED"
    assert ("amount" in payload["order"]) is shown
    answer = status(sandbox, invoice)
    assert answer.json()["transaction"]["status"] == "REFUNDED"
    for body in (received.body, answer.content):
        event = parse_notification(body)
        assert (event.status, event.amount) == (PaymentStatus.REFUNDED, 9000 if shown else 0)


def test_doku_refunds_a_paid_order_once_and_by_no_more_than_was_paid(
    sandbox: str, receiver: tuple[str, Receiver]
) -> None:
    receiver_url, _ = receiver
    invoice = f"INV-{uuid.uuid4().hex[:12]}"
    assert create(sandbox, order_body(invoice, receiver_url + "/doku/n")).status_code == 200
    assert httpx.post(f"{sandbox}/_sandbox/refund/{invoice}").status_code == 409
    httpx.post(f"{sandbox}/_sandbox/pay/{invoice}").raise_for_status()
    too_much = httpx.post(f"{sandbox}/_sandbox/refund/{invoice}", params={"amount": 9001})
    assert too_much.status_code == 409
    assert httpx.post(f"{sandbox}/_sandbox/refund/{invoice}").status_code == 200
    assert httpx.post(f"{sandbox}/_sandbox/refund/{invoice}").status_code == 409


def test_the_till_hears_of_a_refund_at_doku(till: Till) -> None:
    sale_id, invoice = till.qr_sale()
    till.customer_pays(invoice)
    till.takes_news()

    httpx.post(f"{till.sandbox}/_sandbox/refund/{invoice}").raise_for_status()
    till.takes_news()

    assert till.store.payments.get_attempt(invoice).state is AttemptState.REFUNDED
    [problem] = list_problems(till.store.repositories().db)
    assert (problem.kind, problem.amount, problem.sale_id) == (
        ProblemKind.REFUNDED,
        TOTAL,
        sale_id,
    )


def refunded_naming_no_amount(till: Till, invoice: str, date: str) -> None:
    """DOKU posts a signed REFUNDED for ``invoice`` without ``order.amount`` to the relay; the
    till takes it."""
    body = json.dumps(
        {
            "service": {"id": "EMONEY"},
            "acquirer": {"id": "DOKU"},
            "channel": {"id": "EMONEY_DOKU"},
            "order": {"invoice_number": invoice},
            "transaction": {"status": "REFUNDED", "date": date},
        },
        separators=(",", ":"),
    ).encode()
    headers = signed_headers(
        client_id=DOKU_CLIENT_ID, secret_key=DOKU_SECRET_KEY, request_target=DOKU, body=body
    )
    answer = httpx.post(till.relay.url + DOKU, content=body, headers=headers)
    assert answer.status_code == 200, answer.text
    till.takes_news()


def test_a_refunded_report_naming_no_amount_still_reaches_the_till(till: Till) -> None:
    """Refused for its missing amount, the relay would keep it from the till for good."""
    _, invoice = till.qr_sale()
    till.customer_pays(invoice)
    till.takes_news()

    refunded_naming_no_amount(till, invoice, "2026-01-01T04:00:00Z")

    assert till.store.payments.get_attempt(invoice).state is AttemptState.REFUNDED


def test_a_part_refunded_at_doku_counts_as_the_amount_the_manager_read(
    till: Till, tmp_path: Path
) -> None:
    """DOKU refunds one of the two packets (Rp 3.500) and says only REFUNDED; the manager reads
    the amount in DOKU's back office and enters it. Then the payment counts Rp 7.000 paid less
    Rp 3.500 refunded: in the problem list, the payments file, what is left to refund and, once
    the packet's return is recorded as refunded outside Kasir, the Z report. DOKU's status
    answer changes none of it; a new REFUNDED notification (DOKU's word on a refund of the rest,
    with or without an amount) takes the whole payment as refunded again, listed."""
    sale_id, invoice = till.qr_sale()
    till.customer_pays(invoice)
    till.takes_news()
    httpx.post(
        f"{till.sandbox}/_sandbox/refund/{invoice}", params={"amount": PACKET}
    ).raise_for_status()
    till.takes_news()
    db, day = till.store.repositories().db, till.store.day
    [seen] = list_problems(db)
    assert (seen.kind, seen.amount) == (ProblemKind.REFUNDED, TOTAL), "taken as all of it"

    record_refunded_amount(db, seen, PACKET, manager="Bu Rina", day=day, now=till.checkout.clock())
    assert till.checkout.check_status(invoice).state is AttemptState.PAID

    attempt = till.store.payments.get_attempt(invoice)
    assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, PACKET)
    assert (attempt.events[-1].source, attempt.events[-1].outcome) == (
        EventSource.STATUS,
        Outcome.REPEATED,
    )
    [row] = list_problems(db)
    assert (row.kind, row.amount) == (ProblemKind.REFUNDED, PACKET)
    today = day.date_of(till.checkout.clock())
    path = tmp_path / "payments.csv"
    summary = export_payments(db, path, first_day=today, day=day)
    assert (summary.received, summary.paid_out) == (TOTAL, PACKET)
    assert till.store.refunds.refundable(sale_id) == TOTAL - PACKET
    till.store.returns.record(
        sale_id, {1: 1}, method=ReturnMethod.OUTSIDE, terminal_id="T1", cashier="Sari",
        approved_by="Bu Rina", now=till.checkout.clock(),
    )  # fmt: skip
    assert list_problems(db) == []
    z = build_z_report(db, today, day=day, now=till.checkout.clock())
    assert z.net_total == TOTAL - PACKET

    refunded_naming_no_amount(till, invoice, "2026-01-01T05:00:00Z")
    assert till.store.payments.get_attempt(invoice).state is AttemptState.REFUNDED
    assert till.store.refunds.refundable(sale_id) == 0, "the rest refunded: none left to give"
    [row] = list_problems(db)
    assert (row.kind, row.amount) == (ProblemKind.REFUNDED, TOTAL)
