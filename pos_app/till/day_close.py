"""Closing a business day: the Z report built under the write lock, checked against the one the
manager confirmed, stored whole in ``day_closes`` with its audit entry, in one transaction. A
closed day's files and report never change after (``reports/z_report.py`` reads them)."""

from datetime import UTC, date, datetime
from typing import Any

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount
from pos_app.domain.money import format_rupiah
from pos_app.domain.texts import N_
from pos_app.reports.z_report import ZReport, build_z_report
from pos_app.store.database import transaction
from pos_app.store.day_closes import DayClose, DayCloses, close_moment
from pos_app.store.errors import StoreError
from pos_app.store.sales import Tender
from pos_app.store.shifts import Shifts


def close_day(
    db: Database,
    business_date: date,
    *,
    day: BusinessDay,
    counted: CashCount,
    closed_by: str,
    opening_float: int = 0,
    now: datetime | None = None,
    shown: ZReport | None = None,
) -> ZReport:
    """Build the report under the write lock, record the close and audit it; return the report.

    A day that has not started yet cannot be closed, and a day is closed only once. A shift of
    the day still open refuses the close: its drawer is not counted yet, and its sales would run
    on past the close. So does a shift of an earlier day still open, whose drawer takes this
    day's cash but counts on the day it opened. ``shown`` is the report the manager confirmed:
    if the store's figures differ from it now (a refund or a sale landed meanwhile),
    :class:`DayChanged` refuses the close, so what is recorded is exactly what was confirmed.
    The report and the close take one moment, no earlier than the money the report counts
    (:func:`close_moment`), so the day's files and report agree with what is signed off.
    """
    with transaction(db):
        moment = close_moment(db, day, business_date, now or datetime.now(UTC))
        report = build_z_report(
            db, business_date, day=day, opening_float=opening_float, counted=counted, now=moment
        )
        if moment < report.starts_at:
            raise StoreError(
                f"business day {business_date.isoformat()} has not started yet; it cannot be closed"
            )
        for shift in report.shifts:
            if shift.closed_at is None:
                raise StoreError(
                    N_(
                        "the shift of {cashier} on till {terminal} is still open: close it with "
                        "a count before closing the day"
                    ),
                    cashier=shift.cashier,
                    terminal=shift.terminal_id,
                )
        for earlier in Shifts(db, day).open_before(business_date):
            raise StoreError(
                N_(
                    "the shift of {cashier} on till {terminal}, opened on {opened}, is still "
                    "open and takes this day's cash: close it with a count before closing the day"
                ),
                cashier=earlier.cashier,
                terminal=earlier.terminal_id,
                opened=earlier.business_date.isoformat(),
            )
        if shown is not None and _figures(shown) != _figures(report):
            raise DayChanged(report)
        DayCloses(db).record(
            DayClose(
                business_date=business_date,
                closed_at=moment,
                closed_by=closed_by,
                sales_count=report.sales_count,
                total=report.net_total,
                cash_total=report.tender_total(Tender.CASH),
                qr_total=report.tender_total(Tender.QR),
                counted_cash=report.counted_cash,
                detail=report.to_json(),
            ),
            audit={
                "business_date": business_date.isoformat(),
                "net_total": report.net_total,
                "expected_cash": report.expected_cash,
                "counted_cash": report.counted_cash,
                "difference": report.difference,
            },
        )
    return report


class DayChanged(StoreError):
    """The day's figures changed between the report the manager confirmed and the close; nothing
    was recorded. ``report`` is the day as it stands now, to show and confirm again."""

    def __init__(self, report: ZReport) -> None:
        super().__init__(
            N_(
                "the figures of business day {day} changed while they were shown (net takings "
                "now {net}); check them and close again"
            ),
            day=report.business_date.isoformat(),
            net=format_rupiah(report.net_total),
        )
        self.report = report


def _figures(report: ZReport) -> dict[str, Any]:
    """Everything the report says but the moment it was made."""
    figures = report.to_json()
    del figures["generated_at"]
    return figures
