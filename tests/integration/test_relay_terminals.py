"""Terminals against a real relay on loopback: tokens, ownership of invoices, isolation, cursors,
long-polls, retries."""

import asyncio
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from pos_app.clients.relay_client import (
    DEFAULT_WAIT,
    ConnectionState,
    RelayClient,
    RelayRejected,
    RelayUnauthorized,
)
from pos_app.commands import relay_service
from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.payments.model import PaymentStatus, ProviderName, RelayEvent, RelayPosition
from pos_app.relay import auth, storage
from pos_app.settings.terminal_config import ConfigError, load_settings
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.refund_payouts import new_payout_id
from tests.harness.relay_process import (
    SCHEMA_2,
    MemorySink,
    database_option,
    relay_config,
    signed_doku_notification,
    wait_until,
)


@pytest.fixture
def relay(relay_database: Path | str) -> Iterator[EmbeddedRelay]:
    with start_relay(relay_config(relay_database)) as running:
        yield running


def client(relay: EmbeddedRelay, name: str) -> RelayClient:
    return RelayClient(relay.url, relay.add_terminal(name))


def notify(relay: EmbeddedRelay, invoice: str, status: str = "SUCCESS", amount: int = 5_000):
    headers, body = signed_doku_notification(invoice_number=invoice, amount=amount, status=status)
    answer = httpx.post(relay.url + "/doku/notifications", content=body, headers=headers)
    assert answer.status_code == 200, answer.text


