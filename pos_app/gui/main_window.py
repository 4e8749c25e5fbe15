"""The cashier screen: products on the left, the basket and the tenders on the right.

What each key does: scans land in the basket, the basket is cleared, held and recalled, the
cashier signs out, and the basket is paid in cash or by QR. The screen's widgets and keys are laid
out in :mod:`~pos_app.gui.counter_layout`, and the keys on the basket's lines (quantity, removal,
discount) are :mod:`~pos_app.gui.basket_editing`'s. The window holds no checkout logic: it hands
the basket to :class:`pos_app.gui.services.SaleActions` and reports what it says. When the
customer has paid the basket on screen by QR after all (its payment came late), the paid banner
says so across the window and the basket takes no other tender and no change until the cashier
completes the sale with that payment (F11): the customer must not pay twice.
"""

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from pos_app.domain.barcodes import MeasuredScan
from pos_app.domain.basket import Basket
from pos_app.domain.catalog import Product
from pos_app.domain.errors import KasirError
from pos_app.domain.money import format_rupiah
from pos_app.domain.scale_labels import label_product
from pos_app.gui.basket_editing import BasketEditing
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.counter_layout import CounterLayout
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.formatting import CLOCK_TIME
from pos_app.gui.held_picker import HeldPicker, HoldName
from pos_app.gui.services import Catalog, SaleActions
from pos_app.gui.steady_look import keep_look_when_inactive
from pos_app.store.held import HeldBasket

log = logging.getLogger(__name__)

PAID_STYLE = "background: #1b5e20; color: white;"
"""The paid banner when the payment pays the basket: money in, one key to finish."""
KEPT_STYLE = "background: #fff1cc; color: #6b4a00;"
"""The paid banner when the payment cannot pay the basket (another amount): kept apart."""


