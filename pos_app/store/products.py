"""The shop's products: bulk upsert, scanner look-up and search-as-you-type."""

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlite_utils import Database

from pos_app.domain.barcodes import carried_forms, scan_forms
from pos_app.domain.catalog import Product, check_printable
from pos_app.domain.errors import ValidationError
from pos_app.domain.tax import TaxClass
from pos_app.domain.texts import N_
from pos_app.store.database import transaction, utc_text

SORT_WINDOW = 1000
"""At most this many matches are sorted by name per search, so a keystroke stays cheap."""

_COLUMNS = "p.sku, p.name, p.price, p.barcode, p.category, p.active, p.tax_class"

_UPSERT = """
INSERT INTO products (sku, barcode, name, category, price, active, tax_class, updated_at)
VALUES (:sku, :barcode, :name, :category, :price, :active, :tax_class, :now)
ON CONFLICT (sku) DO UPDATE SET
    barcode = excluded.barcode, name = excluded.name, category = excluded.category,
    price = excluded.price, active = excluded.active, tax_class = excluded.tax_class,
    updated_at = excluded.updated_at
WHERE (barcode, name, category, price, active, tax_class)
    IS NOT (excluded.barcode, excluded.name, excluded.category, excluded.price, excluded.active,
        excluded.tax_class)
"""


def fts_query(text: str) -> str:
    """Turn what a cashier typed into an FTS5 query that can never be a syntax error.

    Each word becomes a quoted phrase with a prefix star, so ``"``, ``*``, ``-``, ``AND`` or ``(``
    are only ever text; FTS5 splits a phrase the way it splits the indexed text, so ``BRS-0``
    finds SKU ``BRS-001``. Words are ANDed: ``indo mie`` finds "Indomie Mie Goreng". Control
    characters (a NUL ends an FTS5 string early) count as spaces.
    """
    printable = "".join(char if char.isprintable() else " " for char in text)
    phrases = [
        '"' + word.replace('"', '""') + '"*'
        for word in printable.split()
        if any(char.isalnum() for char in word)
    ]
    return " ".join(phrases)


