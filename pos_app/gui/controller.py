"""The sale flow behind the cashier screen: QR and cash tenders, hold/recall, receipts, recovery.

:class:`CashierController` is the :class:`~pos_app.gui.services.SaleActions` of the
:class:`MainWindow` it builds. Every checkout call that may touch the network runs on the
:class:`TaskRunner`; the checkout's listener (called on whatever thread changed an attempt) is
turned into a queued signal, so attempts are only ever shown on the GUI thread.

A payment that comes for the basket on screen after its QR attempt was given up on (cancelled,
expired, declined) goes up in the window's paid banner at once: the customer has paid, so the
basket takes no other tender until the cashier completes the sale with that payment (F11). The
store refuses cash for such a sale too, in the transaction that would complete it; when that
refusal comes back (the payment landed while the cash dialog was open), the banner goes up the
same way. A payment for another amount is shown as kept for the manager; cash stays possible.
"""

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from pos_app.domain.basket import Basket, LineItem
from pos_app.domain.catalog import Product
from pos_app.domain.money import format_rupiah
from pos_app.gui.customer_display import CustomerDisplay
from pos_app.gui.main_window import MainWindow
from pos_app.gui.qr_payment import PaymentTiming, QrPayment, start_attempt
from pos_app.gui.receipt import ReceiptData, ReceiptDialog
from pos_app.gui.services import StoreCatalog
from pos_app.gui.tasks import TaskRunner
from pos_app.payments.model import OPEN_STATES, AttemptState
from pos_app.store.errors import SaleCompletedAlready, SalePaidAlready
from pos_app.store.payments import PaymentAttempt, paid_text
from pos_app.store.sales import Sale, SaleStatus, Tender
from pos_app.till.terminal import PROVIDER_LABELS, Terminal

log = logging.getLogger(__name__)

LISTED_INVOICES = 3
"""Open payments named in the status bar; more are counted."""


