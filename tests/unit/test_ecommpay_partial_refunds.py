"""A partial refund at ecommpay (from its dashboard) is money that went back, not the whole payment.

ecommpay sends one callback per refund operation: ``payment.status`` ``partially refunded`` (or
``refunded`` once nothing is left), ``operation.type`` ``refund`` with that operation's amount in
``operation.sum_initial`` / ``sum_converted``, and the payment's balance in ``payment.sum``
(ecommpay's WooCommerce plugin: ``EcpModuleRefund::handle`` books ``operation.sum_initial`` as the
refund and notes ``payment.sum`` as "Payment balance"). The balance is cumulative, so the later
callback's figure wins: two partial refunds add up, and a repeated or late callback changes
nothing.
"""

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.payments.ecommpay.callback import parse_callback, read_payment
from pos_app.payments.ecommpay.payouts import payout_report
from pos_app.payments.ecommpay.statuses import is_partial_refund, payment_status
from pos_app.payments.model import (
    LEFT_UNKNOWN,
    AttemptState,
    PaymentRequest,
    PaymentStatus,
    PayoutOutcome,
    ProviderName,
    RelayEvent,
)
from pos_app.payments.registry import reports_balance
from pos_app.reports.payments_csv import PaymentsSummary, export_payments
from pos_app.store import migrations
from pos_app.store.database import migrate, open_database, utc_text
from pos_app.store.migrations import MIGRATIONS
from pos_app.store.payment_records import Outcome
from pos_app.store.payments import Payments
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.refunds import Refunds
from pos_app.store.returns import Returns
from pos_app.store.sales import Sales
from pos_app.store.uploads import UploadOutbox
from pos_app.till.problem_payments import attach, resolve

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=2)
NEXT_DAY = NOW + timedelta(days=1)
PRICE = 10_000
TOTAL = 10 * PRICE
KOPI_10 = (LineItem("KOPI", "Kopi", PRICE, 10),)
PAGE = ProviderName.ECOMMPAY_PAGE


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def callback(
    invoice: str, status: str, balance: int, *, operation: str = "sale", operated: int = TOTAL
) -> dict[str, Any]:
    """ecommpay's callback (its signed fields) with rupiah amounts written in minor units."""
    return {
        "project_id": 1234,
        "payment": {
            "id": invoice,
            "type": "purchase",
            "status": status,
            "date": "2026-11-21T05:00:00+0000",
            "method": "doku",
            "sum": {"amount": balance * 100, "currency": "IDR"},
        },
        "operation": {
            "id": 7,
            "type": operation,
            "status": "success",
            "date": "2026-11-21T05:00:00+0000",
            "request_id": f"{operation}-{status}-{balance}",
            "sum_initial": {"amount": operated * 100, "currency": "IDR"},
            "sum_converted": {"amount": operated * 100, "currency": "IDR"},
            "code": "0",
            "message": "Success",
        },
    }


def refund(invoice: str, refunded: int, balance: int) -> dict[str, Any]:
    """A refund operation of ``refunded`` rupiah that leaves ``balance`` paid."""
    status = "partially refunded" if balance else "refunded"
    return callback(invoice, status, balance, operation="refund", operated=refunded)


def relay(payments: Payments, cursor: int, body: dict[str, Any], *, now: datetime = LATER) -> bool:
    """What the relay makes of a verified callback, applied as the terminal applies it."""
    event = parse_callback(body)
    return payments.record_relay_event(
        RelayEvent(
            cursor,
            event.invoice_number,
            PAGE,
            event.status,
            "2026-11-21T05:00:00Z",
            dict(event.raw),
            event.amount,
            event.currency,
            reports_balance(PAGE, event.raw),
        ),
        now=now,
    )


