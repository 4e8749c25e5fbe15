"""Generated baskets, sold through the store, agree to the rupiah on discounts and PPN wherever
they are shown: the screen's computation, the receipt, both CSV files and the Z report."""

import csv
import tempfile
from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.discounts import Discount, percent_text
from pos_app.domain.money import parse_rupiah
from pos_app.domain.pricing import price_sale
from pos_app.domain.tax import TaxPolicy
from pos_app.reports.sales_csv import ExportKind, export_sales
from pos_app.reports.z_report import build_z_report
from pos_app.settings.terminal_config import Settings
from pos_app.store.database import open_database
from pos_app.store.sales import Sales
from pos_app.till.receipts import line_discount_row, receipt_data, subtotal_rows, tax_rows
from tests.harness.priced_baskets import baskets

DAY = BusinessDay(ZoneInfo("Asia/Jakarta"), time(4, 0))
Basket = tuple[list[LineItem], Discount | None, TaxPolicy]


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def column(rows: list[dict[str, str]], name: str) -> int:
    return sum(int(row[name]) for row in rows if row[name])


def receipt_figures(rows: list[tuple[str, str]]) -> list[int]:
    return [parse_rupiah(amount) for _, amount in rows]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(baskets(lowest_price=1, most_lines=5), min_size=1, max_size=3),
    st.sampled_from([date(2024, 12, 31), date(2025, 1, 1)]),
)
def test_discounts_and_ppn_agree_across_screen_receipt_csv_and_z_report(
    sold: list[Basket], business_date: date
) -> None:
    opening = DAY.bounds(business_date)[0] + timedelta(hours=4)
    screens = [
        price_sale(items, discount=discount, tax=tax, day=business_date)
        for items, discount, tax in sold
    ]
    assume(all(1 <= screen.total <= 10**11 for screen in screens))
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "kasir.db")
        sales = Sales(db, DAY)
        receipts = []
        for number, ((items, discount, tax), screen) in enumerate(zip(sold, screens, strict=True)):
            now = opening + timedelta(minutes=number)
            sale_id = sales.create_sale(
                items, cashier="Sari", terminal_id="T1", now=now, discount=discount, tax=tax
            )
            sale = sales.complete_cash(sale_id, screen.total, now + timedelta(seconds=30))
            assert sale.total == screen.total
            assert sale.priced == screen  # what the store keeps is what the screen showed
            receipts.append(receipt_data(sale, Settings(timezone=DAY.tz)))
        lines_file, sales_file = Path(folder) / "lines.csv", Path(folder) / "sales.csv"
        export_sales(db, lines_file, first_day=business_date, tz=DAY.tz, ppn_basis=True)
        export_sales(db, sales_file, first_day=business_date, kind=ExportKind.SALES, tz=DAY.tz)
        report = build_z_report(db, business_date, day=DAY, now=datetime.now(DAY.tz))
        db.close()
        lines, per_sale = read(lines_file), read(sales_file)

    discount = sum(screen.discount_total for screen in screens)
    ppn = sum(screen.ppn for screen in screens)
    total = sum(screen.total for screen in screens)
    dpp = sum(line.dpp or 0 for screen in screens for line in screen.lines)
    for name, expected in (("discount", discount), ("ppn", ppn), ("dpp", dpp)):
        assert column(lines, name) == column(per_sale, name) == expected, name
    assert column(lines, "line_total") == column(per_sale, "total") == total == report.net_total
    assert report.discounts.discount == discount
    assert report.discounts.ppn == ppn
    by_basis: Counter[tuple[str, str]] = Counter()
    for row in lines:
        if row["tax_rate"]:
            by_basis[row["tax_rate"], row["ppn_basis"]] += int(row["ppn"])
    in_report: Counter[tuple[str, str]] = Counter()
    for rate in report.discounts.rates:  # split by class too: the file's basis adds its classes
        in_report[percent_text(rate.tax_rate), rate.basis or ""] += rate.ppn
    assert in_report == by_basis

    for data, screen in zip(receipts, screens, strict=True):
        given_off = [line_discount_row(data, index) for index in range(len(data.lines))]
        off = -sum(parse_rupiah(row[1]) for row in given_off if row)
        summary = receipt_figures(subtotal_rows(data))
        basket_off = -sum(amount for amount in summary if amount < 0)
        assert off + basket_off == screen.discount_total
        taxes = tax_rows(data)
        assert bool(taxes) == any(rate.tax_rate for rate in screen.rates())
        if any(rate.tax_rate for rate in screen.rates()) and screen.tax_included:
            assert taxes[0] == ("Harga sudah termasuk PPN", f"Rp {screen.ppn:,}".replace(",", "."))
        shown_ppn = [
            parse_rupiah(amount)
            for label, amount in (*subtotal_rows(data), *taxes)
            if label.startswith("PPN ") and amount  # not a title over a basis' DPP and PPN
        ]
        by_basis = [parse_rupiah(amount) for label, amount in taxes if label == "  PPN"]
        if screen.tax_included:  # else each rate's PPN is above the TOTAL, and split below
            shown_ppn += by_basis
        assert sum(shown_ppn) == sum(rate.ppn for rate in screen.rates() if rate.tax_rate)
        assert data.total == screen.total
