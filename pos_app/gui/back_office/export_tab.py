"""The Export CSV tab: the daily sales file for a day or a range, with a progress bar and Cancel.

The export runs on a worker with a database connection of its own; progress comes back through
queued signals. A cancel is seen within :data:`~pos_app.reports.sales_csv.PROGRESS_EVERY` rows,
and a cancelled or failed export leaves no file (the CSV is written to a temporary name first).
"""

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_rupiah
from pos_app.gui.back_office.widgets import Tab, choose_file, chosen_date, date_edit
from pos_app.gui.tasks import TaskRunner
from pos_app.reports.sales_csv import ExportCancelled, ExportKind, ExportSummary
from pos_app.till.back_office import BackOffice


class _Progress(QObject):
    """Emitted on the exporting thread, delivered queued on the GUI thread."""

    counted = Signal(int)
    written = Signal(int)


class ExportTab(Tab):
    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(office, tasks, parent)
        today = office.today()
        self.first_day = date_edit(today, "exportFrom")
        self.last_day = date_edit(today, "exportTo")
        self.lines = QRadioButton(self.tr("One row per sale line"))
        self.lines.setObjectName("exportLines")
        self.lines.setChecked(True)
        self.per_sale = QRadioButton(self.tr("One row per sale"))
        self.per_sale.setObjectName("exportSales")
        kinds = QButtonGroup(self)
        kinds.addButton(self.lines)
        kinds.addButton(self.per_sale)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.ask_path)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelExport")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setVisible(False)
        self._progress = _Progress(self)
        self._progress.counted.connect(self._counted)
        self._progress.written.connect(self.progress.setValue)
        self._cancel = threading.Event()
        self.running = False

        form = QGridLayout()
        form.addWidget(QLabel(self.tr("From business day")), 0, 0)
        form.addWidget(self.first_day, 0, 1)
        form.addWidget(QLabel(self.tr("To business day")), 1, 0)
        form.addWidget(self.last_day, 1, 1)
        form.addWidget(self.lines, 2, 1)
        form.addWidget(self.per_sale, 3, 1)
        form.setColumnStretch(2, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Completed sales of the chosen business days, and refunds paid on them, for the "
                "accountant (UTF-8, comma-separated; the columns are described in docs/csv.md)."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)

    @property
    def kind(self) -> ExportKind:
        return ExportKind.LINES if self.lines.isChecked() else ExportKind.SALES

    def ask_path(self) -> None:
        first, last = chosen_date(self.first_day), chosen_date(self.last_day)
        if last < first:
            self.say_error(self.tr("The range ends before it starts."))
            return
        span = first.isoformat() if first == last else f"{first.isoformat()}_{last.isoformat()}"
        choose_file(
            self,
            self.tr("Export the sales as CSV"),
            f"sales-{self.kind.value}-{span}.csv",
            self.tr("CSV files (*.csv)"),
            self.export_to,
            save=True,
            suffix="csv",
        )

    def export_to(self, path: str) -> None:
        if self.running:
            return
        first, last, kind = chosen_date(self.first_day), chosen_date(self.last_day), self.kind
        self.running = True
        self._cancel = threading.Event()
        cancel = self._cancel
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)  # busy until the rows are counted
        self.progress.setVisible(True)
        self.say(self.tr("Exporting to {path}…").format(path=path))
        signals = self._progress
        self.run(
            lambda: self.office.export_sales(
                Path(path),
                first,
                last,
                kind,
                started=signals.counted.emit,
                progress=signals.written.emit,
                cancelled=cancel.is_set,
            ),
            self._done,
            self._failed,
        )

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.say(self.tr("Cancelling…"))

    def _counted(self, rows: int) -> None:
        self.progress.setRange(0, max(rows, 1))
        self.progress.setValue(0)

    def _done(self, summary: ExportSummary) -> None:
        self._finish()
        self.progress.setValue(self.progress.maximum())
        self.say(
            self.tr(
                "Exported {rows} rows ({sales} sales, {refunds} refunds, {total}) to {path}."
            ).format(
                rows=summary.rows,
                sales=summary.sales,
                refunds=summary.refunds,
                total=format_rupiah(summary.total),
                path=summary.path,
            )
        )

    def _failed(self, error: Exception) -> None:
        self._finish()
        self.progress.setVisible(False)
        if isinstance(error, ExportCancelled):
            self.say(self.tr("Export cancelled; no file was written."))
        else:
            self.say_error(
                self.tr("The export failed; no file was written: {error}").format(error=error)
            )

    def _finish(self) -> None:
        self.running = False
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
