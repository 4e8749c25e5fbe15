"""What a till owes its relay for a payment attempt while the relay is out of reach, kept until
a follow-up pass gets it through (``Checkout.register_due``, ``Checkout.end_pages_due``).

An errand is one row in the table its :class:`RelayErrand` names, so owing it twice is owing it
once, and it goes with the attempt's id: the till runs it against whatever the attempt is then.
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


class RelayErrands:
    def __init__(self, db: Database) -> None:
        self._db = db

    def owe(self, errand: RelayErrand, invoice_number: str, now: datetime) -> None:
        """The relay did not take ``errand`` for this attempt: :meth:`owed` lists it."""
        with transaction(self._db) as conn:
            conn.execute(
                f"INSERT OR IGNORE INTO {errand} (attempt_id, failed_at)"
                " SELECT id, ? FROM payment_attempts WHERE invoice_number = ?",
                (utc_text(now), invoice_number),
            )

    def register_again(self, since: datetime, now: datetime) -> None:
        """The relay's database is another one (restored from a backup, or made anew): it may
        lack the registrations made since, so their notifications would wait there as orphans.
        Open attempts, and those made since ``since``, owe it their registration again."""
        states = ", ".join(f"'{state.value}'" for state in sorted(OPEN_STATES))
        with transaction(self._db) as conn:
            conn.execute(
                f"INSERT OR IGNORE INTO {RelayErrand.REGISTER} (attempt_id, failed_at)"
                f" SELECT id, ? FROM payment_attempts WHERE state IN ({states}) OR created_at >= ?",
                (utc_text(now), utc_text(since)),
            )

    def owed(self, errand: RelayErrand) -> list[str]:
        """The invoice numbers of the attempts owing ``errand``, oldest first."""
        return [
            row[0]
            for row in self._db.execute(
                f"SELECT invoice_number FROM payment_attempts"
                f" WHERE id IN (SELECT attempt_id FROM {errand}) ORDER BY id"
            )
        ]

    def done(self, errand: RelayErrand, invoice_number: str) -> None:
        """The relay took ``errand``; nothing is written if none was owed (as nearly always:
        the check takes no lock)."""
        if self._db.execute(f"SELECT 1 FROM {errand} LIMIT 1").fetchone() is None:
            return
        with transaction(self._db) as conn:
            conn.execute(
                f"DELETE FROM {errand} WHERE attempt_id ="
                " (SELECT id FROM payment_attempts WHERE invoice_number = ?)",
                (invoice_number,),
            )
