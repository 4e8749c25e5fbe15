"""``pos-app products import|export FILE``: the catalogue as CSV (columns sku,barcode,name,
category,price, as ``resources/demo/catalog.csv``).

An import is all-or-nothing: a file with any bad line changes nothing, and every bad line is
printed with its number and reason (exit status 1).
"""

import argparse
import sys
from pathlib import Path

from pos_app.commands.common import (
    add_config_option,
    add_database_option,
    database,
    refuse_the_database,
    run,
    settings,
)
from pos_app.domain.catalog_csv import CatalogImportError, problem_line
from pos_app.reports.products_csv import export_products, import_products

PROG = "pos-app products"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Import or export the product list.")
    actions = parser.add_subparsers(dest="action", required=True, metavar="{import,export}")
    for name, text in (
        ("import", "insert or update products by SKU from a CSV file, all or nothing"),
        ("export", "write the active products to a CSV file"),
    ):
        action = actions.add_parser(name, help=text, description=text)
        action.add_argument("file", type=Path, help="the CSV file")
        add_database_option(action)
        if name == "import":
            add_config_option(action, "the scale's label prefixes")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    return run(PROG, lambda: _import(args) if args.action == "import" else _export(args))


def _import(args: argparse.Namespace) -> int:
    if not args.file.exists():
        print(f"{PROG}: {args.file} does not exist", file=sys.stderr)
        return 1
    db = database(args, must_exist=False)
    try:
        summary = import_products(db, args.file, layout=settings(args).barcodes)
    except CatalogImportError as error:
        print(
            f"{PROG}: {args.file}: {len(error.problems)} problem(s), nothing imported",
            file=sys.stderr,
        )
        for line, reason in error.problems:
            print(f"  {problem_line(line, reason)}", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(f"{summary.products} products read, {summary.changed} added or changed")
    return 0


def _export(args: argparse.Namespace) -> int:
    refuse_the_database(args, args.file)
    db = database(args, must_exist=True)
    try:
        count = export_products(db, args.file)
    finally:
        db.close()
    print(f"{count} products written to {args.file}")
    return 0
