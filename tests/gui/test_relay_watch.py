"""The relay watch on a real relay: what must be learned from the relay before any event
applies is learned first."""

from collections.abc import Sequence
from pathlib import Path

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_relay import start_relay
from pos_app.gui.relay_watch import RelayWatch
from pos_app.payments.model import RelayEvent, RelayPosition
from tests.gui.e2e import WAIT_MS
from tests.harness.relay_process import relay_config


class Sink:
    """Where the watch delivers, noting when it is first asked."""

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen

    def relay_position(self) -> RelayPosition:
        self.seen.append("position")
        return RelayPosition()

    def apply_relay_events(
        self, events: Sequence[RelayEvent], position: RelayPosition
    ) -> Sequence[RelayEvent]:
        self.seen.append("events")
        return events


def test_the_first_look_is_taken_before_the_first_poll(qtbot, tmp_path: Path) -> None:
    """A restored till learns its last receipt numbers from the relay before a payment handed
    again completes a sale (gui/app.py gives the uploader's look)."""
    seen: list[str] = []
    with start_relay(relay_config(tmp_path / "relay.db")) as relay:
        client = RelayClient(relay.url, relay.add_terminal("T1"))
        watch = RelayWatch(client, Sink(seen), wait=0.1, first=lambda: seen.append("look") is None)
        watch.start()
        try:
            qtbot.waitUntil(lambda: "position" in seen, timeout=WAIT_MS)
        finally:
            watch.stop(5.0)
            client.close()
    assert seen[0] == "look"


def test_a_first_look_that_failed_is_taken_again_before_any_event_applies(
    qtbot, tmp_path: Path
) -> None:
    """The relay answered the first look 502 (restarting): the watch polled at once and
    applied the payments handed again before the restored till knew its receipt floors."""
    seen: list[str] = []

    def first() -> bool:
        ok = "look failed" in seen
        seen.append("look" if ok else "look failed")
        return ok

    with start_relay(relay_config(tmp_path / "relay.db")) as relay:
        client = RelayClient(relay.url, relay.add_terminal("T1"))
        watch = RelayWatch(client, Sink(seen), wait=0.1, max_backoff=0.2, first=first)
        watch.start()
        try:
            qtbot.waitUntil(lambda: "position" in seen, timeout=WAIT_MS)
        finally:
            watch.stop(5.0)
            client.close()
    assert seen[:3] == ["look failed", "look", "position"]
