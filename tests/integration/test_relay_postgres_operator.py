"""The operator's commands on a PostgreSQL relay: terminals as on SQLite, and backup and restore
as the runbook has it: ``pg_dump``, ``pg_restore`` into an empty database, then ``pos-app relay
new-epoch``; a terminal that had read past the dump reads again from the start and misses
nothing stored since."""

import contextlib
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import psycopg
import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.commands import relay_service
from pos_app.demo.embedded_relay import start_relay
from pos_app.payments.model import ProviderName, RelayPosition
from pos_app.relay import schema, writer
from pos_app.relay.app import HEALTH_TIMEOUT
from pos_app.relay.engines import SERVING_NAME
from tests.harness.postgres_server import PostgresServer, binaries
from tests.harness.relay_process import (
    DOKU_CLIENT_ID,
    DOKU_SECRET_KEY,
    relay_config,
    signed_doku_notification,
    wait_until,
)

ORIGINAL_INVOICES = ("KSR-T1-20240501-000001", "KSR-T1-20240501-000002")
LATE = "KSR-T1-20240501-000003"


def notify(url: str, invoice: str) -> None:
    headers, body = signed_doku_notification(invoice_number=invoice, amount=7_000)
    answer = httpx.post(url + "/doku/notifications", content=body, headers=headers)
    assert answer.status_code == 200


