"""DOKU Wallet as a :class:`~pos_app.payments.model.PaymentProvider` for the checkout flow."""

from pos_app.payments.doku.client import DokuClient
from pos_app.payments.model import PaymentOrder, PaymentRequest, ProviderName, StatusResult


class DokuWalletProvider:
    """A :class:`DokuClient` plus the shop's fixed URLs, so checkout only passes the order."""

    name = ProviderName.DOKU

    def __init__(
        self,
        client: DokuClient,
        *,
        notify_url: str,
        success_url: str | None = None,
        failed_url: str | None = None,
        auto_redirect: bool = False,
        override_notification_url: str | None = None,
    ) -> None:
        self.client = client
        self.notify_url = notify_url
        self.success_url = success_url
        self.failed_url = failed_url
        self.auto_redirect = auto_redirect
        self.override_notification_url = override_notification_url

    def __repr__(self) -> str:
        return f"DokuWalletProvider({self.client!r}, notify_url={self.notify_url!r})"

    def create_payment(self, order: PaymentOrder) -> PaymentRequest:
        return self.client.create_order(
            order,
            notify_url=self.notify_url,
            success_url=self.success_url,
            failed_url=self.failed_url,
            auto_redirect=self.auto_redirect,
            override_notification_url=self.override_notification_url,
        )

    def check_status(self, invoice_number: str) -> StatusResult:
        return self.client.check_status(invoice_number)
