"""Returns in the store: never more items or rupiah than were paid per line, however split; cash
returns move the drawer; returns count on the day they happen, in the Z report and the CSV alike."""

import csv
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from pos_app.demo.sample_sales import DemoShop, generate
from pos_app.demo.seed import DEMO_TAX, demo_catalog
from pos_app.domain.basket import LineItem
from pos_app.domain.business_day import BusinessDay
from pos_app.domain.cash_count import CashCount
from pos_app.domain.discounts import Discount
from pos_app.domain.errors import ValidationError
from pos_app.domain.lifecycles import RefundStatus
from pos_app.domain.money import format_rupiah
from pos_app.domain.returns import ReturnMethod
from pos_app.domain.tax import NO_TAX, PpnBasis, TaxClass, TaxPolicy, parse_rate
from pos_app.payments.model import PaymentStatus, ProviderName
from pos_app.reports.sales_csv import ExportKind, export_sales
from pos_app.reports.shift_report import shift_sections
from pos_app.reports.z_report import build_z_report
from pos_app.settings.terminal_config import ShopSettings
from pos_app.store.audit import AuditLog
from pos_app.store.database import open_database, transaction
from pos_app.store.errors import NotFound
from pos_app.store.migrations import MIGRATIONS
from pos_app.store.payment_records import EventSource
from pos_app.store.payments import Payments
from pos_app.store.problem_payments import ProblemKind, list_problems
from pos_app.store.products import Products
from pos_app.store.receipt_numbers import RETURNS, raise_floor
from pos_app.store.refunds import Refunds
from pos_app.store.returns import Return, Returns, WalletPayout
from pos_app.store.sales import Sales
from pos_app.store.shifts import Shifts
from pos_app.store.terminal_store import TerminalStore
from pos_app.till.day_close import close_day
from pos_app.till.return_receipts import Payback, return_sections
from pos_app.till.thermal_receipt import return_ticket

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = BusinessDay(JAKARTA, time(4, 0))
NOW = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)  # 12:00 in Jakarta
TODAY = date(2026, 11, 21)
LINES = (
    LineItem("MIE-001", "Indomie Goreng", 3500, 3),
    LineItem("TEH-1", "Teh Botol", 5000, 7),
    LineItem("GULA-1", "Gula 1 kg", 17900, 1),
)
BASKET_OFF = Discount.rupiah(1001)
"""Spread over the lines so no line's amount divides evenly by its quantity."""


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


def cash_sale(db: Database, when: datetime = NOW) -> int:
    sales = Sales(db, DAY)
    sale_id = sales.create_sale(
        LINES, cashier="Sari", terminal_id="T1", now=when, discount=BASKET_OFF
    )
    sales.complete_cash(sale_id, 100_000, when)
    return sale_id


def qr_sale(
    db: Database,
    provider: ProviderName = ProviderName.ECOMMPAY_GATE,
    lines: tuple[LineItem, ...] = LINES,
    tax: TaxPolicy = NO_TAX,
) -> int:
    sales, payments = Sales(db, DAY), Payments(db, DAY)
    sale_id = sales.create_sale(lines, cashier="Sari", terminal_id="T1", now=NOW, tax=tax)
    invoice = payments.next_invoice_number("T1", NOW)
    payments.create_attempt(sale_id, provider, sales.get(sale_id).total, invoice, NOW)
    payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=NOW)
    sales.complete_with_payment(sale_id, invoice, NOW)
    return sale_id


def give_back(
    db: Database,
    sale_id: int,
    quantities: dict[int, int],
    method: ReturnMethod = ReturnMethod.CASH,
    *,
    payout: str | None = None,
    now: datetime = NOW,
    redo_of: int | None = None,
) -> int:
    wallet = None
    if payout is not None:
        wallet = WalletPayout(payout, ProviderName.ECOMMPAY_GATE, "081234567890", "Ani")
    return (
        Returns(db, DAY)
        .record(
            sale_id,
            quantities,
            method=method,
            terminal_id="T1",
            cashier="Sari",
            approved_by="Manajer",
            now=now,
            payout=wallet,
            redo_of=redo_of,
        )
        .amount
    )


def test_a_return_gives_back_what_the_items_cost_after_discounts(db: Database) -> None:
    sale_id = cash_sale(db)
    sale = Sales(db, DAY).get(sale_id)
    paid = [line.amount for line in sale.line_prices]
    assert sum(paid) == sale.total < sum(line.line_total for line in LINES)
    first = give_back(db, sale_id, {2: 3})
    assert first == paid[1] * 3 // 7
    rest = give_back(db, sale_id, {2: 4})
    assert first + rest == paid[1]  # the last items take what rounding kept back
    returned = Returns(db, DAY).for_sale(sale_id)
    assert [r.lines[0].quantity for r in returned] == [3, 4]
    assert returned[0].receipt_number == sale.receipt_number
    entry = AuditLog(db).recent(1)[0]
    assert (entry.actor, entry.action) == ("Manajer", "return.approve")
    assert entry.detail["lines"] == {"2": 4}


