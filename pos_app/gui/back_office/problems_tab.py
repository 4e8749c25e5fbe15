"""The Problem payments tab: payments still open, paid late, paid for another amount than asked,
declined on a sale that never completed, refunded at the provider, returned outside Kasir beyond
what the provider refunded, provider reports for unknown invoices, refunds ecommpay paid after
Kasir had settled them failed, payouts it reversed or declined after paying them, and wallet
returns and refunds whose payout failed. The selected problem's meaning, and what to do, stand
above the list.
Check the status now, mark one resolved with a reason (audited; for another amount, that accepts
it), refund money no sale took (late, or another amount) to the customer's wallet, attach a
late payment to an unpaid sale (which completes with it), enter the amount DOKU really refunded
of a payment it reported refunded, and take a contradicted payout as reversed once ecommpay's
dashboard shows its money back.
"""

from collections.abc import Callable
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah, parse_rupiah, reported_text
from pos_app.gui.back_office.attach_dialog import AttachDialog
from pos_app.gui.back_office.labels import label, provider_label
from pos_app.gui.back_office.widgets import (
    ButtonCalls,
    RowsModel,
    Tab,
    selected_key,
    table_view,
)
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.tasks import TaskRunner
from pos_app.store.payment_records import PaymentAttempt, paid_differs
from pos_app.store.problem_payments import (
    ASKABLE_PAYOUTS,
    REFUND_KINDS,
    ProblemKind,
    ProblemPayment,
)
from pos_app.store.refunds import Refund
from pos_app.store.sales import Sale
from pos_app.till.back_office import BackOffice


