"""The refund dialog against a real sandbox and relay on loopback: it watches the payout it
sent, whatever answers late; a wallet number stays out of the log; a late payment whose refund
was reversed can be refunded again."""

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.server_thread import ServerThread
from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import RefundStatus
from pos_app.gui.app import TerminalApp
from pos_app.gui.back_office.refund_dialog import RefundDialog
from pos_app.sandbox.app import create_sandbox_app
from pos_app.store.problem_payments import ProblemKind
from pos_app.store.refunds import Refund
from pos_app.till.terminal import Terminal
from tests.gui.back_office_helpers import idle, show_tab, signed_in
from tests.gui.e2e import WAIT_MS, dead_port
from tests.gui.e2e import sandbox as sandbox_action
from tests.gui.helpers import answer_confirmation
from tests.gui.test_back_office_payments import late_payment

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 4),)
TOTAL = 14_000
STATUS_PATH = "/v2/payment/status"


class Sandbox:
    """The demo terminal's sandbox, replaced by one in this process (same port and settings) so
    that the test sees when a delayed answer's request has arrived."""

    def __init__(self, terminal: Terminal) -> None:
        embedded = terminal.embedded
        assert embedded is not None
        port = embedded.sandbox.port
        embedded.sandbox.stop()
        self.app = create_sandbox_app(embedded.config)
        embedded.sandbox = ServerThread.of(self.app, port=port).start()
        self.url = embedded.sandbox.url
        [middleware] = [m for m in self.app.user_middleware if "delays" in m.kwargs]
        self.delays: Any = middleware.kwargs["delays"]

    def delay(self, path: str, seconds: float) -> None:
        """The next answer on ``path`` comes ``seconds`` late (the request is handled at once)."""
        answer = httpx.post(
            f"{self.url}/_sandbox/delay", json={"path": path, "seconds": seconds}, timeout=5
        )
        answer.raise_for_status()

    def arrived(self, path: str) -> bool:
        """The request whose answer was delayed on ``path`` has reached the sandbox."""
        return path not in self.delays._pending


@pytest.fixture
def dead_relay() -> Iterator[RelayClient]:
    """For the app's long-poll only: callbacks stay at the relay until the test applies them."""
    client = RelayClient(f"http://127.0.0.1:{dead_port()}", "no-relay-here")
    yield client
    client.close()


def cash_sale(app: TerminalApp) -> int:
    sale_id = app.terminal.checkout.open_sale(LINES, cashier="Demo Kasir")
    app.terminal.checkout.pay_cash(sale_id, TOTAL)
    return sale_id


def fill_and_send(qtbot, dialog: RefundDialog, amount: int) -> None:
    qtbot.waitUntil(lambda: dialog.send_button.isEnabled(), timeout=WAIT_MS)
    dialog.wallet.setText("081234567890")
    dialog.customer.setText("Ani")
    dialog.amount.setText(str(amount))
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)


def sent(qtbot, dialog: RefundDialog, before: Refund | None) -> Refund:
    """The payout the dialog now waits on (ecommpay accepted it)."""

    def accepted() -> None:
        refund = dialog.refund
        assert refund is not None and refund is not before
        assert before is None or refund.payout_id != before.payout_id
        assert refund.status is RefundStatus.PENDING

    qtbot.waitUntil(accepted, timeout=WAIT_MS)
    assert dialog.refund is not None
    return dialog.refund


def apply_relay(app: TerminalApp) -> None:
    """What the app's relay watch does with the callbacks waiting at the relay."""
    assert app.terminal.relay is not None
    app.terminal.relay.poll(app.terminal.checkout, wait=0)


