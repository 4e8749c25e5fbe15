"""QR payments end to end: the real window, store, sandbox and relay, driven by keys."""

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.server_thread import ServerThread
from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import RefundStatus, SaleStatus
from pos_app.domain.money import format_rupiah
from pos_app.gui.payment_dialog import PaymentDialog
from pos_app.gui.receipt import ReceiptDialog
from pos_app.payments.model import AttemptState
from pos_app.sandbox.app import create_sandbox_app
from pos_app.store.payment_records import EventSource
from pos_app.store.relay_errands import RelayErrand
from pos_app.store.sales import Tender
from tests.gui.e2e import (
    FAST,
    GORENG,
    TEH,
    WAIT_MS,
    dead_port,
    open_payment,
    pay_cash_on_screen,
    press,
    ring_up_three,
    sandbox,
    scan,
    sign_in,
    wait_state,
)
from tests.gui.helpers import answer_confirmation, wait_for_modal
from tests.gui.test_e2e_paid_once import rupiah, sales


def test_three_scans_f12_paid_through_the_relay(qtbot, start_app, demo_terminal):
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    attempt = payment.attempt
    assert attempt.state is AttemptState.PENDING and attempt.amount == total
    assert payment.dialog.qr.text == attempt.payment_url
    assert attempt.payment_url.startswith(demo_terminal.embedded.sandbox.url)
    assert app.display.qr.text == attempt.payment_url, "the customer sees the same QR"
    assert app.display.pages.currentWidget() is not app.display.thanks

    sandbox(demo_terminal, "pay", attempt.invoice_number)
    wait_state(qtbot, payment, AttemptState.PAID)
    assert "Paid" in payment.dialog.outcome.text()
    assert payment.dialog.done_button.isVisible()
    assert len(app.window.basket_model.basket) == 0, "the next customer's basket is empty"
    assert app.display.pages.currentWidget() is app.display.thanks

    store = demo_terminal.store
    sale = store.sales.get(attempt.sale_id)
    assert sale.status is SaleStatus.COMPLETED and sale.tender is Tender.QR
    assert sale.invoice_number == attempt.invoice_number and sale.total == total
    assert [(line.sku, line.quantity) for line in sale.lines] == [
        ("MIE-001", 2),
        ("MIE-002", 1),
        ("MIN-001", 1),
    ]
    events = store.payments.get_attempt(attempt.invoice_number).events
    assert [(e.source, e.state) for e in events if e.state is AttemptState.PAID] == [
        (EventSource.RELAY, AttemptState.PAID)
    ], "paid came by the relay's long-poll, not a status check"

    qtbot.keyClick(payment.dialog, Qt.Key.Key_Return)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert receipt.data.invoice_number == attempt.invoice_number
    assert receipt.data.total == total and receipt.data.wallet == "DOKU Wallet"
    assert "Indomie Goreng" in receipt.preview.toPlainText()
    receipt.reject()
    qtbot.waitUntil(lambda: app.window.panel.input.hasFocus())
    scan(qtbot, app, TEH)
    assert app.display.pages.currentWidget() is not app.display.thanks


def test_declined_then_try_again_pays_the_same_sale(qtbot, start_app, demo_terminal):
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    first = payment.attempt

    sandbox(demo_terminal, "decline", first.invoice_number)
    wait_state(qtbot, payment, AttemptState.DECLINED)
    assert payment.dialog.retry_button.isVisible() and payment.dialog.other_button.isVisible()
    assert len(app.window.basket_model.basket) == 3, "the basket waits for another try"

    payment.dialog.retry_button.click()
    qtbot.waitUntil(lambda: payment.invoice_number != first.invoice_number, timeout=10_000)
    wait_state(qtbot, payment, AttemptState.PENDING)
    second = payment.attempt
    assert second.sale_id == first.sale_id
    assert payment.dialog.qr.text == second.payment_url != first.payment_url
    assert app.display.qr.text == second.payment_url

    sandbox(demo_terminal, "pay", second.invoice_number)
    wait_state(qtbot, payment, AttemptState.PAID)
    sale = demo_terminal.store.sales.get(first.sale_id)
    assert sale.status is SaleStatus.COMPLETED and sale.invoice_number == second.invoice_number
    assert demo_terminal.store.payments.get_attempt(first.invoice_number).state is (
        AttemptState.DECLINED
    )


