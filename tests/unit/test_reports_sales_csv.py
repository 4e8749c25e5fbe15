"""The daily sales CSV against the database (read back with independent SQL), and the Z report."""

import csv
import io
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.csv_cells import FORMULA_STARTS
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.payments.model import PaymentRequest, PaymentStatus, ProviderName
from pos_app.reports import sales_csv
from pos_app.reports.accountant_files import FileKind
from pos_app.reports.output_files import OutputError
from pos_app.reports.sales_csv import (
    LINE_COLUMNS,
    RETURN_NUMBER,
    SALE_COLUMNS,
    ExportCancelled,
    ExportKind,
    count_rows,
    export_sales,
)
from pos_app.reports.shop_files import TillDayFiles, read_rows, write_shop_file
from pos_app.reports.z_report import build_z_report
from pos_app.store.database import open_database
from pos_app.store.errors import StoreError
from pos_app.store.payment_records import EventSource
from pos_app.store.payments import Payments
from pos_app.store.refunds import Refunds
from pos_app.store.returns import Returns
from pos_app.store.sales import Sales

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(4, 0))
D = date(2026, 11, 21)
SECRET = "sk-live-DO-NOT-LEAK-7f3a"
LINES = (
    LineItem("MIE-001", "Indomie Goreng 85g", 3500, 2),
    LineItem("TEH-1", "Teh Botol", 5000, 1),
)
NASTY = (
    LineItem('=HYPERLINK("http://x")', "=1+1", 1000, 1),
    LineItem("NEG-1", "-Diskon member", 2000, 3),
    LineItem("AT-1", "@SUM(A1:A9)", 500, 1),
    LineItem("PLUS-1", "+62 812 555", 700, 1),
    LineItem("TAB-1", "\tTab", 100, 1),
    LineItem("CR-1", "\rReturn", 100, 1),
    LineItem("OK-1", 'Kopi "Kapal Api", 1 kg\nbaris 2', 45000, 1),
)


def local(text: str, zone: ZoneInfo = JAKARTA) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone).astimezone(UTC)


