"""The tills' uploads of their business days, and the shop's view of them (docs/architecture.md,
Contracts): ``PUT /v1/days/{date}``, ``GET /v1/days`` (the revisions held of the caller's own
days), ``GET /v1/shop/days/{date}``, ``GET /v1/shop/uploads``.

A terminal uploads only its own till's records: the body's ``till_id``, every row's ``terminal``
cell and every invoice, payout, receipt and return number must be its till's (403 otherwise, nothing
stored), so the shop's file never lists another till's sale under it. Each file's header must be
the one this relay's Kasir version writes, and every cell of a typed column (a number, a date, a
time: :mod:`pos_app.reports.column_types`) must be as Kasir writes that type, so the shop's file
made later (:mod:`pos_app.reports.shop_files`) never meets a row it cannot read or write. A
terminal reads the days of its own shop only. Nothing a sender sends makes it answer 5xx.
"""

import asyncio
import csv
import logging
import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pos_app.relay import auth, storage, till_days
from pos_app.relay.request_input import HTTPProblem, json_body, read_body, require_json, shown
from pos_app.relay.storage import NotYours, Terminal
from pos_app.relay.till_days import RevisionConflict, TillDay
from pos_app.relay.writer import StorageClosed, StorageFailed
from pos_app.reports.accountant_files import FileKind
from pos_app.reports.column_types import ColumnType, column_types, fits
from pos_app.reports.shop_files import TERMINAL, TILL_COLUMNS, read_rows

if TYPE_CHECKING:
    from pos_app.relay.app import RelayApp

log = logging.getLogger("pos_app.relay")

MAX_REVISION = 2**63 - 1
MAX_UNHEARD = 16
"""Uploads of one day whose answers a till lost, named in its next (:attr:`TillDay.unheard`)."""
_HASH = re.compile("[0-9a-f]{64}")
MAX_SHIFTS = 10_000
_FORM_NAMES = {
    ColumnType.WHOLE: "a whole number",
    ColumnType.RUPIAH: "a whole number of rupiah",
    ColumnType.DECIMAL: "a decimal number such as 11 or 1.1",
    ColumnType.DATE: "a date as yyyy-mm-dd",
    ColumnType.TIME: "a time of day as hh:mm:ss",
}
"""What a cell of each typed column must be, as the 400 says it."""


def _numbered(mark: str) -> Callable[[str], str | None]:
    """How to read the till id from a number of :mod:`pos_app.store.receipt_numbers`'s series
    marked ``mark``: ``T1-20261121-0007`` a receipt, ``T1-20261121-R0002`` a return slip. The
    till id comes before the date; date and sequence hold no '-', so it is never ambiguous.
    ``None`` for what is no such number."""
    shape = re.compile(rf"(?P<till>{auth.TERMINAL_ID.pattern})-[0-9]{{8}}-{mark}[0-9]{{4,}}")

    def till_id(number: str) -> str | None:
        match = shape.fullmatch(number)
        return match["till"] if match else None

    return till_id


_OWNERS: dict[str, Callable[[str], str | None]] = {
    "invoice_number": auth.invoice_till_id,  # a payout's row holds its payout id here
    "refund_of": auth.invoice_till_id,
    "receipt_number": _numbered(""),
    "return_number": _numbered("R"),
}
"""The columns that name a till's invoice, payout, receipt or return slip, and how to read the
till id."""


UPLOADS_AT_ONCE = 2
"""Day uploads one relay process reads, checks and stores at once. A body at the size limit and
its rows take hundreds of MB while they are checked: more at once could exhaust the process that
every shop's notifications and long-polls depend on. One more is answered 429, which a till
tries again later; a terminal has one at a time."""