def test_a_try_again_given_up_on_while_being_created_is_cancelled_on_arrival(
    qtbot, start_app, demo_terminal
):
    """The customer's QR is declined, the cashier presses "Try again", and, the provider being
    slow, closes the dialog before the new QR shows. The new attempt, never shown, is cancelled
    when it arrives, as a QR given up on while "Creating the payment…" is: left open, nobody
    watched it, and a restart put its QR up on its own."""
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    first = payment.attempt
    sandbox(demo_terminal, "decline", first.invoice_number)
    wait_state(qtbot, payment, AttemptState.DECLINED)
    slow = {"path": "/dokuwallet-emoney/v1/payment", "seconds": 2, "count": 1}
    httpx.post(f"{demo_terminal.embedded.sandbox.url}/_sandbox/delay", json=slow)

    payment.dialog.retry_button.click()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: app.controller.payment is None)
    payments = demo_terminal.store.payments

    def retry_cancelled_on_arrival() -> None:
        attempts = payments.attempts_for_sale(first.sale_id)
        assert [attempt.state for attempt in attempts] == [
            AttemptState.DECLINED,
            AttemptState.CANCELLED,
        ]
        assert attempts[1].payment_url, "its order went through before it was cancelled"

    qtbot.waitUntil(retry_cancelled_on_arrival, timeout=WAIT_MS)
    assert payments.open_attempts() == [], "a restart puts no QR up by itself"
    assert len(app.window.basket_model.basket) == 3, "the basket waits for another tender"
    assert app.display.qr.text != payments.attempts_for_sale(first.sale_id)[1].payment_url


def test_a_doku_payment_made_on_a_second_try_after_failed_completes_with_f11(
    qtbot, start_app, demo_terminal
):
    """DOKU's FAILED is not final for e-money: the customer may pay the same order again. The
    declined QR's SUCCESS comes to the paid banner, and F11 completes the sale with it."""
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    invoice = payment.invoice_number
    sandbox(demo_terminal, "decline", invoice)
    wait_state(qtbot, payment, AttemptState.DECLINED)

    sandbox(demo_terminal, "pay", invoice)
    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=WAIT_MS)
    assert app.window.paid_title.text() == f"Customer paid {rupiah(total)} by DOKU Wallet"
    press(qtbot, Qt.Key.Key_F11)
    receipt = wait_for_modal(qtbot, ReceiptDialog)
    assert (receipt.data.invoice_number, receipt.data.total) == (invoice, total)
    receipt.reject()
    assert sales(demo_terminal) == [("completed", "qr", invoice, None)]


def test_relay_down_falls_back_to_the_status_api(qtbot, start_app, demo_terminal):
    dead = RelayClient(f"http://127.0.0.1:{dead_port()}", "no-relay-here")
    app = start_app(relay=dead)
    qtbot.waitUntil(lambda: app.window.relay_label.text() == "Relay: not connected")
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    invoice = payment.invoice_number

    sandbox(demo_terminal, "pay", invoice)
    wait_state(qtbot, payment, AttemptState.PAID)
    events = demo_terminal.store.payments.get_attempt(invoice).events
    paid_by = {event.source for event in events if event.state is AttemptState.PAID}
    assert paid_by == {EventSource.STATUS}, "nobody polled the relay: the status API said paid"
    sale = demo_terminal.store.sales.get(payment.sale_id)
    assert sale.status is SaleStatus.COMPLETED
    dead.close()


def test_the_provider_is_asked_after_the_configured_wait_while_the_relay_is_up(
    qtbot, start_app, demo_terminal
):
    app = start_app(timing=replace(FAST, status_check_wait=0.3))
    qtbot.waitUntil(lambda: app.window.relay_label.text() == "Relay: connected")
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    payments = demo_terminal.store.payments

    def asked() -> None:
        events = payments.get_attempt(payment.invoice_number).events
        assert [event.source for event in events].count(EventSource.STATUS) >= 2

    qtbot.waitUntil(asked, timeout=5_000)
    assert payment.dialog.state is AttemptState.PENDING, "still waiting, and still asking"


