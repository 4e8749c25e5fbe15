"""The lifecycles of sales and refunds: their states, and the moves each may make, as data.

The store applies every change of a sale's or a refund's status in one place: it refuses what
:meth:`Lifecycle.refusal` names (as its ``InvalidTransition``, a store error, so callers that
catch store refusals keep working) and writes the change to its history in the same transaction.
A status never moves where its table does not lead, and every move is on record. Payment attempts
have a :class:`Lifecycle` too (``ATTEMPT_LIFECYCLE`` in :mod:`pos_app.payments.model`), kept beside
their states: the payments package stands on the domain alone, and its events are its history.

Sale: created ``open``; completed by cash, by its QR payment, or by a late payment a manager (or
the cashier's F11) attaches; an open sale may be cancelled, and a cancelled one still completed by
a late payment attached to it. A completed sale is final: money goes back by a refund, which has a
lifecycle of its own.

Refund: recorded ``pending`` before its payout leaves the terminal; settled once, by the provider's
answer (or the terminal's, when the payout never left), as ``paid``, ``declined`` or ``failed``.
The one move after that: ``failed`` becomes ``paid`` when the provider reports the payout paid
after all. ``failed`` is the terminal's conclusion that no money moved (the payout never left, or
ecommpay did not know it long after it was sent) or a failed operation that a later one can
follow; the provider's report that money went out is the truth, so it is recorded, never
dropped. ``paid`` and ``declined`` stay final.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from pos_app.domain.texts import N_, Text


class SaleStatus(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class RefundStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    DECLINED = "declined"
    FAILED = "failed"


UNPAID = frozenset({RefundStatus.FAILED, RefundStatus.DECLINED})
"""A refund settled as never paid out (what it asked is free again); a later ``paid`` overrides
it, as money went out after all."""


class ChangeSource(StrEnum):
    """Who moved a sale or a refund, as its history records it."""

    CASHIER = "cashier"
    MANAGER = "manager"
    PROVIDER = "provider"
    """The payment provider's word: a paid QR payment, a payout's answer."""
    SYSTEM = "system"
    """The terminal itself: a payout it could not send."""
    MIGRATION = "migration"
    """The status a row already had when its history began (a database from before it)."""


State = TypeVar("State", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class Lifecycle(Generic[State]):
    """Where a ``subject`` starts, and where each of its states may move next (pure data)."""

    subject: str
    starts: State
    moves: Mapping[State, frozenset[State]]

    def allows(self, current: State | None, new: State) -> bool:
        """Whether ``current`` (``None``: not written yet) may become ``new``."""
        if current is None:
            return new is self.starts
        return new in self.moves[current]

    def refusal(self, name: str, current: State | None, new: State) -> Text | None:
        """Why ``name`` may not move from ``current`` to ``new``, in words; ``None``: it may."""
        if self.allows(current, new):
            return None
        if current is None:
            return Text(
                N_("a new {subject} is {starts}, never {new}"),
                subject=self.subject,
                starts=self.starts,
                new=new,
            )
        return Text(
            N_("{name} is {current}; it cannot become {new}"), name=name, current=current, new=new
        )


SALE_LIFECYCLE: Lifecycle[SaleStatus] = Lifecycle(
    subject="sale",
    starts=SaleStatus.OPEN,
    moves={
        SaleStatus.OPEN: frozenset({SaleStatus.COMPLETED, SaleStatus.CANCELLED}),
        SaleStatus.CANCELLED: frozenset({SaleStatus.COMPLETED}),
        SaleStatus.COMPLETED: frozenset(),
    },
)

REFUND_LIFECYCLE: Lifecycle[RefundStatus] = Lifecycle(
    subject="refund",
    starts=RefundStatus.PENDING,
    moves={
        RefundStatus.PENDING: frozenset(
            {RefundStatus.PAID, RefundStatus.DECLINED, RefundStatus.FAILED}
        ),
        RefundStatus.PAID: frozenset(),
        # Money that went out is recorded whatever was said before (see refund_payouts).
        RefundStatus.DECLINED: frozenset({RefundStatus.PAID}),
        RefundStatus.FAILED: frozenset({RefundStatus.PAID}),
    },
)
