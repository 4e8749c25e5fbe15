"""Relay long-polls (issue 15): 1,000 terminals long-polling two relay processes on one PostgreSQL
database, and notifications posted into either process waking the owner's long-poll.

Each terminal keeps one ``GET /v1/events?wait=…`` open, half on each process. Notifications for
invoices registered by random terminals go to a random process, a few at a time; the wake
latency runs from the notification's 200 to the owner's long-poll answer carrying it (a
notification stored by the other process reaches it through LISTEN/NOTIFY). A notification
answered 200 that its owner never receives is lost. Memory is each process's resident set.
"""

import asyncio
import contextlib
import os
import random
import resource
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from benchmarks.relay_ingest import AMOUNT, prepare_tills
from tests.harness.postgres_server import start_server, stop_server
from tests.harness.relay_process import RelayProcess, signed_doku_notification

TERMINALS = 1_000
PROCESSES = 2
NOTIFICATIONS = 300
SENDERS = 4
"""Notifications in flight at once."""
WAIT_SECONDS = 60
DELIVERY_TIMEOUT = 15.0
SEED = 15


@dataclass
class Terminal:
    token: str
    invoices: list[str]
    relay: str
    cursor: int = 0
    received: dict[str, float] = field(default_factory=dict)
    """Invoice → when the long-poll answer carrying it arrived (monotonic)."""


def raise_file_limit() -> int:
    """Each long-poll is a socket on each side: lift the soft descriptor limit to the hard one."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def resident_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def long_poll(client: httpx.AsyncClient, terminal: Terminal, held: list[int]) -> None:
    """Poll until cancelled, noting when each invoice arrives."""
    headers = {"Authorization": f"Bearer {terminal.token}"}
    while True:
        held[0] += 1
        try:
            answer = await client.get(
                f"{terminal.relay}/v1/events",
                params={"after": terminal.cursor, "wait": WAIT_SECONDS},
                headers=headers,
            )
        finally:
            held[0] -= 1
        arrived = time.monotonic()
        answer.raise_for_status()
        body = answer.json()
        for event in body["events"]:
            terminal.received.setdefault(event["invoice_number"], arrived)
        terminal.cursor = body["cursor"]


@dataclass(frozen=True)
class Acknowledged:
    owner: Terminal
    sent: float
    answered: float
    """When the post went out and when its 200 came back (monotonic)."""


async def notify(
    client: httpx.AsyncClient, relays: list[str], queue: list[tuple[Terminal, str]]
) -> dict[str, Acknowledged]:
    """Post every queued notification to a random process; those answered 200 by invoice."""
    acknowledged: dict[str, Acknowledged] = {}

    async def sender() -> None:
        while queue:
            owner, invoice = queue.pop()
            headers, body = signed_doku_notification(invoice_number=invoice, amount=AMOUNT)
            sent = time.monotonic()
            answer = await client.post(
                random.choice(relays) + "/doku/notifications", headers=headers, content=body
            )
            if answer.status_code == 200:
                acknowledged[invoice] = Acknowledged(owner, sent, time.monotonic())

    await asyncio.gather(*(sender() for _ in range(SENDERS)))
    return acknowledged


async def run(
    relays: list[str], terminals: list[Terminal]
) -> tuple[int, list[float], list[float], int]:
    """Long-polls held, wake latencies (s) from the post and from its 200, notifications lost.

    The relay wakes the owner before it answers the post, so a wake in the same process may
    reach the owner before the sender reads its 200: the latency from the 200 is then negative.
    """
    limits = httpx.Limits(max_connections=TERMINALS + SENDERS, max_keepalive_connections=None)
    timeout = httpx.Timeout(WAIT_SECONDS + 10)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
        held = [0]
        polls = [asyncio.create_task(long_poll(client, t, held)) for t in terminals]
        await asyncio.sleep(0)
        deadline = time.monotonic() + 30
        while held[0] < TERMINALS and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.sleep(1)  # every poll has reached its relay and waits there
        peak = held[0]
        queue = [(t, t.invoices.pop()) for t in random.sample(terminals, NOTIFICATIONS)]
        acknowledged = await notify(client, relays, queue)
        deadline = time.monotonic() + DELIVERY_TIMEOUT
        while time.monotonic() < deadline and any(
            invoice not in ack.owner.received for invoice, ack in acknowledged.items()
        ):
            await asyncio.sleep(0.05)
        for poll in polls:
            poll.cancel()
        await asyncio.gather(*polls, return_exceptions=True)
    woken = [
        (ack, ack.owner.received[i]) for i, ack in acknowledged.items() if i in ack.owner.received
    ]
    from_post = [arrived - ack.sent for ack, arrived in woken]
    from_200 = [arrived - ack.answered for ack, arrived in woken]
    return peak, from_post, from_200, NOTIFICATIONS - len(woken)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    random.seed(SEED)
    limit = raise_file_limit()
    print(
        f"{TERMINALS} terminals long-polling {PROCESSES} relay processes on PostgreSQL,"
        f" {NOTIFICATIONS} notifications ({SENDERS} in flight) into random processes;"
        f" file limit {limit}; load average before the run {os.getloadavg()[0]:.2f}"
    )
    server, as_user = start_server(durable=True)
    try:
        with tempfile.TemporaryDirectory(prefix="relay-longpoll-") as tmp:
            url = server.new_database()
            prepared = prepare_tills(url, TERMINALS, 1)
            relays = [RelayProcess(Path(tmp) / f"relay-{n}", database_url=url) for n in range(2)]
            try:
                for relay in relays:
                    relay.start()
                terminals = [
                    Terminal(token, list(invoices), relays[n % PROCESSES].url)
                    for n, (token, invoices) in enumerate(prepared)
                ]
                peak, from_post, from_200, lost = asyncio.run(
                    run([r.url for r in relays], terminals)
                )
                memory = [resident_mib(r.process.pid) for r in relays if r.process]
            finally:
                for relay in relays:
                    relay.stop(signal.SIGTERM)
    finally:
        stop_server(server, as_user)
    print(f"  long-polls held: {peak} of {TERMINALS}")
    for name, latencies in (("post sent", from_post), ("its 200", from_200)):
        if latencies:
            print(
                f"  wake latency, {name} → owner's answer: p50"
                f" {statistics.median(latencies) * 1e3:.1f} ms"
                f"  p95 {percentile(latencies, 0.95) * 1e3:.1f} ms"
                f"  max {max(latencies) * 1e3:.1f} ms"
            )
    print(f"  notifications lost: {lost}")
    print("  memory per process: " + ", ".join(f"{m:.0f} MiB" for m in memory))
    return 1 if lost or peak < TERMINALS else 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
