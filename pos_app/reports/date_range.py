"""The business days an export covers: a first day and an optional last one, checked once."""

from datetime import date, timedelta

from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_


def business_days(first_day: date, last_day: date | None) -> list[date]:
    """Every day from ``first_day`` to ``last_day`` (inclusive; ``None``: the first day alone)."""
    last = last_day or first_day
    if last < first_day:
        raise ValidationError(
            N_("the range ends ({last}) before it starts ({first})"),
            last=last.isoformat(),
            first=first_day.isoformat(),
        )
    return [first_day + timedelta(days=offset) for offset in range((last - first_day).days + 1)]
