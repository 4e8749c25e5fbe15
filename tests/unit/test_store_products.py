from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from pos_app.domain.barcodes import gs1_check_digit
from pos_app.domain.catalog import Product
from pos_app.domain.errors import ValidationError
from pos_app.store.database import migrate, open_database
from pos_app.store.products import Products, fts_query

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)


def ean(first12: str) -> str:
    return first12 + gs1_check_digit(first12)


MIE = Product("MIE-001", "Indomie Mie Goreng Rendang", 3500, ean("899100000001"), "Makanan")
KOPI = Product("KOPI-01", "Kopi Susu Gula Aren", 18000, ean("899100000002"), "Minuman")
TEH = Product("TEH-BTL", "Teh Botol Sosro", 5000, ean("899100000003"), "Minuman")
CAFE = Product("CAFE-9", "Café Latte Dingin", 22000, "", "Minuman")
OLD = Product("MIE-OLD", "Indomie Soto Lama", 3000, ean("899100000004"), "Makanan", active=False)
UPC = Product("UPC-1", "Coca-Cola 330 ml", 7000, "0036000291452", "Minuman")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


@pytest.fixture
def products(db: Database) -> Products:
    repository = Products(db)
    repository.upsert_many([MIE, KOPI, TEH, CAFE, OLD, UPC], now=NOW)
    return repository


def skus(found: list[Product]) -> list[str]:
    return [product.sku for product in found]


def test_upsert_inserts_then_updates_only_what_changed(db: Database) -> None:
    repository = Products(db)
    assert repository.upsert_many([MIE, KOPI], now=NOW) == 2
    assert repository.upsert_many([MIE, replace(KOPI, price=19000)], now=NOW) == 1
    assert repository.get("KOPI-01") == replace(KOPI, price=19000)
    assert repository.count() == 2


def test_get_and_find_by_code(products: Products) -> None:
    assert products.get("TEH-BTL") == TEH
    assert products.get("NOPE") is None
    assert products.find_by_code(TEH.barcode) == TEH
    assert products.find_by_code(" KOPI-01 ") == KOPI
    assert products.find_by_code("kopi-01") == KOPI
    assert products.find_by_code("036000291452") == UPC  # UPC-A from the scanner
    assert products.find_by_code(OLD.barcode) == OLD  # found, so the basket can say "not sold"
    assert products.find_by_code("") is None
    assert products.find_by_code("0000000000000") is None


def test_a_code_carried_in_a_scan_is_tried_after_every_barcode_and_sku_of_the_whole_scan(
    products: Products,
) -> None:
    """A magazine's issue kept under its SKU, the EAN-13 and add-on its cover carries: that SKU
    is found, not the title's other product under the EAN-13 alone."""
    issue = Product(TEH.barcode + "05", "Majalah Edisi 5", 25_000, "", "Bacaan")
    products.upsert_many([issue])

    assert products.find_by_code(TEH.barcode + "05") == issue
    assert products.find_by_code(TEH.barcode + "06") == TEH
    assert products.find_by_code(f"]d2010{TEH.barcode}17271231") == TEH


def test_search_matches_name_word_prefixes_in_name_order(products: Products) -> None:
    assert skus(products.search("indo")) == ["MIE-001"]
    assert skus(products.search("indo rend")) == ["MIE-001"]
    assert skus(products.search("indo soto")) == []
    assert skus(products.search("su")) == ["KOPI-01"]
    assert skus(products.search("minu")) == []  # the category is not searched
    assert skus(products.search("s")) == ["KOPI-01", "TEH-BTL"]


def test_search_matches_sku_and_barcode_prefixes(products: Products) -> None:
    assert skus(products.search("teh-b")) == ["TEH-BTL"]
    assert skus(products.search("MIE-0")) == ["MIE-001"]
    assert skus(products.search(MIE.barcode[:12])) == ["MIE-001"]
    assert skus(products.search("8991000000")) == ["MIE-001", "KOPI-01", "TEH-BTL"]


def test_search_ignores_accents_and_case(products: Products) -> None:
    assert skus(products.search("CAFE latte")) == ["CAFE-9"]
    assert skus(products.search("café")) == ["CAFE-9"]


def test_an_exact_code_comes_first(products: Products) -> None:
    assert skus(products.search(TEH.barcode)) == ["TEH-BTL"]
    assert skus(products.search("s"))[:1] == ["KOPI-01"]
    products.upsert_many([Product("S", "Zebra Soap", 1000)], now=NOW)
    assert skus(products.search("s")) == ["S", "KOPI-01", "TEH-BTL"]


def test_inactive_products_are_searched_only_when_asked(products: Products) -> None:
    assert skus(products.search("lama")) == []
    assert skus(products.search("lama", include_inactive=True)) == ["MIE-OLD"]
    assert "MIE-OLD" not in skus(products.search(""))


