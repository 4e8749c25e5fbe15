from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog

from pos_app.domain.basket import LineItem
from pos_app.domain.errors import ValidationError
from pos_app.gui.receipt import ReceiptData, ReceiptDialog, receipt_document, save_pdf
from tests.gui.helpers import wait_for_modal

LINES = (
    LineItem("IDM-GRG", "Indomie Goreng", 3_500, 4),
    LineItem("TEH-BTL", "Teh Botol <Sosro> & Co", 6_500, 1),
)


def receipt(**changes) -> ReceiptData:
    fields = {
        "shop_name": "Toko Makmur",
        "shop_address": "Jl. Merdeka 17\nBandung",
        "lines": LINES,
        "total": 20_500,
        "tender": "Cash",
        "paid_at": datetime(2025, 1, 31, 7, 5, tzinfo=UTC),
        "invoice_number": "INV-20250131-0007",
        "provider_reference": "DOKU-REF-99",
        "received": 50_000,
        "change": 29_500,
    }
    return ReceiptData(**(fields | changes))


def test_receipt_shows_every_field_in_local_time(qtbot):
    text = receipt_document(receipt()).toPlainText()
    for expected in (
        "Toko Makmur",
        "Jl. Merdeka 17",
        "Bandung",
        "Indomie Goreng",
        "4 × Rp 3.500",
        "Rp 14.000",
        "Teh Botol <Sosro> & Co",
        "Rp 20.500",
        "Cash",
        "Rp 50.000",
        "Rp 29.500",
        "INV-20250131-0007",
        "DOKU-REF-99",
        "31/01/2025 14:05",
    ):
        assert expected in text, expected


def test_optional_fields_are_left_out(qtbot):
    text = receipt_document(
        receipt(tender="DOKU Wallet", received=None, change=None, provider_reference=None)
    ).toPlainText()
    assert "Received" not in text and "Change" not in text and "Reference" not in text


def test_time_without_zone_is_refused():
    with pytest.raises(ValidationError, match="time zone"):
        receipt(paid_at=datetime(2025, 1, 31, 7, 5))


def test_saves_a_one_page_pdf(qtbot, tmp_path: Path):
    path = tmp_path / "receipt.pdf"
    save_pdf(receipt_document(receipt()), path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 1


def test_unwritable_path_is_an_error(qtbot, tmp_path: Path):
    with pytest.raises(OSError, match="could not write"):
        save_pdf(receipt_document(receipt()), tmp_path / "missing-dir" / "r.pdf")


def test_dialog_saves_as_pdf_through_a_file_dialog(qtbot, tmp_path: Path):
    dialog = ReceiptDialog(receipt())
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.pdf_button.click()
    chooser = wait_for_modal(qtbot, QFileDialog)
    target = tmp_path / "struk.pdf"
    chooser.selectFile(str(target))
    chooser.accept()
    qtbot.waitUntil(target.exists)
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in dialog.status.text()


def test_dialog_print_opens_the_print_dialog(qtbot):
    dialog = ReceiptDialog(receipt())
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.print_button.click()
    printing = wait_for_modal(qtbot, QPrintDialog)
    printing.reject()
    assert "Toko Makmur" in dialog.preview.toPlainText()
