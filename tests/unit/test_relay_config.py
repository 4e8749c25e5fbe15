"""Relay settings: file, options, validation, and secrets kept out of sight."""

import re
import socket
from dataclasses import fields
from pathlib import Path
from urllib.parse import quote

import pytest
from starlette.routing import Route

from pos_app.commands import relay_service
from pos_app.payments.demo_credentials import DEMO_DOKU_SECRET_KEY, DEMO_ECOMMPAY_SECRET_KEY
from pos_app.relay import engines
from pos_app.relay.app import RelayApp
from pos_app.relay.config import (
    DEFAULT_DOKU_PATH,
    SETTINGS,
    ConfigError,
    RelayConfig,
    config_from_args,
    describe,
    load_config,
    validate,
)
from pos_app.relay.engines import without_password


def valid(**changes: object) -> RelayConfig:
    base = {"doku_client_id": "BRN-1", "doku_secret_key": "s3cret-doku", "db": Path("relay.db")}
    return RelayConfig(**(base | changes))  # type: ignore[arg-type]


def test_every_setting_has_an_option_and_options_win_over_the_file(tmp_path: Path) -> None:
    config_file = tmp_path / "relay.toml"
    config_file.write_text('[relay]\nport = 9000\ndb = "data/relay.db"\n[doku]\nclient_id = "A"\n')

    config = load_config(config_file, {"port": "9100", "doku_secret_key": "k", "host": None})

    assert (config.port, config.doku_client_id, config.doku_secret_key) == (9100, "A", "k")
    assert config.db == tmp_path / "data" / "relay.db"  # relative to the file's folder
    assert {s.name for s in SETTINGS} == {f.name for f in fields(RelayConfig)}
    for setting in SETTINGS:
        for command in ("serve", "check-config", "orphans"):
            args = relay_service.parser().parse_args([command, setting.option, "7"])
            assert getattr(args, setting.name) == "7", (command, setting.option)


