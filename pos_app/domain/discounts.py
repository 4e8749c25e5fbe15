"""Discounts as a cashier gives them: a percentage or rupiah off a line or off the whole basket.

Percentages are kept in basis points (``1250`` is 12.5 %) so every computation stays in integers;
the rounding rules are in docs/tax.md.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.digits import is_digits, whole_number
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import MAX_AMOUNT, format_rupiah, parse_rupiah
from pos_app.domain.texts import N_

WHOLE = 10_000
"""100 % in basis points."""


class DiscountKind(StrEnum):
    PERCENT = "percent"
    AMOUNT = "amount"


def half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up, for non-negative integers: Kasir's one rounding
    of money."""
    return (2 * numerator + denominator) // (2 * denominator)


@dataclass(frozen=True, slots=True)
class Discount:
    kind: DiscountKind
    value: int
    """Basis points for a percentage, rupiah for an amount."""

    def __post_init__(self) -> None:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise ValidationError(
                N_("a discount must be a whole number, got {value}"), value=self.value
            )
        most = WHOLE if self.kind is DiscountKind.PERCENT else MAX_AMOUNT
        if not 0 < self.value <= most:
            raise ValidationError(
                N_("a discount must be more than 0 and at most {most}, got {value}"),
                most=self._shown(most),
                value=self._shown(self.value),
            )

    def _shown(self, value: int) -> str:
        """``value`` as the cashier types it: ``12.5%`` or ``Rp 5.000``."""
        if self.kind is DiscountKind.AMOUNT:
            return format_rupiah(value)
        return f"{'-' if value < 0 else ''}{percent_text(abs(value))}%"

    @classmethod
    def percent(cls, basis_points: int) -> "Discount":
        return cls(DiscountKind.PERCENT, basis_points)

    @classmethod
    def rupiah(cls, amount: int) -> "Discount":
        return cls(DiscountKind.AMOUNT, amount)

    def off(self, gross: int) -> int:
        """The rupiah this discount takes off ``gross``; an amount above ``gross`` is refused."""
        if self.kind is DiscountKind.PERCENT:
            return half_up(gross * self.value, WHOLE)
        if self.value > gross:
            raise ValidationError(
                N_("a discount of {discount} is more than the {gross} it is given on"),
                discount=format_rupiah(self.value),
                gross=format_rupiah(gross),
            )
        return self.value

    def share(self, gross: int) -> int:
        """What part of ``gross`` this discount takes, in basis points (rounded up): what the
        approval limit is compared with."""
        if self.kind is DiscountKind.PERCENT:
            return self.value
        return -(-self.value * WHOLE // gross) if gross else WHOLE

    def label(self) -> str:
        """``10%`` or ``Rp 5.000``: how the receipt and the screen name it."""
        if self.kind is DiscountKind.PERCENT:
            return f"{percent_text(self.value)}%"
        return format_rupiah(self.value)

    def stored(self) -> str:
        """``percent:1000`` or ``amount:5000``, as the store keeps it; :func:`stored_discount`
        reads it back."""
        return f"{self.kind.value}:{self.value}"


def parse_discount(text: str) -> Discount:
    """What a cashier typed: ``10%``, ``12,5 %`` or ``12.5%`` is a percentage (at most two
    decimals); anything else an amount of rupiah (``5.000``, ``Rp 5000``)."""
    raw = text.strip()
    if not raw.endswith("%"):
        return Discount.rupiah(parse_rupiah(raw))
    number = raw[:-1].strip().replace(",", ".")
    whole, _, fraction = number.partition(".")
    if not is_digits(whole) or len(fraction) > 2 or (fraction and not is_digits(fraction)):
        raise ValidationError(
            N_("discount {text}: expected a percentage like 10% or 12,5%"), text=repr(text)
        )
    percent = whole_number(whole, 3)
    if percent is None:
        raise ValidationError(N_("discount {text}: a percentage is at most 100%"), text=raw[:20])
    return Discount.percent(percent * 100 + int(fraction.ljust(2, "0") or 0))


def stored_discount(text: str) -> Discount | None:
    if not text:
        return None
    kind, _, value = text.partition(":")
    return Discount(DiscountKind(kind), int(value))


@dataclass(frozen=True, slots=True)
class Approval:
    """A manager's PIN over a discount above the shop's limit. It covers the basket's discounts
    up to the largest share (basis points) the manager saw, not any share: a rupiah discount that
    grows past it as its line is made smaller, or another one, needs the PIN again."""

    manager: str
    share: int

    def covers(self, share: int) -> bool:
        return share <= self.share

    def widened(self, manager: str, share: int) -> "Approval":
        """This approval and another given on the same basket: the latest manager, the larger
        share."""
        return Approval(manager, max(self.share, share))


def percent_text(basis_points: int) -> str:
    """``1250`` → ``"12.5"``, ``1100`` → ``"11"``."""
    whole, rest = divmod(basis_points, 100)
    return str(whole) if not rest else f"{whole}.{rest:02d}".rstrip("0")


def spread(amount: int, weights: Sequence[int]) -> list[int]:
    """Split ``amount`` over ``weights`` in proportion, each share rounded down and the rupiah left
    over given one each to the largest remainders (the earlier on a tie), so the shares add up to
    ``amount`` exactly."""
    total = sum(weights)
    if not total:
        return [0] * len(weights)
    shares = [amount * weight // total for weight in weights]
    remainders = sorted(
        range(len(weights)), key=lambda index: (-(amount * weights[index] % total), index)
    )
    for index in remainders[: amount - sum(shares)]:
        shares[index] += 1
    return shares
