"""A till whose disk died, restored from its backup the same day: the numbers it draws next must
be none the providers or the shop's file have seen for another payment or sale.

Real parts: a till's store and checkout, a relay on loopback, the till's uploads. The QR
provider is a stand-in that creates orders and answers nothing: a payment's news comes only
from the relay (as in test_relay_restore.py)."""

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import psycopg
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.returns import ReturnMethod
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.reports.shop_files import read_rows
from pos_app.store.payment_records import EventSource
from pos_app.store.relay_errands import RelayErrand
from pos_app.store.returns import WalletPayout
from pos_app.store.terminal_store import TerminalStore
from pos_app.store.uploads import UploadOutbox
from pos_app.till.checkout import Checkout
from pos_app.till.uploads import catch_up, reconcile
from tests.harness.postgres_server import PostgresServer
from tests.harness.relay_process import relay_config, signed_doku_notification
from tests.integration.test_relay_restore import QrProvider

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(4, 0))
D1, D2 = date(2026, 11, 21), date(2026, 11, 22)
LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 2),)
TOTAL = 7_000


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


class Clock:
    def __init__(self, when: str) -> None:
        self.now = local(when)

    def set(self, when: str) -> None:
        self.now = local(when)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[EmbeddedRelay]:
    with start_relay(relay_config(tmp_path / "relay.db")) as running:
        yield running


def pay(relay: EmbeddedRelay, invoice: str, amount: int = TOTAL) -> None:
    headers, body = signed_doku_notification(invoice_number=invoice, amount=amount)
    answer = httpx.post(relay.url + "/doku/notifications", content=body, headers=headers)
    assert answer.status_code == 200, answer.text


def checkout_for(store: TerminalStore, client: RelayClient, clock: Clock, till_id: str = "T1"):
    return Checkout(store, QrProvider(), terminal_id=till_id, relay=client, clock=clock)  # type: ignore[arg-type]


def catch_up_events(checkout: Checkout, client: RelayClient) -> None:
    for _ in range(20):
        before = checkout.relay_position()
        client.poll(checkout, wait=0)
        if checkout.relay_position() == before:
            return
    raise AssertionError("the terminal never caught up with the relay")


def lose_the_disk(tmp_path: Path, name: str = "T1.db") -> None:
    """The till's database files are gone; its backup is put in their place."""
    for leftover in (name, f"{name}-wal", f"{name}-shm"):
        (tmp_path / leftover).unlink(missing_ok=True)
    shutil.copyfile(tmp_path / "backup.db", tmp_path / name)


def restored_till(
    tmp_path: Path, client: RelayClient, clock: Clock, when: str
) -> tuple[TerminalStore, Checkout]:
    """The till started again at ``when`` on the backup put in place: the relay watch looks
    first (gui/app.py), then applies the events the relay hands again."""
    restored = TerminalStore(tmp_path / "T1.db", DAY)
    clock.set(when)
    checkout = checkout_for(restored, client, clock)
    reconcile(restored, client, "T1")
    catch_up_events(checkout, client)
    return restored, checkout


def back_up(store: TerminalStore, to: Path) -> None:
    copy = sqlite3.connect(to)
    with copy:
        store.repositories().db.conn.backup(copy)
    copy.close()


