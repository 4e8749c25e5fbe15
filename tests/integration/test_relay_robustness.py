"""The relay on loopback against what a sender may put in a request, slow and idle clients, and
a database that stops taking writes: never a 5xx for the sender's input, every 4xx says why in
JSON, 503 while the database fails, and by itself well again once the cause is fixed."""

import contextlib
import json
import logging
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.payments.doku.signing import signed_headers
from pos_app.payments.ecommpay.signing import ecommpay_signature
from pos_app.relay import auth, storage
from tests.harness.postgres_server import PostgresServer
from tests.harness.relay_process import (
    DOKU_CLIENT_ID,
    DOKU_SECRET_KEY,
    ECOMMPAY_SECRET_KEY,
    RelayProcess,
    relay_config,
    signed_doku_notification,
    signed_ecommpay_callback,
    wait_until,
)

DOKU = "/doku/notifications"
ECOMMPAY = "/ecommpay/callbacks"
DEEP = b"[" * 1000 + b"]" * 1000
TIMEOUT = 0.5


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[EmbeddedRelay]:
    config = relay_config(tmp_path / "relay.db", client_timeout_seconds=TIMEOUT)
    with start_relay(config) as running:
        yield running


def signed_doku(body: bytes) -> dict[str, str]:
    return signed_headers(
        client_id=DOKU_CLIENT_ID, secret_key=DOKU_SECRET_KEY, request_target=DOKU, body=body
    )


def doku_body(
    invoice: str = "KSR-T1-20240501-000001",
    amount: bytes = b"5000",
    date: bytes = b'"2024-05-01T08:00:00Z"',
) -> bytes:
    """A DOKU notification as text, with raw JSON put in for its amount and date."""
    return (
        b'{"order":{"invoice_number":'
        + json.dumps(invoice).encode()
        + b',"amount":'
        + amount
        + b'},"transaction":{"status":"SUCCESS","date":'
        + date
        + b"}}"
    )


def ecommpay_signed(payload: dict) -> bytes:
    signature = ecommpay_signature(payload, ECOMMPAY_SECRET_KEY)
    return json.dumps({**payload, "signature": signature}).encode()


def assert_refused(answer: httpx.Response, status: int, words: str = "") -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    reason = answer.json()["error"]
    assert reason and words in reason, reason


def test_what_the_issue_found_is_refused_with_a_reason(relay: EmbeddedRelay) -> None:
    token = relay.add_terminal("T1")
    bearer = {"Authorization": f"Bearer {token}"}
    url = relay.url
    huge = int("1" + "0" * 40)
    payment = signed_ecommpay_callback(payment_id="KSR-T1-20240501-000001", amount=1)
    at_huge_amount = json.loads(payment)
    del at_huge_amount["signature"]
    at_huge_amount["payment"]["sum"]["amount"] = huge

    def doku(body: bytes) -> httpx.Response:
        return httpx.post(url + DOKU, content=body, headers=signed_doku(body))

    def callback(body: bytes) -> httpx.Response:
        return httpx.post(url + ECOMMPAY, content=body)

    def register(body: bytes, kind: str = "application/json") -> httpx.Response:
        return httpx.post(
            url + "/v1/payments", content=body, headers=bearer | {"Content-Type": kind}
        )

    assert_refused(doku(DEEP), 400, "nested")
    assert_refused(httpx.post(url + DOKU, content=DEEP), 401, "Signature")
    assert_refused(callback(DEEP), 400, "nested")
    assert_refused(register(DEEP), 400, "JSON object")
    assert_refused(doku(doku_body(invoice="x", amount=b'"\\ud800"')), 400)
    assert_refused(callback(b'{"payment": {"id": "\\ud800"}}'), 400, "surrogate")
    assert_refused(register(b'{"invoice_number": "\\ud800"}'), 400, "invoice_number")
    assert_refused(httpx.get(f"{url}/v1/events?after={'1' * 4400}", headers=bearer), 400, "after")
    for signed in (
        doku(doku_body(amount=str(huge).encode())),
        callback(ecommpay_signed(at_huge_amount)),
    ):
        # signed, so stored apart with what could not be read and acknowledged (never retried)
        assert signed.status_code == 200, signed.text
    kept = relay.storage.read_here(storage.orphans)
    assert [("amount" in (o["kept_apart"] or "")) for o in kept] == [True, True]
    too_much = b'{"invoice_number": "KSR-T1-20240501-1", "provider": "doku", "amount": %d}' % huge
    assert_refused(register(too_much), 400, "amount")
    assert_refused(doku(doku_body(amount=b"1" * 4400)), 400, "4300 digits")
    assert_refused(doku(b'{"order": "\xff\xfe"}'), 400, "UTF-8")
    assert_refused(register(b'{"invoice_number": "\xff"}'), 400, "JSON object")
    assert_refused(register(b"invoice_number=KSR", "application/x-www-form-urlencoded"), 415)
    assert_refused(httpx.get(url + "/healthz", headers={"X-Big": "x" * 20_000}), 431)
    assert_refused(httpx.get(url + "/nothing-here"), 404)
    wrong_method = httpx.put(url + DOKU)
    assert_refused(wrong_method, 405)
    assert wrong_method.headers["allow"] == "POST"

    for date in (b'"10000-01-01T00:00:00Z"', b'"9999-12-31T23:59:59-23:59"'):
        answer = doku(doku_body(invoice="KSR-T1-20240501-000009", date=date))
        assert answer.status_code == 200, answer.text  # a payment all the same: its time unknown


