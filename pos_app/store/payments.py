"""Payment attempts and the append-only log of every event that touched them.

An attempt is written before any request leaves the terminal; each change of state is written in
the same transaction as the event that caused it. Two ways in:

- :meth:`Payments.transition` for what the terminal decides (cashier cancels, system marks
  unknown): a move the lifecycle forbids is an error and nothing is written.
- :meth:`Payments.record_status` for what a provider reports (relay events, status checks): the
  report is always kept; one that would move the attempt backwards (pending after paid) is logged
  as ``ignored``, one for an invoice this terminal does not know as an ``orphan``.

The relay client's events do not come here directly: its
:class:`pos_app.payments.model.EventSink` is the till's ``Checkout`` (``till/checkout.py``), which
applies a batch with :meth:`Payments.unseen_relay_events`, :meth:`Payments.record_relay_event` and
:meth:`Payments.save_relay_position` in one transaction, and routes payout callbacks to refunds.
How far the relay's events are read, and how one handed over again is known, is
``store/relay_inbox.py``; the invoice numbers attempts are known by, ``store/invoice_numbers.py``.
"""

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from pos_app.domain.business_day import BusinessDay
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import CURRENCY, check_amount, format_rupiah
from pos_app.domain.texts import N_, Text
from pos_app.payments.model import (
    LATE_PAYMENT_FROM,
    OPEN_STATES,
    STATUS_TO_STATE,
    AttemptState,
    PaymentRequest,
    PaymentStatus,
    ProviderName,
    RelayEvent,
    RelayPosition,
    can_transition,
)
from pos_app.payments.registry import reported_amount, reported_reference, reported_refund_news
from pos_app.store import invoice_numbers, relay_inbox
from pos_app.store.database import optional_utc, parse_utc, to_json, transaction, utc_text
from pos_app.store.errors import InvalidTransition, NotFound, StoreError
from pos_app.store.given_back import LATE_MONEY_BACK
from pos_app.store.open_day import after_day_closed, open_business_date
from pos_app.store.paid_reports import (
    News,
    contradicts_doku,
    gone_back,
    news_order,
    paid_more,
    partially_refunded,
    refund_read_by_manager,
    refunded_before_paid,
)
from pos_app.store.payment_records import (
    RESOLVED,
    EventSource,
    Outcome,
    PaymentAttempt,
    PaymentEvent,
    paid_differs,
)
from pos_app.store.refunds import REFUND_HOLDS

FINAL_WORDS = frozenset(PaymentStatus) - {PaymentStatus.PENDING}
"""A provider's words after which a payment's outcome is known (a later change, such as a
payment after a decline, still comes as a notification)."""

_ATTEMPT_COLUMNS = (
    "id, invoice_number, sale_id, provider, amount, state, late, created_at, updated_at, "
    "payment_url, expires_at, reference, paid_amount, paid_currency, provider_refunded"
)
_EVENT_COLUMNS = (
    "id, invoice_number, source, state, outcome, created_at, status, payload, relay_cursor"
)


