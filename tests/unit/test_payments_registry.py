"""The provider registry: every provider name builds its provider, an unknown one is named, each
provider's code is imported only when that provider is used, and stored payloads are read as each
provider writes them."""

import subprocess
import sys

import pytest

from pos_app.payments.model import ProviderName
from pos_app.payments.registry import (
    REGISTRY,
    UnknownProvider,
    build_provider,
    reported_amount,
)
from pos_app.settings.terminal_config import (
    DokuSettings,
    EcommpaySettings,
    ProviderChoice,
    Secret,
    Settings,
)

RELAY = "https://relay.example/"
SETTINGS = Settings(
    doku=DokuSettings(client_id="BRN-0001", secret_key=Secret("doku-secret")),
    ecommpay=EcommpaySettings(
        project_id=238,
        secret_key=Secret("ecommpay-secret"),
        customer_email="kasir@toko.id",
        customer_ip="203.0.113.10",
    ),
)


def test_every_provider_name_has_an_entry() -> None:
    assert set(REGISTRY) == set(ProviderName)


@pytest.mark.parametrize("name", list(ProviderName))
def test_every_provider_name_builds_that_provider(name: ProviderName) -> None:
    provider = build_provider(name, SETTINGS, RELAY)
    assert provider.name is name
    assert "secret" not in repr(provider)


def test_a_provider_name_given_as_text_builds_too() -> None:
    assert build_provider("ecommpay-page", SETTINGS, RELAY).name is ProviderName.ECOMMPAY_PAGE


def test_each_provider_setting_takes_payments_through_a_registered_provider() -> None:
    for choice in ProviderChoice:
        assert choice.provider_name in REGISTRY
    assert ProviderChoice.SANDBOX.provider_name is ProviderName.DOKU


@pytest.mark.parametrize("name", ["sandbox", "paypal", ""])
def test_an_unknown_name_is_named_with_the_known_ones(name: str) -> None:
    with pytest.raises(UnknownProvider) as raised:
        build_provider(name, SETTINGS, RELAY)
    message = str(raised.value)
    assert repr(name) in message
    assert all(provider.value in message for provider in ProviderName)


def test_the_registry_imports_no_provider_package_until_one_is_used() -> None:
    script = """
import sys
from pos_app.payments import registry
def loaded(): return [m for m in sys.modules if m.startswith(("pos_app.payments.doku",
    "pos_app.payments.ecommpay"))]
print(loaded())
from pos_app.settings.terminal_config import DokuSettings, Secret, Settings
doku = DokuSettings(client_id="BRN-0001", secret_key=Secret("doku-secret"))
registry.build_provider("doku", Settings(doku=doku), "http://relay")
print(any(m.startswith("pos_app.payments.ecommpay") for m in loaded()))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    before, ecommpay_after_doku = result.stdout.splitlines()
    assert before == "[]"
    assert ecommpay_after_doku == "False"


@pytest.mark.parametrize(
    ("payload", "rupiah"),
    [
        ({"order": {"amount": 6000}}, 6000),
        ({"order": {"amount": "6000.00"}}, 6000),
        ({"order": {"amount": "6000.50"}}, None),
        ({"payment": {"sum": {"amount": 600000, "currency": "IDR"}}}, 6000),
        ({"payment": {"sum": {"amount": 600050, "currency": "IDR"}}}, None),
        ({"payment": {"sum": {"amount": 600000, "currency": "USD"}}}, None),
        ({"customer": {}}, None),
    ],
)
def test_a_reported_amount_is_read_as_each_provider_writes_it(
    payload: dict[str, object], rupiah: int | None
) -> None:
    assert reported_amount(payload) == rupiah