def test_a_check_after_the_countdown_ends_the_attempt_as_expired(qtbot, start_app, demo_terminal):
    ahead = [timedelta(0)]
    demo_terminal.checkout.clock = lambda: datetime.now(UTC) + ahead[0]
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    expires_at = payment.attempt.expires_at
    assert expires_at is not None

    ahead[0] = expires_at - datetime.now(UTC) + timedelta(seconds=1)
    payment.dialog.check_button.click()
    wait_state(qtbot, payment, AttemptState.EXPIRED)
    assert payment.dialog.retry_button.isVisible() and payment.dialog.other_button.isVisible()
    sale = demo_terminal.store.sales.get(payment.sale_id)
    assert sale.status is SaleStatus.OPEN, "the basket can still be paid another way"


def test_provider_down_at_the_charge_keeps_trying_until_the_order_goes_through(
    qtbot, start_app, demo_terminal
):
    embedded = demo_terminal.embedded
    port = embedded.sandbox.port
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    embedded.sandbox.stop()
    payment = open_payment(qtbot, app)
    wait_state(qtbot, payment, AttemptState.UNKNOWN)
    invoice = payment.invoice_number
    assert payment.dialog.picture.currentWidget() is payment.dialog.outcome, "no QR, no order"
    assert "unreachable" in payment.dialog.banner.text()

    with ServerThread.of(create_sandbox_app(embedded.config), port=port) as back:
        wait_state(qtbot, payment, AttemptState.PENDING)
        assert payment.invoice_number == invoice, "the same order, sent again"
        assert payment.dialog.qr.text == payment.attempt.payment_url != ""
        assert app.display.qr.text == payment.attempt.payment_url
        httpx.post(f"{back.url}/_sandbox/pay/{invoice}").raise_for_status()
        wait_state(qtbot, payment, AttemptState.PAID)
    assert demo_terminal.store.sales.get(payment.sale_id).status is SaleStatus.COMPLETED


def charge_with_a_slow_order(qtbot, start_app, demo_terminal, seconds: int):
    """Three items rung up and F12 pressed while the sandbox takes ``seconds`` to answer the
    order: the app, with "Creating the payment…" showing, and the basket's total."""
    delay = {"path": "/dokuwallet-emoney/v1/payment", "seconds": seconds, "count": 1}
    httpx.post(
        f"{demo_terminal.embedded.sandbox.url}/_sandbox/delay", json=delay
    ).raise_for_status()
    app = start_app()
    sign_in(qtbot, app)
    total = ring_up_three(qtbot, app)
    press(qtbot, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: app.controller.payment is not None)
    return app, total


def give_up_on_the_charge(qtbot, app) -> None:
    press(qtbot, Qt.Key.Key_Escape)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: app.controller.payment is None)


def test_the_dialog_opens_before_the_order_and_cancelling_then_cancels_the_attempt(
    qtbot, start_app, demo_terminal
):
    app, _ = charge_with_a_slow_order(qtbot, start_app, demo_terminal, seconds=1)
    payment = app.controller.payment
    assert payment is not None and payment.attempt is None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is payment.dialog)
    assert QApplication.activeModalWidget() is payment.dialog, "the basket is locked meanwhile"
    assert payment.dialog.state is AttemptState.CREATED
    assert "Creating the payment" in payment.dialog.outcome.text()
    assert payment.dialog.invoice.isHidden()

    give_up_on_the_charge(qtbot, app)
    payments = demo_terminal.store.payments

    def cancelled_on_arrival() -> None:
        sale_id = app.controller.open_sale_id
        assert sale_id is not None
        states = [attempt.state for attempt in payments.attempts_for_sale(sale_id)]
        assert states == [AttemptState.CANCELLED]

    qtbot.waitUntil(cancelled_on_arrival, timeout=10_000)
    assert len(app.window.basket_model.basket) == 3


def test_a_basket_sold_for_cash_while_its_qr_was_being_created_leaves_no_sale_open(
    qtbot, start_app, demo_terminal
):
    app, total = charge_with_a_slow_order(qtbot, start_app, demo_terminal, seconds=4)
    give_up_on_the_charge(qtbot, app)  # "Creating the payment..." takes too long: cash instead
    pay_cash_on_screen(qtbot, app, total)

    def qr_sale_ended() -> None:
        assert [row[:2] for row in sales(demo_terminal)] == [
            ("cancelled", None),
            ("completed", "cash"),
        ]

    qtbot.waitUntil(qr_sale_ended, timeout=10_000)
    [qr_attempt] = demo_terminal.store.payments.attempts_for_sale(1)
    assert qr_attempt.state is AttemptState.CANCELLED
    assert app.controller.open_sale_id is None, "the empty screen is tied to no stored sale"


