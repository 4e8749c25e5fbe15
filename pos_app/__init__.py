"""Kasir: a point-of-sale terminal for small Indonesian shops paid by DOKU Wallet QR."""

__version__ = "0.1.0"
