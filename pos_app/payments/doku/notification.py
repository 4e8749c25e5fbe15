"""DOKU HTTP notifications and order-status answers: verify the signature, read what Kasir needs.

A notification and a status answer have the same body shape (``order``, ``transaction``,
``service``, ``acquirer``, ``channel``, ``additional_info``), so one reader serves both. Reading is
lenient about everything Kasir does not use (DOKU adds fields at any time) and strict about what
it relies on: the invoice number, the amount and the transaction status.

Amount rule: a JSON integer, an integer-valued JSON number (``9000.0``) or a string of ASCII
digits (``"9000"``) is read as whole rupiah; anything with a fraction, a sign, a bool or another
type is refused rather than rounded.
"""

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from pos_app.money import MAX_AMOUNT
from pos_app.payments.doku.signing import REQUEST_TIMESTAMP, verify_doku_signature
from pos_app.payments.errors import ProviderProtocolError, SignatureMismatch
from pos_app.payments.model import PaymentStatus, ProviderEvent, ProviderName

MAX_INVOICE_LENGTH = 64

_STATUSES: dict[str, PaymentStatus] = {
    "SUCCESS": PaymentStatus.PAID,
    "FAILED": PaymentStatus.DECLINED,
    "PENDING": PaymentStatus.PENDING,
    "EXPIRED": PaymentStatus.EXPIRED,
    "REFUNDED": PaymentStatus.REFUNDED,
    # For e-money DOKU means "no final answer yet, ask again later".
    "TIMEOUT": PaymentStatus.PENDING,
}


def doku_status(word: str) -> PaymentStatus:
    """DOKU's transaction status in the terminal's words; an unknown word is a protocol error."""
    try:
        return _STATUSES[word]
    except (KeyError, TypeError):
        raise ProviderProtocolError(
            f"DOKU transaction.status {word!r} is not one of {', '.join(_STATUSES)}"
        ) from None


def parse_notification(body: bytes) -> ProviderEvent:
    """Read a DOKU e-money notification body (already verified, or trusted by the caller)."""
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProviderProtocolError(f"DOKU notification is not JSON: {exc}") from None
    return event_from_payload(payload)


def event_from_payload(payload: Any) -> ProviderEvent:
    """What Kasir relies on from a decoded notification or status answer; ``raw`` keeps all."""
    if not isinstance(payload, dict):
        raise ProviderProtocolError(
            f"DOKU body must be a JSON object, got {type(payload).__name__}"
        )
    order = _object(payload, "order")
    transaction = _object(payload, "transaction")
    invoice = order.get("invoice_number")
    if not isinstance(invoice, str) or not invoice or len(invoice) > MAX_INVOICE_LENGTH:
        raise ProviderProtocolError(
            f"DOKU order.invoice_number must be a non-empty string of at most "
            f"{MAX_INVOICE_LENGTH} characters, got {invoice!r}"
        )
    if "status" not in transaction:
        raise ProviderProtocolError("DOKU transaction.status is missing")
    reference = transaction.get("original_request_id")
    return ProviderEvent(
        provider=ProviderName.DOKU,
        invoice_number=invoice,
        status=doku_status(transaction["status"]),
        amount=_amount(order.get("amount")),
        reference=reference if isinstance(reference, str) and reference else None,
        occurred_at=parse_doku_time(transaction.get("date")),
        raw=payload,
    )


def verify_notification(
    headers: Mapping[str, str],
    body: bytes,
    *,
    client_id: str,
    secret_key: str,
    request_target: str,
) -> ProviderEvent:
    """Check a notification's Client-Id and Signature, then parse it.

    ``request_target`` is the public path DOKU posted to (it may differ from the local route
    behind a reverse proxy).
    """
    check_signature(
        headers,
        body,
        client_id=client_id,
        secret_key=secret_key,
        request_target=request_target,
        what="notification",
    )
    return parse_notification(body)


def check_signature(
    headers: Mapping[str, str],
    body: bytes | None,
    *,
    client_id: str,
    secret_key: str,
    request_target: str,
    timestamp_header: str = REQUEST_TIMESTAMP,
    request_id: str | None = None,
    what: str,
) -> None:
    """Raise :class:`SignatureMismatch` unless ``headers`` carry a valid DOKU signature of ``body``.

    Serves notifications (``Request-Timestamp``) and API answers (``Response-Timestamp``, and
    ``request_id`` = the id we sent, so an answer to another request is not accepted). Header
    names are matched case-insensitively whatever the Mapping type.
    """
    found = {name.lower(): value for name, value in headers.items()}
    names = ("Client-Id", "Request-Id", timestamp_header, "Signature")
    missing = [name for name in names if not found.get(name.lower())]
    if missing:
        raise SignatureMismatch(f"DOKU {what} lacks header(s) {', '.join(missing)}")
    received_client, received_id, timestamp, signature = (found[name.lower()] for name in names)
    if received_client != client_id:
        raise SignatureMismatch(
            f"DOKU {what} is for Client-Id {received_client!r}, not ours ({client_id!r})"
        )
    if request_id is not None and received_id != request_id:
        raise SignatureMismatch(
            f"DOKU {what} answers Request-Id {received_id!r}, not ours ({request_id!r})"
        )
    if not verify_doku_signature(
        signature=signature,
        client_id=received_client,
        request_id=received_id,
        timestamp=timestamp,
        request_target=request_target,
        secret_key=secret_key,
        body=body,
        timestamp_header=timestamp_header,
    ):
        raise SignatureMismatch(
            f"DOKU {what} signature does not verify for Request-Target {request_target} "
            f"(wrong key, altered body or header, or another target)"
        )


def _object(payload: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = payload.get(name)
    if not isinstance(value, dict):
        raise ProviderProtocolError(
            f"DOKU {name} must be a JSON object, got {'nothing' if value is None else repr(value)}"
        )
    return value


def _amount(value: object) -> int:
    if isinstance(value, float) and value.is_integer():
        amount = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = value
    elif isinstance(value, str) and value.isascii() and value.isdigit():
        amount = int(value)
    else:
        raise ProviderProtocolError(
            f"DOKU order.amount must be a whole number of rupiah, got {value!r}"
        )
    if not 0 <= amount <= MAX_AMOUNT:
        raise ProviderProtocolError(f"DOKU order.amount {amount} is out of range")
    return amount


def parse_doku_time(value: object) -> datetime | None:
    """An ISO 8601 date and time from a DOKU body as UTC, or None.

    DOKU documents UTC, so a zone-less value is taken as UTC; a bare date is not a moment. Only
    informative fields go through here, so an unreadable value is not an error.
    """
    if not isinstance(value, str) or ":" not in value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
