import threading

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from pos_app.domain.barcodes import MeasureLayout
from pos_app.domain.catalog import Product
from pos_app.domain.scan_input import split_quantity
from pos_app.gui.product_panel import TOUCH_TARGET, ProductPanel
from pos_app.gui.services import StoreCatalog
from pos_app.store.terminal_store import TerminalStore
from tests.gui.helpers import PRODUCTS, MemoryCatalog, product, show

GUI_THREAD = threading.get_ident()


class ThreadCheckingCatalog(MemoryCatalog):
    """Notes every read made on the GUI thread, where the store's disk must not be read."""

    def __init__(self, products: list[Product]) -> None:
        super().__init__(products)
        self.on_gui_thread: list[str] = []

    def _off_gui_thread(self, what: str) -> None:
        if threading.get_ident() == GUI_THREAD:
            self.on_gui_thread.append(what)

    def find_by_code(self, code: str) -> Product | None:
        self._off_gui_thread(code)
        return super().find_by_code(code)

    def search(self, text: str, limit: int = 50) -> list[Product]:
        self._off_gui_thread(text)
        return super().search(text, limit)

    def categories(self) -> list[str]:
        self._off_gui_thread("categories")
        return super().categories()

    def by_category(self, category: str) -> list[Product]:
        self._off_gui_thread(category)
        return super().by_category(category)


class GatedCatalog(ThreadCheckingCatalog):
    """A look-up of a gated text waits until the test opens its gate: a slow disk, on cue."""

    def __init__(self, products: list[Product]) -> None:
        super().__init__(products)
        self.gates: dict[str, threading.Event] = {}
        self.asked: list[str] = []
        """Every text looked up, as the worker reaches it."""

    def gate(self, text: str) -> threading.Event:
        self.gates[text] = threading.Event()
        return self.gates[text]

    def _wait(self, text: str) -> None:
        self.asked.append(text)
        gate = self.gates.get(text)
        if gate is not None:
            assert gate.wait(5), f"the look-up of {text!r} was never let through"

    def find_by_code(self, code: str) -> Product | None:
        self._wait(code)
        return super().find_by_code(code)

    def search(self, text: str, limit: int = 50) -> list[Product]:
        self._wait(text)
        return super().search(text, limit)


@pytest.fixture
def catalog() -> ThreadCheckingCatalog:
    return ThreadCheckingCatalog(PRODUCTS)


@pytest.fixture
def panel(qtbot, catalog):
    made = ProductPanel(catalog)
    made.resize(800, 600)
    show(qtbot, made)
    made.focus_input()
    qtbot.waitUntil(lambda: made.settled and made.model.rowCount() > 0)
    yield made
    assert catalog.on_gui_thread == [], "the catalog must be read off the GUI thread"


@pytest.fixture
def chosen(panel):
    picks: list[tuple[str, int]] = []
    panel.product_chosen.connect(lambda p, quantity: picks.append((p.sku, quantity)))
    return picks


def scan(qtbot, panel, text: str, end: Qt.Key = Qt.Key.Key_Return) -> None:
    """What a barcode scanner does: type the code, press Enter (or Tab, as a shop may set it);
    then wait for the answer."""
    qtbot.keyClicks(panel.input, text)
    qtbot.keyClick(panel.input, end)
    qtbot.waitUntil(lambda: panel.settled)


def shown(panel) -> list[str]:
    return [p.sku for p in panel.model.products]


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
    qtbot.waitUntil(lambda: shown(panel) == ["AQUA-600", "TEH-BTL"])
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
    assert panel.input.text() == "", "the next scan must not be appended to the refused one"


@pytest.mark.parametrize("prefix", ["0*", "10000*"])
def test_a_quantity_out_of_range_is_refused_and_the_line_cleared(qtbot, panel, chosen, prefix):
    scan(qtbot, panel, prefix + product("AQUA-600").barcode)
    assert chosen == []
    assert panel.message.text() == "The quantity must be from 1 to 9999."
    assert panel.input.text() == "" and panel.input.hasFocus()
    scan(qtbot, panel, product("TEH-BTL").barcode)
    assert chosen == [("TEH-BTL", 1)]
    assert panel.message.isHidden()


