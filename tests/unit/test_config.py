import os
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app.settings import paths
from pos_app.settings.terminal_config import ConfigError, Secret, Settings, load_settings

SECRET = "SK-very-secret-value-123"
ECOMMPAY_KEYS = ["ecommpay.project_id", "ecommpay.secret_key"]


def write(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's own kasir.toml out of the tests."""
    monkeypatch.setattr(paths, "config_path", lambda: tmp_path / "absent.toml")


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    return write(tmp_path / "doku.key", SECRET + "\n")


def test_no_file_means_defaults() -> None:
    settings = load_settings(env={})
    assert settings == Settings()
    assert settings.provider == "sandbox"
    assert settings.timezone == ZoneInfo("Asia/Jakarta")
    assert settings.business_day_cutoff == time(0, 0)
    assert settings.status_check_wait_seconds == 60
    assert settings.doku.api_url == "https://api-sandbox.doku.com"
    assert settings.source is None


def test_a_full_file_is_read(tmp_path: Path, key_file: Path) -> None:
    path = write(
        tmp_path / "kasir.toml",
        f"""
        provider = "doku"
        terminal_id = "T2"
        timezone = "Asia/Makassar"
        business_day_cutoff = "04:30"
        qr_expiry_minutes = 10
        status_check_wait_seconds = 45

        [shop]
        name = "Toko Maju"
        address = "Jl. Merdeka 1"

        [doku]
        environment = "production"
        client_id = "BRN-1"
        secret_key_file = "{key_file}"

        [ecommpay]
        project_id = 42

        [relay]
        url = "https://relay.example.com/"
        """,
    )
    settings = load_settings(path, env={})
    assert settings.provider == "doku"
    assert settings.terminal_id == "T2"
    assert settings.timezone == ZoneInfo("Asia/Makassar")
    assert settings.business_day_cutoff == time(4, 30)
    assert settings.business_day.cutoff == time(4, 30)
    assert (settings.qr_expiry_minutes, settings.status_check_wait_seconds) == (10, 45)
    assert settings.shop.name == "Toko Maju"
    assert settings.doku.api_url == "https://api.doku.com"
    assert settings.doku.secret_key is not None
    assert settings.doku.secret_key.reveal() == SECRET
    assert settings.ecommpay.project_id == 42
    assert settings.relay.url == "https://relay.example.com"
    assert settings.source == path
    assert settings.missing_for_provider() == ["relay.token"]


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "kasir.toml", 'provider = "doku"\n[relay]\nurl = "http://a.example"\n')
    settings = load_settings(
        path,
        env={
            "KASIR_PROVIDER": "ecommpay-gate",
            "KASIR_RELAY_URL": "http://127.0.0.1:9000",
            "KASIR_RELAY_TOKEN": "tok",
            "KASIR_ECOMMPAY_PROJECT_ID": "77",
            "KASIR_ECOMMPAY_SECRET_KEY": SECRET,
            "KASIR_ECOMMPAY_CUSTOMER_EMAIL": "kasir@toko.id",
            "KASIR_ECOMMPAY_CUSTOMER_IP": "203.0.113.10",
            "KASIR_BUSINESS_DAY_CUTOFF": "03:00",
            "KASIR_DOKU_BASE_URL": "http://127.0.0.1:8001",
            "KASIR_SHOP_NAME": "",
        },
    )
    assert settings.provider == "ecommpay-gate"
    assert settings.relay.url == "http://127.0.0.1:9000"
    assert settings.ecommpay.project_id == 77
    assert settings.business_day_cutoff == time(3, 0)
    assert settings.doku.api_url == "http://127.0.0.1:8001"
    assert settings.shop.name == "Kasir"  # an empty variable counts as unset
    assert settings.missing_for_provider() == []


def test_kasir_config_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "elsewhere.toml", 'terminal_id = "KASSA-3"\n')
    assert load_settings(env={"KASIR_CONFIG": str(path)}).terminal_id == "KASSA-3"


