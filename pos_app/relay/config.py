"""Relay settings: defaults, then a TOML file, then command-line options, then validation.

One table (:data:`SETTINGS`) names every setting once, with its TOML section and key and its
command-line option, so the file, the options and ``check-config`` can never drift apart. A
secret may also come from the environment (``KASIR_RELAY_DATABASE_URL``…): every user of the
machine sees a process's command line in ``ps``, only its owner sees its environment.
"""

import argparse
import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pos_app.domain.toml_files import TomlFileError, read_toml
from pos_app.domain.web_address import address_only, port_fits
from pos_app.payments.demo_credentials import DEMO_DOKU_SECRET_KEY, DEMO_ECOMMPAY_SECRET_KEY
from pos_app.payments.registry import DOKU_NOTIFICATION_PATH, ECOMMPAY_CALLBACK_PATH
from pos_app.relay import engines

DEFAULT_PORT = 8780
DEFAULT_DOKU_PATH = DOKU_NOTIFICATION_PATH
OWN_ROUTES = (ECOMMPAY_CALLBACK_PATH, "/v1", "/r", "/healthz")
"""Where the relay's other handlers answer (``app.py``), a path or the paths under it: a DOKU
path among them would reach that handler, which refuses DOKU's notifications."""
MAX_WAIT_LIMIT = 60.0
MAX_CLIENT_TIMEOUT = 300.0
MAX_REDIRECT_TTL = 7 * 24 * 3600
"""A week: far past any Gate payment, and well inside what a ``datetime`` can add."""
PLACEHOLDER_MARK = "replace-with-your"
"""What the example configuration's secret keys say (packaging/relay/relay.example.toml)."""
PUBLISHED_SECRETS = frozenset({DEMO_DOKU_SECRET_KEY, DEMO_ECOMMPAY_SECRET_KEY})
"""The demo sandbox's keys, printed in its documentation."""


@dataclass(frozen=True)
class RelayConfig:
    """Everything ``pos-app relay`` needs; the secret keys are left out of ``repr``."""

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    db: Path = Path("relay.db")
    database_url: str = field(default="", repr=False)
    """A ``postgresql://`` URL: the relay keeps its data there instead of in ``db`` (it may hold
    a password, so it is shown only as set or not)."""
    public_url: str = ""
    """Base URL the internet reaches the relay at; empty: taken from each request."""
    doku_client_id: str = ""
    doku_secret_key: str = field(default="", repr=False)
    doku_notification_path: str = DEFAULT_DOKU_PATH
    """The path DOKU posts to and signs, as seen from outside (a proxy may rewrite it)."""
    ecommpay_project_id: int | None = None
    ecommpay_secret_key: str = field(default="", repr=False)
    max_body_bytes: int = 64 * 1024
    max_upload_bytes: int = 32 * 1024 * 1024
    """A till's uploaded business day (its three CSV files) is far larger than a notification."""
    max_wait_seconds: float = MAX_WAIT_LIMIT
    max_waits_per_terminal: int = 4
    max_waits_total: int = 5000
    redirect_ttl_seconds: int = 1800
    client_timeout_seconds: float = 10.0
    """How long a client may take to send a request's head, or its body, and may stay idle on a
    kept-alive connection, before the relay closes it."""
    log_level: str = "info"

    @property
    def database(self) -> Path | str:
        """What :func:`pos_app.relay.engines.connect` opens: the URL when set, else the file."""
        return self.database_url or self.db

    @property
    def doku_enabled(self) -> bool:
        return bool(self.doku_client_id and self.doku_secret_key)

    @property
    def ecommpay_enabled(self) -> bool:
        return bool(self.ecommpay_project_id is not None and self.ecommpay_secret_key)


@dataclass(frozen=True)
class Setting:
    name: str
    section: str
    key: str
    kind: type
    help: str
    secret: bool = False

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def variable(self) -> str | None:
        """The environment variable that may hold a secret setting (between file and option)."""
        return f"KASIR_RELAY_{self.name.upper()}" if self.secret else None

    @property
    def metavar(self) -> str:
        if self.secret and not self.name.endswith("_url"):
            return "KEY"
        if self.kind is Path:
            return "PATH"
        return "N" if self.kind in (int, float) else self.name.upper().split("_")[-1]


