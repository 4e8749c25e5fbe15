"""The Day close tab: the Z report with the day's shifts, the cash count by denomination against the
expected cash, and closing the day (once, confirmed, audited); print or save the report as PDF.

The report comes from the store each time the tab is shown or the day chosen; the count and the
opening float only change the drawer figures, worked out here from that report. Close day asks
the store again, and the confirmation shows those fresh figures; the store then refuses the close
if they changed once more before it (``DayChanged``), so what the manager confirms is what is
recorded. A closed day shows the report as it was signed off.
"""

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.cash_count import CashCount
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah, parse_rupiah
from pos_app.gui.back_office.widgets import (
    ButtonCalls,
    RowsModel,
    Tab,
    chosen_date,
    date_edit,
    selected_key,
    show_whole,
    table_view,
)
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.document_output import DocumentOutput
from pos_app.gui.drawer_count import DrawerCount
from pos_app.gui.formatting import CLOCK_TIME, ERROR_STYLE
from pos_app.gui.shift_dialogs import ShiftDialog, ShiftReportDialog
from pos_app.gui.tasks import TaskRunner
from pos_app.reports.z_report import ZReport, render_html
from pos_app.store.shifts import Shift
from pos_app.till.back_office import BackOffice
from pos_app.till.day_close import DayChanged


