"""The Products, Users and Settings tabs: every change lands in the store and the audit log."""

import os
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton, QWidget

from pos_app.clients.relay_client import RelayClient
from pos_app.domain.errors import ValidationError
from pos_app.domain.printer_address import parse_printer
from pos_app.gui.back_office import settings_tab as settings_module
from pos_app.gui.back_office.products_tab import ImportProblemsDialog
from pos_app.gui.back_office.sales_tab import SalesTab
from pos_app.gui.back_office.settings_tab import SettingsTab
from pos_app.gui.printer_fields import PrinterAddressEdit
from pos_app.gui.tasks import TaskRunner
from pos_app.settings import paths, settings_file
from pos_app.settings.printer_settings import PrinterSettings
from pos_app.settings.terminal_config import (
    ConfigError,
    Secret,
    Settings,
    load_settings,
)
from pos_app.store.users import Role
from pos_app.till.back_office import BackOffice
from pos_app.till.connection_check import Service, Verdict
from pos_app.till.terminal import Terminal, open_terminal
from tests.gui.back_office_helpers import idle, show_tab, signed_in
from tests.gui.e2e import WAIT_MS, dead_port
from tests.gui.helpers import answer_confirmation, wait_for_modal
from tests.harness.fake_printer import fake_printer, printed_rows

BAD_CATALOG = (
    "sku,barcode,name,category,price\r\n"
    "NEW-001,,Kerupuk Udang,Makanan Ringan,7500\r\n"
    "NEW-002,,Kopi Tubruk,Kopi & Teh,tiga ribu\r\n"
    "NEW-003,1234567890123,Sabun Cuci,Rumah Tangga,4000\r\n"
    "NEW-004,,,Minuman,3000\r\n"
)


def actions(app, name: str) -> list:
    return [entry for entry in app.terminal.store.audit.recent() if entry.action == name]


def test_a_bad_catalogue_is_refused_whole_with_every_bad_line_listed(
    qtbot, start_app, tmp_path: Path
) -> None:
    app = start_app()
    before = app.terminal.store.products.count()
    source = tmp_path / "catalog.csv"
    source.write_text(BAD_CATALOG, encoding="utf-8")
    window = signed_in(qtbot, app)
    tab = window.products
    show_tab(qtbot, window, tab)

    qtbot.mouseClick(tab.findChild(QPushButton, "importProducts"), Qt.MouseButton.LeftButton)
    chooser = wait_for_modal(qtbot, QFileDialog)
    chooser.selectFile(str(source))
    chooser.accept()
    problems = wait_for_modal(qtbot, ImportProblemsDialog)

    lines = [problems.table.item(row, 0).text() for row in range(problems.table.rowCount())]
    assert lines == ["3", "4", "5"]
    assert "tiga ribu" in problems.table.item(0, 1).text()
    assert "EAN-13" in problems.table.item(1, 1).text()
    assert tab.status.text() == "Nothing was imported: 3 lines have problems."
    assert app.terminal.store.products.count() == before
    assert app.terminal.store.products.get("NEW-001") is None
    problems.accept()


def test_editing_and_taking_a_product_off_sale_is_stored_and_audited(qtbot, start_app) -> None:
    app = start_app()
    window = signed_in(qtbot, app)
    tab = window.products
    show_tab(qtbot, window, tab)
    qtbot.keyClicks(tab.search, "MIN-002")
    qtbot.waitUntil(lambda: list(tab.shown)[:1] == ["MIN-002"], timeout=WAIT_MS)
    tab.select("MIN-002")

    tab.price.setText("Rp 4.500")
    tab.name.setText("Aqua Air Mineral 600 ml")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status.text() == "MIN-002 saved.", timeout=WAIT_MS)
    product = app.terminal.store.products.get("MIN-002")
    assert product is not None
    assert (product.name, product.price) == ("Aqua Air Mineral 600 ml", 4_500)
    edit = actions(app, "product.edit")[0]
    assert edit.actor == "Demo Manajer"
    assert (edit.detail["before"]["price"], edit.detail["after"]["price"]) == (4_000, 4_500)

    qtbot.waitUntil(lambda: tab.editing() is not None and tab.deactivate_button.isEnabled())
    qtbot.mouseClick(tab.deactivate_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: tab.status.text() == "MIN-002 is off sale.", timeout=WAIT_MS)
    assert app.terminal.store.products.get("MIN-002") == replace(product, active=False)
    assert "MIN-002" not in [p.sku for p in app.terminal.store.products.search("Aqua")]


