"""A payment keeps the business day it was recorded on: a new cut-off moves no money already
taken between days' files, so each day's payments file still agrees with its Z report, and a
closed day's file stays as it was signed off (docs/csv.md)."""

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.reports.payments_csv import count_payments, export_payments
from pos_app.reports.z_report import ZReport, build_z_report
from pos_app.store.database import migrate, open_database, write_meta
from pos_app.store.migrations import MIGRATIONS, _payment_business_days
from pos_app.store.payments import Payments
from pos_app.store.sales import Sales, Tender
from pos_app.store.terminal_store import TerminalStore
from pos_app.store.uploads import UploadOutbox
from pos_app.till.day_close import close_day

JAKARTA = ZoneInfo("Asia/Jakarta")
MIDNIGHT = BusinessDay(JAKARTA, time(0, 0))
FOUR_AM = BusinessDay(JAKARTA, time(4, 0))
D1, D2 = date(2026, 11, 21), date(2026, 11, 22)
LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 2),)
TOTAL = 7_000


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def asked(db: Database, when: str, rule: BusinessDay) -> tuple[int, str]:
    """A sale at ``when`` with its QR payment asked for: the sale and its invoice."""
    sale_id = Sales(db, rule).create_sale(LINES, cashier="Sari", terminal_id="T1", now=local(when))
    payments = Payments(db, rule)
    invoice = payments.next_invoice_number("T1", local(when))
    payments.create_attempt(sale_id, ProviderName.DOKU, TOTAL, invoice, local(when))
    return sale_id, invoice


def qr_sold(db: Database, when: str, rule: BusinessDay = MIDNIGHT) -> str:
    """A QR sale paid and completed at ``when``; its invoice."""
    sale_id, invoice = asked(db, when, rule)
    Payments(db, rule).record_status(invoice, PaymentStatus.PAID, source="relay", now=local(when))
    Sales(db, rule).complete_with_payment(sale_id, invoice, local(when))
    return invoice


def paid_late(db: Database, when: str, paid: str) -> str:
    """A QR sale given up on at ``when`` (its payment cancelled with it), paid at ``paid``."""
    sale_id, invoice = asked(db, when, MIDNIGHT)
    Sales(db, MIDNIGHT).cancel(sale_id, now=local(when))
    Payments(db, MIDNIGHT).record_status(
        invoice, PaymentStatus.PAID, source="relay", now=local(paid)
    )
    return invoice


def payments_file(db: Database, path: Path, day: date, rule: BusinessDay) -> list[dict[str, str]]:
    summary = export_payments(db, path, first_day=day, day=rule)
    assert summary.rows == count_payments(db, day, None, rule)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def received(rows: list[dict[str, str]]) -> int:
    return sum(int(row["paid_amount"]) for row in rows if row["record_type"] == "payment")


def z_report(db: Database, day: date, rule: BusinessDay) -> ZReport:
    return build_z_report(db, day, day=rule, now=local("2026-11-22T05:00"))


def test_a_new_cut_off_moves_no_payment_between_the_days_files(
    db: Database, tmp_path: Path
) -> None:
    """By a midnight cut-off a QR sale paid at 01:00 and a late payment at 01:10 are the 22nd's,
    and the 21st is signed off at 01:30; at 02:00 the cut-off becomes 04:00, which would put
    01:00 on the 21st. The 22nd's Z report kept its QR sale, late payment and cancelled attempt;
    its payments file had Rp 0 for them, and the closed 21st's file Rp 14.000."""
    sale = qr_sold(db, "2026-11-22T01:00")
    late = paid_late(db, "2026-11-22T00:50", "2026-11-22T01:10")
    close_day(
        db, D1, day=MIDNIGHT, counted=CashCount({}), closed_by="Mira",
        now=local("2026-11-22T01:30"),
    )  # fmt: skip
    signed_off = payments_file(db, tmp_path / "d1.csv", D1, MIDNIGHT)
    assert signed_off == []

    z = z_report(db, D2, FOUR_AM)
    rows = payments_file(db, tmp_path / "d2.csv", D2, FOUR_AM)

    assert [(row["invoice_number"], row["business_date"], row["standing"]) for row in rows] == [
        (sale, "2026-11-22", "sale"),
        (late, "2026-11-22", "late"),
    ]
    assert z.tender_total(Tender.QR) + z.late_payments_total == received(rows) == 2 * TOTAL
    assert ([p.invoice_number for p in z.late_payments], z.cancelled_attempts) == ([late], 1)
    earlier = z_report(db, D1, FOUR_AM)
    assert (earlier.late_payments, earlier.cancelled_attempts) == ((), 0)
    assert payments_file(db, tmp_path / "d1.csv", D1, FOUR_AM) == signed_off