class DayCloseTab(Tab):
    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(office, tasks, parent)
        self.calls = ButtonCalls(self, tasks, self._buttons)
        self.day = date_edit(office.today(), "closeDay")
        self.day.dateChanged.connect(lambda _date: self.refresh())
        self.opening_float = QLineEdit("0")
        self.opening_float.setObjectName("openingFloat")
        self.opening_float.setMaximumWidth(180)
        self.opening_float.textEdited.connect(self._float_typed)
        self._typed_float: tuple[date, str] | None = None
        """The day whose opening float the manager typed, and what they typed: it stands
        whenever that day is shown again. Any other day starts from its shifts' (each till's
        first: a float handed over from the shift before is no new cash), or a closed one's."""
        self.drawer = DrawerCount()
        self.drawer.changed.connect(self._recount)
        self.pieces = self.drawer.pieces
        self._count_of = chosen_date(self.day)
        """The day whose notes and coins the boxes hold: a closed day's stored count, or what
        the manager counted for an open one. Any other day starts from an empty drawer."""
        self.shifts = RowsModel(
            [
                self.tr("Cashier"),
                self.tr("Till"),
                self.tr("Opened"),
                self.tr("Closed"),
                self.tr("Float"),
                self.tr("Expected"),
                self.tr("Counted"),
                self.tr("Difference"),
            ],
            right=(4, 5, 6, 7),
        )
        self.shifts_view = table_view(self.shifts, "shifts")
        self.shifts_view.setMaximumHeight(140)
        self.shifts_view.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected: self._buttons()
        )
        self.count_shift_button = QPushButton(self.tr("Count and close this shift…"))
        self.count_shift_button.setObjectName("countShift")
        self.count_shift_button.setEnabled(False)
        self.count_shift_button.clicked.connect(self.count_shift)
        self.shift_report_button = QPushButton(self.tr("Shift report…"))
        self.shift_report_button.setObjectName("shiftReport")
        self.shift_report_button.setEnabled(False)
        self.shift_report_button.clicked.connect(self.report_shift)
        self._open_shifts: set[int] = set()
        self.shift_dialog: ShiftDialog | ShiftReportDialog | None = None
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
        left.addWidget(QLabel(self.tr("Shifts of the day")))
        left.addWidget(self.shifts_view)
        shift_buttons = QHBoxLayout()
        shift_buttons.addWidget(self.count_shift_button)
        shift_buttons.addWidget(self.shift_report_button)
        shift_buttons.addStretch(1)
        left.addLayout(shift_buttons)
        left.addWidget(self.drawer)
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
        self.confirmation: QMessageBox | None = None
        self.base: ZReport | None = None
        """The report as loaded; :attr:`report` adds the count and float entered."""
        self.report: ZReport | None = None
        self.closed_by: str | None = None
        self.output = DocumentOutput(self, self.document, self._said)

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
        if not closed:
            self._show_float(self._float_of(report))
        for widget in (*self.pieces.values(), self.opening_float):
            widget.setEnabled(not closed)
        self._list_shifts(report)
        if closed:
            self.closed_note.setText(
                self.tr("Closed by {name}; this is the report as it was signed off.").format(
                    name=closed_by
                )
            )
            self._fill(report)
        else:
            self.closed_note.clear()
            if self._count_of != report.business_date:
                self.drawer.show_count(None)
                self._count_of = report.business_date
            self._recount()
        self.status.clear()

    def _list_shifts(self, report: ZReport) -> None:
        zone = self.office.store.day.tz

        def local(moment: datetime | None) -> str:
            return "" if moment is None else moment.astimezone(zone).strftime(CLOCK_TIME)

        self.shifts.set_rows(
            [
                [
                    shift.cashier,
                    shift.terminal_id,
                    local(shift.opened_at),
                    local(shift.closed_at) or self.tr("open"),
                    format_rupiah(shift.opening_float),
                    format_rupiah(shift.expected_cash),
                    "" if shift.counted_cash is None else format_rupiah(shift.counted_cash),
                    ""
                    if shift.counted_cash is None
                    else format_rupiah(shift.counted_cash - shift.expected_cash),
                ]
                for shift in report.shifts
            ],
            [shift.id for shift in report.shifts],
        )
        self._open_shifts = {shift.id for shift in report.shifts if shift.closed_at is None}
        show_whole(self.shifts_view)
        self._buttons()

    def _buttons(self) -> None:
        """An open day can be closed. A shift still open can be counted here, when its cashier
        left without closing it; a closed one shows its report again, to print or save."""
        shift_id = selected_key(self.shifts_view)
        still_open = shift_id in self._open_shifts
        self.calls.enable(self.close_button, self.closed_by is None)
        self.calls.enable(self.count_shift_button, self.closed_by is None and still_open)
        self.calls.enable(self.shift_report_button, shift_id is not None and not still_open)

    def count_shift(self) -> None:
        shift_id = selected_key(self.shifts_view)
        if shift_id not in self._open_shifts:
            return
        store = self.office.store  # the worker's own connection
        self.calls.run(
            self.count_shift_button,
            lambda: store.shifts.get(shift_id),
            self._count_shift,
            self.say_error,
        )

    def report_shift(self) -> None:
        shift_id = selected_key(self.shifts_view)
        if shift_id is None or shift_id in self._open_shifts:
            return
        store = self.office.store
        self.calls.run(
            self.shift_report_button,
            lambda: store.shifts.get(shift_id),
            self._show_shift_report,
            self.say_error,
        )

    def _count_shift(self, shift: Shift) -> None:
        dialog = ShiftDialog.counted_by(
            self.office.name, self.office.terminal, shift, self.tasks, self
        )
        dialog.closed.connect(self._shift_closed)
        self.shift_dialog = dialog

    def _shift_closed(self, shift: Shift) -> None:
        self.refresh()
        self._show_shift_report(shift)

    def _show_shift_report(self, shift: Shift) -> None:
        report = ShiftReportDialog(shift, self.office.terminal, self)
        self.shift_dialog = report
        report.show()

    def _float_typed(self, text: str) -> None:
        """The shifts' floats are a start: what the manager types for the day stands."""
        self._typed_float = None if self.base is None else (self.base.business_date, text)
        self._recount()

    def _float_of(self, report: ZReport) -> str:
        """The opening float to show for an open day: the one typed for it, else its shifts'."""
        typed = self._typed_float
        if typed is not None and typed[0] == report.business_date:
            return typed[1]
        return str(report.opening_float_of_shifts)

    def _show_float(self, text: str) -> None:
        """Set the float box, leaving it alone (cursor and all) when it holds that already."""
        if self.opening_float.text() != text:
            self.opening_float.setText(text)

    def _fill(self, report: ZReport) -> None:
        """Show a closed day's count without treating it as an edit."""
        self.drawer.show_count(report.counted)
        self._count_of = report.business_date
        self.opening_float.setText(str(report.opening_float))
        self._show(report)

    def count(self) -> CashCount:
        return self.drawer.count()

    def _recount(self) -> None:
        if self.base is None or self.closed_by is not None:
            return
        opening = self._opening_float()
        if opening is not None:
            self.status.clear()
            self._show(replace(self.base, counted=self.count(), opening_float=opening))

    def _opening_float(self) -> int | None:
        """The float on screen; None, and said, when it cannot be read."""
        try:
            opening = parse_rupiah(self.opening_float.text() or "0")
            if opening < 0:
                raise ValidationError("the opening float cannot be negative")
        except ValidationError as error:
            self.opening_float.setStyleSheet(ERROR_STYLE)
            self.say_error(error)
            return None
        self.opening_float.setStyleSheet("")
        return opening

    def _show(self, report: ZReport) -> None:
        self.report = report
        self.expected.setText(format_rupiah(report.expected_cash))
        self.counted.setText(format_rupiah(report.counted_cash or 0))
        difference = report.difference or 0
        self.difference.setText(format_rupiah(difference))
        self.difference.setStyleSheet(ERROR_STYLE if difference < 0 else "")
        self.preview.setHtml(self._html(report))

    def ask_close(self) -> None:
        """Ask the store for the day's figures now, then confirm those."""
        shown = self.report
        if shown is None or self.closed_by is not None:
            return
        counted, opening = self.count(), shown.opening_float
        business_date = shown.business_date
        self.calls.run(
            self.close_button,
            lambda: self.office.z_report(business_date, counted=counted, opening_float=opening),
            self._confirm,
            self._close_failed,
        )

    def _confirm(self, answer: tuple[ZReport, str | None]) -> None:
        """The day as read now, with the float the screen shows now: reading it again may have
        brought the float of a shift opened meanwhile, and the manager signs off what is shown."""
        report, closed_by = answer
        self._loaded(answer)
        if closed_by is not None or report.business_date != chosen_date(self.day):
            return
        opening = self._opening_float()
        if opening is None:
            return
        report = replace(report, opening_float=opening)
        self.confirmation = ask_confirmation(
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
        self.confirmation.finished.connect(self._answered)

    def _answered(self) -> None:
        self.confirmation = None

    def _close(self, report: ZReport) -> None:
        office = self.office
        self.calls.run(
            self.close_button,
            lambda: (office.close_day(report), office.open_day()),
            self._closed,
            self._close_failed,
        )

    def _closed(self, answer: tuple[ZReport, date]) -> None:
        report, next_day = answer
        self._loaded((report, self.office.name))
        self.say(
            self.tr(
                "Business day {day} is closed. Sales, refunds and late payments now go to "
                "business day {next}."
            ).format(day=report.business_date.isoformat(), next=next_day.isoformat())
        )

    def _close_failed(self, error: Exception) -> None:
        if isinstance(error, DayChanged):
            self._loaded((error.report, None))
        self.say_error(self.tr("The day was not closed: {error}").format(error=error))

    def document(self) -> QTextDocument:
        assert self.report is not None
        document = QTextDocument(self)
        document.setHtml(self._html(self.report))
        return document

    def _html(self, report: ZReport) -> str:
        return render_html(report, shop_name=self.office.terminal.settings.shop.name)

    def _print(self) -> None:
        if self.report is not None:
            self.output.print()

    def _ask_pdf(self) -> None:
        if self.report is not None:
            self.output.ask_pdf(
                self.tr("Save the Z report as PDF"),
                f"z-report-{self.report.business_date.isoformat()}.pdf",
            )

    def save_pdf(self, path: str) -> None:
        self.output.save_pdf(path)

    def _said(self, text: str, error: bool) -> None:
        if error:
            self.say_error(text)
        else:
            self.say(text)
