"""The simulator itself, shared by both providers: orders, their timers and how they settle.

A pending order settles by the customer's choice, a control route, the auto-pay timer or the
expiry timer; whichever comes first wins, and the provider then sends its notification.
"""

import secrets
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from starlette.requests import Request

from pos_app.sandbox import pages
from pos_app.sandbox.config import SandboxConfig
from pos_app.sandbox.delivery import Background, Deliverer
from pos_app.sandbox.saved_state import SavedState
from pos_app.sandbox.shapes import Shapes
from pos_app.sandbox.state import Choice, Order, Outcome, SandboxState


@dataclass(frozen=True, slots=True)
class Settlement:
    """How a provider answers a choice: the outcome, its own status word, extra details."""

    outcome: Outcome
    provider_status: str
    details: dict[str, Any] = field(default_factory=dict)


class ProviderSimulator(Protocol):
    name: str
    declines_finally: bool
    """False: a declined order may still be paid (DOKU's FAILED is not final for e-money)."""

    def settlement(self, order: Order, choice: Choice) -> Settlement:
        """What ``choice`` makes of ``order`` (ecommpay test amounts decline whatever is chosen)."""
        ...

    def settled(self, order: Order) -> None:
        """Tell the merchant: send the notification or callback for the new outcome."""
        ...

    def return_url(self, order: Order) -> str | None:
        """Where the customer's browser goes after the result page, if anywhere."""
        ...

    def reversal(self, order: Order) -> Settlement:
        """How the provider takes back ``order``, paid (raises NotReversible if it does not)."""
        ...

    def refund(self, order: Order, amount: int | None) -> dict[str, Any]:
        """The operation that pays back ``amount`` (all that is left when ``None``) of a paid
        ``order``, to be kept in its ``details["refunds"]``; raises NotRefundable."""
        ...

    def undo_refund(self, order: Order) -> dict[str, Any]:
        """The operation that undoes the newest refund of ``order`` still standing, to be kept
        with its refunds (its amount less than nothing); raises NotRefundable."""
        ...

    def operations(self, order: Order) -> int:
        """How many operations of a settled ``order`` have a callback that can be sent again."""
        ...

    def send_again(self, order: Order, operation: int) -> None:
        """Send the callback of ``order``'s ``operation`` (1 = the payment itself) once more."""
        ...


class NotPending(Exception):
    """The order was already paid, declined or expired."""

    def __init__(self, order: Order) -> None:
        super().__init__(f"{order.order_id} is already {order.outcome.value}")
        self.order = order


class NotSettled(Exception):
    """The order is still pending: it has no notification to send again."""

    def __init__(self, order: Order) -> None:
        super().__init__(f"{order.order_id} is still pending: nothing to send again")
        self.order = order


class NotReversible(Exception):
    """Only a paid ecommpay payout is reversed."""

    def __init__(self, order: Order) -> None:
        what = f"{order.order_id} is a {order.kind}, {order.outcome.value}"
        super().__init__(f"{what}: only a paid ecommpay payout can be reversed")
        self.order = order


class NotRefundable(Exception):
    """Only a paid ecommpay purchase is refunded, by at most what is left of it."""

    def __init__(self, order: Order, why: str) -> None:
        super().__init__(f"{order.order_id}: {why}")
        self.order = order


class NoSuchOperation(Exception):
    """A callback of an operation the order never had was asked for again."""

    def __init__(self, order: Order, operation: int, count: int) -> None:
        super().__init__(f"{order.order_id} has operations 1 to {count}, not {operation}")
        self.order = order


