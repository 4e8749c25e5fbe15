"""DOKU's REFUNDED, read for what it says: the payment went back, whether or not it names an amount.

DOKU's Check Status Non-SNAP lists ``REFUNDED`` for EMONEY ("Transaction fund is refunded",
final) and warns that "some parameters might not be presented in certain status cases"; its
notifications come "whenever the transaction status is updated" (jokul-php-library README).
Kasir takes a REFUNDED as the paid amount gone back and never uses the amount it names, so a
REFUNDED without ``order.amount`` must still be read: refused, the relay would keep it from the
till, and the takings would go on counting money the customer already has back.
"""

import pytest

from pos_app.payments.doku.notification import parse_notification, verify_notification
from pos_app.payments.errors import ProviderProtocolError
from pos_app.payments.model import NO_CURRENCY, PaymentStatus
from tests.unit.test_doku_notification import (
    CLIENT_ID,
    SECRET,
    TARGET,
    encode,
    notification,
    signed_headers,
)


def refunded(**order: object) -> bytes:
    """A REFUNDED notification whose ``order`` is exactly ``order``."""
    return encode(
        notification(order=order, transaction={"status": "REFUNDED", "date": "2026-01-01T04:00Z"})
    )


def test_a_refunded_report_without_an_amount_is_read_as_refunded() -> None:
    event = parse_notification(refunded(invoice_number="INV-1"))
    assert (event.invoice_number, event.status) == ("INV-1", PaymentStatus.REFUNDED)
    assert (event.amount, event.currency) == (0, NO_CURRENCY)


def test_a_signed_refunded_report_without_an_amount_verifies_and_reads() -> None:
    body = refunded(invoice_number="INV-1")
    event = verify_notification(
        signed_headers(body), body, client_id=CLIENT_ID, secret_key=SECRET, request_target=TARGET
    )
    assert event.status is PaymentStatus.REFUNDED


def test_a_refunded_report_with_an_amount_still_reads_it_exactly() -> None:
    event = parse_notification(refunded(invoice_number="INV-1", amount="9000.00"))
    assert (event.status, event.amount, event.currency) == (PaymentStatus.REFUNDED, 9000, "IDR")


def test_a_refunded_amount_that_is_there_but_unreadable_is_still_refused() -> None:
    with pytest.raises(ProviderProtocolError, match=r"order\.amount .*fraction"):
        parse_notification(refunded(invoice_number="INV-1", amount="9000.50"))
