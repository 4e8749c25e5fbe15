"""Closed shop days: one row per business date, written once, audited in the same transaction.

``detail`` keeps the whole Z report as it stood at the close, so a reprint shows what the manager
signed off even if a late correction changes the day's sales afterwards.

The close's moment (:func:`close_moment`) is never before money the day's report counts: a clock
set back after a fast one would otherwise close the day before it, and the moments the close
places on the next day (``store/open_day.py``) would move that money into the next day's files.
"""

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_
from pos_app.store.audit import AuditLog
from pos_app.store.database import TICK, parse_utc, to_json, transaction, utc_text
from pos_app.store.errors import StoreError
from pos_app.store.open_day import OpenDays


@dataclass(frozen=True, slots=True)
class DayClose:
    business_date: date
    closed_at: datetime
    closed_by: str
    sales_count: int
    total: int
    """The day's net takings: sales less refunds paid that day."""
    cash_total: int
    qr_total: int
    counted_cash: int | None
    detail: Mapping[str, Any] = field(default_factory=dict)


_COLUMNS = (
    "business_date, closed_at, closed_by, sales_count, total, cash_total, qr_total, counted_cash, "
    "detail"
)


_LAST_MONEY = """
SELECT max(at) FROM (
    SELECT max(created_at) AS at FROM payment_events
    WHERE attempt_id IS NOT NULL AND outcome = 'applied' AND created_at >= ?1 AND created_at < ?2
    UNION ALL
    SELECT max(recorded_at) FROM provider_refunds WHERE recorded_at >= ?1 AND recorded_at < ?2
    UNION ALL
    SELECT max(max(created_at, coalesce(completed_at, created_at))) FROM sales
    WHERE business_date = ?3
    UNION ALL
    SELECT max(max(created_at, coalesce(completed_at, created_at))) FROM refunds
    WHERE business_date = ?3
    UNION ALL
    SELECT max(created_at) FROM returns WHERE business_date = ?3
)
"""
"""The latest moment of the money placed on a day: payment events and provider refunds by their
moment (?1 to ?2), sales, refunds and returns by their business day (?3)."""


def close_moment(db: Database, day: BusinessDay, business_date: date, now: datetime) -> datetime:
    """``now``, or just after the latest money on ``business_date`` if the clock reads earlier
    (it went back after a fast spell): the report built at the close counts that money, so the
    close must come after its moments, or they would be placed on the next day as well."""
    start, end = OpenDays.read(db, day).window(business_date, business_date)
    last = db.execute(
        _LAST_MONEY, [utc_text(start), utc_text(end), business_date.isoformat()]
    ).fetchone()[0]
    return now if last is None else max(now, parse_utc(last) + TICK)


class DayCloses:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, close: DayClose, audit: Mapping[str, Any]) -> DayClose:
        """Store the close and its audit entry together; a day is closed at most once."""
        if not close.closed_by.strip():
            raise ValidationError(N_("closing a day needs the manager's name"))
        try:
            detail = to_json(dict(close.detail))
        except (TypeError, ValueError):
            raise ValidationError("a day close's detail must be plain JSON values") from None
        with transaction(self._db) as conn:
            try:
                conn.execute(
                    f"INSERT INTO day_closes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        close.business_date.isoformat(),
                        utc_text(close.closed_at),
                        close.closed_by,
                        close.sales_count,
                        close.total,
                        close.cash_total,
                        close.qr_total,
                        close.counted_cash,
                        detail,
                    ],
                )
            except sqlite3.IntegrityError:
                earlier = self.get(close.business_date)
                if earlier is None:
                    raise StoreError(
                        N_("business day {day} is already closed"),
                        day=close.business_date.isoformat(),
                    ) from None
                raise StoreError(
                    N_("business day {day} is already closed by {manager} at {at}"),
                    day=close.business_date.isoformat(),
                    manager=earlier.closed_by,
                    at=utc_text(earlier.closed_at),
                ) from None
            AuditLog(self._db).record(close.closed_by, "day.close", audit, now=close.closed_at)
        found = self.get(close.business_date)
        assert found is not None
        return found

    def get(self, business_date: date) -> DayClose | None:
        found = self._closes("WHERE business_date = ?", business_date.isoformat())
        return found[0] if found else None

    def recent(self, limit: int = 60) -> list[DayClose]:
        """The latest closed days first."""
        return self._closes("ORDER BY business_date DESC LIMIT ?", limit)

    def _closes(self, where: str, *params: object) -> list[DayClose]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM day_closes {where}", list(params)
        ).fetchall()
        return [
            DayClose(
                business_date=date.fromisoformat(row[0]),
                closed_at=parse_utc(row[1]),
                closed_by=row[2],
                sales_count=row[3],
                total=row[4],
                cash_total=row[5],
                qr_total=row[6],
                counted_cash=row[7],
                detail=json.loads(row[8]),
            )
            for row in rows
        ]
