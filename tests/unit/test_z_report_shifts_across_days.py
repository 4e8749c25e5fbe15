"""The Z report's drawer counts every shift whole on the day it opened, so a shift open across the
cut-off leaves no difference on either day, and a drawer handed from one shift to the next on a
till is not expected twice; takings keep the business day."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount
from pos_app.domain.money import format_rupiah
from pos_app.domain.returns import ReturnMethod
from pos_app.reports.z_report import ZReport, build_z_report, report_sections
from pos_app.store.audit import AuditLog
from pos_app.store.database import open_database
from pos_app.store.day_closes import DayCloses
from pos_app.store.errors import StoreError
from pos_app.store.returns import Returns
from pos_app.store.sales import Sales, Tender
from pos_app.store.shifts import DrawerHeld, Shifts
from pos_app.till.day_close import close_day

JAKARTA = ZoneInfo("Asia/Jakarta")
MIDNIGHT = BusinessDay(JAKARTA, time(0, 0))  # the default cut-off
D1, D2 = date(2026, 11, 21), date(2026, 11, 22)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def cash_sale(db: Database, when: str, price: int, cashier: str = "Sari", till: str = "T1") -> int:
    sales = Sales(db, MIDNIGHT)
    sale_id = sales.create_sale(
        (LineItem("A", "a", price, 1),), cashier=cashier, terminal_id=till, now=local(when)
    )
    sales.complete_cash(sale_id, price, local(when))
    return sale_id


def cash_return(db: Database, sale_id: int, when: str, cashier: str = "Sari") -> int:
    returned = Returns(db, MIDNIGHT).record(
        sale_id,
        {1: 1},
        method=ReturnMethod.CASH,
        terminal_id="T1",
        cashier=cashier,
        approved_by="Manajer",
        now=local(when),
    )
    return returned.amount


def rupiah(amount: int) -> CashCount:
    """Notes making up ``amount`` (a multiple of Rp 1.000)."""
    return CashCount({100_000: amount // 100_000, 1_000: amount % 100_000 // 1_000})


def shifts_float(db: Database, day: date) -> int:
    """The day's float as the day close used to start it: the sum of its shifts' floats."""
    return sum(shift.opening_float for shift in Shifts(db, MIDNIGHT).for_day(day))


def drawer_rows(report: ZReport) -> dict[str, str]:
    sections = dict(report_sections(report))
    return dict(sections["Cash drawer"])


def test_a_shift_across_midnight_leaves_no_difference_on_either_day(db: Database) -> None:
    """18:00 to 01:00 with Rp 100.000 float; cash sales Rp 10.000 at 23:30 and Rp 20.000 at
    00:30, Rp 50.000 to the safe at 00:40 and the 23:30 sale given back at 00:45; the drawer
    counted right at the close."""
    shifts = Shifts(db, MIDNIGHT)
    shift = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=local("2026-11-21T18:00")
    )
    before_midnight = cash_sale(db, "2026-11-21T23:30", 10_000)
    cash_sale(db, "2026-11-22T00:30", 20_000)
    shifts.move_cash(shift.id, -50_000, reason="safe", actor="Sari", now=local("2026-11-22T00:40"))
    # the 21st's sale given back: a return made on the 22nd
    assert cash_return(db, before_midnight, "2026-11-22T00:45") == 10_000
    drawer = rupiah(100_000 + 10_000 + 20_000 - 50_000 - 10_000)
    closed = shifts.close(shift.id, drawer, closed_by="Sari", now=local("2026-11-22T01:00"))
    assert (closed.expected_cash, closed.difference) == (70_000, 0)

    first = close_day(
        db,
        D1,
        day=MIDNIGHT,
        counted=drawer,
        closed_by="Manajer",
        opening_float=shifts_float(db, D1),
        now=local("2026-11-22T01:30"),
    )
    second = close_day(
        db,
        D2,
        day=MIDNIGHT,
        counted=CashCount(),
        closed_by="Manajer",
        opening_float=shifts_float(db, D2),
        now=local("2026-11-22T23:00"),
    )

    assert (first.expected_cash, first.counted_cash, first.difference) == (70_000, 70_000, 0)
    assert (second.expected_cash, second.counted_cash, second.difference) == (0, 0, 0)
    # takings keep the business day: the sale and the return after midnight are the 22nd's
    assert (first.tender_total(Tender.CASH), first.returns_total) == (10_000, 0)
    assert (second.tender_total(Tender.CASH), second.returns_total) == (20_000, 10_000)
    assert (first.net_total, second.net_total) == (10_000, 10_000)
    # the drawer follows the shift: all of its cash on the 21st, none on the 22nd
    assert (first.drawer_cash_sales, first.drawer_cash_returns) == (30_000, 10_000)
    assert (second.drawer_cash_sales, second.drawer_cash_returns) == (0, 0)
    assert (first.opening_float_of_shifts, second.opening_float_of_shifts) == (100_000, 0)
    # each rupiah through the drawer counts once over the days
    moved = sum(r.expected_cash - r.opening_float for r in (first, second))
    assert moved == 10_000 + 20_000 - 50_000 - 10_000
    assert drawer_rows(first)["Cash sales"] == "Rp 30.000"
    assert drawer_rows(first)["Cash returns"] == "-Rp 10.000"
    assert "Cash returns" not in drawer_rows(second)
    assert [e.detail["difference"] for e in AuditLog(db).recent() if e.action == "day.close"] == [
        0,
        0,
    ]
    # what was signed off reads back the same; a day closed before the drawer followed its
    # shifts reads as it was signed off then (the takings' cash)
    for report in (first, second):
        closed_day = ZReport.from_json(report.to_json())
        assert closed_day == report and closed_day.expected_cash == report.expected_cash
    older = {
        key: value
        for key, value in first.to_json().items()
        if key not in ("cash_sales_across_days", "cash_returns_across_days")
    }
    assert ZReport.from_json(older).expected_cash == 100_000 + 10_000 - 50_000


def test_a_day_does_not_close_while_an_earlier_days_shift_still_takes_its_cash(
    db: Database,
) -> None:
    """Sari's shift of the 21st is never closed and takes the 22nd's cash. Closed, the 22nd
    expected none of it (the drawer counts on the 21st), was filed Rp 50.000 over, and her sales
    ran on past its close."""
    shifts = Shifts(db, MIDNIGHT)
    shift = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=0, now=local("2026-11-21T18:00")
    )
    cash_sale(db, "2026-11-22T10:00", 50_000)
    drawer = rupiah(50_000)

    with pytest.raises(StoreError, match="opened on 2026-11-21, is still open"):
        close_day(
            db, D2, day=MIDNIGHT, counted=drawer, closed_by="Manajer", now=local("2026-11-22T22:00")
        )
    assert DayCloses(db).get(D2) is None

    shifts.close(shift.id, drawer, closed_by="Sari", now=local("2026-11-22T22:05"))
    first = close_day(
        db, D1, day=MIDNIGHT, counted=drawer, closed_by="Manajer", now=local("2026-11-22T22:10")
    )
    second = close_day(
        db,
        D2,
        day=MIDNIGHT,
        counted=CashCount(),
        closed_by="Manajer",
        now=local("2026-11-22T22:15"),
    )
    assert (first.expected_cash, first.difference) == (50_000, 0)
    assert (second.expected_cash, second.difference, second.net_total) == (0, 0, 50_000)


def test_a_day_read_while_the_shift_runs_past_midnight_expects_its_drawer(db: Database) -> None:
    shifts = Shifts(db, MIDNIGHT)
    shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=local("2026-11-21T18:00")
    )
    cash_sale(db, "2026-11-21T23:30", 10_000)
    cash_sale(db, "2026-11-22T00:30", 20_000)
    now = local("2026-11-22T00:50")

    day_one = build_z_report(db, D1, day=MIDNIGHT, opening_float=100_000, now=now)
    day_two = build_z_report(db, D2, day=MIDNIGHT, now=now)
    assert day_one.expected_cash == 130_000 == day_one.shifts[0].expected_cash
    assert day_two.expected_cash == 0
    assert day_two.tender_total(Tender.CASH) == 20_000


def test_a_normal_day_is_unchanged(db: Database) -> None:
    """Shifts inside the day, a sale with no shift, and shifts of the days around it: the drawer
    expects the float, the day's cash sales, cash moved and cash returns, as before."""
    shifts = Shifts(db, MIDNIGHT)
    yesterday = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=80_000, now=local("2026-11-20T18:00")
    )
    cash_sale(db, "2026-11-20T22:00", 9_000)
    shifts.close(yesterday.id, rupiah(89_000), closed_by="Sari", now=local("2026-11-20T23:00"))
    sari = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=local("2026-11-21T08:00")
    )
    cash_sale(db, "2026-11-21T09:00", 12_000)
    sold = cash_sale(db, "2026-11-21T10:00", 7_000)
    cash_return(db, sold, "2026-11-21T10:30")
    shifts.move_cash(sari.id, 20_000, reason="change", actor="Sari", now=local("2026-11-21T11:00"))
    shifts.close(sari.id, rupiah(132_000), closed_by="Sari", now=local("2026-11-21T12:00"))
    budi = shifts.open(
        terminal_id="T2", cashier="Budi", opening_float=50_000, now=local("2026-11-21T13:00")
    )
    cash_sale(db, "2026-11-21T14:00", 4_000, cashier="Budi", till="T2")
    shifts.close(budi.id, rupiah(54_000), closed_by="Budi", now=local("2026-11-21T20:00"))
    cash_sale(db, "2026-11-21T21:00", 3_000, cashier="Ani", till="T3")  # Ani opened no shift
    shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=70_000, now=local("2026-11-22T08:00")
    )
    cash_sale(db, "2026-11-22T09:00", 6_000)

    report = build_z_report(
        db,
        D1,
        day=MIDNIGHT,
        opening_float=150_000,
        counted=rupiah(189_000),
        now=local("2026-11-22T10:00"),
    )
    assert report.tender_total(Tender.CASH) == 12_000 + 7_000 + 4_000 + 3_000
    assert (report.cash_moved, report.cash_returns) == (20_000, 7_000)
    assert report.expected_cash == 150_000 + 26_000 + 20_000 - 7_000 == 189_000
    assert report.difference == 0
    assert (report.drawer_cash_sales, report.drawer_cash_returns) == (26_000, 7_000)
    assert (report.cash_sales_across_days, report.moved_between_shifts) == (0, 0)
    assert report.opening_float_of_shifts == 150_000 == shifts_float(db, D1)
    rows = drawer_rows(report)
    assert (rows["Cash sales"], rows["Cash in less cash out"]) == ("Rp 26.000", "Rp 20.000")
    assert report.to_json()["moved_between_shifts"] == 0


