"""The tills' uploaded business days in the relay's database: one row per shop, till and day.

A till uploads a whole day again whenever it changed (a late refund, the day close), each time
with a higher ``revision``. So a row is replaced only by a newer revision; a repeat of the stored
revision with the same content, or an older one (a late retry), changes nothing, and the same
revision with other content is a conflict. The writes run in the relay's batch transaction
(:class:`~pos_app.relay.writer.RelayStorage`), so an answer follows the commit.

A till whose database was restored from an older backup no longer has what it did between the
backup and the loss, while the relay's copy of that day does. Each upload names the latest
revision of the day the relay told that database it held (``base``); a relay holding a higher one
whose rows the upload lacks holds what the database never had (a higher one whose rows it has is
a lost answer). It then keeps its copy as the day's *earlier part*, and the shop's day is that
part followed by the rows of the till's uploads that the part does not hold (:func:`merged_files`),
told apart by what identifies a row rather than by its place in time (the restored till may sell
before it reaches the relay, with a clock of its own), nor a row with an invoice or payout that a
part of an earlier day holds and the till's own files of that day lack, until a day since has it
(a report handed again to the restored till the next day, :func:`counted_elsewhere`).
"""

import csv
import io
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from pos_app.domain.clock import utc_now
from pos_app.domain.csv_cells import LINE_END
from pos_app.relay import storage
from pos_app.relay.engines import Connection
from pos_app.reports.accountant_files import FileKind
from pos_app.reports.shop_files import day_content_hash, read_rows

MAX_SEQUENCE_DIGITS = 18
"""The most digits of a receipt number's sequence the relay takes: a day's last one is kept as a
64-bit integer (``earlier_days.last_receipt``), and every number of 18 digits fits one."""
AMOUNTS = ("line_total", "total", "amount")
"""The money column of a row, whichever the kind of file has."""
CASH_IDENTITY = ("record_type", "sale_id", "receipt_number", "line_no", "local_date", "local_time")
"""What tells a row without an invoice or payout apart (cash): a restored till draws again the
sale ids and, until it hears from the relay, the receipt numbers of what it lost, but not at the
same moment."""


@dataclass(frozen=True, slots=True)
class TillDay:
    """One till's business day as uploaded."""

    till_id: str
    business_date: str
    revision: int
    day_closed: bool
    shifts: int
    files: Mapping[FileKind, str]
    base: int | None = None
    """The latest revision of the day the relay told the till's database it held (``None``: a
    till of an older Kasir). A relay holding a higher one may hold what that database lacks."""
    unheard: tuple[str, ...] = ()
    """The content hashes of the uploads that database sent since ``base`` whose answers it
    did not hear: a relay holding one of them holds that database's own copy, not one it
    lacks, whatever rows changed since (a new time zone gives them other local times)."""
    last_return: int = 0
    """The sequence of the day's last return slip number the till gave (0: none, or a till of
    an older Kasir), whatever became of the return's money: a wallet return whose payout is
    pending or failed is in none of the files, yet its slip was printed."""

    def may_lack(self, held: int, held_hash: str) -> bool:
        """Whether the till's database may lack the relay's copy of the day (revision ``held``,
        content ``held_hash``): one above the base and below this upload that it never sent."""
        return (
            self.base is not None
            and self.base < held < self.revision
            and held_hash not in self.unheard
        )

    @property
    def content_hash(self) -> str:
        """What a repeat must match: everything but the revision."""
        return day_content_hash(self.day_closed, self.shifts, self.files)


@dataclass(frozen=True, slots=True)
class Stored:
    revision: int
    """The revision the relay holds after the upload."""
    stored: bool
    """Whether this upload changed what the relay holds."""
    learned_till_id: bool = False
    """The terminal had no till id and took the uploaded one."""
    last_receipt: int | None = None
    """The day's last receipt sequence in the earlier part, if the day has one: the restored
    till's numbers go on after it."""


@dataclass(frozen=True, slots=True)
class EarlierPart:
    """What a day held becomes when a till whose database lacks it uploads (see the module)."""

    revision: int
    """The revision held it was made of: stored only if that is still the one held."""
    files: Mapping[FileKind, str]
    last_receipt: int
    """The till's last receipt sequence of the day in it, which its next ones go on after."""


