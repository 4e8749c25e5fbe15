"""DOKU reports that contradict the payment the till took, through the real relay and sandbox.

DOKU pays an order once, in full: its WooCommerce plugin (``JokulNotificationService.php``,
``JokulDb::checkTrx``) and Magento plugin (``Controller/Service/Notify.php``) look the order up
by invoice number *and* amount, answer 404 to any other amount, and take a repeated SUCCESS as
already done. So a second SUCCESS for the same invoice with another amount is no further part
of the payment (as ecommpay's "partially paid" is, ``test_ecommpay_paid_in_part.py``): the first
paid amount stands, and the report is kept apart as an orphan report the manager sees.

The sandbox sends what DOKU sends (one SUCCESS per order, for its amount); the contradicting
report is signed here with the relay's DOKU credentials, as only DOKU could.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import SaleStatus
from pos_app.payments.doku.client import DokuClient
from pos_app.payments.doku.provider import DokuWalletProvider
from pos_app.payments.model import AttemptState, ProviderName, RelayPosition
from pos_app.sandbox.config import SandboxConfig
from pos_app.store.errors import StoreError
from pos_app.store.payment_records import EventSource, Outcome
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from pos_app.till.problem_payments import resolve
from tests.harness.relay_process import (
    DOKU_CLIENT_ID,
    DOKU_SECRET_KEY,
    relay_config,
    signed_doku_body,
    signed_doku_notification,
    wait_until,
)
from tests.harness.sandbox_process import running_sandbox

DOKU = "/doku/notifications"
LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 2),)
TOTAL = 7_000
NOWHERE = "http://127.0.0.1:9/doku/notifications"


@dataclass
class Till:
    """A till whose DOKU orders go to the sandbox and whose notifications come via the relay."""

    relay: EmbeddedRelay
    sandbox: str
    client: RelayClient
    store: TerminalStore
    checkout: Checkout

    def qr_sale(self) -> tuple[int, str]:
        sale_id = self.checkout.open_sale(LINES, cashier="Sari")
        return sale_id, self.checkout.start_qr_payment(sale_id).invoice_number

    def customer_pays(self, invoice: str) -> None:
        """The customer pays at DOKU (the sandbox), which notifies the relay."""
        httpx.post(f"{self.sandbox}/_sandbox/pay/{invoice}").raise_for_status()

    def doku_notifies(self, invoice: str, amount: int, status: str = "SUCCESS") -> None:
        """DOKU posts a signed notification for ``invoice`` naming ``amount`` to the relay."""
        headers, body = signed_doku_notification(
            invoice_number=invoice, amount=amount, status=status
        )
        answer = httpx.post(self.relay.url + DOKU, content=body, headers=headers)
        assert answer.status_code == 200, answer.text

    def takes_news(self) -> None:
        """The till applies what the relay has for it (at least one event)."""
        wait_until(lambda: self.client.poll(self.checkout, wait=0.5) > 0, what="news")


@contextmanager
def running_till(tmp_path: Path, notify_url: str | None = None) -> Iterator[Till]:
    """The relay, the sandbox and a till; DOKU notifies ``notify_url`` (default: the relay)."""
    config = SandboxConfig(
        retry_scale=0.0001, doku_client_id=DOKU_CLIENT_ID, doku_secret_key=DOKU_SECRET_KEY
    )
    store = TerminalStore(tmp_path / "kasir.db")
    with (
        start_relay(relay_config(tmp_path / "relay.db")) as relay,
        running_sandbox(config) as (sandbox, _),
        RelayClient(relay.url, relay.add_terminal("T1")) as client,
    ):
        doku = DokuClient(base_url=sandbox, client_id=DOKU_CLIENT_ID, secret_key=DOKU_SECRET_KEY)
        provider = DokuWalletProvider(doku, notify_url=notify_url or relay.url + DOKU)
        checkout = Checkout(store, provider, terminal_id="T1", relay=client)
        yield Till(relay, sandbox, client, store, checkout)
    store.close()


@pytest.fixture
def till(tmp_path: Path) -> Iterator[Till]:
    with running_till(tmp_path) as running:
        yield running


@pytest.mark.parametrize("other", [1_000, TOTAL + 5_000])
def test_a_second_success_for_another_amount_keeps_the_first_and_is_listed(
    till: Till, other: int
) -> None:
    sale_id, invoice = till.qr_sale()
    till.customer_pays(invoice)
    till.takes_news()
    assert till.store.sales.get(sale_id).status is SaleStatus.COMPLETED

    till.doku_notifies(invoice, other)
    till.takes_news()

    attempt = till.store.payments.get_attempt(invoice)
    assert (attempt.state, attempt.late, attempt.received) == (AttemptState.PAID, False, TOTAL)
    assert [e.outcome for e in attempt.events if e.source is EventSource.RELAY] == [Outcome.APPLIED]
    assert till.store.sales.get(sale_id).status is SaleStatus.COMPLETED
    [problem] = list_problems(till.store.repositories().db)
    assert (problem.kind, problem.invoice_number) == (ProblemKind.ORPHAN, invoice)
    assert (problem.provider, problem.state, problem.amount) == (
        ProviderName.DOKU,
        AttemptState.PAID,
        other,
    )
    # Handed over again (a restored relay, another epoch), it is kept once.
    events, _ = till.client.fetch(RelayPosition())
    assert not till.store.payments.record_relay_event(events[-1], now=attempt.updated_at)
    assert len(till.store.payments.orphan_events()) == 1


def test_a_retry_of_the_same_success_is_no_conflict(till: Till) -> None:
    """DOKU's retry (or its Back Office's manual retry) repeats the amount: nothing to show."""
    sale_id, invoice = till.qr_sale()
    till.customer_pays(invoice)
    till.takes_news()

    till.doku_notifies(invoice, TOTAL)  # same amount, another body (DOKU's date and fields)
    till.takes_news()

    attempt = till.store.payments.get_attempt(invoice)
    assert [e.outcome for e in attempt.events if e.source is EventSource.RELAY] == [
        Outcome.APPLIED,
        Outcome.REPEATED,
    ]
    assert (attempt.received, till.store.sales.get(sale_id).status) == (
        TOTAL,
        SaleStatus.COMPLETED,
    )
    assert list_problems(till.store.repositories().db) == []


def test_the_right_amount_after_a_differing_success_does_not_make_it_payable(
    till: Till,
) -> None:
    """First a SUCCESS for Rp 1.000, then DOKU's own for the sale's total: the payment stays as
    first reported (kept apart, paying no sale), and the later report is listed beside it. Read
    as "the rest came in", it became a late payment of the whole total, free to complete a sale
    with money the till never saw reported once."""
    sale_id, invoice = till.qr_sale()
    till.doku_notifies(invoice, 1_000)
    till.takes_news()
    till.customer_pays(invoice)
    till.takes_news()

    attempt = till.store.payments.get_attempt(invoice)
    assert (attempt.state, attempt.late, attempt.received) == (AttemptState.PAID, True, 1_000)
    assert till.store.sales.get(sale_id).status is SaleStatus.OPEN
    with pytest.raises(StoreError, match="pays no sale"):
        till.store.payments.late_payment(invoice)
    listed = {(p.kind, p.amount) for p in list_problems(till.store.repositories().db)}
    assert listed == {(ProblemKind.DIFFERS, 1_000), (ProblemKind.ORPHAN, TOTAL)}


def test_the_manager_resolves_the_report_kept_apart_and_the_payment_stays_listed(
    till: Till,
) -> None:
    """Resolving the report kept apart resolves that report, not its invoice's payment: the
    resolution used to land on the attempt, clearing its own problem (Rp 1.000 reported of
    Rp 7.000) unseen and leaving the report listed for ever."""
    _, invoice = till.qr_sale()
    till.doku_notifies(invoice, 1_000)
    till.takes_news()
    till.customer_pays(invoice)
    till.takes_news()
    db = till.store.repositories().db
    [orphan] = [p for p in list_problems(db) if p.kind is ProblemKind.ORPHAN]

    resolve(
        db,
        invoice,
        reason="DOKU says it sent that by mistake",
        manager="Rina",
        now=orphan.since,
        seen=orphan,
    )

    assert {(p.kind, p.amount) for p in list_problems(db)} == {(ProblemKind.DIFFERS, 1_000)}
    attempt = till.store.payments.get_attempt(invoice)
    assert (attempt.state, attempt.received) == (AttemptState.PAID, 1_000)
    assert all(e.source is not EventSource.CASHIER for e in attempt.events)


def test_a_status_answer_that_contradicts_the_payment_is_listed_with_its_amount(
    tmp_path: Path,
) -> None:
    """The same through the cashier's "Check status" (DOKU's notification lost on its way)."""
    with running_till(tmp_path, NOWHERE) as till:
        sale_id, invoice = till.qr_sale()
        till.doku_notifies(invoice, 1_000)
        till.takes_news()
        till.customer_pays(invoice)

        attempt = till.checkout.check_status(invoice)

        assert (attempt.state, attempt.received) == (AttemptState.PAID, 1_000)
        assert till.store.sales.get(sale_id).status is SaleStatus.OPEN
        [report] = till.store.payments.orphan_events()
        assert report.source is EventSource.STATUS
        problems = list_problems(till.store.repositories().db)
        assert {(p.kind, p.provider, p.amount) for p in problems} == {
            (ProblemKind.DIFFERS, ProviderName.DOKU, 1_000),
            (ProblemKind.ORPHAN, ProviderName.DOKU, TOTAL),
        }


def test_asking_again_keeps_one_report_and_a_resolved_one_stays_resolved(
    tmp_path: Path,
) -> None:
    """Each Check status hears the same contradicting amount: it was kept apart again every
    time, and after the manager resolved it the next check listed it anew."""
    with running_till(tmp_path, NOWHERE) as till:
        _, invoice = till.qr_sale()
        till.doku_notifies(invoice, 1_000)
        till.takes_news()
        till.customer_pays(invoice)
        till.checkout.check_status(invoice)
        till.checkout.check_status(invoice)
        assert len(till.store.payments.orphan_events()) == 1
        db = till.store.repositories().db
        [orphan] = [p for p in list_problems(db) if p.kind is ProblemKind.ORPHAN]
        resolve(
            db, invoice, reason="checked with DOKU", manager="Rina", now=orphan.since, seen=orphan
        )

        till.checkout.check_status(invoice)

        assert {p.kind for p in list_problems(db)} == {ProblemKind.DIFFERS}
        assert [e.source for e in till.store.payments.orphan_events()] == [
            EventSource.STATUS,
            EventSource.CASHIER,
        ]


def test_a_doku_refund_is_taken_as_the_whole_payment(till: Till) -> None:
    """DOKU's REFUNDED names only the order's amount, no refunded amount (see
    ``pos_app/payments/doku/notification.py``): the whole payment went back."""
    sale_id, invoice = till.qr_sale()
    till.customer_pays(invoice)
    till.takes_news()

    till.doku_notifies(invoice, TOTAL, status="REFUNDED")
    till.takes_news()

    assert till.store.payments.get_attempt(invoice).state is AttemptState.REFUNDED
    [problem] = list_problems(till.store.repositories().db)
    assert (problem.kind, problem.amount, problem.sale_id) == (
        ProblemKind.REFUNDED,
        TOTAL,
        sale_id,
    )


def test_a_success_whose_amount_cannot_be_read_is_listed_for_the_manager_once(
    till: Till,
) -> None:
    """DOKU signs a SUCCESS whose amount Kasir cannot read: the relay keeps it and answers 200
    (refused, DOKU would stop sending it), but it handed it to no till, so only the relay's
    operator heard of it while the cashier could take the sale's money in cash, the customer
    having paid. The till now lists it for the manager; it pays no sale, and once resolved it
    stays so when a restored relay hands it over again."""
    sale_id, invoice = till.qr_sale()
    body = json.dumps(
        {"order": {"invoice_number": invoice, "amount": "tujuh ribu"},
         "transaction": {"status": "SUCCESS"}}
    ).encode()  # fmt: skip
    answer = httpx.post(till.relay.url + DOKU, content=body, headers=signed_doku_body(body))
    assert answer.status_code == 200, answer.text

    def listed() -> list[tuple[ProblemKind, str]]:
        till.client.poll(till.checkout, wait=0.2)
        db = till.store.repositories().db
        return [(problem.kind, problem.invoice_number) for problem in list_problems(db)]

    wait_until(lambda: (ProblemKind.ORPHAN, invoice) in listed(), what="the report listed")
    assert till.store.sales.get(sale_id).status is SaleStatus.OPEN
    assert till.store.payments.get_attempt(invoice).state is AttemptState.PENDING
    db = till.store.repositories().db
    [orphan] = [p for p in list_problems(db) if p.kind is ProblemKind.ORPHAN]
    resolve(db, invoice, reason="paid at DOKU", manager="Rina", now=orphan.since, seen=orphan)

    events, _ = till.client.fetch(RelayPosition())
    till.checkout.apply_relay_events(events, RelayPosition("restoredrelay", 1))

    assert (ProblemKind.ORPHAN, invoice) not in listed()
