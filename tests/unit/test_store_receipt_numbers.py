"""Receipt numbers: one per completed sale, consecutive per terminal and business day, given in
the completing transaction; and finding a sale again by number, amount or time."""

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import SaleStatus
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.store.database import open_database, transaction
from pos_app.store.errors import SalePaidAlready
from pos_app.store.payment_records import EventSource
from pos_app.store.payments import Payments
from pos_app.store.receipt_numbers import keep_held_numbers
from pos_app.store.sale_lookup import SaleQuery, find_sales
from pos_app.store.sales import Sales
from tests.harness.old_store import database_before

LINES = [LineItem("MIE-001", "Indomie Goreng", 3500, 2), LineItem("TEH-BTL", "Teh Botol", 5000, 1)]
TOTAL = 12000
NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)  # 10:00 in Jakarta, 21 November
DAY = BusinessDay(ZoneInfo("Asia/Jakarta"), time(4, 0))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


@pytest.fixture
def sales(db: Database) -> Sales:
    return Sales(db, DAY)


def new_sale(sales: Sales, terminal: str = "T1", now: datetime = NOW) -> int:
    return sales.create_sale(LINES, cashier="Sari", terminal_id=terminal, now=now)


def qr_paid(sales: Sales, db: Database, now: datetime = NOW) -> tuple[int, str]:
    """A sale whose QR payment is paid, not yet completed by it: the sale and the invoice."""
    sale_id = new_sale(sales, now=now)
    payments = Payments(db, DAY)
    invoice = payments.next_invoice_number("T1", now)
    payments.create_attempt(sale_id, ProviderName.DOKU, TOTAL, invoice, now)
    payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=now)
    return sale_id, invoice


def paid_by_qr(sales: Sales, db: Database, now: datetime = NOW) -> str:
    """A QR sale completed by its paid attempt; its receipt number."""
    sale_id, invoice = qr_paid(sales, db, now)
    number = sales.complete_with_payment(sale_id, invoice, now).receipt_number
    assert number is not None
    return number


def cash(sales: Sales, terminal: str = "T1", now: datetime = NOW) -> str | None:
    return sales.complete_cash(new_sale(sales, terminal, now), 20000, now).receipt_number


def test_cash_and_qr_sales_take_consecutive_numbers_and_a_cancelled_sale_none(
    sales: Sales, db: Database
) -> None:
    first = cash(sales)
    cancelled = sales.cancel(new_sale(sales), now=NOW)
    second = paid_by_qr(sales, db)
    third = cash(sales)
    assert [first, second, third] == ["T1-20261121-0001", "T1-20261121-0002", "T1-20261121-0003"]
    assert cancelled.status is SaleStatus.CANCELLED and cancelled.receipt_number is None
    assert sales.get(new_sale(sales)).receipt_number is None, "an open sale has none yet"


def test_each_terminal_and_each_business_day_counts_from_one(sales: Sales) -> None:
    assert cash(sales, "T1") == "T1-20261121-0001"
    assert cash(sales, "T2") == "T2-20261121-0001"
    after_cutoff = datetime(2026, 11, 21, 21, 30, tzinfo=UTC)  # 04:30 on the 22nd
    assert cash(sales, "T1", after_cutoff) == "T1-20261122-0001"
    assert cash(sales, "T1") == "T1-20261121-0002"


