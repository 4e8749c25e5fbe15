"""The back office's "Test connection": can this terminal reach the relay and the payment services,
and do they accept its token and credentials?

Each probe changes nothing anywhere: the relay's ``/healthz``; the relay's payment status of an
invoice that never exists (404 means the token was accepted); and the provider's status API for
an invoice that never exists (its "not found" means the request was signed right). The outcome
is a word (:class:`Verdict`) the screen turns into a sentence, with the error text as detail.
:func:`check_settings` asks the same of settings not in use yet (a form being filled in).
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import httpx

from pos_app.clients.relay_client import (
    RelayClient,
    RelayProtocolError,
    RelayRejected,
    RelayUnauthorized,
    RelayUnreachable,
)
from pos_app.payments.errors import (
    PaymentUnknown,
    ProviderProtocolError,
    ProviderRejected,
    ProviderUnreachable,
    SignatureMismatch,
)
from pos_app.payments.model import PaymentProvider, PayoutGateway
from pos_app.payments.registry import build_payouts
from pos_app.settings.terminal_config import ProviderChoice, Settings
from pos_app.till.terminal import build_provider

PROBE_TIMEOUT = 5.0
PROBE_PREFIX = "KASIR-CHECK"


class Service(StrEnum):
    RELAY = "relay"
    RELAY_TOKEN = "relay_token"
    PAYMENTS = "payments"
    PAYOUTS = "payouts"


class Verdict(StrEnum):
    OK = "ok"
    UNREACHABLE = "unreachable"
    """No answer, or a server error."""
    UNHEALTHY = "unhealthy"
    """The relay answers but cannot store notifications."""
    REFUSED = "refused"
    """The token or the credentials were refused."""
    UNEXPECTED = "unexpected"
    """An answer this terminal did not expect; the detail says what."""
    NOT_SET_UP = "not_set_up"


@dataclass(frozen=True, slots=True)
class Check:
    service: Service
    verdict: Verdict
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.OK


def check_relay(relay: RelayClient | None) -> list[Check]:
    """The relay's health, then whether it accepts this terminal's token."""
    if relay is None:
        return [Check(Service.RELAY, Verdict.NOT_SET_UP)]
    try:
        answer = httpx.get(f"{relay.base_url}/healthz", timeout=PROBE_TIMEOUT)
    except httpx.HTTPError as error:
        return [Check(Service.RELAY, Verdict.UNREACHABLE, f"{relay.base_url}: {error!r}")]
    if answer.status_code == 503:
        health = Check(Service.RELAY, Verdict.UNHEALTHY, answer.text[:200])
    elif answer.status_code != 200:
        return [Check(Service.RELAY, Verdict.UNEXPECTED, f"HTTP {answer.status_code}")]
    else:
        health = Check(Service.RELAY, Verdict.OK, relay.base_url)
    return [health, _token(relay)]


def _token(relay: RelayClient) -> Check:
    try:
        relay.payment_status(_probe_id())
    except RelayRejected as error:
        if error.status_code == 404:
            return Check(Service.RELAY_TOKEN, Verdict.OK)
        return Check(Service.RELAY_TOKEN, Verdict.UNEXPECTED, str(error))
    except RelayUnauthorized as error:
        return Check(Service.RELAY_TOKEN, Verdict.REFUSED, str(error))
    except RelayUnreachable as error:
        return Check(Service.RELAY_TOKEN, Verdict.UNREACHABLE, str(error))
    except RelayProtocolError as error:
        return Check(Service.RELAY_TOKEN, Verdict.UNEXPECTED, str(error))
    return Check(Service.RELAY_TOKEN, Verdict.UNEXPECTED, "the relay knows a made-up invoice")


def check_status_api(status: Callable[[str], object], service: Service) -> Check:
    """Ask ``status`` about an invoice that was never made: "not found" proves the signature."""
    try:
        status(_probe_id())
    except PaymentUnknown:
        return Check(service, Verdict.OK)
    except ProviderUnreachable as error:
        return Check(service, Verdict.UNREACHABLE, str(error))
    except ProviderRejected as error:
        refused = error.status_code in (401, 403) or "signature" in error.code
        return Check(service, Verdict.REFUSED if refused else Verdict.UNEXPECTED, str(error))
    except SignatureMismatch as error:
        return Check(service, Verdict.REFUSED, str(error))
    except ProviderProtocolError as error:
        return Check(service, Verdict.UNEXPECTED, str(error))
    return Check(service, Verdict.UNEXPECTED, "the payment service knows a made-up invoice")


def check_provider(provider: PaymentProvider) -> Check:
    return check_status_api(provider.check_status, Service.PAYMENTS)


def check_payouts(gateway: PayoutGateway | None) -> Check:
    if gateway is None:
        return Check(Service.PAYOUTS, Verdict.NOT_SET_UP)
    return check_status_api(gateway.check_payout, Service.PAYOUTS)


def check_settings(settings: Settings, *, payouts: bool = False) -> list[Check]:
    """The relay, then the provider (and with ``payouts`` the refund credentials) as ``settings``
    would use them; blocks on the network. The local sandbox has nothing outside to ask."""
    if settings.provider is ProviderChoice.SANDBOX:
        raise ValueError("provider: the sandbox runs inside the terminal; nothing to check")
    checks = check_relay(None)
    if settings.relay.url:
        token = settings.relay.token.reveal() if settings.relay.token else ""
        with RelayClient(settings.relay.url, token, timeout=PROBE_TIMEOUT) as relay:
            checks = check_relay(relay)
    checks.append(check_provider(build_provider(settings, settings.relay.url)))
    if payouts:
        if settings.missing_for_payouts():
            checks.append(check_payouts(None))
        else:
            gateway = build_payouts(settings, settings.relay.url, timeout=PROBE_TIMEOUT)
            try:
                checks.append(check_payouts(gateway))
            finally:
                gateway.close()
    return checks


def _probe_id() -> str:
    return f"{PROBE_PREFIX}-{uuid.uuid4().hex[:12]}"
