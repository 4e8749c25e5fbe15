import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import SaleStatus
from pos_app.payments.model import (
    AttemptState,
    EventSink,
    PaymentOrder,
    PaymentRequest,
    PaymentStatus,
    ProviderName,
    RelayEvent,
    RelayPosition,
    StatusResult,
)
from pos_app.reports.payments_csv import export_payments
from pos_app.store.database import open_database
from pos_app.store.errors import InvalidTransition, NotFound, StoreError
from pos_app.store.payment_records import EventSource, Outcome
from pos_app.store.payments import Payments
from pos_app.store.sales import Sales
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)  # 10:00 in Jakarta
TOTAL = 12000


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "kasir.db"


@pytest.fixture
def db(path: Path) -> Iterator[Database]:
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def payments(db: Database) -> Payments:
    return Payments(db)


class NoProvider:
    """The relay's events are applied without asking a payment provider."""

    name = ProviderName.DOKU

    def create_payment(self, order: PaymentOrder) -> PaymentRequest:
        raise AssertionError("no payment is made here")

    def check_status(self, invoice_number: str) -> StatusResult:
        raise AssertionError("no payment is checked here")


@pytest.fixture
def sink(path: Path, db: Database) -> Iterator[EventSink]:
    """The relay client's event sink as production has it: the checkout, over the same file."""
    store = TerminalStore(path)
    yield Checkout(store, NoProvider(), terminal_id="T1", clock=lambda: NOW)
    store.close()


def new_sale(db: Database) -> int:
    return Sales(db).create_sale(
        [LineItem("KOPI", "Kopi", 6000, 2)], cashier="Sari", terminal_id="T1", now=NOW
    )


def new_attempt(payments: Payments, db: Database, sale_id: int | None = None) -> str:
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id or new_sale(db), ProviderName.DOKU, TOTAL, invoice, NOW)
    return invoice


def relay(cursor: int, invoice: str, status: PaymentStatus) -> RelayEvent:
    return RelayEvent(
        cursor, invoice, ProviderName.DOKU, status, "2026-11-21T03:01:00Z", {"n": cursor}
    )


def event_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM payment_events").fetchone()[0])


def test_invoice_numbers_are_readable_and_never_reused(path: Path, db: Database) -> None:
    payments = Payments(db)
    first = payments.next_invoice_number("T1", NOW)
    assert first == "KSR-T1-20261121-000001"
    assert payments.next_invoice_number("T1", NOW) == "KSR-T1-20261121-000002"
    db.close()
    reopened = Payments(open_database(path))
    tomorrow = NOW + timedelta(days=1)
    assert reopened.next_invoice_number("T1", tomorrow) == "KSR-T1-20261122-000003"
    longest = reopened.next_invoice_number("KASIR-LANTAI-02", NOW)
    assert len(longest) <= 64


def test_an_invoice_number_that_a_provider_would_refuse_is_rejected(payments: Payments) -> None:
    with pytest.raises(ValidationError, match="invoice number"):
        payments.next_invoice_number("T 1/2", NOW)
    with pytest.raises(ValidationError, match="at most 64"):
        payments.next_invoice_number("T" * 60, NOW)


def test_an_attempt_is_written_as_created_with_its_event(payments: Payments, db: Database) -> None:
    invoice = new_attempt(payments, db)
    attempt = payments.get_attempt(invoice)
    assert (attempt.state, attempt.amount, attempt.provider) == (
        AttemptState.CREATED,
        TOTAL,
        ProviderName.DOKU,
    )
    assert not attempt.late
    assert [(e.source, e.state, e.outcome) for e in attempt.events] == [
        (EventSource.SYSTEM, AttemptState.CREATED, Outcome.APPLIED)
    ]


