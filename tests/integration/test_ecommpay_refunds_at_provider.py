"""Refunds of a paid purchase made at ecommpay (its support refunds DOKU Wallet purchases on the
merchant's request: developers.ecommpay.com/en/pm_doku.html), end to end: the sandbox's callbacks
go through the real relay to a till's checkout, and its status answer is asked too.

ecommpay's callback of a refund names the refund in ``operation.sum_initial`` and the payment's
balance in ``payment.sum`` (woocommerce-ecommpay, ``common/modules/EcpModuleRefund.php``), with
``payment.status`` ``partially refunded`` / ``refunded`` (operation ``refund``) or ``partially
reversed`` / ``reversed`` (operation ``reversal``: developers.ecommpay.com/en/en_Gate_Refund.html).
Each callback is retried until answered 200, so a repeat, or an older operation's callback after
a newer one's, must change nothing.
"""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.domain.basket import LineItem
from pos_app.payments.ecommpay.gate import GateClient
from pos_app.payments.ecommpay.payment_page import EcommpayPageProvider
from pos_app.payments.model import AttemptState, RelayPosition
from pos_app.sandbox import SandboxConfig
from pos_app.store.payments import PaymentAttempt
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from tests.harness.relay_process import relay_config, wait_until
from tests.harness.sandbox_process import running_sandbox

SANDBOX = SandboxConfig(retry_scale=0.0005)
LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000


class Till:
    """A till's checkout with the Payment Page of the sandbox, fed by the relay's long-poll."""

    def __init__(self, checkout: Checkout, relay: RelayClient, sandbox_url: str) -> None:
        self.checkout = checkout
        self.relay = relay
        self.sandbox_url = sandbox_url
        self.position = RelayPosition()
        self.sent = 0
        """Callbacks the sandbox sent so far."""

    def paid_sale(self) -> str:
        """A sale paid on the Payment Page and completed by its callback: its invoice."""
        sale_id = self.checkout.open_sale(LINES, cashier="Sari")
        attempt = self.checkout.start_qr_payment(sale_id)
        assert attempt.payment_url
        httpx.get(attempt.payment_url).raise_for_status()  # the customer opens the page
        httpx.post(f"{self.sandbox_url}/_sandbox/pay/{attempt.invoice_number}").raise_for_status()

        def paid() -> bool:
            self.apply()
            return self.attempt(attempt.invoice_number).state is AttemptState.PAID

        wait_until(paid, what="the paid callback")
        self.sent = self.acknowledged()  # the final one, after the intermediate one if any
        return attempt.invoice_number

    def control(self, action: str, invoice: str, **params: int) -> PaymentAttempt:
        """One control route that sends one callback; the attempt once the till applied it."""
        url = f"{self.sandbox_url}/_sandbox/{action}/{invoice}"
        httpx.post(url, params=params).raise_for_status()
        self.sent += 1
        wait_until(lambda: self.acknowledged() >= self.sent, what=f"the {action} callback")
        self.apply()  # the relay stored it before it answered 200
        return self.attempt(invoice)

    def apply(self) -> None:
        events, self.position = self.relay.fetch(self.position)
        self.checkout.apply_relay_events(events, self.position)

    def acknowledged(self) -> int:
        answer = httpx.get(f"{self.sandbox_url}/_sandbox/deliveries").json()
        return sum(attempt["acknowledged"] for attempt in answer["deliveries"])

    def attempt(self, invoice: str) -> PaymentAttempt:
        return self.checkout.store.payments.get_attempt(invoice)


@pytest.fixture
def till(tmp_path: Path) -> Iterator[Till]:
    config = relay_config(
        tmp_path / "relay.db",
        ecommpay_project_id=SANDBOX.ecommpay_project_id,
        ecommpay_secret_key=SANDBOX.ecommpay_secret_key,
    )
    store = TerminalStore(tmp_path / "kasir.db")
    relay: EmbeddedRelay
    with (
        start_relay(config) as relay,
        running_sandbox(SANDBOX) as (sandbox_url, _),
        RelayClient(relay.url, relay.add_terminal("T1")) as client,
        GateClient(
            base_url=sandbox_url,
            project_id=SANDBOX.ecommpay_project_id,
            secret_key=SANDBOX.ecommpay_secret_key,
        ) as gate,
    ):
        provider = EcommpayPageProvider(
            gate,
            callback_url=relay.url + "/ecommpay/callbacks",
            customer_email="kasir@example.com",
            page_base_url=sandbox_url,
        )
        checkout = Checkout(store, provider, terminal_id="T1", relay=client)
        yield Till(checkout, client, sandbox_url)
    store.close()


def test_refunds_at_ecommpay_count_once_whatever_order_their_callbacks_come_in(
    till: Till,
) -> None:
    """Two partial refunds, repeats and late callbacks of older operations, then the rest: the
    balance each callback names says what went back, and only a lower one is news. (Whether
    the sandbox refunds or reverses this invoice is its shape; both are in
    tests/integration/test_sandbox_ecommpay.py.)"""
    invoice = till.paid_sale()
    assert till.control("refund", invoice, amount=4_000_00).provider_refunded == 4_000
    assert till.control("refund", invoice, amount=3_000_00).provider_refunded == 7_000
    # The newest callback again, then the older refund's and the payment's own success, late.
    for again in ({}, {"operation": 2}, {"operation": 1}):
        attempt = till.control("resend", invoice, **again)
        assert (attempt.state, attempt.provider_refunded, attempt.received) == (
            AttemptState.PAID,
            7_000,
            TOTAL,
        ), again
    assert till.checkout.check_status(invoice).provider_refunded == 7_000

    assert till.control("refund", invoice).state is AttemptState.REFUNDED  # the rest
    assert till.control("resend", invoice, operation=3).state is AttemptState.REFUNDED
    assert till.control("resend", invoice, operation=1).state is AttemptState.REFUNDED
    assert till.checkout.check_status(invoice).state is AttemptState.REFUNDED