class Till:
    """A completed ecommpay sale (ten items at Rp 10.000 unless ``lines`` says otherwise), and
    the relay's events for it."""

    def __init__(self, db: Database, lines: tuple[LineItem, ...] = KOPI_10) -> None:
        self.db = db
        self.payments = Payments(db)
        self.cursor = 0
        sales = Sales(db)
        self.sale_id = sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=NOW)
        total = sales.get(self.sale_id).total
        self.invoice = self.payments.next_invoice_number("T1", NOW)
        self.payments.create_attempt(self.sale_id, PAGE, total, self.invoice, NOW)
        self.payments.record_request(
            PaymentRequest(PAGE, self.invoice, total, "https://pay.example/x"), now=NOW
        )
        self.relay(callback(self.invoice, "success", total))
        sales.complete_with_payment(self.sale_id, self.invoice, NOW)

    def relay(self, body: dict[str, Any], *, now: datetime = LATER) -> bool:
        self.cursor += 1
        return relay(self.payments, self.cursor, body, now=now)

    def return_outside(self, items: int, line_no: int = 1) -> None:
        Returns(self.db).record(
            self.sale_id,
            {line_no: items},
            method=ReturnMethod.OUTSIDE,
            terminal_id="T1",
            cashier="Sari",
            approved_by="Mira",
            now=NEXT_DAY,
        )

    def problems(self) -> list[tuple[ProblemKind, AttemptState, int | None]]:
        return [(p.kind, p.state, p.amount) for p in list_problems(self.db)]


def test_a_partial_refund_callback_is_a_paid_report_for_the_balance() -> None:
    event = parse_callback(refund("KSR-1", 10_000, 90_000))

    assert (event.status, event.amount, event.currency) == (PaymentStatus.PAID, 90_000, "IDR")
    balance = refund("KSR-1", 10_000, 90_000)
    assert read_payment(balance, balance["operation"]).balance, "the status answer's reading too"
    assert not read_payment(callback("KSR-1", "success", TOTAL), None).balance
    assert is_partial_refund("Partially  Refunded") and is_partial_refund("partially reversed")
    assert payment_status("partially reversed") is PaymentStatus.PAID
    full = parse_callback(refund("KSR-1", TOTAL, 0))
    assert (full.status, full.amount) == (PaymentStatus.REFUNDED, 0)
    assert payment_status("reversed") is PaymentStatus.REFUNDED


def test_a_partial_refund_leaves_the_payment_paid_and_asks_for_the_amount_refunded(
    db: Database,
) -> None:
    till = Till(db)
    assert till.problems() == []

    till.relay(refund(till.invoice, 10_000, 90_000))

    attempt = till.payments.get_attempt(till.invoice)
    assert (attempt.state, attempt.late, attempt.received) == (AttemptState.PAID, False, TOTAL)
    assert attempt.provider_refunded == 10_000
    assert attempt.events[-1].outcome is Outcome.APPLIED
    assert till.problems() == [(ProblemKind.REFUNDED, AttemptState.PAID, 10_000)]
    returnable = Returns(db).returnable(till.sale_id)
    assert not returnable.refunded_at_provider, "the other items can still be returned"


def test_a_full_refund_is_unchanged(db: Database) -> None:
    till = Till(db)

    till.relay(refund(till.invoice, TOTAL, 0))

    attempt = till.payments.get_attempt(till.invoice)
    assert (attempt.state, attempt.provider_refunded) == (AttemptState.REFUNDED, 0)
    assert till.problems() == [(ProblemKind.REFUNDED, AttemptState.REFUNDED, TOTAL)]
    assert Returns(db).returnable(till.sale_id).refunded_at_provider
    till.return_outside(9)
    assert till.problems() == [(ProblemKind.REFUNDED, AttemptState.REFUNDED, TOTAL)]
    till.return_outside(1)
    assert till.problems() == []


def test_two_partial_refunds_add_up_and_a_late_or_repeated_callback_changes_nothing(
    db: Database,
) -> None:
    till = Till(db)
    first = refund(till.invoice, 10_000, 90_000)
    till.relay(first)
    till.relay(refund(till.invoice, 15_000, 75_000))

    assert till.payments.get_attempt(till.invoice).provider_refunded == 25_000
    assert till.problems() == [(ProblemKind.REFUNDED, AttemptState.PAID, 25_000)]

    # The first refund's callback again, after the second's (its operation the same; a payment
    # date of its own, else the till would drop it as a delivery it holds already).
    first["payment"]["date"] = "2026-11-21T06:00:00+0000"
    assert till.relay(first)
    attempt = till.payments.get_attempt(till.invoice)
    assert (attempt.provider_refunded, attempt.events[-1].outcome) == (25_000, Outcome.REPEATED)
    assert till.problems() == [(ProblemKind.REFUNDED, AttemptState.PAID, 25_000)]


