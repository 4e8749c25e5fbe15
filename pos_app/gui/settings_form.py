"""The settings a person types in, for the setup wizard and the back office's Settings tab alike:
each field with its label and the ``kasir.toml`` key it sets, and the words for what a connection
test found.

Fields start from what the settings file alone says. What they would write is checked by reading the
file back through :mod:`pos_app.settings.terminal_config` (:mod:`pos_app.settings.settings_file`),
so a wrong or missing value is named with its field. Secrets are write-only: a saved one is never
put in a field, an empty field keeps it, a typed one replaces it (inline in the owner-only file, its
``*_file`` dropped).
"""

import html
import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from pos_app.domain.barcodes import VERIFIED_VALUE_DIGITS, prefixes_text
from pos_app.domain.digits import whole_number
from pos_app.domain.printer_address import PAPER_WIDTHS
from pos_app.gui.printer_fields import PrinterAddressEdit
from pos_app.settings import settings_file
from pos_app.settings.languages import LANGUAGES
from pos_app.settings.printer_settings import PrinterSettings, paper_width, printer_address
from pos_app.settings.terminal_config import (
    DOKU_HOSTS,
    ConfigError,
    ProviderChoice,
    Secret,
    Settings,
    ShopSettings,
)
from pos_app.till.connection_check import Check, Service, Verdict

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
"""Each language in its own words, so it can be found whatever the screen speaks now."""
TIME_ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
"""Indonesia's three (WIB, WITA, WIT) to pick from; any other IANA name may be typed."""
PAYMENT_FIELDS = (
    "provider",
    "doku.environment",
    "doku.client_id",
    "doku.secret_key",
    "ecommpay.project_id",
    "ecommpay.secret_key",
    "ecommpay.customer_email",
    "ecommpay.customer_ip",
)
"""The payment settings, in the order the wizard and the back office show them."""
RELAY_FIELDS = ("relay.url", "relay.token")
PRINTER_FIELDS = ("printer.address", "printer.width", "printer.auto_print", "printer.drawer")
TAX_FIELDS = ("tax.enabled", "tax.prices_include_tax", "discounts.approval_above_percent")
"""What a manager switches for PPN and discounts; the rates by date stay in the file
(docs/tax.md), where a change of law is one line."""
BARCODE_FIELDS = (
    "barcodes.price_prefixes",
    "barcodes.weight_prefixes",
    "barcodes.verified_prefixes",
    "barcodes.verified_value_digits",
)
"""What the shop's scale prints on its labels (README, Weighed and priced goods)."""
CHECK_BOXES = ("printer.auto_print", "printer.drawer", "tax.enabled", "tax.prices_include_tax")
NUMBER_CHOICES: Mapping[str, tuple[int, ...]] = {
    "printer.width": tuple(sorted(PAPER_WIDTHS, reverse=True)),  # the common 80 mm first
    "barcodes.verified_value_digits": tuple(sorted(VERIFIED_VALUE_DIGITS, reverse=True)),
}
"""Keys the file holds as one of a few numbers, picked from a list (the default first)."""
NONE_WHEN_EMPTY = (
    "barcodes.price_prefixes",
    "barcodes.weight_prefixes",
    "barcodes.verified_prefixes",
)
"""Keys whose empty field is written as ``""``, meaning none; removing the key would bring back
the default prefixes."""
WHOLE_NUMBERS = ("ecommpay.project_id", "discounts.approval_above_percent")
"""Keys the file holds as TOML integers; a field that is not one is written as typed and named."""
SECRETS = ("doku.secret_key", "ecommpay.secret_key", "relay.token")
OBJECT_NAMES = {
    "language": "language",
    "shop.name": "shopName",
    "shop.address": "shopAddress",
    "terminal_id": "terminalId",
    "timezone": "timeZone",
    "business_day_cutoff": "cutoff",
    "provider": "provider",
    "doku.environment": "dokuEnvironment",
    "doku.client_id": "dokuClientId",
    "doku.secret_key": "dokuSecretKey",
    "ecommpay.project_id": "ecommpayProjectId",
    "ecommpay.secret_key": "ecommpaySecretKey",
    "ecommpay.customer_email": "customerEmail",
    "ecommpay.customer_ip": "customerIp",
    "relay.url": "relayUrl",
    "relay.token": "relayToken",
    "printer.address": "printerAddress",
    "printer.width": "printerWidth",
    "printer.auto_print": "printerAutoPrint",
    "printer.drawer": "printerDrawer",
    "tax.enabled": "taxEnabled",
    "tax.prices_include_tax": "pricesIncludeTax",
    "discounts.approval_above_percent": "discountApprovalAbove",
    "barcodes.price_prefixes": "pricePrefixes",
    "barcodes.weight_prefixes": "weightPrefixes",
    "barcodes.verified_prefixes": "verifiedPrefixes",
    "barcodes.verified_value_digits": "verifiedValueDigits",
}
"""Every key a field can set, and the field's object name."""
CUTOFF_FORMAT = "HH:mm"
NO_ENV: Mapping[str, str] = {}
SYSTEM_LANGUAGE = ""
"""The language choice that leaves the setting out: Kasir follows the system's language."""
Problem = tuple[str, str]
"""A settings key ("" for a problem of no one key, like a file that is not TOML) and what is
wrong with it."""
Reading = Callable[[], tuple[Settings | None, list[Problem]]]
"""The settings a form gives and what is wrong in them, once called (see
:meth:`SettingsFields.reader`)."""
_PROBLEM = re.compile(r"^([a-z_]+(?:\.[a-z_]+)?)(?: \(from (\w+)\))?: (.*)$", re.DOTALL)
"""A :class:`ConfigError` problem: the key, the variable it came from if any, what is wrong."""


