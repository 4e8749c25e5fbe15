"""DOKU direct (Non-SNAP) HTTP client: create a DOKU Wallet order, ask an order's status.

Every request is signed, every answer we act on must carry a valid DOKU signature, and a lost
answer to an order creation is resolved without ever creating a second order: the create
Request-Id is derived from the invoice number, so a retransmission (now, or after a restart) is
the same request with the same body, which DOKU answers with the first response (HTTP 409).

DOKU does not say whether that 409 replay is signed for the new request. One that does not
verify is not trusted on its own: a (signed) status check decides. If DOKU knows the order, with
our amount, the replayed page URL is used; if it does not, no order exists and the create is
sent again under a fresh Request-Id (DOKU refuses a second order for an invoice number anyway).

"No such order" comes in two shapes: HTTP 404 with DOKU's error object, or a signed 2xx answer
with neither ``error`` nor ``transaction`` (the shape DOKU's own Magento plugin treats as "not
found"). Both raise :class:`OrderNotFound`.
"""

import json
import logging
import uuid
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx

from pos_app.clients.http_client import HttpClient
from pos_app.domain.basket import MAX_QUANTITY
from pos_app.domain.catalog import MAX_NAME_LENGTH
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import CURRENCY, check_amount
from pos_app.domain.texts import N_
from pos_app.domain.web_address import is_http_url
from pos_app.payments.doku.notification import (
    check_signature,
    event_from_payload,
    parse_doku_time,
)
from pos_app.payments.doku.signing import (
    RESPONSE_TIMESTAMP,
    new_request_id,
    signed_headers,
)
from pos_app.payments.errors import (
    PaymentUnknown,
    ProviderProtocolError,
    ProviderRejected,
    ProviderUnreachable,
    SignatureMismatch,
    answered_nothing,
    body_snippet,
    read_provider_json,
)
from pos_app.payments.model import (
    MAX_INVOICE_LENGTH,
    NO_CURRENCY,
    PaymentOrder,
    PaymentRequest,
    ProviderName,
    StatusResult,
)

log = logging.getLogger(__name__)

CREATE_PATH = "/dokuwallet-emoney/v1/payment"
STATUS_PATH = "/orders/v1/status/"
REQUEST_ID_NAMESPACE = uuid.UUID("6f1b7c2e-4d0a-5b8e-9c3f-2a7d1e5b9c40")
"""Fixed forever: changing it would give an invoice already sent a second create Request-Id."""
_EXPIRY_KEYS = ("expired_date", "expiry", "expires_at")


class OrderNotFound(PaymentUnknown):
    """DOKU does not know the invoice: HTTP 404 with DOKU's error, or a signed 2xx status
    answer with neither ``error`` nor ``transaction``."""


def order_request_id(client_id: str, invoice_number: str) -> str:
    """The one Request-Id ever used to create the order for ``invoice_number``."""
    return str(uuid.uuid5(REQUEST_ID_NAMESPACE, f"{client_id}:{invoice_number}"))


def order_body(
    order: PaymentOrder,
    *,
    notify_url: str,
    success_url: str | None = None,
    failed_url: str | None = None,
    auto_redirect: bool = False,
    override_notification_url: str | None = None,
) -> bytes:
    """The create-order JSON, serialised once, compactly and deterministically.

    The same order and URLs always give the same bytes, so a retransmission matches the first
    request exactly. Raises :class:`ValidationError` for anything DOKU would refuse.
    """
    _check_invoice(order.invoice_number)
    check_amount(order.amount, field="order.amount")
    details: dict[str, Any] = {"invoice_number": order.invoice_number, "amount": order.amount}
    if order.lines:
        details["line_items"] = _line_items(order)
    details["notify_url"] = notify_url
    if success_url is not None:
        details["success_url"] = success_url
    if failed_url is not None:
        details["failed_url"] = failed_url
    details["auto_redirect"] = auto_redirect
    payload: dict[str, Any] = {"order": details}
    if override_notification_url is not None:
        payload["additional_info"] = {"override_notification_url": override_notification_url}
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


