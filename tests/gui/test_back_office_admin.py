"""The Products, Users and Settings tabs: every change lands in the store and the audit log."""

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from pos_app.gui.back_office.products_tab import ImportProblemsDialog
from pos_app.relay.client import RelayClient
from pos_app.store.users import Role
from tests.gui.back_office_helpers import idle, show_tab, signed_in
from tests.gui.e2e import WAIT_MS, dead_port
from tests.gui.helpers import answer_confirmation, wait_for_modal

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


def test_settings_hide_secrets_and_test_connection_says_what_is_wrong(qtbot, start_app) -> None:
    app = start_app()
    terminal = app.terminal
    window = signed_in(qtbot, app)
    tab = window.settings
    show_tab(qtbot, window, tab)
    secrets = [terminal.settings.doku.secret_key.reveal()]  # type: ignore[union-attr]
    assert terminal.embedded is not None
    secrets.append(terminal.embedded.relay_token)
    shown = " ".join(label.text() for label in window.findChildren(QLabel))
    assert tab.values["dokuSecret"].text() == "set"
    assert tab.values["relayToken"].text() == "set"
    assert not any(secret in shown for secret in secrets)

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
    assert "The relay cannot be reached: check relay.url" in tab.results.text()
