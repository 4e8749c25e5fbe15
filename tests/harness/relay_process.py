"""Signed notifications, an in-memory sink, relay launchers: for the relay's tests and benchmarks.

Notifications are signed as the providers do (docs/architecture.md, Provider facts) with the shared
signing contracts, so what the relay verifies here is what it verifies in production.
"""

import json
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

from pos_app.domain.money import to_minor_units
from pos_app.payments.doku.signing import signed_headers
from pos_app.payments.ecommpay.signing import ecommpay_signature
from pos_app.payments.model import RelayEvent, RelayPosition
from pos_app.relay.app import DOKU_ROUTE
from pos_app.relay.config import RelayConfig

DOKU_CLIENT_ID = "BRN-0001-TEST"
DOKU_SECRET_KEY = "doku-test-secret-key"
ECOMMPAY_PROJECT_ID = 238
ECOMMPAY_SECRET_KEY = "ecommpay-test-secret-key"


SCHEMA_2 = """
CREATE TABLE terminals (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE payments (invoice_number TEXT PRIMARY KEY, provider TEXT NOT NULL,
    family TEXT NOT NULL, terminal_id INTEGER NOT NULL REFERENCES terminals(id),
    amount INTEGER NOT NULL, redirect_token TEXT UNIQUE, redirect_expires_at TEXT,
    created_at TEXT NOT NULL);
CREATE TABLE events (id INTEGER PRIMARY KEY, dedupe_key TEXT NOT NULL UNIQUE,
    family TEXT NOT NULL, provider TEXT NOT NULL, invoice_number TEXT NOT NULL,
    status TEXT NOT NULL, amount INTEGER, request_id TEXT, received_at TEXT NOT NULL,
    payload TEXT NOT NULL, redirect_data TEXT);
CREATE INDEX events_invoice ON events(invoice_number, family);
CREATE TABLE deliveries (cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    terminal_id INTEGER NOT NULL REFERENCES terminals(id),
    event_id INTEGER NOT NULL UNIQUE REFERENCES events(id));
CREATE INDEX deliveries_terminal ON deliveries(terminal_id, cursor);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
"""The relay's schema 2 (and, without an epoch, 1), as databases made before till ids have it:
for the tests of the upgrade."""


def relay_config(database: Path | str, **overrides: Any) -> RelayConfig:
    """A loopback relay on a free port with both providers set up with the test credentials, on
    a SQLite file or a PostgreSQL URL."""
    where = {"database_url": database} if isinstance(database, str) else {"db": database}
    settings: dict[str, Any] = where | {
        "host": "127.0.0.1",
        "port": 0,
        "doku_client_id": DOKU_CLIENT_ID,
        "doku_secret_key": DOKU_SECRET_KEY,
        "ecommpay_project_id": ECOMMPAY_PROJECT_ID,
        "ecommpay_secret_key": ECOMMPAY_SECRET_KEY,
    }
    return RelayConfig(**(settings | overrides))


def signed_doku_notification(
    *,
    invoice_number: str,
    amount: int,
    client_id: str = DOKU_CLIENT_ID,
    secret_key: str = DOKU_SECRET_KEY,
    status: str = "SUCCESS",
    request_target: str = DOKU_ROUTE,
    request_id: str | None = None,
    date: str = "2024-05-01T08:00:00Z",
) -> tuple[dict[str, str], bytes]:
    """Headers and body of a DOKU e-money HTTP notification, signed for ``request_target``."""
    body = json.dumps(
        {
            "service": {"id": "EMONEY"},
            "acquirer": {"id": "DOKU_WALLET"},
            "channel": {"id": "EMONEY_DOKU"},
            "order": {"invoice_number": invoice_number, "amount": amount},
            "transaction": {
                "status": status,
                "date": date,
                "original_request_id": f"req-{invoice_number}",
            },
            "additional_info": {},
        },
        separators=(",", ":"),
    ).encode("utf-8")
    headers = signed_headers(
        client_id=client_id,
        secret_key=secret_key,
        request_target=request_target,
        body=body,
        request_id=request_id,
    )
    return headers, body


def signed_doku_body(body: bytes) -> dict[str, str]:
    """Headers that sign ``body``, whatever it holds, as DOKU signs a notification."""
    return signed_headers(
        client_id=DOKU_CLIENT_ID, secret_key=DOKU_SECRET_KEY, request_target=DOKU_ROUTE, body=body
    )


def signed_ecommpay_callback(
    *,
    payment_id: str,
    amount: int,
    project_id: int = ECOMMPAY_PROJECT_ID,
    secret_key: str = ECOMMPAY_SECRET_KEY,
    status: str = "success",
    redirect_data: Mapping[str, Any] | None = None,
    operation_id: int = 6085000002263,
    currency: str = "IDR",
) -> bytes:
    """An ecommpay purchase callback (amount in rupiah, sent in minor units), signed."""
    payload: dict[str, Any] = {
        "project_id": project_id,
        "payment": {
            "id": payment_id,
            "type": "purchase",
            "status": status,
            "date": "2024-05-01T08:00:00+0000",
            "method": "Doku",
            "sum": {"amount": to_minor_units(amount), "currency": currency},
            "description": "",
        },
        "operation": {
            "id": operation_id,
            "type": "sale",
            "status": status,
            "date": "2024-05-01T08:00:00+0000",
            "request_id": f"req-{payment_id}-{operation_id}",
            "sum_initial": {"amount": to_minor_units(amount), "currency": currency},
            "code": "0",
            "message": status,
        },
    }
    if redirect_data is not None:
        payload["redirect_data"] = dict(redirect_data)
    payload["signature"] = ecommpay_signature(payload, secret_key)
    return json.dumps(payload).encode("utf-8")


def database_option(database: Path | str) -> list[str]:
    """The ``pos-app relay`` option that names this database."""
    if isinstance(database, str):
        return ["--database-url", database]
    return ["--db", str(database)]


def wait_until(condition: Callable[[], bool], timeout: float = 5.0, what: str = "") -> None:
    """Check ``condition`` every 10 ms until it holds; ``TimeoutError`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {timeout:g} s waiting for {what or condition}")
        pause.wait(0.01)


def free_port() -> int:
    """A loopback port free right now (for a process that must be told its port up front)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers_healthz(base_url: str) -> bool:
    try:
        return httpx.get(base_url + "/healthz", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


class RelayProcess:
    """``python -m pos_app relay serve`` in a subprocess, as an operator runs it.

    The config file in ``workdir`` sets up DOKU and ecommpay with the test credentials; its log
    goes to ``workdir/relay.log``. With ``database_url`` it keeps its data in that PostgreSQL
    database instead of ``workdir/relay.db`` (several processes may share one).
    """

    STARTUP_TIMEOUT = 20.0

    def __init__(
        self,
        workdir: Path,
        *,
        log_level: str = "warning",
        database_url: str = "",
        max_wait_seconds: float | None = None,
    ) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.db = workdir / "relay.db"
        self.log = workdir / "relay.log"
        self.config = workdir / "relay.toml"
        database = f'database_url = "{database_url}"\n' if database_url else ""
        self.config.write_text(
            f'[relay]\nhost = "127.0.0.1"\ndb = "relay.db"\nlog_level = "{log_level}"\n{database}'
            f'[doku]\nclient_id = "{DOKU_CLIENT_ID}"\nsecret_key = "{DOKU_SECRET_KEY}"\n'
            f"[ecommpay]\nproject_id = {ECOMMPAY_PROJECT_ID}\n"
            f'secret_key = "{ECOMMPAY_SECRET_KEY}"\n'
            + (
                ""
                if max_wait_seconds is None
                else f"[limits]\nmax_wait_seconds = {max_wait_seconds}\n"
            )
        )
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = ["relay", "serve", "--config", str(self.config), "--port", str(self.port)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pos_app", *command], stdout=log, stderr=log
            )
        wait_until(self.ready, self.STARTUP_TIMEOUT, what="the relay to answer /healthz")

    def ready(self) -> bool:
        if self.process is None or self.process.poll() is not None:
            raise RuntimeError(f"the relay is not running: {self.log.read_text()}")
        return answers_healthz(self.url)

    def stop(self, sig: int = signal.SIGTERM) -> int:
        """Send ``sig`` and wait for the exit; the exit code."""
        if self.process is None:
            return 0
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(15)


class MemorySink:
    """An :class:`~pos_app.payments.model.EventSink` in memory, atomic under a lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.position = RelayPosition()
        self.events: list[RelayEvent] = []
        self._held: set[str] = set()
        self.applied = threading.Condition(self._lock)

    def relay_position(self) -> RelayPosition:
        with self._lock:
            return self.position

    def apply_relay_events(
        self, events: Sequence[RelayEvent], position: RelayPosition
    ) -> list[RelayEvent]:
        with self._lock:
            new = [
                event
                for event in self.position.unseen(events, position)
                if event.identity not in self._held
            ]
            self.events.extend(new)
            self._held.update(event.identity for event in new)
            self.position = self.position.after(position)
            self.applied.notify_all()
            return new

    def wait_for(self, count: int, timeout: float) -> bool:
        """Wait until at least ``count`` events are applied; ``False`` if the time ran out."""
        with self._lock:
            return self.applied.wait_for(lambda: len(self.events) >= count, timeout)