class Sandbox:
    """Holds the configuration, the state, the background tasks and the provider simulators."""

    def __init__(
        self,
        config: SandboxConfig,
        clock: Callable[[], datetime] | None = None,
        saved: SavedState | None = None,
    ) -> None:
        self.config = config
        self.now: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.state = SandboxState(saved)
        self.shapes = Shapes(config.shape_seed)
        self.background = Background()
        self.deliverer = Deliverer(
            self.state,
            self.background,
            retry_scale=config.retry_scale,
            timeout=config.delivery_timeout,
            clock=self.now,
        )
        self._providers: dict[str, ProviderSimulator] = {}

    def register(self, provider: ProviderSimulator) -> None:
        self._providers[provider.name] = provider

    def provider(self, order: Order) -> ProviderSimulator:
        return self._providers[order.provider]

    def base_url(self, request: Request) -> str:
        """The sandbox's own address for payment pages: configured, or the one the request used."""
        return (self.config.public_url or str(request.base_url)).rstrip("/")

    def new_session(self) -> str:
        return secrets.token_urlsafe(18)

    def expiry(self, not_after: datetime | None = None) -> datetime:
        """When an order opened now expires: the configured time, or earlier if the caller says."""
        expires = self.now() + timedelta(seconds=self.config.order_expiry)
        return min(expires, not_after) if not_after else expires

    def open_order(self, order: Order) -> None:
        """Store a new pending order and start its expiry and auto-pay timers."""
        self.state.add_order(order)
        self._arm_expiry(order)
        if self.config.auto_pay is not None:
            self.background.later(
                self.config.auto_pay, lambda: self._settle_if_pending(order, Choice.PAY)
            )

    def resume(self) -> None:
        """At start, inside the server's loop: the saved orders still pending expire in time."""
        for order in self.state.orders():
            if order.outcome is Outcome.PENDING:
                self._arm_expiry(order)

    def _arm_expiry(self, order: Order) -> None:
        if order.expires_at is not None:
            remaining = (order.expires_at - self.now()).total_seconds()
            self.background.later(max(remaining, 0.0), lambda: self._settle_if_pending(order))

    def settle(self, order: Order, choice: Choice) -> Order:
        """Apply ``choice`` to a pending order and notify the merchant, or raise NotPending.
        A declined order is paid on a second try where the provider's decline is not final."""
        provider = self.provider(order)
        result = provider.settlement(order, choice)
        again = choice is Choice.PAY and not provider.declines_finally
        if not self.state.settle(
            order,
            result.outcome,
            result.provider_status,
            self.now(),
            after_decline=again,
            **result.details,
        ):
            raise NotPending(order)
        provider.settled(order)
        return order

    def reverse(self, order: Order) -> Order:
        """Take back a paid payout and notify the merchant, or raise NotReversible."""
        provider = self.provider(order)
        result = provider.reversal(order)
        if not self.state.reverse(order, result.provider_status, self.now(), **result.details):
            raise NotReversible(order)
        provider.settled(order)
        return order

    def refund(self, order: Order, amount: int | None) -> Order:
        """Pay back all or part of a paid purchase and call the merchant back, or raise
        NotRefundable."""
        provider = self.provider(order)
        self.state.add_refund(order, provider.refund(order, amount))
        provider.settled(order)
        return order

    def undo_refund(self, order: Order) -> Order:
        """Undo the newest refund of a purchase still standing, its money back with the
        merchant, and call the merchant back, or raise NotRefundable."""
        provider = self.provider(order)
        self.state.add_refund(order, provider.undo_refund(order))
        provider.settled(order)
        return order

    def resend(self, order: Order, operation: int | None = None) -> Order:
        """Send a settled order's notification or callback once more, as DOKU's Back Office
        "Manual Retry Notification" does after it was acknowledged; raises NotSettled.

        ``operation`` picks an earlier operation's callback (1 = the payment itself), as
        ecommpay's retries of it may still arrive after a later one's; raises NoSuchOperation."""
        if order.outcome is Outcome.PENDING:
            raise NotSettled(order)
        provider = self.provider(order)
        if operation is None:
            provider.settled(order)
            return order
        count = provider.operations(order)
        if not 1 <= operation <= count:
            raise NoSuchOperation(order, operation, count)
        provider.send_again(order, operation)
        return order

    def _settle_if_pending(self, order: Order, choice: Choice = Choice.EXPIRE) -> None:
        if order.outcome is Outcome.PENDING:
            with suppress(NotPending):
                self.settle(order, choice)

    def page(self, order: Order) -> str:
        """The customer's page for ``order``: Pay / Decline, or the result."""
        go_to = self.provider(order).return_url(order)
        return pages.order_page(order, merchant=self.config.merchant_name, go_to=go_to)

    async def close(self) -> None:
        await self.background.close()
        await self.deliverer.close()
