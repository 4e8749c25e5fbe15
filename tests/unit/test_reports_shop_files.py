"""The shop's file of a day, made from two tills' own files as the relay holds them: the same
columns, every till's rows, and totals that are the sums of the tills' to the rupiah."""

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.reports.accountant_files import (
    FileFormat,
    FileKind,
    FileRequest,
    Part,
    write_files,
)
from pos_app.reports.output_files import OutputError
from pos_app.reports.payments_csv import PAYMENT_COLUMNS, PaymentsSummary
from pos_app.reports.sales_csv import LINE_COLUMNS, PPN_BASIS, SALE_COLUMNS, ExportSummary
from pos_app.reports.shop_files import TillDayFiles, read_rows, write_shop_file
from pos_app.store.database import open_database
from pos_app.store.payment_records import EventSource
from pos_app.store.returns import Returns
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.uploads import build_day_upload
from tests.unit.test_reports_sales_csv import DAY, NASTY, D, Shop, local


def till_files(folder: Path, till_id: str, sales: int) -> tuple[TillDayFiles, dict[FileKind, Part]]:
    """A till's day (``sales`` cash sales, a QR sale and its refund, a QR sale refunded at the
    provider) as the till uploads it to the relay, and the summaries of its own files for the
    accountant (at their ``path``); its receipt, invoice and payout numbers are the till's own,
    as the relay requires (:class:`Shop` sells as T1)."""
    store = TerminalStore(folder / f"{till_id}.db", DAY)
    db = store.repositories().db
    shop = Shop(db)
    shop.cash("2026-11-21T09:00:00")
    for hour in range(1, sales):
        shop.cash(f"2026-11-21T{9 + hour:02}:00:00", NASTY)
    refunded, _ = shop.qr("2026-11-21T17:00:00", provider=ProviderName.DOKU)
    payout = f"RFD-{till_id}-0a1b2c"
    shop.refunds.create(
        refunded, payout, 2000, provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890", customer_name="Ani", approved_by="Dewi",
        now=local("2026-11-21T18:00:00"),
    )  # fmt: skip
    shop.refunds.settle(payout, RefundStatus.PAID, now=local("2026-11-21T18:01:00"))
    _, at_provider = shop.qr("2026-11-21T19:00:00", provider=ProviderName.DOKU)
    shop.payments.record_status(
        at_provider, PaymentStatus.REFUNDED, source=EventSource.RELAY,
        now=local("2026-11-21T20:00:00"),
    )  # fmt: skip
    with db.conn:
        db.execute("UPDATE sales SET terminal_id = ?", [till_id])

    def own(text: str) -> str:
        return text.replace(f"T1-{D:%Y%m%d}-", f"{till_id}-{D:%Y%m%d}-")

    parts: dict[FileKind, Part] = {}
    for kind in FileKind:
        path = folder / f"{till_id}-{kind.value}.csv"
        parts[kind] = write_files(db, path, FileRequest((kind,), D), day=DAY).parts[0]
        path.write_bytes(own(path.read_bytes().decode("utf-8")).encode("utf-8"))
    uploaded = build_day_upload(store, till_id, D).files
    store.close()
    return TillDayFiles(till_id, {kind: own(text) for kind, text in uploaded.items()}), parts


@pytest.fixture
def tills(tmp_path: Path) -> Iterator[tuple[list[TillDayFiles], list[dict[FileKind, Part]]]]:
    """Two tills' days, given out of till id order."""
    second, second_parts = till_files(tmp_path, "T2", 3)
    first, first_parts = till_files(tmp_path, "T1", 2)
    yield [second, first], [first_parts, second_parts]


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(text.splitlines()))


def test_the_shop_csv_is_the_header_once_then_each_tills_rows_in_till_order(
    tills: tuple[list[TillDayFiles], list[dict[FileKind, Part]]], tmp_path: Path
) -> None:
    """A till uploads its lines without the ``ppn_basis`` of its own file for the accountant; the
    shop's file has it, and holds each till's own file's rows as they are."""
    days, parts = tills
    target = tmp_path / "shop-lines.csv"
    write_shop_file(days, target, (FileKind.LINES,))

    rows = rows_of(target.read_text(encoding="utf-8"))
    first, second = (rows_of(till[FileKind.LINES].path.read_text("utf-8")) for till in parts)
    assert [rows_of(till.files[FileKind.LINES])[0] for till in days] == [list(LINE_COLUMNS)] * 2
    assert rows[0] == first[0] == [*LINE_COLUMNS, PPN_BASIS]
    assert rows[1:] == first[1:] + second[1:]
    assert {row[LINE_COLUMNS.index("terminal")] for row in rows[1:]} == {"T1", "T2"}


