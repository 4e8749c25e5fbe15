"""The payments file: every provider payment and payout of a range of business days, one row each,
to match line by line against the provider's own settlement report (docs/csv.md, Payments).

A **payment** row is a QR payment the provider reported paid, on the business day Kasir first
recorded it paid (its clock day, or the next open one if that day had been closed by then: the
rule of ``store/open_day.py``, the day of the sale it paid when that sale completed as it was
recorded; one completed later, held when paid or on a till that was away, keeps its paid day
here, as the provider's own report has it; kept with it, so a later change of the cut-off or
time zone does not move it: ``store/open_day.py``, ``on_days``), whatever became of it: taken
by a completed sale (``standing`` ``sale``), a late payment no sale took (``late``), or paid for
another amount or currency than asked (``other_amount``); with what was paid back of it. A
**payout** row is a refund the provider paid, on the business day it was paid, with the payment it
pays back. A **payout_reversal** row is money the provider brought back of a paid payout by
reversing it, on the business day Kasir recorded it (the customer is still owed it). A
**provider_refund** row is money the provider reports it refunded of a payment
outside Kasir's payouts (from its own dashboard), in full or in part, on the business day Kasir
recorded it (placed as payments are). Unlike the sales files, these rows follow the provider's
money, not the shop's takings: a late payment is here on the day it arrived even if a manager
attached it to a sale later.

Rows stream from one snapshot of the database through :func:`atomic_csv`: memory stays flat, and
a failure or a cancel leaves no file. The customer's wallet number and name, the payment page
URLs and the providers' raw messages are never written.
"""

import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.csv_cells import safe_cells
from pos_app.domain.money import CURRENCY
from pos_app.reports.date_range import business_days
from pos_app.reports.export_progress import RowCounter
from pos_app.reports.output_files import atomic_csv
from pos_app.reports.snapshot import read_snapshot
from pos_app.store.database import parse_utc, utc_text
from pos_app.store.open_day import OpenDays, on_days
from pos_app.store.payment_records import received_rupiah
from pos_app.store.refunds import NET_PAID_OUT, REVERSAL_JOINS

PAYMENT_COLUMNS = (
    "business_date",
    "record_type",
    "provider",
    "invoice_number",
    "provider_reference",
    "amount",
    "paid_amount",
    "currency",
    "state",
    "standing",
    "created_date",
    "created_time",
    "local_date",
    "local_time",
    "sale_id",
    "receipt_number",
    "refunded",
    "refund_pending",
    "refund_of",
    "resolution",
)

PAYMENT, PAYOUT, PROVIDER_REFUND = "payment", "payout", "provider_refund"
PAYOUT_REVERSAL = "payout_reversal"
"""The record types: money in, Kasir's payouts, refunds made at the provider, and payouts the
provider reversed."""

