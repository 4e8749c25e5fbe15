"""From a basket to a completed sale: cash, or a QR payment through whichever provider is set up.

Every method blocks and may be called from any thread (the store opens a connection per thread);
the GUI calls them from workers. The rules of docs/architecture.md (Money rules) live here:

- the attempt is stored before any request leaves the terminal;
- every change of state is stored with the event that caused it (relay, status check, cashier);
- a lost answer is resolved by asking again for the same invoice, never by a second order;
- a payment that lands on a cancelled, expired or declined attempt is a late payment: kept, flagged,
  and announced to listeners, never used to complete a sale by itself; so is a payment for another
  amount or currency than was asked;
- marking an attempt paid and completing its sale is one transaction, and a sale with a payment
  that pays it takes no other tender (the store refuses it in the completing transaction), so the
  counter cannot charge twice;
- a payout callback (a refund to the customer's wallet) settles its refund, never an attempt; it
  arrives as a provider-neutral :class:`PayoutReport` read by ``payments/``.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from pos_app.clients.relay_client import RelayClient, RelayError
from pos_app.domain.basket import LineItem, largest_discount_share
from pos_app.domain.clock import Clock, utc_now
from pos_app.domain.discounts import Approval, Discount
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import ChangeSource, SaleStatus
from pos_app.domain.money import format_rupiah
from pos_app.domain.pricing import payment_lines, price_sale
from pos_app.domain.tax import NO_TAX, TaxPolicy
from pos_app.domain.texts import N_
from pos_app.payments.errors import ProviderProtocolError, ProviderRejected, ProviderUnreachable
from pos_app.payments.model import (
    OPEN_STATES,
    AttemptState,
    PaymentOrder,
    PaymentProvider,
    PaymentRequest,
    PaymentStatus,
    RelayEvent,
    RelayPosition,
    StatusResult,
)
from pos_app.payments.registry import read_payout_report
from pos_app.store.database import transaction
from pos_app.store.errors import SaleCompletedAlready, SalePaidAlready, StoreError
from pos_app.store.payment_records import EventSource, PaymentAttempt
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.sales import Sale, Tender
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.problem_payments import attach
from pos_app.till.refund_payouts import find_refund, settle_from_report
from pos_app.till.relay_registrations import RelayRegistrations

log = logging.getLogger(__name__)

FOLLOW_UP_WINDOW = timedelta(hours=24)
"""How long a payment that ended before its provider's final word is asked about again: past
DOKU's last notification retry (12 hours after the first try, as its Retry Notification page
says; 18.5 if each wait were counted from the try before) and past the next opening of a shop
that closed right after it. A relay restored from a backup has its attempts and payouts of this
long registered again (``store/relay_errands.py``)."""

AttemptListener = Callable[[PaymentAttempt], None]
OrderListener = Callable[[PaymentRequest], None]


@dataclass(frozen=True, slots=True)
class CashOutcome:
    """What cash handed over for a basket came to (:meth:`Checkout.take_cash`)."""

    sale: Sale | None = None
    """The sale completed with the cash; None when no cash was taken."""
    kept: Sale | None = None
    """When no cash was taken: the basket's sale as stored, whose lines a payment of it pays
    for (not the basket tendered, which may hold items scanned after its QR was given up on)."""
    why: str = ""
    """When no cash was taken: why, in words."""
    paid_by: PaymentAttempt | None = None
    """The payment that pays the sale already, which refused the cash (for the paid banner)."""


@dataclass(frozen=True, slots=True)
class LateNews:
    """What became of the late payments the counter shows (:meth:`Checkout.late_news`)."""

    kept: frozenset[str]
    """Payments still the manager's to settle (late, or of another amount)."""
    refused: StoreError | None = None
    """Why the payment on the paid banner can complete no sale any more (refunded, or settled
    by a manager meanwhile); None if it still can."""


