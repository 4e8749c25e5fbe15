"""``pos-app --self-test``: one QR sale end to end in a fresh process, and a failure named."""

import os
import subprocess
import sys
from pathlib import Path

TIMEOUT = 90
STEPS = (
    "language catalogues load",
    "the main window opens",
    "the demo cashier signs in",
    "two products go in the basket",
    "the QR payment is created and shown",
    "the customer pays (sandbox)",
    "the sale is completed",
    "the receipt is shown",
)


def self_test(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """No Qt platform named (the self-test picks offscreen itself) and a broken settings file,
    which the self-test must not depend on."""
    broken = tmp_path / "kasir.toml"
    broken.write_text("provider = ", encoding="utf-8")
    clean = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("KASIR_") and name != "QT_QPA_PLATFORM"
    }
    return subprocess.run(
        [sys.executable, "-m", "pos_app", "--self-test"],
        env=clean | {"KASIR_CONFIG": str(broken)} | env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def test_the_self_test_sells_by_qr_and_exits_0(tmp_path: Path) -> None:
    done = self_test(tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [step for step in STEPS if not any(f"ok  {step}" in line for line in lines)] == []
    assert lines[-1].startswith("self-test passed in ")
    assert "paid through the relay" in lines[-1]
    assert "Traceback" not in done.stderr


def test_a_failing_step_is_named_and_exits_1(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    done = self_test(tmp_path, XDG_CACHE_HOME=str(blocker))
    assert done.returncode == 1
    assert "self-test FAILED: language catalogue 'id'" in done.stderr
    assert "cannot write the compiled catalogue" in done.stderr
    assert "Traceback" not in done.stderr
