"""The relay's one way into its database: :class:`RelayStorage`, a reader connection and a
group-committing writer for one event loop.

Durability: SQLite in WAL with ``synchronous=FULL``, PostgreSQL with synchronous commit (on
for its sessions even where the database turns it off), so a commit is on disk when it
returns. Throughput: every write goes through one writer that takes whatever requests are
queued, runs them in one transaction and commits once (group commit), and only then resolves
their futures, so a request answers 2xx only after its notification is on disk. What the
writes are is :mod:`pos_app.relay.storage`.
"""

import asyncio
import contextlib
import itertools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from pos_app.relay.engines import (
    ERRORS,
    Connection,
    PostgresConnection,
    SqliteConnection,
    open_connection,
)
from pos_app.relay.schema import SchemaTooNew, connect, read_epoch
from pos_app.relay.storage import Ingest, commit_events, insert_events

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_BATCH = 1024
READS_APART = 2
"""Large reads (:meth:`RelayStorage.read_apart`, a shop's day of files, megabytes each) at once:
more would only share the same cores and hold more in memory."""
READ_WAIT = 10.0
"""Seconds a request waits for its read on PostgreSQL before it is answered 503: the reads the
relay makes take milliseconds, so one that takes this long waits on a lock or a stuck server."""


def _serving(conn: Connection) -> Connection:
    """``conn``, its statements bounded on PostgreSQL (see :meth:`PostgresConnection.serve`)."""
    return conn.serve() if isinstance(conn, PostgresConnection) else conn


def _serving_connection(database: Path | str) -> Connection:
    conn = connect(database)
    try:
        return _serving(conn)
    except BaseException:
        conn.close()
        raise


def _run_together(conn: Connection, writes: list[Callable[[Connection], Any]]) -> list[Any]:
    """Each write's result, in order; consecutive notifications in one :func:`insert_events`."""
    results: list[Any] = []
    for ingests, run in itertools.groupby(writes, key=lambda fn: isinstance(fn, Ingest)):
        if ingests:
            results.extend(insert_events(conn, [fn.event for fn in run]))  # type: ignore[attr-defined]
        else:
            results.extend(fn(conn) for fn in run)
    return results


class StorageClosed(RuntimeError):
    """The writer is not running (not started yet, or stopped): nothing more is accepted."""


class StorageFailed(RuntimeError):
    """The database did not take a commit or answer a read (disk full, read-only, I/O error):
    nothing of the batch was stored. The next write or read opens the database anew, so the
    relay recovers by itself once the cause is fixed."""


