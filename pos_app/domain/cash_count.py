"""A count of the cash drawer by Indonesian denomination: what the cashier or the manager counted.

The shift close and the day close both count the drawer note by note and coin by coin, so the
count, not a typed total, is what is kept: a difference can be traced to a miscounted pile.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from pos_app.domain.errors import ValidationError
from pos_app.domain.money import MAX_AMOUNT

DENOMINATIONS = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100)
"""Rupiah notes and coins in circulation, largest first."""
MAX_PIECES = 1_000_000
LARGEST_NOTE = DENOMINATIONS[0]


def change_to_check(change: int) -> bool:
    """Change of a whole largest note or more: the customer handed over a note the total did
    not need, or, far more likely, the amount received was mistyped (a zero too many), and the
    drawer would pay the difference."""
    return change >= LARGEST_NOTE


def count_to_check(difference: int) -> bool:
    """A drawer count off its expected cash by a whole largest note or more: more likely a
    miscount, or an item's barcode scanned into a count box, than cash gone. A shift keeps its
    count for good, and the next shift's float is set against it."""
    return abs(difference) >= LARGEST_NOTE


@dataclass(frozen=True, slots=True)
class CashCount:
    """How many notes or coins of each denomination are in the drawer (missing ones: none)."""

    counts: Mapping[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for denomination, pieces in self.counts.items():
            if denomination not in DENOMINATIONS:
                listed = ", ".join(str(value) for value in DENOMINATIONS)
                raise ValidationError(
                    f"cash count: {denomination!r} is not a rupiah note or coin ({listed})"
                )
            if isinstance(pieces, bool) or not isinstance(pieces, int):
                raise ValidationError(
                    f"cash count: the number of {denomination} pieces must be a whole number, "
                    f"got {pieces!r}"
                )
            if not 0 <= pieces <= MAX_PIECES:
                raise ValidationError(
                    f"cash count: {pieces} pieces of {denomination} is not between 0 and "
                    f"{MAX_PIECES}"
                )
        full = {value: self.counts.get(value, 0) for value in DENOMINATIONS}
        object.__setattr__(
            self, "counts", full
        )  # every denomination, so equal counts compare equal

    @property
    def total(self) -> int:
        return sum(denomination * pieces for denomination, pieces in self.counts.items())

    def pieces(self) -> list[tuple[int, int]]:
        """Every denomination with its count, largest first."""
        return list(self.counts.items())

    def to_json(self) -> dict[str, int]:
        """Denominations as text keys (JSON objects have no number keys), largest first."""
        return {str(value): pieces for value, pieces in self.pieces()}

    @classmethod
    def from_json(cls, data: Mapping[str, int]) -> "CashCount":
        return cls({int(value): pieces for value, pieces in data.items()})


class CountedDrawer:
    """A drawer that should hold ``expected_cash`` and may have been counted: a shift's and a
    day's, read the same way."""

    __slots__ = ()
    counted: CashCount | None

    @property
    def expected_cash(self) -> int:
        raise NotImplementedError

    @property
    def counted_cash(self) -> int | None:
        return None if self.counted is None else self.counted.total

    @property
    def difference(self) -> int | None:
        """Counted less expected: negative when the drawer is short."""
        counted = self.counted_cash
        return None if counted is None else counted - self.expected_cash


ROUNDINGS = (5_000, 10_000, 20_000, 50_000, 100_000)
"""Banknote steps a customer typically pays with."""


def quick_amounts(total: int) -> list[int]:
    """The exact total, then ``total`` rounded up to each of :data:`ROUNDINGS`, without repeats
    and none above :data:`~pos_app.domain.money.MAX_AMOUNT`, which the dialog refuses."""
    amounts = [total]
    for step in ROUNDINGS:
        rounded = -(-total // step) * step
        if rounded not in amounts and rounded <= MAX_AMOUNT:
            amounts.append(rounded)
    return amounts
