"""Hostile requests for every relay route, and a loopback sender that judges every answer: for
the relay's fuzz test and its benchmark (issue 10 §5: nothing a sender puts in a request makes
the relay answer 5xx, and every 4xx says why in JSON).

Cases are drawn from a :class:`random.Random`, so a seed replays them. Bodies are built as bytes,
since much of what matters cannot come out of ``json.dumps``: lone surrogate escapes, integers of
thousands of digits, NaN, a thousand nested ``[``, bytes that are not UTF-8. Provider bodies are
often signed validly (with the relay's test keys) so that the hostile content gets past the
signature check into the parsers and the storage. Requests go out as raw HTTP/1.1 over asyncio
streams, which also allows what no client library would send (broken framing, huge heads).
"""

import asyncio
import copy
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pos_app.domain.money import to_minor_units
from pos_app.payments.doku.signing import signed_headers
from pos_app.payments.ecommpay.signing import ecommpay_signature
from pos_app.relay.app import DOKU_ROUTE, ECOMMPAY_ROUTE
from pos_app.reports.payments_csv import PAYMENT_COLUMNS
from pos_app.reports.sales_csv import LINE_COLUMNS, SALE_COLUMNS
from tests.harness.relay_process import (
    DOKU_CLIENT_ID,
    DOKU_SECRET_KEY,
    ECOMMPAY_PROJECT_ID,
    ECOMMPAY_SECRET_KEY,
)

ANSWER_TIMEOUT = 20.0
"""Longer than any time limit of the relay under test: no answer by then is a failure."""
TILL_IDS = ("T1", "T2", "kasir-1")
CONTENT_TYPES = ("text/plain", "application/x-www-form-urlencoded", "application/ld+json", "")


def terminals(add_terminal: Callable[[str], str]) -> tuple[str, ...]:
    """Tokens of the relay's terminals for :class:`Target`: one per till of :data:`TILL_IDS`,
    and one terminal added before terminal ids (it learns one from its first invoice)."""
    return tuple(add_terminal(name) for name in (*TILL_IDS, "a till from before terminal ids"))


@dataclass(frozen=True, slots=True)
class Target:
    """What the cases may know of the relay under test: its address and its terminals' tokens
    (``tokens[i]`` belongs to the till ``TILL_IDS[i]``; more tokens are terminals without an id)."""

    host: str
    port: int
    tokens: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Case:
    family: str
    method: str
    path: str
    request: bytes
    close: bool = False
    """Sent on a connection of its own: the framing is broken on purpose."""


@dataclass(frozen=True, slots=True)
class Answer:
    status: int | None
    """``None``: no answer came."""
    problem: str | None
    """Why this answer breaks the rule, or ``None``."""


@dataclass
class FuzzResult:
    seconds: float = 0.0
    statuses: Counter[int | None] = field(default_factory=Counter)
    problems: list[tuple[Case, str]] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(self.statuses.values())

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status is not None and status >= 500)

    def add(self, case: Case, answer: Answer) -> None:
        self.statuses[answer.status] += 1
        if answer.problem is not None:
            self.problems.append((case, answer.problem))


# --- building requests ---------------------------------------------------------------------


class Raw:
    """A JSON fragment spliced into a body as it is (what ``json.dumps`` cannot write)."""

    def __init__(self, text: bytes) -> None:
        self.text = text


def dump(node: Any) -> bytes:
    """JSON of a tree that may hold :class:`Raw` fragments; text is written as UTF-8, even a
    lone surrogate (which makes the bytes invalid UTF-8, on purpose)."""
    if isinstance(node, Raw):
        return node.text
    if isinstance(node, dict):
        items = (dump(key) + b":" + dump(value) for key, value in node.items())
        return b"{" + b",".join(items) + b"}"
    if isinstance(node, list):
        return b"[" + b",".join(dump(item) for item in node) + b"]"
    return json.dumps(node, ensure_ascii=False).encode("utf-8", "surrogatepass")


