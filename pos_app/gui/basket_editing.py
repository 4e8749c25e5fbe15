"""The keys that change the basket's lines on the cashier screen: +1/−1 and the quantity (F4) of
the selected line, its removal (Delete), and a discount (Ctrl+D) on it or on the whole basket.

A quantity out of range, or one the basket refuses, is refused in words and changes nothing. A
discount above the shop's limit waits for a manager's PIN (the counter's
:class:`~pos_app.gui.services.SaleActions` asks it), and the basket's approval then covers it.
While the paid banner offers to complete the sale, the basket takes none of these.
"""

from collections.abc import Callable

from pos_app.domain.basket import quantity_in_range
from pos_app.domain.discounts import Approval, Discount
from pos_app.domain.errors import KasirError
from pos_app.gui.counter_layout import CounterLayout
from pos_app.gui.discount_dialog import DiscountDialog
from pos_app.gui.quantity_dialog import QuantityDialog, quantity_warning
from pos_app.gui.services import SaleActions


class BasketEditing:
    """The line keys of ``window``; ``paid_refused()`` is True (and says why) while the basket
    on screen takes no change."""

    def __init__(
        self, window: CounterLayout, actions: SaleActions, *, paid_refused: Callable[[], bool]
    ) -> None:
        self._window = window
        self._model = window.basket_model
        self._actions = actions
        self._paid_refused = paid_refused

    def change_quantity(self, delta: int) -> None:
        """``+1``/``−1`` on the selected line; −1 on a single item removes the line."""
        row = self._window.selected_row()
        if row is None:
            return
        self._set_quantity(row, self._model.line_at(row).quantity + delta)

    def ask_quantity(self) -> None:
        row = self._window.selected_row()
        if row is None:
            return
        line = self._model.line_at(row)
        dialog = QuantityDialog(line.name, line.quantity, self._window)
        key = self._model.key_at(row)
        dialog.chosen.connect(
            lambda quantity: self._set_quantity(self._model.row_of(key), quantity)
        )
        self._window.open_dialog(dialog)

    def remove_selected(self) -> None:
        row = self._window.selected_row()
        if row is None or self._paid_refused():
            return
        try:
            self._model.remove(row)
        except KasirError as exc:  # the basket's discount would be more than the lines left
            self._window.refuse(str(exc))
            return
        if self._model.rowCount():
            self._window.select_row(min(row, self._model.rowCount() - 1))

    def ask_discount(self) -> None:
        """Ctrl+D: a discount on the selected line, or on the whole basket when none is selected
        (the dialog can switch); above the shop's limit a manager's PIN approves it first."""
        if not self._window.require_items() or self._paid_refused():
            return
        row = self._window.selected_row()
        key = None if row is None else self._model.key_at(row)
        name = None if row is None else self._model.line_at(row).name

        def check(on_line: bool, discount: Discount) -> None:
            discount.off(self._discount_base(key if on_line else None))

        dialog = DiscountDialog(name, check, self._window)
        dialog.chosen.connect(
            lambda on_line, discount: self._discount_chosen(key if on_line else None, discount)
        )
        self._window.open_dialog(dialog)

    def _set_quantity(self, row: int, quantity: int) -> None:
        if self._paid_refused():
            return
        if quantity and not quantity_in_range(quantity):
            self._window.refuse(quantity_warning())
            return
        try:
            self._model.set_quantity(row, quantity)
        except KasirError as exc:
            self._window.refuse(str(exc))
            return
        if row < self._model.rowCount():
            self._window.select_row(row)

    def _discount_base(self, key: str | None) -> int:
        """What a discount is given on: the line ``key`` before discounts, or the basket after its
        lines' own discounts."""
        if key is not None:
            return self._model.line_at(self._model.row_of(key)).line_total
        priced = self._model.priced
        return priced.gross - priced.line_discounts

    def _discount_chosen(self, key: str | None, discount: Discount | None) -> None:
        if discount is None:
            self._give_discount(key, None, None, 0)
            return
        share = discount.share(self._discount_base(key))
        if not self._actions.discount_needs_approval(share):
            self._give_discount(key, discount, None, share)
            return
        line = None if key is None else self._model.line_at(self._model.row_of(key))
        detail: dict[str, object] = {
            "on": "basket" if line is None else "line",
            "sku": None if line is None else line.sku,
            "discount": discount.label(),
            "given_on": self._discount_base(key),
            "off": discount.off(self._discount_base(key)),
        }
        self._actions.approve_discount(
            detail, lambda manager: self._give_discount(key, discount, manager, share)
        )

    def _give_discount(
        self, key: str | None, discount: Discount | None, manager: str | None, share: int
    ) -> None:
        """``manager`` approved ``discount`` taking ``share`` of what it is given on: the
        basket's approval covers that share from now on."""
        if self._paid_refused():  # the customer paid while the discount was being chosen
            return
        try:
            if key is None:
                self._model.set_basket_discount(discount)
            else:
                self._model.set_line_discount(self._model.row_of(key), discount)
        except (KasirError, ValueError) as error:  # the line went meanwhile, or outgrew it
            self._window.refuse(str(error))
            return
        if manager is not None:
            basket = self._model.basket
            approval = basket.approval
            basket.approval = (
                Approval(manager, share) if approval is None else approval.widened(manager, share)
            )
        self._window.panel.focus_input()
