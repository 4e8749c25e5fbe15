"""One sale's QR payment on screen: its dialog, its attempts, and when to ask the provider.

The relay is the fast path: its events reach :meth:`QrPayment.update` through the checkout's
listener. The provider's status API is the fallback, asked on "Check status", after
``status_check_wait`` seconds without news, every ``trouble_check_interval`` seconds while the
relay or the provider cannot be reached, and once more when the countdown ends (``expire_if_due``).
Every call into the checkout runs on the :class:`TaskRunner`; this object only decides and shows.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from pos_app.domain.clock import Clock
from pos_app.gui.payment_dialog import PaymentDialog
from pos_app.gui.qr_widget import prepare_qr
from pos_app.gui.tasks import TaskRunner
from pos_app.payments.model import OPEN_STATES, AttemptState, PaymentRequest
from pos_app.store.payment_records import PaymentAttempt
from pos_app.till.checkout import Checkout, OrderListener

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PaymentTiming:
    """When the terminal stops waiting for the relay and asks the provider itself (seconds)."""

    status_check_wait: float = 60.0
    """No news from the relay for this long: ask the provider."""
    trouble_check_interval: float = 10.0
    """While the relay or the provider cannot be reached: ask this often."""
    expiry_grace: float = 1.0
    """After the countdown ends, before the last check and ``expired``."""
    paid_close_delay: float = 2.0
    """How long the big "Paid" stays before the receipt; 0 keeps it until Done."""
    follow_up_interval: float = 15 * 60.0
    """How often payments that ended here before their provider's final word are asked about
    again (``Checkout.follow_up_ended``)."""

    def __post_init__(self) -> None:
        for name in ("status_check_wait", "trouble_check_interval", "follow_up_interval"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be above 0 seconds, got {getattr(self, name)}")
        for name in ("expiry_grace", "paid_close_delay"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative, got {getattr(self, name)}")


def request_of(attempt: PaymentAttempt) -> PaymentRequest:
    """The dialog's view of an attempt; one whose order was never created has no URL yet."""
    return PaymentRequest(
        provider=attempt.provider,
        invoice_number=attempt.invoice_number,
        amount=attempt.amount,
        payment_url=attempt.payment_url or "",
        expires_at=attempt.expires_at,
        reference=attempt.reference,
    )


def start_attempt(checkout: Checkout, sale_id: int) -> tuple[PaymentAttempt, str]:
    """A new attempt for the sale ("Try again"), as :func:`send_order` sends it."""
    return send_order(checkout, checkout.new_attempt(sale_id))


def send_order(
    checkout: Checkout, attempt: PaymentAttempt, on_order: OrderListener | None = None
) -> tuple[PaymentAttempt, str]:
    """The stored attempt after its order, and the error that stopped the order ("" when none).

    A refused or unanswered order still leaves its attempt (``failed`` or ``unknown``): the
    dialog shows that attempt, so the cashier sees why, and an unknown one keeps being checked.
    The QR is encoded here, before ``on_order`` hears of it, so the dialog and the customer
    display show it without encoding it on the GUI thread. Runs on a worker thread.
    """

    def answered(request: PaymentRequest) -> None:
        if request.payment_url:
            prepare_qr(request.payment_url)
        if on_order is not None:
            on_order(request)

    try:
        return checkout.send_order(attempt, on_order=answered), ""
    except Exception as error:
        log.warning("payment order %s did not go through: %s", attempt.invoice_number, error)
        return checkout.store.payments.get_attempt(attempt.invoice_number), str(error)


def spare_dialog(checkout: Checkout, parent: QWidget, clock: Clock) -> PaymentDialog:
    """A payment dialog for the next charge, built while the counter is idle: building one
    takes milliseconds of the GUI thread that F12 would otherwise wait for."""
    dialog = PaymentDialog(PaymentRequest(checkout.provider.name, "", 0, ""), parent, clock=clock)
    dialog.prepare_to_show()
    return dialog


