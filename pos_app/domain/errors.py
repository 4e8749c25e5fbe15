"""Exception types shared across the core, so callers can tell user mistakes from faults."""


class KasirError(Exception):
    """Base of every error Kasir raises on purpose; its message is fit to show a person."""


class ValidationError(KasirError, ValueError):
    """Input that breaks a rule (a limit, a format); the message names the field and the rule."""
