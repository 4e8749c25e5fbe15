from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog

from pos_app.domain.basket import LineItem
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import SaleStatus
from pos_app.gui.document_output import save_pdf
from pos_app.gui.document_preview import DocumentPreview
from pos_app.gui.receipt import ReceiptDialog, receipt_document
from pos_app.payments.model import ProviderName
from pos_app.settings.printer_settings import PrinterSettings
from pos_app.settings.terminal_config import Settings
from pos_app.store.sales import Sale, Tender
from pos_app.till.receipt_printer import open_receipt_printer
from pos_app.till.receipts import ReceiptData, receipt_data
from tests.gui.helpers import wait_for_modal
from tests.harness.fake_printer import fake_printer, printed_rows

LINES = (
    LineItem("IDM-GRG", "Indomie Goreng", 3_500, 4),
    LineItem("TEH-BTL", "Teh Botol <Sosro> & Co", 6_500, 1),
)
WAIT = 10.0


def receipt(**changes) -> ReceiptData:
    fields = {
        "shop_name": "Toko Makmur",
        "shop_address": "Jl. Merdeka 17\nBandung",
        "lines": LINES,
        "total": 20_500,
        "tender": Tender.CASH,
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
        receipt(
            tender=Tender.QR,
            wallet="DOKU Wallet",
            received=None,
            change=None,
            provider_reference=None,
        )
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


@pytest.mark.parametrize("kind", ["receipt", "report"])
def test_every_preview_prints_with_ctrl_p_and_says_when_a_pdf_cannot_be_saved(
    qtbot, tmp_path: Path, kind: str
):
    """The receipt and the reports (shift, return) are one dialog: the same keys, the same
    messages."""
    if kind == "receipt":
        dialog: DocumentPreview = ReceiptDialog(receipt())
    else:
        dialog = DocumentPreview("<p>Shift 3</p>", title="Shift", name="report", pdf_name="s.pdf")
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.thermal_button.isVisible(), "no receipt printer on this till"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # a shortcut works in the active window only
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_for_modal(qtbot, QPrintDialog).reject()
    dialog.save_to(str(tmp_path / "missing-dir" / "r.pdf"))
    assert dialog.status.text().startswith("Could not save the PDF: could not write")
    dialog.save_to(str(tmp_path / "r.pdf"))
    assert dialog.status.text() == f"Saved to {tmp_path / 'r.pdf'}"


def test_receipt_names_its_number_cashier_terminal_day_and_time(qtbot):
    text = receipt_document(
        receipt(
            receipt_number="T2-20250130-0042",
            cashier="Sari",
            terminal_id="T2",
            business_date=date(2025, 1, 30),
            paid_at=datetime(2025, 1, 30, 19, 30, tzinfo=UTC),  # 02:30 on the 31st in Jakarta
        )
    ).toPlainText()
    for expected in ("T2-20250130-0042", "Sari", "T2", "30/01/2025", "31/01/2025 02:30"):
        assert expected in text, expected
    assert "COPY" not in text


def test_a_copy_says_so_at_the_top_and_the_bottom(qtbot):
    text = receipt_document(receipt(copy=True)).toPlainText()
    assert text.startswith("COPY") and text.rstrip().endswith("COPY")


def test_a_copy_saved_as_pdf_says_copy_in_the_file(qtbot, tmp_path: Path):
    path = tmp_path / "copy.pdf"
    save_pdf(receipt_document(receipt(copy=True)), path)
    dialog = ReceiptDialog(receipt(copy=True, receipt_number="T1-20250131-0007"))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Receipt (copy)"
    assert path.read_bytes().startswith(b"%PDF")
    assert "COPY" in dialog.document.toPlainText()


def test_a_receipt_saved_as_pdf_goes_out_next_as_a_copy_on_the_receipt_printer_too(
    qtbot, tmp_path: Path
):
    """The original saved as a PDF (the customer's e-mail), then "Receipt printer": one record
    of what went out, so the slip says COPY, as does what the dialog offers next."""
    data = receipt(receipt_number="T1-20250131-0007")
    with fake_printer() as device:
        printer = open_receipt_printer(PrinterSettings(device.address, width=58))
        assert printer is not None
        dialog = ReceiptDialog(data, printer=printer)
        qtbot.addWidget(dialog)
        assert "COPY" not in dialog.document.toPlainText()
        dialog.save_to(str(tmp_path / "original.pdf"))
        assert (tmp_path / "original.pdf").is_file()
        assert "COPY" in dialog.document.toPlainText()
        assert dialog.pdf_name == "receipt-T1-20250131-0007-copy.pdf"
        dialog.thermal_button.click()
        (slip,) = device.wait_for_jobs(1, WAIT)
        assert printer.close(WAIT)
    rows = printed_rows(slip)
    assert rows[0].strip() == "COPY" and rows[-1].strip() == "COPY", rows


def test_a_receipt_the_printer_printed_by_itself_is_shown_as_the_copy_print_would_give(qtbot):
    """Printed by itself after the sale: Print… or Save as PDF… on the receipt shown gives no
    second original."""
    data = receipt(receipt_number="T1-20250131-0007")
    with fake_printer() as device:
        printer = open_receipt_printer(PrinterSettings(device.address, auto_print=True))
        assert printer is not None
        printer.sale_completed(data)
        device.wait_for_jobs(1, WAIT)
        assert printer.close(WAIT)
    dialog = ReceiptDialog(data, printer=printer)
    qtbot.addWidget(dialog)
    assert dialog.document.toPlainText().startswith("COPY")
    assert dialog.windowTitle() == "Receipt", "the sale's own receipt, not a reprint asked for"


def test_receipt_data_of_a_stored_sale(qtbot):
    sale = Sale(
        id=7,
        created_at=datetime(2025, 1, 31, 7, 0, tzinfo=UTC),
        business_date=date(2025, 1, 31),
        status=SaleStatus.COMPLETED,
        cashier="Budi",
        terminal_id="T1",
        total=20_500,
        lines=LINES,
        completed_at=datetime(2025, 1, 31, 7, 5, tzinfo=UTC),
        tender=Tender.QR,
        provider=ProviderName.DOKU,
        invoice_number="KSR-T1-20250131-000003",
        receipt_number="T1-20250131-0007",
    )
    data = receipt_data(sale, Settings(), copy=True)
    assert (data.receipt_number, data.cashier, data.terminal_id) == (
        "T1-20250131-0007",
        "Budi",
        "T1",
    )
    assert (data.business_date, data.tender, data.wallet, data.copy) == (
        date(2025, 1, 31),
        Tender.QR,
        "DOKU Wallet",
        True,
    )
    assert data.invoice_number == "KSR-T1-20250131-000003" and data.paid_at == sale.completed_at
