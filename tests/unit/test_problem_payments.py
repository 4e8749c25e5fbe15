"""Problem payments: which attempts and orphan reports need a manager, and resolving them."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.basket import LineItem
from pos_app.errors import ValidationError
from pos_app.payments.model import AttemptState, PaymentRequest, PaymentStatus, ProviderName
from pos_app.problem_payments import RESOLUTION, ProblemKind, list_problems, resolve
from pos_app.store.audit import AuditLog
from pos_app.store.database import open_database
from pos_app.store.payments import EventSource, Payments
from pos_app.store.refunds import Refunds, RefundStatus
from pos_app.store.sales import Sales

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)
TOTAL = 12_000


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def attempt(db: Database) -> tuple[int, str]:
    """A sale with a pending DOKU attempt."""
    sales, payments = Sales(db), Payments(db)
    sale_id = sales.create_sale(
        [LineItem("KOPI", "Kopi", 6000, 2)], cashier="Sari", terminal_id="T1", now=NOW
    )
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, ProviderName.DOKU, TOTAL, invoice, NOW)
    payments.record_request(
        PaymentRequest(ProviderName.DOKU, invoice, TOTAL, "https://pay.example/x"), now=NOW
    )
    return sale_id, invoice


def report(db: Database, invoice: str, status: PaymentStatus) -> None:
    Payments(db).record_status(invoice, status, source=EventSource.RELAY, now=LATER)


def kinds(db: Database) -> dict[str, ProblemKind]:
    return {problem.invoice_number: problem.kind for problem in list_problems(db)}


def test_open_late_and_unfinished_declined_payments_are_listed(db: Database) -> None:
    _, pending = attempt(db)
    late_sale, late = attempt(db)
    Sales(db).cancel(late_sale, now=NOW)
    report(db, late, PaymentStatus.PAID)
    _, declined = attempt(db)
    report(db, declined, PaymentStatus.DECLINED)
    retried_sale, retried = attempt(db)
    report(db, retried, PaymentStatus.DECLINED)
    Sales(db).complete_cash(retried_sale, TOTAL, LATER)  # the customer paid cash instead
    _, paid = attempt(db)
    report(db, paid, PaymentStatus.PAID)

    assert kinds(db) == {
        pending: ProblemKind.OPEN,
        late: ProblemKind.LATE,
        declined: ProblemKind.DECLINED,
    }


def test_resolving_cancels_an_open_payment_and_is_audited(db: Database) -> None:
    _, invoice = attempt(db)

    resolve(db, invoice, reason="  customer walked away  ", manager="Bu Rina", now=LATER)

    found = Payments(db).get_attempt(invoice)
    assert found.state is AttemptState.CANCELLED
    assert found.events[-1].source is EventSource.CASHIER
    assert found.events[-1].payload == {
        RESOLUTION: "customer walked away",
        "resolved_by": "Bu Rina",
    }
    entry = AuditLog(db).recent(1)[0]
    assert (entry.actor, entry.action, entry.detail["invoice_number"]) == (
        "Bu Rina",
        "payment.resolve",
        invoice,
    )
    assert kinds(db) == {}


def test_a_resolved_payment_comes_back_when_it_changes_again(db: Database) -> None:
    _, invoice = attempt(db)
    report(db, invoice, PaymentStatus.DECLINED)
    resolve(db, invoice, reason="customer has no balance", manager="Bu Rina", now=LATER)
    assert Payments(db).get_attempt(invoice).state is AttemptState.DECLINED
    assert kinds(db) == {}
    report(db, invoice, PaymentStatus.DECLINED)  # a redelivery changes nothing
    assert kinds(db) == {}

    report(db, invoice, PaymentStatus.PAID)  # paid after all: money no sale took

    assert kinds(db) == {invoice: ProblemKind.LATE}


def test_a_late_payment_wholly_refunded_is_settled(db: Database) -> None:
    sale_id, invoice = attempt(db)
    Sales(db).cancel(sale_id, now=NOW)
    report(db, invoice, PaymentStatus.PAID)
    refunds = Refunds(db)
    for payout, amount in (("PO-1", 5_000), ("PO-2", TOTAL - 5_000)):
        refunds.create(
            sale_id,
            payout,
            amount,
            provider="ecommpay-gate",
            account_number="0812",
            customer_name="Ani",
            approved_by="Bu Rina",
            now=LATER,
            invoice_number=invoice,
        )
    refunds.settle("PO-1", RefundStatus.PAID, now=LATER)
    assert [p.refunded for p in list_problems(db)] == [5_000]

    refunds.settle("PO-2", RefundStatus.PAID, now=LATER)

    assert kinds(db) == {}


def test_orphan_reports_are_listed_with_their_amount_until_resolved(db: Database) -> None:
    payload = {"payload": {"payment": {"id": "X-1", "sum": {"amount": 1_250_000}}}}
    payments = Payments(db)
    payments.record_status("X-1", PaymentStatus.PAID, source="relay", payload=payload, now=NOW)

    [orphan] = list_problems(db)
    assert (orphan.kind, orphan.invoice_number, orphan.amount) == (
        ProblemKind.ORPHAN,
        "X-1",
        12_500,
    )
    resolve(db, "X-1", reason="another shop's payment", manager="Bu Rina", now=LATER)
    assert kinds(db) == {}
    payments.record_status("X-1", PaymentStatus.PAID, source="relay", now=LATER)
    assert kinds(db) == {"X-1": ProblemKind.ORPHAN}


def test_a_resolution_needs_a_reason(db: Database) -> None:
    _, invoice = attempt(db)
    with pytest.raises(ValidationError, match="a reason is required"):
        resolve(db, invoice, reason="   ", manager="Bu Rina", now=LATER)
    assert Payments(db).get_attempt(invoice).state is AttemptState.PENDING
