"""Cashiers and managers, signing in with a PIN.

PINs are 4-8 digits, stored only as ``hashlib.scrypt`` hashes with a random 16-byte salt per user,
and the scrypt parameters beside them so they can be raised later without breaking old users.
:data:`DEFAULT_SCRYPT` (n=2**14, r=8, p=1, 16 MiB) takes about 43 ms per PIN on the 2-core build
machine. A PIN space is small, so the real defence is the lock-out: after :data:`LOCK_AFTER` wrong
PINs in a row sign-in is refused for 30 s, doubling with every further round, at most 15 min.

A cashier terminal signs in by PIN alone, so PINs are unique among active users and a sign-in
tries the PIN against each active user (one scrypt per user: run it off the GUI thread). That
sign-in has one lock-out for the terminal, whose wrong PINs are forgotten only
:data:`FAILURES_FORGOTTEN` after the last one, not by a right one: else a cashier could guess
four PINs, sign in as herself, and guess again, never locked. A sign-in by name and PIN locks
that user only (an unknown name counts against the terminal), and the user's right PIN clears it.
"""

import hashlib
import hmac
import json
import re
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlite_utils import Database

from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_
from pos_app.store.database import (
    optional_utc,
    read_meta,
    to_json,
    transaction,
    utc_text,
    write_meta,
)
from pos_app.store.errors import NotFound, SignInLocked

LOCK_AFTER = 5
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(minutes=15)
FAILURES_FORGOTTEN = timedelta(hours=1)
MAX_NAME_LENGTH = 60

_PIN = re.compile(r"^[0-9]{4,8}$")
_TERMINAL_LOCK = "signin_lock"


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"


@dataclass(frozen=True, slots=True)
class ScryptParams:
    n: int = 2**14
    r: int = 8
    p: int = 1

    def encode(self) -> str:
        return f"scrypt:n={self.n},r={self.r},p={self.p}"

    @classmethod
    def decode(cls, text: str) -> "ScryptParams":
        fields = dict(item.split("=") for item in text.removeprefix("scrypt:").split(","))
        return cls(n=int(fields["n"]), r=int(fields["r"]), p=int(fields["p"]))

    def derive(self, pin: str, salt: bytes) -> bytes:
        memory = 128 * self.r * self.n * self.p
        return hashlib.scrypt(
            pin.encode(), salt=salt, n=self.n, r=self.r, p=self.p, maxmem=2 * memory, dklen=32
        )


DEFAULT_SCRYPT = ScryptParams()


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: Role
    active: bool


