"""The terminal's relay client, for what a real relay cannot be made to do."""

import httpx
import pytest

from pos_app.relay.client import (
    FIRST_BACKOFF,
    RelayClient,
    RelayProtocolError,
    RelayUnreachable,
    backoff_delay,
)


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
        answering(200, body).fetch_events(3)


def test_an_unknown_status_word_is_a_protocol_error_not_a_guess() -> None:
    event = {"cursor": 1, "invoice_number": "I", "provider": "doku", "status": "maybe"}
    with pytest.raises(RelayProtocolError, match="cannot read"):
        answering(200, {"events": [{**event, "received_at": "t"}], "cursor": 1}).fetch_events(0)


def test_a_relay_in_trouble_counts_as_unreachable_and_the_token_stays_secret() -> None:
    client = answering(503, {"error": "the notification could not be stored"})
    with pytest.raises(RelayUnreachable) as error:
        client.fetch_events(0)
    assert "kasir_secret-token" not in str(error.value) + repr(client)
