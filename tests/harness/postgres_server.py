"""A real PostgreSQL server for the test session, and a relay database on either engine.

The session starts one server (``initdb`` into a temporary folder, ``pg_ctl start`` on a free
loopback port with its unix socket in that folder) and stops it at the end; each test that asks
for ``relay_database`` on PostgreSQL gets a database of its own on it (``CREATE DATABASE`` takes
milliseconds, a server takes seconds). The binaries come from the machine: ``initdb`` on the
PATH or Debian's ``/usr/lib/postgresql/<version>/bin`` (``.ci/run`` installs the ``postgresql``
package when neither is there). ``initdb`` refuses to run as root, so under root the server runs
as ``nobody``.

When the server cannot start, the PostgreSQL tests are skipped on a developer's machine and fail
under ``CI=true``: CI must never pass by leaving them out.
"""

import contextlib
import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest

from tests.harness.relay_process import free_port

SERVER_USER = "nobody"
ENGINES = ("sqlite", "postgres")


def binaries() -> Path | None:
    """The folder of the server's programs (initdb, pg_ctl, pg_dump…), if the machine has them."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


@dataclass
class PostgresServer:
    folder: Path
    port: int
    _names: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.folder}&port={self.port}"

    def new_database(self) -> str:
        """A fresh, empty database: its URL."""
        name = f"relay_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def _run(command: list[str], *, as_user: str | None) -> None:
    subprocess.run(
        command,
        check=True,
        capture_output=True,
        user=as_user,
        timeout=120,
        cwd=tempfile.gettempdir(),
    )


def start_server(*, durable: bool = False) -> tuple[PostgresServer, str | None]:
    """Start a server; raises RuntimeError saying why it could not. Not ``durable``: without
    fsync (the tests kill relay processes, never the machine)."""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL binaries (initdb): apt-get install -y postgresql")
    as_user = SERVER_USER if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="kasir-pg-"))
    if as_user is not None:
        shutil.chown(folder, as_user)
    data = folder / "data"
    port = free_port()
    try:
        _run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C",
            ],
            as_user=as_user,
        )
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c max_connections=200" + (
            "" if durable else " -c fsync=off -c full_page_writes=off"
        )
        _run(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "server.log"),
                "-w",
                "-t",
                "60",
                "start",
            ],
            as_user=as_user,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(
            f"PostgreSQL did not start: {exc} {detail.decode(errors='replace')}"
        ) from None
    return PostgresServer(folder, port), as_user


def stop_server(server: PostgresServer, as_user: str | None) -> None:
    bin_dir = binaries()
    assert bin_dir is not None
    with contextlib.suppress(subprocess.SubprocessError):
        _run(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(server.folder / "data"),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
            as_user=as_user,
        )
    shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    try:
        server, as_user = start_server()
    except RuntimeError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs PostgreSQL for the relay's tests: {exc}")
        pytest.skip(str(exc))
    try:
        yield server
    finally:
        stop_server(server, as_user)


@pytest.fixture(params=ENGINES)
def relay_database(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """The relay's database on each engine: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "relay.db"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database()