def test_users_are_added_deactivated_and_given_new_pins(qtbot, start_app) -> None:
    app = start_app()
    users = app.terminal.store.users
    window = signed_in(qtbot, app)
    tab = window.users
    show_tab(qtbot, window, tab)

    tab.new_name.setText("Sari")
    tab.new_role.setCurrentIndex(tab.new_role.findData(Role.CASHIER.value))
    qtbot.keyClicks(tab.new_pin, "2468")
    qtbot.mouseClick(tab.findChild(QPushButton, "addUser"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sari" in [u.name for u in tab.shown.values()], timeout=WAIT_MS)
    sari = users.verify_pin("2468", name="Sari")
    assert sari is not None and sari.role is Role.CASHIER
    added = actions(app, "user.add")[0]
    assert (added.actor, added.detail) == ("Demo Manajer", {"user": "Sari", "role": "cashier"})

    tab.select("Demo Kasir")
    qtbot.keyClicks(tab.reset_pin_field, "1357")
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status.text() == "Demo Kasir has a new PIN.", timeout=WAIT_MS)
    assert users.verify_pin("1357", name="Demo Kasir") is not None
    assert "1357" not in str(actions(app, "user.reset_pin")[0].detail)

    tab.select("Sari")
    qtbot.mouseClick(tab.deactivate_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: tab.status.text() == "Sari can no longer sign in.", timeout=WAIT_MS)
    assert users.verify_pin("2468", name="Sari") is None

    tab.select("Demo Manajer")
    qtbot.mouseClick(tab.deactivate_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: "yourself" in tab.status.text(), timeout=WAIT_MS)
    idle(qtbot, window)
    assert [e.detail["user"] for e in actions(app, "user.deactivate")] == ["Sari"]


def texts_shown(widget: QWidget) -> list[str]:
    """Every text a person could read or copy off ``widget``: fields, labels, hints."""
    fields = widget.findChildren(QLineEdit)
    return (
        [field.text() for field in fields]
        + [field.placeholderText() for field in fields]
        + [label.text() for label in widget.findChildren(QLabel)]
    )


@pytest.fixture
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Kasir's default settings file under ``tmp_path``, and no KASIR_ variables."""
    for name in [name for name in os.environ if name.startswith("KASIR_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    path = paths.config_path()
    assert path.is_relative_to(tmp_path)
    return path


def test_demo_mode_saves_nothing_and_tests_the_services_it_runs_on(
    qtbot, start_app, no_user_config: Path
) -> None:
    app = start_app()
    terminal = app.terminal
    assert terminal.demo and terminal.embedded is not None
    window = signed_in(qtbot, app)
    tab = window.settings
    show_tab(qtbot, window, tab)
    assert not tab.save_button.isEnabled() and not tab.editor.isEnabled()
    assert "Demo mode runs on services inside Kasir" in tab.note.text()
    secrets = (terminal.settings.doku.secret_key.reveal(), terminal.embedded.relay_token)  # type: ignore[union-attr]
    assert not any(secret in text for text in texts_shown(tab) for secret in secrets)
    tab.save()
    with pytest.raises(ValidationError, match="demo mode"):
        window.office.save_settings({"shop.name": "Toko Lain"})
    assert not no_user_config.exists()
    assert actions(app, "settings.change") == []

    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.test_button.isEnabled() and bool(tab.checks), timeout=WAIT_MS)
    assert [check.ok for check in tab.checks] == [True, True, True, True]
    assert tab.status.text() == "Everything answers as it should."

    live = terminal.relay
    terminal.relay = RelayClient(f"http://127.0.0.1:{dead_port()}", "token", timeout=2)
    try:
        qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.status.text() == "1 of 3 checks failed.", timeout=WAIT_MS)
    finally:
        terminal.relay.close()
        terminal.relay = live
    assert "The relay cannot be reached: check the relay address" in tab.results.text()


@dataclass
class Till:
    """A terminal set up from a settings file (not demo mode), on the embedded sandbox and relay,
    and its Settings tab for a manager."""

    terminal: Terminal
    path: Path
    tab: SettingsTab

    @property
    def office(self) -> BackOffice:
        return self.tab.office

    def actions(self, name: str) -> list:
        return [e for e in self.terminal.store.audit.recent() if e.action == name]


def open_till(qtbot, db: Path, settings: Settings, file_text: str = "") -> Till:
    """The file is written once the embedded sandbox's address is known (``{sandbox}``)."""
    terminal = open_terminal(settings, db)
    assert terminal.embedded is not None and not terminal.demo
    path = settings.source or paths.config_path()
    if file_text:
        path.write_text(file_text.format(sandbox=terminal.embedded.sandbox.url), "utf-8")
        path.chmod(0o600)
    manager = terminal.store.users.add_user("Bu Sari", "manager", "2468")
    runner = TaskRunner()
    tab = SettingsTab(BackOffice(terminal, manager), runner)
    runner.setParent(tab)  # deleted with the tab, on the GUI thread
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.form_read, timeout=WAIT_MS)
    return Till(terminal, path, tab)