class SqliteSink:
    """A terminal store reduced to what the relay client needs: events and position, atomically."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("CREATE TABLE IF NOT EXISTS position (id INT PRIMARY KEY, epoch, cursor)")
        self.conn.execute("CREATE TABLE IF NOT EXISTS applied (identity TEXT UNIQUE, invoice TEXT)")
        self.conn.execute("INSERT OR IGNORE INTO position VALUES (1, NULL, 0)")

    def relay_position(self) -> RelayPosition:
        return RelayPosition(*self.conn.execute("SELECT epoch, cursor FROM position").fetchone())

    def apply_relay_events(
        self, events: Sequence[RelayEvent], position: RelayPosition
    ) -> list[RelayEvent]:
        with self.conn:
            self.conn.execute("BEGIN")
            saved = self.relay_position()
            applied = [
                event
                for event in saved.unseen(events, position)
                if self.conn.execute(
                    "INSERT OR IGNORE INTO applied VALUES (?, ?)",
                    (event.identity, event.invoice_number),
                ).rowcount
            ]
            newest = saved.after(position)
            self.conn.execute(
                "UPDATE position SET epoch = ?, cursor = ?", (newest.epoch, newest.cursor)
            )
        return applied

    def invoices(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT invoice FROM applied ORDER BY rowid")]


def test_a_terminal_sees_only_the_payments_it_registered(relay: EmbeddedRelay) -> None:
    with client(relay, "T1") as till_a, client(relay, "T2") as till_b:
        till_a.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 5_000)
        till_b.register_payment("KSR-T2-20240501-000001", ProviderName.DOKU, 5_000)
        notify(relay, "KSR-T1-20240501-000001")
        notify(relay, "KSR-T2-20240501-000001")

        assert [e.invoice_number for e in till_a.fetch(RelayPosition())[0]] == [
            "KSR-T1-20240501-000001"
        ]
        assert [e.invoice_number for e in till_b.fetch(RelayPosition())[0]] == [
            "KSR-T2-20240501-000001"
        ]
        with pytest.raises(RelayRejected) as not_hers:
            till_b.payment_status("KSR-T1-20240501-000001")
        assert not_hers.value.status_code == 404
        with pytest.raises(RelayRejected) as taken:
            till_b.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 5_000)
        assert taken.value.status_code == 403


def test_registering_again_is_safe_but_changing_the_details_is_a_conflict(
    relay: EmbeddedRelay,
) -> None:
    with client(relay, "T1") as till:
        first = till.register_payment("KSR-T1-20240501-000009", ProviderName.ECOMMPAY_GATE, 5_000)
        again = till.register_payment("KSR-T1-20240501-000009", ProviderName.ECOMMPAY_GATE, 5_000)
        with pytest.raises(RelayRejected) as changed:
            till.register_payment("KSR-T1-20240501-000009", ProviderName.ECOMMPAY_GATE, 6_000)

    assert first and first == again
    assert changed.value.status_code == 409


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"invoice_number": "", "provider": "doku", "amount": 1}, "invoice_number"),
        ({"invoice_number": "I", "provider": "paypal", "amount": 1}, "provider"),
        ({"invoice_number": "I", "provider": "doku", "amount": 1.5}, "amount"),
        ({"invoice_number": "I", "provider": "doku", "amount": 0}, "amount"),
    ],
)
def test_a_bad_registration_gets_400_naming_the_field(
    relay: EmbeddedRelay, body: dict, named: str
) -> None:
    token = relay.add_terminal("T1")
    answer = httpx.post(
        relay.url + "/v1/payments", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 400
    assert named in answer.json()["error"]


def test_unknown_missing_and_revoked_tokens_are_refused(relay: EmbeddedRelay) -> None:
    with client(relay, "T1") as till:
        till.fetch(RelayPosition())
        assert httpx.get(relay.url + "/v1/events").status_code == 401
        with RelayClient(relay.url, "kasir_guessed") as stranger, pytest.raises(RelayUnauthorized):
            stranger.fetch(RelayPosition())

        assert relay_service.main(["revoke", "T1", *database_option(relay.storage.database)]) == 0

        with pytest.raises(RelayUnauthorized):
            till.fetch(RelayPosition())
        with pytest.raises(RelayUnauthorized):
            till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 1_000)


def test_a_payment_for_a_retired_till_is_shown_to_the_operator_until_it_is_brought_back(
    relay: EmbeddedRelay, capsys: pytest.CaptureFixture[str]
) -> None:
    """A customer pays a revoked till's QR code late: answered 200 (stored, so the provider
    stops retrying), and listed by ``orphans`` and counted by ``status``, since no till reads
    it, until ``rotate-token`` brings the terminal back with it."""
    option = database_option(relay.storage.database)
    invoice = "KSR-T1-20240501-000042"
    with client(relay, "T1") as till:
        till.register_payment(invoice, ProviderName.DOKU, 5_000)
        _, position = till.fetch(RelayPosition(), 0.0)
    assert relay_service.main(["revoke", "T1", *option]) == 0
    notify(relay, invoice)
    capsys.readouterr()

    assert relay_service.main(["orphans", *option]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert relay_service.main(["status", *option]) == 0
    status = capsys.readouterr().out
    assert relay_service.main(["rotate-token", "T1", *option]) == 0
    token = capsys.readouterr().out.splitlines()[-1]
    assert relay_service.main(["orphans", *option]) == 0
    after = capsys.readouterr().out
    with RelayClient(relay.url, token) as brought_back:
        events, _ = brought_back.fetch(position, 0.0)

    assert listed[0] == "1 notification(s) no active terminal has:"
    assert listed[1].endswith(
        f"{invoice}  paid  Rp 5.000 (registered Rp 5.000)  terminal T1 revoked"
    )
    assert "1 orphan(s), 0 of them kept apart, 1 for a revoked terminal" in status
    assert after == "No orphan notifications.\n"
    assert [event.invoice_number for event in events] == [invoice]


def test_cursor_resumption_never_skips_or_repeats_across_a_terminal_restart(
    relay: EmbeddedRelay, tmp_path: Path
) -> None:
    token = relay.add_terminal("T1")
    store = tmp_path / "terminal.db"
    with RelayClient(relay.url, token) as till:
        for invoice in (
            "KSR-T1-20240501-000001",
            "KSR-T1-20240501-000002",
            "KSR-T1-20240501-000003",
        ):
            till.register_payment(invoice, ProviderName.DOKU, 5_000)
        notify(relay, "KSR-T1-20240501-000001")
        notify(relay, "KSR-T1-20240501-000002")
        assert till.poll(SqliteSink(store), wait=0) == 2

    notify(relay, "KSR-T1-20240501-000003")
    notify(relay, "KSR-T1-20240501-000001", status="FAILED")
    sink = SqliteSink(store)  # the terminal restarted: a new client, the position from its store
    with RelayClient(relay.url, token) as till:
        events, position = till.fetch(sink.relay_position())
        assert sink.apply_relay_events(events, position) == events
        assert sink.apply_relay_events(events, position) == []  # a repeated batch is ignored
        assert till.poll(sink, wait=0) == 0

    assert sink.invoices() == [
        "KSR-T1-20240501-000001",
        "KSR-T1-20240501-000002",
        "KSR-T1-20240501-000003",
        "KSR-T1-20240501-000001",
    ]
    assert sink.relay_position() == position
    assert position.epoch == relay.storage.epoch


def test_events_answers_name_the_epoch_and_a_cursor_of_another_is_answered_from_the_start(
    relay: EmbeddedRelay,
) -> None:
    token = relay.add_terminal("T1")
    with RelayClient(relay.url, token) as till:
        for invoice in ("KSR-T1-20240501-000001", "KSR-T1-20240501-000002"):
            till.register_payment(invoice, ProviderName.DOKU, 5_000)
            notify(relay, invoice)
        first, second = till.fetch(RelayPosition())[0]

    def events(**query: object) -> dict:
        answer = httpx.get(
            relay.url + "/v1/events", params=query, headers={"Authorization": f"Bearer {token}"}
        )
        assert answer.status_code == 200, answer.text
        return answer.json()

    epoch = relay.storage.epoch
    same = events(after=first.cursor, epoch=epoch)
    other = events(after=second.cursor, epoch="0123abcd")
    assert [e["invoice_number"] for e in same["events"]] == ["KSR-T1-20240501-000002"]
    assert same["epoch"] == other["epoch"] == epoch
    assert [e["invoice_number"] for e in other["events"]] == [
        "KSR-T1-20240501-000001",
        "KSR-T1-20240501-000002",
    ]
    assert other["cursor"] == second.cursor
    assert events(after=second.cursor)["events"] == []  # no epoch named: the cursor as given
    assert httpx.get(relay.url + "/healthz").json()["epoch"] == epoch


def test_a_long_poll_answers_as_soon_as_an_event_arrives(relay: EmbeddedRelay) -> None:
    with client(relay, "T1") as till:
        till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 5_000)
        sink = MemorySink()
        poller = threading.Thread(target=till.poll, args=(sink, 30.0))
        poller.start()
        wait_until(lambda: relay.app.waiters.active == 1, what="the long-poll to wait")

        notify(relay, "KSR-T1-20240501-000001")

        poller.join(10)  # far below the 30 s wait: only an early answer ends it in time
        assert not poller.is_alive()
        assert [e.invoice_number for e in sink.events] == ["KSR-T1-20240501-000001"]


def test_a_delivery_committed_while_a_long_poll_reads_still_wakes_it(
    relay: EmbeddedRelay, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL a long-poll's read runs off the event loop: a notification committed after
    the read looked, its wake-up sent before the long-poll waits, must still end the wait (else
    the till hears of a paid QR only when the 25 s wait runs out). The real read is only held
    back until the notification is answered 200, so that moment comes every time."""
    invoice = "KSR-T1-20240501-000001"
    looked, release = threading.Event(), threading.Event()
    real_read = relay.storage.read

    async def held_read(fn: Callable[[Any], Any]) -> Any:
        found = await real_read(fn)
        if found == [] and not looked.is_set():  # the long-poll's look that found nothing
            looked.set()
            await asyncio.to_thread(release.wait, 10)
        return found

    monkeypatch.setattr(relay.storage, "read", held_read)
    with client(relay, "T1") as till:
        till.register_payment(invoice, ProviderName.DOKU, 5_000)
        sink = MemorySink()
        poller = threading.Thread(target=till.poll, args=(sink, 30.0))
        poller.start()
        wait_until(looked.is_set, what="the long-poll to look")
        notify(relay, invoice)
        release.set()

        poller.join(10)  # far below the 30 s wait: only the wake-up ends it in time
        assert not poller.is_alive()
        assert [e.invoice_number for e in sink.events] == [invoice]


