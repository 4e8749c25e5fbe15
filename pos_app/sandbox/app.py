"""The sandbox as one Starlette app: both providers, the customer's buttons, the control routes.

Run it with ``pos-app sandbox`` or in-process with ``ServerThread.of(create_sandbox_app(config))``;
``app.state.sandbox`` gives demo mode the :class:`~pos_app.sandbox.core.Sandbox` behind it.
"""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from datetime import datetime
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from pos_app.sandbox import pages
from pos_app.sandbox.config import SandboxConfig
from pos_app.sandbox.control import AnswerDelays, Control, DelayedAnswers
from pos_app.sandbox.core import NotPending, Sandbox
from pos_app.sandbox.doku import DokuSimulator
from pos_app.sandbox.ecommpay import EcommpaySimulator
from pos_app.sandbox.saved_state import SavedState
from pos_app.sandbox.state import Choice
from pos_app.sandbox.wire import InboundError, parse_query, read_body

MAX_FORM_BYTES = 4096


def create_sandbox_app(
    config: SandboxConfig | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
    state_file: Path | None = None,
) -> Starlette:
    """A sandbox with its own memory; ``clock`` (UTC) lets tests move time. With ``state_file``
    (demo mode) its orders outlive the process: it starts from those saved there."""
    saved = SavedState(state_file) if state_file is not None else None
    sandbox = Sandbox(config or SandboxConfig(), clock, saved)
    doku = DokuSimulator(sandbox)
    ecommpay = EcommpaySimulator(sandbox)
    sandbox.register(doku)
    sandbox.register(ecommpay)
    delays = AnswerDelays()

    async def checkout(request: Request) -> HTMLResponse:
        """The Pay / Decline buttons of every payment page post here."""
        order = sandbox.state.by_session(request.path_params["session_id"])
        if order is None:
            page = pages.error_page("Payment not found", "This payment link is not valid.")
            return HTMLResponse(page, status_code=404)
        try:
            form = parse_query(await read_body(request, MAX_FORM_BYTES), what="form")
            choice = Choice(form.get("choice", ""))
            if choice not in (Choice.PAY, Choice.DECLINE):
                raise ValueError(choice)
        except (InboundError, ValueError):
            page = pages.error_page("Unknown choice", "Press Pay or Decline on the payment page.")
            return HTMLResponse(page, status_code=400)
        with suppress(NotPending):
            sandbox.settle(order, choice)
        return HTMLResponse(sandbox.page(order))

    async def index(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "service": "kasir-sandbox",
                "doku_client_id": sandbox.config.doku_client_id,
                "ecommpay_project_id": sandbox.config.ecommpay_project_id,
            }
        )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        sandbox.resume()
        yield
        await sandbox.close()
        if saved is not None:
            saved.close()

    app = Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route(pages.CHECKOUT_PATH, checkout, methods=["POST"]),
            *doku.routes(),
            *ecommpay.routes(),
            *Control(sandbox, delays).routes(),
        ],
        middleware=[Middleware(DelayedAnswers, delays=delays)],
        lifespan=lifespan,
    )
    app.state.sandbox = sandbox
    return app
