"""What a till owes its relay for a payment attempt or a payout while the relay is out of reach,
or after it lost what it was told, kept until a follow-up pass gets it through
(``RelayRegistrations.register_due``, ``RelayRegistrations.end_pages_due``).

An errand is one row in the table its :class:`RelayErrand` names, so owing it twice is owing it
once, and it goes with the attempt's (or the refund's) id: the till runs it against whatever the
attempt or payout is then.
"""

from datetime import datetime
from enum import StrEnum

from sqlite_utils import Database

from pos_app.payments.model import OPEN_STATES
from pos_app.store.database import transaction, utc_text


class RelayErrand(StrEnum):
    """An errand, by the table that keeps it."""

    REGISTER = "registrations_due"
    """Route the invoice's notifications to this till (and let the relay know the number is
    drawn, should this database be restored from an older backup)."""
    END_PAGE = "pages_due"
    """End the Gate page of a payment the till gave up, so no phone pays it later."""
    REGISTER_PAYOUT = "payout_registrations_due"
    """Route the payout's callbacks to this till: ecommpay may reverse a paid payout days on."""

    @property
    def owner(self) -> tuple[str, str, str]:
        """The errand's key column, the table that column points into and the number (invoice
        number or payout id) the relay knows its rows by."""
        if self is RelayErrand.REGISTER_PAYOUT:
            return "refund_id", "refunds", "payout_id"
        return "attempt_id", "payment_attempts", "invoice_number"


class RelayErrands:
    def __init__(self, db: Database) -> None:
        self._db = db

    def owe(self, errand: RelayErrand, number: str, now: datetime) -> None:
        """The relay did not take ``errand`` for this invoice number or payout id: :meth:`owed`
        lists it."""
        key, table, number_column = errand.owner
        with transaction(self._db) as conn:
            conn.execute(
                f"INSERT OR IGNORE INTO {errand} ({key}, failed_at)"
                f" SELECT id, ? FROM {table} WHERE {number_column} = ?",
                (utc_text(now), number),
            )

    def register_again(self, since: datetime, now: datetime) -> None:
        """The relay's database is another one (restored from a backup, or made anew): it may
        lack the registrations made since, so their notifications would wait there as orphans.
        Open attempts and pending payouts, and those made since ``since``, owe it their
        registration again."""
        states = ", ".join(f"'{state.value}'" for state in sorted(OPEN_STATES))
        with transaction(self._db) as conn:
            conn.execute(
                f"INSERT OR IGNORE INTO {RelayErrand.REGISTER} (attempt_id, failed_at)"
                f" SELECT id, ? FROM payment_attempts WHERE state IN ({states}) OR created_at >= ?",
                (utc_text(now), utc_text(since)),
            )
            conn.execute(
                f"INSERT OR IGNORE INTO {RelayErrand.REGISTER_PAYOUT} (refund_id, failed_at)"
                " SELECT id, ? FROM refunds WHERE status = 'pending' OR created_at >= ?",
                (utc_text(now), utc_text(since)),
            )

    def owed(self, errand: RelayErrand) -> list[str]:
        """The invoice numbers (or payout ids) of what owes ``errand``, oldest first."""
        key, table, number_column = errand.owner
        return [
            row[0]
            for row in self._db.execute(
                f"SELECT {number_column} FROM {table}"
                f" WHERE id IN (SELECT {key} FROM {errand}) ORDER BY id"
            )
        ]

    def done(self, errand: RelayErrand, number: str) -> None:
        """The relay took ``errand``; nothing is written if none was owed (as nearly always:
        the check takes no lock)."""
        if self._db.execute(f"SELECT 1 FROM {errand} LIMIT 1").fetchone() is None:
            return
        key, table, number_column = errand.owner
        with transaction(self._db) as conn:
            conn.execute(
                f"DELETE FROM {errand} WHERE {key} ="
                f" (SELECT id FROM {table} WHERE {number_column} = ?)",
                (number,),
            )
