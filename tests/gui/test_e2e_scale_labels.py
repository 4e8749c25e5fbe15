"""Every barcode at the counter, end to end: the real window, store, sandbox and relay. A scale's
weight and price labels become lines of their own at their computed price, go to DOKU as
quantity 1, and are stored as sold; a label's verifier digit is checked; a UPC-A scan finds the
product kept under its UPC-E."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from pos_app.domain.barcodes import MeasureLayout, gs1_check_digit, parse_prefixes
from pos_app.domain.catalog import Product
from pos_app.domain.lifecycles import SaleStatus
from pos_app.payments.model import AttemptState, ProviderName
from pos_app.settings.terminal_config import Settings
from pos_app.till.terminal import Terminal, open_terminal
from tests.gui.e2e import (
    GORENG,
    TEH,
    open_payment,
    own_sandbox,
    pay_cash_on_screen,
    press,
    sandbox,
    scan,
    shown_payment,
    sign_in,
    wait_state,
)
from tests.gui.helpers import answer_confirmation


def ean(first12: str) -> str:
    return first12 + gs1_check_digit(first12)


PISANG = Product("BUAH-PSG", "Pisang Cavendish", 25_000, ean("251234500000"), "Buah")
"""Sold by weight: Rp 25.000 a kilogram."""
DAGING = Product("DAG-SAPI", "Daging Sapi Has", 140_000, ean("201111100000"), "Daging")
"""Priced by the scale: the label carries the price."""
SODA = Product("SODA-330", "Soda Kaleng 330ml", 8_000, "04252614", "Minuman")
"""Kept under its UPC-E; the can's UPC-A form is scanned."""


def test_labels_and_upc_forms_ring_up_pay_by_qr_and_are_stored_as_sold(
    qtbot, start_app, demo_terminal
):
    demo_terminal.store.products.upsert_many([PISANG, DAGING, SODA])
    customer = own_sandbox(demo_terminal)
    app = start_app()
    sign_in(qtbot, app)
    for code in (
        ean("251234500734"),  # 734 g
        ean("251234501250"),  # 1,250 kg
        ean("201111148500"),  # Rp 48.500
        "042100005264",  # the UPC-A of SODA's UPC-E
    ):
        scan(qtbot, app, code)
    expected = [
        ("BUAH-PSG", "Pisang Cavendish 0,734 kg × Rp 25.000/kg", 18_350, 1),
        ("BUAH-PSG", "Pisang Cavendish 1,250 kg × Rp 25.000/kg", 31_250, 1),
        ("DAG-SAPI", "Daging Sapi Has", 48_500, 1),
        ("SODA-330", "Soda Kaleng 330ml", 8_000, 1),
    ]
    lines = [
        (line.sku, line.name, line.unit_price, line.quantity)
        for line in app.window.basket_model.basket
    ]
    assert lines == expected
    total = sum(price for _, _, price, _ in expected)
    assert app.window.basket_model.total == total

    payment = open_payment(qtbot, app)
    attempt = payment.attempt
    order = customer.state.order(ProviderName.DOKU, attempt.invoice_number)
    assert order is not None and order.amount == total
    assert [(line.name, line.price, line.quantity) for line in order.lines] == [
        (name, price, quantity) for _, name, price, quantity in expected
    ]
    sandbox(demo_terminal, "pay", attempt.invoice_number)
    wait_state(qtbot, payment, AttemptState.PAID)
    sale = demo_terminal.store.sales.get(attempt.sale_id)
    assert sale.status is SaleStatus.COMPLETED and sale.total == total
    assert [(line.sku, line.name, line.unit_price, line.quantity) for line in sale.lines] == (
        expected
    )


def test_a_label_product_is_not_counted_and_its_line_keeps_quantity_one(
    qtbot, start_app, demo_terminal
):
    demo_terminal.store.products.upsert_many([PISANG])
    app = start_app()
    sign_in(qtbot, app)
    scan(qtbot, app, PISANG.sku)
    assert len(app.window.basket_model.basket) == 0
    assert "priced by the scale" in app.window.panel.message.text()

    scan(qtbot, app, ean("251234500500"))
    [line] = app.window.basket_model.basket
    assert (line.unit_price, line.quantity) == (12_500, 1)
    app.window.plus_action.trigger()
    [line] = app.window.basket_model.basket
    assert line.quantity == 1, "a weighed line is weighed again, not counted"
    assert "priced by its label" in app.window.panel.message.text()


def test_a_count_before_a_label_is_refused_aloud(qtbot, start_app, demo_terminal):
    """A count ("3*") and a label rang up one label without a word: a cashier ringing three
    packs of one label by count charged the customer for one."""
    demo_terminal.store.products.upsert_many([PISANG])
    app = start_app()
    sign_in(qtbot, app)
    scan(qtbot, app, "3*" + ean("251234500500"))
    assert len(app.window.basket_model.basket) == 0
    assert app.window.panel.message.text() == (
        "Pisang Cavendish is priced by its label: scan each label instead of a quantity"
    )


def test_an_open_qr_sale_of_two_labels_comes_back_after_a_restart_as_it_was_rung_up(
    qtbot, start_app, demo_terminal
):
    """Two labels of one product stay two lines at their own prices after a restart: the sale
    stores which lines are labels. They came back merged, two at the last label's price, and
    the cash the cashier then took for the basket on screen was Rp 12.900 too much."""
    demo_terminal.store.products.upsert_many([PISANG])
    first = start_app()
    sign_in(qtbot, first)
    scan(qtbot, first, ean("251234500734"))  # Rp 18.350
    scan(qtbot, first, ean("251234501250"))  # Rp 31.250
    rung_up = list(first.window.basket_model.basket)
    sale_id = open_payment(qtbot, first).attempt.sale_id
    first.close()

    second = start_app()
    sign_in(qtbot, second)
    shown_payment(qtbot, second)
    assert list(second.window.basket_model.basket) == rung_up
    assert second.window.basket_model.total == 49_600

    press(qtbot, Qt.Key.Key_Escape)  # the customer pays cash instead
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: second.controller.payment is None)
    pay_cash_on_screen(qtbot, second, 50_000)
    sale = demo_terminal.store.sales.get(sale_id)
    assert sale.status is SaleStatus.COMPLETED, "the same sale, not one rung up anew"
    assert (sale.total, sale.cash_received, sale.change_due) == (49_600, 50_000, 400)
    assert list(sale.lines) == rung_up