def test_a_sale_gets_no_second_attempt_while_one_is_open(payments: Payments, db: Database) -> None:
    sale_id = new_sale(db)
    invoice = new_attempt(payments, db, sale_id)
    with pytest.raises(StoreError, match=f"already has payment {invoice}"):
        new_attempt(payments, db, sale_id)
    payments.record_status(invoice, PaymentStatus.DECLINED, source="relay", now=NOW)
    retry = new_attempt(payments, db, sale_id)
    assert payments.get_attempt(retry).sale_id == sale_id


def test_attempts_must_match_their_sale(payments: Payments, db: Database) -> None:
    sale_id = new_sale(db)
    with pytest.raises(ValidationError, match="differs from the sale total"):
        payments.create_attempt(sale_id, "doku", TOTAL + 1, "KSR-X-1", NOW)
    with pytest.raises(NotFound, match="sale 42"):
        payments.create_attempt(42, "doku", TOTAL, "KSR-X-1", NOW)
    with pytest.raises(ValidationError, match="provider"):
        payments.create_attempt(sale_id, "paypal", TOTAL, "KSR-X-1", NOW)
    payments.create_attempt(sale_id, "doku", TOTAL, "KSR-X-1", NOW)
    payments.record_status("KSR-X-1", PaymentStatus.EXPIRED, source="status", now=NOW)
    with pytest.raises(StoreError, match="KSR-X-1 was already used"):
        payments.create_attempt(sale_id, "doku", TOTAL, "KSR-X-1", NOW)


def test_the_providers_answer_makes_it_pending(payments: Payments, db: Database) -> None:
    invoice = new_attempt(payments, db)
    expires = NOW + timedelta(minutes=15)
    request = PaymentRequest(
        ProviderName.DOKU, invoice, TOTAL, "https://pay.example/q/1", expires, "DOKU-77"
    )
    attempt = payments.record_request(request, now=NOW)
    assert attempt.state is AttemptState.PENDING
    assert (attempt.payment_url, attempt.expires_at, attempt.reference) == (
        "https://pay.example/q/1",
        expires,
        "DOKU-77",
    )


def test_a_forbidden_transition_is_an_error_and_writes_nothing(
    payments: Payments, db: Database
) -> None:
    invoice = new_attempt(payments, db)
    payments.transition(invoice, AttemptState.PAID, source="status", now=NOW)
    before = event_count(db)
    with pytest.raises(InvalidTransition, match="is paid; it cannot become pending"):
        payments.transition(invoice, AttemptState.PENDING, source="cashier", now=NOW)
    assert event_count(db) == before
    assert payments.get_attempt(invoice).state is AttemptState.PAID


def test_a_repeated_state_is_recorded_but_not_an_error(payments: Payments, db: Database) -> None:
    invoice = new_attempt(payments, db)
    payments.transition(invoice, AttemptState.PAID, source="status", now=NOW)
    attempt = payments.transition(invoice, AttemptState.PAID, source="status", now=NOW)
    assert [e.outcome for e in attempt.events][-2:] == [Outcome.APPLIED, Outcome.REPEATED]


def test_a_payment_after_cancelling_is_a_late_payment(payments: Payments, db: Database) -> None:
    invoice = new_attempt(payments, db)
    payments.transition(invoice, AttemptState.CANCELLED, source="cashier", now=NOW)
    assert payments.late_payments() == []
    event = payments.record_status(
        invoice, PaymentStatus.PAID, source="relay", now=NOW, reference="R1"
    )
    assert event.outcome is Outcome.APPLIED
    attempt = payments.get_attempt(invoice)
    assert (attempt.state, attempt.late, attempt.reference) == (AttemptState.PAID, True, "R1")
    assert [late.invoice_number for late in payments.late_payments()] == [invoice]


