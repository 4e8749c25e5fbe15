"""Refunds: money paid back to a customer's DOKU Wallet by a manager-approved payout.

A refund is recorded ``pending`` before the payout request leaves the terminal, and settled with the
provider's answer (its callback result kept as JSON). Only a ``paid`` refund moved money; it counts
on the shop day it was paid (``business_date``), in the daily CSV and the Z report.

What a sale took, and so the most that can be paid back: the total of a completed sale plus the
late payments that landed on its attempts (a customer who paid twice, or paid a cancelled sale).
Pending and paid refunds both use up that amount, so two payouts racing for the same money cannot
both be approved. A refund of a late payment names that payment (``invoice_number``).

Every change of a refund's status goes through :func:`pos_app.store.history.move`, which checks it
against :data:`~pos_app.domain.lifecycles.REFUND_LIFECYCLE` and writes it to ``refund_history``.
"""

import json
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import UNPAID, ChangeSource, RefundStatus
from pos_app.domain.money import CURRENCY, check_amount, format_rupiah
from pos_app.domain.texts import N_, Text
from pos_app.payments.model import LEFT_UNKNOWN, ProviderName
from pos_app.store.audit import AuditLog
from pos_app.store.counted_returns import DAYS_DECIDED_BY_PAYOUT
from pos_app.store.database import optional_utc, parse_utc, to_json, transaction, utc_text
from pos_app.store.errors import NotFound, StoreError
from pos_app.store.given_back import (
    LATE_MONEY_BACK,
    MONEY_BACK,
    OUTSIDE_BACK,
    refuse_before_relay_read,
)
from pos_app.store.history import REFUNDS, StatusChange, history, move
from pos_app.store.open_day import after_day_closed, open_business_date
from pos_app.store.payment_records import RECEIVED_SQL, RESOLVED
from pos_app.store.uploads import mark_days

BROUGHT_BACK = (
    "(SELECT coalesce(sum(b.amount), 0) FROM payout_reversal_parts b WHERE b.refund_id = r.id)"
)
"""SQL over ``refunds r``: what reversals brought back of the payout, in the shop's balance
again (the customer is still owed it)."""
TAKEN_BACK = f"""(CASE WHEN EXISTS (SELECT 1 FROM payout_reversals v
    WHERE v.refund_id = r.id AND v.kept_before_parts = 1) THEN r.amount ELSE {BROUGHT_BACK} END)"""
