"""Blocking work off the GUI thread, results back on it (after Anki's ``taskman``).

The GUI thread never waits on the network or the disk: a :class:`TaskRunner` runs a callable on a
worker thread and calls ``on_success(result)`` or ``on_failure(exc)`` on the main thread; a
:class:`SerialRunner` does the same one task at a time, in order, on one thread that lives as long
as it does.
"""

import itertools
import logging
import queue
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from pos_app.domain.errors import KasirError

log = logging.getLogger(__name__)

T = TypeVar("T")
FailureCallback = Callable[[Exception], object]


@dataclass(slots=True)
class _Pending:
    work: Callable[[], Any]
    on_success: Callable[[Any], object] | None
    on_failure: FailureCallback | None


class _Job(QRunnable):
    """Holds its runner weakly: a worker thread holding the last reference would destroy the
    runner there, off the thread it belongs to, while that thread may be delivering its events."""

    def __init__(self, runner: "TaskRunner", job_id: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = weakref.ref(runner)
        self._job_id = job_id
        self._work = work

    def run(self) -> None:
        try:
            ok, payload = True, self._work()
        except Exception as exc:
            ok, payload = False, exc
        runner = self._runner()
        if runner is not None:  # a runner dropped under its task has nobody to tell
            runner._finished.emit(self._job_id, ok, payload)


class TaskRunner(QObject):
    """Runs callables on its own thread pool; callbacks always run on the runner's (GUI) thread.

    ``max_threads=1`` serialises the work, the way Anki keeps one worker for its database.
    """

    _finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._pending: dict[int, _Pending] = {}
        self._ids = itertools.count(1)
        self._closed = False
        self._running = 0
        self._let_go = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Tasks started whose callback has not run yet."""
        return len(self._pending)

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], object] | None = None,
        on_failure: FailureCallback | None = None,
    ) -> int:
        """Start ``work`` on a worker thread; returns an id that names the task in logs.

        ``on_success`` gets what ``work`` returned; whatever a callback returns is ignored."""
        if self._closed:
            raise RuntimeError("the task runner is closed")
        job_id = next(self._ids)
        self._pending[job_id] = _Pending(work, on_success, on_failure)
        self._running += 1
        self._start(_Job(self, job_id, work))
        return job_id

    def _start(self, job: _Job) -> None:
        self._pool.start(job)

    def wait_for_done(self, timeout_ms: int = -1) -> bool:
        """Wait for running tasks (at shutdown); their callbacks run when events are processed."""
        return self._pool.waitForDone(timeout_ms)

    def close(self, timeout_ms: int = -1) -> bool:
        """At shutdown: refuse new work, wait for running tasks, and drop every callback not yet
        run, so nothing touches windows or services already closed. False if a task outlasted
        the wait."""
        self._closed = True
        done = self._pool.waitForDone(timeout_ms)
        self._pending.clear()
        return done

    def let_go(self) -> None:
        """For a window closing while its task runs: refuse new work, drop every callback not yet
        run, and delete this runner once its running tasks end, without waiting for them. The
        runner leaves its parent for the application's, so the window's deletion, which would
        wait for the pool, does not wait on the network."""
        if self._let_go:
            return
        self._closed = True
        self._pending.clear()
        self._let_go = True
        self.setParent(QCoreApplication.instance())
        if self._running == 0:
            self.deleteLater()

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, payload: object) -> None:
        self._running -= 1
        if self._let_go and self._running == 0:
            self.deleteLater()
        pending = self._pending.pop(job_id, None)
        if pending is None:
            return
        if ok:
            if pending.on_success is not None:
                pending.on_success(payload)
            return
        assert isinstance(payload, Exception)  # what _Job sends when the work raised
        if pending.on_failure is not None:
            if isinstance(payload, KasirError):  # a refusal the callback puts in words
                log.info("background task %d refused: %s", job_id, payload)
            else:  # the callback tells the user; the log keeps where it came from
                log.warning("background task %d failed", job_id, exc_info=payload)
            pending.on_failure(payload)
        else:
            log.error("background task %d failed", job_id, exc_info=payload)


class SerialRunner(TaskRunner):
    """Runs tasks one at a time, in the order given, on one long-lived Python thread.

    A pool thread drops its Python thread state after every task, and with it what the task kept
    per thread: the store opens a new SQLite connection, with a cold page cache, for each task.
    This runner's thread keeps its connection (and its cache) warm, which a search per keystroke
    needs, and answers in the order asked, which scans need. The thread ends when the runner is
    closed or destroyed.
    """

    def __init__(self, parent: QObject | None = None, *, name: str = "serial-runner") -> None:
        super().__init__(parent, max_threads=1)
        self._backlog = _Backlog()
        self.destroyed.connect(self._backlog.stop)
        threading.Thread(target=self._backlog.serve, name=name, daemon=True).start()

    def _start(self, job: _Job) -> None:
        self._backlog.put(job)

    def wait_for_done(self, timeout_ms: int = -1) -> bool:
        return self._backlog.wait_for_done(None if timeout_ms < 0 else timeout_ms / 1000)

    def close(self, timeout_ms: int = -1) -> bool:
        self._closed = True
        done = self.wait_for_done(timeout_ms)
        self._backlog.stop()
        self._pending.clear()
        return done


class _Backlog:
    """A serial runner's queue and its thread's loop. The thread holds this, never the runner
    (see :class:`_Job`), and lets go of each task before it waits for the next."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._unfinished = 0
        self._idle = threading.Condition()

    def put(self, job: _Job) -> None:
        with self._idle:
            self._unfinished += 1
        self._queue.put(job)

    def stop(self) -> None:
        self._queue.put(None)

    def serve(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                job.run()
            except RuntimeError:  # the runner was deleted under its last task: nobody waits
                return
            finally:
                job = None
            with self._idle:
                self._unfinished -= 1
                self._idle.notify_all()

    def wait_for_done(self, timeout: float | None) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._unfinished == 0, timeout)


def run_for(
    owner: QObject,
    tasks: TaskRunner,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> None:
    """``work`` on a worker; its answer (or error) back on the GUI thread, unless ``owner`` (a
    tab, a dialog) has been closed and deleted by then."""
    tasks.run(
        work,
        lambda result: on_done(result) if shiboken6.isValid(owner) else None,
        lambda error: on_error(error) if shiboken6.isValid(owner) else None,
    )