def test_f12_while_a_qr_given_up_on_is_still_being_created_says_to_press_it_again(
    qtbot, start_app, demo_terminal
):
    """The provider is slow ("Creating the payment…"); the cashier gives up on the QR, then the
    customer does want to pay by QR after all. F12 did nothing and said nothing until the first
    order's answer came back; now the cashier is told to press it again in a moment, and then
    the QR opens."""
    app, _ = charge_with_a_slow_order(qtbot, start_app, demo_terminal, seconds=3)
    give_up_on_the_charge(qtbot, app)
    press(qtbot, Qt.Key.Key_F12)
    assert app.controller.payment is None
    assert app.window.panel.message.text() == (
        "The last QR payment is still being cancelled: press F12 again in a moment."
    )

    def cancelled() -> None:
        sale_id = app.controller.open_sale_id
        assert sale_id is not None
        states = [a.state for a in demo_terminal.store.payments.attempts_for_sale(sale_id)]
        assert states == [AttemptState.CANCELLED]

    qtbot.waitUntil(cancelled, timeout=WAIT_MS)
    payment = open_payment(qtbot, app)
    assert payment.sale_id == app.controller.open_sale_id, "the same sale, paid by a new QR"
    assert payment.dialog.state is AttemptState.PENDING


def test_each_charge_shows_a_dialog_built_before_f12(qtbot, start_app, demo_terminal):
    """F12 does not wait for a dialog to be built: one is made while the counter is idle, after
    sign-in and again after each payment, and shows the charge's own amount and QR."""
    app = start_app()
    sign_in(qtbot, app)
    for _ in range(2):
        total = ring_up_three(qtbot, app)
        qtbot.waitUntil(lambda: len(app.window.findChildren(PaymentDialog)) == 1)
        [ready] = app.window.findChildren(PaymentDialog)
        assert not ready.isVisible()
        payment = open_payment(qtbot, app)
        assert payment.dialog is ready
        assert payment.dialog.amount.text() == format_rupiah(total)
        assert payment.dialog.qr.text == payment.attempt.payment_url
        sandbox(demo_terminal, "pay", payment.invoice_number)
        wait_state(qtbot, payment, AttemptState.PAID)
        payment.dialog.accept()
        wait_for_modal(qtbot, ReceiptDialog).accept()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is app.window.panel.input)


def charging_with_a_silent_relay(qtbot, start_app, follow_up_interval: float):
    """A till whose relay is down, asking again about ended payments every
    ``follow_up_interval`` s, with three items' QR on screen: the app and the QR's invoice."""
    dead = RelayClient(f"http://127.0.0.1:{dead_port()}", "no-relay-here")
    app = start_app(relay=dead, timing=replace(FAST, follow_up_interval=follow_up_interval))
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    return app, open_payment(qtbot, app).invoice_number


def test_a_qr_given_up_on_and_paid_while_the_relay_is_silent_is_found_by_asking_again(
    qtbot, start_app, demo_terminal
):
    """The customer pays after the cashier gave up on the QR, and the relay's notification
    never reaches this till (the relay it polls is down): the till asks the provider again about
    payments that ended before its final word, and the paid banner offers F11."""
    app, invoice = charging_with_a_silent_relay(qtbot, start_app, follow_up_interval=0.2)
    give_up_on_the_charge(qtbot, app)
    assert app.window.paid_banner.isHidden()

    sandbox(demo_terminal, "pay", invoice)

    qtbot.waitUntil(lambda: app.window.paid_banner.isVisible(), timeout=10_000)
    attempt = demo_terminal.store.payments.get_attempt(invoice)
    assert (attempt.state, attempt.late) == (AttemptState.PAID, True)
    assert attempt.sale_id == app.controller.open_sale_id, "the basket on screen, paid after all"


