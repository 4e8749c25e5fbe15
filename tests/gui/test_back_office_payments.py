"""Problem payments and refunds to a wallet, on a demo terminal with its real sandbox and relay:
the payout's result comes back in ecommpay's callback, through the relay's long-poll. A late
payment attached to a sale completes it and counts in the CSV files and the Z report of today."""

import csv
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from pos_app.clients.relay_client import RelayClient
from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import RefundStatus, SaleStatus
from pos_app.gui.app import TerminalApp
from pos_app.gui.back_office.attach_dialog import AttachDialog
from pos_app.gui.back_office.problems_tab import ProblemsTab
from pos_app.gui.back_office.refund_dialog import RefundDialog
from pos_app.payments.model import (
    AttemptState,
    PaymentRequest,
    PaymentStatus,
    PayoutOutcome,
    PayoutReport,
    ProviderName,
)
from pos_app.reports.sales_csv import ExportKind, export_sales
from pos_app.settings.terminal_config import EcommpaySettings
from pos_app.store.payment_records import RESOLUTION, EventSource
from pos_app.store.problem_payments import ProblemKind
from pos_app.store.sales import Tender
from pos_app.till.problem_payments import ATTACHED
from pos_app.till.refund_payouts import settle_from_report
from tests.gui.back_office_helpers import idle, show_tab, signed_in
from tests.gui.e2e import WAIT_MS, dead_port, own_sandbox, pay_other_amount, sandbox
from tests.gui.helpers import answer_confirmation

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def pending_qr(app: TerminalApp) -> tuple[int, str]:
    checkout = app.terminal.checkout
    sale_id = checkout.open_sale(LINES, cashier="Demo Kasir")
    return sale_id, checkout.start_qr_payment(sale_id).invoice_number


def late_payment(qtbot, app: TerminalApp) -> tuple[int, str]:
    """The cashier gave up on a QR payment; then the customer paid it anyway."""
    sale_id, invoice = pending_qr(app)
    app.terminal.checkout.abandon_sale(sale_id, "customer left")
    sandbox(app.terminal, "pay", invoice)
    payments = app.terminal.store.payments
    qtbot.waitUntil(lambda: payments.get_attempt(invoice).late, timeout=WAIT_MS)
    return sale_id, invoice


def test_check_status_and_mark_resolved(qtbot, start_app) -> None:
    app = start_app()
    _, invoice = pending_qr(app)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    assert invoice in tab.invoices()
    tab.select(invoice)

    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status.text() == f"{invoice} is pending now.", timeout=WAIT_MS)
    events = app.terminal.store.payments.get_attempt(invoice).events
    assert events[-1].source is EventSource.STATUS

    idle(qtbot, window)
    tab.select(invoice)
    qtbot.keyClicks(tab.reason, "customer paid cash at the other till")
    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: invoice not in tab.invoices(), timeout=WAIT_MS)

    attempt = app.terminal.store.payments.get_attempt(invoice)
    assert attempt.state is AttemptState.CANCELLED
    last = attempt.events[-1]
    assert last.source is EventSource.CASHIER
    assert last.payload == {
        RESOLUTION: "customer paid cash at the other till",
        "resolved_by": "Demo Manajer",
    }
    idle(qtbot, window)
    audit = {e.action: e for e in app.terminal.store.audit.recent()}
    assert audit["payment.resolve"].actor == "Demo Manajer"
    assert audit["payment.check_status"].detail == {"invoice_number": invoice, "state": "pending"}


def send(qtbot, dialog: RefundDialog, amount: int) -> RefundStatus:
    """Fill in the form, approve, and wait for ecommpay's callback to settle the payout."""
    before = dialog.refund
    qtbot.waitUntil(lambda: dialog.send_button.isEnabled(), timeout=WAIT_MS)
    dialog.wallet.setText("081234567890")
    dialog.customer.setText("Ani")
    dialog.amount.setText(str(amount))
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)

    def settled() -> None:
        refund = dialog.refund
        assert refund is not None and refund is not before
        assert refund.status is not RefundStatus.PENDING

    qtbot.waitUntil(settled, timeout=WAIT_MS)
    assert dialog.refund is not None
    return dialog.refund.status


