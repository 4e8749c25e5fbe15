"""The checkout against the real local sandbox (DOKU direct) and a real SQLite store."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from pos_app.domain.basket import LineItem
from pos_app.domain.cash_count import CashCount
from pos_app.domain.clock import utc_now
from pos_app.domain.discounts import Approval, Discount
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import ChangeSource, SaleStatus
from pos_app.domain.pricing import price_sale
from pos_app.domain.tax import TaxClass, TaxPolicy, TaxRate
from pos_app.payments.doku.client import DokuClient
from pos_app.payments.doku.provider import DokuWalletProvider
from pos_app.payments.errors import ProviderUnreachable
from pos_app.payments.model import (
    OPEN_STATES,
    AttemptState,
    PaymentOrder,
    PaymentRequest,
    PaymentStatus,
    ProviderName,
    RelayEvent,
    RelayPosition,
    StatusResult,
)
from pos_app.sandbox.config import SandboxConfig
from pos_app.store.errors import SaleCompletedAlready, SalePaidAlready, StoreError
from pos_app.store.payment_records import EventSource, PaymentAttempt
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.sales import Tender
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import FOLLOW_UP_WINDOW, Checkout
from pos_app.till.day_close import close_day
from pos_app.till.problem_payments import attach, resolve
from tests.harness.sandbox_process import running_sandbox

LINES = (
    LineItem("MIE-001", "Indomie Goreng 85g", 3500, 3),
    LineItem("MIN-001", "Teh Botol Sosro 450ml", 5500, 1),
)
TOTAL = 3 * 3500 + 5500


@pytest.fixture
def sandbox() -> Iterator[str]:
    with running_sandbox(SandboxConfig(retry_scale=0.0001)) as (url, _):
        yield url


@pytest.fixture
def store(tmp_path: Path) -> TerminalStore:
    return TerminalStore(tmp_path / "kasir.db")


def doku_provider(base_url: str, *, timeout: float = 5.0) -> DokuWalletProvider:
    config = SandboxConfig()
    client = DokuClient(
        base_url=base_url,
        client_id=config.doku_client_id,
        secret_key=config.doku_secret_key,
        timeout=timeout,
    )
    return DokuWalletProvider(client, notify_url="http://127.0.0.1:9/doku/notifications")


def checkout_for(store: TerminalStore, provider: object, **kwargs: object) -> Checkout:
    return Checkout(store, provider, terminal_id="T1", **kwargs)  # type: ignore[arg-type]


def control(sandbox: str, action: str, invoice: str) -> None:
    httpx.post(f"{sandbox}/_sandbox/{action}/{invoice}").raise_for_status()


def test_qr_payment_paid_completes_the_sale(sandbox: str, store: TerminalStore) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    seen: list[PaymentAttempt] = []
    checkout.subscribe(seen.append)
    sale_id = checkout.open_sale(LINES, cashier="Sari")

    attempt = checkout.start_qr_payment(sale_id)
    assert attempt.state is AttemptState.PENDING
    assert attempt.amount == TOTAL
    assert attempt.payment_url and attempt.payment_url.startswith(sandbox)
    assert attempt.expires_at is not None

    control(sandbox, "pay", attempt.invoice_number)
    settled = checkout.check_status(attempt.invoice_number)
    assert settled.state is AttemptState.PAID
    sale = store.sales.get(sale_id)
    assert sale.status is SaleStatus.COMPLETED
    assert sale.tender is Tender.QR
    assert sale.invoice_number == attempt.invoice_number
    assert [line.quantity for line in sale.lines] == [3, 1]
    assert [a.state for a in seen][-1] is AttemptState.PAID
    sources = [event.source for event in store.payments.get_attempt(attempt.invoice_number).events]
    assert sources[0] == "system"
    assert sources[-1] == "status"


class SpyProvider:
    """Wraps the real provider to look at the store at the moment a request would leave."""

    def __init__(self, inner: DokuWalletProvider, store: TerminalStore) -> None:
        self.inner, self.store, self.name = inner, store, inner.name
        self.states_seen: list[AttemptState] = []

    def create_payment(self, order: PaymentOrder) -> PaymentRequest:
        self.states_seen.append(self.store.payments.get_attempt(order.invoice_number).state)
        return self.inner.create_payment(order)

    def check_status(self, invoice_number: str) -> StatusResult:
        return self.inner.check_status(invoice_number)


def test_the_attempt_is_stored_before_the_request_leaves(
    sandbox: str, store: TerminalStore
) -> None:
    spy = SpyProvider(doku_provider(sandbox), store)
    checkout = checkout_for(store, spy)
    checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Sari"))
    assert spy.states_seen == [AttemptState.CREATED]


def test_declined_then_a_new_invoice_for_the_same_sale(sandbox: str, store: TerminalStore) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    first = checkout.start_qr_payment(sale_id)
    control(sandbox, "decline", first.invoice_number)
    assert checkout.check_status(first.invoice_number).state is AttemptState.DECLINED
    assert store.sales.get(sale_id).status is SaleStatus.OPEN

    second = checkout.start_qr_payment(sale_id)
    assert second.invoice_number != first.invoice_number
    control(sandbox, "pay", second.invoice_number)
    assert checkout.check_status(second.invoice_number).state is AttemptState.PAID
    assert store.sales.get(sale_id).invoice_number == second.invoice_number


def test_payment_after_cancel_is_a_late_payment(sandbox: str, store: TerminalStore) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    attempt = checkout.start_qr_payment(sale_id)
    assert checkout.cancel_payment(attempt.invoice_number).state is AttemptState.CANCELLED

    control(sandbox, "pay", attempt.invoice_number)
    late = checkout.check_status(attempt.invoice_number)
    assert late.state is AttemptState.PAID
    assert late.late
    assert store.sales.get(sale_id).status is SaleStatus.OPEN
    assert [a.invoice_number for a in store.payments.late_payments()] == [attempt.invoice_number]


def test_lost_create_answer_is_recovered_without_a_second_order(
    sandbox: str, store: TerminalStore
) -> None:
    httpx.post(
        f"{sandbox}/_sandbox/delay",
        json={"path": "/dokuwallet-emoney/v1/payment", "seconds": 2, "count": 1},
    ).raise_for_status()
    checkout = checkout_for(store, doku_provider(sandbox, timeout=0.5))
    attempt = checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Sari"))
    assert attempt.state is AttemptState.PENDING
    orders = httpx.get(f"{sandbox}/_sandbox/orders").json()["orders"]
    assert [order["id"] for order in orders] == [attempt.invoice_number]


def test_unreachable_provider_leaves_an_unknown_attempt_that_resumes(
    sandbox: str, store: TerminalStore
) -> None:
    down = checkout_for(store, doku_provider("http://127.0.0.1:9", timeout=0.5))
    sale_id = down.open_sale(LINES, cashier="Sari")
    with pytest.raises(ProviderUnreachable):
        down.start_qr_payment(sale_id)
    [unknown] = store.payments.open_attempts()
    assert unknown.state is AttemptState.UNKNOWN
    assert unknown.payment_url is None

    restarted = checkout_for(store, doku_provider(sandbox))
    assert [a.invoice_number for a in restarted.resume()] == [unknown.invoice_number]
    recovered = restarted.check_status(unknown.invoice_number)
    assert recovered.state is AttemptState.PENDING
    assert recovered.payment_url


def test_an_attempt_of_the_provider_used_before_is_not_ordered_again_through_another(
    sandbox: str, store: TerminalStore
) -> None:
    """Its order sent again through the till's new provider, its QR would be a payment the
    attempt does not record, and that no status check or follow-up asks about."""
    down = checkout_for(store, doku_provider("http://127.0.0.1:9", timeout=0.5))
    sale_id = down.open_sale(LINES, cashier="Sari")
    with pytest.raises(ProviderUnreachable):
        down.start_qr_payment(sale_id)
    [unknown] = store.payments.open_attempts()

    switched = SpyProvider(doku_provider(sandbox), store)
    switched.name = ProviderName.ECOMMPAY_PAGE
    checkout = checkout_for(store, switched)
    with pytest.raises(StoreError, match="was made through doku, and this till now uses ecom"):
        checkout.check_status(unknown.invoice_number)
    kept = store.payments.get_attempt(unknown.invoice_number)
    assert switched.states_seen == [] and (kept.state, kept.payment_url) == (unknown.state, None)

    fresh = checkout.start_qr_payment(sale_id)
    assert fresh.provider is ProviderName.ECOMMPAY_PAGE and fresh.payment_url
    assert store.payments.get_attempt(unknown.invoice_number).state is AttemptState.CANCELLED


def test_an_attempt_no_provider_of_this_till_can_ask_still_ends_at_its_countdown(
    sandbox: str, store: TerminalStore
) -> None:
    """The till changed provider with a DOKU QR open: its check is refused for good, which is
    no silence to wait out. Taken for one, it stayed 'unknown' for ever."""
    now = [datetime.now(UTC)]
    doku = checkout_for(store, doku_provider(sandbox), clock=lambda: now[0])
    attempt = doku.start_qr_payment(doku.open_sale(LINES, cashier="Sari"))
    assert attempt.expires_at is not None
    switched = SpyProvider(doku_provider(sandbox), store)
    switched.name = ProviderName.ECOMMPAY_PAGE
    checkout = checkout_for(store, switched, clock=lambda: now[0])
    now[0] = attempt.expires_at + timedelta(minutes=1)

    assert checkout.check_or_expire(attempt.invoice_number).state is AttemptState.EXPIRED


def test_a_discount_that_outgrew_the_cashiers_limit_needs_the_manager_again(
    sandbox: str, store: TerminalStore
) -> None:
    """Rp 10.000 off ten teas (10 %, the cashier's to give), then the line cut to two: the
    same discount took half, and the sale was stored with nobody's approval."""
    checkout = checkout_for(store, doku_provider(sandbox), approval_above_percent=10)
    ten = LineItem("TEH-1", "Teh Kotak", 10_000, 10, discount=Discount.rupiah(10_000))
    assert checkout.open_sale([ten], cashier="Sari") > 0
    two = replace(ten, quantity=2)
    with pytest.raises(ValidationError, match="more than the 10% a cashier may give"):
        checkout.open_sale([two], cashier="Sari")
    assert checkout.open_sale([two], cashier="Sari", approval=Approval("Bu Rina", 5_000)) > 0
    with pytest.raises(ValidationError, match="a cashier may give"):
        checkout.open_sale(
            [replace(two, discount=None)], cashier="Sari", discount=Discount.percent(1_100)
        )


def test_a_managers_approval_covers_the_share_it_approved_and_no_more(
    sandbox: str, store: TerminalStore
) -> None:
    """A manager approved 20 % off the noodles; Rp 5.000 off ten teas (9 %, the cashier's to
    give) then took 45 % once the customer kept two. Any approval on the basket let it through:
    the sale was stored with a discount nobody approved."""
    checkout = checkout_for(store, doku_provider(sandbox), approval_above_percent=10)
    noodles = LineItem("MIE-1", "Indomie", 3_500, 1, discount=Discount.percent(2_000))
    teas = LineItem("TEH-1", "Teh Botol", 5_500, 2, discount=Discount.rupiah(5_000))
    approval = Approval("Bu Rina", 2_000)
    with pytest.raises(ValidationError, match="more than a manager approved"):
        checkout.open_sale([teas, noodles], cashier="Sari", approval=approval)
    assert store.repositories().db.execute("SELECT count(*) FROM sales").fetchone()[0] == 0

    sale_id = checkout.open_sale(
        [teas, noodles], cashier="Sari", approval=approval.widened("Pak Budi", 4_546)
    )
    assert store.sales.get(sale_id).discount_approved_by == "Pak Budi"


def test_expiry_asks_the_provider_once_more_then_expires(
    sandbox: str, store: TerminalStore
) -> None:
    now = [datetime.now(UTC)]
    checkout = checkout_for(
        store, doku_provider(sandbox), payment_expiry=timedelta(minutes=5), clock=lambda: now[0]
    )
    attempt = checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Sari"))
    assert checkout.expire_if_due(attempt.invoice_number).state is AttemptState.PENDING
    now[0] = attempt.expires_at + timedelta(seconds=1)
    assert checkout.expire_if_due(attempt.invoice_number).state is AttemptState.EXPIRED


def test_payments_that_ended_here_unpaid_are_asked_again_and_found_paid_after_all(
    sandbox: str, store: TerminalStore
) -> None:
    """The countdown ran out on one, the cashier gave up on the other, and each customer paid
    after that. Their notifications are lost (no relay here): only asking finds the money."""
    now = [datetime.now(UTC)]
    checkout = checkout_for(
        store, doku_provider(sandbox), payment_expiry=timedelta(minutes=5), clock=lambda: now[0]
    )
    expired = checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Sari"))
    cancelled = checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Sari"))
    checkout.cancel_payment(cancelled.invoice_number)
    now[0] = expired.expires_at + timedelta(seconds=1)
    assert checkout.expire_if_due(expired.invoice_number).state is AttemptState.EXPIRED
    assert checkout.follow_up_ended() == [], "not paid yet, so asked again later"
    assert checkout.follow_up_ended() == []
    asked = [
        [e.source for e in store.payments.get_attempt(invoice).events].count(EventSource.STATUS)
        for invoice in (expired.invoice_number, cancelled.invoice_number)
    ]
    assert asked == [1, 0], "only the last check at the countdown's end is kept: no news is not"
    control(sandbox, "pay", expired.invoice_number)
    control(sandbox, "pay", cancelled.invoice_number)

    found = checkout.follow_up_ended()

    ended = [expired.invoice_number, cancelled.invoice_number]
    assert [(a.invoice_number, a.state, a.late) for a in found] == [
        (invoice, AttemptState.PAID, True) for invoice in ended
    ]
    problems = list_problems(store.repositories().db)
    assert [(p.kind, p.invoice_number) for p in problems] == [
        (ProblemKind.LATE, invoice) for invoice in ended
    ]
    assert checkout.follow_up_ended() == [], "the provider's final word is in: not asked again"


def test_a_doku_payment_declined_here_and_paid_on_a_second_try_is_found_by_asking(
    sandbox: str, store: TerminalStore
) -> None:
    """The QR showed "declined" (DOKU said FAILED), the customer tried again and paid, and that
    SUCCESS was lost (no relay here): only asking finds the money."""
    checkout = checkout_for(store, doku_provider(sandbox))
    declined = checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Sari"))
    control(sandbox, "decline", declined.invoice_number)
    assert checkout.check_status(declined.invoice_number).state is AttemptState.DECLINED
    assert checkout.follow_up_ended() == []
    control(sandbox, "pay", declined.invoice_number)

    found = checkout.follow_up_ended()

    assert [(a.invoice_number, a.state, a.late) for a in found] == [
        (declined.invoice_number, AttemptState.PAID, True)
    ]
    problems = list_problems(store.repositories().db)
    assert [(p.kind, p.invoice_number) for p in problems] == [
        (ProblemKind.LATE, declined.invoice_number)
    ]


def test_a_payment_is_asked_again_only_until_its_final_word_and_for_a_day_at_most(
    sandbox: str, store: TerminalStore
) -> None:
    """DOKU's FAILED is not its final word for e-money (its Check Status API's status mapping):
    the customer may pay the same order on a second try."""
    now = [datetime.now(UTC)]
    checkout = checkout_for(store, doku_provider(sandbox), clock=lambda: now[0])
    tried = checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Sari"))
    checkout.cancel_payment(tried.invoice_number)
    control(sandbox, "decline", tried.invoice_number)
    since = now[0] - FOLLOW_UP_WINDOW
    assert checkout.follow_up_ended() == []
    assert [
        a.invoice_number for a in store.payments.ended_before_final_word(ProviderName.DOKU, since)
    ] == [tried.invoice_number]
    assert store.payments.ended_before_final_word(ProviderName.ECOMMPAY_PAGE, since) == []
    control(sandbox, "pay", tried.invoice_number)  # the second try

    assert [a.invoice_number for a in checkout.follow_up_ended()] == [tried.invoice_number]
    assert store.payments.ended_before_final_word(ProviderName.DOKU, since) == []

    long_ago = checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Sari"))
    checkout.cancel_payment(long_ago.invoice_number)
    now[0] += FOLLOW_UP_WINDOW + timedelta(seconds=1)
    control(sandbox, "pay", long_ago.invoice_number)
    assert checkout.follow_up_ended() == [], "a day after it ended, it is left to the relay"


def test_resume_completes_a_sale_paid_while_the_terminal_was_down(
    sandbox: str, store: TerminalStore
) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    attempt = checkout.start_qr_payment(sale_id)
    control(sandbox, "pay", attempt.invoice_number)
    checkout.store.payments.record_status(
        attempt.invoice_number, "paid", source="relay", now=datetime.now(UTC)
    )
    assert store.sales.get(sale_id).status is SaleStatus.OPEN

    assert checkout_for(store, doku_provider(sandbox)).resume() == []
    assert store.sales.get(sale_id).status is SaleStatus.COMPLETED


def test_cash_sale_with_change(store: TerminalStore) -> None:
    checkout = checkout_for(store, doku_provider("http://127.0.0.1:9"))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    with pytest.raises(ValidationError, match="less than the total"):
        checkout.pay_cash(sale_id, TOTAL - 1)
    sale = checkout.pay_cash(sale_id, 20000)
    assert (sale.status, sale.tender, sale.change_due) == (SaleStatus.COMPLETED, Tender.CASH, 4000)


def test_a_changed_basket_gets_a_new_sale(store: TerminalStore) -> None:
    checkout = checkout_for(store, doku_provider("http://127.0.0.1:9"))
    first = checkout.open_sale(LINES, cashier="Sari")
    assert checkout.open_sale(LINES, cashier="Sari", reuse=first) == first
    second = checkout.open_sale(LINES[:1], cashier="Sari", reuse=first)
    assert second != first
    assert store.sales.get(first).status is SaleStatus.CANCELLED


def test_cash_after_an_open_qr_attempt_makes_its_payment_late(
    sandbox: str, store: TerminalStore
) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    attempt = checkout.start_qr_payment(sale_id)
    assert checkout.pay_cash(sale_id, TOTAL).tender is Tender.CASH
    assert store.payments.get_attempt(attempt.invoice_number).state is AttemptState.CANCELLED

    control(sandbox, "pay", attempt.invoice_number)
    late = checkout.check_status(attempt.invoice_number)
    assert (late.state, late.late) == (AttemptState.PAID, True)


def test_a_new_qr_attempt_cancels_the_open_one(sandbox: str, store: TerminalStore) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    first = checkout.start_qr_payment(sale_id)
    second = checkout.start_qr_payment(sale_id)
    states = [a.state for a in store.payments.attempts_for_sale(sale_id)]
    assert states == [AttemptState.CANCELLED, AttemptState.PENDING]
    assert second.invoice_number != first.invoice_number


def relay_event(
    invoice: str,
    status: PaymentStatus,
    cursor: int,
    *,
    amount: int | None = TOTAL,
    currency: str | None = "IDR",
    payload: dict[str, object] | None = None,
) -> RelayEvent:
    return RelayEvent(
        cursor=cursor,
        invoice_number=invoice,
        provider=ProviderName.DOKU,
        status=status,
        received_at="2026-12-03T10:00:00Z",
        payload=payload if payload is not None else {"order": {"invoice_number": invoice}},
        amount=amount,
        currency=currency,
    )


@pytest.mark.parametrize(("amount", "currency"), [(1, "IDR"), (TOTAL + 1, "IDR"), (TOTAL, "USD")])
def test_a_payment_for_another_amount_or_currency_never_completes_the_sale(
    sandbox: str, store: TerminalStore, amount: int, currency: str
) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    attempt = checkout.start_qr_payment(sale_id)
    paid = relay_event(
        attempt.invoice_number, PaymentStatus.PAID, 1, amount=amount, currency=currency
    )
    assert checkout.apply_relay_events([paid], RelayPosition("e1", 1)) == [paid]

    kept = store.payments.get_attempt(attempt.invoice_number)
    assert (kept.state, kept.late, kept.amount_differs) == (AttemptState.PAID, True, True)
    assert (kept.paid_amount, kept.paid_currency) == (amount, currency)
    assert store.sales.get(sale_id).status is SaleStatus.OPEN
    [problem] = list_problems(store.repositories().db)
    assert (problem.kind, problem.amount) == (ProblemKind.DIFFERS, amount)
    with pytest.raises(StoreError, match="pays no sale"):
        store.payments.late_payment(attempt.invoice_number)
    # The differing money is kept apart, so the sale can still be paid in full another way.
    assert checkout.pay_cash(sale_id, TOTAL).tender is Tender.CASH


def test_the_right_amount_as_reported_completes_the_sale(
    sandbox: str, store: TerminalStore
) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    attempt = checkout.start_qr_payment(sale_id)
    paid = relay_event(attempt.invoice_number, PaymentStatus.PAID, 1)
    checkout.apply_relay_events([paid], RelayPosition("e1", 1))
    assert store.sales.get(sale_id).invoice_number == attempt.invoice_number
    assert store.payments.get_attempt(attempt.invoice_number).paid_amount == TOTAL


def paid_after_cancel(checkout: Checkout, sandbox: str) -> tuple[int, PaymentAttempt]:
    """A sale whose QR the cashier gave up on and the customer paid anyway: a late payment of
    its own sale, the sale still open."""
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    attempt = checkout.start_qr_payment(sale_id)
    checkout.cancel_payment(attempt.invoice_number)
    control(sandbox, "pay", attempt.invoice_number)
    assert checkout.check_status(attempt.invoice_number).late
    return sale_id, attempt


def test_a_restart_gives_up_a_qr_of_a_basket_paid_already_and_names_the_payment(
    sandbox: str, store: TerminalStore
) -> None:
    """The first QR given up, a second up for the same basket, then the first paid: put back
    on screen after a restart, the second was paid too; and nothing named the first."""
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    first = checkout.start_qr_payment(sale_id)
    checkout.cancel_payment(first.invoice_number)
    second = checkout.start_qr_payment(sale_id)
    control(sandbox, "pay", first.invoice_number)
    assert checkout.check_status(first.invoice_number).late

    restarted = checkout_for(store, doku_provider(sandbox))
    assert restarted.resume() == []
    assert store.payments.get_attempt(second.invoice_number).state is AttemptState.CANCELLED
    assert [a.invoice_number for a in restarted.paying_open_sales()] == [first.invoice_number]


def test_cash_is_refused_while_a_late_payment_pays_the_sale(
    sandbox: str, store: TerminalStore
) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id, attempt = paid_after_cancel(checkout, sandbox)

    with pytest.raises(SalePaidAlready, match="paid already") as refused:
        checkout.pay_cash(sale_id, 50000)
    assert refused.value.invoice_number == attempt.invoice_number
    assert store.sales.get(sale_id).status is SaleStatus.OPEN

    sale = checkout.complete_with_paid(sale_id, attempt.invoice_number, cashier="Sari")
    assert (sale.status, sale.tender, sale.invoice_number) == (
        SaleStatus.COMPLETED,
        Tender.QR,
        attempt.invoice_number,
    )
    assert not store.payments.get_attempt(attempt.invoice_number).late
    assert list_problems(store.repositories().db) == []
    [entry] = [e for e in store.repositories().audit.recent() if e.action == "payment.attach"]
    assert entry.actor == "Sari"
    last = store.sales.history(sale_id)[-1]
    assert (last.before, last.after, last.source, last.actor) == (
        SaleStatus.OPEN,
        SaleStatus.COMPLETED,
        ChangeSource.CASHIER,
        "Sari",
    )


def paid_after_abandon(checkout: Checkout, sandbox: str) -> tuple[int, PaymentAttempt]:
    """A sale the cashier abandoned (cancelled), its QR paid by the customer afterwards."""
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    attempt = checkout.start_qr_payment(sale_id)
    checkout.abandon_sale(sale_id, reason="customer left")
    control(sandbox, "pay", attempt.invoice_number)
    assert checkout.check_status(attempt.invoice_number).late
    return sale_id, attempt


def stored(store: TerminalStore) -> list[list[tuple[object, ...]]]:
    db = store.repositories().db
    tables = ("sales", "payment_attempts", "payment_events", "audit_log")
    return [db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in tables]


def one_key_refused(
    checkout: Checkout, sale_id: int, invoice: str, message: str
) -> list[PaymentAttempt]:
    """F11 with this pair is refused with ``message``, storing nothing; what listeners heard."""
    before = stored(checkout.store)
    heard: list[PaymentAttempt] = []
    unsubscribe = checkout.subscribe(heard.append)
    with pytest.raises(StoreError, match=message):
        checkout.complete_with_paid(sale_id, invoice, cashier="Sari")
    unsubscribe()
    assert stored(checkout.store) == before
    return heard


def test_the_one_key_refuses_a_payment_of_another_sale_and_changes_nothing(
    sandbox: str, store: TerminalStore
) -> None:
    """A mixed-up pair would complete the sale on screen with another customer's money (same
    total, its own sale cancelled) and cancel the QR the customer is paying now."""
    checkout = checkout_for(store, doku_provider(sandbox))
    walked_away, late = paid_after_abandon(checkout, sandbox)
    on_screen = checkout.open_sale(LINES, cashier="Sari")
    showing = checkout.start_qr_payment(on_screen)

    heard = one_key_refused(
        checkout,
        on_screen,
        late.invoice_number,
        f"payment {late.invoice_number} belongs to sale {walked_away}",
    )

    assert heard == []
    assert store.payments.get_attempt(showing.invoice_number).state is AttemptState.PENDING
    assert [p.invoice_number for p in list_problems(store.repositories().db)] == [
        late.invoice_number,
        showing.invoice_number,
    ]
    sale = checkout.complete_with_paid(walked_away, late.invoice_number, cashier="Sari")
    assert (sale.status, sale.invoice_number) == (SaleStatus.COMPLETED, late.invoice_number)


def test_the_one_key_refuses_a_payment_not_paid_or_taken_by_a_sale_already(
    sandbox: str, store: TerminalStore
) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    waiting = checkout.open_sale(LINES, cashier="Sari")
    pending = checkout.start_qr_payment(waiting)
    one_key_refused(checkout, waiting, pending.invoice_number, "is pending, not paid")
    assert store.payments.get_attempt(pending.invoice_number).state is AttemptState.PENDING

    walked_away, late = paid_after_abandon(checkout, sandbox)
    other = checkout.open_sale(LINES, cashier="Sari")
    attach(
        store.repositories().db,
        late.invoice_number,
        other,
        manager="Bu Rina",
        day=store.day,
        now=checkout.clock(),
    )
    one_key_refused(checkout, walked_away, late.invoice_number, "not a late payment")
    one_key_refused(checkout, other, late.invoice_number, f"belongs to sale {walked_away}")
    assert store.sales.get(walked_away).status is SaleStatus.CANCELLED
    assert store.sales.get(other).invoice_number == late.invoice_number


def test_take_cash_says_what_the_cash_came_to_and_never_raises(
    sandbox: str, store: TerminalStore
) -> None:
    """The counter's F9: the sale taken, refused for a payment that pays it (with that payment,
    for the paid banner, and the sale as stored), or refused in words."""
    checkout = checkout_for(store, doku_provider(sandbox))
    taken = checkout.take_cash(LINES, 50_000, cashier="Sari")
    assert taken.sale is not None and (taken.sale.status, taken.why) == (SaleStatus.COMPLETED, "")

    sale_id, attempt = paid_after_cancel(checkout, sandbox)
    refused = checkout.take_cash(LINES, 50_000, cashier="Sari", reuse=sale_id)
    assert refused.sale is None and "paid already" in refused.why
    assert refused.paid_by is not None and refused.paid_by.invoice_number == attempt.invoice_number
    assert refused.kept is not None and refused.kept.lines == store.sales.get(sale_id).lines

    short = checkout.take_cash(LINES, 1_000, cashier="Sari")
    assert (short.sale, short.paid_by) == (None, None) and short.why


def test_cash_for_a_total_the_store_prices_otherwise_is_refused(
    sandbox: str, store: TerminalStore
) -> None:
    """The screen showed one total and the store priced the sale at another (a new day's PPN
    rate since the basket was priced): the change the cashier handed over was wrong."""
    checkout = checkout_for(store, doku_provider(sandbox))
    refused = checkout.take_cash(LINES, 50_000, cashier="Sari", asked=TOTAL - 35)
    assert refused.sale is None and "the total is now Rp 16.000" in refused.why
    assert refused.kept is not None and refused.kept.status is SaleStatus.OPEN

    taken = checkout.take_cash(LINES, 50_000, cashier="Sari", reuse=refused.kept.id, asked=TOTAL)
    assert taken.sale is not None and taken.sale.change_due == 50_000 - TOTAL


def test_a_sale_rung_up_before_an_early_close_is_priced_again_when_cash_comes_after(
    sandbox: str, store: TerminalStore
) -> None:
    """F12 rang the sale up at today's 11 % (PPN on top), the QR was given up and the manager
    closed the day early: the screen asked the next day's 12 %, the basket kept reusing its
    open sale at 11 %, and cash was refused every time it was taken again."""
    today = store.business_date(utc_now())
    tax = TaxPolicy(
        enabled=True,
        prices_include_tax=False,
        rates={
            TaxClass.STANDARD: (
                TaxRate(date(2022, 4, 1), 1100),
                TaxRate(today + timedelta(days=1), 1200),
            ),
            TaxClass.EXEMPT: (TaxRate(date(2000, 1, 1), 0),),
        },
    )
    checkout = checkout_for(store, doku_provider(sandbox), tax=tax)
    goreng = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 1),)
    sale_id = checkout.open_sale(goreng, cashier="Sari")
    checkout.cancel_payment(checkout.start_qr_payment(sale_id).invoice_number)
    close_day(
        store.repositories().db, today, day=store.day, counted=CashCount({}), closed_by="Bu Rina"
    )
    asked = price_sale(goreng, tax=tax, day=today + timedelta(days=1)).total

    taken = checkout.take_cash(goreng, 10_000, cashier="Sari", reuse=sale_id, asked=asked)
    assert taken.sale is not None and taken.sale.total == asked == 3_920, taken.why
    assert store.sales.get(sale_id).status is SaleStatus.CANCELLED


