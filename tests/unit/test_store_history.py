"""Sales and refunds move only as their lifecycles allow, and every move is in their history."""

import itertools
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.lifecycles import (
    REFUND_LIFECYCLE,
    SALE_LIFECYCLE,
    ChangeSource,
    RefundStatus,
    SaleStatus,
)
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.store.database import open_database, transaction
from pos_app.store.errors import InvalidTransition, StoreError
from pos_app.store.history import REFUNDS, SALES, StatusChange, Tracked, move
from pos_app.store.payment_records import EventSource
from pos_app.store.payments import Payments
from pos_app.store.refunds import Refunds
from pos_app.store.sales import Sales
from tests.harness.old_store import database_before

DAY = BusinessDay(ZoneInfo("Asia/Jakarta"), time(4, 0))
NOW = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)
LINES = (LineItem("MIE-001", "Indomie Goreng", 3500, 2), LineItem("TEH-1", "Teh Botol", 5000, 1))

SALE_MOVES = {
    (SaleStatus.OPEN, SaleStatus.COMPLETED),
    (SaleStatus.OPEN, SaleStatus.CANCELLED),
    (SaleStatus.CANCELLED, SaleStatus.COMPLETED),
}
"""The sale lifecycle, spelled out: every other pair is refused."""
REFUND_MOVES = {
    (RefundStatus.PENDING, RefundStatus.PAID),
    (RefundStatus.PENDING, RefundStatus.DECLINED),
    (RefundStatus.PENDING, RefundStatus.FAILED),
    (RefundStatus.FAILED, RefundStatus.PAID),  # ecommpay knew the payout after all
    (RefundStatus.DECLINED, RefundStatus.PAID),  # ecommpay contradicts its decline: money went
}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def new_sale(db: Database, at: datetime = NOW) -> int:
    return Sales(db, DAY).create_sale(LINES, cashier="Sari", terminal_id="T1", now=at)


def new_refund(db: Database, payout_id: str = "PO-1") -> int:
    sale_id = new_sale(db)
    Sales(db, DAY).complete_cash(sale_id, 12000, NOW)
    return (
        Refunds(db, DAY)
        .create(
            sale_id,
            payout_id,
            5000,
            provider=ProviderName.ECOMMPAY_GATE,
            account_number="081234567890",
            customer_name="Ani",
            approved_by="Bu Rina",
            now=NOW,
        )
        .id
    )


def status_of(db: Database, tracked: Tracked[SaleStatus] | Tracked[RefundStatus], row: int) -> str:
    return str(db.execute(f"SELECT status FROM {tracked.table} WHERE id = ?", [row]).fetchone()[0])


def history_count(db: Database, tracked: Tracked[SaleStatus] | Tracked[RefundStatus]) -> int:
    return int(db.execute(f"SELECT count(*) FROM {tracked.history}").fetchone()[0])


def test_the_tables_are_exactly_the_documented_lifecycles() -> None:
    for lifecycle, moves, states in (
        (SALE_LIFECYCLE, SALE_MOVES, SaleStatus),
        (REFUND_LIFECYCLE, REFUND_MOVES, RefundStatus),
    ):
        allowed = {
            (before, after)
            for before, after in itertools.product(states, repeat=2)
            if lifecycle.allows(before, after)
        }
        assert allowed == moves
        assert {after for after in states if lifecycle.allows(None, after)} == {lifecycle.starts}


@pytest.mark.parametrize(("before", "after"), list(itertools.product(SaleStatus, repeat=2)))
def test_every_sale_move_is_applied_or_refused_by_the_one_door(
    db: Database, before: SaleStatus, after: SaleStatus
) -> None:
    sale_id = new_sale(db)
    numbered = {"receipt_number": "T1-20261121-0001"}  # a completed sale must carry one
    if before is not SaleStatus.OPEN:
        with transaction(db) as conn:
            move(
                conn, SALES, sale_id, SaleStatus.OPEN, before, source=ChangeSource.CASHIER,
                now=NOW, columns=numbered,
            )  # fmt: skip
    lines = history_count(db, SALES)
    with transaction(db) as conn:
        if (before, after) in SALE_MOVES:
            move(
                conn, SALES, sale_id, before, after, source=ChangeSource.MANAGER, now=LATER,
                columns=numbered,
            )  # fmt: skip
        else:
            with pytest.raises(InvalidTransition, match=f"sale {sale_id} is {before}"):
                move(conn, SALES, sale_id, before, after, source=ChangeSource.MANAGER, now=LATER)
    applied = (before, after) in SALE_MOVES
    assert status_of(db, SALES, sale_id) == (after if applied else before)
    assert history_count(db, SALES) == lines + applied
    if applied:
        assert Sales(db, DAY).history(sale_id)[-1] == StatusChange(
            before, after, LATER, ChangeSource.MANAGER
        )


