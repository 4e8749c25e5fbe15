"""A late payment's refund that failed, the payment then attached to another sale, and the
refund paid after failing after all: it gives back the money of the sale the payment paid."""

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.lifecycles import RefundStatus
from pos_app.payments.model import (
    AttemptState,
    PaymentRequest,
    PaymentStatus,
    PayoutOutcome,
    PayoutReport,
    ProviderName,
)
from pos_app.reports.sales_csv import ExportKind, export_sales
from pos_app.reports.z_report import build_z_report
from pos_app.store.payment_records import EventSource
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.problem_payments import attach
from pos_app.till.refund_payouts import settle_from_report

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(4, 0))
D1 = date(2026, 11, 21)
LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000
WALLET = "081234567890"


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TerminalStore]:
    store = TerminalStore(tmp_path / "kasir.db", DAY)
    yield store
    store.close()


def late_payment(store: TerminalStore, *, paid_in_cash: bool) -> tuple[int, str]:
    """A QR sale of D1 given up on (cancelled, or paid in cash), then paid: a late payment of
    TOTAL; the sale and the payment's invoice."""
    repos = store.repositories()
    moment = local("2026-11-21T10:00")
    sale_id = repos.sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=moment)
    invoice = repos.payments.next_invoice_number("T1", moment)
    repos.payments.create_attempt(sale_id, ProviderName.DOKU, TOTAL, invoice, moment)
    repos.payments.record_request(
        PaymentRequest(ProviderName.DOKU, invoice, TOTAL, "https://pay.example/x"), now=moment
    )
    if paid_in_cash:
        repos.payments.transition(
            invoice, AttemptState.CANCELLED, source=EventSource.CASHIER, now=moment
        )
        repos.sales.complete_cash(sale_id, TOTAL, moment)
    else:
        repos.sales.cancel(sale_id, now=moment)
    later = local("2026-11-21T10:30")
    repos.payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=later)
    return sale_id, invoice


def net_of(store: TerminalStore, day: date) -> tuple[int, int, int]:
    """The day's (Z report's net, sales file's total, lines file's total)."""
    db, folder = store.repositories().db, Path(store.path).parent
    net = build_z_report(db, day, day=DAY).net_total
    totals = []
    for kind, column in ((ExportKind.SALES, "total"), (ExportKind.LINES, "line_total")):
        target = folder / f"{kind}-{day}.csv"
        export_sales(db, target, first_day=day, kind=kind, tz=JAKARTA)
        totals.append(sum(int(row[column]) for row in rows(target)))
    return net, totals[0], totals[1]


@pytest.mark.parametrize("paid_in_cash", [False, True], ids=["own sale cancelled", "own sale cash"])
def test_a_late_payments_refund_paid_after_failing_counts_against_the_sale_it_was_attached_to(
    store: TerminalStore, paid_in_cash: bool
) -> None:
    """A manager refunds a late payment to the wallet; ecommpay declines the payout, so the
    payment is free again and the manager attaches it to the sale the customer rang up again;
    then ecommpay pays the declined payout after all. The refund stayed with the payment's own
    sale: the attached sale kept its whole total in the takings and could be refunded in full a
    second time (and a cash sale of the payment's own was charged with it instead)."""
    repos = store.repositories()
    own_sale, invoice = late_payment(store, paid_in_cash=paid_in_cash)
    repos.refunds.create(
        own_sale,
        "RFD-T1-1",
        TOTAL,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number=WALLET,
        customer_name="Ani",
        approved_by="Bu Rina",
        now=local("2026-11-21T11:00"),
        invoice_number=invoice,
    )
    settle_from_report(
        repos.refunds,
        PayoutReport("RFD-T1-1", PayoutOutcome.DECLINED, reason="declined"),
        now=local("2026-11-21T11:01"),
    )
    # The customer rang the same basket up again, and it was cancelled for the late payment.
    again = local("2026-11-21T11:10")
    other = repos.sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=again)
    repos.sales.cancel(other, now=again)
    attach(repos.db, invoice, other, manager="Bu Rina", day=DAY, now=local("2026-11-21T11:20"))
    assert repos.refunds.refundable(other) == TOTAL

    paid = settle_from_report(
        repos.refunds,
        PayoutReport("RFD-T1-1", PayoutOutcome.PAID, amount=TOTAL, currency="IDR"),
        now=local("2026-11-21T12:00"),
    )

    assert paid.status is RefundStatus.PAID
    assert ProblemKind.PAID_AFTER_FAILING in {p.kind for p in list_problems(repos.db)}
    cash = TOTAL if paid_in_cash else 0
    # The provider took TOTAL (the late payment) and paid TOTAL back: only the cash remains.
    assert net_of(store, D1) == (cash,) * 3
    # The attached sale's money went back to the customer: none of it is left to refund ...
    assert repos.refunds.refundable(other) <= 0
    # ... and the cash sale's own money was never paid back.
    if paid_in_cash:
        assert repos.refunds.refundable(own_sale) == TOTAL
