"""Every barcode a shop meets: EAN-13, EAN-8, UPC-A, UPC-E, GTIN-14 (ITF-14), in-store codes, GS1
variable-measure labels from the shop's scale, and the GTIN inside a GS1 DataMatrix, GS1-128 or
GS1 QR code or in front of an add-on (:func:`carried_forms`), with or without the AIM symbology
identifier a scanner sends in front (:func:`scan_forms`). Pure functions, no I/O.

A product keeps its barcode in one **stored form**, so it is one product whichever form of its
code is scanned: EAN-13, UPC-A and UPC-E are kept as their 13-digit GTIN (UPC-A is EAN-13 with a
leading 0; UPC-E is UPC-A with zeros left out, expanded back by GS1's rules); EAN-8 stays 8 digits
(it is no shorter form of anything). A UPC-E starts with 0: GS1 gives it to GTIN-12s of U.P.C.
prefix 0 only (General Specifications 2.1.3.3), so 8 digits starting otherwise are an EAN-8 or
no code, and a UPC-A starting with 1 is never kept as 8 digits. Eight digits can be both a valid
EAN-8 and a valid UPC-E (every UPC-E ending in 5–9 is): they stay 8 digits, and so the UPC-A that
UPC-E stands for (and its EAN-13) is kept as those 8 digits too, one key whichever form was
entered. A GTIN-14 with indicator 0 is the retail code behind it, kept as that code; with
indicator 1–9 it names a case (or a variable-measure item) and is kept as itself. An in-store
code (letters, digits and ``-``, at most 32, Code 128 style, no check digit) is kept as typed. A
string of 8, 12, 13 or 14 digits is always a GS1 code and must carry its check digit (14 digits
with it wrong stay an in-store code, as an older version kept them: :func:`kept_from_before`);
so are such digits written in groups, as printed under the bars or typed from them
(``8 991002 101203``, ``0-36000-29145-2``): they are kept and found as the code itself
(:func:`ungrouped`). Digits are
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

A scale may print a price or measure verifier digit ``K`` before the value, as GS1 General
Specifications 2.1.14.2 recommends: ``PP IIII K VVVVV C`` or ``PP IIIII K VVVV C``. Which
prefixes carry one, and which of the two layouts, is a setting too; such a label is read only
with its verifier right (:func:`verifier_digit`), else refused by name: it checks the value
itself, which the EAN-13 check digit, computed over whatever was printed, cannot. Prefix 02 (a
UPC-A of number system 2, North American scales, its value in cents) is not read: scales sold
here print EAN-13 with 20–29.
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
GTIN14_LENGTH = 14
"""A GTIN-14 (an ITF-14 on a case): a GS1 code when its check digit is right (:func:`symbology`)."""
VARIABLE_PREFIXES = tuple(str(prefix) for prefix in range(20, 30))
_IN_STORE = re.compile(r"[A-Za-z0-9-]{1,32}")
_PREFIX_RANGE = re.compile(r"(2[0-9])(?:-(2[0-9]))?")
_WRONG_CHECK_DIGIT = {
    13: N_("barcode {barcode} is not a valid EAN-13: its check digit is wrong"),
    12: N_("barcode {barcode} is not a valid UPC-A: its check digit is wrong"),
    8: N_("barcode {barcode} is neither a valid EAN-8 nor a UPC-E: its check digit is wrong"),
    GTIN14_LENGTH: N_("barcode {barcode} is not a valid GTIN-14: its check digit is wrong"),
}
_NO_UPCE = N_(
    "barcode {barcode} is neither a valid EAN-8 nor a UPC-E: its EAN-8 check digit is wrong, "
    "and a UPC-E starts with 0"
)


class Symbology(StrEnum):
    EAN13 = "EAN-13"
    EAN8 = "EAN-8"
    UPCA = "UPC-A"
    UPCE = "UPC-E"
    GTIN14 = "GTIN-14"
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
    """A UPC-E: GS1 gives it to GTIN-12s of U.P.C. prefix 0 only, so its first digit is 0."""
    return len(code) == 8 and is_digits(code) and code[0] == "0" and _checks(upce_to_upca(code))


def is_valid_gs1(code: str, length: int) -> bool:
    """EAN-13 (13), UPC-A (12) or EAN-8 (8) with its check digit right."""
    return len(code) == length and is_digits(code) and _checks(code)


def symbology(code: str) -> Symbology:
    """What kind of code ``code`` is, or ValidationError saying why it is none.

    Fourteen digits with their check digit wrong are an in-store code still: an older version
    kept them so, and :func:`check_new_barcode` refuses them given anew."""
    if is_digits(code) and len(code) == GTIN14_LENGTH and _checks(code):
        return Symbology.GTIN14
    if is_digits(code) and len(code) in GS1_LENGTHS:
        if len(code) == 13 and is_valid_gs1(code, 13):
            return Symbology.EAN13
        if len(code) == 12 and is_valid_gs1(code, 12):
            return Symbology.UPCA
        if len(code) == 8 and is_valid_gs1(code, 8):
            return Symbology.EAN8
        if is_valid_upce(code):
            return Symbology.UPCE
        if len(code) == 8 and code[0] != "0":
            raise ValidationError(_NO_UPCE, barcode=code)
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
    if kind is Symbology.GTIN14:
        retail = _retail_gtin(code)
        return code if retail is None else stored_form(retail)
    upca = _upca_of(code, frozenset((kind,)))
    if kind is Symbology.EAN8 or upca is None:
        return code
    return next(iter(_ean8_compressions(upca)), "0" + upca)


def kept_from_before(barcode: str) -> bool:
    """A stored form no barcode given anew may have (:func:`check_new_barcode` says why): digits
    in groups, or 14 digits with their check digit wrong, which an older version kept as an
    in-store code. The store and the import check a product's barcode anew when this is true."""
    return ungrouped(barcode) != barcode or (
        is_digits(barcode) and len(barcode) == GTIN14_LENGTH and not _checks(barcode)
    )