class UploadRoutes:
    """The routes, on the relay app's storage, terminal authentication and limits."""

    def __init__(self, relay: "RelayApp") -> None:
        self.relay = relay
        self._uploading: set[int] = set()
        """The terminals whose upload is being read, checked or stored (on the loop's thread)."""

    @property
    def in_progress(self) -> int:
        """Uploads being read, checked or stored now."""
        return len(self._uploading)

    def routes(self) -> list[Route]:
        return [
            Route("/v1/days", self.held_days, methods=["GET"]),
            Route("/v1/days/{business_date}", self.upload_day, methods=["PUT"]),
            Route("/v1/shop/days/{business_date}", self.shop_days, methods=["GET"]),
            Route("/v1/shop/uploads", self.shop_uploads, methods=["GET"]),
        ]

    async def upload_day(self, request: Request) -> Response:
        """Store the till's day if it is newer than the one held; 200 only after the commit. A
        refusal of the day itself (too large, unreadable, a conflicting revision) is kept until
        the next upload of that day is taken (:func:`~pos_app.relay.till_days.record_refusal`);
        one that passes (a busy relay, a slow body, the day changed while read) or is about the
        terminal rather than the day (another till's id) is not."""
        terminal = await self.relay._terminal(request)
        require_json(request)
        business_date = _business_date(request.path_params["business_date"])
        if terminal.id in self._uploading or len(self._uploading) >= UPLOADS_AT_ONCE:
            raise HTTPProblem(429, "the relay is taking other day uploads: try again shortly")
        self._uploading.add(terminal.id)
        try:
            return await self._upload(request, terminal, business_date)
        except HTTPProblem as exc:
            if exc.status != SLOW_BODY and not isinstance(exc, _NotAboutTheDay):
                await self._keep_refusal(terminal, business_date, exc)
            raise
        finally:
            self._uploading.discard(terminal.id)

    async def _keep_refusal(self, terminal: Terminal, business_date: str, exc: HTTPProblem) -> None:
        """Kept so the shop's file of the day names the till whose copy is not its latest; the
        till is answered the refusal itself even if keeping it fails."""
        try:
            await self.relay.store.write(
                partial(
                    till_days.record_refusal,
                    terminal=terminal,
                    business_date=business_date,
                    status=exc.status,
                    reason=exc.message,
                )
            )
        except (StorageFailed, StorageClosed) as failure:
            log.error(
                "the refusal of %s's %s was not kept: %s", terminal.name, business_date, failure
            )

    async def _upload(self, request: Request, terminal: Terminal, business_date: str) -> Response:
        config = self.relay.config
        body = await read_body(request, config.max_upload_bytes, config.client_timeout_seconds)
        # megabytes of JSON and CSV to check: off the loop, so notifications are not held up
        former = await self.relay.store.read(
            lambda conn: storage.former_till_ids(conn, terminal.id)
        )
        day = await asyncio.to_thread(lambda: till_day(json_body(body), business_date, former))
        if terminal.till_id not in (None, day.till_id):
            raise _not_yours(terminal.till_id)
        keep = None
        if await self.relay.store.read(lambda conn: till_days.lacks_held(conn, terminal, day)):
            keep = await self.relay.store.read_apart(
                lambda conn: till_days.earlier_part(conn, terminal, day)
            )
        try:
            stored = await self.relay.store.write(
                partial(till_days.store_day, terminal=terminal, day=day, keep=keep)
            )
        except NotYours:
            raise _not_yours(terminal.till_id) from None
        except RevisionConflict as exc:
            raise (HTTPProblem if exc.lasting else _NotAboutTheDay)(409, str(exc)) from None
        if stored.learned_till_id:
            log.warning(
                "terminal %r had no terminal id: it takes %r, from its first upload "
                "(pos-app relay set-terminal-id changes it)",
                terminal.name,
                day.till_id,
            )
        if stored.stored:
            log.info(
                "till %s uploaded %s, revision %d", day.till_id, day.business_date, day.revision
            )
        if stored.stored and keep is not None:
            log.warning(
                "till %s sent %s from a database that lacks revision %d the relay held (restored "
                "from a backup?): that copy is kept, and the shop's day goes on with what it lacks",
                day.till_id,
                day.business_date,
                keep.revision,
            )
        answer: dict[str, Any] = {"revision": stored.revision, "stored": stored.stored}
        if stored.last_receipt is not None:
            answer["last_receipt"] = stored.last_receipt
        return JSONResponse(answer)

    async def held_days(self, request: Request) -> Response:
        """The caller's own days the relay holds, by business day, with their revisions, the
        counter of the last invoice it registered, and the last receipt and return slip of its
        latest days: what a till restored from a backup lacks. Its last receipts come from the
        sales files of two days, megabytes each: read off the event loop, so notifications are
        not held up."""
        terminal = await self.relay._terminal(request)
        days, counter, receipts, returns = await self.relay.store.read_apart(
            lambda conn: (
                till_days.held_days(conn, terminal.shop, terminal.till_id),
                storage.invoice_counter(conn, terminal.till_id),
                till_days.last_receipts(conn, terminal.shop, terminal.till_id),
                till_days.last_returns(conn, terminal.shop, terminal.till_id),
            )
        )
        return JSONResponse(
            {
                "till_id": terminal.till_id,
                "days": days,
                "invoice_counter": counter,
                "last_receipts": receipts,
                "last_returns": returns,
            }
        )

    async def shop_days(self, request: Request) -> Response:
        """Every till's files of the day: megabytes, read and rendered off the event loop."""
        terminal = await self.relay._terminal(request)
        business_date = _business_date(request.path_params["business_date"])
        return await self.relay.store.read_apart(
            lambda conn: JSONResponse(
                {
                    "business_date": business_date,
                    "tills": till_days.shop_days(conn, terminal.shop, business_date),
                }
            )
        )

    async def shop_uploads(self, request: Request) -> Response:
        terminal = await self.relay._terminal(request)
        tills = await self.relay.store.read(
            lambda conn: till_days.shop_uploads(conn, terminal.shop)
        )
        return JSONResponse({"tills": tills})