class Shop:
    """Sales made through the repositories, as the terminal makes them."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.sales = Sales(db, DAY)
        self.payments = Payments(db, DAY)
        self.refunds = Refunds(db, DAY)

    def cash(self, when: str, lines: tuple[LineItem, ...] = LINES, cashier: str = "Sari") -> int:
        sale_id = self.sales.create_sale(lines, cashier=cashier, terminal_id="T1", now=local(when))
        total = sum(line.line_total for line in lines)
        self.sales.complete_cash(sale_id, total + 500, local(when))
        return sale_id

    def qr(
        self,
        when: str,
        provider: ProviderName = ProviderName.DOKU,
        *,
        complete: bool = True,
        status: PaymentStatus = PaymentStatus.PAID,
    ) -> tuple[int, str]:
        moment = local(when)
        sale_id = self.sales.create_sale(LINES, cashier="Budi", terminal_id="T1", now=moment)
        invoice = self.payments.next_invoice_number("T1", moment)
        self.payments.create_attempt(sale_id, provider, 12000, invoice, moment)
        self.payments.record_request(
            PaymentRequest(
                provider, invoice, 12000, f"https://pay.example/{invoice}?token={SECRET}", None,
                f"REF-{invoice}",
            ),
            now=moment,
        )  # fmt: skip
        self.payments.record_status(
            invoice,
            status,
            source=EventSource.RELAY,
            payload={"secret_key": SECRET},
            now=moment + timedelta(seconds=30),
        )
        if complete:
            self.sales.complete_with_payment(sale_id, invoice, moment + timedelta(seconds=31))
        return sale_id, invoice


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


@pytest.fixture
def mixed(db: Database) -> Shop:
    """A business day (21 Nov, cut-off 04:00) with every kind of sale, and its neighbours."""
    shop = Shop(db)
    shop.cash("2026-11-20T23:59:00")  # the day before
    shop.cash("2026-11-21T03:59:59")  # still the day before: before the cut-off
    shop.cash("2026-11-21T10:00:00", NASTY, cashier="=cmd|' /C calc'!A0")
    refunded, _ = shop.qr("2026-11-21T12:00:00")
    shop.qr("2026-11-21T13:00:00", ProviderName.ECOMMPAY_PAGE)
    gone = shop.sales.create_sale(
        LINES, cashier="Sari", terminal_id="T1", now=local("2026-11-21T14:00")
    )
    shop.sales.cancel(gone, now=local("2026-11-21T14:01"))
    shop.sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=local("2026-11-21T15:00"))
    late_sale, late_invoice = shop.qr(
        "2026-11-21T16:00:00", complete=False, status=PaymentStatus.PENDING
    )
    shop.sales.cancel(late_sale, now=local("2026-11-21T16:05"))
    shop.payments.record_status(
        late_invoice, PaymentStatus.PAID, source="relay", now=local("2026-11-21T16:20")
    )
    paid_twice, twice_invoice = shop.qr(  # gave up on the QR code, paid cash, and the QR too
        "2026-11-21T17:00:00", complete=False, status=PaymentStatus.PENDING
    )
    shop.payments.transition(
        twice_invoice, "cancelled", source="cashier", now=local("2026-11-21T17:01")
    )
    shop.sales.complete_cash(paid_twice, 12500, local("2026-11-21T17:02"))
    shop.payments.record_status(
        twice_invoice, PaymentStatus.PAID, source="relay", now=local("2026-11-21T17:10")
    )
    shop.cash("2026-11-21T23:59:00")
    shop.qr("2026-11-22T00:01:00")  # after midnight, before the cut-off: still the 21st
    shop.cash("2026-11-22T04:00:00")  # the cut-off itself: the 22nd
    shop.cash("2026-11-22T04:01:00")
    for payout, sale, amount, status, invoice in (
        ("PO-1", refunded, 5000, RefundStatus.PAID, None),
        ("PO-2", refunded, 1000, RefundStatus.DECLINED, None),
        ("PO-3", refunded, 2000, None, None),
        ("PO-4", late_sale, 12000, RefundStatus.PAID, late_invoice),
        ("PO-5", paid_twice, 12000, RefundStatus.PAID, twice_invoice),
    ):
        shop.refunds.create(
            sale, payout, amount, provider=ProviderName.ECOMMPAY_GATE,
            account_number="081234567890", customer_name="Ani", approved_by="Manajer",
            reason="=bad", now=local("2026-11-21T18:00"), invoice_number=invoice,
        )  # fmt: skip
        if status is not None:
            shop.refunds.settle(payout, status, now=local("2026-11-21T18:05"), result={"k": SECRET})
    return shop


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def plain(cell: str) -> str:
    """A cell as it was before neutralisation."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS else cell


