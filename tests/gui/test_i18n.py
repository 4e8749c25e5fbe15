"""The terminal speaks Indonesian under an Indonesian locale, English when the setting says so."""

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from pos_app.domain.basket import LineItem
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.i18n import remove_translation, use_language
from pos_app.gui.payment_dialog import PaymentDialog
from pos_app.payments.model import AttemptState, PaymentRequest
from pos_app.store.sales import Tender
from pos_app.till.receipts import ReceiptData, receipt_html

ROOT = Path(__file__).resolve().parents[2]
SCREENS = """
import json
from PySide6.QtWidgets import QLabel
from pos_app.settings.terminal_config import load_settings
from pos_app.gui.main_window import MainWindow
from pos_app.gui.receipt import ReceiptDialog
from pos_app.gui.sign_in import SignInPage
from pos_app.gui.terminal_cli import started_application
from tests.gui.helpers import PRODUCTS, MemoryCatalog

started_application(load_settings().language)
window = MainWindow(MemoryCatalog(PRODUCTS), actions=None)
sign_in = SignInPage()
print(json.dumps({
    "qr": window.qr_action.text(),
    "cash": window.cash_action.text(),
    "hold": window.hold_action.text(),
    "sign_in": [label.text() for label in sign_in.findChildren(QLabel) if label.text()],
    "receipt": ReceiptDialog.tr("Receipt"),
}))
"""
SLOW_START = 60


def screens(tmp_path: Path, **env: str) -> dict[str, object]:
    """Key texts of the cashier's screens in a fresh process started with ``env``."""
    clean = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("KASIR_", "LC_")) and name != "LANGUAGE"
    }
    clean |= {"QT_QPA_PLATFORM": "offscreen", "KASIR_CONFIG": str(tmp_path / "kasir.toml")}
    (tmp_path / "kasir.toml").write_text("", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", SCREENS],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=SLOW_START,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_an_indonesian_locale_shows_the_terminal_in_indonesian(tmp_path: Path) -> None:
    texts = screens(tmp_path, LANG="id_ID.UTF-8")
    assert texts["qr"] == "Bayar QR"
    assert texts["cash"] == "Tunai"
    assert texts["hold"] == "Tahan / Panggil"
    assert "Masukkan PIN Anda" in texts["sign_in"]
    assert texts["receipt"] == "Struk"


def test_the_language_setting_overrides_the_locale(tmp_path: Path) -> None:
    texts = screens(tmp_path, LANG="id_ID.UTF-8", KASIR_LANGUAGE="en")
    assert (texts["qr"], texts["cash"]) == ("QR payment", "Cash")
    assert "Enter your PIN" in texts["sign_in"]


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    assert use_language(qapp, "id")
    yield
    remove_translation(qapp)


@pytest.mark.usefixtures("indonesian")
def test_the_qr_payment_dialog_speaks_indonesian(qtbot) -> None:
    request = PaymentRequest("doku", "KSR-1", 12_500, "https://pay.example/1")
    dialog = PaymentDialog(request)
    qtbot.addWidget(dialog)
    dialog.set_state(AttemptState.PENDING)
    assert dialog.windowTitle() == "Pembayaran QR"
    assert dialog.check_button.text() == "Cek status"
    assert dialog.cancel_button.text() == "Batal (Esc)"
    assert dialog.banner.text() == "Menunggu pelanggan membayar…"
    dialog.set_state(AttemptState.PAID)
    assert dialog.outcome.text() == "Lunas\nRp 12.500"


@pytest.mark.usefixtures("indonesian")
def test_cash_change_and_the_receipt_follow_the_language(qtbot) -> None:
    dialog = CashDialog(12_500)
    qtbot.addWidget(dialog)
    dialog.set_received(20_000)
    assert dialog.windowTitle() == "Pembayaran tunai"
    assert dialog.quick_buttons[0].text() == "Uang pas Rp 12.500"
    assert dialog.change_label.text() == "Rp 7.500"

    receipt = receipt_html(
        ReceiptData(
            shop_name="Toko Maju",
            shop_address="",
            lines=(LineItem("MIE-001", "Indomie Goreng", 3_500, 2),),
            total=7_000,
            tender=Tender.CASH,
            paid_at=datetime(2026, 11, 21, 5, 0, tzinfo=UTC),
            received=10_000,
            change=3_000,
        )
    )
    for text in ("Dibayar dengan", "Diterima", "Kembalian", "Terima kasih atas kunjungan Anda"):
        assert text in receipt


@pytest.mark.usefixtures("indonesian")
def test_qt_standard_buttons_and_confirmations_are_indonesian(qtbot) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Batal"
    parent = QDialogButtonBox()
    qtbot.addWidget(parent)
    box = ask_confirmation(parent, "?", "?", lambda: None)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "Ya"
    assert box.button(QMessageBox.StandardButton.No).text() == "Tidak"
    box.reject()


def test_without_the_translator_the_texts_are_english_again(qtbot, qapp: QApplication) -> None:
    use_language(qapp, "id")
    remove_translation(qapp)
    dialog = CashDialog(1_000)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Cash payment"