@pytest.mark.parametrize(
    ("handed_over", "between"),
    [
        (130_000, 0),  # the drawer as Sari left it
        (100_000, -30_000),  # Rp 30.000 to the safe at the handover
        (150_000, 20_000),  # Rp 20.000 of change put in
    ],
)
def test_a_drawer_handed_to_the_next_shift_is_not_expected_twice(
    db: Database, handed_over: int, between: int
) -> None:
    shifts = Shifts(db, MIDNIGHT)
    sari = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=local("2026-11-21T08:00")
    )
    cash_sale(db, "2026-11-21T09:00", 30_000)
    shifts.close(sari.id, rupiah(130_000), closed_by="Sari", now=local("2026-11-21T14:00"))
    budi = shifts.open(
        terminal_id="T1", cashier="Budi", opening_float=handed_over, now=local("2026-11-21T14:00")
    )
    cash_sale(db, "2026-11-21T15:00", 50_000, cashier="Budi")
    left = handed_over + 50_000
    closed = shifts.close(budi.id, rupiah(left), closed_by="Budi", now=local("2026-11-21T21:00"))
    assert closed.difference == 0

    shown = build_z_report(db, D1, day=MIDNIGHT, now=local("2026-11-21T22:00"))
    assert shifts_float(db, D1) == 100_000 + handed_over  # what the day close used to start at
    assert shown.opening_float_of_shifts == 100_000, "only Sari's float came into the drawer"
    assert shown.moved_between_shifts == between
    report = close_day(
        db,
        D1,
        day=MIDNIGHT,
        counted=rupiah(left),
        closed_by="Manajer",
        opening_float=shown.opening_float_of_shifts,
        now=local("2026-11-21T22:00"),
    )
    assert (report.expected_cash, report.difference) == (left, 0)
    if between:
        assert drawer_rows(report)["Cash in less cash out"] == format_rupiah(between)


