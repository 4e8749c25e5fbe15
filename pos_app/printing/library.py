"""python-escpos, imported on first use and with its printer database cached between runs.

Importing it reads the database of printer profiles (``capabilities.json``) as YAML, about a
second, and caches the result in a fresh temporary folder each time, so the cache never helps and
the folders pile up. Kasir points that cache at its own cache folder, and imports python-escpos
only where a ticket is turned into bytes or sent, which happens on the print queue's thread (or a
worker, or the shell): the terminal starts without it and the GUI thread never waits for it.
"""

import os

import platformdirs

CACHE_VARIABLE = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def prepare() -> None:
    """Call before importing python-escpos; a folder already chosen in the environment stays."""
    folder = os.environ.setdefault(
        CACHE_VARIABLE, str(platformdirs.user_cache_path("Kasir") / "escpos")
    )
    os.makedirs(folder, exist_ok=True)
