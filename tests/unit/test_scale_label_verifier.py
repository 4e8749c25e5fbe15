"""A scale's label with a price or measure verifier digit ``K`` before its value (GS1 General
Specifications 2.1.14.2): ``PP IIII K VVVVV C`` or ``PP IIIII K VVVV C``. Read as a plain label,
the verifier was taken for the value's first digit, and the customer charged for it.

The verifiers are computed by hand from the General Specifications' worked examples (7.9.3 and
7.9.4), with GS1's weighted products: 2- (the units digit of 2 × d less its tens digit), 3 (the
units digit of 3 × d), 5+ and 5- (the units digit of 5 × d plus or less its tens digit).

- four digits, ``2875``: 2-, 2-, 3, 5- give 4, 5, 1, 3; their sum 13 × 3 = 39: verifier **9**;
- five digits, ``14685``: 5+, 2-, 5-, 5+, 2- give 5, 8, 7, 4, 9; their sum 33, taken from 40,
  is 7; the digit whose 5- product is 7 is 6 (5 × 6 = 30, 0 − 3 → 7): verifier **6**.
"""

import pytest

from pos_app.domain.barcodes import (
    MeasureKind,
    MeasureLayout,
    check_item_code,
    gs1_check_digit,
    parse_prefixes,
    read_label,
    verifier_digit,
)
from pos_app.domain.errors import ValidationError

PRICE_K5 = MeasureLayout(parse_prefixes("20-24"), parse_prefixes("25-29"), parse_prefixes("20"), 5)
"""Prefix 20: ``PP IIII K VVVVV C``, the price in rupiah."""
WEIGHT_K4 = MeasureLayout(parse_prefixes("20-24"), parse_prefixes("25-29"), parse_prefixes("28"), 4)
"""Prefix 28: ``PP IIIII K VVVV C``, the weight in grams."""


def label(first12: str) -> str:
    return first12 + gs1_check_digit(first12)


@pytest.mark.parametrize(
    ("value", "verifier"),
    [
        ("2875", "9"),  # the spec's four-digit example
        ("14685", "6"),  # the spec's five-digit example
        ("1250", "3"),  # 2 + 4 + 5 + 0 = 11, × 3 = 33
        ("01250", "7"),  # 0 + 2 + 9 + 7 + 0 = 18, 20 − 18 = 2, the 5- product of 7
        ("0000", "0"),
        ("00000", "0"),
    ],
)
def test_the_verifier_digit_follows_gs1s_weighting_factors(value: str, verifier: str) -> None:
    assert verifier_digit(value) == verifier


@pytest.mark.parametrize("value", ["287", "146850", "28a5", "2٨75"])
def test_a_verifier_checks_four_or_five_ascii_digits_only(value: str) -> None:
    with pytest.raises(ValidationError, match="not 4 or 5 digits"):
        verifier_digit(value)


def test_a_five_digit_price_after_its_verifier_is_charged_as_printed() -> None:
    """``20 1234 6 14685 C``: Rp 14.685, found under the item code 1234 with zeros after it; read
    as ``PP IIIII VVVVV C`` it was Rp 614.685 (the verifier before the price)."""
    scan = read_label(label("201234614685"), PRICE_K5)
    assert scan is not None
    assert (scan.kind, scan.value) == (MeasureKind.PRICE, 14_685)
    assert scan.item_barcode == label("201234000000")


def test_a_four_digit_weight_after_its_verifier_is_read_in_grams() -> None:
    """``28 12345 9 2875 C``: 2,875 kg of item 12345; plainly read it was 92,875 kg."""
    scan = read_label("]E0" + label("281234592875"), WEIGHT_K4)
    assert scan is not None
    assert (scan.kind, scan.value) == (MeasureKind.WEIGHT, 2_875)
    assert scan.item_barcode == label("281234500000")


@pytest.mark.parametrize(
    ("layout", "first12"),
    [
        (PRICE_K5, "201234514685"),  # verifier 5 for 14685, which calls for 6
        (PRICE_K5, "201234614658"),  # the price's last two digits swapped, the check digit right
        (WEIGHT_K4, "281234582875"),  # verifier 8 for 2875, which calls for 9
    ],
)
def test_a_label_with_its_verifier_wrong_is_refused_by_name(
    layout: MeasureLayout, first12: str
) -> None:
    code = label(first12)
    with pytest.raises(ValidationError, match="verifier digit wrong") as refused:
        read_label(code, layout)
    assert code in str(refused.value)
    assert "14685" not in str(refused.value).replace(code, ""), "no price is offered"


def test_prefixes_without_a_verifier_are_read_as_before() -> None:
    scan = read_label(label("211234514685"), PRICE_K5)
    assert scan is not None and scan.value == 14_685
    assert scan.item_barcode == label("211234500000")
    scan = read_label(label("251234501250"), WEIGHT_K4)
    assert scan is not None and scan.value == 1_250


def test_a_product_is_kept_under_its_item_code_with_the_verifier_and_value_zeroed() -> None:
    check_item_code(label("201234000000"), PRICE_K5)
    with pytest.raises(ValidationError, match=label("201234000000")):
        check_item_code(label("201234614685"), PRICE_K5)
    check_item_code(label("281234500000"), WEIGHT_K4)


def test_a_verifier_on_a_prefix_that_carries_nothing_or_before_another_length_is_refused() -> None:
    with pytest.raises(ValidationError, match="prefixes 20 carry a verifier digit but neither"):
        MeasureLayout(parse_prefixes("21-24"), parse_prefixes("25-29"), parse_prefixes("20-21"))
    with pytest.raises(ValidationError, match=r"4 digits .* or 5 .*, not 6"):
        MeasureLayout(verified_prefixes=parse_prefixes("20"), verified_value_digits=6)


def test_prefix_02_of_a_upc_a_label_is_refused_saying_what_to_do() -> None:
    """A North American scale's UPC-A label (number system 2) carries cents; scales sold here
    print EAN-13 with 20-29. Its prefix was refused as any typo was, saying nothing of why."""
    with pytest.raises(ValidationError, match=r"prefix 02 .* set the scale to print EAN-13"):
        parse_prefixes("02, 20-24")
