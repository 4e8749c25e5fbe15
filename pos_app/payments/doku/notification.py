"""DOKU HTTP notifications and order-status answers: verify the signature, read what Kasir needs.

A notification and a status answer have the same body shape (``order``, ``transaction``,
``service``, ``acquirer``, ``channel``, ``additional_info``), so one reader serves both. Reading is
lenient about everything Kasir does not use (DOKU adds ``customer``, ``emoney_payment``,
``merchant``, ``issuer``, ``tips`` … at any time) and strict about what it relies on: the invoice
number, the transaction status, and the amount of a SUCCESS (in rupiah unless ``order.currency``
names another currency, :func:`order_currency`).

Amount rule (:func:`rupiah_amount`): DOKU sends ``order.amount`` as a JSON integer (``6000``), a
JSON decimal (``6000.00``) or a decimal string (``"6000.00"``, ``"6000"``); all are read exactly
(as :class:`~decimal.Decimal`, never through float arithmetic) and must be whole rupiah between 0
and :data:`~pos_app.domain.money.MAX_AMOUNT`.
A fraction (``6000.50``), a sign, an exponent in a string,
NaN or an absurd size is refused rather than rounded; so is an amount with more than two decimals
(``"10.000"``), which DOKU never writes and an Indonesian reader takes for ten thousand.

Refund rule: ``REFUNDED`` is read as the whole payment refunded at DOKU, because no Non-SNAP
body says how much went back: ``order.amount`` is the order's amount, and DOKU documents no
refund field there (Check Status Non-SNAP lists ``REFUNDED`` for e-money with the same body,
and no partial word). Yet DOKU refunds a non-card payment "full or partial" on request
(docs.doku.com, Manage Finances, Refund), so a REFUNDED may stand for part of the payment:
the manager's list of refunded payments is where it is checked against DOKU's confirmation.
DOKU's refund amounts live elsewhere (the card refund request's ``refund.amount``, SNAP Direct
Debit's ``refundHistory[].refundAmount``); a DOKU Wallet notification carries neither. A
REFUNDED need not name ``order.amount`` at all: Kasir never uses it.
"""

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from pos_app.domain.money import CURRENCY, MAX_AMOUNT
from pos_app.payments.doku.signing import REQUEST_TIMESTAMP, verify_doku_signature
from pos_app.payments.errors import (
    JsonNumber,
    ProviderProtocolError,
    SignatureMismatch,
    SignedButUnreadable,
    read_provider_json,
)
from pos_app.payments.model import (
    MAX_INVOICE_LENGTH,
    NO_CURRENCY,
    NO_PAYMENT,
    PaymentStatus,
    ProviderEvent,
    ProviderName,
    unread_event,
)

_STATUSES: dict[str, PaymentStatus] = {
    "SUCCESS": PaymentStatus.PAID,
    "FAILED": PaymentStatus.DECLINED,
    "PENDING": PaymentStatus.PENDING,
    "EXPIRED": PaymentStatus.EXPIRED,
    "REFUNDED": PaymentStatus.REFUNDED,
    # Not final, "ask again later": TIMEOUT is how an e-money order waits (an unpaid DOKU Wallet
    # order ends FAILED or TIMEOUT), REDIRECT waits for the acquirer's verification.
    "TIMEOUT": PaymentStatus.PENDING,
    "REDIRECT": PaymentStatus.PENDING,
}
_NEED_AMOUNT = frozenset({PaymentStatus.PAID})
"""Words whose amount Kasir relies on, and so must say how much. DOKU leaves ``order.amount``
out of some answers ("some parameters might not be presented in certain status cases"): any
other word without one is no amount in no currency, which no sale takes. A REFUNDED is among
them: Kasir reads it as the paid amount gone back and never uses the amount it names, so
refusing one without an amount would only keep the refund from the till."""
_DECIMAL_TEXT = re.compile(r"[0-9]{1,30}(?:\.[0-9]{1,30})?")
_THOUSANDS_LOOKALIKE = re.compile(r"[0-9]+\.[0-9]{3,}")
"""A whole amount written with three or more decimals and no exponent: never DOKU's form."""
_RUPIAH_NAMES = frozenset({CURRENCY, "360"})
"""IDR by its ISO 4217 code or number (DOKU's older payment form sends ``CURRENCY`` ``360``)."""
_CURRENCY_TEXT = re.compile(r"[A-Z0-9]{1,8}")


def _status_word(word: object) -> str | None:
    return word.strip().upper() if isinstance(word, str) and word.strip() else None


def is_known_status(word: object) -> bool:
    """Whether ``word`` is a ``transaction.status`` Kasir knows; the relay logs the others
    ("unknown status, stored as pending") instead of refusing a signed notification."""
    return _status_word(word) in _STATUSES


def doku_status(word: object) -> PaymentStatus:
    """DOKU's transaction status in the terminal's words (padding and case ignored).

    A word DOKU may add later is ``pending``: that never completes a sale, and refusing a
    signed notification would only make DOKU retry it and then drop it. Not a word at all
    (missing, empty, a number) is a protocol error.
    """
    normal = _status_word(word)
    if normal is None:
        raise ProviderProtocolError(
            f"DOKU transaction.status must be a word such as SUCCESS, got {word!r}"
        )
    return _STATUSES.get(normal, PaymentStatus.PENDING)


