"""The relay's storage: group commit, durability before the answer, dedupe, orphans, cursors,
till ids, events kept apart, amounts side by side, and schema upgrades; what ``relay_database``
takes runs on SQLite and on PostgreSQL."""

import asyncio
import contextlib
import dataclasses
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.relay import auth, schema, storage, to_postgres, writer
from pos_app.relay.engines import (
    Connection,
    PostgresConnection,
    SqliteConnection,
    describe,
    is_postgres,
)
from pos_app.relay.storage import NewEvent
from pos_app.relay.writer import RelayStorage, StorageClosed
from tests.harness.relay_process import SCHEMA_2


def event(
    invoice: str,
    status: PaymentStatus = PaymentStatus.PAID,
    key: str = "",
    *,
    amount: int = 1_000,
    currency: str = "IDR",
    kept_apart: str | None = None,
) -> NewEvent:
    return NewEvent(
        dedupe_key=key or f"doku:{invoice}:{status}:{amount}:{currency}",
        provider=ProviderName.DOKU,
        invoice_number=invoice,
        status=status,
        amount=amount,
        payload='{"x": 1}',
        currency=currency,
        kept_apart=kept_apart,
    )


def register(
    conn: Connection, terminal: storage.Terminal, invoice: str, till_id: str | None = None
) -> storage.Registration:
    return storage.register_payment(
        conn,
        terminal_id=terminal.id,
        till_id=till_id or terminal.till_id or "T1",
        invoice_number=invoice,
        provider=ProviderName.DOKU,
        amount=1_000,
        redirect_token=None,
        redirect_ttl=timedelta(minutes=5),
    )


@pytest.fixture
def conn(relay_database: Path | str) -> Iterator[Connection]:
    connection = schema.connect(relay_database)
    yield connection
    connection.close()


def test_the_database_is_in_wal_mode_with_fsync_on_every_commit(tmp_path: Path) -> None:
    conn = schema.connect(tmp_path / "relay.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_concurrent_writes_share_commits_and_each_is_committed_before_its_caller_resumes(
    relay_database: Path | str,
) -> None:
    db = relay_database
    witness = schema.connect(db)

    async def scenario() -> tuple[list[int], int]:
        relay_storage = RelayStorage(db)
        await relay_storage.start()

        async def one(n: int) -> int:
            stored = await relay_storage.write(lambda c: storage.insert_event(c, event(f"I-{n}")))
            # Another connection sees it the moment the write returns: it is committed.
            seen = witness.execute("SELECT id FROM events WHERE id = ?", (stored.event_id,))
            return seen.fetchone()[0]

        ids = await asyncio.gather(*(one(n) for n in range(200)))
        await relay_storage.stop()
        relay_storage.close()
        return ids, relay_storage.commits

    ids, commits = asyncio.run(scenario())

    assert sorted(ids) == list(range(1, 201))
    assert commits < 200  # grouped: fewer commits (fsyncs) than writes


def test_a_failing_write_fails_alone_and_stop_drains_what_is_queued(
    relay_database: Path | str,
) -> None:
    db = relay_database

    def broken(conn: Connection) -> None:
        storage.insert_event(conn, event("HALF"))
        raise ValueError("this write changes its mind")

    async def scenario() -> list[object]:
        relay_storage = RelayStorage(db)
        await relay_storage.start()
        writes = [
            relay_storage.write(lambda c: storage.insert_event(c, event("A"))),
            relay_storage.write(broken),
            relay_storage.write(lambda c: storage.insert_event(c, event("B"))),
        ]
        tasks = [asyncio.ensure_future(w) for w in writes]
        await asyncio.sleep(0)
        await relay_storage.stop()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        with pytest.raises(StorageClosed):
            await relay_storage.write(lambda c: None)
        relay_storage.close()
        return results

    results = asyncio.run(scenario())

    assert isinstance(results[1], ValueError)
    rows = schema.connect(db).execute("SELECT invoice_number FROM events ORDER BY id")
    invoices = [row[0] for row in rows]
    assert invoices == ["A", "B"]


