"""The terminal's settings: a TOML file, overridden by ``KASIR_…`` environment variables.

The file is ``platformdirs.user_config_path("Kasir") / "kasir.toml"`` unless a path is given
(``--config PATH``, or ``KASIR_CONFIG``). A missing default file means "all defaults"; a missing
explicit file is an error. Example::

    provider = "doku"                  # sandbox | doku | ecommpay-page | ecommpay-gate
    terminal_id = "T1"                 # 1-16 of A-Z a-z 0-9 -; unique per terminal of a merchant
    timezone = "Asia/Jakarta"
    business_day_cutoff = "04:00"      # local HH:MM; earlier sales count for the previous day
    qr_expiry_minutes = 15
    status_check_wait_seconds = 60     # ask the provider if the relay has said nothing by then
    language = "id"                    # id | en; not set: the system's language (id_ID → id)

    [shop]
    name = "Toko Maju"
    address = "Jl. Merdeka 1, Bandung"

    [doku]
    environment = "production"         # sandbox (default) | production: picks the API host
    client_id = "BRN-0000-0000000000000"
    secret_key_file = "/home/kasir/.config/Kasir/doku.key"
    # base_url = "http://127.0.0.1:8001"   overrides the host (the local sandbox)

    [ecommpay]
    project_id = 12345
    secret_key_file = "/home/kasir/.config/Kasir/ecommpay.key"
    payment_page_url = "https://paymentpage.ecommpay.com"
    gate_url = "https://api.ecommpay.com"
    customer_email = "kasir@tokomaju.id"   # sent as the customer's, so ecommpay asks them nothing
    customer_ip = "203.0.113.10"           # the shop's public address (Gate requires one)

    [relay]
    url = "https://relay.example.com"
    token_file = "/home/kasir/.config/Kasir/relay.token"

    [printer]                          # the receipt printer (settings/printer_settings.py)
    address = "tcp://192.168.1.50:9100"
    width = 80                         # 58 | 80 (mm)
    auto_print = true
    drawer = true

    [barcodes]                         # the scale's labels (GS1 variable measure, 20-29)
    price_prefixes = "20-24"           # PP IIIII VVVVV C: the value is the price in rupiah
    weight_prefixes = "25-29"          # the value is the weight in grams; "" for none
    verified_prefixes = "25-29"        # a verifier digit K before the value; "" (default) none
    verified_value_digits = 5          # 5: PP IIII K VVVVV C (default) | 4: PP IIIII K VVVV C

Environment overrides: ``KASIR_<KEY>`` for a top-level key and ``KASIR_<SECTION>_<KEY>`` for a key
in a section, upper-cased (``KASIR_PROVIDER``, ``KASIR_DOKU_CLIENT_ID``, ``KASIR_TAX_ENABLED``). An
environment value wins over the file. The README's Configuration table lists every key with its
variable and default.

Secrets (``doku.secret_key``, ``ecommpay.secret_key``, ``relay.token``) come, in this order, from
the environment, from a ``*_file`` that only its owner may read (``chmod 600``; a file with any
group/other permission is refused), or inline in the TOML, which is accepted only when the TOML file
itself is user-only. File permissions are not checked on Windows, which has no such mode bits.
"""

import hmac
import ipaddress
import itertools
import os
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any, Final, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import httpx

from pos_app.domain.barcodes import (
    VERIFIED_VALUE_DIGITS,
    LayoutError,
    MeasureLayout,
    parse_prefixes,
)
from pos_app.domain.business_day import DEFAULT_TIMEZONE, BusinessDay, zone
from pos_app.domain.catalog import is_control
from pos_app.domain.digits import whole_number
from pos_app.domain.errors import KasirError, ValidationError
from pos_app.domain.tax import NO_TAX, TaxClass, TaxPolicy, TaxRate, parse_rate
from pos_app.domain.texts import N_, say
from pos_app.domain.toml_files import TomlFileError, read_toml
from pos_app.domain.web_address import address_only, port_fits
from pos_app.payments.model import ProviderName
from pos_app.settings import paths
from pos_app.settings.languages import LANGUAGES
from pos_app.settings.printer_settings import KEYS as PRINTER_KEYS
from pos_app.settings.printer_settings import PrinterSettings, paper_width, printer_address


