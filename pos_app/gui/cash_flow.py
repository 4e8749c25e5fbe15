"""Cash at the counter: recorded off the GUI thread while the screen starts anew, and the
store's answer told against the counter as it is by then.

The screen does not wait for the store: the next customer may be scanned, or another cashier
signed in, before the answer comes. A cash sale recorded once the counter has moved on is printed
and kept, but its receipt and change are not shown: they would be taken for the sale or cashier
there now. Cash the store refuses brings its basket back on an empty screen, with the paid banner
when a payment pays its sale already; when its QR completed the sale first, that sale ends as
paid and the banner says to give the cash back. Behind another basket it is held, to be recalled.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from pos_app.domain.basket import Basket
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.money import format_rupiah
from pos_app.gui.customer_display import CustomerDisplay
from pos_app.gui.formatting import unbroken
from pos_app.gui.hold_flow import HeldBaskets
from pos_app.gui.main_window import MainWindow
from pos_app.gui.open_sale import OpenSale
from pos_app.gui.paid_flow import PaidSale
from pos_app.gui.receipt_flow import Receipts
from pos_app.gui.tasks import TaskRunner
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.sales import Sale, Tender
from pos_app.till.checkout import CashOutcome, Checkout


def _tr(text: str) -> str:
    """A text of the counter's sale, in the context its translations have
    (``CashierController``, the controller this flow is part of)."""
    return QCoreApplication.translate("CashierController", text)


@dataclass(frozen=True, slots=True)
class _CashTender:
    """Cash on its way to the store, with what its answer is told against."""

    basket: Basket
    received: int
    asked: int
    reuse: int | None
    """The basket's stored sale, if it had one."""
    taker: str
    """The cashier who took the cash."""
    turn: int
    """The counter's turn it was taken at (``CashSales._turn``)."""


class CashSales:
    """Cash tendered at ``window`` for the sale in ``open_sale``.

    ``cashier()`` is the cashier at the counter now, and ``attempt_moved(attempt)`` is told of
    the payments held back while their sale's cash was being recorded, once the store answered.
    """

    def __init__(
        self,
        checkout: Checkout,
        runner: TaskRunner,
        window: MainWindow,
        open_sale: OpenSale,
        *,
        receipts: Receipts,
        held: HeldBaskets,
        paid: PaidSale,
        display: CustomerDisplay | None,
        cashier: Callable[[], str],
        attempt_moved: Callable[[PaymentAttempt], None],
    ) -> None:
        self._checkout = checkout
        self._runner = runner
        self._window = window
        self._open_sale = open_sale
        self._receipts = receipts
        self._held = held
        self._paid = paid
        self._display = display
        self._cashier = cashier
        self._attempt_moved = attempt_moved
        self._held_back: dict[int, list[PaymentAttempt]] = {}
        """The stored sales whose cash the store is recording (a slow disk may hold more than
        one), each with its payments that came meanwhile: the store's answer decides what
        they are."""
        self._turn = 0
        """Counts the counter's moves to another sale or cashier (a cash tender, a QR sale
        paid, a sign-out): a cash sale recorded after the counter moved on shows its receipt
        and change to nobody, as they would be taken for the sale or cashier there now."""

    def take(self, basket: Basket, received: int, asked: int) -> None:
        """Recorded off the GUI thread; the screen starts anew at once and the receipt follows.

        Refused by the store when a payment pays the sale already: that payment comes back
        with the refusal, for the paid banner.
        """
        lines, reuse, cashier = tuple(basket.lines), self._open_sale.sale_id, self._cashier()
        discount, approval = basket.discount, basket.approval
        self._open_sale.keep(None)
        if reuse is not None:
            self._held_back[reuse] = []
        self._turn += 1
        tendered = Basket.of(lines, discount, approval)
        tender = _CashTender(tendered, received, asked, reuse, cashier, self._turn)

        self._runner.run(
            lambda: self._checkout.take_cash(
                lines,
                received,
                cashier=cashier,
                reuse=reuse,
                discount=discount,
                approval=approval,
                asked=asked,
            ),
            lambda done: self._done(tender, done),
            lambda error: self._done(tender, CashOutcome(why=str(error))),
        )

    def moved_on(self) -> None:
        """The counter moved to another sale or cashier (a QR sale paid, a sign-out)."""
        self._turn += 1

    def hold_back(self, attempt: PaymentAttempt) -> bool:
        """Keep ``attempt`` if it pays a sale whose cash the store is recording, until the
        store's answer decides what it is; False when it pays no such sale."""
        if attempt.sale_id not in self._held_back:
            return False
        self._held_back[attempt.sale_id].append(attempt)
        return True

    def _done(self, tender: _CashTender, done: CashOutcome) -> None:
        """The store's answer to a cash ``tender``. A refusal may come after its taker signed
        out: it is then told as theirs, not as the cash of whoever is at the counter now (or
        signs in next). A sale recorded once the counter has moved on (another sale tendered
        or scanned, or the taker signed out) is printed and kept, but its receipt and change
        are not shown: they would be taken for the sale or cashier there now. A refused basket
        comes back on an empty screen; behind another basket it is held, to be recalled."""
        kept, sale, paid, taker = done.kept, done.sale, done.paid_by, tender.taker
        held = [] if tender.reuse is None else self._held_back.pop(tender.reuse, [])
        if sale is not None:
            data = self._receipts.completed(sale)
            if tender.turn != self._turn or len(self._window.basket_model.basket):
                self._recorded_apart(sale, taker)
            else:
                if self._display is not None:
                    self._display.show_change(sale.change_due or 0)
                self._receipts.show(data)
        elif not len(self._window.basket_model.basket):
            self._window.basket_model.replace(tender.basket)
            if kept is not None:
                self._open_sale.keep(kept.id, kept.lines, kept.discount)
            if paid is not None:
                self._paid.paid_for_screen(paid, cash_taker=taker)
            elif kept is not None and kept.tender is Tender.QR:  # its QR completed it first
                self._paid.paid_before_cash(kept, tender.received, tender.asked, taker)
            else:
                self._window.refuse(self._refusal(taker, done.why))
        elif kept is not None and kept.status is not SaleStatus.OPEN:  # completed by its QR
            self._window.refuse(self._refusal(taker, done.why))
        else:
            held_as = _tr("Cash not recorded, {total}")
            name = held_as.format(total=format_rupiah(tender.asked))
            self._held.put_aside(tender.basket, name, taker, None if kept is None else kept.id)
            aside = _tr(
                'Its basket is held as "{name}": recall it with F6 once this basket is done.'
            ).format(name=held_as.format(total=unbroken(format_rupiah(tender.asked))))
            self._window.refuse(f"{self._refusal(taker, done.why)}. {aside}")
        for attempt in held:
            self._attempt_moved(attempt)

    def _refusal(self, taker: str, why: str) -> str:
        if taker == self._cashier():
            return _tr("Could not record the cash sale: {error}").format(error=why)
        return _tr("Could not record the cash {cashier} took: {error}").format(
            cashier=taker, error=why
        )

    def _recorded_apart(self, sale: Sale, taker: str) -> None:
        """A cash sale recorded after the counter moved on: the cashier is told it is in, and
        where its receipt is."""
        if taker == self._cashier():
            text = _tr(
                "Cash sale {sale} of {total} is recorded; its receipt can be reprinted in the "
                "back office."
            )
        else:
            text = _tr(
                "The cash sale {sale} of {total} that {cashier} took is recorded; its receipt "
                "can be reprinted in the back office."
            )
        self._window.show_message(
            text.format(sale=sale.id, total=format_rupiah(sale.total), cashier=taker)
        )
