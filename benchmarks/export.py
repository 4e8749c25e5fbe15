"""Daily sales CSV: time and peak resident memory to export 1,000,000 sale lines (``--lines``).

Targets: at most 5 s and 150 MB resident. The sales come from the demo-data generator (one year of
a busy shop, about 1,000 sales a day), written once to a database cached in the temp folder and
reused by later runs: about 30 s to build on 2 cores, so the whole script stays well under 3
minutes. The export runs in a child process, so its peak memory (VmHWM, and ``ru_maxrss`` of the
child as the parent sees it) is the export's alone, interpreter and imports included.

    python benchmarks/export.py [LINES]       # default 1,000,000
"""

import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from pos_app.demo.sample_sales import DemoShop, Finish, plan_day, write_day
from pos_app.domain.business_day import BusinessDay
from pos_app.reports.products_csv import read_catalog_csv
from pos_app.settings.paths import resources_dir
from pos_app.store.database import open_database
from pos_app.store.products import Products

SALES_PER_DAY = 1_000
LAST_DAY = date(2026, 11, 20)
CHILD = "--child"


def build(path: Path, lines: int) -> None:
    """Whole demo days, going back from LAST_DAY, until the completed sales hold ``lines``."""
    db = open_database(path)
    products = read_catalog_csv(resources_dir() / "demo" / "catalog.csv")
    Products(db).upsert_many(products)
    shop = DemoShop(products, ("Sari", "Budi", "Dewi"), "T1", day=BusinessDay())
    rng = random.Random(2026)
    day, written = LAST_DAY, 0
    while written < lines:
        stories = plan_day(rng, shop, day, SALES_PER_DAY)
        write_day(db, shop, stories)
        written += sum(len(s.lines) for s in stories if s.finish is not Finish.CANCEL)
        day -= timedelta(days=1)
    db.close()


def exported_range(path: Path) -> tuple[date, date, int]:
    db = open_database(path)
    try:
        first, last = db.execute(
            "SELECT min(business_date), max(business_date) FROM sales"
        ).fetchone()
        lines = db.execute(
            "SELECT count(*) FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
            "WHERE s.status = 'completed'"
        ).fetchone()[0]
        return date.fromisoformat(first), date.fromisoformat(last), int(lines)
    finally:
        db.close()


def child(db_path: str, out: str, first: str, last: str) -> int:
    """The export alone, as ``pos-app export`` runs it; prints seconds, rows and VmHWM."""
    from pos_app.reports.sales_csv import export_sales

    db = open_database(Path(db_path))
    started = time.perf_counter()
    summary = export_sales(
        db, Path(out), first_day=date.fromisoformat(first), last_day=date.fromisoformat(last)
    )
    elapsed = time.perf_counter() - started
    status = Path("/proc/self/status").read_text()
    hwm = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
    print(f"{elapsed:.3f} {summary.rows} {hwm}")
    return 0


def main() -> int:
    if sys.argv[1:2] == [CHILD]:
        return child(*sys.argv[2:6])
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    cache = Path(tempfile.gettempdir()) / f"kasir-bench-export-{lines}.db"
    if cache.exists() and exported_range(cache)[2] < lines:
        cache.unlink()
    if not cache.exists():
        started = time.perf_counter()
        partial = cache.with_suffix(".partial")
        for leftover in cache.parent.glob(partial.name + "*"):
            leftover.unlink()
        build(partial, lines)
        partial.rename(cache)
        print(f"generated the database in {time.perf_counter() - started:.1f} s: {cache}")
    else:
        print(f"reusing {cache}")
    first, last, count = exported_range(cache)
    print(f"{count:,} completed sale lines, business days {first} to {last}")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "lines.csv"
        done = subprocess.run(
            [sys.executable, __file__, CHILD, str(cache), str(out), str(first), str(last)],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        seconds, rows, hwm_kb = done.stdout.split()
        size = out.stat().st_size
    maxrss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"export --lines: {int(rows):,} rows, {size / 1e6:.0f} MB in {float(seconds):.2f} s")
    print(
        f"peak resident memory of the export process: {int(hwm_kb) / 1024:.0f} MB (VmHWM), "
        f"{maxrss_kb / 1024:.0f} MB (ru_maxrss)"
    )
    print("targets: <= 5 s and <= 150 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
