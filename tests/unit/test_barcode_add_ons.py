"""A magazine's or book's 2- or 5-digit add-on is read past, never looked up: the EAN-13, UPC-A
or UPC-E before it finds the product (GS1 lets an add-on follow those three only), whether the
scanner sends it as digits after the code, after an ``]E3`` identifier, or as a second packet
(``]E0…]E2…``); the add-on alone finds nothing."""

from pathlib import Path

import pytest

from pos_app.domain.barcodes import carried_forms, gs1_check_digit
from pos_app.domain.catalog import Product
from pos_app.domain.scan_input import is_scanned_code
from pos_app.store.terminal_store import TerminalStore

ISBN = "9786020332956"
"""A book's ISBN as its EAN-13 (prefix 978)."""
UPCA = "036000291452"
UPCE = "04252614"


@pytest.mark.parametrize(
    "scanned",
    [
        UPCA + "05",
        UPCA + "12345",
        "]E3" + UPCA + "05",
        "]E3" + "0" + UPCA + "12345",
        "]E0" + UPCA + "]E212345",
        "]E0" + "0" + UPCA + "]E105",
    ],
)
def test_a_upc_a_before_an_add_on_is_carried(scanned: str) -> None:
    assert carried_forms(scanned) == ("0" + UPCA,)


@pytest.mark.parametrize("scanned", ["]E3" + UPCE + "05", "]E3" + UPCE + "12345"])
def test_a_upc_e_before_an_add_on_is_carried_when_the_scanner_says_so(scanned: str) -> None:
    assert carried_forms(scanned) == ("0042100005264",)


def test_an_ean_8_never_carries_an_add_on() -> None:
    """GS1 gives add-ons to EAN-13, UPC-A and UPC-E only: ten digits are an in-store code."""
    ean8 = "96385074"
    assert carried_forms(ean8 + "05") == ()
    assert carried_forms("]E3" + ean8 + "05") == ()


def test_the_add_on_alone_or_with_a_wrong_main_check_digit_carries_nothing() -> None:
    wrong = UPCA[:-1] + str((int(UPCA[-1]) + 1) % 10)
    for scanned in ("]E212345", "]E105", wrong + "05", wrong + "12345", "]E3" + wrong + "05"):
        assert carried_forms(scanned) == (), scanned


def test_a_book_with_its_price_add_on_is_found_and_so_is_a_can_with_one(tmp_path: Path) -> None:
    assert gs1_check_digit(ISBN[:-1]) == ISBN[-1]
    store = TerminalStore(tmp_path / "kasir.db")
    try:
        store.products.upsert_many(
            [
                Product("BUKU", "Buku", 89_000, barcode=ISBN),
                Product("COLA", "Cola", 9_000, barcode=UPCA),
                Product("ADDON", "Kode toko", 1_000, barcode="12345"),
            ]
        )
        expected = {
            ISBN + "52499": "BUKU",
            "]E3" + ISBN + "52499": "BUKU",
            "]E0" + ISBN + "]E252499": "BUKU",
            UPCA + "12345": "COLA",
        }
        for scanned, sku in expected.items():
            found = store.products.find_by_code(scanned)
            assert found is not None and found.sku == sku, scanned
        assert store.products.find_by_code("]E212345") is None, "the add-on is no in-store code"
    finally:
        store.close()


def test_a_code_with_its_add_on_in_the_cash_field_is_a_scan_not_an_amount() -> None:
    assert is_scanned_code(ISBN + "52499")
    assert is_scanned_code("]E3" + ISBN + "05")
