from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from pos_app.domain.basket import Basket
from pos_app.domain.business_day import BusinessDay
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
