"""What a demo database starts with: the sample catalogue, the two demo users, and the demo shop's
PPN (it is a PKP). Demo mode seeds it at first start; ``pos-app demo-data`` and tests use it too."""

from dataclasses import replace

from pos_app.domain.catalog import Product
from pos_app.domain.catalog_csv import parse_catalog_csv
from pos_app.domain.tax import TaxClass, TaxPolicy
from pos_app.settings.paths import resources_dir
from pos_app.store.terminal_store import TerminalStore

DEMO_USERS = (("Demo Kasir", "cashier", "1111"), ("Demo Manajer", "manager", "9999"))
DEMO_TAX = TaxPolicy(enabled=True)
"""The demo shop is a PKP: it charges PPN, prices with PPN in them."""
DEMO_EXEMPT_SKUS = frozenset({"POK-001", "POK-003", "POK-004", "POK-006"})
"""Rice, sugar, eggs and salt: basic necessities free of PPN (PP 49/2022)."""


def seed_demo(store: TerminalStore) -> None:
    """First start of a demo database: the sample catalogue and the two demo users."""
    if store.products.count() == 0:
        store.products.upsert_many(demo_catalog())
    if not store.users.list_users():
        for name, role, pin in DEMO_USERS:
            store.users.add_user(name, role, pin)


def demo_catalog() -> list[Product]:
    """The sample catalogue, its basic necessities exempt from PPN."""
    catalogue = resources_dir() / "demo" / "catalog.csv"
    return [
        replace(product, tax_class=TaxClass.EXEMPT) if product.sku in DEMO_EXEMPT_SKUS else product
        for product in parse_catalog_csv(catalogue.read_bytes(), source=catalogue.name)
    ]