def local_parts(utc_text: str, zone: ZoneInfo = JAKARTA) -> tuple[str, str]:
    moment = datetime.strptime(utc_text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    moment = moment.astimezone(zone)
    return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M:%S")


def expected_sale_rows(db: Database, day: date) -> list[dict[str, str]]:
    """Completed sales and counted refunds of ``day``, read with SQL of the test's own."""
    rows = []
    for row in db.execute(
        "SELECT s.id, s.business_date, s.invoice_number, s.completed_at, s.terminal_id, "
        "s.cashier, s.tender, s.provider, s.payment_reference, s.total, s.cash_received, "
        "s.change_due, (SELECT state FROM payment_attempts p WHERE p.invoice_number = "
        "s.invoice_number), s.receipt_number"
        " FROM sales s WHERE s.status = 'completed' AND s.business_date = ? ORDER BY s.id",
        [day.isoformat()],
    ).fetchall():
        sale_id, business, invoice, done, terminal, cashier, tender, provider, ref = row[:9]
        total, received, change, state, receipt = row[9:]
        lines = db.execute(
            "SELECT count(*), sum(quantity), sum(discount), sum(dpp), "
            "sum(CASE WHEN tax_rate IS NOT NULL THEN ppn END), group_concat(DISTINCT tax_rate) "
            "FROM sale_lines WHERE sale_id = ?",
            [sale_id],
        ).fetchone()
        rate = "" if lines[5] is None or "," in str(lines[5]) else f"{lines[5] / 100:g}"
        rows.append(
            {
                "business_date": business, "record_type": "sale", "sale_id": str(sale_id),
                "receipt_number": receipt, "invoice_number": invoice or "", "terminal": terminal,
                "cashier": cashier, "tender": tender, "provider": provider or "",
                "payment_status": "paid" if tender == "cash" else state,
                "provider_reference": ref or "", "lines": str(lines[0]), "items": str(lines[1]),
                "total": str(total), "cash_received": "" if received is None else str(received),
                "change_due": "" if change is None else str(change), "_at": done,
                "discount": str(lines[2]), "dpp": "" if lines[3] is None else str(lines[3]),
                "ppn": "" if lines[4] is None else str(lines[4]), "tax_rate": rate,
                "return_number": "",
            }
        )  # fmt: skip
    for sale_id, payout, done, amount, provider, ref, by, terminal, receipt in db.execute(
        "SELECT r.sale_id, r.payout_id, r.completed_at, r.amount, r.provider, r.reference, "
        "r.approved_by, (SELECT terminal_id FROM sales WHERE id = r.sale_id), "
        "(SELECT receipt_number FROM sales WHERE id = r.sale_id) FROM refunds r "
        "WHERE r.status = 'paid' AND r.business_date = ? "
        "AND r.sale_id IN (SELECT id FROM sales WHERE status = 'completed') "
        "AND (r.invoice_number IS NULL "
        "     OR r.invoice_number NOT IN (SELECT invoice_number FROM payment_attempts WHERE late))"
        " ORDER BY r.id",
        [day.isoformat()],
    ):
        rows.append(
            {
                "business_date": day.isoformat(), "record_type": "refund",
                "sale_id": str(sale_id), "receipt_number": receipt, "invoice_number": payout,
                "terminal": terminal,
                "cashier": by, "tender": "payout", "provider": provider, "payment_status": "paid",
                "provider_reference": ref or "", "lines": "", "items": "",
                "total": str(-amount), "cash_received": "", "change_due": "", "_at": done,
                "discount": "", "dpp": "", "ppn": "", "tax_rate": "", "return_number": "",
            }
        )  # fmt: skip
    for row in rows:
        row["local_date"], row["local_time"] = local_parts(row.pop("_at"))
    return rows


def test_the_sales_file_holds_what_the_database_holds(mixed: Shop, tmp_path: Path) -> None:
    out = tmp_path / "sales.csv"
    summary = export_sales(mixed.db, out, first_day=D, kind=ExportKind.SALES, tz=JAKARTA)

    raw = out.read_bytes()
    assert raw.startswith(",".join(SALE_COLUMNS).encode() + b"\r\n")
    got = [{key: plain(value) for key, value in row.items()} for row in read_csv(out)]
    assert got == expected_sale_rows(mixed.db, D)
    assert [row["record_type"] for row in got].count("refund") == 1  # paid, of a completed sale
    assert (summary.rows, summary.sales, summary.refunds) == (len(got), len(got) - 1, 1)
    assert summary.total == sum(int(row["total"]) for row in got)


def test_the_lines_file_holds_every_line_of_every_counted_sale(mixed: Shop, tmp_path: Path) -> None:
    out = tmp_path / "lines.csv"
    export_sales(mixed.db, out, first_day=D, tz=JAKARTA)
    got = read_csv(out)
    assert list(got[0]) == list(LINE_COLUMNS)

    expected = mixed.db.execute(
        "SELECT s.id, l.line_no, l.sku, l.name, l.quantity, l.unit_price, l.amount "
        "FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
        "WHERE s.status = 'completed' AND s.business_date = ? ORDER BY s.id, l.line_no",
        [D.isoformat()],
    ).fetchall()
    sales = {
        row["sale_id"]: row
        for row in expected_sale_rows(mixed.db, D)
        if row["record_type"] == "sale"
    }
    line_rows = [row for row in got if row["record_type"] == "sale"]
    assert [
        (int(r["sale_id"]), int(r["line_no"]), plain(r["sku"]), plain(r["name"]),
         int(r["quantity"]), int(r["unit_price"]), int(r["line_total"]))
        for r in line_rows
    ] == expected  # fmt: skip
    for row in line_rows:
        shared = {key: plain(value) for key, value in row.items() if key in sales[row["sale_id"]]}
        assert shared == {key: sales[row["sale_id"]][key] for key in shared}
    (refund,) = [row for row in got if row["record_type"] == "refund"]
    assert (refund["invoice_number"], refund["quantity"], refund["unit_price"]) == (
        "PO-1",
        "1",
        "-5000",
    )
    assert refund["line_total"] == "-5000"


@pytest.mark.parametrize(
    ("when", "business_date"),
    [
        ("2026-11-20T23:59:00", "2026-11-20"),
        ("2026-11-21T00:01:00", "2026-11-20"),
        ("2026-11-21T03:59:59", "2026-11-20"),
        ("2026-11-21T04:00:00", "2026-11-21"),
        ("2026-11-21T04:01:00", "2026-11-21"),
        ("2026-11-21T23:59:00", "2026-11-21"),
        ("2026-11-22T00:01:00", "2026-11-21"),
        ("2026-11-22T03:59:00", "2026-11-21"),
        ("2026-11-22T04:00:00", "2026-11-22"),
    ],
)
def test_the_business_date_follows_the_cutoff_in_the_shop_time_zone(
    db: Database, tmp_path: Path, when: str, business_date: str
) -> None:
    sale_id = Shop(db).cash(when)
    out = tmp_path / "day.csv"
    export_sales(db, out, first_day=date(2026, 11, 19), last_day=date(2026, 11, 23), tz=JAKARTA)
    rows = read_csv(out)
    assert {row["sale_id"] for row in rows} == {str(sale_id)}
    assert {(row["business_date"], row["local_date"], row["local_time"]) for row in rows} == {
        (business_date, when[:10], when[11:19])
    }


def test_local_times_follow_the_time_zone_given(db: Database, tmp_path: Path) -> None:
    Shop(db).cash("2026-11-21T23:30:00")  # Jakarta; Makassar is an hour ahead
    out = tmp_path / "wita.csv"
    export_sales(db, out, first_day=D, tz=ZoneInfo("Asia/Makassar"))
    assert {(r["business_date"], r["local_date"], r["local_time"]) for r in read_csv(out)} == {
        ("2026-11-21", "2026-11-22", "00:30:00")
    }


def test_formula_cells_are_neutralised_and_numbers_stay_numbers(
    mixed: Shop, tmp_path: Path
) -> None:
    out = tmp_path / "lines.csv"
    export_sales(mixed.db, out, first_day=D, tz=JAKARTA)
    rows = read_csv(out)
    numbers = {"sale_id", "line_no", "quantity", "unit_price", "line_total"}
    for row in rows:
        for column, value in row.items():
            assert column in numbers or value[:1] not in FORMULA_STARTS, (column, value)
    names = {row["name"] for row in rows}
    assert {
        "'=1+1",
        "'-Diskon member",
        "'@SUM(A1:A9)",
        "'+62 812 555",
        "'\tTab",
        "'\rReturn",
    } <= names
    assert 'Kopi "Kapal Api", 1 kg\nbaris 2' in names  # quoted by RFC 4180, not altered
    assert {row["cashier"] for row in rows if row["sku"] == '\'=HYPERLINK("http://x")'} == {
        "'=cmd|' /C calc'!A0"
    }
    (refund,) = [row for row in rows if row["record_type"] == "refund"]
    assert int(refund["line_total"]) == -5000  # a negative amount is a number, not a formula
    assert b"'-5000" not in out.read_bytes()


def test_a_number_column_never_carries_text(db: Database, tmp_path: Path) -> None:
    sale_id = Shop(db).cash("2026-11-21T10:00:00")
    db.execute(
        "UPDATE sale_lines SET line_no = '=2+5' WHERE sale_id = ? AND line_no = 2", [sale_id]
    )
    db.conn.commit()
    export_sales(db, tmp_path / "x.csv", first_day=D)
    assert [row["line_no"] for row in read_csv(tmp_path / "x.csv")] == ["1", "0"]


def test_lines_sales_and_z_report_agree_rupiah_for_rupiah(mixed: Shop, tmp_path: Path) -> None:
    lines = export_sales(mixed.db, tmp_path / "l.csv", first_day=D, tz=JAKARTA)
    sales = export_sales(mixed.db, tmp_path / "s.csv", first_day=D, kind="sales", tz=JAKARTA)
    line_sum = sum(int(row["line_total"]) for row in read_csv(tmp_path / "l.csv"))
    sale_sum = sum(int(row["total"]) for row in read_csv(tmp_path / "s.csv"))
    report = build_z_report(mixed.db, D, day=DAY)

    assert line_sum == sale_sum == report.net_total == lines.total == sales.total
    assert report.refunds_total == 5000 and report.late_refunds_total == 24000
    assert [p.amount for p in report.late_payments] == [12000, 12000]
    assert report.sales_count == sales.sales
    assert report.net_total == report.sales_total - 5000


def test_count_rows_predicts_the_rows_written(mixed: Shop, tmp_path: Path) -> None:
    for kind in ExportKind:
        summary = export_sales(
            mixed.db, tmp_path / "x.csv", first_day=D, last_day=D + timedelta(1), kind=kind
        )
        assert count_rows(mixed.db, D, D + timedelta(1), kind) == summary.rows


def test_a_range_lists_its_days_in_order(mixed: Shop, tmp_path: Path) -> None:
    out = tmp_path / "range.csv"
    export_sales(
        mixed.db, out, first_day=date(2026, 11, 20), last_day=date(2026, 11, 22), kind="sales"
    )
    days = [row["business_date"] for row in read_csv(out)]
    assert days == sorted(days) and set(days) == {"2026-11-20", "2026-11-21", "2026-11-22"}


def test_secrets_never_reach_the_files(mixed: Shop, tmp_path: Path) -> None:
    for kind in ExportKind:
        export_sales(mixed.db, tmp_path / f"{kind}.csv", first_day=D, kind=kind)
        text = (tmp_path / f"{kind}.csv").read_text(encoding="utf-8")
        assert SECRET not in text and "081234567890" not in text and "token=" not in text


def test_a_cancelled_export_leaves_no_file_and_the_old_one_intact(
    mixed: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sales_csv, "PROGRESS_EVERY", 3)
    out = tmp_path / "export.csv"
    out.write_text("yesterday's file\n")
    seen: list[int] = []
    with pytest.raises(ExportCancelled):
        export_sales(
            mixed.db, out, first_day=D, progress=seen.append, cancelled=lambda: len(seen) >= 2
        )
    assert seen == [3, 6]
    assert out.read_text() == "yesterday's file\n"
    assert sorted(os.listdir(tmp_path)) == [
        "export.csv",
        "kasir.db",
        "kasir.db-shm",
        "kasir.db-wal",
    ]


def test_sales_made_during_an_export_are_wholly_out_of_it(
    mixed: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sales_csv, "PROGRESS_EVERY", 3)
    other = open_database(tmp_path / "kasir.db")  # the terminal, selling on while we export
    before = count_rows(mixed.db, D, D + timedelta(1))

    def sell(rows: int) -> None:
        if rows == 3:
            Shop(other).cash("2026-11-22T10:00:00")

    try:
        summary = export_sales(
            mixed.db, tmp_path / "x.csv", first_day=D, last_day=D + timedelta(1), progress=sell
        )
    finally:
        other.close()
    assert summary.rows == before == len(read_csv(tmp_path / "x.csv"))
    assert count_rows(mixed.db, D, D + timedelta(1)) == before + len(LINES)


def test_a_failing_row_leaves_no_file(mixed: Shop, tmp_path: Path) -> None:
    mixed.db.execute("UPDATE sales SET completed_at = 'garbage' WHERE id = 4")
    mixed.db.conn.commit()
    out = tmp_path / "broken.csv"
    with pytest.raises(StoreError, match="sale 4"):
        export_sales(mixed.db, out, first_day=D)
    assert not out.exists()
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]


