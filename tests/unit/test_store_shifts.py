"""Shifts and closed days in the store: the drawer a shift expects, the rules on its cash, and money
that never lands in a day already closed."""

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.domain.tax import TaxPolicy
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.reports.shift_report import shift_sections
from pos_app.reports.z_report import ZReport, build_z_report, report_sections
from pos_app.store.audit import AuditLog
from pos_app.store.database import open_database
from pos_app.store.errors import StoreError
from pos_app.store.open_day import open_business_date
from pos_app.store.payment_records import EventSource
from pos_app.store.payments import Payments
from pos_app.store.refunds import Refunds
from pos_app.store.returns import Returns, WalletPayout
from pos_app.store.sales import Sales
from pos_app.store.shifts import DrawerHeld, Shift, Shifts
from pos_app.till.day_close import close_day

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(4, 0))
D = date(2026, 11, 21)
LINES = (LineItem("MIE-001", "Indomie Goreng", 3500, 2),)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def cash_sale(db: Database, cashier: str, when: str, terminal: str = "T1") -> int:
    sales = Sales(db, DAY)
    sale_id = sales.create_sale(LINES, cashier=cashier, terminal_id=terminal, now=local(when))
    sales.complete_cash(sale_id, 10_000, local(when))
    return sale_id


def test_a_shift_expects_its_float_its_cash_sales_and_its_cash_moves(db: Database) -> None:
    shifts = Shifts(db, DAY)
    cash_sale(db, "Sari", "2026-11-21T07:00")  # before the shift
    shift = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=150_000, now=local("2026-11-21T08:00")
    )
    cash_sale(db, "Sari", "2026-11-21T09:00")
    cash_sale(db, "Budi", "2026-11-21T09:30")  # another cashier's
    cash_sale(db, "Sari", "2026-11-21T09:45", terminal="T2")  # another till's
    shifts.move_cash(shift.id, 20_000, reason="change", actor="Sari", now=local("2026-11-21T10:00"))
    shifts.move_cash(shift.id, -50_000, reason="safe", actor="Sari", now=local("2026-11-21T11:00"))
    closed = shifts.close(
        shift.id,
        CashCount({100_000: 1, 20_000: 1, 5_000: 1}),
        closed_by="Sari",
        now=local("2026-11-21T12:00"),
    )
    cash_sale(db, "Sari", "2026-11-21T13:00")  # after the close

    assert (closed.cash_sales_count, closed.cash_sales) == (1, 7_000)
    assert closed.expected_cash == 150_000 + 7_000 + 20_000 - 50_000
    assert (closed.counted_cash, closed.difference) == (125_000, -2_000)
    assert shifts.get(shift.id) == closed
    assert shifts.for_day(D) == [closed]
    assert shifts.current("T1", "Sari") is None


def test_cash_taken_by_the_next_cashier_counts_in_their_shift(db: Database) -> None:
    """A sale rung up by Ani (its QR payment open when the till restarted) paid in cash to Budi,
    who took the till after her drawer was counted: the cash is in Budi's drawer, so his shift
    expects it and the receipt names him."""
    shifts, sales = Shifts(db, DAY), Sales(db, DAY)
    ani = shifts.open(
        terminal_id="T1", cashier="Ani", opening_float=0, now=local("2026-11-21T08:00")
    )
    sale_id = sales.create_sale(
        LINES, cashier="Ani", terminal_id="T1", now=local("2026-11-21T09:00")
    )
    shifts.close(ani.id, CashCount(), closed_by="Manajer", now=local("2026-11-21T09:05"))
    budi = shifts.open(
        terminal_id="T1", cashier="Budi", opening_float=0, now=local("2026-11-21T09:05")
    )

    sales.complete_cash(sale_id, 10_000, local("2026-11-21T09:10"), cashier="Budi")

    assert shifts.get(budi.id).expected_cash == 7_000
    assert shifts.get(ani.id).expected_cash == 0
    assert sales.get(sale_id).cashier == "Budi"


