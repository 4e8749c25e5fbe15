"""``pos-app`` without a subcommand: settings problems in plain words, demo mode for real."""

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.gui import terminal_cli

SERVICE_LINE = re.compile(r"^(sandbox|relay): http://127\.0\.0\.1:\d+$")


@pytest.fixture
def empty_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings from an empty file only (the machine's own kasir.toml stays out of it)."""
    config = tmp_path / "kasir.toml"
    config.write_text("")
    for name in [name for name in os.environ if name.startswith("KASIR_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("KASIR_CONFIG", str(config))
    return config


def test_a_missing_settings_file_is_named_without_a_traceback(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nowhere.toml"
    assert terminal_cli.main(["--config", str(missing), "--db", str(tmp_path / "k.db")]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "does not exist" in err and "Traceback" not in err


def test_a_real_provider_without_credentials_says_what_is_missing(
    tmp_path: Path, empty_config: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("KASIR_PROVIDER", "doku")
    assert terminal_cli.main(["--db", str(tmp_path / "k.db")]) == 2
    err = capsys.readouterr().err
    for key in ("doku.client_id", "doku.secret_key", "relay.url", "relay.token", "--demo"):
        assert key in err
    assert not (tmp_path / "k.db").exists()


def test_demo_prints_its_services_then_ctrl_c_closes_it_cleanly(
    tmp_path: Path, empty_config: Path
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "pos_app", "--demo", "--db", str(tmp_path / "demo.db")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline().rstrip("\n") for _ in range(2)]
        assert [SERVICE_LINE.match(line).group(1) for line in lines] == ["sandbox", "relay"]
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "Traceback" not in err
