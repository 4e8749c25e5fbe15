"""A till's database as an older Kasir left it, for the tests of what an upgrade does to it."""

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from pos_app.store.database import migrate
from pos_app.store.migrations import MIGRATIONS


def database_before(path: Path, marker: str) -> Database:
    """The database at ``path`` brought up to just before the first migration whose SQL holds
    ``marker``; rows written into it meet that migration when the store next opens it."""
    before = next(
        version
        for version, step in enumerate(MIGRATIONS)
        if isinstance(step, str) and marker in step
    )
    old = Database(sqlite3.connect(path))
    assert migrate(old, MIGRATIONS[:before]) == before
    return old
