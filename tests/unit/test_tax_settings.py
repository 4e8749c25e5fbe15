"""PPN and discount settings: off by default, rates with the day they apply from."""

from datetime import date
from pathlib import Path

import pytest

from pos_app.domain.tax import NO_TAX, TaxClass, TaxRate
from pos_app.settings import paths
from pos_app.settings.settings_file import render
from pos_app.settings.terminal_config import ConfigError, load_settings, tax_table


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "config_path", lambda: tmp_path / "absent.toml")


def test_a_shop_charges_no_ppn_unless_told() -> None:
    settings = load_settings(env={})
    assert settings.tax == NO_TAX
    assert settings.tax.rate(TaxClass.STANDARD, date(2025, 6, 1)) is None
    assert settings.discounts.approval_above_percent == 10


def test_ppn_rates_and_the_approval_limit_come_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "kasir.toml"
    path.write_text(
        "[tax]\nenabled = true\nprices_include_tax = false\n"
        'other_rates = ["2022-04-01 11", "2025-01-01 12"]\n'
        "[discounts]\napproval_above_percent = 25\n",
        encoding="utf-8",
    )
    settings = load_settings(path, env={})
    assert settings.tax.enabled and not settings.tax.prices_include_tax
    assert settings.tax.rate(TaxClass.OTHER, date(2025, 6, 1)) == TaxRate(date(2025, 1, 1), 1200)
    assert settings.tax.rate(TaxClass.STANDARD, date(2025, 6, 1)) == TaxRate(
        date(2025, 1, 1), 1200, 11, 12
    )
    assert settings.discounts.approval_above_percent == 25


def test_the_environment_sets_rates_separated_by_semicolons() -> None:
    settings = load_settings(
        env={"KASIR_TAX_ENABLED": "true", "KASIR_TAX_STANDARD_RATES": "2022-04-01 11;2030-01-01 13"}
    )
    assert settings.tax.rate(TaxClass.STANDARD, date(2031, 1, 1)) == TaxRate(date(2030, 1, 1), 1300)


def test_a_wrong_rate_or_limit_is_named(tmp_path: Path) -> None:
    path = tmp_path / "kasir.toml"
    path.write_text(
        '[tax]\nenabled = "yes"\nstandard_rates = ["12 percent"]\n'
        "[discounts]\napproval_above_percent = 101\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    problems = "\n".join(caught.value.problems)
    assert "tax.enabled" in problems
    assert "tax.standard_rates" in problems
    assert "discounts.approval_above_percent" in problems


def test_the_tax_table_reads_back_as_the_same_policy(tmp_path: Path) -> None:
    """What the support bundle shows of [tax] is what the settings file would say."""
    path = tmp_path / "kasir.toml"
    path.write_text(
        '[tax]\nenabled = true\nother_rates = ["2024-01-01 1.1", "2025-01-01 12"]\n',
        encoding="utf-8",
    )
    tax = load_settings(path, env={}).tax
    path.write_text(render({"tax": tax_table(tax)}), encoding="utf-8")
    assert load_settings(path, env={}).tax == tax


@pytest.mark.parametrize("key", ["STANDARD", "OTHER"])
def test_ppn_on_with_only_rates_to_come_is_refused_at_load(key: str) -> None:
    """Accepted before, and then every sale failed to price: no rate applied on its day."""
    variable = f"KASIR_TAX_{key}_RATES"
    env = {"KASIR_TAX_ENABLED": "true", variable: "2999-01-01 12 11/12"}
    with pytest.raises(ConfigError) as caught:
        load_settings(env=env)
    (problem,) = caught.value.problems
    assert problem.startswith(f"tax.{key.lower()}_rates (from {variable}): PPN is on, but none")
    assert "today's business day" in problem
    load_settings(env={**env, "KASIR_TAX_ENABLED": "false"})  # no PPN: nothing priced with them


def test_two_rates_from_one_day_are_refused_not_the_higher_one_chosen() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(
            env={
                "KASIR_TAX_ENABLED": "true",
                "KASIR_TAX_STANDARD_RATES": "2025-01-01 12 11/12;2025-01-01 11",
            }
        )
    (problem,) = caught.value.problems
    assert problem.startswith("tax.standard_rates (from KASIR_TAX_STANDARD_RATES): two rates")
    assert "2025-01-01 11" in problem and "2025-01-01 12 11/12" in problem