def test_the_day_expects_the_cash_its_shifts_moved_in_and_out(db: Database) -> None:
    shifts = Shifts(db, DAY)
    shift = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=50_000, now=local("2026-11-21T08:00")
    )
    cash_sale(db, "Sari", "2026-11-21T09:00")
    shifts.move_cash(shift.id, 20_000, reason="change", actor="Sari", now=local("2026-11-21T10:00"))
    shifts.move_cash(shift.id, -50_000, reason="safe", actor="Sari", now=local("2026-11-21T11:00"))
    shifts.close(shift.id, CashCount(), closed_by="Sari", now=local("2026-11-21T12:00"))

    report = build_z_report(db, D, day=DAY, opening_float=50_000, now=local("2026-11-21T20:00"))
    assert report.cash_moved == 20_000 - 50_000
    assert report.expected_cash == 50_000 + 7_000 + 20_000 - 50_000
    assert ZReport.from_json(report.to_json()) == report
    rows = dict(row for _title, section in report_sections(report) for row in section)
    assert rows["Cash in less cash out"] == "-Rp 30.000"


def test_one_open_shift_per_cashier_and_till_and_no_cash_moves_once_closed(db: Database) -> None:
    shifts = Shifts(db, DAY)
    now = local("2026-11-21T08:00")
    shift = shifts.open(terminal_id="T1", cashier="Sari", opening_float=0, now=now)
    with pytest.raises(StoreError, match="Sari has a shift open on this till already"):
        shifts.open(terminal_id="T1", cashier="Sari", opening_float=0, now=now)
    shifts.open(terminal_id="T2", cashier="Sari", opening_float=0, now=now)
    with pytest.raises(ValidationError, match="drawer should hold only Rp 0"):
        shifts.move_cash(shift.id, -1_000, reason="ice", actor="Sari", now=now)
    with pytest.raises(ValidationError, match="needs a reason"):
        shifts.move_cash(shift.id, 1_000, reason="  ", actor="Sari", now=now)
    shifts.close(shift.id, CashCount(), closed_by="Sari", now=now)
    with pytest.raises(StoreError, match="closed already"):
        shifts.move_cash(shift.id, 1_000, reason="late", actor="Sari", now=now)


def test_another_cashiers_open_shift_holds_the_tills_drawer(db: Database) -> None:
    """Sari left without closing her shift and Budi signed in on her till: his shift opened
    beside hers on the one drawer, the day expected both floats and his count held her cash.
    It is refused now, naming her shift, and nothing is written; on another till, or once her
    drawer is counted and closed, his shift opens."""
    shifts = Shifts(db, DAY)
    sari = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=local("2026-11-21T08:00")
    )
    audited = len(AuditLog(db).recent())

    with pytest.raises(DrawerHeld) as held:
        shifts.open(
            terminal_id="T1", cashier="Budi", opening_float=50_000, now=local("2026-11-21T13:00")
        )

    assert str(held.value) == (
        "the shift of Sari, open on this till since 21/11/2026 08:00, holds its drawer: it must "
        "be counted and closed before another shift opens"
    )
    assert held.value.shift == sari
    assert db.execute("SELECT count(*) FROM shifts").fetchone()[0] == 1
    assert len(AuditLog(db).recent()) == audited
    assert shifts.holding_drawer("T1", "Budi") == sari
    assert shifts.holding_drawer("T1", "Sari") is None, "her own shift is hers"
    assert shifts.holding_drawer("T2", "Budi") is None
    shifts.open(terminal_id="T2", cashier="Budi", opening_float=0, now=local("2026-11-21T13:01"))

    shifts.close(
        sari.id, CashCount({100_000: 1}), closed_by="Manajer", now=local("2026-11-21T13:05")
    )
    budi = shifts.open(
        terminal_id="T1", cashier="Budi", opening_float=100_000, now=local("2026-11-21T13:10")
    )
    assert shifts.current("T1", "Budi") == budi
    report = build_z_report(db, D, day=DAY, now=local("2026-11-21T14:00"))
    assert report.opening_float_of_shifts == 100_000, "one float in T1's drawer (T2's is Rp 0)"


