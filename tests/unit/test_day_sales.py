"""A business day's sales for the Sales tab: the cut-off decides the day and the hours' order."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.lifecycles import SaleStatus
from pos_app.payments.model import AttemptState, PaymentRequest, ProviderName
from pos_app.store.database import open_database
from pos_app.store.payments import Payments
from pos_app.store.sales import Sales, Tender
from pos_app.till.day_sales import day_sales

DAY = BusinessDay(ZoneInfo("Asia/Jakarta"), time(4, 0))
NOON = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)  # 12:00 in Jakarta
NIGHT = datetime(2026, 11, 21, 18, 30, tzinfo=UTC)  # 01:30 on the 22nd: still the 21st
MORNING = datetime(2026, 11, 21, 21, 5, tzinfo=UTC)  # 04:05 on the 22nd: the 22nd


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def cash_sale(db: Database, price: int, now: datetime) -> int:
    sales = Sales(db, DAY)
    sale_id = sales.create_sale(
        [LineItem("KOPI", "Kopi", price, 1)], cashier="Sari", terminal_id="T1", now=now
    )
    sales.complete_cash(sale_id, price, now)
    return sale_id


def test_hours_run_from_the_cut_off_and_night_sales_stay_on_the_day(db: Database) -> None:
    cash_sale(db, 5_000, NOON)
    cash_sale(db, 7_000, NIGHT)
    cash_sale(db, 9_000, MORNING)

    day = day_sales(db, date(2026, 11, 21), DAY)

    assert [hour.hour for hour in day.hours] == [*range(4, 24), 0, 1, 2, 3]
    assert {hour.hour: hour.total for hour in day.hours if hour.count} == {12: 5_000, 1: 7_000}
    assert sum(hour.total for hour in day.hours) == day.report.sales_total == 12_000
    assert [sale.total for sale in day.sales] == [5_000, 7_000]


def test_a_cash_sale_after_a_cancelled_qr_attempt_shows_only_its_cash(db: Database) -> None:
    sales, payments = Sales(db, DAY), Payments(db, DAY)
    sale_id = sales.create_sale(
        [LineItem("KOPI", "Kopi", 6_000, 1)], cashier="Sari", terminal_id="T1", now=NOON
    )
    invoice = payments.next_invoice_number("T1", NOON)
    payments.create_attempt(sale_id, ProviderName.DOKU, 6_000, invoice, NOON)
    payments.record_request(
        PaymentRequest(ProviderName.DOKU, invoice, 6_000, "https://x"), now=NOON
    )
    open_sale = sales.create_sale(
        [LineItem("TEH", "Teh", 4_000, 1)], cashier="Sari", terminal_id="T1", now=NOON
    )
    other = payments.next_invoice_number("T1", NOON)
    payments.create_attempt(open_sale, ProviderName.DOKU, 4_000, other, NOON)
    payments.transition(invoice, AttemptState.CANCELLED, source="cashier", now=NOON)
    sales.complete_cash(sale_id, 6_000, NOON)

    cash, waiting = day_sales(db, date(2026, 11, 21), DAY).sales

    assert (cash.tender, cash.provider, cash.invoice_number, cash.payment_state) == (
        Tender.CASH,
        None,
        "",
        AttemptState.PAID,
    )
    assert (waiting.status, waiting.provider, waiting.invoice_number, waiting.payment_state) == (
        SaleStatus.OPEN,
        ProviderName.DOKU,
        other,
        AttemptState.CREATED,
    )
    assert waiting.tender is None
    assert all(  # enums, not their text: the back office labels each from its own enum's table
        type(value) is enum
        for value, enum in (
            (cash.tender, Tender),
            (cash.payment_state, AttemptState),
            (waiting.status, SaleStatus),
            (waiting.provider, ProviderName),
        )
    )
