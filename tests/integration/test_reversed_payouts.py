"""A payout the provider reversed after paying it: the money is back in the shop's balance and the
customer still owed it. It counts back on the day the reversal came (the payout's own day keeps
it), in the Z report, the sales files and the payments file alike, and the sale may be refunded
again by as much; a demo terminal's real sandbox reverses it end to end."""

import csv
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount
from pos_app.domain.lifecycles import RefundStatus
from pos_app.payments.model import (
    AttemptState,
    PaymentRequest,
    PaymentStatus,
    PayoutOutcome,
    PayoutReport,
    ProviderName,
    RelayEvent,
)
from pos_app.payments.registry import read_payout_report
from pos_app.reports.payments_csv import PAYOUT_REVERSAL, export_payments
from pos_app.reports.sales_csv import ExportKind, export_sales
from pos_app.reports.z_report import build_z_report
from pos_app.settings.terminal_config import Settings
from pos_app.store.day_closes import DayCloses
from pos_app.store.migrations import MIGRATIONS
from pos_app.store.payment_records import EventSource
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.refunds import Refund
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.day_close import close_day
from pos_app.till.problem_payments import (
    TAKEN_AS_REVERSED,
    attach,
    resolve,
    take_as_reversed,
)
from pos_app.till.refund_payouts import Payouts, settle_from_report
from pos_app.till.terminal import Terminal, open_terminal

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(4, 0))
D1, D2, D3 = date(2026, 11, 21), date(2026, 11, 22), date(2026, 11, 23)
LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000
POLLS = 20


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def paid_payout(store: TerminalStore, amount: int) -> int:
    """A cash sale of D1 and a payout of ``amount`` paid back of it that day."""
    sale_id = pending_payout(store, amount)
    store.refunds.settle("PO-1", RefundStatus.PAID, now=local("2026-11-21T11:01"))
    return sale_id


def pending_payout(store: TerminalStore, amount: int) -> int:
    """A cash sale of D1 and a payout of ``amount`` of it, sent and not yet answered."""
    moment = local("2026-11-21T10:00")
    sale_id = store.sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=moment)
    store.sales.complete_cash(sale_id, TOTAL, moment)
    store.refunds.create(
        sale_id,
        "PO-1",
        amount,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Bu Rina",
        now=local("2026-11-21T11:00"),
    )
    return sale_id


def reverse(store: TerminalStore, when: str, left: int | None = None) -> None:
    status = "reversed" if left is None else "partially reversed"
    report = {"payment": {"id": "PO-1", "type": "payout", "status": status}}
    store.refunds.record_reversal("PO-1", report=report, now=local(when), left=left)


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


LATER_STEPS_UNDONE = (
    "ALTER TABLE held_baskets DROP COLUMN approved_share; DROP TABLE pages_due;"
    "ALTER TABLE upload_days DROP COLUMN unheard;"
    "ALTER TABLE shifts DROP COLUMN figures; DROP TABLE payout_registrations_due;"
    "DROP TRIGGER returns_numbered; DROP TRIGGER returns_keep_their_number;"
    "DROP INDEX returns_by_number; ALTER TABLE returns DROP COLUMN return_number;"
    "DROP TABLE given_back_before_restore; DROP INDEX payment_events_paid_at;"
    "DROP TABLE cash_sold_before_restore;"
    "ALTER TABLE payment_events DROP COLUMN business_date;"
    "ALTER TABLE provider_refunds DROP COLUMN business_date;"
)
"""What the migrations after refunds' takings added, undone where a test rewinds a database
to a version before them (a migration added after those must be undone here too)."""


def version_before(marker: str) -> int:
    """The schema version just before the migration whose SQL holds ``marker``."""
    return next(
        version
        for version, step in enumerate(MIGRATIONS)
        if isinstance(step, str) and marker in step
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TerminalStore]:
    store = TerminalStore(tmp_path / "kasir.db", DAY)
    yield store
    store.close()


