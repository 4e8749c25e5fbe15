"""A whole demo terminal: embedded sandbox and relay, the real long-poll, the real store."""

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.domain.basket import Basket, LineItem
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import SaleStatus
from pos_app.payments.model import AttemptState, PaymentRequest, RelayPosition
from pos_app.settings.terminal_config import (
    ConfigError,
    DokuSettings,
    ProviderChoice,
    RelaySettings,
    Secret,
    Settings,
)
from pos_app.store.errors import NotFound
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.relay_errands import RelayErrand
from pos_app.till.terminal import Terminal, open_terminal
from tests.harness.relay_process import free_port, wait_until


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Terminal]:
    terminal = open_terminal(Settings(), tmp_path / "demo.db", demo=True)
    yield terminal
    terminal.close()


def test_demo_terminal_is_seeded_once(demo: Terminal, tmp_path: Path) -> None:
    assert demo.store.products.count() == 62
    assert [user.name for user in demo.store.users.list_users()] == ["Demo Kasir", "Demo Manajer"]
    assert demo.sandbox and demo.demo
    demo.close()
    again = open_terminal(Settings(), tmp_path / "demo.db", demo=True)
    try:
        assert again.store.products.count() == 62
        assert len(again.store.users.list_users()) == 2
    finally:
        again.close()


def test_paid_in_the_sandbox_reaches_the_store_through_the_relay(demo: Terminal) -> None:
    assert demo.embedded is not None and demo.relay is not None
    basket = Basket()
    basket.add(demo.store.products.find_by_code("8991000079191"), 3)
    sale_id = demo.checkout.open_sale(basket.lines, cashier="Demo Kasir")
    attempt = demo.checkout.start_qr_payment(sale_id)
    assert attempt.payment_url.startswith(demo.embedded.sandbox.url)

    httpx.post(f"{demo.embedded.sandbox.url}/_sandbox/pay/{attempt.invoice_number}")
    applied = 0
    for _ in range(5):
        applied += demo.relay.poll(demo.checkout, wait=5)
        if applied:
            break
    assert applied == 1
    assert demo.store.payments.get_attempt(attempt.invoice_number).state is AttemptState.PAID
    assert demo.store.sales.get(sale_id).status is SaleStatus.COMPLETED


def test_real_providers_say_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        open_terminal(Settings(provider=ProviderChoice.DOKU), tmp_path / "kasir.db")
    message = str(caught.value)
    for key in ("doku.client_id", "doku.secret_key", "relay.url", "relay.token"):
        assert key in message
    assert not (tmp_path / "kasir.db").exists()


def test_a_url_httpx_would_refuse_is_named_before_anything_opens(tmp_path: Path) -> None:
    """Settings made in code skip the file's check; httpx's InvalidURL, raised as the relay
    client was built, stopped pos-app with a traceback at every start."""
    settings = Settings(
        provider=ProviderChoice.DOKU,
        doku=DokuSettings(client_id="BRN-1", secret_key=Secret("SK-1")),
        relay=RelaySettings(url="http://192.168.1.300:8000", token=Secret("relay-token")),
    )
    with pytest.raises(ConfigError) as caught:
        open_terminal(settings, tmp_path / "kasir.db")
    assert caught.value.problems == (
        "relay.url: expected an http(s) URL, got 'http://192.168.1.300:8000' "
        "(Invalid IPv4 address: '192.168.1.300')",
    )
    assert not (tmp_path / "kasir.db").exists()


def test_a_new_demo_relay_database_gets_a_new_token(tmp_path: Path) -> None:
    first = open_terminal(Settings(), tmp_path / "demo.db", demo=True)
    old_token = first.embedded.relay_token
    first.close()
    for leftover in tmp_path.glob("demo-relay.db*"):
        leftover.unlink()
    again = open_terminal(Settings(), tmp_path / "demo.db", demo=True)
    try:
        assert again.embedded.relay_token != old_token
        assert again.relay.fetch(RelayPosition())[1].cursor == 0  # the relay accepts the new token
    finally:
        again.close()


