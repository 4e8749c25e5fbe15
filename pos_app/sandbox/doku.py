"""DOKU direct (Non-SNAP) DOKU Wallet: create order, payment page, notifications, status.

The checks follow docs/architecture.md (Provider facts); docs/sandbox.md lists each with its source.
Notifications and status answers have DOKU's real shapes (extra objects always; the amount
form, the "not found" form and the words of an unpaid order per invoice, from
:class:`~pos_app.sandbox.shapes.Shapes`).
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from pos_app.domain.money import MAX_AMOUNT
from pos_app.payments.doku.signing import (
    MAX_REQUEST_ID_LENGTH,
    RESPONSE_TIMESTAMP,
    body_digest,
    doku_signature,
    new_request_id,
    parse_timestamp,
    signed_headers,
    utc_timestamp,
    verify_doku_signature,
)
from pos_app.sandbox import pages
from pos_app.sandbox.core import NotRefundable, NotReversible, Sandbox, Settlement
from pos_app.sandbox.delivery import DOKU_RETRY_OFFSETS, Delivery
from pos_app.sandbox.shapes import Shapes
from pos_app.sandbox.state import Choice, Line, Order, Outcome, StoredAnswer, rupiah_text
from pos_app.sandbox.wire import (
    InboundError,
    field,
    json_bytes,
    parse_json_object,
    read_body,
    require_bool,
    require_int,
    require_object,
    require_str,
    require_url,
)

CREATE_PATH = "/dokuwallet-emoney/v1/payment"
STATUS_PATH = "/orders/v1/status/{invoice:path}"
PAGE_PATH = "/wallauth/jokultransaction"
MAX_INVOICE_LENGTH = 64
MAX_ITEM_NAME_LENGTH = 255
MAX_QUANTITY = 9999
REQUIRED_HEADERS = ("Client-Id", "Request-Id", "Request-Timestamp", "Signature")
STATUS_WORDS = {Outcome.PAID: "SUCCESS", Outcome.DECLINED: "FAILED"}
"""The notified outcomes; a pending order is PENDING or TIMEOUT, an expired one TIMEOUT or
FAILED (per invoice, :class:`~pos_app.sandbox.shapes.Shapes`)."""
REFUNDED = "REFUNDED"
"""A paid order DOKU refunded (Check Status Non-SNAP: EMONEY, final), in full or in part."""


@dataclass(frozen=True, slots=True)
class SignedHeaders:
    client_id: str
    request_id: str
    timestamp: str
    signature: str


class DokuSimulator:
    """DOKU's API as the terminal sees it, with DOKU's rules and error shape."""

    name = "doku"
    declines_finally = False
    """DOKU's Check Status API maps FAILED to "final: no" for e-money: the customer may pay the
    same order after a failed try, and DOKU then notifies SUCCESS."""

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox
        self._config = sandbox.config

    def routes(self) -> list[Route]:
        return [
            Route(CREATE_PATH, self.create, methods=["POST"]),
            Route(STATUS_PATH, self.status, methods=["GET"]),
            Route(PAGE_PATH, self.payment_page, methods=["GET"]),
        ]

    async def create(self, request: Request) -> Response:
        """Create an order; a repeated Request-Id with the same body replays the first answer."""
        reply_to = self._reply_request_id(request)
        try:
            headers = self._signed_headers(request)
            body = await read_body(request, self._config.max_body_bytes)
            self._verify(request, headers, body)
        except InboundError as exc:
            return self._error(request, exc, reply_to)
        key = (headers.client_id, headers.request_id)
        digest = body_digest(body)
        first = self._sandbox.state.answer(key)
        if first is not None:
            if first.body_digest != digest:
                reused = InboundError(
                    f"Request-Id {headers.request_id} was already used for a different body",
                    code="invalid_request_id",
                )
                return self._error(request, reused, reply_to)
            replay_to = reply_to if self._replay_signed(body) else None
            return self._answer(request, 409, first.body, replay_to)
        try:
            status_code, answer = 200, json_bytes(self._open_order(request, body, headers))
        except InboundError as exc:
            status_code, answer = exc.status_code, json_bytes(error_body(exc))
        self._sandbox.state.remember_answer(key, StoredAnswer(digest, status_code, answer))
        return self._answer(request, status_code, answer, reply_to)

    async def status(self, request: Request) -> Response:
        """``GET /orders/v1/status/{invoice}``; its answer signed with or without the body's
        Digest line, per invoice (:meth:`Shapes.doku_status_digest`)."""
        reply_to = self._reply_request_id(request)
        try:
            self._verify(request, self._signed_headers(request), None)
        except InboundError as exc:
            return self._error(request, exc, reply_to)
        invoice = request.path_params["invoice"]
        order = self._sandbox.state.order(self.name, invoice)
        if order is None:
            if self._sandbox.shapes.doku_not_found_form(invoice) == "empty":
                # Neither error nor transaction: how DOKU's Magento plugin knows "not found".
                empty = json_bytes({"order": {"invoice_number": invoice}})
                return self._answer(request, 200, empty, reply_to)
            missing = InboundError(
                f"invoice {invoice} not found", status_code=404, code="invoice_not_found"
            )
            return self._error(request, missing, reply_to)
        body = transaction_body(order, self._sandbox.shapes)
        digest = self._sandbox.shapes.doku_status_digest(invoice)
        return self._answer(request, 200, json_bytes(body), reply_to, digest=digest)

    async def payment_page(self, request: Request) -> HTMLResponse:
        """The DOKU Wallet page the QR code opens: Pay / Decline, or the result once settled."""
        order = self._sandbox.state.by_session(request.query_params.get("sessionId", ""))
        if order is None or order.provider != self.name:
            page = pages.error_page("Payment not found", "This payment link is not valid.")
            return HTMLResponse(page, status_code=404)
        return HTMLResponse(self._sandbox.page(order))

    def settlement(self, order: Order, choice: Choice) -> Settlement:
        if choice is Choice.EXPIRE:
            # E-money has no EXPIRED: an unpaid DOKU Wallet order ends TIMEOUT or FAILED.
            word = self._sandbox.shapes.doku_expired_word(order.order_id)
            return Settlement(Outcome.EXPIRED, word)
        # A decline and a failure alike are FAILED: DOKU has no other word for an unpaid try.
        outcome = Outcome.PAID if choice is Choice.PAY else Outcome.DECLINED
        return Settlement(outcome, STATUS_WORDS[outcome])

    def settled(self, order: Order) -> None:
        """SUCCESS and FAILED are notified; an expiry is not (the status API reports it)."""
        if order.outcome in (Outcome.PAID, Outcome.DECLINED):
            self._notify(order)

    def reversal(self, order: Order) -> Settlement:
        raise NotReversible(order)  # DOKU's direct API here pays no payouts to take back

    def refund(self, order: Order, amount: int | None) -> dict[str, Any]:
        """A refund of a paid order, as DOKU makes one on the merchant's request: for a
        non-card payment "full or partial", asked of DOKU's support (docs.doku.com, Manage
        Finances, Refund). The order's status becomes REFUNDED, DOKU's one word for it
        (Check Status Non-SNAP), and is notified as every status change is; it names no
        refunded amount, so a partial refund reads as a full one. Once only: REFUNDED is final."""
        if order.outcome is not Outcome.PAID or order.details.get("refunds"):
            why = f"{status_word(order)}: only a paid DOKU order not yet refunded is refunded"
            raise NotRefundable(order, why)
        amount = order.amount if amount is None else amount
        if not 0 < amount <= order.amount:
            raise NotRefundable(order, f"{amount} rupiah asked of {order.amount} paid")
        return {"amount": amount, "at": self._sandbox.now().isoformat()}

    def undo_refund(self, order: Order) -> dict[str, Any]:
        raise NotRefundable(order, "DOKU's REFUNDED is final: no refund of it is undone")

    def operations(self, order: Order) -> int:
        return 1  # one order, one notification

    def send_again(self, order: Order, operation: int) -> None:
        self.settled(order)

    def return_url(self, order: Order) -> str | None:
        details = order.details
        if not details["auto_redirect"]:
            return None
        if order.outcome is Outcome.PAID:
            return details["success_url"]
        return details["failed_url"] or details["success_url"]

    def _open_order(self, request: Request, body: bytes, headers: SignedHeaders) -> dict[str, Any]:
        data = parse_json_object(body)
        require_object(data, "order")
        invoice = require_str(data, "order.invoice_number", max_length=MAX_INVOICE_LENGTH)
        if not all("!" <= char <= "~" for char in invoice):
            raise InboundError(
                "order.invoice_number may hold letters, digits and ASCII punctuation only"
            )
        amount = require_int(data, "order.amount", low=1, high=MAX_AMOUNT)
        lines = _line_items(data, amount)
        notify_url = require_url(data, "order.notify_url")
        success_url = require_url(data, "order.success_url", optional=True)
        failed_url = require_url(data, "order.failed_url", optional=True)
        auto_redirect = require_bool(data, "order.auto_redirect")
        additional = require_object(data, "additional_info", optional=True)
        override = require_url(data, "additional_info.override_notification_url", optional=True)
        if override and urlsplit(override).path != urlsplit(notify_url).path:
            raise InboundError(
                "additional_info.override_notification_url must have the same path as "
                f"order.notify_url ({urlsplit(notify_url).path or '/'})"
            )
        if self._sandbox.state.order(self.name, invoice) is not None:
            raise InboundError(
                f"order.invoice_number {invoice} was already used",
                code="duplicate_invoice_number",
            )
        order = Order(
            provider=self.name,
            kind="doku",
            order_id=invoice,
            amount=amount,
            rupiah_text=rupiah_text(amount),
            session_id=self._sandbox.new_session(),
            created_at=self._sandbox.now(),
            provider_status=self._sandbox.shapes.doku_pending_word(invoice),
            lines=lines,
            expires_at=self._sandbox.expiry(),
            details={
                "request_id": headers.request_id,
                "notify_url": override or notify_url,
                "success_url": success_url,
                "failed_url": failed_url,
                "auto_redirect": auto_redirect,
                "additional_info": additional,
            },
        )
        self._sandbox.open_order(order)
        page_url = f"{self._sandbox.base_url(request)}{PAGE_PATH}?sessionId={order.session_id}"
        answer: dict[str, Any] = {
            "order": {"invoice_number": invoice},
            "doku_wallet_payment_page": {"url": page_url},
        }
        if lines:
            answer["order"]["line_items"] = field(data, "order.line_items")
        if additional is not None:
            answer["additional_info"] = additional
        return answer

    def _notify(self, order: Order) -> None:
        url = order.details["notify_url"]
        body = json_bytes(transaction_body(order, self._sandbox.shapes))
        request_id = new_request_id()
        target = urlsplit(url).path or "/"
        config = self._config

        def build() -> tuple[bytes, dict[str, str]]:
            return body, signed_headers(
                client_id=config.doku_client_id,
                secret_key=config.doku_secret_key,
                request_target=target,
                body=body,
                request_id=request_id,
                timestamp=utc_timestamp(self._sandbox.now()),
            )

        self._sandbox.deliverer.send(
            Delivery(
                kind="doku-notification",
                order_id=order.order_id,
                event=status_word(order),
                url=url,
                offsets=DOKU_RETRY_OFFSETS,
                build=build,
                acknowledges=lambda code: 200 <= code < 300,
            )
        )

    def _signed_headers(self, request: Request) -> SignedHeaders:
        values = [request.headers.get(name, "").strip() for name in REQUIRED_HEADERS]
        missing = [name for name, value in zip(REQUIRED_HEADERS, values, strict=True) if not value]
        if missing:
            raise InboundError(f"missing header: {', '.join(missing)}", code="invalid_header")
        headers = SignedHeaders(*values)
        if len(headers.request_id) > MAX_REQUEST_ID_LENGTH:
            raise InboundError(
                f"Request-Id must be at most {MAX_REQUEST_ID_LENGTH} characters",
                code="invalid_header",
            )
        if headers.client_id != self._config.doku_client_id:
            raise InboundError(
                f"unknown Client-Id {headers.client_id}", status_code=401, code="invalid_client_id"
            )
        try:
            sent = parse_timestamp(headers.timestamp)
        except ValueError:
            raise InboundError(
                f"Request-Timestamp must be UTC like 2021-07-07T08:45:42Z, got {headers.timestamp}",
                code="invalid_header",
            ) from None
        skew = abs((self._sandbox.now() - sent).total_seconds())
        if skew > self._config.clock_skew:
            raise InboundError(
                f"Request-Timestamp {headers.timestamp} is {skew:.0f} s away from the server "
                f"clock (allowed: {self._config.clock_skew:.0f} s)",
                code="invalid_timestamp",
            )
        return headers

    def _verify(self, request: Request, headers: SignedHeaders, body: bytes | None) -> None:
        target = request_target(request)
        if not verify_doku_signature(
            signature=headers.signature,
            client_id=headers.client_id,
            request_id=headers.request_id,
            timestamp=headers.timestamp,
            request_target=target,
            secret_key=self._config.doku_secret_key,
            body=body,
        ):
            digest = "no Digest line" if body is None else f"Digest of the {len(body)} bytes sent"
            raise InboundError(
                f"signature does not match (Request-Target {target}, {digest})",
                status_code=401,
                code="invalid_signature",
            )

    def _replay_signed(self, body: bytes) -> bool:
        """Whether this 409 replay is signed for the repeated request (per invoice; DOKU does
        not document it, so the sandbox sends both and clients must cope with either)."""
        try:
            invoice = field(parse_json_object(body), "order.invoice_number")
        except InboundError:
            return True
        return not isinstance(invoice, str) or self._sandbox.shapes.doku_replay_signed(invoice)

    def _reply_request_id(self, request: Request) -> str | None:
        """The Request-Id to sign an answer with: only for our client and a sane Request-Id."""
        request_id = request.headers.get("Request-Id", "").strip()
        client_id = request.headers.get("Client-Id", "").strip()
        sane = 0 < len(request_id) <= MAX_REQUEST_ID_LENGTH
        return request_id if sane and client_id == self._config.doku_client_id else None

    def _error(self, request: Request, error: InboundError, reply_to: str | None) -> Response:
        return self._answer(request, error.status_code, json_bytes(error_body(error)), reply_to)

    def _answer(
        self,
        request: Request,
        status_code: int,
        body: bytes,
        reply_to: str | None,
        *,
        digest: bool = False,
    ) -> Response:
        """A JSON answer, signed like DOKU's when we know whom we answer: with a Digest line for
        a POST ("only applied for POST Method"), and for a GET when ``digest`` says so."""
        headers: dict[str, str] = {}
        if reply_to is not None:
            timestamp = utc_timestamp(self._sandbox.now())
            headers = {
                "Client-Id": self._config.doku_client_id,
                "Request-Id": reply_to,
                "Response-Timestamp": timestamp,
                "Signature": doku_signature(
                    client_id=self._config.doku_client_id,
                    request_id=reply_to,
                    timestamp=timestamp,
                    request_target=request_target(request),
                    secret_key=self._config.doku_secret_key,
                    body=body if digest or request.method == "POST" else None,
                    timestamp_header=RESPONSE_TIMESTAMP,
                ),
            }
        return Response(body, status_code, headers=headers, media_type="application/json")


def transaction_body(order: Order, shapes: Shapes | None = None) -> dict[str, Any]:
    """The e-money notification body; the status API answers with the same shape.

    Beyond the documented minimum it carries what DOKU really sends (docs/sandbox.md):
    ``customer``, ``emoney_payment``, ``merchant`` with a space-padded ``terminal_id``,
    ``issuer`` and ``tips: 0.00``; ``order.amount`` is an integer, a JSON decimal or a decimal
    string, per invoice, and left out of some REFUNDED reports (per invoice too). Decimals are
    :class:`~decimal.Decimal` for :func:`json_bytes`.
    """
    shapes = shapes or Shapes()
    word = status_word(order)
    details: dict[str, Any] = {"invoice_number": order.order_id}
    if word != REFUNDED or shapes.doku_refund_amount_shown(order.order_id):
        details["amount"] = doku_amount(order.amount, shapes.doku_amount_form(order.order_id))
    body: dict[str, Any] = {
        "service": {"id": "EMONEY"},
        "acquirer": {"id": "DOKU"},
        "channel": {"id": "EMONEY_DOKU"},
        "order": details,
        "transaction": {
            "status": word,
            "date": utc_timestamp(order.settled_at or order.created_at),
            "original_request_id": order.details["request_id"],
        },
        "customer": {"name": "Pelanggan DOKU", "email": "pelanggan@example.com"},
        "emoney_payment": {
            "account_id": f"8100{order.session_id.encode().hex()[:8]}",
            "approval_code": order.session_id[:6].upper(),
        },
        "merchant": {"terminal_id": "A01       "},
        "issuer": {"id": "DOKU", "name": "DOKU Wallet"},
        "tips": Decimal("0.00"),
    }
    if order.details["additional_info"] is not None:
        body["additional_info"] = order.details["additional_info"]
    return body


def status_word(order: Order) -> str:
    """DOKU's ``transaction.status`` of ``order`` now: REFUNDED once refunded, in full or not."""
    return REFUNDED if order.details.get("refunds") else order.provider_status


