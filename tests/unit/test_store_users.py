import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.domain.errors import ValidationError
from pos_app.store.database import open_database
from pos_app.store.errors import NotFound, SignInLocked
from pos_app.store.users import (
    DEFAULT_SCRYPT,
    FAILURES_FORGOTTEN,
    LOCK_AFTER,
    Role,
    ScryptParams,
    Users,
)

FAST = ScryptParams(n=16, r=1, p=1)
"""Cheap parameters so the tests stay fast; the stored parameters travel with each hash."""
NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


@pytest.fixture
def users(db: Database) -> Users:
    repository = Users(db, FAST)
    repository.add_user("Sari", Role.CASHIER, "4821", now=NOW)
    repository.add_user("Budi", Role.MANAGER, "90210777", now=NOW)
    return repository


def fail(users: Users, times: int, now: datetime, name: str | None = None) -> None:
    for _ in range(times):
        assert users.verify_pin("0000", name=name, now=now) is None


def test_a_pin_signs_its_user_in(users: Users) -> None:
    sari = users.verify_pin("4821", now=NOW)
    assert sari is not None and (sari.name, sari.role) == ("Sari", Role.CASHIER)
    budi = users.verify_pin("90210777", name="budi", now=NOW)
    assert budi is not None and budi.role is Role.MANAGER
    assert users.verify_pin("4822", now=NOW) is None
    assert users.verify_pin("4821", name="Budi", now=NOW) is None
    assert users.verify_pin("48x1", now=NOW) is None


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", " 1234", "١٢٣٤"])
def test_pins_are_four_to_eight_digits(users: Users, pin: str) -> None:
    with pytest.raises(ValidationError) as caught:
        users.add_user("Rina", "cashier", pin)
    assert str(caught.value) == "a PIN is 4 to 8 digits"  # and never the PIN itself


def test_pins_are_unique_among_active_users(users: Users) -> None:
    with pytest.raises(ValidationError, match="already in use"):
        users.add_user("Rina", Role.CASHIER, "4821")
    sari = users.verify_pin("4821", now=NOW)
    assert sari is not None
    users.deactivate(sari.id)
    assert users.verify_pin("4821", now=NOW) is None
    rina = users.add_user("Rina", Role.CASHIER, "4821")
    assert users.verify_pin("4821", now=NOW) == rina


def test_names_are_unique_and_roles_known(users: Users) -> None:
    with pytest.raises(ValidationError, match="'sari' already exists"):
        users.add_user("sari", Role.CASHIER, "1111")
    with pytest.raises(ValidationError, match="role"):
        users.add_user("Ani", "owner", "1111")
    assert [user.name for user in users.list_users()] == ["Budi", "Sari"]


def test_the_pin_is_stored_only_as_a_salted_hash(users: Users, db: Database) -> None:
    rows = db.execute("SELECT pin_hash, salt, pin_params FROM users").fetchall()
    assert all(params == "scrypt:n=16,r=1,p=1" for _, _, params in rows)
    assert rows[0][1] != rows[1][1]
    # Hashes and salts are stored as hex or blobs: take them out, or a random one can hold "4821".
    dump = re.sub(r"X?'[0-9A-Fa-f]{16,}'", "''", "\n".join(db.conn.iterdump()))
    assert "4821" not in dump and "90210777" not in dump


def test_default_parameters_are_the_documented_ones(db: Database) -> None:
    assert ScryptParams(n=2**14, r=8, p=1) == DEFAULT_SCRYPT
    users = Users(db)
    users.add_user("Ani", Role.CASHIER, "5555")
    assert db.execute("SELECT pin_params FROM users").fetchone()[0] == "scrypt:n=16384,r=8,p=1"
    assert Users(db, FAST).verify_pin("5555", now=NOW) is not None  # old hashes keep working


def test_repeated_wrong_pins_lock_the_terminal_for_longer_each_time(users: Users) -> None:
    fail(users, LOCK_AFTER, NOW)
    with pytest.raises(SignInLocked, match="try again in 30 seconds") as caught:
        users.verify_pin("4821", now=NOW)  # even the right PIN
    assert caught.value.until == NOW + timedelta(seconds=30)

    later = NOW + timedelta(seconds=30)
    fail(users, LOCK_AFTER, later)
    with pytest.raises(SignInLocked, match="60 seconds"):
        users.verify_pin("4821", now=later)

    much_later = later + timedelta(seconds=60)
    assert users.verify_pin("4821", now=much_later) is not None
    fail(users, LOCK_AFTER - 1, much_later)
    assert users.verify_pin("4821", now=much_later) is not None  # a cashier's own PIN between
    fail(users, 1, much_later)  # does not clear the count: guessing on would never lock
    with pytest.raises(SignInLocked, match="120 seconds"):
        users.verify_pin("4821", now=much_later)

    an_hour_on = much_later + FAILURES_FORGOTTEN + timedelta(seconds=1)
    fail(users, LOCK_AFTER - 1, an_hour_on)  # forgotten an hour after the last wrong PIN
    assert users.verify_pin("4821", now=an_hour_on) is not None


def test_a_named_sign_in_locks_only_that_user(users: Users) -> None:
    fail(users, LOCK_AFTER, NOW, name="Budi")
    with pytest.raises(SignInLocked):
        users.verify_pin("90210777", name="Budi", now=NOW)
    assert users.verify_pin("4821", name="Sari", now=NOW) is not None
    assert users.verify_pin("4821", now=NOW) is not None


def test_reset_pin_replaces_the_pin_and_clears_the_lock(users: Users) -> None:
    budi = users.verify_pin("90210777", now=NOW)
    assert budi is not None
    fail(users, LOCK_AFTER, NOW, name="Budi")
    with pytest.raises(ValidationError, match="already in use"):
        users.reset_pin(budi.id, "4821")
    users.reset_pin(budi.id, "7777")
    assert users.verify_pin("7777", name="Budi", now=NOW) == budi
    assert users.verify_pin("90210777", now=NOW) is None
    with pytest.raises(NotFound):
        users.reset_pin(999, "1234")
