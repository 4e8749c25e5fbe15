"""A payout Kasir holds paid that ecommpay later reports declined or failed, with no reversal said.

ecommpay's payout statuses have no "reversed" (a reversed payout may end ``decline``), and a
reversal's own callback may be lost: such a report may mean the money is back in the shop's
balance while Kasir counts the customer paid. It was logged and ignored. Kasir must not take it
as reversed by itself (a stray decline would make the customer owed twice), so the refund stays
paid and its money stays spent; the report is kept and the payout listed for the manager until
resolved, or until a whole reversal explains it.
"""

import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import RefundStatus
from pos_app.payments.model import (
    LEFT_UNKNOWN,
    AttemptState,
    PayoutOutcome,
    PayoutReport,
    ProviderName,
)
from pos_app.reports.z_report import build_z_report
from pos_app.store.audit import AuditEntry, AuditLog
from pos_app.store.database import open_database
from pos_app.store.errors import NotFound, StoreError
from pos_app.store.problem_payments import ProblemKind, ProblemPayment, list_problems
from pos_app.store.refunds import Refund, Refunds
from pos_app.store.sales import Sales
from pos_app.till.problem_payments import TAKEN_AS_REVERSED, resolve, take_as_reversed
from pos_app.till.refund_payouts import settle_from_report

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)
NEXT_DAY = NOW + timedelta(days=1)
TOTAL = 12_000
AMOUNT = 5_000
DECLINE = {
    "payment": {"id": "PO-1", "type": "payout", "status": "decline"},
    "operation": {"id": 7, "type": "payout", "status": "decline", "code": "20100"},
}
"""ecommpay's word that the payout was declined, its latest operation no successful reversal."""


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


@pytest.fixture
def sale_id(db: Database) -> int:
    """A cash sale of ``TOTAL`` and its payout PO-1 of ``AMOUNT``, reported paid."""
    sales = Sales(db)
    sale = sales.create_sale(
        [LineItem("KOPI", "Kopi", 6000, 2)], cashier="Sari", terminal_id="T1", now=NOW
    )
    sales.complete_cash(sale, TOTAL, NOW)
    payout(db, sale, "PO-1")
    settle_from_report(Refunds(db), told(PayoutOutcome.PAID, {"status": "success"}), now=LATER)
    return sale


def payout(db: Database, sale_id: int, payout_id: str) -> None:
    Refunds(db).create(
        sale_id,
        payout_id,
        AMOUNT,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="0812",
        customer_name="Ani",
        approved_by="Bu Rina",
        now=LATER,
    )


def told(outcome: PayoutOutcome, raw: dict[str, Any], payout_id: str = "PO-1") -> PayoutReport:
    return PayoutReport(payout_id=payout_id, outcome=outcome, reason="Declined (20100)", raw=raw)


def contradicted(sale_id: int, since: datetime) -> ProblemPayment:
    return ProblemPayment(
        kind=ProblemKind.PAYOUT_CONTRADICTED,
        invoice_number="PO-1",
        state=AttemptState.PAID,
        since=since,
        provider=ProviderName.ECOMMPAY_GATE,
        amount=AMOUNT,
        sale_id=sale_id,
    )


def entries(db: Database, action: str) -> list[AuditEntry]:
    return [entry for entry in AuditLog(db).recent() if entry.action == action][::-1]


def test_a_decline_after_paid_is_kept_and_listed_until_resolved_and_owes_nothing(
    db: Database, sale_id: int, caplog: pytest.LogCaptureFixture
) -> None:
    refunds = Refunds(db)

    with caplog.at_level(logging.WARNING):
        settled = settle_from_report(refunds, told(PayoutOutcome.DECLINED, DECLINE), now=NEXT_DAY)

    assert settled.status is RefundStatus.PAID, "a stray decline is not taken as a reversal"
    assert refunds.refundable(sale_id) == TOTAL - AMOUNT, "the customer is not owed it twice"
    assert list_problems(db) == [contradicted(sale_id, NEXT_DAY)]
    assert "listed among the problem payments" in caplog.text
    [kept] = entries(db, "refund.contradicted")
    assert (kept.actor, kept.detail["outcome"], kept.detail["report"]) == (
        "ecommpay-gate",
        "declined",
        DECLINE,
    )

    settle_from_report(refunds, told(PayoutOutcome.DECLINED, DECLINE), now=NEXT_DAY + timedelta(1))
    assert len(entries(db, "refund.contradicted")) == 1, "a retry of the same report is kept once"
    resolve(
        db,
        "PO-1",
        reason="dashboard: paid to Ani",
        manager="Bu Rina",
        now=NEXT_DAY,
        kind=ProblemKind.PAYOUT_CONTRADICTED,
    )
    assert list_problems(db) == []
    assert [e.detail["reason"] for e in entries(db, "refund.resolve_contradicted")] == [
        "dashboard: paid to Ani"
    ]
    settle_from_report(refunds, told(PayoutOutcome.DECLINED, DECLINE), now=NEXT_DAY + timedelta(2))
    assert list_problems(db) == [], "the report resolved, said again, lists nothing"

    error = {"payment": {"id": "PO-1", "type": "payout", "status": "error"}}
    later = NEXT_DAY + timedelta(days=3)
    settle_from_report(refunds, told(PayoutOutcome.FAILED, error), now=later)
    assert list_problems(db) == [contradicted(sale_id, later)], "another report is listed again"
    assert refunds.get("PO-1").status is RefundStatus.PAID


