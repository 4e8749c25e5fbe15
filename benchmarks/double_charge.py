"""The customer pays while the cashier takes cash: races against the real sandbox, relay and
store (issue 10), counted by where the money ended.

Why: cash taken while the QR payment lands could charge twice. docs/architecture.md (Money rules)
says it cannot, or if the QR money comes after the cash, that money is flagged (a late payment
in the problem list); it is never lost and never counted silently. This script runs the race
many times, the way a demo till runs: the embedded sandbox and relay on loopback, the real
SQLite store, and the relay client's long-poll thread applying events to the checkout.

Each trial opens a sale and starts its QR payment; then, at the same moment, one thread has the
sandbox pay the invoice (its control route, as the customer's Pay button does) while the cashier
takes cash after a random delay, drawn from a window measured first (how long a payment takes to
reach the till), so that either may come first. Then it waits, bounded, for the relay to hand the
payment to the till. When SalePaidAlready refuses the cash, the cashier presses the one key that
completes the sale with that payment. At the end every invoice the sandbox says was paid is
looked for in the store: in a QR sale's takings or in the problem list, exactly once.

Usage: ``python benchmarks/double_charge.py [TRIALS]`` (default 1,000).
"""

import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx

from pos_app.domain.basket import Basket
from pos_app.settings.terminal_config import Settings
from pos_app.store.errors import SalePaidAlready, StoreError
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.till.terminal import Terminal, open_terminal

TRIALS = 1000
WARM_UP = 15
WAIT = 10.0
"""Seconds to wait for one payment to reach the till, or for a thread to finish."""
LONG_POLL = 2.0

QR_TAKINGS = "completed by QR; cash refused"
QR_BY_KEY = "completed by QR after SalePaidAlready (the one key)"
CASH_FLAGGED = "completed by cash; QR payment flagged late"
CASH_UNPAID = "completed by cash; QR never paid"
UNFLAGGED = "UNFLAGGED double charge"
OTHER = "other (see below)"
OUTCOMES = (QR_TAKINGS, QR_BY_KEY, CASH_FLAGGED, CASH_UNPAID, UNFLAGGED, OTHER)


@dataclass
class Trial:
    sale_id: int
    invoice: str
    cash: str = ""
    """What the cash tender did: ``taken``, or the refusal's type."""
    key_pressed: bool = False
    pay_status: int = 0
    delivered: bool = False
    cash_delay_ms: float = 0.0


class Arrivals:
    """Wakes the waiting cashier whenever the checkout announces an attempt (the long-poll
    thread applied an event), so waits are on a condition, never a sleep."""

    def __init__(self, terminal: Terminal) -> None:
        self._terminal = terminal
        self._changed = threading.Condition()
        self.arrived_at: dict[str, float] = {}
        terminal.checkout.subscribe(self._announced)

    def _announced(self, attempt: PaymentAttempt) -> None:
        with self._changed:
            if self._relayed_paid(attempt.invoice_number):
                self.arrived_at.setdefault(attempt.invoice_number, time.perf_counter())
            self._changed.notify_all()

    def _relayed_paid(self, invoice: str) -> bool:
        row = (
            self._terminal.store.repositories()
            .db.execute(
                "SELECT 1 FROM payment_events e JOIN payment_attempts a ON a.id = e.attempt_id "
                "WHERE a.invoice_number = ? AND e.source = 'relay' AND e.status = 'paid' LIMIT 1",
                [invoice],
            )
            .fetchone()
        )
        return row is not None

    def wait(self, invoice: str, timeout: float = WAIT) -> bool:
        """Until the relay's paid event for ``invoice`` is applied; False after ``timeout``."""
        with self._changed:
            return self._changed.wait_for(lambda: self._relayed_paid(invoice), timeout)


def lines(terminal: Terminal) -> list:
    basket = Basket()
    for code, quantity in (("MIE-001", 3), ("MIN-001", 1)):
        product = terminal.store.products.find_by_code(code)
        assert product is not None, f"the demo catalogue has no {code}"
        basket.add(product, quantity)
    return basket.lines


def customer_pays(sandbox: httpx.Client, invoice: str, start: threading.Barrier, trial: Trial):
    start.wait(WAIT)
    trial.pay_status = sandbox.post(f"/_sandbox/pay/{invoice}").status_code


def run_trial(
    terminal: Terminal, sandbox: httpx.Client, arrivals: Arrivals, window: float
) -> Trial:
    checkout = terminal.checkout
    sale_id = checkout.open_sale(lines(terminal), cashier="Demo Kasir")
    attempt = checkout.start_qr_payment(sale_id)
    trial = Trial(sale_id, attempt.invoice_number, cash_delay_ms=random.uniform(0, window) * 1000)
    start = threading.Barrier(2)
    customer = threading.Thread(
        target=customer_pays, args=(sandbox, attempt.invoice_number, start, trial), daemon=True
    )
    customer.start()
    start.wait(WAIT)
    time.sleep(trial.cash_delay_ms / 1000)  # the race: a deliberate delay, not a wait
    total = terminal.store.sales.get(sale_id).total
    try:
        checkout.pay_cash(sale_id, total)
        trial.cash = "taken"
    except SalePaidAlready as refusal:
        trial.cash = type(refusal).__name__
        checkout.complete_with_paid(sale_id, refusal.invoice_number, cashier="Demo Kasir")
        trial.key_pressed = True
    except StoreError as refusal:
        trial.cash = (
            f"{type(refusal).__name__} ({re.sub(r'[A-Z]*-?[0-9][^ ;:]*', '…', str(refusal))})"
        )
    customer.join(WAIT)
    trial.delivered = arrivals.wait(attempt.invoice_number)
    return trial