def test_every_problem_is_reported_with_its_key(tmp_path: Path) -> None:
    path = write(
        tmp_path / "kasir.toml",
        """
        provider = "paypal"
        timezone = "Asia/Atlantis"
        business_day_cutoff = "25:00"
        qr_expiry_minutes = 0
        colour = "red"
        [relay]
        url = "ftp://x"
        tokn = "oops"
        """,
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={"KASIR_STATUS_CHECK_WAIT_SECONDS": "soon"})
    problems = caught.value.problems
    assert "relay.url: expected an http(s) URL, got 'ftp://x'" in problems
    assert "colour: unknown setting" in problems
    assert "relay.tokn: unknown setting" in problems
    for key in ("provider", "timezone", "business_day_cutoff", "qr_expiry_minutes"):
        assert any(problem.startswith(f"{key}: ") for problem in problems), key
    assert any(
        problem.startswith("status_check_wait_seconds (from KASIR_STATUS_CHECK_WAIT_SECONDS)")
        for problem in problems
    )
    assert str(path) in str(caught.value)
    assert len(problems) == 8


@pytest.mark.parametrize(
    ("url", "port"),
    [
        ("http://relay.example:99999", "99999"),
        ("https://relay.example:0", "0"),
        ("http://relay.example:port", "port"),
    ],
)
def test_a_relay_url_with_an_impossible_port_is_refused(url: str, port: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"KASIR_RELAY_URL": url})
    assert caught.value.problems == (
        "relay.url (from KASIR_RELAY_URL): the port of relay.example must be a number from 1 "
        f"to 65535, got {port!r}",
    )


@pytest.mark.parametrize(
    "key", ["relay.url", "doku.base_url", "ecommpay.payment_page_url", "ecommpay.gate_url"]
)
def test_a_url_with_an_impossible_ip_address_is_refused_not_a_crash_at_start(key: str) -> None:
    """httpx refused it only when the terminal built its clients: a traceback at every start."""
    variable = "KASIR_" + key.replace(".", "_").upper()
    with pytest.raises(ConfigError) as caught:
        load_settings(env={variable: "http://192.168.1.300:8000"})
    assert caught.value.problems == (
        f"{key} (from {variable}): expected an http(s) URL, got 'http://192.168.1.300:8000' "
        "(Invalid IPv4 address: '192.168.1.300')",
    )


@pytest.mark.parametrize(
    "url",
    [
        f"https://relay.example/kasir?token={SECRET}",
        f"https://relay.example/#{SECRET}",
        "https://relay.example/?",
    ],
)
def test_a_url_with_a_query_or_fragment_is_refused_without_echoing_it(url: str) -> None:
    """Every call's path went after it, so each one went to the wrong place."""
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"KASIR_RELAY_URL": url})
    assert caught.value.problems == (
        "relay.url (from KASIR_RELAY_URL): a URL must not hold a query (?...) or a fragment "
        "(#...); give the address only",
    )
    assert SECRET not in str(caught.value)


def test_a_project_id_of_thousands_of_digits_is_refused_by_key() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"KASIR_ECOMMPAY_PROJECT_ID": "9" * 5000})
    (problem,) = caught.value.problems
    assert problem.startswith(
        "ecommpay.project_id (from KASIR_ECOMMPAY_PROJECT_ID): expected a whole number"
    )


def test_a_token_pasted_with_a_no_break_space_is_named_not_a_crash_later() -> None:
    """It went into the relay's HTTP header, and the till died at start with a traceback."""
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"KASIR_RELAY_TOKEN": "kasir_abc\u00a0def"})
    (problem,) = caught.value.problems
    assert problem.startswith("relay.token: holds a character that is not plain ASCII")
    assert "kasir_abc" not in str(caught.value)


@pytest.mark.parametrize("client_id", ["BRN-0001\u200b-1", "BRN\u20110001-1", "BRN-0001\u00a01"])
def test_a_doku_client_id_pasted_with_an_unusual_character_is_refused(
    tmp_path: Path, client_id: str
) -> None:
    """It goes into the Client-Id header: a zero-width space or a non-breaking hyphen from a web
    page failed every DOKU request (and "Test connection") with a UnicodeEncodeError."""
    path = write(tmp_path / "kasir.toml", f'[doku]\nclient_id = "{client_id}"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    assert caught.value.problems == (
        "doku.client_id: holds a character that is not plain ASCII; type or paste it again",
    )


