"""Problem payments: which attempts and orphan reports need a manager, and resolving them."""

import csv
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import ChangeSource, RefundStatus, SaleStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.payments.model import (
    AttemptState,
    PaymentRequest,
    PaymentStatus,
    PayoutOutcome,
    PayoutReport,
    ProviderName,
)
from pos_app.reports.payments_csv import export_payments
from pos_app.reports.sales_csv import ExportKind, export_sales
from pos_app.reports.z_report import TenderTotal, build_z_report
from pos_app.store.audit import AuditEntry, AuditLog
from pos_app.store.database import migrate, open_database
from pos_app.store.errors import NotFound, StoreError
from pos_app.store.payment_records import RESOLUTION, EventSource
from pos_app.store.payments import Payments
from pos_app.store.problem_payments import ProblemKind, ProblemPayment, list_problems
from pos_app.store.refunds import Refunds
from pos_app.store.returns import Return, Returns, WalletPayout
from pos_app.store.sales import Sales, Tender
from pos_app.till.problem_payments import ATTACHED, attach, resolve
from pos_app.till.refund_payouts import settle_from_report

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)
NEXT_DAY = NOW + timedelta(days=1)
TOTAL = 12_000


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def attempt(db: Database, provider: ProviderName = ProviderName.DOKU) -> tuple[int, str]:
    """A sale with a pending attempt (DOKU's unless said)."""
    sales, payments = Sales(db), Payments(db)
    sale_id = sales.create_sale(
        [LineItem("KOPI", "Kopi", 6000, 2)], cashier="Sari", terminal_id="T1", now=NOW
    )
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, provider, TOTAL, invoice, NOW)
    payments.record_request(
        PaymentRequest(provider, invoice, TOTAL, "https://pay.example/x"), now=NOW
    )
    return sale_id, invoice


def report(db: Database, invoice: str, status: PaymentStatus) -> None:
    Payments(db).record_status(invoice, status, source=EventSource.RELAY, now=LATER)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


SHARED = (
    "business_date",
    "record_type",
    "sale_id",
    "invoice_number",
    "local_date",
    "local_time",
    "tender",
    "provider",
    "payment_status",
    "provider_reference",
)


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
    for payout_id, amount in (("PO-1", 5_000), ("PO-2", TOTAL - 5_000)):
        payout(db, sale_id, payout_id, amount, invoice)
    refunds.settle("PO-1", RefundStatus.PAID, now=LATER)
    assert [p.refunded for p in list_problems(db)] == [5_000]

    refunds.settle("PO-2", RefundStatus.PAID, now=LATER)

    assert kinds(db) == {}


def test_a_late_payment_paid_back_by_payout_and_in_full_at_the_provider_stays_listed(
    db: Database,
) -> None:
    """The manager's payout paid it back, and DOKU then refunded it from its own back office too:
    the customer got it twice. It left the list as "wholly paid back"."""
    sale_id, invoice = late(db)
    payout(db, sale_id, "PO-1", TOTAL, invoice)
    Refunds(db).settle("PO-1", RefundStatus.PAID, now=LATER)
    assert kinds(db) == {}
    report(db, invoice, PaymentStatus.REFUNDED)

    [problem] = list_problems(db)
    assert (problem.kind, problem.invoice_number, problem.refunded) == (
        ProblemKind.LATE,
        invoice,
        2 * TOTAL,
    )
    assert not problem.refundable and not problem.attachable
    resolve(db, invoice, reason="the customer sent the second back", manager="Bu Rina", now=LATER)
    assert kinds(db) == {}


def test_a_late_payment_paid_back_by_payout_and_in_part_at_the_provider_stays_listed(
    db: Database,
) -> None:
    """ecommpay refunded 5,000 of it from its dashboard while the manager's payout of the whole
    was on its way: 5,000 went back twice."""
    sale_id, invoice = late(db, ProviderName.ECOMMPAY_PAGE)
    payout(db, sale_id, "PO-1", TOTAL, invoice)
    Payments(db).record_status(
        invoice,
        PaymentStatus.PAID,
        source=EventSource.RELAY,
        now=LATER,
        amount=TOTAL - 5_000,
        currency="IDR",
        balance=True,
    )
    Refunds(db).settle("PO-1", RefundStatus.PAID, now=LATER)

    [problem] = list_problems(db)
    assert (problem.kind, problem.refunded) == (ProblemKind.LATE, TOTAL + 5_000)


def test_orphan_reports_are_listed_with_their_amount_until_resolved(db: Database) -> None:
    payload = {"payload": {"payment": {"id": "X-1", "sum": {"amount": 1_250_000}}}}
    payments = Payments(db)
    payments.record_status("X-1", PaymentStatus.PAID, source="relay", payload=payload, now=NOW)

    payments.record_status(
        "X-2", PaymentStatus.PAID, source="relay", payload={"provider": "doku"}, now=NOW
    )

    orphan, named = list_problems(db)
    assert (orphan.kind, orphan.invoice_number, orphan.amount) == (
        ProblemKind.ORPHAN,
        "X-1",
        12_500,
    )
    assert (orphan.state, orphan.provider) == (AttemptState.PAID, None)  # no provider named
    assert type(orphan.state) is AttemptState and named.provider is ProviderName.DOKU
    resolve(db, "X-1", reason="another shop's payment", manager="Bu Rina", now=LATER)
    resolve(db, "X-2", reason="another shop's payment", manager="Bu Rina", now=LATER)
    assert kinds(db) == {}
    payments.record_status("X-1", PaymentStatus.PAID, source="relay", now=LATER)
    assert kinds(db) == {"X-1": ProblemKind.ORPHAN}


def test_a_resolution_needs_a_reason(db: Database) -> None:
    _, invoice = attempt(db)
    with pytest.raises(ValidationError, match="a reason is required"):
        resolve(db, invoice, reason="   ", manager="Bu Rina", now=LATER)
    assert Payments(db).get_attempt(invoice).state is AttemptState.PENDING


def late(db: Database, provider: ProviderName = ProviderName.DOKU) -> tuple[int, str]:
    """A sale the cashier cancelled, paid by the customer afterwards."""
    sale_id, invoice = attempt(db, provider)
    Sales(db).cancel(sale_id, now=NOW)
    report(db, invoice, PaymentStatus.PAID)
    return sale_id, invoice


def test_attaching_a_late_payment_settles_it_and_is_audited(db: Database) -> None:
    sale_id, invoice = late(db)

    sale = attach(db, invoice, sale_id, manager="Bu Rina", day=BusinessDay(), now=NEXT_DAY)

    assert (sale.status, sale.invoice_number) == (SaleStatus.COMPLETED, invoice)
    last = Payments(db).get_attempt(invoice).events[-1]
    assert (last.source, last.payload) == (
        EventSource.CASHIER,
        {RESOLUTION: ATTACHED, "sale_id": sale_id, "resolved_by": "Bu Rina"},
    )
    entry = AuditLog(db).recent(1)[0]
    assert (entry.actor, entry.action, entry.at) == ("Bu Rina", "payment.attach", NEXT_DAY)
    assert entry.detail == {
        "invoice_number": invoice,
        "sale_id": sale_id,
        "amount": TOTAL,
        "business_date": "2026-11-22",
    }
    assert kinds(db) == {}
    with pytest.raises(StoreError, match="not a late payment"):
        attach(db, invoice, sale_id, manager="Bu Rina", day=BusinessDay(), now=NEXT_DAY)
    assert [e.action for e in AuditLog(db).recent()] == ["payment.attach"]


