"""Which business day money taken now belongs to, once closed days are taken into account.

The clock alone says the shop day of a moment (``domain/business_day.py``); but a manager may close
that day before it ends (the shop shuts at 21:00, the cut-off is midnight). What the signed-off Z
report holds must then stay true, so anything that moves money afterwards (a sale completed or
cancelled, a late payment attached, a refund paid) lands on the first day after it that is still
open. Asked inside the writing transaction, the answer cannot race a day close.

A moment recorded earlier (a payment's paid moment, which the payments file and the upload outbox
place later) is placed by the same rule as of that moment: :class:`OpenDays` moves it off its
clock day only if that day was closed at or before it, so where it lands never changes once it
has happened, and a moment that was "now" when written lands where :func:`open_business_date` put
what was written with it.

That holds only if "now" is no earlier than the closes it follows. A till's clock can step back
across a close (a fast clock set right by the network, a restart with the wrong time): money
written then, stamped at a moment the closed day covers, would be on the first open day by its
business day but on the closed day by its moment, counted on neither day's Z report or twice in
the files. So money is stamped :func:`after_day_closed`, at the close's moment at the earliest.

The files and the Z report find a day's money by the business day it was written with, or by its
moment for money written before days were kept (:func:`on_days`).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.store.database import parse_utc


def open_business_date(db: Database, day: BusinessDay, now: datetime) -> date:
    """The business day of money written at ``now``: the shop day of its moment
    (:func:`after_day_closed`), or the first day after it that is not closed."""
    placing = OpenDays.read(db, day, since=day.date_of(now))
    return placing.date_of(placing.after_closes(now))


def after_day_closed(db: Database, day: BusinessDay, now: datetime) -> datetime:
    """``now``, or the close of the closed day it falls in, for money written after that close
    (the clock went back across it): stamped there, its moment is on the day its business day
    is, the first open one, and so are the late payments, payments file and upload it is in."""
    return OpenDays.read(db, day, since=day.date_of(now)).after_closes(now)


def on_days(day: str, moment: str) -> str:
    """SQL: money of business day ``day`` recorded at ``moment`` (its columns) is on the days ?3
    to ?4. An event and a provider refund keep the day they were recorded on
    (:meth:`~pos_app.store.payments.Payments._append`), so a new cut-off or time zone moves no
    money already taken; one recorded before days were kept, by a till that never said its day
    rule (store/migrations.py, ``_payment_business_days``), has none: its moment is placed by the
    rule in force, ?1 to ?2 being the moments :class:`OpenDays` places on those days."""
    return f"coalesce({day} BETWEEN ?3 AND ?4, {moment} >= ?1 AND {moment} < ?2)"


def first_open_day(db: Database, candidate: date) -> date:
    """``candidate`` if it is not closed, else the first day after it that is not."""
    closed = {
        row[0]
        for row in db.execute(
            "SELECT business_date FROM day_closes WHERE business_date >= ?",
            [candidate.isoformat()],
        )
    }
    while candidate.isoformat() in closed:
        candidate += timedelta(days=1)
    return candidate


@dataclass(frozen=True, slots=True)
class OpenDays:
    """The shop's day rule plus its day closes, read once: places moments on business days.

    A moment is on its clock day (``day.date_of``) unless that day was closed at or before it;
    then on the next day, by the same rule (unless that one was closed at or before it too, and so
    on). For a moment that is "now" this is :func:`open_business_date`; for the late payments
    listed by the Z report it is ``_late_window``. Placing is monotone (a later moment is never on
    an earlier day), so the moments of a range of days are one interval, :meth:`window`.
    """

    day: BusinessDay
    closed_at: dict[date, datetime]

    @classmethod
    def read(cls, db: Database, day: BusinessDay, since: date = date.min) -> "OpenDays":
        """The closes as they are now (one small query: a row per closed day); of ``since`` and
        later only, which place the moments of those days (a write's, at every write)."""
        return cls(
            day,
            {
                date.fromisoformat(business): parse_utc(closed)
                for business, closed in db.execute(
                    "SELECT business_date, closed_at FROM day_closes WHERE business_date >= ?",
                    [since.isoformat()],
                )
            },
        )

    def date_of(self, moment: datetime) -> date:
        """The business day ``moment`` belongs to."""
        placed = self.day.date_of(moment)
        while (closed := self.closed_at.get(placed)) is not None and closed <= moment:
            placed += timedelta(days=1)
        return placed

    def after_closes(self, moment: datetime) -> datetime:
        """``moment``, or the close of the closed day it is placed on (and so on, should the day
        that close is placed on be closed after it too): the first moment on an open day."""
        while (closed := self.closed_at.get(self.date_of(moment))) is not None:
            moment = closed  # later than ``moment``, or date_of would have moved past that day
        return moment

    def window(self, first: date, last: date) -> tuple[datetime, datetime]:
        """The UTC instants ``[start, end)`` of the moments placed on ``first`` to ``last``."""
        return self.earliest_on_or_after(first), self.earliest_on_or_after(last + timedelta(days=1))

    def earliest_on_or_after(self, business: date) -> datetime:
        """The first instant placed on ``business`` or later: its own start, or earlier when the
        days just before it were closed before they ended (their later moments move on to it)."""
        earliest = self.day.bounds(business)[0]
        closes_since: datetime | None = None
        before = business - timedelta(days=1)
        while (closed := self.closed_at.get(before)) is not None:
            # a moment of ``before`` reaches ``business`` once every day from ``before`` on is
            # closed at or before it
            closes_since = closed if closes_since is None else max(closes_since, closed)
            if closes_since >= earliest:
                break
            start, end = self.day.bounds(before)
            moved = max(closes_since, start)
            if moved < end:
                earliest = min(earliest, moved)
            before -= timedelta(days=1)
        return earliest
