import logging
import threading

import pytest
from PySide6.QtCore import QCoreApplication

from pos_app.gui.tasks import SerialRunner, TaskRunner


@pytest.fixture
def runner(qtbot):
    made = TaskRunner()
    yield made
    assert made.wait_for_done(5000)


def test_success_callback_runs_on_the_gui_thread_with_the_result(qtbot, runner):
    gui_thread = threading.get_ident()
    worked_on: list[int] = []
    results: list[tuple[int, bool]] = []

    def work() -> int:
        worked_on.append(threading.get_ident())
        return 42

    runner.run(work, lambda value: results.append((value, threading.get_ident() == gui_thread)))
    assert runner.pending == 1
    qtbot.waitUntil(lambda: results == [(42, True)])
    assert worked_on and worked_on[0] != gui_thread
    assert runner.pending == 0


def test_failure_callback_gets_the_exception_on_the_gui_thread(qtbot, runner):
    gui_thread = threading.get_ident()
    failures: list[tuple[Exception, bool]] = []

    def work() -> None:
        raise ConnectionError("relay down")

    runner.run(
        work,
        on_success=lambda _: pytest.fail("work failed, success must not be called"),
        on_failure=lambda exc: failures.append((exc, threading.get_ident() == gui_thread)),
    )
    qtbot.waitUntil(lambda: len(failures) == 1)
    exc, on_gui_thread = failures[0]
    assert isinstance(exc, ConnectionError) and str(exc) == "relay down"
    assert on_gui_thread


def test_a_failure_nobody_handles_is_logged(qtbot, runner, caplog):
    def work() -> None:
        raise ValueError("bad")

    with caplog.at_level(logging.ERROR, logger="pos_app.gui.tasks"):
        runner.run(work)
        qtbot.waitUntil(lambda: runner.pending == 0)
    assert any(record.exc_info and record.exc_info[1].args == ("bad",) for record in caplog.records)


def test_one_thread_runs_tasks_in_order(qtbot):
    runner = TaskRunner(max_threads=1)
    done: list[int] = []
    for number in range(5):
        runner.run(lambda number=number: number, done.append)
    qtbot.waitUntil(lambda: len(done) == 5)
    assert done == [0, 1, 2, 3, 4]


def test_a_closed_runner_drops_callbacks_and_refuses_work(qtbot):
    runner = TaskRunner()
    ran: list[int] = []
    delivered: list[object] = []
    runner.run(lambda: ran.append(1), delivered.append, delivered.append)
    assert runner.close(5000)
    assert ran == [1], "close waits for the running task"
    QCoreApplication.processEvents()
    assert delivered == [], "no callback after close: the windows it would touch are gone"
    assert runner.pending == 0
    with pytest.raises(RuntimeError, match="closed"):
        runner.run(lambda: None)


def test_a_serial_runner_keeps_one_thread_and_what_it_keeps_per_thread(qtbot):
    """The store's connection is per thread: it must outlive one task, or every keystroke's
    search opens the database anew with a cold cache."""
    runner = SerialRunner()
    kept = threading.local()
    seen: list[tuple[int, int]] = []

    def work(number: int) -> tuple[int, int]:
        kept.tasks = getattr(kept, "tasks", 0) + 1
        return number, kept.tasks

    for number in range(5):
        runner.run(lambda number=number: work(number), seen.append)
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]
    assert runner.close(5000)
    with pytest.raises(RuntimeError, match="closed"):
        runner.run(lambda: None)


def test_a_closed_serial_runner_waits_for_its_task_and_drops_the_callback(qtbot):
    runner = SerialRunner()
    started, release = threading.Event(), threading.Event()
    delivered: list[object] = []

    def work() -> str:
        started.set()
        assert release.wait(5)
        return "done"

    runner.run(work, delivered.append)
    assert started.wait(5)
    assert not runner.wait_for_done(10), "the task is still running"
    release.set()
    assert runner.close(5000)
    QCoreApplication.processEvents()
    assert delivered == []
