"""The Gate redirect page end to end: terminal, relay and the sandbox's ecommpay Gate on loopback.

The customer's phone is played by httpx: it opens ``/r/{token}`` from the QR code, sees the
waiting page until the sandbox's callback brings ``redirect_data``, submits the form the page
holds to the sandbox's DOKU Wallet form, and pays there.
"""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.domain.basket import LineItem
from pos_app.domain.clock import utc_now
from pos_app.payments.model import (
    AttemptState,
    PaymentOrder,
    PaymentStatus,
    ProviderName,
    RelayPosition,
)
from pos_app.sandbox.shapes import ECOMMPAY_REDIRECT_FORMS, Shapes
from pos_app.settings.terminal_config import Settings
from pos_app.store.relay_errands import RelayErrand
from pos_app.store.terminal_store import TerminalStore
from pos_app.store.users import Role
from pos_app.till.back_office import BackOffice
from pos_app.till.checkout import Checkout
from pos_app.till.terminal import Terminal
from tests.harness.ecommpay_till import SANDBOX, ecommpay_relay_config, ecommpay_till
from tests.harness.relay_process import (
    free_port,
    relay_config,
    signed_ecommpay_callback,
    wait_until,
)

GATE_LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 2),)


class Form(HTMLParser):
    """The one form of a page, read the way a browser reads it (entities decoded)."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.method = ""
        self.action = ""
        self.fields: dict[str, str] = {}
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.method, self.action = values.get("method", "get"), values["action"]
        elif tag == "input" and values.get("type") == "hidden":
            self.fields[values["name"]] = values.get("value", "")


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[EmbeddedRelay]:
    with start_relay(ecommpay_relay_config(tmp_path / "relay.db")) as running:
        yield running


@pytest.mark.parametrize("form", ECOMMPAY_REDIRECT_FORMS)
def test_the_phone_waits_then_is_sent_to_the_wallet_and_the_terminal_sees_it_paid(
    relay: EmbeddedRelay, form: str
) -> None:
    """In both forms of the redirect callback: the whole payment, or the bare redirect."""
    shapes = Shapes(SANDBOX.shape_seed)
    invoice = shapes.pick("KSR-T1-20240501-00", lambda i: shapes.ecommpay_redirect_form(i) == form)
    with ecommpay_till(relay, ProviderName.ECOMMPAY_GATE) as ecommpay:
        till, sandbox_url = ecommpay.relay_client, ecommpay.sandbox_url
        qr_url = till.register_payment(invoice, ProviderName.ECOMMPAY_GATE, 25_000)
        assert qr_url and qr_url.startswith(relay.url + "/r/")
        assert len(qr_url.removeprefix(relay.url + "/r/")) <= 24
        waiting = httpx.get(qr_url)
        assert waiting.status_code == 200
        assert 'http-equiv="refresh"' in waiting.text and "<form" not in waiting.text

        ecommpay.provider.create_payment(PaymentOrder(invoice, 25_000, redirect_url=qr_url))
        wait_until(lambda: "<form" in httpx.get(qr_url).text, what="the redirect_data callback")
        form = Form(httpx.get(qr_url).text)
        assert form.method == "post"
        assert form.action == sandbox_url + "/ecommpay/doku/wallet"
        assert form.fields["PAYMENTCHANNEL"] == "41" and form.fields["SESSIONID"]

        wallet = httpx.post(form.action, data=form.fields)
        assert wallet.status_code == 200
        choice = re.search(r'action="([^"]+)"', wallet.text)
        assert choice, wallet.text
        assert httpx.post(sandbox_url + choice.group(1), data={"choice": "pay"}).status_code == 200

        wait_until(
            lambda: till.payment_status(invoice).status is PaymentStatus.PAID,
            what="the paid callback",
        )
        events, _ = till.fetch(RelayPosition())
        # The redirect callback, then for some payment ids an intermediate one (as ecommpay
        # sends: "external processing", "awaiting customer"), then the payment.
        assert {e.provider for e in events} == {ProviderName.ECOMMPAY_GATE}
        statuses = [e.status for e in events]
        assert statuses[-1] is PaymentStatus.PAID
        assert statuses[:-1] and set(statuses[:-1]) == {PaymentStatus.PENDING}
        finished = httpx.get(qr_url)
        assert "Pembayaran berhasil" in finished.text and "<form" not in finished.text


def test_a_declined_gate_payment_says_so_instead_of_redirecting(tmp_path: Path) -> None:
    with start_relay(relay_config(tmp_path / "relay.db")) as relay:
        till = RelayClient(relay.url, relay.add_terminal("T1"))
        page_url = till.register_payment("KSR-T1-20240501-000001", ProviderName.ECOMMPAY_GATE, 400)
        redirect = {"method": "POST", "url": "https://pay.example/form", "body": {"A": 1}}
        for status, data in (("awaiting redirect result", redirect), ("decline", None)):
            body = signed_ecommpay_callback(
                payment_id="KSR-T1-20240501-000001", amount=400, status=status, redirect_data=data
            )
            assert httpx.post(relay.url + "/ecommpay/callbacks", content=body).status_code == 200

        assert page_url is not None
        page = httpx.get(page_url)
        till.close()

    assert page.status_code == 200
    assert "tidak selesai" in page.text and "<form" not in page.text


@pytest.mark.parametrize("ttl", [None, 0], ids=["unknown", "expired"])
def test_unknown_and_expired_links_get_a_friendly_404(tmp_path: Path, ttl: int | None) -> None:
    overrides = {} if ttl is None else {"redirect_ttl_seconds": ttl}
    with start_relay(relay_config(tmp_path / "relay.db", **overrides)) as relay:
        till = RelayClient(relay.url, relay.add_terminal("T1"))
        page_url = till.register_payment(
            "KSR-T1-20240501-000001", ProviderName.ECOMMPAY_GATE, 1_000
        )
        url = page_url if ttl is not None else till.redirect_url("nO5uchT0ken")
        page = httpx.get(url)
        till.close()

    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "unknown or has expired" in page.text


def test_the_qr_shows_the_redirect_page_on_the_relays_public_address(tmp_path: Path) -> None:
    """A till that reaches the relay over the shop's network showed its own address for the
    relay in the QR: a page the customer's phone cannot open."""
    public = "https://relay.example.id"
    store = TerminalStore(tmp_path / "kasir.db")
    with (
        start_relay(ecommpay_relay_config(tmp_path / "relay.db", public_url=public)) as relay,
        ecommpay_till(relay, ProviderName.ECOMMPAY_GATE) as ecommpay,
    ):
        checkout = ecommpay.checkout(store)
        try:
            lines = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 2),)
            attempt = checkout.start_qr_payment(checkout.open_sale(lines, cashier="Sari"))
        finally:
            store.close()

    assert attempt.payment_url is not None and attempt.payment_url.startswith(public + "/r/")