_DIFFERS = (
    "((a.paid_amount IS NOT NULL AND a.paid_amount != a.amount) "
    f"OR coalesce(a.paid_currency, '{CURRENCY}') != '{CURRENCY}')"
)
_REFUNDS_OF_PAYMENT = (
    f"SELECT CAST({NET_PAID_OUT} AS INTEGER) FROM refunds r "
    "WHERE r.sale_id IN (a.sale_id, s.id) AND r.status = '{status}' "
    "AND (r.invoice_number = a.invoice_number "
    "OR (r.invoice_number IS NULL AND r.sale_id = s.id))"
)
"""Payouts of a payment, less what reversals brought back of them: of the late payment itself
(they name it), or of the sale it paid; found through the refunds' index by sale."""
_ATTACHED_TO = (
    "SELECT json_extract(e.payload, '$.sale_id') FROM payment_events e "
    "WHERE e.attempt_id = a.id AND json_extract(e.payload, '$.resolution') = 'attached' "
    "ORDER BY e.id DESC LIMIT 1"
)
"""The sale a manager attached a late payment to (till/problem_payments.py writes the event): it
may be another sale than the one the payment was made for."""
_PAID = f"""
WITH paid AS (
    SELECT attempt_id, min(created_at) AS at, business_date AS day FROM payment_events
    WHERE attempt_id IS NOT NULL AND outcome = 'applied' AND state IN ('paid', 'refunded')
    GROUP BY attempt_id HAVING {on_days("day", "at")}
)
"""
"""The first moment each payment was paid and its business day (SQLite takes a bare column from
the row ``min`` chose), of the payments on days ?3 to ?4."""
_PAYMENTS = f"""{_PAID}
SELECT paid.at, paid.day, a.provider, a.invoice_number, a.reference, CAST(a.amount AS INTEGER),
       CAST(coalesce(a.paid_amount, a.amount) AS INTEGER), coalesce(a.paid_currency, '{CURRENCY}'),
       a.state,
       CASE WHEN s.id IS NOT NULL THEN 'sale' WHEN {_DIFFERS} THEN 'other_amount'
            WHEN a.late = 1 THEN 'late' ELSE '' END,
       a.created_at, coalesce(s.id, a.sale_id), s.receipt_number,
       ({_REFUNDS_OF_PAYMENT.format(status="paid")}),
       ({_REFUNDS_OF_PAYMENT.format(status="pending")}),
       (SELECT json_extract(e.payload, '$.resolution') FROM payment_events e
        WHERE e.attempt_id = a.id AND e.source = 'cashier'
        AND json_extract(e.payload, '$.resolution') IS NOT NULL ORDER BY e.id DESC LIMIT 1)
FROM paid JOIN payment_attempts a ON a.id = paid.attempt_id
LEFT JOIN sales s ON s.id = coalesce(({_ATTACHED_TO}), a.sale_id)
    AND s.invoice_number = a.invoice_number AND s.status = 'completed'
ORDER BY paid.day, paid.at, a.id
"""
_PAYOUTS = """
SELECT r.business_date, r.provider, r.payout_id, r.reference, CAST(r.amount AS INTEGER), r.status,
       r.created_at, r.completed_at, r.sale_id, s.receipt_number,
       coalesce(r.invoice_number, s.invoice_number)
FROM refunds r JOIN sales s ON s.id = r.sale_id
WHERE r.status = 'paid' AND r.business_date BETWEEN ?1 AND ?2
ORDER BY r.business_date, r.completed_at, r.id
"""
_REVERSALS = f"""
SELECT b.business_date, r.provider, r.payout_id, r.reference, CAST(b.amount AS INTEGER),
       b.recorded_at, r.sale_id, s.receipt_number, coalesce(r.invoice_number, s.invoice_number)
FROM {REVERSAL_JOINS}
WHERE b.business_date BETWEEN ?1 AND ?2
ORDER BY b.business_date, b.recorded_at, b.id
"""
_PROVIDER_REFUNDS = f"""
SELECT p.recorded_at, p.business_date, a.provider, a.invoice_number, CAST(p.amount AS INTEGER),
       coalesce(s.id, a.sale_id), s.receipt_number
FROM provider_refunds p JOIN payment_attempts a ON a.id = p.attempt_id
LEFT JOIN sales s ON s.id = coalesce(({_ATTACHED_TO}), a.sale_id)
    AND s.invoice_number = a.invoice_number AND s.status = 'completed'
WHERE {on_days("p.business_date", "p.recorded_at")}
ORDER BY p.business_date, p.recorded_at, p.id
"""
_COUNT = f"""{_PAID}
SELECT (SELECT count(*) FROM paid) +
       (SELECT count(*) FROM refunds WHERE status = 'paid' AND business_date BETWEEN ?3 AND ?4) +
       (SELECT count(*) FROM payout_reversal_parts WHERE business_date BETWEEN ?3 AND ?4) +
       (SELECT count(*) FROM provider_refunds p WHERE {on_days("p.business_date", "p.recorded_at")})
"""

Row = list[Any]


@dataclass(frozen=True, slots=True)
class PaymentsSummary:
    path: Path
    rows: int
    """Data rows, the header not counted."""
    payments: int
    payouts: int
    received: int
    """Rupiah the payments brought in (what was paid, not what was asked)."""
    paid_out: int
    """Rupiah paid back: by the payouts, and by the provider outside them."""
    provider_refunds: int = 0
    payout_reversals: int = 0


