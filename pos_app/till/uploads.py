"""Whole-shop uploads, the till's side: each business day's accountant files go to the relay.

The unit is one till's business day as its own files show it (``reports/accountant_files``: sale
lines, sales, payments), so the shop's file, the tills' files one after another, adds up to the
rupiah. The store's outbox (``store/uploads.py``) says which days changed; :class:`Uploader` sends
the oldest first on a thread of its own, every few seconds or when nudged, and backs off while the
relay cannot be reached. A till offline for days keeps selling and catches up, oldest day first.
What the till sent is not taken for granted: at start and every :data:`RECONCILE_INTERVAL` it asks
the relay which days it holds (:func:`reconcile`), so a relay restored from a backup gets again
the days it lost.
:func:`export_shop_day` writes the other way round: one day of every till, from the relay.
"""

import logging
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pos_app.clients.relay_client import (
    MAX_BACKOFF,
    DayStored,
    HeldDays,
    RelayClient,
    RelayError,
    RelayRejected,
    RelayUnreachable,
    backoff_delay,
)
from pos_app.domain.csv_cells import restore
from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_
from pos_app.reports.accountant_files import AccountantFile, FileFormat, FileKind
from pos_app.reports.payments_csv import PAYMENT, PAYOUT, PAYOUT_REVERSAL, export_payments
from pos_app.reports.sales_csv import REFUND_TENDER, ExportKind, export_sales
from pos_app.reports.shop_files import (
    TillDayFiles,
    day_content_hash,
    missing_tills,
    read_rows,
    write_shop_file,
)
from pos_app.reports.snapshot import read_snapshot
from pos_app.store.database import transaction
from pos_app.store.given_back import (
    GivenBack,
    SoldForCash,
    await_relay_read,
    keep_given_back,
    keep_sold_for_cash,
    relay_read,
)
from pos_app.store.receipt_numbers import (
    RETURNS,
    keep_held_numbers,
    last_sequence,
    raise_floor,
    sequence_of,
)
from pos_app.store.sales import Tender
from pos_app.store.terminal_store import TerminalStore
from pos_app.store.uploads import PendingDay, RefusedDay, UploadOutbox
from pos_app.till.problem_payments import CopiedPayment, CopiedSale, attach_as_before_restore

log = logging.getLogger(__name__)

CHECK_INTERVAL = 5.0
"""Seconds between looks at the outbox when nothing nudges the uploader: one indexed query."""
UPLOAD_GAP = 30.0
"""Seconds a day just uploaded waits before it goes again (a closed day goes at once): at the
counter every sale changes today, and building a busy day's files takes a few hundred ms of the
till's CPU. A whole-shop export sends this till's days first, whatever the gap."""
_ONE_AT_A_TIME = threading.Lock()
"""Held while this process uploads or compares its days: the uploader's thread and a whole-shop
export's own catch-up would otherwise send at once, and the relay takes one upload per terminal
(the second answered 429, failing the export right after a day close had sent the day)."""
RECONCILE_INTERVAL = 15 * 60.0
"""Seconds between asking the relay which of this till's days it holds (one small GET)."""
CONFLICT = 409
OLDER_RELAY = (404, 405)
"""A relay of an older Kasir without the upload routes (until it is upgraded)."""
TRY_AGAIN = (*OLDER_RELAY, 408, 429)
"""Refusals that pass with time: an older relay, a slow body, too many requests. Any other 4xx
is about the day itself."""


@dataclass(frozen=True, slots=True)
class DayUpload:
    """One till's business day as the relay takes it (``PUT /v1/days/{date}``)."""

    till_id: str
    business_date: date
    revision: int
    files: dict[FileKind, str]
    day_closed: bool
    shifts: int
    """Closed shifts of the day."""
    base: int | None = None
    """The day's latest revision the relay said it holds: a relay holding a higher one with rows
    this upload lacks holds what the database lacks (it was restored from a backup), and keeps
    it."""
    unheard: tuple[str, ...] = ()
    """The content hashes of the uploads sent since ``base`` whose answers were lost: a relay
    holding one of them holds this database's copy, whatever rows changed since."""
    last_return: int = 0
    """The sequence of the day's last return slip number, whatever became of the return's
    money: the relay keeps the highest it was told, which a restored till goes on after."""

    def body(self) -> dict[str, Any]:
        return {
            "till_id": self.till_id,
            "business_date": self.business_date.isoformat(),
            "revision": self.revision,
            "files": {kind.value: text for kind, text in self.files.items()},
            "day_closed": self.day_closed,
            "shifts": self.shifts,
            "base": self.base,
            "unheard": list(self.unheard),
            "last_return": self.last_return,
        }


