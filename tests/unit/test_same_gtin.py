"""One scan, one product: codes that are the same GTIN in another form (a UPC-A and its EAN-13,
a UPC-E and its UPC-A, two UPC-Es of one UPC-A, a code written in groups as printed under its
bars) are one barcode to the store, the import and the scan; an EAN-8 is its own GTIN-8 and
never the EAN-13 its digits make padded with zeros."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.domain.barcodes import (
    check_new_barcode,
    is_valid_gs1,
    is_valid_upce,
    scan_forms,
    stored_form,
    upce_to_upca,
)
from pos_app.domain.catalog import Product
from pos_app.domain.catalog_csv import CatalogImportError
from pos_app.domain.errors import ValidationError
from pos_app.reports.products_csv import read_catalog_csv
from pos_app.store.database import open_database
from pos_app.store.products import BarcodeConflict, Products
from pos_app.store.terminal_store import TerminalStore

CANONICAL_UPCE, ODD_UPCE = "00001649", "00001069"
"""Two UPC-Es of one UPC-A, each a valid EAN-8 too, so each is kept as its 8 digits: GS1's form
(rule 4, the manufacturer's number ends in one 0) and one rule 5-9 reads the same way."""
THEIR_UPCA = "000010000069"
EAN8, PADDED = "96385074", "0000096385074"
"""GS1's sample EAN-8, and the EAN-13 its digits make with five zeros in front."""
COFFEE = "8991002101203"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def insert_raw(db: Database, *rows: tuple[str, str]) -> None:
    """Products as an older version kept them, past today's rules (stored forms as they were)."""
    for sku, barcode in rows:
        db.execute(
            "INSERT INTO products (sku, barcode, name, price, updated_at) "
            "VALUES (?, ?, ?, 5000, '2026-11-21T01:00:00.000Z')",
            [sku, barcode, f"Barang {sku}"],
        )
    db.conn.commit()


def test_two_upc_es_of_one_upc_a_are_one_code() -> None:
    assert upce_to_upca(CANONICAL_UPCE) == upce_to_upca(ODD_UPCE) == THEIR_UPCA
    for code in (CANONICAL_UPCE, ODD_UPCE):
        assert is_valid_gs1(code, 8) and is_valid_upce(code), code
    assert stored_form(THEIR_UPCA) == CANONICAL_UPCE
    assert stored_form(ODD_UPCE) == ODD_UPCE, "an EAN-8 keeps its 8 digits"
    assert CANONICAL_UPCE in scan_forms(ODD_UPCE) and ODD_UPCE in scan_forms(CANONICAL_UPCE)


def test_a_second_upc_e_of_a_kept_upc_a_is_refused_naming_its_product(db: Database) -> None:
    products = Products(db)
    products.upsert_many([Product("PERMEN", "Permen mint", 2000, barcode=ODD_UPCE)])
    for other in (CANONICAL_UPCE, THEIR_UPCA, "0" + THEIR_UPCA):
        with pytest.raises(
            ValidationError,
            match=f"barcode {CANONICAL_UPCE} is the same code as {ODD_UPCE}, which belongs to "
            "product PERMEN",
        ):
            products.upsert_many([Product("PERMEN-2", "Permen mint lagi", 2000, barcode=other)])
    assert products.get("PERMEN-2") is None
    for scanned in (CANONICAL_UPCE, ODD_UPCE, THEIR_UPCA, "0" + THEIR_UPCA):
        assert products.find_by_code(scanned).sku == "PERMEN", scanned


def test_the_same_product_may_keep_or_change_its_form_and_two_may_swap(db: Database) -> None:
    products = Products(db)
    products.upsert_many([Product("PERMEN", "Permen mint", 2000, barcode=ODD_UPCE)])
    products.upsert_many([Product("PERMEN", "Permen mint", 2500, barcode=THEIR_UPCA)])
    assert products.get("PERMEN").barcode == CANONICAL_UPCE
    products.upsert_many([Product("KOPI", "Kopi", 9000, barcode=COFFEE)])
    products.upsert_many(
        [
            Product("PERMEN", "Permen mint", 2500, barcode=COFFEE),
            Product("KOPI", "Kopi", 9000, barcode=ODD_UPCE),
        ]
    )
    assert products.find_by_code(THEIR_UPCA).sku == "KOPI"


def test_a_code_kept_by_an_older_version_in_its_13_digits_is_still_taken(db: Database) -> None:
    """Its 8-digit form is free, so the unique barcode alone would let a second product in."""
    insert_raw(db, ("SODA", "0" + THEIR_UPCA))
    products = Products(db)
    with pytest.raises(ValidationError, match="which belongs to product SODA"):
        products.upsert_many([Product("SODA-2", "Soda lagi", 8000, barcode=CANONICAL_UPCE)])
    assert products.owner_of_barcode(CANONICAL_UPCE) == "SODA"


def test_a_pair_kept_before_is_found_the_same_way_every_time_and_listed(db: Database) -> None:
    """8 digits scanned find the product kept under them; a UPC-A or its EAN-13 scanned finds the
    one under its stored form (GS1's UPC-E), never the one under its 13 digits from before."""
    insert_raw(
        db,
        ("OLD-A", "0" + THEIR_UPCA),
        ("OLD-E", CANONICAL_UPCE),
        ("OLD-ODD", ODD_UPCE),
        ("KOPI", COFFEE),
    )
    products = Products(db)
    expected = {
        THEIR_UPCA: "OLD-E",
        "0" + THEIR_UPCA: "OLD-E",
        CANONICAL_UPCE: "OLD-E",
        ODD_UPCE: "OLD-ODD",
    }
    for _ in range(3):
        assert {code: products.find_by_code(code).sku for code in expected} == expected
    assert products.barcode_conflicts() == [
        BarcodeConflict(("OLD-A", "OLD-E"), ("0" + THEIR_UPCA, CANONICAL_UPCE)),
        BarcodeConflict(("OLD-A", "OLD-ODD"), ("0" + THEIR_UPCA, ODD_UPCE)),
        BarcodeConflict(("OLD-E", "OLD-ODD"), (CANONICAL_UPCE, ODD_UPCE)),
    ]
    with pytest.raises(ValidationError, match="belongs to product OLD-E"):
        products.upsert_many([replace_price(products.get("OLD-A"), 6000)])


def replace_price(product: Product | None, price: int) -> Product:
    assert product is not None
    return Product(product.sku, product.name, price, barcode=product.barcode)


def test_a_catalogue_without_such_pairs_lists_none(db: Database) -> None:
    products = Products(db)
    products.upsert_many(
        [
            Product("A", "A", 1000, barcode=ODD_UPCE),
            Product("B", "B", 1000, barcode=EAN8),
            Product("C", "C", 1000, barcode=PADDED),
            Product("D", "D", 1000, barcode="0036000291452"),
        ]
    )
    assert products.barcode_conflicts() == []


def test_an_ean_8_is_never_the_ean_13_its_digits_make_with_zeros_in_front(db: Database) -> None:
    assert PADDED not in scan_forms(EAN8) and EAN8 not in scan_forms(PADDED)
    products = Products(db)
    products.upsert_many(
        [
            Product("GUM", "Permen karet", 1000, barcode=EAN8),
            Product("PAD", "Barang lain", 1000, barcode=PADDED),
        ]
    )
    assert products.find_by_code(EAN8).sku == "GUM"
    assert products.find_by_code(PADDED).sku == "PAD"
    assert products.find_by_code("0" + PADDED[1:]).sku == "PAD"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("8 991002 101203", COFFEE),  # as printed under an EAN-13
        ("899-1002-101203", COFFEE),
        ("0 36000 29145 2", "0036000291452"),  # as printed under a UPC-A
        ("9638-5074", EAN8),
        ("0 425261 4", "0042100005264"),  # a UPC-E
    ],
)
def test_a_code_written_in_groups_is_that_code(written: str, code: str) -> None:
    assert stored_form(written) == code
    assert scan_forms(written)[0] == code
    assert Product("X", "Barang", 1000, barcode=written).barcode == code


