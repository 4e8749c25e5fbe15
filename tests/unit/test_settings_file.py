"""The settings file as the setup wizard writes it: merged, checked by reading it back, private."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.settings import settings_file
from pos_app.settings.terminal_config import ConfigError, Secret, load_settings

SECRET = "SK-wizard-secret-123"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_update_is_written_owner_only_and_reads_back_as_the_same_settings(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config" / "kasir.toml"
    text = settings_file.draft(
        path,
        {
            "provider": "doku",
            "language": "id",
            "shop.name": 'Toko "Maju" \\ Jaya — Ñ\nBaris\x7f',
            "doku.client_id": "BRN-0001",
            "doku.secret_key": Secret(SECRET),
            "relay.url": "https://relay.example.id",
            "relay.token": Secret("token-1"),
        },
    )
    settings_file.write(path, text)

    if os.name != "nt":
        assert mode(path) == 0o600
    assert [entry.name for entry in path.parent.iterdir()] == ["kasir.toml"], "no temporary left"
    settings = load_settings(path, env={})
    assert settings.provider == "doku" and settings.language == "id"
    assert settings.shop.name == 'Toko "Maju" \\ Jaya — Ñ\nBaris\x7f'
    assert settings.doku.secret_key == Secret(SECRET)
    assert settings.missing_for_provider() == []


def test_keys_not_named_are_kept_and_none_removes_one(tmp_path: Path) -> None:
    path = tmp_path / "kasir.toml"
    path.write_text(
        'timezone = "Asia/Makassar"\nbusiness_day_cutoff = 04:00:00\n\n'
        '[doku]\nbase_url = "http://127.0.0.1:9"\nsecret_key_file = "/somewhere/doku.key"\n',
        encoding="utf-8",
    )
    text = settings_file.draft(
        path, {"doku.secret_key": Secret(SECRET), "doku.secret_key_file": None}
    )
    settings = settings_file.check(text)
    assert settings.timezone.key == "Asia/Makassar"
    assert settings.business_day_cutoff.hour == 4
    assert settings.doku.base_url == "http://127.0.0.1:9"
    assert settings.doku.secret_key == Secret(SECRET)
    assert "secret_key_file" not in text


def test_check_names_every_wrong_key(tmp_path: Path) -> None:
    text = settings_file.draft(
        tmp_path / "kasir.toml",
        {"relay.url": "relay.example.id", "terminal_id": "till one", "ecommpay.project_id": "x"},
    )
    with pytest.raises(ConfigError) as caught:
        settings_file.check(text)
    keys = sorted(problem.split(":")[0] for problem in caught.value.problems)
    assert keys == ["ecommpay.project_id", "relay.url", "terminal_id"]


def test_a_file_that_is_not_toml_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "kasir.toml"
    path.write_text("provider = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot be updated"):
        settings_file.draft(path, {"provider": "doku"})
    assert path.read_text(encoding="utf-8") == "provider = "


def test_a_file_that_is_not_utf8_is_named_and_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "kasir.toml"
    path.write_bytes(b'[shop]\nname = "Toko Andr\xe9"\n')
    with pytest.raises(ConfigError, match=f"{path} is not UTF-8 text"):
        settings_file.draft(path, {"provider": "doku"})
    assert path.read_bytes() == b'[shop]\nname = "Toko Andr\xe9"\n'


def test_check_writes_utf8_whatever_the_locale(tmp_path: Path) -> None:
    """Under an ASCII locale the trial file was written in the locale's encoding and a shop name
    with an em dash could not be checked."""
    script = (
        "from pathlib import Path\n"
        "from pos_app.settings import settings_file\n"
        "text = settings_file.draft(Path('absent.toml'), {'shop.name': 'Maju \\u2014 Bandung'})\n"
        "assert settings_file.check(text).shop.name == 'Maju \\u2014 Bandung'\n"
    )
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_a_value_toml_cannot_hold_is_refused_by_name() -> None:
    with pytest.raises(ConfigError, match=r"shop\.name: cannot write a dict"):
        settings_file.render({"shop": {"name": {"nested": 1}}})


def test_check_reads_the_environment_only_when_given_it(tmp_path: Path) -> None:
    text = settings_file.draft(tmp_path / "kasir.toml", {"relay.url": "https://a.example.id"})
    env = {"KASIR_RELAY_URL": "https://b.example.id"}
    assert settings_file.check(text).relay.url == "https://a.example.id"
    assert settings_file.check(text, env).relay.url == "https://b.example.id"


def test_changed_keys_compares_settings_not_how_the_file_spells_them(tmp_path: Path) -> None:
    key_file = tmp_path / "doku.key"
    key_file.write_text(SECRET, encoding="utf-8")
    key_file.chmod(0o600)
    path = tmp_path / "kasir.toml"
    path.write_text(
        f'business_day_cutoff = 04:00:00\n\n[doku]\nsecret_key_file = "{key_file}"\n',
        encoding="utf-8",
    )

    def after(update: settings_file.Update) -> list[str]:
        before = settings_file.check(settings_file.draft(path, {}))
        return settings_file.changed_keys(
            before, settings_file.check(settings_file.draft(path, update))
        )

    inline = {"doku.secret_key": Secret(SECRET), "doku.secret_key_file": None}
    assert after({**inline, "business_day_cutoff": "04:00", "timezone": "Asia/Jakarta"}) == []
    changed = after(
        {
            "doku.secret_key": Secret("another-secret"),
            "doku.secret_key_file": None,
            "timezone": "Asia/Makassar",
            "shop.name": "Toko Maju",
        }
    )
    assert changed == ["timezone", "shop.name", "doku.secret_key"]
