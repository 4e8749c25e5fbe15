"""One sale in full for the manager: what was sold, how it was paid, every payment attempt and the
events that moved it, its status history and its refunds; and its receipt printed again, marked
COPY. Read off the GUI thread, from one snapshot of the store."""

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.lifecycles import RefundStatus, SaleStatus
from pos_app.domain.money import format_rupiah
from pos_app.domain.texts import say
from pos_app.gui.back_office.labels import label, provider_label
from pos_app.gui.back_office.widgets import ButtonCalls, RowsModel, table_view
from pos_app.gui.formatting import ERROR_STYLE, OK_STYLE
from pos_app.gui.receipt import ReceiptDialog
from pos_app.gui.tasks import TaskRunner, run_for
from pos_app.store.sales import Sale, Tender
from pos_app.till.back_office import BackOffice
from pos_app.till.receipts import receipt_data
from pos_app.till.return_receipts import METHOD_NAMES
from pos_app.till.sale_detail import SaleDetail


class SaleDetailDialog(QDialog):
    def __init__(
        self, office: BackOffice, tasks: TaskRunner, sale_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.office = office
        self.tasks = tasks
        self.sale_id = sale_id
        self.calls = ButtonCalls(self, tasks, self._buttons)
        self.detail: SaleDetail | None = None
        self.receipt: ReceiptDialog | None = None
        self.setObjectName("saleDetail")
        self.setWindowTitle(self.tr("Sale {sale}").format(sale=sale_id))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(820, 560)

        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("saleSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines = RowsModel(
            [
                self.tr("Product"),
                self.tr("SKU"),
                self.tr("Qty"),
                self.tr("Price"),
                self.tr("Total"),
            ],
            right=[2, 3, 4],
            parent=self,
        )
        self.tenders = RowsModel(
            [
                self.tr("Tender"),
                self.tr("Invoice"),
                self.tr("Reference"),
                self.tr("Amount"),
                self.tr("Received"),
                self.tr("Change"),
            ],
            right=[3, 4, 5],
            parent=self,
        )
        self.attempts = RowsModel(
            [
                self.tr("Invoice"),
                self.tr("Provider"),
                self.tr("Asked"),
                self.tr("Paid"),
                self.tr("State"),
                self.tr("Late"),
            ],
            right=[2, 3],
            parent=self,
        )
        self.events = RowsModel(
            [
                self.tr("Time"),
                self.tr("Invoice"),
                self.tr("From"),
                self.tr("State"),
                self.tr("Outcome"),
            ],
            parent=self,
        )
        self.history = RowsModel(
            [self.tr("Time"), self.tr("From"), self.tr("To"), self.tr("By"), self.tr("Who")],
            parent=self,
        )
        self.refunds = RowsModel(
            [
                self.tr("Time"),
                self.tr("Payout"),
                self.tr("Amount"),
                self.tr("Status"),
                self.tr("Approved by"),
                self.tr("Reason"),
            ],
            right=[2],
            parent=self,
        )
        self.returns = RowsModel(
            [
                self.tr("Time"),
                self.tr("Items"),
                self.tr("Money back"),
                self.tr("Paid back"),
                self.tr("Cashier"),
                self.tr("Approved by"),
            ],
            right=[2],
            parent=self,
        )
        payments = QWidget()
        payments_layout = QVBoxLayout(payments)
        payments_layout.addWidget(table_view(self.attempts, "saleAttempts"), 1)
        payments_layout.addWidget(QLabel(self.tr("Payment events")))
        payments_layout.addWidget(table_view(self.events, "saleEvents"), 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(table_view(self.lines, "saleLines"), self.tr("Lines"))
        self.tabs.addTab(table_view(self.tenders, "saleTenders"), self.tr("Tenders"))
        self.tabs.addTab(payments, self.tr("Payments"))
        self.tabs.addTab(table_view(self.history, "saleHistory"), self.tr("History"))
        self.tabs.addTab(table_view(self.refunds, "saleRefunds"), self.tr("Refunds"))
        self.tabs.addTab(table_view(self.returns, "saleReturns"), self.tr("Returns"))

        self.reprint_button = QPushButton(self.tr("Reprint receipt (COPY)"))
        self.reprint_button.setObjectName("reprintSale")
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self.reprint)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        run_for(self, tasks, lambda: office.sale_detail(sale_id), self._show, self._failed)

    def reprint(self) -> None:
        """The receipt again, marked COPY; the reprint is audited first."""
        sale_id = self.sale_id
        self.calls.run(
            self.reprint_button, lambda: self.office.reprint(sale_id), self._print, self._failed
        )

    def _buttons(self) -> None:
        """Only a completed sale has a receipt to print again."""
        completed = self.detail is not None and self.detail.sale.status is SaleStatus.COMPLETED
        self.calls.enable(self.reprint_button, completed)

    def _print(self, sale: Sale) -> None:
        data = receipt_data(sale, self.office.terminal.settings, copy=True)
        self.receipt = ReceiptDialog(data, self, printer=self.office.terminal.printer)
        self.receipt.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.receipt.open()
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(
            self.tr("Receipt {number} printed again as a COPY.").format(number=sale.receipt_number)
        )

    def _failed(self, error: Exception) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(str(error))

    def _show(self, detail: SaleDetail) -> None:
        self.detail = detail
        sale = detail.sale
        zone = self.office.store.day.tz
        self.summary.setText(_summary(sale, zone))
        self.lines.set_rows(
            [
                [
                    line.name,
                    line.sku,
                    str(line.quantity),
                    format_rupiah(line.unit_price),
                    format_rupiah(line.line_total),
                ]
                for line in sale.lines
            ]
        )
        self.tenders.set_rows(_tender_rows(sale))
        self.attempts.set_rows(
            [
                [
                    attempt.invoice_number,
                    provider_label(attempt.provider),
                    format_rupiah(attempt.amount),
                    attempt.paid_text if attempt.paid_amount is not None else "",
                    label(attempt.state),
                    self.tr("late") if attempt.late else "",
                ]
                for attempt in detail.attempts
            ]
        )
        self.events.set_rows(
            [
                [
                    _when(event.created_at, zone),
                    attempt.invoice_number,
                    label(event.source),
                    label(event.state),
                    label(event.outcome),
                ]
                for attempt in detail.attempts
                for event in attempt.events
            ]
        )
        self.history.set_rows(
            [
                [
                    _when(change.at, zone),
                    label(change.before) if change.before else "",
                    label(change.after),
                    label(change.source),
                    change.actor,
                ]
                for change in detail.history
            ]
        )
        self.refunds.set_rows(
            [
                [
                    _when(refund.completed_at or refund.created_at, zone),
                    refund.payout_id,
                    format_rupiah(refund.amount),
                    self.tr("{state}, then reversed").format(state=label(refund.status))
                    if refund.reversed_at is not None and refund.status is RefundStatus.PAID
                    else label(refund.status),
                    refund.approved_by,
                    refund.reason,
                ]
                for refund in detail.refunds
            ]
        )
        self.returns.set_rows(
            [
                [
                    _when(returned.created_at, zone),
                    ", ".join(f"{line.quantity} × {line.name}" for line in returned.lines),
                    format_rupiah(returned.amount),
                    say(METHOD_NAMES[returned.method]),
                    returned.cashier,
                    returned.approved_by,
                ]
                for returned in detail.returns
            ]
        )
        self._buttons()


def _tr(text: str) -> str:
    """The dialog's texts for the summary, which is built outside the class."""
    return QCoreApplication.translate("SaleDetailDialog", text)


def _when(moment: datetime, zone: ZoneInfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M:%S}"


def _summary(sale: Sale, zone: ZoneInfo) -> str:
    facts = [
        _tr("Receipt no. {number}").format(number=sale.receipt_number or "—"),
        _tr("Status: {status}").format(status=label(sale.status)),
        _tr("Business day {day}").format(day=sale.business_date.isoformat()),
        _tr("Opened {time}").format(time=_when(sale.created_at, zone)),
    ]
    if sale.completed_at is not None:
        facts.append(_tr("Completed {time}").format(time=_when(sale.completed_at, zone)))
    facts += [
        _tr("Cashier: {name}").format(name=sale.cashier),
        _tr("Terminal: {terminal}").format(terminal=sale.terminal_id),
        _tr("Total: {total}").format(total=format_rupiah(sale.total)),
    ]
    return " · ".join(facts)


def _tender_rows(sale: Sale) -> list[list[str]]:
    """The tender that completed the sale; none for a sale not completed."""
    if sale.tender is Tender.CASH:
        return [
            [
                label(Tender.CASH),
                "",
                "",
                format_rupiah(sale.total),
                format_rupiah(sale.cash_received or 0),
                format_rupiah(sale.change_due or 0),
            ]
        ]
    if sale.tender is Tender.QR:
        name = provider_label(sale.provider) or label(Tender.QR)
        return [
            [
                name,
                sale.invoice_number or "",
                sale.payment_reference or "",
                format_rupiah(sale.total),
                "",
                "",
            ]
        ]
    return []
