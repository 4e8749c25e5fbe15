"""The terminal's repositories over one database file, with one connection per thread.

A sqlite3 connection belongs to the thread that opened it, and the terminal touches its store from
the GUI thread (search), the relay long-poll thread (events) and payment workers (status checks).
Each thread gets its own connection and repositories on first use; WAL and ``BEGIN IMMEDIATE``
make them cooperate.
"""

import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.store.audit import AuditLog
from pos_app.store.database import open_database
from pos_app.store.held import HeldBaskets
from pos_app.store.open_day import open_business_date
from pos_app.store.payments import Payments
from pos_app.store.products import Products
from pos_app.store.refunds import Refunds
from pos_app.store.relay_errands import RelayErrands
from pos_app.store.returns import Returns
from pos_app.store.sales import Sales
from pos_app.store.shifts import Shifts
from pos_app.store.users import Users


@dataclass(frozen=True, slots=True)
class Repositories:
    db: Database
    products: Products
    sales: Sales
    payments: Payments
    refunds: Refunds
    returns: Returns
    users: Users
    held: HeldBaskets
    audit: AuditLog
    shifts: Shifts
    relay_errands: RelayErrands


class TerminalStore:
    def __init__(self, path: Path, day: BusinessDay | None = None) -> None:
        self.path = path
        self.day = day or BusinessDay()
        self._local = threading.local()
        repos = self.repositories()  # open and migrate now, so a bad database fails at start
        repos.refunds.settle_reversed_in_part(datetime.now(UTC))

    def repositories(self) -> Repositories:
        """This thread's repositories, opening its connection on first use."""
        repos: Repositories | None = getattr(self._local, "repos", None)
        if repos is None:
            db = open_database(self.path)
            repos = Repositories(
                db=db,
                products=Products(db),
                sales=Sales(db, self.day),
                payments=Payments(db, self.day),
                refunds=Refunds(db, self.day),
                returns=Returns(db, self.day),
                users=Users(db),
                held=HeldBaskets(db),
                audit=AuditLog(db),
                shifts=Shifts(db, self.day),
                relay_errands=RelayErrands(db),
            )
            self._local.repos = repos
        return repos

    @property
    def products(self) -> Products:
        return self.repositories().products

    @property
    def sales(self) -> Sales:
        return self.repositories().sales

    @property
    def payments(self) -> Payments:
        return self.repositories().payments

    @property
    def refunds(self) -> Refunds:
        return self.repositories().refunds

    @property
    def returns(self) -> Returns:
        return self.repositories().returns

    @property
    def users(self) -> Users:
        return self.repositories().users

    @property
    def held(self) -> HeldBaskets:
        return self.repositories().held

    @property
    def audit(self) -> AuditLog:
        return self.repositories().audit

    @property
    def shifts(self) -> Shifts:
        return self.repositories().shifts

    @property
    def relay_errands(self) -> RelayErrands:
        return self.repositories().relay_errands

    def business_date(self, now: datetime) -> date:
        """The business day money taken at ``now`` goes to: closed days are skipped."""
        return open_business_date(self.repositories().db, self.day, now)

    def close(self) -> None:
        """Close this thread's connection (others close with their threads)."""
        repos: Repositories | None = getattr(self._local, "repos", None)
        if repos is not None:
            repos.db.conn.close()
            self._local.repos = None
