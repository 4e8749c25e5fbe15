"""First run: the setup wizard on a real sandbox and relay, and the pos-app hook that opens it."""

import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWizard

from pos_app.demo.embedded_services import EmbeddedServices
from pos_app.gui import terminal_cli
from pos_app.gui.i18n import remove_translation
from pos_app.gui.printer_fields import PrinterAddressEdit
from pos_app.gui.setup_wizard import SetupOutcome, SetupWizard
from pos_app.settings import paths
from pos_app.settings.terminal_config import Secret, load_settings
from pos_app.till.connection_check import Service, Verdict
from pos_app.till.terminal import Terminal
from tests.gui.e2e import WAIT_MS

SHOP = "Toko Maju Jaya"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServices]:
    """The provider simulator and a relay with a token for this terminal, on loopback."""
    embedded = EmbeddedServices.start(tmp_path_factory.mktemp("relay") / "relay.db")
    yield embedded
    embedded.stop()


@pytest.fixture
def settings_path(tmp_path: Path, services: EmbeddedServices) -> Path:
    """An incomplete settings file that only points DOKU at the local sandbox (a key the wizard
    does not show, so it must keep it)."""
    path = tmp_path / "kasir.toml"
    path.write_text(f'[doku]\nbase_url = "{services.sandbox.url}"\n', encoding="utf-8")
    return path


@pytest.fixture
def wizard(qtbot, settings_path: Path) -> Iterator[SetupWizard]:
    made = SetupWizard(settings_path, language="en")
    qtbot.addWidget(made)
    made.show()
    yield made
    remove_translation(QApplication.instance())


def fill_doku(wizard: SetupWizard, services: EmbeddedServices, *, token: str = "") -> None:
    wizard.shop.shop_name.setText(SHOP)
    wizard.shop.shop_address.setText("Jl. Merdeka 1, Bandung")
    assert wizard.validateCurrentPage()
    wizard.next()
    payment = wizard.payment
    payment.provider.setCurrentIndex(payment.provider.findData("doku"))
    payment.doku_client_id.setText(services.config.doku_client_id)
    payment.doku_secret.setText(services.config.doku_secret_key)
    assert wizard.validateCurrentPage(), payment.problems.text()
    wizard.next()
    wizard.relay.relay_url.setText(services.relay.url)
    wizard.relay.relay_token.setText(token or services.relay_token)


def test_test_connection_then_save_writes_settings_the_terminal_accepts(
    qtbot, wizard: SetupWizard, services: EmbeddedServices, settings_path: Path
) -> None:
    fill_doku(wizard, services)
    wizard.relay.test_button.click()
    qtbot.waitUntil(
        lambda: wizard.relay.test_button.isEnabled() and bool(wizard.checks), timeout=WAIT_MS
    )
    assert [(check.service, check.verdict) for check in wizard.checks] == [
        (Service.RELAY, Verdict.OK),
        (Service.RELAY_TOKEN, Verdict.OK),
        (Service.PAYMENTS, Verdict.OK),
    ]
    assert "accepts the credentials" in wizard.relay.results.text()
    assert services.relay_token not in wizard.relay.results.text()

    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.outcome is SetupOutcome.SAVED
    if os.name != "nt":
        assert stat.S_IMODE(settings_path.stat().st_mode) == 0o600
    settings = load_settings(settings_path, env={})
    assert settings.provider == "doku" and settings.language == "en"
    assert settings.shop.name == SHOP and settings.doku.base_url == services.sandbox.url
    assert settings.doku.secret_key == Secret(services.config.doku_secret_key)
    assert settings.relay.token == Secret(services.relay_token)
    assert settings.missing_for_provider() == []


