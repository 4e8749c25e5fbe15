from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from pos_app.gui.payment_dialog import PaymentDialog
from pos_app.payments.model import AttemptState, PaymentRequest, ProviderName
from tests.gui.helpers import answer_confirmation, wait_for_modal

NOW = datetime(2025, 1, 31, 7, 0, 0, tzinfo=UTC)
URL = "https://app-sandbox.doku.com/wallet/pay/INV-0001"


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def request(invoice: str = "INV-0001", minutes: int = 15) -> PaymentRequest:
    return PaymentRequest(
        provider=ProviderName.DOKU,
        invoice_number=invoice,
        amount=18_000,
        payment_url=URL,
        expires_at=NOW + timedelta(minutes=minutes),
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


def close_quietly(dialog: PaymentDialog) -> None:
    """Closing an open attempt's dialog asks to cancel; a test's teardown must not leave that."""
    dialog.done(PaymentDialog.DialogCode.Rejected)


@pytest.fixture
def dialog(qtbot, clock):
    made = PaymentDialog(request(), clock=clock)
    qtbot.addWidget(made, before_close_func=close_quietly)
    made.show()
    qtbot.waitExposed(made)
    return made


def visible_buttons(dialog: PaymentDialog) -> set[str]:
    return {b.text() for b in dialog._buttons() if b.isVisible()}


def test_shows_qr_amount_invoice_and_countdown(qtbot, dialog, clock):
    assert dialog.qr.text == URL
    assert dialog.qr.width() >= 280 and dialog.qr.height() >= 280
    assert dialog.amount.text() == "Rp 18.000"
    assert "INV-0001" in dialog.invoice.text()
    assert dialog.countdown.text() == "Expires in 15:00"
    clock.now = NOW + timedelta(minutes=14, seconds=30)
    qtbot.waitUntil(lambda: dialog.countdown.text() == "Expires in 0:30", timeout=2500)
    clock.now = NOW + timedelta(minutes=16)
    qtbot.waitUntil(lambda: dialog.countdown.text() == "Expiry time reached", timeout=2500)
    assert "Waiting" in dialog.banner.text()
    assert visible_buttons(dialog) == {"Copy link", "Open link", "Check status", "Cancel (Esc)"}


def test_check_status_asks(qtbot, dialog):
    with qtbot.waitSignal(dialog.check_requested):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.status_line.text()


def test_paid_shows_a_big_confirmation_and_enter_closes(qtbot, dialog):
    dialog.set_state(AttemptState.PAID, "DOKU ref 123")
    assert dialog.picture.currentWidget() is dialog.outcome
    assert "Paid" in dialog.outcome.text() and "Rp 18.000" in dialog.outcome.text()
    assert dialog.status_line.text() == "DOKU ref 123"
    assert visible_buttons(dialog) == {"Done (Enter)"}
    assert not dialog.countdown.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == PaymentDialog.DialogCode.Accepted and not dialog.isVisible()


def test_late_payment_is_flagged(dialog):
    dialog.set_state(AttemptState.EXPIRED)
    dialog.set_state(AttemptState.PAID, late=True)
    assert "late payment" in dialog.outcome.text()


def test_declined_offers_a_new_invoice_or_another_tender(qtbot, dialog):
    dialog.set_state(AttemptState.DECLINED, "declined by the wallet")
    assert "declined" in dialog.outcome.text()
    assert dialog.picture.currentWidget() is dialog.outcome, "a dead QR code is not shown"
    assert visible_buttons(dialog) == {"Try again", "Other tender", "Close (Esc)"}
    with qtbot.waitSignal(dialog.retry_requested):
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    dialog.set_state(AttemptState.CREATED)
    assert dialog.picture.currentWidget() is dialog.outcome
    assert "Creating" in dialog.outcome.text()
    dialog.set_request(request("INV-0002"))
    assert dialog.picture.currentWidget() is dialog.qr
    assert dialog.state == AttemptState.PENDING and "INV-0002" in dialog.invoice.text()
    dialog.set_state(AttemptState.DECLINED)
    with qtbot.waitSignal(dialog.other_tender_requested):
        qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_expired_is_shown_and_esc_just_closes(qtbot, dialog):
    dialog.set_state(AttemptState.EXPIRED)
    assert "expired" in dialog.outcome.text()
    assert dialog.retry_button.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)
    assert not dialog.isVisible()


def test_unreachable_keeps_the_attempt_open_and_allows_another_tender(dialog):
    dialog.set_state(AttemptState.UNKNOWN, "relay: connection refused")
    assert "Still trying" in dialog.banner.text()
    assert dialog.picture.currentWidget() is dialog.qr
    assert visible_buttons(dialog) == {
        "Copy link",
        "Open link",
        "Check status",
        "Other tender",
        "Cancel (Esc)",
    }


def test_esc_asks_before_cancelling(qtbot, dialog):
    cancelled: list[bool] = []
    dialog.cancel_confirmed.connect(lambda: cancelled.append(True))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    answer_confirmation(qtbot, yes=False)
    assert cancelled == [] and dialog.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    box = wait_for_modal(qtbot, QMessageBox)
    assert "late payment" in box.text()
    answer_confirmation(qtbot, yes=True)
    assert cancelled == [True]
    assert not dialog.isVisible()


def test_copy_link_puts_the_url_on_the_clipboard(qtbot, dialog):
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == URL


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_open_link_hands_the_url_to_the_desktop(qtbot, dialog):
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.urls == [URL]


def test_without_expiry_there_is_no_countdown(qtbot):
    made = PaymentDialog(
        PaymentRequest(ProviderName.ECOMMPAY_GATE, "p-1", 5_000, "http://127.0.0.1:1/r/tok")
    )
    qtbot.addWidget(made, before_close_func=close_quietly)
    made.show()
    assert not made.countdown.isVisible()


def focused(qtbot, dialog: PaymentDialog) -> QWidget:
    """The dialog's button with the focus, where a scanner's keys arrive."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QPushButton))
    widget = QApplication.focusWidget()
    assert widget is not None and widget.window() is dialog
    return widget


@pytest.mark.parametrize("end", [Qt.Key.Key_Return, Qt.Key.Key_Tab], ids=["enter", "tab"])
@pytest.mark.parametrize("code", ["96385074", "]E496385074", "]E08991002101203"])
def test_an_item_scanned_while_the_qr_is_up_is_named_not_added(qtbot, dialog, code, end):
    """With its AIM identifier (``]E4`` and an EAN-8 are 11 characters, not 8 digits), and
    ended by Tab as some shops set their scanner: named, the focus left where it was."""
    target = focused(qtbot, dialog)
    qtbot.keyClicks(target, code)
    qtbot.keyClick(target, end)
    assert dialog.status_line.text().startswith(f"{code} was not added: this QR pays")
    assert dialog.isVisible() and QApplication.focusWidget() is target


def test_tab_without_a_scan_moves_the_focus_as_usual(qtbot, dialog):
    target = focused(qtbot, dialog)
    qtbot.keyClicks(target, "123")
    qtbot.keyClick(target, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not target)
    assert dialog.status_line.text() == ""
