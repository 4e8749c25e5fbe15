import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.discounts import Discount
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.money import MAX_AMOUNT
from pos_app.payments.model import AttemptState, PaymentStatus, ProviderName
from pos_app.store.database import open_database
from pos_app.store.errors import NotFound, StoreError
from pos_app.store.payment_records import EventSource, Outcome
from pos_app.store.payments import Payments
from pos_app.store.refunds import Refunds
from pos_app.store.sales import Sales, Tender
from tests.harness.old_store import database_before

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


LABELS = [
    LineItem("BUAH-PSG", "Pisang 0,734 kg", 18_350, 1, labelled=True),
    LineItem("BUAH-PSG", "Pisang 1,250 kg", 31_250, 1, labelled=True),
    LineItem("MIE-001", "Indomie Goreng", 3500, 2),
]


def test_a_sale_keeps_which_lines_a_scale_label_priced(sales: Sales) -> None:
    """So the basket rebuilt from an open sale is the one rung up (two labels of one product
    are two lines, not one at the last label's price)."""
    sale_id = sales.create_sale(LABELS, cashier="Sari", terminal_id="T1", now=NOW)

    assert list(sales.get(sale_id).lines) == LABELS


def test_the_upgrade_marks_lines_only_labels_could_have_made(tmp_path: Path) -> None:
    """Before the column, a product on two lines of one sale was a scale's labels (a plain
    line takes more of its product into itself); a quantity above 1 never is a label's."""
    path = tmp_path / "old.db"
    old = database_before(path, "ADD COLUMN labelled")
    old.execute(
        "INSERT INTO sales (id, created_at, business_date, status, cashier, terminal_id, total) "
        "VALUES (1, '2026-11-21T05:00:00.000Z', '2026-11-21', 'open', 'Sari', 'T1', 56600)"
    )
    for no, line in enumerate([*LABELS, LineItem("MIE-001", "Indomie Goreng", 3500, 1)], 1):
        old.execute(
            "INSERT INTO sale_lines (sale_id, line_no, sku, name, unit_price, quantity, "
            "line_total) VALUES (1, ?, ?, ?, ?, ?, ?)",
            [no, line.sku, line.name, line.unit_price, line.quantity, line.line_total],
        )
    old.conn.commit()
    old.close()

    db = open_database(path)
    lines = Sales(db, DAY).get(1).lines
    db.close()

    assert [(line.sku, line.quantity, line.labelled) for line in lines] == [
        ("BUAH-PSG", 1, True),
        ("BUAH-PSG", 1, True),
        ("MIE-001", 2, False),
        ("MIE-001", 1, True),  # a label's, or one more scanned: either way its own line
    ]


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


def test_a_sale_whose_lines_come_to_more_than_a_provider_takes_is_refused(sales: Sales) -> None:
    """The basket's limit holds for the store too: lines of Rp 999.999.999.999 x 9999, all given
    away, beside one paid line were stored (the total after discounts was Rp 1.000), and a
    thousand of them made the day's sum of discounts overflow SQLite's integer, so the Z report
    and the sales file failed."""
    given_away = Discount.percent(10_000)
    gold = LineItem("EMAS", "Emas", MAX_AMOUNT, 9999, discount=given_away)
    with pytest.raises(ValidationError, match=r"above the limit of Rp 999\.999\.999\.999"):
        sales.create_sale(
            [gold, LineItem("A", "A", 1000, 1)], cashier="Sari", terminal_id="T1", now=NOW
        )
    whole = LineItem("EMAS", "Emas", MAX_AMOUNT, 1)
    assert sales.get(sales.create_sale([whole], cashier="Sari", terminal_id="T1", now=NOW)).total


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


ATTACHED = {"resolution": "attached", "resolved_by": "Bu Rina"}
ATTACH_TIME = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)  # 09:00 on the 22nd in Jakarta