SETTINGS: tuple[Setting, ...] = (
    Setting("host", "relay", "host", str, "address to listen on"),
    Setting("port", "relay", "port", int, f"port to listen on (default {DEFAULT_PORT})"),
    Setting("db", "relay", "db", Path, "the relay's SQLite database file"),
    Setting(
        "database_url",
        "relay",
        "database_url",
        str,
        "PostgreSQL database (postgresql://…) instead of the SQLite file",
        secret=True,
    ),
    Setting("public_url", "relay", "public_url", str, "base URL the internet reaches the relay at"),
    Setting("log_level", "relay", "log_level", str, "debug, info, warning or error"),
    Setting("doku_client_id", "doku", "client_id", str, "DOKU Client-Id"),
    Setting("doku_secret_key", "doku", "secret_key", str, "DOKU secret key", secret=True),
    Setting(
        "doku_notification_path",
        "doku",
        "notification_path",
        str,
        f"public path DOKU posts to and signs (default {DEFAULT_DOKU_PATH})",
    ),
    Setting("ecommpay_project_id", "ecommpay", "project_id", int, "ecommpay project id"),
    Setting(
        "ecommpay_secret_key", "ecommpay", "secret_key", str, "ecommpay secret key", secret=True
    ),
    Setting("max_body_bytes", "limits", "max_body_bytes", int, "largest notification accepted"),
    Setting(
        "max_upload_bytes", "limits", "max_upload_bytes", int, "largest till day upload accepted"
    ),
    Setting("max_wait_seconds", "limits", "max_wait_seconds", float, "longest long-poll wait"),
    Setting(
        "max_waits_per_terminal",
        "limits",
        "max_waits_per_terminal",
        int,
        "concurrent long-polls allowed per terminal",
    ),
    Setting("max_waits_total", "limits", "max_waits_total", int, "concurrent long-polls overall"),
    Setting(
        "redirect_ttl_seconds",
        "limits",
        "redirect_ttl_seconds",
        int,
        "how long a Gate redirect link (/r/TOKEN) stays valid",
    ),
    Setting(
        "client_timeout_seconds",
        "limits",
        "client_timeout_seconds",
        float,
        "how long a client may take to send a request, or stay idle, before it is cut off",
    ),
)
_BY_SECTION_KEY = {(s.section, s.key): s for s in SETTINGS}


class ConfigError(ValueError):
    """A settings file or option that cannot be used; the message lists every problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def add_setting_options(parser: argparse.ArgumentParser) -> None:
    """``--config`` and one option per setting; unset options stay ``None`` (not overriding)."""
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        help="relay TOML file; keep it readable by the relay's user only (chmod 600): it is the "
        "place for secrets",
    )
    for setting in SETTINGS:
        help_text = setting.help
        if setting.variable:
            what = "a password in it is" if setting.name.endswith("_url") else "it is"
            help_text += (
                f" ({what} a secret, and every user of the machine sees options in ps: put it "
                f"in the --config file or in ${setting.variable} instead)"
            )
        parser.add_argument(
            setting.option,
            dest=setting.name,
            default=None,
            metavar=setting.metavar,
            help=help_text,
        )


def _convert(setting: Setting, value: Any, where: str) -> Any:
    """Bring a TOML or option value to the setting's type, or raise a message naming ``where``."""
    if setting.kind is bool or isinstance(value, bool):
        raise ValueError(f"{where}: expected {setting.kind.__name__}, got {value!r}")
    if isinstance(value, str) and _has_control_character(
        value if setting.kind is Path else value.strip()  # around the others: no part of them
    ):
        raise ValueError(
            f"{where} holds a control character (a NUL, a line break, a tab…): write it without"
        )
    if setting.name == "database_url" and isinstance(value, str) and not value.strip():
        raise ValueError(  # not the SQLite file as if the setting were left out: a mistake
            f"{where} is empty: leave it out to keep the data in the SQLite file (relay.db), "
            "or give a postgresql:// URL"
        )
    try:
        if setting.kind is int:
            if not isinstance(value, str | int) or (isinstance(value, str) and not value.strip()):
                raise ValueError  # a decimal, a list, a table, a date or a time
            return int(value)
        if setting.kind is float:
            if not isinstance(value, str | int | float):
                raise ValueError
            return float(value)
        if setting.kind is Path:
            if not isinstance(value, str | Path):
                raise ValueError
            return Path(value).expanduser()
        if not isinstance(value, str):
            raise ValueError
        # a key or id pasted with a space or line break around it would never verify a signature
        return value.strip()
    except ValueError:
        shown = "(hidden)" if setting.secret else repr(value)
        raise ValueError(f"{where}: expected {setting.kind.__name__}, got {shown}") from None


