"""Demo data: the bulk writer leaves exactly the rows the repositories leave for a story."""

import random
from collections.abc import Iterator, Sequence
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from pos_app.demo.sample_sales import (
    CANCEL_REASON,
    MAX_DAYS,
    MEMBER_MINIMUM,
    PAYMENT_PAGE,
    QR_EXPIRY,
    DemoShop,
    Finish,
    Outcome,
    SaleStory,
    generate,
    plan_day,
    relay_payload,
    shop_from_database,
    write_day,
)
from pos_app.demo.seed import DEMO_TAX, demo_catalog
from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.payments.model import AttemptState, PaymentRequest, PaymentStatus, ProviderName
from pos_app.store.database import open_database
from pos_app.store.errors import StoreError
from pos_app.store.payment_records import EventSource
from pos_app.store.payments import Payments
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.products import Products
from pos_app.store.sales import Sales
from pos_app.store.users import Users

DAY = BusinessDay(ZoneInfo("Asia/Jakarta"), time(4, 0))
TABLES = ("sales", "sale_lines", "sale_history", "payment_attempts", "payment_events")


@pytest.fixture
def shop() -> DemoShop:
    return DemoShop(demo_catalog(), ("Sari", "Budi"), "T1", ProviderName.DOKU, DAY, DEMO_TAX)


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    bulk, replayed = open_database(tmp_path / "bulk.db"), open_database(tmp_path / "replay.db")
    yield bulk, replayed
    bulk.close()
    replayed.close()


def replay(db: Database, shop: DemoShop, stories: Sequence[SaleStory]) -> None:
    """The stories told through the repositories, one call at a time, as a terminal would."""
    sales, payments = Sales(db, shop.day), Payments(db, shop.day)
    for story in stories:
        sale_id = sales.create_sale(
            story.lines,
            cashier=story.cashier,
            terminal_id=shop.terminal_id,
            now=story.started_at,
            discount=story.discount,
            tax=shop.tax,
        )
        opened = []
        paid = None
        for attempt in story.attempts:
            invoice = payments.next_invoice_number(shop.terminal_id, attempt.created_at)
            payments.create_attempt(
                sale_id, shop.provider, story.total, invoice, attempt.created_at
            )
            payments.record_request(
                PaymentRequest(
                    shop.provider,
                    invoice,
                    story.total,
                    PAYMENT_PAGE + invoice,
                    attempt.requested_at + QR_EXPIRY,
                    attempt.reference,
                ),
                now=attempt.requested_at,
            )
            if attempt.outcome in (Outcome.PAID, Outcome.DECLINED):
                payments.record_status(
                    invoice,
                    PaymentStatus(attempt.outcome.value),
                    source=EventSource.RELAY,
                    payload=relay_payload(
                        shop.provider,
                        invoice,
                        story.total,
                        paid=attempt.outcome is Outcome.PAID,
                        at=attempt.settled_at,
                        reference=attempt.reference,
                    ),
                    now=attempt.settled_at,
                )
                paid = invoice if attempt.outcome is Outcome.PAID else paid
            elif attempt.outcome is Outcome.CANCELLED:
                payments.transition(
                    invoice, AttemptState.CANCELLED, source="cashier", now=attempt.settled_at
                )
            elif attempt.outcome is Outcome.EXPIRED:
                payments.transition(
                    invoice, AttemptState.EXPIRED, source="system", now=attempt.settled_at
                )
            opened.append((attempt, invoice))
        if story.finish is Finish.CASH:
            assert story.cash_received is not None
            sales.complete_cash(sale_id, story.cash_received, story.finished_at)
        elif story.finish is Finish.QR:
            assert paid is not None
            sales.complete_with_payment(sale_id, paid, story.finished_at)
        else:
            sales.cancel(sale_id, now=story.finished_at, reason=CANCEL_REASON)
        for attempt, invoice in opened:
            if attempt.late_paid_at is not None:
                payments.record_status(
                    invoice,
                    PaymentStatus.PAID,
                    source=EventSource.RELAY,
                    payload=relay_payload(
                        shop.provider,
                        invoice,
                        story.total,
                        paid=True,
                        at=attempt.late_paid_at,
                        reference=attempt.reference,
                    ),
                    now=attempt.late_paid_at,
                )


def rows(db: Database, table: str) -> list[tuple[object, ...]]:
    return db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def invoice_counter(db: Database) -> str:
    return db.execute("SELECT value FROM meta WHERE key = 'invoice_sequence'").fetchone()[0]