def test_cancel_during_a_connection_test_closes_at_once_and_drops_its_answer(
    qtbot, wizard: SetupWizard, services: EmbeddedServices
) -> None:
    """A relay that takes the request and never answers: Cancel does not wait for the test."""
    held = socket.create_server(("127.0.0.1", 0))
    fill_doku(wizard, services)
    wizard.relay.relay_url.setText(f"http://127.0.0.1:{held.getsockname()[1]}")
    runner = wizard._runner
    wizard.relay.test_button.click()
    qtbot.waitUntil(lambda: not wizard.relay.test_button.isEnabled(), timeout=WAIT_MS)

    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert not runner.wait_for_done(0), "Cancel waited for the connection test"
    assert not wizard.isVisible() and wizard.outcome is SetupOutcome.CANCELLED

    with qtbot.waitSignal(runner.destroyed, timeout=WAIT_MS):
        held.close()  # the relay lets go: the test ends, and its runner with it
    qtbot.wait(0)  # the runner's last queued delivery, had it kept the callbacks
    assert wizard.checks == [] and not wizard.relay.test_button.isEnabled()


def test_a_refused_token_is_said_in_words(
    qtbot, wizard: SetupWizard, services: EmbeddedServices
) -> None:
    fill_doku(wizard, services, token="not-the-token")
    wizard.relay.test_button.click()
    qtbot.waitUntil(
        lambda: wizard.relay.test_button.isEnabled() and bool(wizard.checks), timeout=WAIT_MS
    )
    verdicts = {check.service: check.verdict for check in wizard.checks}
    assert verdicts[Service.RELAY_TOKEN] is Verdict.REFUSED
    assert "The relay refused the token" in wizard.relay.results.text()


def test_test_connection_names_what_is_missing_instead_of_asking(
    wizard: SetupWizard, services: EmbeddedServices
) -> None:
    fill_doku(wizard, services)
    wizard.relay.relay_token.clear()
    wizard.relay.test_button.click()
    assert "Terminal token: required" in wizard.relay.results.text()
    assert wizard.checks == [] and wizard.relay.test_button.isEnabled()


def test_saved_secrets_are_never_shown_and_an_empty_field_keeps_them(
    qtbot, wizard: SetupWizard, services: EmbeddedServices, settings_path: Path
) -> None:
    fill_doku(wizard, services)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.outcome is SetupOutcome.SAVED

    again = SetupWizard(settings_path, language="en")
    qtbot.addWidget(again)
    secrets = (again.payment.doku_secret, again.relay.relay_token)
    assert all(field.text() == "" for field in secrets)
    assert all("saved" in field.placeholderText() for field in secrets)
    shown = [field.text() for field in again.findChildren(QLineEdit)]
    shown += [label.text() for label in again.findChildren(QLabel)]
    for secret in (services.config.doku_secret_key, services.relay_token):
        assert not any(secret in text for text in shown)
    assert again.shop.shop_name.text() == SHOP, "what was saved is offered again"

    again.shop.shop_name.setText("Toko Baru")
    again.show()
    for _ in range(2):
        again.next()
    again.button(QWizard.WizardButton.FinishButton).click()
    settings = load_settings(settings_path, env={})
    assert settings.shop.name == "Toko Baru"
    assert settings.doku.secret_key == Secret(services.config.doku_secret_key)
    assert settings.relay.token == Secret(services.relay_token)


def test_each_page_names_what_is_missing_or_wrong(wizard: SetupWizard) -> None:
    wizard.shop.shop_name.setText(SHOP)
    wizard.shop.terminal_id.setText("till one")
    assert not wizard.validateCurrentPage()
    assert wizard.shop.problems.text().startswith("Terminal ID: expected 1-16 letters")
    wizard.shop.terminal_id.setText("K1")
    assert wizard.validateCurrentPage()
    wizard.next()

    payment = wizard.payment
    payment.provider.setCurrentIndex(payment.provider.findData("ecommpay-gate"))
    assert not payment.doku_client_id.isVisible() and payment.customer_ip.isVisible()
    payment.ecommpay_project.setText("abc")
    assert not wizard.validateCurrentPage()
    problems = payment.problems.text().splitlines()
    assert problems[0].startswith("ecommpay project ID: expected a whole number")
    assert "ecommpay secret key: required" in problems
    assert "Shop's public IP address: required" in problems
    assert wizard.currentPage() is payment

    payment.ecommpay_project.setText("238")
    payment.ecommpay_secret.setText("ecommpay-secret")
    payment.customer_email.setText("kasir@tokomaju.id")
    payment.customer_ip.setText("203.0.113.10")
    assert wizard.validateCurrentPage(), payment.problems.text()
    wizard.next()
    wizard.relay.relay_url.setText("relay.example.id")
    assert not wizard.validateCurrentPage()
    assert wizard.relay.problems.text().splitlines() == [
        "Relay address: expected an http(s) URL, got 'relay.example.id'",
        "Terminal token: required",
    ]


