"""A till whose disk died, restored from a backup taken before it gave money back: what it gave
back since is in the relay's copy of those days only, and the restored till must not give it a
second time.

Real parts: a till's store, a relay on loopback, the till's uploads (as in
test_restored_till.py, whose helpers these are)."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay
from pos_app.demo.server_thread import ServerThread
from pos_app.domain.basket import LineItem
from pos_app.domain.cash_count import CashCount
from pos_app.domain.errors import ValidationError
from pos_app.domain.returns import ReturnMethod
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.reports.shift_report import shift_sections
from pos_app.reports.z_report import build_z_report
from pos_app.store.errors import StoreError
from pos_app.store.given_back import await_relay_read, relay_copy_read
from pos_app.store.payment_records import EventSource
from pos_app.store.problem_payments import list_problems
from pos_app.store.shifts import Shift
from pos_app.store.terminal_store import TerminalStore
from pos_app.store.uploads import UploadOutbox
from pos_app.till import uploads
from pos_app.till.problem_payments import attach
from pos_app.till.uploads import Uploader, catch_up, reconcile
from tests.harness.sandbox_process import running_sandbox
from tests.integration.test_restored_till import (  # noqa: F401
    D1,
    D2,
    DAY,
    Clock,
    MoneyBack,
    back_up,
    catch_up_events,
    checkout_for,
    local,
    lose_the_disk,
    pay,
    qr_sold,
    relay,
    returned,
    shop_money,
    sold,
)


def refund(
    store: TerminalStore,
    sale_id: int,
    when: str,
    invoice_number: str | None = None,
    settled: str = "paid",
) -> str:
    """A payout of Rp 5.000 for the sale (or its late payment ``invoice_number``), ``settled``."""
    payout = f"RFD-T1-{local(when):%H%M}"
    store.refunds.create(
        sale_id,
        payout,
        5000,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Bu Rina",
        now=local(when),
        invoice_number=invoice_number,
    )
    store.refunds.settle(payout, settled, now=local(when))
    return payout


@dataclass
class Till:
    """Till T1 on its database in ``folder``, uploading to the relay through ``client``."""

    folder: Path
    client: RelayClient
    store: TerminalStore
    relay: EmbeddedRelay

    def restore(self, *, read: bool = True) -> TerminalStore:
        """The disk dies; the till starts again on its backup and (``read``) reads what the
        relay holds."""
        self.store.close()
        lose_the_disk(self.folder)
        self.store = TerminalStore(self.folder / "T1.db", DAY)
        if read:
            reconcile(self.store, self.client, "T1")
        return self.store


@pytest.fixture
def till(tmp_path: Path, relay: EmbeddedRelay) -> Iterator[Till]:  # noqa: F811
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    made = Till(tmp_path, client, TerminalStore(tmp_path / "T1.db", DAY), relay)
    yield made
    client.close()
    made.store.close()


@pytest.mark.parametrize("method", ["cash", "wallet"])
def test_an_item_returned_after_the_backup_is_not_returned_again_on_the_restored_till(
    till: Till, tmp_path: Path, method: str
) -> None:
    """A QR sale of one item at Rp 5.000, uploaded and backed up; the item came back for
    Rp 5.000 in cash (or to the wallet, its payout paid), the day went to the relay, and the disk
    died. Restored, the till took the same item back again and gave Rp 5.000 a second time: the
    shop's file showed sales of -Rp 5.000 for a Rp 5.000 sale."""
    store, client = till.store, till.client
    sale_id, _ = qr_sold(store, "2026-11-21T10:00", 5000, 1)
    catch_up(store, client, "T1")
    back_up(store, tmp_path / "backup.db")
    payout = MoneyBack.PAYOUT if method == "wallet" else ""
    returned(store, sale_id, "2026-11-21T10:40", payout)
    if payout:
        store.refunds.settle(payout, "paid", now=local("2026-11-21T10:41"))
    catch_up(store, client, "T1")

    restored = till.restore()
    with pytest.raises(ValidationError, match="only 0 of 1 can still come back"):
        returned(restored, sale_id, "2026-11-21T11:30")
    assert restored.refunds.refundable(sale_id) == 0
    catch_up(restored, client, "T1")
    assert shop_money(client, D1, "sales", "total") == 0


