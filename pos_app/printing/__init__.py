"""Receipt printers: the ticket a thermal printer prints, as ESC/POS bytes or as a picture, and
the connection that carries the bytes to a network, USB or serial printer."""