def test_a_settings_file_broken_meanwhile_is_named_on_every_page(
    wizard: SetupWizard, settings_path: Path
) -> None:
    wizard.shop.shop_name.setText(SHOP)
    settings_path.write_text("provider = ", encoding="utf-8")
    assert not wizard.validateCurrentPage()
    assert wizard.shop.problems.text().startswith("cannot be updated: ")
    wizard.accept()  # what Finish does
    assert wizard.isVisible() and wizard.outcome is SetupOutcome.CANCELLED
    assert wizard.shop.problems.text().startswith("cannot be updated: ")
    assert settings_path.read_text(encoding="utf-8") == "provider = ", "nothing written over it"


def test_try_demo_mode_writes_nothing(wizard: SetupWizard, settings_path: Path) -> None:
    before = settings_path.read_text(encoding="utf-8")
    wizard.shop.shop_name.setText(SHOP)
    wizard.demo_button.click()
    assert wizard.outcome is SetupOutcome.DEMO and not wizard.isVisible()
    assert settings_path.read_text(encoding="utf-8") == before


def test_choosing_bahasa_indonesia_translates_the_wizard_at_once(
    qtbot, wizard: SetupWizard
) -> None:
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Next >"
    wizard.shop.language.setCurrentIndex(wizard.shop.language.findData("id"))
    qtbot.waitUntil(lambda: wizard.buttonText(QWizard.WizardButton.NextButton) == "Lanjut >")
    assert wizard.shop.title() == "Selamat datang di Kasir"
    assert wizard.demo_button.text() == "Coba mode demo"
    assert wizard.changes()["language"] == "id"


@pytest.fixture
def first_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No settings file where Kasir looks by default, and no KASIR_ variables: never set up."""
    for name in [name for name in os.environ if name.startswith("KASIR_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    config = paths.config_path()
    assert config.is_relative_to(tmp_path)
    return config


def test_first_run_without_a_screen_says_how_to_set_up_and_exits_2(
    tmp_path: Path, first_run: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    assert terminal_cli.main(["--no-wizard", "--db", str(tmp_path / "k.db")]) == 2
    err = capsys.readouterr().err
    assert "not set up yet" in err and str(first_run) in err and "pos-app --demo" in err
    assert not first_run.exists() and not (tmp_path / "k.db").exists()


def test_a_relay_url_httpx_refuses_is_named_at_start_not_a_traceback(
    tmp_path: Path, first_run: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """192.168.1.300 passed the settings check; httpx refused it when the terminal opened."""
    first_run.parent.mkdir(parents=True)
    first_run.write_text(
        'provider = "doku"\n[doku]\nclient_id = "BRN-1"\nsecret_key = "SK-1"\n'
        '[relay]\nurl = "http://192.168.1.300:8000"\ntoken = "relay-token"\n',
        encoding="utf-8",
    )
    first_run.chmod(0o600)
    monkeypatch.setenv("DISPLAY", ":0")
    assert terminal_cli.main(["--no-wizard", "--db", str(tmp_path / "k.db")]) == 2
    err = capsys.readouterr().err
    assert "relay.url: expected an http(s) URL, got 'http://192.168.1.300:8000'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "k.db").exists()


@pytest.mark.parametrize("existing", [None, 'provider = "doku"\n'])
def test_at_a_screen_the_wizard_opens_and_demo_mode_starts_the_till(
    qtbot, tmp_path: Path, first_run: Path, monkeypatch: pytest.MonkeyPatch, existing: str | None
) -> None:
    """First run, and a provider whose credentials are missing: both offer the wizard."""
    if existing is not None:
        first_run.parent.mkdir(parents=True)
        first_run.write_text(existing, encoding="utf-8")
    for name in ("CI", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    opened: list[Terminal] = []

    def run_terminal(terminal: Terminal, **_options: object) -> int:
        """The till's event loop is left out: quitting it in-process would end the next
        dialog's loop too (Qt keeps the quit until the application runs again)."""
        opened.append(terminal)
        return 0

    monkeypatch.setattr(terminal_cli, "run_terminal", run_terminal)
    wizards: list[SetupWizard] = []

    def try_demo() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, SetupWizard) and widget.isVisible() and not wizards:
                wizards.append(widget)
                widget.demo_button.click()

    driver = QTimer()
    driver.timeout.connect(try_demo)
    driver.start(20)
    db = tmp_path / "demo.db"
    try:
        code = terminal_cli.main(["--db", str(db), "--no-customer-display"])
    finally:
        driver.stop()
        remove_translation(QApplication.instance())
    assert code == 0 and len(wizards) == 1
    assert [(terminal.demo, terminal.closed) for terminal in opened] == [(True, True)]
    assert db.exists(), "demo mode on its own database"
    written = first_run.read_text(encoding="utf-8") if first_run.exists() else None
    assert written == existing, "demo mode writes no settings"