def test_a_success_said_again_does_not_settle_it(db: Database, sale_id: int) -> None:
    """ecommpay retries each callback for days: an old success may arrive after a newer
    decline, so it tells nothing about whether the money came back."""
    refunds = Refunds(db)
    settle_from_report(refunds, told(PayoutOutcome.DECLINED, DECLINE), now=NEXT_DAY)

    settle_from_report(refunds, told(PayoutOutcome.PAID, {"status": "success"}), now=NEXT_DAY)

    assert list_problems(db) == [contradicted(sale_id, NEXT_DAY)]


def test_a_whole_reversal_after_it_is_listed_as_reversed_only(db: Database, sale_id: int) -> None:
    refunds = Refunds(db)
    settle_from_report(refunds, told(PayoutOutcome.DECLINED, DECLINE), now=NEXT_DAY)
    assert [p.kind for p in list_problems(db)] == [ProblemKind.PAYOUT_CONTRADICTED]

    reversal = {"payment": {"id": "PO-1", "type": "payout", "status": "reversed"}}
    settle_from_report(refunds, told(PayoutOutcome.REVERSED, reversal), now=NEXT_DAY)

    assert [p.kind for p in list_problems(db)] == [ProblemKind.PAYOUT_REVERSED]
    assert refunds.refundable(sale_id) == TOTAL, "the money came back: refundable again"


def test_it_is_not_resolved_while_a_refund_of_the_sale_may_be_paying_it(
    db: Database, sale_id: int
) -> None:
    """The manager saw the money back in the dashboard and refunds the sale again: resolved
    meanwhile, should that payout fail, nothing would say the customer is owed it still; and
    once it failed, the contradiction stays the one listed for that money."""
    refunds = Refunds(db)
    settle_from_report(refunds, told(PayoutOutcome.DECLINED, DECLINE), now=NEXT_DAY)
    payout(db, sale_id, "PO-2")

    with pytest.raises(StoreError, match="PO-2"):
        resolve(db, "PO-1", reason="refunded again", manager="Bu Rina", now=NEXT_DAY)

    refunds.settle("PO-2", RefundStatus.FAILED, now=NEXT_DAY)
    assert [(p.kind, p.invoice_number) for p in list_problems(db)] == [
        (ProblemKind.PAYOUT_CONTRADICTED, "PO-1")
    ]


SHOP = BusinessDay(ZoneInfo("Asia/Jakarta"), time(4, 0))
"""A shop open past midnight: 02:00 WIB is still the day before."""
TAKEN = datetime(2026, 11, 23, 19, 0, tzinfo=UTC)
"""02:00 WIB on the 24th: the shop's 23rd, Jakarta midnight's 24th."""
WHY = "ecommpay's dashboard shows it back in the balance"


def take(db: Database, seen: ProblemPayment, reason: str = WHY) -> Refund:
    return take_as_reversed(db, seen, reason=reason, manager="Bu Rina", day=SHOP, now=TAKEN)


def parts(db: Database) -> list[tuple[int, str]]:
    return db.execute(
        "SELECT amount, business_date FROM payout_reversal_parts ORDER BY id"
    ).fetchall()


def test_taken_as_reversed_the_customer_is_owed_it_and_it_counts_back_on_the_shop_day_taken(
    db: Database, sale_id: int
) -> None:
    refunds = Refunds(db)
    settle_from_report(refunds, told(PayoutOutcome.DECLINED, DECLINE), now=NEXT_DAY)
    [seen] = list_problems(db)

    taken = take(db, seen)

    assert (taken.status, taken.reversed_at) == (RefundStatus.PAID, TAKEN)
    [listed] = list_problems(db)
    assert (listed.kind, listed.invoice_number, listed.amount) == (
        ProblemKind.PAYOUT_REVERSED,
        "PO-1",
        AMOUNT,
    )
    assert refunds.refundable(sale_id) == TOTAL, "the sale may be refunded again"
    assert parts(db) == [(AMOUNT, "2026-11-23")]
    z = build_z_report(db, date(2026, 11, 23), day=SHOP, now=TAKEN)
    assert (z.reversals_count, z.reversals_total, z.net_total) == (1, AMOUNT, AMOUNT)
    [entry] = entries(db, TAKEN_AS_REVERSED)
    assert (entry.actor, entry.at, entry.detail) == (
        "Bu Rina",
        TAKEN,
        {"payout_id": "PO-1", "sale_id": sale_id, "amount": AMOUNT, "reason": WHY},
    )
    report = db.execute("SELECT report FROM payout_reversals").fetchone()[0]
    assert json.loads(report) == {"taken_as_reversed_by": "Bu Rina", "reason": WHY}


