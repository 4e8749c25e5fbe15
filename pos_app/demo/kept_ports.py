"""The loopback ports demo mode's sandbox and relay last listened on, kept in the demo folder.

A QR code shown before a crash links to the sandbox's port, and the sandbox's saved orders notify
the relay's: after a restart both come back on the same ports when they are free, so that link
and those notifications still arrive. A port taken meanwhile is given up for a free one.
"""

import json
import socket
from pathlib import Path

from pos_app.domain.atomic_files import replacing_file


def kept_ports(path: Path) -> dict[str, int]:
    """The ports by service name; none for a missing or unreadable file."""
    try:
        ports = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(ports, dict):
        return {}
    return {name: port for name, port in ports.items() if isinstance(port, int)}


def keep_ports(path: Path, ports: dict[str, int]) -> None:
    """Write the ports atomically (a half-written file would lose them all)."""
    with replacing_file(path) as out:
        out.write(json.dumps(ports))


def port_to_use(port: int | None, host: str = "127.0.0.1") -> int:
    """``port`` when nothing listens on it now, else 0 (any free port)."""
    if not port:
        return 0
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return 0
    return port