def check_new_barcode(barcode: str) -> None:
    """Refuse, as a barcode given anew, a stored form :func:`kept_from_before`: a GS1 code with
    its check digit wrong (mistyped, or misread), named so; kept before, it stays."""
    if not kept_from_before(barcode):
        return
    plain = ungrouped(barcode)
    if plain != barcode:
        symbology(plain)
    else:
        raise ValidationError(_WRONG_CHECK_DIGIT[GTIN14_LENGTH], barcode=barcode)


def is_gs1_code(code: str) -> bool:
    """A whole EAN-13, EAN-8, UPC-A, UPC-E or GTIN-14 with its check digit right."""
    try:
        return symbology(code) is not Symbology.IN_STORE
    except ValidationError:
        return False


def _readings(code: str) -> frozenset[Symbology]:
    """Every kind ``code`` may be read as (8 digits may be both an EAN-8 and a UPC-E); none for
    what is no barcode."""
    try:
        kind = symbology(code)
    except ValidationError:
        return frozenset()
    if kind is Symbology.EAN8 and is_valid_upce(code):
        return frozenset((kind, Symbology.UPCE))
    return frozenset((kind,))


def _upca_of(code: str, kinds: frozenset[Symbology]) -> str | None:
    """The UPC-A a valid ``code`` read as ``kinds`` is or stands for, if any."""
    if Symbology.UPCE in kinds:
        return upce_to_upca(code)
    if Symbology.UPCA in kinds:
        return code
    if Symbology.EAN13 in kinds and code.startswith("0"):
        return code[1:]
    return None


def _retail_gtin(gtin14: str) -> str | None:
    """The retail code a GTIN-14 with indicator 0 is: the EAN-13 behind that 0 (a UPC-A in its
    EAN-13 form too), or the EAN-8 behind six zeros, an EAN-8 only, never a UPC-E; None for
    another indicator, which names a case of the item (or a variable measure one), no retail
    code."""
    if gtin14.startswith("000000"):
        return gtin14[6:]
    return gtin14[1:] if gtin14.startswith("0") else None