def test_more_items_than_are_left_are_refused_and_nothing_is_written(db: Database) -> None:
    sale_id = cash_sale(db)
    give_back(db, sale_id, {1: 2})
    with pytest.raises(ValidationError, match="only 1 of 3 can still come back"):
        give_back(db, sale_id, {3: 1, 1: 2})
    assert len(Returns(db, DAY).for_sale(sale_id)) == 1
    sale = Returns(db, DAY).returnable(sale_id)
    assert [line.left for line in sale.lines] == [1, 7, 1]


def test_a_wallet_return_that_fails_frees_its_items_and_its_money(db: Database) -> None:
    sale_id = qr_sale(db)
    refunds = Refunds(db, DAY)
    total = Sales(db, DAY).get(sale_id).total
    amount = give_back(db, sale_id, {1: 3}, ReturnMethod.WALLET, payout="RFD-T1-a")
    assert refunds.get("RFD-T1-a").status is RefundStatus.PENDING
    assert refunds.refundable(sale_id) == total - amount
    assert Returns(db, DAY).returnable(sale_id).lines[0].left == 0
    refunds.settle("RFD-T1-a", RefundStatus.FAILED, now=NOW)
    assert refunds.refundable(sale_id) == total
    assert Returns(db, DAY).returnable(sale_id).lines[0].left == 3
    (unpaid,) = Returns(db, DAY).returnable(sale_id).not_paid_back
    redo = give_back(db, sale_id, {1: 3}, ReturnMethod.WALLET, payout="RFD-T1-c", redo_of=unpaid.id)
    assert redo == amount


def test_the_items_of_an_unpaid_wallet_return_come_back_only_by_making_it_again(
    db: Database,
) -> None:
    """The store refuses them, not only the return desk: a return that does not name the
    unpaid one would pay for goods counted back already, twice should that payout be paid."""
    sale_id = qr_sale(db)
    give_back(db, sale_id, {1: 2}, ReturnMethod.WALLET, payout="RFD-T1-a")
    Refunds(db, DAY).settle("RFD-T1-a", RefundStatus.FAILED, now=NOW)
    unpaid = Returns(db, DAY).get(1)
    with pytest.raises(ValidationError, match=f"came back with return {unpaid.number}"):
        give_back(db, sale_id, {1: 3}, ReturnMethod.WALLET, payout="RFD-T1-b")
    assert [one.id for one in Returns(db, DAY).for_sale(sale_id)] == [unpaid.id]
    assert give_back(db, sale_id, {1: 1}, ReturnMethod.WALLET, payout="RFD-T1-b") > 0


def test_a_refund_already_made_caps_what_returns_give_back(db: Database) -> None:
    sale_id = qr_sale(db)
    total = Sales(db, DAY).get(sale_id).total
    Refunds(db, DAY).create(
        sale_id,
        "RFD-T1-b",
        total - 1000,
        provider=ProviderName.ECOMMPAY_GATE,
        account_number="081234567890",
        customer_name="Ani",
        approved_by="Manajer",
        now=NOW,
    )
    with pytest.raises(ValidationError, match="more than sale"):
        give_back(db, sale_id, {3: 1})
    assert Returns(db, DAY).for_sale(sale_id) == []


def test_the_ways_money_goes_back_follow_how_it_was_paid(db: Database) -> None:
    returns = Returns(db, DAY)
    assert returns.returnable(cash_sale(db)).methods == (ReturnMethod.CASH,)
    assert ReturnMethod.OUTSIDE not in returns.returnable(qr_sale(db)).methods
    doku = qr_sale(db, ProviderName.DOKU)
    assert ReturnMethod.OUTSIDE in returns.returnable(doku).methods
    with pytest.raises(ValidationError, match="cannot go back as"):
        give_back(db, cash_sale(db), {1: 1}, ReturnMethod.OUTSIDE)
    assert give_back(db, doku, {1: 1}, ReturnMethod.OUTSIDE) > 0


def test_a_payment_the_provider_refunded_goes_back_only_as_a_record(db: Database) -> None:
    """Refunded from the provider's back office, or reversed: cash or a payout would pay twice."""
    sale_id = qr_sale(db)
    invoice = Sales(db, DAY).get(sale_id).invoice_number
    assert invoice is not None
    Payments(db, DAY).record_status(
        invoice, PaymentStatus.REFUNDED, source=EventSource.RELAY, now=NOW
    )

    sale = Returns(db, DAY).returnable(sale_id)
    assert sale.refunded_at_provider and sale.methods == (ReturnMethod.OUTSIDE,)
    for method, payout in ((ReturnMethod.CASH, None), (ReturnMethod.WALLET, "RFD-T1-0a1b2c")):
        with pytest.raises(ValidationError, match=f"cannot go back as {method}"):
            give_back(db, sale_id, {1: 1}, method, payout=payout)
    refunds = Refunds(db, DAY)
    assert (refunds.refundable(sale_id), refunds.refunded_at_provider(sale_id)) == (0, sale.total)
    assert give_back(db, sale_id, {1: 1}, ReturnMethod.OUTSIDE) == 3500
    assert refunds.refunded_at_provider(sale_id) == sale.total - 3500
    with pytest.raises(ValidationError, match="has left to refund"):
        refunds.create(
            sale_id, "RFD-T1-9z8y7x", 3500, provider=ProviderName.ECOMMPAY_GATE,
            account_number="0812", customer_name="Ani", approved_by="Dewi", now=NOW,
        )  # fmt: skip