def test_late_news_says_which_payments_are_still_kept_and_if_the_banners_may_pay(
    sandbox: str, store: TerminalStore
) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    _, attempt = paid_after_cancel(checkout, sandbox)
    news = checkout.late_news(attempt.invoice_number)
    assert (news.kept, news.refused) == (frozenset({attempt.invoice_number}), None)

    db = store.repositories().db
    resolve(db, attempt.invoice_number, reason="paid back", manager="Bu", now=checkout.clock())

    news = checkout.late_news(attempt.invoice_number)
    assert news.kept == frozenset() and isinstance(news.refused, StoreError)


def test_cash_after_the_qr_payment_completed_the_sale_says_so(
    sandbox: str, store: TerminalStore
) -> None:
    """The cashier presses F9 a moment after the customer's payment completed the sale: the
    refusal says the customer paid by QR, and nothing about the sale changes."""
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    attempt = checkout.start_qr_payment(sale_id)
    control(sandbox, "pay", attempt.invoice_number)
    checkout.check_status(attempt.invoice_number)
    completed = store.sales.get(sale_id)

    with pytest.raises(SaleCompletedAlready, match=r"paid Rp 16\.000 by QR a moment ago"):
        checkout.pay_cash(sale_id, 50000)
    assert store.sales.get(sale_id) == completed

    # The counter's F9 on the basket's sale: it was made anew for the cash, charging twice.
    refused = checkout.take_cash(LINES, 50_000, cashier="Sari", reuse=sale_id, asked=TOTAL)
    assert refused.sale is None and "by QR a moment ago" in refused.why
    with pytest.raises(SaleCompletedAlready):  # F12 likewise: no new QR for a paid basket
        checkout.store_qr_attempt(LINES, cashier="Sari", reuse=sale_id)
    assert store.repositories().db.execute("SELECT count(*) FROM sales").fetchone()[0] == 1