def test_bad_ranges_and_folders_are_refused_with_their_reason(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"ends \(2026-11-20\) before it starts \(2026-11-21\)"):
        export_sales(db, tmp_path / "x.csv", first_day=D, last_day=date(2026, 11, 20))
    with pytest.raises(OutputError, match="does not exist"):
        export_sales(db, tmp_path / "missing" / "x.csv", first_day=D)
    with pytest.raises(OutputError, match="is a folder"):
        export_sales(db, tmp_path, first_day=D)
    assert not list(tmp_path.glob("*.csv")) and not list(tmp_path.glob(".*.tmp"))


def returned_at_once(db: Database) -> None:
    """Two cash returns of one sale in the same clock second, the second's line after the
    first's: apart from their numbers, their rows say the same."""
    sale_id = Shop(db).cash("2026-11-21T09:00:00")
    for line_no, microsecond in ((1, 100_000), (2, 600_000)):
        Returns(db, DAY).record(
            sale_id, {line_no: 1}, method=ReturnMethod.CASH, terminal_id="T1", cashier="Sari",
            approved_by="Dewi", now=local("2026-11-21T10:00:00").replace(microsecond=microsecond),
        )  # fmt: skip


def test_two_returns_in_one_second_are_two_in_the_lines_file_and_the_shops(
    db: Database, tmp_path: Path
) -> None:
    """Each return row has its return number, so the lines file tells the two apart; it took
    them for one return of two lines."""
    returned_at_once(db)
    own = tmp_path / "lines.csv"
    summary = export_sales(db, own, first_day=D, kind=ExportKind.LINES, tz=JAKARTA)
    till = TillDayFiles("T1", {FileKind.LINES: own.read_text(encoding="utf-8")})
    shop = write_shop_file([till], tmp_path / "shop.csv", (FileKind.LINES,)).parts[0]

    numbers = [row[RETURN_NUMBER] for row in read_csv(own) if row["record_type"] == "return"]
    assert numbers == ["T1-20261121-R0001", "T1-20261121-R0002"]
    assert isinstance(shop, sales_csv.ExportSummary)
    assert summary.returns == shop.returns == 2


