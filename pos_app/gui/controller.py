"""The counter's sale and payment behind the cashier screen: a QR payment's charge started, its
payment on screen opened and closed, and the flows around it.

:class:`CashierController` is the :class:`~pos_app.gui.services.SaleActions` of the
:class:`MainWindow` it builds. Every checkout call that may touch the network runs on the
:class:`TaskRunner`; the checkout's listener (called on whatever thread changed an attempt) is
turned into a queued signal, so attempts are only ever shown on the GUI thread, where each goes
to the flow it concerns.

The controller coordinates the flows around the sale, each in its own module: the basket's
stored sale (:mod:`~pos_app.gui.open_sale`), the QR payment on screen with its attempts and status
checks (:class:`~pos_app.gui.qr_payment.QrPayment`) in its dialog
(:mod:`~pos_app.gui.payment_dialog`), cash tenders (:mod:`~pos_app.gui.cash_flow`), the
sale paid and the paid banner for a payment that came late (:mod:`~pos_app.gui.paid_flow`), held
baskets (:mod:`~pos_app.gui.hold_flow`), receipts (:mod:`~pos_app.gui.receipt_flow`), the
late-payment line (:mod:`~pos_app.gui.late_payments`), and the payments found open at start with
the background passes over them (:mod:`~pos_app.gui.recovery`).
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QWindow

from pos_app.domain.basket import Basket, LineItem
from pos_app.domain.discounts import Discount
from pos_app.domain.money import format_rupiah
from pos_app.gui.cash_flow import CashSales
from pos_app.gui.customer_display import CustomerDisplay
from pos_app.gui.hold_flow import HeldBaskets
from pos_app.gui.late_payments import LatePayments
from pos_app.gui.main_window import MainWindow
from pos_app.gui.manager_pin import ManagerPin
from pos_app.gui.open_sale import OpenSale
from pos_app.gui.paid_flow import PaidSale
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
from pos_app.till.terminal import Terminal

log = logging.getLogger(__name__)


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
        self._at_till = False
        """The signed-in cashier's shift is settled: see :meth:`at_till`."""
        self._open_sale = OpenSale(self.window.basket_model)
        self._starting = False
        self._spare_dialog: PaymentDialog | None = None
        self._charges = SerialRunner(self, name="qr-charge")
        """Starts QR charges on one long-lived thread, whose store connection stays open: a pool
        thread opens (and checks the schema of) the database anew for every task."""
        self._cash_next = False
        self._relay_connected = False
        self._closed = False
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
            on_banner=lambda: self._paid.paid_on_screen,
            taken_away=lambda paid, why: self._paid.paid_taken_away(paid, why),
        )
        self._paid = PaidSale(
            self._checkout,
            runner,
            self.window,
            self._open_sale,
            self._late,
            self._receipts,
            display=self.display,
            cashier=lambda: self._cashier,
            payment=lambda: self.payment,
            moved_on=lambda: self._cash.moved_on(),
            back_to_scanning=self._back_to_scanning,
        )
        self._held = HeldBaskets(
            self._store,
            runner,
            self.window,
            self._open_sale,
            clock=self._checkout.clock,
            cancel_sale=self._cancel_sale,
            paid_for_screen=self._paid.paid_for_screen,
            payment_shown=lambda: self.payment is not None,
        )
        self._cash = CashSales(
            self._checkout,
            runner,
            self.window,
            self._open_sale,
            receipts=self._receipts,
            held=self._held,
            paid=self._paid,
            display=self.display,
            cashier=lambda: self._cashier,
            attempt_moved=self._attempt_update,
        )
        self._recovery = PaymentRecovery(
            terminal,
            runner,
            self.window,
            timing=self._timing,
            at_till=lambda: self._at_till,
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
        self.window.complete_paid_requested.connect(self._paid.complete_with_paid)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._focus_window_changed)

    @property
    def open_sale_id(self) -> int | None:
        return self._open_sale.sale_id

    def start_session(self, cashier: str) -> None:
        """A cashier signed in: sales are theirs."""
        self._cashier = cashier
        self._held.show_count()
        QTimer.singleShot(0, self, self._build_spare_dialog)

    def at_till(self) -> None:
        """The cashier's shift is settled (:class:`~pos_app.gui.shift_flow.ShiftFlow`): the
        payments found open at start come back on screen now, not under the shift's dialogs.
        Signing out from one of them (the drawer held by another's shift) held a recovered
        basket with its QR still payable, and left that QR up over the sign-in page."""
        if not self._cashier:  # the shift's answer came after the cashier signed out
            return
        self._at_till = True
        self._recovery.reopen_recovered()

    def end_session(self) -> None:
        """The cashier signed out: nothing more is theirs until the next one signs in, nor is
        the change of their last cash sale shown to the next."""
        self._cashier = ""
        self._at_till = False
        self._cash.moved_on()
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
            self.window.refuse(
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
        self._cash.take(basket, received, asked)

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
        self.window.refuse(self.tr("Could not start the QR payment: {error}").format(error=error))

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

    # the basket

    def _basket_changed(self) -> None:
        empty = not len(self.window.basket_model.basket)
        if empty:
            self._paid.forget()
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
            on_banner = self._paid.paid_on_screen
            if on_banner is not None and on_banner.invoice_number == invoice:
                self._late.recheck()  # refunded at the provider: it pays the basket no more
            return
        if self._cash.hold_back(attempt):  # whether the cash was taken decides what it is
            return
        if attempt.late and attempt.sale_id == self._open_sale.sale_id:
            self._paid.paid_for_screen(attempt)
        elif attempt.late:
            self._late.announce(attempt)
        elif attempt.sale_id == self._open_sale.sale_id:
            self._paid.sale_paid(attempt)
        elif self.payment is None or self.payment.invoice_number != invoice:
            self.window.show_message(
                self.tr("Payment {invoice} of {amount} received; its sale is complete.").format(
                    invoice=invoice, amount=format_rupiah(attempt.amount)
                )
            )

    def _focus_window_changed(self, window: QWindow | None) -> None:
        if window is not None and window is self.window.window().windowHandle():
            self._late.recheck()

    def _back_to_scanning(self) -> None:
        """After a dialog: the cashier screen is active again and the next scan lands in it."""
        self.window.activateWindow()
        self.window.panel.focus_input()
