"""DOKU busy (an error body with HTTP 503 or 429) or sparse (a status answer without
``order.amount``), against the real sandbox and a real store.

DOKU's own answers are the sandbox's; a thin loopback front passes every request through to it
and changes only what a test tells it to (an answer DOKU gives under load, a field DOKU leaves
out), the way the real host does it.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pos_app.demo.server_thread import ServerThread
from pos_app.domain.basket import LineItem
from pos_app.payments.doku.client import DokuClient
from pos_app.payments.doku.provider import DokuWalletProvider
from pos_app.payments.doku.signing import RESPONSE_TIMESTAMP, doku_signature, utc_timestamp
from pos_app.payments.model import OPEN_STATES, AttemptState
from pos_app.sandbox.config import SandboxConfig
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.checkout import Checkout
from tests.harness.sandbox_process import running_sandbox

LINES = (LineItem("MIE-001", "Indomie Goreng 85g", 3500, 2),)
TOTAL = 7000
CONFIG = SandboxConfig(retry_scale=0.0001)
STATUS_PREFIX = "/orders/v1/status/"
CREATE_PATH = "/dokuwallet-emoney/v1/payment"

Rule = Callable[[Request, httpx.Response], Response | None]


@dataclass
class DokuFront:
    """Passes requests to the sandbox; the first rule for a path prefix may replace the
    answer (it is then used up), or leave it as it is (None)."""

    upstream: str
    rules: dict[str, list[Rule]] = field(default_factory=dict)

    def add(self, prefix: str, *rules: Rule) -> None:
        self.rules.setdefault(prefix, []).extend(rules)

    async def handle(self, request: Request) -> Response:
        raw = request.scope.get("raw_path") or request.url.path.encode()
        path = raw.decode("latin-1")
        body = await request.body()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host",)}
        async with httpx.AsyncClient(timeout=30) as client:
            answer = await client.request(
                request.method, self.upstream + path, content=body, headers=headers
            )
        for prefix, rules in self.rules.items():
            if path.startswith(prefix) and rules:
                replaced = rules[0](request, answer)
                if replaced is not None:  # a rule is used up once it replaced an answer
                    rules.pop(0)
                    return replaced
        kept = {
            k: v
            for k, v in answer.headers.items()
            if k.lower() not in ("content-length", "transfer-encoding", "content-encoding")
        }
        return Response(answer.content, answer.status_code, headers=kept)


@pytest.fixture
def front() -> Iterator[tuple[str, DokuFront, str]]:
    with running_sandbox(CONFIG) as (sandbox_url, _):
        doku = DokuFront(sandbox_url)
        app = Starlette(
            routes=[Route("/{p:path}", doku.handle, methods=["GET", "POST"])],
        )
        with ServerThread.of(app) as server:
            yield server.url, doku, sandbox_url


@pytest.fixture
def store(tmp_path: Path) -> TerminalStore:
    return TerminalStore(tmp_path / "kasir.db")


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def checkout_on(url: str, store: TerminalStore, clock: Clock, timeout: float = 5.0) -> Checkout:
    client = DokuClient(
        base_url=url,
        client_id=CONFIG.doku_client_id,
        secret_key=CONFIG.doku_secret_key,
        timeout=timeout,
    )
    provider = DokuWalletProvider(client, notify_url="http://127.0.0.1:9/doku/notifications")
    return Checkout(store, provider, terminal_id="T1", clock=clock)


def doku_error(status: int, code: str, kind: str = "api_error") -> Rule:
    """DOKU's error shape, as its gateway answers when it cannot serve the request now."""

    def rule(_request: Request, _answer: httpx.Response) -> Response:
        body = {"error": {"code": code, "message": "please try again later", "type": kind}}
        return Response(json.dumps(body), status, media_type="application/json")

    return rule


def signed_answer(request: Request, body: bytes, status: int, *, digest: bool) -> Response:
    """An answer signed as DOKU signs it, for the request's own Request-Id and path."""
    timestamp = utc_timestamp()
    request_id = request.headers["request-id"]
    path = (request.scope.get("raw_path") or b"").decode("latin-1") or request.url.path
    headers = {
        "Client-Id": CONFIG.doku_client_id,
        "Request-Id": request_id,
        "Response-Timestamp": timestamp,
        "Signature": doku_signature(
            client_id=CONFIG.doku_client_id,
            request_id=request_id,
            timestamp=timestamp,
            request_target=path,
            secret_key=CONFIG.doku_secret_key,
            body=body if digest else None,
            timestamp_header=RESPONSE_TIMESTAMP,
        ),
    }
    return Response(body, status, headers=headers, media_type="application/json")


