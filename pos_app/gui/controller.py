"""The counter's sale and payment behind the cashier screen: QR and cash tenders, the paid banner.

:class:`CashierController` is the :class:`~pos_app.gui.services.SaleActions` of the
:class:`MainWindow` it builds. Every checkout call that may touch the network runs on the
:class:`TaskRunner`; the checkout's listener (called on whatever thread changed an attempt) is
turned into a queued signal, so attempts are only ever shown on the GUI thread.

The controller coordinates the flows around the sale, each in its own module: the basket's
stored sale (:mod:`~pos_app.gui.open_sale`), held baskets (:mod:`~pos_app.gui.hold_flow`),
receipts (:mod:`~pos_app.gui.receipt_flow`), the late-payment line
(:mod:`~pos_app.gui.late_payments`), and the payments found open at start with the background
passes over them (:mod:`~pos_app.gui.recovery`).

A payment that comes for the basket on screen after its QR attempt was given up on (cancelled,
expired, declined) goes up in the window's paid banner at once: the customer has paid, so the
basket takes no other tender until the cashier completes the sale with that payment (F11). The
store refuses cash for such a sale too, in the transaction that would complete it; when that
refusal comes back (the payment landed while the cash dialog was open), the banner goes up the
same way. A payment for another amount is shown as kept for the manager, and stays on the
late-payment line once the sale on screen is done; cash stays possible.
A payment kept for the manager leaves the banner once it is no longer a problem (refunded,
attached or resolved): asked again when its attempt moves and when the terminal's window comes
back to the front (the back office closed).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QWindow

from pos_app.domain.basket import Basket, LineItem
from pos_app.domain.discounts import Discount
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.money import format_rupiah
from pos_app.gui.customer_display import CustomerDisplay
from pos_app.gui.formatting import unbroken
from pos_app.gui.hold_flow import HeldBaskets
from pos_app.gui.late_payments import LatePayments
from pos_app.gui.main_window import MainWindow
from pos_app.gui.manager_pin import ManagerPin
from pos_app.gui.open_sale import OpenSale
from pos_app.gui.payment_dialog import PaymentDialog
from pos_app.gui.printer_status import PrinterStatus
from pos_app.gui.qr_payment import PaymentTiming, QrPayment, send_order, spare_dialog
from pos_app.gui.receipt_flow import Receipts
from pos_app.gui.recovery import PaymentRecovery
from pos_app.gui.services import StoreCatalog
from pos_app.gui.tasks import SerialRunner, TaskRunner
from pos_app.payments.model import AttemptState, PaymentRequest
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.sales import Sale
from pos_app.store.users import User
from pos_app.till.checkout import CashOutcome
from pos_app.till.terminal import Terminal

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _CashTender:
    """Cash on its way to the store, with what its answer is told against."""

    basket: Basket
    asked: int
    reuse: int | None
    """The basket's stored sale, if it had one."""
    taker: str
    """The cashier who took the cash."""
    turn: int
    """The counter's turn it was taken at (``CashierController._turn``)."""


