"""What people type and files hold is read with ASCII digits only: ``²`` passes ``str.isdigit``
but not ``int``, and such input must be a named error, never a bare ValueError."""

from collections.abc import Callable

import pytest

from pos_app.domain.digits import is_digits, whole_number
from pos_app.domain.discounts import parse_discount
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import parse_rupiah
from pos_app.domain.printer_address import parse_printer
from pos_app.domain.tax import parse_rate
from pos_app.settings.printer_settings import paper_width


def test_only_ascii_digits_are_digits() -> None:
    assert is_digits("0123456789")
    assert not any(is_digits(text) for text in ("", "²", "٣", "12a", "1 2", "12\n", "-1"))


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (parse_rupiah, "²"),
        (parse_rupiah, "Rp 5.000,²"),
        (parse_rupiah, "9" * 5000),
        (parse_discount, "²%"),
        (parse_discount, "10,²%"),
        (parse_rate, "2025-01-01 ²"),
        (parse_rate, "2025-01-01 12.²"),
        (parse_printer, "tcp://192.168.1.50:²"),
        (parse_printer, "tcp://192.168.1.50:" + "9" * 5000),
        (parse_discount, "9" * 5000 + "%"),
        (paper_width, "８０"),
    ],
)
def test_digit_like_characters_are_a_named_error(parse: Callable[[str], object], text: str) -> None:
    with pytest.raises(ValidationError):
        parse(text)


def test_a_long_amount_is_read_so_the_limit_can_name_it() -> None:
    assert parse_rupiah("9" * 21) == int("9" * 21)


def test_a_whole_number_has_at_most_the_digits_asked() -> None:
    assert whole_number("0065535", 5) == 65535
    assert [whole_number(text, 5) for text in ("100000", "9" * 5000, "", "-1", "²")] == [None] * 5