def test_framing_that_breaks_http_itself_gets_a_json_400(relay: EmbeddedRelay) -> None:
    for request in (
        b"GARBAGE\r\n\r\n",
        b"GET /v1/\xff HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST /doku/notifications HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
        b"Content-Length: 2\r\n\r\n{}",
    ):
        with socket.create_connection(("127.0.0.1", relay.port), timeout=5) as sock:
            sock.sendall(request)
            answer = read_all(sock)
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 400 "), answer
        assert b"content-type: application/json" in head
        assert json.loads(body)["error"]


def test_healthz_says_only_status_version_and_epoch(relay: EmbeddedRelay) -> None:
    answer = httpx.get(relay.url + "/healthz")
    assert answer.status_code == 200
    assert set(answer.json()) == {"status", "version", "epoch"}


def read_all(sock: socket.socket) -> bytes:
    """Everything the relay sends until it closes the connection (or 5 s pass)."""
    sock.settimeout(5)
    chunks = []
    with contextlib.suppress(TimeoutError, ConnectionResetError):
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_an_idle_connection_is_closed(relay: EmbeddedRelay) -> None:
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", relay.port), timeout=5) as sock:
        assert read_all(sock) == b""  # closed, without a word
    assert time.monotonic() - started < 4


def test_a_kept_alive_connection_left_idle_is_closed(relay: EmbeddedRelay) -> None:
    with socket.create_connection(("127.0.0.1", relay.port), timeout=5) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = read_all(sock)
    assert answer.startswith(b"HTTP/1.1 200 ") and answer.endswith(b"}")


def test_a_request_head_sent_too_slowly_is_cut_off_with_408(relay: EmbeddedRelay) -> None:
    head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"y" * 200
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", relay.port)) as sock:
        sock.settimeout(0.05)
        sent, answer = 0, b""
        while sent < len(head):  # a byte at a time, each when the relay has said nothing
            sock.sendall(head[sent : sent + 1])
            sent += 1
            with contextlib.suppress(TimeoutError):
                answer = sock.recv(65536)
                break
        answer += read_all(sock)
    assert sent < len(head) and time.monotonic() - started < 4
    assert answer.startswith(b"HTTP/1.1 408 "), answer
    assert b"did not arrive" in answer


def test_a_body_sent_too_slowly_is_cut_off_with_408(relay: EmbeddedRelay) -> None:
    with socket.create_connection(("127.0.0.1", relay.port), timeout=5) as sock:
        sock.sendall(
            b"POST /doku/notifications HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"
        )
        answer = read_all(sock)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408 "), answer
    assert json.loads(body)["error"] == f"the body did not arrive within {TIMEOUT:g} s"


def test_a_client_that_hangs_up_mid_body_is_no_error(
    relay: EmbeddedRelay, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        with socket.create_connection(("127.0.0.1", relay.port), timeout=5) as sock:
            sock.sendall(
                b"POST /doku/notifications HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"
            )
        wait_until(lambda: "mid-request" in caplog.text, what="the hang-up to be noticed")
        assert httpx.get(relay.url + "/healthz").status_code == 200

    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


# --- a database that stops taking writes ---------------------------------------------------


def terminal_token(db: Path | str) -> str:
    return auth.add_terminal(db, "T1")


def every_write(url: str, token: str, n: int) -> dict[str, httpx.Response]:
    """A notification, a registration and a health check: the three routes that write."""
    invoice = f"KSR-T1-20240501-{n:06d}"
    headers, body = signed_doku_notification(invoice_number=invoice, amount=5_000)
    return {
        "notification": httpx.post(url + DOKU, content=body, headers=headers),
        "registration": httpx.post(
            url + "/v1/payments",
            json={"invoice_number": invoice, "provider": "doku", "amount": 5_000},
            headers={"Authorization": f"Bearer {token}"},
        ),
        "healthz": httpx.get(url + "/healthz"),
    }


def assert_unavailable(answers: dict[str, httpx.Response]) -> None:
    for route, answer in answers.items():
        assert answer.status_code == 503, (route, answer.text)
        assert answer.headers["retry-after"] == "5"
        assert answer.json()["error"], route


def assert_working(answers: dict[str, httpx.Response]) -> None:
    assert [answers[route].status_code for route in answers] == [200, 201, 200]


def test_a_relay_that_cannot_write_answers_503_everywhere_and_recovers_by_itself(
    tmp_path: Path,
) -> None:
    """The relay's process may write no byte more (as on a full disk), then may again."""
    resource = pytest.importorskip("resource")
    if not hasattr(resource, "prlimit"):
        pytest.skip("needs Linux's prlimit to limit another process's file writes")
    relay = RelayProcess(tmp_path)
    token = terminal_token(relay.db)
    relay.start()
    assert relay.process is not None
    pid = relay.process.pid
    try:
        assert_working(every_write(relay.url, token, 1))
        resource.prlimit(pid, resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))
        try:
            assert_unavailable(every_write(relay.url, token, 2))
            assert_unavailable(every_write(relay.url, token, 3))
        finally:
            resource.prlimit(pid, resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY,) * 2)
        assert_working(every_write(relay.url, token, 4))
    finally:
        relay.stop()
    log = relay.log.read_text()
    assert "Traceback" not in log and "Exception in ASGI" not in log