def test_an_event_that_cannot_be_stored_does_not_stop_its_batch(
    sandbox: str, store: TerminalStore
) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    first = checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Sari"))
    second_sale = checkout.open_sale(LINES, cashier="Sari")
    second = checkout.start_qr_payment(second_sale)
    unstorable = relay_event(
        first.invoice_number, PaymentStatus.PAID, 1, payload={"tips": float("nan")}
    )
    fine = relay_event(second.invoice_number, PaymentStatus.PAID, 2)

    assert checkout.apply_relay_events([unstorable, fine], RelayPosition("e1", 2)) == [fine]
    assert store.sales.get(second_sale).status is SaleStatus.COMPLETED
    assert store.payments.relay_position() == RelayPosition("e1", 2)
    [kept] = store.payments.orphan_events()
    assert kept.invoice_number == first.invoice_number
    assert "NaN" in kept.payload["payload_text"]


def test_a_differing_payment_leaves_the_sale_free_for_a_new_qr_or_a_cancel(
    sandbox: str, store: TerminalStore
) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    first = checkout.start_qr_payment(sale_id)
    paid = relay_event(first.invoice_number, PaymentStatus.PAID, 1, amount=1)
    checkout.apply_relay_events([paid], RelayPosition("e1", 1))

    second = checkout.start_qr_payment(sale_id)
    assert second.state is AttemptState.PENDING
    assert checkout.abandon_sale(sale_id).status is SaleStatus.CANCELLED
    assert store.payments.get_attempt(first.invoice_number).received == 1


