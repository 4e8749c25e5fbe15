"""Baskets put on hold (F6) while the cashier serves the next customer, recalled later."""

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.errors import ValidationError
from pos_app.store.database import parse_utc, to_json, transaction, utc_text
from pos_app.store.errors import NotFound


@dataclass(frozen=True, slots=True)
class HeldBasket:
    id: int
    cashier: str
    created_at: datetime
    lines: tuple[LineItem, ...]

    @property
    def total(self) -> int:
        return sum(line.line_total for line in self.lines)


class HeldBaskets:
    def __init__(self, db: Database) -> None:
        self._db = db

    def hold(self, lines: Sequence[LineItem], cashier: str, now: datetime) -> int:
        if not lines:
            raise ValidationError("an empty basket cannot be put on hold")
        with transaction(self._db) as conn:
            held_id = conn.execute(
                "INSERT INTO held_baskets (lines, cashier, created_at) VALUES (?, ?, ?)",
                [to_json([asdict(line) for line in lines]), cashier, utc_text(now)],
            ).lastrowid
        assert held_id is not None
        return held_id

    def recall(self, held_id: int) -> list[LineItem]:
        """The held lines, as they were; the held basket is gone afterwards."""
        with transaction(self._db) as conn:
            row = conn.execute("SELECT lines FROM held_baskets WHERE id = ?", [held_id]).fetchone()
            if row is None:
                raise NotFound(f"held basket {held_id} does not exist (already recalled?)")
            conn.execute("DELETE FROM held_baskets WHERE id = ?", [held_id])
        return _lines(row[0])

    def list_held(self) -> list[HeldBasket]:
        """Oldest first, the order customers are usually served back in."""
        rows = self._db.execute(
            "SELECT id, cashier, created_at, lines FROM held_baskets ORDER BY id"
        ).fetchall()
        return [
            HeldBasket(row[0], row[1], parse_utc(row[2]), tuple(_lines(row[3]))) for row in rows
        ]


def _lines(text: str) -> list[LineItem]:
    return [LineItem(**line) for line in json.loads(text)]