def build_day_upload(store: TerminalStore, till_id: str, business_date: date) -> DayUpload:
    """The day's three files, its close and its shifts, with the revision they belong to, all
    read from one snapshot: a change committed meanwhile has a newer revision, sent next."""
    db = store.repositories().db
    day = business_date.isoformat()
    with (
        read_snapshot(db),
        tempfile.TemporaryDirectory(prefix="kasir-upload-") as folder,
    ):
        revision = UploadOutbox(db, store.day).revision(business_date)
        closed = db.execute("SELECT 1 FROM day_closes WHERE business_date = ?", [day]).fetchone()
        shifts = db.execute(
            "SELECT count(*) FROM shifts WHERE business_date = ? AND closed_at IS NOT NULL", [day]
        ).fetchone()[0]
        last_return = last_sequence(db.conn, till_id, business_date, RETURNS)
        files: dict[FileKind, str] = {}
        for kind in FileKind:
            path = Path(folder) / f"{kind.value}.csv"
            if kind is FileKind.PAYMENTS:
                export_payments(db, path, first_day=business_date, day=store.day)
            else:
                export_sales(
                    db, path, first_day=business_date, kind=ExportKind(kind), tz=store.day.tz
                )
            files[kind] = path.read_bytes().decode("utf-8")
    return DayUpload(
        till_id,
        business_date,
        revision,
        files,
        closed is not None,
        int(shifts),
        last_return=last_return,
    )


@dataclass(frozen=True, slots=True)
class UploadStatus:
    """This till's side of the uploads, for the back office."""

    pending: tuple[PendingDay, ...]
    last_upload: datetime | None
    refused: tuple[RefusedDay, ...] = ()
    """Days the relay would not take, waiting for a change (the back office names them)."""
    restored: tuple[date, ...] = ()
    """Days the relay holds sales of that this till's database lost to a restore."""


def upload_status(store: TerminalStore) -> UploadStatus:
    outbox = UploadOutbox(store.repositories().db, store.day)
    outbox.place_moments()
    return UploadStatus(
        tuple(outbox.pending()),
        outbox.last_upload(),
        tuple(outbox.refused()),
        tuple(outbox.restored_days()),
    )


def upload_day(
    store: TerminalStore, relay: RelayClient, till_id: str, pending: PendingDay
) -> DayStored:
    """Send one day and record the revision the relay holds (compare-and-clear).

    A relay holding a newer revision, or the same revision with other files, gets the day again
    under a revision above its own. Each upload names the latest revision the relay said it held:
    a relay holding one above it with rows this upload lacks holds what the database lacks
    (restored from an older backup), keeps that copy, and answers the last receipt number in it,
    which this till's numbers of the day then go on after. A day the relay refuses for what it
    holds is set aside with the reason until it changes, so one bad day does not hold back the
    days after it.
    """
    outbox = UploadOutbox(store.repositories().db, store.day)
    upload = build_day_upload(store, till_id, pending.business_date)
    day = upload.business_date
    upload = replace(upload, base=outbox.uploaded(day), unheard=outbox.unheard(day))
    outbox.mark_sent(day, day_content_hash(upload.day_closed, upload.shifts, upload.files))
    try:
        answer = relay.put_day(upload.business_date.isoformat(), upload.body())
    except RelayRejected as exc:
        if exc.status_code in TRY_AGAIN:
            raise
        if exc.status_code != CONFLICT:
            outbox.mark_refused(upload.business_date, upload.revision, str(exc))
            log.error(
                "relay refused day %s (revision %d, %d): %s; set aside until it changes",
                upload.business_date,
                upload.revision,
                exc.status_code,
                exc,
            )
            return DayStored(revision=upload.revision, stored=False)
        outbox.mark_after(upload.business_date, upload.revision)
        outbox.mark_to_read(upload.business_date)
        await_relay_read(store.repositories().db)
        log.warning(
            "relay holds day %s at revision %d with other files (this till's database restored "
            "from an older backup?): no money goes back until its copy is read; sending the day "
            "again",
            upload.business_date,
            upload.revision,
        )
        return DayStored(revision=upload.revision, stored=False)
    if answer.last_receipt is not None:
        with transaction(store.repositories().db) as conn:
            raise_floor(conn, till_id, upload.business_date, answer.last_receipt)
        outbox.mark_kept(upload.business_date, datetime.now(UTC))
    if answer.revision > upload.revision:
        outbox.mark_after(upload.business_date, answer.revision)
        log.warning(
            "relay holds day %s at revision %d, newer than this till's %d (its database "
            "restored from an older backup?): sending it again above that revision",
            upload.business_date,
            answer.revision,
            upload.revision,
        )
    else:
        outbox.mark_uploaded(upload.business_date, upload.revision, datetime.now(UTC))
        log.debug(
            "day %s uploaded at revision %d (%s)",
            upload.business_date,
            upload.revision,
            "stored" if answer.stored else "already held",
        )
    return answer


