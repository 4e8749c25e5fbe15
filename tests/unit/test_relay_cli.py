"""``pos-app relay`` administration: terminal tokens, listing, revoking, orphans."""

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.relay import auth, cli, storage


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_terminal_prints_the_token_once_as_the_last_line_and_stores_only_its_hash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "relay.db"

    code, out, _ = run(capsys, "add-terminal", "Toko Sari till 1", "--db", str(db))

    token = out.rstrip("\n").splitlines()[-1]
    assert code == 0 and token.startswith("kasir_") and len(token) > 40
    conn = storage.connect(db)
    assert auth.authenticate(conn, token).name == "Toko Sari till 1"
    stored = conn.execute("SELECT token_hash FROM terminals").fetchone()[0]
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    conn.close()
    on_disk = b"".join(path.read_bytes() for path in tmp_path.iterdir())
    assert token.encode() not in on_disk


def test_the_token_is_the_last_line_when_run_as_a_command(tmp_path: Path) -> None:
    db = tmp_path / "relay.db"
    done = subprocess.run(
        [sys.executable, "-m", "pos_app", "relay", "add-terminal", "till", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    token = done.stdout.splitlines()[-1]
    assert auth.authenticate(storage.connect(db), token) is not None


def test_names_are_unique_and_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "relay.db")
    assert run(capsys, "add-terminal", "till", "--db", db)[0] == 0

    code, _, err = run(capsys, "add-terminal", "till", "--db", db)
    assert code == 1 and "exists already" in err
    code, _, err = run(capsys, "add-terminal", "  ", "--db", db)
    assert code == 1 and "empty" in err


def test_list_and_revoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "relay.db")
    run(capsys, "add-terminal", "till-a", "--db", db)
    token = run(capsys, "add-terminal", "till-b", "--db", db)[1].splitlines()[-1]

    assert run(capsys, "revoke", "till-b", "--db", db)[0] == 0
    code, out, _ = run(capsys, "list-terminals", "--db", db)
    code_again, _, err = run(capsys, "revoke", "till-b", "--db", db)

    lines = out.splitlines()
    assert code == 0 and "till-a" in lines[0] and "active" in lines[0]
    assert "till-b" in lines[1] and "revoked" in lines[1]
    assert token not in out
    assert auth.authenticate(storage.connect(db), token) is None
    assert code_again == 1 and "no active terminal named 'till-b'" in err


def test_commands_that_read_a_database_refuse_a_missing_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nothing-here.db")
    for command in ("orphans", "list-terminals"):
        code, _, err = run(capsys, command, "--db", missing)
        assert code == 1 and "no relay database" in err
    assert not Path(missing).exists()


def test_serve_refuses_an_invalid_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "serve", "--db", str(tmp_path / "r.db"), "--port", "99999")
    assert code == 2
    assert "relay.port 99999" in err and "no provider is configured" in err
