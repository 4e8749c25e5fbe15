"""A payment URL as QR modules, encoded by zxing-cpp (C++).

The ``qrcode`` package encodes in Python: even with its mask chosen the fast way, a payment URL
took 7–10 ms of the GIL on the path from F12 to the QR on screen, shared with the order's HTTP
and the dialog's paint. zxing-cpp takes well under a millisecond for the same code: error
correction M, the smallest version that holds the text, and the mask chosen by the penalty
rules of ISO/IEC 18004, as every conforming encoder does.
"""

import zxingcpp


def qr_modules(text: str, border: int) -> list[list[bool]]:
    """The modules of ``text`` at error correction M with ``border`` light modules around;
    True is dark."""
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    # zxingcpp.Image has the buffer protocol (one byte per module: 0 dark, 255 light); its
    # stub does not say so
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    side = image.shape[0] if image.shape else 0
    pixels = image.tobytes()
    light = [False] * border
    rows = [
        light + [pixel == 0 for pixel in pixels[row * side : (row + 1) * side]] + light
        for row in range(side)
    ]
    blank = [False] * (side + 2 * border)
    return [list(blank) for _ in range(border)] + rows + [list(blank) for _ in range(border)]
