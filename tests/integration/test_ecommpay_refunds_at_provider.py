"""ecommpay's word on a Payment Page purchase after the customer's choice, end to end: the
sandbox's callbacks go through the real relay to a till's checkout, and its status answer is
asked too. Refunds of a paid purchase made at ecommpay (its support refunds DOKU Wallet purchases
on the merchant's request: developers.ecommpay.com/en/pm_doku.html), a payment ecommpay failed,
and the provider's id for the payment that the payments file shows.

ecommpay's callback of a refund names the refund in ``operation.sum_initial`` and the payment's
balance in ``payment.sum`` (woocommerce-ecommpay, ``common/modules/EcpModuleRefund.php``), with
``payment.status`` ``partially refunded`` / ``refunded`` (operation ``refund``) or ``partially
reversed`` / ``reversed`` (operation ``reversal``: developers.ecommpay.com/en/en_Gate_Refund.html).
Each callback is retried until answered 200, so a repeat, or an older operation's callback after
a newer one's, must change nothing.
"""

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import start_relay
from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import SaleStatus
from pos_app.payments.model import AttemptState, ProviderName, RelayPosition
from pos_app.sandbox.shapes import ECOMMPAY_ERROR_WORDS
from pos_app.store.payment_records import EventSource, Outcome, PaymentAttempt
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from tests.harness.ecommpay_till import ecommpay_relay_config, ecommpay_till
from tests.harness.relay_process import wait_until

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
        invoice = self.shown_to_the_customer()
        self.settled(invoice, "pay", AttemptState.PAID)
        return invoice

    def settled(self, invoice: str, action: str, state: AttemptState) -> PaymentAttempt:
        """The customer's (or ecommpay's) ``action`` on the payment, until its callback, through
        the relay, leaves the attempt in ``state``."""
        httpx.post(f"{self.sandbox_url}/_sandbox/{action}/{invoice}").raise_for_status()

        def there() -> bool:
            self.apply()
            return self.attempt(invoice).state is state

        wait_until(there, what=f"the {action} callback")
        self.sent = self.acknowledged()  # the final one, after the intermediate one if any
        return self.attempt(invoice)

    def shown_to_the_customer(self) -> str:
        """A sale whose Payment Page the customer opened (so ecommpay knows the payment): its
        invoice."""
        attempt = self.checkout.start_qr_payment(self.checkout.open_sale(LINES, cashier="Sari"))
        assert attempt.payment_url
        httpx.get(attempt.payment_url).raise_for_status()
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
    store = TerminalStore(tmp_path / "kasir.db")
    with (
        start_relay(ecommpay_relay_config(tmp_path / "relay.db")) as relay,
        ecommpay_till(relay, ProviderName.ECOMMPAY_PAGE) as ecommpay,
    ):
        yield Till(ecommpay.checkout(store), ecommpay.relay_client, ecommpay.sandbox_url)
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


def test_a_refund_ecommpay_undoes_is_the_shops_again_whatever_order_its_callbacks_come_in(
    till: Till,
) -> None:
    """ecommpay undoes a refund (``refund reverse``, woocommerce-ecommpay
    ``common/helpers/EcpGatewayOperationType.php``): the balance its callback names is up by
    that refund, so less stays refunded at the provider; the undone refund's callback and older
    ones, retried after it, change nothing, nor does the status answer listing them all."""
    invoice = till.paid_sale()
    till.control("refund", invoice, amount=4_000_00)
    assert till.control("refund", invoice, amount=3_000_00).provider_refunded == 7_000

    attempt = till.control("undo-refund", invoice)  # the second refund's money is back

    assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, 4_000)
    for again in ({"operation": 3}, {"operation": 2}, {"operation": 1}):
        attempt = till.control("resend", invoice, **again)
        assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, 4_000), again
    assert till.checkout.check_status(invoice).provider_refunded == 4_000

    attempt = till.control("undo-refund", invoice)  # and the first's: nothing stays refunded
    assert (attempt.state, attempt.provider_refunded, attempt.received) == (
        AttemptState.PAID,
        0,
        TOTAL,
    )
    assert till.control("resend", invoice, operation=4).provider_refunded == 0
    assert till.checkout.check_status(invoice).provider_refunded == 0


