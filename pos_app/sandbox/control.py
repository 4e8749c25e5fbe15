"""Routes that exist only in the sandbox, for tests and demos: settle orders, reverse a paid
payout, refund a paid purchase, send a notification again (or an earlier one), look inside,
and make answers late so a client's timeout (a lost answer) can be exercised.
"""

import asyncio
import threading
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pos_app.domain.digits import is_digits
from pos_app.sandbox.core import (
    NoSuchOperation,
    NotPending,
    NotRefundable,
    NotReversible,
    NotSettled,
    Sandbox,
)
from pos_app.sandbox.state import Choice, Order
from pos_app.sandbox.wire import (
    InboundError,
    field,
    parse_json_object,
    read_body,
    require_int,
    require_str,
)

MAX_DELAY_SECONDS = 600


class AnswerDelays:
    """For the next ``count`` requests to ``path``, hold the finished answer ``seconds`` longer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: dict[str, tuple[float, int]] = {}

    def add(self, path: str, seconds: float, count: int) -> None:
        with self._lock:
            self._pending[path] = (seconds, count)

    def take(self, path: str) -> float | None:
        with self._lock:
            if path not in self._pending:
                return None
            seconds, count = self._pending[path]
            if count <= 1:
                del self._pending[path]
            else:
                self._pending[path] = (seconds, count - 1)
            return seconds


class DelayedAnswers:
    """ASGI middleware: the request is processed at once, only its answer is late."""

    def __init__(self, app: ASGIApp, delays: AnswerDelays) -> None:
        self._app = app
        self._delays = delays

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        seconds = self._delays.take(scope["path"]) if scope["type"] == "http" else None
        if seconds is None:
            await self._app(scope, receive, send)
            return
        held: list[Message] = []

        async def hold(message: Message) -> None:
            held.append(message)

        await self._app(scope, receive, hold)
        await asyncio.sleep(seconds)
        for message in held:
            await send(message)


class Control:
    """``/_sandbox/...``: what the customer's buttons do, and what the sandbox knows."""

    def __init__(self, sandbox: Sandbox, delays: AnswerDelays) -> None:
        self._sandbox = sandbox
        self._delays = delays

    def routes(self) -> list[Route]:
        return [
            Route("/_sandbox/pay/{order_id:path}", self.pay, methods=["POST"]),
            Route("/_sandbox/decline/{order_id:path}", self.decline, methods=["POST"]),
            Route("/_sandbox/fail/{order_id:path}", self.fail, methods=["POST"]),
            Route("/_sandbox/reverse/{order_id:path}", self.reverse, methods=["POST"]),
            Route("/_sandbox/refund/{order_id:path}", self.refund, methods=["POST"]),
            Route("/_sandbox/undo-refund/{order_id:path}", self.undo_refund, methods=["POST"]),
            Route("/_sandbox/resend/{order_id:path}", self.resend, methods=["POST"]),
            Route("/_sandbox/orders", self.orders, methods=["GET"]),
            Route("/_sandbox/deliveries", self.deliveries, methods=["GET"]),
            Route("/_sandbox/delay", self.delay, methods=["POST"]),
        ]

    async def pay(self, request: Request) -> JSONResponse:
        return self._choose(request, Choice.PAY)

    async def decline(self, request: Request) -> JSONResponse:
        return self._choose(request, Choice.DECLINE)

    async def fail(self, request: Request) -> JSONResponse:
        """The provider fails a pending payment, as no customer can: ecommpay in one of its
        error words, DOKU (which has none) in its ``FAILED``."""
        return self._choose(request, Choice.FAIL)

    async def reverse(self, request: Request) -> JSONResponse:
        """Take back a paid ecommpay payout, as when the customer's account cannot be credited."""
        return self._act(request, self._sandbox.reverse)

    async def refund(self, request: Request) -> JSONResponse:
        """``?amount=`` (default: all that is left) of a paid purchase goes back to the
        customer, as the provider's support does on the merchant's request: minor units of an
        ecommpay purchase, rupiah of a DOKU order (which then reads REFUNDED)."""
        amount = _number(request, "amount")
        if isinstance(amount, JSONResponse):
            return amount
        return self._act(request, lambda order: self._sandbox.refund(order, amount))

    async def undo_refund(self, request: Request) -> JSONResponse:
        """ecommpay undoes the newest refund of a purchase still standing (``refund reverse``),
        its money back with the merchant."""
        return self._act(request, self._sandbox.undo_refund)

    async def resend(self, request: Request) -> JSONResponse:
        """Send a settled order's notification again, as the provider's dashboard does;
        ``?operation=`` an earlier operation's callback (1 = the payment's own)."""
        operation = _number(request, "operation")
        if isinstance(operation, JSONResponse):
            return operation
        return self._act(request, lambda order: self._sandbox.resend(order, operation))

    async def orders(self, request: Request) -> JSONResponse:
        return JSONResponse({"orders": [order.view() for order in self._sandbox.state.orders()]})

    async def deliveries(self, request: Request) -> JSONResponse:
        attempts = self._sandbox.state.attempts()
        return JSONResponse({"deliveries": [attempt.view() for attempt in attempts]})

    async def delay(self, request: Request) -> JSONResponse:
        """Body ``{"path": "/dokuwallet-emoney/v1/payment", "seconds": 2, "count": 1}``."""
        try:
            data = parse_json_object(await read_body(request, 4096))
            path = require_str(data, "path", max_length=512)
            if not path.startswith("/"):
                raise InboundError("path must start with /")
            seconds = field(data, "seconds")
            if isinstance(seconds, bool) or not isinstance(seconds, int | float):
                raise InboundError("seconds must be a number")
            if not 0 < seconds <= MAX_DELAY_SECONDS:
                raise InboundError(f"seconds must be above 0 and at most {MAX_DELAY_SECONDS}")
            count = require_int(data, "count", low=1, high=1000, optional=True) or 1
        except InboundError as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status_code)
        self._delays.add(path, float(seconds), count)
        return JSONResponse({"path": path, "seconds": seconds, "count": count})

    def _choose(self, request: Request, choice: Choice) -> JSONResponse:
        return self._act(request, lambda order: self._sandbox.settle(order, choice))

    def _act(self, request: Request, act: Callable[[Order], Order]) -> JSONResponse:
        """``act`` on the order the path names; 409 when the order is not in a state for it."""
        found = self._order(request)
        if isinstance(found, JSONResponse):
            return found
        try:
            order = act(found)
        except (NotPending, NotReversible, NotRefundable, NotSettled, NoSuchOperation) as exc:
            return JSONResponse({"error": str(exc), "order": exc.order.view()}, status_code=409)
        return JSONResponse({"order": order.view()})

    def _order(self, request: Request) -> Order | JSONResponse:
        """The order the path names, or the 404 or 409 that says why there is not one."""
        order_id = request.path_params["order_id"]
        provider = request.query_params.get("provider")
        found = [
            order
            for order in self._sandbox.state.find(order_id)
            if provider is None or order.provider == provider
        ]
        if not found:
            return JSONResponse({"error": f"no order or payment {order_id}"}, status_code=404)
        if len(found) > 1:
            message = f"{order_id} names orders of several providers; add ?provider=doku|ecommpay"
            return JSONResponse({"error": message}, status_code=409)
        return found[0]


def _number(request: Request, name: str) -> int | JSONResponse | None:
    """The query parameter ``name`` as a whole number, ``None`` when absent, or the 400."""
    text = request.query_params.get(name)
    if text is None:
        return None
    if not is_digits(text) or len(text) > 15:
        return JSONResponse({"error": f"{name} must be a whole number, got {text!r}"}, 400)
    return int(text)