def test_secrets_come_from_the_file_or_the_environment_and_help_says_why(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every user of the machine sees a command line in ps; only its owner sees its environment."""
    config_file = tmp_path / "relay.toml"
    config_file.write_text('[doku]\nclient_id = "A"\nsecret_key = "from-file"\n')
    url = "postgresql://kasir:pw@db.example/relay"
    monkeypatch.setenv("KASIR_RELAY_DATABASE_URL", url)
    monkeypatch.setenv("KASIR_RELAY_DOKU_SECRET_KEY", "from-env")
    monkeypatch.setenv("KASIR_RELAY_ECOMMPAY_SECRET_KEY", "ecommpay-env")

    args = relay_service.parser().parse_args(["serve", "--config", str(config_file)])
    config = config_from_args(args)
    assert (config.database, config.doku_secret_key) == (url, "from-env")
    assert config.ecommpay_secret_key == "ecommpay-env"
    args = relay_service.parser().parse_args(
        ["serve", "--config", str(config_file), "--doku-secret-key", "from-option"]
    )
    assert config_from_args(args).doku_secret_key == "from-option"  # an option still wins
    monkeypatch.setenv("KASIR_RELAY_PORT", "1")  # only secrets come from the environment
    assert config_from_args(args).port == RelayConfig().port

    with pytest.raises(SystemExit):
        relay_service.main(["serve", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for setting in SETTINGS:
        if setting.secret:
            assert f"{setting.option} " in shown
            assert f"${setting.variable} instead" in shown and "sees options in ps" in shown
    assert "chmod 600" in shown


def test_file_problems_are_all_named_and_secrets_are_not_echoed(tmp_path: Path) -> None:
    config_file = tmp_path / "relay.toml"
    config_file.write_text(
        '[relay]\nprot = 1\nport = "eighty"\n[doku]\nsecret_key = 42\n[extra]\nx = 1\n'
    )

    with pytest.raises(ConfigError) as error:
        load_config(config_file)

    message = str(error.value)
    assert "unknown setting relay.prot" in message
    assert "relay.port: expected int, got 'eighty'" in message
    assert "doku.secret_key: expected str, got (hidden)" in message
    assert "unknown setting extra.x" in message


def test_a_file_that_is_not_toml_is_named(tmp_path: Path) -> None:
    config_file = tmp_path / "relay.toml"
    config_file.write_text("[relay\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(config_file)


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    config_file = tmp_path / "relay.toml"
    config_file.write_bytes(b'[relay]\ndb = "relay.db"\n# Toko Andr\xe9\n')
    with pytest.raises(ConfigError, match=f"{config_file} is not UTF-8 text"):
        load_config(config_file)


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"doku_secret_key": ""}, "doku.secret_key is missing"),
        ({"doku_client_id": "", "doku_secret_key": ""}, "no provider is configured"),
        ({"ecommpay_project_id": 238}, "ecommpay.secret_key is missing"),
        ({"public_url": "relay.example.id"}, "relay.public_url"),
        ({"doku_notification_path": "doku/notifications"}, "doku.notification_path"),
        ({"doku_notification_path": "/doku/{x}"}, "doku.notification_path"),
        ({"doku_notification_path": "/ecommpay/callbacks"}, "answers another route"),
        ({"doku_notification_path": "/v1/payments"}, "answers another route"),
        ({"doku_notification_path": "/r/doku"}, "answers another route"),
        ({"port": 70000}, "relay.port 70000"),
        ({"db": Path("/no/such/folder/relay.db")}, "does not exist"),
        ({"max_wait_seconds": 120.0}, "max_wait_seconds"),
        ({"log_level": "loud"}, "relay.log_level"),
        ({"client_timeout_seconds": 0.0}, "limits.client_timeout_seconds"),
        ({"client_timeout_seconds": float("nan")}, "limits.client_timeout_seconds"),
        ({"redirect_ttl_seconds": 10**12}, "limits.redirect_ttl_seconds"),
        (
            {"doku_secret_key": "SK-Replace-With-Your-Key"},
            "doku.secret_key is still the example's placeholder",
        ),
        (
            {"doku_secret_key": DEMO_DOKU_SECRET_KEY},
            "doku.secret_key is the demo sandbox's key",
        ),
        (
            {"ecommpay_project_id": 238, "ecommpay_secret_key": DEMO_ECOMMPAY_SECRET_KEY},
            "ecommpay.secret_key is the demo sandbox's key",
        ),
    ],
)
def test_validation_says_what_is_wrong(changes: dict, named: str) -> None:
    problems = validate(valid(**changes))
    assert any(named in problem for problem in problems), problems


def test_no_route_of_the_relay_can_be_taken_for_dokus() -> None:
    """Each other handler refuses DOKU's notifications: DOKU would retry three times and stop."""
    routes = [route.path for route in RelayApp(valid()).asgi.routes if isinstance(route, Route)]
    taken = [re.sub(r"{[^}]*}", "x", path) for path in routes if path != DEFAULT_DOKU_PATH]
    assert len(taken) >= 8
    for path in taken:
        assert any(
            "doku.notification_path" in p for p in validate(valid(doku_notification_path=path))
        )


def test_a_valid_config_has_no_problems_and_hides_its_secrets() -> None:
    config = valid(ecommpay_project_id=238, ecommpay_secret_key="s3cret-ecommpay")
    assert validate(config) == []
    shown = repr(config) + "\n".join(describe(config))
    assert "s3cret" not in shown


def test_check_config_exits_non_zero_and_lists_the_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = relay_service.main(
        ["check-config", "--db", str(tmp_path / "r.db"), "--doku-secret-key", "s3cret-doku"]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert "doku.client_id is missing" in captured.err
    assert "s3cret" not in captured.out + captured.err


def test_a_postgresql_url_replaces_the_file_and_its_password_is_never_shown() -> None:
    url = "postgresql://kasir:pa55word@db.example/relay"
    on_postgres = load_config(None, {"database_url": url, "db": "/no/such/folder/relay.db"})

    assert on_postgres.database == url
    assert valid(db=Path("/no/such/folder/relay.db"), database_url=url).database == url
    assert validate(valid(db=Path("/no/such/folder/relay.db"), database_url=url)) == []
    assert "pa55word" not in "\n".join(describe(on_postgres)) + repr(on_postgres)
    assert valid().database == Path("relay.db")
    assert validate(valid(database_url="mysql://db.example/relay")) == [
        "relay.database_url must start with postgresql://"
    ]


@pytest.mark.parametrize("empty", ["", "  "])
def test_an_empty_database_url_is_refused_not_taken_for_the_sqlite_file(
    tmp_path: Path,
    empty: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Left out, the relay keeps its data in relay.db; set to nothing, it is a mistake (a
    template not filled in, a variable not set) that would split the data over two databases."""
    provider = ["--doku-client-id", "BRN-1", "--doku-secret-key", "k"]
    config_file = tmp_path / "relay.toml"
    config_file.write_text(f'[relay]\ndatabase_url = "{empty}"\n')
    for command in (["check-config"], ["serve"], ["status"], ["add-terminal", "T1"]):
        assert relay_service.main([*command, "--config", str(config_file), *provider]) == 2
        err = capsys.readouterr().err
        assert f"{config_file}: relay.database_url is empty: leave it out" in err
    assert relay_service.main(["add-terminal", "T1", "--database-url", empty]) == 2
    assert "--database-url is empty" in capsys.readouterr().err
    monkeypatch.setenv("KASIR_RELAY_DATABASE_URL", empty)
    assert relay_service.main(["status", "--db", str(tmp_path / "relay.db")]) == 2
    assert "KASIR_RELAY_DATABASE_URL is empty" in capsys.readouterr().err
    url = "postgresql://kasir@db.example/relay"
    args = relay_service.parser().parse_args(["status", "--database-url", url])
    assert config_from_args(args).database == url  # the option wins, the variable is not read
    assert list(tmp_path.iterdir()) == [config_file]  # no relay.db made on the side

    config_file.write_text("[relay]\nport = 9000\n")  # left out: the SQLite file
    assert load_config(config_file).database == RelayConfig().db


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("postgresql://kasir:Pw0rdSECRET%zz@127.0.0.1/relay", "write / as %2F, @ as %40"),
        ("postgresql://kasir:Pw0rd@SECRETpart@127.0.0.1/relay", "write / as %2F, @ as %40"),
        ("postgresql://relay.example/relay?password=Pw0rd&SECRET", "must be percent-encoded"),
    ],
)
def test_a_postgresql_url_libpq_cannot_read_is_named_without_its_password(
    url: str, named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (problem,) = validate(valid(database_url=url))
    assert problem.startswith("relay.database_url ") and named in problem
    assert "SECRET" not in problem
    for command in (["status"], ["export", "--date", "2026-11-21", "--out", "shop.csv"]):
        assert relay_service.main([*command, "--database-url", url]) == 2
        captured = capsys.readouterr()
        assert named in captured.err and "SECRET" not in captured.out + captured.err


NASTY_PASSWORDS = (
    "Qx1/Qx2",
    "Qx1@Qx2",
    "Qx1:Qx2/Qx3@Qx4",
    "Qx1/Qx2@Qx3:Qx4",
    "Qx1?Qx2",
    "Qx1#Qx2",
    "Qx1@Qx2@Qx3",
    "Qx1[Qx2]",
    "Qx1 Qx2",
    "Qx1%Qx2",
)
"""Each fragment carries ``Qx``: the error and the log must hold none of them, not even the part
libpq would take for a host, a port or a database name."""


@pytest.mark.parametrize("password", NASTY_PASSWORDS)
@pytest.mark.parametrize(
    "template",
    [
        "postgresql://kasir:{}@127.0.0.1:5432/kasir",
        "postgresql://kasir:{}@/kasir?host=/run/postgresql",
        "postgresql://kasir:{}@db.example",
    ],
)
def test_a_url_whose_password_is_not_percent_encoded_is_refused_without_any_of_it(
    template: str,
    password: str,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = template.format(password)
    caplog.set_level("DEBUG")
    (problem,) = validate(valid(database_url=url))
    assert problem.startswith("relay.database_url ") and "Qx" not in problem
    assert "percent-encoded" in problem and "PGPASSWORD" in problem
    assert "Qx" not in engines.describe(url)
    assert "Qx" not in without_password(f"failed for {password}", url)
    for command in (
        ["status"],
        ["new-epoch"],
        ["add-terminal", "T1"],
        ["serve", "--doku-client-id", "BRN-1", "--doku-secret-key", "k"],
        ["check-config", "--doku-client-id", "BRN-1", "--doku-secret-key", "k"],
    ):
        assert relay_service.main([*command, "--database-url", url]) in (1, 2)
        captured = capsys.readouterr()
        assert "cannot be read unambiguously" in captured.err or "not a valid" in captured.err
        assert "Qx" not in captured.out + captured.err
    assert "Qx" not in caplog.text


@pytest.mark.parametrize("password", NASTY_PASSWORDS)
def test_a_percent_encoded_password_is_masked_as_written_and_as_meant(password: str) -> None:
    url = f"postgresql://kasir:{quote(password, safe='')}@127.0.0.1:5432/kasir?sslmode=disable"
    assert engines.url_problem(url) is None
    shown = engines.describe(url)
    assert shown == "postgresql dbname=kasir host=127.0.0.1 port=5432 sslmode=disable user=kasir"
    said = f"failed: {password} / {quote(password, safe='')}"
    assert "Qx" not in without_password(said, url)


def test_a_postgresql_server_that_cannot_be_reached_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    url = f"postgresql://kasir:SECRETpw@127.0.0.1:{port}/relay"
    for command in (["status"], ["serve", "--doku-client-id", "BRN-1", "--doku-secret-key", "k"]):
        assert relay_service.main([*command, "--database-url", url]) == 1
        captured = capsys.readouterr()
        (line,) = captured.err.splitlines()
        assert f"host=127.0.0.1 port={port} user=kasir) failed: connection" in line
        assert "SECRET" not in captured.out + captured.err
    assert without_password(
        "auth failed for kasir:a%40b and a@b", "postgresql://kasir:a%40b@h/db"
    ) == ("auth failed for kasir:*** and ***")


PROVIDER = '[doku]\nclient_id = "BRN-1"\nsecret_key = "s3cret-doku"\n'


@pytest.mark.parametrize(
    ("line", "setting"),
    [
        ("[relay]\nport = [8780]\n", "relay.port"),
        ("[relay]\nport = { number = 8780 }\n", "relay.port"),
        ("[limits]\nmax_wait_seconds = 1979-05-27\n", "limits.max_wait_seconds"),
        ("[limits]\nclient_timeout_seconds = 07:32:00\n", "limits.client_timeout_seconds"),
    ],
)
def test_a_list_table_date_or_time_is_a_problem_naming_the_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, setting: str
) -> None:
    config_file = tmp_path / "relay.toml"
    config_file.write_text(line + PROVIDER, encoding="utf-8")

    assert relay_service.main(["check-config", "--config", str(config_file)]) == 2
    assert setting in capsys.readouterr().err


CONTROL = "holds a control character (a NUL, a line break, a tab…): write it without"


@pytest.mark.parametrize(
    ("line", "setting"),
    [
        ('[relay]\ndb = "re\\u0000lay.db"\n', "relay.db"),
        ('[relay]\ndb = "relay.db\\n"\n', "relay.db"),
        ('[relay]\nhost = "127.0.0.1\\u001b"\n', "relay.host"),
        ('[relay]\npublic_url = "https://relay.example/\\tx"\n', "relay.public_url"),
        ('[relay]\ndatabase_url = "postgresql://kasir:Qx9\\u0000@h/relay"\n', "relay.database_url"),
    ],
)
def test_a_control_character_in_a_setting_is_a_problem_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, setting: str
) -> None:
    """TOML lets a string hold any control character (a paste gone wrong): a NUL in the db
    path passed check-config, and serve then died with 'ValueError: embedded null byte'."""
    config_file = tmp_path / "relay.toml"
    config_file.write_text(line + PROVIDER, encoding="utf-8")

    for command in ("check-config", "serve"):
        assert relay_service.main([command, "--config", str(config_file)]) == 2
        err = capsys.readouterr().err
        assert err.splitlines()[1:] == [f"  - {config_file}: {setting} {CONTROL}"]
        assert "Qx9" not in err


def test_a_control_character_in_an_option_or_the_environment_is_named() -> None:
    with pytest.raises(ConfigError) as refused:
        load_config(
            None,
            {"doku_client_id": "BRN\x7f-1"},
            environ={"KASIR_RELAY_DOKU_SECRET_KEY": "Qx9\x00"},
        )
    assert refused.value.problems == [
        f"KASIR_RELAY_DOKU_SECRET_KEY {CONTROL}",
        f"--doku-client-id {CONTROL}",
    ]


def test_a_public_url_python_cannot_split_is_a_problem(capsys: pytest.CaptureFixture[str]) -> None:
    problems = validate(valid(public_url="https://[2001:db8::1/"))
    assert problems == ["relay.public_url 'https://[2001:db8::1' is not an http(s) URL"]


def test_keys_pasted_with_spaces_or_a_line_break_around_them_are_taken_without(
    tmp_path: Path,
) -> None:
    """The till strips what it reads; a relay that kept a trailing newline of its DOKU key
    would refuse every notification's signature, saying nothing of why."""
    config_file = tmp_path / "relay.toml"
    config_file.write_text(
        '[doku]\nclient_id = " BRN-1 "\nsecret_key = "SK-abcdef \\n"\n', encoding="utf-8"
    )
    config = load_config(config_file)
    assert (config.doku_client_id, config.doku_secret_key) == ("BRN-1", "SK-abcdef")


def test_a_relay_toml_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Windows Notepad's "UTF-8 with BOM": the mark is invisible, so refusing it would say line
    1 is wrong where nothing shows."""
    config_file = tmp_path / "relay.toml"
    config_file.write_bytes(b"\xef\xbb\xbf" + PROVIDER.encode())
    assert load_config(config_file).doku_client_id == "BRN-1"