def test_a_payment_the_provider_failed_is_failed_at_once_and_a_success_after_it_is_late(
    payments: Payments, db: Database
) -> None:
    """ecommpay's error words end a pending payment (as a decline does); a success reported for
    the same payment afterwards is kept as a late payment, never lost."""
    invoice = new_attempt(payments, db)
    payments.transition(invoice, AttemptState.PENDING, source="system", now=NOW)
    failed = payments.record_status(invoice, PaymentStatus.FAILED, source="relay", now=NOW)
    assert (failed.outcome, payments.get_attempt(invoice).state) == (
        Outcome.APPLIED,
        AttemptState.FAILED,
    )
    paid = payments.record_status(invoice, PaymentStatus.PAID, source="status", now=NOW)
    attempt = payments.get_attempt(invoice)
    assert (paid.outcome, attempt.state, attempt.late) == (Outcome.APPLIED, AttemptState.PAID, True)
    assert [late.invoice_number for late in payments.late_payments()] == [invoice]


def test_the_event_log_is_append_only(payments: Payments, db: Database) -> None:
    new_attempt(payments, db)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE payment_events SET state = 'paid'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM payment_events")
    assert event_count(db) == 1


def test_relay_events_are_applied_once_with_their_cursor(
    payments: Payments, db: Database, sink: EventSink
) -> None:
    invoice = new_attempt(payments, db)
    assert sink.relay_position() == RelayPosition(None, 0)
    batch = [relay(7, invoice, PaymentStatus.PAID), relay(6, invoice, PaymentStatus.PENDING)]
    assert sink.apply_relay_events(batch, RelayPosition("e1", 7)) == batch[::-1]
    attempt = payments.get_attempt(invoice)
    assert attempt.state is AttemptState.PAID
    relayed = [e for e in attempt.events if e.source is EventSource.RELAY]
    assert [(e.relay_cursor, e.status, e.outcome) for e in relayed] == [
        (6, PaymentStatus.PENDING, Outcome.APPLIED),
        (7, PaymentStatus.PAID, Outcome.APPLIED),
    ]
    assert relayed[0].payload["payload"] == {"n": 6}
    assert sink.relay_position() == RelayPosition("e1", 7)

    # the same batch again, after a lost answer
    assert sink.apply_relay_events(batch, RelayPosition("e1", 7)) == []
    sink.apply_relay_events([], RelayPosition("e1", 5))  # an older cursor never moves it back
    assert len(payments.get_attempt(invoice).events) == len(attempt.events)
    assert sink.relay_position() == RelayPosition("e1", 7)


def test_a_relayed_doku_notification_records_the_reference_a_status_check_would(
    payments: Payments, db: Database, sink: EventSink
) -> None:
    """DOKU's non-SNAP notification names the order's request in
    ``transaction.original_request_id`` (developers.doku.com, HTTP Notification Sample - Non
    SNAP), as its Check Status answer does: an attempt whose create answer was lost learns it
    from the relay too."""
    invoice = new_attempt(payments, db)
    body = {
        "order": {"invoice_number": invoice, "amount": TOTAL},
        "transaction": {"status": "SUCCESS", "original_request_id": "req-7f3a"},
    }
    at = "2026-11-21T03:01:00Z"
    paid = RelayEvent(1, invoice, ProviderName.DOKU, PaymentStatus.PAID, at, body, TOTAL, "IDR")
    sink.apply_relay_events([paid], RelayPosition("e1", 1))
    attempt = payments.get_attempt(invoice)
    assert (attempt.state, attempt.reference) == (AttemptState.PAID, "req-7f3a")


def test_a_relay_with_another_epoch_hands_everything_over_again_and_only_news_is_applied(
    payments: Payments, db: Database, sink: EventSink
) -> None:
    paid, later = new_attempt(payments, db), new_attempt(payments, db)
    before = [
        relay(6, paid, PaymentStatus.PENDING),
        relay(7, paid, PaymentStatus.PAID),
        relay(8, "KSR-ELSEWHERE-1", PaymentStatus.PAID),
    ]
    sink.apply_relay_events(before, RelayPosition("before", 8))
    logged = event_count(db)

    # The relay was restored from a backup: the same notifications under new, lower cursors,
    # then one the terminal has not seen.
    again = [replace(event, cursor=n) for n, event in enumerate(before, 1)]
    news = relay(4, later, PaymentStatus.PAID)
    applied = sink.apply_relay_events([*again, news], RelayPosition("restored", 4))

    assert applied == [news]
    assert event_count(db) == logged + 1
    assert payments.get_attempt(later).state is AttemptState.PAID
    assert [e.outcome for e in payments.get_attempt(paid).events].count(Outcome.REPEATED) == 0
    assert len(payments.orphan_events()) == 1
    assert payments.relay_position() == RelayPosition("restored", 4)  # lower: a new epoch's
    assert sink.apply_relay_events([news], RelayPosition("restored", 4)) == []


