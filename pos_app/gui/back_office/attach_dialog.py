"""Attach a late payment to a sale: the manager picks, from the unpaid sales that could take it,
the one the money was for, and that sale completes with it.

Typically it is the payment's own sale, cancelled by the cashier while the customer went off with
the goods and paid anyway; sometimes the same basket rung up again as another sale. Only a sale of
exactly the payment's amount that nothing else pays is offered: a sale already paid (in cash, say)
would be paid twice, so that money goes back to the customer as a refund instead.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_rupiah
from pos_app.gui.back_office.labels import label, provider_label
from pos_app.gui.back_office.widgets import ButtonCalls, RowsModel, selected_key, table_view
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.formatting import ERROR_STYLE, OK_STYLE
from pos_app.gui.tasks import TaskRunner, run_for
from pos_app.store.problem_payments import ProblemPayment
from pos_app.store.sales import Sale
from pos_app.till.back_office import ATTACH_DAYS, BackOffice


class AttachDialog(QDialog):
    """Emits ``attached(Sale)`` once the chosen sale is completed with the payment."""

    attached = Signal(object)

    def __init__(
        self,
        office: BackOffice,
        tasks: TaskRunner,
        payment: ProblemPayment,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.office = office
        self.tasks = tasks
        self.payment = payment
        self.calls = ButtonCalls(self, tasks, self._selected)
        self.candidates: dict[int, Sale] = {}
        self.loaded = False
        self.setWindowTitle(self.tr("Attach a late payment to a sale"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        amount = format_rupiah(payment.amount or 0)
        subject = QLabel(
            self.tr("Late payment {invoice}: {amount} by {provider}, made for sale {sale}.").format(
                invoice=payment.invoice_number,
                amount=amount,
                provider=provider_label(payment.provider),
                sale=payment.sale_id,
            )
        )
        subject.setStyleSheet("font-weight: bold;")
        rules = QLabel(
            self.tr(
                "The payment completes the sale you choose, as a QR sale of today's business "
                "day. Only an open or cancelled sale of exactly {amount} can take it: its own "
                "sale, or another of the last {days} days. A sale already paid (in cash, for "
                "example) cannot: the customer would have paid twice, so refund the payment to "
                "their wallet instead."
            ).format(amount=amount, days=ATTACH_DAYS)
        )
        rules.setWordWrap(True)
        self.sales = RowsModel(
            [
                self.tr("Sale"),
                self.tr("Rung up"),
                self.tr("Status"),
                self.tr("Cashier"),
                self.tr("Items"),
                self.tr("Total"),
                self.tr("Note"),
            ],
            right=[0, 4, 5],
            parent=self,
        )
        self.view = table_view(self.sales, "attachCandidates")
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.attach_button = QPushButton(self.tr("Attach to this sale…"))
        self.attach_button.setObjectName("attachSale")
        self.attach_button.setAutoDefault(False)
        self.attach_button.clicked.connect(self.ask_attach)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.state = QLabel()
        self.state.setObjectName("attachState")
        self.state.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(subject)
        layout.addWidget(rules)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self.setMinimumSize(640, 380)
        self._selected()
        invoice = payment.invoice_number
        run_for(
            self,
            tasks,
            lambda: office.attach_candidates(invoice),
            self._show,
            lambda error: self._say(str(error), error=True),
        )

    def _show(self, sales: list[Sale]) -> None:
        zone = self.office.store.day.tz
        self.candidates = {sale.id: sale for sale in sales}
        self.sales.set_rows(
            [
                [
                    str(sale.id),
                    sale.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                    label(sale.status),
                    sale.cashier,
                    str(sum(line.quantity for line in sale.lines)),
                    format_rupiah(sale.total),
                    self.tr("the payment's own sale") if sale.id == self.payment.sale_id else "",
                ]
                for sale in sales
            ],
            list(self.candidates),
        )
        self.loaded = True
        if sales:
            self.view.selectRow(0)
        else:
            self._say(
                self.tr(
                    "No open or cancelled sale of the last {days} days totals {amount}. Refund "
                    "the payment to the customer's wallet instead."
                ).format(days=ATTACH_DAYS, amount=format_rupiah(self.payment.amount or 0)),
                error=True,
            )
        self._selected()

    def select(self, sale_id: int) -> None:
        self.view.selectRow(list(self.candidates).index(sale_id))

    def chosen(self) -> Sale | None:
        sale_id = selected_key(self.view)
        return self.candidates.get(sale_id) if sale_id is not None else None

    def _selected(self) -> None:
        self.calls.enable(self.attach_button, self.chosen() is not None)

    def ask_attach(self) -> None:
        sale = self.chosen()
        if sale is None:
            return
        ask_confirmation(
            self,
            self.tr("Attach the payment"),
            self.tr("Complete sale {sale} of {amount} with payment {invoice}?").format(
                sale=sale.id,
                amount=format_rupiah(sale.total),
                invoice=self.payment.invoice_number,
            ),
            lambda: self._attach(sale.id),
        )

    def _attach(self, sale_id: int) -> None:
        invoice = self.payment.invoice_number
        self.calls.run(
            self.attach_button,
            lambda: self.office.attach(invoice, sale_id),
            self._attached,
            self._not_attached,
        )

    def _attached(self, sale: Sale) -> None:
        self.attached.emit(sale)
        self.accept()

    def _not_attached(self, error: Exception) -> None:
        self._say(self.tr("The payment was not attached: {error}").format(error=error), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.state.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.state.setText(text)
