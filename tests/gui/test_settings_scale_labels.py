"""The scale's label layout in the back office's Settings tab: saved to ``[barcodes]`` as the file
would be checked, read at the counter once Kasir starts again, refused by field when wrong."""

import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pos_app.domain.barcodes import MeasureLayout, parse_prefixes
from pos_app.domain.catalog import Product
from pos_app.settings.terminal_config import load_settings
from pos_app.till.terminal import Terminal, open_terminal
from tests.gui.e2e import WAIT_MS, scan, sign_in
from tests.gui.test_back_office_admin import Till, no_user_config, save, till  # noqa: F401
from tests.gui.test_e2e_scale_labels import ean

PISANG = Product("BUAH-PSG", "Pisang Cavendish", 25_000, ean("231234500000"), "Buah")
"""Item code 12345 of a scale printing ``PP IIIII K VVVV C`` weight labels under prefix 23."""
LABEL = ean("231234580733")
"""``23 12345 8 0733 C``: 733 g (the verifier of 0733 is 8), Rp 18.325 at Rp 25.000/kg. Read by
the default layout it is a price label of Rp 80.733; without the verifier, 80,733 kg."""


@pytest.fixture
def restart(tmp_path: Path) -> Iterator[Callable[[Path], Terminal]]:
    """Kasir started again on a settings file, as a terminal of its own; asked for before
    ``start_app_on``, so it closes after the app that runs on it."""
    started: list[Terminal] = []

    def start(path: Path) -> Terminal:
        terminal = open_terminal(load_settings(path, env={}), tmp_path / "restarted.db")
        started.append(terminal)
        return terminal

    yield start
    for terminal in started:
        terminal.close()


PREFIX_KEYS = ("barcodes.price_prefixes", "barcodes.weight_prefixes", "barcodes.verified_prefixes")


def set_layout(made: Till, price: str, weight: str, verified: str, digits: int) -> None:
    fields = made.tab.fields
    for key, text in zip(PREFIX_KEYS, (price, weight, verified), strict=True):
        fields.line(key).setText(text)
    box = fields.combo("barcodes.verified_value_digits")
    box.setCurrentIndex(box.findData(digits))


def test_a_new_label_layout_is_saved_and_read_at_the_counter_after_a_restart(
    qtbot,
    restart: Callable[[Path], Terminal],
    start_app_on,
    till: Till,  # noqa: F811
) -> None:
    tab, fields = till.tab, till.tab.fields
    assert [fields.line(key).text() for key in PREFIX_KEYS] == ["20-24", "25-29", ""], (
        "the file has no [barcodes]: the defaults, written as the settings file documents them"
    )
    assert fields.combo("barcodes.verified_value_digits").currentData() == 5
    assert tab.layout_note.isHidden()

    set_layout(till, "20", "23-29", "23", 4)
    assert not tab.layout_note.isHidden(), "a shop switching the value's digits is told"
    assert "enter the scale's products again" in tab.layout_note.text()
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.status.text().startswith("Saved to"), timeout=WAIT_MS)
    assert "Restart Kasir to use the new settings" in tab.status.text()

    layout = MeasureLayout(parse_prefixes("20"), parse_prefixes("23-29"), parse_prefixes("23"), 4)
    assert load_settings(till.path, env={}).barcodes == layout
    assert tomllib.loads(till.path.read_text("utf-8"))["barcodes"] == {
        "price_prefixes": "20",
        "weight_prefixes": "23-29",
        "verified_prefixes": "23",
        "verified_value_digits": 4,
    }
    (change,) = till.actions("settings.change")
    assert {
        "barcodes.price_prefixes",
        "barcodes.weight_prefixes",
        "barcodes.verified_prefixes",
        "barcodes.verified_value_digits",
    } <= set(change.detail["keys"])
    assert till.terminal.settings.barcodes == MeasureLayout(), "the running till keeps its own"

    restarted = restart(till.path)
    restarted.store.users.add_user("Budi", "cashier", "1111")
    restarted.store.products.upsert_many([PISANG])
    app = start_app_on(restarted)
    sign_in(qtbot, app)
    scan(qtbot, app, LABEL)
    assert [
        (line.sku, line.name, line.unit_price, line.quantity)
        for line in app.window.basket_model.basket
    ] == [("BUAH-PSG", "Pisang Cavendish 0,733 kg × Rp 25.000/kg", 18_325, 1)]


@pytest.mark.parametrize(
    ("layout", "problems"),
    [
        (
            ("25-2x", "25-29", "", 5),
            [
                "Prefixes of price labels (barcodes.price_prefixes): expected prefixes from 20 "
                "to 29 such as 20-24 or 20,21, got '25-2x'"
            ],
        ),
        (
            ("20-26", "25-29", "", 5),
            [
                "Prefixes of price labels (barcodes.price_prefixes): prefixes 25,26 cannot carry "
                "both a price and a weight",
                "Prefixes of weight labels (barcodes.weight_prefixes): prefixes 25,26 cannot "
                "carry both a price and a weight",
            ],
        ),
        (
            ("20-24", "25-28", "28-29", 4),
            [
                "Prefixes with a verifier digit (barcodes.verified_prefixes): prefixes 29 carry a "
                "verifier digit but neither a price nor a weight"
            ],
        ),
    ],
)
def test_a_wrong_label_layout_is_named_at_its_field_and_nothing_is_saved(
    qtbot,
    till: Till,  # noqa: F811
    layout: tuple[str, str, str, int],
    problems: list[str],
) -> None:
    before = till.path.read_bytes()
    set_layout(till, *layout)
    save(qtbot, till.tab)
    assert till.tab.problems.text().splitlines() == problems
    assert till.tab.status.text() == "Nothing was saved: correct what is listed below."
    assert till.path.read_bytes() == before and till.actions("settings.change") == []


def test_an_emptied_prefix_field_means_no_such_labels_not_the_default(
    qtbot,
    till: Till,  # noqa: F811
) -> None:
    """The settings file's ``""`` is none; a removed key would be 25-29 again."""
    set_layout(till, "20-29", "", "", 5)
    till.tab.save_button.click()
    qtbot.waitUntil(lambda: till.tab.status.text().startswith("Saved to"), timeout=WAIT_MS)
    saved = load_settings(till.path, env={}).barcodes
    assert (saved.price_prefixes, saved.weight_prefixes) == (parse_prefixes("20-29"), frozenset())
    assert till.tab.layout_note.isHidden(), "the value's digits did not change"
