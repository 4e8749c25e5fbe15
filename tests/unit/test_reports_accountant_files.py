"""The workbook and the CSV for Indonesian Excel, read back with openpyxl and the csv module and
compared with the plain CSV files they are made from."""

import csv
from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path

import openpyxl
import pytest

from pos_app.domain.csv_cells import restore
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import RefundStatus
from pos_app.payments.model import ProviderName
from pos_app.reports import workbook
from pos_app.reports.accountant_files import FileFormat, FileKind, FileRequest, write_files
from pos_app.reports.excel_csv import write_excel_id_csv
from pos_app.reports.export_progress import RowCounter
from pos_app.reports.payments_csv import PAYMENT_COLUMNS
from pos_app.reports.sales_csv import LINE_COLUMNS, PPN_BASIS, SALE_COLUMNS, ExportCancelled
from pos_app.store.database import open_database
from tests.unit.test_reports_sales_csv import DAY, NASTY, D, Shop, local

WORKBOOK = FileRequest(tuple(FileKind), D, file_format=FileFormat.XLSX)


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Shop]:
    """Cash sales (one with names a spreadsheet would run), QR sales, a late payment, a refund."""
    db = open_database(tmp_path / "kasir.db")
    shop = Shop(db)
    shop.cash("2026-11-21T09:00:00")
    shop.cash("2026-11-21T10:00:00", NASTY, cashier="=cmd|' /C calc'!A0")
    refunded, _ = shop.qr("2026-11-21T12:00:00")
    shop.qr("2026-11-21T13:00:00")
    shop.qr("2026-11-21T15:00:00", complete=False)
    shop.refunds.create(
        refunded, "PO-1", 2000, provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890", customer_name="Ani", approved_by="Dewi",
        now=local("2026-11-21T16:00:00"),
    )  # fmt: skip
    shop.refunds.settle("PO-1", RefundStatus.PAID, now=local("2026-11-21T16:01:00"))
    yield shop
    db.close()


def csv_rows(path: Path, **options: str) -> list[list[str]]:
    with path.open(encoding=options.pop("encoding", "utf-8"), newline="") as handle:
        return list(csv.reader(handle, **options))


def plain(kind: FileKind, shop: Shop, folder: Path) -> list[list[str]]:
    path = folder / f"{kind.value}.csv"
    write_files(shop.db, path, FileRequest((kind,), D), day=DAY)
    return csv_rows(path)


def as_csv_text(value: object) -> str:
    """A workbook cell as the CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, time):
        return value.isoformat()
    return str(value).replace("_x000D_", "\r")  # OOXML's escape, which openpyxl leaves as it is


def test_the_workbook_has_a_sheet_per_kind_with_the_csv_rows_typed(
    shop: Shop, tmp_path: Path
) -> None:
    target = tmp_path / "kasir.xlsx"
    written = write_files(shop.db, target, WORKBOOK, day=DAY)

    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["lines", "sales", "payments"]
    headers = ((*LINE_COLUMNS, PPN_BASIS), SALE_COLUMNS, PAYMENT_COLUMNS)
    for kind, columns in zip(FileKind, headers, strict=True):
        sheet = book[kind.value]
        expected = plain(kind, shop, tmp_path)
        got = [[as_csv_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
        assert got[0] == list(columns)
        assert got == [[restore(text) for text in row] for row in expected]  # no apostrophe
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(columns)).column_letter}{len(got)}"
    assert [part.rows for part in written.parts] == [
        len(plain(kind, shop, tmp_path)) - 1 for kind in FileKind
    ]

    lines = book["lines"]
    header = [cell.value for cell in lines[1]]
    row = [cell for cell in lines[2]]
    assert row[header.index("business_date")].is_date
    assert isinstance(row[header.index("local_time")].value, time)
    assert isinstance(row[header.index("line_total")].value, int)
    assert row[header.index("line_total")].number_format == "#,##0"
    assert lines.column_dimensions["N"].width > len("name")  # sized to the product names
    formula_like = [c for r in lines.iter_rows(min_row=2) for c in r if c.value == "=1+1"]
    assert [cell.data_type for cell in formula_like] == ["s"]  # text, never a formula


def test_the_workbook_totals_match_the_csv_files(shop: Shop, tmp_path: Path) -> None:
    target = tmp_path / "kasir.xlsx"
    write_files(shop.db, target, WORKBOOK, day=DAY)
    book = openpyxl.load_workbook(target, read_only=True)

    def total(rows: list[list[object]], column: str) -> int:
        index = rows[0].index(column)
        return sum(int(row[index] or 0) for row in rows[1:])  # type: ignore[call-overload]

    for kind, column in (
        (FileKind.LINES, "line_total"),
        (FileKind.SALES, "total"),
        (FileKind.PAYMENTS, "paid_amount"),
    ):
        sheet = [list(row) for row in book[kind.value].iter_rows(values_only=True)]
        from_csv = plain(kind, shop, tmp_path)
        assert total(sheet, column) == total(from_csv, column) != 0  # type: ignore[arg-type]
    book.close()


def test_the_csv_for_indonesian_excel_has_a_bom_semicolons_and_the_same_rows(
    shop: Shop, tmp_path: Path
) -> None:
    target = tmp_path / "sales-id.csv"
    write_files(shop.db, target, FileRequest((FileKind.SALES,), D, excel_id=True), day=DAY)

    assert target.read_bytes().startswith(b"\xef\xbb\xbfbusiness_date;record_type;sale_id;")
    assert csv_rows(target, encoding="utf-8-sig", delimiter=";") == plain(
        FileKind.SALES, shop, tmp_path
    )


def test_a_decimal_gets_a_decimal_comma_and_a_semicolon_is_quoted(tmp_path: Path) -> None:
    source = tmp_path / "kasir.csv"
    source.write_text('tax_rate,name,total\r\n1.1,"Kopi; susu, 1 kg",12500\r\n12,\'=1+1,-5000\r\n')
    target = tmp_path / "excel.csv"

    write_excel_id_csv(source, target, RowCounter())

    assert target.read_bytes().decode("utf-8-sig") == (
        'tax_rate;name;total\r\n1,1;"Kopi; susu, 1 kg";12500\r\n12;\'=1+1;-5000\r\n'
    )


def test_a_cancelled_workbook_leaves_no_file(shop: Shop, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("pos_app.reports.export_progress.PROGRESS_EVERY", 1)
    target = tmp_path / "kasir.xlsx"
    with pytest.raises(ExportCancelled):
        write_files(shop.db, target, WORKBOOK, day=DAY, cancelled=lambda: True)
    assert [path.name for path in tmp_path.iterdir() if "xlsx" in path.name] == []


def test_more_rows_than_a_sheet_holds_are_refused_and_leave_no_file(
    shop: Shop, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(workbook, "MAX_ROWS", 4)
    target = tmp_path / "kasir.xlsx"
    with pytest.raises(ValidationError, match="lines: more than 3 rows do not fit"):
        write_files(shop.db, target, WORKBOOK, day=DAY)
    assert not target.exists()


def test_a_csv_file_holds_one_kind_and_a_workbook_needs_no_csv_option() -> None:
    with pytest.raises(ValidationError, match="one kind of rows"):
        FileRequest((FileKind.LINES, FileKind.SALES), D)
    with pytest.raises(ValidationError, match="needs no CSV option"):
        FileRequest((FileKind.LINES,), D, file_format=FileFormat.XLSX, excel_id=True)
