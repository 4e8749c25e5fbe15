"""Baskets put on hold (F6) while the cashier serves the next customer, recalled later."""

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.discounts import Approval, Discount, DiscountKind
from pos_app.domain.errors import ValidationError
from pos_app.domain.tax import TaxClass
from pos_app.domain.texts import N_
from pos_app.store.database import parse_utc, to_json, transaction, utc_text
from pos_app.store.errors import NotFound


@dataclass(frozen=True, slots=True)
class HeldBasket:
    id: int
    cashier: str
    created_at: datetime
    lines: tuple[LineItem, ...]
    name: str = ""
    """What the cashier called it when holding it ("" for baskets held before names)."""
    discount: Discount | None = None
    """Off the whole basket, kept so a recalled basket costs what it did when held."""
    approval: Approval | None = None
    """The manager's approval of its discounts above the shop's limit, so they need no second
    PIN (a basket held before approvals kept their share needs it again)."""
    sale_id: int | None = None
    """The stored sale of the basket (its QR payment given up on), kept open while it is held:
    a payment the customer still makes for it pays the basket when it is recalled."""


class HeldBaskets:
    def __init__(self, db: Database) -> None:
        self._db = db

    def hold(
        self,
        lines: Sequence[LineItem],
        cashier: str,
        now: datetime,
        name: str = "",
        *,
        discount: Discount | None = None,
        approval: Approval | None = None,
        sale_id: int | None = None,
    ) -> int:
        if not lines:
            raise ValidationError(N_("an empty basket cannot be put on hold"))
        with transaction(self._db) as conn:
            held_id = conn.execute(
                "INSERT INTO held_baskets "
                "(lines, cashier, created_at, name, discount, approved_by, approved_share, "
                "sale_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    to_json([asdict(line) for line in lines]),
                    cashier,
                    utc_text(now),
                    name.strip(),
                    None if discount is None else to_json(asdict(discount)),
                    None if approval is None else approval.manager,
                    None if approval is None else approval.share,
                    sale_id,
                ],
            ).lastrowid
        assert held_id is not None
        return held_id

    def put_back(self, held: HeldBasket) -> int:
        """A recalled basket held again as it was (its cashier, time, name, discount and sale)."""
        return self.hold(
            held.lines,
            held.cashier,
            held.created_at,
            held.name,
            discount=held.discount,
            approval=held.approval,
            sale_id=held.sale_id,
        )

    def recall(self, held_id: int) -> HeldBasket:
        """The held basket, as it was; it is gone from the store afterwards."""
        with transaction(self._db) as conn:
            row = conn.execute(f"{_SELECT} WHERE id = ?", [held_id]).fetchone()
            if row is None:
                raise NotFound(
                    N_("held basket {held} does not exist (already recalled?)"), held=held_id
                )
            conn.execute("DELETE FROM held_baskets WHERE id = ?", [held_id])
        return _held(row)

    def list_held(self) -> list[HeldBasket]:
        """Oldest first, the order customers are usually served back in."""
        return [_held(row) for row in self._db.execute(f"{_SELECT} ORDER BY id").fetchall()]

    def count(self) -> int:
        row = self._db.execute("SELECT count(*) FROM held_baskets").fetchone()
        return int(row[0])


_SELECT = (
    "SELECT id, cashier, created_at, lines, name, discount, approved_by, approved_share, sale_id "
    "FROM held_baskets"
)


def _held(row: Sequence[Any]) -> HeldBasket:
    held_id, cashier, created_at, lines, name, discount, approved_by, share, sale_id = row
    return HeldBasket(
        held_id,
        cashier,
        parse_utc(created_at),
        tuple(_lines(lines)),
        name,
        None if discount is None else _discount(json.loads(discount)),
        None if approved_by is None else Approval(approved_by, share or 0),
        sale_id,
    )


def _discount(stored: dict[str, Any]) -> Discount:
    return Discount(DiscountKind(stored["kind"]), stored["value"])


def _lines(text: str) -> list[LineItem]:
    """The lines as held: their tax class and own discount restored to what they were (a basket
    held before either existed has neither)."""
    lines = []
    for line in json.loads(text):
        discount = line.pop("discount", None)
        line["tax_class"] = TaxClass(line.get("tax_class", TaxClass.STANDARD))
        if discount is not None:
            line["discount"] = _discount(discount)
        lines.append(LineItem(**line))
    return lines
