"""A payment is placed on the business day its sale is: after an early close (the shop closes day D
at 21:00, the cut-off is midnight, and it keeps selling), a payment made later that evening is on
D+1 in the payments file, in the upload outbox and in the Z report's late payments, and D's files
stay exactly as they were signed off."""

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount
from pos_app.payments.model import PaymentRequest, PaymentStatus, ProviderName
from pos_app.reports.payments_csv import count_payments, export_payments
from pos_app.reports.z_report import build_z_report
from pos_app.store.database import open_database
from pos_app.store.open_day import OpenDays, open_business_date
from pos_app.store.payments import Payments
from pos_app.store.sales import Sales
from pos_app.store.uploads import PendingDay, UploadOutbox
from pos_app.till.day_close import close_day

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(0, 0))
D, D1 = date(2026, 11, 21), date(2026, 11, 22)
LINES = (LineItem("MIE-001", "Indomie Goreng", 3500, 2), LineItem("TEH-1", "Teh Botol", 5000, 1))


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def qr_sale(db: Database, when: str) -> str:
    """A QR sale made at ``when``, paid 30 s later and completed a second after that."""
    moment = local(when)
    sales, payments = Sales(db, DAY), Payments(db, DAY)
    sale_id = sales.create_sale(LINES, cashier="Budi", terminal_id="T1", now=moment)
    invoice = _asked(payments, sale_id, moment)
    payments.record_status(
        invoice, PaymentStatus.PAID, source="relay", now=moment + timedelta(seconds=30)
    )
    sales.complete_with_payment(sale_id, invoice, moment + timedelta(seconds=31))
    return invoice


def given_up(db: Database, when: str) -> str:
    """A QR sale cancelled at ``when`` with its payment still open: paying it makes it late."""
    moment = local(when)
    sales = Sales(db, DAY)
    sale_id = sales.create_sale(LINES, cashier="Budi", terminal_id="T1", now=moment)
    invoice = _asked(Payments(db, DAY), sale_id, moment)
    sales.cancel(sale_id, now=moment + timedelta(seconds=5))
    return invoice


def pay_late(db: Database, invoice: str, when: str) -> None:
    Payments(db, DAY).record_status(invoice, PaymentStatus.PAID, source="relay", now=local(when))


def _asked(payments: Payments, sale_id: int, moment: datetime) -> str:
    invoice = payments.next_invoice_number("T1", moment)
    payments.create_attempt(sale_id, ProviderName.DOKU, 12000, invoice, moment)
    payments.record_request(
        PaymentRequest(ProviderName.DOKU, invoice, 12000, "https://pay.example/x", None, "R"),
        now=moment,
    )
    return invoice


def close_early(db: Database) -> None:
    close_day(
        db, D, day=DAY, counted=CashCount({}), closed_by="Mira", now=local("2026-11-21T21:00")
    )


def payments_file(db: Database, tmp_path: Path, first: date, last: date | None = None) -> bytes:
    path = tmp_path / f"payments-{first}-{last}.csv"
    summary = export_payments(db, path, first_day=first, last_day=last, day=DAY)
    assert summary.rows == count_payments(db, first, last, DAY)
    return path.read_bytes()


def placed(content: bytes) -> list[tuple[str, str, str]]:
    """(invoice, business date, standing) of each row."""
    reader = csv.DictReader(content.decode("utf-8").splitlines())
    return [(r["invoice_number"], r["business_date"], r["standing"]) for r in reader]


def test_payments_after_an_early_close_are_on_the_next_open_day(
    db: Database, tmp_path: Path
) -> None:
    outbox = UploadOutbox(db, DAY)
    before = qr_sale(db, "2026-11-21T20:30")  # paid 20:30:30, before the close
    late = given_up(db, "2026-11-21T20:50")
    close_early(db)
    outbox.place_moments()
    for pending in outbox.pending():
        outbox.mark_uploaded(pending.business_date, pending.revision, local("2026-11-21T21:01"))
    signed_off = payments_file(db, tmp_path, D)
    d_revision = outbox.revision(D)
    assert placed(signed_off) == [(before, "2026-11-21", "sale")]

    after = qr_sale(db, "2026-11-21T21:30")  # the shop sells on: the sale lands on D+1
    pay_late(db, late, "2026-11-21T21:40")

    assert payments_file(db, tmp_path, D) == signed_off  # D's file is as it was closed
    assert placed(payments_file(db, tmp_path, D1)) == [
        (after, "2026-11-22", "sale"),
        (late, "2026-11-22", "late"),
    ]
    assert placed(payments_file(db, tmp_path, D, D1)) == [
        (before, "2026-11-21", "sale"),
        (after, "2026-11-22", "sale"),
        (late, "2026-11-22", "late"),
    ]
    # the payment is on the day of the sale it paid
    sale_day = db.execute(
        "SELECT business_date FROM sales WHERE invoice_number = ?", [after]
    ).fetchone()[0]
    assert sale_day == "2026-11-22"

    outbox.place_moments()
    assert outbox.revision(D) == d_revision  # the closed day is not uploaded again
    assert [p.business_date for p in outbox.pending()] == [D1]
    assert outbox.pending()[0] == PendingDay(D1, outbox.revision(D1))


def test_the_payments_file_lists_the_late_payments_of_the_z_report(
    db: Database, tmp_path: Path
) -> None:
    on_d = given_up(db, "2026-11-21T20:00")
    on_d1 = given_up(db, "2026-11-21T20:10")
    pay_late(db, on_d, "2026-11-21T20:55")  # before the close: D's
    close_early(db)
    pay_late(db, on_d1, "2026-11-21T21:40")  # after it: D+1's
    pay_late(db, on_d1, "2026-11-21T21:41")  # a repeated notice does not move it

    for business, expected in ((D, [on_d]), (D1, [on_d1])):
        report = build_z_report(db, business, day=DAY, now=local("2026-11-22T23:00"))
        in_z = [late.invoice_number for late in report.late_payments]
        in_file = [
            invoice
            for invoice, row_day, standing in placed(payments_file(db, tmp_path, business))
            if standing == "late" and row_day == business.isoformat()
        ]
        assert in_z == in_file == expected, business


def test_the_rule_agrees_with_where_writes_land_and_keeps_earlier_moments(db: Database) -> None:
    before, at_close, after = (
        local("2026-11-21T20:59"),
        local("2026-11-21T21:00"),
        local("2026-11-21T23:59"),
    )
    assert OpenDays.read(db, DAY).date_of(after) == D  # not closed yet
    close_early(db)

    assert OpenDays.read(db, DAY).date_of(before) == D  # closed after it: it stays
    for now in (at_close, after):
        assert OpenDays.read(db, DAY).date_of(now) == open_business_date(db, DAY, now) == D1
    placing = OpenDays.read(db, DAY)
    assert placing.window(D, D) == (DAY.bounds(D)[0], at_close)
    assert placing.window(D1, D1) == (at_close, DAY.bounds(D1)[1])
    assert placing.window(D, D1) == (DAY.bounds(D)[0], DAY.bounds(D1)[1])
