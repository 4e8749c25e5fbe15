"""The Settings tab: the settings file as a form, and "Test connection" of what the form says.

The fields start from the file alone, read on a worker: the form is off, and nothing can be saved
or tested, until it is in. ``KASIR_…`` variables, which win over it, are named. Secrets are
write-only. Save names every wrong or missing setting with its key and then writes
nothing; otherwise the file is replaced atomically, owner-only, and the keys changed are audited.
The running till keeps its settings until Kasir is started again: switching provider or
credentials under a payment in progress is how a payment gets lost. Demo mode runs on embedded
services and saves nothing.

The tab also says where the log is and saves a support bundle (the log files, the versions, the
settings without their secrets) to a zip file the manager chooses, written on a worker.
"""

import os
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos_app.gui.back_office.widgets import Tab, choose_file
from pos_app.gui.formatting import ERROR_STYLE
from pos_app.gui.printer_fields import PrintTestPage
from pos_app.gui.settings_form import (
    BARCODE_FIELDS,
    PAYMENT_FIELDS,
    PRINTER_FIELDS,
    RELAY_FIELDS,
    TAX_FIELDS,
    Problem,
    SettingsFields,
    paragraphs,
    saved_settings,
    split_problem,
)
from pos_app.gui.tasks import TaskRunner
from pos_app.gui.versions import qt_versions
from pos_app.settings.log_file import (
    LOG_DIR_ENV,
    LOG_LEVEL_ENV,
    current_log,
    hide,
    log_dir,
    log_name,
)
from pos_app.settings.terminal_config import (
    PROVIDERS,
    ConfigError,
    ProviderChoice,
    Secret,
    Settings,
)
from pos_app.till.back_office import BackOffice
from pos_app.till.connection_check import Check, check_settings
from pos_app.till.support_bundle import SupportBundle, write_support_bundle

SHOP_FIELDS = ("shop.name", "shop.address", "language", "timezone", "business_day_cutoff")
ENV_PREFIX = "KASIR_"
NOT_SETTINGS = ("KASIR_CONFIG", LOG_DIR_ENV, LOG_LEVEL_ENV)
"""``KASIR_…`` variables that are not settings the file could hold."""