def _ms(seconds: float) -> int:
    return max(0, round(seconds * 1000))


class QrPayment(QObject):
    """The payment dialog of one sale and the checks that keep it up to date.

    The dialog opens at once ("Creating the payment…", the basket locked behind it) and shows
    the attempt when the worker brings it (:meth:`attach`), so building the dialog overlaps the
    order's round trips. ``request_shown(PaymentRequest)``: a QR for the customer (first attempt
    and each retry); ``request_withdrawn``: that QR is dead (declined, expired, failed, cancelled)
    and must leave the customer's sight; ``closed(paid)``: the dialog is gone;
    ``other_tender_requested``: the cashier wants cash.

    "Check status" always answers: asking, then still waiting, paid or failed as the dialog's
    state, or why the service could not be asked.
    """

    request_shown = Signal(object)
    request_withdrawn = Signal()
    closed = Signal(bool)
    other_tender_requested = Signal()

    def __init__(
        self,
        checkout: Checkout,
        runner: TaskRunner,
        parent: QWidget,
        *,
        amount: int,
        timing: PaymentTiming,
        relay_connected: bool,
        clock: Clock,
        dialog: PaymentDialog | None = None,
    ) -> None:
        """``dialog``: one built ahead (:func:`spare_dialog`), so F12 does not wait for it."""
        super().__init__(parent)
        self._checkout = checkout
        self._runner = runner
        self._timing = timing
        self._relay_connected = relay_connected
        self._clock = clock
        self._attempt: PaymentAttempt | None = None
        self._checking = False
        self._check_failed = False
        self._cashier_asked = False
        """The cashier pressed "Check status": the answer is said on the status line."""
        self._retrying = False
        self._paid = False
        self._done = False
        """The dialog has closed: answers still on their way are dropped."""

        waiting = PaymentRequest(checkout.provider.name, "", amount, "")
        self.dialog = dialog or spare_dialog(checkout, parent, clock)
        self.dialog.set_request(waiting)
        self.dialog.set_state(AttemptState.CREATED)
        self.dialog.check_requested.connect(self._cashier_check)
        self.dialog.cancel_confirmed.connect(self._cancel)
        self.dialog.retry_requested.connect(self._retry)
        self.dialog.other_tender_requested.connect(self._other_tender)
        self.dialog.finished.connect(self._finished)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.timeout.connect(self.check_now)
        self._expiry_timer = QTimer(self)
        self._expiry_timer.setSingleShot(True)
        self._expiry_timer.timeout.connect(self._expire)

    @property
    def attempt(self) -> PaymentAttempt | None:
        """The attempt shown; None while its order is being created."""
        return self._attempt

    @property
    def invoice_number(self) -> str:
        return self._attempt.invoice_number if self._attempt else ""

    @property
    def sale_id(self) -> int | None:
        return self._attempt.sale_id if self._attempt else None

    def open(self) -> None:
        """Show the dialog (window-modal, no nested event loop), creating the payment."""
        self.dialog.open()

    def show_order(self, request: PaymentRequest) -> None:
        """The provider's answer, before its attempt comes back stored: the QR goes up now,
        and :meth:`attach` then finds it shown. The customer display waits for ``attach``, so
        the cashier's QR is not kept waiting for a second window's paint."""
        if not self._done and self._attempt is None:
            self.dialog.set_request(request)

    def attach(self, attempt: PaymentAttempt, message: str = "") -> None:
        """The stored attempt has come back (``message``: why its order did not go through),
        the first or one of "Try again".

        If the cashier cancelled or closed the dialog while it was being created, it is
        cancelled now: a payment that still comes is a late one.
        """
        if not self._done:
            self._show(attempt, message)
        elif attempt.state in OPEN_STATES:
            self._cancel_attempt(attempt.invoice_number)

    def dismiss(self) -> None:
        """The dialog goes away without the cashier: nothing was stored (the sale could not be
        written), or the payment is now the cashier screen's business (it came after the
        attempt was given up on, or for another amount)."""
        if not self._done:
            self.dialog.done(QDialog.DialogCode.Rejected)

    def withdraw(self) -> None:
        """:meth:`dismiss` because another payment pays the basket: an attempt still open is
        given up first, so its QR is never paid too (nor put back up after a restart)."""
        if self._attempt is not None and self._attempt.state in OPEN_STATES:
            self._cancel_attempt(self._attempt.invoice_number)
        self.dismiss()

    def update(self, attempt: PaymentAttempt, message: str = "") -> bool:
        """Show news of an attempt; False when it is not this dialog's. Older news (by the
        store's order of events, not the wall clock, which may be set back) is ignored."""
        current = self._attempt
        if self._done or current is None or attempt.invoice_number != current.invoice_number:
            return False
        stale = attempt.version < current.version or (
            current.state not in OPEN_STATES and attempt.state in OPEN_STATES
        )
        if stale:
            return True
        self._attempt = attempt
        if (attempt.payment_url or "") != self.dialog.request.payment_url:
            self.dialog.set_request(request_of(attempt))  # the order went through at last
            self.request_shown.emit(self.dialog.request)
        self.dialog.set_state(attempt.state, message, late=attempt.late)
        if attempt.state in OPEN_STATES:
            if attempt.expires_at != current.expires_at:  # an order that went through late
                self._arm_expiry(attempt.expires_at)
            self._arm_check()
            return True
        self._check_timer.stop()
        self._expiry_timer.stop()
        if attempt.state is not AttemptState.PAID:
            self.request_withdrawn.emit()
        if attempt.state is AttemptState.PAID and not attempt.late and not self._paid:
            self._paid = True
            if self._timing.paid_close_delay:
                QTimer.singleShot(_ms(self._timing.paid_close_delay), self, self._close_paid)
        return True

    def set_relay_connected(self, connected: bool) -> None:
        """The relay came or went: ask the provider now when it went, else wait as usual."""
        was = self._relay_connected
        self._relay_connected = connected
        if self._attempt is None or self._attempt.state not in OPEN_STATES:
            return
        if was and not connected:
            self.check_now()
        else:
            self._arm_check()

    def check_now(self) -> None:
        """Ask the provider (the cashier's button, and every automatic check)."""
        attempt = self._attempt
        if self._done or self._checking or attempt is None or attempt.state not in OPEN_STATES:
            return
        self._checking = True
        invoice = attempt.invoice_number
        self._runner.run(
            lambda: self._checkout.check_or_expire(invoice), self._checked, self._check_refused
        )

    def close(self) -> None:
        """Close without a decision (the terminal is shutting down): the attempt stays open."""
        self._done = True
        self._stop_timers()
        self.dialog.finished.disconnect(self._finished)
        self.dialog.done(QDialog.DialogCode.Rejected)

    def _show(self, attempt: PaymentAttempt, message: str) -> None:
        self._attempt = attempt
        self._check_failed = False
        request = request_of(attempt)
        if request != self.dialog.request:
            self.dialog.set_request(request)
        self.dialog.set_state(attempt.state, message, late=attempt.late)
        if attempt.state in OPEN_STATES and attempt.payment_url:
            self.request_shown.emit(self.dialog.request)
        else:
            self.request_withdrawn.emit()
        self._arm_expiry(attempt.expires_at)
        if attempt.state in OPEN_STATES:
            self._arm_check()

    def _arm_check(self) -> None:
        troubled = (
            not self._relay_connected
            or self._check_failed
            or (self._attempt is not None and self._attempt.state is AttemptState.UNKNOWN)
        )
        wait = self._timing.trouble_check_interval if troubled else self._timing.status_check_wait
        self._check_timer.start(_ms(wait))

    def _arm_expiry(self, expires_at: datetime | None) -> None:
        self._expiry_timer.stop()
        if expires_at is not None:
            left = (expires_at - self._clock()).total_seconds() + self._timing.expiry_grace
            self._expiry_timer.start(_ms(left))

    def _cashier_check(self) -> None:
        self._cashier_asked = True
        self.check_now()

    def _checked(self, attempt: PaymentAttempt) -> None:
        self._checking = False
        self._check_failed = False
        asked, self._cashier_asked = self._cashier_asked, False
        self.update(attempt)
        current = self._attempt
        if asked and not self._done and current is not None and current.state in OPEN_STATES:
            self.dialog.status_line.setText(
                self.tr("Not paid yet: the payment service is still waiting for the customer.")
            )

    def _check_refused(self, error: Exception) -> None:
        self._checking = False
        self._check_failed = True
        self._cashier_asked = False
        if self._done or self._attempt is None or self._attempt.state not in OPEN_STATES:
            return
        log.warning("status check of %s failed: %s", self.invoice_number, error)
        self.dialog.status_line.setText(
            self.tr(
                "Could not ask the payment service ({error}). Trying again in {seconds} s."
            ).format(error=error, seconds=round(self._timing.trouble_check_interval))
        )
        self._arm_check()

    def _expire(self) -> None:
        invoice = self.invoice_number
        self._runner.run(
            lambda: self._checkout.expire_if_due(invoice),
            self._expiry_answered,
            self._expire_refused,
        )

    def _expiry_answered(self, attempt: PaymentAttempt) -> None:
        """The last check's answer. Still open with its end ahead (the timer, on the monotonic
        clock, fired before the till's clock said due: it was set back), the timer goes again;
        open past its end (the provider did not answer), the trouble checks carry on."""
        self.update(attempt)
        ahead = attempt.expires_at is not None and attempt.expires_at > self._clock()
        if not self._done and attempt.state in OPEN_STATES and ahead:
            self._arm_expiry(attempt.expires_at)

    def _expire_refused(self, error: Exception) -> None:
        log.warning("could not expire %s: %s", self.invoice_number, error)

    def _retry(self) -> None:
        """ "Try again": a new attempt, with a new invoice number, for the same open sale."""
        if self._retrying or self._attempt is None:
            return
        self._retrying = True
        self.dialog.status_line.setText(self.tr("Creating a new payment…"))
        sale_id = self._attempt.sale_id
        self._runner.run(
            lambda: start_attempt(self._checkout, sale_id), self._retried, self._retry_refused
        )

    def _retried(self, started: tuple[PaymentAttempt, str]) -> None:
        """As the first attempt arrives (:meth:`attach`): the cashier may have closed the
        dialog while it was being created, and its QR, never shown, must not stay open."""
        self._retrying = False
        self.attach(*started)

    def _retry_refused(self, error: Exception) -> None:
        self._retrying = False
        if self._done:
            return
        self.dialog.status_line.setText(
            self.tr("Could not start a new payment: {error}").format(error=error)
        )

    def _cancel(self) -> None:
        """The cashier confirmed; an attempt still being created is cancelled on arrival."""
        if self._attempt is not None:
            self._cancel_attempt(self._attempt.invoice_number)

    def _other_tender(self) -> None:
        """Another tender takes the sale: an attempt still open (its answer lost, say) is given
        up first, so a payment that still comes is a late one, for the paid banner, and never
        completes the sale behind the cash the cashier is taking."""
        if self._attempt is not None and self._attempt.state in OPEN_STATES:
            self._cancel_attempt(self._attempt.invoice_number)
        self.other_tender_requested.emit()

    def _cancel_attempt(self, invoice: str) -> None:
        self._runner.run(
            lambda: self._checkout.cancel_payment(invoice),
            None,
            # Most likely paid while the cashier was deciding: the checkout's listener says so.
            lambda error: log.warning("could not cancel %s: %s", invoice, error),
        )

    def _close_paid(self) -> None:
        if self.dialog.isVisible():
            self.dialog.accept()

    def _stop_timers(self) -> None:
        self._check_timer.stop()
        self._expiry_timer.stop()

    def _finished(self, _result: int) -> None:
        self._done = True
        self._stop_timers()
        self.closed.emit(self._paid)
