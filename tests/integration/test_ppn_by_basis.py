"""The accountant reports PPN on a DPP nilai lain (12 % on 11/12 of the price, ordinary goods from
2025) apart from PPN on the whole price (luxury goods at 12 %) and exempt sales: a basket of all
three, sold and partly returned, shows each apart, to the rupiah, in the shift report, the Z
report and the close it keeps, the till's own lines file and the shop's lines file made on a real
relay from what the till uploaded; the classes add up to the day's PPN. So does a wallet return
made again after its payout failed, even once that payout is paid after all."""

import csv
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay
from pos_app.domain.basket import LineItem
from pos_app.domain.cash_count import CashCount
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.domain.tax import PpnBasis, TaxClass, TaxPolicy, parse_rate
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.reports.accountant_files import FileKind, FileRequest, write_files
from pos_app.reports.sales_csv import LINE_COLUMNS, PPN_BASIS
from pos_app.reports.shift_report import shift_sections
from pos_app.reports.z_report import ZReport, build_z_report, report_sections
from pos_app.store.day_closes import DayCloses
from pos_app.store.payment_records import EventSource
from pos_app.store.returns import WalletPayout
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.day_close import close_day
from pos_app.till.uploads import catch_up, export_shop_day
from tests.integration.test_shop_uploads import DAY, local, relay, till  # noqa: F401

D = date(2026, 11, 21)
NEXT_DAY = date(2026, 11, 22)
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


def per_basis(rows: Iterable[tuple[str, int, int, int]]) -> dict[str, tuple[int, int, int]]:
    """(basis, amount, DPP, PPN) rows added up per basis."""
    sums: dict[str, tuple[int, int, int]] = {}
    for basis, amount, dpp, ppn in rows:
        before = sums.get(basis, (0, 0, 0))
        sums[basis] = (before[0] + amount, before[1] + dpp, before[2] + ppn)
    return sums


def qr_sale(store: TerminalStore, when: str) -> int:
    """The basket paid by ecommpay (a wallet return's money can go back there)."""
    paid = local(when)
    sale_id = store.sales.create_sale(BASKET, cashier="Sari", terminal_id="T1", now=paid, tax=PKP)
    invoice = store.payments.next_invoice_number("T1", paid)
    total = store.sales.get(sale_id).total
    store.payments.create_attempt(sale_id, ProviderName.ECOMMPAY_GATE, total, invoice, paid)
    store.payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=paid)
    store.sales.complete_with_payment(sale_id, invoice, paid)
    return sale_id


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