def test_a_day_changed_as_often_since_the_restore_as_after_the_backup_is_read_before_money_back(
    till: Till, tmp_path: Path
) -> None:
    """A Rp 5.000 QR sale, uploaded and backed up; the item came back for Rp 5.000 in cash and
    the day went to the relay. Restored while the relay was out of reach, the till sold for
    Rp 3.000 in cash, which took its day to the revision the relay held: reading the relay read
    nothing of that day, and the item could come back for Rp 5.000 a second time. The relay
    answers the day's upload that it holds that revision with other files; the till then gives
    no money back until it has read its copy of the day."""
    store, client = till.store, till.client
    sale_id, _ = qr_sold(store, "2026-11-21T10:00", 5000, 1)
    catch_up(store, client, "T1")
    back_up(store, tmp_path / "backup.db")
    returned(store, sale_id, "2026-11-21T10:40")
    catch_up(store, client, "T1")

    restored = till.restore(read=False)
    sold(restored, "2026-11-21T11:00", 3000)
    reconcile(restored, client, "T1")  # the same revision: nothing of the day read
    catch_up(restored, client, "T1")  # the relay holds it with other files
    with pytest.raises(ValidationError, match="no money goes back until"):
        returned(restored, sale_id, "2026-11-21T11:30")

    reconcile(restored, client, "T1")
    with pytest.raises(ValidationError, match="only 0 of 1 can still come back"):
        returned(restored, sale_id, "2026-11-21T11:30")
    assert restored.refunds.refundable(sale_id) == 0
    catch_up(restored, client, "T1")
    assert shop_money(client, D1, "sales", "total") == 3000