class Payments:
    def __init__(self, db: Database, day: BusinessDay | None = None) -> None:
        self._db = db
        self._day = day or BusinessDay()

    def next_invoice_number(self, terminal_id: str, now: datetime) -> str:
        """See :func:`~pos_app.store.invoice_numbers.draw_invoice_number`."""
        return invoice_numbers.draw_invoice_number(self._db, self._day, terminal_id, now)

    def raise_invoice_counter(self, counter: int) -> bool:
        """See :func:`~pos_app.store.invoice_numbers.raise_invoice_counter`."""
        return invoice_numbers.raise_invoice_counter(self._db, counter)

    def create_numbered_attempt(
        self, sale_id: int, provider: ProviderName, amount: int, *, terminal_id: str, now: datetime
    ) -> PaymentAttempt:
        """Draw the next invoice number and record its attempt in one transaction.

        A refused attempt (the sale is not open, or has another payment open) gives its number
        back, so the numbers the provider sees have no gaps from refusals; and one commit instead
        of two keeps the charge fast.
        """
        with transaction(self._db):
            invoice = self.next_invoice_number(terminal_id, now)
            return self.create_attempt(sale_id, provider, amount, invoice, now)

    def create_attempt(
        self,
        sale_id: int,
        provider: ProviderName | str,
        amount: int,
        invoice_number: str,
        now: datetime,
    ) -> PaymentAttempt:
        """Record the attempt (state ``created``) before the provider is asked for anything.

        Refused while the sale has another attempt open or paid: a lost answer is resolved by
        checking that attempt's status, never by a second order for the same basket.
        """
        invoice_numbers.check_invoice_number(invoice_number)
        try:
            provider = ProviderName(provider)
        except ValueError:
            choices = ", ".join(name.value for name in ProviderName)
            raise ValidationError(
                N_("provider: expected one of {choices}, got {provider}"),
                choices=choices,
                provider=repr(provider),
            ) from None
        stamp = utc_text(now)
        with transaction(self._db) as conn:
            sale = conn.execute(
                "SELECT status, total FROM sales WHERE id = ?", [sale_id]
            ).fetchone()
            if sale is None:
                raise NotFound(N_("sale {sale} does not exist"), sale=sale_id)
            if sale[0] != "open":
                raise StoreError(
                    N_("sale {sale} is {status}, not open"), sale=sale_id, status=sale[0]
                )
            if amount != sale[1]:
                raise ValidationError(
                    N_("payment amount {amount} differs from the sale total {total}"),
                    amount=format_rupiah(amount),
                    total=format_rupiah(sale[1]),
                )
            for other in self.attempts_for_sale(sale_id):
                paying = other.state is AttemptState.PAID and not other.amount_differs
                if other.state in OPEN_STATES or paying:
                    raise StoreError(
                        N_(
                            "sale {sale} already has payment {invoice} ({state}); check its "
                            "status or cancel it first"
                        ),
                        sale=sale_id,
                        invoice=other.invoice_number,
                        state=other.state,
                    )
            try:
                attempt_id = conn.execute(
                    "INSERT INTO payment_attempts (invoice_number, sale_id, provider, amount, "
                    "state, created_at, updated_at) VALUES (?, ?, ?, ?, 'created', ?, ?)",
                    [invoice_number, sale_id, provider.value, amount, stamp, stamp],
                ).lastrowid
            except sqlite3.IntegrityError:
                raise StoreError(
                    N_("invoice number {invoice} was already used"), invoice=invoice_number
                ) from None
            self._append(
                conn,
                attempt_id,
                invoice_number,
                EventSource.SYSTEM,
                AttemptState.CREATED,
                Outcome.APPLIED,
                now,
            )
        return self.get_attempt(invoice_number)

    def record_request(self, request: PaymentRequest, *, now: datetime) -> PaymentAttempt:
        """The provider accepted the order: keep its URL, expiry and reference; now ``pending``."""
        with transaction(self._db) as conn:
            attempt = self.get_attempt(request.invoice_number)
            conn.execute(
                "UPDATE payment_attempts SET payment_url = ?, expires_at = ?, "
                "reference = coalesce(?, reference), updated_at = ? WHERE id = ?",
                [
                    request.payment_url,
                    utc_text(request.expires_at) if request.expires_at else None,
                    request.reference,
                    utc_text(now),
                    attempt.id,
                ],
            )
            self._apply(
                conn,
                attempt,
                AttemptState.PENDING,
                source=EventSource.SYSTEM,
                payload={"payment_url": request.payment_url, "reference": request.reference},
                now=now,
                strict=False,
            )
        return self.get_attempt(request.invoice_number)

    def transition(
        self,
        invoice_number: str,
        new_state: AttemptState,
        *,
        source: EventSource | str,
        payload: Mapping[str, Any] | None = None,
        now: datetime,
        reference: str | None = None,
    ) -> PaymentAttempt:
        """Move the attempt to ``new_state`` with its event, or raise InvalidTransition."""
        with transaction(self._db) as conn:
            attempt = self.get_attempt(invoice_number)
            self._apply(
                conn,
                attempt,
                AttemptState(new_state),
                source=EventSource(source),
                payload=payload,
                now=now,
                reference=reference,
                strict=True,
            )
        return self.get_attempt(invoice_number)

    def record_status(
        self,
        invoice_number: str,
        status: PaymentStatus,
        *,
        source: EventSource | str,
        payload: Mapping[str, Any] | None = None,
        now: datetime,
        reference: str | None = None,
        relay_cursor: int | None = None,
        amount: int | None = None,
        currency: str | None = None,
        balance: bool = False,
    ) -> PaymentEvent:
        """Keep what a provider reported; apply it when the lifecycle allows. Never refuses it.

        ``amount`` and ``currency`` are what the provider says was paid (``None``: it did not
        say). A payment that differs from the attempt's amount is kept apart (``late``), never
        used to complete the sale. A paid report for fewer rupiah than a paid attempt received
        is its balance after a partial refund at the provider: the difference is recorded as
        :attr:`PaymentAttempt.provider_refunded` (the largest such figure wins, so a report
        repeated or arriving late changes nothing), and the attempt stays paid.

        ``balance`` says the amount is what is left after a refund at the provider. Such a report
        reaching an attempt not yet paid (the payment's own success still in the provider's
        retries) says the customer paid what was asked and part went back: the attempt is paid
        the amount asked, the rest recorded as refunded at the provider, as if the reports had
        come in order.

        A DOKU paid report that contradicts the paid amount already taken (see
        :func:`~pos_app.store.paid_reports.contradicts_doku`) changes nothing on the attempt: it
        is kept as an orphan report, which the manager's list of problem payments shows with the
        amount it names.
        """
        status = PaymentStatus(status)
        state = STATUS_TO_STATE[status]
        source = EventSource(source)
        with transaction(self._db) as conn:
            attempt = self.find_attempt(invoice_number)
            contradicts = attempt is not None and contradicts_doku(
                attempt, state, (amount, currency)
            )
            kept = (
                self._kept_apart_before(conn, invoice_number, status, amount)
                if contradicts
                else None
            )
            if kept is not None:
                event_id = kept
            elif attempt is None or contradicts:
                event_id = self._append(
                    conn,
                    None,
                    invoice_number,
                    source,
                    state,
                    Outcome.ORPHAN,
                    now,
                    status=status,
                    payload=_as_report(attempt, source, payload),
                    relay_cursor=relay_cursor,
                )
            else:
                event_id = self._apply(
                    conn,
                    attempt,
                    state,
                    source=source,
                    payload=payload,
                    now=now,
                    reference=reference,
                    status=status,
                    relay_cursor=relay_cursor,
                    strict=False,
                    paid=(amount, currency),
                    balance=balance,
                )
                if state is AttemptState.PAID:
                    self._refund_held_back(conn, invoice_number, source=source, now=now)
        return self._event(event_id)

    @staticmethod
    def _kept_apart_before(
        conn: sqlite3.Connection, invoice_number: str, status: PaymentStatus, amount: int | None
    ) -> int | None:
        """The report of ``invoice_number`` kept apart already with this status and amount, if
        any: each Check status asks the provider again and hears the same, which the manager's
        list shows once and, once resolved, not again."""
        rows = conn.execute(
            "SELECT id, payload FROM payment_events WHERE attempt_id IS NULL "
            "AND invoice_number = ? AND source != 'cashier' AND status = ? ORDER BY id",
            [invoice_number, status.value],
        )
        return next(
            (
                event_id
                for event_id, payload in rows
                if reported_amount(json.loads(payload).get("payload", {})) == amount
            ),
            None,
        )

    def _refund_held_back(
        self, conn: sqlite3.Connection, invoice_number: str, *, source: EventSource, now: datetime
    ) -> None:
        """A refund the provider reported before the payment's own success (that callback was
        waiting in the provider's retries) could not apply to an unpaid attempt and was kept
        as ignored; once the attempt is paid, it applies, so the money that went back is never
        counted as taken."""
        attempt = self.get_attempt(invoice_number)
        if attempt.state is not AttemptState.PAID:
            return
        taken = max(
            (
                event.id
                for event in attempt.events
                if event.state is AttemptState.REFUNDED and event.outcome is Outcome.APPLIED
            ),
            default=0,
        )
        held = [
            event
            for event in attempt.events
            if event.state is AttemptState.REFUNDED
            and event.outcome is Outcome.IGNORED
            and event.id > taken  # applied once: a refund undone since stays undone
        ]
        if held:
            self._apply(
                conn,
                attempt,
                AttemptState.REFUNDED,
                source=source,
                payload={"refund_reported_before_paid": held[-1].id},
                now=now,
                strict=False,
                status=PaymentStatus.REFUNDED,
            )

    def late_payment(self, invoice_number: str) -> PaymentAttempt:
        """The attempt, if it is a late payment that no sale has taken yet and that could pay
        one (the amount asked, in rupiah); else say why not."""
        attempt = self.get_attempt(invoice_number)
        if attempt.state is not AttemptState.PAID:
            raise StoreError(
                N_("payment {invoice} is {state}, not paid"),
                invoice=invoice_number,
                state=attempt.state,
            )
        if not attempt.late:
            raise StoreError(
                N_("payment {invoice} is not a late payment: a sale has its money already"),
                invoice=invoice_number,
            )
        if attempt.amount_differs:
            raise StoreError(
                N_(
                    "payment {invoice} paid {paid}, not the {amount} asked: it pays no sale; "
                    "refund it, or resolve it with a reason"
                ),
                invoice=invoice_number,
                paid=attempt.paid_text,
                amount=format_rupiah(attempt.amount),
            )
        if self.resolved(attempt):
            raise StoreError(
                N_("payment {invoice} was resolved by a manager: it pays no sale"),
                invoice=invoice_number,
            )
        if attempt.provider_refunded:
            raise StoreError(
                N_(
                    "{refunded} of payment {invoice} was refunded at the provider: it no longer "
                    "pays a sale's total; refund the rest, or resolve it with a reason"
                ),
                invoice=invoice_number,
                refunded=format_rupiah(attempt.provider_refunded),
            )
        (before_restore,) = self._db.execute(LATE_MONEY_BACK, [invoice_number]).fetchone()
        if before_restore > 0:
            raise StoreError(
                N_(
                    "{refunded} of payment {invoice} was refunded before this till was restored "
                    "from a backup: it pays no sale"
                ),
                invoice=invoice_number,
                refunded=format_rupiah(before_restore),
            )
        refund = self._db.execute(
            f"SELECT payout_id FROM refunds r WHERE invoice_number = ? AND {REFUND_HOLDS} "
            "ORDER BY id LIMIT 1",
            [invoice_number],
        ).fetchone()
        if refund is not None:
            raise StoreError(
                N_("payment {invoice} is refunded, or being refunded, by payout {payout}"),
                invoice=invoice_number,
                payout=refund[0],
            )
        return attempt

    def record_refunded_amount(
        self, invoice_number: str, refunded: int, *, payload: Mapping[str, Any], now: datetime
    ) -> PaymentAttempt:
        """What a manager read from DOKU's back office that DOKU refunded of a payment it
        reported REFUNDED, which names no amount refunded and so was taken as all of it (or a
        figure read before, put right). Less than the payment brought in, it is recorded as
        ecommpay's "partially refunded" is: the attempt paid, ``provider_refunded`` the amount,
        so the problem list, what may be refunded or returned and the files read it as they read
        that; all of it, the attempt is refunded. The difference from the provider refund rows
        written so far is a row of its own on the open day (negative when less went back than
        taken), as any money Kasir learns of late is: a closed day's files stay as signed off.
        An event from the cashier carries the manager's ``payload`` (applied when the figure
        changed: a resolution of the payment before it no longer covers it). Only a DOKU payment's
        REFUNDED is read so (else StoreError); an amount of 0 or more than came in is a
        ValidationError, and nothing is written."""
        refunded = check_amount(refunded, field=Text(N_("refunded amount")))
        with transaction(self._db) as conn:
            attempt = self.get_attempt(invoice_number)
            figured = attempt.state is AttemptState.PAID and attempt.provider_refunded > 0
            taken = attempt.state is AttemptState.REFUNDED or figured
            if attempt.provider is not ProviderName.DOKU or attempt.late or not taken:
                raise StoreError(
                    N_("payment {invoice} is no DOKU payment reported refunded"),
                    invoice=invoice_number,
                )
            if refunded > attempt.received:
                raise ValidationError(
                    N_("DOKU refunded at most the {paid} paid, not {refunded}"),
                    paid=format_rupiah(attempt.received),
                    refunded=format_rupiah(refunded),
                )
            now = after_day_closed(self._db, self._day, now)
            state = AttemptState.REFUNDED if refunded == attempt.received else AttemptState.PAID
            before = (attempt.state, attempt.provider_refunded if figured else attempt.received)
            outcome = Outcome.REPEATED if before == (state, refunded) else Outcome.APPLIED
            if outcome is Outcome.APPLIED:
                conn.execute(
                    "UPDATE payment_attempts SET state = ?, provider_refunded = ?, updated_at = ? "
                    "WHERE id = ?",
                    [state.value, refunded, utc_text(now), attempt.id],
                )
            event_id = self._append(
                conn,
                attempt.id,
                invoice_number,
                EventSource.CASHIER,
                state,
                outcome,
                now,
                payload=payload,
            )
            (recorded,) = conn.execute(
                "SELECT coalesce(sum(amount), 0) FROM provider_refunds WHERE attempt_id = ?",
                [attempt.id],
            ).fetchone()
            if outcome is Outcome.APPLIED and refunded != recorded:
                _provider_refund(conn, event_id, refunded - recorded)
        return self.get_attempt(invoice_number)

    def resolved(self, attempt: PaymentAttempt) -> bool:
        """See :data:`~pos_app.store.payment_records.RESOLVED`."""
        row = self._db.execute(
            f"SELECT {RESOLVED} FROM payment_attempts a WHERE a.id = ?", [attempt.id]
        ).fetchone()
        return bool(row[0])

    def paying_attempt(self, sale_id: int) -> PaymentAttempt | None:
        """A paid attempt of this sale that could pay it in full (on time or late): while one
        exists, the sale takes no other tender. A payment being refunded, or refunded, pays
        nothing any more: the customer has (or will have) that money back; nor does a late one
        a manager resolved (settled another way)."""
        refunding = {
            row[0]
            for row in self._db.execute(
                "SELECT invoice_number FROM refunds r WHERE sale_id = ? "
                f"AND invoice_number IS NOT NULL AND {REFUND_HOLDS}",
                [sale_id],
            ).fetchall()
        }
        for attempt in self.attempts_for_sale(sale_id):
            if (
                attempt.state is AttemptState.PAID
                and not attempt.amount_differs
                and attempt.invoice_number not in refunding
                and not (attempt.late and self.resolved(attempt))
            ):
                return attempt
        return None

    def take_late_payment(
        self, invoice_number: str, *, payload: Mapping[str, Any], now: datetime
    ) -> PaymentAttempt:
        """A sale took this late payment (a manager attached it), so it is late no more: its money
        is that sale's, for refunds and reports alike. Written with its event (source
        ``cashier``); the state stays ``paid``. The caller completes the sale in the same
        transaction."""
        with transaction(self._db) as conn:
            attempt = self.late_payment(invoice_number)
            conn.execute(
                "UPDATE payment_attempts SET late = 0, updated_at = ? WHERE id = ?",
                [utc_text(now), attempt.id],
            )
            self._append(
                conn,
                attempt.id,
                invoice_number,
                EventSource.CASHIER,
                AttemptState.PAID,
                Outcome.REPEATED,
                now,
                payload=payload,
            )
        return self.get_attempt(invoice_number)

    def relay_position(self) -> RelayPosition:
        """See :func:`~pos_app.store.relay_inbox.relay_position`."""
        return relay_inbox.relay_position(self._db)

    def unseen_relay_events(
        self, events: Sequence[RelayEvent], position: RelayPosition
    ) -> list[RelayEvent]:
        """The batch's events in cursor order, less those at or below the saved cursor when the
        batch is of the saved epoch (for the checkout, which applies a batch and routes payout
        callbacks itself)."""
        return self.relay_position().unseen(events, position)

    def record_relay_event(self, event: RelayEvent, *, now: datetime) -> bool:
        """Record one event from the relay; ``False`` if the log holds it already (the relay's
        epoch changed and it handed the event over again under another cursor). The provider's
        id for the payment comes with it when the payload names one, as with a status check:
        a payment the relay reported paid shows its reference in the payments file too."""
        with transaction(self._db) as conn:
            attempt = self.find_attempt(event.invoice_number)
            if relay_inbox.relayed_before(conn, attempt.id if attempt else None, event):
                return False
            self.record_status(
                event.invoice_number,
                event.status,
                source=EventSource.RELAY,
                payload=relay_inbox.relay_payload(event),
                now=now,
                reference=reported_reference(event.provider, event.payload),
                relay_cursor=event.cursor,
                amount=event.amount,
                currency=event.currency,
                balance=event.balance,
            )
        return True

    def record_unapplied(self, event: RelayEvent, *, error: str, now: datetime) -> None:
        """Keep an event that could not be applied, as an orphan report for the manager, so the
        rest of its batch goes on and nothing the provider said is lost; once, should the relay
        hand it over again (its epoch changed)."""
        with transaction(self._db) as conn:
            report = relay_inbox.unapplied_report(conn, event, error=error)
            if report is None:
                return
            self._append(
                conn,
                None,
                event.invoice_number,
                EventSource.RELAY,
                STATUS_TO_STATE[event.status],
                Outcome.ORPHAN,
                now,
                status=event.status,
                payload=report,
                relay_cursor=event.cursor,
            )

    def save_relay_position(self, batch: RelayPosition) -> None:
        """See :func:`~pos_app.store.relay_inbox.save_relay_position`."""
        relay_inbox.save_relay_position(self._db, batch)

    def find_attempt(self, invoice_number: str) -> PaymentAttempt | None:
        """The attempt (without its events), or None for an invoice this terminal never made."""
        found = self._attempts("WHERE invoice_number = ?", invoice_number)
        return found[0] if found else None

    def get_attempt(self, invoice_number: str) -> PaymentAttempt:
        """The attempt with its events, oldest first."""
        attempt = self.find_attempt(invoice_number)
        if attempt is None:
            raise NotFound(N_("payment {invoice} does not exist"), invoice=invoice_number)
        rows = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM payment_events WHERE attempt_id = ? ORDER BY id",
            [attempt.id],
        ).fetchall()
        return replace(attempt, events=tuple(_event_from_row(row) for row in rows))

    def attempts_for_sale(self, sale_id: int) -> list[PaymentAttempt]:
        return self._attempts("WHERE sale_id = ? ORDER BY id", sale_id)

    def open_attempts(self) -> list[PaymentAttempt]:
        """Attempts still waited on, oldest first: what a restart resumes."""
        states = sorted(OPEN_STATES)
        marks = ", ".join("?" * len(states))
        return self._attempts(f"WHERE state IN ({marks}) ORDER BY id", *states)

    def ended_before_final_word(
        self, provider: ProviderName, since: datetime
    ) -> list[PaymentAttempt]:
        """``provider``'s attempts the till ended (countdown out, cashier gave up, or declined
        where a decline is not final) since ``since``, oldest first, on which neither the relay
        nor a status check has brought the provider's final word (paid, or not paid in any
        way): the customer may still have paid them."""
        final = sorted(FINAL_WORDS)
        ended = [AttemptState.EXPIRED.value, AttemptState.CANCELLED.value]
        if not provider.declines_finally:
            final.remove(PaymentStatus.DECLINED)
            ended.append(AttemptState.DECLINED.value)
        return self._attempts(
            f"a WHERE a.provider = ? AND a.state IN ({', '.join('?' * len(ended))})"
            " AND a.updated_at >= ? AND NOT EXISTS ("
            " SELECT 1 FROM payment_events e WHERE e.attempt_id = a.id"
            f" AND e.source IN ('relay', 'status') AND e.status IN ({', '.join('?' * len(final))}))"
            " ORDER BY a.id",
            provider.value,
            *ended,
            utc_text(since),
            *final,
        )

    def attempts_paid_with_open_sale(self) -> list[PaymentAttempt]:
        """Paid in time while the terminal was away (crash, restart): sales still to complete."""
        return self._attempts(
            "WHERE state = 'paid' AND late = 0 "
            "AND sale_id IN (SELECT id FROM sales WHERE status = 'open') ORDER BY id"
        )

    def late_payments(self) -> list[PaymentAttempt]:
        """Money that arrived after the attempt was given up on: for the manager to settle."""
        return self._attempts("WHERE late = 1 ORDER BY updated_at, id")

    def resolve_reports(
        self, invoice_number: str, *, payload: Mapping[str, Any], now: datetime
    ) -> AttemptState:
        """Mark the reports kept apart under ``invoice_number`` resolved, with the manager's
        ``payload``: an event beside them, from the cashier, not on any attempt (the invoice
        may have one, whose own problem this leaves as it is). The state the last one reported;
        NotFound if there are none."""
        with transaction(self._db) as conn:
            last = conn.execute(
                "SELECT status, state FROM payment_events WHERE attempt_id IS NULL "
                "AND invoice_number = ? AND source != 'cashier' ORDER BY id DESC LIMIT 1",
                [invoice_number],
            ).fetchone()
            if last is None:
                raise NotFound(N_("payment {invoice} does not exist"), invoice=invoice_number)
            status = PaymentStatus(last[0]) if last[0] else None
            state = AttemptState(last[1])
            self._append(
                conn,
                None,
                invoice_number,
                EventSource.CASHIER,
                state,
                Outcome.ORPHAN,
                now,
                status=status,
                payload=payload,
            )
        return state

    def orphan_events(self) -> list[PaymentEvent]:
        rows = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM payment_events WHERE attempt_id IS NULL ORDER BY id"
        ).fetchall()
        return [_event_from_row(row) for row in rows]

    def _apply(
        self,
        conn: sqlite3.Connection,
        attempt: PaymentAttempt,
        state: AttemptState,
        *,
        source: EventSource,
        payload: Mapping[str, Any] | None,
        now: datetime,
        strict: bool,
        reference: str | None = None,
        status: PaymentStatus | None = None,
        relay_cursor: int | None = None,
        paid: tuple[int | None, str | None] = (None, None),
        balance: bool = False,
    ) -> int:
        """Apply a reported or decided state to ``attempt`` with its event; the event id.

        Stamped no earlier than a day close it falls before (:func:`after_day_closed`), on the
        first open day (:meth:`_append`): the payments file and the Z report's late payments read
        that day, and the upload places its money by that moment, so a closed day's stay as signed
        off."""
        now = after_day_closed(self._db, self._day, now)
        report = _refund_news(attempt, source, payload)
        news = news_order(report, _taken_news(conn, attempt))
        balance = balance or report is not None
        refunded = partially_refunded(attempt, state, paid, news) if balance else None
        before_paid = refunded_before_paid(attempt, state, paid) if balance else 0
        more = None if balance else paid_more(attempt, state, paid)
        if before_paid:
            paid = (attempt.amount, CURRENCY)
        if more is not None:
            # More came in of a payment paid in part (ecommpay's "partially paid", then the
            # rest): what was received goes up; the attempt stays as it was flagged.
            conn.execute(
                "UPDATE payment_attempts SET paid_amount = ?, updated_at = ? WHERE id = ?",
                [more, utc_text(now), attempt.id],
            )
            outcome = Outcome.APPLIED
        elif refunded is not None:
            # The balance changed: a new partial refund at the provider, or a refund undone
            # (an applied event, so a manager's earlier resolution of the payment no longer
            # covers it). Some stays paid, so a payment refunded in full is paid again.
            conn.execute(
                "UPDATE payment_attempts SET state = ?, provider_refunded = ?, updated_at = ? "
                "WHERE id = ?",
                [AttemptState.PAID.value, refunded, utc_text(now), attempt.id],
            )
            outcome = Outcome.APPLIED
        elif news is News.OLDER:
            # An older refund operation's callback, retried after a newer one's: heard already.
            outcome = Outcome.REPEATED
        elif state is attempt.state or refund_read_by_manager(attempt, state, source):
            outcome = Outcome.REPEATED
        elif can_transition(attempt.state, state):
            outcome = Outcome.APPLIED
        elif strict:
            raise InvalidTransition(
                N_("{name} is {current}; it cannot become {new}"),
                name=Text(N_("payment {invoice}"), invoice=attempt.invoice_number),
                current=attempt.state,
                new=state,
            )
        else:
            outcome = Outcome.IGNORED
        if outcome is Outcome.APPLIED and refunded is None and more is None:
            paid_amount, paid_currency = paid if state is AttemptState.PAID else (None, None)
            late = state is AttemptState.PAID and (
                attempt.state in LATE_PAYMENT_FROM
                or paid_differs(attempt.amount, paid_amount, paid_currency)
            )
            conn.execute(
                "UPDATE payment_attempts SET state = ?, late = max(late, ?), "
                "reference = coalesce(?, reference), paid_amount = coalesce(?, paid_amount), "
                "paid_currency = coalesce(?, paid_currency), "
                "provider_refunded = max(provider_refunded, ?), updated_at = ? WHERE id = ?",
                [
                    state.value,
                    int(late),
                    reference,
                    paid_amount,
                    paid_currency,
                    before_paid,
                    utc_text(now),
                    attempt.id,
                ],
            )
        event_id = self._append(
            conn,
            attempt.id,
            attempt.invoice_number,
            source,
            state,
            outcome,
            now,
            status=status,
            payload=payload,
            relay_cursor=relay_cursor,
        )
        if outcome is Outcome.APPLIED:
            gone = gone_back(attempt, state, refunded, before_paid)
            if gone:
                _provider_refund(conn, event_id, gone)
        return event_id

    def _append(
        self,
        conn: sqlite3.Connection,
        attempt_id: int | None,
        invoice_number: str,
        source: EventSource,
        state: AttemptState,
        outcome: Outcome,
        now: datetime,
        *,
        status: PaymentStatus | None = None,
        payload: Mapping[str, Any] | None = None,
        relay_cursor: int | None = None,
    ) -> int:
        """Write the event with the business day it is on (:func:`open_business_date`, the day
        a sale completed at ``now`` goes to), kept: the day rule may change later."""
        try:
            body = to_json(dict(payload or {}))
        except (TypeError, ValueError):
            raise ValidationError(
                f"payment {invoice_number}: event details must be plain JSON values"
            ) from None
        event_id = conn.execute(
            "INSERT INTO payment_events (attempt_id, invoice_number, source, status, state, "
            "outcome, payload, relay_cursor, created_at, business_date) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                attempt_id,
                invoice_number,
                source.value,
                status.value if status else None,
                state.value,
                outcome.value,
                body,
                relay_cursor,
                utc_text(now),
                open_business_date(self._db, self._day, now).isoformat(),
            ],
        ).lastrowid
        assert event_id is not None
        return event_id

    def _attempts(self, where: str, *params: object) -> list[PaymentAttempt]:
        rows = self._db.execute(
            f"SELECT {_ATTEMPT_COLUMNS} FROM payment_attempts {where}", list(params)
        ).fetchall()
        ids = [row[0] for row in rows]
        versions = dict(
            self._db.execute(
                "SELECT attempt_id, max(id) FROM payment_events"
                f" WHERE attempt_id IN ({', '.join('?' * len(ids))}) GROUP BY attempt_id",
                ids,
            ).fetchall()
            if ids
            else ()
        )
        return [
            PaymentAttempt(
                id=row[0],
                invoice_number=row[1],
                sale_id=row[2],
                provider=ProviderName(row[3]),
                amount=row[4],
                state=AttemptState(row[5]),
                late=bool(row[6]),
                created_at=parse_utc(row[7]),
                updated_at=parse_utc(row[8]),
                payment_url=row[9],
                expires_at=optional_utc(row[10]),
                reference=row[11],
                paid_amount=row[12],
                paid_currency=row[13],
                provider_refunded=row[14],
                version=versions.get(row[0], 0),
            )
            for row in rows
        ]

    def _event(self, event_id: int) -> PaymentEvent:
        row = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM payment_events WHERE id = ?", [event_id]
        ).fetchone()
        return _event_from_row(row)


