"""The sandbox's orders and remembered answers in a SQLite file, for demo mode.

Demo mode keeps the file in its own folder, so a payment opened before the app was killed can
still be paid, asked about and notified after a restart. WAL with ``synchronous=NORMAL``: each
change is in the file when its commit returns, which a killed process cannot undo (only a power
cut could lose the last ones, and then the terminal's status checks say "not found" as for any
order the provider lost). Delivery attempts are a log for the tests and stay in memory.
"""

import json
import sqlite3
import threading
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from pos_app.sandbox.state import Line, Order, Outcome, StoredAnswer

_SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    provider TEXT NOT NULL, order_id TEXT NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (provider, order_id));
CREATE TABLE IF NOT EXISTS answers (
    client TEXT NOT NULL, request_id TEXT NOT NULL,
    body_digest TEXT NOT NULL, status_code INTEGER NOT NULL, body BLOB NOT NULL,
    PRIMARY KEY (client, request_id));
"""


class SavedState:
    """One file, written from the sandbox's event loop and read at start; thread-safe."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)

    def orders(self) -> list[Order]:
        with self._lock:
            rows = self._conn.execute("SELECT body FROM orders ORDER BY rowid").fetchall()
        return [_order(json.loads(row[0])) for row in rows]

    def answers(self) -> dict[tuple[str, str], StoredAnswer]:
        """The first answer to each (client, request id), replayed to a repeated request."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT client, request_id, body_digest, status_code, body FROM answers"
            ).fetchall()
        return {(row[0], row[1]): StoredAnswer(row[2], row[3], bytes(row[4])) for row in rows}

    def save_order(self, order: Order) -> None:
        """Insert or replace the order as it is now (a new one, or one just settled)."""
        body = json.dumps(_fields(order), default=_json_value)
        with self._lock:
            self._conn.execute(
                "INSERT INTO orders (provider, order_id, body) VALUES (?, ?, ?) "
                "ON CONFLICT (provider, order_id) DO UPDATE SET body = excluded.body",
                [order.provider, order.order_id, body],
            )

    def save_answer(self, key: tuple[str, str], answer: StoredAnswer) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT OR IGNORE INTO answers VALUES (?, ?, ?, ?, ?)",
                [*key, answer.body_digest, answer.status_code, answer.body],
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _fields(order: Order) -> dict[str, Any]:
    fields = asdict(order)
    fields["outcome"] = order.outcome.value
    return fields


def _json_value(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot save {type(value).__name__} in the sandbox's state")


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _order(fields: dict[str, Any]) -> Order:
    return Order(
        provider=fields["provider"],
        kind=fields["kind"],
        order_id=fields["order_id"],
        amount=fields["amount"],
        rupiah_text=fields["rupiah_text"],
        session_id=fields["session_id"],
        created_at=datetime.fromisoformat(fields["created_at"]),
        provider_status=fields["provider_status"],
        lines=tuple(Line(**line) for line in fields["lines"]),
        expires_at=_moment(fields["expires_at"]),
        outcome=Outcome(fields["outcome"]),
        settled_at=_moment(fields["settled_at"]),
        details=fields["details"],
    )
