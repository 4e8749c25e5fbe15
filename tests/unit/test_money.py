import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.errors import ValidationError
from pos_app.domain.money import (
    MAX_AMOUNT,
    check_amount,
    format_rupiah,
    parse_rupiah,
    to_minor_units,
)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "Rp 0"),
        (500, "Rp 500"),
        (12500, "Rp 12.500"),
        (1234567, "Rp 1.234.567"),
        (-2000, "-Rp 2.000"),
    ],
)
def test_format_uses_indonesian_grouping(amount: int, text: str) -> None:
    assert format_rupiah(amount) == text


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Rp 12.500", 12500),
        ("12.500", 12500),
        ("12500", 12500),
        ("rp12.500,00", 12500),
        ("12.500,0", 12500),
        (" 7 ", 7),
        ("-Rp 2.000", -2000),
    ],
)
def test_parse_accepts_what_a_person_types(text: str, amount: int) -> None:
    assert parse_rupiah(text) == amount


@pytest.mark.parametrize("text", ["12,50", "1.2.3", "12.50", "abc", "", "Rp", "1e3", "12.5000"])
def test_parse_refuses_fractions_and_garbage(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_rupiah(text)


@pytest.mark.parametrize(
    ("text", "dotted"),
    [("500,000", "500.000"), ("Rp 50,000", "50.000"), ("1,500,000", "1.500.000")],
)
def test_parse_refuses_thousands_written_with_commas(text: str, dotted: str) -> None:
    """``500,000`` was read as Rp 500: the comma taken for a decimal one with a zero fraction."""
    with pytest.raises(
        ValidationError, match=re.escape(f"write thousands with dots, like {dotted};")
    ):
        parse_rupiah(text)


@given(st.integers(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT))
def test_format_and_parse_round_trip(amount: int) -> None:
    assert parse_rupiah(format_rupiah(amount)) == amount


@pytest.mark.parametrize("value", [1.5, 10.0, "100", True, None])
def test_money_is_never_a_float_or_string(value: object) -> None:
    with pytest.raises(ValidationError):
        check_amount(value)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        format_rupiah(value)  # type: ignore[arg-type]


def test_amount_limits_mirror_doku() -> None:
    assert check_amount(MAX_AMOUNT) == MAX_AMOUNT
    for bad in (0, -1, MAX_AMOUNT + 1):
        with pytest.raises(ValidationError, match="between"):
            check_amount(bad)
    assert check_amount(0, allow_zero=True) == 0


def test_minor_units_only_at_the_boundary() -> None:
    assert to_minor_units(1000) == 100000
