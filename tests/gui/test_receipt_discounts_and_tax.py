"""The receipt shows a sale's discounts and its PPN, in print (HTML) and on the thermal roll."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from pos_app.domain.basket import LineItem
from pos_app.domain.discounts import Discount
from pos_app.domain.pricing import price_sale
from pos_app.domain.tax import TaxClass, TaxPolicy, parse_rate
from pos_app.gui.receipt import receipt_document
from pos_app.store.sales import Tender
from pos_app.till.receipts import ReceiptData, receipt_html
from pos_app.till.thermal_receipt import receipt_ticket

ITEMS = [
    LineItem("KOP-001", "Kopi Kapal Api", 10_000, 3, discount=Discount.percent(1000)),
    LineItem("POK-001", "Beras 5kg", 78_000, 1, TaxClass.EXEMPT),
]
BASKET_OFF = Discount.rupiah(5_000)
LUXURY = TaxPolicy(
    enabled=True, rates={**TaxPolicy().rates, TaxClass.OTHER: (parse_rate("2025-01-01 12"),)}
)
"""Luxury goods in the other class: 12 % on the whole price, beside the standard 12 % on 11/12."""
MIXED = [
    LineItem("KOP-1", "Kopi bubuk", 111_000, 2),
    LineItem("PAR-1", "Parfum", 1_120_000, 2, TaxClass.OTHER),
    LineItem("BER-5", "Beras 5 kg", 78_000, 3, TaxClass.EXEMPT),
]


def receipt(
    tax: TaxPolicy, items: list[LineItem] = ITEMS, discount: Discount | None = BASKET_OFF
) -> ReceiptData:
    priced = price_sale(items, discount=discount, tax=tax, day=date(2025, 3, 1))
    return ReceiptData(
        shop_name="Toko Makmur",
        shop_address="",
        lines=tuple(items),
        total=priced.total,
        tender=Tender.CASH,
        paid_at=datetime(2025, 3, 1, 3, 0, tzinfo=UTC),
        priced=priced,
    )


def test_prices_with_ppn_in_them_say_so_with_the_amount(qtbot):
    # 30.000 less 10 % = 27.000; the basket's Rp 5.000 spread 27 : 78 → 1.286 and 3.714;
    # 25.714 with PPN in it: 12 % of a DPP of 11/12 → 2.548; rice is exempt
    data = receipt(TaxPolicy(enabled=True))
    text = receipt_document(data).toPlainText()
    ticket = "\n".join(line.text for line in receipt_ticket(data, 80).lines)
    for shown in (text, ticket):
        for expected in (
            "Discount 10%",
            "-Rp 3.000",
            "Subtotal",
            "Rp 105.000",
            "Basket discount Rp 5.000",
            "-Rp 5.000",
            "Rp 100.000",
            "Harga sudah termasuk PPN",
            "Rp 2.548",
            "DPP 12%",
            "Rp 21.236",  # (25.714 - 2.548) x 11/12, half up
        ):
            assert expected in shown, expected
        assert "PPN 0%" not in shown


def test_prices_without_ppn_get_it_added_above_the_total(qtbot):
    data = receipt(TaxPolicy(enabled=True, prices_include_tax=False))
    text = receipt_document(data).toPlainText()
    assert "Harga sudah termasuk PPN" not in text
    assert "PPN 12%" in text  # 25.714 x 11 % = 2.829, added
    assert data.total == 100_000 + 2_829
    assert f"Rp {data.total:,}".replace(",", ".") in text


def test_a_shop_without_ppn_prints_no_tax_lines(qtbot):
    text = receipt_document(receipt(TaxPolicy())).toPlainText()
    assert "PPN" not in text
    assert "Discount 10%" in text


@pytest.mark.parametrize(
    ("included", "above", "per_basis"),
    [
        # Kopi: 222.000 with PPN 22.000 on a DPP of 183.333 (11/12 of 200.000); Parfum:
        # 2.240.000 with PPN 240.000 on the whole 2.000.000; Beras exempt
        (True, [], ["183.333", "22.000", "2.000.000", "240.000"]),
        # without PPN in the prices: 12 % of 203.500 (11/12 of 222.000) and of 2.240.000, added
        (False, [("PPN 12%", "293.220")], ["203.500", "24.420", "2.240.000", "268.800"]),
    ],
)
def test_standard_and_luxury_goods_at_one_rate_show_their_dpp_and_ppn_apart(
    qtbot, included: bool, above: list[tuple[str, str]], per_basis: list[str]
):
    """A receipt with ordinary goods (12 % on a DPP nilai lain) and luxury goods (the other rate's
    12 % on the whole price) shows each basis' DPP and PPN apart, named as the Z report names its
    rows, in rows that fit a 58 mm roll as well as an 80 mm one; not one 12 % DPP that adds a DPP
    of 11/12 to a whole price."""
    data = receipt(replace(LUXURY, prices_include_tax=included), MIXED, None)
    dpp_nilai_lain, ppn_nilai_lain, dpp_full, ppn_full = (f"Rp {text}" for text in per_basis)
    for width, columns in ((58, 32), (80, 48)):
        rows = receipt_ticket(data, width).text().splitlines()
        total = rows.index(next(row for row in rows if row.startswith("TOTAL")))
        assert rows[total - len(above) : total] == [
            edge(label, f"Rp {value}", columns) for label, value in above
        ]
        first = rows.index("PPN 12% (DPP nilai lain)")
        assert rows[first : first + 7] == [
            "PPN 12% (DPP nilai lain)",
            edge("  DPP", dpp_nilai_lain, columns),
            edge("  PPN", ppn_nilai_lain, columns),
            "PPN 12% (other rate)",
            edge("  DPP", dpp_full, columns),
            edge("  PPN", ppn_full, columns),
            edge("Paid by", "Cash", columns),
        ]
        assert not any(row.startswith(("DPP 12%", "DPP 0", "PPN 0")) for row in rows)
    text = receipt_document(data).toPlainText()
    for shown in ("PPN 12% (DPP nilai lain)", "PPN 12% (other rate)", *per_basis):
        assert shown in text
    assert "&nbsp;DPP</td>" in receipt_html(data), "the way's DPP stands under its title"


def edge(label: str, value: str, columns: int) -> str:
    """A row of the ticket: ``value`` at the right edge of the roll's ``columns``."""
    return label + value.rjust(columns - len(label))
