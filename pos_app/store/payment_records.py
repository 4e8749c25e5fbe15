"""What the store keeps of a payment attempt and of each event that touched it, how much rupiah
a paid report brought in, and whether a manager settled it: the records
:mod:`~pos_app.store.payments` writes and everything else reads."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from pos_app.domain.money import CURRENCY, reported_text
from pos_app.payments.model import AttemptState, PaymentStatus, ProviderName


class EventSource(StrEnum):
    RELAY = "relay"
    STATUS = "status"
    CASHIER = "cashier"
    SYSTEM = "system"


class Outcome(StrEnum):
    APPLIED = "applied"
    """The attempt moved to the event's state."""
    REPEATED = "repeated"
    """The attempt was already in that state."""
    IGNORED = "ignored"
    """The lifecycle does not allow that move (e.g. pending after paid); kept, not applied."""
    ORPHAN = "orphan"
    """No attempt has that invoice number, or none is the payment it reports (a DOKU paid report
    for another amount than its attempt was paid); kept apart for the manager to look at."""


@dataclass(frozen=True, slots=True)
class PaymentEvent:
    id: int
    invoice_number: str
    source: EventSource
    state: AttemptState
    outcome: Outcome
    created_at: datetime
    status: PaymentStatus | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)
    relay_cursor: int | None = None


@dataclass(frozen=True, slots=True)
class PaymentAttempt:
    """One try at collecting a sale's total through a provider.

    ``late``: paid, but kept apart from its sale for the manager, because the payment came after
    the attempt was given up on, or for another amount or currency than was asked
    (:attr:`amount_differs`). Such money completes no sale by itself.
    """

    id: int
    invoice_number: str
    sale_id: int
    provider: ProviderName
    amount: int
    state: AttemptState
    late: bool
    created_at: datetime
    updated_at: datetime
    payment_url: str | None = None
    expires_at: datetime | None = None
    reference: str | None = None
    events: tuple[PaymentEvent, ...] = ()
    paid_amount: int | None = None
    """What the provider reported as paid; ``None``: not reported (taken as ``amount``)."""
    paid_currency: str | None = None
    provider_refunded: int = 0
    """Rupiah the provider reports refunded of this payment while the rest stays paid (a partial
    refund from its dashboard): what it received less the balance the provider reports now;
    0 when none. A payment refunded in full is ``refunded`` instead."""
    version: int = 0
    """Its latest event's id: of two reads of the attempt, the one with the higher version is
    the newer, whatever the wall clock said when each was written (it may be set back)."""

    @property
    def reported(self) -> int:
        """What the provider reported paid, in the unit ``paid_currency`` names (the amount
        asked when it did not say)."""
        return self.amount if self.paid_amount is None else self.paid_amount

    @property
    def received(self) -> int:
        """The rupiah this payment brought in, once paid: see :func:`received_rupiah`."""
        return received_rupiah(self.reported, self.paid_currency)

    @property
    def paid_text(self) -> str:
        """What the customer paid: rupiah, or the amount in the other currency the provider
        named."""
        return reported_text(self.reported, self.paid_currency)

    @property
    def amount_differs(self) -> bool:
        """Paid for another amount or in another currency than was asked."""
        return paid_differs(self.amount, self.paid_amount, self.paid_currency)


def received_rupiah(reported: int, currency: str | None) -> int:
    """The rupiah a paid report brought in: its amount when in rupiah; none when in sen or in
    another currency's minor units (``IDR/minor``, ``USD/minor``: see ``event_money``), which no
    sale takes and no payout in rupiah may pay back, so they never count as rupiah received."""
    return reported if (currency or CURRENCY) == CURRENCY else 0


RECEIVED_SQL = (
    f"CASE WHEN coalesce(a.paid_currency, '{CURRENCY}') = '{CURRENCY}' "
    "THEN coalesce(a.paid_amount, a.amount) ELSE 0 END"
)
""":func:`received_rupiah` of ``payment_attempts a`` in SQL, for sums over attempts."""
RESOLUTION = "resolution"
"""The payload key of a manager's resolution event (pos_app/till/problem_payments.py)."""
RESOLVED = f"""EXISTS (
    SELECT 1 FROM payment_events r
    WHERE r.attempt_id = a.id AND r.source = 'cashier'
    AND json_extract(r.payload, '$.{RESOLUTION}') IS NOT NULL
    AND r.id > (SELECT max(e.id) FROM payment_events e
                WHERE e.attempt_id = a.id AND e.outcome = 'applied'))"""
"""SQL: a manager settled ``payment_attempts a`` with a reason since it last changed; it is
neither the manager's to settle any more nor money a sale may take."""


def paid_differs(asked: int, paid: int | None, currency: str | None) -> bool:
    """Whether a report of ``paid`` in ``currency`` differs from the ``asked`` rupiah; an amount
    or currency not reported is not taken as a difference."""
    return (paid is not None and paid != asked) or (currency or CURRENCY) != CURRENCY
