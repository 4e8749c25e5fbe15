"""The demo's sandbox and relay in a child process of the terminal (``pos-app demo-services``).

In the terminal's own process, their request handling (the sandbox's order, the relay's
registration, their uvicorn loops) took the GIL from the charge on its way to the QR; in a child
they run beside the terminal, as the real ones do on other machines.

The terminal speaks to the child in JSON lines. The child first prints the ports it listens on,
then answers each command read from its stdin: ``{"add_terminal": NAME}`` → ``{"token": …}``;
``{"stop": "sandbox"}`` → ``{"stopped": "sandbox"}`` (a test then puts its own sandbox on that
port). The end of stdin (the terminal closed it, or died, kill -9 included) stops both servers
and the child with them, so it never outlives the terminal.
"""

import argparse
import json
import signal
import sys
from pathlib import Path
from typing import Any

from pos_app.demo.embedded_relay import EmbeddedRelay, start_relay
from pos_app.demo.embedded_services import demo_sandbox_config
from pos_app.demo.server_thread import ServerThread
from pos_app.relay.config import RelayConfig
from pos_app.sandbox.app import create_sandbox_app
from pos_app.sandbox.config import SandboxConfig


def relay_config(config: SandboxConfig, db: Path, port: int) -> RelayConfig:
    """A relay that takes the sandbox's notifications, signed with the sandbox's demo keys."""
    return RelayConfig(
        port=port,
        db=db,
        doku_client_id=config.doku_client_id,
        doku_secret_key=config.doku_secret_key,
        ecommpay_project_id=config.ecommpay_project_id,
        ecommpay_secret_key=config.ecommpay_secret_key,
    )


def _say(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _answer(command: dict[str, Any], sandbox: ServerThread, relay: EmbeddedRelay) -> None:
    if "add_terminal" in command:
        _say({"token": relay.add_terminal(str(command["add_terminal"]))})
    elif command.get("stop") == "sandbox":
        sandbox.stop()
        _say({"stopped": "sandbox"})
    else:
        _say({"error": f"unknown command {command!r}"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pos-app demo-services",
        description="The demo's sandbox and relay, started by the terminal (not by hand).",
    )
    parser.add_argument("--relay-db", type=Path, required=True)
    parser.add_argument("--sandbox-state", type=Path, help="the sandbox keeps its orders here")
    parser.add_argument("--sandbox-port", type=int, default=0)
    parser.add_argument("--relay-port", type=int, default=0)
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    # Ctrl+C at the terminal's console reaches the whole process group: the terminal decides
    # when its services stop (it closes stdin), not the key.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    config = demo_sandbox_config()
    app = create_sandbox_app(config, state_file=args.sandbox_state)
    sandbox = ServerThread.of(app, port=args.sandbox_port).start()
    try:
        relay = start_relay(relay_config(config, args.relay_db, args.relay_port))
    except BaseException:
        sandbox.stop()
        raise
    try:
        _say({"sandbox": sandbox.port, "relay": relay.port})
        for line in sys.stdin:
            _answer(json.loads(line), sandbox, relay)
    finally:
        relay.ask_to_stop()
        sandbox.ask_to_stop()
        relay.stop()
        sandbox.stop()
    return 0