"""SQL over ``refunds r``: what of the payout no longer counts as paid out when a manager takes it
as reversed (till/problem_payments.py, ``take_as_reversed``, which counts back the rest): what
reversals brought back, or all of it if it was reversed before reversals brought money back
(store/migrations.py, ``_REVERSED_MONEY``). Kasir took every reversal as whole then, and a manager
settled the customer another way: that reversal brings nothing back, nor does anything after it."""
REFUND_HOLDS = f"(r.status IN ('pending', 'paid') AND r.amount > {BROUGHT_BACK})"
"""SQL over ``refunds r``: the payout is on its way or paid, and no reversal brought all of it
back: the payment it names is (being) refunded."""
NET_PAID_OUT = f"coalesce(sum(r.amount - {BROUGHT_BACK}), 0)"
"""SQL aggregate over ``refunds r``: what the payouts took of the customer's money, less what
reversals brought back of them (owed to the customer again). Which payouts count is each query's
own: those that still hold money (pending and paid) for what may be refunded, the paid ones for
what went back."""
REFUND_JOINS = (
    "refunds r JOIN sales s ON s.id = r.sale_id "
    "LEFT JOIN payment_attempts a ON a.invoice_number = r.invoice_number"
)
_GIVES_BACK_TAKINGS = "(s.status = 'completed' AND coalesce(a.late, 0) = 0)"
"""SQL over :data:`REFUND_JOINS`: the refund gives back money of a counted sale. A refund of a late
payment gives back money that never was takings, so it does not reduce them."""
REDUCES_TAKINGS = "r.reduces_takings = 1"
"""SQL over ``refunds r``: the paid refund gave back takings (:data:`_GIVES_BACK_TAKINGS` when it
was paid, kept: a late payment attached to a sale later does not rewrite closed days)."""
REVERSAL_JOINS = f"{REFUND_JOINS} JOIN payout_reversal_parts b ON b.refund_id = r.id"
"""What reversals brought back (``b``) of payouts (``r``), with :data:`REFUND_JOINS`'s tables:
of a payout that reduced takings (:data:`REDUCES_TAKINGS`: a refund of a counted sale, or a
return's), it counts back in them."""
NOT_A_RETURN = "NOT EXISTS (SELECT 1 FROM returns t WHERE t.payout_id = r.payout_id)"
"""SQL over :data:`REFUND_JOINS`: the refund pays back no return. A return's payout is counted with
its return (``store/returns.py``), item by item, not again as a refund."""
CONTRADICTED = "refund.contradicted"
"""The audit action keeping a provider's report that contradicts a paid payout (declined or failed,
no reversal said), under the provider's name: kept for the manager, never applied."""
ANSWERED = "refund.answered"
"""The audit action keeping a status answer's final word on a paid payout, under the provider's
name. It tells what the whole payout paid, where a callback about a payout ecommpay split names
its last part only: a payout with one kept is not asked again
(:func:`~pos_app.store.problem_payments.told_by_callback`), and what it did not pay is brought
back (:meth:`Refunds.record_answer`)."""
PAID_MORE = "refund.paid_more"
"""The audit action keeping a provider's report naming more paid of a payout than its status
answer told, under the provider's name: kept for the manager, never applied
(:meth:`Refunds.record_paid_more`)."""
MAX_PAYOUT_ID_LENGTH = 64
_PAYOUT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_WALLET_NUMBER = re.compile(r"\+?[0-9]{1,20}")
"""A DOKU Wallet's number: its phone number or account id, digits (``+`` before a country
code)."""


@dataclass(frozen=True, slots=True)
class Refund:
    id: int
    payout_id: str
    sale_id: int
    provider: ProviderName
    amount: int
    account_number: str
    """The customer's DOKU Wallet number the payout goes to."""
    customer_name: str
    approved_by: str
    status: RefundStatus
    created_at: datetime
    invoice_number: str | None = None
    reason: str = ""
    reference: str | None = None
    result: Mapping[str, Any] = field(default_factory=dict)
    completed_at: datetime | None = None
    business_date: date | None = None
    reversed_at: datetime | None = None
    """When the provider reported the payout reversed (:meth:`Refunds.record_reversal`)."""
    paid_amount: int | None = None
    """What the provider reported paid for the payout (``None``: it did not say), in
    :attr:`paid_currency`'s unit."""
    paid_currency: str | None = None
    brought_back: int = 0
    """What of the payout counts back, in rupiah (the customer is owed it again): what a
    reversal brought back, and what a status answer told it did not pay
    (:meth:`Refunds.record_answer`)."""


_COLUMNS = (
    "id, payout_id, sale_id, provider, amount, account_number, customer_name, approved_by, "
    "status, created_at, invoice_number, reason, reference, result, completed_at, business_date, "
    "(SELECT v.reported_at FROM payout_reversals v WHERE v.refund_id = r.id), "
    f"paid_amount, paid_currency, {BROUGHT_BACK}"
)


