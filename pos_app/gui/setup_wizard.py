"""First run: a short wizard that sets the terminal up for real payments, or opens demo mode.

Three pages: the shop (and the language), the payment provider with its credentials, the relay
with "Test connection". Each page is checked by reading the settings file it would write back
through :mod:`pos_app.settings.terminal_config`, so a wrong value is named on its page, not at
the next start.
Secrets are write-only: a saved one is never shown, and leaving its field empty keeps it. The
file is written atomically and readable by its owner only (:mod:`pos_app.settings.settings_file`).
"""

import html
import logging
import os
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pos_app.gui.formatting import ERROR_STYLE
from pos_app.gui.i18n import use_language
from pos_app.gui.printer_fields import PrintTestPage
from pos_app.gui.settings_form import (
    PAYMENT_FIELDS,
    PRINTER_FIELDS,
    RELAY_FIELDS,
    SettingsFields,
    paragraphs,
    saved_settings,
)
from pos_app.gui.tasks import TaskRunner
from pos_app.settings import settings_file
from pos_app.settings.terminal_config import ConfigError, ProviderChoice, Settings
from pos_app.till.connection_check import Check, check_settings

log = logging.getLogger(__name__)

PROVIDERS = tuple(choice.value for choice in ProviderChoice if choice is not ProviderChoice.SANDBOX)
"""The real providers; the simulator is what "Try demo mode" opens."""
SHOP_FIELDS = ("language", "shop.name", "shop.address", "terminal_id")
SHOP_KEYS = ("language", "terminal_id", "shop.", "printer.")
PAYMENT_KEYS = ("provider", "doku.", "ecommpay.")
RELAY_KEYS = ("relay.",)


class SetupOutcome(StrEnum):
    SAVED = "saved"
    DEMO = "demo"
    CANCELLED = "cancelled"


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
        """Set the page's own texts in the current language (the fields' are set before)."""


class ShopPage(_Page):
    keys = SHOP_KEYS

    def __init__(self, wizard: "SetupWizard", fields: SettingsFields) -> None:
        super().__init__(wizard)
        fields.add_rows(self.form, SHOP_FIELDS + PRINTER_FIELDS)
        self.language = fields.combo("language")
        self.shop_name = fields.line("shop.name")
        self.test_page = PrintTestPage(fields.printer, self.shop_name.text, wizard._runner)
        self.form.addRow(self.test_page)
        self.shop_address = fields.line("shop.address")
        self.terminal_id = fields.line("terminal_id")
        self.registerField("shopName*", self.shop_name)
        self.language.currentIndexChanged.connect(self._language_chosen)

    def retranslate(self) -> None:
        self.test_page.retranslate()
        self.setTitle(self.tr("Welcome to Kasir"))
        self.intro.setText(
            self.tr(
                "Set up this terminal to take payments. You need the credentials of your payment "
                "provider, and the relay's address and this terminal's token from whoever runs "
                "your relay. Just looking? Try demo mode: it needs no account."
            )
        )

    def _language_chosen(self) -> None:
        app = QApplication.instance()
        if app is not None:
            use_language(app, self.language.currentData())


class PaymentPage(_Page):
    keys = PAYMENT_KEYS

    def __init__(self, wizard: "SetupWizard", fields: SettingsFields) -> None:
        super().__init__(wizard)
        self.fields = fields
        fields.add_rows(self.form, PAYMENT_FIELDS)
        self.provider = fields.combo("provider")
        self.doku_environment = fields.combo("doku.environment")
        self.doku_client_id = fields.line("doku.client_id")
        self.doku_secret = fields.line("doku.secret_key")
        self.ecommpay_project = fields.line("ecommpay.project_id")
        self.ecommpay_secret = fields.line("ecommpay.secret_key")
        self.customer_email = fields.line("ecommpay.customer_email")
        self.customer_ip = fields.line("ecommpay.customer_ip")

    def retranslate(self) -> None:
        self.setTitle(self.tr("Payments"))
        self.intro.setText(
            self.tr(
                "Customers pay by scanning a QR code with DOKU Wallet. Choose the provider your "
                "merchant contract is with and enter the credentials from its merchant dashboard."
            )
        )
        for key, field in (
            ("doku.secret_key", self.doku_secret),
            ("ecommpay.secret_key", self.ecommpay_secret),
        ):
            field.setPlaceholderText(
                self.tr("saved; leave empty to keep it")
                if self.fields.saved[key]
                else self.tr("from the merchant dashboard")
            )


