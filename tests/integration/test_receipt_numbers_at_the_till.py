"""Receipt numbers as an accountant checks them: each printed number is one sale's (or one
return's), never given again nor changed, and a number printed a second time says COPY. Real
parts: a till's store, checkout and receipt printer (a TCP printer on loopback), a relay on
loopback and the till's uploads."""

import threading
from pathlib import Path

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay
from pos_app.domain.basket import LineItem
from pos_app.domain.returns import ReturnMethod
from pos_app.settings.printer_settings import PrinterSettings
from pos_app.settings.terminal_config import ShopSettings
from pos_app.store.returns import Return
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.receipt_printer import open_receipt_printer
from pos_app.till.return_receipts import Payback, return_sections
from pos_app.till.uploads import catch_up, reconcile
from tests.harness.fake_printer import fake_printer, printed_rows
from tests.integration.test_receipt_printer import kopi_returned
from tests.integration.test_restored_till import (
    D1,
    DAY,
    LINES,
    TOTAL,
    Clock,
    back_up,
    catch_up_events,
    checkout_for,
    local,
    lose_the_disk,
    qr_paid_after_the_backup,
    receipts_of,
    relay,  # noqa: F401  (the fixture)
)

WAIT = 10.0
TEH = (LineItem("TEH-001", "Teh Botol", 5000, 1),)


def test_sales_completed_at_once_on_two_threads_take_each_number_once(tmp_path: Path) -> None:
    """The counter (cash) and the relay watch (a QR paid) complete sales at the same moment,
    each on its own thread and connection: the day's numbers are 1 to n, each once."""
    store = TerminalStore(tmp_path / "T1.db", DAY)
    now = local("2026-11-21T10:00")
    per_thread = 20
    ids = [
        store.sales.create_sale(LINES, cashier="Sari", terminal_id="T1", now=now)
        for _ in range(2 * per_thread)
    ]
    start = threading.Barrier(2, timeout=WAIT)
    failures: list[BaseException] = []

    def complete(mine: list[int]) -> None:
        try:
            start.wait()
            for sale_id in mine:
                store.sales.complete_cash(sale_id, TOTAL, now)
        except BaseException as error:  # reported by the test's thread
            failures.append(error)
        finally:
            store.close()

    threads = [threading.Thread(target=complete, args=(ids[n::2],)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT)
    try:
        assert not failures and not any(thread.is_alive() for thread in threads), failures
        numbers = sorted(store.sales.get(sale_id).receipt_number or "" for sale_id in ids)
        assert numbers == [f"T1-20261121-{n:04}" for n in range(1, 2 * per_thread + 1)]
    finally:
        store.close()


def test_a_qr_sale_numbered_before_the_disk_died_keeps_its_number_once_restored(
    tmp_path: Path,
    relay: EmbeddedRelay,  # noqa: F811
) -> None:
    """Backed up while a QR sale waited; the payment came, the sale took T1-…-0002 and its
    receipt was printed; the day went to the relay; then the disk died. Restored, the payment
    handed again completes the sale once more, as T1-…-0003, and the upload (the relay sees the
    same rows by invoice, so it keeps no earlier part) replaces the shop's day: 0002, the
    number on the customer's receipt, is gone from the shop's file, which skips from 0001 to
    0003, and a return of that receipt finds no sale. The restored till now reads the numbers
    the shop's file gives its QR sales of the days it went back on, and the sale takes its own."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    clock = Clock("2026-11-21T10:00")
    restored = None
    try:
        qr, invoice, printed = qr_paid_after_the_backup(tmp_path, relay, client, clock)
        restored = TerminalStore(tmp_path / "T1.db", DAY)
        clock.set("2026-11-21T12:00")
        checkout = checkout_for(restored, client, clock)
        reconcile(restored, client, "T1")  # the relay watch looks first (gui/app.py)
        catch_up_events(checkout, client)
        checkout.pay_cash(checkout.open_sale(TEH, cashier="Budi"), 5000)
        catch_up(restored, client, "T1")

        assert restored.sales.get(qr).receipt_number == printed
        assert restored.returns.find_sale(printed) == qr
        assert receipts_of(client, D1) == {
            "T1-20261121-0001": f"cash {TOTAL}",
            "T1-20261121-0002": invoice,
            "T1-20261121-0003": "cash 5000",
        }
    finally:
        client.close()
        if restored is not None:
            restored.close()


def slip_number(returned: Return) -> str:
    """The number a return's slip prints (its first row: Return #n)."""
    [(_, heading), *_] = return_sections(returned, time_zone="Asia/Jakarta", payback=Payback.PAID)
    return heading[0][1]


def test_a_restored_till_gives_no_return_slip_number_a_second_time(
    tmp_path: Path,
    relay: EmbeddedRelay,  # noqa: F811
) -> None:
    """After the backup a return's slip was printed (the day's second) and the day went to the
    relay. Restored, the till went on from where the relay's file has the sale receipts but
    printed that slip's number again, for another customer's return: two slips, one number."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    store = TerminalStore(tmp_path / "T1.db", DAY)
    clock = Clock("2026-11-21T10:00")
    restored = None

    def cash_return(till: TerminalStore) -> Return:
        checkout = checkout_for(till, client, clock)
        sale = checkout.pay_cash(checkout.open_sale(LINES, cashier="Sari"), TOTAL)
        return till.returns.record(
            sale.id,
            {1: 1},
            method=ReturnMethod.CASH,
            terminal_id="T1",
            cashier="Sari",
            approved_by="Budi",
            now=clock(),
        )

    try:
        cash_return(store)
        catch_up(store, client, "T1")
        back_up(store, tmp_path / "backup.db")
        clock.set("2026-11-21T10:30")
        first = slip_number(cash_return(store))
        catch_up(store, client, "T1")
        store.close()

        lose_the_disk(tmp_path)
        restored = TerminalStore(tmp_path / "T1.db", DAY)
        clock.set("2026-11-21T12:00")
        reconcile(restored, client, "T1")
        assert slip_number(cash_return(restored)) != first
    finally:
        client.close()
        (restored or store).close()


def test_a_return_slip_asked_for_again_prints_as_a_copy() -> None:
    """Printed by itself once the return was written, then "Receipt printer" on the return's
    receipt: the second slip must say COPY, as a sale's receipt does."""
    returned = kopi_returned(ReturnMethod.CASH)
    shop = ShopSettings("Toko Makmur", "Jl. Merdeka 17")
    with fake_printer() as device:
        printer = open_receipt_printer(PrinterSettings(device.address, width=58, auto_print=True))
        assert printer is not None
        printer.return_made(returned, shop, time_zone="Asia/Jakarta", payback=Payback.PAID)
        printer.print_return(returned, shop, time_zone="Asia/Jakarta", payback=Payback.PAID)
        first, again = (printed_rows(job) for job in device.wait_for_jobs(2, WAIT))
        assert printer.close(WAIT)
    assert "COPY" not in "".join(first)
    assert "COPY" in "".join(again), again