CHARGE_WAIT_MS = 5000
"""At shutdown, how long a QR charge on its way may take to be stored."""


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
        self._open_sale = OpenSale(self.window.basket_model)
        self._starting = False
        self._spare_dialog: PaymentDialog | None = None
        self._charges = SerialRunner(self, name="qr-charge")
        """Starts QR charges on one long-lived thread, whose store connection stays open: a pool
        thread opens (and checks the schema of) the database anew for every task."""
        self._cash_next = False
        self._relay_connected = False
        self._paid_on_screen: PaymentAttempt | None = None
        """The payment in the banner that can complete the sale on screen (F11)."""
        self._completing = False
        self._held_back: dict[int, list[PaymentAttempt]] = {}
        """The stored sales whose cash the store is recording (a slow disk may hold more than
        one), each with its payments that came meanwhile: the store's answer decides what
        they are."""
        self._turn = 0
        """Counts the counter's moves to another sale or cashier (a cash tender, a QR sale
        paid, a sign-out): a cash sale recorded after the counter moved on shows its receipt
        and change to nobody, as they would be taken for the sale or cashier there now."""
        self._closed = False
        self._held = HeldBaskets(
            self._store,
            runner,
            self.window,
            self._open_sale,
            clock=self._checkout.clock,
            cancel_sale=self._cancel_sale,
            paid_for_screen=self._paid_for_screen,
        )
        self._receipts = Receipts(
            terminal,
            runner,
            self.window,
            back_to_scanning=self._back_to_scanning,
            payment_shown=lambda: self.payment is not None,
        )
        self._late = LatePayments(
            self._checkout,
            runner,
            self.window,
            on_banner=lambda: self._paid_on_screen,
            taken_away=self._paid_taken_away,
        )
        self._recovery = PaymentRecovery(
            terminal,
            runner,
            self.window,
            timing=self._timing,
            signed_in=lambda: bool(self._cashier),
            counter_busy=self._counter_busy,
            reopen=self._reopen,
            announce_late=self._late.announce,
            parent=self,
        )
        self.printer_status: PrinterStatus | None = None
        if terminal.printer is not None:
            self.printer_status = PrinterStatus(terminal.printer, self)
            self.printer_status.notice.connect(self.window.show_message)
            self.window.statusBar().addPermanentWidget(self.printer_status.button)

        self._attempt_changed.connect(self._attempt_update, Qt.ConnectionType.QueuedConnection)
        self._order_answered.connect(self._order_shown, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = self._checkout.subscribe(self._on_attempt)
        self.window.basket_model.set_tax(
            terminal.settings.tax, terminal.settings.business_day, self._checkout.clock
        )
        self.window.basket_model.changed.connect(self._basket_changed)
        self.window.reprint_requested.connect(self._receipts.reprint_last)
        self.window.complete_paid_requested.connect(self.complete_with_paid)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._focus_window_changed)

    @property
    def open_sale_id(self) -> int | None:
        return self._open_sale.sale_id

    def start_session(self, cashier: str) -> None:
        """A cashier signed in: sales are theirs, and recovered payments come back on screen."""
        self._cashier = cashier
        self._held.show_count()
        QTimer.singleShot(0, self, self._build_spare_dialog)
        self._recovery.reopen_recovered()

    def end_session(self) -> None:
        """The cashier signed out: nothing more is theirs until the next one signs in, nor is
        the change of their last cash sale shown to the next."""
        self._cashier = ""
        self._turn += 1
        self.window.change_label.hide()

    def resume(self) -> None:
        """At start: the payments left open by the last run (see :mod:`~pos_app.gui.recovery`)."""
        self._recovery.resume()

    def set_relay_connected(self, connected: bool) -> None:
        self._relay_connected = connected
        if self.payment is not None:
            self.payment.set_relay_connected(connected)

    def close(self) -> None:
        """Stop listening and close the windows; open attempts stay open for the next start."""
        self._closed = True
        self._late.close()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._focus_window_changed)
        self._unsubscribe()
        self._recovery.close()
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
        lines, reuse, cashier = tuple(basket.lines), self._open_sale.sale_id, self._cashier
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
        lines, reuse, cashier = tuple(basket.lines), self._open_sale.sale_id, self._cashier
        discount, approval = basket.discount, basket.approval
        self._open_sale.keep(None)
        if reuse is not None:
            self._held_back[reuse] = []
        self._turn += 1
        tendered = Basket.of(lines, discount, approval)
        tender = _CashTender(tendered, asked, reuse, cashier, self._turn)

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
            lambda done: self._cash_done(tender, done),
            lambda error: self._cash_done(tender, CashOutcome(why=str(error))),
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
        if self._open_sale.added_since_paid() is None:
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
        self._held.hold(basket, name, self._cashier)

    def recall(self) -> None:
        self._held.recall()

    def recall_held(self, held_id: int) -> None:
        self._held.recall_held(held_id)

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
            self._open_sale.sale_id is None
            and self._open_sale.unchanged_since(Basket.of(lines, discount))
        )
        if not on_screen:  # given up on while being created, and its basket is gone or changed
            self._cancel_sale(attempt.sale_id, "basket gone while its payment was being created")
            return
        self._open_sale.keep(attempt.sale_id, lines, discount)
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

    def _reopen(self, attempt: PaymentAttempt, sale: Sale, basket: Basket) -> None:
        """A recovered open sale back on screen, rebuilt as ``basket``, with its QR."""
        self.window.basket_model.replace(basket)
        self._open_sale.keep(sale.id, sale.lines, sale.discount)
        payment = self._show_payment(attempt.amount)
        payment.attach(attempt)
        payment.check_now()

    def _counter_busy(self) -> bool:
        """Whether a QR payment or a basket is on screen, so no recovered sale can come back."""
        return self.payment is not None or bool(len(self.window.basket_model.basket))

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
            self._receipts.payment_closed()
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
        keeps them from being split off: the cashier gives it again). Items that PPN's
        rounding alone keeps from being split off cost, on their own, a rupiah or so more or
        less than was left of the total: the cashier is told both, to ask the right one."""
        paid_for, left, note = self._open_sale.paid_for, self._open_sale.added_since_paid(), ""
        exact = self._open_sale.added_exactly()
        rest = self.window.basket_model.total - attempt.amount
        alone = (
            0 if not left else self.window.basket_model.price_of(left.lines, left.discount).total
        )
        if paid_for is not None and not left and exact is None:
            note = self.tr(
                "Sale {sale} is paid for the basket as it was charged; the basket on "
                "screen had changed since: check it with the customer."
            )
        elif left and exact is None and self._open_sale.discounted_since_paid():
            note = self.tr(
                "Sale {sale} is paid. The items scanned since are on screen at full price: "
                "give their discount again if it applies."
            )
        elif left and exact is None and alone != rest:
            note = self.tr(
                "Sale {sale} is paid. The items scanned since are on screen at {alone}, not "
                "the {rest} left of the total: PPN is rounded on each sale."
            )
        self._open_sale.keep(None)
        self._turn += 1
        self._receipts.paid_by_qr(attempt.sale_id)
        self.window.close_cash_dialogs()
        self.window.start_new_sale()
        if left:
            self.window.basket_model.replace(left)
        if note:
            self.window.show_message(
                note.format(
                    sale=attempt.sale_id, alone=format_rupiah(alone), rest=format_rupiah(rest)
                )
            )
        if self.display is not None:
            if left:
                self.display.show_basket()
            else:
                self.display.show_thank_you()

    # cash

    def _cash_done(self, tender: _CashTender, done: CashOutcome) -> None:
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
            if tender.turn != self._turn or len(self.window.basket_model.basket):
                self._recorded_apart(sale, taker)
            else:
                if self.display is not None:
                    self.display.show_change(sale.change_due or 0)
                self._receipts.show(data)
        elif not len(self.window.basket_model.basket):
            self.window.basket_model.replace(tender.basket)
            if kept is not None:
                self._open_sale.keep(kept.id, kept.lines, kept.discount)
            if paid is not None:
                self._paid_for_screen(paid, cash_taker=taker)
            else:
                self._refuse(self._cash_refusal(taker, done.why))
        elif kept is not None and kept.status is not SaleStatus.OPEN:  # completed by its QR
            self._refuse(self._cash_refusal(taker, done.why))
        else:
            held_as = self.tr("Cash not recorded, {total}")
            name = held_as.format(total=format_rupiah(tender.asked))
            self._held.put_aside(tender.basket, name, taker, None if kept is None else kept.id)
            aside = self.tr(
                'Its basket is held as "{name}": recall it with F6 once this basket is done.'
            ).format(name=held_as.format(total=unbroken(format_rupiah(tender.asked))))
            self._refuse(f"{self._cash_refusal(taker, done.why)}. {aside}")
        for attempt in held:
            self._attempt_update(attempt)

    def _cash_refusal(self, taker: str, why: str) -> str:
        if taker == self._cashier:
            return self.tr("Could not record the cash sale: {error}").format(error=why)
        return self.tr("Could not record the cash {cashier} took: {error}").format(
            cashier=taker, error=why
        )

    def _recorded_apart(self, sale: Sale, taker: str) -> None:
        """A cash sale recorded after the counter moved on: the cashier is told it is in, and
        where its receipt is."""
        if taker == self._cashier:
            text = self.tr(
                "Cash sale {sale} of {total} is recorded; its receipt can be reprinted in the "
                "back office."
            )
        else:
            text = self.tr(
                "The cash sale {sale} of {total} that {cashier} took is recorded; its receipt "
                "can be reprinted in the back office."
            )
        self.window.show_message(
            text.format(sale=sale.id, total=format_rupiah(sale.total), cashier=taker)
        )

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
        sale_id = self._open_sale.sale_id
        self._open_sale.keep(None)
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
        self._recovery.attempt_moved(attempt)
        invoice = attempt.invoice_number
        if attempt.state is not AttemptState.PAID:
            on_banner = self._paid_on_screen
            if on_banner is not None and on_banner.invoice_number == invoice:
                self._late.recheck()  # refunded at the provider: it pays the basket no more
            return
        if attempt.sale_id in self._held_back:  # whether the cash was taken decides what it is
            self._held_back[attempt.sale_id].append(attempt)
        elif attempt.late and attempt.sale_id == self._open_sale.sale_id:
            self._paid_for_screen(attempt)
        elif attempt.late:
            self._late.announce(attempt)
        elif attempt.sale_id == self._open_sale.sale_id:
            self._sale_paid(attempt)
        elif self.payment is None or self.payment.invoice_number != invoice:
            self.window.show_message(
                self.tr("Payment {invoice} of {amount} received; its sale is complete.").format(
                    invoice=invoice, amount=format_rupiah(attempt.amount)
                )
            )

    def _paid_for_screen(self, attempt: PaymentAttempt, *, cash_taker: str | None = None) -> None:
        """A payment for the sale on screen that no sale has taken: the customer has paid after
        its QR attempt was given up on, or paid another amount than asked. Its QR dialog, now
        showing a dead QR code, goes away, and the banner says what came in (``cash_taker``:
        the cashier whose cash for the basket it refused).

        A second payment while one is on the banner (the customer paid both QR codes) is the
        manager's to refund: it goes on the late-payment line, never in the banner's place."""
        on_banner = self._paid_on_screen
        if on_banner is not None:
            if on_banner.invoice_number != attempt.invoice_number:
                self._late.announce(attempt)
            return
        differs = attempt.amount_differs
        if self.payment is not None and (
            not differs or self.payment.invoice_number == attempt.invoice_number
        ):
            self.payment.withdraw()
        paid = unbroken(attempt.paid_text)
        added = self._open_sale.added_since_paid()
        if added is None and not differs:
            self._kept_from_screen(attempt)
            return
        if differs:
            self.window.show_paid_banner(
                self.tr(
                    "Customer paid {paid} by DOKU Wallet, not {asked}: kept for the manager"
                ).format(paid=paid, asked=unbroken(format_rupiah(attempt.amount))),
                self.tr(
                    "Take the total another way. The manager refunds or accepts this payment "
                    "in the back office."
                ),
                completable=False,
            )
            self._late.announce(attempt)  # still listed once the banner goes with the sale
            return
        self._paid_on_screen = attempt
        key = self.window.complete_paid_key()
        if cash_taker == self._cashier:
            detail = self.tr(
                "The cash was not recorded: give it back to the customer. Press {key} to "
                "complete the sale with this payment."
            )
        elif cash_taker is not None:
            detail = self.tr(
                "The cash {cashier} took for this basket was not recorded: {cashier} gives it "
                "back to the customer. Press {key} to complete the sale with this payment."
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
            detail.format(key=key, cashier=cash_taker),
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
            ).format(paid=unbroken(attempt.paid_text)),
            self.tr(
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
        if self._paid_on_screen is not paid:
            return
        self.window.complete_paid_action.setEnabled(True)
        self._late.recheck()  # a payment that can pay no sale any more leaves the banner
        self._refuse(
            self.tr("Could not complete the sale with payment {invoice}: {error}").format(
                invoice=paid.invoice_number, error=error
            )
        )

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
            self._late.recheck()

    def _refuse(self, text: str) -> None:
        self.window.panel.show_message(text)
        self.window.panel.focus_input()

    def _back_to_scanning(self) -> None:
        """After a dialog: the cashier screen is active again and the next scan lands in it."""
        self.window.activateWindow()
        self.window.panel.focus_input()
