"""The Z report of a shop day, and closing the day with it.

Takings are counted exactly as the daily sales CSV counts them (completed sales of the business
date, less paid refunds of completed sales paid that day), so the report's net total equals the
CSV's sum rupiah for rupiah. Around them the report shows what the manager settles at the close:
cancelled sales and payment attempts, payments still open, late payments (money that arrived on an
attempt given up on, not part of takings until the manager settles it), and the cash drawer:
expected cash (opening float plus cash sales) against the counted notes and coins.

Closing a day builds the report under the write lock, stores it whole in ``day_closes`` and
writes the audit entry, in one transaction. :func:`render_text` (a receipt printer's 42 columns)
and :func:`render_html` (print preview, PDF) are two views of the same rows.
"""

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay, zone
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.money import format_rupiah
from pos_app.payments.model import OPEN_STATES, ProviderName
from pos_app.reports.snapshot import read_snapshot
from pos_app.store.database import parse_utc, transaction, utc_text
from pos_app.store.day_closes import DayClose, DayCloses
from pos_app.store.errors import StoreError
from pos_app.store.refunds import REDUCES_TAKINGS, REFUND_JOINS
from pos_app.store.sales import Tender

DENOMINATIONS = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100)
"""Rupiah notes and coins in circulation, largest first."""
MAX_PIECES = 1_000_000


