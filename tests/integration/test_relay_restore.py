"""A relay database restored from a backup, or made anew, against a terminal that read past it.

The terminal (its real store and checkout) long-polls a real relay on loopback. Each scenario
runs twice: with the clock, whose microseconds keep a restored relay's new cursors above the old
ones, and with the clock turned back, so that only the epoch stands between the terminal and a
skipped payment.
"""

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.commands import relay_service
from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import RefundStatus, SaleStatus
from pos_app.payments.model import (
    AttemptState,
    PaymentOrder,
    PaymentRequest,
    ProviderName,
    StatusResult,
)
from pos_app.relay import storage
from pos_app.store.payment_records import EventSource, Outcome, PaymentAttempt
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.relay_errands import RelayErrand
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from pos_app.till.refund_payouts import new_payout_id
from tests.harness.relay_process import (
    relay_config,
    signed_doku_notification,
    signed_ecommpay_callback,
)

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 2),)
TOTAL = 7_000
REFUND = 2_000


class QrProvider:
    """Creates DOKU orders without a provider behind them: their news comes only via the relay."""

    name = ProviderName.DOKU

    def create_payment(self, order: PaymentOrder) -> PaymentRequest:
        return PaymentRequest(
            self.name,
            order.invoice_number,
            order.amount,
            f"https://pay.test/{order.invoice_number}",
        )

    def check_status(self, invoice_number: str) -> StatusResult:
        raise AssertionError("this terminal learns everything from the relay")