class RevisionConflict(Exception):
    """The same revision of the day was uploaded before with other content (answered 409).
    Not ``lasting`` when the day changed while the upload was read: sent again, it is taken."""

    def __init__(self, message: str, *, lasting: bool = True) -> None:
        super().__init__(message)
        self.lasting = lasting


def store_day(
    conn: Connection, terminal: storage.Terminal, day: TillDay, keep: EarlierPart | None = None
) -> Stored:
    """Keep ``day`` unless the relay holds the same or a newer revision of it.

    ``day.till_id`` must be the terminal's till id; a terminal without one takes it, as a
    registration does (:func:`~pos_app.relay.storage.claim_till_id`, which raises
    :class:`~pos_app.relay.storage.NotYours`). A day the terminal uploaded under a till id it
    had before is replaced by this one, so the shop's day holds it once, with its earlier part;
    until then it is the day held, as if under this id (:func:`_held_copy`).
    ``keep`` (:func:`earlier_part`, made outside the write from the copy held) becomes the day's
    earlier part; if another revision is held by now, the upload is a conflict.
    """
    learned = storage.claim_till_id(conn, terminal.id, day.till_id)
    key = (terminal.shop, day.till_id, day.business_date)
    _raise_last_return(conn, key, day.last_return)
    held = conn.execute(
        "SELECT d.revision, d.content_hash, e.last_receipt, d.till_id FROM till_days d"
        f" LEFT JOIN earlier_days e ON {_EARLIER_OF_DAY} {_HELD_COPY}",
        _held_copy(terminal, day),
    ).fetchone()
    digest = day.content_hash
    last_receipt = None if held is None or held[2] is None else int(held[2])
    # the same revision and content under a former id is the same day: it moves to this id
    moved = held is not None and held[3] != day.till_id and digest == held[1]
    if held is not None and (day.revision < held[0] or (day.revision == held[0] and not moved)):
        if day.revision == held[0] and digest != held[1]:
            raise RevisionConflict(
                f"revision {day.revision} of {day.business_date} was uploaded before with other "
                "content; a changed day needs a higher revision"
            )
        return Stored(int(held[0]), False, learned, last_receipt)
    if keep is not None:
        if held is None or held[0] != keep.revision:
            raise RevisionConflict(
                f"{day.business_date} changed while this upload was read; send it again",
                lasting=False,
            )
        _store_earlier_part(conn, key, keep)
        last_receipt = keep.last_receipt
    # taken: what the terminal sent before and was refused is no longer newer than the copy held.
    # A repeat or an older revision (a restored till's, sent again above the copy's) takes
    # nothing, so a refusal stays until an upload is taken.
    conn.execute(
        "DELETE FROM refused_days WHERE terminal_id = ? AND business_date = ?",
        (terminal.id, day.business_date),
    )
    row = (
        terminal.id,
        day.revision,
        storage.iso(utc_now()),
        int(day.day_closed),
        day.shifts,
        day.files[FileKind.LINES],
        day.files[FileKind.SALES],
        day.files[FileKind.PAYMENTS],
        digest,
    )
    if held is None or held[3] != day.till_id:
        conn.execute(
            "INSERT INTO till_days (terminal_id, revision, uploaded_at, day_closed, shifts,"
            " lines_csv, sales_csv, payments_csv, content_hash, shop, till_id, business_date)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (*row, *key),
        )
    else:
        conn.execute(
            "UPDATE till_days SET terminal_id = ?, revision = ?, uploaded_at = ?, day_closed = ?,"
            " shifts = ?, lines_csv = ?, sales_csv = ?, payments_csv = ?, content_hash = ?"
            " WHERE shop = ? AND till_id = ? AND business_date = ?",
            (*row, *key),
        )
    _replace_former_copies(conn, terminal, day)
    return Stored(day.revision, True, learned, last_receipt)


