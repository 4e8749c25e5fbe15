"""A QR code painted module by module from its matrix (after Electrum's widget).

Each module is a whole number of device pixels, so the code stays sharp on any screen. The matrix
is made into an image of one pixel per module once, when the text is set, and each paint scales it
by that whole number without smoothing: one call, where painting module by module took
milliseconds on the path from F12 to the QR on screen. The quiet zone (four modules) is part of the
matrix and painted white.
"""

from functools import lru_cache

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from pos_app.gui.qr_encoding import qr_modules

QUIET_ZONE = 4
MIN_SIDE = 280
MIN_MODULE = 2
"""Pixels per module below which phone cameras struggle; long URLs make the widget grow."""


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of ``text`` at error correction M, quiet zone included; True is dark.

    The result is cached: a worker encodes it ahead (:func:`prepare_qr`), and the dialog and
    the customer display then show it without encoding it again on the GUI thread.
    """
    return [list(row) for row in _encode(text)]


def prepare_qr(text: str) -> None:
    """Encode ``text`` now (on a worker thread), so showing it later costs no encoding."""
    _encode(text)


@lru_cache(maxsize=16)
def _encode(text: str) -> tuple[tuple[bool, ...], ...]:
    return tuple(tuple(row) for row in qr_modules(text, QUIET_ZONE))


class QRCodeWidget(QWidget):
    """Shows one text as a QR code, as large as the widget allows, centred on white."""

    def __init__(self, parent: QWidget | None = None, *, min_side: int = MIN_SIDE) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self._image = QImage()
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
        self._image = module_image(self._matrix)
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
        side = module * len(self._matrix)
        painter.drawImage(QRect(left, top, side, side), self._image)
        painter.end()


def module_image(matrix: list[list[bool]]) -> QImage:
    """One grey-scale pixel per module, black or white; a null image for no matrix."""
    if not matrix:
        return QImage()
    count = len(matrix)
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    return QImage(pixels, count, count, count, QImage.Format.Format_Grayscale8).copy()