@contextmanager
def gate_checkout(
    relay: EmbeddedRelay, store: TerminalStore, clock: Callable[[], datetime] = utc_now
) -> Iterator[tuple[Checkout, str]]:
    """A till on ecommpay Gate with the real sandbox and ``relay``, a Gate QR up for a sale of
    Rp 7.000 whose phone page shows the wallet's form: the checkout and the page's address."""
    with ecommpay_till(relay, ProviderName.ECOMMPAY_GATE) as ecommpay:
        checkout = ecommpay.checkout(store, clock)
        sale_id = checkout.open_sale(GATE_LINES, cashier="Sari")
        page = checkout.start_qr_payment(sale_id).payment_url
        assert page is not None
        wait_until(lambda: "<form" in httpx.get(page).text, what="the redirect callback")
        yield checkout, page


@pytest.mark.parametrize("ended", ["cancelled for cash", "expired"])
def test_a_page_the_till_gave_up_sends_no_phone_to_the_wallet(
    relay: EmbeddedRelay, tmp_path: Path, ended: str
) -> None:
    """The phone sits on the relay's page; the cashier takes cash (or the countdown ends). The
    page went on serving the wallet's form for its whole time limit, so the customer could pay
    a sale already paid in cash."""
    now = [datetime.now(UTC)]
    store = TerminalStore(tmp_path / "kasir.db")
    with gate_checkout(relay, store, lambda: now[0]) as (checkout, page):
        [attempt] = store.payments.open_attempts()
        sale_id = attempt.sale_id
        if ended == "cancelled for cash":
            checkout.pay_cash(sale_id, 7_000)
        else:
            assert attempt.expires_at is not None
            now[0] = attempt.expires_at + timedelta(seconds=2)
            assert checkout.expire_if_due(attempt.invoice_number).state is AttemptState.EXPIRED

        wait_until(lambda: httpx.get(page).status_code == 404, what="the page to end")
        assert "<form" not in httpx.get(page).text
    store.close()


def test_a_terminal_ends_only_its_own_pages(relay: EmbeddedRelay) -> None:
    invoice = "KSR-T1-20240501-000777"
    with (
        RelayClient(relay.url, relay.add_terminal("T1")) as till,
        RelayClient(relay.url, relay.add_terminal("T2")) as other,
    ):
        page = till.register_payment(invoice, ProviderName.ECOMMPAY_GATE, 25_000)
        assert page is not None
        other.end_page(invoice)
        assert httpx.get(page).status_code == 200, "another till's word ends nothing"
        till.end_page(invoice)
        assert httpx.get(page).status_code == 404
        till.end_page(invoice)  # again: nothing more to end, and no error