def test_a_reversal_counts_back_on_its_own_day_in_every_file(store: TerminalStore) -> None:
    """The payout stays money out on its day; the reversal, recorded the next day, is money
    back on that day (it counted as paid out for good, and the day's takings were short)."""
    paid_payout(store, 5_000)
    reverse(store, "2026-11-22T09:00")

    assert net_of(store, D1) == (TOTAL - 5_000,) * 3
    assert net_of(store, D2) == (5_000,) * 3
    report = build_z_report(store.repositories().db, D2, day=DAY)
    assert (report.reversals_count, report.reversals_total, report.refunds_total) == (1, 5_000, 0)
    target = Path(store.path).parent / "payments.csv"
    summary = export_payments(store.repositories().db, target, first_day=D1, last_day=D2, day=DAY)
    moved = [(r["business_date"], r["record_type"], int(r["paid_amount"])) for r in rows(target)]
    assert moved == [("2026-11-21", "payout", -5_000), ("2026-11-22", PAYOUT_REVERSAL, 5_000)]
    assert (summary.paid_out, summary.payout_reversals) == (0, 1)
    assert store.refunds.refundable(store.refunds.get("PO-1").sale_id) == TOTAL


def test_a_reversal_in_parts_brings_back_each_part_on_its_day_once(store: TerminalStore) -> None:
    """ecommpay's "partially reversed" then "reversed": each brings back what it adds, and a
    report said again brings nothing."""
    sale_id = paid_payout(store, 10_000)
    reverse(store, "2026-11-22T09:00", left=6_000)
    reverse(store, "2026-11-22T09:05", left=6_000)
    reverse(store, "2026-11-23T09:00")
    reverse(store, "2026-11-23T09:05")

    assert [net_of(store, day)[0] for day in (D1, D2, D3)] == [TOTAL - 10_000, 4_000, 6_000]
    assert store.refunds.refundable(sale_id) == TOTAL


def test_a_reversal_of_a_payout_that_failed_brings_nothing_back(store: TerminalStore) -> None:
    sale_id = pending_payout(store, 5_000)
    moment = local("2026-11-21T11:01")
    store.refunds.settle("PO-1", RefundStatus.FAILED, now=moment)
    reverse(store, "2026-11-22T09:00")

    assert net_of(store, D2) == (0, 0, 0)
    assert store.refunds.refundable(sale_id) == TOTAL


def money_at_provider(store: TerminalStore, first: date, last: date) -> int:
    """The payments file's paid_amount of payouts and reversals: money out less money back."""
    target = Path(store.path).parent / "payments.csv"
    export_payments(store.repositories().db, target, first_day=first, last_day=last, day=DAY)
    return sum(int(r["paid_amount"]) for r in rows(target) if r["record_type"] != "payment")


def reversed_before_parts(
    tmp_path: Path, kept_left: str, resolved: tuple[str, str, str] | None = None
) -> tuple[Path, int]:
    """A database of the version before reversal parts, whose Rp 10.000 payout was reported
    reversed leaving ``kept_left`` (SQL), maybe ``resolved`` (at, by, how) by a manager: its path,
    and the sale."""
    path = tmp_path / "old.db"
    store = TerminalStore(path, DAY)
    sale_id = paid_payout(store, 10_000)
    store.close()
    at, by, how = ("NULL", "NULL", "NULL") if resolved is None else (f"'{v}'" for v in resolved)
    conn = sqlite3.connect(path)  # as the version before reversal parts left it
    conn.executescript(
        "DROP TRIGGER upload_payout_reversal; DROP TABLE payout_reversal_parts;"
        "ALTER TABLE payout_reversals DROP COLUMN kept_before_parts;"
        f"ALTER TABLE refunds DROP COLUMN reduces_takings;{LATER_STEPS_UNDONE}"
        "INSERT INTO payout_reversals (refund_id, reported_at, report, left_paid, resolved_at, "
        f"resolved_by, resolution) SELECT id, '2026-11-22T02:00:00.000Z', '{{}}', {kept_left}, "
        f"{at}, {by}, {how} FROM refunds;"
        f"PRAGMA user_version = {version_before('kept_before_parts')};"
    )
    conn.close()
    return path, sale_id


@pytest.mark.parametrize("kept_left", ["6000", "NULL"], ids=["in part", "whole"])
def test_a_reversal_kept_before_parts_brings_nothing_back_when_reported_again(
    tmp_path: Path, kept_left: str
) -> None:
    """A manager settled it another way (the customer paid outside Kasir): what it brought back
    is not known, and bringing the whole payout back would let the customer be paid twice."""
    path, sale_id = reversed_before_parts(tmp_path, kept_left)
    store = TerminalStore(path, DAY)  # the upgrade
    try:
        reverse(store, "2026-11-23T09:00")
        assert store.refunds.refundable(sale_id) == TOTAL - 10_000
        assert net_of(store, D3) == (0, 0, 0)
    finally:
        store.close()


