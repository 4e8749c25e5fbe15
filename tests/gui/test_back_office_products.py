"""The back office's product editor on a whole demo terminal: a product added with its barcode
scanned into the field, edited, taken off sale and put back; the cashier's tiles and scans follow
each change at once."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from pos_app.domain.tax import TaxClass
from pos_app.gui.app import TerminalApp
from pos_app.gui.back_office import BackOfficeEntry
from pos_app.gui.back_office.products_tab import ProductsTab
from pos_app.gui.back_office.window import BackOfficeWindow
from tests.gui.back_office_helpers import MANAGER_PIN, enter_pin, show_tab
from tests.gui.e2e import WAIT_MS, press, sign_in
from tests.gui.helpers import answer_confirmation

UPC_E = "04252614"
UPC_A = "042100005264"
CAN_UPCE, CAN_UPCA = "01234565", "012345000065"
"""A UPC-E that is a valid EAN-8 too, kept as its 8 digits, and its UPC-A."""
SUPERSCRIPTS = "²²²²²²²²"
"""AltGr+2 on some keyboards: ``str.isdigit`` takes them, ``int`` does not."""
NO_BARCODE = (
    "product {sku}: barcode '²²²²²²²²' is neither an EAN-13, EAN-8, UPC-A or UPC-E with its "
    "check digit nor an in-store code (letters, digits and -, at most 32)"
)


def back_office_by_f10(qtbot, app: TerminalApp) -> BackOfficeWindow:
    press(qtbot, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: app.shell.findChild(BackOfficeEntry, "backOfficeEntry") is not None)
    entry = app.shell.findChild(BackOfficeEntry, "backOfficeEntry")
    qtbot.waitUntil(lambda: entry.sign_in.pad.pin.isEnabled(), timeout=WAIT_MS)
    enter_pin(qtbot, entry.sign_in, MANAGER_PIN)
    qtbot.waitUntil(lambda: entry.window is not None and entry.window.isVisible(), timeout=WAIT_MS)
    return entry.window


def products_tab(qtbot, start_app) -> tuple[TerminalApp, BackOfficeWindow, ProductsTab]:
    """A demo till, its cashier signed in, and the Products tab the manager opened with F10."""
    app = start_app()
    sign_in(qtbot, app)
    window = back_office_by_f10(qtbot, app)
    show_tab(qtbot, window, window.products)
    return app, window, window.products


def tile_skus(app: TerminalApp) -> list[str]:
    return [product.sku for product in app.window.panel.model.products]


def category_names(app: TerminalApp) -> list[str]:
    return [button.text() for button in app.window.panel.categories.buttons()]


def saved(qtbot, tab: ProductsTab, status: str) -> None:
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status.text() == status, timeout=WAIT_MS)


def test_a_product_added_edited_and_taken_off_sale_reaches_the_till_at_once(
    qtbot, start_app
) -> None:
    app, window, tab = products_tab(qtbot, start_app)

    qtbot.mouseClick(tab.findChild(QPushButton, "newProduct"), Qt.MouseButton.LeftButton)
    assert tab.adding and tab.sku.isEnabled() and tab.barcode.hasFocus()
    qtbot.keyClicks(tab.barcode, UPC_E)
    qtbot.keyClick(tab.barcode, Qt.Key.Key_Return)  # the scanner's Enter
    assert tab.name.hasFocus(), "the scan moves on to the name"
    qtbot.keyClicks(tab.name, "Soda Kaleng 330ml")
    tab.sku.setText("SODA-330")
    tab.category.setCurrentText("Minuman Impor")
    tab.price.setText("Rp 8.000")
    saved(qtbot, tab, "SODA-330 added.")
    product = app.terminal.store.products.get("SODA-330")
    assert product is not None and product.barcode == "0" + UPC_A
    # the list is read again after the status line says so: the selection follows
    qtbot.waitUntil(lambda: tab.editing() == product, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Minuman Impor" in category_names(app), timeout=WAIT_MS)

    tab.barcode.setText("8991002101204")
    saved(
        qtbot,
        tab,
        "product SODA-330: barcode 8991002101204 is not a valid EAN-13: its check digit is wrong",
    )
    tab.barcode.setText("8991000079191")  # Indomie Goreng's
    saved(qtbot, tab, "product SODA-330: barcode 8991000079191 already belongs to product MIE-001")
    tab.barcode.setText("2512345000006")  # a scale's weight-label item code
    assert tab.price_note.text() == "Sold by weight: the price is per kilogram."
    tab.barcode.setText(UPC_A)
    assert tab.price_note.text() == ""
    tab.price.setText("8500")
    saved(qtbot, tab, "SODA-330 saved.")

    qtbot.waitUntil(lambda: tab.deactivate_button.isEnabled(), timeout=WAIT_MS)
    qtbot.mouseClick(tab.deactivate_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: tab.status.text() == "SODA-330 is off sale.", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.reactivate_button.isEnabled(), timeout=WAIT_MS)
    assert not tab.deactivate_button.isEnabled()
    qtbot.waitUntil(lambda: "Minuman Impor" not in category_names(app), timeout=WAIT_MS)
    qtbot.mouseClick(tab.reactivate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status.text() == "SODA-330 is on sale again.", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Minuman Impor" in category_names(app), timeout=WAIT_MS)
    actions = [entry.action for entry in app.terminal.store.audit.recent()]
    assert {"product.add", "product.edit", "product.deactivate", "product.reactivate"} <= set(
        actions
    )
    window.close()

    qtbot.waitUntil(lambda: app.shell.findChild(BackOfficeEntry) is None, timeout=WAIT_MS)
    button = next(b for b in app.window.panel.categories.buttons() if b.text() == "Minuman Impor")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tile_skus(app) == ["SODA-330"], timeout=WAIT_MS)
    qtbot.keyClicks(app.window.panel.input, UPC_E)
    qtbot.keyClick(app.window.panel.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(app.window.basket_model.basket) == 1, timeout=WAIT_MS)
    [line] = app.window.basket_model.basket
    assert (line.sku, line.unit_price) == ("SODA-330", 8_500)


def test_a_products_tax_class_is_chosen_when_added_and_changed_with_an_audit_entry(
    qtbot, start_app
) -> None:
    app, window, tab = products_tab(qtbot, start_app)

    qtbot.mouseClick(tab.findChild(QPushButton, "newProduct"), Qt.MouseButton.LeftButton)
    assert tab.tax_class.currentText() == "PPN at the standard rate", "the usual class first"
    tab.sku.setText("BERAS-5KG")
    tab.name.setText("Beras 5 kg")
    tab.price.setText("Rp 75.000")
    tab.tax_class.setCurrentText("Exempt from PPN")
    saved(qtbot, tab, "BERAS-5KG added.")
    assert app.terminal.store.products.get("BERAS-5KG").tax_class is TaxClass.EXEMPT

    qtbot.waitUntil(lambda: tab.editing() is not None, timeout=WAIT_MS)
    tab.start_new()
    assert tab.tax_class.currentText() == "PPN at the standard rate", "a new product starts anew"
    tab.select("BERAS-5KG")
    qtbot.waitUntil(lambda: tab.tax_class.currentText() == "Exempt from PPN", timeout=WAIT_MS)
    tab.tax_class.setCurrentText("PPN at the other rate")
    saved(qtbot, tab, "BERAS-5KG saved.")
    assert app.terminal.store.products.get("BERAS-5KG").tax_class is TaxClass.OTHER
    edit = next(e for e in app.terminal.store.audit.recent() if e.action == "product.edit")
    assert (edit.detail["before"]["tax_class"], edit.detail["after"]["tax_class"]) == (
        "exempt",
        "other",
    )
    window.close()


def test_a_bad_barcode_or_price_is_named_in_the_editor_and_finds_nothing_at_the_till(
    qtbot, start_app, caplog: pytest.LogCaptureFixture
) -> None:
    app, window, tab = products_tab(qtbot, start_app)

    qtbot.mouseClick(tab.findChild(QPushButton, "newProduct"), Qt.MouseButton.LeftButton)
    tab.sku.setText("SODA-330")
    tab.name.setText("Soda Kaleng 330ml")
    tab.barcode.setText(SUPERSCRIPTS)
    tab.price.setText("8000")
    saved(qtbot, tab, NO_BARCODE.format(sku="SODA-330"))
    tab.barcode.setText(UPC_A)
    tab.price.setText("9" * 5000)
    assert tab.price.text() == "9" * 21, "a paste is cut to the longest price there is"
    saved(
        qtbot,
        tab,
        f"product SODA-330: price must be between Rp 1 and Rp 999.999.999.999, got {'9' * 21}",
    )
    tab.price.setText("8000")
    saved(qtbot, tab, "SODA-330 added.")
    qtbot.waitUntil(lambda: tab.editing() is not None, timeout=WAIT_MS)
    tab.barcode.setText(SUPERSCRIPTS)
    saved(qtbot, tab, NO_BARCODE.format(sku="SODA-330"))
    assert app.terminal.store.products.get("SODA-330").barcode == "0" + UPC_A
    window.close()

    qtbot.waitUntil(lambda: app.shell.findChild(BackOfficeEntry) is None, timeout=WAIT_MS)
    panel = app.window.panel
    panel.input.setText(SUPERSCRIPTS)
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: panel.message.text() == f"No product with code or name “{SUPERSCRIPTS}”.",
        timeout=WAIT_MS,
    )
    assert not app.window.basket_model.basket
    assert "catalog look-up failed" not in caplog.text


def test_two_products_kept_under_one_code_in_two_forms_are_listed_until_one_moves(
    qtbot, start_app
) -> None:
    """An older version kept a can's UPC-A as its 13 digits beside its UPC-E on another
    product: the tab names both; a scan at the till finds one; saving the other under the same
    code is refused naming the first; another barcode ends the conflict."""
    app = start_app()
    db = app.terminal.store.repositories().db
    for sku, barcode in (("SODA-A", "0" + CAN_UPCA), ("SODA-E", CAN_UPCE)):
        db.execute(
            "INSERT INTO products (sku, barcode, name, price, updated_at) "
            "VALUES (?, ?, 'Soda Kaleng', 8000, '2026-11-21T01:00:00.000Z')",
            [sku, barcode],
        )
    db.conn.commit()
    sign_in(qtbot, app)
    window = back_office_by_f10(qtbot, app)
    show_tab(qtbot, window, window.products)
    tab = window.products
    assert tab.conflicts.isVisible()
    assert tab.conflicts.text() == (
        f"SODA-A (0{CAN_UPCA}) and SODA-E ({CAN_UPCE}) have one barcode in two forms: a scan finds "
        "only one of them. Give one of them another barcode."
    )
    tab.search.setText("SODA")
    tab.refresh()
    qtbot.waitUntil(lambda: "SODA-A" in tab.shown, timeout=WAIT_MS)
    tab.select("SODA-A")
    tab.price.setText("9000")
    saved(
        qtbot,
        tab,
        f"product SODA-A: barcode {CAN_UPCE} already belongs to product SODA-E",
    )
    assert app.terminal.store.products.find_by_code(CAN_UPCA).sku == "SODA-E"
    tab.barcode.setText("8991002101203")
    saved(qtbot, tab, "SODA-A saved.")
    qtbot.waitUntil(lambda: tab.conflicts.isHidden(), timeout=WAIT_MS)
    window.close()
