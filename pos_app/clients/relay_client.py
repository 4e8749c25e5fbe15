"""The terminal's side of the relay: register payments, long-poll events into the store.

Synchronous (httpx): the GUI runs :meth:`RelayClient.run` in a worker thread. Events are applied
through an :class:`~pos_app.payments.model.EventSink` that saves them together with its position
(the relay database's epoch and a cursor) in one transaction and ignores what it has applied
already, and the next poll always starts from the sink's saved position: so no event is lost or
applied twice across crashes and restarts, of the terminal or of the relay. A relay restored from
a backup or made anew has another epoch; it then answers from its first cursor, since the saved
one means nothing there.

The whole-shop routes (``put_day``, ``shop_day``, ``shop_uploads``) carry a till's day files up
and the shop's down (``till/uploads.py``, the back office's Export tab).
"""

import itertools
import logging
import random
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import quote

import httpx

from pos_app.clients.http_client import HttpClient
from pos_app.domain.errors import KasirError
from pos_app.domain.texts import N_
from pos_app.payments.model import (
    EventSink,
    PaymentStatus,
    ProviderName,
    RelayEvent,
    RelayPosition,
)
from pos_app.payments.registry import reports_balance

log = logging.getLogger(__name__)

DEFAULT_WAIT = 25.0
FIRST_BACKOFF = 0.5
MAX_BACKOFF = 60.0


class ConnectionState(StrEnum):
    CONNECTED = "connected"
    UNREACHABLE = "unreachable"
    UNAUTHORIZED = "unauthorized"
    NOT_APPLIED = "not applied"
    """The relay answers, but the sink failed to take its events (its store, say): they are
    fetched again until they go in, and the state is then ``CONNECTED`` again."""


class RelayError(KasirError):
    """Talking to the relay went wrong."""


class RelayUnreachable(RelayError):
    """No answer, or the relay is unwell (5xx): try again later; nothing was lost."""


class RelayUnauthorized(RelayError):
    """The relay refused the terminal's token (unknown or revoked): an operator must act."""


class RelayRejected(RelayError):
    """The relay refused the request (4xx); the message is the relay's own explanation."""

    def __init__(self, message: str, *, status_code: int) -> None:
        super().__init__(message)
        self.status_code = status_code


class RelayProtocolError(RelayError):
    """The relay answered something this terminal cannot read."""


@dataclass(frozen=True, slots=True)
class RelayPayment:
    """``GET /v1/payments/{invoice}``: what the relay knows of one of this terminal's payments."""

    invoice_number: str
    provider: ProviderName
    amount: int
    """What the terminal registered."""
    status: PaymentStatus
    events: tuple[RelayEvent, ...]
    redirect_token: str | None = None
    paid_amount: int | None = None
    """What the latest ``paid`` event reported; ``None``: nothing paid (or an older relay)."""
    paid_currency: str | None = None
    amount_differs: bool = False
    """A paid event reported another amount, or another currency than rupiah."""


def backoff_delay(failures: int, maximum: float = MAX_BACKOFF) -> float:
    """Exponential backoff with jitter, so a fleet of terminals does not reconnect in step."""
    ceiling = min(maximum, FIRST_BACKOFF * 2 ** max(0, failures - 1))
    return random.uniform(ceiling / 2, ceiling)


def _optional(value: Any, kind: type, name: str) -> Any:
    """``value`` if it is of ``kind`` (a bool is no number), ``None`` if absent (an older relay)."""
    if value is None:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(f"{name} is not {kind.__name__}: {value!r}")
    return value


def _event(item: Any) -> RelayEvent:
    try:
        payload = item.get("payload") or {}
        if not isinstance(payload, Mapping):
            raise TypeError("payload is not an object")
        provider = ProviderName(item["provider"])
        return RelayEvent(
            cursor=int(item["cursor"]),
            invoice_number=str(item["invoice_number"]),
            provider=provider,
            status=PaymentStatus(item["status"]),
            received_at=str(item["received_at"]),
            payload=payload,
            amount=_optional(item.get("amount"), int, "amount"),
            currency=_optional(item.get("currency"), str, "currency"),
            balance=reports_balance(provider, payload),
            unreadable=_optional(item.get("unreadable"), str, "unreadable"),
        )
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise RelayProtocolError(
            f"the relay sent an event this terminal cannot read: {exc}"
        ) from None


@dataclass(frozen=True, slots=True)
class DayStored:
    """The relay's answer to ``PUT /v1/days/{date}``."""

    revision: int
    """The revision the relay holds for that till and day."""
    stored: bool
    """False: a repeat, or an older revision than the relay holds; nothing changed."""
    last_receipt: int | None = None
    """The day's last receipt sequence in the copy the relay kept of a restored till's day."""