def test_a_late_payment_is_refunded_after_two_declined_payouts(qtbot, start_app) -> None:
    app = start_app()
    sale_id, invoice = late_payment(qtbot, app)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    tab.select(invoice)
    qtbot.mouseClick(tab.refund_button, Qt.MouseButton.LeftButton)
    dialog = window.refund_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.left == TOTAL, timeout=WAIT_MS)

    assert send(qtbot, dialog, 400) is RefundStatus.DECLINED  # 40000 minor units
    assert "declined" in dialog.state.text()
    assert send(qtbot, dialog, 404) is RefundStatus.DECLINED  # 40400 minor units
    qtbot.waitUntil(lambda: dialog.left == TOTAL, timeout=WAIT_MS)
    assert send(qtbot, dialog, TOTAL) is RefundStatus.PAID
    assert dialog.state.text().startswith("Paid: Rp 14.000 sent to DOKU Wallet 081234567890.")

    refunds = app.terminal.payouts.refunds().for_sale(sale_id)  # type: ignore[union-attr]
    assert [(r.amount, r.status) for r in refunds] == [
        (400, RefundStatus.DECLINED),
        (404, RefundStatus.DECLINED),
        (TOTAL, RefundStatus.PAID),
    ]
    assert all(r.invoice_number == invoice and r.approved_by == "Demo Manajer" for r in refunds)
    assert refunds[-1].result["payment"]["type"] == "payout"  # the callback body, via the relay
    audit = [e for e in app.terminal.store.audit.recent() if e.action == "refund.approve"]
    assert len(audit) == 3 and audit[0].actor == "Demo Manajer"
    assert not [e for e in app.terminal.store.audit.recent() if e.action == "refund.check_status"]
    qtbot.waitUntil(lambda: dialog.left == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: invoice not in tab.invoices(), timeout=WAIT_MS)  # wholly paid back


def test_without_ecommpay_settings_the_refund_dialog_names_what_is_missing(
    qtbot, start_app
) -> None:
    app = start_app()
    sale_id = app.terminal.checkout.open_sale(LINES, cashier="Demo Kasir")
    app.terminal.checkout.pay_cash(sale_id, TOTAL)
    terminal = app.terminal
    payouts, settings = terminal.payouts, terminal.settings
    terminal.payouts, terminal.settings = None, replace(settings, ecommpay=EcommpaySettings())
    try:
        window = signed_in(qtbot, app)
        dialog = window.open_refund(sale_id)
        assert dialog.state.text() == (
            "Refunds to a wallet go out as ecommpay payouts and need the ecommpay settings: "
            "ecommpay.project_id, ecommpay.secret_key, ecommpay.customer_ip."
        )
        assert not dialog.send_button.isEnabled()
    finally:
        terminal.payouts, terminal.settings = payouts, settings


def open_attach(qtbot, tab: ProblemsTab, invoice: str) -> AttachDialog:
    """The Attach dialog of a listed late payment, once it lists its candidate sales."""
    tab.select(invoice)
    qtbot.mouseClick(tab.attach_button, Qt.MouseButton.LeftButton)
    dialog = tab.attach_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT_MS)
    return dialog


def test_a_late_payment_attached_to_its_own_sale_completes_it_in_csv_and_z_report(
    qtbot, start_app, tmp_path: Path
) -> None:
    app = start_app()
    checkout = app.terminal.checkout
    cash_sale = checkout.open_sale(LINES, cashier="Demo Kasir")
    checkout.pay_cash(cash_sale, TOTAL)  # paid: a double payment, never offered
    other_total = checkout.open_sale(
        (LineItem("TEH", "Teh Botol", 5_500, 1),), cashier="Demo Kasir"
    )
    sale_id, invoice = late_payment(qtbot, app)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)

    dialog = open_attach(qtbot, tab, invoice)

    assert list(dialog.candidates) == [sale_id]
    assert cash_sale not in dialog.candidates and other_total not in dialog.candidates
    assert dialog.sales.data(dialog.sales.index(0, 6)) == "the payment's own sale"
    assert dialog.chosen() is not None and dialog.chosen().id == sale_id  # type: ignore[union-attr]
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: invoice not in tab.invoices(), timeout=WAIT_MS)
    assert tab.status.text() == f"Sale {sale_id} is completed with payment {invoice} (Rp 14.000)."

    sale = app.terminal.store.sales.get(sale_id)
    assert (sale.status, sale.tender, sale.invoice_number) == (
        SaleStatus.COMPLETED,
        Tender.QR,
        invoice,
    )
    attempt = app.terminal.store.payments.get_attempt(invoice)
    assert not attempt.late
    assert attempt.events[-1].payload == {
        RESOLUTION: ATTACHED,
        "sale_id": sale_id,
        "resolved_by": "Demo Manajer",
    }
    idle(qtbot, window)
    [entry] = [e for e in app.terminal.store.audit.recent() if e.action == "payment.attach"]
    assert entry.actor == "Demo Manajer" and entry.detail["sale_id"] == sale_id
    assert window.office.refundable(sale_id) == TOTAL  # the sale's money, once

    office = window.office
    report, _ = office.z_report(sale.business_date)
    assert report.late_payments == ()
    assert report.tender_total(Tender.QR) == TOTAL and report.net_total == 2 * TOTAL
    sums = []
    for kind, column in ((ExportKind.LINES, "line_total"), (ExportKind.SALES, "total")):
        path = tmp_path / f"{kind}.csv"
        export_sales(office.store.repositories().db, path, first_day=sale.business_date, kind=kind)
        rows = read_rows(path)
        assert {row["invoice_number"] for row in rows if row["sale_id"] == str(sale_id)} == {
            invoice
        }
        sums.append(sum(int(row[column]) for row in rows))
    assert sums == [report.net_total, report.net_total]


