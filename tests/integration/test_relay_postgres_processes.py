"""Two relay processes (``pos-app relay serve``) on one PostgreSQL database, as an operator runs
several workers: a delivery one stores wakes a long-poll waiting in the other, and killing one
under load loses nothing it answered 200; nor does a crash of the server's own processes."""

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psycopg
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import start_relay
from pos_app.payments.model import PaymentStatus, ProviderName, RelayEvent, RelayPosition
from pos_app.relay import schema
from pos_app.relay.auth import add_terminal
from tests.harness.postgres_server import PostgresServer, start_server, stop_server
from tests.harness.relay_process import (
    RelayProcess,
    relay_config,
    signed_doku_notification,
    wait_until,
)

LONG_POLL = 20.0


@pytest.fixture
def database(postgres_server: PostgresServer) -> str:
    return postgres_server.new_database()


@pytest.fixture
def pair(tmp_path: Path, database: str) -> Iterator[tuple[RelayProcess, RelayProcess]]:
    first = RelayProcess(tmp_path / "a", log_level="debug", database_url=database)
    second = RelayProcess(tmp_path / "b", log_level="debug", database_url=database)
    yield first, second
    first.stop(signal.SIGKILL)
    second.stop(signal.SIGKILL)


def post_notification(url: str, invoice: str) -> int:
    headers, body = signed_doku_notification(invoice_number=invoice, amount=7_000)
    return httpx.post(url + "/doku/notifications", content=body, headers=headers).status_code


def test_a_notification_stored_by_one_process_wakes_a_long_poll_waiting_in_the_other(
    pair: tuple[RelayProcess, RelayProcess], database: str
) -> None:
    first, second = pair
    token = add_terminal(database, "T1")
    first.start()
    second.start()
    invoice = "KSR-T1-20240501-000001"
    with RelayClient(first.url, token) as till:
        till.register_payment(invoice, ProviderName.DOKU, 7_000)
    answer: list[tuple[list[str], float]] = []

    def long_poll() -> None:
        with RelayClient(second.url, token, timeout=LONG_POLL + 10) as till:
            events, _ = till.fetch(RelayPosition(), wait=LONG_POLL)
        answer.append(([e.invoice_number for e in events], time.monotonic()))

    waiting = threading.Thread(target=long_poll)
    waiting.start()
    wait_until(
        lambda: "long-polls for up to" in second.log.read_text(), what="the long-poll to wait"
    )
    posted = time.monotonic()
    assert post_notification(first.url, invoice) == 200
    waiting.join(LONG_POLL + 15)

    invoices, answered = answer[0]
    assert invoices == [invoice]
    assert answered - posted < LONG_POLL / 2  # woken, not answered at the end of its wait


def test_an_orphan_one_process_stored_is_handed_once_to_a_long_poll_in_the_other(
    pair: tuple[RelayProcess, RelayProcess], database: str
) -> None:
    """A payment notified before its till registered it: stored (twice, as DOKU retries) by one
    process, adopted when the till registers through that one, and handed once to the till's
    long-poll waiting in the other, at once; a repeated registration hands nothing again."""
    first, second = pair
    token = add_terminal(database, "T1")
    first.start()
    second.start()
    invoice = "KSR-T1-20240501-000001"
    assert post_notification(first.url, invoice) == 200
    assert post_notification(first.url, invoice) == 200
    answer: list[tuple[list[RelayEvent], RelayPosition, float]] = []

    def long_poll() -> None:
        with RelayClient(second.url, token, timeout=LONG_POLL + 10) as till:
            events, position = till.fetch(RelayPosition(), wait=LONG_POLL)
        answer.append((events, position, time.monotonic()))

    waiting = threading.Thread(target=long_poll)
    waiting.start()
    wait_until(
        lambda: "long-polls for up to" in second.log.read_text(), what="the long-poll to wait"
    )
    registered = time.monotonic()
    with RelayClient(first.url, token) as till:
        till.register_payment(invoice, ProviderName.DOKU, 7_000)
    waiting.join(LONG_POLL + 15)
    events, position, answered = answer[0]
    with RelayClient(second.url, token) as till:
        till.register_payment(invoice, ProviderName.DOKU, 7_000)
        later, _ = till.fetch(position)

    assert [(e.invoice_number, e.status) for e in events] == [(invoice, PaymentStatus.PAID)]
    assert answered - registered < LONG_POLL / 2  # woken by the adoption
    assert later == []


