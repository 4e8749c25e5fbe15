"""ecommpay with the DOKU Wallet method: Payment Page, Gate sale, payout, status, callbacks.

The checks follow docs/architecture.md (Provider facts); docs/sandbox.md lists each with its source.
Amounts are minor units here, as at ecommpay's boundary. Callbacks and status answers have
ecommpay's real shapes: extra fields and empty objects and lists (which the signature cannot
see) always; an intermediate status before a purchase's final callback, the expiry word and
the "not found" form per payment id (:class:`~pos_app.sandbox.shapes.Shapes`); a split payout
and one ``awaiting retry`` before its final word, per test amount.
"""

import hashlib
import hmac
import ipaddress
import itertools
import secrets
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from pos_app.domain.digits import is_digits
from pos_app.domain.money import CURRENCY
from pos_app.payments.ecommpay.signing import ecommpay_signature, verify_ecommpay_signature
from pos_app.sandbox import pages
from pos_app.sandbox.core import NotRefundable, NotReversible, Sandbox, Settlement
from pos_app.sandbox.delivery import ECOMMPAY_RETRY_OFFSETS, Delivery
from pos_app.sandbox.state import Choice, Order, Outcome, rupiah_text
from pos_app.sandbox.wire import (
    InboundError,
    check_range,
    field,
    json_bytes,
    parse_json_object,
    parse_query,
    read_body,
    require_int,
    require_object,
    require_str,
    require_url,
)

PAGE_PATH = "/payment"
SALE_PATH = "/v2/payment/wallet/doku/sale"
PAYOUT_PATH = "/v2/payment/wallet/doku/payout"
STATUS_PATH = "/v2/payment/status"
WALLET_PATH = "/ecommpay/doku/wallet"

DECLINE_AMOUNTS = frozenset({40000, 40400})
"""Test projects decline these amounts (minor units) whatever the customer does (seed)."""
SPLIT_PAYOUT_AMOUNTS = frozenset({404000})
"""A payout of these amounts (minor units) is split in two operations, the first of
:data:`SPLIT_PAYOUT_PART` paid out, the rest declined: it ends ``partially paid out``,
``payment.sum`` still the whole amount asked. ecommpay splits a payout its provider cannot take
whole ("any further attempts to make the payout, including cases when the payout amount is
split, result in multiple operations generated within a single payment",
en_gate_payout_model.html; en_Gate_split_payment.html: operations of the provider's limit,
then the remainder); which amounts, and which part fails, is the provider's, so the test amount
and the part are *sandbox*, after the seed's 40400."""
SPLIT_PAYOUT_PART = 300000
"""The provider's limit per payout operation, in minor units, for :data:`SPLIT_PAYOUT_AMOUNTS`."""
RETRIED_PAYOUT_AMOUNTS = frozenset({400400})
"""A payout of these amounts (minor units) is declined at its first attempt for a reason
ecommpay retries (:data:`LIMIT_DECLINE`, code 20101, is among them), and waits in
:data:`PAYOUT_RETRY_WORD` until a retry in the same payment id pays it (``/_sandbox/pay``, or
``auto_pay``) or the retries run out (``/_sandbox/decline``), as ecommpay's platform retries
such a payout by itself until it is paid or a number of retries is reached, or its support
retries it by hand (developers.ecommpay.com/en/en_gate_payout_retry.html, which lists the
decline codes retried). The amount is *sandbox*, after the seed's 40400."""
PURCHASE_LIMITS = (100, 200_000_000)
"""1.00 to 2,000,000.00 IDR, the limit before KYC (seed)."""
PAYOUT_LIMITS = (100, 1_000_000_000)
"""1.00 to 10,000,000.00 IDR (seed)."""
SUCCESS = ("0", "Success")
LIMIT_DECLINE = ("20101", "Decline due to amount or frequency limit")
CUSTOMER_DECLINE = ("20000", "Customer declined the payment")
"""Chosen by the sandbox; the seed does not give the code for a customer's refusal."""
EXPIRED_DECLINE = ("20602", "Payment time expired")
"""Chosen by the sandbox; the seed says an overdue payment is declined, not with which code."""
PROVIDER_FAILURE = ("3000", "Payment failed at the payment provider")
"""Chosen by the sandbox: ecommpay's codes for its error words are not published."""
DOKU_PROVIDER_ID = 1162
DOKU_ENDPOINT_ID = 2301
"""``operation.provider.endpoint_id``: in ecommpay's callback formats; the value is *sandbox*."""
MALL_ID = 4038
AWAITING_REDIRECT = "awaiting redirect result"
RETRY_WORD = "awaiting customer"
"""A Payment Page payment's status after a failed attempt while the customer may try again in
the same payment id: "The payment is in the status awaiting customer until it gets the final
decline upon expiration of payment attempts or in case of the first successful attempt. You
receive a callback with the payment result at each customer attempt to pay", with
``payment.is_new_attempts_available`` and the seconds left in ``payment.attempts_timeout``
(developers.ecommpay.com/en/en_PP_Try_Again.html). The sandbox sends it as the intermediate
callback of the page payments whose intermediate word it is (Shapes.ecommpay_intermediate):
their failed attempt is a declined ``sale`` operation of its own, listed first in the status
answer's ``operations[]``; its code (:data:`LIMIT_DECLINE`) is *sandbox*."""
PAYOUT_RETRY_WORD = "awaiting retry"
"""A payout's status while ecommpay is to retry its declined attempt, an intermediate status
(developers.rocketpay.kz/en/en_gate_payout_statuses.html, the same platform's pages;
woocommerce-ecommpay ``common/helpers/EcpGatewayPaymentStatus.php`` ``AWAITING_RETRY``). The
payout operation has no such word (the same page: ``processing``, ``awaiting clarification``,
``decline``, ``success``), so its callback names the declined attempt: ``operation.status``
``decline`` with its code, the decline in ``errors[]``, as the Payment Page's
:data:`RETRY_WORD` does. The retry is an operation of its own in the same payment, as every
further attempt at a payout is (en_gate_payout_model.html, quoted at
:data:`SPLIT_PAYOUT_AMOUNTS`), listed after the declined one in the status answer's
``operations[]``."""
RETRY_WORDS = frozenset({RETRY_WORD, PAYOUT_RETRY_WORD})
PROCESSING = "processing"
PAID_OUT_IN_PART = "partially paid out"
REFUND_WORDS: dict[str, tuple[str, str]] = {
    "refund": ("partially refunded", "refunded"),
    "reversal": ("partially reversed", "reversed"),
}
"""``operation.type`` of a purchase's refund → ``payment.status`` once part, or all, of it went
back. ecommpay reverses a purchase refunded in full before its business day closes and refunds
it otherwise (developers.ecommpay.com/en/en_Gate_Refund.html); some cards are reversed in part
too, by the time alone (same page), hence "partially reversed". The words are ecommpay's
(woocommerce-ecommpay, ``common/helpers/EcpGatewayPaymentStatus.php``); which operation a
purchase gets is a shape per payment id."""
REFUND_UNDONE = "refund reverse"
"""``operation.type`` of a refund undone (:meth:`EcommpaySimulator.undo_refund`)."""


