"""Digits as Kasir reads them from people and files: ASCII 0-9 only.

``str.isdigit`` also takes ``²`` and other digit-like characters, which ``int`` then refuses with
a bare ValueError; every parser that checks "all digits" before ``int`` asks here instead.
"""

import re

_DIGITS = re.compile(r"[0-9]+")


def is_digits(text: str) -> bool:
    """Only ASCII digits, at least one."""
    return _DIGITS.fullmatch(text) is not None
