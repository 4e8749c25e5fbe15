"""The manager's words for stored states and kinds: one table per enum, keyed by its members.

Each table is built when asked, so it speaks the language installed at that moment. A test checks
that every member of every enum shown here has its label.
"""

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from pos_app.domain.lifecycles import ChangeSource, RefundStatus, SaleStatus
from pos_app.payments.model import AttemptState, ProviderName
from pos_app.store.payment_records import EventSource, Outcome
from pos_app.store.problem_payments import ProblemKind
from pos_app.store.sales import Tender
from pos_app.store.users import Role


def _tr(text: str) -> str:
    return QCoreApplication.translate("Status", text)


def sale_statuses() -> dict[SaleStatus, str]:
    return {
        SaleStatus.OPEN: _tr("open"),
        SaleStatus.COMPLETED: _tr("completed"),
        SaleStatus.CANCELLED: _tr("cancelled"),
    }


def attempt_states() -> dict[AttemptState, str]:
    return {
        AttemptState.CREATED: _tr("created"),
        AttemptState.PENDING: _tr("pending"),
        AttemptState.UNKNOWN: _tr("unknown"),
        AttemptState.PAID: _tr("paid"),
        AttemptState.DECLINED: _tr("declined"),
        AttemptState.EXPIRED: _tr("expired"),
        AttemptState.CANCELLED: _tr("cancelled"),
        AttemptState.FAILED: _tr("failed"),
        AttemptState.REFUNDED: _tr("refunded"),
    }


def refund_statuses() -> dict[RefundStatus, str]:
    return {
        RefundStatus.PENDING: _tr("pending"),
        RefundStatus.PAID: _tr("paid"),
        RefundStatus.DECLINED: _tr("declined"),
        RefundStatus.FAILED: _tr("failed"),
    }


def problem_kinds() -> dict[ProblemKind, str]:
    return {
        ProblemKind.OPEN: _tr("open"),
        ProblemKind.LATE: _tr("late"),
        ProblemKind.DIFFERS: _tr("amount differs"),
        ProblemKind.DECLINED: _tr("declined"),
        ProblemKind.ORPHAN: _tr("report kept apart"),
        ProblemKind.REFUNDED: _tr("refunded at the provider"),
        ProblemKind.RETURNED_NOT_REFUNDED: _tr("returned beyond the refund"),
        ProblemKind.PAID_AFTER_FAILING: _tr("refund paid after failing"),
        ProblemKind.PAYOUT_REVERSED: _tr("payout reversed"),
        ProblemKind.PAYOUT_DIFFERS: _tr("payout amount differs"),
        ProblemKind.PAYOUT_CONTRADICTED: _tr("payout report contradicts"),
        ProblemKind.RETURN_NOT_PAID: _tr("return not paid"),
        ProblemKind.REFUND_NOT_PAID: _tr("refund not paid"),
    }


def tenders() -> dict[Tender, str]:
    return {Tender.CASH: _tr("cash"), Tender.QR: _tr("QR")}


def roles() -> dict[Role, str]:
    return {Role.CASHIER: _tr("cashier"), Role.MANAGER: _tr("manager")}


def event_sources() -> dict[EventSource, str]:
    """Where a payment event came from."""
    return {
        EventSource.RELAY: _tr("relay"),
        EventSource.STATUS: _tr("status check"),
        EventSource.CASHIER: _tr("cashier"),
        EventSource.SYSTEM: _tr("terminal"),
    }


def outcomes() -> dict[Outcome, str]:
    """What a payment event did to its attempt."""
    return {
        Outcome.APPLIED: _tr("applied"),
        Outcome.REPEATED: _tr("repeated"),
        Outcome.IGNORED: _tr("ignored"),
        Outcome.ORPHAN: _tr("kept apart"),
    }


def change_sources() -> dict[ChangeSource, str]:
    """Who moved a sale or a refund."""
    return {
        ChangeSource.CASHIER: _tr("cashier"),
        ChangeSource.MANAGER: _tr("manager"),
        ChangeSource.PROVIDER: _tr("provider"),
        ChangeSource.SYSTEM: _tr("terminal"),
        ChangeSource.MIGRATION: _tr("upgrade"),
    }


TABLES: dict[type[StrEnum], Callable[[], Mapping[Any, str]]] = {
    SaleStatus: sale_statuses,
    AttemptState: attempt_states,
    RefundStatus: refund_statuses,
    ProblemKind: problem_kinds,
    Tender: tenders,
    Role: roles,
    EventSource: event_sources,
    Outcome: outcomes,
    ChangeSource: change_sources,
}
"""Every enum the back office shows, with its table."""

Labelled = (
    SaleStatus
    | AttemptState
    | RefundStatus
    | ProblemKind
    | Tender
    | Role
    | EventSource
    | Outcome
    | ChangeSource
)


def label(value: Labelled) -> str:
    """``value`` in the manager's language, from its own enum's table."""
    return TABLES[type(value)]()[value]


def provider_label(provider: ProviderName | None) -> str:
    """What the customer paid with, for a payment's provider; empty for none (cash)."""
    if provider is None:
        return ""
    return provider.wallet_label