def test_a_payment_ecommpay_failed_is_told_at_once_and_its_sale_stays_open(till: Till) -> None:
    """``error``, ``internal error`` and ``external error`` end the payment id for good
    (ecommpay's plugins decline the order on them and start a new payment id:
    woocommerce-ecommpay ``common/includes/EcpGatewayOrder.php``,
    ``STATUSES_REQUIRING_NEW_PAYMENT_ID``): the callback fails the attempt, no countdown."""
    invoice = till.shown_to_the_customer()
    attempt = till.settled(invoice, "fail", AttemptState.FAILED)
    relayed = [event for event in attempt.events if event.source is EventSource.RELAY]
    assert relayed[-1].outcome is Outcome.APPLIED
    assert relayed[-1].payload["payload"]["payment"]["status"] in ECOMMPAY_ERROR_WORDS
    checked = till.checkout.check_status(invoice)
    assert (checked.state, checked.events[-1].outcome) == (AttemptState.FAILED, Outcome.REPEATED)
    assert till.checkout.store.sales.get(checked.sale_id).status is SaleStatus.OPEN


def test_a_failed_payment_is_failed_by_the_status_answer_alone(till: Till) -> None:
    """The cashier's "Check status" before the relay brought the callback says failed too."""
    invoice = till.shown_to_the_customer()
    httpx.post(f"{till.sandbox_url}/_sandbox/fail/{invoice}").raise_for_status()
    checked = till.checkout.check_status(invoice)
    assert (checked.state, checked.events[-1].outcome) == (AttemptState.FAILED, Outcome.APPLIED)


def sale_operation_id(status_answer: Mapping[str, Any]) -> str:
    """The provider's id of the purchase's own operation in a status answer: its last ``sale``
    (a failed Payment Page attempt before it is a declined ``sale`` of its own)."""
    *_, sale = [op for op in status_answer["operations"] if op["type"] == "sale"]
    return str(sale["provider"]["payment_id"])


def test_a_payment_first_checked_after_a_refund_keeps_the_purchase_reference(till: Till) -> None:
    """The status answer lists the sale first and its refunds after it: the payment's reference
    is its sale's, never the last refund's."""
    invoice = till.shown_to_the_customer()
    httpx.post(f"{till.sandbox_url}/_sandbox/pay/{invoice}").raise_for_status()
    httpx.post(
        f"{till.sandbox_url}/_sandbox/refund/{invoice}", params={"amount": 4_000_00}
    ).raise_for_status()
    attempt = till.checkout.check_status(invoice)  # the relay's callbacks not applied yet
    answer = attempt.events[-1].payload
    refund = answer["operations"][-1]["provider"]["payment_id"]
    assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, 4_000)
    assert attempt.reference == sale_operation_id(answer) != refund


def test_the_relays_paid_callback_records_the_reference_and_a_refund_never_replaces_it(
    till: Till,
) -> None:
    """The purchase's callback names the provider's id in ``operation.provider.payment_id``
    (ecommpay's callback format: paymentpage-sdk-php ``tests/data/callbackFormats.php``); a
    refund's callback names the refund's operation, whose id is not the payment's."""
    invoice = till.paid_sale()
    paid = till.attempt(invoice)
    operation = paid.events[-1].payload["payload"]["operation"]
    own = str(operation["provider"]["payment_id"])
    assert (operation["type"], paid.reference) == ("sale", own)
    refunded = till.control("refund", invoice)
    assert (refunded.state, refunded.reference) == (AttemptState.REFUNDED, own)
    assert till.checkout.check_status(invoice).reference == own