class SettingsTab(Tab):
    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(office, tasks, parent)
        terminal = office.terminal
        self.path = office.settings_path()
        self.demo = terminal.demo
        self.form_read = False
        """Whether the fields show the file: until then the form is off, so a save cannot
        overwrite the file's settings with empty fields."""
        self.fields = SettingsFields(
            None,
            SHOP_FIELDS
            + TAX_FIELDS
            + PRINTER_FIELDS
            + PAYMENT_FIELDS
            + RELAY_FIELDS
            + BARCODE_FIELDS,
            providers=PROVIDERS,
            refunds=True,
            system_language=True,
            parent=self,
        )
        self.fields.retranslate()
        self.checks: list[Check] = []
        self._testing = False
        self._saving = False
        self._bundling = False
        self.log_path = current_log() or log_dir() / log_name(demo=self.demo)

        self.values: dict[str, QLabel] = {}
        running = QFormLayout()
        for key, label, value in self._running():
            shown = QLabel(value)
            shown.setObjectName(key)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = shown
            running.addRow(label, shown)
        now = QGroupBox(self.tr("Running now"))
        now.setLayout(running)

        self.editor = QWidget()
        editor = QVBoxLayout(self.editor)
        editor.setContentsMargins(0, 0, 0, 0)
        forms: dict[tuple[str, ...], QFormLayout] = {}
        for title, keys in (
            (self.tr("Shop and receipts"), SHOP_FIELDS),
            (self.tr("PPN and discounts"), TAX_FIELDS),
            (self.tr("Payments and refunds"), PAYMENT_FIELDS),
            (self.tr("Relay"), RELAY_FIELDS),
            (self.tr("Receipt printer"), PRINTER_FIELDS),
            (self.tr("Barcodes and scale labels"), BARCODE_FIELDS),
        ):
            form = forms[keys] = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            self.fields.add_rows(form, keys)
            group = QGroupBox(title)
            group.setLayout(form)
            editor.addWidget(group)
        self.test_page = PrintTestPage(
            self.fields.printer, self.fields.line("shop.name").text, tasks
        )
        forms[PRINTER_FIELDS].addRow(self.test_page)
        self.labels_form = forms[BARCODE_FIELDS]
        self.layout_note = QLabel(
            self.tr(
                "After a restart, labels with a verifier digit are read this way: enter the "
                "scale's products again with item codes of this length."
            )
        )
        self.layout_note.setObjectName("labelLayoutNote")
        self.layout_note.setWordWrap(True)
        self.labels_form.addRow(self.layout_note)
        digits = self.fields.combo("barcodes.verified_value_digits")
        digits.currentIndexChanged.connect(self._show_layout_note)
        self._show_layout_note()
        self.editor.setEnabled(False)

        self.note = QLabel(self._note())
        self.note.setObjectName("settingsNote")
        self.note.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.test_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        self.results = QLabel()
        self.results.setObjectName("connectionResults")
        self.results.setWordWrap(True)
        self.results.setTextFormat(Qt.TextFormat.RichText)
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)

        log_note = QLabel(
            self.tr(
                "Kasir writes what happens on this terminal to {file} (older files beside it). "
                "When asking for help, save a support bundle and send it: the log files, the "
                "versions and these settings, without any secret."
            ).format(file=self.log_path)
        )
        log_note.setObjectName("logNote")
        log_note.setWordWrap(True)
        log_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bundle_button = QPushButton(self.tr("Save support bundle…"))
        self.bundle_button.setObjectName("saveSupportBundle")
        self.bundle_button.clicked.connect(self.ask_bundle_path)
        support_layout = QVBoxLayout()
        support_layout.addWidget(log_note)
        support_layout.addWidget(self.bundle_button, 0, Qt.AlignmentFlag.AlignLeft)
        support = QGroupBox(self.tr("Log and support"))
        support.setLayout(support_layout)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(now)
        layout.addWidget(self.note)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        layout.addWidget(self.problems)
        layout.addWidget(self.results)
        layout.addWidget(support)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.status)

    def refresh(self) -> None:
        """Read the settings file into the form, the first time only: read again, it would
        undo what the manager has typed."""
        if self.loaded:
            return
        super().refresh()
        self.run(partial(saved_settings, self.path), self._read, self._read_failed)

    def save(self) -> None:
        """Check the form as the terminal will read it, then write it (audited); both on a
        worker."""
        if self.demo or self._saving or not self.form_read:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.problems.clear()
        self.say(self.tr("Saving…"))
        update = self.fields.changes()
        self._when_right(
            lambda _: self.run(
                lambda: self.office.save_settings(update),
                lambda changed: self._saved(update, changed),
                self._save_failed,
            ),
            self.tr("Nothing was saved: correct what is listed below."),
            self._save_ended,
        )

    def test_connection(self) -> None:
        """Ask the relay and the payment services what the form says, off the GUI thread; in
        demo mode (or the sandbox running now) the services this terminal runs on."""
        if self._testing or not self.form_read:
            return
        self.problems.clear()
        self.results.clear()
        terminal = self.office.terminal
        sandbox = self.fields.provider is ProviderChoice.SANDBOX
        embedded = self.demo or (sandbox and terminal.embedded is not None)
        if sandbox and not embedded:
            self.say(
                self.tr(
                    "The sandbox starts inside Kasir with the terminal: there is nothing outside "
                    "it to test."
                )
            )
            return
        self._testing = True
        self.test_button.setEnabled(False)
        if embedded:
            self.say(self.tr("Testing the services inside Kasir this terminal runs on…"))
            self._test(self.office.test_connection)
            return
        self.say(self.tr("Testing the connections…"))
        self._when_right(
            lambda settings: self._test(partial(check_settings, settings, payouts=True)),
            self.tr("Correct what is listed below before testing."),
            self._test_ended,
        )

    def ask_bundle_path(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        choose_file(
            self,
            self.tr("Save a support bundle"),
            f"kasir-support-{self.office.terminal.settings.terminal_id}-{stamp}.zip",
            self.tr("Zip files (*.zip)"),
            self.save_bundle,
            save=True,
            suffix="zip",
        )

    def save_bundle(self, path: str) -> None:
        """Collect and zip on a worker: the log files may be megabytes."""
        if self._bundling:
            return
        self._bundling = True
        self.bundle_button.setEnabled(False)
        self.say(self.tr("Saving the support bundle to {path}…").format(path=path))
        settings, folder, versions = (
            self.office.terminal.settings,
            self.log_path.parent,
            qt_versions(),
        )
        self.run(
            lambda: write_support_bundle(Path(path), settings, folder, extra_versions=versions),
            self._bundled,
            self._bundle_failed,
        )

    def _bundled(self, bundle: SupportBundle) -> None:
        self._bundling = False
        self.bundle_button.setEnabled(True)
        self.say(
            self.tr(
                "Support bundle saved to {path} ({size} KB): the log files, the versions and the "
                "settings, without secrets."
            ).format(path=bundle.path, size=max(1, round(bundle.size / 1024)))
        )

    def _bundle_failed(self, error: Exception) -> None:
        self._bundling = False
        self.bundle_button.setEnabled(True)
        self.say_error(self.tr("Could not save the support bundle: {error}").format(error=error))

    def _read(self, answer: tuple[Settings, list[Problem]]) -> None:
        saved, wrong = answer
        self.fields.fill(saved, saved.language)
        if wrong:
            self._show_problems(
                wrong,
                self.tr("The settings file has problems; these fields show their defaults:"),
            )
        self.form_read = True
        self.editor.setEnabled(not self.demo)
        self.save_button.setEnabled(not self.demo)
        self.test_button.setEnabled(True)

    def _read_failed(self, error: Exception) -> None:
        """The form stays off: saved, its empty fields would replace the file's settings. The
        tab reads again when next shown."""
        self.loaded = False
        self.say_error(self._unread(error))

    def _unread(self, error: Exception) -> str:
        return self.tr("Could not read the settings file: {error}").format(error=error)

    def _when_right(
        self, then: Callable[[Settings], None], refused: str, ended: Callable[[], None]
    ) -> None:
        """Read the form back as the terminal would run with it (``KASIR_…`` variables winning)
        on a worker, as it reads the file and writes a trial one; ``then`` gets the settings if
        nothing is wrong or missing. Else ``ended`` ends the flow, and the problems are listed
        under ``refused``."""

        def answered(answer: tuple[Settings | None, list[Problem]]) -> None:
            settings, found = answer
            if settings is not None:
                then(settings)
                return
            ended()
            self._show_problems(found)
            self.say_error(refused)

        def failed(error: Exception) -> None:
            ended()
            self.say_error(self._unread(error))

        self.run(self.fields.reader(self.path, os.environ), answered, failed)

    def _test(self, work: Callable[[], list[Check]]) -> None:
        self.run(work, self._tested, self._test_failed)

    def _save_ended(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _test_ended(self) -> None:
        self._testing = False
        self.test_button.setEnabled(True)

    def _saved(self, update: Mapping[str, object], changed: Sequence[str]) -> None:
        self._save_ended()
        if not changed:
            self.say(self.tr("Nothing changed: the settings file stays as it was."))
            return
        for key, value in update.items():
            if isinstance(value, Secret):
                hide([value.reveal()])  # not yet running, but never to be logged either
                self.fields.saved[key] = True
                self.fields.line(key).clear()
        self.fields.retranslate()
        self.say(
            self.tr(
                "Saved to {file}: {keys}. Restart Kasir to use the new settings; until then the "
                "till keeps its current ones, so no payment in progress is switched over."
            ).format(file=self.path, keys=", ".join(changed))
        )

    def _save_failed(self, error: Exception) -> None:
        self._save_ended()
        if isinstance(error, ConfigError):
            self._show_problems([split_problem(problem) for problem in error.problems])
            self.say_error(self.tr("Nothing was saved: correct what is listed below."))
        else:
            self.say_error(self.tr("Could not save the settings: {error}").format(error=error))

    def _tested(self, checks: list[Check]) -> None:
        self._test_ended()
        self.checks = checks
        self.results.setText(self.fields.results(checks))
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
        self._test_ended()
        message = self.tr("The test itself failed: {error}").format(error=error)
        self.results.setText(paragraphs([message], ok=False))
        self.say_error(message)

    def _show_problems(self, problems: Sequence[Problem], heading: str = "") -> None:
        lines = self.fields.describe(problems, with_keys=True)
        self.problems.setText("\n".join([heading, *lines] if heading else lines))

    def _show_layout_note(self) -> None:
        """A verified label's item code is as long as its value leaves room for, so a product
        of the scale is found under another code once the value's digits change."""
        digits = self.fields.combo("barcodes.verified_value_digits").currentData()
        running = self.office.terminal.settings.barcodes.verified_value_digits
        self.labels_form.setRowVisible(self.layout_note, digits != running)

    def _note(self) -> str:
        if self.demo:
            return self.tr(
                "Demo mode runs on services inside Kasir (a payment simulator and a relay), so "
                "settings are not saved here. To set up real payments, start Kasir without "
                "--demo."
            )
        note = self.tr(
            "Saved to {file}. Kasir reads its settings when it starts, so what you save applies "
            "after a restart. Secret fields never show a saved secret: leave one empty to keep "
            "it, type to replace it."
        ).format(file=self.path)
        overriding = sorted(
            name
            for name, value in os.environ.items()
            if name.startswith(ENV_PREFIX) and name not in NOT_SETTINGS and value
        )
        if overriding:
            note += " " + self.tr("These environment variables win over the file: {names}.").format(
                names=", ".join(overriding)
            )
        return note

    def _running(self) -> list[tuple[str, str, str]]:
        terminal = self.office.terminal
        settings = terminal.settings
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
            ("runningProvider", self.tr("Payment provider"), provider),
            ("terminalId", self.tr("Terminal"), settings.terminal_id),
            ("refunds", self.tr("Refunds"), refunds),
        ]