def reconcile(store: TerminalStore, relay: RelayClient, till_id: str) -> list[date]:
    """Mark again the days this till sent that the relay no longer holds as sent (and the days it
    refused, to try once more); the days it lacks. A relay of an older Kasir cannot say: nothing
    is marked again.

    What the relay holds also shows a till whose database went back (restored from an older
    backup): days held at a revision this database never reached go at once (see
    :func:`upload_day`), its invoice numbers go on after the last one it registered, which the
    providers have seen, and its receipt numbers after the last the relay holds of its latest
    days, which the shop's file gives other sales; a QR sale that its payment, handed again,
    completes once more takes the number and the day it had, on one of those days or one the
    backup never reached, and return slips go on after the last the shop's file holds
    (:func:`numbers_held`). What that file gave back on the sales of those days that this
    database lacks is kept (``store/given_back.py``), as are the sales it lacks that were paid
    in cash (their money is in the drawer), a late payment it shows attached to a sale is
    attached again, recorded paid first if it came after the backup
    (:func:`~pos_app.till.problem_payments.attach_as_before_restore`), and only then does this
    run give money back: until the relay says, the database cannot tell it was restored.
    """
    db = store.repositories().db
    with _ONE_AT_A_TIME:
        try:
            held = relay.held_days()
        except RelayRejected as exc:
            if exc.status_code not in OLDER_RELAY:  # 408, 429: not read, so asked again soon
                raise
            with transaction(db) as conn:  # it holds no days to read
                relay_read(conn)
            return []
        outbox = UploadOutbox(db, store.day)
        raised = store.payments.raise_invoice_counter(held.invoice_counter)
        with transaction(db) as conn:
            for business_date, sequence in held.last_receipts.items():
                raise_floor(conn, till_id, business_date, sequence)
            for business_date, sequence in held.last_returns.items():
                raise_floor(conn, till_id, business_date, sequence, RETURNS)
        today = store.day.date_of(datetime.now(UTC))
        numbers = numbers_held(relay, till_id, held, outbox, today, store.day.tz)  # before marks
        with transaction(db) as conn:
            keep_held_numbers(conn, till_id, numbers.receipts)
            attach_as_before_restore(db, till_id, numbers.sales.values(), day=store.day)
            for business_date, sequence in numbers.last_returns.items():
                raise_floor(conn, till_id, business_date, sequence, RETURNS)
            keep_given_back(conn, numbers.days, numbers.given_back)
            keep_sold_for_cash(conn, numbers.days, numbers.sold_for_cash)
            outbox.mark_read(numbers.days)
            if not outbox.to_read():  # a conflict met meanwhile reads its day first
                relay_read(conn)
        lacking = outbox.reconcile(held.days)
        went_back = outbox.went_back(held.days, today)
    if went_back or raised:
        log.warning(
            "this till's database is older than what it sent the relay (restored from a "
            "backup?): %s; invoice numbers go on after %d",
            f"the relay keeps its copy of {', '.join(map(str, went_back))}"
            if went_back
            else "no day goes back",
            held.invoice_counter,
        )
    if lacking:
        log.warning(
            "the relay lacks %d of the days this till sent (restored from a backup, or the "
            "terminal added again): sending them again, from %s",
            len(lacking),
            lacking[0],
        )
    return lacking


