"""Which business day money taken now belongs to, once closed days are taken into account.

The clock alone says the shop day of a moment (``domain/business_day.py``); but a manager may close
that day before it ends (the shop shuts at 21:00, the cut-off is midnight). What the signed-off Z
report holds must then stay true, so anything that moves money afterwards (a sale completed or
cancelled, a late payment attached, a refund paid) lands on the first day after it that is still
open. Asked inside the writing transaction, the answer cannot race a day close.
"""

from datetime import date, datetime, timedelta

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay


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