class RelayPage(_Page):
    keys = RELAY_KEYS

    def __init__(self, wizard: "SetupWizard", fields: SettingsFields) -> None:
        super().__init__(wizard)
        self.fields = fields
        fields.add_rows(self.form, RELAY_FIELDS)
        self.relay_url = fields.line("relay.url")
        self.relay_token = fields.line("relay.token")
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
                "gives you its address and a token for this terminal, made for this terminal's "
                "ID ('pos-app relay add-terminal ID')."
            )
        )
        self.relay_token.setPlaceholderText(
            self.tr("saved; leave empty to keep it")
            if self.fields.saved["relay.token"]
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
        settings, problems = saved_settings(path)
        if problems:
            wrong = "; ".join(f"{key}: {detail}" if key else detail for key, detail in problems)
            log.warning("the settings file has problems, their defaults are offered: %s", wrong)
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
        self.fields = SettingsFields(
            settings,
            SHOP_FIELDS + PRINTER_FIELDS + PAYMENT_FIELDS + RELAY_FIELDS,
            providers=PROVIDERS,
            language=language,
            parent=self,
        )
        self.shop = ShopPage(self, self.fields)
        self.payment = PaymentPage(self, self.fields)
        self.relay = RelayPage(self, self.fields)
        for page in (self.shop, self.payment, self.relay):
            self.addPage(page)
        self.setMinimumSize(640, 480)
        self._retranslate()

    def changes(self) -> settings_file.Update:
        """The keys this wizard sets, from its fields (see :meth:`SettingsFields.changes`)."""
        return self.fields.changes()

    def settings(self) -> Settings:
        """What the terminal would run with; :class:`ConfigError` names every wrong key."""
        return settings_file.check(settings_file.draft(self.path, self.changes()))

    def problems(self, keys: Sequence[str] = ()) -> list[str]:
        """What is wrong or missing among ``keys`` (prefixes; empty: all), in words: as the till
        will run, with the environment (a token given as KASIR_RELAY_TOKEN is no missing one)."""
        return self.fields.describe(self.fields.problems(self.path, os.environ), keys)

    def test_connection(self) -> None:
        """Ask the relay and the payment service off the GUI thread; the page says what answered."""
        if self._testing:
            return
        found = self.problems()
        if found:
            self.relay.results.setText(paragraphs(found, ok=False))
            return
        settings = self.settings()
        self._testing = True
        self.relay.test_button.setEnabled(False)
        self.relay.results.setText(html.escape(self.tr("Testing the connection…")))
        self._runner.run(lambda: check_settings(settings), self._tested, self._test_failed)

    def accept(self) -> None:
        """Finish: once the last page holds what it needs (Qt checks it only after this), write
        the file (atomically, owner-only), then close."""
        if not self.validateCurrentPage():
            return
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
        self.fields.retranslate()
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
        self.relay.results.setText(paragraphs([message], ok=False))

    def _show_checks(self) -> None:
        self.relay.results.setText(self.fields.results(self.checks))

    def _close_runner(self) -> None:
        """A connection test still running ends on its own, its answer dropped: the wizard
        closes at once rather than wait on the network."""
        self._runner.let_go()


def run_setup_wizard(path: Path, language: str) -> SetupWizard:
    """Show the wizard until it is finished, cancelled or turned into demo mode.

    Qt deletes the closed wizard at its next event loop, on this thread. Left to Python's cycle
    collector, which may run on any worker thread, its deletion crashed PySide now and then.
    """
    wizard = SetupWizard(path, language=language)
    wizard.exec()
    wizard.deleteLater()
    return wizard