def test_an_overpayment_can_be_refunded_whole(sandbox: str, store: TerminalStore) -> None:
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    attempt = checkout.start_qr_payment(sale_id)
    paid = relay_event(attempt.invoice_number, PaymentStatus.PAID, 1, amount=TOTAL + 5_000)
    checkout.apply_relay_events([paid], RelayPosition("e1", 1))
    assert store.refunds.refundable(sale_id, attempt.invoice_number) == TOTAL + 5_000
    assert store.refunds.refundable(sale_id) == 0, "no sale took it: it is refunded by name"


def test_a_refused_qr_charge_takes_no_invoice_number(sandbox: str, store: TerminalStore) -> None:
    """F12 on a sale that a late payment pays is refused before any order leaves: the next
    order sent gets the number right after the last one sent, so the numbers have no gap."""
    checkout = checkout_for(store, doku_provider(sandbox))
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    first = checkout.start_qr_payment(sale_id)
    checkout.cancel_payment(first.invoice_number)
    control(sandbox, "pay", first.invoice_number)
    assert checkout.check_status(first.invoice_number).late

    with pytest.raises(StoreError, match=f"already has payment {first.invoice_number}"):
        checkout.start_qr_payment(sale_id)
    with pytest.raises(StoreError, match=f"already has payment {first.invoice_number}"):
        checkout.start_qr_payment(sale_id)
    assert [a.invoice_number for a in store.payments.attempts_for_sale(sale_id)] == [
        first.invoice_number
    ]

    second = checkout.start_qr_payment(checkout.open_sale(LINES[:1], cashier="Sari"))
    assert second.state is AttemptState.PENDING
    assert int(second.invoice_number.rsplit("-", 1)[1]) == (
        int(first.invoice_number.rsplit("-", 1)[1]) + 1
    )