@pytest.mark.parametrize("kept_left", ["-1", "6000"], ids=["before reversals in part", "in part"])
def test_a_payout_reversed_before_parts_taken_as_reversed_counts_back_what_the_row_says(
    tmp_path: Path, kept_left: str
) -> None:
    """Reversed before reversals brought money back (Kasir took the reversal as whole, and a
    manager settled the customer another way), then contradicted by a decline: taking it as
    reversed counted nothing back, as a later report of that reversal does, while the row said
    all Rp 10.000 would come back and be owed to the customer again."""
    path, sale_id = reversed_before_parts(
        tmp_path, kept_left, resolved=("2026-11-22T03:00:00.000Z", "Bu Rina", "paid in cash")
    )

    store = TerminalStore(path, DAY)  # the upgrade
    try:
        db = store.repositories().db
        declined = {"payment": {"id": "PO-1", "type": "payout", "status": "decline"}}
        store.refunds.record_contradiction(
            "PO-1", outcome="declined", reason="", report=declined, now=local("2026-11-23T08:00")
        )
        [seen] = list_problems(db)
        assert seen.kind is ProblemKind.PAYOUT_CONTRADICTED

        take_as_reversed(
            db, seen, reason="back in the balance", manager="Bu Rina", day=DAY,
            now=local("2026-11-23T09:00"),
        )  # fmt: skip

        [entry] = [e for e in store.audit.recent() if e.action == TAKEN_AS_REVERSED]
        assert entry.detail["amount"] == seen.still_paid_out == 0
        assert store.refunds.refundable(sale_id) == TOTAL - 10_000
        assert net_of(store, D3) == (0, 0, 0)
    finally:
        store.close()


def test_a_reversal_heard_before_the_payout_was_paid_brings_it_back_once_paid(
    store: TerminalStore,
) -> None:
    """Settled failed, reported reversed, then paid after failing (callbacks out of order): the
    reversal was taken as moving no money, and the payout stayed money out for good while the
    problems tab said to refund the sale again, which Kasir refused."""
    sale_id = pending_payout(store, 5_000)
    refunds = store.refunds
    settle_from_report(
        refunds,
        PayoutReport("PO-1", PayoutOutcome.FAILED, reason="not found"),
        now=local("2026-11-21T11:05"),
    )
    reversed_ = {"payment": {"id": "PO-1", "type": "payout", "status": "reversed"}}
    settle_from_report(
        refunds,
        PayoutReport("PO-1", PayoutOutcome.REVERSED, raw=reversed_),
        now=local("2026-11-21T11:10"),
    )
    paid = {"payment": {"id": "PO-1", "type": "payout", "status": "success"}}
    settle_from_report(
        refunds,
        PayoutReport("PO-1", PayoutOutcome.PAID, amount=5_000, currency="IDR", raw=paid),
        now=local("2026-11-21T11:15"),
    )

    kinds = {p.invoice_number: p.kind for p in list_problems(store.repositories().db)}
    assert kinds.get("PO-1") is ProblemKind.PAYOUT_REVERSED  # "refund the sale again"
    assert refunds.refundable(sale_id) == TOTAL  # the provider holds the 5 000 again
    assert money_at_provider(store, D1, D2) == 0


def test_a_reversal_in_part_that_says_no_sum_brings_nothing_back_yet(
    store: TerminalStore,
) -> None:
    """A "partially reversed" callback with no payment.sum (0 in no currency) was taken as 0
    rupiah left paid: the whole payout counted back and could be refunded again, though the
    provider returned only part of it."""
    sale_id = pending_payout(store, 10_000)
    store.refunds.settle("PO-1", RefundStatus.PAID, now=local("2026-11-21T11:01"))
    event = RelayEvent(
        cursor=7,
        invoice_number="PO-1",
        provider=ProviderName.ECOMMPAY_GATE,
        status=PaymentStatus.PENDING,  # a paid word without a sum is read as pending
        received_at="2026-11-22T02:00:00Z",
        payload={"payment": {"id": "PO-1", "type": "payout", "status": "partially reversed"}},
        amount=0,
        currency="XXX/minor",
    )
    settle_from_report(store.refunds, read_payout_report(event), now=local("2026-11-22T09:00"))

    # how much came back is not said: nothing may be counted back as rupiah
    assert store.refunds.refundable(sale_id) == TOTAL - 10_000
    reverse(store, "2026-11-22T10:00", left=6_000)  # a report that says
    assert store.refunds.refundable(sale_id) == TOTAL - 6_000


