"""Reading ecommpay callbacks (and the payment part of status answers) into provider events.

A validly signed callback is answered 200 or retried for 11 days, so it must be stored: one Kasir
cannot read (a ``payment`` without ``payment.id``, an amount that is not a whole number of minor
units) raises :class:`~pos_app.payments.errors.SignedButUnreadable` with the callback as it came,
which the relay keeps apart. One about no payment at all (a token, a recurring plan, a request:
the SDKs' other callback formats) is an event of :data:`~pos_app.payments.model.NO_PAYMENT`,
which no sale ever takes. Everything else is read leniently: unknown
statuses are pending, new fields are ignored, and an amount or currency that cannot be right
for a Kasir sale is kept in a form that never matches one (see :func:`event_money`). Only what
the signature covers is read or kept (:func:`~pos_app.payments.ecommpay.signing.signed_fields`).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pos_app.domain.digits import is_digits
from pos_app.domain.money import CURRENCY
from pos_app.payments.ecommpay.signing import signed_fields, verify_ecommpay_signature
from pos_app.payments.ecommpay.statuses import (
    is_paid_in_part,
    is_partial_refund,
    normal_status,
    payment_status,
)
from pos_app.payments.errors import (
    ProviderProtocolError,
    SignatureMismatch,
    SignedButUnreadable,
    read_provider_json,
)
from pos_app.payments.model import (
    NO_CURRENCY,
    NO_PAYMENT,
    PaymentStatus,
    ProviderEvent,
    ProviderName,
    unread_event,
)

MINOR_UNITS_SUFFIX = "/minor"
"""``IDR/minor``, ``USD/minor``: the amount is in the currency's minor units, exactly as sent."""
UNKNOWN_CURRENCY = "XXX"
"""ISO 4217's code for "no currency": what a callback without a readable currency gets."""
_MAX_EXACT_FLOAT = 2**53


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
    currency: str = CURRENCY
    """``IDR`` when ``amount`` is whole rupiah; otherwise ``<code>/minor`` (see event_money)."""
    balance: bool = False
    """``amount`` is what is left after a partial refund or reversal, not what was paid."""


def field(payload: Mapping[str, Any], path: str, *, source: str = "callback") -> Any:
    """The value at a dotted ``path``; a missing step is a protocol error naming the path."""
    node: Any = payload
    for key in path.split("."):
        if not isinstance(node, Mapping) or key not in node:
            raise ProviderProtocolError(f"ecommpay {source} has no {path}")
        node = node[key]
    return node


def minor_units(
    value: object, *, path: str = "payment.sum.amount", source: str = "callback"
) -> int:
    """A whole, non-negative number of minor units: a JSON integer, an integral JSON number, or
    a string of digits (all three sign as the same text). Anything else is malformed."""
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif (isinstance(value, float) and value.is_integer() and abs(value) <= _MAX_EXACT_FLOAT) or (
        isinstance(value, str) and is_digits(value) and len(value) <= 30
    ):
        number = int(value)
    if number is None or number < 0:
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:60] + "…"
        raise ProviderProtocolError(
            f"ecommpay {source} {path} must be a whole number of minor units, got {shown}"
        )
    return number


def event_money(minor: int, currency: object) -> tuple[int, str]:
    """``(amount, currency)`` for an event, from minor units and the currency sent.

    Whole rupiah (IDR, minor units ending in 00) is ``(rupiah, "IDR")``: the only form that can
    match a Kasir sale. Everything else keeps the exact minor units and says so in the currency,
    ``"IDR/minor"`` or ``"<code>/minor"`` (``"XXX/minor"`` when no currency is readable): DOKU
    Wallet IDR amounts are whole rupiah, so a signed callback with sen in it, or in another
    currency, is stored and shown to the manager but can never complete a sale. Other
    currencies are not divided by 100 because their number of minor digits varies (ISO 4217).
    """
    code = currency.strip().upper() if isinstance(currency, str) and currency.strip() else None
    code = code or UNKNOWN_CURRENCY
    if code == CURRENCY and minor % 100 == 0:
        return minor // 100, CURRENCY
    return minor, code + MINOR_UNITS_SUFFIX