def test_long_polls_beyond_the_caps_get_429(tmp_path: Path) -> None:
    config = relay_config(tmp_path / "relay.db", max_waits_per_terminal=1, max_waits_total=2)
    with start_relay(config) as relay:
        tills = [client(relay, name) for name in ("T1", "T2", "T3")]
        waiting = [
            threading.Thread(target=t.fetch, args=(RelayPosition(), 30.0)) for t in tills[:2]
        ]
        for thread in waiting:
            thread.start()
        wait_until(lambda: relay.app.waiters.active == 2, what="two long-polls")

        with pytest.raises(RelayRejected) as per_terminal:
            tills[0].fetch(RelayPosition(), 5.0)
        with pytest.raises(RelayRejected) as overall:
            tills[2].fetch(RelayPosition(), 5.0)
        assert tills[2].fetch(RelayPosition(), 0.0)[0] == []  # not waiting is always allowed

    for thread in waiting:
        thread.join(10)  # stopping the relay answers the open long-polls at once
        assert not thread.is_alive()
    assert per_terminal.value.status_code == overall.value.status_code == 429
    assert "this terminal" in str(per_terminal.value)
    assert "limit of 2" in str(overall.value)


def test_a_longer_wait_than_the_relays_limit_is_cut_to_it(tmp_path: Path) -> None:
    """A relay behind a proxy with a short timeout lowers limits.max_wait_seconds below the
    tills' fixed wait: their long-polls are served up to the limit, not refused 400 (which
    would leave them polling about twice a second)."""
    limit = 0.5
    invoice = "KSR-T1-20240501-000001"
    config = relay_config(tmp_path / "relay.db", max_wait_seconds=limit)
    with start_relay(config) as relay, client(relay, "T1") as till:
        till.register_payment(invoice, ProviderName.DOKU, 5_000)
        began = time.monotonic()
        nothing, position = till.fetch(RelayPosition(), DEFAULT_WAIT)
        waited = time.monotonic() - began
        notify(relay, invoice)
        events, _ = till.fetch(position, DEFAULT_WAIT)

    assert nothing == []
    assert limit <= waited < DEFAULT_WAIT
    assert [event.invoice_number for event in events] == [invoice]