def test_bulk_rows_equal_the_rows_of_the_repositories(
    shop: DemoShop, databases: tuple[Database, Database]
) -> None:
    bulk, replayed = databases
    rng = random.Random(7)
    for day in (date(2026, 11, 20), date(2026, 11, 21)):
        stories = plan_day(rng, shop, day, 400)
        write_day(bulk, shop, stories)
        replay(replayed, shop, stories)

    outcomes = {a.outcome for s in stories for a in s.attempts}
    assert outcomes == set(Outcome), "the day should tell every kind of attempt story"
    assert {s.finish for s in stories} == set(Finish)
    assert any(a.late_paid_at for s in stories for a in s.attempts)
    lines = [line for story in stories for line in story.priced.lines]
    assert any(story.discount for story in stories), "some baskets get a discount"
    assert any(line.line_discount for line in lines), "some lines are sold off"
    assert {line.tax_rate for line in lines} == {0, 1200}, "taxed and exempt products"
    for table in TABLES:
        assert rows(bulk, table) == rows(replayed, table), table
    assert invoice_counter(bulk) == invoice_counter(replayed)
    assert bulk.execute("PRAGMA foreign_key_check").fetchall() == []
    late = Payments(bulk, DAY).late_payments()
    assert late and all(attempt.state is AttemptState.PAID for attempt in late)


def test_sales_fall_in_shop_hours_of_their_business_day(shop: DemoShop) -> None:
    stories = plan_day(random.Random(3), shop, date(2026, 11, 21), 300)
    local = [story.started_at.astimezone(DAY.tz) for story in stories]
    assert all(moment.date() == date(2026, 11, 21) for moment in local)
    assert all(7 <= moment.hour < 22 for moment in local)
    assert local == sorted(local)
    cash = [story for story in stories if story.finish is Finish.CASH]
    assert all(story.cash_received and story.cash_received >= story.total for story in cash)
    assert 0.4 < len(cash) / len(stories) < 0.7


def test_a_members_discount_goes_to_baskets_it_leaves_something_to_pay_on(
    shop: DemoShop,
) -> None:
    """Rp 2.000 off a Rp 1.000 basket was refused by the pricing and stopped demo-data."""
    stories = plan_day(random.Random(0), shop, date(2026, 11, 21), 20_000)
    discounted = [story for story in stories if story.discount is not None]
    assert len(discounted) > 100
    assert all(sum(line.line_total for line in s.lines) >= MEMBER_MINIMUM for s in discounted)
    assert all(story.total > 0 for story in stories)


def test_generate_fills_days_and_refuses_a_database_with_real_sales(
    shop: DemoShop, databases: tuple[Database, Database]
) -> None:
    demo, real = databases
    Products(demo).upsert_many(shop.products)
    Users(demo).add_user("Sari", "cashier", "1234")
    summary = generate(
        demo,
        shop_from_database(demo, DAY),
        days=3,
        sales_per_day=50,
        last_day=date(2026, 11, 21),
    )
    assert (summary.first_day, summary.last_day, summary.sales) == (
        date(2026, 11, 19),
        date(2026, 11, 21),
        150,
    )
    counted = demo.execute(
        "SELECT count(*) FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "WHERE s.status = 'completed'"
    ).fetchone()[0]
    assert summary.lines == counted
    assert demo.execute("SELECT DISTINCT cashier FROM sales").fetchall() == [("Sari",)]
    outside = demo.execute("SELECT count(*) FROM returns WHERE method = 'outside'").fetchone()[0]
    assert outside and not [
        p for p in list_problems(demo) if p.kind is ProblemKind.RETURNED_NOT_REFUNDED
    ], "a return refunded in DOKU's back office comes with DOKU's report and the figure"
    generate(demo, shop, days=1, sales_per_day=5, last_day=date(2026, 11, 22))  # demo takes more

    Sales(real, DAY).create_sale(
        [LineItem("MIE-001", "Indomie Goreng", 3500, 1)],
        cashier="Sari",
        terminal_id="T1",
        now=DAY.bounds(date(2026, 11, 21))[0],
    )
    with pytest.raises(StoreError, match="real sales"):
        generate(real, shop, days=1, sales_per_day=5, last_day=date(2026, 11, 21))
    assert real.execute("SELECT count(*) FROM sales").fetchone()[0] == 1


def test_generate_refuses_more_days_than_a_demo_needs(
    shop: DemoShop, databases: tuple[Database, Database]
) -> None:
    """99999999999 days back from the last day was an OverflowError, not a StoreError."""
    demo, _ = databases
    for days in (MAX_DAYS + 1, 99_999_999_999):
        with pytest.raises(StoreError, match=f"1 to {MAX_DAYS} days"):
            generate(demo, shop, days=days, sales_per_day=5, last_day=date(2026, 11, 21))
    assert demo.execute("SELECT count(*) FROM sales").fetchone()[0] == 0
