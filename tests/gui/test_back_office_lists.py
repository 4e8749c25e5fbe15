"""The back office's long lists hold the GUI thread for less than a frame: their rows' text is made
on the worker, and a column fits its contents by measuring its widest text's cell alone, not by
asking the model for every cell (``benchmarks/back_office_tabs.py`` has the figures)."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QTableView

from pos_app.domain.money import format_rupiah
from pos_app.gui.back_office import problems_tab, sales_tab
from pos_app.gui.back_office.widgets import DISPLAY, Index, RowsModel, table_view
from tests.gui.back_office_helpers import show_tab, signed_in
from tests.gui.e2e import WAIT_MS
from tests.gui.test_back_office_payments import pending_qr
from tests.gui.test_back_office_sales import fill

ROWS = 300


class CountedRows(RowsModel):
    """Counts what the view asks of the model."""

    reads = 0

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        self.reads += 1
        return super().data(index, role)


def test_a_column_fits_its_widest_text_as_qt_would_reading_one_cell(qtbot) -> None:
    model = CountedRows(["Time", "Sale", "Status", "Total"], right=[1, 3])
    rows = [
        [f"{row % 24:02d}:{row % 60:02d}", str(70_000 + row), "completed", format_rupiah(row * 500)]
        for row in range(ROWS)
    ]
    rows[250][2] = "cancelled, then paid late"  # far below the rows on screen
    rows[7][2] = "WWW"  # fewer letters, yet wider than most
    model.set_rows(rows)
    view = table_view(model, "fitted")
    qtbot.addWidget(view)
    view.resize(420, 200)
    view.show()
    qtbot.waitExposed(view)

    model.reads = 0
    fitted = [view.sizeHintForColumn(column) for column in range(4)]
    reads = model.reads
    every_cell = [QTableView.sizeHintForColumn(view, column) for column in range(4)]

    assert fitted == every_cell
    assert reads <= 4 * 10  # a cell is asked for about seven roles; Qt's own way asks 300 cells


def test_an_empty_table_fits_its_columns_as_qt_would(qtbot) -> None:
    view = table_view(RowsModel(["Time", "Sale"]), "empty")
    qtbot.addWidget(view)
    assert [view.sizeHintForColumn(c) for c in range(2)] == [
        QTableView.sizeHintForColumn(view, c) for c in range(2)
    ]


def made_where(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[bool]:
    """Whether each call of ``module.name`` ran on the GUI thread."""
    on_gui: list[bool] = []
    made: Callable[..., Any] = getattr(module, name)

    def spy(*args: Any) -> Any:
        on_gui.append(threading.current_thread() is threading.main_thread())
        return made(*args)

    monkeypatch.setattr(module, name, spy)
    return on_gui


def test_the_sales_and_problems_lists_are_written_on_the_worker(
    qtbot, start_app, monkeypatch
) -> None:
    app = start_app()
    fill(app.terminal, days=1, sales_per_day=20)
    _, invoice = pending_qr(app)
    sale_rows = made_where(monkeypatch, sales_tab, "_sale_row")
    problem_rows = made_where(monkeypatch, problems_tab, "provider_label")
    window = signed_in(qtbot, app)
    qtbot.waitUntil(lambda: window.sales.sales.rowCount() == 21, timeout=WAIT_MS)
    show_tab(qtbot, window, window.problems)
    assert invoice in window.problems.invoices()

    listed = len(sale_rows)
    window.sales.find_number.setText(invoice)
    window.sales.find_sales()
    qtbot.waitUntil(lambda: window.sales.found is not None, timeout=WAIT_MS)
    assert window.sales.sales.rowCount() == 1

    assert listed >= 21 and len(sale_rows) == listed + 1 and not any(sale_rows)
    assert problem_rows and not any(problem_rows)
