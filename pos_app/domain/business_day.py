"""Which shop day a moment belongs to: the shop's time zone plus a business-day cut-off.

A shop open until 02:00 wants its night sales on the day the shift started, so a cut-off of 04:00
puts 01:30 local time on the previous day. Times are stored in UTC; this module is the one place
that turns them into shop days, so reports, invoice numbers and day closes agree.

A day starts at the first instant its cut-off is reached (``day_bounds``) and ``business_date`` is
defined through those bounds, so the two always agree, even across daylight-saving changes.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_

DEFAULT_TIMEZONE = "Asia/Jakarta"
MIDNIGHT = time(0, 0)
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(9998, 12, 31)
"""The business days a person may ask for: a day's bounds in UTC are a time zone away from its
date, which the first and last days Python's datetime holds cannot be."""
_SHOWN_NAME = 60
"""The most of an unknown zone's name an error repeats."""


def zone(tz: ZoneInfo | str) -> ZoneInfo:
    """The ZoneInfo for ``tz``; an unknown name is a ValidationError naming it.

    ``ZoneInfo`` opens the name as a file under the time zone database: a folder (``Asia``) or a
    name too long for a file is an OSError, not ZoneInfoNotFoundError."""
    if isinstance(tz, ZoneInfo):
        return tz
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        shown = tz if len(tz) <= _SHOWN_NAME else tz[:_SHOWN_NAME] + "…"
        raise ValidationError(
            N_("time zone {zone} is unknown; expected an IANA name like 'Asia/Jakarta'"),
            zone=repr(shown),
        ) from None


def business_date(
    moment_utc: datetime, tz: ZoneInfo | str = DEFAULT_TIMEZONE, cutoff: time = MIDNIGHT
) -> date:
    """The shop day ``moment_utc`` (timezone-aware) belongs to."""
    _require_aware(moment_utc)
    local_day = moment_utc.astimezone(zone(tz)).date()
    start, _ = day_bounds(local_day, tz, cutoff)
    return local_day if moment_utc >= start else local_day - timedelta(days=1)


def day_bounds(
    day: date, tz: ZoneInfo | str = DEFAULT_TIMEZONE, cutoff: time = MIDNIGHT
) -> tuple[datetime, datetime]:
    """The UTC instants ``[start, end)`` of shop day ``day``.

    A cut-off that falls in a daylight-saving gap or overlap is read the way ``zoneinfo`` reads
    ``fold=0``: the earlier of two repeated times, the pre-change offset for a skipped one.
    """
    _require_cutoff(cutoff)
    shop_zone = zone(tz)
    start = datetime.combine(day, cutoff, tzinfo=shop_zone)
    end = datetime.combine(day + timedelta(days=1), cutoff, tzinfo=shop_zone)
    return start.astimezone(UTC), end.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class BusinessDay:
    """The shop's day rule as one value, so repositories and reports share it."""

    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_TIMEZONE))
    cutoff: time = MIDNIGHT

    def __post_init__(self) -> None:
        _require_cutoff(self.cutoff)

    def date_of(self, moment_utc: datetime) -> date:
        return business_date(moment_utc, self.tz, self.cutoff)

    def bounds(self, day: date) -> tuple[datetime, datetime]:
        return day_bounds(day, self.tz, self.cutoff)


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError(
            f"moment {moment.isoformat()} has no time zone; pass an aware UTC datetime"
        )


def _require_cutoff(cutoff: time) -> None:
    if cutoff.tzinfo is not None:
        raise ValidationError("business-day cut-off is a local wall-clock time, without a zone")
