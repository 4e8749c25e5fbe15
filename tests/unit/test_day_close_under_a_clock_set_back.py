"""Money written after a day close by a till whose clock went back across it (a fast clock set
right by the network, a restart with the wrong time): it lands whole on the first open day, its
moment with it, so each day's Z report, sales file, payments file and upload agree, and the
closed day stays as it was signed off."""

import csv
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from pos_app.domain.cash_count import CashCount
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.payments.model import ProviderName
from pos_app.reports.sales_csv import ExportKind, export_sales
from pos_app.reports.z_report import ZReport, build_z_report
from pos_app.store.day_closes import DayCloses
from pos_app.store.open_day import OpenDays, open_business_date
from pos_app.store.payments import Payments
from pos_app.store.refunds import Refunds
from pos_app.store.returns import Returns
from pos_app.store.sales import Sales, Tender
from pos_app.store.uploads import UploadOutbox
from pos_app.till.day_close import close_day
from tests.unit.test_payments_on_open_days import (
    D1,
    DAY,
    JAKARTA,
    LINES,
    D,
    close_early,
    db,  # noqa: F401
    given_up,
    local,
    pay_late,
    payments_file,
    placed,
    qr_sale,
)

CLOSE = local("2026-11-21T21:00")


def sale_of(db: Database, invoice: str) -> int:  # noqa: F811
    return Payments(db, DAY).get_attempt(invoice).sale_id


def cash_sale(db: Database, when: str) -> int:  # noqa: F811
    sales = Sales(db, DAY)
    sale_id = sales.create_sale(LINES, cashier="Budi", terminal_id="T1", now=local(when))
    sales.complete_cash(sale_id, 20_000, local(when))
    return sale_id


def sales_total(db: Database, tmp_path: Path, day: date) -> int:  # noqa: F811
    """The sales file's sum of ``total`` for ``day``."""
    path = tmp_path / f"sales-{day}.csv"
    return export_sales(db, path, first_day=day, kind=ExportKind.SALES, tz=JAKARTA).total


def received(content: bytes) -> int:
    """What the payments file's payment rows brought in."""
    rows = csv.DictReader(content.decode("utf-8").splitlines())
    return sum(int(r["paid_amount"]) for r in rows if r["record_type"] == "payment")


def z_report(db: Database, day: date) -> ZReport:  # noqa: F811
    return build_z_report(db, day, day=DAY, now=local("2026-11-22T23:00"))


def signed_off(db: Database, day: date) -> dict[str, object]:  # noqa: F811
    """The closed day's report as it was signed off, and as the store would build it now, each
    without the moment it was made."""
    close = DayCloses(db).get(day)
    assert close is not None
    rebuilt = build_z_report(db, day, day=DAY, counted=CashCount(), now=local("2026-11-22T23:00"))
    kept, now = dict(close.detail), rebuilt.to_json()
    for figures in (kept, now):
        del figures["generated_at"]
    assert now == kept
    return kept


