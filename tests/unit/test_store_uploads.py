"""The outbox of whole-shop uploads: every write that changes a day's files marks the day in the
same transaction, a revision only grows, and clearing a day never forgets a newer change."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount
from pos_app.payments.model import AttemptState, PaymentStatus, ProviderName
from pos_app.store import migrations
from pos_app.store.database import migrate, open_database
from pos_app.store.payments import Payments
from pos_app.store.refunds import Refunds
from pos_app.store.sales import Sales
from pos_app.store.shifts import Shifts
from pos_app.store.uploads import PendingDay, RefusedDay, UploadOutbox
from pos_app.till.day_close import close_day
from pos_app.till.problem_payments import attach, resolve
from tests.harness.old_store import database_before

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(4, 0))
D1, D2 = date(2026, 11, 21), date(2026, 11, 22)
LINES = (LineItem("MIE-001", "Indomie Goreng", 3500, 2),)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def cash_sale(db: Database, when: str) -> int:
    sales = Sales(db, DAY)
    sale_id = sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=local(when))
    sales.complete_cash(sale_id, 10_000, local(when))
    return sale_id


def test_a_completed_sale_marks_its_day_and_an_open_basket_does_not(db: Database) -> None:
    outbox = UploadOutbox(db, DAY)
    Sales(db, DAY).create_sale(
        LINES, cashier="Sari", terminal_id="T1", now=local("2026-11-21T09:00")
    )
    assert outbox.pending() == []

    cash_sale(db, "2026-11-21T10:00")
    cash_sale(db, "2026-11-22T03:00")  # before the 04:00 cut-off: still the 21st
    cash_sale(db, "2026-11-22T10:00")

    assert outbox.pending() == [PendingDay(D1, 2), PendingDay(D2, 1)]


def test_a_day_changed_while_its_upload_was_on_its_way_stays_pending(db: Database) -> None:
    outbox = UploadOutbox(db, DAY)
    cash_sale(db, "2026-11-21T10:00")
    sent = outbox.pending()[0]
    cash_sale(db, "2026-11-21T11:00")  # while ``sent`` is on its way

    assert not outbox.mark_uploaded(D1, sent.revision, local("2026-11-21T11:01"))
    assert outbox.pending() == [PendingDay(D1, sent.revision + 1)]
    assert outbox.mark_uploaded(D1, sent.revision + 1, local("2026-11-21T11:02"))
    assert outbox.pending() == []
    assert outbox.last_upload() == local("2026-11-21T11:02")
    assert not outbox.mark_uploaded(D1, sent.revision, local("2026-11-21T11:03"))  # a late echo
    assert outbox.last_upload() == local("2026-11-21T11:02")


def test_a_day_just_uploaded_waits_out_the_gap_unless_it_was_closed(db: Database) -> None:
    outbox = UploadOutbox(db, DAY)
    cash_sale(db, "2026-11-21T10:00")
    cash_sale(db, "2026-11-22T10:00")
    outbox.mark_uploaded(D1, 1, local("2026-11-21T10:01"))
    outbox.mark_uploaded(D2, 1, local("2026-11-22T10:01"))
    cash_sale(db, "2026-11-22T03:00")  # the 21st again
    cash_sale(db, "2026-11-22T10:05")

    assert outbox.pending(settled_before=local("2026-11-22T10:00")) == [PendingDay(D1, 2)]
    assert outbox.pending(settled_before=local("2026-11-22T10:01")) == [
        PendingDay(D1, 2),
        PendingDay(D2, 2),
    ]
    close_day(
        db, D2, day=DAY, counted=CashCount({}), closed_by="Mira", now=local("2026-11-22T22:00")
    )
    assert outbox.pending(settled_before=local("2026-11-22T10:00")) == [
        PendingDay(D1, 2),
        PendingDay(D2, 3),
    ]


def test_shifts_and_the_day_close_mark_their_day(db: Database) -> None:
    outbox = UploadOutbox(db, DAY)
    shifts = Shifts(db, DAY)
    shift = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=0, now=local("2026-11-21T08:00")
    )
    assert outbox.pending() == [PendingDay(D1, 1)]
    shifts.close(shift.id, CashCount({}), closed_by="Sari", now=local("2026-11-21T12:00"))
    assert outbox.pending() == [PendingDay(D1, 2)]
    outbox.mark_uploaded(D1, 2, local("2026-11-21T12:01"))

    close_day(
        db, D1, day=DAY, counted=CashCount({}), closed_by="Mira", now=local("2026-11-21T22:00")
    )

    assert outbox.pending() == [PendingDay(D1, 3)]


def test_a_late_payment_marks_the_shop_day_of_its_moment(db: Database) -> None:
    """No sale completes; the payments file still lists it, on the day the shop's clock says."""
    outbox = UploadOutbox(db, DAY)
    payments = Payments(db, DAY)
    opened = local("2026-11-22T03:30")  # before the 04:00 cut-off: the 21st
    sale_id = Sales(db, DAY).create_sale(LINES, cashier="Sari", terminal_id="T1", now=opened)
    invoice = payments.next_invoice_number("T1", opened)
    payments.create_attempt(sale_id, ProviderName.DOKU, 7000, invoice, opened)
    payments.transition(invoice, AttemptState.CANCELLED, source="cashier", now=opened)
    payments.record_status(invoice, PaymentStatus.PAID, source="relay", now=opened)
    assert outbox.pending() == []

    outbox.place_moments()

    assert [day.business_date for day in outbox.pending()] == [D1]
    outbox.place_moments()  # each moment is placed once
    assert len(outbox.pending()) == 1 and outbox.pending()[0].revision == 1