def http_request(
    method: str,
    target: str | bytes,
    headers: Iterable[tuple[str | bytes, str | bytes]],
    body: bytes = b"",
    *,
    length: int | None = None,
) -> bytes:
    """One HTTP/1.1 request as bytes; ``length`` overrides the Content-Length (``-1``: none)."""

    def raw(value: str | bytes) -> bytes:
        return value if isinstance(value, bytes) else value.encode("latin-1", "replace")

    lines = [method.encode("ascii") + b" " + raw(target) + b" HTTP/1.1", b"Host: relay.test"]
    lines += [raw(name) + b": " + raw(value) for name, value in headers]
    declared = len(body) if length is None else length
    if declared >= 0:
        lines.append(b"Content-Length: %d" % declared)
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


HOSTILE_ATOMS: tuple[bytes, ...] = (
    b'"\\ud800"',
    b'"x\\udfff\\ud800y"',
    b'"\\u0000"',
    b'"\\u202e\\u200b;"',
    b"1" * 4400,
    b"-" + b"9" * 5000,
    b"1" + b"0" * 40,
    b"1e400",
    b"-1e400",
    b"NaN",
    b"Infinity",
    b"-0",
    b"1.5",
    b"6000.00",
    b"6000.5",
    b"-1",
    b"9007199254740993",
    b'"6000.00"',
    b'"6000.50"',
    b'"  6000 "',
    b'"1e3"',
    b"null",
    b"true",
    b"[]",
    b"{}",
    b'""',
    b'"   "',
    b'"10000-01-01T00:00:00Z"',
    b'"9999-12-31T23:59:59-23:59"',
    b'"0001-01-01T00:00:00+23:59"',
    b'"2024-13-45T99:99:99Z"',
    b'"\xff\xfe"',
    b'"\xed\xa0\x80"',
    b'"\xc0\xaf"',
    b'"\xf4\x90\x80\x80"',
    b'"SUCCESS"',
    b'" success "',
    b'"a status from the future"',
    b'"awaiting customer"',
    b'"internal error"',
    b'"KSR-T1-20240501-000001"',
    b'"RFD-T2-0123456789abcdef0123"',
    b'"USD"',
    b'"idr"',
    b'"' + "Ð".encode() * 300 + b'"',
)
STATUS_WORDS = (
    "SUCCESS",
    "FAILED",
    "PENDING",
    "TIMEOUT",
    "REDIRECT",
    "success",
    "decline",
    "expired",
    "cancelled",
    "awaiting redirect result",
    "processing",
    "refunded",
    "a status from the future",
    "",
)
WHOLE_BODIES: tuple[bytes, ...] = (
    b"",
    b"{",
    b"null",
    b"[1, 2]",
    b"\xef\xbb\xbf{}",
    '{"a": 1}'.encode("utf-16"),
    b"[" * 1000 + b"]" * 1000,
    b"[" * 100_000,
    b'{"a":' * 1000 + b"1" + b"}" * 1000,
    b"\xff" * 64,
    b'{"a": "\\ud800"}',
    b"1" * 4400,
    b"NaN",
    b'{"order": {}, "transaction": {}}',
    b'{"payment": {"id": "KSR-T1-20240501-000001"}}',
)


def nested(rng: random.Random) -> bytes:
    depth = rng.choice((2, 33, 200, 1000, 3000))
    if rng.random() < 0.5:
        return b"[" * depth + b"]" * depth
    return b'{"a":' * depth + b"0" + b"}" * depth


def hostile(rng: random.Random) -> Raw:
    """One hostile JSON value (a fragment; some are not even valid JSON)."""
    roll = rng.random()
    if roll < 0.6:
        return Raw(rng.choice(HOSTILE_ATOMS))
    if roll < 0.7:
        return Raw(nested(rng))
    if roll < 0.8:
        size = rng.choice((100, 5_000, 70_000))
        return Raw(b'"' + b"x" * size + b'"')
    if roll < 0.9:
        return Raw(dump("".join(chr(rng.randrange(0x20, 0x2FFFF)) for _ in range(12))))
    return Raw(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 12))))


