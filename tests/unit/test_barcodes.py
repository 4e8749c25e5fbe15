"""Every barcode kind with its check digit right and wrong, the forms a product is found by, and
the scale's variable-measure labels with a price and with a weight."""

import sqlite3
from pathlib import Path

import pytest

from pos_app.domain.barcodes import (
    MeasureKind,
    MeasureLayout,
    Symbology,
    carried_forms,
    format_weight,
    gs1_check_digit,
    is_valid_gs1,
    is_valid_upce,
    item_barcode,
    parse_prefixes,
    read_label,
    scan_forms,
    stored_form,
    symbology,
    upce_to_upca,
    weighed_price,
)
from pos_app.domain.catalog import Product
from pos_app.domain.catalog_csv import CatalogImportError
from pos_app.domain.errors import ValidationError
from pos_app.reports.products_csv import read_catalog_csv
from pos_app.store.migrations import MIGRATIONS, _upc_barcodes_kept_short
from pos_app.store.terminal_store import TerminalStore


def label(first12: str) -> str:
    return first12 + gs1_check_digit(first12)


@pytest.mark.parametrize(
    ("code", "kind", "stored"),
    [
        ("8991002101203", Symbology.EAN13, "8991002101203"),
        ("96385074", Symbology.EAN8, "96385074"),
        ("036000291452", Symbology.UPCA, "0036000291452"),
        ("04252614", Symbology.UPCE, "0042100005264"),
        ("KOPI-TORAJA-250", Symbology.IN_STORE, "KOPI-TORAJA-250"),
        ("12345", Symbology.IN_STORE, "12345"),
        ("A" * 32, Symbology.IN_STORE, "A" * 32),
    ],
)
def test_each_kind_with_its_check_digit_right(code: str, kind: Symbology, stored: str) -> None:
    assert symbology(code) is kind
    assert stored_form(f" {code} ") == stored
    assert stored in scan_forms(code)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("8991002101204", "not a valid EAN-13"),
        ("96385075", "neither a valid EAN-8 nor a UPC-E"),
        ("036000291453", "not a valid UPC-A"),
        ("04252615", "neither a valid EAN-8 nor a UPC-E"),
        ("A" * 33, "at most 32"),
        ("KOPI TORAJA", "in-store code"),
        ("KOPI_TORAJA", "in-store code"),
        ("ÉCLAIR", "in-store code"),
        ("", "in-store code"),
    ],
)
def test_a_wrong_check_digit_or_character_is_refused_by_name(code: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        symbology(code)
    with pytest.raises(ValidationError, match=message):
        Product("X-1", "Barang", 1000, barcode=code or " ")
    assert scan_forms(code) == ()


def test_check_digits_follow_gs1_for_every_length() -> None:
    assert gs1_check_digit("899100210120") == "3"  # EAN-13
    assert gs1_check_digit("03600029145") == "2"  # UPC-A
    assert gs1_check_digit("9638507") == "4"  # EAN-8


@pytest.mark.parametrize(
    ("upce", "upca"),
    [
        ("04252614", "042100005264"),  # sixth digit 0-2: manufacturer keeps it
        ("01234133", "012300000413"),  # 3
        ("01234145", "012340000015"),  # 4
        ("01234565", "012345000065"),  # 5-9
    ],
)
def test_upc_e_expands_by_gs1s_zero_suppression(upce: str, upca: str) -> None:
    assert gs1_check_digit(upca[:-1]) == upca[-1], "the expected UPC-A is valid"
    assert upce_to_upca(upce) == upca
    assert is_valid_upce(upce)


def test_one_product_whichever_form_of_its_code_is_scanned() -> None:
    from_upca = Product("SODA", "Soda", 8000, barcode="042100005264")
    from_upce = Product("SODA", "Soda", 8000, barcode="04252614")
    from_ean13 = Product("SODA", "Soda", 8000, barcode="0042100005264")
    assert from_upca.barcode == from_upce.barcode == from_ean13.barcode == "0042100005264"
    for scanned in ("042100005264", "04252614", "0042100005264"):
        assert scan_forms(scanned) == ("0042100005264",)


def test_eight_digits_valid_both_as_ean8_and_upce_are_tried_both_ways() -> None:
    eight_digit_codes = (
        body + gs1_check_digit(body) for body in (f"0{n:06d}" for n in range(10**6))
    )
    code = next(code for code in eight_digit_codes if is_valid_upce(code))
    assert symbology(code) is Symbology.EAN8, "kept as the EAN-8 it is"
    assert scan_forms(code) == (code, "0" + upce_to_upca(code))


CAN_UPCE = "01234565"
"""A UPC-E whose 8 digits are a valid EAN-8 too, as is every UPC-E ending in 5-9."""
CAN_UPCA = "012345000065"
OTHER_UPCE, OTHER_UPCA = "04252641", "042520000061"
"""Another can's pair, entered before the upgrade on two products (one each form)."""


def test_a_upc_e_that_is_also_an_ean_8_is_one_barcode_with_its_upc_a() -> None:
    """The 8 digits stay 8 digits (they may be an EAN-8), so the UPC-A and its EAN-13 are kept
    as them: one key, which the import and the store's unique barcode refuse twice."""
    assert is_valid_gs1(CAN_UPCE, 8) and upce_to_upca(CAN_UPCE) == CAN_UPCA
    for code in (CAN_UPCE, CAN_UPCA, "0" + CAN_UPCA):
        assert stored_form(code) == CAN_UPCE, code
        assert Product("SODA", "Soda", 8000, barcode=code).barcode == CAN_UPCE


def test_the_cans_upc_a_is_tried_as_its_upc_e_and_as_its_13_digits() -> None:
    """Its 13 digits too: a product entered with the UPC-A before may be kept so."""
    for scanned in (CAN_UPCA, "0" + CAN_UPCA, "]E0" + CAN_UPCA):
        assert scan_forms(scanned) == (CAN_UPCE, "0" + CAN_UPCA), scanned
    assert carried_forms("01" + "00" + CAN_UPCA) == (CAN_UPCE, "0" + CAN_UPCA)
    assert carried_forms("0" + CAN_UPCA + "05") == (CAN_UPCE, "0" + CAN_UPCA)


def test_the_cans_upc_a_finds_the_product_entered_with_its_upc_e(tmp_path: Path) -> None:
    store = TerminalStore(tmp_path / "kasir.db")
    try:
        products = store.products
        products.upsert_many([Product("SODA", "Soda kaleng", 8_000, barcode=CAN_UPCE)])
        for scanned in (CAN_UPCE, CAN_UPCA, "0" + CAN_UPCA, f"]d201{'00' + CAN_UPCA}"):
            found = products.find_by_code(scanned)
            assert found is not None and found.sku == "SODA", scanned
        with pytest.raises(ValidationError, match="already belongs to product SODA"):
            products.upsert_many([Product("SODA-2", "Soda lagi", 8_000, barcode=CAN_UPCA)])
    finally:
        store.close()


def test_a_can_kept_under_its_13_digits_before_is_one_product_after_the_upgrade(
    tmp_path: Path,
) -> None:
    """Before, every UPC-A and UPC-E was kept as its 13 digits: after the upgrade the same can
    entered again (its UPC-E, for another SKU) was taken, one code naming two products. The
    upgrade moves such a barcode to its 8 digits; where another product holds them, both
    stay as they were."""
    path = tmp_path / "kasir.db"
    TerminalStore(path).close()
    conn = sqlite3.connect(path)
    conn.executescript(
        "INSERT INTO products (sku, barcode, name, price, updated_at) VALUES "
        f"('SODA', '0{CAN_UPCA}', 'Soda kaleng', 8000, '2026-11-21T01:00:00.000Z'),"
        f"('OLD-A', '0{OTHER_UPCA}', 'Teh kaleng', 6000, '2026-11-21T01:00:00.000Z'),"
        f"('OLD-E', '{OTHER_UPCE}', 'Teh kaleng impor', 6000, '2026-11-21T01:00:00.000Z');"
        # the migrations after it, undone
        "ALTER TABLE shifts DROP COLUMN figures; DROP TABLE payout_registrations_due;"
        "DROP TRIGGER returns_numbered; DROP TRIGGER returns_keep_their_number;"
        "DROP INDEX returns_by_number; ALTER TABLE returns DROP COLUMN return_number;"
        "DROP TABLE given_back_before_restore; DROP INDEX payment_events_paid_at;"
        "DROP TABLE cash_sold_before_restore;"
        "ALTER TABLE payment_events DROP COLUMN business_date;"
        "ALTER TABLE provider_refunds DROP COLUMN business_date;"
        f"PRAGMA user_version = {MIGRATIONS.index(_upc_barcodes_kept_short)};"
    )
    conn.close()

    store = TerminalStore(path)  # the upgrade
    try:
        products = store.products
        with pytest.raises(ValidationError, match="already belongs to product SODA"):
            products.upsert_many([Product("SODA-2", "Soda lagi", 8_000, barcode=CAN_UPCE)])
        assert products.find_by_code(CAN_UPCA).sku == "SODA"
        kept = dict(store.repositories().db.execute("SELECT sku, barcode FROM products"))
        assert kept == {"SODA": CAN_UPCE, "OLD-A": "0" + OTHER_UPCA, "OLD-E": OTHER_UPCE}
    finally:
        store.close()


def test_the_import_refuses_a_upc_e_and_its_upc_a_on_two_products(tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text(
        "sku,barcode,name,category,price\n"
        f"A-1,{CAN_UPCE},Soda Kaleng,Minuman,8000\n"
        f"A-2,{CAN_UPCA},Soda Kaleng Impor,Minuman,8000\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogImportError, match=f"line 3: barcode {CAN_UPCE} already on line 2"):
        read_catalog_csv(path)


def test_prefixes_read_as_ranges_or_lists() -> None:
    assert parse_prefixes("20-24") == {"20", "21", "22", "23", "24"}
    assert parse_prefixes("20, 22,27-28") == {"20", "22", "27", "28"}
    assert parse_prefixes("") == frozenset()
    for bad in ("19", "24-20", "2a", "30", "20-30"):
        with pytest.raises(ValidationError, match="from 20 to 29"):
            parse_prefixes(bad)
    with pytest.raises(ValidationError, match="both a price and a weight"):
        MeasureLayout(parse_prefixes("20-25"), parse_prefixes("25-29"))


def test_a_price_label_carries_rupiah_and_finds_its_item() -> None:
    code = label("211234518350")
    scan = read_label(code, MeasureLayout())
    assert scan is not None
    assert (scan.kind, scan.value) == (MeasureKind.PRICE, 18_350)
    assert scan.item_barcode == label("211234500000")
    assert item_barcode(code) == scan.item_barcode


def test_a_weight_label_carries_grams() -> None:
    scan = read_label(label("251234500734"), MeasureLayout())
    assert scan is not None
    assert (scan.kind, scan.value, scan.item_barcode) == (
        MeasureKind.WEIGHT,
        734,
        label("251234500000"),
    )


def test_a_label_with_an_aim_identifier_in_front_is_read_as_its_label() -> None:
    """A scanner sending AIM identifiers for GS1 packs sends one with the scale's labels too."""
    code = label("251234500733")
    for scanned in ("]E0" + code, " ]E0" + code + " "):
        scan = read_label(scanned, MeasureLayout())
        assert scan is not None and (scan.kind, scan.value) == (MeasureKind.WEIGHT, 733), scanned
        assert scan.item_barcode == label("251234500000")
    assert read_label("]E0]E0" + code, MeasureLayout()) is None, "taken off once"


def test_a_label_is_read_only_with_its_check_digit_and_a_configured_prefix() -> None:
    good = label("251234500734")
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert read_label(wrong, MeasureLayout()) is None
    assert read_label(label("899100210120"), MeasureLayout()) is None, "not a 2x prefix"
    only_prices = MeasureLayout(parse_prefixes("20-29"), frozenset())
    scan = read_label(good, only_prices)
    assert scan is not None and scan.kind is MeasureKind.PRICE
    assert read_label(good, MeasureLayout(frozenset(), frozenset())) is None


@pytest.mark.parametrize(
    ("per_kg", "grams", "price"),
    [
        (25_000, 734, 18_350),
        (25_000, 733, 18_325),
        (1_999, 500, 1_000),  # 999.5: half a rupiah up
        (1_999, 250, 500),  # 499.75
        (12_345, 1, 12),  # 12.345
        (130_000, 1_250, 162_500),
    ],
)
def test_a_weight_costs_the_kilogram_price_times_the_weight_to_the_nearest_rupiah(
    per_kg: int, grams: int, price: int
) -> None:
    assert weighed_price(per_kg, grams) == price


def test_weights_read_in_kilograms_with_a_decimal_comma() -> None:
    assert format_weight(734) == "0,734 kg"
    assert format_weight(1_250) == "1,250 kg"
    assert format_weight(12_005) == "12,005 kg"


@pytest.mark.parametrize("code", ["²²²²²²²²", "1234567²", "٠١٢٣٤٥٦٧٨٩٠١٢", "20" + "²" * 11])
def test_digits_other_than_ascii_make_no_barcode_and_are_never_found(code: str) -> None:
    with pytest.raises(ValidationError, match="in-store code"):
        symbology(code)
    with pytest.raises(ValidationError, match="product X-1: barcode"):
        Product("X-1", "Barang", 1000, barcode=code)
    assert scan_forms(code) == ()


def test_a_label_prefix_before_other_digits_is_no_label() -> None:
    assert read_label("20" + "²" * 11, MeasureLayout()) is None
    assert MeasureLayout().kind_of("20" + "٣" * 11) is None


def test_the_check_digit_and_upc_e_expansion_refuse_what_is_not_ascii_digits() -> None:
    for body in ("²²²", "12a4", ""):
        with pytest.raises(ValidationError, match="not digits 0-9"):
            gs1_check_digit(body)
    for code in ("0425261", "0425261²", "ABCDEFGH"):
        with pytest.raises(ValidationError, match="not a UPC-E"):
            upce_to_upca(code)


def test_prefixes_are_ascii_digits() -> None:
    with pytest.raises(ValidationError, match="from 20 to 29"):
        parse_prefixes("2٠-2٤")


EAN = "8991000079191"
GTIN = "0" + EAN


@pytest.mark.parametrize(
    "scanned",
    [
        "01" + GTIN,  # GS1 DataMatrix or GS1-128, the GTIN alone
        f"]d201{GTIN}17271231\x1d10B-0042",  # with its AIM identifier, expiry and batch
        f"01{GTIN}1727123110B-0042",  # a scanner that drops the GS separator
        f"(01){GTIN}(17)271231(10)B-0042",  # the printed form, typed from the label
        EAN + "05",  # an EAN-13 with a 2-digit add-on
        EAN + "12345",  # and with a 5-digit one
    ],
)
def test_the_retail_code_inside_a_gs1_string_or_before_an_add_on_is_carried(scanned: str) -> None:
    assert carried_forms(scanned) == (EAN,)


def test_an_aim_identifier_in_front_of_a_plain_code_is_taken_off() -> None:
    assert scan_forms("]E0" + EAN) == (EAN,)


def test_a_gtin_carrying_an_ean_8_is_that_ean_8_and_no_upc_e() -> None:
    ean8 = "01234565"
    assert is_valid_gs1(ean8, 8) and is_valid_upce(ean8), "valid both ways when scanned alone"
    assert carried_forms("01" + "000000" + ean8) == (ean8,)


@pytest.mark.parametrize(
    "scanned",
    [
        "01" + GTIN[:-1] + str((int(GTIN[-1]) + 1) % 10),  # the GTIN's check digit is wrong
        EAN[:-1] + str((int(EAN[-1]) + 1) % 10) + "05",  # so is the EAN-13's before the add-on
        EAN,  # a plain code carries nothing
    ],
)
def test_no_retail_code_is_carried_by_a_wrong_check_digit_or_a_plain_code(
    scanned: str,
) -> None:
    assert carried_forms(scanned) == ()
