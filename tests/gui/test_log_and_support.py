"""The terminal's log and the support bundle, on a whole demo terminal; and the relay's events
that cannot be applied, said in the status bar until they apply."""

import logging
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from pos_app.gui.app import TerminalApp
from pos_app.gui.receipt import ReceiptDialog
from pos_app.payments.demo_credentials import DEMO_DOKU_SECRET_KEY
from pos_app.payments.model import AttemptState
from pos_app.settings import log_file
from pos_app.settings.terminal_config import EcommpaySettings, Secret, Settings
from pos_app.till.support_bundle import SECRET_MARK
from pos_app.till.terminal import Terminal, open_terminal
from tests.gui.back_office_helpers import show_tab, signed_in
from tests.gui.e2e import TEH, WAIT_MS, open_payment, sandbox, sign_in, wait_state
from tests.gui.helpers import wait_for_modal

SERVICE_LINE = re.compile(r"^(sandbox|relay): http://127\.0\.0\.1:\d+$")
SECRETS = {
    "KASIR_DOKU_SECRET_KEY": "SK-doku-from-the-env-71c2",
    "KASIR_ECOMMPAY_SECRET_KEY": "ecommpay-from-the-env-93ad",
    "KASIR_RELAY_TOKEN": "relay-token-from-the-env-5e0b",
}
ECOMMPAY_SECRET = "ecommpay-secret-in-the-settings-4b1f"
STORE_FAILS = """
CREATE TRIGGER cursor_insert_fails BEFORE INSERT ON meta WHEN NEW.key = 'relay_cursor'
BEGIN SELECT RAISE(ABORT, 'database or disk is full (test)'); END;
CREATE TRIGGER cursor_update_fails BEFORE UPDATE ON meta WHEN NEW.key = 'relay_cursor'
BEGIN SELECT RAISE(ABORT, 'database or disk is full (test)'); END;
"""


