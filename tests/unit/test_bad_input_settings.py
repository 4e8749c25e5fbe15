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


NOTIFY_PATH = f"/kasir/{SECRET}/notify"
"""A provider's notification path, pasted whole with the relay's address: secret-ish."""


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        (
            f"https://relay.example:99999{NOTIFY_PATH}",
            "the port of relay.example must be a number from 1 to 65535, got '99999'",
        ),
        (f"relay.example.id{NOTIFY_PATH}", "expected an http(s) URL, got 'relay.example.id'"),
        (f"ftp://relay.example{NOTIFY_PATH}", "expected an http(s) URL, got 'ftp://relay.example'"),
        (
            f"https://[2001:db8::1{NOTIFY_PATH}",
            "expected an http(s) URL, got 'https://[2001:db8::1'",
        ),
        (
            f"http://192.168.1.300:8000{NOTIFY_PATH}",
            "expected an http(s) URL, got 'http://192.168.1.300:8000' "
            "(Invalid IPv4 address: '192.168.1.300')",
        ),
        (f"kasir:{SECRET}/x@relay.example", "expected an http(s) URL, got ''"),
    ],
)
def test_a_wrong_relay_url_is_named_by_its_host_not_its_path(url: str, problem: str) -> None:
    """The settings' problems go to the log and to support bundles: what is wrong is said with
    the host, never the path after it, which may be a provider's notification path."""
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"KASIR_RELAY_URL": url})
    assert caught.value.problems == (f"relay.url (from KASIR_RELAY_URL): {problem}",)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        (
            f"https://relay.example:99999{NOTIFY_PATH}",
            ": the port of relay.example is not a number from 1 to 65535",
        ),
        (f"relay.example.id{NOTIFY_PATH}", " 'relay.example.id' is not an http(s) URL"),
        (f"https://[2001:db8::1{NOTIFY_PATH}", " 'https://[2001:db8::1' is not an http(s) URL"),
    ],
)
def test_a_wrong_public_url_is_named_by_its_host_not_its_path(url: str, problem: str) -> None:
    problems = validate(RelayConfig(public_url=url, doku_client_id="c", doku_secret_key="k"))
    assert problems == [f"relay.public_url{problem}"]


@pytest.mark.parametrize(
    "text",
    [
        f'secret_kye = "{SECRET}"\n',
        f'api_token = "{SECRET}"\n',
        f'[doku]\nsecret_kye = "{SECRET}"\n',
        f'[relay]\ntokn = "{SECRET}"\n',
        f'[ecommpay]\npassword = "{SECRET}"\n',
        f'[ecommpay]\nsecret = {{ key = "{SECRET}" }}\n',
        f'[secrets]\nrelay_key = "{SECRET}"\n',
    ],
)
def test_an_unknown_setting_named_like_a_secret_is_named_but_its_value_never_said(
    tmp_path: Path, text: str
) -> None:
    """A misspelt secret's key is no setting Kasir reads, so nothing guards its value: the
    problem names the key, which helps, and says nothing of what it holds."""
    path = tmp_path / "kasir.toml"
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    (problem,) = caught.value.problems
    assert problem.endswith(": unknown setting")
    assert SECRET not in str(caught.value)