def test_a_wallet_return_made_again_gives_its_ppn_back_once_in_the_rows_of_its_basis(
    tmp_path: Path,
    relay: EmbeddedRelay,  # noqa: F811
) -> None:
    """One of each item back to the customer's wallet; the payout fails and the return is made
    again in cash: the day's rows are those of a return made in cash at once. The next day
    ecommpay pays the first payout after all (the customer has the money twice: a problem
    payment). That money counts on that day, but the goods came back once, with the cash return:
    it is no sale at a PPN rate, like a refund, so no row of a rate and basis holds it, in the
    reports or the files (its file rows held it at 12 % with no basis, or as exempt, which the Z
    report's rows never did), and each day's rows of a basis agree to the rupiah."""
    store = till(tmp_path, "T1")
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    db = store.repositories().db
    shift = store.shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=1_500_000, now=local("2026-11-21T08:00")
    )
    sale_id = qr_sale(store, "2026-11-21T10:00")
    first = store.returns.record(
        sale_id,
        {1: 1, 2: 1, 3: 1},
        method=ReturnMethod.WALLET,
        terminal_id="T1",
        cashier="Sari",
        approved_by="Dewi",
        now=local("2026-11-21T11:00"),
        payout=WalletPayout("RFD-T1-a", ProviderName.ECOMMPAY_GATE, "081234567890", "Ani"),
    )
    store.refunds.settle("RFD-T1-a", RefundStatus.FAILED, now=local("2026-11-21T11:05"))
    again = store.returns.record(
        sale_id,
        {1: 1, 2: 1, 3: 1},
        method=ReturnMethod.CASH,
        terminal_id="T1",
        cashier="Sari",
        approved_by="Dewi",
        now=local("2026-11-21T11:10"),
        redo_of=first.id,
    )
    assert (
        [(line.dpp, line.ppn) for line in again.lines]
        == [(line.dpp, line.ppn) for line in first.lines]
        == [(91_667, 11_000), (1_000_000, 120_000), (78_000, 0)]
    )
    closed = store.shifts.close(
        shift.id, CashCount(), closed_by="Sari", now=local("2026-11-21T20:00")
    )
    store.refunds.settle("RFD-T1-a", RefundStatus.PAID, now=local("2026-11-22T10:00"))
    own = {
        day: write_files(db, tmp_path / f"{day}.csv", FileRequest((FileKind.LINES,), day), day=DAY)
        for day in (D, NEXT_DAY)
    }
    assert catch_up(store, client, "T1") == 2
    for day, written in own.items():
        shop = export_shop_day(client, tmp_path / f"shop-{day}.csv", day, (FileKind.LINES,))
        assert lines_file(shop.written.path) == lines_file(written.path)
    first_day, next_day = (
        build_z_report(db, day, day=DAY, now=local("2026-11-22T21:00")) for day in (D, NEXT_DAY)
    )

    assert dict(report_sections(first_day))["Discounts and PPN"] == EXPECTED
    assert dict(shift_sections(closed, time_zone="Asia/Jakarta"))["Discounts and PPN"] == EXPECTED
    assert (first_day.returns_total, next_day.returns_total) == (1_309_000, 1_309_000)
    assert next_day.discounts.rates == ()  # paid twice, given back once: no PPN row moves
    files = {}
    for report, written in ((first_day, own[D]), (next_day, own[NEXT_DAY])):
        header, *rows = lines_file(written.path)
        cells = files[report.business_date] = [dict(zip(header, row, strict=True)) for row in rows]
        taxed = [cell for cell in cells if cell["tax_rate"]]
        assert all(cell[PPN_BASIS] for cell in taxed)
        assert all(rate.basis for rate in report.discounts.rates)
        in_file = (
            (cell[PPN_BASIS], int(cell["line_total"]), int(cell["dpp"]), int(cell["ppn"]))
            for cell in taxed
        )
        in_report = (
            (str(rate.basis), rate.amount, rate.dpp, rate.ppn) for rate in report.discounts.rates
        )
        assert per_basis(in_file) == per_basis(in_report)
        assert sum(int(cell["line_total"]) for cell in cells) == report.net_total
    assert first_day.net_total == sum(rate.amount for rate in first_day.discounts.rates)
    assert next_day.net_total == -1_309_000  # the money paid twice, at no rate
    assert [
        (cell["quantity"], cell["line_total"], cell["dpp"], cell["ppn"], cell["tax_rate"])
        for cell in files[NEXT_DAY]
    ] == [
        ("0", "-111000", "0", "0", ""),
        ("0", "-1120000", "0", "0", ""),
        ("0", "-78000", "0", "0", ""),
    ]
    client.close()
    store.close()


def test_lines_sold_before_tax_classes_share_the_rows_of_the_lines_sold_since(
    tmp_path: Path,
) -> None:
    """A database from before tax classes keeps its sale lines' class empty; read as its own
    class, a sale from then beside one since printed a second "Sales at PPN 12%" row, named as
    the first, and a second exempt row."""
    store = TerminalStore(tmp_path / "kasir.db", DAY)
    try:
        before = qr_sale(store, "2026-11-21T09:00")
        qr_sale(store, "2026-11-21T10:00")
        db = store.repositories().db
        db.execute(  # its coffee and rice; there was no other class then
            "UPDATE sale_lines SET tax_class = NULL WHERE sale_id = ? AND line_no IN (1, 3)",
            [before],
        )
        db.conn.commit()

        rows = build_z_report(db, D, day=DAY).discounts.rates
    finally:
        store.close()
    shares = [(rate.tax_rate, rate.tax_class, rate.basis) for rate in rows]
    assert shares == [
        (1200, TaxClass.STANDARD, PpnBasis.NILAI_LAIN),
        (1200, TaxClass.OTHER, PpnBasis.FULL),
        (0, TaxClass.EXEMPT, PpnBasis.EXEMPT),
    ], shares
    assert rows[0].amount == 2 * 222_000