@dataclass(frozen=True, slots=True)
class HeldDays:
    """The relay's answer to ``GET /v1/days``: what it holds of this till."""

    days: dict[date, int]
    """The revision of each of the till's days, by business day."""
    invoice_counter: int = 0
    """The counter of the last invoice number the till registered (0: none, or an older relay)."""
    last_receipts: dict[date, int] = field(default_factory=dict)
    """The sequence of the last receipt number the relay holds of the till's latest days."""
    last_returns: dict[date, int] = field(default_factory=dict)
    """The sequence of the last return slip number the till told the relay of its latest days
    (empty from a relay of an older Kasir)."""


@dataclass(frozen=True, slots=True)
class ShopTillDay:
    """One till's upload of a business day, as ``GET /v1/shop/days/{date}`` lists it."""

    till_id: str
    name: str
    revision: int
    uploaded_at: str
    """UTC, ISO 8601."""
    day_closed: bool
    files: Mapping[str, str]
    """The till's CSV text of each kind (``lines``, ``sales``, ``payments``)."""
    refused_at: str | None = None
    """When the relay last refused an upload of the day from the till after this copy (UTC, ISO
    8601): the copy is older than what the till has. ``None``: none (or an older relay)."""
    refused_reason: str | None = None
    """The relay's reason for that refusal."""


@dataclass(frozen=True, slots=True)
class TillUploads:
    """How far one till of the shop has uploaded (``GET /v1/shop/uploads``)."""

    till_id: str | None
    """``None``: a terminal added by name that has not said its terminal id yet."""
    name: str
    last_upload_at: str | None
    latest_day: str | None
    closed_through: str | None
    """The latest business day uploaded closed with no day before it uploaded still open: every
    day uploaded up to it is closed."""

    @property
    def label(self) -> str:
        """How people know the till: its id, with its terminal's name where that differs."""
        if self.till_id is None:
            return self.name
        return self.till_id if self.name == self.till_id else f"{self.till_id} ({self.name})"


def _text(item: Mapping[str, Any], name: str) -> str:
    value = item[name]
    if not isinstance(value, str):
        raise TypeError(f"{name} is not text: {value!r}")
    return value


def _till_day(item: Any) -> ShopTillDay:
    files = item["files"]
    if not isinstance(files, Mapping) or not all(isinstance(v, str) for v in files.values()):
        raise TypeError("files is not an object of texts")
    revision = item["revision"]
    if not isinstance(revision, int) or isinstance(revision, bool):
        raise TypeError(f"revision is not a number: {revision!r}")
    refused = item.get("refused") or {}
    if not isinstance(refused, Mapping):
        raise TypeError(f"refused is not an object: {refused!r}")
    return ShopTillDay(
        till_id=_text(item, "till_id"),
        name=str(item.get("name") or item["till_id"]),
        revision=revision,
        uploaded_at=_text(item, "uploaded_at"),
        day_closed=item["day_closed"] is True,
        files=dict(files),
        refused_at=_optional(refused.get("at"), str, "refused.at"),
        refused_reason=_optional(refused.get("reason"), str, "refused.reason"),
    )


def _till_uploads(item: Any) -> TillUploads:
    return TillUploads(
        till_id=_optional(item.get("till_id"), str, "till_id"),
        name=str(item.get("name") or item["till_id"]),
        last_upload_at=_optional(item.get("last_upload_at"), str, "last_upload_at"),
        latest_day=_optional(item.get("latest_day"), str, "latest_day"),
        closed_through=_optional(item.get("closed_through"), str, "closed_through"),
    )


