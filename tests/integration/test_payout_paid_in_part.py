"""A refund payout ecommpay pays out only in part ("partially paid out": Rp 3.000 of the
Rp 4.040 asked, the rest declined) was settled paid for that part, yet every money figure kept
counting the Rp 4.040 asked as gone back: the customer was owed Rp 1.040 that Kasir never let
anyone pay, and the Z report and the sales and payments files put Rp 1.040 of takings nowhere.

Economically such a payout is one paid in full and reversed by what it did not pay. Once the
status answer, which lists every part, has told what they all paid, the rest is brought back as
a reversal brings money back: on the business day it is recorded (the payout's own day keeps
it), in every file, and the sale may be refunded again by as much. Until then the whole amount
stays taken, as ecommpay may still pay it."""

import logging

import pytest

from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.payments.model import PaymentStatus, PayoutOutcome, PayoutReport, ProviderName
from pos_app.reports.payments_csv import PAYOUT, PAYOUT_REVERSAL, export_payments
from pos_app.reports.z_report import build_z_report
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.refunds import PAID_MORE
from pos_app.store.returns import WalletPayout
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.problem_payments import resolve
from pos_app.till.refund_payouts import settle_answer, settle_from_report
from tests.integration.test_reversed_payouts import (  # noqa: F401
    D1,
    D2,
    D3,
    DAY,
    TOTAL,
    local,
    net_of,
    pending_payout,
    reverse,
    rows,
    store,
)

ASKED, PAID_OUT = 4_040, 3_000
ANSWER = {"payment": {"id": "PO-1", "type": "payout", "status": "partially paid out"}}
"""ecommpay's status answer, as kept (its parts are read into the paid figure by the caller:
it told what was paid)."""


def paid_in_part(store: TerminalStore, *, answered: bool = True) -> int:  # noqa: F811
    """A cash sale of D1 and payout PO-1 of Rp 4.040 of it that a callback of D1 told paid
    Rp 3.000; with ``answered``, ecommpay's status answer told so on D2 (its final word)."""
    sale_id = pending_payout(store, ASKED)
    store.refunds.settle(
        "PO-1",
        RefundStatus.PAID,
        now=local("2026-11-21T11:01"),
        paid_amount=PAID_OUT,
        paid_currency="IDR",
    )
    if answered:
        store.refunds.record_answer(
            "PO-1", report=ANSWER, now=local("2026-11-22T09:00"), told_paid=True
        )
    return sale_id


def brought_back(store: TerminalStore) -> list[tuple[str, int]]:  # noqa: F811
    return [
        (business_date, amount)
        for business_date, amount in store.repositories().db.execute(
            "SELECT business_date, amount FROM payout_reversal_parts ORDER BY id"
        )
    ]


def test_before_the_final_word_the_whole_payout_stays_taken(store: TerminalStore) -> None:  # noqa: F811
    """A callback names one part only: ecommpay may have paid more, so nothing comes back yet
    (freeing it could pay the customer twice)."""
    sale_id = paid_in_part(store, answered=False)

    assert store.refunds.refundable(sale_id) == TOTAL - ASKED
    assert brought_back(store) == []
    assert net_of(store, D1) == (TOTAL - ASKED,) * 3


def test_what_may_still_be_refunded_counts_what_was_paid_out(store: TerminalStore) -> None:  # noqa: F811
    sale_id = paid_in_part(store)

    assert store.refunds.refundable(sale_id) == TOTAL - PAID_OUT
    again = store.refunds.create(
        sale_id,
        "PO-2",
        TOTAL - PAID_OUT,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Bu Rina",
        now=local("2026-11-22T09:30"),
    )
    assert again.amount == TOTAL - PAID_OUT


def test_the_rest_counts_back_on_the_day_the_answer_came_in_every_file(
    store: TerminalStore,  # noqa: F811
) -> None:
    """The payout's day keeps its Rp 4.040 out (it was closed, say); the Rp 1.040 it did not
    pay counts back on the answer's day, in the Z report and both sales files alike."""
    paid_in_part(store)

    assert net_of(store, D1) == (TOTAL - ASKED,) * 3
    assert net_of(store, D2) == (ASKED - PAID_OUT,) * 3
    report = build_z_report(store.repositories().db, D2, day=DAY)
    assert (report.reversals_count, report.reversals_total) == (1, ASKED - PAID_OUT)
    assert brought_back(store) == [("2026-11-22", ASKED - PAID_OUT)]


def test_the_payments_file_pays_out_the_payout_and_brings_the_rest_back(
    store: TerminalStore,  # noqa: F811
) -> None:
    """The payout row is what was asked, as for a reversed payout; the rest is a reversal row
    of its own day, so a closed day's file never changes: Rp 3.000 went out in all."""
    paid_in_part(store)
    target = store.path.parent / "payments.csv"

    summary = export_payments(store.repositories().db, target, first_day=D1, last_day=D2, day=DAY)

    moved = [(r["business_date"], r["record_type"], int(r["paid_amount"])) for r in rows(target)]
    assert [row for row in moved if row[1] in (PAYOUT, PAYOUT_REVERSAL)] == [
        ("2026-11-21", PAYOUT, -ASKED),
        ("2026-11-22", PAYOUT_REVERSAL, ASKED - PAID_OUT),
    ]
    assert summary.paid_out == PAID_OUT


