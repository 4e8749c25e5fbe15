from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from pos_app.domain.business_day import BusinessDay, business_date, day_bounds, zone
from pos_app.domain.errors import ValidationError

JAKARTA = timezone(timedelta(hours=7))


def jakarta(hour: int, minute: int, day: int = 21) -> datetime:
    """A Jakarta wall-clock moment on 2026-11-<day>, as UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=JAKARTA).astimezone(UTC)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (jakarta(23, 59), date(2026, 11, 21)),
        (jakarta(0, 1, day=22), date(2026, 11, 22)),
        (jakarta(0, 0, day=22), date(2026, 11, 22)),
    ],
)
def test_midnight_cutoff_follows_the_jakarta_calendar(moment: datetime, expected: date) -> None:
    assert business_date(moment) == expected


def test_utc_midnight_is_already_morning_in_jakarta() -> None:
    assert business_date(datetime(2026, 11, 21, 17, 30, tzinfo=UTC)) == date(2026, 11, 22)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (jakarta(23, 59), date(2026, 11, 21)),
        (jakarta(0, 1, day=22), date(2026, 11, 21)),
        (jakarta(1, 30, day=22), date(2026, 11, 21)),
        (jakarta(3, 59, day=22), date(2026, 11, 21)),
        (jakarta(4, 0, day=22), date(2026, 11, 22)),
        (jakarta(4, 1, day=22), date(2026, 11, 22)),
    ],
)
def test_a_four_oclock_cutoff_keeps_the_night_on_the_previous_day(
    moment: datetime, expected: date
) -> None:
    assert business_date(moment, "Asia/Jakarta", time(4, 0)) == expected


def test_another_zone_uses_its_own_offset() -> None:
    moment = datetime(2026, 11, 21, 23, 30, tzinfo=UTC)  # 00:30 in Berlin (UTC+1 in November)
    assert business_date(moment, "Europe/Berlin") == date(2026, 11, 22)
    assert business_date(moment, ZoneInfo("America/New_York")) == date(2026, 11, 21)
    assert business_date(moment, "Europe/Berlin", time(1, 0)) == date(2026, 11, 21)


def test_day_bounds_are_the_cutoffs_in_utc() -> None:
    start, end = day_bounds(date(2026, 11, 21), "Asia/Jakarta", time(4, 0))
    assert start == datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
    assert end == datetime(2026, 11, 21, 21, 0, tzinfo=UTC)
    assert business_date(start, "Asia/Jakarta", time(4, 0)) == date(2026, 11, 21)
    assert business_date(end - timedelta(microseconds=1), "Asia/Jakarta", time(4, 0)) == date(
        2026, 11, 21
    )
    assert business_date(end, "Asia/Jakarta", time(4, 0)) == date(2026, 11, 22)


@pytest.mark.parametrize(
    ("cutoff", "day", "hours"),
    [
        (time(4, 0), date(2026, 10, 24), 25),  # Berlin's clocks go back at 03:00 on the 25th
        (time(2, 30), date(2026, 10, 25), 25),  # cut-off inside the repeated hour: the first one
        (time(2, 30), date(2026, 3, 28), 24),  # cut-off inside the skipped hour on the 29th
    ],
)
def test_days_around_daylight_saving_changes_agree_with_their_bounds(
    cutoff: time, day: date, hours: int
) -> None:
    rule = BusinessDay(ZoneInfo("Europe/Berlin"), cutoff)
    start, end = rule.bounds(day)
    assert end - start == timedelta(hours=hours)
    assert rule.date_of(start - timedelta(microseconds=1)) == day - timedelta(days=1)
    moment = start
    while moment < end:
        assert rule.date_of(moment) == day
        moment += timedelta(minutes=10)
    assert rule.date_of(end) == day + timedelta(days=1)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValidationError, match="no time zone"):
        business_date(datetime(2026, 11, 21, 12, 0))


def test_unknown_zones_are_named() -> None:
    with pytest.raises(ValidationError, match="Mars/Olympus"):
        business_date(jakarta(12, 0), "Mars/Olympus")


@pytest.mark.parametrize("name", ["Asia", "America/Argentina", "A" * 5000])
def test_a_folder_or_an_overlong_name_is_an_unknown_zone(name: str) -> None:
    """Both were an OSError from opening the name as a file in the time zone database."""
    with pytest.raises(ValidationError, match=f"time zone '{name[:60]}.*is unknown"):
        zone(name)
