"""Terminal tokens, and which invoices a terminal may claim.

A token carries 256 random bits, so a plain SHA-256 is enough (nothing to brute-force, no salt
or slow hash needed). The database is looked up by the hash, which tells a timing observer
nothing about the token (that would need a pre-image); the final comparison is constant-time.

Each terminal is one till, named by the till's ``terminal_id``, which every invoice number and
payout id the till makes carries (``KSR-T1-20261121-000042``, ``RFD-T1-…``): a terminal may
register only those that carry its own id, so none can claim another's payment or orphan.
"""

import hashlib
import hmac
import re
import secrets
from pathlib import Path

from pos_app.relay import schema, storage
from pos_app.relay.engines import Connection
from pos_app.relay.storage import Terminal

TOKEN_PREFIX = "kasir_"
MAX_NAME_LENGTH = 64
_TILL_ID = r"[A-Za-z0-9][A-Za-z0-9-]{0,15}"
TERMINAL_ID = re.compile(_TILL_ID)
"""The till's ``terminal_id`` rule (pos_app.settings.terminal_config): 1-16 ASCII letters,
digits or '-', starting with a letter or digit. Used with ``fullmatch``."""
OWNED = (
    re.compile(rf"KSR-(?P<till>{_TILL_ID})-[0-9]{{8}}-[0-9]{{1,12}}"),
    re.compile(rf"RFD-(?P<till>{_TILL_ID})-[0-9A-Za-z]{{1,40}}"),
)
"""An invoice number (``KSR-{id}-{day}-{counter}``, pos_app.store.invoice_numbers) and a payout id
(``RFD-{id}-{random}``, pos_app.till.refund_payouts). Their tails hold no '-' where an id could
end, so the id they carry is never ambiguous (``KSR-A-B-…`` is terminal A-B's, never A's)."""


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


def authenticate(conn: Connection, token: str | None) -> Terminal | None:
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


def invoice_till_id(invoice_number: str) -> str | None:
    """The till id an invoice number or payout id carries; ``None`` if it is not a till's."""
    for pattern in OWNED:
        match = pattern.fullmatch(invoice_number)
        if match:
            return match["till"]
    return None


def check_terminal_id(name: str) -> str:
    """A terminal's name as the operator types it: the till's ``terminal_id``, or ValueError."""
    name = name.strip()
    if not TERMINAL_ID.fullmatch(name):
        raise ValueError(
            f"{name!r} is not a terminal id: give the till's terminal_id (its settings), "
            "1-16 letters, digits or '-', starting with a letter or digit"
        )
    return name


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


def check_shop(shop: str) -> str:
    """A shop's name as typed by the operator; raises ``ValueError`` naming the rule broken."""
    shop = shop.strip()
    if not shop or len(shop) > MAX_NAME_LENGTH or not shop.isprintable():
        raise ValueError(f"the shop is not 1 to {MAX_NAME_LENGTH} printable characters")
    return shop


def create_terminal(
    conn: Connection, name: str, shop: str = storage.DEFAULT_SHOP
) -> tuple[Terminal, str]:
    """Add a terminal of ``shop`` and return it with its token, the only time the token exists
    in clear.

    A name that is a terminal id is the terminal's till id. Any other name (demo mode's made-up
    ones) leaves the till id to be learned from the terminal's first invoice.
    """
    name = check_name(name)
    token = new_token()
    till_id = name if TERMINAL_ID.fullmatch(name) else None
    terminal = storage.add_terminal_row(conn, name, token_hash(token), till_id, check_shop(shop))
    return terminal, token


def add_terminal(db: Path | str, name: str, shop: str = storage.DEFAULT_SHOP) -> str:
    """Add the terminal of the till whose ``terminal_id`` is ``name``, in ``shop``, to the relay
    database ``db`` (a SQLite file or a PostgreSQL URL; the CLI): its token."""
    till_id = check_terminal_id(name)
    with schema.writing(db) as conn:
        return create_terminal(conn, till_id, shop)[1]


def rotate_token(db: Path | str, name: str) -> str | None:
    """A new token for the terminal ``name`` (its old one is refused from now on, and a revoked
    terminal is active again); ``None`` when there is no such terminal."""
    token = new_token()
    with schema.writing(db) as conn:
        replaced = storage.replace_token(conn, name, token_hash(token))
    return token if replaced is not None else None
