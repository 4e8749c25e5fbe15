"""The input line's grammar: a count before a code."""

import pytest

from pos_app.domain.basket import MAX_QUANTITY
from pos_app.domain.scan_input import split_quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8991000000011", (1, "8991000000011")),
        ("3*8991", (3, "8991")),
        (" 12 * aqua ", (12, "aqua")),
        ("0003*aqua", (3, "aqua")),
        ("٣*aqua", (1, "٣*aqua")),  # only ASCII digits make a count
    ],
)
def test_a_count_before_a_code_is_split_off(text: str, expected: tuple[int, str]) -> None:
    assert split_quantity(text) == expected


def test_a_count_too_long_stays_out_of_range_without_reading_it_all() -> None:
    count, code = split_quantity("9" * 5000 + "*aqua")
    assert count > MAX_QUANTITY and code == "aqua"
