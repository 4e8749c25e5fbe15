"""The relay as its operator runs it (``python -m pos_app relay serve``): crash and shutdown, and
one process per SQLite file.

A notification acknowledged with 200 must survive a SIGKILL that comes right after the answer;
SIGTERM must answer open long-polls, drain the writer and close the database.
"""

import contextlib
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.payments.model import ProviderName, RelayPosition
from pos_app.relay import schema, storage
from pos_app.relay.auth import add_terminal
from tests.harness.relay_process import (
    RelayProcess,
    answers_healthz,
    free_port,
    signed_doku_notification,
    wait_until,
)


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayProcess]:
    running = RelayProcess(tmp_path, log_level="debug")
    yield running
    running.stop(signal.SIGKILL)


def post_notification(url: str, invoice: str) -> int:
    headers, body = signed_doku_notification(invoice_number=invoice, amount=7_000)
    return httpx.post(url + "/doku/notifications", content=body, headers=headers).status_code


def test_acknowledged_notifications_survive_a_sigkill_right_after_the_200(
    relay: RelayProcess,
) -> None:
    token = add_terminal(relay.db, "T1")
    relay.start()
    with RelayClient(relay.url, token) as till:
        till.register_payment("KSR-T1-20240501-000000", ProviderName.DOKU, 7_000)
    invoices = [f"KSR-T1-20240501-{n:06d}" for n in range(40)]

    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda invoice: post_notification(relay.url, invoice), invoices))
    relay.stop(signal.SIGKILL)  # at once after the last 200: no chance of a clean close

    assert codes == [200] * len(invoices)
    relay.start()
    with RelayClient(relay.url, token) as till:
        events, _ = till.fetch(RelayPosition())
    with contextlib.closing(schema.connect(relay.db)) as conn:
        counts = storage.counts(conn)
    assert [e.invoice_number for e in events] == ["KSR-T1-20240501-000000"]
    assert counts["events"] == len(invoices)
    assert counts["orphans"] == len(invoices) - 1


def test_sigterm_answers_open_long_polls_and_closes_the_database(relay: RelayProcess) -> None:
    token = add_terminal(relay.db, "T1")
    relay.start()
    answers: list[tuple[list, RelayPosition]] = []
    with RelayClient(relay.url, token) as till:
        poller = threading.Thread(target=lambda: answers.append(till.fetch(RelayPosition(), 30.0)))
        poller.start()
        wait_until(lambda: "long-polls for up to" in relay.log.read_text(), what="the long-poll")

        code = relay.stop(signal.SIGTERM)
        poller.join(10)

    assert code in (0, -signal.SIGTERM)
    assert [(events, position.cursor) for events, position in answers] == [([], 0)]
    assert not Path(f"{relay.db}-wal").exists()  # the last connection closed cleanly


def test_a_second_relay_on_the_same_sqlite_file_is_refused_while_the_first_serves(
    relay: RelayProcess,
) -> None:
    relay.start()
    assert relay.process is not None
    command = ["relay", "serve", "--config", str(relay.config), "--port", str(free_port())]
    second = subprocess.run(
        [sys.executable, "-m", "pos_app", *command],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert second.returncode == 1
    assert f"process {relay.process.pid} serves {relay.db} already" in second.stderr
    assert "PostgreSQL" in second.stderr
    assert answers_healthz(relay.url), "the first one serves on"
    relay.stop(signal.SIGTERM)
    relay.start()  # the file is free again once its relay stopped
