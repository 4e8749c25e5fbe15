"""One ``relay serve`` per SQLite file.

Only PostgreSQL carries a stored notification's wake-up between processes (LISTEN/NOTIFY). Two
relays serving one SQLite file both store, but a till long-polling the one learns of a payment
the other stored only when its long-poll times out, up to a minute later: long enough for the
cashier to take the money another way. So the first ``relay serve`` of a file holds a lock on
``<file>.lock`` (with its pid in it) for as long as it runs, and a second one is refused.
"""

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path


class AlreadyServed(Exception):
    """Another process serves this SQLite file."""

    def __init__(self, db: Path, pid: str) -> None:
        holder = f"process {pid}" if pid.isdigit() else "another process"
        super().__init__(
            f"{holder} serves {db} already: a relay on a SQLite file is one process; several "
            "relay processes share a PostgreSQL database instead (database_url)"
        )


def lock_path(db: Path) -> Path:
    """Beside the file itself, whichever symlink or relative path the settings name it by."""
    return Path(f"{os.path.realpath(db)}.lock")


@contextlib.contextmanager
def claimed(db: Path) -> Iterator[None]:
    """This process as the one serving ``db`` for as long as the block runs (and no longer than
    the process: the system lets go of the lock however it ends). Raises :class:`AlreadyServed`.
    Nothing is claimed on Windows, which has no ``flock`` and serves no relay in production
    (the runbook is systemd's)."""
    if sys.platform == "win32":
        yield
        return
    import fcntl

    fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+", encoding="ascii", errors="replace") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyServed(db, lock.read(32).strip()) from None
        lock.truncate(0)
        lock.write(str(os.getpid()))
        lock.flush()
        yield