def without_amount(request: Request, answer: httpx.Response) -> Response:
    """The status answer with ``order.amount`` left out, as DOKU does for an unpaid order
    ("some parameters might not be presented in certain status cases"), signed again."""
    data: dict[str, Any] = answer.json()
    data["order"].pop("amount", None)
    body = json.dumps(data, separators=(",", ":")).encode()
    return signed_answer(request, body, answer.status_code, digest=False)


def unsigned_replay(_request: Request, answer: httpx.Response) -> Response | None:
    """A 409 replay of the first create answer, without a signature for this request."""
    if answer.status_code != 409:
        return None
    return Response(answer.content, 409, media_type="application/json")


def test_a_doku_5xx_on_the_last_check_leaves_a_paid_payment_open_not_expired(
    front: tuple[str, DokuFront, str], store: TerminalStore
) -> None:
    """DOKU answers the countdown's last Check Status with its own error shape and HTTP 503
    (busy, maintenance). That is no answer about the payment, so the payment stays open
    (unknown): the client read any DOKU error body as a refusal, the payment the customer made
    a moment before the end was called expired, the cashier took cash, and the customer paid
    twice."""
    url, doku, sandbox_url = front
    clock = Clock()
    checkout = checkout_on(url, store, clock)
    sale_id = checkout.open_sale(LINES, cashier="Sari")
    attempt = checkout.start_qr_payment(sale_id)
    assert attempt.state is AttemptState.PENDING and attempt.expires_at is not None

    # The customer pays just before the end; the notification does not reach the till.
    httpx.post(f"{sandbox_url}/_sandbox/pay/{attempt.invoice_number}").raise_for_status()
    clock.now = attempt.expires_at + timedelta(seconds=1)
    doku.add(STATUS_PREFIX, doku_error(503, "service_unavailable"))

    ended = checkout.expire_if_due(attempt.invoice_number)

    assert ended.state is AttemptState.UNKNOWN, (
        f"a DOKU 503 at the last check made paid payment {ended.invoice_number} {ended.state}"
    )
    # Once DOKU answers, the payment completes its sale (no cash was taken).
    assert checkout.check_or_expire(attempt.invoice_number).state is AttemptState.PAID


def test_a_doku_429_on_the_last_check_is_no_refusal_either(
    front: tuple[str, DokuFront, str], store: TerminalStore
) -> None:
    """Same as above with DOKU's rate limit (HTTP 429 with its error body): "try later", not
    "no such payment"; the payment must stay open."""
    url, doku, sandbox_url = front
    clock = Clock()
    checkout = checkout_on(url, store, clock)
    attempt = checkout.start_qr_payment(checkout.open_sale(LINES, cashier="Sari"))
    assert attempt.expires_at is not None
    httpx.post(f"{sandbox_url}/_sandbox/pay/{attempt.invoice_number}").raise_for_status()
    clock.now = attempt.expires_at + timedelta(seconds=1)
    doku.add(STATUS_PREFIX, doku_error(429, "too_many_requests", "rate_limit_error"))

    ended = checkout.expire_if_due(attempt.invoice_number)

    assert ended.state in OPEN_STATES, f"a DOKU 429 made paid payment {ended.state}"


def test_a_lost_create_answer_whose_unsigned_replay_meets_a_status_without_amount_gets_its_qr(
    front: tuple[str, DokuFront, str], store: TerminalStore
) -> None:
    """The create answer is lost; DOKU has the order. Sent again (same Request-Id), DOKU
    replays the first answer with 409, unsigned for the new request, so the client asks the
    signed status to decide. DOKU's status of the unpaid order leaves ``order.amount`` out
    (read as "no amount in no currency"). The client took that for an order "for 0 rupiah":
    the create failed every time it was tried, and the attempt stayed unknown without a QR."""
    url, doku, sandbox_url = front
    httpx.post(
        f"{sandbox_url}/_sandbox/delay",
        json={"path": CREATE_PATH, "seconds": 2, "count": 1},
    ).raise_for_status()
    # every status answer of this order leaves the amount out; the resent create's 409 replay
    # is unsigned for the new request
    doku.add(STATUS_PREFIX, *([without_amount] * 5))
    doku.add(CREATE_PATH, unsigned_replay)
    clock = Clock()
    checkout = checkout_on(url, store, clock, timeout=0.7)
    sale_id = checkout.open_sale(LINES, cashier="Sari")

    attempt = checkout.start_qr_payment(sale_id)

    assert attempt.state is AttemptState.PENDING
    assert attempt.payment_url and attempt.payment_url.startswith(sandbox_url)
    orders = httpx.get(f"{sandbox_url}/_sandbox/orders").json()["orders"]
    assert [order["id"] for order in orders] == [attempt.invoice_number]
