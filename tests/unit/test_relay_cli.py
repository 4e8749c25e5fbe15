"""``pos-app relay`` administration: terminals and their tokens and ids, listing, revoking,
orphans, the database's figures."""

import contextlib
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.commands import relay_service
from pos_app.relay import auth, schema, storage


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = relay_service.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_terminal_prints_the_token_once_as_the_last_line_and_stores_only_its_hash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "relay.db"

    code, out, _ = run(capsys, "add-terminal", "T1", "--db", str(db))

    token = out.rstrip("\n").splitlines()[-1]
    assert code == 0 and token.startswith("kasir_") and len(token) > 40
    assert "KSR-T1-" in out
    conn = schema.connect(db)
    terminal = auth.authenticate(conn, token)
    assert terminal is not None and (terminal.name, terminal.till_id) == ("T1", "T1")
    stored = conn.execute("SELECT token_hash FROM terminals").fetchone()[0]
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    conn.close()
    on_disk = b"".join(path.read_bytes() for path in tmp_path.iterdir())
    assert token.encode() not in on_disk


def test_the_database_add_terminal_creates_and_its_wal_are_owner_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Token hashes and every payment: 0600 whatever the umask lets others read."""
    db = tmp_path / "relay.db"
    umask = os.umask(0o022)
    try:
        assert run(capsys, "add-terminal", "T1", "--db", str(db))[0] == 0
        conn = schema.connect(db)
        try:
            conn.begin()
            storage.revoke_terminal(conn, "T1")
            conn.execute("COMMIT")
            files = {path.name: stat.S_IMODE(path.stat().st_mode) for path in tmp_path.iterdir()}
        finally:
            conn.close()
    finally:
        os.umask(umask)
    assert files == {"relay.db": 0o600, "relay.db-wal": 0o600, "relay.db-shm": 0o600}


def test_a_database_others_could_read_is_made_owner_only_when_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Made before the relay created its files 0600, or copied in with ``cp`` under umask 022."""
    db = tmp_path / "relay.db"
    assert run(capsys, "add-terminal", "T1", "--db", str(db))[0] == 0
    with contextlib.closing(schema.connect(db)):  # a relay still serving keeps -wal and -shm
        for path in tmp_path.iterdir():
            path.chmod(0o644)
        assert {path.name for path in tmp_path.iterdir()} == {
            "relay.db",
            "relay.db-wal",
            "relay.db-shm",
        }

        assert run(capsys, "list-terminals", "--db", str(db))[0] == 0

        files = {path.name: stat.S_IMODE(path.stat().st_mode) for path in tmp_path.iterdir()}
    assert set(files.values()) == {0o600}, files