def end_sessions(server: PostgresServer, url: str, *, drop: bool = False) -> int:
    """What a PostgreSQL restart, a failover or an idle-session timeout does to the relay's
    connections: the server ends them (and with ``drop`` the database is gone, so no new
    connection can be made); how many it ended."""
    database = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
    with psycopg.connect(server.url(), autocommit=True) as conn:
        row = conn.execute(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s",
            (database,),
        ).fetchone()
        if drop:
            conn.execute(f"DROP DATABASE {database} WITH (FORCE)")
    assert row is not None
    return int(row[0])


def test_sessions_the_postgresql_server_ended_are_opened_again_without_a_503(
    postgres_server: PostgresServer,
) -> None:
    """DOKU retries a notification answered 5xx only 30 minutes later: a read or write on a
    session the server ended is made again at once on a new connection, and only one that
    cannot be made is answered 503."""
    url = postgres_server.new_database()
    token = terminal_token(url)
    bearer = {"Authorization": f"Bearer {token}"}
    with start_relay(relay_config(url)) as relay:
        assert_working(every_write(relay.url, token, 1))
        assert end_sessions(postgres_server, url) >= 2  # the reader, the writer (the listener)

        polled = httpx.get(relay.url + "/v1/events", headers=bearer)
        answers = every_write(relay.url, token, 2)
        again = httpx.get(relay.url + "/v1/events", headers=bearer)
        end_sessions(postgres_server, url, drop=True)
        assert_unavailable(every_write(relay.url, token, 3))

    assert polled.status_code == 200, polled.text
    assert [e["invoice_number"] for e in polled.json()["events"]] == ["KSR-T1-20240501-000001"]
    assert_working(answers)
    assert [e["invoice_number"] for e in again.json()["events"]] == [
        "KSR-T1-20240501-000001",
        "KSR-T1-20240501-000002",
    ]


def immutable(paths: list[Path], on: bool) -> None:
    """chattr +i / -i: a file not even root may write to (the -shm file is left alone: it is
    memory-mapped, and a mapped write to an immutable file kills the process)."""
    existing = [str(path) for path in paths if path.exists()]
    subprocess.run(["chattr", "+i" if on else "-i", *existing], check=True, capture_output=True)


def chattr_works(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.touch()
    try:
        immutable([probe], True)
    except (OSError, subprocess.CalledProcessError):
        return False
    immutable([probe], False)
    return True


def test_a_read_only_database_answers_503_and_the_relay_recovers_when_it_is_writable(
    tmp_path: Path,
) -> None:
    if shutil.which("chattr") is None or os.geteuid() != 0 or not chattr_works(tmp_path):
        pytest.skip("needs root and chattr on this filesystem to make a file read-only")
    db = tmp_path / "relay.db"
    files = [db, Path(f"{db}-wal")]
    token = terminal_token(db)
    with start_relay(relay_config(db)) as relay:
        assert_working(every_write(relay.url, token, 1))
        immutable(files, True)
        try:
            assert_unavailable(every_write(relay.url, token, 2))
        finally:
            immutable(files, False)
        assert_working(every_write(relay.url, token, 3))

    immutable(files, True)  # read-only when the relay starts: its connections are read-only
    try:
        relay = start_relay(relay_config(db))
        assert_unavailable(every_write(relay.url, token, 4))
        assert_unavailable(every_write(relay.url, token, 5))
    finally:
        immutable(files, False)
    with relay:
        assert_working(every_write(relay.url, token, 6))  # no restart: it opened them again
        events = httpx.get(
            relay.url + "/v1/events", headers={"Authorization": f"Bearer {token}"}
        ).json()["events"]
    assert [e["invoice_number"][-1] for e in events] == ["1", "3", "6"]