def test_the_answer_told_again_brings_nothing_more(store: TerminalStore) -> None:  # noqa: F811
    sale_id = paid_in_part(store)
    store.refunds.record_answer(
        "PO-1", report=ANSWER, now=local("2026-11-23T09:00"), told_paid=True
    )
    store.refunds.record_answer(
        "PO-1", report={**ANSWER, "operations": []}, now=local("2026-11-23T09:05"), told_paid=True
    )

    assert brought_back(store) == [("2026-11-22", ASKED - PAID_OUT)]
    assert store.refunds.refundable(sale_id) == TOTAL - PAID_OUT


def test_a_whole_reversal_after_it_brings_back_only_what_was_still_paid_out(
    store: TerminalStore,  # noqa: F811
) -> None:
    sale_id = paid_in_part(store)
    reverse(store, "2026-11-23T09:00")

    assert brought_back(store) == [("2026-11-22", ASKED - PAID_OUT), ("2026-11-23", PAID_OUT)]
    assert store.refunds.refundable(sale_id) == TOTAL
    assert net_of(store, D3) == (PAID_OUT,) * 3


def test_the_manager_sees_one_problem_the_payout_paid_another_amount(
    store: TerminalStore,  # noqa: F811
) -> None:
    """No reversal was reported: the payout is listed as paying Rp 3.000 of what was asked, not
    also as reversed (ecommpay took nothing back)."""
    paid_in_part(store)
    assert brought_back(store) == [("2026-11-22", ASKED - PAID_OUT)]

    listed = [(p.invoice_number, p.kind, p.amount) for p in list_problems(store.repositories().db)]
    assert listed == [("PO-1", ProblemKind.PAYOUT_DIFFERS, PAID_OUT)]
    assert store.refunds.get("PO-1").reversed_at is None


