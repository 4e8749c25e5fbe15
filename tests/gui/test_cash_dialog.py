import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from pos_app.domain.cash_count import quick_amounts
from pos_app.domain.errors import ValidationError
from pos_app.gui.cash_dialog import CashDialog


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (12_300, [12_300, 15_000, 20_000, 50_000, 100_000]),
        (20_000, [20_000, 50_000, 100_000]),
        (73_500, [73_500, 75_000, 80_000, 100_000]),
        (150_001, [150_001, 155_000, 160_000, 200_000]),
    ],
)
def test_quick_amounts_are_exact_then_the_next_round_notes(total, expected):
    assert quick_amounts(total) == expected


@pytest.fixture
def dialog(qtbot):
    made = CashDialog(18_000)
    qtbot.addWidget(made)
    made.open()
    return made


def test_change_due_follows_the_amount_typed(qtbot, dialog):
    qtbot.keyClicks(dialog.received_input, "Rp 50.000")
    assert dialog.received == 50_000 and dialog.change == 32_000
    assert dialog.change_label.text() == "Rp 32.000"
    assert dialog.complete_button.isEnabled()
    with qtbot.waitSignal(dialog.tendered) as tendered:
        qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)
    assert tendered.args == [50_000, 32_000]
    assert dialog.result() == CashDialog.DialogCode.Accepted


def test_too_little_cannot_complete(qtbot, dialog):
    completed: list[int] = []
    dialog.tendered.connect(lambda received, _change: completed.append(received))
    qtbot.keyClicks(dialog.received_input, "15000")
    assert not dialog.complete_button.isEnabled()
    assert "Rp 3.000 short" in dialog.problem.text()
    assert dialog.change_label.text() == "—"
    qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)
    assert completed == [] and dialog.isVisible()


def test_unreadable_amount_is_explained(qtbot, dialog):
    qtbot.keyClicks(dialog.received_input, "20.000,50")
    assert dialog.received is None
    assert "whole rupiah" in dialog.problem.text()
    assert not dialog.complete_button.isEnabled()


@pytest.mark.parametrize("code", ["89912348", "]E489912348", "8991234567891", "012345678905"])
def test_a_barcode_scanned_into_the_amount_does_not_complete(qtbot, dialog, code):
    """EAN-8, EAN-13 and UPC-A with their check digits, and the scanner's Enter after them."""
    completed: list[int] = []
    dialog.tendered.connect(lambda received, _change: completed.append(received))
    qtbot.keyClicks(dialog.received_input, code)
    qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)
    assert completed == [] and dialog.isVisible()
    assert f"{code} is a barcode, not an amount" in dialog.problem.text()
    assert dialog.received is None and dialog.change_label.text() == "—"


def test_a_large_amount_typed_with_its_dots_is_no_barcode(qtbot, dialog):
    qtbot.keyClicks(dialog.received_input, "89.912.348")
    assert dialog.received == 89_912_348 and dialog.complete_button.isEnabled()


def test_quick_amount_buttons_fill_the_amount(qtbot, dialog):
    texts = [button.text() for button in dialog.quick_buttons]
    assert texts == ["Exact Rp 18.000", "Rp 20.000", "Rp 50.000", "Rp 100.000"]
    qtbot.mouseClick(dialog.quick_buttons[1], Qt.MouseButton.LeftButton)
    assert dialog.received == 20_000 and dialog.change_label.text() == "Rp 2.000"
    qtbot.mouseClick(dialog.quick_buttons[0], Qt.MouseButton.LeftButton)
    assert dialog.change == 0 and dialog.complete_button.isEnabled()


def test_escape_cancels(qtbot, dialog):
    qtbot.keyClick(dialog.received_input, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == CashDialog.DialogCode.Rejected


def test_a_zero_total_is_refused():
    with pytest.raises(ValidationError, match="at least"):
        CashDialog(0)


def test_an_amount_past_a_32_bit_int_is_tendered_whole(qtbot):
    """Qt's ``int`` is 32 bits: Rp 3.000.000.000 wrapped or failed to emit, and no sale was kept."""
    dialog = CashDialog(2_500_000_000)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.received_input, "3.000.000.000")
    qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)  # the change checked first
    with qtbot.waitSignal(dialog.tendered) as tendered:
        qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)
    assert tendered.args == [3_000_000_000, 500_000_000]


def test_more_than_the_largest_amount_cannot_complete(qtbot, dialog):
    qtbot.keyClicks(dialog.received_input, "1.000.000.000.000")
    assert dialog.received is None and not dialog.complete_button.isEnabled()
    assert "at most Rp 999.999.999.999" in dialog.problem.text()


def test_no_quick_amount_passes_the_largest_amount():
    assert quick_amounts(999_999_999_001) == [999_999_999_001]


def test_change_of_a_whole_largest_note_needs_a_second_enter(qtbot, dialog):
    """Rp 1.000.000 typed for Rp 100.000 (a zero too many) would have the drawer pay Rp 982.000."""
    completed: list[int] = []
    dialog.tendered.connect(lambda received, _change: completed.append(received))
    qtbot.keyClicks(dialog.received_input, "1.000.000")
    qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)
    assert completed == [] and dialog.isVisible()
    assert "Rp 982.000" in dialog.problem.text() and "Rp 1.000.000" in dialog.problem.text()

    dialog.received_input.clear()
    qtbot.keyClicks(dialog.received_input, "118.000")  # exactly one note too many
    assert dialog.problem.text() == "", "a new amount is checked anew"
    qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)
    assert completed == [] and "Rp 100.000" in dialog.problem.text()
    with qtbot.waitSignal(dialog.tendered) as tendered:
        qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)
    assert tendered.args == [118_000, 100_000]


def test_enter_held_down_is_no_second_enter_on_change_to_check(qtbot, dialog):
    """Enter held a moment too long repeats itself: its first repeat passed for the second
    Enter, and a mistyped Rp 1.000.000 had the drawer pay Rp 982.000 without a look."""
    completed: list[int] = []
    dialog.tendered.connect(lambda received, _change: completed.append(received))
    qtbot.keyClicks(dialog.received_input, "1.000.000")
    qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)
    for _ in range(3):
        held = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", True
        )
        QApplication.sendEvent(dialog.received_input, held)
    assert completed == [] and dialog.isVisible()
    assert "Rp 982.000" in dialog.problem.text()
    with qtbot.waitSignal(dialog.tendered) as tendered:
        qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)
    assert tendered.args == [1_000_000, 982_000]


def test_change_below_the_largest_note_completes_on_the_first_enter(qtbot, dialog):
    qtbot.keyClicks(dialog.received_input, "117.900")
    with qtbot.waitSignal(dialog.tendered) as tendered:
        qtbot.keyClick(dialog.received_input, Qt.Key.Key_Return)
    assert tendered.args == [117_900, 99_900]
