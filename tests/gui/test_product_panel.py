import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from pos_app.gui.product_panel import TOUCH_TARGET, ProductPanel, split_quantity
from tests.gui.helpers import product, show


@pytest.fixture
def panel(qtbot, catalog):
    made = ProductPanel(catalog)
    made.resize(800, 600)
    show(qtbot, made)
    made.focus_input()
    return made


@pytest.fixture
def chosen(panel):
    picks: list[tuple[str, int]] = []
    panel.product_chosen.connect(lambda p, quantity: picks.append((p.sku, quantity)))
    return picks


def scan(qtbot, panel, text: str) -> None:
    """What a barcode scanner does: type the code, press Enter."""
    qtbot.keyClicks(panel.input, text)
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)


def shown(panel) -> list[str]:
    return [p.sku for p in panel.model.products]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8991000000011", (1, "8991000000011")),
        ("3*8991", (3, "8991")),
        (" 12 * aqua ", (12, "aqua")),
    ],
)
def test_split_quantity(text, expected):
    assert split_quantity(text) == expected


def test_scanning_a_barcode_chooses_the_product_and_clears_the_line(qtbot, panel, chosen):
    scan(qtbot, panel, product("TEH-BTL").barcode)
    assert chosen == [("TEH-BTL", 1)]
    assert panel.input.text() == "" and panel.input.hasFocus()
    assert panel.message.isHidden()


def test_a_sku_works_like_a_barcode(qtbot, panel, chosen):
    scan(qtbot, panel, "SABUN-LX")
    assert chosen == [("SABUN-LX", 1)]


def test_quantity_prefix_chooses_several(qtbot, panel, chosen):
    scan(qtbot, panel, "3*" + product("AQUA-600").barcode)
    assert chosen == [("AQUA-600", 3)]


def test_unknown_barcode_says_so_inline_and_is_ready_for_the_next_scan(qtbot, panel, chosen):
    with qtbot.waitSignal(panel.unknown_code) as unknown:
        scan(qtbot, panel, "8990000000000")
    assert unknown.args == ["8990000000000"]
    assert chosen == []
    assert QApplication.activeModalWidget() is None
    assert panel.message.isVisible() and "8990000000000" in panel.message.text()
    assert panel.input.text() == "" and panel.input.hasFocus()
    scan(qtbot, panel, product("AQUA-600").barcode)
    assert chosen == [("AQUA-600", 1)]
    assert panel.message.isHidden()


def test_digits_never_fall_back_to_a_search_hit(qtbot, panel, chosen):
    partial = product("AQUA-600").barcode[:-1]
    scan(qtbot, panel, partial)
    assert chosen == []
    assert partial in panel.message.text()


def test_typing_filters_the_tiles_as_it_goes(qtbot, panel):
    qtbot.keyClicks(panel.input, "indo")
    qtbot.waitUntil(lambda: shown(panel) == ["IDM-GRG", "IDM-SOTO"])
    assert panel.categories.checkedButton() is None
    qtbot.keyClicks(panel.input, "mie s")
    qtbot.waitUntil(lambda: shown(panel) == ["IDM-SOTO"])


def test_a_scanners_burst_costs_one_search_and_no_category_reload(qtbot, panel, catalog, chosen):
    catalog.queries.clear()
    for sku in ("AQUA-600", "TEH-BTL", "IDM-GRG"):
        scan(qtbot, panel, product(sku).barcode)
    qtbot.keyClicks(panel.input, "8991000000")
    qtbot.waitUntil(lambda: len(shown(panel)) == 6)
    assert [sku for sku, _ in chosen] == ["AQUA-600", "TEH-BTL", "IDM-GRG"]
    assert catalog.queries == ["search:8991000000"]


def test_enter_on_a_search_with_one_hit_chooses_it(qtbot, panel, chosen):
    scan(qtbot, panel, "2*sosro")
    assert chosen == [("TEH-BTL", 2)]


def test_enter_on_several_hits_moves_to_the_tiles_and_enter_there_chooses(qtbot, panel, chosen):
    scan(qtbot, panel, "indomie")
    assert chosen == [] and panel.tiles.hasFocus()
    qtbot.keyClick(panel.tiles, Qt.Key.Key_Right)
    qtbot.keyClick(panel.tiles, Qt.Key.Key_Return)
    assert chosen == [("IDM-SOTO", 1)]
    assert panel.input.hasFocus() and panel.input.text() == ""


def test_typing_on_the_tiles_goes_to_the_input_line(qtbot, panel):
    qtbot.keyClick(panel.input, Qt.Key.Key_Down)
    assert panel.tiles.hasFocus()
    qtbot.keyClicks(panel.tiles, "aqua")
    assert panel.input.hasFocus() and panel.input.text() == "aqua"


def test_category_tiles_are_touch_sized_and_list_their_products(qtbot, panel, chosen):
    buttons = {button.text(): button for button in panel.categories.buttons()}
    assert list(buttons) == ["Makanan", "Minuman", "Kebersihan"]
    assert all(b.height() >= TOUCH_TARGET and b.width() >= TOUCH_TARGET for b in buttons.values())
    assert shown(panel) == ["IDM-GRG", "IDM-SOTO", "CHITATO"]
    qtbot.mouseClick(buttons["Minuman"], Qt.MouseButton.LeftButton)
    assert shown(panel) == ["AQUA-600", "TEH-BTL"]
    assert buttons["Minuman"].isChecked()
    tile = panel.tiles.visualRect(panel.model.index(1))
    assert tile.height() >= TOUCH_TARGET and tile.width() >= TOUCH_TARGET
    qtbot.keyClicks(panel.input, "2*")
    qtbot.mouseClick(panel.tiles.viewport(), Qt.MouseButton.LeftButton, pos=tile.center())
    assert chosen == [("TEH-BTL", 2)]
    assert panel.input.text() == "" and shown(panel) == ["AQUA-600", "TEH-BTL"]


def test_escape_clears_a_search(qtbot, panel):
    qtbot.keyClicks(panel.input, "lux")
    qtbot.keyClick(panel.input, Qt.Key.Key_Escape)
    assert panel.input.text() == ""
    assert shown(panel) == ["IDM-GRG", "IDM-SOTO", "CHITATO"]


def test_quantity_without_a_product_asks_for_one(qtbot, panel, chosen):
    scan(qtbot, panel, "3*")
    assert chosen == [] and "3*" in panel.message.text()
    panel.input.clear()
    scan(qtbot, panel, "0*" + product("AQUA-600").barcode)
    assert chosen == [] and "at least 1" in panel.message.text()


def test_clicking_outside_a_tile_chooses_nothing(qtbot, panel, chosen):
    corner = panel.tiles.viewport().rect().bottomRight() - QPoint(2, 2)
    qtbot.mouseClick(panel.tiles.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    assert chosen == []
