"""The relay's schema step for shops and uploaded days, on SQLite and PostgreSQL: a database of
schema 3 keeps its terminals, each in the shop ``default``, and gains the table of till days; and
how a restored till's day joins the part the relay kept of it."""

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from pos_app.relay import auth, schema, storage, till_days
from pos_app.reports.accountant_files import FileKind
from pos_app.reports.payments_csv import PAYMENT_COLUMNS
from pos_app.reports.sales_csv import LINE_COLUMNS, SALE_COLUMNS
from pos_app.reports.shop_files import read_rows

DAY = "2026-11-21"


def test_a_schema_3_database_puts_its_terminals_in_the_default_shop(
    relay_database: Path | str,
) -> None:
    conn = schema.connect(relay_database)
    conn.begin()
    auth.create_terminal(conn, "T1")
    conn.execute("DROP TABLE till_days")
    conn.execute("ALTER TABLE terminals DROP COLUMN shop")
    conn.set_schema_version(3)
    conn.execute("COMMIT")
    conn.close()

    upgraded = schema.connect(relay_database)
    try:
        assert upgraded.schema_version() == schema.SCHEMA_VERSION
        [terminal] = storage.list_terminals(upgraded)
        assert (terminal.till_id, terminal.shop) == ("T1", storage.DEFAULT_SHOP)
        upgraded.begin()
        day = till_days.TillDay("T1", "2026-11-21", 1, True, 2, dict.fromkeys(FileKind, ""))
        assert till_days.store_day(upgraded, terminal, day).stored
        upgraded.execute("COMMIT")
        assert [t["closed_through"] for t in till_days.shop_uploads(upgraded, "default")] == [
            "2026-11-21"
        ]
    finally:
        upgraded.close()


COLUMNS = {
    FileKind.LINES: LINE_COLUMNS,
    FileKind.SALES: SALE_COLUMNS,
    FileKind.PAYMENTS: PAYMENT_COLUMNS,
}


def text(kind: FileKind, *rows: dict[str, str], columns: Sequence[str] = ()) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns or COLUMNS[kind])
    writer.writerows([row.get(name, "") for name in columns or COLUMNS[kind]] for row in rows)
    return out.getvalue()


def total(csv_text: str, column: str) -> int:
    header, rows = read_rows(csv_text)
    return sum(int(row[header.index(column)] or 0) for row in rows)


def paid(record_type: str, invoice: str, time: str, amount: int) -> dict[str, str]:
    return {
        "record_type": record_type,
        "invoice_number": invoice,
        "amount": str(amount),
        "paid_amount": str(amount),
        "local_date": DAY,
        "local_time": time,
    }


def sale(sale_id: str, time: str, amount: int, receipt: str = "") -> dict[str, str]:
    return {
        "record_type": "sale",
        "sale_id": sale_id,
        "receipt_number": receipt,
        "local_date": DAY,
        "local_time": time,
        "total": str(amount),
    }


def merged(current: dict[FileKind, str], earlier: dict[FileKind, str]) -> dict[FileKind, str]:
    empty = {kind: text(kind) for kind in FileKind}
    return till_days.merged_files(
        [*(files.get(kind, empty[kind]) for files in (current, earlier) for kind in FileKind)]
    )


def test_a_restored_tills_rows_join_the_kept_part_once_each() -> None:
    """The kept part holds the backup's cash sale, a QR payment, its first partial refund and
    a cash sale made after the backup. The restored till holds the backup's sale, hears of the
    payment and the refund again (later), sells again under the lost sale's id, and the provider
    reports a second partial refund of the same payment: each is in the shop's day once."""
    invoice = "KSR-T1-20261121-000002"
    earlier = {
        FileKind.SALES: text(
            FileKind.SALES, sale("1", "09:00:00", 7000), sale("2", "11:00:00", 50_000)
        ),
        FileKind.PAYMENTS: text(
            FileKind.PAYMENTS,
            paid("payment", invoice, "10:00:00", 100_000),
            paid("provider_refund", invoice, "12:00:00", -10_000),
        ),
    }
    current = {
        FileKind.SALES: text(
            FileKind.SALES, sale("1", "09:00:00", 7000), sale("2", "08:15:00", 50_000)
        ),
        FileKind.PAYMENTS: text(
            FileKind.PAYMENTS,
            paid("payment", invoice, "15:00:00", 100_000),
            paid("provider_refund", invoice, "15:00:00", -10_000),
            paid("provider_refund", invoice, "15:10:00", -10_000),
        ),
    }

    files = merged(current, earlier)

    assert total(files[FileKind.SALES], "total") == 7000 + 50_000 + 50_000, (
        "the new sale under a lost sale's id is a sale of its own, even with a clock behind"
    )
    assert total(files[FileKind.PAYMENTS], "paid_amount") == 100_000 - 10_000 - 10_000


def test_a_kept_part_of_an_older_relay_joins_the_days_columns_by_name() -> None:
    """The kept part was written before an upgrade added ``discount``: its cells go under their
    own columns, the new one empty."""
    old = ("record_type", "invoice_number", "sale_id", "local_date", "local_time", "total")
    new = (*old[:-1], "discount", "total")
    files = merged(
        {
            FileKind.SALES: text(
                FileKind.SALES,
                sale("1", "09:00:00", 7000) | {"discount": "0"},
                sale("3", "13:30:00", 2500) | {"discount": "500"},
                columns=new,
            )
        },
        {FileKind.SALES: text(FileKind.SALES, sale("1", "09:00:00", 7000), columns=old)},
    )
    assert files[FileKind.SALES] == text(
        FileKind.SALES,
        sale("1", "09:00:00", 7000),
        sale("3", "13:30:00", 2500) | {"discount": "500"},
        columns=new,
    )


