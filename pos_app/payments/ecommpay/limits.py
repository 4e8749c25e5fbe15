"""ecommpay's DOKU Wallet amount limits, in rupiah, checked before anything is signed or sent."""

from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah

MINIMUM = 1
"""1.00 IDR, for purchases and payouts alike."""
PURCHASE_LIMIT = 2_000_000
"""Until the merchant has passed KYC."""
PURCHASE_LIMIT_KYC = 10_000_000
PAYOUT_LIMIT = 10_000_000


def check_purchase_limit(limit: int) -> int:
    """A configured purchase limit: at most what ecommpay allows after KYC."""
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise ValidationError(f"ecommpay purchase limit must be whole rupiah, got {limit!r}")
    if not MINIMUM <= limit <= PURCHASE_LIMIT_KYC:
        raise ValidationError(
            f"ecommpay purchase limit must be between {format_rupiah(MINIMUM)} and "
            f"{format_rupiah(PURCHASE_LIMIT_KYC)} (the limit after KYC), got {limit}"
        )
    return limit


def check_within(amount: int, limit: int, *, what: str) -> int:
    """``amount`` if ecommpay takes it for ``what`` (a purchase, a payout), else a clear error."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError(f"ecommpay {what} amount must be whole rupiah, got {amount!r}")
    if not MINIMUM <= amount <= limit:
        hint = ""
        if what == "purchase" and limit < PURCHASE_LIMIT_KYC:
            hint = f" (up to {format_rupiah(PURCHASE_LIMIT_KYC)} once the shop has passed KYC)"
        raise ValidationError(
            f"ecommpay {what} amount must be between {format_rupiah(MINIMUM)} and "
            f"{format_rupiah(limit)}{hint}, got {format_rupiah(amount)}"
        )
    return amount
