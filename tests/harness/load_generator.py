"""A lean HTTP/1.1 load generator and fixtures for the relay benchmarks (loopback, time-bounded).

Requests are pre-built bytes sent over keep-alive connections with asyncio streams, so the
sender spends little CPU per request and the figures describe the server, not the client.
"""

import asyncio
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from pos_app.payments.model import ProviderName
from pos_app.relay import auth, schema, storage
from pos_app.relay.app import DOKU_ROUTE
from tests.harness.relay_process import signed_doku_notification


@dataclass
class LoadResult:
    seconds: float = 0.0
    statuses: Counter[int] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(self.statuses.values())

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


def http_request(
    host: str, port: int, method: str, path: str, headers: Mapping[str, str], body: bytes = b""
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """Status and body of one response (Content-Length framed, as uvicorn sends them)."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return status, await reader.readexactly(length)


async def _sender(
    host: str, port: int, requests: Iterator[bytes], result: LoadResult, deadline: float
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for request in requests:
            if time.perf_counter() > deadline:
                break
            started = time.perf_counter()
            writer.write(request)
            status, _ = await read_response(reader)
            result.latencies.append(time.perf_counter() - started)
            result.statuses[status] += 1
    finally:
        writer.close()


async def load(
    host: str, port: int, requests: Iterable[bytes], *, connections: int, seconds: float
) -> LoadResult:
    """Send ``requests`` over ``connections`` keep-alive connections until done or ``seconds``."""
    result = LoadResult()
    shared = iter(requests)
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(_sender(host, port, shared, result, deadline) for _ in range(connections))
    )
    result.seconds = time.perf_counter() - started
    return result


def run_load(
    host: str, port: int, requests: Iterable[bytes], *, connections: int, seconds: float
) -> LoadResult:
    return asyncio.run(load(host, port, requests, connections=connections, seconds=seconds))


async def long_poll(
    host: str,
    port: int,
    token: str,
    on_events: Callable[[list[dict[str, Any]]], None],
    stop: asyncio.Event,
    *,
    wait: float = 30.0,
) -> None:
    """One terminal long-polling over its own keep-alive connection until ``stop`` is set."""
    reader, writer = await asyncio.open_connection(host, port)
    cursor = 0
    headers = {"Authorization": f"Bearer {token}"}
    try:
        while not stop.is_set():
            path = f"/v1/events?after={cursor}&wait={wait:g}"
            writer.write(http_request(host, port, "GET", path, headers))
            status, body = await read_response(reader)
            if status != 200:
                raise RuntimeError(f"long-poll answered {status}: {body[:200]!r}")
            answer = json.loads(body)
            cursor = answer["cursor"]
            if answer["events"]:
                on_events(answer["events"])
    finally:
        writer.close()


def prepare_terminals(db: Path, terminals: int, invoices_each: int) -> list[tuple[str, list[str]]]:
    """Terminals and their registered DOKU invoices, written straight into a relay database
    before the relay starts: ``[(token, [invoice, …]), …]``."""
    conn = schema.connect(db)
    prepared = []
    conn.execute("BEGIN")
    for t in range(terminals):
        name = f"bench-{t}"  # a terminal id: the till id its invoices are registered under
        terminal, token = auth.create_terminal(conn, name)
        invoices = [f"T{t}-{k}" for k in range(invoices_each)]
        for invoice in invoices:
            storage.register_payment(
                conn,
                terminal_id=terminal.id,
                till_id=name,
                invoice_number=invoice,
                provider=ProviderName.DOKU,
                amount=10_000,
                redirect_token=None,
                redirect_ttl=timedelta(0),
            )
        prepared.append((token, invoices))
    conn.execute("COMMIT")
    conn.close()
    return prepared


def doku_requests(port: int, invoices: Iterable[str]) -> Iterator[bytes]:
    """Signed DOKU notifications (SUCCESS, Rp 10.000) for ``invoices``, as raw requests."""
    for invoice in invoices:
        headers, body = signed_doku_notification(invoice_number=invoice, amount=10_000)
        yield http_request("127.0.0.1", port, "POST", DOKU_ROUTE, headers, body)


def rss_bytes(pid: int) -> int:
    """Resident memory of a process (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0
