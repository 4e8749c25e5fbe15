import pytest

from pos_app.payments.model import (
    ATTEMPT_LIFECYCLE,
    LATE_PAYMENT_FROM,
    OPEN_STATES,
    AttemptState,
    can_transition,
)


def test_a_paid_attempt_never_goes_back() -> None:
    for state in AttemptState:
        expected = state is AttemptState.REFUNDED
        assert can_transition(AttemptState.PAID, state) is expected


@pytest.mark.parametrize("state", sorted(LATE_PAYMENT_FROM))
def test_closed_attempts_still_accept_a_late_payment(state: AttemptState) -> None:
    assert can_transition(state, AttemptState.PAID)
    assert not can_transition(state, AttemptState.PENDING)


def test_open_attempts_can_settle_or_be_cancelled() -> None:
    for state in OPEN_STATES:
        for final in (AttemptState.PAID, AttemptState.DECLINED, AttemptState.CANCELLED):
            assert can_transition(state, final)
    assert not can_transition(AttemptState.PENDING, AttemptState.CREATED)
    assert not can_transition(AttemptState.REFUNDED, AttemptState.PAID)


def test_an_attempt_is_created_first_like_a_sale_or_a_refund() -> None:
    assert [state for state in AttemptState if ATTEMPT_LIFECYCLE.allows(None, state)] == [
        AttemptState.CREATED
    ]


def test_a_payment_the_provider_failed_ends_at_once_and_still_takes_a_late_payment() -> None:
    """ecommpay's ``error``/``internal error``/``external error`` are final for the payment id
    (its plugins treat them as a decline and start a new payment id): the till says so at
    once, and money reported after all still lands as a late payment."""
    for state in OPEN_STATES:
        assert can_transition(state, AttemptState.FAILED)
    assert AttemptState.FAILED in LATE_PAYMENT_FROM
    assert can_transition(AttemptState.FAILED, AttemptState.PAID)