class ProviderChoice(StrEnum):
    """The ``provider`` setting: the local simulator, or one of the real providers."""

    SANDBOX = "sandbox"
    DOKU = ProviderName.DOKU.value
    ECOMMPAY_PAGE = ProviderName.ECOMMPAY_PAGE.value
    ECOMMPAY_GATE = ProviderName.ECOMMPAY_GATE.value

    @property
    def provider_name(self) -> ProviderName:
        """The provider that takes the payments: the sandbox simulates DOKU."""
        return ProviderName.DOKU if self is ProviderChoice.SANDBOX else ProviderName(self.value)


PROVIDERS: Final = tuple(choice.value for choice in ProviderChoice)
"""``sandbox`` is the local simulator (demo mode); the others are the real providers."""

DOKU_HOSTS: Final = {
    "sandbox": "https://api-sandbox.doku.com",
    "production": "https://api.doku.com",
}

_SECRET_MASK = "***"
_TERMINAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,15}$")
_CUTOFF = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class ConfigError(KasirError):
    """Settings that cannot be used; ``problems`` lists each key and what it expects."""

    def __init__(self, problems: list[str], source: Path | None = None) -> None:
        self.problems = tuple(problems)
        where = f"{source}: " if source else ""
        if len(problems) == 1:
            message = f"{where}{problems[0]}"
        else:
            listed = "\n".join(f"  - {problem}" for problem in problems)
            message = f"{where}{len(problems)} problems:\n{listed}"
        super().__init__(message)


class Secret:
    """A secret value that prints as ``Secret('***')``; only :meth:`reveal` gives it out."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret({_SECRET_MASK!r})"

    def __str__(self) -> str:
        return _SECRET_MASK

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True, slots=True)
class ShopSettings:
    name: str = "Kasir"
    address: str = ""


@dataclass(frozen=True, slots=True)
class DiscountSettings:
    approval_above_percent: int = 10
    """A discount taking more than this share of what it is given on needs a manager's PIN."""


@dataclass(frozen=True, slots=True)
class DokuSettings:
    environment: str = "sandbox"
    """``sandbox`` or ``production``; sandbox by default so that no real money moves by accident."""
    client_id: str = ""
    secret_key: Secret | None = None
    base_url: str = ""
    """Overrides the environment's host, e.g. the local sandbox in demo mode."""

    @property
    def api_url(self) -> str:
        return self.base_url or DOKU_HOSTS[self.environment]


@dataclass(frozen=True, slots=True)
class EcommpaySettings:
    project_id: int | None = None
    secret_key: Secret | None = None
    payment_page_url: str = "https://paymentpage.ecommpay.com"
    gate_url: str = "https://api.ecommpay.com"
    customer_email: str = ""
    """Sent as the walk-in customer's e-mail; without one ecommpay stops to ask the customer."""
    customer_ip: str = ""
    """The shop's public IP address: Gate requires a customer IP."""


@dataclass(frozen=True, slots=True)
class RelaySettings:
    url: str = ""
    token: Secret | None = None


def _default_layout() -> MeasureLayout:
    return MeasureLayout()


