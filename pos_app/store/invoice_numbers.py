"""Invoice numbers: ``KSR-T1-20261121-000042``, the terminal, the shop day it was drawn on, and a
counter that never goes back.

The number is what a provider and the relay know a payment attempt by, so a till never draws one
twice: the counter lives in the database (``meta``), surviving restarts and deleted rows, and a
database restored from an older backup goes on after the last number the relay saw
(:func:`raise_invoice_counter`). :meth:`~pos_app.store.payments.Payments.create_numbered_attempt`
draws one in the transaction that stores its attempt.
"""

import re
from datetime import datetime

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.payments.model import MAX_INVOICE_LENGTH
from pos_app.store.database import read_meta, transaction, write_meta

INVOICE_PREFIX = "KSR"
"""What every invoice number a till draws begins with (``KSR-{till}-{day}-{counter}``)."""
INVOICE_SEQUENCE = "invoice_sequence"
"""The meta key invoice numbers are counted in."""
_INVOICE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def draw_invoice_number(db: Database, day: BusinessDay, terminal_id: str, now: datetime) -> str:
    """The next invoice number of ``terminal_id``, on the shop day of ``now``."""
    business = day.date_of(now)
    with transaction(db) as conn:
        number = int(read_meta(db, INVOICE_SEQUENCE) or 0) + 1
        write_meta(conn, INVOICE_SEQUENCE, str(number))
    invoice = f"{INVOICE_PREFIX}-{terminal_id}-{business:%Y%m%d}-{number:06d}"
    check_invoice_number(invoice)
    return invoice


def raise_invoice_counter(db: Database, counter: int) -> bool:
    """Draw the next invoice numbers after ``counter``, the last one another copy of this
    database drew (the relay saw it registered); True if that is beyond this one's."""
    with transaction(db) as conn:
        held = int(read_meta(db, INVOICE_SEQUENCE) or 0)
        if counter <= held:
            return False
        write_meta(conn, INVOICE_SEQUENCE, str(counter))
    return True


def check_invoice_number(invoice: str) -> None:
    """Refuse an invoice number a provider or the relay would not take."""
    if len(invoice) > MAX_INVOICE_LENGTH or not _INVOICE.match(invoice):
        raise ValidationError(
            f"invoice number {invoice!r}: expected at most {MAX_INVOICE_LENGTH} letters, digits, "
            "'-' or '_'"
        )
