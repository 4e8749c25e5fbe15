"""The catalogue CSV's optional tax_class column: read when there, standard when not."""

from pathlib import Path

import pytest

from pos_app.domain.catalog_csv import CatalogImportError
from pos_app.domain.tax import TaxClass
from pos_app.reports.products_csv import read_catalog_csv


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_tax_class_column_gives_each_product_its_class(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "sku,barcode,name,category,price,tax_class\n"
        "POK-001,,Beras 5kg,Bahan Pokok,78000,exempt\n"
        "KOP-001,,Kopi,,15000,\n"
        "TAS-001,,Tas kulit,,900000,OTHER\n",
    )
    assert [p.tax_class for p in read_catalog_csv(path)] == [
        TaxClass.EXEMPT,
        TaxClass.STANDARD,
        TaxClass.OTHER,
    ]


def test_a_file_without_the_column_is_all_standard(tmp_path: Path) -> None:
    path = write(tmp_path, "sku,barcode,name,category,price\nKOP-001,,Kopi,,15000\n")
    assert [p.tax_class for p in read_catalog_csv(path)] == [TaxClass.STANDARD]


def test_an_unknown_tax_class_is_a_bad_line(tmp_path: Path) -> None:
    path = write(tmp_path, "sku,barcode,name,category,price,tax_class\nKOP-001,,Kopi,,15000,free\n")
    with pytest.raises(CatalogImportError) as caught:
        read_catalog_csv(path)
    assert caught.value.problems == [(2, "tax class 'free' is not one of standard, other, exempt")]
