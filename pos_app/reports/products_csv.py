"""The product catalogue as CSV: import all-or-nothing, export in the same columns.

Import reads the whole file with :func:`pos_app.domain.catalog_csv.read_catalog_csv` (every bad line
is reported, nothing is written) and upserts by SKU in one transaction. Export writes the active
products, by SKU, in the columns of ``resources/demo/catalog.csv``, with formula cells neutralised
and through an atomic rename. Inactive products are left out because the file has no ``active``
column: importing it back would bring them back on sale.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from pos_app.domain.barcodes import MeasureLayout
from pos_app.domain.catalog_csv import TAXED_COLUMNS, read_catalog_csv
from pos_app.reports.csv_safety import atomic_csv, safe_cells
from pos_app.store.database import transaction
from pos_app.store.products import Products


@dataclass(frozen=True, slots=True)
class ImportSummary:
    products: int
    """Products in the file."""
    changed: int
    """Rows inserted or actually changed; an identical product is not rewritten."""


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
