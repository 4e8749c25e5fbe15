from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.domain.errors import ValidationError
from pos_app.store.audit import AuditLog
from pos_app.store.database import open_database

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def test_entries_are_kept_newest_first(db: Database) -> None:
    log = AuditLog(db)
    log.record("Budi", "user.add", {"name": "Sari", "role": "cashier"}, now=NOW)
    log.record("Sari", "sale.cancel", {"sale_id": 7}, now=NOW + timedelta(minutes=1))
    entries = log.recent()
    assert [(e.actor, e.action, e.detail) for e in entries] == [
        ("Sari", "sale.cancel", {"sale_id": 7}),
        ("Budi", "user.add", {"name": "Sari", "role": "cashier"}),
    ]
    assert entries[0].at == NOW + timedelta(minutes=1)
    assert len(log.recent(limit=1)) == 1


def test_an_entry_needs_an_actor_an_action_and_json_detail(db: Database) -> None:
    log = AuditLog(db)
    with pytest.raises(ValidationError, match="actor and an action"):
        log.record(" ", "x")
    with pytest.raises(ValidationError, match="plain JSON"):
        log.record("Budi", "x", {"when": NOW})
    assert log.recent() == []
