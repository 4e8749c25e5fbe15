"""One shop day's sales for the manager's screen: every sale with its status, and the takings by
local hour.

The totals by tender and provider are the Z report's (:func:`build_z_report`), so the screen, the
CSV and the day close can never disagree. Hours are the shop's local hours, starting at the
business-day cut-off, so a day that runs 04:00-03:59 is drawn in that order.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.lifecycles import SaleStatus
from pos_app.payments.model import AttemptState, ProviderName
from pos_app.reports.snapshot import read_snapshot
from pos_app.reports.z_report import ZReport, build_z_report
from pos_app.store.database import optional_utc, parse_utc
from pos_app.store.sales import Tender


@dataclass(frozen=True, slots=True)
class DaySale:
    sale_id: int
    created_at: datetime
    completed_at: datetime | None
    status: SaleStatus
    cashier: str
    total: int
    tender: Tender | None = None
    provider: ProviderName | None = None
    invoice_number: str = ""
    """A completed sale's paying QR attempt; an unfinished sale's latest attempt."""
    payment_state: AttemptState | None = None
    """``paid`` for cash; else the state of that attempt; ``None`` if there is none."""
    receipt_number: str = ""
    """A completed sale's; empty for the others."""


@dataclass(frozen=True, slots=True)
class HourTotal:
    hour: int
    """Local hour of the day, 0-23."""
    count: int
    total: int


@dataclass(frozen=True, slots=True)
class DaySales:
    business_date: date
    sales: tuple[DaySale, ...]
    hours: tuple[HourTotal, ...]
    """All 24 local hours from the cut-off's hour on: completed sales by completion time."""
    report: ZReport


_LISTED = """
SELECT s.id, s.created_at, s.completed_at, s.status, s.cashier, s.total,
       s.tender, a.provider, coalesce(a.invoice_number, ''),
       CASE WHEN s.tender = 'cash' THEN 'paid' ELSE a.state END, coalesce(s.receipt_number, '')
FROM sales s
LEFT JOIN payment_attempts a ON a.id = CASE WHEN s.status = 'completed'
    THEN (SELECT p.id FROM payment_attempts p WHERE p.invoice_number = s.invoice_number)
    ELSE (SELECT max(p.id) FROM payment_attempts p WHERE p.sale_id = s.id) END
"""
_SALES = f"{_LISTED} WHERE s.business_date = ? ORDER BY s.id"


def listed_sales(db: Database, sale_ids: Sequence[int]) -> tuple[DaySale, ...]:
    """These sales (a lookup's answer, at most a few hundred) as the day's list shows them, in
    the order given."""
    marks = ", ".join("?" * len(sale_ids))
    rows = db.execute(f"{_LISTED} WHERE s.id IN ({marks})", list(sale_ids)).fetchall()
    by_id = {row[0]: _day_sale(row) for row in rows}
    return tuple(by_id[sale_id] for sale_id in sale_ids)


def day_sales(db: Database, business_date: date, day: BusinessDay) -> DaySales:
    """The sales of ``business_date`` as the store holds them now (one snapshot)."""
    with read_snapshot(db):
        rows = db.execute(_SALES, [business_date.isoformat()]).fetchall()
        report = build_z_report(db, business_date, day=day)
    sales = tuple(_day_sale(row) for row in rows)
    first_hour = day.cutoff.hour
    buckets = {hour: [0, 0] for hour in range(24)}
    for sale in sales:
        if sale.status is SaleStatus.COMPLETED and sale.completed_at is not None:
            bucket = buckets[sale.completed_at.astimezone(day.tz).hour]
            bucket[0] += 1
            bucket[1] += sale.total
    hours = tuple(
        HourTotal(hour, *buckets[hour]) for hour in ((first_hour + i) % 24 for i in range(24))
    )
    return DaySales(business_date, sales, hours, report)


def _day_sale(row: Sequence[Any]) -> DaySale:
    return DaySale(
        sale_id=row[0],
        created_at=parse_utc(row[1]),
        completed_at=optional_utc(row[2]),
        status=SaleStatus(row[3]),
        cashier=row[4],
        total=row[5],
        tender=Tender(row[6]) if row[6] else None,
        provider=ProviderName(row[7]) if row[7] else None,
        invoice_number=row[8],
        payment_state=AttemptState(row[9]) if row[9] else None,
        receipt_number=row[10],
    )
