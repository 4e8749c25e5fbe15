"""``pos-app products import|export``: all-or-nothing import with numbered errors, safe export."""

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.cli import main
from pos_app.domain.catalog import Product
from pos_app.domain.catalog_csv import COLUMNS
from pos_app.domain.tax import TaxClass
from pos_app.settings.paths import resources_dir
from pos_app.store.database import open_database
from pos_app.store.products import Products

DEMO_CATALOG = resources_dir() / "demo" / "catalog.csv"
HEADER = ",".join(COLUMNS) + "\n"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kasir.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


def products(*args: str) -> int:
    return main(["products", *args])


def test_importing_the_demo_catalogue_adds_it_and_again_changes_nothing(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = len(DEMO_CATALOG.read_text(encoding="utf-8").splitlines()) - 1
    assert products("import", str(DEMO_CATALOG), "--db", str(db_path)) == 0
    assert f"{count} products read, {count} added or changed" in capsys.readouterr().out
    assert Products(db).count() == count
    assert products("import", str(DEMO_CATALOG), "--db", str(db_path)) == 0
    assert f"{count} products read, 0 added or changed" in capsys.readouterr().out


def test_a_file_without_tax_classes_keeps_the_classes_the_shop_set(tmp_path: Path) -> None:
    """A price update in the demo catalogue's five columns made exempt rice standard: PPN on
    what the law frees from it. A new product in such a file is standard."""
    db_path = tmp_path / "kasir.db"
    db = open_database(db_path)
    beras = Product("POK-001", "Beras 5kg", 78_000, category="Pokok", tax_class=TaxClass.EXEMPT)
    Products(db).upsert_many([beras])
    db.close()
    prices = tmp_path / "prices.csv"
    prices.write_text(
        "sku,barcode,name,category,price\n"
        "POK-001,,Beras 5kg,Pokok,79000\nGULA-1,,Gula,Pokok,15000\n",
        encoding="utf-8",
    )
    assert main(["products", "import", str(prices), "--db", str(db_path)]) == 0
    db = open_database(db_path)
    try:
        classes = {sku: Products(db).tax_class_of(sku) for sku in ("POK-001", "GULA-1")}
        assert Products(db).get("POK-001").price == 79_000
    finally:
        db.close()
    assert classes == {"POK-001": TaxClass.EXEMPT, "GULA-1": TaxClass.STANDARD}


def test_a_file_with_bad_lines_changes_nothing_and_names_every_line(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Products(db).upsert_many([Product("KOPI-1", "Kopi Tubruk", 3500)])
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER
        + "KOPI-1,,Kopi Tubruk,Minuman,9999\n"  # a good line: must not be applied either
        + "TEH-1,,Teh,Minuman,murah\n"
        + "GULA-1,1234567890129,Gula,Dapur,15000\n"
        + ",,Tanpa SKU,Dapur,1000\n"
        + "KOPI-1,,Kopi lagi,Minuman,4000\n"
        + "ROTI-1,,Roti,Roti\n",
        encoding="utf-8",
    )
    assert products("import", str(bad), "--db", str(db_path)) == 1
    err = capsys.readouterr().err
    assert "5 problem(s), nothing imported" in err
    for line, reason in (
        (3, "price 'murah' is not a whole number"),
        (4, "product GULA-1: barcode 1234567890129 is not a valid EAN-13"),
        (5, "sku must not be empty"),
        (6, "sku KOPI-1 already on line 2"),
        (7, "expected 5 columns, found 4"),
    ):
        assert f"line {line}: {reason}" in err
    assert Products(db).get("KOPI-1") == Product("KOPI-1", "Kopi Tubruk", 3500)
    assert Products(db).count() == 1


def test_every_bad_line_is_printed_however_many(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "".join(f"S{i},,Nama,K,x\n" for i in range(120)), encoding="utf-8")
    assert products("import", str(bad), "--db", str(db_path)) == 1
    err = capsys.readouterr().err
    assert all(f"line {line}: price 'x'" in err for line in range(2, 122))


def test_a_missing_file_is_named(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.csv"
    assert products("import", str(missing), "--db", str(db_path)) == 1
    assert f"{missing} does not exist" in capsys.readouterr().err
    assert products("export", str(tmp_path / "x.csv"), "--db", str(tmp_path / "no.db")) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_export_writes_active_products_in_catalogue_columns_with_formulas_neutralised(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Products(db).upsert_many(
        [
            Product("B-1", '=HYPERLINK("http://evil")', 1000, category="+Promo"),
            Product(
                "A-1",
                'Kopi "Kapal Api", 1 kg',
                45000,
                barcode="8991000079191",
                tax_class=TaxClass.EXEMPT,
            ),
            Product("C-1", "Sudah tidak dijual", 500, active=False),
        ]
    )
    out = tmp_path / "products.csv"
    assert products("export", str(out), "--db", str(db_path)) == 0
    assert "2 products written" in capsys.readouterr().out
    raw = out.read_bytes()
    assert raw.startswith(b"sku,barcode,name,category,price,tax_class\r\n")
    with out.open(encoding="utf-8", newline="") as handle:
        got = list(csv.reader(handle))
    assert got[1:] == [
        ["A-1", "8991000079191", 'Kopi "Kapal Api", 1 kg', "", "45000", "exempt"],
        ["B-1", "", '\'=HYPERLINK("http://evil")', "'+Promo", "1000", "standard"],
    ]


def test_an_export_onto_a_database_is_refused_and_keeps_it(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``products export`` given the database (its own or another till's) as the file renamed
    the CSV over it: the shop's sales and catalogue gone, exit status 0."""
    Products(db).upsert_many([Product("BRS-5", "Beras Pandan 5kg", 78_000)])
    assert products("export", str(db_path), "--db", str(db_path)) == 1
    assert f"{db_path} is the terminal's database" in capsys.readouterr().err

    other = tmp_path / "other.db"
    open_database(other).close()
    assert products("export", str(other), "--db", str(db_path)) == 1
    assert f"{other} is a database; it is not overwritten" in capsys.readouterr().err
    for path in (db_path, other):
        check = open_database(path)
        try:
            assert check.execute("SELECT count(*) FROM products").fetchone()[0] == (
                1 if path == db_path else 0
            )
        finally:
            check.close()


def test_an_export_imports_back_into_the_same_catalogue(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    assert products("import", str(DEMO_CATALOG), "--db", str(db_path)) == 0
    out = tmp_path / "round.csv"
    assert products("export", str(out), "--db", str(db_path)) == 0
    other = tmp_path / "other.db"
    assert products("import", str(out), "--db", str(other)) == 0
    fresh = open_database(other)
    try:
        rows = "SELECT sku, barcode, name, category, price FROM products ORDER BY sku"
        assert fresh.execute(rows).fetchall() == db.execute(rows).fetchall()
    finally:
        fresh.close()


def test_cells_no_reader_or_int_takes_are_numbered_problems_not_a_traceback(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Products(db).upsert_many([Product("KOPI-1", "Kopi Tubruk", 3500)])
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER
        + "KOPI-1,,Kopi Tubruk,Minuman,9999\n"
        + "TEH-1,,Teh,Minuman,²\n"
        + f"GULA-1,,Gula,Dapur,{'9' * 5000}\n"
        + f"ROTI-1,,{'x' * 200_000},Roti,5000\n"
        + "SUSU-1,,Susu,Minuman,murah\n",
        encoding="utf-8",
    )
    assert products("import", str(bad), "--db", str(db_path)) == 1
    err = capsys.readouterr().err
    assert "4 problem(s), nothing imported" in err
    for line, reason in (
        (3, "price '²' is not a whole number of rupiah"),
        (4, "price has 5000 digits; a price is at most Rp 999.999.999.999"),
        (5, "a cell is longer than 131072 characters"),
        (6, "price 'murah' is not a whole number"),
    ):
        assert f"line {line}: {reason}" in err
    assert "Traceback" not in err
    assert Products(db).get("KOPI-1") == Product("KOPI-1", "Kopi Tubruk", 3500)