class Refunds:
    def __init__(self, db: Database, day: BusinessDay | None = None) -> None:
        self._db = db
        self._day = day or BusinessDay()

    def refundable(self, sale_id: int, invoice_number: str | None = None) -> int:
        """What may still be paid back: of the sale's own money, or with ``invoice_number`` of
        that late payment's (a payment no sale took, refunded by naming it, so it never touches
        takings).

        The sale's own money is its total once completed, less the refunds paid or pending
        against it (those naming a late payment aside; what reversals brought back of them is the
        customer's still, to refund again), the returns paid back in cash or outside
        Kasir (a wallet return's money is its refund), and what the provider refunded of its
        payment beyond the returns recorded as refunded outside Kasir: that money went back
        already, and paying it again would pay the customer twice. A late payment's money is what
        it brought in (``received_rupiah``), less what the provider refunded of it and the
        refunds naming it; none once a manager attached it to a sale (its money is that sale's:
        refund the sale) or resolved it (settled another way). Both count too what went back
        before this database was restored from an older backup (``store/given_back.py``).
        """
        if invoice_number is not None:
            late = self._db.execute(
                f"SELECT CASE WHEN a.state = 'paid' AND a.late = 1 AND NOT {RESOLVED} "
                f"THEN {RECEIVED_SQL} - a.provider_refunded ELSE 0 END FROM payment_attempts a "
                "WHERE a.invoice_number = ? AND a.sale_id = ?",
                [invoice_number, sale_id],
            ).fetchone()
            if late is None:
                return 0
            used = self._db.execute(
                f"SELECT {NET_PAID_OUT} FROM refunds r "
                "WHERE r.invoice_number = ? AND r.status IN ('pending', 'paid')",
                [invoice_number],
            ).fetchone()[0]
            lost = self._db.execute(LATE_MONEY_BACK, [invoice_number]).fetchone()[0]
            return int(late[0]) - int(used) - int(lost)
        row = self._db.execute("SELECT status, total FROM sales WHERE id = ?", [sale_id]).fetchone()
        if row is None:
            raise NotFound(N_("sale {sale} does not exist"), sale=sale_id)
        taken = row[1] if row[0] == "completed" else 0
        used = self._db.execute(
            f"SELECT {NET_PAID_OUT} FROM refunds r "
            "LEFT JOIN payment_attempts a ON a.invoice_number = r.invoice_number "
            "WHERE r.sale_id = ? AND r.status IN ('pending', 'paid') AND coalesce(a.late, 0) = 0",
            [sale_id],
        ).fetchone()[0]
        returned = self._db.execute(
            "SELECT (SELECT coalesce(sum(amount), 0) FROM returns WHERE sale_id = ?1 "
            f"AND payout_id IS NULL) + {MONEY_BACK}",
            [sale_id],
        ).fetchone()[0]
        gone = self.refunded_at_provider(sale_id) if taken else 0
        return int(taken) - int(used) - int(returned) - gone

    def refunded_at_provider(self, sale_id: int) -> int:
        """What the provider refunded of the payment that paid the sale (its invoice: a late
        payment attached to it keeps the sale it was made for) in full or in part, beyond the
        returns recorded as refunded outside Kasir: money gone back that no return accounts for
        yet. Such a return may use it; nothing else may pay it again."""
        refunded, outside = self._db.execute(
            "SELECT (SELECT coalesce(sum(CASE WHEN a.state = 'refunded' THEN "
            f"{RECEIVED_SQL} ELSE a.provider_refunded END), 0) FROM payment_attempts a "
            "WHERE a.invoice_number = (SELECT invoice_number FROM sales WHERE id = ?1) "
            "AND a.late = 0 AND a.state IN ('paid', 'refunded')), "
            "(SELECT coalesce(sum(amount), 0) FROM returns WHERE sale_id = ?1 "
            f"AND method = 'outside') + {OUTSIDE_BACK}",
            [sale_id],
        ).fetchone()
        return max(int(refunded) - int(outside), 0)

    def create(
        self,
        sale_id: int,
        payout_id: str,
        amount: int,
        *,
        provider: ProviderName,
        account_number: str,
        customer_name: str,
        approved_by: str,
        now: datetime,
        invoice_number: str | None = None,
        reason: str = "",
    ) -> Refund:
        """Record an approved payout as ``pending`` (and audit it) before it is sent."""
        _check_payout_id(payout_id)
        check_amount(amount, field=Text(N_("refund amount")))
        for needed, value in (
            (N_("a refund needs the wallet number"), account_number),
            (N_("a refund needs the customer name"), customer_name),
            (N_("a refund needs the approving manager"), approved_by),
        ):
            if not value.strip():
                raise ValidationError(needed)
        if not _WALLET_NUMBER.fullmatch(account_number.strip()):
            raise ValidationError(  # the number is not repeated: errors reach the log
                N_("a DOKU Wallet number is digits only, like 081234567890")
            )
        stamp = utc_text(now)
        with transaction(self._db) as conn:
            refuse_before_relay_read(self._db)
            if invoice_number is not None:
                self._check_late_payment(sale_id, invoice_number)
            available = self.refundable(sale_id, invoice_number)
            if amount > available:
                raise ValidationError(
                    N_("refund {amount} is more than sale {sale} has left to refund ({left})"),
                    amount=format_rupiah(amount),
                    sale=sale_id,
                    left=format_rupiah(max(available, 0)),
                )
            try:
                refund_id = conn.execute(
                    "INSERT INTO refunds (payout_id, sale_id, invoice_number, provider, amount, "
                    "account_number, customer_name, reason, approved_by, status, created_at, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        payout_id,
                        sale_id,
                        invoice_number,
                        ProviderName(provider).value,
                        amount,
                        account_number.strip(),
                        customer_name.strip(),
                        reason,
                        approved_by,
                        RefundStatus.PENDING.value,
                        stamp,
                        stamp,
                    ],
                ).lastrowid
            except sqlite3.IntegrityError:
                raise StoreError(f"payout id {payout_id} was already used") from None
            assert refund_id is not None
            move(
                conn,
                REFUNDS,
                refund_id,
                None,
                RefundStatus.PENDING,
                source=ChangeSource.MANAGER,
                actor=approved_by,
                now=now,
            )
            AuditLog(self._db).record(
                approved_by,
                "refund.approve",
                {"payout_id": payout_id, "sale_id": sale_id, "amount": amount, "reason": reason},
                now=now,
            )
        return self.get(payout_id)

    def _check_late_payment(self, sale_id: int, invoice_number: str) -> None:
        """A refund naming ``invoice_number`` pays back that late payment of the sale: refused,
        with why, once a manager attached it to a sale (its money is that sale's takings) or
        resolved it (settled another way), as another manager may have done meanwhile."""
        row = self._db.execute(
            f"SELECT a.sale_id, a.late, {RESOLVED} FROM payment_attempts a "
            "WHERE a.invoice_number = ?",
            [invoice_number],
        ).fetchone()
        if row is None or row[0] != sale_id:
            raise ValidationError(
                N_("payment {invoice} is not a payment of sale {sale}"),
                invoice=invoice_number,
                sale=sale_id,
            )
        if not row[1]:
            raise ValidationError(
                N_(
                    "payment {invoice} is a sale's takings (a manager attached it): refund "
                    "that sale instead"
                ),
                invoice=invoice_number,
            )
        if row[2]:
            raise ValidationError(
                N_("payment {invoice} was resolved by a manager: nothing of it is left to refund"),
                invoice=invoice_number,
            )

    def settle(
        self,
        payout_id: str,
        status: RefundStatus | str,
        *,
        now: datetime,
        result: Mapping[str, Any] | None = None,
        reference: str | None = None,
        source: ChangeSource = ChangeSource.PROVIDER,
        paid_amount: int | None = None,
        paid_currency: str | None = None,
    ) -> Refund:
        """The final answer, the provider's (or ``system``: the terminal's, for a payout that never
        left); the same answer again changes nothing (but what was paid, said for the first time or
        more of it, until a status answer told what every part paid: what they did not pay came
        back then, see :meth:`record_paid_more`), another one raises InvalidTransition.
        ``paid_amount`` and ``paid_currency``: what the provider reported paid, when it said."""
        status = RefundStatus(status)
        if status is RefundStatus.PENDING:
            raise ValidationError("a refund is settled as paid, declined or failed")
        try:
            body = to_json(dict(result or {}))
        except (TypeError, ValueError):
            raise ValidationError(f"refund {payout_id}: result must be plain JSON values") from None
        with transaction(self._db) as conn:
            refund = self.get(payout_id)
            if refund.status is status:
                if paid_amount is not None and (
                    refund.paid_amount is None
                    or (
                        refund.paid_amount < min(paid_amount, refund.amount)
                        and _told_paid(conn, refund) is None
                    )
                ):
                    # the first word said paid with no amount (a reversal of a pending payout,
                    # a status answer without a sum), or paid out in part and now more (ecommpay's
                    # "partially paid out", then "success"): what a later one says is kept
                    conn.execute(
                        "UPDATE refunds SET paid_amount = ?, paid_currency = ? WHERE id = ?",
                        [paid_amount, paid_currency, refund.id],
                    )
                    return self.get(payout_id)
                return refund
            now = after_day_closed(self._db, self._day, now)
            stamp = utc_text(now)
            takings = None
            if status is RefundStatus.PAID:
                takings = conn.execute(
                    f"SELECT {_GIVES_BACK_TAKINGS} FROM {REFUND_JOINS} WHERE r.id = ?",
                    [refund.id],
                ).fetchone()[0]
            move(
                conn,
                REFUNDS,
                refund.id,
                refund.status,
                status,
                name=f"refund {payout_id}",
                source=source,
                now=now,
                columns={
                    "result": body,
                    "reference": refund.reference if reference is None else reference,
                    "completed_at": stamp,
                    "business_date": open_business_date(self._db, self._day, now).isoformat(),
                    "updated_at": stamp,
                    "paid_amount": paid_amount,
                    "paid_currency": paid_currency,
                    "reduces_takings": takings,
                },
            )
            # the returns this payout's return made again take their items back, or give them
            # up, with its outcome: their days go to the relay again too (the triggers see only
            # this payout's own days)
            days = conn.execute(DAYS_DECIDED_BY_PAYOUT, [payout_id]).fetchall()
            mark_days(conn, (day for (day,) in days))
            self._bring_back(conn, self.get(payout_id), now)
        return self.get(payout_id)

    def record_reversal(
        self,
        payout_id: str,
        *,
        report: Mapping[str, Any],
        now: datetime,
        reference: str | None = None,
        left: int | None = None,
    ) -> Refund:
        """Keep the provider's report that it reversed the payout, ``left`` still paid out of it
        (``None``: all of it reversed). A later report that brought more back (ecommpay's
        "reversed" after its "partially reversed", or a partial one leaving less) takes the
        kept one's place and is listed again, even if the manager had resolved the first (the
        audit log keeps that resolution); any other (a repeat, the same reversal as a status
        answer, an older partial one arriving late) changes nothing. Only a paid payout is
        reversed, so one still pending (its success came late or never) is settled ``paid`` with
        it, in one transaction; so is one Kasir holds failed or declined whose reversal is in
        part, as some of it stayed paid out (a whole reversal of such a payout moved no money
        overall, and leaves it as it is). Otherwise the refund's status stays: the money did go
        out on its day. What the report brought back beyond the kept one is a part of its own
        (``payout_reversal_parts``), on the business day it is recorded: the files count it back
        then, and the sale may be refunded again by as much; the manager sees the reversal among
        the problem payments."""
        try:
            body = to_json(dict(report))
        except (TypeError, ValueError):
            raise ValidationError(f"refund {payout_id}: report must be plain JSON values") from None
        with transaction(self._db) as conn:
            now = after_day_closed(self._db, self._day, now)
            status = self.get(payout_id).status
            if status is RefundStatus.PENDING or (left is not None and status in UNPAID):
                self.settle(
                    payout_id, RefundStatus.PAID, now=now, result=report, reference=reference
                )
            conn.execute(
                "INSERT INTO payout_reversals (refund_id, reported_at, report, left_paid)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (refund_id) DO UPDATE SET"
                " reported_at = excluded.reported_at, report = excluded.report,"
                " left_paid = excluded.left_paid, resolved_at = NULL, resolved_by = NULL,"
                " resolution = NULL WHERE payout_reversals.left_paid IS NOT NULL AND"
                " (excluded.left_paid IS NULL OR (excluded.left_paid >= 0 AND"
                " (payout_reversals.left_paid = -1"
                " OR excluded.left_paid < payout_reversals.left_paid)))",
                # -1: not known (kept before it was, or a report in part that says no amount):
                # a full reversal, or one that says what it left, is new; one that does not is not
                [self.get(payout_id).id, utc_text(now), body, left],
            )
            self._bring_back(conn, self.get(payout_id), now)
        return self.get(payout_id)

    def record_contradiction(
        self,
        payout_id: str,
        *,
        outcome: str,
        reason: str,
        report: Mapping[str, Any],
        now: datetime,
    ) -> bool:
        """Keep the provider's report that a payout Kasir holds paid was declined or failed
        (``outcome``), with no reversal said. It is not applied: the refund stays paid, as a stray
        decline must not make the customer owed twice; but ecommpay's payout statuses have no
        "reversed", so it may be a reversal whose own report was lost, the money back in the
        shop's balance. Kept for good in the audit log under the provider's name
        (:data:`CONTRADICTED`), it lists the payout for the manager
        (:mod:`pos_app.store.problem_payments`), again after a resolution. A report kept already
        (ecommpay's retries, the relay handing it over again) is not kept twice: False."""
        return self._keep_report(
            payout_id, CONTRADICTED, report, now, outcome=outcome, reason=reason
        )

    def record_answer(
        self, payout_id: str, *, report: Mapping[str, Any], now: datetime, told_paid: bool
    ) -> bool:
        """Keep the provider's status answer with a final word on a payout Kasir holds paid,
        whatever it changed, in the audit log under the provider's name (:data:`ANSWERED`),
        with the figure Kasir holds paid after it if the answer named what the payout paid
        (``told_paid``; ecommpay's sum of every part). A payout listed as paid another amount
        is then asked no more: ecommpay's answer lists every part of a payout it split, so
        asking again could only bring the same. What that figure falls short of the amount
        asked (in rupiah; ecommpay's "partially paid out", the rest declined) is brought back
        as a reversal's money is, in the same transaction (:meth:`_bring_back`): on the
        business day it is recorded, and the sale may be refunded again by as much. An answer
        naming no sum (a reversal's, which tells what it left, or a success without one) tells
        nothing of what was paid: the figure held then may be one part's callback's, so none
        is kept with it, and nothing is brought back for it. An answer kept already (the
        manager asking again) is not kept twice: False."""
        with transaction(self._db) as conn:
            held = self.get(payout_id)
            kept = self._keep_report(
                payout_id,
                ANSWERED,
                report,
                now,
                paid_amount=held.paid_amount if told_paid else None,
                paid_currency=held.paid_currency if told_paid else None,
            )
            self._bring_back(conn, held, now)
        return kept

    def record_paid_more(
        self,
        payout_id: str,
        *,
        paid_amount: int,
        paid_currency: str | None,
        report: Mapping[str, Any],
        now: datetime,
    ) -> bool:
        """Keep a report naming more paid of a payout than its status answer told, under the
        provider's name (:data:`PAID_MORE`): not applied (:meth:`settle` keeps the answer's
        figure). What the answer said unpaid was brought back on its day, and the sale may
        have been refunded by as much again since: taking the report now would have the books
        say the customer got the rest twice over, unseen. It lists the payout for the manager
        again, should it have been resolved (:mod:`pos_app.store.problem_payments`), who
        settles with the customer. True if kept now; False if it names no more than Kasir
        holds, nothing was brought back so (the report is then taken), or it was kept already
        (ecommpay's retries)."""
        told = _told_paid(self._db.conn, self.get(payout_id))
        if told is None or (paid_currency or CURRENCY) != CURRENCY or paid_amount <= told:
            return False
        return self._keep_report(
            payout_id,
            PAID_MORE,
            report,
            now,
            paid_amount=paid_amount,
            paid_currency=paid_currency,
            held_paid=told,
        )

    def _keep_report(
        self,
        payout_id: str,
        action: str,
        report: Mapping[str, Any],
        now: datetime,
        **about: object,
    ) -> bool:
        """Keep the provider's ``report`` on the paid payout under ``action`` in the audit log,
        ``about`` it beside; one kept already under ``action`` is not kept again: False."""
        try:
            body = json.loads(to_json(dict(report)))
        except (TypeError, ValueError):
            raise ValidationError(f"refund {payout_id}: report must be plain JSON values") from None
        with transaction(self._db) as conn:
            refund = self.get(payout_id)
            if refund.status is not RefundStatus.PAID:
                raise StoreError(
                    f"refund {payout_id} is {refund.status}: only a paid one's report is kept"
                )
            kept = conn.execute(
                "SELECT detail FROM audit_log WHERE action = ? "
                "AND json_extract(detail, '$.payout_id') = ?",
                [action, payout_id],
            )
            if any(json.loads(detail).get("report") == body for (detail,) in kept):
                return False
            detail = {
                "payout_id": payout_id,
                "sale_id": refund.sale_id,
                "amount": refund.amount,
                **about,
                "report": body,
            }
            AuditLog(self._db).record(refund.provider.value, action, detail, now=now)
        return True

    def settle_reversed_in_part(self, now: datetime) -> list[str]:
        """Payouts held failed or declined whose reversal in part was kept by a version that
        left them so: settled paid now, as :meth:`record_reversal` settles them, and what came
        back counts back on the day this runs (ecommpay sends no acknowledged callback again, so
        no later report would). Reversals kept before parts were are the manager's, as before.
        The payout ids settled."""
        rows = self._db.execute(
            "SELECT r.payout_id, v.report FROM refunds r JOIN payout_reversals v"
            " ON v.refund_id = r.id WHERE r.status IN ('failed', 'declined')"
            " AND v.left_paid IS NOT NULL AND v.kept_before_parts = 0 ORDER BY r.id"
        ).fetchall()
        for payout_id, report in rows:
            with transaction(self._db) as conn:
                self.settle(payout_id, RefundStatus.PAID, now=now, result=json.loads(report))
                self._bring_back(conn, self.get(payout_id), now)
        return [payout_id for payout_id, _ in rows]

    def _bring_back(self, conn: sqlite3.Connection, refund: Refund, now: datetime) -> None:
        """Inside the caller's transaction: a part for what the payout no longer pays out beyond
        the parts it has: what the kept reversal brought back of it, and what a status answer
        kept (:meth:`record_answer`) told it paid short of the amount asked, in rupiah (a payout
        paid out in part is one paid in full and reversed by the rest). Only a paid payout moves
        money (one reported reversed while Kasir held it failed brings the money back once it
        is paid); a reversal that does not say what it left (-1) brings nothing yet, and one
        kept before parts were (``kept_before_parts``) was settled by a manager another way."""
        if refund.status is not RefundStatus.PAID:
            return
        row = conn.execute(
            "SELECT v.left_paid, v.kept_before_parts FROM payout_reversals v WHERE v.refund_id = ?",
            [refund.id],
        ).fetchone()
        if row is not None and row[1]:
            return
        out = refund.amount
        if row is not None and row[0] != LEFT_UNKNOWN:
            out = max(row[0] or 0, 0)
        told = _told_paid(conn, refund)
        if told is not None:
            out = min(out, told)
        brought = conn.execute(
            "SELECT coalesce(sum(amount), 0) FROM payout_reversal_parts WHERE refund_id = ?",
            [refund.id],
        ).fetchone()[0]
        now = after_day_closed(self._db, self._day, now)
        back = refund.amount - min(out, refund.amount) - brought
        if back > 0:
            conn.execute(
                "INSERT INTO payout_reversal_parts (refund_id, amount, recorded_at, "
                "business_date) VALUES (?, ?, ?, ?)",
                [
                    refund.id,
                    back,
                    utc_text(now),
                    open_business_date(self._db, self._day, now).isoformat(),
                ],
            )

    def history(self, payout_id: str) -> list[StatusChange[RefundStatus]]:
        """Every change of the refund's status, oldest first (from its approval)."""
        return history(self._db, REFUNDS, self.get(payout_id).id)

    def get(self, payout_id: str) -> Refund:
        found = self._refunds("WHERE payout_id = ?", payout_id)
        if not found:
            raise NotFound(N_("refund {payout} does not exist"), payout=payout_id)
        return found[0]

    def pending(self) -> list[Refund]:
        """Refunds still waiting for the provider's word, oldest first."""
        return self._refunds("WHERE status = 'pending' ORDER BY id")

    def for_sale(self, sale_id: int) -> list[Refund]:
        return self._refunds("WHERE sale_id = ? ORDER BY id", sale_id)

    def _refunds(self, where: str, *params: object) -> list[Refund]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM refunds r {where}", list(params)
        ).fetchall()
        return [
            Refund(
                id=row[0],
                payout_id=row[1],
                sale_id=row[2],
                provider=ProviderName(row[3]),
                amount=row[4],
                account_number=row[5],
                customer_name=row[6],
                approved_by=row[7],
                status=RefundStatus(row[8]),
                created_at=parse_utc(row[9]),
                invoice_number=row[10],
                reason=row[11],
                reference=row[12],
                result=json.loads(row[13]),
                completed_at=optional_utc(row[14]),
                business_date=date.fromisoformat(row[15]) if row[15] else None,
                reversed_at=optional_utc(row[16]),
                paid_amount=row[17],
                paid_currency=row[18],
                brought_back=row[19],
            )
            for row in rows
        ]