class ProblemsTab(Tab):
    """``refund_requested(sale_id, invoice)`` asks the window for the refund dialog."""

    refund_requested = Signal(int, str)

    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(office, tasks, parent)
        self.calls = ButtonCalls(self, tasks, self._selected)
        self.problems = RowsModel(
            [
                self.tr("Problem"),
                self.tr("Invoice"),
                self.tr("Sale"),
                self.tr("Provider"),
                self.tr("Amount"),
                self.tr("State"),
                self.tr("Since"),
            ],
            right=[2, 4],
            parent=self,
        )
        self.view = table_view(self.problems, "problemsTable")
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        self.check_button = QPushButton(self.tr("Check status now"))
        self.check_button.setObjectName("checkStatus")
        self.check_button.clicked.connect(self.check_status)
        self.refund_button = QPushButton(self.tr("Refund to wallet…"))
        self.refund_button.setObjectName("refundLate")
        self.refund_button.clicked.connect(self._refund)
        self.attach_button = QPushButton(self.tr("Attach to a sale…"))
        self.attach_button.setObjectName("attachLate")
        self.attach_button.setToolTip(
            self.tr(
                "Complete the unpaid sale this money was for (the goods went with the customer)"
            )
        )
        self.attach_button.clicked.connect(self.open_attach)
        self.refunded_button = QPushButton(self.tr("Refunded amount was…"))
        self.refunded_button.setObjectName("refundedAmount")
        self.refunded_button.setToolTip(
            self.tr("Enter the amount DOKU's back office shows refunded, if not all of it")
        )
        self.refunded_button.clicked.connect(self.ask_refunded_amount)
        self.reason = QLineEdit()
        self.reason.setObjectName("resolveReason")
        self.reason.setPlaceholderText(self.tr("Why is it resolved? (required)"))
        self.reason.textChanged.connect(lambda _text: self._selected())
        self.resolve_button = QPushButton(self.tr("Mark resolved"))
        self.resolve_button.setObjectName("markResolved")
        self.resolve_button.clicked.connect(self.resolve)
        self.reversed_button = QPushButton(self.tr("Take as reversed…"))
        self.reversed_button.setObjectName("takeReversed")
        self.reversed_button.setToolTip(
            self.tr("ecommpay's dashboard shows the payout's money back in the shop's balance")
        )
        self.reversed_button.clicked.connect(self.ask_take_reversed)
        self.advice = QLabel()
        self.advice.setObjectName("problemAdvice")
        self.advice.setWordWrap(True)
        lines = self.advice.fontMetrics().lineSpacing()
        self.advice.setMinimumHeight(3 * lines)  # the list stays put as the advice changes

        actions = QHBoxLayout()
        actions.addWidget(refresh)
        actions.addWidget(self.check_button)
        actions.addWidget(self.attach_button)
        actions.addWidget(self.refund_button)
        actions.addWidget(self.refunded_button)
        actions.addStretch(1)
        resolving = QHBoxLayout()
        resolving.addWidget(self.reason, 1)
        resolving.addWidget(self.reversed_button)
        resolving.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.advice)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addLayout(resolving)
        layout.addWidget(self.status)
        self.shown: dict[tuple[ProblemKind, str], ProblemPayment] = {}
        """By kind and payment: one payout may be two problems (paid after failing, and
        reversed in part), each resolved on its own."""
        self.attach_dialog: AttachDialog | None = None
        self._selected()

    def refresh(self) -> None:
        super().refresh()
        office, zone = self.office, self.office.store.day.tz
        self.run(lambda: _listed(office.problems(), zone), self._show)

    def _show(self, answer: tuple[list[ProblemPayment], list[list[str]]]) -> None:
        problems, rows = answer
        selected = selected_key(self.view)
        self.shown = {(problem.kind, problem.invoice_number): problem for problem in problems}
        self.problems.set_rows(rows, list(self.shown))
        if selected in self.shown:
            self.view.selectRow(list(self.shown).index(selected))
        self._selected()

    def invoices(self) -> set[str]:
        """The payments listed, whatever their problem."""
        return {invoice for _, invoice in self.shown}

    def row_of(self, invoice_number: str, kind: ProblemKind | None = None) -> int:
        """The first row of ``invoice_number`` (of ``kind``, if given)."""
        return next(
            row
            for row, (listed, invoice) in enumerate(self.shown)
            if invoice == invoice_number and kind in (None, listed)
        )

    def select(self, invoice_number: str, kind: ProblemKind | None = None) -> None:
        self.view.selectRow(self.row_of(invoice_number, kind))

    def chosen(self) -> ProblemPayment | None:
        key = selected_key(self.view)
        return self.shown.get(key) if key is not None else None

    def _selected(self) -> None:
        problem = self.chosen()
        kind = problem.kind if problem is not None else None
        self.advice.setText(
            self.tr("Pick a problem to see what happened and what to do.")
            if kind is None
            else f"{label(kind)[:1].upper()}{label(kind)[1:]}: {self._advice(kind)}"
        )
        self.calls.enable(self.check_button, kind is not None and _checkable(kind))
        self.refund_button.setEnabled(problem is not None and problem.refundable)
        self.attach_button.setEnabled(problem is not None and problem.attachable)
        reason = bool(self.reason.text().strip())
        self.calls.enable(self.resolve_button, problem is not None and reason)
        self.calls.enable(
            self.refunded_button, problem is not None and problem.refund_figure is not None
        )
        self.calls.enable(self.reversed_button, kind is ProblemKind.PAYOUT_CONTRADICTED and reason)

    def _advice(self, kind: ProblemKind) -> str:
        """What the problem means, and what the manager does about it."""
        advice = {
            ProblemKind.OPEN: self.tr(
                "no answer yet whether the customer paid: Check status now asks the provider."
            ),
            ProblemKind.LATE: self.tr(
                "paid after the cashier gave up; no sale took the money. Attach it to the sale "
                "it was for (the goods went with the customer), or refund it to the wallet."
            ),
            ProblemKind.DIFFERS: self.tr(
                "paid, but not the amount asked; refund it, or accept it by marking it resolved."
            ),
            ProblemKind.DECLINED: self.tr(
                "the sale never completed; should the customer say they paid, Check status now "
                "asks the provider."
            ),
            ProblemKind.ORPHAN: self.tr(
                "a payment service reported a payment this terminal never made, one that "
                "contradicts the payment it made (DOKU naming another amount), or one Kasir "
                "cannot read (the customer may have paid); check it in the provider's "
                "dashboard, then mark it resolved."
            ),
            ProblemKind.REFUNDED: self.tr(
                "the provider reports a completed sale's payment refunded, and no return "
                "recorded as refunded outside Kasir accounts for it yet: the takings still count "
                "that money. DOKU does not say how much: if its back office shows only part "
                "refunded, enter it (Refunded amount was…). Record the items' return at the "
                "counter (F3) as refunded outside Kasir, or mark it resolved."
            ),
            ProblemKind.RETURNED_NOT_REFUNDED: self.tr(
                "returns recorded as refunded outside Kasir add up to more than the provider "
                "reports refunded: the takings lack the difference, which never went back. If "
                "the refund was made at the provider and its report has not come yet, Check "
                "status now asks it. If the amount entered as refunded at DOKU was wrong, enter "
                "it again (Refunded amount was…). Else mark it resolved with why (the customer "
                "got more back than the items' worth, say)."
            ),
            ProblemKind.PAID_AFTER_FAILING: self.tr(
                "ecommpay paid a refund Kasir had taken as failed; if it was done again "
                "meanwhile, the customer got the money twice: settle it with them (cash they "
                "bring back goes in the shift as Cash in, F5), then mark it resolved."
            ),
            ProblemKind.PAYOUT_REVERSED: self.tr(
                "ecommpay took a refund's payout back: the money is in the shop's balance "
                "again, counted back on the day it came, and the customer is still owed it: "
                "refund the sale again (Refund, in its detail), then mark it resolved."
            ),
            ProblemKind.PAYOUT_DIFFERS: self.tr(
                "ecommpay reports a refund's payout paid for another amount than asked. A "
                "payout it split into parts may have paid more than its last part's callback "
                "says: Check status now asks ecommpay what all of them paid. Once it has said, "
                "what the payout did not pay counts back and the customer is owed it again: "
                "refund the sale again by as much (Refund, in its detail). If it paid more than "
                "asked, settle that with the customer. Then mark it resolved."
            ),
            ProblemKind.PAYOUT_CONTRADICTED: self.tr(
                "ecommpay reported a refund's payout paid, then declined or failed without saying "
                "it was reversed; Kasir still counts the customer paid. Check status now asks "
                "ecommpay whether it was reversed. Else check the payout in ecommpay's dashboard: "
                "if the money came back to the shop's balance, type why and Take as reversed, "
                "then refund the sale again (Refund, in its detail) or pay the customer another "
                "way; if it did not come back, mark it resolved with why."
            ),
            ProblemKind.RETURN_NOT_PAID: self.tr(
                "a wallet return's payout failed; the customer gave the goods back and got "
                "nothing: make the return again at the counter (F3 offers it), in cash or to "
                "the wallet, which settles it; or pay them another way and mark it resolved."
            ),
            ProblemKind.REFUND_NOT_PAID: self.tr(
                "a refund's payout failed or was declined, and the customer got nothing: "
                "refund the sale again (Refund, in its detail), which settles it; or pay them "
                "another way and mark it resolved."
            ),
        }
        return advice[kind]

    def check_status(self) -> None:
        problem = self.chosen()
        if problem is None:
            return
        invoice = problem.invoice_number
        self.say(self.tr("Asking about {invoice}…").format(invoice=invoice))
        ask: Callable[[str], object]
        answered: Callable[[Any], None]
        if problem.kind in ASKABLE_PAYOUTS:
            ask = self.office.check_listed_payout
            answered = partial(self._payout_checked, problem.kind)
        else:
            ask, answered = self.office.check_status, self._checked
        self.calls.run(
            self.check_button,
            lambda: ask(invoice),
            answered,
            lambda error: self._check_failed(invoice, error),
        )

    def _payout_checked(self, kind: ProblemKind, refund: Refund) -> None:
        """What ecommpay's status answer made of a payout listed as ``kind``."""
        if refund.reversed_at is not None:
            text = self.tr(
                "ecommpay reports payout {payout} reversed: the customer is owed the money "
                "again; it is listed as reversed."
            )
        elif kind is ProblemKind.PAYOUT_CONTRADICTED:
            text = self.tr(
                "ecommpay names no reversal of payout {payout}: it stays listed; check it in "
                "ecommpay's dashboard."
            )
        elif refund.brought_back:
            text = self.tr(
                "ecommpay reports payout {payout} paid {paid} in all, not the {amount} asked: "
                "what it did not pay counts back, and the sale may be refunded again by as "
                "much; it stays listed until you mark it resolved."
            )
        elif paid_differs(refund.amount, refund.paid_amount, refund.paid_currency):
            text = self.tr(
                "ecommpay reports payout {payout} paid {paid} in all, not the {amount} asked: it "
                "stays listed; settle the difference with the customer."
            )
        else:
            text = self.tr(
                "ecommpay reports payout {payout} paid in full ({amount}): it is no longer "
                "listed as paying another amount."
            )
        paid = reported_text(refund.paid_amount or 0, refund.paid_currency)
        amount = format_rupiah(refund.amount)
        self.say(text.format(payout=refund.payout_id, paid=paid, amount=amount))
        self.refresh()

    def _checked(self, attempt: PaymentAttempt) -> None:
        self.say(
            self.tr("{invoice} is {state} now.").format(
                invoice=attempt.invoice_number, state=label(attempt.state)
            )
        )
        self.refresh()

    def _check_failed(self, invoice: str, error: Exception) -> None:
        self.say_error(
            self.tr("The status of {invoice} could not be checked: {error}").format(
                invoice=invoice, error=error
            )
        )

    def resolve(self) -> None:
        problem, reason = self.chosen(), self.reason.text().strip()
        if problem is None or not reason:
            return
        invoice = problem.invoice_number
        self.calls.run(
            self.resolve_button,
            lambda: self.office.resolve(invoice, reason, problem),
            lambda _none: self._resolved(invoice),
            self._not_done,
        )

    def _not_done(self, error: Exception) -> None:
        """Nothing was done (the problem changed meanwhile, say): the list as it is now."""
        self.say_error(error)
        self.refresh()

    def _resolved(self, invoice: str) -> None:
        self.reason.clear()
        self.say(self.tr("{invoice} is marked resolved.").format(invoice=invoice))
        self.refresh()

    def ask_refunded_amount(self) -> QInputDialog | None:
        """Ask what DOKU's back office shows refunded of the chosen payment."""
        problem = self.chosen()
        figure = problem.refund_figure if problem is not None else None
        if problem is None or figure is None:
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Amount refunded at DOKU"))
        dialog.setLabelText(
            self.tr(
                "DOKU reported payment {invoice} refunded without saying how much. The amount "
                "its back office shows refunded:"
            ).format(invoice=problem.invoice_number)
        )
        dialog.setTextValue(format_rupiah(figure))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.textValueSelected.connect(lambda text: self._record_refunded(problem, text))
        dialog.open()
        return dialog

    def _record_refunded(self, problem: ProblemPayment, text: str) -> None:
        try:
            amount = parse_rupiah(text)
        except ValidationError as error:
            self.say_error(error)
            return
        invoice = problem.invoice_number
        self.calls.run(
            self.refunded_button,
            lambda: self.office.record_refunded_amount(problem, amount),
            lambda _attempt: self._refunded_recorded(invoice, amount),
            self._not_done,
        )

    def _refunded_recorded(self, invoice: str, amount: int) -> None:
        self.say(
            self.tr("{invoice}: {amount} refunded at DOKU is recorded.").format(
                invoice=invoice, amount=format_rupiah(amount)
            )
        )
        self.refresh()

    def ask_take_reversed(self) -> None:
        problem, reason = self.chosen(), self.reason.text().strip()
        if problem is None or problem.kind is not ProblemKind.PAYOUT_CONTRADICTED or not reason:
            return
        question = (
            self.tr(
                "Does ecommpay's dashboard show all of payout {payout} ({amount}) back in the "
                "shop's balance? {before} of it came back earlier and is counted already; Kasir "
                "counts the rest, {rest}, back today, and the customer is owed that again."
            )
            if problem.brought_back
            else self.tr(
                "Does ecommpay's dashboard show payout {payout} ({amount}) back in the shop's "
                "balance? Kasir then counts it back today, and the customer is owed it again."
            )
        )
        ask_confirmation(
            self,
            self.tr("Take as reversed"),
            question.format(
                payout=problem.invoice_number,
                amount=format_rupiah(problem.amount or 0),
                before=format_rupiah(problem.brought_back),
                rest=format_rupiah(problem.still_paid_out),
            ),
            lambda: self._take_reversed(problem, reason),
        )

    def _take_reversed(self, problem: ProblemPayment, reason: str) -> None:
        self.calls.run(
            self.reversed_button,
            lambda: self.office.take_as_reversed(problem, reason),
            lambda _refund: self._taken_reversed(problem),
            self._not_done,
        )

    def _taken_reversed(self, problem: ProblemPayment) -> None:
        """Names what was counted back: the store took it as reversed only as listed."""
        self.reason.clear()
        self.say(
            self.tr(
                "Payout {payout} is taken as reversed: the customer is owed {amount} again; it "
                "is listed as reversed."
            ).format(payout=problem.invoice_number, amount=format_rupiah(problem.still_paid_out))
        )
        self.refresh()

    def _refund(self) -> None:
        problem = self.chosen()
        if problem is not None and problem.sale_id is not None:
            self.refund_requested.emit(problem.sale_id, problem.invoice_number)

    def open_attach(self) -> AttachDialog | None:
        problem = self.chosen()
        if problem is None or problem.kind is not ProblemKind.LATE:
            return None
        dialog = AttachDialog(self.office, self.tasks, problem, parent=self)
        dialog.attached.connect(lambda sale: self._attached(problem.invoice_number, sale))
        self.attach_dialog = dialog
        dialog.show()
        return dialog

    def _attached(self, invoice: str, sale: Sale) -> None:
        self.say(
            self.tr("Sale {sale} is completed with payment {invoice} ({amount}).").format(
                sale=sale.id, invoice=invoice, amount=format_rupiah(sale.total)
            )
        )
        self.refresh()


def _listed(
    problems: list[ProblemPayment], zone: ZoneInfo
) -> tuple[list[ProblemPayment], list[list[str]]]:
    """The problems with the list's rows, made on the worker: the words, amounts and times of
    200 problems took 4 ms of the GUI thread."""
    return problems, [
        [
            label(problem.kind),
            problem.invoice_number,
            str(problem.sale_id or ""),
            provider_label(problem.provider),
            reported_text(problem.amount, problem.currency) if problem.amount is not None else "",
            label(problem.state),
            problem.since.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        ]
        for problem in problems
    ]


def _checkable(kind: ProblemKind) -> bool:
    """A payment's status check answers its problem; of a refund's, only a paid payout's that
    ecommpay's status answer may settle (:data:`ASKABLE_PAYOUTS`: shown reversed, or what all
    its parts paid). An orphan has no attempt to ask about, and the other refund problems'
    answers are final."""
    unanswered = {ProblemKind.ORPHAN, *REFUND_KINDS} - ASKABLE_PAYOUTS
    return kind not in unanswered
