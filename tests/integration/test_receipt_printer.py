"""The thermal receipt printer, printed to for real: a TCP printer on loopback that records the
bytes of each job (tests/harness/fake_printer.py)."""

import socket
import subprocess
import sys
import threading
from datetime import UTC, date, datetime

import httpx
import pytest

from pos_app.domain.basket import LineItem
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.printer_address import PrinterAddress, parse_printer
from pos_app.domain.returns import ReturnMethod
from pos_app.printing.print_queue import PrintQueue, PrintResult
from pos_app.printing.ticket import pair
from pos_app.settings.printer_settings import PrinterSettings
from pos_app.settings.terminal_config import Settings, ShopSettings
from pos_app.store.returns import Return, ReturnedLine
from pos_app.store.sales import Tender
from pos_app.till.receipt_printer import ReceiptPrinter, open_receipt_printer
from pos_app.till.receipts import ReceiptData
from pos_app.till.return_receipts import Payback
from pos_app.till.returns import ReturnDesk
from pos_app.till.terminal import open_terminal
from tests.harness.fake_printer import (
    CUT,
    DRAWER_PULSE,
    PAPER_OK,
    PAPER_STATUS_QUERY,
    fake_printer,
    printed_rows,
)

WAIT = 10.0
COLUMNS = {58: 32, 80: 48}


def receipt(**changes: object) -> ReceiptData:
    fields: dict[str, object] = {
        "shop_name": "Toko Makmur",
        "shop_address": "Jl. Merdeka 17\nBandung",
        "lines": (
            LineItem("IDM-GRG", "Indomie Goreng", 3_500, 4),
            LineItem("KOP-001", "Kopi Kapal Api Special Mix 10 sachet isi ulang", 14_000, 1),
        ),
        "total": 28_000,
        "tender": Tender.CASH,
        "paid_at": datetime(2025, 1, 31, 7, 5, tzinfo=UTC),
        "received": 50_000,
        "change": 22_000,
        "receipt_number": "T1-20250131-0007",
        "cashier": "Sari",
        "terminal_id": "T1",
        "business_date": date(2025, 1, 31),
    }
    return ReceiptData(**(fields | changes))  # type: ignore[arg-type]


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as server:
        return int(server.getsockname()[1])


def address(port: int) -> PrinterAddress:
    return parse_printer(f"tcp://127.0.0.1:{port}")


def results_of(printer: ReceiptPrinter) -> list[PrintResult]:
    results: list[PrintResult] = []
    printer.subscribe(results.append)
    return results


@pytest.mark.parametrize("width", [58, 80])
def test_a_cash_sale_opens_the_drawer_then_prints_its_receipt_to_the_roll(width: int) -> None:
    columns = COLUMNS[width]
    with fake_printer() as device:
        printer = open_receipt_printer(
            PrinterSettings(device.address, width=width, auto_print=True, drawer=True)
        )
        assert printer is not None
        printer.sale_completed(receipt())
        pulse, job = device.wait_for_jobs(2, WAIT)
        assert printer.close(WAIT)
    assert pulse.count(DRAWER_PULSE) == 1 and CUT not in pulse
    assert PAPER_STATUS_QUERY not in pulse, "a drawer opens whatever the paper"
    assert DRAWER_PULSE not in job
    assert job.index(PAPER_STATUS_QUERY) < job.index(b"Toko Makmur")
    assert job.endswith(CUT + b"\x00"), "the paper is cut at the end"
    assert b"\x1bt\x02" in job, "CP850 is chosen before the text"
    rows = printed_rows(job)
    assert all(len(row) <= columns for row in rows), rows
    assert rows[0].strip() == "Toko Makmur" and rows[1].strip() == "Jl. Merdeka 17"
    assert "  4 × Rp 3.500".ljust(columns - len("Rp 14.000")) + "Rp 14.000" in rows
    assert "TOTAL".ljust(columns - len("Rp 28.000")) + "Rp 28.000" in rows
    assert "Change".ljust(columns - len("Rp 22.000")) + "Rp 22.000" in rows
    assert "Paid by".ljust(columns - len("Cash")) + "Cash" in rows
    assert "Receipt no.".ljust(columns - 16) + "T1-20250131-0007" in rows
    assert rows[-1].strip() == "Terima kasih / Thank you"
    assert "COPY" not in "".join(rows)
    assert any(row.startswith("Kopi Kapal Api") for row in rows), "a long name wraps"