def _has_control_character(text: str) -> bool:
    """TOML lets a string hold any control character (``\\u0000``, a paste gone wrong): a path
    with a NUL cannot even be opened, so the relay would die on it only once it serves."""
    return any(unicodedata.category(char) == "Cc" for char in text)


def read_settings_file(path: Path) -> dict[str, Any]:
    """The settings a TOML file sets; relative ``db`` paths are taken from the file's folder."""
    try:
        document = read_toml(path)
    except TomlFileError as error:
        raise ConfigError([str(error)]) from None
    values: dict[str, Any] = {}
    problems: list[str] = []
    for section, table in document.items():
        if not isinstance(table, dict):
            problems.append(f"{path}: [{section}] must be a table, not a single value")
            continue
        for key, value in table.items():
            setting = _BY_SECTION_KEY.get((section, key))
            if setting is None:
                problems.append(f"{path}: unknown setting {section}.{key}")
                continue
            try:
                values[setting.name] = _convert(setting, value, f"{path}: {section}.{key}")
            except ValueError as exc:
                problems.append(str(exc))
    if problems:
        raise ConfigError(problems)
    if "db" in values and not values["db"].is_absolute():
        values["db"] = path.parent / values["db"]
    return values


def load_config(
    config_file: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> RelayConfig:
    """Defaults < file < the secrets' environment variables of ``environ`` < overrides (``None``
    overrides are ignored); raises :class:`ConfigError`."""
    values = read_settings_file(config_file) if config_file is not None else {}
    problems: list[str] = []
    by_name = {s.name: s for s in SETTINGS}
    given = {name for name, value in (overrides or {}).items() if value is not None}
    for setting in SETTINGS:
        if setting.name in given:
            continue  # the option wins: its variable is not even read
        if setting.variable and environ is not None and setting.variable in environ:
            try:
                values[setting.name] = _convert(
                    setting, environ[setting.variable], setting.variable
                )
            except ValueError as exc:
                problems.append(str(exc))
    for name, value in (overrides or {}).items():
        if value is None:
            continue
        try:
            values[name] = _convert(by_name[name], value, by_name[name].option)
        except ValueError as exc:
            problems.append(str(exc))
    if problems:
        raise ConfigError(problems)
    return replace(RelayConfig(), **values)


def config_from_args(args: argparse.Namespace) -> RelayConfig:
    return load_config(
        args.config, {s.name: getattr(args, s.name) for s in SETTINGS}, environ=os.environ
    )


def database_problems(config: RelayConfig) -> list[str]:
    """What is wrong with where the relay keeps its data, before anything tries to open it."""
    if config.database_url:
        problem = engines.url_problem(config.database_url)
        return [f"relay.database_url {problem}"] if problem else []
    if config.db.is_dir():
        return [f"relay.db {config.db} is a directory, not a database file"]
    problem = folder_problem(config.db)
    return [f"relay.db: {problem}"] if problem else []


def folder_problem(db: Path) -> str | None:
    """What keeps the relay from writing in the SQLite file's folder: it writes the file, and
    its ``-wal`` and ``-shm`` beside it, even to read."""
    if not db.parent.is_dir():
        return f"the folder {db.parent} does not exist"
    if not os.access(db.parent, os.W_OK | os.X_OK):
        return (
            f"the folder {db.parent} is read-only for this user, and the relay writes "
            f"{db.name} and its -wal and -shm files there"
        )
    return None


def validate(config: RelayConfig) -> list[str]:
    """Every problem that would stop the relay from serving correctly, in plain words."""
    problems: list[str] = []
    if not config.host:
        problems.append("relay.host is empty")
    if not 0 <= config.port <= 65535:
        problems.append(f"relay.port {config.port} is not between 0 and 65535")
    if config.public_url:
        problems += _public_url_problems(config.public_url)
    problems += database_problems(config)
    if config.log_level.lower() not in ("debug", "info", "warning", "error"):
        problems.append(f"relay.log_level {config.log_level!r} is not debug/info/warning/error")
    if bool(config.doku_client_id) != bool(config.doku_secret_key):
        missing = "secret_key" if config.doku_client_id else "client_id"
        problems.append(f"doku.{missing} is missing (DOKU needs both client_id and secret_key)")
    path = config.doku_notification_path
    if not path.startswith("/") or any(c in path for c in "?# {}") or "//" in path:
        problems.append(f"doku.notification_path {path!r} must be a plain path starting with /")
    elif any(path == route or path.startswith(route + "/") for route in OWN_ROUTES):
        problems.append(f"doku.notification_path {path!r} is where the relay answers another route")
    if (config.ecommpay_project_id is not None) != bool(config.ecommpay_secret_key):
        missing = "secret_key" if config.ecommpay_project_id is not None else "project_id"
        problems.append(
            f"ecommpay.{missing} is missing (ecommpay needs both project_id and secret_key)"
        )
    problems += secret_problems(config)
    if config.ecommpay_project_id is not None and config.ecommpay_project_id <= 0:
        problems.append("ecommpay.project_id must be a positive number")
    if not (config.doku_client_id or config.ecommpay_project_id is not None):
        problems.append("no provider is configured: set [doku] and/or [ecommpay]")
    if not 1024 <= config.max_body_bytes <= 1024 * 1024:
        problems.append("limits.max_body_bytes must be between 1024 and 1048576")
    if not 64 * 1024 <= config.max_upload_bytes <= 1024 * 1024 * 1024:
        problems.append("limits.max_upload_bytes must be between 65536 and 1073741824")
    if not 0 < config.max_wait_seconds <= MAX_WAIT_LIMIT:
        problems.append(f"limits.max_wait_seconds must be above 0 and at most {MAX_WAIT_LIMIT:g}")
    if config.max_waits_per_terminal < 1 or config.max_waits_total < 1:
        problems.append("limits.max_waits_per_terminal and max_waits_total must be at least 1")
    if not 60 <= config.redirect_ttl_seconds <= MAX_REDIRECT_TTL:
        problems.append(
            f"limits.redirect_ttl_seconds must be between 60 and {MAX_REDIRECT_TTL} (7 days)"
        )
    if not 0 < config.client_timeout_seconds <= MAX_CLIENT_TIMEOUT:
        problems.append(
            f"limits.client_timeout_seconds must be above 0 and at most {MAX_CLIENT_TIMEOUT:g}"
        )
    return problems


def _public_url_problems(text: str) -> list[str]:
    """What is wrong with the public URL, quoting no more of it than its host and port: a query,
    a fragment, a user name or a path (a provider's notification path) may hold a secret."""
    if "?" in text or "#" in text:
        return ["relay.public_url must not have a query or fragment"]
    if "@" in text:
        return ["relay.public_url must not hold a user name or password"]
    try:
        url = urlsplit(text)
        readable = url.scheme in ("http", "https") and bool(url.hostname)
    except ValueError:  # an unclosed [ of an IPv6 host
        readable = False
    if not readable:
        return [f"relay.public_url {address_only(text)!r} is not an http(s) URL"]
    if not port_fits(url):
        return [f"relay.public_url: the port of {url.hostname} is not a number from 1 to 65535"]
    return []


def secret_problems(config: RelayConfig) -> list[str]:
    """A secret key anyone can read (the example's placeholder, the demo sandbox's key) lets
    anyone sign a notification that this relay stores and a till takes as paid."""
    problems = []
    for name, provider, secret in (
        ("doku.secret_key", "DOKU", config.doku_secret_key),
        ("ecommpay.secret_key", "ecommpay", config.ecommpay_secret_key),
    ):
        if PLACEHOLDER_MARK in secret.lower():
            known = "still the example's placeholder"
        elif secret in PUBLISHED_SECRETS:
            known = "the demo sandbox's key, published in its documentation"
        else:
            continue
        problems.append(
            f"{name} is {known}: anyone could sign notifications this relay would take as "
            f"paid; put the secret key from {provider}'s back office there"
        )
    return problems


def describe(config: RelayConfig) -> list[str]:
    """The settings in effect, one per line, secrets shown only as set or not set."""
    lines = []
    for setting in SETTINGS:
        value = getattr(config, setting.name)
        if setting.secret:
            shown = "(set)" if value else "(not set)"
        else:
            shown = "(not set)" if value in ("", None) else str(value)
        lines.append(f"  {setting.section}.{setting.key} = {shown}")
    return lines
