"""Whole-shop uploads against a real relay on loopback: a till offline for days keeps selling and
catches up oldest day first, a repeated upload changes nothing, a sale completed while its day is
on its way is sent next, and two tills' shop file is the sum of their own files to the rupiah,
its text cells neutralised against formulas once."""

import shutil
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from pos_app.clients.relay_client import DayStored, RelayClient, RelayRejected, RelayUnreachable
from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount
from pos_app.domain.returns import ReturnMethod
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.relay import storage
from pos_app.relay import uploads as relay_uploads
from pos_app.relay.backup import backup, restore
from pos_app.reports.accountant_files import FileFormat, FileKind, FileRequest, write_files
from pos_app.reports.sales_csv import ExportSummary
from pos_app.reports.shop_files import TillDayFiles, read_rows, write_shop_file
from pos_app.store.payment_records import EventSource
from pos_app.store.returns import WalletPayout
from pos_app.store.terminal_store import TerminalStore
from pos_app.store.uploads import UploadOutbox
from pos_app.till import uploads
from pos_app.till.day_close import close_day
from pos_app.till.uploads import (
    Uploader,
    build_day_upload,
    catch_up,
    export_shop_day,
    reconcile,
    upload_status,
)
from tests.harness.relay_process import free_port, relay_config, wait_until
from tests.harness.sandbox_process import running_sandbox

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(4, 0))
D1, D2 = date(2026, 11, 21), date(2026, 11, 22)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


class RecordingRelay(RelayClient):
    """The real client, remembering the days it sent; ``before_put`` runs before each send."""

    def __init__(self, url: str, token: str) -> None:
        super().__init__(url, token)
        self.sent: list[tuple[str, int]] = []
        self.before_put: list[Any] = []

    def put_day(self, business_date: str, body: Mapping[str, Any]) -> DayStored:
        while self.before_put:
            self.before_put.pop(0)()
        self.sent.append((business_date, int(body["revision"])))
        return super().put_day(business_date, body)


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[EmbeddedRelay]:
    with start_relay(relay_config(tmp_path / "relay.db")) as running:
        yield running


def till(tmp_path: Path, till_id: str) -> TerminalStore:
    return TerminalStore(tmp_path / f"{till_id}.db", DAY)


def cash_sale(store: TerminalStore, till_id: str, when: str, price: int = 3500) -> int:
    moment = local(when)
    lines = (LineItem("MIE-001", "Indomie Goreng", price, 2),)
    sale_id = store.sales.create_sale(lines, cashier="Sari", terminal_id=till_id, now=moment)
    store.sales.complete_cash(sale_id, 100_000, moment)
    return sale_id


def sale_rows(text: str) -> int:
    return len(text.strip().splitlines()) - 1


def test_a_till_offline_for_days_keeps_selling_and_catches_up_oldest_day_first(
    tmp_path: Path,
) -> None:
    port = free_port()
    with start_relay(relay_config(tmp_path / "relay.db", port=port)) as running:
        token = running.add_terminal("T1")
    store = till(tmp_path, "T1")
    client = RecordingRelay(f"http://127.0.0.1:{port}", token)
    uploader = Uploader(store, client, "T1", interval=0.1, max_backoff=0.3)
    uploader.start()
    try:
        cash_sale(store, "T1", "2026-11-21T10:00")
        cash_sale(store, "T1", "2026-11-22T10:00")
        cash_sale(store, "T1", "2026-11-22T11:00")
        wait_until(lambda: len(client.sent) >= 2, what="the uploader tried while offline")
        assert [
            day.business_date for day in UploadOutbox(store.repositories().db, DAY).pending()
        ] == [D1, D2]

        with start_relay(relay_config(tmp_path / "relay.db", port=port)):
            wait_until(
                lambda: not UploadOutbox(store.repositories().db, DAY).pending(),
                timeout=10,
                what="the till caught up",
            )
            days = [day for day, _ in client.sent]
            assert days == sorted(days)  # never the 22nd before the 21st is in
            assert client.sent[-2:] == [(D1.isoformat(), 1), (D2.isoformat(), 2)]
            assert sale_rows(client.shop_day(D1.isoformat())[0].files["sales"]) == 1
            assert sale_rows(client.shop_day(D2.isoformat())[0].files["sales"]) == 2
            assert uploader.stop(5)
    finally:
        uploader.stop(5)
        client.close()
        store.close()


def test_a_repeated_upload_changes_nothing(tmp_path: Path, relay: EmbeddedRelay) -> None:
    store = till(tmp_path, "T1")
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    cash_sale(store, "T1", "2026-11-21T10:00")
    assert catch_up(store, client, "T1") == 1
    held = client.shop_day(D1.isoformat())

    again = build_day_upload(store, "T1", D1)
    answer = client.put_day(D1.isoformat(), again.body())

    assert answer == DayStored(revision=again.revision, stored=False)
    assert client.shop_day(D1.isoformat()) == held
    assert catch_up(store, client, "T1") == 0
    client.close()
    store.close()


