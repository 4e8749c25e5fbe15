"""Refunds to a customer's DOKU Wallet: a manager-approved ecommpay Gate payout, sent and settled.

The steps keep the money accounted for at every point a crash or a lost answer could strike:

1. :meth:`Refunds.create` records the refund ``pending`` and audits the approval, refusing more
   than the sale has left to refund; nothing has left the terminal yet.
2. The payout id is registered with the relay, so ecommpay's payout callback finds this terminal.
   If the relay cannot take it, the refund is settled ``failed`` and nothing is sent.
3. The :class:`PayoutGateway` asks ecommpay to pay. A refusal settles the refund ``failed``; no
   answer at all leaves it ``pending``: whether money moved is then known only from the callback
   or the status API (:meth:`Payouts.check`, which the till's follow-up pass runs on every
   pending refund: :meth:`Payouts.check_pending`), never guessed.

The callback comes back through the relay's long-poll: :meth:`Checkout.apply_relay_events` has
``payments/`` read every event whose invoice is a payout id into a :class:`PayoutReport` and hands
it to :func:`settle_from_report`, as :meth:`Payouts.check` does with the status API's answer.

ecommpay's word on money is the truth: a payout it reports paid after Kasir settled it ``failed``
(it did not know the payout yet, or an operation failed before another paid) or ``declined`` (a
decline ecommpay contradicts later) is recorded ``paid``, and the log says so at WARNING, with
any over-refund of the sale it leaves; the problem payments list it for the manager until
resolved (:mod:`pos_app.store.problem_payments`). The other way round is not taken on its word: a
payout it reports declined or failed after paying it, with no reversal said, stays paid (a stray
decline must not make the customer owed twice), and its report is kept and listed for the
manager, who checks ecommpay's dashboard for the money, or has Kasir ask its status API again
(:meth:`Payouts.check_listed`): an answer naming a reversal settles it as reversed; the
money seen back in the dashboard, the manager takes it as reversed
(:func:`~pos_app.till.problem_payments.take_as_reversed`).

A payout ecommpay split into parts sends one callback per part, and the last one names only its
own part: settled paid for that part, the payout is listed as paid another amount and asked
again by the till's follow-up until a status answer, which lists every part, has said what they
all paid (:func:`~pos_app.store.problem_payments.told_by_callback`). Until then its whole amount
stays taken (ecommpay may pay more of it); then what it did not pay is brought back as a
reversal's money is (:meth:`~pos_app.store.refunds.Refunds.record_answer`), and a later report of
more paid is kept and listed for the manager, not taken
(:meth:`~pos_app.store.refunds.Refunds.record_paid_more`).
"""

import logging
import uuid
from datetime import datetime, timedelta
from typing import NoReturn

from pos_app.clients.relay_client import RelayClient, RelayError
from pos_app.domain.clock import Clock, utc_now
from pos_app.domain.errors import KasirError, ValidationError
from pos_app.domain.lifecycles import UNPAID, ChangeSource, RefundStatus
from pos_app.domain.money import format_rupiah, reported_text
from pos_app.domain.texts import N_, Text
from pos_app.payments.errors import PaymentUnknown, ProviderRejected
from pos_app.payments.model import PayoutGateway, PayoutOrder, PayoutOutcome, PayoutReport
from pos_app.store.errors import InvalidTransition, NotFound
from pos_app.store.payment_records import paid_differs
from pos_app.store.problem_payments import ASKABLE_PAYOUTS, list_problems, no_longer_listed
from pos_app.store.refunds import Refund, Refunds
from pos_app.store.terminal_store import TerminalStore

log = logging.getLogger(__name__)

PAYOUT_PREFIX = "RFD"
FINAL_STATUS = {
    PayoutOutcome.PAID: RefundStatus.PAID,
    PayoutOutcome.DECLINED: RefundStatus.DECLINED,
    PayoutOutcome.FAILED: RefundStatus.FAILED,
}
"""What a provider's word on a payout means for its refund; ``pending`` settles nothing, and
neither does ``reversed``, which is kept beside the refund for the manager
(:meth:`~pos_app.store.refunds.Refunds.record_reversal`)."""


class RefundError(KasirError):
    """A refund did not complete as asked; ``refund`` is what the store now holds."""

    def __init__(self, template: str, refund: Refund, /, **params: object) -> None:
        super().__init__(template, **params)
        self.refund = refund


class RefundNotSent(RefundError):
    """Nothing was paid: the refund is settled ``failed`` and its amount is free again."""


