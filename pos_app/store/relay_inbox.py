"""What the till keeps of the relay's events: how far it has read them, and each event as its
payment's log holds it, so one handed over again is known.

The position (the relay's epoch and the cursor read up to, in ``meta``) is saved in the
transaction that applies a batch (``till/checkout.py``, ``apply_relay_events``). A relay restored
from a backup, or made anew, starts another epoch and may hand over events the till holds under
other cursors: those are known by their identity (:func:`relayed_before`), and an event that could
not be applied by its text (:func:`unapplied_report`). The events themselves go to the payment log
through :class:`~pos_app.store.payments.Payments`, ``record_relay_event`` and
``record_unapplied``.
"""

import json
import sqlite3
from typing import Any

from sqlite_utils import Database

from pos_app.payments.model import RelayEvent, RelayPosition, notification_identity
from pos_app.store.database import read_meta, transaction, write_meta

_CURSOR = "relay_cursor"
_EPOCH = "relay_epoch"


def relay_position(db: Database) -> RelayPosition:
    """How far the till has read the relay's events (nothing yet: no epoch, cursor 0)."""
    return RelayPosition(read_meta(db, _EPOCH), int(read_meta(db, _CURSOR) or 0))


def save_relay_position(db: Database, batch: RelayPosition) -> None:
    """Save how far the relay's events are read; the cursor never moves back in an epoch."""
    with transaction(db) as conn:
        newest = relay_position(db).after(batch)
        write_meta(conn, _CURSOR, str(newest.cursor))
        if newest.epoch is not None:
            write_meta(conn, _EPOCH, newest.epoch)


def relayed_before(conn: sqlite3.Connection, attempt_id: int | None, event: RelayEvent) -> bool:
    """Whether the log holds this notification from the relay already (its identity), on its
    attempt (``attempt_id``, if the invoice has one) or kept apart as an orphan report."""
    rows = conn.execute(
        "SELECT payload FROM payment_events WHERE source = 'relay' AND status = ? AND "
        "(attempt_id = ? OR (attempt_id IS NULL AND invoice_number = ?))",
        [event.status.value, attempt_id, event.invoice_number],
    )
    return any(
        notification_identity(
            event.invoice_number, event.status, json.loads(row[0]).get("payload", {})
        )
        == event.identity
        for row in rows
    )


def relay_payload(event: RelayEvent) -> dict[str, Any]:
    """What the payment log keeps of an event from the relay."""
    return {
        "provider": str(event.provider),
        "received_at": event.received_at,
        "payload": dict(event.payload),
    }


def unapplied_report(
    conn: sqlite3.Connection, event: RelayEvent, *, error: str
) -> dict[str, Any] | None:
    """What the payment log keeps, as an orphan report, of an event that could not be applied
    (``error`` says why); None if it holds it already (the relay's epoch changed and it handed
    the event over again)."""
    # As text: whatever made it unstorable (a NaN, say) must not lose it again.
    text = json.dumps(dict(event.payload), ensure_ascii=False, default=repr)
    kept = conn.execute(
        "SELECT payload FROM payment_events WHERE attempt_id IS NULL AND source = 'relay'"
        " AND invoice_number = ? AND status = ?",
        [event.invoice_number, event.status.value],
    )
    if any(json.loads(row[0]).get("payload_text") == text for row in kept):
        return None
    return {
        "provider": str(event.provider),
        "received_at": event.received_at,
        "error": error,
        "payload_text": text,
    }
