"""The thermal receipt printer at the counter, end to end: a demo terminal set up with a network
printer that is a TCP server on loopback recording each job's bytes
(tests/harness/fake_printer.py)."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from pos_app.clients.relay_client import RelayClient
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.printer_address import parse_printer
from pos_app.domain.returns import ReturnMethod
from pos_app.gui.cash_dialog import CashDialog
from pos_app.gui.receipt import ReceiptDialog
from pos_app.gui.return_dialog import ReturnDialog, ReturnReceiptDialog
from pos_app.payments.model import AttemptState
from pos_app.settings.printer_settings import PrinterSettings
from pos_app.settings.terminal_config import Settings
from pos_app.store.sales import Tender
from pos_app.till.returns import ReturnDesk
from pos_app.till.terminal import Terminal, open_terminal
from tests.gui.back_office_helpers import signed_in
from tests.gui.e2e import (
    GORENG,
    WAIT_MS,
    dead_port,
    open_payment,
    press,
    sandbox,
    scan,
    sign_in,
    wait_state,
)
from tests.gui.helpers import wait_for_modal
from tests.gui.test_returns import qr_sale, returned
from tests.harness.fake_printer import (
    CUT,
    DRAWER_PULSE,
    FakePrinter,
    fake_printer,
    printed_rows,
)

WAIT = WAIT_MS / 1000


@pytest.fixture
def printing_terminal(tmp_path: Path) -> Iterator[Callable[[int], Terminal]]:
    """A demo terminal whose receipt printer is at ``tcp://127.0.0.1:PORT`` (58 mm, printing by
    itself, a drawer on it)."""
    opened: list[Terminal] = []

    def open_with(port: int) -> Terminal:
        address = parse_printer(f"tcp://127.0.0.1:{port}")
        printer = PrinterSettings(address, width=58, auto_print=True, drawer=True)
        terminal = open_terminal(Settings(printer=printer), tmp_path / "demo.db", demo=True)
        opened.append(terminal)
        return terminal

    yield open_with
    for terminal in opened:
        terminal.close()


def printed(qtbot, device: FakePrinter, count: int) -> list[bytes]:
    """The first ``count`` jobs, once printed; the GUI's events go on meanwhile (the jobs are
    submitted from the GUI thread)."""
    qtbot.waitUntil(lambda: len(device.jobs) >= count, timeout=WAIT_MS)
    return device.jobs[:count]


def pay_cash(qtbot, received: str) -> ReceiptDialog:
    press(qtbot, Qt.Key.Key_F9)
    cash = wait_for_modal(qtbot, CashDialog)
    qtbot.keyClicks(cash.received_input, received)
    qtbot.keyClick(cash.received_input, Qt.Key.Key_Return)
    return wait_for_modal(qtbot, ReceiptDialog)


def test_a_cash_sale_opens_the_drawer_and_prints_and_a_qr_sale_only_prints(
    qtbot, printing_terminal, start_app_on
) -> None:
    with fake_printer() as device:
        terminal = printing_terminal(device.port)
        app = start_app_on(terminal)
        sign_in(qtbot, app)
        scan(qtbot, app, "2*" + GORENG)
        receipt = pay_cash(qtbot, "10.000")
        pulse, cash_receipt = printed(qtbot, device, 2)
        sale = terminal.store.sales.get(1)
        assert sale.tender is Tender.CASH and sale.status is SaleStatus.COMPLETED
        assert DRAWER_PULSE in pulse and DRAWER_PULSE not in cash_receipt
        rows = printed_rows(cash_receipt)
        assert "  2 × Rp 3.500".ljust(32 - len("Rp 7.000")) + "Rp 7.000" in rows
        assert "Change".ljust(32 - len("Rp 3.000")) + "Rp 3.000" in rows
        assert any(row.endswith(sale.receipt_number) for row in rows)
        assert cash_receipt.endswith(CUT + b"\x00")
        receipt.reject()
        qtbot.waitUntil(lambda: app.window.panel.input.hasFocus())

        scan(qtbot, app, GORENG)
        payment = open_payment(qtbot, app)
        sandbox(terminal, "pay", payment.attempt.invoice_number)
        wait_state(qtbot, payment, AttemptState.PAID)
        jobs = printed(qtbot, device, 3)
        qr_sale = terminal.store.sales.get(payment.attempt.sale_id)
        assert qr_sale.tender is Tender.QR
        assert any(row.endswith(qr_sale.receipt_number) for row in printed_rows(jobs[2]))
        assert terminal.printer is not None and terminal.printer.queue.wait_until_idle(WAIT)
        assert len(device.jobs) == 3 and DRAWER_PULSE not in jobs[2], "a QR sale opens no drawer"
        qtbot.keyClick(payment.dialog, Qt.Key.Key_Return)
        copy = wait_for_modal(qtbot, ReceiptDialog)
        assert copy.thermal_button.isVisible()
        copy.reject()

        press(qtbot, Qt.Key.Key_F8)
        again = wait_for_modal(qtbot, ReceiptDialog)
        again.thermal_button.click()
        reprint = printed(qtbot, device, 4)[3]
        assert printed_rows(reprint)[0].strip() == "COPY" and DRAWER_PULSE not in reprint
        again.reject()


def test_the_receipt_printer_button_after_a_sale_prints_a_copy_not_a_second_original(
    qtbot, printing_terminal, start_app_on
) -> None:
    """The receipt printed by itself after a cash sale; "Receipt printer" on the receipt shown
    prints it again marked COPY, which cannot pass for a second purchase."""
    with fake_printer() as device:
        terminal = printing_terminal(device.port)
        app = start_app_on(terminal)
        sign_in(qtbot, app)
        scan(qtbot, app, "2*" + GORENG)
        receipt = pay_cash(qtbot, "10.000")
        original = printed_rows(printed(qtbot, device, 2)[1])
        assert "COPY" not in "".join(original)
        assert receipt.thermal_button.isVisible()
        receipt.thermal_button.click()
        again = printed_rows(printed(qtbot, device, 3)[2])
        receipt.reject()
    assert again[0].strip() == "COPY" and again[-1].strip() == "COPY", again
    assert again[1:-1] == original


def test_an_unreachable_printer_holds_nothing_up_and_keeps_the_receipt(
    qtbot, printing_terminal, start_app_on
) -> None:
    port = dead_port()
    terminal = printing_terminal(port)
    app = start_app_on(terminal)
    sign_in(qtbot, app)
    scan(qtbot, app, GORENG)
    receipt = pay_cash(qtbot, "5.000")
    sale = terminal.store.sales.get(1)
    assert sale.status is SaleStatus.COMPLETED, "the sale does not wait for the printer"
    status = app.controller.printer_status
    assert status is not None
    # The drawer's failure comes first; the receipt's notice follows it.
    qtbot.waitUntil(
        lambda: f"receipt {sale.receipt_number}" in app.window.notice.text(), timeout=WAIT_MS
    )
    assert "cannot be reached" in app.window.notice.text()
    assert status.button.isVisible() and status.button.text() == "Print kept receipts (1)"
    receipt.reject()
    qtbot.waitUntil(lambda: app.window.panel.input.hasFocus())
    scan(qtbot, app, GORENG)
    assert len(app.window.basket_model.basket) == 1, "the counter carries on"

    with fake_printer(port) as device:
        qtbot.mouseClick(status.button, Qt.MouseButton.LeftButton)
        (job,) = printed(qtbot, device, 1)
        assert any(row.endswith(sale.receipt_number) for row in printed_rows(job))
        assert DRAWER_PULSE not in job, "a receipt printed late opens no drawer"
        qtbot.waitUntil(lambda: not status.button.isVisible(), timeout=WAIT_MS)


def test_open_drawer_is_the_managers_and_audited(qtbot, printing_terminal, start_app_on) -> None:
    with fake_printer() as device:
        terminal = printing_terminal(device.port)
        app = start_app_on(terminal)
        sign_in(qtbot, app)
        window = signed_in(qtbot, app)
        assert window.drawer_button.isVisible()
        qtbot.mouseClick(window.drawer_button, Qt.MouseButton.LeftButton)
        (pulse,) = printed(qtbot, device, 1)
        assert pulse.count(DRAWER_PULSE) == 1 and CUT not in pulse
        qtbot.waitUntil(lambda: window.drawer_button.isEnabled(), timeout=WAIT_MS)
        entry = terminal.store.audit.recent(1)[0]
        assert (entry.actor, entry.action) == ("Demo Manajer", "drawer.open")
        window.close()


def test_without_a_drawer_there_is_no_open_drawer(qtbot, start_app) -> None:
    app = start_app()
    sign_in(qtbot, app)
    window = signed_in(qtbot, app)
    assert not window.drawer_button.isVisible()
    with pytest.raises(ValidationError, match="no cash drawer"):
        window.office.open_drawer()
    assert "drawer.open" not in [entry.action for entry in app.terminal.store.audit.recent()]
    window.close()


def test_a_cash_return_opens_the_drawer_once_and_prints_its_receipt_again_on_request(
    qtbot, printing_terminal, start_app_on
) -> None:
    with fake_printer() as device:
        terminal = printing_terminal(device.port)
        app = start_app_on(terminal)
        sign_in(qtbot, app)
        scan(qtbot, app, "2*" + GORENG)
        pay_cash(qtbot, "10.000").reject()
        printed(qtbot, device, 2)  # the sale's pulse and receipt
        number = terminal.store.sales.get(1).receipt_number
        assert number is not None

        press(qtbot, Qt.Key.Key_F3)
        dialog = wait_for_modal(qtbot, ReturnDialog)
        qtbot.keyClicks(dialog.receipt, number)
        qtbot.keyClick(dialog.receipt, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.lines.rowCount() == 1, timeout=WAIT_MS)
        dialog.lines.cellWidget(0, 3).setValue(1)
        qtbot.waitUntil(lambda: dialog.manager.count() > 0, timeout=WAIT_MS)
        dialog.manager.setCurrentText("Demo Manajer")
        qtbot.keyClicks(dialog.pin, "9999")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
        receipt = wait_for_modal(qtbot, ReturnReceiptDialog)
        pulse, slip = printed(qtbot, device, 4)[2:]
        assert pulse.count(DRAWER_PULSE) == 1 and CUT not in pulse
        rows = printed_rows(slip)
        assert rows[0].strip() == "RETURN" and rows[-1].strip() == "RETURN"
        assert "Paid back".ljust(32 - len("Cash")) + "Cash" in rows
        assert "Approved by".ljust(32 - len("Demo Manajer")) + "Demo Manajer" in rows
        assert number.rjust(32) in rows and DRAWER_PULSE not in slip

        assert receipt.thermal_button.isVisible()
        receipt.thermal_button.click()
        again = printed(qtbot, device, 5)[4]
        assert terminal.printer is not None and terminal.printer.queue.wait_until_idle(WAIT)
        assert len(device.jobs) == 5, "the drawer opened once"
        assert DRAWER_PULSE not in again
        again_rows = printed_rows(again)
        assert again_rows[0].strip() == "COPY" and again_rows[-1].strip() == "COPY", again_rows
        assert again_rows[1:-1] == rows, "the same slip, marked COPY: no second original"
        assert receipt.status.text() == "Sent to the receipt printer."
        receipt.reject()


def test_a_wallet_return_whose_payout_did_not_go_out_prints_no_slip_and_says_so(
    qtbot, printing_terminal
) -> None:
    """The payout never left, so no slip prints by itself (its items are to be returned again,
    in cash); the receipt shown offers no "Receipt printer" either, and says the money was not
    paid back rather than "Paid back DOKU Wallet"."""
    with fake_printer() as device:
        terminal = printing_terminal(device.port)
        assert terminal.payouts is not None and terminal.printer is not None
        terminal.payouts.relay = RelayClient("http://127.0.0.1:9", "token", timeout=1)
        desk = ReturnDesk(terminal, "Demo Kasir")
        outcome = returned(terminal, qr_sale(terminal), ReturnMethod.WALLET)
        assert outcome.payout_failed
        receipt = ReturnReceiptDialog(desk, outcome, None)
        qtbot.addWidget(receipt)
        receipt.show()
        qtbot.waitExposed(receipt)
        assert not receipt.thermal_button.isVisible()
        assert terminal.printer.queue.wait_until_idle(WAIT)
        assert device.jobs == []
    text = receipt.preview.toPlainText()
    assert "NOT PAID BACK\nRp 7.000" in text, text
    assert "TOTAL RETURNED" not in text and "Paid back" not in text, text
