"""The provider-neutral payment vocabulary the checkout flow, the store and the relay share.

Each provider (DOKU direct, ecommpay Payment Page, ecommpay Gate) turns a :class:`PaymentOrder`
into a :class:`PaymentRequest` whose URL the QR code shows, reports status as
:class:`PaymentStatus`, and has its notifications parsed into :class:`ProviderEvent`. Refunds go
out through a :class:`PayoutGateway`, whose word on a payout (a callback the relay brings, or a
status answer) reaches the till as a :class:`PayoutReport`: only ``payments/`` reads a provider's
payload.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import Lifecycle
from pos_app.domain.money import CURRENCY


class ProviderName(StrEnum):
    DOKU = "doku"
    ECOMMPAY_PAGE = "ecommpay-page"
    ECOMMPAY_GATE = "ecommpay-gate"

    @property
    def shows_relay_page(self) -> bool:
        """Its QR is the relay's redirect page (ecommpay Gate hands the wallet's form to the
        relay in a callback): the relay must know the payment before its order leaves."""
        return self is ProviderName.ECOMMPAY_GATE

    @property
    def declines_finally(self) -> bool:
        """Its decline is its last word. DOKU's ``FAILED`` is not final for e-money (its Check
        Status API's status mapping): the customer may pay the same order after a failed try,
        so a declined DOKU payment is asked about again, as one the till gave up on."""
        return self is not ProviderName.DOKU

    @property
    def wallet_label(self) -> str:
        """What the customer paid with, as receipts and the back office name it."""
        return {
            ProviderName.DOKU: "DOKU Wallet",
            ProviderName.ECOMMPAY_PAGE: "DOKU Wallet (ecommpay)",
            ProviderName.ECOMMPAY_GATE: "DOKU Wallet (ecommpay Gate)",
        }[self]


class PaymentStatus(StrEnum):
    """A provider's word on a payment, in the terminal's words (docs/architecture.md, Contracts)."""

    PENDING = "pending"
    PAID = "paid"
    DECLINED = "declined"
    EXPIRED = "expired"
    REFUNDED = "refunded"
    FAILED = "failed"


class AttemptState(StrEnum):
    """Where one payment attempt on the terminal stands (docs/architecture.md, Lifecycles)."""

    CREATED = "created"
    PENDING = "pending"
    UNKNOWN = "unknown"
    PAID = "paid"
    DECLINED = "declined"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    FAILED = "failed"
    REFUNDED = "refunded"


OPEN_STATES = frozenset({AttemptState.CREATED, AttemptState.PENDING, AttemptState.UNKNOWN})
"""Attempts in these states resume after a restart and are still waited on."""

LATE_PAYMENT_FROM = frozenset(
    {AttemptState.CANCELLED, AttemptState.EXPIRED, AttemptState.DECLINED, AttemptState.FAILED}
)
"""A payment that lands on an attempt in one of these states is a late payment: kept, flagged."""

ATTEMPT_LIFECYCLE: Lifecycle[AttemptState] = Lifecycle(
    subject="payment",
    starts=AttemptState.CREATED,
    moves={
        AttemptState.CREATED: frozenset(AttemptState)
        - {AttemptState.CREATED, AttemptState.REFUNDED},
        AttemptState.PENDING: frozenset(
            {
                AttemptState.PENDING,
                AttemptState.UNKNOWN,
                AttemptState.PAID,
                AttemptState.DECLINED,
                AttemptState.EXPIRED,
                AttemptState.CANCELLED,
                # ecommpay's error words end the payment id as a decline does (see
                # payments/ecommpay/statuses.py); a success after it is still a late payment.
                AttemptState.FAILED,
            }
        ),
        AttemptState.UNKNOWN: frozenset(OPEN_STATES - {AttemptState.CREATED})
        | {
            AttemptState.PAID,
            AttemptState.DECLINED,
            AttemptState.EXPIRED,
            AttemptState.CANCELLED,
            AttemptState.FAILED,
        },
        AttemptState.PAID: frozenset({AttemptState.REFUNDED}),
        AttemptState.REFUNDED: frozenset(),
        **{state: frozenset({AttemptState.PAID}) for state in LATE_PAYMENT_FROM},
    },
)
"""A payment attempt's lifecycle, of the same kind as a sale's and a refund's
(:mod:`pos_app.domain.lifecycles`); its table stays beside the states it moves between. A repeated
report of the same state is no move: the store keeps it as ``repeated``."""


def can_transition(current: AttemptState, new: AttemptState) -> bool:
    """Whether an attempt may move from ``current`` to ``new``; a paid one never goes back."""
    return ATTEMPT_LIFECYCLE.allows(current, new)


STATUS_TO_STATE: dict[PaymentStatus, AttemptState] = {
    PaymentStatus.PENDING: AttemptState.PENDING,
    PaymentStatus.PAID: AttemptState.PAID,
    PaymentStatus.DECLINED: AttemptState.DECLINED,
    PaymentStatus.EXPIRED: AttemptState.EXPIRED,
    PaymentStatus.REFUNDED: AttemptState.REFUNDED,
    PaymentStatus.FAILED: AttemptState.FAILED,
}


@dataclass(frozen=True, slots=True)
class PaymentOrder:
    """What the terminal asks a provider to collect. ``invoice_number`` is never reused."""

    invoice_number: str
    amount: int
    lines: tuple[LineItem, ...] = ()
    customer_id: str = "walk-in"
    redirect_url: str | None = None
    """For ecommpay Gate: the relay's ``/r/{token}`` page, which the QR shows."""


