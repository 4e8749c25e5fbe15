"""The Sales tab: one business day's sales with status and tender, totals by tender and provider
(the Z report's own figures), and the takings by hour; and the lookup of any sale by its receipt
or invoice number, amount or time, whose detail opens from the list (double-click or Open)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QModelIndex, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import SaleStatus
from pos_app.domain.money import format_rupiah, parse_rupiah
from pos_app.gui.back_office.hourly_chart import HourlyChart
from pos_app.gui.back_office.labels import label, provider_label
from pos_app.gui.back_office.sale_detail import SaleDetailDialog
from pos_app.gui.back_office.widgets import (
    RowsModel,
    Tab,
    chosen_date,
    date_edit,
    selected_key,
    show_whole,
    table_view,
)
from pos_app.gui.formatting import CLOCK_TIME
from pos_app.gui.tasks import TaskRunner
from pos_app.payments.model import ProviderName
from pos_app.store.sale_lookup import SaleQuery
from pos_app.store.sales import Tender
from pos_app.till.back_office import BackOffice
from pos_app.till.day_sales import DaySale, DaySales


class SalesTab(Tab):
    """``refund_requested(sale_id)`` asks the window to open the refund dialog for a sale."""

    refund_requested = Signal(int)

    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(office, tasks, parent)
        self.day = date_edit(office.today(), "salesDay")
        self.day.dateChanged.connect(lambda _date: self.refresh())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshSales")
        self.refresh_button.setToolTip(self.tr("The chosen day's sales, also after a lookup"))
        self.refresh_button.clicked.connect(self.refresh)
        self.refund_button = QPushButton(self.tr("Refund to wallet…"))
        self.refund_button.setObjectName("refundSale")
        self.refund_button.setToolTip(self.tr("Pay money of the selected sale back to a wallet"))
        self.refund_button.setEnabled(False)
        self.refund_button.clicked.connect(self._refund)
        self.open_button = QPushButton(self.tr("Open sale…"))
        self.open_button.setObjectName("openSale")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_selected)

        self.find_number = QLineEdit()
        self.find_number.setObjectName("findNumber")
        self.find_number.setPlaceholderText(self.tr("Receipt or invoice number"))
        self.find_number.setClearButtonEnabled(True)
        self.find_amount = QLineEdit()
        self.find_amount.setObjectName("findAmount")
        self.find_amount.setPlaceholderText(self.tr("Amount"))
        self.find_amount.setMaximumWidth(120)
        self.find_between = QCheckBox(self.tr("Between"))
        self.find_between.setObjectName("findBetween")
        self.find_from = _time_edit("findFrom")
        self.find_to = _time_edit("findTo")
        for edit in (self.find_from, self.find_to):
            edit.setEnabled(False)
            self.find_between.toggled.connect(edit.setEnabled)
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setObjectName("findSales")
        self.find_button.clicked.connect(self.find_sales)
        for line in (self.find_number, self.find_amount):
            line.returnPressed.connect(self.find_sales)
        self.found_label = QLabel()
        self.found_label.setObjectName("foundSales")
        self.found_label.setWordWrap(True)
        self.found: tuple[DaySale, ...] | None = None
        """The lookup's answer while the list shows it; ``None``: the list shows the day."""

        self.sales = RowsModel(
            [
                self.tr("Time"),
                self.tr("Sale"),
                self.tr("Receipt"),
                self.tr("Status"),
                self.tr("Tender"),
                self.tr("Provider"),
                self.tr("Payment"),
                self.tr("Invoice"),
                self.tr("Cashier"),
                self.tr("Total"),
            ],
            right=[1, 9],
            parent=self,
        )
        self.sales_view = table_view(self.sales, "salesTable")
        self.sales_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.sales_view.doubleClicked.connect(self._open_row)
        self.totals = RowsModel(
            [self.tr("Tender"), self.tr("Sales"), self.tr("Amount")], right=[1, 2], parent=self
        )
        self.totals_view = table_view(self.totals, "tenderTotals")
        self.summary = QLabel()
        self.summary.setObjectName("salesSummary")
        self.summary.setWordWrap(True)
        self.chart = HourlyChart()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Business day")))
        top.addWidget(self.day)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.refund_button)
        finder = QHBoxLayout()
        finder.addWidget(QLabel(self.tr("Find a sale")))
        finder.addWidget(self.find_number, 2)
        finder.addWidget(self.find_amount, 1)
        finder.addWidget(self.find_between)
        finder.addWidget(self.find_from)
        finder.addWidget(self.find_to)
        finder.addWidget(self.find_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.totals_view, 1)
        side_layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.sales_view)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([840, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(finder)
        layout.addWidget(self.found_label)
        layout.addWidget(split, 3)
        layout.addWidget(QLabel(self.tr("Takings by hour")))
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.status)
        self.shown: DaySales | None = None
        self.detail: SaleDetailDialog | None = None
        self._statuses: dict[int, SaleStatus] = {}
        """The status of each sale listed, by id: what the buttons are enabled for."""

    def refresh(self) -> None:
        super().refresh()
        business_date = chosen_date(self.day)
        self._set_time_range(business_date)
        office, zone = self.office, self.office.store.day.tz
        self.run(lambda: _listed(office.day_sales(business_date), zone), self._show)

    def find_sales(self) -> None:
        """Look the sale up by what the finder holds; the list shows what is found."""
        try:
            query = self._query()
        except ValidationError as error:
            self.say_error(error)
            return
        self.find_button.setEnabled(False)
        office, zone = self.office, self.office.store.day.tz
        self.run(
            lambda: _found(office.find_sales(query), zone), self._show_found, self._find_failed
        )

    def open_detail(self, sale_id: int) -> SaleDetailDialog:
        dialog = SaleDetailDialog(self.office, self.tasks, sale_id, parent=self)
        self.detail = dialog
        dialog.open()
        return dialog

    def _query(self) -> SaleQuery:
        amount_text = self.find_amount.text().strip()
        since = until = None
        if self.find_between.isChecked():
            zone = self.office.store.day.tz
            since = _moment(self.find_from, zone)
            until = _moment(self.find_to, zone)
        return SaleQuery(
            number=self.find_number.text(),
            amount=parse_rupiah(amount_text) if amount_text else None,
            since=since,
            until=until,
        )

    def _show_found(self, answer: tuple[tuple[DaySale, ...], list[list[str]]]) -> None:
        sales, rows = answer
        self.find_button.setEnabled(True)
        self.found = sales
        self._statuses = {sale.sale_id: sale.status for sale in sales}
        self.sales.set_rows(rows, [sale.sale_id for sale in sales])
        self.found_label.setText(
            self.tr("{count} sales found. Refresh lists the chosen day again.").format(
                count=len(sales)
            )
        )
        self.status.clear()
        self._selection_changed()
        if len(sales) == 1:
            self.sales_view.selectRow(0)

    def _find_failed(self, error: Exception) -> None:
        self.find_button.setEnabled(True)
        self.say_error(error)

    def _set_time_range(self, business_date: date) -> None:
        """The time range starts as the chosen business day, in the shop's time."""
        zone = self.office.store.day.tz
        start, end = self.office.store.day.bounds(business_date)
        for edit, moment in ((self.find_from, start), (self.find_to, end)):
            local = moment.astimezone(zone)
            edit.setDateTime(
                QDateTime(
                    QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
                )
            )

    def _show(self, answer: tuple[DaySales, list[list[str]]]) -> None:
        day, sale_rows = answer
        if day.business_date != chosen_date(self.day):
            return  # an answer for a day no longer chosen
        self.shown = day
        self.found = None
        self.found_label.clear()
        self._statuses = {sale.sale_id: sale.status for sale in day.sales}
        self.sales.set_rows(sale_rows, [sale.sale_id for sale in day.sales])
        report = day.report
        rows = [
            [_tender_label(t.tender, t.provider), str(t.count), format_rupiah(t.total)]
            for t in report.tenders
        ]
        rows += [
            [self.tr("Gross sales"), str(report.sales_count), format_rupiah(report.sales_total)],
            [self.tr("Refunds"), str(report.refunds_count), format_rupiah(-report.refunds_total)],
            [self.tr("Returns"), str(report.returns_count), format_rupiah(-report.returns_total)],
        ]
        if report.reversals_count:
            count, total = str(report.reversals_count), format_rupiah(report.reversals_total)
            rows.append([self.tr("Payouts reversed"), count, total])
        rows.append([self.tr("Net takings"), "", format_rupiah(report.net_total)])
        self.totals.set_rows(rows)
        show_whole(self.totals_view)
        self.summary.setText(
            self.tr(
                "{sales} sales listed: {completed} completed, {cancelled} cancelled. "
                "Late payments: {late}."
            ).format(
                sales=len(day.sales),
                completed=report.sales_count,
                cancelled=report.cancelled_sales,
                late=len(report.late_payments),
            )
        )
        self.chart.set_hours(day.hours)
        self.status.clear()
        self._selection_changed()

    def _selection_changed(self) -> None:
        sale_id = selected_key(self.sales_view)
        status = self._statuses.get(sale_id) if sale_id is not None else None
        self.open_button.setEnabled(status is not None)
        self.refund_button.setEnabled(status is SaleStatus.COMPLETED)

    def _open_selected(self) -> None:
        sale_id = selected_key(self.sales_view)
        if sale_id is not None:
            self.open_detail(sale_id)

    def _open_row(self, index: QModelIndex) -> None:
        self.open_detail(self.sales.key(index.row()))

    def _refund(self) -> None:
        sale_id = selected_key(self.sales_view)
        if self._statuses.get(sale_id) is SaleStatus.COMPLETED:
            self.refund_requested.emit(sale_id)


def _tender_label(tender: Tender, provider: ProviderName | None) -> str:
    if tender is Tender.CASH or provider is None:  # the Z report gives cash no provider
        return QCoreApplication.translate("SalesTab", "Cash")
    return f"{label(tender)} — {provider_label(provider)}"


def _time_edit(name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def _moment(edit: QDateTimeEdit, zone: ZoneInfo) -> datetime:
    """The shop-time moment an edit shows, as an aware datetime."""
    shown = edit.dateTime()
    day, clock = shown.date(), shown.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=zone)


def _listed(day: DaySales, zone: ZoneInfo) -> tuple[DaySales, list[list[str]]]:
    """The day's sales with the list's rows, made on the worker: the words and times of a day's
    200 sales took 3 ms of the GUI thread."""
    return day, [_sale_row(sale, zone) for sale in day.sales]


def _found(
    sales: tuple[DaySale, ...], zone: ZoneInfo
) -> tuple[tuple[DaySale, ...], list[list[str]]]:
    """A lookup's answer with the list's rows, made on the worker; it spans days, so its rows
    show the date with the time."""
    return sales, [_sale_row(sale, zone, "%Y-%m-%d %H:%M") for sale in sales]


def _sale_row(sale: DaySale, zone: ZoneInfo, time_format: str = CLOCK_TIME) -> list[str]:
    """A listed sale (on the worker: its words are translated there, which Qt allows)."""
    moment = (sale.completed_at or sale.created_at).astimezone(zone)
    return [
        moment.strftime(time_format),
        str(sale.sale_id),
        sale.receipt_number,
        label(sale.status),
        label(sale.tender) if sale.tender else "",
        provider_label(sale.provider),
        label(sale.payment_state) if sale.payment_state else "",
        sale.invoice_number,
        sale.cashier,
        format_rupiah(sale.total),
    ]
