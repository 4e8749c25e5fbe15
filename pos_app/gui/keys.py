"""What a key press is to the counter: typing (a person's, or a scanner's, which types like a
keyboard and ends its codes with Enter or Tab)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
SCAN_ENDS = (*ENTER_KEYS, Qt.Key.Key_Tab)
"""The keys a scanner ends a code with, as the shop sets it up."""


def is_typing(event: QKeyEvent) -> bool:
    """A printable key without Ctrl/Alt: what a person or a scanner types into the input line."""
    blocked = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    text = event.text()
    return bool(text) and text.isprintable() and not (event.modifiers() & blocked)
