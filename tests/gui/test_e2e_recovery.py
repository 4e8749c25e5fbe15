"""Restarts: every open QR payment comes back, on screen or listed, and can still be paid."""

import json
import subprocess
import sys
from pathlib import Path

import httpx

from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import SaleStatus
from pos_app.payments.model import AttemptState
from pos_app.settings.terminal_config import Settings
from pos_app.till.terminal import open_terminal
from tests.gui.e2e import (
    open_payment,
    ring_up_three,
    sandbox,
    shown_payment,
    sign_in,
    wait_state,
)


def basket_lines(app) -> list[tuple[str, int]]:
    return [(line.sku, line.quantity) for line in app.window.basket_model.basket]


def test_a_new_window_reopens_the_open_payment_and_it_can_be_paid(qtbot, start_app, demo_terminal):
    first = start_app()
    sign_in(qtbot, first)
    ring_up_three(qtbot, first)
    before = open_payment(qtbot, first)
    invoice, sale_id = before.invoice_number, before.sale_id
    first.close()

    second = start_app()
    sign_in(qtbot, second)
    payment = shown_payment(qtbot, second)
    assert payment.invoice_number == invoice
    assert payment.dialog.qr.text == before.attempt.payment_url
    assert basket_lines(second) == [("MIE-001", 2), ("MIE-002", 1), ("MIN-001", 1)]
    assert second.controller.open_sale_id == sale_id

    sandbox(demo_terminal, "pay", invoice)
    wait_state(qtbot, payment, AttemptState.PAID)
    assert demo_terminal.store.sales.get(sale_id).status is SaleStatus.COMPLETED
    assert basket_lines(second) == []


def test_after_a_restart_the_newest_reopens_and_older_ones_are_listed(
    qtbot, start_app_on, tmp_path: Path
):
    path = tmp_path / "shop.db"
    before = open_terminal(Settings(), path, demo=True)
    try:
        checkout = before.checkout
        goreng = LineItem("MIE-001", "Indomie Goreng 85g", 3_500, 1)
        teh = LineItem("MIN-001", "Teh Botol Sosro 450ml", 5_500, 2)
        older = checkout.start_qr_payment(checkout.open_sale([goreng], cashier="A"))
        newest = checkout.start_qr_payment(checkout.open_sale([teh], cashier="A"))
    finally:
        before.close()

    after = open_terminal(Settings(), path, demo=True)
    try:
        app = start_app_on(after)
        sign_in(qtbot, app)
        payment = shown_payment(qtbot, app)
        assert payment.invoice_number == newest.invoice_number
        assert basket_lines(app) == [("MIN-001", 2)]
        listed = app.window.open_payments_label
        qtbot.waitUntil(lambda: older.invoice_number in listed.text())
        assert newest.invoice_number not in listed.text()
        assert listed.isVisible()
        assert {a.invoice_number for a in after.store.payments.open_attempts()} == {
            older.invoice_number,
            newest.invoice_number,
        }, "nothing left open was lost or closed by the restart"
        app.close()
    finally:
        after.close()


CRASHING_TILL = """
import json, sys
from pathlib import Path
from pos_app.domain.basket import LineItem
from pos_app.settings.terminal_config import Settings
from pos_app.till.terminal import open_terminal

terminal = open_terminal(Settings(), Path(sys.argv[1]), demo=True)
checkout = terminal.checkout
sale = checkout.open_sale([LineItem("MIE-001", "Indomie Goreng 85g", 3500, 2)], cashier="Ani")
attempt = checkout.start_qr_payment(sale)
print(json.dumps({"invoice": attempt.invoice_number, "url": attempt.payment_url}), flush=True)
sys.stdin.read()
"""


def test_a_demo_payment_opened_before_a_kill_can_be_paid_after_the_restart(
    qtbot, start_app_on, tmp_path: Path
):
    """kill -9 the demo app while its QR is shown; the restarted demo's sandbox still has the
    order, answers on the QR's link, and paying it completes the sale."""
    path = tmp_path / "demo.db"
    till = subprocess.Popen(
        [sys.executable, "-c", CRASHING_TILL, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert till.stdout is not None
        opened = json.loads(till.stdout.readline())
    finally:
        till.kill()
        till.wait(timeout=10)

    after = open_terminal(Settings(), path, demo=True)
    try:
        assert after.embedded is not None
        assert opened["url"].startswith(after.embedded.sandbox.url + "/")
        assert httpx.get(opened["url"], timeout=5).status_code == 200
        app = start_app_on(after)
        sign_in(qtbot, app)
        payment = shown_payment(qtbot, app)
        assert payment.invoice_number == opened["invoice"]
        assert payment.dialog.qr.text == opened["url"]

        sandbox(after, "pay", opened["invoice"])
        wait_state(qtbot, payment, AttemptState.PAID)
        sale = after.store.sales.get(payment.attempt.sale_id)
        assert sale.status is SaleStatus.COMPLETED
        assert sale.invoice_number == opened["invoice"]
        app.close()
    finally:
        after.close()