def export_payments(
    db: Database,
    path: Path,
    *,
    first_day: date,
    last_day: date | None = None,
    day: BusinessDay | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PaymentsSummary:
    """Write the payments and payouts of business days ``first_day`` to ``last_day`` (inclusive)
    to ``path``. ``day`` is the shop's day rule (time zone and cut-off): it gives the local dates
    and times, and with the day closes it places money recorded before days were kept."""
    rule = day or BusinessDay()
    days = business_days(first_day, last_day)
    counts = {PAYMENT: 0, PAYOUT: 0, PROVIDER_REFUND: 0, PAYOUT_REVERSAL: 0}
    received = paid_out = 0
    counter = RowCounter(progress, cancelled)
    with read_snapshot(db), atomic_csv(path) as out:
        placing = OpenDays.read(db, rule)
        out.writerow(PAYMENT_COLUMNS)
        for _, _, row in heapq.merge(
            _payment_rows(db, placing, days),
            _payout_rows(db, rule, days),
            _provider_refund_rows(db, placing, days),
            _reversal_rows(db, rule, days),
            key=lambda r: r[:2],
        ):
            out.writerow(safe_cells(row))
            counts[row[1]] += 1
            if row[1] == PAYMENT:
                received += received_rupiah(row[6], row[7])
            else:
                paid_out -= row[6]
            counter.count()
    return PaymentsSummary(
        Path(path),
        counter.rows,
        counts[PAYMENT],
        counts[PAYOUT],
        received,
        paid_out,
        counts[PROVIDER_REFUND],
        counts[PAYOUT_REVERSAL],
    )


def count_payments(db: Database, first_day: date, last_day: date | None, day: BusinessDay) -> int:
    """How many data rows :func:`export_payments` will write: the maximum of a progress bar."""
    bounds = _bounds(OpenDays.read(db, day), business_days(first_day, last_day))
    return int(db.execute(_COUNT, bounds).fetchone()[0])


def _bounds(placing: OpenDays, days: list[date]) -> list[str]:
    """The parameters of :func:`on_days` for ``days``: the moments placed on them (the days'
    bounds, moved where a day was closed early: its later money belongs to the next day), and
    the first and last day."""
    start, end = placing.window(days[0], days[-1])
    return [utc_text(start), utc_text(end), days[0].isoformat(), days[-1].isoformat()]


def _payment_rows(
    db: Database, placing: OpenDays, days: list[date]
) -> Iterator[tuple[str, int, Row]]:
    """(business date, 0, row) by business day and the order paid: a day's payments before its
    payouts."""
    day = placing.day
    for (
        paid_at,
        kept_day,
        provider,
        invoice,
        reference,
        amount,
        paid,
        currency,
        state,
        standing,
        *rest,
    ) in db.execute(_PAYMENTS, _bounds(placing, days)):
        created_at, sale_id, receipt, refunded, pending, resolution = rest
        business = kept_day or placing.date_of(parse_utc(paid_at)).isoformat()
        yield (
            business,
            0,
            [
                business,
                PAYMENT,
                provider,
                invoice,
                reference or "",
                amount,
                paid,
                currency,
                state,
                standing,
                *_local(created_at, day),
                *_local(paid_at, day),
                sale_id,
                receipt or "",
                refunded,
                pending,
                "",
                resolution or "",
            ],
        )


def _payout_rows(
    db: Database, day: BusinessDay, days: list[date]
) -> Iterator[tuple[str, int, Row]]:
    """(business date, 1, row) of each paid payout, by business day and time paid."""
    bounds = [days[0].isoformat(), days[-1].isoformat()]
    for business, provider, payout_id, reference, amount, status, *rest in db.execute(
        _PAYOUTS, bounds
    ):
        created_at, completed_at, sale_id, receipt, refund_of = rest
        yield business, 1, _money_back_row(
            business, PAYOUT, provider, payout_id, reference, -amount, status,
            _local(created_at, day), _local(completed_at, day), sale_id, receipt, refund_of,
        )  # fmt: skip


def _provider_refund_rows(
    db: Database, placing: OpenDays, days: list[date]
) -> Iterator[tuple[str, int, Row]]:
    """(business date, 2, row) of each refund the provider reported, by business day and the
    order recorded."""
    day = placing.day
    for recorded_at, kept_day, provider, invoice, amount, sale_id, receipt in db.execute(
        _PROVIDER_REFUNDS, _bounds(placing, days)
    ):
        business = kept_day or placing.date_of(parse_utc(recorded_at)).isoformat()
        recorded = _local(recorded_at, day)
        # state: the refund's own, "paid", so a day's row never changes after its day
        yield business, 2, _money_back_row(
            business, PROVIDER_REFUND, provider, invoice, None, -amount, "paid",
            recorded, recorded, sale_id, receipt, invoice,
        )  # fmt: skip


def _reversal_rows(
    db: Database, day: BusinessDay, days: list[date]
) -> Iterator[tuple[str, int, Row]]:
    """(business date, 3, row) of what each reversal brought back, by day and time recorded."""
    bounds = [days[0].isoformat(), days[-1].isoformat()]
    for business, provider, payout_id, reference, amount, *rest in db.execute(_REVERSALS, bounds):
        recorded_at, sale_id, receipt, refund_of = rest
        recorded = _local(recorded_at, day)
        yield business, 3, _money_back_row(
            business, PAYOUT_REVERSAL, provider, payout_id, reference, amount, "reversed",
            recorded, recorded, sale_id, receipt, refund_of,
        )  # fmt: skip


def _money_back_row(
    business: str,
    record_type: str,
    provider: str,
    invoice: str,
    reference: str | None,
    amount: int,
    state: str,
    created: tuple[str, str],
    done: tuple[str, str],
    sale_id: int,
    receipt: str | None,
    refund_of: str | None,
) -> Row:
    """A row of money paid back (negative) or brought back (positive), in rupiah: what it pays
    back is in ``refund_of``; it is a refund's, so its payment columns are empty."""
    return [
        business, record_type, provider, invoice, reference or "", amount, amount, CURRENCY,
        state, "refund", *created, *done, sale_id, receipt or "", "", "", refund_of or "", "",
    ]  # fmt: skip


def _local(stored: str, day: BusinessDay) -> tuple[str, str]:
    """A stored UTC time as the shop's local date and time of day."""
    moment: datetime = parse_utc(stored).astimezone(day.tz)
    return moment.date().isoformat(), moment.time().replace(microsecond=0).isoformat()
