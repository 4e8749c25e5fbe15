"""``pos-app relay …``: serve, manage terminals and their tokens, list orphans, show the
database's figures, check a configuration, back up and restore the database, and write a shop's
daily accountant file from its tills' uploads.

Every subcommand takes ``--config relay.toml`` and every setting as an option (options win over
the file). Secrets are never printed; a new terminal token is printed once, as the last line.
A terminal is named by its till's ``terminal_id``, which its invoice numbers carry.
"""

import argparse
import contextlib
import logging
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import uvicorn

from pos_app import __version__
from pos_app.commands.common import run
from pos_app.commands.file_options import add_file_options, chosen_kinds, iso_date, said
from pos_app.domain.money import CURRENCY, format_rupiah
from pos_app.relay import (
    auth,
    backup,
    engines,
    schema,
    sole_server,
    storage,
    till_days,
    to_postgres,
)
from pos_app.relay.app import RelayApp
from pos_app.relay.config import (
    ConfigError,
    RelayConfig,
    add_setting_options,
    config_from_args,
    database_problems,
    describe,
    folder_problem,
    validate,
)
from pos_app.relay.server import collect_less_often, uvicorn_config
from pos_app.reports.accountant_files import FileKind
from pos_app.reports.shop_files import TillDayFiles, missing_tills, write_shop_file


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
    with contextlib.ExitStack() as serving:
        if config.database_url:
            try:
                schema.connect(config.database).close()
            except engines.load_psycopg().Error as exc:
                print(f"pos-app relay serve: {_database_failure(config, exc)}", file=sys.stderr)
                return 1
            except schema.SchemaTooNew as exc:
                print(f"pos-app relay serve: {exc}", file=sys.stderr)
                return 1
        else:
            try:
                serving.enter_context(sole_server.claimed(config.db))
                schema.connect(config.db).close()
            except (sqlite3.Error, OSError) as exc:
                print(
                    f"pos-app relay serve: the database {config.db} failed: {exc}",
                    file=sys.stderr,
                )
                return 1
            except (sole_server.AlreadyServed, schema.SchemaTooNew) as exc:
                print(f"pos-app relay serve: {exc}", file=sys.stderr)
                return 1
        return _run_server(config)


