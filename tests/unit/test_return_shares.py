"""What each return of a line gives back: the money, its PPN and its DPP, never below nothing,
and exactly the line once all its items are back."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.returns import ReturnableLine


def give_back(line: ReturnableLine, quantity: int) -> tuple[ReturnableLine, int, int | None, int]:
    money = line.refund_for(quantity)
    dpp, ppn = line.tax_for(quantity, money)
    returned = replace(
        line,
        returned=line.returned + quantity,
        refunded=line.refunded + money,
        returned_dpp=line.returned_dpp + (dpp or 0),
        returned_ppn=line.returned_ppn + ppn,
    )
    return returned, money, dpp, ppn


def test_a_share_rounded_down_never_makes_a_returns_dpp_negative() -> None:
    """Rp 8 for 12 items, DPP 6 (11/12 of the price without PPN), PPN 1: returned as 6, 5, 1.
    Taking the DPP as what the money leaves once the rounded-down PPN and outside parts are off
    gave back 4, 3 and then -1."""
    line = ReturnableLine(1, "A", "A", sold=12, paid=8, dpp=6, ppn=1, tax_rate=1200)
    given_back = []
    for quantity in (6, 5, 1):
        line, money, dpp, ppn = give_back(line, quantity)
        given_back.append((money, dpp, ppn))
    assert given_back == [(4, 4, 0), (3, 2, 0), (1, 0, 1)]
    assert (line.refunded, line.returned_dpp, line.returned_ppn) == (8, 6, 1)


def test_a_return_never_gives_back_more_ppn_than_money() -> None:
    """Rp 17 for 35 items at 11 % with PPN in the price (PPN 2, DPP 15), returned as 17, 1 and
    17 items: the rounded-down PPN share of the 18th item reached a rupiah before its money did,
    so that return gave back Rp 0 carrying Rp 1 of PPN (a CSV row of total 0, PPN -1). The PPN
    now waits until the money comes with it; the line still gives back exactly its PPN."""
    line = ReturnableLine(1, "A", "A", sold=35, paid=17, dpp=15, ppn=2, tax_rate=1100)
    given_back = []
    for quantity in (17, 1, 17):
        line, money, dpp, ppn = give_back(line, quantity)
        given_back.append((money, dpp, ppn))
    assert given_back == [(8, 8, 0), (0, 0, 0), (9, 7, 2)]
    assert (line.refunded, line.returned_dpp, line.returned_ppn) == (17, 15, 2)


@st.composite
def taxed_lines(draw: st.DrawFn) -> ReturnableLine:
    """Small lines, where rounding matters most: the DPP at most what is left after the PPN."""
    sold = draw(st.integers(1, 40))
    paid = draw(st.integers(0, 200))
    ppn = draw(st.integers(0, paid))
    dpp = draw(st.integers(0, paid - ppn))
    return ReturnableLine(1, "A", "A", sold=sold, paid=paid, dpp=dpp, ppn=ppn, tax_rate=1200)


@given(line=taxed_lines(), data=st.data())
def test_returns_give_back_no_negative_part_and_the_whole_line_exactly(
    line: ReturnableLine, data: st.DataObject
) -> None:
    whole = line
    while line.left:
        quantity = data.draw(st.integers(1, line.left))
        line, money, dpp, ppn = give_back(line, quantity)
        assert dpp is not None and min(money, dpp, ppn) >= 0 and dpp + ppn <= money
        assert line.returned_dpp <= whole.dpp and line.returned_ppn <= whole.ppn
    assert (line.refunded, line.returned_dpp, line.returned_ppn) == (
        whole.paid,
        whole.dpp,
        whole.ppn,
    )
