"""Export files that are never seen half-written, and never replace what is not an export.

A text file or a binary workbook is written by ``domain/atomic_files.py``: rows go to a temporary
file beside the target, renamed over it only when every row is written. Any failure (an exception,
a cancelled export, a full disk) leaves the target as it was. Only a regular file that is not an
SQLite database is ever replaced: a mistyped target must not swap the till's books (or a device)
for an export. What goes in the cells is ``domain/csv_cells.py``'s.
"""

import csv
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from pos_app.domain.atomic_files import replacing_file
from pos_app.domain.csv_cells import LINE_END
from pos_app.domain.errors import KasirError
from pos_app.domain.texts import N_

SQLITE_HEADER = b"SQLite format 3\x00"
"""How every SQLite database file starts."""


class CsvRowWriter(Protocol):
    def writerow(self, row: Sequence[Any], /) -> Any: ...


class OutputError(KasirError):
    """The output file cannot be written; the message names the file and the reason."""


@contextmanager
def atomic_csv(path: Path) -> Iterator[CsvRowWriter]:
    """An RFC 4180 writer (UTF-8, ``\\r\\n``) whose file appears at ``path`` only on success."""
    with atomic_text(path) as handle:
        yield csv.writer(handle, lineterminator=LINE_END)


@contextmanager
def atomic_text(path: Path, *, encoding: str = "utf-8") -> Iterator[Any]:
    """A text file (UTF-8 unless told) that replaces ``path`` when the block ends without an
    exception; ``utf-8-sig`` starts it with the byte-order mark Excel looks for."""
    with _atomic(path, "w", encoding) as handle:
        yield handle


@contextmanager
def atomic_bytes(path: Path) -> Iterator[Any]:
    """A binary file (a workbook) that replaces ``path`` when the block ends without an
    exception."""
    with _atomic(path, "wb", None) as handle:
        yield handle


@contextmanager
def _atomic(path: Path, mode: str, encoding: str | None) -> Iterator[Any]:
    target = Path(path)
    _refuse_to_replace(target)
    if not target.parent.is_dir():
        raise OutputError(
            N_("cannot write {target}: folder {folder} does not exist"),
            target=target,
            folder=target.parent,
        )
    try:
        newline = None if encoding is None else ""
        with replacing_file(target, mode, encoding=encoding, newline=newline) as handle:
            yield handle
    except OSError as error:
        raise OutputError(
            N_("cannot write {target}: {why}"), target=target, why=error.strerror or error
        ) from None


def _refuse_to_replace(target: Path) -> None:
    """Refuse a ``target`` that exists but is not a plain file to overwrite: a folder, a device or
    a pipe, or a database (the till's own, given as the output by mistake, would lose its
    sales to the rename)."""
    try:
        status = target.stat()
        if stat.S_ISDIR(status.st_mode):
            raise OutputError(N_("{target} is a folder; give a file name to write"), target=target)
        if not stat.S_ISREG(status.st_mode):
            raise OutputError(
                N_("{target} is a device or a pipe, not a file; give a file name to write"),
                target=target,
            )
        with target.open("rb") as existing:
            head = existing.read(len(SQLITE_HEADER))
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing to replace; a missing folder is named next
    except OSError as error:
        raise OutputError(
            N_("cannot write {target}: {why}"), target=target, why=error.strerror or error
        ) from None
    if head == SQLITE_HEADER:
        raise OutputError(
            N_("{target} is a database; it is not overwritten, give another file name"),
            target=target,
        )