def test_a_registration_the_relay_missed_is_made_on_a_follow_up_pass(
    qtbot, start_app, demo_terminal
):
    """The relay did not take the QR's registration (out of reach for a moment): a follow-up
    pass registers it once the relay answers, and the relay then knows its invoice number."""
    relay = demo_terminal.checkout.relay
    demo_terminal.checkout.relay = RelayClient(f"http://127.0.0.1:{dead_port()}", "away")
    app = start_app(timing=replace(FAST, follow_up_interval=0.2))
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    invoice = open_payment(qtbot, app).invoice_number
    owed = demo_terminal.store.relay_errands.owed
    qtbot.waitUntil(lambda: owed(RelayErrand.REGISTER) == [invoice])

    demo_terminal.checkout.relay = relay
    qtbot.waitUntil(lambda: owed(RelayErrand.REGISTER) == [], timeout=10_000)
    assert relay.held_days().invoice_counter == int(invoice.rsplit("-", 1)[1])


def test_a_payout_whose_callback_does_not_come_is_settled_on_a_follow_up_pass(
    qtbot, start_app, demo_terminal
):
    """A refund's payout went out but its callback cannot reach this till (the relay it polls
    is down): a follow-up pass asks ecommpay and settles it, rather than leave it pending."""
    goreng = LineItem("MIE-001", "Indomie Goreng 85g", 3_500, 4)
    sale_id = demo_terminal.checkout.open_sale([goreng], cashier="Demo Kasir")
    demo_terminal.checkout.pay_cash(sale_id, 14_000)
    refund = demo_terminal.payouts.send(
        sale_id, 4_000, account_number="081234567890", customer_name="Ani", approved_by="Bu"
    )
    refunds = demo_terminal.store.refunds
    assert refunds.get(refund.payout_id).status is RefundStatus.PENDING
    dead = RelayClient(f"http://127.0.0.1:{dead_port()}", "no-relay-here")
    start_app(relay=dead, timing=replace(FAST, follow_up_interval=0.2))

    qtbot.waitUntil(
        lambda: refunds.get(refund.payout_id).status is RefundStatus.PAID, timeout=10_000
    )


def test_a_follow_up_pass_is_not_started_beside_one_still_going(
    qtbot, start_app, demo_terminal, monkeypatch
):
    """The provider answers slower than the timer between passes (out of reach, each check
    waits out a timeout): the next pass is skipped rather than started beside it, so passes never
    pile up on the workers the cashier's tasks need."""
    app, invoice = charging_with_a_silent_relay(qtbot, start_app, follow_up_interval=0.05)
    slow = {"path": f"/orders/v1/status/{invoice}", "seconds": 0.4, "count": 1000}
    httpx.post(f"{demo_terminal.embedded.sandbox.url}/_sandbox/delay", json=slow)
    provider = app.terminal.checkout.provider
    asking = threading.Lock()
    checks = {"now": 0, "most": 0, "done": 0}
    real_check = provider.check_status

    def counted_check(number: str) -> object:
        with asking:
            checks["now"] += 1
            checks["most"] = max(checks["most"], checks["now"])
        try:
            return real_check(number)
        finally:
            with asking:
                checks["now"] -= 1
                checks["done"] += 1

    monkeypatch.setattr(provider, "check_status", counted_check)
    give_up_on_the_charge(qtbot, app)

    qtbot.waitUntil(lambda: checks["done"] >= 3, timeout=10_000)
    assert checks["most"] == 1, "one follow-up pass at a time"


def test_an_item_scanned_while_the_qr_is_shown_is_not_dropped_without_a_word(
    qtbot, start_app, demo_terminal
):
    """The next item scanned while the QR dialog is up (the customer hands over one more thing
    while taking out the phone) vanishes: the dialog takes the scanner's digits and Enter and
    does nothing, with no word, unlike the receipt (forwarded) and the cash dialog (it says
    "is a barcode"); the customer then pays the QR for a basket without it and the cashier,
    who heard the beep, hands the item over unpaid."""
    app = start_app()
    sign_in(qtbot, app)
    scan(qtbot, app, GORENG)
    payment = open_payment(qtbot, app)
    wait_state(qtbot, payment, AttemptState.PENDING)
    target = QApplication.focusWidget() or payment.dialog
    qtbot.keyClicks(target, TEH)  # the scanner types, then presses Enter
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.window.panel.settled, timeout=WAIT_MS)

    assert "MIN-001" not in [line.sku for line in app.window.basket_model.basket]
    assert payment.dialog.status_line.text().startswith(f"{TEH} was not added: this QR pays")
    assert payment.dialog.isVisible(), "the scanner's Enter pressed no button"