class DokuClient(HttpClient):
    """Synchronous DOKU API client; call it off the GUI thread."""

    def __init__(
        self,
        *,
        base_url: str,
        client_id: str,
        secret_key: str,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not client_id or not secret_key:
            raise ValidationError("DOKU client id and secret key must both be set")
        super().__init__(base_url, timeout=timeout, transport=transport)
        self.client_id = client_id
        self._secret_key = secret_key

    def __repr__(self) -> str:
        return f"DokuClient(base_url={self.base_url!r}, client_id={self.client_id!r})"

    def create_order(
        self,
        order: PaymentOrder,
        *,
        notify_url: str,
        success_url: str | None = None,
        failed_url: str | None = None,
        auto_redirect: bool = False,
        override_notification_url: str | None = None,
    ) -> PaymentRequest:
        """Create (or recover) the DOKU Wallet order for ``order`` and return its payment page.

        Raises :class:`ProviderUnreachable` when the outcome cannot be known yet: the caller keeps
        the attempt ``unknown`` and may call again with the same order at any later time.
        """
        body = order_body(
            order,
            notify_url=notify_url,
            success_url=success_url,
            failed_url=failed_url,
            auto_redirect=auto_redirect,
            override_notification_url=override_notification_url,
        )
        request_id = order_request_id(self.client_id, order.invoice_number)
        try:
            response = self._send("POST", CREATE_PATH, request_id, body)
        except ProviderUnreachable as lost:
            log.info("DOKU create for %s got no answer (%s)", order.invoice_number, lost)
            self._status_after_lost_answer(order.invoice_number)
            response = self._send("POST", CREATE_PATH, request_id, body)
        try:
            answer = self._signed_json(response, CREATE_PATH, request_id, also_ok=409)
        except SignatureMismatch as unsigned:
            if response.status_code != 409:
                raise
            return self._resolve_replay(order, body, response, request_id, unsigned)
        return _payment_request(order, answer, response.status_code, request_id)

    def check_status(self, invoice_number: str) -> StatusResult:
        """The order's current status; :class:`OrderNotFound` if DOKU does not know it."""
        _check_invoice(invoice_number)
        path = STATUS_PATH + quote(invoice_number, safe="")
        request_id = new_request_id()
        response = self._send("GET", path, request_id, None)
        answer = self._signed_json(response, path, request_id, get=True)
        if answer.get("transaction") is None:
            raise OrderNotFound(
                f"DOKU does not know order {invoice_number}: HTTP {response.status_code} "
                "without error or transaction",
                status_code=response.status_code,
                code="no_transaction",
            )
        event = event_from_payload(answer)
        if event.invoice_number != invoice_number.strip():
            raise ProviderProtocolError(
                f"DOKU answered the status of {event.invoice_number!r} "
                f"when asked about {invoice_number!r}"
            )
        return StatusResult(
            provider=ProviderName.DOKU,
            invoice_number=invoice_number,
            status=event.status,
            amount=event.amount,
            reference=event.reference,
            raw=event.raw,
            currency=event.currency,
        )

    def _resolve_replay(
        self,
        order: PaymentOrder,
        body: bytes,
        response: httpx.Response,
        request_id: str,
        unsigned: SignatureMismatch,
    ) -> PaymentRequest:
        """A 409 replay whose signature does not verify: a signed status check decides."""
        invoice = order.invoice_number
        log.info("DOKU replayed the create of %s unverified (%s); asking status", invoice, unsigned)
        try:
            status = self.check_status(invoice)
        except OrderNotFound:
            fresh = new_request_id()
            log.info("DOKU has no order %s: creating it under Request-Id %s", invoice, fresh)
            retry = self._send("POST", CREATE_PATH, fresh, body)
            return _payment_request(
                order, self._signed_json(retry, CREATE_PATH, fresh), retry.status_code, fresh
            )
        except (ProviderRejected, ProviderProtocolError) as exc:
            raise ProviderUnreachable(
                N_(
                    "DOKU order {invoice}: the create was replayed unverified and the status "
                    "check failed ({error}); try again later"
                ),
                invoice=invoice,
                error=exc,
            ) from None
        if status.currency != NO_CURRENCY and (status.amount, status.currency) != (
            order.amount,
            CURRENCY,
        ):
            unit = "rupiah" if status.currency == CURRENCY else status.currency
            raise ProviderProtocolError(
                f"DOKU order {invoice} exists for {status.amount} {unit}, not {order.amount} rupiah"
            )
        replay = _json_object(response.content)
        try:
            return _payment_request(order, replay, response.status_code, request_id)
        except ProviderProtocolError:
            raise ProviderRejected(
                f"DOKU order {invoice} exists, but the replayed create answer has no usable "
                "payment page; its status is known through the status API",
                status_code=response.status_code,
                code="replay_without_page",
            ) from None

    def _status_after_lost_answer(self, invoice_number: str) -> None:
        """After a lost create answer: return once DOKU answered a status check either way.

        Anything but a clean answer (found, or not found) leaves the outcome unknown, so it
        becomes :class:`ProviderUnreachable`, never a rejection the caller could read as
        "no order was created".
        """
        try:
            self.check_status(invoice_number)
        except OrderNotFound:
            return
        except (ProviderRejected, ProviderProtocolError) as exc:
            raise ProviderUnreachable(
                N_(
                    "DOKU order {invoice}: the create answer was lost and the status check "
                    "failed ({error}); try again later"
                ),
                invoice=invoice_number,
                error=exc,
            ) from None

    def _send(self, method: str, path: str, request_id: str, body: bytes | None) -> httpx.Response:
        headers = signed_headers(
            client_id=self.client_id,
            secret_key=self._secret_key,
            request_target=path,
            body=body,
            request_id=request_id,
        )
        try:
            return self._http.request(method, path, content=body, headers=headers)
        except httpx.TransportError as exc:
            raise ProviderUnreachable(
                N_("DOKU {method} {path}: no answer ({cause})"),
                method=method,
                path=path,
                cause=type(exc).__name__,
            ) from None

    def _signed_json(
        self,
        response: httpx.Response,
        path: str,
        request_id: str,
        *,
        also_ok: int = 0,
        get: bool = False,
    ) -> dict[str, Any]:
        """The answer as a JSON object, once its signature verifies; errors raised typed.

        Error answers are read without a signature (DOKU may not sign them): they only ever
        make us stop, never trust anything. The answer to a ``get`` is taken signed with or
        without its body's Digest line: DOKU's response-signature page says the Digest is "only
        applied for POST Method", its answer rules sign "the digest of the response body", and
        either needs the secret key.
        """
        status = response.status_code
        payload = _json_object(response.content)
        error = payload.get("error") if isinstance(payload, dict) else None
        if answered_nothing(status):
            said = error.get("message") if isinstance(error, dict) else None
            raise ProviderUnreachable(
                N_(
                    "DOKU answered HTTP {status} to {path} ({said}); whether it took effect "
                    "is unknown until a status check"
                ),
                status=status,
                path=path,
                said=said or body_snippet(response.content),
            )
        if isinstance(error, dict):
            raise _rejection(status, error, path)
        if not (response.is_success or status == also_ok):
            raise ProviderProtocolError(
                f"DOKU answered HTTP {status} to {path} without a DOKU error: "
                f"{body_snippet(response.content)}"
            )
        try:
            self._check_answer(response, path, request_id, None if get else response.content)
        except SignatureMismatch:
            if not get:
                raise
            self._check_answer(response, path, request_id, response.content)
        if not isinstance(payload, dict):
            raise ProviderProtocolError(
                f"DOKU answered HTTP {status} to {path} with no JSON object: "
                f"{body_snippet(response.content)}"
            )
        return payload

    def _check_answer(
        self, response: httpx.Response, path: str, request_id: str, digested: bytes | None
    ) -> None:
        """:func:`check_signature` of an answer, with ``digested`` as its Digest line's body."""
        check_signature(
            response.headers,
            digested,
            client_id=self.client_id,
            secret_key=self._secret_key,
            request_target=path,
            timestamp_header=RESPONSE_TIMESTAMP,
            request_id=request_id,
            what=f"answer to {path}",
        )


def _payment_request(
    order: PaymentOrder, answer: dict[str, Any] | None, status: int, request_id: str
) -> PaymentRequest:
    """The created order's payment page, from a create answer."""
    page = answer.get("doku_wallet_payment_page") if answer else None
    if not isinstance(page, dict):
        page = {}
    url = page.get("url")
    if not is_http_url(url):
        raise ProviderProtocolError(
            f"DOKU answered HTTP {status} to POST {CREATE_PATH} "
            f"without an http(s) doku_wallet_payment_page.url"
        )
    return PaymentRequest(
        provider=ProviderName.DOKU,
        invoice_number=order.invoice_number,
        amount=order.amount,
        payment_url=url,
        expires_at=_expiry(answer or {}, page),
        reference=request_id,
    )


def _json_object(content: bytes) -> dict[str, Any] | None:
    """The body as a JSON object (plain types), or None for anything else."""
    try:
        payload = read_provider_json(content, what="DOKU answer")
    except ProviderProtocolError:
        return None
    return payload if isinstance(payload, dict) else None


def _rejection(status: int, error: dict[str, Any], path: str) -> ProviderRejected:
    code, kind = str(error.get("code") or ""), str(error.get("type") or "")
    message = f"DOKU refused {path} (HTTP {status}, {code or 'no code'}): {error.get('message')}"
    if status == 404 and path.startswith(STATUS_PATH):
        return OrderNotFound(message, status_code=status, code=code, kind=kind)
    return ProviderRejected(message, status_code=status, code=code, kind=kind)


def _check_invoice(invoice_number: str) -> None:
    if not isinstance(invoice_number, str) or not invoice_number.strip():
        raise ValidationError(
            f"order.invoice_number must be a non-empty string, got {invoice_number!r}"
        )
    if len(invoice_number) > MAX_INVOICE_LENGTH:
        raise ValidationError(
            f"order.invoice_number is {len(invoice_number)} characters, "
            f"DOKU allows at most {MAX_INVOICE_LENGTH}"
        )


def _line_items(order: PaymentOrder) -> list[dict[str, Any]]:
    items = []
    for index, line in enumerate(order.lines, start=1):
        where = f"order line {index} ({line.name!r})"
        if not line.name.strip() or len(line.name) > MAX_NAME_LENGTH:
            raise ValidationError(f"{where}: name must be 1 to {MAX_NAME_LENGTH} characters")
        check_amount(line.unit_price, field=f"{where} price", allow_zero=True)
        if isinstance(line.quantity, bool) or not isinstance(line.quantity, int):
            raise ValidationError(f"{where}: quantity must be a whole number")
        if not 1 <= line.quantity <= MAX_QUANTITY:
            raise ValidationError(f"{where}: quantity must be between 1 and {MAX_QUANTITY}")
        items.append({"name": line.name, "price": line.unit_price, "quantity": line.quantity})
    total = sum(line.line_total for line in order.lines)
    if total != order.amount:
        raise ValidationError(
            f"order {order.invoice_number}: line items add up to {total}, "
            f"but order.amount is {order.amount}"
        )
    return items


def _expiry(answer: dict[str, Any], page: dict[str, Any]) -> datetime | None:
    """DOKU does not document an expiry here; use one if a zoned or UTC time shows up."""
    for source in (page, answer.get("order"), answer):
        if isinstance(source, dict):
            for key in _EXPIRY_KEYS:
                moment = parse_doku_time(source.get(key))
                if moment is not None:
                    return moment
    return None
