"""Returns at the counter: the cashier finds the sale by its receipt number, a manager approves with
their PIN, and the money goes back in cash, to the customer's DOKU Wallet, or is recorded as paid
back outside Kasir.

The manager's PIN is checked here, in the core, right before the return is written (wrong guesses
lock that manager out, as at the back office's door), and the return's audit entry names them.
A wallet return is written with its refund ``pending`` in one transaction, then sent as an
ecommpay payout exactly like a back-office refund (``till/refund_payouts.py``): if the payout is
refused, the refund fails and the items can be returned again. Blocking: call it off the GUI thread.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import UNPAID
from pos_app.domain.returns import ReturnMethod
from pos_app.domain.texts import N_, say
from pos_app.store.refunds import Refund
from pos_app.store.returns import Return, ReturnableSale, WalletPayout
from pos_app.store.users import Role, User
from pos_app.till.refund_payouts import RefundError, new_payout_id
from pos_app.till.return_receipts import Payback
from pos_app.till.terminal import Terminal


class ApprovalRefused(ValidationError):
    """The PIN given is not an active manager's: nothing was written."""


@dataclass(frozen=True, slots=True)
class ReturnOutcome:
    """The return as written; a wallet return also its refund, and what went wrong with its
    payout (``problem``) if anything did."""

    returned: Return
    refund: Refund | None = None
    problem: str = ""

    @property
    def payout_failed(self) -> bool:
        """The payout did not go out: the refund is settled, unpaid, and the items can be
        returned again (in cash, so the drawer records the money)."""
        return self.refund is not None and self.refund.status in UNPAID

    @property
    def payout_unknown(self) -> bool:
        """The payout's answer was lost: it stays pending until ecommpay's word comes, and the
        money may be on its way; nothing else may be given back meanwhile."""
        return bool(self.problem) and not self.payout_failed

    @property
    def payback(self) -> Payback:
        """Where the return's money stands as its receipt says it: a payout ecommpay only took
        is pending, not paid back, until its callback says paid."""
        return Payback.of(self.refund)


class ReturnDesk:
    """The counter's returns, for the cashier signed in at ``terminal``."""

    def __init__(self, terminal: Terminal, cashier: str) -> None:
        self.terminal = terminal
        self.cashier = cashier

    def find(self, receipt_number: str) -> ReturnableSale:
        """The completed sale with this receipt number, and what it has left to return."""
        returns = self.terminal.store.returns
        return returns.returnable(returns.find_sale(receipt_number))

    def methods(self, sale: ReturnableSale) -> tuple[ReturnMethod, ...]:
        """The ways its money can go back from this till: a wallet only with ecommpay payouts."""
        paid_out = self.terminal.payouts is not None
        return tuple(
            method for method in sale.methods if paid_out or method is not ReturnMethod.WALLET
        )

    def make_return(
        self,
        sale_id: int,
        quantities: Mapping[int, int],
        *,
        method: ReturnMethod,
        manager: str,
        pin: str,
        account_number: str = "",
        customer_name: str = "",
        reason: str = "",
        redo_of: int | None = None,
    ) -> ReturnOutcome:
        """Check the manager's PIN, write the return, (to a wallet) send its payout; then, at the
        receipt printer, open the drawer for cash and print the return's receipt (not for a payout
        that did not go out: its items are to be returned again). ``redo_of``: the wallet return
        not paid back (:attr:`ReturnableSale.not_paid_back`) this one makes again; the items of
        such a return come back by no other (:meth:`ReturnableSale.free`)."""
        approver = self._approver(manager, pin)
        store = self.terminal.store
        payouts = self.terminal.payouts
        payout = None
        if method is ReturnMethod.WALLET:
            if payouts is None:
                raise ValidationError(N_("this till cannot pay out to a wallet: pay back in cash"))
            payout = WalletPayout(
                new_payout_id(self.terminal.settings.terminal_id),
                payouts.gateway.name,
                account_number,
                customer_name,
            )
        returned = store.returns.record(
            sale_id,
            quantities,
            method=method,
            terminal_id=self.terminal.settings.terminal_id,
            cashier=self.cashier,
            approved_by=approver.name,
            now=self.terminal.checkout.clock(),
            reason=reason,
            payout=payout,
            redo_of=redo_of,
        )
        if payout is None or payouts is None:
            outcome = ReturnOutcome(returned)
        else:
            try:
                refund = payouts.dispatch(store.refunds.get(payout.payout_id))
                # ecommpay's callback may settle it unpaid before its answer to the request
                why = say(N_("ecommpay's answer: {status}"), status=refund.status)
                outcome = ReturnOutcome(returned, refund, why if refund.status in UNPAID else "")
            except RefundError as error:
                outcome = ReturnOutcome(returned, error.refund, str(error))
        if self.terminal.printer is not None and not outcome.payout_failed:
            shop, time_zone = self.terminal.settings.shop, store.day.tz.key
            self.terminal.printer.return_made(
                returned, shop, time_zone=time_zone, payback=outcome.payback
            )
        return outcome

    def _approver(self, manager: str, pin: str) -> User:
        user = self.terminal.store.users.verify_pin(pin, name=manager)
        if user is None or user.role is not Role.MANAGER:
            raise ApprovalRefused(N_("wrong PIN for {name}: the return was not made"), name=manager)
        return user