def test_a_sale_paid_meanwhile_is_refused_with_the_advice_to_refund(qtbot, start_app) -> None:
    app = start_app()
    checkout = app.terminal.checkout
    _, invoice = late_payment(qtbot, app)
    again = checkout.open_sale(LINES, cashier="Demo Kasir")  # the same basket rung up again
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    dialog = open_attach(qtbot, tab, invoice)
    assert again in dialog.candidates
    dialog.select(again)

    checkout.pay_cash(again, TOTAL)  # at the till, while the manager looks
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)

    qtbot.waitUntil(lambda: dialog.attach_button.isEnabled(), timeout=WAIT_MS)
    assert dialog.state.text().startswith(f"The payment was not attached: sale {again} is ")
    assert dialog.state.text().endswith("refund the payment instead")
    assert app.terminal.store.payments.get_attempt(invoice).late
    assert app.terminal.store.sales.get(again).tender is Tender.CASH


def test_a_payment_of_another_amount_is_listed_refundable_not_attachable(
    qtbot, start_app, demo_terminal
) -> None:
    customer = own_sandbox(demo_terminal)
    # No relay: here the provider's status answer brings the amount paid (the relay's event
    # brings it in test_e2e_paid_once).
    dead = RelayClient(f"http://127.0.0.1:{dead_port()}", "no-relay-here")
    app = start_app(relay=dead)
    sale_id, invoice = pending_qr(app)
    pay_other_amount(demo_terminal, customer, invoice, 1_000)
    assert app.terminal.checkout.check_status(invoice).amount_differs
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)

    assert (ProblemKind.DIFFERS, invoice) in tab.shown
    tab.select(invoice)
    row = tab.row_of(invoice)
    assert [tab.problems.data(tab.problems.index(row, column)) for column in (0, 4, 5)] == [
        "amount differs",
        "Rp 1.000",
        "paid",
    ]
    assert tab.refund_button.isEnabled() and not tab.attach_button.isEnabled()
    assert tab.open_attach() is None
    qtbot.mouseClick(tab.refund_button, Qt.MouseButton.LeftButton)
    dialog = window.refund_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.left == 1_000, timeout=WAIT_MS)
    dialog.reject()

    tab.select(invoice)
    qtbot.keyClicks(tab.reason, "customer agreed: Rp 1.000 deposit")
    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: invoice not in tab.invoices(), timeout=WAIT_MS)
    assert app.terminal.store.sales.get(sale_id).status is SaleStatus.OPEN
    dead.close()


def test_a_refund_paid_after_failing_is_listed_until_the_manager_resolves_it(
    qtbot, start_app
) -> None:
    """A payout settled failed, the sale refunded again, then the first payout paid after all."""
    app = start_app()
    sale_id = cash_sale(app)
    settled_refund(app, sale_id, "RFD-1", TOTAL, RefundStatus.FAILED)
    settled_refund(app, sale_id, "RFD-2", TOTAL, RefundStatus.PAID)
    app.terminal.store.refunds.settle("RFD-1", RefundStatus.PAID, now=now(app))

    resolved_in_the_tab(
        qtbot, app, "refund paid after failing", TOTAL, "Rp 14.000", "refund.resolve"
    )


def test_a_payout_reversed_after_it_was_paid_is_listed_until_the_manager_resolves_it(
    qtbot, start_app
) -> None:
    app = start_app()
    settled_refund(app, cash_sale(app), "RFD-1", 5_000, RefundStatus.PAID)
    reversal = {"payment": {"status": "reversed"}}
    app.terminal.store.refunds.record_reversal("RFD-1", report=reversal, now=now(app))

    resolved_in_the_tab(qtbot, app, "payout reversed", 5_000, "Rp 5.000", "refund.resolve_reversal")


