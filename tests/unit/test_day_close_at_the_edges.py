"""A day closed with a QR payment still open, in each of Indonesia's three time zones: the payment
that comes after the close (before midnight) lands whole on the next business day, with its sale;
the closed day stays as signed off; and each day's close, Z report and sales file agree to the
rupiah. The shop's zone decides the day at the edges; the store keeps UTC."""

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
from pos_app.payments.model import PaymentRequest, PaymentStatus, ProviderName
from pos_app.reports.sales_csv import ExportKind, export_sales
from pos_app.reports.z_report import ZReport, build_z_report
from pos_app.store.database import open_database, utc_text
from pos_app.store.day_closes import DayCloses
from pos_app.store.payments import Payments
from pos_app.store.sales import Sales
from pos_app.till.day_close import close_day

D, D1, D2 = date(2026, 11, 21), date(2026, 11, 22), date(2026, 11, 23)
LINES = (LineItem("MIE-001", "Indomie Goreng", 3500, 2), LineItem("TEH-1", "Teh Botol", 5000, 1))
TOTAL = 12_000


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def sales_file(db: Database, tmp_path: Path, day: date, zone: ZoneInfo) -> int:
    """The sales file's sum of ``total`` for ``day``, as the accountant adds it up."""
    path = tmp_path / f"sales-{day}.csv"
    summary = export_sales(db, path, first_day=day, kind=ExportKind.SALES, tz=zone)
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    assert summary.total == sum(int(row["total"]) for row in rows)
    return summary.total


@pytest.mark.parametrize("zone_name", ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"])
def test_a_qr_payment_open_at_the_close_lands_whole_on_the_next_day(
    db: Database, tmp_path: Path, zone_name: str
) -> None:
    zone = ZoneInfo(zone_name)
    rule = BusinessDay(zone, time(0, 0))
    sales, payments = Sales(db, rule), Payments(db, rule)

    def local(day: date, clock: str) -> datetime:
        return datetime.combine(day, time.fromisoformat(clock), tzinfo=zone).astimezone(UTC)

    def cash(when: datetime) -> int:
        sale_id = sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=when)
        return sales.complete_cash(sale_id, TOTAL, when).id

    before_close = cash(local(D, "23:40"))
    waiting = sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=local(D, "23:45"))
    invoice = payments.next_invoice_number("T1", local(D, "23:45"))
    payments.create_attempt(waiting, ProviderName.DOKU, TOTAL, invoice, local(D, "23:45"))
    payments.record_request(
        PaymentRequest(ProviderName.DOKU, invoice, TOTAL, "https://pay.example/x"),
        now=local(D, "23:45"),
    )
    counted = CashCount({10_000: 1, 2_000: 1})
    signed_off = close_day(
        db, D, day=rule, counted=counted, closed_by="Mira", now=local(D, "23:50")
    )
    assert (signed_off.net_total, signed_off.open_attempts) == (TOTAL, 1)

    paid_at = local(D, "23:55")  # before midnight, after the close
    payments.record_status(invoice, PaymentStatus.PAID, source="relay", now=paid_at)
    sales.complete_with_payment(waiting, invoice, paid_at)
    last_of_d1, first_of_d2 = cash(local(D1, "23:59:59")), cash(local(D2, "00:00"))

    completed = sales.get(waiting)
    assert completed.business_date == D1 and completed.receipt_number.startswith("T1-20261122-")
    stored = db.execute("SELECT completed_at FROM sales WHERE id = ?", [waiting]).fetchone()[0]
    assert stored == utc_text(paid_at) and stored.endswith("Z")
    assert [sales.get(i).business_date for i in (before_close, last_of_d1, first_of_d2)] == [
        D,
        D1,
        D2,
    ]

    closed = DayCloses(db).get(D)
    assert closed is not None and ZReport.from_json(closed.detail) == signed_off
    again = build_z_report(db, D, day=rule, counted=signed_off.counted, now=signed_off.generated_at)
    assert (again.net_total, again.sales_count) == (closed.total, closed.sales_count) == (TOTAL, 1)
    assert sales_file(db, tmp_path, D, zone) == closed.total

    next_day = build_z_report(db, D1, day=rule)
    assert (next_day.net_total, next_day.sales_count, next_day.late_payments) == (2 * TOTAL, 2, ())
    assert sales_file(db, tmp_path, D1, zone) == next_day.net_total
    assert build_z_report(db, D2, day=rule).net_total == sales_file(db, tmp_path, D2, zone) == TOTAL
    taken = db.execute("SELECT sum(total) FROM sales WHERE status = 'completed'").fetchone()[0]
    assert taken == closed.total + next_day.net_total + TOTAL, "every rupiah on one day"
    assert (next_day.starts_at, next_day.ends_at) == (local(D1, "00:00"), local(D2, "00:00"))