@pytest.mark.parametrize("put_in", [0, 20_000, -30_000])
def test_cash_taken_with_no_shift_open_between_two_shifts_is_expected_once(
    db: Database, put_in: int
) -> None:
    """Between Sari's close and Budi's opening the till sells for cash with no shift open, and
    Budi takes the drawer as it is then (with ``put_in`` more or less): the day expects that
    cash once, as takings, not again as cash put in between the shifts. Another till's cash
    meanwhile is no part of this drawer's handover. (A cash return there waits for a shift.)"""
    shifts = Shifts(db, MIDNIGHT)
    sari = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=local("2026-11-21T08:00")
    )
    cash_sale(db, "2026-11-21T09:00", 30_000)
    shifts.close(sari.id, rupiah(130_000), closed_by="Sari", now=local("2026-11-21T14:00"))
    cash_sale(db, "2026-11-21T14:05", 20_000)
    cash_sale(db, "2026-11-21T14:10", 8_000)
    cash_sale(db, "2026-11-21T14:30", 7_000, till="T2")
    handed_over = 130_000 + 20_000 + 8_000 + put_in
    budi = shifts.open(
        terminal_id="T1", cashier="Budi", opening_float=handed_over, now=local("2026-11-21T15:00")
    )
    cash_sale(db, "2026-11-21T16:00", 50_000, cashier="Budi")
    left = handed_over + 50_000
    closed = shifts.close(budi.id, rupiah(left), closed_by="Budi", now=local("2026-11-21T21:00"))
    assert closed.difference == 0

    shown = build_z_report(db, D1, day=MIDNIGHT, now=local("2026-11-21T22:00"))
    assert shown.moved_between_shifts == put_in
    report = close_day(
        db,
        D1,
        day=MIDNIGHT,
        counted=rupiah(left + 7_000),
        closed_by="Manajer",
        opening_float=shown.opening_float_of_shifts,
        now=local("2026-11-21T22:00"),
    )
    assert (report.expected_cash, report.difference) == (left + 7_000, 0)