def test_a_dump_restored_with_a_new_epoch_is_read_again_from_the_start(
    postgres_server: PostgresServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = postgres_server.new_database()
    with start_relay(relay_config(original)) as relay:
        token = relay.add_terminal("T1")
        with RelayClient(relay.url, token) as till:
            for invoice in (*ORIGINAL_INVOICES, LATE):
                till.register_payment(invoice, ProviderName.DOKU, 7_000)
            for invoice in ORIGINAL_INVOICES:
                notify(relay.url, invoice)
            read, position = till.fetch(RelayPosition())
    assert [event.invoice_number for event in read] == list(ORIGINAL_INVOICES)
    dump = tmp_path / "relay.dump"
    bin_dir = binaries()
    assert bin_dir is not None
    subprocess.run(
        [str(bin_dir / "pg_dump"), "--format=custom", f"--file={dump}", "--dbname", original],
        check=True,
    )
    restored = postgres_server.new_database()
    subprocess.run(
        [
            str(bin_dir / "pg_restore"),
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--dbname",
            restored,
            str(dump),
        ],
        check=True,
    )

    assert relay_service.main(["new-epoch", "--database-url", restored]) == 0
    said = capsys.readouterr().out
    assert "New epoch" in said and "1 active terminal(s), 3 registered payment(s)" in said
    assert "2 notification(s), 0 orphan(s)" in said
    with psycopg.connect(restored) as conn:
        epoch = conn.execute("SELECT value FROM meta WHERE key = 'epoch'").fetchone()
    assert epoch is not None and epoch[0] != position.epoch
    with start_relay(relay_config(restored)) as relay:
        notify(relay.url, LATE)
        with RelayClient(relay.url, token) as till:
            events, batch = till.fetch(position)

    assert batch.epoch == epoch[0]
    assert [e.invoice_number for e in position.unseen(events, batch)] == [
        *ORIGINAL_INVOICES,
        LATE,
    ]
    late = next(event for event in events if event.invoice_number == LATE)
    assert late.cursor > position.cursor  # the clock keeps new cursors above the old ones


def test_new_epoch_refuses_a_database_that_holds_no_relay_data_and_leaves_it_as_it_was(
    postgres_server: PostgresServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty database is the wrong one, or a restore that did not finish: a new epoch there
    would let the relay start on nothing while the runbook said all was well."""
    empty = postgres_server.new_database()
    assert relay_service.main(["new-epoch", "--database-url", empty]) == 1
    err = capsys.readouterr().err
    assert "holds no relay data" in err and "Nothing was changed" in err
    with psycopg.connect(empty) as conn:
        assert conn.execute("SELECT to_regclass('meta')").fetchone() == (None,)

    with start_relay(relay_config(empty)):
        pass  # the relay's tables, with nothing in them
    with psycopg.connect(empty) as conn:
        before = conn.execute("SELECT value FROM meta WHERE key = 'epoch'").fetchone()
    assert relay_service.main(["new-epoch", "--database-url", empty]) == 1
    assert "holds no relay data" in capsys.readouterr().err
    with psycopg.connect(empty) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'epoch'").fetchone() == before


def test_new_epoch_refuses_while_a_relay_serves_the_database(
    postgres_server: PostgresServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A relay left running keeps the epoch it started with: its terminals would read the
    restored database's cursors as if nothing had changed."""
    url = postgres_server.new_database()
    with start_relay(relay_config(url)) as relay:
        relay.add_terminal("T1")
        wait_until(lambda: serving_sessions(url) == 1, 10, what="the relay to listen")
        before = epoch_of(url)
        assert relay_service.main(["new-epoch", "--database-url", url]) == 1
        said = capsys.readouterr().err
        assert "1 relay process(es) still serve the database" in said
        assert "Nothing was changed" in said
        assert epoch_of(url) == before

    wait_until(lambda: serving_sessions(url) == 0, 10, what="the relay's session to end")
    assert relay_service.main(["new-epoch", "--database-url", url]) == 0


def epoch_of(url: str) -> str:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'epoch'").fetchone()
    assert row is not None
    return str(row[0])


def serving_sessions(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT COUNT(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND application_name = %s",
            (SERVING_NAME,),
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_backup_and_restore_on_postgresql_point_to_pg_dump(
    postgres_server: PostgresServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_server.new_database()
    for command in (["backup", str(tmp_path / "copy.db")], ["restore", str(tmp_path / "x.db")]):
        assert relay_service.main([*command, "--database-url", url]) == 2
        assert "pg_dump" in capsys.readouterr().err


def test_terminals_are_added_listed_and_revoked_on_postgresql(
    postgres_server: PostgresServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_server.new_database()
    option = ["--database-url", url]

    assert relay_service.main(["add-terminal", "T1", *option]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert relay_service.main(["list-terminals", *option]) == 0
    assert "terminal id T1" in capsys.readouterr().out
    with start_relay(relay_config(url)) as relay:
        assert (
            httpx.get(
                relay.url + "/v1/events", headers={"Authorization": f"Bearer {token}"}
            ).status_code
            == 200
        )
        assert relay_service.main(["revoke", "T1", *option]) == 0
        assert (
            httpx.get(
                relay.url + "/v1/events", headers={"Authorization": f"Bearer {token}"}
            ).status_code
            == 401
        )
    assert relay_service.main(["status", *option]) == 0
    assert "0 active terminal(s)" in capsys.readouterr().out


@pytest.mark.parametrize(
    "password", ["Qx~1/Qx~2@Qx~3:Qx~4", "Qx~1?Qx~2#Qx~3 Qx~4%Qx~5", "Qx~1@Qx~2[Qx~3]"]
)
def test_a_percent_encoded_password_works_and_is_never_shown_nor_logged(
    postgres_server: PostgresServer,
    password: str,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The server trusts loopback, so any password connects: what matters is where it shows.
    Its pieces are marked "Qx~", which no terminal token printed beside them can hold."""
    database = psycopg.conninfo.conninfo_to_dict(postgres_server.new_database())["dbname"]
    encoded = quote(password, safe="")
    url = f"postgresql://postgres:{encoded}@127.0.0.1:{postgres_server.port}/{database}"
    caplog.set_level("DEBUG")

    assert relay_service.main(["add-terminal", "T1", "--database-url", url]) == 0
    assert relay_service.main(["status", "--database-url", url]) == 0
    with start_relay(relay_config(url)) as relay:
        assert httpx.get(relay.url + "/healthz").status_code == 200
    captured = capsys.readouterr()
    assert f"dbname={database} host=127.0.0.1" in captured.out
    assert "Qx~" not in captured.out + captured.err + caplog.text
    assert encoded not in captured.out + captured.err + caplog.text


@pytest.mark.parametrize(
    "command",
    ["status", "orphans", "list-terminals", "add-terminal", "new-epoch", "serve", "copy-to"],
)
def test_a_database_a_newer_relay_wrote_is_one_line_without_the_password(
    postgres_server: PostgresServer,
    tmp_path: Path,
    command: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A relay package rolled back, or an older process beside a newer one: refused in one
    line naming the database as ``describe`` does, never a traceback quoting its URL."""
    database = psycopg.conninfo.conninfo_to_dict(postgres_server.new_database())["dbname"]
    url = f"postgresql://postgres:Qx9-secret@127.0.0.1:{postgres_server.port}/{database}"
    with contextlib.closing(schema.connect(url)) as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'",
            (str(schema.SCHEMA_VERSION + 1),),
        )
    db = tmp_path / "relay.db"
    schema.connect(db).close()
    argv = {
        "add-terminal": ["add-terminal", "T1", "--database-url", url],
        "serve": [
            *("serve", "--database-url", url, "--port", "0"),
            *("--doku-client-id", DOKU_CLIENT_ID, "--doku-secret-key", DOKU_SECRET_KEY),
        ],
        "copy-to": ["copy-to", url, "--db", str(db)],
    }.get(command, [command, "--database-url", url])

    assert relay_service.main(argv) == 1
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith(
        f"pos-app relay {command}: the database postgresql dbname={database} host=127.0.0.1 "
        f"port={postgres_server.port} user=postgres was written by a newer relay "
        f"(schema {schema.SCHEMA_VERSION + 1};"
    )
    assert "Qx9" not in captured.out + captured.err


def test_a_sqlite_relay_copied_to_postgresql_carries_on_where_it_was(
    postgres_server: PostgresServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """copy-to: the stopped SQLite relay into an empty PostgreSQL database, tokens, cursors and
    epoch as they were, so a terminal reads on from its cursor and misses nothing; refused
    while the relay serves the file, and into a database that holds relay data."""
    db, url = tmp_path / "relay.db", postgres_server.new_database()
    orphan = "KSR-T9-20240501-000009"
    with start_relay(relay_config(db)) as relay:
        token = relay.add_terminal("T1")
        with RelayClient(relay.url, token) as till:
            for invoice in (*ORIGINAL_INVOICES, LATE):
                till.register_payment(invoice, ProviderName.DOKU, 7_000)
            for invoice in (*ORIGINAL_INVOICES, orphan):
                notify(relay.url, invoice)
            read, position = till.fetch(RelayPosition())
        assert relay_service.main(["copy-to", url, "--db", str(db)]) == 1
        assert "in use: stop the relay first" in capsys.readouterr().err
    assert [event.invoice_number for event in read] == list(ORIGINAL_INVOICES)

    assert relay_service.main(["copy-to", url, "--db", str(db)]) == 0
    said = capsys.readouterr().out
    assert "1 terminal(s), 3 registered payment(s), 3 notification(s), 1 orphan(s)" in said
    with start_relay(relay_config(url)) as relay, RelayClient(relay.url, token) as till:
        assert till.fetch(position, 0.0)[0] == [], "nothing is read twice"
        notify(relay.url, LATE)
        events, batch = till.fetch(position)
    assert [(e.invoice_number, batch.epoch) for e in events] == [(LATE, position.epoch)]
    assert events[0].cursor > position.cursor
    assert relay_service.main(["orphans", "--database-url", url]) == 0
    assert orphan in capsys.readouterr().out
    assert relay_service.main(["add-terminal", "T2", "--database-url", url]) == 0, "ids go on"

    assert relay_service.main(["copy-to", url, "--db", str(db)]) == 1
    assert "holds relay data already" in capsys.readouterr().err


@contextlib.contextmanager
def table_locked(url: str, table: str) -> Iterator[psycopg.Connection]:
    """Another session holding an ACCESS EXCLUSIVE lock on ``table`` (what VACUUM FULL, CLUSTER,
    ALTER TABLE or a newer relay's schema upgrade take) until the block ends."""
    with psycopg.connect(url) as conn:
        conn.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        try:
            yield conn
        finally:
            conn.rollback()


def waiting_on_a_lock(url: str) -> int:
    database = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
            (database,),
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_one_tills_read_stuck_on_a_lock_holds_up_no_other_route_and_is_answered_503(
    postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The relay made its reads on PostgreSQL (a till's token, its events, a payment's status)
    on the event loop, without a bound: while the database kept one waiting (a lock here, as
    VACUUM FULL or another relay's schema upgrade takes; a hung server likewise), the whole
    process stopped answering, /healthz and the providers' notifications too."""
    monkeypatch.setattr(writer, "READ_WAIT", 1.0)
    url = postgres_server.new_database()
    with start_relay(relay_config(url)) as relay:
        token = relay.add_terminal("T1")
        bearer = {"Authorization": f"Bearer {token}"}
        assert httpx.get(relay.url + "/healthz").status_code == 200
        till_answer: list[object] = []
        with table_locked(url, "terminals"):

            def till_checks_a_payment() -> None:
                try:
                    till_answer.append(
                        httpx.get(
                            relay.url + "/v1/payments/KSR-T1-20240501-000001",
                            headers=bearer,
                            timeout=60,
                        ).status_code
                    )
                except httpx.HTTPError as exc:
                    till_answer.append(exc)

            till = threading.Thread(target=till_checks_a_payment, daemon=True)
            till.start()
            wait_until(lambda: waiting_on_a_lock(url) >= 1, what="the till's read to wait")

            started = time.monotonic()
            health: object
            try:
                health = httpx.get(relay.url + "/healthz", timeout=HEALTH_TIMEOUT + 5).status_code
            except httpx.TimeoutException as exc:
                health = exc
            health_seconds = time.monotonic() - started
            headers, body = signed_doku_notification(
                invoice_number="KSR-T9-20240501-000001", amount=7_000
            )
            notification: object
            try:
                notification = httpx.post(
                    relay.url + "/doku/notifications", content=body, headers=headers, timeout=5
                ).status_code
            except httpx.TimeoutException as exc:
                notification = exc
            till.join(30)
            assert till_answer == [503], "the till's read, bounded, answered while locked"

    assert health in (200, 503), (
        f"/healthz gave no answer in {health_seconds:.1f} s while one till's read waited "
        f"on the database: {health!r}"
    )
    assert notification == 200, f"an orphan notification got no answer: {notification!r}"