@pytest.mark.parametrize(("before", "after"), list(itertools.product(RefundStatus, repeat=2)))
def test_every_refund_move_is_applied_or_refused_by_the_one_door(
    db: Database, before: RefundStatus, after: RefundStatus
) -> None:
    refund_id = new_refund(db)
    if before is not RefundStatus.PENDING:
        with transaction(db) as conn:
            pending = RefundStatus.PENDING
            move(conn, REFUNDS, refund_id, pending, before, source=ChangeSource.PROVIDER, now=NOW)
    lines = history_count(db, REFUNDS)
    applied = (before, after) in REFUND_MOVES
    with transaction(db) as conn:
        if applied:
            move(conn, REFUNDS, refund_id, before, after, source=ChangeSource.SYSTEM, now=LATER)
        else:
            with pytest.raises(InvalidTransition, match=f"refund {refund_id} is {before}"):
                move(conn, REFUNDS, refund_id, before, after, source=ChangeSource.SYSTEM, now=LATER)
    assert status_of(db, REFUNDS, refund_id) == (after if applied else before)
    assert history_count(db, REFUNDS) == lines + applied


def test_a_move_from_a_status_the_row_no_longer_has_writes_nothing(db: Database) -> None:
    sale_id = new_sale(db)
    Sales(db, DAY).cancel(sale_id, now=NOW)
    lines = history_count(db, SALES)
    with (
        pytest.raises(InvalidTransition, match=f"sale {sale_id} is no longer open"),
        transaction(db) as conn,
    ):
        move(
            conn, SALES, sale_id, SaleStatus.OPEN, SaleStatus.COMPLETED,
            source=ChangeSource.CASHIER, now=LATER,
        )  # fmt: skip
    assert (status_of(db, SALES, sale_id), history_count(db, SALES)) == ("cancelled", lines)


def test_each_sale_operation_writes_its_history_line(db: Database) -> None:
    sales, payments = Sales(db, DAY), Payments(db, DAY)
    cash = new_sale(db)
    sales.complete_cash(cash, 20000, LATER)
    assert sales.history(cash) == [
        StatusChange(None, SaleStatus.OPEN, NOW, ChangeSource.CASHIER, "Sari"),
        StatusChange(SaleStatus.OPEN, SaleStatus.COMPLETED, LATER, ChangeSource.CASHIER),
    ]

    qr = new_sale(db)
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(qr, ProviderName.DOKU, 12000, invoice, NOW)
    payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=NOW)
    sales.complete_with_payment(qr, invoice, LATER)
    assert sales.history(qr)[-1] == StatusChange(
        SaleStatus.OPEN, SaleStatus.COMPLETED, LATER, ChangeSource.PROVIDER
    )

    walked_away = new_sale(db)
    late = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(walked_away, ProviderName.DOKU, 12000, late, NOW)
    sales.cancel(walked_away, now=NOW, reason="customer left")
    payments.record_status(late, PaymentStatus.PAID, source=EventSource.RELAY, now=NOW)
    sales.attach_late_payment(walked_away, late, payload={}, now=LATER, actor="Bu Rina")
    assert sales.history(walked_away) == [
        StatusChange(None, SaleStatus.OPEN, NOW, ChangeSource.CASHIER, "Sari"),
        StatusChange(SaleStatus.OPEN, SaleStatus.CANCELLED, NOW, ChangeSource.CASHIER),
        StatusChange(
            SaleStatus.CANCELLED, SaleStatus.COMPLETED, LATER, ChangeSource.MANAGER, "Bu Rina"
        ),
    ]