def late_payment(sales: Sales, db: Database) -> tuple[int, str]:
    """A QR sale the cashier cancelled; the customer paid it afterwards."""
    sale_id = new_sale(sales)
    invoice = pay_by_qr(db, sale_id, status=PaymentStatus.PENDING)
    sales.cancel(sale_id, now=NOW, reason="customer left")
    Payments(db).record_status(
        invoice, PaymentStatus.PAID, source=EventSource.RELAY, reference="REF-9", now=NOW
    )
    assert Payments(db).get_attempt(invoice).late
    return sale_id, invoice


def attach(sales: Sales, sale_id: int, invoice: str) -> None:
    sales.attach_late_payment(
        sale_id,
        invoice,
        payload={**ATTACHED, "sale_id": sale_id},
        now=ATTACH_TIME,
        actor="Bu Rina",
    )


def test_a_late_payment_completes_its_own_cancelled_sale(sales: Sales, db: Database) -> None:
    sale_id, invoice = late_payment(sales, db)

    sale = sales.attach_late_payment(
        sale_id,
        invoice,
        payload={**ATTACHED, "sale_id": sale_id},
        now=ATTACH_TIME,
        actor="Bu Rina",
    )

    assert sale.status is SaleStatus.COMPLETED
    assert (sale.tender, sale.provider) == (Tender.QR, ProviderName.DOKU)
    assert (sale.invoice_number, sale.payment_reference) == (invoice, "REF-9")
    assert (sale.completed_at, sale.business_date) == (ATTACH_TIME, date(2026, 11, 22))
    attempt = Payments(db).get_attempt(invoice)
    assert (attempt.state, attempt.late, attempt.updated_at) == (
        AttemptState.PAID,
        False,
        ATTACH_TIME,
    )
    last = attempt.events[-1]
    assert (last.source, last.state, last.outcome, last.payload) == (
        EventSource.CASHIER,
        AttemptState.PAID,
        Outcome.REPEATED,
        {**ATTACHED, "sale_id": sale_id},
    )
    assert Refunds(db).refundable(sale_id) == 12000  # the sale's money, counted once


def test_a_late_payment_completes_another_unpaid_sale_of_the_same_total(
    sales: Sales, db: Database
) -> None:
    own, invoice = late_payment(sales, db)
    other = new_sale(sales)

    attach(sales, other, invoice)

    assert sales.get(other).status is SaleStatus.COMPLETED
    assert sales.get(other).invoice_number == invoice
    assert sales.get(own).status is SaleStatus.CANCELLED
    refunds = Refunds(db)
    assert (refunds.refundable(own), refunds.refundable(other)) == (0, 12000)
    assert Payments(db).attempts_paid_with_open_sale() == []  # nothing for a restart to complete


def refusal(sales: Sales, db: Database, sale_id: int, invoice: str, message: str) -> None:
    """Attaching is refused with ``message`` and changes nothing."""
    before = (
        db.execute("SELECT * FROM sales ORDER BY id").fetchall(),
        db.execute("SELECT * FROM payment_attempts ORDER BY id").fetchall(),
        db.execute("SELECT count(*) FROM payment_events").fetchone(),
    )
    with pytest.raises(StoreError, match=message):
        attach(sales, sale_id, invoice)
    assert before == (
        db.execute("SELECT * FROM sales ORDER BY id").fetchall(),
        db.execute("SELECT * FROM payment_attempts ORDER BY id").fetchall(),
        db.execute("SELECT count(*) FROM payment_events").fetchone(),
    )


def test_a_paid_sale_cannot_take_a_late_payment(sales: Sales, db: Database) -> None:
    _, invoice = late_payment(sales, db)
    cash = new_sale(sales)
    sales.complete_cash(cash, 12000, NOW)
    refusal(sales, db, cash, invoice, "is completed: it was paid already.*refund the payment")
    on_time = new_sale(sales)
    paid = pay_by_qr(db, on_time)
    refusal(sales, db, on_time, invoice, f"is paid by payment {paid} already")


def test_only_a_sale_of_exactly_the_payments_amount_can_take_it(sales: Sales, db: Database) -> None:
    _, invoice = late_payment(sales, db)
    bigger = sales.create_sale(
        [*LINES, LineItem("X", "Permen", 500, 1)], cashier="Sari", terminal_id="T1", now=NOW
    )
    refusal(sales, db, bigger, invoice, r"is for Rp 12\.000 and sale \d+ totals Rp 12\.500")