def test_a_sale_is_found_by_its_receipt_number_as_scanned(db: Database) -> None:
    sale_id = cash_sale(db)
    number = Sales(db, DAY).get(sale_id).receipt_number
    assert number is not None
    assert Returns(db, DAY).find_sale(f" {number.lower()}\n") == sale_id
    with pytest.raises(NotFound):
        Returns(db, DAY).find_sale("T1-20261121-0099")


def test_a_cash_return_comes_out_of_the_shift_and_the_day(db: Database) -> None:
    shifts = Shifts(db, DAY)
    shift = shifts.open(terminal_id="T1", cashier="Sari", opening_float=50_000, now=NOW)
    sale_id = cash_sale(db, NOW + timedelta(minutes=1))
    total = Sales(db, DAY).get(sale_id).total
    before = shifts.get(shift.id).expected_cash
    assert before == 50_000 + total
    amount = give_back(db, sale_id, {2: 2}, now=NOW + timedelta(minutes=2))
    after = shifts.get(shift.id)
    assert after.cash_returns == amount
    assert after.expected_cash == before - amount
    assert ("Cash returns", f"-Rp {amount:,}".replace(",", ".")) in shift_sections(
        after, time_zone="Asia/Jakarta"
    )[1][1]
    report = build_z_report(db, TODAY, day=DAY, now=NOW + timedelta(minutes=3))
    assert (report.returns_count, report.returns_total, report.cash_returns) == (1, amount, amount)
    assert report.net_total == total - amount
    assert report.expected_cash == report.opening_float + total - amount


def test_the_drawer_cannot_give_back_more_cash_than_it_holds(db: Database) -> None:
    sale_id = qr_sale(db)
    Shifts(db, DAY).open(terminal_id="T1", cashier="Sari", opening_float=1000, now=NOW)
    with pytest.raises(ValidationError, match="drawer should hold only"):
        give_back(db, sale_id, {3: 1})


def test_a_return_after_the_day_closed_counts_on_the_next_day(db: Database) -> None:
    sale_id = cash_sale(db)
    close_day(db, TODAY, day=DAY, counted=CashCount(), closed_by="Manajer", now=NOW)
    later = NOW + timedelta(hours=1)
    amount = give_back(db, sale_id, {1: 1}, now=later)
    assert Returns(db, DAY).for_sale(sale_id)[0].business_date == TODAY + timedelta(days=1)
    assert build_z_report(db, TODAY, day=DAY, now=later).returns_total == 0
    assert build_z_report(db, TODAY + timedelta(days=1), day=DAY, now=later).returns_total == amount


def csv_rows(db: Database, tmp_path: Path, kind: ExportKind) -> list[dict[str, str]]:
    path = tmp_path / f"{kind}.csv"
    export_sales(db, path, first_day=TODAY, kind=kind, tz=JAKARTA, ppn_basis=True)
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_return_rows_in_both_files_agree_with_the_z_report(db: Database, tmp_path: Path) -> None:
    cash = cash_sale(db)
    wallet = qr_sale(db)
    pending = qr_sale(db)
    give_back(db, cash, {1: 1, 2: 3})
    give_back(db, wallet, {2: 7}, ReturnMethod.WALLET, payout="RFD-T1-paid")
    Refunds(db, DAY).settle("RFD-T1-paid", RefundStatus.PAID, now=NOW, reference="PO-1")
    give_back(db, pending, {3: 1}, ReturnMethod.WALLET, payout="RFD-T1-wait")
    report = build_z_report(db, TODAY, day=DAY, now=NOW)
    lines = csv_rows(db, tmp_path, ExportKind.LINES)
    sales = csv_rows(db, tmp_path, ExportKind.SALES)
    returned_lines = [row for row in lines if row["record_type"] == "return"]
    returned_sales = [row for row in sales if row["record_type"] == "return"]
    assert len(returned_lines) == 3 and len(returned_sales) == 2  # the pending payout: not yet
    assert not [row for row in lines + sales if row["record_type"] == "refund"]
    assert -sum(int(row["line_total"]) for row in returned_lines) == report.returns_total
    assert -sum(int(row["total"]) for row in returned_sales) == report.returns_total
    assert sum(int(row["line_total"]) for row in lines) == report.net_total
    assert sum(int(row["total"]) for row in sales) == report.net_total
    assert report.returns_count == 2
    payout = next(row for row in returned_sales if row["tender"] == "payout")
    assert (payout["invoice_number"], payout["provider_reference"]) == ("RFD-T1-paid", "PO-1")
    assert payout["items"] == "-7"
    assert {row["quantity"] for row in returned_lines} == {"-1", "-3", "-7"}