class RefundUncertain(RefundError):
    """ecommpay's answer was lost: the refund stays ``pending`` until its callback or a check."""


class PayoutNotRegisteredYet(RefundUncertain):
    """ecommpay's status API does not know the payout yet, and it was sent too recently to
    conclude that it never will: the refund stays ``pending`` and its amount stays taken."""


UNREGISTERED_AFTER = timedelta(hours=1)
"""How long after a payout was sent ecommpay's "not found" still means "not registered yet".

ecommpay registers a payment only once it has accepted the request, and asks for status
requests "not earlier than 10 seconds after the initial request to process a payment was sent";
until it is registered, a status request by payment id is answered with an error that the payment
"has not been found" (developers.ecommpay.com, Gate, "Checking current payment information",
en_Gate_payment_status_request.html). It publishes no upper bound on that delay. A payout whose
answer was lost may also reach ecommpay only as late as the Gate client's timeouts allow (10 s
for each of connect, write and read). One hour is hundreds of times all of that: a payout ecommpay
still does not know an hour after it was sent is taken as never accepted, and failing it frees
its amount.
Failing one sooner risks a second payout of the same money while the first is still on its way;
waiting costs only a slower retry of a refund that never left. Should ecommpay report it paid
after all, :func:`settle_from_report` still records it (``failed`` may become ``paid``).
"""


def new_payout_id(terminal_id: str) -> str:
    """A payout id unique across terminals and restarts (``RFD-T1-…``, 64 characters at most)."""
    return f"{PAYOUT_PREFIX}-{terminal_id}-{uuid.uuid4().hex[:20]}"


def find_refund(refunds: Refunds, payout_id: str) -> Refund | None:
    try:
        return refunds.get(payout_id)
    except NotFound:
        return None


def settle_from_report(refunds: Refunds, report: PayoutReport, *, now: datetime) -> Refund:
    """Apply the provider's word on a payout; a non-final or contradicting word is kept in the log.

    A contradiction is not applied: the first final answer stands. ``declined`` or ``failed``
    after ``paid`` with no reversal said is kept and listed among the problem payments (see
    :func:`_contradicted`); ``failed`` after ``declined`` or the other way round moved no money
    and is only logged. The one exception is money that did go out:
    ``paid`` after ``failed`` (Kasir's conclusion from "not found", or a failed operation before
    one that paid) or after ``declined`` is recorded, since the amount freed by the first answer
    may have been paid back again meanwhile; it is logged at WARNING with what it means for the
    sale (see :func:`_paid_after_failing`) and listed among the problem payments. The report's
    payload is kept as the result.

    A reversal (ecommpay reverses a payout it reported paid when the customer's account cannot be
    credited; the money goes back to the shop) is kept beside the refund, settled ``paid`` if it
    was still pending (its success came late or never), and listed among the problem payments:
    the customer is still owed the money, which counts back in the files and may be refunded
    again. A failed or declined payout's reversal is kept too and changes nothing (no money went
    out).
    """
    if report.outcome is PayoutOutcome.REVERSED:
        reversed_ = refunds.record_reversal(
            report.payout_id,
            report=report.raw,
            now=now,
            reference=report.reference,
            left=report.left,
        )
        log.warning(
            "payout %s (refund %s, sale %d) reversed by the provider: the customer did not get "
            "%s; listed among the problem payments",
            report.payout_id,
            reversed_.status,
            reversed_.sale_id,
            format_rupiah(reversed_.amount),
        )
        return reversed_
    final = FINAL_STATUS.get(report.outcome)
    if final is None:
        return refunds.get(report.payout_id)
    if report.reason:
        log.info("payout %s %s: %s", report.payout_id, report.outcome, report.reason)
    before = refunds.get(report.payout_id)
    paid = final is RefundStatus.PAID
    if before.status is RefundStatus.PAID and not paid:
        return _contradicted(refunds, before, report, now=now)
    try:
        settled = refunds.settle(
            report.payout_id,
            final,
            now=now,
            result=dict(report.raw),
            reference=report.reference,
            paid_amount=report.amount if paid else None,
            paid_currency=report.currency if paid else None,
        )
    except InvalidTransition as error:
        log.error(
            "payout %s: %s; the provider now says %s", report.payout_id, error, report.outcome
        )
        return refunds.get(report.payout_id)
    if before.status in UNPAID and settled.status is RefundStatus.PAID:
        _paid_after_failing(refunds, before, settled)
    if (
        paid
        and report.amount is not None
        and refunds.record_paid_more(
            report.payout_id,
            paid_amount=report.amount,
            paid_currency=report.currency,
            report=report.raw,
            now=now,
        )
    ):
        log.warning(
            "payout %s (refund of sale %d): ecommpay now reports %s paid, after its status "
            "answer told %s and the rest was counted back; not taken (the customer may get the "
            "rest twice): listed among the problem payments",
            report.payout_id,
            settled.sale_id,
            reported_text(report.amount, report.currency),
            reported_text(settled.paid_amount or 0, settled.paid_currency),
        )
    newly_told = (before.paid_amount, before.paid_currency) != (
        settled.paid_amount,
        settled.paid_currency,
    )
    if newly_told and paid_differs(settled.amount, settled.paid_amount, settled.paid_currency):
        log.warning(
            "payout %s (refund of sale %d) asked %s; ecommpay reports %s paid: listed among the "
            "problem payments",
            report.payout_id,
            settled.sale_id,
            format_rupiah(settled.amount),
            reported_text(report.amount or 0, report.currency),
        )
    return settled