def test_a_reversal_in_part_of_a_payout_held_failed_counts_what_stayed_paid_out(
    store: TerminalStore,
) -> None:
    """Kasir held the payout failed; ecommpay then reverses it in part, 6,000 still paid out: the
    payout was paid after all. Kept failed, the whole 10,000 was refundable again (the 6,000
    could be paid twice) and nobody was told."""
    sale_id = pending_payout(store, 10_000)
    report = PayoutReport("PO-1", PayoutOutcome.FAILED, reason="not found")
    settle_from_report(store.refunds, report, now=local("2026-11-21T12:05"))
    reverse(store, "2026-11-22T09:00", left=6_000)

    assert store.refunds.get("PO-1").status is RefundStatus.PAID
    assert store.refunds.refundable(sale_id) == TOTAL - 6_000
    kinds = {p.kind for p in list_problems(store.repositories().db) if p.invoice_number == "PO-1"}
    assert kinds == {ProblemKind.PAID_AFTER_FAILING, ProblemKind.PAYOUT_REVERSED}


def test_a_whole_reversal_of_a_payout_held_failed_moves_nothing(store: TerminalStore) -> None:
    sale_id = pending_payout(store, 10_000)
    report = PayoutReport("PO-1", PayoutOutcome.FAILED, reason="not found")
    settle_from_report(store.refunds, report, now=local("2026-11-21T12:05"))
    reverse(store, "2026-11-22T09:00")

    assert store.refunds.get("PO-1").status is RefundStatus.FAILED
    assert store.refunds.refundable(sale_id) == TOTAL
    listed = [(p.kind, p.invoice_number) for p in list_problems(store.repositories().db)]
    assert listed == [(ProblemKind.REFUND_NOT_PAID, "PO-1")], "owed as failed, not as reversed"


def test_a_reversal_in_part_leaves_a_payout_paid_twice_listed(store: TerminalStore) -> None:
    """PO-1 failed, the manager paid PO-2 instead, ecommpay paid PO-1 after all and then
    reversed 4,000 of it: 6,000 is still paid twice. The reversal took the "paid after failing"
    listing's place, so once the manager resolved the reversal nothing listed the 6,000."""
    sale_id = pending_payout(store, 10_000)
    refunds, db = store.refunds, store.repositories().db
    report = PayoutReport("PO-1", PayoutOutcome.FAILED, reason="error")
    settle_from_report(refunds, report, now=local("2026-11-21T11:05"))
    refunds.create(
        sale_id,
        "PO-2",
        10_000,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Bu Rina",
        now=local("2026-11-21T11:10"),
    )
    refunds.settle("PO-2", RefundStatus.PAID, now=local("2026-11-21T11:11"))
    paid = PayoutReport("PO-1", PayoutOutcome.PAID, amount=10_000, currency="IDR")
    settle_from_report(refunds, paid, now=local("2026-11-21T12:00"))
    reverse(store, "2026-11-22T09:00", left=6_000)
    assert refunds.refundable(sale_id) == TOTAL - 10_000 - 6_000

    resolve(db, "PO-1", reason="4,000 came back", manager="Bu Rina",
            now=local("2026-11-22T10:00"), kind=ProblemKind.PAYOUT_REVERSED)  # fmt: skip
    assert [(p.invoice_number, p.kind) for p in list_problems(db)] == [
        ("PO-1", ProblemKind.PAID_AFTER_FAILING)
    ]


def test_a_late_payment_whose_refund_was_reversed_is_listed_to_refund_again(
    store: TerminalStore,
) -> None:
    """It counted as wholly paid back in the problem listing, so it was not listed as late and
    the only button that refunds a late payment stayed off: its money, refundable again, could
    not be paid back through Kasir."""
    repos = store.repositories()
    sale_id, invoice = late_payment(store, paid_in_cash=False)
    kinds = {p.invoice_number: p.kind for p in list_problems(repos.db)}
    assert kinds[invoice] is ProblemKind.LATE
    repos.refunds.create(
        sale_id,
        "PO-1",
        TOTAL,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Bu Rina",
        now=local("2026-11-21T11:00"),
        invoice_number=invoice,
    )
    repos.refunds.settle("PO-1", RefundStatus.PAID, now=local("2026-11-21T11:01"))
    report = {"payment": {"id": "PO-1", "type": "payout", "status": "reversed"}}
    repos.refunds.record_reversal("PO-1", report=report, now=local("2026-11-22T09:00"))
    assert repos.refunds.refundable(sale_id, invoice) == TOTAL

    kinds = {p.invoice_number: p.kind for p in list_problems(repos.db)}
    assert kinds.get(invoice) is ProblemKind.LATE