def save(qtbot, tab: SettingsTab) -> None:
    """Click Save and wait for its answer: the form is read back on a worker first."""
    tab.save_button.click()
    qtbot.waitUntil(tab.save_button.isEnabled, timeout=WAIT_MS)


@pytest.fixture
def till(qtbot, tmp_path: Path, no_user_config: Path) -> Iterator[Till]:
    """Its file keeps a shop, a time zone, a relay token in a file, and keys the form does not
    show: the providers' hosts on the local sandbox."""
    token_file = tmp_path / "relay.token"
    token_file.write_text("old-token\n", "utf-8")
    token_file.chmod(0o600)
    made = open_till(
        qtbot,
        tmp_path / "till.db",
        Settings(source=tmp_path / "kasir.toml"),
        'timezone = "Asia/Makassar"\n\n[shop]\nname = "Toko Lama"\n\n'
        '[doku]\nbase_url = "{sandbox}"\n\n[ecommpay]\ngate_url = "{sandbox}"\n\n'
        f'[relay]\ntoken_file = "{token_file}"\n',
    )
    yield made
    made.tab.tasks.close(WAIT_MS)
    made.terminal.close()


def fill_doku(till: Till) -> None:
    """Real-provider settings, with the embedded sandbox's and relay's credentials."""
    embedded = till.terminal.embedded
    assert embedded is not None
    fields = till.tab.fields
    fields.combo("provider").setCurrentIndex(fields.combo("provider").findData("doku"))
    fields.line("doku.client_id").setText(embedded.config.doku_client_id)
    fields.line("doku.secret_key").setText(embedded.config.doku_secret_key)
    fields.line("ecommpay.project_id").setText(str(embedded.config.ecommpay_project_id))
    fields.line("ecommpay.secret_key").setText(embedded.config.ecommpay_secret_key)
    fields.line("ecommpay.customer_email").setText("kasir@tokomaju.id")
    fields.line("ecommpay.customer_ip").setText("203.0.113.10")
    fields.line("relay.url").setText(embedded.relay.url)
    fields.line("relay.token").setText(embedded.relay_token)
    fields.line("shop.address").setText("Jl. Merdeka 1, Bandung")
    fields.widgets["business_day_cutoff"].setTime(QTime(4, 0))  # type: ignore[attr-defined]
    fields.combo("language").setCurrentIndex(fields.combo("language").findData("id"))


