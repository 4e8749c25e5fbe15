"""ecommpay Payment Page as a payment provider: the QR code shows a signed Payment Page URL.

Creating the payment is local (the URL is built and signed here; ecommpay registers the payment
only when the customer confirms on the page), so there is no network call until a status check.
"""

from datetime import UTC, timedelta

from pos_app.domain.clock import Clock, utc_now
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import CURRENCY, to_minor_units
from pos_app.domain.web_address import required_http_url
from pos_app.payments.ecommpay.gate import (
    GateClient,
    PaymentNotFound,
    check_sendable,
)
from pos_app.payments.ecommpay.limits import PURCHASE_LIMIT, check_purchase_limit, check_within
from pos_app.payments.ecommpay.signing import PAYMENT_PAGE_BASE_URL
from pos_app.payments.model import (
    PaymentOrder,
    PaymentRequest,
    PaymentStatus,
    ProviderName,
    StatusResult,
)

DEFAULT_EXPIRY = timedelta(minutes=15)
FORCED_METHOD = "doku"


class EcommpayPageProvider:
    """Signed Payment Page URLs with DOKU Wallet preselected; status through the Gate API."""

    name = ProviderName.ECOMMPAY_PAGE

    def __init__(
        self,
        gate: GateClient,
        *,
        callback_url: str,
        customer_email: str,
        customer_first_name: str = "Pelanggan",
        page_base_url: str = PAYMENT_PAGE_BASE_URL,
        expiry: timedelta = DEFAULT_EXPIRY,
        purchase_limit: int = PURCHASE_LIMIT,
        clock: Clock = utc_now,
    ) -> None:
        if expiry <= timedelta(0):
            raise ValidationError(f"ecommpay Payment Page expiry must be positive, got {expiry}")
        if not customer_email or not customer_first_name:
            raise ValidationError("ecommpay Payment Page needs a customer e-mail and first name")
        self.gate = gate
        self.callback_url = required_http_url(callback_url, "ecommpay callback_url")
        self.customer_email = customer_email
        self.customer_first_name = customer_first_name
        check_sendable(
            callback_url=self.callback_url,
            customer_email=customer_email,
            customer_first_name=customer_first_name,
        )
        self.page_base_url = page_base_url.rstrip("/")
        self.expiry = expiry
        self.purchase_limit = check_purchase_limit(purchase_limit)
        self._clock = clock

    def __repr__(self) -> str:
        return f"EcommpayPageProvider({self.gate!r}, page_base_url={self.page_base_url!r})"

    def create_payment(self, order: PaymentOrder) -> PaymentRequest:
        """The signed URL; ``best_before`` makes ecommpay refuse the page after the expiry."""
        check_within(order.amount, self.purchase_limit, what="purchase")
        if not order.invoice_number:
            raise ValidationError("ecommpay payment_id (the invoice number) must not be empty")
        expires_at = (self._clock().astimezone(UTC) + self.expiry).replace(microsecond=0)
        params = {
            "payment_id": order.invoice_number,
            "payment_amount": to_minor_units(order.amount),
            "payment_currency": CURRENCY,
            "customer_id": order.customer_id,
            "customer_first_name": self.customer_first_name,
            "customer_email": self.customer_email,
            "force_payment_method": FORCED_METHOD,
            "merchant_callback_url": self.callback_url,
            "best_before": expires_at.isoformat(),
        }
        return PaymentRequest(
            provider=self.name,
            invoice_number=order.invoice_number,
            amount=order.amount,
            payment_url=self.gate.payment_page_url(params, base_url=self.page_base_url),
            expires_at=expires_at,
        )

    def check_status(self, invoice_number: str) -> StatusResult:
        """Until the customer confirms on the page ecommpay knows no payment: that is pending."""
        try:
            return self.gate.status(invoice_number, provider=self.name)
        except PaymentNotFound:
            return StatusResult(
                provider=self.name,
                invoice_number=invoice_number,
                status=PaymentStatus.PENDING,
                raw={"not_found": True},
            )
