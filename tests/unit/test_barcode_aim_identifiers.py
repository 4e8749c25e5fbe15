"""A scanner that sends AIM symbology identifiers says what it read: ``]E4`` an EAN-8, ``]E0`` an
EAN-13, UPC-A or UPC-E, ``]E1``/``]E2`` an add-on alone, ``]E3`` a code with its add-on, ``]C1``,
``]e0``, ``]d2`` and ``]Q3`` a GS1 element string. Eight digits that are both a valid EAN-8 and
a valid UPC-E are read as the one the scanner names; a code the identifier cannot be finds
nothing rather than another product."""

from pathlib import Path

import pytest

from pos_app.domain.barcodes import is_valid_gs1, is_valid_upce, scan_forms, upce_to_upca
from pos_app.domain.catalog import Product
from pos_app.domain.scan_input import is_scanned_code
from pos_app.store.terminal_store import TerminalStore

BOTH = "01234565"
"""A valid EAN-8 and a valid UPC-E (of the UPC-A 012345000065)."""
UPCE_ONLY = "04252614"
EAN8_ONLY = "96385074"
EAN13 = "8991002101203"


def test_the_sample_codes_are_what_they_are_said_to_be() -> None:
    assert is_valid_gs1(BOTH, 8) and is_valid_upce(BOTH)
    assert is_valid_upce(UPCE_ONLY) and not is_valid_gs1(UPCE_ONLY, 8)
    assert is_valid_gs1(EAN8_ONLY, 8) and not is_valid_upce(EAN8_ONLY)


def test_e4_reads_eight_digits_as_the_ean_8_only() -> None:
    assert scan_forms("]E4" + BOTH) == (BOTH,)
    assert scan_forms("]E4" + EAN8_ONLY) == (EAN8_ONLY,)
    assert scan_forms("]E4" + UPCE_ONLY) == ()
    assert scan_forms("]E4" + EAN13) == ()


def test_e0_reads_eight_digits_as_the_upc_e_only() -> None:
    upca = upce_to_upca(BOTH)
    assert scan_forms("]E0" + BOTH) == (BOTH, "0" + upca)
    assert scan_forms("]E0" + UPCE_ONLY) == ("0" + upce_to_upca(UPCE_ONLY),)
    assert scan_forms("]E0" + EAN8_ONLY) == ()
    assert scan_forms("]E0" + EAN13) == (EAN13,)


@pytest.mark.parametrize("scanned", ["]E212345", "]E105", "]E3" + EAN13 + "05"])
def test_an_add_on_is_never_looked_up_as_an_in_store_code(scanned: str) -> None:
    assert scan_forms(scanned) == ()


@pytest.mark.parametrize("identifier", ["]C1", "]e0", "]d2", "]Q3"])
def test_a_gs1_element_string_is_never_looked_up_as_an_in_store_code(identifier: str) -> None:
    assert scan_forms(identifier + "010" + EAN13) == ()


def test_an_identifier_of_another_symbology_leaves_an_in_store_code_as_it_is() -> None:
    assert scan_forms("]C0KOPI-250") == ("KOPI-250",)
    assert scan_forms("]A0KOPI-250") == ("KOPI-250",)


def test_an_ean_8_scanned_with_e4_never_finds_the_upc_a_kept_under_its_13_digits(
    tmp_path: Path,
) -> None:
    """Kept so by an older version: the 8 digits on one product, the UPC-A they expand to on
    another (the upgrade leaves both so when both were taken)."""
    store = TerminalStore(tmp_path / "kasir.db")
    try:
        upca13 = "0" + upce_to_upca(BOTH)
        store.repositories().db.execute(
            "INSERT INTO products (sku, barcode, name, price, updated_at) VALUES "
            f"('PERMEN', '{upca13}', 'Permen impor', 4000, '2026-11-21T01:00:00.000Z')"
        )
        store.repositories().db.conn.commit()
        assert store.products.find_by_code("]E4" + BOTH) is None
        found = store.products.find_by_code("]E0" + BOTH)
        assert found is not None and found.sku == "PERMEN"
        store.products.upsert_many([Product("COKLAT", "Coklat", 3_000, barcode=EAN8_ONLY)])
        assert store.products.find_by_code("]E0" + EAN8_ONLY) is None
        found = store.products.find_by_code("]E4" + EAN8_ONLY)
        assert found is not None and found.sku == "COKLAT"
    finally:
        store.close()


@pytest.mark.parametrize("scanned", ["]E0" + EAN13, " ]E0" + EAN13 + "\t", "]E4" + EAN8_ONLY])
def test_a_scan_with_its_identifier_in_the_cash_field_is_a_scan_not_an_amount(
    scanned: str,
) -> None:
    assert is_scanned_code(scanned)