def test_a_refused_attachment_leaves_no_audit_entry(db: Database) -> None:
    _, invoice = late(db)
    paid_sale = Sales(db).create_sale(
        [LineItem("KOPI", "Kopi", 6000, 2)], cashier="Sari", terminal_id="T1", now=NOW
    )
    Sales(db).complete_cash(paid_sale, TOTAL, NOW)
    with pytest.raises(StoreError, match="refund the payment instead"):
        attach(db, invoice, paid_sale, manager="Bu Rina", day=BusinessDay(), now=NEXT_DAY)
    assert AuditLog(db).recent() == []
    assert kinds(db) == {invoice: ProblemKind.LATE}


def paid_on_open_sale(db: Database) -> tuple[int, str]:
    """A sale still open whose QR expired, paid by the customer afterwards (the paid banner's)."""
    sale_id, invoice = attempt(db)
    report(db, invoice, PaymentStatus.EXPIRED)
    report(db, invoice, PaymentStatus.PAID)
    return sale_id, invoice


def attach_refused(db: Database, invoice: str, sale_id: int, message: str) -> None:
    """The manager's attach is refused with ``message``; no sale, payment or audit row moves."""
    tables = ("sales", "payment_attempts", "payment_events", "audit_log")
    before = [db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in tables]
    with pytest.raises(StoreError, match=message):
        attach(db, invoice, sale_id, manager="Bu Rina", day=BusinessDay(), now=NEXT_DAY)
    after = [db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in tables]
    assert after == before


@pytest.mark.parametrize("own_payment", [late, paid_on_open_sale], ids=["cancelled", "open"])
def test_a_sale_whose_own_late_payment_waits_takes_no_other_payment(
    db: Database, own_payment: Callable[[Database], tuple[int, str]]
) -> None:
    """The customer paid for the sale: that payment is the sale's. Another sale's payment of
    the same total would count the sale paid twice and leave its own payment nowhere."""
    sale_id, own = own_payment(db)
    other_sale, other = late(db)

    offered = Sales(db).attach_candidates(other, since=date(2026, 11, 1), limit=10)
    assert [sale.id for sale in offered] == [other_sale]
    attach_refused(db, other, sale_id, f"sale {sale_id} has its own late payment {own} waiting")
    assert kinds(db) == {own: ProblemKind.LATE, other: ProblemKind.LATE}

    attach(db, own, sale_id, manager="Bu Rina", day=BusinessDay(), now=NEXT_DAY)
    attach_refused(db, other, sale_id, "it was paid already")
    assert kinds(db) == {other: ProblemKind.LATE}


def test_either_of_two_late_payments_of_one_sale_completes_it_and_the_other_stays_listed(
    db: Database,
) -> None:
    """The customer paid the sale's QR twice: either payment may complete it (neither blocks the
    other), and the second stays the manager's, to refund."""
    sale_id, first = attempt(db)
    payments = Payments(db)
    payments.transition(first, AttemptState.CANCELLED, source=EventSource.CASHIER, now=NOW)
    second = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, ProviderName.DOKU, TOTAL, second, NOW)
    Sales(db).cancel(sale_id, now=NOW)
    report(db, first, PaymentStatus.PAID)
    report(db, second, PaymentStatus.PAID)

    offered = Sales(db).attach_candidates(second, since=date(2026, 11, 1), limit=10)
    assert [sale.id for sale in offered] == [sale_id]
    sale = attach(db, second, sale_id, manager="Bu Rina", day=BusinessDay(), now=NEXT_DAY)

    assert (sale.status, sale.invoice_number) == (SaleStatus.COMPLETED, second)
    assert kinds(db) == {first: ProblemKind.LATE}
    assert Refunds(db).refundable(sale_id, first) == TOTAL


def test_a_cashier_completes_only_the_sale_a_payment_was_made_for(db: Database) -> None:
    """The counter's one key moves no payment to another sale; a manager may, audited."""
    _, invoice = late(db)
    unpaid = Sales(db).create_sale(
        [LineItem("KOPI", "Kopi", 6000, 2)], cashier="Sari", terminal_id="T1", now=NOW
    )
    with pytest.raises(StoreError, match=f"payment {invoice} belongs to sale"):
        attach(
            db,
            invoice,
            unpaid,
            manager="Sari",
            day=BusinessDay(),
            now=NEXT_DAY,
            source=ChangeSource.CASHIER,
        )
    assert Sales(db).get(unpaid).status is SaleStatus.OPEN
    assert kinds(db) == {invoice: ProblemKind.LATE}

    attach(db, invoice, unpaid, manager="Bu Rina", day=BusinessDay(), now=NEXT_DAY)
    assert Sales(db).get(unpaid).invoice_number == invoice


def test_a_resolved_late_payment_pays_no_sale_and_its_sale_takes_cash(db: Database) -> None:
    sale_id, invoice = late(db)
    resolve(db, invoice, reason="refunded by hand at DOKU", manager="Bu Rina", now=LATER)

    with pytest.raises(StoreError, match="resolved by a manager"):
        attach(db, invoice, sale_id, manager="Bu Rina", day=BusinessDay(), now=NEXT_DAY)
    with pytest.raises(StoreError, match="resolved by a manager"):
        Sales(db).attach_candidates(invoice, since=date(2026, 11, 1), limit=5)
    assert Payments(db).paying_attempt(sale_id) is None


def test_an_attached_payment_is_takings_of_the_day_it_is_attached_in_csv_and_z_report(
    db: Database, tmp_path: Path
) -> None:
    day = BusinessDay()
    sales = Sales(db, day)
    cash_sale = sales.create_sale(
        [LineItem("TEH", "Teh", 5000, 1)], cashier="Sari", terminal_id="T1", now=NOW
    )
    sales.complete_cash(cash_sale, 5000, NOW)
    sale_id, invoice = late(db)
    arrival_day, attach_day = date(2026, 11, 21), date(2026, 11, 22)
    before = build_z_report(db, arrival_day, day=day)
    assert [p.invoice_number for p in before.late_payments] == [invoice]
    assert before.net_total == 5000  # late money is not takings
    assert before.cancelled_sales == 1

    attach(db, invoice, sale_id, manager="Bu Rina", day=day, now=NEXT_DAY)

    arrival = build_z_report(db, arrival_day, day=day)
    assert arrival.net_total == 5000
    assert arrival.late_payments == before.late_payments, "not that day's takings: still listed"
    assert arrival.cancelled_sales == 1, "the day it was cancelled on (closed, perhaps) keeps it"
    z = build_z_report(db, attach_day, day=day)
    assert z.cancelled_sales == 0
    assert z.tenders == (TenderTotal(Tender.QR, ProviderName.DOKU, 1, TOTAL),)
    assert (z.net_total, z.sales_count, z.items_sold, z.late_payments) == (TOTAL, 1, 2, ())
    lines, per_sale = tmp_path / "lines.csv", tmp_path / "sales.csv"
    export_sales(db, lines, first_day=attach_day, kind=ExportKind.LINES)
    export_sales(db, per_sale, first_day=attach_day, kind=ExportKind.SALES)
    [line] = read_csv(lines)
    [row] = read_csv(per_sale)
    completed_at, reference = db.execute(
        "SELECT s.completed_at, a.reference FROM sales s "
        "JOIN payment_attempts a ON a.invoice_number = s.invoice_number WHERE s.id = ?",
        [sale_id],
    ).fetchone()
    assert completed_at == "2026-11-22T03:00:00.000Z"
    for found in (line, row):
        assert {key: found[key] for key in SHARED} == {
            "business_date": "2026-11-22",
            "record_type": "sale",
            "sale_id": str(sale_id),
            "invoice_number": invoice,
            "local_date": "2026-11-22",
            "local_time": "10:00:00",
            "tender": "qr",
            "provider": "doku",
            "payment_status": "paid",
            "provider_reference": reference or "",
        }
    counted = db.execute(
        "SELECT sum(total) FROM sales WHERE business_date = ? AND status = 'completed'",
        [attach_day.isoformat()],
    ).fetchone()[0]
    assert int(line["line_total"]) == int(row["total"]) == z.net_total == counted == TOTAL


