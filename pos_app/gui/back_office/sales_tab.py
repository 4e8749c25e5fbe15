"""The Sales tab: one business day's sales with status and tender, totals by tender and provider
(the Z report's own figures), and the takings by hour."""

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_rupiah
from pos_app.gui.back_office.hourly_chart import HourlyChart
from pos_app.gui.back_office.labels import label, provider_label
from pos_app.gui.back_office.widgets import (
    RowsModel,
    Tab,
    chosen_date,
    date_edit,
    selected_key,
    table_view,
)
from pos_app.gui.tasks import TaskRunner
from pos_app.payments.model import ProviderName
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
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        self.refund_button = QPushButton(self.tr("Refund to wallet…"))
        self.refund_button.setObjectName("refundSale")
        self.refund_button.setToolTip(self.tr("Pay money of the selected sale back to a wallet"))
        self.refund_button.setEnabled(False)
        self.refund_button.clicked.connect(self._refund)

        self.sales = RowsModel(
            [
                self.tr("Time"),
                self.tr("Sale"),
                self.tr("Status"),
                self.tr("Tender"),
                self.tr("Provider"),
                self.tr("Payment"),
                self.tr("Invoice"),
                self.tr("Cashier"),
                self.tr("Total"),
            ],
            right=[1, 8],
            parent=self,
        )
        self.sales_view = table_view(self.sales, "salesTable")
        self.sales_view.selectionModel().selectionChanged.connect(self._selection_changed)
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
        top.addWidget(refresh)
        top.addStretch(1)
        top.addWidget(self.refund_button)
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
        layout.addWidget(split, 3)
        layout.addWidget(QLabel(self.tr("Takings by hour")))
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.status)
        self.shown: DaySales | None = None

    def refresh(self) -> None:
        super().refresh()
        business_date = chosen_date(self.day)
        self.run(lambda: self.office.day_sales(business_date), self._show)

    def _show(self, day: DaySales) -> None:
        if day.business_date != chosen_date(self.day):
            return  # an answer for a day no longer chosen
        self.shown = day
        zone = self.office.store.day.tz
        self.sales.set_rows(
            [_sale_row(sale, zone) for sale in day.sales], [sale.sale_id for sale in day.sales]
        )
        report = day.report
        rows = [
            [_tender_label(t.tender, t.provider), str(t.count), format_rupiah(t.total)]
            for t in report.tenders
        ]
        rows += [
            [self.tr("Gross sales"), str(report.sales_count), format_rupiah(report.sales_total)],
            [self.tr("Refunds"), str(report.refunds_count), format_rupiah(-report.refunds_total)],
            [self.tr("Net takings"), "", format_rupiah(report.net_total)],
        ]
        self.totals.set_rows(rows)
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
        sale = self._selected_sale()
        self.refund_button.setEnabled(sale is not None and sale.status == "completed")

    def _selected_sale(self) -> DaySale | None:
        sale_id = selected_key(self.sales_view)
        if sale_id is None or self.shown is None:
            return None
        return next((sale for sale in self.shown.sales if sale.sale_id == sale_id), None)

    def _refund(self) -> None:
        sale = self._selected_sale()
        if sale is not None:
            self.refund_requested.emit(sale.sale_id)


def _tender_label(tender: Tender, provider: ProviderName | None) -> str:
    if tender is Tender.CASH or provider is None:  # the Z report gives cash no provider
        return QCoreApplication.translate("SalesTab", "Cash")
    return f"{label(tender)} — {provider_label(provider)}"


def _sale_row(sale: DaySale, zone: ZoneInfo) -> list[str]:
    moment = (sale.completed_at or sale.created_at).astimezone(zone)
    return [
        moment.strftime("%H:%M"),
        str(sale.sale_id),
        label(sale.status),
        label(sale.tender) if sale.tender else "",
        provider_label(sale.provider),
        label(sale.payment_state) if sale.payment_state else "",
        sale.invoice_number,
        sale.cashier,
        format_rupiah(sale.total),
    ]
