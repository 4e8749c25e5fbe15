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
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.store.database import parse_utc


def open_business_date(db: Database, day: BusinessDay, now: datetime) -> date:
    """The shop day of ``now``, or the first day after it that is not closed."""
    return first_open_day(db, day.date_of(now))


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
    def read(cls, db: Database, day: BusinessDay) -> "OpenDays":
        """The closes as they are now (one small query: a row per closed day)."""
        return cls(
            day,
            {
                date.fromisoformat(business): parse_utc(closed)
                for business, closed in db.execute(
                    "SELECT business_date, closed_at FROM day_closes"
                )
            },
        )

    def date_of(self, moment: datetime) -> date:
        """The business day ``moment`` belongs to."""
        placed = self.day.date_of(moment)
        while (closed := self.closed_at.get(placed)) is not None and closed <= moment:
            placed += timedelta(days=1)
        return placed

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