def test_demo_mode_names_a_demo_shop(demo: Terminal) -> None:
    assert demo.settings.shop.name == "Toko Demo Kasir"
    assert demo.settings.shop.address


DEMO_ONLY = ("starlette", "uvicorn", "pos_app.relay", "pos_app.sandbox", "pos_app.demo")
"""The servers of demo mode and the sandbox provider, and what they run on."""
SERVERS = ("uvicorn", "pos_app.relay")
"""What demo mode runs in its child process, never in the terminal's."""


def test_assembling_a_terminal_loads_no_demo_server_until_demo_mode_starts() -> None:
    """``import pos_app.till.terminal`` (what the GUI does at start) loads nothing of demo
    mode; opening a demo terminal loads its demo code, and the servers run in a child process
    (their requests would take the GIL from the terminal's charge)."""
    script = f"""
import sys, tempfile
from pathlib import Path
import pos_app.till.terminal as terminal
def loaded(): return sorted({{m.split(".")[0] if not m.startswith("pos_app") else
    ".".join(m.split(".")[:2]) for m in sys.modules if m.startswith({DEMO_ONLY!r})}})
print(loaded())
with tempfile.TemporaryDirectory() as folder:
    terminal.open_terminal(terminal.Settings(), Path(folder) / "demo.db", demo=True).close()
print(loaded())
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    before, after = (ast.literal_eval(line) for line in result.stdout.splitlines())
    assert before == []
    assert "pos_app.demo" in after
    assert not set(SERVERS) & set(after), after


def test_a_registration_lost_in_a_crash_is_made_again_on_resume(demo: Terminal) -> None:
    """The order went out but the till died before the relay heard of it: the paid event waits
    at the relay as an orphan, and the restarted till's resume claims it."""
    assert demo.embedded is not None and demo.relay is not None
    relay, demo.checkout.relay = demo.checkout.relay, None
    basket = Basket()
    basket.add(demo.store.products.find_by_code("8991000079191"), 1)
    sale_id = demo.checkout.open_sale(basket.lines, cashier="Demo Kasir")
    attempt = demo.checkout.start_qr_payment(sale_id)
    demo.checkout.relay = relay
    httpx.post(f"{demo.embedded.sandbox.url}/_sandbox/pay/{attempt.invoice_number}")
    assert demo.relay.poll(demo.checkout, wait=0) == 0, "not registered: nothing for this till"

    assert [a.invoice_number for a in demo.checkout.resume()] == [attempt.invoice_number]
    applied = 0
    for _ in range(5):
        applied += demo.relay.poll(demo.checkout, wait=5)
        if applied:
            break
    assert applied == 1
    assert demo.store.sales.get(sale_id).status is SaleStatus.COMPLETED


def _charge_while_the_relay_is_away(demo: Terminal) -> tuple[PaymentAttempt, RelayClient]:
    """A QR charge whose registration finds no relay (nothing listens on its port); the relay
    client to give back."""
    assert demo.relay is not None and demo.checkout.relay is not None
    relay = demo.checkout.relay
    demo.checkout.relay = RelayClient(f"http://127.0.0.1:{free_port()}", "away", timeout=2)
    basket = Basket()
    basket.add(demo.store.products.find_by_code("8991000079191"), 1)
    attempt = demo.checkout.start_qr_payment(
        demo.checkout.open_sale(basket.lines, cashier="Demo Kasir")
    )
    wait_until(
        lambda: demo.store.relay_errands.owed(RelayErrand.REGISTER) != [],
        what="the failed registration to be kept",
    )
    return attempt, relay


