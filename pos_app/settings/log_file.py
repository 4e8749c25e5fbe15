"""The terminal's log: a rotating file in the platform's log folder, with every secret masked.

The till has no console (a packaged Windows build has none at all), so warnings and errors would
otherwise go nowhere. The file is ``kasir.log`` (``kasir-demo.log`` in demo mode, so trying Kasir
leaves the shop's log alone) in ``paths.log_folder()``, or in ``KASIR_LOG_DIR``;
it rotates at :data:`MAX_BYTES` and keeps :data:`BACKUPS` older files. INFO by default,
``KASIR_LOG_LEVEL`` says otherwise. Uncaught exceptions, on the main thread (Qt hands those of
slots to :data:`sys.excepthook`) and on other threads, are written to it too.

Code never logs a secret; :class:`SecretMask` is the second line: every secret of the settings
loaded is replaced by :data:`MASK` in each record's message, arguments and traceback before any
handler writes it.
"""

import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass
from pathlib import Path
from types import TracebackType
from typing import Final

from pos_app.settings import paths
from pos_app.settings.terminal_config import Secret, Settings

LOG_DIR_ENV: Final = "KASIR_LOG_DIR"
LOG_LEVEL_ENV: Final = "KASIR_LOG_LEVEL"
MAX_BYTES: Final = 2_000_000
BACKUPS: Final = 4
"""At most five files of 2 MB: weeks of a till's INFO lines, small enough to send."""
MASK: Final = "***"
FORMAT: Final = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"
QUIET: Final = {"httpx": logging.WARNING, "httpcore": logging.WARNING}
"""Libraries that log every request at INFO (one line per relay long-poll says nothing useful):
they log from WARNING, or from the chosen level if that is higher."""

log = logging.getLogger(__name__)


def log_dir(env: Mapping[str, str] = os.environ) -> Path:
    """``KASIR_LOG_DIR`` if set, else the platform's per-user log folder for Kasir."""
    chosen = env.get(LOG_DIR_ENV)
    return Path(chosen) if chosen else paths.log_folder()


def log_name(*, demo: bool) -> str:
    return "kasir-demo.log" if demo else "kasir.log"


def secret_values(settings: Settings) -> list[str]:
    """Every secret in ``settings`` (a walk over its fields, so a new secret is found too)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, Secret):
            found.append(value.reveal())
        elif is_dataclass(value) and not isinstance(value, type):
            for item in fields(value):
                walk(getattr(value, item.name))

    walk(settings)
    return [secret for secret in found if secret]


class SecretMask(logging.Filter):
    """Replaces each secret it knows by :data:`MASK` in a record's text; never drops a record.

    It is a handler's filter, so records of every logger reach it. The message is formatted with
    its arguments here (and the arguments dropped), so a secret passed as an argument is masked
    too; a traceback is formatted and masked into ``exc_text``, which formatters print as is.
    """

    def __init__(self) -> None:
        super().__init__()
        self._secrets: tuple[str, ...] = ()
        self._formatter = logging.Formatter()

    def add(self, secrets: Iterable[str]) -> None:
        """Mask these too; the longest first, so a secret holding another is masked whole."""
        known = set(self._secrets) | {secret for secret in secrets if secret}
        self._secrets = tuple(sorted(known, key=len, reverse=True))

    def mask(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a wrong format: keep every part, masked, rather than lose it
            message = f"{record.msg} {record.args!r}"
        record.msg, record.args = self.mask(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.mask(record.exc_text)
        if record.stack_info:
            record.stack_info = self.mask(record.stack_info)
        return True


class _Running:
    """What :func:`start_logging` installed, so that starting again or stopping undoes it."""

    def __init__(self, path: Path, handlers: list[logging.Handler], level: int) -> None:
        self.path = path
        self.handlers = handlers
        self.root_level = level
        self.quiet_levels = {name: logging.getLogger(name).level for name in QUIET}
        self.excepthook = sys.excepthook
        self.thread_excepthook = threading.excepthook


_mask = SecretMask()
_running: _Running | None = None


def start_logging(
    *,
    demo: bool,
    settings: Settings | None = None,
    env: Mapping[str, str] = os.environ,
) -> Path:
    """Log into the terminal's file from now on (again: the file changes, secrets are kept);
    returns the file's path. A terminal at an interactive console also sees warnings there."""
    stop_logging()
    if settings is not None:
        hide_secrets(settings)
    folder = log_dir(env)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / log_name(demo=demo)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handlers: list[logging.Handler] = [handler]
    stderr = sys.stderr
    if stderr is not None and stderr.isatty():
        echo = logging.StreamHandler(stderr)
        echo.setLevel(logging.WARNING)
        handlers.append(echo)
    root = logging.getLogger()
    global _running
    _running = _Running(path, handlers, root.level)
    for each in handlers:
        each.addFilter(_mask)
        each.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(each)
    root.setLevel(_level(env))
    for name, level in QUIET.items():
        logging.getLogger(name).setLevel(max(level, root.level))
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread
    return path


def hide_secrets(settings: Settings) -> None:
    """Mask the secrets of these settings as well (the wizard's, demo mode's embedded ones)."""
    hide(secret_values(settings))


def hide(secrets: Iterable[str]) -> None:
    """Mask these values as well: secrets that are not settings (an embedded relay's token)."""
    _mask.add(secrets)


def mask(text: str) -> str:
    """``text`` with every secret known to the log masked: for what leaves the terminal."""
    return _mask.mask(text)


def stop_logging() -> None:
    """Close the file and put the hooks and the root logger back as they were."""
    global _running
    running, _running = _running, None
    if running is None:
        return
    root = logging.getLogger()
    for handler in running.handlers:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(running.root_level)
    for name, level in running.quiet_levels.items():
        logging.getLogger(name).setLevel(level)
    if sys.excepthook is _log_uncaught:
        sys.excepthook = running.excepthook
    if threading.excepthook is _log_uncaught_in_thread:
        threading.excepthook = running.thread_excepthook


def current_log() -> Path | None:
    """The file being written, or None when logging was not started (tests of the views)."""
    return _running.path if _running is not None else None


def log_files(folder: Path) -> list[Path]:
    """Kasir's log files in ``folder``, the terminal's and demo mode's, each with its older ones."""
    names = [log_name(demo=False), log_name(demo=True)]
    return sorted(
        path
        for path in folder.glob("kasir*.log*")
        if path.is_file() and any(path.name == n or path.name.startswith(n + ".") for n in names)
    )


def _level(env: Mapping[str, str]) -> int:
    chosen = env.get(LOG_LEVEL_ENV, "").strip().upper()
    level = logging.getLevelName(chosen) if chosen else logging.INFO
    return level if isinstance(level, int) else logging.INFO


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    if not issubclass(kind, KeyboardInterrupt):
        log.critical("uncaught exception", exc_info=(kind, error, trace))
    if _running is not None:
        _running.excepthook(kind, error, trace)
    else:
        sys.__excepthook__(kind, error, trace)


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None and not issubclass(args.exc_type, SystemExit):
        name = args.thread.name if args.thread is not None else "?"
        log.critical(
            "uncaught exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
    if _running is not None:
        _running.thread_excepthook(args)
    else:
        threading.__excepthook__(args)