def _provider_refund(conn: sqlite3.Connection, event_id: int, amount: int) -> None:
    """Record ``amount`` refunded at the provider (negative: less than recorded before), at the
    moment and on the business day of the event that brought the news."""
    conn.execute(
        "INSERT INTO provider_refunds (attempt_id, event_id, amount, recorded_at, business_date) "
        "SELECT attempt_id, id, ?, created_at, business_date FROM payment_events WHERE id = ?",
        [amount, event_id],
    )


def _event_from_row(row: Sequence[Any]) -> PaymentEvent:
    return PaymentEvent(
        id=row[0],
        invoice_number=row[1],
        source=EventSource(row[2]),
        state=AttemptState(row[3]),
        outcome=Outcome(row[4]),
        created_at=parse_utc(row[5]),
        status=PaymentStatus(row[6]) if row[6] else None,
        payload=json.loads(row[7]),
        relay_cursor=row[8],
    )


def _refund_news(
    attempt: PaymentAttempt, source: EventSource, payload: Mapping[str, Any] | None
) -> tuple[int, datetime] | None:
    """The newest refund operation a report names (``reported_refund_news``): a relay event
    holds the callback under ``payload``, a status check the answer itself."""
    if payload is None:
        return None
    if source is EventSource.RELAY:
        body = payload.get("payload")
    elif source is EventSource.STATUS:
        body = payload
    else:
        return None
    return reported_refund_news(attempt.provider, body) if isinstance(body, Mapping) else None


