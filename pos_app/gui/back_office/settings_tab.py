"""The Settings tab: what this terminal runs with, read-only, secrets only as "set" or "not set";
and "Test connection", which asks the relay and the payment services off the GUI thread and says
in words what is wrong. Settings are changed in the TOML file (README, Configuration)."""

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.back_office import BackOffice
from pos_app.config import Secret
from pos_app.connection_check import Check, Service, Verdict
from pos_app.gui.back_office.widgets import Tab
from pos_app.gui.tasks import TaskRunner


class SettingsTab(Tab):
    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(office, tasks, parent)
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label, value in self._rows():
            shown = QLabel(value)
            shown.setObjectName(key)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = shown
            self.form.addRow(label, shown)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.results = QLabel()
        self.results.setObjectName("connectionResults")
        self.results.setWordWrap(True)
        self.results.setTextFormat(Qt.TextFormat.RichText)
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checks: list[Check] = []
        where = office.terminal.settings.source
        note = QLabel(
            self.tr("Settings are read from {file} and KASIR_… environment variables.").format(
                file=where if where else self.tr("the default settings (no file)")
            )
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _rows(self) -> list[tuple[str, str, str]]:
        terminal = self.office.terminal
        settings = terminal.settings
        relay_url = terminal.relay.base_url if terminal.relay is not None else settings.relay.url
        relay_token = settings.relay.token or (terminal.embedded and terminal.embedded.relay_token)
        provider = f"{terminal.provider_label} ({settings.provider})"
        if terminal.sandbox:
            provider += " — " + self.tr("test payments, no real money")
        missing = self.office.payouts_missing()
        refunds = (
            self.tr("ecommpay Gate payouts to DOKU Wallet")
            + (" — " + self.tr("the sandbox's demo project") if terminal.embedded else "")
            if not missing
            else self.tr("not available; needs {keys}").format(keys=", ".join(missing))
        )
        return [
            ("provider", self.tr("Payment provider"), provider),
            ("terminalId", self.tr("Terminal"), settings.terminal_id),
            ("relayUrl", self.tr("Relay URL"), relay_url or self.tr("not set")),
            ("relayToken", self.tr("Relay token"), self._secret(relay_token)),
            ("shopName", self.tr("Shop name"), settings.shop.name),
            ("shopAddress", self.tr("Shop address"), settings.shop.address),
            ("timeZone", self.tr("Time zone"), settings.timezone.key),
            (
                "cutoff",
                self.tr("Business day starts at"),
                settings.business_day_cutoff.strftime("%H:%M"),
            ),
            (
                "qrExpiry",
                self.tr("QR payment expires after"),
                self.tr("{minutes} minutes").format(minutes=settings.qr_expiry_minutes),
            ),
            (
                "dokuClientId",
                self.tr("DOKU client id"),
                settings.doku.client_id or self.tr("not set"),
            ),
            ("dokuSecret", self.tr("DOKU secret key"), self._secret(settings.doku.secret_key)),
            (
                "ecommpayProject",
                self.tr("ecommpay project id"),
                str(settings.ecommpay.project_id or self.tr("not set")),
            ),
            (
                "ecommpaySecret",
                self.tr("ecommpay secret key"),
                self._secret(settings.ecommpay.secret_key),
            ),
            ("refunds", self.tr("Refunds"), refunds),
        ]

    def _secret(self, value: Secret | str | None) -> str:
        return self.tr("set") if value else self.tr("not set")

    def test_connection(self) -> None:
        self.test_button.setEnabled(False)
        self.results.clear()
        self.say(self.tr("Testing the connections…"))
        self.run(self.office.test_connection, self._tested, self._test_failed)

    def _tested(self, checks: list[Check]) -> None:
        self.test_button.setEnabled(True)
        self.checks = checks
        lines = []
        for check in checks:
            mark, color = ("✓", "#1b5e20") if check.ok else ("✗", "#8a1c14")
            detail = f"<br><small>{html.escape(check.detail)}</small>" if check.detail else ""
            lines.append(
                f"<p style='color: {color}'>{mark} {html.escape(self.sentence(check))}{detail}</p>"
            )
        self.results.setText("".join(lines))
        failed = [check for check in checks if not check.ok]
        if failed:
            self.say_error(
                self.tr("{count} of {total} checks failed.").format(
                    count=len(failed), total=len(checks)
                )
            )
        else:
            self.say(self.tr("Everything answers as it should."))

    def _test_failed(self, error: Exception) -> None:
        self.test_button.setEnabled(True)
        self.say_error(self.tr("The test itself failed: {error}").format(error=error))

    def sentence(self, check: Check) -> str:
        """What a check found, in words the manager can act on."""
        relay = {
            Verdict.OK: self.tr("The relay answers and can store payment notifications."),
            Verdict.UNREACHABLE: self.tr(
                "The relay cannot be reached: check relay.url and the shop's internet connection."
            ),
            Verdict.UNHEALTHY: self.tr(
                "The relay answers but cannot store notifications: tell the relay's operator."
            ),
            Verdict.NOT_SET_UP: self.tr("No relay is set up: set relay.url and relay.token."),
        }
        token = {
            Verdict.OK: self.tr("The relay accepts this terminal's token."),
            Verdict.REFUSED: self.tr(
                "The relay refused this terminal's token: ask the relay's operator for a new one "
                "and set relay.token."
            ),
            Verdict.UNREACHABLE: self.tr(
                "The relay stopped answering while the token was checked."
            ),
        }
        payments = {
            Verdict.OK: self.tr("The payment service accepts this terminal's signed requests."),
            Verdict.UNREACHABLE: self.tr(
                "The payment service cannot be reached: check the internet connection."
            ),
            Verdict.REFUSED: self.tr(
                "The payment service refused the credentials: check the client id or project id "
                "and the secret key."
            ),
        }
        payouts = {
            Verdict.OK: self.tr("ecommpay accepts the refund (payout) credentials."),
            Verdict.UNREACHABLE: self.tr("ecommpay cannot be reached for refunds."),
            Verdict.REFUSED: self.tr(
                "ecommpay refused the refund credentials: check ecommpay.project_id and "
                "ecommpay.secret_key."
            ),
            Verdict.NOT_SET_UP: self.tr("Refunds are not set up: they need the ecommpay settings."),
        }
        sentences = {
            Service.RELAY: relay,
            Service.RELAY_TOKEN: token,
            Service.PAYMENTS: payments,
            Service.PAYOUTS: payouts,
        }[check.service]
        unexpected = self.tr("{service}: an unexpected answer.").format(service=check.service)
        return sentences.get(check.verdict, unexpected)