def _told_paid(conn: sqlite3.Connection, refund: Refund) -> int | None:
    """What the latest status answer kept on the payout with a figure (:data:`ANSWERED`) told
    it paid, when that is rupiah short of the amount asked: the rest is brought back
    (:meth:`Refunds._bring_back`). ``None`` otherwise. Read from the answer as kept, never from
    the refund's paid figure, which a part's callback may fill after an answer naming no sum;
    such an answer tells nothing, nor does it undo what an earlier one told."""
    row = conn.execute(
        "SELECT json_extract(detail, '$.paid_amount'), json_extract(detail, '$.paid_currency') "
        "FROM audit_log WHERE action = ? AND json_extract(detail, '$.payout_id') = ? "
        "AND json_extract(detail, '$.paid_amount') IS NOT NULL ORDER BY id DESC LIMIT 1",
        [ANSWERED, refund.payout_id],
    ).fetchone()
    if row is None or (row[1] or CURRENCY) != CURRENCY or row[0] >= refund.amount:
        return None
    return int(row[0])


def _check_payout_id(payout_id: str) -> None:
    if len(payout_id) > MAX_PAYOUT_ID_LENGTH or not _PAYOUT_ID.match(payout_id):
        raise ValidationError(
            f"payout id {payout_id!r}: expected at most {MAX_PAYOUT_ID_LENGTH} letters, digits, "
            "'-' or '_'"
        )