def test_the_shop_totals_are_the_sum_of_the_tills_to_the_rupiah(
    tills: tuple[list[TillDayFiles], list[dict[FileKind, Part]]], tmp_path: Path
) -> None:
    days, parts = tills
    for kind in FileKind:
        written = write_shop_file(days, tmp_path / f"shop-{kind.value}.csv", (kind,))
        shop_part = written.parts[0]
        own = [till[kind] for till in parts]
        if isinstance(shop_part, PaymentsSummary):
            assert all(isinstance(part, PaymentsSummary) for part in own)
            assert shop_part.provider_refunds == 2
            for field in (
                "rows",
                "payments",
                "payouts",
                "provider_refunds",
                "received",
                "paid_out",
            ):
                assert getattr(shop_part, field) == sum(getattr(part, field) for part in own)
        else:
            assert isinstance(shop_part, ExportSummary)
            for field in ("rows", "sales", "refunds", "total", "returns"):
                assert getattr(shop_part, field) == sum(getattr(part, field) for part in own)
            assert shop_part.total != 0


def test_the_payments_file_gains_the_terminal_of_each_row(
    tills: tuple[list[TillDayFiles], list[dict[FileKind, Part]]], tmp_path: Path
) -> None:
    days, _ = tills
    target = tmp_path / "shop-payments.csv"
    write_shop_file(days, target, (FileKind.PAYMENTS,))

    rows = rows_of(target.read_text(encoding="utf-8"))
    assert rows[0] == [*PAYMENT_COLUMNS, "terminal"]
    assert [row[-1] for row in rows[1:]] == sorted(row[-1] for row in rows[1:])
    assert {row[-1] for row in rows[1:]} == {"T1", "T2"}


