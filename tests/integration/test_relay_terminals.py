"""Terminals against a real relay on loopback: tokens, isolation, cursors, long-polls, retries."""

import queue
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx
import pytest

from pos_app.payments.model import PaymentStatus, ProviderName, RelayEvent, RelayPosition
from pos_app.relay import cli
from pos_app.relay.client import (
    ConnectionState,
    RelayClient,
    RelayRejected,
    RelayUnauthorized,
)
from pos_app.relay.embedded import EmbeddedRelay, start_relay
from pos_app.relay.testing import (
    MemorySink,
    relay_config,
    signed_doku_notification,
    wait_until,
)


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[EmbeddedRelay]:
    with start_relay(relay_config(tmp_path / "relay.db")) as running:
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
    with client(relay, "till-a") as till_a, client(relay, "till-b") as till_b:
        till_a.register_payment("INV-A", ProviderName.DOKU, 5_000)
        till_b.register_payment("INV-B", ProviderName.DOKU, 5_000)
        notify(relay, "INV-A")
        notify(relay, "INV-B")

        assert [e.invoice_number for e in till_a.fetch_events(0)[0]] == ["INV-A"]
        assert [e.invoice_number for e in till_b.fetch_events(0)[0]] == ["INV-B"]
        with pytest.raises(RelayRejected) as not_hers:
            till_b.payment_status("INV-A")
        assert not_hers.value.status_code == 404
        with pytest.raises(RelayRejected) as taken:
            till_b.register_payment("INV-A", ProviderName.DOKU, 5_000)
        assert taken.value.status_code == 409


