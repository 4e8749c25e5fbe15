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
A payment kept for the manager leaves the banner once it is no longer a problem (refunded,
attached or resolved): asked again when its attempt moves and when the terminal's window comes
back to the front (the back office closed).
"""

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QWindow

from pos_app.domain.basket import Basket, LineItem, added_since, scanned_since, stored_approval
from pos_app.domain.discounts import Discount
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.money import format_rupiah
from pos_app.gui.customer_display import CustomerDisplay
from pos_app.gui.main_window import MainWindow
from pos_app.gui.manager_pin import ManagerPin
from pos_app.gui.payment_dialog import PaymentDialog
from pos_app.gui.printer_status import PrinterStatus
from pos_app.gui.qr_payment import PaymentTiming, QrPayment, send_order, spare_dialog
from pos_app.gui.receipt import ReceiptDialog
from pos_app.gui.services import StoreCatalog
from pos_app.gui.tasks import SerialRunner, TaskRunner
from pos_app.payments.model import OPEN_STATES, AttemptState, PaymentRequest
from pos_app.store.errors import NotFound
from pos_app.store.held import HeldBasket
from pos_app.store.payments import PaymentAttempt
from pos_app.store.sales import Sale
from pos_app.store.users import User
from pos_app.till.checkout import CashOutcome, LateNews
from pos_app.till.receipts import ReceiptData, receipt_data
from pos_app.till.terminal import Terminal

log = logging.getLogger(__name__)

CHARGE_WAIT_MS = 5000
"""At shutdown, how long a QR charge on its way may take to be stored."""

LISTED_INVOICES = 3
"""Open payments named in the status bar; more are counted."""


class CashierController(QObject):
    """Owns the cashier screen (``window``) and the customer display (``display``, optional)."""

    _attempt_changed = Signal(object)
    _order_answered = Signal(object)
    """A charge's order, answered on the worker: queued to :meth:`_order_shown`."""

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
        self.window = MainWindow(
            StoreCatalog(terminal.store, terminal.settings.barcodes),
            self,
            demo=terminal.demo,
            time_zone=terminal.settings.timezone,
        )
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
        self._paid_for: Basket | None = None
        """What that stored sale holds: a payment of it paid for these lines, not for items
        scanned since (see :meth:`_keep_open_sale`)."""
        self._starting = False
        self._spare_dialog: PaymentDialog | None = None
        self._charges = SerialRunner(self, name="qr-charge")
        """Starts QR charges on one long-lived thread, whose store connection stays open: a pool
        thread opens (and checks the schema of) the database anew for every task."""
        self._cash_next = False
        self._relay_connected = False
        self._last_receipt: tuple[int, ReceiptData] | None = None
        self._receipt_due: int | None = None
        self._late: dict[str, PaymentAttempt] = {}
        self._passes: set[str] = set()
        """The background passes over payments still going (see :meth:`_one_at_a_time`)."""
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
        self.printer_status: PrinterStatus | None = None
        if terminal.printer is not None:
            self.printer_status = PrinterStatus(terminal.printer, self)
            self.printer_status.notice.connect(self.window.show_message)
            self.window.statusBar().addPermanentWidget(self.printer_status.button)

        self._reconcile_timer = QTimer(self)
        self._reconcile_timer.setInterval(round(self._timing.status_check_wait * 1000))
        self._reconcile_timer.timeout.connect(self._reconcile)
        self._follow_up_timer = QTimer(self)
        self._follow_up_timer.setInterval(round(self._timing.follow_up_interval * 1000))
        self._follow_up_timer.timeout.connect(self._follow_up)
        self._attempt_changed.connect(self._attempt_update, Qt.ConnectionType.QueuedConnection)
        self._order_answered.connect(self._order_shown, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = self._checkout.subscribe(self._on_attempt)
        self.window.basket_model.set_tax(
            terminal.settings.tax, terminal.settings.business_day, self._checkout.clock
        )
        self.window.basket_model.changed.connect(self._basket_changed)
        self.window.reprint_requested.connect(self.reprint_last_receipt)
        self.window.complete_paid_requested.connect(self.complete_with_paid)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._focus_window_changed)

    @property
    def open_sale_id(self) -> int | None:
        return self._open_sale_id

    def start_session(self, cashier: str) -> None:
        """A cashier signed in: sales are theirs, and recovered payments come back on screen."""
        self._cashier = cashier
        self._count_held()
        QTimer.singleShot(0, self, self._build_spare_dialog)
        if self._recovered is not None:
            self._reopen_recovered()

    def end_session(self) -> None:
        """The cashier signed out: nothing more is theirs until the next one signs in."""
        self._cashier = ""

    def resume(self) -> None:
        """At start: settle what was paid while the terminal was away, then reopen what is open;
        from then on, ask again about payments that ended before their provider's last word."""
        self._runner.run(self._checkout.resume, self._resumed, self._resume_failed)
        self._runner.run(self._checkout.paying_open_sales, self._announce_paying)
        self._follow_up()
        self._follow_up_timer.start()

    def set_relay_connected(self, connected: bool) -> None:
        self._relay_connected = connected
        if self.payment is not None:
            self.payment.set_relay_connected(connected)

    def close(self) -> None:
        """Stop listening and close the windows; open attempts stay open for the next start."""
        self._closed = True
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._focus_window_changed)
        self._unsubscribe()
        self._reconcile_timer.stop()
        self._follow_up_timer.stop()
        if self.printer_status is not None:
            self.printer_status.close()
        if not self._charges.close(CHARGE_WAIT_MS):
            log.warning("a QR charge is still on its way at shutdown; it finishes on its own")
        if self.payment is not None:
            self.payment.close()
            self.payment = None
        if self.display is not None:
            self.display.close()
            self.display.deleteLater()

    # SaleActions

    def pay_by_qr(self, basket: Basket) -> None:
        """The dialog opens at once; the sale, the attempt and the order are made meanwhile.

        One order at a time: while a QR given up on before the provider answered is still on its
        way, the cashier is told to press F12 again in a moment. Opening the new payment by
        itself once that answer is back could put a QR up long after the customer chose cash."""
        if self.payment is not None:
            return
        if self._starting:
            self._refuse(
                self.tr(
                    "The last QR payment is still being cancelled: press F12 again in a moment."
                )
            )
            return
        lines, reuse, cashier = tuple(basket.lines), self._open_sale_id, self._cashier
        discount, approval = basket.discount, basket.approval
        self._starting = True

        def work() -> tuple[PaymentAttempt, str]:
            attempt = self._checkout.store_qr_attempt(
                lines, cashier=cashier, reuse=reuse, discount=discount, approval=approval
            )
            return send_order(self._checkout, attempt, self._order_answered.emit)

        # The work starts before the dialog is shown, so its round trips overlap the showing;
        # its answers come back through the event loop, after ``payment`` exists.
        self._charges.run(
            work,
            lambda started: self._qr_started(payment, lines, discount, *started),
            lambda error: self._qr_refused(payment, str(error)),
        )
        payment = self._show_payment(self.window.basket_model.total)

    def pay_cash(self, basket: Basket, received: int, asked: int) -> None:
        """Recorded off the GUI thread; the screen starts anew at once and the receipt follows.

        Refused by the store when a payment pays the sale already: that payment comes back
        with the refusal, for the paid banner.
        """
        lines, reuse, cashier = tuple(basket.lines), self._open_sale_id, self._cashier
        discount, approval = basket.discount, basket.approval
        self._keep_open_sale(None)
        self._cash_sale_id = reuse

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
            lambda done: self._cash_done(Basket.of(lines, discount, approval), done),
            lambda error: self._cash_done(
                Basket.of(lines, discount, approval), CashOutcome(why=str(error))
            ),
        )

    def discount_needs_approval(self, share: int) -> bool:
        return self._checkout.needs_approval(share)

    def approve_discount(self, detail: dict[str, object], approved: Callable[[str], None]) -> None:
        pin = ManagerPin(self._terminal, self._runner, self.window)
        pin.setWindowTitle(self.tr("Discount above the limit — manager's PIN"))
        entry = {
            **detail,
            "cashier": self._cashier,
            "terminal": self._terminal.settings.terminal_id,
        }
        store = self._store  # its audit log on the worker's own connection

        def verified(manager: User) -> None:
            self._runner.run(lambda: store.audit.record(manager.name, "discount.approved", entry))
            approved(manager.name)

        pin.verified.connect(verified)
        pin.show()

    def complete_with_paid(self) -> None:
        """F11 on the paid banner: complete the sale on screen with the customer's payment.

        The checkout announces the completed attempt, which ends the sale the way every paid
        QR sale ends (:meth:`_sale_paid`: thank-you, next customer, receipt).
        """
        paid = self._paid_on_screen
        if paid is None or self._completing:
            return
        if self._added_since_paid() is None:
            self._kept_from_screen(paid)
            return
        self._completing = True
        self.window.complete_paid_action.setEnabled(False)
        sale_id, invoice, cashier = paid.sale_id, paid.invoice_number, self._cashier
        self._runner.run(
            lambda: self._checkout.complete_with_paid(sale_id, invoice, cashier=cashier),
            None,
            lambda error: self._complete_refused(paid, error),
        )

    def hold(self, basket: Basket, name: str) -> None:
        """Stored off the GUI thread while the screen starts the next sale; a basket that could
        not be stored comes back on screen."""
        lines, cashier, now = tuple(basket.lines), self._cashier, self._checkout.clock()
        discount, approval = basket.discount, basket.approval
        sale_id = self._open_sale_id  # held with the basket, open: its QR may still be paid
        paid_for = self._paid_for
        self._keep_open_sale(None)
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

        def held(count: int) -> None:
            self._shelving -= 1
            self.window.set_held_count(count)
            self.window.basket_held()

        def failed(error: Exception) -> None:
            self._shelving -= 1
            log.warning("basket not held: %s", error)
            self.window.hold_failed(Basket.of(lines, discount, approval), str(error))
            if paid_for is not None:  # its sale holds what it held, not the basket's lines
                self._keep_open_sale(sale_id, paid_for.lines, paid_for.discount)

        self._runner.run(work, held, failed)

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
            self.window.choose_held(held)

        def failed(error: Exception) -> None:
            self._shelving -= 1
            log.warning("held baskets not listed: %s", error)
            self.window.recall_failed(str(error))

        self._runner.run(lambda: store.held.list_held(), listed, failed)

    def recall_held(self, held_id: int) -> None:
        """The basket picked, taken out of the store off the GUI thread (None: another till or
        a double pick took it already)."""
        if self._shelving:
            return
        self._shelving += 1
        store = self._store

        def work() -> tuple[HeldBasket | None, Sale | None, PaymentAttempt | None, int]:
            try:
                held = store.held.recall(held_id)
            except NotFound:
                return None, None, None, store.held.count()
            sale = None if held.sale_id is None else store.sales.get(held.sale_id)
            paying = None if sale is None else store.payments.paying_attempt(sale.id)
            return held, sale, paying, store.held.count()

        def recalled(
            answer: tuple[HeldBasket | None, Sale | None, PaymentAttempt | None, int],
        ) -> None:
            self._shelving -= 1
            held, sale, paying, count = answer
            self.window.set_held_count(count)
            if sale is not None and sale.status is SaleStatus.COMPLETED:
                self.window.show_message(
                    self.tr("The held basket was paid meanwhile: sale {sale} is complete.").format(
                        sale=sale.id
                    )
                )
                return
            own_sale = not len(self.window.basket_model.basket) and self._open_sale_id is None
            if held is not None and paying is not None and not own_sale:
                self._hold_again(held, paying)
                return
            self.window.show_recalled(
                None if held is None else Basket.of(held.lines, held.discount, held.approval)
            )
            if held is None or sale is None or sale.status is not SaleStatus.OPEN:
                return
            if not own_sale:  # merged into another basket: a payment for it now is late
                self._cancel_sale(sale.id, "basket merged")
                return
            # what the stored sale holds, which its payment pays for: not the held lines, to
            # which items may have been added after its QR was given up on
            self._keep_open_sale(sale.id, sale.lines, sale.discount)
            if paying is not None:
                self._paid_for_screen(paying)

        def failed(error: Exception) -> None:
            self._shelving -= 1
            log.warning("basket not recalled: %s", error)
            self.window.recall_failed(str(error))

        self._runner.run(work, recalled, failed)

    def _hold_again(self, held: HeldBasket, paying: PaymentAttempt) -> None:
        """A basket its customer paid for while it was held, recalled while items were scanned
        for another: merged, the next charge would take its total a second time. It goes back
        on hold as it was, and the cashier finishes the basket on screen first."""
        self.window.show_message(
            self.tr(
                "{name} was paid meanwhile ({amount}) and stays held: finish this basket, then "
                "recall it."
            ).format(
                name=held.name or self.tr("The held basket"), amount=format_rupiah(paying.amount)
            )
        )
        store = self._store
        self._shelving += 1

        def work() -> int:
            store.held.put_back(held)
            return store.held.count()

        def back(count: int) -> None:
            self._shelving -= 1
            self.window.set_held_count(count)

        def failed(error: Exception) -> None:
            self._shelving -= 1
            log.error("a paid held basket could not go back on hold: %s", error)
            self.window.recall_failed(str(error))

        self._runner.run(work, back, failed)

    def reprint_last_receipt(self) -> None:
        """F8: the last sale this terminal completed, read from the store (so a restart does not
        forget it), printed again as a COPY."""
        terminal_id = self._checkout.terminal_id
        self._runner.run(lambda: self._store.sales.last_completed(terminal_id), self._reprint)

    def _reprint(self, sale: Sale | None) -> None:
        if sale is None:
            self.window.show_message(self.tr("No receipt to reprint yet."))
            return
        self._show_receipt(receipt_data(sale, self._terminal.settings, copy=True))

    # receipts

    def receipt_for(self, sale: Sale) -> ReceiptData:
        return receipt_data(sale, self._terminal.settings)

    def _show_receipt(self, data: ReceiptData) -> None:
        dialog = ReceiptDialog(data, self.window, printer=self._terminal.printer)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.panel.forward_typing(dialog.preview)
        dialog.finished.connect(lambda _result: self._back_to_scanning())
        dialog.open()

    def _receipt_ready(self, sale: Sale) -> None:
        self._last_receipt = (sale.id, self.receipt_for(sale))
        self._sale_to_printer(self._last_receipt[1])
        if self._receipt_due == sale.id and self.payment is None:
            self._receipt_due = None
            self._show_receipt(self._last_receipt[1])

    def _sale_to_printer(self, data: ReceiptData) -> None:
        """The receipt printer's part of a completed sale: the drawer opens for cash, the receipt
        prints if the shop wants; queued, so nothing here waits for the printer."""
        if self._terminal.printer is not None:
            self._terminal.printer.sale_completed(data)

    # QR payments

    def _qr_started(
        self,
        payment: QrPayment,
        lines: tuple[LineItem, ...],
        discount: Discount | None,
        attempt: PaymentAttempt,
        message: str,
    ) -> None:
        self._starting = False
        on_screen = payment is self.payment or (
            self._open_sale_id is None and self._unchanged_since(Basket.of(lines, discount))
        )
        if not on_screen:  # given up on while being created, and its basket is gone or changed
            self._cancel_sale(attempt.sale_id, "basket gone while its payment was being created")
            return
        self._keep_open_sale(attempt.sale_id, lines, discount)
        payment.attach(attempt, message)

    @Slot(object)
    def _order_shown(self, request: PaymentRequest) -> None:
        """The provider answered the charge on its way: its QR goes up before it is stored."""
        if self.payment is not None and self._starting:
            self.payment.show_order(request)

    def _qr_refused(self, payment: QrPayment, error: str) -> None:
        self._starting = False
        payment.dismiss()
        self._refuse(self.tr("Could not start the QR payment: {error}").format(error=error))

    def _build_spare_dialog(self) -> None:
        """The next charge's dialog, built after the event loop has nothing else to do."""
        if self._spare_dialog is None and not self._closed:
            self._spare_dialog = spare_dialog(self._checkout, self.window, self._checkout.clock)

    def _show_payment(self, amount: int) -> QrPayment:
        dialog, self._spare_dialog = self._spare_dialog, None
        payment = QrPayment(
            self._checkout,
            self._runner,
            self.window,
            amount=amount,
            timing=self._timing,
            relay_connected=self._relay_connected,
            clock=self._checkout.clock,
            dialog=dialog,
        )
        payment.closed.connect(self._payment_closed)
        payment.other_tender_requested.connect(self._other_tender)
        if self.display is not None:
            payment.request_shown.connect(self.display.show_payment)
            payment.request_withdrawn.connect(self.display.show_basket)
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
        QTimer.singleShot(0, self, self._build_spare_dialog)
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
        """The on-screen sale is paid (and already completed by the checkout): next customer,
        or the items scanned after its payment, still to pay (at full price, where a discount
        keeps them from being split off: the cashier gives it again)."""
        paid_for, left, note = self._paid_for, self._added_since_paid(), ""
        screen = self.window.basket_model.basket
        exact = None if paid_for is None else added_since(paid_for, screen, self._basket_total)
        if paid_for is not None and not left and exact is None:
            note = self.tr(
                "Sale {sale} is paid for the basket as it was charged; the basket on "
                "screen had changed since: check it with the customer."
            )
        elif left and exact is None:
            note = self.tr(
                "Sale {sale} is paid. The items scanned since are on screen at full price: "
                "give their discount again if it applies."
            )
        self._keep_open_sale(None)
        self._receipt_due = attempt.sale_id
        self.window.close_cash_dialogs()
        self.window.start_new_sale()
        if left:
            self.window.basket_model.replace(left)
        if note:
            self.window.show_message(note.format(sale=attempt.sale_id))
        if self.display is not None:
            if left:
                self.display.show_basket()
            else:
                self.display.show_thank_you()
        sale_id = attempt.sale_id
        self._runner.run(lambda: self._store.sales.get(sale_id), self._receipt_ready)

    # cash

    def _cash_done(self, basket: Basket, done: CashOutcome) -> None:
        self._cash_sale_id = None
        kept, sale, paid = done.kept, done.sale, done.paid_by
        held, self._held_back = self._held_back, []
        if sale is not None:
            data = self.receipt_for(sale)
            self._sale_to_printer(data)
            self._last_receipt = (sale.id, data)
            if self.display is not None and not len(self.window.basket_model.basket):
                self.display.show_change(sale.change_due or 0)
            self._show_receipt(data)
        else:
            back = not len(self.window.basket_model.basket)
            if back:
                self.window.basket_model.replace(basket)
                if kept is not None:
                    self._keep_open_sale(kept.id, kept.lines, kept.discount)
            if paid is not None and back:
                self._paid_for_screen(paid, cash_refused=True)
            else:
                self._refuse(
                    self.tr("Could not record the cash sale: {error}").format(error=done.why)
                )
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
        sale_id = self._open_sale_id
        self._keep_open_sale(None)
        if sale_id is not None:
            self._cancel_sale(sale_id, reason)

    def _cancel_sale(self, sale_id: int, reason: str) -> None:
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
            on_banner = self._paid_on_screen
            if on_banner is not None and on_banner.invoice_number == invoice:
                self._recheck_late()  # refunded at the provider: it pays the basket no more
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
        showing a dead QR code, goes away, and the banner says what came in.

        A second payment while one is on the banner (the customer paid both QR codes) is the
        manager's to refund: it goes on the late-payment line, never in the banner's place."""
        on_banner = self._paid_on_screen
        if on_banner is not None:
            if on_banner.invoice_number != attempt.invoice_number:
                self._announce_late(attempt)
            return
        differs = attempt.amount_differs
        if self.payment is not None and (
            not differs or self.payment.invoice_number == attempt.invoice_number
        ):
            self.payment.withdraw()
        paid = _unbroken(attempt.paid_text)
        added = self._added_since_paid()
        if added is None and not differs:
            self._kept_from_screen(attempt)
            return
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
        elif added:
            detail = self.tr(
                "It paid for the basket as it was before the last items were scanned. Press "
                "{key} to complete that sale; the items scanned since stay on screen, to be paid."
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

    def _kept_from_screen(self, attempt: PaymentAttempt) -> None:
        """A payment for the basket as it was before the cashier took items off it or changed
        them: it cannot complete the basket on screen. Its sale stays as it was paid, with the
        payment, for the manager to attach or refund; the basket goes on as a new sale."""
        self._paid_on_screen = None
        self.window.show_paid_banner(
            self.tr(
                "Customer paid {paid} by DOKU Wallet for this basket before it changed: kept "
                "for the manager"
            ).format(paid=_unbroken(attempt.paid_text)),
            self.tr(
                "Take the total on screen another way. The manager refunds or attaches this "
                "payment in the back office."
            ),
            completable=False,
        )
        self._keep_open_sale(None)
        self._announce_late(attempt)
        self._back_to_scanning()

    def _keep_open_sale(
        self,
        sale_id: int | None,
        lines: list[LineItem] | tuple[LineItem, ...] = (),
        discount: Discount | None = None,
    ) -> None:
        """The stored sale of the basket on screen (None: none yet) and the lines it holds."""
        self._open_sale_id = sale_id
        self._paid_for = None if sale_id is None else Basket.of(lines, discount)

    def _added_since_paid(self) -> Basket | None:
        """What the basket on screen holds beyond its stored sale, at what it adds to the total
        on screen, or at full price where a discount keeps it from being split off exactly;
        None when it is not that sale plus items (see
        :func:`~pos_app.domain.basket.scanned_since`)."""
        if self._paid_for is None:
            return None
        screen = self.window.basket_model.basket
        exact = added_since(self._paid_for, screen, self._basket_total)
        if exact is not None:
            return exact
        scanned = scanned_since(self._paid_for, screen)
        return None if scanned is None else Basket.of(scanned)

    def _unchanged_since(self, charged: Basket) -> bool:
        """Whether the basket on screen is ``charged``, nothing added or taken away."""
        added = added_since(charged, self.window.basket_model.basket, self._basket_total)
        return added is not None and not len(added)

    def _basket_total(self, lines: Sequence[LineItem], discount: Discount | None) -> int:
        """What the screen would ask for these lines: how :func:`added_since` prices them."""
        return self.window.basket_model.price_of(lines, discount).total

    def _complete_refused(self, paid: PaymentAttempt, error: Exception) -> None:
        """F11 was refused. A payment taken off the banner meanwhile (a manager settled it) was
        announced with what to do instead; its refusal would only cover that line."""
        log.warning("sale %d not completed with %s: %s", paid.sale_id, paid.invoice_number, error)
        self._completing = False
        if self._paid_on_screen is not paid:
            return
        self.window.complete_paid_action.setEnabled(True)
        self._recheck_late()  # a payment that can pay no sale any more leaves the banner
        self._refuse(
            self.tr("Could not complete the sale with payment {invoice}: {error}").format(
                invoice=paid.invoice_number, error=error
            )
        )

    def _announce_late(self, attempt: PaymentAttempt) -> None:
        """Money no sale on screen can take (its basket is gone): kept for the manager."""
        if attempt.invoice_number in self._late:
            self._recheck_late()
            return
        self._late[attempt.invoice_number] = attempt
        self._show_late()

    def _show_late(self) -> None:
        if not self._late:
            self.window.clear_late_payments()
            return
        attempt = list(self._late.values())[-1]
        amount = _unbroken(attempt.paid_text)
        if len(self._late) == 1:
            text = self.tr("Payment {invoice} of {amount} is kept for the manager: no sale took it")
        else:
            text = self.tr("{count} payments kept for the manager, the last {invoice} of {amount}")
        self.window.announce_late_payment(
            text.format(invoice=attempt.invoice_number, amount=amount, count=len(self._late))
        )

    def _recheck_late(self) -> None:
        """Ask the store which payments in the banners are still the manager's to settle, and
        whether the one on the paid banner may still complete its sale: a manager may have
        refunded or resolved it in the back office meanwhile."""
        paid = self._paid_on_screen
        if (not self._late and paid is None) or self._closed:
            return
        on_banner = None if paid is None else paid.invoice_number

        def known(news: LateNews) -> None:
            settled = [invoice for invoice in self._late if invoice not in news.kept]
            for invoice in settled:
                del self._late[invoice]
            if settled:
                self._show_late()
            if news.refused is not None and paid is not None and self._paid_on_screen is paid:
                self._paid_taken_away(paid, news.refused)

        self._runner.run(lambda: self._checkout.late_news(on_banner), known)

    def _paid_taken_away(self, paid: PaymentAttempt, why: Exception) -> None:
        """The payment on the paid banner can complete no sale any more (refunded, or settled
        by a manager): the basket on screen is unpaid again, to be paid another way."""
        self._paid_on_screen = None
        self.window.hide_paid_banner()
        self._refuse(
            self.tr(
                "Payment {invoice} no longer pays this basket ({error}): take the total "
                "another way."
            ).format(invoice=paid.invoice_number, error=why)
        )

    def _focus_window_changed(self, window: QWindow | None) -> None:
        if window is not None and window is self.window.window().windowHandle():
            self._recheck_late()

    def _count_held(self) -> None:
        store = self._store
        self._runner.run(lambda: store.held.count(), self.window.set_held_count)

    # recovery

    def _resumed(self, attempts: list[PaymentAttempt]) -> None:
        self._recovered = attempts
        if self._cashier:
            self._reopen_recovered()

    def _announce_paying(self, attempts: list[PaymentAttempt]) -> None:
        """Payments that pay a sale still open, found at start: on the late-payment line, as
        the paid banner they were on is gone with the basket."""
        for attempt in attempts:
            self._announce_late(attempt)

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
        """Put the open sale back on screen with its QR, if the basket rebuilt from it is the
        sale to the line: a different one (a merged line, another price) would be charged
        instead, so such a sale stays in the background, checked until it is paid or ends."""
        busy = self.payment is not None or len(self.window.basket_model.basket)
        approval = stored_approval(sale.discount_approved_by, sale.lines, sale.discount)
        basket = Basket.of(sale.lines, sale.discount, approval)
        faithful = basket.lines == list(sale.lines)
        if not faithful:
            log.warning("open sale %d cannot be rebuilt as it was rung up; kept checked", sale.id)
        if sale.status is not SaleStatus.OPEN or busy or not faithful:
            self._background[attempt.invoice_number] = attempt
            self._list_background()
            self._reconcile()
            return
        self.window.basket_model.replace(basket)
        self._keep_open_sale(sale.id, sale.lines, sale.discount)
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
            self._one_at_a_time("status checks", lambda: self._terminal.check_open(invoices))

    def _follow_up(self) -> None:
        """The terminal's follow-up pass (:meth:`Terminal.follow_up`), one at a time."""
        self._one_at_a_time("follow-up", self._terminal.follow_up)

    def _one_at_a_time(self, name: str, work: Callable[[], object]) -> None:
        """Run a pass of ``name`` unless the last one is still going. With the provider out of
        reach, a pass waits out a timeout per payment, longer than the timer between passes:
        passes piling up would hold every worker the cashier's tasks need (a recall, a receipt)."""
        if name in self._passes:
            log.info("the last %s pass is still going; this one is skipped", name)
            return
        self._passes.add(name)

        def failed(error: Exception) -> None:
            self._passes.discard(name)
            log.warning("a %s pass failed: %s", name, error)

        self._runner.run(work, lambda _: self._passes.discard(name), failed)

    def _refuse(self, text: str) -> None:
        self.window.panel.show_message(text)
        self.window.panel.focus_input()

    def _back_to_scanning(self) -> None:
        """After a dialog: the cashier screen is active again and the next scan lands in it."""
        self.window.activateWindow()
        self.window.panel.focus_input()


def _unbroken(amount: str) -> str:
    """An amount in a line that may wrap: never between "Rp" and its digits."""
    return amount.replace(" ", "\N{NO-BREAK SPACE}")
