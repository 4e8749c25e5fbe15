"""The signed-in cashier's shift at this till: open it with a float, move cash in or out with a
reason, close it with the drawer's count. The till has one drawer: while another cashier's shift
holds it, that one is counted and closed first (by its cashier, or by a manager as its actor).

Each method blocks on SQLite and may run on any thread (the store opens a connection per thread);
the counter's dialogs call them from workers.
"""

from datetime import datetime

from pos_app.domain.cash_count import CashCount
from pos_app.domain.money import check_amount
from pos_app.domain.texts import N_, Text
from pos_app.store.shifts import Shift
from pos_app.till.terminal import Terminal


class ShiftDesk:
    """``cashier``'s shift, worked by ``actor``: the cashier, or a manager who counts and closes a
    shift its cashier left open."""

    def __init__(self, terminal: Terminal, cashier: str, actor: str | None = None) -> None:
        self.terminal = terminal
        self.cashier = cashier
        self.actor = actor or cashier

    def now(self) -> datetime:
        return self.terminal.checkout.clock()

    @property
    def terminal_id(self) -> str:
        return self.terminal.settings.terminal_id

    def current(self) -> Shift | None:
        """The cashier's open shift on this till; None means one must be opened first."""
        return self.terminal.store.shifts.current(self.terminal_id, self.cashier)

    def standing(self) -> tuple[Shift | None, Shift | None]:
        """The cashier's open shift on this till, and without one, another cashier's open shift
        that holds the till's drawer (of any day): none opens until that one is counted and
        closed. ``(None, None)``: one is to be opened."""
        own = self.current()
        if own is not None:
            return own, None
        return None, self.terminal.store.shifts.holding_drawer(self.terminal_id, self.cashier)

    def open(self, opening_float: int) -> Shift:
        """Refused (:class:`~pos_app.store.shifts.DrawerHeld`) while another cashier's shift
        holds the drawer."""
        return self.terminal.store.shifts.open(
            terminal_id=self.terminal_id,
            cashier=self.cashier,
            opening_float=opening_float,
            now=self.now(),
        )

    def cash_in(self, shift_id: int, amount: int, reason: str) -> Shift:
        """Put ``amount`` in the drawer; refused unless above Rp 0 (see :meth:`cash_out`)."""
        put_in = check_amount(amount, field=Text(N_("Cash in")))
        return self.terminal.store.shifts.move_cash(
            shift_id, put_in, reason=reason, actor=self.actor, now=self.now()
        )

    def cash_out(self, shift_id: int, amount: int, reason: str) -> Shift:
        """Take ``amount`` out of the drawer; refused unless above Rp 0: the store takes the sign
        as the direction, so a negative amount would be written as cash put in."""
        taken = check_amount(amount, field=Text(N_("Cash out")))
        return self.terminal.store.shifts.move_cash(
            shift_id, -taken, reason=reason, actor=self.actor, now=self.now()
        )

    def close(self, shift_id: int, counted: CashCount) -> Shift:
        return self.terminal.store.shifts.close(
            shift_id, counted, closed_by=self.actor, now=self.now()
        )

    def refreshed(self, shift_id: int) -> Shift:
        """The shift with its cash sales up to now: what the close dialog expects."""
        return self.terminal.store.shifts.get(shift_id)