@dataclass(frozen=True, slots=True)
class CashCount:
    """How many notes or coins of each denomination are in the drawer (missing ones: none)."""

    counts: Mapping[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for denomination, pieces in self.counts.items():
            if denomination not in DENOMINATIONS:
                listed = ", ".join(str(value) for value in DENOMINATIONS)
                raise ValidationError(
                    f"cash count: {denomination!r} is not a rupiah note or coin ({listed})"
                )
            if isinstance(pieces, bool) or not isinstance(pieces, int):
                raise ValidationError(
                    f"cash count: the number of {denomination} pieces must be a whole number, "
                    f"got {pieces!r}"
                )
            if not 0 <= pieces <= MAX_PIECES:
                raise ValidationError(
                    f"cash count: {pieces} pieces of {denomination} is not between 0 and "
                    f"{MAX_PIECES}"
                )
        full = {value: self.counts.get(value, 0) for value in DENOMINATIONS}
        object.__setattr__(
            self, "counts", full
        )  # every denomination, so equal counts compare equal

    @property
    def total(self) -> int:
        return sum(denomination * pieces for denomination, pieces in self.counts.items())

    def pieces(self) -> list[tuple[int, int]]:
        """Every denomination with its count, largest first."""
        return list(self.counts.items())


@dataclass(frozen=True, slots=True)
class TenderTotal:
    tender: Tender
    provider: ProviderName | None
    """The QR provider; ``None`` for cash."""
    count: int
    total: int

    def to_json(self) -> dict[str, Any]:
        """As ``day_closes.detail`` has always held it: the provider empty for cash."""
        provider = "" if self.provider is None else self.provider.value
        return {
            "tender": self.tender.value,
            "provider": provider,
            "count": self.count,
            "total": self.total,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "TenderTotal":
        provider = ProviderName(data["provider"]) if data["provider"] else None
        return cls(Tender(data["tender"]), provider, data["count"], data["total"])


@dataclass(frozen=True, slots=True)
class LatePayment:
    invoice_number: str
    sale_id: int
    provider: ProviderName
    amount: int
    paid_at: datetime


@dataclass(frozen=True, slots=True)
class ZReport:
    business_date: date
    starts_at: datetime
    ends_at: datetime
    generated_at: datetime
    time_zone: str
    sales_count: int
    items_sold: int
    tenders: tuple[TenderTotal, ...]
    refunds_count: int
    refunds_total: int
    """Paid refunds of completed sales (not of late payments), paid this day: they reduce the
    takings."""
    cancelled_sales: int
    cancelled_attempts: int
    open_attempts: int
    late_payments: tuple[LatePayment, ...]
    late_refunds_count: int
    late_refunds_total: int
    """Paid refunds of late payments, paid this day: money back that never was takings."""
    opening_float: int = 0
    counted: CashCount | None = None

    @property
    def sales_total(self) -> int:
        return sum(tender.total for tender in self.tenders)

    @property
    def net_total(self) -> int:
        """Sales less refunds: the CSV's sum of ``line_total`` and of ``total``."""
        return self.sales_total - self.refunds_total

    def tender_total(self, tender: Tender) -> int:
        return sum(entry.total for entry in self.tenders if entry.tender == tender)

    @property
    def late_payments_total(self) -> int:
        return sum(payment.amount for payment in self.late_payments)

    @property
    def expected_cash(self) -> int:
        """Wallet refunds do not come out of the drawer, so only cash sales move it."""
        return self.opening_float + self.tender_total(Tender.CASH)

    @property
    def counted_cash(self) -> int | None:
        return None if self.counted is None else self.counted.total

    @property
    def difference(self) -> int | None:
        """Counted less expected: negative when the drawer is short."""
        counted = self.counted_cash
        return None if counted is None else counted - self.expected_cash

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values, for ``day_closes.detail``; :meth:`from_json` reads it back."""
        return {
            "business_date": self.business_date.isoformat(),
            "starts_at": utc_text(self.starts_at),
            "ends_at": utc_text(self.ends_at),
            "generated_at": utc_text(self.generated_at),
            "time_zone": self.time_zone,
            "sales_count": self.sales_count,
            "items_sold": self.items_sold,
            "tenders": [tender.to_json() for tender in self.tenders],
            "sales_total": self.sales_total,
            "refunds_count": self.refunds_count,
            "refunds_total": self.refunds_total,
            "net_total": self.net_total,
            "cancelled_sales": self.cancelled_sales,
            "cancelled_attempts": self.cancelled_attempts,
            "open_attempts": self.open_attempts,
            "late_payments": [
                {
                    "invoice_number": p.invoice_number,
                    "sale_id": p.sale_id,
                    "provider": p.provider.value,
                    "amount": p.amount,
                    "paid_at": utc_text(p.paid_at),
                }
                for p in self.late_payments
            ],
            "late_refunds_count": self.late_refunds_count,
            "late_refunds_total": self.late_refunds_total,
            "opening_float": self.opening_float,
            "expected_cash": self.expected_cash,
            "counted": None
            if self.counted is None
            else {str(value): pieces for value, pieces in self.counted.pieces()},
            "counted_cash": self.counted_cash,
            "difference": self.difference,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ZReport":
        """A report as :meth:`to_json` wrote it; days closed before sales could no longer be
        voided also hold ``voided_sales``, always 0, which is not read."""
        counted = data.get("counted")
        return cls(
            business_date=date.fromisoformat(data["business_date"]),
            starts_at=parse_utc(data["starts_at"]),
            ends_at=parse_utc(data["ends_at"]),
            generated_at=parse_utc(data["generated_at"]),
            time_zone=data["time_zone"],
            sales_count=data["sales_count"],
            items_sold=data["items_sold"],
            tenders=tuple(TenderTotal.from_json(entry) for entry in data["tenders"]),
            refunds_count=data["refunds_count"],
            refunds_total=data["refunds_total"],
            cancelled_sales=data["cancelled_sales"],
            cancelled_attempts=data["cancelled_attempts"],
            open_attempts=data["open_attempts"],
            late_payments=tuple(
                LatePayment(
                    **{
                        **entry,
                        "provider": ProviderName(entry["provider"]),
                        "paid_at": parse_utc(entry["paid_at"]),
                    }
                )
                for entry in data["late_payments"]
            ),
            late_refunds_count=data["late_refunds_count"],
            late_refunds_total=data["late_refunds_total"],
            opening_float=data["opening_float"],
            counted=None
            if counted is None
            else CashCount({int(value): pieces for value, pieces in counted.items()}),
        )


def build_z_report(
    db: Database,
    business_date: date,
    *,
    day: BusinessDay,
    opening_float: int = 0,
    counted: CashCount | None = None,
    now: datetime | None = None,
) -> ZReport:
    """The report of ``business_date`` as the store holds it now."""
    if isinstance(opening_float, bool) or not isinstance(opening_float, int) or opening_float < 0:
        raise ValidationError(
            f"opening float must be a whole number of rupiah, 0 or more, got {opening_float!r}"
        )
    with read_snapshot(db):
        return _build(db, business_date, day, opening_float, counted, now or datetime.now(UTC))


def _build(
    db: Database,
    business_date: date,
    day: BusinessDay,
    opening_float: int,
    counted: CashCount | None,
    now: datetime,
) -> ZReport:
    key = business_date.isoformat()
    starts_at, ends_at = day.bounds(business_date)
    by_status = {
        SaleStatus(status): count
        for status, count in db.execute(
            "SELECT status, count(*) FROM sales WHERE business_date = ? GROUP BY status", [key]
        )
    }
    tenders = tuple(
        TenderTotal(Tender(tender), ProviderName(provider) if provider else None, count, total)
        for tender, provider, count, total in db.execute(
            "SELECT tender, coalesce(provider, ''), count(*), sum(total) FROM sales "
            "WHERE business_date = ? AND status = 'completed' "
            "GROUP BY tender, coalesce(provider, '') ORDER BY tender, coalesce(provider, '')",
            [key],
        )
    )
    items_sold = db.execute(
        "SELECT coalesce(sum(l.quantity), 0) FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "WHERE s.business_date = ? AND s.status = 'completed'",
        [key],
    ).fetchone()[0]
    refunds = dict(
        (counted_sale, (count, total))
        for counted_sale, count, total in db.execute(
            f"SELECT {REDUCES_TAKINGS}, count(*), sum(r.amount) FROM {REFUND_JOINS} "
            "WHERE r.business_date = ? AND r.status = 'paid' GROUP BY 1",
            [key],
        )
    )
    cancelled_attempts = db.execute(
        "SELECT count(DISTINCT a.id) FROM sales s JOIN payment_attempts a ON a.sale_id = s.id "
        "JOIN payment_events e ON e.attempt_id = a.id "
        "WHERE s.business_date = ? AND e.state = 'cancelled' AND e.outcome = 'applied'",
        [key],
    ).fetchone()[0]
    open_states = sorted(state.value for state in OPEN_STATES)
    open_attempts = db.execute(
        "SELECT count(*) FROM sales s JOIN payment_attempts a ON a.sale_id = s.id "
        f"WHERE s.business_date = ? AND a.state IN ({', '.join('?' * len(open_states))})",
        [key, *open_states],
    ).fetchone()[0]
    late_payments = tuple(
        LatePayment(invoice, sale_id, ProviderName(provider), amount, parse_utc(paid_at))
        for invoice, sale_id, provider, amount, paid_at in db.execute(
            "SELECT a.invoice_number, a.sale_id, a.provider, coalesce(a.paid_amount, a.amount), "
            "min(e.created_at) AS paid "
            "FROM payment_attempts a JOIN payment_events e ON e.attempt_id = a.id "
            "WHERE a.late = 1 AND e.state = 'paid' AND e.outcome = 'applied' "
            "GROUP BY a.id HAVING paid >= ? AND paid < ? ORDER BY paid, a.id",
            [utc_text(starts_at), utc_text(ends_at)],
        )
    )
    refunds_count, refunds_total = refunds.get(1, (0, 0))
    late_refunds_count, late_refunds_total = refunds.get(0, (0, 0))
    return ZReport(
        business_date=business_date,
        starts_at=starts_at,
        ends_at=ends_at,
        generated_at=now,
        time_zone=day.tz.key,
        sales_count=by_status.get(SaleStatus.COMPLETED, 0),
        items_sold=items_sold,
        tenders=tenders,
        refunds_count=refunds_count,
        refunds_total=refunds_total,
        cancelled_sales=by_status.get(SaleStatus.CANCELLED, 0),
        cancelled_attempts=cancelled_attempts,
        open_attempts=open_attempts,
        late_payments=late_payments,
        late_refunds_count=late_refunds_count,
        late_refunds_total=late_refunds_total,
        opening_float=opening_float,
        counted=counted,
    )


def close_day(
    db: Database,
    business_date: date,
    *,
    day: BusinessDay,
    counted: CashCount,
    closed_by: str,
    opening_float: int = 0,
    now: datetime | None = None,
) -> ZReport:
    """Build the report under the write lock, record the close and audit it; return the report.

    A day that has not started yet cannot be closed, and a day is closed only once.
    """
    moment = now or datetime.now(UTC)
    with transaction(db):
        report = build_z_report(
            db, business_date, day=day, opening_float=opening_float, counted=counted, now=moment
        )
        if moment < report.starts_at:
            raise StoreError(
                f"business day {business_date.isoformat()} has not started yet; it cannot be closed"
            )
        DayCloses(db).record(
            DayClose(
                business_date=business_date,
                closed_at=moment,
                closed_by=closed_by,
                sales_count=report.sales_count,
                total=report.net_total,
                cash_total=report.tender_total(Tender.CASH),
                qr_total=report.tender_total(Tender.QR),
                counted_cash=report.counted_cash,
                detail=report.to_json(),
            ),
            audit={
                "business_date": business_date.isoformat(),
                "net_total": report.net_total,
                "expected_cash": report.expected_cash,
                "counted_cash": report.counted_cash,
                "difference": report.difference,
            },
        )
    return report


Section = tuple[str, list[tuple[str, str]]]


def report_sections(report: ZReport) -> list[Section]:
    """The report as titled sections of (label, value) rows, for any renderer."""
    shop_zone = zone(report.time_zone)

    def local(moment: datetime, form: str = "%d/%m/%Y %H:%M") -> str:
        return moment.astimezone(shop_zone).strftime(form)

    takings = [("Sales", str(report.sales_count)), ("Items sold", str(report.items_sold))]
    for entry in report.tenders:
        label = "Cash" if entry.provider is None else f"QR {entry.provider}"
        takings.append((f"{label} ({entry.count})", format_rupiah(entry.total)))
    takings += [
        ("Gross sales", format_rupiah(report.sales_total)),
        (f"Refunds ({report.refunds_count})", format_rupiah(-report.refunds_total)),
        ("NET TOTAL", format_rupiah(report.net_total)),
    ]
    problems = [
        ("Cancelled sales", str(report.cancelled_sales)),
        ("Cancelled QR attempts", str(report.cancelled_attempts)),
        ("QR payments still open", str(report.open_attempts)),
        (
            f"Late payments ({len(report.late_payments)})",
            format_rupiah(report.late_payments_total),
        ),
    ]
    problems += [
        (
            f"  {payment.invoice_number} {local(payment.paid_at, '%d/%m %H:%M')}",
            format_rupiah(payment.amount),
        )
        for payment in report.late_payments
    ]
    problems.append(
        (
            f"Late payments refunded ({report.late_refunds_count})",
            format_rupiah(-report.late_refunds_total),
        )
    )
    cash = [
        ("Opening float", format_rupiah(report.opening_float)),
        ("Cash sales", format_rupiah(report.tender_total(Tender.CASH))),
        ("Expected cash", format_rupiah(report.expected_cash)),
    ]
    if report.counted is not None:
        cash += [
            (f"  {value} x {pieces}", format_rupiah(value * pieces))
            for value, pieces in report.counted.pieces()
            if pieces
        ]
        cash += [
            ("Counted cash", format_rupiah(report.counted.total)),
            ("Difference", format_rupiah(report.difference or 0)),
        ]
    heading = [
        ("Business day", report.business_date.isoformat()),
        ("From", local(report.starts_at)),
        ("To", local(report.ends_at)),
        ("Printed", local(report.generated_at)),
    ]
    return [
        ("Z REPORT", heading),
        ("Takings", takings),
        ("Exceptions", problems),
        ("Cash drawer", cash),
    ]


def render_text(report: ZReport, *, shop_name: str = "", width: int = 42) -> str:
    """Plain text for a receipt printer, ``width`` characters wide."""
    out = [shop_name.center(width).rstrip()] if shop_name else []
    for title, rows in report_sections(report):
        out += ["-" * width, title.center(width).rstrip()]
        for label, value in rows:
            room = width - len(value) - 1
            if len(label) <= room:
                out.append(f"{label:<{room}} {value}")
            else:  # too long for one line: the label, then the value on its own line
                out += [label[:width], value.rjust(width)]
    out.append("-" * width)
    return "\n".join(out) + "\n"


def render_html(report: ZReport, *, shop_name: str = "") -> str:
    """HTML for print preview and PDF (Qt rich text understands it)."""
    e = html.escape
    parts = ["<html><body>"]
    if shop_name:
        parts.append(f"<h2 align='center'>{e(shop_name)}</h2>")
    for title, rows in report_sections(report):
        parts.append(f"<h3>{e(title)}</h3><table width='100%' cellspacing='0' cellpadding='1'>")
        parts += [
            f"<tr><td>{e(label)}</td><td align='right'>{e(value)}</td></tr>"
            for label, value in rows
        ]
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)
