from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.discounts import Approval, Discount, DiscountKind
from pos_app.domain.errors import ValidationError
from pos_app.store.database import open_database
from pos_app.store.errors import NotFound
from pos_app.store.held import HeldBaskets
from pos_app.store.sales import Sales

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
RUPIAH_OFF = Discount(DiscountKind.AMOUNT, 2000)
LINES = [LineItem("MIE-001", "Indomie Goreng", 3500, 2), LineItem("TEH", "Teh Botol", 5000, 1)]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database: Database = open_database(tmp_path / "kasir.db")
    yield database
    database.close()


@pytest.fixture
def held(db: Database) -> HeldBaskets:
    return HeldBaskets(db)


def test_a_held_basket_comes_back_once_as_it_was(held: HeldBaskets) -> None:
    first = held.hold(LINES, "Sari", NOW)
    second = held.hold(LINES[:1], "Budi", NOW)
    listed = held.list_held()
    assert [(h.id, h.cashier, len(h.lines), h.created_at) for h in listed] == [
        (first, "Sari", len(LINES), NOW),
        (second, "Budi", 1, NOW),
    ]
    assert list(held.recall(first).lines) == LINES
    assert [h.id for h in held.list_held()] == [second]
    with pytest.raises(NotFound, match="already recalled"):
        held.recall(first)


def test_an_empty_basket_is_not_held(held: HeldBaskets) -> None:
    with pytest.raises(ValidationError, match="empty basket"):
        held.hold([], "Sari", NOW)


def test_held_baskets_keep_their_names_and_are_counted(held: HeldBaskets) -> None:
    held.hold(LINES, "Sari", NOW, "  Ibu Ani  ")
    held.hold(LINES[:1], "Budi", NOW)
    assert held.count() == 2
    assert [h.name for h in held.list_held()] == ["Ibu Ani", ""]


def test_a_held_basket_keeps_its_discount_and_its_managers_approval(held: HeldBaskets) -> None:
    approval = Approval("Pak Budi", 1500)
    discounted = held.hold(LINES, "Sari", NOW, discount=Discount.percent(1500), approval=approval)
    plain = held.hold(LINES[:1], "Sari", NOW)
    amount = held.hold(LINES, "Budi", NOW, discount=RUPIAH_OFF)
    assert [(h.discount, h.approval) for h in held.list_held()] == [
        (Discount.percent(1500), approval),
        (None, None),
        (RUPIAH_OFF, None),
    ]
    back = held.recall(discounted)
    assert (back.discount, back.approval) == (Discount.percent(1500), approval)
    assert (held.recall(plain).discount, held.recall(amount).discount) == (None, RUPIAH_OFF)


def test_a_held_basket_keeps_the_sale_its_qr_payment_was_for(
    held: HeldBaskets, db: Database
) -> None:
    sale_id = Sales(db).create_sale(LINES, cashier="Sari", terminal_id="T1", now=NOW)
    with_sale = held.hold(LINES, "Sari", NOW, sale_id=sale_id)
    without = held.hold(LINES, "Sari", NOW)
    assert held.recall(with_sale).sale_id == sale_id
    assert held.recall(without).sale_id is None