def test_the_number_is_given_in_the_completing_transaction(sales: Sales, db: Database) -> None:
    """A completion that fails takes no number: the next sale gets the one it would have had."""
    sale_id = new_sale(sales)
    db.execute(
        "CREATE TRIGGER refuse_once BEFORE UPDATE OF status ON sales "
        "WHEN new.id = 1 BEGIN SELECT RAISE(ABORT, 'drawer jammed'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="drawer jammed"):
        sales.complete_cash(sale_id, 20000, NOW)
    assert sales.get(sale_id).receipt_number is None
    assert cash(sales) == "T1-20261121-0001"


def test_a_completed_sale_without_a_number_is_refused_by_the_database(
    sales: Sales, db: Database
) -> None:
    sale_id = new_sale(sales)
    with pytest.raises(sqlite3.IntegrityError, match="needs its receipt number"):
        db.execute("UPDATE sales SET status = 'completed' WHERE id = ?", [sale_id])


def test_the_upgrade_numbers_the_sales_completed_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = database_before(path, "ADD COLUMN receipt_number")
    old.execute(
        "INSERT INTO sales (id, created_at, completed_at, business_date, status, cashier, "
        "terminal_id, total, tender, cash_received, change_due) VALUES "
        "(1, '2026-11-21T05:00:00.000Z', '2026-11-21T05:09:00.000Z', '2026-11-21', 'completed', "
        "'Sari', 'T1', 12000, 'cash', 12000, 0), "
        "(2, '2026-11-21T05:01:00.000Z', '2026-11-21T05:02:00.000Z', '2026-11-21', 'completed', "
        "'Sari', 'T1', 12000, 'cash', 12000, 0), "
        "(3, '2026-11-21T06:00:00.000Z', NULL, '2026-11-21', 'cancelled', 'Sari', 'T1', 12000, "
        "NULL, NULL, NULL), "
        "(4, '2026-11-22T05:00:00.000Z', '2026-11-22T05:00:00.000Z', '2026-11-22', 'completed', "
        "'Budi', 'T1', 12000, 'cash', 12000, 0)"
    )
    old.conn.commit()
    old.close()

    db = open_database(path)
    sales = Sales(db, DAY)
    numbers = [sales.get(sale_id).receipt_number for sale_id in (1, 2, 3, 4)]
    assert numbers == ["T1-20261121-0002", "T1-20261121-0001", None, "T1-20261122-0001"]
    later = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    assert cash(sales, now=later) == "T1-20261121-0003", "new sales go on after them"
    db.close()


def test_the_last_completed_sale_of_the_terminal(sales: Sales) -> None:
    assert sales.last_completed("T1") is None
    cash(sales, "T1")
    newest = cash(sales, "T1", NOW + timedelta(minutes=5))
    cash(sales, "T2", NOW + timedelta(minutes=9))
    sales.cancel(new_sale(sales), now=NOW + timedelta(minutes=10))
    last = sales.last_completed("T1")
    assert last is not None and last.receipt_number == newest


def test_sales_are_found_by_number_amount_or_time(sales: Sales, db: Database) -> None:
    first = cash(sales)
    invoice_sale = new_sale(sales)
    payments = Payments(db, DAY)
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(invoice_sale, ProviderName.DOKU, TOTAL, invoice, NOW)
    other = sales.create_sale(
        [LineItem("X", "Permen", 500, 3)], cashier="Sari", terminal_id="T1", now=NOW
    )
    later = NOW + timedelta(hours=2)
    sales.complete_cash(other, 2000, later)
    first_id = 1

    assert find_sales(db, SaleQuery(number=first or "")) == [first_id]
    assert find_sales(db, SaleQuery(number="t1-20261121-0001")) == [first_id]
    assert first == "T1-20261121-0001"
    assert find_sales(db, SaleQuery(number="0002")) == [other]
    assert find_sales(db, SaleQuery(number=invoice.lower())) == [invoice_sale]
    assert find_sales(db, SaleQuery(amount=1500)) == [other]
    assert find_sales(db, SaleQuery(amount=TOTAL)) == [invoice_sale, first_id]
    assert find_sales(db, SaleQuery(since=later)) == [other]
    assert find_sales(db, SaleQuery(until=later)) == [invoice_sale, first_id]
    both = SaleQuery(number="1121", amount=TOTAL, since=NOW, until=later)
    assert find_sales(db, both) == [invoice_sale, first_id]
    assert find_sales(db, SaleQuery(number="nothing like it")) == []
    for wildcard in ("%", "_", "T1_2"):
        assert find_sales(db, SaleQuery(number=wildcard)) == [], "typed text is matched as is"


def test_a_lookup_needs_something_to_look_for() -> None:
    with pytest.raises(ValidationError, match="receipt or invoice number"):
        SaleQuery(number="  ")
    with pytest.raises(ValidationError, match="ends before it starts"):
        SaleQuery(since=NOW, until=NOW)


def test_a_late_payment_attached_to_its_cancelled_sale_numbers_it_then(
    sales: Sales, db: Database
) -> None:
    cash(sales)
    sale_id = new_sale(sales)
    payments = Payments(db, DAY)
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, ProviderName.DOKU, TOTAL, invoice, NOW)
    assert sales.cancel(sale_id, now=NOW).receipt_number is None
    payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=NOW)
    assert payments.get_attempt(invoice).late
    cash(sales)
    later = NOW + timedelta(hours=1)
    attached = sales.attach_late_payment(sale_id, invoice, payload={}, now=later, actor="Bu Rina")
    assert attached.status is SaleStatus.COMPLETED
    assert attached.receipt_number == "T1-20261121-0003"


def test_cash_refused_for_a_sale_a_qr_payment_paid_takes_no_number(
    sales: Sales, db: Database
) -> None:
    """The customer paid by QR while the cashier took cash: the cash is refused in the
    completing transaction, before a number is drawn, so the QR completion takes the next one
    and the day has no gap."""
    sale_id = new_sale(sales)
    payments = Payments(db, DAY)
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, ProviderName.DOKU, TOTAL, invoice, NOW)
    payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=NOW)
    with pytest.raises(SalePaidAlready):
        sales.complete_cash(sale_id, 20000, NOW)
    assert sales.complete_with_payment(sale_id, invoice, NOW).receipt_number == "T1-20261121-0001"
    assert cash(sales) == "T1-20261121-0002"


def test_a_qr_sale_completed_again_takes_the_number_the_relay_holds_for_it_while_free(
    sales: Sales, db: Database
) -> None:
    """Restored from a backup taken while their payments were awaited, the till is told the
    numbers the relay's files give its QR sales: a sale its own payment completes again takes
    its number, on its day, the next morning too. A number this database has given since, of a
    day it has closed, or another till's, is not taken: the sale draws a new one."""
    cash(sales)
    waiting = [qr_paid(sales, db) for _ in range(4)]
    held = ("T1-20261121-0003", "T1-20261121-0001", "T1-20261120-0001", "T2-20261121-0002")
    with transaction(db) as conn:
        conn.execute(
            "INSERT INTO day_closes (business_date, closed_at, closed_by, sales_count, total, "
            "cash_total, qr_total) VALUES ('2026-11-20', '2026-11-20T14:00:00.000Z', 'Bu Rina', "
            "0, 0, 0, 0)"
        )
        keep_held_numbers(
            conn,
            "T1",
            {invoice: number for (_, invoice), number in zip(waiting, held, strict=True)},
        )
    next_morning = NOW + timedelta(days=1)
    done = [sales.complete_with_payment(*paid, next_morning) for paid in waiting]

    assert [(sale.receipt_number, sale.business_date) for sale in done] == [
        ("T1-20261121-0003", date(2026, 11, 21)),
        ("T1-20261122-0001", date(2026, 11, 22)),
        ("T1-20261122-0002", date(2026, 11, 22)),
        ("T1-20261122-0003", date(2026, 11, 22)),
    ]
    assert cash(sales) == "T1-20261121-0004", "the day's numbers go on after the one taken"