@pytest.mark.parametrize(
    "query",
    [
        "after=-1",
        "after=x",
        "after=²",
        f"after={2**64}",
        "wait=-1",
        "wait=x",
        "wait=nan",
        "wait=inf",
        "epoch=",
        "epoch=a/b",
    ],
)
def test_bad_long_poll_parameters_get_400(relay: EmbeddedRelay, query: str) -> None:
    token = relay.add_terminal("T1")
    answer = httpx.get(
        f"{relay.url}/v1/events?{query}", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 400
    assert query.split("=")[0] in answer.json()["error"]


def test_run_applies_events_and_reports_connected_unauthorized_and_unreachable(
    relay: EmbeddedRelay,
) -> None:
    states: queue.Queue[ConnectionState] = queue.Queue()
    sink = MemorySink()
    stop = threading.Event()
    till = client(relay, "T1")
    till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 5_000)
    runner = threading.Thread(
        target=till.run, args=(sink, stop, states.put), kwargs={"wait": 0.5, "max_backoff": 0.2}
    )
    runner.start()
    try:
        assert states.get(timeout=5) is ConnectionState.CONNECTED
        notify(relay, "KSR-T1-20240501-000001")
        assert sink.wait_for(1, timeout=5)

        relay_service.main(["revoke", "T1", *database_option(relay.storage.database)])
        assert states.get(timeout=5) is ConnectionState.UNAUTHORIZED

        relay.stop()
        assert states.get(timeout=5) is ConnectionState.UNREACHABLE
    finally:
        stop.set()
        runner.join(5)
        till.close()
    assert not runner.is_alive()
    assert [(e.invoice_number, e.status) for e in sink.events] == [
        ("KSR-T1-20240501-000001", PaymentStatus.PAID)
    ]


def status_of(relay: EmbeddedRelay, token: str, invoice: str) -> httpx.Response:
    return httpx.get(
        f"{relay.url}/v1/payments/{invoice}", headers={"Authorization": f"Bearer {token}"}
    )


def register(relay: EmbeddedRelay, token: str, invoice: str, amount: int = 5_000):
    return httpx.post(
        relay.url + "/v1/payments",
        json={"invoice_number": invoice, "provider": "doku", "amount": amount},
        headers={"Authorization": f"Bearer {token}"},
    )


