"""The relay's ASGI app: notifications in, long-polls out (docs/architecture.md, Contracts).

A notification is verified, stored and committed (see :mod:`pos_app.relay.writer`) before the
200 leaves; the terminal that registered the invoice is then woken. What is stored, and what
recognises a redelivery, is what the signature covers (the event's ``raw``): the provider family
plus the SHA-256 of its canonical JSON (sorted keys, no spaces). DOKU signs the whole body; an
ecommpay signature cannot see empty objects and lists, so a callback re-sent with ``"x": {}``
added is the same event. DOKU's Request-Id is not used, since a retry need not reuse it.

Nothing a sender puts in a request makes the relay answer 5xx: whatever cannot be read is a 4xx
with a JSON ``{"error": …}`` saying why. 503 means the database failed (it recovers by itself).
"""

import asyncio
import contextlib
import hashlib
import json
import logging
import math
import secrets
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import asdict
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pos_app import __version__
from pos_app.domain.clock import utc_now
from pos_app.domain.digits import whole_number
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import check_amount
from pos_app.payments.doku import notification as doku_notification
from pos_app.payments.doku.signing import MAX_REQUEST_ID_LENGTH
from pos_app.payments.ecommpay import statuses as ecommpay_statuses
from pos_app.payments.ecommpay.callback import RedirectData, redirect_data, verify_callback
from pos_app.payments.ecommpay.signing import signing_string
from pos_app.payments.errors import ProviderProtocolError, SignatureMismatch, SignedButUnreadable
from pos_app.payments.model import (
    MAX_INVOICE_LENGTH,
    NO_PAYMENT,
    ProviderEvent,
    ProviderName,
    unread_event,
)
from pos_app.payments.registry import DOKU_NOTIFICATION_PATH, ECOMMPAY_CALLBACK_PATH
from pos_app.relay import auth, engines, pages, storage, uploads
from pos_app.relay.config import RelayConfig
from pos_app.relay.request_input import HTTPProblem, problem, read_body, shown
from pos_app.relay.request_input import json_body as _json_body
from pos_app.relay.request_input import require_json as _require_json
from pos_app.relay.storage import NewEvent, NotYours, PaymentConflict
from pos_app.relay.waiters import Waiters
from pos_app.relay.wakeups import DeliveryListener
from pos_app.relay.writer import RelayStorage, StorageClosed, StorageFailed

log = logging.getLogger("pos_app.relay")

DOKU_ROUTE = DOKU_NOTIFICATION_PATH
ECOMMPAY_ROUTE = ECOMMPAY_CALLBACK_PATH
MAX_EVENTS_PER_ANSWER = 500
MAX_REGISTRATION_BYTES = 4096
HEALTH_TIMEOUT = 5.0
MAX_CURSOR = 2**63 - 1
MAX_EPOCH_LENGTH = 64
MAX_EVENT_AMOUNT = 10**15 - 1
"""Above any real payment, in rupiah or in minor units; what no database column could hold is
refused rather than stored."""
RETRY_AFTER = {"Retry-After": "5"}


async def _problem_response(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPProblem)
    return problem(exc.status, exc.message)


async def _http_exception(_request: Request, exc: Exception) -> Response:
    """Starlette's own 404 and 405 (no such route, wrong method), in the relay's JSON."""
    assert isinstance(exc, HTTPException)
    return problem(exc.status_code, exc.detail, exc.headers)


async def _storage_failed(_request: Request, exc: Exception) -> Response:
    log.error("answered 503: %s", exc)
    return problem(503, "the relay's database is not available right now; retry", RETRY_AFTER)


async def _client_gone(request: Request, _exc: Exception) -> Response:
    """A client that hangs up mid-body is no error of the relay's; the answer reaches nobody."""
    client = request.client.host if request.client else "?"
    log.info(
        "%s %s: the client %s closed the connection mid-request",
        request.method,
        request.url.path,
        client,
    )
    return problem(400, "the client closed the connection before the body was complete")


async def _internal_error(_request: Request, _exc: Exception) -> Response:
    """A bug, not a sender's fault: uvicorn logs the traceback after this answer."""
    return problem(500, "internal error of the relay; it is logged")