class _NotAboutTheDay(HTTPProblem):
    """A refusal that says nothing lasting about the day the till holds (it changed while the
    upload was read, or the terminal named another till): not kept for the shop's file."""


SLOW_BODY = 408
"""The body came too slowly: the connection's fault, not the day's."""


def _not_yours(till_id: str | None) -> Exception:
    return _NotAboutTheDay(
        403,
        f"a terminal uploads only its own till's records: till_id and every row's terminal "
        f"must be {till_id or '<its terminal id>'}",
    )


def _business_date(text: str) -> str:
    """A business day as ``yyyy-mm-dd``, or 400."""
    if text and fits(ColumnType.DATE, text):
        return text
    raise HTTPProblem(400, f"the business date must be a date as yyyy-mm-dd, got {shown(text)}")


def till_day(payload: Any, business_date: str, former: frozenset[str] = frozenset()) -> TillDay:
    """Validate the body of ``PUT /v1/days/{business_date}``; a 400 names what is wrong, a 403
    a row of another till. ``former``: the till ids the terminal had before, which rows of its
    earlier sales still carry (a return or a refund of one, the day the id changed)."""
    if not isinstance(payload, dict):
        raise HTTPProblem(400, "the body must be a JSON object")
    till_id = payload.get("till_id")
    if not isinstance(till_id, str) or not auth.TERMINAL_ID.fullmatch(till_id):
        raise HTTPProblem(400, "till_id must be the till's terminal id")
    if payload.get("business_date") != business_date:
        raise HTTPProblem(400, f"business_date must be {business_date}, as in the path")
    revision = _whole(payload, "revision", 1, MAX_REVISION)
    shifts = _whole(payload, "shifts", 0, MAX_SHIFTS)
    day_closed = payload.get("day_closed")
    if not isinstance(day_closed, bool):
        raise HTTPProblem(400, "day_closed must be true or false")
    base = None if payload.get("base") is None else _whole(payload, "base", 0, MAX_REVISION)
    unheard = _hashes(payload.get("unheard", []))
    last_return = _whole(payload, "last_return", 0, MAX_REVISION) if "last_return" in payload else 0
    files = payload.get("files")
    kinds = {kind.value for kind in FileKind}
    if not isinstance(files, dict) or set(files) != kinds:
        raise HTTPProblem(400, f"files must hold {', '.join(sorted(kinds))}, each once")
    checked = {
        FileKind(kind): _till_file(FileKind(kind), text, till_id, former)
        for kind, text in files.items()
    }
    return TillDay(
        till_id, business_date, revision, day_closed, shifts, checked, base, unheard, last_return
    )


