"""The sandbox's memory: orders of both providers, remembered answers and delivery attempts.

Everything lives in process memory (it is a simulator) behind one lock, so demo mode may read it
from another thread while the server's event loop changes it. Given a :class:`SavedState` (demo
mode's file), it starts from the orders and answers saved there and saves every change to them.
"""

import threading
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pos_app.domain.money import format_rupiah

if TYPE_CHECKING:
    from pos_app.sandbox.saved_state import SavedState


class Outcome(StrEnum):
    """Where an order stands, in the sandbox's own words; each provider names them its way."""

    PENDING = "pending"
    PAID = "paid"
    DECLINED = "declined"
    EXPIRED = "expired"
    REVERSED = "reversed"
    """Paid, then taken back: an ecommpay payout the customer's account could not take."""
    FAILED = "failed"
    """Not paid, and nobody decided it: the provider's own failure (ecommpay's error words)."""


class Choice(StrEnum):
    """What settles a pending order: the customer's buttons, the control routes, the clock."""

    PAY = "pay"
    DECLINE = "decline"
    EXPIRE = "expire"
    FAIL = "fail"
    """The provider fails the payment (a control route only; no customer presses it)."""


@dataclass(frozen=True, slots=True)
class Line:
    name: str
    price: int
    quantity: int


@dataclass(slots=True)
class Order:
    """One DOKU order or one ecommpay payment; ``details`` holds what only its provider needs."""

    provider: str
    kind: str
    order_id: str
    amount: int
    """In the provider's unit: rupiah for DOKU, minor units for ecommpay."""
    rupiah_text: str
    session_id: str
    created_at: datetime
    provider_status: str
    lines: tuple[Line, ...] = ()
    expires_at: datetime | None = None
    outcome: Outcome = Outcome.PENDING
    settled_at: datetime | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def view(self) -> dict[str, Any]:
        """The order as ``GET /_sandbox/orders`` lists it."""
        return {
            "id": self.order_id,
            "provider": self.provider,
            "kind": self.kind,
            "amount": self.amount,
            "amount_text": self.rupiah_text,
            "state": self.outcome.value,
            "provider_status": self.provider_status,
            "created_at": self.created_at.isoformat(),
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "settled_at": self.settled_at.isoformat() if self.settled_at else None,
            "session_id": self.session_id,
            "line_items": [
                {"name": line.name, "price": line.price, "quantity": line.quantity}
                for line in self.lines
            ],
        }


@dataclass(frozen=True, slots=True)
class Attempt:
    """One try at delivering a notification or callback, with what the receiver answered."""

    delivery_id: str
    kind: str
    order_id: str
    url: str
    attempt: int
    at: datetime
    status_code: int | None
    error: str | None
    acknowledged: bool
    event: str

    def view(self) -> dict[str, Any]:
        return {
            "delivery_id": self.delivery_id,
            "kind": self.kind,
            "order_id": self.order_id,
            "url": self.url,
            "attempt": self.attempt,
            "at": self.at.isoformat(),
            "status_code": self.status_code,
            "error": self.error,
            "acknowledged": self.acknowledged,
            "event": self.event,
        }


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """The first answer to a request, replayed when the same request comes again."""

    body_digest: str
    status_code: int
    body: bytes


class DuplicateOrder(Exception):
    """An order with this id already exists for this provider."""


class SandboxState:
    """Orders by (provider, id) and by payment-page session, remembered answers, attempts."""

    def __init__(self, saved: "SavedState | None" = None) -> None:
        self._lock = threading.Lock()
        self._saved = saved
        self._orders: dict[tuple[str, str], Order] = {}
        self._sessions: dict[str, Order] = {}
        self._answers: dict[tuple[str, str], StoredAnswer] = (
            saved.answers() if saved is not None else {}
        )
        self._attempts: list[Attempt] = []
        for order in saved.orders() if saved is not None else ():
            self._orders[(order.provider, order.order_id)] = order
            self._sessions[order.session_id] = order

    def add_order(self, order: Order) -> None:
        with self._lock:
            key = (order.provider, order.order_id)
            if key in self._orders:
                raise DuplicateOrder(order.order_id)
            self._orders[key] = order
            self._sessions[order.session_id] = order
            if self._saved is not None:
                self._saved.save_order(order)

    def order(self, provider: str, order_id: str) -> Order | None:
        with self._lock:
            return self._orders.get((provider, order_id))

    def by_session(self, session_id: str) -> Order | None:
        with self._lock:
            return self._sessions.get(session_id)

    def find(self, order_id: str) -> list[Order]:
        """Orders of any provider with this id (a DOKU invoice or an ecommpay payment id)."""
        with self._lock:
            return [order for (_, oid), order in self._orders.items() if oid == order_id]

    def orders(self) -> list[Order]:
        with self._lock:
            return list(self._orders.values())

    def settle(
        self,
        order: Order,
        outcome: Outcome,
        provider_status: str,
        at: datetime,
        *,
        after_decline: bool = False,
        **details: Any,
    ) -> bool:
        """Move a pending order (or a declined one, ``after_decline``) to its outcome; ``False``
        if something settled it first."""
        with self._lock:
            open_ = (Outcome.PENDING, Outcome.DECLINED) if after_decline else (Outcome.PENDING,)
            if order.outcome not in open_:
                return False
            order.outcome = outcome
            order.provider_status = provider_status
            order.settled_at = at
            order.details.update(details)
            if self._saved is not None:
                self._saved.save_order(order)
            return True

    def reverse(self, order: Order, provider_status: str, at: datetime, **details: Any) -> bool:
        """Move a paid order to reversed; ``False`` if it is not paid (or reversed already)."""
        with self._lock:
            if order.outcome is not Outcome.PAID:
                return False
            order.outcome = Outcome.REVERSED
            order.provider_status = provider_status
            order.details.update(details, reversed_at=at.isoformat())
            if self._saved is not None:
                self._saved.save_order(order)
            return True

    def add_refund(self, order: Order, operation: dict[str, Any]) -> None:
        """Keep a refund operation of a paid order, oldest first, in ``details["refunds"]``."""
        with self._lock:
            order.details["refunds"] = [*order.details.get("refunds", ()), operation]
            if self._saved is not None:
                self._saved.save_order(order)

    def remember_answer(self, key: tuple[str, str], answer: StoredAnswer) -> None:
        with self._lock:
            if self._answers.setdefault(key, answer) is answer and self._saved is not None:
                self._saved.save_answer(key, answer)

    def answer(self, key: tuple[str, str]) -> StoredAnswer | None:
        with self._lock:
            return self._answers.get(key)

    def record_attempt(self, attempt: Attempt) -> None:
        with self._lock:
            self._attempts.append(attempt)

    def attempts(self) -> list[Attempt]:
        with self._lock:
            return list(self._attempts)


def rupiah_text(amount: int, *, minor_units: bool = False) -> str:
    """The amount as the payment page shows it; ecommpay minor units may carry sen."""
    if not minor_units:
        return format_rupiah(amount)
    rupiah, sen = divmod(amount, 100)
    return format_rupiah(rupiah) + (f",{sen:02d}" if sen else "")
