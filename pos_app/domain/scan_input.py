"""What the cashier types (or the scanner sends) on the input line: a count before a code, as in
``3*8991234567890``, the way tills take several of one item in one scan."""

import re

from pos_app.domain.barcodes import carried_forms, is_gs1_code, without_aim_identifier
from pos_app.domain.basket import MAX_QUANTITY

_QUANTITY_PREFIX = re.compile(r"^\s*([0-9]+)\s*\*\s*(.*)$", re.DOTALL)
_QUANTITY_DIGITS = len(str(MAX_QUANTITY)) + 1
"""How much of a quantity prefix is read: one digit more than the largest quantity has, so a
longer prefix is still out of range (the usual warning) and ``int`` never reads thousands of
digits, which it refuses with a ValueError."""


def split_quantity(text: str) -> tuple[int, str]:
    """``"3*8991234567890"`` → ``(3, "8991234567890")``; without a prefix the quantity is 1.

    Only ASCII digits make a prefix; one too long to be a quantity is read as far as
    :data:`_QUANTITY_DIGITS`, out of range all the same."""
    match = _QUANTITY_PREFIX.match(text)
    if match is None:
        return 1, text.strip()
    digits = match.group(1).lstrip("0") or "0"
    return int(digits[:_QUANTITY_DIGITS]), match.group(2).strip()


def is_scanned_code(text: str) -> bool:
    """Digits a scanner typed, not an amount: a whole EAN, UPC or GTIN-14 code with its check
    digit, with the AIM identifier the scanner may send in front, or such a code carried with
    its add-on or in a GS1 element string (the customer handed one more item while the cash
    dialog had the focus). Amounts that long are typed with their dots."""
    return is_gs1_code(without_aim_identifier(text)) or bool(carried_forms(text))
