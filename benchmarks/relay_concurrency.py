"""Relay concurrency: 1,000 terminals long-polling while notifications pour in (issue 4).

The relay runs in its own process. This script opens one keep-alive connection per terminal,
each long-polling ``/v1/events``; once all 1,000 wait, the relay's resident memory gives the cost
of a waiting terminal. That they wait is read from the relay's own log: it runs at log level
debug, which logs "terminal T1 long-polls for up to 30 s" as each long-poll begins to wait (the
only debug line of the relay's; /healthz does not tell). Then signed DOKU notifications for
every terminal's invoices are sent from 16 connections while the terminals keep polling: the
ingest rate under that load, and whether each terminal got exactly its own events.
"""

import asyncio
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from relay_ingest import prepare_tills

from tests.harness.load_generator import (
    doku_requests,
    http_request,
    load,
    long_poll,
    read_response,
    rss_bytes,
)
from tests.harness.relay_process import RelayProcess

TERMINALS = 1000
INVOICES_EACH = 3
SENDERS = 16
BOUND_SECONDS = 40.0
LONG_POLL_LOGGED = re.compile(r"terminal (\S+) long-polls for up to")


def waiting_terminals(log: Path) -> int:
    """Terminals the relay has logged as long-polling. Before any notification is sent, none of
    their long-polls has been answered, so each of them is still waiting."""
    return len(set(LONG_POLL_LOGGED.findall(log.read_text(errors="replace"))))


async def healthz(port: int) -> dict[str, Any]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(http_request("127.0.0.1", port, "GET", "/healthz", {"Connection": "close"}))
    _, body = await read_response(reader)
    writer.close()
    return json.loads(body)


async def until(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not await condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        await asyncio.sleep(0.05)


async def run(relay: RelayProcess, prepared: list[tuple[str, list[str]]]) -> None:
    assert relay.process is not None
    pid, port = relay.process.pid, relay.port
    await healthz(port)
    baseline = rss_bytes(pid)
    received: Counter[str] = Counter()
    owners = {invoice: n for n, (_, invoices) in enumerate(prepared) for invoice in invoices}
    strays = 0

    def on_events(terminal: int):
        def record(events: list[dict[str, Any]]) -> None:
            nonlocal strays
            for event in events:
                received[event["invoice_number"]] += 1
                strays += owners[event["invoice_number"]] != terminal

        return record

    stop = asyncio.Event()
    pollers = [
        asyncio.create_task(long_poll("127.0.0.1", port, token, on_events(n), stop, wait=30))
        for n, (token, _) in enumerate(prepared)
    ]

    async def all_waiting() -> bool:
        return waiting_terminals(relay.log) >= TERMINALS

    await until(all_waiting, 20, f"{TERMINALS} long-polls")
    waiting = rss_bytes(pid)
    logged = waiting_terminals(relay.log)

    invoices = [invoice for _, batch in prepared for invoice in batch]
    result = await load(
        "127.0.0.1",
        port,
        doku_requests(port, invoices),
        connections=SENDERS,
        seconds=BOUND_SECONDS,
    )
    sent_at = time.perf_counter()

    async def all_delivered() -> bool:
        return len(received) >= len(invoices)

    await until(all_delivered, 10, "every terminal to get its events")
    drained = time.perf_counter() - sent_at
    peak = rss_bytes(pid)
    stop.set()
    relay.stop()
    await asyncio.gather(*pollers, return_exceptions=True)

    mib = 1024 * 1024
    print(
        f"{TERMINALS} terminals long-polling, one keep-alive connection each "
        f"({logged} logged by the relay as waiting)"
    )
    print(
        f"relay memory: {baseline / mib:.1f} MiB idle, {waiting / mib:.1f} MiB with all waiting "
        f"→ {(waiting - baseline) / TERMINALS / 1024:.1f} KiB per waiting terminal "
        f"(peak during ingest {peak / mib:.1f} MiB)"
    )
    print(
        f"ingest while they wait: {result.rate:.0f} notifications/s from {SENDERS} senders "
        f"({result.done} in {result.seconds:.1f} s, statuses {dict(result.statuses)})"
    )
    print(
        f"delivered: {len(received)} of {len(invoices)} events, "
        f"{sum(n - 1 for n in received.values())} repeated, {strays} to a wrong terminal; "
        f"the last one {drained * 1000:.0f} ms after the last 200"
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="relay-bench-") as tmp:
        relay = RelayProcess(Path(tmp), log_level="debug")
        prepared = prepare_tills(relay.db, TERMINALS, INVOICES_EACH)
        relay.start()
        try:
            asyncio.run(run(relay, prepared))
        finally:
            relay.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
