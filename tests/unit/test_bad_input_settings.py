"""A secret written where a setting expects something else is never said back: not a secret
pasted into ``*_file`` (a path), nor a token in the relay's public URL."""

from pathlib import Path

import pytest

from pos_app.relay.config import RelayConfig, validate
from pos_app.settings.terminal_config import ConfigError, load_settings

SECRET = "SK-9f8e7d6c5b4a3f2e1d0c"


@pytest.mark.parametrize(
    "key", ["doku.secret_key_file", "ecommpay.secret_key_file", "relay.token_file"]
)
def test_a_secret_pasted_as_its_file_is_not_said_back(tmp_path: Path, key: str) -> None:
    section, _, name = key.partition(".")
    path = tmp_path / "kasir.toml"
    path.write_text(f'[{section}]\n{name} = "{SECRET}"\n', encoding="utf-8")
    path.chmod(0o600)
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    assert SECRET not in str(caught.value)
    assert f"{key}: cannot read it: there is no file of that name" in str(caught.value)


def test_a_secret_file_named_in_the_environment_is_not_said_back(tmp_path: Path) -> None:
    path = tmp_path / "kasir.toml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={"KASIR_RELAY_TOKEN_FILE": SECRET})
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        (f"ftp://relay.example/?token={SECRET}", "must not have a query or fragment"),
        (f"https://relay.example:99999/#{SECRET}", "must not have a query or fragment"),
        (f"https://kasir:{SECRET}@relay.example", "must not hold a user name or password"),
    ],
)
def test_the_public_url_is_not_said_back_when_it_may_hold_a_secret(url: str, problem: str) -> None:
    problems = validate(RelayConfig(public_url=url, doku_client_id="c", doku_secret_key="k"))
    assert problems == [f"relay.public_url {problem}"]