def test_a_url_holding_a_password_is_refused_without_echoing_it() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"KASIR_RELAY_URL": f"https://till:{SECRET}@relay.example"})
    (problem,) = caught.value.problems
    assert "must not hold a user name or password" in problem
    assert SECRET not in str(caught.value)


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path / "kasir.toml", "provider = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(path, env={})


def test_a_settings_or_secret_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    """Latin-1 bytes were a UnicodeDecodeError traceback, not a settings error."""
    path = tmp_path / "kasir.toml"
    path.write_bytes(b'[shop]\nname = "Toko Andr\xe9"\n')
    with pytest.raises(ConfigError, match=f"{path} is not UTF-8 text"):
        load_settings(path, env={})

    key = tmp_path / "doku.key"
    key.write_bytes(b"\xffsecret\n")
    key.chmod(0o600)
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"KASIR_CONFIG": "", "KASIR_DOKU_SECRET_KEY_FILE": str(key)})
    assert caught.value.problems == (
        f"doku.secret_key_file (from KASIR_DOKU_SECRET_KEY_FILE): {key} is not UTF-8 text",
    )


def test_an_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", env={})


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_secret_file_others_can_read_is_refused(tmp_path: Path) -> None:
    key = write(tmp_path / "doku.key", SECRET, mode=0o644)
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"KASIR_CONFIG": "", "KASIR_DOKU_SECRET_KEY_FILE": str(key)})
    message = str(caught.value)
    assert "doku.secret_key_file (from KASIR_DOKU_SECRET_KEY_FILE)" in message
    assert "chmod 600" in message
    assert SECRET not in message


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_inline_secrets_need_a_private_settings_file(tmp_path: Path) -> None:
    text = f'[relay]\nurl = "https://r.example"\ntoken = "{SECRET}"\n'
    private = write(tmp_path / "private.toml", text)
    token = load_settings(private, env={}).relay.token
    assert token is not None and token.reveal() == SECRET

    shared = write(tmp_path / "shared.toml", text, mode=0o640)
    with pytest.raises(ConfigError, match=r"relay\.token: an inline secret") as caught:
        load_settings(shared, env={})
    assert SECRET not in str(caught.value)