def rupiah_amount(value: object, *, field: str = "order.amount") -> int:
    """Whole rupiah from a DOKU amount in any of the forms DOKU sends; see the module doc."""
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, JsonNumber):
        number = Decimal(value.text)  # as written: 6000.00, or 6000.0000001 (a fraction)
    elif isinstance(value, float):
        number = Decimal(repr(value))  # a body decoded elsewhere; NaN stays NaN
    elif isinstance(value, str) and _DECIMAL_TEXT.fullmatch(value.strip()):
        number = Decimal(value.strip())
    else:
        number = None
    if number is None or not number.is_finite():
        raise ProviderProtocolError(
            f'DOKU {field} must be a whole number of rupiah (6000, 6000.00 or "6000.00"), '
            f"got {_shown(value)}"
        )
    if not 0 <= number <= MAX_AMOUNT:
        raise ProviderProtocolError(
            f"DOKU {field} {_shown(value)} is out of range (0 to {MAX_AMOUNT} rupiah)"
        )
    try:
        whole = number == number.to_integral_value()
    except InvalidOperation:  # pragma: no cover - in range, so it always has an integral value
        whole = False
    if not whole:
        raise ProviderProtocolError(
            f"DOKU {field} {_shown(value)} has a fraction of a rupiah; it is refused, not rounded"
        )
    written = value.text if isinstance(value, JsonNumber) else value
    if isinstance(written, str) and _THOUSANDS_LOOKALIKE.fullmatch(written.strip()):
        raise ProviderProtocolError(
            f"DOKU {field} {_shown(value)} has more than two decimals: it is refused, as "
            '"10.000" is ten thousand rupiah written the Indonesian way, not ten'
        )
    return int(number)


def order_currency(order: Mapping[str, Any]) -> str:
    """The currency of ``order.amount``: IDR when DOKU names none (DOKU Wallet amounts are
    rupiah) or names IDR; else the code DOKU names, or no currency when it cannot be read, so
    that an amount in anything but rupiah never completes a sale."""
    named = order.get("currency")
    if named is None:
        return CURRENCY
    if isinstance(named, int) and not isinstance(named, bool):
        named = str(named)
    text = named.strip().upper() if isinstance(named, str) else ""
    if not _CURRENCY_TEXT.fullmatch(text):
        return NO_CURRENCY
    return CURRENCY if text in _RUPIAH_NAMES else text


def parse_notification(body: bytes) -> ProviderEvent:
    """Read a DOKU e-money notification body (already verified, or trusted by the caller)."""
    return event_from_payload(read_provider_json(body, what="DOKU notification"))


def event_from_payload(payload: Any) -> ProviderEvent:
    """What Kasir relies on from a decoded notification or status answer (decoded by
    :func:`read_provider_json`, so decimals are read as written); ``raw`` keeps all of it."""
    if not isinstance(payload, dict):
        raise ProviderProtocolError(
            f"DOKU body must be a JSON object, got {type(payload).__name__}"
        )
    order = _object(payload, "order")
    transaction = _object(payload, "transaction")
    invoice = order.get("invoice_number")
    invoice = invoice.strip() if isinstance(invoice, str) else invoice
    if not isinstance(invoice, str) or not invoice or len(invoice) > MAX_INVOICE_LENGTH:
        raise ProviderProtocolError(
            f"DOKU order.invoice_number must be a non-empty string of at most "
            f"{MAX_INVOICE_LENGTH} characters, got {order.get('invoice_number')!r}"
        )
    if "status" not in transaction:
        raise ProviderProtocolError("DOKU transaction.status is missing")
    reference = transaction.get("original_request_id")
    reference = reference.strip() if isinstance(reference, str) else None
    status = doku_status(transaction["status"])
    amount, currency = 0, NO_CURRENCY
    if order.get("amount") is not None or status in _NEED_AMOUNT:
        amount, currency = rupiah_amount(order.get("amount")), order_currency(order)
    return ProviderEvent(
        provider=ProviderName.DOKU,
        invoice_number=invoice,
        status=status,
        amount=amount,
        reference=reference or None,
        occurred_at=parse_doku_time(transaction.get("date")),
        raw=payload,
        currency=currency,
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
    payload = read_provider_json(body, what="DOKU notification")
    try:
        return event_from_payload(payload)
    except ProviderProtocolError as exc:
        if not isinstance(payload, dict):
            raise
        order = payload.get("order")
        invoice = order.get("invoice_number") if isinstance(order, dict) else None
        named = invoice.strip() if isinstance(invoice, str) else ""
        fits = named if 0 < len(named) <= MAX_INVOICE_LENGTH else NO_PAYMENT
        kept = unread_event(ProviderName.DOKU, fits, payload)
        raise SignedButUnreadable(str(exc), kept) from None


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
            # Not naming ours: a notification's refusal goes back to whoever sent it.
            f"DOKU {what} is for Client-Id {received_client!r}, not this shop's"
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
        shown = "nothing" if value is None else _shown(value)
        raise ProviderProtocolError(f"DOKU {name} must be a JSON object, got {shown}")
    return value


def _shown(value: object, limit: int = 60) -> str:
    """A value for an error message: short, whatever its size (a 10^40 or a 4 kB string)."""
    text = repr(str(value)) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def parse_doku_time(value: object) -> datetime | None:
    """An ISO 8601 date and time from a DOKU body as UTC, or None.

    DOKU documents UTC, so a zone-less value is taken as UTC; a bare date is not a moment. Only
    informative fields go through here, so an unreadable value (garbage, a year beyond 9999, an
    offset that overflows) is simply unknown, never an error.
    """
    if not isinstance(value, str) or ":" not in value or len(value) > 64:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None