def test_a_drawer_left_open_overnight_holds_the_till_the_next_morning(db: Database) -> None:
    """Sari's shift of the 20th was never closed: its drawer takes the 21st's cash, so Budi's
    first shift of the 21st waits for it too; Sari signing in finds hers, as before."""
    shifts = Shifts(db, DAY)
    sari = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=80_000, now=local("2026-11-20T18:00")
    )
    morning = local("2026-11-21T08:00")

    with pytest.raises(DrawerHeld, match="since 20/11/2026 18:00") as held:
        shifts.open(terminal_id="T1", cashier="Budi", opening_float=80_000, now=morning)

    assert held.value.shift.business_date == date(2026, 11, 20)
    assert shifts.for_day(D) == [] and shifts.open_before(D) == [sari]
    with pytest.raises(StoreError, match="Sari has a shift open on this till already"):
        shifts.open(terminal_id="T1", cashier="Sari", opening_float=0, now=morning)
    shifts.close(
        sari.id, CashCount({50_000: 1, 20_000: 1, 10_000: 1}), closed_by="Manajer", now=morning
    )
    budi = shifts.open(terminal_id="T1", cashier="Budi", opening_float=80_000, now=morning)
    assert budi.business_date == D


def test_two_cashiers_opening_on_one_till_at_once_open_one_shift(tmp_path: Path) -> None:
    """Two threads (two connections) open Sari's and Budi's shifts on T1 at once: the check runs
    under the write lock, so no other writer can slip in between it and the new shift; one opens
    and the other is refused with the first one's name."""
    path = tmp_path / "race.db"
    open_database(path).close()
    probe = sqlite3.connect(path, timeout=0, isolation_level=None, check_same_thread=False)
    locked: list[bool] = []
    looked = Shifts.holding_drawer

    def holding_drawer(shifts: Shifts, terminal_id: str, cashier: str) -> Shift | None:
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            locked.append(False)
        except sqlite3.OperationalError:
            locked.append(True)
        return looked(shifts, terminal_id, cashier)

    start = threading.Barrier(2, timeout=10)
    outcomes: dict[str, object] = {}

    def open_shift(cashier: str) -> None:
        db = open_database(path)
        try:
            start.wait()
            shift = Shifts(db, DAY).open(
                terminal_id="T1",
                cashier=cashier,
                opening_float=50_000,
                now=local("2026-11-21T08:00"),
            )
            outcomes[cashier] = shift.id
        except BaseException as error:  # reported by the test's thread
            outcomes[cashier] = error
        finally:
            db.close()

    threads = [threading.Thread(target=open_shift, args=(name,)) for name in ("Sari", "Budi")]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Shifts, "holding_drawer", holding_drawer)
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
    probe.close()

    assert not any(thread.is_alive() for thread in threads)
    opened = [name for name, outcome in outcomes.items() if isinstance(outcome, int)]
    refused = [outcome for outcome in outcomes.values() if isinstance(outcome, DrawerHeld)]
    assert len(opened) == 1 and len(refused) == 1, outcomes
    assert refused[0].shift.cashier == opened[0]
    assert locked == [True, True]
    db = open_database(path)
    assert db.execute("SELECT count(*) FROM shifts").fetchone()[0] == 1
    db.close()