def test_the_form_is_tested_then_saved_to_the_file_and_audited_by_key(qtbot, till: Till) -> None:
    tab, fields = till.tab, till.tab.fields
    assert fields.line("shop.name").text() == "Toko Lama"
    assert fields.combo("timezone").currentText() == "Asia/Makassar"
    assert fields.line("relay.token").text() == ""
    assert fields.line("relay.token").placeholderText() == "set — type to replace"
    assert fields.line("doku.secret_key").placeholderText() == "not set"
    assert "old-token" not in " ".join(texts_shown(tab))
    fill_doku(till)

    tab.test_button.click()
    qtbot.waitUntil(lambda: tab.test_button.isEnabled() and bool(tab.checks), timeout=WAIT_MS)
    assert [check.ok for check in tab.checks] == [True, True, True, True], tab.results.text()
    assert "The payment provider accepts the credentials." in tab.results.text()
    assert "ecommpay accepts the refund (payout) credentials." in tab.results.text()

    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.status.text().startswith("Saved to"), timeout=WAIT_MS)
    assert "Restart Kasir to use the new settings" in tab.status.text()
    if os.name != "nt":
        assert stat.S_IMODE(till.path.stat().st_mode) == 0o600
    embedded = till.terminal.embedded
    assert embedded is not None
    saved = load_settings(till.path, env={})
    assert (saved.provider, saved.language, saved.shop.name) == ("doku", "id", "Toko Lama")
    assert saved.shop.address == "Jl. Merdeka 1, Bandung"
    assert saved.timezone.key == "Asia/Makassar" and saved.business_day_cutoff.hour == 4
    assert saved.doku.base_url == embedded.sandbox.url, "a key the form does not show is kept"
    assert saved.doku.secret_key == Secret(embedded.config.doku_secret_key)
    assert saved.relay.token == Secret(embedded.relay_token)
    assert "token_file" not in till.path.read_text("utf-8"), "the typed token replaced the file's"
    assert saved.missing_for_provider() == []
    assert till.terminal.settings.provider == "sandbox", "the running till keeps its settings"

    [change] = till.actions("settings.change")
    assert change.actor == "Bu Sari"
    assert change.detail == {
        "file": str(till.path),
        "keys": [
            "provider",
            "business_day_cutoff",
            "language",
            "shop.address",
            "doku.client_id",
            "doku.secret_key",
            "ecommpay.project_id",
            "ecommpay.secret_key",
            "ecommpay.customer_email",
            "ecommpay.customer_ip",
            "relay.url",
            "relay.token",
        ],
    }
    secrets = (
        embedded.config.doku_secret_key,
        embedded.config.ecommpay_secret_key,
        embedded.relay_token,
    )
    assert not any(secret in text for text in texts_shown(tab) for secret in secrets)
    assert fields.line("doku.secret_key").placeholderText() == "set — type to replace"

    before = till.path.read_bytes()
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.status.text().startswith("Nothing changed"), timeout=WAIT_MS)
    assert till.path.read_bytes() == before and len(till.actions("settings.change")) == 1


def test_test_connection_asks_what_the_form_says_and_names_a_dead_relay(qtbot, till: Till) -> None:
    before = till.path.read_bytes()
    fill_doku(till)
    tab = till.tab
    tab.fields.line("relay.url").setText(f"http://127.0.0.1:{dead_port()}")
    tab.test_button.click()
    qtbot.waitUntil(lambda: tab.test_button.isEnabled() and bool(tab.checks), timeout=WAIT_MS)
    verdicts = [(check.service, check.verdict) for check in tab.checks]
    assert verdicts == [
        (Service.RELAY, Verdict.UNREACHABLE),
        (Service.PAYMENTS, Verdict.OK),
        (Service.PAYOUTS, Verdict.OK),
    ]
    assert tab.status.text() == "1 of 3 checks failed."
    assert (
        "The relay cannot be reached: check the relay address and the internet connection."
        in tab.results.text()
    )

    tab.fields.line("relay.url").setText(till.terminal.embedded.relay.url)  # type: ignore[union-attr]
    tab.fields.line("relay.token").setText("not-the-token")
    tab.test_button.click()
    qtbot.waitUntil(lambda: "refused the token" in tab.results.text(), timeout=WAIT_MS)
    assert till.path.read_bytes() == before, "testing writes nothing"
    assert till.actions("settings.change") == []


