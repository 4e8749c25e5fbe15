"""DOKU Non-SNAP request, response and notification signatures (HMAC-SHA256).

The signed text is the lines ``Client-Id:…``, ``Request-Id:…``, ``Request-Timestamp:…`` (or
``Response-Timestamp:…`` for a response), ``Request-Target:…`` and, when there is a body,
``Digest:…``, joined by ``\\n`` with no trailing newline. The digest must be over the exact bytes
sent, so callers serialise a body once and pass those bytes both here and to the wire.
"""

import base64
import hashlib
import hmac
import uuid
from datetime import UTC, datetime

SIGNATURE_PREFIX = "HMACSHA256="
REQUEST_TIMESTAMP = "Request-Timestamp"
RESPONSE_TIMESTAMP = "Response-Timestamp"
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
MAX_REQUEST_ID_LENGTH = 128


def body_digest(body: bytes) -> str:
    """base64(SHA-256(body)), the value of the ``Digest`` line."""
    return base64.b64encode(hashlib.sha256(body).digest()).decode("ascii")


def signature_components(
    *,
    client_id: str,
    request_id: str,
    timestamp: str,
    request_target: str,
    body: bytes | None = None,
    timestamp_header: str = REQUEST_TIMESTAMP,
) -> str:
    """The exact text DOKU signs; exposed so a mismatch can be diagnosed line by line."""
    lines = [
        f"Client-Id:{client_id}",
        f"Request-Id:{request_id}",
        f"{timestamp_header}:{timestamp}",
        f"Request-Target:{request_target}",
    ]
    if body is not None:
        lines.append(f"Digest:{body_digest(body)}")
    return "\n".join(lines)


def doku_signature(
    *,
    client_id: str,
    request_id: str,
    timestamp: str,
    request_target: str,
    secret_key: str,
    body: bytes | None = None,
    timestamp_header: str = REQUEST_TIMESTAMP,
) -> str:
    """``HMACSHA256=`` + base64(HMAC-SHA256(secret key, components)); ``body=None`` omits Digest."""
    text = signature_components(
        client_id=client_id,
        request_id=request_id,
        timestamp=timestamp,
        request_target=request_target,
        body=body,
        timestamp_header=timestamp_header,
    )
    mac = hmac.new(secret_key.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).digest()
    return SIGNATURE_PREFIX + base64.b64encode(mac).decode("ascii")


def verify_doku_signature(
    *,
    signature: str,
    client_id: str,
    request_id: str,
    timestamp: str,
    request_target: str,
    secret_key: str,
    body: bytes | None = None,
    timestamp_header: str = REQUEST_TIMESTAMP,
) -> bool:
    """Constant-time check of a received ``Signature`` header; any missing part is a mismatch."""
    if not (signature and client_id and request_id and timestamp and request_target):
        return False
    expected = doku_signature(
        client_id=client_id,
        request_id=request_id,
        timestamp=timestamp,
        request_target=request_target,
        secret_key=secret_key,
        body=body,
        timestamp_header=timestamp_header,
    )
    return hmac.compare_digest(expected.encode("utf-8"), signature.encode("utf-8", "replace"))


def signed_headers(
    *,
    client_id: str,
    secret_key: str,
    request_target: str,
    body: bytes | None,
    request_id: str | None = None,
    timestamp: str | None = None,
) -> dict[str, str]:
    """The headers of a signed DOKU request or notification (and Content-Type with a body)."""
    request_id = request_id or new_request_id()
    timestamp = timestamp or utc_timestamp()
    headers = {
        "Client-Id": client_id,
        "Request-Id": request_id,
        "Request-Timestamp": timestamp,
        "Signature": doku_signature(
            client_id=client_id,
            request_id=request_id,
            timestamp=timestamp,
            request_target=request_target,
            secret_key=secret_key,
            body=body,
        ),
    }
    if body is not None:
        headers["Content-Type"] = "application/json"
    return headers


def new_request_id() -> str:
    """A fresh ``Request-Id``: a UUID4 is unique and well under DOKU's 128 characters."""
    return str(uuid.uuid4())


def utc_timestamp(now: datetime | None = None) -> str:
    """``Request-Timestamp`` in UTC without fractions, e.g. ``2021-07-07T08:45:42Z``."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime(TIMESTAMP_FORMAT)


def parse_timestamp(value: str) -> datetime:
    """Read a DOKU timestamp strictly; raises ``ValueError`` for any other format."""
    return datetime.strptime(value, TIMESTAMP_FORMAT).replace(tzinfo=UTC)
