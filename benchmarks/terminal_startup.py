"""Start to interactive with 100,000 products, offscreen, in demo mode (what ``make run`` starts).

Each round starts a fresh Python process on the same database and measures, from the moment the
process is spawned: the PIN page painted and taking keys (interactive), and — after the demo
cashier's PIN, whose scrypt check is part of signing in — the cashier screen painted with its
product tiles. Target: interactive ≤ 2 s.

Usage: ``python benchmarks/terminal_startup.py [ROUNDS] [PRODUCTS]`` (default 5 and 100,000).
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from store_search import catalogue

from pos_app.settings.terminal_config import Settings
from pos_app.till.terminal import open_terminal

CHILD_TIMEOUT = 60


def child(db: Path) -> int:
    """The measured process: the same steps as ``pos-app --demo``, reporting milestones."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from pos_app.gui.app import TerminalApp, application

    def spin_until(condition: Callable[[], object]) -> None:
        deadline = time.monotonic() + CHILD_TIMEOUT
        while not condition() and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)

    app = application()
    terminal = open_terminal(Settings(), db, demo=True)
    terminal_app = TerminalApp(terminal)
    try:
        terminal_app.start()
        spin_until(lambda: terminal_app.sign_in.pin.hasFocus() and terminal_app.shell.isVisible())
        terminal_app.shell.grab()  # painted once
        print("interactive", flush=True)
        terminal_app.sign_in.pin_entered.emit("1111")
        spin_until(lambda: terminal_app.shell.currentWidget() is terminal_app.window)
        terminal_app.shell.grab()
        print("cashier", flush=True)
    finally:
        terminal_app.close()
        terminal.close()
        app.processEvents()
    return 0


def prepare(db: Path, count: int) -> float:
    started = time.perf_counter()
    terminal = open_terminal(Settings(), db, demo=True)
    try:
        terminal.store.products.upsert_many(catalogue(count))
    finally:
        terminal.close()
    return time.perf_counter() - started


def one_round(db: Path) -> dict[str, float]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", str(db)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.stdout is not None
    seen: dict[str, float] = {}
    for line in process.stdout:
        seen[line.strip()] = time.perf_counter() - started
    if process.wait(CHILD_TIMEOUT) != 0 or set(seen) != {"interactive", "cashier"}:
        raise RuntimeError(f"the terminal did not start cleanly: {seen}")
    return seen


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        print(f"({count:,} products stored in {prepare(db, count):.1f} s)")
        results = [one_round(db) for _ in range(rounds)]
    for milestone, label in (
        ("interactive", "start → PIN page interactive"),
        ("cashier", "start → cashier screen after the PIN"),
    ):
        times = sorted(result[milestone] for result in results)
        verdict = ""
        if milestone == "interactive":
            verdict = " (target ≤ 2 s: " + ("ok)" if times[-1] <= 2 else "ABOVE TARGET)")
        print(
            f"{label}, {count:,} products: median {statistics.median(times):.2f} s, "
            f"max {times[-1]:.2f} s over {rounds} starts{verdict}"
        )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.exit(child(Path(sys.argv[2])))
    sys.exit(main())