def test_a_conflict_met_while_the_relay_is_read_keeps_money_back_waiting(
    till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The uploads and the relay's read run on two threads: a day the relay answered with a
    conflict while its copy was being read (of other days) is read too before money goes back."""
    store = till.store
    read_days = uploads.numbers_held

    def conflict_meanwhile(*args: object, **kwargs: object) -> uploads.HeldNumbers:
        numbers = read_days(*args, **kwargs)  # type: ignore[arg-type]
        UploadOutbox(store.repositories().db, DAY).mark_to_read(D1)  # as a conflict does
        await_relay_read(store.repositories().db)
        return numbers

    monkeypatch.setattr(uploads, "numbers_held", conflict_meanwhile)
    reconcile(store, till.client, "T1")
    assert not relay_copy_read(store.repositories().db)
    monkeypatch.undo()
    reconcile(store, till.client, "T1")
    assert relay_copy_read(store.repositories().db)


@pytest.mark.parametrize("reversed_", [0, 2000])
def test_a_sale_refunded_after_the_backup_has_only_what_came_back_left_to_refund_once_restored(
    till: Till, tmp_path: Path, reversed_: int
) -> None:
    """A Rp 5.000 QR sale, backed up, then refunded in full by a wallet payout, paid (and
    reversed by Rp 2.000: the customer is owed that again). Restored, the till offered the whole
    Rp 5.000 to refund a second time."""
    store, client = till.store, till.client
    sale_id, _ = qr_sold(store, "2026-11-21T10:00", 5000, 1)
    catch_up(store, client, "T1")
    back_up(store, tmp_path / "backup.db")
    payout = refund(store, sale_id, "2026-11-21T10:40")
    if reversed_:
        report = {"payment": {"id": payout, "type": "payout", "status": "reversed"}}
        left = 5000 - reversed_
        store.refunds.record_reversal(
            payout, report=report, now=local("2026-11-21T10:50"), left=left
        )
    catch_up(store, client, "T1")

    restored = till.restore()
    assert restored.refunds.refundable(sale_id) == reversed_
    with pytest.raises(ValidationError, match=r"more than sale \d+ has left to refund"):
        refund(restored, sale_id, "2026-11-21T11:30")


def test_a_late_payment_refunded_after_the_backup_is_not_refunded_listed_or_taken_once_restored(
    till: Till, tmp_path: Path
) -> None:
    """The customer paid a cancelled sale's QR (a late payment of Rp 5.000), the day was uploaded
    and backed up; a manager paid it back by a payout. Restored, the late payment was all there
    to refund again; once that was put right, it was still listed as late with nothing refunded,
    and attaching it completed the sale with Rp 5.000 of takings the shop had paid back."""
    store, client = till.store, till.client
    opened = local("2026-11-21T10:00")
    lines = (LineItem("KOPI-001", "Kopi Kapal Api", 5000, 1),)
    sale_id = store.sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=opened)
    invoice = store.payments.next_invoice_number("T1", opened)
    store.payments.create_attempt(sale_id, ProviderName.ECOMMPAY_PAGE, 5000, invoice, opened)
    store.sales.cancel(sale_id, now=opened)
    store.payments.record_status(
        invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=opened, amount=5000
    )
    catch_up(store, client, "T1")
    back_up(store, tmp_path / "backup.db")
    refund(store, sale_id, "2026-11-21T10:40", invoice_number=invoice)
    catch_up(store, client, "T1")

    restored = till.restore()
    assert restored.refunds.refundable(sale_id, invoice) == 0
    assert restored.refunds.refundable(sale_id) == 0
    db = restored.repositories().db
    assert [p for p in list_problems(db) if p.invoice_number == invoice] == []
    with pytest.raises(StoreError, match=r"Rp 5\.000 of payment \S+ was refunded before this till"):
        attach(db, invoice, sale_id, manager="Bu Rina", day=DAY, now=local("2026-11-21T11:00"))
    assert restored.sales.get(sale_id).status == "cancelled"


@pytest.mark.parametrize("money_back", ["return", "refund"])
def test_money_back_that_failed_and_was_made_again_after_the_backup_is_not_listed_once_restored(
    till: Till, tmp_path: Path, money_back: str
) -> None:
    """A Rp 5.000 QR sale; its item came back to the wallet (or the sale was refunded) by a
    payout that failed, and the day was backed up. Then the return was made again in cash (or
    the sale refunded again by a payout, paid), and the disk died. Restored, nothing was left to
    return or refund, yet the failed payout was listed as Rp 5.000 not paid back, with the advice
    to pay it another way: a second time."""
    store, client = till.store, till.client
    sale_id, _ = qr_sold(store, "2026-11-21T10:00", 5000, 1)
    if money_back == "return":
        failed = MoneyBack.PAYOUT
        returned(store, sale_id, "2026-11-21T10:10", failed)
        store.refunds.settle(failed, "failed", now=local("2026-11-21T10:11"))
    else:
        failed = refund(store, sale_id, "2026-11-21T10:10", settled="failed")
    catch_up(store, client, "T1")
    back_up(store, tmp_path / "backup.db")
    if money_back == "return":
        [first] = store.returns.returnable(sale_id).not_paid_back
        store.returns.record(
            sale_id,
            {1: 1},
            method=ReturnMethod.CASH,
            terminal_id="T1",
            cashier="Sari",
            approved_by="Bu Rina",
            now=local("2026-11-21T10:40"),
            redo_of=first.id,
        )
    else:
        refund(store, sale_id, "2026-11-21T10:40")
    assert [p for p in list_problems(store.repositories().db) if p.invoice_number == failed] == []
    catch_up(store, client, "T1")

    restored = till.restore()
    assert restored.refunds.refundable(sale_id) == 0
    db = restored.repositories().db
    assert [p for p in list_problems(db) if p.invoice_number == failed] == []
    assert restored.returns.returnable(sale_id).unpaid == ()


def test_a_restored_till_gives_no_money_back_until_it_has_read_the_relays_copy(
    till: Till, tmp_path: Path
) -> None:
    """Two items sold, one returned in cash after the backup. Restored while the relay is out of
    reach, the till cannot tell that it lacks that return: it takes no return and pays no refund
    until it has read the relay's copy of its days, and then takes back the other item only."""
    store, client = till.store, till.client
    sale_id, _ = qr_sold(store, "2026-11-21T10:00", 5000, 2)
    catch_up(store, client, "T1")
    back_up(store, tmp_path / "backup.db")
    returned(store, sale_id, "2026-11-21T10:40")
    catch_up(store, client, "T1")

    restored = till.restore(read=False)
    uploader = Uploader(restored, RelayClient("http://127.0.0.1:9", "a-token", timeout=1), "T1")
    assert not uploader.look()
    unread = "until this till has read the relay's copy of its days"
    with pytest.raises(ValidationError, match=unread):
        returned(restored, sale_id, "2026-11-21T11:30")
    with pytest.raises(ValidationError, match=unread):
        refund(restored, sale_id, "2026-11-21T11:31")

    uploader.relay.close()
    uploader.relay = client
    assert uploader.look()
    assert returned(restored, sale_id, "2026-11-21T11:40") == "T1-20261121-R0002"
    with pytest.raises(ValidationError, match="only 0 of 2 can still come back"):
        returned(restored, sale_id, "2026-11-21T11:50")


def test_a_till_whose_relay_cannot_say_what_it_holds_gives_money_back_once_it_asked(
    tmp_path: Path,
) -> None:
    """A relay of an older Kasir (here the sandbox, answering 404) keeps no days to read: once
    it has said so, the till takes returns as before, rather than wait for a read that cannot
    come."""
    store = TerminalStore(tmp_path / "T1.db", DAY)
    try:
        sale_id, _ = qr_sold(store, "2026-11-21T10:00", 5000, 1)
        with running_sandbox() as (url, _), RelayClient(url, "a-token") as client:
            assert Uploader(store, client, "T1").look()
        assert returned(store, sale_id, "2026-11-21T10:40") == "T1-20261121-R0001"
    finally:
        store.close()


def test_a_relay_answering_too_many_requests_is_asked_again_before_money_goes_back(
    tmp_path: Path,
) -> None:
    """A 429 (a proxy's, say) to the question which days the relay holds is no answer: the till
    gave no money back for the next 15 minutes, as if it had asked. It now asks again soon."""
    busy = Starlette(routes=[Route("/v1/days", lambda _: PlainTextResponse("busy", 429))])
    store = TerminalStore(tmp_path / "T1.db", DAY)
    try:
        sale_id, _ = qr_sold(store, "2026-11-21T10:00", 5000, 1)
        with ServerThread.of(busy) as server, RelayClient(server.url, "a-token") as client:
            assert not Uploader(store, client, "T1").look(), "not read: asked again soon"
        with pytest.raises(ValidationError, match="read the relay's copy"):
            returned(store, sale_id, "2026-11-21T10:40")
        with running_sandbox() as (url, _), RelayClient(url, "a-token") as client:
            assert Uploader(store, client, "T1").look()
        assert returned(store, sale_id, "2026-11-21T10:40") == "T1-20261121-R0001"
    finally:
        store.close()


def late_paid(store: TerminalStore, when: str) -> tuple[int, str]:
    """A Rp 5.000 sale whose QR payment came after it was cancelled: the sale and the late
    payment's invoice."""
    opened = local(when)
    lines = (LineItem("KOPI-001", "Kopi Kapal Api", 5000, 1),)
    sale_id = store.sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=opened)
    invoice = store.payments.next_invoice_number("T1", opened)
    store.payments.create_attempt(sale_id, ProviderName.ECOMMPAY_PAGE, 5000, invoice, opened)
    store.sales.cancel(sale_id, now=opened)
    store.payments.record_status(
        invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=opened, amount=5000
    )
    return sale_id, invoice


