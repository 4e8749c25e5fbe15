"""First run: a short wizard that sets the terminal up for real payments, or opens demo mode.

Three pages: the shop (and the language), the payment provider with its credentials, the relay
with "Test connection". Each page is checked by reading the settings file it would write back
through :mod:`pos_app.config`, so a wrong value is named on its page, not at the next start.
Secrets are write-only: a saved one is never shown, and leaving its field empty keeps it. The
file is written atomically and readable by its owner only (:mod:`pos_app.settings_file`).
"""

import html
import logging
import re
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pos_app import settings_file
from pos_app.config import DOKU_HOSTS, ConfigError, Settings, ShopSettings
from pos_app.config import PROVIDERS as ALL_PROVIDERS
from pos_app.connection_check import Check, Service, Verdict, check_provider, check_relay
from pos_app.gui.i18n import use_language
from pos_app.gui.tasks import TaskRunner
from pos_app.i18n import LANGUAGES
from pos_app.relay.client import RelayClient
from pos_app.terminal import build_provider

log = logging.getLogger(__name__)

PROVIDERS = tuple(provider for provider in ALL_PROVIDERS if provider != "sandbox")
"""The real providers; the simulator is what "Try demo mode" opens."""
DOKU_ENVIRONMENTS = tuple(DOKU_HOSTS)
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
"""Each language in its own words, so it can be found whatever the screen speaks now."""
SHOP_KEYS = ("language", "terminal_id", "shop.")
PAYMENT_KEYS = ("provider", "doku.", "ecommpay.")
RELAY_KEYS = ("relay.",)
ERROR_STYLE = "color: #8a1c14;"
TEST_WAIT_MS = 12_000
"""Closing the wizard waits this long at most for a connection test in progress."""


class SetupOutcome(StrEnum):
    SAVED = "saved"
    DEMO = "demo"
    CANCELLED = "cancelled"


def _secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("problems")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    return label


