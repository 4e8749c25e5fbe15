"""Manager actions on the Problem payments tab that put the money right, on a demo terminal
with its real sandbox and relay: the amount DOKU really refunded of a payment it reported
REFUNDED (which names no amount), a return recorded as refunded outside Kasir that DOKU never
refunded, resolved with why, and a contradicted payout taken as reversed once ecommpay's
dashboard shows its money back."""

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from pos_app.clients.relay_client import RelayClient
from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import RefundStatus, SaleStatus
from pos_app.domain.returns import ReturnMethod
from pos_app.gui.back_office.problems_tab import ProblemsTab
from pos_app.payments.model import AttemptState, PayoutOutcome, PayoutReport
from pos_app.store.problem_payments import RETURNED_RESOLVED, ProblemKind
from pos_app.till.problem_payments import REFUNDED_AMOUNT, TAKEN_AS_REVERSED
from pos_app.till.refund_payouts import settle_from_report
from pos_app.till.returns import ReturnDesk
from pos_app.till.terminal import Terminal
from tests.gui.back_office_helpers import show_tab, signed_in
from tests.gui.e2e import WAIT_MS, dead_port, sandbox
from tests.gui.helpers import answer_confirmation, wait_for_modal

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000
PACKET = 3_500


def shown_amount(tab: ProblemsTab, invoice: str) -> str:
    return tab.problems.data(tab.problems.index(tab.row_of(invoice), 4))


def paid_at_doku(qtbot, terminal: Terminal) -> tuple[int, str]:
    """A QR sale paid at DOKU: its sale and invoice, once it completed."""
    checkout, store = terminal.checkout, terminal.store
    sale_id = checkout.open_sale(LINES, cashier="Demo Kasir")
    invoice = checkout.start_qr_payment(sale_id).invoice_number
    sandbox(terminal, "pay", invoice)
    qtbot.waitUntil(
        lambda: store.sales.get(sale_id).status is SaleStatus.COMPLETED, timeout=WAIT_MS
    )
    return sale_id, invoice


def paid_then_refunded_at_doku(qtbot, terminal: Terminal, refunded: int) -> tuple[int, str]:
    """A QR sale paid at DOKU, then ``refunded`` of it refunded from DOKU's back office, which
    reports only REFUNDED: its sale and invoice, once the till heard of it."""
    store = terminal.store
    sale_id, invoice = paid_at_doku(qtbot, terminal)
    assert terminal.embedded is not None
    httpx.post(
        f"{terminal.embedded.sandbox.url}/_sandbox/refund/{invoice}",
        params={"amount": refunded},
        timeout=5,
    ).raise_for_status()
    qtbot.waitUntil(
        lambda: store.payments.get_attempt(invoice).state is AttemptState.REFUNDED,
        timeout=WAIT_MS,
    )
    return sale_id, invoice


