"""``pos-app sandbox``: run the simulator in the foreground and say what it accepts."""

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from pos_app.demo.server_thread import ServerThread
from pos_app.domain.errors import ValidationError
from pos_app.sandbox.app import create_sandbox_app
from pos_app.sandbox.config import SandboxConfig, load_config_file

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8800
OPTIONS = (
    ("doku_client_id", str, "DOKU Client-Id to accept"),
    ("doku_secret_key", str, "DOKU secret key"),
    ("ecommpay_project_id", int, "ecommpay project id to accept"),
    ("ecommpay_secret_key", str, "ecommpay project secret key"),
    ("ecommpay_callback_url", str, "callback URL when a request names none"),
    ("public_url", str, "base URL customers reach the sandbox at (payment pages)"),
    ("retry_scale", float, "factor on every retry delay; 0.001 runs a day in 90 s"),
    ("order_expiry", float, "seconds until an unpaid order expires"),
    ("auto_pay", float, "pay every order by itself after this many seconds"),
    ("clock_skew", float, "seconds a DOKU Request-Timestamp may be off"),
    ("shape_seed", str, "picks the real-world shape of each invoice's answers (reproducible)"),
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pos-app sandbox",
        description="Local simulator of the DOKU and ecommpay APIs (demo and tests).",
    )
    parser.add_argument("--host", help=f"address to listen on (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, help=f"0 for any free port (default {DEFAULT_PORT})")
    parser.add_argument("--config", type=Path, help="TOML file with the same keys as the options")
    for name, kind, text in OPTIONS:
        parser.add_argument("--" + name.replace("_", "-"), dest=name, type=kind, help=text)
    return parser


def resolve(args: argparse.Namespace) -> tuple[str, int, SandboxConfig]:
    """Defaults, then the config file, then the command line; the last one wins."""
    settings: dict[str, object] = dict(load_config_file(args.config)) if args.config else {}
    settings = {key.replace("-", "_"): value for key, value in settings.items()}
    for name, _, _ in OPTIONS:
        if getattr(args, name) is not None:
            settings[name] = getattr(args, name)
    file_host, file_port = settings.pop("host", DEFAULT_HOST), settings.pop("port", DEFAULT_PORT)
    host = args.host or file_host
    port = args.port if args.port is not None else file_port
    if not isinstance(host, str) or isinstance(port, bool) or not isinstance(port, int):
        raise ValidationError("host must be a string and port an integer")
    return host, port, SandboxConfig().with_values(settings)


def banner(config: SandboxConfig, url: str) -> str:
    """Where the sandbox listens and which credentials it accepts (never the user's secrets)."""
    shown = config.printable_credentials()
    auto_pay = f"after {config.auto_pay:g} s" if config.auto_pay is not None else "off"
    return "\n".join(
        [
            f"Kasir sandbox listening on {url}",
            f"  DOKU      POST {url}/dokuwallet-emoney/v1/payment",
            f"            Client-Id {shown['doku_client_id']}",
            f"            secret key {shown['doku_secret_key']}",
            f"  ecommpay  Payment Page {url}/payment, Gate {url}/v2/payment/wallet/doku/sale",
            f"            project_id {shown['ecommpay_project_id']}",
            f"            secret key {shown['ecommpay_secret_key']}",
            f"  control   {url}/_sandbox/orders  {url}/_sandbox/deliveries",
            f"  retry scale {config.retry_scale:g}, orders expire after "
            f"{config.order_expiry:g} s, auto-pay {auto_pay}",
            "Press Ctrl+C to stop.",
        ]
    )


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        host, port, config = resolve(args)
    except ValidationError as exc:
        print(f"pos-app sandbox: {exc}", file=sys.stderr)
        return 2
    server = ServerThread.of(create_sandbox_app(config), host=host, port=port)
    try:
        server.start()
    except RuntimeError:
        print(f"pos-app sandbox: cannot listen on {host}:{port}", file=sys.stderr)
        return 1
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    print(banner(config, server.url), flush=True)
    try:
        stop.wait()
    finally:
        server.stop()
    return 0
