"""ecommpay payment statuses in the terminal's words, shared by callbacks and the status API.

The words come from ecommpay's SDKs and WooCommerce plugin (``EcpGatewayPaymentStatus``), see
docs/sandbox.md. ecommpay adds statuses over time, so a word Kasir does not know is never
refused: it is ``pending`` (which never completes a sale and never loses one), and
:func:`is_known_status` lets the relay log "unknown status, stored as pending".

Choices where the words leave room:

- ``cancelled`` / ``canceled`` / ``invoice cancelled`` are **declined**: the payment was stopped
  before money moved, by the customer, the merchant or the provider, and will not be paid.
  ``expired`` is kept for the one case that is about time (``best_before`` passed).
- ``partially refunded`` / ``partially reversed`` are **paid**: part of the money went back
  (from ecommpay's dashboard, say) and the payment stays paid for the rest. Such a callback
  (``operation.type`` ``refund`` or ``reversal``) carries the payment's balance in
  ``payment.sum``, which becomes the event's amount: a paid report for less than a paid
  attempt received is how the store learns the difference went back
  (``Payments.record_status``). ``refunded`` / ``reversed`` (nothing left) stay **refunded**.
  A payout has no balance to keep: its reader makes the partial words ``reversed``
  (:func:`is_partial_refund`).
- ``partially paid`` (a purchase) and ``partially paid out`` (a payout) are **paid**, for the
  part the report names: money moved, so it must land somewhere. ecommpay splits such a
  payment into operations of its own kind and ``payment.sum`` names the whole amount asked, so
  the part is what its successful operations' ``sum_initial`` add up to (at most
  ``payment.sum``), never the amount asked, nor a declined part; a report that names no
  successful part (a callback about the declined one) is pending until one that does, or the
  status answer, says (``callback._moved_in_part``). A purchase paid in part
  never completes its sale (its amount differs from the one asked) and is listed for the
  manager with what came in; a payout paid out in part is settled paid for that part, and
  listed for the manager as a payout that paid another amount; either is asked again until a
  status answer, which lists every part, has told what they all paid.
- ``internal error`` / ``external error`` / ``error`` are **failed**: nothing was paid, and
  unlike a decline nobody decided it. Like a decline they are final for the payment id, so a
  pending attempt ends failed at once: ecommpay's own plugins end the order on them as on
  ``decline`` (woocommerce-ecommpay ``common/includes/EcpCallbacksHandler.php``,
  ``processOperation``, for the two error words; ecommpay-magento2
  ``Controller/EndPayment/Index.php``, ``processSaleCallback``, for ``error``;
  ecommpay-prestashop ``src/EcpPayment.php`` and the Salesforce cartridge's
  ``gateHelper.js`` likewise), and the WooCommerce plugin pays a retry under a new payment id
  after them (``common/includes/EcpGatewayOrder.php``, ``STATUSES_REQUIRING_NEW_PAYMENT_ID``:
  ``decline``, ``expired``, ``internal error``, ``external error``). Money reported for that
  payment afterwards all the same is kept as a late payment.
"""

from pos_app.payments.model import PaymentStatus

_EXACT: dict[str, PaymentStatus] = {
    "success": PaymentStatus.PAID,
    "decline": PaymentStatus.DECLINED,
    "cancelled": PaymentStatus.DECLINED,
    "canceled": PaymentStatus.DECLINED,
    "invoice cancelled": PaymentStatus.DECLINED,
    "expired": PaymentStatus.EXPIRED,
    "error": PaymentStatus.FAILED,
    "internal error": PaymentStatus.FAILED,
    "external error": PaymentStatus.FAILED,
    "processing": PaymentStatus.PENDING,
    "external processing": PaymentStatus.PENDING,
    "invoice sent": PaymentStatus.PENDING,
    "refunded": PaymentStatus.REFUNDED,
    "partially refunded": PaymentStatus.PAID,
    "reversed": PaymentStatus.REFUNDED,
    "partially reversed": PaymentStatus.PAID,
    "partially paid": PaymentStatus.PAID,
    "partially paid out": PaymentStatus.PAID,
}
PARTIAL_REFUNDS = frozenset({"partially refunded", "partially reversed"})
"""Words of a payment that stays paid for less than it was: ``payment.sum`` is the balance."""
PAID_IN_PART = frozenset({"partially paid", "partially paid out"})
"""Words of a payment of which only part moved: the part is the least sum the report names."""
_AWAITING = "awaiting "
"""``awaiting redirect result``, ``… customer``, ``… clarification``, ``… 3ds result``, …: the
customer or the provider still has a step to take."""


def normal_status(word: object) -> str | None:
    """The status word as compared: lower case, single spaces (an ``_`` is one too: ecommpay's
    platform pages spell the payout word ``partially_paid_out``, developers.rocketpay.kz
    ``en_gate_payout_statuses.html``); ``None`` if it is no word."""
    if not isinstance(word, str):
        return None
    normal = " ".join(word.replace("_", " ").split()).lower()
    return normal or None


def is_known_status(word: object) -> bool:
    """Whether Kasir knows ``word``; an unknown one is stored as pending, and worth a log line."""
    normal = normal_status(word)
    if normal is None:
        return False
    return normal in _EXACT or (normal.startswith(_AWAITING) and len(normal) > len(_AWAITING))


def payment_status(word: object, *, field: str = "payment.status") -> PaymentStatus:
    """Map ecommpay's status word (case and spacing ignored); never refuses one.

    Anything Kasir does not know, including a missing or non-text status, is ``pending``: a
    validly signed callback is stored and acknowledged whatever its status, and pending neither
    completes nor cancels anything. ``field`` names where the word came from (kept for callers
    that log it).
    """
    normal = normal_status(word)
    if normal is None or not is_known_status(normal):
        return PaymentStatus.PENDING
    return _EXACT.get(normal, PaymentStatus.PENDING)


def is_paid_in_part(word: object) -> bool:
    """Whether ``word`` says only part of the amount asked was paid (or paid out)."""
    return normal_status(word) in PAID_IN_PART


def is_partial_refund(word: object) -> bool:
    """Whether ``word`` says part of the payment went back and the rest stays paid."""
    return normal_status(word) in PARTIAL_REFUNDS