def test_returns_recorded_outside_kasir_settle_a_partial_refund(db: Database) -> None:
    till = Till(db)
    till.relay(refund(till.invoice, 10_000, 90_000))
    till.relay(refund(till.invoice, 15_000, 75_000))

    till.return_outside(2)
    assert till.problems() == [(ProblemKind.REFUNDED, AttemptState.PAID, 25_000)]
    till.return_outside(1)

    assert till.problems() == [(ProblemKind.RETURNED_NOT_REFUNDED, AttemptState.PAID, 5_000)], (
        "Rp 30.000 returned outside Kasir covers the Rp 25.000, and takes Rp 5.000 more off the "
        "takings than went back: the manager is told"
    )
    assert till.payments.get_attempt(till.invoice).state is AttemptState.PAID


def test_a_return_recorded_outside_takes_no_more_items_than_the_provider_refunded(
    db: Database,
) -> None:
    """Rp 10.000 refunded from ecommpay's dashboard is one item of Rp 10.000: nine recorded as
    refunded there would take Rp 80.000 off the takings that never went back."""
    till = Till(db)
    till.relay(refund(till.invoice, 10_000, 90_000))

    for items in (9, 2):
        with pytest.raises(ValidationError, match=r"refunded Rp 10\.000 that no return accounts"):
            till.return_outside(items)
    till.return_outside(1)

    assert till.problems() == []
    with pytest.raises(ValidationError, match="refunded Rp 0 that no return accounts"):
        till.return_outside(1)


def test_a_return_recorded_outside_is_not_rounded_up_to_a_dearer_item(db: Database) -> None:
    """Rp 10.000 refunded on a sale of a Rp 90.000 radio and a Rp 10.000 coffee: the coffee went
    back, not the radio."""
    till = Till(db, (LineItem("RADIO", "Radio", 90_000, 1), LineItem("KOPI", "Kopi", PRICE, 1)))
    till.relay(refund(till.invoice, 10_000, 90_000))

    with pytest.raises(ValidationError, match=r"refunded Rp 10\.000 that no return accounts"):
        till.return_outside(1, line_no=1)
    till.return_outside(1, line_no=2)

    assert till.problems() == []


def test_a_resolved_partial_refund_comes_back_with_the_next_one(db: Database) -> None:
    till = Till(db)
    till.relay(refund(till.invoice, 10_000, 90_000))
    resolve(db, till.invoice, reason="paid back by hand", manager="Mira", now=LATER)
    assert till.problems() == []

    till.relay(refund(till.invoice, 5_000, 85_000), now=NEXT_DAY)

    assert till.problems() == [(ProblemKind.REFUNDED, AttemptState.PAID, 15_000)]


def test_a_full_refund_after_a_partial_one_asks_for_the_whole_payment(db: Database) -> None:
    till = Till(db)
    till.relay(refund(till.invoice, 10_000, 90_000))

    till.relay(refund(till.invoice, 90_000, 0))

    assert till.payments.get_attempt(till.invoice).state is AttemptState.REFUNDED
    assert till.problems() == [(ProblemKind.REFUNDED, AttemptState.REFUNDED, TOTAL)]


def test_a_declined_refund_changes_nothing(db: Database) -> None:
    """A refund the provider declined leaves the payment ``success`` for its whole sum."""
    till = Till(db)
    declined = callback(till.invoice, "success", TOTAL, operation="refund", operated=10_000)
    declined["operation"]["status"] = "decline"

    till.relay(declined)

    attempt = till.payments.get_attempt(till.invoice)
    assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, 0)
    assert till.problems() == []


def test_a_payout_partly_reversed_is_reversed_not_paid() -> None:
    body = callback("KSR-R-1", "partially reversed", 40_000, operation="reversal")
    body["payment"]["type"] = "payout"
    event = parse_callback(body)

    report = payout_report(
        "KSR-R-1", event.status, event.raw, amount=event.amount, currency=event.currency
    )
    unsaid = payout_report("KSR-R-1", event.status, event.raw, amount=0, currency="XXX/minor")

    assert (report.outcome, report.left) == (PayoutOutcome.REVERSED, event.amount)
    assert (unsaid.outcome, unsaid.left) == (PayoutOutcome.REVERSED, LEFT_UNKNOWN)