@dataclass(frozen=True, slots=True)
class HeldNumbers:
    """What the shop's file gives this till on the days its database went back on."""

    receipts: dict[str, str]
    """The receipt number of each QR sale, by invoice."""
    sales: dict[str, CopiedSale]
    """Each QR sale, by invoice."""
    last_returns: dict[date, int]
    """The sequence of each day's last return slip number."""
    days: list[date]
    """The days read."""
    given_back: list[GivenBack] = field(default_factory=list)
    """What returns and payouts gave back on them."""
    sold_for_cash: list[SoldForCash] = field(default_factory=list)
    """The sales paid in cash on them."""


def numbers_held(
    relay: RelayClient,
    till_id: str,
    held: HeldDays,
    outbox: UploadOutbox,
    today: date,
    tz: ZoneInfo,
) -> HeldNumbers:
    """The numbers the shop's file gives this till on the days this database went back on
    (:meth:`UploadOutbox.ahead`, :meth:`UploadOutbox.unreached`) from the latest it has a change
    of: it was restored from a backup, perhaps taken while a payment was awaited that then
    completed its sale (that day or a later one) and printed its receipt, or before return
    slips were printed, whose numbers must not be given again, or items were taken back and
    money paid back (:func:`given_back`), or sales paid in cash and late payments paid and
    attached. Earlier days are not read: no sale of the backup completed on them after it, no
    number is drawn on them again (a new one goes on the clock's business day, or a later open
    one), and no money went back on them after it. Read before those days are marked to go
    again, so a failed read is made again on the next look; each restore reads them once, and a
    till whose database did not go back reads nothing."""
    latest = outbox.latest_day()
    went_back = [day for day in outbox.ahead(held.days, today) if latest is None or day >= latest]
    numbers = HeldNumbers(
        {}, {}, {}, sorted({*went_back, *outbox.unreached(held.days, today), *outbox.to_read()})
    )
    paid: dict[str, CopiedPayment] = {}
    for day in numbers.days:
        for till in relay.shop_day(day.isoformat()):
            if till.till_id != till_id:
                continue
            lines, sales, payments = (
                _records(till.files, kind)
                for kind in (FileKind.LINES, FileKind.SALES, FileKind.PAYMENTS)
            )
            numbers.sold_for_cash.extend(
                _sold_for_cash(day, row, tz)
                for row in sales
                if row.get("record_type") == "sale" and row.get("tender") == Tender.CASH
            )
            paid.update(
                (row["invoice_number"], _copied_payment(row, tz))
                for row in payments
                if row.get("record_type") == PAYMENT
            )
            for row in lines:
                if row.get("record_type") == "sale" and row.get("invoice_number"):
                    numbers.receipts[row["invoice_number"]] = row.get("receipt_number", "")
                    numbers.sales[row["invoice_number"]] = _copied_sale(row, tz)
                slip = sequence_of(till_id, row.get("return_number", ""), RETURNS)
                if row.get("record_type") == "return" and slip is not None:
                    slip_day, sequence = slip
                    last = numbers.last_returns.get(slip_day, 0)
                    numbers.last_returns[slip_day] = max(last, sequence)
            numbers.given_back.extend(given_back(day, lines, payments, tz))
    for invoice, sale in numbers.sales.items():
        numbers.sales[invoice] = replace(sale, paid=paid.get(invoice))
    return numbers


def _moment(row: Mapping[str, str], tz: ZoneInfo) -> datetime:
    """The moment of a row of a till's file, from its local date and time in ``tz``."""
    local = datetime.fromisoformat(f"{row['local_date']}T{row['local_time']}")
    return local.replace(tzinfo=tz).astimezone(UTC)


def _copied_sale(row: Mapping[str, str], tz: ZoneInfo) -> CopiedSale:
    """The QR sale of a row of the lines file."""
    return CopiedSale(
        row["invoice_number"], row["receipt_number"], int(row["sale_id"]), _moment(row, tz)
    )


def _sold_for_cash(day: date, row: Mapping[str, str], tz: ZoneInfo) -> SoldForCash:
    """The cash sale of a row of the sales file of ``day``."""
    return SoldForCash(
        day,
        row["receipt_number"],
        int(row["total"]),
        row["cashier"],
        row["terminal"],
        _moment(row, tz),
    )


def _copied_payment(row: Mapping[str, str], tz: ZoneInfo) -> CopiedPayment:
    """The QR payment of a row of the payments file."""
    return CopiedPayment(
        _moment(row, tz),
        int(row["paid_amount"]),
        row["currency"],
        row["provider_reference"] or None,
    )


