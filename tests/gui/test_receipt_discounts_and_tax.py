"""The receipt shows a sale's discounts and its PPN, in print (HTML) and on the thermal roll."""

from datetime import UTC, date, datetime

from pos_app.domain.basket import LineItem
from pos_app.domain.discounts import Discount
from pos_app.domain.pricing import price_sale
from pos_app.domain.tax import TaxClass, TaxPolicy
from pos_app.gui.receipt import receipt_document
from pos_app.store.sales import Tender
from pos_app.till.receipts import ReceiptData
from pos_app.till.thermal_receipt import receipt_ticket

ITEMS = [
    LineItem("KOP-001", "Kopi Kapal Api", 10_000, 3, discount=Discount.percent(1000)),
    LineItem("POK-001", "Beras 5kg", 78_000, 1, TaxClass.EXEMPT),
]


def receipt(tax: TaxPolicy) -> ReceiptData:
    priced = price_sale(ITEMS, discount=Discount.rupiah(5_000), tax=tax, day=date(2025, 3, 1))
    return ReceiptData(
        shop_name="Toko Makmur",
        shop_address="",
        lines=tuple(ITEMS),
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
