"""Where Kasir's shipped resources and per-user files live."""

import sys
from pathlib import Path

import platformdirs


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside a PyInstaller bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources"


def demo_database_path() -> Path:
    """Demo mode keeps its own database, so trying Kasir never touches the shop's sales."""
    return platformdirs.user_data_path("Kasir") / "demo.db"
