"""Returns recorded as refunded outside Kasir beyond what the provider reports refunded: the
takings lost money that never went back, so the sale's payment is listed for the manager with
the difference, until the provider's report makes it up or a manager resolves it."""

from datetime import timedelta

import pytest
from sqlite_utils import Database

from pos_app.domain.errors import ValidationError
from pos_app.payments.model import AttemptState, PaymentStatus
from pos_app.store.audit import AuditLog
from pos_app.store.errors import NotFound
from pos_app.store.payment_records import EventSource
from pos_app.store.payments import Payments
from pos_app.store.problem_payments import (
    RETURNED_RESOLVED,
    ProblemKind,
    ProblemPayment,
    list_problems,
)
from pos_app.till.problem_payments import resolve
from tests.unit.test_doku_refunded_amounts import (
    ENTERED,
    HALF,
    NOW,
    PRICE,
    REFUNDED_AT,
    TOTAL,
    db,  # noqa: F401
    enter,
    paid_sale,
    refunded,
    refunded_sale,
    return_outside,
)
from tests.unit.test_ecommpay_partial_refunds import Till, numbered, refund, undone

RETURNED = NOW + timedelta(hours=1)
BEYOND = ProblemKind.RETURNED_NOT_REFUNDED
PAID, REFUNDED = AttemptState.PAID, AttemptState.REFUNDED


def listed(db: Database) -> list[tuple[ProblemKind, AttemptState, int | None, int]]:  # noqa: F811
    """Each problem: its kind, the payment's state, its amount, what the provider refunded."""
    return [(p.kind, p.state, p.amount, p.refunded) for p in list_problems(db)]


def test_a_return_outside_recorded_before_doku_refunded_less_is_listed_for_the_difference(
    db: Database,  # noqa: F811
) -> None:
    """Two coffees recorded as refunded in DOKU's back office before DOKU's report came; DOKU
    then refunded one only, as the manager reads in its back office."""
    sale_id, invoice = paid_sale(db)

    return_outside(db, sale_id, 2, now=RETURNED)

    [problem] = list_problems(db)
    assert (problem.kind, problem.state, problem.amount, problem.since) == (
        BEYOND,
        PAID,
        HALF,
        RETURNED,
    ), "listed at once: the takings are short already; Check status now asks DOKU"
    assert (problem.invoice_number, problem.sale_id, problem.refunded) == (invoice, sale_id, 0)
    refunded(db, invoice, REFUNDED_AT)
    assert listed(db) == [(ProblemKind.REFUNDED, REFUNDED, TOTAL, 0)], "taken as all of it"
    enter(db, PRICE)
    assert listed(db) == [(BEYOND, PAID, HALF - PRICE, PRICE)]


@pytest.mark.parametrize(("refunded_there", "balance"), [(10_000, 90_000), (100_000, 0)])
def test_a_refund_undone_at_ecommpay_after_its_return_outside_is_listed(
    db: Database,  # noqa: F811
    refunded_there: int,
    balance: int,
) -> None:
    """ecommpay's ``refund reverse`` brings the money back into the shop's balance; the items
    recorded as refunded outside Kasir still take it off the takings."""
    till = Till(db)
    till.relay(numbered(refund(till.invoice, refunded_there, balance), 20))
    till.return_outside(refunded_there // 10_000)
    assert till.problems() == []

    till.relay(undone(till.invoice, refunded_there, 100_000, 21))

    assert till.problems() == [(BEYOND, PAID, refunded_there)]


def test_a_doku_figure_lower_than_the_returns_outside_is_listed_for_the_difference(
    db: Database,  # noqa: F811
) -> None:
    sale_id, _ = refunded_sale(db)
    return_outside(db, sale_id, 2)
    assert listed(db) == [(ProblemKind.REFUNDED, REFUNDED, TOTAL, 0)]

    enter(db, PRICE, now=ENTERED + timedelta(hours=1))

    assert listed(db) == [(BEYOND, PAID, HALF - PRICE, PRICE)]
    enter(db, HALF, now=ENTERED + timedelta(hours=2))  # the figure was wrong: put right here
    assert listed(db) == []


def test_a_return_outside_of_a_payment_never_refunded_is_listed_until_doku_says_refunded(
    db: Database,  # noqa: F811
) -> None:
    """A status answer that says paid still leaves it; one that says refunded (the report that
    was only late) settles it."""
    sale_id, invoice = paid_sale(db)
    return_outside(db, sale_id, 4, now=RETURNED)
    assert listed(db) == [(BEYOND, PAID, TOTAL, 0)]
    with pytest.raises(ValidationError, match="only a payment DOKU reports refunded"):
        enter(db, HALF)
    payments = Payments(db)

    payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.STATUS, now=ENTERED)
    assert listed(db) == [(BEYOND, PAID, TOTAL, 0)]
    payments.record_status(invoice, PaymentStatus.REFUNDED, source=EventSource.STATUS, now=ENTERED)

    assert listed(db) == []