def _run_server(config: RelayConfig) -> int:
    logging.basicConfig(
        level=config.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    collect_less_often()
    relay = RelayApp(config)
    server = _RelayServer(
        uvicorn_config(
            relay, host=config.host, port=config.port, log_level=config.log_level.lower()
        ),
        relay,
    )
    server.run()
    return 0 if server.started else 1


def _print_token(token: str) -> None:
    print("Its token follows; it is shown only this once. Put it in the terminal's settings:")
    print(token)


def _add_terminal(config: RelayConfig, name: str, shop: str) -> int:
    try:
        token = auth.add_terminal(config.database, name, shop)
    except (ValueError, storage.NameTaken, storage.TillIdTaken) as exc:
        print(f"pos-app relay add-terminal: {exc}", file=sys.stderr)
        if isinstance(exc, storage.NameTaken):
            print(f"A new token for it: pos-app relay rotate-token {name.strip()}", file=sys.stderr)
        return 1
    where = engines.describe(config.database)
    print(
        f"Terminal {name.strip()!r} of shop {shop.strip()!r} added to {where}; "
        f"it registers KSR-{name.strip()}-…."
    )
    _print_token(token)
    return 0


def _export(config: RelayConfig, args: argparse.Namespace) -> int:
    """One file for the shop's business day, from what each of its tills uploaded."""
    prog = "pos-app relay export"

    def export() -> int:
        with schema.opened(config.database) as conn:
            uploaded = till_days.shop_days(conn, args.shop, args.date.isoformat())
            known = till_days.shop_uploads(conn, args.shop)
        if not uploaded:
            print(f"{prog}: no till of shop {args.shop!r} uploaded {args.date}", file=sys.stderr)
            return 1
        tills = [
            TillDayFiles(till["till_id"], {FileKind(k): v for k, v in till["files"].items()})
            for till in uploaded
        ]
        written = write_shop_file(tills, args.out, args.kinds, args.file_format, args.excel_id)
        for till in uploaded:
            closed = "day closed" if till["day_closed"] else "day not closed yet"
            print(f"till {till['till_id']}: uploaded {till['uploaded_at']}, {closed}")
        for part in written.parts:
            print(said(part))
        print(f"written to {written.path}")
        _warn_short(uploaded, known, args.date.isoformat())
        return 0

    return run(prog, export)


def _warn_short(
    uploaded: list[dict[str, Any]], known: list[dict[str, Any]], business_date: str
) -> None:
    """Name on stderr each till the shop's file lacks, or holds an older copy of: the file adds
    up to what the relay holds, and the accountant must know when that is short."""
    for till in uploaded:
        if till["refused"] is not None:
            print(
                f"warning: till {till['till_id']}: the file holds its upload of "
                f"{till['uploaded_at']}; the relay refused a later one at "
                f"{till['refused']['at']} ({till['refused']['reason']}), so the file may "
                "lack what changed since",
                file=sys.stderr,
            )
    missing = missing_tills(
        [(till["till_id"], till["name"]) for till in uploaded],
        [(till["till_id"], till["name"]) for till in known],
    )
    for label in missing:
        print(
            f"warning: till {label} has not uploaded {business_date}: it is not in the file",
            file=sys.stderr,
        )


def _rotate_token(config: RelayConfig, name: str) -> int:
    try:
        token = auth.rotate_token(config.database, name)
    except storage.TillIdTaken as exc:
        print(f"pos-app relay rotate-token: {exc}", file=sys.stderr)
        return 1
    if token is None:
        print(f"pos-app relay rotate-token: no terminal named {name!r}", file=sys.stderr)
        return 1
    print(f"Terminal {name!r} has a new token; its old one is refused from now on.")
    _print_token(token)
    return 0


def _set_terminal_id(config: RelayConfig, name: str, till_id: str) -> int:
    try:
        till_id = auth.check_terminal_id(till_id)
        with schema.writing(config.database) as conn:
            changed = storage.set_till_id(conn, name, till_id)
    except (ValueError, storage.TillIdTaken) as exc:
        print(f"pos-app relay set-terminal-id: {exc}", file=sys.stderr)
        return 1
    if not changed:
        print(f"pos-app relay set-terminal-id: no active terminal named {name!r}", file=sys.stderr)
        return 1
    print(f"Terminal {name!r} has the terminal id {till_id!r}: it registers KSR-{till_id}-….")
    return 0


def _list_terminals(config: RelayConfig) -> int:
    with schema.opened(config.database) as conn:
        terminals = storage.list_terminals(conn)
    if not terminals:
        print("No terminals yet: add one with 'pos-app relay add-terminal TERMINAL_ID'.")
        return 0
    width = max(len(t.name) for t in terminals)
    for t in terminals:
        state = f"revoked {t.revoked_at}" if t.revoked_at else "active"
        till = f"terminal id {t.till_id}" if t.till_id else "terminal id not known yet"
        print(f"{t.name:<{width}}  {till:<28}  shop {t.shop}  added {t.created_at}  {state}")
    return 0


def _revoke(config: RelayConfig, name: str) -> int:
    with schema.writing(config.database) as conn:
        revoked = storage.revoke_terminal(conn, name)
    if not revoked:
        print(f"pos-app relay revoke: no active terminal named {name!r}", file=sys.stderr)
        return 1
    print(f"Terminal {name!r} revoked: its token is refused from now on.")
    return 0


def _money(amount: int | None, currency: str | None) -> str:
    """``Rp 15.000`` for rupiah (:func:`format_rupiah`, so ``-Rp 500``); other currencies (and
    minor units) as the provider said."""
    if amount is None:
        return "?"
    if currency in (None, CURRENCY):
        return format_rupiah(amount)
    return f"{amount:,}".replace(",", ".") + f" {currency[:16]}"


def _orphans(config: RelayConfig) -> int:
    with schema.opened(config.database) as conn:
        rows = storage.orphans(conn)
    if not rows:
        print("No orphan notifications.")
        return 0
    print(f"{len(rows)} notification(s) no active terminal has:")
    for row in rows:
        line = (
            f"  {row['received_at']}  {row['provider']:<13} {row['invoice_number'][:64]}"
            f"  {row['status']}  {_money(row['amount'], row['currency'])}"
        )
        if row["registered_amount"] is not None:
            line += f" (registered {_money(row['registered_amount'], CURRENCY)})"
        if row["kept_apart"] is not None:
            line += f"  kept apart: {row['kept_apart']}"
        if row["revoked_terminal"] is not None:
            line += f"  terminal {row['revoked_terminal']} revoked"
        print(line)
    return 0


def _status(config: RelayConfig) -> int:
    with schema.opened(config.database) as conn:
        epoch = schema.read_epoch(conn)
        counts = storage.counts(conn)
    where = engines.describe(config.database)
    print(f"Relay database {where} (schema {schema.SCHEMA_VERSION}, epoch {epoch}):")
    print(f"  {counts['terminals']} active terminal(s)")
    print(f"  {counts['payments']} registered payment(s)")
    print(f"  {counts['amount_differs']} of them paid with another amount or currency")
    print(f"  {counts['events']} notification(s) stored")
    print(
        f"  {counts['orphans']} orphan(s), {counts['kept_apart']} of them kept apart, "
        f"{counts['for_revoked']} for a revoked terminal"
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


def _copy_to(config: RelayConfig, url: str) -> int:
    """The stopped SQLite relay copied into an empty PostgreSQL database; what to do next."""
    problem = engines.url_problem(url)
    if problem is not None:
        print(f"pos-app relay copy-to: the PostgreSQL URL {problem}", file=sys.stderr)
        return 2
    where = engines.describe(url)
    try:
        counts = to_postgres.copy_to_postgres(config.db, url)
    except to_postgres.CopyError as exc:
        print(f"pos-app relay copy-to: {exc}", file=sys.stderr)
        return 1
    except engines.load_psycopg().Error as exc:
        print(
            f"pos-app relay copy-to: the database ({where}) failed: "
            f"{engines.without_password(' '.join(str(exc).split()), url)}",
            file=sys.stderr,
        )
        return 1
    print(
        f"Copied {config.db} into {where}: {counts['terminals']} terminal(s), "
        f"{counts['payments']} registered payment(s), {counts['events']} notification(s), "
        f"{counts['orphans']} orphan(s)."
    )
    print(
        "Set database_url in relay.toml to this database, then start the relay there; do not "
        f"start it on {config.db} again (keep the file as a backup). The terminals carry on "
        "where they were, with the same tokens."
    )
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
    add = commands.add_parser(
        "add-terminal", parents=[settings], help="add a till's terminal and print its token once"
    )
    add.add_argument("name", metavar="TERMINAL_ID", help="the till's terminal_id setting")
    add.add_argument(
        "--shop",
        default=storage.DEFAULT_SHOP,
        help="the shop the till is in: its terminals see each other's uploads "
        f"(default {storage.DEFAULT_SHOP!r})",
    )
    export = commands.add_parser(
        "export",
        parents=[settings],
        help="write one accountant file of a business day for all the tills of a shop",
    )
    export.add_argument("--date", required=True, type=iso_date, help="business day, YYYY-MM-DD")
    export.add_argument(
        "--shop", default=storage.DEFAULT_SHOP, help=f"default {storage.DEFAULT_SHOP!r}"
    )
    add_file_options(export)
    export.add_argument("--out", required=True, type=Path, help="the file to write")
    for name, text in (
        ("rotate-token", "give a terminal a new token (the old one is refused at once)"),
        ("revoke", "revoke a terminal's token"),
    ):
        commands.add_parser(name, parents=[settings], help=text).add_argument("name")
    set_id = commands.add_parser(
        "set-terminal-id",
        parents=[settings],
        help="give a terminal added before terminal ids its till's terminal_id",
    )
    set_id.add_argument("name")
    set_id.add_argument("till_id", metavar="TERMINAL_ID")
    commands.add_parser("list-terminals", parents=[settings], help="list the terminals")
    commands.add_parser(
        "orphans",
        parents=[settings],
        help="list notifications no active terminal has, with amounts",
    )
    commands.add_parser(
        "status", parents=[settings], help="count terminals, payments, notifications, orphans"
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
    commands.add_parser(
        "copy-to",
        parents=[settings],
        help="copy the stopped SQLite relay into an empty PostgreSQL database",
    ).add_argument("url", metavar="POSTGRESQL_URL")
    commands.add_parser(
        "new-epoch",
        parents=[settings],
        help="after pg_restore: void every terminal's cursor (PostgreSQL)",
    )
    return root


POSTGRES_BACKUP = (
    "on PostgreSQL, back up with pg_dump and restore with pg_restore, then run "
    "'pos-app relay new-epoch' (README, operator runbook)"
)


def _on_either(config: RelayConfig, args: argparse.Namespace) -> dict[str, Callable[[], int]]:
    """The subcommands that run alike on either engine, by name."""
    return {
        "add-terminal": lambda: _add_terminal(config, args.name, args.shop),
        "export": lambda: _export(config, args),
        "revoke": lambda: _revoke(config, args.name),
        "rotate-token": lambda: _rotate_token(config, args.name),
        "set-terminal-id": lambda: _set_terminal_id(config, args.name, args.till_id),
        "list-terminals": lambda: _list_terminals(config),
        "status": lambda: _status(config),
        "orphans": lambda: _orphans(config),
    }


def _on_postgres(config: RelayConfig, args: argparse.Namespace) -> int:
    """The subcommands on a PostgreSQL database, which the server keeps: no file to check."""
    if args.command in ("backup", "restore"):
        print(f"pos-app relay {args.command}: {POSTGRES_BACKUP}", file=sys.stderr)
        return 2
    commands = {**_on_either(config, args), "new-epoch": lambda: _new_epoch(config)}
    try:
        return commands[args.command]()
    except engines.load_psycopg().Error as exc:
        print(f"pos-app relay {args.command}: {_database_failure(config, exc)}", file=sys.stderr)
        return 1
    except schema.SchemaTooNew as exc:
        print(f"pos-app relay {args.command}: {exc}", file=sys.stderr)
        return 1


def _database_failure(config: RelayConfig, exc: Exception) -> str:
    """One line for a PostgreSQL error, naming the server but never the password."""
    said = " ".join(line.strip() for line in str(exc).splitlines())
    where = engines.describe(config.database)
    return f"the database ({where}) failed: {engines.without_password(said, config.database_url)}"


def _new_epoch(config: RelayConfig) -> int:
    """A new epoch for a restored database, with what it holds; refused on one that holds
    nothing of a relay (the wrong database, or a restore that stopped half-way), which is left
    as it was (no tables are created in it)."""
    where = engines.describe(config.database)
    with contextlib.closing(engines.open_connection(config.database)) as conn:
        has_tables = conn.schema_version() > 0
        serving = conn.execute(
            "SELECT COUNT(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND application_name = ?",
            (engines.SERVING_NAME,),
        ).fetchone()[0]
    if serving:
        print(
            f"pos-app relay new-epoch: {serving} relay process(es) still serve the database "
            f"({where}), each with the epoch it started with: stop every one (systemctl stop "
            "'kasir-relay@*'), then run new-epoch again. Nothing was changed.",
            file=sys.stderr,
        )
        return 1
    epoch = None
    if has_tables:
        with schema.writing(config.database) as conn:
            counts = storage.counts(conn)
            ever = conn.execute("SELECT COUNT(*) FROM terminals").fetchone()[0]
            if ever or counts["events"]:
                epoch = schema.replace_epoch(conn)
    if epoch is None:
        print(
            f"pos-app relay new-epoch: the database ({where}) holds no relay data (no terminal, "
            "no notification): is it the wrong database, or did the restore not finish? "
            "Nothing was changed.",
            file=sys.stderr,
        )
        return 1
    print(
        f"New epoch {epoch} for {where}: {counts['terminals']} active terminal(s), "
        f"{counts['payments']} registered payment(s), {counts['events']} notification(s), "
        f"{counts['orphans']} orphan(s)."
    )
    print("Each terminal fetches the relay's events again from the start and skips those it has.")
    return 0


def main(argv: list[str]) -> int:
    options = parser()
    args = options.parse_args(argv)
    if args.command == "export":
        args.kinds = chosen_kinds(options, args)
    try:
        config = config_from_args(args)
    except ConfigError as exc:
        _print_problems(exc.problems)
        return 2
    if args.command == "serve":
        return _serve(config)
    if args.command == "check-config":
        return _check_config(config)
    if args.command == "copy-to" and config.database_url:
        print(
            "pos-app relay copy-to: this relay is on PostgreSQL already; copy-to moves a SQLite "
            "relay (its --db, or a relay.toml without database_url)",
            file=sys.stderr,
        )
        return 2
    if config.database_url:
        problems = database_problems(config)
        if problems:
            _print_problems(problems)
            return 2
        return _on_postgres(config, args)
    if args.command == "new-epoch":
        print("pos-app relay: new-epoch is for PostgreSQL; restore draws one", file=sys.stderr)
        return 2
    if args.command not in ("add-terminal", "restore") and not config.db.is_file():
        print(f"pos-app relay: there is no relay database at {config.db}", file=sys.stderr)
        return 1
    problem = folder_problem(config.db)
    if problem:
        print(f"pos-app relay {args.command}: {problem}", file=sys.stderr)
        return 1
    return _on_sqlite(config, args)


def _on_sqlite(config: RelayConfig, args: argparse.Namespace) -> int:
    """The subcommands on the SQLite file, whose folder the relay can write in; a database that
    fails (a folder made read-only since, a disk full) or that a newer relay wrote is one line,
    not a traceback."""
    commands = {
        **_on_either(config, args),
        "restore": lambda: _restore(config, args.source),
        "backup": lambda: _backup(config, args.destination),
        "copy-to": lambda: _copy_to(config, args.url),
    }
    try:
        return commands[args.command]()
    except (sqlite3.Error, OSError) as exc:
        print(
            f"pos-app relay {args.command}: the database {config.db} failed: {exc}", file=sys.stderr
        )
        return 1
    except schema.SchemaTooNew as exc:
        print(f"pos-app relay {args.command}: {exc}", file=sys.stderr)
        return 1