def test_a_lower_doku_amount_after_paid_is_no_refund(db: Database) -> None:
    """DOKU names the order's amount, not a balance: a second SUCCESS for less is a
    contradiction kept apart for the manager (an orphan report), and takes nothing off what the
    payment brought in."""
    payments = Payments(db)
    sale_id = Sales(db).create_sale(
        [LineItem("KOPI", "Kopi", PRICE, 10)], cashier="Sari", terminal_id="T1", now=NOW
    )
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, ProviderName.DOKU, TOTAL, invoice, NOW)
    for amount in (TOTAL, TOTAL - 10_000):
        payments.record_status(
            invoice, PaymentStatus.PAID, source="relay", now=LATER, amount=amount, currency="IDR"
        )
    attempt = payments.get_attempt(invoice)
    assert (attempt.state, attempt.received, attempt.provider_refunded) == (
        AttemptState.PAID,
        TOTAL,
        0,
    )
    assert [event.outcome for event in attempt.events] == [Outcome.APPLIED, Outcome.APPLIED]
    [report] = payments.orphan_events()
    assert (report.invoice_number, report.outcome) == (invoice, Outcome.ORPHAN)


def test_money_the_provider_refunded_in_part_is_not_given_back_again_in_cash(
    db: Database,
) -> None:
    """Rp 60.000 of Rp 100.000 went back from ecommpay's dashboard: a cash return of every item
    would pay the customer Rp 160.000. Only Rp 40.000 is left for cash or a payout; recording the
    dashboard's refund as a return outside Kasir uses the Rp 60.000."""
    till = Till(db)
    till.relay(refund(till.invoice, 60_000, 40_000))
    returns = Returns(db)
    assert returns.returnable(till.sale_id).refundable == 40_000
    with pytest.raises(ValidationError, match="has left to refund"):
        returns.record(
            till.sale_id, {1: 10}, method=ReturnMethod.CASH, terminal_id="T1", cashier="Sari",
            approved_by="Mira", now=NEXT_DAY,
        )  # fmt: skip
    till.return_outside(6)
    assert till.problems() == []
    assert returns.returnable(till.sale_id).refundable == 40_000


def test_a_partial_refund_of_a_late_payment_attached_to_another_sale_counts_for_that_sale(
    db: Database,
) -> None:
    """An attached payment keeps the sale it was made for; the sale it paid has its invoice."""
    payments, sales = Payments(db), Sales(db)
    lines = [LineItem("KOPI", "Kopi", PRICE, 10)]
    first = sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=NOW)
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(first, PAGE, TOTAL, invoice, NOW)
    payments.record_request(PaymentRequest(PAGE, invoice, TOTAL, "https://pay.example/x"), now=NOW)
    sales.cancel(first, now=NOW)
    relay(payments, 1, callback(invoice, "success", TOTAL))
    second = sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=NOW)
    attach(db, invoice, second, manager="Mira", day=BusinessDay(), now=LATER)

    relay(payments, 2, refund(invoice, 30_000, 70_000))

    assert Refunds(db).refundable(second) == TOTAL - 30_000


def test_a_late_payment_paid_back_partly_at_ecommpay_and_the_rest_by_kasir_is_settled(
    db: Database,
) -> None:
    """Rp 30.000 of a late Rp 100.000 went back from ecommpay's dashboard, the other Rp 70.000 by
    a Kasir payout naming it: nothing of it is left, so it is no longer a problem payment."""
    payments, sales = Payments(db), Sales(db)
    sale_id = sales.create_sale(
        [LineItem("KOPI", "Kopi", PRICE, 10)], cashier="Sari", terminal_id="T1", now=NOW
    )
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, PAGE, TOTAL, invoice, NOW)
    payments.record_request(PaymentRequest(PAGE, invoice, TOTAL, "https://pay.example/x"), now=NOW)
    sales.cancel(sale_id, now=NOW)
    relay(payments, 1, callback(invoice, "success", TOTAL))
    relay(payments, 2, refund(invoice, 30_000, 70_000))
    refunds = Refunds(db)
    assert refunds.refundable(sale_id, invoice) == 70_000
    refunds.create(
        sale_id, "PO-1", 70_000, provider=PAGE, account_number="0812", customer_name="Ani",
        approved_by="Mira", now=LATER, invoice_number=invoice,
    )  # fmt: skip
    assert [(p.kind, p.refunded) for p in list_problems(db)] == [(ProblemKind.LATE, 30_000)]

    refunds.settle("PO-1", RefundStatus.PAID, now=LATER)

    assert list_problems(db) == []


