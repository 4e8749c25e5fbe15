"""UPC-E carries a GTIN-12 whose U.P.C. prefix is 0 only (GS1 General Specifications, 2.1.3.3:
"Some GTIN-12s beginning with the U.P.C. Prefix 0 may be represented in a small symbol called
the UPC-E barcode"). Eight digits starting with another digit are an EAN-8 or no code, and a
UPC-A starting with 1 is never kept as, nor found by, 8 digits that are another GTIN-8."""

from pathlib import Path

import pytest

from pos_app.domain.barcodes import (
    Symbology,
    is_valid_gs1,
    is_valid_upce,
    scan_forms,
    stored_form,
    symbology,
    upce_to_upca,
)
from pos_app.domain.catalog import Product
from pos_app.domain.errors import ValidationError
from pos_app.store.terminal_store import TerminalStore

SYSTEM_ONE = "10000016"
"""Would expand to the UPC-A 100100000006 by the zero-suppression rules, but is no UPC-E (number
system 1), nor a valid EAN-8."""
EAN8 = "12345670"
"""A valid EAN-8 (a GTIN-8 of its own) whose digits, read as a number-system-1 UPC-E, would
expand to the UPC-A below."""
UPCA = "123456000070"
"""A GTIN-12 with U.P.C. prefix 1: only ever a UPC-A, kept as its EAN-13."""


def test_eight_digits_starting_with_1_are_no_upc_e() -> None:
    assert upce_to_upca(SYSTEM_ONE) == "100100000006", "the expansion alone is only arithmetic"
    assert not is_valid_upce(SYSTEM_ONE)
    with pytest.raises(ValidationError, match=r"nor a UPC-E: .* a UPC-E starts with 0"):
        symbology(SYSTEM_ONE)
    with pytest.raises(ValidationError, match="product X-1: barcode 10000016 is neither"):
        Product("X-1", "Barang", 1000, barcode=SYSTEM_ONE)
    assert scan_forms(SYSTEM_ONE) == ()
    assert scan_forms("]E0" + SYSTEM_ONE) == ()


def test_an_ean_8_starting_with_1_is_that_ean_8_alone() -> None:
    assert is_valid_gs1(EAN8, 8) and not is_valid_upce(EAN8)
    assert symbology(EAN8) is Symbology.EAN8
    assert scan_forms(EAN8) == (EAN8,)


def test_a_upc_a_with_prefix_1_is_kept_as_its_ean_13_never_as_an_ean_8() -> None:
    assert symbology(UPCA) is Symbology.UPCA
    assert stored_form(UPCA) == "0" + UPCA
    assert scan_forms(UPCA) == ("0" + UPCA,)
    assert scan_forms("0" + UPCA) == ("0" + UPCA,)


def test_the_ean_8_and_the_upc_a_are_two_products_each_found_by_its_own_code(
    tmp_path: Path,
) -> None:
    store = TerminalStore(tmp_path / "kasir.db")
    try:
        store.products.upsert_many(
            [
                Product("PERMEN", "Permen", 1_000, barcode=EAN8),
                Product("SABUN", "Sabun impor", 25_000, barcode=UPCA),
            ]
        )
        for scanned, sku in ((EAN8, "PERMEN"), (UPCA, "SABUN"), ("0" + UPCA, "SABUN")):
            found = store.products.find_by_code(scanned)
            assert found is not None and found.sku == sku, scanned
    finally:
        store.close()
