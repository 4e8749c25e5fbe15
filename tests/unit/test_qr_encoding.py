"""The QR modules read back as the text they were made from, at error correction M."""

import random
import string

import zxingcpp

from pos_app.gui.qr_encoding import qr_modules

URL_CHARACTERS = string.ascii_letters + string.digits + ":/?&=.-_%"


def decoded(matrix: list[list[bool]], scale: int = 4) -> zxingcpp.Barcode | None:
    """What a scanner reads from the matrix drawn ``scale`` pixels per module, black on white."""
    side = len(matrix) * scale
    rows = []
    for row in matrix:
        line = bytes(0 if dark else 255 for dark in row for _ in range(scale))
        rows.extend([line] * scale)
    return zxingcpp.read_barcode(memoryview(b"".join(rows)).cast("B", shape=[side, side]))


def test_every_length_reads_back_at_error_correction_m() -> None:
    picked = random.Random(12)
    for length in [*range(1, 90, 3), 150, 250, 400, 700, 1000]:
        text = "".join(picked.choice(URL_CHARACTERS) for _ in range(length))
        read = decoded(qr_modules(text, 4))
        assert read is not None and read.valid, length
        assert (read.text, read.ec_level, read.format) == (text, "M", zxingcpp.QRCode), length


def test_a_payment_url_and_a_version_above_7_read_back() -> None:
    for text in (
        "http://127.0.0.1:45123/doku/pay/KSR-T1-20261204-000123?sessionId=abcdef0123456789",
        "https://paymentpage.ecommpay.com/payment?" + "x" * 1500,
    ):
        read = decoded(qr_modules(text, 4))
        assert read is not None and read.text == text


def test_the_border_is_light_and_the_smallest_version_is_used() -> None:
    matrix = qr_modules("KSR", 4)
    assert len(matrix) == 21 + 8, "version 1 (21 modules) holds three characters"
    assert all(len(row) == len(matrix) for row in matrix)
    quiet = matrix[:4] + matrix[-4:] + [row[:4] + row[-4:] for row in matrix]
    assert not any(any(row) for row in quiet)
    assert matrix[4][4] and matrix[4][4 + 20], "finder patterns at the corners"
