from pathlib import Path

import pytest

from pos_app.domain.barcodes import Symbology, symbology
from pos_app.domain.catalog_csv import CatalogImportError
from pos_app.reports.products_csv import read_catalog_csv

DEMO = Path(__file__).parents[2] / "resources" / "demo" / "catalog.csv"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_demo_catalogue_is_a_valid_minimarket() -> None:
    products = read_catalog_csv(DEMO)
    assert 50 <= len(products) <= 80
    assert all(symbology(p.barcode) is Symbology.EAN13 for p in products)
    assert len({p.category for p in products}) >= 5
    assert all(isinstance(p.price, int) and p.price > 0 for p in products)


def test_reads_quoted_cells_and_a_bom(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '\ufeffsku,barcode,name,category,price\nA-1,,"Kopi, bubuk ""Toraja""",Kopi,15000\n\n',
    )
    [product] = read_catalog_csv(path)
    assert product.name == 'Kopi, bubuk "Toraja"'
    assert product.barcode == ""


def test_every_bad_line_is_reported_and_nothing_is_returned(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "sku,barcode,name,category,price\n"
        "A-1,8991000079191,Indomie,Mie,3500\n"
        "A-2,8991000079192,Bad barcode,Mie,3500\n"
        "A-3,,No price,Mie,12.5\n"
        "A-1,,Duplicate sku,Mie,1000\n"
        "A-4,,Too few columns\n"
        "A-5,,Free,Mie,0\n",
    )
    with pytest.raises(CatalogImportError) as caught:
        read_catalog_csv(path)
    lines = [line for line, _ in caught.value.problems]
    assert lines == [3, 4, 5, 6, 7]
    message = str(caught.value)
    assert "line 3" in message
    assert "EAN-13" in message
    assert "sku A-1 already on line 2" in message
    assert "nothing imported" in message


@pytest.mark.parametrize(
    "content",
    [b"name,price\nx,1\n", b"", b"\xff\xfe not utf-8 \xff"],
)
def test_wrong_header_or_encoding_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(CatalogImportError):
        read_catalog_csv(path)


def test_a_neutralised_export_imports_back_unchanged(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "sku,barcode,name,category,price\nA-1,,'=Promo 1+1,'-Diskon,5000\nA-2,,'Kopi',Kopi,1000\n",
    )
    first, second = read_catalog_csv(path)
    assert (first.name, first.category) == ("=Promo 1+1", "-Diskon")
    assert second.name == "'Kopi'"


def test_a_price_in_other_digits_or_beyond_the_providers_limit_is_a_problem_on_its_line(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        "sku,barcode,name,category,price\n"
        "A-1,,Superscript,Mie,²\n"
        "A-2,,Arabic-Indic,Mie,٥٠٠\n"
        f"A-3,,Thousands of digits,Mie,{'9' * 5000}\n"
        "A-4,,Thirteen digits,Mie,1000000000000\n",
    )
    with pytest.raises(CatalogImportError) as caught:
        read_catalog_csv(path)
    assert caught.value.problems == [
        (2, "price '²' is not a whole number of rupiah"),
        (3, "price '٥٠٠' is not a whole number of rupiah"),
        (4, "price has 5000 digits; a price is at most Rp 999.999.999.999"),
        (5, "price has 13 digits; a price is at most Rp 999.999.999.999"),
    ]


def test_leading_zeros_do_not_count_as_a_prices_digits(tmp_path: Path) -> None:
    path = write(tmp_path, f"sku,barcode,name,category,price\nA-1,,Mie,Mie,{'0' * 5000}3500\n")
    [product] = read_catalog_csv(path)
    assert product.price == 3500


def test_a_cell_over_the_readers_limit_is_a_problem_on_its_line_and_reading_goes_on(
    tmp_path: Path,
) -> None:
    huge = "x" * 200_000
    path = write(
        tmp_path,
        "sku,barcode,name,category,price\n"
        "A-1,,Mie,Mie,3500\n"
        f"A-2,,{huge},Mie,3500\n"  # line 3: unquoted
        f'A-3,,"{huge}",Mie,3500\n'  # line 4: quoted, closed on its line
        "A-4,,Teh,Minuman,murah\n",  # line 5
    )
    with pytest.raises(CatalogImportError) as caught:
        read_catalog_csv(path)
    problems = caught.value.problems
    assert [line for line, _ in problems] == [3, 4, 5]
    assert problems[0][1] == "a cell is longer than 131072 characters; the line cannot be read"


def test_reading_stops_at_an_over_long_cell_that_a_quote_keeps_open(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "sku,barcode,name,category,price\n"
        f'A-1,,"{"x" * 200_000}\n'  # line 2: the quoted cell goes on…
        'still the name",Mie,3500\n'  # …which the reader cannot follow
        "A-2,,Teh,Minuman,murah\n",
    )
    with pytest.raises(CatalogImportError) as caught:
        read_catalog_csv(path)
    assert [line for line, _ in caught.value.problems] == [2]


def test_a_header_over_the_readers_limit_is_refused_on_line_1(tmp_path: Path) -> None:
    path = write(tmp_path, f"sku,barcode,name,category,{'p' * 200_000}\nA-1,,Mie,Mie,3500\n")
    with pytest.raises(CatalogImportError) as caught:
        read_catalog_csv(path)
    assert [line for line, _ in caught.value.problems] == [1]


def test_a_control_character_in_a_name_sku_or_category_is_a_problem_on_its_line(
    tmp_path: Path,
) -> None:
    """An ESC in a product name is a printer command on every receipt that names it (ESC p
    pulses the drawer); a tab or NUL breaks rows on screen."""
    path = write(
        tmp_path,
        "sku,barcode,name,category,price\n"
        "A-1,,Kopi\x1bp\x00\x19\x19 Susu,Kopi,15000\n"
        "A-2,,Teh,Min\tuman,5000\n"
        "A-3,,Roti,Roti,7000\n",
    )
    with pytest.raises(CatalogImportError) as caught:
        read_catalog_csv(path)
    assert [line for line, _ in caught.value.problems] == [2, 3]
    assert "the name holds a control character" in str(caught.value)
    assert "the category holds a control character" in str(caught.value)


def test_a_no_break_or_thin_space_or_a_soft_hyphen_in_a_name_is_text(tmp_path: Path) -> None:
    """Catalogues exported from Excel or copied from the web carry them; none is a control."""
    path = write(
        tmp_path,
        "sku,barcode,name,category,price\n"
        "A-1,,Kopi\u00a0Susu,Kopi,15000\n"
        "A-2,,Teh\u2009Manis,Minuman,5000\n"
        "A-3,,Roti\u00adTawar,Roti,7000\n",
    )
    assert [p.name for p in read_catalog_csv(path)] == [
        "Kopi\u00a0Susu",
        "Teh\u2009Manis",
        "Roti\u00adTawar",
    ]
