"""``pos-app relay …``: serve, manage terminal tokens, list orphans, check a configuration,
back up and restore the database.

Every subcommand takes ``--config relay.toml`` and every setting as an option (options win over
the file). Secrets are never printed; a new terminal token is printed once, as the last line.
"""

import argparse
import logging
import sys
from pathlib import Path
from types import FrameType

import uvicorn

from pos_app import __version__
from pos_app.relay import auth, backup, storage
from pos_app.relay.app import RelayApp
from pos_app.relay.config import (
    ConfigError,
    RelayConfig,
    add_setting_options,
    config_from_args,
    describe,
    validate,
)

GRACEFUL_SHUTDOWN_SECONDS = 10


class _RelayServer(uvicorn.Server):
    """uvicorn, plus: on SIGTERM/SIGINT answer the open long-polls at once so shutdown is quick."""

    def __init__(self, config: uvicorn.Config, relay: RelayApp) -> None:
        super().__init__(config)
        self._relay = relay

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self._relay.begin_shutdown()
        super().handle_exit(sig, frame)


def _serve(config: RelayConfig) -> int:
    problems = validate(config)
    if problems:
        _print_problems(problems)
        return 2
    logging.basicConfig(
        level=config.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    relay = RelayApp(config)
    server = _RelayServer(
        uvicorn.Config(
            relay.asgi,
            host=config.host,
            port=config.port,
            log_level=config.log_level.lower(),
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
        ),
        relay,
    )
    server.run()
    return 0 if server.started else 1


def _add_terminal(config: RelayConfig, name: str) -> int:
    try:
        token = auth.add_terminal(config.db, name)
    except (ValueError, storage.NameTaken) as exc:
        print(f"pos-app relay add-terminal: {exc}", file=sys.stderr)
        return 1
    print(f"Terminal {name.strip()!r} added to {config.db}.")
    print("Its token follows; it is shown only this once. Put it in the terminal's settings:")
    print(token)
    return 0


def _list_terminals(config: RelayConfig) -> int:
    conn = storage.connect(config.db)
    try:
        terminals = storage.list_terminals(conn)
    finally:
        conn.close()
    if not terminals:
        print("No terminals yet: add one with 'pos-app relay add-terminal NAME'.")
        return 0
    width = max(len(t.name) for t in terminals)
    for t in terminals:
        state = f"revoked {t.revoked_at}" if t.revoked_at else "active"
        print(f"{t.name:<{width}}  added {t.created_at}  {state}")
    return 0


def _revoke(config: RelayConfig, name: str) -> int:
    conn = storage.connect(config.db)
    try:
        conn.execute("BEGIN IMMEDIATE")
        revoked = storage.revoke_terminal(conn, name)
        conn.execute("COMMIT")
    finally:
        conn.close()
    if not revoked:
        print(f"pos-app relay revoke: no active terminal named {name!r}", file=sys.stderr)
        return 1
    print(f"Terminal {name!r} revoked: its token is refused from now on.")
    return 0


def _orphans(config: RelayConfig) -> int:
    conn = storage.connect(config.db)
    try:
        rows = storage.orphans(conn)
    finally:
        conn.close()
    if not rows:
        print("No orphan notifications.")
        return 0
    print(f"{len(rows)} notification(s) for invoices no terminal has registered:")
    for row in rows:
        amount = "?" if row["amount"] is None else f"Rp {row['amount']:,}".replace(",", ".")
        print(
            f"  {row['received_at']}  {row['provider']:<8} {row['invoice_number']}"
            f"  {row['status']}  {amount}"
        )
    return 0


def _backup(config: RelayConfig, destination: Path) -> int:
    try:
        epoch = backup.backup(config.db, destination)
    except backup.BackupError as exc:
        print(f"pos-app relay backup: {exc}", file=sys.stderr)
        return 1
    print(f"Backed up {config.db} to {destination} (epoch {epoch}).")
    return 0


def _restore(config: RelayConfig, source: Path) -> int:
    try:
        restored = backup.restore(source, config.db)
    except backup.BackupError as exc:
        print(f"pos-app relay restore: {exc}", file=sys.stderr)
        return 1
    counts = restored.counts
    print(
        f"Restored {source} into {config.db}: {counts['terminals']} terminal(s), "
        f"{counts['events']} notification(s), {counts['orphans']} orphan(s)."
    )
    print(
        f"New epoch {restored.epoch}: each terminal fetches the relay's events again from the "
        "start and skips those it has; nothing after the backup is skipped."
    )
    if restored.kept is not None:
        print(f"The database it replaced is kept as {restored.kept}.")
    print("Start the relay again.")
    return 0


def _check_config(config: RelayConfig) -> int:
    problems = validate(config)
    print("Settings in effect:")
    print("\n".join(describe(config)))
    if problems:
        _print_problems(problems)
        return 1
    print("The configuration is valid.")
    return 0


def _print_problems(problems: list[str]) -> None:
    print("The relay configuration has problems:", file=sys.stderr)
    for line in problems:
        print(f"  - {line}", file=sys.stderr)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="pos-app relay",
        description="Receive payment notifications for the shop terminals and hand them over.",
    )
    root.add_argument("--version", action="version", version=f"kasir relay {__version__}")
    settings = argparse.ArgumentParser(add_help=False)
    add_setting_options(settings)
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("serve", parents=[settings], help="run the relay (uvicorn)")
    for name, text in (
        ("add-terminal", "add a terminal and print its token once"),
        ("revoke", "revoke a terminal's token"),
    ):
        commands.add_parser(name, parents=[settings], help=text).add_argument("name")
    commands.add_parser("list-terminals", parents=[settings], help="list the terminals")
    commands.add_parser(
        "orphans", parents=[settings], help="list notifications no terminal has registered"
    )
    commands.add_parser(
        "check-config", parents=[settings], help="validate the settings; exit 1 if wrong"
    )
    commands.add_parser(
        "backup", parents=[settings], help="copy the database to a new file, even while serving"
    ).add_argument("destination", type=Path, metavar="FILE")
    commands.add_parser(
        "restore", parents=[settings], help="put a backup in place of the database (relay stopped)"
    ).add_argument("source", type=Path, metavar="BACKUP")
    return root


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        config = config_from_args(args)
    except ConfigError as exc:
        _print_problems(exc.problems)
        return 2
    if args.command == "serve":
        return _serve(config)
    if args.command == "check-config":
        return _check_config(config)
    if args.command == "restore":
        return _restore(config, args.source)
    if args.command == "add-terminal":
        if not config.db.parent.is_dir():
            print(f"pos-app relay: the folder of {config.db} does not exist", file=sys.stderr)
            return 1
        return _add_terminal(config, args.name)
    if not config.db.is_file():
        print(f"pos-app relay: there is no relay database at {config.db}", file=sys.stderr)
        return 1
    if args.command == "backup":
        return _backup(config, args.destination)
    if args.command == "revoke":
        return _revoke(config, args.name)
    if args.command == "list-terminals":
        return _list_terminals(config)
    return _orphans(config)
