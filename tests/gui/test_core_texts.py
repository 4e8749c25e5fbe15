"""In Indonesian, what the core says reaches the cashier and the manager in Indonesian: its
errors (a quantity, a price, a PIN already taken) and the whole Z report."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from pos_app.domain.basket import MAX_QUANTITY, LineItem
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.texts import N_
from pos_app.gui.i18n import use_language
from pos_app.gui.main_window import MainWindow
from pos_app.store.errors import StoreError
from pos_app.store.users import Role
from tests.gui.back_office_helpers import CASHIER_PIN, show_tab, signed_in
from tests.gui.e2e import WAIT_MS
from tests.gui.helpers import PRODUCTS, MemoryCatalog, product, show


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    """The screens in Indonesian; the suite's autouse fixture puts English back after."""
    assert use_language(qapp, "id")
    yield


def test_a_quantity_refused_by_the_basket_is_said_in_indonesian(qtbot, indonesian) -> None:
    window = MainWindow(MemoryCatalog(PRODUCTS), actions=None)
    show(qtbot, window)
    window.add_product(product("AQUA-600"), MAX_QUANTITY)
    window.add_product(product("AQUA-600"))
    assert window.panel.message.text() == (
        f"Aqua 600ml: jumlah harus antara 1 dan {MAX_QUANTITY}, bukan {MAX_QUANTITY + 1}"
    )


def test_the_back_office_says_the_cores_refusals_in_indonesian(
    qtbot, start_app, indonesian
) -> None:
    app = start_app()
    window = signed_in(qtbot, app)

    users = window.users
    show_tab(qtbot, window, users)
    users.new_name.setText("Sari")
    users.new_role.setCurrentIndex(users.new_role.findData(Role.CASHIER.value))
    qtbot.keyClicks(users.new_pin, CASHIER_PIN)
    qtbot.mouseClick(users.findChild(QPushButton, "addUser"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: users.status.text() == "PIN itu sudah dipakai; pilih PIN lain", timeout=WAIT_MS
    )

    products = window.products
    show_tab(qtbot, window, products)
    qtbot.keyClicks(products.search, "MIN-002")
    qtbot.waitUntil(lambda: list(products.shown)[:1] == ["MIN-002"], timeout=WAIT_MS)
    products.select("MIN-002")
    products.price.setText("0")
    qtbot.mouseClick(products.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            products.status.text()
            == "produk MIN-002: harga harus antara Rp 1 dan Rp 999.999.999.999, bukan 0"
        ),
        timeout=WAIT_MS,
    )


def test_the_z_report_is_in_indonesian(qtbot, start_app, indonesian) -> None:
    app = start_app()
    checkout = app.terminal.checkout
    sale_id = checkout.open_sale(
        (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 2),), cashier="Demo Kasir"
    )
    assert checkout.pay_cash(sale_id, 10_000).status is SaleStatus.COMPLETED
    window = signed_in(qtbot, app)
    tab = window.day_close
    show_tab(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.report is not None, timeout=WAIT_MS)

    shown = tab.preview.toPlainText()
    for text in (
        "LAPORAN Z",
        "Hari usaha",
        "Pendapatan",
        "Barang terjual\n2",
        "Tunai (1)\nRp 7.000",
        "Refund (0)",
        "TOTAL BERSIH\nRp 7.000",
        "Pembayaran QR masih terbuka",
        "Laci kas",
        "Tunai seharusnya",
    ):
        assert text in shown, text
    for english in ("Z REPORT", "NET TOTAL", "Items sold", "Expected cash", "Cash drawer"):
        assert english not in shown, english


def test_a_state_in_a_core_text_takes_the_back_offices_word_for_it(indonesian) -> None:
    refused = StoreError(
        N_("sale {sale} is {status}, not open"), sale=3, status=SaleStatus.COMPLETED
    )
    assert str(refused) == "penjualan 3 berstatus selesai, tidak terbuka"
    assert refused.text.english() == "sale 3 is completed, not open"
