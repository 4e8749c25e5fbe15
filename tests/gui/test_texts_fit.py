"""No text is cut off on the smallest screens a shop's till has (1024×768, 1366×768), in
Indonesian (the longer language) and in English: labels, buttons, tabs and the scan line's hint."""

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QTabBar, QWidget

from pos_app.domain.basket import LineItem
from pos_app.gui.i18n import use_language
from pos_app.gui.shift_dialogs import OpenShiftDialog, ShiftDialog
from tests.gui.back_office_helpers import idle, signed_in
from tests.gui.e2e import WAIT_MS, ring_up_three, sign_in

SCREENS = [(1024, 768), (1366, 768)]
BUTTON_PADDING = 12
"""A push button's frame and margins, which its text cannot use."""


def _plain(text: str) -> str:
    """A label's text as drawn: without rich-text tags and mnemonic ampersands."""
    return re.sub(r"<[^>]+>", "", text).replace("&", "")


def cut_off(root: QWidget) -> list[str]:
    """Each visible text of ``root`` wider than the room its widget gives it."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        metrics = widget.fontMetrics()
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            text = _plain(widget.text())
            need = max(metrics.horizontalAdvance(line) for line in text.splitlines())
            room = widget.contentsRect().width() - 2 * widget.margin()
        elif isinstance(widget, QAbstractButton) and widget.text():
            text = _plain(widget.text())
            icon = 0 if widget.icon().isNull() else widget.iconSize().width()
            need = metrics.horizontalAdvance(text) + icon
            room = widget.width() - BUTTON_PADDING
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            text = widget.placeholderText()
            need = metrics.horizontalAdvance(text)
            room = widget.width() - BUTTON_PADDING
        elif isinstance(widget, QTabBar):
            found += [
                f"tab {widget.tabText(index)!r}"
                for index in range(widget.count())
                if metrics.horizontalAdvance(widget.tabText(index))
                > widget.tabRect(index).width() - BUTTON_PADDING
            ]
            continue
        else:
            continue
        if need > room:
            found.append(f"{type(widget).__name__} {text!r}: {need} px in {room} px")
    return found


@pytest.fixture(params=["id", "en"])
def language(request, qapp: QApplication) -> Iterator[str]:
    assert use_language(qapp, request.param)
    yield request.param


def test_the_cashier_screen_fits(qtbot, start_app, language: str) -> None:
    app = start_app()
    sign_in(qtbot, app)
    ring_up_three(qtbot, app)
    for width, height in SCREENS:
        app.shell.resize(width, height)
        QApplication.processEvents()
        assert cut_off(app.shell) == [], (language, width)


def test_the_back_office_fits(qtbot, start_app, language: str) -> None:
    app = start_app()
    checkout = app.terminal.checkout
    sale_id = checkout.open_sale(
        (LineItem("POK-001", "Beras Pandan Wangi 5kg", 78_000, 99),), cashier="Demo Kasir"
    )
    checkout.pay_cash(sale_id, 8_000_000)
    window = signed_in(qtbot, app)
    for width, height in SCREENS:
        window.resize(width, height)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)  # as a click on it: the tab is made and loads
            idle(qtbot, window)
            QApplication.processEvents()
            assert cut_off(window) == [], (language, width, window.tabs.tabText(index))
        totals = window.sales.totals_view
        assert totals.horizontalScrollBar().maximum() == 0, "the takings are read whole"


def test_the_shift_dialogs_fit(qtbot, start_app, language: str) -> None:
    app = start_app(ask_for_shift=True)
    sign_in(qtbot, app)
    qtbot.waitUntil(lambda: isinstance(app.shifts.dialog, OpenShiftDialog), timeout=WAIT_MS)
    opening = app.shifts.dialog
    assert cut_off(opening) == []
    opening.open_button.click()
    qtbot.waitUntil(lambda: app.shifts.dialog is None, timeout=WAIT_MS)
    app.shifts.show()
    qtbot.waitUntil(lambda: isinstance(app.shifts.dialog, ShiftDialog), timeout=WAIT_MS)
    shift = app.shifts.dialog
    assert cut_off(shift) == []
    for button in (shift.cash_in_button, shift.cash_out_button):
        qtbot.waitUntil(button.isEnabled, timeout=WAIT_MS)  # the shift's figures are in
        button.click()
        qtbot.waitUntil(lambda: shift.move_dialog.isVisible(), timeout=WAIT_MS)
        assert cut_off(shift.move_dialog) == [], button.text()
        shift.move_dialog.reject()