def unprivileged() -> list[str]:
    """A prefix that runs a command without root's right to write anywhere (as root, a
    folder's mode is no obstacle): setpriv drops the capabilities that override it."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only folder cannot be made")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_a_read_only_folder_is_one_line_naming_it_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    db = folder / "relay.db"
    assert run(capsys, "add-terminal", "T1", "--db", str(db))[0] == 0
    provider = ["--doku-client-id", "BRN-1", "--doku-secret-key", "k", "--port", "0"]
    folder.chmod(0o500)
    try:
        for argv in (
            ["status", "--db", str(db)],
            ["add-terminal", "T2", "--db", str(db)],
            ["add-terminal", "T2", "--db", str(folder / "new.db")],
            ["list-terminals", "--db", str(db)],
            ["serve", "--db", str(db), *provider],
            ["check-config", "--db", str(db), *provider],
        ):
            done = subprocess.run(
                [*unprivileged(), sys.executable, "-m", "pos_app", "relay", *argv],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert done.returncode != 0, argv
            assert "Traceback" not in done.stderr, argv
            assert f"the folder {folder} is read-only for this user" in done.stderr, argv
            if argv[0] not in ("serve", "check-config"):  # those list every problem found
                assert len(done.stderr.splitlines()) == 1, argv
    finally:
        folder.chmod(0o700)
    db.chmod(0o400)  # the folder is fine, the file is not: SQLite says so, in one line
    for argv in (["add-terminal", "T2", "--db", str(db)], ["revoke", "T1", "--db", str(db)]):
        done = subprocess.run(
            [*unprivileged(), sys.executable, "-m", "pos_app", "relay", *argv],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1 and "Traceback" not in done.stderr, argv
        (line,) = done.stderr.splitlines()
        assert f"the database {db} failed: attempt to write a readonly database" in line
    db.chmod(0o600)
    db.write_bytes(b"not a database, " * 1024)
    for argv in (["status", "--db", str(db)], ["serve", "--db", str(db), *provider]):
        assert relay_service.main(argv) == 1
        (line,) = capsys.readouterr().err.splitlines()
        assert line.endswith(f"the database {db} failed: file is not a database"), argv


def test_the_token_is_the_last_line_when_run_as_a_command(tmp_path: Path) -> None:
    db = tmp_path / "relay.db"
    done = subprocess.run(
        [sys.executable, "-m", "pos_app", "relay", "add-terminal", "T1", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    token = done.stdout.splitlines()[-1]
    assert auth.authenticate(schema.connect(db), token) is not None


@pytest.mark.parametrize(
    "name", ["", "  ", "Toko Sari till 1", "_T1", "T1_A", "terminal-12345678", "T\u0661"]
)
def test_a_terminal_is_named_by_its_tills_terminal_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    db = tmp_path / "relay.db"

    code, out, err = run(capsys, "add-terminal", name, "--db", str(db))

    assert code == 1 and "not a terminal id" in err and "terminal_id" in err
    assert "kasir_" not in out


def test_names_and_terminal_ids_are_unique(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "relay.db")
    assert run(capsys, "add-terminal", "T1", "--db", db)[0] == 0

    code, _, err = run(capsys, "add-terminal", "T1", "--db", db)
    assert code == 1 and "exists already" in err and "rotate-token T1" in err


def test_list_and_revoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "relay.db")
    run(capsys, "add-terminal", "till-a", "--db", db)
    token = run(capsys, "add-terminal", "till-b", "--db", db)[1].splitlines()[-1]

    assert run(capsys, "revoke", "till-b", "--db", db)[0] == 0
    code, out, _ = run(capsys, "list-terminals", "--db", db)
    code_again, _, err = run(capsys, "revoke", "till-b", "--db", db)

    lines = out.splitlines()
    assert code == 0 and "till-a" in lines[0] and "active" in lines[0]
    assert "terminal id till-a" in lines[0]
    assert "till-b" in lines[1] and "revoked" in lines[1]
    assert token not in out
    assert auth.authenticate(schema.connect(db), token) is None
    assert code_again == 1 and "no active terminal named 'till-b'" in err


def test_a_new_token_replaces_the_old_one_at_once_and_keeps_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "relay.db")
    old = run(capsys, "add-terminal", "T1", "--db", db)[1].splitlines()[-1]
    run(capsys, "revoke", "T1", "--db", db)

    code, out, _ = run(capsys, "rotate-token", "T1", "--db", db)

    new = out.splitlines()[-1]
    conn = schema.connect(db)
    assert code == 0 and new.startswith("kasir_") and new != old
    assert auth.authenticate(conn, old) is None
    terminal = auth.authenticate(conn, new)
    assert terminal is not None and (terminal.name, terminal.till_id) == ("T1", "T1")
    assert [t.name for t in storage.list_terminals(conn)] == ["T1"]  # the same one, active
    assert run(capsys, "rotate-token", "T9", "--db", db)[:1] == (1,)


def test_a_terminal_added_before_terminal_ids_is_given_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "relay.db"
    conn = schema.connect(db)
    auth.create_terminal(conn, "Toko Sari till 1")  # as every terminal was added before
    conn.close()
    run(capsys, "add-terminal", "T2", "--db", str(db))

    assert "terminal id not known yet" in run(capsys, "list-terminals", "--db", str(db))[1]
    taken = run(capsys, "set-terminal-id", "Toko Sari till 1", "T2", "--db", str(db))
    wrong = run(capsys, "set-terminal-id", "Toko Sari till 1", "T 1", "--db", str(db))
    nobody = run(capsys, "set-terminal-id", "till 9", "T9", "--db", str(db))
    code, out, _ = run(capsys, "set-terminal-id", "Toko Sari till 1", "T1", "--db", str(db))

    assert taken[0] == 1 and "terminal 'T2' has or had the terminal id 'T2'" in taken[2]
    assert wrong[0] == 1 and "not a terminal id" in wrong[2]
    assert nobody[0] == 1 and "no active terminal named 'till 9'" in nobody[2]
    assert code == 0 and "KSR-T1-" in out
    listing = run(capsys, "list-terminals", "--db", str(db))[1]
    assert "Toko Sari till 1  terminal id T1" in listing


def test_commands_that_read_a_database_refuse_a_missing_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nothing-here.db")
    for command in ("orphans", "list-terminals", "status"):
        code, _, err = run(capsys, command, "--db", missing)
        assert code == 1 and "no relay database" in err
    assert not Path(missing).exists()


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["orphans"],
        ["list-terminals"],
        ["add-terminal", "T2"],
        ["revoke", "T1"],
        ["export", "--date", "2024-05-01", "--out", "day.csv"],
        ["serve", "--doku-client-id", "BRN-1", "--doku-secret-key", "k", "--port", "0"],
    ],
)
def test_a_database_a_newer_relay_wrote_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """A relay package rolled back over a newer relay's database."""
    db = tmp_path / "relay.db"
    run(capsys, "add-terminal", "T1", "--db", str(db))
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")

    code, _, err = run(capsys, *command, "--db", str(db))

    assert code == 1
    assert err == (
        f"pos-app relay {command[0]}: the database {db} was written by a newer relay "
        f"(schema {schema.SCHEMA_VERSION + 1}; this relay reads up to schema "
        f"{schema.SCHEMA_VERSION}): run the newer relay on it\n"
    )


