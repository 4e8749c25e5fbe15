"""Returns: which way the money of a completed sale may go back, and what returned items give back.

A line gives back what the customer paid for it (after its discounts, ``sale_lines.amount``), never
more, however the items come back: each return gives what all the items returned so far are worth
at the line's own price, less what the line already gave back. Worth is rounded down, so a discount
that does not split evenly over the items is kept until the last item comes back, which takes the
rest: several partial returns add up to the line's amount exactly, never beyond it.

The same rule splits the line's PPN, and the part of its price outside the PPN's base (DPP), over
its returns; the return line's DPP is what is left of its money after those two. So a return line's
money is its DPP, PPN and that part (none when the DPP is the whole price without PPN), and a line
returned whole gives back exactly the DPP and PPN it was charged: the accountant's PPN owed goes
down by what the returns gave back (docs/tax.md).

Whether a sale is partly or wholly returned is read from its returns, not kept as a sale status:
a completed sale stays completed (its takings and receipt number are history), and a wallet return
whose payout fails gives its items back to what can still be returned, which a status would have to
undo.
"""

from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import N_


class ReturnMethod(StrEnum):
    CASH = "cash"
    """From the drawer of the cashier's shift."""
    WALLET = "wallet"
    """To the customer's DOKU Wallet, as an ecommpay Gate payout (a refund)."""
    OUTSIDE = "outside"
    """Made outside Kasir (a DOKU-direct sale refunded in DOKU's back office), recorded here."""


DOKU_DIRECT = "doku"


def return_methods(
    tender: str | None,
    provider: str | None,
    *,
    refunded_at_provider: bool = False,
    partly_refunded_at_provider: bool = False,
) -> tuple[ReturnMethod, ...]:
    """How the money of a sale paid by ``tender`` (through ``provider``) may go back.

    Cash is always possible. A sale paid from a DOKU Wallet can go back to it as an ecommpay
    payout (where the terminal has ecommpay's payout settings: the till knows). DOKU direct pays
    nothing out for Kasir, so a DOKU-direct sale can also be refunded in DOKU's back office and
    recorded here as made outside Kasir. A payment the provider reports ``refunded`` went back
    already (from its back office, or reversed): cash or a payout would pay the customer twice,
    so such a return can only record the refund made there. One the provider refunded in part
    (still paid for the rest) also takes a return recorded as made outside Kasir, for the part
    that went back.
    """
    if refunded_at_provider:
        return (ReturnMethod.OUTSIDE,)
    if tender != "qr":
        return (ReturnMethod.CASH,)
    if provider == DOKU_DIRECT or partly_refunded_at_provider:
        return (ReturnMethod.CASH, ReturnMethod.WALLET, ReturnMethod.OUTSIDE)
    return (ReturnMethod.CASH, ReturnMethod.WALLET)


@dataclass(frozen=True, slots=True)
class ReturnableLine:
    """One line of a completed sale, with what its returns so far took back."""

    line_no: int
    sku: str
    name: str
    sold: int
    """Items sold on the line."""
    paid: int
    """What the customer paid for the line, rupiah."""
    returned: int = 0
    """Items already returned (by returns that still count)."""
    refunded: int = 0
    """Rupiah already given back for the line."""
    dpp: int | None = None
    """The line's PPN base as sold; None where no PPN was charged."""
    ppn: int = 0
    """The line's PPN as sold."""
    returned_dpp: int = 0
    """DPP already given back by the line's returns."""
    returned_ppn: int = 0
    """PPN already given back by the line's returns."""
    tax_rate: int | None = None
    """The line's PPN rate as sold (basis points), which its returns keep."""

    @property
    def left(self) -> int:
        """Items that can still be returned."""
        return self.sold - self.returned

    def refund_for(self, quantity: int) -> int:
        """What returning ``quantity`` more items of the line gives back."""
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
            raise ValidationError(
                N_("{name}: return a whole number of items, 1 or more, got {quantity}"),
                name=self.name,
                quantity=quantity,
            )
        if quantity > self.left:
            raise ValidationError(
                N_("{name}: {quantity} returned, but only {left} of {sold} can still come back"),
                name=self.name,
                quantity=quantity,
                left=self.left,
                sold=self.sold,
            )
        return _share(self.paid, self.refunded, self.returned + quantity, self.sold)

    def tax_for(self, quantity: int, refund: int) -> tuple[int | None, int]:
        """The DPP and PPN that returning ``quantity`` more items gives back, ``refund`` being
        what :meth:`refund_for` gave for them: ``(None, 0)`` where no PPN was charged.

        PPN and the part of the price outside the PPN base are shared out like the money; the
        PPN never beyond the refund (its share can reach a rupiah before the money's does); the
        DPP is what the refund leaves, kept between none and what the line has left, so a
        rounded-down share never makes it negative; the last items give back the rest exactly.
        """
        if self.dpp is None:
            return None, 0
        items = self.returned + quantity
        ppn = _share(self.ppn, self.returned_ppn, items, self.sold)
        if items == self.sold:
            return self.dpp - self.returned_dpp, ppn
        ppn = min(ppn, refund)
        outside = self.paid - self.ppn - self.dpp
        outside_returned = self.refunded - self.returned_ppn - self.returned_dpp
        dpp = refund - ppn - _share(outside, outside_returned, items, self.sold)
        return max(0, min(dpp, self.dpp - self.returned_dpp)), ppn


def _share(total: int, given: int, items: int, sold: int) -> int:
    """What ``items`` of ``sold`` are worth of ``total``, rounded down, less what was ``given``."""
    return max(total * items // sold - given, 0)
