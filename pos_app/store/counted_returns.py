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
UNPAID_RESOLVED = "return.resolve_unpaid"
"""The audit action of a manager settling a wallet return that was not paid back."""
NOT_PAID_BACK = f"""(p.status IN ('failed', 'declined')
    AND NOT EXISTS (SELECT 1 FROM returns n WHERE n.redo_of = t.id)
    AND NOT EXISTS (
        SELECT 1 FROM audit_log l WHERE l.action = '{UNPAID_RESOLVED}'
        AND json_extract(l.detail, '$.payout_id') = p.payout_id))"""
"""SQL over :data:`RETURN_JOINS`: a wallet return whose payout failed or was declined, neither
made again (a later return names it, ``redo_of``) nor resolved by a manager: the goods are back
and the money is not."""
