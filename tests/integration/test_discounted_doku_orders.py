"""Discounted and taxed baskets reach DOKU (the real local sandbox, which refuses line items that
do not add up to the amount) with line items that add up to the discounted amount exactly; the
customer pays that amount and the sale completes."""

from collections.abc import Iterator
from datetime import date
from itertools import count
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
import pytest
from hypothesis import HealthCheck, assume, given, settings

from pos_app.domain.basket import LineItem
from pos_app.domain.discounts import Discount
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.pricing import price_sale
from pos_app.domain.tax import TaxPolicy
from pos_app.payments.model import AttemptState
from pos_app.sandbox.config import SandboxConfig
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from tests.harness.priced_baskets import baskets
from tests.harness.sandbox_process import running_sandbox
from tests.integration.test_checkout import control, doku_provider

TILLS = count(1)
"""Each example is another till, so its invoice numbers are new to the one sandbox."""


@pytest.fixture(scope="module")
def sandbox() -> Iterator[str]:
    with running_sandbox(SandboxConfig(retry_scale=0.0001)) as (url, _):
        yield url


def sandbox_order(sandbox: str, invoice: str) -> dict[str, object]:
    orders = httpx.get(f"{sandbox}/_sandbox/orders").json()["orders"]
    (order,) = [order for order in orders if order["id"] == invoice]
    return order


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(baskets(lowest_price=1, most_lines=5))
def test_a_discounted_basket_is_ordered_and_paid_for_its_discounted_amount(
    sandbox: str, basket: tuple[list[LineItem], Discount | None, TaxPolicy]
) -> None:
    items, discount, tax = basket
    screen = price_sale(items, discount=discount, tax=tax, day=date.today())
    assume(1 <= screen.total <= 10**11)
    with TemporaryDirectory() as folder:
        store = TerminalStore(Path(folder) / "kasir.db")
        checkout = Checkout(store, doku_provider(sandbox), terminal_id=f"T{next(TILLS)}", tax=tax)
        sale_id = checkout.open_sale(items, cashier="Sari", discount=discount)
        attempt = checkout.start_qr_payment(sale_id)  # the sandbox refuses a wrong sum
        assert attempt.amount == screen.total

        order = sandbox_order(sandbox, attempt.invoice_number)
        sent = order["line_items"]
        assert isinstance(sent, list) and len(items) <= len(sent) <= 2 * len(items)
        assert sum(item["price"] * item["quantity"] for item in sent) == order["amount"]
        assert order["amount"] == screen.total

        control(sandbox, "pay", attempt.invoice_number)
        assert checkout.check_status(attempt.invoice_number).state is AttemptState.PAID
        sale = store.sales.get(sale_id)
        assert (sale.status, sale.total) == (SaleStatus.COMPLETED, screen.total)
        store.close()