@st.composite
def return_steps(draw: st.DrawFn) -> list[tuple[int, int, str]]:
    """(line number, items, how): ``how`` is cash, outside or a wallet payout paid / failed /
    left pending; items may be more than the line has left."""
    return draw(
        st.lists(
            st.tuples(
                st.integers(1, len(LINES)),
                st.integers(1, 8),
                st.sampled_from(["cash", "outside", "paid", "failed", "pending"]),
            ),
            max_size=14,
        )
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=return_steps())
def test_returns_never_give_back_more_than_was_paid(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[int, int, str]]
) -> None:
    db = open_database(tmp_path_factory.mktemp("returns") / "kasir.db")
    try:
        sales, payments = Sales(db, DAY), Payments(db, DAY)
        sale_id = sales.create_sale(
            LINES, cashier="Sari", terminal_id="T1", now=NOW, discount=BASKET_OFF
        )
        invoice = payments.next_invoice_number("T1", NOW)
        payments.create_attempt(sale_id, ProviderName.DOKU, sales.get(sale_id).total, invoice, NOW)
        payments.record_status(invoice, PaymentStatus.PAID, source=EventSource.RELAY, now=NOW)
        sale = sales.complete_with_payment(sale_id, invoice, NOW)
        paid = {number: line.amount for number, line in enumerate(sale.line_prices, 1)}
        refunds, returns = Refunds(db, DAY), Returns(db, DAY)
        for step, (line_no, items, how) in enumerate(steps):
            returnable = returns.returnable(sale_id)
            left = returnable.free(returnable.lines[line_no - 1])
            method = {"cash": ReturnMethod.CASH, "outside": ReturnMethod.OUTSIDE}.get(
                how, ReturnMethod.WALLET
            )
            payout = None if method is not ReturnMethod.WALLET else f"RFD-T1-{step}"
            if items > left:
                with pytest.raises(ValidationError):
                    give_back(db, sale_id, {line_no: items}, method, payout=payout)
                continue
            give_back(db, sale_id, {line_no: items}, method, payout=payout)
            if how in ("paid", "failed"):
                refunds.settle(payout or "", RefundStatus(how), now=NOW)
            for line in returns.returnable(sale_id).lines:
                assert 0 <= line.returned <= line.sold
                assert 0 <= line.refunded <= paid[line.line_no]
                if line.left == 0:
                    assert line.refunded == paid[line.line_no]
            assert 0 <= refunds.refundable(sale_id) <= sale.total
    finally:
        db.close()


def test_demo_data_brings_items_back_and_every_report_shows_them(
    db: Database, tmp_path: Path
) -> None:
    shop = DemoShop(demo_catalog(), ("Sari",), "T1", ProviderName.DOKU, DAY, DEMO_TAX)
    Products(db).upsert_many(shop.products)
    summary = generate(db, shop, days=1, sales_per_day=120, last_day=TODAY)
    assert summary.returns >= 2
    report = build_z_report(db, TODAY, day=DAY, now=NOW + timedelta(days=1))
    assert report.returns_count == summary.returns and report.returns_total > 0
    for kind, column in ((ExportKind.LINES, "line_total"), (ExportKind.SALES, "total")):
        rows = csv_rows(db, tmp_path, kind)
        returned = [int(row[column]) for row in rows if row["record_type"] == "return"]
        assert -sum(returned) == report.returns_total
        assert sum(int(row[column]) for row in rows) == report.net_total