def test_a_payment_the_provider_refunded_is_listed_until_its_return_is_recorded(
    db: Database,
) -> None:
    sale_id, invoice = attempt(db)
    report(db, invoice, PaymentStatus.PAID)
    Sales(db).complete_with_payment(sale_id, invoice, LATER)
    assert kinds(db) == {}

    report(db, invoice, PaymentStatus.REFUNDED)  # from the provider's back office

    [problem] = list_problems(db)
    assert (problem.kind, problem.state, problem.amount) == (
        ProblemKind.REFUNDED,
        AttemptState.REFUNDED,
        TOTAL,
    )
    returns = Returns(db)

    def recorded(items: int) -> None:
        returns.record(
            sale_id,
            {1: items},
            method=ReturnMethod.OUTSIDE,
            terminal_id="T1",
            cashier="Sari",
            approved_by="Mira",
            now=NEXT_DAY,
        )

    recorded(1)
    assert kinds(db) == {invoice: ProblemKind.REFUNDED}, "half of it is accounted for"
    recorded(1)
    assert kinds(db) == {}


def test_a_payment_attached_to_another_sale_then_refunded_at_the_provider_is_listed(
    db: Database,
) -> None:
    """The attempt still names the sale it was made for; the sale it paid names its invoice."""
    _, invoice = late(db)
    other = Sales(db).create_sale(
        [LineItem("KOPI", "Kopi", 6000, 2)], cashier="Sari", terminal_id="T1", now=NOW
    )
    attach(db, invoice, other, manager="Bu Rina", day=BusinessDay(), now=NEXT_DAY)
    assert kinds(db) == {}

    report(db, invoice, PaymentStatus.REFUNDED)

    assert kinds(db) == {invoice: ProblemKind.REFUNDED}


@pytest.mark.parametrize(("reported", "currency"), [(1_200_050, "IDR/minor"), (500, "USD/minor")])
def test_a_payment_reported_in_sen_or_another_currency_is_no_rupiah_to_pay_back(
    db: Database, tmp_path: Path, reported: int, currency: str
) -> None:
    """ecommpay reports minor units; what is not whole rupiah is kept as sent (``IDR/minor``,
    ``USD/minor``) and shown so, but never counted as that many rupiah: a payout of 1.200.050
    for a Rp 12.000,50 payment would pay the customer a hundred times over."""
    sale_id, invoice = attempt(db)
    Sales(db).cancel(sale_id, now=NOW)
    Payments(db).record_status(
        invoice,
        PaymentStatus.PAID,
        source=EventSource.RELAY,
        now=LATER,
        amount=reported,
        currency=currency,
    )
    paid = Payments(db).get_attempt(invoice)
    assert paid.late and paid.amount_differs
    assert (paid.reported, paid.received) == (reported, 0)

    assert Refunds(db).refundable(sale_id, invoice) == 0
    [problem] = list_problems(db)
    assert (problem.kind, problem.amount, problem.currency) == (
        ProblemKind.DIFFERS,
        reported,
        currency,
    )
    path = tmp_path / "payments.csv"
    summary = export_payments(db, path, first_day=date(2026, 11, 21))
    [row] = read_csv(path)
    assert (row["paid_amount"], row["currency"], row["standing"]) == (
        str(reported),
        currency,
        "other_amount",
    )
    assert (summary.payments, summary.received) == (1, 0)
    z = build_z_report(db, date(2026, 11, 21), day=BusinessDay())
    assert [(p.invoice_number, p.amount) for p in z.late_payments] == [(invoice, 0)]


def test_a_late_payment_in_rupiah_is_what_may_be_paid_back(db: Database) -> None:
    sale_id, invoice = attempt(db)
    Sales(db).cancel(sale_id, now=NOW)
    Payments(db).record_status(
        invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=LATER, amount=TOTAL,
        currency="IDR",
    )  # fmt: skip
    assert Refunds(db).refundable(sale_id, invoice) == TOTAL


def payout(
    db: Database, sale_id: int, payout_id: str, amount: int = TOTAL, invoice: str | None = None
) -> None:
    """A refund of ``amount`` to the customer's wallet, approved and recorded ``pending``."""
    Refunds(db).create(
        sale_id,
        payout_id,
        amount,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="0812",
        customer_name="Ani",
        approved_by="Bu Rina",
        now=LATER,
        invoice_number=invoice,
    )


def cash_sale(db: Database) -> int:
    sales = Sales(db)
    sale_id = sales.create_sale(
        [LineItem("KOPI", "Kopi", 6000, 2)], cashier="Sari", terminal_id="T1", now=NOW
    )
    sales.complete_cash(sale_id, TOTAL, NOW)
    return sale_id


def paid_after_failing(db: Database, sale_id: int, amount: int, invoice: str | None = None) -> None:
    """Refund PO-1 settled failed, done again as PO-2 (paid), then PO-1 paid by ecommpay after
    all: the customer got ``amount`` twice."""
    refunds = Refunds(db)
    payout(db, sale_id, "PO-1", amount, invoice)
    refunds.settle("PO-1", RefundStatus.FAILED, now=LATER, result={"kind": "not_found"})
    payout(db, sale_id, "PO-2", amount, invoice)
    refunds.settle("PO-2", RefundStatus.PAID, now=LATER)
    assert kinds(db) == ({invoice: ProblemKind.LATE} if invoice else {})
    refunds.settle("PO-1", RefundStatus.PAID, now=NEXT_DAY)


def test_a_refund_paid_after_failing_is_listed_with_its_sale_and_amount(db: Database) -> None:
    sale_id = cash_sale(db)
    paid_after_failing(db, sale_id, TOTAL)

    [problem] = list_problems(db)

    assert problem == ProblemPayment(
        kind=ProblemKind.PAID_AFTER_FAILING,
        invoice_number="PO-1",
        state=AttemptState.PAID,
        since=NEXT_DAY,
        provider=ProviderName.ECOMMPAY_GATE,
        amount=TOTAL,
        sale_id=sale_id,
    )
    assert Refunds(db).refundable(sale_id) == -TOTAL