def test_a_quantity_prefix_of_thousands_of_digits_is_out_of_range(qtbot, panel, chosen):
    """``int`` refuses more than 4300 digits: the prefix was a ValueError in the Enter slot."""
    panel.input.setText("9" * 4301 + "*" + product("AQUA-600").barcode)
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)
    assert chosen == []
    assert panel.message.text() == "The quantity must be from 1 to 9999."
    assert panel.input.text() == ""


def test_only_ascii_digits_make_a_quantity_prefix():
    assert split_quantity("٣*aqua") == (1, "٣*aqua")
    assert split_quantity("0003*aqua") == (3, "aqua")


def test_the_largest_quantity_is_taken(qtbot, panel, chosen):
    scan(qtbot, panel, "9999*" + product("AQUA-600").barcode)
    assert chosen == [("AQUA-600", 9999)]


def test_clicking_outside_a_tile_chooses_nothing(qtbot, panel, chosen):
    corner = panel.tiles.viewport().rect().bottomRight() - QPoint(2, 2)
    qtbot.mouseClick(panel.tiles.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    assert chosen == []


@pytest.fixture
def gated() -> GatedCatalog:
    return GatedCatalog(PRODUCTS)


@pytest.fixture
def gated_panel(qtbot, gated):
    made = ProductPanel(gated)
    made.resize(800, 600)
    show(qtbot, made)
    made.focus_input()
    qtbot.waitUntil(lambda: made.settled and made.model.rowCount() > 0)
    yield made
    for gate in gated.gates.values():
        gate.set()
    qtbot.waitUntil(lambda: made.settled)
    assert gated.on_gui_thread == []


def listings(panel) -> list[list[str]]:
    """Every list the tiles show from now on."""
    seen: list[list[str]] = []
    panel.model.modelReset.connect(lambda: seen.append(shown(panel)))
    return seen


def test_a_stale_search_answer_never_replaces_a_newer_one(qtbot, gated_panel, gated):
    panel = gated_panel
    seen = listings(panel)
    slow = gated.gate("lux")
    qtbot.keyClicks(panel.input, "lux")
    qtbot.waitUntil(lambda: gated.asked == ["lux"])
    panel.input.clear()
    qtbot.keyClicks(panel.input, "teh")
    qtbot.waitUntil(lambda: not panel._search_timer.isActive())
    slow.set()  # the answer for "lux" comes back after "teh" was typed
    qtbot.waitUntil(lambda: panel.settled and shown(panel) == ["TEH-BTL"])
    assert ["SABUN-LX"] not in seen
    assert gated.asked[0] == "lux" and gated.asked[-1] == "teh"


def test_a_search_answer_after_escape_leaves_the_category_tiles(qtbot, gated_panel, gated):
    panel = gated_panel
    category = shown(panel)
    slow = gated.gate("lux")
    qtbot.keyClicks(panel.input, "lux")
    qtbot.waitUntil(lambda: gated.asked == ["lux"])
    qtbot.keyClick(panel.input, Qt.Key.Key_Escape)
    slow.set()
    qtbot.waitUntil(lambda: panel.settled)
    assert shown(panel) == category and panel.input.text() == ""


def test_fast_scans_add_exactly_what_was_scanned_in_order(qtbot, gated_panel, gated):
    panel = gated_panel
    picks: list[tuple[str, int]] = []
    unknown: list[str] = []
    panel.product_chosen.connect(lambda p, quantity: picks.append((p.sku, quantity)))
    panel.unknown_code.connect(unknown.append)
    first = product("AQUA-600").barcode
    slow = gated.gate(first)  # the first look-up is slow: the others must wait their turn
    codes = [
        first,
        "2*" + product("TEH-BTL").barcode,
        "8990000000000",
        product("IDM-GRG").barcode,
        "SABUN-LX",
    ]
    for code in codes:
        qtbot.keyClicks(panel.input, code)
        qtbot.keyClick(panel.input, Qt.Key.Key_Return)
        assert panel.input.text() == "", "the line is free for the next scan at once"
    assert picks == []
    slow.set()
    qtbot.waitUntil(lambda: panel.settled)
    assert picks == [("AQUA-600", 1), ("TEH-BTL", 2), ("IDM-GRG", 1), ("SABUN-LX", 1)]
    assert unknown == ["8990000000000"]
    assert gated.asked[: len(codes)] == [split_quantity(code)[1] for code in codes]


def test_down_before_the_answer_moves_to_its_tiles(qtbot, gated_panel, gated):
    panel = gated_panel
    slow = gated.gate("indomie")
    qtbot.keyClicks(panel.input, "indomie")
    qtbot.keyClick(panel.input, Qt.Key.Key_Down)
    assert panel.input.hasFocus()
    slow.set()
    qtbot.waitUntil(lambda: panel.tiles.hasFocus())
    assert shown(panel) == ["IDM-GRG", "IDM-SOTO"]


@pytest.fixture
def store_panel(qtbot, tmp_path):
    """The panel over a real store: its barcode forms and its search, as at the counter."""
    store = TerminalStore(tmp_path / "kasir.db")
    store.products.upsert_many(PRODUCTS)
    made = ProductPanel(StoreCatalog(store, MeasureLayout()))
    show(qtbot, made)
    made.focus_input()
    qtbot.waitUntil(lambda: made.settled)
    yield made
    store.close()


def test_a_code_with_its_check_digit_wrong_is_told_so_and_adds_nothing(qtbot, panel, chosen):
    code = product("AQUA-600").barcode
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    scan(qtbot, panel, wrong)
    assert chosen == []
    assert panel.message.text() == (
        f"barcode {wrong} is not a valid EAN-13: its check digit is wrong. "
        "Scan it again or type it."
    )
    assert panel.input.text() == ""


def test_a_check_digit_wrong_after_an_aim_identifier_is_told_so(qtbot, store_panel):
    """The scanner sends ``]E0`` in front: the message names the check digit all the same."""
    code = product("AQUA-600").barcode
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    scan(qtbot, store_panel, "]E0" + wrong)
    qtbot.waitUntil(lambda: store_panel.message.isVisible())
    assert store_panel.message.text() == (
        f"barcode {wrong} is not a valid EAN-13: its check digit is wrong. "
        "Scan it again or type it."
    )


def test_a_scanner_ending_its_code_with_tab_adds_the_product(qtbot, panel, chosen):
    scan(qtbot, panel, product("TEH-BTL").barcode, end=Qt.Key.Key_Tab)
    scan(qtbot, panel, "2*SABUN-LX", end=Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: len(chosen) == 2)
    assert chosen == [("TEH-BTL", 1), ("SABUN-LX", 2)]
    assert panel.input.text() == "" and panel.input.hasFocus()


def test_tab_on_an_empty_line_moves_the_focus_as_usual(qtbot, panel, chosen):
    qtbot.keyClick(panel.input, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: panel.tiles.hasFocus())
    assert chosen == []


def test_digits_with_a_stray_character_are_a_code_never_a_search_hit(qtbot, store_panel):
    picks: list[str] = []
    store_panel.product_chosen.connect(lambda p, _quantity: picks.append(p.sku))
    code = product("AQUA-600").barcode
    for scanned in (code[:-1] + "#", "@" + code[:-1], code[:-1] + "\\"):
        scan(qtbot, store_panel, scanned)
        assert picks == [], scanned
        assert store_panel.message.text() == f"No product with code or name “{scanned}”."


def test_a_code_typed_in_groups_as_printed_adds_its_product(qtbot, store_panel):
    picks: list[str] = []
    store_panel.product_chosen.connect(lambda p, _quantity: picks.append(p.sku))
    code = product("AQUA-600").barcode
    scan(qtbot, store_panel, f"{code[0]} {code[1:7]} {code[7:]}")
    scan(qtbot, store_panel, f"2*{code[:4]}-{code[4:]}")
    assert picks == ["AQUA-600", "AQUA-600"]


def test_a_very_long_paste_is_named_cut_short_and_adds_nothing(qtbot, panel, chosen):
    panel.input.setText("ABC" * 5000)
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.settled and panel.message.isVisible())
    assert chosen == []
    assert panel.message.text() == f"No product with code or name “{'ABC' * 13}A…”."
    assert panel.input.text() == ""
