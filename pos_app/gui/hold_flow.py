"""Held baskets at the counter: parked (F4), listed and recalled (F6), off the GUI thread.

A basket is held with its stored sale, open, as its QR may still be paid; a recalled basket
brings that sale back to the screen, or is found paid meanwhile. One hold or recall is on its
way at a time, so a basket still on its way to the store is never missing from the list.

A basket recalled while items were scanned for another (they came during the recall) is merged
with them, unless its QR was shown: its customer may pay it, or may have paid it, and merged the
next charge would take its goods a second time. It stays held, for an empty screen. A hold the
store fails comes back on screen, unless the next basket's payment has started there: its sale
is the screen's, so the failed basket is held again.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from pos_app.domain.basket import Basket
from pos_app.domain.clock import Clock
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.money import format_rupiah
from pos_app.gui.main_window import MainWindow
from pos_app.gui.open_sale import OpenSale
from pos_app.gui.tasks import TaskRunner
from pos_app.store.errors import NotFound
from pos_app.store.held import HeldBasket
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.sales import Sale
from pos_app.store.terminal_store import TerminalStore

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Recalled:
    """A held basket as taken out of the store (None: another till or a double pick took it)."""

    held: HeldBasket | None
    sale: Sale | None
    """Its stored sale, if it had one."""
    paying: PaymentAttempt | None
    """A payment that pays that sale already."""
    qr_shown: bool
    """Whether that sale, still open, had a QR shown, which its customer may still pay (an order
    the provider refused, or never answered, gave no QR to pay)."""
    count: int
    """The baskets still held."""


def _tr(text: str) -> str:
    """A text of this module (pylupdate reads a translating function only where it is defined)."""
    return QCoreApplication.translate("HeldBaskets", text)


class HeldBaskets:
    """Holds and recalls for the cashier screen; a recalled sale goes back to ``open_sale``.

    ``cancel_sale(sale_id, reason)`` cancels a stored sale whose basket is gone,
    ``paid_for_screen(attempt)`` puts a payment of the recalled sale on the paid banner, and
    ``payment_shown()`` says whether a QR payment is on screen.
    """

    def __init__(
        self,
        store: TerminalStore,
        runner: TaskRunner,
        window: MainWindow,
        open_sale: OpenSale,
        *,
        clock: Clock,
        cancel_sale: Callable[[int, str], None],
        paid_for_screen: Callable[[PaymentAttempt], None],
        payment_shown: Callable[[], bool],
    ) -> None:
        self._store = store
        self._runner = runner
        self._window = window
        self._open_sale = open_sale
        self._clock = clock
        self._cancel_sale = cancel_sale
        self._paid_for_screen = paid_for_screen
        self._payment_shown = payment_shown
        self._shelving = 0
        """Holds and recalls on their way to or from the store."""

    def show_count(self) -> None:
        store = self._store
        self._runner.run(lambda: store.held.count(), self._window.set_held_count)

    def hold(self, basket: Basket, name: str, cashier: str) -> None:
        """Stored off the GUI thread while the screen starts the next sale; a basket that could
        not be stored comes back on screen."""
        sale_id = self._open_sale.sale_id  # held with the basket, open: its QR may still be paid
        paid_for = self._open_sale.paid_for
        self._open_sale.keep(None)

        def failed(kept: Basket, error: Exception) -> None:
            log.warning("basket not held: %s", error)
            if self._open_sale.sale_id is not None or self._payment_shown():
                self._aside_under_payment(kept, name, cashier, sale_id, error)
                return
            self._window.hold_failed(kept, str(error))
            if paid_for is not None:  # its sale holds what it held, not the basket's lines
                self._open_sale.keep(sale_id, paid_for.lines, paid_for.discount)

        self._shelve(basket, name, cashier, sale_id, self._window.basket_held, failed)

    def _aside_under_payment(
        self, basket: Basket, name: str, cashier: str, sale_id: int | None, error: Exception
    ) -> None:
        """A hold that failed once the next basket's sale or QR was on screen: back on screen,
        its sale would become the screen's and take the next customer's payment for nothing
        (merged under a QR, the basket would be charged again). It is held again instead."""
        self.put_aside(basket, name, cashier, sale_id)
        self._window.refuse(
            _tr(
                'Could not hold "{name}": {error}. A payment has started for the basket on '
                'screen, so "{name}" is held again instead of coming back: recall it with F6 '
                "once this basket is done."
            ).format(name=name, error=error)
        )

    def put_aside(self, basket: Basket, name: str, cashier: str, sale_id: int | None) -> None:
        """A basket that cannot come back on screen, as the screen is not free (its cash, or
        its hold, refused by the store): held with its stored sale (a payment of it completes
        it once recalled). Should the store refuse this too, the cashier is told its items."""

        def failed(kept: Basket, error: Exception) -> None:
            log.error("a basket that could not come back on screen was not held: %s", error)
            items = ", ".join(f"{line.quantity} × {line.name}" for line in kept.lines)
            self._window.refuse(
                _tr(
                    'Could not hold "{name}" either: {error}. It is held nowhere: ring up its '
                    "items again once this basket is done ({items})."
                ).format(name=name, error=error, items=items)
            )

        self._shelve(basket, name, cashier, sale_id, lambda: None, failed)

    def _shelve(
        self,
        basket: Basket,
        name: str,
        cashier: str,
        sale_id: int | None,
        held: Callable[[], None],
        failed: Callable[[Basket, Exception], None],
    ) -> None:
        """Stored off the GUI thread; ``failed`` gets the basket as it was (the one on screen
        goes on changing)."""
        lines, now = tuple(basket.lines), self._clock()
        discount, approval = basket.discount, basket.approval
        self._shelving += 1
        store = self._store  # each worker thread has its own connection

        def work() -> int:
            store.held.hold(
                lines,
                cashier,
                now,
                name,
                discount=discount,
                approval=approval,
                sale_id=sale_id,
            )
            return store.held.count()

        def stored(count: int) -> None:
            self._shelving -= 1
            self._window.set_held_count(count)
            held()

        def not_stored(error: Exception) -> None:
            self._shelving -= 1
            failed(Basket.of(lines, discount, approval), error)

        self._runner.run(work, stored, not_stored)

    def recall(self) -> None:
        """The held baskets, read off the GUI thread, for the cashier to pick one. Ignored while
        a hold or a recall is on its way: F6 pressed twice lists once, and a basket still on its
        way to the store is never missing from the list."""
        if self._shelving:
            return
        self._shelving += 1
        store = self._store

        def listed(held: list[HeldBasket]) -> None:
            self._shelving -= 1
            self._window.choose_held(held)

        def failed(error: Exception) -> None:
            self._shelving -= 1
            log.warning("held baskets not listed: %s", error)
            self._window.recall_failed(str(error))

        self._runner.run(lambda: store.held.list_held(), listed, failed)

    def recall_held(self, held_id: int) -> None:
        """The basket picked, taken out of the store off the GUI thread (None: another till or
        a double pick took it already)."""
        if self._shelving:
            return
        self._shelving += 1
        store = self._store

        def work() -> _Recalled:
            try:
                held = store.held.recall(held_id)
            except NotFound:
                return _Recalled(None, None, None, False, store.held.count())
            sale = None if held.sale_id is None else store.sales.get(held.sale_id)
            paying = None if sale is None else store.payments.paying_attempt(sale.id)
            qr_shown = (
                sale is not None
                and sale.status is SaleStatus.OPEN
                and any(a.payment_url for a in store.payments.attempts_for_sale(sale.id))
            )
            return _Recalled(held, sale, paying, qr_shown, store.held.count())

        def recalled(answer: _Recalled) -> None:
            self._shelving -= 1
            held, sale, paying = answer.held, answer.sale, answer.paying
            self._window.set_held_count(answer.count)
            if sale is not None and sale.status is SaleStatus.COMPLETED:
                self._window.show_message(
                    _tr("The held basket was paid meanwhile: sale {sale} is complete.").format(
                        sale=sale.id
                    )
                )
                return
            own_sale = not len(self._window.basket_model.basket) and self._open_sale.sale_id is None
            if held is not None and (paying is not None or answer.qr_shown) and not own_sale:
                self._hold_again(held, paying)
                return
            self._window.show_recalled(
                None if held is None else Basket.of(held.lines, held.discount, held.approval)
            )
            if held is None or sale is None or sale.status is not SaleStatus.OPEN:
                return
            if not own_sale:  # merged into another basket: a payment for it now is late
                self._cancel_sale(sale.id, "basket merged")
                return
            # what the stored sale holds, which its payment pays for: not the held lines, to
            # which items may have been added after its QR was given up on
            self._open_sale.keep(sale.id, sale.lines, sale.discount)
            if paying is not None:
                self._paid_for_screen(paying)

        def failed(error: Exception) -> None:
            self._shelving -= 1
            log.warning("basket not recalled: %s", error)
            self._window.recall_failed(str(error))

        self._runner.run(work, recalled, failed)

    def _hold_again(self, held: HeldBasket, paying: PaymentAttempt | None) -> None:
        """A basket whose QR was shown (``paying``: and paid while it was held), recalled while
        items were scanned for another: merged, the next charge would take its goods a second
        time once its customer pays. It goes back on hold as it was, its sale open for that
        payment, and the cashier finishes the basket on screen first."""
        name = held.name or _tr("The held basket")
        if paying is None:
            text = _tr(
                "{name} stays held: its customer may still pay the QR code it was shown. "
                "Finish this basket, then recall it."
            ).format(name=name)
        else:
            text = _tr(
                "{name} was paid meanwhile ({amount}) and stays held: finish this basket, then "
                "recall it."
            ).format(name=name, amount=format_rupiah(paying.amount))
        self._window.show_message(text)
        store = self._store
        self._shelving += 1

        def work() -> int:
            store.held.put_back(held)
            return store.held.count()

        def back(count: int) -> None:
            self._shelving -= 1
            self._window.set_held_count(count)

        def failed(error: Exception) -> None:
            self._shelving -= 1
            log.error("a paid held basket could not go back on hold: %s", error)
            self._window.recall_failed(str(error))

        self._runner.run(work, back, failed)
