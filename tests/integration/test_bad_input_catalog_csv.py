"""``pos-app products import`` with the files a shop really has: Excel in Indonesian, Windows-1252,
a header that is not quite right, an empty file, a bad line far down."""

from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.cli import main
from pos_app.reports import products_csv
from pos_app.store.database import open_database
from pos_app.store.products import Products


def imported(db_path: Path, path: Path) -> int:
    return main(["products", "import", str(path), "--db", str(db_path)])


def stored(db_path: Path) -> Products:
    database: Database = open_database(db_path)
    return Products(database)


def test_a_file_saved_by_excel_in_indonesian_is_imported(tmp_path: Path) -> None:
    """Excel set to Indonesian saves ``;`` between cells, and "CSV UTF-8" puts a BOM in front."""
    path = tmp_path / "products.csv"
    path.write_bytes(
        "\ufeffsku;barcode;name;category;price;tax_class\r\n"
        "KOPI-1;;Kopi, bubuk;Minuman;15000;standard\r\n"
        "BRS-1;;Beras 5kg;Sembako;72500;exempt\r\n".encode()
    )
    db_path = tmp_path / "kasir.db"
    assert imported(db_path, path) == 0
    products = stored(db_path)
    kopi, beras = products.get("KOPI-1"), products.get("BRS-1")
    assert kopi is not None and (kopi.name, kopi.price) == ("Kopi, bubuk", 15000)
    assert beras is not None and beras.price == 72500


def test_a_windows_1252_file_names_the_line_and_how_to_save_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "products.csv"
    path.write_bytes(
        "sku,barcode,name,category,price\r\nA-1,,Teh,Minuman,5000\r\nA-2,,Café,Minuman,9000\r\n".encode(
            "cp1252"
        )
    )
    db_path = tmp_path / "kasir.db"
    assert imported(db_path, path) == 1
    err = capsys.readouterr().err
    assert 'line 3: byte 0xe9 is not UTF-8 text; save the file as "CSV UTF-8"' in err
    assert stored(db_path).count() == 0


def test_a_header_in_another_order_is_quoted_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "products.csv"
    path.write_text("name,sku,barcode,category,price\nTeh,A-1,,Minuman,5000\n", encoding="utf-8")
    assert imported(tmp_path / "kasir.db", path) == 1
    assert "found 'name,sku,barcode,category,price'" in capsys.readouterr().err


def test_an_empty_file_is_said_to_be_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "products.csv"
    path.write_bytes(b"")
    assert imported(tmp_path / "kasir.db", path) == 1
    err = capsys.readouterr().err
    assert "  the file is empty; its first line must be the header" in err
    assert "line 0" not in err


def test_a_problem_of_the_whole_file_has_no_line_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(products_csv, "MAX_FILE_BYTES", 10)
    path = tmp_path / "products.csv"
    path.write_text("sku,barcode,name,category,price\n", encoding="utf-8")
    assert imported(tmp_path / "kasir.db", path) == 1
    err = capsys.readouterr().err
    assert "  file is larger than 10 bytes" in err
    assert "line 0" not in err


def test_a_bad_price_far_down_changes_nothing_and_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "kasir.db"
    first = tmp_path / "first.csv"
    first.write_text("sku,barcode,name,category,price\r\nS-0,,Teh,Minuman,5000\r\n", "utf-8")
    assert imported(db_path, first) == 0
    rows = [f"S-{n},,Produk {n},Umum,{1000 + n}" for n in range(5000)]
    rows[4999] = "S-4999,,Produk,Umum,Rp 12.500"
    path = tmp_path / "products.csv"
    path.write_text("sku,barcode,name,category,price\r\n" + "\r\n".join(rows) + "\r\n", "utf-8")
    assert imported(db_path, path) == 1
    assert "line 5001: price 'Rp 12.500' is not a whole number" in capsys.readouterr().err
    products = stored(db_path)
    assert products.count() == 1
    kept = products.get("S-0")
    assert kept is not None and kept.price == 5000
