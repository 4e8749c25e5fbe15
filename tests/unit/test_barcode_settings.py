"""The scale-label prefixes in ``[barcodes]``: 20-24 price and 25-29 weight unless set."""

from pathlib import Path

import pytest

from pos_app.domain.barcodes import MeasureKind, MeasureLayout
from pos_app.settings import paths
from pos_app.settings.terminal_config import ConfigError, load_settings


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "config_path", lambda: tmp_path / "absent.toml")


def settings_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kasir.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_prefixes_split_price_and_weight() -> None:
    layout = load_settings(env={}).barcodes
    assert layout == MeasureLayout()
    assert layout.kind_of("2012345012340") is MeasureKind.PRICE
    assert layout.kind_of("2912345012340") is MeasureKind.WEIGHT


def test_the_file_and_the_environment_set_the_prefixes(tmp_path: Path) -> None:
    path = settings_file(tmp_path, '[barcodes]\nprice_prefixes = "20"\nweight_prefixes = ""\n')
    layout = load_settings(path, env={}).barcodes
    assert (layout.price_prefixes, layout.weight_prefixes) == ({"20"}, frozenset())
    layout = load_settings(path, env={"KASIR_BARCODES_WEIGHT_PREFIXES": "21-23"}).barcodes
    assert layout.weight_prefixes == {"21", "22", "23"}


def test_bad_or_overlapping_prefixes_are_named(tmp_path: Path) -> None:
    path = settings_file(tmp_path, '[barcodes]\nprice_prefixes = "19-24"\n')
    with pytest.raises(ConfigError, match=r"barcodes\.price_prefixes: expected prefixes from 20"):
        load_settings(path, env={})
    path = settings_file(tmp_path, '[barcodes]\nprice_prefixes = "20-26"\n')
    with pytest.raises(ConfigError) as overlapping:
        load_settings(path, env={})
    assert overlapping.value.problems == (
        "barcodes.price_prefixes: prefixes 25,26 cannot carry both a price and a weight",
        "barcodes.weight_prefixes: prefixes 25,26 cannot carry both a price and a weight",
    ), "named by the settings at odds, each its own line, so a form shows it at both fields"
    with pytest.raises(ConfigError) as from_env:
        load_settings(path, env={"KASIR_BARCODES_WEIGHT_PREFIXES": "26"})
    assert from_env.value.problems == (
        "barcodes.price_prefixes: prefixes 26 cannot carry both a price and a weight",
        "barcodes.weight_prefixes (from KASIR_BARCODES_WEIGHT_PREFIXES): prefixes 26 cannot "
        "carry both a price and a weight",
    )


def test_no_label_carries_a_verifier_unless_set(tmp_path: Path) -> None:
    """``verified_prefixes`` names the labels with a verifier digit, ``verified_value_digits``
    which layout: 5, ``PP IIII K VVVVV C`` (the default), or 4, ``PP IIIII K VVVV C``."""
    assert load_settings(env={}).barcodes.verified_prefixes == frozenset()
    path = settings_file(
        tmp_path, '[barcodes]\nverified_prefixes = "25-26"\nverified_value_digits = 4\n'
    )
    layout = load_settings(path, env={}).barcodes
    assert (layout.verified_prefixes, layout.verified_value_digits) == ({"25", "26"}, 4)
    layout = load_settings(
        path,
        env={"KASIR_BARCODES_VERIFIED_PREFIXES": "20", "KASIR_BARCODES_VERIFIED_VALUE_DIGITS": "5"},
    ).barcodes
    assert (layout.verified_prefixes, layout.verified_value_digits) == ({"20"}, 5)
    assert layout.fields("2012346146856") == ("201234", "6", "14685")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "verified_value_digits = 6",
            r"barcodes\.verified_value_digits: expected a whole number from 4 to 5, got 6",
        ),
        (
            'verified_value_digits = "five"',
            r"barcodes\.verified_value_digits: expected a whole number",
        ),
        ('verified_prefixes = "19"', r"barcodes\.verified_prefixes: expected prefixes from 20"),
        (
            'weight_prefixes = "25-28"\nverified_prefixes = "28-29"',
            "barcodes.verified_prefixes: prefixes 29 carry a verifier digit but neither a price "
            "nor a weight",
        ),
        ('price_prefixes = "02"', r"barcodes\.price_prefixes: prefix 02 \(a UPC-A label"),
    ],
)
def test_a_bad_verifier_setting_is_named(tmp_path: Path, text: str, problem: str) -> None:
    path = settings_file(tmp_path, f"[barcodes]\n{text}\n")
    with pytest.raises(ConfigError, match=problem):
        load_settings(path, env={})