def test_empty_text_lists_the_first_products_by_name(products: Products) -> None:
    assert skus(products.search("")) == ["CAFE-9", "UPC-1", "MIE-001", "KOPI-01", "TEH-BTL"]
    assert skus(products.search("   ", limit=2)) == ["CAFE-9", "UPC-1"]


HOSTILE_INPUT = [
    '"', "*", "-", "indo*", '"indo', "AND", "OR NOT", "NEAR(", "(", ")", "^", ":", "'", "{a}",
    "name:indo", "+", "\\", "''", '""*', "-MIE", "MIE-", "—", "％", "a\x00b", "\x00",
]  # fmt: skip


@pytest.mark.parametrize("typed", HOSTILE_INPUT)
def test_fts_syntax_characters_never_raise(products: Products, typed: str) -> None:
    assert isinstance(products.search(typed), list)


def test_words_become_quoted_prefix_phrases() -> None:
    assert fts_query('indo "mie') == '"indo"* """mie"*'
    assert fts_query("- * ( )") == ""


@pytest.fixture(scope="module")
def searchable() -> Iterator[Products]:
    database = Database(memory=True)
    migrate(database)
    repository = Products(database)
    repository.upsert_many([MIE, KOPI, TEH, CAFE], now=NOW)
    yield repository
    database.close()


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=30))
def test_any_typed_text_is_a_valid_search(searchable: Products, text: str) -> None:
    found = searchable.search(text)
    assert len(found) <= 50


def test_the_search_index_follows_renames_and_deletes(products: Products, db: Database) -> None:
    products.upsert_many([replace(TEH, name="Es Teh Manis", barcode=ean("899100000009"))], now=NOW)
    assert skus(products.search("botol")) == []
    assert skus(products.search("manis")) == ["TEH-BTL"]
    assert skus(products.search("899100000009")) == ["TEH-BTL"]
    assert skus(products.search(TEH.barcode[:12])) == []
    db.execute("DELETE FROM products WHERE sku = 'TEH-BTL'")
    assert skus(products.search("manis")) == []


def test_a_barcode_taken_by_another_product_is_refused_whole(db: Database) -> None:
    repository = Products(db)
    repository.upsert_many([MIE], now=NOW)
    clash = Product("MIE-002", "Mie Kembar", 3000, MIE.barcode)
    with pytest.raises(ValidationError, match=rf"MIE-002: barcode {MIE.barcode} .* MIE-001"):
        repository.upsert_many([KOPI, clash], now=NOW)
    assert repository.get("KOPI-01") is None
    assert repository.count() == 1


APPLE = Product("A", "Apple", 1000, "4006381333931")
BANANA = Product("B", "Banana", 2000, "8992761111113")
NEW_BARCODE = "5901234123457"


@pytest.mark.parametrize(
    "batch",
    [
        [replace(BANANA, barcode=APPLE.barcode), replace(APPLE, barcode=NEW_BARCODE)],
        [replace(APPLE, barcode=NEW_BARCODE), replace(BANANA, barcode=APPLE.barcode)],
        [replace(BANANA, barcode=APPLE.barcode), replace(APPLE, barcode="")],
    ],
    ids=["taker-first", "giver-first", "giver-loses-it"],
)
def test_a_barcode_moves_to_another_product_in_any_order(
    db: Database, batch: list[Product]
) -> None:
    repository = Products(db)
    repository.upsert_many([APPLE, BANANA], now=NOW)
    assert repository.upsert_many(batch, now=NOW) == 2
    assert [repository.get(product.sku) for product in batch] == batch
    assert repository.find_by_code(APPLE.barcode) == batch[0 if batch[0].sku == "B" else 1]


def test_two_products_swap_barcodes(db: Database) -> None:
    repository = Products(db)
    repository.upsert_many([APPLE, BANANA], now=NOW)
    swapped = [replace(APPLE, barcode=BANANA.barcode), replace(BANANA, barcode=APPLE.barcode)]
    assert repository.upsert_many(swapped, now=NOW) == 2
    assert [repository.get("A"), repository.get("B")] == swapped


def test_a_moved_barcode_still_on_two_products_is_refused_and_nothing_moves(
    db: Database,
) -> None:
    repository = Products(db)
    repository.upsert_many([APPLE, BANANA], now=NOW)
    batch = [replace(APPLE, barcode=NEW_BARCODE), replace(BANANA, barcode=MIE.barcode), MIE]
    with pytest.raises(ValidationError, match=rf"MIE-001: barcode {MIE.barcode} .* product B"):
        repository.upsert_many(batch, now=NOW)
    assert [repository.get("A"), repository.get("B"), repository.get("MIE-001")] == [
        APPLE,
        BANANA,
        None,
    ]


def test_categories_and_by_category(products: Products) -> None:
    assert products.categories() == ["Makanan", "Minuman"]
    assert skus(products.by_category("Minuman")) == ["CAFE-9", "UPC-1", "KOPI-01", "TEH-BTL"]
    assert skus(products.by_category("Makanan", include_inactive=True)) == ["MIE-001", "MIE-OLD"]
    assert products.count() == 6
