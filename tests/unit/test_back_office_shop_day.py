"""The back office resolves a problem payment by the shop's day rule, not Kasir's default
(Jakarta, midnight): a shop open past midnight with a 04:00 cut-off has 01:30 on the day before.
A resolution that cancels an open payment is money news like any other: written by a till whose
clock went back across a day close, it is stamped at that close, so the closed day stays as it
was signed off."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount
from pos_app.payments.model import AttemptState, PaymentRequest, ProviderName
from pos_app.reports.z_report import build_z_report
from pos_app.settings.terminal_config import Settings
from pos_app.store.day_closes import DayCloses
from pos_app.store.terminal_store import TerminalStore
from pos_app.store.users import Role
from pos_app.till.back_office import BackOffice
from pos_app.till.checkout import Checkout
from pos_app.till.day_close import close_day
from pos_app.till.terminal import Terminal
from tests.unit.test_back_office_audit import NoProvider

JAKARTA = ZoneInfo("Asia/Jakarta")
SHOP = BusinessDay(JAKARTA, time(4, 0))
D = date(2026, 11, 21)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


class Clock:
    """The till's clock, which the test sets (back)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(local("2026-11-22T01:00"))


@pytest.fixture
def office(tmp_path: Path, clock: Clock) -> Iterator[BackOffice]:
    store = TerminalStore(tmp_path / "kasir.db", SHOP)
    checkout = Checkout(store, NoProvider(), terminal_id="T1", clock=clock)
    terminal = Terminal(Settings(), store, checkout, relay=None)
    manager = store.users.add_user("Bu Rina", Role.MANAGER, "9999", now=clock())
    yield BackOffice(terminal, manager)
    terminal.close()


def test_a_resolution_by_a_clock_set_back_across_a_close_is_stamped_at_the_close(
    office: BackOffice, clock: Clock
) -> None:
    """At 01:00 a QR payment is asked for (the shop's 21st; Jakarta midnight's 22nd), and at
    03:00 the 21st is closed with it still open. A clock set back to 01:30 then resolves it: the
    cancel belongs after the close, on the 22nd, not in the 21st's signed-off counts."""
    store = office.store
    sale_id = store.sales.create_sale(
        [LineItem("KOPI", "Kopi", 6000, 2)], cashier="Sari", terminal_id="T1", now=clock()
    )
    invoice = store.payments.next_invoice_number("T1", clock())
    store.payments.create_attempt(sale_id, ProviderName.DOKU, 12_000, invoice, clock())
    store.payments.record_request(
        PaymentRequest(ProviderName.DOKU, invoice, 12_000, "https://pay.example/x"), now=clock()
    )
    db = store.repositories().db
    closed = close_day(
        db, D, day=SHOP, counted=CashCount({}), closed_by="Bu Rina", now=local("2026-11-22T03:00")
    )
    assert closed.cancelled_attempts == 0
    clock.now = local("2026-11-22T01:30")
    [seen] = office.problems()

    office.resolve(invoice, "the customer paid in cash", seen)

    attempt = store.payments.get_attempt(invoice)
    assert attempt.state is AttemptState.CANCELLED
    close = DayCloses(db).get(D)
    assert close is not None
    assert attempt.events[-1].created_at == close.closed_at
    assert build_z_report(db, D, day=SHOP, now=clock()).cancelled_attempts == 0
    assert build_z_report(db, date(2026, 11, 22), day=SHOP, now=clock()).cancelled_attempts == 1