@pytest.mark.parametrize("to", ["its own sale", "another sale"])
def test_a_late_payment_attached_after_the_backup_is_not_refundable_once_restored(
    till: Till, tmp_path: Path, to: str
) -> None:
    """A Rp 5.000 sale was cancelled, its QR paid late, and the day backed up; a manager then
    attached the payment to the sale (or to another cancelled sale of Rp 5.000), which took
    T1-20261121-0001, printed on the customer's receipt, and the customer left with the goods.
    Restored, the payment was late again and the problem list offered to refund it: the goods
    for nothing. Its own sale now completes again as the relay's copy has it, counted once in
    the till's takings and the shop's file; another sale, whose id the restored database may
    have given another sale, is left to that copy, and the payment is refunded no more."""
    store, client = till.store, till.client
    sale_id, invoice = late_paid(store, "2026-11-21T10:00")
    lines = (LineItem("TEH-001", "Teh Botol", 5000, 1),)
    other = store.sales.create_sale(
        lines, cashier="Sari", terminal_id="T1", now=local("2026-11-21T10:05")
    )
    store.sales.cancel(other, now=local("2026-11-21T10:06"))
    catch_up(store, client, "T1")
    back_up(store, tmp_path / "backup.db")
    when = local("2026-11-21T10:40")
    paid = sale_id if to == "its own sale" else other
    attach(store.repositories().db, invoice, paid, manager="Bu Rina", day=DAY, now=when)
    catch_up(store, client, "T1")

    restored = till.restore()
    db = restored.repositories().db
    assert [p for p in list_problems(db) if p.invoice_number == invoice] == []
    assert restored.refunds.refundable(sale_id, invoice) == 0
    sale = restored.sales.get(paid)
    report = build_z_report(db, D1, day=DAY, now=local("2026-11-21T12:00"))
    if to == "its own sale":
        assert (sale.status, sale.receipt_number, sale.completed_at) == (
            "completed",
            "T1-20261121-0001",
            when,
        )
        assert (report.sales_total, report.late_payments) == (5000, ())
    else:
        assert (sale.status, report.sales_total, report.late_payments) == ("cancelled", 0, ())
    catch_up(restored, client, "T1")
    assert shop_money(client, D1, "sales", "total") == 5000
    assert shop_money(client, D1, "payments", "paid_amount") == 5000


