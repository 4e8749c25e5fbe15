"""The Export tab: the files for the accountant, for a day or a range, with a progress bar and
Cancel: sale lines, sales or payments as a CSV file (plain, or for Excel in an Indonesian locale),
or all three as sheets of one Excel workbook. The tab says in the shop's words what each file
holds and which to hand over.

The "Whole shop" choice writes one business day for every till of the shop, from the files each
till uploaded to the relay (``till/uploads.py``); the "Tills' uploads" table shows how far each
till has uploaded, and this till's own days still waiting.

The export runs on a worker with a database connection of its own; progress comes back through
queued signals. A cancel is seen within :data:`~pos_app.reports.sales_csv.PROGRESS_EVERY` rows,
and a cancelled or failed export leaves no file (it is written to a temporary name first).
"""

import threading
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.clients.relay_client import RelayClient, RelayUnreachable, TillUploads
from pos_app.domain.money import format_rupiah
from pos_app.gui.back_office.widgets import (
    RowsModel,
    Tab,
    choose_file,
    chosen_date,
    date_edit,
    table_view,
)
from pos_app.gui.formatting import ERROR_STYLE
from pos_app.gui.tasks import TaskRunner
from pos_app.reports.accountant_files import (
    AccountantFile,
    FileFormat,
    FileKind,
    FileRequest,
    Part,
)
from pos_app.reports.payments_csv import PaymentsSummary
from pos_app.reports.sales_csv import ExportCancelled
from pos_app.till.back_office import BackOffice
from pos_app.till.uploads import ShopExport, UploadStatus, export_shop_day, upload_status


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
        self.lines = QRadioButton(self.tr("Sale lines: one row per product sold"))
        self.lines.setObjectName("exportLines")
        self.lines.setChecked(True)
        self.per_sale = QRadioButton(self.tr("Sales: one row per sale"))
        self.per_sale.setObjectName("exportSales")
        self.payments = QRadioButton(self.tr("Payments: one row per DOKU Wallet payment or payout"))
        self.payments.setObjectName("exportPayments")
        kinds = QButtonGroup(self)
        for button in (self.lines, self.per_sale, self.payments):
            kinds.addButton(button)
        self.csv = QRadioButton(self.tr("CSV file"))
        self.csv.setObjectName("exportCsv")
        self.csv.setChecked(True)
        self.workbook = QRadioButton(self.tr("Excel workbook: sale lines, sales and payments"))
        self.workbook.setObjectName("exportXlsx")
        formats = QButtonGroup(self)
        formats.addButton(self.csv)
        formats.addButton(self.workbook)
        self.excel_id = QCheckBox(self.tr("For Excel in Indonesian (opens with a double click)"))
        self.excel_id.setObjectName("exportExcelId")
        self.workbook.toggled.connect(self._format_chosen)
        self.whole_shop = QCheckBox(
            self.tr("Whole shop: every till's files of the first business day, from the relay")
        )
        self.whole_shop.setObjectName("exportWholeShop")
        self.whole_shop.toggled.connect(lambda shop: self.last_day.setEnabled(not shop))
        self.uploads = RowsModel(
            [
                self.tr("Till"),
                self.tr("Last upload"),
                self.tr("Latest day"),
                self.tr("Closed through"),
            ],
            parent=self,
        )
        self.uploads_view = table_view(self.uploads, "tillUploads")
        self.own_uploads = QLabel()
        self.own_uploads.setObjectName("ownUploads")
        self.own_uploads.setWordWrap(True)
        self.own_refused = QLabel()
        self.own_refused.setObjectName("uploadsRefused")
        self.own_refused.setWordWrap(True)
        self.own_refused.setStyleSheet(ERROR_STYLE)
        self.uploads_unknown = QLabel()
        self.uploads_unknown.setObjectName("uploadsUnknown")
        self.uploads_unknown.setWordWrap(True)
        self.uploads_unknown.setStyleSheet(ERROR_STYLE)
        refresh_uploads = QPushButton(self.tr("Refresh uploads"))
        refresh_uploads.setObjectName("refreshUploads")
        refresh_uploads.clicked.connect(self.refresh)
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
        form.addWidget(QLabel(self.tr("Rows")), 2, 0)
        form.addWidget(self.lines, 2, 1)
        form.addWidget(self.per_sale, 3, 1)
        form.addWidget(self.payments, 4, 1)
        form.addWidget(QLabel(self.tr("File")), 5, 0)
        form.addWidget(self.csv, 5, 1)
        form.addWidget(self.excel_id, 6, 1)
        form.addWidget(self.workbook, 7, 1)
        form.addWidget(QLabel(self.tr("Tills")), 8, 0)
        form.addWidget(self.whole_shop, 8, 1)
        form.setColumnStretch(2, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Sale lines: every product sold on the chosen business days, with its discount "
                "and PPN, and every refund paid; the file the accountant books from. Sales: the "
                "same money, one row per sale with its total and how it was paid. Payments: every "
                "DOKU Wallet payment and payout the provider handled, with its reference, to tick "
                "off against the provider's settlement report; it also lists payments no sale "
                "took (late, or another amount) and what was paid back.\n"
                "Give the accountant the Excel workbook, which holds all three. A CSV file opens "
                "in any spreadsheet through its import; tick “For Excel in Indonesian” for one "
                "that Excel set to Indonesian opens with a double click."
            )
        )
        hint.setObjectName("exportHint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("Tills' uploads")))
        layout.addWidget(self.uploads_view)
        layout.addWidget(self.uploads_unknown)
        uploads_row = QHBoxLayout()
        uploads_row.addWidget(self.own_uploads, 1)
        uploads_row.addWidget(refresh_uploads)
        layout.addLayout(uploads_row)
        layout.addWidget(self.own_refused)

    @property
    def relay(self) -> RelayClient | None:
        return self.office.terminal.relay

    def refresh(self) -> None:
        """This till's days waiting to upload, and every till's uploads as the relay knows them."""
        super().refresh()
        store = self.office.store
        self.run(lambda: upload_status(store), self._own_status)
        relay = self.relay
        if relay is None:
            self.uploads.set_rows([])
            return
        self.run(relay.shop_uploads, self._tills_uploads, self._uploads_unknown)

    @property
    def kind(self) -> FileKind:
        if self.per_sale.isChecked():
            return FileKind.SALES
        return FileKind.PAYMENTS if self.payments.isChecked() else FileKind.LINES

    def request(self) -> FileRequest:
        """The file the tab's choices ask for."""
        first, last = chosen_date(self.first_day), chosen_date(self.last_day)
        if self.workbook.isChecked():
            return FileRequest(tuple(FileKind), first, last, FileFormat.XLSX)
        return FileRequest((self.kind,), first, last, FileFormat.CSV, self.excel_id.isChecked())

    def ask_path(self) -> None:
        first, last = chosen_date(self.first_day), chosen_date(self.last_day)
        if self.whole_shop.isChecked():
            self._ask_shop_path(first)
            return
        if last < first:
            self.say_error(self.tr("The range ends before it starts."))
            return
        span = first.isoformat() if first == last else f"{first.isoformat()}_{last.isoformat()}"
        if self.workbook.isChecked():
            title, name = self.tr("Export as an Excel workbook"), f"kasir-{span}.xlsx"
            files, suffix = self.tr("Excel workbooks (*.xlsx)"), "xlsx"
        else:
            title, name = self.tr("Export as CSV"), f"{self.kind.value}-{span}.csv"
            files, suffix = self.tr("CSV files (*.csv)"), "csv"
        choose_file(self, title, name, files, self.export_to, save=True, suffix=suffix)

    def _ask_shop_path(self, day: date) -> None:
        if self.workbook.isChecked():
            title, name = self.tr("Export the whole shop as an Excel workbook"), f"shop-{day}.xlsx"
            files, suffix = self.tr("Excel workbooks (*.xlsx)"), "xlsx"
        else:
            title, name = (
                self.tr("Export the whole shop as CSV"),
                f"shop-{self.kind.value}-{day}.csv",
            )
            files, suffix = self.tr("CSV files (*.csv)"), "csv"
        choose_file(self, title, name, files, self.export_shop_to, save=True, suffix=suffix)

    def export_shop_to(self, path: str) -> None:
        """The chosen day of every till, fetched from the relay (this till's pending days sent
        first) and written on a worker."""
        relay = self.relay
        if self.running:
            return
        if relay is None:
            self.say_error(self.tr("This till has no relay: the whole shop's files are there."))
            return
        request = self.request()
        day = request.first_day
        own = (self.office.store, self.office.terminal.settings.terminal_id)
        self._start(path, cancellable=False)
        self.run(
            lambda: export_shop_day(
                relay, Path(path), day, request.kinds, request.file_format, request.excel_id, own
            ),
            self._shop_done,
            self._failed,
        )

    def _start(self, path: str, *, cancellable: bool) -> None:
        self.running = True
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(cancellable)
        self.progress.setRange(0, 0)  # busy until the rows are counted
        self.progress.setVisible(True)
        self.say(self.tr("Exporting to {path}…").format(path=path))

    def export_to(self, path: str) -> None:
        if self.running:
            return
        request = self.request()
        self._cancel = threading.Event()
        cancel = self._cancel
        self._start(path, cancellable=True)
        signals = self._progress
        self.run(
            lambda: self.office.export_files(
                Path(path),
                request,
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

    def _format_chosen(self, workbook: bool) -> None:
        """A workbook holds every kind of rows, and needs no CSV option."""
        for choice in (self.lines, self.per_sale, self.payments, self.excel_id):
            choice.setEnabled(not workbook)

    def _done(self, written: AccountantFile) -> None:
        self._finish()
        self.progress.setValue(self.progress.maximum())
        self.say(
            self.tr("Exported {rows} rows ({parts}) to {path}.").format(
                rows=written.rows,
                parts="; ".join(self._part_text(part) for part in written.parts),
                path=written.path,
            )
        )

    def _shop_done(self, export: ShopExport) -> None:
        self._done(export.written)
        said = [
            self.status.text(),
            self.tr("Tills in the file: {tills}.").format(tills=", ".join(export.tills)),
        ]
        if export.missing:
            said.append(
                self.tr("Not uploaded yet, so not in the file: {tills}.").format(
                    tills=", ".join(export.missing)
                )
            )
        tz = self.office.store.day.tz
        behind = self.tr(
            "Till {till} is in the file as uploaded {uploaded}: the relay refused its later "
            "upload ({reason}), so the file may lack its sales since. Fix that till's upload and "
            "export again."
        )
        said.extend(
            behind.format(
                till=till.till_id,
                uploaded=_local(datetime.fromisoformat(till.uploaded_at), tz),
                reason=till.reason,
            )
            for till in export.behind
        )
        if export.missing or export.behind:
            self.say_error(" ".join(said))
        else:
            self.say(" ".join(said))

    def _own_status(self, status: UploadStatus) -> None:
        tz = self.office.store.day.tz
        last = _local(status.last_upload, tz) if status.last_upload else self.tr("never")
        if status.pending:
            days = ", ".join(day.business_date.isoformat() for day in status.pending)
            text = self.tr(
                "This till: {count} days waiting to upload ({days}); last upload {last}."
            )
            said = text.format(count=len(status.pending), days=days, last=last)
        else:
            said = self.tr("This till: every day uploaded; last upload {last}.").format(last=last)
        refused = self.tr("The relay refused {day}: {reason}. It goes again once that day changes.")
        restored = self.tr(
            "This till's database was restored from a backup: its own files of {days} may lack "
            "sales the relay keeps. Export the whole shop for those days."
        )
        self.own_uploads.setText(
            " ".join(
                [said]
                + (
                    [restored.format(days=", ".join(day.isoformat() for day in status.restored))]
                    if status.restored
                    else []
                )
            )
        )
        # a problem: the shop's file of such a day holds this till's older copy until it goes
        self.own_refused.setText(
            " ".join(
                refused.format(day=day.business_date.isoformat(), reason=day.reason)
                for day in status.refused
            )
        )

    def _tills_uploads(self, tills: tuple[TillUploads, ...]) -> None:
        self.uploads_unknown.clear()
        tz = self.office.store.day.tz
        none = self.tr("none")
        self.uploads.set_rows(
            [
                (
                    till.label,
                    _local(datetime.fromisoformat(till.last_upload_at), tz)
                    if till.last_upload_at
                    else self.tr("never"),
                    till.latest_day or none,
                    till.closed_through or none,
                )
                for till in tills
            ]
        )

    def _uploads_unknown(self, error: Exception) -> None:
        """Said under the table, so an export's own message in the status line stays."""
        self.uploads.set_rows([])
        if isinstance(error, RelayUnreachable):
            text = self.tr(
                "The relay cannot be reached, so the tills' uploads are unknown: {error}"
            )
            self.uploads_unknown.setText(text.format(error=error))
        else:
            self.uploads_unknown.setText(str(error))

    def _part_text(self, part: Part) -> str:
        if isinstance(part, PaymentsSummary) and part.provider_refunds:
            return self.tr(
                "{payments} payments, {payouts} payouts, {refunds} refunds at the provider"
            ).format(payments=part.payments, payouts=part.payouts, refunds=part.provider_refunds)
        if isinstance(part, PaymentsSummary):
            return self.tr("{payments} payments, {payouts} payouts").format(
                payments=part.payments, payouts=part.payouts
            )
        return self.tr("{sales} sales, {refunds} refunds, {returns} returns, {total}").format(
            sales=part.sales,
            refunds=part.refunds,
            returns=part.returns,
            total=format_rupiah(part.total),
        )

    def _failed(self, error: Exception) -> None:
        self._finish()
        self.progress.setVisible(False)
        if isinstance(error, ExportCancelled):
            self.say(self.tr("Export cancelled; no file was written."))
        elif isinstance(error, RelayUnreachable):
            self.say_error(
                self.tr(
                    "The relay cannot be reached, so no whole-shop file was written; try again "
                    "when this till is online: {error}"
                ).format(error=error)
            )
        else:
            self.say_error(
                self.tr("The export failed; no file was written: {error}").format(error=error)
            )

    def _finish(self) -> None:
        self.running = False
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(False)


def _local(moment: datetime, tz: tzinfo) -> str:
    """A UTC moment (the relay's text may carry no offset) as the shop's clock shows it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")
