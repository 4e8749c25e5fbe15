"""The amount DOKU refunded, entered by the manager: DOKU's REFUNDED names none, so Kasir takes
the whole payment as refunded until the manager reads the real amount in DOKU's back office.
Then the money counts as ecommpay's "partially refunded" does: the problem row, what may still be
refunded or returned, the payments file and the Z report all count paid less that amount."""

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.returns import ReturnMethod
from pos_app.payments.model import AttemptState, PaymentRequest, PaymentStatus, ProviderName
from pos_app.reports.payments_csv import export_payments
from pos_app.reports.z_report import build_z_report
from pos_app.store.audit import AuditLog
from pos_app.store.database import open_database
from pos_app.store.errors import NotFound, StoreError
from pos_app.store.payment_records import EventSource, Outcome
from pos_app.store.payments import Payments
from pos_app.store.problem_payments import ProblemKind, ProblemPayment, list_problems
from pos_app.store.refunds import Refunds
from pos_app.store.returns import Returns
from pos_app.store.sales import Sales
from pos_app.store.uploads import UploadOutbox
from pos_app.till.problem_payments import REFUNDED_AMOUNT, record_refunded_amount

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
REFUNDED_AT = NOW + timedelta(days=1)
ENTERED = NOW + timedelta(days=2)
DAY = BusinessDay()
PRICE = 3_000
TOTAL = 4 * PRICE
HALF = 2 * PRICE


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def refunded_sale(db: Database, provider: ProviderName = ProviderName.DOKU) -> tuple[int, str]:
    """Four coffees paid by QR, then reported REFUNDED from the provider's back office."""
    sale_id, invoice = paid_sale(db, provider)
    refunded(db, invoice, REFUNDED_AT)
    return sale_id, invoice


def paid_sale(db: Database, provider: ProviderName = ProviderName.DOKU) -> tuple[int, str]:
    """Four coffees paid by QR: the sale and its invoice."""
    sales, payments = Sales(db), Payments(db)
    sale_id = sales.create_sale(
        [LineItem("KOPI", "Kopi", PRICE, 4)], cashier="Sari", terminal_id="T1", now=NOW
    )
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, provider, TOTAL, invoice, NOW)
    payments.record_request(
        PaymentRequest(provider, invoice, TOTAL, "https://pay.example/x"), now=NOW
    )
    payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=NOW)
    sales.complete_with_payment(sale_id, invoice, NOW)
    return sale_id, invoice


def refunded(db: Database, invoice: str, now: datetime, amount: int | None = None) -> None:
    """DOKU's REFUNDED, naming no amount, or the order's."""
    Payments(db).record_status(
        invoice, PaymentStatus.REFUNDED, source=EventSource.RELAY, now=now, amount=amount
    )


def the_row(db: Database) -> ProblemPayment:
    [problem] = list_problems(db)
    return problem


def enter(db: Database, amount: int, *, now: datetime = ENTERED) -> None:
    record_refunded_amount(db, the_row(db), amount, manager="Bu Rina", day=DAY, now=now)


def return_outside(db: Database, sale_id: int, items: int, *, now: datetime = ENTERED) -> None:
    Returns(db).record(
        sale_id,
        {1: items},
        method=ReturnMethod.OUTSIDE,
        terminal_id="T1",
        cashier="Sari",
        approved_by="Bu Rina",
        now=now,
    )


def money_rows(db: Database, folder: Path, day: date) -> list[tuple[str, int]]:
    """(record type, amount) of each row of the payments file of ``day``."""
    path = folder / f"payments-{day}.csv"
    export_payments(db, path, first_day=day, day=DAY)
    with path.open(encoding="utf-8", newline="") as handle:
        return [(r["record_type"], int(r["paid_amount"])) for r in csv.DictReader(handle)]


