"""Who did what and when: sign-ins, cancellations, settings and user changes, day closes.

Never put a PIN or a secret in ``detail``; it is shown to managers and kept for good.

Record an entry inside the transaction of the change it describes (:meth:`AuditLog.record` joins a
caller's transaction as a savepoint): then the change and its entry are kept or undone together.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from pos_app.domain.errors import ValidationError
from pos_app.store.database import parse_utc, to_json, transaction, utc_text


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    detail: Mapping[str, Any] = field(default_factory=dict)


class AuditLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(
        self,
        actor: str,
        action: str,
        detail: Mapping[str, Any] | None = None,
        *,
        now: datetime | None = None,
    ) -> int:
        if not actor.strip() or not action.strip():
            raise ValidationError("an audit entry needs an actor and an action")
        try:
            body = to_json(dict(detail or {}))
        except (TypeError, ValueError):
            raise ValidationError(f"audit {action}: detail must be plain JSON values") from None
        with transaction(self._db) as conn:
            entry_id = conn.execute(
                "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                [utc_text(now or datetime.now(UTC)), actor, action, body],
            ).lastrowid
        assert entry_id is not None
        return entry_id

    def recent(self, limit: int = 100) -> list[AuditEntry]:
        """The newest entries first."""
        rows = self._db.execute(
            "SELECT id, at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?",
            [limit],
        ).fetchall()
        return [
            AuditEntry(row[0], parse_utc(row[1]), row[2], row[3], json.loads(row[4]))
            for row in rows
        ]