@pytest.mark.parametrize(
    ("env", "possible"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True),
        ({}, False),
        ({"DISPLAY": ":0", "CI": "true"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "minimal:enable_fonts"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
    ],
)
def test_the_wizard_opens_only_where_someone_can_answer_it(
    env: dict[str, str], possible: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(terminal_cli.sys, "platform", "linux")
    assert terminal_cli.can_show_windows(env) is possible


def test_the_first_page_sets_up_the_receipt_printer(qtbot, wizard: SetupWizard) -> None:
    address = wizard.fields.widgets["printer.address"]
    assert isinstance(address, PrinterAddressEdit)
    address.kind.setCurrentIndex(address.kind.findData("serial"))
    address.where.setText("/dev/ttyUSB0")
    wizard.shop.shop_name.setText(SHOP)
    wizard.fields.check("printer.auto_print").setChecked(False)
    assert wizard.validateCurrentPage()
    changes = wizard.changes()
    assert changes["printer.address"] == "serial:/dev/ttyUSB0"
    assert (changes["printer.width"], changes["printer.auto_print"]) == (80, False)
    address.kind.setCurrentIndex(address.kind.findData("tcp"))
    address.where.setText("printer at the back")
    assert not wizard.validateCurrentPage()
    assert "Receipt printer: expected a printer as" in wizard.shop.problems.text()


def test_the_wizard_accepts_a_relay_token_the_environment_gives(
    wizard: SetupWizard, services: EmbeddedServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given as KASIR_RELAY_TOKEN (a secret's first source, and what the till runs with), it was
    still "required", forcing the secret to be typed and written into the settings file."""
    monkeypatch.setenv("KASIR_RELAY_TOKEN", services.relay_token)
    fill_doku(wizard, services)
    wizard.relay.relay_token.clear()
    assert wizard.validateCurrentPage(), wizard.relay.problems.text()


def test_finish_with_the_relay_page_incomplete_writes_nothing(
    wizard: SetupWizard, services: EmbeddedServices, settings_path: Path
) -> None:
    """Finish wrote the file before Qt checked the last page: with the token missing the page
    said "required" and stayed, yet a till without a relay token was on disk and the outcome
    said SAVED, so Cancel then started a half-configured till."""
    before = settings_path.read_text(encoding="utf-8")
    fill_doku(wizard, services)
    wizard.relay.relay_token.clear()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible(), "the page names what is missing and stays"
    assert "Terminal token: required" in wizard.relay.problems.text()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.outcome is SetupOutcome.CANCELLED
    assert settings_path.read_text(encoding="utf-8") == before
