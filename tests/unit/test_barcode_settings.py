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
    with pytest.raises(ConfigError, match="barcodes: prefixes 25,26 cannot carry both"):
        load_settings(path, env={})