class EcommpaySimulator:
    """ecommpay's platform as the terminal sees it: signed requests in, signed callbacks out."""

    name = "ecommpay"
    declines_finally = True

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox
        self._config = sandbox.config
        self._operation_ids = itertools.count(6085000000001)
        self._words_key = secrets.token_bytes(32)

    def routes(self) -> list[Route]:
        return [
            Route(PAGE_PATH, self.payment_page, methods=["GET"]),
            Route(SALE_PATH, self._gate(self._sale), methods=["POST"]),
            Route(PAYOUT_PATH, self._gate(self._payout), methods=["POST"]),
            Route(STATUS_PATH, self._gate(self._status), methods=["POST"]),
            Route(WALLET_PATH, self.wallet_page, methods=["POST"]),
        ]

    async def payment_page(self, request: Request) -> HTMLResponse:
        """``GET /payment?…&signature=…``: every query parameter must be signed."""
        try:
            raw = request.scope.get("query_string", b"")
            if len(raw) > self._config.max_body_bytes:
                raise InboundError("the payment URL is too long", status_code=414)
            params = parse_query(raw)
            order = self._page_order(request, params)
        except InboundError as exc:
            page = pages.error_page("Payment cannot be opened", exc.message)
            return HTMLResponse(page, status_code=exc.status_code)
        return HTMLResponse(self._sandbox.page(order))

    async def wallet_page(self, request: Request) -> HTMLResponse:
        """Where a Gate sale's ``redirect_data`` form lands: the DOKU Wallet payment form."""
        try:
            params = parse_query(await read_body(request, self._config.max_body_bytes), what="form")
            order = self._sandbox.state.by_session(params.get("SESSIONID", ""))
            if order is None or order.kind != "sale":
                raise InboundError("SESSIONID does not name a payment", status_code=404)
            words = params.get("WORDS", "")
            if not hmac.compare_digest(words.encode(), self._words(order).encode()):
                raise InboundError("WORDS does not match this payment", status_code=400)
        except InboundError as exc:
            page = pages.error_page("Payment cannot be opened", exc.message)
            return HTMLResponse(page, status_code=exc.status_code)
        return HTMLResponse(self._sandbox.page(order))

    def settlement(self, order: Order, choice: Choice) -> Settlement:
        if choice is Choice.EXPIRE:
            word = self._sandbox.shapes.ecommpay_expired_word(order.order_id)
            code, message = EXPIRED_DECLINE
            return Settlement(Outcome.EXPIRED, word, {"code": code, "message": message})
        if choice is Choice.FAIL:
            word = self._sandbox.shapes.ecommpay_error_word(order.order_id)
            code, message = PROVIDER_FAILURE
            return Settlement(Outcome.FAILED, word, {"code": code, "message": message})
        if choice is Choice.DECLINE:
            # No customer declines a payout: one awaiting retry ends with its attempts' reason.
            why = LIMIT_DECLINE if order.kind == "payout" else CUSTOMER_DECLINE
            return _declined(Outcome.DECLINED, why)
        if order.amount in DECLINE_AMOUNTS:
            return _declined(Outcome.DECLINED, LIMIT_DECLINE)
        code, message = SUCCESS
        details = {
            "code": code,
            "message": message,
            "provider_payment_id": _provider_payment_id(),
            "account_number": order.details.get("account_number") or "1189632633",
        }
        if order.kind == "payout" and order.amount in SPLIT_PAYOUT_AMOUNTS:
            return Settlement(
                Outcome.PAID, PAID_OUT_IN_PART, {**details, "parts": self._parts(order)}
            )
        return Settlement(Outcome.PAID, "success", details)

    def _parts(self, order: Order) -> list[dict[str, Any]]:
        """The two operations of a split payout (:data:`SPLIT_PAYOUT_AMOUNTS`): the provider's
        limit paid out, the rest declined."""
        outcomes = (
            (SPLIT_PAYOUT_PART, "success", SUCCESS, _provider_payment_id()),
            (order.amount - SPLIT_PAYOUT_PART, "decline", LIMIT_DECLINE, ""),
        )
        return [
            {
                "id": next(self._operation_ids),
                "amount": amount,
                "status": status,
                "code": code,
                "message": message,
                "request_id": f"{secrets.token_hex(20)}-{secrets.token_hex(20)}",
                "provider_payment_id": provider_payment_id,
            }
            for amount, status, (code, message), provider_payment_id in outcomes
        ]

    def settled(self, order: Order) -> None:
        self._callback(order)

    def refund(self, order: Order, amount: int | None) -> dict[str, Any]:
        """A refund of a paid purchase, as ecommpay's support makes for DOKU Wallet ("Full
        refunds", "Partial refunds": "contact ecommpay technical support",
        developers.ecommpay.com/en/pm_doku.html). Its callback carries the refund in
        ``operation.sum_initial`` and the payment's balance in ``payment.sum``, as ecommpay's
        WooCommerce plugin reads them (``common/modules/EcpModuleRefund.php``: the refund is
        booked from ``sum_initial``, ``payment.sum`` noted as "Payment balance")."""
        if order.kind == "payout" or order.outcome is not Outcome.PAID:
            why = f"a {order.kind} that is {order.outcome.value}: only a paid purchase is refunded"
            raise NotRefundable(order, why)
        left = order.amount - _refunded(order.details.get("refunds", ()))
        amount = left if amount is None else amount
        if not 0 < amount <= left:
            raise NotRefundable(order, f"{amount} minor units asked, {left} left to refund")
        return {
            **self._operation(),
            "type": self._sandbox.shapes.ecommpay_refund_kind(order.order_id),
            "amount": amount,
        }

    def undo_refund(self, order: Order) -> dict[str, Any]:
        """The newest refund of a purchase not undone yet, undone: ecommpay's ``refund
        reverse`` operation, "Revert of the refund operation" (woocommerce-ecommpay
        ``common/helpers/EcpGatewayOperationType.php``), its money back with the merchant. It is
        kept with the refunds, less than nothing paid back: the callback names it in
        ``operation`` (``sum_initial`` the refund undone) and the balance, up again, in
        ``payment.sum``; ``payment.status`` is ``success`` once nothing stays refunded. Which
        refunds the platform undoes, and the status word after it, ecommpay does not publish:
        *sandbox*."""
        refunds = order.details.get("refunds", ())
        undone = {refund.get("undoes") for refund in refunds}
        standing = [
            refund
            for refund in refunds
            if refund["type"] != REFUND_UNDONE and refund["id"] not in undone
        ]
        if not standing:
            raise NotRefundable(order, "no refund of it is left to undo")
        return {
            **self._operation(),
            "type": REFUND_UNDONE,
            "amount": -standing[-1]["amount"],
            "undoes": standing[-1]["id"],
        }

    def _operation(self) -> dict[str, Any]:
        """A new operation's id, time and request id, and DOKU's id for it."""
        return {
            "id": next(self._operation_ids),
            "at": self._sandbox.now().isoformat(),
            "request_id": f"{secrets.token_hex(20)}-{secrets.token_hex(20)}",
            "provider_payment_id": _provider_payment_id(),
        }

    def operations(self, order: Order) -> int:
        """The payment's own operations (one, or a split payout's parts), then its refunds."""
        own = len(order.details.get("parts", ())) or 1
        return own + len(order.details.get("refunds", ()))

    def send_again(self, order: Order, operation: int) -> None:
        """The callback of an earlier operation as it was then (the payment's own for 1, a split
        payout's parts 1 and 2), as ecommpay's retries of it may arrive after a later
        operation's callback (it retries each one until answered 200, for up to 11 days:
        Provider facts)."""
        url = self._callback_url(order)
        if url is not None:
            body = self._signed(self._payment_body(order, upto=operation - 1))
            word = body["payment"]["status"]
            self._sandbox.deliverer.send(self._delivery(order, url, body, word))

    def reversal(self, order: Order) -> Settlement:
        """A paid payout the customer's account could not take after all is reversed, its money
        back to the merchant, and called back like every operation (en_gate_payout_model.html;
        en_Gate_Callbacks.html). The sandbox reverses only a payout paid out whole, not a split
        one's part."""
        if order.kind != "payout" or order.details.get("parts"):
            raise NotReversible(order)
        word = self._sandbox.shapes.ecommpay_reversed_word(order.order_id)
        return Settlement(
            Outcome.REVERSED, word, {"reversal_operation_id": next(self._operation_ids)}
        )

    def return_url(self, order: Order) -> str | None:
        key = "success_url" if order.outcome is Outcome.PAID else "fail_url"
        return order.details.get(key)

    def _page_order(self, request: Request, params: dict[str, str]) -> Order:
        if "signature" not in params:
            raise InboundError("the payment URL has no signature", status_code=400)
        if params.get("project_id") != str(self._config.ecommpay_project_id):
            raise InboundError(f"unknown project_id {params.get('project_id')!r}", status_code=401)
        if not verify_ecommpay_signature(params, self._config.ecommpay_secret_key):
            raise InboundError("the payment URL's signature does not match", status_code=401)
        payment_id = require_str(params, "payment_id")
        amount_text = require_str(params, "payment_amount", max_length=15)
        if not is_digits(amount_text):
            raise InboundError(f"payment_amount must be whole minor units, got {amount_text!r}")
        amount = check_range(
            int(amount_text), "payment_amount", low=PURCHASE_LIMITS[0], high=PURCHASE_LIMITS[1]
        )
        _require_currency(params.get("payment_currency"), "payment_currency")
        customer_id = require_str(params, "customer_id")
        callback_url = require_url(params, "merchant_callback_url", optional=True)
        best_before = _best_before(params.get("best_before"))
        if best_before is not None and best_before <= self._sandbox.now():
            raise InboundError("this payment link has expired (best_before)", status_code=410)
        existing = self._sandbox.state.order(self.name, payment_id)
        if existing is not None:
            if existing.kind == "page" and existing.amount == amount:
                return existing
            raise InboundError(f"payment_id {payment_id} was already used")
        details: dict[str, Any] = {
            "customer": {"id": customer_id},
            "callback_url": callback_url,
            "success_url": params.get("merchant_success_url"),
            "fail_url": params.get("merchant_fail_url") or params.get("merchant_success_url"),
            "description": params.get("payment_description", ""),
        }
        if self._sandbox.shapes.ecommpay_intermediate(payment_id) == RETRY_WORD:
            details["failed_attempt"] = self._failed_attempt()
        order = self._new_order(
            kind="page",
            payment_id=payment_id,
            amount=amount,
            status=PROCESSING,
            expires_at=self._sandbox.expiry(best_before),
            details=details,
        )
        self._sandbox.open_order(order)
        return order

    def _gate(
        self, handler: Callable[[Request, dict[str, Any]], tuple[int, dict[str, Any]]]
    ) -> Callable[[Request], Any]:
        """Wrap a Gate endpoint: capped JSON body, project and signature, the error shape."""

        async def endpoint(request: Request) -> Response:
            data: dict[str, Any] = {}
            try:
                data = parse_json_object(await read_body(request, self._config.max_body_bytes))
                self._authenticate(data)
                status_code, answer = handler(request, data)
            except InboundError as exc:
                status_code, answer = exc.status_code, _gate_error(exc, data)
            return Response(json_bytes(answer), status_code, media_type="application/json")

        return endpoint

    def _authenticate(self, data: dict[str, Any]) -> None:
        require_object(data, "general")
        project_id = require_int(data, "general.project_id", low=1, high=2**63)
        require_str(data, "general.signature", max_length=1024)
        if project_id != self._config.ecommpay_project_id:
            raise InboundError(
                f"unknown general.project_id {project_id}", status_code=401, code="unknown_project"
            )
        if not verify_ecommpay_signature(data, self._config.ecommpay_secret_key):
            raise InboundError(
                "general.signature does not match the request",
                status_code=401,
                code="invalid_signature",
            )

    def _sale(self, request: Request, data: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        payment_id, customer, amount = self._common_fields(data, PURCHASE_LIMITS)
        customer["first_name"] = require_str(data, "customer.first_name", optional=True)
        customer["email"] = require_str(data, "customer.email", optional=True)
        order = self._new_order(
            kind="sale",
            payment_id=payment_id,
            amount=amount,
            status=AWAITING_REDIRECT,
            expires_at=self._sandbox.expiry(),
            details={
                "customer": customer,
                "callback_url": require_url(data, "general.merchant_callback_url", optional=True),
                "wallet_url": self._sandbox.base_url(request) + WALLET_PATH,
                "description": require_str(data, "payment.description", optional=True) or "",
            },
        )
        self._sandbox.open_order(order)
        self._callback(order)
        return 200, _acknowledgement(order, self._config.ecommpay_project_id)

    def _payout(self, request: Request, data: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Paid (or declined) at once, except a payout of :data:`RETRIED_PAYOUT_AMOUNTS`: its
        first attempt declined, it is called back ``awaiting retry`` and stays pending."""
        payment_id, customer, amount = self._common_fields(data, PAYOUT_LIMITS)
        retried = amount in RETRIED_PAYOUT_AMOUNTS
        details = {
            "customer": customer,
            "callback_url": require_url(data, "general.merchant_callback_url", optional=True),
            "account_number": require_str(data, "account.number", max_length=64),
            "customer_name": require_str(data, "account.customer_name"),
            "description": require_str(data, "payment.description", optional=True) or "",
        }
        if retried:
            details["failed_attempt"] = self._failed_attempt()
        order = self._new_order(
            kind="payout",
            payment_id=payment_id,
            amount=amount,
            status=PAYOUT_RETRY_WORD if retried else PROCESSING,
            expires_at=None,
            details=details,
        )
        if retried:
            self._sandbox.open_order(order)
            self._callback(order)
        else:
            self._sandbox.state.add_order(order)
            self._sandbox.settle(order, Choice.PAY)
        return 200, _acknowledgement(order, self._config.ecommpay_project_id)

    def _failed_attempt(self) -> dict[str, Any]:
        """The ids of a declined attempt before the one that settles the payment (a Payment
        Page attempt the customer may retry, a payout ecommpay retries)."""
        return {
            "id": next(self._operation_ids),
            "request_id": f"{secrets.token_hex(20)}-{secrets.token_hex(20)}",
        }

    def _status(self, request: Request, data: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """The payment with ``operations[]`` and ``errors[]``; "not found" as HTTP 404 or as
        an ``errors[]`` entry in a 200, per payment id."""
        payment_id = require_str(data, "general.payment_id")
        order = self._sandbox.state.order(self.name, payment_id)
        if order is None:
            if self._sandbox.shapes.ecommpay_not_found_form(payment_id) == "errors":
                errors = [{"field": "general.payment_id", "message": "Payment not found"}]
                answer = {"project_id": self._config.ecommpay_project_id, "errors": errors}
                return 200, self._signed(answer)
            raise InboundError(
                f"payment {payment_id} not found", status_code=404, code="payment_not_found"
            )
        body = self._payment_body(order)
        del body["operation"]
        tried = order.outcome is not Outcome.PENDING and "failed_attempt" in order.details
        retry_word = PAYOUT_RETRY_WORD if order.kind == "payout" else RETRY_WORD
        earlier = (
            [self._payment_body(order, interim=retry_word, upto=0)["operation"]] if tried else []
        )
        body["operations"] = earlier + [
            self._payment_body(order, upto=done)["operation"]
            for done in range(self.operations(order))
        ]
        return 200, self._signed(body)

    def _common_fields(
        self, data: dict[str, Any], limits: tuple[int, int]
    ) -> tuple[str, dict[str, Any], int]:
        payment_id = require_str(data, "general.payment_id")
        customer = {"id": require_str(data, "customer.id")}
        address = require_str(data, "customer.ip_address", max_length=45)
        try:
            ipaddress.ip_address(address)
        except ValueError:
            raise InboundError(f"customer.ip_address {address!r} is not an IP address") from None
        amount = require_int(data, "payment.amount", low=limits[0], high=limits[1])
        _require_currency(field(data, "payment.currency"), "payment.currency")
        if self._sandbox.state.order(self.name, payment_id) is not None:
            raise InboundError(
                f"general.payment_id {payment_id} was already used", code="payment_exists"
            )
        return payment_id, customer, amount

    def _new_order(
        self,
        *,
        kind: str,
        payment_id: str,
        amount: int,
        status: str,
        expires_at: datetime | None,
        details: dict[str, Any],
    ) -> Order:
        return Order(
            provider=self.name,
            kind=kind,
            order_id=payment_id,
            amount=amount,
            rupiah_text=rupiah_text(amount, minor_units=True),
            session_id=self._sandbox.new_session(),
            created_at=self._sandbox.now(),
            provider_status=status,
            expires_at=expires_at,
            details={
                "operation_id": next(self._operation_ids),
                "request_id": f"{secrets.token_hex(20)}-{secrets.token_hex(20)}",
                **details,
            },
        )

    def _callback(self, order: Order) -> None:
        """The callback for the order's state; a settled purchase may first get an
        intermediate one (``external processing``, ``awaiting customer``), as on ecommpay, and
        a split payout's first part has one of its own (one callback per operation); a payout
        awaiting retry is called back while still pending, naming its declined attempt."""
        url = self._callback_url(order)
        if url is None:
            return
        refunds = order.details.get("refunds", ())
        word = _refund_word(order.amount, refunds) if refunds else order.provider_status
        final = self._delivery(order, url, self._callback_body(order), word)
        first = None
        if order.kind in ("page", "sale") and order.outcome is not Outcome.PENDING and not refunds:
            interim = self._sandbox.shapes.ecommpay_intermediate(order.order_id)
            if interim is not None:
                body = self._signed(self._payment_body(order, interim=interim))
                first = self._delivery(order, url, body, interim)
        elif order.outcome is Outcome.PAID and order.details.get("parts"):
            first = self._delivery(
                order, url, self._signed(self._payment_body(order, upto=0)), PROCESSING
            )
        if first is None:
            self._sandbox.deliverer.send(final)
        else:
            self._sandbox.deliverer.send(first, then=final)

    def _callback_url(self, order: Order) -> str | None:
        """The request's callback URL, else the project's; ``None`` (and listed) if neither."""
        url = order.details["callback_url"] or self._config.ecommpay_callback_url
        if url is None:
            self._sandbox.deliverer.record_undeliverable(
                "ecommpay-callback",
                order.order_id,
                order.provider_status,
                "no merchant_callback_url in the request and none configured",
            )
        return url

    def _callback_body(self, order: Order) -> dict[str, Any]:
        """The signed callback of the order's state; a Gate sale's redirect callback comes in
        one of three forms (:data:`~pos_app.sandbox.shapes.ECOMMPAY_REDIRECT_FORMS`)."""
        payload = self._payment_body(order)
        redirect = payload.get("redirect_data")
        form = self._sandbox.shapes.ecommpay_redirect_form(order.order_id)
        if redirect is None or form == "full":
            return self._signed(payload)
        if form == "bare":
            shaped = {"payment": {"id": order.order_id}, "redirectData": redirect}
        else:
            payment = payload["payment"]
            shaped = {
                "general": {"project_id": payload["project_id"], "payment_id": order.order_id},
                "payment": {key: payment[key] for key in ("id", "status", "method", "date")},
                "customer": payload["customer"],
                "return_url": redirect,
                "sum_request": payment["sum"],
            }
        signature = ecommpay_signature(shaped, self._config.ecommpay_secret_key)
        general = {**shaped.get("general", {}), "signature": signature}
        return {**shaped, "general": general}

    def _delivery(self, order: Order, url: str, payload: dict[str, Any], event: str) -> Delivery:
        body = json_bytes(payload)
        return Delivery(
            kind="ecommpay-callback",
            order_id=order.order_id,
            event=event,
            url=url,
            offsets=ECOMMPAY_RETRY_OFFSETS,
            build=lambda: (body, {"Content-Type": "application/json"}),
            acknowledges=lambda code: code == 200,
        )

    def _signed(self, payload: dict[str, Any]) -> dict[str, Any]:
        signature = ecommpay_signature(payload, self._config.ecommpay_secret_key)
        return {**payload, "signature": signature}

    def _payment_body(
        self, order: Order, *, interim: str | None = None, upto: int | None = None
    ) -> dict[str, Any]:
        """The callback body (the status answer has the same shape, with ``operations[]``);
        ``interim`` gives the still-pending snapshot sent before a purchase's final callback
        (or, in a retry word, the declined attempt before a payment's final operation),
        ``upto`` the snapshot after that many of its refunds, or after part ``upto + 1`` of a
        split payout (still ``processing`` before its last part), all of them when ``None``.

        Beyond the seed's examples it carries what ecommpay's callbacks carry (SDK and plugin
        callback formats): ``errors[]`` (empty unless declined), ``operation.provider
        .endpoint_id``, an empty ``provider_extra_fields`` object; empty objects and lists are
        invisible to the signature. No nulls, no floats, so the official SDK's signature
        check agrees with ours.
        """
        details = order.details
        money = {"amount": order.amount, "currency": CURRENCY}
        settled = interim is None and order.outcome is not Outcome.PENDING
        date = _date(order.settled_at if settled and order.settled_at else order.created_at)
        reversed_ = order.outcome is Outcome.REVERSED
        # A reversed payout says "reversed" with no sum left, or "decline" with the sum asked,
        # as ecommpay's declined payouts do (Shapes.ecommpay_reversed_word).
        nothing_left = reversed_ and order.provider_status == REFUND_WORDS["reversal"][1]
        refunds = order.details.get("refunds", [])[:upto]
        status = interim or order.provider_status
        if refunds:
            status = _refund_word(order.amount, refunds)
        payout = order.kind == "payout"
        provider: dict[str, Any] = {
            "id": DOKU_PROVIDER_ID,
            "payment_id": details.get("provider_payment_id", "") if settled else "",
            "auth_code": "",
            "endpoint_id": DOKU_ENDPOINT_ID,
        }
        operation: dict[str, Any] = {
            "id": details["operation_id"],
            "type": "payout" if payout else "sale",
            "status": status,
            "date": date,
            "created_date": _date(order.created_at),
            "request_id": details["request_id"],
            "sum_initial": money,
            "sum_converted": money,
            "provider": provider,
        }
        parts = details.get("parts", [])[: None if upto is None else upto + 1] if settled else []
        if parts:
            part = parts[-1]
            paid_part = {"amount": part["amount"], "currency": CURRENCY}
            provider["payment_id"] = part["provider_payment_id"]
            operation.update(
                id=part["id"],
                status=part["status"],
                request_id=part["request_id"],
                sum_initial=paid_part,
                sum_converted=paid_part,
            )
            if len(parts) < len(details["parts"]):
                status = PROCESSING
        if reversed_:
            date = _date(datetime.fromisoformat(details["reversed_at"]))
            operation.update(
                id=details["reversal_operation_id"], type="reversal", status="success", date=date
            )
        balance = {"amount": order.amount - _refunded(refunds), "currency": CURRENCY}
        if refunds:
            refund = refunds[-1]
            date = _date(datetime.fromisoformat(refund["at"]))
            paid_back = {"amount": abs(refund["amount"]), "currency": CURRENCY}
            provider["payment_id"] = refund["provider_payment_id"]
            operation.update(
                id=refund["id"],
                type=refund["type"],
                status="success",
                date=date,
                created_date=date,
                request_id=refund["request_id"],
                sum_initial=paid_back,
                sum_converted=paid_back,
            )
        errors: list[dict[str, Any]] = []
        if "code" in details and settled:
            provider["date"] = date
            operation["code"], operation["message"] = details["code"], details["message"]
            if parts:
                operation["code"], operation["message"] = parts[-1]["code"], parts[-1]["message"]
            if order.outcome not in (Outcome.PAID, Outcome.REVERSED):
                errors.append({"code": int(details["code"]), "message": details["message"]})
        body: dict[str, Any] = {
            "project_id": self._config.ecommpay_project_id,
            "payment": {
                "id": order.order_id,
                "type": "payout" if payout else "purchase",
                "status": status,
                "date": date,
                "method": "Doku",
                "sum": {"amount": 0, "currency": CURRENCY} if nothing_left else balance,
                "description": details["description"],
            },
            "customer": {"id": details["customer"]["id"]},
            "operation": operation,
            "errors": errors,
            "provider_extra_fields": {},
        }
        attempt = details.get("failed_attempt")
        if attempt is not None:
            retrying = status in RETRY_WORDS
            if not payout:  # the Payment Page's fields about its customer's attempts
                left = 0.0
                if retrying and order.expires_at is not None:
                    left = (order.expires_at - self._sandbox.now()).total_seconds()
                body["payment"]["is_new_attempts_available"] = retrying
                body["payment"]["attempts_timeout"] = max(0, int(left))
            if retrying:
                code, message = LIMIT_DECLINE
                operation.update(
                    id=attempt["id"],
                    status="decline",
                    request_id=attempt["request_id"],
                    code=code,
                    message=message,
                )
                errors.append({"code": int(code), "message": message})
        if settled and (order.outcome is Outcome.PAID or payout):
            body["account"] = {"number": details["account_number"]}
        if order.kind == "sale" and order.outcome is Outcome.PENDING and interim is None:
            body["redirect_data"] = self._redirect_data(order)
        return body

    def _redirect_data(self, order: Order) -> dict[str, Any]:
        """Like DOKU's form in the seed; the sandbox's wallet page checks WORDS and SESSIONID."""
        customer = order.details["customer"]
        amount = _decimal_text(order.amount)
        return {
            "method": "POST",
            "body": {
                "MALLID": MALL_ID,
                "CHAINMERCHANT": "NA",
                "AMOUNT": amount,
                "PURCHASEAMOUNT": amount,
                "TRANSIDMERCHANT": order.details["operation_id"],
                "PAYMENTTYPE": "SALE",
                "WORDS": self._words(order),
                "REQUESTDATETIME": order.created_at.strftime("%Y%m%d%H%M%S"),
                "CURRENCY": "360",
                "PURCHASECURRENCY": "360",
                "SESSIONID": order.session_id,
                "NAME": customer.get("first_name") or "",
                "EMAIL": customer.get("email") or "",
                "BASKET": f"Sale,{amount},1,{amount}",
                "PAYMENTCHANNEL": "41",
            },
            "encrypted": [],
            "url": order.details["wallet_url"],
        }

    def _words(self, order: Order) -> str:
        text = f"{_decimal_text(order.amount)}{MALL_ID}{order.details['operation_id']}"
        text += order.session_id
        return hmac.new(self._words_key, text.encode(), hashlib.sha1).hexdigest()


def _provider_payment_id() -> str:
    """DOKU's id for an operation that moved money, as ``operation.provider.payment_id``."""
    return str(secrets.randbelow(900000) + 100000)


def _refunded(refunds: Sequence[Mapping[str, Any]]) -> int:
    """Minor units paid back by ``refunds`` (less those an undone refund's came back)."""
    return sum(refund["amount"] for refund in refunds)


def _refund_word(amount: int, refunds: Sequence[Mapping[str, Any]]) -> str:
    """``payment.status`` after ``refunds`` of a purchase of ``amount`` (see REFUND_WORDS):
    the newest refund's words, ``success`` once every refund was undone."""
    refunded = _refunded(refunds)
    if not refunded:
        return "success"
    kind = next(refund["type"] for refund in reversed(refunds) if refund["type"] in REFUND_WORDS)
    partly, wholly = REFUND_WORDS[kind]
    return wholly if refunded >= amount else partly


def _declined(outcome: Outcome, reason: tuple[str, str]) -> Settlement:
    return Settlement(outcome, "decline", {"code": reason[0], "message": reason[1]})


def _acknowledgement(order: Order, project_id: int) -> dict[str, Any]:
    """The synchronous Gate answer only says the request was accepted; callbacks tell the rest."""
    return {
        "status": "success",
        "request_id": order.details["request_id"],
        "project_id": project_id,
        "payment_id": order.order_id,
    }


def _gate_error(error: InboundError, data: Mapping[str, Any]) -> dict[str, Any]:
    answer: dict[str, Any] = {"status": "error", "code": error.code, "message": error.message}
    for name in ("project_id", "payment_id"):
        value = field(data, f"general.{name}")
        if isinstance(value, int | str) and not isinstance(value, bool):
            answer[name] = value
    return answer


def _require_currency(value: object, path: str) -> None:
    if value != CURRENCY:
        raise InboundError(f"{path} must be {CURRENCY} for DOKU Wallet, got {value!r}")


def _best_before(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InboundError(f"best_before must be an ISO 8601 time, got {value!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def _decimal_text(minor: int) -> str:
    return f"{minor // 100}.{minor % 100:02d}"
