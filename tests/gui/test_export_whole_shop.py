"""The Export tab's whole-shop choice on a demo terminal: the till uploads its day to its embedded
relay on its own, and the tab writes the shop's file from the relay (this till's waiting days sent
first) and lists the tills' uploads."""

import csv
import io
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from pos_app.domain.basket import LineItem
from pos_app.gui.app import TerminalApp
from pos_app.gui.back_office.export_tab import ExportTab
from pos_app.gui.formatting import ERROR_STYLE
from pos_app.reports.sales_csv import SALE_COLUMNS
from pos_app.till.uploads import build_day_upload, reconcile, upload_status
from tests.gui.back_office_helpers import show_tab, signed_in
from tests.gui.e2e import WAIT_MS
from tests.gui.helpers import wait_for_modal
from tests.gui.test_day_close import TOTAL, cash_sale

UPLOAD_MS = 20_000
"""The uploader looks every 5 s; a loaded machine may take longer to answer."""


def uploaded(app: TerminalApp) -> bool:
    return not upload_status(app.terminal.store).pending


def export(qtbot, tab: ExportTab, target: Path) -> None:
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    chooser = wait_for_modal(qtbot, QFileDialog)
    chooser.selectFile(str(target))
    chooser.accept()
    qtbot.waitUntil(lambda: not tab.running, timeout=WAIT_MS)


def test_the_whole_shop_file_holds_the_day_this_till_uploaded(
    qtbot, start_app, tmp_path: Path
) -> None:
    app = start_app()
    cash_sale(app)
    qtbot.waitUntil(lambda: uploaded(app), timeout=UPLOAD_MS)
    cash_sale(app)  # today went a moment ago: it waits out the uploader's gap
    assert not uploaded(app)

    window = signed_in(qtbot, app)
    tab = window.export
    show_tab(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.uploads.rowCount() == 1, timeout=WAIT_MS)
    today = app.terminal.store.day.date_of(app.terminal.checkout.clock()).isoformat()
    assert tab.uploads.data(tab.uploads.index(0, 0)) == "T1"
    assert tab.uploads.data(tab.uploads.index(0, 2)) == today
    assert "waiting to upload" in tab.own_uploads.text(), tab.own_uploads.text()
    tab.per_sale.setChecked(True)
    tab.whole_shop.setChecked(True)
    assert not tab.last_day.isEnabled()
    target = tmp_path / "shop-sales.csv"
    export(qtbot, tab, target)

    assert "Tills in the file: T1." in tab.status.text(), tab.status.text()
    assert uploaded(app), "the export sends this till's waiting days first"
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        assert list(rows[0]) == list(SALE_COLUMNS)
    assert [(row["terminal"], row["record_type"]) for row in rows] == [("T1", "sale")] * 2
    assert sum(int(row["total"]) for row in rows) == 2 * TOTAL


def test_a_relay_that_cannot_be_reached_is_said_plainly(qtbot, start_app, tmp_path: Path) -> None:
    app = start_app()
    window = signed_in(qtbot, app)
    tab = window.export
    show_tab(qtbot, window, tab)
    embedded = app.terminal.embedded
    assert embedded is not None
    embedded.stop()
    tab.whole_shop.setChecked(True)
    target = tmp_path / "shop.csv"
    export(qtbot, tab, target)

    assert tab.status.text().startswith("The relay cannot be reached"), tab.status.text()
    assert not target.exists()


def test_a_day_the_relay_refused_is_named_with_the_relays_reason(qtbot, start_app) -> None:
    """Sales from before the till was renamed (T0) are not T1's to upload."""
    app = start_app()
    store = app.terminal.store
    moment = app.terminal.checkout.clock() - timedelta(days=3)
    sale_id = store.sales.create_sale(
        (LineItem("MIE-001", "Indomie Goreng", 3500, 1),),
        cashier="Sari",
        terminal_id="T0",
        now=moment,
    )
    store.sales.complete_cash(sale_id, 5_000, moment)
    day = store.day.date_of(moment).isoformat()
    qtbot.waitUntil(lambda: bool(upload_status(store).refused), timeout=UPLOAD_MS)

    window = signed_in(qtbot, app)
    tab = window.export
    show_tab(qtbot, window, tab)
    qtbot.waitUntil(lambda: "The relay refused" in tab.own_refused.text(), timeout=WAIT_MS)
    assert f"The relay refused {day}: " in tab.own_refused.text()
    assert "T1" in tab.own_refused.text() and "It goes again once that day changes." in (
        tab.own_refused.text()
    )
    assert tab.own_refused.styleSheet() == ERROR_STYLE, "shown as a problem"


def and_a_lost_sale(text: str) -> str:
    """A file of the day with its first sale's rows once more, a minute before midnight: a sale
    the relay holds that this till's database does not (it went back to a backup)."""
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    lost = [
        [
            {"local_time": "23:59:00", "sale_id": "99"}.get(name, cell)
            for name, cell in zip(header, row, strict=True)
        ]
        for row in rows
        if row[header.index("sale_id")] == rows[0][header.index("sale_id")]
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *rows, *lost])
    return out.getvalue()


def test_a_till_restored_from_a_backup_names_the_days_its_own_files_lack(qtbot, start_app) -> None:
    """The relay holds a later copy of today than this till's database reached (the till's disk
    was restored from an older backup): the day goes again marked restored, and the Export tab
    says the till's own files of it may lack sales, and which file has them."""
    app = start_app()
    store, relay = app.terminal.store, app.terminal.relay
    assert relay is not None
    cash_sale(app)
    qtbot.waitUntil(lambda: uploaded(app), timeout=UPLOAD_MS)
    today = store.day.date_of(app.terminal.checkout.clock())
    later = build_day_upload(store, "T1", today).body()
    later["files"] = {kind: and_a_lost_sale(text) for kind, text in later["files"].items()}
    assert relay.put_day(today.isoformat(), later | {"revision": 50}).stored

    assert reconcile(store, relay, "T1") == []
    qtbot.waitUntil(lambda: uploaded(app), timeout=UPLOAD_MS)
    assert upload_status(store).restored == (today,)

    window = signed_in(qtbot, app)
    tab = window.export
    show_tab(qtbot, window, tab)
    qtbot.waitUntil(lambda: "restored from a backup" in tab.own_uploads.text(), timeout=WAIT_MS)
    assert f"its own files of {today.isoformat()} may lack sales" in tab.own_uploads.text()
    assert "Export the whole shop" in tab.own_uploads.text()