def _raise_last_return(conn: Connection, key: tuple[str, str, str], sequence: int) -> None:
    """Keep the highest last return the till told of the day, from any upload, even one not
    stored: a till restored from a backup tells a lower one, and must go on after the higher."""
    if sequence:
        conn.execute(
            "INSERT INTO return_numbers (shop, till_id, business_date, last_return)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (shop, till_id, business_date) DO UPDATE SET"
            " last_return = CASE WHEN excluded.last_return > return_numbers.last_return"
            " THEN excluded.last_return ELSE return_numbers.last_return END",
            (*key, sequence),
        )


def _replace_former_copies(conn: Connection, terminal: storage.Terminal, day: TillDay) -> None:
    """Delete the day's copies this terminal uploaded under a till id it had before; an earlier
    part of theirs goes on as this one's, unless this one has its own."""
    former = (terminal.shop, day.business_date, terminal.id, day.till_id)
    conn.execute(
        "UPDATE earlier_days SET till_id = ? WHERE shop = ? AND business_date = ? AND till_id IN"
        " (SELECT till_id FROM till_days WHERE shop = ? AND business_date = ? AND terminal_id = ?"
        " AND till_id <> ?) AND NOT EXISTS (SELECT 1 FROM earlier_days e"
        " WHERE e.shop = ? AND e.till_id = ? AND e.business_date = ?)",
        (day.till_id, terminal.shop, day.business_date, *former, terminal.shop, day.till_id,
         day.business_date),
    )  # fmt: skip
    conn.execute(
        "DELETE FROM earlier_days WHERE shop = ? AND business_date = ? AND till_id IN"
        " (SELECT till_id FROM till_days WHERE shop = ? AND business_date = ? AND terminal_id = ?"
        " AND till_id <> ?)",
        (terminal.shop, day.business_date, *former),
    )
    conn.execute(
        "DELETE FROM till_days WHERE shop = ? AND business_date = ? AND terminal_id = ?"
        " AND till_id <> ?",
        former,
    )


_EARLIER_OF_DAY = "e.shop = d.shop AND e.till_id = d.till_id AND e.business_date = d.business_date"
_HELD_COPY = (
    "WHERE d.shop = ? AND d.business_date = ? AND (d.till_id = ? OR d.terminal_id = ?)"
    " ORDER BY CASE WHEN d.till_id = ? THEN 0 ELSE 1 END, d.revision DESC LIMIT 1"
)
"""Of ``till_days d``: the copy of a day that a terminal's upload replaces (:func:`_held_copy`)."""


def _held_copy(terminal: storage.Terminal, day: TillDay) -> tuple[str | int, ...]:
    """The parameters of :data:`_HELD_COPY`: the day under the upload's till id, else the copy
    the terminal uploaded under a till id it had before (:func:`_replace_former_copies` deletes
    it once this one is stored). A till renamed after its database was restored from an older
    backup holds that copy's sales only there: compared as the same day's, it is kept."""
    return (terminal.shop, day.business_date, day.till_id, terminal.id, day.till_id)


_HELD_FILES = "d.lines_csv, d.sales_csv, d.payments_csv, e.lines_csv, e.sales_csv, e.payments_csv"
"""A day's files and its earlier part's, of ``till_days d LEFT JOIN earlier_days e``."""


def lacks_held(conn: Connection, terminal: storage.Terminal, day: TillDay) -> bool:
    """Whether the till's database may lack the copy of ``day`` held (:func:`_held_copy`): the
    relay holds a revision above the latest it told the till it held (``day.base``), and below
    this upload's, with content the till did not send and lose the answer to (``day.unheard``).
    A till of an older Kasir names none: :func:`earlier_part` then finds nothing lacking after a
    lost answer."""
    if day.base is None:
        return False
    held = conn.execute(
        f"SELECT d.revision, d.content_hash FROM till_days d {_HELD_COPY}",
        _held_copy(terminal, day),
    ).fetchone()
    return held is not None and day.may_lack(held[0], held[1])