def test_a_refund_at_the_provider_stays_on_the_day_it_was_recorded(
    db: Database, tmp_path: Path
) -> None:
    """DOKU reports at 01:00 on the 22nd (midnight cut-off) a payment of the 21st refunded:
    money out on the 22nd, still after the cut-off moves to 04:00."""
    invoice = qr_sold(db, "2026-11-21T10:00")
    Payments(db, MIDNIGHT).record_status(
        invoice, PaymentStatus.REFUNDED, source="relay", now=local("2026-11-22T01:00")
    )

    on_d1 = payments_file(db, tmp_path / "d1.csv", D1, FOUR_AM)
    on_d2 = payments_file(db, tmp_path / "d2.csv", D2, FOUR_AM)

    assert [row["record_type"] for row in on_d1] == ["payment"]
    assert [(row["record_type"], int(row["paid_amount"])) for row in on_d2] == [
        ("provider_refund", -TOTAL)
    ]


def test_the_upgrade_keeps_earlier_payments_on_the_days_of_the_rule_they_were_uploaded_by(
    tmp_path: Path,
) -> None:
    """A database from before days were kept, whose till uploaded by a midnight cut-off, opened
    by a till set to 04:00: its payment at 01:00 and the refund at 01:30 stay on the 22nd."""
    path = tmp_path / "kasir.db"
    old = Database(path)
    migrate(old, MIGRATIONS[: MIGRATIONS.index(_payment_business_days)])
    with old.conn:  # today's store writes the days that Kasir did not keep
        old.execute("ALTER TABLE payment_events ADD COLUMN business_date TEXT")
        old.execute("ALTER TABLE provider_refunds ADD COLUMN business_date TEXT")
    invoice = qr_sold(old, "2026-11-22T01:00")
    Payments(old, MIDNIGHT).record_status(
        invoice, PaymentStatus.REFUNDED, source="relay", now=local("2026-11-22T01:30")
    )
    with old.conn:
        old.execute("ALTER TABLE payment_events DROP COLUMN business_date")
        old.execute("ALTER TABLE provider_refunds DROP COLUMN business_date")
        write_meta(old.conn, "upload_day_rule", "Asia/Jakarta 00:00:00")
    old.close()

    store = TerminalStore(path, FOUR_AM)  # the upgrade
    try:
        db = store.repositories().db
        rows = payments_file(db, tmp_path / "d2.csv", D2, FOUR_AM)
        assert [(row["record_type"], int(row["paid_amount"])) for row in rows] == [
            ("payment", TOTAL),
            ("provider_refund", -TOTAL),
        ]
        assert received(rows) == z_report(db, D2, FOUR_AM).tender_total(Tender.QR)
        assert payments_file(db, tmp_path / "d1.csv", D1, FOUR_AM) == []
        assert db.execute(
            "SELECT count(*) FROM payment_events WHERE business_date IS NULL"
        ).fetchone() == (0,)
    finally:
        store.close()


def test_a_payment_keeps_the_day_of_a_sale_completed_with_it(db: Database) -> None:
    """The day kept is the one the sale completed at that moment is on: the next open day after
    an early close, whatever the clock says."""
    close_day(
        db, D1, day=MIDNIGHT, counted=CashCount({}), closed_by="Mira",
        now=local("2026-11-21T21:00"),
    )  # fmt: skip
    invoice = qr_sold(db, "2026-11-21T21:30")

    sale_day, paid_day = db.execute(
        "SELECT s.business_date, e.business_date FROM sales s JOIN payment_events e "
        "ON e.invoice_number = s.invoice_number AND e.state = 'paid' WHERE s.invoice_number = ?",
        [invoice],
    ).fetchone()
    assert sale_day == paid_day == D2.isoformat()


def test_the_outbox_sends_a_payment_on_the_day_it_was_recorded_after_a_new_cut_off(
    db: Database, tmp_path: Path
) -> None:
    """The 21st went to the relay by a midnight cut-off; a late payment at 01:00 on the 22nd,
    the only money of that day, waits for the relay when the cut-off becomes 04:00. The outbox
    placed its moment on the 21st by the new rule, so the 22nd, whose payments file and Z report
    have its Rp 7.000 (and its refund at the provider at 01:30), never went to the relay."""
    qr_sold(db, "2026-11-21T10:00")
    outbox = UploadOutbox(db, MIDNIGHT)
    outbox.place_moments()
    for day in outbox.pending():
        outbox.mark_uploaded(day.business_date, day.revision, local("2026-11-21T23:00"))
    late = paid_late(db, "2026-11-22T00:50", "2026-11-22T01:00")
    Payments(db, MIDNIGHT).record_status(
        late, PaymentStatus.REFUNDED, source="relay", now=local("2026-11-22T01:30")
    )

    outbox = UploadOutbox(db, FOUR_AM)
    outbox.place_moments()

    assert [day.business_date for day in outbox.pending()] == [D1, D2]
    rows = payments_file(db, tmp_path / "d2.csv", D2, FOUR_AM)
    assert [(row["record_type"], int(row["paid_amount"])) for row in rows] == [
        ("payment", TOTAL),
        ("provider_refund", -TOTAL),
    ]
    assert received(rows) == z_report(db, D2, FOUR_AM).late_payments_total
