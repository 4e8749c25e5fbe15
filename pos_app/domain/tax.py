"""PPN (Indonesian VAT): tax classes, rates by the date they apply from, and one line's DPP and PPN.

A shop that is not a PKP (taxable entrepreneur) charges no PPN: :data:`NO_TAX`, the default.
docs/tax.md gives the rules, the rounding and the sources.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pos_app.domain.digits import is_digits
from pos_app.domain.discounts import WHOLE, half_up, percent_text
from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_


class TaxClass(StrEnum):
    STANDARD = "standard"
    """PPN at the standard rate of the day."""
    OTHER = "other"
    """PPN at the shop's other rate (say, a luxury good's 12 % on the full price in 2025)."""
    EXEMPT = "exempt"
    """No PPN (basic necessities the law frees from it)."""


@dataclass(frozen=True, slots=True, order=True)
class TaxRate:
    """A rate from ``valid_from`` on: PPN = ``basis_points`` of the DPP, where the DPP is the price
    without PPN times ``dpp_numerator / dpp_denominator`` (11/12 from 2025 under PMK 131/2024,
    else 1/1)."""

    valid_from: date
    basis_points: int
    dpp_numerator: int = 1
    dpp_denominator: int = 1

    def __post_init__(self) -> None:
        if not 0 <= self.basis_points <= WHOLE:
            raise ValidationError(
                N_("a tax rate must be between 0 and 100 %, got {rate}"),
                rate=percent_text(self.basis_points),
            )
        if not 0 < self.dpp_numerator <= self.dpp_denominator:
            raise ValidationError(
                N_("the DPP fraction must be between 0 and 1, got {numerator}/{denominator}"),
                numerator=self.dpp_numerator,
                denominator=self.dpp_denominator,
            )

    def text(self) -> str:
        """``2025-01-01 12 11/12``: as the settings write it (:func:`parse_rate` reads it)."""
        text = f"{self.valid_from.isoformat()} {percent_text(self.basis_points)}"
        if self.dpp_numerator != self.dpp_denominator:
            text += f" {self.dpp_numerator}/{self.dpp_denominator}"
        return text

    def label(self) -> str:
        """``12%`` or ``12% (DPP 11/12)``."""
        text = f"{percent_text(self.basis_points)}%"
        if self.dpp_numerator != self.dpp_denominator:
            text += f" (DPP {self.dpp_numerator}/{self.dpp_denominator})"
        return text


STANDARD_RATES = (
    TaxRate(date(2022, 4, 1), 1100),
    TaxRate(date(2025, 1, 1), 1200, 11, 12),
)
"""UU HPP: 11 % from 1 April 2022; PMK 131/2024: 12 % from 2025, on a DPP of 11/12 of the price
for all but luxury goods (so 11 % of the price, as before)."""
EXEMPT_RATES = (TaxRate(date(2000, 1, 1), 0),)


@dataclass(frozen=True, slots=True)
class LineTax:
    dpp: int
    ppn: int
    amount: int
    """What the customer pays for the line: the net price, plus the PPN if prices are entered
    without it."""


def line_tax(net: int, rate: TaxRate, *, included: bool) -> LineTax:
    """DPP and PPN of a line whose price after discounts is ``net``, each rounded half up.

    Included: PPN = net x r / (1 + r), r = the rate on the DPP fraction; the price without PPN is
    net less that PPN. Excluded: PPN = net x r, and the line costs net plus PPN. The DPP is the
    price without PPN times the DPP fraction."""
    part = rate.basis_points * rate.dpp_numerator
    whole = WHOLE * rate.dpp_denominator
    if included:
        ppn = half_up(net * part, whole + part)
        price = net - ppn
        amount = net
    else:
        ppn = half_up(net * part, whole)
        price = net
        amount = net + ppn
    dpp = half_up(price * rate.dpp_numerator, rate.dpp_denominator)
    return LineTax(dpp, ppn, amount)


_RATE_FORMAT = N_(
    "tax rate {text}: expected a date, a rate and an optional DPP fraction, "
    "like 2025-01-01 12 11/12"
)


def parse_rate(text: str) -> TaxRate:
    """``"2025-01-01 12 11/12"``: from that day, 12 % on a DPP of 11/12 of the price; the DPP
    fraction may be left out (1/1), and the rate may have decimals (``"2022-04-01 11"``,
    ``"2020-01-01 1.1"``)."""
    parts = text.split()
    if len(parts) not in (2, 3):
        raise ValidationError(
            _RATE_FORMAT,
            text=repr(text),
        )
    try:
        valid_from = date.fromisoformat(parts[0])
        basis_points = percent_points(parts[1])
        numerator, denominator = (
            int(n) for n in (parts[2] if len(parts) == 3 else "1/1").split("/")
        )
    except ValueError:
        raise ValidationError(
            _RATE_FORMAT,
            text=repr(text),
        ) from None
    return TaxRate(valid_from, basis_points, numerator, denominator)


def percent_points(text: str) -> int:
    """``"12"`` → ``1200``, ``"1.1"`` → ``110``: a rate in percent with at most two decimals, as
    the settings and the files write it (:func:`~pos_app.domain.discounts.percent_text`), in
    basis points; ValueError for anything else."""
    whole, _, fraction = text.partition(".")
    if len(fraction) > 2 or not is_digits(whole) or not is_digits(fraction or "0"):
        raise ValueError(text)
    return int(whole) * 100 + int(fraction.ljust(2, "0") or 0)


class PpnBasis(StrEnum):
    """What a line's PPN was figured on, as its own figures tell it (:func:`ppn_basis`)."""

    FULL = "full"
    """The whole price without PPN is the DPP (a luxury good's 12 % in 2025, every taxed good
    before)."""
    NILAI_LAIN = "nilai_lain"
    """*DPP nilai lain*: the DPP is less than the price without PPN (11/12 of it for ordinary
    goods from 2025, PMK 131/2024), which the PPN return reports apart."""
    EXEMPT = "exempt"
    """A 0 % rate: no PPN."""


