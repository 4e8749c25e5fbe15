"""Test connection against a demo terminal's real sandbox and relay: right and wrong credentials."""

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from pos_app.clients.relay_client import RelayClient
from pos_app.demo.embedded_services import EmbeddedServices
from pos_app.payments.doku.client import DokuClient
from pos_app.payments.doku.provider import DokuWalletProvider
from pos_app.payments.registry import build_payouts
from pos_app.settings.terminal_config import Secret, Settings
from pos_app.till.connection_check import (
    Service,
    Verdict,
    check_payouts,
    check_provider,
    check_relay,
)
from pos_app.till.terminal import Terminal, open_terminal
from tests.harness.relay_process import free_port


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = open_terminal(Settings(), tmp_path / "demo.db", demo=True)
    yield terminal
    terminal.close()


def services(terminal: Terminal) -> EmbeddedServices:
    assert terminal.embedded is not None
    return terminal.embedded


def verdicts(checks: list) -> list[tuple[Service, Verdict]]:
    return [(check.service, check.verdict) for check in checks]


def test_a_demo_terminal_passes_every_check(terminal: Terminal) -> None:
    assert terminal.payouts is not None
    checks = [
        *check_relay(terminal.relay),
        check_provider(terminal.checkout.provider),
        check_payouts(terminal.payouts.gateway),
    ]
    assert all(check.ok for check in checks), checks


def test_a_refused_token_and_refused_credentials_are_named(terminal: Terminal) -> None:
    embedded = services(terminal)
    config = embedded.config
    relay = RelayClient(embedded.relay.url, "not-the-token", timeout=5)
    doku = DokuClient(
        base_url=embedded.sandbox.url, client_id=config.doku_client_id, secret_key="wrong"
    )
    refused = replace(terminal.settings.ecommpay, secret_key=Secret("wrong"))
    gate = build_payouts(replace(terminal.settings, ecommpay=refused), embedded.relay.url)
    try:
        assert verdicts(check_relay(relay)) == [
            (Service.RELAY, Verdict.OK),
            (Service.RELAY_TOKEN, Verdict.REFUSED),
        ]
        provider = DokuWalletProvider(doku, notify_url="http://127.0.0.1:9/doku/notifications")
        assert check_provider(provider).verdict is Verdict.REFUSED
        assert check_payouts(gate).verdict is Verdict.REFUSED
    finally:
        for client in (relay, doku, gate):
            client.close()


def test_nothing_listening_or_nothing_set_up_is_said_so() -> None:
    dead = RelayClient(f"http://127.0.0.1:{free_port()}", "token", timeout=2)
    try:
        assert verdicts(check_relay(dead)) == [(Service.RELAY, Verdict.UNREACHABLE)]
    finally:
        dead.close()
    assert verdicts(check_relay(None)) == [(Service.RELAY, Verdict.NOT_SET_UP)]
    assert check_payouts(None).verdict is Verdict.NOT_SET_UP
