"""Integer rupiah: parsing, formatting and the provider limits.

Money is an ``int`` number of rupiah everywhere inside Kasir. Minor units (sen) exist only at the
ecommpay boundary: :func:`to_minor_units` on the way out, ``payments/ecommpay/callback.py``'s
``event_money`` on the way in (which keeps what is not whole rupiah, for the manager).
"""

import re

from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_, Text

CURRENCY = "IDR"
"""The rupiah's ISO 4217 code: the currency of every amount Kasir asks or counts."""

MAX_AMOUNT = 999_999_999_999
"""DOKU accepts an amount of at most 12 digits."""

_GROUPED = re.compile(r"[0-9]{1,3}(\.[0-9]{3}){0,9}")
_PLAIN = re.compile(r"[0-9]{1,30}")
"""A typed amount: ASCII digits (``int`` takes ``٣`` too), and few enough that ``int`` is quick;
anything longer is far beyond what a provider takes, which :func:`check_amount` says."""
_CENTS = re.compile(r"[0-9]{1,2}")
"""What a decimal comma may introduce: ``,00``, ``,5``."""
_COMMA_THOUSANDS = re.compile(r"[0-9]{3}(,[0-9]{3}){0,9}")
"""After a comma, what English-style thousands look like: ``500,000`` is Rp 500.000 to some and
Rp 500 to others, so it is refused rather than guessed."""


def format_rupiah(amount: int) -> str:
    """``12500`` → ``"Rp 12.500"``; negative amounts (refunds, differences) get a leading minus."""
    _require_int(amount)
    sign = "-" if amount < 0 else ""
    grouped = f"{abs(amount):,}".replace(",", ".")
    return f"{sign}Rp {grouped}"


def parse_rupiah(text: str) -> int:
    """Read an amount a person typed: ``"Rp 12.500"``, ``"12.500"``, ``"12500"``, ``"12.500,00"``.

    A non-zero fraction is refused rather than rounded: rupiah have no smaller coin in use. A
    comma takes one or two decimals only; ``500,000`` (thousands the English way) is refused
    with the amount written with dots, never read as Rp 500.
    """
    raw = text.strip()
    negative = raw.startswith("-")
    raw = raw.removeprefix("-").strip()
    if raw[:2].lower() == "rp":
        raw = raw[2:].strip()
    raw = raw.replace(" ", "")
    whole, comma, fraction = raw.partition(",")
    if not (_PLAIN.fullmatch(whole) or _GROUPED.fullmatch(whole)):
        raise ValidationError(
            N_("amount {text}: expected a whole number of rupiah, like Rp 12.500"), text=repr(text)
        )
    if comma and _COMMA_THOUSANDS.fullmatch(fraction):
        meant = int(whole.replace(".", "") + fraction.replace(",", ""))
        raise ValidationError(
            N_(
                "amount {text}: write thousands with dots, like {dotted}; a comma only starts "
                "decimals, like 12.500,00"
            ),
            text=repr(text),
            dotted=f"{meant:,}".replace(",", "."),
        )
    if comma and not _CENTS.fullmatch(fraction):
        raise ValidationError(
            N_("amount {text}: expected a whole number of rupiah, like Rp 12.500"), text=repr(text)
        )
    if comma and set(fraction) != {"0"}:
        raise ValidationError(N_("amount {text}: rupiah amounts have no fraction"), text=repr(text))
    value = int(whole.replace(".", ""))
    return -value if negative else value


def check_amount(amount: object, *, field: str | Text = "amount", allow_zero: bool = False) -> int:
    """Return ``amount`` if a provider would accept it, else raise a :class:`ValidationError`.

    Takes any value because amounts also arrive in JSON bodies, where only this check makes them
    an ``int``."""
    value = _require_int(amount, field)
    low = 0 if allow_zero else 1
    if not low <= value <= MAX_AMOUNT:
        raise ValidationError(
            N_("{field} must be between {low} and {high}, got {value}"),
            field=field,
            low=format_rupiah(low),
            high=format_rupiah(MAX_AMOUNT),
            value=value,
        )
    return value


def to_minor_units(rupiah: int) -> int:
    """ecommpay counts IDR in hundredths: Rp 1.000 is ``100000``."""
    _require_int(rupiah)
    return rupiah * 100


def _require_int(value: object, field: str | Text = "amount") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            N_("{field} must be an integer number of rupiah, got {value}"),
            field=field,
            value=repr(value),
        )
    return value


def reported_text(reported: int, currency: str | None) -> str:
    """An amount a provider reported paid, as shown: rupiah, or the number and its unit."""
    if (currency or CURRENCY) == CURRENCY:
        return format_rupiah(reported)
    return f"{reported} {currency}"
