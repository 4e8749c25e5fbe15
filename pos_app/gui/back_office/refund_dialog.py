"""Refund to the customer's DOKU Wallet: the manager (signed in, so approving) fills in the wallet,
the name and the amount, and the payout goes out off the GUI thread.

ecommpay answers a payout only with "accepted"; the result comes in its callback through the
relay, which settles the stored refund. The dialog watches the stored refund until it is settled,
and "Check status" asks ecommpay's status API when the callback is slow to come. Once a payout is
paid the form is emptied: the same wallet and amount must not be one click from being paid again.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.money import format_rupiah, parse_rupiah
from pos_app.gui.back_office.widgets import ButtonCalls
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.formatting import ERROR_STYLE, OK_STYLE
from pos_app.gui.tasks import TaskRunner, run_for
from pos_app.store.refunds import Refund
from pos_app.till.back_office import BackOffice
from pos_app.till.refund_payouts import RefundError

WATCH_MS = 300
"""How often the stored refund is looked at while its callback is awaited (a local read)."""


class RefundDialog(QDialog):
    """Emits ``settled(Refund)`` when a payout it sent has its final answer."""

    settled = Signal(object)

    def __init__(
        self,
        office: BackOffice,
        tasks: TaskRunner,
        sale_id: int,
        *,
        invoice_number: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.office = office
        self.tasks = tasks
        self.sale_id = sale_id
        self.invoice_number = invoice_number
        self.refund: Refund | None = None
        self.calls = ButtonCalls(self, tasks, self._buttons)
        self.left: int | None = None
        """What can still be refunded; None while it is read (again)."""
        self.setWindowTitle(self.tr("Refund to DOKU Wallet"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        what = (
            self.tr("Late payment {invoice} of sale {sale}").format(
                invoice=invoice_number, sale=sale_id
            )
            if invoice_number
            else self.tr("Sale {sale}").format(sale=sale_id)
        )
        self.subject = QLabel(what)
        self.subject.setStyleSheet("font-weight: bold;")
        self.limit = QLabel()
        self.limit.setObjectName("refundLimit")
        self.wallet = QLineEdit()
        self.wallet.setObjectName("walletNumber")
        self.wallet.setPlaceholderText(self.tr("The customer's DOKU Wallet number"))
        self.customer = QLineEdit()
        self.customer.setObjectName("customerName")
        self.amount = QLineEdit()
        self.amount.setObjectName("refundAmount")
        self.reason = QLineEdit()
        self.reason.setObjectName("refundReason")
        self.send_button = QPushButton(self.tr("Send refund…"))
        self.send_button.setObjectName("sendRefund")
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.ask_send)
        self.check_button = QPushButton(self.tr("Check status"))
        self.check_button.setObjectName("checkRefund")
        self.check_button.setEnabled(False)
        self.check_button.clicked.connect(self.check_status)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        self.state = QLabel()
        self.state.setObjectName("refundState")
        self.state.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Wallet number"), self.wallet)
        form.addRow(self.tr("Customer name"), self.customer)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject)
        layout.addWidget(self.limit)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        for button in (self.send_button, self.check_button, close):
            button.setAutoDefault(False)  # Enter in a field must not send money

        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._look)
        self._looking = False
        missing = office.payouts_missing()
        if missing:
            self._say(
                self.tr(
                    "Refunds to a wallet go out as ecommpay payouts and need the ecommpay "
                    "settings: {keys}."
                ).format(keys=", ".join(missing)),
                error=True,
            )
        else:
            self._load_limit()

    def _run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        run_for(
            self, self.tasks, work, on_done, on_error or (lambda e: self._say(str(e), error=True))
        )

    def _load_limit(self) -> None:
        self.left = None
        self._buttons()
        sale_id, invoice = self.sale_id, self.invoice_number
        self._run(lambda: self.office.refundable(sale_id, invoice), self._limit_known)

    def _limit_known(self, left: int) -> None:
        self.left = left
        self.limit.setText(
            self.tr("At most {amount} can be refunded.").format(amount=format_rupiah(left))
        )
        if not self.amount.text():
            self.amount.setText(str(left))
        self._buttons()

    def _buttons(self) -> None:
        """Send while there is money left to refund and no payout awaits its answer; Check
        status while one does."""
        can_send = self.left is not None and self.left > 0 and not self._waiting
        self.calls.enable(self.send_button, can_send)
        self.calls.enable(self.check_button, self._waiting)

    @property
    def _waiting(self) -> bool:
        return self.refund is not None and self.refund.status is RefundStatus.PENDING

    def ask_send(self) -> None:
        try:
            amount = parse_rupiah(self.amount.text())
            if self.left is not None and not 0 < amount <= self.left:
                raise ValidationError(
                    self.tr("The amount must be between Rp 1 and {left}.").format(
                        left=format_rupiah(self.left)
                    )
                )
        except ValidationError as error:
            self._say(str(error), error=True)
            return
        wallet, name, reason = (
            self.wallet.text().strip(),
            self.customer.text().strip(),
            self.reason.text(),
        )
        if not wallet or not name:
            self._say(self.tr("Enter the wallet number and the customer's name."), error=True)
            return
        ask_confirmation(
            self,
            self.tr("Send the refund"),
            self.tr("Pay {amount} to DOKU Wallet {wallet} ({name})?").format(
                amount=format_rupiah(amount), wallet=wallet, name=name
            ),
            lambda: self._send(amount, wallet, name, reason),
        )

    def _send(self, amount: int, wallet: str, name: str, reason: str) -> None:
        self._say(self.tr("Sending the payout to ecommpay…"))
        sale_id, invoice = self.sale_id, self.invoice_number
        self.calls.run(
            self.send_button,
            lambda: self.office.refund(
                sale_id,
                amount,
                account_number=wallet,
                customer_name=name,
                invoice_number=invoice,
                reason=reason,
            ),
            self._sent,
            self._not_sent,
        )

    def _sent(self, refund: Refund) -> None:
        self.refund = refund
        self._say(
            self.tr("ecommpay accepted payout {payout}; waiting for its result…").format(
                payout=refund.payout_id
            )
        )
        self._watch.start()

    def _not_sent(self, error: Exception) -> None:
        if isinstance(error, RefundError):
            self.refund = error.refund
            if error.refund.status is RefundStatus.PENDING:
                self._say(str(error), error=True)
                self._watch.start()
                return
        self._say(self.tr("Nothing was paid: {error}").format(error=error), error=True)
        self._load_limit()

    def _look(self) -> None:
        if self.refund is None or self._looking:
            return
        self._looking = True
        payout_id = self.refund.payout_id
        self._run(lambda: self.office.refund_state(payout_id), self._seen, self._look_failed)

    def _look_failed(self, error: Exception) -> None:
        self._looking = False
        self._say(str(error), error=True)

    def check_status(self) -> None:
        if self.refund is None:
            return
        payout_id = self.refund.payout_id
        self.calls.run(
            self.check_button,
            lambda: self.office.check_refund(payout_id),
            self._checked,
            self._check_failed,
        )

    def _checked(self, refund: Refund) -> None:
        if not self._about_another(refund):
            self._seen(refund)

    def _about_another(self, refund: Refund) -> bool:
        """An answer about a payout this dialog no longer watches (asked before the next one
        was sent): taken, it would stop watching the payout on its way."""
        return self.refund is not None and refund.payout_id != self.refund.payout_id

    def _check_failed(self, error: Exception) -> None:
        if isinstance(error, RefundError) and error.refund.status is RefundStatus.PENDING:
            self._say(str(error), error=True)  # not known yet: still pending, still watched
            return
        self._say(self.tr("ecommpay could not be asked: {error}").format(error=error), error=True)

    def _seen(self, refund: Refund) -> None:
        self._looking = False
        if self._about_another(refund):
            return
        self.refund = refund
        if refund.status is RefundStatus.PENDING:
            return
        self._watch.stop()
        if refund.status is RefundStatus.PAID:
            for field in (self.wallet, self.customer, self.amount, self.reason):
                field.clear()
        self._say(self.outcome(refund), error=refund.status is not RefundStatus.PAID)
        self.settled.emit(refund)
        self._load_limit()

    def outcome(self, refund: Refund) -> str:
        amount = format_rupiah(refund.amount)
        if refund.status is RefundStatus.PAID:
            return self.tr("Paid: {amount} sent to DOKU Wallet {wallet}. Reference {ref}.").format(
                amount=amount, wallet=refund.account_number, ref=refund.reference or "—"
            )
        operation = refund.result.get("operation")
        why = (
            operation.get("message") if isinstance(operation, dict) else None
        ) or refund.result.get("error", "")
        if refund.status is RefundStatus.DECLINED:
            text = self.tr("ecommpay declined the payout of {amount}; nothing was paid.")
        else:
            text = self.tr("The payout of {amount} failed; nothing was paid.")
        return text.format(amount=amount) + (f" ({why})" if why else "")

    def _say(self, text: str, *, error: bool = False) -> None:
        self.state.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.state.setText(text)

    def done(self, result: int) -> None:
        self._watch.stop()
        super().done(result)