def late_payment(store: TerminalStore, *, paid_in_cash: bool) -> tuple[int, str]:
    """A QR sale of D1 given up on (the sale cancelled, or paid in cash), then paid: a late
    payment of TOTAL."""
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


def close(store: TerminalStore, day: date, when: str) -> int:
    """Close ``day`` at ``when``; the net total its Z report signed off."""
    db = store.repositories().db
    close_day(db, day, day=DAY, counted=CashCount(), closed_by="Bu Rina", now=local(when))
    closed = DayCloses(db).get(day)
    assert closed is not None
    return closed.total


def refunded_and_brought_back(store: TerminalStore, *, paid_in_cash: bool) -> tuple[int, str]:
    """A late payment (as :func:`late_payment`) refunded on D1, D1 closed, the refund reversed
    whole on D2, D2 closed: the sale and the payment's invoice."""
    sale_id, invoice = late_payment(store, paid_in_cash=paid_in_cash)
    store.refunds.create(
        sale_id,
        "PO-1",
        TOTAL,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Bu Rina",
        now=local("2026-11-21T11:00"),
        invoice_number=invoice,
    )
    store.refunds.settle("PO-1", RefundStatus.PAID, now=local("2026-11-21T11:01"))
    assert close(store, D1, "2026-11-21T21:00") == (TOTAL if paid_in_cash else 0)
    reverse(store, "2026-11-22T09:00")
    assert close(store, D2, "2026-11-22T21:00") == 0
    return sale_id, invoice


@pytest.mark.parametrize("paid_in_cash", [False, True], ids=["own sale", "another sale"])
def test_a_late_payment_attached_once_its_refund_came_back_leaves_closed_days_alone(
    store: TerminalStore, paid_in_cash: bool
) -> None:
    """A late payment's refund gave back money that never was takings, and its reversal brought
    back none. Once the reversal brought it all back, a manager may attach the payment to a
    sale: the old refund and its reversal then counted as takings, rewriting closed days'
    files after their Z reports were signed off."""
    sale_id, invoice = refunded_and_brought_back(store, paid_in_cash=paid_in_cash)
    cash = TOTAL if paid_in_cash else 0
    repos = store.repositories()
    target = sale_id
    if paid_in_cash:
        later = local("2026-11-23T08:00")
        target = repos.sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=later)
        repos.sales.cancel(target, now=later)

    attach(repos.db, invoice, target, manager="Bu Rina", day=DAY, now=local("2026-11-23T09:00"))

    assert net_of(store, D1) == (cash,) * 3
    assert net_of(store, D2) == (0, 0, 0)
    assert net_of(store, D3) == (TOTAL,) * 3


