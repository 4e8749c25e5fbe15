from PySide6.QtGui import QColor

from pos_app.gui.qr_widget import MIN_MODULE, MIN_SIDE, QUIET_ZONE, QRCodeWidget, qr_matrix
from tests.unit.test_qr_encoding import decoded

URL = "https://app-sandbox.doku.com/wallet/pay?invoice=INV-20250131-0001&token=abc123"


def test_matrix_is_error_correction_m_with_a_four_module_quiet_zone():
    matrix = qr_matrix(URL)
    read = decoded(matrix)
    assert read is not None and (read.text, read.ec_level) == (URL, "M")
    quiet = matrix[:QUIET_ZONE] + matrix[-QUIET_ZONE:]
    quiet += [row[:QUIET_ZONE] + row[-QUIET_ZONE:] for row in matrix]
    assert not any(any(row) for row in quiet)


def test_every_module_is_painted_black_or_white_at_its_pixels(qtbot):
    widget = QRCodeWidget()
    qtbot.addWidget(widget)
    widget.set_data(URL)
    widget.resize(333, 301)
    widget.show()
    qtbot.waitExposed(widget)
    image = widget.grab().toImage()
    left, top, module = widget.module_geometry()
    count = len(widget.matrix)
    assert module == 301 // count and module >= MIN_MODULE
    assert (left, top) == ((333 - module * count) // 2, (301 - module * count) // 2)
    black, white = QColor("black").rgb(), QColor("white").rgb()
    for row, cells in enumerate(widget.matrix):
        for column, dark in enumerate(cells):
            expected = black if dark else white
            x0, y0 = left + column * module, top + row * module
            # a module is solid: both its corners, not only its centre, have its colour
            for x, y in ((x0, y0), (x0 + module - 1, y0 + module - 1)):
                assert image.pixel(x, y) == expected, (row, column)
    assert image.pixel(0, 0) == white and image.pixel(332, 300) == white


def test_at_least_280_px_and_long_urls_make_it_grow(qtbot):
    widget = QRCodeWidget()
    qtbot.addWidget(widget)
    assert widget.minimumWidth() >= 280 and widget.minimumHeight() >= 280
    assert MIN_SIDE >= 280
    widget.set_data("https://paymentpage.ecommpay.com/payment?" + "x" * 1500)
    count = len(widget.matrix)
    assert widget.minimumWidth() >= count * MIN_MODULE > 280


def test_empty_data_paints_plain_white(qtbot):
    widget = QRCodeWidget()
    qtbot.addWidget(widget)
    widget.set_data(URL)
    widget.set_data("")
    widget.resize(300, 300)
    image = widget.grab().toImage()
    assert widget.matrix == []
    assert {image.pixel(x, y) for x in range(0, 300, 7) for y in range(0, 300, 7)} == {
        QColor("white").rgb()
    }
