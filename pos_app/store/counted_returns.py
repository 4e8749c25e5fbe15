"""Which returns still hold and which count, as SQL over a return ``t`` and its payout ``p``: shared
by the store (``store/returns.py``), the shift's and the day's figures and the sales files, so they
all count the same returns."""

RETURN_JOINS = "returns t LEFT JOIN refunds p ON p.payout_id = t.payout_id"


def _not_refused(ret: str, payout: str) -> str:
    """SQL: return ``ret`` is not let down by its payout ``payout`` (none, pending or paid)."""
    return f"({ret}.payout_id IS NULL OR {payout}.status IN ('pending', 'paid'))"


MADE_AGAIN = f"""EXISTS (
    WITH RECURSIVE later (id) AS (
        SELECT n.id FROM returns n WHERE n.redo_of = t.id
        UNION SELECT n.id FROM returns n JOIN later ON n.redo_of = later.id)
    SELECT 1 FROM later JOIN returns n ON n.id = later.id
    LEFT JOIN refunds q ON q.payout_id = n.payout_id WHERE {_not_refused("n", "q")})"""
"""SQL over a return ``t``: a return that made it again (``redo_of``), or made that one again,
holds. Then ``t`` gives back no items, DPP or PPN, only its money: the goods came back once, with
that return, though a payout paid after failing sent the money out twice. Should every return
that made it again be let down by its payout, ``t``'s own payout decides again (paid after all,
it takes the goods)."""
HOLDS = f"({_not_refused('t', 'p')} AND NOT {MADE_AGAIN})"
"""SQL over :data:`RETURN_JOINS`: the return still takes its items (its payout is not refused,
and no return that made it again took them)."""
SETTLED = "(t.payout_id IS NULL OR p.status = 'paid')"
"""SQL over :data:`RETURN_JOINS`: the return's money went back."""
COUNTED_ON = "coalesce(p.business_date, t.business_date)"
"""SQL over :data:`RETURN_JOINS`: the shop day a settled return counts on."""
RETURNED_LINES = (
    f"FROM {RETURN_JOINS} JOIN return_lines rl ON rl.return_id = t.id "
    f"WHERE {SETTLED} AND NOT {MADE_AGAIN}"
)
"""SQL: the lines ``rl`` of the settled returns that give their items back (not
:data:`MADE_AGAIN`), for a condition to follow with ``AND``: for items, DPP and PPN, never money."""
DAYS_DECIDED_BY_PAYOUT = f"""WITH RECURSIVE earlier (id) AS (
    SELECT redo_of FROM returns WHERE payout_id = ?1
    UNION SELECT r.redo_of FROM returns r JOIN earlier ON r.id = earlier.id)
SELECT DISTINCT {COUNTED_ON} FROM {RETURN_JOINS} JOIN earlier ON earlier.id = t.id
WHERE {SETTLED}"""
"""SQL, payout id ``?1``: the days of the settled returns that the payout's return made again,
or made again one that did. Whether they give items, DPP and PPN back (:data:`MADE_AGAIN`)
turns on the payout's outcome, but their rows are not the payout's: the triggers that mark a
payout's own days for upload cannot see them."""