def test_a_late_status_answer_about_the_last_payout_leaves_the_one_on_its_way_watched(
    qtbot, start_app, demo_terminal, dead_relay
) -> None:
    """A "Check status" answer for payout 1 that came after payout 2 was sent made the dialog
    take payout 1 as its refund again: it stopped watching payout 2 (still pending), showed
    payout 1's "Paid" and enabled Send, so the manager never saw payout 2's outcome and was
    offered to pay again while it was on its way."""
    sandbox = Sandbox(demo_terminal)
    app = start_app(relay=dead_relay)
    sale_id = cash_sale(app)
    window = signed_in(qtbot, app)
    dialog = window.open_refund(sale_id)

    fill_and_send(qtbot, dialog, 5_000)
    first = sent(qtbot, dialog, None)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=WAIT_MS)

    # The callback is slow: the manager asks ecommpay, whose answer is slow too.
    sandbox.delay(STATUS_PATH, 5)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sandbox.arrived(STATUS_PATH), timeout=WAIT_MS)
    # Meanwhile the callback arrives through the relay; the dialog's watch sees payout 1 paid.
    apply_relay(app)
    qtbot.waitUntil(lambda: dialog.state.text().startswith("Paid: Rp 5.000"), timeout=WAIT_MS)

    # The manager refunds another Rp 2.000 of the sale; ecommpay accepts it.
    fill_and_send(qtbot, dialog, 2_000)
    second = sent(qtbot, dialog, first)

    # The old status answer for payout 1 comes in (the check is the task still on its way).
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=15_000)
    refunds = app.terminal.store.refunds
    assert refunds.get(second.payout_id).status is RefundStatus.PENDING
    assert dialog.refund is not None
    assert (
        dialog.refund.payout_id,
        dialog.check_button.isEnabled(),
        dialog.send_button.isEnabled(),
    ) == (second.payout_id, True, False), dialog.state.text()


def test_a_mistyped_wallet_number_is_refused_without_reaching_the_log(
    qtbot, start_app, caplog
) -> None:
    """Typed with a ';' (a typo), it was refused by the ecommpay signer with the number in the
    message, which reached the log: a customer's wallet number in the log file."""
    app = start_app()
    sale_id = cash_sale(app)
    window = signed_in(qtbot, app)
    dialog = window.open_refund(sale_id)
    wallet = "0812;99887766"
    qtbot.waitUntil(lambda: dialog.send_button.isEnabled(), timeout=WAIT_MS)
    dialog.wallet.setText(wallet)
    dialog.customer.setText("Ani")
    dialog.amount.setText("5000")
    caplog.set_level("DEBUG")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    answer_confirmation(qtbot, yes=True)
    qtbot.waitUntil(lambda: dialog.state.text().startswith("Nothing was paid"), timeout=WAIT_MS)
    idle(qtbot, window)
    assert "digits only" in dialog.state.text() and wallet not in dialog.state.text()
    leaked = [r.getMessage() for r in caplog.records if "99887766" in r.getMessage()]
    assert leaked == []


def test_a_late_payment_whose_refund_was_reversed_is_offered_to_refund_again(
    qtbot, start_app
) -> None:
    """Refunded in full, its payout then reversed: the customer is owed it again, but the
    problem list counted the payout as paid back and dropped the late payment, whose sale is
    cancelled (the Sales tab offers no refund): nothing could pay the customer back."""
    app = start_app()
    sale_id, invoice = late_payment(qtbot, app)

    window = signed_in(qtbot, app)
    tab = window.problems
    show_tab(qtbot, window, tab)
    tab.select(invoice)
    qtbot.mouseClick(tab.refund_button, Qt.MouseButton.LeftButton)
    dialog = window.refund_dialog
    assert dialog is not None
    fill_and_send(qtbot, dialog, TOTAL)
    qtbot.waitUntil(lambda: dialog.state.text().startswith("Paid: Rp 14.000"), timeout=WAIT_MS)
    assert dialog.refund is not None
    payout = dialog.refund.payout_id
    dialog.reject()

    sandbox_action(app.terminal, "reverse", payout)  # the wallet could not take it
    refunds = app.terminal.store.refunds
    qtbot.waitUntil(lambda: refunds.get(payout).reversed_at is not None, timeout=WAIT_MS)
    assert window.office.refundable(sale_id, invoice) == TOTAL  # owed to the customer again

    tab.refresh()
    idle(qtbot, window)
    assert (ProblemKind.PAYOUT_REVERSED, payout) in tab.shown
    assert (ProblemKind.LATE, invoice) in tab.shown, f"listed: {list(tab.shown)}"