def test_an_open_sale_that_cannot_be_rebuilt_as_rung_up_stays_in_the_background(
    qtbot, start_app, demo_terminal
):
    """A sale whose lines no basket reproduces (here: stored before labels were, with its
    labels taken for plain lines) is not put on screen to be charged at another price; it is
    checked in the background, and still completes when the customer pays it."""
    demo_terminal.store.products.upsert_many([PISANG])
    first = start_app()
    sign_in(qtbot, first)
    scan(qtbot, first, ean("251234500734"))
    scan(qtbot, first, ean("251234501250"))
    attempt = open_payment(qtbot, first).attempt
    first.close()
    db = demo_terminal.store.repositories().db
    with db.conn:
        db.execute("UPDATE sale_lines SET labelled = 0 WHERE sale_id = ?", [attempt.sale_id])

    second = start_app()
    sign_in(qtbot, second)
    label = second.window.open_payments_label
    qtbot.waitUntil(lambda: attempt.invoice_number in label.text())
    assert second.controller.payment is None
    assert len(second.window.basket_model.basket) == 0

    sandbox(demo_terminal, "pay", attempt.invoice_number)
    sales = demo_terminal.store.sales
    qtbot.waitUntil(lambda: sales.get(attempt.sale_id).status is SaleStatus.COMPLETED)
    assert sales.get(attempt.sale_id).total == 49_600


def test_a_gs1_datamatrix_and_an_ean_with_its_add_on_ring_up_their_retail_items(qtbot, start_app):
    """A pack's GS1 DataMatrix (AIM identifier, GTIN, expiry, batch) and a magazine's EAN-13
    read with its add-on: each rings up the product its EAN-13 names."""
    app = start_app()
    sign_in(qtbot, app)
    scan(qtbot, app, f"]d2010{GORENG}1727123110B-0042")
    scan(qtbot, app, f"{TEH}05")

    assert [line.name for line in app.window.basket_model.basket] == [
        "Indomie Goreng 85g",
        "Teh Botol Sosro 450ml",
    ]


def test_an_itf_14_a_scanners_aim_identifiers_and_a_lone_add_on_at_the_counter(
    qtbot, start_app, demo_terminal
):
    """A case's ITF-14 with indicator 0 is the item's own GTIN; a scanner sending AIM identifiers
    rings up its EAN-13 and the scale's label alike; an add-on sent alone rings up nothing."""
    demo_terminal.store.products.upsert_many([PISANG])
    app = start_app()
    sign_in(qtbot, app)
    message = app.window.panel.message
    scan(qtbot, app, "0" + GORENG)
    scan(qtbot, app, "]E0" + TEH)
    scan(qtbot, app, "]E0" + ean("251234500733"))
    scan(qtbot, app, "]E212345")
    qtbot.waitUntil(lambda: "12345" in message.text())

    assert [(line.name, line.unit_price) for line in app.window.basket_model.basket] == [
        ("Indomie Goreng 85g", 3_500),
        ("Teh Botol Sosro 450ml", 5_500),
        ("Pisang Cavendish 0,733 kg × Rp 25.000/kg", 18_325),
    ]


PISANG_VERIFIED = Product("BUAH-PSG", "Pisang Cavendish", 25_000, ean("251234000000"), "Buah")
"""Kept under item code 1234 of a scale printing ``PP IIII K VVVVV C`` weight labels."""


@pytest.fixture
def verified_terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A demo terminal whose weight labels (25-29) carry a verifier digit before five digits."""
    layout = MeasureLayout(verified_prefixes=parse_prefixes("25-29"), verified_value_digits=5)
    terminal = open_terminal(Settings(barcodes=layout), tmp_path / "verified.db", demo=True)
    yield terminal
    terminal.close()


def test_a_label_with_a_verifier_rings_up_its_weight_and_a_wrong_verifier_is_refused(
    qtbot, verified_terminal, start_app_on
):
    """``25 1234 7 01250 C``: 1,250 kg at Rp 25.000/kg, Rp 31.250 (the verifier of 01250: 5+, 2-,
    5-, 5+, 2- give 0, 2, 9, 7, 0, sum 18, 20 - 18 = 2, the 5- product of 7). Read as a plain
    label it was 70,125 kg of an item no product has. The same label with verifier 3 is refused,
    named, and rings up nothing."""
    verified_terminal.store.products.upsert_many([PISANG_VERIFIED])
    app = start_app_on(verified_terminal)
    sign_in(qtbot, app)
    scan(qtbot, app, ean("251234701250"))
    basket = app.window.basket_model.basket
    assert [(line.sku, line.name, line.unit_price, line.quantity) for line in basket] == [
        ("BUAH-PSG", "Pisang Cavendish 1,250 kg × Rp 25.000/kg", 31_250, 1)
    ]

    wrong = ean("251234301250")
    scan(qtbot, app, wrong)
    qtbot.waitUntil(lambda: wrong in app.window.panel.message.text())
    assert "verifier digit wrong" in app.window.panel.message.text()
    assert [line.unit_price for line in app.window.basket_model.basket] == [31_250]