def test_a_registration_the_relay_missed_is_made_once_it_answers(demo: Terminal) -> None:
    """The relay was out of reach at the charge, and the customer paid: the notification
    waits at the relay as an orphan until the till registers the invoice again, and then the
    relay knows the invoice's number (a copy of this database restored from an older backup
    draws numbers after it, not one the provider saw paid)."""
    attempt, relay = _charge_while_the_relay_is_away(demo)
    assert demo.relay is not None and demo.embedded is not None
    assert demo.store.relay_errands.owed(RelayErrand.REGISTER) == [attempt.invoice_number]
    assert demo.checkout.registrations.register_due() == 0, "still away"
    httpx.post(f"{demo.embedded.sandbox.url}/_sandbox/pay/{attempt.invoice_number}")
    assert demo.relay.poll(demo.checkout, wait=0) == 0, "an orphan at the relay"

    demo.checkout.relay = relay
    assert demo.checkout.registrations.register_due() == 1
    assert demo.store.relay_errands.owed(RelayErrand.REGISTER) == []
    assert demo.checkout.registrations.register_due() == 0, "nothing is registered twice"
    applied = 0
    for _ in range(5):
        applied += demo.relay.poll(demo.checkout, wait=5)
        if applied:
            break
    assert applied == 1
    assert demo.store.payments.get_attempt(attempt.invoice_number).state is AttemptState.PAID
    counter = int(attempt.invoice_number.rsplit("-", 1)[1])
    assert relay.held_days().invoice_counter == counter


def test_a_registration_the_relay_refuses_for_good_is_not_asked_again(demo: Terminal) -> None:
    attempt, relay = _charge_while_the_relay_is_away(demo)
    relay.register_payment(attempt.invoice_number, attempt.provider, attempt.amount + 1)
    demo.checkout.relay = relay
    assert demo.checkout.registrations.register_due() == 0, (
        "a conflict: the relay holds another amount"
    )
    assert demo.store.relay_errands.owed(RelayErrand.REGISTER) == []


def test_the_qr_is_heard_before_its_url_is_stored_and_is_what_the_store_then_holds(
    demo: Terminal,
) -> None:
    """The charge's sale and attempt are stored before the order leaves; the provider's answer
    reaches ``on_order`` before it is stored (the QR goes up during that commit), and is
    exactly what the store returns after, so the dialog need not draw it again."""
    goreng = LineItem("MIE-001", "Indomie Goreng 85g", 3_500, 2)
    attempt = demo.checkout.store_qr_attempt([goreng], cashier="Demo Kasir")
    stored = demo.store.payments.get_attempt(attempt.invoice_number)
    assert stored.state is AttemptState.CREATED and stored.payment_url is None
    assert demo.store.sales.get(attempt.sale_id).status is SaleStatus.OPEN
    heard: list[tuple[PaymentRequest, PaymentAttempt]] = []

    def on_order(request: PaymentRequest) -> None:
        heard.append((request, demo.store.payments.get_attempt(request.invoice_number)))

    recorded = demo.checkout.send_order(attempt, on_order=on_order)
    [(request, then)] = heard
    assert then.payment_url is None and then.state is AttemptState.CREATED, "not stored yet"
    assert recorded.state is AttemptState.PENDING
    shown = (request.invoice_number, request.amount, request.payment_url, request.expires_at)
    assert shown == (
        recorded.invoice_number,
        recorded.amount,
        recorded.payment_url,
        recorded.expires_at,
    )
    assert request.reference == recorded.reference


def test_a_refused_attempt_leaves_no_sale_behind(demo: Terminal) -> None:
    """Sale and attempt are one commit: when the attempt is refused, the sale goes too."""
    goreng = LineItem("MIE-001", "Indomie Goreng 85g", 3_500, 2)
    last = demo.checkout.open_sale([goreng], cashier="Demo Kasir")
    provider = demo.checkout.provider
    demo.checkout.provider = SimpleNamespace(name="no-such-provider")  # type: ignore[assignment]
    try:
        with pytest.raises(ValidationError):
            demo.checkout.store_qr_attempt([goreng], cashier="Demo Kasir")
    finally:
        demo.checkout.provider = provider
    with pytest.raises(NotFound):
        demo.store.sales.get(last + 1)
