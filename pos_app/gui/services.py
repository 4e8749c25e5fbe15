"""What the views need from the rest of Kasir, as small protocols: :class:`Catalog`, which
:class:`StoreCatalog` below implements over the store, and :class:`SaleActions`, which the
cashier controller (``gui/controller.py``) implements over the checkout. The views (the product
panel, the cashier screen) see only these."""

from collections.abc import Callable
from typing import Protocol

from pos_app.domain.barcodes import MeasuredScan, MeasureLayout, read_label
from pos_app.domain.basket import Basket
from pos_app.domain.catalog import Product
from pos_app.store.terminal_store import TerminalStore


class Catalog(Protocol):
    """Product look-ups; :class:`StoreCatalog` implements this over the store's products."""

    layout: MeasureLayout
    """The scale's label prefixes: a product kept under one is sold by its label only."""

    def find_by_code(self, code: str) -> Product | None:
        """The product whose barcode or SKU is exactly ``code``."""
        ...

    def read_label(self, code: str) -> tuple[Product, MeasuredScan] | None:
        """The product a scale's label names, and what it carries; None for any other code."""
        ...

    def search(self, text: str, limit: int = 50) -> list[Product]: ...

    def categories(self) -> list[str]: ...

    def by_category(self, category: str) -> list[Product]: ...


class StoreCatalog:
    """The store's products as a :class:`Catalog` for whichever thread asks.

    The product panel reads the catalog on its worker thread, and a SQLite connection serves only
    the thread that opened it, so each call goes to the calling thread's repository.
    """

    def __init__(self, store: TerminalStore, layout: MeasureLayout) -> None:
        self._store = store
        self.layout = layout

    def find_by_code(self, code: str) -> Product | None:
        return self._store.products.find_by_code(code)

    def read_label(self, code: str) -> tuple[Product, MeasuredScan] | None:
        scan = read_label(code, self.layout)
        product = self._store.products.find_by_code(scan.item_barcode) if scan else None
        return (product, scan) if product and scan else None

    def search(self, text: str, limit: int = 50) -> list[Product]:
        return self._store.products.search(text, limit)

    def categories(self) -> list[str]:
        return self._store.products.categories()

    def by_category(self, category: str) -> list[Product]:
        return self._store.products.by_category(category)


class SaleActions(Protocol):
    """What the cashier screen asks of the checkout flow.

    Methods that touch the disk or the network return at once and finish through a
    :class:`pos_app.gui.tasks.TaskRunner`; a method that raises leaves the basket on screen.
    """

    def pay_by_qr(self, basket: Basket) -> None:
        """Start a QR payment; call ``MainWindow.start_new_sale()`` once it is paid."""
        ...

    def discount_needs_approval(self, share: int) -> bool:
        """Whether a discount taking ``share`` (basis points) of what it is given on is above the
        shop's limit, so a manager must approve it."""
        ...

    def approve_discount(self, detail: dict[str, object], approved: Callable[[str], None]) -> None:
        """Ask a manager's PIN; once given, the approval is audited with ``detail`` and
        ``approved(manager)`` called. Nothing happens if the manager cancels."""
        ...

    def pay_cash(self, basket: Basket, received: int, asked: int) -> None:
        """Record a cash sale off the GUI thread: once it returns the screen starts anew, and
        the receipt follows once the sale is stored. A sale the store refuses comes back on an
        empty screen with the reason (or, when a payment pays it already, with the paid
        banner); so does one the store prices otherwise than the ``asked`` total shown."""
        ...

    def hold(self, basket: Basket, name: str) -> None:
        """Park the basket under ``name``, off the GUI thread: the screen starts a new sale at
        once, and ``MainWindow.basket_held()`` or ``MainWindow.hold_failed(basket, error)``
        follows."""
        ...

    def recall(self) -> None:
        """List the held baskets, off the GUI thread: ``MainWindow.choose_held`` follows with
        them. Asked again before that answer, it does nothing."""
        ...

    def recall_held(self, held_id: int) -> None:
        """Bring back the basket picked from the list, off the GUI thread:
        ``MainWindow.show_recalled`` follows with it, or with None when it is gone already."""
        ...
