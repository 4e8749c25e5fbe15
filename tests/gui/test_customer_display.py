import pytest
from PySide6.QtCore import Qt

from pos_app.gui.basket_model import BasketModel
from pos_app.gui.customer_display import CustomerDisplay
from pos_app.payments.model import PaymentRequest, ProviderName
from tests.gui.helpers import product

URL = "https://app-sandbox.doku.com/wallet/pay/INV-0001"


@pytest.fixture
def model() -> BasketModel:
    return BasketModel()


@pytest.fixture
def display(qtbot, model):
    made = CustomerDisplay(model, shop_name="Toko Makmur")
    qtbot.addWidget(made)
    made.open_on_best_screen()
    qtbot.waitExposed(made)
    return made


def test_follows_the_cashiers_basket(display, model):
    assert display.total.text() == "Total Rp 0"
    model.add(product("AQUA-600"), 2)
    model.add(product("TEH-BTL"))
    assert display.total.text() == "Total Rp 14.500"
    view = display.lines
    assert view.model().rowCount() == 2
    assert view.model().index(0, BasketModel.NAME).data(Qt.ItemDataRole.DisplayRole) == "Aqua 600ml"
    model.set_quantity(0, 1)
    assert display.total.text() == "Total Rp 10.500"
    model.clear()
    assert display.total.text() == "Total Rp 0"


def test_shows_the_qr_while_paying_then_thanks_until_the_next_sale(display, model):
    model.add(product("CHITATO"))
    display.show_payment(PaymentRequest(ProviderName.DOKU, "INV-0001", 11_900, URL))
    assert display.pages.currentWidget().isAncestorOf(display.qr)
    assert display.qr.text == URL and display.pay_amount.text() == "Rp 11.900"
    assert display.qr.width() >= 280
    display.show_thank_you()
    assert display.pages.currentWidget() is display.thanks
    assert "Terima kasih" in display.thanks.text() and "Thank you" in display.thanks.text()
    model.clear()
    assert display.pages.currentWidget() is display.thanks, "an empty basket keeps the thanks"
    model.add(product("AQUA-600"))
    assert display.pages.currentWidget().isAncestorOf(display.lines)


def test_one_screen_means_a_normal_window(display):
    assert not display.isFullScreen()
    assert display.isVisible()
    display.close()
    assert not display.isVisible()


def test_a_cash_sales_change_shows_large_until_the_next_item(display, model):
    model.add(product("CHITATO"))
    model.clear()
    display.show_change(8_100)
    assert display.pages.currentWidget() is display.change
    assert display.change.text() == "Change\nRp 8.100\n\nThank you"
    assert display.change.font().pointSize() >= display.total.font().pointSize()
    model.add(product("AQUA-600"))
    assert display.pages.currentWidget() is display.basket_page
    model.clear()
    display.show_change(0)
    assert display.pages.currentWidget() is display.thanks, "no change: the thanks alone"


def test_a_dead_qr_leaves_for_the_basket(display, model):
    model.add(product("CHITATO"))
    display.show_payment(PaymentRequest(ProviderName.DOKU, "INV-0001", 11_900, URL))
    display.show_basket()
    assert display.pages.currentWidget() is display.basket_page
    assert display.total.text() == "Total Rp 11.900"


def test_the_line_just_added_or_changed_shows_large_over_the_running_total(display, model):
    assert display.last_line.text() == ""
    model.add(product("AQUA-600"))
    assert display.last_line.text() == "Aqua 600ml\n1 × Rp 4.000 = Rp 4.000"
    model.add(product("TEH-BTL"))
    assert display.last_line.text() == "Teh Botol Sosro 450ml\n1 × Rp 6.500 = Rp 6.500"
    model.add(product("AQUA-600"), 2)
    assert display.last_line.text() == "Aqua 600ml\n3 × Rp 4.000 = Rp 12.000"
    assert display.total.text() == "Total Rp 18.500"
    assert display.last_line.font().pointSize() > display.lines.font().pointSize()
    model.remove(0)
    assert display.last_line.text() == "", "a removed line is not shown as the last one"
    model.clear()
    assert display.last_line.text() == ""


def test_the_change_gives_way_to_terima_kasih(qtbot, model):
    display = CustomerDisplay(model, change_shown_ms=50)
    qtbot.addWidget(display)
    display.show_change(8_100)
    assert display.pages.currentWidget() is display.change
    qtbot.waitUntil(lambda: display.pages.currentWidget() is display.thanks, timeout=2_000)
    assert display.thanks.text().startswith("Terima kasih")


def test_a_given_up_qr_is_forgotten_not_just_hidden(display, model):
    model.add(product("CHITATO"))
    display.show_payment(PaymentRequest(ProviderName.DOKU, "INV-0001", 11_900, URL))
    display.show_basket()
    assert display.qr.text == ""
    display.show_payment(PaymentRequest(ProviderName.DOKU, "INV-0002", 11_900, URL + "2"))
    assert display.qr.text == URL + "2"
