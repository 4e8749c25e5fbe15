"""The counter's shift desk on a whole demo terminal: cash in and cash out each move the drawer
their own way only."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.errors import ValidationError
from pos_app.settings.terminal_config import Settings
from pos_app.till.shifts import ShiftDesk
from pos_app.till.terminal import Terminal, open_terminal


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = open_terminal(Settings(), tmp_path / "demo.db", demo=True)
    yield terminal
    terminal.close()


def test_a_negative_cash_out_is_refused_not_put_in(terminal: Terminal) -> None:
    """Cash out of -Rp 20.000 was written as Rp 20.000 put in (the desk turned its sign), and a
    cash in of -Rp 20.000 as Rp 20.000 taken out: the drawer expected Rp 40.000 off the cash in
    it, under the other heading of the report."""
    desk = ShiftDesk(terminal, "Demo Kasir")
    shift = desk.open(50_000)

    with pytest.raises(ValidationError, match="Cash out must be between"):
        desk.cash_out(shift.id, -20_000, "pick-up to the safe")
    with pytest.raises(ValidationError, match="Cash in must be between"):
        desk.cash_in(shift.id, -20_000, "change from the bank")

    assert desk.refreshed(shift.id).moves == ()
    assert desk.refreshed(shift.id).expected_cash == 50_000
