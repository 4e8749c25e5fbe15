"""Backing up the relay's database while it runs, and putting a backup back while it is stopped.

Both give the copy a new epoch (see :mod:`pos_app.relay.schema`): a backup is an older state of
the database, and its cursors restart below those the terminals have passed. With another epoch
the terminals fetch its events from the start and skip what they hold, so no payment event
after the backup is skipped. A backup put back with ``cp`` still has its own new epoch; a
restore draws one more, so restoring the same backup twice is safe too.
"""

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pos_app.domain.atomic_files import sync_folder
from pos_app.relay import schema, storage

RELAY_TABLES = frozenset({"terminals", "payments", "events", "deliveries", "meta"})


class BackupError(Exception):
    """The backup or restore was refused or failed; the message says why, nothing was changed."""


@dataclass(frozen=True, slots=True)
class Restored:
    epoch: str
    counts: dict[str, int]
    kept: Path | None
    """Where the database that was replaced is kept (``None``: there was none)."""


def backup(db: Path, destination: Path) -> str:
    """Copy the database (even while the relay runs: SQLite's online backup) to
    ``destination``, a single file readable by its owner only; the copy's epoch."""
    if not db.is_file():
        raise BackupError(f"there is no relay database at {db}")
    if destination.exists():
        raise BackupError(f"{destination} exists already; choose another name")
    if not destination.parent.is_dir():
        raise BackupError(f"the folder {destination.parent} does not exist")
    partial = destination.with_name(f"{destination.name}.partial")
    with _cleaned_up(partial, f"backing up {db} to {destination}"):
        with (
            contextlib.closing(sqlite3.connect(db, timeout=10)) as source,
            contextlib.closing(_create_private(partial)) as copy,
        ):
            source.backup(copy)
            _check_schema(copy, db)
        epoch = _finish_copy(partial, journal="DELETE")
    os.replace(partial, destination)
    sync_folder(destination.parent)
    return epoch


def restore(source: Path, db: Path) -> Restored:
    """Put the backup ``source`` in place of the database ``db`` with a new epoch.

    Refused while the relay (or anything) has ``db`` open. The replaced database, with
    everything it received since the backup, is kept beside it as ``<db>.replaced-<UTC time>``.
    """
    if not source.is_file():
        raise BackupError(f"there is no backup at {source}")
    if Path(f"{source}-wal").exists():
        raise BackupError(
            f"{source}-wal lies beside the backup: it was copied while in use and may be "
            "incomplete; make backups with 'pos-app relay backup'"
        )
    if db.exists() and db.samefile(source):
        raise BackupError(f"{source} is the relay database itself, not a backup of it")
    if not db.parent.is_dir():
        raise BackupError(f"the folder {db.parent} does not exist")
    partial = db.with_name(f"{db.name}.partial")
    with _cleaned_up(partial, f"restoring {source} to {db}"):
        _create_private(partial).close()
        shutil.copyfile(source, partial)
        with contextlib.closing(sqlite3.connect(partial)) as check:
            _check_schema(check, source)
        epoch = _finish_copy(partial, journal="WAL")
        with contextlib.closing(schema.connect(partial)) as conn:
            counts = storage.counts(conn)
        _match_owner(partial, like=db if db.exists() else db.parent)
        kept = _set_aside(db)
    os.replace(partial, db)
    sync_folder(db.parent)
    return Restored(epoch, counts, kept)


def _create_private(path: Path) -> sqlite3.Connection:
    """A new database file only its owner can read (it holds token hashes and payments)."""
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return sqlite3.connect(path)


@contextlib.contextmanager
def _cleaned_up(partial: Path, doing: str) -> Iterator[None]:
    """Remove the unfinished copy on any failure, naming a failure of the disk or database."""
    try:
        yield
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError | sqlite3.Error):
            raise BackupError(f"{doing} failed: {exc}") from None
        raise


def _check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse what is not a sound relay database this relay can read, naming why."""
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        damage = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a relay database: {exc}") from None
    missing = sorted(RELAY_TABLES - tables)
    if missing:
        raise BackupError(f"{path} is not a relay database: no {', '.join(missing)} table")
    if version > schema.SCHEMA_VERSION:
        raise BackupError(f"{path} was written by a newer relay (schema {version})")
    if damage != ["ok"]:
        raise BackupError(f"{path} is damaged: {'; '.join(damage[:3])}")


def _finish_copy(path: Path, *, journal: str) -> str:
    """Bring the copy to this relay's schema, give it a new epoch, leave it in ``journal`` mode
    and on disk; the epoch."""
    with contextlib.closing(schema.connect(path)) as conn:
        conn.begin()
        epoch = schema.replace_epoch(conn)
        conn.execute("COMMIT")
        conn.execute(f"PRAGMA journal_mode={journal}")
    with path.open("rb+") as file:
        os.fsync(file.fileno())
    return epoch


def _set_aside(db: Path) -> Path | None:
    """Move the database (and a WAL that could not be folded in) out of the way; where to.

    Refused if anything has it open: the relay must be stopped. A database too damaged to
    open is moved as it is. A WAL left by a relay that died, its database moved away by hand,
    is moved too: SQLite would replay it into the restored file (``None``: no database there).
    """
    wal = Path(f"{db}-wal")
    if not db.exists():
        if wal.exists():
            os.replace(wal, f"{_kept_name(db)}-wal")
        Path(f"{db}-shm").unlink(missing_ok=True)
        return None
    conn = sqlite3.connect(db, isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        if exc.sqlite_errorname in ("SQLITE_BUSY", "SQLITE_LOCKED"):
            raise BackupError(
                f"{db} is in use: stop the relay first (systemctl stop kasir-relay)"
            ) from None
        if exc.sqlite_errorname not in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
            raise
    finally:
        conn.close()
    kept = _kept_name(db)
    os.replace(db, kept)
    if wal.exists():
        os.replace(wal, f"{kept}-wal")
    Path(f"{db}-shm").unlink(missing_ok=True)
    return kept


def _kept_name(db: Path) -> Path:
    """``<db>.replaced-<UTC time>``, numbered if taken (with or without its ``-wal``)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = db.with_name(f"{db.name}.replaced-{stamp}")
    number = 1
    while kept.exists() or Path(f"{kept}-wal").exists():
        number += 1
        kept = db.with_name(f"{db.name}.replaced-{stamp}-{number}")
    return kept


def _match_owner(path: Path, *, like: Path) -> None:
    """Run as root, hand the file to the relay's user (the owner of its database or folder)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        owner = like.stat()
        os.chown(path, owner.st_uid, owner.st_gid)