def _records(files: Mapping[str, str], kind: FileKind) -> list[dict[str, str]]:
    """The rows of a till's file of ``kind``, each by column name, every cell as it was before
    the file neutralised it (a cashier named ``@Sari`` is written ``'@Sari``)."""
    header, rows = read_rows(files.get(kind.value, ""))
    return [dict(zip(header, map(restore, row), strict=False)) for row in rows]


def given_back(
    day: date, lines: list[dict[str, str]], payments: list[dict[str, str]], tz: ZoneInfo
) -> list[GivenBack]:
    """What a till's files of ``day`` show given back: each return's lines (items and money, a
    wallet return's included, with who gave it back and when, local time in ``tz``), and the
    payouts no return pays (refunds, of the sale or of a late payment) less what reversals
    brought back of any payout. A return made before returns had numbers cannot be told from
    this database's own, and is left."""
    back: list[GivenBack] = []
    returns_paid: set[str] = set()
    for row in lines:
        if row.get("record_type") != "return" or not row.get("return_number"):
            continue
        if row["tender"] == REFUND_TENDER:
            returns_paid.add(row["invoice_number"])
        back.append(
            GivenBack(
                day,
                row["receipt_number"] or None,
                row["return_number"],
                row["tender"],
                -int(row["line_total"]),
                line_no=int(row["line_no"]),
                items=-int(row["quantity"]),
                dpp=-int(row["dpp"]) if row["dpp"] else None,
                ppn=-int(row["ppn"] or 0),
                cashier=row["cashier"],
                terminal_id=row["terminal"],
                created_at=_moment(row, tz),
            )
        )
    for row in payments:
        kind = row.get("record_type")
        if kind == PAYOUT_REVERSAL or (
            kind == PAYOUT and row["invoice_number"] not in returns_paid
        ):
            back.append(
                GivenBack(
                    day,
                    row["receipt_number"] or None,
                    row["invoice_number"],
                    REFUND_TENDER,
                    -int(row["amount"]),
                    refund_of=row["refund_of"] or None,
                )
            )
    return back


def catch_up(store: TerminalStore, relay: RelayClient, till_id: str, gap: float = 0.0) -> int:
    """Upload every pending day, oldest first, until none is left; the uploads made.

    A day changed while it was on its way stays pending and is sent again in the same run, unless
    ``gap`` seconds have not passed since it went (see :data:`UPLOAD_GAP`).
    """
    outbox = UploadOutbox(store.repositories().db, store.day)
    sent = 0
    with _ONE_AT_A_TIME:
        while True:
            outbox.place_moments()
            settled = datetime.now(UTC) - timedelta(seconds=gap) if gap else None
            pending = outbox.pending(settled)
            if not pending:
                return sent
            upload_day(store, relay, till_id, pending[0])
            sent += 1


@dataclass
class Uploader:
    """Runs :func:`catch_up` on a daemon thread until stopped: every ``interval`` seconds, or at
    once when :meth:`nudge` is called (a sale completed, a shift or a day closed)."""

    store: TerminalStore
    relay: RelayClient
    till_id: str
    interval: float = CHECK_INTERVAL
    gap: float = UPLOAD_GAP
    max_backoff: float = MAX_BACKOFF
    reconcile_interval: float = RECONCILE_INTERVAL
    _stop: threading.Event = field(default_factory=threading.Event, init=False)
    _wake: threading.Event = field(default_factory=threading.Event, init=False)
    _thread: threading.Thread | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        """Before its first :meth:`look`, which may find the database restored from an older
        backup (the relay watch looks first), the till gives no money back."""
        await_relay_read(self.store.repositories().db)

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the uploader has already been started")
        self._thread = threading.Thread(target=self._run, name="shop-uploads", daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 0.0) -> bool:
        """Stop after the upload in progress; True if the thread ended within ``timeout`` s."""
        self._stop.set()
        self._wake.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        failures = 0
        look_failures = 0
        next_look = time.monotonic()
        try:
            while not self._stop.is_set():
                self._wake.clear()
                if time.monotonic() >= next_look:
                    look_failures = 0 if self.look() else look_failures + 1
                    next_look = time.monotonic() + (
                        backoff_delay(look_failures, self.max_backoff)
                        if look_failures
                        else self.reconcile_interval
                    )
                try:
                    sent = catch_up(self.store, self.relay, self.till_id, self.gap)
                except RelayError as exc:
                    failures += 1
                    level = logging.INFO if isinstance(exc, RelayUnreachable) else logging.ERROR
                    log.log(level, "day upload failed (try %d): %s", failures, exc)
                    self._stop.wait(backoff_delay(failures, self.max_backoff))
                    continue
                except Exception:
                    failures += 1
                    log.exception("day upload could not be built")
                    self._stop.wait(backoff_delay(failures, self.max_backoff))
                    continue
                if failures:
                    log.info("day uploads go through again: %d days uploaded", sent)
                failures = 0
                if not look_failures and self._outbox().to_read():
                    next_look = time.monotonic()  # money goes back once the copy is read
                self._wake.wait(self.interval)
        finally:
            self.store.close()  # this thread's connection

    def _outbox(self) -> UploadOutbox:
        return UploadOutbox(self.store.repositories().db, self.store.day)

    def look(self) -> bool:
        """Ask the relay what it holds; whether it said (if not, ask again after a back-off). A
        relay that cannot say holds back no upload: the days go up meanwhile as usual. Any
        thread: the relay watch looks once before it applies the first events."""
        try:
            reconcile(self.store, self.relay, self.till_id)
        except RelayError as exc:
            log.info("could not ask the relay which days it holds: %s", exc)
            return False
        except Exception:
            log.exception("could not compare the days sent with those the relay holds")
            return False
        return True


