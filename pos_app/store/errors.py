"""Errors of the local store; each message is fit to show the cashier or the manager."""

from datetime import datetime

from pos_app.domain.errors import KasirError


class StoreError(KasirError):
    """The local database cannot do what was asked; nothing was written."""


class SchemaVersionError(StoreError):
    """The database was written by a newer Kasir than this one."""


class NotFound(StoreError):
    """A sale, attempt, user or held basket that does not exist."""


class InvalidTransition(StoreError):
    """A payment attempt was asked to move to a state its lifecycle does not allow."""


class SalePaidAlready(StoreError):
    """The sale has a payment that pays it in full: it takes no other tender (no double charge).

    ``invoice_number`` names that payment, so the counter can offer to complete the sale with it.
    """

    def __init__(self, template: str, /, *, invoice_number: str, **params: object) -> None:
        super().__init__(template, invoice_number=invoice_number, **params)
        self.invoice_number = invoice_number


class SignInLocked(StoreError):
    """Too many wrong PINs: sign-in is refused until ``until`` without checking the PIN."""

    def __init__(self, template: str, /, *, until: datetime, **params: object) -> None:
        super().__init__(template, **params)
        self.until = until


class SaleCompletedAlready(StoreError):
    """The sale was completed by its QR payment while the cashier was taking cash: no cash was
    taken, and the customer paid once."""
