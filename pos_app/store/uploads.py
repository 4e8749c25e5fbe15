"""The outbox of whole-shop uploads: which business days must go to the relay, at which revision.

The store's triggers (``store/migrations.py``, ``_UPLOAD_OUTBOX``) bump a day's revision in the
same transaction as every write that changes its files, and keep the moments of payments, which
SQL cannot place on a day: the money recorded at a moment keeps its business day
(``store/open_day.py``, ``on_days``), which the outbox marks; money recorded before days were
kept is placed by the shop's day rule. The uploader asks for the oldest pending day, sends it, and
records the revision it sent: a day is pending while its revision is newer than that, so a sale
completed while an upload was in flight is sent by the next one (compare-and-clear).
"""

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.store.database import (
    optional_utc,
    parse_utc,
    read_meta,
    transaction,
    utc_text,
    write_meta,
)
from pos_app.store.open_day import OpenDays

log = logging.getLogger(__name__)

_DAY_RULE = "upload_day_rule"
"""The shop's time zone and cut-off the payments were last placed by (``Asia/Jakarta 00:00:00``)."""
_READ_THROUGH = "upload_days_read_through"
"""The latest day the relay holds whose numbers a restore read (:meth:`UploadOutbox.unreached`)."""
_TO_READ = "upload_days_to_read"
"""The days the relay held at this database's revision with other files (:meth:`UploadOutbox
.mark_to_read`), whose copy is read (:meth:`UploadOutbox.to_read`)."""


_KEPT_DAYS = """
SELECT created_at, business_date FROM payment_events
WHERE attempt_id IS NOT NULL AND outcome = 'applied' AND state IN ('paid', 'refunded')
  AND created_at IN (SELECT at FROM upload_moments)
UNION SELECT recorded_at, business_date FROM provider_refunds
WHERE recorded_at IN (SELECT at FROM upload_moments)
"""
"""The business day kept with the money recorded at each moment waiting (NULL: recorded before
days were kept): a payment's paid moment, a provider refund's. Through indexes on the moments."""


UNHEARD_KEPT = 16
"""Uploads of one day whose answers were lost, kept to name in the next (the relay takes as
many)."""


@dataclass(frozen=True, slots=True)
class PendingDay:
    business_date: date
    revision: int


@dataclass(frozen=True, slots=True)
class RefusedDay:
    """A day the relay refused at its latest revision, set aside until it changes."""

    business_date: date
    revision: int
    reason: str


def mark_days(conn: sqlite3.Connection, days: Iterable[str]) -> None:
    """Mark business days (``yyyy-mm-dd``) to upload again, in the caller's transaction: for a
    change the store's triggers cannot place (a payment's moment) or cannot see (a payout's
    outcome changes an earlier return's rows)."""
    conn.executemany(
        "INSERT INTO upload_days (business_date, revision) VALUES (?, 1) "
        "ON CONFLICT (business_date) DO UPDATE SET revision = revision + 1",
        [(day,) for day in sorted(days)],
    )