def mutate(rng: random.Random, tree: dict[str, Any]) -> dict[str, Any]:
    """Replace, drop or add one value somewhere in ``tree`` (a fresh copy)."""
    tree = copy.deepcopy(tree)
    node: Any = tree
    while True:
        keys = list(node)
        key = rng.choice(keys)
        child = node[key]
        if isinstance(child, dict) and child and rng.random() < 0.6:
            node = child
            continue
        choice = rng.random()
        if choice < 0.7:
            node[key] = hostile(rng)
        elif choice < 0.8:
            del node[key]
        elif choice < 0.9:
            node[rng.choice(("x", "extra", "signature", ";", "\ud800", ""))] = hostile(rng)
        else:
            node[key] = rng.choice(({}, [], [{}], None))
        return tree


def invoice_number(rng: random.Random) -> str:
    """Mostly numbers the tills make (so registrations and notifications meet), some not."""
    roll = rng.random()
    if roll < 0.45:
        return f"KSR-{rng.choice(TILL_IDS)}-20240501-{rng.randrange(40):06d}"
    if roll < 0.6:
        return f"RFD-{rng.choice(TILL_IDS)}-{rng.randrange(40):020x}"
    if roll < 0.7:
        return f"KSR-{rng.choice(('T3', 'A-B', 'T1-2024'))}-20240501-{rng.randrange(40):06d}"
    return rng.choice(("", " ", "INV-1", "KSR-T1", "x" * 65, "KSR-T1-2024-1\n", "\u0663" * 8))


def doku_body(rng: random.Random) -> dict[str, Any]:
    return {
        "service": {"id": "EMONEY"},
        "acquirer": {"id": "DOKU_WALLET"},
        "channel": {"id": "EMONEY_DOKU"},
        "order": {
            "invoice_number": invoice_number(rng),
            "amount": rng.choice((5000, 7000, "7000.00", 7000.0, 1)),
        },
        "transaction": {
            "status": rng.choice(STATUS_WORDS),
            "date": "2024-05-01T08:00:00Z",
            "original_request_id": "req-1",
        },
        "additional_info": {},
    }


def ecommpay_body(rng: random.Random) -> dict[str, Any]:
    minor = to_minor_units(rng.choice((5000, 7000, 400, 1)))
    currency = rng.choice(("IDR", "IDR", "IDR", "USD"))
    payload: dict[str, Any] = {
        "project_id": rng.choice((ECOMMPAY_PROJECT_ID, ECOMMPAY_PROJECT_ID, 999)),
        "payment": {
            "id": invoice_number(rng),
            "type": rng.choice(("purchase", "payout")),
            "status": rng.choice(STATUS_WORDS),
            "date": "2024-05-01T08:00:00+0000",
            "sum": {"amount": minor, "currency": currency},
        },
        "operation": {"id": rng.randrange(10**12), "type": "sale", "status": "success"},
    }
    if rng.random() < 0.3:
        payload["redirect_data"] = {
            "method": rng.choice(("POST", "GET", "PUT")),
            "url": rng.choice(("https://pay.test/form", "javascript:alert(1)")),
            "body": {"A": "1", "B": rng.choice((1, None, True))},
        }
    return payload


def _body(rng: random.Random, tree: dict[str, Any]) -> bytes:
    if rng.random() < 0.1:
        return rng.choice(WHOLE_BODIES)
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        tree = mutate(rng, tree)
    return dump(tree)


def doku_case(rng: random.Random, target: Target) -> Case:
    body = _body(rng, doku_body(rng))
    headers = signed_headers(
        client_id=DOKU_CLIENT_ID,
        secret_key=DOKU_SECRET_KEY,
        request_target=DOKU_ROUTE,
        body=body,
    )
    roll = rng.random()
    items: list[tuple[str | bytes, str | bytes]] = list(headers.items())
    if roll < 0.1:
        items = [(name, value) for name, value in items if rng.random() < 0.7]
    elif roll < 0.2:
        items.append(
            (
                rng.choice(("Signature", "Client-Id")),
                bytes(rng.randrange(128, 256) for _ in range(8)),
            )
        )
    elif roll < 0.25:
        items = [
            (name, "HMACSHA256=\xff\xfe" if name == "Signature" else value) for name, value in items
        ]
    return Case("doku", "POST", DOKU_ROUTE, http_request("POST", DOKU_ROUTE, items, body))


