import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.basket import LineItem
from pos_app.business_day import BusinessDay
from pos_app.errors import ValidationError
from pos_app.payments.model import AttemptState, PaymentStatus, ProviderName
from pos_app.store.database import open_database
from pos_app.store.errors import NotFound, StoreError
from pos_app.store.payments import EventSource, Outcome, Payments
from pos_app.store.sales import Sales, SaleStatus, Tender

LINES = [LineItem("MIE-001", "Indomie Goreng", 3500, 2), LineItem("TEH-BTL", "Teh Botol", 5000, 1)]
# 22:30 in Jakarta on 21 November; the shop's day ends at 04:00.
NOW = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)
DAY = BusinessDay(ZoneInfo("Asia/Jakarta"), time(4, 0))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


@pytest.fixture
def sales(db: Database) -> Sales:
    return Sales(db, DAY)


def new_sale(sales: Sales, now: datetime = NOW) -> int:
    return sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=now)


def pay_by_qr(db: Database, sale_id: int, *, status: PaymentStatus = PaymentStatus.PAID) -> str:
    payments = Payments(db, DAY)
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, ProviderName.DOKU, 12000, invoice, NOW)
    payments.record_status(invoice, status, source=EventSource.RELAY, reference="REF-9", now=NOW)
    return invoice


def test_a_sale_is_written_with_its_lines_and_computed_total(sales: Sales) -> None:
    sale = sales.get(new_sale(sales))
    assert sale.status is SaleStatus.OPEN
    assert sale.total == 12000
    assert sale.lines == tuple(LINES)
    assert (sale.cashier, sale.terminal_id) == ("Sari", "T1")
    assert sale.created_at == NOW
    assert sale.business_date == date(2026, 11, 21)
    assert sale.completed_at is None and sale.tender is None


def test_the_business_date_follows_the_cutoff(sales: Sales) -> None:
    after_midnight = datetime(2026, 11, 21, 18, 30, tzinfo=UTC)  # 01:30 on the 22nd in Jakarta
    assert sales.get(new_sale(sales, after_midnight)).business_date == date(2026, 11, 21)
    after_cutoff = datetime(2026, 11, 21, 21, 1, tzinfo=UTC)  # 04:01 on the 22nd
    assert sales.get(new_sale(sales, after_cutoff)).business_date == date(2026, 11, 22)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([], "at least one line"),
        ([LineItem("X", "X", 1000, 0)], "quantity must be between"),
        ([LineItem("X", "X", 1000, 10_000)], "quantity must be between"),
        ([LineItem("X", "X", 0, 1)], "unit price"),
        ([LineItem("X", "X", 1000.0, 1)], "whole number"),  # type: ignore[arg-type]
    ],
)
def test_bad_lines_are_refused(sales: Sales, lines: list[LineItem], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=NOW)


def test_a_sale_and_its_lines_are_written_together_or_not_at_all(
    sales: Sales, db: Database
) -> None:
    db.execute(
        "CREATE TRIGGER refuse_boom BEFORE INSERT ON sale_lines WHEN new.sku = 'BOOM' "
        "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
    )
    lines = [*LINES, LineItem("BOOM", "Petasan", 1000, 1)]
    with pytest.raises(sqlite3.IntegrityError, match="disk on fire"):
        sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=NOW)
    assert db.execute("SELECT count(*) FROM sales").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM sale_lines").fetchone()[0] == 0


def test_cash_completion_records_the_change(sales: Sales) -> None:
    sale_id = new_sale(sales)
    later = NOW + timedelta(minutes=2)
    sale = sales.complete_cash(sale_id, 20000, later)
    assert sale.status is SaleStatus.COMPLETED
    assert (sale.tender, sale.cash_received, sale.change_due) == (Tender.CASH, 20000, 8000)
    assert sale.completed_at == later
    with pytest.raises(StoreError, match="completed, not open"):
        sales.complete_cash(sale_id, 20000, later)


def test_too_little_cash_is_refused(sales: Sales) -> None:
    sale_id = new_sale(sales)
    with pytest.raises(ValidationError, match=r"Rp 10\.000 is less than the total Rp 12\.000"):
        sales.complete_cash(sale_id, 10000, NOW)
    assert sales.get(sale_id).status is SaleStatus.OPEN


def test_a_sale_belongs_to_the_day_its_money_was_taken(sales: Sales) -> None:
    sale_id = new_sale(sales, datetime(2026, 11, 21, 20, 59, tzinfo=UTC))  # 03:59 local
    sale = sales.complete_cash(sale_id, 12000, datetime(2026, 11, 21, 21, 1, tzinfo=UTC))
    assert sale.business_date == date(2026, 11, 22)


def test_completion_by_a_paid_attempt(sales: Sales, db: Database) -> None:
    sale_id = new_sale(sales)
    invoice = pay_by_qr(db, sale_id)
    sale = sales.complete_with_payment(sale_id, invoice, NOW)
    assert sale.status is SaleStatus.COMPLETED
    assert (sale.tender, sale.provider) == (Tender.QR, ProviderName.DOKU)
    assert (sale.invoice_number, sale.payment_reference) == (invoice, "REF-9")


def test_completion_needs_this_sales_paid_attempt(sales: Sales, db: Database) -> None:
    sale_id = new_sale(sales)
    pending = pay_by_qr(db, sale_id, status=PaymentStatus.PENDING)
    with pytest.raises(StoreError, match="is pending, not paid"):
        sales.complete_with_payment(sale_id, pending, NOW)
    other_sale = new_sale(sales)
    with pytest.raises(StoreError, match=f"belongs to sale {sale_id}"):
        sales.complete_with_payment(other_sale, pending, NOW)
    assert sales.get(sale_id).status is SaleStatus.OPEN


def test_cancelling_a_sale_cancels_its_open_attempt(sales: Sales, db: Database) -> None:
    sale_id = new_sale(sales)
    invoice = pay_by_qr(db, sale_id, status=PaymentStatus.PENDING)
    sale = sales.cancel(sale_id, now=NOW, reason="customer left")
    assert sale.status is SaleStatus.CANCELLED
    attempt = Payments(db).get_attempt(invoice)
    assert attempt.state is AttemptState.CANCELLED
    last = attempt.events[-1]
    assert (last.source, last.outcome, last.payload) == (
        EventSource.CASHIER,
        Outcome.APPLIED,
        {"reason": "customer left"},
    )


def test_a_sale_whose_money_arrived_cannot_be_cancelled(sales: Sales, db: Database) -> None:
    sale_id = new_sale(sales)
    pay_by_qr(db, sale_id)
    with pytest.raises(StoreError, match="complete the sale instead"):
        sales.cancel(sale_id, now=NOW)
    assert sales.get(sale_id).status is SaleStatus.OPEN


def test_an_unknown_sale_is_not_found(sales: Sales) -> None:
    with pytest.raises(NotFound, match="sale 99"):
        sales.get(99)
