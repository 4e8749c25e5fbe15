"""The payments that need a manager, as listed: still open, paid late, paid for another amount or
currency than asked, declined on a sale that never completed, reported by a provider for an
invoice this terminal never made (orphans), returns recorded as refunded outside Kasir beyond what
the provider refunded, refunds the provider paid after Kasir had settled them failed or declined,
payouts it reversed, payouts it reported declined or failed after paying them, or wallet returns
whose payout failed.

Each is read from the payments, refunds, returns and the audit log as they are, until resolved:
a manager's resolution is a payment event or an audit entry these queries read back. What a
manager does with one is :mod:`pos_app.till.problem_payments`; :func:`listed_as_seen` refuses a
row that changed since the manager saw it.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlite_utils import Database

from pos_app.domain.money import CURRENCY
from pos_app.domain.texts import N_
from pos_app.payments.model import OPEN_STATES, AttemptState, ProviderName
from pos_app.payments.registry import reported_amount
from pos_app.store.counted_returns import RETURN_JOINS
from pos_app.store.database import parse_utc
from pos_app.store.errors import NotFound
from pos_app.store.given_back import late_money_back, paid_again
from pos_app.store.payment_records import RESOLUTION, RESOLVED, received_rupiah
from pos_app.store.refunds import (
    ANSWERED,
    CONTRADICTED,
    NET_PAID_OUT,
    NOT_A_RETURN,
    PAID_MORE,
    TAKEN_BACK,
)
from pos_app.store.returns import NOT_PAID_BACK, UNPAID_RESOLVED


class ProblemKind(StrEnum):
    OPEN = "open"
    """Created, pending or unknown: nobody knows yet whether the customer paid."""
    LATE = "late"
    """Paid after the attempt was given up on: money no sale took, to refund or settle."""
    DIFFERS = "differs"
    """Paid, but not the amount (or currency) asked: money no sale took, to refund or accept."""
    DECLINED = "declined"
    """Declined, and its sale never completed: the customer may say they paid."""
    ORPHAN = "orphan"
    """A provider reported a payment this terminal never made."""
    REFUNDED = "refunded"
    """The provider reports a completed sale's payment refunded, in full (state ``refunded``)
    or in part (state ``paid``, the rest still paid: ecommpay's "partially refunded"), and
    returns recorded as refunded outside Kasir for the sale do not reach the amount refunded
    yet: the takings still count money that went back (and a cash return or payout made before
    gave it back twice). Recording the items' return as refunded outside Kasir settles it, or
    the manager resolves it with a reason. :attr:`ProblemPayment.amount` is the amount
    refunded at the provider. DOKU's REFUNDED names no amount, so it is taken as all of it until
    the manager enters the amount DOKU's back office shows
    (:func:`~pos_app.till.problem_payments.record_refunded_amount`): then it is recorded, and
    listed, as a refund in part is."""
    RETURNED_NOT_REFUNDED = "returned_not_refunded"
    """The other way round: returns recorded as refunded outside Kasir for a completed sale add
    up to more than the provider reports refunded of its payment (nothing, if it reports no
    refund), so the takings lack money that never went back. The provider's report may be on
    its way (DOKU's REFUNDED can come minutes after a refund in its back office), lowered since
    (ecommpay's ``refund reverse``; the manager's figure of what DOKU refunded), or the return
    was recorded for more than went back (no refund made, or a smaller one). Listed at once,
    not after a while: the takings are short already, and a shift or day closed meanwhile would
    count them so unseen; Check status now asks the provider, whose answer settles a report
    that was only late. :attr:`ProblemPayment.amount` is the difference, ``refunded`` what the
    provider reports refunded, ``since`` the latest such return or change of the payment. The
    manager resolves it with a reason (the shop bears it, say), which covers a difference up to
    the one resolved: one grown since (another such return, less refunded at the provider) is
    listed again."""
    PAID_AFTER_FAILING = "paid_after_failing"
    """A payout Kasir had settled failed or declined (ecommpay did not know it yet, refused it, or
    declined it) that ecommpay paid after all. Kasir had freed its amount, its items too for a
    wallet return, and whatever was done with them meanwhile (the refund or return done again,
    the late payment attached) may have given the customer the same money twice: only the
    manager can tell, so every one is listed, by its payout id, in state ``paid``,
    :attr:`ProblemPayment.amount` the payout's amount, until resolved."""
    PAYOUT_REVERSED = "payout_reversed"
    """A payout the provider reversed after paying it (its report is kept): the money went back
    to the shop's balance, counted back on the day it came (``payout_reversal_parts``), and the
    customer is still owed it: the sale may be refunded again by as much, then the manager
    resolves it. A reversal supersedes a payment after failing (the
    money that went out twice came back once), when it is whole; one in part leaves the payout
    listed for what else is wrong with it too. Listed by its payout id, in state ``paid``,
    :attr:`ProblemPayment.amount` the payout's amount, until resolved."""
    PAYOUT_DIFFERS = "payout_differs"
    """A payout the provider reports paid for another amount or currency than asked: the
    refund counts what was asked, and the customer got more or less than that (or the report
    is wrong); only the manager can tell. Listed by its payout id, in state ``paid``,
    :attr:`ProblemPayment.amount` and :attr:`ProblemPayment.currency` what was reported paid,
    until resolved, or again since a report of more paid than its status answer told
    (:meth:`~pos_app.store.refunds.Refunds.record_paid_more`). A reversal supersedes it (the
    money came back), and it supersedes a payment after failing (the manager sees the amount
    that went out). A callback about a payout ecommpay split names one part only, so one only
    a callback told is asked again (:func:`told_by_callback`); once the answer told, what it
    paid short of the amount asked counts back (``payout_reversal_parts``) and the sale may be
    refunded again by as much. It is not listed as reversed too: ecommpay took nothing back,
    and one problem is one thing for the manager to settle with the customer."""
    PAYOUT_CONTRADICTED = "payout_contradicted"
    """A payout Kasir holds paid that the provider reported declined or failed later, with no
    reversal said (its report is kept: :meth:`~pos_app.store.refunds.Refunds.record_contradiction`).
    ecommpay's payout statuses have no "reversed", and a reversal's own report may be lost: the
    money may be back in the shop's balance while Kasir counts the customer paid, or the report
    is a stray one. Kasir does not take it as reversed (that could pay the customer twice); only
    the manager can tell, from ecommpay's dashboard, and may take it as reversed
    (:func:`~pos_app.till.problem_payments.take_as_reversed`). Listed by its payout id, in state
    ``paid``, :attr:`ProblemPayment.amount` the payout's amount
    (:attr:`ProblemPayment.brought_back` what reversals in part brought back of it), since the
    latest such report, until resolved (a report unlike those kept lists it again) or a whole
    reversal explains it (then it is listed as reversed). A success reported again settles
    nothing: ecommpay retries each callback for days, so an old success may arrive after a newer
    decline."""
    RETURN_NOT_PAID = "return_not_paid"
    """A wallet return whose payout failed or was declined, often after the customer left the
    counter with the receipt saying it was on its way: the goods are back and the money is not.
    Listed by its payout id, in the refund's state, :attr:`ProblemPayment.amount` the return's
    amount, until the return desk makes it again (a return of the same items that names it,
    ``redo_of``: its items are returnable again; or may have before this database was restored
    from an older backup, :func:`~pos_app.store.given_back.made_again`) or a manager resolves
    it. A later return that does not name it clears nothing: the customer may have brought other
    items back."""
    REFUND_NOT_PAID = "refund_not_paid"
    """A refund of a sale (not a return's, not a late payment's: that one stays listed as late)
    whose payout failed or was declined, often after the refund dialog was closed: the customer
    was told the money is on its way and got nothing. Listed by its payout id, in the refund's
    state, :attr:`ProblemPayment.amount` the refund's amount, until the sale is refunded again
    by as much (that payout carries the claim: listed in its place should it fail too; or was
    before this database was restored from an older backup,
    :func:`~pos_app.store.given_back.paid_again`) or a manager resolves it. Not one made while
    the sale had a reversed or contradicted payout or a return not paid back listed: it was
    paying that, which stays listed itself."""


REFUND_KINDS = frozenset(
    {
        ProblemKind.PAID_AFTER_FAILING,
        ProblemKind.PAYOUT_REVERSED,
        ProblemKind.PAYOUT_DIFFERS,
        ProblemKind.PAYOUT_CONTRADICTED,
        ProblemKind.RETURN_NOT_PAID,
        ProblemKind.REFUND_NOT_PAID,
    }
)
"""The problems of a refund's payout (listed by payout id), which no payment's status check
answers. A payout reversed in part may be two of them (reversed, and paid after failing or for
another amount), each resolved on its own; otherwise it is one: reversed; else paid for another
amount; else paid after failing; or unpaid. A contradicted paid payout is listed as such beside
any of those but a whole reversal."""
ASKABLE_PAYOUTS = frozenset({ProblemKind.PAYOUT_CONTRADICTED, ProblemKind.PAYOUT_DIFFERS})
"""The problems of a paid payout that the provider's status answer may settle: the reversal a
lost callback did not tell, or what every part of a payout it split paid
(:meth:`~pos_app.till.refund_payouts.Payouts.check_listed`). The others' answers are final."""
SPLITTING = frozenset({ProviderName.ECOMMPAY_PAGE, ProviderName.ECOMMPAY_GATE})
"""Providers that split a payment into parts, one callback each (ecommpay's "partially paid",
"partially paid out"). DOKU pays an order once, in full
(:func:`~pos_app.store.paid_reports.contradicts_doku`): its paid figure is no part of another."""


@dataclass(frozen=True, slots=True)
class ProblemPayment:
    kind: ProblemKind
    invoice_number: str
    """The payment's invoice; a refund's payout id."""
    state: AttemptState
    since: datetime
    """When the payment last changed (an orphan: when it was last reported)."""
    provider: ProviderName | None = None
    """``None``: an orphan whose report names no provider Kasir knows."""
    amount: int | None = None
    """What was paid (a paid payment), else what was asked, in :attr:`currency`; for a
    :attr:`ProblemKind.REFUNDED` one, what the provider refunded; a refund's amount."""
    currency: str = CURRENCY
    """``IDR``, or the unit a provider reported the payment in (``IDR/minor``: sen)."""
    sale_id: int | None = None
    refunded: int = 0
    """What went back of a late payment: paid refunds naming it, and what the provider refunded
    of it; what the provider refunded of a :attr:`ProblemKind.RETURNED_NOT_REFUNDED` one."""
    brought_back: int = 0
    """What reversals in part brought back of a :attr:`ProblemKind.PAYOUT_CONTRADICTED` one
    already (``payout_reversal_parts``; all of it if reversed before those were kept:
    :data:`~pos_app.store.refunds.TAKEN_BACK`): the customer is owed it again already, and
    taking the payout as reversed counts back only the rest (:attr:`still_paid_out`). Part of
    the row, so one reversed further since the manager saw it is no longer listed as seen."""

    @property
    def still_paid_out(self) -> int:
        """What of a contradicted payout Kasir still counts paid out, which taking it as reversed
        counts back: all of it unless reversed in part (one in part that named no amount brought
        nothing back)."""
        return (self.amount or 0) - self.brought_back

    @property
    def refundable(self) -> bool:
        """A payment with rupiah still to give back (a payment in sen or another currency has
        none: nothing in rupiah came in)."""
        if self.kind not in (ProblemKind.LATE, ProblemKind.DIFFERS) or self.amount is None:
            return False
        return received_rupiah(self.amount, self.currency) > self.refunded

    @property
    def refund_figure(self) -> int | None:
        """What DOKU is taken to have refunded of the payment, where the manager may enter what
        its back office shows instead
        (:func:`~pos_app.till.problem_payments.record_refunded_amount`): a DOKU payment it
        reports refunded, or one whose figure entered before falls short of the returns
        recorded as refunded outside Kasir (it may have been wrong). ``None`` for any other,
        one DOKU never reported refunded too: its REFUNDED names no amount, so no figure is
        taken without one."""
        if self.provider is not ProviderName.DOKU:
            return None
        if self.kind is ProblemKind.REFUNDED:
            return self.amount
        if self.kind is ProblemKind.RETURNED_NOT_REFUNDED and self.refunded:
            return self.refunded
        return None

    @property
    def attachable(self) -> bool:
        """A late payment no refund has touched, which may pay a sale instead."""
        return self.kind is ProblemKind.LATE and self.refunded == 0


_PROVIDER_REFUNDED = "(a.state = 'refunded' OR (a.state = 'paid' AND a.provider_refunded > 0))"
"""The provider reports ``payment_attempts a`` refunded, in full or in part."""
_REFUNDED_AMOUNT = (
    "CASE WHEN a.state = 'refunded' THEN coalesce(a.paid_amount, a.amount) "
    "ELSE a.provider_refunded END"
)
"""The rupiah the provider refunded of ``a`` (one of :data:`_PROVIDER_REFUNDED`)."""


def _returned_outside(sale: str) -> str:
    """SQL: what the returns recorded as refunded outside Kasir of ``sale`` (an alias of
    ``sales``) gave back."""
    return (
        "(SELECT coalesce(sum(t.amount), 0) FROM returns t"
        f" WHERE t.sale_id = {sale}.id AND t.method = 'outside')"
    )


_PAID_BACK = f"""((SELECT {NET_PAID_OUT} FROM refunds r
        WHERE r.invoice_number = a.invoice_number AND r.status = 'paid')
    + CASE WHEN a.late = 1 THEN {late_money_back("a.invoice_number")} ELSE 0 END)"""
"""What paid refunds naming ``payment_attempts a`` gave back of it, and (a late payment) payouts
before this database was restored from an older backup, less what reversals brought back. (A
sale's refunds name its own payment in the files, so only a late payment's are read there.)"""
_RESOLVED_PAID = f"""EXISTS (SELECT 1 FROM payment_events e WHERE e.attempt_id = a.id
        AND e.source = 'cashier' AND e.state = 'paid'
        AND json_extract(e.payload, '$.{RESOLUTION}') IS NOT NULL)"""
"""A manager once settled ``payment_attempts a`` while it was paid (given back in cash, say):
refunded in full at the provider since, the customer may have its money twice."""

_ATTEMPTS = f"""
SELECT CASE WHEN a.late = 1 AND a.state = 'paid' AND (a.paid_amount != a.amount
                 OR coalesce(a.paid_currency, '{CURRENCY}') != '{CURRENCY}') THEN 'differs'
            WHEN a.late = 1 THEN 'late' WHEN a.state = 'declined' THEN 'declined'
            WHEN {_PROVIDER_REFUNDED} THEN 'refunded' ELSE 'open' END,
       a.invoice_number, a.state, a.updated_at, a.provider,
       CASE WHEN a.late = 0 AND {_PROVIDER_REFUNDED} THEN {_REFUNDED_AMOUNT}
            WHEN a.state IN ('paid', 'refunded') THEN coalesce(a.paid_amount, a.amount)
            ELSE a.amount END,
       CASE WHEN a.state IN ('paid', 'refunded') THEN a.paid_currency END,
       a.sale_id,
       {_PAID_BACK}
         + CASE WHEN a.late = 0 THEN 0 WHEN a.state = 'refunded' THEN coalesce(a.paid_amount,
                a.amount) ELSE a.provider_refunded END
FROM payment_attempts a JOIN sales s ON s.id = a.sale_id
WHERE (a.state IN ({", ".join(f"'{state.value}'" for state in sorted(OPEN_STATES))})
       OR (a.late = 1 AND a.state = 'paid')
       OR (a.late = 1 AND a.state = 'refunded' AND ({_PAID_BACK} > 0 OR {_RESOLVED_PAID}))
       OR (a.state = 'declined' AND a.late = 0 AND s.status != 'completed')
       OR ({_PROVIDER_REFUNDED} AND a.late = 0 AND EXISTS (
           SELECT 1 FROM sales p WHERE p.invoice_number = a.invoice_number
           AND p.status = 'completed'
           AND {_returned_outside("p")} < {_REFUNDED_AMOUNT})))
  AND NOT {RESOLVED}
ORDER BY a.updated_at, a.id
"""

RETURNED_RESOLVED = "payment.resolve_returned"
"""The audit action of a manager's resolution of returns outside Kasir beyond the refund."""
_BEYOND_REFUND = f"{_returned_outside('s')} - {_REFUNDED_AMOUNT}"
"""SQL: what the returns recorded as refunded outside Kasir of ``sales s`` gave back beyond what
the provider refunded of its payment ``payment_attempts a``."""
_RETURNED_NOT_REFUNDED = f"""
SELECT a.invoice_number, a.state,
       max(a.updated_at, (SELECT max(t.created_at) FROM returns t
                          WHERE t.sale_id = s.id AND t.method = 'outside')),
       a.provider, {_BEYOND_REFUND}, s.id, {_REFUNDED_AMOUNT}
FROM sales s JOIN payment_attempts a ON a.invoice_number = s.invoice_number AND a.late = 0
WHERE s.status = 'completed'
  AND s.id IN (SELECT sale_id FROM returns WHERE method = 'outside')
  AND {_BEYOND_REFUND} > coalesce((
      SELECT max(json_extract(l.detail, '$.amount')) FROM audit_log l
      WHERE l.action = '{RETURNED_RESOLVED}'
      AND json_extract(l.detail, '$.invoice_number') = a.invoice_number), 0)
ORDER BY 3, a.id
"""
"""The completed sales whose returns recorded as refunded outside Kasir passed what the provider
refunded (:attr:`ProblemKind.RETURNED_NOT_REFUNDED`) by more than a manager resolved: invoice,
state, since when, provider, the difference, sale, what the provider refunded. Only sales with
such a return are read: they are few."""

_ORPHANS = f"""
SELECT o.invoice_number, o.state, o.created_at, o.payload
FROM payment_events o
WHERE o.id IN (SELECT max(id) FROM payment_events
               WHERE attempt_id IS NULL AND source != 'cashier' GROUP BY invoice_number)
  AND NOT EXISTS (
    SELECT 1 FROM payment_events r
    WHERE r.attempt_id IS NULL AND r.invoice_number = o.invoice_number
    AND r.source = 'cashier' AND json_extract(r.payload, '$.{RESOLUTION}') IS NOT NULL
    AND r.id > o.id)
ORDER BY o.id
"""


def _not_reversed(refund: str) -> str:
    """SQL: no whole reversal of ``refund`` (an alias of ``refunds``): one in part leaves money
    paid out, so what else is wrong with the payout (paid after failing, another amount, a
    contradicting report) is still listed beside it."""
    return (
        "NOT EXISTS (SELECT 1 FROM payout_reversals v"
        f" WHERE v.refund_id = {refund}.id AND v.left_paid IS NULL)"
    )


_NOT_REVERSED = _not_reversed("r")
_PAID_OTHERWISE = (
    f"(coalesce(r.paid_amount, r.amount) != r.amount"
    f" OR coalesce(nullif(r.paid_currency, ''), '{CURRENCY}') != '{CURRENCY}')"
)
"""``refunds r`` was reported paid for another amount or currency than asked (never NULL: one
paid with no amount reported, or before Kasir kept it, is taken as paid as asked)."""


def _unresolved(action: str, since: str = "0") -> str:
    """SQL: no manager's resolution ``action`` in the audit log names ``refunds r``, after the
    audit entry whose id is ``since`` (SQL; NULL: none)."""
    return (
        f"NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.action = '{action}'"
        f" AND json_extract(l.detail, '$.payout_id') = r.payout_id AND l.id > coalesce({since}, 0))"
    )


REFUND_UNPAID_RESOLVED = "refund.resolve_unpaid"
"""The audit action of a manager's resolution of a refund not paid."""
CONTRADICTION_RESOLVED = "refund.resolve_contradicted"
"""The audit action of a manager's resolution of a contradicted payout."""


def _latest_report(action: str, refund: str) -> str:
    """SQL: the audit entry keeping the latest report under ``action`` on ``refund`` (an alias
    of ``refunds``): one that contradicts it, or names more paid than its status answer; NULL
    if none."""
    return (
        f"(SELECT max(k.id) FROM audit_log k WHERE k.action = '{action}'"
        f" AND json_extract(k.detail, '$.payout_id') = {refund}.payout_id)"
    )


def _contradicted(refund: str) -> str:
    """SQL: ``refund`` (an alias of ``refunds``) is paid, a report kept contradicts it, no whole
    reversal explains it, and no manager resolved it since the latest such report."""
    return f"""({refund}.status = 'paid' AND {_latest_report(CONTRADICTED, refund)} IS NOT NULL
  AND {_not_reversed(refund)}
  AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.action = '{CONTRADICTION_RESOLVED}'
                  AND json_extract(l.detail, '$.payout_id') = {refund}.payout_id
                  AND l.id > {_latest_report(CONTRADICTED, refund)}))"""


_REFUND_PROBLEMS: dict[ProblemKind, str] = {
    ProblemKind.PAID_AFTER_FAILING: f"""
SELECT r.payout_id, r.sale_id, r.provider, r.amount, NULL, r.status, h.at, 0
FROM refunds r JOIN refund_history h ON h.refund_id = r.id
WHERE r.status = 'paid' AND h.before IN ('failed', 'declined') AND h.after = 'paid'
  AND {_NOT_REVERSED} AND NOT {_PAID_OTHERWISE} AND {_unresolved("refund.resolve")}
ORDER BY h.id
""",
    ProblemKind.PAYOUT_REVERSED: """
SELECT r.payout_id, r.sale_id, r.provider, r.amount, NULL, r.status, v.reported_at, 0
FROM refunds r JOIN payout_reversals v ON v.refund_id = r.id
WHERE r.status = 'paid' AND v.resolved_at IS NULL
ORDER BY v.reported_at, r.id
""",
    ProblemKind.PAYOUT_DIFFERS: f"""
SELECT r.payout_id, r.sale_id, r.provider, coalesce(r.paid_amount, r.amount),
       nullif(r.paid_currency, ''), r.status,
       coalesce((SELECT m.at FROM audit_log m WHERE m.id = {_latest_report(PAID_MORE, "r")}),
                r.completed_at),
       0
FROM refunds r
WHERE r.status = 'paid' AND {_PAID_OTHERWISE} AND {_NOT_REVERSED}
  AND {_unresolved("refund.resolve_differs", _latest_report(PAID_MORE, "r"))}
ORDER BY 7, r.id
""",
    ProblemKind.PAYOUT_CONTRADICTED: f"""
SELECT r.payout_id, r.sale_id, r.provider, r.amount, NULL, r.status,
       (SELECT c.at FROM audit_log c WHERE c.id = {_latest_report(CONTRADICTED, "r")}),
       {TAKEN_BACK}
FROM refunds r
WHERE {_contradicted("r")}
ORDER BY 7, r.id
""",
    ProblemKind.RETURN_NOT_PAID: f"""
SELECT p.payout_id, t.sale_id, p.provider, t.amount, NULL, p.status, p.updated_at, 0
FROM {RETURN_JOINS} WHERE {NOT_PAID_BACK}
ORDER BY p.updated_at, p.id
""",
    ProblemKind.REFUND_NOT_PAID: f"""
SELECT r.payout_id, r.sale_id, r.provider, r.amount, NULL, r.status, r.updated_at, 0
FROM refunds r
WHERE r.status IN ('failed', 'declined') AND r.invoice_number IS NULL AND {NOT_A_RETURN}
  AND NOT EXISTS (
    SELECT 1 FROM refunds n WHERE n.sale_id = r.sale_id AND n.id > r.id
    AND n.invoice_number IS NULL AND n.amount >= r.amount
    AND NOT EXISTS (SELECT 1 FROM returns t WHERE t.payout_id = n.payout_id))
  AND NOT EXISTS (
    SELECT 1 FROM refunds o WHERE o.sale_id = r.sale_id AND o.id < r.id AND (
      (o.status = 'paid' AND EXISTS (
        SELECT 1 FROM payout_reversals v WHERE v.refund_id = o.id AND v.resolved_at IS NULL))
      OR {_contradicted("o")}
      OR EXISTS (SELECT 1 FROM {RETURN_JOINS} WHERE p.id = o.id AND {NOT_PAID_BACK})))
  AND NOT {paid_again("r")} AND {_unresolved(REFUND_UNPAID_RESOLVED)}
ORDER BY r.updated_at, r.id
""",
}
"""Per kind, its unresolved refunds: payout id, sale, provider, amount and its currency (NULL:
rupiah), state, since when, what reversals brought back of it (a contradicted payout's only).
(``paid`` is final, so a payment after failing happens once, and a report of what was paid is
kept once.)"""
RESOLVED_AS = {
    ProblemKind.PAID_AFTER_FAILING: "refund.resolve",
    ProblemKind.PAYOUT_REVERSED: "refund.resolve_reversal",
    ProblemKind.PAYOUT_DIFFERS: "refund.resolve_differs",
    ProblemKind.PAYOUT_CONTRADICTED: CONTRADICTION_RESOLVED,
    ProblemKind.RETURN_NOT_PAID: UNPAID_RESOLVED,
    ProblemKind.REFUND_NOT_PAID: REFUND_UNPAID_RESOLVED,
}
"""The audit action of a manager's resolution, per kind: the queries above read it back."""


def list_problems(db: Database) -> list[ProblemPayment]:
    """Every unresolved problem payment, attempts oldest change first, then sales returned
    outside Kasir beyond their refund, then refunds (paid after failing, reversed, returns not
    paid back), then orphans.

    A late payment wholly paid back (by refunds naming it, at the provider, or both) is settled
    and not listed; one paid back more than came in (a payout, and the provider's own refund
    too) stays listed as late, with nothing left to refund, until a manager resolves it, and so
    does one refunded in full at the provider after a manager had settled it while paid; one in
    sen or another currency no refund settles (no rupiah came in), only a manager's
    resolution.
    """
    found = [
        ProblemPayment(
            kind=ProblemKind(kind),
            invoice_number=invoice,
            state=AttemptState(state),
            since=parse_utc(updated),
            provider=ProviderName(provider),
            amount=amount,
            currency=currency or CURRENCY,
            sale_id=sale_id,
            refunded=refunded,
        )
        for kind, invoice, state, updated, provider, amount, currency, sale_id, refunded in (
            db.execute(_ATTEMPTS)
        )
        if not (
            kind in (ProblemKind.LATE, ProblemKind.DIFFERS)
            and state == AttemptState.PAID
            and refunded == received_rupiah(amount, currency) > 0
        )
    ]
    found.extend(
        ProblemPayment(
            kind=ProblemKind.RETURNED_NOT_REFUNDED,
            invoice_number=invoice,
            state=AttemptState(state),
            since=parse_utc(since),
            provider=ProviderName(provider),
            amount=beyond,
            sale_id=sale_id,
            refunded=refunded,
        )
        for invoice, state, since, provider, beyond, sale_id, refunded in db.execute(
            _RETURNED_NOT_REFUNDED
        )
    )
    found.extend(_refund_problems(db))
    for invoice, state, created, payload in db.execute(_ORPHANS):
        details = json.loads(payload)
        found.append(
            ProblemPayment(
                kind=ProblemKind.ORPHAN,
                invoice_number=invoice,
                state=AttemptState(state),
                since=parse_utc(created),
                provider=_provider(details.get("provider")),
                amount=reported_amount(details.get("payload", {})),
            )
        )
    return found


_ANSWERED: dict[ProblemKind, str] = {
    ProblemKind.DIFFERS: f"""
SELECT 1 FROM payment_events e WHERE e.invoice_number = ?1 AND e.source = 'status'
  AND e.state NOT IN ({", ".join(f"'{state.value}'" for state in sorted(OPEN_STATES))})
  AND e.id > (SELECT coalesce(max(p.id), 0) FROM payment_events p
              WHERE p.invoice_number = ?1 AND p.source = 'relay' AND p.state = 'paid')
""",
    ProblemKind.PAYOUT_DIFFERS: f"""
SELECT 1 FROM audit_log l WHERE l.action = '{ANSWERED}'
  AND json_extract(l.detail, '$.payout_id') = ?1
""",
}
"""Per kind, whether a status answer's final word on the payment (``?1``) is kept: a purchase's
since the latest callback that said it paid (its events tell which came first), a payout's at
all (kept only once the payout is paid: :meth:`~pos_app.store.refunds.Refunds.record_answer`)."""


def told_by_callback(db: Database) -> list[ProblemPayment]:
    """The payments and payouts listed as paid another amount, through a provider that pays in
    parts (:data:`SPLITTING`), whose paid figure no status answer has told since a callback
    did.

    ecommpay splits a payment its provider cannot take whole into parts, one callback each,
    and a callback names the last part processed: paid in part, the payment may have been
    paid more by parts before it. Only the status answer lists them all, so the till's
    follow-up asks each of these (:meth:`~pos_app.till.terminal.Terminal.follow_up`) until
    one has answered with a final word; whatever it said, the payment is the manager's then
    (asking again could only bring the same; a purchase's callback saying it paid after that
    answer has it asked once more). A status call that fails leaves it to the next pass.
    """
    return [
        problem
        for problem in list_problems(db)
        if problem.kind in _ANSWERED
        and problem.provider in SPLITTING
        and db.execute(_ANSWERED[problem.kind], [problem.invoice_number]).fetchone() is None
    ]


def _refund_problems(db: Database) -> list[ProblemPayment]:
    return [
        ProblemPayment(
            kind=kind,
            invoice_number=payout_id,
            state=AttemptState(status),
            since=parse_utc(since),
            provider=ProviderName(provider),
            amount=amount,
            currency=currency or CURRENCY,
            sale_id=sale_id,
            brought_back=brought_back,
        )
        for kind, query in _REFUND_PROBLEMS.items()
        for payout_id, sale_id, provider, amount, currency, status, since, brought_back in (
            db.execute(query)
        )
    ]


def _provider(name: object) -> ProviderName | None:
    """The provider an orphan's report names, if it is one Kasir knows."""
    return next((provider for provider in ProviderName if provider.value == name), None)


def no_longer_listed(number: str) -> NotFound:
    """The error for a problem (by its invoice or payout id) that is not listed as the manager
    saw it any more."""
    return NotFound(N_("{payout} is no longer listed as it was: refresh the list"), payout=number)


def listed_now(
    db: Database, invoice_number: str, kind: ProblemKind | None
) -> ProblemPayment | None:
    """The first problem listed now of ``invoice_number`` (of ``kind``, if given)."""
    return next(
        (
            p
            for p in list_problems(db)
            if p.invoice_number == invoice_number and (kind is None or p.kind is kind)
        ),
        None,
    )


def listed_as_seen(db: Database, seen: ProblemPayment) -> ProblemPayment:
    """``seen``, the problem as the manager saw it, if the list has it so now (call it in the
    writing transaction); one that changed in any way since raises NotFound, as what the manager
    decided was for what it was."""
    if listed_now(db, seen.invoice_number, seen.kind) != seen:
        raise no_longer_listed(seen.invoice_number)
    return seen