def ecommpay_case(rng: random.Random, target: Target) -> Case:
    tree = ecommpay_body(rng)
    if rng.random() < 0.2:
        tree["x"] = {}  # invisible to the signature: the same event
    body = _body(rng, tree)
    if rng.random() < 0.85:
        body = sign_ecommpay(body)
    headers = [("Content-Type", rng.choice(("application/json", "text/plain", "")))]
    return Case(
        "ecommpay", "POST", ECOMMPAY_ROUTE, http_request("POST", ECOMMPAY_ROUTE, headers, body)
    )


def sign_ecommpay(body: bytes) -> bytes:
    """``body`` with a valid signature added, when it can carry one (an object the signer
    takes); otherwise as it is."""
    try:
        tree = json.loads(body)
        if not isinstance(tree, dict) or not tree or not body.startswith(b"{"):
            return body
        signature = ecommpay_signature(tree, ECOMMPAY_SECRET_KEY)
    except (ValueError, RecursionError, TypeError):
        return body
    return b'{"signature":' + json.dumps(signature).encode() + b"," + body[1:]


def register_case(rng: random.Random, target: Target) -> Case:
    tree: dict[str, Any] = {
        "invoice_number": invoice_number(rng),
        "provider": rng.choice(("doku", "ecommpay-page", "ecommpay-gate")),
        "amount": rng.choice((5000, 7000, 1)),
    }
    body = _body(rng, tree)
    headers: list[tuple[str | bytes, str | bytes]] = [
        ("Authorization", _authorization(rng, target)),
        (
            "Content-Type",
            rng.choice(CONTENT_TYPES) if rng.random() < 0.2 else "application/json",
        ),
    ]
    return Case(
        "register", "POST", "/v1/payments", http_request("POST", "/v1/payments", headers, body)
    )


def upload_case(rng: random.Random, target: Target) -> Case:
    """A till's day upload: real headers with a row of the till's (or another till's) id."""
    index = rng.randrange(len(target.tokens))
    till_id = TILL_IDS[index] if index < len(TILL_IDS) else rng.choice(TILL_IDS)
    business_date = rng.choice(("2026-11-21", "2026-02-30", "21-11-2026", _text(rng)))

    def file(columns: tuple[str, ...]) -> str:
        row = [rng.choice((till_id, "T2", "1", "-5", "x" * 40, "=1+1")) for _ in columns]
        return ",".join(columns) + "\r\n" + ",".join(row) + "\r\n"

    tree: dict[str, Any] = {
        "till_id": till_id,
        "business_date": business_date,
        "revision": rng.choice((1, 2, 0, 2**63)),
        "files": {
            "lines": file(LINE_COLUMNS),
            "sales": file(SALE_COLUMNS),
            "payments": file(PAYMENT_COLUMNS),
        },
        "day_closed": rng.choice((True, False)),
        "shifts": rng.choice((0, 1, 3)),
    }
    path = f"/v1/days/{business_date}"
    headers = [
        ("Authorization", _authorization(rng, target)),
        ("Content-Type", "application/json"),
    ]
    return Case("upload", "PUT", path, http_request("PUT", path, headers, _body(rng, tree)))


def shop_case(rng: random.Random, target: Target) -> Case:
    path = rng.choice(
        (
            "/v1/days",
            "/v1/shop/uploads",
            "/v1/shop/days/2026-11-21",
            "/v1/shop/days/" + _text(rng),
        )
    )
    headers = [("Authorization", _authorization(rng, target))]
    return Case("shop", "GET", path, http_request("GET", path, headers))


def _authorization(rng: random.Random, target: Target) -> str | bytes:
    roll = rng.random()
    if roll < 0.85:
        return f"Bearer {rng.choice(target.tokens)}"
    return rng.choice(
        (
            "",
            "Bearer",
            "Bearer kasir_nope",
            "Basic dXNlcjpwYXNz",
            b"Bearer \xff",
            "Bearer " + "k" * 8000,
        )
    )


def _text(rng: random.Random) -> str:
    """A path or query value: percent-encoded anything, or plain hostile text."""
    roll = rng.random()
    if roll < 0.4:
        return "".join(f"%{rng.randrange(256):02X}" for _ in range(rng.randrange(1, 12)))
    if roll < 0.6:
        return rng.choice(("1" * 4400, "-1", "1e5", "nan", "%00", "..%2F..%2F", "x" * 3000))
    if roll < 0.8:
        return invoice_number(rng).replace(" ", "%20").replace("\n", "%0A")
    return str(rng.randrange(-5, 10**20))