def test_a_renamed_till_keeps_the_kept_part_of_its_days(relay_database: Path | str) -> None:
    conn = schema.connect(relay_database)
    try:
        conn.begin()
        terminal, _ = auth.create_terminal(conn, "T1")
        backup = text(FileKind.SALES, sale("1", "09:00:00", 7000))
        lost = text(FileKind.SALES, sale("1", "09:00:00", 7000), sale("2", "12:00:00", 50_000))

        def day(till_id: str, revision: int, sales: str, base: int | None) -> till_days.TillDay:
            files = {kind: text(kind) for kind in FileKind} | {FileKind.SALES: sales}
            return till_days.TillDay(till_id, DAY, revision, False, 0, files, base)

        till_days.store_day(conn, terminal, day("T1", 5, lost, 4))
        restored = day("T1", 6, backup, 0)  # backed up before the day began
        assert till_days.lacks_held(conn, terminal, restored)
        keep = till_days.earlier_part(conn, terminal, restored)
        assert keep is not None and keep.revision == 5
        assert till_days.store_day(conn, terminal, restored, keep).stored
        assert not till_days.lacks_held(conn, terminal, day("T1", 7, backup, 6))
        storage.set_till_id(conn, "T1", "T7")
        renamed = storage.terminal_by_name(conn, "T1")
        assert renamed is not None
        till_days.store_day(conn, renamed, day("T7", 7, backup, 6))
        [held] = till_days.shop_days(conn, "default", DAY)
        conn.execute("COMMIT")
    finally:
        conn.close()
    assert (held["till_id"], total(held["files"]["sales"], "total")) == ("T7", 57_000)


def test_a_day_restored_twice_keeps_both_parts(relay_database: Path | str) -> None:
    """Restored once at noon and again in the evening from the same morning backup: the second
    kept part is the day as the shop had it, with the first part in it."""
    conn = schema.connect(relay_database)
    try:
        conn.begin()
        terminal, _ = auth.create_terminal(conn, "T1")

        def day(revision: int, base: int, *sales: dict[str, str]) -> till_days.TillDay:
            files = {kind: text(kind) for kind in FileKind}
            files[FileKind.SALES] = text(FileKind.SALES, *sales)
            return till_days.TillDay("T1", DAY, revision, False, 0, files, base)

        def restore(upload: till_days.TillDay) -> None:
            keep = till_days.earlier_part(conn, terminal, upload)
            assert keep is not None
            assert till_days.store_day(conn, terminal, upload, keep).stored

        morning = sale("1", "09:00:00", 7000)
        till_days.store_day(conn, terminal, day(5, 4, morning, sale("2", "11:00:00", 50_000)))
        restore(day(6, 1, morning, sale("3", "13:00:00", 2000)))
        till_days.store_day(conn, terminal, day(7, 6, morning, sale("3", "13:00:00", 2000)))
        restore(day(8, 1, morning, sale("4", "18:00:00", 500)))
        [held] = till_days.shop_days(conn, "default", DAY)
        conn.execute("COMMIT")
    finally:
        conn.close()
    assert total(held["files"]["sales"], "total") == 7000 + 50_000 + 2000 + 500


def test_a_report_handed_again_is_left_out_once_and_the_same_amount_later_counts(
    relay_database: Path | str,
) -> None:
    """The kept part of the 21st holds a refund at the provider that the restored till's own 21st
    lacks. The till hears it again on the 22nd: left out there, the 21st has it. On the 24th the
    provider refunds as much of the same payment again: the shop's 24th has it, where it was
    taken for the report handed again."""
    invoice = "KSR-T1-20261121-000001"
    payment = paid("payment", invoice, "10:00:00", 10_000)
    refund = paid("provider_refund", invoice, "12:00:00", -3000)
    conn = schema.connect(relay_database)
    try:
        conn.begin()
        terminal, _ = auth.create_terminal(conn, "T1")

        def day(date: str, revision: int, base: int, *rows: dict[str, str]) -> till_days.TillDay:
            files = {kind: text(kind) for kind in FileKind}
            files[FileKind.PAYMENTS] = text(FileKind.PAYMENTS, *rows)
            return till_days.TillDay("T1", date, revision, False, 0, files, base)

        till_days.store_day(conn, terminal, day(DAY, 5, 4, payment, refund))
        restored = day(DAY, 6, 1, payment)
        assert till_days.store_day(
            conn, terminal, restored, till_days.earlier_part(conn, terminal, restored)
        ).stored
        other = paid("payment", "KSR-T1-20261123-000002", "10:00:00", 2000)
        for date, rows in (
            ("2026-11-22", [refund]),
            ("2026-11-23", [other]),
            ("2026-11-24", [refund]),
        ):
            till_days.store_day(conn, terminal, day(date, 1, 0, *rows))

        def paid_out(date: str) -> int:
            [held] = till_days.shop_days(conn, "default", date)
            return total(held["files"]["payments"], "paid_amount")

        assert [paid_out(f"2026-11-2{n}") for n in range(1, 5)] == [7000, 0, 2000, -3000]
        conn.execute("COMMIT")
    finally:
        conn.close()
