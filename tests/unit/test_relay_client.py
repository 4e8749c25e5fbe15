"""The terminal's relay client, for what a real relay cannot be made to do."""

import httpx
import pytest

from pos_app.clients.relay_client import (
    FIRST_BACKOFF,
    RelayClient,
    RelayProtocolError,
    RelayUnreachable,
    backoff_delay,
)
from pos_app.payments.model import RelayPosition
from tests.harness.relay_process import MemorySink


def test_backoff_grows_exponentially_with_jitter_up_to_the_cap() -> None:
    for failures, ceiling in ((1, FIRST_BACKOFF), (3, 4 * FIRST_BACKOFF), (40, 30.0)):
        delays = {backoff_delay(failures, maximum=30.0) for _ in range(50)}
        assert all(ceiling / 2 <= delay <= ceiling for delay in delays)
        assert len(delays) > 1  # jittered, so terminals do not reconnect in step


def answering(status: int, body: object) -> RelayClient:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, json=body))
    return RelayClient("http://relay.test", "kasir_secret-token", transport=transport)


def test_events_out_of_cursor_order_are_refused() -> None:
    event = {"invoice_number": "I", "provider": "doku", "status": "paid", "received_at": "t"}
    body = {"events": [{**event, "cursor": 5}, {**event, "cursor": 4}], "cursor": 5}
    with pytest.raises(RelayProtocolError, match="increasing"):
        answering(200, body).fetch(RelayPosition(cursor=3))


def test_an_unknown_status_word_is_a_protocol_error_not_a_guess() -> None:
    event = {"cursor": 1, "invoice_number": "I", "provider": "doku", "status": "maybe"}
    with pytest.raises(RelayProtocolError, match="cannot read"):
        answering(200, {"events": [{**event, "received_at": "t"}], "cursor": 1}).fetch(
            RelayPosition()
        )


def test_a_relay_in_trouble_counts_as_unreachable_and_the_token_stays_secret() -> None:
    client = answering(503, {"error": "the notification could not be stored"})
    with pytest.raises(RelayUnreachable) as error:
        client.fetch(RelayPosition())
    assert "kasir_secret-token" not in str(error.value) + repr(client)


def recording(body: dict) -> tuple[RelayClient, list[httpx.Request]]:
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json=body)

    return RelayClient("http://relay.test", "t", transport=httpx.MockTransport(answer)), requests


EVENT = {"invoice_number": "I", "provider": "doku", "status": "paid", "received_at": "t"}


def test_a_relay_of_another_epoch_answers_from_its_first_cursor() -> None:
    body = {"events": [{**EVENT, "cursor": 1}, {**EVENT, "cursor": 2}], "epoch": "new"}
    client, requests = recording({**body, "cursor": 2})

    events, position = client.fetch(RelayPosition("old", 90), wait=0)

    assert requests[0].url.params["epoch"] == "old"
    assert requests[0].url.params["after"] == "90"
    assert [e.cursor for e in events] == [1, 2]  # below 90, yet in order: a new epoch's
    assert position == RelayPosition("new", 2)


def test_within_one_epoch_a_cursor_at_or_below_the_saved_one_is_refused() -> None:
    client, _ = recording({"events": [{**EVENT, "cursor": 2}], "cursor": 2, "epoch": "same"})
    with pytest.raises(RelayProtocolError, match="increasing"):
        client.fetch(RelayPosition("same", 90))


def test_a_relay_that_names_no_epoch_leaves_the_saved_one() -> None:
    client, _ = recording({"events": [{**EVENT, "cursor": 91}], "cursor": 91})
    sink = MemorySink()
    sink.position = RelayPosition("known", 90)

    assert client.poll(sink, wait=0) == 1
    assert sink.relay_position() == RelayPosition("known", 91)


def test_a_terminal_that_knows_no_epoch_names_none_and_learns_it() -> None:
    client, requests = recording({"events": [], "cursor": 7, "epoch": "first"})
    sink = MemorySink()
    sink.position = RelayPosition(None, 7)

    assert client.poll(sink, wait=0) == 0
    assert "epoch" not in requests[0].url.params
    assert sink.relay_position() == RelayPosition("first", 7)


def test_an_events_amount_and_currency_are_read_and_an_older_relay_without_them_is_fine() -> None:
    newer = {**EVENT, "cursor": 1, "amount": 75_000, "currency": "IDR"}
    older = {**EVENT, "cursor": 2}
    client, _ = recording({"events": [newer, older], "cursor": 2})

    events, _ = client.fetch(RelayPosition())

    assert [(e.amount, e.currency) for e in events] == [(75_000, "IDR"), (None, None)]


@pytest.mark.parametrize(("amount", "currency"), [("75000", "IDR"), (True, "IDR"), (1, 360)])
def test_an_amount_or_currency_of_the_wrong_type_is_a_protocol_error(
    amount: object, currency: object
) -> None:
    client, _ = recording(
        {"events": [{**EVENT, "cursor": 1, "amount": amount, "currency": currency}], "cursor": 1}
    )
    with pytest.raises(RelayProtocolError, match="cannot read"):
        client.fetch(RelayPosition())


def test_a_payments_registered_and_paid_amounts_are_read_side_by_side() -> None:
    paid = {**EVENT, "cursor": 1, "amount": 1, "currency": "IDR"}
    view = {
        "invoice_number": "I",
        "provider": "doku",
        "amount": 75_000,
        "status": "paid",
        "events": [paid],
        "paid_amount": 1,
        "paid_currency": "IDR",
        "amount_differs": True,
    }
    older = {key: view[key] for key in ("invoice_number", "provider", "amount", "status")}

    payment = recording(view)[0].payment_status("I")
    before = recording({**older, "events": []})[0].payment_status("I")

    assert (payment.amount, payment.paid_amount, payment.paid_currency) == (75_000, 1, "IDR")
    assert payment.amount_differs and payment.events[0].amount == 1
    assert (before.paid_amount, before.paid_currency, before.amount_differs) == (None, None, False)