def test_a_terminal_that_saved_no_epoch_keeps_its_cursor_and_learns_the_epoch(
    payments: Payments, db: Database, sink: EventSink
) -> None:
    invoice = new_attempt(payments, db)
    sink.apply_relay_events([relay(7, invoice, PaymentStatus.PENDING)], RelayPosition(None, 7))
    batch = [relay(7, invoice, PaymentStatus.PENDING), relay(9, invoice, PaymentStatus.PAID)]

    assert sink.apply_relay_events(batch, RelayPosition("e1", 9)) == batch[1:]
    assert payments.relay_position() == RelayPosition("e1", 9)


def test_a_late_pending_after_paid_is_kept_but_not_applied(
    payments: Payments, db: Database, sink: EventSink
) -> None:
    invoice = new_attempt(payments, db)
    sink.apply_relay_events(
        [relay(1, invoice, PaymentStatus.PAID), relay(2, invoice, PaymentStatus.PENDING)],
        RelayPosition("e1", 2),
    )
    attempt = payments.get_attempt(invoice)
    assert attempt.state is AttemptState.PAID
    assert [e.outcome for e in attempt.events][-1] is Outcome.IGNORED


def test_a_refund_reported_before_the_payment_applies_once_it_is_paid(
    payments: Payments, db: Database, sink: EventSink
) -> None:
    """The success callback waited in the provider's retries while the manager refunded from
    the provider's dashboard: the refund came first and could not apply to an unpaid attempt.
    Once the payment is in, so is its refund: the money never counts as taken."""
    invoice = new_attempt(payments, db)
    sink.apply_relay_events(
        [relay(1, invoice, PaymentStatus.REFUNDED), relay(2, invoice, PaymentStatus.PAID)],
        RelayPosition("e1", 2),
    )
    attempt = payments.get_attempt(invoice)
    assert attempt.state is AttemptState.REFUNDED
    assert [(e.state, e.outcome) for e in attempt.events][-3:] == [
        (AttemptState.REFUNDED, Outcome.IGNORED),
        (AttemptState.PAID, Outcome.APPLIED),
        (AttemptState.REFUNDED, Outcome.APPLIED),
    ]
    assert payments.paying_attempt(attempt.sale_id) is None


def test_an_event_for_an_unknown_invoice_is_kept_as_an_orphan(
    payments: Payments, sink: EventSink
) -> None:
    sink.apply_relay_events(
        [relay(3, "KSR-ELSEWHERE-1", PaymentStatus.PAID)], RelayPosition("e1", 3)
    )
    orphans = payments.orphan_events()
    assert [(o.invoice_number, o.outcome, o.relay_cursor) for o in orphans] == [
        ("KSR-ELSEWHERE-1", Outcome.ORPHAN, 3)
    ]
    assert payments.relay_position() == RelayPosition("e1", 3)


def test_a_batch_that_fails_half_way_applies_nothing(
    payments: Payments, db: Database, sink: EventSink
) -> None:
    first, second = new_attempt(payments, db), new_attempt(payments, db)
    db.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON payment_events "
        f"WHEN new.invoice_number = '{second}' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    before = event_count(db)
    batch = [relay(1, first, PaymentStatus.PAID), relay(2, second, PaymentStatus.PAID)]
    # The second event fails, and so does keeping it for the manager: the whole batch is undone.
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        sink.apply_relay_events(batch, RelayPosition("e1", 2))
    assert payments.get_attempt(first).state is AttemptState.CREATED
    assert event_count(db) == before
    assert payments.relay_position() == RelayPosition(None, 0)


