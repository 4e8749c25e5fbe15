"""The basket table, as the cashier and the customer see it."""

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from pos_app.gui.basket_model import BasketModel

CELL_PADDING = 24


def basket_table(
    model: BasketModel, *, selectable: bool, parent: QWidget | None = None
) -> QTableView:
    """A read-only table of the basket: the name stretches, amounts keep a width that fits."""
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    if selectable:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    else:
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setShowGrid(False)
    fit_columns(view)
    return view


def fit_columns(view: QTableView) -> None:
    """Size the amount columns for the widest amount in the view's current font."""
    model = view.model()
    assert isinstance(model, BasketModel)
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    header.setSectionResizeMode(BasketModel.NAME, QHeaderView.ResizeMode.Stretch)
    row_height = metrics.height() + CELL_PADDING // 2
    view.verticalHeader().setDefaultSectionSize(max(row_height, 40))
    for column, text in model.widest_texts().items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        view.setColumnWidth(column, metrics.horizontalAdvance(text) + CELL_PADDING)
