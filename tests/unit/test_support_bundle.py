"""The support bundle: the log files, the versions and the settings, never a secret."""

import tomllib
import zipfile
from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app import __version__
from pos_app.settings.terminal_config import (
    DokuSettings,
    RelaySettings,
    Secret,
    Settings,
    ShopSettings,
)
from pos_app.till.support_bundle import SECRET_MARK, settings_text, write_support_bundle

DOKU_SECRET = "SK-doku-5a6b7c8d"
RELAY_TOKEN = "relay-token-0f1e2d"
SETTINGS = Settings(
    provider="doku",
    terminal_id="T7",
    timezone=ZoneInfo("Asia/Makassar"),
    business_day_cutoff=time(4, 0),
    shop=ShopSettings(name="Toko Maju", address='Jl. "Merdeka" 1'),
    doku=DokuSettings(client_id="BRN-0001", secret_key=Secret(DOKU_SECRET)),
    relay=RelaySettings(url="https://relay.example.com", token=Secret(RELAY_TOKEN)),
)


@pytest.fixture
def logs(tmp_path: Path) -> Path:
    """A log folder as the terminal leaves it: its files, older ones, demo mode's, and others."""
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / "kasir.log").write_text(f"INFO started\nERROR signing with {DOKU_SECRET}\n")
    (folder / "kasir.log.1").write_text("INFO older\n")
    (folder / "kasir-demo.log").write_text("INFO demo\n")
    (folder / "notes.txt").write_text("not Kasir's\n")
    return folder


def test_the_bundle_holds_the_logs_versions_and_settings(tmp_path: Path, logs: Path) -> None:
    target = tmp_path / "out" / "support.zip"
    bundle = write_support_bundle(
        target, SETTINGS, logs, extra_versions={"Qt": "6.9.9"}, now=datetime(2026, 1, 2, tzinfo=UTC)
    )
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        texts = {name: zf.read(name).decode() for name in names}
    assert sorted(names) == [
        "logs/kasir-demo.log",
        "logs/kasir.log",
        "logs/kasir.log.1",
        "settings.toml",
        "versions.txt",
    ]
    assert (bundle.path, sorted(bundle.entries), bundle.size) == (
        target,
        sorted(names),
        target.stat().st_size,
    )
    assert texts["logs/kasir.log"] == "INFO started\nERROR signing with ***\n"
    versions = dict(line.split(": ", 1) for line in texts["versions.txt"].splitlines())
    assert versions["Kasir"] == __version__ and versions["Qt"] == "6.9.9"
    assert {"Python", "platform", "packaged"} <= set(versions)
    assert versions["bundle made"] == "2026-01-02T00:00:00+00:00"
    for text in texts.values():
        assert DOKU_SECRET not in text and RELAY_TOKEN not in text
    assert not list(target.parent.glob(".*.tmp"))


def test_the_settings_read_as_toml_with_each_secret_marked() -> None:
    document = tomllib.loads(settings_text(SETTINGS))
    assert document["provider"] == "doku" and document["terminal_id"] == "T7"
    assert document["timezone"] == "Asia/Makassar"
    assert document["business_day_cutoff"] == "04:00"
    assert document["shop"] == {"name": "Toko Maju", "address": 'Jl. "Merdeka" 1'}
    assert document["doku"]["secret_key"] == SECRET_MARK
    assert document["relay"] == {"url": "https://relay.example.com", "token": SECRET_MARK}
    assert "secret_key" not in document["ecommpay"]  # not set: left out, not marked
    assert "language" not in document


def test_odd_entries_in_the_log_folder_and_an_unwritable_target(tmp_path: Path, logs: Path) -> None:
    (logs / "kasir.log.2").mkdir()  # not a file: left out
    (logs / "kasir.log.3").write_bytes(b"\xff\xfe bytes")  # readable, not UTF-8: kept
    target = tmp_path / "support.zip"
    bundle = write_support_bundle(target, SETTINGS, logs)
    assert "logs/kasir.log.3" in bundle.entries and "logs/kasir.log.2" not in bundle.entries
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(OSError):  # the manager is told why; nothing is written
        write_support_bundle(blocked / "support.zip", SETTINGS, logs)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["blocked", "logs", "support.zip"]
