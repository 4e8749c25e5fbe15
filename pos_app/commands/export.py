"""``pos-app export``: the daily sales CSV for a business day or a range of days.

``--lines`` (default) writes one row per sale line, ``--sales`` one row per sale; the columns are
in docs/csv.md. The file appears only when complete.
"""

import argparse
from datetime import date
from pathlib import Path

from pos_app.commands.common import add_config_option, add_database_option, database, run, settings
from pos_app.domain.money import format_rupiah
from pos_app.reports.sales_csv import ExportKind, export_sales

PROG = "pos-app export"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Write the daily sales CSV.")
    parser.add_argument("--date", required=True, type=_iso_date, help="business day, YYYY-MM-DD")
    parser.add_argument("--to", type=_iso_date, help="last business day of a range, YYYY-MM-DD")
    parser.add_argument("--out", required=True, type=Path, help="the CSV file to write")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument(
        "--lines",
        dest="kind",
        action="store_const",
        const=ExportKind.LINES,
        help="one row per sale line (default)",
    )
    kind.add_argument(
        "--sales",
        dest="kind",
        action="store_const",
        const=ExportKind.SALES,
        help="one row per sale",
    )
    add_database_option(parser)
    add_config_option(parser)
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)

    def export() -> int:
        shop = settings(args)
        db = database(args, must_exist=True)
        try:
            summary = export_sales(
                db,
                args.out,
                first_day=args.date,
                last_day=args.to,
                kind=args.kind or ExportKind.LINES,
                tz=shop.timezone,
            )
        finally:
            db.close()
        print(
            f"{summary.rows} rows ({summary.sales} sales, {summary.refunds} refunds, net "
            f"{format_rupiah(summary.total)}) written to {summary.path}"
        )
        return 0

    return run(PROG, export)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None
