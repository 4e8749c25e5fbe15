"""The catalogue import takes every barcode kind, and lists every bad one in one pass by line
number: a wrong check digit, a code that is no barcode, the same barcode in two forms, a scale
label with its value in it, and a barcode another product has already."""

from pathlib import Path

import pytest

from pos_app.domain.barcodes import MeasureLayout, gs1_check_digit, parse_prefixes
from pos_app.domain.catalog_csv import CatalogImportError
from pos_app.reports.products_csv import read_catalog_csv

HEADER = "sku,barcode,name,category,price\n"


def ean(first12: str) -> str:
    return first12 + gs1_check_digit(first12)


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_every_kind_is_imported_in_its_stored_form(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "A-1,8991002101203,Teh Botol,Minuman,5500",
        "A-2,96385074,Permen Mint,Permen,1000",
        "A-3,036000291452,Cola Impor,Minuman,9000",
        "A-4,04252614,Soda Kaleng,Minuman,8000",
        "A-5,KOPI-TORAJA-250,Kopi Toraja 250g,Kopi,45000",
        f"A-6,{ean('251234500000')},Pisang Cavendish,Buah,25000",
    )
    assert [product.barcode for product in read_catalog_csv(path)] == [
        "8991002101203",
        "96385074",
        "0036000291452",
        "0042100005264",
        "KOPI-TORAJA-250",
        ean("251234500000"),
    ]


def test_every_bad_barcode_is_listed_with_its_line_in_one_pass(tmp_path: Path) -> None:
    owners = {"8991002101203": "TEH-LAMA", "96385074": "PERMEN", "KOPI-1": "KOPI-LAMA"}
    path = write(
        tmp_path,
        "A-1,036000291452,Cola Impor,Minuman,9000",  # line 2: fine
        "A-2,96385075,Permen Mint,Permen,1000",  # 3: EAN-8 check digit
        "A-3,04252615,Soda Kaleng,Minuman,8000",  # 4: UPC-E check digit
        "A-4,036000291453,Cola Lain,Minuman,9000",  # 5: UPC-A check digit
        "A-5,KOPI TORAJA,Kopi Toraja,Kopi,45000",  # 6: a space
        f"A-6,{'K' * 33},Kopi Panjang,Kopi,45000",  # 7: 33 characters
        "A-7,0036000291452,Cola Lagi,Minuman,9000",  # 8: line 2's UPC-A as EAN-13
        f"A-8,{ean('251234500734')},Pisang,Buah,25000",  # 9: a label with its weight
        "A-9,8991002101203,Teh Botol,Minuman,5500",  # 10: TEH-LAMA's, which keeps it
        "KOPI-LAMA,KOPI-2,Kopi Lama,Kopi,30000",  # 11: fine, gives up KOPI-1
        "A-10,KOPI-1,Kopi Baru,Kopi,30000",  # 12: fine, KOPI-LAMA gives it up
        "PERMEN,96385074,Permen,Permen,1000",  # 13: fine, its own barcode
    )
    with pytest.raises(CatalogImportError) as caught:
        read_catalog_csv(path, owner=owners.get)
    problems = dict(caught.value.problems)
    assert sorted(problems) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "neither a valid EAN-8 nor a UPC-E" in problems[3]
    assert "neither a valid EAN-8 nor a UPC-E" in problems[4]
    assert "not a valid UPC-A" in problems[5]
    assert "in-store code" in problems[6] and "in-store code" in problems[7]
    assert problems[8] == "barcode 0036000291452 already on line 2"
    assert ean("251234500000") in problems[9], "names the item's code to give instead"
    assert problems[10] == "barcode 8991002101203 already belongs to product TEH-LAMA"


def test_label_prefixes_follow_the_layout(tmp_path: Path) -> None:
    path = write(tmp_path, f"A-1,{ean('251234500734')},Kartu Hadiah,Lain,25000")
    with pytest.raises(CatalogImportError):
        read_catalog_csv(path)
    no_labels = MeasureLayout(parse_prefixes("20-24"), frozenset())
    [product] = read_catalog_csv(path, layout=no_labels)
    assert product.barcode == ean("251234500734"), "25 is an ordinary in-store EAN-13 here"


def test_a_line_break_inside_a_quoted_cell_keeps_the_line_numbers_the_files(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        'A-1,,"Kopi\nbubuk",Kopi,15000',  # lines 2 and 3: no line break in a name
        "A-2,96385075,Permen Mint,Permen,1000",  # line 4
    )
    with pytest.raises(CatalogImportError) as caught:
        read_catalog_csv(path)
    assert [line for line, _ in caught.value.problems] == [2, 4]


def test_barcodes_in_digits_other_than_ascii_are_listed_with_their_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "A-1,8991002101203,Teh Botol,Minuman,5500",
        "A-2,²²²²²²²²,Permen,Permen,1000",  # line 3: superscripts, which isdigit() takes
        "A-3,٨٩٩١٠٠٢١٠١٢٠٣,Teh Lain,Minuman,5500",  # line 4: Arabic-Indic digits
        f"A-4,20{'²' * 11},Pisang,Buah,25000",  # line 5: a label's prefix, then superscripts
    )
    with pytest.raises(CatalogImportError) as caught:
        read_catalog_csv(path)
    problems = dict(caught.value.problems)
    assert sorted(problems) == [3, 4, 5]
    assert all("in-store code" in reason for reason in problems.values())