def test_a_write_the_database_refuses_fails_alone_and_its_batch_keeps_the_others(
    relay_database: Path | str,
) -> None:
    """PostgreSQL aborts a whole transaction at a statement's error: a batch whose writes run
    without savepoints runs again write by write, so only the refused write fails, and the
    others are stored, delivered and deduplicated as if alone; a batch without an error never
    runs twice."""
    db = relay_database
    with contextlib.closing(schema.connect(db)) as setup:
        terminal, _ = auth.create_terminal(setup, "till")
        register(setup, terminal, "A")
        register(setup, terminal, "B")

    def refused(conn: Connection) -> None:
        conn.execute("INSERT INTO events (id) VALUES (NULL)")

    def ingest(invoice: str, key: str = "") -> storage.Ingest:
        return storage.Ingest(event(invoice, key=key))

    async def scenario() -> tuple[list[object], list[object], RelayStorage]:
        relay_storage = RelayStorage(db)
        await relay_storage.start()
        clean = await asyncio.gather(relay_storage.write(ingest("C")))
        batch = [ingest("A", "a"), ingest("B"), refused, ingest("A", "a")]
        results = await asyncio.gather(
            *(relay_storage.write(w) for w in batch),
            return_exceptions=True,
        )
        await relay_storage.stop()
        relay_storage.close()
        return clean, results, relay_storage

    clean, (first, other, failed, again), relay_storage = asyncio.run(scenario())

    assert isinstance(failed, writer.StorageFailed)
    assert (relay_storage.commits, relay_storage.retried_batches) == (2, 1)
    assert isinstance(first, storage.Ingested) and isinstance(again, storage.Ingested)
    assert (first.duplicate, first.terminal_id) == (False, terminal.id)
    assert (again.duplicate, again.event_id, again.terminal_id) == (
        True,
        first.event_id,
        terminal.id,
    )
    assert isinstance(other, storage.Ingested) and other.terminal_id == terminal.id
    assert clean[0] == storage.Ingested(1, False, None)  # an orphan
    with contextlib.closing(schema.connect(db)) as witness:
        delivered = storage.events_after(witness, terminal.id, 0, 100)
        assert [e["invoice_number"] for e in delivered] == ["A", "B"]
        assert [o["invoice_number"] for o in storage.orphans(witness)] == ["C"]