def canonical_json(value: Any) -> str:
    """One text per JSON value (sorted keys, no spaces); ValueError for NaN or infinity."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def dedupe_key(provider: ProviderName, signed: str) -> str:
    """The provider family and the SHA-256 of what the signature covers: for DOKU the body (as
    canonical JSON), for ecommpay the signed string, so two callbacks one signature cannot tell
    apart (``5`` and ``"5"``, an empty object added) are one event."""
    return f"{storage.family(provider)}:{hashlib.sha256(signed.encode('utf-8')).hexdigest()}"


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    number = whole_number(raw, 19)
    if number is None or number > MAX_CURSOR:
        raise HTTPProblem(
            400, f"{name} must be a whole number from 0 to {MAX_CURSOR}, got {shown(raw)}"
        )
    return number


def _epoch_param(request: Request) -> str | None:
    raw = request.query_params.get("epoch")
    if raw is not None and not (
        0 < len(raw) <= MAX_EPOCH_LENGTH and raw.isalnum() and raw.isascii()
    ):
        raise HTTPProblem(400, f"epoch must be 1 to {MAX_EPOCH_LENGTH} letters or digits")
    return raw


def _wait_param(request: Request, limit: float) -> float:
    """The seconds to wait, cut to the relay's ``limits.max_wait_seconds``: the tills ask for a
    fixed wait (``relay_client.DEFAULT_WAIT``), which a relay behind a proxy with a shorter
    timeout may lower, and a refusal would leave them no long-poll at all."""
    raw = request.query_params.get("wait")
    if raw is None:
        return 0.0
    try:
        wait = float(raw)
    except ValueError:
        wait = -1.0
    if not 0 <= wait < math.inf:
        raise HTTPProblem(400, f"wait must be a number of seconds, 0 or more, got {shown(raw)}")
    return min(wait, limit)


async def _until_disconnect(request: Request) -> None:
    while (await request.receive())["type"] != "http.disconnect":
        pass


def _status_word(event: ProviderEvent) -> tuple[object, bool]:
    """The status word the provider sent, and whether Kasir knows it."""
    if event.provider is ProviderName.DOKU:
        transaction = event.raw.get("transaction")
        word = transaction.get("status") if isinstance(transaction, Mapping) else None
        return word, doku_notification.is_known_status(word)
    payment = event.raw.get("payment")
    word = payment.get("status") if isinstance(payment, Mapping) else None
    return word, ecommpay_statuses.is_known_status(word)


class RelayApp:
    """The relay's handlers and the state they share (config, storage, long-poll waiters)."""

    def __init__(self, config: RelayConfig, relay_storage: RelayStorage | None = None) -> None:
        self.config = config
        self._storage = relay_storage
        self._owns_storage = relay_storage is None
        self.waiters = Waiters(config.max_waits_per_terminal, config.max_waits_total)
        self._loop: asyncio.AbstractEventLoop | None = None
        self.uploads = uploads.UploadRoutes(self)
        routes = [
            Route(DOKU_ROUTE, self.doku_notification, methods=["POST"]),
            Route(ECOMMPAY_ROUTE, self.ecommpay_callback, methods=["POST"]),
            Route("/v1/payments", self.register_payment, methods=["POST"]),
            Route("/v1/payments/{invoice:path}", self.payment_status, methods=["GET"]),
            Route("/v1/pages/{invoice:path}", self.end_page, methods=["DELETE"]),
            Route("/v1/events", self.events, methods=["GET"]),
            Route("/r/{token}", self.redirect, methods=["GET"]),
            Route("/healthz", self.healthz, methods=["GET"]),
            *self.uploads.routes(),
        ]
        if config.doku_notification_path != DOKU_ROUTE:
            routes.append(
                Route(config.doku_notification_path, self.doku_notification, methods=["POST"])
            )
        self.asgi = Starlette(
            routes=routes,
            lifespan=self._lifespan,
            exception_handlers={
                HTTPProblem: _problem_response,
                HTTPException: _http_exception,
                StorageFailed: _storage_failed,
                StorageClosed: _storage_failed,
                ClientDisconnect: _client_gone,
                Exception: _internal_error,
            },
        )

    @property
    def store(self) -> RelayStorage:
        if self._storage is None:
            raise StorageClosed("the relay has not started")
        return self._storage

    @contextlib.asynccontextmanager
    async def _lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        self._loop = asyncio.get_running_loop()
        if self._storage is None:
            self._storage = RelayStorage(self.config.database)
        await self._storage.start()
        listener = None
        if engines.is_postgres(self._storage.database):
            listener = DeliveryListener(
                str(self._storage.database), self.waiters.notify, self.waiters.wake_all
            )
            await listener.start()
        log.info(
            "relay %s serving, database %s",
            __version__,
            engines.describe(self._storage.database),
        )
        try:
            yield
        finally:
            if listener is not None:
                await listener.stop()
            self.waiters.close()
            await self._storage.stop()
            if self._owns_storage:
                self._storage.close()
                self._storage = None
            log.info("relay stopped; every acknowledged notification is committed")

    def begin_shutdown(self) -> None:
        """Answer every long-poll now (thread- and signal-safe), so shutdown does not wait."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self.waiters.close)

    # --- provider side ---------------------------------------------------------------------

    async def doku_notification(self, request: Request) -> Response:
        config = self.config
        if not config.doku_enabled:
            return problem(404, "DOKU notifications are not configured on this relay")

        def verify(body: bytes) -> tuple[ProviderEvent, None]:
            event = doku_notification.verify_notification(
                request.headers,
                body,
                client_id=config.doku_client_id,
                secret_key=config.doku_secret_key,
                request_target=config.doku_notification_path,
            )
            return event, None

        return await self._ingest(request, "DOKU notification", verify)

    async def ecommpay_callback(self, request: Request) -> Response:
        config = self.config
        if not config.ecommpay_enabled:
            return problem(404, "ecommpay callbacks are not configured on this relay")

        def verify(body: bytes) -> tuple[ProviderEvent, RedirectData | None]:
            event = verify_callback(body, config.ecommpay_secret_key)
            try:
                return event, redirect_data(event.raw)
            except ProviderProtocolError as exc:  # the payment's news still counts
                log.warning(
                    "ecommpay callback for %s: its redirect cannot be used (%s); stored without it",
                    event.invoice_number,
                    exc,
                )
                return event, None

        return await self._ingest(request, "ecommpay callback", verify)

    async def _ingest(
        self,
        request: Request,
        what: str,
        verify: Callable[[bytes], tuple[ProviderEvent, RedirectData | None]],
    ) -> Response:
        """Verify, store durably, wake the owner, then acknowledge; never the other way round.

        A content type is not checked: a signed notification is judged by its bytes, never
        refused for its label.
        """
        client = request.client.host if request.client else "?"
        try:
            body = await read_body(
                request, self.config.max_body_bytes, self.config.client_timeout_seconds
            )
            kept_apart = None
            try:
                event, redirect = verify(body)
                if not 0 <= event.amount <= MAX_EVENT_AMOUNT:
                    raise SignedButUnreadable(
                        f"its amount is out of range (0 to {MAX_EVENT_AMOUNT})",
                        unread_event(
                            event.provider, event.invoice_number, event.raw, event.account
                        ),
                    )
            except SignedButUnreadable as exc:
                event, redirect = exc.event, None
                kept_apart = f"{storage.UNREADABLE}: {exc}"
            new = self._new_event(event, redirect, request.headers.get("request-id"), kept_apart)
        except ClientDisconnect:
            raise
        except HTTPProblem as exc:
            log.warning("%s from %s refused (%d): %s", what, client, exc.status, exc.message)
            return problem(exc.status, exc.message)
        except SignatureMismatch as exc:
            log.warning("%s from %s refused (401): %s", what, client, exc)
            return problem(401, f"{what} refused: {exc}")
        except (ProviderProtocolError, ValidationError) as exc:
            log.warning("%s from %s refused (400): %s", what, client, exc)
            return problem(400, f"{what} refused: {exc}")
        except (RecursionError, ValueError, UnicodeError, OverflowError) as exc:
            log.warning("%s from %s refused (400): unreadable, %s", what, client, exc)
            return problem(400, f"{what} refused: it cannot be read ({type(exc).__name__})")
        except Exception:
            # A parser that trips over some input is a bug to fix, yet still the sender's input:
            # a 400, with the traceback for the operator.
            log.exception("%s from %s refused (400): the parser failed", what, client)
            return problem(400, f"{what} refused: it cannot be read")
        stored = await self.store.write(storage.Ingest(new))
        if not stored.duplicate:
            self._log_new(what, event, new, stored.terminal_id)
        if stored.terminal_id is not None and not stored.duplicate:
            self.waiters.notify(stored.terminal_id)
        log.info(
            "%s %s %s %s",
            what,
            event.invoice_number,
            event.status,
            "repeated, already stored" if stored.duplicate else "stored",
        )
        return JSONResponse({"status": "OK", "duplicate": stored.duplicate})

    def _new_event(
        self,
        event: ProviderEvent,
        redirect: RedirectData | None,
        request_id: str | None,
        kept_apart: str | None = None,
    ) -> NewEvent:
        """What is stored of a verified event: its signed fields as canonical JSON. What could
        not be stored, or handed out again, is a protocol error (400) saying why (depth and
        lone surrogates the parsers refuse already: :func:`read_provider_json`)."""
        try:
            payload = canonical_json(event.raw)
            signed = payload if event.provider is ProviderName.DOKU else signing_string(event.raw)
            key = dedupe_key(event.provider, signed)
            (event.invoice_number + event.currency).encode("utf-8")
            if "\x00" in event.invoice_number + event.currency:
                raise ValueError("NUL")
        except ValueError:  # UnicodeEncodeError is one too
            raise ProviderProtocolError(
                "it holds NaN, infinity, a lone surrogate or a NUL character, which JSON or the"
                " database cannot carry on"
            ) from None
        return NewEvent(
            dedupe_key=key,
            provider=event.provider,
            invoice_number=event.invoice_number,
            status=event.status,
            amount=event.amount,
            payload=payload,
            request_id=request_id[:MAX_REQUEST_ID_LENGTH] if request_id else None,
            redirect_data=json.dumps(asdict(redirect)) if redirect else None,
            currency=event.currency,
            kept_apart=kept_apart or self._kept_apart(event),
        )

    def _kept_apart(self, event: ProviderEvent) -> str | None:
        """Why no terminal may have this event: it names another ecommpay project than this
        relay's, or no payment at all. Stored and acknowledged all the same (ecommpay retries
        for 11 days)."""
        project = self.config.ecommpay_project_id
        if event.provider is ProviderName.DOKU:
            return None
        if event.invoice_number == NO_PAYMENT:
            return "names no payment (a token, recurring or request callback)"
        if event.account is None:
            return None
        if event.account != str(project):
            account = event.account if event.account.isprintable() else shown(event.account)
            return f"for ecommpay project {account}, not this relay's {project}"
        return None

    def _log_new(
        self, what: str, event: ProviderEvent, new: NewEvent, terminal_id: int | None
    ) -> None:
        """What the operator should hear of a newly stored event (of one kept apart, only that:
        no terminal applies its status)."""
        word, known = _status_word(event)
        if not known and new.kept_apart is None:
            log.warning(
                "%s for %s has the status %s, which Kasir does not know: stored, and %s to "
                "the terminal",
                what,
                event.invoice_number,
                shown(str(word)),
                event.status,
            )
        if new.kept_apart is not None and terminal_id is not None:
            log.warning(
                "%s for %s stored and kept apart (%s): its terminal lists it for the manager",
                what,
                event.invoice_number,
                new.kept_apart,
            )
        elif new.kept_apart is not None:
            log.warning(
                "%s for %s stored and kept apart (%s): no terminal gets it; "
                "see pos-app relay orphans",
                what,
                event.invoice_number,
                new.kept_apart,
            )
        elif terminal_id is None:
            log.warning(
                "%s for unregistered invoice %s (%s) stored as an orphan",
                what,
                event.invoice_number,
                event.status,
            )

    # --- terminal side ---------------------------------------------------------------------

    async def _terminal(self, request: Request) -> storage.Terminal:
        token = auth.bearer_token(request.headers.get("authorization"))
        terminal = await self.store.read(lambda conn: auth.authenticate(conn, token))
        if terminal is None:
            raise HTTPProblem(401, "missing, unknown or revoked terminal token")
        return terminal

    async def register_payment(self, request: Request) -> Response:
        """Register an invoice this terminal's till made: it must carry the till's id. Any
        other is answered 403 alike, registered elsewhere or not, so nothing is given away."""
        terminal = await self._terminal(request)
        _require_json(request)
        body = await read_body(request, MAX_REGISTRATION_BYTES, self.config.client_timeout_seconds)
        invoice, provider, amount, page_at_least = _registration(_json_body(body))
        till_id = auth.invoice_till_id(invoice)
        not_yours = HTTPProblem(
            403,
            "a terminal registers only the invoice numbers and payout ids its own till makes: "
            f"KSR-{terminal.till_id or '<terminal id>'}-… or "
            f"RFD-{terminal.till_id or '<terminal id>'}-…",
        )
        if till_id is None or terminal.till_id not in (None, till_id):
            raise not_yours
        token = secrets.token_urlsafe(12) if provider.shows_relay_page else None
        try:
            registered = await self.store.write(
                partial(
                    storage.register_payment,
                    terminal_id=terminal.id,
                    till_id=till_id,
                    invoice_number=invoice,
                    provider=provider,
                    amount=amount,
                    redirect_token=token,
                    redirect_ttl=timedelta(seconds=self.config.redirect_ttl_seconds),
                    page_at_least=page_at_least,
                )
            )
        except NotYours:
            raise not_yours from None
        except PaymentConflict as exc:
            raise HTTPProblem(409, str(exc)) from None
        if registered.learned_till_id:
            log.warning(
                "terminal %r had no terminal id: it takes %r, from its first invoice "
                "(pos-app relay set-terminal-id changes it)",
                terminal.name,
                till_id,
            )
        if registered.adopted:
            log.info("invoice %s: %d earlier event(s) handed over", invoice, registered.adopted)
            self.waiters.notify(terminal.id)
        answer: dict[str, Any] = {
            "invoice_number": invoice,
            "provider": provider.value,
            "amount": amount,
            "redirect_token": registered.redirect_token,
            "redirect_url": None,
        }
        if registered.redirect_token:
            base = self.config.public_url or str(request.base_url)
            answer["redirect_url"] = f"{base.rstrip('/')}/r/{registered.redirect_token}"
        return JSONResponse(answer, status_code=201)

    async def payment_status(self, request: Request) -> Response:
        terminal = await self._terminal(request)
        invoice = request.path_params["invoice"]
        view = None
        if invoice.isprintable():  # a NUL would be a database error on PostgreSQL, not a 404
            view = await self.store.read(
                lambda conn: storage.payment_view(conn, terminal.id, invoice)
            )
        if view is None:
            return problem(404, f"invoice {shown(invoice)} is not registered by this terminal")
        return JSONResponse(view)

    async def end_page(self, request: Request) -> Response:
        """The till gave up the payment (cancelled, expired): its Gate page ends, so a phone
        left on it is not sent on to the wallet to pay what the cashier took another way."""
        terminal = await self._terminal(request)
        invoice = request.path_params["invoice"]
        ended = invoice.isprintable() and await self.store.write(
            partial(
                storage.end_page,
                terminal_id=terminal.id,
                invoice_number=invoice,
                now=utc_now(),
            )
        )
        return JSONResponse({"invoice_number": invoice, "ended": bool(ended)})

    async def events(self, request: Request) -> Response:
        """Long-poll: answer as soon as this terminal has an event after ``after``.

        A terminal that names another ``epoch`` than this database's has a cursor from another
        database (this one was restored from a backup, or made anew): it gets the events from
        the first cursor on, and learns the epoch from the answer.
        """
        terminal = await self._terminal(request)
        after = _int_param(request, "after", 0)
        epoch = _epoch_param(request)
        wait = _wait_param(request, self.config.max_wait_seconds)
        store = self.store
        if epoch is not None and epoch != store.epoch:
            log.info("terminal %s had epoch %s: answering from the start", terminal.name, epoch)
            after = 0

        def newer(conn: Any) -> list[dict[str, Any]]:
            return storage.events_after(conn, terminal.id, after, MAX_EVENTS_PER_ANSWER)

        found = await store.read(newer)
        if not found and wait > 0 and not self.waiters.closed:
            refused = self.waiters.enter(terminal.id)
            if refused:
                return problem(429, refused, headers=RETRY_AFTER)
            log.debug("terminal %s long-polls for up to %g s", terminal.name, wait)
            loop = asyncio.get_running_loop()
            deadline = loop.time() + wait
            disconnect = asyncio.ensure_future(_until_disconnect(request))
            try:
                while not disconnect.done() and not self.waiters.closed:
                    remaining = deadline - loop.time()
                    if remaining <= 0:
                        break
                    # Subscribed before reading: a delivery committed after the read began
                    # (PostgreSQL reads off the loop) still wakes this wait.
                    woken = self.waiters.subscribe(terminal.id)
                    try:
                        found = await store.read(newer)
                        if found:
                            break
                        await asyncio.wait(
                            {woken, disconnect},
                            timeout=remaining,
                            return_when=asyncio.FIRST_COMPLETED,
                        )
                    finally:
                        self.waiters.unsubscribe(terminal.id, woken)
            finally:
                disconnect.cancel()
                self.waiters.leave(terminal.id)
            if found:  # the token may have been rotated or revoked while it waited
                await self._terminal(request)
        cursor = found[-1]["cursor"] if found else after
        return JSONResponse({"events": found, "cursor": cursor, "epoch": store.epoch})

    # --- customer and operator -------------------------------------------------------------

    async def redirect(self, request: Request) -> Response:
        token = request.path_params["token"]
        view = None
        if token.isprintable():  # as for payment_status
            view = await self.store.read(lambda conn: storage.redirect_view(conn, token, utc_now()))
        if view is None:
            return pages.not_found_page()
        if view.status in ("paid", "refunded"):
            return pages.finished_page(view.invoice_number, paid=True)
        if view.status != "pending":
            return pages.finished_page(view.invoice_number, paid=False)
        if view.redirect_data is None:
            return pages.waiting_page(view.invoice_number)
        data = view.redirect_data
        return pages.redirect_page(
            view.invoice_number, data["method"], data["url"], data["body"], secrets.token_hex(16)
        )

    async def healthz(self, request: Request) -> Response:
        """Public, so cheap and terse: a real write proves the database takes commits (503 when
        it does not). Counts are the operator's: ``pos-app relay status``."""
        store = self.store
        try:
            await asyncio.wait_for(store.write(storage.touch), HEALTH_TIMEOUT)
        except (TimeoutError, StorageFailed, StorageClosed) as exc:
            log.error("health check: the database does not take writes: %s", exc)
            return JSONResponse(
                {
                    "status": "error",
                    "version": __version__,
                    "epoch": store.epoch,
                    "error": "the relay's database does not take writes",
                },
                status_code=503,
                headers=RETRY_AFTER,
            )
        return JSONResponse({"status": "ok", "version": __version__, "epoch": store.epoch})