def test_a_qr_sale_never_opens_the_drawer() -> None:
    with fake_printer() as device:
        printer = open_receipt_printer(
            PrinterSettings(device.address, auto_print=True, drawer=True)
        )
        assert printer is not None
        printer.sale_completed(
            receipt(tender=Tender.QR, wallet="DOKU Wallet", received=None, change=None)
        )
        (job,) = device.wait_for_jobs(1, WAIT)
        assert printer.close(WAIT)
        assert device.jobs == [job]
    assert DRAWER_PULSE not in job
    assert "Paid by".ljust(48 - len("DOKU Wallet")) + "DOKU Wallet" in printed_rows(job)


def test_without_auto_print_a_cash_sale_only_opens_the_drawer_and_a_reprint_says_copy() -> None:
    with fake_printer() as device:
        printer = open_receipt_printer(
            PrinterSettings(device.address, width=58, auto_print=False, drawer=True)
        )
        assert printer is not None
        printer.sale_completed(receipt())
        printer.print_receipt(receipt(copy=True))
        pulse, copy = device.wait_for_jobs(2, WAIT)
        assert printer.close(WAIT)
    assert pulse.count(DRAWER_PULSE) == 1 and b"Toko" not in pulse
    assert DRAWER_PULSE not in copy
    rows = printed_rows(copy)
    assert rows[0].strip() == "COPY" and rows[-1].strip() == "COPY"


def test_a_control_character_in_a_name_is_printed_as_a_space_never_as_a_command() -> None:
    """A product stored with an ESC in its name (imported before such names were refused),
    or a shop name pasted with one: ESC p is the drawer's pulse, GS V the cut."""
    with fake_printer() as device:
        printer = open_receipt_printer(
            PrinterSettings(device.address, auto_print=True, drawer=True)
        )
        assert printer is not None
        printer.print_receipt(
            receipt(
                shop_name="Toko\x1dV\x00Makmur",
                lines=(LineItem("KOP-1", "Kopi\x1bp\x00\x19\x19 Susu", 28_000, 1),),
            )
        )
        (job,) = device.wait_for_jobs(1, WAIT)
        assert printer.close(WAIT)
    assert DRAWER_PULSE not in job and job.count(CUT) == 1
    rows = printed_rows(job)
    assert rows[0].strip() == "Toko V Makmur" and "Kopi p    Susu" in rows


def test_a_character_the_code_page_lacks_prints_as_its_look_alike() -> None:
    """A name typed on a phone (a curly apostrophe, a Vietnamese vowel, a thin space, a
    zero-width joiner) printed as "?" where a plain letter or a space was meant."""
    with fake_printer() as device:
        printer = open_receipt_printer(PrinterSettings(device.address, auto_print=True))
        assert printer is not None
        printer.print_receipt(
            receipt(lines=(LineItem("PHO-1", "Phở\u2009Bò\u200d – Kid’s “Besar”", 28_000, 1),))
        )
        (job,) = device.wait_for_jobs(1, WAIT)
        assert printer.close(WAIT)
    assert any(row.startswith('Pho Bò - Kid\'s "Besar"') for row in printed_rows(job))


def test_without_a_drawer_nothing_pulses() -> None:
    with fake_printer() as device:
        printer = open_receipt_printer(PrinterSettings(device.address, drawer=False))
        assert printer is not None
        printer.sale_completed(receipt())
        printer.cash_moved()
        (job,) = device.wait_for_jobs(1, WAIT)
        assert printer.close(WAIT)
        assert len(device.jobs) == 1
    assert DRAWER_PULSE not in job


