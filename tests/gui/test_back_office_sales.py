"""The Sales, Export CSV and Day close tabs against a demo terminal's store, checked by SQL."""

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from pos_app.demo.sample_sales import generate, shop_from_database
from pos_app.domain.basket import LineItem
from pos_app.domain.money import format_rupiah
from pos_app.gui.back_office.widgets import set_date
from pos_app.reports.sales_csv import ExportKind, export_sales
from pos_app.store.day_closes import DayCloses
from pos_app.till.terminal import Terminal
from tests.gui.back_office_helpers import idle, show_tab, signed_in
from tests.gui.e2e import WAIT_MS
from tests.gui.helpers import answer_confirmation, wait_for_modal


def today(terminal: Terminal) -> date:
    return terminal.store.day.date_of(terminal.checkout.clock())


def fill(terminal: Terminal, *, days: int, sales_per_day: int) -> tuple[date, date]:
    """Realistic demo sales (cash, QR, cancellations, late payments) up to today."""
    db = terminal.store.repositories().db
    last = today(terminal)
    generate(
        db,
        shop_from_database(db, terminal.store.day),
        days=days,
        sales_per_day=sales_per_day,
        last_day=last,
    )
    return last - timedelta(days=days - 1), last


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def test_the_sales_tab_shows_the_day_as_the_store_holds_it(qtbot, start_app) -> None:
    app = start_app()
    _, day = fill(app.terminal, days=1, sales_per_day=200)
    window = signed_in(qtbot, app)
    tab = window.sales
    qtbot.waitUntil(lambda: tab.shown is not None, timeout=WAIT_MS)

    db = app.terminal.store.repositories().db
    key = [day.isoformat()]
    labels = {"": "Cash", "doku": "QR — DOKU Wallet"}
    expected = [
        [labels[provider], str(count), format_rupiah(total)]
        for provider, count, total in db.execute(
            "SELECT coalesce(provider, ''), count(*), sum(total) FROM sales "
            "WHERE business_date = ? AND status = 'completed' GROUP BY 1 ORDER BY 1",
            key,
        )
    ]
    rows = [[cell(tab.totals, r, c) for c in range(3)] for r in range(tab.totals.rowCount())]
    assert rows[: len(expected)] == expected
    completed_total = db.execute(
        "SELECT sum(total) FROM sales WHERE business_date = ? AND status = 'completed'", key
    ).fetchone()[0]
    returned = db.execute(
        "SELECT count(*), sum(amount) FROM returns WHERE business_date = ?", key
    ).fetchone()
    assert returned[0] > 0  # demo data brings items back
    assert rows[-2:] == [
        ["Returns", str(returned[0]), format_rupiah(-returned[1])],
        ["Net takings", "", format_rupiah(completed_total - returned[1])],
    ]
    listed = db.execute("SELECT count(*) FROM sales WHERE business_date = ?", key).fetchone()[0]
    assert tab.sales.rowCount() == listed
    assert sum(hour.total for hour in tab.chart.hours) == completed_total
    assert [hour.hour for hour in tab.chart.hours] == list(range(24))  # cut-off 00:00


def test_the_export_dialog_writes_the_same_file_as_export_sales(
    qtbot, start_app, tmp_path: Path
) -> None:
    app = start_app()
    first, last = fill(app.terminal, days=2, sales_per_day=150)
    window = signed_in(qtbot, app)
    tab = window.export
    show_tab(qtbot, window, tab)
    set_date(tab.first_day, first)
    set_date(tab.last_day, last)
    tab.per_sale.setChecked(True)
    target = tmp_path / "out" / "sales.csv"
    target.parent.mkdir()

    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    chooser = wait_for_modal(qtbot, QFileDialog)
    chooser.selectFile(str(target))
    chooser.accept()
    qtbot.waitUntil(lambda: not tab.running, timeout=WAIT_MS)

    assert tab.status.text().startswith("Exported "), tab.status.text()
    expected = tmp_path / "expected.csv"
    export_sales(
        app.terminal.store.repositories().db,
        expected,
        first_day=first,
        last_day=last,
        kind=ExportKind.SALES,
        tz=app.terminal.store.day.tz,
    )
    assert target.read_bytes() == expected.read_bytes()
    assert tab.progress.value() == tab.progress.maximum()
    idle(qtbot, window)
    exported = [e for e in app.terminal.store.audit.recent() if e.action == "sales.export"]
    assert exported[0].actor == "Demo Manajer"
    assert exported[0].detail["file"] == str(target)


def test_cancel_stops_a_long_export_and_leaves_no_file(qtbot, start_app, tmp_path: Path) -> None:
    app = start_app()
    first, last = fill(app.terminal, days=2, sales_per_day=900)  # ~5,000 lines
    window = signed_in(qtbot, app)
    tab = window.export
    show_tab(qtbot, window, tab)
    set_date(tab.first_day, first)
    set_date(tab.last_day, last)

    folder = tmp_path / "out"
    folder.mkdir()

    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    chooser = wait_for_modal(qtbot, QFileDialog)
    chooser.selectFile(str(folder / "sales.csv"))
    chooser.accept()
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.running, timeout=WAIT_MS)

    assert tab.status.text() == "Export cancelled; no file was written."
    assert list(folder.iterdir()) == []
    assert tab.export_button.isEnabled()


def test_closing_the_day_records_the_count_and_audits_it(qtbot, start_app, tmp_path) -> None:
    app = start_app()
    checkout = app.terminal.checkout
    for quantity in (4, 3):
        sale_id = checkout.open_sale(
            (LineItem("MIE-001", "Indomie Goreng 85g", 3500, quantity),), cashier="Demo Kasir"
        )
        checkout.pay_cash(sale_id, 20_000)
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.report is not None)
    assert tab.expected.text() == "Rp 24.500"

    for value, pieces in ((20_000, 1), (2_000, 2), (500, 1)):
        tab.pieces[value].setValue(pieces)
    assert (tab.counted.text(), tab.difference.text()) == ("Rp 24.500", "Rp 0")
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: tab.closed_by == "Demo Manajer", timeout=WAIT_MS)

    closed = DayCloses(app.terminal.store.repositories().db).get(today(app.terminal))
    assert closed is not None
    assert (closed.closed_by, closed.counted_cash, closed.cash_total) == (
        "Demo Manajer",
        24_500,
        24_500,
    )
    audit = [e for e in app.terminal.store.audit.recent() if e.action == "day.close"]
    assert audit[0].actor == "Demo Manajer"
    assert audit[0].detail["difference"] == 0
    assert not tab.close_button.isEnabled()
    assert not tab.pieces[20_000].isEnabled()
    tab.save_pdf(str(tmp_path / "z.pdf"))
    assert (tmp_path / "z.pdf").read_bytes().startswith(b"%PDF")
