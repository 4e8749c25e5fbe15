from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from pos_app.domain.basket import Basket, LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.discounts import Discount
from pos_app.domain.errors import ValidationError
from pos_app.domain.tax import TaxClass, TaxPolicy, parse_rate
from pos_app.gui.basket_model import BasketModel
from tests.gui.helpers import product

DISPLAY = Qt.ItemDataRole.DisplayRole


def row_texts(model: BasketModel, row: int) -> list[str]:
    return [model.index(row, column).data(DISPLAY) for column in range(model.columnCount())]


def test_columns_show_name_quantity_price_and_line_total_in_rupiah(qtbot):
    model = BasketModel()
    model.add(product("CHITATO"), 2)
    headers = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(4)]
    assert headers == ["Item", "Qty", "Price", "Total"]
    assert row_texts(model, 0) == ["Chitato Sapi Panggang 68g", "2", "Rp 11.900", "Rp 23.800"]
    align = Qt.ItemDataRole.TextAlignmentRole
    assert model.index(0, BasketModel.NAME).data(align) & Qt.AlignmentFlag.AlignLeft
    for column in (BasketModel.QUANTITY, BasketModel.PRICE, BasketModel.LINE_TOTAL):
        assert model.index(0, column).data(align) & Qt.AlignmentFlag.AlignRight


def test_adding_the_same_product_raises_its_line_instead_of_inserting(qtbot):
    model = BasketModel()
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))
    with qtbot.waitSignal(model.changed):
        assert model.add(product("AQUA-600")) == 0
    assert model.add(product("TEH-BTL")) == 1
    with qtbot.waitSignal(model.dataChanged):
        assert model.add(product("AQUA-600"), 2) == 0
    assert inserted == [0, 1]
    assert row_texts(model, 0)[1] == "3"
    assert model.total == 3 * 4_000 + 6_500


def test_quantity_zero_removes_and_remove_and_clear_empty_it(qtbot):
    model = BasketModel()
    for sku in ("AQUA-600", "TEH-BTL", "SABUN-LX"):
        model.add(product(sku))
    model.set_quantity(0, 5)
    assert model.line_at(0).quantity == 5
    model.set_quantity(1, 0)
    assert [model.line_at(r).sku for r in range(model.rowCount())] == ["AQUA-600", "SABUN-LX"]
    model.remove(0)
    assert model.rowCount() == 1 and model.line_at(0).sku == "SABUN-LX"
    with qtbot.waitSignal(model.changed):
        model.clear()
    assert model.rowCount() == 0 and model.total == 0


def test_a_refused_change_leaves_basket_and_rows_as_they_were(qtbot):
    model = BasketModel()
    model.add(product("AQUA-600"))
    with pytest.raises(ValidationError, match="quantity"):
        model.set_quantity(0, 10_000)
    with pytest.raises(ValidationError, match="quantity"):
        model.add(product("TEH-BTL"), 0)
    assert model.rowCount() == 1 and model.line_at(0).quantity == 1


def test_replace_shows_another_basket(qtbot):
    model = BasketModel()
    model.add(product("AQUA-600"))
    recalled = Basket()
    recalled.add(product("IDM-GRG"), 4)
    recalled.add(product("IDM-SOTO"))
    with qtbot.waitSignal(model.modelReset):
        model.replace(recalled)
    assert model.basket is recalled
    assert [row_texts(model, r)[0] for r in range(2)] == ["Indomie Goreng", "Indomie Soto"]
    assert model.total == 4 * 3_500 + 3_300


def test_prices_follow_the_checkouts_clock_not_the_machines(qtbot):
    """The store prices a sale on the checkout's clock; the screen read the machine's, so a
    till whose clock is the checkout's (a test's, or one corrected since start) showed another
    day's PPN than the store would book."""
    rates = {TaxClass.STANDARD: (parse_rate("2020-01-01 10"), parse_rate("2030-01-01 20"))}
    policy = TaxPolicy(enabled=True, prices_include_tax=False, rates=rates)
    model = BasketModel()
    model.add(product("AQUA-600"), 1)  # Rp 4.000 before PPN
    model.set_tax(policy, BusinessDay(), lambda: datetime(2031, 1, 1, 5, tzinfo=UTC))
    assert model.priced.ppn == 800


PPN_ADDED = TaxPolicy(
    enabled=True,
    prices_include_tax=False,
    rates={TaxClass.STANDARD: (parse_rate("2020-01-01 11"),)},
)


def test_lines_made_smaller_than_the_basket_discount_are_refused_as_they_were(qtbot):
    """Rp 13.000 off Aqua × 3 (Rp 12.000) and Teh Botol (Rp 6.500). One Aqua left, Teh Botol
    taken out or the Aqua given half off would leave Rp 10.500, Rp 12.000 or Rp 12.500 under it: the
    screen showed such a basket without the discount and without its PPN. Each is refused
    with the domain's reason, and the basket stays as it was."""
    model = BasketModel()
    model.set_tax(PPN_ADDED, BusinessDay())
    model.add(product("AQUA-600"), 3)
    model.add(product("TEH-BTL"))
    model.set_basket_discount(Discount.rupiah(13_000))
    shown = (model.total, model.priced.ppn)
    for change, left in (
        (lambda: model.set_quantity(0, 1), "10.500"),
        (lambda: model.set_quantity(1, 0), "12.000"),
        (lambda: model.set_line_discount(0, Discount.percent(5_000)), "12.500"),
    ):
        with pytest.raises(ValidationError, match=rf"more than the Rp {left} it is given on"):
            change()
        assert [(line.quantity, line.discount) for line in model.basket] == [(3, None), (1, None)]
        assert (model.total, model.priced.ppn) == shown == (6_105, 605)  # 5.500 + 11 % PPN
    model.set_quantity(0, 2)  # Rp 14.500 bear it
    assert (model.total, model.priced.ppn) == (1_665, 165)


def test_a_held_basket_whose_discount_no_longer_fits_says_so_and_keeps_its_ppn(qtbot):
    """A basket held before the counter refused such changes: Rp 5.000 off one Aqua (Rp
    4.000). The store refuses it; the screen named no discount and dropped the PPN too."""
    model = BasketModel()
    model.set_tax(PPN_ADDED, BusinessDay())
    aqua = product("AQUA-600")
    model.replace(Basket.of([LineItem(aqua.sku, aqua.name, aqua.price, 1)], Discount.rupiah(5_000)))
    assert (model.total, model.priced.ppn) == (4_440, 440)
    assert model.summary() == (
        "The basket discount no longer fits: a discount of Rp 5.000 is more than the Rp 4.000 it "
        "is given on. Remove or change it (Ctrl+D). · PPN Rp 440 added"
    )
