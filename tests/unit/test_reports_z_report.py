"""The Z report: takings by tender and provider, exceptions, the cash drawer; closing a day."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.payments.model import PaymentRequest, PaymentStatus, ProviderName
from pos_app.reports.sections import sections_html
from pos_app.reports.z_report import CashCount, ZReport, build_z_report, render_html
from pos_app.store.audit import AuditLog
from pos_app.store.database import open_database
from pos_app.store.day_closes import DayCloses
from pos_app.store.errors import StoreError
from pos_app.store.payments import Payments
from pos_app.store.refunds import Refunds
from pos_app.store.sales import Sales, Tender
from pos_app.till.day_close import close_day
from pos_app.till.problem_payments import attach

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(4, 0))
D = date(2026, 11, 21)
LINES = (LineItem("MIE-001", "Indomie Goreng", 3500, 2), LineItem("TEH-1", "Teh Botol", 5000, 1))
DRAWER = CashCount({100_000: 2, 20_000: 1, 10_000: 1, 5_000: 1, 500: 2})  # Rp 236.000


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


@pytest.fixture
def day(db: Database) -> Database:
    """21 Nov: 3 cash and 2 QR sales (Rp 12.000 each), a refund, and every kind of exception."""
    sales, payments = Sales(db, DAY), Payments(db, DAY)

    def sale(when: str) -> int:
        return sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=local(when))

    def attempt(sale_id: int, when: str, provider: ProviderName = ProviderName.DOKU) -> str:
        invoice = payments.next_invoice_number("T1", local(when))
        payments.create_attempt(sale_id, provider, 12000, invoice, local(when))
        payments.record_request(
            PaymentRequest(provider, invoice, 12000, "https://pay.example/x"), now=local(when)
        )
        return invoice

    def paid(invoice: str, when: str) -> None:
        payments.record_status(invoice, PaymentStatus.PAID, source="relay", now=local(when))

    for when in ("2026-11-21T10:00", "2026-11-21T11:00"):
        sales.complete_cash(sale(when), 12500, local(when))
    for when, provider in (
        ("2026-11-21T12:00", ProviderName.DOKU),
        ("2026-11-21T13:00", ProviderName.ECOMMPAY_PAGE),
    ):
        sale_id = sale(when)
        invoice = attempt(sale_id, when, provider)
        paid(invoice, when)
        sales.complete_with_payment(sale_id, invoice, local(when))
        refundable = sale_id
    walked_away = sale("2026-11-21T14:00")
    late = attempt(walked_away, "2026-11-21T14:00")
    sales.cancel(walked_away, now=local("2026-11-21T14:02"), reason="customer left")
    paid(late, "2026-11-22T03:00")  # late, still the 21st's business day
    switched = sale("2026-11-21T15:00")
    late_next_day = attempt(switched, "2026-11-21T15:00")
    payments.transition(late_next_day, "cancelled", source="cashier", now=local("2026-11-21T15:01"))
    sales.complete_cash(switched, 20000, local("2026-11-21T15:02"))
    paid(late_next_day, "2026-11-22T04:30")  # after the cut-off: the 22nd's late payment
    attempt(sale("2026-11-21T16:00"), "2026-11-21T16:00")  # still waiting at the close
    refunds = Refunds(db, DAY)
    refunds.create(
        refundable,
        "PO-1",
        5000,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Manajer",
        now=local("2026-11-21T18:00"),
    )
    refunds.settle("PO-1", "paid", now=local("2026-11-21T18:01"))
    sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=local("2026-11-22T05:00"))
    return db


def test_takings_by_tender_and_provider_and_the_exceptions(day: Database) -> None:
    report = build_z_report(day, D, day=DAY, opening_float=200_000, counted=DRAWER)

    assert report.sales_count == 5 and report.items_sold == 15
    assert [(t.tender, t.provider, t.count, t.total) for t in report.tenders] == [
        (Tender.CASH, None, 3, 36000),
        (Tender.QR, ProviderName.DOKU, 1, 12000),
        (Tender.QR, ProviderName.ECOMMPAY_PAGE, 1, 12000),
    ]
    assert (report.sales_total, report.refunds_total, report.net_total) == (60000, 5000, 55000)
    assert report.cancelled_sales == 1
    assert report.cancelled_attempts == 2
    assert report.open_attempts == 1
    assert [(p.sale_id, p.amount) for p in report.late_payments] == [(5, 12000)]
    assert report.late_payments[0].paid_at == local("2026-11-22T03:00")
    assert (report.starts_at, report.ends_at) == (
        local("2026-11-21T04:00"),
        local("2026-11-22T04:00"),
    )


def test_expected_cash_against_the_denomination_count(day: Database) -> None:
    report = build_z_report(day, D, day=DAY, opening_float=200_000, counted=DRAWER)
    assert (report.expected_cash, report.counted_cash, report.difference) == (236000, 236000, 0)

    short = build_z_report(day, D, day=DAY, opening_float=200_000, counted=CashCount({100_000: 2}))
    assert short.difference == -36000
    assert build_z_report(day, D, day=DAY).difference is None


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ({75_000: 1}, "75000 is not a rupiah note or coin"),
        ({1_000: -1}, "not between 0 and"),
        ({1_000: 1.5}, "must be a whole number"),
        ({1_000: True}, "must be a whole number"),
    ],
)
def test_a_bad_cash_count_is_refused(counts: dict[int, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        CashCount(counts)  # type: ignore[arg-type]


def test_closing_a_day_records_it_and_audits_it_once(day: Database) -> None:
    moment = local("2026-11-22T03:30")  # after the day's last money (03:00), before the cut-off
    report = close_day(
        day, D, day=DAY, counted=DRAWER, closed_by="Manajer", opening_float=200_000, now=moment
    )

    closed = DayCloses(day).get(D)
    assert closed is not None
    assert (closed.closed_by, closed.closed_at, closed.sales_count, closed.total) == (
        "Manajer",
        moment,
        5,
        55000,
    )
    assert (closed.cash_total, closed.qr_total, closed.counted_cash) == (36000, 24000, 236000)
    assert ZReport.from_json(closed.detail) == report
    assert closed.detail["tenders"][0] == {
        "tender": "cash",
        "provider": "",
        "count": 3,
        "total": 36000,
    }
    # a day closed while reports still counted voided sales (always 0) reads the same
    assert ZReport.from_json({**closed.detail, "voided_sales": 0}) == report
    (entry,) = AuditLog(day).recent(1)
    assert (entry.actor, entry.action, entry.detail["difference"]) == ("Manajer", "day.close", 0)

    with pytest.raises(StoreError, match="already closed by Manajer"):
        close_day(day, D, day=DAY, counted=DRAWER, closed_by="Budi", now=moment)
    assert len(DayCloses(day).recent()) == 1
    assert [e.action for e in AuditLog(day).recent()].count("day.close") == 1


def test_a_closed_day_rebuilt_after_its_late_payment_is_attached_is_what_was_signed_off(
    day: Database,
) -> None:
    closing = local("2026-11-22T04:15")
    signed_off = close_day(
        day, D, day=DAY, counted=DRAWER, closed_by="Manajer", opening_float=200_000, now=closing
    )
    [late] = [p for p in Payments(day, DAY).late_payments() if p.sale_id == 5]
    assert [p.invoice_number for p in signed_off.late_payments] == [late.invoice_number]
    assert signed_off.cancelled_attempts == 2

    attach(day, late.invoice_number, 5, manager="Manajer", day=DAY, now=local("2026-11-22T05:00"))

    again = build_z_report(day, D, day=DAY, opening_float=200_000, counted=DRAWER, now=closing)
    closed = DayCloses(day).get(D)
    assert closed is not None
    assert again == signed_off == ZReport.from_json(closed.detail)
    attach_day = build_z_report(day, D + timedelta(days=1), day=DAY)
    assert attach_day.tender_total(Tender.QR) == 12000
    assert [p.paid_at for p in attach_day.late_payments] == [local("2026-11-22T04:30")]
    assert attach_day.cancelled_attempts == 0, "cancelled on the 21st, counted there only"


def test_a_day_that_has_not_started_cannot_be_closed(db: Database) -> None:
    with pytest.raises(StoreError, match="has not started"):
        close_day(
            db, D, day=DAY, counted=CashCount(), closed_by="Manajer", now=local("2026-11-21T03:59")
        )
    assert DayCloses(db).get(D) is None and AuditLog(db).recent() == []


def test_the_page_shows_the_figures_and_the_shop_name_as_text(day: Database) -> None:
    report = build_z_report(
        day,
        D,
        day=DAY,
        opening_float=200_000,
        counted=DRAWER,
        now=local("2026-11-21T22:00"),
    )
    page = render_html(report, shop_name="Toko <Maju> & Co")
    for figure in ("NET TOTAL", "Rp 55.000", "-Rp 5.000", "Rp 236.000", "21/11/2026 04:00"):
        assert figure in page
    assert "QR ecommpay-page (1)" in page and "Difference" in page
    assert "Toko &lt;Maju&gt; &amp; Co" in page and "<Maju>" not in page


def test_an_empty_day_reports_zeros(db: Database) -> None:
    report = build_z_report(db, D, day=DAY)
    assert (report.sales_count, report.net_total, report.expected_cash) == (0, 0, 0)
    assert report.tenders == () and report.late_payments == ()
    assert report.ends_at - report.starts_at == timedelta(days=1)


def test_a_row_under_the_one_above_keeps_its_indent_in_print() -> None:
    """HTML drops leading spaces: the cash of no shift read as a figure of its own, not as part
    of the cash sales above it."""
    shown = sections_html([("Cash drawer", [("Cash sales", "Rp 25.000"), ("  of which", "5")])])
    assert "<td>&nbsp;&nbsp;&nbsp;&nbsp;of which</td>" in shown
    assert "<td>Cash sales</td>" in shown
