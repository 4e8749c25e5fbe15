"""Every barcode a shop meets: EAN-13, EAN-8, UPC-A, UPC-E, in-store codes, GS1 variable-measure
labels from the shop's scale, and the GTIN inside a GS1 DataMatrix, GS1-128 or GS1 QR code or in
front of an EAN add-on (:func:`carried_forms`). Pure functions, no I/O.

A product keeps its barcode in one **stored form**, so it is one product whichever form of its
code is scanned: EAN-13, UPC-A and UPC-E are kept as their 13-digit GTIN (UPC-A is EAN-13 with a
leading 0; UPC-E is UPC-A with zeros left out, expanded back by GS1's rules); EAN-8 stays 8 digits
(it is no shorter form of anything). Eight digits can be both a valid EAN-8 and a valid UPC-E
(every UPC-E ending in 5–9 is): they stay 8 digits, and so the UPC-A that UPC-E stands for (and
its EAN-13) is kept as those 8 digits too, one key whichever form was entered. An in-store code
(letters, digits and ``-``, at most 32, Code 128 style, no check digit) is kept as typed. A
string of 8, 12 or 13 digits is always a GS1 code and must carry its check digit; so are such
digits written in groups, as printed under the bars or typed from them (``8 991002 101203``,
``0-36000-29145-2``): they are kept and found as the code itself (:func:`ungrouped`). Digits are
ASCII 0–9 only: ``²`` or ``٣``, which ``str.isdigit`` takes, make no barcode, so a bad code is
always a :class:`ValidationError` and never found.

**One code, one product.** Two stored forms are the same code when a scan of one may name the
other (each is in the other's :func:`scan_forms`): a UPC-E that is also an EAN-8 is kept as its
8 digits, and a UPC-A may have more than one UPC-E (rule 0–2 and rule 3 both read ``12000`` as a
manufacturer, say), so its forms are several keys; the store and the import compare codes that
way, not by the stored string alone. An EAN-8 is a GTIN-8 of its own: the EAN-13 its digits make
with five zeros in front is another code (GS1 pads a GTIN-8 with zeros to 14 digits only to keep
it in a GTIN-14 field of a database, which changes its format, not its meaning).

**Variable-measure labels** are EAN-13 codes whose prefix (two digits, 20–29, GS1's restricted
circulation numbers) the shop's scale prints: ``PP IIIII VVVVV C``, the prefix, a five-digit item
code, a five-digit value and the check digit. Which prefixes carry a price (in rupiah, up to
Rp 99.999) and which a weight (in grams, up to 99,999 g) is a setting (:class:`MeasureLayout`;
20–24 price and 25–29 weight by default). The product is the one whose barcode is the same code
with the value 00000 (and the check digit that makes it valid): the item code finds it. A weight
label costs the product's price, which is per kilogram, times the weight: see :func:`weighed_price`.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.digits import is_digits
from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_

MAX_IN_STORE_LENGTH = 32
GS1_LENGTHS = (8, 12, 13)
"""Digit strings of these lengths are GS1 codes (EAN-8 or UPC-E, UPC-A, EAN-13), never in-store."""
VARIABLE_PREFIXES = tuple(str(prefix) for prefix in range(20, 30))
_IN_STORE = re.compile(r"[A-Za-z0-9-]{1,32}")
_PREFIX_RANGE = re.compile(r"(2[0-9])(?:-(2[0-9]))?")
_WRONG_CHECK_DIGIT = {
    13: N_("barcode {barcode} is not a valid EAN-13: its check digit is wrong"),
    12: N_("barcode {barcode} is not a valid UPC-A: its check digit is wrong"),
    8: N_("barcode {barcode} is neither a valid EAN-8 nor a UPC-E: its check digit is wrong"),
}


class Symbology(StrEnum):
    EAN13 = "EAN-13"
    EAN8 = "EAN-8"
    UPCA = "UPC-A"
    UPCE = "UPC-E"
    IN_STORE = "in-store"


class MeasureKind(StrEnum):
    PRICE = "price"
    WEIGHT = "weight"


def gs1_check_digit(body: str) -> str:
    """The GS1 check digit of ``body`` (all digits but the last): weights 3, 1, 3, … from the
    right, the same for EAN-13, EAN-8 and UPC-A; ValidationError for a body that is not digits."""
    if not is_digits(body):
        raise ValidationError(
            N_("{body} is not digits 0-9, so it has no check digit"), body=repr(body)
        )
    total = sum(int(digit) * (3 if i % 2 == 0 else 1) for i, digit in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def _checks(code: str) -> bool:
    return gs1_check_digit(code[:-1]) == code[-1]


def upce_to_upca(code: str) -> str:
    """The UPC-A a valid-looking 8-digit UPC-E stands for (number system, six digits, check).

    GS1's zero-suppression rules, by the sixth digit: 0–2 keep the manufacturer's first two
    digits and that digit, then ``0000`` and three digits; 3 keeps three digits then ``00000``
    and two; 4 keeps four then ``00000`` and one; 5–9 keep five then ``0000`` and that digit.
    ValidationError for what is not 8 digits.
    """
    if len(code) != 8 or not is_digits(code):
        raise ValidationError(N_("{code} is not a UPC-E: 8 digits 0-9"), code=repr(code))
    system, digits, check = code[0], code[1:7], code[7]
    last = digits[5]
    if last in "012":
        body = digits[0:2] + last + "0000" + digits[2:5]
    elif last == "3":
        body = digits[0:3] + "00000" + digits[3:5]
    elif last == "4":
        body = digits[0:4] + "00000" + digits[4]
    else:
        body = digits[0:5] + "0000" + last
    return system + body + check


def is_valid_upce(code: str) -> bool:
    return len(code) == 8 and is_digits(code) and code[0] in "01" and _checks(upce_to_upca(code))


def is_valid_gs1(code: str, length: int) -> bool:
    """EAN-13 (13), UPC-A (12) or EAN-8 (8) with its check digit right."""
    return len(code) == length and is_digits(code) and _checks(code)


def symbology(code: str) -> Symbology:
    """What kind of code ``code`` is, or ValidationError saying why it is none."""
    if is_digits(code) and len(code) in GS1_LENGTHS:
        if len(code) == 13 and is_valid_gs1(code, 13):
            return Symbology.EAN13
        if len(code) == 12 and is_valid_gs1(code, 12):
            return Symbology.UPCA
        if len(code) == 8 and is_valid_gs1(code, 8):
            return Symbology.EAN8
        if is_valid_upce(code):
            return Symbology.UPCE
        raise ValidationError(_WRONG_CHECK_DIGIT[len(code)], barcode=code)
    if _IN_STORE.fullmatch(code):
        return Symbology.IN_STORE
    raise ValidationError(
        N_(
            "barcode {barcode} is neither an EAN-13, EAN-8, UPC-A or UPC-E with its check digit "
            "nor an in-store code (letters, digits and -, at most {most})"
        ),
        barcode=repr(code),
        most=MAX_IN_STORE_LENGTH,
    )


def ungrouped(code: str) -> str:
    """``code`` without the spaces or dashes between its groups of digits when what is left is
    8, 12 or 13 digits (a GS1 code as printed under its bars), else ``code`` as it is."""
    if _GROUPED.fullmatch(code):
        digits = _SEPARATOR.sub("", code)
        if len(digits) in GS1_LENGTHS:
            return digits
    return code


def stored_form(code: str) -> str:
    """The form a product keeps ``code`` in (see the module's notes); ValidationError if it is
    no barcode.

    Digits in groups with a wrong check digit are refused when written with spaces; with dashes
    they stay as written, an in-store code, which is what they were kept as before, so such a
    product still opens: :func:`check_new_barcode` refuses them where a barcode is entered."""
    written = code.strip()
    code = ungrouped(written)
    if code != written and " " not in written and not is_gs1_code(code):
        code = written
    kind = symbology(code)
    upca = _upca_of(code, kind)
    if kind is Symbology.EAN8 or upca is None:
        return code
    return next(iter(_ean8_compressions(upca)), "0" + upca)


def check_new_barcode(barcode: str) -> None:
    """Refuse, as a barcode given anew, a stored form that is still digits in groups: a GS1 code
    with its check digit wrong (mistyped, or misread), named so; kept before, it stays."""
    plain = ungrouped(barcode)
    if plain != barcode:
        symbology(plain)


def is_gs1_code(code: str) -> bool:
    """A whole EAN-13, EAN-8, UPC-A or UPC-E with its check digit right."""
    try:
        return symbology(code) is not Symbology.IN_STORE
    except ValidationError:
        return False


def _upca_of(code: str, kind: Symbology) -> str | None:
    """The UPC-A a valid ``code`` of ``kind`` is or stands for, if any (an EAN-8 may be a UPC-E)."""
    if kind is Symbology.UPCA:
        return code
    if kind is Symbology.EAN13 and code.startswith("0"):
        return code[1:]
    if kind is Symbology.UPCE or (kind is Symbology.EAN8 and is_valid_upce(code)):
        return upce_to_upca(code)
    return None


def _ean8_compressions(upca: str) -> tuple[str, ...]:
    """The UPC-Es that expand to ``upca`` and are valid EAN-8s too (every UPC-E whose last digit
    is 5–9, for one), in GS1's rule order, so the one GS1 prints comes first when it is one: such
    8 digits are kept as they are, so the UPC-A is kept as them and must find them.

    One candidate per rule of :func:`upce_to_upca`; expanding it back tells whether it is one.
    """
    if upca[0] not in "01":
        return ()
    body = upca[1:11]
    candidates = (
        body[0:2] + body[7:10] + body[2],
        body[0:3] + body[8:10] + "3",
        body[0:4] + body[9] + "4",
        body[0:5] + body[9],
    )
    codes = (upca[0] + digits + upca[11] for digits in candidates)
    return tuple(
        dict.fromkeys(
            code for code in codes if upce_to_upca(code) == upca and is_valid_gs1(code, 8)
        )
    )


def scan_forms(code: str) -> tuple[str, ...]:
    """Every stored form a scanned ``code`` may be, best first; none for what is no barcode.

    Eight digits can be both a valid EAN-8 and a valid UPC-E: both are tried. A UPC-A (or its
    EAN-13) is tried as its stored form, then as its 13 digits (a product entered with it before
    its stored form became its UPC-E's 8 digits is kept so), then as any other UPC-E of it that is
    also an EAN-8. Digits in groups are tried as the code they make first, then as written (an
    in-store code kept so before). An AIM symbology identifier a scanner sends in front (``]E0``,
    ``]d2``, ``]C1``, ``]Q3``) is taken off after the code itself was tried.

    The same stored forms are the ones a product's barcode may not share with another's: each
    form of a stored code has that code among its own forms.
    """
    code = code.strip()
    bare = _AIM_IDENTIFIER.sub("", code, count=1)
    texts = dict.fromkeys((ungrouped(code), code, bare))
    return tuple(dict.fromkeys(form for text in texts for form in _forms(text)))


def carried_forms(code: str) -> tuple[str, ...]:
    """The stored form of a retail code carried inside a scan, to try once the scan itself
    named nothing (no barcode, no SKU): the GTIN of a GS1 element string, as a GS1 DataMatrix,
    GS1-128 or GS1 QR code on a pack carries it (application identifier 01, then expiry, batch
    and the like), or the EAN-13 before a 2- or 5-digit add-on (magazines, books).

    A GTIN-14 with indicator 0 carries an EAN-13 (a UPC-A in its EAN-13 form too) behind that 0,
    or an EAN-8 behind six zeros, which is an EAN-8 only, never a UPC-E; another indicator names
    a case of the item, no retail code.
    """
    bare = _AIM_IDENTIFIER.sub("", code.strip(), count=1)
    element = _ELEMENT_GTIN.match(bare)
    if element is not None and _checks(gtin := element.group(1)):
        if gtin.startswith("000000"):
            return (gtin[6:],)
        return _forms(gtin[1:]) if gtin.startswith("0") else ()
    if is_digits(bare) and len(bare) in ADD_ON_LENGTHS and is_valid_gs1(bare[:13], 13):
        return _forms(bare[:13])
    return ()


_AIM_IDENTIFIER = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_GROUPED = re.compile(r"[0-9]+(?:[ -][0-9]+)+")
"""Groups of digits, one space or dash between two."""
_SEPARATOR = re.compile(r"[ -]")
_ELEMENT_GTIN = re.compile(r"^(?:\(01\)|01)([0-9]{14})")
"""A GS1 element string that starts with its GTIN (application identifier 01), written plain
or with the parentheses of its printed form."""
ADD_ON_LENGTHS = (13 + 2, 13 + 5)


def _forms(code: str) -> tuple[str, ...]:
    try:
        kind = symbology(code)
    except ValidationError:
        return ()
    upca = _upca_of(code, kind)
    if upca is None:
        return (code,)
    forms = [code] if kind is Symbology.EAN8 else []
    forms += [stored_form(upca), "0" + upca, *_ean8_compressions(upca)]
    return tuple(dict.fromkeys(forms))


def parse_prefixes(text: str) -> frozenset[str]:
    """``"20-24"``, ``"20,21,25-29"`` or ``""`` (none) as a set of two-digit prefixes in 20–29."""
    prefixes: set[str] = set()
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        match = _PREFIX_RANGE.fullmatch(part.replace(" ", ""))
        if match is None or int(match.group(2) or match.group(1)) < int(match.group(1)):
            raise ValidationError(
                N_("expected prefixes from 20 to 29 such as 20-24 or 20,21, got {value}"),
                value=repr(part),
            )
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        prefixes.update(str(prefix) for prefix in range(first, last + 1))
    return frozenset(prefixes)


@dataclass(frozen=True, slots=True)
class MeasureLayout:
    """Which variable-measure prefixes carry a price and which a weight (the shop's scale)."""

    price_prefixes: frozenset[str] = frozenset(VARIABLE_PREFIXES[:5])
    weight_prefixes: frozenset[str] = frozenset(VARIABLE_PREFIXES[5:])

    def __post_init__(self) -> None:
        both = sorted(self.price_prefixes & self.weight_prefixes)
        if both:
            raise ValidationError(
                N_("prefixes {prefixes} cannot carry both a price and a weight"),
                prefixes=",".join(both),
            )

    def kind_of(self, code: str) -> MeasureKind | None:
        """Price, weight, or None for a code that is no variable-measure label."""
        if len(code) != 13 or not is_digits(code):
            return None
        if code[:2] in self.price_prefixes:
            return MeasureKind.PRICE
        if code[:2] in self.weight_prefixes:
            return MeasureKind.WEIGHT
        return None


@dataclass(frozen=True, slots=True)
class MeasuredScan:
    """A scale's label: the product's barcode (the item code), and the price or weight it
    carries."""

    item_barcode: str
    kind: MeasureKind
    value: int
    """Rupiah for a price label, grams for a weight label."""


def item_barcode(code: str) -> str:
    """A variable-measure code with its value zeroed: the barcode its product is kept under."""
    body = code[:7] + "00000"
    return body + gs1_check_digit(body)


def read_label(code: str, layout: MeasureLayout) -> MeasuredScan | None:
    """The label ``code`` is, when it is a valid EAN-13 with one of ``layout``'s prefixes; an AIM
    symbology identifier in front (``]E0``) is taken off once, as :func:`scan_forms` does, since a
    scanner set to send it for GS1 packs sends it for the scale's labels too."""
    code = _AIM_IDENTIFIER.sub("", code.strip(), count=1)
    kind = layout.kind_of(code)
    if kind is None or not _checks(code):
        return None
    return MeasuredScan(item_barcode(code), kind, int(code[7:12]))


def check_item_code(barcode: str, layout: MeasureLayout) -> None:
    """A product is kept under its label's item code, the value 00000: a label with its price or
    weight in it is refused, naming the code to give instead."""
    if layout.kind_of(barcode) and barcode != item_barcode(barcode):
        raise ValidationError(
            N_(
                "barcode {barcode} is a scale's label with its price or weight: give the item's "
                "code, with 00000 in their place ({item})"
            ),
            barcode=barcode,
            item=item_barcode(barcode),
        )


def weighed_price(price_per_kg: int, grams: int) -> int:
    """The price of ``grams`` at ``price_per_kg`` rupiah a kilogram, to the nearest rupiah, half a
    rupiah rounded up (Rp 25.000/kg × 733 g = Rp 18.325; Rp 1.999/kg × 500 g = Rp 1.000)."""
    return (price_per_kg * grams + 500) // 1000


def format_weight(grams: int) -> str:
    """Kilograms with three decimals and the Indonesian decimal comma: ``0,734 kg``."""
    kilograms, rest = divmod(grams, 1000)
    return f"{kilograms:,}".replace(",", ".") + f",{rest:03d} kg"
