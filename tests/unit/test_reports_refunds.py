"""Refunds (wallet payouts): at most what a sale took, settled once, counted on the day paid."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import RefundStatus
from pos_app.payments.model import PaymentRequest, PaymentStatus, ProviderName
from pos_app.store.audit import AuditLog
from pos_app.store.database import open_database
from pos_app.store.errors import InvalidTransition, NotFound, StoreError
from pos_app.store.payments import Payments
from pos_app.store.refunds import Refunds
from pos_app.store.sales import Sales

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(4, 0))
NOW = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)  # 12:00 in Jakarta
LINES = (LineItem("MIE-001", "Indomie Goreng", 3500, 2), LineItem("TEH-1", "Teh Botol", 5000, 1))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


@pytest.fixture
def refunds(db: Database) -> Refunds:
    return Refunds(db, DAY)


def completed_sale(db: Database) -> int:
    sales = Sales(db, DAY)
    sale_id = sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=NOW)
    sales.complete_cash(sale_id, 12000, NOW)
    return sale_id


def late_paid_sale(db: Database) -> tuple[int, str]:
    sales, payments = Sales(db, DAY), Payments(db, DAY)
    sale_id = sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=NOW)
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, ProviderName.DOKU, 12000, invoice, NOW)
    payments.record_request(PaymentRequest(ProviderName.DOKU, invoice, 12000, "https://x"), now=NOW)
    sales.cancel(sale_id, now=NOW)
    payments.record_status(invoice, PaymentStatus.PAID, source="relay", now=NOW)
    return sale_id, invoice


def create(refunds: Refunds, sale_id: int, payout_id: str, amount: int, **extra: object) -> None:
    refunds.create(
        sale_id,
        payout_id,
        amount,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Manajer",
        now=NOW,
        **extra,  # type: ignore[arg-type]
    )


def test_pending_and_paid_refunds_use_up_what_the_sale_took(db: Database, refunds: Refunds) -> None:
    sale_id = completed_sale(db)
    assert refunds.refundable(sale_id) == 12000
    create(refunds, sale_id, "PO-1", 5000)
    create(refunds, sale_id, "PO-2", 4000)
    assert refunds.refundable(sale_id) == 3000
    with pytest.raises(ValidationError, match=r"more than sale 1 has left to refund \(Rp 3.000\)"):
        create(refunds, sale_id, "PO-3", 3001)
    refunds.settle("PO-2", RefundStatus.DECLINED, now=NOW, result={"status": "decline"})
    assert refunds.refundable(sale_id) == 7000
    assert [r.payout_id for r in refunds.for_sale(sale_id)] == ["PO-1", "PO-2"]


def test_a_late_payment_can_be_refunded_and_a_cancelled_sale_without_one_cannot(
    db: Database, refunds: Refunds
) -> None:
    sale_id, invoice = late_paid_sale(db)
    assert refunds.refundable(sale_id, invoice) == 12000
    assert refunds.refundable(sale_id) == 0, "the late money is refunded by naming its payment"
    with pytest.raises(ValidationError, match="has left to refund"):
        create(refunds, sale_id, "PO-SALE", 12000)
    create(refunds, sale_id, "PO-LATE", 12000, invoice_number=invoice)
    assert refunds.get("PO-LATE").invoice_number == invoice
    with pytest.raises(ValidationError, match="has left to refund"):
        create(refunds, sale_id, "PO-TWICE", 1, invoice_number=invoice)

    nothing = Sales(db, DAY).create_sale(LINES, cashier="Sari", terminal_id="T1", now=NOW)
    Sales(db, DAY).cancel(nothing, now=NOW)
    with pytest.raises(ValidationError, match="has left to refund"):
        create(refunds, nothing, "PO-X", 1000)
    with pytest.raises(ValidationError, match=f"payment {invoice} is not a payment of sale"):
        create(refunds, completed_sale(db), "PO-Y", 1000, invoice_number=invoice)


def test_a_customer_who_paid_twice_can_get_the_late_payment_back(
    db: Database, refunds: Refunds
) -> None:
    sales, payments = Sales(db, DAY), Payments(db, DAY)
    sale_id = sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=NOW)
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, ProviderName.DOKU, 12000, invoice, NOW)
    payments.transition(invoice, "cancelled", source="cashier", now=NOW)
    sales.complete_cash(sale_id, 12000, NOW)
    assert refunds.refundable(sale_id) == 12000
    payments.record_status(invoice, PaymentStatus.PAID, source="relay", now=NOW)
    assert (refunds.refundable(sale_id), refunds.refundable(sale_id, invoice)) == (12000, 12000)
    create(refunds, sale_id, "PO-LATE", 12000, invoice_number=invoice)
    assert (refunds.refundable(sale_id), refunds.refundable(sale_id, invoice)) == (12000, 0)
    with pytest.raises(ValidationError, match="has left to refund"):
        create(refunds, sale_id, "PO-AGAIN", 12000, invoice_number=invoice)  # not twice


def test_settling_sets_the_business_day_of_the_payout_once(db: Database, refunds: Refunds) -> None:
    sale_id = completed_sale(db)
    create(refunds, sale_id, "PO-1", 5000)
    after_midnight = datetime(2026, 11, 21, 20, 0, tzinfo=UTC)  # 03:00 on the 22nd in Jakarta
    paid = refunds.settle("PO-1", "paid", now=after_midnight, result={"id": 7}, reference="R-9")
    assert (paid.status, paid.business_date, paid.completed_at) == (
        RefundStatus.PAID,
        date(2026, 11, 21),
        after_midnight,
    )
    assert (paid.reference, paid.result) == ("R-9", {"id": 7})
    assert refunds.settle("PO-1", "paid", now=NOW) == paid  # the same answer again: no change
    with pytest.raises(InvalidTransition, match="refund PO-1 is paid; it cannot become declined"):
        refunds.settle("PO-1", "declined", now=NOW)
    with pytest.raises(ValidationError, match="settled as paid, declined or failed"):
        refunds.settle("PO-1", "pending", now=NOW)
    with pytest.raises(NotFound):
        refunds.settle("PO-404", "paid", now=NOW)


def test_creating_a_refund_is_audited_and_checked(db: Database, refunds: Refunds) -> None:
    sale_id = completed_sale(db)
    create(refunds, sale_id, "PO-1", 5000, reason="wrong item")
    (entry,) = AuditLog(db).recent()
    assert (entry.actor, entry.action) == ("Manajer", "refund.approve")
    assert entry.detail == {
        "payout_id": "PO-1",
        "sale_id": sale_id,
        "amount": 5000,
        "reason": "wrong item",
    }
    with pytest.raises(StoreError, match="payout id PO-1 was already used"):
        create(refunds, sale_id, "PO-1", 1000)
    with pytest.raises(ValidationError, match="payout id"):
        create(refunds, sale_id, "bad id!", 1000)
    with pytest.raises(ValidationError, match="refund amount"):
        create(refunds, sale_id, "PO-2", 0)
    with pytest.raises(NotFound):
        create(refunds, 999, "PO-3", 1000)
    assert len(refunds.for_sale(sale_id)) == 1 and len(AuditLog(db).recent()) == 1
