"""The relay's storage: group commit, durability before the answer, dedupe, orphans, cursors."""

import asyncio
import contextlib
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.relay import auth, storage
from pos_app.relay.storage import NewEvent, RelayStorage, StorageClosed


def event(invoice: str, status: PaymentStatus = PaymentStatus.PAID, key: str = "") -> NewEvent:
    return NewEvent(
        dedupe_key=key or f"doku:{invoice}:{status}",
        provider=ProviderName.DOKU,
        invoice_number=invoice,
        status=status,
        amount=1_000,
        payload='{"x": 1}',
    )


def register(conn: sqlite3.Connection, terminal_id: int, invoice: str) -> storage.Registration:
    return storage.register_payment(
        conn,
        terminal_id=terminal_id,
        invoice_number=invoice,
        provider=ProviderName.DOKU,
        amount=1_000,
        redirect_token=None,
        redirect_ttl=timedelta(minutes=5),
    )


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return storage.connect(tmp_path / "relay.db")


def test_the_database_is_in_wal_mode_with_fsync_on_every_commit(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_concurrent_writes_share_commits_and_each_is_committed_before_its_caller_resumes(
    tmp_path: Path,
) -> None:
    db = tmp_path / "relay.db"
    witness = storage.connect(db)

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


def test_a_failing_write_fails_alone_and_stop_drains_what_is_queued(tmp_path: Path) -> None:
    db = tmp_path / "relay.db"

    def broken(conn: sqlite3.Connection) -> None:
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
    invoices = [row[0] for row in storage.connect(db).execute("SELECT invoice_number FROM events")]
    assert invoices == ["A", "B"]


def test_a_redelivery_is_stored_once(conn: sqlite3.Connection) -> None:
    terminal, _ = auth.create_terminal(conn, "till")
    register(conn, terminal.id, "INV-1")

    first = storage.insert_event(conn, event("INV-1", key="k1"))
    again = storage.insert_event(conn, event("INV-1", key="k1"))

    assert (first.duplicate, again.duplicate) == (False, True)
    assert again.event_id == first.event_id and again.terminal_id == terminal.id
    assert len(storage.events_after(conn, terminal.id, 0, 100)) == 1


def test_orphans_are_adopted_in_order_with_cursors_above_what_the_terminal_has_seen(
    conn: sqlite3.Connection,
) -> None:
    terminal, _ = auth.create_terminal(conn, "till")
    register(conn, terminal.id, "SEEN")
    storage.insert_event(conn, event("LATE", PaymentStatus.PENDING))
    storage.insert_event(conn, event("LATE", PaymentStatus.PAID))
    storage.insert_event(conn, event("SEEN"))
    seen = storage.events_after(conn, terminal.id, 0, 100)
    assert [e["invoice_number"] for e in seen] == ["SEEN"]
    assert [o["invoice_number"] for o in storage.orphans(conn)] == ["LATE", "LATE"]

    adopted = register(conn, terminal.id, "LATE").adopted

    later = storage.events_after(conn, terminal.id, seen[-1]["cursor"], 100)
    assert adopted == 2
    assert [(e["invoice_number"], e["status"]) for e in later] == [
        ("LATE", "pending"),
        ("LATE", "paid"),
    ]
    assert storage.orphans(conn) == []


def test_an_invoice_belongs_to_one_terminal(conn: sqlite3.Connection) -> None:
    first, _ = auth.create_terminal(conn, "a")
    second, _ = auth.create_terminal(conn, "b")
    register(conn, first.id, "INV-1")

    assert register(conn, first.id, "INV-1").adopted == 0  # the same registration again
    with pytest.raises(storage.PaymentConflict, match="another terminal"):
        register(conn, second.id, "INV-1")


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


def test_a_database_from_a_newer_relay_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "relay.db"
    storage.connect(db).execute(f"PRAGMA user_version = {storage.SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer relay"):
        storage.connect(db)


def test_a_database_gets_an_epoch_when_made_and_keeps_it(tmp_path: Path) -> None:
    db = tmp_path / "relay.db"
    epoch = storage.read_epoch(storage.connect(db))

    assert len(epoch) == 32
    assert storage.read_epoch(storage.connect(db)) == epoch
    assert storage.read_epoch(storage.connect(tmp_path / "other.db")) != epoch


def test_a_database_from_before_epochs_gets_one(tmp_path: Path) -> None:
    db = tmp_path / "relay.db"
    conn = storage.connect(db)
    conn.execute("DELETE FROM meta")
    conn.execute("PRAGMA user_version = 1")
    conn.close()

    upgraded = storage.connect(db)

    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == storage.SCHEMA_VERSION
    assert len(storage.read_epoch(upgraded)) == 32


def test_a_backup_copied_back_by_hand_still_hands_out_cursors_above_those_handed_out(
    tmp_path: Path,
) -> None:
    db, copy = tmp_path / "relay.db", tmp_path / "copy.db"
    conn = storage.connect(db)
    terminal, _ = auth.create_terminal(conn, "till")
    for invoice in ("A", "B", "C"):
        register(conn, terminal.id, invoice)
    storage.insert_event(conn, event("A"))
    storage.insert_event(conn, event("ORPHAN"))
    with contextlib.closing(sqlite3.connect(copy)) as target:
        conn.backup(target)
    storage.insert_event(conn, event("B"))
    seen = storage.events_after(conn, terminal.id, 0, 100)[-1]["cursor"]
    conn.close()
    copy.replace(db)  # its epoch is the old one: only the cursors can tell

    conn = storage.connect(db)
    register(conn, terminal.id, "ORPHAN")  # adopted now
    storage.insert_event(conn, event("C"))

    after = storage.events_after(conn, terminal.id, seen, 100)
    assert [e["invoice_number"] for e in after] == ["ORPHAN", "C"]
