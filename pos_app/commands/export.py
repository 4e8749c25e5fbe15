"""``pos-app export``: the files for the accountant, for a business day or a range of days.

``--lines`` (the default for a CSV file) writes one row per sale line, ``--sales`` one row per
sale, ``--payments`` one row per provider payment and payout. ``--format xlsx`` writes an Excel
workbook instead, with a sheet for each of the three (or for the one named); ``--excel-id`` writes
the CSV file the way Excel in an Indonesian locale opens it. The columns are in docs/csv.md. The
file appears only when complete.
"""

import argparse
from pathlib import Path

from pos_app.commands.common import (
    add_config_option,
    add_database_option,
    database,
    refuse_the_database,
    run,
    settings,
)
from pos_app.commands.file_options import add_file_options, chosen_kinds, iso_date, said
from pos_app.reports.accountant_files import FileRequest, write_files

PROG = "pos-app export"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Write the files for the accountant.")
    parser.add_argument("--date", required=True, type=iso_date, help="business day, YYYY-MM-DD")
    parser.add_argument("--to", type=iso_date, help="last business day of a range, YYYY-MM-DD")
    parser.add_argument("--out", required=True, type=Path, help="the file to write")
    add_file_options(parser)
    add_database_option(parser)
    add_config_option(parser)
    return parser


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    kinds = chosen_kinds(parser, args)
    request = FileRequest(kinds, args.date, args.to, args.file_format, args.excel_id)

    def export() -> int:
        shop = settings(args)
        refuse_the_database(args, args.out)
        db = database(args, must_exist=True)
        try:
            written = write_files(db, args.out, request, day=shop.business_day)
        finally:
            db.close()
        for part in written.parts:
            print(said(part))
        print(f"written to {written.path}")
        return 0

    return run(PROG, export)
