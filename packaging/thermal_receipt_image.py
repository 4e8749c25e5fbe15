"""Pictures of the thermal receipt, for the README: ``docs/screenshots/thermal-receipt-58.png``
and ``-80.png`` (``-id`` in Indonesian).

A developer's tool, not part of the product. python-escpos draws nothing, so the picture is drawn
from the same ticket the printer is sent (``till/thermal_receipt.py``, laid out in characters by
``printing/ticket.py``): each row in DejaVu Sans Mono (python-barcode, a dependency of
python-escpos, ships it), one character per cell of font A (12 × 24 dots at 203 dpi, so 32
columns fill the 384 dots of a 58 mm roll and 48 the 576 of an 80 mm one), drawn at twice that
size; bold rows are struck twice a dot apart, as a printer's emphasis does, and tall rows are
stretched to double height, as ESC ! does. The sale is a cash sale of the demo shop::

    .venv/bin/python packaging/thermal_receipt_image.py [--language en|id]
"""

import argparse
import sys
from datetime import UTC, date, datetime
from importlib.resources import files
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from pos_app.domain.basket import LineItem
from pos_app.printing.ticket import Ticket
from pos_app.store.sales import Tender
from pos_app.till.receipts import ReceiptData
from pos_app.till.thermal_receipt import receipt_ticket

SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
SCALE = 2
CELL = (12 * SCALE, 24 * SCALE)
"""Font A's character cell, in pixels."""
MARGIN = 16 * SCALE
"""The paper beyond the printable width, each side."""
PAPER, INK = (253, 252, 247), (28, 28, 28)

SALE = ReceiptData(
    shop_name="Toko Demo Kasir",
    shop_address="Jl. Contoh No. 1, Jakarta Pusat",
    lines=(
        LineItem("MIE-001", "Indomie Goreng 85g", 3_500, 3),
        LineItem("MIN-001", "Teh Botol Sosro 450ml", 5_500, 2),
        LineItem("SUS-002", "Susu Ultra Milk Coklat 250ml kotak", 6_500, 1),
    ),
    total=28_000,
    tender=Tender.CASH,
    paid_at=datetime(2026, 11, 21, 7, 42, tzinfo=UTC),
    received=50_000,
    change=22_000,
    receipt_number="T1-20261121-0007",
    cashier="Demo Kasir",
    terminal_id="T1",
    business_date=date(2026, 11, 21),
)


def ticket_image(ticket: Ticket) -> Image.Image:
    """The ticket as the roll would come out of the printer."""
    font = ImageFont.truetype(str(files("barcode") / "fonts" / "DejaVuSansMono.ttf"), 40)
    width = ticket.columns * CELL[0]
    rows: list[Image.Image] = []
    for text, line in ticket.laid_out():
        row = Image.new("RGB", (width, CELL[1]), PAPER)
        draw = ImageDraw.Draw(row)
        for column, char in enumerate(text):
            for strike in range(2 if line.bold else 1):
                draw.text((column * CELL[0] + strike * SCALE, 2), char, fill=INK, font=font)
        rows.append(row.resize((width, CELL[1] * 2)) if line.tall else row)
    height = sum(row.height for row in rows) + 2 * MARGIN + 3 * CELL[1]
    paper = Image.new("RGB", (width + 2 * MARGIN, height), PAPER)
    top = MARGIN
    for row in rows:
        paper.paste(row, (MARGIN, top))
        top += row.height
    edge = ImageDraw.Draw(paper)
    for x in range(0, paper.width, 4 * SCALE):  # the cut
        edge.line([(x, height - SCALE), (x + 2 * SCALE, height - SCALE)], fill=(150, 150, 150))
    return paper


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("en", "id"), default="en")
    args = parser.parse_args(argv)
    suffix = ""
    if args.language != "en":
        from PySide6.QtCore import QCoreApplication

        from pos_app.gui.i18n import use_language

        app = QCoreApplication.instance() or QCoreApplication([])
        if not use_language(app, args.language):
            print(f"no {args.language} catalogue", file=sys.stderr)
            return 1
        suffix = f"-{args.language}"
    for width in (58, 80):
        path = SCREENSHOTS / f"thermal-receipt-{width}{suffix}.png"
        ticket_image(receipt_ticket(SALE, width)).save(path, optimize=True)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