def test_a_refund_done_again_within_the_sale_total_is_listed_too(db: Database) -> None:
    """Rp 5.000 asked back, paid twice: the sale still has Rp 2.000 to refund, yet the customer
    got Rp 5.000 too much; only the manager can tell."""
    sale_id = cash_sale(db)
    paid_after_failing(db, sale_id, 5_000)

    assert Refunds(db).refundable(sale_id) == 2_000
    assert [(p.kind, p.invoice_number, p.amount) for p in list_problems(db)] == [
        (ProblemKind.PAID_AFTER_FAILING, "PO-1", 5_000)
    ]


def test_a_refund_of_a_late_payment_paid_after_failing_is_listed(db: Database) -> None:
    sale_id, invoice = late(db)
    paid_after_failing(db, sale_id, 5_000, invoice)

    assert [(p.kind, p.invoice_number, p.sale_id) for p in list_problems(db)] == [
        (ProblemKind.LATE, invoice, sale_id),  # Rp 2.000 of it not paid back yet
        (ProblemKind.PAID_AFTER_FAILING, "PO-1", sale_id),
    ]


def test_a_refund_paid_after_ecommpay_declined_it_is_listed(db: Database) -> None:
    sale_id, refunds = cash_sale(db), Refunds(db)
    payout(db, sale_id, "PO-1", 5_000)
    refunds.settle("PO-1", RefundStatus.DECLINED, now=LATER, result={"status": "decline"})
    assert kinds(db) == {"PO-1": ProblemKind.REFUND_NOT_PAID}

    refunds.settle("PO-1", RefundStatus.PAID, now=NEXT_DAY)

    assert [(p.kind, p.invoice_number, p.amount) for p in list_problems(db)] == [
        (ProblemKind.PAID_AFTER_FAILING, "PO-1", 5_000)
    ]


def test_resolving_a_refund_paid_after_failing_is_audited_and_settles_it(db: Database) -> None:
    sale_id = cash_sale(db)
    paid_after_failing(db, sale_id, TOTAL)
    with pytest.raises(ValidationError, match="a reason is required"):
        resolve(db, "PO-1", reason=" ", manager="Bu Rina", now=NEXT_DAY)

    resolve(db, "PO-1", reason="Ani brought Rp 12.000 back", manager="Bu Rina", now=NEXT_DAY)

    [entry] = resolutions(db)
    assert (entry.actor, entry.at) == ("Bu Rina", NEXT_DAY)
    assert entry.detail == {
        "payout_id": "PO-1",
        "sale_id": sale_id,
        "amount": TOTAL,
        "reason": "Ani brought Rp 12.000 back",
    }
    assert kinds(db) == {}
    assert Refunds(db).get("PO-1").status is RefundStatus.PAID, "the money did go out"
    with pytest.raises(NotFound):  # nothing left to resolve: not taken for an orphan
        resolve(db, "PO-1", reason="again", manager="Bu Rina", now=NEXT_DAY)
    assert len(resolutions(db)) == 1


def resolutions(db: Database) -> list[AuditEntry]:
    return [entry for entry in AuditLog(db).recent() if entry.action == "refund.resolve"]


REVERSAL = {"payment": {"id": "PO-1", "type": "payout", "status": "reversed"}}
"""ecommpay's word that it took the payout back (en_gate_payout_model.html: the customer's
account could not be credited after the payout was reported paid)."""


def test_a_payout_reversed_after_it_was_paid_is_listed_until_resolved(db: Database) -> None:
    sale_id, refunds = cash_sale(db), Refunds(db)
    payout(db, sale_id, "PO-1", 5_000)
    refunds.settle("PO-1", RefundStatus.PAID, now=LATER)
    assert kinds(db) == {}

    reversed_ = refunds.record_reversal("PO-1", report=REVERSAL, now=NEXT_DAY)

    assert (reversed_.status, reversed_.reversed_at) == (RefundStatus.PAID, NEXT_DAY)
    assert list_problems(db) == [
        ProblemPayment(
            kind=ProblemKind.PAYOUT_REVERSED,
            invoice_number="PO-1",
            state=AttemptState.PAID,
            since=NEXT_DAY,
            provider=ProviderName.ECOMMPAY_GATE,
            amount=5_000,
            sale_id=sale_id,
        )
    ]
    again = refunds.record_reversal("PO-1", report=REVERSAL, now=NEXT_DAY + timedelta(1))
    assert again == reversed_, "a repeat changes nothing"

    resolve(db, "PO-1", reason="paid Ani Rp 5.000 in cash", manager="Bu Rina", now=NEXT_DAY)

    assert kinds(db) == {}
    [entry] = [e for e in AuditLog(db).recent() if e.action == "refund.resolve_reversal"]
    reason = "paid Ani Rp 5.000 in cash"
    assert (entry.actor, entry.detail) == (
        "Bu Rina",
        {"payout_id": "PO-1", "sale_id": sale_id, "amount": 5_000, "reason": reason},
    )
    [(by, why, report)] = db.execute(
        "SELECT resolved_by, resolution, report FROM payout_reversals"
    ).fetchall()
    assert (by, why, json.loads(report)) == ("Bu Rina", reason, REVERSAL)
    assert Refunds(db).get("PO-1").status is RefundStatus.PAID, "the money did go out"


PARTIAL_REVERSAL = {"payment": {"id": "PO-1", "type": "payout", "status": "partially reversed"}}


def test_a_payout_reversed_again_after_the_manager_resolved_it_is_listed_again(
    db: Database,
) -> None:
    """ecommpay takes back Rp 4.000 of a payout, the manager pays the customer that part and
    resolves it; then it takes back the rest: that money is the customer's too, so the payout
    is listed again with the later report. A repeat of it, or the same reversal as a status
    answer says it, or the older partial one arriving late, lists nothing more."""
    sale_id, refunds = cash_sale(db), Refunds(db)
    payout(db, sale_id, "PO-1", 10_000)
    refunds.settle("PO-1", RefundStatus.PAID, now=LATER)
    refunds.record_reversal("PO-1", report=PARTIAL_REVERSAL, now=NEXT_DAY, left=6_000)
    resolve(db, "PO-1", reason="paid Ani her part in cash", manager="Bu Rina", now=NEXT_DAY)
    assert kinds(db) == {}
    refunds.record_reversal("PO-1", report={"payment": {"id": "PO-1"}}, now=NEXT_DAY, left=6_000)
    assert kinds(db) == {}, "the same reversal said again"

    later = NEXT_DAY + timedelta(hours=2)
    assert refunds.record_reversal("PO-1", report=REVERSAL, now=later).reversed_at == later

    assert kinds(db) == {"PO-1": ProblemKind.PAYOUT_REVERSED}
    [report] = db.execute("SELECT report FROM payout_reversals").fetchone()
    assert json.loads(report) == REVERSAL
    resolve(db, "PO-1", reason="paid Ani the rest", manager="Bu Rina", now=later)
    for again, left in (
        (REVERSAL, None),
        ({"status": "reversed"}, None),
        (PARTIAL_REVERSAL, 6_000),
    ):
        refunds.record_reversal("PO-1", report=again, now=later + timedelta(hours=1), left=left)
        assert kinds(db) == {}, again
    assert [e.action for e in AuditLog(db).recent()].count("refund.resolve_reversal") == 2


def test_a_reversal_of_a_payout_that_paid_nothing_is_no_problem(db: Database) -> None:
    sale_id, refunds = cash_sale(db), Refunds(db)
    payout(db, sale_id, "PO-1", 5_000)
    refunds.settle("PO-1", RefundStatus.DECLINED, now=LATER)

    refunds.record_reversal("PO-1", report=REVERSAL, now=NEXT_DAY)

    assert kinds(db) == {"PO-1": ProblemKind.REFUND_NOT_PAID}, "the decline's; the reversal's none"


