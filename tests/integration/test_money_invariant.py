"""Every paid rupiah ends in exactly one place (docs/architecture.md, Money rules), whatever the
order of cashier actions, manager actions and provider events.

Why a state machine: the double charges of issue 10 came from orders of events no example test
had thought of (cash between a relay batch and its settle, a payment landing on a cancelled
attempt). Hypothesis tries interleavings of them against the real TerminalStore (SQLite in a
temporary directory) and the real Checkout, with a scripted provider and a scripted relay.

The expectations come from the provider's own record: which orders it took, what each customer
paid (amount and currency), which of those payments it gave back itself (the merchant
refunded a completed sale's payment from the provider's back office, or it was reversed), and
which of all that it told the terminal about (a status answer, or a relay notification handed to
``Checkout.apply_relay_events``). The terminal's database is read whole, from outside the store
(``money_ledger``), and must put each reported payment in exactly one of:

- takings: a completed QR sale names the invoice, its attempt is ``paid``, and the payment is
  exactly that sale's total, in rupiah;
- a problem payment: a paid attempt with ``late = 1`` (listed by ``list_problems`` as ``late``
  or ``differs`` until a manager resolves it, or refunds it in full);
- a refund: refunds settled ``paid`` naming the invoice;
- refunded at the provider: the attempt is ``refunded`` (reported so) and a completed QR sale
  still names it, for exactly its total. Like a Kasir refund, the money is the customer's
  again, so it is no longer counted as takings held; ``list_problems`` lists it as
  ``refunded`` until returns of that sale recorded as refunded outside Kasir add up to what was
  paid, or a manager resolves it.

Besides: no sale is completed twice (a completed sale never changes again) or for less than its
total; a cash sale has no paid, not-late attempt whose money no sale holds (an unflagged double
charge); cash is never taken for a sale while a payment reported paid in full holds money for
it, and refused with SalePaidAlready only then; the store holds nothing paid that the provider
never reported; the relay position saved is the one handed over; and a refused action (any
StoreError, SalePaidAlready included, or ValidationError) writes nothing, except that a QR
attempt still open for the sale is cancelled first, as ``Checkout.pay_cash`` says.

Baskets carry line and basket discounts, and customers bring items of completed sales back
(cash from the drawer, or a DOKU sale's money paid back outside Kasir): a line's returns never
take back more items than were sold nor more rupiah than were paid for them, a whole line gives
back exactly what was paid, and a closed day's returns never change. A sale whose payment the
provider reports refunded refuses a cash return (it would pay the customer twice) and takes a
return recorded as refunded outside Kasir.
``test_a_refunded_late_payment_leaves_its_sale_able_to_end`` pins what the state machine once
found: a late payment refunded in full must not keep its sale from ending.

Refunds also go out as ecommpay payouts, through the demo terminal's own payout gateway and relay
client against the real embedded sandbox and relay (started once for the module): the manager
pays part of a completed sale back to the customer's wallet, which the sandbox pays, or declines
for its test amounts (Rp 400 and Rp 404), or reverses after paying; a payout's request may reach
ecommpay late (recorded ``pending``, its answer lost), and the manager checks its status, which
says "not found" (still pending within an hour of sending, failed after) or what ecommpay did.
Each callback the sandbox posts to the relay is fetched from it and handed to the checkout in the
scripted relay's stream, so payout callbacks too come late, out of order, twice, and again under
a new epoch. The test's own record of each payout (what ecommpay did, what the till was told)
must match the refund's status and its reversal; every completed sale has left to refund exactly
what it took less its refunds pending or paid (money out), its returns and what the provider
gave back itself, and less than nothing only while a problem payment says why (a payout paid
after Kasir had settled it failed or declined, or a payment refunded at the provider); the
problems listed for payouts (reversed, paid after failing, or declined after paid) are exactly
those not yet resolved.

ecommpay may also report a paid payout declined or failed after all, with no reversal said (its
callback made up as ecommpay signs it): a stray report, or one whose reversal's own callback was
lost (the sandbox reversed the payout; ecommpay may retry that callback later). The payout stays
paid, listed as contradicted; once ecommpay's record says its money came back, the manager takes
it as reversed: a whole reversal, the customer owed it again (the sale refundable again by as
much), and the reversal's own report, arriving after, brings nothing back twice.
``test_a_contradicted_payout_taken_as_reversed_is_owed_once`` walks that story.

A third machine takes QR payments through DOKU, which refunds a payment from its back office in
full or in part (maybe the rest later) and says REFUNDED for each, naming no amount refunded: the
till takes it as all of it, listed, until the manager enters what DOKU's back office shows (maybe
after a wrong figure, corrected, or one out of range, refused). The payment is then paid again
with that much refunded at the provider: the problem list, what the sale has left to refund and
the provider refund rows (the payments file) count what the customer got back once, the takings
the rest. A status answer saying REFUNDED again changes nothing; a REFUNDED notification the
till did not hold yet is a refund of the rest. ``test_a_doku_refund_in_part_is_counted_once``
walks that story.

Customers also bring items of a completed DOKU sale back to its wallet: the return is written
with its refund ``pending`` and its payout sent the same way (paid, declined for Rp 404 of sweets,
or its answer lost and failed an hour later). A wallet return's money is its refund, counted once;
it holds its items while its payout is pending or paid, and one failed or declined gives them
back (what each line has left to return is what the ledger's returns that hold left it) and is
listed as ``return_not_paid`` until the manager resolves it, maybe after making it again in cash.
``test_a_wallet_return_paid_after_failing_is_listed_until_resolved`` walks its rarest story.

The cashier also holds baskets (F6) and recalls them, through the store calls the cashier screen
makes (``CashierController.hold`` and ``recall_held``). A basket whose QR payment was started is
held with its sale, which stays open: its QR may be open still or given up on, and the customer
may pay it while the basket is held (on time, it completes the held sale; after it was given up
on, it is a late payment of that open sale). A held sale is off the till: no cashier action
reaches it until it is recalled. Holding writes no money row. Recalled, the basket comes back as
it was held, once; a completed sale leaves it off the screen; an open one is its sale again (its
next tender reuses it, so a payment of it finds it and cash is refused), and its own late payment
completes it; recalled into another basket, its sale is cancelled (refused while a payment pays
it) and the payment stays late. Either way the invariant above counts that payment once.
``test_a_payment_for_a_held_basket_is_counted_once`` walks its rarest stories.
"""

import functools
import itertools
import shutil
import tempfile
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import httpx
import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, event, given, settings, target
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from pos_app.domain.basket import Basket, LineItem
from pos_app.domain.cash_count import CashCount
from pos_app.domain.discounts import WHOLE, Approval, Discount, DiscountKind
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.payments.errors import ProviderError, ProviderRejected, ProviderUnreachable
from pos_app.payments.model import (
    LEFT_UNKNOWN,
    OPEN_STATES,
    AttemptState,
    PaymentOrder,
    PaymentRequest,
    PaymentStatus,
    PayoutOutcome,
    ProviderName,
    RelayEvent,
    RelayPosition,
    StatusResult,
)
from pos_app.payments.registry import read_payout_report
from pos_app.reports.z_report import ZReport, build_z_report
from pos_app.sandbox.ecommpay import DECLINE_AMOUNTS
from pos_app.settings.terminal_config import Settings
from pos_app.store.errors import NotFound, SalePaidAlready, StoreError
from pos_app.store.held import HeldBasket
from pos_app.store.open_day import open_business_date
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.problem_payments import REFUND_KINDS, ProblemKind, ProblemPayment, list_problems
from pos_app.store.returns import Return, ReturnableSale, WalletPayout
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from pos_app.till.day_close import close_day
from pos_app.till.problem_payments import (
    OWED,
    attach,
    record_refunded_amount,
    resolve,
    take_as_reversed,
)
from pos_app.till.refund_payouts import (
    UNREGISTERED_AFTER,
    PayoutNotRegisteredYet,
    Payouts,
    new_payout_id,
)
from pos_app.till.terminal import Terminal, open_terminal
from tests.integration.money_ledger import (
    IDR,
    AttemptRow,
    Ledger,
    LedgerReader,
    SaleRow,
    Snapshot,
)

T = TypeVar("T")
pytestmark = pytest.mark.timeout(300)
"""150 runs of 30 steps, then 100 with payouts and 40 through DOKU: about 55 s alone, twice that
on a loaded machine."""
POLLS = 20
"""Long-polls of up to a second each for a sandbox callback to reach the relay (it takes
milliseconds)."""
WALLET = "081234567890"

TARGET_CAP = 3
TERMINAL = "T1"
CASHIER = "Sari"
MANAGER = "Budi"
START = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
OPEN = frozenset(state.value for state in OPEN_STATES)
PRODUCTS = (
    ("MIE-001", "Indomie Goreng 85g", 3500),
    ("MIN-001", "Teh Botol Sosro 450ml", 5500),
    ("ROK-001", "Gula Pasir 1kg", 17_500),
    ("BRS-005", "Beras Premium 5kg", 75_000),
    SWEETS := ("PRM-001", "Permen Kopiko", 404),
)
"""The sweets cost Rp 404, one of ecommpay's test amounts that decline: one of them returned to
a wallet (undiscounted) is a payout the sandbox declines."""

DISCOUNTS = st.sampled_from([None, None, None, Discount.percent(1000), Discount.rupiah(500)])
"""No discount mostly, else 10 % or Rp 500 off (a line's own, or the basket's)."""


def _line(index: int, quantity: int, discount: Discount | None) -> LineItem:
    """A line of ``quantity`` of product ``index``; Rp 500 off is more than one or two sweets
    cost, which the till refuses: none then."""
    line = LineItem(*PRODUCTS[index], quantity)
    return replace(line, discount=_fits(discount, line.line_total))


def _fits(discount: Discount | None, gross: int) -> Discount | None:
    """``discount`` unless it is an amount of rupiah not below ``gross`` (refused, or a sale of
    nothing)."""
    if discount is not None and discount.kind is DiscountKind.AMOUNT and discount.value >= gross:
        return None
    return discount


LINES = st.lists(
    st.tuples(st.integers(0, len(PRODUCTS) - 1), st.integers(1, 3), DISCOUNTS),
    min_size=1,
    max_size=3,
    unique_by=lambda line: line[0],
).map(lambda picked: tuple(_line(*line) for line in picked))
PICK = st.integers(min_value=0, max_value=1000)
"""An index into whatever is there to choose from (taken modulo its length; shrinks to 0)."""


@dataclass(frozen=True, slots=True)
class Charge:
    """What a customer's wallet was charged for one invoice."""

    amount: int
    currency: str = IDR


