"""ecommpay payment statuses in the terminal's words, shared by callbacks and the status API."""

from pos_app.payments.errors import ProviderProtocolError
from pos_app.payments.model import PaymentStatus

_EXACT: dict[str, PaymentStatus] = {
    "success": PaymentStatus.PAID,
    "decline": PaymentStatus.DECLINED,
    "processing": PaymentStatus.PENDING,
    "error": PaymentStatus.FAILED,
    "refunded": PaymentStatus.REFUNDED,
    "reversed": PaymentStatus.REFUNDED,
}
_AWAITING = "awaiting "


def payment_status(word: object, *, field: str = "payment.status") -> PaymentStatus:
    """Map ecommpay's status word; an unknown word is refused, never guessed.

    Every ``awaiting …`` status (redirect result, customer, clarification, …) means the customer or
    the provider still has a step to take, so it is pending.
    """
    if not isinstance(word, str) or not word:
        raise ProviderProtocolError(f"ecommpay {field} must be a non-empty text, got {word!r}")
    status = _EXACT.get(word)
    if status is not None:
        return status
    if word.startswith(_AWAITING) and len(word) > len(_AWAITING):
        return PaymentStatus.PENDING
    raise ProviderProtocolError(f"ecommpay {field} {word!r} is not a status Kasir knows")
