"""What the back-office commands (``export``, ``products``, ``demo-data``) share: the ``--db`` and
``--config`` options, and one way to report a failure (a message on stderr, exit status 1)."""

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from pos_app.domain.errors import KasirError
from pos_app.domain.texts import N_
from pos_app.reports.output_files import OutputError
from pos_app.settings import paths
from pos_app.settings.terminal_config import Settings, load_settings
from pos_app.store.database import open_database
from pos_app.store.errors import StoreError

FAILED = 1


def add_database_option(parser: argparse.ArgumentParser, default: Path | None = None) -> None:
    shown = default or paths.database_path()
    parser.add_argument(
        "--db", type=Path, default=default, help=f"the terminal's database (default {shown})"
    )


def add_config_option(
    parser: argparse.ArgumentParser, purpose: str = "the time zone and cut-off"
) -> None:
    parser.add_argument("--config", type=Path, help=f"settings file for {purpose} (kasir.toml)")


def settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.config)


def database_path(args: argparse.Namespace) -> Path:
    """The database of ``--db``, or the terminal's."""
    return args.db or paths.database_path()


def refuse_the_database(args: argparse.Namespace, out: Path) -> None:
    """Refuse an output file that is the database in use or its ``-wal``/``-shm`` file (under any
    name: a link, another path): writing it would replace the till's books with an export."""
    path = database_path(args)
    for kept in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        with contextlib.suppress(OSError):  # a file that is absent cannot be the same
            if os.path.samefile(out, kept):
                raise OutputError(
                    N_("{target} is the terminal's database; give another file name to write"),
                    target=out,
                )


def database(args: argparse.Namespace, *, must_exist: bool) -> Database:
    """The database of ``--db`` (default: the terminal's); reading needs one that exists."""
    path = database_path(args)
    if must_exist and not path.is_file():
        raise StoreError(f"database {path} does not exist; give the terminal's database with --db")
    if args.db is None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return open_database(path)


def run(prog: str, action: Callable[[], int]) -> int:
    """Run ``action``; a Kasir or file error becomes one line on stderr and exit status 1."""
    try:
        return action()
    except (KasirError, OSError) as error:
        print(f"{prog}: {error}", file=sys.stderr)
        return FAILED
