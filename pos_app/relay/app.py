"""The relay's ASGI app: provider notifications in, terminal long-polls out (DESIGN.md §2).

A notification is verified, stored and committed (see :mod:`pos_app.relay.storage`) before the
200 leaves; the terminal that registered the invoice is then woken. Redeliveries are recognised by
a key that is right for both providers: the provider family plus the SHA-256 of the body's
canonical JSON (sorted keys, no spaces). DOKU's Request-Id is not used, since a retry need not
reuse it; a retry repeats the same notification body, and an ecommpay callback's body includes its
signature, so two different events never share a key.
"""

import asyncio
import contextlib
import hashlib
import json
import logging
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import asdict
from datetime import timedelta
from functools import partial
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pos_app import __version__
from pos_app.errors import ValidationError
from pos_app.money import check_amount
from pos_app.payments.doku.notification import verify_notification
from pos_app.payments.ecommpay.callback import RedirectData, redirect_data, verify_callback
from pos_app.payments.errors import ProviderProtocolError, SignatureMismatch
from pos_app.payments.model import ProviderEvent, ProviderName
from pos_app.relay import auth, pages, storage
from pos_app.relay.config import RelayConfig
from pos_app.relay.storage import NewEvent, PaymentConflict, RelayStorage, StorageFailed
from pos_app.relay.waiters import Waiters

log = logging.getLogger("pos_app.relay")

DOKU_ROUTE = "/doku/notifications"
ECOMMPAY_ROUTE = "/ecommpay/callbacks"
MAX_EVENTS_PER_ANSWER = 500
MAX_REGISTRATION_BYTES = 4096
MAX_INVOICE_LENGTH = 64
HEALTH_TIMEOUT = 5.0
MAX_CURSOR = 2**63 - 1
MAX_EPOCH_LENGTH = 64