def test_the_amount_entered_counts_as_a_partial_refund_everywhere(
    db: Database, tmp_path: Path
) -> None:
    sale_id, invoice = refunded_sale(db)
    assert (the_row(db).kind, the_row(db).amount) == (ProblemKind.REFUNDED, TOTAL)
    assert Refunds(db).refundable(sale_id) == 0, "taken as all of it"
    assert money_rows(db, tmp_path, NOW.date()) == [("payment", TOTAL)]
    assert money_rows(db, tmp_path, REFUNDED_AT.date()) == [("provider_refund", -TOTAL)]
    outbox = UploadOutbox(db, DAY)
    outbox.place_moments()
    for pending in outbox.pending():
        outbox.mark_uploaded(pending.business_date, pending.revision, REFUNDED_AT)

    enter(db, HALF)

    attempt = Payments(db).get_attempt(invoice)
    assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, HALF)
    assert (attempt.events[-1].source, attempt.events[-1].outcome) == (
        EventSource.CASHIER,
        Outcome.APPLIED,
    )
    assert attempt.events[-1].payload == {"refunded_amount": HALF, "entered_by": "Bu Rina"}
    row = the_row(db)
    assert (row.kind, row.state, row.amount) == (ProblemKind.REFUNDED, AttemptState.PAID, HALF)
    assert Refunds(db).refundable(sale_id) == TOTAL - HALF
    assert money_rows(db, tmp_path, NOW.date()) == [("payment", TOTAL)]
    assert money_rows(db, tmp_path, REFUNDED_AT.date()) == [("provider_refund", -TOTAL)], (
        "the day the REFUNDED came stays as it was (closed, it was signed off so)"
    )
    assert money_rows(db, tmp_path, ENTERED.date()) == [("provider_refund", TOTAL - HALF)]
    outbox.place_moments()
    assert [pending.business_date for pending in outbox.pending()] == [
        NOW.date(),
        ENTERED.date(),
    ], "the payment's row says paid, the correction is today's: both days go to the relay"
    [entry] = [e for e in AuditLog(db).recent() if e.action == REFUNDED_AMOUNT]
    assert (entry.actor, entry.at, entry.detail) == (
        "Bu Rina",
        ENTERED,
        {"invoice_number": invoice, "sale_id": sale_id, "refunded": HALF, "before": TOTAL,
         "paid": TOTAL},
    )  # fmt: skip

    return_outside(db, sale_id, 1)
    assert (the_row(db).amount, Refunds(db).refundable(sale_id)) == (HALF, TOTAL - HALF)
    return_outside(db, sale_id, 1)
    assert list_problems(db) == [], "the two coffees DOKU refunded are accounted for"
    takings = [
        build_z_report(db, day, day=DAY, now=ENTERED).net_total
        for day in (NOW.date(), REFUNDED_AT.date(), ENTERED.date())
    ]
    assert takings == [TOTAL, 0, -HALF]
    assert Refunds(db).refundable(sale_id) == TOTAL - HALF, "the rest is the customer's to return"


def provider_refunds(db: Database, invoice: str) -> list[int]:
    return [
        amount
        for (amount,) in db.execute(
            "SELECT p.amount FROM provider_refunds p JOIN payment_attempts a "
            "ON a.id = p.attempt_id WHERE a.invoice_number = ? ORDER BY p.id",
            [invoice],
        )
    ]


def test_a_status_answer_of_refunded_does_not_undo_the_amount_entered(db: Database) -> None:
    """DOKU's REFUNDED names no amount refunded (the order's amount at most): a status answer
    says no more than the manager read."""
    _, invoice = refunded_sale(db)
    enter(db, HALF)
    payments = Payments(db)

    for amount in (None, TOTAL):
        payments.record_status(
            invoice, PaymentStatus.REFUNDED, source=EventSource.STATUS, now=ENTERED, amount=amount
        )

    attempt = payments.get_attempt(invoice)
    assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, HALF)
    assert [e.outcome for e in attempt.events[-2:]] == [Outcome.REPEATED] * 2
    assert provider_refunds(db, invoice) == [TOTAL, HALF - TOTAL]
    assert (the_row(db).amount, the_row(db).state) == (HALF, AttemptState.PAID)


@pytest.mark.parametrize("amount", [None, TOTAL])
def test_a_new_refunded_notification_after_the_figure_takes_the_rest_as_refunded(
    db: Database, amount: int | None
) -> None:
    """DOKU sends a notification for each refund (the till drops a retry it holds already):
    one after the manager's figure may be the rest refunded. Kept as a repeat, it left the
    figure standing; with the items of that figure returned outside Kasir, nothing was listed
    and the counter could still give the other Rp 6.000 back: the customer paid twice."""
    sale_id, invoice = refunded_sale(db)
    enter(db, HALF)
    return_outside(db, sale_id, 2)
    assert list_problems(db) == []

    refunded(db, invoice, ENTERED + timedelta(days=1), amount=amount)

    attempt = Payments(db).get_attempt(invoice)
    assert attempt.state is AttemptState.REFUNDED
    assert provider_refunds(db, invoice) == [TOTAL, HALF - TOTAL, TOTAL - HALF]
    assert Refunds(db).refundable(sale_id) == 0
    assert (the_row(db).amount, the_row(db).state) == (TOTAL, AttemptState.REFUNDED)


def test_the_whole_amount_leaves_it_refunded_in_full(db: Database, tmp_path: Path) -> None:
    _, invoice = refunded_sale(db)

    enter(db, TOTAL)

    attempt = Payments(db).get_attempt(invoice)
    assert (attempt.state, attempt.events[-1].outcome) == (AttemptState.REFUNDED, Outcome.REPEATED)
    assert (the_row(db).amount, the_row(db).state) == (TOTAL, AttemptState.REFUNDED)
    assert money_rows(db, tmp_path, REFUNDED_AT.date()) == [("provider_refund", -TOTAL)]
    assert [e.action for e in AuditLog(db).recent(1)] == [REFUNDED_AMOUNT]


