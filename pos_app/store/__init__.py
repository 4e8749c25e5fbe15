"""The terminal's local SQLite store: one database, repositories named for what they hold.

Open it with :func:`open_database`; give each repository the returned ``Database``. Every method
that writes does so in one transaction, so nothing is ever half-written.
"""

from pos_app.store.audit import AuditEntry, AuditLog
from pos_app.store.database import open_database, transaction
from pos_app.store.errors import (
    InvalidTransition,
    NotFound,
    SchemaVersionError,
    SignInLocked,
    StoreError,
)
from pos_app.store.held import HeldBasket, HeldBaskets
from pos_app.store.payments import EventSource, Outcome, PaymentAttempt, PaymentEvent, Payments
from pos_app.store.products import Products
from pos_app.store.sales import Sale, Sales, SaleStatus, Tender
from pos_app.store.users import Role, User, Users

__all__ = [
    "AuditEntry",
    "AuditLog",
    "EventSource",
    "HeldBasket",
    "HeldBaskets",
    "InvalidTransition",
    "NotFound",
    "Outcome",
    "PaymentAttempt",
    "PaymentEvent",
    "Payments",
    "Products",
    "Role",
    "Sale",
    "SaleStatus",
    "Sales",
    "SchemaVersionError",
    "SignInLocked",
    "StoreError",
    "Tender",
    "User",
    "Users",
    "open_database",
    "transaction",
]