def uploaded_all(outbox: UploadOutbox, when: str) -> None:
    outbox.place_moments()
    for pending in outbox.pending():
        assert outbox.mark_uploaded(pending.business_date, pending.revision, local(when))


def test_a_refund_days_later_marks_the_day_its_payment_arrived(db: Database) -> None:
    """The payment's row on its own day says how much of it is refunded, pending or paid."""
    outbox = UploadOutbox(db, DAY)
    payments, paid = Payments(db, DAY), local("2026-11-21T10:00")
    sale_id = Sales(db, DAY).create_sale(LINES, cashier="Sari", terminal_id="T1", now=paid)
    invoice = payments.next_invoice_number("T1", paid)
    payments.create_attempt(sale_id, ProviderName.ECOMMPAY_GATE, 7000, invoice, paid)
    payments.record_status(invoice, PaymentStatus.PAID, source="relay", now=paid)
    Sales(db, DAY).complete_with_payment(sale_id, invoice, paid)
    uploaded_all(outbox, "2026-11-21T10:01")
    refunds = Refunds(db, DAY)

    refunds.create(
        sale_id,
        "PO-1",
        7000,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="0812",
        customer_name="Budi",
        approved_by="Mira",
        now=local("2026-11-23T10:00"),
    )  # names no invoice: the sale's payment is the one paid back
    outbox.place_moments()
    assert [day.business_date for day in outbox.pending()] == [D1], "refund_pending changed"
    uploaded_all(outbox, "2026-11-23T10:01")

    refunds.settle("PO-1", "paid", now=local("2026-11-23T11:00"))
    outbox.place_moments()
    assert [day.business_date for day in outbox.pending()] == [D1, date(2026, 11, 23)]


def test_a_managers_resolution_marks_the_day_the_payment_arrived(db: Database) -> None:
    outbox = UploadOutbox(db, DAY)
    payments, paid = Payments(db, DAY), local("2026-11-21T10:00")
    sale_id = Sales(db, DAY).create_sale(LINES, cashier="Sari", terminal_id="T1", now=paid)
    invoice = payments.next_invoice_number("T1", paid)
    payments.create_attempt(sale_id, ProviderName.DOKU, 7000, invoice, paid)
    payments.transition(invoice, AttemptState.CANCELLED, source="cashier", now=paid)
    payments.record_status(invoice, PaymentStatus.PAID, source="relay", now=paid)
    uploaded_all(outbox, "2026-11-21T10:01")

    resolve(db, invoice, reason="took cash back", manager="Mira", now=local("2026-11-23T10:00"))
    outbox.place_moments()

    assert [day.business_date for day in outbox.pending()] == [D1]