def test_a_code_in_groups_with_its_check_digit_wrong_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a valid EAN-13: its check digit is wrong"):
        stored_form("8 991002 101204")
    with pytest.raises(ValidationError, match="not a valid EAN-13: its check digit is wrong"):
        check_new_barcode(stored_form("899-1002-101204"))
    check_new_barcode("KOPI-TORAJA-250")
    check_new_barcode("2024-01")  # digits in groups, too few for a GS1 code: in-store


def test_the_store_refuses_a_new_code_in_groups_with_a_wrong_check_digit_but_keeps_an_old_one(
    db: Database,
) -> None:
    """An older version kept such a code as an in-store code: that product still opens, is
    found by it and saved with it; a product given it anew is refused."""
    insert_raw(db, ("LAMA", "899-1002-101204"))
    products = Products(db)
    kept = products.find_by_code("899-1002-101204")
    assert kept is not None and kept.barcode == "899-1002-101204"
    products.upsert_many([replace_price(kept, 6000)])
    with pytest.raises(ValidationError, match="product BARU: barcode 8991002101204 is not a valid"):
        products.upsert_many([Product("BARU", "Baru", 1000, barcode="899-1002-101204")])
    with pytest.raises(ValidationError, match="product BARU: barcode 8991002101204 is not a valid"):
        products.upsert_many([Product("BARU", "Baru", 1000, barcode="8991-0021-01204")])