def test_a_refund_declined_after_its_dialog_closed_is_listed_until_the_manager_resolves_it(
    qtbot, start_app
) -> None:
    app = start_app()
    settled_refund(app, cash_sale(app), "RFD-1", 5_000, RefundStatus.DECLINED)

    resolved_in_the_tab(
        qtbot, app, "refund not paid", 5_000, "Rp 5.000", "refund.resolve_unpaid", "declined"
    )


def test_a_problem_that_changes_before_mark_resolved_is_shown_again_not_resolved(
    qtbot, start_app
) -> None:
    """The manager reads "refund paid after failing" and types a reason; meanwhile ecommpay's
    reversal of that payout arrives. The reason was not written for the reversal: nothing is
    resolved, the tab says so and shows the problem as it now is."""
    app = start_app()
    sale_id = cash_sale(app)
    settled_refund(app, sale_id, "RFD-1", TOTAL, RefundStatus.FAILED)
    settled_refund(app, sale_id, "RFD-2", TOTAL, RefundStatus.PAID)
    refunds = app.terminal.store.refunds
    refunds.settle("RFD-1", RefundStatus.PAID, now=now(app))
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    qtbot.waitUntil(lambda: "RFD-1" in tab.invoices(), timeout=WAIT_MS)
    tab.select("RFD-1")
    qtbot.keyClicks(tab.reason, "Ani paid Rp 14.000 back in cash")
    refunds.record_reversal("RFD-1", report={"payment": {"status": "reversed"}}, now=now(app))

    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: (ProblemKind.PAYOUT_REVERSED, "RFD-1") in tab.shown,
        timeout=WAIT_MS,
    )
    assert tab.status.text() == "RFD-1 is no longer listed as it was: refresh the list"
    assert not [e for e in app.terminal.store.audit.recent() if "resolve" in e.action]


def test_a_payout_reversed_further_before_mark_resolved_is_shown_again_not_resolved(
    qtbot, start_app
) -> None:
    """Guards a resolution written for less than is owed: the manager reads "payout reversed"
    (Rp 4.000 of 10.000 came back) and types how Ani got that part; meanwhile ecommpay reverses
    the rest. Still a reversal, it was resolved whole, and the Rp 6.000 Ani is still owed was
    listed nowhere."""
    app = start_app()
    refunds, moment = app.terminal.store.refunds, now(app)
    settled_refund(app, cash_sale(app), "RFD-1", 10_000, RefundStatus.PAID)
    part = {"payment": {"id": "RFD-1", "type": "payout", "status": "partially reversed"}}
    refunds.record_reversal("RFD-1", report=part, now=moment, left=6_000)
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    tab.select("RFD-1", ProblemKind.PAYOUT_REVERSED)
    qtbot.keyClicks(tab.reason, "Ani got her Rp 4.000 in cash")
    whole = {"payment": {"id": "RFD-1", "type": "payout", "status": "reversed"}}
    refunds.record_reversal("RFD-1", report=whole, now=moment + timedelta(minutes=1))

    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "no longer listed as it was" in tab.status.text(), timeout=WAIT_MS)
    idle(qtbot, window)
    assert (ProblemKind.PAYOUT_REVERSED, "RFD-1") in tab.shown
    assert not [e for e in app.terminal.store.audit.recent() if "resolve" in e.action]


def now(app: TerminalApp) -> datetime:
    """The terminal's time, as its payouts see it."""
    assert app.terminal.payouts is not None
    return app.terminal.payouts.clock()


def cash_sale(app: TerminalApp) -> int:
    sale_id = app.terminal.checkout.open_sale(LINES, cashier="Demo Kasir")
    app.terminal.checkout.pay_cash(sale_id, TOTAL)
    return sale_id


def settled_refund(
    app: TerminalApp, sale_id: int, payout_id: str, amount: int, settled: RefundStatus
) -> None:
    refunds, moment = app.terminal.store.refunds, now(app)
    refunds.create(
        sale_id,
        payout_id,
        amount,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Demo Manajer",
        now=moment,
    )
    refunds.settle(payout_id, settled, now=moment)


