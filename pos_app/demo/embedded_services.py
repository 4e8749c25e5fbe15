"""The provider simulator and a relay for demo mode and the ``sandbox`` provider, run in a child
process of the terminal (:mod:`pos_app.demo.services_child`) that lives exactly as long as it."""

import contextlib
import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pos_app.demo.kept_ports import keep_ports, kept_ports, port_to_use
from pos_app.sandbox.config import SandboxConfig

HOST = "127.0.0.1"
STOP_TIMEOUT = 10.0
PORT_RELEASE_WAIT = 3.0
"""After a crash the dead terminal's child may hold the kept ports for a moment longer."""
DEMO_RETRY_SCALE = 0.001
"""The sandbox retries a missed notification within milliseconds, not the providers' hours."""


def demo_sandbox_config() -> SandboxConfig:
    """The sandbox's settings, the same in the child that serves and the terminal that signs."""
    return SandboxConfig(retry_scale=DEMO_RETRY_SCALE)


class Listening(Protocol):
    """A service on a loopback port (the child's, or one a test runs in its own process)."""

    @property
    def port(self) -> int: ...

    @property
    def url(self) -> str: ...

    def stop(self) -> None: ...


def services_command() -> list[str]:
    """How to start ``pos-app demo-services`` from this program, packaged or not."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "demo-services"]
    return [sys.executable, "-m", "pos_app", "demo-services"]


class ServicesProcess:
    """The child process and its command line: one question, one answer, in order."""

    def __init__(self, args: list[str]) -> None:
        hidden = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
        self._child = subprocess.Popen(
            [*services_command(), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            creationflags=hidden,
        )
        self._lock = threading.Lock()

    def read(self) -> dict[str, Any]:
        """The child's next message; its end (it exited) is an error naming its exit status."""
        assert self._child.stdout is not None
        line = self._child.stdout.readline()
        if not line:
            status = self._child.wait(STOP_TIMEOUT)
            raise RuntimeError(f"the demo services stopped (exit status {status})")
        message: dict[str, Any] = json.loads(line)
        return message

    def ask(self, command: dict[str, str]) -> dict[str, Any]:
        assert self._child.stdin is not None
        with self._lock:
            self._child.stdin.write(json.dumps(command) + "\n")
            self._child.stdin.flush()
            return self.read()

    def close(self) -> None:
        """Close its stdin, which stops it (long-polls answered first); kill it if it hangs."""
        assert self._child.stdin is not None
        with contextlib.suppress(OSError):  # it is gone already
            self._child.stdin.close()
        try:
            self._child.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._child.kill()
            self._child.wait()
        if self._child.stdout is not None:
            self._child.stdout.close()


@dataclass
class ChildSandbox:
    """The child's sandbox: ``stop`` ends it alone, freeing its port."""

    process: ServicesProcess
    port: int

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def stop(self) -> None:
        self.process.ask({"stop": "sandbox"})


@dataclass
class ChildRelay:
    """The child's relay: ``add_terminal`` mints a terminal's token there."""

    process: ServicesProcess
    port: int

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def add_terminal(self, name: str) -> str:
        """A new terminal's bearer token. A name that is a terminal id is the terminal's till
        id; another is learned from its first invoice."""
        return str(self.process.ask({"add_terminal": name})["token"])


@dataclass
class EmbeddedServices:
    """The simulator and a relay on loopback, for demo mode and training."""

    sandbox: Listening
    relay: ChildRelay
    relay_token: str
    config: SandboxConfig
    process: ServicesProcess

    @classmethod
    def start(
        cls, relay_db: Path, terminal_id: str = "T1", *, sandbox_state: Path | None = None
    ) -> "EmbeddedServices":
        """Start both on loopback. With ``sandbox_state`` (demo mode's folder) the sandbox keeps
        its orders there, and both take the ports they had last time when those are free, so
        a payment opened before a crash can be paid and notified after it."""
        new_relay = not relay_db.exists()
        ports_file = relay_db.with_name(relay_db.stem + "-ports.json")
        last = kept_ports(ports_file) if sandbox_state is not None else {}
        args = ["--relay-db", str(relay_db)]
        if sandbox_state is not None:
            args += ["--sandbox-state", str(sandbox_state)]
        for name in ("sandbox", "relay"):
            args += [f"--{name}-port", str(_free_port(last.get(name)))]
        process = ServicesProcess(args)
        try:
            ports = process.read()
            relay = ChildRelay(process, int(ports["relay"]))
            sandbox = ChildSandbox(process, int(ports["sandbox"]))
            token = _embedded_relay_token(relay, relay_db, new_relay, terminal_id)
        except BaseException:
            process.close()
            raise
        if sandbox_state is not None:
            keep_ports(ports_file, {"sandbox": sandbox.port, "relay": relay.port})
        return cls(sandbox, relay, token, demo_sandbox_config(), process)

    def stop(self) -> None:
        """The child's relay answers its open long-polls and both stop; a sandbox a test put
        in its place is stopped too."""
        if not isinstance(self.sandbox, ChildSandbox):
            self.sandbox.stop()
        self.process.close()


def _free_port(kept: int | None) -> int:
    """The port kept from last time once the last run's child has let it go, else 0 (any)."""
    deadline = time.monotonic() + PORT_RELEASE_WAIT
    pause = threading.Event()
    while kept and not port_to_use(kept, HOST) and time.monotonic() < deadline:
        pause.wait(0.02)
    return port_to_use(kept, HOST)


def _embedded_relay_token(
    relay: ChildRelay, relay_db: Path, new_relay: bool, terminal_id: str
) -> str:
    """This terminal's token at the embedded relay, kept beside its database (owner-only).

    A relay database made anew knows no token, so an old token file is replaced then. The
    terminal is named by its terminal id, as the relay takes only that id's invoices from it.
    """
    token_file = relay_db.with_suffix(".token")
    if token_file.exists() and not new_relay:
        return token_file.read_text(encoding="utf-8").strip()
    token = relay.add_terminal(terminal_id)
    token_file.touch(mode=0o600)
    token_file.write_text(token, encoding="utf-8")
    return token
