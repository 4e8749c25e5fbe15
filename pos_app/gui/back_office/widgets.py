"""Pieces every back-office tab uses: a table model of text rows, the tab base with its status line
and off-thread calls, file choosers. The words for stored states are in ``labels``."""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from pos_app.domain.business_day import EARLIEST_DAY, LATEST_DAY
from pos_app.gui.dialogs import choose_file as choose_file
from pos_app.gui.formatting import ERROR_STYLE, OK_STYLE
from pos_app.gui.tasks import TaskRunner, run_for
from pos_app.till.back_office import BackOffice

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value


class RowsModel(QAbstractTableModel):
    """Rows of display text, each with a key (the id behind it); ``right`` columns are numbers."""

    def __init__(
        self, headers: Sequence[str], right: Sequence[int] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._right = set(right)
        self._rows: list[Sequence[str]] = []
        self._keys: list[Any] = []

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = list(keys) if keys is not None else list(range(len(self._rows)))
        self.endResetModel()

    def key(self, row: int) -> Any:
        return self._keys[row]

    def widest_row(self, column: int, metrics: QFontMetrics) -> int | None:
        """The row whose text in ``column`` is the widest in ``metrics``; None with no rows.
        Each distinct text is measured once: a column of a few states costs a few calls."""
        widths: dict[str, int] = {}
        widest, found = -1, None
        for row, cells in enumerate(self._rows):
            text = cells[column]
            if text not in widths:
                width = widths[text] = metrics.horizontalAdvance(text)
                if width > widest:
                    widest, found = width, row
        return found

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        """Asked for seven roles of each cell drawn: the roles are compared as the numbers
        Qt passes, not through Qt's enums, which took three times as long as the answer."""
        if role == DISPLAY:
            return self._rows[index.row()][index.column()] if index.isValid() else None
        if role == ALIGNMENT and index.isValid() and index.column() in self._right:
            return RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class RowsView(QTableView):
    """A table of a :class:`RowsModel` whose columns fit their contents.

    Qt fits a column by asking the model every cell's font, alignment, colours, check state,
    icon and text, one call into Python each: 26,000 calls, 35 ms on the GUI thread, for a day's
    200 sales. Every cell of a column is drawn alike, so the cell with the widest text is the
    widest: only that one is measured the way Qt measures a cell."""

    def sizeHintForColumn(self, column: int) -> int:
        model = self.model()
        assert isinstance(model, RowsModel)
        row = model.widest_row(column, self.fontMetrics())
        hint = 0 if row is None else self.sizeHintForIndex(model.index(row, column)).width()
        return hint + 1 if self.showGrid() else hint  # as QTableView counts the grid line


def table_view(model: RowsModel, name: str) -> QTableView:
    view = RowsView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def show_whole(view: QTableView) -> None:
    """Keep ``view`` as wide as the columns it holds now (call after its rows change): a short
    table of figures is read whole, in the longer language too, never behind a scroll bar."""
    header = view.horizontalHeader()
    needs = [
        max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        for column in range(header.count())
    ]
    if needs and header.stretchLastSection():  # a stretched section is never below the default
        needs[-1] = max(needs[-1], header.defaultSectionSize())
    columns = sum(needs)
    scroll_bar = view.verticalScrollBar().sizeHint().width()
    view.setMinimumWidth(columns + 2 * view.frameWidth() + scroll_bar)


def selected_key(view: QTableView) -> Any:
    """The key of the selected row, or None."""
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    model = view.model()
    assert isinstance(model, RowsModel)
    return model.key(rows[0].row())


def date_edit(value: date, name: str) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setDateRange(_qdate(EARLIEST_DAY), _qdate(LATEST_DAY))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def chosen_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def set_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(_qdate(value))


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class ButtonCalls:
    """The calls a tab's or a dialog's buttons started that have not answered yet.

    A button stays off from its click until its call's answer (or error) is handled, whatever
    sets the buttons meanwhile (a row chosen, a reason typed, a list read again): turned back on
    mid-call, a second click would send the same request again. ``update`` sets every button
    from what is shown, each through :meth:`enable`; it runs again once a call has answered.
    """

    def __init__(self, owner: QWidget, tasks: TaskRunner, update: Callable[[], None]) -> None:
        self._owner = owner
        self._tasks = tasks
        self._update = update
        self._running: set[QPushButton] = set()

    def enable(self, button: QPushButton, allowed: bool) -> None:
        """``button`` on when ``allowed``, unless its call is still running."""
        button.setEnabled(allowed and button not in self._running)

    def run(
        self,
        button: QPushButton,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """``work`` off the GUI thread for ``button``: nothing while its last call runs."""
        if button in self._running:
            return
        self._running.add(button)
        button.setEnabled(False)
        run_for(
            self._owner,
            self._tasks,
            work,
            lambda result: self._answered(button, on_done, result),
            lambda error: self._answered(button, on_error, error),
        )

    def _answered(self, button: QPushButton, handle: Callable[[Any], None], answer: Any) -> None:
        self._running.discard(button)
        handle(answer)
        self._update()


class Tab(QWidget):
    """A back-office tab: runs the manager's actions off the GUI thread, says how they went in its
    status line, and loads its data the first time it is shown (``refresh``)."""

    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.tasks = tasks
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.loaded = False

    def refresh(self) -> None:
        """Load what the tab shows; the window calls it when the tab is first shown."""
        self.loaded = True

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        run_for(self, self.tasks, work, on_done, on_error or self.say_error)

    def say(self, text: str) -> None:
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(text)

    def say_error(self, error: Exception | str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(str(error))