def test_returns_outside_equal_to_the_refund_are_not_listed(db: Database) -> None:  # noqa: F811
    sale_id, _ = refunded_sale(db)
    enter(db, HALF)
    return_outside(db, sale_id, 2)
    till = Till(db)
    till.relay(refund(till.invoice, 10_000, 90_000))
    till.return_outside(1)

    assert list_problems(db) == []


def test_the_manager_resolves_the_difference_and_a_larger_one_is_listed_again(
    db: Database,  # noqa: F811
) -> None:
    sale_id, invoice = paid_sale(db)
    return_outside(db, sale_id, 1, now=RETURNED)
    [seen] = list_problems(db)
    events = len(Payments(db).get_attempt(invoice).events)

    resolve(db, invoice, reason="the shop bears it", manager="Bu Rina", now=ENTERED, seen=seen)

    assert list_problems(db) == []
    assert len(Payments(db).get_attempt(invoice).events) == events, "the payment is as reported"
    [entry] = [e for e in AuditLog(db).recent() if e.action == RETURNED_RESOLVED]
    assert (entry.actor, entry.at, entry.detail) == (
        "Bu Rina",
        ENTERED,
        {"invoice_number": invoice, "sale_id": sale_id, "amount": PRICE,
         "reason": "the shop bears it"},
    )  # fmt: skip
    return_outside(db, sale_id, 1, now=ENTERED + timedelta(hours=1))
    [again] = list_problems(db)
    assert (again.kind, again.amount) == (BEYOND, 2 * PRICE), "it grew beyond what was resolved"
    with pytest.raises(NotFound, match="no longer listed as it was"):
        resolve(db, invoice, reason="seen before", manager="Pak Budi", now=ENTERED, seen=seen)


def test_a_resolved_difference_made_smaller_at_the_provider_stays_resolved(
    db: Database,  # noqa: F811
) -> None:
    """ecommpay undid a Rp 20.000 refund after its two items were recorded as refunded outside
    Kasir, and the manager resolved it; a new refund of Rp 10.000 leaves less short."""
    till = Till(db)
    till.relay(numbered(refund(till.invoice, 20_000, 80_000), 20))
    till.return_outside(2)
    till.relay(undone(till.invoice, 20_000, 100_000, 21))
    [seen] = list_problems(db)
    assert isinstance(seen, ProblemPayment) and seen.amount == 20_000
    resolve(db, till.invoice, reason="asked ecommpay", manager="Bu Rina", now=ENTERED, seen=seen)

    numbered_refund = numbered(refund(till.invoice, 10_000, 90_000), 22)
    numbered_refund["operation"]["date"] = "2026-11-23T05:00:00+0000"
    till.relay(numbered_refund)

    assert Payments(db).get_attempt(till.invoice).provider_refunded == 10_000
    assert till.problems() == []