@dataclass(frozen=True, slots=True)
class PaymentRequest:
    """A created order: ``payment_url`` is what the customer's phone opens from the QR code."""

    provider: ProviderName
    invoice_number: str
    amount: int
    payment_url: str
    expires_at: datetime | None = None
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class StatusResult:
    """The answer of a provider's status API."""

    provider: ProviderName
    invoice_number: str
    status: PaymentStatus
    amount: int | None = None
    reference: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict)
    currency: str = CURRENCY
    """What the provider says the amount is in; anything but IDR never completes a sale."""
    balance: bool = False
    """A paid report whose amount is what is left after a refund at the provider (ecommpay's
    ``partially refunded``), not what was paid."""


@dataclass(frozen=True, slots=True)
class ProviderEvent:
    """A verified notification or callback, parsed: the fields Kasir relies on, and the rest raw."""

    provider: ProviderName
    invoice_number: str
    status: PaymentStatus
    amount: int
    reference: str | None = None
    occurred_at: datetime | None = None
    raw: Mapping[str, Any] = field(default_factory=dict)
    """What the signature covers, and nothing else: fields the signature cannot see (ecommpay's
    empty objects and lists) are left out, so a redelivery with them added is the same event."""
    currency: str = CURRENCY
    account: str | None = None
    """The merchant account the provider names (ecommpay's ``project_id``); ``None``: not said."""


MAX_INVOICE_LENGTH = 64
"""The longest invoice number a till draws or a notification may name: DOKU's limit on
``order.invoice_number`` (ecommpay's payment_id allows more)."""
NO_PAYMENT = "-"
"""The invoice of a report that names no payment Kasir can read; no till makes (or registers)
such a one."""
NO_CURRENCY = "XXX/minor"
"""ISO 4217's "no currency", in minor units: the amount of a report that says none (or none Kasir
can read) is in this, which never matches a sale."""


def unread_event(
    provider: ProviderName,
    invoice_number: str,
    raw: Mapping[str, Any],
    account: str | None = None,
) -> ProviderEvent:
    """A signed report kept as it came, about no payment or with fields Kasir cannot read:
    pending, no amount in no currency, so it completes no sale."""
    return ProviderEvent(
        provider=provider,
        invoice_number=invoice_number,
        status=PaymentStatus.PENDING,
        amount=0,
        raw=raw,
        currency=NO_CURRENCY,
        account=account,
    )