@dataclass(frozen=True, slots=True)
class Settings:
    provider: ProviderChoice = ProviderChoice.SANDBOX
    terminal_id: str = "T1"
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_TIMEZONE))
    business_day_cutoff: time = time(0, 0)
    qr_expiry_minutes: int = 15
    status_check_wait_seconds: int = 60
    language: str | None = None
    """``id`` or ``en``; None follows the system's language (:mod:`pos_app.settings.languages`)."""
    tax: TaxPolicy = NO_TAX
    """PPN: off for a shop that is no PKP (docs/tax.md)."""
    discounts: DiscountSettings = field(default_factory=DiscountSettings)
    shop: ShopSettings = field(default_factory=ShopSettings)
    doku: DokuSettings = field(default_factory=DokuSettings)
    ecommpay: EcommpaySettings = field(default_factory=EcommpaySettings)
    relay: RelaySettings = field(default_factory=RelaySettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    barcodes: MeasureLayout = field(default_factory=_default_layout)
    """Which scale-label prefixes carry a price and which a weight, and which a verifier digit
    (``domain/barcodes.py``)."""
    source: Path | None = None
    """The TOML file these settings were read from, if any."""

    @property
    def business_day(self) -> BusinessDay:
        return BusinessDay(self.timezone, self.business_day_cutoff)

    def missing_for_provider(self, provider: str | None = None) -> list[str]:
        """The keys still to be set before ``provider`` (default: the chosen one) can take payments.

        The relay is required for every real provider: it is how payment notifications, late
        payments and ecommpay Gate redirects reach the terminal.
        """
        try:
            chosen = ProviderChoice(provider or self.provider)
        except ValueError:
            raise ValidationError(
                N_("provider: expected one of {choices}, got {provider}"),
                choices=", ".join(PROVIDERS),
                provider=repr(provider),
            ) from None
        needed: dict[str, object] = {}
        if chosen is ProviderChoice.DOKU:
            needed = {
                "doku.client_id": self.doku.client_id,
                "doku.secret_key": self.doku.secret_key,
            }
        elif chosen in (ProviderChoice.ECOMMPAY_PAGE, ProviderChoice.ECOMMPAY_GATE):
            needed = {
                "ecommpay.project_id": self.ecommpay.project_id,
                "ecommpay.secret_key": self.ecommpay.secret_key,
                "ecommpay.customer_email": self.ecommpay.customer_email,
            }
            if chosen is ProviderChoice.ECOMMPAY_GATE:
                needed["ecommpay.customer_ip"] = self.ecommpay.customer_ip
        if chosen is not ProviderChoice.SANDBOX:
            needed |= {"relay.url": self.relay.url, "relay.token": self.relay.token}
        return [key for key, value in needed.items() if not value]

    def unusable_urls(self) -> list[str]:
        """Each URL setting that reading the file would refuse, with why: settings made in code
        skip that check, and a URL httpx refuses would stop the terminal at start."""
        urls = {
            "doku.base_url": self.doku.base_url,
            "ecommpay.payment_page_url": self.ecommpay.payment_page_url,
            "ecommpay.gate_url": self.ecommpay.gate_url,
            "relay.url": self.relay.url,
        }
        problems = []
        for key, url in urls.items():
            if not url:
                continue
            try:
                _http_url(url)
            except ValueError as exc:
                problems.append(f"{key}: {exc}")
        return problems

    def missing_for_payouts(self) -> list[str]:
        """The keys still to be set before refunds can be paid out (ecommpay's payouts, whatever
        provider takes the payments; demo mode needs none)."""
        needed: dict[str, object] = {
            "ecommpay.project_id": self.ecommpay.project_id,
            "ecommpay.secret_key": self.ecommpay.secret_key,
            "ecommpay.customer_ip": self.ecommpay.customer_ip,
        }
        return [key for key, value in needed.items() if not value]


def load_settings(path: Path | None = None, env: Mapping[str, str] = os.environ) -> Settings:
    """Read, merge and check the settings; every problem found is reported in one ConfigError."""
    explicit = path or (Path(env["KASIR_CONFIG"]) if env.get("KASIR_CONFIG") else None)
    source = explicit or paths.config_path()
    document: dict[str, Any] = {}
    if source.exists():
        try:
            document = read_toml(source)
        except TomlFileError as error:
            raise ConfigError([str(error)]) from None
    elif explicit:
        raise ConfigError([f"config file {source} does not exist"])
    reader = _Reader(document, env, source if source.exists() else None)
    settings = reader.settings()
    if reader.problems:
        raise ConfigError(reader.problems, reader.source)
    return settings


_T = TypeVar("_T")

_SECTIONS: Final = {
    "": {
        "provider",
        "terminal_id",
        "timezone",
        "business_day_cutoff",
        "qr_expiry_minutes",
        "status_check_wait_seconds",
        "language",
    },
    "shop": {"name", "address"},
    "tax": {"enabled", "prices_include_tax", "standard_rates", "other_rates"},
    "discounts": {"approval_above_percent"},
    "doku": {"environment", "client_id", "secret_key", "secret_key_file", "base_url"},
    "ecommpay": {
        "project_id",
        "secret_key",
        "secret_key_file",
        "payment_page_url",
        "gate_url",
        "customer_email",
        "customer_ip",
    },
    "relay": {"url", "token", "token_file"},
    "printer": set(PRINTER_KEYS),
    "barcodes": {
        "price_prefixes",
        "weight_prefixes",
        "verified_prefixes",
        "verified_value_digits",
    },
}


class _Reader:
    """Looks each key up in the environment, then the file; collects problems instead of raising."""

    def __init__(self, document: dict[str, Any], env: Mapping[str, str], source: Path | None):
        self.document = document
        self.env = env
        self.source = source
        self.problems: list[str] = []
        self._check_known_keys()

    def settings(self) -> Settings:
        defaults = Settings()
        doku_environment = self.value(
            "doku.environment", defaults.doku.environment, _one_of(tuple(DOKU_HOSTS))
        )
        settings = Settings(
            provider=ProviderChoice(
                self.value("provider", defaults.provider.value, _one_of(PROVIDERS))
            ),
            terminal_id=self.value("terminal_id", defaults.terminal_id, _terminal_id),
            timezone=self.value("timezone", defaults.timezone, _timezone),
            business_day_cutoff=self.value(
                "business_day_cutoff", defaults.business_day_cutoff, _cutoff
            ),
            qr_expiry_minutes=self.value(
                "qr_expiry_minutes", defaults.qr_expiry_minutes, _int_between(1, 24 * 60)
            ),
            status_check_wait_seconds=self.value(
                "status_check_wait_seconds",
                defaults.status_check_wait_seconds,
                _int_between(1, 3600),
            ),
            language=self.value("language", None, _one_of(LANGUAGES)),
            tax=self.tax_policy(),
            discounts=DiscountSettings(
                self.value(
                    "discounts.approval_above_percent",
                    defaults.discounts.approval_above_percent,
                    _int_between(0, 100),
                )
            ),
            shop=ShopSettings(
                name=self.value("shop.name", defaults.shop.name, _non_empty_text),
                address=self.value("shop.address", defaults.shop.address, _text),
            ),
            doku=DokuSettings(
                environment=doku_environment,
                client_id=self.value("doku.client_id", "", _header_text),
                secret_key=self.secret("doku.secret_key"),
                base_url=self.value("doku.base_url", "", _http_url),
            ),
            ecommpay=EcommpaySettings(
                project_id=self.value("ecommpay.project_id", None, _int_between(1, 2**63 - 1)),
                secret_key=self.secret("ecommpay.secret_key"),
                payment_page_url=self.value(
                    "ecommpay.payment_page_url", defaults.ecommpay.payment_page_url, _http_url
                ),
                gate_url=self.value("ecommpay.gate_url", defaults.ecommpay.gate_url, _http_url),
                customer_email=self.value("ecommpay.customer_email", "", _email),
                customer_ip=self.value("ecommpay.customer_ip", "", _ip_address),
            ),
            relay=RelaySettings(
                url=self.value("relay.url", "", _http_url),
                token=self.secret("relay.token"),
            ),
            printer=PrinterSettings(
                address=self.value("printer.address", None, printer_address),
                width=self.value("printer.width", defaults.printer.width, paper_width),
                auto_print=self.value("printer.auto_print", defaults.printer.auto_print, _flag),
                drawer=self.value("printer.drawer", defaults.printer.drawer, _flag),
            ),
            barcodes=self.measure_layout(defaults.barcodes),
            source=self.source,
        )
        self.check_rates_apply(settings.tax, settings.business_day.date_of(datetime.now(UTC)))
        return settings

    def measure_layout(self, default: MeasureLayout) -> MeasureLayout:
        prices = self.value("barcodes.price_prefixes", default.price_prefixes, _prefixes)
        weights = self.value("barcodes.weight_prefixes", default.weight_prefixes, _prefixes)
        verified = self.value("barcodes.verified_prefixes", default.verified_prefixes, _prefixes)
        digits = self.value(
            "barcodes.verified_value_digits",
            default.verified_value_digits,
            _int_between(min(VERIFIED_VALUE_DIGITS), max(VERIFIED_VALUE_DIGITS)),
        )
        try:
            return MeasureLayout(prices, weights, verified, digits)
        except LayoutError as exc:  # named by each setting at fault, so a form can show it there
            for name in exc.fields:
                key = f"barcodes.{name}"
                _, origin = self._lookup(key)
                self.problems.append(f"{key}{origin}: {exc}")
            return default

    def tax_policy(self) -> TaxPolicy:
        rates = dict(NO_TAX.rates)
        for tax_class in (TaxClass.STANDARD, TaxClass.OTHER):
            chosen = self.value(f"tax.{tax_class.value}_rates", None, _tax_rates)
            if chosen is not None:
                rates[tax_class] = chosen
        return TaxPolicy(
            enabled=self.value("tax.enabled", False, _flag),
            prices_include_tax=self.value("tax.prices_include_tax", True, _flag),
            rates=rates,
        )

    def check_rates_apply(self, tax: TaxPolicy, today: date) -> None:
        """With PPN on, each class the settings give rates for must have one today: a sale is
        priced on its business day, today or later, and would otherwise be refused at the till."""
        if not tax.enabled:
            return
        for tax_class in (TaxClass.STANDARD, TaxClass.OTHER):
            if tax_class not in tax.rates:
                continue
            try:
                tax.rate(tax_class, today)
            except ValidationError:
                key = f"tax.{tax_class.value}_rates"
                _, origin = self._lookup(key)
                self.problems.append(
                    f"{key}{origin}: "
                    + say(
                        N_(
                            "PPN is on, but none of these rates applies yet on {day} (today's "
                            "business day): add the rate in force now"
                        ),
                        day=today.isoformat(),
                    )
                )

    def value(self, key: str, default: _T, parse: Callable[[object], _T]) -> _T:
        raw, origin = self._lookup(key)
        if raw is None:
            return default
        try:
            return parse(raw)
        except ValueError as exc:
            self.problems.append(f"{key}{origin}: {exc}")
            return default

    def secret(self, key: str) -> Secret | None:
        """The secret ``key`` names, from the environment, its file or inline; printable ASCII
        only, as keys and tokens go into signatures and HTTP headers."""
        found = self._secret(key)
        if found is None:
            return None
        try:
            _plain_ascii(found.reveal())
        except ValidationError as exc:
            self.problems.append(f"{key}: {exc}")
            return None
        return found

    def _secret(self, key: str) -> Secret | None:
        file_key = f"{key}_file"
        from_env, _ = self._lookup_env(key)
        if from_env:
            return Secret(from_env)
        file_name, file_origin = self._lookup(file_key)
        inline = self._lookup_file(key)
        if file_name is not None and inline is not None:
            self.problems.append(
                f"{key}: "
                + say(N_("give either {key} or {file_key}, not both"), key=key, file_key=file_key)
            )
            return None
        if file_name is not None:
            return self._secret_from_file(file_key + file_origin, file_name)
        if inline is None:
            return None
        if not isinstance(inline, str) or not inline.strip():
            self.problems.append(f"{key}: " + say(N_("expected a non-empty text")))
            return None
        if self.source is not None and _shared_mode(self.source) is not None:
            self.problems.append(
                f"{key}: "
                + say(
                    N_(
                        "an inline secret needs the settings file to be readable by its owner "
                        "only (chmod 600 {path}); or use {file_key} or {variable} instead"
                    ),
                    path=self.source,
                    file_key=file_key,
                    variable=_env_name(key),
                )
            )
            return None
        return Secret(inline.strip())

    def _secret_from_file(self, label: str, name: object) -> Secret | None:
        if not isinstance(name, str) or not name.strip():
            self.problems.append(f"{label}: " + say(N_("expected a file path")))
            return None
        if any(is_control(char) for char in name):
            # a NUL is a ValueError, not an OSError, from every call that opens the file
            self.problems.append(
                f"{label}: "
                + say(N_("the file path holds a control character (a NUL, a line break…)"))
            )
            return None
        path = Path(name).expanduser()
        try:
            mode = _shared_mode(path)
            if mode is not None:
                self.problems.append(
                    f"{label}: "
                    + say(
                        N_(
                            "{path} may be read by group or others (mode {mode}); "
                            "run chmod 600 {path}"
                        ),
                        path=path,
                        mode=f"{mode:o}",
                    )
                )
                return None
            value = path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:  # the secret itself may have been pasted here: never echoed
            self.problems.append(
                f"{label}: "
                + say(
                    N_(
                        "cannot read it: there is no file of that name; give the path of the "
                        "file that holds the secret, not the secret itself"
                    )
                )
            )
            return None
        except OSError as exc:
            self.problems.append(
                f"{label}: " + say(N_("cannot read {path}: {why}"), path=path, why=exc.strerror)
            )
            return None
        except UnicodeDecodeError:
            self.problems.append(f"{label}: " + say(N_("{path} is not UTF-8 text"), path=path))
            return None
        if not value:
            self.problems.append(f"{label}: " + say(N_("{path} is empty"), path=path))
            return None
        return Secret(value)

    def _lookup(self, key: str) -> tuple[object, str]:
        from_env, origin = self._lookup_env(key)
        if from_env is not None:
            return from_env, origin
        return self._lookup_file(key), ""

    def _lookup_env(self, key: str) -> tuple[str | None, str]:
        """The variable without surrounding blanks, as a file's values are read (``set X=v `` on
        Windows keeps the trailing space, which made a secret the wrong key); an empty or blank
        one counts as unset, as shells make it easy to leave one empty."""
        name = _env_name(key)
        return self.env.get(name, "").strip() or None, f" (from {name})"

    def _lookup_file(self, key: str) -> object:
        section, _, name = key.rpartition(".")
        table = self.document.get(section, {}) if section else self.document
        return table.get(name) if isinstance(table, dict) else None

    def _check_known_keys(self) -> None:
        for name, value in self.document.items():
            if name in _SECTIONS and name:
                if not isinstance(value, dict):
                    self.problems.append(
                        f"{name}: " + say(N_("expected a [{name}] table"), name=name)
                    )
                    continue
                unknown = sorted(set(value) - _SECTIONS[name])
                self.problems.extend(
                    f"{name}.{key}: " + say(N_("unknown setting")) for key in unknown
                )
            elif name not in _SECTIONS[""]:
                self.problems.append(f"{name}: " + say(N_("unknown setting")))


def _env_name(key: str) -> str:
    return "KASIR_" + key.replace(".", "_").upper()


def _shared_mode(path: Path) -> int | None:
    """The permission bits of ``path`` if group or others have any access to it, else None."""
    if os.name == "nt":
        return None
    mode = stat.S_IMODE(path.stat().st_mode)
    return mode if mode & 0o077 else None


def _text(raw: object) -> str:
    if not isinstance(raw, str):
        raise ValidationError(N_("expected a text, got {kind}"), kind=type(raw).__name__)
    return raw.strip()


def _plain_ascii(text: str) -> str:
    """``text`` if it is printable ASCII, as what goes into an HTTP header or a signature must
    be: a no-break space, a zero-width space or a curly quote pasted from a web page failed
    every signature, or crashed every request the value went into as a header."""
    if not (text.isascii() and text.isprintable()):
        raise ValidationError(
            N_("holds a character that is not plain ASCII; type or paste it again")
        )
    return text


def _header_text(raw: object) -> str:
    """A text that goes into an HTTP header (the DOKU Client ID)."""
    return _plain_ascii(_text(raw))


def _non_empty_text(raw: object) -> str:
    text = _text(raw)
    if not text:
        raise ValidationError(N_("expected a non-empty text"))
    return text


def _prefixes(raw: object) -> frozenset[str]:
    return parse_prefixes(_text(raw))


def tax_table(tax: TaxPolicy) -> dict[str, object]:
    """The ``[tax]`` table that reads back as ``tax`` (the support bundle shows it so)."""
    table: dict[str, object] = {
        "enabled": tax.enabled,
        "prices_include_tax": tax.prices_include_tax,
    }
    for tax_class in (TaxClass.STANDARD, TaxClass.OTHER):
        if tax_class in tax.rates:
            table[f"{tax_class.value}_rates"] = [rate.text() for rate in tax.rates[tax_class]]
    return table


def _flag(raw: object) -> bool:
    """A TOML boolean, or ``true``/``false`` from the environment."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
        return raw.strip().lower() == "true"
    raise ValidationError(N_("expected true or false, got {value}"), value=repr(raw))


def _tax_rates(raw: object) -> tuple[TaxRate, ...]:
    """A TOML list of rates, or one text with the rates separated by ``;`` (the environment)."""
    items = raw.split(";") if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValidationError(N_('expected a list of rates like "2025-01-01 12 11/12"'))
    rates = tuple(sorted(parse_rate(item) for item in items if item.strip()))
    for earlier, later in itertools.pairwise(rates):
        if earlier.valid_from == later.valid_from:
            raise ValidationError(
                N_("two rates start on {day}: {rate} and {other}; keep the one that applies"),
                day=later.valid_from.isoformat(),
                rate=earlier.text(),
                other=later.text(),
            )
    return rates


def _one_of(choices: tuple[str, ...]) -> Callable[[object], str]:
    def parse(raw: object) -> str:
        text = _text(raw)
        if text not in choices:
            raise ValidationError(
                N_("expected one of {choices}, got {value}"),
                choices=", ".join(choices),
                value=repr(text),
            )
        return text

    return parse


def _int_between(low: int, high: int) -> Callable[[object], int]:
    def parse(raw: object) -> int:
        if isinstance(raw, str):
            text = raw.strip()
            number = whole_number(text.removeprefix("-"), 19)
            if number is not None:
                raw = -number if text.startswith("-") else number
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValidationError(N_("expected a whole number, got {value}"), value=repr(raw))
        if not low <= raw <= high:
            raise ValidationError(
                N_("expected a whole number from {low} to {high}, got {value}"),
                low=low,
                high=high,
                value=raw,
            )
        return raw

    return parse


def _terminal_id(raw: object) -> str:
    text = _text(raw)
    if not _TERMINAL_ID.match(text):
        raise ValidationError(
            N_(
                "expected 1-16 letters, digits or '-' (starting with a letter or digit), "
                "got {value}"
            ),
            value=repr(text),
        )
    return text


def _timezone(raw: object) -> ZoneInfo:
    return zone(_text(raw))  # its ValidationError is the ValueError a setting's check raises


def _cutoff(raw: object) -> time:
    if isinstance(raw, time) and raw.tzinfo is None and not raw.second and not raw.microsecond:
        return raw
    match = _CUTOFF.match(raw.strip()) if isinstance(raw, str) else None
    if not match:
        raise ValidationError(
            N_("expected a local time as HH:MM (00:00 to 23:59), got {value}"), value=repr(raw)
        )
    return time(int(match[1]), int(match[2]))


def _email(raw: object) -> str:
    text = _text(raw)
    local, _, domain = text.partition("@")
    if not (local and "." in domain) or " " in text:
        raise ValidationError(N_("expected an e-mail address, got {value}"), value=repr(text))
    return text


def _ip_address(raw: object) -> str:
    text = _text(raw)
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        raise ValidationError(N_("expected an IP address, got {value}"), value=repr(text)) from None


def _http_url(raw: object) -> str:
    """A base URL the clients add their paths to: one httpx takes (it refused 192.168.1.300 only
    when the terminal started), with no query or fragment, which would send every call astray.
    Nothing past the host and port is echoed (:func:`address_only`)."""
    text = _text(raw)
    not_http = ValidationError(
        N_("expected an http(s) URL, got {value}"), value=repr(address_only(text))
    )
    try:
        parts = urlsplit(text)
    except ValueError:  # an unclosed [ of an IPv6 host
        raise not_http from None
    if parts.username is not None or parts.password is not None:
        raise ValidationError(
            N_("a URL must not hold a user name or password; the secrets have their own settings")
        )
    if "?" in text or "#" in text:
        raise ValidationError(
            N_("a URL must not hold a query (?...) or a fragment (#...); give the address only")
        )
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise not_http
    if not port_fits(parts):
        raise ValidationError(
            N_("the port of {host} must be a number from 1 to 65535, got {port}"),
            host=parts.hostname,
            port=repr(parts.netloc.rpartition(":")[2]),
        )
    try:
        httpx.URL(text)
    except httpx.InvalidURL as exc:  # it quotes a host, a port or a character, no more
        raise ValidationError(
            N_("expected an http(s) URL, got {value} ({why})"),
            value=repr(address_only(text)),
            why=str(exc),
        ) from None
    return text.rstrip("/")