def test_a_reversal_supersedes_a_payment_after_failing(db: Database) -> None:
    """PO-1 failed, done again as PO-2, then paid after all (Rp 5.000 twice), then reversed:
    the money came back once, so only the reversal is the manager's to judge, and resolving it
    leaves nothing listed."""
    sale_id = cash_sale(db)
    paid_after_failing(db, sale_id, 5_000)
    assert kinds(db) == {"PO-1": ProblemKind.PAID_AFTER_FAILING}
    Refunds(db).record_reversal("PO-1", report=REVERSAL, now=NEXT_DAY)

    assert kinds(db) == {"PO-1": ProblemKind.PAYOUT_REVERSED}
    resolve(db, "PO-1", reason="Ani has her Rp 5.000 once", manager="Bu Rina", now=NEXT_DAY)

    assert kinds(db) == {}
    assert [e.action for e in AuditLog(db).recent()].count("refund.resolve_reversal") == 1


def test_a_problem_that_changed_while_the_manager_looked_is_not_resolved_unseen(
    db: Database,
) -> None:
    """The tab showed PO-1 paid after failing; a reversal arrives before Mark resolved: the
    reason written for the one must not close the other."""
    sale_id = cash_sale(db)
    paid_after_failing(db, sale_id, 5_000)
    Refunds(db).record_reversal("PO-1", report=REVERSAL, now=NEXT_DAY)

    with pytest.raises(NotFound, match="no longer listed as it was"):
        resolve(
            db,
            "PO-1",
            reason="Ani brought Rp 5.000 back",
            manager="Bu Rina",
            now=NEXT_DAY,
            kind=ProblemKind.PAID_AFTER_FAILING,
        )

    assert kinds(db) == {"PO-1": ProblemKind.PAYOUT_REVERSED}
    assert [e for e in AuditLog(db).recent() if e.action.startswith("refund.resolve")] == []


def qr_sale(db: Database) -> int:
    """Two Kopi paid by DOKU Wallet: a sale whose money may go back to the wallet."""
    sale_id, invoice = attempt(db)
    report(db, invoice, PaymentStatus.PAID)
    Sales(db).complete_with_payment(sale_id, invoice, LATER)
    return sale_id


def wallet_return(db: Database, sale_id: int, payout_id: str, items: int) -> None:
    Returns(db).record(
        sale_id,
        {1: items},
        method=ReturnMethod.WALLET,
        terminal_id="T1",
        cashier="Sari",
        approved_by="Mira",
        now=LATER,
        payout=WalletPayout(payout_id, ProviderName.ECOMMPAY_GATE, "0812", "Ani"),
    )


def test_a_wallet_return_whose_payout_failed_is_listed_whatever_is_returned_after(
    db: Database,
) -> None:
    """Both Kopi back to the wallet; the payout is declined after the customer left: the goods
    are in and the money is not. It stays listed until it is made again or the manager
    resolves it; a return that does not name it cannot take its Kopi back a second time."""
    sale_id, refunds = qr_sale(db), Refunds(db)
    wallet_return(db, sale_id, "PO-1", 2)
    assert kinds(db) == {}, "pending: on its way"
    refunds.settle("PO-1", RefundStatus.DECLINED, now=NEXT_DAY, result={"status": "decline"})

    assert list_problems(db) == [
        ProblemPayment(
            kind=ProblemKind.RETURN_NOT_PAID,
            invoice_number="PO-1",
            state=AttemptState.DECLINED,
            since=NEXT_DAY,
            provider=ProviderName.ECOMMPAY_GATE,
            amount=TOTAL,
            sale_id=sale_id,
        )
    ]
    assert Returns(db).returnable(sale_id).lines[0].left == 2, "its money is owed again"
    with pytest.raises(ValidationError, match="make that return again"):
        Returns(db).record(
            sale_id,
            {1: 1},
            method=ReturnMethod.CASH,
            terminal_id="T1",
            cashier="Sari",
            approved_by="Mira",
            now=NEXT_DAY,
        )
    assert kinds(db) == {"PO-1": ProblemKind.RETURN_NOT_PAID}


def test_a_wallet_return_not_paid_is_resolved_with_a_reason(db: Database) -> None:
    sale_id = qr_sale(db)
    wallet_return(db, sale_id, "PO-1", 2)
    Refunds(db).settle("PO-1", RefundStatus.FAILED, now=NEXT_DAY)

    resolve(
        db,
        "PO-1",
        reason="Ani took the Kopi home again",
        manager="Bu Rina",
        now=NEXT_DAY,
        kind=ProblemKind.RETURN_NOT_PAID,
    )

    assert kinds(db) == {}
    [entry] = [e for e in AuditLog(db).recent() if e.action == "return.resolve_unpaid"]
    assert entry.detail == {
        "payout_id": "PO-1",
        "sale_id": sale_id,
        "amount": TOTAL,
        "reason": "Ani took the Kopi home again",
    }


def test_a_reversal_of_a_payout_still_pending_settles_it_paid_then_lists_it(
    db: Database,
) -> None:
    """Only a paid payout is reversed: its success came late or not at all. Left pending, the
    refund would hold its amount for ever and no check would ever settle it."""
    sale_id, refunds = cash_sale(db), Refunds(db)
    payout(db, sale_id, "PO-1", 5_000)
    reversal = PayoutReport("PO-1", PayoutOutcome.REVERSED, reference="OP-7", raw=REVERSAL)

    reversed_ = settle_from_report(refunds, reversal, now=NEXT_DAY)

    assert (reversed_.status, reversed_.reference, reversed_.reversed_at) == (
        RefundStatus.PAID,
        "OP-7",
        NEXT_DAY,
    )
    assert kinds(db) == {"PO-1": ProblemKind.PAYOUT_REVERSED}
    assert settle_from_report(refunds, reversal, now=NEXT_DAY) == reversed_, "once"


def test_a_payment_problem_that_changed_is_not_resolved_as_what_it_was(db: Database) -> None:
    """The tab showed a decline; the customer's payment lands meanwhile (now money no sale
    took). Resolving "the decline" must not settle the money unseen."""
    _, invoice = attempt(db)
    report(db, invoice, PaymentStatus.DECLINED)
    assert kinds(db) == {invoice: ProblemKind.DECLINED}
    report(db, invoice, PaymentStatus.PAID)
    now_listed = kinds(db)
    assert now_listed[invoice] is not ProblemKind.DECLINED

    with pytest.raises(NotFound, match="no longer listed as it was"):
        resolve(
            db,
            invoice,
            reason="the customer did not pay",
            manager="Bu Rina",
            now=NEXT_DAY,
            kind=ProblemKind.DECLINED,
        )

    assert kinds(db) == now_listed
    assert not [e for e in AuditLog(db).recent() if e.action == "payment.resolve"]


def made_again(
    db: Database,
    sale_id: int,
    redo_of: int,
    items: dict[int, int],
    method: ReturnMethod = ReturnMethod.CASH,
    payout: WalletPayout | None = None,
) -> Return:
    """A return at the counter that names the wallet return not paid back it makes again."""
    return Returns(db).record(
        sale_id,
        items,
        method=method,
        terminal_id="T1",
        cashier="Sari",
        approved_by="Mira",
        now=NEXT_DAY,
        payout=payout,
        redo_of=redo_of,
    )


