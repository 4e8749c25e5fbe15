"""The currency of a DOKU report: IDR unless DOKU names another one.

DOKU's ``order`` object has a ``currency`` (its WooCommerce plugin ``JokulCheckoutService.php``
and Magento plugin ``RequestCheckout.php`` send ``"currency": "IDR"``; DOKU's older payment form
names IDR by its ISO 4217 number, ``"CURRENCY": "360"``). DOKU Wallet amounts are rupiah, so a
report naming no currency is in IDR; one naming another currency is not rupiah, and must never
complete a sale for the same number of rupiah.
"""

from typing import Any

import pytest

from pos_app.payments.doku.notification import parse_notification
from pos_app.payments.model import NO_CURRENCY, PaymentStatus
from tests.unit.test_doku_notification import encode, notification


def paid(currency: Any) -> bytes:
    """A SUCCESS for 9000 whose ``order.currency`` is ``currency``."""
    order = {"invoice_number": "INV-1", "amount": 9000, "currency": currency}
    return encode(notification(order=order))


@pytest.mark.parametrize("currency", ["IDR", " idr ", "360", 360])
def test_idr_by_code_or_number_is_rupiah(currency: Any) -> None:
    event = parse_notification(paid(currency))
    assert (event.status, event.amount, event.currency) == (PaymentStatus.PAID, 9000, "IDR")


@pytest.mark.parametrize(("currency", "read"), [("USD", "USD"), ("sgd ", "SGD"), (840, "840")])
def test_another_currency_is_kept_as_named(currency: Any, read: str) -> None:
    event = parse_notification(paid(currency))
    assert (event.amount, event.currency) == (9000, read)


@pytest.mark.parametrize("currency", ["", "X" * 40, True, {"code": "IDR"}, ["IDR"], 3.6])
def test_a_currency_kasir_cannot_read_is_no_currency(currency: Any) -> None:
    assert parse_notification(paid(currency)).currency == NO_CURRENCY


def test_no_currency_field_means_rupiah() -> None:
    event = parse_notification(encode(notification()))
    assert (event.amount, event.currency) == (9000, "IDR")


def test_a_null_currency_means_rupiah() -> None:
    assert parse_notification(paid(None)).currency == "IDR"