class Paid(Enum):
    """How a customer's payment compares with what was asked."""

    EXACT = "exact"
    ONE_RUPIAH = "Rp 1"
    LESS = "less"
    MORE = "more"
    FOREIGN = "another currency"
    IN_PART = "in part"
    """ecommpay's "partially paid": half of it now (the rest maybe later)."""

    def charge(self, asked: int) -> Charge:
        return {
            Paid.EXACT: Charge(asked),
            Paid.ONE_RUPIAH: Charge(1),
            Paid.LESS: Charge(max(1, asked - 500)),
            Paid.MORE: Charge(asked + 1000),
            Paid.FOREIGN: Charge(asked, "USD"),
            Paid.IN_PART: Charge(max(1, asked // 2)),
        }[self]


PAID = st.sampled_from([Paid.EXACT, Paid.EXACT, Paid.EXACT, *list(Paid)[1:]])


class CreateFailure(Enum):
    REJECTED = "rejected"
    LOST_BEFORE = "answer lost, no order made"
    LOST_AFTER = "answer lost, order made"


@dataclass(frozen=True, slots=True)
class Notification:
    """One provider notification as the relay stores it (once per body)."""

    invoice_number: str
    status: PaymentStatus
    body: dict[str, Any]
    received_at: str
    amount: int | None
    currency: str | None


class ScriptedRelay:
    """The relay's side: notifications in arrival order, handed over under the current epoch's
    cursors. A new epoch (a restored or new relay database) numbers the same notifications
    again from ``base``. ``provider`` sends the payments' notifications."""

    def __init__(self, provider: ProviderName) -> None:
        self.provider = provider
        self.stored: list[Notification | RelayEvent] = []
        """DOKU notifications, and ecommpay payout callbacks as the real relay handed them."""
        self.epochs = 1
        self.base = 0
        self.delivered = 0
        """How many of ``stored`` were handed over in this epoch (always a prefix)."""
        self.delivered_any = False

    @property
    def epoch(self) -> str:
        return f"epoch-{self.epochs}"

    @property
    def position(self) -> RelayPosition:
        return RelayPosition(self.epoch, self.base + self.delivered)

    def store(self, notification: Notification | RelayEvent) -> None:
        self.stored.append(notification)

    def event(self, index: int) -> RelayEvent:
        note = self.stored[index]
        if isinstance(note, RelayEvent):
            return replace(note, cursor=self.base + index + 1)
        return RelayEvent(
            cursor=self.base + index + 1,
            invoice_number=note.invoice_number,
            provider=self.provider,
            status=note.status,
            received_at=note.received_at,
            payload=note.body,
            amount=note.amount,
            currency=note.currency,
        )

    def new_epoch(self, base: int) -> None:
        self.epochs += 1
        self.base = base
        self.delivered = 0
        self.delivered_any = False


class ScriptedProvider:
    """A PaymentProvider that keeps the books the test trusts: orders, charges, declines, and
    which payments it reported paid through its status API. It is ecommpay's Payment Page
    (DOKU Wallet through ecommpay) unless ``name`` says DOKU. ecommpay pays an order in parts
    ("partially paid", then the rest), one of the machine's stories; DOKU pays an order once
    (its report of another amount is kept apart: ``test_doku_conflicting_reports.py``), and
    refunds one in full or in part with a REFUNDED that names no amount refunded."""

    def __init__(self, name: ProviderName = ProviderName.ECOMMPAY_PAGE) -> None:
        self.name = name
        self.orders: dict[str, int] = {}
        self.charged: dict[str, Charge] = {}
        self.declined: set[str] = set()
        self.reported_paid: set[str] = set()
        self.refunded: dict[str, int] = {}
        """Payments the provider gave back itself (back office, reversal), and how many rupiah
        of each it really gave back (all of it, or with DOKU part): it answers ``refunded``
        for them from then on."""
        self.reported_refunded: set[str] = set()
        self.told: dict[str, int] = {}
        """The most rupiah a status answer said was paid, by invoice."""
        self.fail_create: CreateFailure | None = None
        self.lose_status = False

    def create_payment(self, order: PaymentOrder) -> PaymentRequest:
        failure, self.fail_create = self.fail_create, None
        if failure is CreateFailure.REJECTED:
            raise ProviderRejected("scripted: order refused", status_code=400, code="invalid")
        if failure is CreateFailure.LOST_BEFORE:
            raise ProviderUnreachable("scripted: no answer (the order was not made)")
        if order.invoice_number in self.orders:
            raise ProviderRejected(
                f"order.invoice_number {order.invoice_number} was already used",
                status_code=400,
                code="duplicate_invoice_number",
            )
        self.orders[order.invoice_number] = order.amount
        if failure is CreateFailure.LOST_AFTER:
            raise ProviderUnreachable("scripted: no answer (the order was made)")
        return PaymentRequest(
            provider=self.name,
            invoice_number=order.invoice_number,
            amount=order.amount,
            payment_url=f"https://pay.example/{order.invoice_number}",
        )

    def check_status(self, invoice_number: str) -> StatusResult:
        lost, self.lose_status = self.lose_status, False
        if lost:
            raise ProviderUnreachable("scripted: the status answer was lost")
        if invoice_number not in self.orders:
            raise ProviderRejected(
                f"no order {invoice_number}", status_code=404, code="order_not_found"
            )
        charge = self.charged.get(invoice_number)
        if charge is not None and invoice_number in self.refunded:
            self.reported_refunded.add(invoice_number)
            return StatusResult(
                self.name,
                invoice_number,
                PaymentStatus.REFUNDED,
                amount=charge.amount,
                currency=charge.currency,
            )
        if charge is not None:
            self.reported_paid.add(invoice_number)
            if charge.currency == IDR:
                self.told[invoice_number] = max(self.told.get(invoice_number, 0), charge.amount)
            return StatusResult(
                self.name,
                invoice_number,
                PaymentStatus.PAID,
                amount=charge.amount,
                currency=charge.currency,
            )
        status = (
            PaymentStatus.DECLINED if invoice_number in self.declined else PaymentStatus.PENDING
        )
        return StatusResult(self.name, invoice_number, status, amount=self.orders[invoice_number])

    def payable(self) -> list[str]:
        """Orders a customer can still pay or decline (the provider knows nothing of a till's
        cancel or expiry)."""
        return [
            invoice
            for invoice in reversed(self.orders)
            if invoice not in self.charged and invoice not in self.declined
        ]


class PayoutServices:
    """The demo terminal's payout gateway and relay client, with the embedded sandbox (ecommpay
    Gate) and relay behind them: started once for the module (under a second), since each
    example's payouts have ids of their own. Its store is not used: each example's payouts are
    recorded in the example's store."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.terminal: Terminal = open_terminal(Settings(), directory / "demo.db", demo=True)
        own, embedded = self.terminal.payouts, self.terminal.embedded
        assert own is not None and own.relay is not None and embedded is not None
        self.own = own
        self.relay = own.relay
        self.sandbox_url = embedded.sandbox.url
        self.position = RelayPosition()
        """How far the relay's events are read, across examples."""

    def payouts(self, store: TerminalStore, clock: Callable[[], datetime]) -> Payouts:
        """The terminal's payouts (its gateway and relay), on another store and clock."""
        return Payouts(store, self.own.gateway, relay=self.relay, terminal_id=TERMINAL, clock=clock)

    def reverse(self, payout_id: str) -> None:
        """ecommpay reverses a payout it paid (the sandbox's control route)."""
        httpx.post(f"{self.sandbox_url}/_sandbox/reverse/{payout_id}", timeout=5).raise_for_status()

    def callback(
        self, payout_id: str, status: PaymentStatus, mine: Container[str]
    ) -> list[RelayEvent]:
        """Long-poll the relay until ecommpay's callback saying ``status`` for ``payout_id`` has
        reached it; the events about payouts in ``mine`` read meanwhile, in the relay's order
        (a late callback of an earlier example's payout is not this example's business)."""
        found: list[RelayEvent] = []
        for _ in range(POLLS):
            events, self.position = self.relay.fetch(self.position, wait=1)
            found += [item for item in events if item.invoice_number in mine]
            if any(e.invoice_number == payout_id and e.status is status for e in events):
                return found
        raise AssertionError(
            f"ecommpay's {status} callback for {payout_id} never reached the relay"
        )

    def close(self) -> None:
        self.terminal.close()
        shutil.rmtree(self.directory, ignore_errors=True)


_SERVICES: list[PayoutServices] = []


def payout_services() -> PayoutServices:
    """The module's payout services, started on first use."""
    if not _SERVICES:
        _SERVICES.append(PayoutServices(Path(tempfile.mkdtemp(prefix="kasir-payouts-"))))
    return _SERVICES[0]


@pytest.fixture(autouse=True, scope="module")
def _stop_payout_services() -> Iterator[None]:
    yield
    while _SERVICES:
        _SERVICES.pop().close()


_PAID_BY_A_LATER_REFUND = frozenset(
    {ProblemKind.PAYOUT_REVERSED, ProblemKind.PAYOUT_CONTRADICTED, ProblemKind.RETURN_NOT_PAID}
)
"""What an earlier payout of the sale may owe the customer, which a later refund of it pays."""


@dataclass(slots=True)
class Payout:
    """The test's record of one wallet refund (from the back office, a wallet return's, or a
    manager's refund of a late payment): what ecommpay did with it, and what the till was told
    (by a callback handed over, or a status check), which its refund must show."""

    payout_id: str
    sale_id: int
    amount: int
    recorded_at: datetime
    at_ecommpay: PayoutOutcome | None
    """What the sandbox did with it; ``None``: its request has not reached the sandbox (its
    answer was lost, or it never went through it), so the sandbox knows nothing of it."""
    status: str = "pending"
    paid_after_failing: bool = False
    reversal: bool = False
    """The till was told ecommpay reversed it, in full or in part."""
    left: int | None = None
    """Of the reversal the till keeps (``reversal``): what it says is still paid out (``None``:
    all of it reversed; ``LEFT_UNKNOWN``: in part, no rupiah said)."""
    resolved_failing: bool = False
    resolved_reversal: bool = False
    contradicted: bool = False
    """The till was told ecommpay declined or failed it after paying it, no reversal said."""
    resolved_contradiction: bool = False
    returned: dict[int, int] | None = None
    """A wallet return's payout: the items it took back (line number to items)."""
    resolved_unpaid: bool = False
    resolved_refund_unpaid: bool = False
    invoice_number: str | None = None
    """A manager's refund of a late payment names it (recorded straight in the store, not sent
    through the sandbox, until a lost one arrives there)."""
    in_sandbox: bool = True
    paid_out: int | None = None
    """What ecommpay still has paid out of it after the reversals the script made up
    (``None``: none yet)."""
    reports: list[RelayEvent] = field(default_factory=list)
    """The callbacks the script made up for it (reversals, a decline after paid), and the
    sandbox's it kept back as lost (ecommpay may retry them), oldest first."""

    @property
    def holds(self) -> bool:
        """A wallet return holds its items while its payout is pending or paid."""
        return self.status in ("pending", "paid")

    @property
    def ecommpay_outcome(self) -> PayoutOutcome:
        """What ecommpay makes of this payout's request: its test amounts decline."""
        declined = self.amount * 100 in DECLINE_AMOUNTS
        return PayoutOutcome.DECLINED if declined else PayoutOutcome.PAID

    @property
    def brought_back(self) -> int:
        """What the reversal the till keeps brought back: only of a paid payout, and only once
        it says how much (what it left paid out, or nothing: all)."""
        if not self.reversal or self.status != "paid" or self.left == LEFT_UNKNOWN:
            return 0
        return self.amount - min(max(self.left or 0, 0), self.amount)

    def told(self, outcome: PayoutOutcome, left: int | None = None) -> None:
        """The till hears ``outcome`` (as ``settle_from_report`` takes it): the first final
        answer stands, but ``paid`` overrides ``failed`` or ``declined`` (money went out after
        all); a reversal is kept beside the status, and settles a pending payout paid (only a
        paid one is reversed), and one held failed or declined too when it is in part (some
        stayed paid out); a later reversal replaces the kept one when it brings more back (all,
        or less left; one that says no amount never replaces one that does), listed again; a
        repeat changes nothing. A decline or failure of a paid payout is kept, not applied (the
        script makes up no second, different one, which would list it again once resolved)."""
        if outcome is PayoutOutcome.REVERSED:
            if self.status == "pending":
                self.status = "paid"
            elif left is not None and self.status in ("failed", "declined"):
                self.status, self.paid_after_failing = "paid", True
            if not self.reversal:
                self.reversal, self.left = True, left
            elif self.left is not None and (
                left is None or (left >= 0 and (self.left == LEFT_UNKNOWN or left < self.left))
            ):
                self.left, self.resolved_reversal = left, False
        elif outcome is not PayoutOutcome.PENDING and self.status == "pending":
            self.status = outcome.value
        elif outcome is PayoutOutcome.PAID and self.status in ("failed", "declined"):
            self.status, self.paid_after_failing = "paid", True
        elif outcome in (PayoutOutcome.DECLINED, PayoutOutcome.FAILED) and self.status == "paid":
            self.contradicted = True

    def problems(
        self, wallet: Mapping[str, "Payout"]
    ) -> list[tuple[ProblemKind, str, int, int, str]]:
        """How the problem payments must list it (kind, payout, amount, sale, state), among the
        ``wallet``'s payouts (oldest first): a paid payout's reversal until resolved; a payment
        after failing until resolved, unless a whole reversal supersedes it (the money that went
        out twice came back once; one in part leaves it listed beside); a paid payout declined
        or failed after, with no reversal, until resolved or a whole reversal explains it; a
        wallet return's payout failed or declined (its items are back, its money is not) until
        resolved; a refund of the sale failed or declined until resolved or refunded again by as
        much, unless it was paying what an earlier payout of the sale owes (reversed,
        contradicted, or a return not paid)."""
        kinds = self._owed()
        if self._refund_not_paid(wallet):
            kinds.append(ProblemKind.REFUND_NOT_PAID)
        return [(kind, self.payout_id, self.amount, self.sale_id, self.status) for kind in kinds]

    def _owed(self) -> list[ProblemKind]:
        kinds = []
        whole = self.reversal and self.left is None
        if self.reversal and self.status == "paid" and not self.resolved_reversal:
            kinds.append(ProblemKind.PAYOUT_REVERSED)
        if self.paid_after_failing and not whole and not self.resolved_failing:
            kinds.append(ProblemKind.PAID_AFTER_FAILING)
        if self.contradicted and not whole and not self.resolved_contradiction:
            kinds.append(ProblemKind.PAYOUT_CONTRADICTED)
        if self.returned is not None and not self.holds and not self.resolved_unpaid:
            kinds.append(ProblemKind.RETURN_NOT_PAID)
        return kinds

    def _refund_not_paid(self, wallet: Mapping[str, "Payout"]) -> bool:
        if self.returned is not None or self.invoice_number is not None or self.holds:
            return False
        payouts = list(wallet.values())
        mine = payouts.index(self)
        same_sale = [p for p in payouts if p.sale_id == self.sale_id]
        again = any(
            payouts.index(p) > mine
            and p.returned is None
            and p.invoice_number is None
            and p.amount >= self.amount
            for p in same_sale
        )
        paying_owed = any(
            payouts.index(p) < mine and set(p._owed()) & _PAID_BY_A_LATER_REFUND for p in same_sale
        )
        return not (again or paying_owed or self.resolved_refund_unpaid)

    def resolved(self, kind: ProblemKind) -> None:
        """The manager resolves the problem listed for it, of ``kind``."""
        if kind is ProblemKind.PAYOUT_REVERSED:
            self.resolved_reversal = True
        elif kind is ProblemKind.RETURN_NOT_PAID:
            self.resolved_unpaid = True
        elif kind is ProblemKind.REFUND_NOT_PAID:
            self.resolved_refund_unpaid = True
        elif kind is ProblemKind.PAYOUT_CONTRADICTED:
            self.resolved_contradiction = True
        else:
            self.resolved_failing = True

    def reversible(self) -> bool:
        """ecommpay may reverse (more of) it: the sandbox paid it, or it never reached the
        sandbox and ecommpay paid it after all (the till holds it pending or failed, or, a
        manager's refund of a late payment, paid), and not all of it came back yet."""
        if self.paid_out == 0 or self.at_ecommpay is PayoutOutcome.REVERSED:
            return False
        if self.at_ecommpay is PayoutOutcome.PAID:
            return True
        return self.at_ecommpay is None and (
            self.status in ("pending", "failed") or (not self.in_sandbox and self.status == "paid")
        )


@dataclass(frozen=True, slots=True)
class Rung:
    """A basket as a tender rings it up: its lines, its discount and its manager's approval."""

    lines: tuple[LineItem, ...]
    discount: Discount | None = None
    approval: Approval | None = None

    @classmethod
    def of(cls, basket: Basket) -> "Rung":
        """What the cashier screen hands its checkout for ``basket``."""
        return cls(tuple(basket.lines), basket.discount, basket.approval)


def _basket(lines: tuple[LineItem, ...], discount: Discount | None) -> Rung:
    """``lines`` and ``discount`` approved by the manager if any (Rp 500 off the basket only
    where its lines come to more after their own discounts)."""
    net = sum(
        line.line_total - (line.discount.off(line.line_total) if line.discount else 0)
        for line in lines
    )
    discount = _fits(discount, net)
    discounted = discount is not None or any(line.discount for line in lines)
    return Rung(lines, discount, Approval(MANAGER, WHOLE) if discounted else None)


def _rung(held: HeldBasket) -> tuple[Rung, int | None]:
    """A held basket as it was held: what, and with which sale."""
    return Rung(held.lines, held.discount, held.approval), held.sale_id


def pick(items: Sequence[T], index: int) -> T:
    """``items`` come newest first: index 0 (what hypothesis draws most, and shrinks to) is
    the sale on screen, its latest payment."""
    return items[index % len(items)]


class MoneyMachine(RuleBasedStateMachine):
    weights: tuple[tuple[str, int], ...] = ()
    """Actions drawn more or less often than their own weight says (by name)."""
    provider_name = ProviderName.ECOMMPAY_PAGE
    """The provider the till takes QR payments through."""

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="kasir-money-"))
        self.path = self.dir / "kasir.db"
        self.now = START
        self.relay = ScriptedRelay(self.provider_name)
        self.provider = ScriptedProvider(self.provider_name)
        self.relay_reported_paid: set[str] = set()
        self.relay_reported_refunded: set[str] = set()
        self.store = TerminalStore(self.path)
        self.checkout = self._checkout()
        self.reader = LedgerReader(self.path)
        self.ledger = self.reader.ledger()
        self.attempt_columns = self.reader.columns("payment_attempts")
        self.event_columns = self.reader.columns("payment_events")
        self.completed: dict[int, SaleRow] = {}
        """Each completed sale as first seen: it must never change again."""
        self.resolved_paid: dict[str, int] = {}
        """Late payments a manager resolved once paid, with what they had brought in then:
        problem payments no longer listed, until more of one comes in (paid in part, then the
        rest)."""
        self.in_part: set[str] = set()
        """Payments the customer paid in part (ecommpay's "partially paid")."""
        self.relay_told: dict[str, int] = {}
        """The most rupiah a notification handed over said was paid, by invoice."""
        self.reversal_stories: set[str] = set()
        """How far payouts' reversals got (in part, said later, out of order, of a payout held
        failed, refunded again, of a late payment's refund then attached): a target."""
        self.resolved_refunded: set[str] = set()
        """Payments refunded at the provider that a manager resolved: listed no more."""
        self.figures: dict[str, int] = {}
        """What the manager entered that DOKU refunded of a payment it reported REFUNDED (the
        amount its back office shows), by invoice, until a REFUNDED notification the till did
        not hold yet is handed over (a refund of the rest, as the till takes it)."""
        self.refunds_told: set[str] = set()
        """The REFUNDED notifications of payments handed over, by identity."""
        self.figure_stories: set[str] = set()
        """How far DOKU's refunds got (in part, figured, corrected, a figure refused, returned
        outside Kasir after a figure, reported again after it): a target."""
        self.refusal: Exception | None = None
        """What refused the last action run through :meth:`_refusable`."""
        self.paid_while_open: set[str] = set()
        self.cash_against_paid = 0
        self.notifications = itertools.count(1)
        self.closed: dict[date, ZReport] = {}
        """Each closed day's report as the manager signed it off: its takings must hold."""
        self.services = payout_services()
        self.wallet: dict[str, Payout] = {}
        """Each wallet refund (ecommpay payout) by payout id, in the order approved."""
        self.rung_up: dict[int, Rung] = {}
        """The basket each sale was opened for (what the screen holds while it is on it)."""
        self.held: dict[int, tuple[Rung, int | None]] = {}
        """Each basket on hold (by its id): what was held, and with which sale."""
        self.held_stories: set[str] = set()
        """How far held baskets' stories got (held with a QR, paid while held, found paid or
        waiting when recalled, completed with it): a target for generation."""

    def teardown(self) -> None:
        # Steer generation towards the rare states the double charges of issue 10 need: a
        # payment in full waiting, late, on a sale still open, and cash offered for that sale.
        # Capped, so that the optimiser stops once it gets there (it has no other bound).
        target(
            min(TARGET_CAP, len(self.paid_while_open) + 2 * self.cash_against_paid),
            label="late payments on open sales, and cash offered for them",
        )
        # And towards a payout's rarer stories, each several steps long.
        payouts = self.wallet.values()
        stories = (
            any(p.status == "declined" for p in payouts),
            any(p.status == "failed" or p.paid_after_failing for p in payouts),
            any(p.paid_after_failing for p in payouts),
            any(p.reversal for p in payouts),
            any(p.resolved_failing or p.resolved_reversal for p in payouts),
            any(p.resolved_unpaid for p in payouts),
            any(p.contradicted for p in payouts),
        )
        target(sum(stories), label="payout stories")
        # And towards a payment made for a basket while it was held.
        target(len(self.held_stories), label="held basket stories")
        # And towards reversals in part, and what follows them.
        target(len(self.reversal_stories), label="reversal stories")
        # And towards DOKU's refunds in part, and the manager's figures of them.
        target(len(self.figure_stories), label="DOKU refund stories")
        self.store.close()
        self.reader.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # helpers

    def _checkout(self) -> Checkout:
        return Checkout(self.store, self.provider, terminal_id=TERMINAL, clock=lambda: self.now)

    def _tick(self) -> None:
        self.now += timedelta(seconds=1)

    def _paid_in_full(self, sale_id: int, ledger: Ledger | None = None) -> str | None:
        """A payment of this sale, reported paid, for exactly what was asked, whose money the
        till still holds apart (no sale took it, nothing refunded, no manager resolved it: settled
        another way): the sale takes no other tender while there is one. A refund under way
        counts as refunded."""
        reported = self.provider.reported_paid | self.relay_reported_paid
        ledger = ledger or self.reader.ledger()
        for attempt in ledger.attempts_of(sale_id):
            invoice = attempt.invoice_number
            if (
                invoice in reported
                and self._charge_told(invoice) == Charge(attempt.amount)
                and not ledger.holders(invoice)
                and not ledger.refunding(invoice)
                and not self._still_resolved(invoice)
            ):
                return invoice
        return None

    def _told_paid(self, invoice: str, amount: int) -> None:
        self.relay_told[invoice] = max(self.relay_told.get(invoice, 0), amount)

    def _charge_told(self, invoice: str) -> Charge:
        """What the till was told the customer paid: the charge, but of a payment paid in
        part (then maybe the rest), the most any report handed over said (the till takes a
        larger figure of a payment paid less than asked, and keeps it)."""
        if invoice not in self.in_part:
            return self.provider.charged[invoice]
        return Charge(max(self.relay_told.get(invoice, 0), self.provider.told.get(invoice, 0)))

    def _still_resolved(self, invoice: str) -> bool:
        """A manager resolved the late payment, and nothing more of it came in since."""
        received = self.resolved_paid.get(invoice)
        return received is not None and self._charge_told(invoice).amount <= received

    def has_open_sale(self) -> bool:
        """An open sale on the till (not held)."""
        held = self._held_sales()
        return any(s.status == "open" and s.id not in held for s in self.ledger.sales.values())

    def _held_sales(self) -> set[int]:
        return {sale_id for _, sale_id in self.held.values() if sale_id is not None}

    def held_payments(self) -> list[str]:
        """Payments in the takings of a completed QR sale (paid, not late) that the provider has
        not given back, or (DOKU) only part of: what it can refund from its back office now
        (all of it, or the rest), newest sale first."""
        held = []
        for sale in self._completed():
            attempt = self.ledger.attempts.get(sale.invoice_number or "")
            if sale.tender != "qr" or attempt is None or attempt.late:
                continue
            invoice = attempt.invoice_number
            gone = self.provider.refunded.get(invoice)
            untouched = gone is None and attempt.state == "paid"
            if untouched or (gone is not None and gone < self.provider.charged[invoice].amount):
                held.append(invoice)
        return held

    def _sales(self, *, open_only: bool = False) -> list[SaleRow]:
        sales = sorted(self.ledger.sales.values(), key=lambda sale: -sale.id)
        if open_only:  # the cashier's: a held basket's sale is off the till
            held = self._held_sales()
            return [
                sale for sale in sales if sale.status == "open" and sale.id not in held
            ] or sales
        return sales

    def _completed(self) -> list[SaleRow]:
        return [sale for sale in self._sales() if sale.status == "completed"]

    def _attempts(self, wanted: Callable[[AttemptRow], bool] | None = None) -> list[AttemptRow]:
        attempts = sorted(self.ledger.attempts.values(), key=lambda a: a.invoice_number)[::-1]
        if wanted is None:
            return attempts
        return [attempt for attempt in attempts if wanted(attempt)] or attempts

    def _notify(self, invoice: str, status: PaymentStatus, charge: Charge | None, says: bool):
        """The provider sends a notification; the relay stores it (each body once)."""
        asked = self.provider.orders[invoice]
        amount, currency = (charge.amount, charge.currency) if charge else (asked, IDR)
        body = {
            "order": {"invoice_number": invoice, "amount": amount},
            "transaction": {"status": status.value, "n": next(self.notifications)},
            "currency": currency,
        }
        self.relay.store(
            Notification(
                invoice,
                status,
                body,
                self.now.isoformat(),
                amount if says else None,
                currency if says else None,
            )
        )

    def _hand_over(self, events: list[RelayEvent], position: RelayPosition) -> None:
        for item in sorted(events, key=lambda each: each.cursor):  # as the store applies them
            payout = self.wallet.get(item.invoice_number)
            if payout is not None:
                report = read_payout_report(item)
                payout.told(report.outcome, report.left)
            elif item.status is PaymentStatus.PAID:
                self.relay_reported_paid.add(item.invoice_number)
                if item.amount is not None and (item.currency or IDR) == IDR:
                    self._told_paid(item.invoice_number, item.amount)
            elif item.status is PaymentStatus.REFUNDED:
                self.relay_reported_refunded.add(item.invoice_number)
                if item.identity not in self.refunds_told:
                    # DOKU sends one for each refund: the till takes a new one after the
                    # manager's figure as a refund of the rest, all of it gone back (also the
                    # first refund's own, sent before the figure and late: the till cannot
                    # tell them apart), news that a manager's resolution before no longer covers
                    self.refunds_told.add(item.identity)
                    figure = self.figures.pop(item.invoice_number, None)
                    if (
                        figure is not None
                        and figure < self._charge_told(item.invoice_number).amount
                    ):
                        self.resolved_refunded.discard(item.invoice_number)
        self.checkout.apply_relay_events(events, position)

    def _refusable(self, what: str, action: Callable[[], T], sale_id: int | None) -> T | None:
        """Run a cashier or manager action; a refusal must have written nothing (bar the QR
        attempts of the sale still open before it, which may have been cancelled first)."""
        before = self.reader.snapshot()
        still_open = {
            attempt.invoice_number
            for attempt in self.ledger.attempts.values()
            if attempt.sale_id == sale_id and attempt.state in OPEN
        }
        self.refusal = None
        try:
            done = action()
        except (StoreError, ValidationError) as refusal:
            self._assert_nothing_written(what, before, self.reader.snapshot(), still_open, refusal)
            event(f"{what}: refused ({type(refusal).__name__})")
            self.refusal = refusal
            return None
        event(f"{what}: done")
        return done

    def _assert_nothing_written(
        self,
        what: str,
        before: Snapshot,
        after: Snapshot,
        cancellable: set[str],
        refusal: Exception,
    ) -> None:
        says = f"{what} was refused ({type(refusal).__name__}: {refusal}) but"
        for table in before:
            if table in ("payment_attempts", "payment_events"):
                continue
            assert before[table] == after[table], f"{says} changed {table}"
        columns = self.attempt_columns
        invoice_at, state_at = columns.index("invoice_number"), columns.index("state")
        stamp_at = columns.index("updated_at")
        old = {row[invoice_at]: row for row in before["payment_attempts"]}
        new = {row[invoice_at]: row for row in after["payment_attempts"]}
        assert old.keys() == new.keys(), f"{says} added or removed payment attempts"
        for invoice, row in old.items():
            if row == new[invoice]:
                continue
            assert invoice in cancellable, f"{says} changed attempt {invoice}"
            changed = {
                columns[i] for i, (a, b) in enumerate(zip(row, new[invoice], strict=True)) if a != b
            }
            assert new[invoice][state_at] == "cancelled" and changed <= {
                columns[state_at],
                columns[stamp_at],
            }, f"{says} changed attempt {invoice} ({sorted(changed)})"
        assert before["payment_events"] <= after["payment_events"], f"{says} rewrote events"
        names = self.event_columns
        for added in after["payment_events"] - before["payment_events"]:
            row = dict(zip(names, added, strict=True))
            assert (row["invoice_number"], row["state"], row["source"]) in {
                (invoice, "cancelled", "cashier") for invoice in cancellable
            }, f"{says} logged {row}"

    # One rule, `step`, draws an action by weight among those that can happen now, then its
    # choices (a dict). Why not one hypothesis rule per action: hypothesis draws its first
    # rules far more often than the others, and cannot weigh them; the double charges of issue
    # 10 need several rarer actions in a row (a cancel, a late payment, its delivery, cash).

    @initialize(lines=LINES, discount=DISCOUNTS)
    def first_sale(self, lines: tuple[LineItem, ...], discount: Discount | None) -> None:
        sale_id = self._open_sale(lines, discount)
        self.checkout.start_qr_payment(sale_id)

    # the customer and the provider

    def customer_acts(self, act: dict[str, Any]) -> None:
        """The customer pays an order (maybe not what was asked), or declines it. The provider
        notifies the relay, or its notification is lost (then only a status check finds out).
        A relay may leave out the amount of an exact payment in rupiah."""
        self._tick()
        self._customer_pays(pick(self.provider.payable(), act["index"]), act)

    def customer_pays_held_basket(self, act: dict[str, Any]) -> None:
        """The customer of a held basket pays its QR from the phone meanwhile (or declines it),
        as :meth:`customer_acts`: an open QR completes the held sale, one given up on is a late
        payment of it. The relay may hand over at once what it holds."""
        self._tick()
        self._customer_pays(pick(self._held_orders(), act["index"]), act)
        if act["deliver"] and self.relay.delivered < len(self.relay.stored):
            self._deliver(len(self.relay.stored))

    def _held_orders(self) -> list[str]:
        """Orders of held baskets' sales a customer can still pay, newest first."""
        held = self._held_sales()
        attempts = self.ledger.attempts
        return [
            invoice
            for invoice in self.provider.payable()
            if invoice in attempts and attempts[invoice].sale_id in held
        ]

    def _customer_pays(self, invoice: str, act: dict[str, Any]) -> None:
        attempt = self.ledger.attempts.get(invoice)
        if act["pays"] and attempt is not None and attempt.sale_id in self._held_sales():
            self.held_stories.add("paid while held")
            event(f"customer pays a held basket's QR, {attempt.state}")
        if not act["pays"]:
            self.provider.declined.add(invoice)
            if act["notify"]:
                self._notify(invoice, PaymentStatus.DECLINED, None, says=True)
            return
        paid: Paid = act["paid"]
        if paid is Paid.IN_PART and self.provider.name is ProviderName.DOKU:
            paid = Paid.LESS  # DOKU pays an order once: no rest to follow
        charge = paid.charge(self.provider.orders[invoice])
        self.provider.charged[invoice] = charge
        if paid is Paid.IN_PART:
            self.in_part.add(invoice)
        event(f"customer pays: {paid.value}")
        if act["notify"]:
            exact = charge == Charge(self.provider.orders[invoice])
            says = not exact or act["says"] % 4 != 0
            self._notify(invoice, PaymentStatus.PAID, charge, says=says)

    def customer_pays_the_rest(self, act: dict[str, Any]) -> None:
        """The customer who paid in part pays the rest (ecommpay's "success" for the whole
        after its "partially paid"): the provider notifies the relay (maybe delivered at once),
        or its notification is lost; the cashier may check at once. The payment is received in
        full, still a late payment (it never completes its sale by itself)."""
        self._tick()
        invoice = pick(_paid_in_part(self), act["index"])
        whole = Charge(self.provider.orders[invoice])
        self.provider.charged[invoice] = whole
        event("customer pays the rest")
        if act["notify"]:
            self._notify(invoice, PaymentStatus.PAID, whole, says=True)
            if act["deliver"]:
                self._deliver(len(self.relay.stored))
        if act["check"]:
            self.checkout.check_status(invoice)

    def customer_wants_qr(self, act: dict[str, Any]) -> None:
        """The customer will pay by QR: the till starts a payment (or retries: a new invoice,
        the old one cancelled). The provider may refuse, or its answer may be lost."""
        self._tick()
        sale = pick(self._sales(open_only=True), act["index"])
        self.provider.fail_create = act["failure"]
        try:
            self._refusable("start QR", lambda: self.checkout.start_qr_payment(sale.id), sale.id)
        except ProviderError as error:
            event(f"start QR: provider {type(error).__name__}")
        finally:
            self.provider.fail_create = None

    def provider_refunds(self, act: dict[str, Any]) -> None:
        """The merchant refunds a completed sale's payment from the provider's back office (or
        it is reversed): the provider notifies the relay, or its notification is lost, and
        answers ``refunded`` to status checks from then on; the cashier may check at once.
        DOKU may refund part of it (``share`` tenths; 0: all), later the rest, and says
        REFUNDED for each, with the order's amount or none."""
        self._tick()
        invoice = pick(self.held_payments(), act["index"])
        charge = self.provider.charged[invoice]
        doku = self.provider.name is ProviderName.DOKU
        rest = invoice in self.provider.refunded
        part = charge.amount * act["share"] // 10 if doku and not rest else 0
        self.provider.refunded[invoice] = part or charge.amount
        if rest and invoice in self.figures:
            self.figure_stories.add("the rest refunded after a figure")
        what = " (the rest)" if rest else " in part" * bool(part)
        event(f"provider refunds a completed sale's payment{what}")
        if act["notify"]:
            says = not doku or act["says"]
            self._notify(invoice, PaymentStatus.REFUNDED, charge, says=says)
        if act["check"]:
            self.checkout.check_status(invoice)

    # the relay

    def relay_acts(self, act: dict[str, Any]) -> None:
        """What reaches the till through the relay:

        - deliver: the long-poll answers the next events, in any order, maybe one twice;
        - again: events already applied come again under their old cursors;
        - new epoch: the relay's database was restored or replaced; a new epoch numbers the
          same notifications again from ``base``, and they are all handed over again;
        - pending: the provider sends "processing", maybe after the payment (out of order);
        - same body / retry: a notification stored twice, or a retry whose body differs (a
          payout callback: the same body again).
        """
        self._tick()
        relay, choice, index = self.relay, act["choice"], act["index"]
        if choice == "pending":
            invoice = pick(sorted(self.provider.orders, reverse=True), index)
            self._notify(invoice, PaymentStatus.PENDING, None, says=True)
        elif choice in ("same body", "retry"):
            again = pick(relay.stored[::-1], index)
            # ecommpay retries a payout callback, and DOKU a notification, with the body it
            # signed: stored twice
            doku = self.provider.name is ProviderName.DOKU
            if choice == "retry" and isinstance(again, Notification) and not doku:
                again = Notification(
                    again.invoice_number,
                    again.status,
                    {**again.body, "retry": next(self.notifications)},
                    self.now.isoformat(),
                    again.amount,
                    again.currency,
                )
            relay.store(again)
        elif choice == "again" and relay.delivered:
            first = index % relay.delivered
            self._hand_over([relay.event(i) for i in range(first, relay.delivered)], relay.position)
        elif choice == "new epoch":
            relay.new_epoch(act["base"])
            event("relay: new epoch")
        elif relay.delivered < len(relay.stored):
            self._deliver(act["count"], act["order"], act["duplicate"])

    def _deliver(self, count: int, order: str = "in order", duplicate: bool = False) -> None:
        relay = self.relay
        upto = min(len(relay.stored), relay.delivered + count)
        batch = [relay.event(index) for index in range(relay.delivered, upto)]
        if order == "reversed":
            batch.reverse()
        elif order == "rotated":
            batch = batch[1:] + batch[:1]
        if duplicate:
            batch.append(batch[0])
        relay.delivered = upto
        relay.delivered_any = True
        self._hand_over(batch, relay.position)
        event(f"relay: delivers in epoch {min(relay.epochs, 3)}")

    # the store manager

    def store_manager_acts(self, act: dict[str, Any]) -> None:
        """The back office: refund a late payment, resolve a problem payment, or attach a late
        payment to a sale (its own, or another of its total)."""
        self._tick()
        index = act["index"]
        late = [a for a in self._attempts() if a.state == "paid" and a.late]
        refundable = [
            a
            for a in late
            if a.received_currency == IDR and a.received > self.ledger.refunded(a.invoice_number)
        ]
        actions: list[Callable[[], None]] = [lambda: self._resolve(pick(self._attempts(), index))]
        if refundable:
            actions.append(lambda: self._refund(pick(refundable, index), act["outcome"]))
        if late:
            actions.append(
                lambda: self._attach(pick(late, index), pick(self._sales(), act["other"]))
            )
        pick(actions, act["choice"])()

    def _refund(self, attempt: AttemptRow, outcome: str) -> None:
        """An approved payout of what is left of a late payment, then the provider's answer."""
        left = attempt.received - self.ledger.refunded(attempt.invoice_number)
        payout = new_payout_id(TERMINAL)  # unique across examples: it may reach the sandbox

        def refund() -> bool:
            self.store.refunds.create(
                attempt.sale_id,
                payout,
                left,
                provider=ProviderName.ECOMMPAY_GATE.value,
                account_number="081234567890",
                customer_name="Pelanggan",
                approved_by=MANAGER,
                now=self.now,
                invoice_number=attempt.invoice_number,
                reason="paid twice",
            )
            if outcome != "pending":
                self.store.refunds.settle(payout, outcome, now=self.now)
            return True

        if self._refusable(f"refund ({outcome})", refund, attempt.sale_id):
            self.wallet[payout] = Payout(
                payout,
                attempt.sale_id,
                left,
                self.now,
                None,
                status=outcome,
                invoice_number=attempt.invoice_number,
                in_sandbox=False,
            )
            if any(
                p.brought_back
                for p in self.wallet.values()
                if p.invoice_number == attempt.invoice_number
            ):
                self.reversal_stories.add("late payment refunded again after a reversal")
                event("late payment refunded again after a reversal")

    def _resolve(self, attempt: AttemptRow) -> None:
        db = self.store.repositories().db

        def resolve_it() -> bool:
            resolve(db, attempt.invoice_number, reason="checked", manager=MANAGER, now=self.now)
            return True

        done = self._refusable("resolve", resolve_it, attempt.sale_id)
        now = self.reader.ledger().attempts[attempt.invoice_number]
        if done and now.state == "paid" and now.late:
            self.resolved_paid[attempt.invoice_number] = now.received
        if done and (now.state == "refunded" or now.provider_refunded):
            self.resolved_refunded.add(attempt.invoice_number)

    def _attach(self, attempt: AttemptRow, sale: SaleRow) -> None:
        db = self.store.repositories().db
        came_back = any(
            p.brought_back
            for p in self.wallet.values()
            if p.invoice_number == attempt.invoice_number
        )
        done = self._refusable(
            "attach" if sale.id == attempt.sale_id else "attach to another sale",
            lambda: attach(
                db,
                attempt.invoice_number,
                sale.id,
                manager=MANAGER,
                day=self.store.day,
                now=self.now,
            ),
            sale.id,
        )
        if done is not None and came_back:
            self.reversal_stories.add("a late payment attached after its refund came back")
            event("attach: a late payment whose refund a reversal brought back")

    def manager_enters_refunded_amount(self, act: dict[str, Any]) -> None:
        """The manager reads in DOKU's back office how much it refunded of a payment it
        reported REFUNDED (taken as all of it, listed as refunded) and enters that amount: at
        once; or after a wrong one that keeps it listed, corrected on the row as listed since
        (on the row as seen before the wrong one changed it, refused); or after one out of
        range (none, or more than was paid), refused. Less than was paid, the payment is paid
        again with that much refunded at the provider; all of it, it stays refunded. A refusal
        writes nothing."""
        self._tick()
        listed = self._refunded_by_doku()
        if not listed:
            event("refunded amount: none listed")
            return
        seen = pick(listed[::-1], act["index"])
        invoice = seen.invoice_number
        paid = self.ledger.attempts[invoice].received
        true = self.provider.refunded[invoice]
        if act["how"] == "out of range":
            wrong = pick([0, -1, paid + 1], act["wrong"])
            self._refusable(
                "refunded amount (out of range)", lambda: self._figure(seen, wrong), None
            )
            assert isinstance(self.refusal, ValidationError), (
                f"{invoice}: Rp {wrong} of the Rp {paid} paid refunded: {self.refusal!r}"
            )
            self.figure_stories.add("a figure refused")
        elif act["how"] == "wrong first":
            wrong = max(1, paid * act["wrong"] // 10)
            [sale] = self.ledger.holders(invoice)
            if wrong != true and wrong > self.ledger.returned_outside(sale.id):
                done = self._refusable(
                    "refunded amount (wrong)", lambda: self._figure(seen, wrong), None
                )
                assert done is not None, f"{invoice}: Rp {wrong} of Rp {paid}: {self.refusal!r}"
                [again] = [p for p in self._refunded_by_doku() if p.invoice_number == invoice]
                assert again.amount == wrong, f"{invoice}: Rp {wrong} entered, listed as {again}"
                if again != seen:
                    self._refusable(
                        "refunded amount (stale row)", lambda: self._figure(seen, true), None
                    )
                    assert isinstance(self.refusal, NotFound), (
                        f"{invoice}: entered for the row seen before Rp {wrong}: {self.refusal!r}"
                    )
                seen = again
                self.figure_stories.add("a figure corrected")
        done = self._refusable("refunded amount", lambda: self._figure(seen, true), None)
        assert done is not None, f"{invoice}: Rp {true} of Rp {paid}: {self.refusal!r}"
        self.figures[invoice] = true
        if true < paid:
            assert (done.state, done.provider_refunded) == (AttemptState.PAID, true), done
        else:
            assert done.state is AttemptState.REFUNDED, done
        self.figure_stories.add("refunded in part" if true < paid else "refunded in full")
        event(f"refunded amount: {'in part' if true < paid else 'all'}")

    def _refunded_by_doku(self) -> list[ProblemPayment]:
        """The DOKU payments listed as refunded at the provider."""
        return [
            problem
            for problem in list_problems(self.store.repositories().db)
            if problem.kind is ProblemKind.REFUNDED and problem.provider is ProviderName.DOKU
        ]

    def _figure(self, seen: ProblemPayment, refunded: int) -> PaymentAttempt:
        """The manager enters that DOKU refunded ``refunded`` of the payment ``seen`` lists."""
        return record_refunded_amount(
            self.store.repositories().db,
            seen,
            refunded,
            manager=MANAGER,
            day=self.store.day,
            now=self.now,
        )

    # wallet refunds: ecommpay payouts through the real sandbox and relay

    def _payouts(self) -> Payouts:
        return self.services.payouts(self.store, lambda: self.now)

    def _forward(
        self, payout: Payout, status: PaymentStatus, deliver: bool, *, lost: bool = False
    ) -> None:
        """ecommpay's callback reaches the relay; the relay's events about this example's
        payouts join the scripted relay's stream, and are handed to the checkout now (all that
        waits before them too) or left for a later delivery. ``lost``: those about ``payout``
        are kept back instead, in its ``reports`` (ecommpay may retry them)."""
        for item in self.services.callback(payout.payout_id, status, self.wallet):
            if lost and item.invoice_number == payout.payout_id:
                payout.reports.append(item)
            else:
                self.relay.store(item)
        if deliver:
            self._deliver(len(self.relay.stored))

    def _settled_as_told(self, payout: Payout) -> None:
        """The refund's status is what the till was told (the invariant checks the rest)."""
        refund = self.store.refunds.get(payout.payout_id)
        assert refund.status.value == payout.status, f"{payout}, the store has {refund}"

    def manager_refunds_to_wallet(self, act: dict[str, Any]) -> None:
        """The manager pays part (or all, or too much) of a completed sale back to the
        customer's wallet: an ecommpay payout, ``pending`` and its amount taken at once. The
        sandbox pays it, or declines one of its test amounts (then the amount is free again),
        and calls back through the relay; or its request is delayed and its answer lost, and
        ecommpay does not know it yet. More than the sale has left is refused, writing
        nothing."""
        self._tick()
        completed = self._completed()
        with_money = [sale for sale in completed if self.store.refunds.refundable(sale.id) > 0]
        came_back = {
            p.sale_id for p in self.wallet.values() if p.brought_back and p.invoice_number is None
        }
        again = [sale for sale in with_money if sale.id in came_back]
        sale = pick((again if act["again"] else []) or with_money or completed, act["index"])
        if sale.id in came_back and sale in with_money:
            self.reversal_stories.add("refunded again after a reversal")
            event("wallet refund of a sale a reversal brought money back to")
        payouts = self._payouts()
        left = payouts.refunds().refundable(sale.id)
        amount = {
            "part": max(1, left * act["share"] // 10),
            "all": left,
            "declined": act["declined"],
            "too much": left + 1,
        }[act["amount"]]
        if act["lost"]:

            def record() -> str:
                return (
                    payouts.refunds()
                    .create(
                        sale.id,
                        new_payout_id(TERMINAL),
                        amount,
                        provider=payouts.gateway.name,
                        account_number=WALLET,
                        customer_name="Pelanggan",
                        approved_by=MANAGER,
                        now=self.now,
                    )
                    .payout_id
                )

            what = "wallet refund (answer lost)"
        else:

            def record() -> str:
                return payouts.send(
                    sale.id,
                    amount,
                    account_number=WALLET,
                    customer_name="Pelanggan",
                    approved_by=MANAGER,
                ).payout_id

            what = "wallet refund"
        payout_id = self._refusable(what, record, None)
        if payout_id is None:
            assert not 0 < amount <= left, (
                f"{what} of Rp {amount} refused, {left} left: {self.refusal!r}"
            )
            return
        assert 0 < amount <= left, f"{what} of Rp {amount} taken, only Rp {left} left"
        payout = Payout(payout_id, sale.id, amount, self.now, None)
        self.wallet[payout_id] = payout
        self._settled_as_told(payout)
        after = payouts.refunds().refundable(sale.id)
        assert after == left - amount, "a pending payout uses its amount"
        if act["lost"]:
            return
        before = self.reader.ledger().refundable(sale.id)
        payout.at_ecommpay = payout.ecommpay_outcome
        self._forward(payout, PaymentStatus(payout.at_ecommpay.value), act["deliver"])
        self._settled_as_told(payout)
        if act["deliver"]:
            event(f"wallet refund: {payout.status} at once")
            # What this payout takes now (nothing once declined: its amount is free again), and
            # whatever else the same delivery settled for the sale (from the rows, less it).
            taken = amount if payout.status == "paid" else 0
            others = self.reader.ledger().refundable(sale.id) + taken - (before + amount)
            assert payouts.refunds().refundable(sale.id) == left - taken + others, (
                f"{payout}: Rp {left} was left before, now {payouts.refunds().refundable(sale.id)} "
                f"(Rp {others} moved by other events)"
            )

    def ecommpay_reverses_payout(self, act: dict[str, Any]) -> None:
        """ecommpay reverses a payout it paid (the customer's account could not take it): once
        the till hears of it the refund is ``paid`` (the money went out, the day counts it; a
        payout still pending is settled so), all of it is brought back (the sale may be refunded
        again by as much), and it is listed as ``payout_reversed`` until a manager resolves
        it."""
        self._tick()
        payout = pick(_sandbox_paid(self)[::-1], act["index"])
        before = self.store.refunds.get(payout.payout_id).status.value
        self.services.reverse(payout.payout_id)
        payout.at_ecommpay, payout.paid_out = PayoutOutcome.REVERSED, 0
        self._forward(payout, PaymentStatus.REFUNDED, act["deliver"])
        refund = self.store.refunds.get(payout.payout_id)
        assert refund.status.value in (before, payout.status), f"a reversal settled {refund}"
        self._settled_as_told(payout)
        if act["deliver"]:
            assert refund.reversed_at is not None, f"{payout}: the till has no reversal"
            [row] = [r for r in self.reader.ledger().refunds if r.payout_id == payout.payout_id]
            back = payout.amount if payout.status == "paid" else 0
            assert row.brought_back == back == payout.brought_back, (
                f"{payout}: reversed, {row.brought_back} came back"
            )
            listed = [p for p in self._refund_problems() if p[1] == payout.payout_id]
            assert sorted(listed) == sorted(payout.problems(self.wallet)), listed
            event(f"payout reversed: refund {payout.status}, listed {bool(listed)}")

    def ecommpay_reverses_in_part(self, act: dict[str, Any]) -> None:
        """ecommpay reverses (more of) a payout, its callback made up here as ecommpay signs it
        (the sandbox reverses only whole): "partially reversed" naming what is still paid out,
        or saying no sum (then nothing comes back until a report that says), maybe followed at
        once by one that says; two in part whose older one arrives after the newer; an older
        report retried after newer ones; or "reversed" for all that is left. A payout the till
        holds failed (its request never reached the sandbox, ecommpay paid it after all) is
        settled paid by a reversal in part: some of it stayed with the customer. Each reversal
        that brings more back counts back what it adds, is listed again, and the sale (or the
        late payment) may be refunded again by as much."""
        self._tick()
        kind, share = act["kind"], act["share"]
        reported = [p for p in self.wallet.values() if p.reports]
        reversible = [p for p in self.wallet.values() if p.reversible()]
        if (kind == "late" and reported) or not reversible:
            payout = pick(reported[::-1], act["index"])
            older = pick(payout.reports, share)
            self.relay.store(older)  # ecommpay retries it, after newer ones
            if older is not payout.reports[-1]:
                self.reversal_stories.add("an older reversal arriving late")
            event("reversal: an older report again")
        else:
            held_failed = [p for p in reversible if p.status == "failed"]
            payout = pick((held_failed if act["failed"] and held_failed else reversible)[::-1],
                          act["index"])  # fmt: skip
            if payout.status == "failed":
                self.reversal_stories.add("a payout held failed reversed")
            paid_out = payout.amount if payout.paid_out is None else payout.paid_out
            if kind == "whole" or paid_out < 2:
                self._reversal_report(payout, None)
                payout.paid_out = 0
                event("reversal: the rest reversed")
            else:
                left = max(1, paid_out * share // 10)
                if kind == "two" and paid_out - left >= 2:
                    self._reversal_report(payout, left)
                    self._reversal_report(payout, (left + paid_out) // 2, older=True)
                    self.reversal_stories.add("two reversals out of order")
                elif kind == "unknown":
                    self._reversal_report(payout, LEFT_UNKNOWN)
                    if share % 2:
                        self._reversal_report(payout, left)
                        self.reversal_stories.add("a reversal said later")
                else:
                    self._reversal_report(payout, left)
                if payout.paid_out is not None:
                    self.reversal_stories.add("reversed in part again")
                payout.paid_out = left
                event(f"reversal in part ({kind})")
        if act["deliver"]:
            self._deliver(len(self.relay.stored))
        self._settled_as_told(payout)
        if act["deliver"]:
            [row] = [r for r in self.reader.ledger().refunds if r.payout_id == payout.payout_id]
            assert row.brought_back == payout.brought_back, (
                f"{payout}: reversed, Rp {row.brought_back} came back"
            )
            listed = [p for p in self._refund_problems() if p[1] == payout.payout_id]
            assert sorted(listed) == sorted(payout.problems(self.wallet)), listed

    def _reversal_report(self, payout: Payout, left: int | None, *, older: bool = False) -> None:
        """ecommpay's reversal callback for ``payout`` as the relay hands it over, stored in the
        relay: whole (``None``), or in part leaving ``left`` paid out (``LEFT_UNKNOWN``: no sum
        said, which the relay reads as pending news). ``older``: it was sent before the newest
        one (ecommpay's retries), so it goes before it in ``payout.reports``."""
        word = "reversed" if left is None else "partially reversed"
        payment: dict[str, Any] = {"status": word}
        if left is None:
            status, amount, currency = PaymentStatus.REFUNDED, 0, IDR
        elif left == LEFT_UNKNOWN:
            status, amount, currency = PaymentStatus.PENDING, 0, "XXX/minor"
        else:
            status, amount, currency = PaymentStatus.PAID, left, IDR
        if left != LEFT_UNKNOWN:
            payment["sum"] = {"amount": amount * 100, "currency": IDR}
        operation = {"type": "reversal", "status": "success"}
        self._made_up(payout, status, payment, operation, amount, currency, older=older)

    def _made_up(
        self,
        payout: Payout,
        status: PaymentStatus,
        payment: dict[str, Any],
        operation: dict[str, Any],
        amount: int,
        currency: str,
        *,
        older: bool = False,
    ) -> None:
        """A callback for ``payout`` made up as ecommpay signs it (its ``payment`` and latest
        ``operation``), as the relay hands it over (read as ``status``, naming ``amount`` in
        ``currency``), stored in the relay and in ``payout.reports`` (before the newest one
        when ``older``)."""
        report = RelayEvent(
            cursor=0,
            invoice_number=payout.payout_id,
            provider=ProviderName.ECOMMPAY_GATE,
            status=status,
            received_at=self.now.isoformat(),
            payload={
                "payment": {"id": payout.payout_id, "type": "payout", **payment},
                "operation": {"id": next(self.notifications), **operation},
            },
            amount=amount,
            currency=currency,
        )
        self.relay.store(report)
        payout.reports.insert(len(payout.reports) - older, report)

    def ecommpay_contradicts_payout(self, act: dict[str, Any]) -> None:
        """ecommpay reports a payout it paid declined (or failed) after all, with no reversal
        said (its callback made up here as ecommpay signs it): a stray report, the money still
        with the customer; or one the sandbox reversed (``back``), whose reversal's own
        callback is lost (kept back: ecommpay may retry it later), the money back in the
        shop's balance. The till keeps the payout paid, the customer not owed it, and lists it
        as contradicted until resolved, taken as reversed, or a whole reversal explains it."""
        self._tick()
        payout = pick(_contradictable(self)[::-1], act["index"])
        if act["back"] and payout.at_ecommpay is PayoutOutcome.PAID:
            self.services.reverse(payout.payout_id)
            payout.at_ecommpay, payout.paid_out = PayoutOutcome.REVERSED, 0
            self._forward(payout, PaymentStatus.REFUNDED, False, lost=True)
        status, word = (
            (PaymentStatus.DECLINED, "decline")
            if act["declined"]
            else (PaymentStatus.FAILED, "error")
        )
        asked = {"amount": payout.amount * 100, "currency": IDR}
        operation = {"type": "payout", "status": word, "code": "20100", "message": "Declined"}
        self._made_up(payout, status, {"status": word, "sum": asked}, operation, payout.amount, IDR)
        if act["deliver"]:
            self._deliver(len(self.relay.stored))
        self._settled_as_told(payout)
        if act["deliver"]:
            assert payout.contradicted, f"{payout}: the till was not told of the decline"
            listed = [p for p in self._refund_problems() if p[1] == payout.payout_id]
            assert sorted(listed) == sorted(payout.problems(self.wallet)), listed
            event(f"payout contradicted: {'money back' if payout.paid_out == 0 else 'stray'}")

    def manager_takes_payout_as_reversed(self, act: dict[str, Any]) -> None:
        """The manager sees in ecommpay's dashboard that the money of a payout listed as
        contradicted came back to the shop's balance, and takes it as reversed, with a reason
        (on the row as seen: news handed over meanwhile that changed it refuses it, writing
        nothing): a whole reversal, listed as such until resolved, the customer owed the
        payout again (the sale, or the late payment, refundable again by its amount)."""
        self._tick()
        payout = pick(_taken_back(self), act["index"])
        db = self.store.repositories().db
        [seen] = [
            problem
            for problem in list_problems(db)
            if (problem.kind, problem.invoice_number)
            == (ProblemKind.PAYOUT_CONTRADICTED, payout.payout_id)
        ]
        if act["meanwhile"] and self.relay.delivered < len(self.relay.stored):
            self._deliver(len(self.relay.stored))
        changed = seen not in list_problems(db)
        refunds = self._payouts().refunds()
        before = refunds.refundable(payout.sale_id, payout.invoice_number)
        done = self._refusable(
            "take as reversed",
            lambda: take_as_reversed(
                db,
                seen,
                reason="dashboard: back in the balance",
                manager=MANAGER,
                day=self.store.day,
                now=self.now,
            ),
            None,
        )
        assert (done is None) == changed, f"{payout}, seen as {seen}: {self.refusal!r}"
        if done is None:
            assert isinstance(self.refusal, NotFound), self.refusal
            return
        payout.told(PayoutOutcome.REVERSED)
        self._settled_as_told(payout)
        after = refunds.refundable(payout.sale_id, payout.invoice_number)
        if payout.invoice_number is None:
            assert after == before + payout.amount, (
                f"{payout} taken as reversed: the sale had Rp {before} left to refund, now "
                f"Rp {after}"
            )
        listed = [p for p in self._refund_problems() if p[1] == payout.payout_id]
        assert sorted(listed) == sorted(payout.problems(self.wallet)), listed
        self.reversal_stories.add("a contradicted payout taken as reversed")
        event("payout taken as reversed")

    def manager_checks_payout(self, act: dict[str, Any]) -> None:
        """The manager asks ecommpay about a payout still ``pending`` (seconds after it was sent,
        or more than an hour): what ecommpay did settles it; "not found" keeps it pending and
        its amount taken within the hour, and fails it (its amount free) after."""
        payout = pick(
            [p for p in self.wallet.values() if p.status == "pending"][::-1], act["index"]
        )
        if act["later"]:
            self.now = max(self.now, payout.recorded_at + UNREGISTERED_AFTER)
        self._tick()
        young = self.now - payout.recorded_at < UNREGISTERED_AFTER
        try:
            self._payouts().check(payout.payout_id)
        except PayoutNotRegisteredYet:
            assert payout.at_ecommpay is None and young, f"{payout}: 'not registered yet'"
            event("payout check: not known yet, stays pending")
        else:
            expected = payout.at_ecommpay or PayoutOutcome.FAILED
            assert payout.at_ecommpay is not None or not young, f"{payout}: settled by a check"
            payout.told(expected)
            event(f"payout check: ecommpay says {expected.value}")
        self._settled_as_told(payout)

    def lost_payout_arrives(self, act: dict[str, Any]) -> None:
        """A payout whose answer was lost reaches ecommpay after all, which pays (or declines)
        it and calls back: a payout the till had failed meanwhile is paid after failing, and
        listed for the manager."""
        self._tick()
        lost = _lost(self)[::-1]
        lost.sort(key=lambda p: p.status != "failed")  # the rarer story first
        payout = pick(lost, act["index"])
        payouts = self._payouts()
        payouts.dispatch(payouts.refunds().get(payout.payout_id))
        payout.at_ecommpay, payout.in_sandbox = payout.ecommpay_outcome, True
        self._forward(payout, PaymentStatus(payout.at_ecommpay.value), act["deliver"])
        self._settled_as_told(payout)
        if act["deliver"]:
            event(
                f"lost payout arrives: {payout.status}, after failing {payout.paid_after_failing}"
            )

    def manager_resolves_payout(self, act: dict[str, Any]) -> None:
        """The manager resolves a payout listed as a problem (reversed, paid after failing, or a
        wallet return's not paid back, maybe made again first) once the customer is settled
        with: it is listed no more. A return made again that names the one not paid back
        (``linked``) settles it by itself: there is nothing left to resolve. Money still owed
        (reversed, or a return not paid back) is not resolved while a refund of its sale is on
        its way: it may be what pays it, and may fail."""
        self._tick()
        listed = [(p, problem) for p in self.wallet.values() for problem in p.problems(self.wallet)]
        payout, (kind, *_) = pick(listed, act["index"])
        again = kind is ProblemKind.RETURN_NOT_PAID and act["again"]
        if again and self._return_again(payout, linked=act["again"] == "linked"):
            event("return made again, linked")
            payout.resolved(kind)
            return
        db = self.store.repositories().db

        def resolve_it() -> bool:
            resolve(
                db,
                payout.payout_id,
                reason="paid in cash",
                manager=MANAGER,
                now=self.now,
                kind=kind,
            )
            return True

        repaying = kind in OWED and any(
            p.status == "pending" and p.sale_id == payout.sale_id for p in self.wallet.values()
        )
        done = self._refusable("resolve payout", resolve_it, None)
        assert (done is None) is repaying, self.refusal
        if repaying:  # the customer is owed it until the refund on its way is paid
            return
        event(f"resolve payout: {kind}")
        payout.resolved(kind)

    def _refund_problems(self) -> list[tuple[ProblemKind, str, int | None, int | None, str]]:
        return [
            (p.kind, p.invoice_number, p.amount, p.sale_id, p.state.value)
            for p in list_problems(self.store.repositories().db)
            if p.kind in REFUND_KINDS
        ]

    # the till (the cashier, and its restarts)

    def till_charges_cash(self, act: dict[str, Any]) -> None:
        """Cash (F9): refused while a payment pays the sale, and then maybe the one key that
        completes the sale with that payment."""
        self._tick()
        sale = pick(self._sales(open_only=True), act["index"])
        paid_already = self._paid_in_full(sale.id)
        self.cash_against_paid += paid_already is not None
        taken = self._refusable(
            "cash", lambda: self.checkout.pay_cash(sale.id, sale.total + act["extra"]), sale.id
        )
        assert taken is None or paid_already is None, (
            f"cash completed sale {sale.id}, which {paid_already} had paid in full already"
        )
        assert not (isinstance(self.refusal, SalePaidAlready) and paid_already is None), (
            f"sale {sale.id} refused cash ({self.refusal}), but no payment holds money for it"
        )
        self.ledger = self.reader.ledger()
        paying = self.store.payments.paying_attempt(sale.id)
        if act["take_it"] and paying is not None:
            self._refusable(
                "cash refused, then complete with paid",
                lambda: self.checkout.complete_with_paid(
                    sale.id, paying.invoice_number, cashier=CASHIER
                ),
                sale.id,
            )

    def till_checks_status(self, act: dict[str, Any]) -> None:
        """The cashier's "Check status": the provider answers, or its answer is lost."""
        self._tick()
        attempt = pick(self._attempts(), act["index"])
        self.provider.lose_status = act["lost"]
        try:
            self.checkout.check_status(attempt.invoice_number)
            event("check status: answered")
        except ProviderError as error:
            event(f"check status: provider {type(error).__name__}")
        finally:
            self.provider.lose_status = False

    def till_follows_up(self, act: dict[str, Any]) -> None:
        """The till asks again about payments that ended (expired, cancelled) before the
        provider's final word; one answer may be lost."""
        self._tick()
        self.provider.lose_status = act["lost"]
        try:
            found = self.checkout.follow_up_ended()
        finally:
            self.provider.lose_status = False
        event(f"follow-up: {len(found)} found paid")

    def till_completes_with_paid(self, act: dict[str, Any]) -> None:
        """The one key: complete the sale with a payment that came late."""
        self._tick()
        held = self._held_sales()
        attempt = pick(
            self._attempts(lambda a: a.state == "paid" and a.late and a.sale_id not in held),
            act["index"],
        )
        on_till = [sale for sale in self._sales() if sale.id not in held] or self._sales()
        sale_id = attempt.sale_id if act["own_sale"] else pick(on_till, act["other"]).id
        self._refusable(
            "complete with paid",
            lambda: self.checkout.complete_with_paid(
                sale_id, attempt.invoice_number, cashier=CASHIER
            ),
            sale_id,
        )

    def till_gives_up(self, act: dict[str, Any]) -> None:
        """The till stops waiting for a QR payment: the cashier cancels it, its countdown runs
        out (a last status check, then expired), the sale is abandoned, or the basket on
        screen changes (its sale is given up for a new one)."""
        how, index = act["how"], act["index"]
        sale = pick(self._sales(open_only=True), index)
        attempts = [a for a in self._attempts() if a.sale_id == sale.id] or self._attempts()
        attempt = attempts[0] if attempts else None
        if how == "expire" and attempt is not None:
            expires_at = self.store.payments.get_attempt(attempt.invoice_number).expires_at
            if expires_at is not None:
                self.now = max(self.now, expires_at + timedelta(seconds=1))
        self._tick()
        if how == "cancel QR" and attempt is not None:
            self._refusable(
                how, lambda: self.checkout.cancel_payment(attempt.invoice_number), attempt.sale_id
            )
        elif how == "expire" and attempt is not None:
            self.provider.lose_status = act["lost"]
            try:
                event(f"expire: {self.checkout.expire_if_due(attempt.invoice_number).state}")
            finally:
                self.provider.lose_status = False
        elif how == "change basket":
            new = self._refusable(
                how,
                lambda: self.checkout.open_sale(act["lines"], cashier=CASHIER, reuse=sale.id),
                sale.id,
            )
            if new is not None:
                self.rung_up.setdefault(new, Rung(act["lines"]))
        else:
            self._refusable(
                "abandon sale",
                lambda: self.checkout.abandon_sale(sale.id, "customer left"),
                sale.id,
            )

    def manager_closes_day(self, act: dict[str, Any]) -> None:
        """The manager closes the day money goes to now, early (the shop shuts before the
        cut-off) or the next morning; whatever happens afterwards lands on a later day."""
        if act["next_morning"]:
            self.now += timedelta(days=1)
        self._tick()
        db = self.store.repositories().db
        business_date = open_business_date(db, self.store.day, self.now)
        report = self._refusable(
            "close day",
            lambda: close_day(
                db,
                business_date,
                day=self.store.day,
                counted=CashCount(),
                closed_by=MANAGER,
                now=self.now,
            ),
            None,
        )
        if report is not None:
            self.closed[business_date] = report

    def till_opens_sale(self, act: dict[str, Any]) -> None:
        self._tick()
        self._open_sale(act["lines"], act["discount"])

    def _paid_by_qr(self, lines: tuple[LineItem, ...]) -> None:
        """A sale of ``lines`` paid in full by QR, the status check finding it paid."""
        sale_id = self._open_sale(lines, None)
        invoice = self.checkout.start_qr_payment(sale_id).invoice_number
        self.provider.charged[invoice] = Charge(self.provider.orders[invoice])
        assert self.checkout.check_status(invoice).state == "paid"
        assert self.store.sales.get(sale_id).status == "completed"

    def _open_sale(self, lines: tuple[LineItem, ...], discount: Discount | None) -> int:
        """A new sale for ``lines``; any discount approved by the manager (Rp 500 off the basket
        only where its lines come to more after their own discounts)."""
        return self._ring_up(_basket(lines, discount))

    def _ring_up(self, basket: Rung) -> int:
        """A new sale for the basket, as its first tender opens it."""
        sale_id = self.checkout.open_sale(
            basket.lines,
            cashier=CASHIER,
            discount=basket.discount,
            approval=basket.approval,
        )
        self.rung_up[sale_id] = basket
        return sale_id

    # holding and recalling baskets (F6), as the cashier screen's controller does

    def till_holds_basket(self, act: dict[str, Any]) -> None:
        """F6 on a basket: held under a name while the next customer is served, with its sale
        if a tender started on it (its QR open, or given up on, or even paid a moment ago),
        which stays open; a basket no tender started on (``fresh``) is held without one.
        Holding writes no money row."""
        self._tick()
        on_till = self._sales(open_only=True) if self.has_open_sale() else []
        payable = self.provider.payable()
        on_till.sort(  # those whose QR the customer can still pay first, then any with a QR
            key=lambda sale: (
                not any(a.invoice_number in payable for a in self.ledger.attempts_of(sale.id)),
                not self.ledger.attempts_of(sale.id),
            )
        )
        if act["fresh"] or not on_till:
            basket, sale_id = _basket(act["lines"], act["discount"]), None
            told = "a basket no tender started on"
        else:
            sale = pick(on_till, act["index"])
            basket, sale_id = self.rung_up[sale.id], sale.id
            states = {a.state for a in self.ledger.attempts_of(sale.id)}
            told = (
                "its QR open"
                if states & OPEN
                else "its QR paid"
                if "paid" in states
                else "its QR given up on"
                if states
                else "no QR"
            )
        before = self.reader.snapshot()
        held_id = self.store.held.hold(
            basket.lines,
            CASHIER,
            self.now,
            f"customer {len(self.held) + 1}",
            discount=basket.discount,
            approval=basket.approval,
            sale_id=sale_id,
        )
        assert self.reader.snapshot() == before, f"holding sale {sale_id} wrote money rows"
        self.held[held_id] = (basket, sale_id)
        if sale_id is not None and told != "no QR":
            self.held_stories.add("held with its QR")
        event(f"hold: {told}")

    def till_recalls_basket(self, act: dict[str, Any]) -> None:
        """F6 on an empty screen (or, ``merged``, on another basket), and the cashier picks a
        held basket: it comes back as it was held, once. Its sale completed meanwhile (its QR
        paid on time) leaves it off the screen. An open one is the basket's sale again: its
        next tender reuses it, so a payment of it pays the basket (its late one completes it,
        F11) and cash is refused; recalled into another basket, the sale is cancelled (refused
        while a payment pays it), a payment of it late. A cancelled or missing sale leaves the
        basket to a new sale."""
        self._tick()
        listed = self.store.held.list_held()
        assert [h.id for h in listed] == sorted(self.held), (
            f"held baskets {[h.id for h in listed]}, held {sorted(self.held)}"
        )
        held_id = pick([h.id for h in listed][::-1], act["index"])
        (basket, sale_id) = self.held.pop(held_id)
        held = self.store.held.recall(held_id)
        assert _rung(held) == (basket, sale_id), f"held {basket} of sale {sale_id}, got {held}"
        with pytest.raises(NotFound):
            self.store.held.recall(held_id)  # a double pick takes nothing
        sale = None if held.sale_id is None else self.store.sales.get(held.sale_id)
        paying = None if sale is None else self.store.payments.paying_attempt(sale.id)
        back = Rung.of(Basket.of(held.lines, held.discount, held.approval))
        if sale is not None and sale.status is SaleStatus.COMPLETED:
            self.held_stories.add("completed while held")
            event("recall: its sale was completed while held")
            return
        if sale is None or sale.status is not SaleStatus.OPEN:
            self._ring_up(back)
            event(f"recall: no open sale ({'none' if sale is None else sale.status.value})")
            return
        waiting = self._paid_in_full(sale.id)
        assert (paying is None) == (waiting is None), (
            f"held sale {sale.id} recalled: {waiting} paid it in full, the store finds {paying}"
        )
        if waiting is not None:
            self.held_stories.add("payment waiting for its basket")
        if act["merged"]:
            self._refusable(
                "recall into another basket",
                lambda: self.checkout.abandon_sale(sale.id, "basket merged"),
                sale.id,
            )
            assert (self.refusal is None) == (paying is None), (
                f"held sale {sale.id} merged into another basket, paid by {paying}: "
                f"cancelling it was {'refused' if self.refusal else 'done'}"
            )
            self._ring_up(back)
            return
        reused = self.checkout.open_sale(
            back.lines,
            cashier=CASHIER,
            reuse=sale.id,
            discount=back.discount,
            approval=back.approval,
        )
        assert reused == sale.id, (
            f"the basket recalled with open sale {sale.id} was rung up as sale {reused}: a "
            "payment of its QR would not find it"
        )
        event(f"recall: its open sale, {'paid' if paying else 'unpaid'}")
        if paying is not None and paying.late and act["take_it"]:
            done = self._refusable(
                "recall, complete with its payment",
                lambda: self.checkout.complete_with_paid(
                    sale.id, paying.invoice_number, cashier=CASHIER
                ),
                sale.id,
            )
            assert done is not None, (
                f"recalled sale {sale.id} refused its own payment {paying.invoice_number}: "
                f"{self.refusal!r}"
            )
            self.held_stories.add("completed with its payment after recall")
            event("recall: completed with its own late payment")

    def customer_returns(self, act: dict[str, Any]) -> None:
        """The customer brings items of a completed sale back; the manager approves, and the
        money goes back in cash or (a DOKU sale) is recorded as paid back in DOKU's back office.
        Asking more items than a line has left, or a way the sale's money cannot go back, is
        refused and writes nothing. A sale whose payment the provider reports refunded (when
        there is one, it is the sale picked half the time) refuses cash, which would pay the
        customer twice, and takes a return recorded as refunded outside Kasir; so does one
        refunded in part (the manager entered what DOKU refunded), beside cash and its wallet."""
        self._tick()
        completed = self._completed()
        refunded_there = [
            sale
            for sale in completed
            if sale.tender == "qr" and self.ledger.refunded_at_provider(sale.invoice_number or "")
        ]
        in_part = [
            sale
            for sale in completed
            if sale.tender == "qr"
            and (paid := self.ledger.attempts.get(sale.invoice_number or "")) is not None
            and paid.state == "paid"
            and paid.provider_refunded > 0
        ]
        if act["refunded_there"] and (refunded_there or in_part):
            completed = refunded_there + in_part
        elif act["method"] == ReturnMethod.OUTSIDE:  # mostly a sale it can be, sometimes not
            completed = [sale for sale in completed if sale.tender == "qr"] or completed
        sale = pick(completed, act["index"])
        there = sale in refunded_there
        returnable = self.store.returns.returnable(sale.id)
        assert returnable.refunded_at_provider == there, (
            f"sale {sale.id}: its payment refunded at the provider is {there}, returns say "
            f"{returnable.refunded_at_provider}"
        )
        assert not there or returnable.methods == (ReturnMethod.OUTSIDE,), returnable.methods
        assert returnable.partly_refunded_at_provider == (sale in in_part), (
            f"sale {sale.id}: its payment refunded in part at the provider is {sale in in_part}, "
            f"returns say {returnable.partly_refunded_at_provider}"
        )
        quantities = {
            line.line_no: items
            for line, items in zip(returnable.lines, act["items"], strict=False)
            if items
        }
        done = self._refusable(
            f"return ({act['method']})",
            lambda: self._record_return(sale.id, quantities, ReturnMethod(act["method"])),
            None,
        )
        if there and act["method"] == ReturnMethod.CASH:
            assert isinstance(self.refusal, ValidationError), (
                f"sale {sale.id} was refunded at the provider, yet a cash return was "
                f"{'taken' if done else f'refused for another reason ({self.refusal!r})'}"
            )
            event("return (cash) of a sale refunded at the provider: refused")
            return
        outside = act["method"] == ReturnMethod.OUTSIDE
        if outside and sale in refunded_there + in_part and _can_take(returnable, quantities):
            part = " in part" * (not there)
            assert done is not None, (
                f"sale {sale.id} was refunded at the provider{part}, and a return recorded "
                f"outside Kasir of {quantities} was refused: {self.refusal!r}"
            )
            if not there:
                self.figure_stories.add("returned outside Kasir after a figure")
            event(f"return (outside) of a sale refunded at the provider{part}: done")

    def customer_returns_to_wallet(self, act: dict[str, Any]) -> None:
        """The customer brings items of a completed sale paid from a DOKU wallet back, and the
        manager approves paying them back to it: the return is written with its refund
        ``pending`` (its items and its amount taken at once), and its payout sent like a back
        office's: the sandbox pays it, or declines it (a return of Rp 400 or Rp 404), or its
        request is delayed and its answer lost. A sale whose money cannot go back to a wallet
        (paid in cash, or refunded at the provider), more items than a line has left, or more
        than the sale has left to refund, is refused and writes nothing."""
        self._tick()
        completed = self._completed()
        qr = [sale for sale in completed if sale.tender == "qr"]
        with_money = [sale for sale in qr if self.store.refunds.refundable(sale.id) > 0]
        sales = (with_money or qr) if act["qr"] else completed
        quantities: dict[int, int] | None = None
        if act["declined"]:  # a sale with sweets to return for a declined amount, if any
            declining = [
                (sale, found)
                for sale in sales
                if (found := _declined_return(self.store.returns.returnable(sale.id)))
            ]
            if declining:
                sale, quantities = pick(declining, act["index"])
        if quantities is None:
            sale = pick(sales, act["index"])
        returnable = self.store.returns.returnable(sale.id)
        if quantities is None:
            numbers = [line.line_no for line in returnable.lines]
            wanted = dict(zip(numbers, act["items"], strict=False))
            quantities = _fitting(returnable, wanted) if act["fits"] else wanted
            quantities = {line_no: items for line_no, items in quantities.items() if items}
        payouts = self._payouts()
        wallet = WalletPayout(new_payout_id(TERMINAL), payouts.gateway.name, WALLET, "Pelanggan")
        done = self._refusable(
            "wallet return",
            lambda: self._record_return(sale.id, quantities, ReturnMethod.WALLET, payout=wallet),
            None,
        )
        lines = {line.line_no: line for line in returnable.lines}
        takes = ReturnMethod.WALLET in returnable.methods and _can_take(returnable, quantities)
        amount = sum(lines[n].refund_for(count) for n, count in quantities.items()) if takes else 0
        assert (done is not None) == (takes and amount > 0), (
            f"a wallet return of {quantities} of sale {sale.id} ({returnable}) was "
            f"{'taken' if done else f'refused ({self.refusal!r})'}"
        )
        if done is None:
            why = (
                "no wallet"
                if ReturnMethod.WALLET not in returnable.methods
                else "no items"
                if not quantities
                else "more items than left"
                if any(count > lines[n].left for n, count in quantities.items())
                else "more than the sale has left"
            )
            event(f"wallet return refused: {why}")
            return
        assert (done.method, done.amount, done.payout_id) == (
            ReturnMethod.WALLET,
            amount,
            wallet.payout_id,
        ), done
        payout = Payout(wallet.payout_id, sale.id, amount, self.now, None, returned=quantities)
        self.wallet[payout.payout_id] = payout
        self._settled_as_told(payout)
        assert payouts.refunds().refundable(sale.id) == returnable.refundable - amount, (
            "a pending wallet return takes its amount"
        )
        if act["lost"]:
            event("wallet return: answer lost")
            return
        payouts.dispatch(self.store.refunds.get(payout.payout_id))
        payout.at_ecommpay = payout.ecommpay_outcome
        self._forward(payout, PaymentStatus(payout.at_ecommpay.value), act["deliver"])
        self._settled_as_told(payout)
        if act["deliver"]:
            event(f"wallet return: {payout.status} at once")
            if not payout.holds:
                listed = [p for p in self._refund_problems() if p[1] == payout.payout_id]
                assert listed == payout.problems(self.wallet), f"{payout}: listed {listed}"

    def _record_return(
        self,
        sale_id: int,
        quantities: dict[int, int],
        method: ReturnMethod,
        *,
        payout: WalletPayout | None = None,
        reason: str = "",
        redo_of: int | None = None,
    ) -> Return:
        """A return at the counter, rung up by the cashier and approved by the manager now."""
        return self.store.returns.record(
            sale_id,
            quantities,
            method=method,
            terminal_id=TERMINAL,
            cashier=CASHIER,
            approved_by=MANAGER,
            now=self.now,
            reason=reason,
            payout=payout,
            redo_of=redo_of,
        )

    def _return_again(self, payout: Payout, *, linked: bool) -> bool:
        """A wallet return not paid back is made again, in cash: its items are returnable
        again, so it is taken unless something else took them (or the money) meanwhile, or the
        sale's money cannot go back in cash. ``linked``: the new return names it, and the
        return desk offers it exactly when it can be taken so. Whether it was taken."""
        assert payout.returned is not None
        returnable = self.store.returns.returnable(payout.sale_id)
        quantities = payout.returned
        [failed] = [
            t
            for t in self.store.returns.for_sale(payout.sale_id)
            if t.payout_id == payout.payout_id
        ]
        redo_of = failed.id if linked else None
        takes = ReturnMethod.CASH in returnable.methods and _can_take(
            returnable, quantities, redo_of
        )
        offered = [unpaid.id for unpaid in returnable.not_paid_back]
        assert (failed.id in offered) == _can_take(returnable, quantities, failed.id), (
            f"{payout} offered to make again: {offered}"
        )
        done = self._refusable(
            "return made again (cash)",
            lambda: self._record_return(
                payout.sale_id,
                quantities,
                ReturnMethod.CASH,
                reason=f"payout {payout.payout_id} not paid",
                redo_of=redo_of,
            ),
            None,
        )
        assert (done is not None) == takes, (
            f"{payout} made again in cash ({returnable}): "
            f"{'taken' if done else f'refused ({self.refusal!r})'}"
        )
        return done is not None and linked

    def till_restarts(self, act: dict[str, Any]) -> None:
        """The till restarts: a new store and checkout on the same file; the long-poll may
        hand over what the relay holds before resume() runs, or after."""
        self._tick()
        self.store.close()
        self.store = TerminalStore(self.path)
        self.checkout = self._checkout()
        if act["relay_first"] and self.relay.delivered < len(self.relay.stored):
            self._deliver(len(self.relay.stored))
        still_open = self.checkout.resume()
        assert {a.invoice_number for a in still_open} == {
            a.invoice_number for a in self.reader.ledger().attempts.values() if a.state in OPEN
        }

    @rule(data=st.data())
    def step(self, data: st.DataObject) -> None:
        possible = tuple(action for action in ACTIONS if action.possible(self))
        next_customer = not self.has_open_sale()  # then the next customer comes to the counter
        action = data.draw(weighted(possible, next_customer, self.weights), label="action")
        act = data.draw(action.choices, label=action.name)
        getattr(self, action.method)(act)

    # the invariants

    @invariant()
    def money_is_in_exactly_one_place(self) -> None:
        ledger = self.ledger = self.reader.ledger()
        reported = self.provider.reported_paid | self.relay_reported_paid
        refunded_there = self.provider.reported_refunded | self.relay_reported_refunded
        charged = {invoice: self._charge_told(invoice) for invoice in reported}
        for attempt in ledger.attempts.values():
            if attempt.state == "paid":
                assert attempt.invoice_number in charged, (
                    f"{attempt.invoice_number} is paid in the store, but the provider never "
                    "reported it paid"
                )
            if attempt.state == "refunded":
                assert attempt.invoice_number in refunded_there, (
                    f"{attempt.invoice_number} is refunded in the store, but the provider never "
                    "reported it refunded"
                )
        problems = {
            problem.invoice_number: problem
            for problem in list_problems(self.store.repositories().db)
            if problem.kind in (ProblemKind.LATE, ProblemKind.DIFFERS, ProblemKind.REFUNDED)
        }
        for invoice, charge in charged.items():
            self._one_place(ledger, problems, invoice, charge, invoice in refunded_there)
        for sale in ledger.sales.values():
            self._completed_once_and_in_full(ledger, sale, charged)
            if sale.status == "open":
                paying = self._paid_in_full(sale.id, ledger)
                if paying is not None:
                    self.paid_while_open.add(paying)

    def _one_place(
        self,
        ledger: Ledger,
        problems: dict[str, ProblemPayment],
        invoice: str,
        charge: Charge,
        reported_refunded: bool,
    ) -> None:
        attempt = ledger.attempts.get(invoice)
        assert attempt is not None, f"the provider reported {invoice} paid; the till lost it"
        figure = self.figures.get(invoice)
        in_part = figure is not None and figure < charge.amount
        state = "refunded" if reported_refunded and not in_part else "paid"
        assert attempt.state == state, f"{invoice} was reported {state}, the till has {attempt}"
        assert (attempt.received, attempt.received_currency) == (
            charge.amount,
            charge.currency,
        ), f"{invoice}: the provider charged {charge}, the till says {attempt}"
        holders = ledger.holders(invoice)
        at_provider = ledger.refunded_at_provider(invoice)
        refunded = ledger.refunded(invoice)
        places = []
        if holders and not at_provider:
            places.append(f"takings of sale(s) {[sale.id for sale in holders]}")
        if at_provider:
            places.append(f"refunded at the provider (sale(s) {[sale.id for sale in holders]})")
        if attempt.late and refunded < charge.amount:
            places.append("a problem payment")
        if refunded:
            places.append(f"refunds of Rp {refunded}")
        if len(holders) == 1 and not attempt.late and not refunded:
            [sale] = holders
            assert charge == Charge(sale.total), (
                f"sale {sale.id} (total {sale.total}) completed by {invoice}, which paid {charge}"
            )
            if at_provider or in_part:
                gone = charge.amount if figure is None else figure
                self._listed_until_returned_outside(ledger, problems, invoice, sale, gone)
                return
            assert invoice not in problems, f"{invoice} is takings, yet {problems[invoice]}"
            event("money: takings")
            return
        if attempt.late and not at_provider and not holders and refunded <= charge.amount:
            if refunded == charge.amount:
                event("money: refunded")
                return
            if refunded:
                event("money: part refunded, rest a problem payment")
            if self._still_resolved(invoice):
                event("money: problem payment (resolved)")
                return
            differs = charge != Charge(ledger.attempts[invoice].amount)
            listed = problems.get(invoice)
            assert listed is not None, f"{invoice} ({charge}) is late but not in the problem list"
            want = ProblemKind.DIFFERS if differs else ProblemKind.LATE
            assert (listed.kind, listed.amount) == (want, charge.amount), (
                f"{invoice} ({charge}) is listed as {listed}"
            )
            event(f"money: problem payment ({want.value})")
            return
        if self._paid_back_after_failing(ledger, invoice, attempt, holders, at_provider):
            [sale] = holders
            assert charge == Charge(sale.total), f"sale {sale.id} completed by {invoice} ({charge})"
            event("money: takings, and paid back by a payout paid after failing")
            return
        raise AssertionError(
            f"{invoice} paid {charge} and is in {len(places)} places: {places or 'none'} "
            f"(attempt {attempt})"
        )

    def _paid_back_after_failing(
        self,
        ledger: Ledger,
        invoice: str,
        attempt: AttemptRow,
        holders: list[SaleRow],
        at_provider: bool,
    ) -> bool:
        """A payment in a sale's takings that payouts naming it paid back too, each one paid
        after Kasir had settled it failed or declined (the payment was attached to the sale
        meanwhile, its refund freed): the customer may have the money twice, which those
        payouts' ``paid_after_failing`` problems say (the wallet invariant checks they are
        listed until resolved)."""
        paying = [
            refund
            for refund in ledger.refunds
            if refund.invoice_number == invoice and refund.status == "paid" and refund.used
        ]
        twice = {
            payout.payout_id
            for payout in self.wallet.values()
            if payout.invoice_number == invoice and payout.paid_after_failing
        }
        return (
            len(holders) == 1
            and not attempt.late
            and not at_provider
            and bool(paying)
            and all(refund.payout_id in twice for refund in paying)
        )

    def _listed_until_returned_outside(
        self,
        ledger: Ledger,
        problems: dict[str, ProblemPayment],
        invoice: str,
        sale: SaleRow,
        gone: int,
    ) -> None:
        """A payment refunded at the provider (``gone`` rupiah of it: all, or the part the
        manager read from DOKU's back office, what DOKU had given back then) is listed
        (``refunded``, for ``gone``) while the takings of its sale still count it: until that
        sale's returns recorded as refunded outside Kasir add up to ``gone``, or a manager
        resolves it. The takings keep the rest; the provider refund rows (the payments file's
        money out) count ``gone`` once."""
        attempt = ledger.attempts[invoice]
        if attempt.state == "paid":
            assert attempt.provider_refunded == gone, (
                f"{invoice}: the manager entered that DOKU refunded Rp {gone}, the till has "
                f"{attempt}"
            )
        assert attempt.gone_back == gone, (
            f"{invoice}: Rp {gone} went back at the provider, its refund rows say "
            f"Rp {attempt.gone_back}"
        )
        returned = ledger.returned_outside(sale.id)
        listed = problems.get(invoice)
        charge = self._charge_told(invoice)
        part = " in part" * (gone < charge.amount)
        if returned >= gone or invoice in self.resolved_refunded:
            assert listed is None, (
                f"{invoice} was refunded at the provider and is accounted for (Rp {returned} "
                f"returned outside Kasir, resolved: {invoice in self.resolved_refunded}), yet "
                f"it is listed as {listed}"
            )
            event(f"money: refunded at the provider{part}, accounted for")
            return
        assert listed is not None, (
            f"{invoice} ({charge}) of sale {sale.id} was refunded at the provider, only "
            f"Rp {returned} returned outside Kasir, but it is not in the problem list"
        )
        assert (listed.kind, listed.amount) == (ProblemKind.REFUNDED, gone), (
            f"{invoice} ({charge}) was refunded at the provider (Rp {gone}), and is listed as "
            f"{listed}"
        )
        event(f"money: refunded at the provider{part}, listed")

    def _completed_once_and_in_full(
        self, ledger: Ledger, sale: SaleRow, charged: dict[str, Charge]
    ) -> None:
        first = self.completed.get(sale.id)
        if first is not None:
            assert sale == first, f"sale {sale.id} was completed as {first}, now it is {sale}"
        elif sale.status == "completed":
            self.completed[sale.id] = sale
        if sale.status != "completed":
            return
        if sale.tender == "qr":
            assert sale.invoice_number in charged, (
                f"sale {sale.id} completed by {sale.invoice_number}, never reported paid"
            )
            return
        assert sale.tender == "cash" and sale.invoice_number is None, sale
        assert sale.cash_received is not None and sale.cash_received >= sale.total, sale
        assert sale.change_due == sale.cash_received - sale.total, sale
        for attempt in ledger.attempts_of(sale.id):
            unheld = not ledger.holders(attempt.invoice_number)
            assert not (attempt.state == "paid" and not attempt.late and unheld), (
                f"unflagged double charge: cash sale {sale.id} and its paid payment {attempt}"
            )

    @invariant()
    def returns_give_back_no_more_than_was_paid(self) -> None:
        """Returned items and rupiah (of the returns that hold) never exceed a line's sold items
        and what was paid for them, unless a wallet return's payout of the sale was paid after
        failing (its items had been freed, and may have been returned again meanwhile by a
        return that did not name it: a problem payment says so); a line returned whole gives
        back exactly what was paid; only completed sales have returns."""
        twice = {
            payout.sale_id
            for payout in self.wallet.values()
            if payout.returned is not None and payout.paid_after_failing
        }
        for line in self.ledger.returned_lines:
            assert self.ledger.sales[line.sale_id].status == "completed", line
            assert line.returned > 0 and line.given_back >= 0, line
            over = line.returned > line.sold or line.given_back > line.paid
            if over and line.sale_id in twice:
                event("returns: more than sold, a payout paid after failing says why")
                continue
            assert line.returned <= line.sold and line.given_back <= line.paid, line
            if line.returned == line.sold:
                assert line.given_back == line.paid, f"returned whole, not all paid back: {line}"
            event("returns: whole line" if line.returned == line.sold else "returns: part")

    @invariant()
    def returns_hold_as_their_payouts_say(self) -> None:
        """Each wallet return is the one the test made, for its payout's amount; what each line
        has left to return, and to give back, is what the ledger's returns that hold (cash,
        outside Kasir, or a wallet return whose payout is pending or paid) left it."""
        ledger = self.reader.ledger()
        wallet = {item.payout_id: item for item in ledger.returns if item.method == "wallet"}
        made = {p.payout_id: p for p in self.wallet.values() if p.returned is not None}
        assert wallet.keys() == made.keys(), f"wallet returns {sorted(wallet)}, made {sorted(made)}"
        for payout_id, item in wallet.items():
            assert (item.sale_id, item.amount) == (made[payout_id].sale_id, made[payout_id].amount)
        held = {(line.sale_id, line.line_no): line for line in ledger.returned_lines}
        for sale_id in sorted({item.sale_id for item in ledger.returns}):
            for line in self.store.returns.returnable(sale_id).lines:
                row = held.get((sale_id, line.line_no))
                want = (0, 0) if row is None else (row.returned, row.given_back)
                assert (line.returned, line.refunded) == want, (
                    f"sale {sale_id} line {line.line_no}: returns take back {line}, the ledger's "
                    f"returns that hold {row}"
                )
        for payout in made.values():
            event(
                f"wallet return: {payout.status}{', problem' * bool(payout.problems(self.wallet))}"
            )

    @invariant()
    def closed_days_hold(self) -> None:
        """No sale, cancel, refund or late-payment attach lands in a day once it is closed."""
        db = self.store.repositories().db
        for business_date, signed in self.closed.items():
            now = build_z_report(db, business_date, day=self.store.day, now=self.now)
            assert _takings(now) == _takings(signed), (
                f"closed day {business_date} changed: signed off {_takings(signed)}, "
                f"now {_takings(now)}"
            )

    @invariant()
    def wallet_refunds_are_accounted_for(self) -> None:
        """Each payout's refund shows what the till was told; every completed sale has left to
        refund exactly what the ledger's rows say it has (its total less refunds pending or
        paid, returns, and what the provider gave back itself), below zero only while a problem
        says why; the payouts listed as problems are exactly those unresolved."""
        ledger = self.reader.ledger()
        rows = {refund.payout_id: refund for refund in ledger.refunds}
        for payout in self.wallet.values():
            row = rows[payout.payout_id]
            assert (row.sale_id, row.invoice_number, row.amount, row.status) == (
                payout.sale_id,
                payout.invoice_number,
                payout.amount,
                payout.status,
            ), f"{payout}, the store has {row}"
            assert (row.reversed, row.paid_after_failing, row.brought_back) == (
                payout.reversal,
                payout.paid_after_failing,
                payout.brought_back,
            ), f"{payout}, the store has {row}"
        expected = sorted(
            p for payout in self.wallet.values() for p in payout.problems(self.wallet)
        )
        listed = self._refund_problems()
        assert sorted(listed) == expected, f"payout problems listed {listed}, expected {expected}"
        refunded_there = {
            p.invoice_number
            for p in list_problems(self.store.repositories().db)
            if p.kind is ProblemKind.REFUNDED
        } | self.resolved_refunded
        payouts = self._payouts()
        for sale in ledger.sales.values():
            if sale.status != "completed":
                continue
            left = ledger.refundable(sale.id)
            stored = payouts.refunds().refundable(sale.id)
            assert stored == left, (
                f"sale {sale.id} has Rp {stored} left to refund, its rows say Rp {left}"
            )
            if left >= 0:
                continue
            said = sale.invoice_number in refunded_there or any(
                payout.paid_after_failing
                for payout in self.wallet.values()
                if payout.sale_id == sale.id
            )
            assert said, f"sale {sale.id} paid back Rp {-left} more than it took, unexplained"
            event("wallet refunds: more than the sale took, a problem says why")
        for payout in self.wallet.values():
            after_failing = ", after failing" * payout.paid_after_failing
            event(f"payout: {payout.status}{after_failing}{', reversed' * payout.reversal}")

    @invariant()
    def relay_position_is_saved(self) -> None:
        if self.relay.delivered_any:
            assert self.store.payments.relay_position() == self.relay.position


def _can_take(sale: ReturnableSale, quantities: dict[int, int], redo_of: int | None = None) -> bool:
    """Whether a return of ``quantities`` (making ``redo_of`` again) fits the sale: some
    items, none more than its line has free (left, less those of its other wallet returns not
    paid back), for no more than the sale has left to refund. A return that fits is refused
    only for the way its money goes back (or, in cash, a drawer too short)."""
    lines = {line.line_no: line for line in sale.lines}
    if not quantities or any(
        count > sale.free(lines[number], redo_of) for number, count in quantities.items()
    ):
        return False
    return sum(lines[n].refund_for(count) for n, count in quantities.items()) <= sale.refundable


def _declined_return(sale: ReturnableSale) -> dict[int, int] | None:
    """Items of one line of ``sale`` whose return gives back one of ecommpay's test amounts that
    decline (Rp 400, Rp 404), if it has some left and the sale that much money."""
    for line in sale.lines:
        for count in range(1, sale.free(line) + 1):
            amount = line.refund_for(count)
            if amount * 100 in DECLINE_AMOUNTS and amount <= sale.refundable:
                return {line.line_no: count}
    return None


def _fitting(sale: ReturnableSale, wanted: dict[int, int]) -> dict[int, int]:
    """Up to ``wanted`` items of each line of ``sale`` (line number to items), as many as its
    lines have free and its money allows, line by line."""
    left = sale.refundable
    fitting = {}
    for line in sale.lines:
        count = min(wanted.get(line.line_no, 0), sale.free(line))
        while count and line.refund_for(count) > left:
            count -= 1
        if count:
            fitting[line.line_no] = count
            left -= line.refund_for(count)
    return fitting


def _takings(report: ZReport) -> tuple[object, ...]:
    """What a signed-off Z report says was taken, cancelled, returned and paid back that day."""
    return (
        report.sales_count,
        report.tenders,
        report.refunds_count,
        report.refunds_total,
        report.cancelled_sales,
        report.late_refunds_total,
        report.returns_count,
        report.returns_total,
        report.cash_returns,
    )


@dataclass(frozen=True, slots=True)
class Action:
    """One thing that can happen at the counter, how often (out of 100), and when."""

    name: str
    weight: int
    choices: st.SearchStrategy[dict[str, Any]]
    possible: Callable[[MoneyMachine], bool]
    method: str = ""

    def __repr__(self) -> str:
        return self.name


def _action(
    name: str,
    weight: int,
    choices: dict[str, st.SearchStrategy[Any]],
    possible: Callable[[MoneyMachine], bool] = lambda machine: True,
    method: str = "",
) -> Action:
    return Action(name, weight, st.fixed_dictionaries(choices), possible, method or name)


@functools.cache
def weighted(
    possible: tuple[Action, ...], next_customer: bool, weights: tuple[tuple[str, int], ...] = ()
) -> st.SearchStrategy[Action]:
    """Draws one of the ``possible`` actions by weight, or by the machine's own ``weights``
    for some (built once per combination)."""
    extra = [OPEN_SALE] * 20 if next_customer else []
    own = dict(weights)
    return st.sampled_from([a for a in possible for _ in range(own.get(a.name, a.weight))] + extra)


def _paid(machine: MoneyMachine) -> bool:
    return any(a.state == "paid" for a in machine.ledger.attempts.values())


def _open_sale(machine: MoneyMachine) -> bool:
    return machine.has_open_sale()


def _sandbox_paid(machine: MoneyMachine) -> list[Payout]:
    """Payouts the sandbox paid (and has not reversed)."""
    return [p for p in machine.wallet.values() if p.at_ecommpay is PayoutOutcome.PAID]


def _contradictable(machine: MoneyMachine) -> list[Payout]:
    """Payouts paid, as the till and ecommpay have them (the sandbox paid it, or it never went
    through the sandbox), that ecommpay may report declined or failed after all: one such
    report a payout, before any reversal."""
    return [
        p
        for p in machine.wallet.values()
        if p.status == "paid" and not p.reversal and not p.reports and p.reversible()
    ]


def _taken_back(machine: MoneyMachine) -> list[Payout]:
    """Payouts listed as contradicted whose money ecommpay's record says came back."""
    return [
        p
        for p in machine.wallet.values()
        if p.paid_out == 0 and ProblemKind.PAYOUT_CONTRADICTED in p._owed()
    ]


def _lost(machine: MoneyMachine) -> list[Payout]:
    """Payouts whose request has not reached the sandbox and may still: sent (or, a late
    payment's refund, still pending), ecommpay not known to have done anything with them."""
    return [
        p
        for p in machine.wallet.values()
        if p.at_ecommpay is None and not p.reports and (p.in_sandbox or p.status == "pending")
    ]


def _paid_in_part(machine: MoneyMachine) -> list[str]:
    """Payments paid in part whose rest the customer has not paid yet, newest first."""
    provider = machine.provider
    return [
        invoice
        for invoice in sorted(machine.in_part, reverse=True)
        if provider.charged[invoice].amount < provider.orders[invoice]
    ]


def _gives_up(how: str, weight: int) -> Action:
    choices: dict[str, st.SearchStrategy[Any]] = {"how": st.just(how), "index": PICK}
    if how == "change basket":
        choices["lines"] = LINES
    if how == "expire":
        choices["lost"] = st.sampled_from([False, False, False, True])
    return _action(how.replace(" ", "_"), weight, choices, _open_sale, "till_gives_up")


CUSTOMER = {
    "index": PICK,
    "pays": st.sampled_from([True, True, True, False]),
    "paid": PAID,
    "notify": st.sampled_from([True, True, True, False]),
    "says": PICK,
}
"""A customer's choices: pay (what), or decline; the provider's notification sent or lost."""

ACTIONS = (
    _action("customer_acts", 16, CUSTOMER, lambda machine: bool(machine.provider.payable())),
    _action(
        "customer_pays_held_basket",
        10,
        {**CUSTOMER, "deliver": st.sampled_from([True, True, False])},
        lambda machine: bool(machine._held_orders()),
    ),
    _action(
        "relay_acts",
        20,
        {
            "choice": st.sampled_from(
                [*["deliver"] * 4, "again", "new epoch", "pending", "same body", "retry"]
            ),
            "count": st.integers(1, 4),
            "order": st.sampled_from(["in order", "reversed", "rotated"]),
            "duplicate": st.booleans(),
            "index": PICK,
            "base": st.sampled_from([0, 2, 1000]),
        },
        lambda machine: bool(machine.relay.stored),
    ),
    _action(
        "customer_wants_qr",
        12,
        {"index": PICK, "failure": st.sampled_from([*[None] * 8, *CreateFailure])},
        _open_sale,
    ),
    _action(
        "till_charges_cash",
        12,
        {"index": PICK, "extra": st.sampled_from([0, 2000, -1]), "take_it": st.booleans()},
        _open_sale,
    ),
    _action(
        "till_checks_status",
        8,
        {"index": PICK, "lost": st.sampled_from([False, False, False, True])},
        lambda machine: bool(machine.ledger.attempts),
    ),
    _action(
        "till_follows_up",
        3,
        {"lost": st.sampled_from([False, False, False, True])},
        lambda machine: bool(machine.ledger.attempts),
    ),
    _gives_up("cancel QR", 8),
    _gives_up("expire", 4),
    _gives_up("abandon sale", 3),
    _gives_up("change basket", 3),
    _action(
        "till_completes_with_paid",
        4,
        {"index": PICK, "own_sale": st.booleans(), "other": PICK},
        _paid,
    ),
    _action(
        "store_manager_acts",
        8,
        {
            "choice": PICK,
            "index": PICK,
            "other": PICK,
            "outcome": st.sampled_from(["paid", "paid", "declined", "pending"]),
        },
        lambda machine: bool(machine.ledger.attempts),
    ),
    _action(
        "customer_returns",
        6,
        {
            "index": PICK,
            "method": st.sampled_from([*[ReturnMethod.CASH.value] * 3, ReturnMethod.OUTSIDE.value]),
            "items": st.lists(st.integers(0, 3), min_size=3, max_size=3),
            "refunded_there": st.booleans(),
        },
        lambda machine: any(sale.status == "completed" for sale in machine.ledger.sales.values()),
    ),
    OPEN_SALE := _action("till_opens_sale", 4, {"lines": LINES, "discount": DISCOUNTS}),
    _action(
        "till_holds_basket",
        5,
        {
            "index": PICK,
            "fresh": st.sampled_from([False, False, False, False, True]),
            "lines": LINES,
            "discount": DISCOUNTS,
        },
    ),
    _action(
        "till_recalls_basket",
        4,
        {"index": PICK, "merged": st.sampled_from([False, False, True]), "take_it": st.booleans()},
        lambda machine: bool(machine.held),
    ),
    _action("till_restarts", 2, {"relay_first": st.booleans()}),
    _action("manager_closes_day", 2, {"next_morning": st.booleans()}),
    _action(
        "manager_refunds_to_wallet",
        10,
        {
            "index": PICK,
            "amount": st.sampled_from(["part", "part", "part", "all", "declined", "too much"]),
            "share": st.integers(1, 9),
            "declined": st.sampled_from(sorted(minor // 100 for minor in DECLINE_AMOUNTS)),
            "lost": st.sampled_from([False, False, True]),
            "deliver": st.sampled_from([True, True, False]),
            "again": st.booleans(),
        },
        lambda machine: any(sale.status == "completed" for sale in machine.ledger.sales.values()),
    ),
    _action(
        "ecommpay_reverses_in_part",
        4,
        {
            "index": PICK,
            "kind": st.sampled_from(["part", "part", "unknown", "two", "late", "whole"]),
            "share": st.integers(1, 9),
            "failed": st.booleans(),
            "deliver": st.sampled_from([True, True, False]),
        },
        lambda machine: any(p.reports or p.reversible() for p in machine.wallet.values()),
    ),
    _action(
        "customer_pays_the_rest",
        4,
        {
            "index": PICK,
            "notify": st.sampled_from([True, True, True, False]),
            "deliver": st.booleans(),
            "check": st.sampled_from([False, False, True]),
        },
        lambda machine: bool(_paid_in_part(machine)),
    ),
    _action(
        "ecommpay_reverses_payout",
        5,
        {"index": PICK, "deliver": st.sampled_from([True, True, False])},
        lambda machine: bool(_sandbox_paid(machine)),
    ),
    _action(
        "manager_checks_payout",
        6,
        {"index": PICK, "later": st.booleans()},
        lambda machine: any(p.status == "pending" for p in machine.wallet.values()),
    ),
    _action(
        "lost_payout_arrives",
        5,
        {"index": PICK, "deliver": st.sampled_from([True, True, False])},
        lambda machine: bool(_lost(machine)),
    ),
    _action(
        "manager_resolves_payout",
        5,
        {"index": PICK, "again": st.sampled_from(["linked", "linked", "plain", False])},
        lambda machine: any(p.problems(machine.wallet) for p in machine.wallet.values()),
    ),
    _action(
        "customer_returns_to_wallet",
        6,
        {
            "index": PICK,
            "qr": st.sampled_from([True, True, True, True, False]),
            "items": st.lists(st.integers(0, 3), min_size=3, max_size=3),
            "fits": st.sampled_from([True, True, True, False]),
            "declined": st.booleans(),
            "lost": st.sampled_from([False, False, False, True]),
            "deliver": st.sampled_from([True, True, False]),
        },
        lambda machine: any(
            sale.status == "completed" and sale.tender == "qr"
            for sale in machine.ledger.sales.values()
        ),
    ),
    _action(
        "provider_refunds",
        2,
        {
            "index": PICK,
            "notify": st.sampled_from([True, True, True, False]),
            "check": st.sampled_from([False, False, True]),
            "share": st.sampled_from([*range(1, 10), 0, 0]),
            "says": st.booleans(),
        },
        lambda machine: bool(machine.held_payments()),
    ),
    _action(
        "ecommpay_contradicts_payout",
        2,
        {
            "index": PICK,
            "back": st.booleans(),
            "declined": st.sampled_from([True, True, False]),
            "deliver": st.sampled_from([True, True, False]),
        },
        lambda machine: bool(_contradictable(machine)),
    ),
    _action(
        "manager_takes_payout_as_reversed",
        4,
        {"index": PICK, "meanwhile": st.sampled_from([False, False, True])},
        lambda machine: bool(_taken_back(machine)),
    ),
    _action(
        "manager_enters_refunded_amount",
        6,
        {
            "index": PICK,
            "how": st.sampled_from(["wrong first", "at once", "out of range", "at once"]),
            "wrong": st.integers(1, 10),
        },
        lambda machine: (
            machine.provider.name is ProviderName.DOKU
            and any(
                a.state == "refunded" or a.provider_refunded
                for a in machine.ledger.attempts.values()
            )
        ),
    ),
)


TestMoneyInvariant = MoneyMachine.TestCase
TestMoneyInvariant.settings = settings(
    max_examples=150,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


class WalletMoneyMachine(MoneyMachine):
    """The same machine, drawing cash sales and payouts far more often: a payout's rarer
    stories take several of them in a row (sent, its answer lost, checked an hour later and
    failed, then paid after all, then resolved; or paid, reversed, resolved; or a wallet
    return's declined, made again, resolved)."""

    weights = (
        ("till_charges_cash", 24),
        ("manager_refunds_to_wallet", 30),
        ("ecommpay_reverses_payout", 10),
        ("manager_checks_payout", 15),
        ("lost_payout_arrives", 12),
        ("manager_resolves_payout", 12),
        ("customer_returns_to_wallet", 15),
        ("ecommpay_reverses_in_part", 12),
        ("ecommpay_contradicts_payout", 8),
        ("manager_takes_payout_as_reversed", 12),
    )

    @initialize(lines=LINES)
    def cash_sale_first(self, lines: tuple[LineItem, ...]) -> None:
        """A sale paid in cash: money a payout can give back from the first step."""
        sale_id = self._open_sale(lines, None)
        self.checkout.pay_cash(sale_id, self.store.sales.get(sale_id).total)

    @initialize(lines=LINES, sweets=st.integers(1, 3))
    def wallet_sale_first(self, lines: tuple[LineItem, ...], sweets: int) -> None:
        """A sale with sweets paid from a DOKU wallet by QR (the status check finds it paid):
        items a wallet return can take back from the first step."""
        if all(line.sku != SWEETS[0] for line in lines):
            lines = (*lines, _line(len(PRODUCTS) - 1, sweets, None))
        self._paid_by_qr(lines)


TestWalletMoneyInvariant = WalletMoneyMachine.TestCase
TestWalletMoneyInvariant.settings = settings(
    max_examples=100,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


class DokuMoneyMachine(MoneyMachine):
    """The same machine with DOKU as the till's provider, drawing refunds from DOKU's back
    office far more often: in full or in part, each reported REFUNDED (taken as all of it)
    until the manager enters what DOKU's back office shows, and returns recorded as refunded
    outside Kasir, which a DOKU sale takes."""

    provider_name = ProviderName.DOKU
    weights = (
        ("provider_refunds", 12),
        ("manager_enters_refunded_amount", 14),
        ("customer_returns", 10),
    )

    @initialize(lines=LINES)
    def doku_sale_first(self, lines: tuple[LineItem, ...]) -> None:
        """A sale paid by QR: a payment DOKU can refund from the first step."""
        self._paid_by_qr(lines)


TestDokuMoneyInvariant = DokuMoneyMachine.TestCase
TestDokuMoneyInvariant.settings = settings(
    max_examples=40,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@settings(max_examples=1, database=None, deadline=None)
@given(st.just(None))
def test_a_wallet_return_paid_after_failing_is_listed_until_resolved(_: None) -> None:
    """The rarest wallet return's story, step by step, the invariants checked after each: its
    payout's answer lost, ecommpay still does not know it an hour later (failed: listed
    ``return_not_paid``, its item returnable again), the return made again in cash and the
    problem resolved, then the payout reaches ecommpay after all and is paid: the sale paid back
    more than it took, which ``paid_after_failing`` says until the manager resolves that too,
    but the item came back once, with the return that made the first again."""
    machine = WalletMoneyMachine()

    try:
        machine.wallet_sale_first((_line(0, 1, None),), 1)
        _invariants_hold(machine)
        machine.customer_returns_to_wallet(
            {
                "index": 0,
                "qr": True,
                "items": [1, 0, 0],
                "fits": True,
                "declined": False,
                "lost": True,
                "deliver": True,
            }
        )
        [payout] = machine.wallet.values()
        _invariants_hold(machine)
        machine.manager_checks_payout({"index": 0, "later": True})
        assert machine.store.refunds.get(payout.payout_id).status.value == "failed"
        _invariants_hold(machine)
        assert [p[0] for p in machine._refund_problems()] == [ProblemKind.RETURN_NOT_PAID]
        machine.manager_resolves_payout({"index": 0, "again": "linked"})
        _invariants_hold(machine)
        assert machine._refund_problems() == []
        machine.lost_payout_arrives({"index": 0, "deliver": True})
        _invariants_hold(machine)
        assert payout.paid_after_failing and payout.status == "paid", payout
        assert [p[0] for p in machine._refund_problems()] == [ProblemKind.PAID_AFTER_FAILING]
        [line, _sweets] = machine.store.returns.returnable(payout.sale_id).lines
        assert (line.sold, line.returned, line.left) == (1, 1, 0), line
        db = machine.store.repositories().db
        today = open_business_date(db, machine.store.day, machine.now)
        report = build_z_report(db, today, day=machine.store.day, now=machine.now)
        counted = (report.returns_count, report.returns_total, report.refunds_count)
        assert counted == (2, 2 * line.paid, 0), f"the wallet return counted as {counted}"
        machine.manager_resolves_payout({"index": 0, "again": False})
        _invariants_hold(machine)
        assert machine._refund_problems() == []
    finally:
        machine.teardown()


DELIVER = {"choice": "deliver", "count": 4, "order": "in order", "duplicate": False, "index": 0}
"""The relay hands over what it holds (up to four events), in order."""


@settings(max_examples=1, database=None, deadline=None)
@given(st.just(None))
def test_a_doku_refund_in_part_is_counted_once(_: None) -> None:
    """DOKU's refund in part, step by step, the invariants checked after each: DOKU refunds Rp
    3.500 of a sale's Rp 7.000 and says REFUNDED, naming no amount (taken as all of it, listed
    for Rp 7.000); the manager enters Rp 5.600 by mistake, then Rp 3.500 on the row as listed
    since (not on the one seen before). The payment is paid again, Rp 3.500 refunded at the
    provider and Rp 3.500 still takings; DOKU's REFUNDED again, and its status answer, change
    nothing; a return of one packet recorded as refunded outside Kasir settles the refund, and
    the sale has the rest left to refund. DOKU then refunds the rest, with a REFUNDED of its
    own: the payment is refunded in full, listed again, and the sale has nothing left."""
    machine = DokuMoneyMachine()

    def step(action: str, **act: Any) -> None:
        getattr(machine, action)(act)
        _invariants_hold(machine)

    try:
        machine.doku_sale_first((_line(0, 2, None),))
        _invariants_hold(machine)
        [invoice] = machine.provider.charged
        step("provider_refunds", index=0, notify=True, check=False, share=5, says=False)
        step("relay_acts", **DELIVER)
        [listed] = machine._refunded_by_doku()
        assert listed.amount == 7000, listed
        step("manager_enters_refunded_amount", index=0, how="wrong first", wrong=8)
        assert machine.figure_stories == {"a figure corrected", "refunded in part"}
        attempt = machine.store.payments.get_attempt(invoice)
        assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, 3500), attempt
        [listed] = machine._refunded_by_doku()
        assert listed.amount == 3500, listed
        assert machine.store.refunds.refundable(attempt.sale_id) == 3500
        step("relay_acts", **{**DELIVER, "choice": "retry"})
        step("relay_acts", **DELIVER)
        step("till_checks_status", index=0, lost=False)
        attempt = machine.store.payments.get_attempt(invoice)
        assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, 3500), attempt
        step("customer_returns", index=0, method="outside", items=[1, 0, 0], refunded_there=True)
        assert "returned outside Kasir after a figure" in machine.figure_stories
        assert machine._refunded_by_doku() == []
        assert machine.store.refunds.refundable(attempt.sale_id) == 3500
        step("provider_refunds", index=0, notify=True, check=False, share=0, says=True)
        step("relay_acts", **DELIVER)
        assert machine.store.payments.get_attempt(invoice).state is AttemptState.REFUNDED
        [listed] = machine._refunded_by_doku()
        assert listed.amount == 7000, listed
        assert machine.store.refunds.refundable(attempt.sale_id) == 0
    finally:
        machine.teardown()


@settings(max_examples=1, database=None, deadline=None)
@given(st.just(None))
def test_a_contradicted_payout_taken_as_reversed_is_owed_once(_: None) -> None:
    """A payout's contradiction, step by step, the invariants checked after each: Rp 3.500 of
    a Rp 7.000 cash sale paid to the wallet; ecommpay reverses it but its reversal's callback
    is lost, and reports it declined instead: listed as contradicted, the customer not owed it
    (Rp 3.500 left to refund). The manager, the money back in ecommpay's balance, takes it as
    reversed: listed as reversed, Rp 7.000 left to refund. The lost reversal arrives after all
    and brings nothing back twice."""
    machine = WalletMoneyMachine()

    def step(action: str, **act: Any) -> None:
        getattr(machine, action)(act)
        _invariants_hold(machine)

    try:
        machine.cash_sale_first((_line(0, 2, None),))
        _invariants_hold(machine)
        refund = {"amount": "part", "share": 5, "declined": 400, "lost": False, "again": False}
        step("manager_refunds_to_wallet", index=0, deliver=True, **refund)
        [payout] = machine.wallet.values()
        assert (payout.status, payout.amount) == ("paid", 3500), payout
        refunds = machine.store.refunds
        step("ecommpay_contradicts_payout", index=0, back=True, declined=True, deliver=True)
        assert [p[0] for p in machine._refund_problems()] == [ProblemKind.PAYOUT_CONTRADICTED]
        assert refunds.refundable(payout.sale_id) == 3500
        step("manager_takes_payout_as_reversed", index=0, meanwhile=False)
        assert [p[0] for p in machine._refund_problems()] == [ProblemKind.PAYOUT_REVERSED]
        assert refunds.refundable(payout.sale_id) == 7000
        step("ecommpay_reverses_in_part", index=0, kind="late", share=0, failed=False, deliver=True)
        assert "an older reversal arriving late" in machine.reversal_stories
        assert refunds.refundable(payout.sale_id) == 7000
        assert refunds.get(payout.payout_id).status.value == "paid"
    finally:
        machine.teardown()


@pytest.mark.parametrize("refund", ["paid", "pending"])
@pytest.mark.parametrize("ending", ["cash", "abandon"])
def test_a_refunded_late_payment_leaves_its_sale_able_to_end(
    tmp_path: Path, request: pytest.FixtureRequest, ending: str, refund: str
) -> None:
    """The minimal reproduction: QR started, cancelled, paid anyway (late), refunded in full
    by the manager (paid out, or the payout still under way); the customer, with the money
    back, pays cash or walks away."""
    provider = ScriptedProvider()
    store = TerminalStore(tmp_path / "kasir.db")
    request.addfinalizer(store.close)
    checkout = Checkout(store, provider, terminal_id=TERMINAL, clock=lambda: START)
    sale_id = checkout.open_sale(
        (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 1),), cashier=CASHIER
    )
    invoice = checkout.start_qr_payment(sale_id).invoice_number
    checkout.cancel_payment(invoice)
    provider.charged[invoice] = Charge(3500)
    assert checkout.check_status(invoice).late
    store.refunds.create(
        sale_id,
        "RFD-T1-0001",
        3500,
        provider=ProviderName.ECOMMPAY_GATE.value,
        account_number="081234567890",
        customer_name="Pelanggan",
        approved_by=MANAGER,
        now=START,
        invoice_number=invoice,
    )
    if refund == "paid":
        store.refunds.settle("RFD-T1-0001", "paid", now=START)
    assert store.payments.paying_attempt(sale_id) is None
    if ending == "cash":
        assert checkout.pay_cash(sale_id, 3500).status == "completed"
    else:
        assert checkout.abandon_sale(sale_id).status == "cancelled"


def _invariants_hold(machine: MoneyMachine) -> None:
    for check in (
        machine.money_is_in_exactly_one_place,
        machine.returns_give_back_no_more_than_was_paid,
        machine.returns_hold_as_their_payouts_say,
        machine.closed_days_hold,
        machine.wallet_refunds_are_accounted_for,
        machine.relay_position_is_saved,
    ):
        check()


@pytest.mark.parametrize(
    "story", ["F11 on recall", "cash refused, then F11", "recalled into another basket", "on time"]
)
@settings(max_examples=1, database=None, deadline=None)
@given(st.just(None))
def test_a_payment_for_a_held_basket_is_counted_once(story: str, _: None) -> None:
    """The held basket's stories the state machine reaches least often, step by step, the
    invariants checked after each: its QR given up on, the basket held, the customer pays that
    QR meanwhile (late), the relay hands it over; recalled, the basket finds its sale and that
    payment (completed with it at once, or after cash is refused), or, recalled into another
    basket, its sale cannot be cancelled and the payment stays late while the new basket is paid
    in cash. Or its QR still open when held, the payment completes the held sale, and the recall
    brings nothing back."""
    machine = MoneyMachine()

    def step(action: str, **act: Any) -> None:
        getattr(machine, action)(act)
        _invariants_hold(machine)

    try:
        machine.first_sale((_line(0, 2, None),), None)
        _invariants_hold(machine)
        [invoice] = machine.provider.orders
        if story != "on time":
            step("till_gives_up", how="cancel QR", index=0)
        step("till_holds_basket", index=0, fresh=False, lines=(), discount=None)
        assert not machine.has_open_sale(), "the held basket's sale is still on the till"
        pays = {"pays": True, "paid": Paid.EXACT, "notify": True, "says": 1, "deliver": True}
        step("customer_pays_held_basket", index=0, **pays)
        [sale] = machine.ledger.sales.values()
        if story == "on time":
            assert (sale.status, sale.invoice_number) == ("completed", invoice), sale
            step("till_recalls_basket", index=0, merged=False, take_it=False)
            assert machine.held_stories == {
                "held with its QR",
                "paid while held",
                "completed while held",
            }
            return
        assert sale.status == "open" and machine._paid_in_full(sale.id) == invoice, sale
        merged = story == "recalled into another basket"
        step("till_recalls_basket", index=0, merged=merged, take_it=story == "F11 on recall")
        assert machine.store.held.count() == 0 and not machine.held
        if story == "cash refused, then F11":
            step("till_charges_cash", index=0, extra=0, take_it=True)
            assert machine.cash_against_paid == 1
        sales = machine.ledger.sales
        if merged:
            assert list(sales) == [sale.id, sale.id + 1] and sales[sale.id].status == "open"
            step("till_charges_cash", index=0, extra=0, take_it=False)
            assert machine.ledger.sales[sale.id + 1].tender == "cash"
            assert machine.ledger.attempts[invoice].late, "the merged basket's payment is not late"
            return
        assert list(sales) == [sale.id], f"the recalled basket was rung up again: {sales}"
        assert (sales[sale.id].tender, sales[sale.id].invoice_number) == ("qr", invoice)
        assert not machine.ledger.attempts[invoice].late
    finally:
        machine.teardown()