def test_a_log_folder_that_cannot_be_made_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    """KASIR_LOG_DIR naming a file killed pos-app with a FileExistsError traceback before
    anything was said."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    env = {name: value for name, value in os.environ.items() if not name.startswith("KASIR_")}
    env |= {
        "KASIR_LOG_DIR": str(blocker),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pos_app", "--no-wizard"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith(f"pos-app: cannot keep the log in {blocker}")


def test_the_demo_terminal_writes_its_log_and_no_secret_in_it(tmp_path: Path) -> None:
    config = tmp_path / "kasir.toml"
    config.write_text("")
    logs = tmp_path / "logs"
    env = {name: value for name, value in os.environ.items() if not name.startswith("KASIR_")}
    env |= SECRETS | {
        "KASIR_CONFIG": str(config),
        "KASIR_LOG_DIR": str(logs),
        "QT_QPA_PLATFORM": "offscreen",
    }
    db = tmp_path / "demo.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "pos_app", "--demo", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline().rstrip("\n") for _ in range(2)]
        assert all(SERVICE_LINE.match(line) for line in lines), lines
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0, err

    assert [path.name for path in logs.iterdir()] == ["kasir-demo.log"]
    text = (logs / "kasir-demo.log").read_text(encoding="utf-8")
    assert re.search(r" INFO \[MainThread\] pos_app\.gui\.terminal_cli: Kasir \S+ starting", text)
    assert f"terminal T1 open: provider sandbox, database {db}" in text
    assert text.rstrip().endswith("Kasir stopped")
    relay_token = (tmp_path / "demo-relay.token").read_text().strip()
    for secret in [*SECRETS.values(), relay_token, DEMO_DOKU_SECRET_KEY]:
        assert secret not in text


def basket_of_one(app: TerminalApp) -> None:
    """A basket to pay (the scanner's path has tests of its own)."""
    product = app.terminal.store.products.find_by_code(TEH)
    assert product is not None
    app.window.add_product(product)


SECRET_SETTINGS = Settings(ecommpay=EcommpaySettings(secret_key=Secret(ECOMMPAY_SECRET)))
"""Settings holding an ecommpay secret key, as a shop's kasir.toml can."""


@pytest.fixture
def secret_terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A demo terminal started with :data:`SECRET_SETTINGS` (it runs on the sandbox's keys)."""
    terminal = open_terminal(SECRET_SETTINGS, tmp_path / "secret.db", demo=True)
    yield terminal
    terminal.close()


@pytest.fixture
def logging_on(tmp_path: Path, secret_terminal: Terminal) -> Iterator[Path]:
    """The log started as ``pos-app --demo`` starts it: the secrets of the settings it read,
    then the terminal's (the embedded sandbox's and relay's) masked."""
    path = log_file.start_logging(
        demo=True, settings=SECRET_SETTINGS, env={log_file.LOG_DIR_ENV: str(tmp_path)}
    )
    assert secret_terminal.embedded is not None
    log_file.hide_secrets(secret_terminal.settings)
    log_file.hide([secret_terminal.embedded.relay_token])
    yield path
    log_file.stop_logging()


def test_a_sale_a_failure_and_the_support_bundle_keep_the_secrets_out(
    qtbot, secret_terminal: Terminal, start_app_on, logging_on: Path, tmp_path: Path
) -> None:
    assert secret_terminal.settings.doku.secret_key is not None and secret_terminal.embedded
    doku_key = secret_terminal.settings.doku.secret_key.reveal()  # signs every DOKU request
    secrets = (doku_key, ECOMMPAY_SECRET, secret_terminal.embedded.relay_token)
    app = start_app_on(secret_terminal)
    sign_in(qtbot, app)
    basket_of_one(app)
    payment = open_payment(qtbot, app)
    assert payment.attempt is not None
    sandbox(secret_terminal, "pay", payment.attempt.invoice_number)
    wait_state(qtbot, payment, AttemptState.PAID)
    qtbot.keyClick(payment.dialog, Qt.Key.Key_Return)
    wait_for_modal(qtbot, ReceiptDialog).reject()

    def leaks() -> None:
        raise RuntimeError(f"signed with {doku_key}, refunds with {ECOMMPAY_SECRET}: refused")

    failures: list[Exception] = []
    app.runner.run(leaks, None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)

    window = signed_in(qtbot, app)
    tab = window.settings
    show_tab(qtbot, window, tab)
    note = tab.findChild(QLabel, "logNote")
    assert note is not None and str(logging_on) in note.text()
    target = tmp_path / "bundle" / "support.zip"
    target.parent.mkdir()
    qtbot.mouseClick(tab.bundle_button, Qt.MouseButton.LeftButton)
    chooser = wait_for_modal(qtbot, QFileDialog)
    chooser.selectFile(str(target))
    chooser.accept()
    qtbot.waitUntil(lambda: tab.bundle_button.isEnabled() and target.exists(), timeout=WAIT_MS)
    assert tab.status.text().startswith(f"Support bundle saved to {target} ("), tab.status.text()

    log_file.stop_logging()
    text = logging_on.read_text(encoding="utf-8")
    assert " signed in (cashier)" in text
    assert "background task" in text and "signed with ***, refunds with ***: refused" in text
    with zipfile.ZipFile(target) as zf:
        entries = {name: zf.read(name).decode() for name in zf.namelist()}
    assert sorted(entries) == ["logs/kasir-demo.log", "settings.toml", "versions.txt"]
    assert "signed with ***, refunds with ***" in entries["logs/kasir-demo.log"]
    versions = entries["versions.txt"]
    for name in ("Kasir", "Python", "PySide6", "Qt", "platform"):
        assert f"\n{name}: " in f"\n{versions}"
    settings = tomllib.loads(entries["settings.toml"])
    assert settings["doku"]["secret_key"] == settings["ecommpay"]["secret_key"] == SECRET_MARK
    for content in [text, *entries.values()]:
        for secret in secrets:
            assert secret not in content


def test_relay_events_that_cannot_be_applied_are_said_until_they_apply(
    qtbot, start_app, demo_terminal: Terminal, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = start_app()
    label = app.window.relay_label
    qtbot.waitUntil(lambda: label.text() == "Relay: connected", timeout=WAIT_MS)
    sign_in(qtbot, app)
    basket_of_one(app)
    payment = open_payment(qtbot, app)
    assert payment.attempt is not None
    database = sqlite3.connect(tmp_path / "demo.db", isolation_level=None)
    try:
        database.executescript(STORE_FAILS)
        with caplog.at_level(logging.ERROR, logger="pos_app.clients.relay_client"):
            sandbox(demo_terminal, "pay", payment.attempt.invoice_number)
            qtbot.waitUntil(
                lambda: label.text().startswith("Relay: payments could not be applied: "),
                timeout=WAIT_MS,
            )
        assert "database or disk is full (test)" in label.text()
        assert "database or disk is full (test)" in label.toolTip()
        assert app.relay_watch is not None and not app.relay_watch.connected
        logged = [r for r in caplog.records if r.exc_info and "could not be applied" in r.message]
        assert logged and "database or disk is full (test)" in str(logged[0].exc_info[1])
    finally:
        database.executescript("DROP TRIGGER cursor_insert_fails; DROP TRIGGER cursor_update_fails")
        database.close()
    qtbot.waitUntil(lambda: label.text() == "Relay: connected", timeout=WAIT_MS)
    wait_state(qtbot, payment, AttemptState.PAID)
    assert demo_terminal.store.payments.relay_position().cursor > 0