def test_serve_refuses_an_invalid_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "serve", "--db", str(tmp_path / "r.db"), "--port", "99999")
    assert code == 2
    assert "relay.port 99999" in err and "no provider is configured" in err


def epoch_of(db: Path) -> str:
    conn = schema.connect(db)
    try:
        return schema.read_epoch(conn)
    finally:
        conn.close()


def terminal_names(db: Path) -> list[str]:
    conn = schema.connect(db)
    try:
        return [t.name for t in storage.list_terminals(conn)]
    finally:
        conn.close()


def test_backup_and_restore_give_new_epochs_and_keep_the_replaced_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, saved = tmp_path / "relay.db", tmp_path / "backup.db"
    run(capsys, "add-terminal", "till-a", "--db", str(db))
    live = epoch_of(db)
    assert run(capsys, "backup", str(saved), "--db", str(db))[0] == 0
    run(capsys, "add-terminal", "till-b", "--db", str(db))  # after the backup

    code, out, _ = run(capsys, "restore", str(saved), "--db", str(db))

    restored = epoch_of(db)
    kept = [path for path in tmp_path.iterdir() if path.name.startswith("relay.db.replaced-")]
    assert code == 0 and "1 terminal(s)" in out and restored in out
    assert terminal_names(db) == ["till-a"]
    assert len({live, epoch_of(saved), restored}) == 3
    assert len(kept) == 1 and terminal_names(kept[0]) == ["till-a", "till-b"]
    assert str(kept[0]) in out
    assert saved.stat().st_mode & 0o077 == 0  # token hashes and payments: owner only
    assert {path.name for path in tmp_path.iterdir()} == {"relay.db", "backup.db", kept[0].name}

    assert run(capsys, "restore", str(saved), "--db", str(db))[0] == 0
    assert epoch_of(db) != restored  # the same backup twice: again a new epoch