def test_money_stamped_before_a_close_by_a_clock_set_back_counts_once_on_the_next_day(
    db: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Day D closed at 21:00 by a clock an hour fast; set right, it reads 20:10 to 20:40 for a QR
    sale, a late payment, a refund paid and a cash return. Each landed on D+1 by its business
    day, but by its moment on D: D's payments file took the QR sale's and the late payment's
    Rp 24.000 after the close, D+1's lacked the QR sale its Z report counts (Rp 12.000), the
    late payment was on neither day's Z report, and D went to the relay again."""
    returned = cash_sale(db, "2026-11-21T10:00")
    refunded = sale_of(db, qr_sale(db, "2026-11-21T11:00"))
    late = given_up(db, "2026-11-21T20:00")
    close_early(db)
    outbox = UploadOutbox(db, DAY)
    outbox.place_moments()
    d_revision = outbox.revision(D)
    d_payments = payments_file(db, tmp_path, D)
    d_report = signed_off(db, D)

    after = qr_sale(db, "2026-11-21T20:10")
    pay_late(db, late, "2026-11-21T20:20")
    outbox.place_moments()
    assert outbox.revision(D) == d_revision  # the closed day is not uploaded again
    refunds = Refunds(db, DAY)
    refunds.create(
        refunded,
        "PO-1",
        12_000,
        provider=ProviderName.DOKU,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Mira",
        now=local("2026-11-21T20:30"),
    )
    refund = refunds.settle("PO-1", RefundStatus.PAID, now=local("2026-11-21T20:31"))
    back = Returns(db, DAY).record(
        returned,
        {1: 1},
        method=ReturnMethod.CASH,
        terminal_id="T1",
        cashier="Budi",
        approved_by="Mira",
        now=local("2026-11-21T20:40"),
    )

    d_now = payments_file(db, tmp_path, D)  # its row of the sale refunded says so, as ever
    assert (placed(d_now), received(d_now)) == (placed(d_payments), received(d_payments))
    assert signed_off(db, D) == d_report
    d1_payments = payments_file(db, tmp_path, D1)
    assert sorted(placed(d1_payments)) == [  # stamped at one moment, the close's
        (late, "2026-11-22", "late"),
        (after, "2026-11-22", "sale"),
        ("PO-1", "2026-11-22", "refund"),
    ]
    report = z_report(db, D1)
    assert [payment.invoice_number for payment in report.late_payments] == [late]
    assert received(d1_payments) == report.sales_total + report.late_payments_total == 24_000
    assert (report.refunds_total, report.returns_total, report.cash_returns) == (
        12_000,
        3_500,
        3_500,
    )
    assert sales_total(db, tmp_path, D1) == report.net_total == 12_000 - 12_000 - 3_500
    sale = Sales(db, DAY).get(sale_of(db, after))
    placing = OpenDays.read(db, DAY)
    for moment, business in (
        (sale.completed_at, sale.business_date),
        (refund.completed_at, refund.business_date),
        (back.created_at, back.business_date),
    ):
        assert moment is not None and moment >= CLOSE
        assert placing.date_of(moment) == business == D1


def test_a_close_next_morning_drags_a_restart_with_the_wrong_time_along(
    db: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    """D closed at 08:00 the next morning; a till restarted with its clock on D, 23:50, takes a
    cash sale and a QR sale. They go to D+1, stamped at the close: a moment on D would put the
    QR payment in D's payments file, though its sale is D+1's."""
    next_morning = local("2026-11-22T08:00")
    close_day(db, D, day=DAY, counted=CashCount(), closed_by="Mira", now=next_morning)
    d_payments = payments_file(db, tmp_path, D)

    cash = Sales(db, DAY).get(cash_sale(db, "2026-11-21T23:50"))
    invoice = qr_sale(db, "2026-11-21T23:55")

    assert (cash.completed_at, cash.business_date) == (next_morning, D1)
    assert payments_file(db, tmp_path, D) == d_payments
    assert placed(payments_file(db, tmp_path, D1)) == [(invoice, "2026-11-22", "sale")]
    assert Sales(db, DAY).get(sale_of(db, invoice)).completed_at == next_morning
    assert z_report(db, D1).sales_total == sales_total(db, tmp_path, D1) == 24_000


def test_an_event_after_the_close_keeps_its_moment(db: Database) -> None:  # noqa: F811
    """Only a moment the closed day covers moves: one after the close, that evening or the next
    day, is written as the clock read it."""
    close_early(db)
    for clock in ("2026-11-21T21:30", "2026-11-22T09:00"):
        sale = Sales(db, DAY).get(cash_sale(db, clock))
        assert sale.completed_at == local(clock)
        assert sale.business_date == open_business_date(db, DAY, local(clock)) == D1
    assert OpenDays.read(db, DAY).date_of(CLOSE - timedelta(seconds=1)) == D
    assert open_business_date(db, DAY, CLOSE - timedelta(seconds=1)) == D1


def test_a_close_by_a_clock_set_back_keeps_the_money_written_before_it_on_its_day(
    db: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    """A fast clock reads 20:40 for a QR sale and 20:45 for a late payment; set back, it reads
    20:30 when D is closed. D's Z report counts both, so the close is just after the later one:
    at 20:30 it left them on D's report and in D+1's payments file (Rp 24.000 against a D+1 of
    no sales), the late payment listed on both days' Z reports."""
    cash_sale(db, "2026-11-21T10:00")
    late = given_up(db, "2026-11-21T20:00")
    before = qr_sale(db, "2026-11-21T20:40")
    pay_late(db, late, "2026-11-21T20:45")
    d_payments = payments_file(db, tmp_path, D)

    close_day(db, D, day=DAY, counted=CashCount(), closed_by="Mira", now=local("2026-11-21T20:30"))
    after = qr_sale(db, "2026-11-21T20:35")  # the clock still reads before the close

    assert payments_file(db, tmp_path, D) == d_payments
    assert placed(d_payments) == [(before, "2026-11-21", "sale"), (late, "2026-11-21", "late")]
    d_report = signed_off(db, D)
    assert [payment["invoice_number"] for payment in d_report["late_payments"]] == [late]
    report = z_report(db, D)
    assert received(d_payments) == report.tender_total(Tender.QR) + report.late_payments_total
    assert sales_total(db, tmp_path, D) == report.net_total == report.sales_total == 24_000
    d1_payments = payments_file(db, tmp_path, D1)
    assert placed(d1_payments) == [(after, "2026-11-22", "sale")]
    report = z_report(db, D1)
    assert report.late_payments == ()
    assert received(d1_payments) == report.sales_total == sales_total(db, tmp_path, D1) == 12_000
    close = DayCloses(db).get(D)  # a millisecond, the smallest step of a stored moment, after
    assert close is not None
    assert close.closed_at == local("2026-11-21T20:45") + timedelta(milliseconds=1)