def test_registering_again_is_safe_but_changing_the_details_is_a_conflict(
    relay: EmbeddedRelay,
) -> None:
    with client(relay, "till") as till:
        first = till.register_payment("G-1", ProviderName.ECOMMPAY_GATE, 5_000)
        again = till.register_payment("G-1", ProviderName.ECOMMPAY_GATE, 5_000)
        with pytest.raises(RelayRejected) as changed:
            till.register_payment("G-1", ProviderName.ECOMMPAY_GATE, 6_000)

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
    token = relay.add_terminal("till")
    answer = httpx.post(
        relay.url + "/v1/payments", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 400
    assert named in answer.json()["error"]


def test_unknown_missing_and_revoked_tokens_are_refused(relay: EmbeddedRelay) -> None:
    with client(relay, "till") as till:
        till.fetch_events(0)
        assert httpx.get(relay.url + "/v1/events").status_code == 401
        with RelayClient(relay.url, "kasir_guessed") as stranger, pytest.raises(RelayUnauthorized):
            stranger.fetch_events(0)

        assert cli.main(["revoke", "till", "--db", str(relay.storage.path)]) == 0

        with pytest.raises(RelayUnauthorized):
            till.fetch_events(0)
        with pytest.raises(RelayUnauthorized):
            till.register_payment("INV-1", ProviderName.DOKU, 1_000)


def test_cursor_resumption_never_skips_or_repeats_across_a_terminal_restart(
    relay: EmbeddedRelay, tmp_path: Path
) -> None:
    token = relay.add_terminal("till")
    store = tmp_path / "terminal.db"
    with RelayClient(relay.url, token) as till:
        for invoice in ("INV-1", "INV-2", "INV-3"):
            till.register_payment(invoice, ProviderName.DOKU, 5_000)
        notify(relay, "INV-1")
        notify(relay, "INV-2")
        assert till.poll(SqliteSink(store), wait=0) == 2

    notify(relay, "INV-3")
    notify(relay, "INV-1", status="FAILED")
    sink = SqliteSink(store)  # the terminal restarted: a new client, the position from its store
    with RelayClient(relay.url, token) as till:
        events, position = till.fetch(sink.relay_position())
        assert sink.apply_relay_events(events, position) == events
        assert sink.apply_relay_events(events, position) == []  # a repeated batch is ignored
        assert till.poll(sink, wait=0) == 0

    assert sink.invoices() == ["INV-1", "INV-2", "INV-3", "INV-1"]
    assert sink.relay_position() == position
    assert position.epoch == relay.storage.epoch


def test_events_answers_name_the_epoch_and_a_cursor_of_another_is_answered_from_the_start(
    relay: EmbeddedRelay,
) -> None:
    token = relay.add_terminal("till")
    with RelayClient(relay.url, token) as till:
        for invoice in ("INV-1", "INV-2"):
            till.register_payment(invoice, ProviderName.DOKU, 5_000)
            notify(relay, invoice)
        first, second = till.fetch_events(0)[0]

    def events(**query: object) -> dict:
        answer = httpx.get(
            relay.url + "/v1/events", params=query, headers={"Authorization": f"Bearer {token}"}
        )
        assert answer.status_code == 200, answer.text
        return answer.json()

    epoch = relay.storage.epoch
    same = events(after=first.cursor, epoch=epoch)
    other = events(after=second.cursor, epoch="0123abcd")
    assert [e["invoice_number"] for e in same["events"]] == ["INV-2"]
    assert same["epoch"] == other["epoch"] == epoch
    assert [e["invoice_number"] for e in other["events"]] == ["INV-1", "INV-2"]
    assert other["cursor"] == second.cursor
    assert events(after=second.cursor)["events"] == []  # no epoch named: the cursor as given
    assert httpx.get(relay.url + "/healthz").json()["epoch"] == epoch


def test_a_long_poll_answers_as_soon_as_an_event_arrives(relay: EmbeddedRelay) -> None:
    with client(relay, "till") as till:
        till.register_payment("INV-1", ProviderName.DOKU, 5_000)
        sink = MemorySink()
        poller = threading.Thread(target=till.poll, args=(sink, 30.0))
        poller.start()
        wait_until(lambda: relay.app.waiters.active == 1, what="the long-poll to wait")

        notify(relay, "INV-1")

        poller.join(10)  # far below the 30 s wait: only an early answer ends it in time
        assert not poller.is_alive()
        assert [e.invoice_number for e in sink.events] == ["INV-1"]


def test_long_polls_beyond_the_caps_get_429(tmp_path: Path) -> None:
    config = relay_config(tmp_path / "relay.db", max_waits_per_terminal=1, max_waits_total=2)
    with start_relay(config) as relay:
        tills = [client(relay, name) for name in ("a", "b", "c")]
        waiting = [threading.Thread(target=t.fetch_events, args=(0, 30.0)) for t in tills[:2]]
        for thread in waiting:
            thread.start()
        wait_until(lambda: relay.app.waiters.active == 2, what="two long-polls")

        with pytest.raises(RelayRejected) as per_terminal:
            tills[0].fetch_events(0, 5.0)
        with pytest.raises(RelayRejected) as overall:
            tills[2].fetch_events(0, 5.0)
        assert tills[2].fetch_events(0, 0.0) == ([], 0)  # not waiting is always allowed

    for thread in waiting:
        thread.join(10)  # stopping the relay answers the open long-polls at once
        assert not thread.is_alive()
    assert per_terminal.value.status_code == overall.value.status_code == 429
    assert "this terminal" in str(per_terminal.value)
    assert "limit of 2" in str(overall.value)


@pytest.mark.parametrize(
    "query",
    [
        "after=-1",
        "after=x",
        "after=²",
        f"after={2**64}",
        "wait=61",
        "wait=nan",
        "epoch=",
        "epoch=a/b",
    ],
)
def test_bad_long_poll_parameters_get_400(relay: EmbeddedRelay, query: str) -> None:
    token = relay.add_terminal("till")
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
    till = client(relay, "till")
    till.register_payment("INV-1", ProviderName.DOKU, 5_000)
    runner = threading.Thread(
        target=till.run, args=(sink, stop, states.put), kwargs={"wait": 0.5, "max_backoff": 0.2}
    )
    runner.start()
    try:
        assert states.get(timeout=5) is ConnectionState.CONNECTED
        notify(relay, "INV-1")
        assert sink.wait_for(1, timeout=5)

        cli.main(["revoke", "till", "--db", str(relay.storage.path)])
        assert states.get(timeout=5) is ConnectionState.UNAUTHORIZED

        relay.stop()
        assert states.get(timeout=5) is ConnectionState.UNREACHABLE
    finally:
        stop.set()
        runner.join(5)
        till.close()
    assert not runner.is_alive()
    assert [(e.invoice_number, e.status) for e in sink.events] == [("INV-1", PaymentStatus.PAID)]