def test_an_unreachable_printer_keeps_the_receipt_to_print_later() -> None:
    port = free_port()
    printer = open_receipt_printer(PrinterSettings(address(port), auto_print=True, drawer=True))
    assert printer is not None
    results = results_of(printer)
    printer.sale_completed(receipt())
    assert printer.queue.wait_until_idle(WAIT)
    pulse, kept = results
    assert pulse.error is not None and kept.error is not None
    assert "cannot be reached" in str(kept.error) and f"127.0.0.1:{port}" in str(kept.error)
    assert [job.what.english() for job in printer.queue.kept] == ["receipt T1-20250131-0007"]
    assert kept.kept == 1, "the receipt waits; the drawer's pulse is not repeated late"
    with fake_printer(port) as device:
        assert printer.print_kept() == 1
        (job,) = device.wait_for_jobs(1, WAIT)
        assert printer.close(WAIT)
    assert DRAWER_PULSE not in job and "Toko Makmur" in printed_rows(job)[0]
    assert printer.queue.kept == () and results[-1].error is None


def test_out_of_paper_keeps_the_receipt_and_still_opens_the_drawer() -> None:
    with fake_printer() as device:
        device.paper = False
        printer = open_receipt_printer(PrinterSettings(device.address, drawer=True))
        assert printer is not None
        results = results_of(printer)
        printer.sale_completed(receipt())
        assert printer.queue.wait_until_idle(WAIT)
        pulse, job = device.wait_for_jobs(2, WAIT)
        assert DRAWER_PULSE in pulse
        assert job == PAPER_STATUS_QUERY, "nothing is printed on a printer without paper"
        assert results[1].error is not None and "out of paper" in str(results[1].error)
        device.paper = True
        printer.print_kept()
        printed = device.wait_for_jobs(3, WAIT)[2]
        assert printer.close(WAIT)
    assert "Toko Makmur" in printed_rows(printed)[0]


