"""The relay's schema step for shops and uploaded days, on SQLite and PostgreSQL: a database of
schema 3 keeps its terminals, each in the shop ``default``, and gains the table of till days."""

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