def test_a_partial_refund_reported_before_the_payment_itself_is_a_paid_payment_partly_refunded(
    db: Database, tmp_path: Path
) -> None:
    """ecommpay's success callback was still in its retries when the dashboard refund's came:
    the customer paid the Rp 100.000 asked and Rp 30.000 went back, not "paid Rp 70.000"."""
    payments, sales = Payments(db), Sales(db)
    sale_id = sales.create_sale(
        [LineItem("KOPI", "Kopi", PRICE, 10)], cashier="Sari", terminal_id="T1", now=NOW
    )
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, PAGE, TOTAL, invoice, NOW)
    payments.record_request(PaymentRequest(PAGE, invoice, TOTAL, "https://pay.example/x"), now=NOW)

    relay(payments, 1, refund(invoice, 30_000, 70_000))

    attempt = payments.get_attempt(invoice)
    assert (attempt.state, attempt.late, attempt.received) == (AttemptState.PAID, False, TOTAL)
    assert attempt.provider_refunded == 30_000
    relay(payments, 2, callback(invoice, "success", TOTAL))
    assert payments.get_attempt(invoice).events[-1].outcome is Outcome.REPEATED
    sales.complete_with_payment(sale_id, invoice, LATER)
    assert [(p.kind, p.amount) for p in list_problems(db)] == [(ProblemKind.REFUNDED, 30_000)]
    assert Refunds(db).refundable(sale_id) == 70_000
    _, rows = payments_file(db, tmp_path, NOW.date())
    assert [(r["record_type"], r["paid_amount"]) for r in rows] == [
        ("payment", "100000"),
        ("provider_refund", "-30000"),
    ]


def test_the_payments_file_lists_each_refund_at_the_provider_on_the_day_it_was_recorded(
    db: Database, tmp_path: Path
) -> None:
    """What went back from ecommpay's dashboard is money out, on the day Kasir heard of it: the
    file's amounts add up to the money in less the money out, day by day, as the provider's
    settlement report has them."""
    till = Till(db)
    till.relay(refund(till.invoice, 10_000, 90_000))
    till.relay(refund(till.invoice, 15_000, 75_000), now=NEXT_DAY)
    till.relay(refund(till.invoice, 75_000, 0), now=NEXT_DAY + timedelta(hours=1))
    till.relay(refund(till.invoice, 15_000, 75_000), now=NEXT_DAY + timedelta(hours=2))  # late

    first, first_rows = payments_file(db, tmp_path, NOW.date())
    second, second_rows = payments_file(db, tmp_path, NEXT_DAY.date())

    assert [(r["record_type"], r["paid_amount"], r["refund_of"]) for r in first_rows] == [
        ("payment", "100000", ""),
        ("provider_refund", "-10000", till.invoice),
    ]
    assert [(r["record_type"], r["paid_amount"], r["state"]) for r in second_rows] == [
        ("provider_refund", "-15000", "paid"),
        ("provider_refund", "-75000", "paid"),
    ]
    assert {r["sale_id"] for r in first_rows + second_rows} == {str(till.sale_id)}
    assert (first.received, first.paid_out, first.provider_refunds) == (TOTAL, 10_000, 1)
    assert (second.rows, second.payouts, second.paid_out) == (2, 0, 90_000)


def payments_file(db: Database, folder: Path, day: date) -> tuple[PaymentsSummary, list[dict]]:
    path = folder / f"payments-{day}.csv"
    summary = export_payments(db, path, first_day=day, day=BusinessDay())
    with path.open(encoding="utf-8", newline="") as handle:
        return summary, list(csv.DictReader(handle))