def test_a_notification_the_database_refuses_fails_alone_in_a_batch_of_notifications(
    relay_database: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch of notifications alone (on PostgreSQL one pipeline, begin to commit) runs
    again write by write when one is refused: the others are stored and delivered."""
    db = relay_database
    pipelined: list[int] = []
    commit_each = PostgresConnection.commit_each

    def counted(conn: PostgresConnection, sql: str, parameters: list[Any]) -> list[Any]:
        pipelined.append(len(parameters))
        return commit_each(conn, sql, parameters)

    monkeypatch.setattr(PostgresConnection, "commit_each", counted)
    with contextlib.closing(schema.connect(db)) as setup:
        terminal, _ = auth.create_terminal(setup, "till")
        register(setup, terminal, "A")
        register(setup, terminal, "B")
    too_large = event("X", amount=2**63)  # past a 64-bit integer: no engine stores it

    async def scenario() -> tuple[list[object], RelayStorage]:
        relay_storage = RelayStorage(db)
        await relay_storage.start()
        batch = [event("A"), too_large, event("B"), event("A")]
        results = await asyncio.gather(
            *(relay_storage.write(storage.Ingest(e)) for e in batch), return_exceptions=True
        )
        await relay_storage.stop()
        relay_storage.close()
        return results, relay_storage

    (first, refused, other, again), relay_storage = asyncio.run(scenario())

    assert isinstance(refused, Exception)
    assert (relay_storage.commits, relay_storage.retried_batches) == (1, 1)
    assert isinstance(first, storage.Ingested) and isinstance(other, storage.Ingested)
    assert (first.duplicate, first.terminal_id) == (False, terminal.id)
    assert (other.duplicate, other.terminal_id) == (False, terminal.id)
    assert again == storage.Ingested(first.event_id, True, terminal.id)
    assert pipelined == ([4] if is_postgres(db) else [])
    with contextlib.closing(schema.connect(db)) as witness:
        delivered = storage.events_after(witness, terminal.id, 0, 100)
        assert [e["invoice_number"] for e in delivered] == ["A", "B"]


def test_a_notification_write_that_raises_a_bug_fails_alone_and_the_writer_lives_on(
    relay_database: Path | str,
) -> None:
    db = relay_database
    buggy = dataclasses.replace(event("X"), provider="doku")  # type: ignore[arg-type]

    async def scenario() -> tuple[list[object], storage.Ingested]:
        relay_storage = RelayStorage(db)
        await relay_storage.start()
        batch = [event("A"), buggy, event("B")]
        results = await asyncio.gather(
            *(relay_storage.write(storage.Ingest(e)) for e in batch), return_exceptions=True
        )
        later = await relay_storage.write(storage.Ingest(event("C")))
        await relay_storage.stop()
        relay_storage.close()
        return results, later

    (first, failed, other), later = asyncio.run(scenario())

    assert isinstance(failed, AttributeError)
    assert isinstance(first, storage.Ingested) and isinstance(other, storage.Ingested)
    assert later.duplicate is False
    with contextlib.closing(schema.connect(db)) as witness:
        assert [o["invoice_number"] for o in storage.orphans(witness)] == ["A", "B", "C"]


def test_a_sqlite_writer_begins_at_once_only_when_the_file_is_free(tmp_path: Path) -> None:
    with (
        contextlib.closing(schema.connect(tmp_path / "relay.db")) as holder,
        contextlib.closing(schema.connect(tmp_path / "relay.db")) as writer,
    ):
        assert isinstance(writer, SqliteConnection)
        holder.begin()

        held = writer.begin_at_once()
        held_timeout = writer.execute("PRAGMA busy_timeout").fetchone()[0]
        holder.execute("COMMIT")
        free = writer.begin_at_once()

        assert (held, free, writer.in_transaction) == (False, True, True)
        assert held_timeout == writer.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
        writer.execute("ROLLBACK")


def test_a_sqlite_writer_waits_for_another_writer_off_the_event_loop(tmp_path: Path) -> None:
    """The writer begins on the loop only when the file is free: while another connection
    holds it (a ``pos-app relay`` command), the loop serves on and the write waits its turn."""
    db = tmp_path / "relay.db"
    holder = schema.connect(db)
    holder.begin()

    async def scenario() -> tuple[set[object], storage.Ingested]:
        relay_storage = RelayStorage(db)
        await relay_storage.start()
        write = asyncio.ensure_future(relay_storage.write(storage.Ingest(event("A"))))
        done_while_held, _ = await asyncio.wait({write}, timeout=0.2)
        holder.execute("COMMIT")
        stored = await asyncio.wait_for(write, 10)
        await relay_storage.stop()
        relay_storage.close()
        return done_while_held, stored

    done_while_held, stored = asyncio.run(scenario())
    holder.close()

    assert done_while_held == set()  # the loop ran on while the write waited for the file
    assert stored == storage.Ingested(1, False, None)
    with contextlib.closing(schema.connect(db)) as witness:
        assert [o["invoice_number"] for o in storage.orphans(witness)] == ["A"]


def test_a_read_apart_runs_on_its_own_threads_and_a_database_error_is_storage_failed(
    relay_database: Path | str,
) -> None:
    db = relay_database

    def orphans_and_thread(conn: Connection) -> tuple[list[str], str]:
        return [o["invoice_number"] for o in storage.orphans(conn)], threading.current_thread().name

    def broken(conn: Connection) -> None:
        conn.execute("SELECT * FROM no_such_table")

    async def scenario() -> tuple[list[str], str, object]:
        relay_storage = RelayStorage(db)
        await relay_storage.start()
        await relay_storage.write(storage.Ingest(event("A")))
        orphans, thread = await relay_storage.read_apart(orphans_and_thread)
        failed = await asyncio.gather(relay_storage.read_apart(broken), return_exceptions=True)
        await relay_storage.stop()
        relay_storage.close()
        return orphans, thread, failed[0]

    orphans, thread, failed = asyncio.run(scenario())

    assert orphans == ["A"]
    assert thread.startswith("relay-read-apart")  # its own, not the loop's or uploads' pool
    assert isinstance(failed, writer.StorageFailed)


def test_a_redelivery_is_stored_once(conn: Connection) -> None:
    terminal, _ = auth.create_terminal(conn, "till")
    register(conn, terminal, "INV-1")

    first = storage.insert_event(conn, event("INV-1", key="k1"))
    again = storage.insert_event(conn, event("INV-1", key="k1"))

    assert (first.duplicate, again.duplicate) == (False, True)
    assert again.event_id == first.event_id and again.terminal_id == terminal.id
    assert len(storage.events_after(conn, terminal.id, 0, 100)) == 1


def test_orphans_are_adopted_in_order_with_cursors_above_what_the_terminal_has_seen(
    conn: Connection,
) -> None:
    terminal, _ = auth.create_terminal(conn, "till")
    register(conn, terminal, "SEEN")
    storage.insert_event(conn, event("LATE", PaymentStatus.PENDING))
    storage.insert_event(conn, event("LATE", PaymentStatus.PAID))
    storage.insert_event(conn, event("SEEN"))
    seen = storage.events_after(conn, terminal.id, 0, 100)
    assert [e["invoice_number"] for e in seen] == ["SEEN"]
    assert [o["invoice_number"] for o in storage.orphans(conn)] == ["LATE", "LATE"]

    adopted = register(conn, terminal, "LATE").adopted

    later = storage.events_after(conn, terminal.id, seen[-1]["cursor"], 100)
    assert adopted == 2
    assert [(e["invoice_number"], e["status"]) for e in later] == [
        ("LATE", "pending"),
        ("LATE", "paid"),
    ]
    assert storage.orphans(conn) == []


def test_an_invoice_belongs_to_one_terminal(conn: Connection) -> None:
    first, _ = auth.create_terminal(conn, "a")
    second, _ = auth.create_terminal(conn, "b")
    register(conn, first, "INV-1")

    assert register(conn, first, "INV-1").adopted == 0  # the same registration again
    with pytest.raises(storage.PaymentConflict, match="another terminal"):
        register(conn, second, "INV-1")  # registered before the terminal-id rule, say


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], "pending"),
        (["pending", "paid"], "paid"),
        (["paid", "pending"], "paid"),
        (["declined", "paid"], "paid"),
        (["paid", "declined"], "paid"),
        (["paid", "refunded"], "refunded"),
        (["pending", "expired"], "expired"),
    ],
)
def test_a_payments_status_never_moves_back(statuses: list[str], expected: str) -> None:
    assert storage.fold_status(statuses) == expected


def test_a_database_from_a_newer_relay_is_refused_naming_it_without_a_password(
    relay_database: Path | str,
) -> None:
    with contextlib.closing(schema.connect(relay_database)) as conn:
        conn.set_schema_version(schema.SCHEMA_VERSION + 1)
    with pytest.raises(schema.SchemaTooNew) as refused:
        schema.connect(relay_database)
    with pytest.raises(schema.SchemaTooNew):
        RelayStorage(relay_database)  # a relay process starting on it, or opening it again
    assert str(refused.value).startswith(
        f"the database {describe(relay_database)} was written by a newer relay "
        f"(schema {schema.SCHEMA_VERSION + 1}; "
    )


def test_a_database_gets_an_epoch_when_made_and_keeps_it(tmp_path: Path) -> None:
    db = tmp_path / "relay.db"
    epoch = schema.read_epoch(schema.connect(db))

    assert len(epoch) == 32
    assert schema.read_epoch(schema.connect(db)) == epoch
    assert schema.read_epoch(schema.connect(tmp_path / "other.db")) != epoch


def test_a_database_from_before_epochs_gets_one(tmp_path: Path) -> None:
    db = tmp_path / "relay.db"
    conn = sqlite3.connect(db)
    conn.executescript(SCHEMA_2)  # schema 1 had the same tables, without an epoch
    conn.execute("PRAGMA user_version = 1")
    conn.close()

    upgraded = schema.connect(db)

    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert len(schema.read_epoch(upgraded)) == 32


def test_a_backup_copied_back_by_hand_still_hands_out_cursors_above_those_handed_out(
    tmp_path: Path,
) -> None:
    db, copy = tmp_path / "relay.db", tmp_path / "copy.db"
    conn = schema.connect(db)
    terminal, _ = auth.create_terminal(conn, "till")
    for invoice in ("A", "B", "C"):
        register(conn, terminal, invoice)
    storage.insert_event(conn, event("A"))
    storage.insert_event(conn, event("ORPHAN"))
    with contextlib.closing(sqlite3.connect(copy)) as target:
        conn.backup(target)
    storage.insert_event(conn, event("B"))
    seen = storage.events_after(conn, terminal.id, 0, 100)[-1]["cursor"]
    conn.close()
    copy.replace(db)  # its epoch is the old one: only the cursors can tell

    conn = schema.connect(db)
    register(conn, terminal, "ORPHAN")  # adopted now
    storage.insert_event(conn, event("C"))

    after = storage.events_after(conn, terminal.id, seen, 100)
    assert [e["invoice_number"] for e in after] == ["ORPHAN", "C"]


def test_a_terminal_registers_only_with_its_own_till_id_and_one_without_learns_it(
    conn: Connection,
) -> None:
    bound, _ = auth.create_terminal(conn, "T1")
    legacy, _ = auth.create_terminal(conn, "Toko Sari till 2")  # added before till ids
    other, _ = auth.create_terminal(conn, "terminal-0a1b2c3d")  # demo mode's made-up name
    assert (bound.till_id, legacy.till_id, other.till_id) == ("T1", None, None)

    with pytest.raises(storage.NotYours):
        register(conn, bound, "KSR-T2-20240501-000001", till_id="T2")
    with pytest.raises(storage.NotYours):
        register(conn, legacy, "KSR-T1-20240501-000001", till_id="T1")  # T1 is taken
    learned = register(conn, legacy, "KSR-T2-20240501-000001", till_id="T2")
    again = register(conn, legacy, "KSR-T2-20240501-000002", till_id="T2")
    with pytest.raises(storage.NotYours):
        register(conn, legacy, "KSR-T3-20240501-000001", till_id="T3")  # it has T2 now
    with pytest.raises(storage.NotYours):
        register(conn, other, "KSR-T2-20240501-000003", till_id="T2")

    assert (learned.learned_till_id, again.learned_till_id) == (True, False)
    assert storage.terminal_by_name(conn, "Toko Sari till 2").till_id == "T2"
    assert storage.terminal_by_name(conn, "terminal-0a1b2c3d").till_id is None


def test_a_revoked_terminal_keeps_its_till_id_and_a_new_token_brings_it_back(
    conn: Connection,
) -> None:
    """The payments a revoked terminal registered are delivered to it: a terminal given its
    id would never see them (nor register them again), so no other may take it; rotate-token
    brings the revoked one back, with everything it had."""
    old, _ = auth.create_terminal(conn, "Toko Sari till 1")
    storage.set_till_id(conn, old.name, "T1")
    register(conn, old, "KSR-T1-20240501-000001")
    storage.revoke_terminal(conn, old.name)

    with pytest.raises(storage.TillIdTaken, match="rotate-token Toko Sari till 1"):
        auth.create_terminal(conn, "T1")
    new, _ = auth.create_terminal(conn, "T1-NEW")
    with pytest.raises(storage.TillIdTaken, match="has or had the terminal id 'T1'"):
        storage.set_till_id(conn, new.name, "T1")
    back = storage.replace_token(conn, old.name, "another hash")
    assert back is not None and back.till_id == "T1"
    stored = storage.insert_event(conn, event("KSR-T1-20240501-000001"))
    assert stored.terminal_id == old.id


def test_a_terminal_given_a_revoked_ones_id_by_an_older_relay_keeps_its_own_id(
    conn: Connection,
) -> None:
    """Before revoked terminals kept their ids, an operator could give one to a new terminal:
    that one still rotates its token and confirms its id."""
    old, _ = auth.create_terminal(conn, "Toko Sari till 1")
    storage.set_till_id(conn, old.name, "T1")
    storage.revoke_terminal(conn, old.name)
    conn.execute(
        "INSERT INTO terminals (name, token_hash, created_at, till_id, shop)"
        " VALUES ('T1', 'h-new', '2026-01-01T00:00:00Z', 'T1', 'default')"
    )

    assert storage.replace_token(conn, "T1", "h-newer") is not None
    assert storage.set_till_id(conn, "T1", "T1")  # its own: refused no more
    with pytest.raises(storage.TillIdTaken, match="'T1' has or had"):  # not a unique-index error
        storage.replace_token(conn, old.name, "h-back")


def test_a_till_id_that_differs_from_another_only_in_case_is_refused(conn: Connection) -> None:
    """A spreadsheet's lookup in the shop's files and the till's lookup by receipt number take
    T1 and t1 for one till: a second terminal may have neither, and is told why; a terminal
    may still write its own id in another case."""
    auth.create_terminal(conn, "T1")
    with pytest.raises(storage.TillIdTaken, match="'T1', which 't1' differs from only in case"):
        auth.create_terminal(conn, "t1")
    named, _ = auth.create_terminal(conn, "Toko Sari till 2")
    with pytest.raises(storage.TillIdTaken, match="differs from only in case"):
        storage.set_till_id(conn, named.name, "t1")
    with pytest.raises(storage.NotYours):  # learned from its first invoice: nothing given away
        register(conn, named, "KSR-t1-20240501-000001", till_id="t1")

    assert storage.set_till_id(conn, "T1", "t1")
    with pytest.raises(storage.TillIdTaken, match="has or had the terminal id 'T1' already"):
        storage.set_till_id(conn, named.name, "T1")  # its former id, as before


def test_events_kept_apart_are_stored_but_never_delivered_or_adopted(
    conn: Connection,
) -> None:
    terminal, _ = auth.create_terminal(conn, "T1")
    register(conn, terminal, "KSR-T1-20240501-000001")
    apart = "for ecommpay project 999, not this relay's 238"
    stored = storage.insert_event(conn, event("KSR-T1-20240501-000001", kept_apart=apart))
    storage.insert_event(conn, event("KSR-T1-20240501-000002", kept_apart=apart))

    adopted = register(conn, terminal, "KSR-T1-20240501-000002").adopted

    assert stored.terminal_id is None and adopted == 0
    assert storage.events_after(conn, terminal.id, 0, 100) == []
    listed = storage.orphans(conn)
    assert [(o["invoice_number"], o["kept_apart"]) for o in listed] == [
        ("KSR-T1-20240501-000001", apart),
        ("KSR-T1-20240501-000002", apart),
    ]
    assert listed[0]["registered_amount"] == 1_000
    assert storage.counts(conn)["kept_apart"] == 2


def test_what_arrives_for_a_revoked_terminal_is_listed_until_it_is_brought_back(
    conn: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A revoked terminal's payments stay delivered to it (rotate-token brings it back with
    them), but what arrives after the revocation reaches no till meanwhile: it is listed and
    counted with the orphans, naming the terminal; what arrived before is not."""
    moments = iter(datetime(2024, 5, 1, 8, 0, second, tzinfo=UTC) for second in range(60))
    monkeypatch.setattr(storage, "utc_now", lambda: next(moments))
    terminal, _ = auth.create_terminal(conn, "T1")
    for invoice in ("KSR-T1-20240501-000001", "KSR-T1-20240501-000002"):
        register(conn, terminal, invoice)
    storage.insert_event(conn, event("KSR-T1-20240501-000001"))
    assert storage.revoke_terminal(conn, "T1")
    late = storage.insert_event(conn, event("KSR-T1-20240501-000002"))
    storage.insert_event(conn, event("KSR-T9-20240501-000009"))

    listed = storage.orphans(conn)
    figures = storage.counts(conn)
    assert late.terminal_id == terminal.id
    assert [(o["invoice_number"], o["revoked_terminal"]) for o in listed] == [
        ("KSR-T1-20240501-000002", "T1"),
        ("KSR-T9-20240501-000009", None),
    ]
    assert listed[0]["registered_amount"] == 1_000
    assert (figures["orphans"], figures["for_revoked"]) == (2, 1)
    assert storage.replace_token(conn, "T1", "h-new") is not None
    assert [o["invoice_number"] for o in storage.orphans(conn)] == ["KSR-T9-20240501-000009"]
    assert (storage.counts(conn)["orphans"], storage.counts(conn)["for_revoked"]) == (1, 0)


def test_the_payment_view_shows_the_registered_and_the_paid_amounts_side_by_side(
    conn: Connection,
) -> None:
    terminal, _ = auth.create_terminal(conn, "T1")
    for invoice in ("KSR-T1-20240501-000001", "KSR-T1-20240501-000002", "KSR-T1-20240501-03"):
        register(conn, terminal, invoice)
    storage.insert_event(conn, event("KSR-T1-20240501-000001", PaymentStatus.PENDING))
    storage.insert_event(conn, event("KSR-T1-20240501-000001"))
    storage.insert_event(conn, event("KSR-T1-20240501-000002", amount=1))
    storage.insert_event(conn, event("KSR-T1-20240501-03", amount=100_000, currency="IDR/minor"))

    right, short, sen = (
        storage.payment_view(conn, terminal.id, invoice)
        for invoice in ("KSR-T1-20240501-000001", "KSR-T1-20240501-000002", "KSR-T1-20240501-03")
    )

    assert right is not None and short is not None and sen is not None
    assert (right["amount"], right["paid_amount"], right["paid_currency"]) == (1_000, 1_000, "IDR")
    assert right["amount_differs"] is False
    assert [(e["amount"], e["currency"]) for e in right["events"]] == [(1_000, "IDR")] * 2
    assert (short["amount"], short["paid_amount"], short["amount_differs"]) == (1_000, 1, True)
    assert (sen["paid_amount"], sen["paid_currency"], sen["amount_differs"]) == (
        100_000,
        "IDR/minor",
        True,
    )
    assert storage.counts(conn)["amount_differs"] == 2


def test_a_database_of_schema_2_is_upgraded_and_keeps_its_terminals_and_events(
    tmp_path: Path,
) -> None:
    db = tmp_path / "relay.db"
    old = sqlite3.connect(db, isolation_level=None)
    old.executescript(SCHEMA_2)
    old.execute("INSERT INTO meta VALUES ('epoch', 'e2')")
    old.execute("INSERT INTO terminals VALUES (1, 'kasir-1', 'hash', '2024-05-01T00:00:00Z', NULL)")
    old.execute(
        "INSERT INTO events (id, dedupe_key, family, provider, invoice_number, status, amount,"
        " received_at, payload) VALUES (1, 'k', 'doku', 'doku', 'KSR-T1-20240501-000001',"
        " 'paid', 5000, '2024-05-01T00:00:00Z', '{}')"
    )
    old.execute("PRAGMA user_version = 2")
    old.close()

    conn = schema.connect(db)

    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert schema.read_epoch(conn) == "e2"
    assert storage.list_terminals(conn)[0].till_id is None  # learned later, or set
    assert [(o["currency"], o["kept_apart"]) for o in storage.orphans(conn)] == [("IDR", None)]
    assert schema.connect(db).execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_a_sqlite_relay_never_loads_the_postgresql_driver(tmp_path: Path) -> None:
    """The demo's relay and the terminal's tests run on SQLite: psycopg's second of import
    time is paid only by a relay that names a PostgreSQL database."""
    script = (
        "import sys\n"
        "from pos_app.demo.embedded_relay import EmbeddedRelay\n"
        "from pos_app.relay import schema\n"
        f"schema.connect({str(tmp_path / 'relay.db')!r}).close()\n"
        "assert 'psycopg' not in sys.modules, 'psycopg was imported'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_copy_to_postgresql_carries_every_table_a_relay_database_has(tmp_path: Path) -> None:
    """A table the copy leaves out (the day uploads refused, say) is lost in the move."""
    conn = schema.connect(tmp_path / "relay.db")
    try:
        tables = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
    finally:
        conn.close()
    assert set(to_postgres.TABLES) == tables
