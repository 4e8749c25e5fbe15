"""A back-office change and its audit entry are one transaction: both are written, or neither."""

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from pos_app.domain.basket import LineItem
from pos_app.domain.catalog import Product
from pos_app.domain.catalog_csv import CatalogImportError
from pos_app.domain.errors import ValidationError
from pos_app.domain.texts import set_translator
from pos_app.payments.model import PaymentOrder, PaymentRequest, ProviderName, StatusResult
from pos_app.payments.registry import build_payouts
from pos_app.settings.terminal_config import EcommpaySettings, Secret, Settings
from pos_app.store.terminal_store import TerminalStore
from pos_app.store.users import Role
from pos_app.till.back_office import BackOffice
from pos_app.till.checkout import Checkout
from pos_app.till.refund_payouts import Payouts
from pos_app.till.terminal import Terminal

NOW = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)
TABLES = ("products", "users", "audit_log")


class NoProvider:
    """The back office's database changes never reach a payment provider."""

    name = ProviderName.DOKU

    def create_payment(self, order: PaymentOrder) -> PaymentRequest:
        raise AssertionError("no payment is made here")

    def check_status(self, invoice_number: str) -> StatusResult:
        raise AssertionError("no payment is checked here")


@pytest.fixture
def office(tmp_path: Path) -> Iterator[BackOffice]:
    store = TerminalStore(tmp_path / "kasir.db")
    checkout = Checkout(store, NoProvider(), terminal_id="T1", clock=lambda: NOW)
    terminal = Terminal(Settings(), store, checkout, relay=None)
    manager = store.users.add_user("Bu Rina", Role.MANAGER, "9999", now=NOW)
    store.users.add_user("Pak Budi", Role.MANAGER, "8888", now=NOW)
    store.users.add_user("Sari", Role.CASHIER, "1111", now=NOW)
    store.products.upsert_many([Product("MIE-001", "Indomie Goreng", 3500)], now=NOW)
    yield BackOffice(terminal, manager)
    terminal.close()


def rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in TABLES
    }


def catalog(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text(text, encoding="utf-8")
    return path


def user_id(office: BackOffice, name: str) -> int:
    return next(user.id for user in office.users() if user.name == name)


CHANGES: dict[str, Callable[[BackOffice, Path], object]] = {
    "product.edit": lambda office, _: office.save_product(
        "MIE-001", name="Indomie Goreng Jumbo", category="Mie", price=4000
    ),
    "product.deactivate": lambda office, _: office.deactivate_product("MIE-001"),
    "product.reactivate": lambda office, _: office.reactivate_product("MIE-001"),
    "product.add": lambda office, _: office.add_product(
        Product("KUE-1", "Kue Lapis", 2500, barcode="96385074", category="Kue")
    ),
    "products.import": lambda office, tmp: office.import_products(
        catalog(tmp, "sku,barcode,name,category,price\nTEH-1,,Teh Botol,Minuman,5000\n")
    ),
    "user.add": lambda office, _: office.add_user("Ani", Role.CASHIER, "2222"),
    "user.deactivate": lambda office, _: office.deactivate_user(user_id(office, "Pak Budi")),
    "user.reset_pin": lambda office, _: office.reset_pin(user_id(office, "Sari"), "3333"),
}


@pytest.mark.parametrize("action", sorted(CHANGES))
def test_a_change_is_written_with_its_audit_entry(
    office: BackOffice, tmp_path: Path, action: str
) -> None:
    db = office.store.repositories().db
    before = rows(db)
    CHANGES[action](office, tmp_path)
    after = rows(db)
    assert after != before
    assert [entry.action for entry in office.store.audit.recent(1)] == [action]
    assert office.store.audit.recent(1)[0].actor == "Bu Rina"


@pytest.mark.parametrize("action", sorted(CHANGES))
def test_a_failing_audit_write_undoes_the_change(
    office: BackOffice, tmp_path: Path, action: str
) -> None:
    db = office.store.repositories().db
    db.execute(
        "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    before = rows(db)
    with pytest.raises(Exception, match="disk full"):
        CHANGES[action](office, tmp_path)
    assert rows(db) == before
    assert not db.conn.in_transaction


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda office, tmp: office.add_user("sari", Role.CASHIER, "2222"), ValidationError),
        (lambda office, tmp: office.deactivate_user(user_id(office, "Bu Rina")), ValidationError),
        (lambda office, tmp: office.reset_pin(user_id(office, "Sari"), "12"), ValidationError),
        (
            lambda office, tmp: office.import_products(
                catalog(tmp, "sku,barcode,name,category,price\nTEH-1,,Teh Botol,Minuman,lima\n")
            ),
            CatalogImportError,
        ),
    ],
)
def test_a_failing_change_is_not_audited(
    office: BackOffice,
    tmp_path: Path,
    change: Callable[[BackOffice, Path], object],
    error: type[Exception],
) -> None:
    db = office.store.repositories().db
    before = rows(db)
    with pytest.raises(error):
        change(office, tmp_path)
    assert rows(db) == before


def test_a_change_the_database_refuses_is_not_audited(office: BackOffice) -> None:
    db = office.store.repositories().db
    db.execute(
        "CREATE TRIGGER products_locked BEFORE UPDATE ON products "
        "BEGIN SELECT RAISE(ABORT, 'products are locked'); END"
    )
    before = rows(db)
    with pytest.raises(Exception, match="MIE-001"):
        office.save_product("MIE-001", name="Indomie", category="Mie", price=4000)
    assert rows(db) == before


INDONESIAN = {
    "refunds need the ecommpay settings: {keys}": "refund memerlukan pengaturan ecommpay: {keys}",
    "at most {left} can still be refunded here": "paling banyak {left} masih dapat di-refund",
}


@pytest.fixture
def indonesian() -> Iterator[None]:
    set_translator(lambda text: INDONESIAN.get(text, text))
    yield
    set_translator(None)


def test_a_refused_refund_says_why_in_the_shops_language_and_is_not_audited(
    office: BackOffice, indonesian: None
) -> None:
    """The refund dialog shows the core's refusal as it is: its template is translated first,
    the settings' keys and the amount put in after."""
    checkout = office.terminal.checkout
    sale_id = checkout.open_sale([LineItem("MIE-001", "Indomie Goreng", 3500, 2)], cashier="Sari")
    checkout.pay_cash(sale_id, 10_000)
    db = office.store.repositories().db
    before = rows(db), db.execute("SELECT count(*) FROM refunds").fetchone()

    def refused() -> str:
        with pytest.raises(ValidationError) as raised:
            office.refund(sale_id, 7001, account_number="081234567890", customer_name="Ani")
        return str(raised.value)

    assert refused() == (
        "refund memerlukan pengaturan ecommpay: "
        "ecommpay.project_id, ecommpay.secret_key, ecommpay.customer_ip"
    )
    nowhere = "http://127.0.0.1:9"
    ecommpay = EcommpaySettings(
        project_id=1, secret_key=Secret("secret"), gate_url=nowhere, customer_ip="127.0.0.1"
    )
    gateway = build_payouts(Settings(ecommpay=ecommpay), nowhere)
    office.terminal.payouts = Payouts(office.store, gateway, relay=None, terminal_id="T1")
    try:
        assert refused() == "paling banyak Rp 7.000 masih dapat di-refund"
    finally:
        gateway.close()
    assert (rows(db), db.execute("SELECT count(*) FROM refunds").fetchone()) == before