def earlier_part(conn: Connection, terminal: storage.Terminal, day: TillDay) -> EarlierPart | None:
    """What the relay's copy of ``day`` (:func:`_held_copy`) becomes if the till's database lacks
    it (:func:`lacks_held`): the copy as the shop has it. Megabytes of CSV, read and merged
    outside the write (:meth:`~pos_app.relay.writer.RelayStorage.read_apart`)."""
    if day.base is None:
        return None
    held = conn.execute(
        f"SELECT d.revision, d.content_hash, d.till_id, {_HELD_FILES} FROM till_days d"
        f" LEFT JOIN earlier_days e ON {_EARLIER_OF_DAY} {_HELD_COPY}",
        _held_copy(terminal, day),
    ).fetchone()
    if held is None or not day.may_lack(held[0], held[1]):
        return None
    elsewhere = counted_elsewhere(conn, terminal.shop, held[2], day.business_date)
    files = merged_files(held[3:], elsewhere)
    if all(not _lacking(files[kind], day.files[kind]) for kind in FileKind):
        return None  # the database has all of it: the relay's answer to it was lost
    last = last_receipt(files[FileKind.SALES], day.till_id, day.business_date)
    return EarlierPart(int(held[0]), files, last)


def _lacking(held: str, upload: str) -> Counter[tuple[str, ...]]:
    """The rows of ``held`` that ``upload`` does not have, by identity, as often as missing."""
    held_header, held_rows = read_rows(held)
    header, rows = read_rows(upload)
    have = Counter(_identity(header, row) for row in rows)
    wanted = Counter(_identity(header, _in_columns(held_header, row, header)) for row in held_rows)
    return wanted - have


def _store_earlier_part(conn: Connection, key: tuple[str, str, str], part: EarlierPart) -> None:
    conn.execute(
        "INSERT INTO earlier_days (lines_csv, sales_csv, payments_csv, last_receipt,"
        " shop, till_id, business_date) VALUES (?,?,?,?,?,?,?)"
        " ON CONFLICT (shop, till_id, business_date) DO UPDATE SET lines_csv = excluded.lines_csv,"
        " sales_csv = excluded.sales_csv, payments_csv = excluded.payments_csv,"
        " last_receipt = excluded.last_receipt",
        (*(part.files[kind] for kind in FileKind), part.last_receipt, *key),
    )


Elsewhere = Mapping[FileKind, Counter[tuple[str, ...]]]
"""Per file, the rows with an invoice or payout that a restored till may record again on a later
day, by identity (:func:`counted_elsewhere`)."""


def counted_elsewhere(conn: Connection, shop: str, till_id: str, business_date: str) -> Elsewhere:
    """The rows with an invoice or payout (a payment and its sale, a payout and its refund or
    return, a refund at the provider, a reversal) that a kept part of an earlier day holds and
    the till's own files of that day lack, less those a day since, before ``business_date``,
    recorded: a restored till handed such a report again records it on the day it hears it
    (completes the sale, settles the payout), which would count it on both. Only those: one the
    till has on the part's day, or recorded once since, is no report still to come, so a second
    refund or reversal of the same payment or payout and amount later is the shop's too, as
    often as it comes. Cash rows are the till's own and never come again."""
    coming: dict[FileKind, Counter[tuple[str, ...]]] = {kind: Counter() for kind in FileKind}
    kept = [
        str(day)
        for (day,) in conn.execute(
            "SELECT business_date FROM earlier_days WHERE shop = ? AND till_id = ?"
            " AND business_date < ? ORDER BY business_date",
            (shop, till_id, business_date),
        )
    ]
    for day, until in pairwise([*kept, business_date]):
        texts = conn.execute(
            f"SELECT {_HELD_FILES} FROM till_days d JOIN earlier_days e ON {_EARLIER_OF_DAY}"
            " WHERE d.shop = ? AND d.till_id = ? AND d.business_date = ?",
            (shop, till_id, day),
        ).fetchone()
        for kind, current, part in zip(FileKind, texts[0:3], texts[3:6], strict=True):
            # the day's own rows beyond its part were heard there; the part's it lacks may come
            have, held = _reported(current), _reported(part)
            coming[kind] = coming[kind] - (have - held) + (held - have)
        for files in _naming(conn, shop, till_id, (day, until), coming):
            for kind, text in zip(FileKind, files, strict=True):
                coming[kind] -= _reported(text)
    return coming