def test_a_day_some_tills_uploaded_before_returns_had_numbers_makes_one_shop_file(
    db: Database, tmp_path: Path
) -> None:
    """T1 uploaded the day before the upgrade (its file without ``return_number``), T2 after:
    the shop's file has the new column, empty on T1's rows, and adds up to both tills'. It
    was refused as from tills on two Kasir versions."""
    returned_at_once(db)
    path = tmp_path / "sales.csv"
    total = export_sales(db, path, first_day=D, kind=ExportKind.SALES, tz=JAKARTA).total
    text = path.read_text(encoding="utf-8")
    header, rows = read_rows(text)
    assert header[-1] == RETURN_NUMBER
    before = io.StringIO()
    csv.writer(before, lineterminator="\r\n").writerows(row[:-1] for row in [header, *rows])
    files = [
        TillDayFiles("T1", {FileKind.SALES: before.getvalue()}),
        TillDayFiles("T2", {FileKind.SALES: text}),
    ]
    target = tmp_path / "shop.csv"
    shop = write_shop_file(files, target, (FileKind.SALES,)).parts[0]

    written = read_csv(target)
    assert list(written[0]) == list(SALE_COLUMNS)
    numbers = [row[RETURN_NUMBER] for row in written if row["record_type"] == "return"]
    assert numbers == ["", "", "T1-20261121-R0001", "T1-20261121-R0002"]
    assert isinstance(shop, sales_csv.ExportSummary)
    assert (shop.total, shop.returns) == (2 * total, 4)
