"""``pos-app products import`` with every barcode kind: a barcode another product in the database
has is listed by line beside the file's own problems, and nothing is imported."""

from pathlib import Path

import pytest

from pos_app.cli import main
from pos_app.domain.catalog import Product
from pos_app.domain.catalog_csv import COLUMNS
from pos_app.store.database import open_database
from pos_app.store.products import Products

HEADER = ",".join(COLUMNS) + "\n"


def test_a_barcode_an_existing_product_has_is_listed_and_nothing_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "kasir.db"
    db = open_database(db_path)
    Products(db).upsert_many([Product("SODA-1", "Soda", 8000, barcode="04252614")])
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(
        HEADER
        + "PERMEN,96385074,Permen Mint,Permen,1000\n"
        + "SODA-2,042100005264,Soda Lain,Minuman,8000\n"  # SODA-1's UPC-E as UPC-A
        + "KOPI,KOPI TORAJA,Kopi,Kopi,45000\n",
        encoding="utf-8",
    )
    assert main(["products", "import", str(catalog), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "2 problem(s), nothing imported" in err
    assert "line 3: barcode 0042100005264 already belongs to product SODA-1" in err
    assert "line 4: product KOPI: barcode 'KOPI TORAJA' is neither" in err
    assert Products(db).count() == 1

    catalog.write_text(HEADER + "PERMEN,96385074,Permen Mint,Permen,1000\n", encoding="utf-8")
    assert main(["products", "import", str(catalog), "--db", str(db_path)]) == 0
    assert Products(db).find_by_code("96385074") == Product(
        "PERMEN", "Permen Mint", 1000, barcode="96385074", category="Permen"
    )
    assert Products(db).find_by_code("042100005264").sku == "SODA-1"
    db.close()


def test_a_barcode_of_superscript_digits_is_a_numbered_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "kasir.db"
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(
        HEADER
        + "PERMEN,96385074,Permen Mint,Permen,1000\n"
        + "SODA,²²²²²²²²,Soda,Minuman,8000\n",  # AltGr+2 on some keyboards
        encoding="utf-8",
    )
    assert main(["products", "import", str(catalog), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "1 problem(s), nothing imported" in err
    assert "line 3: product SODA: barcode '²²²²²²²²' is neither" in err
    db = open_database(db_path)
    assert Products(db).count() == 0
    db.close()