def _hashes(value: Any) -> tuple[str, ...]:
    """``unheard``: at most :data:`MAX_UNHEARD` content hashes (64 hex digits each)."""
    if (
        not isinstance(value, list)
        or len(value) > MAX_UNHEARD
        or not all(isinstance(item, str) and _HASH.fullmatch(item) for item in value)
    ):
        raise HTTPProblem(
            400, f"unheard must be a list of at most {MAX_UNHEARD} SHA-256 content hashes"
        )
    return tuple(value)


def _whole(payload: dict[str, Any], name: str, least: int, most: int) -> int:
    value = payload.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        raise HTTPProblem(400, f"{name} must be a whole number from {least} to {most}")
    return value


def _till_file(kind: FileKind, text: Any, till_id: str, former: frozenset[str]) -> str:
    """``text`` if it is a till's ``kind`` file of ``till_id``'s rows (or ``former`` ids')."""
    own = former | {till_id}
    if not isinstance(text, str) or "\x00" in text:
        raise HTTPProblem(400, f"files.{kind.value} must be CSV text")
    try:
        text.encode("utf-8")
        header, rows = read_rows(text)
    except (UnicodeEncodeError, csv.Error) as exc:
        raise HTTPProblem(400, f"files.{kind.value} is not CSV text: {exc}") from None
    if tuple(header) != TILL_COLUMNS[kind]:
        raise HTTPProblem(
            400,
            f"files.{kind.value} does not have the {kind.value} columns of this relay's Kasir "
            "version; update the relay and the tills to the same version",
        )
    typed = [
        (index, type_)
        for index, type_ in enumerate(column_types(header))
        if type_ is not ColumnType.TEXT
    ]
    owned = [(index, _OWNERS[name]) for index, name in enumerate(header) if name in _OWNERS]
    terminal = header.index(TERMINAL) if TERMINAL in header else None
    receipt = header.index("receipt_number") if "receipt_number" in header else None
    for number, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise HTTPProblem(
                400, f"files.{kind.value}, line {number}: {len(row)} cells, not {len(header)}"
            )
        if terminal is not None and row[terminal] not in own:
            raise _not_yours(till_id)
        for index, owner in owned:
            if row[index] and owner(row[index]) not in own:
                raise HTTPProblem(
                    403,
                    f"files.{kind.value}, line {number}: {header[index]} {shown(row[index])} is "
                    f"not till {till_id}'s; a terminal uploads only its own till's records",
                )
        # a receipt number by now, its sequence after the last '-': one longer than the relay
        # keeps of a day's last receipt would overflow that column once the day is an earlier part
        receipt_number = "" if receipt is None else row[receipt]
        if len(receipt_number.rpartition("-")[2]) > till_days.MAX_SEQUENCE_DIGITS:
            raise HTTPProblem(
                400,
                f"files.{kind.value}, line {number}: receipt_number {shown(receipt_number)} has "
                f"a sequence of more than {till_days.MAX_SEQUENCE_DIGITS} digits",
            )
        for index, type_ in typed:
            if not fits(type_, row[index]):
                raise HTTPProblem(
                    400,
                    f"files.{kind.value}, line {number}: {header[index]} {shown(row[index])} is "
                    f"not {_FORM_NAMES[type_]}",
                )
    return text