class Users:
    def __init__(self, db: Database, kdf: ScryptParams = DEFAULT_SCRYPT) -> None:
        self._db = db
        self._kdf = kdf

    def add_user(
        self, name: str, role: Role | str, pin: str, *, now: datetime | None = None
    ) -> User:
        name = _check_name(name)
        try:
            role = Role(role)
        except ValueError:
            raise ValidationError(
                N_("role: expected cashier or manager, got {role}"), role=repr(role)
            ) from None
        _check_pin(pin)
        self._refuse_taken_pin(pin)
        salt = secrets.token_bytes(16)
        try:
            with transaction(self._db) as conn:
                user_id = conn.execute(
                    "INSERT INTO users (name, role, pin_hash, salt, pin_params, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        name,
                        role.value,
                        self._kdf.derive(pin, salt),
                        salt,
                        self._kdf.encode(),
                        utc_text(now or datetime.now(UTC)),
                    ],
                ).lastrowid
        except sqlite3.IntegrityError:
            raise ValidationError(
                N_("a user named {name} already exists"), name=repr(name)
            ) from None
        assert user_id is not None
        return self.get(user_id)

    def verify_pin(
        self, pin: str, *, name: str | None = None, now: datetime | None = None
    ) -> User | None:
        """The active user with this PIN (and name, if given), or None; SignInLocked when locked.

        While locked the PIN is not even checked, so guessing cannot go on in the background.
        """
        moment = now or datetime.now(UTC)
        holder = self._lock_holder(name)
        _refuse_if_locked(self._lock_state(holder)[1], moment)
        user = self._match(pin, name) if _PIN.match(pin) else None
        with transaction(self._db) as conn:
            failures, _, last = self._lock_state(holder)
            cleared = holder is not None and user is not None  # the user's own right PIN
            if cleared or (last is not None and moment - last > FAILURES_FORGOTTEN):
                failures = 0
            lock = None
            if not user:
                failures, last = failures + 1, moment
                lock = _lock_for(failures, moment)
            self._save_lock_state(conn, holder, failures, lock, last)
        return user

    def reset_pin(self, user_id: int, pin: str) -> None:
        """A new PIN (unique among the other active users), and a clean lock-out record."""
        self.get(user_id)
        _check_pin(pin)
        self._refuse_taken_pin(pin, except_id=user_id)
        salt = secrets.token_bytes(16)
        with transaction(self._db) as conn:
            conn.execute(
                "UPDATE users SET pin_hash = ?, salt = ?, pin_params = ?, failed_attempts = 0, "
                "locked_until = NULL WHERE id = ?",
                [self._kdf.derive(pin, salt), salt, self._kdf.encode(), user_id],
            )

    def deactivate(self, user_id: int) -> None:
        self.get(user_id)
        with transaction(self._db) as conn:
            conn.execute("UPDATE users SET active = 0 WHERE id = ?", [user_id])

    def get(self, user_id: int) -> User:
        found = self._users("WHERE id = ?", user_id)
        if not found:
            raise NotFound(N_("user {user} does not exist"), user=user_id)
        return found[0]

    def list_users(self) -> list[User]:
        return self._users("ORDER BY active DESC, name")

    def _match(self, pin: str, name: str | None) -> User | None:
        """Try every candidate, not stopping at a match, so the time taken tells nothing."""
        where = "WHERE active = 1" + (" AND name = ?" if name is not None else "")
        rows = self._db.execute(
            f"SELECT id, pin_hash, salt, pin_params FROM users {where}",
            [] if name is None else [name],
        ).fetchall()
        matched = None
        for user_id, pin_hash, salt, params in rows:
            if hmac.compare_digest(ScryptParams.decode(params).derive(pin, salt), pin_hash):
                matched = user_id
        return None if matched is None else self.get(matched)

    def _lock_holder(self, name: str | None) -> int | None:
        """Whose failures count: the named active user, else the terminal (None)."""
        if name is None:
            return None
        row = self._db.execute(
            "SELECT id FROM users WHERE name = ? AND active = 1", [name]
        ).fetchone()
        return row[0] if row else None

    def _lock_state(self, holder: int | None) -> tuple[int, datetime | None, datetime | None]:
        """Wrong PINs counted, locked until when, and when the last was (the terminal's)."""
        if holder is None:
            state = json.loads(read_meta(self._db, _TERMINAL_LOCK) or "{}")
            return (
                state.get("failures", 0),
                optional_utc(state.get("locked_until")),
                optional_utc(state.get("last_failure")),
            )
        failures, locked_until = self._db.execute(
            "SELECT failed_attempts, locked_until FROM users WHERE id = ?", [holder]
        ).fetchone()
        return failures, optional_utc(locked_until), None

    def _save_lock_state(
        self,
        conn: sqlite3.Connection,
        holder: int | None,
        failures: int,
        locked_until: datetime | None,
        last_failure: datetime | None,
    ) -> None:
        until = utc_text(locked_until) if locked_until else None
        if holder is None:
            last = utc_text(last_failure) if last_failure else None
            state = {"failures": failures, "locked_until": until, "last_failure": last}
            write_meta(conn, _TERMINAL_LOCK, to_json(state))
        else:
            conn.execute(
                "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                [failures, until, holder],
            )

    def _refuse_taken_pin(self, pin: str, except_id: int | None = None) -> None:
        holder = self._match(pin, None)
        if holder is not None and holder.id != except_id:
            raise ValidationError(N_("that PIN is already in use; choose another one"))

    def _users(self, where: str, *params: object) -> list[User]:
        rows = self._db.execute(
            f"SELECT id, name, role, active FROM users {where}", list(params)
        ).fetchall()
        return [User(row[0], row[1], Role(row[2]), bool(row[3])) for row in rows]


def _lock_for(failures: int, now: datetime) -> datetime | None:
    """Until when sign-in is refused after ``failures`` wrong PINs in a row; None: not locked."""
    if failures < LOCK_AFTER or failures % LOCK_AFTER:
        return None
    rounds = min(failures // LOCK_AFTER - 1, 8)
    return now + min(FIRST_LOCK * (1 << rounds), LONGEST_LOCK)  # doubled each round


def _refuse_if_locked(locked_until: datetime | None, now: datetime) -> None:
    if locked_until is not None and now < locked_until:
        seconds = int((locked_until - now).total_seconds() + 0.999)
        raise SignInLocked(
            N_("too many wrong PINs; try again in {seconds} seconds"),
            until=locked_until,
            seconds=seconds,
        )


def _check_pin(pin: str) -> None:
    if not isinstance(pin, str) or not _PIN.match(pin):
        raise ValidationError(N_("a PIN is 4 to 8 digits"))


def _check_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= MAX_NAME_LENGTH:
        raise ValidationError(N_("a user's name is 1 to {most} characters"), most=MAX_NAME_LENGTH)
    return name
