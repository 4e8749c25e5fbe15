"""Status changes of sales and refunds: checked against their lifecycle, written with their history.

:func:`move` is the one door through which a sale's or a refund's status changes: it refuses a
move its :class:`~pos_app.domain.lifecycles.Lifecycle` does not allow (nothing is written), and
otherwise updates the row and appends the change to the row's history table in the caller's
transaction. History tables are append-only (triggers refuse updates and deletes).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from sqlite3 import Connection
from typing import Generic

from sqlite_utils import Database

from pos_app.domain.lifecycles import (
    REFUND_LIFECYCLE,
    SALE_LIFECYCLE,
    ChangeSource,
    Lifecycle,
    RefundStatus,
    SaleStatus,
    State,
)
from pos_app.domain.texts import N_
from pos_app.store.database import parse_utc, utc_text
from pos_app.store.errors import InvalidTransition


@dataclass(frozen=True, slots=True)
class Tracked(Generic[State]):
    """A table whose ``status`` column follows ``lifecycle``, and where its history goes."""

    table: str
    history: str
    key: str
    """The history's column naming the row (``sale_id``, ``refund_id``)."""
    lifecycle: Lifecycle[State]
    states: type[State]
    dated: bool = False
    """The history keeps the row's business day after each change (sales: a cancelled sale
    completed later by a late payment leaves its day, and the day it was cancelled on keeps
    counting the cancellation)."""


SALES: Tracked[SaleStatus] = Tracked(
    "sales", "sale_history", "sale_id", SALE_LIFECYCLE, SaleStatus, dated=True
)
REFUNDS: Tracked[RefundStatus] = Tracked(
    "refunds", "refund_history", "refund_id", REFUND_LIFECYCLE, RefundStatus
)


@dataclass(frozen=True, slots=True)
class StatusChange(Generic[State]):
    """One line of a sale's or a refund's history; ``before`` is ``None`` where it was created."""

    before: State | None
    after: State
    at: datetime
    source: ChangeSource
    actor: str = ""
    """Who did it, when a person did (the cashier's or the manager's name)."""


def move(
    conn: Connection,
    tracked: Tracked[State],
    row_id: int,
    current: State | None,
    new: State,
    *,
    source: ChangeSource,
    now: datetime,
    actor: str = "",
    columns: Mapping[str, object] | None = None,
    name: str | None = None,
) -> None:
    """Move row ``row_id`` from ``current`` to ``new``, setting ``columns`` with its status.

    ``current`` is ``None`` for a row just inserted (with status ``new``): only its history line
    is written then. Raises :class:`InvalidTransition` for a move the lifecycle forbids, naming the
    row as ``name`` (default: ``sale 12``).
    """
    subject = name or f"{tracked.lifecycle.subject} {row_id}"
    refusal = tracked.lifecycle.refusal(subject, current, new)
    if refusal is not None:
        raise InvalidTransition(refusal)
    if current is not None:
        changes = {"status": new.value, **(columns or {})}
        assignments = ", ".join(f"{column} = ?" for column in changes)
        updated = conn.execute(
            f"UPDATE {tracked.table} SET {assignments} WHERE id = ? AND status = ?",
            [*changes.values(), row_id, current.value],
        ).rowcount
        if updated != 1:
            raise InvalidTransition(
                N_("{subject} is no longer {current}"), subject=subject, current=current
            )
    day = f", (SELECT business_date FROM {tracked.table} WHERE id = ?)" if tracked.dated else ""
    conn.execute(
        f"INSERT INTO {tracked.history} ({tracked.key}, before, after, at, source, actor"
        f"{', business_date' if tracked.dated else ''}) VALUES (?, ?, ?, ?, ?, ?{day})",
        [
            row_id,
            None if current is None else current.value,
            new.value,
            utc_text(now),
            source.value,
            actor,
            *([row_id] if tracked.dated else []),
        ],
    )


def history(db: Database, tracked: Tracked[State], row_id: int) -> list[StatusChange[State]]:
    """Every change of the row's status, oldest first."""
    rows = db.execute(
        f"SELECT before, after, at, source, actor FROM {tracked.history} "
        f"WHERE {tracked.key} = ? ORDER BY id",
        [row_id],
    ).fetchall()
    return [
        StatusChange(
            before=None if before is None else tracked.states(before),
            after=tracked.states(after),
            at=parse_utc(at),
            source=ChangeSource(source),
            actor=actor,
        )
        for before, after, at, source, actor in rows
    ]
