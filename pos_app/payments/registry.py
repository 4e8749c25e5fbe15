"""Which code builds and reads each provider, keyed by :class:`ProviderName`.

The rest of Kasir names a provider and gets the provider-neutral model back: a
:class:`PaymentProvider`, a :class:`PayoutGateway`, a :class:`PayoutReport`. Each provider's
package is imported only when that provider is built or its payload read, so assembling a terminal
loads the one provider it uses, and the till's use-cases never import a provider package.
"""

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from pos_app.domain.errors import KasirError
from pos_app.domain.money import CURRENCY
from pos_app.payments.errors import ProviderProtocolError
from pos_app.payments.model import (
    PaymentProvider,
    PayoutGateway,
    PayoutReport,
    ProviderName,
    ProviderSettings,
    RelayEvent,
)

if TYPE_CHECKING:
    from pos_app.payments.ecommpay.gate import GateClient

DOKU_NOTIFICATION_PATH: Final = "/doku/notifications"
ECOMMPAY_CALLBACK_PATH: Final = "/ecommpay/callbacks"
GATE_TIMEOUT: Final = 10.0
"""Seconds an ecommpay Gate request may take."""


class UnknownProvider(KasirError):
    """A provider name Kasir has no code for."""

    def __init__(self, name: object) -> None:
        known = ", ".join(provider.value for provider in ProviderName)
        super().__init__(f"no payment provider is called {name!r}; Kasir knows {known}")


Builder = Callable[[ProviderSettings, str], PaymentProvider]


@dataclass(frozen=True, slots=True)
class ProviderEntry:
    """How to build one provider, and how to read its payout reports (if it pays out)."""

    build: Builder
    payout_report: Callable[[RelayEvent], PayoutReport] | None = None


def provider_name(name: ProviderName | str) -> ProviderName:
    """``name`` as a :class:`ProviderName`; :class:`UnknownProvider` if there is none."""
    try:
        return ProviderName(name)
    except ValueError:
        raise UnknownProvider(name) from None


def build_provider(
    name: ProviderName | str, settings: ProviderSettings, relay_url: str
) -> PaymentProvider:
    """The provider ``name`` as ``settings`` set it up; its notifications go to the relay."""
    return REGISTRY[provider_name(name)].build(settings, relay_url.rstrip("/"))


def read_payout_report(event: RelayEvent) -> PayoutReport:
    """A payout's callback, brought by the relay, in the till's words."""
    reader = REGISTRY[provider_name(event.provider)].payout_report
    if reader is None:
        raise UnknownProvider(f"{event.provider} (it makes no payouts)")
    return reader(event)


def build_payouts(
    settings: ProviderSettings, relay_url: str, *, timeout: float = GATE_TIMEOUT
) -> PayoutGateway:
    """ecommpay Gate payouts for the project ``settings.ecommpay`` names, whichever provider
    takes the payments; their callbacks go to the relay."""
    from pos_app.payments.ecommpay.payouts import EcommpayPayouts

    return EcommpayPayouts(
        _gate(settings, timeout),
        callback_url=relay_url.rstrip("/") + ECOMMPAY_CALLBACK_PATH,
        customer_ip=settings.ecommpay.customer_ip,
    )


def reports_balance(provider: ProviderName, payload: Mapping[str, Any]) -> bool:
    """Whether a provider's stored payload names the balance left after a refund at the
    provider rather than what was paid: ecommpay's ``partially refunded`` or ``partially
    reversed``. DOKU reports no balance."""
    if provider is ProviderName.DOKU:
        return False
    from pos_app.payments.ecommpay.statuses import is_partial_refund

    payment = payload.get("payment")
    return isinstance(payment, Mapping) and is_partial_refund(payment.get("status"))


def reported_refund_news(
    provider: ProviderName, payload: Mapping[str, Any]
) -> tuple[int, datetime] | None:
    """When the newest operation about a payment's money given back (or a refund undone) that a
    stored callback or status answer names happened, to order such reports: ecommpay's
    (:func:`~pos_app.payments.ecommpay.callback.refund_news`); DOKU reports no such operation."""
    if provider is ProviderName.DOKU:
        return None
    from pos_app.payments.ecommpay.callback import refund_news

    return refund_news(payload)


