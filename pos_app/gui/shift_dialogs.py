"""The cashier's shift on screen: open it with the float, see it and move cash in or out, count the
drawer to close it, and the shift report (screen, print, PDF). While another cashier's shift holds
the till's drawer, the cashier signs out or a manager counts and closes that shift first.

Every dialog hands its work to a worker through ``runner`` (SQLite never runs on the GUI thread)
and opens window-modal without a nested event loop.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
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

from pos_app.domain.cash_count import CashCount, count_to_check
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah, parse_rupiah
from pos_app.domain.scan_input import is_scanned_code
from pos_app.gui.cash_dialog import barcode_not_amount
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.document_preview import DocumentPreview
from pos_app.gui.drawer_count import DrawerCount
from pos_app.gui.formatting import ERROR_STYLE
from pos_app.gui.manager_pin import ManagerPin
from pos_app.gui.tasks import TaskRunner, run_for
from pos_app.reports.shift_report import render_shift_html
from pos_app.store.errors import StoreError
from pos_app.store.shifts import DrawerHeld, Shift
from pos_app.store.users import User
from pos_app.till.shifts import ShiftDesk
from pos_app.till.terminal import Terminal


def _rupiah(edit: QLineEdit) -> int:
    """The amount typed, at least Rp 0; a ValidationError says what is wrong. A barcode is
    refused, not read as billions: the next customer's item, scanned while the field had the
    focus, would put them in the drawer's expected cash for the whole shift."""
    text = edit.text()
    if is_scanned_code(text):
        advice = QCoreApplication.translate(
            "Shift", "Type the amount in whole rupiah, like 50.000."
        )
        raise ValidationError(f"{barcode_not_amount(text)} {advice}")
    amount = parse_rupiah(text or "0")
    if amount < 0:
        raise ValidationError(QCoreApplication.translate("Shift", "an amount cannot be negative"))
    return amount


class _WorkDialog(QDialog):
    """A window-modal dialog that runs the desk's work off the GUI thread and says how it went."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.runner = runner
        self.busy = False
        self.status = QLabel()
        self.status.setObjectName("shiftStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(ERROR_STYLE)
        self.work_buttons: list[QPushButton] = []
        """The buttons that start work: disabled while a job runs, so no press is lost."""

    def work(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self.busy:
            return
        self._set_busy(True)
        self.status.clear()
        run_for(self, self.runner, job, lambda result: self._done(done, result), self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in self.work_buttons:
            button.setEnabled(not busy)

    def _done(self, done: Callable[[Any], None], result: Any) -> None:
        self._set_busy(False)
        done(result)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.status.setText(str(error))

    def reject(self) -> None:
        """Esc and Back wait while a job runs: the dialog, deleted on close, must be there to
        hand on the store's answer (a shift closed, cash moved) when it comes."""
        if not self.busy:
            super().reject()


