"""What no scanner sends for a good code (a control character inside it, digits other than ASCII
0-9, more than any code holds) finds no product, not even the one whose code it nearly is; the
Enter or Tab a scanner ends with, and spaces, are no part of the code."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.barcodes import MeasureLayout, carried_forms, read_label, scan_forms
from pos_app.domain.catalog import Product
from pos_app.domain.scan_input import is_scanned_code
from pos_app.store.products import Products
from pos_app.store.terminal_store import TerminalStore

EAN13 = "8991002101203"
LABEL = "2512345007333"
"""A weight label (733 g) of the item 2512345000006."""


@pytest.fixture
def products(tmp_path: Path) -> Iterator[Products]:
    store = TerminalStore(tmp_path / "kasir.db")
    store.products.upsert_many(
        [
            Product("KOPI", "Kopi", 12_000, barcode=EAN13),
            Product("PISANG", "Pisang", 25_000, barcode="2512345000006"),
        ]
    )
    yield store.products
    store.close()


@pytest.mark.parametrize("ending", ["\n", "\r", "\t", "\r\n", " "])
def test_the_key_a_scanner_ends_with_is_no_part_of_the_code(
    products: Products, ending: str
) -> None:
    found = products.find_by_code(EAN13 + ending)
    assert found is not None and found.sku == "KOPI"
    assert is_scanned_code(EAN13 + ending)
    scan = read_label(LABEL + ending, MeasureLayout())
    assert scan is not None and scan.value == 733


@pytest.mark.parametrize(
    "scanned",
    [
        EAN13 + "\x00",
        "\x1b" + EAN13,
        EAN13[:6] + "\n" + EAN13[6:],
        EAN13[:6] + "\u200b" + EAN13[6:],  # a zero-width space
        "８９９１００２１０１２０３",  # full-width digits
        "٨٩٩١٠٠٢١٠١٢٠٣",  # Arabic-Indic digits
        EAN13 + "1",  # one digit too many: an in-store code no product has
        EAN13 * 3,
        "8" * 100_000,
        EAN13[:-1],  # the check digit missed
    ],
)
def test_a_nearly_right_code_finds_no_product(products: Products, scanned: str) -> None:
    assert EAN13 not in scan_forms(scanned) + carried_forms(scanned)
    assert products.find_by_code(scanned) is None
    assert read_label(scanned.replace(EAN13, LABEL), MeasureLayout()) is None