def reported_reference(provider: ProviderName, payload: Mapping[str, Any]) -> str | None:
    """The provider's id for the payment that a stored notification or callback names, read
    as that provider's status check reads it, so a relay event records what a status check
    would: DOKU's ``transaction.original_request_id`` (its non-SNAP HTTP notification sample,
    developers.doku.com), ecommpay's purchase operation's ``provider.payment_id`` (never a
    refund's). ``None`` when it names none, or cannot be read."""
    if provider is ProviderName.DOKU:
        from pos_app.payments.doku.notification import event_from_payload

        try:
            return event_from_payload(payload).reference
        except ProviderProtocolError:
            return None
    from pos_app.payments.ecommpay.callback import purchase_reference

    return purchase_reference(payload)


def reported_amount(payload: Mapping[str, Any]) -> int | None:
    """The rupiah a stored provider payload reports, read as each provider writes it: DOKU's
    ``order.amount`` (integer, decimal or decimal text) or ecommpay's ``payment.sum.amount``
    (minor units); ``None`` when it does not say, or not in whole rupiah."""
    from pos_app.payments.doku.notification import rupiah_amount
    from pos_app.payments.ecommpay.callback import event_money, minor_units

    doku = payload.get("order")
    if isinstance(doku, Mapping) and "amount" in doku:
        with contextlib.suppress(ProviderProtocolError):
            return rupiah_amount(doku["amount"])
    ecommpay = payload.get("payment")
    total = ecommpay.get("sum") if isinstance(ecommpay, Mapping) else None
    if isinstance(total, Mapping) and "amount" in total:
        with contextlib.suppress(ProviderProtocolError):
            amount, currency = event_money(
                minor_units(total["amount"]), total.get("currency", CURRENCY)
            )
            return amount if currency == CURRENCY else None
    return None


def _doku(settings: ProviderSettings, relay_url: str) -> PaymentProvider:
    from pos_app.payments.doku.client import DokuClient
    from pos_app.payments.doku.provider import DokuWalletProvider

    doku = settings.doku
    assert doku.secret_key is not None
    client = DokuClient(
        base_url=doku.api_url, client_id=doku.client_id, secret_key=doku.secret_key.reveal()
    )
    return DokuWalletProvider(client, notify_url=relay_url + DOKU_NOTIFICATION_PATH)


def _ecommpay_page(settings: ProviderSettings, relay_url: str) -> PaymentProvider:
    from pos_app.payments.ecommpay.payment_page import EcommpayPageProvider

    ecommpay = settings.ecommpay
    return EcommpayPageProvider(
        _gate(settings),
        callback_url=relay_url + ECOMMPAY_CALLBACK_PATH,
        customer_email=ecommpay.customer_email,
        page_base_url=ecommpay.payment_page_url,
        expiry=timedelta(minutes=settings.qr_expiry_minutes),
    )


def _ecommpay_gate(settings: ProviderSettings, relay_url: str) -> PaymentProvider:
    from pos_app.payments.ecommpay.gate import EcommpayGateProvider

    ecommpay = settings.ecommpay
    return EcommpayGateProvider(
        _gate(settings),
        callback_url=relay_url + ECOMMPAY_CALLBACK_PATH,
        customer_ip=ecommpay.customer_ip,
        customer_email=ecommpay.customer_email,
    )


def _gate(settings: ProviderSettings, timeout: float = GATE_TIMEOUT) -> "GateClient":
    from pos_app.payments.ecommpay.gate import GateClient

    ecommpay = settings.ecommpay
    assert ecommpay.project_id is not None and ecommpay.secret_key is not None
    return GateClient(
        base_url=ecommpay.gate_url,
        project_id=ecommpay.project_id,
        secret_key=ecommpay.secret_key.reveal(),
        timeout=timeout,
    )


def _ecommpay_payout_report(event: RelayEvent) -> PayoutReport:
    from pos_app.payments.ecommpay.payouts import report_from_relay

    return report_from_relay(event)


REGISTRY: Final[Mapping[ProviderName, ProviderEntry]] = {
    ProviderName.DOKU: ProviderEntry(_doku),
    ProviderName.ECOMMPAY_PAGE: ProviderEntry(_ecommpay_page, _ecommpay_payout_report),
    ProviderName.ECOMMPAY_GATE: ProviderEntry(_ecommpay_gate, _ecommpay_payout_report),
}
"""Every provider Kasir can build; a test checks each :class:`ProviderName` has an entry."""