@dataclass(frozen=True, slots=True)
class BehindTill:
    """A till whose copy of the day the relay holds is older than what the till has: the relay
    refused its later upload of the day (too large, a conflict, a row it cannot take)."""

    till_id: str
    uploaded_at: str
    """When the copy in the file was uploaded (UTC, ISO 8601)."""
    refused_at: str
    reason: str
    """The relay's reason for the refusal."""


@dataclass(frozen=True, slots=True)
class ShopExport:
    """A whole-shop file written, and the shop's tills whose day it lacks or holds short."""

    written: AccountantFile
    tills: tuple[str, ...]
    """The tills whose files it holds, by till id."""
    missing: tuple[str, ...]
    """Active tills of the shop that have not uploaded that day (yet), under their present till
    id or one they had before: by till id, or by its terminal's name while the relay does not
    know the id."""
    behind: tuple[BehindTill, ...] = ()
    """Tills whose files in it are an older copy of their day than they have."""


def export_shop_day(
    relay: RelayClient,
    path: Path,
    business_date: date,
    kinds: tuple[FileKind, ...],
    file_format: FileFormat = FileFormat.CSV,
    excel_id: bool = False,
    own: tuple[TerminalStore, str] | None = None,
) -> ShopExport:
    """Fetch every till's files of ``business_date`` from the relay and write the shop's file;
    ``own``, this till's store and till id: its pending days are uploaded first, so the file holds
    this till's sales up to now, and any it sent that the relay lacks.

    The file holds each till's day as the relay holds it, so it adds up to those copies; the
    export names the tills it lacks (:attr:`ShopExport.missing`) and those whose copy the relay
    refused to replace (:attr:`ShopExport.behind`), so the accountant knows it is short.

    Raises :class:`~pos_app.clients.relay_client.RelayError` when the relay cannot say, and
    ``ValidationError`` when no till has uploaded that day: an empty file would read as a day
    without sales.
    """
    if own is not None:
        try:
            reconcile(own[0], relay, own[1])
        except RelayError as exc:  # the file still holds what the relay has; say so in the log
            log.warning("could not ask the relay which days it holds before the export: %s", exc)
        catch_up(own[0], relay, own[1])
    uploaded = relay.shop_day(business_date.isoformat())
    if not uploaded:
        raise ValidationError(
            N_("no till has uploaded business day {day} to the relay yet"),
            day=business_date.isoformat(),
        )
    missing = missing_tills(
        [(till.till_id, till.name) for till in uploaded],
        [(till.till_id, till.name) for till in relay.shop_uploads()],
    )
    behind = tuple(
        BehindTill(till.till_id, till.uploaded_at, till.refused_at, till.refused_reason or "")
        for till in uploaded
        if till.refused_at is not None
    )
    tills = [
        TillDayFiles(till.till_id, {FileKind(kind): text for kind, text in till.files.items()})
        for till in uploaded
    ]
    written = write_shop_file(tills, path, kinds, file_format, excel_id)
    return ShopExport(written, tuple(till.till_id for till in uploaded), missing, behind)