def ppn_basis(rate: int | None, amount: int, dpp: int | None, ppn: int | None) -> PpnBasis | None:
    """How the PPN of a line (or of a return line, its figures negative) was figured, from the
    figures kept with it: its rate in basis points, what it cost with PPN, its DPP and its PPN.
    Those alone, not the product's tax class, so that the shop's file, made on the relay from the
    files the tills upload (which hold these figures and no class), says what each till's own
    says. None where no PPN was charged (a return's money paid twice has no rate: its goods came
    back with the return that made it again), and where the line holds no DPP to tell by (an item
    given away). A line worth under Rp 7 without PPN has a DPP of 11/12 that rounds to its whole
    price: it reads as ``full``."""
    if rate is None:
        return None
    if rate == 0:
        return PpnBasis.EXEMPT
    if not dpp:
        return None
    return PpnBasis.NILAI_LAIN if abs(dpp) < abs(amount - (ppn or 0)) else PpnBasis.FULL


def _default_rates() -> dict[TaxClass, tuple[TaxRate, ...]]:
    return {TaxClass.STANDARD: STANDARD_RATES, TaxClass.EXEMPT: EXEMPT_RATES}


@dataclass(frozen=True, slots=True)
class TaxPolicy:
    enabled: bool = False
    prices_include_tax: bool = True
    rates: Mapping[TaxClass, tuple[TaxRate, ...]] = field(default_factory=_default_rates)

    def rate(self, tax_class: TaxClass, day: date) -> TaxRate | None:
        """The rate of ``tax_class`` on ``day``; None when the shop charges no PPN."""
        if not self.enabled:
            return None
        applying = [rate for rate in self.rates.get(tax_class, ()) if rate.valid_from <= day]
        if not applying:
            raise ValidationError(
                N_("no PPN rate is set for tax class {tax_class} on {day}"),
                tax_class=tax_class.value,
                day=day.isoformat(),
            )
        return max(applying)


NO_TAX = TaxPolicy()
