"""The shop's products: bulk upsert, scanner look-up and search-as-you-type."""

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from pos_app.domain.barcodes import (
    carried_forms,
    check_new_barcode,
    kept_from_before,
    scan_forms,
)
from pos_app.domain.catalog import Product, check_printable
from pos_app.domain.errors import ValidationError
from pos_app.domain.tax import TaxClass
from pos_app.domain.texts import N_
from pos_app.store.database import transaction, utc_text
from pos_app.store.errors import StoreError

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


@dataclass(frozen=True, slots=True)
class BarcodeConflict:
    """Two products kept under two forms of one code, as an older version let them be: a scan
    finds one of them only (:meth:`Products.find_by_code`), so one needs another barcode."""

    skus: tuple[str, str]
    barcodes: tuple[str, str]
    """Each product's barcode as it is kept, in the order of :attr:`skus`."""


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
        between products (a swap included) whatever the order; a code that still ends up on two
        products, in one form or two (``domain/barcodes.py``: one code, one product), is refused
        and nothing is written.
        """
        stamp = utc_text(now or datetime.now(UTC))
        batch = list(products)
        for product in batch:
            check_printable(product)
        changed = 0
        with transaction(self._db) as conn:
            for product in batch:
                if kept_from_before(product.barcode):
                    _check_given(conn, product)
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
                forms = scan_forms(product.barcode) if product.barcode else ()
                if len(forms) > 1:  # one form alone: the unique barcode refuses it
                    _refuse_taken(conn, product, forms)
                try:
                    upserted = conn.execute(_UPSERT, row).rowcount
                except sqlite3.IntegrityError as exc:
                    _refuse_taken(conn, product, forms)
                    raise StoreError(
                        N_("product {sku} was not saved: {error}"), sku=product.sku, error=str(exc)
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
        """The SKU of the product a scan of ``barcode`` (a stored form) finds, kept under that
        form or another form of the same code, if any."""
        found = self._by_barcode(scan_forms(barcode))
        return found.sku if found else None

    def barcode_conflicts(self) -> list[BarcodeConflict]:
        """Every two products kept under two forms of one code, by SKU: the store refuses such a
        pair now, but an older version kept some (its UPC-A as 13 digits beside its UPC-E, two
        UPC-Es of one UPC-A, an EAN-13 typed with dashes as an in-store code).

        Only a barcode with more than one form can be one: 8 or 13 digits starting 0 or 1, or
        digits with a dash between them, so the rest of the catalogue is not read.
        """
        rows = self._db.execute(
            "SELECT sku, barcode FROM products "
            "WHERE (length(barcode) IN (8, 13) AND barcode GLOB '[01]*') "
            "OR barcode GLOB '*[0-9]-[0-9]*'"
        ).fetchall()
        pairs: set[tuple[tuple[str, str], tuple[str, str]]] = set()
        for sku, barcode in rows:
            others = [form for form in scan_forms(barcode) if form != barcode]
            for other in _holders(self._db.conn, others, sku):
                first, second = sorted([(sku, barcode), other])
                pairs.add((first, second))
        return [
            BarcodeConflict((first[0], second[0]), (first[1], second[1]))
            for first, second in sorted(pairs)
        ]

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


def _holders(conn: sqlite3.Connection, forms: list[str], sku: str) -> list[tuple[str, str]]:
    """(SKU, barcode) of each product but ``sku`` kept under one of ``forms``, in their order."""
    if not forms:
        return []
    marks = ", ".join("?" * len(forms))
    rows = conn.execute(
        f"SELECT sku, barcode FROM products WHERE barcode IN ({marks}) AND sku != ?",
        [*forms, sku],
    ).fetchall()
    return sorted(((str(row[0]), str(row[1])) for row in rows), key=lambda row: forms.index(row[1]))


def _refuse_taken(conn: sqlite3.Connection, product: Product, forms: tuple[str, ...]) -> None:
    """ValidationError naming the product that has ``product``'s code already, in one of its
    ``forms``, if one has."""
    holders = _holders(conn, list(forms), product.sku)
    if not holders:
        return
    owner, kept = holders[0]
    if kept == product.barcode:
        raise ValidationError(
            N_("product {sku}: barcode {barcode} already belongs to product {owner}"),
            sku=product.sku,
            barcode=product.barcode,
            owner=owner,
        )
    raise ValidationError(
        N_(
            "product {sku}: barcode {barcode} is the same code as {other}, which belongs to "
            "product {owner}"
        ),
        sku=product.sku,
        barcode=product.barcode,
        other=kept,
        owner=owner,
    )


def _check_given(conn: sqlite3.Connection, product: Product) -> None:
    """A barcode :func:`~pos_app.domain.barcodes.kept_from_before` (digits in groups, or 14
    digits, with the check digit wrong) is a mistyped GS1 code: refused when given, kept when the
    product has it already (an older version took it as in-store)."""
    kept = conn.execute("SELECT barcode FROM products WHERE sku = ?", [product.sku]).fetchone()
    if kept is not None and kept[0] == product.barcode:
        return
    try:
        check_new_barcode(product.barcode)
    except ValidationError as error:
        raise ValidationError(
            N_("product {sku}: {problem}"), sku=product.sku, problem=error.text
        ) from None