class _BeforeTheFirstSale(_WorkDialog):
    """Asked after sign-in, before the first sale: it cannot be dismissed, since sales are
    counted against a shift, so the cashier's is opened first."""

    def reject(self) -> None:
        """Esc does not close it: the shift comes first."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()


class OpenShiftDialog(_BeforeTheFirstSale):
    """Asked after sign-in when the cashier has no open shift here: the float in the drawer (a
    float of Rp 0 is one key away). ``held`` carries another cashier's shift, should one have
    taken the drawer meanwhile: the store refused this one."""

    opened = Signal(object)
    held = Signal(object)

    def __init__(self, desk: ShiftDesk, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Open your shift"))
        self.opening_float = QLineEdit("0")
        self.opening_float.setObjectName("openingFloat")
        self.opening_float.selectAll()
        self.open_button = QPushButton(self.tr("Open shift"))
        self.open_button.setObjectName("openShift")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        self.work_buttons.append(self.open_button)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Cashier")), QLabel(desk.cashier))
        form.addRow(QLabel(self.tr("Opening float (cash in the drawer now)")), self.opening_float)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.open_button)

    def _open(self) -> None:
        try:
            amount = _rupiah(self.opening_float)
        except ValidationError as error:
            self.status.setText(str(error))
            return
        self.work(lambda: self.desk.open(amount), self._opened)

    def _opened(self, shift: Shift) -> None:
        self.opened.emit(shift)
        self.accept()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, DrawerHeld):
            self._set_busy(False)
            self.held.emit(error.shift)
            self.accept()
            return
        super()._failed(error)


class DrawerHeldDialog(_BeforeTheFirstSale):
    """Asked after sign-in instead of the float while another cashier's shift (``held``, of any
    day) holds the till's one drawer: a second shift there would put a second float in it and
    count the other's cash. The cashier signs out (``sign_out``) for its cashier to close it
    with F5, or a manager counts and closes it here, the way the back office's Day close does;
    ``released`` then carries it as it closed."""

    sign_out = Signal()
    released = Signal(object)

    def __init__(
        self, desk: ShiftDesk, held: Shift, runner: TaskRunner, parent: QWidget | None = None
    ):
        super().__init__(runner, parent)
        self.desk, self.held = desk, held
        self.manager_pin: ManagerPin | None = None
        self.count_dialog: ShiftDialog | None = None
        self.setWindowTitle(self.tr("The drawer is in use"))
        since = held.opened_at.astimezone(desk.terminal.store.day.tz)
        self.message = QLabel(
            self.tr(
                "This till's drawer is held by the shift of {cashier}, open since {since}. A "
                "till has one drawer, so your shift opens once that one is counted and closed: "
                "{cashier} signs in and closes it with F5, or a manager counts and closes it now."
            ).format(cashier=held.cashier, since=since.strftime("%d/%m/%Y %H:%M"))
        )
        self.message.setObjectName("drawerHeld")
        self.message.setWordWrap(True)
        self.count_button = QPushButton(self.tr("Manager: count and close it…"))
        self.count_button.setObjectName("countHeldShift")
        self.count_button.setDefault(True)
        self.count_button.clicked.connect(self._ask_manager)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setObjectName("signOutHeld")
        self.sign_out_button.clicked.connect(self._sign_out)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_out_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _ask_manager(self) -> None:
        pin = ManagerPin(self.desk.terminal, self.runner, self)
        pin.verified.connect(self._count)
        self.manager_pin = pin
        pin.show()

    def _count(self, manager: User) -> None:
        """The held shift's own dialog, worked in the manager's name; Esc there comes back here."""
        dialog = ShiftDialog.counted_by(
            manager.name, self.desk.terminal, self.held, self.runner, self
        )
        dialog.closed.connect(self._released)
        self.count_dialog = dialog

    def _released(self, shift: Shift) -> None:
        self.released.emit(shift)
        self.accept()

    def _sign_out(self) -> None:
        self.sign_out.emit()
        self.accept()


class _ShiftWorkDialog(_WorkDialog):
    """Works on one open shift, which another window (the back office's Day close, the till's
    own F5 a second time) may close meanwhile. ``closed`` carries the shift as it closed, here
    or there: kept open on the old figures, the dialog would offer cash moves and a close the
    store refuses one by one, and the till would still count on the shift."""

    closed = Signal(object)

    def __init__(
        self, desk: ShiftDesk, shift: Shift, runner: TaskRunner, parent: QWidget | None
    ) -> None:
        super().__init__(runner, parent)
        self.desk, self.shift = desk, shift

    def _failed(self, error: Exception) -> None:
        """A refusal of the store (a closed shift is one) is checked against the shift read back:
        closed, the dialog ends with its final figures; open, the refusal is shown as it came."""
        if not isinstance(error, StoreError):
            super()._failed(error)
            return
        say_refused = super()._failed
        shift_id = self.shift.id
        run_for(
            self,
            self.runner,
            lambda: self.desk.refreshed(shift_id),
            lambda shift: say_refused(error) if shift.is_open else self._closed(shift),
            lambda _unread: say_refused(error),
        )

    def _closed(self, shift: Shift) -> None:
        self._set_busy(False)
        self.closed.emit(shift)
        self.accept()


HINT_MARGIN = 24
"""A line edit's frame and padding around its placeholder, in pixels."""


