"""``pos-app demo-data``: fill a database with realistic sales, for demos and benchmarks.

The default database is the demo one (the one ``pos-app --demo`` uses), never the shop's; a
database holding real sales, or the shop's own users or products, is refused.
"""

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from pos_app.commands.common import add_config_option, add_database_option, run, settings
from pos_app.demo.sample_sales import (
    MAX_DAYS,
    MAX_SALES_PER_DAY,
    generate,
    refuse_shop_database,
    shop_from_database,
)
from pos_app.demo.seed import DEMO_TAX, seed_demo
from pos_app.domain.tax import NO_TAX
from pos_app.settings.paths import demo_database_path
from pos_app.store.terminal_store import TerminalStore

PROG = "pos-app demo-data"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Fill a demo database with sales of the last business days."
    )
    parser.add_argument(
        "--days",
        required=True,
        type=_count(MAX_DAYS),
        help=f"business days, up to yesterday (at most {MAX_DAYS})",
    )
    parser.add_argument(
        "--sales-per-day",
        required=True,
        type=_count(MAX_SALES_PER_DAY),
        help=f"sales on each day (at most {MAX_SALES_PER_DAY})",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same sales)")
    add_database_option(parser, demo_database_path())
    add_config_option(parser)
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)

    def fill() -> int:
        shop_settings = settings(args)
        args.db.parent.mkdir(parents=True, exist_ok=True)
        store = TerminalStore(args.db, shop_settings.business_day)
        try:
            db = store.repositories().db
            refuse_shop_database(db)
            seed_demo(store)
            shop = shop_from_database(
                db,
                shop_settings.business_day,
                terminal_id=shop_settings.terminal_id,
                provider=shop_settings.provider.provider_name,
                tax=DEMO_TAX if shop_settings.tax == NO_TAX else shop_settings.tax,
            )
            started = time.perf_counter()
            yesterday = shop_settings.business_day.date_of(datetime.now(UTC)) - timedelta(days=1)
            summary = generate(
                db,
                shop,
                days=args.days,
                sales_per_day=args.sales_per_day,
                last_day=yesterday,
                seed=args.seed,
                progress=lambda day: print(f"  {day.isoformat()}", file=sys.stderr),
            )
        finally:
            store.close()
        print(
            f"{summary.sales} sales ({summary.completed} completed, {summary.lines} lines, "
            f"{summary.late_payments} late payments, {summary.returns} returns) on "
            f"{summary.first_day} to {summary.last_day} written to {args.db} in "
            f"{time.perf_counter() - started:.1f} s"
        )
        return 0

    return run(PROG, fill)


def _count(most: int) -> Callable[[str], int]:
    """An option's parser for a whole number from 1 to ``most``, refused by argparse otherwise."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if not 1 <= value <= most:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from 1 to {most}, got {text!r}"
            )
        return value

    return parse