def test_a_wallet_return_made_again_at_the_counter_is_no_longer_listed(db: Database) -> None:
    sale_id = qr_sale(db)
    wallet_return(db, sale_id, "PO-1", 2)
    Refunds(db).settle("PO-1", RefundStatus.DECLINED, now=NEXT_DAY)
    [unpaid] = Returns(db).returnable(sale_id).not_paid_back
    assert (unpaid.payout_id, unpaid.quantities) == ("PO-1", {1: 2})

    again = made_again(db, sale_id, unpaid.id, {1: 2})

    assert (again.redo_of, again.amount, again.method) == (unpaid.id, TOTAL, ReturnMethod.CASH)
    assert kinds(db) == {}
    assert Returns(db).returnable(sale_id).not_paid_back == ()
    approvals = [e.detail for e in AuditLog(db).recent() if e.action == "return.approve"]
    assert sorted(str(d.get("redo_of")) for d in approvals) == [str(unpaid.id), "None"]


def test_a_return_made_again_takes_the_same_items_once(db: Database) -> None:
    sale_id = qr_sale(db)
    wallet_return(db, sale_id, "PO-1", 2)
    Refunds(db).settle("PO-1", RefundStatus.FAILED, now=NEXT_DAY)
    [unpaid] = Returns(db).returnable(sale_id).not_paid_back

    with pytest.raises(ValidationError, match="same items, no more and no fewer"):
        made_again(db, sale_id, unpaid.id, {1: 1})
    again = made_again(db, sale_id, unpaid.id, {1: 2})
    for redo_of in (unpaid.id, again.id):  # made again already; a cash return
        with pytest.raises(ValidationError, match="not a wallet return left unpaid"):
            made_again(db, sale_id, redo_of, {1: 2})
    assert [t.redo_of for t in Returns(db).for_sale(sale_id)] == [None, unpaid.id]


def test_a_wallet_return_on_its_way_is_not_made_again(db: Database) -> None:
    sale_id = qr_sale(db)
    wallet_return(db, sale_id, "PO-1", 2)
    [pending] = Returns(db).for_sale(sale_id)

    assert Returns(db).returnable(sale_id).not_paid_back == ()
    with pytest.raises(ValidationError, match="not a wallet return left unpaid"):
        made_again(db, sale_id, pending.id, {1: 2})


def test_a_return_resolved_by_the_manager_is_not_made_again(db: Database) -> None:
    sale_id = qr_sale(db)
    wallet_return(db, sale_id, "PO-1", 2)
    Refunds(db).settle("PO-1", RefundStatus.FAILED, now=NEXT_DAY)
    [unpaid] = Returns(db).returnable(sale_id).not_paid_back
    resolve(
        db,
        "PO-1",
        reason="paid by bank",
        manager="Mira",
        now=NEXT_DAY,
        kind=ProblemKind.RETURN_NOT_PAID,
    )

    assert Returns(db).returnable(sale_id).not_paid_back == ()
    with pytest.raises(ValidationError, match="not a wallet return left unpaid"):
        made_again(db, sale_id, unpaid.id, {1: 2})


def test_a_return_made_again_to_the_wallet_that_fails_too_is_listed_in_its_place(
    db: Database,
) -> None:
    sale_id = qr_sale(db)
    wallet_return(db, sale_id, "PO-1", 2)
    Refunds(db).settle("PO-1", RefundStatus.FAILED, now=NEXT_DAY)
    [unpaid] = Returns(db).returnable(sale_id).not_paid_back

    made_again(
        db,
        sale_id,
        unpaid.id,
        {1: 2},
        method=ReturnMethod.WALLET,
        payout=WalletPayout("PO-2", ProviderName.ECOMMPAY_GATE, "0812", "Ani"),
    )
    assert kinds(db) == {}, "pending: on its way"
    Refunds(db).settle("PO-2", RefundStatus.DECLINED, now=NEXT_DAY)

    assert kinds(db) == {"PO-2": ProblemKind.RETURN_NOT_PAID}
    [again] = Returns(db).returnable(sale_id).not_paid_back
    assert again.payout_id == "PO-2"


