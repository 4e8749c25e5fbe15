"""The Export tab's choices (payments file, Excel workbook, CSV for Indonesian Excel) on a demo
terminal whose payments go through its real sandbox and relay."""

import csv
from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from pos_app.domain.business_day import EARLIEST_DAY, LATEST_DAY
from pos_app.domain.lifecycles import RefundStatus, SaleStatus
from pos_app.gui.back_office.export_tab import ExportTab
from pos_app.gui.back_office.widgets import chosen_date, date_edit, set_date
from pos_app.reports.payments_csv import PAYMENT_COLUMNS
from pos_app.reports.sales_csv import SALE_COLUMNS, ExportKind, export_sales
from tests.gui.back_office_helpers import show_tab, signed_in
from tests.gui.e2e import WAIT_MS, own_sandbox, pay_other_amount, sandbox
from tests.gui.helpers import wait_for_modal
from tests.gui.test_back_office_payments import LINES, TOTAL, late_payment, pending_qr, read_rows
from tests.gui.test_back_office_sales import fill


def export(qtbot, tab: ExportTab, target: Path) -> None:
    """Export…, the file chosen in the dialog, and wait until the worker is done."""
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    chooser = wait_for_modal(qtbot, QFileDialog)
    chooser.selectFile(str(target))
    chooser.accept()
    qtbot.waitUntil(lambda: not tab.running, timeout=WAIT_MS)
    assert tab.status.text().startswith("Exported "), tab.status.text()


def test_the_payments_file_lists_late_differing_and_refunded_payments_with_references(
    qtbot, start_app, demo_terminal, tmp_path: Path
) -> None:
    customer = own_sandbox(demo_terminal)
    app = start_app()
    store = app.terminal.store
    refunded_sale, refunded = pending_qr(app)
    sandbox(app.terminal, "pay", refunded)
    qtbot.waitUntil(
        lambda: store.sales.get(refunded_sale).status is SaleStatus.COMPLETED, timeout=WAIT_MS
    )
    payouts = app.terminal.payouts
    assert payouts is not None
    payout = payouts.send(
        refunded_sale,
        3_000,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Demo Manajer",
        reason="returned one pack",
    ).payout_id
    qtbot.waitUntil(
        lambda: payouts.refunds().get(payout).status is RefundStatus.PAID, timeout=WAIT_MS
    )
    _, late = late_payment(qtbot, app)
    _, differing = pending_qr(app)
    pay_other_amount(demo_terminal, customer, differing, 1_000)
    qtbot.waitUntil(lambda: store.payments.get_attempt(differing).late, timeout=WAIT_MS)

    window = signed_in(qtbot, app)
    tab = window.export
    show_tab(qtbot, window, tab)
    tab.payments.setChecked(True)
    target = tmp_path / "payments.csv"
    export(qtbot, tab, target)

    with target.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == list(PAYMENT_COLUMNS)
    rows = {(row["record_type"], row["invoice_number"]): row for row in read_rows(target)}
    today = app.terminal.store.day.date_of(app.terminal.checkout.clock()).isoformat()
    for invoice, standing, paid, refund_total in (
        (refunded, "sale", TOTAL, 3_000),
        (late, "late", TOTAL, 0),
        (differing, "other_amount", 1_000, 0),
    ):
        row = rows["payment", invoice]
        attempt = store.payments.get_attempt(invoice)
        assert attempt.reference
        assert (row["standing"], row["provider"], row["provider_reference"]) == (
            standing,
            "doku",
            attempt.reference,
        )
        assert (row["amount"], row["paid_amount"], row["refunded"]) == (
            str(TOTAL),
            str(paid),
            str(refund_total),
        )
        assert row["business_date"] == today and row["state"] == "paid"
    assert (
        rows["payment", refunded]["receipt_number"] == store.sales.get(refunded_sale).receipt_number
    )
    refund = payouts.refunds().get(payout)
    assert refund.reference
    out = rows["payout", payout]
    assert (out["provider"], out["provider_reference"], out["paid_amount"], out["refund_of"]) == (
        "ecommpay-gate",
        refund.reference,
        "-3000",
        refunded,
    )
    assert "081234567890" not in target.read_text(encoding="utf-8")  # the customer's wallet


def test_the_workbook_choice_writes_every_kind_and_matches_the_csv_totals(
    qtbot, start_app, tmp_path: Path
) -> None:
    app = start_app()
    first, last = fill(app.terminal, days=2, sales_per_day=60)
    window = signed_in(qtbot, app)
    tab = window.export
    show_tab(qtbot, window, tab)
    set_date(tab.first_day, first)
    set_date(tab.last_day, last)
    tab.workbook.setChecked(True)
    assert not (tab.lines.isEnabled() or tab.payments.isEnabled() or tab.excel_id.isEnabled())
    target = tmp_path / "kasir.xlsx"
    export(qtbot, tab, target)

    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames == ["lines", "sales", "payments"]
    db = app.terminal.store.repositories().db
    for kind, column in ((ExportKind.LINES, "line_total"), (ExportKind.SALES, "total")):
        expected = tmp_path / f"{kind}.csv"
        export_sales(db, expected, first_day=first, last_day=last, kind=kind)
        from_csv = sum(int(row[column]) for row in read_rows(expected))
        rows = book[kind.value].iter_rows(values_only=True)
        index = list(next(rows)).index(column)
        assert sum(row[index] for row in rows) == from_csv > 0
    book.close()
    assert tab.progress.value() == tab.progress.maximum()


def test_the_excel_id_choice_writes_a_bom_and_semicolons(qtbot, start_app, tmp_path: Path) -> None:
    app = start_app()
    checkout = app.terminal.checkout
    checkout.pay_cash(checkout.open_sale(LINES, cashier="Demo Kasir"), 20_000)
    window = signed_in(qtbot, app)
    tab = window.export
    show_tab(qtbot, window, tab)
    hint = tab.findChild(QLabel, "exportHint").text()
    assert "Give the accountant the Excel workbook" in hint and "docs/" not in hint
    tab.per_sale.setChecked(True)
    qtbot.mouseClick(tab.excel_id, Qt.MouseButton.LeftButton)
    target = tmp_path / "sales.csv"
    export(qtbot, tab, target)

    header, row = target.read_bytes().split(b"\r\n")[:2]
    assert header == b"\xef\xbb\xbf" + ";".join(SALE_COLUMNS).encode()
    assert row.split(b";")[SALE_COLUMNS.index("total")] == str(TOTAL).encode()


def test_a_date_field_offers_only_days_whose_bounds_can_be_computed(qtbot) -> None:
    edit = date_edit(date(2026, 11, 21), "day")
    qtbot.addWidget(edit)
    edit.setDate(QDate(9999, 12, 31))
    assert chosen_date(edit) == LATEST_DAY
    edit.setDate(QDate(1, 1, 1))
    assert chosen_date(edit) == EARLIEST_DAY