class HTTPProblem(Exception):
    """Ends a request with ``status`` and a JSON ``{"error": message}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def problem(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


async def _problem_response(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPProblem)
    return problem(exc.status, exc.message)


def dedupe_key(provider: ProviderName, payload: Any) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"{storage.family(provider)}:{hashlib.sha256(canonical.encode('utf-8')).hexdigest()}"


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refusing more than ``limit`` bytes whether announced or streamed."""
    length = request.headers.get("content-length")
    if length is not None:
        if not (length.isascii() and length.isdigit()):
            raise HTTPProblem(400, "Content-Length is not a number")
        if int(length) > limit:
            raise HTTPProblem(413, f"body is larger than {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPProblem(413, f"body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or int(raw) > MAX_CURSOR:
        raise HTTPProblem(400, f"{name} must be a whole number from 0 to {MAX_CURSOR}, got {raw!r}")
    return int(raw)


def _epoch_param(request: Request) -> str | None:
    raw = request.query_params.get("epoch")
    if raw is not None and not (
        0 < len(raw) <= MAX_EPOCH_LENGTH and raw.isalnum() and raw.isascii()
    ):
        raise HTTPProblem(400, f"epoch must be 1 to {MAX_EPOCH_LENGTH} letters or digits")
    return raw


def _wait_param(request: Request, limit: float) -> float:
    raw = request.query_params.get("wait")
    if raw is None:
        return 0.0
    try:
        wait = float(raw)
    except ValueError:
        wait = -1.0
    if not 0 <= wait <= limit:
        raise HTTPProblem(400, f"wait must be a number of seconds from 0 to {limit:g}, got {raw!r}")
    return wait


async def _until_disconnect(request: Request) -> None:
    while (await request.receive())["type"] != "http.disconnect":
        pass


class RelayApp:
    """The relay's handlers and the state they share (config, storage, long-poll waiters)."""

    def __init__(self, config: RelayConfig, relay_storage: RelayStorage | None = None) -> None:
        self.config = config
        self._storage = relay_storage
        self._owns_storage = relay_storage is None
        self.waiters = Waiters(config.max_waits_per_terminal, config.max_waits_total)
        self._loop: asyncio.AbstractEventLoop | None = None
        routes = [
            Route(DOKU_ROUTE, self.doku_notification, methods=["POST"]),
            Route(ECOMMPAY_ROUTE, self.ecommpay_callback, methods=["POST"]),
            Route("/v1/payments", self.register_payment, methods=["POST"]),
            Route("/v1/payments/{invoice:path}", self.payment_status, methods=["GET"]),
            Route("/v1/events", self.events, methods=["GET"]),
            Route("/r/{token}", self.redirect, methods=["GET"]),
            Route("/healthz", self.healthz, methods=["GET"]),
        ]
        if config.doku_notification_path != DOKU_ROUTE:
            routes.append(
                Route(config.doku_notification_path, self.doku_notification, methods=["POST"])
            )
        self.asgi = Starlette(
            routes=routes,
            lifespan=self._lifespan,
            exception_handlers={HTTPProblem: _problem_response},
        )

    @property
    def store(self) -> RelayStorage:
        if self._storage is None:
            raise RuntimeError("the relay has not started")
        return self._storage

    @contextlib.asynccontextmanager
    async def _lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        self._loop = asyncio.get_running_loop()
        if self._storage is None:
            self._storage = RelayStorage(self.config.db)
        await self._storage.start()
        log.info("relay %s serving, database %s", __version__, self.config.db)
        try:
            yield
        finally:
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
            event = verify_notification(
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
            return event, redirect_data(event.raw)

        return await self._ingest(request, "ecommpay callback", verify)

    async def _ingest(
        self,
        request: Request,
        what: str,
        verify: Callable[[bytes], tuple[ProviderEvent, RedirectData | None]],
    ) -> Response:
        """Verify, store durably, wake the owner, then acknowledge; never the other way round."""
        client = request.client.host if request.client else "?"
        try:
            body = await read_body(request, self.config.max_body_bytes)
            event, redirect = verify(body)
        except HTTPProblem as exc:
            log.warning("%s from %s refused (%d): %s", what, client, exc.status, exc.message)
            return problem(exc.status, exc.message)
        except SignatureMismatch as exc:
            log.warning("%s from %s refused (401): %s", what, client, exc)
            return problem(401, f"{what} refused: {exc}")
        except ProviderProtocolError as exc:
            log.warning("%s from %s refused (400): %s", what, client, exc)
            return problem(400, f"{what} refused: {exc}")
        new = NewEvent(
            dedupe_key=dedupe_key(event.provider, event.raw),
            provider=event.provider,
            invoice_number=event.invoice_number,
            status=event.status,
            amount=event.amount,
            payload=body.decode("utf-8"),
            request_id=request.headers.get("request-id"),
            redirect_data=json.dumps(asdict(redirect)) if redirect else None,
        )
        try:
            stored = await self.store.write(partial(storage.insert_event, event=new))
        except (StorageFailed, storage.StorageClosed) as exc:
            log.error("%s for %s not stored: %s", what, event.invoice_number, exc)
            return problem(503, "the notification could not be stored; please retry")
        if stored.terminal_id is not None and not stored.duplicate:
            self.waiters.notify(stored.terminal_id)
        if stored.terminal_id is None and not stored.duplicate:
            log.warning(
                "%s for unregistered invoice %s (%s) stored as an orphan",
                what,
                event.invoice_number,
                event.status,
            )
        log.info(
            "%s %s %s %s",
            what,
            event.invoice_number,
            event.status,
            "repeated, already stored" if stored.duplicate else "stored",
        )
        return JSONResponse({"status": "OK", "duplicate": stored.duplicate})

    # --- terminal side ---------------------------------------------------------------------

    def _terminal(self, request: Request) -> storage.Terminal:
        token = auth.bearer_token(request.headers.get("authorization"))
        terminal = auth.authenticate(self.store.reader, token)
        if terminal is None:
            raise HTTPProblem(401, "missing, unknown or revoked terminal token")
        return terminal

    async def register_payment(self, request: Request) -> Response:
        terminal = self._terminal(request)
        try:
            payload = json.loads(await read_body(request, MAX_REGISTRATION_BYTES))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise HTTPProblem(400, "the body must be a JSON object") from None
        invoice, provider, amount = _registration(payload)
        token = secrets.token_urlsafe(12) if provider is ProviderName.ECOMMPAY_GATE else None
        try:
            registered = await self.store.write(
                partial(
                    storage.register_payment,
                    terminal_id=terminal.id,
                    invoice_number=invoice,
                    provider=provider,
                    amount=amount,
                    redirect_token=token,
                    redirect_ttl=timedelta(seconds=self.config.redirect_ttl_seconds),
                )
            )
        except PaymentConflict as exc:
            raise HTTPProblem(409, str(exc)) from None
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
        terminal = self._terminal(request)
        invoice = request.path_params["invoice"]
        view = storage.payment_view(self.store.reader, terminal.id, invoice)
        if view is None:
            return problem(404, f"invoice {invoice!r} is not registered by this terminal")
        return JSONResponse(view)

    async def events(self, request: Request) -> Response:
        """Long-poll: answer as soon as this terminal has an event after ``after``.

        A terminal that names another ``epoch`` than this database's has a cursor from another
        database (this one was restored from a backup, or made anew): it gets the events from
        the first cursor on, and learns the epoch from the answer.
        """
        terminal = self._terminal(request)
        after = _int_param(request, "after", 0)
        epoch = _epoch_param(request)
        wait = _wait_param(request, self.config.max_wait_seconds)
        reader = self.store.reader
        if epoch is not None and epoch != self.store.epoch:
            log.info("terminal %s had epoch %s: answering from the start", terminal.name, epoch)
            after = 0
        found = storage.events_after(reader, terminal.id, after, MAX_EVENTS_PER_ANSWER)
        if not found and wait > 0 and not self.waiters.closed:
            refused = self.waiters.enter(terminal.id)
            if refused:
                return problem(429, refused, headers={"Retry-After": "5"})
            loop = asyncio.get_running_loop()
            deadline = loop.time() + wait
            disconnect = asyncio.ensure_future(_until_disconnect(request))
            try:
                while not found and not disconnect.done() and not self.waiters.closed:
                    remaining = deadline - loop.time()
                    if remaining <= 0:
                        break
                    woken = self.waiters.subscribe(terminal.id)
                    await asyncio.wait(
                        {woken, disconnect}, timeout=remaining, return_when=asyncio.FIRST_COMPLETED
                    )
                    self.waiters.unsubscribe(terminal.id, woken)
                    found = storage.events_after(reader, terminal.id, after, MAX_EVENTS_PER_ANSWER)
            finally:
                disconnect.cancel()
                self.waiters.leave(terminal.id)
        cursor = found[-1]["cursor"] if found else after
        return JSONResponse({"events": found, "cursor": cursor, "epoch": self.store.epoch})

    # --- customer and operator -------------------------------------------------------------

    async def redirect(self, request: Request) -> Response:
        view = storage.redirect_view(
            self.store.reader, request.path_params["token"], storage.utc_now()
        )
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
        try:
            await asyncio.wait_for(self.store.write(storage.touch), HEALTH_TIMEOUT)
            writable = True
        except (TimeoutError, StorageFailed, storage.StorageClosed) as exc:
            log.error("health check: the database does not take writes: %s", exc)
            writable = False
        return JSONResponse(
            {
                "status": "ok" if writable else "error",
                "version": __version__,
                "epoch": self.store.epoch,
                "storage": {"writable": writable, "commits": self.store.commits},
                "counts": await asyncio.to_thread(storage.read_counts, self.store.path),
                "long_polls": self.waiters.active,
            },
            status_code=200 if writable else 503,
        )


def _registration(payload: Any) -> tuple[str, ProviderName, int]:
    """Validate ``POST /v1/payments``; a 400 names the field that is wrong."""
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
    try:
        provider = ProviderName(payload.get("provider"))
    except ValueError:
        names = ", ".join(p.value for p in ProviderName)
        raise HTTPProblem(400, f"provider must be one of {names}") from None
    try:
        amount = check_amount(payload.get("amount"))  # type: ignore[arg-type]
    except ValidationError as exc:
        raise HTTPProblem(400, str(exc)) from None
    return invoice, provider, amount