def _registration(payload: Any) -> tuple[str, ProviderName, int, datetime | None]:
    """Validate ``POST /v1/payments``; a 400 names the field that is wrong. ``expires_at``
    (optional, ISO 8601 with its offset) is when the till's QR stops: a Gate page lives as
    long."""
    if not isinstance(payload, dict):
        raise HTTPProblem(400, "the body must be a JSON object")
    invoice = payload.get("invoice_number")
    if (
        not isinstance(invoice, str)
        or not invoice
        or len(invoice) > MAX_INVOICE_LENGTH
        or not invoice.isprintable()
    ):
        raise HTTPProblem(
            400, f"invoice_number must be text of 1 to {MAX_INVOICE_LENGTH} printable characters"
        )
    providers = {p.value: p for p in ProviderName}
    provider = payload.get("provider")
    if not isinstance(provider, str) or provider not in providers:
        raise HTTPProblem(400, f"provider must be one of {', '.join(providers)}")
    try:
        amount = check_amount(payload.get("amount"))
    except ValidationError as exc:
        raise HTTPProblem(400, str(exc)) from None
    raw = payload.get("expires_at")
    expires_at = None
    if raw is not None:
        try:
            expires_at = datetime.fromisoformat(raw) if isinstance(raw, str) else None
        except ValueError:
            expires_at = None
        if expires_at is None or expires_at.tzinfo is None:
            raise HTTPProblem(400, "expires_at must be an ISO 8601 time with its offset")
    return invoice, providers[provider], amount, expires_at