class Products:
    def __init__(self, db: Database) -> None:
        self._db = db

    def upsert_many(self, products: Iterable[Product], *, now: datetime | None = None) -> int:
        """Insert or update by SKU in one transaction; return how many rows actually changed.

        The barcodes of the products whose barcode changes are cleared first, so barcodes may move
        between products (a swap included) whatever the order; a barcode that still ends up on
        two products is refused and nothing is written.
        """
        stamp = utc_text(now or datetime.now(UTC))
        batch = list(products)
        for product in batch:
            check_printable(product)
        changed = 0
        with transaction(self._db) as conn:
            moved = {
                product.sku
                for product in batch
                if conn.execute(
                    "UPDATE products SET barcode = NULL, updated_at = ? "
                    "WHERE sku = ? AND barcode IS NOT NULL AND barcode IS NOT ?",
                    [stamp, product.sku, product.barcode or None],
                ).rowcount
            }
            for product in batch:
                row = {
                    "sku": product.sku,
                    "barcode": product.barcode or None,
                    "name": product.name,
                    "category": product.category,
                    "price": product.price,
                    "active": int(product.active),
                    "tax_class": product.tax_class.value,
                    "now": stamp,
                }
                try:
                    upserted = conn.execute(_UPSERT, row).rowcount
                except sqlite3.IntegrityError:
                    owner = conn.execute(
                        "SELECT sku FROM products WHERE barcode = ?", [product.barcode]
                    ).fetchone()
                    raise ValidationError(
                        N_("product {sku}: barcode {barcode} already belongs to product {owner}"),
                        sku=product.sku,
                        barcode=product.barcode,
                        owner=owner[0] if owner else "?",
                    ) from None
                changed += upserted or product.sku in moved
        return changed

    def get(self, sku: str) -> Product | None:
        return self._one(f"SELECT {_COLUMNS} FROM products p WHERE p.sku = ?", sku)

    def find_by_code(self, code: str) -> Product | None:
        """What a scanner or a typed code names: a barcode first, then a SKU in any case,
        active or not.

        The barcode is looked up in each stored form it may be (``domain/barcodes.py``): a UPC-A
        or UPC-E finds the product kept under its EAN-13, and 8 digits are tried as EAN-8 and
        as UPC-E. Only when neither a barcode nor a SKU is the whole code, the retail code a
        GS1 DataMatrix or an EAN add-on carries inside it is.
        """
        code = code.strip()
        if not code:
            return None
        found = self._by_barcode(scan_forms(code)) or self._one(
            f"SELECT {_COLUMNS} FROM products p WHERE p.sku = ? COLLATE NOCASE "
            "ORDER BY p.sku = ? DESC LIMIT 1",
            code,
            code,
        )
        return found or self._by_barcode(carried_forms(code))

    def _by_barcode(self, forms: tuple[str, ...]) -> Product | None:
        for barcode in forms:
            found = self._one(f"SELECT {_COLUMNS} FROM products p WHERE p.barcode = ?", barcode)
            if found:
                return found
        return None

    def search(
        self, text: str, limit: int = 50, *, include_inactive: bool = False
    ) -> list[Product]:
        """Products whose name words, SKU or barcode start with what was typed, by name.

        An exact barcode or SKU comes first. Empty text lists the first products by name. When
        more than :data:`SORT_WINDOW` products match (a letter or two typed), the list is sorted
        among the first that many matches only: that keeps every keystroke near 1 ms on 100,000
        products, and the next letters narrow it to an exact order.
        """
        active = "" if include_inactive else "AND p.active = 1"
        query = fts_query(text)
        if not query:
            return self._many(
                f"SELECT {_COLUMNS} FROM products p WHERE 1 {active} "
                "ORDER BY p.active DESC, p.name COLLATE NOCASE LIMIT ?",
                limit,
            )
        found = self._many(
            f"SELECT {_COLUMNS} FROM ("
            "  SELECT rowid AS id FROM products_fts WHERE products_fts MATCH ? LIMIT ?"
            f") AS m CROSS JOIN products p ON p.id = m.id WHERE 1 {active}"
            " ORDER BY p.name COLLATE NOCASE LIMIT ?",
            query,
            SORT_WINDOW,
            limit,
        )
        exact = self.find_by_code(text)
        if exact and (include_inactive or exact.active):
            found = [exact, *(product for product in found if product.sku != exact.sku)]
        return found[:limit]

    def categories(self) -> list[str]:
        rows = self._db.execute(
            "SELECT DISTINCT category FROM products WHERE active = 1 AND category != '' "
            "ORDER BY category COLLATE NOCASE"
        ).fetchall()
        return [row[0] for row in rows]

    def by_category(self, category: str, *, include_inactive: bool = False) -> list[Product]:
        active = "" if include_inactive else "AND p.active = 1"
        return self._many(
            f"SELECT {_COLUMNS} FROM products p WHERE p.category = ? {active} "
            "ORDER BY p.name COLLATE NOCASE",
            category,
        )

    def tax_class_of(self, sku: str) -> TaxClass | None:
        """The class the product ``sku`` has, if the shop has it."""
        row = self._db.execute("SELECT tax_class FROM products WHERE sku = ?", [sku]).fetchone()
        return TaxClass(row[0]) if row else None

    def owner_of_barcode(self, barcode: str) -> str | None:
        """The SKU of the product kept under ``barcode`` (its stored form), if any."""
        row = self._db.execute("SELECT sku FROM products WHERE barcode = ?", [barcode]).fetchone()
        return str(row[0]) if row else None

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM products").fetchone()[0])

    def _one(self, sql: str, *params: object) -> Product | None:
        found = self._many(sql, *params)
        return found[0] if found else None

    def _many(self, sql: str, *params: object) -> list[Product]:
        rows = self._db.execute(sql, list(params)).fetchall()
        return [
            Product(
                sku=sku,
                name=name,
                price=price,
                barcode=barcode or "",
                category=category,
                active=bool(active),
                tax_class=TaxClass(tax_class),
            )
            for sku, name, price, barcode, category, active, tax_class in rows
        ]
