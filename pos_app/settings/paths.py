"""Where Kasir's shipped resources and per-user files live: every folder the platform chooses
for Kasir is named here (but python-escpos's cache, which ``printing/`` sets up beside the
library it serves)."""

import sys
from pathlib import Path

import platformdirs

APP = "Kasir"


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside a PyInstaller bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources"


def config_path() -> Path:
    """The settings file read when neither ``--config`` nor ``KASIR_CONFIG`` names one."""
    return platformdirs.user_config_path(APP) / "kasir.toml"


def database_path() -> Path:
    """The till's database when ``--db`` names none."""
    return platformdirs.user_data_path(APP) / "kasir.db"


def demo_database_path() -> Path:
    """Demo mode keeps its own database, so trying Kasir never touches the shop's sales."""
    return platformdirs.user_data_path(APP) / "demo.db"


def log_folder() -> Path:
    """The log files' folder when ``KASIR_LOG_DIR`` names none."""
    return platformdirs.user_log_path(APP)


def cache_folder(purpose: str) -> Path:
    """A folder for files Kasir makes again when they are gone (compiled translations)."""
    return platformdirs.user_cache_path(APP) / purpose
