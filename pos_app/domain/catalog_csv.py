"""Product catalogue CSV (``sku,barcode,name,category,price``): read all-or-nothing.

The same columns serve the demo catalogue, the manager's import and export. A file with any bad line
is refused whole, with every problem listed by line number, so an import never half-applies.
"""

import csv
from collections.abc import Iterable
from pathlib import Path

from pos_app.domain.catalog import Product
from pos_app.domain.errors import KasirError, ValidationError
from pos_app.reports.csv_safety import restore

COLUMNS = ("sku", "barcode", "name", "category", "price")
MAX_FILE_BYTES = 50 * 1024 * 1024


class CatalogImportError(KasirError):
    """A catalogue file that cannot be imported; ``problems`` holds ``(line, reason)`` pairs."""

    def __init__(self, path: Path, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        listing = "\n".join(f"  line {line}: {reason}" for line, reason in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(
            f"{path.name}: {len(problems)} problem(s), nothing imported\n{listing}{more}"
        )


def read_catalog_csv(path: Path) -> list[Product]:
    """Every product of the file, or :class:`CatalogImportError` listing every bad line."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CatalogImportError(path, [(0, f"file is larger than {MAX_FILE_BYTES} bytes")])
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _parse(path, csv.reader(handle))
    except UnicodeDecodeError as error:
        raise CatalogImportError(path, [(0, f"not UTF-8 text ({error.reason})")]) from None


def _parse(path: Path, reader: Iterable[list[str]]) -> list[Product]:
    rows = iter(reader)
    header = [cell.strip().lower() for cell in next(rows, [])]
    if tuple(header) != COLUMNS:
        raise CatalogImportError(path, [(1, f"header must be {','.join(COLUMNS)}")])
    products: list[Product] = []
    problems: list[tuple[int, str]] = []
    seen_sku: dict[str, int] = {}
    seen_barcode: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            product = _product(row)
        except ValidationError as error:
            problems.append((line, str(error)))
            continue
        for key, seen, label in (
            (product.sku, seen_sku, "sku"),
            (product.barcode, seen_barcode, "barcode"),
        ):
            if key and key in seen:
                problems.append((line, f"{label} {key} already on line {seen[key]}"))
            elif key:
                seen[key] = line
        products.append(product)
    if problems:
        raise CatalogImportError(path, problems)
    return products


def _product(row: list[str]) -> Product:
    if len(row) != len(COLUMNS):
        raise ValidationError(f"expected {len(COLUMNS)} columns, found {len(row)}")
    sku, barcode, name, category, price = (restore(cell.strip()) for cell in row)
    if not price.isdigit():
        raise ValidationError(f"price {price!r} is not a whole number of rupiah")
    return Product(sku=sku, barcode=barcode, name=name, category=category, price=int(price))