def resolved_in_the_tab(
    qtbot, app, kind: str, amount: int, shown: str, action: str, state: str = "paid"
) -> None:
    """RFD-1 of the cash sale, listed as ``kind`` with its amount, its payout ``state`` and none
    of the payment actions, until the manager resolves it with a reason (audited as
    ``action``)."""
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    qtbot.waitUntil(lambda: "RFD-1" in tab.invoices(), timeout=WAIT_MS)
    tab.select("RFD-1")
    row, chosen = tab.row_of("RFD-1"), tab.chosen()
    assert chosen is not None
    assert [tab.problems.data(tab.problems.index(row, column)) for column in range(6)] == [
        kind,
        "RFD-1",
        str(chosen.sale_id),
        "DOKU Wallet (ecommpay Gate)",
        shown,
        state,
    ]
    buttons = (tab.check_button, tab.refund_button, tab.attach_button)
    assert not any(button.isEnabled() for button in buttons)
    assert tab.advice.text().startswith(f"{kind[0].upper()}{kind[1:]}: "), "what it means"
    qtbot.keyClicks(tab.reason, "Ani has her money, in cash")
    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "RFD-1" not in tab.invoices(), timeout=WAIT_MS)
    assert tab.status.text() == "RFD-1 is marked resolved."
    [entry] = [e for e in app.terminal.store.audit.recent() if e.action == action]
    assert (entry.actor, entry.detail["amount"]) == ("Demo Manajer", amount)


def test_a_payout_listed_twice_is_resolved_on_the_row_the_manager_chose(qtbot, start_app) -> None:
    """Paid after failing, then reversed in part: two rows of one payout. The tab kept its rows
    by payout id, so the keys slid one row up and the next problem (an orphan) was resolved."""
    app = start_app()
    store, moment = app.terminal.store, now(app)
    settled_refund(app, cash_sale(app), "RFD-1", 10_000, RefundStatus.FAILED)
    paid = PayoutReport("RFD-1", PayoutOutcome.PAID, amount=10_000, currency="IDR")
    settle_from_report(store.refunds, paid, now=moment)
    reversal = {"payment": {"id": "RFD-1", "type": "payout", "status": "partially reversed"}}
    store.refunds.record_reversal("RFD-1", report=reversal, now=moment, left=6_000)
    store.payments.record_status(
        "KSR-ELSEWHERE-1", PaymentStatus.PAID, source=EventSource.RELAY, now=moment
    )
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    assert list(tab.shown) == [
        (ProblemKind.PAID_AFTER_FAILING, "RFD-1"),
        (ProblemKind.PAYOUT_REVERSED, "RFD-1"),
        (ProblemKind.ORPHAN, "KSR-ELSEWHERE-1"),
    ]

    tab.select("RFD-1", ProblemKind.PAYOUT_REVERSED)
    qtbot.keyClicks(tab.reason, "the customer got the 4.000 back in cash")
    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.shown) == 2, timeout=WAIT_MS)
    assert list(tab.shown) == [
        (ProblemKind.PAID_AFTER_FAILING, "RFD-1"),
        (ProblemKind.ORPHAN, "KSR-ELSEWHERE-1"),
    ]


def test_attach_is_off_for_a_late_payment_refunded_in_part(qtbot, start_app) -> None:
    app = start_app()
    sale_id, invoice = late_payment(qtbot, app)
    refunds = app.terminal.store.refunds
    refunds.create(
        sale_id,
        "RFD-part",
        5_000,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Demo Manajer",
        now=now(app),
        invoice_number=invoice,
    )
    refunds.settle("RFD-part", RefundStatus.PAID, now=now(app))
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)

    tab.select(invoice)
    assert tab.refund_button.isEnabled(), "9.000 is still the customer's"
    assert not tab.attach_button.isEnabled(), "the store refuses to attach it"


def test_refund_is_off_for_a_late_payment_paid_in_sen(qtbot, start_app) -> None:
    app = start_app()
    store, moment = app.terminal.store, now(app)
    sale_id = store.sales.create_sale(LINES, cashier="Demo Kasir", terminal_id="T1", now=moment)
    invoice = store.payments.next_invoice_number("T1", moment)
    store.payments.create_attempt(sale_id, ProviderName.ECOMMPAY_PAGE, TOTAL, invoice, moment)
    store.payments.record_request(
        PaymentRequest(ProviderName.ECOMMPAY_PAGE, invoice, TOTAL, "https://pay.example/x"),
        now=moment,
    )
    store.sales.cancel(sale_id, now=moment)
    store.payments.record_status(
        invoice,
        PaymentStatus.PAID,
        source=EventSource.RELAY,
        now=moment,
        amount=1_400_050,
        currency="IDR/minor",
    )
    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)

    tab.select(invoice)
    assert (ProblemKind.DIFFERS, invoice) in tab.shown
    assert not tab.refund_button.isEnabled(), "no rupiah came in to refund"
