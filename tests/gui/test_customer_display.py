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
