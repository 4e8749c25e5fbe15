"""Returning items at the counter (F3): the receipt number, typed or scanned, finds the sale; the
cashier sets how many of each line come back and how the money goes back; a manager approves it
with their PIN at the till; the return receipt then shows, to print or save. A wallet return of the
sale whose payout failed is offered to be made again: its items, money back another way.

Every look-up and the return itself run on a worker; the money each line gives back is worked
out here as the quantities change, by the same rule the store applies (``domain/returns.py``).
"""

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.errors import KasirError
from pos_app.domain.money import format_rupiah
from pos_app.domain.returns import ReturnMethod
from pos_app.gui.document_preview import DocumentPreview
from pos_app.gui.formatting import ERROR_STYLE, OK_STYLE
from pos_app.gui.tasks import TaskRunner, run_for
from pos_app.store.returns import ReturnableSale
from pos_app.store.users import Role, User
from pos_app.till.receipts import PrintedReceipts, return_key
from pos_app.till.return_receipts import return_receipt_html
from pos_app.till.returns import ReturnDesk, ReturnOutcome

_ITEM, _SOLD, _LEFT, _BACK, _MONEY = range(5)


class ReturnDialog(QDialog):
    """Emits ``returned(ReturnOutcome)`` once a return is written."""

    returned = Signal(object)

    def __init__(
        self,
        desk: ReturnDesk,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        number: str = "",
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.sale: ReturnableSale | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Return items"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(640, 560)
        self.receipt = QLineEdit()
        self.receipt.setObjectName("returnReceipt")
        self.receipt.setPlaceholderText(self.tr("Scan or type the receipt number"))
        self.receipt.returnPressed.connect(self.look_up)
        self.receipt.textEdited.connect(self._receipt_edited)
        find = QPushButton(self.tr("Find"))
        find.clicked.connect(self.look_up)
        self.lines = QTableWidget(0, 5)
        self.lines.setObjectName("returnLines")
        self.lines.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Sold"), self.tr("Left"), self.tr("Return"), self.tr("Back")]
        )
        self.lines.horizontalHeader().setSectionResizeMode(_ITEM, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().hide()
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.total = QLabel()
        self.total.setObjectName("returnTotal")
        self.total.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.again = QComboBox()
        self.again.setObjectName("returnAgain")
        self.again.currentIndexChanged.connect(self._again_changed)
        self.method = QComboBox()
        self.method.setObjectName("returnMethod")
        self.method.currentIndexChanged.connect(self._method_changed)
        self.wallet = QLineEdit()
        self.wallet.setObjectName("returnWallet")
        self.wallet.setPlaceholderText(self.tr("The customer's DOKU Wallet number"))
        self.customer = QLineEdit()
        self.customer.setObjectName("returnCustomer")
        self.reason = QLineEdit()
        self.reason.setObjectName("returnReason")
        self.manager = QComboBox()
        self.manager.setObjectName("returnManager")
        self.pin = QLineEdit()
        self.pin.setObjectName("returnPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.returnPressed.connect(self.give_back)
        demo = [
            f"{name} PIN {pin}"
            for name, role, pin in desk.terminal.demo_users
            if role == Role.MANAGER.value
        ]
        if demo:
            self.pin.setPlaceholderText(
                self.tr("Demo: {managers}").format(managers=" · ".join(demo))
            )
        self.form = QFormLayout()
        self.form.addRow(self.tr("Make again"), self.again)
        self.form.addRow(self.tr("Money back by"), self.method)
        self.form.addRow(self.tr("Wallet number"), self.wallet)
        self.form.addRow(self.tr("Customer name"), self.customer)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Manager"), self.manager)
        self.form.addRow(self.tr("Manager PIN"), self.pin)
        self.confirm = QPushButton(self.tr("Give back"))
        self.confirm.setObjectName("returnConfirm")
        self.confirm.setMinimumHeight(48)
        self.confirm.clicked.connect(self.give_back)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        for button in (find, self.confirm, close):
            button.setAutoDefault(False)  # Enter belongs to the receipt number and the PIN
        self.status = QLabel()
        self.status.setObjectName("returnStatus")
        self.status.setWordWrap(True)
        search = QHBoxLayout()
        search.addWidget(self.receipt, 1)
        search.addWidget(find)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(search)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.total)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._show_sale(None)
        store = desk.terminal.store
        run_for(self, tasks, lambda: store.users.list_users(), self._users_known, self._failed)
        if number:  # scanned at the counter's input line
            self.receipt.setText(number)
            self.look_up()

    def look_up(self) -> None:
        number = self.receipt.text().strip()
        if not number or self._busy:
            return
        self._start(self.tr("Looking for receipt {number}…").format(number=number))
        desk = self.desk
        run_for(
            self, self.tasks, lambda: desk.find(number), partial(self._found, number), self._failed
        )

    def quantities(self) -> dict[int, int]:
        """Line number → items coming back, as set in the table."""
        if self.sale is None:
            return {}
        return {
            line.line_no: self._spin(row).value()
            for row, line in enumerate(self.sale.lines)
            if self._spin(row).value()
        }

    def give_back(self) -> None:
        if self.sale is None or self._busy:
            return
        quantities = self.quantities()
        if not quantities:
            self._say(self.tr("Set how many items come back."), error=True)
            return
        method = ReturnMethod(self.method.currentData())
        manager, pin = self.manager.currentText(), self.pin.text()
        wallet, customer = self.wallet.text(), self.customer.text()
        reason, sale_id, desk = self.reason.text(), self.sale.sale_id, self.desk
        redo_of = self.again.currentData()
        self.pin.clear()
        self.receipt.setReadOnly(True)  # the return is of the sale shown until it is made
        self._start(self.tr("Making the return…"))
        run_for(
            self,
            self.tasks,
            lambda: desk.make_return(
                sale_id,
                quantities,
                method=method,
                manager=manager,
                pin=pin,
                account_number=wallet,
                customer_name=customer,
                reason=reason,
                redo_of=redo_of,
            ),
            self._done,
            self._failed,
        )

    def _users_known(self, users: list[User]) -> None:
        self.manager.addItems(
            [user.name for user in users if user.active and user.role is Role.MANAGER]
        )

    def _receipt_edited(self, text: str) -> None:
        """Another number typed: the sale shown, Give back and a PIN given for that sale go
        until it is looked up, so items never go back from a sale the field does not name."""
        self._show_sale(None)
        self.pin.clear()
        number = text.strip()
        self._say(
            self.tr("Press Enter to find receipt {number}.").format(number=number) if number else ""
        )

    def _found(self, number: str, sale: ReturnableSale) -> None:
        """``sale``, looked up for ``number``; dropped if the field names another by now."""
        self._busy = False
        if self.receipt.text().strip() != number:
            return
        self._show_sale(sale)
        if sale.fully_returned:
            self._say(self.tr("Every item of this receipt has been returned already."), error=True)
        elif sale.not_paid_back:
            self._say(
                self.tr(
                    "Receipt {number}: a wallet return of {amount} was not paid back. It is "
                    "chosen under Make again: pay it back now, in cash or to the wallet."
                ).format(
                    number=sale.receipt_number,
                    amount=format_rupiah(sale.not_paid_back[0].amount),
                ),
                error=True,
            )
        elif sale.refunded_at_provider:
            self._say(
                self.tr(
                    "Receipt {number}: the provider reports its payment refunded already. "
                    "Give no cash back; record the items that come back."
                ).format(number=sale.receipt_number),
                error=True,
            )
        else:
            self._say(
                self.tr("Receipt {number}: set the items that come back.").format(
                    number=sale.receipt_number
                )
            )

    def _show_sale(self, sale: ReturnableSale | None) -> None:
        self.sale = sale
        rows = () if sale is None else tuple((line, sale.free(line)) for line in sale.lines)
        self.lines.setRowCount(len(rows))
        for row, (line, free) in enumerate(rows):
            for column, text in (
                (_ITEM, line.name),
                (_SOLD, str(line.sold)),
                (_LEFT, str(line.left)),
            ):
                self.lines.setItem(row, column, QTableWidgetItem(text))
            spin = QSpinBox()
            spin.setRange(0, free)
            spin.valueChanged.connect(self._update_total)
            self.lines.setCellWidget(row, _BACK, spin)
            self.lines.setItem(row, _MONEY, QTableWidgetItem(""))
        self.method.clear()
        names = {
            ReturnMethod.CASH: self.tr("Cash from the drawer"),
            ReturnMethod.WALLET: self.tr("DOKU Wallet (payout)"),
            ReturnMethod.OUTSIDE: self.tr("Refunded outside Kasir (the provider's back office)"),
        }
        for method in () if sale is None else self.desk.methods(sale):
            self.method.addItem(names[method], method.value)
        self.again.clear()
        unpaid = () if sale is None else sale.not_paid_back
        if unpaid:
            self.again.addItem(self.tr("No: other items come back"), None)
            for failed in unpaid:
                self.again.addItem(
                    self.tr("Return {number}: {amount}, payout {payout} not paid").format(
                        number=failed.number,
                        amount=format_rupiah(failed.amount),
                        payout=failed.payout_id,
                    ),
                    failed.id,
                )
            self.again.setCurrentIndex(1)
        self._show_row(self.again, bool(unpaid))
        self.confirm.setEnabled(sale is not None and not sale.fully_returned)
        self._update_total()
        self._method_changed()

    def _spin(self, row: int) -> QSpinBox:
        spin = self.lines.cellWidget(row, _BACK)
        assert isinstance(spin, QSpinBox)
        return spin

    def _update_total(self) -> None:
        total = 0
        for row, line in enumerate(() if self.sale is None else self.sale.lines):
            count = self._spin(row).value()
            money = line.refund_for(count) if count else 0
            self.lines.setItem(row, _MONEY, QTableWidgetItem(format_rupiah(money) if count else ""))
            total += money
        self.total.setText(self.tr("Money back: {amount}").format(amount=format_rupiah(total)))

    def _again_changed(self) -> None:
        """A return made again takes its items as they were; any other, the cashier's count of
        other items than those of the wallet returns not paid back."""
        if self.sale is None:
            return
        redo_of = self.again.currentData()
        failed = {unpaid.id: unpaid for unpaid in self.sale.not_paid_back}.get(redo_of)
        items = {} if failed is None else failed.quantities
        for row, line in enumerate(self.sale.lines):
            spin = self._spin(row)
            spin.setRange(0, self.sale.free(line, None if failed is None else failed.id))
            spin.setValue(items.get(line.line_no, 0))
            spin.setEnabled(failed is None)

    def _method_changed(self) -> None:
        wallet = self.method.currentData() == ReturnMethod.WALLET.value
        for field in (self.wallet, self.customer):
            self._show_row(field, wallet)

    def _show_row(self, field: QWidget, shown: bool) -> None:
        field.setVisible(shown)
        label = self.form.labelForField(field)
        if label is not None:
            label.setVisible(shown)

    def reject(self) -> None:
        """Esc and Close wait while the till looks up or makes the return: closed meanwhile,
        the return would still be made, but its receipt, which says what to give back (from
        the drawer, or to the wallet), would never show."""
        if not self._busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)

    def _done(self, outcome: ReturnOutcome) -> None:
        self._busy = False
        self.returned.emit(outcome)
        till = self.parentWidget()
        receipt = ReturnReceiptDialog(self.desk, outcome, till)
        if till is not None:
            receipt.finished.connect(lambda _result: till.activateWindow())
        receipt.show()
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.receipt.setReadOnly(False)
        self._say(str(error) if isinstance(error, KasirError) else repr(error), error=True)

    def _start(self, text: str) -> None:
        self._busy = True
        self._say(text)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.status.setText(text)