def test_a_return_whose_money_went_back_since_is_not_offered_to_make_again(
    db: Database,
) -> None:
    """Half the sale refunded to the wallet after the failed wallet return of both Kopi:
    making that one again would give back more than the sale has left; the manager settles it
    with a reason."""
    sale_id = qr_sale(db)
    wallet_return(db, sale_id, "PO-1", 2)
    Refunds(db).settle("PO-1", RefundStatus.FAILED, now=NEXT_DAY)
    payout(db, sale_id, "PO-2", TOTAL // 2)

    assert Returns(db).returnable(sale_id).not_paid_back == ()
    assert kinds(db) == {"PO-1": ProblemKind.RETURN_NOT_PAID}


def test_a_return_made_again_is_not_owed_once_the_first_payout_is_paid_after_all(
    db: Database,
) -> None:
    """One Kopi to the wallet fails; made again to the wallet, declined; then ecommpay pays the
    first payout after all. The customer has the Kopi's money: the declined one is owed nothing
    (offering it again would pay twice), and the manager sees the payment after failing."""
    sale_id = qr_sale(db)
    wallet_return(db, sale_id, "PO-1", 1)
    Refunds(db).settle("PO-1", RefundStatus.FAILED, now=NEXT_DAY)
    [first] = Returns(db).returnable(sale_id).not_paid_back
    again = made_again(
        db,
        sale_id,
        first.id,
        {1: 1},
        method=ReturnMethod.WALLET,
        payout=WalletPayout("PO-2", ProviderName.ECOMMPAY_GATE, "0812", "Ani"),
    )
    Refunds(db).settle("PO-2", RefundStatus.DECLINED, now=NEXT_DAY)
    assert kinds(db) == {"PO-2": ProblemKind.RETURN_NOT_PAID}

    Refunds(db).settle("PO-1", RefundStatus.PAID, now=NEXT_DAY)

    assert kinds(db) == {"PO-1": ProblemKind.PAID_AFTER_FAILING}
    assert Returns(db).returnable(sale_id).not_paid_back == ()
    with pytest.raises(ValidationError, match="not a wallet return left unpaid"):
        made_again(db, sale_id, again.id, {1: 1})


@pytest.mark.parametrize(
    ("reported", "currency", "listed"),
    [
        (5_000, "IDR", False),
        (None, None, False),  # no amount said: taken as paid as asked
        (50_000, "IDR", True),
        (500_000, "IDR/minor", True),  # Rp 5.000 in sen: not whole rupiah, not as asked
    ],
)
def test_a_payout_reported_paid_for_another_amount_is_listed_until_resolved(
    db: Database, reported: int | None, currency: str | None, listed: bool
) -> None:
    """ecommpay says the Rp 5.000 payout was paid for another amount: the refund counts what
    was asked, so the manager sees what was reported, until resolved."""
    sale_id, refunds = cash_sale(db), Refunds(db)
    payout(db, sale_id, "PO-1", 5_000)
    paid = PayoutReport("PO-1", PayoutOutcome.PAID, amount=reported, currency=currency)

    assert settle_from_report(refunds, paid, now=LATER).status is RefundStatus.PAID

    if not listed:
        assert kinds(db) == {}
        return
    assert list_problems(db) == [
        ProblemPayment(
            kind=ProblemKind.PAYOUT_DIFFERS,
            invoice_number="PO-1",
            state=AttemptState.PAID,
            since=LATER,
            provider=ProviderName.ECOMMPAY_GATE,
            amount=reported,
            currency=currency or "IDR",
            sale_id=sale_id,
        )
    ]
    with pytest.raises(NotFound):  # the manager saw another problem: not resolved unseen
        resolve(db, "PO-1", reason="x", manager="Bu Rina", now=NEXT_DAY, kind=ProblemKind.LATE)
    resolve(
        db,
        "PO-1",
        reason="ecommpay's report was wrong; Ani got Rp 5.000",
        manager="Bu Rina",
        now=NEXT_DAY,
        kind=ProblemKind.PAYOUT_DIFFERS,
    )
    assert kinds(db) == {}
    assert [e.action for e in AuditLog(db).recent()].count("refund.resolve_differs") == 1


def test_a_payout_paid_for_another_amount_after_failing_is_listed_once_and_a_reversal_wins(
    db: Database,
) -> None:
    sale_id, refunds = cash_sale(db), Refunds(db)
    payout(db, sale_id, "PO-1", 5_000)
    refunds.settle("PO-1", RefundStatus.FAILED, now=LATER)
    paid = PayoutReport("PO-1", PayoutOutcome.PAID, amount=6_000, currency="IDR")
    settle_from_report(refunds, paid, now=LATER)
    assert [p.kind for p in list_problems(db)] == [ProblemKind.PAYOUT_DIFFERS]

    refunds.record_reversal("PO-1", report=REVERSAL, now=NEXT_DAY)
    assert [p.kind for p in list_problems(db)] == [ProblemKind.PAYOUT_REVERSED]


def test_a_late_payment_resolved_by_one_manager_is_not_refunded_by_another(db: Database) -> None:
    """Two back offices: one resolves the late payment ("refunded by hand at DOKU") while the
    other has its refund dialog open; the refund is refused rather than pay it back twice."""
    sale_id, invoice = late(db)
    resolve(db, invoice, reason="refunded by hand at DOKU", manager="Bu Rina", now=LATER)

    assert Refunds(db).refundable(sale_id, invoice) == 0
    with pytest.raises(ValidationError, match="was resolved by a manager"):
        payout(db, sale_id, "PO-1", invoice=invoice)


def test_a_late_payment_with_a_refund_on_its_way_is_not_resolved_another_way(
    db: Database,
) -> None:
    sale_id, invoice = late(db)
    payout(db, sale_id, "PO-1", invoice=invoice)

    with pytest.raises(StoreError, match=r"PO-1 of payment .* is on its way"):
        resolve(db, invoice, reason="gave cash from the drawer", manager="Bu Rina", now=LATER)
    Refunds(db).settle("PO-1", RefundStatus.FAILED, now=NEXT_DAY)
    resolve(db, invoice, reason="gave cash from the drawer", manager="Bu Rina", now=NEXT_DAY)
    assert kinds(db) == {}


@pytest.mark.parametrize("to", ["its own sale", "another sale"])
def test_a_late_payment_attached_meanwhile_is_refunded_as_its_sales_takings_only(
    db: Database, to: str
) -> None:
    """A refund dialog of a late payment opened before another manager attached it to a sale:
    the refund naming it is refused, since its money is that sale's takings now (to refund
    through that sale), not a late payment's, nor its own sale's other money."""
    sale_id, invoice = late(db)
    taker = sale_id
    if to == "another sale":
        taker = Sales(db).create_sale(
            [LineItem("KOPI", "Kopi", 6000, 2)], cashier="Sari", terminal_id="T1", now=NOW
        )
        Sales(db).cancel(taker, now=NOW)
    attach(db, invoice, taker, manager="Bu Rina", day=BusinessDay(), now=LATER)

    assert Refunds(db).refundable(sale_id, invoice) == 0
    with pytest.raises(ValidationError, match="a sale's takings"):
        payout(db, sale_id, "PO-1", invoice=invoice)


def test_a_late_payment_partly_refunded_at_the_provider_is_not_attached(db: Database) -> None:
    """ecommpay refunded Rp 5.000 of a late Rp 12.000 from its dashboard: attached, the sale
    would count Rp 12.000 of takings of which 5.000 went back, and the attachment would pass
    for the manager's word on that refund. It is refused; the rest is refunded or resolved."""
    sales, payments = Sales(db), Payments(db)
    sale_id = sales.create_sale(
        [LineItem("KOPI", "Kopi", 6000, 2)], cashier="Sari", terminal_id="T1", now=NOW
    )
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, ProviderName.ECOMMPAY_PAGE, TOTAL, invoice, NOW)
    sales.cancel(sale_id, now=NOW)
    report(db, invoice, PaymentStatus.PAID)
    payments.record_status(
        invoice,
        PaymentStatus.PAID,
        source=EventSource.RELAY,
        now=LATER,
        amount=7_000,
        currency="IDR",
        balance=True,
    )
    assert Payments(db).get_attempt(invoice).provider_refunded == 5_000

    with pytest.raises(StoreError, match="refunded at the provider"):
        attach(db, invoice, sale_id, manager="Bu Rina", day=BusinessDay(), now=NEXT_DAY)
    assert Sales(db).get(sale_id).status is SaleStatus.CANCELLED
    assert Refunds(db).refundable(sale_id, invoice) == 7_000


def test_a_payout_reported_paid_without_an_amount_then_for_another_is_listed(
    db: Database,
) -> None:
    """The first word said paid with no amount (a status answer without a sum, a reversal of a
    pending payout): a later one naming another amount is kept and listed, not dropped as a
    repeat of "paid"."""
    sale_id, refunds = cash_sale(db), Refunds(db)
    payout(db, sale_id, "PO-1", 5_000)
    settle_from_report(refunds, PayoutReport("PO-1", PayoutOutcome.PAID), now=LATER)
    assert kinds(db) == {}

    later = PayoutReport("PO-1", PayoutOutcome.PAID, amount=50_000, currency="IDR")
    settle_from_report(refunds, later, now=NEXT_DAY)

    assert kinds(db) == {"PO-1": ProblemKind.PAYOUT_DIFFERS}
    assert Refunds(db).get("PO-1").paid_amount == 50_000


def test_a_partial_reversal_kept_before_the_upgrade_is_listed_again_when_the_rest_comes_back(
    tmp_path: Path,
) -> None:
    """Kept (and resolved) before reversals knew what they left paid out: the first full
    reversal after the upgrade is listed again, since the kept one may have been partial."""
    conn = sqlite3.connect(tmp_path / "old.db")
    db = Database(conn)
    migrate(db)
    sale_id, refunds = cash_sale(db), Refunds(db)
    payout(db, sale_id, "PO-1", 10_000)
    refunds.settle("PO-1", RefundStatus.PAID, now=LATER)
    with conn:  # as an older Kasir kept it, and the upgrade marked it (-1: left unknown)
        conn.execute(
            "INSERT INTO payout_reversals (refund_id, reported_at, report, left_paid) "
            "VALUES (?, ?, ?, -1)",
            [refunds.get("PO-1").id, NEXT_DAY.isoformat(), json.dumps(PARTIAL_REVERSAL)],
        )
    resolve(db, "PO-1", reason="paid Ani her part in cash", manager="Bu Rina", now=NEXT_DAY)
    assert kinds(db) == {}

    refunds.record_reversal("PO-1", report=REVERSAL, now=NEXT_DAY + timedelta(hours=2))

    assert kinds(db) == {"PO-1": ProblemKind.PAYOUT_REVERSED}


