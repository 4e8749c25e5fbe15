"""Relay latency: a notification's POST → the long-polling terminal has applied it (issue 4).

A terminal runs the real ``RelayClient.run`` loop against the relay (its own process); this
script posts one signed DOKU notification at a time and times it until the terminal's sink has
it. Measured twice: on an idle relay, and while another process floods it with notifications
for a second terminal (its figure read from the relay's database). Target: p95 ≤ 20 ms.
"""

import contextlib
import queue
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import httpx
from relay_ingest import prepare_tills, till_invoices

from pos_app.clients.relay_client import ConnectionState, RelayClient
from pos_app.payments.model import RelayEvent, RelayPosition
from pos_app.relay import schema, storage
from tests.harness.load_generator import doku_requests, percentile, run_load
from tests.harness.relay_process import MemorySink, RelayProcess, signed_doku_notification

SAMPLES = 300
BACKGROUND_NOTIFICATIONS = 30_000
BACKGROUND_SECONDS = 30.0
BACKGROUND_CONNECTIONS = 16


class TimedSink(MemorySink):
    """Remembers when each invoice's event was applied."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived: dict[str, float] = {}

    def apply_relay_events(
        self, events: Sequence[RelayEvent], position: RelayPosition
    ) -> list[RelayEvent]:
        now = time.perf_counter()
        for event in events:
            self.arrived.setdefault(event.invoice_number, now)
        return super().apply_relay_events(events, position)


def measure(relay: RelayProcess, sink: TimedSink, invoices: list[str]) -> list[float]:
    """Milliseconds from the start of each POST to the terminal having the event."""
    signed = [signed_doku_notification(invoice_number=i, amount=10_000) for i in invoices]
    latencies = []
    with httpx.Client(base_url=relay.url) as http:
        for invoice, (headers, body) in zip(invoices, signed, strict=True):
            expected = len(sink.arrived) + 1
            started = time.perf_counter()
            answer = http.post("/doku/notifications", content=body, headers=headers)
            if answer.status_code != 200:
                raise RuntimeError(f"notification refused: {answer.status_code} {answer.text}")
            if not sink.wait_for(expected, timeout=5):
                raise RuntimeError(f"{invoice} did not reach the terminal within 5 s")
            latencies.append((sink.arrived[invoice] - started) * 1000)
    return latencies


def stored_events(db: sqlite3.Connection) -> int:
    """Notifications in the relay's database, as ``pos-app relay status`` counts them."""
    return storage.counts(db)["events"]


def describe(name: str, latencies: list[float]) -> str:
    return (
        f"{name:<34} p50 {percentile(latencies, 0.5):5.1f} ms   p95 "
        f"{percentile(latencies, 0.95):5.1f} ms   max {max(latencies):6.1f} ms   "
        f"({len(latencies)} notifications)"
    )


def background_load(port: int) -> None:
    """Runs in a subprocess: flood the relay with notifications for the second terminal."""
    invoices = till_invoices(1, BACKGROUND_NOTIFICATIONS)
    print("flooding", flush=True)
    run_load(
        "127.0.0.1",
        port,
        doku_requests(port, invoices),
        connections=BACKGROUND_CONNECTIONS,
        seconds=BACKGROUND_SECONDS,
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="relay-bench-") as tmp:
        relay = RelayProcess(Path(tmp))
        (token, invoices), _ = prepare_tills(
            relay.db, 2, max(2 * SAMPLES, BACKGROUND_NOTIFICATIONS)
        )
        relay.start()
        sink = TimedSink()
        states: queue.Queue[ConnectionState] = queue.Queue()
        stop = threading.Event()
        client = RelayClient(relay.url, token)
        runner = threading.Thread(target=client.run, args=(sink, stop, states.put))
        runner.start()
        try:
            if states.get(timeout=10) is not ConnectionState.CONNECTED:
                raise RuntimeError("the terminal could not connect")
            idle = measure(relay, sink, invoices[:SAMPLES])
            flood = subprocess.Popen(
                [sys.executable, __file__, "--background", str(relay.port)],
                stdout=subprocess.PIPE,
                text=True,
            )
            try:
                assert flood.stdout is not None and flood.stdout.readline() == "flooding\n"
                with contextlib.closing(schema.connect(relay.db)) as db:
                    before, started = stored_events(db), time.perf_counter()
                    loaded = measure(relay, sink, invoices[SAMPLES : 2 * SAMPLES])
                    ended = time.perf_counter()
                    flood_rate = (stored_events(db) - before - len(loaded)) / (ended - started)
            finally:
                flood.send_signal(signal.SIGINT)
                flood.wait(15)
        finally:
            stop.set()
            relay.stop()
            runner.join(40)
            client.close()

    print("POST of a signed DOKU notification → RelayClient.run's sink has the event")
    print(describe("idle relay", idle))
    print(describe("relay under a notification flood", loaded))
    print(f"  (the flood: {flood_rate:.0f} notifications/s stored during that measurement)")
    p95 = percentile(idle, 0.95)
    print(f"target p95 ≤ 20 ms on an idle relay: {'met' if p95 <= 20 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--background"]:
        with contextlib.suppress(KeyboardInterrupt):
            background_load(int(sys.argv[2]))
        sys.exit(0)
    sys.exit(main())
