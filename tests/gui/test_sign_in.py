import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from pos_app.gui.sign_in import SignInPage
from tests.gui.helpers import show


@pytest.fixture
def page(qtbot):
    made = SignInPage()
    show(qtbot, made)
    return made


def test_pad_digits_are_masked_and_enter_emits_the_pin(qtbot, page):
    for key in "1119":
        qtbot.mouseClick(page.keys[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.keys["⌫"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.keys["1"], Qt.MouseButton.LeftButton)
    assert page.pin.echoMode() == QLineEdit.EchoMode.Password
    assert page.pin.displayText() != "1111"
    with qtbot.waitSignal(page.pin_entered) as entered:
        qtbot.mouseClick(page.keys["↵"], Qt.MouseButton.LeftButton)
    assert entered.args == ["1111"]
    assert page.pin.text() == ""


def test_keyboard_digits_and_enter_work_too(qtbot, page):
    with qtbot.waitSignal(page.pin_entered) as entered:
        qtbot.keyClicks(page.pin, "9999")
        qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert entered.args == ["9999"]


def test_hint_and_error_lines(qtbot, page):
    page.set_hint("Demo: cashier 1111, manager 9999")
    page.set_error("Wrong PIN")
    assert page.hint.text() == "Demo: cashier 1111, manager 9999"
    assert page.error.text() == "Wrong PIN"
    qtbot.keyClicks(page.pin, "1")
    assert page.error.text() == "", "typing again clears the error"


def test_locked_pad_refuses_pins_and_shows_the_time_left(qtbot, page):
    entered: list[str] = []
    page.pin_entered.connect(entered.append)
    page.lock(125)
    assert page.locked and "2:05" in page.error.text()
    assert not page.keys["1"].isEnabled() and not page.pin.isEnabled()
    assert not page.keys["↵"].isEnabled()
    page.lock(1)
    qtbot.waitUntil(lambda: not page.locked, timeout=3000)
    assert page.keys["1"].isEnabled() and page.error.text() == ""
    qtbot.keyClicks(page.pin, "1111")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert entered == ["1111"]


def test_empty_pin_is_ignored(qtbot, page):
    entered: list[str] = []
    page.pin_entered.connect(entered.append)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert entered == []