class _Page(QWizardPage):
    """A page whose Next checks its own keys of the settings the wizard would write."""

    keys: tuple[str, ...] = ()

    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__()
        self.setup = wizard
        self.problems = _problem_label()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.problems)

    def validatePage(self) -> bool:
        found = self.setup.problems(self.keys)
        self.problems.setText("\n".join(found))
        return not found

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language change)."""

    def _labels(self, texts: Sequence[str]) -> None:
        for row, text in enumerate(texts):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = label.widget() if label is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)


class ShopPage(_Page):
    keys = SHOP_KEYS

    def __init__(self, wizard: "SetupWizard", settings: Settings, language: str) -> None:
        super().__init__(wizard)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(language))
        named = settings.shop.name != ShopSettings().name
        self.shop_name = QLineEdit(settings.shop.name if named else "")
        self.shop_name.setObjectName("shopName")
        self.shop_address = QLineEdit(settings.shop.address)
        self.shop_address.setObjectName("shopAddress")
        self.terminal_id = QLineEdit(settings.terminal_id)
        self.terminal_id.setObjectName("terminalId")
        for widget in (self.language, self.shop_name, self.shop_address, self.terminal_id):
            self.form.addRow(QLabel(), widget)
        self.registerField("shopName*", self.shop_name)
        self.language.currentIndexChanged.connect(self._language_chosen)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Kasir"))
        self.intro.setText(
            self.tr(
                "Set up this terminal to take payments. You need the credentials of your payment "
                "provider, and the relay's address and this terminal's token from whoever runs "
                "your relay. Just looking? Try demo mode: it needs no account."
            )
        )
        self._labels(
            (self.tr("Language"), self.tr("Shop name"), self.tr("Address"), self.tr("Terminal ID"))
        )
        self.shop_name.setPlaceholderText(self.tr("e.g. Toko Maju"))
        self.shop_address.setPlaceholderText(self.tr("printed on receipts, e.g. Jl. Merdeka 1"))
        self.terminal_id.setToolTip(
            self.tr("Letters, digits or '-', up to 16; different for each till of the shop")
        )

    def _language_chosen(self) -> None:
        app = QApplication.instance()
        if app is not None:
            use_language(app, self.language.currentData())


class PaymentPage(_Page):
    keys = PAYMENT_KEYS

    def __init__(self, wizard: "SetupWizard", settings: Settings) -> None:
        super().__init__(wizard)
        self.provider = QComboBox()
        self.provider.setObjectName("provider")
        for code in PROVIDERS:
            self.provider.addItem("", code)
        chosen = settings.provider if settings.provider in PROVIDERS else PROVIDERS[0]
        self.provider.setCurrentIndex(PROVIDERS.index(chosen))
        self.doku_environment = QComboBox()
        self.doku_environment.setObjectName("dokuEnvironment")
        for code in DOKU_ENVIRONMENTS:
            self.doku_environment.addItem("", code)
        self.doku_environment.setCurrentIndex(DOKU_ENVIRONMENTS.index(settings.doku.environment))
        self.doku_client_id = QLineEdit(settings.doku.client_id)
        self.doku_client_id.setObjectName("dokuClientId")
        self.doku_secret = _secret_field()
        self.doku_secret.setObjectName("dokuSecretKey")
        project = settings.ecommpay.project_id
        self.ecommpay_project = QLineEdit("" if project is None else str(project))
        self.ecommpay_project.setObjectName("ecommpayProjectId")
        self.ecommpay_secret = _secret_field()
        self.ecommpay_secret.setObjectName("ecommpaySecretKey")
        self.customer_email = QLineEdit(settings.ecommpay.customer_email)
        self.customer_email.setObjectName("customerEmail")
        self.customer_ip = QLineEdit(settings.ecommpay.customer_ip)
        self.customer_ip.setObjectName("customerIp")
        self.saved_secrets = {
            "doku.secret_key": settings.doku.secret_key is not None,
            "ecommpay.secret_key": settings.ecommpay.secret_key is not None,
        }
        self.rows: dict[str, QWidget] = {
            "provider": self.provider,
            "doku.environment": self.doku_environment,
            "doku.client_id": self.doku_client_id,
            "doku.secret_key": self.doku_secret,
            "ecommpay.project_id": self.ecommpay_project,
            "ecommpay.secret_key": self.ecommpay_secret,
            "ecommpay.customer_email": self.customer_email,
            "ecommpay.customer_ip": self.customer_ip,
        }
        for widget in self.rows.values():
            self.form.addRow(QLabel(), widget)
        self.provider.currentIndexChanged.connect(self._show_rows)
        self._show_rows()

    @property
    def chosen(self) -> str:
        return self.provider.currentData()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Payments"))
        self.intro.setText(
            self.tr(
                "Customers pay by scanning a QR code with DOKU Wallet. Choose the provider your "
                "merchant contract is with and enter the credentials from its merchant dashboard."
            )
        )
        names = (
            self.tr("DOKU Wallet: DOKU's own API"),
            self.tr("DOKU Wallet through ecommpay (Payment Page)"),
            self.tr("DOKU Wallet through ecommpay (Gate)"),
        )
        for index, name in enumerate(names):
            self.provider.setItemText(index, name)
        self.doku_environment.setItemText(0, self.tr("Sandbox: test payments, no real money"))
        self.doku_environment.setItemText(1, self.tr("Production: real payments"))
        self._labels(
            (
                self.tr("Provider"),
                self.tr("DOKU environment"),
                self.tr("DOKU Client ID"),
                self.tr("DOKU secret key"),
                self.tr("ecommpay project ID"),
                self.tr("ecommpay secret key"),
                self.tr("Customer e-mail"),
                self.tr("Shop's public IP address"),
            )
        )
        for key, field in (
            ("doku.secret_key", self.doku_secret),
            ("ecommpay.secret_key", self.ecommpay_secret),
        ):
            field.setPlaceholderText(
                self.tr("saved; leave empty to keep it")
                if self.saved_secrets[key]
                else self.tr("from the merchant dashboard")
            )
        self.customer_email.setToolTip(
            self.tr("Sent as the walk-in customer's e-mail, so ecommpay asks the customer nothing")
        )
        self.customer_ip.setToolTip(self.tr("ecommpay Gate requires the customer's IP address"))

    def _show_rows(self) -> None:
        provider = self.chosen
        for key, widget in self.rows.items():
            shown = (
                key == "provider"
                or (key.startswith("doku.") and provider == "doku")
                or (key.startswith("ecommpay.") and provider.startswith("ecommpay"))
            )
            if key == "ecommpay.customer_ip":
                shown = provider == "ecommpay-gate"
            self.form.setRowVisible(widget, shown)


class RelayPage(_Page):
    keys = RELAY_KEYS

    def __init__(self, wizard: "SetupWizard", settings: Settings) -> None:
        super().__init__(wizard)
        self.relay_url = QLineEdit(settings.relay.url)
        self.relay_url.setObjectName("relayUrl")
        self.relay_token = _secret_field()
        self.relay_token.setObjectName("relayToken")
        self.token_saved = settings.relay.token is not None
        self.form.addRow(QLabel(), self.relay_url)
        self.form.addRow(QLabel(), self.relay_token)
        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(wizard.test_connection)
        self.results = QLabel()
        self.results.setObjectName("connectionResults")
        self.results.setWordWrap(True)
        self.results.setTextFormat(Qt.TextFormat.RichText)
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.test_button)
        self.form.addRow(self.results)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Relay"))
        self.intro.setText(
            self.tr(
                "The relay receives the payment notifications for your terminals. Its operator "
                "gives you its address and a token for this terminal "
                "('pos-app relay add-terminal')."
            )
        )
        self._labels((self.tr("Relay address"), self.tr("Terminal token")))
        self.relay_url.setPlaceholderText("https://relay.example.id")
        self.relay_token.setPlaceholderText(
            self.tr("saved; leave empty to keep it")
            if self.token_saved
            else self.tr("from the relay's operator")
        )
        self.test_button.setText(self.tr("Test connection"))


class SetupWizard(QWizard):
    """Writes the settings file at ``path`` on Finish; ``outcome`` says how it ended.

    It starts from what the file holds now, if anything (an incomplete setup), and keeps the
    keys it does not show.
    """

    def __init__(self, path: Path, *, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        settings = saved_settings(path)
        self.outcome = SetupOutcome.CANCELLED
        self.checks: list[Check] = []
        self._testing = False
        self._runner = TaskRunner(self, max_threads=1)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonLayout(
            [
                QWizard.WizardButton.CustomButton1,
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.FinishButton,
                QWizard.WizardButton.CancelButton,
            ]
        )
        self.demo_button = self.button(QWizard.WizardButton.CustomButton1)
        self.demo_button.setObjectName("tryDemo")
        self.customButtonClicked.connect(self._try_demo)
        self.shop = ShopPage(self, settings, language)
        self.payment = PaymentPage(self, settings)
        self.relay = RelayPage(self, settings)
        for page in (self.shop, self.payment, self.relay):
            self.addPage(page)
        self.setMinimumSize(640, 480)
        self._retranslate()

    def changes(self) -> settings_file.Update:
        """The keys this wizard sets, from its fields; empty fields remove theirs (secrets:
        an empty field keeps the saved one)."""
        shop, payment, relay = self.shop, self.payment, self.relay
        provider = payment.chosen
        values: dict[str, object] = {
            "language": shop.language.currentData(),
            "terminal_id": _text(shop.terminal_id),
            "shop.name": _text(shop.shop_name),
            "shop.address": _text(shop.shop_address),
            "provider": provider,
            "relay.url": _text(relay.relay_url),
        }
        secrets = {"relay.token": relay.relay_token}
        if provider == "doku":
            values["doku.environment"] = payment.doku_environment.currentData()
            values["doku.client_id"] = _text(payment.doku_client_id)
            secrets["doku.secret_key"] = payment.doku_secret
        else:
            project = _text(payment.ecommpay_project)
            values["ecommpay.project_id"] = (
                int(project) if project and project.isdigit() else project
            )
            values["ecommpay.customer_email"] = _text(payment.customer_email)
            secrets["ecommpay.secret_key"] = payment.ecommpay_secret
            if provider == "ecommpay-gate":
                values["ecommpay.customer_ip"] = _text(payment.customer_ip)
        for key, field in secrets.items():
            secret = field.text().strip()
            if secret:
                values[key] = secret
                values[f"{key}_file"] = None
        return values

    def settings(self) -> Settings:
        """What the terminal would run with; :class:`ConfigError` names every wrong key."""
        return settings_file.check(settings_file.draft(self.path, self.changes()))

    def problems(self, keys: Sequence[str] = ()) -> list[str]:
        """What is wrong or missing among ``keys`` (prefixes; empty: all), in words.

        Wrong values are left out of a second reading, so what is missing is named too.
        """
        changes = dict(self.changes())
        found: list[tuple[str, str]] = []
        settings: Settings | None = None
        for _ in range(2):
            try:
                settings = settings_file.check(settings_file.draft(self.path, changes))
                break
            except ConfigError as error:
                wrong = [_split(problem) for problem in error.problems]
                found += [problem for problem in wrong if problem not in found]
                changes |= {key: None for key, _ in wrong}
        if settings is not None:
            named = {key for key, _ in found}
            required = self.tr("required")
            found += [
                (key, required) for key in settings.missing_for_provider() if key not in named
            ]
        return [
            f"{self.field_name(key)}: {detail}" if key else detail
            for key, detail in found
            if not (keys and key) or key.startswith(tuple(keys))
        ]

    def field_name(self, key: str) -> str:
        """The label a key has on the wizard's pages, or the key itself."""
        for page in (self.shop, self.payment, self.relay):
            for row in range(page.form.rowCount()):
                label = page.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = page.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if label is None or field is None or field.widget() is None:
                    continue
                if _KEYS.get(field.widget().objectName()) == key:
                    return label.widget().text()
        return key

    def test_connection(self) -> None:
        """Ask the relay and the payment service off the GUI thread; the page says what answered."""
        if self._testing:
            return
        found = self.problems()
        if found:
            self.relay.results.setText(_paragraphs(found, ok=False))
            return
        settings = self.settings()
        self._testing = True
        self.relay.test_button.setEnabled(False)
        self.relay.results.setText(html.escape(self.tr("Testing the connection…")))
        self._runner.run(lambda: _probe(settings), self._tested, self._test_failed)

    def accept(self) -> None:
        """Finish: write the file (atomically, owner-only), then close."""
        try:
            text = settings_file.draft(self.path, self.changes())
            settings_file.check(text)
            settings_file.write(self.path, text)
        except (ConfigError, OSError) as error:
            self.relay.problems.setText(
                self.tr("Could not save the settings: {error}").format(error=error)
            )
            return
        self.outcome = SetupOutcome.SAVED
        self._close_runner()
        super().accept()

    def reject(self) -> None:
        self._close_runner()
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up Kasir"))
        texts = {
            QWizard.WizardButton.CustomButton1: self.tr("Try demo mode"),
            QWizard.WizardButton.BackButton: self.tr("< Back"),
            QWizard.WizardButton.NextButton: self.tr("Next >"),
            QWizard.WizardButton.FinishButton: self.tr("Save and start"),
            QWizard.WizardButton.CancelButton: self.tr("Cancel"),
        }
        for button, text in texts.items():
            self.setButtonText(button, text)
        for page in (self.shop, self.payment, self.relay):
            page.retranslate()
        if self.checks:
            self._show_checks()

    def _try_demo(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.outcome = SetupOutcome.DEMO
            self._close_runner()
            self.done(QDialog.DialogCode.Accepted)

    def _tested(self, checks: list[Check]) -> None:
        self._testing = False
        self.relay.test_button.setEnabled(True)
        self.checks = checks
        self._show_checks()

    def _test_failed(self, error: Exception) -> None:
        self._testing = False
        self.relay.test_button.setEnabled(True)
        log.warning("connection test failed: %s", error)
        message = self.tr("The test itself failed: {error}").format(error=error)
        self.relay.results.setText(_paragraphs([message], ok=False))

    def _show_checks(self) -> None:
        self.relay.results.setText(
            "".join(
                _paragraphs([self.sentence(check)], ok=check.ok, detail=check.detail)
                for check in self.checks
            )
        )

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
        sentences = {
            Service.RELAY: relay,
            Service.RELAY_TOKEN: token,
            Service.PAYMENTS: payments,
        }.get(check.service, {})
        unexpected = self.tr("{service}: an unexpected answer.").format(service=check.service)
        return sentences.get(check.verdict, unexpected)

    def _close_runner(self) -> None:
        if not self._runner.close(TEST_WAIT_MS):
            log.warning("a connection test was still running when the wizard closed")


_KEYS = {
    "language": "language",
    "shopName": "shop.name",
    "shopAddress": "shop.address",
    "terminalId": "terminal_id",
    "provider": "provider",
    "dokuEnvironment": "doku.environment",
    "dokuClientId": "doku.client_id",
    "dokuSecretKey": "doku.secret_key",
    "ecommpayProjectId": "ecommpay.project_id",
    "ecommpaySecretKey": "ecommpay.secret_key",
    "customerEmail": "ecommpay.customer_email",
    "customerIp": "ecommpay.customer_ip",
    "relayUrl": "relay.url",
    "relayToken": "relay.token",
}
"""Each field (by object name) and the settings key it sets."""
_PROBLEM = re.compile(r"^([a-z_]+(?:\.[a-z_]+)?)(?: \(from \w+\))?: (.*)$", re.DOTALL)
"""A :class:`ConfigError` problem: the key, where it came from, what is wrong."""


def _probe(settings: Settings) -> list[Check]:
    """Runs on a worker: the relay's health and token, then the provider's signed status API."""
    token = settings.relay.token.reveal() if settings.relay.token else ""
    with RelayClient(settings.relay.url, token) as relay:
        checks = check_relay(relay)
    return [*checks, check_provider(build_provider(settings, settings.relay.url))]


def _text(field: QLineEdit) -> str | None:
    return field.text().strip() or None


def _split(problem: str) -> tuple[str, str]:
    """``"relay.url: expected …"`` → ``("relay.url", "expected …")``; a problem of no one key
    (the file is not TOML) → ``("", problem)``, shown on every page."""
    match = _PROBLEM.match(problem)
    return (match[1], match[2]) if match else ("", problem)


def _paragraphs(lines: Sequence[str], *, ok: bool, detail: str = "") -> str:
    mark, color = ("✓", "#1b5e20") if ok else ("✗", "#8a1c14")
    small = f"<br><small>{html.escape(detail)}</small>" if detail else ""
    return "".join(
        f"<p style='color: {color}'>{mark} {html.escape(line)}{small}</p>" for line in lines
    )


def saved_settings(path: Path) -> Settings:
    """What the settings file alone says (no environment), or the defaults when there is none
    or it cannot be read: Finish then names what is wrong in it."""
    try:
        return settings_file.check(settings_file.draft(path, {}))
    except ConfigError as error:
        log.warning("starting the setup from the defaults: %s", error)
        return Settings()


def run_setup_wizard(path: Path, language: str) -> SetupWizard:
    """Show the wizard until it is finished, cancelled or turned into demo mode."""
    wizard = SetupWizard(path, language=language)
    wizard.exec()
    return wizard
