"""``pos-app export``: the daily sales CSV from the command line, settings from ``--config``."""

import csv
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app.cli import main
from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.store.database import open_database
from pos_app.store.sales import Sales

SECRET = "sk-shop-private-4411"
LINES = (LineItem("MIE-001", "Indomie Goreng", 3500, 2), LineItem("TEH-1", "=Teh Botol", 5000, 1))


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("KASIR_"):
            monkeypatch.delenv(name)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kasir.toml"
    path.write_text('timezone = "Asia/Jakarta"\nbusiness_day_cutoff = "04:00"\n')
    return path


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Path]:
    """Sales at 10:00 on the 21st and at 02:00 on the 22nd (still the 21st), and the 22nd's."""
    path = tmp_path / "kasir.db"
    db = open_database(path)
    sales = Sales(db, BusinessDay(ZoneInfo("Asia/Jakarta"), time(4, 0)))
    for when in ("2026-11-21T03:00", "2026-11-21T19:00", "2026-11-21T22:00"):  # UTC
        moment = datetime.fromisoformat(when).replace(tzinfo=UTC)
        sale_id = sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=moment)
        sales.complete_cash(sale_id, 15000, moment)
    db.close()
    yield path


def export(*args: str) -> int:
    return main(["export", *args])


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_day_of_lines_with_local_times(
    database: Path, config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "2026-11-21.csv"
    code = export(
        "--date", "2026-11-21", "--out", str(out), "--db", str(database), "--config", str(config)
    )
    assert code == 0
    assert "4 rows (2 sales, 0 refunds, 0 returns, net Rp 24.000)" in capsys.readouterr().out
    got = rows(out)
    assert [
        (r["business_date"], r["receipt_number"], r["local_date"], r["local_time"], r["name"])
        for r in got
    ] == [
        ("2026-11-21", "T1-20261121-0001", "2026-11-21", "10:00:00", "Indomie Goreng"),
        ("2026-11-21", "T1-20261121-0001", "2026-11-21", "10:00:00", "'=Teh Botol"),
        ("2026-11-21", "T1-20261121-0002", "2026-11-22", "02:00:00", "Indomie Goreng"),
        ("2026-11-21", "T1-20261121-0002", "2026-11-22", "02:00:00", "'=Teh Botol"),
    ]


def test_a_range_of_sales_in_another_time_zone(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "wita.toml"
    config.write_text('timezone = "Asia/Makassar"\n')
    out = tmp_path / "range.csv"
    args = ["--date", "2026-11-21", "--to", "2026-11-22", "--out", str(out), "--sales"]
    assert export(*args, "--db", str(database), "--config", str(config)) == 0
    got = rows(out)
    assert [
        (r["business_date"], r["receipt_number"], r["local_time"], r["total"]) for r in got
    ] == [
        ("2026-11-21", "T1-20261121-0001", "11:00:00", "12000"),
        ("2026-11-21", "T1-20261121-0002", "03:00:00", "12000"),
        ("2026-11-22", "T1-20261122-0001", "06:00:00", "12000"),
    ]
    assert "3 rows (3 sales" in capsys.readouterr().out


def test_secrets_in_the_settings_never_reach_the_file_or_the_output(
    database: Path,
    config: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KASIR_DOKU_SECRET_KEY", SECRET)
    monkeypatch.setenv("KASIR_RELAY_TOKEN", SECRET + "-relay")
    for kind in ("--lines", "--sales"):
        out = tmp_path / f"x{kind}.csv"
        args = ["--date", "2026-11-21", "--out", str(out), kind]
        assert export(*args, "--db", str(database), "--config", str(config)) == 0
        assert SECRET not in out.read_text(encoding="utf-8")
    captured = capsys.readouterr()
    assert SECRET not in captured.out + captured.err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--date", "21-11-2026"], 2, "expected a date as YYYY-MM-DD, got '21-11-2026'"),
        (["--date", "2026-11-21", "--lines", "--sales"], 2, "not allowed with argument"),
        (["--date", "2026-11-22", "--to", "2026-11-21"], 1, "ends (2026-11-21) before it starts"),
        (["--date", "9999-12-31", "--payments"], 2, "from 1900-01-01 to 9998-12-31, got '9999"),
        (["--date", "0001-01-01", "--format", "xlsx"], 2, "from 1900-01-01 to 9998-12-31"),
    ],
)
def test_bad_arguments_are_refused_with_their_reason(
    database: Path,
    config: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    message: str,
) -> None:
    out = tmp_path / "x.csv"
    full = [*args, "--out", str(out), "--db", str(database), "--config", str(config)]
    if code == 2:
        with pytest.raises(SystemExit) as stopped:
            export(*full)
        assert stopped.value.code == 2
    else:
        assert export(*full) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_database_or_folder_is_named_and_nothing_is_created(
    database: Path, config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.db"
    out = tmp_path / "x.csv"
    common = ["--date", "2026-11-21", "--config", str(config)]
    assert export(*common, "--out", str(out), "--db", str(missing)) == 1
    assert f"database {missing} does not exist" in capsys.readouterr().err
    assert not missing.exists() and not out.exists()

    nowhere = tmp_path / "no-such-folder" / "x.csv"
    assert export(*common, "--out", str(nowhere), "--db", str(database)) == 1
    assert f"folder {nowhere.parent} does not exist" in capsys.readouterr().err


def _sales_in(path: Path) -> int:
    with sqlite3.connect(path) as check:
        return int(check.execute("SELECT count(*) FROM sales").fetchone()[0])


def test_an_export_onto_the_database_itself_is_refused_and_keeps_the_sales(
    database: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--out`` naming the database (a slip of the tab key) renamed the export over it: every
    sale gone, exit status 0."""
    common = ["--date", "2026-11-21", "--db", str(database), "--config", str(config)]
    assert export(*common, "--out", str(database)) == 1
    assert f"{database} is the terminal's database" in capsys.readouterr().err
    assert _sales_in(database) == 3

    wal = database.with_name(f"{database.name}-wal")
    wal.write_bytes(b"journal")
    assert export(*common, "--out", str(wal)) == 1
    assert wal.read_bytes() == b"journal"


def test_a_null_character_in_a_secret_file_path_is_a_named_settings_error(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ``*_file`` path with ``\\u0000`` in it (a TOML escape) was a ValueError from os.stat,
    which neither load_settings nor the commands caught: a traceback, not the key named."""
    config = tmp_path / "kasir.toml"
    config.write_text('[doku]\nsecret_key_file = "/etc/kasir/doku.key\\u0000"\n')
    config.chmod(0o600)
    out = tmp_path / "day.csv"
    args = ["--date", "2026-11-21", "--out", str(out), "--db", str(database)]
    assert export(*args, "--config", str(config)) == 1
    assert "doku.secret_key_file" in capsys.readouterr().err
    assert not out.exists()


def test_the_installed_entry_point_runs_it(database: Path, config: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    env = {key: value for key, value in os.environ.items() if not key.startswith("KASIR_")}
    done = subprocess.run(
        [sys.executable, "-m", "pos_app", "export", "--date", "2026-11-22", "--out", str(out),
         "--db", str(database), "--config", str(config)],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert [r["business_date"] for r in rows(out)] == ["2026-11-22", "2026-11-22"]
