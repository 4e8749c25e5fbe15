"""One sale as the manager looks it up: its lines and tender, every payment attempt with the
events that moved it, its status history, its refunds and its returns, read from one snapshot of
the store so the parts agree with each other."""

from dataclasses import dataclass

from pos_app.domain.lifecycles import SaleStatus
from pos_app.reports.snapshot import read_snapshot
from pos_app.store.history import StatusChange
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.refunds import Refund
from pos_app.store.returns import Return
from pos_app.store.sale_lookup import SaleQuery, find_sales
from pos_app.store.sales import Sale
from pos_app.store.terminal_store import Repositories
from pos_app.till.day_sales import DaySale, listed_sales


@dataclass(frozen=True, slots=True)
class SaleDetail:
    sale: Sale
    history: tuple[StatusChange[SaleStatus], ...]
    attempts: tuple[PaymentAttempt, ...]
    """Its QR payment attempts, oldest first, each with its events."""
    refunds: tuple[Refund, ...]
    returns: tuple[Return, ...] = ()
    """Items brought back (a wallet return's payout is among the refunds too)."""


def sale_detail(repos: Repositories, sale_id: int) -> SaleDetail:
    with read_snapshot(repos.db):
        sale = repos.sales.get(sale_id)
        attempts = tuple(
            repos.payments.get_attempt(attempt.invoice_number)
            for attempt in repos.payments.attempts_for_sale(sale_id)
        )
        return SaleDetail(
            sale=sale,
            history=tuple(repos.sales.history(sale_id)),
            attempts=attempts,
            refunds=tuple(repos.refunds.for_sale(sale_id)),
            returns=tuple(repos.returns.for_sale(sale_id)),
        )


def found_sales(repos: Repositories, query: SaleQuery) -> tuple[DaySale, ...]:
    """The sales that match ``query``, newest first, as the Sales tab lists a day's, from one
    snapshot."""
    with read_snapshot(repos.db):
        return listed_sales(repos.db, find_sales(repos.db, query))