def shift_backed_up(till: Till, tmp_path: Path, cashier: str = "Sari") -> tuple[Shift, int]:
    """``cashier``'s shift opened with Rp 100.000 at 09:00 and sold for Rp 5.000 in cash at
    10:00; the day went to the relay and the till was backed up. The shift, and the sale."""
    shift = till.store.shifts.open(
        terminal_id="T1", cashier=cashier, opening_float=100_000, now=local("2026-11-21T09:00")
    )
    sale_id = sold(till.store, "2026-11-21T10:00", 5000, cashier)
    catch_up(till.store, till.client, "T1")
    back_up(till.store, tmp_path / "backup.db")
    return shift, sale_id


def test_cash_given_back_after_the_backup_is_out_of_the_restored_drawer(
    till: Till, tmp_path: Path
) -> None:
    """Sari's shift opened with Rp 100.000, sold an item for Rp 5.000 in cash, and the day was
    backed up; she took the item back and paid Rp 5.000 out of the drawer. Restored, her shift
    and the day's Z report expected Rp 105.000: counting the Rp 100.000 the drawer holds, she
    was Rp 5.000 short that was never missing. The shop's file, which has that return from
    the relay's copy, still counts it once."""
    store, client = till.store, till.client
    shift, sale_id = shift_backed_up(till, tmp_path)
    returned(store, sale_id, "2026-11-21T10:40")
    catch_up(store, client, "T1")

    restored = till.restore()
    db = restored.repositories().db
    report = build_z_report(db, D1, day=DAY, opening_float=100_000, now=local("2026-11-21T12:00"))
    assert (report.expected_cash, report.cash_without_shift) == (100_000, 0)
    assert (report.returns_total, report.net_total) == (0, 5000), "the till's own files"
    closed = restored.shifts.close(
        shift.id, CashCount({100_000: 1}), closed_by="Sari", now=local("2026-11-21T12:00")
    )
    assert (closed.cash_returns, closed.expected_cash, closed.difference) == (5000, 100_000, 0)
    assert "Cash returns" in dict(shift_sections(closed, time_zone="Asia/Jakarta")[1][1])
    catch_up(restored, client, "T1")
    assert shop_money(client, D1, "sales", "total") == 0


def test_a_late_payment_that_came_after_the_backup_and_was_attached_stays_attached_once_restored(
    till: Till, tmp_path: Path
) -> None:
    """After a cash sale of Rp 7.000, a Rp 5.000 QR sale was cancelled and the day backed up;
    then its payment came (late), a manager attached it to the sale, which took
    T1-20261121-0002, and the customer left with the goods. Restored, the relay handed the
    payment again after the till had read its copy: it landed late on its cancelled sale, and
    the problem list offered to refund it, Rp 5.000 paid back for goods the customer has."""
    store, client = till.store, till.client
    sold(store, "2026-11-21T09:30", 7000)
    clock = Clock("2026-11-21T10:00")
    checkout = checkout_for(store, client, clock)
    sale_id = checkout.open_sale((LineItem("KOPI-001", "Kopi Kapal Api", 5000, 1),), cashier="Sari")
    invoice = checkout.start_qr_payment(sale_id).invoice_number
    client.register_payment(invoice, ProviderName.DOKU, 5000)
    checkout.abandon_sale(sale_id)
    catch_up(store, client, "T1")
    back_up(store, tmp_path / "backup.db")
    clock.set("2026-11-21T10:20")
    pay(till.relay, invoice, 5000)
    catch_up_events(checkout, client)
    assert store.payments.get_attempt(invoice).late
    when = local("2026-11-21T10:40")
    attach(store.repositories().db, invoice, sale_id, manager="Bu Rina", day=DAY, now=when)
    catch_up(store, client, "T1")

    restored = till.restore()
    clock.set("2026-11-21T12:00")
    catch_up_events(checkout_for(restored, client, clock), client)  # handed again
    db = restored.repositories().db
    assert [p for p in list_problems(db) if p.invoice_number == invoice] == []
    assert restored.refunds.refundable(sale_id, invoice) == 0
    sale = restored.sales.get(sale_id)
    assert (sale.status, sale.receipt_number, sale.completed_at) == (
        "completed",
        "T1-20261121-0002",
        when,
    )
    report = build_z_report(db, D1, day=DAY, now=local("2026-11-21T12:00"))
    assert (report.sales_total, report.late_payments) == (12_000, ())
    catch_up(restored, client, "T1")
    assert shop_money(client, D1, "sales", "total") == 12_000
    assert shop_money(client, D1, "payments", "paid_amount") == 5000


