"""What the views need from the rest of Kasir, as small protocols the lead's wiring satisfies."""

from typing import Protocol

from pos_app.domain.basket import Basket
from pos_app.domain.catalog import Product


class Catalog(Protocol):
    """Product look-ups; ``pos_app.store.products.ProductRepository`` implements this."""

    def find_by_code(self, code: str) -> Product | None:
        """The product whose barcode or SKU is exactly ``code``."""
        ...

    def search(self, text: str, limit: int = 50) -> list[Product]: ...

    def categories(self) -> list[str]: ...

    def by_category(self, category: str) -> list[Product]: ...


class SaleActions(Protocol):
    """What the cashier screen asks of the checkout flow.

    Methods that may touch the network return at once and finish through a
    :class:`pos_app.gui.tasks.TaskRunner`; a method that raises leaves the basket on screen.
    """

    def pay_by_qr(self, basket: Basket) -> None:
        """Start a QR payment; call ``MainWindow.start_new_sale()`` once it is paid."""
        ...

    def pay_cash(self, basket: Basket, received: int) -> None:
        """Record a cash sale; once it returns the sale is stored and the screen starts anew."""
        ...

    def hold(self, basket: Basket) -> None:
        """Park the basket; when it returns the screen starts a new sale."""
        ...

    def recall(self) -> Basket | None:
        """The parked basket to resume, or None when nothing is parked."""
        ...