def test_an_amount_entered_is_put_right_while_the_payment_is_listed(db: Database) -> None:
    _, invoice = refunded_sale(db)
    enter(db, HALF)

    enter(db, PRICE, now=ENTERED + timedelta(hours=1))
    assert (the_row(db).amount, sum(provider_refunds(db, invoice))) == (PRICE, PRICE)

    enter(db, TOTAL, now=ENTERED + timedelta(hours=2))
    assert Payments(db).get_attempt(invoice).state is AttemptState.REFUNDED
    assert (the_row(db).amount, sum(provider_refunds(db, invoice))) == (TOTAL, TOTAL)


@pytest.mark.parametrize(
    ("amount", "error"),
    [
        (0, "refunded amount must be between Rp 1 and"),
        (-PRICE, "refunded amount must be between Rp 1 and"),
        (TOTAL + 1, r"DOKU refunded at most the Rp 12\.000 paid, not Rp 12\.001"),
    ],
)
def test_an_amount_of_nothing_or_more_than_was_paid_is_refused_and_nothing_is_written(
    db: Database, amount: int, error: str
) -> None:
    _, invoice = refunded_sale(db)
    before = (Payments(db).get_attempt(invoice), AuditLog(db).recent())

    with pytest.raises(ValidationError, match=error):
        enter(db, amount)

    assert (Payments(db).get_attempt(invoice), AuditLog(db).recent()) == before
    assert provider_refunds(db, invoice) == [TOTAL]


def test_only_a_doku_payment_listed_as_refunded_takes_an_amount(db: Database) -> None:
    """ecommpay says what it refunded (a balance), and a payment still paid was refunded of
    nothing: neither takes a manager's amount, in the list or in the store."""
    _, invoice = refunded_sale(db, ProviderName.ECOMMPAY_PAGE)
    with pytest.raises(ValidationError, match="only a payment DOKU reports refunded"):
        enter(db, HALF)
    sales, payments = Sales(db), Payments(db)
    sale_id = sales.create_sale(
        [LineItem("KOPI", "Kopi", PRICE, 4)], cashier="Sari", terminal_id="T1", now=NOW
    )
    paid = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, ProviderName.DOKU, TOTAL, paid, NOW)
    payments.record_status(paid, PaymentStatus.PAID, source=EventSource.RELAY, now=NOW)
    for number in (invoice, paid):
        with pytest.raises(StoreError, match="is no DOKU payment reported refunded"):
            payments.record_refunded_amount(number, HALF, payload={}, now=ENTERED)
    assert provider_refunds(db, invoice) == [TOTAL]
    assert payments.get_attempt(paid).state is AttemptState.PAID


def test_a_row_that_changed_since_the_manager_saw_it_takes_no_amount(db: Database) -> None:
    """Another manager entered an amount meanwhile: this one's figure was for the row before."""
    _, invoice = refunded_sale(db)
    seen = the_row(db)
    enter(db, HALF)

    with pytest.raises(NotFound, match="no longer listed as it was"):
        record_refunded_amount(db, seen, PRICE, manager="Pak Budi", day=DAY, now=ENTERED)

    assert Payments(db).get_attempt(invoice).provider_refunded == HALF


def test_a_payment_refunded_at_doku_and_in_cash_before_counts_each_once(db: Database) -> None:
    """One coffee came back in cash at the counter; then the manager refunded two more from
    DOKU's back office: the customer paid 12.000 and got 9.000 back, one coffee is left."""
    sale_id, invoice = paid_sale(db)
    Returns(db).record(
        sale_id, {1: 1}, method=ReturnMethod.CASH, terminal_id="T1", cashier="Sari",
        approved_by="Bu Rina", now=NOW + timedelta(hours=1),
    )  # fmt: skip
    refunded(db, invoice, REFUNDED_AT)
    assert (the_row(db).amount, Refunds(db).refundable(sale_id)) == (TOTAL, -PRICE)

    enter(db, HALF)

    assert (the_row(db).amount, Refunds(db).refundable(sale_id)) == (HALF, PRICE)
    return_outside(db, sale_id, 2)
    assert list_problems(db) == []
    takings = [
        build_z_report(db, day, day=DAY, now=ENTERED).net_total
        for day in (NOW.date(), REFUNDED_AT.date(), ENTERED.date())
    ]
    assert sum(takings) == PRICE
    assert Returns(db).returnable(sale_id).refundable == PRICE