def test_a_refused_sale_operation_leaves_no_history(db: Database) -> None:
    sales = Sales(db, DAY)
    sale_id = new_sale(db)
    sales.complete_cash(sale_id, 12000, NOW)
    lines = history_count(db, SALES)
    for refused in (
        lambda: sales.complete_cash(sale_id, 12000, LATER),
        lambda: sales.cancel(sale_id, now=LATER),
    ):
        with pytest.raises(StoreError, match="completed, not open"):
            refused()
    assert history_count(db, SALES) == lines


def test_a_refund_is_approved_then_settled_once_on_record(db: Database) -> None:
    refunds = Refunds(db, DAY)
    new_refund(db, "PO-1")
    refunds.settle("PO-1", RefundStatus.PAID, now=LATER, result={"id": 1})
    refunds.settle("PO-1", RefundStatus.PAID, now=LATER + timedelta(minutes=1))  # the same again
    with pytest.raises(InvalidTransition, match="refund PO-1 is paid; it cannot become failed"):
        refunds.settle("PO-1", RefundStatus.FAILED, now=LATER, source=ChangeSource.SYSTEM)
    assert refunds.history("PO-1") == [
        StatusChange(None, RefundStatus.PENDING, NOW, ChangeSource.MANAGER, "Bu Rina"),
        StatusChange(RefundStatus.PENDING, RefundStatus.PAID, LATER, ChangeSource.PROVIDER),
    ]


def test_history_is_append_only(db: Database) -> None:
    new_refund(db)
    for table in ("sale_history", "refund_history"):
        with pytest.raises(sqlite3.DatabaseError, match=f"{table} is append-only"):
            db.execute(f"UPDATE {table} SET actor = 'someone'")
        with pytest.raises(sqlite3.DatabaseError, match=f"{table} is append-only"):
            db.execute(f"DELETE FROM {table}")


def test_a_sale_can_no_longer_be_voided_even_by_hand(db: Database) -> None:
    sale_id = new_sale(db)
    with pytest.raises(sqlite3.DatabaseError, match="never voided"):
        db.execute("UPDATE sales SET status = 'voided' WHERE id = ?", [sale_id])


def test_an_existing_database_gains_the_history_of_what_it_holds(tmp_path: Path) -> None:
    """A database of the version before history: each sale and refund gets one line, its status
    at its last known time, marked as from the migration; new moves follow as usual."""
    path = tmp_path / "old.db"
    old = database_before(path, "CREATE TABLE sale_history")
    old.execute(
        "INSERT INTO sales (id, created_at, completed_at, business_date, status, cashier, "
        "terminal_id, total, tender, cash_received, change_due) VALUES "
        "(1, '2026-11-21T05:00:00.000Z', '2026-11-21T05:02:00.000Z', '2026-11-21', 'completed', "
        "'Sari', 'T1', 12000, 'cash', 12000, 0), "
        "(2, '2026-11-21T06:00:00.000Z', NULL, '2026-11-21', 'open', 'Sari', 'T1', 12000, "
        "NULL, NULL, NULL)"
    )
    old.execute(
        "INSERT INTO refunds (payout_id, sale_id, provider, amount, account_number, "
        "customer_name, approved_by, status, created_at, updated_at) VALUES ('PO-1', 1, "
        "'ecommpay-gate', 5000, '0812', 'Ani', 'Bu Rina', 'pending', "
        "'2026-11-21T07:00:00.000Z', '2026-11-21T07:00:00.000Z')"
    )
    old.conn.commit()
    old.close()

    db = open_database(path)
    sales = Sales(db, DAY)
    assert sales.history(1) == [
        StatusChange(
            None,
            SaleStatus.COMPLETED,
            datetime(2026, 11, 21, 5, 2, tzinfo=UTC),
            ChangeSource.MIGRATION,
        )
    ]
    sales.cancel(2, now=LATER)
    assert [(c.before, c.after, c.source) for c in sales.history(2)] == [
        (None, SaleStatus.OPEN, ChangeSource.MIGRATION),
        (SaleStatus.OPEN, SaleStatus.CANCELLED, ChangeSource.CASHIER),
    ]
    assert Refunds(db, DAY).history("PO-1") == [
        StatusChange(
            None,
            RefundStatus.PENDING,
            datetime(2026, 11, 21, 7, 0, tzinfo=UTC),
            ChangeSource.MIGRATION,
        )
    ]
    db.close()
