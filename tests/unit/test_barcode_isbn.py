"""Books and magazines: a book carries its ISBN as an EAN-13 (prefix 978 or 979), a magazine its
ISSN as an EAN-13 (prefix 977), each often with a 2- or 5-digit add-on after it. Some scanners
are set to send a book's ISBN-10 instead (Datalogic's ``]X0``): it finds the book kept under its
EAN-13, once no product has those ten characters as its own code."""

from pathlib import Path

import pytest

from pos_app.domain.barcodes import carried_forms, gs1_check_digit, scan_forms
from pos_app.domain.catalog import Product
from pos_app.store.terminal_store import TerminalStore

ISBN10, BOOK = "0306406152", "9780306406157"
ISBN10_X, BOOK_X = "080442957X", "9780804429573"
"""An ISBN-10 whose check character is X (10)."""
MAGAZINE = "97703178470" + "0" + gs1_check_digit("977031784700")
"""ISSN 0317-8471 as its EAN-13: 977, the ISSN without its check digit, 00, the EAN check."""


@pytest.mark.parametrize(
    ("scanned", "ean"),
    [
        (ISBN10, BOOK),
        ("]X0" + ISBN10, BOOK),
        (ISBN10_X, BOOK_X),
        (ISBN10_X.lower(), BOOK_X),
        ("]X0" + ISBN10_X, BOOK_X),
    ],
)
def test_an_isbn_10_carries_the_books_ean_13(scanned: str, ean: str) -> None:
    assert carried_forms(scanned) == (ean,)


@pytest.mark.parametrize("scanned", ["0306406153", "030640615X", "03064061520", "X306406152"])
def test_ten_characters_that_are_no_isbn_10_carry_nothing(scanned: str) -> None:
    assert carried_forms(scanned) == ()


def test_a_magazines_issue_add_on_is_read_past() -> None:
    assert scan_forms(MAGAZINE) == (MAGAZINE,)
    assert carried_forms(MAGAZINE + "05") == (MAGAZINE,)
    assert carried_forms("]E3" + MAGAZINE + "05") == (MAGAZINE,)


def test_the_book_is_found_by_its_isbn_10_and_an_in_store_code_of_those_digits_first(
    tmp_path: Path,
) -> None:
    store = TerminalStore(tmp_path / "kasir.db")
    try:
        store.products.upsert_many(
            [
                Product("BUKU", "Buku", 89_000, barcode=BOOK),
                Product("BUKU-X", "Buku lain", 75_000, barcode=BOOK_X),
                Product("RAK", "Rak", 150_000, barcode=ISBN10),
            ]
        )
        for scanned, sku in (("]X0" + ISBN10_X, "BUKU-X"), (ISBN10, "RAK"), (BOOK, "BUKU")):
            found = store.products.find_by_code(scanned)
            assert found is not None and found.sku == sku, scanned
    finally:
        store.close()
