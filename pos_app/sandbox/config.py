"""What the sandbox accepts and how fast it runs: credentials, delays, limits.

Without options it uses the documented demo credentials (:mod:`pos_app.payments.demo_credentials`),
which the terminal's demo mode also uses; they protect nothing and are printed at start.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from pos_app.domain.errors import ValidationError
from pos_app.domain.toml_files import TomlFileError, read_toml
from pos_app.domain.web_address import required_http_url
from pos_app.payments.demo_credentials import (
    DEMO_DOKU_CLIENT_ID,
    DEMO_DOKU_SECRET_KEY,
    DEMO_ECOMMPAY_PROJECT_ID,
    DEMO_ECOMMPAY_SECRET_KEY,
)

YEAR = 365 * 24 * 3600.0
SECRET_FIELDS = frozenset({"doku_secret_key", "ecommpay_secret_key"})


@dataclass(frozen=True, slots=True)
class SandboxConfig:
    """Every option of ``pos-app sandbox``; the CLI flags and the TOML keys use these names."""

    doku_client_id: str = DEMO_DOKU_CLIENT_ID
    doku_secret_key: str = field(default=DEMO_DOKU_SECRET_KEY, repr=False)
    ecommpay_project_id: int = DEMO_ECOMMPAY_PROJECT_ID
    ecommpay_secret_key: str = field(default=DEMO_ECOMMPAY_SECRET_KEY, repr=False)
    ecommpay_callback_url: str | None = None
    """The callback URL of the project settings, used when a request names none."""
    public_url: str | None = None
    """How customers reach the sandbox; without it, the URL each request arrived on."""
    retry_scale: float = 1.0
    """Multiplies every notification/callback retry delay: 1 is the providers' schedule."""
    order_expiry: float = 3600.0
    """Seconds after which an unpaid order expires."""
    auto_pay: float | None = None
    """Seconds after which a pending order pays by itself (demo); ``None`` waits for a choice."""
    clock_skew: float = 300.0
    """How far a DOKU ``Request-Timestamp`` may be from the sandbox's clock, in seconds."""
    max_body_bytes: int = 64 * 1024
    delivery_timeout: float = 10.0
    """Seconds a receiver may take to answer one notification or callback attempt."""
    merchant_name: str = "Toko Demo Kasir"
    shape_seed: str = ""
    """Picks which real-world shape each invoice gets (amount forms, "not found" forms, …; see
    :mod:`pos_app.sandbox.shapes`); the same seed and invoice always give the same shapes."""

    def __post_init__(self) -> None:
        for name in ("doku_client_id", "doku_secret_key", "ecommpay_secret_key", "merchant_name"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name):
                raise ValidationError(f"{name} must be a non-empty string")
        if not isinstance(self.shape_seed, str):
            raise ValidationError(f"shape_seed must be a string, got {self.shape_seed!r}")
        _require_number(self.ecommpay_project_id, "ecommpay_project_id", integer=True, low=1)
        _require_number(self.retry_scale, "retry_scale", low=0)
        _require_number(self.order_expiry, "order_expiry", low=0, strict=True, high=YEAR)
        _require_number(self.clock_skew, "clock_skew", low=0)
        _require_number(self.max_body_bytes, "max_body_bytes", integer=True, low=1024)
        _require_number(self.delivery_timeout, "delivery_timeout", low=0, strict=True)
        if self.auto_pay is not None:
            _require_number(self.auto_pay, "auto_pay", low=0, high=YEAR)
        for name in ("ecommpay_callback_url", "public_url"):
            value = getattr(self, name)
            if value is not None:
                required_http_url(value, name)

    def with_values(self, values: Mapping[str, object]) -> "SandboxConfig":
        """A copy with ``values`` applied; keys may use ``-`` or ``_``; unknown keys are errors."""
        known = {f.name for f in fields(self)}
        changes: dict[str, Any] = {}  # any value: replace() runs __post_init__'s checks
        for key, value in values.items():
            name = str(key).replace("-", "_")
            if name not in known:
                raise ValidationError(f"unknown sandbox setting {key!r}")
            changes[name] = value
        return replace(self, **changes)

    def printable_credentials(self) -> dict[str, str]:
        """The credentials to show at start: demo secrets in full, the user's own never."""
        demo = {
            "doku_secret_key": DEMO_DOKU_SECRET_KEY,
            "ecommpay_secret_key": DEMO_ECOMMPAY_SECRET_KEY,
        }
        shown = {
            "doku_client_id": self.doku_client_id,
            "ecommpay_project_id": str(self.ecommpay_project_id),
        }
        for name in sorted(SECRET_FIELDS):
            value = getattr(self, name)
            shown[name] = value if value == demo[name] else "(your own, not shown)"
        return shown


def load_config_file(path: Path) -> dict[str, object]:
    """Read a TOML settings file (flat keys, the option names); errors name the file."""
    try:
        return read_toml(path)
    except TomlFileError as error:
        raise ValidationError(f"sandbox config: {error}") from None


def _require_number(
    value: object,
    name: str,
    *,
    integer: bool = False,
    low: float,
    strict: bool = False,
    high: float = math.inf,
) -> None:
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        kind = "an integer" if integer else "a number"
        raise ValidationError(f"{name} must be {kind}, got {value!r}")
    if not math.isfinite(value) or value < low or (strict and value == low):
        bound = "greater than" if strict else "at least"
        raise ValidationError(f"{name} must be {bound} {low}, got {value!r}")
    if value > high:
        raise ValidationError(f"{name} must be at most {high:g}, got {value!r}")
