"""Digits as Kasir reads them from people and files: ASCII 0-9 only.

``str.isdigit`` also takes ``²`` and other digit-like characters, which ``int`` then refuses with
a bare ValueError, as it refuses thousands of digits; every parser that checks "all digits"
before ``int`` asks here instead.
"""

import re

_DIGITS = re.compile(r"[0-9]+")


def is_digits(text: str) -> bool:
    """Only ASCII digits, at least one."""
    return _DIGITS.fullmatch(text) is not None


def whole_number(text: str, most_digits: int) -> int | None:
    """The number ``text`` spells in at most ``most_digits`` digits (leading zeros aside), or
    None: a field pasted full of digits is refused like any other bad number."""
    if not is_digits(text) or len(text.lstrip("0")) > most_digits:
        return None
    return int(text)