def test_the_file_is_read_off_the_gui_thread_and_nothing_is_saved_before_it_is_in(
    qtbot, till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tab made while reading the file hangs (a slow disk) is made at once, its form off."""
    before = till.path.read_bytes()
    release = threading.Event()
    readers: list[threading.Thread] = []
    draft = settings_file.draft

    def hanging(path: Path, update: settings_file.Update) -> str:
        readers.append(threading.current_thread())
        assert threading.current_thread() is not threading.main_thread(), "read on the GUI thread"
        release.wait(WAIT_MS / 1000)
        return draft(path, update)

    monkeypatch.setattr(settings_file, "draft", hanging)
    tab = SettingsTab(till.office, till.tab.tasks)
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: bool(readers), timeout=WAIT_MS)
    assert not tab.form_read and not tab.editor.isEnabled() and not tab.save_button.isEnabled()
    assert tab.fields.line("shop.name").text() == ""
    tab.save()  # with the form's empty fields, it would remove the shop's name from the file
    release.set()
    qtbot.waitUntil(lambda: tab.form_read and tab.tasks.pending == 0, timeout=WAIT_MS)
    assert tab.fields.line("shop.name").text() == "Toko Lama" and tab.save_button.isEnabled()
    assert tab.status.text() == ""
    assert till.path.read_bytes() == before and till.actions("settings.change") == []


def test_a_pasted_run_of_digits_is_a_named_problem(qtbot, till: Till) -> None:
    before = till.path.read_bytes()
    till.tab.fields.line("ecommpay.project_id").setText("9" * 5000)
    save(qtbot, till.tab)
    assert till.tab.problems.text().startswith(
        "ecommpay project ID (ecommpay.project_id): expected a whole number"
    )
    assert till.path.read_bytes() == before


def test_wrong_or_missing_values_are_named_by_key_and_nothing_is_written(
    qtbot, till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab, fields = till.tab, till.tab.fields
    before = till.path.read_bytes()
    fields.combo("provider").setCurrentIndex(fields.combo("provider").findData("doku"))
    fields.line("relay.url").setText("relay.example.id")
    fields.combo("timezone").setCurrentText("Mars/Olympus")
    fields.line("ecommpay.project_id").setText("abc")
    fields.line("doku.secret_key").setText("a-typed-secret")
    save(qtbot, tab)
    lines = tab.problems.text().splitlines()
    assert lines[:3] == [
        "Time zone (timezone): time zone 'Mars/Olympus' is unknown; expected an IANA name "
        "like 'Asia/Jakarta'",
        "ecommpay project ID (ecommpay.project_id): expected a whole number, got 'abc'",
        "Relay address (relay.url): expected an http(s) URL, got 'relay.example.id'",
    ]
    assert lines[3:] == ["DOKU Client ID (doku.client_id): required"]
    assert tab.status.text() == "Nothing was saved: correct what is listed below."
    assert till.path.read_bytes() == before and till.actions("settings.change") == []
    assert "a-typed-secret" not in tab.problems.text() + tab.status.text()

    fields.combo("timezone").setCurrentText("Asia/Jayapura")
    fields.line("ecommpay.project_id").clear()
    fields.line("doku.client_id").setText("BRN-0001")
    monkeypatch.setenv("KASIR_RELAY_URL", "https://relay.example.id")
    tab.save_button.click()  # passes as the terminal would run, but not as a file of its own
    qtbot.waitUntil(
        lambda: tab.save_button.isEnabled() and bool(tab.problems.text()), timeout=WAIT_MS
    )
    assert tab.problems.text() == (
        "Relay address (relay.url): expected an http(s) URL, got 'relay.example.id'"
    )
    assert till.path.read_bytes() == before and till.actions("settings.change") == []
    with pytest.raises(ConfigError, match=r"relay\.url"):
        till.office.save_settings(fields.changes())
    assert till.path.read_bytes() == before


def test_without_a_settings_file_the_default_one_is_written(
    qtbot, tmp_path: Path, no_user_config: Path
) -> None:
    made = open_till(qtbot, tmp_path / "till.db", Settings())
    try:
        assert made.tab.path == no_user_config and str(no_user_config) in made.tab.note.text()
        made.tab.fields.line("shop.name").setText("Toko Baru")
        made.tab.save_button.click()
        qtbot.waitUntil(lambda: made.tab.status.text().startswith("Saved to"), timeout=WAIT_MS)
        assert load_settings(no_user_config, env={}).shop.name == "Toko Baru"
        assert made.actions("settings.change")[0].detail["keys"] == ["shop.name"]
    finally:
        made.tab.tasks.close(WAIT_MS)
        made.terminal.close()


def test_the_receipt_printer_is_chosen_tested_and_saved(qtbot, till: Till) -> None:
    tab, fields = till.tab, till.tab.fields
    address = fields.widgets["printer.address"]
    assert isinstance(address, PrinterAddressEdit)
    assert address.address() == "" and not address.where.isEnabled(), "no printer until chosen"
    tab.test_page.button.click()
    qtbot.waitUntil(
        lambda: "no receipt printer is set up" in tab.test_page.result.text(), timeout=WAIT_MS
    )
    address.kind.setCurrentIndex(address.kind.findData("usb"))
    address.where.setText("printer")
    tab.test_page.button.click()
    assert "expected a printer as" in tab.test_page.result.text()
    with fake_printer() as device:
        address.kind.setCurrentIndex(address.kind.findData("tcp"))
        address.where.setText(f"127.0.0.1:{device.port}")
        width = fields.combo("printer.width")
        width.setCurrentIndex(width.findData(58))
        fields.check("printer.drawer").setChecked(True)
        tab.test_page.button.click()
        qtbot.waitUntil(lambda: tab.test_page.button.isEnabled(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: len(device.jobs) == 1, timeout=WAIT_MS)
        (page,) = device.jobs
    assert tab.test_page.result.text() == "The printer took the test page."
    rows = printed_rows(page)
    assert "12345678901234567890123456789012" in rows and "Toko Lama" in rows[1]
    assert not till.path.read_text("utf-8").count("[printer]"), "a test page saves nothing"

    fill_doku(till)
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.status.text().startswith("Saved to"), timeout=WAIT_MS)
    saved = load_settings(till.path, env={})
    assert saved.printer == PrinterSettings(
        parse_printer(f"tcp://127.0.0.1:{device.port}"), width=58, auto_print=True, drawer=True
    )
    (change,) = till.actions("settings.change")
    assert {"printer.address", "printer.width", "printer.drawer"} <= set(change.detail["keys"])


def test_ppn_and_the_discount_limit_are_switched_in_the_settings_tab(qtbot, till: Till) -> None:
    tab, fields = till.tab, till.tab.fields
    assert not fields.check("tax.enabled").isChecked(), "a shop is not a PKP until it says so"
    assert fields.check("tax.prices_include_tax").isChecked()
    assert fields.line("discounts.approval_above_percent").text() == "10"
    fill_doku(till)
    before = till.path.read_bytes()
    fields.line("discounts.approval_above_percent").setText("150")
    save(qtbot, tab)
    assert tab.problems.text() == (
        "Manager approves discounts above (%) (discounts.approval_above_percent): "
        "expected a whole number from 0 to 100, got 150"
    )
    assert till.path.read_bytes() == before

    fields.check("tax.enabled").setChecked(True)
    fields.check("tax.prices_include_tax").setChecked(False)
    fields.line("discounts.approval_above_percent").setText("25")
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.status.text().startswith("Saved to"), timeout=WAIT_MS)
    saved = load_settings(till.path, env={})
    assert saved.tax.enabled and not saved.tax.prices_include_tax
    assert saved.discounts.approval_above_percent == 25
    (change,) = till.actions("settings.change")
    assert {
        "tax.enabled",
        "tax.prices_include_tax",
        "discounts.approval_above_percent",
    } <= set(change.detail["keys"])


def test_a_settings_file_read_that_failed_is_read_again_when_the_tab_is_next_shown(
    qtbot, start_app, monkeypatch
):
    real = settings_module.saved_settings
    calls = []

    def once_failing(path):
        calls.append(path)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        return real(path)

    monkeypatch.setattr(settings_module, "saved_settings", once_failing)
    window = signed_in(qtbot, start_app())
    tab = window.tab(SettingsTab)
    window.show_tab(tab)
    idle(qtbot, window)
    assert "Could not read the settings file" in tab.status.text()
    assert not tab.form_read and not tab.test_button.isEnabled()

    show_tab(qtbot, window, window.tab(SalesTab))
    show_tab(qtbot, window, tab)  # as the manager does to try again
    assert len(calls) == 2 and tab.form_read and tab.test_button.isEnabled()