def _reported(text: str) -> Counter[tuple[str, ...]]:
    """The rows of a file with an invoice or payout, by identity, as often as it has them."""
    header, rows = read_rows(text)
    return Counter(_identity(header, row) for row in rows if row[header.index("invoice_number")])


_FILE_COLUMNS = ("lines_csv", "sales_csv", "payments_csv")
"""The columns of ``till_days`` holding each kind of file, in :class:`FileKind`'s order."""


def _naming(
    conn: Connection, shop: str, till_id: str, between: tuple[str, str], wanted: Elsewhere
) -> list[Sequence[str]]:
    """The files of the till's days strictly ``between`` two days, oldest first, that name an
    invoice or payout of ``wanted`` in a file of its kind: found by the database, so an export
    long after a restore does not read every day since. A false match (a name inside another
    cell) only costs reading that day."""
    names = sorted(
        {
            (column, identity[1])  # an invoice row's identity: its kind, then its invoice
            for kind, column in zip(FileKind, _FILE_COLUMNS, strict=True)
            for identity in wanted[kind]
        }
    )
    if not names:
        return []
    return list(
        conn.execute(
            f"SELECT {', '.join(_FILE_COLUMNS)} FROM till_days WHERE shop = ? AND till_id = ?"
            " AND business_date > ? AND business_date < ? AND ("
            + " OR ".join(f"{column} LIKE ?" for column, _ in names)
            + ") ORDER BY business_date",
            (shop, till_id, *between, *(f"%{name}%" for _, name in names)),
        )
    )


def merged_files(held: Sequence[Any], elsewhere: Elsewhere | None = None) -> dict[FileKind, str]:
    """A day's files as the shop has them, from its columns (:data:`_HELD_FILES`): its earlier
    part if it has one, then the upload's rows that part does not hold, nor an earlier day's
    (``elsewhere``, :func:`counted_elsewhere`)."""
    current = dict(zip(FileKind, held[0:3], strict=True))
    if held[3] is None and not (elsewhere and any(elsewhere.values())):
        return current
    earlier = dict(zip(FileKind, held[3:6], strict=True))
    return {
        kind: _joined(earlier[kind], current[kind], elsewhere[kind] if elsewhere else Counter())
        for kind in FileKind
    }


def _joined(earlier: str | None, current: str, elsewhere: Counter[tuple[str, ...]]) -> str:
    """The earlier part's rows, then the current rows it does not hold, each as often as the
    current file has it more often (two partial refunds of one payment are two rows): rows of
    the backup, and reports the relay hands the restored till once more, which complete their
    sale or settle their payout again, are the part's already, or an earlier day's part's."""
    header, rows = read_rows(current)
    kept_header, kept_rows = read_rows(earlier or "")
    kept = [_in_columns(kept_header, row, header) for row in kept_rows]
    held = Counter(_identity(header, row) for row in kept) + elsewhere
    later = []
    for row in rows:
        identity = _identity(header, row)
        if held[identity]:
            held[identity] -= 1
        else:
            later.append(row)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=LINE_END)
    writer.writerow(header)
    writer.writerows(kept)
    writer.writerows(later)
    return out.getvalue()


def _in_columns(header: Sequence[str], row: Sequence[str], columns: Sequence[str]) -> list[str]:
    """``row`` in ``columns``, by name: a relay upgraded since the part was kept (cells of a
    column the part lacks are empty)."""
    cells = dict(zip(header, row, strict=True))
    return [cells.get(name, "") for name in columns]


def _identity(header: Sequence[str], row: Sequence[str]) -> tuple[str, ...]:
    """What a row is about: its kind, its invoice or payout and its money; without either, the
    cash sale or return and its moment (:data:`CASH_IDENTITY`)."""
    cells = dict(zip(header, row, strict=True))
    money = next(cells[name] for name in AMOUNTS if name in cells)
    if cells["invoice_number"]:
        return (cells["record_type"], cells["invoice_number"], cells.get("line_no", ""), money)
    return (*(cells.get(name, "") for name in CASH_IDENTITY), money)


