"""ecommpay Gate: DOKU Wallet sale and payout requests, the payment status API, and the Gate
provider for the checkout flow.

Gate answers a sale or payout synchronously only with an acknowledgement (the request was
accepted); the outcome arrives later in a callback, or from :meth:`GateClient.status`. Amounts
are rupiah here and become minor units only in the body sent.

The status answer is callback-shaped with ``operations[]`` (oldest first) and ``errors[]``
lists (ecommpay's WooCommerce plugin, ``EcpGatewayInfoStatus``). A payment ecommpay never
registered (a Payment Page the customer closed) is "not found": ecommpay says so with an error
(an ``errors[]`` entry or a top-level ``code``/``message``), in a 200 or a 4xx answer, and not
only with HTTP 404; every form raises :class:`PaymentNotFound`.
"""

import ipaddress
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from pos_app.clients.http_client import HttpClient
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import CURRENCY, to_minor_units
from pos_app.domain.texts import N_
from pos_app.domain.web_address import required_http_url
from pos_app.payments.ecommpay.callback import purchase_operation, read_payment
from pos_app.payments.ecommpay.limits import (
    PAYOUT_LIMIT,
    PURCHASE_LIMIT,
    check_purchase_limit,
    check_within,
)
from pos_app.payments.ecommpay.signing import (
    PAYMENT_PAGE_BASE_URL,
    check_portable,
    ecommpay_signature,
    payment_page_url,
    signed_fields,
    verify_ecommpay_signature,
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
from pos_app.payments.model import PaymentOrder, PaymentRequest, ProviderName, StatusResult

SALE_PATH = "/v2/payment/wallet/doku/sale"
PAYOUT_PATH = "/v2/payment/wallet/doku/payout"
STATUS_PATH = "/v2/payment/status"
MAX_PAYMENT_ID_LENGTH = 255
NOT_FOUND_CODES = frozenset({"payment_not_found"})
"""Error codes that mean "no such payment" (the sandbox's word); real answers are recognised
by their message, since ecommpay's numeric codes for it are not published."""
_NOT_FOUND_TEXT = re.compile(r"not\s+(?:been\s+)?(?:found|registered)|does\s+not\s+exist", re.I)


class PaymentNotFound(PaymentUnknown):
    """ecommpay has no payment with this id (HTTP 404, or a "not found" error in the answer):
    nothing was started."""


@dataclass(frozen=True, slots=True)
class GateAck:
    """Gate accepted a request; the payment's outcome comes later."""

    payment_id: str
    request_id: str
    raw: Mapping[str, Any] = field(default_factory=dict)


class GateClient(HttpClient):
    """Synchronous Gate client for one ecommpay project; call it off the GUI thread."""

    def __init__(
        self,
        *,
        base_url: str,
        project_id: int,
        secret_key: str,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if isinstance(project_id, bool) or not isinstance(project_id, int) or project_id < 1:
            raise ValidationError(
                f"ecommpay project_id must be a positive integer, got {project_id!r}"
            )
        if not secret_key:
            raise ValidationError("ecommpay secret key must be set")
        super().__init__(base_url, timeout=timeout, transport=transport)
        self.project_id = project_id
        self._secret_key = secret_key

    def __repr__(self) -> str:
        return f"GateClient(base_url={self.base_url!r}, project_id={self.project_id})"

    def payment_page_url(
        self, params: Mapping[str, Any], *, base_url: str = PAYMENT_PAGE_BASE_URL
    ) -> str:
        """A Payment Page URL for this project, signed with its key (which stays in here)."""
        return payment_page_url(
            {"project_id": self.project_id, **params}, self._secret_key, base_url=base_url
        )

    def sale(
        self,
        *,
        payment_id: str,
        amount: int,
        customer_id: str,
        customer_ip: str,
        first_name: str | None,
        email: str | None,
        callback_url: str,
        purchase_limit: int = PURCHASE_LIMIT,
    ) -> GateAck:
        """Ask for a DOKU Wallet purchase of ``amount`` rupiah; a callback brings redirect_data."""
        check_within(amount, check_purchase_limit(purchase_limit), what="purchase")
        customer = _customer(customer_id, customer_ip)
        if first_name:
            customer["first_name"] = first_name
        if email:
            customer["email"] = email
        body = {
            "general": self._general(payment_id, callback_url),
            "customer": customer,
            "payment": {"amount": to_minor_units(amount), "currency": CURRENCY},
        }
        return _ack(self._post(SALE_PATH, body), payment_id)

    def payout(
        self,
        *,
        payment_id: str,
        amount: int,
        account_number: str,
        customer_name: str,
        customer_id: str,
        customer_ip: str,
        callback_url: str,
    ) -> GateAck:
        """Send ``amount`` rupiah to a DOKU wallet; the result comes in a payout callback."""
        check_within(amount, PAYOUT_LIMIT, what="payout")
        body = {
            "general": self._general(payment_id, callback_url),
            "customer": _customer(customer_id, customer_ip),
            "account": {
                "number": _required_text(account_number, "account.number", 64),
                "customer_name": _required_text(customer_name, "account.customer_name", 255),
            },
            "payment": {"amount": to_minor_units(amount), "currency": CURRENCY},
        }
        return _ack(self._post(PAYOUT_PATH, body), payment_id)

    def status(
        self, payment_id: str, *, provider: ProviderName = ProviderName.ECOMMPAY_GATE
    ) -> StatusResult:
        """The payment as ecommpay sees it now; :class:`PaymentNotFound` if it never started."""
        body = {"general": {"project_id": self.project_id, "payment_id": _payment_id(payment_id)}}
        answer = self._post(STATUS_PATH, body)
        payment = answer.get("payment")
        if not isinstance(payment, Mapping) or "status" not in payment:
            errors = _error_texts(answer)
            raise ProviderRejected(
                f"ecommpay status answer for {payment_id} has no payment status: "
                f"{'; '.join(errors) or 'no errors given'}",
                status_code=200,
                code=_first_code(answer),
                kind="no_payment",
            )
        # The payment's own operation, not the latest: after a refund that is the refund's.
        report = read_payment(answer, purchase_operation(answer), source="status answer")
        if report.invoice_number != payment_id:
            raise ProviderProtocolError(
                f"ecommpay status answer is about payment {report.invoice_number!r}, "
                f"not {payment_id!r}"
            )
        return StatusResult(
            provider=provider,
            invoice_number=payment_id,
            status=report.status,
            amount=report.amount,
            reference=report.reference,
            raw=answer,
            currency=report.currency,
            balance=report.balance,
        )

    def _general(self, payment_id: str, callback_url: str) -> dict[str, Any]:
        return {
            "project_id": self.project_id,
            "payment_id": _payment_id(payment_id),
            "merchant_callback_url": required_http_url(
                callback_url, "ecommpay general.merchant_callback_url"
            ),
        }

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """Sign ``body`` into ``general.signature``, send it, and read the answer typed."""
        check_portable(body)
        body["general"]["signature"] = ecommpay_signature(body, self._secret_key)
        content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            response = self._http.post(
                path, content=content, headers={"Content-Type": "application/json"}
            )
        except httpx.TransportError as exc:
            raise ProviderUnreachable(
                N_("ecommpay POST {path}: no answer ({cause})"),
                path=path,
                cause=type(exc).__name__,
            ) from None
        return self._answer(response, path)

    def _answer(self, response: httpx.Response, path: str) -> dict[str, Any]:
        status = response.status_code
        if answered_nothing(status):
            raise ProviderUnreachable(
                N_(
                    "ecommpay answered HTTP {status} to {path} (busy or down); whether it "
                    "took effect is unknown until a status check"
                ),
                status=status,
                path=path,
            )
        payload: object
        try:
            payload = read_provider_json(response.content, what=f"ecommpay answer to {path}")
        except ProviderProtocolError:
            payload = None
        if not isinstance(payload, dict):
            raise ProviderProtocolError(
                f"ecommpay answered HTTP {status} to {path} with no JSON object: "
                f"{body_snippet(response.content)}"
            )
        signed = "signature" in payload or (
            isinstance(payload.get("general"), Mapping) and "signature" in payload["general"]
        )
        if signed:
            if not verify_ecommpay_signature(payload, self._secret_key):
                raise SignatureMismatch(f"ecommpay answer to {path}: signature does not verify")
            payload = signed_fields(payload)
        if path == STATUS_PATH and _not_found(status, payload):
            raise _rejection(status, payload, path, not_found=True)
        if payload.get("status") == "error" or not response.is_success:
            raise _rejection(status, payload, path)
        return payload


class EcommpayGateProvider:
    """ecommpay Gate as a payment provider: the QR shows the relay's ``/r/{token}`` page, which
    forwards the customer's phone to DOKU once the callback with ``redirect_data`` arrives."""

    name = ProviderName.ECOMMPAY_GATE

    def __init__(
        self,
        gate: GateClient,
        *,
        callback_url: str,
        customer_ip: str,
        customer_email: str,
        customer_first_name: str = "Pelanggan",
        purchase_limit: int = PURCHASE_LIMIT,
    ) -> None:
        self.gate = gate
        self.callback_url = required_http_url(callback_url, "ecommpay callback_url")
        self.customer_ip = _ip(customer_ip)
        self.customer_email = _required_text(customer_email, "customer_email", 255)
        self.customer_first_name = customer_first_name
        self.purchase_limit = check_purchase_limit(purchase_limit)
        check_sendable(
            callback_url=self.callback_url,
            customer_email=self.customer_email,
            customer_first_name=self.customer_first_name,
        )

    def __repr__(self) -> str:
        return f"EcommpayGateProvider({self.gate!r}, callback_url={self.callback_url!r})"

    def create_payment(self, order: PaymentOrder) -> PaymentRequest:
        if not order.redirect_url:
            raise ValidationError(
                f"order {order.invoice_number}: ecommpay Gate needs the relay's redirect page "
                "(order.redirect_url) for the QR code"
            )
        ack = self.gate.sale(
            payment_id=order.invoice_number,
            amount=order.amount,
            customer_id=order.customer_id,
            customer_ip=self.customer_ip,
            first_name=self.customer_first_name,
            email=self.customer_email,
            callback_url=self.callback_url,
            purchase_limit=self.purchase_limit,
        )
        return PaymentRequest(
            provider=self.name,
            invoice_number=order.invoice_number,
            amount=order.amount,
            payment_url=order.redirect_url,
            reference=ack.request_id,
        )

    def check_status(self, invoice_number: str) -> StatusResult:
        return self.gate.status(invoice_number, provider=self.name)


def _ack(answer: dict[str, Any], payment_id: str) -> GateAck:
    request_id = answer.get("request_id")
    if answer.get("status") != "success" or not isinstance(request_id, str) or not request_id:
        raise ProviderProtocolError(
            f"ecommpay acknowledgement for {payment_id} lacks status success and a request_id: "
            f"{body_snippet(json.dumps(answer, ensure_ascii=False).encode())}"
        )
    return GateAck(payment_id=payment_id, request_id=request_id, raw=answer)


def check_sendable(**settings: str) -> None:
    """Refuse, when a provider is set up, a setting ecommpay could not sign (a ``;`` in a name,
    e-mail or URL), instead of failing on every payment later; the message names the setting."""
    check_portable(settings)


def _rejection(
    status: int, payload: Mapping[str, Any], path: str, *, not_found: bool = False
) -> ProviderRejected:
    code = _first_code(payload)
    message = "; ".join(_error_texts(payload)) or "no message"
    text = f"ecommpay refused {path} (HTTP {status}, {code or 'no code'}): {message}"
    kind = str(payload.get("status") or "")
    if not_found:
        return PaymentNotFound(text, status_code=status, code=code, kind=kind or "not_found")
    return ProviderRejected(text, status_code=status, code=code, kind=kind)


def _errors(payload: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The answer's error objects: the top level (``code``/``message``) and ``errors[]``."""
    found: list[Mapping[str, Any]] = []
    if "code" in payload or "message" in payload:
        found.append(payload)
    listed = payload.get("errors")
    if isinstance(listed, list):
        found += [item for item in listed if isinstance(item, Mapping)]
    return found


def _error_texts(payload: Mapping[str, Any]) -> list[str]:
    texts = []
    for error in _errors(payload):
        parts = (error.get(key) for key in ("message", "field", "description"))
        text = " ".join(str(part) for part in parts if part not in (None, ""))
        text = text or str(error.get("code") or "")
        if text:
            texts.append(text)
    return texts


def _first_code(payload: Mapping[str, Any]) -> str:
    for error in _errors(payload):
        if error.get("code") not in (None, ""):
            return str(error["code"])
    return ""


def _not_found(status: int, payload: Mapping[str, Any]) -> bool:
    """Whether a status answer says the payment does not exist: HTTP 404, or, when it carries
    no payment status, an error whose code or text says "not found"/"not registered"."""
    if status == 404:
        return True
    payment = payload.get("payment")
    if isinstance(payment, Mapping) and payment.get("status"):
        return False
    for error in _errors(payload):
        if str(error.get("code", "")) in NOT_FOUND_CODES:
            return True
        text = " ".join(str(error.get(key, "")) for key in ("message", "description"))
        if _NOT_FOUND_TEXT.search(text):
            return True
    return False


def _customer(customer_id: str, customer_ip: str) -> dict[str, Any]:
    return {"id": _required_text(customer_id, "customer.id", 255), "ip_address": _ip(customer_ip)}


def _payment_id(value: str) -> str:
    return _required_text(value, "general.payment_id", MAX_PAYMENT_ID_LENGTH)


def _required_text(value: object, name: str, max_length: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"ecommpay {name} must be a non-empty text, got {value!r}")
    if len(value) > max_length:
        raise ValidationError(f"ecommpay {name} is {len(value)} characters, at most {max_length}")
    return value


def _ip(value: object) -> str:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return str(ipaddress.ip_address(value))
    except ValueError:
        raise ValidationError(
            f"ecommpay customer.ip_address {value!r} is not an IP address"
        ) from None