def test_refunds_paid_before_the_upgrade_keep_their_place_in_the_takings(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = TerminalStore(path, DAY)
    sale_id = paid_payout(store, 10_000)
    store.close()
    conn = sqlite3.connect(path)  # undo this version's own record of it, as the old one kept none
    conn.executescript(
        "ALTER TABLE refunds DROP COLUMN reduces_takings;"
        f"{LATER_STEPS_UNDONE}PRAGMA user_version = {version_before('reduces_takings')};"
    )
    conn.close()

    store = TerminalStore(path, DAY)  # the upgrade
    try:
        assert store.refunds.refundable(sale_id) == TOTAL - 10_000
        assert net_of(store, D1) == (TOTAL - 10_000,) * 3
    finally:
        store.close()


def test_an_upgrade_keeps_closed_days_of_a_late_refund_attached_before_it(tmp_path: Path) -> None:
    """Lived before refunds kept their place in the takings: a late payment's refund paid on D1,
    brought all back on D2, the payment attached on D3. Decided by what holds now, the upgrade
    rewrote both closed days."""
    path = tmp_path / "old.db"
    store = TerminalStore(path, DAY)
    sale_id, invoice = refunded_and_brought_back(store, paid_in_cash=False)
    attach(store.repositories().db, invoice, sale_id, manager="Bu Rina", day=DAY,
           now=local("2026-11-23T09:00"))  # fmt: skip
    store.close()
    conn = sqlite3.connect(path)  # as the version before kept it: no record of the flag
    conn.executescript(
        "ALTER TABLE refunds DROP COLUMN reduces_takings;"
        f"{LATER_STEPS_UNDONE}PRAGMA user_version = {version_before('reduces_takings')};"
    )
    conn.close()

    store = TerminalStore(path, DAY)  # the upgrade
    try:
        assert (net_of(store, D1), net_of(store, D2)) == ((0, 0, 0), (0, 0, 0))
    finally:
        store.close()


def test_a_payout_held_failed_and_reversed_in_part_by_an_older_version_is_settled_at_start(
    tmp_path: Path,
) -> None:
    """The version before kept such a reversal beside a failed refund: the whole payout was
    refundable again though part of it stayed with the customer, and ecommpay sends no
    acknowledged callback again to put it right."""
    path = tmp_path / "old.db"
    store = TerminalStore(path, DAY)
    sale_id = pending_payout(store, 10_000)
    store.refunds.settle("PO-1", RefundStatus.FAILED, now=local("2026-11-21T11:30"))
    store.close()
    conn = sqlite3.connect(path)  # what record_reversal kept then: the refund left failed
    conn.execute(
        "INSERT INTO payout_reversals (refund_id, reported_at, report, left_paid) "
        "VALUES (1, '2026-11-21T08:00:00.000Z', '{}', 4000)"
    )
    conn.commit()
    conn.close()

    store = TerminalStore(path, DAY)
    try:
        assert store.refunds.get("PO-1").status is RefundStatus.PAID
        assert store.refunds.refundable(sale_id) == TOTAL - 4_000
        listed = {p.kind for p in list_problems(store.repositories().db)}
        assert listed == {ProblemKind.PAID_AFTER_FAILING, ProblemKind.PAYOUT_REVERSED}
    finally:
        store.close()


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = open_terminal(Settings(), tmp_path / "demo.db", demo=True)
    yield terminal
    terminal.close()


def polled_until(terminal: Terminal, payout_id: str, done) -> Refund:  # type: ignore[no-untyped-def]
    """Long-poll the relay into the checkout until ``done(refund)`` holds (bounded)."""
    assert terminal.relay is not None and terminal.payouts is not None
    for _ in range(POLLS):
        refund = terminal.payouts.refunds().get(payout_id)
        if done(refund):
            return refund
        terminal.relay.poll(terminal.checkout, wait=5)
    raise AssertionError(f"payout {payout_id}: the awaited callback never came through the relay")


def send(payouts: Payouts, sale_id: int) -> Refund:
    return payouts.send(
        sale_id,
        TOTAL,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Demo Manajer",
        reason="customer returned the goods",
    )


def test_the_customer_of_a_reversed_payout_is_refunded_again_through_kasir(
    terminal: Terminal,
) -> None:
    """ecommpay reverses the payout it paid: Kasir refused every way to give the customer that
    money again, its rupiah stuck with the shop and recorded as paid out."""
    payouts = terminal.payouts
    assert payouts is not None and terminal.embedded is not None
    sale_id = terminal.checkout.open_sale(LINES, cashier="Demo Kasir")
    terminal.checkout.pay_cash(sale_id, TOTAL)
    first = send(payouts, sale_id)
    polled_until(terminal, first.payout_id, lambda r: r.status is RefundStatus.PAID)
    reverse_url = f"{terminal.embedded.sandbox.url}/_sandbox/reverse/{first.payout_id}"
    httpx.post(reverse_url, timeout=5).raise_for_status()
    polled_until(terminal, first.payout_id, lambda r: r.reversed_at is not None)
    assert payouts.refunds().refundable(sale_id) == TOTAL

    again = send(payouts, sale_id)
    polled_until(terminal, again.payout_id, lambda r: r.status is RefundStatus.PAID)

    assert payouts.refunds().refundable(sale_id) == 0
    today = terminal.store.refunds.get(again.payout_id).business_date
    assert today is not None
    db = terminal.store.repositories().db
    assert build_z_report(db, today, day=terminal.store.day).net_total == 0
