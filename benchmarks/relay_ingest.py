"""Relay ingest: signed DOKU notifications per second on loopback, every 200 durable (issues 4
and 15), on SQLite (one process) and on PostgreSQL with 1, 2 and 4 processes on one database.

The relay runs as the operator runs it (``python -m pos_app relay serve``, its own processes);
the load comes from wrk (C), one per process, replaying notifications signed before the run
(:mod:`tests.harness.wrk_load`), so the sender is not the limit. Then as many bare uvicorn +
Starlette processes that answer 200 to the same requests run under the same conditions, so the
ratio shows what verification and storage cost. After each run the relay's database is counted:
every 200 must be a stored notification. PostgreSQL is a server this run starts on loopback
(:mod:`tests.harness.postgres_server`) with its default durability (fsync on every commit), as
SQLite's ``synchronous=FULL``.

The terminals and invoices come from :func:`prepare_tills`, which relay_latency and
relay_concurrency share: each terminal is named by its till's ``terminal_id`` and registers
invoice numbers that carry it, as the till makes them.
"""

import contextlib
import dataclasses
import os
import signal
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from pos_app.payments.model import ProviderName
from pos_app.relay import auth, schema, storage
from pos_app.relay.app import DOKU_ROUTE
from pos_app.store.invoice_numbers import INVOICE_PREFIX
from tests.harness import wrk_load
from tests.harness.postgres_server import start_server, stop_server
from tests.harness.relay_process import (
    RelayProcess,
    answers_healthz,
    free_port,
    signed_doku_notification,
    wait_until,
)

SECONDS = 4.0
WARMUP_SECONDS = 1.0
CONNECTIONS = 32
"""In all, shared among the processes' wrk instances."""
MEASURED = 48_000
"""Notifications signed for the measured runs of one configuration, shared among its processes
(more than they take in :data:`SECONDS`: none is sent twice)."""
WARMUP_EACH = 12_000
RUNS = (("SQLite", 1), ("PostgreSQL", 1), ("PostgreSQL", 2), ("PostgreSQL", 4))
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


def prepare_tills(db: Path | str, tills: int, invoices_each: int) -> list[tuple[str, list[str]]]:
    """One relay terminal per till, each with its DOKU invoices registered (Rp 10.000), written
    straight into a relay database before the relay starts: ``[(token, [invoice, …]), …]``."""
    conn = schema.connect(db)
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


@dataclasses.dataclass
class Scripts:
    """Per process: the warm-up's wrk script and the measured run's, and how many each holds."""

    warmup: list[tuple[Path, int]]
    measured: list[tuple[Path, int]]


def write_scripts(folder: Path, invoices: list[str], processes: int) -> Scripts:
    def signed(chunk: list[str]) -> list[tuple[dict[str, str], bytes]]:
        return [signed_doku_notification(invoice_number=i, amount=AMOUNT) for i in chunk]

    warmup, measured = [], []
    share = MEASURED // processes
    for n in range(processes):
        start = n * (WARMUP_EACH + share)
        chunk = invoices[start : start + WARMUP_EACH + share]
        for scripts, part, name in (
            (warmup, chunk[:WARMUP_EACH], "warmup"),
            (measured, chunk[WARMUP_EACH:], "measured"),
        ):
            path = folder / f"{name}-{n}.lua"
            scripts.append((path, wrk_load.write_script(path, DOKU_ROUTE, signed(part))))
    return Scripts(warmup, measured)