def test_killing_one_of_two_processes_under_load_loses_nothing_answered_200(
    pair: tuple[RelayProcess, RelayProcess], database: str
) -> None:
    first, second = pair
    token = add_terminal(database, "T1")
    first.start()
    second.start()
    invoices = [f"KSR-T1-20240501-{n:06d}" for n in range(400)]
    with RelayClient(second.url, token) as till:
        for invoice in invoices:
            till.register_payment(invoice, ProviderName.DOKU, 7_000)
    acknowledged: list[str] = []
    failed: list[str] = []
    lock = threading.Lock()

    def send(numbered: tuple[int, str]) -> None:
        number, invoice = numbered
        url = first.url if number % 2 == 0 else second.url
        try:
            code = post_notification(url, invoice)
        except httpx.TransportError:
            code = 0
        with lock:
            (acknowledged if code == 200 else failed).append(invoice)

    followed: list[str] = []
    load_done = threading.Event()

    def follow() -> None:
        """A terminal reading from its cursor all along: commits of both processes interleave,
        and it must never pass a cursor that commits later."""
        position = RelayPosition()
        with RelayClient(second.url, token) as till:
            while True:
                events, position = till.fetch(position, wait=1)
                followed.extend(event.invoice_number for event in events)
                if load_done.is_set() and not events:
                    return

    follower = threading.Thread(target=follow)
    follower.start()
    with ThreadPoolExecutor(8) as pool:
        sent = pool.map(send, enumerate(invoices))
        wait_until(lambda: len(acknowledged) >= 60, timeout=30, what="60 acknowledgements")
        first.stop(signal.SIGKILL)  # mid-load: requests in flight to it are cut off
        list(sent)
    load_done.set()
    follower.join(30)

    with RelayClient(second.url, token) as till:
        events, _ = till.fetch(RelayPosition())
    with contextlib.closing(schema.connect(database)) as conn:
        stored = {row[0] for row in conn.execute("SELECT invoice_number FROM events")}
    delivered = [event.invoice_number for event in events]
    cursors = [event.cursor for event in events]
    assert failed  # the kill landed while requests were still going to the killed process
    assert set(acknowledged) <= stored
    assert set(acknowledged) <= set(delivered)
    assert len(delivered) == len(set(delivered)) == len(stored)  # once each
    assert cursors == sorted(cursors) and len(set(cursors)) == len(cursors)
    assert followed == delivered  # read along the way: nothing skipped, nothing twice


@pytest.fixture
def own_server(postgres_server: PostgresServer) -> Iterator[PostgresServer]:
    """A server of the test's own (the session's, ``postgres_server``, shows the machine has
    PostgreSQL): the test tunes it server-wide and crashes it."""
    server, as_user = start_server()
    try:
        yield server
    finally:
        stop_server(server, as_user)


def wal_writer(server: PostgresServer) -> int | None:
    """The process id of the server's WAL writer; ``None`` while the server takes no
    connections."""
    try:
        with psycopg.connect(server.url(), autocommit=True) as conn:
            row = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE backend_type = 'walwriter'"
            ).fetchone()
    except psycopg.OperationalError:
        return None
    return None if row is None else int(row[0])


def crash_a_server_process(server: PostgresServer) -> None:
    """What the OOM killer does to one of PostgreSQL's processes: the server ends all the others,
    throws away its memory, recovers from what its WAL files hold, and starts them anew."""
    before = wal_writer(server)
    conn = psycopg.connect(server.url(), autocommit=True)
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()
    assert before is not None and pid is not None
    os.kill(pid[0], signal.SIGKILL)  # while its session is open: it cannot have ended yet
    conn.close()
    wait_until(
        lambda: wal_writer(server) not in (None, before), timeout=30, what="the server's recovery"
    )


def test_a_notification_answered_200_survives_a_crash_of_the_database_server(
    own_server: PostgresServer,
) -> None:
    """An operator may turn synchronous_commit off for the relay's database (a common tuning):
    a commit then returns before its WAL is written, and a server process that crashes takes
    it with it, though DOKU was answered 200 and never sends it again. The relay commits
    durably whatever the database says."""
    database = own_server.new_database()
    token = add_terminal(database, "T1")  # committed before the tuning
    with psycopg.connect(own_server.url(), autocommit=True) as conn:
        name = psycopg.conninfo.conninfo_to_dict(database)["dbname"]
        conn.execute(f"ALTER DATABASE {name} SET synchronous_commit = off")
        conn.execute("ALTER SYSTEM SET wal_writer_delay = '10s'")  # nothing writes it meanwhile
        conn.execute("SELECT pg_reload_conf()")
    invoice = "KSR-T1-20240501-000001"
    with start_relay(relay_config(database)) as relay, RelayClient(relay.url, token) as till:
        till.register_payment(invoice, ProviderName.DOKU, 7_000)
        assert post_notification(relay.url, invoice) == 200

        crash_a_server_process(own_server)
        events, _ = till.fetch(RelayPosition())

    assert [event.invoice_number for event in events] == [invoice]
