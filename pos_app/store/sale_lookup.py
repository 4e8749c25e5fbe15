"""Finding a sale again: by its receipt or invoice number (or a part of one, as a customer reads
it from a crumpled receipt), its time, its amount; for the back office's lookup."""

import re
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_
from pos_app.store.database import utc_text

FOUND_ROWS = 200
"""Sales listed per lookup, newest first: a shorter number narrows it."""


@dataclass(frozen=True, slots=True)
class SaleQuery:
    """What the manager knows of the sale; every part given must match, empty parts are left out."""

    number: str = ""
    """Part of the receipt number or of the invoice number of any of the sale's QR payments."""
    amount: int | None = None
    """The sale's total, rupiah."""
    since: datetime | None = None
    until: datetime | None = None
    """``[since, until)``: when the sale completed (an unfinished sale: when it was opened)."""

    def __post_init__(self) -> None:
        if not (self.number.strip() or self.amount is not None or self.since or self.until):
            raise ValidationError(N_("give a receipt or invoice number, an amount or a time"))
        if self.since and self.until and self.until <= self.since:
            raise ValidationError(N_("the time range ends before it starts"))


def find_sales(db: Database, query: SaleQuery, limit: int = FOUND_ROWS) -> list[int]:
    """The ids of the sales that match, newest first."""
    where: list[str] = []
    params: list[object] = []
    number = query.number.strip()
    if number:
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", number) + "%"
        where.append(
            "(s.receipt_number LIKE ? ESCAPE '\\' OR s.id IN (SELECT a.sale_id FROM "
            "payment_attempts a WHERE a.invoice_number LIKE ? ESCAPE '\\'))"
        )
        params += [pattern, pattern]
    if query.amount is not None:
        where.append("s.total = ?")
        params.append(query.amount)
    if query.since is not None:
        where.append("coalesce(s.completed_at, s.created_at) >= ?")
        params.append(utc_text(query.since))
    if query.until is not None:
        where.append("coalesce(s.completed_at, s.created_at) < ?")
        params.append(utc_text(query.until))
    rows = db.execute(
        f"SELECT s.id FROM sales s WHERE {' AND '.join(where)} ORDER BY s.id DESC LIMIT ?",
        [*params, limit],
    )
    return [row[0] for row in rows]
