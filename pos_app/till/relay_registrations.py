"""What the till tells the relay about its payments: each invoice it registers (so the relay
routes that invoice's events here, and serves a Gate payment's redirect page), each Gate page it
ends, and what it owes the relay while the relay is out of reach (``store/relay_errands.py``),
sent again on the follow-up pass.

Registrations run beside the provider's order (neither needs the other's answer), on a small
pool of their own, except a Gate payment's, whose order carries the relay's page.
"""

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime

from pos_app.clients.relay_client import RelayClient, RelayError, RelayRejected
from pos_app.domain.clock import Clock
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.refunds import Refund
from pos_app.store.relay_errands import RelayErrand
from pos_app.store.terminal_store import TerminalStore

log = logging.getLogger(__name__)

REFUSED_FOR_NOW = (408, 429)
"""A relay's refusals of a registration that pass with time (a slow request, too many)."""


class RelayRegistrations:
    def __init__(self, store: TerminalStore, relay: RelayClient | None, clock: Clock) -> None:
        self.store = store
        self.relay = relay
        self.clock = clock
        self._pool = ThreadPoolExecutor(2, thread_name_prefix="relay-registration")

    def register(self, attempt: PaymentAttempt, page_until: datetime | None = None) -> str | None:
        """Tell the relay to route this invoice's events here; the redirect page's URL when
        ``page_until`` asks for one (a Gate payment), which then needs the relay (RelayError).
        Any other registration the relay does not take is owed, and status checks do the
        relay's work until it does."""
        if self.relay is None:
            return None
        try:
            page = self.relay.register_payment(
                attempt.invoice_number, attempt.provider, attempt.amount, page_until
            )
        except RelayError as error:
            if page_until is not None:
                raise
            log.warning(
                "relay did not take %s (%s); status checks will do until it does",
                attempt.invoice_number,
                error,
            )
            self.store.relay_errands.owe(RelayErrand.REGISTER, attempt.invoice_number, self.clock())
            return None
        self.store.relay_errands.done(RelayErrand.REGISTER, attempt.invoice_number)
        return page if page_until is not None else None

    def register_beside(self, attempt: PaymentAttempt) -> None:
        """:meth:`register` in the background; the caller goes on without the relay's answer."""
        invoice = attempt.invoice_number
        registering = self._pool.submit(self.register, attempt)
        registering.add_done_callback(lambda done: _registered(done, invoice))

    def end_page(self, attempt: PaymentAttempt) -> None:
        """A Gate payment the till gave up (cancelled, expired): its page at the relay ends, in
        the background, so a phone left on it does not pay what the cashier took another way.
        Should the relay not hear it, a follow-up pass ends it (:meth:`end_pages_due`)."""
        relay, invoice = self.relay, attempt.invoice_number
        if relay is None or not attempt.provider.shows_relay_page:
            return

        def end() -> None:
            try:
                relay.end_page(invoice)
            except RelayError as error:
                log.warning("the relay did not end the page of %s: %s", invoice, error)
                self.store.relay_errands.owe(RelayErrand.END_PAGE, invoice, self.clock())

        self._pool.submit(end)

    def register_due(self) -> int:
        """Register again each attempt and payout the relay did not take (it was out of reach)
        or lost (restored from a backup), open or ended; how many it took now. Their
        notifications then reach this till instead of waiting at the relay as orphans (a
        payout's reversal comes days on), and the relay knows the invoice number: a copy of this
        database restored from an older backup draws numbers after it
        (:func:`pos_app.till.uploads.reconcile`), not one a provider has seen paid."""
        payments, refunds = self.store.payments, self.store.refunds
        attempts = self._run_owed(
            RelayErrand.REGISTER,
            lambda relay, invoice: _register_again(relay, invoice, payments.get_attempt(invoice)),
        )
        return attempts + self._run_owed(
            RelayErrand.REGISTER_PAYOUT,
            lambda relay, payout_id: _register_again(relay, payout_id, refunds.get(payout_id)),
        )

    def end_pages_due(self) -> int:
        """End each Gate page the relay did not hear ended; how many it heard now. Until then
        a phone left on the page is still sent to the wallet, to pay what the cashier took
        another way."""
        return self._run_owed(RelayErrand.END_PAGE, lambda relay, invoice: relay.end_page(invoice))

    def _run_owed(self, errand: RelayErrand, run: Callable[[RelayClient, str], object]) -> int:
        """Run what the till owes the relay, oldest first, by invoice number or payout id; how
        many went through. A relay still out of reach ends the pass; one that refuses an errand
        for good (not this till's any more) is not asked again."""
        if self.relay is None:
            return 0
        taken = 0
        errands = self.store.relay_errands
        for number in errands.owed(errand):
            try:
                run(self.relay, number)
            except RelayRejected as error:
                if error.status_code in REFUSED_FOR_NOW:
                    return taken
                log.error("relay refused %s of %s for good: %s", errand.name, number, error)
            except RelayError as error:
                log.info("relay still does not take %s: %s", errand.name, error)
                return taken
            else:
                taken += 1
            errands.done(errand, number)
        return taken


def _registered(registering: Future[str | None], invoice_number: str) -> None:
    """A registration sent beside the order has ended; one that failed leaves status checks to
    do the relay's work, as :meth:`RelayRegistrations.register` says for every provider but
    Gate."""
    error = registering.exception()
    if error is not None:
        log.warning("relay did not take %s (%s); status checks will do", invoice_number, error)


def _register_again(relay: RelayClient, number: str, owner: PaymentAttempt | Refund) -> None:
    """Register an attempt or a payout with the relay as it was registered first."""
    relay.register_payment(number, owner.provider, owner.amount)