def replay(
    ports: list[int], scripts: list[tuple[Path, int]], seconds: float, *, once: bool
) -> list[wrk_load.WrkResult]:
    """One wrk per port, all at once; with ``once``, none may send more than its script holds
    (a repeat is a duplicate, cheaper for the relay; the bare app stores nothing)."""
    each = max(1, CONNECTIONS // len(ports))
    running = [
        wrk_load.start(f"http://127.0.0.1:{port}", path, connections=each, seconds=seconds)
        for port, (path, _) in zip(ports, scripts, strict=True)
    ]
    results = [wrk_load.result(process) for process in running]
    for result, (path, count) in zip(results, scripts, strict=True):
        if once and result.requests > count:
            raise RuntimeError(f"{path} ran out: {result.requests} sent, {count} signed")
    return results


@dataclasses.dataclass
class Measured:
    rate: float
    acknowledged: int
    failed: int
    p50_ms: float
    p99_ms: float


def measure(ports: list[int], scripts: Scripts, *, once: bool) -> Measured:
    warm = replay(ports, scripts.warmup, WARMUP_SECONDS, once=once)
    runs = replay(ports, scripts.measured, SECONDS, once=once)
    return Measured(
        rate=sum(run.rate for run in runs),
        acknowledged=sum(run.ok for run in warm + runs),
        failed=sum(run.not_2xx + run.socket_errors for run in runs),
        p50_ms=max(run.p50_ms for run in runs),
        p99_ms=max(run.p99_ms for run in runs),
    )


def measure_bare(processes: int, scripts: Scripts) -> Measured:
    ports = [free_port() for _ in range(processes)]
    bare = [subprocess.Popen([sys.executable, __file__, "--bare", str(port)]) for port in ports]
    try:
        for port in ports:
            url = f"http://127.0.0.1:{port}"
            wait_until(lambda url=url: answers_healthz(url), 60, what="the bare server")
        return measure(ports, scripts, once=False)
    finally:
        for process in bare:
            process.send_signal(signal.SIGTERM)
            process.wait(15)


def measure_relay(folder: Path, url: str, processes: int) -> tuple[Measured, Scripts]:
    """``processes`` relays on the PostgreSQL database ``url``, or one on SQLite (no ``url``)."""
    relays = [RelayProcess(folder / f"relay-{n}", database_url=url) for n in range(processes)]
    database = url or relays[0].db
    [(_, invoices)] = prepare_tills(database, 1, processes * WARMUP_EACH + MEASURED)
    scripts = write_scripts(folder, invoices, processes)
    try:
        for relay in relays:
            relay.start()
        measured = measure([relay.port for relay in relays], scripts, once=True)
    finally:
        for relay in relays:
            relay.stop(signal.SIGTERM)
    with contextlib.closing(schema.connect(database)) as conn:
        stored = int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
    # wrk counts no answer for a request still in flight when it stops: stored may be more.
    if stored < measured.acknowledged:
        raise RuntimeError(f"{measured.acknowledged} answered 200 but only {stored} stored")
    return measured, scripts


def line(name: str, result: Measured) -> str:
    return (
        f"  {name:<34} {result.rate:7.0f} req/s   p50 {result.p50_ms:6.1f} ms"
        f"  p99 {result.p99_ms:6.1f} ms   failed {result.failed}"
    )


def main() -> int:
    if not wrk_load.available():
        print("relay_ingest needs wrk, the load generator: apt-get install -y wrk")
        return 2
    load_before = os.getloadavg()[0]
    print(
        f"wrk, {CONNECTIONS} keep-alive connections in all on loopback, {SECONDS:g} s measured; "
        f"load average before the run {load_before:.2f}, {os.cpu_count()} CPUs "
        "(other work on the machine skews every figure)"
    )
    server, as_user = start_server(durable=True)
    try:
        for engine, processes in RUNS:
            with tempfile.TemporaryDirectory(prefix="relay-bench-") as tmp:
                folder = Path(tmp)
                url = server.new_database() if engine == "PostgreSQL" else ""
                relay, scripts = measure_relay(folder, url, processes)
                bare = measure_bare(processes, scripts)
            label = f"{engine}, {processes} process{'es' if processes > 1 else ''}"
            print(f"{label}: relay / bare {relay.rate / bare.rate:.2f}")
            print(line("relay (verify + store + commit)", relay))
            print(line("bare uvicorn + Starlette 200", bare))
            print(f"  durability: {relay.acknowledged} answered 200, every one stored")
    finally:
        stop_server(server, as_user)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--bare"]:
        bare_server(int(sys.argv[2]))
        sys.exit(0)
    sys.exit(main())
