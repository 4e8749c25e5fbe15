"""A Kasir CSV file as Excel in an Indonesian locale opens it on a double click.

Excel reads a double-clicked CSV with the system's list separator and decimal sign: in Indonesia
``;`` and ``,`` (and ``.`` between thousands), and as UTF-8 only when the file starts with a
byte-order mark. So the same rows are written with a BOM, ``;`` between cells, and a decimal comma
in the decimal columns (a PPN rate of ``1.1`` percent becomes ``1,1``, which ``.`` would turn
into eleven). Amounts are whole rupiah written without separators, which every locale reads the
same. The cells keep their formula neutralisation; a cell holding ``;`` is quoted.
"""

import csv
from pathlib import Path

from pos_app.domain.csv_cells import LINE_END
from pos_app.reports.column_types import ColumnType, column_types
from pos_app.reports.export_progress import RowCounter
from pos_app.reports.output_files import atomic_text

SEPARATOR = ";"
DECIMAL_SIGN = ","
ENCODING = "utf-8-sig"
"""UTF-8 that starts with the byte-order mark."""


def write_excel_id_csv(source: Path, target: Path, counter: RowCounter) -> None:
    """Write the rows of the Kasir CSV ``source`` to ``target`` for Indonesian Excel."""
    with (
        source.open(encoding="utf-8", newline="") as rows,
        atomic_text(target, encoding=ENCODING) as handle,
    ):
        reader = csv.reader(rows)
        header = next(reader)
        decimals = [
            index for index, kind in enumerate(column_types(header)) if kind is ColumnType.DECIMAL
        ]
        out = csv.writer(handle, delimiter=SEPARATOR, lineterminator=LINE_END)
        out.writerow(header)
        for row in reader:
            for index in decimals:
                row[index] = row[index].replace(".", DECIMAL_SIGN)
            out.writerow(row)
            counter.count()