def doku_amount(rupiah: int, form: str) -> int | Decimal | str:
    """``rupiah`` as DOKU writes it: ``integer`` 6000, ``decimal`` 6000.00, ``string``
    ``"6000.00"``."""
    if form == "decimal":
        return Decimal(f"{rupiah}.00")
    if form == "string":
        return f"{rupiah}.00"
    return rupiah


def error_body(error: InboundError) -> dict[str, Any]:
    kind = "authentication_error" if error.status_code == 401 else "invalid_request_error"
    return {"error": {"code": error.code, "message": error.message, "type": kind}}


def request_target(request: Request) -> str:
    """The path as it came over the wire (still percent-encoded), which is what clients sign."""
    raw = request.scope.get("raw_path")
    return raw.decode("latin-1") if raw else request.url.path


def _line_items(data: dict[str, Any], amount: int) -> tuple[Line, ...]:
    items = field(data, "order.line_items")
    if items is None:
        return ()
    if not isinstance(items, list) or not items:
        raise InboundError("order.line_items must be a non-empty list when given")
    lines = []
    for index in range(len(items)):
        path = f"order.line_items.{index}"
        require_object(data, path)
        name = require_str(data, f"{path}.name", max_length=MAX_ITEM_NAME_LENGTH)
        price = require_int(data, f"{path}.price", low=0, high=MAX_AMOUNT)
        quantity = require_int(data, f"{path}.quantity", low=1, high=MAX_QUANTITY)
        lines.append(Line(name, price, quantity))
    total = sum(line.price * line.quantity for line in lines)
    if total != amount:
        raise InboundError(
            f"order.line_items add up to {total} (price × quantity) but order.amount is {amount}"
        )
    return tuple(lines)
