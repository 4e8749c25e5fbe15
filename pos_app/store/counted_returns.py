"""Which returns still hold and which count, as SQL over a return ``t`` and its payout ``p``: shared
by the store (``store/returns.py``), the shift's and the day's figures and the sales files, so they
all count the same returns."""

RETURN_JOINS = "returns t LEFT JOIN refunds p ON p.payout_id = t.payout_id"
HOLDS = "(t.payout_id IS NULL OR p.status IN ('pending', 'paid'))"
"""SQL over :data:`RETURN_JOINS`: the return still takes its items (its payout is not refused)."""
SETTLED = "(t.payout_id IS NULL OR p.status = 'paid')"
"""SQL over :data:`RETURN_JOINS`: the return's money went back."""
COUNTED_ON = "coalesce(p.business_date, t.business_date)"
"""SQL over :data:`RETURN_JOINS`: the shop day a settled return counts on."""
RETURNED_LINES = f"FROM {RETURN_JOINS} JOIN return_lines rl ON rl.return_id = t.id WHERE {SETTLED}"
"""SQL: the lines ``rl`` of the settled returns, for a condition to follow with ``AND``."""
