"""A ticket: the text lines a thermal printer prints, laid out to the roll's columns, and its
ESC/POS bytes (python-escpos), with the cut and the cash drawer's pulse.

The layout is done here, in characters, not by the printer: the bytes, the tests and the README's
picture of a receipt (drawn by ``packaging/thermal_receipt_image.py``) all show the same lines.

Code page: CP850 (ESC t 2, "PC850 Multilingual"), forced rather than left to python-escpos's
guessing, which switches tables mid-line. Indonesian needs only ASCII, but shop, product and
cashier names bring Latin-1 letters (é, ü), and the receipt writes quantities with "×"; CP850 has
them all, and it is in the character tables of Epson, Xprinter, Zjiang and the other 58/80 mm
printers sold in Indonesia. A character it lacks is printed as its nearest look-alike (``ở`` as
``o``, a curly quote as a straight one, a thin space as a space), an invisible one (a zero-width
joiner, a direction mark) not at all, and only what has none as "?".
"""

import textwrap
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from pos_app.domain.catalog import is_control
from pos_app.printing import library

CODE_PAGE = "CP850"
DRAWER_PIN = 2
"""The drawer kick-out connector's pin 2, where cash drawers are wired unless told otherwise."""
LOOK_ALIKES = str.maketrans(
    dict.fromkeys("‘’‚‛", "'") | dict.fromkeys("“”„‟", '"') | dict.fromkeys("‐‑‒–—―−", "-")
)
"""Punctuation that word processors and phones type, with no decomposition to fall back on."""


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class TicketLine:
    text: str = ""
    align: Align = Align.LEFT
    bold: bool = False
    tall: bool = False
    """Double height: the shop's name, the total."""


@dataclass(frozen=True, slots=True)
class Ticket:
    """What one job prints: ``drawer`` pulses the cash drawer before the first line."""

    columns: int
    lines: tuple[TicketLine, ...] = ()
    drawer: bool = False
    cut: bool = True

    def laid_out(self) -> Iterator[tuple[str, TicketLine]]:
        """Each printed row, padded to the columns as aligned, with the line it belongs to."""
        for line in self.lines:
            for row in wrapped(line.text, self.columns):
                if line.align is Align.CENTER:
                    row = row.center(self.columns).rstrip()
                elif line.align is Align.RIGHT:
                    row = row.rjust(self.columns)
                yield row, line

    def text(self) -> str:
        """The ticket as plain text, one row a line."""
        return "\n".join(row for row, _ in self.laid_out())


def wrapped(text: str, columns: int) -> list[str]:
    """``text``'s lines, each broken between words into rows of at most ``columns`` (a word
    longer than a row is cut); a row that fits is kept as it is, spaces and all. Each character
    is as the printer prints it (:func:`printable`), so the columns count what is printed."""
    rows: list[str] = []
    for line in text.split("\n"):
        part = printed(line)
        fits = len(part) <= columns
        rows += [part] if fits else textwrap.wrap(part, columns, break_on_hyphens=False)
    return rows


def printed(text: str) -> str:
    """``text`` as the printer prints it, character by character (:func:`printable`)."""
    return "".join(map(printable, text))


@cache
def printable(char: str) -> str:
    """What the printer prints for ``char``: a control character (a product name imported with
    an ESC in it) becomes a space, as sent it would be a printer command (pulse the drawer, cut,
    change modes); a character the code page lacks becomes its look-alike (see above)."""
    if is_control(char) or unicodedata.category(char) == "Zs":
        return " "
    if _in_code_page(char):
        return char
    if unicodedata.category(char) == "Cf":
        return ""
    base = "".join(
        part
        for part in unicodedata.normalize("NFKD", char.translate(LOOK_ALIKES))
        if not unicodedata.combining(part) and _in_code_page(part)
    )
    return base or "?"


def _in_code_page(char: str) -> bool:
    try:
        char.encode(CODE_PAGE)
    except UnicodeEncodeError:
        return False
    return True


def pair(left: str, right: str, columns: int) -> str:
    """``left`` and ``right`` on one row, ``right`` at the right edge; when both do not fit,
    ``left`` wraps and ``right`` ends its last row (or takes a row of its own). Both are
    measured as printed: "…" takes three columns, a zero-width joiner none."""
    rows = wrapped(left, columns)
    right = printed(right)
    last = rows[-1]
    if len(last) + 1 + len(right) <= columns:
        rows[-1] = last + right.rjust(columns - len(last))
    else:
        rows.append(right.rjust(columns))
    return "\n".join(rows)


def rule(columns: int) -> TicketLine:
    return TicketLine("-" * columns)


def escpos_bytes(ticket: Ticket) -> bytes:
    """The ticket as ESC/POS: initialise, code page, drawer pulse, the rows, feed and cut."""
    library.prepare()
    from escpos.printer import Dummy

    printer = Dummy()
    printer.hw("INIT")
    printer.charcode(CODE_PAGE)
    if ticket.drawer:
        printer.cashdraw(DRAWER_PIN)
    for row, line in ticket.laid_out():
        printer.set(bold=line.bold, double_height=line.tall, normal_textsize=not line.tall)
        printer.textln(row)
    if ticket.cut:
        printer.cut()
    output: bytes = printer.output
    return output