class RelayClient(HttpClient):
    """One terminal's connection to the relay. The token never appears in logs or ``repr``."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(
            base_url,
            timeout=timeout,
            transport=transport,
            headers={"Authorization": f"Bearer {token}"},
        )

    def __repr__(self) -> str:
        return f"RelayClient({self.base_url!r})"

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise RelayUnreachable(
                N_("relay {url} unreachable: {cause}"), url=self.base_url, cause=repr(exc)
            ) from None
        if response.status_code >= 500:
            raise RelayUnreachable(
                N_("relay {url} answered {status}"),
                url=self.base_url,
                status=response.status_code,
            )
        try:
            body = response.json()
        except ValueError:
            body = None
        message = body.get("error") if isinstance(body, dict) else None
        if response.status_code == 401:
            raise RelayUnauthorized(message or N_("the relay refused this terminal's token"))
        if response.status_code >= 400:
            raise RelayRejected(
                message or f"the relay answered {response.status_code}",
                status_code=response.status_code,
            )
        if not isinstance(body, dict):
            raise RelayProtocolError(f"relay answer to {method} {path} is not a JSON object")
        return body

    def register_payment(
        self,
        invoice_number: str,
        provider: ProviderName | str,
        amount: int,
        expires_at: datetime | None = None,
    ) -> str | None:
        """Tell the relay this terminal expects ``invoice_number``; a Gate payment gets the
        address of its redirect page, for the QR. The relay says it on its ``public_url``, how
        phones reach it (a till may reach it over the shop's network); an older relay that
        gives only the token has it built on this client's address.

        ``expires_at``: when the till's QR stops, so a Gate page lives as long.

        Safe to repeat after a lost answer: the same registration gets the same answer.
        """
        registration: dict[str, object] = {
            "invoice_number": invoice_number,
            "provider": ProviderName(provider).value,
            "amount": amount,
        }
        if expires_at is not None:
            registration["expires_at"] = expires_at.isoformat()
        body = self._request("POST", "/v1/payments", json=registration)
        token, page = body.get("redirect_token"), body.get("redirect_url")
        if token is not None and not isinstance(token, str):
            raise RelayProtocolError("relay redirect_token is not text")
        if page is not None and not (
            isinstance(page, str) and page.startswith(("https://", "http://"))
        ):
            raise RelayProtocolError("relay redirect_url is not an http(s) address")
        return page or (self.redirect_url(token) if token else None)

    def end_page(self, invoice_number: str) -> None:
        """The till gave the Gate payment up: its redirect page ends at the relay."""
        self._request("DELETE", f"/v1/pages/{quote(invoice_number, safe='')}")

    def redirect_url(self, redirect_token: str) -> str:
        """The ``/r/{token}`` page a Gate payment's QR code shows."""
        return f"{self.base_url}/r/{quote(redirect_token, safe='')}"

    def payment_status(self, invoice_number: str) -> RelayPayment:
        body = self._request("GET", f"/v1/payments/{quote(invoice_number, safe='')}")
        try:
            return RelayPayment(
                invoice_number=str(body["invoice_number"]),
                provider=ProviderName(body["provider"]),
                amount=int(body["amount"]),
                status=PaymentStatus(body["status"]),
                events=tuple(_event(item) for item in body["events"]),
                redirect_token=body.get("redirect_token"),
                paid_amount=_optional(body.get("paid_amount"), int, "paid_amount"),
                paid_currency=_optional(body.get("paid_currency"), str, "paid_currency"),
                amount_differs=body.get("amount_differs") is True,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise RelayProtocolError(f"relay payment answer cannot be read: {exc}") from None

    def put_day(self, business_date: str, body: Mapping[str, Any]) -> DayStored:
        """Store one till's day; safe to repeat (the same revision and files change nothing)."""
        answer = self._request("PUT", f"/v1/days/{quote(business_date, safe='')}", json=body)
        try:
            revision = _whole(answer["revision"], "revision")
            last = answer.get("last_receipt")
            return DayStored(
                revision=revision,
                stored=answer["stored"] is True,
                last_receipt=None if last is None else _whole(last, "last_receipt"),
            )
        except (KeyError, TypeError) as exc:
            raise RelayProtocolError(f"relay day answer cannot be read: {exc}") from None

    def held_days(self) -> HeldDays:
        """The revision the relay holds of each of this till's days, and its last invoice."""
        answer = self._request("GET", "/v1/days")
        try:
            days = answer["days"]
            if not isinstance(days, Mapping):
                raise TypeError("days is not an object of revisions")
            return HeldDays(
                {
                    date.fromisoformat(day): _whole(revision, "revision")
                    for day, revision in days.items()
                },
                _whole(answer.get("invoice_counter", 0), "invoice_counter"),
                _sequences(answer.get("last_receipts"), "last receipt"),
                _sequences(answer.get("last_returns"), "last return"),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise RelayProtocolError(f"relay held days answer cannot be read: {exc}") from None

    def shop_day(self, business_date: str) -> tuple[ShopTillDay, ...]:
        """Every till of this terminal's shop that uploaded ``business_date``, by till id."""
        answer = self._request("GET", f"/v1/shop/days/{quote(business_date, safe='')}")
        try:
            return tuple(_till_day(item) for item in answer["tills"])
        except (KeyError, TypeError) as exc:
            raise RelayProtocolError(f"relay shop day answer cannot be read: {exc}") from None

    def shop_uploads(self) -> tuple[TillUploads, ...]:
        """Every active till of this terminal's shop and how far it has uploaded."""
        answer = self._request("GET", "/v1/shop/uploads")
        try:
            return tuple(_till_uploads(item) for item in answer["tills"])
        except (KeyError, TypeError) as exc:
            raise RelayProtocolError(f"relay uploads answer cannot be read: {exc}") from None

    def fetch(
        self, position: RelayPosition, wait: float = 0.0
    ) -> tuple[list[RelayEvent], RelayPosition]:
        """One long-poll: the events after ``position`` (waiting up to ``wait`` s) and where the
        batch ends. From another epoch than the relay's, the batch starts at its first cursor."""
        params: dict[str, str | int] = {"after": position.cursor, "wait": f"{wait:g}"}
        if position.epoch is not None:
            params["epoch"] = position.epoch
        body = self._request(
            "GET",
            "/v1/events",
            params=params,
            timeout=httpx.Timeout(self._timeout, read=wait + self._timeout),
        )
        items = body.get("events")
        if not isinstance(items, list):
            raise RelayProtocolError("relay events answer has no events list")
        epoch = body.get("epoch", position.epoch)
        if epoch is not None and not isinstance(epoch, str):
            raise RelayProtocolError("relay epoch is not text")
        batch = RelayPosition(epoch, position.cursor)
        after = position.cursor if position.continued_by(batch) else 0
        events = [_event(item) for item in items]
        cursors = [after] + [event.cursor for event in events]
        if any(b <= a for a, b in itertools.pairwise(cursors)):
            raise RelayProtocolError("relay events are not in increasing cursor order")
        return events, RelayPosition(epoch, cursors[-1])

    def poll(self, sink: EventSink, wait: float = DEFAULT_WAIT) -> int:
        """Fetch from the sink's saved position and apply; the number of events applied."""
        saved = sink.relay_position()
        events, batch = self.fetch(saved, wait)
        if events or batch != saved:
            if not saved.continued_by(batch):
                log.warning(
                    "the relay's database is another one (restored or new, epoch %s): "
                    "fetching its events from the start; those applied already are skipped",
                    batch.epoch,
                )
            return len(sink.apply_relay_events(events, batch))
        return 0

    def run(
        self,
        sink: EventSink,
        stop: threading.Event,
        on_state: Callable[[ConnectionState], None] | None = None,
        *,
        on_not_applied: Callable[[Exception], None] | None = None,
        wait: float = DEFAULT_WAIT,
        max_backoff: float = MAX_BACKOFF,
    ) -> None:
        """Long-poll until ``stop`` is set, reconnecting with backoff; reports state changes.

        ``on_not_applied`` gets the cause each time the sink fails, before the state
        ``NOT_APPLIED`` is reported. ``stop`` is seen between polls, so stopping takes at most
        ``wait`` seconds.
        """
        state: ConnectionState | None = None
        failures = 0
        current_wait = 0.0  # the first poll after (re)connecting answers at once: state known

        def report(new: ConnectionState) -> None:
            nonlocal state
            if new is not state:
                state = new
                if on_state is not None:
                    on_state(new)

        while not stop.is_set():
            try:
                self.poll(sink, current_wait)
            except RelayUnauthorized as exc:
                log.error("relay refused this terminal: %s", exc)
                report(ConnectionState.UNAUTHORIZED)
            except RelayRejected as exc:
                log.warning("relay refused the long-poll (%d): %s", exc.status_code, exc)
            except (RelayUnreachable, RelayProtocolError) as exc:
                log.warning("%s", exc)
                report(ConnectionState.UNREACHABLE)
            except Exception as exc:
                log.exception("relay events could not be applied; retrying")
                if on_not_applied is not None:
                    on_not_applied(exc)
                report(ConnectionState.NOT_APPLIED)
            else:
                report(ConnectionState.CONNECTED)
                failures = 0
                current_wait = wait
                continue
            failures += 1
            current_wait = 0.0
            stop.wait(backoff_delay(failures, max_backoff))


def _sequences(value: Any, name: str) -> dict[date, int]:
    """A sequence number by business day, as the relay answers ``last_receipts``; none from an
    older relay."""
    return {
        date.fromisoformat(day): _whole(sequence, name)
        for day, sequence in dict(value or {}).items()
    }


def _whole(value: Any, name: str) -> int:
    """A whole number the relay answered, or TypeError naming it."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} is not a whole number: {value!r}")
    return value