@pytest.fixture(params=["clock", "clock turned back"])
def clock(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.param == "clock turned back":
        monkeypatch.setattr(storage, "clock_cursor", lambda: 0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TerminalStore]:
    store = TerminalStore(tmp_path / "kasir.db")
    yield store
    store.close()


class Till:
    """The terminal: its checkout, connected to whichever relay runs now."""

    def __init__(self, store: TerminalStore) -> None:
        self.checkout = Checkout(store, QrProvider(), terminal_id="T1")  # type: ignore[arg-type]
        self.announced: list[str] = []
        self.checkout.subscribe(lambda attempt: self.announced.append(attempt.invoice_number))

    def connect(self, relay: EmbeddedRelay, token: str) -> None:
        if self.checkout.relay is not None:
            self.checkout.relay.close()
        self.checkout.relay = RelayClient(relay.url, token)

    def qr_sale(self) -> str:
        sale_id = self.checkout.open_sale(LINES, cashier="Sari")
        return self.checkout.start_qr_payment(sale_id).invoice_number

    def cash_sale(self) -> int:
        sale_id = self.checkout.open_sale(LINES, cashier="Sari")
        self.checkout.pay_cash(sale_id, TOTAL)
        return sale_id

    def send_payout(self, sale_id: int) -> str:
        """A payout of :data:`REFUND`, recorded and registered as ``Payouts.dispatch`` does."""
        payout_id = new_payout_id("T1")
        self.checkout.store.refunds.create(
            sale_id,
            payout_id,
            REFUND,
            provider=ProviderName.ECOMMPAY_GATE.value,
            account_number="081234567890",
            customer_name="Ani",
            approved_by="Manajer",
            now=datetime.now(UTC),
        )
        assert self.checkout.relay is not None
        self.checkout.relay.register_payment(payout_id, ProviderName.ECOMMPAY_GATE, REFUND)
        return payout_id

    def catch_up(self) -> None:
        """Poll until the relay has nothing more for this terminal."""
        assert self.checkout.relay is not None
        for _ in range(20):
            before = self.checkout.relay_position()
            self.checkout.relay.poll(self.checkout, wait=0)
            if self.checkout.relay_position() == before:
                return
        raise AssertionError("the terminal never caught up with the relay")

    def attempt(self, invoice: str) -> PaymentAttempt:
        return self.checkout.store.payments.get_attempt(invoice)

    def close(self) -> None:
        if self.checkout.relay is not None:
            self.checkout.relay.close()


@pytest.fixture
def till(store: TerminalStore) -> Iterator[Till]:
    till = Till(store)
    yield till
    till.close()


def pay(relay: EmbeddedRelay, invoice: str) -> None:
    headers, body = signed_doku_notification(invoice_number=invoice, amount=TOTAL)
    answer = httpx.post(relay.url + "/doku/notifications", content=body, headers=headers)
    assert answer.status_code == 200, answer.text


def pay_out(relay: EmbeddedRelay, payout_id: str) -> None:
    body = signed_ecommpay_callback(payment_id=payout_id, amount=REFUND)
    answer = httpx.post(relay.url + "/ecommpay/callbacks", content=body)
    assert answer.status_code == 200, answer.text


def relayed(attempt: PaymentAttempt) -> list[Outcome]:
    return [event.outcome for event in attempt.events if event.source is EventSource.RELAY]


class Backup:
    """The relay's database and its backup, as the operator takes one and restores it."""

    def __init__(self, folder: Path) -> None:
        self.db, self.saved = folder / "relay.db", folder / "relay-backup.db"

    def take(self) -> None:
        assert relay_service.main(["backup", str(self.saved), "--db", str(self.db)]) == 0

    @contextlib.contextmanager
    def restored(self, till: Till, token: str) -> Iterator[EmbeddedRelay]:
        """The backup restored (with its relay stopped), served again, the till connected."""
        assert relay_service.main(["restore", str(self.saved), "--db", str(self.db)]) == 0
        with start_relay(relay_config(self.db)) as relay:
            till.connect(relay, token)
            yield relay


@pytest.mark.usefixtures("clock")
def test_after_a_restore_every_later_event_arrives_once_and_nothing_applies_twice(
    tmp_path: Path, till: Till, store: TerminalStore
) -> None:
    backup = Backup(tmp_path)
    relay = start_relay(relay_config(backup.db))
    try:
        token = relay.add_terminal("T1")
        till.connect(relay, token)
        first, lost, after = till.qr_sale(), till.qr_sale(), till.qr_sale()
        cash_sale = till.cash_sale()
        payout_id = till.send_payout(cash_sale)
        pay(relay, first)
        pay_out(relay, payout_id)
        till.catch_up()

        backup.take()  # while it serves
        pay(relay, lost)  # after the backup: the restored relay will not know it
        till.catch_up()
        old_epoch = till.checkout.relay_position().epoch
    finally:
        relay.stop()
    refund = store.refunds.get(payout_id)
    assert refund.status is RefundStatus.PAID
    assert till.attempt(lost).state is AttemptState.PAID

    with backup.restored(till, token) as restored:
        till.announced.clear()
        pay(restored, after)
        newest = till.qr_sale()
        pay(restored, newest)
        till.catch_up()
        epoch = restored.storage.epoch

    assert old_epoch is not None and epoch != old_epoch
    assert till.checkout.relay_position().epoch == epoch
    for invoice in (first, lost, after, newest):
        attempt = till.attempt(invoice)
        assert attempt.state is AttemptState.PAID, invoice
        assert relayed(attempt) == [Outcome.APPLIED], invoice  # once, never repeated
        assert store.sales.get(attempt.sale_id).status is SaleStatus.COMPLETED
    assert sorted(set(till.announced)) == sorted({after, newest})  # the old ones stay quiet
    assert store.refunds.get(payout_id) == refund  # not settled a second time
    assert store.refunds.refundable(cash_sale) == TOTAL - REFUND
    assert store.payments.orphan_events() == []


def test_a_payment_registered_after_the_backup_reaches_the_till_from_the_restored_relay(
    tmp_path: Path, till: Till
) -> None:
    """The restored relay lacks the registration: the payment's notification waited there as
    an orphan, and the till learnt of it only if a status check happened to run."""
    backup = Backup(tmp_path)
    with start_relay(relay_config(backup.db)) as relay:
        token = relay.add_terminal("T1")
        till.connect(relay, token)
        till.catch_up()
        backup.take()
        later = till.qr_sale()  # registered after the backup

    with backup.restored(till, token) as restored:
        pay(restored, later)
        till.catch_up()
        assert till.checkout.store.relay_errands.owed(RelayErrand.REGISTER) == [later]
        assert till.checkout.registrations.register_due() == 1  # the follow-up pass
        till.catch_up()

    assert till.attempt(later).state is AttemptState.PAID
    assert till.checkout.store.relay_errands.owed(RelayErrand.REGISTER) == []


def test_a_payout_registered_after_the_backup_brings_its_reversal_from_the_restored_relay(
    tmp_path: Path, till: Till, store: TerminalStore
) -> None:
    """ecommpay reverses a paid payout days on (the wallet could not take it). The restored
    relay lacked the payout's registration, as the till registered only its attempts again:
    the reversal waited there as an orphan, the refund stayed paid and nobody was told that the
    customer is still owed the money."""
    backup = Backup(tmp_path)
    with start_relay(relay_config(backup.db)) as relay:
        token = relay.add_terminal("T1")
        till.connect(relay, token)
        till.catch_up()
        backup.take()
        sale_id = till.cash_sale()
        payout_id = till.send_payout(sale_id)  # registered after the backup
        pay_out(relay, payout_id)
        till.catch_up()
    assert store.refunds.get(payout_id).status is RefundStatus.PAID

    with backup.restored(till, token) as restored:
        till.catch_up()  # the new epoch
        assert store.relay_errands.owed(RelayErrand.REGISTER_PAYOUT) == [payout_id]
        reversal = signed_ecommpay_callback(
            payment_id=payout_id, amount=0, status="reversed", operation_id=6085000002999
        )
        answer = httpx.post(restored.url + "/ecommpay/callbacks", content=reversal)
        assert answer.status_code == 200, answer.text
        assert till.checkout.registrations.register_due() == 1  # the follow-up pass
        till.catch_up()

    assert store.refunds.get(payout_id).reversed_at is not None
    assert store.refunds.refundable(sale_id) == TOTAL
    problems = list_problems(store.repositories().db)
    assert (ProblemKind.PAYOUT_REVERSED, payout_id) in {
        (p.kind, p.invoice_number) for p in problems
    }
    assert store.relay_errands.owed(RelayErrand.REGISTER_PAYOUT) == []


@pytest.mark.usefixtures("clock")
def test_a_relay_database_made_anew_resets_the_terminal_which_keeps_working(
    tmp_path: Path, till: Till
) -> None:
    db = tmp_path / "relay.db"
    with start_relay(relay_config(db)) as relay:
        till.connect(relay, relay.add_terminal("T1"))
        before = till.qr_sale()
        pay(relay, before)
        till.catch_up()
        old = till.checkout.relay_position()
    for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        leftover.unlink(missing_ok=True)

    with start_relay(relay_config(db)) as anew:
        till.connect(anew, anew.add_terminal("T1"))  # the operator adds the till again
        first = till.qr_sale()
        pay(anew, first)
        till.catch_up()
        reset = till.checkout.relay_position()
        second = till.qr_sale()
        pay(anew, second)
        till.catch_up()

    assert reset.epoch == anew.storage.epoch != old.epoch
    for invoice in (before, first, second):
        assert till.attempt(invoice).state is AttemptState.PAID, invoice
        assert relayed(till.attempt(invoice)) == [Outcome.APPLIED], invoice
    assert till.checkout.relay_position().cursor > reset.cursor