class Checkout:
    def __init__(
        self,
        store: TerminalStore,
        provider: PaymentProvider,
        *,
        terminal_id: str,
        relay: RelayClient | None = None,
        payment_expiry: timedelta = timedelta(minutes=15),
        clock: Clock = utc_now,
        tax: TaxPolicy = NO_TAX,
        approval_above_percent: int | None = None,
    ) -> None:
        self.store = store
        self.tax = tax
        self.approval_above_percent = approval_above_percent
        """Discounts taking more than this need a manager's PIN (None: none do)."""
        self.provider = provider
        self.terminal_id = terminal_id
        self.payment_expiry = payment_expiry
        self.clock = clock
        self._listeners: list[AttemptListener] = []
        self.registrations = RelayRegistrations(store, relay, clock)

    @property
    def relay(self) -> RelayClient | None:
        """The relay this till's payments are registered with (``None``: none set up)."""
        return self.registrations.relay

    @relay.setter
    def relay(self, relay: RelayClient | None) -> None:
        self.registrations.relay = relay

    def needs_approval(self, share: int) -> bool:
        """Whether a discount taking ``share`` (basis points) of what it is given on needs a
        manager's PIN."""
        limit = self.approval_above_percent
        return limit is not None and share > limit * 100

    def subscribe(self, listener: AttemptListener) -> Callable[[], None]:
        """Call ``listener`` (on the changing thread) whenever an attempt may have moved.

        Returns the function that unsubscribes it again.
        """
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # sales

    def open_sale(
        self,
        lines: Sequence[LineItem],
        *,
        cashier: str,
        reuse: int | None = None,
        discount: Discount | None = None,
        approval: Approval | None = None,
    ) -> int:
        """The sale for this basket: ``reuse`` if still open with the same lines and discounts,
        else a new one, priced with the shop's PPN (``discount`` is the basket's; ``approval``
        the manager's over discounts above the limit, which must cover the largest now).

        A basket changed after a cancelled QR attempt gets a new sale, as does one whose prices
        did (an early day close books it to a day of another PPN rate, unless a payment pays
        the old sale); the old one is cancelled so no open sale is left behind. A ``reuse`` its
        QR payment completed meanwhile (paid the moment the cashier gave the QR up) raises
        :class:`SaleCompletedAlready`: the basket is paid, and a new sale of it would charge
        the customer again.
        """
        share = largest_discount_share(lines, discount)
        if self.needs_approval(share) and (approval is None or not approval.covers(share)):
            raise ValidationError(
                N_(
                    "a discount now takes more than the {limit}% a cashier may give, and more "
                    "than a manager approved (its line was made smaller): give it again, with a "
                    "manager's PIN"
                ),
                limit=self.approval_above_percent,
            )
        if reuse is not None:
            sale = self.store.sales.get(reuse)
            if sale.status is SaleStatus.COMPLETED:
                raise self._completed_by_qr(sale)
            if sale.status is SaleStatus.OPEN:
                if (
                    tuple(sale.lines) == tuple(lines)
                    and sale.discount == discount
                    and (
                        sale.total == self._total_now(lines, discount)
                        or self.store.payments.paying_attempt(sale.id) is not None
                    )
                ):
                    return sale.id
                self.abandon_sale(sale.id, reason="basket changed")
        return self.store.sales.create_sale(
            lines,
            cashier=cashier,
            terminal_id=self.terminal_id,
            now=self.clock(),
            discount=discount,
            tax=self.tax,
            approved_by=None if approval is None else approval.manager,
        )

    def _total_now(self, lines: Sequence[LineItem], discount: Discount | None) -> int:
        """What a new sale of these lines would total: priced on the day sales go to now."""
        day = self.store.business_date(self.clock())
        return price_sale(lines, discount=discount, tax=self.tax, day=day).total

    def pay_cash(self, sale_id: int, received: int, *, cashier: str | None = None) -> Sale:
        """Cash for the sale, taken by ``cashier`` (None: who rang it up; a sale brought back
        after a restart may be another's); a QR attempt still open for it is cancelled first.

        Raises :class:`SalePaidAlready` when a payment pays the sale already (it arrived after
        its attempt was given up on): :meth:`complete_with_paid` takes that one instead; and
        :class:`SaleCompletedAlready` when the QR payment completed the sale first.
        """
        try:
            self._cancel_open_attempts(sale_id)
            return self.store.sales.complete_cash(sale_id, received, self.clock(), cashier=cashier)
        except StoreError:
            sale = self.store.sales.get(sale_id)
            if sale.status is SaleStatus.COMPLETED and sale.tender is Tender.QR:
                raise self._completed_by_qr(sale) from None
            raise

    @staticmethod
    def _completed_by_qr(sale: Sale) -> SaleCompletedAlready:
        if sale.tender is not Tender.QR:
            return SaleCompletedAlready(N_("sale {sale} is complete already"), sale=sale.id)
        return SaleCompletedAlready(
            N_(
                "the customer paid {amount} by QR a moment ago (payment {invoice}): "
                "sale {sale} is complete, and no cash is recorded for it"
            ),
            amount=format_rupiah(sale.total),
            invoice=sale.invoice_number,
            sale=sale.id,
        )

    def take_cash(
        self,
        lines: Sequence[LineItem],
        received: int,
        *,
        cashier: str,
        reuse: int | None = None,
        discount: Discount | None = None,
        approval: Approval | None = None,
        asked: int | None = None,
    ) -> CashOutcome:
        """The basket's sale (as :meth:`open_sale`) paid with ``received`` in cash, or why not:
        never raises, as the counter has moved on to the next customer and only puts the basket
        back. A payment that pays the sale already, or one that completed it first, refuses the
        cash; so does a sale priced otherwise than the total the cashier ``asked`` (the day's
        PPN rates changed meanwhile: the change handed over would be wrong), and any other
        error, which is logged."""
        sale_id = reuse
        try:
            sale_id = self.open_sale(
                lines, cashier=cashier, reuse=reuse, discount=discount, approval=approval
            )
            total = self.store.sales.get(sale_id).total
            if asked is not None and total != asked:
                raise ValidationError(
                    N_(
                        "the total is now {total}, not the {asked} asked (the PPN rate of the "
                        "day changed): take the payment again"
                    ),
                    total=format_rupiah(total),
                    asked=format_rupiah(asked),
                )
            return CashOutcome(sale=self.pay_cash(sale_id, received, cashier=cashier))
        except SalePaidAlready as paid:
            log.info("cash for sale %d refused: %s", sale_id, paid)
            attempt = self.store.payments.get_attempt(paid.invoice_number)
            return CashOutcome(kept=self._stored(sale_id), why=str(paid), paid_by=attempt)
        except SaleCompletedAlready as completed:
            log.info("cash for sale %d refused: %s", sale_id, completed)
            return CashOutcome(kept=self._stored(sale_id), why=str(completed))
        except Exception as error:
            log.error("cash sale %s not recorded: %s", sale_id, error)
            return CashOutcome(kept=self._stored(sale_id), why=str(error))

    def late_news(self, on_banner: str | None) -> LateNews:
        """Which late payments are still the manager's, and whether the one on the paid banner
        (``on_banner``) may still complete its sale: a manager may have refunded or resolved
        them in the back office meanwhile."""
        problems = list_problems(self.store.repositories().db)
        kept = frozenset(
            p.invoice_number for p in problems if p.kind in (ProblemKind.LATE, ProblemKind.DIFFERS)
        )
        try:
            if on_banner is not None:
                self.store.payments.late_payment(on_banner)
        except StoreError as error:
            return LateNews(kept, error)
        return LateNews(kept)

    def _stored(self, sale_id: int | None) -> Sale | None:
        return None if sale_id is None else self.store.sales.get(sale_id)

    def complete_with_paid(self, sale_id: int, invoice_number: str, *, cashier: str) -> Sale:
        """Complete the sale on screen with a payment of its own that came late (after its QR
        attempt was cancelled, expired or declined): the cashier's one key when the customer
        paid anyway. Written and audited as :func:`pos_app.till.problem_payments.attach` does.

        A QR still open for the sale is cancelled in the same transaction: refused (a payment
        of another sale, one not paid, or one a sale has taken already), nothing changes."""
        db = self.store.repositories().db
        with transaction(db):
            given_up = self._give_up_open_attempts(sale_id, but=invoice_number)
            sale = attach(
                db,
                invoice_number,
                sale_id,
                manager=cashier,
                day=self.store.day,
                now=self.clock(),
                source=ChangeSource.CASHIER,
            )
        self._given_up(given_up)
        self._announce(self.store.payments.get_attempt(invoice_number))
        return sale

    def abandon_sale(self, sale_id: int, reason: str = "") -> Sale:
        """Cancel the sale and its open attempts; a payment arriving later is a late payment."""
        open_before = {
            attempt.invoice_number
            for attempt in self.store.payments.attempts_for_sale(sale_id)
            if attempt.state in OPEN_STATES
        }
        sale = self.store.sales.cancel(sale_id, now=self.clock(), reason=reason)
        for attempt in self.store.payments.attempts_for_sale(sale_id):
            self._announce(attempt)
            if attempt.invoice_number in open_before:
                self.registrations.end_page(attempt)
        return sale

    # QR payments

    def start_qr_payment(
        self, sale_id: int, *, on_order: OrderListener | None = None
    ) -> PaymentAttempt:
        """Store a new attempt, register it with the relay, and create the provider's order.

        The invoice number is drawn with the attempt: a refused attempt takes none. ``on_order``
        as in :meth:`send_order`.

        Raises the provider's error after recording it: ``failed`` when the provider refused,
        ``unknown`` when its answer was lost (then :meth:`check_status` resolves it).
        """
        return self.send_order(self.new_attempt(sale_id), on_order=on_order)

    def store_qr_attempt(
        self,
        lines: Sequence[LineItem],
        *,
        cashier: str,
        reuse: int | None = None,
        discount: Discount | None = None,
        approval: Approval | None = None,
    ) -> PaymentAttempt:
        """The sale for this basket (as :meth:`open_sale`) and its new attempt, in one commit:
        F12 waits for one write to reach the disk before the order leaves, not two. Nothing is
        stored when the attempt is refused; :meth:`send_order` sends its order."""
        with transaction(self.store.repositories().db):
            sale_id = self.open_sale(
                lines, cashier=cashier, reuse=reuse, discount=discount, approval=approval
            )
            return self.new_attempt(sale_id)

    def new_attempt(self, sale_id: int) -> PaymentAttempt:
        """The sale's next attempt, stored (``created``) with its invoice number; an attempt
        still open for the sale is cancelled first."""
        self._cancel_open_attempts(sale_id)
        sale = self.store.sales.get(sale_id)
        return self.store.payments.create_numbered_attempt(
            sale_id, self.provider.name, sale.total, terminal_id=self.terminal_id, now=self.clock()
        )

    def send_order(
        self, attempt: PaymentAttempt, *, on_order: OrderListener | None = None
    ) -> PaymentAttempt:
        """Register the stored attempt with the relay and create its order at the provider.

        ``on_order(request)`` hears the provider's answer before it is stored, so the QR can be
        on its way to the screen during that commit: the attempt, and so its invoice, is on
        disk already, and a crash before the URL is leaves an open attempt without one, whose
        status check sends the same order (same invoice) again. Raises as
        :meth:`start_qr_payment` says.
        """
        sale = self.store.sales.get(attempt.sale_id)
        return self._create(attempt, sale, first=True, on_order=on_order)

    def check_status(self, invoice_number: str) -> PaymentAttempt:
        """Ask the provider (the fallback to the relay, and the cashier's "Check status").

        Only the attempt's own provider: one made before the till changed provider would
        otherwise get its order sent again through the new one, a QR the attempt does not
        record (nor the relay, nor the follow-up pass, which ask by the attempt's provider)."""
        attempt = self.store.payments.get_attempt(invoice_number)
        if attempt.provider is not self.provider.name:
            raise StoreError(
                N_(
                    "payment {invoice} was made through {provider}, and this till now uses "
                    "{current}: it cannot be asked here; give it up and show a new QR"
                ),
                invoice=invoice_number,
                provider=attempt.provider,
                current=self.provider.name,
            )
        if attempt.payment_url is None and attempt.state in OPEN_STATES:
            sale = self.store.sales.get(attempt.sale_id)
            try:
                return self._create(attempt, sale, first=False)
            except ProviderRejected as error:
                log.info("re-sending %s was refused (%s); asking its status", invoice_number, error)
        return self._record_status(invoice_number, self.provider.check_status(invoice_number))

    def _record_status(self, invoice_number: str, result: StatusResult) -> PaymentAttempt:
        """Keep a status answer; a payment it reports completes the sale it pays, if on time."""
        repos = self.store.repositories()
        with transaction(repos.db):
            now = self.clock()  # once, and inside the lock: see _complete_if_paid
            repos.payments.record_status(
                invoice_number,
                result.status,
                source=EventSource.STATUS,
                payload=dict(result.raw),
                reference=result.reference,
                now=now,
                amount=result.amount,
                currency=result.currency,
                balance=result.balance,
            )
            self._complete_if_paid(invoice_number, now)
        return self._announce_now(invoice_number)

    def check_or_expire(self, invoice_number: str) -> PaymentAttempt:
        """Ask the provider; once the countdown is over, the last check (``expired`` if unpaid).
        Timers drift (a suspended laptop, a busy machine), so every check looks at the clock."""
        attempt = self.store.payments.get_attempt(invoice_number)
        if attempt.expires_at is not None and self.clock() >= attempt.expires_at:
            return self.expire_if_due(invoice_number)
        return self.check_status(invoice_number)

    def expire_if_due(self, invoice_number: str) -> PaymentAttempt:
        """At the end of the countdown: a last status check, then ``expired`` if still unpaid.

        A last check the provider does not answer leaves the payment open, ``unknown``: the
        customer may have paid a moment before the end, and "expired" would send the cashier
        to take cash. The next check that is answered ends it (:meth:`check_or_expire`). A check
        refused outright (the provider rejects it, or this till no longer uses the payment's
        provider) brings no answer to wait for: the payment expires."""
        attempt = self.store.payments.get_attempt(invoice_number)
        if attempt.state not in OPEN_STATES or attempt.expires_at is None:
            return attempt
        if self.clock() < attempt.expires_at:
            return attempt
        try:
            attempt = self.check_status(invoice_number)
        except (ProviderUnreachable, ProviderProtocolError) as error:
            log.warning("last status check of %s failed: %s; it stays open", invoice_number, error)
            attempt = self.store.payments.get_attempt(invoice_number)
            if attempt.state in OPEN_STATES and attempt.state is not AttemptState.UNKNOWN:
                attempt = self.store.payments.transition(
                    invoice_number,
                    AttemptState.UNKNOWN,
                    source=EventSource.SYSTEM,
                    now=self.clock(),
                )
                self._announce(attempt)
            return attempt
        except Exception as error:  # a refusal, not silence: no answer is coming to wait for
            log.warning("last status check of %s refused: %s", invoice_number, error)
            attempt = self.store.payments.get_attempt(invoice_number)
        if attempt.state in OPEN_STATES:
            attempt = self.store.payments.transition(
                invoice_number, AttemptState.EXPIRED, source=EventSource.SYSTEM, now=self.clock()
            )
            self._announce(attempt)
            self.registrations.end_page(attempt)
        return attempt

    def follow_up_ended(self) -> list[PaymentAttempt]:
        """Ask again about each payment that ended here in the last :data:`FOLLOW_UP_WINDOW`
        before its provider said paid or not: the ones now found paid, kept as late payments.

        The countdown ends on the till's clock, when DOKU may still answer TIMEOUT or PENDING,
        and the cashier may give up on a QR or the last check fail. The provider's
        notification normally brings a payment made after that; should it be lost (the relay
        down past the provider's retries), only asking finds the customer's money. A pending
        answer is no news and is not kept (it would fill the payment's history every pass), nor
        is a decline that is not its provider's last word (DOKU's ``FAILED``); payments made
        through a provider this till no longer uses are left to the relay.
        """
        found = []
        since = self.clock() - FOLLOW_UP_WINDOW
        for ended in self.store.payments.ended_before_final_word(self.provider.name, since):
            try:
                result = self.provider.check_status(ended.invoice_number)
            except Exception as error:
                log.info(
                    "%s ended before its final word; none yet: %s", ended.invoice_number, error
                )
                continue
            if result.status is PaymentStatus.PENDING or (
                result.status is PaymentStatus.DECLINED and not self.provider.name.declines_finally
            ):
                continue
            attempt = self._record_status(ended.invoice_number, result)
            if attempt.state is AttemptState.PAID:
                log.warning(
                    "%s, ended here as %s, was paid after all", attempt.invoice_number, ended.state
                )
                found.append(attempt)
        return found

    def cancel_payment(self, invoice_number: str) -> PaymentAttempt:
        """The cashier gives up waiting; the sale stays open for another tender."""
        attempt = self._cancelled(invoice_number)
        self._given_up([attempt])
        return attempt

    def _cancelled(self, invoice_number: str) -> PaymentAttempt:
        """The attempt given up at the counter (its event's source ``cashier``), untold yet."""
        return self.store.payments.transition(
            invoice_number, AttemptState.CANCELLED, source=EventSource.CASHIER, now=self.clock()
        )

    def settle(self, invoice_number: str) -> PaymentAttempt:
        """Complete the sale of a paid, on-time attempt; announce the attempt either way."""
        with transaction(self.store.repositories().db):
            self._complete_if_paid(invoice_number, self.clock())
        return self._announce_now(invoice_number)

    def resume(self) -> list[PaymentAttempt]:
        """After a restart: settle what was paid while we were away; return what is still open.

        An open attempt of a sale another payment pays already (the paid banner's, before F11)
        is given up: put back on screen, its QR would be paid a second time. Each open attempt
        is registered again (a repeat answers the same): a crash between the order and its
        registration would otherwise leave the payment an orphan at the relay, reaching the
        till only through status checks. Gate attempts are registered before their order, so
        theirs cannot have been lost.
        """
        payments = self.store.payments
        for attempt in payments.attempts_paid_with_open_sale():
            self.settle(attempt.invoice_number)
        still_open = []
        for attempt in payments.open_attempts():
            if payments.paying_attempt(attempt.sale_id) is not None:
                log.warning("%s: its sale is paid already; given up", attempt.invoice_number)
                self.cancel_payment(attempt.invoice_number)
                continue
            still_open.append(attempt)
            if not attempt.provider.shows_relay_page:
                self.registrations.register_beside(attempt)
        return still_open

    def paying_open_sales(self) -> list[PaymentAttempt]:
        """Payments kept for the manager that pay a sale still open (the paid banner's before
        a restart, say): the counter names them, or the cashier would take the money again."""
        payments = self.store.payments
        return [
            attempt
            for attempt in payments.late_payments()
            if attempt.sale_id is not None
            and self.store.sales.get(attempt.sale_id).status is SaleStatus.OPEN
            and payments.paying_attempt(attempt.sale_id) == attempt
        ]

    # the relay's event sink

    def relay_position(self) -> RelayPosition:
        return self.store.payments.relay_position()

    def apply_relay_events(
        self, events: Sequence[RelayEvent], position: RelayPosition
    ) -> list[RelayEvent]:
        """Payment events go to their attempts, payout callbacks settle their refunds; all of
        it and the position in one transaction, so a batch is applied whole or not at all.

        An event handed over again (the relay's epoch changed) changes nothing: the payments
        skip what they hold, and a refund takes the same answer only once. A signed report the
        relay could not read is applied to nothing, and kept for the manager's list. A relay
        database restored from a backup, or made anew, may lack what this till registered since:
        the day's attempts and payouts, and those still open, are registered again on the next
        follow-up pass.
        """
        repos = self.store.repositories()
        applied: list[RelayEvent] = []
        with transaction(repos.db):
            now = self.clock()  # once, and inside the lock: see _complete_if_paid
            if not repos.payments.relay_position().continued_by(position):
                repos.relay_errands.register_again(now - FOLLOW_UP_WINDOW, now)
            for event in repos.payments.unseen_relay_events(events, position):
                if event.unreadable is not None:
                    repos.payments.record_unapplied(event, error=event.unreadable, now=now)
                    continue
                try:
                    with transaction(repos.db):
                        applied += self._apply_relay_event(event, now)
                except Exception as error:
                    log.exception(
                        "relay event %s for %s could not be applied; kept for the manager",
                        event.cursor,
                        event.invoice_number,
                    )
                    repos.payments.record_unapplied(event, error=str(error), now=now)
            repos.payments.save_relay_position(position)
        for invoice in dict.fromkeys(event.invoice_number for event in applied):
            if repos.payments.find_attempt(invoice) is not None:
                self._announce_now(invoice)
        return applied

    # inside

    def _apply_relay_event(self, event: RelayEvent, now: datetime) -> list[RelayEvent]:
        """One event of a batch, inside its savepoint: a payout callback settles its refund; a
        payment event goes to its attempt, and completes the sale if it paid it."""
        repos = self.store.repositories()
        refund = find_refund(repos.refunds, event.invoice_number)
        if refund is not None:
            report = read_payout_report(event)
            return [event] if settle_from_report(repos.refunds, report, now=now) != refund else []
        if not repos.payments.record_relay_event(event, now=now):
            return []
        self._complete_if_paid(event.invoice_number, now)
        return [event]

    def _complete_if_paid(self, invoice_number: str, now: datetime) -> None:
        """Inside the caller's transaction: a paid, on-time attempt completes its open sale.

        ``now`` is the moment the payment was recorded paid, read once inside the transaction:
        the payment and its sale then fall on one business day (read again, a batch applied at
        the cut-off put the payment on one day and its sale on the next, and a day close could
        come between the read and the writes)."""
        attempt = self.store.payments.find_attempt(invoice_number)
        if attempt is None or attempt.state is not AttemptState.PAID or attempt.late:
            return
        if self.store.sales.get(attempt.sale_id).status is SaleStatus.OPEN:
            self.store.sales.complete_with_payment(attempt.sale_id, invoice_number, now)

    def _announce_now(self, invoice_number: str) -> PaymentAttempt:
        attempt = self.store.payments.get_attempt(invoice_number)
        self._announce(attempt)
        return attempt

    def _cancel_open_attempts(self, sale_id: int) -> None:
        """One open attempt per sale: a payment on an older one then counts as late."""
        self._given_up(self._give_up_open_attempts(sale_id))

    def _give_up_open_attempts(self, sale_id: int, *, but: str = "") -> list[PaymentAttempt]:
        """Cancel the sale's open attempts, all but ``but``, and return them for :meth:`_given_up`
        once the caller's transaction commits: a cancel rolled back must not be announced.
        ``but`` is the payment to complete the sale with: still open, it is refused as not
        paid, not cancelled."""
        return [
            self._cancelled(attempt.invoice_number)
            for attempt in self.store.payments.attempts_for_sale(sale_id)
            if attempt.state in OPEN_STATES and attempt.invoice_number != but
        ]

    def _given_up(self, attempts: Sequence[PaymentAttempt]) -> None:
        """Tell listeners of cancelled attempts, and end their Gate pages."""
        for attempt in attempts:
            self._announce(attempt)
            self.registrations.end_page(attempt)

    def _create(
        self,
        attempt: PaymentAttempt,
        sale: Sale,
        *,
        first: bool,
        on_order: OrderListener | None = None,
    ) -> PaymentAttempt:
        """Register with the relay and send the order; both round trips at once, unless the
        order needs the relay's answer (a Gate payment's redirect page).

        The QR does not wait for the registration either: an event that reaches the relay
        before it is kept there and handed over once the invoice is registered.
        """
        if attempt.provider.shows_relay_page:
            redirect_url = self._register_page(attempt)
        else:
            redirect_url = None
            self.registrations.register_beside(attempt)
        order = PaymentOrder(
            invoice_number=attempt.invoice_number,
            amount=attempt.amount,
            lines=payment_lines(sale.priced),
            redirect_url=redirect_url,
        )
        try:
            request = self.provider.create_payment(order)
        except ProviderRejected as error:
            if first:
                self._record_failure(attempt, AttemptState.FAILED, error)
            raise
        except Exception as error:
            self._record_failure(attempt, AttemptState.UNKNOWN, error)
            raise
        expires_at = request.expires_at or self.clock() + self.payment_expiry
        # as stored (to the millisecond), so what ``on_order`` shows is what the store returns
        request = replace(
            request,
            expires_at=expires_at.replace(microsecond=expires_at.microsecond // 1000 * 1000),
        )
        if on_order is not None:
            on_order(request)
        recorded = self.store.payments.record_request(request, now=self.clock())
        self._announce(recorded)
        return recorded

    def _register_page(self, attempt: PaymentAttempt) -> str | None:
        """Register a Gate payment, whose order carries the relay's redirect page: without the
        relay, no order; the relay's refusal is the attempt's failure."""
        if self.relay is None:
            raise RelayError(N_("ecommpay Gate payments need the relay, and none is set up"))
        try:
            return self.registrations.register(
                attempt, attempt.expires_at or self.clock() + self.payment_expiry
            )
        except RelayError as error:
            self._record_failure(attempt, AttemptState.UNKNOWN, error)
            raise

    def _record_failure(
        self, attempt: PaymentAttempt, state: AttemptState, error: Exception
    ) -> None:
        current = self.store.payments.get_attempt(attempt.invoice_number)
        if current.state is not state:
            current = self.store.payments.transition(
                attempt.invoice_number,
                state,
                source=EventSource.SYSTEM,
                payload={"error": str(error), "kind": type(error).__name__},
                now=self.clock(),
            )
        self._announce(current)

    def _announce(self, attempt: PaymentAttempt) -> None:
        for listener in self._listeners:
            try:
                listener(attempt)
            except Exception:
                log.exception("attempt listener failed")