def test_open_attempts_survive_a_restart(path: Path, db: Database) -> None:
    payments = Payments(db)
    waiting = new_attempt(payments, db)
    unsure = new_attempt(payments, db)
    done = new_attempt(payments, db)
    payments.transition(waiting, AttemptState.PENDING, source="system", now=NOW)
    payments.transition(unsure, AttemptState.UNKNOWN, source="system", now=NOW)
    payments.transition(done, AttemptState.DECLINED, source="status", now=NOW)
    db.close()
    resumed = Payments(open_database(path)).open_attempts()
    assert [attempt.invoice_number for attempt in resumed] == [waiting, unsure]


def test_paid_attempts_whose_sale_is_still_open_are_found(payments: Payments, db: Database) -> None:
    sale_id = new_sale(db)
    paid = new_attempt(payments, db, sale_id)
    payments.record_status(paid, PaymentStatus.PAID, source="relay", now=NOW)
    late = new_attempt(payments, db)
    payments.transition(late, AttemptState.CANCELLED, source="cashier", now=NOW)
    payments.record_status(late, PaymentStatus.PAID, source="relay", now=NOW)
    assert [a.invoice_number for a in payments.attempts_paid_with_open_sale()] == [paid]
    Sales(db).complete_with_payment(sale_id, paid, NOW)
    assert payments.attempts_paid_with_open_sale() == []


def test_an_unknown_invoice_is_not_found(payments: Payments) -> None:
    assert payments.find_attempt("KSR-NOPE") is None
    with pytest.raises(NotFound, match="KSR-NOPE"):
        payments.get_attempt("KSR-NOPE")
    with pytest.raises(NotFound):
        payments.transition("KSR-NOPE", AttemptState.PAID, source="cashier", now=NOW)


class PaidProvider(NoProvider):
    """A status API that says paid."""

    def check_status(self, invoice_number: str) -> StatusResult:
        return StatusResult(ProviderName.DOKU, invoice_number, PaymentStatus.PAID, TOTAL)


@pytest.mark.parametrize("word", ["relay", "status"])
def test_a_payment_at_the_cut_off_and_its_sale_fall_on_one_business_day(
    path: Path, db: Database, payments: Payments, tmp_path: Path, word: str
) -> None:
    """Paid at 23:59:59.999 in Jakarta, on a clock that moves on between reads as a real one
    does: the payment and the sale it completes are on one day, so that day's payments file
    and its takings agree."""
    cut_off = datetime(2026, 11, 21, 16, 59, 59, 999_000, tzinfo=UTC)
    ticks = iter(range(1_000))
    store = TerminalStore(path)
    checkout = Checkout(
        store,
        PaidProvider(),
        terminal_id="T1",
        clock=lambda: cut_off + timedelta(milliseconds=next(ticks)),
    )
    sale_id = new_sale(db)
    invoice = new_attempt(payments, db, sale_id)
    payments.record_request(
        PaymentRequest(ProviderName.DOKU, invoice, TOTAL, "https://pay.example/x"), now=NOW
    )
    try:
        if word == "relay":
            checkout.apply_relay_events(
                [relay(1, invoice, PaymentStatus.PAID)], RelayPosition("e1", 1)
            )
        else:
            checkout.check_status(invoice)
    finally:
        store.close()

    sale = Sales(db).get(sale_id)
    assert (sale.status, sale.business_date) == (SaleStatus.COMPLETED, date(2026, 11, 21))
    paid = export_payments(db, tmp_path / "payments.csv", first_day=date(2026, 11, 21))
    assert (paid.payments, paid.received) == (1, TOTAL)
