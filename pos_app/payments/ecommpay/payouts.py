"""ecommpay Gate payouts as the till's :class:`~pos_app.payments.model.PayoutGateway`, and
ecommpay's payout callbacks and status answers read into provider-neutral payout reports.

A payout callback reaches the terminal through the relay, which has already verified its
signature and read its status; what only ecommpay's shape tells (the operation's reference, a
decline's message) is read here, so the till's refunds never parse an ecommpay payload.
"""

import contextlib
from collections.abc import Mapping
from typing import Any

from pos_app.domain.money import CURRENCY
from pos_app.payments.ecommpay.callback import latest_operation, read_payment
from pos_app.payments.ecommpay.gate import GateClient
from pos_app.payments.ecommpay.statuses import is_partial_refund
from pos_app.payments.errors import ProviderProtocolError
from pos_app.payments.model import (
    LEFT_UNKNOWN,
    PAYOUT_OUTCOMES,
    PaymentStatus,
    PayoutOrder,
    PayoutOutcome,
    PayoutReport,
    ProviderName,
    RelayEvent,
)

_NO_REASON = frozenset({PayoutOutcome.PAID, PayoutOutcome.PENDING})
"""Outcomes that need no explanation: ecommpay's "Success" message says nothing more."""


def payout_report(
    payout_id: str,
    status: PaymentStatus,
    payload: Mapping[str, Any],
    *,
    amount: int | None = None,
    currency: str | None = None,
) -> PayoutReport:
    """ecommpay's word on a payout: ``status`` as already read from ``payload`` (a callback or
    a status answer), with the reference and the reason ``payload`` gives. An unreadable
    payload still reports its status, with no reference. A payout partly reversed or refunded
    (read as ``paid`` for the balance, as a purchase would be) is ``reversed``, as one reversed
    in full: the till lists it for the manager, who sees the report."""
    operation = latest_operation(payload)
    outcome = PAYOUT_OUTCOMES[status]
    payment = payload.get("payment")
    partial = isinstance(payment, Mapping) and is_partial_refund(payment.get("status"))
    if partial:
        outcome = PayoutOutcome.REVERSED
    reference: str | None = None
    with contextlib.suppress(ProviderProtocolError):
        reference = read_payment(payload, operation).reference
    return PayoutReport(
        payout_id=payout_id,
        outcome=outcome,
        reference=reference,
        amount=amount,
        currency=currency,
        reason="" if outcome in _NO_REASON else _reason(operation),
        raw=payload,
        left=_left(amount, currency) if partial else None,
    )


def _left(amount: int | None, currency: str | None) -> int:
    """What a reversal in part says is still paid out: its balance, in rupiah only (a report
    with no sum reads as 0 in no currency, which is no balance)."""
    return amount if amount is not None and currency == CURRENCY else LEFT_UNKNOWN


def report_from_relay(event: RelayEvent) -> PayoutReport:
    """A payout callback as the relay hands it over."""
    return payout_report(
        event.invoice_number,
        event.status,
        dict(event.payload),
        amount=event.amount,
        currency=event.currency,
    )


class EcommpayPayouts:
    """Gate payouts to DOKU wallets for one ecommpay project; blocking, off the GUI thread."""

    name = ProviderName.ECOMMPAY_GATE

    def __init__(self, gate: GateClient, *, callback_url: str, customer_ip: str) -> None:
        self.gate = gate
        self.callback_url = callback_url
        self.customer_ip = customer_ip

    def __repr__(self) -> str:
        return f"EcommpayPayouts({self.gate!r}, callback_url={self.callback_url!r})"

    def send_payout(self, order: PayoutOrder) -> str:
        return self.gate.payout(
            payment_id=order.payout_id,
            amount=order.amount,
            account_number=order.account_number,
            customer_name=order.customer_name,
            customer_id=order.customer_id,
            customer_ip=self.customer_ip,
            callback_url=self.callback_url,
        ).request_id

    def check_payout(self, payout_id: str) -> PayoutReport:
        result = self.gate.status(payout_id, provider=self.name)
        return payout_report(
            payout_id,
            result.status,
            dict(result.raw),
            amount=result.amount,
            currency=result.currency,
        )

    def close(self) -> None:
        self.gate.close()


def _reason(operation: Mapping[str, Any]) -> str:
    """The operation's ``message`` (with its ``code``), as ecommpay explains a decline."""
    message = operation.get("message")
    code = operation.get("code")
    text = message.strip() if isinstance(message, str) else ""
    if code not in (None, "") and not isinstance(code, Mapping | list):
        return f"{text} ({code})" if text else str(code)
    return text
