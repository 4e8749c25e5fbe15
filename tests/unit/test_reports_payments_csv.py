"""The payments file against payments made through the store: which business day a payment is
on, which sale took it (also one a manager attached it to), and what is left out."""

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pos_app.payments.model import PaymentStatus
from pos_app.reports.payments_csv import count_payments, export_payments
from pos_app.store.database import open_database
from pos_app.till.problem_payments import attach
from tests.unit.test_reports_sales_csv import DAY, LINES, SECRET, D, Shop, local


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Shop]:
    db = open_database(tmp_path / "kasir.db")
    yield Shop(db)
    db.close()


def rows(shop: Shop, tmp_path: Path, first: date = D) -> list[dict[str, str]]:
    path = tmp_path / "payments.csv"
    summary = export_payments(shop.db, path, first_day=first, day=DAY)
    with path.open(encoding="utf-8", newline="") as handle:
        found = list(csv.DictReader(handle))
    assert summary.rows == len(found) == count_payments(shop.db, first, None, DAY)
    assert SECRET not in path.read_text(encoding="utf-8")  # in the payment's URL and payload
    return found


def test_a_payment_is_on_the_business_day_it_was_paid(shop: Shop, tmp_path: Path) -> None:
    _, before_cutoff = shop.qr("2026-11-22T03:00:00")  # paid 03:00:30, before the 04:00 cut-off
    shop.qr("2026-11-22T04:00:00")  # the 22nd
    shop.qr("2026-11-21T10:00:00", complete=False, status=PaymentStatus.DECLINED)  # no money

    found = rows(shop, tmp_path)

    assert [(r["invoice_number"], r["business_date"]) for r in found] == [
        (before_cutoff, "2026-11-21")
    ]
    assert (found[0]["local_date"], found[0]["local_time"]) == ("2026-11-22", "03:00:30")
    assert (found[0]["created_date"], found[0]["created_time"]) == ("2026-11-22", "03:00:00")


def test_a_late_payment_attached_to_another_sale_names_the_sale_that_took_it(
    shop: Shop, tmp_path: Path
) -> None:
    given_up, invoice = shop.qr("2026-11-21T10:00:00", complete=False, status=PaymentStatus.PENDING)
    shop.sales.cancel(given_up, now=local("2026-11-21T10:05"))
    shop.payments.record_status(
        invoice, PaymentStatus.PAID, source="relay", now=local("2026-11-21T10:20")
    )
    again = shop.sales.create_sale(
        LINES, cashier="Budi", terminal_id="T1", now=local("2026-11-21T10:30")
    )
    late = rows(shop, tmp_path)
    attach(shop.db, invoice, again, manager="Dewi", day=DAY, now=local("2026-11-21T11:00"))

    [taken] = rows(shop, tmp_path)

    assert (late[0]["standing"], late[0]["sale_id"], late[0]["receipt_number"]) == (
        "late",
        str(given_up),
        "",
    )
    assert (taken["standing"], taken["sale_id"], taken["resolution"]) == (
        "sale",
        str(again),
        "attached",
    )
    assert taken["receipt_number"] == shop.sales.get(again).receipt_number