def test_cash_taken_after_the_backup_is_in_the_restored_drawer(till: Till, tmp_path: Path) -> None:
    """Sari's shift opened with Rp 100.000 and sold an item for Rp 5.000 in cash; the day was
    backed up, and she sold another for Rp 7.000 in cash. Restored, her shift and the day's Z
    report expected Rp 105.000: counting the Rp 112.000 the drawer holds, she was Rp 7.000 over
    that was never extra. The sale the backup holds counts once; the takings stay the till's own
    files', and the shop's file, which has the later sale from the relay's copy, counts both."""
    store, client = till.store, till.client
    shift, _ = shift_backed_up(till, tmp_path)
    sold(store, "2026-11-21T10:40", 7000)
    catch_up(store, client, "T1")

    restored = till.restore()
    db = restored.repositories().db
    report = build_z_report(db, D1, day=DAY, opening_float=100_000, now=local("2026-11-21T12:00"))
    assert (report.expected_cash, report.cash_without_shift) == (112_000, 0)
    assert report.sales_total == 5000, "the till's own files"
    drawer = CashCount({100_000: 1, 10_000: 1, 2000: 1})
    closed = restored.shifts.close(
        shift.id, drawer, closed_by="Sari", now=local("2026-11-21T12:00")
    )
    assert (closed.cash_sales, closed.expected_cash, closed.difference) == (12_000, 112_000, 0)
    catch_up(restored, client, "T1")
    assert shop_money(client, D1, "sales", "total") == 12_000


def test_a_cash_sale_made_before_the_relay_read_does_not_hide_one_under_its_number(
    till: Till, tmp_path: Path
) -> None:
    """Sari's shift sold for Rp 5.000 in cash (T1-20261121-0001), backed up, then for Rp 7.000
    (T1-20261121-0002) and Rp 2.000. Restored while the relay was out of reach, the till sold
    for Rp 3.000 in cash: only money going back waits for the relay, and its counter gave
    T1-20261121-0002 again. Reading the relay then took the Rp 7.000 sale for that one: the
    drawer, holding Rp 117.000, was expected to hold Rp 110.000."""
    store, client = till.store, till.client
    shift, _ = shift_backed_up(till, tmp_path)
    sold(store, "2026-11-21T10:40", 7000)
    sold(store, "2026-11-21T10:50", 2000)
    catch_up(store, client, "T1")

    restored = till.restore(read=False)
    again = sold(restored, "2026-11-21T11:00", 3000)
    assert restored.sales.get(again).receipt_number == "T1-20261121-0002"
    reconcile(restored, client, "T1")
    db = restored.repositories().db
    report = build_z_report(db, D1, day=DAY, opening_float=100_000, now=local("2026-11-21T12:00"))
    assert (report.expected_cash, report.cash_sales_before_restore) == (117_000, 9000)
    drawer = CashCount({100_000: 1, 10_000: 1, 5000: 1, 2000: 1})
    closed = restored.shifts.close(
        shift.id, drawer, closed_by="Sari", now=local("2026-11-21T12:00")
    )
    assert (closed.cash_sales, closed.difference) == (17_000, 0)