def test_a_payment_recorded_after_the_clock_stepped_back_is_shown_paid(
    qtbot, start_app, demo_terminal
):
    """NTP steps the till's clock back a little while a QR is up; the customer pays. The
    payment is stored (the sale completes, the customer display thanks the customer), but the
    dialog takes the paid attempt for older news (its ``updated_at`` is below the pending one's)
    and keeps showing the QR, "Waiting for the customer to pay…", for good."""
    shift = [timedelta(0)]
    demo_terminal.checkout.clock = lambda: datetime.now(UTC) + shift[0]
    app = start_app()
    qtbot.waitUntil(lambda: app.window.relay_label.text() == "Relay: connected", timeout=10_000)
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    wait_state(qtbot, payment, AttemptState.PENDING)
    invoice = payment.invoice_number

    shift[0] = -timedelta(seconds=20)  # the clock is stepped back 20 s
    sandbox(demo_terminal, "pay", invoice)
    store = demo_terminal.store
    qtbot.waitUntil(
        lambda: store.payments.get_attempt(invoice).state is AttemptState.PAID, timeout=10_000
    )
    assert store.sales.get(payment.sale_id).status is SaleStatus.COMPLETED

    # The cashier's dialog must agree with the store (and with the customer display).
    wait_state(qtbot, payment, AttemptState.PAID)


def test_an_order_that_goes_through_on_a_later_check_still_ends_at_its_countdown(
    qtbot, start_app, demo_terminal
):
    """The provider is down at F12 (``unknown``, no QR); a status check sends the order again
    and the QR goes up with a fresh countdown. Its expiry timer is never armed
    (``QrPayment.update`` does not call ``_arm_expiry``): when the countdown ends the dialog
    keeps "Waiting…" under "Expiry time reached", the QR stays on the customer display, and the
    last check comes only with the next ``status_check_wait`` (30 s here, 60 s by default)."""
    embedded = demo_terminal.embedded
    port = embedded.sandbox.port
    app = start_app()
    qtbot.waitUntil(lambda: app.window.relay_label.text() == "Relay: connected", timeout=10_000)
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    embedded.sandbox.stop()
    payment = open_payment(qtbot, app)
    wait_state(qtbot, payment, AttemptState.UNKNOWN)
    demo_terminal.checkout.payment_expiry = timedelta(seconds=2)

    with ServerThread.of(create_sandbox_app(embedded.config), port=port):
        wait_state(qtbot, payment, AttemptState.PENDING)
        expires_at = payment.attempt.expires_at
        assert expires_at is not None
        assert expires_at - datetime.now(UTC) <= timedelta(seconds=2)
        # countdown (≤ 2 s) + expiry_grace (0.2 s) + the last check, with room to spare
        qtbot.waitUntil(lambda: payment.dialog.state is AttemptState.EXPIRED, timeout=8_000)
        assert app.display.pages.currentWidget() is not app.display.payment_page


def test_an_expiry_timer_that_fires_before_the_tills_clock_says_due_is_armed_again(
    qtbot, start_app, demo_terminal
):
    """The expiry timer runs on the monotonic clock, the countdown on the till's: after the
    clock is stepped back (or a coarse timer fires a little early, with ``expiry_grace`` 0),
    ``expire_if_due`` finds the attempt not yet due and ``_expire`` is never armed again. The
    attempt then ends only at the next status check, tens of seconds after the countdown."""
    shift = [timedelta(0)]
    demo_terminal.checkout.clock = lambda: datetime.now(UTC) + shift[0]
    demo_terminal.checkout.payment_expiry = timedelta(seconds=2)
    app = start_app()
    qtbot.waitUntil(lambda: app.window.relay_label.text() == "Relay: connected", timeout=10_000)
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    payment = open_payment(qtbot, app)
    wait_state(qtbot, payment, AttemptState.PENDING)
    shift[0] = -timedelta(seconds=1)  # stepped back 1 s: due 1 s after the timer fires

    # countdown (≤ 2 s) + 1 s back + grace 0.2 s + the last check, with room to spare
    qtbot.waitUntil(lambda: payment.dialog.state is AttemptState.EXPIRED, timeout=9_000)