class CashMoveDialog(_ShiftWorkDialog):
    """Cash put in the drawer (``direction`` 1) or taken out (-1), with the reason."""

    moved = Signal(object)

    def __init__(
        self,
        desk: ShiftDesk,
        shift: Shift,
        direction: int,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(desk, shift, runner, parent)
        self.direction = direction
        self.setWindowTitle(self.tr("Cash in") if direction > 0 else self.tr("Cash out"))
        self.amount = QLineEdit()
        self.amount.setObjectName("moveAmount")
        self.reason = QLineEdit()
        self.reason.setObjectName("moveReason")
        self.reason.setPlaceholderText(
            self.tr("e.g. change from the bank")
            if direction > 0
            else self.tr("e.g. pick-up to the safe, petty cash for ice")
        )
        hint = self.reason.fontMetrics().horizontalAdvance(self.reason.placeholderText())
        self.reason.setMinimumWidth(hint + HINT_MARGIN)  # the hint is read whole, in any language
        self.ok_button = QPushButton(self.tr("Record"))
        self.ok_button.setObjectName("recordMove")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._record)
        self.work_buttons.append(self.ok_button)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Amount")), self.amount)
        form.addRow(QLabel(self.tr("Reason")), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ok_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def _record(self) -> None:
        try:
            amount = _rupiah(self.amount)
        except ValidationError as error:
            self.status.setText(str(error))
            return
        reason, shift_id = self.reason.text(), self.shift.id
        move = self.desk.cash_in if self.direction > 0 else self.desk.cash_out
        self.work(lambda: move(shift_id, amount, reason), self._moved)

    def _moved(self, shift: Shift) -> None:
        self.moved.emit(shift)
        self.accept()


class ShiftDialog(_ShiftWorkDialog):
    """The open shift (F5): its drawer so far, cash in, cash out, and counting it to close."""

    def __init__(
        self,
        desk: ShiftDesk,
        shift: Shift,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(desk, shift, runner, parent)
        self.setWindowTitle(self.tr("Shift of {name}").format(name=desk.cashier))
        self.figures = QLabel()
        self.figures.setObjectName("shiftFigures")
        self.count = DrawerCount()
        self.count.changed.connect(self._recount)
        self.expected = QLabel()
        self.expected.setObjectName("expectedCash")
        self.counted = QLabel()
        self.counted.setObjectName("countedCash")
        self.difference = QLabel()
        self.difference.setObjectName("cashDifference")
        self.cash_in_button = QPushButton(self.tr("Cash in…"))
        self.cash_in_button.setObjectName("cashIn")
        self.cash_in_button.clicked.connect(lambda: self._move(1))
        self.cash_out_button = QPushButton(self.tr("Cash out…"))
        self.cash_out_button.setObjectName("cashOut")
        self.cash_out_button.clicked.connect(lambda: self._move(-1))
        self.close_button = QPushButton(self.tr("Close shift with this count"))
        self.close_button.setObjectName("closeShift")
        self.close_button.clicked.connect(self._close)
        self.work_buttons += [self.cash_in_button, self.cash_out_button, self.close_button]
        back = QPushButton(self.tr("Back to the till (Esc)"))
        back.clicked.connect(self.reject)
        self.move_dialog: CashMoveDialog | None = None
        totals = QFormLayout()
        totals.addRow(QLabel(self.tr("Expected cash")), self.expected)
        totals.addRow(QLabel(self.tr("Counted cash")), self.counted)
        totals.addRow(QLabel(self.tr("Difference")), self.difference)
        moves = QHBoxLayout()
        moves.addWidget(self.cash_in_button)
        moves.addWidget(self.cash_out_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(back)
        layout = QVBoxLayout(self)
        layout.addWidget(self.figures)
        layout.addLayout(moves)
        layout.addWidget(self.count)
        layout.addLayout(totals)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._show(shift)
        shift_id = shift.id
        self.work(lambda: desk.refreshed(shift_id), self._refreshed)

    @classmethod
    def counted_by(
        cls,
        manager: str,
        terminal: Terminal,
        shift: Shift,
        runner: TaskRunner,
        parent: QWidget | None,
    ) -> "ShiftDialog":
        """Shown for ``manager`` to count and close ``shift``, which its cashier left open (the
        back office's Day close, or the till whose drawer it holds): cash moves and the close
        are recorded in the manager's name."""
        dialog = cls(ShiftDesk(terminal, shift.cashier, actor=manager), shift, runner, parent)
        dialog.show()
        return dialog

    def _refreshed(self, shift: Shift) -> None:
        """The shift as the store has it now: closed since it was listed (the Day close tab's
        list is read before its cashier closes it at the till), it ends the dialog too."""
        if shift.is_open:
            self._show(shift)
        else:
            self._closed(shift)

    def _show(self, shift: Shift) -> None:
        self.shift = shift
        self.figures.setText(
            self.tr(
                "Opening float {float} · cash sales {sales} ({count}) · cash in {cash_in} · "
                "cash out {cash_out}"
            ).format(
                float=format_rupiah(shift.opening_float),
                sales=format_rupiah(shift.cash_sales),
                count=shift.cash_sales_count,
                cash_in=format_rupiah(shift.cash_in),
                cash_out=format_rupiah(shift.cash_out),
            )
        )
        self._recount()

    def _recount(self) -> None:
        counted = self.count.count().total
        difference = counted - self.shift.expected_cash
        self.expected.setText(format_rupiah(self.shift.expected_cash))
        self.counted.setText(format_rupiah(counted))
        self.difference.setText(format_rupiah(difference))
        self.difference.setStyleSheet(ERROR_STYLE if difference < 0 else "")

    def _move(self, direction: int) -> None:
        dialog = CashMoveDialog(self.desk, self.shift, direction, self.runner, self)
        dialog.moved.connect(self._show)
        dialog.closed.connect(self._closed)
        self.move_dialog = dialog
        dialog.show()

    def _close(self) -> None:
        """Close with the count shown; one far from the expected cash is asked about first."""
        counted = self.count.count()
        difference = counted.total - self.shift.expected_cash
        if not count_to_check(difference):
            self._close_with(counted)
            return
        ask_confirmation(
            self,
            self.tr("Close the shift"),
            self.tr(
                "The count {counted} differs from the expected cash by {difference}. Close the "
                "shift with this count? It cannot be changed afterwards."
            ).format(counted=format_rupiah(counted.total), difference=format_rupiah(difference)),
            lambda: self._close_with(counted),
        )

    def _close_with(self, counted: CashCount) -> None:
        shift_id = self.shift.id
        self.work(lambda: self.desk.close(shift_id, counted), self._closed)


class ShiftReportDialog(DocumentPreview):
    """The shift report as the shift closed, in the till's time zone under its shop's name: on
    screen, printed, or saved as PDF."""

    def __init__(self, shift: Shift, terminal: Terminal, parent: QWidget | None = None):
        super().__init__(
            render_shift_html(
                shift, time_zone=terminal.store.day.tz.key, shop_name=terminal.settings.shop.name
            ),
            title=QCoreApplication.translate("ShiftReportDialog", "Shift report"),
            name="shiftReport",
            pdf_name=f"shift-{shift.business_date.isoformat()}-{shift.id}.pdf",
            parent=parent,
        )
        self.shift = shift