def test_a_code_in_groups_finds_the_product_kept_under_the_code(db: Database) -> None:
    products = Products(db)
    products.upsert_many([Product("KOPI", "Kopi", 9000, barcode=COFFEE)])
    assert products.find_by_code("8 991002 101203").sku == "KOPI"
    with pytest.raises(ValidationError, match="already belongs to product KOPI"):
        products.upsert_many([Product("KOPI-2", "Kopi lagi", 9000, barcode="899-1002-101203")])


def write_csv(path: Path, *lines: str) -> Path:
    path.write_text("sku,barcode,name,category,price\n" + "\n".join(lines) + "\n", "utf-8")
    return path


def test_the_import_refuses_two_upc_es_of_one_upc_a_on_two_lines(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "catalog.csv",
        f"A-1,{ODD_UPCE},Permen,Makanan,2000",
        f"A-2,{THEIR_UPCA},Permen impor,Makanan,2000",
        "A-3,899-1002-101203,Kopi,Minuman,9000",
        f"A-4,{COFFEE},Kopi lagi,Minuman,9000",
    )
    with pytest.raises(CatalogImportError) as refused:
        read_catalog_csv(path)
    assert refused.value.problems == [
        (3, f"barcode {CANONICAL_UPCE} is the same code as {ODD_UPCE} on line 2"),
        (5, f"barcode {COFFEE} already on line 4"),
    ]


def test_the_import_refuses_a_code_another_product_keeps_in_another_form(tmp_path: Path) -> None:
    store = TerminalStore(tmp_path / "kasir.db")
    try:
        products = store.products
        products.upsert_many([Product("PERMEN", "Permen", 2000, barcode=ODD_UPCE)])
        path = write_csv(
            tmp_path / "catalog.csv",
            f"A-1,{THEIR_UPCA},Permen impor,Makanan,2000",
            "A-2,899-1002-101204,Kopi,Minuman,9000",
        )
        with pytest.raises(CatalogImportError) as refused:
            read_catalog_csv(path, owner=products.owner_of_barcode)
        assert refused.value.problems == [
            (2, f"barcode {CANONICAL_UPCE} already belongs to product PERMEN"),
            (3, "barcode 8991002101204 is not a valid EAN-13: its check digit is wrong"),
        ]
        moved = write_csv(
            tmp_path / "moved.csv",
            f"A-1,{THEIR_UPCA},Permen impor,Makanan,2000",
            f"PERMEN,{COFFEE},Permen,Makanan,2000",
        )
        assert [p.sku for p in read_catalog_csv(moved, owner=products.owner_of_barcode)] == [
            "A-1",
            "PERMEN",
        ]
    finally:
        store.close()


def test_an_older_catalogue_with_a_pair_still_opens(tmp_path: Path) -> None:
    """Nothing is rewritten: both rows read, the listing shows both."""
    path = tmp_path / "kasir.db"
    TerminalStore(path).close()
    conn = sqlite3.connect(path)
    conn.executescript(
        "INSERT INTO products (sku, barcode, name, price, updated_at) VALUES "
        f"('OLD-A', '0{THEIR_UPCA}', 'Permen', 2000, '2026-11-21T01:00:00.000Z'),"
        f"('OLD-E', '{ODD_UPCE}', 'Permen impor', 2000, '2026-11-21T01:00:00.000Z');"
    )
    conn.close()
    store = TerminalStore(path)
    try:
        found = store.products.search("", 10, include_inactive=True)
        assert sorted(p.sku for p in found) == ["OLD-A", "OLD-E"]
        assert store.products.barcode_conflicts() == [
            BarcodeConflict(("OLD-A", "OLD-E"), ("0" + THEIR_UPCA, ODD_UPCE))
        ]
    finally:
        store.close()
