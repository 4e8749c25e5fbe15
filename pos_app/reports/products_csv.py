"""The product catalogue as CSV files: read and import all-or-nothing, export in the same columns.

A file is read whole and parsed by :func:`pos_app.domain.catalog_csv.parse_catalog_csv` (every bad
line is reported, nothing is written); an import then upserts by SKU in one transaction. Export
writes the active products, by SKU, in the columns of ``resources/demo/catalog.csv``, with formula
cells neutralised and through an atomic rename. Inactive products are left out because the file
has no ``active`` column: importing it back would bring them back on sale.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from pos_app.domain.barcodes import MeasureLayout
from pos_app.domain.catalog import Product
from pos_app.domain.catalog_csv import (
    TAXED_COLUMNS,
    BarcodeOwner,
    CatalogImportError,
    StoredClass,
    parse_catalog_csv,
)
from pos_app.domain.csv_cells import safe_cells
from pos_app.domain.texts import N_, say
from pos_app.reports.output_files import atomic_csv
from pos_app.store.database import transaction
from pos_app.store.products import Products

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ImportSummary:
    products: int
    """Products in the file."""
    changed: int
    """Rows inserted or actually changed; an identical product is not rewritten."""


def read_catalog_csv(
    path: Path,
    *,
    layout: MeasureLayout | None = None,
    owner: BarcodeOwner | None = None,
    stored_class: StoredClass | None = None,
) -> list[Product]:
    """Every product of the file at ``path``, or :class:`CatalogImportError` listing every bad
    line (the arguments: :func:`~pos_app.domain.catalog_csv.parse_catalog_csv`). A file over
    :data:`MAX_FILE_BYTES` is refused before it is read."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CatalogImportError(
            path.name, [(0, say(N_("file is larger than {most} bytes"), most=MAX_FILE_BYTES))]
        )
    return parse_catalog_csv(
        path.read_bytes(),
        source=path.name,
        layout=layout,
        owner=owner,
        stored_class=stored_class,
    )


def import_products(
    db: Database,
    path: Path,
    *,
    layout: MeasureLayout | None = None,
    audit: Callable[[ImportSummary], None] | None = None,
) -> ImportSummary:
    """Upsert every product of ``path`` or none (CatalogImportError lists every bad line, a
    barcode another product has among them).

    The file is read before the write lock is taken; ``audit`` records the import in the
    transaction that writes it, so the two are kept or undone together. ``layout``: the scale's
    label prefixes (``domain/barcodes.py``).
    """
    stored = Products(db)
    products = read_catalog_csv(
        path, layout=layout, owner=stored.owner_of_barcode, stored_class=stored.tax_class_of
    )
    with transaction(db):
        summary = ImportSummary(len(products), Products(db).upsert_many(products))
        if audit is not None:
            audit(summary)
    return summary


def export_products(db: Database, path: Path) -> int:
    """Write the active products to ``path``; return how many."""
    count = 0
    with atomic_csv(path) as writer:
        writer.writerow(TAXED_COLUMNS)
        for row in db.execute(
            f"SELECT {', '.join(TAXED_COLUMNS)} FROM products WHERE active = 1 ORDER BY sku"
        ):
            sku, barcode, name, category, price, tax_class = row
            writer.writerow(safe_cells([sku, barcode or "", name, category, price, tax_class]))
            count += 1
    return count