def test_a_sale_completed_while_its_day_is_on_its_way_is_sent_next(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    store = till(tmp_path, "T1")
    client = RecordingRelay(relay.url, relay.add_terminal("T1"))
    cash_sale(store, "T1", "2026-11-21T10:00")
    client.before_put.append(lambda: cash_sale(store, "T1", "2026-11-21T10:05"))

    assert catch_up(store, client, "T1") == 2

    assert client.sent == [(D1.isoformat(), 1), (D1.isoformat(), 2)]
    assert sale_rows(client.shop_day(D1.isoformat())[0].files["sales"]) == 2
    client.close()
    store.close()


def test_two_tills_make_one_shop_file_that_is_the_sum_of_their_own(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    stores = {till_id: till(tmp_path, till_id) for till_id in ("T1", "T2")}
    clients = {till_id: RelayClient(relay.url, relay.add_terminal(till_id)) for till_id in stores}
    cash_sale(stores["T1"], "T1", "2026-11-21T09:00", price=3500)
    cash_sale(stores["T1"], "T1", "2026-11-21T12:00", price=12_000)
    cash_sale(stores["T2"], "T2", "2026-11-21T10:00", price=27_500)
    for till_id, store in stores.items():
        catch_up(store, clients[till_id], till_id)

    uploaded = clients["T1"].shop_day(D1.isoformat())
    assert [t.till_id for t in uploaded] == ["T1", "T2"]
    shop = write_shop_file(
        [TillDayFiles(t.till_id, {FileKind(k): v for k, v in t.files.items()}) for t in uploaded],
        tmp_path / "shop.csv",
        [FileKind.SALES],
    )
    own = [
        write_files(
            store.repositories().db,
            tmp_path / f"{till_id}-own.csv",
            FileRequest((FileKind.SALES,), D1),
            day=DAY,
        )
        for till_id, store in stores.items()
    ]
    assert (
        shop.parts[0].total
        == sum(part.parts[0].total for part in own)
        == 2 * (3500 + 12_000 + 27_500)
    )
    assert shop.rows == sum(part.rows for part in own) == 3
    for client in clients.values():
        client.close()
    for store in stores.values():
        store.close()


def test_a_formula_a_till_sold_is_uploaded_and_neutralised_once_in_the_shop_file(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    store = till(tmp_path, "T1")
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    lines = (
        LineItem("PROMO-10", "-10% promo", 1000, 1),
        LineItem("LINK-1", '=HYPERLINK("http://x.invalid","click")', 2000, 1),
    )
    moment = local("2026-11-21T10:00")
    sale_id = store.sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=moment)
    store.sales.complete_cash(sale_id, 5000, moment)
    assert catch_up(store, client, "T1") == 1  # the relay takes them: names are text

    [uploaded] = client.shop_day(D1.isoformat())
    write_shop_file(
        [TillDayFiles("T1", {FileKind(k): v for k, v in uploaded.files.items()})],
        tmp_path / "shop-lines.csv",
        [FileKind.LINES],
    )
    header, rows = read_rows((tmp_path / "shop-lines.csv").read_text(encoding="utf-8"))
    assert [row[header.index("name")] for row in rows] == [
        "'-10% promo",
        '\'=HYPERLINK("http://x.invalid","click")',
    ]
    client.close()
    store.close()


def test_a_providers_reference_holding_a_nul_keeps_no_day_out_of_the_shop_file(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """The reference is the provider's text, kept as sent; with its NUL in the files the relay
    refused the till's whole day, and the shop file lacked all of that till's sales."""
    store = till(tmp_path, "T1")
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    cash_sale(store, "T1", "2026-11-21T09:00", price=10_000)
    opened = local("2026-11-21T10:00")
    lines = (LineItem("KOPI-01", "Kopi Susu", 5000, 1),)
    sale_id = store.sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=opened)
    invoice = store.payments.next_invoice_number("T1", opened)
    store.payments.create_attempt(sale_id, ProviderName.DOKU, 5000, invoice, opened)
    store.payments.record_status(
        invoice, PaymentStatus.PAID, source=EventSource.STATUS, now=opened, reference="req-\x00-1"
    )
    store.sales.complete_with_payment(sale_id, invoice, opened)

    assert catch_up(store, client, "T1") == 1
    [uploaded] = client.shop_day(D1.isoformat())
    header, rows = read_rows(uploaded.files["sales"])
    assert sum(int(row[header.index("total")]) for row in rows) == 2 * 10_000 + 5000
    assert [row[header.index("provider_reference")] for row in rows] == ["", "req- -1"]
    client.close()
    store.close()


def test_a_day_the_relay_refuses_is_set_aside_and_the_days_after_it_go_up(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """The till was T0 before it was renamed T1: the relay will not take T0's rows from T1."""
    store = till(tmp_path, "T1")
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    cash_sale(store, "T0", "2026-11-21T10:00")
    cash_sale(store, "T1", "2026-11-22T10:00")

    assert catch_up(store, client, "T1") == 2

    assert [till_day.till_id for till_day in client.shop_day(D2.isoformat())] == ["T1"]
    assert client.shop_day(D1.isoformat()) == ()
    status = upload_status(store)
    assert status.pending == ()
    [refused] = status.refused
    assert refused.business_date == D1 and "T1" in refused.reason
    assert catch_up(store, client, "T1") == 0, "not sent again until it changes"
    client.close()
    store.close()


def test_an_unreachable_relay_is_reported_as_such(tmp_path: Path) -> None:
    store = till(tmp_path, "T1")
    cash_sale(store, "T1", "2026-11-21T10:00")
    client = RelayClient(f"http://127.0.0.1:{free_port()}", "token")
    with pytest.raises(RelayUnreachable):
        catch_up(store, client, "T1")
    assert UploadOutbox(store.repositories().db, DAY).pending()
    client.close()
    store.close()


def test_a_relay_without_the_upload_route_is_tried_again_later(tmp_path: Path) -> None:
    """A server without the route (a relay of an older Kasir; here the sandbox) answers 404: the
    days wait for the upgrade, none is set aside."""
    store = till(tmp_path, "T1")
    cash_sale(store, "T1", "2026-11-21T10:00")

    with (
        running_sandbox() as (url, _),
        RelayClient(url, "a-token") as client,
        pytest.raises(RelayRejected) as refused,
    ):
        catch_up(store, client, "T1")
    assert refused.value.status_code == 404

    status = upload_status(store)
    assert [day.business_date for day in status.pending] == [D1] and status.refused == ()
    store.close()


def sales_total(text: str) -> int:
    header, rows = read_rows(text)
    return sum(int(row[header.index("total")]) for row in rows)


def test_a_relay_restored_from_a_backup_gets_again_the_days_it_lost(tmp_path: Path) -> None:
    """The relay's disk dies and last night's backup goes back: the till's sales since then, and
    its day close, are gone from the relay while the till holds them as sent. At its next start
    the uploader asks what the relay holds and sends them again."""
    database, port = tmp_path / "relay.db", free_port()
    store = till(tmp_path, "T1")
    with start_relay(relay_config(database, port=port)) as running:
        token = running.add_terminal("T1")
        with RelayClient(running.url, token) as client:
            cash_sale(store, "T1", "2026-11-21T10:00", price=3500)
            assert catch_up(store, client, "T1") == 1
            backup(database, tmp_path / "nightly.db")
            cash_sale(store, "T1", "2026-11-21T18:00", price=50_000)
            close_day(
                store.repositories().db,
                D1,
                day=DAY,
                counted=CashCount({}),
                closed_by="Mira",
                now=local("2026-11-21T21:00"),
            )
            assert catch_up(store, client, "T1") == 1
    restore(tmp_path / "nightly.db", database)
    own = build_day_upload(store, "T1", D1)
    assert (sales_total(own.files[FileKind.SALES]), own.day_closed) == (107_000, True)

    with start_relay(relay_config(database, port=port)) as running:
        client = RelayClient(running.url, token)
        [held] = client.shop_day(D1.isoformat())
        assert sales_total(held.files["sales"]) == 7000, "the backup's day"
        uploader = Uploader(store, client, "T1", interval=0.05, gap=0.0)
        uploader.start()
        try:

            def held_again() -> bool:
                [held] = client.shop_day(D1.isoformat())
                return held.day_closed and sales_total(held.files["sales"]) == 107_000

            wait_until(held_again, 10, what="the lost day sent again")
        finally:
            assert uploader.stop(10)
        client.close()


def receipts(text: str) -> list[str]:
    header, rows = read_rows(text)
    return [row[header.index("receipt_number")] for row in rows]


def charged(store: TerminalStore, client: RelayClient, when: str) -> str:
    """A QR charge's invoice number drawn and registered with the relay, as the till does."""
    invoice = store.payments.next_invoice_number("T1", local(when))
    client.register_payment(invoice, ProviderName.DOKU, 7000)
    return invoice


def restored_from_a_backup(tmp_path: Path, client: RelayClient) -> tuple[TerminalStore, str]:
    """A till that sold at 10:00 (uploaded), was backed up at 10:30, sold 100 000 and 3 000 and
    drew two invoices (uploaded), then lost its disk: its database from the backup, and the last
    invoice number the providers saw."""
    store = till(tmp_path, "T1")
    cash_sale(store, "T1", "2026-11-21T10:00", price=3500)
    charged(store, client, "2026-11-21T10:05")
    assert catch_up(store, client, "T1") == 1
    with sqlite3.connect(tmp_path / "backup.db") as copy:
        store.repositories().db.conn.backup(copy)
    copy.close()
    cash_sale(store, "T1", "2026-11-21T11:00", price=50_000)
    cash_sale(store, "T1", "2026-11-21T12:00", price=1500)
    lost = [charged(store, client, "2026-11-21T12:30") for _ in range(2)]
    assert catch_up(store, client, "T1") == 1
    store.close()
    shutil.copyfile(tmp_path / "backup.db", tmp_path / "T1.db")
    return till(tmp_path, "T1"), lost[-1]


BEFORE_THE_LOSS = 7000 + 100_000 + 3000


def test_a_till_restored_from_a_backup_loses_no_sale_and_reuses_no_number(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """Started with the relay reachable, the restored till learns before it sells: the relay
    keeps the sales made after the backup; the till's numbers go on after those the relay saw (a
    provider refuses an invoice number twice, and a shop's receipt numbers are one sale's each);
    the shop's day is every sale once."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    restored, last_invoice = restored_from_a_backup(tmp_path, client)
    try:
        reconcile(restored, client, "T1")
        assert catch_up(restored, client, "T1") == 1
        cash_sale(restored, "T1", "2026-11-21T13:00", price=20_000)
        assert charged(restored, client, "2026-11-21T13:05") > last_invoice
        assert catch_up(restored, client, "T1") == 1

        [held] = client.shop_day(D1.isoformat())
        assert sales_total(held.files["sales"]) == BEFORE_THE_LOSS + 40_000
        numbers = receipts(held.files["sales"])
        assert numbers == [f"T1-20261121-{n:04}" for n in (1, 2, 3, 4)]
        own = build_day_upload(restored, "T1", D1).files[FileKind.SALES]
        assert receipts(own) == ["T1-20261121-0001", "T1-20261121-0004"]
        assert upload_status(restored).restored == (D1,)
    finally:
        client.close()
        restored.close()


@pytest.mark.parametrize("sold_offline", [1, 2, 6])
def test_a_restored_till_that_sells_before_it_reaches_the_relay_loses_no_sale(
    tmp_path: Path, relay: EmbeddedRelay, sold_offline: int
) -> None:
    """The relay is out of reach when the restored till starts: it sells on, under receipt
    numbers the relay's copy holds already, and fewer or more changes than its lost ones, so its
    revision stays below the relay's or passes it. Once the relay answers (without a look at
    what it holds first), the shop's day holds every sale once, and the day's next receipt
    number comes after every one it holds."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    restored, _ = restored_from_a_backup(tmp_path, client)
    try:
        for minute in range(sold_offline):
            cash_sale(restored, "T1", f"2026-11-21T15:{minute:02}", price=1000)
        assert catch_up(restored, client, "T1") >= 1
        cash_sale(restored, "T1", "2026-11-21T16:00", price=500)
        assert catch_up(restored, client, "T1") == 1

        [held] = client.shop_day(D1.isoformat())
        assert sales_total(held.files["sales"]) == BEFORE_THE_LOSS + sold_offline * 2000 + 1000
        numbers = receipts(held.files["sales"])
        assert numbers[-1] == f"T1-20261121-{max(3, 1 + sold_offline) + 1:04}"
        assert upload_status(restored).restored == (D1,)
    finally:
        client.close()
        restored.close()


class FailingOnce(RelayClient):
    """The first day upload never reaches the relay (a timeout, a dropped connection)."""

    failed = False

    def put_day(self, business_date: str, body: Mapping[str, Any]) -> DayStored:
        if not self.failed:
            self.failed = True
            raise RelayUnreachable("connection reset")
        return super().put_day(business_date, body)


@pytest.mark.parametrize("look_first", [True, False])
def test_a_restored_tills_first_upload_lost_on_the_way_keeps_the_relays_day(
    tmp_path: Path, relay: EmbeddedRelay, look_first: bool
) -> None:
    token = relay.add_terminal("T1")
    client = RelayClient(relay.url, token)
    restored, _ = restored_from_a_backup(tmp_path, client)
    flaky = FailingOnce(relay.url, token)
    try:
        if look_first:
            reconcile(restored, flaky, "T1")
        else:
            for minute in range(6):
                cash_sale(restored, "T1", f"2026-11-21T15:{minute:02}", price=1000)
        with pytest.raises(RelayUnreachable):
            catch_up(restored, flaky, "T1")
        assert catch_up(restored, flaky, "T1") >= 1
        [held] = client.shop_day(D1.isoformat())
        offline = 0 if look_first else 6 * 2000
        assert sales_total(held.files["sales"]) == BEFORE_THE_LOSS + offline
    finally:
        flaky.close()
        client.close()
        restored.close()


class AnswerLost(RelayClient):
    """The relay stores a day upload, but its answer never comes back, while ``lose`` is set."""

    lose = False

    def put_day(self, business_date: str, body: Mapping[str, Any]) -> DayStored:
        answer = super().put_day(business_date, body)
        if self.lose:
            raise RelayUnreachable("read timed out")
        return answer


def test_a_till_whose_answer_was_lost_is_not_taken_for_restored(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """The relay stored revision 2, but the till never heard: it still thinks the relay holds 1.
    Its next upload has all of revision 2 and more, so the relay keeps no part of it."""
    client = AnswerLost(relay.url, relay.add_terminal("T1"))
    store = till(tmp_path, "T1")
    try:
        cash_sale(store, "T1", "2026-11-21T10:00")
        assert catch_up(store, client, "T1") == 1
        client.lose = True
        cash_sale(store, "T1", "2026-11-21T11:00")
        with pytest.raises(RelayUnreachable):
            catch_up(store, client, "T1")
        client.lose = False
        cash_sale(store, "T1", "2026-11-21T12:00")
        assert catch_up(store, client, "T1") == 1
        assert upload_status(store).restored == (), "never restored"
        [held] = client.shop_day(D1.isoformat())
        assert sales_total(held.files["sales"]) == 3 * 7000
    finally:
        client.close()
        store.close()


def test_a_lost_answer_then_a_new_time_zone_counts_the_days_sales_once(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """The relay stored revision 2, the till never heard; before it reached the relay again,
    the manager set the shop's time zone right (Bali) and every day went up again with other
    local times. The relay took the till for one restored from a backup (it held a revision
    the till had not heard of, with rows the upload lacked) and kept its copy beside the
    upload: the shop's file counted the day's sales twice."""
    client = AnswerLost(relay.url, relay.add_terminal("T1"))
    store = till(tmp_path, "T1")
    try:
        cash_sale(store, "T1", "2026-11-21T10:00")
        assert catch_up(store, client, "T1") == 1
        cash_sale(store, "T1", "2026-11-21T11:00")
        client.lose = True
        with pytest.raises(RelayUnreachable):
            catch_up(store, client, "T1")
        client.lose = False
        store.close()
        store = TerminalStore(tmp_path / "T1.db", BusinessDay(ZoneInfo("Asia/Makassar"), time(4)))
        catch_up(store, client, "T1")

        assert upload_status(store).restored == (), "never restored"
        [held] = client.shop_day(D1.isoformat())
        assert sales_total(held.files["sales"]) == 2 * 7000
    finally:
        client.close()
        store.close()


class LostThenDown(AnswerLost):
    """``lose``: the relay stores the day, its answer is lost; ``down``: nothing reaches it."""

    down = False

    def put_day(self, business_date: str, body: Mapping[str, Any]) -> DayStored:
        if self.down:
            raise RelayUnreachable("connection refused")
        return super().put_day(business_date, body)


def test_a_lost_answer_then_a_send_that_never_arrived_counts_the_days_sales_once(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """The relay stored revision 2 and its answer was lost (it went down right after); the
    till's next try (revision 3, a sale later) never reached it. The manager then set the
    shop's time zone right and the day went up again: named as unheard, only the last
    revision sent (3), not the 2 the relay held, and the shop's file counted the sales twice."""
    client = LostThenDown(relay.url, relay.add_terminal("T1"))
    store = till(tmp_path, "T1")
    try:
        cash_sale(store, "T1", "2026-11-21T10:00")
        assert catch_up(store, client, "T1") == 1
        cash_sale(store, "T1", "2026-11-21T11:00")
        client.lose = True
        with pytest.raises(RelayUnreachable):
            catch_up(store, client, "T1")  # stored at the relay, answer lost
        client.lose, client.down = False, True
        cash_sale(store, "T1", "2026-11-21T12:00")
        with pytest.raises(RelayUnreachable):
            catch_up(store, client, "T1")  # never reached the relay
        client.down = False
        store.close()
        store = TerminalStore(tmp_path / "T1.db", BusinessDay(ZoneInfo("Asia/Makassar"), time(4)))
        catch_up(store, client, "T1")

        [held] = client.shop_day(D1.isoformat())
        assert sales_total(held.files["sales"]) == 3 * 7000
        assert upload_status(store).restored == (), "never restored"
    finally:
        client.close()
        store.close()


def test_a_payment_handed_again_the_next_day_is_counted_once(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """The QR sale was waiting at the 10:30 backup; its payment came at 10:40, so the relay has
    it on the 21st. Restored the next morning, the till is handed that payment again and records
    it paid then, on the 22nd: the shop's files count it once, on the 21st."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    store = till(tmp_path, "T1")

    def pay(store: TerminalStore, sale_id: int, invoice: str, when: str) -> None:
        store.payments.record_status(
            invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=local(when)
        )
        store.sales.complete_with_payment(sale_id, invoice, local(when))

    try:
        cash_sale(store, "T1", "2026-11-21T10:00")
        opened = local("2026-11-21T10:20")
        lines = (LineItem("MIE-001", "Indomie Goreng", 3500, 2),)
        qr = store.sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=opened)
        invoice = store.payments.next_invoice_number("T1", opened)
        store.payments.create_attempt(qr, ProviderName.DOKU, 7000, invoice, opened)
        assert catch_up(store, client, "T1") == 1
        with sqlite3.connect(tmp_path / "backup.db") as copy:
            store.repositories().db.conn.backup(copy)
        copy.close()
        pay(store, qr, invoice, "2026-11-21T10:40")
        cash_sale(store, "T1", "2026-11-21T11:00")
        assert catch_up(store, client, "T1") == 1
        store.close()
        shutil.copyfile(tmp_path / "backup.db", tmp_path / "T1.db")
        store = till(tmp_path, "T1")
        reconcile(store, client, "T1")
        pay(store, qr, invoice, "2026-11-22T08:00")  # handed again by the relay
        catch_up(store, client, "T1")

        def money(day: date, kind: str, column: str) -> int:
            [held] = client.shop_day(day.isoformat())
            header, rows = read_rows(held.files[kind])
            return sum(int(row[header.index(column)]) for row in rows)

        assert [money(day, "payments", "paid_amount") for day in (D1, D2)] == [7000, 0]
        assert [money(day, "sales", "total") for day in (D1, D2)] == [3 * 7000, 0]
    finally:
        client.close()
        store.close()


def shop_money(client: RelayClient, day: date, kind: str, column: str) -> int:
    """The sum of ``column`` over the shop's ``kind`` file of ``day``."""
    total = 0
    for held in client.shop_day(day.isoformat()):
        header, rows = read_rows(held.files[kind])
        total += sum(int(row[header.index(column)] or 0) for row in rows)
    return total


@pytest.mark.parametrize(
    ("story", "payments", "sales"),
    [("refunded at the provider", [0, 0], [7000, 0]), ("paid out", [2000, 0], [2000, 0])],
)
def test_a_refund_reported_again_the_next_day_is_counted_once(
    tmp_path: Path, relay: EmbeddedRelay, story: str, payments: list[int], sales: list[int]
) -> None:
    """A QR payment of Rp 7.000, then after the 10:45 backup refunded in full at the provider,
    or Rp 5.000 of it paid out: restored the next morning, the till is handed that answer again
    and records it on the 22nd. The shop's files count it once, on the 21st."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    store = till(tmp_path, "T1")
    payout = "RFD-T1-0a1b2c3d"

    def answered(store: TerminalStore, day: str) -> None:
        when = local(f"{day}T11:00")
        if story == "paid out":
            store.refunds.settle(payout, "paid", now=when)
        else:
            store.payments.record_status(
                invoice, PaymentStatus.REFUNDED, source=EventSource.RELAY, now=when
            )

    try:
        opened, paid = local("2026-11-21T10:20"), local("2026-11-21T10:30")
        lines = (LineItem("MIE-001", "Indomie Goreng", 3500, 2),)
        qr = store.sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=opened)
        invoice = store.payments.next_invoice_number("T1", opened)
        store.payments.create_attempt(qr, ProviderName.DOKU, 7000, invoice, opened)
        store.payments.record_status(
            invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=paid
        )
        store.sales.complete_with_payment(qr, invoice, paid)
        if story == "paid out":
            store.refunds.create(
                qr,
                payout,
                5000,
                provider=ProviderName.ECOMMPAY_GATE,
                account_number="081234567890",
                customer_name="Budi",
                approved_by="Mira",
                now=local("2026-11-21T10:40"),
            )
        assert catch_up(store, client, "T1") == 1
        with sqlite3.connect(tmp_path / "backup.db") as copy:
            store.repositories().db.conn.backup(copy)
        copy.close()
        answered(store, "2026-11-21")
        assert catch_up(store, client, "T1") == 1
        store.close()
        shutil.copyfile(tmp_path / "backup.db", tmp_path / "T1.db")
        store = till(tmp_path, "T1")
        reconcile(store, client, "T1")
        answered(store, "2026-11-22")  # handed again by the relay
        catch_up(store, client, "T1")

        assert [shop_money(client, day, "payments", "paid_amount") for day in (D1, D2)] == payments
        assert [shop_money(client, day, "sales", "total") for day in (D1, D2)] == sales
    finally:
        client.close()
        store.close()


def test_the_shop_files_summary_counts_every_sale_of_a_restored_till(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """A restored till draws again the sale ids of the sales it lost: the summary tells its
    sales apart by receipt and moment too, as the day's rows do."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    restored, _ = restored_from_a_backup(tmp_path, client)
    try:
        reconcile(restored, client, "T1")
        catch_up(restored, client, "T1")
        cash_sale(restored, "T1", "2026-11-21T13:00", price=20_000)
        catch_up(restored, client, "T1")
        held = client.shop_day(D1.isoformat())
        written = write_shop_file(
            [
                TillDayFiles(day.till_id, {FileKind(k): v for k, v in day.files.items()})
                for day in held
            ],
            tmp_path / "shop.csv",
            [FileKind.SALES],
        )
        [part] = written.parts
        assert (part.rows, part.sales) == (4, 4)
    finally:
        client.close()
        restored.close()


def test_a_day_refused_for_the_terminal_goes_again_once_the_relay_is_fixed(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """The operator typed T01 for till T1: the relay refuses the till's closed day. Fixed with
    ``set-terminal-id``, the day goes at the next look at what the relay holds, not never."""
    store = till(tmp_path, "T1")
    client = RelayClient(relay.url, relay.add_terminal("T01"))
    cash_sale(store, "T1", "2026-11-21T10:00", price=50_000)
    assert catch_up(store, client, "T1") == 1
    assert [day.business_date for day in upload_status(store).refused] == [D1]

    relay.storage.write_from_thread(lambda conn: storage.set_till_id(conn, "T01", "T1"))
    assert catch_up(store, client, "T1") == 0, "a refused day waits for a change or a look"
    assert reconcile(store, client, "T1") == []

    assert catch_up(store, client, "T1") == 1
    [held] = client.shop_day(D1.isoformat())
    assert sales_total(held.files["sales"]) == 100_000
    assert upload_status(store).refused == ()
    client.close()
    store.close()


def test_a_till_the_relay_knows_only_by_name_is_listed_missing_from_the_shop_file(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """A second till added by name has not said its terminal id yet: the shop's file is still
    written, and names it as not uploaded."""
    store = till(tmp_path, "T1")
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    relay.add_terminal("Kasir belakang")
    cash_sale(store, "T1", "2026-11-21T10:00", price=50_000)

    export = export_shop_day(
        client, tmp_path / "shop.csv", D1, (FileKind.SALES,), own=(store, "T1")
    )

    assert (export.tills, export.missing) == (("T1",), ("Kasir belakang",))
    assert [till.label for till in client.shop_uploads()] == ["T1", "Kasir belakang"]
    client.close()
    store.close()


def test_a_till_renamed_after_its_upload_is_not_listed_missing_from_the_shop_file(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """T1 uploads its day, then becomes T3 (``set-terminal-id``): the shop's file holds its day
    under T1, and only T2, which uploaded nothing, is missing."""
    store = till(tmp_path, "T1")
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    relay.add_terminal("T2")
    cash_sale(store, "T1", "2026-11-21T10:00", price=50_000)
    assert catch_up(store, client, "T1") == 1
    relay.storage.write_from_thread(lambda conn: storage.set_till_id(conn, "T1", "T3"))

    export = export_shop_day(client, tmp_path / "shop.csv", D1, (FileKind.SALES,))

    assert (export.tills, export.missing) == (("T1",), ("T2",))
    client.close()
    store.close()


def test_a_till_restored_then_renamed_keeps_the_sales_its_former_ids_copy_holds(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """Restored from the 10:30 backup, the till is given a new terminal id (T9) before it
    uploads again: its day, held under T1 with the sales of 11:00 and 12:00 its database lost,
    was replaced by the restored database's day under T9, and the shop's file lost them."""
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    restored, _ = restored_from_a_backup(tmp_path, client)
    try:
        relay.storage.write_from_thread(lambda conn: storage.set_till_id(conn, "T1", "T9"))
        reconcile(restored, client, "T9")
        catch_up(restored, client, "T9")
        cash_sale(restored, "T9", "2026-11-21T13:00", price=20_000)
        catch_up(restored, client, "T9")

        assert [till.till_id for till in client.shop_day(D1.isoformat())] == ["T9"]
        assert shop_money(client, D1, "sales", "total") == BEFORE_THE_LOSS + 40_000
        assert upload_status(restored).restored == (D1,)
    finally:
        client.close()
        restored.close()


def test_two_returns_of_a_sale_within_one_second_are_two_in_the_shop_file_as_in_the_tills(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """The lines file shows a return's moment to the second: the shop's file of the till's day
    tells its two returns apart as the till's own export does, a row per returned line."""
    store = till(tmp_path, "T1")
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    sale_id = cash_sale(store, "T1", "2026-11-21T09:00")
    for microsecond in (100_000, 600_000):
        store.returns.record(
            sale_id,
            {1: 1},
            method=ReturnMethod.CASH,
            terminal_id="T1",
            cashier="Sari",
            approved_by="Dewi",
            now=local("2026-11-21T10:00").replace(microsecond=microsecond),
        )
    catch_up(store, client, "T1")
    kinds = (FileKind.LINES, FileKind.SALES)
    request = FileRequest(kinds, D1, file_format=FileFormat.XLSX)

    shop = export_shop_day(client, tmp_path / "shop.xlsx", D1, kinds, FileFormat.XLSX)
    own = write_files(store.repositories().db, tmp_path / "own.xlsx", request, day=DAY)

    counted = [
        [(part.rows, part.returns) for part in file.parts if isinstance(part, ExportSummary)]
        for file in (shop.written, own)
    ]
    assert counted == [[(3, 2), (3, 2)]] * 2, "lines, then sales: (rows, returns)"
    client.close()
    store.close()


def test_a_terminal_is_told_only_its_own_days_the_relay_holds(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    first, second = till(tmp_path, "T1"), till(tmp_path, "T2")
    one = RelayClient(relay.url, relay.add_terminal("T1"))
    two = RelayClient(relay.url, relay.add_terminal("T2"))
    fresh = RelayClient(relay.url, relay.add_terminal("Kasir belakang"))
    cash_sale(first, "T1", "2026-11-21T10:00")
    cash_sale(first, "T1", "2026-11-22T10:00")
    cash_sale(second, "T2", "2026-11-22T11:00")
    assert catch_up(first, one, "T1") == 2 and catch_up(second, two, "T2") == 1

    assert one.held_days().days == {D1: 1, D2: 1}
    assert two.held_days().days == {D2: 1}
    assert fresh.held_days().days == {}, "no terminal id yet: nothing of its own"
    for client in (one, two, fresh):
        client.close()
    first.close()
    second.close()


class WatchedLock:
    """A lock that says when someone has to wait for it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.waited = threading.Event()

    def __enter__(self) -> None:
        if not self._lock.acquire(blocking=False):
            self.waited.set()
            self._lock.acquire()

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def test_a_whole_shop_export_waits_for_the_upload_on_its_way(
    tmp_path: Path, relay: EmbeddedRelay, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The day close sends the day at once, and the manager exports the shop right after: the
    relay takes one upload per terminal, so the export's own upload waits for the uploader's
    instead of being answered 429 and failing the export."""
    turn = WatchedLock()
    monkeypatch.setattr(uploads, "_ONE_AT_A_TIME", turn)
    check = relay_uploads.till_day

    def slow_check(*args: Any) -> Any:
        turn.waited.wait(10)  # the uploader's day stays on its way until the export waits
        return check(*args)

    monkeypatch.setattr(relay_uploads, "till_day", slow_check)
    token = relay.add_terminal("T1")
    store = till(tmp_path, "T1")
    cash_sale(store, "T1", "2026-11-21T10:00")
    uploading = RelayClient(relay.url, token)
    uploader = Uploader(store, uploading, "T1", interval=0.05, gap=0.0)
    exported: dict[str, Any] = {}

    def export() -> None:
        own = till(tmp_path, "T1")
        try:
            with RelayClient(relay.url, token) as client:
                exported["export"] = export_shop_day(
                    client, tmp_path / "shop.csv", D1, (FileKind.SALES,), own=(own, "T1")
                )
        except Exception as exc:
            exported["error"] = exc
        finally:
            own.close()

    uploader.start()
    try:
        wait_until(lambda: relay.app.uploads.in_progress == 1, 10, what="the day on its way")
        exporter = threading.Thread(target=export)
        exporter.start()
        exporter.join(30)
    finally:
        assert uploader.stop(10)
        uploading.close()

    assert "error" not in exported, exported
    assert exported["export"].tills == ("T1",)


class CountingRelay(RelayClient):
    """The real client, counting how often it asks which days the relay holds."""

    def __init__(self, url: str, token: str) -> None:
        super().__init__(url, token)
        self.looks = 0

    def held_days(self) -> dict[date, int]:
        self.looks += 1
        return super().held_days()


def test_a_relay_that_cannot_say_what_it_holds_is_asked_again_after_a_back_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing to send, the relay down: the uploader's loop goes round every few seconds, but
    asks which days the relay holds again only after backing off, not on every round."""
    rounds = 0
    real_catch_up = uploads.catch_up

    def counted_catch_up(*args: Any) -> int:
        nonlocal rounds
        rounds += 1
        return real_catch_up(*args)

    monkeypatch.setattr(uploads, "catch_up", counted_catch_up)
    store = till(tmp_path, "T1")
    client = CountingRelay(f"http://127.0.0.1:{free_port()}", "token")
    uploader = Uploader(store, client, "T1", interval=0.005, gap=0.0)
    uploader.start()
    try:
        wait_until(lambda: rounds >= 10, 10, what="the uploader going round")
    finally:
        assert uploader.stop(10)
        client.close()
    assert client.looks == 1


def wallet_return(store: TerminalStore, sale_id: int, payout: str, when: str, **redo: int) -> int:
    """Three noodles of the sale returned to the customer's wallet through ``payout``."""
    return store.returns.record(
        sale_id,
        {1: 3},
        method=ReturnMethod.WALLET,
        terminal_id="T1",
        cashier="Sari",
        approved_by="Dewi",
        now=local(when),
        payout=WalletPayout(payout, ProviderName.ECOMMPAY_GATE, "081234567890", "Ani"),
        **redo,
    ).id


def test_a_return_made_again_whose_new_payout_fails_sends_the_first_returns_day_again(
    tmp_path: Path, relay: EmbeddedRelay
) -> None:
    """The payout of a wallet return failed on the 21st and the return was made again; on the
    22nd the first payout was paid after all (its row there gives back no items: the return made
    again did). On the 23rd the second payout fails: the first return takes its items, DPP and
    PPN back on the 22nd, and the relay's copy of that day must follow, or the shop's file keeps
    its items and tax columns stale."""
    store = till(tmp_path, "T1")
    client = RelayClient(relay.url, relay.add_terminal("T1"))
    try:
        paid = local("2026-11-21T09:00")
        lines = (LineItem("MIE-001", "Indomie Goreng", 3500, 5),)
        sale_id = store.sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=paid)
        invoice = store.payments.next_invoice_number("T1", paid)
        store.payments.create_attempt(sale_id, ProviderName.ECOMMPAY_GATE, 17_500, invoice, paid)
        store.payments.record_status(
            invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=paid
        )
        store.sales.complete_with_payment(sale_id, invoice, paid)
        first = wallet_return(store, sale_id, "RFD-T1-a", "2026-11-21T10:00")
        store.refunds.settle("RFD-T1-a", "failed", now=local("2026-11-21T10:05"))
        wallet_return(store, sale_id, "RFD-T1-b", "2026-11-21T10:10", redo_of=first)
        store.refunds.settle("RFD-T1-a", "paid", now=local("2026-11-22T10:00"))
        catch_up(store, client, "T1")
        [held] = client.shop_day(D2.isoformat())
        assert [row["items"] for row in returns_of(held.files["sales"])] == ["0"]

        store.refunds.settle("RFD-T1-b", "failed", now=local("2026-11-23T10:00"))
        catch_up(store, client, "T1")

        [held] = client.shop_day(D2.isoformat())
        assert [row["items"] for row in returns_of(held.files["sales"])] == ["-3"]
        assert dict(held.files) == {
            kind.value: text for kind, text in build_day_upload(store, "T1", D2).files.items()
        }, "the relay holds the till's own files of the day"
    finally:
        client.close()
        store.close()


def returns_of(sales: str) -> list[dict[str, str]]:
    """The return rows of a sales file, by column."""
    header, rows = read_rows(sales)
    cells = [dict(zip(header, row, strict=True)) for row in rows]
    return [row for row in cells if row["record_type"] == "return"]


SMALL_UPLOADS = 64 * 1024
"""A relay's upload limit that :func:`too_large_a_sale` takes a day past."""


def too_large_a_sale(store: TerminalStore, when: str) -> None:
    """A cash sale of 300 lines with long names: its day's upload passes :data:`SMALL_UPLOADS`."""
    many = tuple(LineItem(f"SKU-{n}", f"Kopi sachet {n} " + "x" * 200, 1000, 1) for n in range(300))
    big = store.sales.create_sale(many, cashier="Sari", terminal_id="T1", now=local(when))
    store.sales.complete_cash(big, 300_000, local(when))


def test_a_whole_shop_export_names_the_till_whose_day_the_relay_refused_to_replace(
    tmp_path: Path,
) -> None:
    """T1's day grew past what the relay takes (413): the relay keeps T1's earlier copy. Exported
    from T2, the shop's file adds up to the copies held, and names T1 as held short; T1's own
    back office has the refusal among its problems."""
    with start_relay(relay_config(tmp_path / "relay.db", max_upload_bytes=SMALL_UPLOADS)) as relay:
        stores = {till_id: till(tmp_path, till_id) for till_id in ("T1", "T2")}
        clients = {t: RelayClient(relay.url, relay.add_terminal(t)) for t in stores}
        try:
            cash_sale(stores["T1"], "T1", "2026-11-21T09:00", price=12_000)
            cash_sale(stores["T2"], "T2", "2026-11-21T10:00", price=27_500)
            for till_id, store in stores.items():
                assert catch_up(store, clients[till_id], till_id) == 1
            too_large_a_sale(stores["T1"], "2026-11-21T11:00")
            assert catch_up(stores["T1"], clients["T1"], "T1") == 1
            [refused] = upload_status(stores["T1"]).refused
            assert refused.business_date == D1 and "larger than" in refused.reason

            export = export_shop_day(
                clients["T2"],
                tmp_path / "shop.csv",
                D1,
                (FileKind.SALES,),
                own=(stores["T2"], "T2"),
            )

            assert export.tills == ("T1", "T2") and export.missing == ()
            [behind] = export.behind
            assert behind.till_id == "T1" and "larger than" in behind.reason
            assert behind.refused_at > behind.uploaded_at
            assert export.written.parts[0].total == 2 * (12_000 + 27_500), "the copies held"
        finally:
            for client in clients.values():
                client.close()
            for store in stores.values():
                store.close()


def test_a_refused_till_stays_named_until_an_upload_of_its_day_is_taken(tmp_path: Path) -> None:
    """After T1's backup its day went up twice more, then grew past what the relay takes (413).
    Restored, T1 sells and uploads a revision below the relay's copy: the relay answers the
    revision it holds and takes nothing (T1 goes again above it). That answer cleared the
    refusal, so an export from T2 named no till although the shop's file lacks T1's sales; the
    next upload, taken, clears it."""
    with start_relay(relay_config(tmp_path / "relay.db", max_upload_bytes=SMALL_UPLOADS)) as relay:
        t2 = till(tmp_path, "T2")
        clients = {t: RelayClient(relay.url, relay.add_terminal(t)) for t in ("T1", "T2")}
        t1 = till(tmp_path, "T1")
        restored = None

        def behind() -> list[str]:
            export = export_shop_day(
                clients["T2"], tmp_path / "shop.csv", D1, (FileKind.SALES,), own=(t2, "T2")
            )
            return [till.till_id for till in export.behind]

        try:
            cash_sale(t2, "T2", "2026-11-21T09:00")
            cash_sale(t1, "T1", "2026-11-21T09:00")
            assert catch_up(t1, clients["T1"], "T1") == 1
            with sqlite3.connect(tmp_path / "backup.db") as copy:
                t1.repositories().db.conn.backup(copy)
            copy.close()
            for when in ("2026-11-21T10:00", "2026-11-21T10:30"):
                cash_sale(t1, "T1", when)
                assert catch_up(t1, clients["T1"], "T1") == 1
            too_large_a_sale(t1, "2026-11-21T11:00")
            assert catch_up(t1, clients["T1"], "T1") == 1
            assert behind() == ["T1"]
            t1.close()
            shutil.copyfile(tmp_path / "backup.db", tmp_path / "T1.db")
            restored = till(tmp_path, "T1")
            cash_sale(restored, "T1", "2026-11-21T12:00")
            [pending] = UploadOutbox(restored.repositories().db, DAY).pending()

            answer = uploads.upload_day(restored, clients["T1"], "T1", pending)

            assert (answer.revision, answer.stored) == (3, False), "the relay's copy is newer"
            assert behind() == ["T1"], "nothing was taken: the shop's file still lacks T1's sales"
            assert catch_up(restored, clients["T1"], "T1") == 1
            assert behind() == []
        finally:
            for client in clients.values():
                client.close()
            t2.close()
            (restored or t1).close()
