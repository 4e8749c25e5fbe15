"""What a provider's paid report means for the money of the attempt it names: more of a
payment paid in part, a balance lower by a refund at the provider, a DOKU report that
contradicts the payment already taken, a DOKU REFUNDED after a manager read how much went back.
Pure rules; :meth:`Payments.record_status` applies them in its transaction."""

from collections.abc import Iterable
from datetime import datetime
from enum import Enum

from pos_app.domain.money import CURRENCY
from pos_app.payments.model import AttemptState, ProviderName
from pos_app.store.payment_records import EventSource, PaymentAttempt


def paid_more(
    attempt: PaymentAttempt, state: AttemptState, paid: tuple[int | None, str | None]
) -> int | None:
    """What a paid attempt received now, when a paid report that is no balance names more than
    it received of a payment paid less than asked (ecommpay's "partially paid", then the rest);
    ``None`` otherwise. Once the provider refunded some, a higher figure is no news here: only
    a newer report about the refunds says some came back (:func:`partially_refunded`). DOKU pays
    no order in parts: its report of another amount never gets here (:func:`contradicts_doku`)."""
    amount, currency = paid
    if state is not AttemptState.PAID or attempt.state is not AttemptState.PAID:
        return None
    if amount is None or (currency or CURRENCY) != CURRENCY or attempt.provider_refunded:
        return None
    return amount if attempt.received < min(amount, attempt.amount) else None


def contradicts_doku(
    attempt: PaymentAttempt, state: AttemptState, paid: tuple[int | None, str | None]
) -> bool:
    """Whether a report is a DOKU paid report naming another amount (or currency) than the one
    its attempt was already paid: DOKU pays one order once, in full (its WooCommerce and
    Magento plugins find the order by invoice number *and* amount, and answer any other amount
    "not found"), and a retry repeats the same body. So it is no further part of the payment
    (ecommpay's "partially paid" then the rest) but news of some other order, or a wrong
    report: the first paid amount stands, and the report is kept apart for the manager."""
    amount, currency = paid
    if attempt.provider is not ProviderName.DOKU or state is not AttemptState.PAID:
        return False
    if attempt.state not in (AttemptState.PAID, AttemptState.REFUNDED) or amount is None:
        return False
    taken = (attempt.reported, attempt.paid_currency or CURRENCY)
    return (amount, currency or CURRENCY) != taken


def refund_read_by_manager(
    attempt: PaymentAttempt, state: AttemptState, source: EventSource
) -> bool:
    """Whether a report is a DOKU REFUNDED that says no more than a manager read from DOKU's back
    office of how much it refunded (:meth:`~pos_app.store.payments.Payments.record_refunded_amount`:
    the payment stays paid for the rest, with ``provider_refunded``, which only that sets on a
    DOKU payment). A status answer names no amount refunded, so applied it would take the whole
    payment as refunded again, undoing the figure: it is kept as a repeat. A notification the
    relay hands over is not (the till drops one it holds already, a retry): DOKU sends one for
    each refund, and a second refund of the rest must not be lost, or the counter could give the
    customer the same money back again. That takes the payment as refunded in full, listed for
    the manager again."""
    return (
        attempt.provider is ProviderName.DOKU
        and state is AttemptState.REFUNDED
        and attempt.state is AttemptState.PAID
        and attempt.provider_refunded > 0
        and source is not EventSource.RELAY
    )


class News(Enum):
    """How a report about a payment's refunds (ecommpay's ``refund``, ``reversal`` and
    ``refund reverse`` operations) stands to those its attempt took already."""

    OLDER = "older"
    """An older operation's, retried after a newer one's: it changes nothing."""
    UNORDERED = "unordered"
    """No operation to compare (none named, none taken yet by id), or the same one."""
    NEWER = "newer"
    """Newer than every one taken: its balance stands, higher or lower."""


def news_order(
    report: tuple[int, datetime] | None, taken: Iterable[tuple[int, datetime] | None]
) -> News:
    """:class:`News` of a report whose newest refund operation is ``report`` (see
    :func:`~pos_app.payments.ecommpay.callback.refund_news`), after reports that ``taken``."""
    newest = max((key for key in taken if key is not None), default=None)
    if report is None or report == newest:
        return News.UNORDERED
    if newest is None or report > newest:
        return News.NEWER
    return News.OLDER


def refunded_so_far(attempt: PaymentAttempt) -> int:
    """The rupiah Kasir counts as refunded at the provider: all it received once refunded."""
    if attempt.state is AttemptState.REFUNDED:
        return attempt.received
    return attempt.provider_refunded


def partially_refunded(
    attempt: PaymentAttempt,
    state: AttemptState,
    paid: tuple[int | None, str | None],
    news: News = News.UNORDERED,
) -> int | None:
    """The rupiah refunded at the provider when a balance report (ecommpay's "partially
    refunded", "partially reversed", or any report of a refund operation) for a paid attempt
    names a balance below what it received and above none (``None`` when it says nothing new):
    a payment only ever pays back, so a lower balance is money that went back, never another
    payment. Only a :attr:`News.NEWER` report may name a higher balance than the one taken, of
    an attempt paid or refunded: a refund undone (``refund reverse``, or a refund that failed
    after it was reported), its money back with the shop; an older operation's report names
    nothing new, and one that cannot be ordered only a lower balance (the largest figure wins).
    Only ecommpay reports a balance; DOKU's notification names the order's amount, so a lower
    one there is a contradiction kept apart (:func:`contradicts_doku`), not a refund. A paid
    report that is no balance (a "partially paid" arriving after its "success") is never one."""
    balance, currency = paid
    if attempt.provider is ProviderName.DOKU or news is News.OLDER:
        return None
    if state is not AttemptState.PAID or attempt.state not in (
        AttemptState.PAID,
        AttemptState.REFUNDED,
    ):
        return None
    if balance is None or (currency or CURRENCY) != CURRENCY:
        return None
    refunded = attempt.received - balance
    if not 0 <= refunded < attempt.received:
        return None
    if news is News.NEWER:
        return None if refunded == refunded_so_far(attempt) else refunded
    paid_now = attempt.state is AttemptState.PAID
    return refunded if paid_now and attempt.provider_refunded < refunded else None


def gone_back(
    attempt: PaymentAttempt, state: AttemptState, refunded: int | None, before_paid: int
) -> int:
    """The rupiah an applied report says the provider refunded now, for the payments file: a
    partial refund's increase (less than none when a refund was undone), one reported before
    the payment itself, or the rest of a paid payment refunded in full."""
    if refunded is not None:
        return refunded - refunded_so_far(attempt)
    if before_paid:
        return before_paid
    if state is AttemptState.REFUNDED and attempt.state is AttemptState.PAID:
        return attempt.received - attempt.provider_refunded
    return 0


def refunded_before_paid(
    attempt: PaymentAttempt, state: AttemptState, paid: tuple[int | None, str | None]
) -> int:
    """The rupiah refunded at the provider when a balance report (see ``record_status``) is the
    first paid report an attempt gets: the amount asked less the balance, or 0."""
    balance, currency = paid
    if state is not AttemptState.PAID or attempt.state is AttemptState.PAID:
        return 0
    if balance is None or (currency or CURRENCY) != CURRENCY:
        return 0
    return attempt.amount - balance if 0 <= balance < attempt.amount else 0