TAXED = (
    LineItem("MIE-001", "Indomie Goreng", 3500, 3),
    LineItem("TEH-1", "Teh Botol", 5000, 7, TaxClass.OTHER),
    LineItem("BERAS-5", "Beras 5 kg", 78_000, 2, TaxClass.EXEMPT),
    LineItem("GULA-1", "Gula 1 kg", 17_900, 1),
)
"""Standard (12 % on a DPP of 11/12), other (12 % on the whole price) and exempt lines."""
PKP_2026 = TaxPolicy(
    enabled=True, rates={**TaxPolicy().rates, TaxClass.OTHER: (parse_rate("2025-01-01 12"),)}
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    included=st.booleans(),
    returned=st.lists(st.tuples(st.integers(1, len(TAXED)), st.integers(1, 7)), max_size=8),
)
def test_returns_give_back_their_ppn_and_every_file_agrees_with_the_z_report(
    tmp_path_factory: pytest.TempPathFactory, included: bool, returned: list[tuple[int, int]]
) -> None:
    folder = tmp_path_factory.mktemp("taxed")
    db = open_database(folder / "kasir.db")
    try:
        tax = replace(PKP_2026, prices_include_tax=included)
        shifts, sales = Shifts(db, DAY), Sales(db, DAY)
        shift = shifts.open(terminal_id="T1", cashier="Sari", opening_float=0, now=NOW)
        sale_id = sales.create_sale(
            TAXED, cashier="Sari", terminal_id="T1", now=NOW, discount=BASKET_OFF, tax=tax
        )
        sales.complete_cash(sale_id, 1_000_000, NOW)
        returns = Returns(db, DAY)
        for line_no, items in returned:
            left = returns.returnable(sale_id).lines[line_no - 1].left
            if left:
                give_back(db, sale_id, {line_no: min(items, left)})
        sold = {line.line_no: line for line in returns.returnable(sale_id).lines}
        report = build_z_report(db, TODAY, day=DAY, now=NOW)
        lines = csv_rows(db, folder, ExportKind.LINES)
        by_sale = csv_rows(db, folder, ExportKind.SALES)
        for column in ("dpp", "ppn"):
            in_lines = sum(int(row[column]) for row in lines)
            assert in_lines == sum(int(row[column]) for row in by_sale)
            assert in_lines == sum(getattr(rate, column) for rate in report.discounts.rates)
        assert shifts.get(shift.id).discounts.rates == report.discounts.rates
        assert {(rate.tax_class, rate.basis) for rate in report.discounts.rates} <= {
            (TaxClass.STANDARD, PpnBasis.NILAI_LAIN),
            (TaxClass.OTHER, PpnBasis.FULL),
            (TaxClass.EXEMPT, PpnBasis.EXEMPT),
        }  # each class its own row, its basis as its lines' figures tell it
        for rate in report.discounts.rates:
            assert rate.amount == sum(
                int(row["line_total"]) for row in lines if row["ppn_basis"] == rate.basis
            )
        for row in lines:
            if row["record_type"] != "return":
                continue
            line = sold[int(row["line_no"])]
            assert row["tax_rate"] == ("0" if line.line_no == 3 else "12")
            assert -int(row["ppn"]) >= 0 and -int(row["dpp"]) >= 0
            if line.line_no in (2, 3):  # the DPP is the whole price without PPN
                assert int(row["line_total"]) == int(row["dpp"]) + int(row["ppn"])
        for line in sold.values():
            given = [row for row in lines if row["record_type"] == "return"]
            given = [row for row in given if int(row["line_no"]) == line.line_no]
            assert -sum(int(row["ppn"]) for row in given) == line.returned_ppn
            if line.left == 0:  # returned whole: exactly the line's DPP and PPN back
                assert (line.returned_dpp, line.returned_ppn) == (line.dpp, line.ppn)
                assert line.refunded == line.paid
    finally:
        db.close()


@pytest.mark.parametrize(
    ("again", "outcome", "quantities"),
    [
        (ReturnMethod.CASH, None, ["0", "-3"]),
        (ReturnMethod.WALLET, RefundStatus.PAID, ["0", "-3"]),
        (ReturnMethod.WALLET, RefundStatus.DECLINED, ["-3"]),
    ],
)
def test_a_payout_paid_after_failing_gives_the_goods_back_once(
    db: Database,
    tmp_path: Path,
    again: ReturnMethod,
    outcome: RefundStatus | None,
    quantities: list[str],
) -> None:
    """Guards the PPN owed when a wallet return's payout is paid after failing: settled failed,
    the return is made again (``redo_of``) in cash or to the wallet, then ecommpay pays the
    first payout after all. The money went out as often as it was paid (a problem payment says
    so), but the goods came back once: the line stays returned once, and the Z report, the
    shift and both sales files give its items, DPP and PPN back once, with the return made
    again, or with the first when that one's payout was declined. They took them off twice,
    understating the PPN owed."""
    shifts = Shifts(db, DAY)
    shift = shifts.open(terminal_id="T1", cashier="Sari", opening_float=100_000, now=NOW)
    sale_id = qr_sale(db, tax=PKP_2026)
    sold = Sales(db, DAY).get(sale_id)
    line = sold.line_prices[0]
    assert line.dpp is not None
    refunds = Refunds(db, DAY)
    amount = give_back(db, sale_id, {1: 3}, ReturnMethod.WALLET, payout="RFD-T1-a")
    refunds.settle("RFD-T1-a", RefundStatus.FAILED, now=NOW)
    [unpaid] = Returns(db, DAY).returnable(sale_id).not_paid_back
    payout = "RFD-T1-b" if again is ReturnMethod.WALLET else None
    give_back(db, sale_id, {1: 3}, again, payout=payout, redo_of=unpaid.id)
    if payout is not None and outcome is not None:
        refunds.settle(payout, outcome, now=NOW)
    later = NOW + timedelta(minutes=5)
    refunds.settle("RFD-T1-a", RefundStatus.PAID, now=later)
    assert [problem.kind for problem in list_problems(db)] == [ProblemKind.PAID_AFTER_FAILING]

    [returned, *_] = Returns(db, DAY).returnable(sale_id).lines
    assert (returned.returned, returned.returned_dpp, returned.returned_ppn) == (
        3,
        line.dpp,
        line.ppn,
    )
    report = build_z_report(db, TODAY, day=DAY, now=later)
    assert report.returns_total == amount * len(quantities)  # the money: as often as paid
    [rate] = report.discounts.rates
    sale_dpp = sum(priced.dpp or 0 for priced in sold.line_prices)
    sale_ppn = sum(priced.ppn for priced in sold.line_prices)
    assert (rate.dpp, rate.ppn) == (sale_dpp - line.dpp, sale_ppn - line.ppn)
    assert shifts.get(shift.id).discounts == report.discounts
    lines = csv_rows(db, tmp_path, ExportKind.LINES)
    by_sale = csv_rows(db, tmp_path, ExportKind.SALES)
    returned_lines = [row for row in lines if row["record_type"] == "return"]
    returned_sales = [row for row in by_sale if row["record_type"] == "return"]
    assert [row["quantity"] for row in returned_lines] == quantities
    assert [row["items"] for row in returned_sales] == quantities
    for rows, money in ((returned_lines, "line_total"), (returned_sales, "total")):
        assert -sum(int(row[money]) for row in rows) == report.returns_total
        assert -sum(int(row["dpp"]) for row in rows) == line.dpp
        assert -sum(int(row["ppn"]) for row in rows) == line.ppn