def test_a_shift_the_backup_holds_open_takes_no_cash_of_later_days(
    till: Till, tmp_path: Path
) -> None:
    """Backed up during Sari's shift of the 21st (Rp 5.000 in cash), which then sold for
    Rp 7.000 and was counted and closed that evening; her shift of the 22nd sold for Rp 40.000
    and was closed too. Restored, the shift of the 21st is open (the backup's), and as the
    relay's copy cannot say when it closed, it took the 22nd's Rp 40.000 as well: counted on
    the 23rd it expected Rp 152.000, and the 21st's Z report Rp 40.000 of another day's drawer.
    """
    store, client = till.store, till.client
    first, _ = shift_backed_up(till, tmp_path)
    sold(store, "2026-11-21T10:40", 7000)
    drawer = CashCount({100_000: 1, 10_000: 1, 2000: 1})
    store.shifts.close(first.id, drawer, closed_by="Sari", now=local("2026-11-21T20:00"))
    second = store.shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=local("2026-11-22T09:00")
    )
    sold(store, "2026-11-22T10:00", 40_000)
    drawer = CashCount({100_000: 1, 20_000: 2})
    store.shifts.close(second.id, drawer, closed_by="Sari", now=local("2026-11-22T20:00"))
    catch_up(store, client, "T1")

    restored = till.restore()
    stale = restored.shifts.current("T1", "Sari")
    assert stale is not None and stale.id == first.id
    now = local("2026-11-23T08:00")
    closed = restored.shifts.close(stale.id, drawer, closed_by="Sari", now=now)
    figures = (closed.cash_sales_count, closed.cash_sales, closed.expected_cash)
    assert figures == (2, 12_000, 112_000)
    db = restored.repositories().db
    monday = build_z_report(db, D1, day=DAY, opening_float=100_000, now=now)
    assert (monday.cash_sales_across_days, monday.expected_cash) == (0, 112_000)
    tuesday = build_z_report(db, D2, day=DAY, now=now)
    assert (tuesday.cash_sales_before_restore, tuesday.cash_without_shift) == (40_000, 40_000)


def test_a_cashier_whose_name_the_files_neutralise_keeps_her_cash_once_restored(
    till: Till, tmp_path: Path
) -> None:
    """The files write a name starting with ``@`` as ``'@Sari``, so no spreadsheet runs it.
    Restored, the Rp 7.000 that @Sari took after the backup was kept as ``'@Sari``'s: no shift
    of hers took it, her count expected Rp 105.000 of the Rp 112.000 in the drawer, and the Z
    report showed it taken with no shift open."""
    store, client = till.store, till.client
    cashier = "@Sari"
    shift, _ = shift_backed_up(till, tmp_path, cashier)
    sold(store, "2026-11-21T10:40", 7000, cashier)
    catch_up(store, client, "T1")

    restored = till.restore()
    db = restored.repositories().db
    report = build_z_report(db, D1, day=DAY, opening_float=100_000, now=local("2026-11-21T12:00"))
    assert (report.expected_cash, report.cash_without_shift) == (112_000, 0)
    drawer = CashCount({100_000: 1, 10_000: 1, 2000: 1})
    closed = restored.shifts.close(
        shift.id, drawer, closed_by=cashier, now=local("2026-11-21T12:00")
    )
    assert (closed.cash_sales, closed.difference) == (12_000, 0)


def test_a_shift_closed_on_a_clock_behind_the_relays_copy_keeps_the_cash_taken_since_the_backup(
    till: Till, tmp_path: Path
) -> None:
    """Sari's shift sold for Rp 5.000 in cash, backed up, then for Rp 7.000 at 10:40. The
    restored machine's clock read 10:30 when she counted Rp 112.000: the shift ended before the
    sale the relay's copy holds, so it expected Rp 105.000, and the Z report had the Rp 7.000
    taken with no shift open."""
    store, client = till.store, till.client
    shift, _ = shift_backed_up(till, tmp_path)
    sold(store, "2026-11-21T10:40", 7000)
    catch_up(store, client, "T1")

    restored = till.restore()
    drawer = CashCount({100_000: 1, 10_000: 1, 2000: 1})
    closed = restored.shifts.close(
        shift.id, drawer, closed_by="Sari", now=local("2026-11-21T10:30")
    )
    assert closed.closed_at is not None and closed.closed_at > local("2026-11-21T10:40")
    assert (closed.cash_sales, closed.difference) == (12_000, 0)
    db = restored.repositories().db
    report = build_z_report(db, D1, day=DAY, opening_float=100_000, now=local("2026-11-21T12:00"))
    assert (report.expected_cash, report.cash_without_shift) == (112_000, 0)
