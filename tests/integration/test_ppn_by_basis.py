"""The accountant reports PPN on a DPP nilai lain (12 % on 11/12 of the price, ordinary goods from
2025) apart from PPN on the whole price (luxury goods at 12 %) and exempt sales: a basket of all
three, sold and partly returned, shows each apart, to the rupiah, in the shift report, the Z
report and the close it keeps, the till's own lines file and the shop's lines file made on a real
relay from what the till uploaded; the classes add up to the day's PPN."""

import csv
from collections import Counter
from datetime import date
from pathlib import Path

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay
from pos_app.domain.basket import LineItem
from pos_app.domain.cash_count import CashCount
from pos_app.domain.returns import ReturnMethod
from pos_app.domain.tax import TaxClass, TaxPolicy, parse_rate
from pos_app.reports.accountant_files import FileKind, FileRequest, write_files
from pos_app.reports.sales_csv import LINE_COLUMNS, PPN_BASIS
from pos_app.reports.shift_report import shift_sections
from pos_app.reports.z_report import ZReport, report_sections
from pos_app.store.day_closes import DayCloses
from pos_app.till.day_close import close_day
from pos_app.till.uploads import catch_up, export_shop_day
from tests.integration.test_shop_uploads import DAY, local, relay, till  # noqa: F401

D = date(2026, 11, 21)
PKP = TaxPolicy(
    enabled=True, rates={**TaxPolicy().rates, TaxClass.OTHER: (parse_rate("2025-01-01 12"),)}
)
"""The standard class at the law's 12 % on 11/12; luxury goods in the other class, 12 % on the
whole price."""
BASKET = (
    LineItem("KOP-1", "Kopi bubuk", 111_000, 2),
    LineItem("PAR-1", "Parfum", 1_120_000, 2, TaxClass.OTHER),
    LineItem("BER-5", "Beras 5 kg", 78_000, 3, TaxClass.EXEMPT),
)
EXPECTED = [
    # Kopi: 222.000 with PPN 22.000, DPP 183.333 (11/12 of 200.000); one back: 111.000, PPN
    # 11.000, DPP 91.667 (less its share of the 16.667 outside the DPP, 8.333)
    ("Sales at PPN 12% (DPP nilai lain)", "Rp 111.000"),
    ("  DPP", "Rp 91.666"),
    ("  PPN", "Rp 11.000"),
    # Parfum: 2.240.000 with PPN 240.000 on a DPP of 2.000.000; one back gives half
    ("Sales at PPN 12% (other rate)", "Rp 1.120.000"),
    ("  DPP", "Rp 1.000.000"),
    ("  PPN", "Rp 120.000"),
    # Beras: 234.000, no PPN; one of three back
    ("Sales exempt from PPN", "Rp 156.000"),
    ("  DPP", "Rp 156.000"),
    ("  PPN", "Rp 0"),
]
BY_BASIS = {
    "nilai_lain": (111_000, 91_666, 11_000),
    "full": (1_120_000, 1_000_000, 120_000),
    "exempt": (156_000, 156_000, 0),
}
"""The lines file's rows per ``ppn_basis``: line_total, dpp and ppn."""


def lines_file(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_standard_luxury_and_exempt_ppn_stay_apart_in_every_report_and_file(
    tmp_path: Path,
    relay: EmbeddedRelay,  # noqa: F811
) -> None:
    store = till(tmp_path, "T1")
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    db = store.repositories().db
    shift = store.shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=0, now=local("2026-11-21T08:00")
    )
    sold_at = local("2026-11-21T10:00")
    sale_id = store.sales.create_sale(
        BASKET, cashier="Sari", terminal_id="T1", now=sold_at, tax=PKP
    )
    sale = store.sales.complete_cash(sale_id, 2_696_000, sold_at)
    store.returns.record(
        sale_id,
        {1: 1, 2: 1, 3: 1},
        method=ReturnMethod.CASH,
        terminal_id="T1",
        cashier="Sari",
        approved_by="Dewi",
        now=local("2026-11-21T11:00"),
    )
    closed = store.shifts.close(
        shift.id, CashCount(), closed_by="Sari", now=local("2026-11-21T20:00")
    )
    report = close_day(
        db, D, day=DAY, counted=CashCount(), closed_by="Dewi", now=local("2026-11-21T21:00")
    )

    assert dict(report_sections(report))["Discounts and PPN"] == EXPECTED
    assert dict(shift_sections(closed, time_zone="Asia/Jakarta"))["Discounts and PPN"] == EXPECTED
    kept = DayCloses(db).get(D)
    assert kept is not None
    assert ZReport.from_json(kept.detail).discounts == report.discounts == closed.discounts
    assert sale.priced.ppn == 22_000 + 240_000
    assert sum(rate.ppn for rate in report.discounts.rates) == report.discounts.ppn == 131_000

    own = write_files(db, tmp_path / "own.csv", FileRequest((FileKind.LINES,), D), day=DAY)
    assert catch_up(store, client, "T1") == 1
    shop = export_shop_day(client, tmp_path / "shop.csv", D, (FileKind.LINES,))
    header, *rows = lines_file(own.path)
    assert header == [*LINE_COLUMNS, PPN_BASIS]
    assert lines_file(shop.written.path) == [header, *rows]  # what the till uploaded has no basis
    cells = [dict(zip(header, row, strict=True)) for row in rows]
    basis = {(cell["record_type"], cell["sku"]): cell[PPN_BASIS] for cell in cells}
    assert basis == {
        (record, sku): kind
        for record in ("sale", "return")
        for sku, kind in (("KOP-1", "nilai_lain"), ("PAR-1", "full"), ("BER-5", "exempt"))
    }
    per_basis: Counter[tuple[str, str]] = Counter()
    for cell in cells:
        for column in ("line_total", "dpp", "ppn"):
            per_basis[cell[PPN_BASIS], column] += int(cell[column])
    assert {
        kind: (per_basis[kind, "line_total"], per_basis[kind, "dpp"], per_basis[kind, "ppn"])
        for kind in BY_BASIS
    } == BY_BASIS
    assert sum(int(cell["ppn"]) for cell in cells) == report.discounts.ppn
    client.close()
    store.close()