def _taken_news(
    conn: sqlite3.Connection, attempt: PaymentAttempt
) -> list[tuple[int, datetime] | None]:
    """The refund operations of the reports ``attempt`` took: applied, or a refund held back
    until the payment's own success (``_refund_held_back``)."""
    if attempt.provider is ProviderName.DOKU:
        return []
    rows = conn.execute(
        "SELECT source, payload FROM payment_events WHERE attempt_id = ? AND source IN (?, ?) "
        "AND (outcome = ? OR (outcome = ? AND state = ?))",
        [
            attempt.id,
            EventSource.RELAY.value,
            EventSource.STATUS.value,
            Outcome.APPLIED.value,
            Outcome.IGNORED.value,
            AttemptState.REFUNDED.value,
        ],
    )
    return [
        _refund_news(attempt, EventSource(source), json.loads(payload)) for source, payload in rows
    ]


def _as_report(
    attempt: PaymentAttempt | None, source: EventSource, payload: Mapping[str, Any] | None
) -> Mapping[str, Any] | None:
    """An orphan report's payload, naming its provider and holding the provider's body under
    ``payload`` as a relay event's does, so the manager's list shows both: a status answer
    that contradicts its attempt is wrapped so."""
    if attempt is None or source is EventSource.RELAY:
        return payload
    return {"provider": attempt.provider.value, "payload": dict(payload or {})}
