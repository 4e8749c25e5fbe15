"""Which real-world shape the sandbox uses for each payment, chosen per invoice, reproducibly.

DOKU and ecommpay send more than the documented happy path (docs/sandbox.md, "Real-world
shapes", cites where each shape comes from). The sandbox always sends the extra objects, and
varies the rest: the form of DOKU's ``order.amount`` (and whether a REFUNDED names it), the two
shapes of "no such order", the words of an unpaid DOKU Wallet order, whether a 409 replay is
signed and a status answer signed with a Digest line, ecommpay's intermediate statuses, expiry
and error words, "not found" forms and the word of a reversed payout. Each choice is a hash of
the seed, the dimension and the invoice number (or ecommpay payment id): the same invoice
always gets the same shapes, so a test is reproducible, and a test that needs one shape can
:meth:`Shapes.pick` an invoice that has it. Change ``shape_seed`` to see other combinations for
the same invoices.
"""

import hashlib
import itertools
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

DOKU_AMOUNT_FORMS = ("integer", "decimal", "string")
"""``6000``, ``6000.00`` (a JSON decimal) and ``"6000.00"``."""
DOKU_NOT_FOUND_FORMS = ("404", "empty")
"""HTTP 404 with DOKU's error, or HTTP 200 with neither ``error`` nor ``transaction``."""
DOKU_PENDING_WORDS = ("PENDING", "TIMEOUT")
DOKU_EXPIRED_WORDS = ("TIMEOUT", "FAILED")
"""An unpaid DOKU Wallet order ends FAILED or TIMEOUT (EXPIRED is not an e-money status)."""
DOKU_REFUND_AMOUNT_SHOWN = (True, False)
"""Whether a REFUNDED names ``order.amount``: DOKU's Check Status Non-SNAP says "some
parameters might not be presented in certain status cases"."""
ECOMMPAY_INTERMEDIATE = (None, "external processing", "awaiting customer")
"""The callback sent before the final one of a purchase, if any; on a Payment Page,
``awaiting customer`` is a failed attempt the customer may retry (``ecommpay.RETRY_WORD``)."""
ECOMMPAY_REDIRECT_FORMS = ("full", "bare", "return_url")
"""A Gate sale's redirect callback: the whole payment (status ``awaiting redirect result``, its
sum, the operation) with ``redirect_data``; only ``payment.id`` and ``redirectData`` (so
spelled); or ``general.payment_id``, the status, ``sum_request`` and the redirect in
``return_url``; the last two signed in ``general.signature``, as ecommpay's SDKs test their
callback formats."""
ECOMMPAY_EXPIRED_WORDS = ("decline", "expired")
ECOMMPAY_ERROR_WORDS = ("error", "internal error", "external error")
"""A payment ecommpay failed (``/_sandbox/fail/{id}``): its word for what went wrong."""
ECOMMPAY_REFUND_KINDS = ("refund", "reversal")
"""The operation that pays back a purchase: ``refund`` (``partially refunded``, ``refunded``)
or ``reversal`` (``partially reversed``, ``reversed``); see ``ecommpay.REFUND_WORDS``."""
ECOMMPAY_NOT_FOUND_FORMS = ("404", "errors")
"""HTTP 404 with Gate's error, or HTTP 200 with the error in ``errors[]``."""
ECOMMPAY_REVERSED_WORDS = ("reversed", "decline")
"""``payment.status`` of a payout paid, then reversed (its latest operation the successful
``reversal``): ecommpay's word for a payment reversed in full (woocommerce-ecommpay
``EcpGatewayPaymentStatus.php``), or ``decline``, since the platform's payout statuses have no
``reversed`` (developers.rocketpay.kz ``en_gate_payout_statuses.html``)."""


class Shapes:
    """The deterministic choices for one sandbox; ``seed`` is ``SandboxConfig.shape_seed``."""

    def __init__(self, seed: str = "") -> None:
        self.seed = seed

    def choose(self, dimension: str, key: str, options: Sequence[T]) -> T:
        """One of ``options`` for ``key`` (an invoice number or payment id) in ``dimension``."""
        text = f"{self.seed}\x00{dimension}\x00{key}".encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(text).digest()
        return options[int.from_bytes(digest[:8], "big") % len(options)]

    def doku_amount_form(self, invoice: str) -> str:
        return self.choose("doku.amount", invoice, DOKU_AMOUNT_FORMS)

    def doku_not_found_form(self, invoice: str) -> str:
        return self.choose("doku.not_found", invoice, DOKU_NOT_FOUND_FORMS)

    def doku_pending_word(self, invoice: str) -> str:
        return self.choose("doku.pending", invoice, DOKU_PENDING_WORDS)

    def doku_expired_word(self, invoice: str) -> str:
        return self.choose("doku.expired", invoice, DOKU_EXPIRED_WORDS)

    def doku_refund_amount_shown(self, invoice: str) -> bool:
        return self.choose("doku.refund_amount", invoice, DOKU_REFUND_AMOUNT_SHOWN)

    def doku_status_digest(self, invoice: str) -> bool:
        """Whether a status answer (to a GET) is signed with its body's Digest line: DOKU's
        response-signature page says the Digest is "only applied for POST Method", the
        notification and answer rules sign "the digest of the response body"."""
        return self.choose("doku.status_digest", invoice, (False, True))

    def doku_replay_signed(self, invoice: str) -> bool:
        """Whether a 409 replay of a create answer is signed for the repeated request."""
        return self.choose("doku.replay_signed", invoice, (True, False))

    def ecommpay_intermediate(self, payment_id: str) -> str | None:
        return self.choose("ecommpay.intermediate", payment_id, ECOMMPAY_INTERMEDIATE)

    def ecommpay_redirect_form(self, payment_id: str) -> str:
        return self.choose("ecommpay.redirect", payment_id, ECOMMPAY_REDIRECT_FORMS)

    def ecommpay_expired_word(self, payment_id: str) -> str:
        return self.choose("ecommpay.expired", payment_id, ECOMMPAY_EXPIRED_WORDS)

    def ecommpay_error_word(self, payment_id: str) -> str:
        return self.choose("ecommpay.error", payment_id, ECOMMPAY_ERROR_WORDS)

    def ecommpay_refund_kind(self, payment_id: str) -> str:
        return self.choose("ecommpay.refund", payment_id, ECOMMPAY_REFUND_KINDS)

    def ecommpay_not_found_form(self, payment_id: str) -> str:
        return self.choose("ecommpay.not_found", payment_id, ECOMMPAY_NOT_FOUND_FORMS)

    def ecommpay_reversed_word(self, payment_id: str) -> str:
        return self.choose("ecommpay.reversed", payment_id, ECOMMPAY_REVERSED_WORDS)

    def pick(self, prefix: str, wanted: Callable[[str], bool], limit: int = 10_000) -> str:
        """The first id ``prefix`` + n (n = 1, 2, …) whose shapes satisfy ``wanted``.

        For tests: ``shapes.pick("KSR-T-", lambda i: shapes.doku_amount_form(i) == "string")``.
        """
        for number in itertools.count(1):
            candidate = f"{prefix}{number}"
            if wanted(candidate):
                return candidate
            if number >= limit:
                break
        raise LookupError(f"no id {prefix}1…{limit} has the wanted shapes")
