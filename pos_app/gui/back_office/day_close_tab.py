"""The Day close tab: the Z report, the cash count by denomination against the expected cash, and
closing the day (once, confirmed, audited); print or save the report as PDF.

The report comes from the store once per day chosen; the count and the opening float only change
the drawer figures, which are worked out here from that report without asking the store again.
A closed day shows the report as it was signed off.
"""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah, parse_rupiah
from pos_app.gui.back_office.widgets import (
    ERROR_STYLE,
    Tab,
    choose_file,
    chosen_date,
    date_edit,
)
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.receipt import print_document, save_pdf
from pos_app.gui.tasks import TaskRunner
from pos_app.reports.z_report import DENOMINATIONS, MAX_PIECES, CashCount, ZReport, render_html
from pos_app.till.back_office import BackOffice


class DayCloseTab(Tab):
    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(office, tasks, parent)
        self.day = date_edit(office.today(), "closeDay")
        self.day.dateChanged.connect(lambda _date: self.refresh())
        self.opening_float = QLineEdit("0")
        self.opening_float.setObjectName("openingFloat")
        self.opening_float.setMaximumWidth(180)
        self.opening_float.textEdited.connect(lambda _text: self._recount())
        self.pieces: dict[int, QSpinBox] = {}
        count_box = QGroupBox(self.tr("Cash in the drawer"))
        grid = QGridLayout(count_box)
        for row, value in enumerate(DENOMINATIONS):
            spin = QSpinBox()
            spin.setObjectName(f"pieces{value}")
            spin.setRange(0, MAX_PIECES)
            spin.valueChanged.connect(lambda _value: self._recount())
            self.pieces[value] = spin
            column = 2 * (row // 5)
            grid.addWidget(QLabel(f"{format_rupiah(value)} ×"), row % 5, column)
            grid.addWidget(spin, row % 5, column + 1)
        self.expected = QLabel()
        self.expected.setObjectName("expectedCash")
        self.counted = QLabel()
        self.counted.setObjectName("countedCash")
        self.difference = QLabel()
        self.difference.setObjectName("cashDifference")
        figures = QGridLayout()
        for row, (label, figure) in enumerate(
            (
                (self.tr("Opening float"), self.opening_float),
                (self.tr("Expected cash"), self.expected),
                (self.tr("Counted cash"), self.counted),
                (self.tr("Difference"), self.difference),
            )
        ):
            figures.addWidget(QLabel(label), row, 0)
            figures.addWidget(figure, row, 1)
        self.preview = QTextBrowser()
        self.preview.setObjectName("zReport")
        self.preview.setMinimumWidth(340)
        self.close_button = QPushButton(self.tr("Close day…"))
        self.close_button.setObjectName("closeDay")
        self.close_button.clicked.connect(self.ask_close)
        print_button = QPushButton(self.tr("Print…"))
        print_button.clicked.connect(self._print)
        pdf_button = QPushButton(self.tr("Save as PDF…"))
        pdf_button.clicked.connect(self._ask_pdf)
        self.closed_note = QLabel()
        self.closed_note.setObjectName("closedNote")

        left = QVBoxLayout()
        day_row = QHBoxLayout()
        day_row.addWidget(QLabel(self.tr("Business day")))
        day_row.addWidget(self.day)
        day_row.addStretch(1)
        left.addLayout(day_row)
        left.addWidget(count_box)
        left.addLayout(figures)
        left.addWidget(self.closed_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(print_button)
        buttons.addWidget(pdf_button)
        left.addLayout(buttons)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.status)
        self.base: ZReport | None = None
        """The report as loaded; :attr:`report` adds the count and float entered."""
        self.report: ZReport | None = None
        self.closed_by: str | None = None
        self._printer: QPrinter | None = None

    def refresh(self) -> None:
        super().refresh()
        business_date = chosen_date(self.day)
        self.run(lambda: self.office.z_report(business_date), self._loaded)

    def _loaded(self, answer: tuple[ZReport, str | None]) -> None:
        report, closed_by = answer
        if report.business_date != chosen_date(self.day):
            return
        self.base, self.closed_by = report, closed_by
        closed = closed_by is not None
        for widget in (*self.pieces.values(), self.opening_float, self.close_button):
            widget.setEnabled(not closed)
        if closed:
            self.closed_note.setText(
                self.tr("Closed by {name}; this is the report as it was signed off.").format(
                    name=closed_by
                )
            )
            self._fill(report)
        else:
            self.closed_note.clear()
            self._recount()
        self.status.clear()

    def _fill(self, report: ZReport) -> None:
        """Show a closed day's count without treating it as an edit."""
        counts = dict(report.counted.pieces()) if report.counted else {}
        for value, spin in self.pieces.items():
            spin.blockSignals(True)
            spin.setValue(counts.get(value, 0))
            spin.blockSignals(False)
        self.opening_float.setText(str(report.opening_float))
        self._show(report)

    def count(self) -> CashCount:
        return CashCount({value: spin.value() for value, spin in self.pieces.items()})

    def _recount(self) -> None:
        if self.base is None or self.closed_by is not None:
            return
        try:
            opening = parse_rupiah(self.opening_float.text() or "0")
            if opening < 0:
                raise ValidationError("the opening float cannot be negative")
        except ValidationError as error:
            self.opening_float.setStyleSheet(ERROR_STYLE)
            self.say_error(error)
            return
        self.opening_float.setStyleSheet("")
        self.status.clear()
        self._show(replace(self.base, counted=self.count(), opening_float=opening))

    def _show(self, report: ZReport) -> None:
        self.report = report
        self.expected.setText(format_rupiah(report.expected_cash))
        self.counted.setText(format_rupiah(report.counted_cash or 0))
        difference = report.difference or 0
        self.difference.setText(format_rupiah(difference))
        self.difference.setStyleSheet(ERROR_STYLE if difference < 0 else "")
        self.preview.setHtml(self._html(report))

    def ask_close(self) -> None:
        report = self.report
        if report is None or self.closed_by is not None:
            return
        ask_confirmation(
            self,
            self.tr("Close the day"),
            self.tr(
                "Close business day {day}? Net takings {net}; counted cash {counted}, "
                "difference {difference}. A day is closed only once."
            ).format(
                day=report.business_date.isoformat(),
                net=format_rupiah(report.net_total),
                counted=format_rupiah(report.counted_cash or 0),
                difference=format_rupiah(report.difference or 0),
            ),
            lambda: self._close(report),
        )

    def _close(self, report: ZReport) -> None:
        counted, opening = self.count(), report.opening_float
        business_date: date = report.business_date
        self.close_button.setEnabled(False)
        self.run(
            lambda: self.office.close_day(business_date, counted, opening),
            self._closed,
            self._close_failed,
        )

    def _closed(self, report: ZReport) -> None:
        self.refresh()
        self.say(
            self.tr("Business day {day} is closed.").format(day=report.business_date.isoformat())
        )

    def _close_failed(self, error: Exception) -> None:
        self.close_button.setEnabled(self.closed_by is None)
        self.say_error(self.tr("The day was not closed: {error}").format(error=error))

    def document(self) -> QTextDocument:
        assert self.report is not None
        document = QTextDocument(self)
        document.setHtml(self._html(self.report))
        return document

    def _html(self, report: ZReport) -> str:
        return render_html(report, shop_name=self.office.terminal.settings.shop.name)

    def _print(self) -> None:
        if self.report is None:
            return
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(self._printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        printer = self._printer
        dialog.accepted.connect(lambda: print_document(self.document(), printer))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _ask_pdf(self) -> None:
        if self.report is None:
            return
        choose_file(
            self,
            self.tr("Save the Z report as PDF"),
            f"z-report-{self.report.business_date.isoformat()}.pdf",
            self.tr("PDF (*.pdf)"),
            self.save_pdf,
            save=True,
            suffix="pdf",
        )

    def save_pdf(self, path: str) -> None:
        try:
            save_pdf(self.document(), path)
        except OSError as error:
            self.say_error(self.tr("Could not save the PDF: {error}").format(error=error))
        else:
            self.say(self.tr("Saved to {path}").format(path=path))