def test_refunds_at_the_provider_recorded_before_the_upgrade_are_in_the_payments_file(
    tmp_path: Path,
) -> None:
    """A payment refunded from DOKU's back office last month was money out then: the upgrade
    puts it in the file on the day its refund was recorded, and sends that day again."""
    path = tmp_path / "old.db"
    old = Database(path)
    migrate(old, MIGRATIONS[: MIGRATIONS.index(migrations._PROVIDER_REFUND_ROWS)])
    old.execute("ALTER TABLE payment_events ADD COLUMN business_date TEXT")  # today's store's
    payments = Payments(old)
    # The sale as that Kasir wrote it (today's store writes columns that schema lacks).
    sale_id = old.execute(
        "INSERT INTO sales (created_at, business_date, status, cashier, terminal_id, total) "
        "VALUES (?, ?, 'open', 'Sari', 'T1', ?)",
        [utc_text(NOW), NOW.date().isoformat(), TOTAL],
    ).lastrowid
    old.execute(
        "INSERT INTO sale_lines (sale_id, line_no, sku, name, unit_price, quantity, line_total) "
        "VALUES (?, 1, 'KOPI', 'Kopi', ?, 10, ?)",
        [sale_id, PRICE, TOTAL],
    )
    assert sale_id is not None
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, ProviderName.DOKU, TOTAL, invoice, NOW)
    payments.record_status(invoice, PaymentStatus.PAID, source="relay", now=NOW)
    old.execute(
        "UPDATE sales SET status = 'completed', tender = 'qr', provider = 'doku', "
        "completed_at = ?, invoice_number = ?, receipt_number = 'T1-20261121-0001' WHERE id = ?",
        [utc_text(NOW), invoice, sale_id],
    )
    # The refund as that Kasir recorded it: today's store would also write its refund row.
    old.execute(
        "UPDATE payment_attempts SET state = 'refunded' WHERE invoice_number = ?", [invoice]
    )
    old.execute(
        "INSERT INTO payment_events (attempt_id, invoice_number, source, state, outcome, "
        "created_at, status, payload) SELECT attempt_id, invoice_number, source, 'refunded', "
        "'applied', ?, 'refunded', '{}' FROM payment_events WHERE invoice_number = ?",
        [utc_text(NEXT_DAY), invoice],
    )
    old.execute("ALTER TABLE payment_events DROP COLUMN business_date")
    old.conn.commit()
    old.close()
    db = open_database(path)
    UploadOutbox(db, BusinessDay()).place_moments()

    _, rows = payments_file(db, tmp_path, NEXT_DAY.date())

    assert [(r["record_type"], r["paid_amount"], r["refund_of"]) for r in rows] == [
        ("provider_refund", "-100000", invoice)
    ]
    assert NEXT_DAY.date() in [
        pending.business_date for pending in UploadOutbox(db, BusinessDay()).pending()
    ]
    db.close()


def test_a_new_day_rule_sends_the_day_of_a_refund_at_the_provider_again(db: Database) -> None:
    """A refund at 01:00 WIB on the 23rd stays on the day it was recorded on once the cut-off
    moves to 04:00 (its day is kept): that day's payments file goes to the relay again, with its
    new local times, though nothing else is on it; the 22nd gets nothing of it."""
    till = Till(db)
    at_one = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)  # 01:00 WIB on the 23rd
    till.relay(refund(till.invoice, 10_000, 90_000), now=at_one)
    midnight = UploadOutbox(db, BusinessDay())
    midnight.place_moments()
    for pending in midnight.pending():
        assert midnight.mark_uploaded(pending.business_date, pending.revision, at_one)
    assert midnight.pending() == []

    four = UploadOutbox(db, BusinessDay(cutoff=time(4, 0)))
    four.place_moments()

    assert [pending.business_date for pending in four.pending()] == [
        date(2026, 11, 21),
        date(2026, 11, 23),
    ]


def undone(invoice: str, refunded: int, balance: int, operation_id: int) -> dict[str, Any]:
    """ecommpay's ``refund reverse`` of a refund of ``refunded`` rupiah: ``balance`` is paid
    again (``payment.status`` ``success`` once nothing stays refunded)."""
    status = "partially refunded" if balance < TOTAL else "success"
    body = callback(invoice, status, balance, operation="refund reverse", operated=refunded)
    body["operation"]["id"] = operation_id
    body["operation"]["date"] = "2026-11-22T05:00:00+0000"
    return body


def numbered(body: dict[str, Any], operation_id: int) -> dict[str, Any]:
    body["operation"]["id"] = operation_id
    return body


