"""Which accountant file to write, said the same way to ``pos-app export`` (one till's days) and
``pos-app relay export`` (one day of the whole shop): the kind of rows, the form, and what the
written file holds, printed after."""

import argparse
from datetime import date

from pos_app.domain.business_day import EARLIEST_DAY, LATEST_DAY
from pos_app.domain.money import format_rupiah
from pos_app.reports.accountant_files import FileFormat, FileKind, Part
from pos_app.reports.payments_csv import PaymentsSummary

KIND_HELP = {
    FileKind.LINES: "one row per sale line (the default for a CSV file)",
    FileKind.SALES: "one row per sale",
    FileKind.PAYMENTS: "one row per provider payment and payout, to match the provider's report",
}


def add_file_options(parser: argparse.ArgumentParser) -> None:
    """``--lines``/``--sales``/``--payments``, ``--format`` and ``--excel-id``."""
    kind = parser.add_mutually_exclusive_group()
    for file_kind, text in KIND_HELP.items():
        kind.add_argument(
            f"--{file_kind.value}", dest="kind", action="store_const", const=file_kind, help=text
        )
    parser.add_argument(
        "--format",
        dest="file_format",
        type=FileFormat,
        choices=list(FileFormat),
        default=FileFormat.CSV,
        help="csv (default), or xlsx: an Excel workbook with a sheet for each kind of rows",
    )
    parser.add_argument(
        "--excel-id",
        action="store_true",
        help="a CSV file as Excel in an Indonesian locale opens it: UTF-8 with BOM, ';' between "
        "cells, decimal comma",
    )


def chosen_kinds(parser: argparse.ArgumentParser, args: argparse.Namespace) -> tuple[FileKind, ...]:
    """The kinds asked for: the one named, else every kind for a workbook and lines for CSV."""
    if args.excel_id and args.file_format is FileFormat.XLSX:
        parser.error("--excel-id is for a CSV file; a workbook needs no such option")
    if args.kind is not None:
        return (args.kind,)
    return tuple(FileKind) if args.file_format is FileFormat.XLSX else (FileKind.LINES,)


def said(part: Part) -> str:
    """One kind of a written file in a line: its rows and its money."""
    if isinstance(part, PaymentsSummary):
        reversed_ = f", {part.payout_reversals} payouts reversed" * bool(part.payout_reversals)
        return (
            f"payments: {part.rows} rows ({part.payments} payments, {part.payouts} payouts, "
            f"{part.provider_refunds} refunds at the provider{reversed_}; "
            f"received {format_rupiah(part.received)}, paid out {format_rupiah(part.paid_out)})"
        )
    reversed_ = f", {part.reversals} reversals" * bool(part.reversals)
    return (
        f"{part.kind}: {part.rows} rows ({part.sales} sales, {part.refunds} refunds, "
        f"{part.returns} returns{reversed_}, net {format_rupiah(part.total)})"
    )


def iso_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise argparse.ArgumentTypeError(
            f"expected a date from {EARLIEST_DAY} to {LATEST_DAY}, got {text!r}"
        )
    return day