def read_payment(
    payload: Mapping[str, Any], operation: object, *, source: str = "callback"
) -> PaymentReport:
    """The ``payment`` object plus the reference and time of ``operation`` (if it is one).

    Requires ``payment.id``, and a whole ``payment.sum.amount`` when there is a ``payment.sum``;
    an unknown or missing status is pending, a missing currency unknown, a missing sum no
    amount (``0 XXX/minor``, which no sale takes). A paid word without a sum is pending news:
    the next callback or the status answer says how much was paid, and until then nothing is
    completed, nor kept as a payment of another amount; so is a paid-in-part word whose payload
    names no successful part (:func:`_moved_in_part`). ``payment.sum`` is the payment's
    balance: what was paid, less what was refunded or reversed since. A partial refund's
    callback (status ``partially refunded``, ``operation.type`` ``refund``, the refund itself in
    ``operation.sum_initial``) is therefore a paid report for the balance, from which the
    store takes the refunded part (see :mod:`~pos_app.payments.ecommpay.statuses`).
    """
    invoice = field(payload, "payment.id", source=source)
    if isinstance(invoice, int) and not isinstance(invoice, bool):
        invoice = str(invoice)
    if not isinstance(invoice, str) or not invoice.strip():
        raise ProviderProtocolError(
            f"ecommpay {source} payment.id must be a non-empty text, got {invoice!r}"
        )
    payment = payload["payment"]
    status = payment_status(payment.get("status"))
    if status in ENDED_UNPAID and _gave_back(latest_operation(payload)):
        status = PaymentStatus.REFUNDED
    op = operation if isinstance(operation, Mapping) else {}
    moved: int | None = None
    if "sum" in payment:
        moved = minor_units(field(payload, "payment.sum.amount", source=source), source=source)
        if is_paid_in_part(payment.get("status")):
            part = _moved_in_part(payload, payment["sum"].get("currency"))
            moved = None if part is None else min(moved, part)
    if moved is not None:
        amount, currency = event_money(moved, payment["sum"].get("currency"))
    else:
        # News without money: a Gate redirect callback may carry only payment.id and
        # redirect_data; a callback about a failed part of a split payment does not say what
        # its other parts paid. It is stored all the same; no amount in no currency completes
        # no sale.
        amount, currency = 0, NO_CURRENCY
        if status is PaymentStatus.PAID:
            status = PaymentStatus.PENDING
    return PaymentReport(
        invoice_number=invoice.strip(),
        status=status,
        amount=amount,
        reference=_reference(op),
        occurred_at=_timestamp(op.get("date")) or _timestamp(payment.get("date")),
        currency=currency,
        balance=is_partial_refund(payment.get("status")),
    )


PURCHASE_OPERATION = "sale"
"""``operation.type`` of a purchase's own operation (DOKU Wallet purchases are single-message
sales: ``/v2/payment/wallet/doku/sale``). Its refunds and reversals are operations of their own
(``refund``, ``reversal``), with ids of their own: ecommpay's commercetools integration books
only the ``sale`` operation as the payment's charge and finds the others by their own ids
(ecommpay-commercetools-integration ``notification/src/helpers/actions.ts``,
``getTransactionByType``)."""


def purchase_operation(payload: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The purchase's own operation in a callback (its ``operation``) or a status answer (the
    last ``sale`` in ``operations[]``, which lists the sale first and its refunds after it);
    ``None`` when the payload names none, as a refund's callback does."""
    listed = payload.get("operations")
    candidates = [*listed] if isinstance(listed, list) else []
    candidates.append(payload.get("operation"))
    own = [
        operation
        for operation in candidates
        if isinstance(operation, Mapping) and operation.get("type") == PURCHASE_OPERATION
    ]
    return own[-1] if own else None


def purchase_reference(payload: Mapping[str, Any]) -> str | None:
    """The provider's id for the purchase (see :func:`_reference`) from its own operation: a
    refund's id is never the payment's, so a refund's callback names none."""
    operation = purchase_operation(payload)
    return None if operation is None else _reference(operation)


ENDED_UNPAID = frozenset({PaymentStatus.DECLINED, PaymentStatus.FAILED, PaymentStatus.EXPIRED})
GIVING_BACK = frozenset({"reversal", "refund"})
"""``operation.type`` of the operations that give a payment's money back (woocommerce-ecommpay
``common/helpers/EcpGatewayOperationType.php``: "Revert purchase", "Refund back purchase")."""
REFUND_UNDONE = "refund reverse"
"""``operation.type`` of the operation that undoes a refund, its money back with the merchant
(same file: ``REFUND_REVERSE``, "Revert of the refund operation"): the payment's balance in
``payment.sum`` goes up again. ecommpay's plugins handle no such callback, so its words are not
published; Kasir reads it as every operation about the money given back: ``payment.sum`` is the
balance after it, whatever ``payment.status`` says (``partially refunded``, or ``success`` once
nothing stays refunded)."""
BALANCE_NEWS = GIVING_BACK | {REFUND_UNDONE}
"""``operation.type`` of the operations after which ``payment.sum`` names a new balance."""