def test_an_invoice_the_relay_holds_only_as_an_orphan_is_not_drawn_again(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """The relay was out of reach when the till charged KSR-T1-…-000002 (its registration was
    kept for the 15-minute follow-up pass); the customer paid, and DOKU's notification reached
    the relay once it was back: an orphan there, the invoice in its name. The disk died before
    the follow-up pass. Restored, with the relay reachable, the till asks the relay for its last
    invoice counter, which counts registrations only: it draws 000002 again for the next
    customer, whose registration adopts the earlier customer's payment and completes the new
    sale without the new customer paying."""
    token = relay.add_terminal("T1")
    client = RelayClient(relay.url, token)
    store = TerminalStore(tmp_path / "T1.db", DAY)
    clock = Clock("2026-11-21T10:00")
    checkout = checkout_for(store, client, clock)
    restored = None
    try:
        first = checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Sari")).invoice_number
        client.register_payment(first, ProviderName.DOKU, TOTAL)
        pay(relay, first)
        catch_up_events(checkout, client)
        catch_up(store, client, "T1")
        back_up(store, tmp_path / "backup.db")

        clock.set("2026-11-21T10:30")
        checkout.relay = None  # the relay out of reach: its registration waits for later
        lost = checkout.new_attempt(checkout.open_sale(LINES, cashier="Sari"))
        store.relay_errands.owe(RelayErrand.REGISTER, lost.invoice_number, clock())
        checkout.send_order(lost)
        assert lost.invoice_number.endswith("-000002")
        pay(relay, lost.invoice_number)  # DOKU's retry reaches the relay: an orphan there
        store.close()

        lose_the_disk(tmp_path)
        # at start, the relay reachable, before it sells
        restored, checkout = restored_till(tmp_path, client, clock, "2026-11-21T11:00")
        sale = checkout.open_sale(LINES, cashier="Budi")
        drawn = checkout.start_qr_payment(sale).invoice_number
        client.register_payment(drawn, ProviderName.DOKU, TOTAL)  # as the one sent beside
        catch_up_events(checkout, client)

        status = restored.sales.get(sale).status.value
        assert (drawn, status) != (lost.invoice_number, "completed"), (
            "an invoice number the provider saw drawn twice; the earlier customer's payment "
            "completed the new sale"
        )
        assert drawn != lost.invoice_number, "an invoice number the provider saw, drawn twice"
        assert status == "open", "completed by another customer's payment"
    finally:
        client.close()
        (restored or store).close()


def receipts_of(client: RelayClient, day: date) -> dict[str, str]:
    """The shop file's receipt numbers of ``day``: what each pays (invoice, or the cash total)."""
    [held] = client.shop_day(day.isoformat())
    header, rows = read_rows(held.files["sales"])
    cells = [dict(zip(header, row, strict=True)) for row in rows]
    return {c["receipt_number"]: c["invoice_number"] or f"cash {c['total']}" for c in cells}


def test_a_sale_completed_by_a_payment_handed_again_takes_no_receipt_number_the_shop_has(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """Backed up at 10:30 while a QR sale waited. Afterwards a cash sale took T1-…-0002 and
    the QR payment came, its sale T1-…-0003; the day went to the relay. Restored the same day,
    the payment handed again completed the QR sale on the till under T1-…-0002, the number the
    shop's file gives the cash sale (a return of the cash customer's receipt would find the QR
    sale). The relay now tells the till the last receipt it holds of its latest days, and the
    relay watch looks before it applies the first events."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    store = TerminalStore(tmp_path / "T1.db", DAY)
    clock = Clock("2026-11-21T10:00")
    checkout = checkout_for(store, client, clock)
    restored = None
    try:
        checkout.pay_cash(checkout.open_sale(LINES, cashier="Sari"), 10_000)  # 0001
        clock.set("2026-11-21T10:20")
        qr = checkout.open_sale(LINES, cashier="Sari")
        invoice = checkout.start_qr_payment(qr).invoice_number
        client.register_payment(invoice, ProviderName.DOKU, TOTAL)
        catch_up(store, client, "T1")
        back_up(store, tmp_path / "backup.db")

        clock.set("2026-11-21T10:35")
        cash = checkout.open_sale((LineItem("TEH-001", "Teh Botol", 5000, 1),), cashier="Sari")
        checkout.pay_cash(cash, 5000)  # 0002
        clock.set("2026-11-21T10:40")
        pay(relay, invoice)
        catch_up_events(checkout, client)  # 0003
        catch_up(store, client, "T1")
        assert receipts_of(client, D1) == {
            "T1-20261121-0001": f"cash {TOTAL}",
            "T1-20261121-0002": "cash 5000",
            "T1-20261121-0003": invoice,
        }
        store.close()

        lose_the_disk(tmp_path)
        restored, checkout = restored_till(tmp_path, client, clock, "2026-11-21T12:00")
        catch_up(restored, client, "T1")

        shop = receipts_of(client, D1)
        number = restored.sales.get(qr).receipt_number
        assert number is not None
        assert shop.get(number, invoice) == invoice, (
            f"the till gave the QR sale {number}, the shop's number of {shop.get(number)}"
        )
    finally:
        client.close()
        (restored or store).close()


def qr_paid_after_the_backup(
    tmp_path: Path, relay: EmbeddedRelay, client: RelayClient, clock: Clock
) -> tuple[int, str, str]:
    """T1 sells for cash (T1-20261121-0001), and its next sale waits for a QR payment when its
    database is backed up; the payment comes, the sale takes T1-20261121-0002 (printed on the
    customer's receipt), the day goes to the relay, and the disk dies: the QR sale, its invoice
    and that number."""
    store = TerminalStore(tmp_path / "T1.db", DAY)
    try:
        checkout = checkout_for(store, client, clock)
        checkout.pay_cash(checkout.open_sale(LINES, cashier="Sari"), TOTAL)
        qr = checkout.open_sale(LINES, cashier="Sari")
        invoice = checkout.start_qr_payment(qr).invoice_number
        client.register_payment(invoice, ProviderName.DOKU, TOTAL)
        catch_up(store, client, "T1")
        back_up(store, tmp_path / "backup.db")
        clock.set("2026-11-21T10:40")
        pay(relay, invoice)
        catch_up_events(checkout, client)
        printed = store.sales.get(qr).receipt_number
        assert printed == "T1-20261121-0002"
        catch_up(store, client, "T1")
    finally:
        store.close()
    lose_the_disk(tmp_path)
    return qr, invoice, printed


def test_a_qr_sale_handed_again_the_next_morning_keeps_its_number_and_its_day(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """Backed up while a QR sale waited on the 21st; its payment came, the sale took
    T1-20261121-0002 and the day went to the relay; the disk died overnight. Restored on the
    22nd, the payment handed again completes the sale as it was, on the 21st (a new number of
    the 22nd would leave the customer's receipt unknown to the till), and the shop's files
    count it once, on the 21st."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    clock = Clock("2026-11-21T10:00")
    restored = None
    try:
        qr, invoice, printed = qr_paid_after_the_backup(tmp_path, relay, client, clock)
        restored, checkout = restored_till(tmp_path, client, clock, "2026-11-22T09:00")
        cash = checkout.pay_cash(checkout.open_sale(LINES, cashier="Budi"), TOTAL)
        catch_up(restored, client, "T1")

        sale = restored.sales.get(qr)
        assert (sale.receipt_number, sale.business_date) == (printed, D1)
        assert cash.receipt_number == "T1-20261122-0001"
        assert receipts_of(client, D1) == {"T1-20261121-0001": f"cash {TOTAL}", printed: invoice}
        assert receipts_of(client, D2) == {"T1-20261122-0001": f"cash {TOTAL}"}
        paid = [shop_money(client, day, "payments", "paid_amount") for day in (D1, D2)]
        assert paid == [TOTAL, 0]
    finally:
        client.close()
        if restored is not None:
            restored.close()


def test_the_invoice_counter_finds_orphans_on_a_postgresql_database_of_a_common_collation(
    postgres_server: PostgresServer,
) -> None:
    """The relay finds a till's invoice numbers among its notifications by a string range
    ('KSR-T1-' <= n < 'KSR-T1.'), which holds in a byte order only. On a database whose
    collation passes over punctuation at first (glibc's en_US, as the official postgres image
    makes them; here ICU's en-US with punctuation shifted) the range was empty, and a restored
    till drew an orphan's number again."""
    name = "relay_icu_shifted"
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(
            f"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu"
            " ICU_LOCALE 'en-US-u-ka-shifted' LOCALE 'C.UTF-8'"
        )
    with start_relay(relay_config(postgres_server.url(name))) as relay:
        headers, body = signed_doku_notification(
            invoice_number="KSR-T1-20261121-000002", amount=7_000
        )
        answer = httpx.post(relay.url + "/doku/notifications", content=body, headers=headers)
        assert answer.status_code == 200, answer.text
        till = RelayClient(relay.url, relay.add_terminal("T1"))
        try:
            assert till.held_days().invoice_counter == 2
        finally:
            till.close()


def sold(store: TerminalStore, when: str, price: int, cashier: str = "Sari") -> int:
    """A cash sale of one item at ``price``."""
    lines = (LineItem("KOPI-001", "Kopi Kapal Api", price, 1),)
    sale_id = store.sales.create_sale(lines, cashier=cashier, terminal_id="T1", now=local(when))
    store.sales.complete_cash(sale_id, price, local(when))
    return sale_id


def qr_sold(store: TerminalStore, when: str, price: int, items: int) -> tuple[int, str]:
    """A sale of ``items`` at ``price`` each, paid from a wallet through ecommpay's payment
    page: the sale and its invoice."""
    opened = local(when)
    lines = (LineItem("KOPI-001", "Kopi Kapal Api", price, items),)
    sale_id = store.sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=opened)
    invoice = store.payments.next_invoice_number("T1", opened)
    total = price * items
    store.payments.create_attempt(sale_id, ProviderName.ECOMMPAY_PAGE, total, invoice, opened)
    store.payments.record_status(
        invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=opened, amount=total
    )
    store.sales.complete_with_payment(sale_id, invoice, opened)
    return sale_id, invoice


class MoneyBack:
    """Rp 3.000 of Rp 10.000 coming back, as the relay hands it to the till: a reversal of part
    of a paid payout of Rp 9.000, or a refund at the provider of part of a QR payment."""

    PAYOUT = "RFD-T1-0a1b2c3d"

    def __init__(self, story: str) -> None:
        self.story = story
        self.invoice = ""

    def begin(self, store: TerminalStore) -> None:
        """The sale, and its payout paid or its QR payment."""
        if self.story == "reversed":
            sale_id = sold(store, "2026-11-21T10:00", 10_000)
            store.refunds.create(
                sale_id,
                self.PAYOUT,
                9000,
                provider=ProviderName.ECOMMPAY_GATE,
                account_number="081234567890",
                customer_name="Ani",
                approved_by="Bu Rina",
                now=local("2026-11-21T10:10"),
            )
            store.refunds.settle(self.PAYOUT, "paid", now=local("2026-11-21T10:11"))
            return
        _, self.invoice = qr_sold(store, "2026-11-21T10:00", 10_000, 1)

    def comes_back(self, store: TerminalStore, when: str, times: int) -> None:
        """The provider's report that Rp 3.000 came back ``times`` times by now."""
        if self.story == "reversed":
            report = {"payment": {"id": self.PAYOUT, "type": "payout", "status": "reversed"}}
            left = 9000 - 3000 * times
            store.refunds.record_reversal(self.PAYOUT, report=report, now=local(when), left=left)
            return
        store.payments.record_status(
            self.invoice,
            PaymentStatus.PAID,
            source=EventSource.RELAY,
            now=local(when),
            amount=10_000 - 3000 * times,
            currency="IDR",
            balance=True,
        )


def shop_money(client: RelayClient, day: date, kind: str, column: str) -> int:
    [held] = client.shop_day(day.isoformat())
    header, rows = read_rows(held.files[kind])
    return sum(int(row[header.index(column)] or 0) for row in rows)


@pytest.mark.parametrize("story", ["reversed", "refunded at the provider"])
@pytest.mark.parametrize("next_day", [1, 2])
def test_money_back_of_the_same_amount_on_a_later_day_is_counted_each_time(
    tmp_path: Path, relay: EmbeddedRelay, story: str, next_day: int
) -> None:
    """After the 10:30 backup Rp 3.000 came back on the 21st, and a cash sale was made; restored
    that day, the till is handed the report again and records it. On the 22nd Rp 3.000 more
    comes back, once or twice. The relay took the 22nd's for the 21st's report handed again
    (same payout or invoice, same amount) and left one out of the shop's file."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    store = TerminalStore(tmp_path / "T1.db", DAY)
    money = MoneyBack(story)
    restored = None
    try:
        money.begin(store)
        catch_up(store, client, "T1")
        back_up(store, tmp_path / "backup.db")
        money.comes_back(store, "2026-11-21T10:40", 1)
        sold(store, "2026-11-21T10:50", 2000)
        catch_up(store, client, "T1")
        store.close()

        lose_the_disk(tmp_path)
        restored = TerminalStore(tmp_path / "T1.db", DAY)
        reconcile(restored, client, "T1")
        money.comes_back(restored, "2026-11-21T11:30", 1)  # handed again by the relay
        catch_up(restored, client, "T1")
        for times, when in enumerate(("2026-11-22T09:00", "2026-11-22T09:30")[:next_day], 2):
            money.comes_back(restored, when, times)
        catch_up(restored, client, "T1")

        back = 3000 * next_day
        if story == "reversed":
            assert shop_money(client, D1, "payments", "paid_amount") == -9000 + 3000
            assert shop_money(client, D1, "sales", "total") == 10_000 + 2000 - 9000 + 3000
            assert shop_money(client, D2, "payments", "paid_amount") == back
            assert shop_money(client, D2, "sales", "total") == back
        else:
            assert shop_money(client, D1, "payments", "paid_amount") == 10_000 - 3000
            assert shop_money(client, D2, "payments", "paid_amount") == -back
    finally:
        client.close()
        (restored or store).close()


RESTORED_ON = date(2026, 11, 24)


@pytest.mark.parametrize("heard", [D1, D2])
def test_a_qr_sale_restored_days_later_keeps_its_number_and_its_day(
    tmp_path: Path, relay: EmbeddedRelay, heard: date
) -> None:
    """Backed up on the 21st while a QR sale waited; the customer paid, and the till heard of it
    that day, or only when it opened on the 22nd, a day the backup never reached: the sale took
    that day's next number, printed on the customer's receipt. The till sold on each day to the
    23rd, every day went to the relay, and the disk died overnight. Restored on the 24th, the
    payment handed again completed the sale once more under the 24th's first number: the
    customer's receipt unknown to the till, and the sale and its payment in the shop's files
    twice. The restore read the relay's latest two days only, and of those only days the
    database had a change of or the till may still sell on."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    store = TerminalStore(tmp_path / "T1.db", DAY)
    clock = Clock("2026-11-21T10:00")
    checkout = checkout_for(store, client, clock)
    restored = None
    try:
        checkout.pay_cash(checkout.open_sale(LINES, cashier="Sari"), TOTAL)
        qr = checkout.open_sale(LINES, cashier="Sari")
        invoice = checkout.start_qr_payment(qr).invoice_number
        client.register_payment(invoice, ProviderName.DOKU, TOTAL)
        catch_up(store, client, "T1")
        back_up(store, tmp_path / "backup.db")
        pay(relay, invoice)
        days = [D1, D2, date(2026, 11, 23)]
        for day in days:
            clock.set(f"{day}T{'10:40' if day == D1 else '08:00'}")
            if day == heard:
                catch_up_events(checkout, client)
            checkout.pay_cash(checkout.open_sale(LINES, cashier="Sari"), TOTAL)
            catch_up(store, client, "T1")
        printed = store.sales.get(qr).receipt_number
        assert printed == f"T1-{heard:%Y%m%d}-{2 if heard == D1 else 1:04d}"
        store.close()

        lose_the_disk(tmp_path)
        restored, checkout = restored_till(tmp_path, client, clock, "2026-11-24T09:00")
        outbox = UploadOutbox(restored.repositories().db, DAY)
        assert outbox.unreached(client.held_days().days, RESTORED_ON) == [], "read once"
        cash = checkout.pay_cash(checkout.open_sale(LINES, cashier="Budi"), TOTAL)
        catch_up(restored, client, "T1")

        sale = restored.sales.get(qr)
        assert (sale.receipt_number, sale.business_date) == (printed, heard)
        assert cash.receipt_number == "T1-20261124-0001"
        assert receipts_of(client, heard)[printed] == invoice
        paid = [shop_money(client, day, "payments", "paid_amount") for day in days]
        assert paid == [TOTAL if day == heard else 0 for day in days]
        assert shop_money(client, RESTORED_ON, "payments", "paid_amount") == 0
    finally:
        client.close()
        (restored or store).close()


def returned(store: TerminalStore, sale_id: int, when: str, payout: str = "") -> str:
    """One item of the sale brought back, its money to the customer's wallet by ``payout``, or
    in cash: the return's number."""
    wallet = WalletPayout(payout, ProviderName.ECOMMPAY_GATE, "081234567890", "Ani")
    made = store.returns.record(
        sale_id,
        {1: 1},
        method=ReturnMethod.WALLET if payout else ReturnMethod.CASH,
        terminal_id="T1",
        cashier="Sari",
        approved_by="Bu Rina",
        now=local(when),
        payout=wallet if payout else None,
    )
    assert made.return_number is not None
    return made.return_number


@pytest.mark.parametrize("payout", ["pending", "failed"])
def test_a_wallet_return_not_paid_back_keeps_its_number_after_a_restore(
    tmp_path: Path, relay: EmbeddedRelay, payout: str
) -> None:
    """Backed up at 10:30; at 10:40 a wallet return took T1-20261121-R0001, printed on its slip,
    and its payout was still pending (or failed) when the day went to the relay and the disk
    died. Restored, the till gave the next return R0001 again: its floor came from the return
    rows of the shop's file, and a return whose money has not gone back has none there."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    store = TerminalStore(tmp_path / "T1.db", DAY)
    restored = None
    try:
        sale_id, _ = qr_sold(store, "2026-11-21T10:00", 5000, 2)
        catch_up(store, client, "T1")
        back_up(store, tmp_path / "backup.db")
        slip = returned(store, sale_id, "2026-11-21T10:40", MoneyBack.PAYOUT)
        assert slip == "T1-20261121-R0001"
        if payout == "failed":
            store.refunds.settle(MoneyBack.PAYOUT, "failed", now=local("2026-11-21T10:41"))
        catch_up(store, client, "T1")
        store.close()

        lose_the_disk(tmp_path)
        restored = TerminalStore(tmp_path / "T1.db", DAY)
        reconcile(restored, client, "T1")

        assert returned(restored, sale_id, "2026-11-21T11:30") == "T1-20261121-R0002"
    finally:
        client.close()
        (restored or store).close()