def test_a_terminal_registers_only_its_own_tills_numbers_and_a_refusal_gives_nothing_away(
    relay: EmbeddedRelay,
) -> None:
    t1, t2 = relay.add_terminal("T1"), relay.add_terminal("T2")
    taken = "KSR-T2-20240501-000001"
    assert register(relay, t2, taken).status_code == 201
    assert register(relay, t2, "RFD-T2-0123456789abcdef0123").status_code == 201
    assert register(relay, t1, "RFD-T1-0123456789abcdef0123").status_code == 201

    refusals = [
        register(relay, t1, invoice)
        for invoice in (
            taken,  # registered by T2
            "KSR-T2-20240501-000002",  # not registered by anyone
            "RFD-T2-0123456789abcdef0124",
            "KSR-T10-20240501-000001",
            "KSR-T1-2024-1",
            "INV-1",
        )
    ]

    assert {answer.status_code for answer in refusals} == {403}
    assert len({answer.text for answer in refusals}) == 1  # the same words for each
    assert "KSR-T1-" in refusals[0].json()["error"]
    seen, unseen = status_of(relay, t1, taken), status_of(relay, t1, "KSR-T2-20240501-000002")
    assert seen.status_code == unseen.status_code == 404
    assert seen.text.replace(taken, "?") == unseen.text.replace("KSR-T2-20240501-000002", "?")


def test_the_id_an_invoice_carries_is_never_ambiguous(relay: EmbeddedRelay) -> None:
    short, long = relay.add_terminal("A"), relay.add_terminal("A-B")
    invoice = "KSR-A-B-20240501-000001"  # A-B's 1st invoice, or A's with a day "B-…"? A-B's

    assert register(relay, short, invoice).status_code == 403
    assert register(relay, long, invoice).status_code == 201
    assert register(relay, short, "KSR-A-20240501-000001").status_code == 201
    assert register(relay, long, "KSR-A-20240501-000002").status_code == 403


def test_only_the_till_whose_id_an_orphan_carries_can_claim_it(relay: EmbeddedRelay) -> None:
    invoice = "KSR-T2-20240501-000007"
    notify(relay, invoice)  # paid before any terminal registered it: an orphan
    thief, owner = relay.add_terminal("T1"), relay.add_terminal("T2")

    assert register(relay, thief, invoice).status_code == 403
    with RelayClient(relay.url, thief) as till:
        assert till.fetch(RelayPosition())[0] == []
    assert register(relay, owner, invoice).status_code == 201
    with RelayClient(relay.url, owner) as till:
        events, _ = till.fetch(RelayPosition())
    assert [(e.invoice_number, e.status, e.amount) for e in events] == [
        (invoice, PaymentStatus.PAID, 5_000)
    ]


def test_a_terminal_added_before_terminal_ids_learns_its_id_from_its_first_invoice(
    relay: EmbeddedRelay, caplog: pytest.LogCaptureFixture
) -> None:
    relay.add_terminal("T1")
    legacy = relay.add_terminal("Toko Sari till 2")
    other_legacy = relay.add_terminal("terminal-0a1b2c3d")  # demo mode's kind of name

    assert register(relay, legacy, "KSR-T1-20240501-000001").status_code == 403  # T1's
    with caplog.at_level(logging.WARNING, logger="pos_app.relay"):
        assert register(relay, legacy, "KSR-T2-20240501-000001").status_code == 201
    assert register(relay, legacy, "RFD-T2-0123456789abcdef0123").status_code == 201
    assert register(relay, legacy, "KSR-T3-20240501-000001").status_code == 403
    assert register(relay, other_legacy, "KSR-T2-20240501-000002").status_code == 403

    assert "'Toko Sari till 2' had no terminal id: it takes 'T2'" in caplog.text
    assert legacy not in caplog.text
    terminal = relay.storage.write_from_thread(
        lambda conn: storage.terminal_by_name(conn, "Toko Sari till 2")
    )
    assert terminal is not None and terminal.till_id == "T2"


