"""QR payments the counter no longer shows, and the passes that keep asking about them.

At start the checkout settles what was paid while the terminal was away; the newest payment
still open comes back on screen with its basket once a cashier has signed in and has their
shift (a cashier may sign out from the shift's dialogs, which left its QR up), and the others
(or that one, if the counter is busy or its sale cannot be rebuilt as rung up) are listed in
the status bar and checked on a timer until they end. The terminal's follow-up pass asks again,
on its own timer, about payments that ended before their provider's last word. Passes run one
at a time each: with the provider out of reach they would otherwise pile up on the workers.
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from pos_app.domain.basket import Basket, stored_approval
from pos_app.domain.lifecycles import SaleStatus
from pos_app.gui.main_window import MainWindow
from pos_app.gui.qr_payment import PaymentTiming
from pos_app.gui.tasks import TaskRunner
from pos_app.payments.model import OPEN_STATES
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.sales import Sale
from pos_app.till.terminal import Terminal

log = logging.getLogger(__name__)

LISTED_INVOICES = 3
"""Open payments named in the status bar; more are counted."""


def _tr(text: str) -> str:
    """A text of this module (pylupdate reads a translating function only where it is defined)."""
    return QCoreApplication.translate("PaymentRecovery", text)


class PaymentRecovery(QObject):
    """The open payments found at start and the background passes, for the counter.

    ``at_till()`` says whether a cashier is at the counter with their shift settled (not
    still in the shift's dialogs), ``counter_busy()`` whether a payment or a basket is on
    screen; ``reopen(attempt, sale, basket)`` puts a recovered sale back on screen with its
    QR, and ``announce_late(attempt)`` puts a payment on the late line.
    """

    def __init__(
        self,
        terminal: Terminal,
        runner: TaskRunner,
        window: MainWindow,
        *,
        timing: PaymentTiming,
        at_till: Callable[[], bool],
        counter_busy: Callable[[], bool],
        reopen: Callable[[PaymentAttempt, Sale, Basket], None],
        announce_late: Callable[[PaymentAttempt], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._terminal = terminal
        self._runner = runner
        self._window = window
        self._at_till = at_till
        self._counter_busy = counter_busy
        self._reopen_on_screen = reopen
        self._announce_late = announce_late
        self._recovered: list[PaymentAttempt] | None = None
        """The open payments found at start, until a cashier is there to see them."""
        self._background: dict[str, PaymentAttempt] = {}
        self._passes: set[str] = set()
        """The background passes over payments still going (see :meth:`_one_at_a_time`)."""
        self._reconcile_timer = QTimer(self)
        self._reconcile_timer.setInterval(round(timing.status_check_wait * 1000))
        self._reconcile_timer.timeout.connect(self._reconcile)
        self._follow_up_timer = QTimer(self)
        self._follow_up_timer.setInterval(round(timing.follow_up_interval * 1000))
        self._follow_up_timer.timeout.connect(self._follow_up)

    def resume(self) -> None:
        """At start: settle what was paid while the terminal was away, then reopen what is open;
        from then on, ask again about payments that ended before their provider's last word."""
        checkout = self._terminal.checkout
        self._runner.run(checkout.resume, self._resumed, self._resume_failed)
        self._runner.run(checkout.paying_open_sales, self._announce_paying)
        self._follow_up()
        self._follow_up_timer.start()

    def close(self) -> None:
        """At shutdown: no more passes; what is still open is found again at the next start."""
        self._reconcile_timer.stop()
        self._follow_up_timer.stop()

    def reopen_recovered(self) -> None:
        """The newest open attempt comes back in its dialog with its basket; others are listed."""
        attempts, self._recovered = self._recovered or [], None
        if not attempts:
            return
        newest = attempts[-1]
        for attempt in attempts[:-1]:
            self._background[attempt.invoice_number] = attempt
        if self._counter_busy():
            self._background[newest.invoice_number] = newest
        else:
            sale_id, store = newest.sale_id, self._terminal.store
            self._runner.run(
                lambda: store.sales.get(sale_id),
                lambda sale: self._reopen(newest, sale),
            )
        self._list_background()
        self._reconcile()

    def attempt_moved(self, attempt: PaymentAttempt) -> None:
        """A listed payment stays listed while it is open, and leaves the list once it ends."""
        invoice = attempt.invoice_number
        if invoice not in self._background:
            return
        if attempt.state in OPEN_STATES:
            self._background[invoice] = attempt
        else:
            del self._background[invoice]
        self._list_background()

    def _resumed(self, attempts: list[PaymentAttempt]) -> None:
        self._recovered = attempts
        if self._at_till():
            self.reopen_recovered()

    def _announce_paying(self, attempts: list[PaymentAttempt]) -> None:
        """Payments that pay a sale still open, found at start: on the late-payment line, as
        the paid banner they were on is gone with the basket."""
        for attempt in attempts:
            self._announce_late(attempt)

    def _resume_failed(self, error: Exception) -> None:
        log.error("could not resume open payments: %s", error)
        self._window.show_message(
            _tr("Could not look for open payments: {error}").format(error=error)
        )

    def _reopen(self, attempt: PaymentAttempt, sale: Sale) -> None:
        """Put the open sale back on screen with its QR, if the basket rebuilt from it is the
        sale to the line: a different one (a merged line, another price) would be charged
        instead, so such a sale stays in the background, checked until it is paid or ends."""
        busy = self._counter_busy()
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
        self._reopen_on_screen(attempt, sale, basket)

    def _list_background(self) -> None:
        invoices = list(self._background)
        if not invoices:
            self._reconcile_timer.stop()
            self._window.show_open_payments("")
            return
        named = ", ".join(invoices[:LISTED_INVOICES])
        more = len(invoices) - LISTED_INVOICES
        text = _tr("Open QR payments, still checked: {invoices}").format(invoices=named)
        if more > 0:
            text += _tr(" and {count} more").format(count=more)
        self._window.show_open_payments(text)
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