def test_only_a_late_payment_can_be_attached_and_only_once(sales: Sales, db: Database) -> None:
    open_sale = new_sale(sales)
    pending = pay_by_qr(db, open_sale, status=PaymentStatus.PENDING)
    refusal(sales, db, open_sale, pending, "is pending, not paid")
    on_time_sale = new_sale(sales)
    on_time = pay_by_qr(db, on_time_sale)
    refusal(sales, db, new_sale(sales), on_time, "is not a late payment")

    sale_id, invoice = late_payment(sales, db)
    attach(sales, sale_id, invoice)
    refusal(sales, db, new_sale(sales), invoice, "is not a late payment")


def test_a_sale_waiting_on_a_payment_or_a_payment_whose_sale_is_open_is_refused(
    sales: Sales, db: Database
) -> None:
    _, invoice = late_payment(sales, db)
    waiting = new_sale(sales)
    pending = pay_by_qr(db, waiting, status=PaymentStatus.PENDING)
    refusal(sales, db, waiting, invoice, f"still waits for payment {pending}")

    own = new_sale(sales)  # expired while the sale stayed open, then paid
    expired = pay_by_qr(db, own, status=PaymentStatus.EXPIRED)
    Payments(db).record_status(expired, PaymentStatus.PAID, source=EventSource.RELAY, now=NOW)
    refusal(sales, db, new_sale(sales), expired, f"made for sale {own}, which is still open")
    attach(sales, own, expired)
    assert sales.get(own).status is SaleStatus.COMPLETED


def test_a_refunded_late_payment_cannot_be_attached(sales: Sales, db: Database) -> None:
    sale_id, invoice = late_payment(sales, db)
    Refunds(db).create(
        sale_id,
        "PO-1",
        5000,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="0812",
        customer_name="Ani",
        approved_by="Bu Rina",
        now=NOW,
        invoice_number=invoice,
    )
    refusal(sales, db, sale_id, invoice, "refunded, or being refunded, by payout PO-1")
    Refunds(db).settle("PO-1", "declined", now=NOW)  # nothing was paid back: free again
    attach(sales, sale_id, invoice)


def test_attaching_is_all_or_nothing(sales: Sales, db: Database) -> None:
    sale_id, invoice = late_payment(sales, db)
    db.execute(
        "CREATE TRIGGER refuse_completion BEFORE UPDATE OF status ON sales "
        "WHEN new.status = 'completed' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
    )
    events = len(Payments(db).get_attempt(invoice).events)
    with pytest.raises(sqlite3.IntegrityError, match="disk on fire"):
        attach(sales, sale_id, invoice)
    attempt = Payments(db).get_attempt(invoice)
    assert attempt.late and len(attempt.events) == events
    assert sales.get(sale_id).status is SaleStatus.CANCELLED


def test_candidates_are_the_unpaid_sales_of_recent_days_with_that_total(
    sales: Sales, db: Database
) -> None:
    old = new_sale(sales, NOW - timedelta(days=10))
    own, invoice = late_payment(sales, db)
    sales.cancel(old, now=NOW)  # cancelled, but too long ago
    cancelled = new_sale(sales)
    sales.cancel(cancelled, now=NOW)
    still_open = new_sale(sales)
    sales.complete_cash(new_sale(sales), 12000, NOW)
    pay_by_qr(db, new_sale(sales), status=PaymentStatus.PENDING)
    sales.create_sale([LineItem("X", "Permen", 500, 1)], cashier="Sari", terminal_id="T1", now=NOW)

    found = sales.attach_candidates(invoice, since=date(2026, 11, 15), limit=10)

    assert [sale.id for sale in found] == [own, still_open, cancelled]
    assert [sale.id for sale in sales.attach_candidates(invoice, since=NOW.date(), limit=2)] == [
        own,
        still_open,
    ]
    later = sales.attach_candidates(invoice, since=date(2026, 11, 22), limit=10)
    assert [sale.id for sale in later] == [own]  # its own sale, however old
