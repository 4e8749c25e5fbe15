"""Seeded random baskets (line and basket discounts in percent and rupiah, 100 % off, quantities
and scale labels, exempt and taxed classes, PPN in or on top of the prices) sold through the
store and brought back item by item over two days: not a rupiah, of money, DPP or PPN, is lost
or gained between the amount charged, DOKU's line items, the stored sale, the returns, both CSV
files, the Z reports and their discount and PPN rows."""

import csv
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

import pytest

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.discounts import Discount, percent_text
from pos_app.domain.money import format_rupiah
from pos_app.domain.pricing import RateTotal, payment_lines, price_sale, rate_totals
from pos_app.domain.returns import ReturnMethod
from pos_app.domain.tax import TaxClass, TaxPolicy, TaxRate
from pos_app.reports.discount_rows import discount_rows
from pos_app.reports.sales_csv import ExportKind, export_sales
from pos_app.reports.z_report import ZReport, build_z_report
from pos_app.store.database import open_database
from pos_app.store.returns import Return, Returns
from pos_app.store.sales import Sale, Sales

DAY = BusinessDay(ZoneInfo("Asia/Jakarta"), time(4, 0))
ON = TaxPolicy(enabled=True)
LUXURY = {**ON.rates, TaxClass.OTHER: (TaxRate(date(2020, 1, 1), 1200),)}
POLICIES = (
    TaxPolicy(),
    ON,
    TaxPolicy(enabled=True, prices_include_tax=False),
    TaxPolicy(enabled=True, rates=LUXURY),
    TaxPolicy(enabled=True, prices_include_tax=False, rates=LUXURY),
)
PRICES = (1, 2, 3, 7, 99, 1_000, 1_234, 18_325, 25_000, 111_000, 1_999_999)
QUANTITIES = (1, 2, 3, 7, 12, 35, 200)
Figures = Counter[tuple[int, str]]
"""(tax rate, "amount" | "dpp" | "ppn") → rupiah."""
Key = TypeVar("Key")


def a_discount(rng: random.Random, most: int) -> Discount | None:
    """None, 100 % off, a percentage, or rupiah up to ``most`` (what it is given on)."""
    pick = rng.random()
    if pick < 0.4:
        return None
    if pick < 0.5:
        return Discount.percent(10_000)
    if pick < 0.75 or most < 1:
        return Discount.percent(rng.randint(1, 9_999))
    return Discount.rupiah(rng.randint(1, most))


def a_basket(rng: random.Random, tax: TaxPolicy) -> tuple[list[LineItem], Discount | None]:
    """Up to five lines of classes ``tax`` has rates for, and the basket's own discount."""
    classes = [tax_class for tax_class in TaxClass if tax_class in tax.rates]
    items = []
    for index in range(rng.randint(1, 5)):
        labelled = rng.random() < 0.25  # a scale's label: a line of its own, quantity 1
        price = rng.choice(PRICES)
        quantity = 1 if labelled else rng.choice(QUANTITIES)
        own = a_discount(rng, price * quantity)
        items.append(
            LineItem(
                f"S{index}", f"Item {index}", price, quantity, rng.choice(classes), own, labelled
            )
        )
    after_lines = sum(
        item.line_total - (item.discount.off(item.line_total) if item.discount else 0)
        for item in items
    )
    return items, a_discount(rng, after_lines)


def check_doku_items(sale: Sale) -> None:
    """What the till sends DOKU for the stored sale adds up to the amount asked, each line's
    items within a rupiah of each other, none of Rp 0."""
    items = payment_lines(sale.priced)
    assert sum(item.line_total for item in items) == sale.total
    assert all(1 <= item.quantity <= 9_999 and item.unit_price >= 1 for item in items)
    for line in sale.priced.lines:
        prices = {item.unit_price for item in items if item.name == line.item.name}
        assert not prices or max(prices) - min(prices) <= 1


def figures(rates: Iterable[RateTotal]) -> Figures:
    """Per-rate totals as one counter, to add and take away: a report's rates split by class and
    basis add up per rate."""
    per_rate: Figures = Counter()
    for rate in rates:
        for name, value in (("amount", rate.amount), ("dpp", rate.dpp), ("ppn", rate.ppn)):
            per_rate[rate.tax_rate, name] += value
    return per_rate


def returned_figures(returned: Return) -> Figures:
    """What a return gave back per rate, exempt (0 %) lines too, as the Z report counts them;
    no part of a return line below nothing or its PPN and DPP above its money."""
    for line in returned.lines:
        assert min(line.amount, line.dpp or 0, line.ppn) >= 0
        assert (line.dpp or 0) + line.ppn <= line.amount
    return figures(
        rate_totals(
            (line.tax_rate, line.amount, line.dpp or 0, line.ppn)
            for line in returned.lines
            if line.tax_rate is not None
        )
    )


def signed(counts: Counter[Key]) -> dict[Key, int]:
    """The counts that are not zero: figures may go below it, and a rate may be missing."""
    return {key: value for key, value in counts.items() if value}


@dataclass
class Day:
    """What a business day's files and report say."""

    report: ZReport
    lines: list[dict[str, str]]
    sales: list[dict[str, str]]


