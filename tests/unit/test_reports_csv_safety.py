"""Formula neutralisation and atomic CSV files."""

import csv
import io
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain import atomic_files
from pos_app.domain.csv_cells import CsvCells, neutralise, restore, safe_cells
from pos_app.reports.output_files import SQLITE_HEADER, OutputError, atomic_csv


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+62 812", "'+62 812"),
        ("-Diskon", "'-Diskon"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("＝1+1", "'＝1+1"),
        ("Indomie = enak", "Indomie = enak"),
        ("'=already text", "''=already text"),  # its own apostrophe survives a round trip
        ("", ""),
    ],
)
def test_cells_a_spreadsheet_would_run_get_an_apostrophe(cell: str, shown: str) -> None:
    assert neutralise(cell) == shown


def test_numbers_and_empty_cells_pass_unchanged() -> None:
    assert safe_cells([-5000, None, "-5000", 0]) == [-5000, None, "'-5000", 0]


@given(st.lists(st.text(max_size=12), min_size=2, max_size=5))
def test_cells_as_text_are_what_the_csv_module_writes_for_neutralised_cells(
    texts: list[str],
) -> None:
    expected = io.StringIO()
    csv.writer(expected, lineterminator="\r\n").writerow([neutralise(text) for text in texts])
    cells = CsvCells(limit=1)
    assert cells.many(*texts) + "\r\n" == expected.getvalue()
    assert cells.many(*texts) + "\r\n" == expected.getvalue()  # remembered, or not: the same
    assert ",".join(cells.one(text) for text in texts) + "\r\n" == expected.getvalue()


def test_a_complete_file_is_rfc_4180_utf8(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    with atomic_csv(out) as writer:
        writer.writerow(["name", "price"])
        writer.writerow(['Kopi "Luwak", 1 kg', 150000])
        writer.writerow(["Nasi\nuduk", -1])
    assert out.read_bytes() == (
        b'name,price\r\n"Kopi ""Luwak"", 1 kg",150000\r\n"Nasi\nuduk",-1\r\n'
    )
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_a_failure_leaves_neither_a_half_file_nor_a_temporary_one(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("the old file")
    with pytest.raises(RuntimeError, match="row 3"), atomic_csv(out) as writer:
        writer.writerow(["a"])
        raise RuntimeError("row 3 is bad")
    assert out.read_text() == "the old file"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_a_database_is_never_replaced(tmp_path: Path) -> None:
    """Any target that was not a folder was renamed over, an SQLite database (the till's own,
    named by mistake) included: its sales were lost."""
    target = tmp_path / "kasir.db"
    content = SQLITE_HEADER + b"the shop's books"
    target.write_bytes(content)
    refused = pytest.raises(OutputError, match=r"kasir\.db is a database; it is not overwritten")
    with refused, atomic_csv(target) as writer:
        writer.writerow(["a"])
    assert target.read_bytes() == content
    assert os.listdir(tmp_path) == ["kasir.db"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_target_that_is_no_regular_file_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    refused = pytest.raises(OutputError, match="fifo is a device or a pipe, not a file")
    with refused, atomic_csv(fifo) as writer:
        writer.writerow(["a"])
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert os.listdir(tmp_path) == ["fifo"]


def test_a_failing_rename_is_reported_and_cleaned_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic_files.os, "replace", refuse)
    failure = r"cannot write .*out.csv: Permission denied"
    with pytest.raises(OutputError, match=failure), atomic_csv(tmp_path / "out.csv") as writer:
        writer.writerow(["a"])
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("cell", ["'+62 Pulsa", "''-Promo", "+62", "'abc", "'", "", "=1"])
def test_export_then_import_gives_back_every_text(cell: str) -> None:
    """A product named '+62 Pulsa was read back as +62 Pulsa: an export then import renamed it."""
    assert restore(neutralise(cell)) == cell