def killed_after_a_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """A relay database backed up with till-a, then till-b added by a relay killed before it
    folded its WAL in: the database and the backup."""
    db, saved = tmp_path / "relay.db", tmp_path / "backup.db"
    run(capsys, "add-terminal", "till-a", "--db", str(db))
    run(capsys, "backup", str(saved), "--db", str(db))
    killed = (
        "import os, sys\n"
        "from pos_app.relay import auth, schema\n"
        "auth.create_terminal(schema.connect(sys.argv[1]), 'till-b')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", killed, str(db)], check=True)
    assert Path(f"{db}-wal").exists()
    return db, saved


def test_restore_keeps_what_a_killed_relay_left_in_its_wal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, saved = killed_after_a_backup(tmp_path, capsys)

    assert run(capsys, "restore", str(saved), "--db", str(db))[0] == 0

    kept = next(tmp_path.glob("relay.db.replaced-*"))
    assert terminal_names(kept) == ["till-a", "till-b"]
    assert terminal_names(db) == ["till-a"]


def test_restore_moves_aside_the_wal_of_a_database_moved_away_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The relay died, and the operator moved its database aside before restoring: its WAL,
    left behind, would be replayed into the restored file (what the backup never had, and the
    old epoch again, so the tills would not read everything again)."""
    db, saved = killed_after_a_backup(tmp_path, capsys)
    os.replace(db, tmp_path / "relay.db.broken")

    code, out, _ = run(capsys, "restore", str(saved), "--db", str(db))

    assert code == 0 and epoch_of(db) in out
    assert terminal_names(db) == ["till-a"]
    assert next(tmp_path.glob("relay.db.replaced-*-wal")).stat().st_size > 0


def test_restore_refuses_a_database_in_use_and_what_is_no_relay_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, saved = tmp_path / "relay.db", tmp_path / "backup.db"
    run(capsys, "add-terminal", "till", "--db", str(db))
    run(capsys, "backup", str(saved), "--db", str(db))
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE terminals (id)").connection.close()
    copied_in_use = tmp_path / "copied.db"
    copied_in_use.write_bytes(saved.read_bytes())
    Path(f"{copied_in_use}-wal").write_bytes(b"")
    live = epoch_of(db)

    serving = schema.connect(db)  # as the running relay has it open
    try:
        refusals = {
            "in use": run(capsys, "restore", str(saved), "--db", str(db)),
        }
    finally:
        serving.close()
    refusals |= {
        "no backup at": run(capsys, "restore", str(tmp_path / "missing.db"), "--db", str(db)),
        "not a relay database": run(capsys, "restore", str(text), "--db", str(db)),
        "no deliveries, events, meta, payments table": run(
            capsys, "restore", str(other), "--db", str(db)
        ),
        "the relay database itself": run(capsys, "restore", str(db), "--db", str(db)),
        "copied while in use": run(capsys, "restore", str(copied_in_use), "--db", str(db)),
    }

    for reason, (code, _, err) in refusals.items():
        assert code == 1 and reason in err, (reason, err)
    assert epoch_of(db) == live
    assert {path.name for path in tmp_path.iterdir()} == {
        "relay.db",
        "backup.db",
        "notes.txt",
        "other.db",
        "copied.db",
        "copied.db-wal",
    }


def test_restore_replaces_a_damaged_database_and_keeps_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, saved = tmp_path / "relay.db", tmp_path / "backup.db"
    run(capsys, "add-terminal", "till", "--db", str(db))
    run(capsys, "backup", str(saved), "--db", str(db))
    db.write_bytes(b"\x00" * 4096)  # the disk went bad

    assert run(capsys, "restore", str(saved), "--db", str(db))[0] == 0

    assert terminal_names(db) == ["till"]
    assert next(tmp_path.glob("relay.db.replaced-*")).read_bytes() == b"\x00" * 4096


def test_backup_refuses_to_overwrite_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, saved = tmp_path / "relay.db", tmp_path / "backup.db"
    run(capsys, "add-terminal", "till", "--db", str(db))
    saved.write_text("yesterday's backup")

    code, _, err = run(capsys, "backup", str(saved), "--db", str(db))

    assert code == 1 and "exists already" in err
    assert saved.read_text() == "yesterday's backup"