class PayoutOutcome(StrEnum):
    """What a provider says about a payout, in the till's words."""

    PENDING = "pending"
    """No final word yet (processing, awaiting, or a word Kasir does not know)."""
    PAID = "paid"
    DECLINED = "declined"
    FAILED = "failed"
    """Nothing was paid and nobody decided it (an error, or the payout expired)."""
    REVERSED = "reversed"
    """The provider says the payout was reversed or refunded after paying it: the money is back
    with the shop, and the till lists it for the manager (``till/refund_payouts.py``)."""


PAYOUT_OUTCOMES: dict[PaymentStatus, PayoutOutcome] = {
    PaymentStatus.PENDING: PayoutOutcome.PENDING,
    PaymentStatus.PAID: PayoutOutcome.PAID,
    PaymentStatus.DECLINED: PayoutOutcome.DECLINED,
    PaymentStatus.FAILED: PayoutOutcome.FAILED,
    PaymentStatus.EXPIRED: PayoutOutcome.FAILED,
    PaymentStatus.REFUNDED: PayoutOutcome.REVERSED,
}
"""A payout's outcome from the status word a provider's reader made of it."""


LEFT_UNKNOWN = -1
"""What a reversal in part left paid out, when it does not say (or says it in another currency):
it brings nothing back until a report that says arrives."""


@dataclass(frozen=True, slots=True)
class PayoutReport:
    """One provider word about one payout (a callback through the relay, or a status answer),
    read by the provider's own code, so the till's refunds never parse a payload."""

    payout_id: str
    outcome: PayoutOutcome
    reference: str | None = None
    """The provider's id for the payout operation, when it says one."""
    amount: int | None = None
    """The rupiah reported (``None``: not said)."""
    currency: str | None = None
    reason: str = ""
    """The provider's own words on a decline or failure; empty when it gives none."""
    raw: Mapping[str, Any] = field(default_factory=dict)
    """The payload as received, kept with the refund as the provider's record."""
    left: int | None = None
    """Of a reversal in part, what is still paid out (``None``: the whole payout reversed;
    :data:`LEFT_UNKNOWN`: a reversal in part that says no amount in rupiah): a later report that
    leaves less brought more back."""


@dataclass(frozen=True, slots=True)
class PayoutOrder:
    """A manager-approved payout of ``amount`` rupiah to a customer's wallet."""

    payout_id: str
    amount: int
    account_number: str
    customer_name: str
    customer_id: str


class PayoutGateway(Protocol):
    """Where refunds are paid out; the outcome comes later as a :class:`PayoutReport`."""

    name: ProviderName

    def send_payout(self, order: PayoutOrder) -> str:
        """Ask the provider to pay; returns its request id. The answer is only an
        acknowledgement: the outcome comes in a callback or from :meth:`check_payout`."""
        ...

    def check_payout(self, payout_id: str) -> PayoutReport:
        """The provider's word now; :class:`~pos_app.payments.errors.PaymentUnknown` if it never
        received the payout."""
        ...

    def close(self) -> None: ...


class SecretText(Protocol):
    def reveal(self) -> str: ...


class DokuAccount(Protocol):
    """What building the DOKU provider reads from the terminal's settings."""

    @property
    def api_url(self) -> str: ...
    @property
    def client_id(self) -> str: ...
    @property
    def secret_key(self) -> SecretText | None: ...


class EcommpayAccount(Protocol):
    """What building an ecommpay provider or payout gateway reads from the settings."""

    @property
    def project_id(self) -> int | None: ...
    @property
    def secret_key(self) -> SecretText | None: ...
    @property
    def payment_page_url(self) -> str: ...
    @property
    def gate_url(self) -> str: ...
    @property
    def customer_email(self) -> str: ...
    @property
    def customer_ip(self) -> str: ...