def test_the_numbers_a_till_makes_carry_its_id_as_the_relay_reads_it(tmp_path: Path) -> None:
    store = TerminalStore(tmp_path / "kasir.db")
    try:
        for till_id in ("T1", "kasir-1", "A-B", "0", "T" * 16):
            invoice = store.payments.next_invoice_number(till_id, datetime.now(UTC))
            assert auth.invoice_till_id(invoice) == till_id, invoice
            assert auth.invoice_till_id(new_payout_id(till_id)) == till_id
    finally:
        store.close()


@pytest.mark.parametrize(
    "candidate", ["T1", "kasir-1", "0", "T" * 16, "T" * 17, "-T1", "T 1", "T1/2", "T_1", "Ťill"]
)
def test_a_terminal_id_is_what_the_tills_settings_accept(tmp_path: Path, candidate: str) -> None:
    settings = tmp_path / "kasir.toml"
    settings.write_text(f'terminal_id = "{candidate}"\n', encoding="utf-8")
    try:
        accepted = load_settings(env={"KASIR_CONFIG": str(settings)}).terminal_id == candidate
    except ConfigError:
        accepted = False
    assert bool(auth.TERMINAL_ID.fullmatch(candidate)) is accepted


def test_a_relay_database_from_before_terminal_ids_keeps_working(tmp_path: Path) -> None:
    db = tmp_path / "relay.db"
    token = "kasir_an-old-token"
    old = sqlite3.connect(db, isolation_level=None)
    old.executescript(SCHEMA_2)
    old.execute("INSERT INTO meta VALUES ('epoch', 'e2')")
    old.execute(
        "INSERT INTO terminals VALUES (1, 'kasir-1', ?, '2024-05-01T00:00:00Z', NULL)",
        (auth.token_hash(token),),
    )
    old.execute(
        "INSERT INTO payments VALUES ('KSR-T1-20240501-000001', 'doku', 'doku', 1, 5000,"
        " NULL, NULL, '2024-05-01T00:00:00Z')"
    )
    old.execute(
        "INSERT INTO events VALUES (1, 'doku:k', 'doku', 'doku', 'KSR-T1-20240501-000001',"
        " 'paid', 5000, NULL, '2024-05-01T00:00:00Z', '{\"order\": {}}', NULL)"
    )
    old.execute("INSERT INTO deliveries VALUES (7, 1, 1)")
    old.execute("PRAGMA user_version = 2")
    old.close()

    with start_relay(relay_config(db)) as relay, RelayClient(relay.url, token) as till:
        events, position = till.fetch(RelayPosition())
        till.register_payment("KSR-T1-20240501-000002", ProviderName.DOKU, 5_000)  # learns T1
        with pytest.raises(RelayRejected) as not_its:
            till.register_payment("KSR-T2-20240501-000001", ProviderName.DOKU, 5_000)
        notify(relay, "KSR-T1-20240501-000002")
        later, _ = till.fetch(position)

    assert [(e.cursor, e.amount, e.currency) for e in events] == [(7, 5_000, "IDR")]
    assert not_its.value.status_code == 403
    assert [e.invoice_number for e in later] == ["KSR-T1-20240501-000002"]


def test_a_long_poll_opened_before_its_token_was_rotated_gets_no_event_after(
    relay: EmbeddedRelay,
) -> None:
    """rotate-token refuses the old token from that moment: a long-poll it opened before (a
    leaked token, the reason to rotate) is answered 401 when an event comes, not the event."""
    old_token = relay.add_terminal("T1")
    with RelayClient(relay.url, old_token) as till:
        till.register_payment("KSR-T1-20240501-000001", ProviderName.DOKU, 5_000)
    answers: queue.Queue[httpx.Response] = queue.Queue()
    poll = threading.Thread(
        target=lambda: answers.put(
            httpx.get(
                relay.url + "/v1/events",
                params={"after": 0, "wait": 30},
                headers={"Authorization": f"Bearer {old_token}"},
                timeout=40,
            )
        )
    )
    poll.start()
    wait_until(lambda: relay.app.waiters.active == 1, what="the long-poll to wait")

    assert auth.rotate_token(relay.storage.database, "T1") is not None
    notify(relay, "KSR-T1-20240501-000001")
    answer = answers.get(timeout=10)
    poll.join()

    assert answer.status_code == 401
    assert "KSR-T1" not in answer.text
