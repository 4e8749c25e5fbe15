"""Writing CSV files a spreadsheet can open safely, and that are never seen half-written.

Formula neutralisation (``domain/csv_cells.py``): a text cell a spreadsheet would run as a formula
gets a leading apostrophe. Only ``str`` cells are touched: numbers are written from ``int`` values,
so a refund of ``-12000`` stays a number a spreadsheet can add up.

Atomic writing (a text file or a binary workbook, by ``domain/atomic_files.py``): rows go to a
temporary file beside the target, renamed over it only when every row is written. Any failure (an
exception, a cancelled export, a full disk) leaves the target as it was. Only a regular file that
is not an SQLite database is ever replaced: a mistyped target must not swap the till's books (or
a device) for an export.
"""

import csv
import io
import re
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from pos_app.domain.atomic_files import replacing_file
from pos_app.domain.csv_cells import FORMULA_STARTS, neutralise
from pos_app.domain.errors import KasirError
from pos_app.domain.texts import N_

QUOTE_TRIGGERS = ',"\r\n'
"""A cell holding one of these is quoted (RFC 4180; the csv module's minimal quoting)."""
_NEVER_FIRST = re.escape("".join(sorted(FORMULA_STARTS)) + QUOTE_TRIGGERS)
_PLAIN = re.compile(f"[^{_NEVER_FIRST}'\x00][^{re.escape(QUOTE_TRIGGERS)}\x00]*")
"""Text that is its own CSV cell: no formula start (nor an apostrophe, which may hide one),
nothing to quote, no NUL."""
LINE_END = "\r\n"
SQLITE_HEADER = b"SQLite format 3\x00"
"""How every SQLite database file starts."""


class CsvRowWriter(Protocol):
    def writerow(self, row: Sequence[Any], /) -> Any: ...


class OutputError(KasirError):
    """The output file cannot be written; the message names the file and the reason."""


def safe_cells(row: Sequence[object]) -> list[object]:
    """Neutralise the text cells of ``row``; ints and None (empty) pass unchanged."""
    return [neutralise(cell) if isinstance(cell, str) else cell for cell in row]


class CsvCells:
    """Text cells as CSV text (neutralised, quoted like the csv module), for exports that write
    their rows as strings: plain text passes as it is, and cells that repeat (a cashier, a product)
    are encoded once. At most ``limit`` combinations are remembered, so memory stays bounded."""

    def __init__(self, limit: int = 100_000) -> None:
        self._limit = limit
        self._known: dict[tuple[str, ...], str] = {}
        self._buffer = io.StringIO()
        # the file's own line end, so a cell holding CR or LF is quoted exactly as in a file
        self._writer = csv.writer(self._buffer, lineterminator=LINE_END)

    def one(self, text: str) -> str:
        """One cell that is seldom repeated (an invoice number)."""
        return text if not text or _PLAIN.fullmatch(text) else self._encode((text,))

    def many(self, *texts: str) -> str:
        """Adjacent cells that often repeat together, joined by commas."""
        known = self._known.get(texts)
        if known is None:
            known = self._encode(texts)
            if len(self._known) < self._limit:
                self._known[texts] = known
        return known

    def _encode(self, texts: Sequence[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow([neutralise(text) for text in texts])
        return self._buffer.getvalue()[: -len(LINE_END)]


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