def test_a_page_lives_as_long_as_the_tills_qr(relay: EmbeddedRelay) -> None:
    """A till counting down an hour: the page lived the relay's 30 minutes, and the phone was
    told the link had expired while the cashier's QR could still be paid."""
    later = datetime.now(UTC) + timedelta(hours=1)
    soon = datetime.now(UTC) + timedelta(minutes=5)
    far = datetime.now(UTC) + timedelta(days=30)
    token = relay.add_terminal("T1")
    with RelayClient(relay.url, token) as till:
        for number, expires_at in enumerate((later, soon, far), start=1):
            till.register_payment(
                f"KSR-T1-20240501-00088{number}", ProviderName.ECOMMPAY_GATE, 25_000, expires_at
            )
        refused = httpx.post(
            relay.url + "/v1/payments",
            headers={"Authorization": f"Bearer {token}"},
            json={
                "invoice_number": "KSR-T1-20240501-000889",
                "provider": "ecommpay-gate",
                "amount": 25_000,
                "expires_at": "in an hour",
            },
        )
    ends = relay.storage.read_here(
        lambda conn: [
            datetime.fromisoformat(row[0])
            for row in conn.execute(
                "SELECT redirect_expires_at FROM payments WHERE invoice_number LIKE ?"
                " ORDER BY invoice_number",
                ("KSR-T1-20240501-00088%",),
            )
        ]
    )
    ttl = timedelta(seconds=relay.app.config.redirect_ttl_seconds)
    assert abs(ends[0] - later) < timedelta(milliseconds=1)  # kept to the millisecond
    assert ends[1] >= soon + ttl - timedelta(minutes=5), "never shorter than the relay's own"
    assert ends[2] <= datetime.now(UTC) + timedelta(days=7), "at most a week"
    assert refused.status_code == 400 and "expires_at" in refused.json()["error"]


def test_a_page_of_a_basket_changed_and_paid_in_cash_ends(
    relay: EmbeddedRelay, tmp_path: Path
) -> None:
    """A Gate payment still open when the basket changed and cash was taken: its sale was
    cancelled with the attempt, and the page went on sending phones to the wallet."""
    store = TerminalStore(tmp_path / "kasir.db")
    with gate_checkout(relay, store) as (checkout, page):
        [attempt] = store.payments.open_attempts()
        sale_id = attempt.sale_id
        changed = (LineItem("TEH-001", "Teh Botol", 5000, 1),)
        assert checkout.take_cash(changed, 5_000, cashier="Sari", reuse=sale_id).sale is not None
        assert store.payments.get_attempt(attempt.invoice_number).state is AttemptState.CANCELLED
        wait_until(lambda: httpx.get(page).status_code == 404, what="the page to end")
    store.close()


def test_a_page_end_the_relay_did_not_hear_is_sent_on_a_follow_up_pass(
    relay: EmbeddedRelay, tmp_path: Path
) -> None:
    """The relay was out of reach for a moment when the cashier took cash instead: the page
    went on sending phones to the wallet until its time limit."""
    store = TerminalStore(tmp_path / "kasir.db")
    with gate_checkout(relay, store) as (checkout, page):
        [attempt] = store.payments.open_attempts()
        reachable = checkout.relay
        checkout.relay = RelayClient(f"http://127.0.0.1:{free_port()}", "away")
        checkout.pay_cash(attempt.sale_id, 7_000)
        owed = store.relay_errands.owed
        wait_until(
            lambda: owed(RelayErrand.END_PAGE) == [attempt.invoice_number],
            what="the page end to be owed",
        )
        assert "<form" in httpx.get(page).text, "the relay did not hear it"
        assert checkout.registrations.end_pages_due() == 0, "still out of reach: owed on"

        checkout.relay = reachable
        assert checkout.registrations.end_pages_due() == 1
        assert httpx.get(page).status_code == 404
        assert owed(RelayErrand.END_PAGE) == []
    store.close()


def test_a_manager_resolving_an_open_gate_payment_ends_its_page(
    relay: EmbeddedRelay, tmp_path: Path
) -> None:
    """Problem payments' "Mark resolved" cancels an open payment as the cashier's cancel does,
    but its page went on sending phones to the wallet."""
    store = TerminalStore(tmp_path / "kasir.db")
    manager = store.users.add_user("Bu Rina", Role.MANAGER, "9999", now=utc_now())
    with gate_checkout(relay, store) as (checkout, page):
        [attempt] = store.payments.open_attempts()
        office = BackOffice(Terminal(Settings(), store, checkout, relay=None), manager)
        office.resolve(attempt.invoice_number, "customer left; paid in cash at the next till")
        assert store.payments.get_attempt(attempt.invoice_number).state is AttemptState.CANCELLED
        wait_until(lambda: httpx.get(page).status_code == 404, what="the page to end")
    store.close()