def last_receipt(sales: str, till_id: str, business_date: str) -> int:
    """The highest sequence of ``till_id``'s receipt numbers of ``business_date`` in a sales file
    (``T1-20261121-0007``: 7); 0 if it has none. A sequence longer than
    :data:`MAX_SEQUENCE_DIGITS` (in a day held from before the relay refused them) is passed
    over: it would not fit the column that keeps it."""
    number = re.compile(
        re.escape(f"{till_id}-{business_date.replace('-', '')}-")
        + f"([0-9]{{1,{MAX_SEQUENCE_DIGITS}}})"
    )
    header, rows = read_rows(sales)
    column = header.index("receipt_number") if "receipt_number" in header else None
    found = [
        int(match[1])
        for row in rows
        if column is not None and (match := number.fullmatch(row[column]))
    ]
    return max(found, default=0)


def held_days(conn: Connection, shop: str, till_id: str | None) -> dict[str, int]:
    """The revision of each day the relay holds of one till of ``shop``, by business day: what
    the till compares with what it sent, to send again what a restored relay lacks."""
    if till_id is None:
        return {}
    rows = conn.execute(
        "SELECT business_date, revision FROM till_days WHERE shop = ? AND till_id = ?",
        (shop, till_id),
    )
    return {str(day): int(revision) for day, revision in rows}


LAST_RECEIPT_DAYS = 2
"""The latest days of a till whose last receipt the relay tells it (its own ``GET /v1/days``):
a till restored from a backup draws receipt numbers on today's open day, or the one before."""


def last_receipts(conn: Connection, shop: str, till_id: str | None) -> dict[str, int]:
    """The sequence of the last receipt number the relay holds (its copy, or an earlier part) of
    each of the till's latest days: a till restored from a backup numbers the sales it completes
    after it, not again with a number the shop's file gives another sale."""
    if till_id is None:
        return {}
    rows = conn.execute(
        "SELECT d.business_date, d.sales_csv, e.last_receipt FROM till_days d"
        f" LEFT JOIN earlier_days e ON {_EARLIER_OF_DAY} WHERE d.shop = ? AND d.till_id = ?"
        " ORDER BY d.business_date DESC LIMIT ?",
        (shop, till_id, LAST_RECEIPT_DAYS),
    ).fetchall()
    return {
        str(day): max(last_receipt(sales, till_id, str(day)), int(earlier or 0))
        for day, sales, earlier in rows
    }


def last_returns(conn: Connection, shop: str, till_id: str | None) -> dict[str, int]:
    """The sequence of the last return slip number the till told of each of its latest days
    with returns (:func:`_raise_last_return`): a till restored from a backup numbers its returns
    after it, on today's open day or the one before."""
    if till_id is None:
        return {}
    rows = conn.execute(
        "SELECT business_date, last_return FROM return_numbers WHERE shop = ? AND till_id = ?"
        " ORDER BY business_date DESC LIMIT ?",
        (shop, till_id, LAST_RECEIPT_DAYS),
    ).fetchall()
    return {str(day): int(sequence) for day, sequence in rows}


MAX_REASON = 500
"""Characters of a refusal's reason kept (the relay's own 4xx message, which may quote a cell)."""


def record_refusal(
    conn: Connection, terminal: storage.Terminal, business_date: str, status: int, reason: str
) -> None:
    """Keep that the relay refused the terminal's upload of ``business_date`` (a 4xx about the
    day: too large, a conflict, a row it cannot take): the copy it holds, if any, is older than
    what the till has, and the shop's file of that day says so (:func:`shop_days`) until an
    upload of the day is taken (:func:`store_day`)."""
    conn.execute(
        "INSERT INTO refused_days (terminal_id, business_date, refused_at, status, reason)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (terminal_id, business_date) DO UPDATE SET"
        " refused_at = excluded.refused_at, status = excluded.status, reason = excluded.reason",
        (terminal.id, business_date, storage.iso(utc_now()), status, reason[:MAX_REASON]),
    )