def enter_amount(qtbot, tab: ProblemsTab, text: str) -> None:
    qtbot.mouseClick(tab.refunded_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_modal(qtbot, QInputDialog)
    dialog.setTextValue(text)
    dialog.accept()


def test_the_manager_enters_the_amount_doku_refunded(qtbot, start_app) -> None:
    app = start_app()
    sale_id, invoice = paid_then_refunded_at_doku(qtbot, app.terminal, PACKET)
    checkout = app.terminal.checkout
    waiting = checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Demo Kasir"))
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    assert set(tab.shown) == {
        (ProblemKind.REFUNDED, invoice),
        (ProblemKind.OPEN, waiting.invoice_number),
    }
    tab.select(waiting.invoice_number)
    assert not tab.refunded_button.isEnabled(), "a DOKU payment DOKU did not refund"
    tab.select(invoice)
    qtbot.keyClicks(tab.reason, "checked DOKU's back office")
    assert tab.refunded_button.isEnabled()
    assert not tab.reversed_button.isEnabled(), "no payout to take as reversed"
    assert shown_amount(tab, invoice) == "Rp 14.000"

    enter_amount(qtbot, tab, "Rp 20.000")
    qtbot.waitUntil(
        lambda: tab.status.text() == "DOKU refunded at most the Rp 14.000 paid, not Rp 20.000",
        timeout=WAIT_MS,
    )
    tab.select(invoice)
    enter_amount(qtbot, tab, "3.500")

    qtbot.waitUntil(
        lambda: tab.status.text() == f"{invoice}: Rp 3.500 refunded at DOKU is recorded.",
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: shown_amount(tab, invoice) == "Rp 3.500", timeout=WAIT_MS)
    attempt = app.terminal.store.payments.get_attempt(invoice)
    assert (attempt.state, attempt.provider_refunded) == (AttemptState.PAID, PACKET)
    assert window.office.refundable(sale_id) == TOTAL - PACKET
    [entry] = [e for e in app.terminal.store.audit.recent() if e.action == REFUNDED_AMOUNT]
    assert (entry.actor, entry.detail["refunded"]) == ("Demo Manajer", PACKET)


def test_a_return_outside_beyond_the_refund_shows_its_advice_and_is_resolved(
    qtbot, start_app
) -> None:
    """A packet recorded as refunded in DOKU's back office, which never refunded it: Check
    status now asks DOKU (still paid), and the manager resolves it with why."""
    app = start_app()
    sale_id, invoice = paid_at_doku(qtbot, app.terminal)
    ReturnDesk(app.terminal, "Demo Kasir").make_return(
        sale_id, {1: 1}, method=ReturnMethod.OUTSIDE, manager="Demo Manajer", pin="9999"
    )
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    assert list(tab.shown) == [(ProblemKind.RETURNED_NOT_REFUNDED, invoice)]
    tab.select(invoice)
    assert shown_amount(tab, invoice) == "Rp 3.500"
    assert tab.advice.text().startswith(
        "Returned beyond the refund: returns recorded as refunded outside Kasir add up to more "
        "than the provider reports refunded"
    )
    assert tab.check_button.isEnabled()
    assert not tab.refunded_button.isEnabled(), "DOKU reported no refund: there is no figure"

    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status.text() == f"{invoice} is paid now.", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=WAIT_MS)
    assert list(tab.shown) == [(ProblemKind.RETURNED_NOT_REFUNDED, invoice)]
    tab.select(invoice)
    qtbot.keyClicks(tab.reason, "gave the packet back as a gift")
    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: tab.status.text() == f"{invoice} is marked resolved.", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.shown == {}, timeout=WAIT_MS)
    [entry] = [e for e in app.terminal.store.audit.recent() if e.action == RETURNED_RESOLVED]
    assert (entry.actor, entry.detail["amount"], entry.detail["reason"]) == (
        "Demo Manajer",
        PACKET,
        "gave the packet back as a gift",
    )


def refunded_then_contradicted(
    terminal: Terminal, amount: int = TOTAL, *, left: int | None = None
) -> tuple[int, str]:
    """A cash sale refunded by a payout of ``amount`` ecommpay paid (``left``: then reversed in
    part, that much still paid out), then declined in a report kept as contradicting it (the
    reversal's own report lost): its sale and payout id."""
    payouts = terminal.payouts
    assert payouts is not None
    sale_id = terminal.checkout.open_sale(LINES, cashier="Demo Kasir")
    terminal.checkout.pay_cash(sale_id, TOTAL)
    payout_id = payouts.send(
        sale_id, amount, account_number="081234567890", customer_name="Ani",
        approved_by="Demo Manajer",
    ).payout_id  # fmt: skip
    assert payouts.check(payout_id).status is RefundStatus.PAID
    if left is not None:
        part = {"payment": {"id": payout_id, "type": "payout", "status": "partially reversed"}}
        payouts.refunds().record_reversal(payout_id, report=part, now=payouts.clock(), left=left)
    decline = {"payment": {"id": payout_id, "type": "payout", "status": "decline"}}
    report = PayoutReport(payout_id, PayoutOutcome.DECLINED, reason="Declined", raw=decline)
    settle_from_report(payouts.refunds(), report, now=payouts.clock())
    return sale_id, payout_id