class HangingUpPrinter:
    """A network printer on loopback that takes each connection, reads the paper question and
    hangs up without answering (a reset, a power cut): nothing sent after that is printed."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._server.accept()
            except OSError:
                return
            self.connections += 1
            with connection:
                connection.recv(65536)

    def close(self) -> None:
        self._server.close()


def test_a_printer_that_hangs_up_instead_of_answering_keeps_the_receipt() -> None:
    """Its empty answer is the connection's end, not a printer too simple to answer: the
    receipt sent into it would be lost, yet counted printed."""
    device = HangingUpPrinter()
    try:
        printer = open_receipt_printer(PrinterSettings(address(device.port), auto_print=True))
        assert printer is not None
        results = results_of(printer)
        printer.print_receipt(receipt())
        assert printer.queue.wait_until_idle(WAIT)
        assert printer.close(WAIT)
    finally:
        device.close()
    assert device.connections == 1
    (result,) = results
    assert result.error is not None
    assert str(result.error) == (
        f"The receipt printer tcp://127.0.0.1:{device.port} stopped answering: "
        "it closed the connection"
    )
    assert [job.what.english() for job in printer.queue.kept] == ["receipt T1-20250131-0007"]
    assert result.kept == 1


class AnswersThenHangsUp:
    """A network "printer" on loopback that takes each connection, reads the paper question,
    answers it with ``answer`` and hangs up: a printer whose power goes just then, a print server
    that drops a second client, another service on the port (an HTTP 400). The answer and the
    close leave in one segment (TCP_CORK), so they arrive together, as they can on a network."""

    def __init__(self, answer: bytes) -> None:
        self.answer = answer
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._server.accept()
            except OSError:
                return
            self.connections += 1
            with connection:
                connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)
                connection.recv(65536)
                connection.sendall(self.answer)

    def close(self) -> None:
        self._server.close()


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        pytest.param(PAPER_OK, "stopped answering: it closed the connection", id="paper-ok"),
        pytest.param(
            b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n",
            "is not a receipt printer",
            id="not-a-printer",
        ),
    ],
)
def test_a_printer_that_answers_then_hangs_up_keeps_the_receipt(answer: bytes, why: str) -> None:
    """Only an empty answer was taken for the close: with an answer read first, "has paper"
    (or an answer no printer gives) sent the receipt into the closed connection, counted it
    printed and kept nothing, so the cashier was never told and it was never printed again."""
    device = AnswersThenHangsUp(answer)
    try:
        printer = open_receipt_printer(PrinterSettings(address(device.port), auto_print=True))
        assert printer is not None
        results = results_of(printer)
        printer.print_receipt(receipt())
        assert printer.queue.wait_until_idle(WAIT)
        assert printer.close(WAIT)
    finally:
        device.close()
    assert device.connections == 1
    (result,) = results
    assert result.error is not None, "a receipt sent into a closed connection counted printed"
    assert f"tcp://127.0.0.1:{device.port}" in str(result.error) and why in str(result.error)
    assert [job.what.english() for job in printer.queue.kept] == ["receipt T1-20250131-0007"]
    assert result.kept == 1


def test_a_receipt_asked_for_again_prints_as_a_copy() -> None:
    """Printed by itself after the sale, then "Receipt printer" on the receipt shown, twice: one
    original only, so a second cannot pass for a second purchase."""
    with fake_printer() as device:
        printer = open_receipt_printer(PrinterSettings(device.address, width=58, auto_print=True))
        assert printer is not None
        printer.sale_completed(receipt())
        printer.print_receipt(receipt())
        printer.print_receipt(receipt())
        jobs = device.wait_for_jobs(3, WAIT)
        assert printer.close(WAIT)
    first, *again = (printed_rows(job) for job in jobs)
    assert first[0].strip() == "Toko Makmur" and "COPY" not in "".join(first)
    for rows in again:
        assert rows[0].strip() == "COPY" and rows[-1].strip() == "COPY", rows
        assert rows[1:-1] == first


def test_a_job_waits_in_the_queue_while_the_printer_is_slow() -> None:
    """submit() returns at once whatever the printer does: the counter never waits for it."""
    release = threading.Event()
    printed: list[bytes] = []

    def slow_send(data: bytes, paper: bool) -> None:
        release.wait(WAIT)
        printed.append(data)

    queue = PrintQueue(slow_send)
    printer = ReceiptPrinter(PrinterSettings(address(9100)), queue)
    printer.sale_completed(receipt())
    assert not queue.wait_until_idle(0.05) and printed == []
    release.set()
    assert queue.close(WAIT) and len(printed) == 1


@pytest.mark.parametrize("width", [58, 80])
def test_printer_test_command_prints_the_test_page(width: int, tmp_path) -> None:
    with fake_printer() as device:
        config = tmp_path / "kasir.toml"
        config.write_text('[shop]\nname = "Toko Makmur"\n', encoding="utf-8")
        finished = subprocess.run(
            [
                sys.executable,
                "-m",
                "pos_app",
                "printer",
                "test",
                "--printer",
                f"tcp://127.0.0.1:{device.port}",
                "--width",
                str(width),
                "--config",
                str(config),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert finished.returncode == 0, finished.stderr
        (job,) = device.wait_for_jobs(1, WAIT)
    rows = printed_rows(job)
    ruler = "".join(str(index % 10) for index in range(1, COLUMNS[width] + 1))
    assert rows.count(ruler) == 2 and "Toko Makmur" in rows[1]
    assert f"{width} mm roll, {COLUMNS[width]} characters a line" in rows
    assert "àáâäçèéêëìíîïñòóôöùúûü ÀÉÑÖÜ" in rows, "CP850 carries the Latin-1 letters"
    assert job.endswith(b"\x1dV\x00")


def test_printer_test_command_names_an_unreachable_printer() -> None:
    port = free_port()
    finished = subprocess.run(
        [
            sys.executable,
            "-m",
            "pos_app",
            "printer",
            "test",
            "--printer",
            f"tcp://127.0.0.1:{port}",
            "--width",
            "58",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 1
    assert f"tcp://127.0.0.1:{port} cannot be reached" in finished.stderr


def cash_sale_returned(
    tmp_path, device, *, width: int = 80, auto_print: bool = True, reason: str = "rusak"
) -> str:
    """A demo till with a printer at ``device``: a cash sale of 2 Indomie, one returned for
    ``reason``; its receipt number."""
    printing = PrinterSettings(device.address, width=width, auto_print=auto_print, drawer=True)
    terminal = open_terminal(Settings(printer=printing), tmp_path / "demo.db", demo=True)
    try:
        checkout = terminal.checkout
        sale_id = checkout.open_sale((LineItem("MIE-001", "Indomie", 3_500, 2),), cashier="Ani")
        sale = checkout.pay_cash(sale_id, 10_000)
        assert terminal.printer is not None and terminal.printer.queue.wait_until_idle(WAIT)
        assert device.jobs == [], "the checkout leaves printing to the counter"
        desk = ReturnDesk(terminal, "Demo Kasir")
        returnable = desk.find(sale.receipt_number or "")
        desk.make_return(
            returnable.sale_id,
            {returnable.lines[0].line_no: 1},
            method=ReturnMethod.CASH,
            manager="Demo Manajer",
            pin="9999",
            reason=reason,
        )
        assert terminal.printer.queue.wait_until_idle(WAIT)
    finally:
        terminal.close()
    return sale.receipt_number or ""


@pytest.mark.parametrize("width", [58, 80])
def test_a_cash_return_opens_the_drawer_once_then_prints_its_return_receipt(
    tmp_path, width: int
) -> None:
    columns = COLUMNS[width]
    with fake_printer() as device:
        number = cash_sale_returned(tmp_path, device, width=width)
        pulse, job = device.wait_for_jobs(2, WAIT)
        assert len(device.jobs) == 2
    assert pulse.count(DRAWER_PULSE) == 1 and CUT not in pulse
    assert DRAWER_PULSE not in job and job.endswith(CUT + b"\x00")
    rows = printed_rows(job)
    assert all(len(row) <= columns for row in rows), rows
    assert rows[0].strip() == "RETURN" and rows[-1].strip() == "RETURN"
    assert rows[1].strip() == "Toko Demo Kasir"
    for label, value in (
        ("Original receipt", number),
        ("Approved by", "Demo Manajer"),
        ("Cashier", "Demo Kasir"),
        ("1 × Indomie", "-Rp 3.500"),
        ("TOTAL RETURNED", "-Rp 3.500"),
        ("Paid back", "Cash"),
        ("Reason", "rusak"),
    ):
        assert pair(label, value, columns) in "\n".join(rows), (label, rows)


def test_a_58mm_return_slip_keeps_a_reason_typed_with_an_ellipsis_on_its_row(tmp_path) -> None:
    """A reason typed on a phone ("…", printed as three dots) was measured as one column: the
    row came out two too wide and broke the reason off its label."""
    with fake_printer() as device:
        cash_sale_returned(tmp_path, device, width=58, reason="kemasan bocor…")
        _pulse, job = device.wait_for_jobs(2, WAIT)
    rows = printed_rows(job)
    assert all(len(row) <= 32 for row in rows), rows
    assert "Reason          kemasan bocor..." in rows, rows


def test_a_wallet_returns_slip_says_its_money_is_on_its_way_not_paid_back(tmp_path) -> None:
    """The slip prints as soon as ecommpay takes the payout, which says only that the request
    arrived; the payout's callback then declines it (the test project's declining amount; in a
    shop, a mistyped wallet number), and the return is owed again. The customer's slip says what
    is to be paid back and that it waits for ecommpay: never "Paid back", nor a TOTAL RETURNED."""
    with fake_printer() as device:
        printing = PrinterSettings(device.address, width=80, auto_print=True, drawer=True)
        terminal = open_terminal(Settings(printer=printing), tmp_path / "demo.db", demo=True)
        try:
            checkout, relay = terminal.checkout, terminal.relay
            assert terminal.embedded is not None and relay is not None
            lines = (LineItem("PEN-001", "Pena", 400, 1),)  # 40000 minor units: declined
            sale_id = checkout.open_sale(lines, cashier="Demo Kasir")
            attempt = checkout.start_qr_payment(sale_id)
            url = f"{terminal.embedded.sandbox.url}/_sandbox/pay/{attempt.invoice_number}"
            httpx.post(url, timeout=WAIT).raise_for_status()
            checkout.check_status(attempt.invoice_number)
            desk = ReturnDesk(terminal, "Demo Kasir")
            returnable = desk.find(terminal.store.sales.get(sale_id).receipt_number or "")
            outcome = desk.make_return(
                returnable.sale_id,
                {returnable.lines[0].line_no: 1},
                method=ReturnMethod.WALLET,
                manager="Demo Manajer",
                pin="9999",
                account_number="081234567890",
                customer_name="Ani",
            )
            assert outcome.refund is not None
            assert outcome.refund.status is RefundStatus.PENDING, "ecommpay only took it"
            (slip,) = device.wait_for_jobs(1, WAIT)
            refunds = terminal.store.refunds
            for _ in range(20):
                if refunds.get(outcome.refund.payout_id).status is not RefundStatus.PENDING:
                    break
                relay.poll(checkout, wait=5)
            assert refunds.get(outcome.refund.payout_id).status is RefundStatus.DECLINED
        finally:
            terminal.close()
        assert device.jobs == [slip], "no drawer for a payout"
    text = "\n".join(printed_rows(slip))
    assert pair("TO BE PAID BACK", "-Rp 400", 48) in text, text
    said = "Paying back DOKU Wallet (payout), pending ecommpay's confirmation"
    assert said in " ".join(text.split()), text
    assert pair("Payout", outcome.refund.payout_id, 48) in text, text
    assert "Paid back" not in text and "TOTAL RETURNED" not in text, text


def test_without_auto_print_a_cash_return_only_opens_the_drawer(tmp_path) -> None:
    with fake_printer() as device:
        cash_sale_returned(tmp_path, device, auto_print=False)
        (pulse,) = device.wait_for_jobs(1, WAIT)
        assert len(device.jobs) == 1
    assert pulse.count(DRAWER_PULSE) == 1 and CUT not in pulse


def kopi_returned(method: ReturnMethod) -> Return:
    """One Kopi Kapal Api of receipt T1-20250131-0007 given back by ``method``."""
    return Return(
        id=7,
        sale_id=3,
        receipt_number="T1-20250131-0007",
        method=method,
        amount=14_000,
        lines=(ReturnedLine(2, "KOP-001", "Kopi Kapal Api", 1, 14_000),),
        terminal_id="T1",
        cashier="Sari",
        approved_by="Budi",
        created_at=datetime(2025, 1, 31, 9, 0, tzinfo=UTC),
        business_date=date(2025, 1, 31),
    )


def test_a_return_refunded_outside_kasir_prints_without_opening_the_drawer() -> None:
    returned = kopi_returned(ReturnMethod.OUTSIDE)
    shop = ShopSettings("Toko Makmur", "Jl. Merdeka 17\nBandung")
    with fake_printer() as device:
        printer = open_receipt_printer(
            PrinterSettings(device.address, width=58, auto_print=True, drawer=True)
        )
        assert printer is not None
        printer.return_made(returned, shop, time_zone="Asia/Jakarta", payback=Payback.PAID)
        (job,) = device.wait_for_jobs(1, WAIT)
        assert printer.close(WAIT)
        assert device.jobs == [job]
    assert DRAWER_PULSE not in job
    rows = printed_rows(job)
    assert [row.strip() for row in rows[1:4]] == ["Toko Makmur", "Jl. Merdeka 17", "Bandung"]
    assert "Time".ljust(32 - 16) + "31/01/2025 16:00" in rows, "in the shop's time zone"
    assert "Paid back Refunded outside Kasir" in rows and "Return".ljust(30) + "#7" in rows


def test_the_terminal_starts_without_python_escpos() -> None:
    """Importing python-escpos takes about a second: only a print loads it, off the GUI thread."""
    code = "import sys, pos_app.gui.app, pos_app.till.terminal; print('escpos' in sys.modules)"
    finished = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert finished.stdout.strip() == "False"
