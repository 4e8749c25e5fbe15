"""Typed provider errors: the caller must know whether an order may exist at the provider."""

from pos_app.errors import KasirError


class ProviderError(KasirError):
    """Something went wrong talking to a payment provider."""


class ProviderUnreachable(ProviderError):
    """No answer (timeout, refused, dropped): the request may or may not have taken effect."""


class ProviderRejected(ProviderError):
    """The provider answered with an error of its own shape; the request did not take effect."""

    def __init__(self, message: str, *, status_code: int, code: str = "", kind: str = "") -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.kind = kind


class ProviderProtocolError(ProviderError):
    """The provider answered something Kasir cannot read: not JSON, or missing what we rely on."""


class SignatureMismatch(ProviderProtocolError):
    """An answer or notification whose signature does not verify; its content is not trusted."""
