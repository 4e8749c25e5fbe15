"""Two relay processes (``pos-app relay serve``) on one PostgreSQL database, as an operator runs
several workers: a delivery one stores wakes a long-poll waiting in the other, and killing one
under load loses nothing it answered 200."""

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.payments.model import ProviderName, RelayPosition
from pos_app.relay import schema
from pos_app.relay.auth import add_terminal
from tests.harness.postgres_server import PostgresServer
from tests.harness.relay_process import RelayProcess, signed_doku_notification, wait_until

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