class ProviderSettings(Protocol):
    """The settings a provider and the payout gateway are built from (the terminal's
    ``Settings`` has them), named here so that ``payments/`` depends on no settings module."""

    @property
    def doku(self) -> DokuAccount: ...
    @property
    def ecommpay(self) -> EcommpayAccount: ...
    @property
    def qr_expiry_minutes(self) -> int: ...


class PaymentProvider(Protocol):
    """One interface for every provider, so the checkout flow does not know which it talks to."""

    name: ProviderName

    def create_payment(self, order: PaymentOrder) -> PaymentRequest: ...

    def check_status(self, invoice_number: str) -> StatusResult: ...


@dataclass(frozen=True, slots=True)
class RelayEvent:
    """A payment event as the relay hands it to the terminal that registered the payment."""

    cursor: int
    invoice_number: str
    provider: ProviderName
    status: PaymentStatus
    received_at: str
    payload: Mapping[str, Any] = field(default_factory=dict)
    amount: int | None = None
    """The rupiah the provider reported (``None``: the relay did not say)."""
    currency: str | None = None
    balance: bool = False
    """As :attr:`StatusResult.balance`, read from the provider's payload."""
    unreadable: str | None = None
    """Why Kasir cannot read the provider's report (it is signed): not applied, but kept and
    listed for the manager, who checks the payment in the provider's dashboard."""

    @property
    def identity(self) -> str:
        """Equal for the same notification however it is delivered again (a restored relay hands
        it over under another cursor): the relay stores each provider body once."""
        return notification_identity(self.invoice_number, self.status, self.payload)


def notification_identity(invoice_number: str, status: str, payload: Mapping[str, Any]) -> str:
    """:attr:`RelayEvent.identity` of an event stored earlier, from what was stored."""
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"{invoice_number}\n{status}\n{body}"


@dataclass(frozen=True, slots=True)
class RelayPosition:
    """How far a terminal has read the relay's events: a cursor, and the epoch it belongs to.

    The relay's database draws a new random epoch when it is created or restored from a backup,
    and its cursors mean nothing in another epoch. ``None``: not known (a terminal that has not
    heard of epochs yet, or a relay that does not send them).
    """

    epoch: str | None = None
    cursor: int = 0

    def continued_by(self, batch: "RelayPosition") -> bool:
        """Whether a batch ending at ``batch`` continues this position's cursors (same epoch)."""
        return self.epoch is None or batch.epoch is None or self.epoch == batch.epoch

    def unseen(self, events: Sequence[RelayEvent], batch: "RelayPosition") -> list[RelayEvent]:
        """The batch's events in cursor order, less those at or below this cursor when the batch
        continues it; after an epoch change all of them (the sink still skips what it holds)."""
        ordered = sorted(events, key=lambda event: event.cursor)
        if not self.continued_by(batch):
            return ordered
        return [event for event in ordered if event.cursor > self.cursor]

    def after(self, batch: "RelayPosition") -> "RelayPosition":
        """The position to save with the batch: the cursor never moves back within an epoch."""
        if not self.continued_by(batch):
            return batch
        return RelayPosition(batch.epoch or self.epoch, max(self.cursor, batch.cursor))


class EventSink(Protocol):
    """Where the terminal's relay client delivers events; the till's ``Checkout`` implements it
    (``till/checkout.py``: payment events to their attempts, payout callbacks to their refunds).

    ``apply_relay_events`` applies the events and saves ``position.after(batch)`` in one
    transaction. It skips events at or below the saved cursor of the same epoch, and events it
    holds already (by :attr:`RelayEvent.identity`): after a relay's epoch changes the client
    fetches from its first cursor again, so nothing is lost and nothing is applied twice. It
    returns the events it applied now.
    """

    def relay_position(self) -> RelayPosition: ...

    def apply_relay_events(
        self, events: Sequence[RelayEvent], position: RelayPosition
    ) -> Sequence[RelayEvent]: ...