@pytest.mark.parametrize(
    ("left", "rest", "counted"),
    [
        (3_000, 3_000, [(2_000, "2026-11-22"), (3_000, "2026-11-23")]),
        (LEFT_UNKNOWN, AMOUNT, [(AMOUNT, "2026-11-23")]),
    ],
    ids=["left known", "left unknown"],
)
def test_a_payout_reversed_in_part_is_taken_as_reversed_for_the_rest_still_paid_out(
    db: Database, sale_id: int, left: int, rest: int, counted: list[tuple[int, str]]
) -> None:
    """Rp 2.000 of the Rp 5.000 came back before: only the Rp 3.000 still paid out counts back,
    and the audit says so, not the whole payout. A reversal in part that said no amount brought
    nothing back: all of it is still paid out as Kasir counts it, and counts back."""
    refunds = Refunds(db)
    part = {"payment": {"id": "PO-1", "type": "payout", "status": "partially reversed"}}
    refunds.record_reversal("PO-1", report=part, now=NEXT_DAY, left=left)
    settle_from_report(refunds, told(PayoutOutcome.DECLINED, DECLINE), now=NEXT_DAY)
    listed = {p.kind: p for p in list_problems(db)}
    assert set(listed) == {ProblemKind.PAYOUT_REVERSED, ProblemKind.PAYOUT_CONTRADICTED}
    seen = listed[ProblemKind.PAYOUT_CONTRADICTED]
    assert (seen.amount, seen.still_paid_out) == (AMOUNT, rest)

    take(db, seen)

    assert [p.kind for p in list_problems(db)] == [ProblemKind.PAYOUT_REVERSED]
    assert parts(db) == counted
    assert refunds.refundable(sale_id) == TOTAL
    [entry] = entries(db, TAKEN_AS_REVERSED)
    assert entry.detail["amount"] == rest


def test_a_payout_reversed_further_since_seen_is_not_taken_as_reversed(
    db: Database, sale_id: int
) -> None:
    """The manager was asked about the Rp 3.000 still paid out; ecommpay reversed more of it
    meanwhile: nothing is written, so no figure the manager never saw is counted back."""
    refunds = Refunds(db)
    part = {"payment": {"id": "PO-1", "type": "payout", "status": "partially reversed"}}
    refunds.record_reversal("PO-1", report=part, now=NEXT_DAY, left=3_000)
    settle_from_report(refunds, told(PayoutOutcome.DECLINED, DECLINE), now=NEXT_DAY)
    seen = {p.kind: p for p in list_problems(db)}[ProblemKind.PAYOUT_CONTRADICTED]
    refunds.record_reversal("PO-1", report=part, now=NEXT_DAY, left=1_000)

    with pytest.raises(NotFound, match="no longer listed"):
        take(db, seen)

    assert entries(db, TAKEN_AS_REVERSED) == []
    assert parts(db) == [(2_000, "2026-11-22"), (2_000, "2026-11-22")]


def test_only_a_contradicted_payout_as_listed_is_taken_as_reversed(
    db: Database, sale_id: int
) -> None:
    refunds = Refunds(db)
    settle_from_report(refunds, told(PayoutOutcome.DECLINED, DECLINE), now=NEXT_DAY)
    [seen] = list_problems(db)

    with pytest.raises(ValidationError, match="a reason is required"):
        take(db, seen, reason="  ")
    with pytest.raises(ValidationError, match="only a contradicted payout"):
        take(db, replace(seen, kind=ProblemKind.PAYOUT_REVERSED))
    error = {"payment": {"id": "PO-1", "type": "payout", "status": "error"}}
    settle_from_report(refunds, told(PayoutOutcome.FAILED, error), now=NEXT_DAY + timedelta(1))
    with pytest.raises(NotFound, match="no longer listed as it was"):
        take(db, seen)
    [again] = list_problems(db)
    resolve(db, "PO-1", reason="paid to Ani", manager="Pak Budi", now=TAKEN, seen=again)
    with pytest.raises(NotFound, match="no longer listed as it was"):
        take(db, again)

    assert (parts(db), entries(db, TAKEN_AS_REVERSED)) == ([], [])
    assert refunds.get("PO-1").reversed_at is None