def read_day(db_path: Path, folder: Path, business_date: date, now: datetime) -> Day:
    """Both CSV files and the Z report of ``business_date``, as the accountant gets them."""
    db = open_database(db_path)
    try:
        files = {}
        for kind in ExportKind:
            path = folder / f"{business_date}-{kind.value}.csv"
            export_sales(db, path, first_day=business_date, kind=kind, tz=DAY.tz, ppn_basis=True)
            with path.open(encoding="utf-8", newline="") as handle:
                files[kind] = list(csv.DictReader(handle))
        report = build_z_report(db, business_date, day=DAY, now=now)
    finally:
        db.close()
    return Day(report, files[ExportKind.LINES], files[ExportKind.SALES])


def column(rows: list[dict[str, str]], name: str) -> int:
    return sum(int(row[name]) for row in rows if row[name])


def check_day_agrees(day: Day) -> Figures:
    """Both files and the Z report of one day, to the rupiah; its per-rate figures."""
    report = day.report
    assert column(day.lines, "line_total") == column(day.sales, "total") == report.net_total
    for name in ("discount", "dpp", "ppn"):
        assert column(day.lines, name) == column(day.sales, name), name
    assert column(day.lines, "discount") == report.discounts.discount
    from_file: Counter[tuple[str, str, str]] = Counter()
    for row in day.lines:
        if row["tax_rate"]:
            for name, cell in (("amount", "line_total"), ("dpp", "dpp"), ("ppn", "ppn")):
                from_file[row["tax_rate"], row["ppn_basis"], name] += int(row[cell] or 0)
    as_in_file: Counter[tuple[str, str, str]] = Counter()
    for rate in report.discounts.rates:  # by class too: the file's basis adds its classes
        for name, value in (("amount", rate.amount), ("dpp", rate.dpp), ("ppn", rate.ppn)):
            as_in_file[percent_text(rate.tax_rate), rate.basis or "", name] += value
    assert signed(from_file) == signed(as_in_file)
    shown = discount_rows(report.discounts)
    if report.discounts.discount:
        assert shown.pop(0) == ("Discounts", format_rupiah(-report.discounts.discount))
    assert [value for label, value in shown if label.startswith("Sales ")] == [
        format_rupiah(rate.amount) for rate in report.discounts.rates
    ]
    return figures(report.discounts.rates)


@pytest.mark.parametrize("seed", range(8))
def test_discounted_sales_returned_item_by_item_lose_and_gain_no_rupiah(
    seed: int, tmp_path: Path
) -> None:
    rng = random.Random(seed)
    first = rng.choice([date(2024, 12, 31), date(2025, 1, 1), date(2025, 6, 1)])
    second = first + timedelta(days=1)
    now = DAY.bounds(first)[0] + timedelta(hours=4)
    next_day = DAY.bounds(second)[0] + timedelta(hours=2)
    db_path = tmp_path / "kasir.db"
    db = open_database(db_path)
    sales, returns = Sales(db, DAY), Returns(db, DAY)
    sold: Figures = Counter()
    given_back: Figures = Counter()
    charged = returned_money = 0
    for _ in range(30):
        tax = rng.choice(POLICIES)
        items, discount = a_basket(rng, tax)
        screen = price_sale(items, discount=discount, tax=tax, day=first)
        if screen.total < 1:  # a sale costs a rupiah at least
            continue
        now += timedelta(minutes=1)
        sale_id = sales.create_sale(
            items, cashier="Sari", terminal_id="T1", now=now, discount=discount, tax=tax
        )
        sale = sales.complete_cash(sale_id, screen.total, now)
        assert (sale.total, sale.priced) == (screen.total, screen)
        check_doku_items(sale)
        charged += sale.total
        sold.update(figures(sale.priced.rates()))
        if rng.random() < 0.2:
            continue  # kept
        whole = rng.random() < 0.7
        back = 0
        returnable = returns.returnable(sale_id)
        while any(line.left for line in returnable.lines):
            line = rng.choice([line for line in returnable.lines if line.left])
            count = 1 if rng.random() < 0.5 else rng.randint(1, line.left)
            moment = now if rng.random() < 0.6 else next_day
            next_day += timedelta(seconds=1)
            returned = returns.record(
                sale_id,
                {line.line_no: count},
                method=ReturnMethod.CASH,
                terminal_id="T1",
                cashier="Sari",
                approved_by="Budi",
                now=moment,
            )
            back += returned.amount
            given_back.update(returned_figures(returned))
            returnable = returns.returnable(sale_id)
            if not whole and rng.random() < 0.3:
                break
        if whole:
            assert back == sale.total  # all items back: exactly what was paid
        assert back <= sale.total
        returned_money += back
    db.close()

    days = [
        read_day(db_path, tmp_path, day, next_day + timedelta(hours=1)) for day in (first, second)
    ]
    per_rate: Figures = Counter()
    for day in days:
        per_rate.update(check_day_agrees(day))
    assert sum(day.report.net_total for day in days) == charged - returned_money
    expected = Counter(sold)
    expected.subtract(given_back)
    assert signed(per_rate) == signed(expected)