def test_money_after_a_day_close_goes_to_the_first_open_day(db: Database) -> None:
    cash_sale(db, "Sari", "2026-11-21T10:00")
    close_day(db, D, day=DAY, counted=CashCount(), closed_by="Budi", now=local("2026-11-21T21:00"))
    assert open_business_date(db, DAY, local("2026-11-21T22:00")) == date(2026, 11, 22)

    late = Sales(db, DAY).get(cash_sale(db, "Sari", "2026-11-21T22:00"))
    assert late.business_date == date(2026, 11, 22)
    shift = Shifts(db, DAY).open(
        terminal_id="T1", cashier="Sari", opening_float=0, now=local("2026-11-21T22:05")
    )
    assert shift.business_date == date(2026, 11, 22)

    with pytest.raises(sqlite3.IntegrityError, match="business day is closed"):
        db.execute("UPDATE sales SET business_date = ? WHERE id = ?", [D.isoformat(), late.id])


def test_a_day_closed_early_is_skipped_with_every_closed_day_after_it(db: Database) -> None:
    for closed, moment in ((D, "2026-11-21T21:00"), (date(2026, 11, 22), "2026-11-22T05:00")):
        close_day(db, closed, day=DAY, counted=CashCount(), closed_by="Budi", now=local(moment))
    assert open_business_date(db, DAY, local("2026-11-21T23:00")) == date(2026, 11, 23)
    assert open_business_date(db, DAY, local("2026-11-21T03:00")) == date(2026, 11, 20)


def test_a_sale_left_open_in_a_closed_day_is_cancelled_into_the_next_one(db: Database) -> None:
    sales = Sales(db, DAY)
    left = sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=local("2026-11-21T20:00"))
    close_day(db, D, day=DAY, counted=CashCount(), closed_by="Budi", now=local("2026-11-21T21:00"))
    cancelled = sales.cancel(left, now=local("2026-11-21T21:30"))
    assert cancelled.business_date == date(2026, 11, 22)


def test_a_closed_shifts_report_printed_again_shows_the_figures_it_closed_with(
    db: Database,
) -> None:
    """A wallet return of a PPN sale taken during the shift, its payout paid after the close:
    the report printed again took the return's PPN off the shift's sales at PPN (Rp 7.000 →
    Rp 0), as the store read a closed shift's figures again instead of those it closed with.
    A shift closed before Kasir kept them is still read from the sales and returns."""
    shifts, sales, payments = Shifts(db, DAY), Sales(db, DAY), Payments(db, DAY)
    shift = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=0, now=local("2026-11-21T08:00")
    )
    sold = local("2026-11-21T09:00")
    sale_id = sales.create_sale(
        LINES, cashier="Sari", terminal_id="T1", now=sold, tax=TaxPolicy(enabled=True)
    )
    invoice = payments.next_invoice_number("T1", sold)
    payments.create_attempt(sale_id, ProviderName.ECOMMPAY_GATE, 7_000, invoice, sold)
    payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=sold)
    sales.complete_with_payment(sale_id, invoice, sold)
    Returns(db, DAY).record(
        sale_id,
        {1: 2},
        method=ReturnMethod.WALLET,
        terminal_id="T1",
        cashier="Sari",
        approved_by="Budi",
        now=local("2026-11-21T10:00"),
        payout=WalletPayout("RFD-T1-a", ProviderName.ECOMMPAY_GATE, "081234567890", "Ani"),
    )
    closed = shifts.close(shift.id, CashCount(), closed_by="Sari", now=local("2026-11-21T12:00"))
    assert [rate.amount for rate in closed.discounts.rates] == [7_000]  # the payout is pending

    Refunds(db, DAY).settle("RFD-T1-a", RefundStatus.PAID, now=local("2026-11-21T13:00"))
    again = shifts.get(shift.id)
    assert again == closed and shifts.for_day(D) == [closed]
    assert shift_sections(again, time_zone="Asia/Jakarta") == shift_sections(
        closed, time_zone="Asia/Jakarta"
    )

    db.execute("UPDATE shifts SET figures = NULL")  # closed before the figures were kept
    assert shifts.get(shift.id).discounts.rates == ()
