"""Core texts: English without a translator, translated template first, parameters after."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.errors import KasirError, ValidationError
from pos_app.domain.money import check_amount
from pos_app.domain.texts import N_, Text, say, set_translator
from pos_app.settings.terminal_config import ConfigError, load_settings

CATALOGUE = {
    "product {sku}: price": "produk {sku}: harga",
    "{field} must be between {low} and {high}, got {value}": "{field}: {low}-{high} ({value})",
    "Hello {name}": "Halo {name}",
    "expected an http(s) URL, got {value}": "harus URL http(s), bukan {value}",
    "unknown setting": "pengaturan tidak dikenal",
}


@pytest.fixture
def indonesian() -> Iterator[None]:
    set_translator(lambda text: CATALOGUE.get(text, text))
    yield
    set_translator(None)


def test_without_a_translator_the_core_speaks_english() -> None:
    error = ValidationError(N_("a PIN is 4 to 8 digits"))
    assert str(error) == "a PIN is 4 to 8 digits"
    assert str(KasirError(N_("Hello {name}"), name="Sari")) == "Hello Sari"


def test_the_template_is_translated_before_its_parameters_go_in(indonesian) -> None:
    assert say(N_("Hello {name}"), name="{name}") == "Halo {name}"
    with pytest.raises(ValidationError) as raised:
        check_amount(0, field=Text(N_("product {sku}: price"), sku="MIN-002"))
    assert str(raised.value) == "produk MIN-002: harga: Rp 1-Rp 999.999.999.999 (0)"
    assert raised.value.text.english() == (
        "product MIN-002: price must be between Rp 1 and Rp 999.999.999.999, got 0"
    )


def test_a_message_built_without_parameters_is_shown_as_it_is(indonesian) -> None:
    assert str(KasirError("relay said {oops}")) == "relay said {oops}"


def test_a_settings_problem_keeps_its_key_and_says_the_rest_in_the_language(
    indonesian, tmp_path: Path
) -> None:
    settings = tmp_path / "kasir.toml"
    settings.write_text('colour = "red"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_settings(settings, {"KASIR_RELAY_URL": "ftp://relay"})
    assert sorted(raised.value.problems) == [
        "colour: pengaturan tidak dikenal",
        "relay.url (from KASIR_RELAY_URL): harus URL http(s), bukan 'ftp://relay'",
    ]
