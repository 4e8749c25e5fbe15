import argparse
import sqlite3
import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.commands import common
from pos_app.domain.errors import ValidationError
from pos_app.settings import paths
from pos_app.store import database
from pos_app.store.database import (
    migrate,
    open_database,
    parse_utc,
    schema_version,
    transaction,
    utc_text,
)
from pos_app.store.errors import SchemaVersionError, StoreError
from pos_app.store.migrations import MIGRATIONS
from pos_app.store.products import Products


def pragma(db: Database, name: str) -> object:
    return db.execute(f"PRAGMA {name}").fetchone()[0]


def test_a_new_database_is_fully_migrated_with_safe_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "kasir.db")
    assert schema_version(db) == len(MIGRATIONS)
    assert pragma(db, "journal_mode") == "wal"
    assert pragma(db, "foreign_keys") == 1
    assert pragma(db, "synchronous") == 2  # FULL
    assert pragma(db, "busy_timeout") == database.BUSY_TIMEOUT_MS
    assert {"products", "sales", "sale_lines", "payment_attempts", "payment_events", "users",
            "held_baskets", "day_closes", "audit_log", "meta"} <= set(db.table_names())  # fmt: skip


def test_the_default_path_is_in_a_private_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths.platformdirs, "user_data_path", lambda app: tmp_path / app)
    db = common.database(argparse.Namespace(db=None), must_exist=False)
    assert (tmp_path / "Kasir" / "kasir.db").is_file()
    assert stat.S_IMODE((tmp_path / "Kasir").stat().st_mode) == 0o700
    assert schema_version(db) == len(MIGRATIONS)


def test_a_version_1_database_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(path)
    assert migrate(old, MIGRATIONS[:1]) == 1
    old.execute(
        "INSERT INTO products (sku, barcode, name, category, price, updated_at) VALUES "
        "('KOPI-1', '8991234567891', 'Kopi Tubruk', 'Minuman', 3500, '2026-11-20T01:00:00.000Z')"
    )
    old.close()

    db = open_database(path)
    assert schema_version(db) == len(MIGRATIONS)
    assert [p.sku for p in Products(db).search("tubr")] == ["KOPI-1"]
    assert [p.sku for p in Products(db).search("89912")] == ["KOPI-1"]


def test_a_failing_upgrade_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    db = open_database(tmp_path / "kasir.db")

    def broken_step(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("step 3 failed")

    with pytest.raises(RuntimeError, match="step 3 failed"):
        migrate(db, [*MIGRATIONS, broken_step])
    assert schema_version(db) == len(MIGRATIONS)
    assert "half_done" not in db.table_names()


def test_a_newer_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    db = open_database(path)
    newer = len(MIGRATIONS) + 1
    db.execute(f"PRAGMA user_version = {newer}")
    db.close()
    with pytest.raises(
        SchemaVersionError, match=rf"schema version {newer}.*versions up to {len(MIGRATIONS)}"
    ):
        open_database(path)
    assert schema_version(Database(path)) == newer


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for" * 100)
    with pytest.raises(StoreError, match=str(path)):
        open_database(path)


def test_a_transaction_is_all_or_nothing_and_nests(tmp_path: Path) -> None:
    db = open_database(tmp_path / "kasir.db")
    with pytest.raises(ZeroDivisionError), transaction(db) as conn:
        conn.execute("INSERT INTO meta VALUES ('a', '1')")
        _ = 1 / 0
    assert db.execute("SELECT count(*) FROM meta").fetchone()[0] == 0

    with transaction(db) as conn:
        conn.execute("INSERT INTO meta VALUES ('outer', '1')")
        with pytest.raises(ValueError), transaction(db) as inner:
            inner.execute("INSERT INTO meta VALUES ('inner', '1')")
            raise ValueError("inner fails")
    assert [row[0] for row in db.execute("SELECT key FROM meta")] == ["outer"]


def test_a_second_connection_waits_for_the_writer(tmp_path: Path) -> None:
    first = open_database(tmp_path / "kasir.db")
    second = open_database(tmp_path / "kasir.db")
    with transaction(first) as conn:
        conn.execute("INSERT INTO meta VALUES ('first', '1')")
        assert second.execute("SELECT count(*) FROM meta").fetchone()[0] == 0  # WAL: reads go on
    with transaction(second) as conn:
        conn.execute("INSERT INTO meta VALUES ('second', '1')")
    assert first.execute("SELECT count(*) FROM meta").fetchone()[0] == 2


def test_times_are_stored_as_fixed_width_utc_text() -> None:
    jakarta = timezone(timedelta(hours=7))
    moment = datetime(2026, 11, 21, 8, 5, 9, 123456, tzinfo=jakarta)
    assert utc_text(moment) == "2026-11-21T01:05:09.123Z"
    assert parse_utc(utc_text(moment)) == datetime(2026, 11, 21, 1, 5, 9, 123000, tzinfo=UTC)
    with pytest.raises(ValidationError, match="no time zone"):
        utc_text(datetime(2026, 11, 21, 8, 5))
