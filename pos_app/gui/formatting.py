"""Display formats shared by several views."""

ERROR_STYLE = "color: #8a1c14; font-weight: bold;"
"""A status line saying what went wrong."""
OK_STYLE = "color: #1b5e20;"
"""A status line saying what went right."""
CLOCK_TIME = "%H:%M"
"""A moment of the day as the counter shows it (a held basket's time, a shift's)."""


def format_countdown(seconds: int) -> str:
    """``754`` → ``"12:34"``; an hour or more shows hours too (``"1:02:03"``); never negative."""
    seconds = max(seconds, 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def unbroken(amount: str) -> str:
    """An amount in a line that may wrap: never between "Rp" and its digits."""
    return amount.replace(" ", "\N{NO-BREAK SPACE}")