def test_shifts_on_two_tills_each_bring_their_float_and_one_till_holds_one(
    db: Database,
) -> None:
    """Shifts on two tills each bring their float. On one till, Budi's shift opened beside
    Ani's still open brought its float into her drawer too: the day expected Rp 60.000 that was
    never there. It is refused now; once Ani's drawer is counted and closed, the next shift
    there takes it over, once."""
    shifts = Shifts(db, MIDNIGHT)
    ani = shifts.open(
        terminal_id="T1", cashier="Ani", opening_float=40_000, now=local("2026-11-21T08:00")
    )
    with pytest.raises(DrawerHeld, match="the shift of Ani"):
        shifts.open(
            terminal_id="T1", cashier="Budi", opening_float=60_000, now=local("2026-11-21T09:00")
        )
    shifts.open(
        terminal_id="T2", cashier="Sari", opening_float=70_000, now=local("2026-11-21T10:00")
    )
    shifts.close(ani.id, rupiah(40_000), closed_by="Ani", now=local("2026-11-21T12:00"))
    shifts.open(
        terminal_id="T1", cashier="Dewi", opening_float=45_000, now=local("2026-11-21T13:00")
    )

    report = build_z_report(db, D1, day=MIDNIGHT, now=local("2026-11-21T14:00"))
    assert report.opening_float_of_shifts == 40_000 + 70_000
    assert report.moved_between_shifts == 45_000 - 40_000  # Dewi took over Ani's drawer


