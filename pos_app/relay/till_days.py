"""The tills' uploaded business days in the relay's database: one row per shop, till and day.

A till uploads a whole day again whenever it changed (a late refund, the day close), each time
with a higher ``revision``. So a row is replaced only by a newer revision; a repeat of the stored
revision with the same content, or an older one (a late retry), changes nothing, and the same
revision with other content is a conflict. The writes run in the relay's batch transaction
(:class:`~pos_app.relay.writer.RelayStorage`), so an answer follows the commit.

A till whose database was restored from an older backup no longer has the sales it made between
the backup and the loss, while the relay's copy of that day does. Its next upload says so
(``restored``): the copy held becomes the day's *earlier part*, kept as it is, and the shop's
day is that part followed by the rows of the till's later uploads that come after its last
moment (:func:`merged_files`). Rows up to that moment are the backup's, which the earlier part
holds already, and so are the payments it holds that the till hears of again, so no sale is lost
or counted twice.
"""

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pos_app.relay import storage
from pos_app.relay.engines import Connection
from pos_app.reports.accountant_files import FileKind
from pos_app.reports.csv_safety import LINE_END
from pos_app.reports.shop_files import read_rows

MOMENT = ("local_date", "local_time")
"""The columns every kind of a till's file places a row in time with (the sale completed, the
return made, the payment or payout paid), in the shop's time zone."""


@dataclass(frozen=True, slots=True)
class TillDay:
    """One till's business day as uploaded."""

    till_id: str
    business_date: str
    revision: int
    day_closed: bool
    shifts: int
    files: Mapping[FileKind, str]
    restored: bool = False
    """The till's database was restored from a backup older than the copy held: keep that copy
    as the day's earlier part."""

    @property
    def content_hash(self) -> str:
        """What a repeat must match: everything but the revision."""
        content = {
            "day_closed": self.day_closed,
            "shifts": self.shifts,
            "files": {kind.value: text for kind, text in sorted(self.files.items())},
        }
        encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()


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


class RevisionConflict(Exception):
    """The same revision of the day was uploaded before with other content (answered 409)."""


def store_day(conn: Connection, terminal: storage.Terminal, day: TillDay) -> Stored:
    """Keep ``day`` unless the relay holds the same or a newer revision of it.

    ``day.till_id`` must be the terminal's till id; a terminal without one takes it, as a
    registration does (:func:`~pos_app.relay.storage.claim_till_id`, which raises
    :class:`~pos_app.relay.storage.NotYours`). A day the terminal uploaded under a till id it
    had before is replaced by this one, so the shop's day holds it once. A ``restored`` day keeps
    the copy it replaces as the day's earlier part (see the module's docstring).
    """
    learned = storage.claim_till_id(conn, terminal.id, day.till_id)
    key = (terminal.shop, day.till_id, day.business_date)
    held = conn.execute(
        "SELECT d.revision, d.content_hash, e.last_receipt FROM till_days d"
        f" LEFT JOIN earlier_days e ON {_EARLIER_OF_DAY}"
        " WHERE d.shop = ? AND d.till_id = ? AND d.business_date = ?",
        key,
    ).fetchone()
    digest = day.content_hash
    last_receipt = None if held is None or held[2] is None else int(held[2])
    if held is not None and day.revision <= held[0]:
        if day.revision == held[0] and digest != held[1]:
            raise RevisionConflict(
                f"revision {day.revision} of {day.business_date} was uploaded before with other "
                "content; a changed day needs a higher revision"
            )
        return Stored(int(held[0]), False, learned, last_receipt)
    if held is not None and day.restored:
        last_receipt = _keep_earlier_part(conn, key) or last_receipt
    row = (
        terminal.id,
        day.revision,
        storage.iso(storage.utc_now()),
        int(day.day_closed),
        day.shifts,
        day.files[FileKind.LINES],
        day.files[FileKind.SALES],
        day.files[FileKind.PAYMENTS],
        digest,
    )
    if held is None:
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
    conn.execute(
        "DELETE FROM till_days WHERE shop = ? AND business_date = ? AND terminal_id = ?"
        " AND till_id <> ?",
        (terminal.shop, day.business_date, terminal.id, day.till_id),
    )
    conn.execute(  # the earlier parts of the copies just deleted
        "DELETE FROM earlier_days AS e WHERE e.shop = ? AND e.business_date = ? AND NOT EXISTS ("
        f"SELECT 1 FROM till_days d WHERE {_EARLIER_OF_DAY})",
        (terminal.shop, day.business_date),
    )
    return Stored(day.revision, True, learned, last_receipt)


_EARLIER_OF_DAY = "e.shop = d.shop AND e.till_id = d.till_id AND e.business_date = d.business_date"
_HELD_FILES = (
    "d.lines_csv, d.sales_csv, d.payments_csv, e.lines_csv, e.sales_csv, e.payments_csv, e.until"
)
"""A day's files and its earlier part's, of ``till_days d LEFT JOIN earlier_days e``."""