def attached_elsewhere(db: Database, before_restores: bool = False) -> str:
    """A late payment of the 21st attached on the 22nd to a sale of that day, all uploaded; its
    invoice. ``before_restores``: ``db`` is of a Kasir from before ``upload_days.restored``."""
    payments, sales = Payments(db, DAY), Sales(db, DAY)
    if before_restores:
        # today's attach and outbox read reversal parts, money's days and what was given back
        # before a restore, none of which that Kasir kept
        db.execute("CREATE TABLE payout_reversal_parts (refund_id INTEGER, amount INTEGER)")
        db.execute("ALTER TABLE payment_events ADD COLUMN business_date TEXT")
        db.execute("ALTER TABLE provider_refunds ADD COLUMN business_date TEXT")
        db.execute("CREATE TABLE given_back_before_restore (refund_of TEXT, amount INTEGER)")
    paid = local("2026-11-21T10:00")
    own = sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=paid)
    invoice = payments.next_invoice_number("T1", paid)
    payments.create_attempt(own, ProviderName.ECOMMPAY_PAGE, 7000, invoice, paid)
    payments.transition(invoice, AttemptState.CANCELLED, source="cashier", now=paid)
    sales.cancel(own, now=paid)
    payments.record_status(invoice, PaymentStatus.PAID, source="relay", now=paid)
    other = sales.create_sale(
        LINES, cashier="Sari", terminal_id="T1", now=local("2026-11-22T09:00")
    )
    attach(db, invoice, other, manager="Mira", day=DAY, now=local("2026-11-22T10:00"))
    if before_restores:
        UploadOutbox(db, DAY).place_moments()
        db.execute("DROP TABLE payout_reversal_parts")
        db.execute("ALTER TABLE payment_events DROP COLUMN business_date")
        db.execute("ALTER TABLE provider_refunds DROP COLUMN business_date")
        db.execute("DROP TABLE given_back_before_restore")
        db.execute("UPDATE upload_days SET uploaded = revision")
        db.conn.commit()
    else:
        uploaded_all(UploadOutbox(db, DAY), "2026-11-22T10:01")
    return invoice


def test_a_payment_attached_to_another_sale_marks_that_sales_day_when_it_changes(
    db: Database,
) -> None:
    """Refunded at the provider on the 23rd, the payment attached to the 22nd's sale changes
    the 22nd's files too (its sale's payment status)."""
    invoice = attached_elsewhere(db)

    Payments(db, DAY).record_status(
        invoice, PaymentStatus.REFUNDED, source="relay", now=local("2026-11-23T10:00")
    )
    outbox = UploadOutbox(db, DAY)
    outbox.place_moments()

    assert [day.business_date for day in outbox.pending()] == [D1, D2, date(2026, 11, 23)]


def test_an_upgrade_sends_again_the_days_of_sales_completed_by_another_sales_payment(
    tmp_path: Path,
) -> None:
    """Their files may have changed unmarked before the upgrade."""
    path = tmp_path / "kasir.db"
    old = database_before(path, "a.sale_id != s.id")
    attached_elsewhere(old, before_restores=True)
    assert UploadOutbox(old, DAY).pending() == []
    old.close()

    db = open_database(path)

    assert [day.business_date for day in UploadOutbox(db, DAY).pending()] == [D2]
    db.close()


def test_days_the_relay_lacks_and_refused_days_go_again_after_a_look_at_what_it_holds(
    db: Database,
) -> None:
    outbox = UploadOutbox(db, DAY)
    for when in ("2026-11-21T10:00", "2026-11-22T10:00", "2026-11-23T10:00"):
        cash_sale(db, when)
    uploaded_all(outbox, "2026-11-23T10:01")
    cash_sale(db, "2026-11-24T10:00")
    outbox.mark_refused(date(2026, 11, 24), 1, "terminal is not T1's")
    assert outbox.pending() == []

    lacking = outbox.reconcile({D1: 1, D2: 0})  # the 23rd is not held at all

    assert lacking == [D2, date(2026, 11, 23)]
    assert outbox.pending() == [
        PendingDay(D2, 1),
        PendingDay(date(2026, 11, 23), 1),
        PendingDay(date(2026, 11, 24), 1),
    ]
    assert outbox.refused() == []


def test_a_refused_day_waits_for_its_next_change_and_the_days_after_it_go_on(
    db: Database,
) -> None:
    outbox = UploadOutbox(db, DAY)
    cash_sale(db, "2026-11-21T10:00")
    cash_sale(db, "2026-11-22T10:00")

    outbox.mark_refused(D1, 1, "files.sales, line 2: terminal is not T1's")

    assert outbox.pending() == [PendingDay(D2, 1)]
    assert outbox.refused() == [RefusedDay(D1, 1, "files.sales, line 2: terminal is not T1's")]
    cash_sale(db, "2026-11-21T11:00")  # the day changes: it is tried again
    assert outbox.pending() == [PendingDay(D1, 2), PendingDay(D2, 1)]
    assert outbox.refused() == []


def test_a_relay_holding_a_newer_revision_gets_one_above_it(db: Database) -> None:
    outbox = UploadOutbox(db, DAY)
    cash_sale(db, "2026-11-21T10:00")
    outbox.mark_after(D1, 7)
    assert outbox.pending() == [PendingDay(D1, 8)]


