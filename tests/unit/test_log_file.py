"""The terminal's log file: where it goes, at what level, and never a secret of the settings."""

import logging
import logging.handlers
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.settings import log_file
from pos_app.settings.terminal_config import (
    DokuSettings,
    EcommpaySettings,
    RelaySettings,
    Secret,
    Settings,
)

DOKU_SECRET = "SK-doku-9f8e7d6c"
ECOMMPAY_SECRET = "ecp-secret-1a2b3c"
RELAY_TOKEN = "relay-token-4d5e6f"
SETTINGS = Settings(
    doku=DokuSettings(secret_key=Secret(DOKU_SECRET)),
    ecommpay=EcommpaySettings(secret_key=Secret(ECOMMPAY_SECRET)),
    relay=RelaySettings(url="https://relay.example.com", token=Secret(RELAY_TOKEN)),
)
SECRETS = (DOKU_SECRET, ECOMMPAY_SECRET, RELAY_TOKEN)


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    """Logging started the way the terminal starts it, into ``tmp_path``; stopped after."""
    path = log_file.start_logging(
        demo=False, settings=SETTINGS, env={log_file.LOG_DIR_ENV: str(tmp_path)}
    )
    yield path
    log_file.stop_logging()


def written(path: Path) -> str:
    log_file.stop_logging()  # closes the file: everything is on disk
    return path.read_text(encoding="utf-8")


def test_the_file_is_in_the_folder_given_and_named_for_the_mode(tmp_path: Path) -> None:
    env = {log_file.LOG_DIR_ENV: str(tmp_path / "logs")}
    try:
        assert log_file.start_logging(demo=False, env=env) == tmp_path / "logs" / "kasir.log"
        assert log_file.current_log() == tmp_path / "logs" / "kasir.log"
        assert log_file.start_logging(demo=True, env=env) == tmp_path / "logs" / "kasir-demo.log"
    finally:
        log_file.stop_logging()
    assert log_file.current_log() is None


def test_without_a_folder_given_the_platform_log_folder_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(log_file.paths, "log_folder", lambda: tmp_path / "p")
    assert log_file.log_dir({}) == tmp_path / "p"


def test_info_by_default_and_the_level_can_be_chosen(tmp_path: Path) -> None:
    env = {log_file.LOG_DIR_ENV: str(tmp_path)}
    path = log_file.start_logging(demo=False, env=env)
    logging.getLogger("kasir.test").debug("not kept")
    logging.getLogger("kasir.test").info("kept at info")
    logging.getLogger("httpx").info("HTTP Request: GET /v1/events")
    text = written(path)
    assert "kept at info" in text
    assert "not kept" not in text and "HTTP Request" not in text

    path = log_file.start_logging(demo=False, env={**env, log_file.LOG_LEVEL_ENV: "debug"})
    logging.getLogger("kasir.test").debug("kept at debug")
    assert "kept at debug" in written(path)


def test_the_file_rotates_at_its_size(logs: Path) -> None:
    [handler] = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    assert (handler.maxBytes, handler.backupCount) == (log_file.MAX_BYTES, log_file.BACKUPS)
    line = "x" * 1000
    for _ in range(log_file.MAX_BYTES // 1000 + 10):
        logging.getLogger("kasir.test").info(line)
    log_file.stop_logging()
    assert [path.name for path in log_file.log_files(logs.parent)] == ["kasir.log", "kasir.log.1"]
    assert logs.stat().st_size < log_file.MAX_BYTES


def test_a_secret_in_a_message_its_arguments_or_a_traceback_is_masked(logs: Path) -> None:
    logger = logging.getLogger("kasir.test")
    logger.warning("signing with %s for %r", DOKU_SECRET, {"token": RELAY_TOKEN})
    logger.error(f"the key {ECOMMPAY_SECRET} was refused")
    try:
        raise RuntimeError(f"rejected {DOKU_SECRET}")
    except RuntimeError:
        logger.exception("payment failed")
    logger.info("%s %s", "wrong", "number", "of arguments", ECOMMPAY_SECRET)
    text = written(logs)
    assert "signing with *** for {'token': '***'}" in text
    assert "the key *** was refused" in text
    assert "RuntimeError: rejected ***" in text
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.qt_no_exception_capture
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_uncaught_exceptions_of_any_thread_are_logged_masked(tmp_path: Path) -> None:
    """Started in the test itself: pytest sets its own thread hook for each test's call (and
    pytest-qt its own ``sys.excepthook``, which is left out here)."""
    logs = log_file.start_logging(
        demo=False, settings=SETTINGS, env={log_file.LOG_DIR_ENV: str(tmp_path)}
    )

    def fail() -> None:
        raise ValueError(f"worker saw {RELAY_TOKEN}")

    worker = threading.Thread(target=fail, name="worker-7")
    worker.start()
    worker.join()
    try:
        raise KeyError(DOKU_SECRET)
    except KeyError:
        sys.excepthook(*sys.exc_info())
    text = written(logs)
    assert "uncaught exception in thread worker-7" in text
    assert "ValueError: worker saw ***" in text
    assert "KeyError: '***'" in text
    for secret in SECRETS:
        assert secret not in text


def test_stopping_puts_the_hooks_and_levels_back(tmp_path: Path) -> None:
    def state() -> tuple[object, ...]:
        root, httpx = logging.getLogger(), logging.getLogger("httpx")
        return sys.excepthook, threading.excepthook, root.handlers[:], root.level, httpx.level

    before = state()
    log_file.start_logging(demo=False, env={log_file.LOG_DIR_ENV: str(tmp_path)})
    assert state() != before
    log_file.stop_logging()
    assert state() == before


def test_every_secret_of_the_settings_is_found() -> None:
    assert sorted(log_file.secret_values(SETTINGS)) == sorted(SECRETS)
    assert log_file.secret_values(Settings()) == []
