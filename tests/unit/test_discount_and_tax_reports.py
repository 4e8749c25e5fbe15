"""The shift and the Z report total a day's discounts and its PPN per rate, from the sales' own
lines; a shop without PPN shows neither."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount
from pos_app.domain.discounts import Discount
from pos_app.domain.tax import TaxClass, TaxPolicy
from pos_app.reports.shift_report import shift_sections
from pos_app.reports.z_report import ZReport, build_z_report, report_sections
from pos_app.store.database import open_database
from pos_app.store.day_closes import DayCloses
from pos_app.store.sales import Sales
from pos_app.store.shifts import Shifts
from pos_app.till.day_close import close_day

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(4, 0))
D = date(2025, 3, 3)
PKP = TaxPolicy(enabled=True)
LINES = (
    LineItem("KOP-001", "Kopi", 111_000, 1, discount=Discount.rupiah(11_100)),
    LineItem("POK-001", "Beras", 78_000, 1, TaxClass.EXEMPT),
)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def sell(db: Database, when: str, *, tax: TaxPolicy = PKP) -> int:
    sales = Sales(db, DAY)
    sale_id = sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=local(when), tax=tax)
    return sales.complete_cash(sale_id, 200_000, local(when)).id


def rows(sections: list[tuple[str, list[tuple[str, str]]]], title: str) -> list[tuple[str, str]]:
    return dict(sections).get(title, [])


def test_the_shift_and_the_day_total_discounts_and_ppn_per_rate(db: Database) -> None:
    shifts = Shifts(db, DAY)
    shift = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=0, now=local("2025-03-03T08:00")
    )
    sell(db, "2025-03-03T09:00")
    sell(db, "2025-03-03T10:00")
    # Kopi: 111.000 less 11.100 = 99.900 with PPN in it, 12 % on 11/12: PPN 9.900, DPP 82.500
    expected = [
        ("Discounts", "-Rp 22.200"),
        ("Sales at PPN 12% (DPP nilai lain)", "Rp 199.800"),
        ("  DPP", "Rp 165.000"),
        ("  PPN", "Rp 19.800"),
        ("Sales exempt from PPN", "Rp 156.000"),
        ("  DPP", "Rp 156.000"),
        ("  PPN", "Rp 0"),
    ]
    current = shifts.current("T1", "Sari")
    assert current is not None
    assert rows(shift_sections(current, time_zone="Asia/Jakarta"), "Discounts and PPN") == expected

    closed = shifts.close(
        shift.id,
        CashCount({100_000: 3, 50_000: 1, 5_000: 1, 500: 2}),
        closed_by="Sari",
        now=local("2025-03-03T20:00"),
    )
    report = close_day(
        db, D, day=DAY, counted=CashCount(), closed_by="Manajer", now=local("2025-03-03T21:00")
    )
    assert rows(report_sections(report), "Discounts and PPN") == expected
    assert closed.discounts == report.discounts
    close = DayCloses(db).get(D)
    assert close is not None
    stored = ZReport.from_json(close.detail)  # the close keeps them
    assert stored.discounts == report.discounts


def test_a_shop_without_ppn_shows_no_tax_rows(db: Database) -> None:
    sell(db, "2025-03-03T09:00", tax=TaxPolicy())
    report = build_z_report(db, D, day=DAY)
    assert rows(report_sections(report), "Discounts and PPN") == [("Discounts", "-Rp 11.100")]
    assert report.discounts.rates == ()


def test_a_day_closed_before_the_rates_were_split_prints_as_it_did(db: Database) -> None:
    """A close keeps its report whole: one kept while a rate's row added up every class (no
    class or basis kept) reads back, and prints its one row per rate as it did then."""
    sell(db, "2025-03-03T09:00")
    kept = build_z_report(db, D, day=DAY).to_json()
    kept["tax_rates"] = [
        {"tax_rate": 1200, "amount": 99_900, "dpp": 82_500, "ppn": 9_900},
        {"tax_rate": 0, "amount": 78_000, "dpp": 78_000, "ppn": 0},
    ]

    assert rows(report_sections(ZReport.from_json(kept)), "Discounts and PPN") == [
        ("Discounts", "-Rp 11.100"),
        ("Sales at PPN 12%", "Rp 99.900"),
        ("  DPP", "Rp 82.500"),
        ("  PPN", "Rp 9.900"),
        ("Sales at PPN 0%", "Rp 78.000"),
        ("  DPP", "Rp 78.000"),
        ("  PPN", "Rp 0"),
    ]