def test_the_manager_takes_a_contradicted_payout_as_reversed(qtbot, start_app) -> None:
    """The sale was refunded in full, so refunding it again is refused: taken as reversed, its
    money is the customer's to refund again."""
    dead = RelayClient(f"http://127.0.0.1:{dead_port()}", "no-relay-here")
    app = start_app(relay=dead)
    sale_id, payout_id = refunded_then_contradicted(app.terminal)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    assert list(tab.shown) == [(ProblemKind.PAYOUT_CONTRADICTED, payout_id)]
    assert window.office.refundable(sale_id) == 0
    tab.select(payout_id)
    assert not tab.reversed_button.isEnabled(), "a reason is required"
    assert not tab.refunded_button.isEnabled(), "no DOKU payment"
    qtbot.keyClicks(tab.reason, "ecommpay's dashboard shows it back in the balance")
    assert tab.reversed_button.isEnabled()

    qtbot.mouseClick(tab.reversed_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)

    qtbot.waitUntil(
        lambda: list(tab.shown) == [(ProblemKind.PAYOUT_REVERSED, payout_id)], timeout=WAIT_MS
    )
    assert tab.status.text() == (
        f"Payout {payout_id} is taken as reversed: the customer is owed Rp 14.000 again; it is "
        "listed as reversed."
    )
    assert tab.reason.text() == ""
    assert window.office.refundable(sale_id) == TOTAL
    [entry] = [e for e in app.terminal.store.audit.recent() if e.action == TAKEN_AS_REVERSED]
    assert (entry.actor, entry.detail["reason"]) == (
        "Demo Manajer",
        "ecommpay's dashboard shows it back in the balance",
    )
    dead.close()


def test_a_payout_reversed_in_part_is_taken_as_reversed_for_what_is_still_paid_out(
    qtbot, start_app
) -> None:
    """Rp 6.000 of the Rp 10.000 payout came back before and is owed to Ani already: taking it
    as reversed counts back the Rp 4.000 still paid out, and the manager is told that, not the
    whole payout."""
    dead = RelayClient(f"http://127.0.0.1:{dead_port()}", "no-relay-here")
    app = start_app(relay=dead)
    sale_id, payout_id = refunded_then_contradicted(app.terminal, 10_000, left=4_000)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    assert window.office.refundable(sale_id) == TOTAL - 4_000
    tab.select(payout_id, ProblemKind.PAYOUT_CONTRADICTED)
    qtbot.keyClicks(tab.reason, "ecommpay's dashboard shows the rest back in the balance")

    qtbot.mouseClick(tab.reversed_button, Qt.MouseButton.LeftButton)
    box = wait_for_modal(qtbot, QMessageBox)
    assert box.text() == (
        f"Does ecommpay's dashboard show all of payout {payout_id} (Rp 10.000) back in the "
        "shop's balance? Rp 6.000 of it came back earlier and is counted already; Kasir counts "
        "the rest, Rp 4.000, back today, and the customer is owed that again."
    )
    answer_confirmation(qtbot, yes=True)

    qtbot.waitUntil(
        lambda: list(tab.shown) == [(ProblemKind.PAYOUT_REVERSED, payout_id)], timeout=WAIT_MS
    )
    assert tab.status.text() == (
        f"Payout {payout_id} is taken as reversed: the customer is owed Rp 4.000 again; it is "
        "listed as reversed."
    )
    assert window.office.refundable(sale_id) == TOTAL
    [entry] = [e for e in app.terminal.store.audit.recent() if e.action == TAKEN_AS_REVERSED]
    assert entry.detail["amount"] == 4_000
    dead.close()