def status_case(rng: random.Random, target: Target) -> Case:
    path = "/v1/payments/" + _text(rng)
    headers = [("Authorization", _authorization(rng, target))]
    return Case("status", "GET", path, http_request("GET", path, headers))


def page_case(rng: random.Random, target: Target) -> Case:
    """A till ending a Gate page: any invoice, any token."""
    path = "/v1/pages/" + _text(rng)
    headers = [("Authorization", _authorization(rng, target))]
    return Case("page", "DELETE", path, http_request("DELETE", path, headers))


def events_case(rng: random.Random, target: Target) -> Case:
    params = []
    for name in ("after", "wait", "epoch"):
        if rng.random() < 0.6:
            value = rng.choice((_text(rng), "0", "0.01", "0.001", "61", str(2**63)))
            params.append(f"{name}={value}")
    if rng.random() < 0.1:
        params.append("after=1&after=2")
    path = "/v1/events" + ("?" + "&".join(params) if params else "")
    headers = [("Authorization", _authorization(rng, target))]
    return Case("events", "GET", path, http_request("GET", path, headers))


def redirect_case(rng: random.Random, target: Target) -> Case:
    path = "/r/" + _text(rng)
    return Case("redirect", "GET", path, http_request("GET", path, []))


def healthz_case(rng: random.Random, target: Target) -> Case:
    path = "/healthz" + rng.choice(("", "?x=1", "?" + _text(rng)))
    return Case("healthz", "GET", path, http_request("GET", path, [("X-Junk", _text(rng))]))


