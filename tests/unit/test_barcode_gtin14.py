"""A bare GTIN-14, as an ITF-14 on a case or a supplier's list gives it, is a GS1 code, never an
in-store code: with indicator 0 it is the retail item's own GTIN (an EAN-13, a UPC-A behind
another 0, an EAN-8 behind six zeros) and finds that product; with indicator 1-9 it names the
case itself, found only where the shop keeps a product under those 14 digits."""

from pathlib import Path

import pytest

from pos_app.domain.barcodes import (
    Symbology,
    carried_forms,
    check_new_barcode,
    gs1_check_digit,
    kept_from_before,
    scan_forms,
    stored_form,
    symbology,
)
from pos_app.domain.catalog import Product
from pos_app.domain.errors import ValidationError
from pos_app.domain.scan_input import is_scanned_code
from pos_app.store.terminal_store import TerminalStore

EAN13 = "8991002101203"
UPCA = "036000291452"
EAN8 = "96385074"
CASE = "1" + EAN13[:-1] + gs1_check_digit("1" + EAN13[:-1])
"""A case of the EAN-13 item: indicator 1, its own check digit."""
WRONG = CASE[:-1] + str((int(CASE[-1]) + 1) % 10)


def test_a_gtin_14_with_its_check_digit_right_is_a_gs1_code() -> None:
    assert symbology(CASE) is Symbology.GTIN14
    assert symbology("0" + EAN13) is Symbology.GTIN14
    assert is_scanned_code(CASE), "14 digits in the cash field were scanned"


@pytest.mark.parametrize(
    ("gtin14", "retail"),
    [
        ("0" + EAN13, EAN13),
        ("00" + UPCA, "0" + UPCA),
        ("000000" + EAN8, EAN8),
    ],
)
def test_indicator_0_is_the_retail_item_kept_and_found_as_its_own_code(
    gtin14: str, retail: str
) -> None:
    assert stored_form(gtin14) == retail
    assert Product("X-1", "Barang", 1000, barcode=gtin14).barcode == retail
    assert scan_forms(gtin14)[0] == retail
    assert scan_forms(gtin14)[-1] == gtin14, "kept whole by an older version: still found"


def test_another_indicator_names_the_case_itself() -> None:
    assert stored_form(CASE) == CASE
    assert scan_forms(CASE) == (CASE,)
    assert carried_forms("01" + CASE) == (CASE,), "a GS1-128 on the case finds a case product"
    assert scan_forms(EAN13) == (EAN13,), "the item's own code never finds its case"


def test_fourteen_digits_with_a_wrong_check_digit_are_refused_when_given_anew() -> None:
    """An older version kept them as an in-store code, so such a product still opens and is
    still found; given anew they are refused by name."""
    assert kept_from_before(WRONG) and not kept_from_before(CASE)
    assert stored_form(WRONG) == WRONG
    with pytest.raises(ValidationError, match=f"barcode {WRONG} is not a valid GTIN-14"):
        check_new_barcode(WRONG)
    check_new_barcode(CASE)


def test_the_itf_14_of_an_item_finds_the_product_and_the_case_code_its_case(
    tmp_path: Path,
) -> None:
    store = TerminalStore(tmp_path / "kasir.db")
    try:
        store.products.upsert_many(
            [
                Product("KOPI", "Kopi", 12_000, barcode=EAN13),
                Product("KOPI-DUS", "Kopi sedus", 280_000, barcode=CASE),
                Product("COLA", "Cola", 9_000, barcode=UPCA),
            ]
        )
        expected = {
            "0" + EAN13: "KOPI",
            "]I1" + "0" + EAN13: "KOPI",
            CASE: "KOPI-DUS",
            "]I1" + CASE: "KOPI-DUS",
            "00" + UPCA: "COLA",
        }
        for scanned, sku in expected.items():
            found = store.products.find_by_code(scanned)
            assert found is not None and found.sku == sku, scanned
        with pytest.raises(ValidationError, match="already belongs to product KOPI"):
            store.products.upsert_many([Product("KOPI-2", "Kopi lagi", 12_000, "0" + EAN13)])
    finally:
        store.close()
