"""Reading ecommpay callbacks (and the payment part of status answers) into provider events.

Lenient about fields Kasir does not use, since ecommpay adds fields freely; strict about the ones
it relies on, so a malformed callback is refused with the name of the field that is wrong.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pos_app.errors import ValidationError
from pos_app.money import from_minor_units
from pos_app.payments.ecommpay.signing import verify_ecommpay_signature
from pos_app.payments.ecommpay.statuses import payment_status
from pos_app.payments.errors import ProviderProtocolError, SignatureMismatch
from pos_app.payments.model import PaymentStatus, ProviderEvent, ProviderName

CURRENCY = "IDR"


class PaymentType(StrEnum):
    """What a callback is about: money coming in (a sale) or going out to a wallet."""

    PURCHASE = "purchase"
    PAYOUT = "payout"


@dataclass(frozen=True, slots=True)
class RedirectData:
    """Where a Gate customer must be sent: ``url`` with ``body`` as form fields, by ``method``."""

    method: str
    url: str
    body: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class PaymentReport:
    """The payment fields Kasir relies on, read from a callback or a status answer."""

    invoice_number: str
    status: PaymentStatus
    amount: int
    reference: str | None
    occurred_at: datetime | None


def field(payload: Mapping[str, Any], path: str, *, source: str = "callback") -> Any:
    """The value at a dotted ``path``; a missing step is a protocol error naming the path."""
    node: Any = payload
    for key in path.split("."):
        if not isinstance(node, Mapping) or key not in node:
            raise ProviderProtocolError(f"ecommpay {source} has no {path}")
        node = node[key]
    return node


def read_payment(
    payload: Mapping[str, Any], operation: object, *, source: str = "callback"
) -> PaymentReport:
    """The ``payment`` object plus the reference and time of ``operation`` (if it is one)."""
    invoice = field(payload, "payment.id", source=source)
    if not isinstance(invoice, str) or not invoice:
        raise ProviderProtocolError(
            f"ecommpay {source} payment.id must be a non-empty text, got {invoice!r}"
        )
    status = payment_status(field(payload, "payment.status", source=source))
    minor = field(payload, "payment.sum.amount", source=source)
    if isinstance(minor, bool) or not isinstance(minor, int) or minor < 0:
        raise ProviderProtocolError(
            f"ecommpay {source} payment.sum.amount must be a whole number of minor units, "
            f"got {minor!r}"
        )
    currency = payload["payment"]["sum"].get("currency", CURRENCY)
    if currency != CURRENCY:
        raise ProviderProtocolError(
            f"ecommpay {source} payment.sum.currency must be {CURRENCY}, got {currency!r}"
        )
    try:
        amount = from_minor_units(minor)
    except ValidationError as error:
        raise ProviderProtocolError(f"ecommpay {source} payment.sum.amount: {error}") from error
    op = operation if isinstance(operation, Mapping) else {}
    return PaymentReport(
        invoice_number=invoice,
        status=status,
        amount=amount,
        reference=_reference(op),
        occurred_at=_timestamp(op.get("date")) or _timestamp(payload["payment"].get("date")),
    )


def payment_type(payload: Mapping[str, Any]) -> PaymentType:
    """``payment.type``: a purchase or a payout; anything else is not a Kasir payment."""
    word = field(payload, "payment.type")
    try:
        return PaymentType(word)
    except ValueError:
        raise ProviderProtocolError(
            f"ecommpay callback payment.type must be purchase or payout, got {word!r}"
        ) from None


def redirect_data(payload: Mapping[str, Any]) -> RedirectData | None:
    """The Gate redirect a callback carries, with the form fields as text; ``None`` if absent."""
    data = payload.get("redirect_data")
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise ProviderProtocolError("ecommpay callback redirect_data must be an object")
    method = data.get("method")
    url = data.get("url")
    if not isinstance(method, str) or method.upper() not in {"GET", "POST"}:
        raise ProviderProtocolError(
            f"ecommpay callback redirect_data.method must be GET or POST, got {method!r}"
        )
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise ProviderProtocolError(
            f"ecommpay callback redirect_data.url must be an http(s) URL, got {url!r}"
        )
    body = data.get("body") or {}
    if not isinstance(body, Mapping):
        raise ProviderProtocolError("ecommpay callback redirect_data.body must be an object")
    return RedirectData(
        method=method.upper(),
        url=url,
        body={str(key): _form_value(key, value) for key, value in body.items()},
    )


def parse_callback(
    payload: Mapping[str, Any], *, provider: ProviderName = ProviderName.ECOMMPAY_PAGE
) -> ProviderEvent:
    """A verified callback as a provider event; the whole payload is kept as ``raw``.

    A callback does not say whether the payment came from the Payment Page or Gate; the caller
    that registered the payment knows and passes ``provider``.
    """
    if not isinstance(payload, Mapping):
        raise ProviderProtocolError("ecommpay callback must be a JSON object")
    report = read_payment(payload, payload.get("operation"))
    payment_type(payload)
    redirect_data(payload)
    return ProviderEvent(
        provider=provider,
        invoice_number=report.invoice_number,
        status=report.status,
        amount=report.amount,
        reference=report.reference,
        occurred_at=report.occurred_at,
        raw=payload,
    )


def verify_callback(
    body: bytes, secret_key: str, *, provider: ProviderName = ProviderName.ECOMMPAY_PAGE
) -> ProviderEvent:
    """Decode, check the signature, then parse: nothing in an unsigned body is trusted."""
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, ValueError) as error:
        raise ProviderProtocolError(f"ecommpay callback is not valid JSON: {error}") from None
    if not isinstance(payload, dict):
        raise ProviderProtocolError("ecommpay callback must be a JSON object")
    if not verify_ecommpay_signature(payload, secret_key):
        raise SignatureMismatch("ecommpay callback signature does not verify")
    return parse_callback(payload, provider=provider)


def _reference(operation: Mapping[str, Any]) -> str | None:
    provider = operation.get("provider")
    if isinstance(provider, Mapping) and provider.get("payment_id"):
        return str(provider["payment_id"])
    request_id = operation.get("request_id")
    return str(request_id) if request_id else None


def _timestamp(value: object) -> datetime | None:
    """ecommpay writes ``2018-12-14T09:21:58+0000``; a time Kasir cannot read is simply unknown."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _form_value(key: object, value: object) -> str:
    if isinstance(value, Mapping | list):
        raise ProviderProtocolError(
            f"ecommpay callback redirect_data.body.{key} must be a single value"
        )
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)