def test_a_return_receipt_shows_the_dpp_and_ppn_given_back_per_rate_and_basis(
    tmp_path: Path,
) -> None:
    """Noodles (12 % on a DPP nilai lain) and tea (the other rate's 12 % on the whole price) come
    back: the slip shows each basis' DPP and PPN apart, named as the Z report names the rows it
    takes them off, in rows short enough for a 58 mm roll. It showed one 12 % row that added
    the two."""
    db = open_database(tmp_path / "kasir.db")
    try:
        sales = Sales(db, DAY)
        sale_id = sales.create_sale(TAXED, cashier="Sari", terminal_id="T1", now=NOW, tax=PKP_2026)
        sales.complete_cash(sale_id, 1_000_000, NOW)
        returns = Returns(db, DAY)
        give_back(db, sale_id, {1: 2, 2: 3, 3: 1})
        [returned] = returns.for_sale(sale_id)
        sold = {line.line_no: line for line in returns.returnable(sale_id).lines}
    finally:
        db.close()

    standard, luxury = returned.rates()  # the rice is exempt
    assert (standard.tax_class, standard.basis) == (TaxClass.STANDARD, PpnBasis.NILAI_LAIN)
    assert (luxury.tax_class, luxury.basis) == (TaxClass.OTHER, PpnBasis.FULL)
    for rate, line in ((standard, sold[1]), (luxury, sold[2])):
        assert (rate.dpp, rate.ppn) == (line.returned_dpp, line.returned_ppn)
    *_, (_title, money) = return_sections(returned, time_zone="Asia/Jakarta", payback=Payback.PAID)
    assert money == [
        ("TOTAL RETURNED", "-Rp 100.000"),
        ("PPN 12% (DPP nilai lain)", ""),
        ("  DPP", format_rupiah(-standard.dpp)),  # -Rp 5.781
        ("  PPN", format_rupiah(-standard.ppn)),  # -Rp 694
        ("PPN 12% (other rate)", ""),
        ("  DPP", format_rupiah(-luxury.dpp)),  # -Rp 13.393
        ("  PPN", format_rupiah(-luxury.ppn)),  # -Rp 1.607
        ("Paid back", "Cash"),
    ]
    for width, columns in ((58, 32), (80, 48)):
        ticket = return_ticket(
            returned, ShopSettings("Toko"), width, time_zone="Asia/Jakarta", payback=Payback.PAID
        )
        rows = ticket.text().splitlines()
        first = rows.index("PPN 12% (DPP nilai lain)")
        assert rows[first : first + 7] == [
            "PPN 12% (DPP nilai lain)",
            "  DPP" + "-Rp 5.781".rjust(columns - 5),
            "  PPN" + "-Rp 694".rjust(columns - 5),
            "PPN 12% (other rate)",
            "  DPP" + "-Rp 13.393".rjust(columns - 5),
            "  PPN" + "-Rp 1.607".rjust(columns - 5),
            "Paid back" + "Cash".rjust(columns - 9),
        ]


@pytest.mark.parametrize(
    ("status", "money"),
    [
        (
            RefundStatus.PENDING,
            {
                "TO BE PAID BACK": "-Rp 7.000",
                "Paying back": "DOKU Wallet (payout), pending ecommpay's confirmation",
            },
        ),
        (RefundStatus.PAID, {"TOTAL RETURNED": "-Rp 7.000", "Paid back": "DOKU Wallet (payout)"}),
        (RefundStatus.DECLINED, {"NOT PAID BACK": "Rp 7.000"}),
        (RefundStatus.FAILED, {"NOT PAID BACK": "Rp 7.000"}),
    ],
)
def test_a_wallet_returns_receipt_says_paid_back_only_once_its_payout_is_paid(
    db: Database, status: RefundStatus, money: dict[str, str]
) -> None:
    """ecommpay taking a payout says only that the request arrived: its callback may still
    decline it. Until it is paid the receipt says what is to be paid back and that it waits for
    ecommpay (the goods' DPP and PPN as given back), never that the customer was paid."""
    sale_id = qr_sale(db, lines=(TAXED[0],), tax=PKP_2026)
    give_back(db, sale_id, {1: 2}, ReturnMethod.WALLET, payout="RFD-T1-slip")
    refunds = Refunds(db, DAY)
    if status is not RefundStatus.PENDING:
        refunds.settle("RFD-T1-slip", status, now=NOW)
    [returned] = Returns(db, DAY).for_sale(sale_id)
    payback = Payback.of(refunds.get("RFD-T1-slip"))

    *_, (_title, rows) = return_sections(returned, time_zone="Asia/Jakarta", payback=payback)

    taxed = status in (RefundStatus.PENDING, RefundStatus.PAID)
    [rate] = returned.rates()
    tax = {"DPP 12%": format_rupiah(-rate.dpp), "PPN 12%": format_rupiah(-rate.ppn)}
    assert dict(rows) == money | (tax if taxed else {}) | {"Payout": "RFD-T1-slip"}


