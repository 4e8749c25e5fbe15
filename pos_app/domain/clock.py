"""The one clock: what "now" is (UTC inside), as a function a test or a demo may replace."""

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""Now, as an aware UTC datetime."""


def utc_now() -> datetime:
    return datetime.now(UTC)