def _ean8_compressions(upca: str) -> tuple[str, ...]:
    """The UPC-Es that expand to ``upca`` and are valid EAN-8s too (every UPC-E whose last digit
    is 5–9, for one), in GS1's rule order, so the one GS1 prints comes first when it is one: such
    8 digits are kept as they are, so the UPC-A is kept as them and must find them.

    One candidate per rule of :func:`upce_to_upca`; expanding it back tells whether it is one.
    """
    if upca[0] != "0":
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
    also an EAN-8. A GTIN-14 with indicator 0 is tried as the retail code it is, then as its 14
    digits (an older version kept them as an in-store code). Digits in groups are tried as the
    code they make first, then as written (an in-store code kept so before).

    An AIM symbology identifier a scanner sends in front is taken off, and says what was read
    (:data:`_AIM_READINGS`): ``]E4`` 8 digits as an EAN-8 only, ``]E0`` as a UPC-E only; an
    add-on alone (``]E1``, ``]E2``), a code with its add-on (``]E3``) and a GS1 element string
    (``]C1``, ``]e0``, ``]d2``, ``]Q3``) are none, whatever their characters, so they are never
    taken for an in-store code (:func:`carried_forms` reads the code inside the last two).

    The same stored forms are the ones a product's barcode may not share with another's: each
    form of a stored code has that code among its own forms.
    """
    bare, identifier = _aim_split(code)
    readings = _AIM_READINGS.get(identifier, _ANY_READING)
    forms = [
        form for text in dict.fromkeys((ungrouped(bare), bare)) for form in _forms(text, readings)
    ]
    if Symbology.GTIN14 in _readings(bare) & readings:
        forms.append(bare)
    return tuple(dict.fromkeys(forms))


def without_aim_identifier(code: str) -> str:
    """``code`` without spaces around it and the AIM symbology identifier a scanner may send in
    front (``]E0``, ``]d2``), once."""
    return _aim_split(code)[0]


def carried_forms(code: str) -> tuple[str, ...]:
    """The stored form of a retail code carried inside a scan, to try once the scan itself
    named nothing (no barcode, no SKU): the EAN-13, UPC-A or UPC-E before a 2- or 5-digit add-on
    (magazines, books; GS1 gives add-ons to those three only), or the GTIN of a GS1 element
    string, as a GS1 DataMatrix, GS1-128 or GS1 QR code on a pack carries it (application
    identifier 01, then expiry, batch and the like).

    An add-on follows a UPC-A or an EAN-13 as digits (14, 15, 17 or 18 of them), after an
    ``]E3`` identifier (a UPC-E's too, 10 or 13 digits, which only that identifier tells from an
    in-store code or an EAN-13), or as a packet of its own (``]E0…]E2…``). An element string of
    17 or 18 digits is no whole one, so such digits are read as a code and its add-on first.

    A GTIN-14 with indicator 0 carries its retail code (:func:`_retail_gtin`); another indicator
    names a case of the item, found as itself only (a product kept under the GTIN-14). An ISBN-10
    carries its book's EAN-13 (:func:`_book_forms`).
    """
    code = code.strip()
    packet = _ADD_ON_PACKET.fullmatch(code)
    if packet is not None:
        return scan_forms(packet.group(1))
    bare, identifier = _aim_split(code)
    main = (_ADD_ON_MAINS_SAID if identifier == "]E3" else _ADD_ON_MAINS).get(len(bare))
    if main is not None and is_digits(bare) and (forms := _forms(bare[:main], _ADD_ON_BEHIND)):
        return forms
    element = _ELEMENT_GTIN.match(bare)
    if element is not None:
        return _forms(element.group(1), frozenset((Symbology.GTIN14,)))
    return _book_forms(bare)


def _book_forms(isbn10: str) -> tuple[str, ...]:
    """The book's EAN-13 an ISBN-10 stands for (978, its nine digits, the EAN check digit), as a
    scanner set to translate Bookland EAN sends it; nothing for ten characters that are no
    ISBN-10 (its check character, 0-9 or X for 10, makes the weighted sum a multiple of 11)."""
    if _ISBN10.fullmatch(isbn10) is None:
        return ()
    values = [10 if char in "Xx" else int(char) for char in isbn10]
    if sum(weight * value for weight, value in zip(range(10, 0, -1), values, strict=True)) % 11:
        return ()
    body = "978" + isbn10[:9]
    return (body + gs1_check_digit(body),)


_AIM_IDENTIFIER = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_ANY_READING = frozenset(Symbology)
_ADD_ON_BEHIND = frozenset((Symbology.EAN13, Symbology.UPCA, Symbology.UPCE))
"""What an add-on may follow (GS1 General Specifications: EAN-13, UPC-A and UPC-E)."""
_AIM_READINGS: dict[str, frozenset[Symbology]] = {
    "]E0": _ADD_ON_BEHIND,
    "]E4": frozenset((Symbology.EAN8,)),
    "]E1": frozenset(),
    "]E2": frozenset(),
    "]E3": frozenset(),
    "]C1": frozenset(),
    "]e0": frozenset(),
    "]d2": frozenset(),
    "]Q3": frozenset(),
}
"""What a scan after each AIM identifier (ISO/IEC 15424) may be read as: EAN/UPC ``]E0``
(EAN-13, UPC-A, UPC-E), ``]E4`` (EAN-8), ``]E1``/``]E2`` (a 2- or 5-digit add-on alone), ``]E3``
(a code with its add-on); GS1-128 ``]C1``, GS1 DataBar ``]e0``, GS1 DataMatrix ``]d2`` and GS1
QR ``]Q3`` (an element string). Any other identifier (Code 128 ``]C0``, Code 39 ``]A0``, ITF
``]I1``) leaves every reading."""
_ADD_ON_MAINS = {12 + 2: 12, 13 + 2: 13, 12 + 5: 12, 13 + 5: 13}
"""Digits of a UPC-A or EAN-13 and its add-on, by length: how many are the code."""
_ADD_ON_MAINS_SAID = {**_ADD_ON_MAINS, 8 + 2: 8, 8 + 5: 8}
"""The same after ``]E3``, a UPC-E's too."""
_ADD_ON_PACKET = re.compile(r"(\]E[04][0-9]+)\](?:E1[0-9]{2}|E2[0-9]{5})")
"""A code and its add-on sent as two packets, each with its identifier."""
_ISBN10 = re.compile(r"[0-9]{9}[0-9Xx]")
_GROUPED = re.compile(r"[0-9]+(?:[ -][0-9]+)+")
"""Groups of digits, one space or dash between two."""
_SEPARATOR = re.compile(r"[ -]")
_ELEMENT_GTIN = re.compile(r"^(?:\(01\)|01)([0-9]{14})")
"""A GS1 element string that starts with its GTIN (application identifier 01), written plain
or with the parentheses of its printed form."""