def measure_window(terminal: Terminal, sandbox: httpx.Client, arrivals: Arrivals) -> float:
    """Seconds from the sandbox's Pay to the payment applied at the till (median of a few
    uncontested payments): the cash delay is drawn from this window, so that the cash comes
    before the payment in some trials and after it in others."""
    taken = []
    for _ in range(WARM_UP):
        sale_id = terminal.checkout.open_sale(lines(terminal), cashier="Demo Kasir")
        invoice = terminal.checkout.start_qr_payment(sale_id).invoice_number
        began = time.perf_counter()
        sandbox.post(f"/_sandbox/pay/{invoice}").raise_for_status()
        if not arrivals.wait(invoice):
            raise RuntimeError(f"warm-up payment {invoice} did not reach the till in {WAIT} s")
        taken.append(arrivals.arrived_at.get(invoice, time.perf_counter()) - began)
    taken.sort()
    return taken[len(taken) // 2]


def classify(terminal: Terminal, sandbox: httpx.Client, trials: list[Trial]) -> Counter[str]:
    """Where each trial's money is, from the sandbox's record of what it charged."""
    paid_at_provider = {
        order["id"]
        for order in sandbox.get("/_sandbox/orders").json()["orders"]
        if order["state"] == "paid"
    }
    db = terminal.store.repositories().db
    flagged = {
        problem.invoice_number
        for problem in list_problems(db)
        if problem.kind in (ProblemKind.LATE, ProblemKind.DIFFERS)
    }
    counts: Counter[str] = Counter()
    for trial in trials:
        sale = terminal.store.sales.get(trial.sale_id)
        attempt = terminal.store.payments.get_attempt(trial.invoice)
        paid = trial.invoice in paid_at_provider
        in_takings = sale.status == "completed" and sale.invoice_number == trial.invoice
        in_problems = trial.invoice in flagged
        places = int(in_takings) + int(in_problems)
        if (paid and places != 1) or (
            sale.tender == "cash" and attempt.state == "paid" and not attempt.late
        ):
            outcome = UNFLAGGED
        elif in_takings and sale.tender == "qr":
            outcome = QR_BY_KEY if trial.key_pressed else QR_TAKINGS
        elif sale.tender == "cash" and in_problems:
            outcome = CASH_FLAGGED
        elif sale.tender == "cash" and not paid:
            outcome = CASH_UNPAID
        else:
            outcome = OTHER
        if outcome in (UNFLAGGED, OTHER):
            print(f"  {outcome}: {trial}, sale {sale.status}/{sale.tender}, attempt {attempt}")
        counts[outcome] += 1
    return counts


def main() -> int:
    trials_wanted = int(sys.argv[1]) if len(sys.argv) > 1 else TRIALS
    with tempfile.TemporaryDirectory() as tmp:
        terminal = open_terminal(Settings(), Path(tmp) / "race.db", demo=True)
        stop = threading.Event()
        assert terminal.relay is not None and terminal.embedded is not None
        poller = threading.Thread(
            target=terminal.relay.run,
            args=(terminal.checkout, stop),
            kwargs={"wait": LONG_POLL},
            name="relay-long-poll",
            daemon=True,
        )
        poller.start()
        sandbox = httpx.Client(base_url=terminal.embedded.sandbox.url, timeout=WAIT)
        try:
            arrivals = Arrivals(terminal)
            window = measure_window(terminal, sandbox, arrivals)
            began = time.perf_counter()
            trials = [run_trial(terminal, sandbox, arrivals, window) for _ in range(trials_wanted)]
            elapsed = time.perf_counter() - began
            counts = classify(terminal, sandbox, trials)
        finally:
            stop.set()
            sandbox.close()
            terminal.close()  # stops the embedded relay first: the open long-poll is answered
            poller.join(WAIT)
    refusals = Counter(trial.cash for trial in trials if trial.cash != "taken")
    print(
        f"{len(trials)} trials in {elapsed:.1f} s ({len(trials) / elapsed:.1f} trials/s); "
        f"cash delay drawn from 0-{window * 1000:.1f} ms (the median Pay → till time)"
    )
    width = max(len(outcome) for outcome in OUTCOMES)
    for outcome in OUTCOMES:
        print(f"  {outcome:<{width}}  {counts[outcome]:5d}")
    print("cash refusals:")
    for refusal, count in refusals.most_common():
        print(f"  {count:5d}  {refusal}")
    late_arrivals = sum(not trial.delivered for trial in trials)
    print(f"payments not delivered within {WAIT:g} s: {late_arrivals}")
    print(f"unflagged double charges: {counts[UNFLAGGED]}")
    return 1 if counts[UNFLAGGED] or counts[OTHER] else 0


if __name__ == "__main__":
    sys.exit(main())