class CashierController(QObject):
    """Owns the cashier screen (``window``) and the customer display (``display``, optional)."""

    _attempt_changed = Signal(object)

    def __init__(
        self,
        terminal: Terminal,
        runner: TaskRunner,
        *,
        timing: PaymentTiming | None = None,
        customer_display: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._terminal = terminal
        self._checkout = terminal.checkout
        self._store = terminal.store
        self._runner = runner
        self._timing = timing or PaymentTiming(
            status_check_wait=terminal.settings.status_check_wait_seconds
        )
        self.window = MainWindow(StoreCatalog(terminal.store), self, demo=terminal.demo)
        self.display: CustomerDisplay | None = None
        if customer_display:
            self.display = CustomerDisplay(
                self.window.basket_model, shop_name=terminal.settings.shop.name
            )
            self.display.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.payment: QrPayment | None = None
        """The QR payment on screen, if any."""
        self._cashier = ""
        self._open_sale_id: int | None = None
        """The stored sale of the basket on screen, once a tender has started on it."""
        self._starting = False
        self._cash_next = False
        self._relay_connected = False
        self._last_receipt: tuple[int, ReceiptData] | None = None
        self._receipt_due: int | None = None
        self._late: dict[str, PaymentAttempt] = {}
        self._paid_on_screen: PaymentAttempt | None = None
        """The payment in the banner that can complete the sale on screen (F11)."""
        self._completing = False
        self._cash_sale_id: int | None = None
        """The stored sale whose cash the store is recording: its payments wait for the answer."""
        self._held_back: list[PaymentAttempt] = []
        self._background: dict[str, PaymentAttempt] = {}
        self._recovered: list[PaymentAttempt] | None = None
        self._shelving = 0
        """Holds and recalls on their way to or from the store."""
        self._closed = False

        self._reconcile_timer = QTimer(self)
        self._reconcile_timer.setInterval(round(self._timing.status_check_wait * 1000))
        self._reconcile_timer.timeout.connect(self._reconcile)
        self._attempt_changed.connect(self._attempt_update, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = self._checkout.subscribe(self._on_attempt)
        self.window.basket_model.changed.connect(self._basket_changed)
        self.window.reprint_requested.connect(self.reprint_last_receipt)
        self.window.complete_paid_requested.connect(self.complete_with_paid)

    @property
    def open_sale_id(self) -> int | None:
        return self._open_sale_id

    def start_session(self, cashier: str) -> None:
        """A cashier signed in: sales are theirs, and recovered payments come back on screen."""
        self._cashier = cashier
        if self._recovered is not None:
            self._reopen_recovered()

    def resume(self) -> None:
        """At start: settle what was paid while the terminal was away, then reopen what is open."""
        self._runner.run(self._checkout.resume, self._resumed, self._resume_failed)

    def set_relay_connected(self, connected: bool) -> None:
        self._relay_connected = connected
        if self.payment is not None:
            self.payment.set_relay_connected(connected)

    def close(self) -> None:
        """Stop listening and close the windows; open attempts stay open for the next start."""
        self._closed = True
        self._unsubscribe()
        self._reconcile_timer.stop()
        if self.payment is not None:
            self.payment.close()
            self.payment = None
        if self.display is not None:
            self.display.close()
            self.display.deleteLater()

    # SaleActions

    def pay_by_qr(self, basket: Basket) -> None:
        """The dialog opens at once; the sale, the attempt and the order are made meanwhile."""
        if self.payment is not None or self._starting:
            return
        lines, reuse, cashier = tuple(basket.lines), self._open_sale_id, self._cashier
        self._starting = True
        payment = self._show_payment(basket.total)

        def work() -> tuple[int, PaymentAttempt | None, str]:
            sale_id = self._checkout.open_sale(lines, cashier=cashier, reuse=reuse)
            try:
                return (sale_id, *start_attempt(self._checkout, sale_id))
            except Exception as error:
                log.warning("QR payment for sale %d not started: %s", sale_id, error)
                return sale_id, None, str(error)

        self._runner.run(
            work,
            lambda started: self._qr_started(payment, *started),
            lambda error: self._qr_refused(payment, str(error)),
        )

    def pay_cash(self, basket: Basket, received: int) -> None:
        """Recorded off the GUI thread; the screen starts anew at once and the receipt follows.

        Refused by the store when a payment pays the sale already: that payment comes back
        with the refusal, for the paid banner.
        """
        lines, reuse, cashier = tuple(basket.lines), self._open_sale_id, self._cashier
        self._open_sale_id = None
        self._cash_sale_id = reuse

        def work() -> tuple[int, Sale | None, str, PaymentAttempt | None]:
            sale_id = self._checkout.open_sale(lines, cashier=cashier, reuse=reuse)
            try:
                return sale_id, self._checkout.pay_cash(sale_id, received), "", None
            except SalePaidAlready as paid:
                log.info("cash for sale %d refused: %s", sale_id, paid)
                attempt = self._store.payments.get_attempt(paid.invoice_number)
                return sale_id, None, str(paid), attempt
            except SaleCompletedAlready as completed:
                log.info("cash for sale %d refused: %s", sale_id, completed)
                return sale_id, None, str(completed), None
            except Exception as error:
                log.error("cash sale %d not recorded: %s", sale_id, error)
                return sale_id, None, str(error), None

        self._runner.run(
            work,
            lambda done: self._cash_done(lines, *done),
            lambda error: self._cash_done(lines, reuse, None, str(error), None),
        )

    def complete_with_paid(self) -> None:
        """F11 on the paid banner: complete the sale on screen with the customer's payment.

        The checkout announces the completed attempt, which ends the sale the way every paid
        QR sale ends (:meth:`_sale_paid`: thank-you, next customer, receipt).
        """
        paid = self._paid_on_screen
        if paid is None or self._completing:
            return
        self._completing = True
        self.window.complete_paid_action.setEnabled(False)
        sale_id, invoice, cashier = paid.sale_id, paid.invoice_number, self._cashier
        self._runner.run(
            lambda: self._checkout.complete_with_paid(sale_id, invoice, cashier=cashier),
            None,
            lambda error: self._complete_refused(paid, error),
        )

    def hold(self, basket: Basket) -> None:
        """Stored off the GUI thread while the screen starts the next sale; a basket that could
        not be stored comes back on screen."""
        lines, cashier, now = tuple(basket.lines), self._cashier, self._checkout.clock()
        self._abandon_open_sale("basket held")
        self._shelving += 1

        def held(_: int) -> None:
            self._shelving -= 1
            self.window.basket_held()

        def failed(error: Exception) -> None:
            self._shelving -= 1
            log.warning("basket not held: %s", error)
            self.window.hold_failed(_basket_of(lines), str(error))

        self._runner.run(lambda: self._store.held.hold(lines, cashier, now), held, failed)

    def recall(self) -> None:
        """The basket held longest (customers come back in the order they left), read off the
        GUI thread. Ignored while a hold or a recall is on its way: F6 pressed twice recalls
        one basket, and never the one still being held."""
        if self._shelving:
            return
        self._shelving += 1
        store = self._store

        def work() -> Basket | None:
            held = store.held.list_held()
            return _basket_of(store.held.recall(held[0].id)) if held else None

        def recalled(basket: Basket | None) -> None:
            self._shelving -= 1
            self.window.show_recalled(basket)

        def failed(error: Exception) -> None:
            self._shelving -= 1
            log.warning("basket not recalled: %s", error)
            self.window.recall_failed(str(error))

        self._runner.run(work, recalled, failed)

    def reprint_last_receipt(self) -> None:
        if self._last_receipt is None:
            self.window.show_message(self.tr("No receipt to reprint yet."))
            return
        self._show_receipt(self._last_receipt[1])

    # receipts

    def receipt_for(self, sale: Sale) -> ReceiptData:
        settings = self._terminal.settings
        if sale.tender is Tender.CASH:
            tender = self.tr("Cash")
        elif sale.provider is not None:
            tender = PROVIDER_LABELS.get(sale.provider.value, sale.provider.value)
        else:
            tender = self.tr("QR")
        return ReceiptData(
            shop_name=settings.shop.name,
            shop_address=settings.shop.address,
            lines=sale.lines,
            total=sale.total,
            tender=tender,
            paid_at=sale.completed_at or sale.created_at,
            invoice_number=sale.invoice_number,
            provider_reference=sale.payment_reference,
            received=sale.cash_received,
            change=sale.change_due,
            time_zone=settings.timezone.key,
        )

    def _show_receipt(self, data: ReceiptData) -> None:
        dialog = ReceiptDialog(data, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._back_to_scanning())
        dialog.open()

    def _receipt_ready(self, sale: Sale) -> None:
        self._last_receipt = (sale.id, self.receipt_for(sale))
        if self._receipt_due == sale.id and self.payment is None:
            self._receipt_due = None
            self._show_receipt(self._last_receipt[1])

    # QR payments

    def _qr_started(
        self, payment: QrPayment, sale_id: int, attempt: PaymentAttempt | None, message: str
    ) -> None:
        self._open_sale_id = sale_id
        if attempt is None:
            self._qr_refused(payment, message)
            return
        self._starting = False
        payment.attach(attempt, message)

    def _qr_refused(self, payment: QrPayment, error: str) -> None:
        self._starting = False
        payment.dismiss()
        self._refuse(self.tr("Could not start the QR payment: {error}").format(error=error))

    def _show_payment(self, amount: int) -> QrPayment:
        payment = QrPayment(
            self._checkout,
            self._runner,
            self.window,
            amount=amount,
            timing=self._timing,
            relay_connected=self._relay_connected,
            clock=self._checkout.clock,
        )
        payment.closed.connect(self._payment_closed)
        payment.other_tender_requested.connect(self._other_tender)
        if self.display is not None:
            payment.request_shown.connect(self.display.show_payment)
        self.payment = payment
        payment.open()
        return payment

    def _other_tender(self) -> None:
        self._cash_next = True

    @Slot(bool)
    def _payment_closed(self, paid: bool) -> None:
        if self.payment is not None:
            self.payment.dialog.deleteLater()
            self.payment.deleteLater()
            self.payment = None
        if paid:
            if self._last_receipt and self._receipt_due == self._last_receipt[0]:
                self._receipt_due = None
                self._show_receipt(self._last_receipt[1])
            return
        if self.display is not None:
            self.display.show_basket()
        self._back_to_scanning()
        if self._cash_next:
            self._cash_next = False
            self.window.pay_cash()

    def _sale_paid(self, attempt: PaymentAttempt) -> None:
        """The on-screen sale is paid (and already completed by the checkout): next customer."""
        self._open_sale_id = None
        self._receipt_due = attempt.sale_id
        self.window.start_new_sale()
        if self.display is not None:
            self.display.show_thank_you()
        sale_id = attempt.sale_id
        self._runner.run(lambda: self._store.sales.get(sale_id), self._receipt_ready)

    # cash

    def _cash_done(
        self,
        lines: tuple[LineItem, ...],
        sale_id: int | None,
        sale: Sale | None,
        error: str,
        paid: PaymentAttempt | None,
    ) -> None:
        """``paid``: the store refused the cash because this payment pays the sale already."""
        self._cash_sale_id = None
        held, self._held_back = self._held_back, []
        if sale is not None:
            data = self.receipt_for(sale)
            self._last_receipt = (sale.id, data)
            if self.display is not None and not len(self.window.basket_model.basket):
                self.display.show_thank_you()
            self._show_receipt(data)
        else:
            back = not len(self.window.basket_model.basket)
            if back:
                self.window.basket_model.replace(_basket_of(lines))
                self._open_sale_id = sale_id
            if paid is not None and back:
                self._paid_for_screen(paid, cash_refused=True)
            else:
                self._refuse(self.tr("Could not record the cash sale: {error}").format(error=error))
        for attempt in held:
            self._attempt_update(attempt)

    # the basket

    def _basket_changed(self) -> None:
        empty = not len(self.window.basket_model.basket)
        if empty:
            self._paid_on_screen = None
            self._completing = False
        if empty and self.payment is None and not self._starting:
            self._abandon_open_sale("basket cleared")

    def _abandon_open_sale(self, reason: str) -> None:
        """The basket that had a stored sale is gone: cancel the sale (a payment now is late)."""
        sale_id, self._open_sale_id = self._open_sale_id, None
        if sale_id is None:
            return
        self._runner.run(
            lambda: self._checkout.abandon_sale(sale_id, reason),
            None,
            lambda error: log.warning("could not cancel sale %d: %s", sale_id, error),
        )

    # attempts, from any thread

    def _on_attempt(self, attempt: PaymentAttempt) -> None:
        if not self._closed:
            self._attempt_changed.emit(attempt)

    @Slot(object)
    def _attempt_update(self, attempt: PaymentAttempt) -> None:
        if self._closed:
            return
        if self.payment is not None:
            self.payment.update(attempt)
        invoice = attempt.invoice_number
        if invoice in self._background:
            if attempt.state in OPEN_STATES:
                self._background[invoice] = attempt
            else:
                del self._background[invoice]
            self._list_background()
        if attempt.state is not AttemptState.PAID:
            return
        if attempt.sale_id == self._cash_sale_id:
            self._held_back.append(attempt)  # whether the cash was taken decides what it is
        elif attempt.late and attempt.sale_id == self._open_sale_id:
            self._paid_for_screen(attempt)
        elif attempt.late:
            self._announce_late(attempt)
        elif attempt.sale_id == self._open_sale_id:
            self._sale_paid(attempt)
        elif self.payment is None or self.payment.invoice_number != invoice:
            self.window.show_message(
                self.tr("Payment {invoice} of {amount} received; its sale is complete.").format(
                    invoice=invoice, amount=format_rupiah(attempt.amount)
                )
            )

    def _paid_for_screen(self, attempt: PaymentAttempt, *, cash_refused: bool = False) -> None:
        """A payment for the sale on screen that no sale has taken: the customer has paid after
        its QR attempt was given up on, or paid another amount than asked. Its QR dialog, now
        showing a dead QR code, goes away, and the banner says what came in."""
        if self._paid_on_screen is not None and (
            self._paid_on_screen.invoice_number == attempt.invoice_number
        ):
            return
        differs = attempt.amount_differs
        if self.payment is not None and (
            not differs or self.payment.invoice_number == attempt.invoice_number
        ):
            self.payment.dismiss()
        paid = _unbroken(paid_text(attempt))
        if differs:
            self.window.show_paid_banner(
                self.tr(
                    "Customer paid {paid} by DOKU Wallet, not {asked}: kept for the manager"
                ).format(paid=paid, asked=_unbroken(format_rupiah(attempt.amount))),
                self.tr(
                    "Take the total another way. The manager refunds or accepts this payment "
                    "in the back office."
                ),
                completable=False,
            )
            return
        self._paid_on_screen = attempt
        key = self.window.complete_paid_key()
        if cash_refused:
            detail = self.tr(
                "The cash was not recorded: give it back to the customer. Press {key} to "
                "complete the sale with this payment."
            )
        else:
            detail = self.tr(
                "Press {key} to complete the sale with this payment. Cash and QR are refused "
                "for this basket."
            )
        self.window.show_paid_banner(
            self.tr("Customer paid {amount} by DOKU Wallet").format(amount=paid),
            detail.format(key=key),
            completable=True,
        )
        if self.display is not None:
            self.display.show_received(attempt.received)
        self._back_to_scanning()

    def _complete_refused(self, paid: PaymentAttempt, error: Exception) -> None:
        log.warning("sale %d not completed with %s: %s", paid.sale_id, paid.invoice_number, error)
        self._completing = False
        if self._paid_on_screen is paid:
            self.window.complete_paid_action.setEnabled(True)
        self._refuse(
            self.tr("Could not complete the sale with payment {invoice}: {error}").format(
                invoice=paid.invoice_number, error=error
            )
        )

    def _announce_late(self, attempt: PaymentAttempt) -> None:
        """Money no sale on screen can take (its basket is gone): kept for the manager."""
        if attempt.invoice_number in self._late:
            return
        self._late[attempt.invoice_number] = attempt
        amount = _unbroken(paid_text(attempt))
        if len(self._late) == 1:
            text = self.tr("Payment {invoice} of {amount} is kept for the manager: no sale took it")
        else:
            text = self.tr("{count} payments kept for the manager, the last {invoice} of {amount}")
        self.window.announce_late_payment(
            text.format(invoice=attempt.invoice_number, amount=amount, count=len(self._late))
        )

    # recovery

    def _resumed(self, attempts: list[PaymentAttempt]) -> None:
        self._recovered = attempts
        if self._cashier:
            self._reopen_recovered()

    def _resume_failed(self, error: Exception) -> None:
        log.error("could not resume open payments: %s", error)
        self.window.show_message(
            self.tr("Could not look for open payments: {error}").format(error=error)
        )

    def _reopen_recovered(self) -> None:
        """The newest open attempt comes back in its dialog with its basket; others are listed."""
        attempts, self._recovered = self._recovered or [], None
        if not attempts:
            return
        newest = attempts[-1]
        for attempt in attempts[:-1]:
            self._background[attempt.invoice_number] = attempt
        if self.payment is not None or len(self.window.basket_model.basket):
            self._background[newest.invoice_number] = newest
        else:
            sale_id = newest.sale_id
            self._runner.run(
                lambda: self._store.sales.get(sale_id),
                lambda sale: self._reopen(newest, sale),
            )
        self._list_background()
        self._reconcile()

    def _reopen(self, attempt: PaymentAttempt, sale: Sale) -> None:
        busy = self.payment is not None or len(self.window.basket_model.basket)
        if sale.status is not SaleStatus.OPEN or busy:
            self._background[attempt.invoice_number] = attempt
            self._list_background()
            self._reconcile()
            return
        self.window.basket_model.replace(_basket_of(sale.lines))
        self._open_sale_id = sale.id
        payment = self._show_payment(attempt.amount)
        payment.attach(attempt)
        payment.check_now()

    def _list_background(self) -> None:
        invoices = list(self._background)
        if not invoices:
            self._reconcile_timer.stop()
            self.window.show_open_payments("")
            return
        named = ", ".join(invoices[:LISTED_INVOICES])
        more = len(invoices) - LISTED_INVOICES
        text = self.tr("Open QR payments, still checked: {invoices}").format(invoices=named)
        if more > 0:
            text += self.tr(" and {count} more").format(count=more)
        self.window.show_open_payments(text)
        if not self._reconcile_timer.isActive():
            self._reconcile_timer.start()

    def _reconcile(self) -> None:
        """Ask about every listed payment; the checkout's listener brings the answers."""
        invoices = list(self._background)
        if invoices:
            self._runner.run(lambda: _reconcile(self._terminal, invoices))

    def _refuse(self, text: str) -> None:
        self.window.panel.show_message(text)
        self.window.panel.focus_input()

    def _back_to_scanning(self) -> None:
        """After a dialog: the cashier screen is active again and the next scan lands in it."""
        self.window.activateWindow()
        self.window.panel.focus_input()


def _reconcile(terminal: Terminal, invoices: list[str]) -> None:
    for invoice in invoices:
        try:
            terminal.checkout.check_status(invoice)
        except Exception as error:
            log.info("status of %s still unknown: %s", invoice, error)
        try:
            terminal.checkout.expire_if_due(invoice)
        except Exception as error:
            log.warning("could not expire %s: %s", invoice, error)


def _unbroken(amount: str) -> str:
    """An amount in a line that may wrap: never between "Rp" and its digits."""
    return amount.replace(" ", "\N{NO-BREAK SPACE}")


def _basket_of(lines: tuple[LineItem, ...] | list[LineItem]) -> Basket:
    """A basket of stored lines, at the prices they were rung up at."""
    basket = Basket()
    for line in lines:
        basket.add(Product(line.sku, line.name, line.unit_price), line.quantity)
    return basket