def _aim_split(code: str) -> tuple[str, str]:
    """``code`` stripped and without its AIM identifier, and the identifier (``""``: none)."""
    code = code.strip()
    identifier = _AIM_IDENTIFIER.match(code)
    if identifier is None:
        return code, ""
    return code[identifier.end() :], identifier.group()


def _forms(code: str, readings: frozenset[Symbology] = _ANY_READING) -> tuple[str, ...]:
    """The stored forms of ``code`` read as any of ``readings`` it may be."""
    kinds = _readings(code) & readings
    if not kinds:
        return ()
    if Symbology.GTIN14 in kinds:
        retail = _retail_gtin(code)
        if retail is None:
            return (code,)
        return (retail,) if len(retail) == 8 else _forms(retail)
    upca = _upca_of(code, kinds)
    if upca is None:
        return (code,)
    forms = [code] if Symbology.EAN8 in kinds else []
    forms += [stored_form(upca), "0" + upca, *_ean8_compressions(upca)]
    return tuple(dict.fromkeys(forms))


def parse_prefixes(text: str) -> frozenset[str]:
    """``"20-24"``, ``"20,21,25-29"`` or ``""`` (none) as a set of two-digit prefixes in 20–29;
    02, which a North American scale prints on a UPC-A label, is refused by name (the module's
    notes say why)."""
    prefixes: set[str] = set()
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        if part.replace(" ", "") == "02":
            raise ValidationError(
                N_(
                    "prefix 02 (a UPC-A label of number system 2) is not read: set the scale to "
                    "print EAN-13 labels with a prefix from 20 to 29"
                )
            )
        match = _PREFIX_RANGE.fullmatch(part.replace(" ", ""))
        if match is None or int(match.group(2) or match.group(1)) < int(match.group(1)):
            raise ValidationError(
                N_("expected prefixes from 20 to 29 such as 20-24 or 20,21, got {value}"),
                value=repr(part),
            )
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        prefixes.update(str(prefix) for prefix in range(first, last + 1))
    return frozenset(prefixes)