def latest_operation(payload: Mapping[str, Any]) -> Mapping[str, Any]:
    """The operation a callback names, or a status answer's latest one (``operations[]`` is
    oldest first); empty when there is none."""
    operation = payload.get("operation")
    if operation is None:
        operations = payload.get("operations")
        if isinstance(operations, list) and operations:
            operation = operations[-1]
    return operation if isinstance(operation, Mapping) else {}


def _gave_back(operation: Mapping[str, Any]) -> bool:
    """Whether ``operation`` is a reversal or refund that succeeded: the payment was paid, and
    its money went back.

    A payout ecommpay paid and could not credit is reversed by "the payout reversal operation"
    (developers.ecommpay.com ``en_gate_payout_model.html``), and the platform's payout statuses
    have no ``reversed`` (developers.rocketpay.kz ``en_gate_payout_statuses.html``: ``error``,
    ``processing``, ``awaiting clarification``, ``awaiting retry``, ``partially_paid_out``,
    ``decline``, ``success``): it may end ``decline``. That is no decline after a success, which
    the till would ignore, but a payment refunded (a payout reversed): the money is back, the
    customer still owed it.
    """
    return (
        operation.get("type") in GIVING_BACK and normal_status(operation.get("status")) == SUCCESS
    )


def refund_news(payload: Mapping[str, Any]) -> tuple[int, datetime] | None:
    """When the newest operation about the money given back (:data:`BALANCE_NEWS`, whatever its
    status) that a callback or a status answer names happened: its id, then its date; ``None``
    when it names none with a readable id.

    ecommpay retries each callback for days, so an older operation's may arrive after a newer
    one's; the balance of the newer stands. Operation ids grow as operations are made (a status
    answer lists them oldest first, each with a larger id: the sale, then its refunds); the date
    tells two callbacks of one operation apart (a refund that fails after it was reported is
    the same operation, later)."""
    listed = payload.get("operations")
    operations = listed if isinstance(listed, list) else [payload.get("operation")]
    keys = [
        (number, _timestamp(operation.get("date")) or _NO_DATE)
        for operation in operations
        if isinstance(operation, Mapping)
        and operation.get("type") in BALANCE_NEWS
        and (number := _operation_id(operation.get("id"))) is not None
    ]
    return max(keys, default=None)


_NO_DATE = datetime.min.replace(tzinfo=UTC)


