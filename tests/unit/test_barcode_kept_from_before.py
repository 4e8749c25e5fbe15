"""Fourteen digits with their check digit wrong are a mistyped or misread GTIN-14: the store and
the import refuse them given anew, as they refuse digits in groups with a wrong check digit,
while a product an older version kept under them (as an in-store code) keeps them."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.barcodes import gs1_check_digit, kept_from_before
from pos_app.domain.catalog import Product
from pos_app.domain.catalog_csv import CatalogImportError
from pos_app.domain.errors import ValidationError
from pos_app.reports.products_csv import read_catalog_csv
from pos_app.store.terminal_store import TerminalStore
from tests.unit.test_same_gtin import write_csv

BODY = "1899100210120"
CASE = BODY + gs1_check_digit(BODY)
WRONG, OTHER_WRONG = (BODY + str((int(gs1_check_digit(BODY)) + n) % 10) for n in (1, 2))
"""A case's GTIN-14 with its last digit off: an in-store code to an older version."""
REFUSED = "barcode {code} is not a valid GTIN-14: its check digit is wrong"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TerminalStore]:
    """A store whose product LAMA an older version kept under :data:`WRONG`."""
    path = tmp_path / "kasir.db"
    TerminalStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO products (sku, barcode, name, price, updated_at) "
        "VALUES ('LAMA', ?, 'Kopi sedus', 280000, '2026-11-21T01:00:00.000Z')",
        [WRONG],
    )
    conn.commit()
    conn.close()
    made = TerminalStore(path)
    yield made
    made.close()


def test_only_the_wrong_check_digit_is_kept_from_before() -> None:
    assert kept_from_before(WRONG) and not kept_from_before(CASE)


def test_the_store_refuses_them_given_anew(store: TerminalStore) -> None:
    refused = f"product BARU: {REFUSED.format(code=OTHER_WRONG)}"
    with pytest.raises(ValidationError, match=refused):
        store.products.upsert_many([Product("BARU", "Kopi lain", 1000, barcode=OTHER_WRONG)])
    assert store.products.get("BARU") is None
    store.products.upsert_many([Product("BARU", "Kopi lain", 1000, barcode=CASE)])


def test_the_store_keeps_them_on_the_product_that_has_them(store: TerminalStore) -> None:
    store.products.upsert_many([Product("LAMA", "Kopi sedus", 290_000, barcode=WRONG)])
    kept = store.products.find_by_code(WRONG)
    assert kept is not None and (kept.sku, kept.price) == ("LAMA", 290_000)


def test_the_import_refuses_them_given_anew(tmp_path: Path, store: TerminalStore) -> None:
    """Without the shop's products, or on another product than the one that has them."""
    path = write_csv(
        tmp_path / "catalog.csv",
        f"LAMA,{WRONG},Kopi sedus,Minuman,290000",
        f"BARU,{OTHER_WRONG},Kopi lain,Minuman,1000",
    )
    with pytest.raises(CatalogImportError) as refused:
        read_catalog_csv(path)
    assert refused.value.problems == [
        (2, REFUSED.format(code=WRONG)),
        (3, REFUSED.format(code=OTHER_WRONG)),
    ]
    with pytest.raises(CatalogImportError) as refused:
        read_catalog_csv(path, owner=store.products.owner_of_barcode)
    assert refused.value.problems == [(3, REFUSED.format(code=OTHER_WRONG))]


def test_the_import_keeps_them_on_the_product_that_has_them(
    tmp_path: Path, store: TerminalStore
) -> None:
    path = write_csv(tmp_path / "catalog.csv", f"LAMA,{WRONG},Kopi sedus,Minuman,290000")
    [product] = read_catalog_csv(path, owner=store.products.owner_of_barcode)
    assert (product.sku, product.barcode) == ("LAMA", WRONG)