def test_returns_made_before_the_schema_kept_their_ppn_get_it_by_the_same_rule(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path / "kasir.db")
    sale_id = qr_sale(db, lines=TAXED, tax=PKP_2026)
    give_back(db, sale_id, {1: 1, 2: 3})
    give_back(db, sale_id, {2: 1}, ReturnMethod.WALLET, payout="RFD-T1-failed")
    Refunds(db, DAY).settle("RFD-T1-failed", RefundStatus.FAILED, now=NOW)
    give_back(db, sale_id, {1: 2, 2: 3, 4: 1})  # the failed return's item is back to return
    kept = "SELECT return_id, line_no, dpp, ppn, tax_rate FROM return_lines ORDER BY 1, 2"
    written = db.execute(kept).fetchall()
    step = next(step for step in MIGRATIONS if getattr(step, "__name__", "") == "_return_taxes")
    assert callable(step)
    try:
        with transaction(db) as conn:  # the return lines as the step finds them: no such columns
            for column in ("dpp", "ppn", "tax_rate"):
                conn.execute(f"ALTER TABLE return_lines DROP COLUMN {column}")
            step(conn)
        assert db.execute(kept).fetchall() == written
        assert any(row[3] for row in written)
    finally:
        db.close()


MIDNIGHT = BusinessDay(JAKARTA, time(0, 0))


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JAKARTA).astimezone(UTC)


def test_a_cash_return_after_a_shift_closed_past_midnight_needs_a_new_shift(db: Database) -> None:
    """Made after the till's shift (18:00 to 01:00, a midnight cut-off) closed, it went through
    with no shift and no drawer cap (only shifts of the new day were looked for): cash left a
    drawer already counted, and the day expected negative cash."""
    shifts = Shifts(db, MIDNIGHT)
    shift = shifts.open(
        terminal_id="T1", cashier="Sari", opening_float=100_000, now=at("2026-11-21T18:00")
    )
    sales = Sales(db, MIDNIGHT)
    sale_id = sales.create_sale(
        (LineItem("A", "a", 50_000, 1),), cashier="Sari", terminal_id="T1",
        now=at("2026-11-21T23:30"),
    )  # fmt: skip
    sales.complete_cash(sale_id, 50_000, at("2026-11-21T23:30"))
    shifts.close(
        shift.id, CashCount({100_000: 1, 50_000: 1}), closed_by="Sari",
        now=at("2026-11-22T01:00"),
    )  # fmt: skip

    with pytest.raises(ValidationError, match="open your shift first"):
        Returns(db, MIDNIGHT).record(
            sale_id, {1: 1}, method=ReturnMethod.CASH, terminal_id="T1", cashier="Sari",
            approved_by="Manajer", now=at("2026-11-22T01:30"),
        )  # fmt: skip
    report = build_z_report(db, date(2026, 11, 22), day=MIDNIGHT, now=at("2026-11-22T02:00"))
    assert report.expected_cash >= 0


def slip_rows(returned: Return) -> dict[str, str]:
    """Every row of the return's slip, by label."""
    sections = return_sections(returned, time_zone="Asia/Jakarta", payback=Payback.PAID)
    return {label: value for _title, rows in sections for label, value in rows}


def test_each_return_takes_the_next_number_of_its_till_and_day_on_its_slip_and_in_the_files(
    db: Database, tmp_path: Path
) -> None:
    """A slip is traced to its rows by its number; the sales' numbers keep no gap for it."""
    first, second = cash_sale(db), cash_sale(db)
    give_back(db, first, {1: 1})
    give_back(db, second, {1: 1, 2: 2})
    returns = Returns(db, DAY)
    [one], [two] = returns.for_sale(first), returns.for_sale(second)
    close_day(db, TODAY, day=DAY, counted=CashCount(), closed_by="Manajer", now=NOW)
    give_back(db, first, {2: 1}, now=NOW + timedelta(hours=1))
    [_, tomorrow] = returns.for_sale(first)

    assert [one.number, two.number, tomorrow.number] == [
        "T1-20261121-R0001",
        "T1-20261121-R0002",
        "T1-20261122-R0001",
    ]
    assert slip_rows(two)["Return"] == "T1-20261121-R0002"
    assert Sales(db, DAY).get(second).receipt_number == "T1-20261121-0002"
    lines = csv_rows(db, tmp_path, ExportKind.LINES)
    sales = csv_rows(db, tmp_path, ExportKind.SALES)
    assert [row["return_number"] for row in lines if row["record_type"] == "return"] == [
        one.number,
        two.number,
        two.number,
    ]
    assert [row["return_number"] for row in sales if row["record_type"] == "return"] == [
        one.number,
        two.number,
    ]
    assert {row["return_number"] for row in lines + sales if row["record_type"] == "sale"} == {""}
    assert returns.find_sale(f" {two.number.lower()}\n") == second, "its slip in hand"