class ReturnReceiptDialog(DocumentPreview):
    """The return's receipt, to print or save; says where the money goes back, and where it
    stood when the return was made: a payout ecommpay took is pending, on screen and on the slip
    printed from here alike. A payout that did not go out gets no thermal slip (as
    :meth:`ReturnDesk.make_return` prints none): a slip saying the money went back, for items
    to be returned again, would pay them twice."""

    def __init__(self, desk: ReturnDesk, outcome: ReturnOutcome, parent: QWidget | None) -> None:
        returned = outcome.returned
        shop, time_zone = desk.terminal.settings.shop, desk.terminal.store.day.tz.key
        printer = None if outcome.payout_failed else desk.terminal.printer
        payback = outcome.payback
        own = desk.terminal.printer
        printed = PrintedReceipts() if own is None else own.printed
        slip = partial(
            return_receipt_html,
            returned,
            time_zone=time_zone,
            payback=payback,
            shop_name=shop.name,
        )
        super().__init__(
            slip(copy=return_key(returned) in printed),
            title=QCoreApplication.translate("ReturnReceiptDialog", "Return receipt"),
            name="returnReceiptText",
            pdf_name=f"return-{returned.number.lstrip('#')}.pdf",
            parent=parent,
            to_receipt_printer=None
            if printer is None
            else partial(
                printer.print_return, returned, shop, time_zone=time_zone, payback=payback
            ),
        )
        self.outcome = outcome
        self.printed, self._slip = printed, slip
        self.status.setObjectName("returnPayout")
        self.status.setText(self._payout_text(outcome))
        self.status.setStyleSheet(ERROR_STYLE if outcome.problem else OK_STYLE)

    def went_out(self) -> None:
        """The slip went out once as the original: what Print… and the PDF give now is COPY,
        as the receipt printer's next slip is (one record, :class:`PrintedReceipts`)."""
        self.printed.add(return_key(self.outcome.returned))
        self.preview.setHtml(self._slip(copy=True))

    def _payout_text(self, outcome: ReturnOutcome) -> str:
        if outcome.payout_failed:
            return self.tr(
                "The payout did not go out: {problem}. Nothing is paid back yet: make the return "
                "again, in cash, so the drawer records the money."
            ).format(problem=outcome.problem)
        if outcome.payout_unknown:
            return self.tr(
                "{problem}. Give nothing back meanwhile: the money may be on its way (Back "
                "office, sale detail shows ecommpay's answer once it comes)."
            ).format(problem=outcome.problem)
        if outcome.refund is not None:
            return self.tr(
                "Payout {payout} sent to the customer's DOKU Wallet; ecommpay's answer comes "
                "through the relay (Back office, sale detail)."
            ).format(payout=outcome.refund.payout_id)
        if outcome.returned.method is ReturnMethod.CASH:
            return self.tr("Give {amount} back from the drawer.").format(
                amount=format_rupiah(outcome.returned.amount)
            )
        return self.tr("Recorded as refunded outside Kasir.")