def settle_answer(refunds: Refunds, report: PayoutReport, *, now: datetime) -> Refund:
    """A status answer's word on the payout, settled as its callback's would be.

    A final word on a payout paid after it is kept (:meth:`Refunds.record_answer`), so the
    follow-up asks it no more, and what the payout did not pay of the sum the answer named is
    brought back then; one naming no sum paid (a reversal's, a success without one) brings back
    only what a reversal did, and a word still pending ("processing") nothing. One naming less
    paid than a callback said is not taken (:meth:`Refunds.settle` keeps the larger figure):
    money a signed report said went out does not vanish on a later word. ecommpay tells money
    coming back in words of their own (a reversal), so a lower figure is a part its answer does
    not list (yet, or by mistake), and taking it would have Kasir show the customer paid less
    than they got. The payout stays listed as paid another amount, the answer kept beside it
    for the manager, who compares both with ecommpay's dashboard; the answer is not asked for
    again, which could only bring the same.
    """
    settled = settle_from_report(refunds, report, now=now)
    if report.outcome is PayoutOutcome.PENDING or settled.status is not RefundStatus.PAID:
        return settled
    told_paid = report.outcome is PayoutOutcome.PAID and report.amount is not None
    refunds.record_answer(report.payout_id, report=report.raw, now=now, told_paid=told_paid)
    said = settled.paid_amount
    if (
        told_paid
        and report.amount is not None
        and said is not None
        and report.currency == settled.paid_currency
        and report.amount < said
    ):
        log.warning(
            "payout %s: ecommpay's status answer names %s paid, less than the %s its "
            "callback said; the callback's figure stands, listed among the problem payments",
            report.payout_id,
            reported_text(report.amount, report.currency),
            reported_text(said, settled.paid_currency),
        )
    return refunds.get(report.payout_id)


def _contradicted(refunds: Refunds, paid: Refund, report: PayoutReport, *, now: datetime) -> Refund:
    """Keep a decline or failure of a payout Kasir holds paid, with no reversal said, and say so
    at WARNING: not applied, as a stray decline must not make the customer owed twice, yet maybe
    a reversal whose own report was lost (ecommpay's payout statuses have no "reversed"), the
    money back in the shop's balance. The problem payments list it until a manager resolves it or
    a whole reversal explains it; a later success does not settle it, as ecommpay retries each
    callback for days and an old success may come after a newer decline."""
    if refunds.record_contradiction(
        paid.payout_id,
        outcome=report.outcome.value,
        reason=report.reason,
        report=report.raw,
        now=now,
    ):
        log.warning(
            "payout %s (refund %d of sale %d, %s): ecommpay now reports it %s (%s) after paying "
            "it, and no reversal; Kasir still counts it paid: listed among the problem payments",
            paid.payout_id,
            paid.id,
            paid.sale_id,
            format_rupiah(paid.amount),
            report.outcome,
            report.reason or "no reason given",
        )
    return refunds.get(paid.payout_id)


def _paid_after_failing(refunds: Refunds, before: Refund, paid: Refund) -> None:
    """Say at WARNING that a payout settled failed or declined was paid after all: the amount it had
    freed is taken again, and a refund approved meanwhile may have paid the same money twice
    (both count as paid; past the sale's total, its refundable amount is below zero too)."""
    left = refunds.refundable(paid.sale_id, paid.invoice_number)
    log.warning(
        "payout %s (refund %d of sale %d, %d rupiah): ecommpay reports it paid after Kasir "
        "had settled it %s (%s); recorded as paid",
        paid.payout_id,
        paid.id,
        paid.sale_id,
        paid.amount,
        before.status,
        before.result.get("kind") or before.result.get("error") or "no reason kept",
    )
    if left < 0:
        others = [
            refund.payout_id
            for refund in refunds.for_sale(paid.sale_id)
            if refund.id != paid.id and refund.status in (RefundStatus.PENDING, RefundStatus.PAID)
        ]
        log.warning(
            "sale %d is refunded %d rupiah more than it took: payout %s and %s; the manager "
            "settles the difference with the customer",
            paid.sale_id,
            -left,
            paid.payout_id,
            ", ".join(others) or "its returns",
        )


