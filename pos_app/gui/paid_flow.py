"""The basket on screen once its customer has paid: its QR sale paid as charged, or a payment
that no sale has taken, on the cashier screen's paid banner.

A QR sale paid (completed by the checkout already) makes way for the next customer, or for the
items scanned after its payment, still to pay; its receipt follows
(:mod:`~pos_app.gui.receipt_flow`).

A payment that comes for the basket on screen after its QR attempt was given up on (cancelled,
expired, declined) goes up in the window's paid banner at once: the customer has paid, so the
basket takes no other tender until the cashier completes the sale with that payment (F11). The
store refuses cash for such a sale too, in the transaction that would complete it; when that
refusal comes back (the payment landed while the cash dialog was open), the banner goes up the
same way. A payment for another amount is shown as kept for the manager, and stays on the
late-payment line once the sale on screen is done; cash stays possible. A payment kept for the
manager leaves the banner once it is no longer a problem (refunded, attached or resolved): the
late-payment line (:mod:`~pos_app.gui.late_payments`) asks the store again when its attempt
moves and when the terminal's window comes back to the front (the back office closed).
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from pos_app.domain.money import format_rupiah
from pos_app.gui.customer_display import CustomerDisplay
from pos_app.gui.formatting import unbroken
from pos_app.gui.late_payments import LatePayments
from pos_app.gui.main_window import MainWindow
from pos_app.gui.open_sale import OpenSale
from pos_app.gui.qr_payment import QrPayment
from pos_app.gui.receipt_flow import Receipts
from pos_app.gui.tasks import TaskRunner
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.sales import Sale
from pos_app.till.checkout import Checkout

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    """A text of the counter's sale, in the context its translations have
    (``CashierController``, the controller this flow is part of)."""
    return QCoreApplication.translate("CashierController", text)


class PaidSale:
    """The sale in ``open_sale`` paid, on ``window`` and its paid banner.

    ``cashier()`` is the cashier at the counter, ``payment()`` the QR payment on screen (None:
    none), ``moved_on()`` is told when the counter moves on to the next sale, and
    ``back_to_scanning()`` gives the keys back to the screen after a dialog.
    """

    def __init__(
        self,
        checkout: Checkout,
        runner: TaskRunner,
        window: MainWindow,
        open_sale: OpenSale,
        late: LatePayments,
        receipts: Receipts,
        *,
        display: CustomerDisplay | None,
        cashier: Callable[[], str],
        payment: Callable[[], QrPayment | None],
        moved_on: Callable[[], None],
        back_to_scanning: Callable[[], None],
    ) -> None:
        self._checkout = checkout
        self._runner = runner
        self._window = window
        self._open_sale = open_sale
        self._late = late
        self._receipts = receipts
        self._display = display
        self._cashier = cashier
        self._payment = payment
        self._moved_on = moved_on
        self._back_to_scanning = back_to_scanning
        self.paid_on_screen: PaymentAttempt | None = None
        """The payment in the banner that can complete the sale on screen (F11)."""
        self._completing = False

    def forget(self) -> None:
        """The basket on screen is gone: no payment on the banner completes it."""
        self.paid_on_screen = None
        self._completing = False

    def sale_paid(self, attempt: PaymentAttempt) -> None:
        """The on-screen sale is paid (and already completed by the checkout): next customer,
        or the items scanned after its payment, still to pay (at full price, where a discount
        keeps them from being split off: the cashier gives it again). Items that PPN's
        rounding alone keeps from being split off cost, on their own, a rupiah or so more or
        less than was left of the total: the cashier is told both, to ask the right one."""
        self._completed(attempt.sale_id, attempt.amount)

    def paid_before_cash(self, sale: Sale, received: int, asked: int, cash_taker: str) -> None:
        """Its QR completed the sale on screen a moment before the cash ``cash_taker`` took
        for it (``received``, for ``asked``) reached the store, which refused the cash. The
        sale ends as every paid QR sale does, and the banner, up until the next sale ends,
        says the cash goes back: the change was shown at once, and the sale's own end clears
        the screen, so a refusal said on it was wiped in the same moment."""
        self._completed(sale.id, sale.total)
        if cash_taker == self._cashier():
            detail = _tr(
                "The cash was not recorded: give the customer back the {asked} paid in cash "
                "({received} received, less the change)."
            )
        else:
            detail = _tr(
                "The cash {cashier} took was not recorded: {cashier} gives the customer back "
                "the {asked} paid in cash ({received} received, less the change)."
            )
        self._window.show_paid_banner(
            _tr("Customer paid {amount} by DOKU Wallet").format(
                amount=unbroken(format_rupiah(sale.total))
            ),
            detail.format(
                asked=unbroken(format_rupiah(asked)),
                received=unbroken(format_rupiah(received)),
                cashier=cash_taker,
            ),
            completable=False,
        )

    def _completed(self, sale_id: int, amount: int) -> None:
        """Sale ``sale_id``, the one on screen, completed by a payment of ``amount``."""
        paid_for, left, note = self._open_sale.paid_for, self._open_sale.added_since_paid(), ""
        exact = self._open_sale.added_exactly()
        rest = self._window.basket_model.total - amount
        alone = (
            0 if not left else self._window.basket_model.price_of(left.lines, left.discount).total
        )
        if paid_for is not None and not left and exact is None:
            note = _tr(
                "Sale {sale} is paid for the basket as it was charged; the basket on "
                "screen had changed since: check it with the customer."
            )
        elif left and exact is None and self._open_sale.discounted_since_paid():
            note = _tr(
                "Sale {sale} is paid. The items scanned since are on screen at full price: "
                "give their discount again if it applies."
            )
        elif left and exact is None and alone != rest:
            note = _tr(
                "Sale {sale} is paid. The items scanned since are on screen at {alone}, not "
                "the {rest} left of the total: PPN is rounded on each sale."
            )
        self._open_sale.keep(None)
        self._moved_on()
        self._receipts.paid_by_qr(sale_id)
        self._window.close_cash_dialogs()
        self._window.start_new_sale()
        if left:
            self._window.basket_model.replace(left)
        if note:
            self._window.show_message(
                note.format(sale=sale_id, alone=format_rupiah(alone), rest=format_rupiah(rest))
            )
        if self._display is not None:
            if left:
                self._display.show_basket()
            else:
                self._display.show_thank_you()

    def paid_for_screen(self, attempt: PaymentAttempt, *, cash_taker: str | None = None) -> None:
        """A payment for the sale on screen that no sale has taken: the customer has paid after
        its QR attempt was given up on, or paid another amount than asked. Its QR dialog, now
        showing a dead QR code, goes away, and the banner says what came in (``cash_taker``:
        the cashier whose cash for the basket it refused).

        A second payment while one is on the banner (the customer paid both QR codes) is the
        manager's to refund: it goes on the late-payment line, never in the banner's place."""
        on_banner = self.paid_on_screen
        if on_banner is not None:
            if on_banner.invoice_number != attempt.invoice_number:
                self._late.announce(attempt)
            return
        differs = attempt.amount_differs
        payment = self._payment()
        if payment is not None and (
            not differs or payment.invoice_number == attempt.invoice_number
        ):
            payment.withdraw()
        paid = unbroken(attempt.paid_text)
        added = self._open_sale.added_since_paid()
        if added is None and not differs:
            self._kept_from_screen(attempt)
            return
        if differs:
            self._window.show_paid_banner(
                _tr(
                    "Customer paid {paid} by DOKU Wallet, not {asked}: kept for the manager"
                ).format(paid=paid, asked=unbroken(format_rupiah(attempt.amount))),
                _tr(
                    "Take the total another way. The manager refunds or accepts this payment "
                    "in the back office."
                ),
                completable=False,
            )
            self._late.announce(attempt)  # still listed once the banner goes with the sale
            return
        self.paid_on_screen = attempt
        key = self._window.complete_paid_key()
        if cash_taker == self._cashier():
            detail = _tr(
                "The cash was not recorded: give it back to the customer. Press {key} to "
                "complete the sale with this payment."
            )
        elif cash_taker is not None:
            detail = _tr(
                "The cash {cashier} took for this basket was not recorded: {cashier} gives it "
                "back to the customer. Press {key} to complete the sale with this payment."
            )
        elif added:
            detail = _tr(
                "It paid for the basket as it was before the last items were scanned. Press "
                "{key} to complete that sale; the items scanned since stay on screen, to be paid."
            )
        else:
            detail = _tr(
                "Press {key} to complete the sale with this payment. Cash and QR are refused "
                "for this basket."
            )
        self._window.show_paid_banner(
            _tr("Customer paid {amount} by DOKU Wallet").format(amount=paid),
            detail.format(key=key, cashier=cash_taker),
            completable=True,
        )
        if self._display is not None:
            self._display.show_received(attempt.received)
        self._back_to_scanning()

    def complete_with_paid(self) -> None:
        """F11 on the paid banner: complete the sale on screen with the customer's payment.

        The checkout announces the completed attempt, which ends the sale the way every paid
        QR sale ends (:meth:`sale_paid`: thank-you, next customer, receipt).
        """
        paid = self.paid_on_screen
        if paid is None or self._completing:
            return
        if self._open_sale.added_since_paid() is None:
            self._kept_from_screen(paid)
            return
        self._completing = True
        self._window.complete_paid_action.setEnabled(False)
        sale_id, invoice, cashier = paid.sale_id, paid.invoice_number, self._cashier()
        self._runner.run(
            lambda: self._checkout.complete_with_paid(sale_id, invoice, cashier=cashier),
            None,
            lambda error: self._complete_refused(paid, error),
        )

    def paid_taken_away(self, paid: PaymentAttempt, why: Exception) -> None:
        """The payment on the paid banner can complete no sale any more (refunded, or settled
        by a manager): the basket on screen is unpaid again, to be paid another way."""
        self.paid_on_screen = None
        self._window.hide_paid_banner()
        self._window.refuse(
            _tr(
                "Payment {invoice} no longer pays this basket ({error}): take the total "
                "another way."
            ).format(invoice=paid.invoice_number, error=why)
        )

    def _kept_from_screen(self, attempt: PaymentAttempt) -> None:
        """A payment for the basket as it was before the cashier took items off it or changed
        them: it cannot complete the basket on screen. Its sale stays as it was paid, with the
        payment, for the manager to attach or refund; the basket goes on as a new sale."""
        self.paid_on_screen = None
        self._window.show_paid_banner(
            _tr(
                "Customer paid {paid} by DOKU Wallet for this basket before it changed: kept "
                "for the manager"
            ).format(paid=unbroken(attempt.paid_text)),
            _tr(
                "Take the total on screen another way. The manager refunds or attaches this "
                "payment in the back office."
            ),
            completable=False,
        )
        self._open_sale.keep(None)
        self._late.announce(attempt)
        self._back_to_scanning()

    def _complete_refused(self, paid: PaymentAttempt, error: Exception) -> None:
        """F11 was refused. A payment taken off the banner meanwhile (a manager settled it) was
        announced with what to do instead; its refusal would only cover that line."""
        log.warning("sale %d not completed with %s: %s", paid.sale_id, paid.invoice_number, error)
        self._completing = False
        if self.paid_on_screen is not paid:
            return
        self._window.complete_paid_action.setEnabled(True)
        self._late.recheck()  # a payment that can pay no sale any more leaves the banner
        self._window.refuse(
            _tr("Could not complete the sale with payment {invoice}: {error}").format(
                invoice=paid.invoice_number, error=error
            )
        )
