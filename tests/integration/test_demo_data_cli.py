"""``pos-app demo-data``: a demo database full of sales, which the export then reads."""

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos_app.cli import main
from pos_app.demo.seed import DEMO_USERS, seed_demo
from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.catalog import Product
from pos_app.store.database import open_database, read_meta
from pos_app.store.products import Products
from pos_app.store.sales import Sales
from pos_app.store.terminal_store import TerminalStore
from pos_app.store.users import Users


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("KASIR_"):
            monkeypatch.delenv(name)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kasir.toml"
    path.write_text(
        'timezone = "Asia/Jakarta"\nbusiness_day_cutoff = "04:00"\nterminal_id = "K2"\n'
    )
    return path


def test_it_seeds_users_and_products_and_fills_the_days(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "demo.db"
    args = ["--days", "3", "--sales-per-day", "40", "--db", str(db_path), "--config", str(config)]
    assert main(["demo-data", *args]) == 0
    assert "120 sales (" in capsys.readouterr().out

    db = open_database(db_path)
    try:
        assert db.execute("SELECT count(*) FROM sales").fetchone()[0] == 120
        assert db.execute("SELECT count(DISTINCT business_date) FROM sales").fetchone()[0] == 3
        assert {row[0] for row in db.execute("SELECT name FROM users")} == {
            name for name, _, _ in DEMO_USERS
        }
        assert db.execute("SELECT count(*) FROM products").fetchone()[0] > 50
        assert {row[0] for row in db.execute("SELECT DISTINCT terminal_id FROM sales")} == {"K2"}
        assert read_meta(db, "relay_cursor") is None  # demo mode's relay starts from the start
        first = db.execute("SELECT min(business_date) FROM sales").fetchone()[0]
    finally:
        db.close()

    out = tmp_path / "day.csv"
    assert main(["export", "--date", first, "--out", str(out), "--sales", "--db", str(db_path),
                 "--config", str(config)]) == 0  # fmt: skip
    assert len(out.read_text(encoding="utf-8").splitlines()) > 30


def test_a_database_with_real_sales_is_refused(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    db_path = tmp_path / "shop.db"
    db = open_database(db_path)
    Sales(db).create_sale(
        [LineItem("A", "A", 1000, 1)], cashier="Sari", terminal_id="T1", now=datetime.now(UTC)
    )
    db.close()
    args = ["--days", "1", "--sales-per-day", "5", "--db", str(db_path), "--config", str(config)]
    assert main(["demo-data", *args]) == 1
    assert "holds real sales" in capsys.readouterr().err
    db = open_database(db_path)
    try:
        assert db.execute("SELECT count(*) FROM sales").fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM users").fetchone()[0] == 0
    finally:
        db.close()


def test_a_shop_database_with_its_own_users_and_catalogue_is_refused(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A till set up (its manager, its catalogue) but not yet selling holds no sales, so
    ``demo-data --db`` on it wrote made-up sales into the shop's real books."""
    db_path = tmp_path / "kasir.db"
    db = open_database(db_path)
    Users(db).add_user("Bu Rina", "manager", "4827")
    Products(db).upsert_many([Product("BRS-5", "Beras Pandan 5kg", 78_000)])
    db.close()
    args = ["--days", "1", "--sales-per-day", "3", "--db", str(db_path), "--config", str(config)]
    assert main(["demo-data", *args]) == 1
    assert "holds the shop's own users or products" in capsys.readouterr().err
    db = open_database(db_path)
    try:
        assert db.execute("SELECT count(*) FROM sales").fetchone()[0] == 0
        assert [row[0] for row in db.execute("SELECT name FROM users")] == ["Bu Rina"]
        assert db.execute("SELECT count(*) FROM products").fetchone()[0] == 1
    finally:
        db.close()


def test_a_database_demo_mode_seeded_or_demo_data_filled_takes_more(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "demo.db"
    store = TerminalStore(db_path, BusinessDay())
    seed_demo(store)  # what ``pos-app --demo`` does at first start
    store.close()
    args = ["--days", "1", "--sales-per-day", "3", "--db", str(db_path), "--config", str(config)]
    assert main(["demo-data", *args]) == 0
    assert main(["demo-data", *args, "--seed", "2"]) == 0
    assert "3 sales (" in capsys.readouterr().out
    db = open_database(db_path)
    try:
        assert db.execute("SELECT count(*) FROM sales").fetchone()[0] == 6
    finally:
        db.close()


def test_counts_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["demo-data", "--days", "0", "--sales-per-day", "5", "--db", str(tmp_path / "d.db")])
    assert stopped.value.code == 2
    assert "expected a whole number from 1 to 3660, got '0'" in capsys.readouterr().err


@pytest.mark.parametrize(("option", "most"), [("--days", "3660"), ("--sales-per-day", "100000")])
def test_counts_have_an_upper_bound(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, most: str
) -> None:
    """``--days 99999999999`` ended in an OverflowError going back from yesterday."""
    counts = {"--days": "1", "--sales-per-day": "1", option: "99999999999"}
    db_path = tmp_path / "d.db"
    with pytest.raises(SystemExit) as stopped:
        main(["demo-data", *[w for pair in counts.items() for w in pair], "--db", str(db_path)])
    assert stopped.value.code == 2
    assert f"expected a whole number from 1 to {most}, got '99999999999'" in capsys.readouterr().err
    assert not db_path.exists()
