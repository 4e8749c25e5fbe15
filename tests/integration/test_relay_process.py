"""The relay as its operator runs it (``python -m pos_app relay serve``): crash and shutdown.

A notification acknowledged with 200 must survive a SIGKILL that comes right after the answer;
SIGTERM must answer open long-polls, drain the writer and close the database.
"""

import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from pos_app.payments.model import ProviderName
from pos_app.relay.auth import add_terminal
from pos_app.relay.client import RelayClient
from pos_app.relay.testing import (
    DOKU_CLIENT_ID,
    DOKU_SECRET_KEY,
    signed_doku_notification,
    wait_until,
)

STARTUP_TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RelayProcess:
    def __init__(self, tmp_path: Path) -> None:
        self.db = tmp_path / "relay.db"
        self.config = tmp_path / "relay.toml"
        self.config.write_text(
            f'[relay]\nhost = "127.0.0.1"\ndb = "relay.db"\nlog_level = "warning"\n'
            f'[doku]\nclient_id = "{DOKU_CLIENT_ID}"\nsecret_key = "{DOKU_SECRET_KEY}"\n'
        )
        self.log = tmp_path / "relay.log"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = ["relay", "serve", "--config", str(self.config), "--port", str(self.port)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pos_app", *command], stdout=log, stderr=log
            )
        wait_until(self.ready, STARTUP_TIMEOUT, what="the relay to answer /healthz")

    def ready(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise RuntimeError(f"relay exited: {self.log.read_text()}")
        try:
            return httpx.get(self.url + "/healthz", timeout=1).status_code == 200
        except httpx.TransportError:
            return False

    def stop(self, sig: int) -> int:
        assert self.process is not None
        self.process.send_signal(sig)
        return self.process.wait(15)


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayProcess]:
    running = RelayProcess(tmp_path)
    yield running
    if running.process is not None and running.process.poll() is None:
        running.process.kill()
        running.process.wait(5)


def post_notification(url: str, invoice: str) -> int:
    headers, body = signed_doku_notification(invoice_number=invoice, amount=7_000)
    return httpx.post(url + "/doku/notifications", content=body, headers=headers).status_code


def test_acknowledged_notifications_survive_a_sigkill_right_after_the_200(
    relay: RelayProcess,
) -> None:
    token = add_terminal(relay.db, "till")
    relay.start()
    with RelayClient(relay.url, token) as till:
        till.register_payment("INV-0", ProviderName.DOKU, 7_000)
    invoices = [f"INV-{n}" for n in range(40)]

    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda invoice: post_notification(relay.url, invoice), invoices))
    relay.stop(signal.SIGKILL)  # at once after the last 200: no chance of a clean close

    assert codes == [200] * len(invoices)
    relay.start()
    with RelayClient(relay.url, token) as till:
        events, _ = till.fetch_events(0)
        counts = httpx.get(relay.url + "/healthz").json()["counts"]
    assert [e.invoice_number for e in events] == ["INV-0"]
    assert counts["events"] == len(invoices)
    assert counts["orphans"] == len(invoices) - 1


def test_sigterm_answers_open_long_polls_and_closes_the_database(relay: RelayProcess) -> None:
    token = add_terminal(relay.db, "till")
    relay.start()
    answers: list[tuple[list, int]] = []
    with RelayClient(relay.url, token) as till:
        poller = threading.Thread(target=lambda: answers.append(till.fetch_events(0, 30.0)))
        poller.start()
        wait_until(
            lambda: httpx.get(relay.url + "/healthz").json()["long_polls"] == 1,
            what="the long-poll to wait",
        )

        code = relay.stop(signal.SIGTERM)
        poller.join(10)

    assert code in (0, -signal.SIGTERM)
    assert answers == [([], 0)]
    assert not Path(f"{relay.db}-wal").exists()  # the last connection closed cleanly