def test_a_missing_or_empty_secret_file_is_named(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.key", "\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(
            env={
                "KASIR_CONFIG": str(write(tmp_path / "k.toml", "")),
                "KASIR_RELAY_TOKEN_FILE": str(tmp_path / "absent.key"),
                "KASIR_ECOMMPAY_SECRET_KEY_FILE": str(empty),
            }
        )
    assert any("relay.token_file" in p and "cannot read" in p for p in caught.value.problems)
    assert any("ecommpay.secret_key_file" in p and "is empty" in p for p in caught.value.problems)


@pytest.mark.parametrize(
    ("section", "key"),
    [("doku", "secret_key_file"), ("ecommpay", "secret_key_file"), ("relay", "token_file")],
)
@pytest.mark.parametrize("character", ["\\u0000", "\\n", "\\u001b"])
def test_a_control_character_in_a_secret_file_path_is_named(
    tmp_path: Path, section: str, key: str, character: str
) -> None:
    """A NUL in the path was a ValueError from os.stat, caught by no caller: a traceback."""
    path = write(
        tmp_path / "k.toml", f'[{section}]\n{key} = "/etc/kasir/{section}.key{character}"\n'
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    assert caught.value.problems == (
        f"{section}.{key}: the file path holds a control character (a NUL, a line break…)",
    )


def test_both_inline_and_file_secret_is_ambiguous(tmp_path: Path, key_file: Path) -> None:
    path = write(tmp_path / "k.toml", f'[doku]\nsecret_key = "x"\nsecret_key_file = "{key_file}"\n')
    with pytest.raises(ConfigError, match=r"either doku\.secret_key or doku\.secret_key_file"):
        load_settings(path, env={})


def test_the_environment_secret_wins_over_the_file(tmp_path: Path, key_file: Path) -> None:
    path = write(tmp_path / "k.toml", f'[doku]\nsecret_key_file = "{key_file}"\n')
    key = load_settings(path, env={"KASIR_DOKU_SECRET_KEY": "from-env"}).doku.secret_key
    assert key is not None and key.reveal() == "from-env"


def test_a_secret_from_the_environment_is_trimmed_as_one_from_a_file(
    tmp_path: Path, key_file: Path
) -> None:
    """``set KASIR_DOKU_SECRET_KEY=SK-1 `` on Windows keeps the trailing space: every signature
    was made with the wrong key. A blank variable is unset, so the file's secret counts."""
    path = write(tmp_path / "k.toml", f'[doku]\nsecret_key_file = "{key_file}"\n')
    padded = load_settings(path, env={"KASIR_DOKU_SECRET_KEY": " from-env \t"}).doku.secret_key
    assert padded is not None and padded.reveal() == "from-env"
    blank = load_settings(path, env={"KASIR_DOKU_SECRET_KEY": "  "}).doku.secret_key
    assert blank is not None and blank.reveal() == SECRET


def test_secrets_are_masked_everywhere_but_reveal(tmp_path: Path, key_file: Path) -> None:
    path = write(tmp_path / "k.toml", f'[doku]\nsecret_key_file = "{key_file}"\n')
    settings = load_settings(path, env={"KASIR_RELAY_TOKEN": "relay-token-xyz"})
    for text in (repr(settings), str(settings), f"{settings.doku.secret_key}"):
        assert SECRET not in text
        assert "relay-token-xyz" not in text
    assert repr(Secret("x")) == "Secret('***')"
    assert str(Secret("x")) == "***"
    assert Secret("x") == Secret("x") and Secret("x") != Secret("y")


@pytest.mark.parametrize(
    ("provider", "missing"),
    [
        ("sandbox", []),
        ("doku", ["doku.client_id", "doku.secret_key", "relay.url", "relay.token"]),
        ("ecommpay-page", [*ECOMMPAY_KEYS, "ecommpay.customer_email", "relay.url", "relay.token"]),
        (
            "ecommpay-gate",
            [
                *ECOMMPAY_KEYS,
                "ecommpay.customer_email",
                "ecommpay.customer_ip",
                "relay.url",
                "relay.token",
            ],
        ),
    ],
)
def test_missing_for_provider_lists_what_to_configure(provider: str, missing: list[str]) -> None:
    assert Settings(provider=provider).missing_for_provider() == missing
    assert Settings().missing_for_provider(provider) == missing


@pytest.mark.parametrize("terminal_id", ["", "T 1", "-T1", "T" * 17, "T1/2"])
def test_terminal_ids_fit_in_invoice_numbers(tmp_path: Path, terminal_id: str) -> None:
    path = write(tmp_path / "k.toml", f'terminal_id = "{terminal_id}"\n')
    with pytest.raises(ConfigError, match="terminal_id: expected 1-16 letters"):
        load_settings(path, env={})


def test_a_toml_local_time_is_accepted_as_cutoff(tmp_path: Path) -> None:
    path = write(tmp_path / "k.toml", "business_day_cutoff = 04:00:00\n")
    assert load_settings(path, env={}).business_day_cutoff == time(4, 0)


def test_ecommpay_customer_details_are_checked(tmp_path: Path) -> None:
    good = write(
        tmp_path / "good.toml",
        '[ecommpay]\ncustomer_email = "kasir@toko.id"\ncustomer_ip = "203.0.113.10"\n',
    )
    settings = load_settings(good, env={})
    assert settings.ecommpay.customer_email == "kasir@toko.id"
    assert settings.ecommpay.customer_ip == "203.0.113.10"
    bad = write(
        tmp_path / "bad.toml", '[ecommpay]\ncustomer_email = "kasir"\ncustomer_ip = "999.1.1.1"\n'
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(bad, env={})
    assert "ecommpay.customer_email" in str(caught.value)
    assert "ecommpay.customer_ip" in str(caught.value)


def test_a_settings_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Windows Notepad's "UTF-8 with BOM"; the back office saves it on without one."""
    path = tmp_path / "kasir.toml"
    path.write_bytes(b'\xef\xbb\xbfprovider = "sandbox"\r\nterminal_id = "T2"\r\n')
    path.chmod(0o600)
    assert load_settings(path, env={}).terminal_id == "T2"