def shop_days(conn: Connection, shop: str, business_date: str) -> list[dict[str, Any]]:
    """Every till of ``shop`` that uploaded ``business_date``, by till id (the API's shape).
    ``refused``: the relay's latest refusal of an upload of that day from the till after the copy
    it holds (``None``: none), so the shop's file says which till's copy is not its latest."""
    rows = conn.execute(
        f"SELECT d.till_id, t.name, d.revision, d.uploaded_at, d.day_closed, {_HELD_FILES},"
        " d.terminal_id FROM till_days d JOIN terminals t ON t.id = d.terminal_id"
        f" LEFT JOIN earlier_days e ON {_EARLIER_OF_DAY}"
        " WHERE d.shop = ? AND d.business_date = ? ORDER BY d.till_id",
        (shop, business_date),
    ).fetchall()
    refusals = conn.execute(
        "SELECT r.terminal_id, t.till_id, r.refused_at, r.status, r.reason FROM refused_days r"
        " JOIN terminals t ON t.id = r.terminal_id WHERE t.shop = ? AND r.business_date = ?"
        " ORDER BY r.refused_at",
        (shop, business_date),
    ).fetchall()
    return [
        {
            "till_id": row[0],
            "name": row[1],
            "revision": row[2],
            "uploaded_at": row[3],
            "day_closed": bool(row[4]),
            "files": {
                kind.value: text
                for kind, text in merged_files(
                    row[5:11], counted_elsewhere(conn, shop, row[0], business_date)
                ).items()
            },
            "refused": _refused_after(refusals, row[11], row[0], row[3]),
        }
        for row in rows
    ]


def _refused_after(
    refusals: Sequence[Sequence[Any]], terminal_id: int, till_id: str, uploaded_at: str
) -> dict[str, Any] | None:
    """The latest of ``refusals`` (terminal id, its till id, when, status, reason; oldest first)
    of an upload by the terminal that uploaded the copy, or by the one holding its till id now
    (the till added again), made after the copy was stored."""
    latest = None
    for by, by_till_id, at, status, reason in refusals:
        if (by == terminal_id or by_till_id == till_id) and str(at) > uploaded_at:
            latest = {"at": str(at), "status": int(status), "reason": str(reason)}
    return latest


def shop_uploads(conn: Connection, shop: str) -> list[dict[str, Any]]:
    """Every active terminal of ``shop`` and how far its uploads reach (the API's shape): its
    days under its present till id and those it had before (``set-terminal-id``), which the
    shop's day still lists under the id they were uploaded with. Closed through the latest day
    closed with no day uploaded open on or before it: a day left open is not closed by a later
    day's close."""
    rows = conn.execute(
        "WITH days AS (SELECT t.id AS terminal_id, d.uploaded_at, d.business_date, d.day_closed"
        " FROM terminals t JOIN till_days d ON d.shop = t.shop AND (d.till_id = t.till_id"
        " OR d.till_id IN (SELECT f.till_id FROM former_till_ids f WHERE f.terminal_id = t.id))"
        " WHERE t.shop = ? AND t.revoked_at IS NULL),"
        " first_open AS (SELECT terminal_id, min(business_date) AS business_date FROM days"
        " WHERE day_closed = 0 GROUP BY terminal_id)"
        " SELECT t.till_id, t.name, max(d.uploaded_at), max(d.business_date),"
        " max(CASE WHEN d.day_closed = 1 AND (o.business_date IS NULL"
        " OR d.business_date < o.business_date) THEN d.business_date END)"
        " FROM terminals t LEFT JOIN days d ON d.terminal_id = t.id"
        " LEFT JOIN first_open o ON o.terminal_id = t.id"
        " WHERE t.shop = ? AND t.revoked_at IS NULL GROUP BY t.id, t.till_id, t.name"
        " ORDER BY t.till_id IS NULL, t.till_id, t.name",
        (shop, shop),
    )
    return [
        {
            "till_id": row[0],
            "name": row[1],
            "last_upload_at": row[2],
            "latest_day": row[3],
            "closed_through": row[4],
        }
        for row in rows
    ]