def test_an_existing_database_uploads_every_day_it_has_sales_once(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(path)
    migrate(old, migrations.MIGRATIONS[: migrations.MIGRATIONS.index(migrations._UPLOAD_OUTBOX)])
    for number, (day, hour) in enumerate((("21", "03"), ("21", "04"), ("22", "03")), start=1):
        # Written as that Kasir wrote them: today's store code reads columns added since.
        old.execute(
            "INSERT INTO sales (id, created_at, completed_at, business_date, status, cashier, "
            "terminal_id, total, tender, cash_received, change_due, receipt_number) VALUES "
            f"({number}, '2026-11-{day}T{hour}:00:00.000Z', '2026-11-{day}T{hour}:01:00.000Z', "
            f"'2026-11-{day}', 'completed', 'Sari', 'T1', 10000, 'cash', 10000, 0, "
            f"'T1-202611{day}-000{number}')"
        )
    old.conn.commit()
    old.close()

    db = open_database(path)
    assert UploadOutbox(db, DAY).pending() == [PendingDay(D1, 1), PendingDay(D2, 1)]
    db.close()


def test_a_new_time_zone_or_cut_off_sends_every_day_again_each_payment_on_its_new_day(
    db: Database,
) -> None:
    """A payment at 03:30 WIB is on the 21st by a 04:00 cut-off, on the 22nd by midnight: after
    the change the relay must get both days again, or it holds the payment on both (or none)."""
    outbox = UploadOutbox(db, DAY)
    payments = Payments(db, DAY)
    paid = local("2026-11-22T03:30")
    sale_id = Sales(db, DAY).create_sale(LINES, cashier="Sari", terminal_id="T1", now=paid)
    invoice = payments.next_invoice_number("T1", paid)
    payments.create_attempt(sale_id, ProviderName.DOKU, 7000, invoice, paid)
    payments.transition(invoice, AttemptState.CANCELLED, source="cashier", now=paid)
    payments.record_status(invoice, PaymentStatus.PAID, source="relay", now=paid)
    cash_sale(db, "2026-11-22T10:00")
    uploaded_all(outbox, "2026-11-22T10:01")
    assert outbox.pending() == []

    midnight = UploadOutbox(db, BusinessDay(JAKARTA, time(0, 0)))
    midnight.place_moments()

    assert [day.business_date for day in midnight.pending()] == [D1, D2]
    uploaded_all(midnight, "2026-11-22T10:02")
    midnight.place_moments()  # the same rule again: nothing more to send
    assert midnight.pending() == []


def test_a_till_that_uploaded_before_the_rule_was_kept_sends_every_day_once(db: Database) -> None:
    """An upgraded till placed payments by the clock alone: its days go again, once."""
    outbox = UploadOutbox(db, DAY)
    cash_sale(db, "2026-11-21T10:00")
    uploaded_all(outbox, "2026-11-21T10:01")
    with db.conn:
        db.execute("DELETE FROM meta WHERE key = 'upload_day_rule'")

    outbox.place_moments()

    assert [day.business_date for day in outbox.pending()] == [D1]
    uploaded_all(outbox, "2026-11-21T10:02")
    outbox.place_moments()
    assert outbox.pending() == []


def test_days_the_relay_holds_later_than_this_database_reached_go_again_at_once(
    db: Database,
) -> None:
    """A database restored from a backup: the 21st went further on the relay, the 23rd (today)
    was not begun in the backup, the 22nd neither but is past; the 24th the relay holds as this
    database has it."""
    outbox = UploadOutbox(db, DAY)
    cash_sale(db, "2026-11-21T10:00")
    cash_sale(db, "2026-11-24T10:00")
    assert outbox.uploaded(D1) == 0
    uploaded_all(outbox, "2026-11-24T10:01")
    assert outbox.uploaded(D1) == 1
    today = date(2026, 11, 23)

    marked = outbox.went_back({D1: 3, D2: 2, today: 1, date(2026, 11, 24): 1}, today)

    assert marked == [D1, today]
    settled = local("2026-11-24T10:02")
    assert outbox.pending(settled) == [PendingDay(D1, 4), PendingDay(today, 2)], "at once"
    assert outbox.went_back({D1: 3, today: 1}, today) == [], "marked once"
    assert outbox.restored_days() == []
    outbox.mark_kept(D1, settled)
    assert outbox.restored_days() == [D1], "the till's own files of it lack sales"