def stray_case(rng: random.Random, target: Target) -> Case:
    """Another method on a relay route, or a path the relay does not have."""
    method = rng.choice(("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "POST"))
    path = rng.choice(
        (
            "/",
            "/v1",
            "/v1/payments",
            DOKU_ROUTE,
            ECOMMPAY_ROUTE,
            "/healthz",
            "/r/",
            "/admin",
            "/" + _text(rng),
        )
    )
    return Case("stray", method, path, http_request(method, path, [], b"{}"))


def framing_case(rng: random.Random, target: Target) -> Case:
    """Requests whose HTTP itself is broken or oversized (each on its own connection)."""
    headers, body = (
        signed_headers(
            client_id=DOKU_CLIENT_ID,
            secret_key=DOKU_SECRET_KEY,
            request_target=DOKU_ROUTE,
            body=b"{}",
        ),
        b"{}",
    )
    items: list[tuple[str | bytes, str | bytes]] = list(headers.items())
    kind = rng.randrange(10)
    if kind == 0:
        request = http_request("POST", DOKU_ROUTE, [*items, ("X-Big", "y" * 20000)], body)
    elif kind == 1:
        request = http_request("POST", DOKU_ROUTE, items + [("X-Many", "z" * 100)] * 200, body)
    elif kind == 2:
        request = http_request("POST", DOKU_ROUTE, items, body, length=len(body) - 1)
    elif kind == 3:
        request = http_request("POST", DOKU_ROUTE, items, body, length=10**30)
    elif kind == 4:
        request = http_request(
            "POST",
            DOKU_ROUTE,
            [*items, ("Transfer-Encoding", "chunked")],
            b"zz\r\n{}\r\n0\r\n\r\n",
            length=-1,
        )
    elif kind == 5:
        request = b"GET /v1/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n"
    elif kind == 6:
        request = b"GARBAGE\r\n\r\n"
    elif kind == 7:
        request = http_request("GET", "/healthz", [(b"Bad Name", "1"), (b"X\x00", "2")])
    elif kind == 8:
        request = http_request("POST", "/v1/payments", [("Content-Length", "5")], b"{}")
    else:
        request = http_request(
            "POST", DOKU_ROUTE, [*items, ("Content-Length", "-1")], body, length=-1
        )
    return Case("framing", "POST", DOKU_ROUTE, request, close=True)


FAMILIES: dict[str, Callable[[random.Random, Target], Case]] = {
    "doku": doku_case,
    "ecommpay": ecommpay_case,
    "register": register_case,
    "status": status_case,
    "page": page_case,
    "events": events_case,
    "redirect": redirect_case,
    "healthz": healthz_case,
    "stray": stray_case,
    "framing": framing_case,
    "upload": upload_case,
    "shop": shop_case,
}
WEIGHTS = {
    "doku": 5,
    "ecommpay": 5,
    "register": 4,
    "status": 2,
    "page": 1,
    "events": 2,
    "redirect": 1,
    "healthz": 1,
    "stray": 1,
    "framing": 1,
    "upload": 2,
    "shop": 1,
}


def cases(rng: random.Random, target: Target, count: int) -> Iterator[Case]:
    """``count`` cases of every family, in the proportions of :data:`WEIGHTS`."""
    names = list(WEIGHTS)
    weights = [WEIGHTS[name] for name in names]
    for _ in range(count):
        yield FAMILIES[rng.choices(names, weights)[0]](rng, target)


# --- sending and judging -------------------------------------------------------------------


def judge(case: Case, status: int, headers: dict[bytes, bytes], body: bytes) -> str | None:
    """Why this answer breaks the rule (no 5xx; a 4xx says why, in JSON), or ``None``."""
    if status >= 500:
        return f"answered {status}: {body[:200]!r}"
    if status < 400:
        return None
    media = headers.get(b"content-type", b"").split(b";")[0].strip()
    if media == b"text/html" and case.path.startswith("/r/"):
        return None if body.strip() else "an empty page"
    if media != b"application/json":
        return f"a {status} without JSON ({media.decode('latin-1')!r}): {body[:120]!r}"
    try:
        reason = json.loads(body).get("error")
    except (ValueError, AttributeError):
        reason = None
    if not isinstance(reason, str) or not reason.strip():
        return f"a {status} without a reason: {body[:120]!r}"
    return None


async def _read_answer(reader: asyncio.StreamReader) -> tuple[int, dict[bytes, bytes], bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    headers: dict[bytes, bytes] = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name:
            headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers.get(b"content-length", b"0")))
    return status, headers, body


class _Connection:
    """One keep-alive connection, opened again whenever the relay closed it."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def exchange(self, request: bytes, fresh: bool) -> tuple[int, dict[bytes, bytes], bytes]:
        if fresh:
            self.close()
        reused = self.streams is not None
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        try:
            writer.write(request)
            await writer.drain()
            answer = await _read_answer(reader)
        except (ConnectionError, asyncio.IncompleteReadError):
            self.close()
            if not reused:
                raise
            return await self.exchange(request, fresh=True)  # the relay had closed it, idle
        if fresh or answer[1].get(b"connection", b"").lower() == b"close":
            self.close()
        return answer

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def send_all(
    host: str, port: int, work: Iterable[Case], *, connections: int, seconds: float
) -> FuzzResult:
    """Send ``work`` over ``connections`` keep-alive connections until it is done or
    ``seconds`` have passed, judging every answer."""
    result = FuzzResult()
    shared = iter(work)
    started = time.perf_counter()
    deadline = started + seconds

    async def worker() -> None:
        connection = _Connection(host, port)
        try:
            for case in shared:
                try:
                    status, headers, body = await asyncio.wait_for(
                        connection.exchange(case.request, case.close), ANSWER_TIMEOUT
                    )
                except (
                    TimeoutError,
                    ConnectionError,
                    asyncio.IncompleteReadError,
                    asyncio.LimitOverrunError,
                    ValueError,
                    IndexError,
                ) as exc:
                    connection.close()
                    result.add(case, Answer(None, f"no answer: {exc!r}"))
                else:
                    result.add(case, Answer(status, judge(case, status, headers, body)))
                if time.perf_counter() > deadline:
                    break
        finally:
            connection.close()

    await asyncio.gather(*(worker() for _ in range(connections)))
    result.seconds = time.perf_counter() - started
    return result


def run(
    target: Target, work: Iterable[Case], *, connections: int = 8, seconds: float = 600.0
) -> FuzzResult:
    return asyncio.run(
        send_all(target.host, target.port, work, connections=connections, seconds=seconds)
    )