def prefixes_text(prefixes: frozenset[str]) -> str:
    """``prefixes`` as :func:`parse_prefixes` reads them, runs as ranges: ``"20-22,26"``; ``""``
    for none. What a person typed comes back in the form the settings file documents."""
    runs: list[list[int]] = []
    for prefix in sorted(int(prefix) for prefix in prefixes):
        if runs and prefix == runs[-1][-1] + 1:
            runs[-1].append(prefix)
        else:
            runs.append([prefix])
    return ",".join(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)


_FOUR_DIGIT_WEIGHTS = ((2, -1), (2, -1), (3, 0), (5, -1))
"""GS1's weighting factors 2-, 2-, 3, 5- for a four-digit value, as (factor, sign): see
:func:`_weighted`."""
_FIVE_DIGIT_WEIGHTS = ((5, 1), (2, -1), (5, -1), (5, 1), (2, -1))
"""GS1's weighting factors 5+, 2-, 5-, 5+, 2- for a five-digit value."""
VERIFIED_VALUE_DIGITS = (4, 5)
"""The values a verifier digit may check: ``PP IIIII K VVVV C`` and ``PP IIII K VVVVV C``."""


def _weighted(digit: int, factor: int, sign: int) -> int:
    """GS1's weighted product of ``digit``: the units digit of ``digit × factor`` with its tens
    digit added (5+), taken off (2-, 5-) or neither (3)."""
    product = digit * factor
    return (product + sign * (product // 10)) % 10


def verifier_digit(value: str) -> str:
    """The price or measure verifier digit of a four- or five-digit ``value`` (GS1 General
    Specifications 7.9.2–7.9.4; ``2875`` → 9, ``14685`` → 6, their worked examples).

    Four digits: the weighted products (2-, 2-, 3, 5-) summed, times 3, its units digit. Five
    digits: the products (5+, 2-, 5-, 5+, 2-) summed, taken from the next multiple of ten; the
    verifier is the digit whose 5- product is that. A value of zeros has verifier 0 either way.
    ValidationError for what is not four or five digits 0-9."""
    if len(value) not in VERIFIED_VALUE_DIGITS or not is_digits(value):
        raise ValidationError(
            N_("{value} is not 4 or 5 digits 0-9, so it has no verifier digit"), value=repr(value)
        )
    four = len(value) == 4
    weights = _FOUR_DIGIT_WEIGHTS if four else _FIVE_DIGIT_WEIGHTS
    total = sum(
        _weighted(int(digit), factor, sign)
        for digit, (factor, sign) in zip(value, weights, strict=True)
    )
    if four:
        return str(total * 3 % 10)
    wanted = -total % 10
    return next(str(digit) for digit in range(10) if _weighted(digit, 5, -1) == wanted)


class LayoutError(ValidationError):
    """A :class:`MeasureLayout` that cannot be; ``fields`` names its fields at fault, so a
    setting can be named for it rather than the whole layout."""

    def __init__(self, fields: tuple[str, ...], template: str, /, **params: object) -> None:
        super().__init__(template, **params)
        self.fields = fields


@dataclass(frozen=True, slots=True)
class MeasureLayout:
    """Which variable-measure prefixes carry a price and which a weight, and which of them a
    verifier digit before a value of ``verified_value_digits`` (the shop's scale)."""

    price_prefixes: frozenset[str] = frozenset(VARIABLE_PREFIXES[:5])
    weight_prefixes: frozenset[str] = frozenset(VARIABLE_PREFIXES[5:])
    verified_prefixes: frozenset[str] = frozenset()
    verified_value_digits: int = 5
    """5: ``PP IIII K VVVVV C``; 4: ``PP IIIII K VVVV C``."""

    def __post_init__(self) -> None:
        both = sorted(self.price_prefixes & self.weight_prefixes)
        if both:
            raise LayoutError(
                ("price_prefixes", "weight_prefixes"),
                N_("prefixes {prefixes} cannot carry both a price and a weight"),
                prefixes=",".join(both),
            )
        neither = sorted(self.verified_prefixes - self.price_prefixes - self.weight_prefixes)
        if neither:
            raise LayoutError(
                ("verified_prefixes",),
                N_("prefixes {prefixes} carry a verifier digit but neither a price nor a weight"),
                prefixes=",".join(neither),
            )
        if self.verified_value_digits not in VERIFIED_VALUE_DIGITS:
            raise LayoutError(
                ("verified_value_digits",),
                N_(
                    "a verifier digit checks a value of 4 digits (PP IIIII K VVVV C) or 5 "
                    "(PP IIII K VVVVV C), not {digits}"
                ),
                digits=self.verified_value_digits,
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

    def fields(self, code: str) -> tuple[str, str, str]:
        """A label's prefix and item code, its verifier digit (``""`` for a prefix without one)
        and its value: the value ends before the check digit, the verifier is just before it."""
        if code[:2] not in self.verified_prefixes:
            return code[:7], "", code[7:12]
        verifier = 12 - self.verified_value_digits - 1
        return code[:verifier], code[verifier], code[verifier + 1 : 12]


@dataclass(frozen=True, slots=True)
class MeasuredScan:
    """A scale's label: the product's barcode (the item code), and the price or weight it
    carries."""

    item_barcode: str
    kind: MeasureKind
    value: int
    """Rupiah for a price label, grams for a weight label."""


def item_barcode(code: str, layout: MeasureLayout | None = None) -> str:
    """A variable-measure code with its value zeroed, and its verifier digit with it (a zero
    value's is 0): the barcode its product is kept under. ``layout`` says where the value is;
    the default's labels carry none."""
    item, _, _ = (MeasureLayout() if layout is None else layout).fields(code)
    body = item.ljust(12, "0")
    return body + gs1_check_digit(body)


def read_label(code: str, layout: MeasureLayout) -> MeasuredScan | None:
    """The label ``code`` is, when it is a valid EAN-13 with one of ``layout``'s prefixes; an AIM
    symbology identifier in front (``]E0``) is taken off once, as :func:`scan_forms` does, since a
    scanner set to send it for GS1 packs sends it for the scale's labels too.

    A label whose prefix carries a verifier digit is read with the value after it, and refused
    (ValidationError naming the label) when the verifier is wrong: never charged at a misread
    value."""
    code = without_aim_identifier(code)
    kind = layout.kind_of(code)
    if kind is None or not _checks(code):
        return None
    _, verifier, value = layout.fields(code)
    if verifier and verifier != verifier_digit(value):
        raise ValidationError(
            N_(
                "barcode {barcode} is a scale's label with its verifier digit wrong: scan it "
                "again, or weigh and label the item again"
            ),
            barcode=code,
        )
    return MeasuredScan(item_barcode(code, layout), kind, int(value))


def check_item_code(barcode: str, layout: MeasureLayout) -> None:
    """A product is kept under its label's item code, the value 00000: a label with its price or
    weight in it is refused, naming the code to give instead."""
    if layout.kind_of(barcode) is None:
        return
    item = item_barcode(barcode, layout)
    if barcode != item:
        raise ValidationError(
            N_(
                "barcode {barcode} is a scale's label with its price or weight: give the item's "
                "code, with 00000 in their place ({item})"
            ),
            barcode=barcode,
            item=item,
        )


def weighed_price(price_per_kg: int, grams: int) -> int:
    """The price of ``grams`` at ``price_per_kg`` rupiah a kilogram, to the nearest rupiah, half a
    rupiah rounded up (Rp 25.000/kg × 733 g = Rp 18.325; Rp 1.999/kg × 500 g = Rp 1.000)."""
    return (price_per_kg * grams + 500) // 1000


def format_weight(grams: int) -> str:
    """Kilograms with three decimals and the Indonesian decimal comma: ``0,734 kg``."""
    kilograms, rest = divmod(grams, 1000)
    return f"{kilograms:,}".replace(",", ".") + f",{rest:03d} kg"