class UploadOutbox:
    def __init__(self, db: Database, day: BusinessDay) -> None:
        self._db = db
        self._day = day

    def place_moments(self) -> None:
        """Mark the business day of each payment moment the triggers kept, then forget them.

        A moment is on the day kept with the money recorded at it, the day the payments file
        puts it on, whatever the shop's day rule is now. Money recorded before days were kept is
        placed as the payments file places it (``store/open_day.py``): by the rule in force, after
        an early close of its clock day on the next open day. When the time zone or cut-off
        changed since the last time (:meth:`_replace_after_a_new_rule`), every day goes to the
        relay again.
        """
        with transaction(self._db) as conn:
            self._replace_after_a_new_rule(conn)
            moments = conn.execute("SELECT id, at FROM upload_moments ORDER BY id").fetchall()
            kept = conn.execute(_KEPT_DAYS).fetchall() if moments else []
            days = {day for _, day in kept if day is not None}
            placed = {at for at, day in kept if day is not None}
            unkept = {at for _, at in moments if at not in placed}
            if unkept:
                placing = OpenDays.read(self._db, self._day)
                days |= {placing.date_of(parse_utc(at)).isoformat() for at in unkept}
            mark_days(conn, days)
            if moments:
                conn.execute("DELETE FROM upload_moments WHERE id <= ?", [moments[-1][0]])

    def _replace_after_a_new_rule(self, conn: sqlite3.Connection) -> None:
        """After a change of the shop's time zone or cut-off, the files give other local times,
        and money recorded before days were kept is placed on other days than the relay holds
        it on: one payment could be on two days there, or on none. So every day is marked again,
        and every payment's moment placed again. A till that uploaded before the rule was kept
        (or before payments after an early close went to the next open day) does so once too."""
        rule = f"{self._day.tz.key} {self._day.cutoff.isoformat()}"
        held = read_meta(self._db, _DAY_RULE)
        if held == rule:
            return
        write_meta(conn, _DAY_RULE, rule)
        uploaded = conn.execute("SELECT 1 FROM upload_days WHERE uploaded > 0 LIMIT 1").fetchone()
        if held is None and uploaded is None:
            return  # nothing went to the relay by any other rule
        log.warning(
            "the shop's day rule changed from %s to %s: every day goes to the relay again",
            held or "an earlier Kasir's",
            rule,
        )
        conn.execute("UPDATE upload_days SET revision = revision + 1")
        conn.execute(
            "INSERT INTO upload_moments (at) SELECT min(created_at) FROM payment_events "
            "WHERE attempt_id IS NOT NULL AND outcome = 'applied' "
            "AND state IN ('paid', 'refunded') GROUP BY attempt_id "
            "UNION ALL SELECT recorded_at FROM provider_refunds"
        )

    def pending(self, settled_before: datetime | None = None) -> list[PendingDay]:
        """The days to upload, oldest first (moments not yet placed are not among them).

        With ``settled_before``, a day last uploaded after that moment waits, unless it has been
        closed since: today changes with every sale, so the uploader sends it at a steady pace.
        """
        settled = None if settled_before is None else utc_text(settled_before)
        return [
            PendingDay(date.fromisoformat(day), revision)
            for day, revision in self._db.execute(
                "SELECT business_date, revision FROM upload_days u "
                "WHERE revision > uploaded AND revision > refused "
                "AND (?1 IS NULL OR uploaded_at IS NULL OR uploaded_at <= ?1 OR EXISTS ("
                "SELECT 1 FROM day_closes c WHERE c.business_date = u.business_date)) "
                "ORDER BY business_date",
                [settled],
            )
        ]

    def revision(self, business_date: date) -> int:
        """The day's latest revision (0: nothing was ever marked)."""
        row = self._db.execute(
            "SELECT revision FROM upload_days WHERE business_date = ?", [business_date.isoformat()]
        ).fetchone()
        return 0 if row is None else int(row[0])

    def mark_uploaded(self, business_date: date, revision: int, now: datetime) -> bool:
        """Record that the relay holds ``revision``; True when the day is now clear (no change
        was marked since that revision was read)."""
        with transaction(self._db) as conn:
            conn.execute(
                "UPDATE upload_days SET uploaded = ?, uploaded_at = ?, unheard = '[]' "
                "WHERE business_date = ? AND uploaded < ?",
                [revision, utc_text(now), business_date.isoformat(), revision],
            )
            row = conn.execute(
                "SELECT revision FROM upload_days WHERE business_date = ?",
                [business_date.isoformat()],
            ).fetchone()
        return row is not None and int(row[0]) <= revision

    def mark_refused(self, business_date: date, revision: int, reason: str) -> None:
        """The relay will not take ``revision``: sending it again cannot help, so the day waits
        until a later change gives it a new revision, and the days after it go on."""
        with transaction(self._db) as conn:
            conn.execute(
                "UPDATE upload_days SET refused = ?, refused_reason = ? "
                "WHERE business_date = ? AND refused < ?",
                [revision, reason, business_date.isoformat(), revision],
            )

    def refused(self) -> list[RefusedDay]:
        """The days set aside at their latest revision, oldest first."""
        return [
            RefusedDay(date.fromisoformat(day), revision, reason or "")
            for day, revision, reason in self._db.execute(
                "SELECT business_date, revision, refused_reason FROM upload_days "
                "WHERE refused = revision AND revision > uploaded ORDER BY business_date"
            )
        ]

    def mark_after(self, business_date: date, held: int) -> None:
        """Give the day a revision above ``held``, the relay's, to go at once: its files may be
        unchanged, but the relay holds that revision with other content, so only a newer one
        replaces it (or, holding what this database lacks, makes it keep its copy)."""
        with transaction(self._db) as conn:
            conn.execute(
                "INSERT INTO upload_days (business_date, revision) VALUES (?, ?) "
                "ON CONFLICT (business_date) DO UPDATE "
                "SET revision = max(revision, excluded.revision), uploaded_at = NULL",
                [business_date.isoformat(), held + 1],
            )

    def uploaded(self, business_date: date) -> int:
        """The day's latest revision the relay said it holds (0: none): an upload's ``base``.
        A relay holding a higher one holds what this database may never have had."""
        row = self._db.execute(
            "SELECT uploaded FROM upload_days WHERE business_date = ?", [business_date.isoformat()]
        ).fetchone()
        return 0 if row is None else int(row[0])

    def unheard(self, business_date: date) -> tuple[str, ...]:
        """The content hashes of the day's uploads sent since the relay last said what it holds
        (:meth:`mark_uploaded`), oldest first: a relay holding one of them holds this
        database's own copy, whose rows may have changed since (a new time zone or cut-off
        gives them other local times), not one this database lacks."""
        row = self._db.execute(
            "SELECT unheard FROM upload_days WHERE business_date = ?", [business_date.isoformat()]
        ).fetchone()
        return () if row is None else tuple(json.loads(row[0]))

    def mark_sent(self, business_date: date, content_hash: str) -> None:
        """Record, before it leaves, what an upload sends (its answer may be lost); the latest
        :data:`UNHEARD_KEPT` are kept."""
        kept = [*self.unheard(business_date), content_hash][-UNHEARD_KEPT:]
        with transaction(self._db) as conn:
            conn.execute(
                "UPDATE upload_days SET unheard = ? WHERE business_date = ?",
                [json.dumps(kept), business_date.isoformat()],
            )

    def ahead(self, held: Mapping[date, int], today: date) -> list[date]:
        """The days the relay holds (``held``: its revision of each) at a later revision than
        this database reached: this till made changes to them that it no longer has (its
        database was restored from an older backup). A day without a row here counts from
        ``today`` on, the days the till may still sell on; an older one stays as the relay holds
        it (see :meth:`unreached`). Oldest first."""
        return sorted(
            day
            for day, revision in held.items()
            if revision > self.revision(day) and (day >= today or self.revision(day) > 0)
        )

    def latest_day(self) -> date | None:
        """The latest business day this database has a change of (``None``: none yet): one
        restored from a backup lacks the changes after it."""
        row = self._db.execute("SELECT max(business_date) FROM upload_days").fetchone()
        return None if row[0] is None else date.fromisoformat(row[0])

    def unreached(self, held: Iterable[date], today: date) -> list[date]:
        """The days the relay holds (``held``) after the latest this database has a change of and
        before ``today``, not read yet (:meth:`mark_read`): days a database restored from an
        older backup never reached. They stay as the relay holds them (this database has
        nothing of them to send, and a copy sent would say them open), but a QR sale waiting in
        the backup may have completed on one, under the number the customer's receipt shows.
        Oldest first."""
        latest = self.latest_day()
        if latest is None:
            return []
        read = read_meta(self._db, _READ_THROUGH)
        after = latest if read is None else max(latest, date.fromisoformat(read))
        return sorted(day for day in held if after < day < today)

    def mark_read(self, days: Iterable[date]) -> None:
        """The numbers of ``days`` were read (:meth:`unreached`, :meth:`to_read`): each restore
        reads them once."""
        read = set(days)
        latest = max(read, default=None)
        if latest is not None:
            with transaction(self._db) as conn:
                write_meta(conn, _READ_THROUGH, latest.isoformat())
                self._keep_to_read(conn, [day for day in self.to_read() if day not in read])

    def mark_to_read(self, business_date: date) -> None:
        """The relay holds the day at the revision this database gave it, with other files: the
        database went back on it (restored from an older backup, and changed as often since as
        the lost one had after it, so no revision told), and the relay's copy of it is read
        before money goes back again."""
        with transaction(self._db) as conn:
            self._keep_to_read(conn, sorted({*self.to_read(), business_date}))

    def to_read(self) -> list[date]:
        """The days :meth:`mark_to_read` marked and no read has read yet, oldest first."""
        kept = read_meta(self._db, _TO_READ)
        return [] if not kept else [date.fromisoformat(day) for day in json.loads(kept)]

    def _keep_to_read(self, conn: sqlite3.Connection, days: list[date]) -> None:
        write_meta(conn, _TO_READ, json.dumps([day.isoformat() for day in days]))

    def went_back(self, held: Mapping[date, int], today: date) -> list[date]:
        """Give a revision above the relay's (:meth:`mark_after`) to the days :meth:`ahead`, so
        each goes at once, and the relay keeps its copy and says the day's last receipt number.
        The days marked, oldest first."""
        ahead = self.ahead(held, today)
        for day in ahead:
            self.mark_after(day, held[day])
        return ahead

    def mark_kept(self, business_date: date, now: datetime) -> None:
        """The relay keeps a copy of the day this database lacks (see :meth:`restored_days`)."""
        with transaction(self._db) as conn:
            conn.execute(
                "UPDATE upload_days SET restored_at = coalesce(restored_at, ?) "
                "WHERE business_date = ?",
                [utc_text(now), business_date.isoformat()],
            )

    def restored_days(self) -> list[date]:
        """The days the relay holds sales of that this database lacks, since it was restored
        from an older backup: this till's own files of them lack those sales, the shop's do not."""
        return [
            date.fromisoformat(day)
            for (day,) in self._db.execute(
                "SELECT business_date FROM upload_days WHERE restored_at IS NOT NULL "
                "ORDER BY business_date"
            )
        ]

    def reconcile(self, held: Mapping[date, int]) -> list[date]:
        """Make pending again every day uploaded that the relay does not hold (``held``: its
        revision of each day) at the revision sent: a relay restored from a backup, or a terminal
        added again, lost them. Refused days go again too: what the relay refused may have been
        fixed there (a terminal id set, the relay upgraded). The days the relay lacks."""
        with transaction(self._db) as conn:
            sent = [
                (date.fromisoformat(day), uploaded)
                for day, uploaded in conn.execute(
                    "SELECT business_date, uploaded FROM upload_days WHERE uploaded > 0 "
                    "ORDER BY business_date"
                )
            ]
            lacking = [(day, uploaded) for day, uploaded in sent if held.get(day, 0) < uploaded]
            conn.executemany(
                "UPDATE upload_days SET uploaded = ? WHERE business_date = ?",
                [(held.get(day, 0), day.isoformat()) for day, _ in lacking],
            )
            conn.execute("UPDATE upload_days SET refused = 0, refused_reason = NULL")
        return [day for day, _ in lacking]

    def last_upload(self) -> datetime | None:
        """When the relay last took a day from this till."""
        row = self._db.execute("SELECT max(uploaded_at) FROM upload_days").fetchone()
        return optional_utc(row[0])