def _operation_id(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and is_digits(value) and len(value) <= 30:
        return int(value)
    return None


PAYOUT_OPERATION = "payout"
"""``operation.type`` of a payout's own operations (one per part when ecommpay splits it)."""
SUCCESS = "success"


def _moved_in_part(payload: Mapping[str, Any], currency: object) -> int | None:
    """What moved of a payment paid in part: the ``sum_initial`` of its own operations that
    succeeded, added up, in minor units of ``currency``; ``None`` when the payload names no
    such operation, or one without a whole sum in ``currency``.

    ecommpay splits a payment its provider cannot take whole into operations of the payment's
    own kind, one callback each, and ends it paid in part when some failed, ``payment.sum``
    still naming the whole amount asked (developers.ecommpay.com ``en_Gate_split_payment.html``;
    ``en_gate_payout_model.html``: "cases when the payout amount is split, result in multiple
    operations generated within a single payment"). A status answer lists them all
    (``operations[]``); a callback names the last one processed, which may be a declined part:
    that says nothing of what the others paid, so it is pending news, and the status answer
    tells. A callback about a successful part names that part only, though earlier parts may
    have paid too: the payout is then listed as one that paid another amount, and the till's
    follow-up asks the status answer for the whole (``problem_payments.told_by_callback``).
    """
    payment = payload.get("payment")
    kind = payment.get("type") if isinstance(payment, Mapping) else None
    own = PAYOUT_OPERATION if kind == PaymentType.PAYOUT else PURCHASE_OPERATION
    listed = payload.get("operations")
    operations = listed if isinstance(listed, list) else [payload.get("operation")]
    parts = [
        operation.get("sum_initial")
        for operation in operations
        if isinstance(operation, Mapping)
        and operation.get("type") == own
        and normal_status(operation.get("status")) == SUCCESS
    ]
    if not parts:
        return None
    moved = 0
    for initial in parts:
        if not isinstance(initial, Mapping) or _code(initial.get("currency")) != _code(currency):
            return None
        try:
            moved += minor_units(initial.get("amount"), path="operation.sum_initial.amount")
        except ProviderProtocolError:
            return None
    return moved


def _code(currency: object) -> str | None:
    return currency.strip().upper() if isinstance(currency, str) else None


def payment_type(payload: Mapping[str, Any]) -> PaymentType:
    """``payment.type``: a purchase or a payout; anything else is not a Kasir payment."""
    word = field(payload, "payment.type")
    try:
        return PaymentType(word)
    except ValueError:
        raise ProviderProtocolError(
            f"ecommpay callback payment.type must be purchase or payout, got {word!r}"
        ) from None


REDIRECT_KEYS = ("redirect_data", "redirectData", "return_url")
"""Each spelling is ecommpay's: the full callback's ``redirect_data`` (its WooCommerce plugin,
``common/models/EcpGatewayInfoCallback.php``), the bare redirect callback's ``redirectData``, and
``return_url`` in the format with ``general.payment_id`` and ``sum_request`` (its SDKs' callback
formats: paymentpage-sdk-python ``tests/test_callback_formats.py``, field 113 "redirectData")."""
ADDRESS_KEYS = frozenset({"return_url"})
"""Spellings other callbacks may use for a plain address: a redirect only as an object."""


def redirect_data(payload: Mapping[str, Any]) -> RedirectData | None:
    """The Gate redirect a callback carries, read from its signed fields only, with the form
    fields as text; ``None`` if absent. Malformed redirect data, or two spellings of it that
    differ, is a protocol error: the customer's phone must not be sent to a guessed form."""
    signed = signed_fields(payload)
    found = [
        signed[key]
        for key in REDIRECT_KEYS
        if signed.get(key) is not None
        and (key not in ADDRESS_KEYS or isinstance(signed[key], Mapping))
    ]
    if not found:
        return None
    data = found[0]
    if any(other != data for other in found[1:]):
        raise ProviderProtocolError(
            "ecommpay callback carries two redirects that differ (redirect_data, redirectData, "
            "return_url)"
        )
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
    """A verified callback as a provider event, read from its signed fields, which are also
    its ``raw`` (so a redelivery with invisible additions is the same event).

    A callback does not say whether the payment came from the Payment Page or Gate; the caller
    that registered the payment knows and passes ``provider``. The callback's ``project_id``
    becomes the event's ``account``.
    """
    if not isinstance(payload, Mapping):
        raise ProviderProtocolError("ecommpay callback must be a JSON object")
    signed = signed_fields(payload)
    if not isinstance(signed.get("payment"), Mapping):
        return unread_event(provider, NO_PAYMENT, signed, _project(signed))
    report = read_payment(signed, signed.get("operation"))
    return ProviderEvent(
        provider=provider,
        invoice_number=report.invoice_number,
        status=report.status,
        amount=report.amount,
        reference=report.reference,
        occurred_at=report.occurred_at,
        raw=signed,
        currency=report.currency,
        account=_project(signed),
    )


def verify_callback(
    body: bytes, secret_key: str, *, provider: ProviderName = ProviderName.ECOMMPAY_PAGE
) -> ProviderEvent:
    """Decode, check the signature, then parse: nothing in an unsigned body is trusted."""
    payload = read_provider_json(body, what="ecommpay callback")
    if not isinstance(payload, dict):
        raise ProviderProtocolError("ecommpay callback must be a JSON object")
    if not verify_ecommpay_signature(payload, secret_key):
        raise SignatureMismatch("ecommpay callback signature does not verify")
    try:
        return parse_callback(payload, provider=provider)
    except ProviderProtocolError as exc:
        signed = signed_fields(payload)
        payment = signed.get("payment")
        invoice = payment.get("id") if isinstance(payment, Mapping) else None
        named = invoice.strip() if isinstance(invoice, str) else ""
        kept = unread_event(provider, named or NO_PAYMENT, signed, _project(signed))
        raise SignedButUnreadable(str(exc), kept) from None


def _project(signed: Mapping[str, Any]) -> str | None:
    """The callback's ``project_id`` (where the SDKs' other formats put it, in ``general``)."""
    general = signed.get("general")
    project_id = signed.get("project_id")
    if project_id is None and isinstance(general, Mapping):
        project_id = general.get("project_id")
    return _account(project_id)


def _account(project_id: object) -> str | None:
    if isinstance(project_id, bool) or not isinstance(project_id, int | str):
        return None
    text = str(project_id).strip()
    return text or None


def _reference(operation: Mapping[str, Any]) -> str | None:
    provider = operation.get("provider")
    if isinstance(provider, Mapping) and provider.get("payment_id"):
        return str(provider["payment_id"])
    request_id = operation.get("request_id")
    return str(request_id) if request_id else None


def _timestamp(value: object) -> datetime | None:
    """ecommpay writes ``2018-12-14T09:21:58+0000``; a time Kasir cannot read is simply unknown."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        moment = datetime.fromisoformat(value)
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        return None


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