@pytest.mark.parametrize("left", [None, 5_000], ids=["in full", "in part"])
def test_a_resolved_late_payment_refunded_at_the_provider_afterwards_is_listed_again(
    db: Database, left: int | None
) -> None:
    """Guards a resolution that no longer covers its payment: the manager resolved a late
    payment ("gave it back in cash"), then it was refunded at the provider too, so the customer
    may have the money twice. Refunded in part it was listed again; in full it was not."""
    _, invoice = late(db, ProviderName.ECOMMPAY_PAGE)
    resolve(db, invoice, reason="gave it back in cash", manager="Bu Rina", now=LATER)
    assert kinds(db) == {}

    Payments(db).record_status(
        invoice,
        PaymentStatus.PAID if left else PaymentStatus.REFUNDED,
        source=EventSource.RELAY,
        now=NEXT_DAY,
        amount=left,
        currency="IDR" if left else None,
        balance=bool(left),
    )

    [problem] = list_problems(db)
    assert (problem.kind, problem.invoice_number) == (ProblemKind.LATE, invoice)
    assert not problem.attachable
    resolve(db, invoice, reason="the customer brought it back", manager="Bu Rina", now=NEXT_DAY)
    assert kinds(db) == {}


def test_a_late_payment_paid_back_in_part_while_the_manager_looked_is_not_resolved_unseen(
    db: Database,
) -> None:
    """Guards a reason written for another problem than is listed now: the manager saw the late
    payment with nothing paid back (a payout of part of it on its way) and wrote "gave it all
    back in cash"; the payout was paid meanwhile, so that part went back twice. Still late, it
    was resolved anyway."""
    sale_id, invoice = late(db)
    payout(db, sale_id, "PO-1", 5_000, invoice)
    [seen] = list_problems(db)
    Refunds(db).settle("PO-1", RefundStatus.PAID, now=NEXT_DAY)

    with pytest.raises(NotFound, match="no longer listed as it was"):
        resolve(
            db,
            invoice,
            reason="gave it all back in cash",
            manager="Bu Rina",
            now=NEXT_DAY,
            seen=seen,
        )

    [now_listed] = list_problems(db)
    assert (now_listed.kind, now_listed.refunded) == (ProblemKind.LATE, 5_000)
    resolve(
        db,
        invoice,
        reason="gave the rest back in cash",
        manager="Bu Rina",
        now=NEXT_DAY,
        seen=now_listed,
    )
    assert kinds(db) == {}


@pytest.mark.parametrize("kind", [ProblemKind.PAYOUT_REVERSED, ProblemKind.RETURN_NOT_PAID])
def test_money_owed_is_not_resolved_while_the_refund_paying_it_is_on_its_way(
    db: Database, kind: ProblemKind
) -> None:
    """Guards the customer's claim: the tab says to refund the sale again, then mark the
    problem resolved; the manager sent the refund and resolved it at once. Should that payout
    fail, the customer was owed the money again and no problem said so."""
    sale_id, refunds = qr_sale(db), Refunds(db)
    if kind is ProblemKind.PAYOUT_REVERSED:
        payout(db, sale_id, "PO-1", 5_000)
        refunds.settle("PO-1", RefundStatus.PAID, now=LATER)
        refunds.record_reversal("PO-1", report=REVERSAL, now=LATER)
    else:
        wallet_return(db, sale_id, "PO-1", 1)
        refunds.settle("PO-1", RefundStatus.FAILED, now=LATER)
    [seen] = list_problems(db)
    assert seen.kind is kind
    payout(db, sale_id, "PO-2", 5_000)

    with pytest.raises(StoreError, match=r"PO-2 .* is on its way"):
        resolve(db, "PO-1", reason="paid by PO-2", manager="Bu Rina", now=NEXT_DAY, seen=seen)
    refunds.settle("PO-2", RefundStatus.FAILED, now=NEXT_DAY)

    assert kinds(db) == {"PO-1": kind}


def test_a_refund_declined_after_the_manager_moved_on_is_owed_until_refunded_again(
    db: Database,
) -> None:
    """ecommpay's decline of a sale's refund came after the refund dialog was closed: the
    customer was told the money is on its way and got nothing, and nothing said so. It is
    listed until the sale is refunded again by as much (the new payout carries the claim, and
    is listed in its place should it fail too)."""
    sale_id, refunds = cash_sale(db), Refunds(db)
    payout(db, sale_id, "PO-1", 5_000)
    refunds.settle("PO-1", RefundStatus.DECLINED, now=LATER, result={"status": "decline"})
    [owed] = list_problems(db)
    assert (owed.kind, owed.invoice_number, owed.state, owed.amount, owed.sale_id) == (
        ProblemKind.REFUND_NOT_PAID,
        "PO-1",
        AttemptState.DECLINED,
        5_000,
        sale_id,
    )

    payout(db, sale_id, "PO-2", 5_000)
    assert kinds(db) == {}, "on its way again"
    refunds.settle("PO-2", RefundStatus.FAILED, now=NEXT_DAY)
    assert kinds(db) == {"PO-2": ProblemKind.REFUND_NOT_PAID}
    payout(db, sale_id, "PO-3", 5_000)
    refunds.settle("PO-3", RefundStatus.PAID, now=NEXT_DAY)
    assert kinds(db) == {}


def test_a_refund_not_paid_is_resolved_with_a_reason_once_no_refund_is_on_its_way(
    db: Database,
) -> None:
    """Paid in cash instead: the manager says so. A smaller refund of the sale on its way (the
    customer may be paid by it) waits for its answer first."""
    sale_id, refunds = cash_sale(db), Refunds(db)
    payout(db, sale_id, "PO-1", 5_000)
    refunds.settle("PO-1", RefundStatus.FAILED, now=LATER)
    payout(db, sale_id, "PO-2", 1_000)
    with pytest.raises(StoreError, match=r"PO-2 .* is on its way"):
        resolve(db, "PO-1", reason="paid in cash", manager="Bu Rina", now=NEXT_DAY)
    refunds.settle("PO-2", RefundStatus.PAID, now=NEXT_DAY)

    resolve(db, "PO-1", reason="Rp 4.000 more in cash", manager="Bu Rina", now=NEXT_DAY)

    assert kinds(db) == {}
    [entry] = [e for e in AuditLog(db).recent() if e.action == "refund.resolve_unpaid"]
    assert entry.detail["payout_id"] == "PO-1" and entry.detail["amount"] == 5_000


def test_a_failed_refund_of_a_late_payment_leaves_it_listed_as_late_only(db: Database) -> None:
    """The late payment's money is still the customer's: listed once, as late, to refund."""
    sale_id, invoice = late(db)
    payout(db, sale_id, "PO-1", 5_000, invoice)
    Refunds(db).settle("PO-1", RefundStatus.FAILED, now=LATER)

    assert kinds(db) == {invoice: ProblemKind.LATE}
