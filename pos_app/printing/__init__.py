"""Receipt printers: the ticket a thermal printer prints, as ESC/POS bytes, and the connection
that carries the bytes to a network, USB or serial printer. (The README's picture of a ticket is
drawn by ``packaging/thermal_receipt_image.py``, not by this package.)"""