def test_a_later_report_of_more_paid_is_kept_and_listed_not_taken(
    store: TerminalStore,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The rest came back and the manager refunded it again and resolved the payout; then
    ecommpay says the whole payout paid (its support retried the declined part, say). The
    brought-back money stays (the day it counts on may be closed), the customer may have the
    rest twice: only the manager can settle that, so the payout is listed again."""
    sale_id = paid_in_part(store)
    db = store.repositories().db
    resolve(
        db, "PO-1", reason="refunded the rest again", manager="Bu Rina",
        now=local("2026-11-22T10:00"), kind=ProblemKind.PAYOUT_DIFFERS,
    )  # fmt: skip
    assert list_problems(db) == []
    paid_all = PayoutReport(
        "PO-1",
        PayoutOutcome.PAID,
        amount=ASKED,
        currency="IDR",
        raw={"payment": {"id": "PO-1", "type": "payout", "status": "success"}},
    )

    with caplog.at_level(logging.WARNING, logger="pos_app.till.refund_payouts"):
        settle_from_report(store.refunds, paid_all, now=local("2026-11-23T09:00"))
        settle_from_report(store.refunds, paid_all, now=local("2026-11-23T09:05"))

    assert store.refunds.get("PO-1").paid_amount == PAID_OUT
    assert brought_back(store) == [("2026-11-22", ASKED - PAID_OUT)]
    assert store.refunds.refundable(sale_id) == TOTAL - PAID_OUT
    listed = [(p.invoice_number, p.kind, p.amount) for p in list_problems(db)]
    assert listed == [("PO-1", ProblemKind.PAYOUT_DIFFERS, PAID_OUT)]
    kept = [e.detail for e in store.audit.recent() if e.action == PAID_MORE]
    assert [(d["payout_id"], d["paid_amount"]) for d in kept] == [("PO-1", ASKED)]
    assert caplog.text.count("after its status answer told") == 1


def test_a_wallet_return_paid_out_in_part_leaves_the_rest_to_refund(
    store: TerminalStore,  # noqa: F811
) -> None:
    """Two items of Rp 5.000 paid by QR come back to the wallet; the payout of Rp 10.000 pays
    out Rp 6.000. The items stay returned (the payout paid), the Rp 4.000 it did not pay counts
    back and may be refunded, as for a return whose payout was reversed."""
    moment = local("2026-11-21T10:00")
    sale_id = store.sales.create_sale(
        (LineItem("A", "a", 5_000, 2),), cashier="Sari", terminal_id="T1", now=moment
    )
    invoice = "KSR-T1-20261121-000001"
    store.payments.create_attempt(sale_id, ProviderName.ECOMMPAY_PAGE, 10_000, invoice, moment)
    store.payments.record_status(
        invoice, PaymentStatus.PAID, source="relay", now=moment, amount=10_000, currency="IDR"
    )
    store.sales.complete_with_payment(sale_id, invoice, moment)
    store.returns.record(
        sale_id, {1: 2}, method=ReturnMethod.WALLET, terminal_id="T1", cashier="Sari",
        approved_by="Bu Rina", now=local("2026-11-21T11:00"),
        payout=WalletPayout("PO-2", ProviderName.ECOMMPAY_GATE, "081234567890", "Ani"),
    )  # fmt: skip
    later = local("2026-11-21T12:00")
    store.refunds.settle(
        "PO-2", RefundStatus.PAID, now=later, paid_amount=6_000, paid_currency="IDR"
    )
    store.refunds.record_answer(
        "PO-2", report={"payment": {**ANSWER["payment"], "id": "PO-2"}}, now=later, told_paid=True
    )

    report = build_z_report(store.repositories().db, D1, day=DAY)
    assert (report.returns_total, report.reversals_total, report.net_total) == (
        10_000,
        4_000,
        4_000,
    )
    assert net_of(store, D1) == (4_000,) * 3
    assert store.refunds.refundable(sale_id) == 4_000
    assert store.returns.returnable(sale_id).fully_returned


LAST_PART = PayoutReport(
    "PO-1", PayoutOutcome.PAID, amount=PAID_OUT, currency="IDR", raw={"part": 2}
)
"""A callback about the last part of the split payout: names that part only."""
REVERSED_IN_PART = PayoutReport(
    "PO-1",
    PayoutOutcome.REVERSED,
    amount=3_500,
    currency="IDR",
    left=3_500,
    raw={"payment": {"status": "partially reversed", "sum": 3_500}},
)
"""ecommpay's status answer: the payout partly reversed, Rp 3.500 of it still paid out."""


def test_a_part_callback_after_an_answer_without_a_sum_is_not_what_the_answer_told(
    store: TerminalStore,  # noqa: F811
) -> None:
    """A status answer says paid without a sum; the last part's callback then names Rp 3.000;
    asked again, ecommpay answers the whole Rp 4.040 paid. Its only figure says all was paid:
    nothing comes back (the part's figure taken as the answer's brought back Rp 1.040)."""
    sale_id = pending_payout(store, ASKED)
    said_paid = PayoutReport("PO-1", PayoutOutcome.PAID, raw={"payment": {"status": "success"}})
    settle_answer(store.refunds, said_paid, now=local("2026-11-21T11:01"))
    assert brought_back(store) == []
    settle_from_report(store.refunds, LAST_PART, now=local("2026-11-21T11:05"))
    paid_all = PayoutReport(
        "PO-1",
        PayoutOutcome.PAID,
        amount=ASKED,
        currency="IDR",
        raw={"payment": {"status": "success", "sum": ASKED}},
    )

    settle_answer(store.refunds, paid_all, now=local("2026-11-22T09:00"))

    assert brought_back(store) == []
    assert store.refunds.refundable(sale_id) == TOTAL - ASKED
    assert store.refunds.get("PO-1").paid_amount == ASKED


def test_a_part_callback_after_a_reversal_answer_brings_nothing_more_back(
    store: TerminalStore,  # noqa: F811
) -> None:
    """The first word on the pending payout is a status answer: partly reversed, Rp 3.500 left
    paid out (Rp 540 back). A retried callback of the last part names Rp 3.000; the manager
    asks again and gets the same answer: still Rp 540 back, not Rp 500 more (which the
    customer could then be refunded twice)."""
    sale_id = pending_payout(store, ASKED)
    settle_answer(store.refunds, REVERSED_IN_PART, now=local("2026-11-21T11:01"))
    assert brought_back(store) == [("2026-11-21", ASKED - 3_500)]
    settle_from_report(store.refunds, LAST_PART, now=local("2026-11-21T11:05"))

    settle_answer(store.refunds, REVERSED_IN_PART, now=local("2026-11-22T09:00"))

    assert brought_back(store) == [("2026-11-21", ASKED - 3_500)]
    assert store.refunds.refundable(sale_id) == TOTAL - 3_500


def test_a_reversal_answer_after_a_part_callback_brings_back_only_what_it_reversed(
    store: TerminalStore,  # noqa: F811
) -> None:
    """The last part's callback named Rp 3.000; ecommpay's status answer then says the payout
    partly reversed, Rp 3.500 left paid out. It told nothing of what was paid beyond that: Rp
    540 comes back, not the Rp 1.040 the part's figure falls short."""
    sale_id = pending_payout(store, ASKED)
    settle_from_report(store.refunds, LAST_PART, now=local("2026-11-21T11:01"))

    settle_answer(store.refunds, REVERSED_IN_PART, now=local("2026-11-22T09:00"))

    assert brought_back(store) == [("2026-11-22", ASKED - 3_500)]
    assert store.refunds.refundable(sale_id) == TOTAL - 3_500