class MainWindow(CounterLayout):
    """The cashier screen. F10 emits ``back_office_requested``, F8 ``reprint_requested``, F11
    (while the paid banner offers it) ``complete_paid_requested``, F7 ``sign_out_requested``
    (once the basket on screen, if any, is held). ``time_zone``: the shop's, for held baskets'
    times (None: the machine's)."""

    back_office_requested = Signal()
    reprint_requested = Signal()
    complete_paid_requested = Signal()
    sign_out_requested = Signal()
    shift_requested = Signal()
    """F5: the cashier's shift (float, cash in and out, count and close)."""
    return_requested = Signal()
    """F3: items of an earlier sale come back (a manager approves at the till)."""

    def __init__(
        self,
        catalog: Catalog,
        actions: SaleActions,
        *,
        demo: bool = False,
        time_zone: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(catalog, demo=demo, parent=parent)
        self._actions = actions
        self._time_zone = time_zone
        self._paid = False
        """The banner offers to complete the sale: the basket takes nothing else meanwhile."""
        self._editing = BasketEditing(self, actions, paid_refused=self._paid_refused)
        """The keys on the basket's lines: quantity, removal, discount."""

        for action, slot in (
            (self.focus_search_action, self.panel.focus_input),
            (self.quantity_action, self._editing.ask_quantity),
            (self.discount_action, self._editing.ask_discount),
            (self.remove_action, self._editing.remove_selected),
            (self.hold_action, self.hold_or_recall),
            (self.cash_action, self.pay_cash),
            (self.qr_action, self.pay_by_qr),
            (self.back_office_action, self.back_office_requested.emit),
            (self.reprint_action, self.reprint_requested.emit),
            (self.sign_out_action, self.sign_out),
            (self.shift_action, self.shift_requested.emit),
            (self.return_action, self.return_requested.emit),
            (self.complete_paid_action, self.complete_paid_requested.emit),
            (self.plus_action, lambda: self._editing.change_quantity(1)),
            (self.minus_action, lambda: self._editing.change_quantity(-1)),
            (self.clear_action, self.ask_clear),
        ):
            action.triggered.connect(slot)
        self.panel.product_chosen.connect(self.add_product)
        self.panel.label_scanned.connect(self.add_label)
        self.basket_model.changed.connect(self._basket_changed)
        self._basket_changed()
        self.panel.focus_input()
        keep_look_when_inactive(self)

    def add_product(self, product: Product, quantity: int = 1, *, labelled: bool = False) -> None:
        """``labelled``: ``product`` as a scale's label sells it, a line of its own."""
        if self._paid_refused():
            return
        try:
            row = self.basket_model.add(product, quantity, labelled=labelled)
        except KasirError as exc:
            self.refuse(str(exc))
            return
        self.select_row(row)

    def add_label(self, product: Product, scan: MeasuredScan) -> None:
        """A scale's label: the product at the label's price, or its kilogram price times the
        label's weight (``domain/scale_labels.py``)."""
        try:
            labelled = label_product(product, scan)
        except KasirError as exc:
            self.refuse(str(exc))
            return
        self.add_product(labelled, labelled=True)

    def ask_clear(self) -> None:
        if not self.basket_model.rowCount() or self._paid_refused():
            return
        ask_confirmation(
            self,
            self.tr("Clear basket"),
            self.tr("Remove every item from the basket?"),
            self._clear_confirmed,
        )

    def hold_or_recall(self) -> None:
        """F6 parks a basket with items under a name the cashier may change, and on an empty
        screen lists the parked ones to recall one.

        Both are store work done off the GUI thread: a held basket leaves the screen at once
        (:meth:`basket_held` or :meth:`hold_failed` follows); the list comes with
        :meth:`choose_held`, the basket picked from it with :meth:`show_recalled`.
        """
        if len(self.basket_model.basket):
            if self._paid_refused():
                return
            dialog = HoldName(self.default_hold_name(), self)
            dialog.setWindowTitle(self.tr("Hold basket"))
            dialog.setLabelText(self.tr("Name this basket (for example the customer's name):"))
            dialog.textValueSelected.connect(self._hold)
            self.open_dialog(dialog)
            return
        self._call(self.tr("Could not recall a basket"), self._actions.recall)

    def default_hold_name(self) -> str:
        """The time and the total: enough to tell two waiting customers apart."""
        now = datetime.now(UTC).astimezone(self._time_zone)
        return f"{now.strftime(CLOCK_TIME)} · {format_rupiah(self.basket_model.total)}"

    def sign_out(self) -> None:
        """F7: the next cashier signs in; a basket on screen is held first, once confirmed."""
        if self._paid_refused():
            return
        if not len(self.basket_model.basket):
            self.sign_out_requested.emit()
            return
        name = self.default_hold_name()
        ask_confirmation(
            self,
            self.tr("Sign out"),
            self.tr("The basket on screen is held as “{name}”. Sign out?").format(name=name),
            lambda: self._hold_and_sign_out(name),
        )

    def choose_held(self, held: Sequence[HeldBasket]) -> None:
        """The held baskets, listed for the cashier to pick the one to recall."""
        self.set_held_count(len(held))
        if not held:
            self.show_message(self.tr("No held basket to recall."))
            return
        model = self.basket_model
        picker = HeldPicker(
            held, self._time_zone, lambda one: model.price_of(one.lines, one.discount).total, self
        )
        picker.picked.connect(
            lambda held_id: self._call(
                self.tr("Could not recall a basket"), self._actions.recall_held, held_id
            )
        )
        self.open_dialog(picker)

    def basket_held(self) -> None:
        self.show_message(self.tr("Basket held. F6 on an empty basket recalls it."))

    def hold_failed(self, basket: Basket, error: str) -> None:
        """The held basket was not stored: it comes back on screen."""
        self._bring_back(basket)
        self.refuse(f"{self.tr('Could not hold the basket')}: {error}")

    def show_recalled(self, basket: Basket | None) -> None:
        if basket is None:
            self.show_message(self.tr("No held basket to recall."))
            return
        self._bring_back(basket)
        self.panel.show_message("")
        self.show_message(self.tr("Basket recalled."))

    def recall_failed(self, error: str) -> None:
        self.refuse(f"{self.tr('Could not recall a basket')}: {error}")

    def pay_cash(self) -> None:
        """A basket discounted to Rp 0 is refused in words: the store keeps no sale of Rp 0."""
        if self._paid_refused() or not self.require_items() or self._misfit_refused():
            return
        if self.basket_model.total < 1:
            self.refuse(
                self.tr(
                    "The total is Rp 0, and a sale of Rp 0 cannot be recorded: make the discount "
                    "smaller, so the customer pays at least Rp 1."
                )
            )
            return
        dialog = CashDialog(self.basket_model.total, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.tendered.connect(self._cash_tendered)
        dialog.open()

    def pay_by_qr(self) -> None:
        if not self._paid_refused() and self.require_items() and not self._misfit_refused():
            self._call(
                self.tr("Could not start the QR payment"),
                self._actions.pay_by_qr,
                self.basket_model.basket,
            )

    def start_new_sale(self) -> None:
        self.hide_paid_banner()
        self.change_label.hide()
        self.basket_model.clear()
        self.panel.show_message("")
        self.panel.focus_input()

    def show_paid_banner(self, title: str, detail: str, *, completable: bool) -> None:
        """Say across the window that the customer has paid the basket on screen.

        ``completable``: the payment pays it, F11 and the banner's button complete the sale,
        and until then the basket takes no other tender and no change (an open cash dialog
        closes: its cash must not be taken). Otherwise the payment is only reported (it is kept
        apart for the manager) and the basket goes on as before.
        """
        self._paid = completable
        self.paid_title.setText(title)
        self.paid_detail.setText(detail)
        style = PAID_STYLE if completable else KEPT_STYLE
        self.paid_banner.setStyleSheet(
            f"QFrame#paidBanner {{ {style} border-radius: 8px; }} QLabel {{ {style} }}"
        )
        self.complete_paid_action.setEnabled(completable)
        self.complete_paid_button.setVisible(completable)
        self.paid_banner.show()
        if completable:
            self.close_cash_dialogs()

    def close_cash_dialogs(self) -> None:
        """The basket is paid another way: cash being counted for it must not be taken."""
        for dialog in self.findChildren(CashDialog):
            if dialog.isVisible():
                dialog.reject()

    def hide_paid_banner(self) -> None:
        self._paid = False
        self.complete_paid_action.setEnabled(False)
        self.paid_banner.hide()

    def complete_paid_key(self) -> str:
        """The key that completes the paid sale, as the cashier's keyboard names it."""
        return self.complete_paid_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def _cash_tendered(self, received: int, change: int) -> None:
        """Refused while a scan is still being looked up: its item would land on the next
        customer's basket, unpaid by this one, and hide the change due."""
        if not self.panel.settled:
            self.refuse(
                self.tr(
                    "An item scanned is still being looked up, so the cash sale was not recorded: "
                    "press F9 again once the item is in the basket."
                )
            )
            self._back_to_input()  # the cash dialog has closed: the keys come back here
            return
        recorded, _ = self._call(
            self.tr("Could not record the cash sale"),
            self._actions.pay_cash,
            self.basket_model.basket,
            received,
            self.basket_model.total,
        )
        if recorded:
            self.start_new_sale()
            self.show_change(change)

    def _bring_back(self, basket: Basket) -> None:
        """Put ``basket`` on screen; what was scanned while it was away stays, after it."""
        for line in self.basket_model.basket:
            try:
                basket.add_line(line)
            except KasirError as exc:
                self.refuse(str(exc))
        self.basket_model.replace(basket)
        if self.basket_model.rowCount():
            self.select_row(self.basket_model.rowCount() - 1)

    def _misfit_refused(self) -> bool:
        """A basket whose discount no longer fits is refused in words before any tender: the
        total shown leaves the discount out, and the store would refuse the sale."""
        misfit = self.basket_model.discount_misfit()
        if misfit is not None:
            self.refuse(misfit)
        return misfit is not None

    def _paid_refused(self) -> bool:
        """While the banner offers to complete the paid sale, refuse anything else with it."""
        if self._paid:
            self.refuse(
                self.tr(
                    "The customer has paid this basket by DOKU Wallet: press {key} to complete "
                    "the sale with that payment."
                ).format(key=self.complete_paid_key())
            )
        return self._paid

    def _clear_confirmed(self) -> None:
        if not self._paid_refused():
            self.start_new_sale()

    def _hold(self, name: str) -> None:
        """Hand the basket on screen to the store under ``name``; the screen starts anew."""
        if not len(self.basket_model.basket) or self._paid_refused():
            return
        held, _ = self._call(
            self.tr("Could not hold the basket"),
            self._actions.hold,
            self.basket_model.basket,
            name,
        )
        if held:
            self.start_new_sale()

    def _hold_and_sign_out(self, name: str) -> None:
        self._hold(name)
        if not len(self.basket_model.basket):
            self.sign_out_requested.emit()

    def _call(
        self, failure: str, function: Callable[..., object], *args: object
    ) -> tuple[bool, object]:
        """Call a sale action; a failure is shown on screen instead of being lost in a slot."""
        try:
            return True, function(*args)
        except Exception as exc:
            log.exception("%s", failure)
            self.refuse(f"{failure}: {exc}")
            return False, None

    def _basket_changed(self) -> None:
        self.total_label.setText(format_rupiah(self.basket_model.total))
        summary = self.basket_model.summary()
        self.summary_label.setText(summary)
        self.summary_label.setVisible(bool(summary))
        filled = self.basket_model.rowCount() > 0
        self.discount_action.setEnabled(filled)
        self.clear_action.setEnabled(filled)
        self.cash_action.setEnabled(filled)
        self.qr_action.setEnabled(filled)
        if filled:
            self.change_label.hide()
        self._update_line_actions()
        self._close_stale_cash_dialogs()

    def _close_stale_cash_dialogs(self) -> None:
        """A scan looked up, or a basket brought back, after F9: the cash dialog's total and
        change are no longer the basket's, so it closes and the cashier takes the cash again."""
        stale = [
            dialog
            for dialog in self.findChildren(CashDialog)
            if dialog.isVisible() and dialog.total != self.basket_model.total
        ]
        for dialog in stale:
            dialog.reject()
        if stale:
            self.show_message(
                self.tr(
                    "The basket changed while the cash was counted: the total is {total}. "
                    "Press F9 to take the cash again."
                ).format(total=format_rupiah(self.basket_model.total))
            )