def _keep_earlier_part(conn: Connection, key: tuple[str, str, str]) -> int | None:
    """Make the day as the shop holds it now its earlier part; its last receipt sequence."""
    held = conn.execute(
        f"SELECT {_HELD_FILES} FROM till_days d LEFT JOIN earlier_days e ON {_EARLIER_OF_DAY}"
        " WHERE d.shop = ? AND d.till_id = ? AND d.business_date = ?",
        key,
    ).fetchone()
    kept = merged_files(held)
    until = latest_moment(kept.values())
    if until is None:
        return None  # the copy held has no row: nothing to keep
    last = last_receipt(kept[FileKind.SALES], key[1], key[2])
    files = (kept[FileKind.LINES], kept[FileKind.SALES], kept[FileKind.PAYMENTS], until, last)
    conn.execute(
        "INSERT INTO earlier_days (lines_csv, sales_csv, payments_csv, until, last_receipt,"
        " shop, till_id, business_date) VALUES (?,?,?,?,?,?,?,?)"
        " ON CONFLICT (shop, till_id, business_date) DO UPDATE SET lines_csv = excluded.lines_csv,"
        " sales_csv = excluded.sales_csv, payments_csv = excluded.payments_csv,"
        " until = excluded.until, last_receipt = excluded.last_receipt",
        (*files, *key),
    )
    return last


def merged_files(held: Sequence[Any]) -> dict[FileKind, str]:
    """A day's files as the shop has them, from its columns (:data:`_HELD_FILES`): the upload,
    after the earlier part if it has one, without the rows up to that part's last moment."""
    current = dict(zip(FileKind, held[0:3], strict=True))
    until = held[6]
    if until is None:
        return current
    earlier = dict(zip(FileKind, held[3:6], strict=True))
    return {kind: _joined(earlier[kind], current[kind], until) for kind in FileKind}


def _joined(earlier: str, current: str, until: str) -> str:
    """The earlier part's rows, then the current rows after ``until`` that are not the earlier
    part's payments again: a payment the restored till hears of again (the relay hands its events
    over once more) completes its sale again, later, under the same invoice number."""
    kept_header, kept_rows = read_rows(earlier)
    header, rows = read_rows(current)
    kept = [_in_columns(kept_header, row, header) for row in kept_rows]
    paid = {_payment(header, row) for row in kept} - {None}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=LINE_END)
    writer.writerow(header)
    writer.writerows(kept)
    writer.writerows(
        row for row in rows if _moment(header, row) > until and _payment(header, row) not in paid
    )
    return out.getvalue()


def _in_columns(header: Sequence[str], row: Sequence[str], columns: Sequence[str]) -> list[str]:
    """``row`` in ``columns``, by name: a relay upgraded since the part was kept (cells of a
    column the part lacks are empty)."""
    cells = dict(zip(header, row, strict=True))
    return [cells.get(name, "") for name in columns]


def _payment(header: Sequence[str], row: Sequence[str]) -> tuple[str, str] | None:
    """A row's kind and the invoice or payout it is about; ``None`` for one without (cash)."""
    number = row[header.index("invoice_number")]
    return (row[header.index("record_type")], number) if number else None


def _moment(header: Sequence[str], row: Sequence[str]) -> str:
    """``2026-11-21T10:00:00``, or '' for a row that is not placed in time."""
    day, time = (row[header.index(name)] for name in MOMENT)
    return f"{day}T{time}" if day and time else ""


def latest_moment(files: Iterable[str]) -> str | None:
    """The last moment of any row of ``files``; ``None`` if they have no row."""
    moments = [_moment(header, row) for header, rows in map(read_rows, files) for row in rows]
    return max(moments, default=None)


def last_receipt(sales: str, till_id: str, business_date: str) -> int:
    """The highest sequence of ``till_id``'s receipt numbers of ``business_date`` in a sales file
    (``T1-20261121-0007``: 7); 0 if it has none."""
    number = re.compile(re.escape(f"{till_id}-{business_date.replace('-', '')}-") + "([0-9]+)")
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


def shop_days(conn: Connection, shop: str, business_date: str) -> list[dict[str, Any]]:
    """Every till of ``shop`` that uploaded ``business_date``, by till id (the API's shape)."""
    rows = conn.execute(
        f"SELECT d.till_id, t.name, d.revision, d.uploaded_at, d.day_closed, {_HELD_FILES}"
        " FROM till_days d JOIN terminals t ON t.id = d.terminal_id"
        f" LEFT JOIN earlier_days e ON {_EARLIER_OF_DAY}"
        " WHERE d.shop = ? AND d.business_date = ? ORDER BY d.till_id",
        (shop, business_date),
    )
    return [
        {
            "till_id": row[0],
            "name": row[1],
            "revision": row[2],
            "uploaded_at": row[3],
            "day_closed": bool(row[4]),
            "files": {kind.value: text for kind, text in merged_files(row[5:]).items()},
        }
        for row in rows
    ]


def shop_uploads(conn: Connection, shop: str) -> list[dict[str, Any]]:
    """Every active terminal of ``shop`` and how far its uploads reach (the API's shape)."""
    rows = conn.execute(
        "SELECT t.till_id, t.name, max(d.uploaded_at), max(d.business_date),"
        " max(CASE WHEN d.day_closed = 1 THEN d.business_date END)"
        " FROM terminals t LEFT JOIN till_days d ON d.shop = t.shop AND d.till_id = t.till_id"
        " WHERE t.shop = ? AND t.revoked_at IS NULL GROUP BY t.id, t.till_id, t.name"
        " ORDER BY t.till_id IS NULL, t.till_id, t.name",
        (shop,),
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


def shops(conn: Connection) -> list[str]:
    """The shops that have terminals, by name."""
    return [row[0] for row in conn.execute("SELECT DISTINCT shop FROM terminals ORDER BY shop")]
