"""A shift closed by a till whose clock went back (a fast clock set right by the network, a
restart with the wrong time): what its drawer took while it was open still counts in it."""

from sqlite_utils import Database

from pos_app.domain.cash_count import CashCount
from pos_app.domain.returns import ReturnMethod
from pos_app.reports.z_report import build_z_report
from pos_app.store.returns import Returns
from pos_app.store.shifts import Shifts
from tests.unit.test_store_shifts import DAY, D, cash_sale, db, local  # noqa: F401


def cash_return(database: Database, sale_id: int, when: str) -> None:
    """One item of the sale brought back for cash by Sari, approved by Budi."""
    Returns(database, DAY).record(
        sale_id,
        {1: 1},
        method=ReturnMethod.CASH,
        terminal_id="T1",
        cashier="Sari",
        approved_by="Budi",
        now=local(when),
    )


def test_a_close_read_before_the_shifts_last_sale_still_expects_its_cash(db: Database) -> None:  # noqa: F811
    """The clock stamped a cash sale 09:00 and a cash return 09:10, then, set back, read 08:30
    at the close: the close left both out (expected Rp 100.000, not Rp 103.500), so an exact
    drawer showed Rp 3.500 over and the day's drawer expected that cash from no cashier."""
    shifts = Shifts(db, DAY)
    shift = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=local("2026-11-21T08:00")
    )
    sold = cash_sale(db, "Sari", "2026-11-21T09:00")
    cash_return(db, sold, "2026-11-21T09:10")
    drawer = CashCount({100_000: 1, 2_000: 1, 1_000: 1, 500: 1})

    closed = shifts.close(shift.id, drawer, closed_by="Sari", now=local("2026-11-21T08:30"))

    assert (closed.cash_sales, closed.cash_returns) == (7_000, 3_500)
    assert (closed.expected_cash, closed.difference) == (103_500, 0)
    assert closed.closed_at is not None and closed.closed_at > local("2026-11-21T09:10")
    assert shifts.get(shift.id) == closed
    report = build_z_report(db, D, day=DAY, opening_float=100_000, now=local("2026-11-21T20:00"))
    assert report.cash_without_shift == 0
    assert report.expected_cash == 103_500


def test_a_sale_after_a_close_the_clock_put_late_counts_once(db: Database) -> None:  # noqa: F811
    """After that close the clock reads 08:40: a cash sale then is the till's, no shift's, and
    counts once in the day's drawer, not in the closed shift nor a second time."""
    shifts = Shifts(db, DAY)
    shift = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=0, now=local("2026-11-21T08:00")
    )
    cash_sale(db, "Sari", "2026-11-21T09:00")
    closed = shifts.close(
        shift.id, CashCount({5_000: 1, 2_000: 1}), closed_by="Sari", now=local("2026-11-21T08:30")
    )

    cash_sale(db, "Sari", "2026-11-21T08:40")

    assert shifts.get(shift.id) == closed and closed.expected_cash == 7_000
    report = build_z_report(db, D, day=DAY, opening_float=0, now=local("2026-11-21T20:00"))
    assert report.cash_without_shift == 7_000
    assert report.expected_cash == 14_000


def test_a_shift_opened_before_the_last_close_by_the_clock_takes_no_sale_twice(
    db: Database,  # noqa: F811
) -> None:
    """The cashier opens her next shift at 08:35 by the clock, before the close put after the
    sale of 09:00: that shift counted the sale again (Rp 7.000 expected twice), though the
    first shift's count held it. It starts where the first one closed."""
    shifts = Shifts(db, DAY)
    first = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=0, now=local("2026-11-21T08:00")
    )
    cash_sale(db, "Sari", "2026-11-21T09:00")
    closed = shifts.close(
        first.id, CashCount({5_000: 1, 2_000: 1}), closed_by="Sari", now=local("2026-11-21T08:30")
    )

    second = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=7_000, now=local("2026-11-21T08:35")
    )
    cash_sale(db, "Sari", "2026-11-21T08:40")

    assert second.opened_at == closed.closed_at
    assert (shifts.get(first.id).cash_sales, shifts.get(second.id).cash_sales) == (7_000, 7_000)
    report = build_z_report(db, D, day=DAY, now=local("2026-11-21T20:00"))
    assert report.cash_without_shift == 0
    assert report.drawer_cash_sales == 14_000


def test_the_next_cashiers_shift_opened_before_the_last_close_by_the_clock_takes_its_drawer(
    db: Database,  # noqa: F811
) -> None:
    """Sari's shift closed after its sale of 09:00 though the clock read 08:30; Budi opens at
    08:35 by the clock with the Rp 107.000 she left. Opened before her close, his shift took
    over no drawer: the day expected both floats, Rp 207.000 for a drawer of Rp 107.000. It
    starts where hers closed, and takes her drawer over."""
    shifts = Shifts(db, DAY)
    sari = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=local("2026-11-21T08:00")
    )
    cash_sale(db, "Sari", "2026-11-21T09:00")
    closed = shifts.close(
        sari.id,
        CashCount({100_000: 1, 5_000: 1, 2_000: 1}),
        closed_by="Budi",
        now=local("2026-11-21T08:30"),
    )

    budi = shifts.open(
        terminal_id="T1", cashier="Budi", opening_float=107_000, now=local("2026-11-21T08:35")
    )

    report = build_z_report(db, D, day=DAY, now=local("2026-11-21T20:00"))
    assert (report.opening_float_of_shifts, report.moved_between_shifts) == (100_000, 0)
    assert report.expected_cash - report.opening_float == 7_000
    assert budi.opened_at == closed.closed_at


def test_a_cash_return_read_before_a_close_the_clock_put_late_counts_in_the_next_shift(
    db: Database,  # noqa: F811
) -> None:
    """After that close and the next shift, opened where it closed, the clock reads 08:45 at a
    cash return: the return fell in the closed shift's span, counted by neither shift nor the
    day's drawer. It is the open shift's, like a sale then."""
    shifts = Shifts(db, DAY)
    first = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=0, now=local("2026-11-21T08:00")
    )
    cash_sale(db, "Sari", "2026-11-21T09:00")
    shifts.close(
        first.id, CashCount({5_000: 1, 2_000: 1}), closed_by="Sari", now=local("2026-11-21T08:30")
    )
    second = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=0, now=local("2026-11-21T08:35")
    )
    sold = cash_sale(db, "Sari", "2026-11-21T08:40")

    cash_return(db, sold, "2026-11-21T08:45")

    assert shifts.get(second.id).cash_returns == 3_500
    assert shifts.get(second.id).expected_cash == 3_500
    report = build_z_report(db, D, day=DAY, now=local("2026-11-21T20:00"))
    assert (report.cash_without_shift, report.expected_cash) == (0, 3_500)
