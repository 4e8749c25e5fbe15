"""Test doubles and helpers for the views: a catalog over a list, window-modal dialog handling."""

from typing import TypeVar

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pos_app.domain.barcodes import MeasuredScan, MeasureLayout, gs1_check_digit, read_label
from pos_app.domain.catalog import Product

W = TypeVar("W", bound=QWidget)


def ean13(first12: str) -> str:
    return first12 + gs1_check_digit(first12)


PRODUCTS = [
    Product("IDM-GRG", "Indomie Goreng", 3_500, ean13("899100000001"), "Makanan"),
    Product("IDM-SOTO", "Indomie Soto", 3_300, ean13("899100000002"), "Makanan"),
    Product("CHITATO", "Chitato Sapi Panggang 68g", 11_900, ean13("899100000003"), "Makanan"),
    Product("AQUA-600", "Aqua 600ml", 4_000, ean13("899100000004"), "Minuman"),
    Product("TEH-BTL", "Teh Botol Sosro 450ml", 6_500, ean13("899100000005"), "Minuman"),
    Product("SABUN-LX", "Lux Sabun Batang", 5_200, ean13("899100000006"), "Kebersihan"),
]


def product(sku: str) -> Product:
    return next(p for p in PRODUCTS if p.sku == sku)


class MemoryCatalog:
    """The catalog interface over a list."""

    layout = MeasureLayout()

    def __init__(self, products: list[Product]) -> None:
        self.products = list(products)
        self.queries: list[str] = []
        """Every search and category look-up asked for, to check how often the views ask."""

    def find_by_code(self, code: str) -> Product | None:
        return next((p for p in self.products if code in (p.barcode, p.sku)), None)

    def read_label(self, code: str) -> tuple[Product, MeasuredScan] | None:
        scan = read_label(code, self.layout)
        product = self.find_by_code(scan.item_barcode) if scan else None
        return (product, scan) if product and scan else None

    def search(self, text: str, limit: int = 50) -> list[Product]:
        self.queries.append(f"search:{text}")
        needle = text.casefold()
        hits = [
            p
            for p in self.products
            if needle in p.name.casefold() or needle in p.sku.casefold() or needle in p.barcode
        ]
        return hits[:limit]

    def categories(self) -> list[str]:
        return list(dict.fromkeys(p.category for p in self.products if p.category))

    def by_category(self, category: str) -> list[Product]:
        self.queries.append(f"category:{category}")
        return [p for p in self.products if p.category == category]


def wait_for_modal(qtbot, kind: type[W]) -> W:
    """The window-modal dialog a view opened (views never block in a nested event loop)."""
    found: list[W] = []

    def present() -> None:
        widget = QApplication.activeModalWidget()
        assert isinstance(widget, kind), widget
        found.append(widget)

    qtbot.waitUntil(present)
    return found[-1]


def answer_confirmation(qtbot, *, yes: bool) -> None:
    box = wait_for_modal(qtbot, QMessageBox)
    standard = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
    box.button(standard).click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not box)


def show(qtbot, widget: QWidget) -> None:
    """Show and activate ``widget`` so its window shortcuts reach it."""
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
