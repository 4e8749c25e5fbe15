"""A QR code painted module by module from the ``qrcode`` matrix (after Electrum's widget).

Each module is a whole number of device pixels, so the code stays sharp on any screen; nothing is
scaled from a bitmap. The quiet zone (four modules) is part of the matrix and painted white.
"""

from functools import lru_cache

import qrcode
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4
MIN_SIDE = 280
MIN_MODULE = 2
"""Pixels per module below which phone cameras struggle; long URLs make the widget grow."""


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of ``text`` at error correction M, quiet zone included; True is dark.

    Encoding a payment URL takes several milliseconds in pure Python, so the result is cached:
    a worker can encode it ahead (:func:`prepare_qr`) and the dialog and the customer display
    then show it without encoding it again on the GUI thread.
    """
    return [list(row) for row in _encode(text)]


def prepare_qr(text: str) -> None:
    """Encode ``text`` now (on a worker thread), so showing it later costs no encoding."""
    _encode(text)


@lru_cache(maxsize=16)
def _encode(text: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(text)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


class QRCodeWidget(QWidget):
    """Shows one text as a QR code, as large as the widget allows, centred on white."""

    def __init__(self, parent: QWidget | None = None, *, min_side: int = MIN_SIDE) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self._text = ""
        self._min_side = min_side
        self.setMinimumSize(min_side, min_side)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    @property
    def text(self) -> str:
        return self._text

    @property
    def matrix(self) -> list[list[bool]]:
        return self._matrix

    def set_data(self, text: str) -> None:
        self._text = text
        self._matrix = qr_matrix(text) if text else []
        side = max(self._min_side, len(self._matrix) * MIN_MODULE)
        self.setMinimumSize(side, side)
        self.setToolTip(text)
        self.update()

    def module_geometry(self) -> tuple[int, int, int]:
        """``(left, top, module)`` in device pixels: where the matrix starts, one module's side."""
        ratio = self.devicePixelRatio()
        width, height = round(self.width() * ratio), round(self.height() * ratio)
        count = len(self._matrix)
        if not count:
            return 0, 0, 0
        module = min(width, height) // count
        return (width - module * count) // 2, (height - module * count) // 2, module

    def sizeHint(self) -> QSize:
        side = max(self.minimumWidth(), self.minimumHeight())
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        left, top, module = self.module_geometry()
        if not module:
            painter.end()
            return
        ratio = self.devicePixelRatio()
        painter.scale(1 / ratio, 1 / ratio)
        painter.setPen(Qt.PenStyle.NoPen)
        dark = QColor(Qt.GlobalColor.black)
        for row, cells in enumerate(self._matrix):
            for column, is_dark in enumerate(cells):
                if is_dark:
                    painter.fillRect(
                        QRect(left + column * module, top + row * module, module, module), dark
                    )
        painter.end()