class Payouts:
    """Sends manager-approved refunds through a payout gateway (ecommpay Gate). Blocking: call
    it off the GUI thread."""

    def __init__(
        self,
        store: TerminalStore,
        gateway: PayoutGateway,
        *,
        relay: RelayClient | None,
        terminal_id: str,
        clock: Clock = utc_now,
        unregistered_after: timedelta = UNREGISTERED_AFTER,
    ) -> None:
        self.store = store
        self.gateway = gateway
        self.relay = relay
        self.terminal_id = terminal_id
        self.clock = clock
        self.unregistered_after = unregistered_after

    def __repr__(self) -> str:
        return f"Payouts({self.gateway!r})"

    def refunds(self) -> Refunds:
        """This thread's view of the refunds table."""
        return self.store.refunds

    def send(
        self,
        sale_id: int,
        amount: int,
        *,
        account_number: str,
        customer_name: str,
        approved_by: str,
        invoice_number: str | None = None,
        reason: str = "",
    ) -> Refund:
        """Record, register and send one payout; the returned refund is ``pending`` until the
        callback settles it. Raises :class:`RefundNotSent` or :class:`RefundUncertain`."""
        refunds = self.refunds()
        refund = refunds.create(
            sale_id,
            new_payout_id(self.terminal_id),
            amount,
            provider=self.gateway.name,
            account_number=account_number,
            customer_name=customer_name,
            approved_by=approved_by,
            now=self.clock(),
            invoice_number=invoice_number,
            reason=reason,
        )
        return self.dispatch(refund)

    def dispatch(self, refund: Refund) -> Refund:
        """Register and send a refund recorded ``pending`` (by :meth:`send`, or with a return);
        raises :class:`RefundNotSent` or :class:`RefundUncertain`."""
        refunds = self.refunds()
        payout_id, amount = refund.payout_id, refund.amount
        if self.relay is None:
            self._not_sent(refund, Text(N_("no relay is set up to bring ecommpay's answer")))
        try:
            self.relay.register_payment(payout_id, self.gateway.name, amount)
        except RelayError as error:
            self._not_sent(
                refund, Text(N_("the relay did not take the payout ({error})"), error=error)
            )
        try:
            request_id = self.gateway.send_payout(
                PayoutOrder(
                    payout_id=payout_id,
                    amount=amount,
                    account_number=refund.account_number,
                    customer_name=refund.customer_name,
                    customer_id=f"sale-{refund.sale_id}",
                )
            )
        except (ProviderRejected, ValidationError) as error:
            self._not_sent(refund, Text(N_("ecommpay refused the payout: {error}"), error=error))
        except Exception as error:
            log.warning("payout %s: answer lost (%s); waiting for its callback", payout_id, error)
            raise RefundUncertain(
                N_(
                    "ecommpay's answer to payout {payout} was lost ({error}); it stays pending "
                    "until ecommpay's callback arrives or a status check settles it"
                ),
                refunds.get(payout_id),
                payout=payout_id,
                error=error,
            ) from None
        log.info("payout %s of %d accepted by ecommpay (%s)", payout_id, amount, request_id)
        return refunds.get(payout_id)

    def check(self, payout_id: str) -> Refund:
        """Ask ecommpay's status API (the fallback to the callback) and settle what it says.

        "Not found" is not "never": a payout sent less than :attr:`unregistered_after` ago
        (:data:`UNREGISTERED_AFTER`) may still be on its way into ecommpay, so it stays
        ``pending``, its amount still taken, and :class:`PayoutNotRegisteredYet` says so. Only a
        payout ecommpay still does not know after that is settled ``failed``: it never received
        it, no money moved.
        """
        refund = self.refunds().get(payout_id)
        if refund.status is not RefundStatus.PENDING:
            return refund
        try:
            return self._ask(payout_id)
        except PaymentUnknown as error:
            return self._unknown(refund, error)

    def check_listed(self, payout_id: str) -> Refund:
        """Ask ecommpay's status API about a paid payout listed as contradicted or as paid
        another amount (:data:`~pos_app.store.problem_payments.ASKABLE_PAYOUTS`), at the
        manager's asking or the follow-up's (:meth:`Terminal.follow_up
        <pos_app.till.terminal.Terminal.follow_up>`), and settle what it says as a callback's
        word.

        Its answer for a reversed payout names the successful reversal, which settles the payout
        as reversed; one still declining it with no reversal said keeps it listed. For a payout
        ecommpay split into parts, it adds up every part paid, where a callback names only the
        last one processed. Only such a payout is asked: a paid payout's answer is final, and
        asking one nothing is wrong with could only bring the same word again, or a stray
        decline to list. A payout no longer listed so (resolved or reversed meanwhile) raises
        NotFound, unasked. ecommpay's "not found" (PaymentUnknown) is raised as it is and
        changes nothing: it paid the payout.
        """
        problems = list_problems(self.store.repositories().db)
        if not any(
            problem.kind in ASKABLE_PAYOUTS and problem.invoice_number == payout_id
            for problem in problems
        ):
            raise no_longer_listed(payout_id)
        return self._ask(payout_id)

    def _ask(self, payout_id: str) -> Refund:
        """The status API's word on the payout, taken by :func:`settle_answer`; raises
        PaymentUnknown when ecommpay does not know it."""
        report = self.gateway.check_payout(payout_id)
        return settle_answer(self.refunds(), report, now=self.clock())

    def check_pending(self) -> list[Refund]:
        """:meth:`check` every refund still pending; those it settled.

        A payout whose answer and callback never came (the request never reached ecommpay, the
        callback was lost past its retries, the till stopped between recording a return and
        sending its payout) would otherwise stay pending for good: a wallet return's goods back,
        the customer unpaid and nobody told. Asked again, it is settled as ecommpay says, or
        ``failed`` once ecommpay still does not know it :attr:`unregistered_after` after it was
        sent, and a wallet return's is then listed as not paid back."""
        settled = []
        for refund in self.refunds().pending():
            try:
                checked = self.check(refund.payout_id)
            except PayoutNotRegisteredYet:
                continue
            except Exception as error:  # one payout's trouble does not stop the others'
                log.info("payout %s still pending; no answer yet: %s", refund.payout_id, error)
                continue
            if checked.status is not RefundStatus.PENDING:
                settled.append(checked)
        return settled

    def _unknown(self, refund: Refund, error: PaymentUnknown) -> Refund:
        """ecommpay has no such payout: ``failed`` if it was sent long enough ago, else
        :class:`PayoutNotRegisteredYet` (the refund stays ``pending``)."""
        now = self.clock()
        age = now - refund.created_at
        bound = self.unregistered_after
        if age < bound:
            log.info(
                "payout %s: ecommpay does not know it yet, %s after it was sent; it stays pending",
                refund.payout_id,
                _duration(age),
            )
            raise PayoutNotRegisteredYet(
                N_(
                    "ecommpay does not know payout {payout} yet, {age} after it was sent: it "
                    "stays pending until its callback arrives or a check finds it (only a payout "
                    "still unknown {bound} after it was sent is taken as never paid)"
                ),
                refund,
                payout=refund.payout_id,
                age=_duration(age),
                bound=_duration(bound),
            )
        log.warning(
            "payout %s: ecommpay still does not know it %s after it was sent; settled failed",
            refund.payout_id,
            _duration(age),
        )
        return self.refunds().settle(
            refund.payout_id,
            RefundStatus.FAILED,
            now=now,
            result={
                "error": str(error),
                "kind": "not_found",
                "unknown_after_seconds": int(age.total_seconds()),
            },
        )

    def close(self) -> None:
        self.gateway.close()

    def _not_sent(self, refund: Refund, why: Text) -> NoReturn:
        settled = self.refunds().settle(
            refund.payout_id,
            RefundStatus.FAILED,
            now=self.clock(),
            result={"error": why.english()},
            source=ChangeSource.SYSTEM,  # the terminal's word: the payout never left
        )
        raise RefundNotSent(
            N_("refund {payout} was not sent: {why}"), settled, payout=refund.payout_id, why=why
        )


def _duration(delta: timedelta) -> str:
    """``delta`` in words for the log and a message: ``45 s``, ``12 min``, ``1 h 30 min``."""
    seconds = max(int(delta.total_seconds()), 0)
    if seconds < 120:
        return f"{seconds} s"
    hours, minutes = divmod(seconds // 60, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"
