"""The tills' uploaded business days in the relay's database: one row per shop, till and day.

A till uploads a whole day again whenever it changed (a late refund, the day close), each time
with a higher ``revision``. So a row is replaced only by a newer revision; a repeat of the stored
revision with the same content, or an older one (a late retry), changes nothing, and the same
revision with other content is a conflict. The writes run in the relay's batch transaction
(:class:`~pos_app.relay.writer.RelayStorage`), so an answer follows the commit.
"""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pos_app.relay import storage
from pos_app.relay.engines import Connection
from pos_app.reports.accountant_files import FileKind


@dataclass(frozen=True, slots=True)
class TillDay:
    """One till's business day as uploaded."""

    till_id: str
    business_date: str
    revision: int
    day_closed: bool
    shifts: int
    files: Mapping[FileKind, str]

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


class RevisionConflict(Exception):
    """The same revision of the day was uploaded before with other content (answered 409)."""


def store_day(conn: Connection, terminal: storage.Terminal, day: TillDay) -> Stored:
    """Keep ``day`` unless the relay holds the same or a newer revision of it.

    ``day.till_id`` must be the terminal's till id; a terminal without one takes it, as a
    registration does (:func:`~pos_app.relay.storage.claim_till_id`, which raises
    :class:`~pos_app.relay.storage.NotYours`). A day the terminal uploaded under a till id it
    had before is replaced by this one, so the shop's day holds it once.
    """
    learned = storage.claim_till_id(conn, terminal.id, day.till_id)
    key = (terminal.shop, day.till_id, day.business_date)
    held = conn.execute(
        "SELECT revision, content_hash FROM till_days"
        " WHERE shop = ? AND till_id = ? AND business_date = ?",
        key,
    ).fetchone()
    digest = day.content_hash
    if held is not None and day.revision <= held[0]:
        if day.revision == held[0] and digest != held[1]:
            raise RevisionConflict(
                f"revision {day.revision} of {day.business_date} was uploaded before with other "
                "content; a changed day needs a higher revision"
            )
        return Stored(int(held[0]), False, learned)
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
    return Stored(day.revision, True, learned)


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
        "SELECT d.till_id, t.name, d.revision, d.uploaded_at, d.day_closed, d.lines_csv,"
        " d.sales_csv, d.payments_csv FROM till_days d JOIN terminals t ON t.id = d.terminal_id"
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
            "files": {"lines": row[5], "sales": row[6], "payments": row[7]},
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
