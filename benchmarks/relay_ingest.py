"""Relay ingest: signed DOKU notifications per second on loopback, every 200 durable (issue 4).

The relay runs as the operator runs it (``python -m pos_app relay serve``, its own process); the
sender is this process. Then a bare uvicorn + Starlette app that answers 200 to the same requests
runs under the same conditions, so the ratio shows what verification and storage cost. After
the run the relay's database is counted: every 200 must be a stored notification.

The terminals and invoices come from :func:`prepare_tills`, which relay_latency and
relay_concurrency share: each terminal is named by its till's ``terminal_id`` and registers
invoice numbers that carry it, as the till makes them.
"""

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import cycle, islice
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from pos_app.payments.model import ProviderName
from pos_app.relay import auth, storage
from pos_app.relay.app import DOKU_ROUTE
from pos_app.store.payments import INVOICE_PREFIX
from tests.harness.load_generator import LoadResult, doku_requests, percentile, run_load
from tests.harness.relay_process import RelayProcess, answers_healthz, free_port, wait_until

SECONDS = 8.0
WARMUP_SECONDS = 1.5
CONNECTIONS = 32
NOTIFICATIONS = 40_000
SHOP_DAY = date(2026, 11, 21)
AMOUNT = 10_000
"""What :func:`tests.harness.load_generator.doku_requests` notifies as paid."""


def till_id(n: int) -> str:
    """The ``terminal_id`` of the n-th till (``T1``, ``T2``, …): its relay terminal's name."""
    return auth.check_terminal_id(f"T{n + 1}")


def invoice_number(till: str, counter: int) -> str:
    """``KSR-T1-20261121-000042``, as ``Payments.next_invoice_number`` makes it on that till."""
    invoice = f"{INVOICE_PREFIX}-{till}-{SHOP_DAY:%Y%m%d}-{counter:06d}"
    if auth.invoice_till_id(invoice) != till:
        raise ValueError(f"the relay would not take {invoice} as till {till}'s")
    return invoice


def till_invoices(n: int, count: int) -> list[str]:
    """The n-th till's first ``count`` invoice numbers."""
    return [invoice_number(till_id(n), counter) for counter in range(1, count + 1)]


def prepare_tills(db: Path, tills: int, invoices_each: int) -> list[tuple[str, list[str]]]:
    """One relay terminal per till, each with its DOKU invoices registered (Rp 10.000), written
    straight into a relay database before the relay starts: ``[(token, [invoice, …]), …]``."""
    conn = storage.connect(db)
    prepared = []
    try:
        conn.execute("BEGIN")
        for n in range(tills):
            terminal, token = auth.create_terminal(conn, till_id(n))
            invoices = till_invoices(n, invoices_each)
            for invoice in invoices:
                storage.register_payment(
                    conn,
                    terminal_id=terminal.id,
                    till_id=till_id(n),
                    invoice_number=invoice,
                    provider=ProviderName.DOKU,
                    amount=AMOUNT,
                    redirect_token=None,
                    redirect_ttl=timedelta(0),
                )
            prepared.append((token, invoices))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return prepared


def bare_server(port: int) -> None:
    """The baseline: uvicorn + Starlette, reading the body and answering a small JSON 200."""

    async def ok(request: Request) -> JSONResponse:
        await request.body()
        return JSONResponse({"status": "OK", "duplicate": False})

    app = Starlette(
        routes=[
            Route(DOKU_ROUTE, ok, methods=["POST"]),
            Route("/healthz", ok, methods=["GET"]),
        ]
    )
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def load(port: int, requests: Iterable[bytes]) -> tuple[LoadResult, LoadResult]:
    """A short warm-up, then the measured run, each request sent once."""
    pending = iter(requests)
    warmup = run_load(
        "127.0.0.1", port, islice(pending, 2000), connections=CONNECTIONS, seconds=WARMUP_SECONDS
    )
    return warmup, run_load("127.0.0.1", port, pending, connections=CONNECTIONS, seconds=SECONDS)


def describe(name: str, result: LoadResult) -> str:
    ms = [value * 1000 for value in result.latencies]
    return (
        f"{name:<28} {result.rate:8.0f} req/s   {result.done:6d} answers in {result.seconds:4.1f} s"
        f"   p50 {percentile(ms, 0.5):5.1f} ms  p99 {percentile(ms, 0.99):5.1f} ms"
        f"   statuses {dict(result.statuses)}"
    )


def main() -> int:
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="relay-bench-") as tmp:
        relay = RelayProcess(Path(tmp))
        [(_, invoices)] = prepare_tills(relay.db, 1, NOTIFICATIONS)
        requests = list(doku_requests(relay.port, invoices))
        relay.start()
        try:
            warmup, measured = load(relay.port, requests)
        finally:
            relay.stop(signal.SIGTERM)
        conn = storage.connect(relay.db)
        stored = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        delivered = conn.execute("SELECT COUNT(*) FROM deliveries").fetchone()[0]
        conn.close()

        port = free_port()
        bare = subprocess.Popen([sys.executable, __file__, "--bare", str(port)])
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until(lambda: answers_healthz(url), 20, what="the bare server")
            _, baseline = load(port, cycle(requests))  # it stores nothing: repeats are fine
        finally:
            bare.send_signal(signal.SIGTERM)
            bare.wait(15)

    acknowledged = warmup.statuses[200] + measured.statuses[200]
    print(
        f"{CONNECTIONS} concurrent keep-alive senders on loopback, {SECONDS:g} s measured; "
        f"load average before the run {load_before:.2f} (other work on the machine skews both)"
    )
    print(describe("relay (verify+store+fsync)", measured))
    print(describe("bare uvicorn+Starlette 200", baseline))
    print(f"relay / bare ratio: {measured.rate / baseline.rate:.2f}")
    print(
        f"durability: {acknowledged} notifications answered 200, {stored} stored, "
        f"{delivered} delivered to the terminal"
    )
    if stored != acknowledged:
        print("FAILED: a 200 without a stored notification")
        return 1
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--bare"]:
        bare_server(int(sys.argv[2]))
        sys.exit(0)
    sys.exit(main())
