"""The relay's schema step for shops and uploaded days, on SQLite and PostgreSQL: a database of
schema 3 keeps its terminals, each in the shop ``default``, and gains the table of till days; and
how a restored till's day joins the part the relay kept of it."""

from pathlib import Path

from pos_app.relay import auth, schema, storage, till_days
from pos_app.reports.accountant_files import FileKind


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


def csv_text(*rows: str) -> str:
    return "".join(f"{row}\r\n" for row in rows)


def test_a_kept_part_of_an_older_relay_joins_the_days_columns_by_name() -> None:
    """The earlier part was kept before an upgrade added ``discount``: its cells go under their
    own columns, the new one empty; of the later rows, those after its last moment that are not
    its payments again."""
    earlier = csv_text(
        "record_type,invoice_number,local_date,local_time,total",
        "sale,,2026-11-21,09:00:00,7000",
        "sale,KSR-T1-20261121-000002,2026-11-21,12:00:00,5000",
    )
    current = csv_text(
        "record_type,invoice_number,local_date,local_time,discount,total",
        "sale,,2026-11-21,09:00:00,0,7000",
        "sale,KSR-T1-20261121-000002,2026-11-21,13:00:00,0,5000",
        "sale,,2026-11-21,13:30:00,500,2500",
    )
    merged = till_days.merged_files(
        (current, current, current, earlier, earlier, earlier, "2026-11-21T12:00:00")
    )
    assert merged[FileKind.SALES] == csv_text(
        "record_type,invoice_number,local_date,local_time,discount,total",
        "sale,,2026-11-21,09:00:00,,7000",
        "sale,KSR-T1-20261121-000002,2026-11-21,12:00:00,,5000",
        "sale,,2026-11-21,13:30:00,500,2500",
    )
    assert till_days.merged_files(
        (current, current, current, None, None, None, None)
    ) == dict.fromkeys(FileKind, current)