class RelayStorage:
    """One database: a reader connection and a group-committing writer, both for one event loop.

    ``await write(fn)`` queues ``fn(conn)``. The writer task takes every write queued so far,
    runs them on the loop's thread inside one transaction (run again, each in a savepoint, if
    one raised, so one failing write does not undo the others), then commits in a helper thread,
    so the fsync neither blocks the loop nor makes the loop and a writer thread fight over the
    GIL for every statement. The transaction begins on the loop too, unless another writer
    holds the file (then in the helper thread, which may wait): each hand-over to the thread
    waits for the busy loop to let go of the GIL. On PostgreSQL, where each statement is a
    round trip to the server, the whole batch runs in the helper thread instead, so the loop
    serves requests while it waits, and a batch of notifications alone is one round trip.
    Writes queued during a commit form the next batch. ``stop()`` drains the queue.

    A database error fails the write (or the batch) with :class:`StorageFailed` and marks the
    connection to be opened again before the next batch: a connection opened while the file was
    read-only stays read-only, so only a new one sees the cause fixed. A batch or read that
    fails because the server ended the session (a PostgreSQL restart, a failover, an idle
    timeout) is run once more on a new connection at once: a provider answered 5xx retries only
    much later (DOKU after 30 minutes).
    """

    def __init__(self, database: Path | str) -> None:
        self.database = database
        self.reader = _serving_connection(database)
        self._conn = _serving_connection(database)
        self._conn_broken = False
        self.epoch = read_epoch(self.reader)
        """Fixed while the relay runs: only ``pos-app relay restore`` draws a new one, stopped."""
        self._pending: list[tuple[Callable[[Connection], Any], asyncio.Future[Any]]] = []
        self._wake: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = False
        self._committer = ThreadPoolExecutor(1, thread_name_prefix="relay-commit")
        self._reads = (
            ThreadPoolExecutor(1, thread_name_prefix="relay-read")
            if isinstance(self.reader, PostgresConnection)
            else None
        )
        """PostgreSQL's reads: off the loop, as a read the server keeps waiting (a lock, a
        stuck server) would stop every request. SQLite's, in WAL, never wait on a writer."""
        self._apart = ThreadPoolExecutor(READS_APART, thread_name_prefix="relay-read-apart")
        self.commits = 0
        """Batches committed so far (each one fsync): how well writes are grouped."""
        self.retried_batches = 0
        """Batches run again write by write, each in its savepoint, because one write raised."""

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done() and not self._stopping

    async def start(self) -> None:
        """Start the writer on the running loop (the one that serves the relay)."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._stopping = False
        self._task = asyncio.create_task(self._run(), name="relay-writer")

    async def stop(self) -> None:
        """Commit everything queued, then stop the writer; later writes raise StorageClosed."""
        if self._task is None or self._wake is None:
            return
        self._stopping = True
        self._wake.set()
        await self._task
        self._task = None

    def close(self) -> None:
        """Close the connections (after :meth:`stop`, or when the writer never started)."""
        self._committer.shutdown(wait=True)
        self._apart.shutdown(wait=True)
        if self._reads is not None:
            self._reads.shutdown(wait=True)
        self.reader.close()
        self._conn.close()

    async def read(self, fn: Callable[[Connection], T]) -> T:
        """``fn(reader)``, on the loop (SQLite) or on the reader's own thread (PostgreSQL), for
        at most :data:`READ_WAIT` there: then :class:`StorageFailed`, as for a database error."""
        if self._reads is None:
            return self.read_here(fn)
        running = asyncio.get_running_loop().run_in_executor(self._reads, self.read_here, fn)
        try:
            return await asyncio.wait_for(running, READ_WAIT)
        except TimeoutError:
            log.error("relay storage: a read took over %g s (a lock? the server?)", READ_WAIT)
            raise StorageFailed("the database did not answer a read in time") from None

    def read_here(self, fn: Callable[[Connection], T]) -> T:
        """``fn(reader)`` on the calling thread; a database error is :class:`StorageFailed`,
        and the reader is opened anew for the next read. A read on a session the server ended
        is made again at once on a new connection (a read changes nothing, so running it twice
        is safe)."""
        try:
            return fn(self.reader)
        except ERRORS.database as exc:
            if not self.reader.lost:
                raise self._read_failed(exc, reopen=True) from None
            log.warning("relay storage: the database ended the reader's session: %s", exc)
        failures: tuple[type[Exception], ...] = (*ERRORS.database, SchemaTooNew)
        try:
            self._reopen_reader()
            return fn(self.reader)
        except failures as exc:  # the next read opens the reader anew
            raise self._read_failed(exc, reopen=False) from None

    def _reopen_reader(self) -> None:
        fresh = _serving_connection(self.database)
        self.reader, stale = fresh, self.reader
        stale.close()

    def _read_failed(self, exc: Exception, *, reopen: bool) -> StorageFailed:
        """What a failed read raises; with ``reopen`` the reader is opened anew for the next
        read (a connection opened while the file was read-only stays so)."""
        log.error("relay storage: a read failed: %s", exc)
        if reopen:
            with contextlib.suppress(*ERRORS.database, OSError, SchemaTooNew):
                self._reopen_reader()
        return StorageFailed(f"the database could not be read: {exc}")

    async def read_apart(self, fn: Callable[[Connection], T]) -> T:
        """``fn(conn)`` on a connection of its own, in a thread: for a read so large (a shop's
        day of files) that on the reader it would hold up every notification meanwhile. At most
        :data:`READS_APART` run at once, on threads of their own (the loop's default pool parses
        uploads); more wait their turn. A database error is :class:`StorageFailed`."""

        def run() -> T:
            try:
                with contextlib.closing(open_connection(self.database)) as conn:
                    return fn(conn)
            except ERRORS.database as exc:
                log.error("relay storage: a read failed: %s", exc)
                raise StorageFailed(f"the database could not be read: {exc}") from None

        return await asyncio.get_running_loop().run_in_executor(self._apart, run)

    async def write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn(conn)`` in the next batch; returns its result once the batch is on disk."""
        if not self.running or self._wake is None or self._loop is None:
            raise StorageClosed("the relay storage is not accepting writes")
        future: asyncio.Future[T] = self._loop.create_future()
        self._pending.append((fn, future))
        self._wake.set()
        return await future

    def write_from_thread(self, fn: Callable[[Connection], T], timeout: float = 30) -> T:
        """:meth:`write` for another thread than the loop's (demo mode, tests)."""
        if self._loop is None:
            raise StorageClosed("the relay storage has not started")
        return asyncio.run_coroutine_threadsafe(self.write(fn), self._loop).result(timeout)

    async def _run(self) -> None:
        assert self._wake is not None and self._loop is not None
        while True:
            if not self._pending:
                if self._stopping:
                    return
                self._wake.clear()
                await self._wake.wait()
                continue
            batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
            await self._commit_batch(batch)

    async def _reopen(self) -> None:
        """Replace the writer's connection after a failure (in the helper thread: it may wait)."""
        assert self._loop is not None
        fresh = await self._loop.run_in_executor(
            self._committer, _serving_connection, self.database
        )
        self._conn, stale = fresh, self._conn
        self._conn_broken = False
        stale.close()

    def _apply(
        self, conn: Connection, batch: list[tuple[Callable[[Connection], Any], Any]]
    ) -> list[tuple[Any, BaseException | None]]:
        """The batch's writes inside the open transaction: first all together, as nearly every
        batch succeeds whole; if one raises, the transaction starts over and each write runs
        in its savepoint, so the one that fails fails alone (a savepoint costs two round trips
        on PostgreSQL, where the writes of every process take turns)."""
        try:
            return [(result, None) for result in _run_together(conn, [fn for fn, _ in batch])]
        except Exception:  # each write's own error is found again below
            self._start_over(conn)
        return self._apply_each(conn, batch)

    def _start_over(self, conn: Connection) -> None:
        """Undo the writes a batch ran together, and begin again for them one by one."""
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.begin()
        self.retried_batches += 1

    def _apply_each(
        self, conn: Connection, batch: list[tuple[Callable[[Connection], Any], Any]]
    ) -> list[tuple[Any, BaseException | None]]:
        """Each write of the batch in its savepoint, inside the open transaction."""
        outcomes: list[tuple[Any, BaseException | None]] = []
        for fn, _ in batch:
            conn.execute("SAVEPOINT op")
            try:
                outcomes.append((fn(conn), None))
            except ERRORS.database as exc:
                conn.execute("ROLLBACK TO op")
                self._conn_broken = True
                log.error("relay storage: a write failed: %s", exc)
                outcomes.append((None, StorageFailed(f"the database refused a write: {exc}")))
            except Exception as exc:
                conn.execute("ROLLBACK TO op")
                outcomes.append((None, exc))
            conn.execute("RELEASE op")
        return outcomes

    def _run_batch(
        self, conn: PostgresConnection, batch: list[tuple[Callable[[Connection], Any], Any]]
    ) -> list[tuple[Any, BaseException | None]]:
        """The whole batch in the writer's thread. A batch of notifications alone (nearly every
        one) begins, stores and commits in one round trip; should one of them fail, nothing of
        it was committed, and it runs again write by write."""
        if all(isinstance(fn, Ingest) for fn, _ in batch):
            events = [fn.event for fn, _ in batch]  # type: ignore[attr-defined]
            try:
                return [(ingested, None) for ingested in commit_events(conn, events)]
            except Exception:  # each write's own error is found again below
                self._start_over(conn)
                outcomes = self._apply_each(conn, batch)
        else:
            conn.begin()
            outcomes = self._apply(conn, batch)
        conn.execute("COMMIT")
        return outcomes

    async def _commit(
        self, batch: list[tuple[Callable[[Connection], Any], asyncio.Future[Any]]]
    ) -> list[tuple[Any, BaseException | None]]:
        """Run and commit the batch on the writer's connection (opened anew first if marked)."""
        assert self._loop is not None
        if self._conn_broken:
            await self._reopen()
        conn = self._conn
        if isinstance(conn, SqliteConnection):
            if not conn.begin_at_once():
                await self._loop.run_in_executor(self._committer, conn.begin)
            outcomes = self._apply(conn, batch)
            await self._loop.run_in_executor(self._committer, conn.execute, "COMMIT")
        else:
            assert isinstance(conn, PostgresConnection)
            outcomes = await self._loop.run_in_executor(
                self._committer, self._run_batch, conn, batch
            )
        self.commits += 1
        return outcomes

    async def _commit_batch(
        self, batch: list[tuple[Callable[[Connection], Any], asyncio.Future[Any]]]
    ) -> None:
        """Commit the batch and answer each write. On a session the server ended the batch runs
        once more on a new connection: nothing of it was committed on the old one (had its
        commit gone through unseen, its notifications are found again by their dedupe keys, and
        every other write answers a repeat as it answered the first)."""
        outcomes: list[tuple[Any, BaseException | None]]
        try:
            outcomes = await self._commit(batch)
        except Exception as exc:  # whatever it was, every write waiting on the batch is answered
            if not self._conn.lost:
                outcomes = self._failed(batch, exc)
            else:
                log.warning("relay storage: the database ended the writer's session: %s", exc)
                self._conn_broken = True
                try:
                    outcomes = await self._commit(batch)
                except Exception as again:
                    outcomes = self._failed(batch, again)
        for (_, future), (result, error) in zip(batch, outcomes, strict=True):
            if future.done():
                continue
            if error is None:
                future.set_result(result)
            else:
                future.set_exception(error)

    def _failed(
        self, batch: list[tuple[Callable[[Connection], Any], asyncio.Future[Any]]], exc: Exception
    ) -> list[tuple[Any, BaseException | None]]:
        """The batch's writes all failed: the connection is marked to be opened anew."""
        log.error("relay storage: a batch of %d writes failed: %s", len(batch), exc)
        self._conn_broken = True
        with contextlib.suppress(*ERRORS.database):
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        failure = StorageFailed(f"the database did not take the write: {exc}")
        return [(None, failure)] * len(batch)
