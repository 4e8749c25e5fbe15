"""Search-as-you-type over 100,000 products: per-keystroke latency of Products.search (p50/p95)."""

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pos_app.domain.barcodes import gs1_check_digit
from pos_app.domain.catalog import Product
from pos_app.store.database import open_database
from pos_app.store.products import Products

BRANDS = [
    "Indomie",
    "Sedaap",
    "Aqua",
    "Teh Botol",
    "Sosro",
    "Kapal Api",
    "ABC",
    "Bango",
    "Sari Roti",
    "Chitato",
    "Qtela",
    "Ultra",
    "Frisian Flag",
    "Dancow",
    "Lifebuoy",
    "Pepsodent",
    "Rinso",
    "Sunlight",
    "Baygon",
    "Gulaku",
    "Rose Brand",
    "Bimoli",
    "SilverQueen",
    "Oreo",
    "Roma",
    "Good Day",
    "Nescafe",
    "Pocari",
    "Mizone",
    "Yakult",
]
ITEMS = [
    "Mie Goreng",
    "Mie Kuah",
    "Air Mineral",
    "Kopi Susu",
    "Kecap Manis",
    "Sambal",
    "Roti Tawar",
    "Keripik Kentang",
    "Susu UHT",
    "Sabun Mandi",
    "Pasta Gigi",
    "Deterjen",
    "Sabun Cuci",
    "Obat Nyamuk",
    "Gula Pasir",
    "Tepung Terigu",
    "Minyak Goreng",
    "Cokelat",
    "Biskuit",
    "Wafer",
]
VARIANTS = [
    "Original",
    "Pedas",
    "Rendang",
    "Ayam Bawang",
    "Soto",
    "Cokelat",
    "Vanila",
    "Stroberi",
    "Jeruk",
    "Lemon",
    "Mint",
    "Keju",
    "Balado",
    "Rumput Laut",
    "Extra",
]
SIZES = [
    "50 g",
    "75 g",
    "100 g",
    "250 ml",
    "600 ml",
    "1 L",
    "1,5 L",
    "1 kg",
    "2 kg",
    "isi 6",
    "isi 12",
]


def catalogue(count: int) -> list[Product]:
    rng = random.Random(42)
    products = []
    for i in range(count):
        first12 = f"899{i:09d}"
        name = (
            f"{rng.choice(BRANDS)} {rng.choice(ITEMS)} {rng.choice(VARIANTS)} {rng.choice(SIZES)}"
        )
        products.append(
            Product(
                sku=f"SKU-{i:06d}",
                name=name,
                price=rng.randrange(1, 500) * 500,
                barcode=first12 + gs1_check_digit(first12),
                category=rng.choice(ITEMS),
            )
        )
    return products


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.db")
        products = Products(db)
        started = time.perf_counter()
        products.upsert_many(catalogue(count))
        print(
            f"upsert_many of {products.count():,} products: {time.perf_counter() - started:.1f} s"
        )
        typed = [
            "indomie goreng",
            "kopi susu",
            "sabun",
            "aqua 600",
            "SKU-01234",
            "8990000123",
            "teh botol",
            "mie",
            "a",
            "rumput laut",
            "zzz",
            "good day cokelat",
        ]
        timings = []
        for text in typed:
            for end in range(1, len(text) + 1):
                prefix = text[:end]
                for _ in range(3):
                    started = time.perf_counter()
                    products.search(prefix)
                    timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95)]
        print(
            f"search per keystroke, {len(timings)} searches: p50 {p50:.2f} ms, "
            f"p95 {p95:.2f} ms, max {timings[-1]:.2f} ms"
        )
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
