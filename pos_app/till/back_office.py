"""What a signed-in manager does at the terminal, Qt-free; every change audited with their name.

A change to the database and its audit entry are written in one transaction (:meth:`_audited`):
both or neither. What leaves the database (an export file, the settings file, a provider's
answer) is audited once it is done, as there is no transaction to share.

Each method blocks (SQLite, HTTP) and may run on any thread: the store opens a connection per
thread, and a long export opens its own. The back-office screens call these from workers.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from pos_app.domain.barcodes import check_item_code
from pos_app.domain.catalog import Product
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah
from pos_app.domain.tax import TaxClass
from pos_app.domain.texts import N_
from pos_app.payments.model import OPEN_STATES
from pos_app.reports.accountant_files import (
    AccountantFile,
    FileRequest,
    count_work,
    write_files,
)
from pos_app.reports.products_csv import ImportSummary, export_products, import_products
from pos_app.reports.sales_csv import ExportCancelled
from pos_app.reports.z_report import CashCount, ZReport, build_z_report
from pos_app.settings import paths, settings_file
from pos_app.settings.terminal_config import ConfigError
from pos_app.store.database import open_database, transaction
from pos_app.store.day_closes import DayCloses
from pos_app.store.errors import NotFound
from pos_app.store.payment_records import PaymentAttempt
from pos_app.store.problem_payments import ProblemPayment, list_problems
from pos_app.store.refunds import Refund
from pos_app.store.sale_lookup import SaleQuery
from pos_app.store.sales import Sale
from pos_app.store.users import Role, User
from pos_app.till.connection_check import Check, check_payouts, check_provider, check_relay
from pos_app.till.day_close import close_day
from pos_app.till.day_sales import DaySale, DaySales, day_sales
from pos_app.till.problem_payments import (
    attach,
    record_refunded_amount,
    resolve,
    take_as_reversed,
)
from pos_app.till.refund_payouts import Payouts
from pos_app.till.sale_detail import SaleDetail, found_sales, sale_detail
from pos_app.till.terminal import Terminal

PRODUCT_ROWS = 200
"""Products listed per search: the catalogue may hold 100,000; the manager narrows by typing."""
ATTACH_DAYS = 7
"""A late payment is offered the unpaid sales of this many shop days (today's included), besides
its own sale."""
ATTACH_ROWS = 50


class BackOffice:
    def __init__(self, terminal: Terminal, manager: User) -> None:
        if manager.role is not Role.MANAGER or not manager.active:
            raise ValidationError(N_("{name} is not an active manager"), name=manager.name)
        self.terminal = terminal
        self.manager = manager
        self.store = terminal.store

    @property
    def name(self) -> str:
        return self.manager.name

    def now(self) -> datetime:
        return self.terminal.checkout.clock()

    def today(self) -> date:
        """The shop day by the clock (no disk: the screens ask it on the GUI thread)."""
        return self.store.day.date_of(self.now())

    def open_day(self) -> date:
        """The business day the till takes money into now: after a day close, the next one."""
        return self.store.business_date(self.now())

    def record_sign_in(self) -> None:
        self._audit("back_office.open", {"terminal": self.terminal.settings.terminal_id})

    def open_drawer(self) -> None:
        """ "Open drawer": the drawer's pulse, and who asked in the audit log (the drawer holds
        the shift's cash)."""
        printer = self.terminal.printer
        if printer is None or not printer.settings.drawer:
            raise ValidationError(N_("no cash drawer is set up on this till's receipt printer"))
        self._audit("drawer.open", {"terminal": self.terminal.settings.terminal_id})
        printer.open_drawer()

    # sales

    def day_sales(self, business_date: date) -> DaySales:
        return day_sales(self._db(), business_date, self.store.day)

    def find_sales(self, query: SaleQuery) -> tuple[DaySale, ...]:
        return found_sales(self.store.repositories(), query)

    def sale_detail(self, sale_id: int) -> SaleDetail:
        return sale_detail(self.store.repositories(), sale_id)

    def reprint(self, sale_id: int) -> Sale:
        """The sale whose receipt is printed again (as a COPY); audited, as every reprint is a
        receipt in someone's hands."""
        sale = self.store.sales.get(sale_id)
        self._audit("sale.reprint", {"sale": sale.id, "receipt_number": sale.receipt_number})
        return sale

    def export_files(
        self,
        path: Path,
        request: FileRequest,
        *,
        started: Callable[[int], None],
        progress: Callable[[int], None],
        cancelled: Callable[[], bool],
    ) -> AccountantFile:
        """Write the accountant's file on a connection of its own; ``started`` gets the number of
        steps ``progress`` counts to."""
        db = open_database(self.store.path)
        try:
            started(count_work(db, request, self.store.day))
            if cancelled():
                raise ExportCancelled(N_("export cancelled; no file was written"))
            written = write_files(
                db, path, request, day=self.store.day, progress=progress, cancelled=cancelled
            )
        finally:
            db.close()
        self._audit(
            "sales.export",
            {
                "file": str(path),
                "first_day": request.first_day.isoformat(),
                "last_day": (request.last_day or request.first_day).isoformat(),
                "kinds": [str(kind) for kind in request.kinds],
                "format": str(request.file_format),
                "excel_id": request.excel_id,
                "rows": written.rows,
            },
        )
        return written

    # day close

    def z_report(
        self, business_date: date, *, counted: CashCount | None = None, opening_float: int = 0
    ) -> tuple[ZReport, str | None]:
        """The day's report and who closed it: as signed off if closed, else as it stands now."""
        closed = DayCloses(self._db()).get(business_date)
        if closed is not None:
            return ZReport.from_json(closed.detail), closed.closed_by
        report = build_z_report(
            self._db(),
            business_date,
            day=self.store.day,
            opening_float=opening_float,
            counted=counted,
            now=self.now(),
        )
        return report, None

    def close_day(self, shown: ZReport) -> ZReport:
        """Close the day of ``shown`` with its count and float, if its figures still hold."""
        assert shown.counted is not None
        return close_day(
            self._db(),
            shown.business_date,
            day=self.store.day,
            counted=shown.counted,
            closed_by=self.name,
            opening_float=shown.opening_float,
            now=self.now(),
            shown=shown,
        )

    # products

    def products(self, text: str) -> list[Product]:
        return self.store.products.search(text, PRODUCT_ROWS, include_inactive=True)

    def categories(self) -> list[str]:
        return self.store.products.categories()

    def add_product(self, product: Product) -> Product:
        """A new product; a SKU the catalogue has already is refused (edit that one instead)."""
        with self._audited() as audit:
            if self.store.products.get(product.sku) is not None:
                raise ValidationError(
                    N_("product {sku} exists already: find it and edit it"), sku=product.sku
                )
            self._keep(product)
            audit("product.add", {"sku": product.sku, **_product_fields(product)})
        return product

    def save_product(
        self,
        sku: str,
        *,
        name: str,
        category: str,
        price: int,
        barcode: str | None = None,
        tax_class: TaxClass | None = None,
    ) -> Product:
        """Change a product's name, category, price, barcode or tax class (None keeps the barcode
        or the tax class); its SKU stays."""
        with self._audited() as audit:
            before = self._product(sku)
            after = replace(
                before,
                name=name.strip(),
                category=category.strip(),
                price=price,
                barcode=before.barcode if barcode is None else barcode.strip(),
                tax_class=before.tax_class if tax_class is None else tax_class,
            )
            self._keep(after)
            audit(
                "product.edit",
                {"sku": sku, "before": _product_fields(before), "after": _product_fields(after)},
            )
        return after

    def deactivate_product(self, sku: str) -> Product:
        """Off sale: no longer found by search or scan for a sale; its past sales stay."""
        return self._put_on_sale(sku, False, "product.deactivate")

    def reactivate_product(self, sku: str) -> Product:
        """Back on sale: the cashier finds it again by search, scan and tile."""
        return self._put_on_sale(sku, True, "product.reactivate")

    def _put_on_sale(self, sku: str, active: bool, action: str) -> Product:
        with self._audited() as audit:
            after = replace(self._product(sku), active=active)
            self.store.products.upsert_many([after], now=self.now())
            audit(action, {"sku": sku})
        return after

    def _keep(self, product: Product) -> None:
        """Write a product the manager entered; a scale label with its value in it is refused."""
        check_item_code(product.barcode, self.terminal.settings.barcodes)
        self.store.products.upsert_many([product], now=self.now())

    def import_products(self, path: Path) -> ImportSummary:
        return import_products(
            self._db(),
            path,
            layout=self.terminal.settings.barcodes,
            audit=lambda summary: self._audit(
                "products.import",
                {"file": str(path), "products": summary.products, "changed": summary.changed},
            ),
        )

    def export_products(self, path: Path) -> int:
        count = export_products(self._db(), path)
        self._audit("products.export", {"file": str(path), "products": count})
        return count

    # users

    def users(self) -> list[User]:
        return self.store.users.list_users()

    def add_user(self, name: str, role: Role | str, pin: str) -> User:
        with self._audited() as audit:
            user = self.store.users.add_user(name, role, pin, now=self.now())
            audit("user.add", {"user": user.name, "role": str(user.role)})
        return user

    def deactivate_user(self, user_id: int) -> None:
        """Refused for the manager signed in and for the last active manager (checked in the
        writing transaction, so two managers cannot deactivate each other at once)."""
        with self._audited() as audit:
            user = self.store.users.get(user_id)
            if user.id == self.manager.id:
                raise ValidationError(N_("you cannot deactivate yourself while signed in"))
            managers = [u for u in self.users() if u.active and u.role is Role.MANAGER]
            if user.role is Role.MANAGER and len(managers) <= 1 and user.active:
                raise ValidationError(N_("{name} is the last active manager"), name=user.name)
            self.store.users.deactivate(user_id)
            audit("user.deactivate", {"user": user.name})

    def reset_pin(self, user_id: int, pin: str) -> None:
        with self._audited() as audit:
            user = self.store.users.get(user_id)
            self.store.users.reset_pin(user_id, pin)
            audit("user.reset_pin", {"user": user.name})

    # problem payments

    def problems(self) -> list[ProblemPayment]:
        return list_problems(self._db())

    def check_status(self, invoice_number: str) -> PaymentAttempt:
        """Ask the provider now; the attempt moves (and its sale completes) as it answers."""
        attempt = self.terminal.checkout.check_status(invoice_number)
        self._audit(
            "payment.check_status", {"invoice_number": invoice_number, "state": str(attempt.state)}
        )
        return attempt

    def _payouts(self) -> Payouts:
        """The till's payouts, or why there are none: the ecommpay settings they need."""
        payouts = self.terminal.payouts
        if payouts is None:
            raise ValidationError(
                N_("refunds need the ecommpay settings: {keys}"),
                keys=", ".join(self.payouts_missing()),
            )
        return payouts

    def check_listed_payout(self, payout_id: str) -> Refund:
        """Ask ecommpay now about a paid payout listed as contradicted (its callbacks may have
        brought the decline and lost the reversal) or as paid another amount (a callback names
        one part of a split payout): one it reports reversed is settled so, and what all the
        parts paid is taken (:meth:`Payouts.check_listed`); audited with what came of it, as
        :meth:`check_status` is."""
        refund = self._payouts().check_listed(payout_id)
        self._audit(
            "refund.check_listed",
            {
                "payout_id": payout_id,
                "reversed": refund.reversed_at is not None,
                "paid_amount": refund.paid_amount,
            },
        )
        return refund

    def resolve(self, invoice_number: str, reason: str, seen: ProblemPayment | None = None) -> None:
        """``seen``: the problem as the manager saw it (see :func:`resolve`). An open payment
        it cancels has its Gate page ended, as the cashier's cancel does."""
        before = self.store.payments.find_attempt(invoice_number)
        resolve(
            self._db(),
            invoice_number,
            reason=reason,
            manager=self.name,
            now=self.now(),
            seen=seen,
            day=self.store.day,
        )
        if before is not None:
            self.terminal.checkout.settle(invoice_number)  # tells the cashier screen
            if before.state in OPEN_STATES:
                self.terminal.checkout.registrations.end_page(before)

    def record_refunded_amount(self, seen: ProblemPayment, refunded: int) -> PaymentAttempt:
        """What DOKU refunded of the payment ``seen`` lists, read from DOKU's back office
        (:func:`record_refunded_amount`)."""
        return record_refunded_amount(
            self._db(), seen, refunded, manager=self.name, day=self.store.day, now=self.now()
        )

    def take_as_reversed(self, seen: ProblemPayment, reason: str) -> Refund:
        """Take the contradicted payout ``seen`` lists as reversed (:func:`take_as_reversed`),
        once the manager saw its money back in ecommpay's dashboard."""
        return take_as_reversed(
            self._db(), seen, reason=reason, manager=self.name, day=self.store.day, now=self.now()
        )

    def attach_candidates(self, invoice_number: str) -> list[Sale]:
        """The unpaid sales that could take this late payment: its own first, then recent ones
        no payment of their own pays (the store checks each again when attaching)."""
        since = self.today() - timedelta(days=ATTACH_DAYS - 1)
        return self.store.sales.attach_candidates(invoice_number, since=since, limit=ATTACH_ROWS)

    def attach(self, invoice_number: str, sale_id: int) -> Sale:
        """Complete the sale with the late payment (audited); the cashier screen hears of it."""
        sale = attach(
            self._db(),
            invoice_number,
            sale_id,
            manager=self.name,
            day=self.store.day,
            now=self.now(),
        )
        self.terminal.checkout.settle(invoice_number)
        return sale

    # refunds

    def payouts_missing(self) -> list[str]:
        """The settings refunds still need; empty when refunds can be paid out."""
        if self.terminal.payouts is not None:
            return []
        return self.terminal.settings.missing_for_payouts() or ["ecommpay"]

    def refundable(self, sale_id: int, invoice_number: str | None = None) -> int:
        """What may still be paid back: of the sale, or of the late payment it names
        (:meth:`Refunds.refundable`, which the store checks again when the refund is recorded)."""
        return max(self.store.refunds.refundable(sale_id, invoice_number), 0)

    def refund(
        self,
        sale_id: int,
        amount: int,
        *,
        account_number: str,
        customer_name: str,
        invoice_number: str | None = None,
        reason: str = "",
    ) -> Refund:
        """Pay ``amount`` back to the customer's wallet as a payout this manager approved.

        Refused in the GUI's language (the refund dialog shows the message as it is) without
        the payout settings, or for more than is left to refund."""
        payouts = self._payouts()
        left = self.refundable(sale_id, invoice_number)
        if amount > left:
            raise ValidationError(
                N_("at most {left} can still be refunded here"), left=format_rupiah(left)
            )
        return payouts.send(
            sale_id,
            amount,
            account_number=account_number,
            customer_name=customer_name,
            approved_by=self.name,
            invoice_number=invoice_number,
            reason=reason,
        )

    def refund_state(self, payout_id: str) -> Refund:
        return self.store.refunds.get(payout_id)

    def check_refund(self, payout_id: str) -> Refund:
        """The status API, for a payout whose callback has not come."""
        payouts = self.terminal.payouts
        if payouts is None:
            return self.refund_state(payout_id)
        refund = payouts.check(payout_id)
        self._audit("refund.check_status", {"payout_id": payout_id, "status": str(refund.status)})
        return refund

    # settings

    def settings_path(self) -> Path:
        """Where settings are saved: the file this terminal read, else where Kasir looks first."""
        return self.terminal.settings.source or paths.config_path()

    def save_settings(self, update: settings_file.Update) -> list[str]:
        """Apply ``update`` to the settings file; the keys whose setting changed (none: nothing
        is written). Checked by reading it back first, so a :class:`ConfigError` naming every
        wrong key leaves the file as it was; written atomically, owner-only. Audited with the
        changed keys only, never a value. The running terminal keeps its settings: they apply
        when it is started again, not in the middle of a payment.
        """
        if self.terminal.demo:
            raise ValidationError(
                N_("demo mode runs on embedded services: its settings cannot be saved")
            )
        path = self.settings_path()
        text = settings_file.draft(path, update)
        after = settings_file.check(text)
        try:
            before = settings_file.check(settings_file.draft(path, {}))
        except ConfigError:
            changed = sorted(update)
        else:
            changed = settings_file.changed_keys(before, after)
        if not changed:
            return []
        settings_file.write(path, text)
        self._audit("settings.change", {"file": str(path), "keys": changed})
        return changed

    def test_connection(self) -> list[Check]:
        payouts = self.terminal.payouts
        return [
            *check_relay(self.terminal.relay),
            check_provider(self.terminal.checkout.provider),
            check_payouts(payouts.gateway if payouts is not None else None),
        ]

    # inside

    def _db(self) -> Database:
        """This thread's connection."""
        return self.store.repositories().db

    def _product(self, sku: str) -> Product:
        product = self.store.products.get(sku)
        if product is None:
            raise NotFound(f"product {sku} does not exist")
        return product

    def _audit(self, action: str, detail: dict[str, object]) -> None:
        """Audit what is done already outside the database (a file, a provider's answer)."""
        self.store.audit.record(self.name, action, detail, now=self.now())

    @contextmanager
    def _audited(self) -> Iterator[Callable[[str, dict[str, object]], None]]:
        """One transaction on this thread's connection for a change and its audit entry: the
        store's own transactions nest in it, so an audit that fails undoes the change, and a
        change that fails is never audited."""
        with transaction(self._db()):
            yield self._audit


def _product_fields(product: Product) -> dict[str, object]:
    return {
        "barcode": product.barcode,
        "name": product.name,
        "category": product.category,
        "price": product.price,
        "tax_class": product.tax_class.value,
    }
