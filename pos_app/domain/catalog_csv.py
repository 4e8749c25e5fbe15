"""Product catalogue CSV (``sku,barcode,name,category,price[,tax_class]``): a file's content
parsed all-or-nothing into products. Reading the file is ``reports/products_csv.py``'s.

``tax_class`` (``standard``, ``other`` or ``exempt``: docs/tax.md) may be left out, as files made
before it existed do (or a cell left empty): a product the shop has keeps its class (a price
update must not make rice taxed), a new one is standard.

The same columns serve the demo catalogue, the manager's import and export. A file with any bad line
is refused whole, with every problem listed by line number, so an import never half-applies.
Barcodes are every kind ``domain/barcodes.py`` knows, compared as codes, whatever their form: a
UPC-A on one line and its EAN-13 or its UPC-E on another are the same barcode. A barcode another
product already has, in any form, is a problem too, unless the file gives that product another
barcode; so is a code in groups of digits with its check digit wrong, unless the product has it
already. A line the CSV reader cannot
take (a cell over its size limit) is a problem on that line too, never a crash.

Excel in an Indonesian locale saves a CSV file with ``;`` between the cells (the list separator
of that language), so a header of ``;``-separated columns is read so too. A file in another
encoding (Excel's plain "CSV" is Windows-1252) is refused naming the line of its first byte that
is not UTF-8: guessing the encoding could change a name without a word.
"""

import codecs
import csv
import io
import itertools
from collections.abc import Callable, Iterable, Iterator

from pos_app.domain.barcodes import (
    MeasureLayout,
    check_item_code,
    check_new_barcode,
    kept_from_before,
    scan_forms,
)
from pos_app.domain.catalog import Product, check_printable
from pos_app.domain.csv_cells import restore
from pos_app.domain.digits import is_digits
from pos_app.domain.errors import KasirError, ValidationError
from pos_app.domain.money import MAX_AMOUNT, format_rupiah
from pos_app.domain.tax import TaxClass
from pos_app.domain.texts import N_, say

COLUMNS = ("sku", "barcode", "name", "category", "price")
TAXED_COLUMNS = (*COLUMNS, "tax_class")
"""The columns an export writes; an import takes these or :data:`COLUMNS`."""
MAX_PRICE_DIGITS = len(str(MAX_AMOUNT))
"""More digits (leading zeros aside) is a price no provider takes, and too long for ``int``."""
SEPARATORS = (",", ";")
"""Between cells: RFC 4180's comma, or the semicolon of Excel in Indonesian."""
HEADER_SHOWN = 200
"""At most this much of a wrong header is quoted back: a binary file's first line has no end."""


def problem_line(line: int, reason: str) -> str:
    """One problem as listed for the manager: a problem of the whole file (line 0) has no line."""
    return f"line {line}: {reason}" if line else reason