class SettingsFields(QObject):
    """The fields for ``keys``, filled from ``settings`` (secrets left empty), or empty until
    :meth:`fill` if it is None; place them with :meth:`add_rows`. ``providers`` are the choices
    offered; with ``refunds`` the ecommpay fields show whatever the provider, as refunds go out
    through ecommpay Gate; with ``system_language`` the language may also be left to the
    system."""

    def __init__(
        self,
        settings: Settings | None,
        keys: Sequence[str],
        *,
        providers: Sequence[str],
        language: str | None = None,
        refunds: bool = False,
        system_language: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.providers = tuple(providers)
        self.refunds = refunds
        self.saved = dict.fromkeys(SECRETS, False)
        """Which secrets the file holds, so a field can say "set" without showing it."""
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._layouts: dict[str, QFormLayout] = {}
        for key in keys:
            widget = self._make(key, system_language)
            widget.setObjectName(OBJECT_NAMES[key])
            self.widgets[key] = widget
            self.labels[key] = QLabel()
        if "provider" in self.widgets:
            self.combo("provider").currentIndexChanged.connect(self.show_rows)
        if settings is not None:
            self.fill(settings, language)

    def fill(self, settings: Settings, language: str | None = None) -> None:
        """Every field as ``settings`` has it, a secret only as saved or not; ``language`` is the
        language chosen, None for the system's."""
        self.saved = {key: _secret(settings, key) is not None for key in SECRETS}
        for key, widget in self.widgets.items():
            if key == "language":
                _choose(self.combo(key), language or SYSTEM_LANGUAGE)
            elif key == "timezone":
                self.combo(key).setCurrentText(settings.timezone.key)
            elif isinstance(widget, PrinterAddressEdit):
                widget.set_address(settings.printer.address)
            elif isinstance(widget, QComboBox):
                _choose(widget, _setting(settings, key))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(_setting(settings, key))
            elif isinstance(widget, QTimeEdit):
                cutoff = settings.business_day_cutoff
                widget.setTime(QTime(cutoff.hour, cutoff.minute))
            elif key not in SECRETS:
                self.line(key).setText(_shown_value(settings, key))
        self._show_saved()

    def line(self, key: str) -> QLineEdit:
        widget = self.widgets[key]
        assert isinstance(widget, QLineEdit)
        return widget

    def combo(self, key: str) -> QComboBox:
        widget = self.widgets[key]
        assert isinstance(widget, QComboBox)
        return widget

    @property
    def provider(self) -> ProviderChoice:
        return ProviderChoice(self.combo("provider").currentData())

    def add_rows(self, layout: QFormLayout, keys: Sequence[str]) -> None:
        """Put the fields of ``keys`` in ``layout``, each under its label; a row is added shown,
        so only those the chosen provider does not use are hidden (the rows placed before are
        as they should be: the provider's change shows and hides them all)."""
        for key in keys:
            layout.addRow(self.labels[key], self.widgets[key])
            self._layouts[key] = layout
            if not self.shown(key):
                layout.setRowVisible(self.widgets[key], False)

    def shown(self, key: str) -> bool:
        """Whether the chosen provider uses ``key`` (a hidden field is neither shown nor
        written: the file keeps what it has)."""
        if "provider" not in self.widgets:
            return True
        provider = self.provider
        if key.startswith("doku."):
            return provider == ProviderChoice.DOKU
        if key == "ecommpay.customer_ip":
            return provider == ProviderChoice.ECOMMPAY_GATE or self.refunds
        if key.startswith("ecommpay."):
            ecommpay = (ProviderChoice.ECOMMPAY_PAGE, ProviderChoice.ECOMMPAY_GATE)
            return provider in ecommpay or self.refunds
        return True

    def show_rows(self) -> None:
        for key, layout in self._layouts.items():
            layout.setRowVisible(self.widgets[key], self.shown(key))

    def changes(self) -> settings_file.Update:
        """What the fields set: an empty field removes its key, except a secret's, which keeps
        the saved secret; a typed secret replaces the saved one and its ``*_file``."""
        values: dict[str, object] = {}
        for key, widget in self.widgets.items():
            if not self.shown(key):
                continue
            if key in SECRETS:
                typed = self.line(key).text().strip()
                if typed:
                    values[key] = Secret(typed)
                    values[f"{key}_file"] = None
            else:
                values[key] = _value(key, widget)
        return values

    def read(
        self, path: Path, env: Mapping[str, str] = NO_ENV
    ) -> tuple[Settings | None, list[Problem]]:
        """The settings of the file at ``path`` once these fields are written into it (read
        with ``env``'s ``KASIR_…`` variables winning, if given), or None and what is wrong or
        missing in them."""
        return self.reader(path, env)()

    def reader(self, path: Path, env: Mapping[str, str] = NO_ENV) -> Reading:
        """:meth:`read` in two: the fields' values taken now, on the GUI thread; the file read
        back when the answer is called, on a worker (it reads the file and writes a trial one)."""
        return partial(read_fields, path, self.changes(), dict(env), self.tr("required"))

    def printer(self) -> PrinterSettings:
        """The receipt printer the fields describe, checked as the settings file is, before
        anything is saved (for "Print test page")."""
        address = self.widgets["printer.address"]
        assert isinstance(address, PrinterAddressEdit)
        return PrinterSettings(
            printer_address(address.address()),
            paper_width(self.combo("printer.width").currentData()),
            self.check("printer.auto_print").isChecked(),
            self.check("printer.drawer").isChecked(),
        )

    def check(self, key: str) -> QCheckBox:
        widget = self.widgets[key]
        assert isinstance(widget, QCheckBox)
        return widget

    def problems(self, path: Path, env: Mapping[str, str] = NO_ENV) -> list[Problem]:
        return self.read(path, env)[1]

    def describe(
        self, problems: Sequence[Problem], keys: Sequence[str] = (), *, with_keys: bool = False
    ) -> list[str]:
        """``problems`` in words, each named by its field's label (and ``with_keys`` its key);
        only those of ``keys`` (prefixes) if given, and those of no one key."""
        lines = []
        for key, detail in problems:
            if keys and key and not key.startswith(tuple(keys)):
                continue
            if not key:
                lines.append(detail)
                continue
            name = self.field_name(key)
            if with_keys and name != key:
                name = f"{name} ({key})"
            lines.append(f"{name}: {detail}")
        return lines

    def field_name(self, key: str) -> str:
        """The label of the field that sets ``key``, or the key itself."""
        label = self.labels.get(key)
        return label.text() if label is not None and label.text() else key

    def retranslate(self) -> None:
        """Every label, choice and hint in the current language."""
        names = {
            "language": self.tr("Language"),
            "shop.name": self.tr("Shop name"),
            "shop.address": self.tr("Address"),
            "terminal_id": self.tr("Terminal ID"),
            "timezone": self.tr("Time zone"),
            "business_day_cutoff": self.tr("Business day starts at"),
            "provider": self.tr("Provider"),
            "doku.environment": self.tr("DOKU environment"),
            "doku.client_id": self.tr("DOKU Client ID"),
            "doku.secret_key": self.tr("DOKU secret key"),
            "ecommpay.project_id": self.tr("ecommpay project ID"),
            "ecommpay.secret_key": self.tr("ecommpay secret key"),
            "ecommpay.customer_email": self.tr("Customer e-mail"),
            "ecommpay.customer_ip": self.tr("Shop's public IP address"),
            "relay.url": self.tr("Relay address"),
            "relay.token": self.tr("Terminal token"),
            "printer.address": self.tr("Receipt printer"),
            "printer.width": self.tr("Paper width"),
            "printer.auto_print": self.tr("Print by itself"),
            "printer.drawer": self.tr("Cash drawer"),
            "tax.enabled": self.tr("PPN"),
            "tax.prices_include_tax": self.tr("Shelf prices"),
            "discounts.approval_above_percent": self.tr("Manager approves discounts above (%)"),
            "barcodes.price_prefixes": self.tr("Prefixes of price labels"),
            "barcodes.weight_prefixes": self.tr("Prefixes of weight labels"),
            "barcodes.verified_prefixes": self.tr("Prefixes with a verifier digit"),
            "barcodes.verified_value_digits": self.tr("Value after the verifier digit"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])
        hints = {
            "shop.name": self.tr("e.g. Toko Maju"),
            "shop.address": self.tr("printed on receipts, e.g. Jl. Merdeka 1"),
            "relay.url": "https://relay.example.id",
        }
        for key in NONE_WHEN_EMPTY:
            hints[key] = self.tr("none")
        for key, hint in hints.items():
            if key in self.widgets:
                self.line(key).setPlaceholderText(hint)
        self._show_saved()
        tips = {
            "terminal_id": self.tr(
                "Letters, digits or '-', up to 16; different for each till of the shop"
            ),
            "timezone": self.tr(
                "WIB: Asia/Jakarta, WITA: Asia/Makassar, WIT: Asia/Jayapura; "
                "or type another time zone name"
            ),
            "business_day_cutoff": self.tr(
                "Sales before this local time count for the previous day, e.g. 04:00 for a "
                "shop open past midnight"
            ),
            "ecommpay.customer_email": self.tr(
                "Sent as the walk-in customer's e-mail, so ecommpay asks the customer nothing"
            ),
            "ecommpay.customer_ip": self.tr(
                "ecommpay Gate requires the customer's IP address; refunds need it too"
            ),
            "discounts.approval_above_percent": self.tr(
                "A discount taking more than this share of a line or the basket needs a "
                "manager's PIN; 0 asks for every discount, 100 for none"
            ),
            "barcodes.price_prefixes": self.tr(
                "Labels starting with these carry the price in rupiah: PP IIIII VVVVV C; "
                "e.g. 20-24, or 20,21,23"
            ),
            "barcodes.weight_prefixes": self.tr(
                "Labels starting with these carry the weight in grams; e.g. 25-29"
            ),
            "barcodes.verified_prefixes": self.tr(
                "Those of the prefixes above whose labels carry a verifier digit K before the "
                "value, if the scale prints one"
            ),
        }
        for key, tip in tips.items():
            if key in self.widgets:
                self.widgets[key].setToolTip(tip)
        boxes = {
            "printer.auto_print": self.tr("Print the receipt after every sale"),
            "printer.drawer": self.tr(
                "A cash drawer hangs off the printer: open it for cash, never for QR"
            ),
            "tax.enabled": self.tr("The shop is a PKP: charge PPN on taxable products"),
            "tax.prices_include_tax": self.tr("Prices include PPN"),
        }
        for key, text in boxes.items():
            if key in self.widgets:
                self.check(key).setText(text)
        address = self.widgets.get("printer.address")
        if isinstance(address, PrinterAddressEdit):
            address.retranslate()
        choices: dict[str, Mapping[Any, str]] = {
            "provider": {
                ProviderChoice.SANDBOX: self.tr(
                    "Sandbox: simulated payments inside Kasir, no real money"
                ),
                ProviderChoice.DOKU: self.tr("DOKU Wallet: DOKU's own API"),
                ProviderChoice.ECOMMPAY_PAGE: self.tr(
                    "DOKU Wallet through ecommpay (Payment Page)"
                ),
                ProviderChoice.ECOMMPAY_GATE: self.tr("DOKU Wallet through ecommpay (Gate)"),
            },
            "doku.environment": {
                "sandbox": self.tr("Sandbox: test payments, no real money"),
                "production": self.tr("Production: real payments"),
            },
            "language": {SYSTEM_LANGUAGE: self.tr("The system's language"), **LANGUAGE_NAMES},
            "printer.width": {
                80: self.tr("80 mm (48 characters a line)"),
                58: self.tr("58 mm (32 characters a line)"),
            },
            "barcodes.verified_value_digits": {
                5: self.tr("5 digits: PP IIII K VVVVV C, 4-digit item codes"),
                4: self.tr(
                    "4 digits: PP IIIII K VVVV C, 5-digit item codes (up to Rp 9.999 or 9,999 g)"
                ),
            },
        }
        for key, texts in choices.items():
            if key in self.widgets:
                box = self.combo(key)
                for index in range(box.count()):
                    box.setItemText(index, texts[box.itemData(index)])

    def _show_saved(self) -> None:
        """Each secret's field says whether the file holds one, never what it is."""
        for key in SECRETS:
            if key in self.widgets:
                saved = self.saved[key]
                hint = self.tr("set — type to replace") if saved else self.tr("not set")
                self.line(key).setPlaceholderText(hint)

    def sentence(self, check: Check) -> str:
        """What a check found, with the field to look at when something is wrong."""
        relay = {
            Verdict.OK: self.tr("The relay answers."),
            Verdict.UNREACHABLE: self.tr(
                "The relay cannot be reached: check the relay address and the internet connection."
            ),
            Verdict.UNHEALTHY: self.tr(
                "The relay answers but cannot store notifications: tell its operator."
            ),
            Verdict.NOT_SET_UP: self.tr(
                "No relay is set up: fill in the relay address and the terminal token."
            ),
        }
        token = {
            Verdict.OK: self.tr("The relay accepts this terminal's token."),
            Verdict.REFUSED: self.tr(
                "The relay refused the token: check it, or ask the relay's operator for a new one."
            ),
            Verdict.UNREACHABLE: self.tr(
                "The relay stopped answering while the token was checked."
            ),
        }
        payments = {
            Verdict.OK: self.tr("The payment provider accepts the credentials."),
            Verdict.UNREACHABLE: self.tr(
                "The payment provider cannot be reached: check the internet connection."
            ),
            Verdict.REFUSED: self.tr(
                "The payment provider refused the credentials: check the ID and the secret key."
            ),
        }
        payouts = {
            Verdict.OK: self.tr("ecommpay accepts the refund (payout) credentials."),
            Verdict.UNREACHABLE: self.tr("ecommpay cannot be reached for refunds."),
            Verdict.REFUSED: self.tr(
                "ecommpay refused the refund credentials: check the ecommpay project ID and "
                "secret key."
            ),
            Verdict.NOT_SET_UP: self.tr(
                "Refunds are not set up: they need the ecommpay project ID, secret key and the "
                "shop's public IP address."
            ),
        }
        sentences = {
            Service.RELAY: relay,
            Service.RELAY_TOKEN: token,
            Service.PAYMENTS: payments,
            Service.PAYOUTS: payouts,
        }[check.service]
        unexpected = self.tr("{service}: an unexpected answer.").format(service=check.service)
        return sentences.get(check.verdict, unexpected)

    def results(self, checks: Sequence[Check]) -> str:
        """The checks as rich text: a line each, with the error text in small print."""
        return "".join(
            paragraphs([self.sentence(check)], ok=check.ok, detail=check.detail) for check in checks
        )

    def _make(self, key: str, system_language: bool) -> QWidget:
        """The field for ``key``, empty: :meth:`fill` sets its value."""
        if key == "language":
            return _choice(((SYSTEM_LANGUAGE,) if system_language else ()) + LANGUAGES)
        if key == "provider":
            return _choice(self.providers)
        if key == "doku.environment":
            return _choice(tuple(DOKU_HOSTS))
        if key == "timezone":
            box = QComboBox()
            box.setEditable(True)
            box.addItems(list(TIME_ZONES))
            return box
        if key == "printer.address":
            return PrinterAddressEdit(None)
        if key in NUMBER_CHOICES:
            return _choice(NUMBER_CHOICES[key])
        if key in CHECK_BOXES:
            return QCheckBox()
        if key == "business_day_cutoff":
            edit = QTimeEdit()
            edit.setDisplayFormat(CUTOFF_FORMAT)
            return edit
        field = QLineEdit()
        if key in SECRETS:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        return field


def read_back(
    path: Path, update: settings_file.Update, env: Mapping[str, str] = NO_ENV
) -> tuple[Settings | None, list[Problem]]:
    """The settings the file at ``path`` gives once ``update`` is applied, and every problem.

    Wrong values are left out of a second reading, so the settings of the others come back too
    (None if that does not help: a file that is not TOML, a wrong ``KASIR_…`` variable).
    """
    changes = dict(update)
    found: list[Problem] = []
    for _ in range(2):
        try:
            return settings_file.check(settings_file.draft(path, changes), env), found
        except ConfigError as error:
            wrong = [split_problem(problem) for problem in error.problems]
            found += [problem for problem in wrong if problem not in found]
            changes |= {key: None for key, _ in wrong if key}
    return None, found


def read_fields(
    path: Path, update: settings_file.Update, env: Mapping[str, str], required: str
) -> tuple[Settings | None, list[Problem]]:
    """:func:`read_back`, and the keys the chosen provider needs but ``update`` leaves out
    (each with ``required``, the word for it); the settings only when nothing is wrong."""
    settings, found = read_back(path, update, env)
    if settings is not None:
        named = {key for key, _ in found}
        found += [(key, required) for key in settings.missing_for_provider() if key not in named]
    return (None if found else settings), found


def saved_settings(path: Path) -> tuple[Settings, list[Problem]]:
    """What the settings file alone says (a wrong value reads as its default; a file that
    cannot be read at all, as the defaults), and what is wrong in it."""
    settings, problems = read_back(path, {})
    return settings or Settings(), problems


def split_problem(problem: str) -> Problem:
    """``"relay.url: expected …"`` → ``("relay.url", "expected …")``, the variable it came from
    kept at the end; a problem of no one key (the file is not TOML) → ``("", problem)``."""
    match = _PROBLEM.match(problem)
    if not match:
        return "", problem
    key, variable, detail = match.groups()
    return key, f"{detail} ({variable})" if variable else detail


def paragraphs(lines: Sequence[str], *, ok: bool, detail: str = "") -> str:
    mark, color = ("✓", "#1b5e20") if ok else ("✗", "#8a1c14")
    small = f"<br><small>{html.escape(detail)}</small>" if detail else ""
    return "".join(
        f"<p style='color: {color}'>{mark} {html.escape(line)}{small}</p>" for line in lines
    )


def _choice(codes: Sequence[object]) -> QComboBox:
    """A choice among ``codes`` (texts set by :meth:`SettingsFields.retranslate`)."""
    box = QComboBox()
    for code in codes:
        box.addItem("", code)
    return box


def _choose(box: QComboBox, current: object) -> None:
    """``current`` chosen in ``box``, or its first choice if it is none of them."""
    codes = [box.itemData(index) for index in range(box.count())]
    box.setCurrentIndex(codes.index(current) if current in codes else 0)


def _shown_value(settings: Settings, key: str) -> str:
    """The text a field starts with; the default shop name reads as not chosen yet."""
    if key == "shop.name":
        return settings.shop.name if settings.shop.name != ShopSettings().name else ""
    value = _setting(settings, key)
    if isinstance(value, frozenset):
        return prefixes_text(value)
    return "" if value is None else str(value)


def _setting(settings: Settings, key: str) -> Any:
    """The value ``key`` (``section.name``, or a name at the top) has in ``settings``."""
    section, _, name = key.rpartition(".")
    return getattr(getattr(settings, section) if section else settings, name)


def _secret(settings: Settings, key: str) -> Secret | None:
    secret: Secret | None = _setting(settings, key)
    return secret


def _value(key: str, widget: QWidget) -> object:
    """A field's value as the file holds it; None (an empty field) removes the key."""
    if isinstance(widget, QTimeEdit):
        return widget.time().toString(CUTOFF_FORMAT)
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, PrinterAddressEdit):
        return widget.address() or None
    if isinstance(widget, QComboBox):
        chosen = widget.currentText().strip() if widget.isEditable() else widget.currentData()
        return chosen or None
    assert isinstance(widget, QLineEdit)
    text = widget.text().strip()
    if not text:
        return "" if key in NONE_WHEN_EMPTY else None
    number = whole_number(text, 19) if key in WHOLE_NUMBERS else None
    return text if number is None else number
