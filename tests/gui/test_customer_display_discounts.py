"""The customer sees the discounts and the PPN under the total, as the cashier does."""

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.discounts import Discount
from pos_app.domain.tax import TaxPolicy
from pos_app.gui.basket_model import BasketModel
from pos_app.gui.customer_display import CustomerDisplay
from tests.gui.helpers import product


def test_the_customer_sees_the_discount_and_the_ppn_in_the_price(qtbot):
    model = BasketModel()
    model.set_tax(TaxPolicy(enabled=True), BusinessDay())
    display = CustomerDisplay(model)
    qtbot.addWidget(display)
    display.open_on_best_screen()
    qtbot.waitExposed(display)
    model.add(product("AQUA-600"), 2)  # Rp 4.000 each
    assert display.summary.isVisible()
    assert display.summary.text() == f"incl. PPN Rp {model.priced.ppn}"  # under Rp 1.000

    model.set_basket_discount(Discount.rupiah(1_000))
    assert display.total.text() == "Total Rp 7.000"
    assert display.summary.text().startswith("Discount -Rp 1.000 · incl. PPN Rp ")
    assert display.summary.text() == model.summary()

    model.clear()
    assert not display.summary.isVisible()