def test_a_database_restored_from_a_backup_numbers_its_returns_after_the_floor(
    db: Database,
) -> None:
    """Told that another copy of it gave return slips up to R0003 that day, the database goes
    on after them; its sales' numbers and the next day's returns are not moved."""
    sale_id = cash_sale(db)
    give_back(db, sale_id, {1: 1})
    with transaction(db) as conn:
        raise_floor(conn, "T1", TODAY, 3, RETURNS)
    give_back(db, sale_id, {1: 1})
    later_sale = cash_sale(db)
    close_day(db, TODAY, day=DAY, counted=CashCount(), closed_by="Manajer", now=NOW)
    give_back(db, sale_id, {1: 1}, now=NOW + timedelta(hours=1))

    numbers = [returned.number for returned in Returns(db, DAY).for_sale(sale_id)]
    assert numbers == ["T1-20261121-R0001", "T1-20261121-R0004", "T1-20261122-R0001"]
    assert Sales(db, DAY).get(later_sale).receipt_number == "T1-20261121-0002"


def test_a_return_without_its_number_or_with_another_is_refused_by_the_database(
    db: Database,
) -> None:
    sale_id = cash_sale(db)
    give_back(db, sale_id, {1: 1})
    with pytest.raises(sqlite3.IntegrityError, match="keeps its number"):
        db.execute("UPDATE returns SET return_number = 'T1-20261121-R0009'")
    with pytest.raises(sqlite3.IntegrityError, match="needs its number"):
        db.execute(
            "INSERT INTO returns (sale_id, method, amount, terminal_id, cashier, approved_by, "
            "created_at, business_date) SELECT sale_id, method, amount, terminal_id, cashier, "
            "approved_by, created_at, business_date FROM returns"
        )


RETURN_NUMBERS_UNDONE = (
    "DROP TRIGGER returns_numbered; DROP TRIGGER returns_keep_their_number;"
    "DROP INDEX returns_by_number; ALTER TABLE returns DROP COLUMN return_number;"
    "ALTER TABLE payment_events DROP COLUMN business_date;"
    "ALTER TABLE provider_refunds DROP COLUMN business_date;"
    "DROP TABLE given_back_before_restore; DROP INDEX payment_events_paid_at;"
    "DROP TABLE cash_sold_before_restore;"
)


def test_returns_made_before_the_upgrade_keep_the_id_their_slip_was_printed_with(
    tmp_path: Path,
) -> None:
    """Slips printed before returns had numbers showed the return's id: printed again, they
    still do, and the day's numbered returns count from R0001."""
    path = tmp_path / "kasir.db"
    db = open_database(path)
    sale_id = qr_sale(db)
    give_back(db, sale_id, {1: 1})
    give_back(db, sale_id, {1: 1}, ReturnMethod.WALLET, payout="RFD-T1-failed")
    Refunds(db, DAY).settle("RFD-T1-failed", RefundStatus.FAILED, now=NOW)
    version = next(
        version
        for version, step in enumerate(MIGRATIONS)
        if isinstance(step, str) and "ADD COLUMN return_number" in step
    )
    db.conn.executescript(f"{RETURN_NUMBERS_UNDONE}PRAGMA user_version = {version};")
    db.close()

    store = TerminalStore(path, DAY)  # the upgrade
    try:
        returns = store.returns
        [unpaid] = returns.returnable(sale_id).not_paid_back
        again = returns.record(
            sale_id, {1: 1}, method=ReturnMethod.CASH, terminal_id="T1", cashier="Sari",
            approved_by="Manajer", now=NOW, redo_of=unpaid.id,
        )  # fmt: skip
        assert [returned.number for returned in returns.for_sale(sale_id)] == [
            "#1",
            "#2",
            "T1-20261121-R0001",
        ]
        assert slip_rows(returns.get(1))["Return"] == "#1"
        assert slip_rows(again)["Pays back unpaid return"] == "#2"
    finally:
        store.close()


def test_a_return_made_again_names_the_one_it_pays_back_by_its_number(db: Database) -> None:
    sale_id = qr_sale(db)
    give_back(db, sale_id, {1: 1}, ReturnMethod.WALLET, payout="RFD-T1-failed")
    Refunds(db, DAY).settle("RFD-T1-failed", RefundStatus.FAILED, now=NOW)
    returns = Returns(db, DAY)
    [unpaid] = returns.returnable(sale_id).not_paid_back
    give_back(db, sale_id, {1: 1}, redo_of=unpaid.id)
    [_, again] = returns.for_sale(sale_id)

    assert slip_rows(again)["Pays back unpaid return"] == "T1-20261121-R0001"
    assert again.number == "T1-20261121-R0002"