def test_cash_taken_before_the_first_shift_is_expected_once(db: Database) -> None:
    """The 21st closed early at 21:00 with the drawer counted; Sari sold Rp 5.000 for cash at
    21:05 with no shift open (takings of the 22nd). Next morning Budi opens with the drawer as
    he counts it (Rp 115.000, that sale in it): the 22nd expected that cash twice, in his float
    and in its cash sales, and showed Rp 5.000 short for a drawer that was right. The day's
    float starts from what the 21st's count left, and the manager sees the cash no shift took."""
    shifts = Shifts(db, MIDNIGHT)
    sari = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=local("2026-11-21T08:00")
    )
    cash_sale(db, "2026-11-21T09:00", 10_000)
    shifts.close(sari.id, rupiah(110_000), closed_by="Sari", now=local("2026-11-21T20:55"))
    close_day(
        db,
        D1,
        day=MIDNIGHT,
        counted=rupiah(110_000),
        closed_by="Manajer",
        opening_float=100_000,
        now=local("2026-11-21T21:00"),
    )
    cash_sale(db, "2026-11-21T21:05", 5_000)  # no shift open: the 22nd's takings
    budi = shifts.open(
        terminal_id="T1", cashier="Budi", opening_float=115_000, now=local("2026-11-22T08:00")
    )
    cash_sale(db, "2026-11-22T09:00", 20_000, cashier="Budi")
    closed = shifts.close(budi.id, rupiah(135_000), closed_by="Budi", now=local("2026-11-22T20:00"))
    assert closed.difference == 0

    shown = build_z_report(db, D2, day=MIDNIGHT, now=local("2026-11-22T21:00"))
    assert shown.opening_float_of_shifts == 110_000, "what the 21st's count left in the drawer"
    assert shown.cash_without_shift == 5_000
    report = close_day(
        db,
        D2,
        day=MIDNIGHT,
        counted=rupiah(135_000),
        closed_by="Manajer",
        opening_float=shown.opening_float_of_shifts,
        now=local("2026-11-22T21:00"),
    )
    assert (report.expected_cash, report.difference) == (135_000, 0)
    assert drawer_rows(report)["  of which taken with no shift open"] == "Rp 5.000"
    assert ZReport.from_json(report.to_json()) == report


def test_a_float_below_the_cash_taken_before_it_went_out_of_the_drawer(db: Database) -> None:
    """Sold for cash with no shift open, the Rp 8.000 then put in the safe before Ani opened
    with Rp 2.000: the day's float cannot be below nothing, so Rp 6.000 went out of the drawer."""
    cash_sale(db, "2026-11-21T07:00", 8_000, cashier="Ani")
    shifts = Shifts(db, MIDNIGHT)
    ani = shifts.open(
        terminal_id="T1", cashier="Ani", opening_float=2_000, now=local("2026-11-21T08:00")
    )
    shifts.close(ani.id, rupiah(2_000), closed_by="Ani", now=local("2026-11-21T20:00"))

    report = build_z_report(
        db, D1, day=MIDNIGHT, counted=rupiah(2_000), now=local("2026-11-21T21:00")
    )
    assert (report.opening_float_of_shifts, report.moved_between_shifts) == (0, -6_000)
    assert (report.expected_cash, report.difference) == (2_000, 0)


def test_a_cash_sale_written_after_its_shift_closed_counts_in_the_days_drawer(
    db: Database,
) -> None:
    """The sale's moment (12:00:00.4) came before the close (12:00:00.5), but the close was
    written first: the figures the shift kept leave the sale out, and in the shift's span it
    counted in no drawer, so a drawer holding its Rp 7.000 showed that much over. It is now
    cash no shift took, from the close on."""
    shifts = Shifts(db, MIDNIGHT)
    sari = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=local("2026-11-21T08:00")
    )
    sales = Sales(db, MIDNIGHT)
    sale_id = sales.create_sale(
        (LineItem("A", "a", 7_000, 1),),
        cashier="Sari",
        terminal_id="T1",
        now=local("2026-11-21T11:59"),
    )
    closed_at = local("2026-11-21T12:00:00.500")
    closed = shifts.close(sari.id, rupiah(100_000), closed_by="Sari", now=closed_at)
    assert closed.difference == 0

    sale = sales.complete_cash(sale_id, 7_000, local("2026-11-21T12:00:00.400"))

    assert sale.completed_at == closed_at
    assert Shifts(db, MIDNIGHT).get(sari.id).cash_sales == 0
    report = build_z_report(db, D1, day=MIDNIGHT, now=local("2026-11-21T21:00"))
    assert (report.drawer_cash_sales, report.cash_without_shift) == (7_000, 7_000)
    assert report.expected_cash - report.opening_float == 7_000  # in the drawer, once
