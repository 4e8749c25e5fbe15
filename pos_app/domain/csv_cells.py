"""A text cell a spreadsheet shows as text, never runs as a formula ("CSV injection"), and the
same cell read back as it was: shared by every file Kasir writes (``reports/``) and the product
import that reads one back (``domain/catalog_csv.py``).

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or the full-width
``＝ ＋ － ＠`` some spreadsheets also accept) would be run by Excel or LibreOffice; it gets a
leading apostrophe, which spreadsheets show as text.
"""

FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")
NEUTRALISER = "'"


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
