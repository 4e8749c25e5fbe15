"""Terminal tokens: random bearer secrets of which the relay keeps only a SHA-256 hash.

A token carries 256 random bits, so a plain SHA-256 is enough (nothing to brute-force, no salt
or slow hash needed). The database is looked up by the hash, which tells a timing observer
nothing about the token (that would need a pre-image); the final comparison is constant-time.
"""

import hashlib
import hmac
import secrets
import sqlite3
from pathlib import Path

from pos_app.relay import storage
from pos_app.relay.storage import Terminal

TOKEN_PREFIX = "kasir_"
MAX_NAME_LENGTH = 64


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer …`` header, or ``None``."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return token


def authenticate(conn: sqlite3.Connection, token: str | None) -> Terminal | None:
    """The active terminal this token belongs to, or ``None`` (unknown or revoked)."""
    if not token:
        return None
    presented = token_hash(token)
    found = storage.terminal_by_hash(conn, presented)
    if found is None:
        return None
    terminal, stored = found
    if not hmac.compare_digest(stored, presented) or terminal.revoked_at is not None:
        return None
    return terminal


def check_name(name: str) -> str:
    """A terminal name as typed by the operator; raises ``ValueError`` naming the rule broken."""
    name = name.strip()
    if not name:
        raise ValueError("the terminal name is empty")
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError(f"the terminal name is longer than {MAX_NAME_LENGTH} characters")
    if not name.isprintable():
        raise ValueError("the terminal name has control characters")
    return name


def create_terminal(conn: sqlite3.Connection, name: str) -> tuple[Terminal, str]:
    """Add a terminal and return it with its token, the only time the token exists in clear."""
    token = new_token()
    terminal = storage.add_terminal_row(conn, check_name(name), token_hash(token))
    return terminal, token


def add_terminal(db: Path | str, name: str) -> str:
    """Add a terminal to the relay database at ``db`` (for the CLI and demo mode): its token."""
    conn = storage.connect(db)
    try:
        return create_terminal(conn, name)[1]
    finally:
        conn.close()