def test_a_refund_undone_at_ecommpay_is_money_the_shop_keeps_and_an_older_retry_changes_nothing(
    db: Database, tmp_path: Path
) -> None:
    """Two refunds, then ecommpay undoes the second (``refund reverse``): the balance is up by
    it, the manager is asked for returns of the first only, and the payments file gives the
    money back to the day the undo was heard. The second refund's callback, retried after the
    undo's, is older news: a lower balance it names is not taken again."""
    till = Till(db)
    till.relay(numbered(refund(till.invoice, 10_000, 90_000), 20))
    second = numbered(refund(till.invoice, 15_000, 75_000), 21)
    till.relay(second)

    till.relay(undone(till.invoice, 15_000, 90_000, 22), now=NEXT_DAY)

    attempt = till.payments.get_attempt(till.invoice)
    assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, 10_000)
    assert attempt.events[-1].outcome is Outcome.APPLIED
    assert till.problems() == [(ProblemKind.REFUNDED, AttemptState.PAID, 10_000)]
    _, rows = payments_file(db, tmp_path, NEXT_DAY.date())
    assert [(r["record_type"], r["paid_amount"]) for r in rows] == [("provider_refund", "15000")]

    second["payment"]["date"] = "2026-11-22T06:00:00+0000"  # its retry, after the undo's
    assert till.relay(second, now=NEXT_DAY)
    attempt = till.payments.get_attempt(till.invoice)
    assert (attempt.provider_refunded, attempt.events[-1].outcome) == (10_000, Outcome.REPEATED)
    till.return_outside(1)
    assert till.problems() == []


def test_a_full_refund_undone_makes_the_payment_paid_again_and_lists_it_no_more(
    db: Database,
) -> None:
    """ecommpay refunded all of it, then undid that refund: nothing stays refunded, so no
    return outside Kasir is asked for, and a late retry of the refund's callback is no news."""
    till = Till(db)
    whole = numbered(refund(till.invoice, TOTAL, 0), 30)
    till.relay(whole)
    assert till.problems() == [(ProblemKind.REFUNDED, AttemptState.REFUNDED, TOTAL)]

    till.relay(undone(till.invoice, TOTAL, TOTAL, 31))

    attempt = till.payments.get_attempt(till.invoice)
    assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, 0)
    assert till.problems() == []
    rows = db.execute(
        "SELECT amount FROM provider_refunds WHERE attempt_id = ? ORDER BY id", [attempt.id]
    ).fetchall()
    assert [amount for (amount,) in rows] == [TOTAL, -TOTAL]

    whole["payment"]["date"] = "2026-11-21T07:00:00+0000"  # the refund's retry, late
    assert till.relay(whole)
    attempt = till.payments.get_attempt(till.invoice)
    assert (attempt.state, attempt.events[-1].outcome) == (AttemptState.PAID, Outcome.REPEATED)
    assert till.problems() == []


def test_a_refund_heard_before_its_payment_and_undone_since_stays_undone(db: Database) -> None:
    """A refund's callback came before the payment's success (held back, applied once the
    success came), then ecommpay undid the refund. A paid report after that (the success's
    callback retried, a status answer) must not apply the held refund a second time: the
    money is the shop's again."""
    payments, sales = Payments(db), Sales(db)
    sale_id = sales.create_sale(KOPI_10, cashier="Sari", terminal_id="T1", now=NOW)
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, PAGE, TOTAL, invoice, NOW)
    payments.record_request(PaymentRequest(PAGE, invoice, TOTAL, "https://pay.example/x"), now=NOW)
    relay(payments, 1, numbered(refund(invoice, TOTAL, 0), 40))
    paid = callback(invoice, "success", TOTAL)
    relay(payments, 2, paid)
    assert payments.get_attempt(invoice).state is AttemptState.REFUNDED, "held back, then taken"

    relay(payments, 3, undone(invoice, TOTAL, TOTAL, 41))
    assert payments.get_attempt(invoice).state is AttemptState.PAID

    paid["payment"]["date"] = "2026-11-22T08:00:00+0000"  # the success's callback, retried
    relay(payments, 4, paid)
    attempt = payments.get_attempt(invoice)
    assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, 0)