class CatalogImportError(KasirError):
    """A catalogue file that cannot be imported; ``problems`` holds ``(line, reason)`` pairs, each
    reason in the language the GUI chose (English without a GUI)."""

    def __init__(self, source: str, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        listing = "\n".join(f"  {problem_line(line, reason)}" for line, reason in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{source}: {len(problems)} problem(s), nothing imported\n{listing}{more}")


BarcodeOwner = Callable[[str], str | None]
"""The SKU of the product that has a barcode already, if any."""
StoredClass = Callable[[str], TaxClass | None]
"""The tax class of the product a SKU names already, if any."""


def parse_catalog_csv(
    data: bytes,
    *,
    source: str,
    layout: MeasureLayout | None = None,
    owner: BarcodeOwner | None = None,
    stored_class: StoredClass | None = None,
) -> list[Product]:
    """Every product of a file's content ``data``, or :class:`CatalogImportError` listing every
    bad line under ``source`` (the file's name).

    ``layout``: the scale's label prefixes, whose products are kept under their item code (the
    value 00000); ``owner`` looks up the barcodes products have already, ``stored_class`` their
    tax class (for a line that gives none).
    """
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = io.StringIO(data.decode("utf-8"), newline="")
    except UnicodeDecodeError as error:
        raise CatalogImportError(source, [_not_utf8(data, error)]) from None
    first = text.readline()
    rows = _rows(itertools.chain([first] if first else [], text), _separator(first))
    return _parse(source, rows, layout or MeasureLayout(), owner, stored_class)


def _separator(header: str) -> str:
    """The separator the header row uses most: Excel in Indonesian writes ``;``."""
    return max(SEPARATORS, key=header.count)


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> tuple[int, str]:
    """The line of the file's first byte that is not UTF-8, and what to do about it."""
    reason = N_('byte {byte} is not UTF-8 text; save the file as "CSV UTF-8" and import it again')
    line = data.count(b"\n", 0, error.start) + 1
    return line, say(reason, byte=f"0x{data[error.start]:02x}")


def _rows(lines: Iterable[str], separator: str) -> Iterator[tuple[int, list[str] | None]]:
    """Each row with the file's line where it starts (a quoted cell may hold line breaks, so rows
    and lines can differ); None for a row the reader refuses.

    Reading goes on after a refused row unless it broke off inside a quoted cell (an odd number of
    quotes on its lines): the lines after it would be read as rows they are not.
    """
    quotes = 0

    def counted() -> Iterator[str]:
        nonlocal quotes
        for text in lines:
            quotes += text.count('"')
            yield text

    reader = csv.reader(counted(), delimiter=separator)
    starts = 1
    while True:
        quotes = 0
        try:
            row: list[str] | None = next(reader)
        except StopIteration:
            return
        except csv.Error:  # the only one this dialect raises: a cell over the size limit
            row = None
        yield starts, row
        if row is None and quotes % 2:
            return
        starts = reader.line_num + 1


def _parse(
    source: str,
    rows: Iterator[tuple[int, list[str] | None]],
    layout: MeasureLayout,
    owner: BarcodeOwner | None,
    stored_class: StoredClass | None,
) -> list[Product]:
    """Each problem carries the file's line where its row starts."""
    start, first = next(rows, (0, None))
    header = tuple(cell.strip().lower() for cell in first or [])
    if header not in (COLUMNS, TAXED_COLUMNS):
        raise CatalogImportError(source, [_header_problem(start, first)])
    products: list[Product] = []
    lines: list[int] = []
    problems: list[tuple[int, str]] = []
    seen_sku: dict[str, int] = {}
    seen_barcode: dict[str, int] = {}
    for line, row in rows:
        if row is None:
            reason = N_("a cell is longer than {most} characters; the line cannot be read")
            problems.append((line, say(reason, most=csv.field_size_limit())))
            continue
        if not any(cell.strip() for cell in row):
            continue
        try:
            product = _product(row, len(header), layout, stored_class)
            _check_given(product, owner)
        except ValidationError as error:
            problems.append((line, str(error)))
            continue
        if product.sku in seen_sku:
            reason = say(
                N_("sku {key} already on line {line}"), key=product.sku, line=seen_sku[product.sku]
            )
            problems.append((line, reason))
        else:
            seen_sku[product.sku] = line
        if product.barcode:
            problem = _seen_code(product.barcode, seen_barcode)
            if problem:
                problems.append((line, problem))
            else:
                seen_barcode[product.barcode] = line
        products.append(product)
        lines.append(line)
    if owner is not None:
        problems += _taken(products, lines, owner)
    if problems:
        raise CatalogImportError(source, sorted(problems))
    return products


def _header_problem(start: int, first: list[str] | None) -> tuple[int, str]:
    """Why the first row (on line ``start``, 0 when the file has none) is not the header, quoting
    what it holds, so a column left out, added, misspelt or moved shows."""
    columns = ",".join(TAXED_COLUMNS)
    if not start:
        return 0, say(
            N_("the file is empty; its first line must be the header {columns}"), columns=columns
        )
    found = ",".join(first or [])
    if len(found) > HEADER_SHOWN:
        found = found[:HEADER_SHOWN] + "…"
    return start, say(
        N_("header must be {columns} (tax_class may be left out), in this order; found {found}"),
        columns=columns,
        found=repr(found),
    )


def _check_given(product: Product, owner: BarcodeOwner | None) -> None:
    """A code :func:`~pos_app.domain.barcodes.kept_from_before` (digits in groups, or 14 digits,
    with the check digit wrong) is refused, unless the product has it already (an older version
    kept it as an in-store code)."""
    if kept_from_before(product.barcode) and (
        owner is None or owner(product.barcode) != product.sku
    ):
        check_new_barcode(product.barcode)


def _seen_code(barcode: str, seen: dict[str, int]) -> str | None:
    """Why ``barcode`` is refused as a code an earlier line has, in this form or another."""
    earlier = next((form for form in scan_forms(barcode) if form in seen), None)
    if earlier is None:
        return None
    if earlier == barcode:
        return say(N_("barcode {key} already on line {line}"), key=barcode, line=seen[earlier])
    return say(
        N_("barcode {key} is the same code as {other} on line {line}"),
        key=barcode,
        other=earlier,
        line=seen[earlier],
    )


def _taken(products: list[Product], lines: list[int], owner: BarcodeOwner) -> list[tuple[int, str]]:
    """Lines whose code another product has already, in any form, and keeps (the file leaves it
    be)."""
    barcode_in_file = {product.sku: product.barcode for product in products}
    problems = []
    for line, product in zip(lines, products, strict=True):
        holder = owner(product.barcode) if product.barcode else None
        keeps = holder is not None and barcode_in_file.get(holder, product.barcode) in scan_forms(
            product.barcode
        )
        if keeps and holder != product.sku:
            reason = say(
                N_("barcode {barcode} already belongs to product {owner}"),
                barcode=product.barcode,
                owner=holder,
            )
            problems.append((line, reason))
    return problems


def _product(
    row: list[str], columns: int, layout: MeasureLayout, stored_class: StoredClass | None
) -> Product:
    if len(row) != columns:
        raise ValidationError(
            N_("expected {expected} columns, found {found}"), expected=columns, found=len(row)
        )
    sku, barcode, name, category, price, *tax = (restore(cell.strip()) for cell in row)
    if not is_digits(price):
        raise ValidationError(
            N_("price {price} is not a whole number of rupiah"), price=repr(price)
        )
    price = price.lstrip("0") or "0"
    if len(price) > MAX_PRICE_DIGITS:
        raise ValidationError(
            N_("price has {digits} digits; a price is at most {most}"),
            digits=len(price),
            most=format_rupiah(MAX_AMOUNT),
        )
    kept = stored_class(sku) if stored_class is not None else None
    tax_class = (tax[0] if tax else "").lower() or kept or TaxClass.STANDARD
    if tax_class not in set(TaxClass):
        raise ValidationError(
            N_("tax class {tax_class} is not one of {classes}"),
            tax_class=repr(tax_class),
            classes=", ".join(TaxClass),
        )
    product = Product(
        sku=sku,
        barcode=barcode,
        name=name,
        category=category,
        price=int(price),
        tax_class=TaxClass(tax_class),
    )
    check_printable(product)
    check_item_code(product.barcode, layout)
    return product
