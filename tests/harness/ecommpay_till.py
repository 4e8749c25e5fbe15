"""Till T1 on ecommpay as the integration tests wire it: the real sandbox's Gate API behind a
GateClient, the Payment Page or Gate provider on it, and a relay client whose relay takes the
sandbox's callbacks. Wired once here, so a test shows only what it asks of the chain."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay
from pos_app.domain.clock import Clock, utc_now
from pos_app.payments.ecommpay.gate import EcommpayGateProvider, GateClient
from pos_app.payments.ecommpay.payment_page import EcommpayPageProvider
from pos_app.payments.model import ProviderName
from pos_app.relay.config import RelayConfig
from pos_app.sandbox import SandboxConfig
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from tests.harness.relay_process import relay_config
from tests.harness.sandbox_process import running_sandbox

SANDBOX = SandboxConfig(retry_scale=0.0005)
"""The sandbox the till pays at; its callbacks are retried at once, not on ecommpay's schedule."""
TERMINAL = "T1"


def ecommpay_relay_config(database: Path, **overrides: Any) -> RelayConfig:
    """A relay that takes the sandbox's signed callbacks (its project id and secret key)."""
    return relay_config(
        database,
        ecommpay_project_id=SANDBOX.ecommpay_project_id,
        ecommpay_secret_key=SANDBOX.ecommpay_secret_key,
        **overrides,
    )


@dataclass(frozen=True)
class EcommpayTill:
    """The till's ecommpay side: its relay client, its provider and the sandbox's address (for
    the sandbox's control routes)."""

    relay_client: RelayClient
    provider: EcommpayGateProvider | EcommpayPageProvider
    sandbox_url: str

    def checkout(self, store: TerminalStore, clock: Clock = utc_now) -> Checkout:
        """The till's checkout on ``store``: QR payments at the sandbox, callbacks through the
        relay."""
        return Checkout(
            store, self.provider, terminal_id=TERMINAL, relay=self.relay_client, clock=clock
        )


@contextmanager
def ecommpay_till(relay: EmbeddedRelay, provider: ProviderName) -> Iterator[EcommpayTill]:
    """A running sandbox and till T1 added to ``relay`` (configured by
    :func:`ecommpay_relay_config`), paying by ``provider``: ecommpay's Payment Page or Gate."""
    callback_url = relay.url + "/ecommpay/callbacks"
    with (
        running_sandbox(SANDBOX) as (sandbox_url, _),
        RelayClient(relay.url, relay.add_terminal(TERMINAL)) as client,
        GateClient(
            base_url=sandbox_url,
            project_id=SANDBOX.ecommpay_project_id,
            secret_key=SANDBOX.ecommpay_secret_key,
        ) as gate,
    ):
        chosen: EcommpayGateProvider | EcommpayPageProvider
        if provider is ProviderName.ECOMMPAY_PAGE:
            chosen = EcommpayPageProvider(
                gate,
                callback_url=callback_url,
                customer_email="kasir@example.com",
                page_base_url=sandbox_url,
            )
        elif provider is ProviderName.ECOMMPAY_GATE:
            chosen = EcommpayGateProvider(
                gate,
                callback_url=callback_url,
                customer_ip="114.124.147.207",
                customer_email="kasir@example.com",
            )
        else:
            raise ValueError(f"not an ecommpay provider: {provider}")
        yield EcommpayTill(client, chosen, sandbox_url)
