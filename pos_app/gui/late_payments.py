"""Payments no sale on screen can take, kept for the manager: the window's late-payment line.

A payment kept for the manager leaves the line once it is no longer a problem (refunded,
attached or resolved in the back office); the store is asked again when its attempt moves and
when the terminal's window comes back to the front. The same question covers the payment on the
paid banner: one that can complete no sale any more is handed back to the counter.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from pos_app.gui.formatting import unbroken
from pos_app.gui.main_window import MainWindow
from pos_app.gui.tasks import TaskRunner
from pos_app.store.payment_records import PaymentAttempt
from pos_app.till.checkout import Checkout, LateNews


def _tr(text: str) -> str:
    """A text of this module (pylupdate reads a translating function only where it is defined)."""
    return QCoreApplication.translate("LatePayments", text)


class LatePayments:
    """The late-payment line of ``window``.

    ``on_banner()`` is the payment on the paid banner (None: no banner), and
    ``taken_away(payment, why)`` is told when the store says it pays no sale any more.
    """

    def __init__(
        self,
        checkout: Checkout,
        runner: TaskRunner,
        window: MainWindow,
        *,
        on_banner: Callable[[], PaymentAttempt | None],
        taken_away: Callable[[PaymentAttempt, Exception], None],
    ) -> None:
        self._checkout = checkout
        self._runner = runner
        self._window = window
        self._on_banner = on_banner
        self._taken_away = taken_away
        self._late: dict[str, PaymentAttempt] = {}
        self._closed = False

    def close(self) -> None:
        """At shutdown: nothing more is asked of the store, whose runner is closing."""
        self._closed = True

    def announce(self, attempt: PaymentAttempt) -> None:
        """Money no sale on screen can take (its basket is gone): kept for the manager."""
        if attempt.invoice_number in self._late:
            self.recheck()
            return
        self._late[attempt.invoice_number] = attempt
        self._show()

    def recheck(self) -> None:
        """Ask the store which payments in the banners are still the manager's to settle, and
        whether the one on the paid banner may still complete its sale: a manager may have
        refunded or resolved it in the back office meanwhile."""
        paid = self._on_banner()
        if (not self._late and paid is None) or self._closed:
            return
        on_banner = None if paid is None else paid.invoice_number

        def known(news: LateNews) -> None:
            settled = [invoice for invoice in self._late if invoice not in news.kept]
            for invoice in settled:
                del self._late[invoice]
            if settled:
                self._show()
            if news.refused is not None and paid is not None and self._on_banner() is paid:
                self._taken_away(paid, news.refused)

        self._runner.run(lambda: self._checkout.late_news(on_banner), known)

    def _show(self) -> None:
        if not self._late:
            self._window.clear_late_payments()
            return
        attempt = list(self._late.values())[-1]
        amount = unbroken(attempt.paid_text)
        if len(self._late) == 1:
            text = _tr("Payment {invoice} of {amount} is kept for the manager: no sale took it")
        else:
            text = _tr("{count} payments kept for the manager, the last {invoice} of {amount}")
        self._window.announce_late_payment(
            text.format(invoice=attempt.invoice_number, amount=amount, count=len(self._late))
        )
