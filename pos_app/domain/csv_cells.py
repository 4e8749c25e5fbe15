"""A text cell a spreadsheet shows as text, never runs as a formula ("CSV injection"), and the
same cell read back as it was: shared by every file Kasir writes (``reports/``) and the product
import that reads one back (``domain/catalog_csv.py``).

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or the full-width
``＝ ＋ － ＠`` some spreadsheets also accept) would be run by Excel or LibreOffice; it gets a
leading apostrophe, which spreadsheets show as text. Only ``str`` cells are touched: numbers are
written from ``int`` values, so a refund of ``-12000`` stays a number a spreadsheet can add up.
"""

import csv
import io
import re
from collections.abc import Sequence

FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")
NEUTRALISER = "'"
QUOTE_TRIGGERS = ',"\r\n'
"""A cell holding one of these is quoted (RFC 4180; the csv module's minimal quoting)."""
_NEVER_FIRST = re.escape("".join(sorted(FORMULA_STARTS)) + QUOTE_TRIGGERS)
_PLAIN = re.compile(f"[^{_NEVER_FIRST}'\x00][^{re.escape(QUOTE_TRIGGERS)}\x00]*")
"""Text that is its own CSV cell: no formula start (nor an apostrophe, which may hide one),
nothing to quote, no NUL."""
LINE_END = "\r\n"
"""Between the rows of every CSV file Kasir writes (RFC 4180)."""


def neutralise(cell: str) -> str:
    """``cell`` as a spreadsheet will show it as text, never run it as a formula. A NUL (a
    provider's reference may hold one) becomes a space: CSV readers stop at it, and the relay
    refuses a till's whole day for it."""
    cell = cell.replace("\x00", " ")
    return NEUTRALISER + cell if _formula_behind(cell) else cell


def restore(cell: str) -> str:
    """Undo :func:`neutralise` on a cell read back, so an export then import changes nothing:
    a name that really starts with an apostrophe and a formula character (``'+62 Pulsa``) was
    given one more, so it keeps its own."""
    if cell[:1] == NEUTRALISER and _formula_behind(cell[1:]):
        return cell[1:]
    return cell


def _formula_behind(cell: str) -> bool:
    """``cell`` starts with a formula character, after any apostrophes."""
    return cell.lstrip(NEUTRALISER)[:1] in FORMULA_STARTS


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