def test_the_shop_workbook_has_numbers_as_numbers(
    tills: tuple[list[TillDayFiles], list[dict[FileKind, Part]]], tmp_path: Path
) -> None:
    days, parts = tills
    target = tmp_path / "shop.xlsx"
    write_shop_file(days, target, tuple(FileKind), FileFormat.XLSX)

    sheet = openpyxl.load_workbook(target)["lines"]
    header = [cell.value for cell in sheet[1]]
    totals = [
        row[header.index("line_total")] for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert all(isinstance(total, int) for total in totals)
    expected = sum(till[FileKind.LINES].total for till in parts)  # type: ignore[union-attr]
    assert sum(totals) == expected


def test_a_till_with_other_columns_is_a_clear_error_and_no_file(
    tills: tuple[list[TillDayFiles], list[dict[FileKind, Part]]], tmp_path: Path
) -> None:
    days, _ = tills
    text = days[0].files[FileKind.SALES]
    newer = TillDayFiles("T3", {FileKind.SALES: text.replace("cashier,", "cashier,shift,", 1)})
    target = tmp_path / "shop-sales.csv"

    with pytest.raises(ValidationError, match=r"T3.*other columns"):
        write_shop_file([*days, newer], target, (FileKind.SALES,))
    assert not target.exists()


def test_an_amount_that_is_not_whole_rupiah_is_refused(
    tills: tuple[list[TillDayFiles], list[dict[FileKind, Part]]], tmp_path: Path
) -> None:
    days, _ = tills
    header, *rows = rows_of(days[0].files[FileKind.SALES])
    rows[0][header.index("total")] = "12.5"
    text = "\r\n".join(",".join(row) for row in [header, rows[0]]) + "\r\n"

    with pytest.raises(ValidationError, match="not whole rupiah"):
        write_shop_file(
            [TillDayFiles("T1", {FileKind.SALES: text})], tmp_path / "s.csv", ("sales",)
        )


def sales_with(till: TillDayFiles, **cells: str) -> TillDayFiles:
    """The till's sales file with these cells of its first sale changed, as no till writes them."""
    header, rows = read_rows(till.files[FileKind.SALES])
    for column, text in cells.items():
        rows[0][header.index(column)] = text
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows([header, *rows])
    return TillDayFiles(till.till_id, {FileKind.SALES: text.getvalue()})


def test_a_cell_excel_cannot_hold_is_a_clear_error_and_no_workbook(
    tills: tuple[list[TillDayFiles], list[dict[FileKind, Part]]], tmp_path: Path
) -> None:
    days, _ = tills
    target = tmp_path / "shop.xlsx"
    for column, text in (
        ("tax_rate", "nan"),
        ("tax_rate", "1e999"),
        ("local_time", "10:00:00+07:00"),
        ("local_date", "2026-11-21T10:00:00+07:00"),
    ):
        cell = re.escape(f"{column} '{text}' in row 2 of sheet sales is not a value Excel can hold")
        sent = sales_with(days[0], **{column: text})
        with pytest.raises(OutputError, match=cell):
            write_shop_file([sent], target, (FileKind.SALES,), FileFormat.XLSX)
        assert not target.exists()


def test_the_shop_file_neutralises_text_cells_once_and_leaves_numbers_dates_and_times(
    tills: tuple[list[TillDayFiles], list[dict[FileKind, Part]]], tmp_path: Path
) -> None:
    days, _ = tills
    sent = sales_with(
        days[0], cashier="=cmd|' /C calc'!A0", provider="'@SUM(A1)", local_date="-1", total="-2000"
    )
    target = tmp_path / "shop-sales.csv"
    write_shop_file([sent], target, (FileKind.SALES,))

    header, rows = read_rows(target.read_text(encoding="utf-8"))
    first = dict(zip(header, rows[0], strict=True))
    assert first["cashier"] == "'=cmd|' /C calc'!A0"
    assert first["provider"] == "'@SUM(A1)"  # neutralised by the till already: not twice
    assert first["local_date"] == "'-1"  # no date: text, and neutralised as such
    assert (first["total"], first["local_time"]) == ("-2000", "09:00:00")
    assert rows[1:] == read_rows(sent.files[FileKind.SALES])[1][1:]
    assert header == list(SALE_COLUMNS)


def test_two_returns_of_a_sale_in_one_second_are_two_in_the_shops_sales_file(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path / "T1.db")
    shop = Shop(db)
    sale_id = shop.cash("2026-11-21T09:00:00")
    for microsecond in (100_000, 600_000):
        Returns(db, DAY).record(
            sale_id,
            {1: 1},
            method=ReturnMethod.CASH,
            terminal_id="T1",
            cashier="Sari",
            approved_by="Dewi",
            now=local("2026-11-21T10:00:00").replace(microsecond=microsecond),
        )
    path = tmp_path / "T1-sales.csv"
    own = write_files(db, path, FileRequest((FileKind.SALES,), D), day=DAY).parts[0]
    db.close()
    till = TillDayFiles("T1", {FileKind.SALES: path.read_text(encoding="utf-8")})

    shop_part = write_shop_file([till], tmp_path / "shop.csv", (FileKind.SALES,)).parts[0]

    assert isinstance(own, ExportSummary) and isinstance(shop_part, ExportSummary)
    assert own.returns == shop_part.returns == 2


def test_a_payment_in_sen_adds_no_rupiah_to_what_the_shop_received(
    tills: tuple[list[TillDayFiles], list[dict[FileKind, Part]]], tmp_path: Path
) -> None:
    """A till's payments file keeps a report in sen as sent (``IDR/minor``); the shop's total
    of rupiah received counts it as the till's own export does: not at all."""
    days, _ = tills
    header, rows = read_rows(days[0].files[FileKind.PAYMENTS])
    paid, _ = [row for row in rows if row[header.index("record_type")] == "payment"]
    in_sen = list(paid)
    in_sen[header.index("invoice_number")] += "-SEN"
    in_sen[header.index("paid_amount")] = str(int(paid[header.index("paid_amount")]) * 100 + 50)
    in_sen[header.index("currency")] = "IDR/minor"
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows([header, paid, in_sen])
    till = TillDayFiles(days[0].till_id, {FileKind.PAYMENTS: text.getvalue()})

    written = write_shop_file([till], tmp_path / "shop.csv", (FileKind.PAYMENTS,))

    summary = written.parts[0]
    assert isinstance(summary, PaymentsSummary)
    assert (summary.payments, summary.received) == (2, int(paid[header.index("paid_amount")]))