def test_the_last_check_that_cannot_reach_the_provider_does_not_call_the_payment_expired(
    tmp_path: Path,
) -> None:
    """The customer pays seconds before the countdown ends; the notification is slow (here it
    never comes) and at the last check the provider cannot be reached. ``expire_if_due`` logs
    the failed check and makes the attempt ``expired`` anyway: the dialog says "The QR code
    expired" and offers "Other tender", so the cashier takes cash for a basket the customer
    has already paid by wallet. Not knowing is ``unknown`` ("Payment service unreachable,
    still trying"), not ``expired``."""
    shift = [timedelta(0)]
    store = TerminalStore(tmp_path / "last-check.db")
    try:
        with running_sandbox(SandboxConfig(retry_scale=0.0001)) as (url, _):
            checkout = Checkout(
                store,
                doku_provider(url, timeout=2.0),
                terminal_id="T1",
                clock=lambda: datetime.now(UTC) + shift[0],
            )
            sale_id = checkout.open_sale(LINES, cashier="Sari")
            attempt = checkout.start_qr_payment(sale_id)
            control(url, "pay", attempt.invoice_number)  # paid, in time
        # the provider is out of reach when the countdown ends
        shift[0] = attempt.expires_at - datetime.now(UTC) + timedelta(seconds=1)
        ended = checkout.expire_if_due(attempt.invoice_number)
        assert ended.state is AttemptState.UNKNOWN and ended.state in OPEN_STATES, ended.state
    finally:
        store.close()
